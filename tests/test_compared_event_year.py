"""The year inside a comparison ("so với lễ hội năm 2059", "gấp 1,6 lần mùa giải năm 2068",
"bằng 132% phiên chợ năm 2066") is the base of the change, never the figure's own period:
the figure keeps the period of its text, and a question for the base year gets no answer
from it.  A target's time ("phấn đấu đến cuối năm 2066 ...", "Mục tiêu đến năm 2060 ...")
dates the target only, not the sentences after it; "hiện đạt", "hiện xếp" date a figure at
the report's day.  Issue 17 break-test bt13-b17 failures 1 and 6, written here with other
events, years and indicators."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import service_over

from rag.records import AskOptions
from rag.service import RagService
from rag.vi.frames.document import extract
from rag.vi.mentions import find_mentions


@pytest.mark.parametrize("text", [
    "Tổng lượt khách tham quan đạt 118.400 lượt, tăng 17% so với lễ hội năm 2059.",
    "Số vận động viên đăng ký đạt 3.260 người, gấp 1,6 lần mùa giải năm 2059.",
    "Doanh số phiên chợ đạt 740 triệu đồng, bằng 132% phiên chợ năm 2059.",
    "Doanh thu lưu trú đạt 96 tỷ đồng, cao hơn 14 tỷ đồng so với tuần văn hóa năm 2059.",
    "Số gian hàng đạt 412 gian, nhiều hơn đợt hội chợ năm 2059.",
])
def test_a_year_after_a_compared_event_is_the_base(text: str) -> None:
    years = [(m.period.year, m.comparison) for m in find_mentions(text, 2061, report=True)]
    assert years == [(2059, True)]
    labels = {f.period.label for f in extract(text, "Lễ hội mùa thu 2061", "2061-10-02")}
    assert labels == {"năm 2061"}


def test_a_clause_of_its_own_after_so_voi_keeps_its_period() -> None:
    text = "So với cùng kỳ, trong 6 tháng năm 2058 doanh thu đạt 1.250 tỷ đồng."
    assert [m.comparison for m in find_mentions(text, 2058, report=True)] == [False]
    text = "Giá trị thực hiện đạt 1.250 tỷ đồng trong 6 tháng đầu năm 2058."
    assert [f.period.label for f in extract(text, "Báo cáo", "2058-07-12")] == \
        ["6 tháng đầu năm 2058"]


def test_a_target_time_does_not_date_the_next_sentence() -> None:
    text = ("Thành phố phấn đấu đến cuối năm 2066 có 85% hộ dân dùng nước sạch. Tỷ lệ che phủ "
            "rừng của thành phố hiện đạt 44,2%.")
    frames = extract(text, "Họp báo quý II/2066", "2066-07-08")
    cover = next(f for f in frames if f.value == "44,2%")
    assert cover.period is not None and cover.period.end.isoformat() == "2066-07-08"
    assert "hiện" not in cover.indicator
    # no date known: still not the target's year end
    text = ("Huyện đặt mục tiêu đến năm 2060 có 30 xã nông thôn mới nâng cao. Số xã đạt chuẩn "
            "nông thôn mới của huyện hiện xếp thứ 3/9 trong tỉnh.")
    rank = extract(text, "Nông thôn mới 6 tháng năm 2058")[-1]
    assert rank.period is not None and rank.period.year == 2058


def test_hien_of_thuc_hien_is_no_point_in_time() -> None:
    text = "Khối lượng thực hiện đạt 62% kế hoạch."
    assert find_mentions(text, 2058, now=date(2058, 7, 12), report=True) == []


DOCS = [
    {"id": "lh", "title": "Lễ hội hoa dã quỳ năm 2061", "date": "2061-11-20",
     "text": "Lễ hội diễn ra từ ngày 12 đến ngày 15/11/2061. Trong các ngày lễ hội, tổng doanh "
             "thu dịch vụ đạt 48,6 tỷ đồng, tăng 21% so với lễ hội năm 2059; "
             "riêng doanh thu ăn uống đạt 17,2 tỷ đồng."},
    {"id": "hb", "title": "Họp báo quý III/2061", "date": "2061-10-05",
     "text": "Tỉnh phấn đấu đến hết năm 2062 tỷ lệ đô thị hóa đạt 41%. Chỉ số cải cách hành "
             "chính của tỉnh hiện xếp thứ 17/63 cả nước."},
]


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over(tmp_path_factory.mktemp("compared_event"), DOCS)


def test_the_base_year_gets_no_answer(service: RagService) -> None:
    opts = AskOptions(retrieval_mode="lexical", today=date(2061, 12, 1))
    ans = service.ask("tổng doanh thu dịch vụ lễ hội hoa dã quỳ năm 2059?", opts)
    assert "48,6" not in (ans.answer or "")
    ans = service.ask("tổng doanh thu dịch vụ lễ hội hoa dã quỳ năm 2061?", opts)
    assert "48,6" in (ans.answer or "")


def test_a_current_rank_is_not_dated_by_the_target(service: RagService) -> None:
    ans = service.ask("chỉ số cải cách hành chính của tỉnh xếp thứ mấy?",
                      AskOptions(retrieval_mode="lexical", today=date(2061, 12, 1)))
    assert "17/63" in (ans.answer or "")
    assert "2062" not in (ans.summary or "")
