"""Kinds left by issue 17's closing break-test (branch f17e), each over invented reports of
its own wording and figures (the break-test's reports are not in the repo):

- a part given for its total: a figure whose indicator is the asked one narrowed by a
  qualifier the question does not name ("từ hoạt động ...", "của ngành ...", "trên địa bàn
  huyện ...") answers only when no whole does, and never at confidence >= 0.9; the whole of
  part of the period comes first, said as partial;
- a subclass asked ("OCOP 3 sao", "xuất khẩu rau quả"): the subclass the report gives, never
  another class, and the whole only when the report gives no subclass, said so and under 0.9.
"""

from __future__ import annotations

from datetime import date

import pytest
from conftest import service_over_files

from rag.records import Answer, AskOptions
from rag.service import RagService

DOCS = {
    "tk-9thang-2030.txt": (
        "Tình hình kinh tế - xã hội 9 tháng năm 2030\n28/9/2030\n\n"
        "Tổng thu ngân sách nhà nước trên địa bàn 9 tháng năm 2030 ước đạt 5.400 tỷ đồng, "
        "bằng 68% dự toán; trong đó thu từ hoạt động xuất nhập khẩu 2.900 tỷ đồng.\n\n"
        "Tổng vốn đầu tư phát triển toàn xã hội 9 tháng năm 2030 đạt 3.800 tỷ đồng.\n"),
    "hq-tongket-2030.txt": (
        "Hải quan tổng kết công tác năm 2030\n30/12/2030\n\n"
        "Năm 2030, số thu ngân sách từ hoạt động xuất nhập khẩu đạt 3.950 tỷ đồng, vượt 5% "
        "dự toán được giao.\n"),
    "van-lang-2030.txt": (
        "Huyện Văn Lãng tổng kết năm 2030\n25/12/2030\n\n"
        "Năm 2030, vốn đầu tư phát triển trên địa bàn huyện Văn Lãng đạt 310 tỷ đồng.\n"),
    "cong-nghiep-2031.txt": (
        "Sản xuất công nghiệp 6 tháng đầu năm 2031\n30/6/2031\n\n"
        "Giá trị sản xuất công nghiệp 6 tháng đầu năm 2031 ước đạt 2.150 tỷ đồng.\n"),
    "che-bien-2031.txt": (
        "Báo cáo của Hiệp hội chế biến\n20/12/2031\n\n"
        "Năm 2031, giá trị sản xuất của ngành chế biến nông sản đạt 640 tỷ đồng.\n"),
    "ocop-2031.txt": (
        "Kết quả Chương trình OCOP năm 2031\n28/12/2031\n\n"
        "Đến hết tháng 11/2031, toàn tỉnh có 154 sản phẩm được công nhận OCOP, gồm 21 sản "
        "phẩm 4 sao và 133 sản phẩm 3 sao.\n"),
    "xuat-khau-2031.txt": (
        "Hoạt động xuất nhập khẩu năm 2031\n29/12/2031\n\n"
        "Năm 2031, kim ngạch xuất khẩu qua địa bàn đạt 4.870 triệu USD.\n\n"
        "Tính từ đầu năm đến ngày 25/12/2031, kim ngạch xuất khẩu rau quả qua địa bàn đạt "
        "1.120 triệu USD.\n\n"
        "Mười một tháng năm 2031, kim ngạch xuất khẩu qua địa bàn đạt 4.300 triệu USD (than "
        "đá 260 triệu USD).\n"),
    "du-lich-2031.txt": (
        "Hoạt động du lịch 9 tháng năm 2031\n30/9/2031\n\n"
        "Chín tháng năm 2031, toàn tỉnh đón 3,1 triệu lượt khách, trong đó khách quốc tế "
        "96.000 lượt, khách nội địa 3,004 triệu lượt.\n"),
}


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over_files(tmp_path_factory.mktemp("parts"), DOCS)


def ask(service: RagService, question: str) -> Answer:
    return service.ask(question, AskOptions(retrieval_mode="lexical", today=date(2032, 1, 10)))


