"""A change qualified by what it is a change of, and an absolute change asked where only a
rate is stated (issue 17 break-test bt9-b17 failures 8 and 9).

"... có 561 doanh nghiệp thành lập mới, vốn đăng ký 6.247 tỷ đồng, tăng 11,5% về số doanh
nghiệp" framed the 11,5% as the change of "vốn đăng ký" (the nearest noun): the trailing "về
<chỉ tiêu>" / "tính theo <chỉ tiêu>" names the change's indicator -- the earlier figure of the
sentence whose noun it holds ("lượng" the quantity, "giá trị" the money), else that noun.
"... ước đạt 9.846 tỷ đồng, tăng 3,7%" asked "cao hơn cùng kỳ bao nhiêu tỷ đồng?" answered
with the raw sentence: no difference in tỷ đồng is stated, so the refusal names the rate.
Reports of our own: other indicators, units, periods and wordings than the break-test's."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import service_over_files

from rag.records import AskOptions
from rag.service import RagService
from rag.vi.frames import extract

TODAY = date(2051, 4, 20)
DOCS = {
    "ktxh-quy1-2051.txt": (
        "Tình hình kinh tế - xã hội quý I năm 2051\n05/04/2051\n\n"
        "Đầu tư nước ngoài: quý I năm 2051 thu hút 23 dự án FDI, tổng vốn đăng ký 415 triệu "
        "USD, tăng 15% tính theo số dự án.\n\n"
        "Xuất khẩu cà phê quý I năm 2051 đạt 36 nghìn tấn, trị giá 98 triệu USD, giảm 6,4% về "
        "lượng nhưng tăng 12,8% về giá trị.\n\n"
        "Doanh thu vận tải quý I năm 2051 ước đạt 1.275 tỷ đồng, tăng 8,6% so với cùng kỳ. "
        "Sản lượng thủy sản quý I năm 2051 đạt 24.300 tấn, tăng 2,9%. "
        "Sản lượng điện sản xuất quý I năm 2051 đạt 640 triệu kWh, cao hơn cùng kỳ là 35 "
        "triệu kWh.\n"),
}


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over_files(tmp_path_factory.mktemp("change-qualifier"), DOCS)


def _changes(sentence: str) -> dict[str, str]:
    return {f.value: f.indicator for f in extract(sentence, "t", "2051-04-05")
            if f.measure == "change"}


@pytest.mark.parametrize(("sentence", "value", "indicator"), [
    ("Năm 2050 có 1.240 hộ kinh doanh đăng ký mới, vốn 2.180 tỷ đồng, tăng 9,3% về số hộ.",
     "9,3%", "hộ kinh doanh đăng ký"),
    ("Quý IV có 87 dự án được cấp phép, vốn đầu tư 3.900 tỷ đồng, giảm 4,1% tính theo số dự "
     "án.", "giảm 4,1%", "dự án cấp phép"),
    ("Xuất khẩu chè 6 tháng đạt 12,4 nghìn tấn, kim ngạch 21 triệu USD, giảm 2,5% về lượng, "
     "tăng 3,3% về kim ngạch.", "giảm 2,5%", "Xuất khẩu chè"),
    ("Xuất khẩu chè 6 tháng đạt 12,4 nghìn tấn, kim ngạch 21 triệu USD, giảm 2,5% về lượng, "
     "tăng 3,3% về kim ngạch.", "3,3%", "kim ngạch"),
    ("Tổng thu từ du lịch đạt 840 tỷ đồng, tăng 7,7% về số lượt khách.", "7,7%",
     "số lượt khách"),
])
def test_qualifier_names_the_changes_indicator(sentence: str, value: str,
                                               indicator: str) -> None:
    assert _changes(sentence)[value] == indicator


def test_unqualified_change_keeps_its_noun() -> None:
    changes = _changes("Quý IV có 87 dự án được cấp phép, vốn đầu tư 3.900 tỷ đồng, giảm 4,1% "
                       "so với cùng kỳ.")
    assert changes["giảm 4,1%"] == "vốn đầu tư"


@pytest.mark.parametrize(("question", "value"), [
    ("số dự án FDI quý I năm 2051 tăng bao nhiêu %?", "15"),
    ("lượng cà phê xuất khẩu quý I năm 2051 giảm bao nhiêu %?", "6,4"),
    ("giá trị xuất khẩu cà phê quý I năm 2051 tăng bao nhiêu %?", "12,8"),
])
def test_the_named_indicators_change_answers(service: RagService, question: str,
                                             value: str) -> None:
    a = service.ask(question, AskOptions(today=TODAY))
    assert a.found and value in a.answer


@pytest.mark.parametrize("question", [
    "vốn đăng ký của các dự án FDI quý I năm 2051 tăng bao nhiêu %?",
    "tổng vốn đăng ký FDI quý I năm 2051 tăng bao nhiêu %?",
])
def test_another_indicators_change_refused(service: RagService, question: str) -> None:
    a = service.ask(question, AskOptions(today=TODAY))
    assert not a.found, a.answer


@pytest.mark.parametrize(("question", "rate"), [
    ("doanh thu vận tải quý I năm 2051 cao hơn cùng kỳ bao nhiêu tỷ đồng?", "8,6%"),
    ("doanh thu vận tải quý I năm 2051 tăng bao nhiêu tỷ đồng so với cùng kỳ?", "8,6%"),
    ("sản lượng thủy sản quý I năm 2051 tăng bao nhiêu tấn?", "2,9%"),
    ("sản lượng thủy sản quý I năm 2051 nhiều hơn cùng kỳ bao nhiêu tấn?", "2,9%"),
])
def test_absolute_change_absent_refused_naming_the_rate(service: RagService, question: str,
                                                        rate: str) -> None:
    a = service.ask(question, AskOptions(today=TODAY))
    assert not a.found, a.answer
    assert rate in a.answer and "chênh lệch tuyệt đối" in a.answer


def test_stated_absolute_change_still_answers(service: RagService) -> None:
    a = service.ask("sản lượng điện sản xuất quý I năm 2051 cao hơn cùng kỳ bao nhiêu triệu "
                    "kWh?", AskOptions(today=TODAY))
    assert a.found and "35" in a.answer
