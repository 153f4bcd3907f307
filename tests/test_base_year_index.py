"""A price index stated against its base year answers a question naming that base (break-test
s43 bt17m): "so với kỳ gốc năm 2064 CPI tháng 10 bằng 112,46%" is an index (a comparison
written before "bằng X%"), and "CPI tháng 10/2068 so với kỳ gốc 2064?" -- no word of a change
-- is answered with it as written, "112,46%", not refused nor turned into "tăng 12,46%"."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import service_over

from rag.records import AskOptions
from rag.service import RagService
from rag.vi.frames.document import extract

CPI_A = ("Chỉ số giá tiêu dùng (CPI) tháng 10/2068 trên địa bàn tỉnh giảm 0,21% so với tháng "
         "trước; so với kỳ gốc năm 2064 CPI tháng 10 bằng 112,46%; so với tháng 12 năm 2067 "
         "tăng 1,87%; so với cùng kỳ năm 2067 tăng 2,53%.")
DOCS = [
    {"id": "cpi-a", "title": "Chỉ số giá tiêu dùng tháng 10/2068", "date": "2068-10-30",
     "text": CPI_A},
    {"id": "cpi-b", "title": "Chỉ số giá tiêu dùng tháng 5/2071", "date": "2071-05-30",
     "text": "Chỉ số giá tiêu dùng tháng 5/2071 bằng 103,2% so với cùng kỳ năm trước và bằng "
             "108,75% so với năm gốc 2069."},
    {"id": "cpi-c", "title": "Giá cả thị trường quý III/2072", "date": "2072-09-30",
     "text": "CPI quý III/2072 tăng 0,8% so với quý trước. So với năm gốc 2069, chỉ số giá "
             "tiêu dùng quý III/2072 bằng 115,02%."},
    {"id": "cpi-d", "title": "Chỉ số giá tiêu dùng tháng 9/2074", "date": "2074-09-29",
     "text": "Chỉ số giá tiêu dùng tháng 9/2074 tăng 0,42% so với tháng trước và tăng 18,73% "
             "so với kỳ gốc 2069."},
]


def test_an_index_written_after_its_base() -> None:
    got = {f.value: (f.measure, f.comparison) for f in
           extract(CPI_A, "Chỉ số giá tiêu dùng tháng 10/2068", "2068-10-30")}
    assert got["112,46%"][0] == "index" and "kỳ gốc" in (got["112,46%"][1] or ""), got
    # near-misses: the changes around it stay changes
    assert got["2,53%"][0] == got["1,87%"][0] == "change", got


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over(tmp_path_factory.mktemp("base_year_index"), DOCS)


@pytest.mark.parametrize(("question", "expected", "not_expected"), [
    ("CPI tháng 10/2068 so với kỳ gốc 2064?", "112,46%", "tăng"),
    ("CPI tháng 5/2071 so với năm gốc 2069 là bao nhiêu?", "108,75%", "tăng"),
    ("Chỉ số giá tiêu dùng quý III/2072 so với năm gốc 2069?", "115,02%", "tăng"),
    # near-misses: a change asked keeps the change, the other bases theirs; a change
    # stated against the base year is still its answer
    ("CPI tháng 10/2068 tăng bao nhiêu so với kỳ gốc 2064?", "tăng 12,46%", "112,46"),
    ("CPI tháng 10/2068 so với tháng trước?", "0,21%", "112,46"),
    ("CPI tháng 10/2068 so với cùng kỳ?", "2,53%", "112,46"),
    ("CPI tháng 9/2074 so với kỳ gốc 2069?", "18,73%", "0,42"),
])
def test_the_base_years_index_answers(service: RagService, question: str, expected: str,
                                      not_expected: str) -> None:
    r = service.ask(question, AskOptions(retrieval_mode="lexical", today=date(2075, 1, 1)))
    assert r.found and expected in r.answer and not_expected not in r.answer, r.answer


def test_another_base_year_is_refused(service: RagService) -> None:
    r = service.ask("CPI tháng 10/2068 so với kỳ gốc 2060?",
                    AskOptions(retrieval_mode="lexical", today=date(2075, 1, 1)))
    assert not r.found or "112,46" not in r.answer, r.answer
