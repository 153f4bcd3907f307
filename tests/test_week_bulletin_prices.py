"""A price bulletin of one week of a month, its heading writing the bulletin's day beside the
week ("BẢN TIN GIÁ ... - TUẦN 3 THÁNG 10/2075 (ngày 17/10/2075)", "tuần thứ 2 tháng 3/2081
(từ 9/3 đến 15/3/2081)"): the week heads the bulletin and dates its figures -- asked by the
week, or by the month the week lies in (its price that month, a part of it) -- where the
day beside it made the heading a date stamp and left every figure of no period (break-test
bt17n gia_ca_tuan_2075).  And a bulletin table's change column writing the direction before
the number ("Tăng/giảm | giảm 4.000"), read as no figure, answers "giảm bao nhiêu?" (bt17l
ban_tin_gia_thang5_2060).  Bulletins written for these tests (goods, weeks, years other than
the break-tests')."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import service_over_files
from helpers import make_docx, xlsx_bytes

from rag.records import AskOptions
from rag.service import RagService
from rag.vi.frames import extract
from rag.vi.mentions import week_heading

PDF_LIKE = """BẢN TIN GIÁ CẢ THỊ TRƯỜNG TỈNH HÀ NAM SƠN - TUẦN 3 THÁNG 10/2075 (ngày 17/10/2075)

Giá cá chép trên địa bàn dao động từ 68.000 - 72.000 đồng/kg, giảm 1.000 đồng/kg so với tuần trước.

Giá đậu tương hạt từ 31.000 - 33.500 đồng/kg; giá lạc nhân từ 52.000 - 55.000 đồng/kg.
"""

DOCX = ["Bản tin giá nông sản tuần thứ 2 tháng 3/2081 (từ 9/3 đến 15/3/2081)",
        "Giá chè búp tươi loại 1 bình quân 14.200 đồng/kg.",
        "Giá quế vỏ khô từ 41.000 - 44.000 đồng/kg."]

TXT = """SỞ CÔNG THƯƠNG TỈNH BẮC KHÊ
Thông tin giá cả tuần 1 tháng 6/2082 (ngày 5/6/2082)

Giá mật ong rừng từ 420.000 - 450.000 đồng/lít.
"""

SHEET = xlsx_bytes([
    ["BẢN TIN GIÁ CẢ THỊ TRƯỜNG THÁNG 8/2063 (ngày 31/8/2063)"],
    [],
    ["STT", "Mặt hàng", "ĐVT", "Giá tháng 7/2063", "Giá tháng 8/2063", "Tăng/giảm"],
    [1, "Tôm thẻ", "đồng/kg", "180.000", "172.500", "giảm 7.500"],
    [2, "Dầu hỏa", "đồng/lít", "21.300", "22.150", "tăng 850"],
], sheet="Bảng giá")


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over_files(tmp_path_factory.mktemp("weekprice"), {
        "gia_tuan3.txt": PDF_LIKE, "gia_tuan2.docx": make_docx(*DOCX), "gia_tuan1.txt": TXT,
        "gia_thang8.xlsx": SHEET})


def _ask(service: RagService, question: str):  # noqa: ANN202 - an Answer
    return service.ask(question, AskOptions(retrieval_mode="lexical", today=date(2083, 1, 5)))


def test_a_week_heading_beside_its_day() -> None:
    for line, label in [
            ("BẢN TIN GIÁ CẢ THỊ TRƯỜNG TỈNH LẠNG SƠN - TUẦN 3 THÁNG 10/2075 (ngày 17/10/2075)",
             "tuần 3 tháng 10/2075"),
            ("Bản tin giá tuần thứ 2 tháng 3/2081 (từ 9/3 đến 15/3/2081)", "tuần 2 tháng 3/2081"),
            ("tuần 1 tháng 3/2081 (từ 2/3 đến 8/3/2081)", "tuần 1 tháng 3/2081"),
            ("Tuần 48 (từ ngày 24/11 đến ngày 30/11/2063)", "tuần 48/2063")]:
        week = week_heading(line)
        assert week is not None and week.label == label, line
    # near-misses: a day far from the week, a second period, a sentence
    assert week_heading("Tuần 3 tháng 10/2075 (ngày 30/12/2075)") is None
    assert week_heading("Tuần 3 tháng 10/2075 và tháng 11/2075") is None
    assert week_heading("Giá cá tuần 3 tháng 10/2075 giảm 1.000 đồng/kg.") is None


def test_the_week_dates_the_bulletins_figures() -> None:
    frames = extract(PDF_LIKE, "", "2075-10-21")
    assert frames and all(f.period is not None and f.period.label == "tuần 3 tháng 10/2075"
                          for f in frames)
    # a stamp line alone is still the report's date, heading nothing
    stamped = extract("BẢN TIN GIÁ\nNgày 17/10/2075\n\nGiá cá chép 70.000 đồng/kg.", "", None)
    assert [f.period for f in stamped] == [None]


@pytest.mark.parametrize(("question", "expected"), [
    ("Giá đậu tương hạt tháng 10/2075?", "31.000 - 33.500"),
    ("Giá lạc nhân tháng 10 2075?", "52.000 - 55.000"),
    ("Giá cá chép tuần 3 tháng 10/2075?", "68.000 - 72.000"),
    ("Giá chè búp tươi loại 1 tháng 3/2081?", "14.200"),
    ("Giá quế vỏ khô tuần thứ 2 tháng 3/2081?", "41.000 - 44.000"),
    ("Giá mật ong rừng tuần 1 tháng 6/2082?", "420.000 - 450.000"),
    ("Giá tôm thẻ tháng 8/2063 giảm bao nhiêu?", "7.500"),
    ("Giá dầu hỏa tháng 8/2063 tăng bao nhiêu?", "850"),
])
def test_bulletin_prices_are_answered(service: RagService, question: str, expected: str) -> None:
    answer = _ask(service, question)
    assert answer.found and expected in answer.answer, (question, answer.answer)


@pytest.mark.parametrize("question", [
    "Giá đậu tương hạt tháng 9/2075?",       # a week of October asked for September
    "Giá chè búp tươi loại 1 tháng 4/2081?",
    "Giá tôm thẻ tháng 9/2063 giảm bao nhiêu?",  # a month's bulletin asked for another month
])
def test_another_month_still_refuses(service: RagService, question: str) -> None:
    assert not _ask(service, question).found, question
