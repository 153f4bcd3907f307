"""A price bulletin of one week, its title naming the week and its days ("BẢN TIN GIÁ ...
TUẦN 23 NĂM 2050 (từ 05/06/2050 đến 11/06/2050)"), its columns "Giá tuần trước | Giá tuần
này": the title's week dates the sheet (not the year inside it), the "tuần này" / "kỳ này"
column is that week's price and the "tuần trước" / "kỳ trước" column the week before's
(break-test bt17r ban_tin_gia_tuan23_2050: every price dated "năm 2050", "Giá thịt lợn hơi
năm 2050?" answered last week's).  A bulletin headed by its week over a line of its days is
that week, whichever days it writes (bt17r ban_tin_gia_tuan41_2055: "tuần 41 năm 2055"
refused).  Bulletins written for these tests (goods, weeks, years other than the break-tests')."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import service_over_files
from helpers import titled_table_file

from rag.ingest.uploads import read_upload
from rag.records import AskOptions
from rag.service import RagService
from rag.vi.calendar import Period, month_period
from rag.vi.frames import extract

WEEK_ROWS = [["STT", "Mặt hàng", "Đơn vị tính", "Giá tuần trước (đồng)", "Giá tuần này (đồng)"],
             ["1", "Cá trắm cỏ", "kg", "71.000", "68.500"],
             ["2", "Dầu hỏa", "lít", "22.300", "21.950"]]
KY_ROWS = [["Mặt hàng", "ĐVT", "Giá kỳ trước", "Giá kỳ này"],
           ["Chè búp khô", "kg", "210.000", "215.000"]]


def _frames(kind: str, rows: list[list[str]], title: str) -> list[tuple[str, str]]:
    name, data = titled_table_file(kind, rows, title)
    doc = read_upload(name, data)
    return [(f.value.split()[0], f.period.label if f.period else "")
            for f in extract(doc.text, doc.title, doc.date) if f.measure == "level"]


@pytest.mark.parametrize("kind", ["xlsx", "docx", "html", "pdf"])
def test_this_and_last_week_columns(kind: str) -> None:
    frames = _frames(kind, WEEK_ROWS, "BẢN TIN GIÁ CẢ THỊ TRƯỜNG TUẦN 14 NĂM 2067 "
                                      "(từ 03/04/2067 đến 09/04/2067)")
    assert ("68.500", "tuần 14/2067") in frames, frames
    assert ("22.300", "tuần 13/2067") in frames, frames
    assert ("21.950", "tuần 14/2067") in frames, frames
    assert all(label.startswith("tuần") for _, label in frames), frames


def test_this_and_last_period_columns_of_days() -> None:
    frames = _frames("xlsx", KY_ROWS, "BẢNG GIÁ NÔNG SẢN (từ 10/8/2071 đến 16/8/2071)")
    assert ("215.000", "từ 10/8 đến 16/8/2071") in frames, frames
    assert ("210.000", "từ 3/8 đến 9/8/2071") in frames, frames


def test_relative_column_kinds() -> None:
    from rag.vi.frames.tables import relative_column

    july = month_period(2063, 7)
    assert relative_column("Giá tháng trước", july) == month_period(2063, 6)
    assert relative_column("Kỳ này", july) == july
    assert relative_column("Giá tháng trước", month_period(2063, 1)) == month_period(2062, 12)
    # near-misses: the word's period is not the table's, or no relative word
    year = Period("year", date(2063, 1, 1), date(2063, 12, 31), "năm 2063")
    assert relative_column("Giá tuần này", year) is None
    assert relative_column("Giá tháng trước", july.__class__(
        "week", date(2063, 7, 3), date(2063, 7, 9), "tuần 27/2063")) is None
    assert relative_column("Giá (đồng)", july) is None
    assert relative_column("So với tháng trước (%)", july) is None  # a change's base
    assert relative_column("Tăng/giảm so với kỳ trước", july) is None
    assert relative_column("Giá tuần này", None) is None


def test_month_bulletin_keeps_its_columns() -> None:
    rows = [["Mặt hàng", "ĐVT", "Giá tháng 7/2063", "Giá tháng 8/2063"],
            ["Tôm thẻ", "kg", "180.000", "172.500"]]
    frames = _frames("xlsx", rows, "BẢN TIN GIÁ CẢ THỊ TRƯỜNG THÁNG 8/2063")
    assert ("180.000", "tháng 7/2063") in frames and ("172.500", "tháng 8/2063") in frames


PDF_WEEK = """BẢN TIN GIÁ THỊ TRƯỜNG TUẦN 37 NĂM 2069

Giá bán lẻ tại chợ trung tâm (từ 06/09/2069 đến 12/09/2069)

Giá vịt cỏ từ 82.000 - 86.000 đồng/kg.
"""


def test_week_heading_over_its_days() -> None:
    frames = extract(PDF_WEEK, "", "2069-09-13")
    assert frames and all(f.period is not None and f.period.label == "tuần 37/2069"
                          and f.period.start == date(2069, 9, 6) for f in frames), \
        [f.period for f in frames]
    # near-miss: days of no week heading stay those days
    plain = extract(PDF_WEEK.replace(" TUẦN 37 NĂM 2069", ""), "", "2069-09-13")
    assert [f.period.label for f in plain if f.period] == ["từ 6/9 đến 12/9/2069"]


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    name, data = titled_table_file("xlsx", WEEK_ROWS, "BẢN TIN GIÁ CẢ THỊ TRƯỜNG TUẦN 14 NĂM "
                                   "2067 (từ 03/04/2067 đến 09/04/2067)")
    return service_over_files(tmp_path_factory.mktemp("bulletincols"), {
        "ban_tin_tuan14.xlsx": data, "ban_tin_tuan37.txt": PDF_WEEK})


def _ask(service: RagService, question: str):  # noqa: ANN202 - an Answer
    return service.ask(question, AskOptions(retrieval_mode="lexical", today=date(2070, 1, 5)))


@pytest.mark.parametrize(("question", "expected"), [
    ("Giá cá trắm cỏ tuần 14/2067?", "68.500"),
    ("Giá dầu hỏa tuần 14 năm 2067?", "21.950"),
    ("Giá cá trắm cỏ tuần 13/2067?", "71.000"),
    ("Giá vịt cỏ tuần 37 năm 2069?", "82.000 - 86.000"),
])
def test_bulletin_week_prices_are_answered(service: RagService, question: str,
                                           expected: str) -> None:
    answer = _ask(service, question)
    assert answer.found and expected in answer.answer, (question, answer.answer)


def test_year_question_never_gets_last_weeks_price(service: RagService) -> None:
    # each price stated with its own week, never last week's as the year's
    answer = _ask(service, "Giá cá trắm cỏ năm 2067?")
    assert "tuần 14/2067: 68.500" in answer.answer, answer.answer
    assert "71.000" not in answer.answer or "tuần 13/2067: 71.000" in answer.answer
