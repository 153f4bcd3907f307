"""An estimate gives way to the figure reported after its period (issue 17 K9): a plan table's
"Ước thực hiện 2026: 1.032" or a December report's "ước đạt 1.035" against "năm 2026 đạt
1.047 triệu kWh" in a report dated after 2026 ended -- the later, official figure answers.
A figure that is no estimate but dated inside the period does not supersede one."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import service_over_files

from rag.answer.figures import Choice, official_first
from rag.records import AskOptions, Chunk, Hit
from rag.service import RagService
from rag.vi.calendar import year_period
from rag.vi.frames import Frame

DOCS = {
    "bieu-01-2026.csv": (
        "Chỉ tiêu,Đơn vị tính,Thực hiện 2025,Kế hoạch 2026,Ước thực hiện 2026\n"
        "Sản lượng điện thương phẩm,triệu kWh,968,1.020,1.032\n"
        "Số lượt khách du lịch,nghìn lượt,2.310,2.500,2.560\n"),
    # worded more tersely than the table's row: the estimate scores higher by its words
    "so-lieu-chinh-thuc-2026.txt": (
        "Tình hình cung ứng điện năm 2026\n(05/02/2027)\n\n"
        "Năm 2026, điện thương phẩm cả năm đạt 1.047 triệu kWh.\n"),
}


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over_files(tmp_path_factory.mktemp("estimate"), DOCS)


def ask(service: RagService, question: str):  # noqa: ANN201
    return service.ask(question, AskOptions(retrieval_mode="lexical"))


def test_the_official_figure_supersedes_the_estimate(service: RagService) -> None:
    answer = ask(service, "sản lượng điện thương phẩm năm 2026")
    assert answer.found and answer.answer == "1.047 triệu kWh", answer.answer
    assert answer.citations[0].doc_id == "so-lieu-chinh-thuc-2026"


def test_the_estimate_stands_without_a_later_figure(service: RagService) -> None:
    answer = ask(service, "số lượt khách du lịch năm 2026")
    assert answer.found and answer.answer == "2.560 nghìn lượt", answer.answer


def _choice(value: float, *, estimate: bool, dated: str | None, score: float) -> Choice:
    frame = Frame(start=0, end=5, quote=(0, 5), value=f"{value}", low=value, high=None,
                  unit="triệu kWh", kind="number", measure="level", indicator="sản lượng điện",
                  period=year_period(2026), estimate=estimate)
    chunk = Chunk(id=f"c{value}", doc_id=f"d{value}", title="t", date=dated, text="x",
                  start=0, end=1)
    return Choice(frame, Hit(chunk=chunk, rank=1, score=1.0), "exact", score, 1.0)


def test_official_first_orders_by_the_report_date() -> None:
    estimate = _choice(1032, estimate=True, dated=None, score=1.0)
    later = _choice(1047, estimate=False, dated="2027-03-18", score=0.9)
    inside = _choice(1040, estimate=False, dated="2026-11-25", score=0.95)
    far = _choice(1050, estimate=False, dated="2027-03-18", score=0.2)
    assert official_first([estimate, inside, later], 0.85) == [later, estimate, inside]
    assert official_first([estimate, inside], 0.85) == [estimate, inside]
    assert official_first([estimate, far], 0.85) == [estimate, far]
    assert date(2027, 3, 18) > year_period(2026).end
