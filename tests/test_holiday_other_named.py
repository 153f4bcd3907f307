"""A sentence naming another holiday is no sentence of the one asked (merge of session 41's
tetyear and holperiod branches: once "Dịp Tết Dương lịch 2031" became the days of that
holiday, the rule "a sentence naming no holiday may state it when it names a few days of the
asked year" let New Year's visitors answer "Tết 2031"), and a lunar year's name typed without
diacritics is never spell-corrected away ("tet giap thin tinh" read as "giap toan tinh")."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import service_over_files

from rag.records import AskOptions
from rag.service import RagService

DOCS = {
    "du-lich-dau-nam-2031.txt": (
        "Du lịch những ngày đầu năm 2031\n05/01/2031\n\n"
        "Dịp Tết Dương lịch 2031, các điểm du lịch trên địa bàn toàn tỉnh đón 41.500 lượt "
        "khách. Toàn tỉnh có 212 cơ sở lưu trú.\n"),
    "du-lich-tet-canh-than.txt": (
        "Du lịch dịp Tết Nguyên đán Mậu Thân\n20/02/2028\n\n"
        "Trong 7 ngày nghỉ Tết Nguyên đán Mậu Thân, toàn tỉnh đón 176.000 lượt khách.\n"),
}


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over_files(tmp_path_factory.mktemp("other-holiday"), DOCS)


@pytest.mark.parametrize("question", [
    "Tết Nguyên đán 2031 toàn tỉnh đón bao nhiêu lượt khách?",
    "Tết 2031 đón bao nhiêu lượt khách du lịch?",
    "tet nguyen dan 2031 toan tinh don bao nhieu luot khach",
])
def test_new_year_visitors_are_no_tets(service: RagService, question: str) -> None:
    a = service.ask(question, AskOptions(today=date(2031, 3, 1)))
    assert not a.found, a.answer


@pytest.mark.parametrize("question", [
    "Tết Dương lịch 2031 đón bao nhiêu lượt khách?",
    "tet mau than tinh don bao nhieu luot khach",
    "Tết Mậu Thân toàn tỉnh đón bao nhiêu lượt khách?",
])
def test_near_miss_the_holiday_asked(service: RagService, question: str) -> None:
    a = service.ask(question, AskOptions(today=date(2031, 3, 1)))
    assert a.found, a.answer
