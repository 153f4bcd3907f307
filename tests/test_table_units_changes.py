"""Units and change columns of tables without a header row, or printed in a PDF.

Break-test bt16f of issue 16, item 6:
- a sheet with a merged title and no header row, "Cửa hàng xăng dầu … | 64 | cửa hàng", was
  stored "…: 64; cửa hàng" and answered "64": the text cell after a row's figures is its unit
  when it reads as one (the lexicon's, or the noun the row's label counts: "bồn" of "Bồn
  chứa dự trữ");
- a ruled PDF whose header "Tăng, giảm (%)" runs past its cell's rule was cut there ("Tăng,
  giảm (" and a stray "%)"), its figures read as tonnes, and "… giảm bao nhiêu %?" refused;
- a bare "Tăng, giảm (%)" after two period columns was dated by the caption's first year
  ("(năm 2022)"): it is the later period's change on the earlier.
"""

from __future__ import annotations

from pathlib import Path

from conftest import FakeEmbedder
from helpers import csv_bytes, fpdf_page, xlsx_bytes

from rag.ingest.pdf import pdf_text
from rag.ingest.tables import table_lines
from rag.ingest.uploads import read_upload
from rag.service import RagService
from rag.settings import Settings


def _service(tmp_path: Path, *docs: tuple[str, bytes]) -> RagService:
    service = RagService(Settings(index_dir=tmp_path / "i", sessions_db=tmp_path / "s.db"),
                         embedder=FakeEmbedder())
    for name, data in docs:
        service.add_document(read_upload(name, data))
    return service


def _ruled(cols: list[float], rows: list[tuple[str, ...]], title: str, caption: str,
           size: int = 10) -> bytes:
    """A ruled table drawn cell by cell (text at 2 mm from each left rule, never wrapped):
    a header wider than its column runs over the rule, as a spreadsheet prints it."""
    pdf = fpdf_page()
    pdf.set_font("dv", size=size)
    pdf.text(15, 20, title)
    pdf.text(15, 30, caption)
    y = 42.0
    top = y - 5
    for row in rows:
        for j, cell in enumerate(row):
            pdf.text(cols[j] + 2, y, cell)
        pdf.line(cols[0], y + 2, cols[-1], y + 2)
        y += 7
    pdf.line(cols[0], top, cols[-1], top)
    for x in cols:
        pdf.line(x, top, x, y - 5)
    return bytes(pdf.output())


# --- a unit column after the figures, no header row ----------------------------------------

def test_xlsx_without_header_unit_after_figures(tmp_path: Path) -> None:
    doc = xlsx_bytes([["SỐ LIỆU CỬA HÀNG XĂNG DẦU NĂM 2017", None, None],
                      ["Cửa hàng xăng dầu khu vực thành phố", 27, "cửa hàng"],
                      ["Cửa hàng xăng dầu khu vực nông thôn", 64, "cửa hàng"],
                      ["Bồn chứa dự trữ", 11, "bồn"]], merges=("A1:C1",), sheet="Sheet1")
    text = read_upload("xang-dau.xlsx", doc).text
    assert "Cửa hàng xăng dầu khu vực nông thôn: 64 cửa hàng" in text, text
    assert "Bồn chứa dự trữ: 11 bồn" in text and "; bồn" not in text, text
    service = _service(tmp_path, ("xang-dau.xlsx", doc))
    for question, expected in (("số cửa hàng xăng dầu khu vực nông thôn năm 2017?", "64 cửa hàng"),
                               ("số bồn chứa dự trữ năm 2017?", "11 bồn")):
        assert service.ask(question).answer == expected, question


def test_csv_without_header_counted_nouns(tmp_path: Path) -> None:
    doc = csv_bytes([["KẾT QUẢ CẤP PHÉP KINH DOANH NĂM 2019"],
                     ["Giấy phép bán lẻ rượu", "74", "giấy phép"],
                     ["Trạm cân điện tử tại chợ", "6", "trạm"],
                     ["Kho lạnh bảo quản nông sản", "3", "kho"]])
    text = read_upload("giay-phep.csv", doc).text
    assert "Trạm cân điện tử tại chợ: 6 trạm" in text, text
    assert "Kho lạnh bảo quản nông sản: 3 kho" in text, text
    service = _service(tmp_path, ("giay-phep.csv", doc))
    assert service.ask("số kho lạnh bảo quản nông sản năm 2019?").answer == "3 kho"


