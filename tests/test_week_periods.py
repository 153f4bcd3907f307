"""Weeks as periods (break-test bt15-b17 failures 2 and 3): a price bulletin headed "Tuần N
(từ ngày D/M đến ngày D/M/Y)" is dated the week's last day and its figures that state no
period are of that week; a question "tuần N (năm Y)" asks that week; a table whose column
headers name periods ("Giá tuần 14 | Giá tuần 15", "Ngày 05/6 | Ngày 12/6") gives each cell
its column's period, the latest column answering a question naming none.
Bulletins written for these tests (goods, weeks, dates other than the break-test's)."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import service_over_files

from rag.ingest.readers import make_document
from rag.records import AskOptions
from rag.service import RagService
from rag.vi.calendar import relation
from rag.vi.mentions import find_mentions, week_heading

WEEKLY = """SỞ CÔNG THƯƠNG TỈNH HÀ NAM SƠN
BẢN TIN GIÁ NÔNG SẢN
Tuần 15 (từ ngày 07/4 đến ngày 13/4/2064)

1. Tình hình chung
Trong tuần, nguồn cung hàng hóa dồi dào, sức mua ổn định.

2. Giá một số mặt hàng (đồng/kg)
Mặt hàng | Giá tuần 14 | Giá tuần 15 | Chênh lệch
Cà phê nhân xô | 98.500 | 101.200 | +2.700
Hồ tiêu đen | 152.000 | 149.000 | -3.000
Cá tra thịt trắng | 31.000 | 32.500 | +1.500

Giá trứng gà công nghiệp dao động 26.000 - 29.000 đồng/chục.
Giá muối hạt bình quân 4.800 đồng/kg.
"""

DAILY = """TRUNG TÂM XÚC TIẾN THƯƠNG MẠI TỈNH BẮC KHÊ
Thông tin giá vật liệu xây dựng tháng 6 năm 2064

Bảng giá (đồng/tấn)
Mặt hàng | Ngày 05/6/2064 | Ngày 12/6/2064
Xi măng PCB40 | 1.620.000 | 1.655.000
Thép cuộn phi 6 | 14.300.000 | 14.150.000
"""


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over_files(tmp_path_factory.mktemp("weeks"),
                              {"ban_tin_tuan15.txt": WEEKLY, "gia_vlxd.txt": DAILY})


def _ask(service: RagService, question: str):  # noqa: ANN202 - an Answer
    return service.ask(question, AskOptions(retrieval_mode="lexical", today=date(2064, 6, 20)))


def test_a_week_is_a_period_of_the_year() -> None:
    written = [m.period for m in find_mentions("Tuần 15 (từ ngày 07/4 đến ngày 13/4/2064)", None)]
    assert [(p.kind, p.start, p.end, p.label) for p in written] == [
        ("week", date(2064, 4, 7), date(2064, 4, 13), "tuần 15/2064")]
    asked = find_mentions("giá tiêu tuần 15 năm 2064", None)[0].period
    assert asked.label == "tuần 15/2064" and relation(asked, written[0]) == "exact"
    assert find_mentions("giá tuần 9/2065", None)[0].period.label == "tuần 9/2065"
    assert relation(find_mentions("tuần 14/2064", None)[0].period, written[0]) != "exact"
    assert week_heading("BẢN TIN GIÁ TUẦN 22/2064") is not None
    assert week_heading("Giá tiêu tuần 22/2064 tăng 3.000 đồng/kg.") is None


def test_a_week_heading_dates_the_bulletin() -> None:
    doc = make_document("ban-tin", WEEKLY)
    assert doc.date == "2064-04-13"


@pytest.mark.parametrize(("question", "expected", "not_expected"), [
    # the week's figures that state no period, asked by week (and year)
    ("giá trứng gà công nghiệp tuần 15 năm 2064?", "26.000", None),
    ("giá muối hạt tuần 15/2064?", "4.800", None),
    # a table's columns: the asked week's cell; no period asked: the latest column
    ("giá cà phê nhân xô tuần 15 năm 2064?", "101.200", "98.500"),
    ("giá hồ tiêu đen tuần 14/2064?", "152.000", "149.000"),
    ("giá cà phê nhân xô?", "101.200", "98.500"),
    ("giá cá tra thịt trắng là bao nhiêu?", "32.500", "31.000"),
    # columns headed by days
    ("giá thép cuộn phi 6?", "14.150.000", "14.300.000"),
    ("giá xi măng PCB40 ngày 05/6/2064?", "1.620.000", "1.655.000"),
])
def test_weeks_and_columns_answer(service: RagService, question: str, expected: str,
                                  not_expected: str | None) -> None:
    reply = _ask(service, question)
    assert reply.found and expected in reply.answer, (reply.answer, reply.summary)
    if not_expected:
        assert not_expected not in reply.answer.split("(")[0], reply.answer


def test_another_week_is_not_answered(service: RagService) -> None:
    reply = _ask(service, "giá cá tra thịt trắng tuần 13 năm 2064?")
    assert not reply.found, reply.answer
