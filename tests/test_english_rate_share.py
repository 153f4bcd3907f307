"""An English "rate" of a thing the glossary names -- "disbursement rate", "the rate of
disbursement" -- asks a share ("tỷ lệ giải ngân"), read as the report's percentage column
("Tỷ lệ so KH (%)"), not the amount beside it (break-test bt17k: "Public investment
disbursement rate by 31 October 2055?" answered 3.926 tỷ đồng at 1.0, the rate is 57,4%).
Near misses: "disbursed" keeps the amount; the glossary's own "X rate" phrases and rates that
are already a change or a level ("unemployment rate", "growth rate", "inflation rate") read
as before."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from conftest import service_over_files
from helpers import titled_table_file

from rag.records import AskOptions
from rag.search.query import english_terms
from rag.service import RagService

TITLE = "BÁO CÁO GIẢI NGÂN VỐN ĐẦU TƯ CÔNG NĂM 2055 (số liệu đến 31/10/2055)"
ROWS = [["Nguồn vốn", "Kế hoạch 2055 (tỷ đồng)", "Giải ngân đến 31/10/2055 (tỷ đồng)",
         "Tỷ lệ so KH (%)"],
        ["Tổng số", "6840", "3926", "57.4"],
        ["Vốn ngân sách địa phương", "4210", "2105", "50"]]


@pytest.fixture(scope="module", params=["xlsx", "docx"])
def service(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
            ) -> RagService:
    name, data = titled_table_file(request.param, ROWS, TITLE)
    root: Path = tmp_path_factory.mktemp(f"rate-{request.param}")
    return service_over_files(root, {name: data})


@pytest.mark.parametrize(("question", "expected"), [
    ("Public investment disbursement rate by 31 October 2055?", "574%"),
    ("What was the disbursement rate of public investment by 31 October 2055?", "574%"),
    ("What was the rate of disbursement of public investment by 31 October 2055?", "574%"),
    # near miss: the amount disbursed
    ("Public investment disbursed by 31 October 2055?", "3926 tỷ"),
])
def test_an_english_rate_asks_the_share(service: RagService, question: str,
                                        expected: str) -> None:
    a = service.ask(question, AskOptions(today=date(2055, 11, 15)))
    # the figure as written, "57.4" or "57,4" (how a cell's decimal is printed is not asked)
    assert a.found and expected in a.answer.replace(".", "").replace(",", ""), (
        a.answer, a.resolved_question)


@pytest.mark.parametrize(("question", "term", "absent"), [
    ("Public investment disbursement rate in 2055?", "tỷ lệ giải ngân", None),
    ("What was the rate of disbursement of public investment?", "tỷ lệ giải ngân",
     "tỷ lệ vốn đầu tư công"),
    ("What was the disbursement rate of public investment?", "tỷ lệ giải ngân",
     "tỷ lệ vốn đầu tư công"),
    # near misses: read whole by the glossary, or a rate already
    ("What was the unemployment rate in 2055?", "tỷ lệ thất nghiệp", "tỷ lệ tỷ lệ"),
    ("What was the export growth rate in 2055?", "tăng trưởng", "tỷ lệ"),
    ("What was the inflation rate in June 2055?", "lạm phát", "tỷ lệ"),
    ("Public investment disbursed in 2055?", "giải ngân", "tỷ lệ"),
])
def test_rate_terms(question: str, term: str, absent: str | None) -> None:
    terms = " ".join(english_terms(question))
    assert term in terms, terms
    assert absent is None or absent not in terms, terms
