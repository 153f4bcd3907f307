"""A table whose caption, heading or lead-in sentence names a holiday ("Bảng 3: Tình hình tiêu
thụ hàng hóa dịp Tết Nguyên đán Canh Tý 2020", "Kết quả phục vụ khách dịp Tết Giáp Thìn 2024
như sau:", "... trong dịp nghỉ lễ 30/4 – 1/5/2025 như sau:") is of the holiday's days: its
rows take that period as they take a caption's year or "6 tháng 2023", so a question asking
for the holiday finds them (rag.vi.mentions.own_holiday).  Near-misses: a caption naming a
year only keeps its year; a holiday named in a sentence after the table does not date it; a
holiday named as a base ("so với Tết Quý Mão 2023") is no period of the table's own.  Every
document is built here, in DOCX, HTML, PDF and XLSX."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import empty_service
from helpers import docx_bytes, docx_fill, fpdf_page, fpdf_table, html_rows, titled_table_file

from rag.ingest.uploads import read_upload
from rag.vi.calendar import HOLIDAY
from rag.vi.frames import extract

_GOODS = [["Mặt hàng", "Lượng bán ra", "ĐVT"], ["Thịt lợn", "120", "tấn"],
          ["Bánh chưng", "45.000", "chiếc"], ["Gạo", "850", "tấn"]]
_VISITORS = [["Chỉ tiêu", "Kết quả", "ĐVT"], ["Tổng lượt khách", "182.000", "lượt"],
             ["Khách lưu trú", "21.400", "lượt"], ["Doanh thu du lịch", "236", "tỷ đồng"]]
_TET_2020 = "Bảng 3: Tình hình tiêu thụ hàng hóa dịp Tết Nguyên đán Canh Tý 2020"


def _lead_in_file(kind: str, rows: list[list[str]], lead: str,
                  after: str = "") -> tuple[str, bytes]:
    """A report's paragraph ``lead`` right before the table ``rows`` (and ``after`` below it),
    as ``kind`` ("docx", "html", else a PDF)."""
    intro = "Báo cáo của Sở Công Thương tỉnh Lạng Sơn."
    if kind == "docx":
        import docx

        d = docx.Document()
        d.add_paragraph(intro)
        d.add_paragraph(lead)
        docx_fill(d.add_table(rows=len(rows), cols=len(rows[0])), rows)
        if after:
            d.add_paragraph(after)
        return "bao-cao.docx", docx_bytes(d)
    if kind == "html":
        tail = f"<p>{after}</p>" if after else ""
        return "bao-cao.html", (f"<html><body><article><h1>Báo cáo</h1><p>{intro}</p>"
                                f"<p>{lead}</p><table>{html_rows(rows)}</table>{tail}"
                                "</article></body></html>").encode()
    pdf = fpdf_page()
    for paragraph in (intro, lead):
        pdf.multi_cell(0, 8, paragraph, new_x="LMARGIN", new_y="NEXT")
    fpdf_table(pdf, rows, headings=False)
    if after:
        pdf.ln(4)
        pdf.multi_cell(0, 8, after, new_x="LMARGIN", new_y="NEXT")
    return "bao-cao.pdf", bytes(pdf.output())


def _asked(file: tuple[str, bytes], question: str, tmp_path: Path) -> object:
    service = empty_service(tmp_path)
    service.add_document(read_upload(*file))
    return service.ask(question)


# --- a caption naming the holiday, in every reader's shape -----------------------------------


@pytest.mark.parametrize("kind", ["docx", "html", "pdf", "xlsx"])
def test_caption_holiday_dates_the_rows(kind: str) -> None:
    doc = read_upload(*titled_table_file(kind, _GOODS, _TET_2020))
    frames = [f for f in extract(doc.text, "", None) if f.indicator in ("Thịt lợn", "Gạo")]
    assert len(frames) == 2, doc.text
    for f in frames:
        assert f.period is not None and f.period.kind == HOLIDAY, (f.value, f.period)
        assert f.period.label == "Tết Nguyên đán 2020"


@pytest.mark.parametrize("kind", ["docx", "html", "pdf", "xlsx"])
@pytest.mark.parametrize("question, answer", [
    ("lượng thịt lợn bán ra dịp Tết Canh Tý 2020?", "120 tấn"),
    ("lượng bánh chưng bán ra dịp Tết Nguyên đán 2020 là bao nhiêu?", "45.000 chiếc"),
])
def test_caption_holiday_row_is_answered(kind: str, question: str, answer: str,
                                         tmp_path: Path) -> None:
    got = _asked(titled_table_file(kind, _GOODS, _TET_2020), question, tmp_path)
    assert got.found and got.answer == answer, got  # type: ignore[attr-defined]


# --- a lead-in sentence naming the holiday, other holidays and wordings -----------------------


@pytest.mark.parametrize("kind", ["docx", "html", "pdf"])
@pytest.mark.parametrize("lead, question, answer", [
    ("Kết quả phục vụ khách du lịch dịp Tết Giáp Thìn 2024 như sau:",
     "tổng lượt khách dịp Tết Giáp Thìn 2024?", "182.000 lượt"),
    ("Kết quả hoạt động du lịch trong dịp nghỉ lễ 30/4 – 1/5/2025 được tổng hợp ở bảng sau:",
     "doanh thu du lịch dịp lễ 30/4 - 1/5/2025?", "236 tỷ đồng"),
    ("Số liệu phục vụ khách trong dịp Giỗ Tổ Hùng Vương 2026 như sau:",
     "khách lưu trú dịp Giỗ Tổ Hùng Vương 2026?", "21.400 lượt"),
])
def test_lead_in_holiday_row_is_answered(kind: str, lead: str, question: str, answer: str,
                                         tmp_path: Path) -> None:
    got = _asked(_lead_in_file(kind, _VISITORS, lead), question, tmp_path)
    assert got.found and got.answer == answer, got  # type: ignore[attr-defined]


def test_sheet_named_for_the_holiday_dates_its_rows() -> None:
    from helpers import xlsx_bytes

    doc = read_upload("tet.xlsx", xlsx_bytes(_GOODS, sheet="Tết Canh Tý 2020"))
    frames = [f for f in extract(doc.text, "", None) if f.indicator == "Thịt lợn"]
    assert frames and frames[0].period is not None, doc.text
    assert frames[0].period.label == "Tết Nguyên đán 2020", frames[0].period


# --- near-misses -------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["docx", "html", "pdf", "xlsx"])
def test_caption_naming_a_year_keeps_its_year(kind: str, tmp_path: Path) -> None:
    file = titled_table_file(kind, _GOODS, "Bảng 3: Tình hình tiêu thụ hàng hóa năm 2020")
    doc = read_upload(*file)
    frame = next(f for f in extract(doc.text, "", None) if f.indicator == "Thịt lợn")
    assert frame.period is not None and frame.period.label == "năm 2020", frame.period
    got = _asked(file, "lượng thịt lợn bán ra năm 2020?", tmp_path)
    assert got.found and got.answer == "120 tấn", got  # type: ignore[attr-defined]


@pytest.mark.parametrize("kind", ["docx", "html", "pdf"])
def test_holiday_after_the_table_does_not_date_it(kind: str) -> None:
    file = _lead_in_file(kind, _VISITORS, "Kết quả hoạt động du lịch năm 2023 như sau:",
                         after="Dự kiến dịp Tết Giáp Thìn 2024, toàn tỉnh đón 150.000 lượt khách.")
    doc = read_upload(*file)
    frame = next(f for f in extract(doc.text, "", None) if f.indicator == "Tổng lượt khách")
    assert frame.period is not None and frame.period.label == "năm 2023", frame.period


@pytest.mark.parametrize("kind", ["docx", "html", "pdf"])
def test_holiday_named_as_a_base_is_not_the_table_s(kind: str, tmp_path: Path) -> None:
    file = _lead_in_file(kind, _VISITORS,
                         "Kết quả phục vụ khách tăng khá so với Tết Quý Mão 2023, cụ thể như sau:")
    doc = read_upload(*file)
    # neither the base's days nor its year: the report's own (its title's)
    for f in extract(doc.text, "Kết quả phục vụ khách du lịch năm 2024", None):
        assert f.period is not None and f.period.label == "năm 2024", (f.value, f.period)
    assert not _asked(file, "tổng lượt khách dịp Tết Quý Mão 2023?",
                      tmp_path).found  # type: ignore[attr-defined]
