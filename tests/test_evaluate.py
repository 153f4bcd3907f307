"""rag.eval: gold loading, pure metrics, and the acceptance check on the seed index."""

from __future__ import annotations

import json
from collections import Counter
from datetime import date
from pathlib import Path

import pytest
from conftest import D001, GOLD, ROOT, FakeEmbedder

from rag.eval import (
    EvalReport,
    GoldError,
    GoldQuestion,
    evaluate_retrieval,
    first_relevant_rank,
    hit_at,
    is_relevant,
    load_gold,
    match_key,
    mrr_at,
    percentile,
    strip_diacritics,
)
from rag.records import AskOptions, Chunk, Hit, SearchResult
from rag.service import RagService
from rag.settings import Settings

DEV_GOLD = ROOT.parent / "shared" / "dev-reports" / "questions.jsonl"
GOOD = {"id": "q1", "question": "Kim ngạch xuất khẩu quý I/2018?", "answers": ["769 triệu USD"],
        "doc_ids": [D001]}


def _write(tmp_path: Path, lines: list[str]) -> Path:
    path = tmp_path / "gold.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _line(**changes) -> str:
    rec = {**GOOD, **changes}
    return json.dumps({k: v for k, v in rec.items() if v is not ...}, ensure_ascii=False)


# --- load_gold -----------------------------------------------------------------------------------


def test_load_gold_reads_the_seed_gold():
    gold = load_gold(GOLD)
    assert len(gold) == 129
    assert sum(g.answerable for g in gold) == 117
    assert gold[0].id == "s001"
    assert gold[0].answers == ("21.450,7 tỷ đồng", "21.450,7")
    assert len({g.id for g in gold}) == len(gold)


def test_load_gold_skips_blank_lines_and_allows_unanswerable(tmp_path):
    path = _write(tmp_path, [_line(), "", _line(id="q2", answers=[], doc_ids=[])])
    gold = load_gold(path)
    assert [g.id for g in gold] == ["q1", "q2"]
    assert gold[0] == GoldQuestion("q1", GOOD["question"], ("769 triệu USD",), (D001,))
    assert gold[1].answerable is False


@pytest.mark.parametrize(("bad", "message"), [
    ("{not json", "not valid JSON"),
    ("[1, 2]", "expected a JSON object"),
    (_line(id=...), 'missing "id"'),
    (_line(question=...), 'missing or empty "question"'),
    (_line(question="  "), 'missing or empty "question"'),
    (_line(answers="769 triệu USD"), '"answers" must be a list of strings'),
    (_line(answers=[769]), '"answers" must be a list of strings'),
    (_line(answers=...), 'missing "answers"'),
    (_line(doc_ids=D001), '"doc_ids" must be a list of strings'),
    (_line(doc_ids=[]), 'needs "doc_ids"'),
    (_line(id="q1"), "duplicate id 'q1'"),
    (_line(id="q2", today="2026-02-30"), '"today" must be a date YYYY-MM-DD, not \'2026-02-30\''),
    (_line(id="q2", today="1/2/2026"), '"today" must be a date YYYY-MM-DD'),
    (_line(id="q2", today="20260201"), '"today" must be a date YYYY-MM-DD'),
    (_line(id="q2", today=20260201), '"today" must be a date YYYY-MM-DD'),
    (_line(id="q2", kind="figures"), "unknown \"kind\" 'figures': use figure, statement"),
    (_line(id="q2", kind="unanswerable"), "kind 'unanswerable' needs empty \"answers\""),
    (_line(id="q2", kind="multi", answers=[], doc_ids=[]), "kind 'multi' needs \"answers\""),
    (_line(id="q2", tags="xnk"), '"tags" must be a list of strings'),
    (_line(id="q2", note=["x"]), '"note" must be a string'),
], ids=["bad-json", "not-object", "no-id", "no-question", "blank-question", "answers-str",
        "answers-int", "no-answers-key", "doc-ids-str", "no-doc-ids", "duplicate-id",
        "no-such-day", "today-dmy",
        "today-basic", "today-int", "unknown-kind", "unanswerable-with-answers",
        "multi-without-answers", "tags-str", "note-list"])
def test_load_gold_errors_name_file_and_line(tmp_path, bad, message):
    path = _write(tmp_path, [_line(), "", bad])
    with pytest.raises(GoldError) as err:
        load_gold(path)
    assert str(err.value).startswith(f"{path}:3: ")
    assert message in str(err.value)


