"""A value in brackets right after a change's base ("tăng 12% so với hội chợ năm 2074 (43,4 tỷ
đồng)", "so với cùng kỳ (N)", "so với tháng trước (N)", "so với quý trước (N)") is the base's
own level: the indicator of the level compared, in the base's period -- never a figure of the
report's period.  Issue 17 break-test bt18-b17 failure 6, written here with other events,
indicators, values and bases."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import service_over

from rag.records import AskOptions
from rag.service import RagService
from rag.vi.calendar import month_period, quarter_period, year_period
from rag.vi.frames.document import extract
from rag.vi.frames.sentence import relative_base


def frames_of(sentence: str) -> dict[str, tuple[str, str, str]]:
    text = f"Báo cáo năm 2068\n\n{sentence}\n"
    return {f.value: (f.indicator, f.measure, f.period.label if f.period else "")
            for f in extract(text, "Báo cáo năm 2068", "2068-12-15")}


@pytest.mark.parametrize(("sentence", "base", "indicator", "period"), [
    ("Số lượt khách đến giải đua thuyền ước đạt 31.500 lượt, tăng 18% so với giải đua thuyền "
     "năm 2067 (26.700 lượt).", "26.700 lượt", "Số lượt khách đến giải đua thuyền", "năm 2067"),
    ("Giá trị hợp đồng ký kết đạt 905 tỷ đồng, tăng 7,5% so với năm 2066 (842 tỷ đồng).",
     "842 tỷ đồng", "Giá trị hợp đồng ký kết", "năm 2066"),
    ("6 tháng đầu năm 2068, sản lượng điện sản xuất đạt 1.420 triệu kWh, tăng 6,1% so với "
     "cùng kỳ (1.338 triệu kWh).", "1.338 triệu kWh", "sản lượng điện sản xuất",
     "6 tháng đầu năm 2067"),
    ("Quý II/2068, tổng thu ngân sách đạt 2.310 tỷ đồng, giảm 4,2% so với quý trước (2.411 tỷ "
     "đồng).", "2.411 tỷ đồng", "tổng thu ngân sách", "quý I/2068"),
    ("Tháng 3/2068, lượng xi măng tiêu thụ đạt 64.800 tấn, tăng 9% so với tháng trước (59.400 "
     "tấn).", "59.400 tấn", "lượng xi măng tiêu thụ", "tháng 2/2068"),
    ("Kim ngạch nhập khẩu 9 tháng năm 2068 đạt 517 triệu USD, tăng 3,4% so với cùng kỳ năm 2066 "
     "(500 triệu USD).", "500 triệu USD", "Kim ngạch nhập khẩu", "9 tháng năm 2066"),
])
def test_a_bracketed_value_after_a_base_is_the_base_level(
        sentence: str, base: str, indicator: str, period: str) -> None:
    frames = frames_of(sentence)
    assert frames[base] == (indicator, "level", period)
    own = next(v for k, v in frames.items() if k != base and v[1] == "level")
    assert own[2] != period


def test_relative_base_fits_the_period_kind() -> None:
    assert relative_base(month_period(2068, 1), "thang truoc") == month_period(2067, 12)
    assert relative_base(quarter_period(2068, 1), "quy truoc") == quarter_period(2067, 4)
    assert relative_base(year_period(2068), "nam truoc") == year_period(2067)
    assert relative_base(quarter_period(2068, 3), "thang truoc") is None


DOCS = [
    {"id": "gd", "title": "Bế mạc Giải đua thuyền truyền thống năm 2068", "date": "2068-09-03",
     "text": "Giải đua thuyền truyền thống năm 2068 diễn ra từ ngày 1 đến 2/9/2068. Doanh thu "
             "dịch vụ ăn uống tại khu vực giải ước đạt 6,8 tỷ đồng, tăng 15% so với giải đua "
             "năm 2067 (5,9 tỷ đồng)."},
]


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over(tmp_path_factory.mktemp("bracketed_base"), DOCS)


def test_the_base_year_is_answered_by_the_bracketed_value(service: RagService) -> None:
    opts = AskOptions(retrieval_mode="lexical", today=date(2068, 12, 1))
    ans = service.ask("doanh thu dịch vụ ăn uống giải đua thuyền năm 2067?", opts)
    assert "5,9" in (ans.answer or "") and "6,8" not in (ans.answer or "")
    ans = service.ask("doanh thu dịch vụ ăn uống giải đua thuyền năm 2068?", opts)
    assert "6,8" in (ans.answer or "") and "5,9" not in (ans.answer or "")
