"""A value in brackets after a comparative with the country's average ("cao hơn mức bình quân
cả nước (82,3%)", "thấp hơn mức trung bình của cả nước (75,1%)") is the national average of
the figure before it, and a rank said after it ("xếp thứ 12/63") the province's rank of that
figure (rag.vi.frames.national_average; issue 17 break-tests bt17m, bt17n).  A national
average disbursement asked is a rate: the share answers it, not the province's amount."""

from __future__ import annotations

import pytest
from conftest import service_over

from rag.records import AskOptions
from rag.service import RagService
from rag.vi.frames import extract


def frames_of(text: str) -> dict[str, tuple[str, str]]:
    return {f.value: (f.indicator, f.measure) for f in extract(text, "Báo cáo", "2079-01-10")}


@pytest.mark.parametrize(("text", "value", "indicator", "measure"), [
    ("Đến hết ngày 31/12/2071, toàn tỉnh giải ngân được 5.498 tỷ đồng, đạt 87,5% kế hoạch, cao "
     "hơn mức bình quân cả nước (82,3%), xếp thứ 12/63 tỉnh, thành phố.", "82,3%",
     "giải ngân bình quân cả nước", "plan_share"),
    ("Tính đến ngày 25/10/2078, toàn tỉnh giải ngân được 4.187 tỷ đồng, đạt 60,6% kế hoạch, cao "
     "hơn bình quân chung cả nước (54,2%); trong đó vốn ngân sách địa phương giải ngân 2.563 "
     "tỷ đồng, đạt 68,9%.", "54,2%", "giải ngân bình quân chung cả nước", "plan_share"),
    ("Tốc độ tăng GRDP năm 2075 đạt 7,2%, cao hơn so với mức bình quân chung cả nước (6,5%), "
     "đứng thứ 20/63.", "6,5%", "Tốc độ tăng GRDP bình quân chung cả nước", "change"),
    ("Tỷ lệ giải ngân của tỉnh đạt 71,4%, thấp hơn mức trung bình của cả nước (75,1%).",
     "75,1%", "Tỷ lệ giải ngân trung bình của cả nước", "level"),
])
def test_the_bracket_is_the_national_average_of_the_figure_before(
        text: str, value: str, indicator: str, measure: str) -> None:
    assert frames_of(text)[value] == (indicator, measure)


def test_a_rank_after_it_is_of_the_figure_before() -> None:
    frames = frames_of("Tốc độ tăng GRDP năm 2075 đạt 7,2%, cao hơn so với mức bình quân chung "
                       "cả nước (6,5%), đứng thứ 20/63.")
    assert frames["20/63"][0] == "Tốc độ tăng GRDP"


def test_near_miss_a_province_compared_with_another_keeps_its_words() -> None:
    # no country's average: the bracket stays as read before
    frames = frames_of("Kim ngạch xuất khẩu năm 2075 đạt 512 triệu USD, cao hơn năm trước "
                       "(498 triệu USD).")
    assert "cả nước" not in frames["498 triệu USD"][0]


DOCS = [
    {"id": "dtc", "title": "Giải ngân vốn đầu tư công năm 2078", "date": "2078-10-31",
     "text": "Tổng kế hoạch vốn đầu tư công năm 2078 của tỉnh là 6.912 tỷ đồng. Tính đến ngày "
             "25/10/2078, toàn tỉnh giải ngân được 4.187 tỷ đồng, đạt 60,6% kế hoạch, cao hơn "
             "bình quân chung cả nước (54,2%), xếp thứ 12/63 tỉnh, thành phố."},
]


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over(tmp_path_factory.mktemp("national"), DOCS)


@pytest.mark.parametrize(("question", "expected"), [
    ("Bình quân giải ngân cả nước 2078?", "54,2%"),
    ("Tỷ lệ giải ngân bình quân cả nước năm 2078 là bao nhiêu?", "54,2%"),
    ("Tỉnh xếp thứ mấy về giải ngân đầu tư công năm 2078?", "12/63"),
    # near-miss: the province's own amount
    ("Giải ngân vốn đầu tư công của tỉnh năm 2078?", "4.187"),
])
def test_asked(service: RagService, question: str, expected: str) -> None:
    reply = service.ask(question, AskOptions(retrieval_mode="lexical"))
    assert reply.found and expected in reply.answer, (reply.answer, reply.answer_sentence)
