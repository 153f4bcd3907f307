"""The chooser's next pick answers only when the statement check finds it more likely than not
an answer (session 52: the next-sentence fallback of session 51 answered 15 XQuAD-vi dev
questions over bench/xquad_refusal.py's folds, none right -- 11 of them asked of an index
without their article -- the next picks barely passing the check, 0.26-0.73, 12 under 0.5;
refusal recall 0.868 -> 0.861, precision 0.927 -> 0.914).

The first pick (the article's lead) is refused as in tests/test_equated_role_next_sentence.py;
the next ("Bà qua đời ... tại Hà Nội") is made to pass the check at 0.40: no answer then.  At
0.60 it answers, as there.  A refusal passing over it is less sure than one passing over
nothing (rag/answer/statement_refusal_confidence.json)."""

from __future__ import annotations

import pytest
from conftest import service_over_files
from test_equated_role_next_sentence import SCIENTIST

from rag.answer.answerability import StatementCheck
from rag.answer.answerer import Answerer
from rag.answer.refusal_calibration import statement_refusal_calibration
from rag.records import AskOptions
from rag.service import RagService

QUESTIONS = [
    "Đặng Thị Hòa qua đời ở đâu?",
    "Bà Đặng Thị Hòa qua đời tại đâu?",
    "Đặng Thị Hòa qua đời tại thành phố nào?",
]


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over_files(tmp_path_factory.mktemp("next-stricter"),
                              {"nha_khoa_hoc.txt": SCIENTIST})


def _next_pick_at(monkeypatch: pytest.MonkeyPatch, p: float) -> None:
    """The lead refused; every sentence the check weighs at ``p``."""
    checked = Answerer.answers

    def answers(self, intent, hits, found, *args):  # type: ignore[no-untyped-def]
        return "(sinh năm" not in found[2].text and checked(self, intent, hits, found, *args)

    def weighed(self, features):  # type: ignore[no-untyped-def]
        return p

    monkeypatch.setattr(Answerer, "answers", answers)
    monkeypatch.setattr(StatementCheck, "probability", weighed)


@pytest.mark.parametrize("question", QUESTIONS)
def test_a_next_pick_barely_passing_is_no_answer(service: RagService, question: str,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    _next_pick_at(monkeypatch, 0.40)
    a = service.ask(question, AskOptions(retrieval_mode="lexical"))
    assert not a.found, (a.answer, a.confidence)
    # it passed over a sentence the check found 0.40 likely: not as sure as passing over none
    assert a.confidence < statement_refusal_calibration().confidence(0.0)


@pytest.mark.parametrize("question", QUESTIONS)
def test_a_next_pick_likely_answers(service: RagService, question: str,
                                    monkeypatch: pytest.MonkeyPatch) -> None:
    _next_pick_at(monkeypatch, 0.60)
    a = service.ask(question, AskOptions(retrieval_mode="lexical"))
    assert a.found and "tại Hà Nội" in a.answer, (a.answer, a.confidence)


def test_the_statement_map_is_fitted_and_never_rises() -> None:
    cal = statement_refusal_calibration()
    assert cal.trained.get("refused", 0) > 0  # fitted, not the uncalibrated rule
    assert all(b <= a for a, b in zip(cal.right, cal.right[1:], strict=False))
    assert cal.confidence(0.9) <= cal.confidence(0.3) <= cal.confidence(0.0) < 1.0


@pytest.mark.parametrize("question", [
    "Người di cư Anh sống ở đâu?",
    "Ai là người thiết kế cây cầu Tràng Tiền?",
    "Nhà hát Mùa hè nằm ở đâu?",
    "Đặng Thị Hòa có mấy người con gái?",
])
def test_a_statement_refusal_says_how_sure_it_is(service: RagService, question: str) -> None:
    # no longer 1.0 whatever it passed over: the share of such refusals found right
    a = service.ask(question, AskOptions(retrieval_mode="hybrid"))
    assert not a.found, (a.answer, a.confidence)
    assert a.confidence <= statement_refusal_calibration().confidence(0.0) < 1.0
