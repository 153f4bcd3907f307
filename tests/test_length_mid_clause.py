"""A length of time said mid-clause is the figure's period, never its value (session 44 brief
perday2, break-test s43 bt17n): "Qua cửa khẩu quốc tế Hữu Nghị, lượng người xuất nhập cảnh
trong 5 ngày đạt 27.400 lượt" was asked "Lượng người xuất nhập cảnh qua cửa khẩu Hữu Nghị dịp
lễ 30/4/2074?" and answered "5 ngày" at 0.958 (rag.vi.frames.period_length).

Near-miss: how long the holiday lasted ("kéo dài mấy ngày?") is still answered by the span
that opens the report.  Every document is built here, as TXT, HTML and DOCX."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import report_service

_LE_30_4 = [
    "Lượng khách đến Lạng Sơn dịp nghỉ lễ 30/4 - 1/5/2040",
    "Ngày 02/5/2040",
    "Trong 5 ngày nghỉ lễ 30/4 và 1/5/2040 (từ ngày 27/4 đến hết ngày 1/5/2040), Lạng Sơn đón "
    "88.400 lượt khách, tăng 6,2% so với cùng kỳ năm 2039. Doanh thu du lịch đạt 71,5 tỷ đồng.\n"
    "Qua cửa khẩu quốc tế Hữu Nghị, lượng người xuất nhập cảnh trong 5 ngày đạt 31.200 lượt.",
]
_QUOC_KHANH = [
    "Hoạt động cửa khẩu dịp Quốc khánh 2/9/2041",
    "Cập nhật 04/9/2041",
    "Trong 4 ngày nghỉ lễ Quốc khánh (từ ngày 30/8 đến hết ngày 02/9/2041), toàn tỉnh đón "
    "khoảng 64.100 lượt khách.",
    "Lượng xe hàng xuất khẩu qua cửa khẩu Tân Thanh trong 4 ngày nghỉ lễ đạt 1.860 xe.",
]
_TET = [
    "Du lịch Lạng Sơn dịp Tết Nguyên đán 2042",
    "Ngày đăng: 30/01/2042",
    "Trong 7 ngày nghỉ Tết Nguyên đán (từ ngày 21/01 đến hết ngày 27/01/2042), toàn tỉnh đón "
    "khoảng 352.000 lượt khách.",
    "Số lượt phương tiện xuất nhập cảnh qua cửa khẩu Chi Ma trong 7 ngày đạt khoảng 2.940 lượt.",
]
_KINDS = ["txt", "html", "docx"]


_service = report_service


@pytest.mark.parametrize("kind", _KINDS)
@pytest.mark.parametrize(("paragraphs", "question", "value"), [
    (_LE_30_4, "Lượng người xuất nhập cảnh qua cửa khẩu Hữu Nghị dịp lễ 30/4/2040?", "31.200"),
    (_QUOC_KHANH, "Lượng xe hàng xuất khẩu qua cửa khẩu Tân Thanh dịp Quốc khánh 2/9/2041?",
     "1.860"),
    (_TET, "Số lượt phương tiện xuất nhập cảnh qua cửa khẩu Chi Ma dịp Tết 2042?", "2.940"),
])
def test_length_is_no_value(tmp_path: Path, kind: str, paragraphs: list[str], question: str,
                            value: str) -> None:
    got = _service(tmp_path, kind, paragraphs).ask(question)
    assert got.found and value in got.answer, got


@pytest.mark.parametrize("kind", _KINDS)
@pytest.mark.parametrize(("paragraphs", "question", "expected"), [
    (_QUOC_KHANH, "Dịp Quốc khánh 2/9/2041 được nghỉ mấy ngày?", "4 ngày (30/08–02/09/2041)"),
    (_TET, "Tết 2042 kéo dài mấy ngày?", "7 ngày (21/01–27/01/2042)"),
])
def test_holiday_length_still_answered(tmp_path: Path, kind: str, paragraphs: list[str],
                                       question: str, expected: str) -> None:
    got = _service(tmp_path, kind, paragraphs).ask(question)
    assert got.found and got.answer == expected, got
