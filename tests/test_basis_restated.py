"""A value restated on the other price basis in a sentence of its own takes the indicator of
the value before it, its basis swapped (break-test bt20a, session 49: "... (theo giá so sánh
2010) quý I năm 2093 ước đạt 2.847 tỷ đồng, .... Theo giá hiện hành ước đạt 4.312 tỷ đồng."
asked "theo giá hiện hành" was refused).  Near misses: a basis sentence after no money figure,
and a sentence with its own subject, keep their own words."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import service_over_files

from rag.records import AskOptions
from rag.vi.frames.document import extract


def _frames(text: str) -> dict[str, tuple[str, str]]:
    return {f.value: (f.indicator, f.period.label if f.period else "")
            for f in extract(text, "Báo cáo kinh tế - xã hội", "2066-07-05")}


@pytest.mark.parametrize(("text", "value", "words", "period"), [
    ("Giá trị sản xuất công nghiệp (theo giá so sánh 2010) 6 tháng đầu năm 2066 ước đạt 6.210 "
     "tỷ đồng, tăng 8,1% so với cùng kỳ. Theo giá hiện hành ước đạt 9.875 tỷ đồng.",
     "9.875 tỷ đồng", ("Giá trị sản xuất công nghiệp", "hiện hành"), "6 tháng"),
    ("Tổng sản phẩm trên địa bàn (GRDP) năm 2065 theo giá hiện hành đạt 48.320 tỷ đồng. Tính "
     "theo giá so sánh đạt 31.470 tỷ đồng, tăng 7,2%.",
     "31.470 tỷ đồng", ("GRDP", "so sánh"), "2065"),
    ("Vốn đầu tư thực hiện trên địa bàn quý II/2066 theo giá hiện hành ước đạt 4.105 tỷ đồng. "
     "Theo giá so sánh năm 2010 ước đạt 2.960 tỷ đồng.",
     "2.960 tỷ đồng", ("Vốn đầu tư", "so sánh"), "quý II/2066"),
])
def test_the_other_basis_of_the_same_thing(text: str, value: str, words: tuple[str, ...],
                                           period: str) -> None:
    indicator, label = _frames(text)[value]
    assert all(w in indicator for w in words) and period in label, (indicator, label)
    assert "giá so sánh" not in indicator or "giá hiện hành" not in indicator


def test_a_subject_of_its_own_is_kept() -> None:
    indicator, _ = _frames("Giá trị sản xuất công nghiệp theo giá so sánh năm 2065 đạt 5.100 "
                           "tỷ đồng. Doanh thu bán lẻ theo giá hiện hành đạt 7.300 tỷ đồng.")[
        "7.300 tỷ đồng"]
    assert "bán lẻ" in indicator and "sản xuất" not in indicator


def test_asked(tmp_path: Path) -> None:
    svc = service_over_files(tmp_path, {"bc-6thang-2066.txt": (
        "Báo cáo tình hình kinh tế 6 tháng đầu năm 2066\n05/07/2066\n\n"
        "Giá trị sản xuất công nghiệp (theo giá so sánh 2010) 6 tháng đầu năm 2066 ước đạt "
        "6.210 tỷ đồng, tăng 8,1% so với cùng kỳ. Theo giá hiện hành ước đạt 9.875 tỷ đồng.\n"
    ).encode()})
    a = svc.ask("Giá trị sản xuất công nghiệp theo giá hiện hành 6 tháng đầu năm 2066?",
                AskOptions())
    assert a.found and a.answer.startswith("9.875"), (a.answer, a.confidence)
    a = svc.ask("Giá trị sản xuất công nghiệp theo giá so sánh 6 tháng đầu năm 2066?",
                AskOptions())
    assert a.found and a.answer.startswith("6.210"), (a.answer, a.confidence)
