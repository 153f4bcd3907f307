"""A figure named only as the official or revised figure of a period ("Số liệu chính thức
tháng 10/2030 đạt 4.236 tỷ đồng", "Số liệu điều chỉnh tháng 3/2027 là 1.098 tỷ đồng", "Số
chính thức ...") is of the figure stated before it in its unit (issue 17 break-test b17 N2):
it takes that figure's indicator, and -- reported after its period -- supersedes the estimate
made while the period ran (rag.answer.figures.official_first)."""

from __future__ import annotations

import pytest
from conftest import service_over_files

from rag.ingest.readers import read_bytes
from rag.records import AskOptions
from rag.service import RagService
from rag.vi.frames import extract

APRIL = (
    "BÁO CÁO TÌNH HÌNH KINH TẾ - XÃ HỘI THÁNG 4 NĂM 2027\n"
    "Ngày 25/4/2027\n\n"
    "1. Sản xuất công nghiệp\n"
    "Giá trị sản xuất công nghiệp tháng 3/2027 ước đạt 1.085 tỷ đồng, tăng 2,1% so với tháng "
    "trước.\n\n"
    "2. Xuất nhập khẩu\n"
    "Kim ngạch xuất khẩu tháng 3/2027 ước đạt 48,7 triệu USD.\n")
MAY = (
    "BÁO CÁO TÌNH HÌNH KINH TẾ - XÃ HỘI THÁNG 5 NĂM 2027\n"
    "Ngày 27/5/2027\n\n"
    "1. Sản xuất công nghiệp\n"
    "Giá trị sản xuất công nghiệp tháng 5/2027 ước đạt 1.120 tỷ đồng, tăng 3,2% so với tháng "
    "trước. Số liệu điều chỉnh tháng 3/2027 là 1.098 tỷ đồng.\n\n"
    "2. Xuất nhập khẩu\n"
    "Kim ngạch xuất khẩu tháng 5/2027 ước đạt 52,4 triệu USD, tăng 4,0% so với tháng trước. "
    "Số chính thức tháng 3/2027 đạt 50,1 triệu USD.\n\n"
    "3. Chỉ số giá\n"
    "Chỉ số giá tiêu dùng tháng 5/2027 tăng 0,21% so với tháng trước. Số liệu chính thức tháng "
    "3/2027 đạt 96 doanh nghiệp.\n")
DOCS = {"bc-thang4-2027.txt": APRIL, "bc-thang5-2027.txt": MAY}


def frames_of(name: str, text: str):  # noqa: ANN201
    doc = read_bytes(name, text.encode("utf-8"))[0]
    return {f.value: f for f in extract(doc.text, doc.title, doc.date)}


def test_the_official_figure_takes_the_indicator_stated_before_it() -> None:
    frames = frames_of("bc-thang5-2027.txt", MAY)
    revised, official = frames["1.098 tỷ đồng"], frames["50,1 triệu USD"]
    assert revised.indicator == "Giá trị sản xuất công nghiệp", revised.indicator
    assert official.indicator == "Kim ngạch xuất khẩu", official.indicator
    assert not revised.estimate and revised.period is not None
    assert revised.period.label == "tháng 3/2027"


def test_another_unit_keeps_its_own_words() -> None:
    # the last level before it is in money: a count is not of that figure
    counted = frames_of("bc-thang5-2027.txt", MAY)["96 doanh nghiệp"]
    assert counted.indicator != "Kim ngạch xuất khẩu"


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over_files(tmp_path_factory.mktemp("official"), DOCS)


@pytest.mark.parametrize(("question", "expected"), [
    ("giá trị sản xuất công nghiệp tháng 3/2027", "1.098 tỷ đồng"),
    ("kim ngạch xuất khẩu tháng 3/2027", "50,1 triệu USD"),
])
def test_the_official_figure_answers_over_the_estimate(service: RagService, question: str,
                                                       expected: str) -> None:
    answer = service.ask(question, AskOptions(retrieval_mode="lexical"))
    assert answer.found and answer.answer == expected, (answer.answer, answer.summary)
    assert answer.citations[0].doc_id == "bc-thang5-2027"
