"""Issue 17 break-test bt21-b17 failures 1, 4 and 7, written with other indicators, dates,
values and wordings than the break-test's:

- a bare value in brackets right after "so với <date|period>" is the indicator's level at
  that date, also when the difference before it is written in the same unit ("giảm 14 hợp
  tác xã so với cuối năm 2070 (212 hợp tác xã)"); a rate's bracket ("đạt 6,5%, thấp hơn năm
  2067 (7,1%)") stays the rate of the base;
- a correction worded "<indicator> <period> đã công bố tại <source> là X, nay điều chỉnh
  (sửa) lại là Y" is of the indicator and period it names, not of its source's words;
- "N/M <items>" counts the items meeting a condition: it answers "bao nhiêu <items>", never
  an amount nor the indicator's level.
"""

from __future__ import annotations

from datetime import date

import pytest
from conftest import service_over

from rag.answer.figures import items_counted
from rag.records import AskOptions
from rag.service import RagService
from rag.vi.frames.corrections import RESTATED, WITHDRAWN, published_subject
from rag.vi.frames.document import extract


def frames_of(sentence: str) -> dict[str, tuple[str, str, str]]:
    text = f"Báo cáo năm 2071\n\n{sentence}\n"
    return {f.value: (f.indicator, f.measure, f.period.label if f.period else "")
            for f in extract(text, "Báo cáo năm 2071", "2071-08-20")}


@pytest.mark.parametrize(("sentence", "base", "indicator", "period"), [
    ("Đến ngày 30/6/2071, số hợp tác xã đang hoạt động là 198 hợp tác xã, giảm 14 hợp tác xã "
     "so với cuối năm 2070 (212 hợp tác xã).", "212 hợp tác xã",
     "số hợp tác xã đang hoạt động", "cuối năm 2070"),
    ("Quý II/2071, tổng thu ngân sách đạt 2.310 tỷ đồng, giảm 101 tỷ đồng so với quý trước "
     "(2.411 tỷ đồng).", "2.411 tỷ đồng", "tổng thu ngân sách", "quý I/2071"),
    ("Sáu tháng đầu năm 2071, sản lượng cà phê đạt 38.500 tấn, giảm 6,5% so với niên vụ 2070 "
     "(41.200 tấn).", "41.200 tấn", "sản lượng cà phê", "năm 2070"),
])
def test_a_bracketed_value_after_a_compared_date_is_its_level(
        sentence: str, base: str, indicator: str, period: str) -> None:
    got = frames_of(sentence)[base]
    assert got[1] == "level" and got[2] == period
    assert got[0].lower() == indicator.lower()


def test_a_rate_compared_keeps_its_bracket_a_rate() -> None:
    got = frames_of("Tốc độ tăng trưởng GRDP năm 2071 ước đạt 6,5%, thấp hơn năm 2070 (7,1%).")
    assert got["7,1%"][1] == "change" and got["7,1%"][2] == "năm 2070"


def test_a_note_correcting_a_published_figure_names_its_indicator() -> None:
    text = ("Báo cáo tháng 8 năm 2071\n\nSản lượng điện thương phẩm tháng 7/2071 đạt 1.320 triệu "
            "kWh.\n\nLưu ý: sản lượng điện thương phẩm quý II năm 2071 đã được công bố trong bản "
            "tin kỳ trước là 1.215 triệu kWh, nay sửa lại là 1.251 triệu kWh.\n")
    got = {f.value: f for f in extract(text, "Báo cáo tháng 8 năm 2071", "2071-08-20")}
    old, new = got["1.215 triệu kWh"], got["1.251 triệu kWh"]
    assert old.correction == WITHDRAWN and new.correction == RESTATED
    assert new.indicator.lower() == "sản lượng điện thương phẩm"
    assert new.period is not None and new.period.label == "quý II/2071"


def test_published_subject_reads_the_note_not_its_source() -> None:
    assert published_subject("Ghi chú: Số liệu doanh thu du lịch tháng 5/2071 đã công bố tại "
                             "bản tin tuần trước là ", 2071) == "doanh thu du lịch"
    assert published_subject("Xin đính chính: Báo cáo tháng 4/2071 nêu sản lượng xi măng "
                             "tháng 4 là ", 2071) == ""


DOCS = [
    {"id": "thue", "title": "Kết quả thu ngân sách 6 tháng đầu năm 2071", "date": "2071-07-05",
     "text": "Kết quả thu ngân sách 6 tháng đầu năm 2071\n\nSáu tháng đầu năm 2071, thu nội địa "
             "đạt 2.140 tỷ đồng, bằng 52,3% dự toán. Trong 6 tháng có 9/14 khoản thu đạt trên "
             "50% dự toán; 11/16 huyện thu đạt trên 50% dự toán."},
]


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over(tmp_path_factory.mktemp("fraction_items"), DOCS)


def test_a_fraction_of_items_is_no_amount(service: RagService) -> None:
    opts = AskOptions(retrieval_mode="lexical", today=date(2071, 8, 1))
    ans = service.ask("số thu nội địa 6 tháng đầu năm 2071 là bao nhiêu?", opts)
    assert "2.140" in (ans.answer or "") and "9/14" not in (ans.answer or "")
    ans = service.ask("thu nội địa của tỉnh 6 tháng năm 2071?", opts)
    assert "2.140" in (ans.answer or "")


def test_a_fraction_counts_its_items_only() -> None:
    frames = extract(DOCS[0]["text"], DOCS[0]["title"], DOCS[0]["date"])
    fraction = next(f for f in frames if f.value.startswith("9/14"))
    assert items_counted(fraction, "khoan") and items_counted(fraction, "khoan thu")
    assert not items_counted(fraction, "")
    rank = next(f for f in extract("Năm 2071, tỉnh xếp thứ 9/63 cả nước về chỉ số PCI.", "",
                                   "2071-12-20") if f.value.startswith("9/63"))
    assert items_counted(rank, "")
