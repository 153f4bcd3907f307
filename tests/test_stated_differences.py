"""Differences a report states and questions that ask them (issue 17, break-test b17 F3, F4,
F5):

- a comparative followed by the period it compares with, then the value ("thấp hơn quý III
  0,12 điểm phần trăm", "cao hơn tháng trước 15 triệu USD") is a change against that period,
  of the figure's indicator -- not a level named "cao hơn tháng trước";
- a figure named only "số liệu chính thức" / "số liệu điều chỉnh" after a change ("GRDP ước
  tăng 7,61%; số liệu chính thức quý III/2033 tăng 6,94%") is that change's indicator's
  official figure, as one after a level already was (tests/test_official_figure_context.py);
- "... cao hơn số ước tính bao nhiêu?", "... thấp hơn quý III bao nhiêu?" ask the difference
  from what is named between the comparative and "bao nhiêu", without "so với"."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import service_over

from rag.answer.question import read_question
from rag.records import AskOptions
from rag.search.query import analyze
from rag.service import RagService
from rag.vi.frames import extract

DIFFERENCES = (
    "Tỷ lệ thất nghiệp khu vực thành thị quý IV/2031 là 2,31%, thấp hơn quý III 0,12 điểm "
    "phần trăm.\n"
    "Kim ngạch xuất khẩu tháng 12/2031 đạt 412 triệu USD, cao hơn tháng trước 15 triệu USD.\n"
    "Tỷ lệ hộ nghèo năm 2031 là 3,1%, thấp hơn cùng kỳ năm trước 0,8 điểm phần trăm.\n"
    "Thu ngân sách năm 2031 đạt 9.870 tỷ đồng, cao hơn năm 2030 1.020 tỷ đồng.\n"
    "Tỷ lệ lấp đầy các cụm công nghiệp thấp hơn 40%.\n")
OFFICIAL = (
    "Quý IV/2031, GRDP ước tăng 7,61%; số liệu chính thức quý III/2031 tăng 6,94%.\n\n"
    "Chỉ số sản xuất công nghiệp tháng 12/2031 ước tăng 9,2% so với cùng kỳ. Số liệu điều "
    "chỉnh tháng 11/2031 tăng 8,7%.\n\n"
    "Tổng mức bán lẻ hàng hóa tháng 12/2031 ước đạt 5.610 tỷ đồng, tăng 2,1% so với tháng "
    "trước. Số liệu chính thức tháng 11/2031: 5.497 tỷ đồng, cao hơn 38 tỷ đồng so với số ước "
    "tính.\n")
DOCS = [{"id": "bc-2031", "title": "Báo cáo kinh tế - xã hội năm 2031", "date": "2032-01-08",
         "text": DIFFERENCES + "\n" + OFFICIAL}]


def frames_of(text: str):  # noqa: ANN201
    return {f.value: f for f in extract(text, "bc", "2032-01-08")}


@pytest.mark.parametrize(("value", "indicator", "direction", "comparison"), [
    ("0,12 điểm phần trăm", "Tỷ lệ thất nghiệp khu vực thành thị", -1, "quý III"),
    ("15 triệu USD", "Kim ngạch xuất khẩu", 1, "tháng trước"),
    ("0,8 điểm phần trăm", "Tỷ lệ hộ nghèo", -1, "cùng kỳ năm trước"),
    ("1.020 tỷ đồng", "Thu ngân sách", 1, "năm 2030"),
])
def test_a_comparative_before_its_base_and_value_is_a_change(
        value: str, indicator: str, direction: int, comparison: str) -> None:
    f = frames_of(DIFFERENCES)[value]
    assert (f.measure, f.direction, f.indicator, f.comparison) == (
        "change", direction, indicator, comparison), f
    assert f.verb in ("thấp hơn", "cao hơn")


def test_a_bound_without_a_base_stays_a_level() -> None:
    assert frames_of(DIFFERENCES)["40%"].measure == "level"


@pytest.mark.parametrize(("value", "indicator", "period"), [
    ("6,94%", "GRDP", "quý III/2031"),
    ("8,7%", "Chỉ số sản xuất công nghiệp", "tháng 11/2031"),
    ("5.497 tỷ đồng", "Tổng mức bán lẻ hàng hóa", "tháng 11/2031"),
])
def test_the_official_figure_takes_the_indicator_of_a_change_before_it(
        value: str, indicator: str, period: str) -> None:
    f = frames_of(OFFICIAL)[value]
    assert f.indicator == indicator and not f.estimate, f
    assert f.period is not None and f.period.label == period


@pytest.mark.parametrize(("text", "period"), [
    ("Quý III/2033, tốc độ tăng trưởng GRDP đạt 6,2%, cao hơn mức 5,9% của cùng kỳ năm "
     "trước.", "quý III/2032"),
    ("Tháng 10/2033, chỉ số giá tiêu dùng tăng 0,4%, thấp hơn mức 0,6% của cùng kỳ năm "
     "trước.", "tháng 10/2032"),
    ("Năm 2033, tăng trưởng kinh tế của tỉnh đạt 7,08%, thấp hơn mức 7,45% của năm trước.",
     "năm 2032"),
])
def test_the_rate_compared_with_the_year_before_is_of_that_year(text: str,
                                                                period: str) -> None:
    # "thấp hơn mức 5,9% của cùng kỳ năm trước": the same change a year earlier (b17 F1)
    compared = extract(f"BÁO CÁO\n\n{text}", "bc", "2034-01-08")[1]
    assert compared.measure == "change" and compared.period is not None, compared
    assert compared.period.label == period


@pytest.mark.parametrize(("question", "comparison"), [
    ("số liệu chính thức tháng 11/2031 cao hơn số ước tính bao nhiêu?", "so uoc tinh"),
    ("tỷ lệ thất nghiệp thành thị quý IV/2031 thấp hơn quý III bao nhiêu?", "ky truoc"),
    ("tỷ lệ hộ nghèo năm 2031 thấp hơn năm trước bao nhiêu?", "nam truoc"),
])
def test_a_comparative_with_bao_nhieu_asks_the_difference(question: str,
                                                          comparison: str) -> None:
    # a dated base is said as its kind (rag.answer.question._named_base): quý III of quý IV is
    # the period before
    asked = read_question(analyze(question), date(2032, 2, 1))
    assert (asked.measure, asked.comparison) == ("change", comparison)


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over(tmp_path_factory.mktemp("differences"), DOCS)


@pytest.mark.parametrize(("question", "expected"), [
    ("số liệu chính thức tháng 11/2031 cao hơn số ước tính bao nhiêu?", "38 tỷ đồng"),
    ("tổng mức bán lẻ hàng hóa tháng 11/2031 cao hơn số ước tính bao nhiêu?", "38 tỷ đồng"),
    ("tỷ lệ thất nghiệp thành thị quý IV/2031 giảm bao nhiêu so với quý III?",
     "0,12 điểm phần trăm"),
    ("tỷ lệ thất nghiệp thành thị quý IV/2031 thấp hơn quý III bao nhiêu?",
     "0,12 điểm phần trăm"),
    ("kim ngạch xuất khẩu tháng 12/2031 tăng bao nhiêu so với tháng trước?", "15 triệu USD"),
    ("GRDP quý III/2031 tăng bao nhiêu?", "6,94%"),
    ("chỉ số sản xuất công nghiệp tháng 11/2031 tăng bao nhiêu?", "8,7%"),
])
def test_the_stated_difference_answers(service: RagService, question: str,
                                       expected: str) -> None:
    answer = service.ask(question, AskOptions(retrieval_mode="lexical"))
    assert answer.found and answer.answer == expected, (answer.answer, answer.summary)


# break-test b17 A, D and gf's leftovers (session 32 gj): the rate a figure is compared with
# dated by the same period of the year named or the year before; a difference between two
# rates asked and not stated answered with both rates, each with its period
RATES = (
    "Tổng sản phẩm trên địa bàn (GRDP) 9 tháng năm 2036 ước đạt 28.640 tỷ đồng, tăng 7,15% so "
    "với cùng kỳ năm trước, thấp hơn mức tăng 7,48% của cùng kỳ năm 2035.\n\n"
    "Tính chung 9 tháng năm 2036, chỉ số sản xuất công nghiệp (IIP) ước tăng 10,3% so với cùng "
    "kỳ, cao hơn mức tăng 8,7% của cùng kỳ năm trước.\n\n"
    "Năm 2036, tốc độ tăng trưởng kinh tế của tỉnh ước đạt 7,32%, cao hơn mức 6,95% của năm "
    "2035.\n\n"
    "Năm 2036, chỉ số giá tiêu dùng bình quân tăng 3,2%, thấp hơn mức 3,6% năm trước.\n\n"
    "Tổng mức bán lẻ hàng hóa tháng 11/2036 ước đạt 5.610 tỷ đồng, tăng 2,1% so với tháng "
    "trước. Số liệu chính thức tháng 10/2036: 5.497 tỷ đồng, cao hơn 38 tỷ đồng so với số ước "
    "tính.\n")


@pytest.mark.parametrize(("text", "value", "period"), [
    ("9 tháng năm 2036, GRDP ước tăng 7,15%, thấp hơn mức tăng 7,48% của cùng kỳ năm 2035.",
     "7,48%", "9 tháng năm 2035"),
    ("9 tháng năm 2036, IIP tăng 10,3%, cao hơn mức tăng 8,7% của cùng kỳ năm trước.",
     "8,7%", "9 tháng năm 2035"),
    ("Quý III/2036, tốc độ tăng trưởng GRDP đạt 6,2%, cao hơn mức 5,9% của cùng kỳ năm 2035.",
     "5,9%", "quý III/2035"),
    ("Năm 2036, chỉ số giá tiêu dùng tăng 3,2%, thấp hơn mức 3,6% năm trước.", "3,6%",
     "năm 2035"),
    ("Năm 2036, chỉ số giá tiêu dùng tăng 3,2%, thấp hơn mức 3,6% năm 2035.", "3,6%",
     "năm 2035"),
])
def test_the_compared_rate_is_of_the_same_period_of_its_year(text: str, value: str,
                                                             period: str) -> None:
    compared = frames_of(f"BÁO CÁO\n\n{text}")[value]
    assert compared.measure == "change" and compared.period is not None, compared
    assert compared.period.label == period


@pytest.fixture(scope="module")
def rates(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over(tmp_path_factory.mktemp("rates"), [
        {"id": "bc-2036", "title": "Báo cáo kinh tế - xã hội năm 2036", "date": "2036-12-20",
         "text": RATES}])


@pytest.mark.parametrize(("question", "expected"), [
    ("GRDP 9 tháng năm 2035 tăng bao nhiêu?", "7,48%"),
    ("IIP 9 tháng năm 2035 tăng bao nhiêu?", "8,7%"),
    ("chỉ số giá tiêu dùng năm 2035 tăng bao nhiêu?", "3,6%"),
    ("IIP 9 tháng năm 2036 cao hơn cùng kỳ năm trước bao nhiêu?", "10,3%"),
])
def test_the_compared_rate_answers_its_own_period(rates: RagService, question: str,
                                                  expected: str) -> None:
    answer = rates.ask(question, AskOptions(retrieval_mode="lexical"))
    assert answer.found and answer.answer == expected, (answer.answer, answer.summary)


@pytest.mark.parametrize(("question", "expected"), [
    ("tăng trưởng kinh tế năm 2036 cao hơn năm 2035 bao nhiêu?",
     "tăng 0,37 điểm phần trăm; năm 2035: 6,95%; năm 2036: 7,32%"),
    ("tăng trưởng kinh tế năm 2036 cao hơn năm 2035 bao nhiêu điểm phần trăm?",
     "tăng 0,37 điểm phần trăm; năm 2035: 6,95%; năm 2036: 7,32%"),
    ("tăng trưởng kinh tế năm 2036 chênh lệch bao nhiêu so với năm 2035?",
     "tăng 0,37 điểm phần trăm; năm 2035: 6,95%; năm 2036: 7,32%"),
    ("tăng trưởng kinh tế năm 2036 thấp hơn năm trước bao nhiêu?",
     "tăng 0,37 điểm phần trăm; năm 2035: 6,95%; năm 2036: 7,32%"),
    ("chỉ số giá tiêu dùng năm 2036 thấp hơn năm trước bao nhiêu điểm phần trăm?",
     "giảm 0,4 điểm phần trăm; năm 2035: 3,6%; năm 2036: 3,2%"),
])
def test_a_difference_of_rates_not_stated_gives_both(rates: RagService, question: str,
                                                     expected: str) -> None:
    # the difference computed from the two levels leads, then the levels (session 47)
    answer = rates.ask(question, AskOptions(retrieval_mode="lexical"))
    assert answer.found and answer.answer == expected, (answer.answer, answer.summary)
    assert answer.summary.startswith("Báo cáo không nêu") and answer.confidence < 0.9


def test_a_stated_difference_of_rates_answers(service: RagService) -> None:
    # "thấp hơn cùng kỳ năm trước 0,8 điểm phần trăm" is stated: it answers, no listing
    answer = service.ask("tỷ lệ hộ nghèo năm 2031 thấp hơn năm trước bao nhiêu điểm phần trăm?",
                         AskOptions(retrieval_mode="lexical"))
    assert answer.found and answer.answer == "0,8 điểm phần trăm", (answer.answer,
                                                                     answer.summary)


@pytest.mark.parametrize("question", [
    "tổng mức bán lẻ tháng 10/2036 tăng bao nhiêu so với tháng trước?",
    "tổng mức bán lẻ hàng hóa tháng 10/2036 tăng bao nhiêu so với cùng kỳ?",
])
def test_a_change_from_the_estimate_is_no_change_from_a_period(rates: RagService,
                                                               question: str) -> None:
    answer = rates.ask(question, AskOptions(retrieval_mode="lexical"))
    assert "38 tỷ đồng" not in answer.answer, (answer.answer, answer.summary)


def test_the_change_from_the_estimate_still_answers_when_asked(rates: RagService) -> None:
    answer = rates.ask("tổng mức bán lẻ tháng 10/2036 cao hơn số ước tính bao nhiêu?",
                       AskOptions(retrieval_mode="lexical"))
    assert answer.found and answer.answer == "38 tỷ đồng", (answer.answer, answer.summary)
