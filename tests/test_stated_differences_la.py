"""Differences a report states with "là" or ":" before the value, and revisions against an
estimate (issue 17, break-test b17 failures 1 and 3):

- "cao hơn / thấp hơn / nhiều hơn / ít hơn <period> là|: N" and "tăng / giảm so với <period>
  là|: N" state a difference against that period (a change: absolute, or percentage points
  for "điểm phần trăm"), not a level of the sentence's indicator and period;
- asked with a comparative ("... thấp hơn tháng 6 bao nhiêu?"), a difference stated with the
  same comparative against that base is the answer, not the change of the same sentence;
- "cao hơn N so với số ước tính" is a revision of an estimate: a growth question never takes
  it; only a question naming the estimate does.

Wordings, indicators, periods and numbers differ from the break-test's examples."""

from __future__ import annotations

import pytest
from conftest import service_over

from rag.records import AskOptions
from rag.service import RagService
from rag.vi.frames import extract

LA = (
    "Riêng quý II/2035, doanh thu du lịch đạt 1.240 tỷ đồng, cao hơn quý I là 156 tỷ đồng.\n\n"
    "Chỉ số giá tiêu dùng tháng 7/2035 tăng 0,41% so với tháng trước, thấp hơn tháng 6 là "
    "0,22 điểm phần trăm.\n\n"
    "Số doanh nghiệp thành lập mới năm 2035 là 512 doanh nghiệp, nhiều hơn năm 2034 là 64 "
    "doanh nghiệp.\n\n"
    "Chi ngân sách địa phương năm 2035 ước đạt 14.380 tỷ đồng, đạt 102% dự toán; ít hơn năm "
    "2034: 310 tỷ đồng.\n\n"
    "Sản lượng xi măng tháng 7/2035 đạt 96 nghìn tấn, giảm so với tháng 6 là 7 nghìn tấn.\n\n"
    "Giá trị xuất khẩu nông sản tháng 7/2035 đạt 61 triệu USD, tăng 4,1% so với cùng kỳ.\n")
ESTIMATE = (
    "Doanh thu vận tải, kho bãi tháng 8/2035 ước đạt 530 tỷ đồng; số liệu chính thức tháng "
    "7/2035 đạt 518 tỷ đồng, cao hơn 12 tỷ đồng so với số ước. Tính chung 8 tháng năm 2035, "
    "doanh thu vận tải, kho bãi ước đạt 4.090 tỷ đồng, tăng 8,6% so với cùng kỳ.\n")
DOCS = [{"id": "bc-7-2035", "title": "Báo cáo kinh tế - xã hội tháng 7 năm 2035",
         "date": "2035-08-05", "text": LA + "\n" + ESTIMATE}]


def frames_of(text: str):  # noqa: ANN201
    return {f.value: f for f in extract(text, "bc", "2035-08-05")}


@pytest.mark.parametrize(("value", "direction", "comparison", "period"), [
    ("156 tỷ đồng", 1, "quý I", "quý II/2035"),
    ("0,22 điểm phần trăm", -1, "tháng 6", "tháng 7/2035"),
    ("64 doanh nghiệp", 1, "năm 2034", "năm 2035"),
    ("310 tỷ đồng", -1, "năm 2034", "năm 2035"),
    ("7 nghìn tấn", -1, "tháng 6", "tháng 7/2035"),
])
def test_a_difference_after_la_is_a_change_against_the_period(
        value: str, direction: int, comparison: str, period: str) -> None:
    f = frames_of(LA)[value]
    assert (f.measure, f.direction, f.comparison) == ("change", direction, comparison), f
    assert f.period is not None and f.period.label == period


@pytest.mark.parametrize("value", ["1.240 tỷ đồng", "512 doanh nghiệp", "14.380 tỷ đồng",
                                   "96 nghìn tấn"])
def test_the_level_before_stays_a_level(value: str) -> None:
    assert frames_of(LA)[value].measure == "level"


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over(tmp_path_factory.mktemp("differences_la"), DOCS)


