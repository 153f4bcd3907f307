"""A figure a report singles out of a whole ("riêng ...") is the narrower thing's, and the
whole's own figure stays the answer for the whole (break-test bt17k):

- a Tết named by its can-chi name with its year written after a pause ("dịp Tết Nguyên đán
  Giáp Thìn... năm 2054") is of the written year: read as the name's nearest year (2024),
  the lead dated "Công suất phòng bình quân đạt 72%" and the places' counts a Tết 30 years
  back, so "riêng ngày mùng 2 và mùng 3 Tết đạt 95%" and the province total answered;
- "Riêng tháng 6/2053, kim ngạch đạt 1.248 triệu USD" is the month's figure of the whole
  stated before it ("tổng kim ngạch xuất nhập khẩu"), though a table stands between them;
- the day a price was set on in a month's bulletin ("sau kỳ điều chỉnh ngày 21/9/2052")
  dates that price only, not the next sentence's."""

from __future__ import annotations

from typing import Any

import pytest
from conftest import service_over_files
from helpers import fpdf_page, html_rows, make_docx

from rag.records import AskOptions
from rag.service import RagService
from rag.vi.frames import extract

TET_DOCX = make_docx(
    "Kết quả hoạt động du lịch dịp Tết Nguyên đán Giáp Thìn... năm 2054",
    "Ngày 20/2/2054",
    "Trong 7 ngày nghỉ Tết Nguyên đán 2054 (từ ngày 1/2 đến hết ngày 7/2/2054), toàn tỉnh đón "
    "khoảng 236.500 lượt khách, tăng 12,8% so với Tết năm 2053.",
    "Các điểm đón đông khách nhất: Khu di tích Đền Mẫu Đồng Đăng 68.000 lượt; chùa Tam Thanh "
    "52.300 lượt; Khu du lịch Mẫu Sơn 21.700 lượt.",
    "Công suất phòng bình quân đạt 72%, riêng ngày mùng 2 và mùng 3 Tết đạt 95%.")

TET_TXT = ("Tình hình du lịch dịp Tết Nguyên đán Kỷ Hợi, năm 2067\n\nNgày 25/2/2067\n\n"
           "Trong dịp Tết, toàn tỉnh đón khoảng 184.200 lượt khách. Tỷ lệ lấp đầy phòng bình "
           "quân đạt 64%, riêng đêm giao thừa đạt 88%. Khu du lịch Mẫu Sơn đón 17.400 lượt.\n")

HQ_HTML = ("<html><head><title>Hải quan Lạng Sơn: kim ngạch 9 tháng năm 2061</title></head><body>"
           "<h1>Hải quan Lạng Sơn: kim ngạch 9 tháng năm 2061</h1>\n<p>Cập nhật: 04/10/2061</p>\n"
           "<p>Tính đến hết ngày 30/9/2061, tổng kim ngạch xuất nhập khẩu qua địa bàn đạt 8.412 "
           "triệu USD, tăng 11,2% so với cùng kỳ năm 2060; cửa khẩu Tân Thanh đạt 1.204 triệu "
           "USD; cửa khẩu Chi Ma đạt 702 triệu USD.</p>\n"
           "<p>Xét theo loại hình: hàng hóa của doanh nghiệp địa phương đạt 604 triệu USD; "
           "hàng tạm nhập tái xuất đạt 1.980 triệu USD, chiếm 23,5%.</p>\n"
           + html_rows([["Mặt hàng", "9 tháng 2061 (triệu USD)", "So cùng kỳ (%)"],
                        ["Vải thiều", "312", "+21,4"], ["Thanh long", "188", "-9,1"],
                        ["Phân bón nhập khẩu", "406", "+4,2"],
                        ["Linh kiện điện tử nhập khẩu", "1.512", "+7,7"],
                        ["Máy móc, thiết bị nhập khẩu", "948", "+12,3"],
                        ["Hạt điều", "96", "+3,5"], ["Tinh bột sắn", "141", "-2,8"]])
           + "\n<p>Riêng tháng 9/2061, kim ngạch đạt 1.036 triệu USD. Số thu ngân sách 9 tháng "
           "đạt 5.870 tỷ đồng.</p>\n</body></html>")

REV_DOCX = make_docx(
    "Báo cáo tình hình thương mại 6 tháng đầu năm 2062",
    "Ngày 05/7/2062",
    "Sáu tháng đầu năm 2062, tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng trên địa "
    "bàn đạt 14.260 tỷ đồng, tăng 9,4% so với cùng kỳ.",
    "Chỉ số giá tiêu dùng bình quân tăng 3,1%.",
    "Riêng quý II/2062, tổng mức bán lẻ đạt 7.315 tỷ đồng.")


def _price_pdf() -> bytes:
    pdf: Any = fpdf_page()
    for line in ("BẢN TIN GIÁ CẢ THỊ TRƯỜNG THÁNG 10 NĂM 2063",
                 "Sở Công Thương Lạng Sơn - ngày 31/10/2063",
                 "Giá thịt lợn hơi dao động từ 58.000 - 61.000 đồng/kg, giảm 2,4% so với tháng "
                 "trước. Giá dầu diesel sau kỳ điều chỉnh ngày 12/10/2063 là 19.740 đồng/lít, "
                 "giảm 230 đồng/lít so với kỳ trước. Giá hạt dẻ Trùng Khánh từ 120.000 đến "
                 "135.000 đồng/kg, tăng 4,8% so với cùng kỳ năm 2062."):
        pdf.multi_cell(0, 6, line)
        pdf.ln(2)
    return bytes(pdf.output())


