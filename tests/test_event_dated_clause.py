"""A period said after a project's event verb ("dự kiến hoàn thành quý II năm 2059", "đi vào
hoạt động tháng 6/2060", "khởi công tháng 3/2058") is when the event is, not what the value
before it is of (break-test bt20c, session 49: "Dự án ... có tổng mức đầu tư 1.120 tỷ đồng, dự
kiến hoàn thành quý II năm 2059" answered "Quý II/2059, ... tổng mức đầu tư: 1.120 tỷ đồng" at
1.0).  Near misses: a period said once at a sentence's end still dates its figures ("Tỷ trọng A
đạt 23,71% và B đạt 50,31% trong GRDP năm 2024")."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import service_over_files

from rag.records import AskOptions
from rag.vi.frames.document import extract


def _periods(text: str) -> dict[str, str]:
    return {f.value: f.period.label if f.period else "" for f in
            extract(text, "Phát triển hạ tầng năm 2068", "2068-10-05")}


@pytest.mark.parametrize(("sentence", "value", "event"), [
    ("Dự án kho bãi Đồng Đăng có tổng mức đầu tư 865 tỷ đồng, dự kiến hoàn thành quý III năm "
     "2070.", "865 tỷ đồng", "2070"),
    ("Nhà máy gạch có công suất 40 triệu viên/năm, dự kiến đi vào hoạt động tháng 9/2069.",
     "40 triệu viên/năm", "2069"),
    ("Dự án chợ biên giới có tổng vốn 212 tỷ đồng, khởi công tháng 3/2069.", "212 tỷ đồng",
     "2069"),
    ("Tuyến đường nối cửa khẩu dài 12,5 km, đưa vào sử dụng từ tháng 1/2070.", "12,5 km", "2070"),
])
def test_an_events_date_is_not_the_values_period(sentence: str, value: str, event: str) -> None:
    got = _periods(sentence)
    assert event not in got[value] and "2068" in got[value], got


@pytest.mark.parametrize(("sentence", "value", "period"), [
    ("Tỷ trọng công nghiệp đạt 23,71% và dịch vụ đạt 50,31% trong GRDP năm 2066.", "23,71%",
     "2066"),
    ("Doanh thu dịch vụ logistics đạt 320 tỷ đồng, chủ yếu ở cảng cạn, trong quý I/2067.",
     "320 tỷ đồng", "2067"),
])
def test_periods_said_later_still_date(sentence: str, value: str, period: str) -> None:
    assert period in _periods(sentence)[value]


def test_asked(tmp_path: Path) -> None:
    svc = service_over_files(tmp_path, {"ha-tang.txt": (
        "Phát triển hạ tầng logistics năm 2068\n05/10/2068\n\n"
        "Dự án trung tâm logistics Na Sầm có tổng mức đầu tư 1.340 tỷ đồng, dự kiến hoàn thành "
        "quý II năm 2071.\n").encode()})
    a = svc.ask("Tổng mức đầu tư dự án trung tâm logistics Na Sầm?", AskOptions())
    assert a.found and a.answer.startswith("1.340") and "2071" not in a.summary, a.summary
