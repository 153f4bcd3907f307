"""A minus written with any Unicode hyphen or short dash (\\p{Pd}: U+2010, U+2011, U+2012,
U+FE63, U+FF0D, ...) right before a number is the value's sign, as "-" and "−" are; the same
dash between two numbers joins a range (issue 16, break-test bt4-b16 item 1 and its minor
"giảm âm"; rag.vi.text.unify_dashes).  The summary says a fall once: "giảm 3,6%", never "đạt
‑: 3,6%" nor "giảm âm 3,6%".  Invented figures, wordings other than the break-test's."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import empty_service

from rag.ingest.uploads import read_upload
from rag.vi.numbers import find_values
from rag.vi.text import normalize, unify_dashes

# hyphens and short dashes of \p{Pd} other than "-" and "–"
_DASHES = ["\u2010", "\u2011", "\u2012", "\ufe63", "\uff0d", "\u058a", "\u2e40"]


@pytest.mark.parametrize("dash", _DASHES)
def test_a_hyphen_like_dash_is_written_as_hyphen_minus(dash: str) -> None:
    text = f"giá trị sản xuất giảm {dash}3,6%; công suất 1.200{dash}1.350 tấn"
    got = normalize(text)
    assert got == "giá trị sản xuất giảm -3,6%; công suất 1.200-1.350 tấn"
    assert len(unify_dashes(text)) == len(text)


@pytest.mark.parametrize("kept", ["\u2014", "\u2015", "\u2e3a", "\u301c", "\u2212", "\u2013"])
def test_long_dashes_en_dash_and_minus_sign_are_kept(kept: str) -> None:
    assert unify_dashes(f"A {kept} 5") == f"A {kept} 5"


@pytest.mark.parametrize("dash", _DASHES)
def test_the_sign_is_read_and_a_range_stays_a_range(dash: str) -> None:
    values = find_values(normalize(f"tăng trưởng đạt {dash}0,8% so với cùng kỳ"))
    assert [v.low for v in values] == [-0.8]
    values = find_values(normalize(f"lưu lượng 730{dash}810 xe/ngày"))
    assert [(v.low, v.high) for v in values] == [(730.0, 810.0)]


_DOC = ("Báo cáo sản xuất công nghiệp 6 tháng đầu năm 2058\n\n"
        "Chỉ số sản xuất ngành sản xuất giấy 6 tháng đầu năm 2058 đạt \u20123,6% so với cùng kỳ. "
        "Chỉ số sản xuất ngành chế biến chè 6 tháng đầu năm 2058 giảm \uff0d1,4% so với cùng kỳ. "
        "Chỉ số sản xuất ngành phân phối khí đốt 6 tháng đầu năm 2058 tăng trưởng âm 0,9% so "
        "với cùng kỳ. Công suất nhà máy xi măng đạt 2.300\u20112.450 tấn/ngày.\n")


@pytest.mark.parametrize("asked, number", [
    ("chỉ số sản xuất ngành sản xuất giấy 6 tháng đầu năm 2058", "3,6%"),
    ("chỉ số sản xuất ngành chế biến chè 6 tháng đầu năm 2058", "1,4%"),
    ("chỉ số sản xuất ngành phân phối khí đốt 6 tháng đầu năm 2058", "0,9%"),
])
def test_the_answer_reads_as_a_fall_said_once(asked: str, number: str,
                                              tmp_path: Path) -> None:
    service = empty_service(tmp_path)
    service.add_document(read_upload("cn_6t_2058.txt", _DOC.encode()))
    got = service.ask(asked)
    assert got.found, got.answer
    assert got.answer in (f"-{number}", f"âm {number}"), got.answer
    assert f"giảm {number}" in (got.summary or ""), got.summary
    assert "giảm âm" not in (got.summary or "") and "‒:" not in (got.summary or ""), got.summary
    assert "tăng " + number not in (got.summary or ""), got.summary


def test_a_range_joined_by_a_non_breaking_hyphen_is_a_range(tmp_path: Path) -> None:
    service = empty_service(tmp_path)
    service.add_document(read_upload("cn_6t_2058.txt", _DOC.encode()))
    got = service.ask("công suất nhà máy xi măng 6 tháng đầu năm 2058")
    assert got.found and got.answer.startswith("2.300") and "2.450" in got.answer, got.answer
