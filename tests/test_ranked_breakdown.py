"""Ranked breakdowns (rag.vi.frames.rankings): a sentence splitting a total stated before it
into ranked items ("Xét theo cửa khẩu, ... dẫn đầu với ...; ... đứng thứ hai với ...;
... thấp nhất với ...") -- each item is a part of that total, of its period, named without
its rank; "X nào ... cao/thấp nhất" answers the item with its figure.

Issue 17 break-test bt23-b17 failure 5 (bt21 g); the documents here are other lists (markets,
districts, countries), other rank wordings, other periods than the break-test's.
"""

from __future__ import annotations

from datetime import date

import pytest
from conftest import service_over_files

from rag.records import AskOptions
from rag.service import RagService
from rag.vi.frames.document import extract
from rag.vi.frames.rankings import without_rank

MARKETS = ("XUẤT KHẨU HÀNG HÓA TỈNH ĐÔNG QUAN\n"
           "(Ngày 05/10/2068)\n\n"
           "Tháng 9/2068, kim ngạch xuất khẩu hàng hóa của tỉnh đạt 182,6 triệu USD, tăng 4,1% "
           "so với tháng trước.\n"
           "Tính chung 9 tháng năm 2068, kim ngạch xuất khẩu hàng hóa đạt 1.540,2 triệu USD, "
           "tăng 8,4% so với cùng kỳ.\n\n"
           "Theo thị trường, Trung Quốc đứng đầu với 902,4 triệu USD; Hoa Kỳ xếp thứ 2 với "
           "311,7 triệu USD; EU xếp thứ ba với 205,3 triệu USD; Nhật Bản đứng cuối với 120,8 "
           "triệu USD.\n")
BUDGET = ("TÌNH HÌNH THU NGÂN SÁCH HUYỆN, THÀNH PHỐ\n"
          "(Ngày 08/7/2069)\n\n"
          "Thu ngân sách nhà nước trên địa bàn tháng 6/2069 đạt 402,5 tỷ đồng.\n"
          "Lũy kế 6 tháng đầu năm 2069, thu ngân sách nhà nước trên địa bàn đạt 2.815,0 tỷ "
          "đồng, bằng 51,2% dự toán.\n"
          "Phân theo địa bàn, thành phố Kỳ Lâm dẫn đầu với 1.630,4 tỷ đồng; huyện Bình Khê "
          "đứng thứ hai với 540,2 tỷ đồng; huyện Na Sơn đạt 390,1 tỷ đồng; huyện Mường Tà "
          "thấp nhất với 254,3 tỷ đồng.\n")
FDI = ("THU HÚT ĐẦU TƯ NƯỚC NGOÀI QUÝ III/2070\n"
       "(Ngày 02/10/2070)\n\n"
       "Quý III/2070, tỉnh thu hút 9 dự án mới với vốn đăng ký 118,0 triệu USD.\n"
       "Từ đầu năm đến 30/9/2070, tỉnh cấp mới 31 dự án FDI với tổng vốn đăng ký 724,9 "
       "triệu USD; lũy kế toàn tỉnh có 356 dự án còn hiệu lực với tổng vốn 8.412 triệu USD.\n"
       "Đài Loan xếp đầu với 301,2 triệu USD; Hồng Kông xếp thứ hai với 188,4 triệu USD; "
       "Thái Lan thứ ba với 96,3 triệu USD.\n")


@pytest.mark.parametrize("written, name", [
    ("Hoa Kỳ xếp thứ 2", "Hoa Kỳ"),
    ("huyện Mường Tà thấp nhất", "huyện Mường Tà"),
    ("Thái Lan thứ ba", "Thái Lan"),
    ("Đài Loan xếp đầu về vốn đăng ký", "Đài Loan vốn đăng ký"),
    ("tiếp đến là cửa khẩu Chi Lăng", "cửa khẩu Chi Lăng"),
    ("kim ngạch xuất khẩu", "kim ngạch xuất khẩu"),
])
def test_rank_words_are_no_part_of_the_name(written: str, name: str) -> None:
    assert without_rank(written) == name


def _item(text: str, day: str, value: str):  # type: ignore[no-untyped-def]
    return next(f for f in extract(text, "", day) if f.value.startswith(value))


@pytest.mark.parametrize("text, day, value, name, total, period", [
    (MARKETS, "2068-10-05", "311,7", "Hoa Kỳ", "kim ngạch xuất khẩu", "9 tháng"),
    (MARKETS, "2068-10-05", "120,8", "Nhật Bản", "kim ngạch xuất khẩu", "9 tháng"),
    (BUDGET, "2069-07-08", "540,2", "huyện Bình Khê", "thu ngân sách", "6 tháng"),
    (BUDGET, "2069-07-08", "254,3", "huyện Mường Tà", "thu ngân sách", "6 tháng"),
    (FDI, "2070-10-02", "188,4", "Hồng Kông", "vốn đăng ký", "30/9/2070"),
])
def test_an_item_is_a_part_of_the_total_before_it(text: str, day: str, value: str, name: str,
                                                   total: str, period: str) -> None:
    f = _item(text, day, value)
    assert f.indicator == name, f.indicator
    assert total in f.parent and f.part, f.parent
    assert f.period is not None and period in f.period.label, f.period


