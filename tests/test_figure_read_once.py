"""A refused figure question is read once: the branches of Answerer.answer after
answer_figure's refusal reuse what it read (rag.answer.answerer.FigureRead) -- the change it
looked up for a level asked of a written change, the question's periods for a rank asked of
another period -- instead of reading the question and choosing frames again (code review,
session 34).  And choose's two readings of an average asked are one
(rag.answer.figures.average_asked).  The answers themselves are those of before."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from conftest import service_over_files

import rag.answer.answerer as answerer_module
from rag.answer.answerer import Answerer
from rag.answer.figures import average_asked
from rag.service import RagService

_REPORT = (
    "BÁO CÁO TÌNH HÌNH KINH TẾ - XÃ HỘI THÁNG 7 VÀ 7 THÁNG NĂM 2073\n\n"
    "Doanh thu dịch vụ lưu trú, ăn uống tháng 7 tăng 12,8% so với cùng kỳ năm trước.\n"
    "Sản lượng điện thương phẩm tháng 7/2073 đạt 118 triệu kWh.\n"
    "Chỉ số cải cách hành chính (PAR Index) năm 2072 của tỉnh đạt 84,6 điểm, xếp thứ 29/63 "
    "tỉnh, thành phố.\n")


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over_files(tmp_path_factory.mktemp("read-once"),
                              {"ktxh-7t-2073.txt": _REPORT})


class _Calls:
    """Counts the calls of some functions while a question is answered."""

    def __init__(self) -> None:
        self.n: dict[str, int] = {}

    def wrap(self, name: str, fn: Callable[..., Any]) -> Callable[..., Any]:
        def counted(*args: Any, **kwargs: Any) -> Any:
            self.n[name] = self.n.get(name, 0) + 1
            return fn(*args, **kwargs)
        return counted


@pytest.fixture
def calls(monkeypatch: pytest.MonkeyPatch) -> Iterator[_Calls]:
    c = _Calls()
    for name in ("answer", "change_only", "asked_of", "figure_candidates"):
        monkeypatch.setattr(Answerer, name, c.wrap(name, getattr(Answerer, name)))
    monkeypatch.setattr(answerer_module, "read_question",
                        c.wrap("read_question", answerer_module.read_question))
    yield c


@pytest.mark.parametrize("question", [
    "doanh thu lưu trú, ăn uống tháng 7/2073 đạt bao nhiêu?",
    "doanh thu dịch vụ lưu trú, ăn uống tháng 7 năm 2073 là bao nhiêu",
])
def test_the_change_looked_up_for_a_refusal_is_looked_up_once(
        service: RagService, calls: _Calls, question: str) -> None:
    answer = service.ask(question)
    assert not answer.found and "12,8%" in answer.answer, answer
    answers = calls.n["answer"]  # the service may answer a question more than once
    assert calls.n.get("change_only") == answers, calls.n
    assert calls.n.get("asked_of") == answers, calls.n


@pytest.mark.parametrize("question", [
    "chỉ số PAR Index năm 2073 xếp thứ mấy?",
    "PAR Index của tỉnh năm 2073 đứng thứ bao nhiêu cả nước",
])
def test_a_rank_refused_for_its_period_reads_the_question_once(
        service: RagService, calls: _Calls, question: str) -> None:
    answer = service.ask(question)
    assert not answer.found and "29/63" not in answer.answer, answer
    answers = calls.n["answer"]
    assert calls.n.get("read_question") == answers, calls.n
    assert calls.n.get("asked_of") == answers, calls.n


@pytest.mark.parametrize(("question", "average"), [
    ("trung bình mỗi tuần cấp bao nhiêu giấy phép", "span"),
    ("mỗi quý bình quân thu hút bao nhiêu khách", "span"),
    ("Bình Quân Một Ngày có bao nhiêu lượt xe", "span"),
    ("thu nhập bình quân đầu người năm 2073", "average"),
    ("1 tháng có bao nhiêu lượt khách", "average"),
    ("mỗi ngày có bao nhiêu tờ khai", "average"),
    ("tổng số lượt khách 7 tháng năm 2073", ""),
    ("mỗi quý có bao nhiêu", ""),
])
def test_one_reading_of_an_average_asked(question: str, average: str) -> None:
    assert average_asked(question) == average
