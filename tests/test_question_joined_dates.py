"""How questions read dates (break-test bt17o): whole dates joined by "và" or a comma after
a to-date or day period ("số sản phẩm OCOP đến 30/6/2086 và 15/12/2086?") are as many periods
of that kind -- the second was left unread and the first answered alone at 1.0
(rag.vi.asked._joined_days); a number after a noun it numbers ("giá hồi khô loại 1 tháng
3/2088") is no count of months -- "1 tháng" was read as January and denied on a line of its
own at 1.0 (rag.vi.mentions._numbered_by).  Near-misses: "9 tháng 2088", "các mặt hàng 9
tháng đầu năm", "tuần 2 tháng 3", and a date joined to a month stay read as before.  The
documents are built here, as DOCX, TXT and HTML."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from conftest import empty_service
from helpers import report_file

from rag.ingest.uploads import read_upload
from rag.vi.asked import question_periods

_TODAY = date(2090, 1, 5)


def _read(question: str) -> list[tuple[str, str, str]]:
    return [(p.kind, str(p.start), str(p.end))
            for p in question_periods(question, _TODAY).periods]


@pytest.mark.parametrize(("question", "kind", "ends"), [
    ("số sản phẩm OCOP đến 30/6/2086 và 15/12/2086?", "to_date",
     ["2086-06-30", "2086-12-15"]),
    ("Số sản phẩm OCOP tính đến ngày 30/6/2086, 30/9/2086 và 15/12/2086 là bao nhiêu?",
     "to_date", ["2086-06-30", "2086-09-30", "2086-12-15"]),
    ("dư nợ tín dụng ngày 30/6/2087 và 31/12/2087?", "day", ["2087-06-30", "2087-12-31"]),
    ("số doanh nghiệp đang hoạt động tại 30/6/2085 và 31/12/2085?", "day",
     ["2085-06-30", "2085-12-31"]),
])
def test_joined_dates_are_each_a_period(question: str, kind: str, ends: list[str]) -> None:
    got = _read(question)
    assert [k for k, _, _ in got] == [kind] * len(ends), got
    assert [e for _, _, e in got] == ends, got


@pytest.mark.parametrize(("question", "months"), [
    ("giá hồi khô loại 1 tháng 3/2088?", [("2088-03-01", "2088-03-31")]),
    ("giá quế hạng 2 tháng 5/2088 là bao nhiêu?", [("2088-05-01", "2088-05-31")]),
    ("gia hoi kho loai 1 thang 3/2088?", [("2088-03-01", "2088-03-31")]),
    ("giá gạo nhóm 2 tháng 11/2087?", [("2087-11-01", "2087-11-30")]),
])
def test_numbered_grade_is_no_count_of_months(question: str,
                                              months: list[tuple[str, str]]) -> None:
    got = _read(question)
    assert [(s, e) for _, s, e in got] == months, got
    assert all(k == "month" for k, _, _ in got), got


@pytest.mark.parametrize(("question", "want"), [
    ("kim ngạch xuất khẩu 9 tháng 2088?", [("months", "2088-01-01", "2088-09-30")]),
    ("xuất khẩu các mặt hàng 9 tháng đầu năm 2088?", [("months", "2088-01-01", "2088-09-30")]),
    ("giá lợn hơi tuần 2 tháng 3/2088?", [("week", "2088-03-08", "2088-03-14")]),
    ("dư nợ ngày 30/6/2086 và quý III/2086?", [("day", "2086-06-30", "2086-06-30"),
                                                ("quarter", "2086-07-01", "2086-09-30")]),
    ("số sản phẩm OCOP đến tháng 6/2062 và tháng 12/2062?",
     [("to_date", "2062-01-01", "2062-06-30"), ("month", "2062-12-01", "2062-12-31")]),
])
def test_near_misses_read_as_before(question: str, want: list[tuple[str, str, str]]) -> None:
    got = _read(question)
    assert [(k, e) for k, _, e in got] == [(k, e) for k, _, e in want], got


_OCOP = [
    "Báo cáo kết quả thực hiện Chương trình OCOP năm 2086",
    "Tính đến ngày 30/6/2086, toàn tỉnh có 142 sản phẩm OCOP được công nhận, trong đó 31 "
    "sản phẩm 4 sao.",
    "Đến ngày 15/12/2086, toàn tỉnh có 167 sản phẩm OCOP, trong đó 39 sản phẩm 4 sao.",
]
_GIA = [
    "Bản tin giá cả thị trường tháng 3/2088",
    "Giá hồi khô loại 1 tháng 3/2088 dao động từ 95.000 - 105.000 đồng/kg, tăng nhẹ so "
    "với tháng trước.",
    "Giá quế vỏ khô tháng 3/2088 ở mức 42.000 đồng/kg.",
]


@pytest.mark.parametrize("kind", ["docx", "txt", "html"])
def test_two_dates_answered_each(kind: str, tmp_path: Path) -> None:
    service = empty_service(tmp_path)
    service.add_document(read_upload(*report_file(kind, _OCOP)))
    got = service.ask("số sản phẩm OCOP đến 30/6/2086 và 15/12/2086?")
    assert "142" in got.answer and "167" in got.answer, got.answer


@pytest.mark.parametrize("kind", ["docx", "txt", "html"])
def test_grade_question_has_no_missing_months_line(kind: str, tmp_path: Path) -> None:
    service = empty_service(tmp_path)
    service.add_document(read_upload(*report_file(kind, _GIA)))
    got = service.ask("giá hồi khô loại 1 tháng 3/2088?")
    assert "95.000" in got.answer, got.answer
    assert "1 tháng" not in (got.summary or "") + got.answer, (got.answer, got.summary)
