"""A percentage after a count of a total is the share that count is of its total, no share of a
plan (issue 17 K15): "156/200 xã có chợ, đạt 78%" says 78% of the communes -- neither "đạt 78%
kế hoạch" nor a level that "bao nhiêu xã có chợ" could take; "doanh thu 3.177 tỷ đồng (đạt
73,8%, ...)" after a level stays the share of the plan it has always been read as."""

from __future__ import annotations

import pytest
from conftest import service_over_files

from rag.records import AskOptions
from rag.service import RagService
from rag.vi.frames import extract
from rag.vi.frames.sentence import ratio_percent


@pytest.mark.parametrize(("sentence", "percent", "measure"), [
    ("Toàn tỉnh có 156/200 xã có chợ, đạt 78%.", "78%", "share"),
    ("Đã có 43/50 hợp tác xã chuyển đổi, đạt 86%.", "86%", "share"),
    ("Có 312/400 hộ kinh doanh dùng hóa đơn điện tử, đạt 78%.", "78%", "share"),
    ("Doanh thu đạt 3.177 tỷ đồng (đạt 73,8%, tăng 5%).", "73,8%", "plan_share"),
    ("Toàn tỉnh có 45/60 xã đạt chuẩn, đạt 98% kế hoạch.", "98%", "plan_share"),
])
def test_the_percentage_after_a_count_of_a_total(sentence: str, percent: str,
                                                  measure: str) -> None:
    frames = {f.value: f for f in extract(sentence, "", None)}
    assert frames[percent].measure == measure
    assert (frames[percent].comparison == "kế hoạch") is (measure == "plan_share")


def test_ratio_percent() -> None:
    assert ratio_percent("156/200 xã", 78)
    assert ratio_percent("1.130/1.250 hộ", 90.4)
    assert not ratio_percent("156/200 xã", 95)
    assert not ratio_percent("3.177 tỷ đồng", 73.8)
    assert not ratio_percent("5/0 xã", 0)


DOCS = {"ha-tang-2026.txt": (
    "Hạ tầng thương mại năm 2026\n(20/12/2026)\n\n"
    "Năm 2026, toàn tỉnh có 156/200 xã có chợ, đạt 78%.\n")}


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over_files(tmp_path_factory.mktemp("fraction"), DOCS)


def ask(service: RagService, question: str):  # noqa: ANN201
    return service.ask(question, AskOptions(retrieval_mode="lexical"))


def test_no_plan_share_is_given(service: RagService) -> None:
    answer = ask(service, "số xã có chợ năm 2026 đạt bao nhiêu % kế hoạch?")
    assert not answer.found or "kế hoạch" not in (answer.summary or ""), answer.summary
    answer = ask(service, "tỷ lệ xã có chợ năm 2026")
    assert answer.found and "78%" in answer.answer, answer.answer
    assert "kế hoạch" not in (answer.summary or ""), answer.summary


@pytest.mark.parametrize("question", ["bao nhiêu xã có chợ?", "có bao nhiêu xã có chợ năm 2026"])
def test_the_count_answers_how_many(service: RagService, question: str) -> None:
    answer = ask(service, question)
    assert answer.found and answer.answer.startswith("156/200"), answer.answer
    assert "kế hoạch" not in (answer.summary or ""), answer.summary