@pytest.mark.parametrize(("question", "whole", "part"), [
    ("thu ngân sách năm 2030", "5.400 tỷ đồng", "3.950 tỷ đồng"),
    ("vốn đầu tư phát triển năm 2030", "3.800 tỷ đồng", "310 tỷ đồng"),
    ("giá trị sản xuất công nghiệp năm 2031", "2.150 tỷ đồng", "640 tỷ đồng"),
])
def test_a_part_named_by_a_qualifier_is_not_its_total(service: RagService, question: str,
                                                      whole: str, part: str) -> None:
    answer = ask(service, question)
    assert answer.found and answer.answer.startswith(whole), (answer.answer, answer.summary)
    assert answer.period_match == "partial"
    assert not (answer.answer.startswith(part) and answer.confidence >= 0.9)


@pytest.mark.parametrize(("question", "part"), [
    ("thu ngân sách từ hoạt động xuất nhập khẩu năm 2030", "3.950 tỷ đồng"),
    ("vốn đầu tư phát triển huyện Văn Lãng năm 2030", "310 tỷ đồng"),
])
def test_the_part_named_is_answered(service: RagService, question: str, part: str) -> None:
    answer = ask(service, question)
    assert answer.found and answer.answer.startswith(part), (answer.answer, answer.summary)
    assert answer.period_match == "exact"


@pytest.mark.parametrize(("question", "expected"), [
    ("có bao nhiêu sản phẩm OCOP 3 sao", "133 sản phẩm"),
    ("số sản phẩm OCOP 4 sao tính đến tháng 11/2031", "21 sản phẩm"),
    ("kim ngạch xuất khẩu rau quả năm 2031", "1.120 triệu USD"),
    ("xuất khẩu than đá năm 2031", "260 triệu USD"),
])
def test_the_subclass_asked_is_answered(service: RagService, question: str,
                                        expected: str) -> None:
    answer = ask(service, question)
    assert answer.found and answer.answer.startswith(expected), (answer.answer, answer.summary)


@pytest.mark.parametrize(("question", "wrong"), [
    ("có bao nhiêu sản phẩm OCOP 5 sao", ("21 ", "133 ")),
    ("số sản phẩm OCOP 5 sao tính đến tháng 11/2031", ("21 ", "133 ")),
    ("kim ngạch xuất khẩu thủy sản năm 2031", ("1.120 ",)),
])
def test_a_subclass_the_report_does_not_give_is_no_other_figure(
        service: RagService, question: str, wrong: tuple[str, ...]) -> None:
    answer = ask(service, question)
    assert not answer.answer.startswith(wrong), (answer.answer, answer.summary)
    if answer.found:  # only the whole, said to be so, and not taken as sure
        assert "không có số liệu riêng" in answer.summary and answer.confidence < 0.9


@pytest.mark.parametrize("question", [
    "lượng khách du lịch 9 tháng năm 2031 gồm bao nhiêu khách quốc tế và khách nội địa",
    "số lượt khách du lịch 9 tháng năm 2031, trong đó khách quốc tế và khách nội địa",
])
def test_two_parts_asked_of_one_whole_are_both_answered(service: RagService,
                                                        question: str) -> None:
    answer = ask(service, question)
    assert answer.found and not answer.missing, (answer.answer, answer.summary)
    assert "96.000 lượt" in answer.answer and "3,004 triệu lượt" in answer.answer
    assert "không có số liệu riêng" not in answer.summary


def test_a_subclass_is_named_by_whole_words_not_syllables() -> None:
    """'sản lượng điện sản xuất' asks the row 'Điện sản xuất': the 'sản' of 'sản lượng' is
    no word of the row ('sản xuất' is), so 'lượng' names no subclass; 'xuất khẩu hoa quả'
    of a frame 'xuất khẩu' still does (rag.answer.figures.unnamed_subclass)."""
    from rag.answer.figures import unnamed_subclass
    from rag.vi.words import words_in

    def fields(*own: str) -> list[tuple[frozenset[str], float]]:
        return [(frozenset(own), 1.0)] + [(frozenset(), 0.0)] * 5

    row = fields("dien", "san", "xuat", "san_xuat")
    q = "sản lượng điện sản xuất"
    assert unnamed_subclass((("san", "luong", "dien", "san", "xuat"),), row,
                            frozenset(words_in(q))) == ()
    exports = fields("xuat", "khau", "xuat_khau")
    assert unnamed_subclass((("xuat", "khau", "hoa", "qua"),), exports,
                            frozenset(words_in("xuất khẩu hoa quả"))) == ("hoa", "qua")
