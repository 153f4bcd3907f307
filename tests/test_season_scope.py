"""A crop season dates its own sentence and the rest of its paragraph, not the document
(break-test b17 D16): a report opening with "Vụ Mùa 2038, ..." and closing on hotel prices
framed those prices "vụ Mùa 2038", and "giá phòng khách sạn năm 2038" came back a false
partial ("Báo cáo chỉ có số liệu vụ Mùa 2038").  The document's lead is the season's year."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import service_over

from rag.records import AskOptions
from rag.service import RagService
from rag.vi.frames.document import extract

TEXT = ("Vụ Hè Thu 2044, toàn tỉnh gieo trồng 21.500 ha lúa. Năng suất lúa bình quân đạt 55,1 "
        "tạ/ha, sản lượng ước đạt 118.300 tấn.\n"
        "Tổng đàn bò hiện có 38.200 con.\n"
        "Giá vé cáp treo dao động 150.000 - 250.000 đồng/lượt; giá thuê homestay khoảng "
        "300.000 đồng/đêm.")


def _periods() -> dict[str, str | None]:
    return {f.value.split()[0]: (f.period.label if f.period else None)
            for f in extract(TEXT, "Tin nông nghiệp, du lịch", "2044-11-20")}


def test_season_dates_its_paragraph() -> None:
    periods = _periods()
    assert periods["21.500"] == periods["55,1"] == periods["118.300"] == "vụ Hè Thu 2044"


def test_season_does_not_date_later_paragraphs() -> None:
    periods = _periods()
    assert periods["38.200"] != "vụ Hè Thu 2044"
    assert periods["150.000"] == "năm 2044", periods


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over(tmp_path_factory.mktemp("season_scope"), [
        {"id": "tin-2044", "title": "Tin nông nghiệp, du lịch", "date": "2044-11-20",
         "text": TEXT}])


@pytest.mark.parametrize(("question", "expected"), [
    ("giá vé cáp treo năm 2044 là bao nhiêu?", "150.000 - 250.000"),
    ("giá thuê homestay năm 2044", "300.000"),
    ("sản lượng lúa vụ Hè Thu 2044", "118.300"),
])
def test_answers(service: RagService, question: str, expected: str) -> None:
    reply = service.ask(question, AskOptions(retrieval_mode="lexical", today=date(2044, 12, 1)))
    assert reply.found and expected in reply.answer, reply.answer
    assert reply.period_match == "exact", reply.summary
    assert "chỉ có số liệu" not in (reply.summary or ""), reply.summary


def test_file_titled_by_its_first_sentence(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """A text file's title is read from its first sentence ("Vụ Hè Thu 2044, ..."): that
    sentence's season leads the document with its year only."""
    from conftest import service_over_files
    svc = service_over_files(tmp_path, {"tin_2044.txt": TEXT})
    reply = svc.ask("giá thuê homestay năm 2044",
                    AskOptions(retrieval_mode="lexical", today=date(2044, 12, 1)))
    assert reply.found and "300.000" in reply.answer, reply.answer
    assert reply.period_match == "exact", reply.summary
