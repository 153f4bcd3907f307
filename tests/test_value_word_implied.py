""""Kim ngạch" (also "giá trị", "trị giá") names the money value of a trade flow: a figure of
exports or imports in money IS it, whether or not its document writes the word; a figure in
tonnes is not (break-test bt25-b16 failure 3: a sheet titled "XUẤT KHẨU THỦY SẢN" with a unit
row "triệu USD" refused "kim ngạch xuất khẩu cá ngừ năm 2024"; dev3 r13 asks "kim ngạch xuất
khẩu nông sản" of "Xuất khẩu nông sản 9 tháng đạt ...").  And "đạt X% <whole>" (dân số, tổng
số hộ, lực lượng lao động) is the share of the clause's subject in that whole, no share of a
plan (bt25-b16 failure 5: "đạt 93,4% dân số").  Documents of our own, in XLSX, CSV and text,
with other products, units, years and wholes than the examples."""

from __future__ import annotations

import pytest
from conftest import service_over_files
from helpers import xlsx_bytes

from rag.records import AskOptions
from rag.service import RagService
from rag.vi.frames import extract

DOCS = {
    "nongsan_2091.csv": (
        "Xuất khẩu nông sản tỉnh Bình Sơn năm 2090-2091\n"
        "Mặt hàng,Đơn vị,Năm 2090,Năm 2091\n"
        "Cà phê,triệu USD,\"412,7\",\"455,3\"\n"
        "Hạt tiêu,tấn,11.250,12.480\n"),
    "detmay_2089.txt": (
        "Báo cáo tình hình sản xuất, xuất khẩu năm 2089\n20/12/2089\n\n"
        "Xuất khẩu hàng dệt may năm 2089 ước đạt 318,6 triệu USD. Xuất khẩu gạo năm 2089 đạt "
        "85.600 tấn.\n"),
    "xahoi_2089.txt": (
        "Báo cáo kết quả công tác an sinh xã hội năm 2089\n28/12/2089\n\n"
        "Số hộ sử dụng nước sạch năm 2089 là 52.300 hộ, đạt 88,2% tổng số hộ. "
        "Số người có việc làm ổn định năm 2089 là 41.700 người, đạt 62,5% lực lượng lao "
        "động.\n"),
}


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    sheet = xlsx_bytes([
        ["NHẬP KHẨU NGUYÊN LIỆU TỈNH BÌNH SƠN 2087-2088"],
        ["Đơn vị tính: triệu USD"],
        ["STT", "Mặt hàng", 2087, 2088],
        [1, "Bông", 64.3, 71.9],
        [2, "Sợi các loại", 122.5, 118.4]], merges=("A1:D1",), sheet="Nhập khẩu")
    return service_over_files(tmp_path_factory.mktemp("value_word"),
                              {**DOCS, "nhapkhau_nguyenlieu_2088.xlsx": sheet})


def _ask(service: RagService, question: str) -> tuple[bool, str]:
    a = service.ask(question, AskOptions())
    return a.found, a.answer


@pytest.mark.parametrize(("question", "expected"), [
    ("kim ngạch nhập khẩu bông năm 2088", "71,9"),
    ("kim ngạch nhập khẩu sợi các loại năm 2087", "122,5"),
    ("giá trị nhập khẩu bông năm 2087", "64,3"),
    ("kim ngạch xuất khẩu cà phê năm 2091", "455,3"),
    ("trị giá xuất khẩu cà phê năm 2090", "412,7"),
    ("kim ngạch xuất khẩu hàng dệt may năm 2089", "318,6"),
])
def test_trade_money_figure_is_its_value(service: RagService, question: str,
                                         expected: str) -> None:
    found, answer = _ask(service, question)
    assert found and expected in answer, answer


@pytest.mark.parametrize("question", [
    "kim ngạch xuất khẩu hạt tiêu năm 2091",
    "kim ngạch xuất khẩu gạo năm 2089",
])
def test_tonnes_never_the_trade_value(service: RagService, question: str) -> None:
    found, answer = _ask(service, question)
    assert not found, answer


@pytest.mark.parametrize(("question", "expected"), [
    ("tỷ lệ hộ sử dụng nước sạch năm 2089", "88,2%"),
    ("tỷ lệ người có việc làm ổn định năm 2089 so với lực lượng lao động", "62,5%"),
])
def test_share_of_a_named_whole(service: RagService, question: str, expected: str) -> None:
    found, answer = _ask(service, question)
    assert found and expected in answer, answer


@pytest.mark.parametrize(("sentence", "value", "measure"), [
    ("Số thuê bao internet năm 2093 là 61.200 thuê bao, đạt 74,1% tổng số hộ.", "74,1%", "share"),
    ("Số người tham gia bảo hiểm xã hội năm 2093 là 38.410 người, đạt 21,7% lực lượng lao "
     "động.", "21,7%", "share"),
    ("Số người được khám sàng lọc năm 2093 là 204.500 người, đạt 81,3% dân số.", "81,3%",
     "share"),
    # a share with no whole after it stays the share of the plan
    ("Doanh thu bán lẻ năm 2093 đạt 6.140 tỷ đồng, đạt 96,4% kế hoạch.", "96,4%", "plan_share"),
    ("Doanh thu dịch vụ năm 2093 đạt 2.315 tỷ đồng (đạt 88,0%, tăng 7,1%).", "88,0%",
     "plan_share"),
])
def test_reached_share_of_whole_frame(sentence: str, value: str, measure: str) -> None:
    frame = next(f for f in extract(sentence, "", "2093-12-31") if f.value == value)
    assert frame.measure == measure
