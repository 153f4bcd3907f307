"""Two figures said at the same day, asked "hiện nay" (dev3 r15-q30, a regression of the
ocoptotal branch): "Đến nay toàn huyện có 14/19 xã đạt chuẩn nông thôn mới, 4 xã đạt chuẩn nâng
cao" -- a ratio and a count of a narrower class, both "đến nay".  A count at a day goes before a
year's figure (figures.latest_first), but of two said at a day the order of the sentence stands:
the first, the thing asked, not the narrower class after it."""
from __future__ import annotations

from datetime import date

import pytest
from conftest import service_over_files

from rag.records import AskOptions
from rag.service import RagService

DOCS = {
    "ubnd-huyen-2071.txt": (
        "Báo cáo kết quả 11 tháng năm 2071 của UBND huyện Kỳ Sơn\n\nNgày 25/11/2071\n\n"
        "Về xây dựng nông thôn mới: đến nay toàn huyện có 16/21 xã đạt chuẩn nông thôn mới, "
        "5 xã đạt chuẩn nâng cao; cuối năm 2070 có 13 xã đạt chuẩn.\n"),
    "so-ct-2072.txt": (
        "Báo cáo tình hình phát triển hạ tầng thương mại năm 2072\n\nNgày 10/12/2072\n\n"
        "Tính đến nay toàn tỉnh có 38/52 chợ đạt chuẩn, 7 chợ đạt chuẩn hạng 1; năm 2071 có "
        "31 chợ đạt chuẩn.\n"),
}


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over_files(tmp_path_factory.mktemp("sameday"), DOCS)


@pytest.mark.parametrize(("question", "today", "value"), [
    ("hiện nay huyện Kỳ Sơn có bao nhiêu xã đạt chuẩn nông thôn mới?", "2071-12-05", "16/21"),
    ("Kỳ Sơn hiện có bao nhiêu xã đạt chuẩn nông thôn mới?", "2071-12-05", "16/21"),
    ("hiện nay toàn tỉnh có bao nhiêu chợ đạt chuẩn?", "2072-12-20", "38/52"),
])
def test_the_first_of_two_at_one_day(service: RagService, question: str, today: str,
                                     value: str) -> None:
    a = service.ask(question, AskOptions(today=date.fromisoformat(today)))
    assert a.found and value in a.answer, (a.answer, a.confidence)


def test_near_miss_the_narrower_class_when_asked(service: RagService) -> None:
    """Asked the narrower class, it answers."""
    a = service.ask("hiện nay huyện Kỳ Sơn có bao nhiêu xã đạt chuẩn nông thôn mới nâng cao?",
                    AskOptions(today=date(2071, 12, 5)))
    assert a.found and "5 xã" in a.answer, (a.answer, a.confidence)