def test_load_gold_reads_kind_tags_today_note_and_ignores_other_fields(tmp_path):
    path = _write(tmp_path, [
        _line(kind="relative", tags=["xnk", "fmt_txt"], today="2019-04-02", note="quý trước",
              source="hand", confidence=1),
        _line(id="q2", question="GRDP 2026?", kind="partial_period"),
        _line(id="q3", answers=[], doc_ids=[], kind="unanswerable"),
        _line(id="q4")])
    q1, q2, q3, q4 = load_gold(path)
    assert (q1.kind, q1.tags, q1.today, q1.note) == \
        ("relative", ("xnk", "fmt_txt"), date(2019, 4, 2), "quý trước")
    assert (q2.kind, q2.tags, q2.today, q2.note) == ("partial_period", (), None, None)
    assert q3.kind == "unanswerable" and not q3.answerable
    assert q4 == GoldQuestion("q4", GOOD["question"], ("769 triệu USD",), (D001,))
    assert q4.kind is None and q4.today is None  # a gold set without kinds


@pytest.mark.skipif(not DEV_GOLD.is_file(), reason=f"{DEV_GOLD} is missing")
def test_load_gold_reads_the_dev_reports_gold():
    gold = load_gold(DEV_GOLD)
    kinds = Counter(g.kind for g in gold)
    assert kinds == {"figure": 138, "unanswerable": 36, "multi": 23, "relative": 23,
                     "statement": 17, "partial_period": 11}
    assert all(g.today is not None for g in gold if g.kind == "relative")
    assert all(g.note for g in gold if g.kind == "partial_period")


def test_load_gold_file_errors(tmp_path):
    with pytest.raises(GoldError, match="no such file"):
        load_gold(tmp_path / "missing.jsonl")
    empty = _write(tmp_path, [""])
    with pytest.raises(GoldError, match="no questions"):
        load_gold(empty)
    latin = tmp_path / "latin.jsonl"
    latin.write_bytes('{"id": "é"}'.encode("latin-1"))
    with pytest.raises(GoldError, match="not UTF-8"):
        load_gold(latin)


# --- metrics -------------------------------------------------------------------------------------


def test_hit_at():
    ranks = [1, None, 3, 6]
    assert hit_at(ranks, 1) == 0.25
    assert hit_at(ranks, 3) == 0.5
    assert hit_at(ranks, 5) == 0.5
    assert hit_at(ranks, 10) == 0.75
    assert hit_at([], 5) == 0.0
    assert hit_at([None, None], 5) == 0.0


def test_mrr_at():
    assert mrr_at([1, None, 3, 12], 10) == pytest.approx((1 + 1 / 3) / 4)
    assert mrr_at([2, 2], 10) == pytest.approx(0.5)
    assert mrr_at([12], 10) == 0.0
    assert mrr_at([1, 5], 4) == pytest.approx(0.5)
    assert mrr_at([], 10) == 0.0


def test_percentile():
    assert percentile([], 0.5) == 0.0
    assert percentile([5.0], 0.95) == 5.0
    assert percentile([1.0, 2.0, 3.0, 4.0], 0.5) == pytest.approx(2.5)
    assert percentile([4.0, 1.0, 3.0, 2.0], 1.0) == 4.0


def test_strip_diacritics():
    assert strip_diacritics("Kim ngạch xuất khẩu quý I/2018 của Lạng Sơn?") == \
        "Kim ngach xuat khau quy I/2018 cua Lang Son?"
    assert strip_diacritics("Đồng Đăng ĐẠT") == "Dong Dang DAT"
    assert strip_diacritics("6T/2025 tăng 5,72%") == "6T/2025 tang 5,72%"


def test_match_key():
    assert match_key("  Kết  qủa\nTỐT ") == "kết quả tốt"
    assert match_key("hoà") == match_key("HÒA")


def _hit(doc_id: str, text: str, rank: int = 1) -> Hit:
    return Hit(Chunk(f"{doc_id}:0:x{rank}", doc_id, "t", None, text, 0, len(text)), rank, 1.0)


def test_relevance_needs_gold_doc_and_answer():
    g = GoldQuestion("q", "?", ("769 triệu USD",), (D001,))
    assert is_relevant(_hit(D001, "kim ngạch xuất khẩu: 769 triệu   USD, đạt"), g)
    assert is_relevant(_hit(D001, "769 TRIỆU USD"), g)
    assert not is_relevant(_hit("other", "769 triệu USD"), g)
    assert not is_relevant(_hit(D001, "464 triệu USD"), g)
    hits = [_hit("other", "769 triệu USD", 1), _hit(D001, "không", 2),
            _hit(D001, "769 triệu USD", 3)]
    assert first_relevant_rank(hits, g) == 3
    assert first_relevant_rank(hits[:2], g) is None


