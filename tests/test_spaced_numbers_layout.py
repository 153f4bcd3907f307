"""A number whose thousands are parted by one space of any width -- no-break (U+00A0), narrow
no-break (U+202F), thin (U+2009), figure (U+2007) or plain -- is never a plain-text table's
column gap, even when the separators of two or three lines sit at one column (issue 16 item 3,
break-test bt25-b16 failure 1: "318<U+202F>460 lượt" over "9<U+00A0>874 tỷ đồng" stored as
"318: 460" / "9: 874", answered "318" at 1.0).  A real space-aligned table still reads as one.
Invented figures and places."""

from __future__ import annotations

from datetime import date

import pytest

from rag.ingest.markdown import text_with_tables
from rag.ingest.uploads import read_upload
from rag.records import AskOptions

SEPARATORS = ["\u00a0", "\u202f", "\u2009", "\u2007", " "]

# (text before the separator, after it, question, the value as a plain-space number)
_TWO = [("Sản lượng điện thương phẩm năm 2031 đạt 1", "482 triệu kWh.",
         "sản lượng điện thương phẩm năm 2031", "1 482"),
        ("Số lao động khu công nghiệp năm 2031 là 2", "340 người.",
         "số lao động khu công nghiệp năm 2031", "2 340")]
_THREE = [("Doanh thu bán lẻ hàng hóa năm 2033 đạt 58", "125 tỷ đồng.",
           "doanh thu bán lẻ hàng hóa năm 2033", "58 125"),
          ("Diện tích trồng cà phê năm 2033 ước đạt 3", "410 ha.",
           "diện tích trồng cà phê năm 2033", "3 410"),
          ("Số hộ kinh doanh cá thể đến năm 2033 là 1", "906 hộ.",
           "số hộ kinh doanh cá thể năm 2033", "1 906")]


def _document(title: str, lines: list[tuple[str, str, str, str]], sep: str) -> str:
    body = [before + sep + after for before, after, _, _ in lines]
    # the separators line up: the layout that read them as a table's gutter
    assert len({len(before) for before, _, _, _ in lines}) == 1
    return title + "\n" + "\n".join(body) + "\n"


@pytest.mark.parametrize("sep", SEPARATORS)
@pytest.mark.parametrize("lines", [_TWO, _THREE], ids=["two", "three"])
def test_aligned_group_spaces_are_no_column_gap(sep: str, lines: list) -> None:
    raw = _document("Báo cáo kinh tế Bắc Lâm", lines, sep)
    text = text_with_tables(raw)
    assert text == raw
    assert ": " not in text


@pytest.mark.parametrize("sep", SEPARATORS)
@pytest.mark.parametrize("lines", [_TWO, _THREE], ids=["two", "three"])
def test_the_whole_number_is_answered_and_its_quote_is_the_stored_text(
        tmp_path, sep: str, lines: list) -> None:
    from conftest import empty_service

    service = empty_service(tmp_path)
    doc = read_upload("bao_cao_bac_lam.txt",
                      _document("Báo cáo kinh tế Bắc Lâm", lines, sep).encode())
    service.add_document(doc)
    for _, _, question, value in lines:
        a = service.ask(question, AskOptions(today=date(2034, 3, 1)))
        assert a.found and value.replace(" ", ".") in a.answer.replace(" ", "."), \
            (question, a.answer)
        c = a.citations[0]
        assert doc.text[c.start:c.end] == c.quote and value in c.quote, c


def test_a_real_aligned_table_with_group_spaces_still_reads_as_one() -> None:
    raw = ("Sản lượng thủy sản Bắc Lâm\nĐVT: tấn\n\n"
           "Chỉ tiêu            Năm 2032      Năm 2033\n"
           "Cá rô phi           4\u00a0215         4\u2009380\n"
           "Tôm càng xanh       1\u202f062         1\u2007118\n"
           "Cá lăng               870           915\n")
    text = text_with_tables(raw)
    for line in ["Năm 2033 — Cá rô phi: 4 380 tấn", "Năm 2032 — Tôm càng xanh: 1 062 tấn",
                 "Năm 2033 — Cá lăng: 915 tấn"]:
        assert line in text, text