def test_table_without_header_mixed_units() -> None:
    lines = "\n".join(table_lines([["Chợ hạng III ở nông thôn", "112", "chợ"],
                                   ["Bể chứa xăng dầu dự trữ", "14", "bể"],
                                   ["Sản lượng điện thương phẩm", "1.733", "GWh"]]))
    assert "Bể chứa xăng dầu dự trữ: 14 bể" in lines, lines
    assert "Sản lượng điện thương phẩm: 1.733 GWh" in lines, lines


def test_no_header_notes_and_names_are_no_units() -> None:
    noted = "\n".join(table_lines([["Tỷ lệ hộ dùng điện lưới", "98,5", "ước tính"],
                                   ["Số xã có chợ", "181", "chưa đối soát"]]))
    assert "98,5 ước tính" not in noted and "181 chưa" not in noted, noted
    places = "\n".join(table_lines([["Điện thương phẩm Cao Lộc", "58,4", "Lạng Sơn"],
                                    ["Điện thương phẩm Hữu Lũng", "49,1", "Bắc Giang"]]))
    assert "58,4 Lạng Sơn" not in places and "49,1 Bắc Giang" not in places, places
    mixed = "\n".join(table_lines([["Chợ hạng III ở nông thôn", "112", "chợ"],
                                   ["Siêu thị tổng hợp", "7", "xây mới"]]))
    assert "7 xây mới" not in mixed, mixed  # one note among units: no unit column


# --- a PDF header run past its cell's rule -------------------------------------------------

_CHE = [("Sản phẩm", "ĐVT", "Năm 2022", "Năm 2023", "Tăng, giảm (%)"),
        ("Miến dong", "tấn", "1.640", "1.815", "10,7"),
        ("Chè búp khô", "tấn", "412", "398", "-3,4"),
        ("Hồi khô", "tấn", "2.730", "2.905", "6,4")]


def test_pdf_header_past_the_table_rule(tmp_path: Path) -> None:
    doc = _ruled([15, 80, 110, 140, 170, 195], _CHE, "BÁO CÁO SẢN XUẤT NÔNG SẢN CHẾ BIẾN",
                 "Bảng 1: Sản lượng chế biến năm 2022 và 2023")
    text = pdf_text("che-bien.pdf", doc)
    assert "Tăng, giảm (\n" not in text and "Tăng, giảm ( —" not in text, text
    assert "\n%)" not in text and "-3,4 tấn" not in text, text
    assert "— Chè búp khô: -3,4%" in text, text
    service = _service(tmp_path, ("che-bien.pdf", doc))
    for question in ("sản lượng chè búp khô năm 2023 giảm bao nhiêu %?",
                     "sản lượng hồi khô năm 2023 tăng bao nhiêu phần trăm so với năm 2022?"):
        result = service.ask(question)
        assert result.found and result.answer.lstrip("-−") in ("3,4%", "6,4%"), \
            (question, result.answer)
    assert service.ask("sản lượng chè búp khô năm 2022?").answer == "412 tấn"


def test_pdf_header_over_an_inner_rule() -> None:
    # the label column's header runs over its rule into the blank header of the unit column
    rows = [("Sản phẩm công nghiệp chủ yếu của tỉnh", "", "Năm 2023", "Năm 2024"),
            ("Gạch nung", "triệu viên", "186", "190"),
            ("Xi măng", "nghìn tấn", "1.210", "1.180")]
    doc = _ruled([15, 60, 100, 125, 150], rows, "BÁO CÁO SẢN XUẤT VẬT LIỆU XÂY DỰNG",
                 "Bảng 2: Vật liệu xây dựng")
    text = pdf_text("vlxd.pdf", doc)
    assert "Năm 2024 — Gạch nung: 190 triệu viên" in text, text
    assert "Năm 2023 — Xi măng: 1.210 nghìn tấn" in text, text
    assert "chủ yếu của tỉnh —" not in text, text