def test_evaluate_retrieval_on_a_canned_search():
    gold = [GoldQuestion("a", "Câu một?", ("769",), (D001,)),
            GoldQuestion("b", "Câu hai?", ("464",), (D001,)),
            GoldQuestion("c", "Câu ba?", (), ())]
    canned = {"Câu một?": [_hit(D001, "769 triệu USD")],
              "Câu hai?": [_hit(D001, "không có", 1), _hit(D001, "464 triệu USD", 2)],
              "Câu ba?": []}
    asked = []

    def search(q: str) -> SearchResult:
        asked.append(q)
        return SearchResult(q, canned.get(q, []))

    report = evaluate_retrieval(gold, search)
    assert asked == ["Câu một?", "Câu hai?", "Câu ba?"]
    m = report.metrics
    assert (m["questions"], m["answerable"]) == (3.0, 2.0)
    assert m["hit@1"] == 0.5 and m["hit@5"] == 1.0
    assert m["mrr@10"] == pytest.approx(0.75)
    assert [q["rank"] for q in report.questions] == [1, 2, None]
    assert all("latency_ms" in q and "hits" in q for q in report.questions)
    assert json.loads(json.dumps(report.to_dict()))["metrics"]["hit@5"] == 1.0
    assert "hit@1" in report.table()

    asked.clear()
    stripped = evaluate_retrieval(gold, search, strip=True)
    assert asked == ["Cau mot?", "Cau hai?", "Cau ba?"]
    assert stripped.metrics["hit@1"] == 0.0  # the canned search only knows the typed forms


# --- acceptance ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def gold_reports(seed):
    gold = load_gold(GOLD)
    service = seed.service

    def search(q: str) -> SearchResult:
        return service.search(q, top_k=10)

    return evaluate_retrieval(gold, search), evaluate_retrieval(gold, search, strip=True)


def test_acceptance_on_seed_gold(gold_reports):
    typed, _ = gold_reports
    m = typed.metrics
    assert m["questions"] == 129.0 and m["answerable"] == 117.0
    assert m["hit@1"] >= 0.95, [q["id"] for q in typed.questions if q["rank"] != 1]
    assert m["hit@5"] == 1.0, [q["id"] for q in typed.questions
                                if q["answerable"] and (q["rank"] or 99) > 5]
    assert m["mrr@10"] >= m["hit@1"]


def test_acceptance_without_diacritics(gold_reports):
    typed, stripped = gold_reports
    assert all(not any(ch in q["question"] for ch in "ạđếờảứ") for q in stripped.questions)
    assert abs(stripped.metrics["hit@1"] - typed.metrics["hit@1"]) <= 0.03
    assert stripped.metrics["hit@5"] >= 0.97


# --- kinds end to end (fake embedder: the bookkeeping, not the answers' quality) -----------------

KIND_DOCS = [
    {"id": "k1", "title": "Xuất khẩu năm 2018", "date": "2019-01-10",
     "text": "Năm 2018, kim ngạch xuất khẩu của tỉnh đạt 769 triệu USD. Năm 2017, kim ngạch "
             "xuất khẩu của tỉnh đạt 612 triệu USD."},
    {"id": "k2", "title": "Kinh tế 6 tháng đầu năm 2026", "date": "2026-07-01",
     "text": "6 tháng đầu năm 2026, tổng sản phẩm trên địa bàn (GRDP) của tỉnh tăng 7,86% so "
             "với cùng kỳ năm trước."}]
KIND_GOLD = [
    {"id": "f", "question": "kim ngạch xuất khẩu năm 2018", "answers": ["769 triệu USD", "769"],
     "doc_ids": ["k1"], "kind": "figure", "tags": ["xnk"]},
    {"id": "m", "question": "kim ngạch xuất khẩu năm 2017 và 2018",
     "answers": ["612 triệu USD", "612", "769 triệu USD", "769"], "doc_ids": ["k1"],
     "kind": "multi"},
    {"id": "r", "question": "kim ngạch xuất khẩu năm ngoái", "answers": ["769 triệu USD"],
     "doc_ids": ["k1"], "kind": "relative", "today": "2019-03-01"},
    {"id": "p", "question": "GRDP năm 2026 tăng bao nhiêu", "answers": ["7,86%", "7,86"],
     "doc_ids": ["k2"], "kind": "partial_period", "note": "only the first half of 2026"},
    {"id": "u", "question": "kim ngạch xuất khẩu năm 2010", "answers": [], "doc_ids": [],
     "kind": "unanswerable"}]


def _jsonl(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records),
                    encoding="utf-8")
    return path