def _periods(text: str, title: str, day: str) -> dict[str, str]:
    return {f.value: f.period.label if f.period else "" for f in extract(text, title, day)}


def test_a_can_chi_tet_with_its_year_written_after_a_pause() -> None:
    p = _periods(TET_TXT, TET_TXT.split("\n")[0], "2067-02-25")
    assert p["64%"] == "Tết Nguyên đán 2067"
    assert p["17.400 lượt"] == "Tết Nguyên đán 2067"
    # near-miss: a name alone keeps its nearest year, one with its number right after that one
    p = _periods("Doanh thu du lịch ước đạt 318 tỷ đồng.",
                 "Du lịch dịp Tết Nguyên đán Ất Tỵ", "2025-02-10")
    assert p["318 tỷ đồng"] == "Tết Nguyên đán 2025"
    p = _periods("Doanh thu du lịch ước đạt 296 tỷ đồng.",
                 "Du lịch dịp Tết Giáp Thìn 2024", "2024-02-20")
    assert p["296 tỷ đồng"] == "Tết Nguyên đán 2024"


def test_a_day_a_price_was_set_on_dates_that_price_only() -> None:
    text = ("Giá thịt bò thăn ở mức 250.000 - 270.000 đồng/kg. Giá dầu hỏa điều chỉnh "
            "ngày 5/3/2064 lên 21.150 đồng/lít. Giá gạo tẻ thường 14.800 - 16.000 đồng/kg.")
    p = _periods(text, "Bản tin giá cả thị trường tháng 3/2064", "2064-03-31")
    assert p["21.150 đồng/lít"] == "ngày 5/3/2064"
    assert p["14.800 - 16.000 đồng/kg"] == "tháng 3/2064"
    # near-miss: a day the sentence leads with still dates what follows
    text = ("Ngày 5/3/2064, giá xăng E5 RON 92 là 22.150 đồng/lít. Giá dầu diesel 19.300 "
            "đồng/lít.")
    p = _periods(text, "Giá xăng dầu", "2064-03-06")
    assert p["19.300 đồng/lít"] == "ngày 5/3/2064"


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over_files(tmp_path_factory.mktemp("singled_out"), {
        "du_lich_tet_2054.docx": TET_DOCX,
        "du_lich_tet_2067.txt": TET_TXT,
        "hai_quan_9thang_2061.html": HQ_HTML,
        "thuong_mai_6thang_2062.docx": REV_DOCX,
        "ban_tin_gia_10_2063.pdf": _price_pdf(),
    })


@pytest.mark.parametrize(("question", "value"), [
    ("Công suất phòng bình quân dịp Tết 2054?", "72%"),
    ("Đền Mẫu Đồng Đăng đón bao nhiêu lượt khách dịp Tết 2054?", "68.000 lượt"),
    ("Tỷ lệ lấp đầy phòng bình quân dịp Tết 2067?", "64%"),
    ("Kim ngạch XNK tháng 9/2061?", "1.036 triệu USD"),
    ("Tổng mức bán lẻ hàng hóa quý II/2062?", "7.315 tỷ đồng"),
    ("Giá hạt dẻ Trùng Khánh tháng 10/2063?", "120.000–135.000 đồng/kg"),
    # near-misses: the whole asked keeps the whole's figure, the day asked the day's
    ("Toàn tỉnh đón bao nhiêu lượt khách dịp Tết 2054?", "236.500"),
    ("Tổng kim ngạch xuất nhập khẩu 9 tháng năm 2061?", "8.412 triệu USD"),
    ("Tổng mức bán lẻ hàng hóa 6 tháng đầu năm 2062?", "14.260 tỷ đồng"),
    ("Giá dầu diesel ngày 12/10/2063?", "19.740 đồng/lít"),
])
def test_the_singled_out_and_the_whole(service: RagService, question: str, value: str) -> None:
    answer = service.ask(question, AskOptions())
    assert answer.found and answer.figure is not None, answer.answer
    assert value in answer.figure.value, answer.answer
    assert answer.period_match == "exact", answer.answer


@pytest.mark.parametrize(("text", "value", "whole"), [
    ("Tính đến hết ngày 30/9/2061, tổng kim ngạch xuất nhập khẩu qua địa bàn đạt 8.412 triệu "
     "USD.\n\nCửa khẩu Chi Ma đạt 702 triệu USD.\n\nRiêng tháng 9/2061, kim ngạch đạt 1.036 "
     "triệu USD.", "1.036 triệu USD", "xuất nhập khẩu"),
    ("Sáu tháng đầu năm 2062, tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng đạt "
     "14.260 tỷ đồng.\n\nRiêng quý II/2062, tổng mức bán lẻ đạt 7.315 tỷ đồng.",
     "7.315 tỷ đồng", "doanh thu dịch vụ"),
])
def test_a_singled_out_period_is_of_the_whole_before(text: str, value: str, whole: str) -> None:
    frame = next(f for f in extract(text, "Báo cáo", "2062-10-04") if f.value == value)
    assert whole in frame.parent
    # near-miss: the whole keeps no parent
    assert not extract(text, "Báo cáo", "2062-10-04")[0].parent
