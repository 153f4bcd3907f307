"""A year that names an event's edition in a question ("hội chợ Việt - Trung 2075", "triển lãm
... năm 2066", "SEA Games 2071", "mùa giải 2068") asks that edition, held some days of the
year: a figure said for those days answers it, labelled with its days -- not refused as "no
figure for the year".  A question naming the year alone keeps refusing a few days' figure.
Issue 17 break-test bt18-b17 failure 7, written here with other events, places, counts and
years."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import service_over

from rag.answer.figures import edition_asked, period_match
from rag.records import AskOptions
from rag.service import RagService
from rag.vi.asked import Asked
from rag.vi.calendar import Period, year_period


@pytest.mark.parametrize(("question", "edition"), [
    ("Triển lãm nông sản Lạc Sơn năm 2066 có bao nhiêu gian hàng?", True),
    ("SEA Games 2071 có bao nhiêu vận động viên tham dự?", True),
    ("số lượt khách hoi cho hang Viet chat luong cao 2069?", True),
    ("doanh thu mùa giải 2068 đạt bao nhiêu?", True),
    ("số hội chợ tổ chức năm 2069 là bao nhiêu?", False),
    ("lượt khách du lịch năm 2069 là bao nhiêu?", False),
])
def test_an_event_named_with_its_year(question: str, edition: bool) -> None:
    assert edition_asked(question) is edition


def test_days_inside_the_year_answer_an_edition_only() -> None:
    want = year_period(2069)
    days = Period("days", date(2069, 10, 3), date(2069, 10, 7), "từ 3/10 đến 7/10/2069")
    assert period_match(Asked((want,)), days, want, edition=True) == "exact"
    assert period_match(Asked((want,)), days, want) is None
    later = Period("days", date(2070, 1, 3), date(2070, 1, 7), "từ 3/1 đến 7/1/2070")
    assert period_match(Asked((want,)), later, want, edition=True) is None


DOCS = [
    {"id": "tl", "title": "Khai mạc Triển lãm nông sản Lạc Sơn năm 2069", "date": "2069-10-08",
     "text": "Triển lãm nông sản Lạc Sơn năm 2069 diễn ra từ ngày 3 đến 7/10/2069. Triển lãm có "
             "530 gian hàng của 286 đơn vị tham gia, đón khoảng 41.000 lượt khách."},
]


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over(tmp_path_factory.mktemp("edition_year"), DOCS)


def test_an_edition_is_answered_with_its_days(service: RagService) -> None:
    opts = AskOptions(retrieval_mode="lexical", today=date(2069, 12, 1))
    ans = service.ask("triển lãm nông sản Lạc Sơn 2069 có bao nhiêu gian hàng?", opts)
    assert "530" in (ans.answer or "") and ans.period_match == "exact"
    assert "3/10" in (ans.summary or "") and "7/10/2069" in (ans.summary or "")
    ans = service.ask("Triển lãm nông sản Lạc Sơn năm 2069 đón bao nhiêu lượt khách?", opts)
    assert "41.000" in (ans.answer or "")
    ans = service.ask("số gian hàng năm 2069 của tỉnh là bao nhiêu?", opts)
    assert "530" not in (ans.answer or "")
