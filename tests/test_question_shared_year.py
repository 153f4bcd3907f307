"""A period a question writes without its year takes the year (and month) written with another
period of the same question, never the day asked's: "tính đến 20/12/2096 ... trong tháng 12" is
tháng 12/2096, "tuần 1, tuần 2 và tuần 3 tháng 3/2090" three weeks of March 2090 (a list writes
what its periods share once, at its end); a price table's "Tuần 1 (01-07/3/2090)" is the first
week of March, not week 1 of the year (break-test bt17p).  Documents are built here, with other
goods, numbers and years than the break-test's."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from conftest import FakeEmbedder
from helpers import make_docx, xlsx_bytes

from rag.ingest.uploads import read_upload
from rag.records import AskOptions
from rag.service import RagService
from rag.settings import Settings
from rag.vi.asked import question_periods

_TODAY = date(2026, 12, 2)


def _labels(question: str) -> list[str]:
    return [p.label for p in question_periods(question, _TODAY).periods]


def _service(tmp_path: Path, *docs: tuple[str, bytes]) -> RagService:
    service = RagService(Settings(index_dir=tmp_path / "index", sessions_db=tmp_path / "s.db"),
                         embedder=FakeEmbedder())
    for name, data in docs:
        service.add_document(read_upload(name, data))
    return service


def test_bare_periods_take_the_year_written_with_another() -> None:
    assert _labels("Tính đến 15/11/2081 có bao nhiêu xe xuất khẩu trong tháng 11?") == [
        "tính đến 15/11/2081", "tháng 11/2081"]
    assert _labels("Kim ngạch tháng 1, tháng 2 và tháng 3/2083?") == [
        "tháng 1/2083", "tháng 2/2083", "tháng 3/2083"]
    assert _labels("Giá gạo tuần 1, tuần 2 và tuần 3 tháng 5/2081?") == [
        "tuần 1 tháng 5/2081", "tuần 2 tháng 5/2081", "tuần 3 tháng 5/2081"]
    assert _labels("Giá gạo tuần thứ 2 và tuần thứ 4 tháng 10/2082?") == [
        "tuần 2 tháng 10/2082", "tuần 4 tháng 10/2082"]
    # a week of another month keeps its month, and takes the year
    assert _labels("Giá tuần 1 tháng 2 và tuần 2 tháng 3/2090?") == [
        "tuần 1 tháng 2/2090", "tuần 2 tháng 3/2090"]


def test_near_misses_keep_their_reading() -> None:
    # no year written anywhere: the day asked still decides
    assert _labels("Xe thông quan tháng 12?") == ["tháng 12/2026"]
    # a year only in a comparison is no year of the period asked
    assert _labels("Xuất khẩu tháng 11 tăng bao nhiêu so với tháng 12/2025?") == [
        "tháng 11/2026"]
    # a week written with its own year keeps it
    assert _labels("Giá tuần 1/2090 và tuần 2 tháng 3/2090?") == [
        "tuần 1/2090", "tuần 2 tháng 3/2090"]


def test_xlsx_week_columns_of_a_month_answer_listed_weeks(tmp_path: Path) -> None:
    rows: list[list[object]] = [
        ["BẢNG GIÁ THỊ TRƯỜNG - THÁNG 5/2081", None, None, None, None],
        ["Mặt hàng", "Đơn vị", "Tuần 1 (01-07/5/2081)", "Tuần 2 (08-14/5/2081)",
         "Tuần 3 (15-21/5/2081)"],
        ["Gạo nếp", "đồng/kg", "24.500", "25.000", "25.800"],
        ["Thịt bò", "đồng/kg", "251.000", "248.000", "255.000"],
    ]
    service = _service(tmp_path, ("gia_t5_2081.xlsx", xlsx_bytes(rows)))
    a = service.ask("Giá thịt bò tuần 1, tuần 2 và tuần 3 tháng 5/2081?",
                    AskOptions(today=_TODAY))
    assert a.found and all(v in a.answer for v in ("251.000", "248.000", "255.000")), a.answer
    assert "2025" not in a.summary and "tuần 1/2081" not in a.summary, a.summary
    a = service.ask("Giá gạo nếp tuần 2 và tuần 3 tháng 5/2081?", AskOptions(today=_TODAY))
    assert a.found and "25.000" in a.answer and "25.800" in a.answer, a.answer


def test_docx_count_to_a_day_answers_its_bare_month(tmp_path: Path) -> None:
    data = make_docx("Tình hình xe hàng tại các cửa khẩu ngày 16/11/2081",
                     "Tính đến hết ngày 15/11/2081, đã có 2.340 xe hàng được thông quan "
                     "trong tháng 11, bình quân 156 xe/ngày.")
    service = _service(tmp_path, ("xe_11_2081.docx", data))
    a = service.ask("Tính đến 15/11/2081 bao nhiêu xe hàng được thông quan trong tháng 11?",
                    AskOptions(today=_TODAY))
    assert a.found and "2.340" in a.answer, a.answer
    assert "2025" not in a.summary and "2026" not in a.summary, a.summary
