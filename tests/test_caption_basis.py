"""A table's caption names what every cell of it counts, on the basis it names ("Bảng: Kim
ngạch xuất nhập khẩu qua địa bàn giai đoạn 2057 - 2061 (triệu USD)" over a row written short,
"Kim ngạch XNK"): a question naming that basis ("Kim ngạch xuất nhập khẩu qua địa bàn năm
2059?") asks those cells, and the caption's words count as said by the cell
(rag.answer.figures.table_caption, read by narrower_subject).  Break-test bt17l of session
43: "... qua địa bàn năm 2059/2060?" was refused and "... năm 2061?" answered with another
report's quarter as partial, while the question without "qua địa bàn" was answered.

Variants: PDF, DOCX, HTML, XLSX and text (a pipe table under its lead-in); "qua địa bàn",
"qua địa bàn tỉnh" and "hàng địa phương" captions; other years and values.  Near-miss: a
caption on another basis ("của doanh nghiệp địa phương") is no answer for "qua địa bàn"."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import service_over_files

from rag.records import AskOptions

_LEAD = ("Tổng kim ngạch xuất nhập khẩu qua địa bàn 6 tháng đầu năm 2062 đạt 4.307 triệu USD, "
         "trong đó xuất khẩu 1.980 triệu USD, nhập khẩu 2.327 triệu USD.")


def _files(kind: str, caption: str, label: str, years: list[str], values: list[str]
           ) -> dict[str, str | bytes]:
    """A report: a title, a sentence, then the table of one row ``label`` over ``years``
    under its ``caption``."""
    import docx
    from helpers import docx_bytes, docx_fill, fpdf_page, fpdf_table, html_rows, xlsx_bytes

    title = "BÁO CÁO KẾT QUẢ NGÀNH CÔNG THƯƠNG 6 THÁNG ĐẦU NĂM 2062"
    rows = [["Năm", *years], [label, *values]]
    if kind == "txt":
        table = "\n".join("| " + " | ".join(r) + " |" for r in
                          [rows[0], ["---"] * len(rows[0]), rows[1]])
        return {"bao-cao.txt": f"{title}\n\n{_LEAD}\n\n{caption}:\n\n{table}\n"}
    if kind == "xlsx":
        return {"bao-cao.xlsx": xlsx_bytes([[title], [_LEAD], [caption], *rows])}
    if kind == "html":
        return {"bao-cao.html": (f"<html><body><article><h1>{title}</h1><p>{_LEAD}</p>"
                                 f"<p>{caption}</p><table>{html_rows(rows)}</table></article>"
                                 "</body></html>").encode()}
    if kind == "docx":
        d = docx.Document()
        for line in (title, _LEAD, caption):
            d.add_paragraph(line)
        docx_fill(d.add_table(rows=len(rows), cols=len(rows[0])), rows)
        return {"bao-cao.docx": docx_bytes(d)}
    pdf = fpdf_page()
    for line in (title, _LEAD, caption):
        pdf.multi_cell(0, 8, line)
        pdf.ln(2)
    fpdf_table(pdf, rows)
    return {"bao-cao.pdf": bytes(pdf.output())}


def _ask(tmp_path: Path, files: dict[str, str | bytes], question: str) -> tuple[bool, str]:
    a = service_over_files(tmp_path, files).ask(question, AskOptions())
    return a.found, a.answer


_KINDS = ["pdf", "docx", "html", "xlsx", "txt"]
_YEARS = ["2057", "2058", "2059", "2060", "2061"]
_XNK = ["6.120", "6.480", "7.050", "7.630", "8.215"]


@pytest.mark.parametrize("kind", _KINDS)
@pytest.mark.parametrize(("caption", "label", "question", "value"), [
    ("Bảng: Kim ngạch xuất nhập khẩu qua địa bàn giai đoạn 2057 - 2061 (triệu USD)",
     "Kim ngạch XNK", "Kim ngạch xuất nhập khẩu qua địa bàn năm 2059?", "7.050"),
    ("Bảng: Kim ngạch xuất nhập khẩu qua địa bàn giai đoạn 2057 - 2061 (triệu USD)",
     "Kim ngạch XNK", "Kim ngạch XNK qua địa bàn năm 2061 là bao nhiêu?", "8.215"),
    ("Bảng 2. Kim ngạch xuất nhập khẩu qua địa bàn tỉnh các năm 2057 - 2061 (triệu USD)",
     "Tổng kim ngạch", "Tổng kim ngạch xuất nhập khẩu qua địa bàn tỉnh năm 2058?", "6.480"),
    ("Bảng: Kim ngạch xuất nhập khẩu hàng địa phương giai đoạn 2057 - 2061 (triệu USD)",
     "Kim ngạch XNK", "Kim ngạch XNK hàng địa phương năm 2060?", "7.630"),
])
def test_a_basis_the_caption_names_holds_for_every_cell(
        tmp_path: Path, kind: str, caption: str, label: str, question: str,
        value: str) -> None:
    if kind == "txt" and "hàng địa phương" in caption:
        # left: a text report's pipe table takes no basis from its lead-in (the frames'
        # basis is empty, refused before the caption is read; fails on the base as well)
        pytest.xfail("a text table's lead-in gives its rows no basis")
    found, answer = _ask(tmp_path, _files(kind, caption, label, _YEARS, _XNK), question)
    assert found and answer.startswith(value), (kind, question, answer)


@pytest.mark.parametrize("kind", _KINDS)
def test_a_caption_on_another_basis_is_no_answer(tmp_path: Path, kind: str) -> None:
    """"của doanh nghiệp địa phương" is not the trade through the province."""
    caption = ("Bảng: Kim ngạch xuất nhập khẩu của doanh nghiệp địa phương giai đoạn "
               "2057 - 2061 (triệu USD)")
    found, answer = _ask(tmp_path, _files(kind, caption, "Kim ngạch XNK", _YEARS, _XNK),
                         "Kim ngạch xuất nhập khẩu qua địa bàn năm 2059?")
    assert not answer.startswith("7.050"), (kind, answer)
