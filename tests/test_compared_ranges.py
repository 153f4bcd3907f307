"""A change asked against a base written as a range (session 53, brief xq53 item 1; the kind of
XQuAD-vi dev's "... cao hơn bao nhiêu so với năm 1995 đến năm 2000?"):

"so với năm A đến năm B", "so với giai đoạn A-B", "so với thời kỳ A – B", "so với từ năm A
tới năm B", "so với quý I đến quý II/Y", "so với tháng 1 đến tháng 3/Y" name ONE base, the
whole span.  Before, only its first words were the base and its end ("đến năm 2035", "đến quý
II/2036") was read as a period asked as well: the question asked two periods, the second
listed missing or refused ("Không tìm thấy ... cho quý I"), or the base was its start alone
(rag.vi.asked.question_mentions, _compared_ranges, _without_compared;
rag.answer.question.read_question).

Documents, indicators, years and wordings are our own, not XQuAD's."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import service_over_files

from rag.answer.question import read_question
from rag.records import AskOptions
from rag.search.query import analyze
from rag.service import RagService
from rag.vi.asked import question_periods

DOCS: dict[str, str | bytes] = {
    "rung_2040.txt": (
        "Báo cáo tình hình phát triển rừng tỉnh Lạng Sơn giai đoạn 2031-2040\n\n"
        "Diện tích rừng trồng mới bình quân mỗi năm giai đoạn 2036-2040 đạt 12.450 ha, cao hơn "
        "14% so với giai đoạn 2031-2035 (10.920 ha mỗi năm). Tỷ lệ che phủ rừng năm 2040 đạt "
        "65,2%.\n\n"
        "Sản lượng gỗ khai thác từ năm 2036 đến năm 2040 đạt 1,82 triệu m3, tăng 0,35 triệu "
        "m3 so với thời kỳ trước đó. Số cơ sở chế biến gỗ năm 2040 là 214 cơ sở.\n"),
    "xnk_2036.txt": (
        "Báo cáo tình hình xuất nhập khẩu qua địa bàn tỉnh 9 tháng năm 2036\n\n"
        "Kim ngạch xuất khẩu quý II/2036 đạt 318,6 triệu USD, cao hơn 41,2 triệu USD so với "
        "quý I/2036. Kim ngạch nhập khẩu quý II/2036 đạt 205,4 triệu USD.\n\n"
        "Số doanh nghiệp tham gia xuất khẩu quý III/2036 là 146 doanh nghiệp, nhiều hơn 18 "
        "doanh nghiệp so với 6 tháng đầu năm 2036.\n"),
}


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over_files(tmp_path_factory.mktemp("compared_ranges"), DOCS)


def _ask(service: RagService, question: str):  # noqa: ANN202
    return service.ask(question, AskOptions(retrieval_mode="lexical", today=date(2040, 12, 20)))


def _spans(periods) -> list[tuple[str, str]]:  # noqa: ANN001
    return [(p.start.isoformat(), p.end.isoformat()) for p in periods]


@pytest.mark.parametrize(("question", "asked", "base"), [
    ("Tốc độ tăng năm 2041 đến năm 2045 cao hơn bao nhiêu so với năm 2036 đến năm 2040?",
     [("2041-01-01", "2045-12-31")], [("2036-01-01", "2040-12-31")]),
    ("Sản lượng giai đoạn 2036-2040 cao hơn bao nhiêu so với giai đoạn 2031-2035?",
     [("2036-01-01", "2040-12-31")], [("2031-01-01", "2035-12-31")]),
    ("Sản lượng năm 2040 cao hơn bao nhiêu so với năm 2031 tới năm 2035?",
     [("2040-01-01", "2040-12-31")], [("2031-01-01", "2035-12-31")]),
    ("Sản lượng năm 2040 tăng bao nhiêu so với giai đoạn từ 2031 đến 2035?",
     [("2040-01-01", "2040-12-31")], [("2031-01-01", "2035-12-31")]),
    ("Sản lượng năm 2040 tăng bao nhiêu so với thời kỳ 2031 – 2035?",
     [("2040-01-01", "2040-12-31")], [("2031-01-01", "2035-12-31")]),
    ("Số doanh nghiệp quý III/2036 nhiều hơn bao nhiêu so với quý I đến quý II/2036?",
     [("2036-07-01", "2036-09-30")], [("2036-01-01", "2036-06-30")]),
    ("Kim ngạch quý II/2036 cao hơn bao nhiêu so với tháng 1 đến tháng 3/2036?",
     [("2036-04-01", "2036-06-30")], [("2036-01-01", "2036-03-31")]),
])
def test_a_base_range_is_one_base_and_no_period_asked(question: str, asked: list, base: list
                                                      ) -> None:
    got = question_periods(question, date(2040, 12, 20))
    assert _spans(got.periods) == asked, _spans(got.periods)
    assert _spans(got.compared) == base, _spans(got.compared)


def test_the_base_ranges_start_is_not_the_base() -> None:
    asked = read_question(analyze("Số doanh nghiệp quý III/2036 nhiều hơn bao nhiêu so với "
                                  "quý I đến quý II/2036?"), date(2040, 12, 20))
    assert asked.measure == "change" and asked.comparison != "quy i", asked


@pytest.mark.parametrize("question", [
    "Diện tích rừng trồng mới giai đoạn 2036-2040 cao hơn bao nhiêu so với giai đoạn "
    "2031-2035?",
    "Diện tích rừng trồng mới giai đoạn 2036 - 2040 cao hơn bao nhiêu so với từ năm 2031 tới "
    "năm 2035?",
    "Diện tích rừng trồng mới giai đoạn 2036-2040 cao hơn bao nhiêu so với năm 2031 đến năm "
    "2035?",
])
def test_the_change_against_a_span_of_years(service: RagService, question: str) -> None:
    a = _ask(service, question)
    assert a.found and a.answer == "14%" and not a.missing, (a.answer, a.missing)


def test_the_change_against_quarters_written_as_a_range(service: RagService) -> None:
    # refused on main ("... cho quý I"); answered as "so với 6 tháng đầu năm 2036" is
    a = _ask(service, "Số doanh nghiệp tham gia xuất khẩu quý III/2036 nhiều hơn bao nhiêu so "
                      "với quý I đến quý II/2036?")
    assert a.found and "18 doanh nghiệp" in a.answer, (a.answer, a.missing)


@pytest.mark.parametrize("question", [
    "Kim ngạch xuất khẩu quý II/2036 cao hơn bao nhiêu so với tháng 1 đến tháng 3/2036?",
    "Kim ngạch xuất khẩu quý II/2036 cao hơn bao nhiêu so với quý I/2036?",
])
def test_a_base_of_the_same_days_still_answers(service: RagService, question: str) -> None:
    a = _ask(service, question)
    assert a.found and a.answer == "41,2 triệu USD", (a.answer, a.confidence)
