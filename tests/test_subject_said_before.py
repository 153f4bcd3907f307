"""Whose a figure is, when its sentence does not say it (break-test bt21-b17, failures 2 and 6,
mislabel h):

- a sentence that leaves its subject unsaid, or says it by its bare kind ("Hội chợ thu hút
  ..., doanh thu bán hàng đạt ..."), is of the fair, market or unit the sentence before
  introduced: a question naming that one was refused at 1.0;
- in "có N <noun> và <noun> <clause>" both nouns and the clause say what N counts: the noun
  alone was N's indicator and the clause went to the next figure;
- a source ("Theo <agency>, ...") after a dateline's dash is never the indicator.
"""

from __future__ import annotations

import pytest
from conftest import service_over_files

from rag.answer.places import subject_before
from rag.records import AskOptions
from rag.service import RagService
from rag.vi.frames.document import extract

DOCS = {
    "hoi-cho-ha-van-2071.txt": (
        "Ha Van: ket qua xuc tien thuong mai 9 thang nam 2071\n\n"
        "Chín tháng năm 2071, công tác xúc tiến thương mại của tỉnh tiếp tục được đẩy mạnh, "
        "nhiều hoạt động kết nối cung cầu được tổ chức.\n\n"
        "Từ ngày 2 đến 6/9/2071, Hội chợ Nông sản - OCOP Kim Sơn lần thứ III năm 2071 diễn ra "
        "tại thành phố Phù Lâm với 180 gian hàng. Hội chợ đón khoảng 41.000 lượt khách, doanh "
        "thu bán hàng đạt 9,4 tỷ đồng, tăng 12% so với hội chợ lần thứ II năm 2070 "
        "(8,4 tỷ đồng).\n\n"
        "Chợ Đông Kinh hiện có 1.200 hộ kinh doanh cố định. Doanh thu năm 2071 ước đạt 850 tỷ "
        "đồng.\n\n"
        "Chợ Kỳ Lừa có 640 hộ kinh doanh; doanh thu năm 2071 của chợ ước đạt 610 tỷ đồng.\n"),
}


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over_files(tmp_path_factory.mktemp("said_before"), DOCS)


@pytest.mark.parametrize(("question", "value"), [
    ("doanh thu bán hàng tại hội chợ OCOP Kim Sơn năm 2070?", "8,4"),
    ("doanh thu bán hàng hội chợ OCOP Kim Sơn năm 2071?", "9,4"),
    ("doanh thu chợ Đông Kinh năm 2071?", "850"),
])
def test_the_subject_introduced_the_sentence_before_is_the_figures(
        service: RagService, question: str, value: str) -> None:
    answer = service.ask(question, AskOptions(retrieval_mode="lexical"))
    assert answer.found and value in answer.answer, answer.answer


def test_a_sentence_naming_its_own_market_keeps_it(service: RagService) -> None:
    answer = service.ask("doanh thu chợ Đông Kinh năm 2071?",
                         AskOptions(retrieval_mode="lexical"))
    assert "610" not in answer.answer, answer.answer


def test_the_sentence_before_only_within_its_paragraph() -> None:
    text = "Chợ Đông Kinh có 1.200 hộ.\n\nDoanh thu đạt 850 tỷ đồng. Chợ Kỳ Lừa có 640 hộ."
    q0 = text.index("Doanh")
    assert subject_before(text, q0, text.index(" Chợ Kỳ")) == ""
    second = text.index("Chợ Kỳ")
    assert subject_before(text, second, len(text)) == ""  # it names its own market
    one = "Chợ Đông Kinh có 1.200 hộ. Doanh thu đạt 850 tỷ đồng."
    assert "Đông Kinh" in subject_before(one, one.index("Doanh"), len(one))


def _frame(text: str, value: str):  # type: ignore[no-untyped-def]
    return next(f for f in extract(text) if f.value.startswith(value))


def test_two_counted_nouns_and_their_clause_are_the_counts() -> None:
    text = ("Đến ngày 30/6/2071 có 2.315 hợp tác xã và tổ hợp tác tham gia chuỗi liên kết "
            "tiêu thụ nông sản, tăng 142 đơn vị so với cuối năm 2070.")
    total, change = _frame(text, "2.315"), _frame(text, "142")
    assert "tổ hợp tác tham gia chuỗi liên kết tiêu thụ nông sản" in total.indicator
    assert total.indicator.startswith("hợp tác xã")
    assert change.indicator == total.indicator and change.measure == "change"


def test_a_second_figure_after_and_is_its_own() -> None:
    text = "Năm 2071 toàn huyện có 120 doanh nghiệp và 35 hợp tác xã tham gia xuất khẩu."
    assert "hợp tác xã" not in _frame(text, "120").indicator


@pytest.mark.parametrize("lead", [
    "Ngày 3/5/2071 - Theo Sở Nông nghiệp và Phát triển nông thôn tỉnh Hà Vân",
    "Phù Lâm (HV) – Theo báo cáo của Văn phòng Điều phối nông thôn mới tỉnh",
])
def test_a_source_after_a_datelines_dash_is_no_indicator(lead: str) -> None:
    text = f"{lead}, đến ngày 30/4/2071 toàn tỉnh có 212 sản phẩm được công nhận OCOP."
    indicator = _frame(text, "212").indicator
    assert "Theo" not in indicator and "sản phẩm" in indicator, indicator


def test_a_question_naming_the_counted_clause_finds_it(tmp_path_factory:
                                                       pytest.TempPathFactory) -> None:
    svc = service_over_files(tmp_path_factory.mktemp("joined"), {"ktxh-2071.txt": (
        "Bao cao kinh te xa hoi 6 thang nam 2071\n\n"
        "Đến ngày 30/6/2071 có 2.315 hợp tác xã và tổ hợp tác tham gia chuỗi liên kết tiêu "
        "thụ nông sản, tăng 142 đơn vị so với cuối năm 2070.\n")})
    answer = svc.ask("số đơn vị tham gia chuỗi liên kết tiêu thụ nông sản đến 30/6/2071?",
                     AskOptions(retrieval_mode="lexical"))
    assert answer.found and "2.315" in answer.answer, answer.answer
