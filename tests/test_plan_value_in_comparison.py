"""The value written right after a plan's words inside a comparison is the plan's own, not a
change (issue 17, bt16-b17 Q35: "thấp hơn mục tiêu 60% từ 5 đến 8 điểm phần trăm" answered
"giảm 60% so với mục tiêu"):

- "thấp hơn chỉ tiêu 95% là 3,8 điểm phần trăm", "cao hơn kế hoạch 1.250 triệu kWh 70 triệu
  kWh", "vượt dự toán 2.400 tỷ đồng là 115 tỷ đồng": the first value is a target of the figure
  before (a level, same indicator and period), the second the difference from that plan;
- a difference with no plan value ("thấp hơn chỉ tiêu của tỉnh 1,7 điểm phần trăm") and a
  plan share after "vượt" ("vượt kế hoạch 8,5%, tăng 6% ...") keep their reading;
- "mục tiêu ... là bao nhiêu" answers the plan's value, "thấp hơn chỉ tiêu bao nhiêu" the
  difference, and the level's answer never calls the plan a change."""

from __future__ import annotations

import pytest
from conftest import service_over

from rag.records import AskOptions
from rag.service import RagService
from rag.vi.frames import extract

TEXT = (
    "BÁO CÁO\nTình hình thực hiện nhiệm vụ 9 tháng năm 2064\n\n"
    "Tỷ lệ hộ dân nông thôn sử dụng nước sạch quý III/2064 đạt 91,2%, thấp hơn chỉ tiêu 95% là "
    "3,8 điểm phần trăm.\n\n"
    "Sản lượng điện sản xuất quý III/2064 đạt 1.320 triệu kWh, cao hơn kế hoạch 1.250 triệu "
    "kWh 70 triệu kWh.\n\n"
    "Thu ngân sách nhà nước 9 tháng năm 2064 đạt 2.515 tỷ đồng, vượt dự toán 2.400 tỷ đồng là "
    "115 tỷ đồng.\n\n"
    "Tỷ lệ lao động qua đào tạo 9 tháng năm 2064 ước khoảng 68 - 70%, thấp hơn mục tiêu đề ra "
    "74% từ 4 đến 6 điểm phần trăm.\n\n"
    "Tỷ lệ che phủ rừng năm 2063 đạt 47,3%, thấp hơn chỉ tiêu của tỉnh 1,7 điểm phần trăm.\n\n"
    "Tỷ lệ xã đạt chuẩn nông thôn mới năm 2063 đạt 72%, vượt kế hoạch 8,5%, tăng 6% so với năm "
    "trước.\n")
DOCS = [{"id": "bc-9t-2064", "title": "Báo cáo tình hình thực hiện nhiệm vụ 9 tháng năm 2064",
         "date": "2064-10-05", "text": TEXT}]


def frames_of(text: str):  # noqa: ANN201
    return {f.value: f for f in extract(text, "bc", "2064-10-05")}


@pytest.mark.parametrize(("plan", "difference", "indicator", "direction", "comparison"), [
    ("95%", "3,8 điểm phần trăm", "Tỷ lệ hộ dân nông thôn sử dụng nước sạch", -1, "chỉ tiêu"),
    ("1.250 triệu kWh", "70 triệu kWh", "Sản lượng điện sản xuất", 1, "kế hoạch"),
    ("2.400 tỷ đồng", "115 tỷ đồng", "Thu ngân sách nhà nước", 1, "dự toán"),
    ("74%", "4–6 điểm phần trăm", "Tỷ lệ lao động qua đào tạo", -1, "mục tiêu đề ra"),
])
def test_the_plan_value_is_a_target_and_the_next_value_the_difference(
        plan: str, difference: str, indicator: str, direction: int, comparison: str) -> None:
    frames = frames_of(TEXT)
    target, change = frames[plan], frames[difference]
    assert (target.measure, target.target, target.indicator, target.comparison) == (
        "level", True, indicator, None), target
    assert (change.measure, change.target, change.indicator, change.direction) == (
        "change", False, indicator, direction), change
    assert change.comparison is not None and change.comparison.startswith(comparison), change
    assert target.period == change.period is not None


def test_a_difference_without_a_plan_value_and_a_plan_share_keep_their_reading() -> None:
    frames = frames_of(TEXT)
    alone = frames["1,7 điểm phần trăm"]
    assert (alone.measure, alone.direction, alone.target) == ("change", -1, False), alone
    assert frames["8,5%"].measure == "plan_share"
    assert frames["6%"].measure == "change" and not frames["6%"].target


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over(tmp_path_factory.mktemp("plan_value"), DOCS)


@pytest.mark.parametrize(("question", "expected"), [
    ("chỉ tiêu tỷ lệ hộ dân nông thôn sử dụng nước sạch quý III/2064 là bao nhiêu?", "95%"),
    ("tỷ lệ hộ dân nông thôn sử dụng nước sạch quý III/2064 thấp hơn chỉ tiêu bao nhiêu?",
     "3,8 điểm phần trăm"),
    ("kế hoạch sản lượng điện sản xuất quý III/2064 là bao nhiêu?", "1.250 triệu kWh"),
    ("sản lượng điện sản xuất quý III/2064 cao hơn kế hoạch bao nhiêu?", "70 triệu kWh"),
])
def test_the_plan_and_the_difference_answer(service: RagService, question: str,
                                            expected: str) -> None:
    answer = service.ask(question, AskOptions(retrieval_mode="lexical"))
    assert answer.found and answer.answer == expected, (answer.answer, answer.summary)


@pytest.mark.parametrize(("question", "level", "plan"), [
    ("tỷ lệ hộ dân nông thôn sử dụng nước sạch quý III/2064?", "91,2%", "95%"),
    ("tỷ lệ lao động qua đào tạo 9 tháng năm 2064?", "68 - 70%", "74%"),
])
def test_the_level_never_calls_the_plan_a_change(service: RagService, question: str,
                                                 level: str, plan: str) -> None:
    answer = service.ask(question, AskOptions(retrieval_mode="lexical"))
    assert answer.found and level in (answer.answer or ""), (answer.answer, answer.summary)
    said = answer.summary or ""
    assert f"giảm {plan}" not in said and f"tăng {plan}" not in said, said
