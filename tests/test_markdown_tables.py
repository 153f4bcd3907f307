"""Pipe tables in .md and .txt files read as tables: the same figure lines, and so the same
frames (indicator from the row, period from the column, "Ước" an estimate, unit from the
unit column), as the same table saved as .csv."""

from __future__ import annotations

import re

from rag.ingest.markdown import md_to_text, split_tables
from rag.ingest.readers import read_bytes
from rag.vi.frames import extract

CSV = """Chỉ tiêu,ĐVT,2022,2023,Ước 2024
Sản lượng xi măng,nghìn tấn,1.905,2.040,2.115
Doanh thu du lịch,tỷ đồng,2.310,2.875,3.420
Số doanh nghiệp thành lập mới,doanh nghiệp,402,"",455
"""

MD = """# Chỉ tiêu kinh tế chủ yếu 2022 - 2024

Cập nhật ngày 15/01/2025

| Chỉ tiêu | ĐVT | 2022 | 2023 | Ước 2024 |
|:---|:---:|---:|---:|---:|
| **Sản lượng xi măng** | nghìn tấn | 1.905 | 2.040 | 2.115 |
| Doanh thu du lịch | tỷ đồng | 2.310 | 2.875 | 3.420 |
| Số doanh nghiệp thành lập mới | doanh nghiệp | 402 |  | 455 |

Nguồn: Cục Thống kê tỉnh.
"""


def _lines(text: str) -> list[str]:
    """The figure lines of a text, without the CSV's "(dòng N)" row numbers."""
    return [re.sub(r" \(dòng \d+\)$", "", line) for line in text.split("\n") if " — " in line]


def _frames(doc):  # type: ignore[no-untyped-def]
    return sorted((f.indicator, f.value, f.unit, f.estimate, f.period.label if f.period else "")
                  for f in extract(doc.text, doc.title, doc.date))


def test_markdown_table_reads_as_the_csv_table() -> None:
    [md] = read_bytes("chi_tieu.md", MD.encode())
    [csv] = read_bytes("chi_tieu.csv", CSV.encode())
    assert md.title == "Chỉ tiêu kinh tế chủ yếu 2022 - 2024"
    assert md.date == "2025-01-15"
    assert _lines(md.text) == _lines(csv.text)
    assert "Ước 2024 — Sản lượng xi măng: 2.115 nghìn tấn" in md.text
    assert "|" not in md.text and "---" not in md.text
    assert md.text.endswith("Nguồn: Cục Thống kê tỉnh.")  # the text after the table stays
    frames = _frames(md)
    assert frames == _frames(csv)
    cement = [f for f in extract(md.text, md.title, md.date) if f.value.startswith("2.115")]
    assert cement and cement[0].estimate and "xi măng" in cement[0].indicator


def test_pipe_table_in_a_text_file_and_a_unit_line_after_it() -> None:
    text = ("Bảng 3. Kim ngạch xuất khẩu qua các năm\n"
            "| Năm | 2021 | 2022 |\n| --- | --- | --- |\n| Kim ngạch xuất khẩu | 612,5 | 704,8 |\n"
            "\nĐơn vị tính: triệu USD\n")
    [doc] = read_bytes("bang3.txt", text.encode())
    assert "2022 — Kim ngạch xuất khẩu: 704,8 triệu USD" in doc.text


def test_pipes_without_a_delimiter_row_are_no_table() -> None:
    raw = "Tin tức\n\n10:15 AM | 03/4/2024\n\nGiá xăng | giảm nhẹ trong tuần.\n"
    assert split_tables(raw.split("\n")) == raw.split("\n")
    [doc] = read_bytes("tin.txt", raw.encode())
    assert "Giá xăng | giảm nhẹ trong tuần." in doc.text
    # a Markdown file without a table reads as before: lines kept, markup dropped
    assert md_to_text("# T\n\n- **a** | b\n- c") == ("T", "\na | b\nc")


def test_cells_as_gfm_splits_them() -> None:
    assert split_tables(["| a | b \\| c |  ", "|---|:-:|"]) == [[["a", "b | c"]]]
    assert split_tables(["a | b", "--|--", "1 | 2"]) == [[["a", "b"], ["1", "2"]]]
    # an indented table in a plain text file; a line without a pipe ends it (GFM would go on)
    lines = ["    | a | b |", "    |---|---|", "    | 1 | 2 |", "Nguồn: Cục Thống kê"]
    assert split_tables(lines) == [[["a", "b"], ["1", "2"]], "Nguồn: Cục Thống kê"]
    rows = split_tables(["| x | y |", "|---|---|", "| 1 |", "| 2 | 3 | 4 |", "after"])
    assert rows == [[["x", "y"], ["1", ""], ["2", "3"]], "after"]
