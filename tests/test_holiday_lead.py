"""A report about one holiday -- its title or first paragraph names the holiday or states its
days ("Dịp nghỉ lễ 30/4 - 1/5/2028: Lạng Sơn đón ...", "Trong 5 ngày nghỉ lễ ... (từ ngày 27/4
đến hết ngày 1/5/2028), ...") -- dates its later paragraphs' figures that state no period by
the holiday, as a heading naming it would (rag.vi.frames.document.holiday_lead): "Tổng doanh
thu du lịch ước đạt 139 tỷ đồng" in the third paragraph was stored under "năm 2028", answered
"doanh thu du lịch năm 2028?" as exact and refused "... dịp 30/4 năm 2028?" (break-test bt17g
t08).  A paragraph naming its own period keeps it.  Near-misses: a yearly report that mentions
a holiday in one paragraph, or opens "Năm 2028, ... riêng dịp Tết ...", keeps its year.
Every document is built here, as DOCX, TXT and HTML."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import empty_service
from helpers import report_file

from rag.ingest.uploads import read_upload
from rag.vi.frames import extract

_LE_30_4 = [
    "Dịp nghỉ lễ 30/4 - 1/5/2028: Lạng Sơn đón gần 170 nghìn lượt khách",
    "02/05/2028",
    "Trong 5 ngày nghỉ lễ Giải phóng miền Nam, thống nhất đất nước 30/4 và Quốc tế Lao động "
    "1/5 năm 2028 (từ ngày 27/4 đến hết ngày 1/5/2028), Lạng Sơn đón 168.500 lượt khách, tăng "
    "12,3% so với cùng kỳ năm 2027.",
    "Trong đó, khách lưu trú đạt 41.200 lượt. Bình quân mỗi ngày đón 33.700 lượt khách.",
    "Tổng doanh thu du lịch ước đạt 139 tỷ đồng, tăng 15,1% so với cùng kỳ.",
    "Lũy kế 4 tháng đầu năm 2028, toàn tỉnh đón 1,52 triệu lượt khách, đạt 38,9% kế hoạch năm.",
]
_TET = [
    "Lạng Sơn: hơn 300 nghìn lượt khách dịp Tết Nguyên đán Kỷ Dậu 2029",
    "Cập nhật 20/02/2029",
    "Trong kỳ nghỉ Tết Nguyên đán Kỷ Dậu (từ ngày 10/2 đến hết ngày 18/2/2029), các khu, điểm "
    "du lịch đón 305.000 lượt khách, tăng 8,2% so với cùng kỳ.",
    "Doanh thu từ hoạt động du lịch ước đạt 214 tỷ đồng.",
    "Công suất sử dụng phòng bình quân đạt 57%.",
    "Tháng 1/2029, doanh thu bán lẻ hàng hóa đạt 2.310 tỷ đồng.",
]
_GIO_TO = [
    "Phú Thọ đón 85 nghìn lượt khách dịp Giỗ Tổ Hùng Vương năm 2030",
    "Dịp nghỉ lễ Giỗ Tổ Hùng Vương năm 2030 (từ ngày 12/4 đến hết ngày 14/4/2030), các điểm du "
    "lịch đón 85.400 lượt khách.",
    "Tổng thu từ khách du lịch đạt 67,5 tỷ đồng.",
]
# a yearly report: its title and first paragraph are about the year; Tết is one paragraph
_YEARLY = [
    "Kết quả hoạt động du lịch năm 2028",
    "Năm 2028, toàn tỉnh đón 4,6 triệu lượt khách, doanh thu 6.120 tỷ đồng.",
    "Riêng dịp Tết Nguyên đán (từ ngày 25/1 đến hết ngày 30/1/2028), các điểm du lịch đón "
    "131.000 lượt khách.",
    "Tổng doanh thu du lịch ước đạt 5.940 tỷ đồng, tăng 9,5% so với năm trước.",
]
# no title period: the first paragraph opens with the year, the holiday comes after it
_YEAR_FIRST = [
    "Báo cáo hoạt động du lịch",
    "Năm 2028, toàn tỉnh đón 4,6 triệu lượt khách; riêng dịp Tết Nguyên đán (từ ngày 25/1 "
    "đến hết ngày 30/1/2028) đón 131.000 lượt khách.",
    "Tổng doanh thu du lịch ước đạt 5.940 tỷ đồng.",
]


def _period(kind: str, paragraphs: list[str], value: str) -> tuple[object, object, str]:
    doc = read_upload(*report_file(kind, paragraphs))
    frame = next(f for f in extract(doc.text, doc.title, doc.date) if value in f.value)
    assert frame.period is not None, frame
    return frame.period.start, frame.period.end, frame.period.kind


_KINDS = ["docx", "txt", "html"]


@pytest.mark.parametrize("kind", _KINDS)
@pytest.mark.parametrize(("paragraphs", "value", "start", "end"), [
    (_LE_30_4, "139 tỷ", "2028-04-27", "2028-05-01"),
    (_LE_30_4, "15,1%", "2028-04-27", "2028-05-01"),
    (_LE_30_4, "33.700", "2028-04-27", "2028-05-01"),
    (_TET, "214 tỷ", "2029-02-10", "2029-02-18"),
    (_TET, "57%", "2029-02-10", "2029-02-18"),
    (_GIO_TO, "67,5 tỷ", "2030-04-12", "2030-04-14"),
])
def test_holiday_report_dates_later_paragraphs(kind: str, paragraphs: list[str], value: str,
                                               start: str, end: str) -> None:
    got = _period(kind, paragraphs, value)
    assert (str(got[0]), str(got[1])) == (start, end), got


@pytest.mark.parametrize("kind", _KINDS)
@pytest.mark.parametrize(("paragraphs", "value", "kind_of", "start", "end"), [
    (_LE_30_4, "1,52 triệu", "months", "2028-01-01", "2028-04-30"),   # its own period
    (_TET, "2.310", "month", "2029-01-01", "2029-01-31"),
    (_YEARLY, "5.940", "year", "2028-01-01", "2028-12-31"),            # a yearly report
    (_YEAR_FIRST, "5.940", "year", "2028-01-01", "2028-12-31"),
])
def test_own_period_and_yearly_report_kept(kind: str, paragraphs: list[str], value: str,
                                           kind_of: str, start: str, end: str) -> None:
    got = _period(kind, paragraphs, value)
    assert (str(got[0]), str(got[1]), got[2]) == (start, end, kind_of), got


@pytest.mark.parametrize("kind", _KINDS)
def test_holiday_question_answered_year_question_not_exact(kind: str, tmp_path: Path) -> None:
    service = empty_service(tmp_path)
    service.add_document(read_upload(*report_file(kind, _LE_30_4)))
    got = service.ask("Doanh thu du lịch dịp 30/4 năm 2028?")
    assert got.found and "139 tỷ" in got.answer, got
    year = service.ask("Doanh thu du lịch năm 2028?")
    assert not (year.found and "139" in year.answer and year.period_match == "exact"), year
