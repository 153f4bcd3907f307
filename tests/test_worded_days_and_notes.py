"""A day written out as words ("ngày 14 tháng 3 năm 2071", "mồng 2 tháng 10") is that day, in a
question and in a report's sentence, as "14/3/2071" is -- never "14 tháng" (a count of months)
nor only its year; "đến ngày 30 tháng 6" is the total to that day.  DOCX footnotes and
endnotes are read: after the paragraph (or table) that cites them, the uncited at the end.
Break-test bt14-b16 failures 3 and 2 (other dates, figures and wordings here)."""

from __future__ import annotations

import io
import zipfile
from datetime import date

import docx

from rag.ingest.readers import read_bytes
from rag.vi.asked import question_mentions
from rag.vi.frames import extract
from rag.vi.mentions import find_mentions


def _own(text: str, year: int | None, report: bool = False) -> list[tuple[str, date, date]]:
    return [(m.period.kind, m.period.start, m.period.end)
            for m in find_mentions(text, year, report=report) if not m.comparison]


def test_worded_day_in_a_report_sentence_is_the_day() -> None:
    s = "Ngày 14 tháng 3 năm 2071, hội chợ nông sản thu hút khoảng 8.500 lượt khách."
    assert _own(s, 2071, report=True) == [("day", date(2071, 3, 14), date(2071, 3, 14))]
    [m] = find_mentions(s, 2071, report=True)
    assert s[m.start:m.end] == "Ngày 14 tháng 3 năm 2071"  # offsets as written


def test_worded_day_variants() -> None:
    assert _own("mồng 2 tháng 10 đón 640 lượt khách", 2068) == [
        ("day", date(2068, 10, 2), date(2068, 10, 2))]
    assert _own("mùng 7 tháng 11, năm 2068 có 35 hộ", None) == [
        ("day", date(2068, 11, 7), date(2068, 11, 7))]
    assert _own("ngay 21 thang 4 2069 co 90 ho", None) == [
        ("day", date(2069, 4, 21), date(2069, 4, 21))]  # typed plain, no "năm"


def test_worded_to_date_is_the_running_total() -> None:
    [(kind, start, end)] = _own("Lũy kế đến ngày 30 tháng 6 năm 2071, giải ngân 412,3 tỷ đồng",
                                2071, report=True)
    assert kind == "to_date" and start == date(2071, 1, 1) and end == date(2071, 6, 30)


def test_worded_day_after_so_voi_is_a_comparison() -> None:
    found = find_mentions("tăng 4,1% so với ngày 1 tháng 1 năm 2070", 2071)
    assert [(m.period.kind, m.period.start, m.comparison) for m in found] == [
        ("day", date(2070, 1, 1), True)]


def test_months_without_a_day_word_still_count() -> None:
    assert _own("trong 5 tháng năm 2071 có 12 dự án", 2071) == [
        ("months", date(2071, 1, 1), date(2071, 5, 31))]


def test_question_worded_day_is_no_count_of_months() -> None:
    q = "lượt khách hội chợ nông sản ngày 14 tháng 3 năm 2071"
    found = [(m.period.kind, m.period.start) for m in question_mentions(q, 2071)]
    assert found == [("day", date(2071, 3, 14))]


def test_report_frame_dated_by_the_worded_day() -> None:
    s = "Ngày 14 tháng 3 năm 2071, hội chợ nông sản thu hút khoảng 8.500 lượt khách."
    [f] = [f for f in extract(s, "t", "2071-04-02") if "8.500" in f.value]
    assert (f.period.kind, f.period.start) == ("day", date(2071, 3, 14))


# -- DOCX notes -------------------------------------------------------------------------------

_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml."


def _notes_xml(kind: str, notes: dict[int, str]) -> str:
    tag = kind[:-1]
    body = "".join(f'<w:{tag} w:id="{n}"><w:p><w:r><w:{tag}Ref/></w:r><w:r><w:t xml:space='
                   f'"preserve"> {text}</w:t></w:r></w:p></w:{tag}>' for n, text in notes.items())
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:{kind} {_W}>'
            f'<w:{tag} w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p>'
            f'</w:{tag}><w:{tag} w:type="continuationSeparator" w:id="0"><w:p><w:r>'
            f'<w:continuationSeparator/></w:r></w:p></w:{tag}>{body}</w:{kind}>')