def test_no_total_covering_the_items_leaves_their_period() -> None:
    # the items (sum 585,9) are more than the quarter's 118,0 and no other total is
    # before them: no parent, the document's period -- only the rank words go
    text = FDI.replace("Từ đầu năm đến 30/9/2070, tỉnh cấp mới 31 dự án FDI với tổng vốn "
                       "đăng ký 724,9 triệu USD; lũy kế toàn tỉnh có 356 dự án còn hiệu lực "
                       "với tổng vốn 8.412 triệu USD.\n", "")
    f = _item(text, "2070-10-02", "188,4")
    assert f.indicator == "Hồng Kông" and not f.parent


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over_files(tmp_path_factory.mktemp("ranked"), {
        "xuat_khau_9t_2068.txt": MARKETS, "thu_ngan_sach_6t_2069.txt": BUDGET,
        "fdi_q3_2070.txt": FDI})


def _ask(service: RagService, question: str, today: date):  # type: ignore[no-untyped-def]
    return service.ask(question, AskOptions(retrieval_mode="lexical", today=today))


@pytest.mark.parametrize("question, today, value", [
    ("kim ngạch xuất khẩu sang Hoa Kỳ 9 tháng năm 2068 là bao nhiêu?", date(2068, 10, 20),
     "311,7"),
    ("huyện Bình Khê thu ngân sách nhà nước 6 tháng đầu năm 2069 được bao nhiêu?",
     date(2069, 7, 20), "540,2"),
])
def test_an_item_asked_with_the_totals_period(service: RagService, question: str, today: date,
                                              value: str) -> None:
    answer = _ask(service, question, today)
    assert answer.found and value in answer.answer, answer.answer


@pytest.mark.parametrize("question, today, expected, value, others", [
    ("huyện nào có thu ngân sách nhà nước thấp nhất 6 tháng đầu năm 2069?", date(2069, 7, 20),
     "Mường Tà", "254,3", ("Kỳ Lâm", "Bình Khê")),
    ("thị trường nào có kim ngạch xuất khẩu thấp nhất?", date(2068, 10, 20), "Nhật Bản",
     "120,8", ("Trung Quốc", "Hoa Kỳ")),
])
def test_the_item_at_the_asked_end(service: RagService, question: str, today: date,
                                   expected: str, value: str, others: tuple[str, ...]) -> None:
    answer = _ask(service, question, today)
    assert answer.found, answer.answer
    assert expected in answer.answer and value in answer.answer, answer.answer
    assert not any(o in answer.answer for o in others), answer.answer


REVENUE = ("THU NGÂN SÁCH QUÝ I/2071\n"
           "(Ngày 03/4/2071)\n\n"
           "Quý I/2071, tổng thu ngân sách nhà nước trên địa bàn đạt 915,6 tỷ đồng.\n"
           "Thu từ khu vực doanh nghiệp nhà nước đạt 210,4 tỷ đồng; thu từ thuế bảo vệ môi "
           "trường đạt 88,2 tỷ đồng; thu hái chè búp tươi ước 1.240 tấn.\n")


@pytest.mark.parametrize("value, words", [("210,4", "Thu từ khu vực"), ("88,2", "thu từ thuế")])
def test_a_word_like_a_rank_without_its_marks_is_no_rank(value: str, words: str) -> None:
    # "thu từ" (revenue from) folds as "thứ tư" (fourth) does: the marks tell them apart,
    # and a list of revenues with no rank said is no ranked breakdown
    f = _item(REVENUE, "2071-04-03", value)
    assert f.indicator.startswith(words), f.indicator
    assert without_rank("thu hái chè búp tươi") == "thu hái chè búp tươi"


def test_one_ranked_indicator_of_two_figures_is_no_breakdown() -> None:
    # one item (the peak month) said with its figure and its share: no list of items, its
    # rank is its name's (dev reports dv25: "... năm cao nhất mới hơn 55 triệu USD, chỉ bằng
    # khoảng 1% ...")
    text = ("ĐIỆN THƯƠNG PHẨM NĂM 2072\n(Ngày 10/01/2073)\n\n"
            "Năm 2072, điện thương phẩm toàn tỉnh đạt 1.905 triệu kWh.\n"
            "Sản lượng điện tháng cao nhất đạt 188 triệu kWh, chỉ bằng khoảng 9,9% sản lượng "
            "cả năm.\n")
    f = _item(text, "2073-01-10", "188")
    assert "cao nhất" in f.indicator and not f.part, (f.indicator, f.part)
