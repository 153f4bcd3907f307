"""A unit typed glued to its number, as offices and news sites type prices and sizes (issue
16): "52.500đ/kg", "1.215ha", "3.500tỷ đồng", "45.000VND/kg" are the whole number with its
unit ("đ" is the đồng); the letters of a code glued to a number ("QL1A", "4G", "H5N1",
"lớp 10A", "CX5") stay no value.  Every document is built here, with invented figures."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import FakeEmbedder

from rag.ingest.uploads import read_upload
from rag.service import RagService
from rag.settings import Settings
from rag.vi.numbers import find_values, is_money


@pytest.mark.parametrize("text,low,unit,shown", [
    ("Giá cam sành tại chợ đầu mối 38.700đ/kg, tăng nhẹ.", 38700.0, "đồng/kg",
     "38.700 đồng/kg"),
    ("Giá gạo tẻ thường 14.200 đ/kg.", 14200.0, "đồng/kg", "14.200 đồng/kg"),
    ("Phí gửi xe 6.000đ/lượt", 6000.0, "đồng/lượt", "6.000 đồng/lượt"),
    ("Vé vào cổng 25.000đ.", 25000.0, "đồng", "25.000 đồng"),
    ("Giá xuất khẩu bình quân 61.300VNĐ/kg", 61300.0, "VNĐ/kg", "61.300 VNĐ/kg"),
    ("Giá điều thô 33.800vnd/kg", 33800.0, "vnd/kg", "33.800 vnd/kg"),
    ("Diện tích gieo cấy 2.764ha lúa xuân.", 2764.0, "ha", "2.764 ha"),
    ("Sản lượng thu hoạch 4.380tấn hồi.", 4380.0, "tấn", "4.380 tấn"),
    ("Tuyến đường dài 17,6km.", 17.6, "km", "17,6 km"),
    ("Nhà xưởng rộng 1.250m2.", 1250.0, "m2", "1.250 m2"),
    ("Vốn đăng ký 1.870tỷ đồng", 1870.0, "tỷ đồng", "1.870 tỷ đồng"),
    ("Kim ngạch đạt 7,4tr USD", 7.4, "triệu USD", "7,4 triệu USD"),
    # the "per" unit kept, as after "triệu đồng" written out (bt26-b17 failure 7)
    ("Thu nhập bình quân 6,8trđ/người", 6.8, "triệu đồng/người", "6,8 triệu đồng/người"),
    ("Hợp đồng trị giá 2.150USD", 2150.0, "USD", "2.150 USD"),
])
def test_glued_unit_keeps_the_whole_number(text: str, low: float, unit: str,
                                           shown: str) -> None:
    values = [v for v in find_values(text) if not v.percent]
    assert len(values) == 1, values
    v = values[0]
    assert (v.low, v.unit, v.shown) == (low, unit, shown)
    assert text[v.start:v.end].startswith(v.number)  # the span is the text as written


def test_dong_abbreviation_is_money() -> None:
    v = find_values("giá 9.500đ/kg")[0]
    assert is_money(v.unit) and v.kind == "amount"


@pytest.mark.parametrize("text,code", [
    ("Nâng cấp QL4B và QL1A qua địa bàn tỉnh.", "QL1A"),
    ("Phủ sóng 4G đến 100% thôn bản.", "4G"),
    ("Không phát hiện cúm A/H5N1 trên đàn gia cầm.", "H5N1"),
    ("Tiêm vắc xin phòng COVID-19 mũi nhắc lại.", "COVID-19"),
    ("Theo Báo cáo số 318/BC-SCT của Sở Công Thương.", "318/BC-SCT"),
    ("Học sinh lớp 12A được hỗ trợ.", "12A"),
    ("Xe CX8 và mẫu X50 được ưa chuộng.", "CX8"),
    ("Dòng máy 5D bán chạy", "5D"),
])
def test_codes_glued_to_numbers_stay_no_values(text: str, code: str) -> None:
    s = text.index(code)
    assert [v.text for v in find_values(text) if v.start < s + len(code) and s < v.end] == []


def test_hs_code_is_no_amount() -> None:
    assert not any(v.unit for v in find_values("Mặt hàng quả vải tươi (Mã HS 0810) tăng"))


def test_glued_price_answer(tmp_path: Path) -> None:
    service = RagService(Settings(index_dir=tmp_path / "index", sessions_db=tmp_path / "s.db"),
                         embedder=FakeEmbedder())
    doc = read_upload("gia_ca_t9_2044.txt", (
        "BÁO CÁO tình hình giá cả thị trường tháng 9 năm 2044\n\n"
        "Giá thịt bò hơi tháng 9 năm 2044 ở mức 87.400đ/kg, tăng 2,1% so với tháng trước.\n\n"
        "Diện tích trồng hồi tháng 9 năm 2044 đạt 3.418ha.\n").encode())
    service.add_document(doc)
    answer = service.ask("giá thịt bò hơi tháng 9 năm 2044")
    assert answer.answer == "87.400 đồng/kg"
    quote = answer.citations[0].quote if answer.citations else ""
    assert "87.400đ/kg" in quote
    assert service.ask("diện tích trồng hồi tháng 9 năm 2044").answer == "3.418 ha"