def test_pdf_cells_within_their_rules_unchanged() -> None:
    rows = [("Chỉ tiêu", "ĐVT", "6 tháng 2015", "6 tháng 2016"),
            ("Sản lượng phân vi sinh", "tấn", "3.420", "3.975")]
    doc = _ruled([10, 62, 82, 112, 142], rows, "BÁO CÁO SẢN XUẤT", "Bảng 3: Phân bón")
    text = pdf_text("phan-bon.pdf", doc)
    assert "6 tháng 2016 — Sản lượng phân vi sinh: 3.975 tấn" in text, text


# --- a bare change column after two periods: the later on the earlier ----------------------

def test_pdf_change_column_dated_by_the_later_year(tmp_path: Path) -> None:
    rows = [("Sản phẩm", "ĐVT", "Năm 2020", "Năm 2021", "Tăng, giảm (%)"),
            ("Mành tre", "nghìn bộ", "42,6", "38,1", "-10,6"),
            ("Chiếu trúc", "nghìn chiếc", "17,3", "19,8", "14,5")]
    doc = _ruled([10, 60, 90, 115, 140, 175], rows, "BÁO CÁO THỦ CÔNG MỸ NGHỆ",
                 "Bảng 3: Sản xuất hàng thủ công mỹ nghệ năm 2020 - 2021", size=9)
    text = pdf_text("thu-cong.pdf", doc)
    assert "Năm 2021 so với Năm 2020 (%) — Chiếu trúc: 14,5%" in text, text
    assert "(năm 2020)" not in text, text
    service = _service(tmp_path, ("thu-cong.pdf", doc))
    assert service.ask("sản lượng chiếu trúc năm 2021 tăng bao nhiêu %?").answer == "14,5%"
    near = service.ask("sản lượng chiếu trúc năm 2020 tăng bao nhiêu % so với năm 2019?")
    assert "14,5" not in near.answer, near.answer  # the change is 2021's, not 2020's


def test_change_column_later_period_first() -> None:
    lines = "\n".join(table_lines([
        ["Chỉ tiêu", "6 tháng 2024", "6 tháng 2023", "Tăng/giảm (%)"],
        ["Doanh thu bán lẻ hàng hóa", "1.640", "1.815", "-9,6"]], "Bảng 1 (tỷ đồng)"))
    assert "Tăng/giảm 6 tháng 2024 so với 6 tháng 2023 (%) — Doanh thu bán lẻ hàng hóa: -9,6%" \
        in lines, lines


def test_csv_change_column_signs_header(tmp_path: Path) -> None:
    doc = csv_bytes([["Chỉ tiêu", "ĐVT", "Năm 2018", "Năm 2019", "Tăng (+), giảm (-) (%)"],
                     ["Số lượt xe hàng xuất khẩu", "lượt xe", "168.200", "182.900", "8,7"],
                     ["Số doanh nghiệp làm thủ tục", "doanh nghiệp", "1.240", "1.190", "-4,0"]])
    text = read_upload("xe-hang.csv", doc).text
    assert "Tăng (+), giảm (-) Năm 2019 so với Năm 2018 (%) — Số lượt xe hàng xuất khẩu: 8,7%" \
        in text, text
    service = _service(tmp_path, ("xe-hang.csv", doc))
    result = service.ask("số doanh nghiệp làm thủ tục năm 2019 giảm bao nhiêu %?")
    assert result.answer.lstrip("-−") == "4,0%", result.answer


def test_other_comparison_headers_kept() -> None:
    lines = "\n".join(table_lines([
        ["Chỉ tiêu", "Năm 2022", "Năm 2023", "So sánh (%)", "Tăng, giảm so với cùng kỳ (%)"],
        ["Doanh thu dịch vụ lưu trú", "95,1", "103,6", "108,9", "8,9"]], "Bảng 4 (tỷ đồng)"))
    assert "Năm 2023 so với Năm 2022 (%) — Doanh thu dịch vụ lưu trú: 108,9%" in lines, lines
    assert "Tăng, giảm so với cùng kỳ (%) — Doanh thu dịch vụ lưu trú: 8,9%" in lines, lines