def _ref(tag: str, n: int) -> str:
    return (f'</w:t></w:r><w:r><w:{tag} w:id="{n}"/></w:r><w:r><w:t xml:space="preserve">')


def _noted_docx() -> bytes:
    d = docx.Document()
    d.add_paragraph("Doanh thu bán lẻ hàng hóa năm 2071 của tỉnh đạt 3.180 tỷ đồngREF1. "
                    "Số chợ hạng I là 6 chợ.")
    t = d.add_table(rows=2, cols=2)
    for c, v in enumerate(("Chỉ tiêu", "Năm 2071")):
        t.cell(0, c).text = v
    t.cell(1, 0).text = "Số siêu thịEND1"
    t.cell(1, 1).text = "14"
    d.add_paragraph("Đơn vị tính: siêu thị")
    d.add_paragraph("Tổng mức lưu chuyển hàng hóa tăng 6,2%.")
    buf = io.BytesIO()
    d.save(buf)
    out = io.BytesIO()
    with zipfile.ZipFile(buf) as zin, zipfile.ZipFile(out, "w") as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "word/document.xml":
                data = data.replace(b"REF1", _ref("footnoteReference", 1).encode()).replace(
                    b"END1", _ref("endnoteReference", 2).encode())
            elif item.filename == "[Content_Types].xml":
                data = data.replace(b"</Types>", (
                    f'<Override PartName="/word/footnotes.xml" ContentType="{_CT}footnotes+xml"/>'
                    f'<Override PartName="/word/endnotes.xml" ContentType="{_CT}endnotes+xml"/>'
                    "</Types>").encode())
            elif item.filename == "word/_rels/document.xml.rels":
                data = data.replace(b"</Relationships>", (
                    f'<Relationship Id="rIdN1" Type="{_REL}footnotes" Target="footnotes.xml"/>'
                    f'<Relationship Id="rIdN2" Type="{_REL}endnotes" Target="endnotes.xml"/>'
                    "</Relationships>").encode())
            zout.writestr(item, data)
        zout.writestr("word/footnotes.xml", _notes_xml("footnotes", {
            1: "Theo giá hiện hành, doanh thu bán lẻ hàng hóa năm 2071 đạt 3.455 tỷ đồng.",
            3: "Số liệu sơ bộ năm 2071: 212 cửa hàng tiện lợi."}))
        zout.writestr("word/endnotes.xml", _notes_xml("endnotes", {
            2: "Gồm 3 trung tâm thương mại mở cửa năm 2071."}))
    return out.getvalue()


def test_docx_footnotes_and_endnotes_are_read_in_order() -> None:
    [doc] = read_bytes("thuong_mai_2071.docx", _noted_docx())
    blocks = doc.text.split("\n\n")
    lead = next(k for k, b in enumerate(blocks) if b.startswith("Doanh thu bán lẻ"))
    assert blocks[lead + 1] == ("Ghi chú: Theo giá hiện hành, doanh thu bán lẻ hàng hóa năm 2071 "
                                "đạt 3.455 tỷ đồng.")
    unit = blocks.index("Đơn vị tính: siêu thị")  # the table's unit line stays after it
    assert "siêu thị" in blocks[unit - 1] and "14" in blocks[unit - 1]
    assert blocks[unit + 1] == "Ghi chú: Gồm 3 trung tâm thương mại mở cửa năm 2071."
    assert blocks[-1] == "Ghi chú: Số liệu sơ bộ năm 2071: 212 cửa hàng tiện lợi."  # uncited
    assert "separator" not in doc.text and doc.text.count("3.455") == 1


def test_docx_without_notes_has_no_note_lines() -> None:
    d = docx.Document()
    d.add_paragraph("Kim ngạch nhập khẩu năm 2071 đạt 96,4 triệu USD.")
    buf = io.BytesIO()
    d.save(buf)
    [doc] = read_bytes("nk.docx", buf.getvalue())
    assert "Ghi chú" not in doc.text and "96,4" in doc.text
