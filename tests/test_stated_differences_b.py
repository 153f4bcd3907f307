"""Stated differences, round B (issue 17, break-test bt5-b17 failures 1-4):

- "cao hơn tháng 5 là: 26 tỷ đồng" (":" after "là") and "thấp hơn cùng kỳ năm 2036 là 0,4
  điểm phần trăm" (the year named after "cùng kỳ") state a difference, not a level;
- a difference said from the earlier side and moved to the later period says the opposite
  word as well as the opposite sign ("thấp hơn" said of the earlier -> "cao hơn" of the later);
- a difference between two crop seasons answers "... vụ Đông Xuân 2037 tăng bao nhiêu so với
  vụ Đông Xuân 2036";
- "ít hơn / thấp hơn cùng kỳ bao nhiêu con?" asks the difference, a unit after "bao nhiêu".

Wordings, indicators, periods and numbers differ from the break-test's examples."""

from __future__ import annotations

import pytest
from conftest import service_over

from rag.records import AskOptions
from rag.service import RagService
from rag.vi.frames import extract

TEXT = (
    "Riêng tháng 6/2037, doanh thu bán lẻ hàng hóa đạt 2.310 tỷ đồng, cao hơn tháng 5 là: 26 "
    "tỷ đồng.\n\n"
    "Chỉ số sản xuất công nghiệp quý II/2037 tăng 6,8%, thấp hơn cùng kỳ năm 2036 là 0,4 điểm "
    "phần trăm.\n\n"
    "Tháng 6/2036, lượng điện thương phẩm chỉ đạt 118 triệu kWh, thấp hơn tháng 6/2037 là 14 "
    "triệu kWh.\n\n"
    "Quý II/2036, lượng khách lưu trú đạt 96.000 lượt, nhiều hơn quý II/2037 là 3.500 lượt.\n\n"
    "Vụ Đông Xuân 2037, toàn tỉnh trồng 9.400 ha ngô, năng suất ước đạt 44 tạ/ha, sản lượng "
    "ước đạt 41.300 tấn, ít hơn vụ Đông Xuân 2036 là 1.150 tấn. Vụ Mùa 2036, sản lượng ngô "
    "đạt 38.700 tấn.\n\n"
    "Đàn bò toàn tỉnh có 27.800 con, thấp hơn cùng kỳ là 640 con; đàn dê có 15.200 con, nhiều "
    "hơn cùng kỳ là 410 con.\n")
DOCS = [{"id": "bc-6-2037", "title": "Báo cáo kinh tế - xã hội tháng 6 và 6 tháng năm 2037",
         "date": "2037-07-04", "text": TEXT}]


def frames_of(text: str):  # noqa: ANN201
    return {f.value: f for f in extract(text, "bc", "2037-07-04")}


@pytest.mark.parametrize(("value", "direction", "comparison", "period"), [
    ("26 tỷ đồng", 1, "tháng 5", "tháng 6/2037"),
    ("0,4 điểm phần trăm", -1, "cùng kỳ năm 2036", "quý II/2037"),
])
def test_colon_after_la_and_a_named_year_after_cung_ky_state_a_difference(
        value: str, direction: int, comparison: str, period: str) -> None:
    f = frames_of(TEXT)[value]
    assert (f.measure, f.direction, f.comparison) == ("change", direction, comparison), f
    assert f.period is not None and f.period.label == period, f


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over(tmp_path_factory.mktemp("differences_b"), DOCS)


def ask(service: RagService, question: str):  # noqa: ANN201
    return service.ask(question, AskOptions(retrieval_mode="lexical"))


@pytest.mark.parametrize(("question", "expected"), [
    ("doanh thu bán lẻ hàng hóa tháng 6/2037 cao hơn tháng 5 bao nhiêu?", "26 tỷ đồng"),
    ("doanh thu bán lẻ hàng hóa tháng 6/2037 tăng bao nhiêu so với tháng 5?", "26 tỷ đồng"),
    ("chỉ số sản xuất công nghiệp quý II/2037 thấp hơn cùng kỳ bao nhiêu điểm phần trăm?",
     "0,4 điểm phần trăm"),
    ("sản lượng ngô vụ Đông Xuân 2037 giảm bao nhiêu so với vụ Đông Xuân 2036?", "1.150 tấn"),
    ("sản lượng ngô vụ Đông Xuân 2037 ít hơn vụ Đông Xuân 2036 bao nhiêu?", "1.150 tấn"),
    ("sản lượng ngô vụ Đông Xuân 2037 thấp hơn vụ Đông Xuân 2036 bao nhiêu tấn?", "1.150 tấn"),
    ("đàn bò thấp hơn cùng kỳ bao nhiêu con?", "640 con"),
    ("đàn bò ít hơn cùng kỳ bao nhiêu?", "640 con"),
    ("đàn dê nhiều hơn cùng kỳ bao nhiêu con?", "410 con"),
    # the levels stay the levels
    ("doanh thu bán lẻ hàng hóa tháng 6/2037", "2.310 tỷ đồng"),
    ("đàn bò có bao nhiêu con?", "27.800 con"),
    ("sản lượng ngô vụ Đông Xuân 2037", "41.300 tấn"),
])
def test_the_stated_difference_answers(service: RagService, question: str,
                                       expected: str) -> None:
    answer = ask(service, question)
    assert answer.found and answer.answer == expected, (answer.answer, answer.summary)


@pytest.mark.parametrize(("question", "expected", "said", "not_said"), [
    # "thấp hơn tháng 6/2037" said of June 2036: June 2037 is higher
    ("lượng điện thương phẩm tháng 6/2037 cao hơn cùng kỳ bao nhiêu?", "14 triệu kWh",
     ("cao hơn", "tăng"), ("thấp hơn", "giảm")),
    ("lượng điện thương phẩm tháng 6/2037 tăng bao nhiêu so với tháng 6/2036?", "14 triệu kWh",
     ("cao hơn", "tăng"), ("thấp hơn", "giảm")),
    # "nhiều hơn quý II/2037" said of quý II/2036: quý II/2037 is lower
    ("lượng khách lưu trú quý II/2037 giảm bao nhiêu so với cùng kỳ?", "3.500 lượt",
     ("ít hơn", "giảm", "thấp hơn"), ("nhiều hơn", "tăng", "cao hơn")),
])
def test_a_flipped_difference_says_the_opposite_words(
        service: RagService, question: str, expected: str, said: tuple[str, ...],
        not_said: tuple[str, ...]) -> None:
    answer = ask(service, question)
    assert answer.found and answer.answer == expected, (answer.answer, answer.summary)
    summary = answer.summary or ""
    assert any(w in summary for w in said), summary
    assert not any(w in summary for w in not_said), summary
