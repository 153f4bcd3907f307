"""Dates no calendar has, in a question ("30/2", "31/4/2027", "tháng 13/2026", "quý V") or
in `rag ask --today`: refused saying so, never answered with another period's figure; a bad
--today is one ``error:`` line and exit 1 (issue 17 break-test, kind 4)."""

from __future__ import annotations

import subprocess

import pytest
from conftest import rag_executable, service_over

from rag.vi.asked import impossible_dates


@pytest.mark.parametrize(("question", "bad"), [
    ("doanh thu du lịch từ 30/2 đến 5/3/2026", ["30/2"]),
    ("doanh thu du lich tu 1/4 den 31/4/2026", ["31/4/2026"]),
    ("số khách ngày 29/2/2027", ["29/2/2027"]),
    ("số khách ngày 31 tháng 9 năm 2026", ["ngày 31 tháng 9 năm 2026"]),
    ("doanh thu du lịch tháng 13/2026", ["tháng 13/2026"]),
    ("doanh thu du lich thang 14 nam 2026", ["thang 14 nam 2026"]),
    ("doanh thu du lịch tháng 0", ["tháng 0"]),
    ("doanh thu du lịch quý V năm 2026", ["quý V"]),
    # real dates, ranks and counts written with "/"
    ("số khách ngày 29/2/2028", []),
    ("doanh thu du lịch từ 1/1 đến 31/3/2026", []),
    ("doanh thu du lịch tháng 12/2026 và 12 tháng năm 2026", []),
    ("tỉnh xếp thứ 5/63 năm 2026", []),
    ("có 12/15 huyện đạt chuẩn năm 2026", []),
    ("doanh thu du lịch quý IV và quý vừa qua", []),
])
def test_impossible_dates_are_found_as_written(question: str, bad: list[str]) -> None:
    assert impossible_dates(question) == bad


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory):
    return service_over(tmp_path_factory.mktemp("dates"), [
        {"id": "dl-2026", "title": "Báo cáo du lịch năm 2026", "date": "2026-12-20",
         "text": "Năm 2026, doanh thu du lịch đạt 4.730 tỷ đồng.\n\nTừ ngày 1/2 đến hết "
                 "ngày 28/2/2026, doanh thu du lịch đạt 610 tỷ đồng.\n\nTháng 12/2026, "
                 "doanh thu du lịch đạt 455 tỷ đồng."},
    ])


@pytest.mark.parametrize("question", [
    "doanh thu du lịch từ 30/2 đến 31/2/2026",
    "doanh thu du lich thang 13/2026",
    "doanh thu du lịch quý V năm 2026",
])
def test_a_question_about_an_impossible_date_is_refused_saying_so(service, question: str
                                                                   ) -> None:
    answer = service.ask(question)
    assert not answer.found
    assert "không có thật" in answer.answer


def test_a_real_date_is_still_answered(service) -> None:
    answer = service.ask("doanh thu du lịch tháng 12/2026")
    assert answer.found and answer.answer == "455 tỷ đồng"


@pytest.mark.parametrize("today", ["2029-13-01", "2028-02-30", "hôm nay"])
def test_a_bad_today_is_one_error_line(cli_env, today: str) -> None:
    proc = subprocess.run([rag_executable(), "ask", "doanh thu du lịch", "--today", today],
                          capture_output=True, text=True, env=cli_env, timeout=120)
    assert proc.returncode == 1, (proc.returncode, proc.stderr)
    lines = proc.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: --today"), proc.stderr
    assert today in lines[0]
