"""A crop's season named without "vụ", and a change asked against a named earlier season or
year (issue 17 bt17-b17 failure 4 and "season read as a year").

1. "lúa mùa 2073", "ngô xuân năm 2081": a crop named right before a season's name is that
   season ("vụ Mùa 2073"), not the year with a part-period caveat; "vụ xuân 2081" is the
   spring season; "mùa xuân" with no crop before it stays no season.
2. "... so với vụ mùa năm 2072" / "so với năm 2072": the compared period is no period asked
   -- the question asks one period (the later) with a base.
3. A difference stated "giảm 95 ha so với vụ mùa năm 2080 do chuyển sang ..." keeps its base
   (a cause ends it) and answers "diện tích ... giảm bao nhiêu ha (so với ...)?", a part
   listed after it ("trong đó ..., chiếm X% diện tích") no part the question names."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import service_over_files

from rag.answer.question import read_question
from rag.records import AskOptions
from rag.search.query import analyze
from rag.service import RagService

TODAY = date(2081, 7, 20)

REPORT = ("SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG TỈNH TÂN LẠC\n"
          "BÁO CÁO TỔNG KẾT SẢN XUẤT VỤ XUÂN NĂM 2081\n"
          "Ngày 12/7/2081\n\n"
          "1. Trồng trọt vụ xuân 2081\n"
          "Toàn tỉnh gieo trồng được 12.840 ha lúa xuân, bằng 99,4% kế hoạch, tăng 215 ha so "
          "với vụ xuân năm 2080 vì mở rộng vùng lúa hàng hóa; trong đó giống lúa thuần 7.920 ha, "
          "chiếm 61,7% diện tích.\n"
          "Sản lượng lúa xuân ước đạt 81.450 tấn, tăng 2.380 tấn so với vụ xuân năm 2080 nhờ "
          "năng suất tăng.\n"
          "Ngô xuân trồng được 2.310 ha, giảm 95 ha so với vụ xuân năm 2080 do chuyển sang "
          "trồng rau an toàn.\n\n"
          "2. Du lịch\n"
          "Lượng khách du lịch mùa xuân 2081 đạt 46.500 lượt.\n")


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over_files(tmp_path_factory.mktemp("season_base"), {
        "tan_lac_vu_xuan_2081.txt": REPORT})


def _ask(service: RagService, question: str):
    return service.ask(question, AskOptions(retrieval_mode="lexical", today=TODAY))


@pytest.mark.parametrize(("question", "label"), [
    ("diện tích lúa mùa 2073 giảm bao nhiêu ha so với năm 2072?", "vụ Mùa 2073"),
    ("sản lượng ngô xuân năm 2081 đạt bao nhiêu?", "vụ Xuân 2081"),
    ("năng suất lúa vụ xuân 2066?", "vụ Xuân 2066"),
    ("lúa chiêm 2059 gieo cấy bao nhiêu ha?", "vụ Chiêm 2059"),
])
def test_a_crops_season_is_the_season(question: str, label: str) -> None:
    asked = read_question(analyze(question), TODAY)
    assert [p.label for p in asked.periods] == [label]


def test_spring_with_no_crop_is_no_season() -> None:
    asked = read_question(analyze("lượng khách du lịch mùa xuân 2081?"), TODAY)
    assert [p.kind for p in asked.periods] == ["year"]


@pytest.mark.parametrize(("question", "compared"), [
    ("diện tích gieo cấy lúa mùa giảm bao nhiêu so với vụ mùa năm 2072?", "vụ Mùa 2072"),
    ("sản lượng lạc xuân 2081 tăng bao nhiêu tấn so với vụ xuân năm 2080?", "vụ Xuân 2080"),
])
def test_a_named_base_season_is_no_period_asked(question: str, compared: str) -> None:
    asked = read_question(analyze(question), TODAY)
    assert asked.measure == "change"
    assert [p.label for p in asked.compared] == [compared]
    assert all(p.year != asked.compared[0].year for p in asked.periods), asked.periods


@pytest.mark.parametrize(("question", "expected"), [
    ("diện tích lúa xuân 2081 tăng bao nhiêu ha so với năm 2080?", "215 ha"),
    ("diện tích lúa xuân 2081 tăng bao nhiêu ha?", "215 ha"),
    ("diện tích gieo trồng lúa xuân tăng bao nhiêu so với vụ xuân năm 2080?", "215 ha"),
    ("diện tích ngô xuân 2081 giảm bao nhiêu ha so với vụ xuân 2080?", "95 ha"),
    ("sản lượng lúa xuân 2081 tăng bao nhiêu tấn so với năm 2080?", "2.380 tấn"),
])
def test_the_stated_difference_answers(service: RagService, question: str,
                                       expected: str) -> None:
    reply = _ask(service, question)
    assert reply.found, reply.answer
    assert expected in reply.answer, reply.answer
    assert "không nêu mức thay đổi" not in (reply.summary or "")


@pytest.mark.parametrize(("question", "expected"), [
    ("diện tích lúa xuân 2081 gieo trồng được bao nhiêu ha?", "12.840"),
    ("sản lượng lúa xuân 2081?", "81.450"),
    ("diện tích giống lúa thuần vụ xuân 2081?", "7.920"),
])
def test_the_levels_stay_exact(service: RagService, question: str, expected: str) -> None:
    reply = _ask(service, question)
    assert reply.found and expected in reply.answer, reply.answer
    assert reply.period_match == "exact", (reply.period_match, reply.summary)


@pytest.mark.parametrize(("question", "base"), [
    ("diện tích ngô xuân 2081 giảm bao nhiêu ha so với vụ xuân 2080?", "vụ xuân năm 2080"),
    ("sản lượng lúa xuân 2081 tăng bao nhiêu tấn?", "vụ xuân năm 2080"),
])
def test_a_cause_ends_the_base(service: RagService, question: str, base: str) -> None:
    # "so với vụ xuân năm 2080 do chuyển sang ...", "... nhờ năng suất tăng": the base only
    reply = _ask(service, question)
    assert reply.found and reply.figure is not None, reply.answer
    assert reply.figure.comparison == base