def test_service_evaluate_asks_on_each_questions_day_and_reports_kinds(tmp_path, monkeypatch):
    service = RagService(Settings(index_dir=tmp_path / "index", today=date(2030, 1, 2)),
                         embedder=FakeEmbedder())
    service.index_paths([_jsonl(tmp_path / "docs.jsonl", KIND_DOCS)])
    gold = _jsonl(tmp_path / "gold.jsonl", KIND_GOLD)
    asked: list[tuple[str, AskOptions | None]] = []
    real_ask = service.ask

    def ask(question: str, options: AskOptions | None = None, **kw):
        asked.append((question, options))
        return real_ask(question, options, **kw)

    monkeypatch.setattr(service, "ask", ask)
    report = service.evaluate(gold, mode="lexical", top_k=3)
    assert [q for q, _ in asked] == [g["question"] for g in KIND_GOLD]
    assert [(o.today, o.retrieval_mode) for _, o in asked if o is not None] == [
        (None, "lexical"), (None, "lexical"), (date(2019, 3, 1), "lexical"),
        (None, "lexical"), (None, "lexical")]
    assert report.config["today"] == "2030-01-02"  # the service's day, for the rest

    rows = {q["id"]: q for q in report.questions}
    assert [q["kind"] for q in report.questions] == ["figure", "multi", "relative",
                                                     "partial_period", "unanswerable"]
    assert rows["r"]["today"] == "2019-03-01"
    # the verdicts follow the kinds' rules, whatever this answerer said
    assert rows["u"]["correct"] is (not rows["u"]["found"])
    assert rows["p"]["correct"] is (not rows["p"]["found"] or
                                    rows["p"]["period_match"] == "partial")
    if not rows["m"]["found"]:
        assert rows["m"]["correct"] is False
    m = report.metrics
    for kind, row in zip(("figure", "multi", "relative", "partial_period", "unanswerable"),
                         report.questions, strict=True):
        assert (m[f"accuracy_{kind}"], m[f"questions_{kind}"]) == (float(row["correct"]), 1.0)
    assert m["accuracy"] == pytest.approx(sum(q["correct"] for q in report.questions) / 5)
    assert "accuracy_statement" not in m  # a kind the gold set does not have
    answered = [q for q in report.questions if q["found"]]
    assert sum(b.count for b in report.reliability()) == len(answered)
    assert m["wrong_at_0.9"] == sum(1 for q in answered
                                    if q["confidence"] >= 0.9 and not q["correct"])
    back = EvalReport.from_dict(json.loads(json.dumps(report.to_dict(), ensure_ascii=False)))
    assert back.to_dict() == report.to_dict()
    heads = [ln.split()[0] for ln in report.table().splitlines()[1:] if not ln.startswith(" ")]
    assert heads == ["retrieval", "answers", "kinds", "refusals", "confidence", "latency"]


def test_a_gold_question_too_long_to_ask_is_named_before_the_run(tmp_path):
    path = _write(tmp_path, [_line(), _line(id="long", question="xuất khẩu " * 30)])
    service = RagService(Settings(index_dir=tmp_path / "index", max_question_chars=100),
                         embedder=FakeEmbedder())
    with pytest.raises(GoldError, match="question long is longer than 100 characters"):
        service.evaluate(path)


def test_run_gold_checks_the_gold_before_loading_the_index(tmp_path):
    """rag.eval.runner.run_gold, on its own: the gold file is read and its questions checked
    before ``index_of`` is called, each question is asked on its own day and searched, and
    the configuration records the run."""
    from index import Index, IndexConfig
    from rag.eval.runner import run_gold
    from rag.records import Answer

    loads: list[int] = []

    def index_of() -> Index:
        loads.append(1)
        return Index.empty(IndexConfig(embedder_backend="fake", embedder_model="m"), 4)

    def never(*_args):
        raise AssertionError("no question may be asked")

    long = _write(tmp_path, [_line(), _line(id="long", question="xuất khẩu " * 30)])
    with pytest.raises(GoldError, match="question long is longer than 100 characters"):
        run_gold(long, index_of, never, never, max_question_chars=100, index_dir=tmp_path,
                 weights={}, today=None, run={})
    assert loads == []

    gold = _write(tmp_path, [_line(), _line(id="q2", today="2019-03-01")])
    asked: list[tuple[str, date | None]] = []

    def ask(question: str, today: date | None) -> Answer:
        asked.append((question, today))
        return Answer(question=question, resolved_question=question, answer="769 triệu USD",
                      found=True, confidence=1.0)

    report = run_gold(gold, index_of, ask, lambda q: SearchResult(q, []),
                      max_question_chars=100, index_dir=tmp_path, weights={"w": 1.0},
                      today=date(2030, 1, 2), run={"mode": "lexical"}, about={"name": "x"},
                      fold=True)
    assert loads == [1]
    assert asked == [(GOOD["question"], None), (GOOD["question"], date(2019, 3, 1))]
    c = report.config
    assert (c["mode"], c["fold_diacritics"], c["strip_diacritics"]) == ("lexical", True, False)
    assert (c["today"], c["answer_weights"], c["name"], c["questions"]) == (
        "2030-01-02", {"w": 1.0}, "x", 2)
