"""Absolute differences stated against "cùng kỳ" right before the value (issue 17, break-tests
bt11-b17 failure 1 and bt12-b17 failure 2):

- "cao hơn / thấp hơn / nhiều hơn / ít hơn (so với) cùng kỳ N <unit>" -- after a % change in
  the same clause, or in a sentence of its own whose subject is carried -- is the change of
  the indicator in its unit against the same period a year earlier (a fall for thấp/ít hơn),
  not dropped as "kỳ N" (an ordinal) nor "cùng thời điểm N" ("điểm N");
- "giảm N hộ so với cùng kỳ": the unit "hộ" then "so với", not "hồ sơ" (folded "ho so").

Indicators, units, periods, wordings and numbers differ from the break-tests' examples."""

from __future__ import annotations

import pytest
from conftest import service_over

from rag.records import AskOptions
from rag.service import RagService
from rag.vi.frames import extract
from rag.vi.numbers import find_values

TEXT = (
    "Tổng thu ngân sách nhà nước trên địa bàn 6 tháng năm 2038 ước đạt 2.740 tỷ đồng, tăng "
    "11,2% so với cùng kỳ năm 2037, cao hơn cùng kỳ 276 tỷ đồng.\n\n"
    "Sản lượng điện thương phẩm quý II/2038 đạt 312 triệu kWh, giảm 2,4%, thấp hơn so với "
    "cùng kỳ 8 triệu kWh.\n\n"
    "Doanh thu lữ hành 6 tháng năm 2038 đạt 640 tỷ đồng, giảm 3,1% so với cùng kỳ năm "
    "trước, ít hơn cùng kỳ 20 tỷ đồng.\n\n"
    "Trong 6 tháng, nhập khẩu qua cửa khẩu Pò Nhùng cao hơn cùng kỳ 94 triệu USD.\n\n"
    "Số hộ nghèo cuối tháng 6/2038 còn 4.120 hộ, giảm 610 hộ so với cùng kỳ.\n\n"
    "Đàn trâu toàn tỉnh tháng 6/2038 có 96 nghìn con, tăng 1,5%, nhiều hơn cùng thời điểm "
    "1.420 con.\n")
DOCS = [{"id": "bc-6-2038", "title": "Báo cáo kinh tế - xã hội 6 tháng năm 2038",
         "date": "2038-07-04", "text": TEXT}]


def frames_of(text: str):  # noqa: ANN201
    return {f.value: f for f in extract(text, "bc", "2038-07-04")}


@pytest.mark.parametrize(("value", "direction", "period"), [
    ("276 tỷ đồng", 1, "6 tháng đầu năm 2038"),
    ("8 triệu kWh", -1, "quý II/2038"),
    ("20 tỷ đồng", -1, "6 tháng đầu năm 2038"),
    ("94 triệu USD", 1, "6 tháng đầu năm 2038"),
    ("giảm 610 hộ", -1, "cuối tháng 6/2038"),
    ("1.420 con", 1, "tháng 6/2038"),
])
def test_a_difference_after_cung_ky_is_a_change(value: str, direction: int,
                                                period: str) -> None:
    f = frames_of(TEXT)[value]
    assert (f.measure, f.direction) == ("change", direction), f
    assert f.comparison is not None and f.comparison.startswith("cùng"), f
    assert f.period is not None and f.period.label == period, f


def test_a_difference_of_its_own_sentence_takes_the_subject_said() -> None:
    f = frames_of(TEXT)["94 triệu USD"]
    assert "nhập khẩu" in f.indicator, f


@pytest.mark.parametrize(("text", "number"), [
    ("lượng khách cao hơn cùng kỳ 3.216 lượt", 3216.0),
    ("ít hơn cùng thời điểm 40 hộ", 40.0),
])
def test_the_number_after_cung_ky_is_a_value(text: str, number: float) -> None:
    assert [v.low for v in find_values(text)] == [number]


def test_a_count_noun_before_so_voi_is_no_ho_so() -> None:
    v = find_values("tăng 310 hộ so với năm trước")[0]
    assert v.unit == "hộ"
    assert find_values("đã giải quyết 1.200 hồ sơ")[0].unit == "hồ sơ"
    assert find_values("da giai quyet 1.200 ho so")[0].unit == "ho so"  # typed plain


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over(tmp_path_factory.mktemp("differences_vb"), DOCS)


@pytest.mark.parametrize(("question", "expected"), [
    ("tổng thu ngân sách 6 tháng năm 2038 cao hơn cùng kỳ bao nhiêu tỷ đồng?", "276 tỷ đồng"),
    ("tổng thu ngân sách 6 tháng năm 2038 tăng bao nhiêu tỷ đồng so với cùng kỳ?",
     "276 tỷ đồng"),
    ("sản lượng điện thương phẩm quý II/2038 thấp hơn cùng kỳ bao nhiêu?", "8 triệu kWh"),
    ("doanh thu lữ hành 6 tháng năm 2038 giảm bao nhiêu tỷ đồng so với cùng kỳ?",
     "20 tỷ đồng"),
    ("nhập khẩu qua cửa khẩu 6 tháng năm 2038 cao hơn cùng kỳ bao nhiêu triệu USD?",
     "94 triệu USD"),
    ("số hộ nghèo tháng 6/2038 giảm bao nhiêu hộ so với cùng kỳ?", "610 hộ"),
    # the % change and the level still answer their own questions
    ("tổng thu ngân sách 6 tháng năm 2038 tăng bao nhiêu phần trăm?", "11,2%"),
    ("tổng thu ngân sách 6 tháng năm 2038 là bao nhiêu?", "2.740 tỷ đồng"),
    ("doanh thu lữ hành 6 tháng năm 2038", "640 tỷ đồng"),
])
def test_the_stated_difference_answers(service: RagService, question: str,
                                       expected: str) -> None:
    answer = service.ask(question, AskOptions(retrieval_mode="lexical"))
    assert answer.found and expected in (answer.answer or ""), (answer.answer, answer.summary)
