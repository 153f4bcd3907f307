"""A .docx text box (w:txbxContent, written twice by Word: DrawingML and a VML fallback) is
read once, after its anchor paragraph; a workbook's formula cells saved without a computed
value (by openpyxl, not Excel) are named by the reader, `rag index` and an upload -- never
dropped in silence -- and an empty "Tổng"/"Cộng" row totals nothing (break-test round 28
of issue 16, failures 3 and 5; other wordings, figures and periods here)."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

from conftest import service_over_files
from helpers import docx_bytes, http_client

from rag.ingest.readers import read_bytes
from rag.ingest.sheets import read_xlsx, xlsx_text
from rag.ingest.word import docx_text

_NS = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
       'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
       'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
       'xmlns:v="urn:schemas-microsoft-com:vml"')


def _box(text: str) -> str:
    return f'<w:txbxContent><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:txbxContent>'


def _word_box(text: str) -> str:
    """A run holding a text box as Word writes it: a DrawingML shape, and a VML copy."""
    return (f'<w:r {_NS}><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>'
            f'<wps:wsp><wps:txbx>{_box(text)}</wps:txbx></wps:wsp></w:drawing></mc:Choice>'
            f'<mc:Fallback><w:pict><v:shape><v:textbox>{_box(text)}</v:textbox></v:shape>'
            f'</w:pict></mc:Fallback></mc:AlternateContent></w:r>')


def _vml_box(text: str) -> str:
    return (f'<w:r {_NS}><w:pict><v:shape><v:textbox>{_box(text)}</v:textbox></v:shape>'
            '</w:pict></w:r>')


def _docx(anchor: str, box_run: str, after: str) -> bytes:
    import docx
    from docx.oxml import parse_xml

    d = docx.Document()
    d.add_paragraph("BÁO CÁO TÌNH HÌNH DU LỊCH QUÝ II NĂM 2071")
    p = d.add_paragraph(anchor)
    p._p.append(parse_xml(box_run))
    d.add_paragraph(after)
    return docx_bytes(d)


BOX = "Nổi bật: lượt khách lưu trú quý II năm 2071 đạt 48.250 lượt."


def test_a_word_text_box_is_read_once_after_its_anchor_paragraph() -> None:
    data = _docx("Ngành du lịch tiếp tục tăng trưởng khá.", _word_box(BOX),
                 "Doanh thu lữ hành quý II năm 2071 đạt 312 tỷ đồng.")
    text, _ = docx_text("dl.docx", data)
    assert text.count("48.250") == 1
    assert text.index("tăng trưởng khá") < text.index(BOX) < text.index("Doanh thu lữ hành")


def test_a_vml_only_text_box_is_read() -> None:
    box = "Trong khung: số cơ sở lưu trú đạt chuẩn năm 2071 là 214 cơ sở."
    text, _ = docx_text("dl.docx", _docx("Mở đầu.", _vml_box(box), "Kết thúc."))
    assert text.count("214 cơ sở") == 1


def test_a_text_box_figure_is_answered(tmp_path: Path) -> None:
    service = service_over_files(tmp_path, {"dl-2071.docx": _docx(
        "Ngành du lịch tiếp tục tăng trưởng khá.", _word_box(BOX),
        "Doanh thu lữ hành quý II năm 2071 đạt 312 tỷ đồng.")})
    answer = service.ask("lượt khách lưu trú quý II năm 2071")
    assert answer.answer is not None and "48.250" in answer.answer


def _sheet(cached: bool = False) -> bytes:
    """A workbook written by openpyxl: formulas with no stored values -- or, ``cached``,
    with the values Excel would have stored beside them."""
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Điện 2068"
    ws.append(["Sản lượng điện thương phẩm năm 2068 (triệu kWh)"])
    ws.append(["Thành phần", "6 tháng đầu năm 2068", "6 tháng cuối năm 2068", "Năm 2068"])
    ws.append(["Công nghiệp", 412.5, 430.1, "=B3+C3"])
    ws.append(["Dân dụng", 275.4, 301.2, "=B4+C4"])
    ws.append(["Cộng", "=SUM(B3:B4)", "=SUM(C3:C4)", "=SUM(D3:D4)"])
    buf = io.BytesIO()
    wb.save(buf)
    if not cached:
        return buf.getvalue()
    values = {"B3+C3": "842.6", "B4+C4": "576.6", "SUM(B3:B4)": "687.9",
              "SUM(C3:C4)": "731.3", "SUM(D3:D4)": "1419.2"}
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(buf.getvalue())) as src, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            raw = src.read(info)
            if info.filename.startswith("xl/worksheets/"):
                xml = raw.decode("utf-8")
                xml = re.sub(r"<f>([^<]+)</f><v\s*(?:/>|></v>)",
                             lambda m: f"<f>{m[1]}</f><v>{values[m[1]]}</v>", xml)
                raw = xml.encode("utf-8")
            dst.writestr(info, raw)
    return out.getvalue()


def test_formula_cells_without_values_are_named_and_total_nothing() -> None:
    text, _, uncomputed = read_xlsx("dien.xlsx", _sheet())
    assert uncomputed == ["«Điện 2068»!D3", "«Điện 2068»!D4", "«Điện 2068»!B5",
                          "«Điện 2068»!C5", "«Điện 2068»!D5"]
    assert "6 tháng đầu năm 2068 — Công nghiệp: 412,5 triệu kWh" in text
    assert "›" not in text and "Cộng" not in text and "Tổng" not in text
    doc = read_bytes("dien.xlsx", _sheet())[0]
    assert doc.uncomputed == tuple(uncomputed)


def test_values_a_spreadsheet_program_stored_are_read_as_before() -> None:
    text, _, uncomputed = read_xlsx("dien.xlsx", _sheet(cached=True))
    assert uncomputed == []
    assert "842,6" in text and "1.419,2" in text
    assert xlsx_text("dien.xlsx", _sheet(cached=True))[0] == text


def test_rag_index_and_an_upload_name_the_uncomputed_cells(tmp_path: Path) -> None:
    service = service_over_files(tmp_path, {"ghi-chu.txt": "Sản lượng điện năm 2067 đạt "
                                                           "1.302 triệu kWh."})
    docs = tmp_path / "b"
    docs.mkdir()
    (docs / "dien-2068.xlsx").write_bytes(_sheet())
    report = service.index_paths([docs])
    note = report.uncomputed["dien-2068"]
    assert note.startswith("5 formula cell(s) saved without a computed value")
    assert "«Điện 2068»!D3" in note
    with http_client(service) as client:
        r = client.post("/documents", files={"file": ("dien-2069.xlsx", _sheet())})
        assert r.status_code == 201, r.text
        assert r.json()["uncomputed"][:2] == ["«Điện 2068»!D3", "«Điện 2068»!D4"]
