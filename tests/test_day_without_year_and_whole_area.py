"""Two readings from break-test bt17d (issue 17).

1. A day asked without its year ("Sáng 21/12 còn bao nhiêu xe?") is the latest such day not
   after the day it is asked -- asked on 2/12/2066 it is 21/12/2065, never a day still to come
   (g08, g11 were refused "cho ngày 21/12/2026"); a forecast ("dự kiến đến ngày 25/12") and a
   day written with its year keep their year.
2. "Toàn huyện", "Toàn tỉnh", "Cả huyện" at a sentence's start say "all of the", never a place
   named "Toàn" (n04-n06: "chợ tại Toàn").
"""

from __future__ import annotations

from datetime import date

import pytest
from conftest import service_over

from rag.records import AskOptions
from rag.service import RagService
from rag.vi.asked import question_periods
from rag.vi.frames import extract

# --- 1. a day without its year -----------------------------------------------------------


@pytest.mark.parametrize(("question", "today", "label"), [
    ("Sáng 21/12 cửa khẩu Tân Thanh còn bao nhiêu xe?", date(2066, 12, 2), "ngày 21/12/2065"),
    ("sang 21/12 con bao nhieu xe", date(2066, 12, 2), "ngày 21/12/2065"),
    ("Ngày 30/6 tồn kho bao nhiêu tấn?", date(2066, 3, 15), "ngày 30/6/2065"),
    ("Tính đến 20/12 có bao nhiêu xe tồn?", date(2066, 12, 2), "tính đến 20/12/2065"),
    ("Từ 1/12 đến 20/12 kim ngạch xuất khẩu nông sản đạt bao nhiêu?", date(2066, 12, 10),
     "từ 1/12 đến 20/12/2065"),
])
def test_a_day_still_to_come_is_last_years(question: str, today: date, label: str) -> None:
    assert [p.label for p in question_periods(question, today).periods] == [label]


@pytest.mark.parametrize(("question", "today", "label"), [
    # a day already come this year stays this year's
    ("Sáng 21/12 còn bao nhiêu xe?", date(2065, 12, 22), "ngày 21/12/2065"),
    ("ngày 1/12 còn bao nhiêu xe", date(2066, 12, 2), "ngày 1/12/2066"),
    # a day written with its year is that day, whatever today is
    ("Sáng 21/12/2066 còn bao nhiêu xe?", date(2066, 12, 2), "ngày 21/12/2066"),
    # a forecast asks ahead
    ("Dự kiến đến ngày 25/12 còn bao nhiêu xe?", date(2066, 12, 2), "tính đến 25/12/2066"),
    # a month under way is this year's (its report comes out in its last days)
    ("Kim ngạch xuất khẩu tháng 12 đạt bao nhiêu?", date(2066, 12, 2), "tháng 12/2066"),
])
def test_near_misses_keep_their_year(question: str, today: date, label: str) -> None:
    assert [p.label for p in question_periods(question, today).periods] == [label]


DOCS = [
    {"id": "ck-2065", "title": "Cửa khẩu Lạng Sơn: lượng xe chờ xuất khẩu giảm dần",
     "date": "2065-12-21",
     "text": "Tính đến hết ngày 20/12/2065, tổng số xe tồn tại các bãi là 5.800 xe. Sáng 21/12 "
             "còn 4.000 xe, trong đó cửa khẩu Tân Thanh 2.300 xe, Hữu Nghị 1.200 xe.\n"
             "Từ ngày 1/12 đến hết 20/12/2065, kim ngạch xuất khẩu nông sản qua các cửa khẩu "
             "đạt 310 triệu USD."},
    {"id": "vl-2064", "title": "Huyện Văn Lãng: kết quả xây dựng nông thôn mới năm 2064",
     "date": "2064-12-20",
     "text": "Năm 2064, huyện Văn Lãng có thêm 3 xã đạt chuẩn nông thôn mới.\n"
             "Toàn huyện có 9 chợ, trong đó 1 chợ hạng 1 (chợ Na Sầm), 2 chợ hạng 2 và 6 chợ "
             "hạng 3."},
]


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over(tmp_path_factory.mktemp("day_without_year"), DOCS)


@pytest.mark.parametrize(("question", "value"), [
    ("Sáng 21/12 còn bao nhiêu xe?", "4.000"),
    ("sang 21/12 con bao nhieu xe", "4.000"),
])
def test_the_day_last_year_is_answered(service: RagService, question: str, value: str) -> None:
    reply = service.ask(question, AskOptions(retrieval_mode="lexical", today=date(2066, 12, 2)))
    assert reply.found and value in reply.answer, reply.answer


def test_a_day_with_a_year_no_report_covers_is_refused(service: RagService) -> None:
    reply = service.ask("Sáng 21/12/2066 còn bao nhiêu xe?",
                        AskOptions(retrieval_mode="lexical", today=date(2067, 1, 5)))
    assert not reply.found, reply.answer


# --- 2. "toàn" + an administrative noun -----------------------------------------------------


@pytest.mark.parametrize("sentence", [
    "Toàn huyện có 9 chợ, trong đó 1 chợ hạng 1 (chợ Na Sầm), 2 chợ hạng 2 và 6 chợ hạng 3.",
    "Toàn tỉnh có 203 sản phẩm OCOP.",
    "Toàn thành phố có 5 siêu thị.",
    "Cả huyện có 36 hợp tác xã.",
    "Huyện có 12 chợ.",
])
def test_the_whole_area_is_no_place(sentence: str) -> None:
    frames = extract(sentence, "Báo cáo năm 2064", "2064-12-20")
    assert frames
    for f in frames:
        said = f"{f.indicator} {f.parent}"
        assert "tại" not in said.split() and "Toàn" not in said and "Cả" not in said, f


@pytest.mark.parametrize(("sentence", "place"), [
    ("Huyện Cao Lộc có 12 chợ.", "tại huyện Cao Lộc"),
    ("Toàn huyện Văn Lãng có 9 chợ.", "tại toàn huyện Văn Lãng"),
])
def test_a_named_area_stays_the_place(sentence: str, place: str) -> None:
    frames = extract(sentence, "Báo cáo năm 2064", "2064-12-20")
    assert any(f.indicator.endswith(place) for f in frames), frames


@pytest.mark.parametrize("question", [
    "Huyện Văn Lãng có bao nhiêu chợ hạng 1?",
    "Huyện Văn Lãng có bao nhiêu chợ hạng 3?",
])
def test_the_summary_names_no_place_toan(service: RagService, question: str) -> None:
    reply = service.ask(question, AskOptions(retrieval_mode="lexical", today=date(2065, 1, 5)))
    assert reply.found, reply.answer
    assert "Toàn" not in (reply.summary or "") and "tại Toàn" not in reply.answer, reply
