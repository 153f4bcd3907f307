"""Bracketed amounts (issue 17 break-test bt20-b17 failures 4 and 5).

A plan's amount in brackets right after the share of it ("bằng 101,2% dự toán HĐND tỉnh giao
(2.380 tỷ đồng)", "bằng 27,4% kế hoạch năm 2041 (33.300 tỷ đồng)") is that plan's own value:
a target of the same indicator, of the plan's year -- not a level of the reported period, nor
a share of the plan.  Values listed together in brackets ("(cuối năm 2039 có 30 khu, 350 ha)")
each take the noun their own unit names: the count is of the "khu dân cư", the area the
"tổng diện tích" -- and a question asking the area gets the hectares."""

from __future__ import annotations

import pytest
from conftest import service_over_files

from rag.ingest.readers import read_bytes
from rag.records import AskOptions
from rag.service import RagService
from rag.vi.frames import extract

REPORT = (
    "BÁO CÁO KẾT QUẢ THỰC HIỆN NHIỆM VỤ QUÝ III NĂM 2041\n"
    "Ngày 05/10/2041\n\n"
    "Quý III/2041, tổng mức bán lẻ hàng hóa trên địa bàn đạt 9.120 tỷ đồng, bằng 27,4% kế "
    "hoạch năm 2041 (33.300 tỷ đồng).\n\n"
    "Thu ngân sách nhà nước 9 tháng năm 2041 ước đạt 2.410 tỷ đồng, bằng 71,2% dự toán "
    "HĐND tỉnh giao (3.385 tỷ đồng).\n\n"
    "Đến cuối tháng 9/2041, tỉnh có 36 khu dân cư kiểu mẫu với tổng diện tích 412 ha (cuối "
    "năm 2039 có 30 khu, 350 ha); trong đó 22 khu đã hoàn thành hạ tầng.\n")
DOCS = {"bao-cao-quy-3-2041.txt": REPORT}


def frames_by_value() -> dict[str, object]:
    doc = read_bytes("bao-cao-quy-3-2041.txt", REPORT.encode("utf-8"))[0]
    return {f.value: f for f in extract(doc.text, doc.title, doc.date)}


@pytest.mark.parametrize(("value", "indicator_word"), [
    ("33.300 tỷ đồng", "bán lẻ"), ("3.385 tỷ đồng", "Thu ngân sách")])
def test_a_bracketed_plan_amount_is_the_target_of_the_plan_year(value: str,
                                                                indicator_word: str) -> None:
    f = frames_by_value()[value]
    assert (f.measure, f.target) == ("level", True), (f.measure, f.target)
    assert indicator_word in f.indicator
    assert f.period is not None and f.period.kind == "year" and f.period.start.year == 2041


def test_listed_values_take_the_noun_of_their_own_unit() -> None:
    frames = frames_by_value()
    assert "khu dân cư" in frames["30 khu"].indicator, frames["30 khu"].indicator
    assert frames["350 ha"].indicator == "tổng diện tích"
    assert "diện tích" not in frames["22 khu"].parent, frames["22 khu"].parent


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over_files(tmp_path_factory.mktemp("bracketed_plan"), DOCS)


@pytest.mark.parametrize(("question", "value"), [
    ("kế hoạch tổng mức bán lẻ hàng hóa năm 2041?", "33.300"),
    ("dự toán thu ngân sách HĐND tỉnh giao năm 2041 là bao nhiêu?", "3.385"),
    ("tổng diện tích khu dân cư kiểu mẫu cuối năm 2039?", "350"),
    ("có bao nhiêu khu dân cư kiểu mẫu cuối năm 2039?", "30"),
])
def test_asked(service: RagService, question: str, value: str) -> None:
    answer = service.ask(question, AskOptions(retrieval_mode="lexical"))
    assert answer.found and value in answer.answer, (answer.answer, answer.summary)
