"""A multiple's bracketed base and the base a question asks a change against.

"gấp 1,5 lần năm 2070 (52,3 triệu đồng)": the value in brackets after a multiple's base is
the level of that period, whatever its unit -- never a change.  "tăng bao nhiêu so với năm
trước?" of one year asks the change against the year before: of two changes stated, the one
against the year before ("so với năm 2074", "so với năm trước") wins over a multiple of a
year further back.  Issue 17 break-test bt22-b17 failure 6, written here with other
indicators, values, years and wordings."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import service_over

from rag.answer.figures import frame_base, other_comparison
from rag.records import AskOptions
from rag.service import RagService
from rag.vi.frames.document import extract


def frames_of(sentence: str) -> dict[str, tuple[str, str]]:
    text = f"Báo cáo năm 2066\n\n{sentence}\n"
    return {f.value: (f.measure, f.period.label if f.period else "")
            for f in extract(text, "Báo cáo năm 2066", "2066-12-10")}


@pytest.mark.parametrize(("sentence", "base", "period"), [
    ("Doanh thu du lịch năm 2066 gấp 2,3 lần năm 2061 (140 tỷ đồng).", "140 tỷ đồng",
     "năm 2061"),
    ("Kim ngạch xuất khẩu năm 2066 tăng hơn 2 lần so với năm 2060 (318 triệu USD).",
     "318 triệu USD", "năm 2060"),
    ("Sản lượng thủy sản năm 2066 gấp 1,8 lần năm 2062 (21.400 tấn).", "21.400 tấn",
     "năm 2062"),
])
def test_a_multiples_bracketed_base_is_that_periods_level(sentence: str, base: str,
                                                         period: str) -> None:
    assert frames_of(sentence)[base] == ("level", period)


def test_year_before_asked_of_a_year_is_the_change_against_the_year_before() -> None:
    text = ("Năm 2066, doanh thu bán lẻ đạt 1.870 tỷ đồng, tăng 150 tỷ đồng so với năm 2065, "
            "gấp 1,9 lần năm 2061.\n")
    changes = {f.value: f for f in extract(text, "Báo cáo", "2066-12-10")
               if f.measure == "change"}
    assert not other_comparison("nam truoc", changes["150 tỷ đồng"])
    assert other_comparison("nam truoc", changes["1,9 lần"])


def test_a_years_change_against_the_year_before_is_the_same_period_kind() -> None:
    text = "Năm 2066, doanh thu đạt 480 tỷ đồng, tăng 35 tỷ đồng so với năm trước.\n"
    change = next(f for f in extract(text, "Báo cáo", "2066-12-10") if f.measure == "change")
    assert frame_base(change) == "same_period"


DOCS = [
    {"id": "hl", "title": "Báo cáo kinh tế - xã hội huyện Hạ Lang năm 2066", "date": "2066-12-10",
     "text": "Báo cáo kinh tế - xã hội năm 2066\n\n"
             "Giá trị sản xuất công nghiệp ước đạt 2.960 tỷ đồng, tăng 214 tỷ đồng so với năm "
             "2065 (2.746 tỷ đồng). Tổng mức bán lẻ hàng hóa đạt 1.870 tỷ đồng, tăng 9,6%.\n\n"
             "Giai đoạn 2062 - 2066, giá trị sản xuất công nghiệp năm 2066 gấp 1,7 lần năm 2061 "
             "(1.741 tỷ đồng)."},
]


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over(tmp_path_factory.mktemp("asked_base_year"), DOCS)


def test_the_multiples_base_year_is_answered_by_its_level(service: RagService) -> None:
    opts = AskOptions(retrieval_mode="lexical", today=date(2066, 12, 20))
    ans = service.ask("giá trị sản xuất công nghiệp năm 2061?", opts)
    assert ans.found and "1.741" in (ans.answer or "")


def test_the_change_against_the_year_before_wins(service: RagService) -> None:
    opts = AskOptions(retrieval_mode="lexical", today=date(2066, 12, 20))
    ans = service.ask("giá trị sản xuất công nghiệp năm 2066 tăng bao nhiêu so với năm trước?",
                      opts)
    assert "214" in (ans.answer or "") and "1,7" not in (ans.answer or "")
    ans = service.ask("giá trị sản xuất công nghiệp năm 2066 gấp mấy lần năm 2061?", opts)
    assert "1,7" in (ans.answer or "")
