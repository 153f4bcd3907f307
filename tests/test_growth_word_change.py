"""A change written with the growth word "tăng trưởng" (not "tăng") right after a level of
its clause -- "GRDP ... ước đạt 19.870 tỷ đồng, tăng trưởng 7,42% so với cùng kỳ", "...,
tốc độ tăng trưởng đạt 8,1%", "..., tăng trưởng đạt 6,5%" -- is that level's change, as ",
tăng 7,42%" is, and a question "tăng trưởng X" (unaccented, in English, by a relative
period) asks it; its summary never says "tăng trưởng tăng".  Before, the change's indicator
was the growth word itself and the question was refused (break-test bt17h, its issue's own
example).  A level asked keeps the level.  Wordings, numbers and file shapes differ from the
break-test's."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import service_over_files
from helpers import make_docx

from rag.records.answers import AskOptions
from rag.service import RagService
from rag.vi.frames import extract

_PRESS = ("Họp báo kinh tế - xã hội 6 tháng đầu năm 2031\nNgày 04/07/2031\n\n"
          "Tổng sản phẩm trên địa bàn (GRDP) 6 tháng đầu năm 2031 ước đạt 21.450 tỷ đồng, "
          "tăng trưởng 6,87% so với cùng kỳ, xếp thứ 5/14 tỉnh vùng trung du và miền núi "
          "phía Bắc.\n\n"
          "Thu ngân sách nhà nước trên địa bàn 6 tháng đầu năm 2031 đạt 4.902 tỷ đồng.\n")
_INDUSTRY = ("Báo cáo ngành công thương quý III năm 2034", "Ngày 30/09/2034",
             "Giá trị sản xuất công nghiệp quý III/2034 ước đạt 4.120 tỷ đồng, tốc độ tăng "
             "trưởng đạt 8,1% so với cùng kỳ năm trước.",
             "Kim ngạch xuất khẩu quý III/2034 đạt 212 triệu USD.")
_TOURISM = ("<html><head><title>Du lịch năm 2029</title></head><body>"
            "<h1>Kết quả hoạt động du lịch năm 2029</h1><p>Ngày 28/12/2029</p>"
            "<p>Doanh thu dịch vụ lưu trú, ăn uống năm 2029 đạt 2.140 tỷ đồng, tăng trưởng "
            "đạt 6,5% so với năm 2028.</p>"
            "<p>Tổng lượt khách du lịch năm 2029 ước đạt 3,2 triệu lượt.</p></body></html>")
_QUARTER = ("Tình hình kinh tế quý III năm 2033\nNgày 28/09/2033\n\n"
            "Quý III/2033, GRDP của tỉnh tăng trưởng đạt 6,5% so với cùng kỳ.\n")


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over_files(tmp_path_factory.mktemp("growthword"), {
        "hop-bao-6-thang-2031.txt": _PRESS, "cong-thuong-q3-2034.docx": make_docx(*_INDUSTRY),
        "du-lich-2029.html": _TOURISM, "kinh-te-q3-2033.txt": _QUARTER})


@pytest.mark.parametrize(("question", "value", "today"), [
    ("Tăng trưởng GRDP 6 tháng đầu năm 2031?", "6,87%", None),
    ("tang truong grdp 6 thang dau nam 2031", "6,87%", None),
    ("GRDP growth in the first half of 2031?", "6,87%", None),
    ("GRDP 6 tháng đầu năm 2031 tăng bao nhiêu %?", "6,87%", None),
    ("Tăng trưởng giá trị sản xuất công nghiệp quý III/2034?", "8,1%", None),
    ("Tăng trưởng doanh thu dịch vụ lưu trú, ăn uống năm 2029?", "6,5%", None),
])
def test_the_growth_asked_answers(service: RagService, question: str, value: str,
                                  today: str | None) -> None:
    options = AskOptions(today=date.fromisoformat(today)) if today else None
    answer = service.ask(question, options)
    assert answer.found and answer.answer == value, answer
    assert answer.confidence >= 0.9, answer
    assert "tăng trưởng tăng" not in (answer.summary or ""), answer


def test_a_relative_half_year_finds_the_growth(service: RagService) -> None:
    # "nửa đầu năm ngoái" is read as last year (a partial answer): the growth is found
    answer = service.ask("Tăng trưởng GRDP nửa đầu năm ngoái?",
                         AskOptions(today=date(2032, 3, 1)))
    assert answer.found and answer.answer == "6,87%", answer


def test_the_summary_names_the_level_it_grew(service: RagService) -> None:
    answer = service.ask("GRDP 6 tháng đầu năm 2031 tăng bao nhiêu %?")
    assert "GRDP tăng 6,87%" in (answer.summary or ""), answer


def test_a_growth_verb_is_said_once(service: RagService) -> None:
    answer = service.ask("Tăng trưởng GRDP quý III/2033?")
    assert answer.answer == "6,5%", answer
    assert "tăng trưởng đạt 6,5%" in (answer.summary or ""), answer


def test_the_level_asked_keeps_the_level(service: RagService) -> None:
    answer = service.ask("GRDP 6 tháng đầu năm 2031 đạt bao nhiêu?")
    assert answer.answer == "21.450 tỷ đồng", answer
    answer = service.ask("Giá trị sản xuất công nghiệp quý III/2034 đạt bao nhiêu?")
    assert answer.answer == "4.120 tỷ đồng", answer


def test_a_growth_of_its_own_indicator_keeps_it() -> None:
    # no level before it: the growth's own words name it
    frames = extract("Năm 2030, tốc độ tăng trưởng kinh tế của tỉnh ước đạt 8,1%; giá trị "
                     "sản xuất công nghiệp đạt 12.500 tỷ đồng, tăng trưởng 9,2%.", "",
                     "2030-12-20")
    rate = next(f for f in frames if f.value == "8,1%")
    assert rate.measure == "change" and "kinh tế" in rate.indicator, rate
    industry = next(f for f in frames if f.value == "9,2%")
    assert industry.measure == "change", industry
    assert industry.indicator.startswith("giá trị sản xuất công nghiệp"), industry
