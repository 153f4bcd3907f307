"""A report's "trong tháng", "tháng này" name the month the report is about (its title's
month, or the last month of its "N tháng"), not the month it was issued in: a bulletin of
"tháng 10" issued in early November tells of October (issue 17, break-test bt19-b17
failure 3).  Without a month of its own the report's date still decides."""

from __future__ import annotations

from datetime import date

import pytest

from rag.vi.frames import extract
from rag.vi.mentions import find_mentions


def _labels(text: str, title: str, doc_date: str) -> dict[float, str]:
    return {f.low: f.period.label for f in extract(text, title=title, doc_date=doc_date)
            if f.period is not None}


@pytest.mark.parametrize(("title", "sentence", "issued", "value", "label"), [
    ("BẢN TIN GIÁ CẢ THỊ TRƯỜNG THÁNG 4 NĂM 2058",
     "Giá gas bán lẻ trong tháng được điều chỉnh 2 lần.", "2058-05-06", 2.0, "tháng 4/2058"),
    ("Báo cáo tình hình hoạt động thương mại tháng 12/2040",
     "Tháng này, toàn tỉnh có 41 doanh nghiệp thương mại thành lập mới.", "2041-01-08", 41.0,
     "tháng 12/2040"),
    ("BÁO CÁO KẾT QUẢ 7 THÁNG NĂM 2063",
     "Trong tháng, lực lượng quản lý thị trường xử lý 56 vụ vi phạm.", "2063-08-03", 56.0,
     "tháng 7/2063"),
])
def test_relative_month_is_the_reports_own(title: str, sentence: str, issued: str,
                                           value: float, label: str) -> None:
    assert _labels(sentence, title, issued)[value] == label


def test_without_a_month_of_its_own_the_date_decides() -> None:
    found = _labels("Trong tháng, toàn tỉnh cấp 19 giấy phép bán lẻ rượu.",
                    "Báo cáo hoạt động ngành Công Thương", "2049-03-25")
    assert found[19.0] == "tháng 3/2049"


def test_find_mentions_takes_the_own_period() -> None:
    own = find_mentions("tháng 6/2035", 2035)[0].period
    found = find_mentions("Trong tháng, giá xăng giảm 2 lần", 2035, date(2035, 7, 4),
                          report=True, own=own)
    assert [m.period.label for m in found] == ["tháng 6/2035"]
    year = find_mentions("năm 2035", 2035)[0].period
    found = find_mentions("Trong tháng, giá xăng giảm 2 lần", 2035, date(2035, 7, 4),
                          report=True, own=year)
    assert [m.period.label for m in found] == ["tháng 7/2035"]