@pytest.mark.parametrize(("question", "expected"), [
    ("doanh thu du lịch quý II/2035 cao hơn quý I bao nhiêu?", "156 tỷ đồng"),
    ("doanh thu du lịch quý II/2035 tăng bao nhiêu so với quý I?", "156 tỷ đồng"),
    ("chỉ số giá tiêu dùng tháng 7/2035 thấp hơn tháng 6 bao nhiêu?", "0,22 điểm phần trăm"),
    ("chi ngân sách địa phương năm 2035 ít hơn năm 2034 bao nhiêu?", "310 tỷ đồng"),
    ("sản lượng xi măng tháng 7/2035 giảm bao nhiêu so với tháng 6?", "7 nghìn tấn"),
    ("chỉ số giá tiêu dùng tháng 7/2035 tăng bao nhiêu so với tháng trước?", "0,41%"),
    # plain level questions still take the level
    ("doanh thu du lịch quý II/2035", "1.240 tỷ đồng"),
    ("chi ngân sách địa phương năm 2035", "14.380 tỷ đồng"),
    ("sản lượng xi măng tháng 7/2035", "96 nghìn tấn"),
    # the revision is asked only by naming the estimate
    ("doanh thu vận tải tháng 7/2035 cao hơn số ước bao nhiêu?", "12 tỷ đồng"),
])
def test_the_stated_difference_answers(service: RagService, question: str,
                                       expected: str) -> None:
    answer = service.ask(question, AskOptions(retrieval_mode="lexical"))
    assert answer.found and answer.answer == expected, (answer.answer, answer.summary)


@pytest.mark.parametrize("question", [
    "tăng trưởng doanh thu vận tải tháng 7/2035",
    "tăng trưởng doanh thu vận tải 7 tháng năm 2035",
    "doanh thu vận tải 7 tháng năm 2035 tăng bao nhiêu % so với cùng kỳ?",
])
def test_a_revision_of_an_estimate_answers_no_growth(service: RagService,
                                                     question: str) -> None:
    answer = service.ask(question, AskOptions(retrieval_mode="lexical"))
    # the passage may come back as a sentence; the figure served must not be the revision
    assert answer.answer != "12 tỷ đồng", (answer.answer, answer.summary)
    assert "12 tỷ đồng" not in (answer.summary or ""), (answer.answer, answer.summary)


# a difference said from the earlier side ("Tháng 6/2036, ... đạt 48.200 lượt, ít hơn tháng
# 6/2037 là 5.300 lượt"): the later period's change against the earlier, its sign flipped
# (break-test b17 failure 2)
EARLIER_SIDE = (
    "Tháng 6/2036, lượng khách du lịch nội địa đạt 48.200 lượt, ít hơn tháng 6/2037 là 5.300 "
    "lượt.\n\n"
    "Quý II/2036, sản lượng gạch nung đạt 31 triệu viên, cao hơn quý II/2037 là 4 triệu viên."
    "\n")


@pytest.mark.parametrize(("value", "direction", "period", "comparison"), [
    ("5.300 lượt", 1, "tháng 6/2037", "tháng 6/2036"),
    ("4 triệu viên", -1, "quý II/2037", "quý II/2036"),
])
def test_a_difference_said_from_the_earlier_side_is_the_later_change(
        value: str, direction: int, period: str, comparison: str) -> None:
    f = {f.value: f for f in extract(EARLIER_SIDE, "bc", "2037-07-05")}[value]
    assert f.period is not None and f.period.label == period, f
    assert (f.measure, f.direction, f.comparison) == ("change", direction, comparison), f


@pytest.fixture(scope="module")
def earlier(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over(tmp_path_factory.mktemp("earlier_side"), [
        {"id": "dl-6-2037", "title": "Tình hình du lịch, sản xuất tháng 6/2037",
         "date": "2037-07-05", "text": EARLIER_SIDE}])


@pytest.mark.parametrize(("question", "expected"), [
    ("lượng khách du lịch nội địa tháng 6/2037 cao hơn cùng kỳ bao nhiêu?", "5.300 lượt"),
    ("lượng khách du lịch nội địa tháng 6/2037 tăng bao nhiêu so với cùng kỳ?", "5.300 lượt"),
    ("sản lượng gạch nung quý II/2037 giảm bao nhiêu so với cùng kỳ?", "4 triệu viên"),
    ("lượng khách du lịch nội địa tháng 6/2036", "48.200 lượt"),
])
def test_the_earlier_side_answers_the_later_period(earlier: RagService, question: str,
                                                   expected: str) -> None:
    answer = earlier.ask(question, AskOptions(retrieval_mode="lexical"))
    assert answer.found and answer.answer == expected, (answer.answer, answer.summary)
