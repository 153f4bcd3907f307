"""A price over a "Đơn vị tính" cell is paid per that unit: "Mặt hàng | Đơn vị tính | Giá tháng
8/2036 | Giá tháng 9/2036" over "Gạo tẻ thường | kg | 14.000 - 16.000" reads "14.000 - 16.000
đồng/kg", not "14.000 - 16.000 kg" (a price read as a weight; xlsxcols helper, session 43,
on break-test bt17i's gia_ca_thi_truong_thang9_2036.xlsx).  The currency is the header's
("(nghìn đồng)"), else the caption's or title's, else đồng -- for a price paid abroad ("Giá
xuất khẩu") none is invented.  Also in DOCX and HTML tables, and under a price title whose
columns name only their periods.  Near-misses: a quantity table ("Sản lượng", "ĐVT: tấn")
keeps "tấn"; a unit cell that already is a price ("đồng/kg") or money ("tỷ đồng") stays as
written; a change column "(%)" stays a percentage."""

from __future__ import annotations

from pathlib import Path

from conftest import FakeEmbedder
from helpers import titled_table_file, xlsx_bytes

from rag.ingest.uploads import read_upload
from rag.service import RagService
from rag.settings import Settings

_MARKET = [["Mặt hàng", "Đơn vị tính", "Giá tháng 8/2036", "Giá tháng 9/2036"],
           ["Gạo tẻ thường", "kg", "14.000 - 16.000", "14.500 - 16.500"],
           ["Dầu ăn", "lít", "42.000", "43.500"],
           ["Gà ta", "con", "180.000 - 220.000", "190.000 - 230.000"]]


def _service(tmp_path: Path, name: str, doc: bytes) -> RagService:
    service = RagService(Settings(index_dir=tmp_path / "i", sessions_db=tmp_path / "s.db"),
                         embedder=FakeEmbedder())
    service.add_document(read_upload(name, doc))
    return service


def test_xlsx_price_headers_without_currency(tmp_path: Path) -> None:
    doc = xlsx_bytes([["Giá một số mặt hàng tại chợ đầu mối, tháng 9/2036"], *_MARKET])
    text = read_upload("gia.xlsx", doc).text
    assert "Gạo tẻ thường: 14.500 - 16.500 đồng/kg" in text, text
    assert " kg (" not in text and " lít (" not in text and " con (" not in text, text
    service = _service(tmp_path, "gia.xlsx", doc)
    for question, expected in (("Giá gạo tẻ thường tháng 9/2036?", "14.500 - 16.500 đồng/kg"),
                               ("Giá dầu ăn tháng 8/2036 là bao nhiêu?", "42.000 đồng/lít"),
                               ("giá gà ta tháng 9/2036?", "190.000 - 230.000 đồng/con")):
        assert service.ask(question).answer == expected, question


def test_header_currency_joins_the_unit_cell() -> None:
    rows = [["Mặt hàng", "ĐVT", "Giá bán lẻ tháng 5/2034 (nghìn đồng)", "Tăng/giảm (%)"],
            ["Thịt bò thăn", "kg", "265 - 280", "1,8"],
            ["Xăng RON 95", "lít", "24,15", "-2,8"]]
    text = read_upload(*titled_table_file("docx", rows, "Giá bán lẻ một số mặt hàng")).text
    assert "Thịt bò thăn: 265 - 280 nghìn đồng/kg" in text, text
    assert "Xăng RON 95: 24,15 nghìn đồng/lít" in text, text
    assert "Thịt bò thăn: 1,8%" in text and "Xăng RON 95: -2,8%" in text, text


def test_html_period_columns_under_a_price_caption(tmp_path: Path) -> None:
    rows = [["Mặt hàng", "Đơn vị tính", "Quý I/2039", "Quý II/2039"],
            ["Cam sành", "kg", "25.000", "28.000 - 30.000"],
            ["Trứng gà", "chục quả", "32.000", "33.000"]]
    name, doc = titled_table_file("html", rows, "Bảng giá nông sản tại các chợ")
    text = read_upload(name, doc).text
    assert "Cam sành: 28.000 - 30.000 đồng/kg" in text, text
    assert "Trứng gà: 33.000 đồng/chục quả" in text, text
    service = _service(tmp_path, name, doc)
    answer = service.ask("Giá cam sành quý II/2039?").answer
    assert answer == "28.000 - 30.000 đồng/kg", answer


def test_caption_currency_and_trade_price() -> None:
    rows = [["Mặt hàng", "ĐVT", "Đơn giá năm 2037"], ["Quế vỏ", "kg", "45 - 50"]]
    text = read_upload(*titled_table_file("xlsx", rows, "Giá thu mua (nghìn đồng)")).text
    assert "Quế vỏ: 45 - 50 nghìn đồng/kg" in text, text
    rows = [["Mặt hàng", "ĐVT", "Giá xuất khẩu bình quân năm 2037"],
            ["Hạt điều nhân", "tấn", "6.850"]]
    text = read_upload(*titled_table_file("docx", rows, "Xuất khẩu nông sản")).text
    assert "Hạt điều nhân: 6.850 /tấn" in text, text  # no đồng invented, no weight either


def test_quantity_and_written_units_keep_theirs(tmp_path: Path) -> None:
    rows = [["Chỉ tiêu", "ĐVT", "Năm 2035", "Năm 2036"],
            ["Sản lượng chè búp tươi", "tấn", "1.200", "1.350"],
            ["Giá chè búp tươi bình quân", "đồng/kg", "8.500", "9.000"],
            ["Doanh thu bán lẻ", "tỷ đồng", "315,2", "342,8"]]
    name, doc = titled_table_file("xlsx", rows, "Sản xuất và tiêu thụ chè")
    text = read_upload(name, doc).text
    assert "Sản lượng chè búp tươi: 1.350 tấn" in text, text
    assert "Giá chè búp tươi bình quân: 9.000 đồng/kg" in text, text
    assert "Doanh thu bán lẻ: 342,8 tỷ đồng" in text, text
    service = _service(tmp_path, name, doc)
    answer = service.ask("Sản lượng chè búp tươi năm 2036?").answer
    assert answer == "1.350 tấn", answer
    # period columns under a title naming prices and quantities: the quantity stays
    rows = [["Mặt hàng", "ĐVT", "Tháng 8/2036"], ["Rau cải", "tấn", "120"]]
    text = read_upload(*titled_table_file("xlsx", rows, "Giá cả và sản lượng tiêu thụ")).text
    assert "Rau cải: 120 tấn" in text, text
