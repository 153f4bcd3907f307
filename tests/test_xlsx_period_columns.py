"""A table's columns headed by a measure word, a period and a unit ("Lượng 2060 (tấn)",
"Trị giá 2060 (triệu USD)") under a corner naming its rows ("Mặt hàng xuất khẩu") answer
each its own measure of the row's thing (break-test bt17u; every document is built here, in
the xlsx, docx and html readers' shapes, with no caption above the table, as a workbook's
second sheet has none):

1. the corner "Mặt hàng xuất khẩu" captions the table (rag.ingest.tables.corner_caption):
   read bare, its rows lost the "xuất khẩu" every question says and "Lượng thanh long xuất
   khẩu năm 2060?" was refused;
2. a question opening on a quantity ("Lượng", "Khối lượng", "Sản lượng") takes no money
   column (rag.answer.figures.quantity_headed): with "Trị giá" first, "Lượng phân bón nhập
   khẩu năm 2061?" answered 96,5 triệu USD; and "Sản lượng hạt điều xuất khẩu" finds the
   caption's "xuất khẩu" as the row's own (figures.heads_fitted ``table``);
3. English "export value", "import value" ask the money (rag.vi.lexicon.ENGLISH): "Durian
   export value in 2060?" took the tonnes.

Near-misses: the value column still answers "Trị giá ..." and "kim ngạch ..."; the other
year's column answers its own year; "lượng khách" asks no quantity of goods."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from conftest import empty_service
from helpers import docx_bytes, docx_fill, html_rows, titled_table_file, xlsx_bytes

from rag.answer.figures import quantity_headed
from rag.ingest.tables import corner_caption
from rag.ingest.uploads import read_upload
from rag.records import AskOptions

_TODAY = date(2065, 1, 1)
_EXPORTS = [["Mặt hàng xuất khẩu", "Lượng 2059 (tấn)", "Lượng 2060 (tấn)",
             "Trị giá 2059 (triệu USD)", "Trị giá 2060 (triệu USD)"],
            ["Sầu riêng", "705.100", "812.400", "1.988,3", "2.317,6"],
            ["Thanh long", "388.900", "402.300", "301,7", "318,2"],
            ["Hạt điều", "14.650", "15.200", "91,2", "96,5"]]
# the value first: the order of the columns decides nothing
_IMPORTS = [["Nhóm hàng nhập khẩu", "Trị giá 2061 (triệu USD)", "Lượng 2061 (tấn)"],
            ["Phân bón", "147,3", "356.800"],
            ["Sắt thép", "612,9", "1.024.500"]]


_REPORT = "Báo cáo tình hình hoạt động của Cục Hải quan tỉnh"


def _file(kind: str, rows: list[list[str]]) -> tuple[str, bytes]:
    """The table with no caption above it, as ``kind``: a workbook's sheet holding it alone,
    or a report whose title names no trade flow."""
    if kind == "xlsx":
        return "bieu.xlsx", xlsx_bytes([list(r) for r in rows], sheet="Mat hang")
    if kind == "html":
        return "bieu.html", (f"<html><head><title>{_REPORT}</title></head><body><article>"
                             f"<h1>{_REPORT}</h1><table>{html_rows(rows)}</table>"
                             "</article></body></html>").encode()
    import docx

    d = docx.Document()
    d.add_paragraph(_REPORT)
    docx_fill(d.add_table(rows=len(rows), cols=len(rows[0])), rows)
    return "bieu.docx", docx_bytes(d)


def _ask(kind: str, rows: list[list[str]], question: str, tmp_path: Path) -> tuple[bool, str]:
    service = empty_service(tmp_path)
    service.add_document(read_upload(*_file(kind, rows)))
    got = service.ask(question, AskOptions(retrieval_mode="lexical", today=_TODAY))
    return got.found, got.answer


@pytest.mark.parametrize("kind", ["xlsx", "docx", "html"])
@pytest.mark.parametrize("rows, question, expected, other", [
    (_EXPORTS, "Lượng thanh long xuất khẩu năm 2060?", "402.300 tấn", "318,2"),
    (_EXPORTS, "Khối lượng sầu riêng xuất khẩu năm 2060 là bao nhiêu?", "812.400 tấn",
     "2.317,6"),
    (_EXPORTS, "Sản lượng hạt điều xuất khẩu năm 2060?", "15.200 tấn", "96,5"),
    (_IMPORTS, "Lượng phân bón nhập khẩu năm 2061?", "356.800 tấn", "147,3"),
    (_IMPORTS, "Khối lượng sắt thép nhập khẩu năm 2061?", "1.024.500 tấn", "612,9"),
    (_EXPORTS, "Durian export value in 2060?", "2.317,6 triệu USD", "812.400"),
    (_IMPORTS, "Fertilizer import value in 2061?", "147,3 triệu USD", "356.800"),
    # near-misses: the value column answers the value, the other year its own year
    (_EXPORTS, "Trị giá xuất khẩu sầu riêng năm 2060?", "2.317,6 triệu USD", "812.400"),
    (_EXPORTS, "Kim ngạch xuất khẩu thanh long năm 2059?", "301,7 triệu USD", "388.900"),
    (_EXPORTS, "Lượng thanh long xuất khẩu năm 2059?", "388.900 tấn", "402.300"),
    (_IMPORTS, "Trị giá nhập khẩu sắt thép năm 2061?", "612,9 triệu USD", "1.024.500"),
])
def test_measure_columns_answer_their_own_measure(kind: str, rows: list[list[str]],
                                                  question: str, expected: str, other: str,
                                                  tmp_path: Path) -> None:
    found, answer = _ask(kind, rows, question, tmp_path)
    assert found, answer
    assert expected in answer and other not in answer, answer


def test_corner_caption_reads_a_goods_corner_only() -> None:
    assert corner_caption(["Mặt hàng xuất khẩu"]) == "Mặt hàng xuất khẩu"
    assert corner_caption(["Nhóm hàng nhập khẩu chủ yếu (triệu USD)"]) == \
        "Nhóm hàng nhập khẩu chủ yếu"
    # a bare kind, a label header, a measure and a place kind caption nothing
    for cell in ("Mặt hàng", "Chỉ tiêu", "STT", "Kim ngạch xuất khẩu (triệu USD)", "Cửa khẩu",
                 "Năm 2060"):
        assert corner_caption([cell]) == "", cell


def test_quantity_headed_is_goods_not_visits() -> None:
    assert quantity_headed("luong thanh long xuat khau nam 2060?")
    assert quantity_headed("khoi luong phan bon nhap khau")
    assert quantity_headed("tong san luong dien thuong pham")
    for q in ("luong khach du lich dip tet 2061?", "luong xe cho xuat khau tai cua khau?",
              "tri gia xuat khau sau rieng", "xuat khau bao nhieu tan sau rieng"):
        assert not quantity_headed(q), q


@pytest.mark.parametrize("kind", ["xlsx", "docx", "html"])
@pytest.mark.parametrize("question, expected, other", [
    ("Trị giá xuất khẩu sầu riêng năm 2060?", "2.317,6 triệu USD", "812.400"),
    ("Kim ngạch xuất khẩu hạt điều năm 2059?", "91,2 triệu USD", "14.650"),
    ("Xuất khẩu bao nhiêu tấn thanh long năm 2060?", "402.300 tấn", "318,2"),
])
def test_captioned_table_keeps_its_answers(kind: str, question: str, expected: str,
                                           other: str, tmp_path: Path) -> None:
    """Near-miss: under a caption naming the flow, as before (these passed already)."""
    service = empty_service(tmp_path)
    rows = [["Mặt hàng", *_EXPORTS[0][1:]], *_EXPORTS[1:]]
    service.add_document(read_upload(*titled_table_file(
        kind, rows, "Xuất khẩu một số mặt hàng chủ yếu qua địa bàn tỉnh")))
    got = service.ask(question, AskOptions(retrieval_mode="lexical", today=_TODAY))
    assert got.found and expected in got.answer and other not in got.answer, got.answer
