"""rag.eval metrics: pure functions on hand-made cases, and their aggregation by evaluate."""

from __future__ import annotations

import math
import re
from datetime import date

import pytest

from rag.eval import (
    GoldQuestion,
    ReliabilityBin,
    answer_correct,
    answer_groups,
    answer_key,
    answer_text,
    answer_tokens,
    citation_precision,
    cited_from_gold,
    cited_with_answer,
    contains_answer,
    document_relevance,
    evaluate,
    exact_match,
    first_rank,
    fmt_metric,
    has_gold_answer,
    hit_curve,
    judge,
    mean,
    metric_group,
    multi_correct,
    ndcg_at,
    partial_period_correct,
    recall_at,
    refusal_precision_recall,
    reliability,
    sentence_correct,
    token_f1,
    wrong_at,
)
from rag.records import Answer, AnswerPart, Chunk, Citation, Hit, SearchResult

G = GoldQuestion("q", "Kim ngạch xuất khẩu quý I/2018?", ("769 triệu USD",), ("d1",))


def cite(doc_id: str, quote: str) -> Citation:
    return Citation(doc_id, f"{doc_id}:0:x", "Tiêu đề", None, quote, 0, len(quote))


def reply(text: str, found: bool = True, sentence: str | None = None,
          citations: tuple[Citation, ...] = ()) -> Answer:
    return Answer("?", "?", text, found, 1.0 if found else 0.0, sentence, citations)


def hit(doc_id: str, text: str, rank: int = 1) -> Hit:
    return Hit(Chunk(f"{doc_id}:{rank}:x", doc_id, "t", None, text, 0, len(text)), rank, 1.0)


# --- answer normalisation ------------------------------------------------------------------------


@pytest.mark.parametrize(("a", "b"), [
    ("1.233 triệu USD", "1233 triệu usd"),
    ("29,6%", "29.6 %"),
    ("769 triệu USD", "769  TRIỆU   usd"),
    ("769triệu USD", "769 triệu USD"),
    ("21.450,7 tỷ đồng", "21450.7 Tỷ Đồng"),
    ("21.450,7 tỉ đồng", "21.450,7 tỷ đồng"),
    ("500.000 VNĐ", "500000 đồng"),
    ("500.000đ", "500.000 đồng"),
    ("20/01/2025", "20/1/2025"),
    ("hoà", "HÒA"),
])
def test_answer_key_equal_forms(a, b):
    assert answer_key(a) == answer_key(b)


def test_answer_key_keeps_different_things_apart():
    assert answer_key("1.233 triệu USD") != answer_key("1,233 triệu USD")  # 1233 vs 1.233
    assert answer_key("769 triệu USD") != answer_key("769 tỷ USD")
    assert answer_key("Lạng Sơn") != answer_key("Lang Son")


def test_answer_key_fold_diacritics():
    assert answer_key("Lạng Sơn", fold_diacritics=True) == answer_key("LANG son", True) == \
        "lang son"
    assert answer_key("Đồng Đăng", fold_diacritics=True) == "dong dang"
    assert answer_key("21.450,7 tỉ đồng", True) == answer_key("21450.7 ty dong", True)


def test_contains_answer_whole_words_and_numbers():
    text = answer_key("Xuất khẩu đạt 769 triệu USD, tăng 29,6% (năm 2018).")
    assert contains_answer(text, answer_key("769 triệu usd"))
    assert contains_answer(text, answer_key("29.6 %"))
    assert contains_answer(text, answer_key("2018"))
    assert not contains_answer(text, answer_key("69"))  # inside 769
    assert not contains_answer(text, answer_key("29"))  # inside 29.6
    assert not contains_answer(text, answer_key("6%"))  # inside 29.6%
    assert not contains_answer(answer_key("đạt 1.769 triệu"), answer_key("769"))
    assert not contains_answer(answer_key("tăng 1,5 lần"), answer_key("5"))
    assert not contains_answer(text, answer_key("triệu us"))
    assert not contains_answer(text, "")


def test_answer_correct_needs_found_answer_and_gold_citation():
    good = (cite("d1", "đạt 769 triệu USD"),)
    assert answer_correct(reply("khoảng 1.769 triệu USD", citations=good), G) is False
    assert answer_correct(reply("769 Triệu USD", citations=good), G)
    assert answer_correct(reply("769triệu usd", citations=good), G)
    assert not answer_correct(reply("769 triệu USD", citations=(cite("d2", "x"),)), G)
    assert not answer_correct(reply("769 triệu USD", found=False, citations=good), G)
    unanswerable = GoldQuestion("u", "?", (), ())
    assert not answer_correct(reply("769 triệu USD", citations=good), unanswerable)


def test_answer_correct_diacritics_insensitive_mode():
    g = GoldQuestion("p", "?", ("Nguyễn Đình Đại",), ("d1",))
    typed = reply("Nguyen Dinh Dai", citations=(cite("d1", "ông Nguyễn Đình Đại"),))
    assert not answer_correct(typed, g)
    assert answer_correct(typed, g, fold_diacritics=True)


# --- exact match and token F1 --------------------------------------------------------------------


def test_answer_tokens_drop_punctuation_keep_numbers():
    assert answer_tokens("Quyết định số 09/2025/QĐ-UBND.") == \
        ["quyết", "định", "số", "9", "2025", "qđ", "ubnd"]
    assert answer_tokens("29,6 %") == answer_tokens("29.6%") == ["29.6", "%"]


def test_exact_match_vs_f1_on_partial_spans():
    golds = ["769 triệu USD"]
    assert exact_match("769 triệu USD", golds) == token_f1("769 triệu USD", golds) == 1.0
    assert exact_match("769 Triệu USD.", golds) == 1.0  # case and punctuation
    # a longer span: all of the gold, one token extra -> P 3/4, R 1
    assert exact_match("khoảng 769 triệu USD", golds) == 0.0
    assert token_f1("khoảng 769 triệu USD", golds) == pytest.approx(6 / 7)
    # a shorter span: P 1, R 1/3
    assert exact_match("769", golds) == 0.0
    assert token_f1("769", golds) == pytest.approx(0.5)
    assert token_f1("464 tỷ đồng", golds) == 0.0
    assert exact_match("", golds) == token_f1("", golds) == 0.0


def test_exact_match_and_f1_take_the_best_gold():
    golds = ["21.450,7 tỷ đồng", "21.450,7"]
    assert exact_match("21450,7", golds) == 1.0
    assert token_f1("21.450,7 tỷ", golds) == pytest.approx(max(2 * 1 * (2 / 3) / (1 + 2 / 3),
                                                              2 * 0.5 * 1 / 1.5))
    assert exact_match("29,6%", ["29.6 %"]) == 1.0
    assert exact_match("Nguyen Dinh Dai", ["Nguyễn Đình Đại"]) == 0.0
    assert exact_match("Nguyen Dinh Dai", ["Nguyễn Đình Đại"], fold_diacritics=True) == 1.0


def test_sentence_correct():
    sentence = "Quý I/2018, kim ngạch xuất khẩu đạt 769 triệu USD, tăng 20%."
    assert sentence_correct(reply("1", sentence=sentence), G)  # the sentence holds the answer
    assert not sentence_correct(reply("769 triệu USD", sentence="Đạt 464 triệu USD."), G)
    assert not sentence_correct(reply("769 triệu USD", sentence=None), G)
    assert not sentence_correct(reply("x", found=False, sentence=sentence), G)


# --- citations and refusals ----------------------------------------------------------------------


def test_citation_precision_pools_citations():
    q1 = cited_with_answer([cite("d1", "đạt 769 triệu USD"), cite("d2", "769 triệu USD")], G)
    q2 = cited_with_answer([cite("d1", "Kim ngạch đạt 769 triệu usd.")], G)
    q3 = cited_with_answer([cite("d1", "nhập khẩu đạt 464 triệu USD")], G)
    assert (q1, q2, q3) == ([True, False], [True], [False])
    assert citation_precision([q1, q2, q3]) == pytest.approx(2 / 4)
    assert citation_precision([q2]) == 1.0
    assert citation_precision([[], []]) is None


def test_refusal_precision_recall_on_a_small_table():
    #             refused  answerable
    table = [(True, False),   # right refusal
             (False, False),  # answered an unanswerable question
             (False, False),  # answered an unanswerable question
             (True, True),    # refused an answerable question
             (True, False),   # right refusal
             (False, True)]   # answered
    refused, answerable = zip(*table, strict=True)
    precision, recall = refusal_precision_recall(refused, answerable)
    assert precision == pytest.approx(2 / 3)  # 2 of 3 refusals were right
    assert recall == pytest.approx(2 / 4)  # 2 of 4 unanswerable questions refused
    assert refusal_precision_recall([False, False], [False, True]) == (None, 0.0)
    assert refusal_precision_recall([True, False], [True, True]) == (0.0, None)


# --- retrieval -----------------------------------------------------------------------------------


def test_document_relevance_counts_each_gold_document_once():
    assert document_relevance(["a", "b", "a", "c"], ["a", "c"]) == [True, False, False, True]
    assert first_rank(document_relevance(["b", "b", "c"], ["a", "c"])) == 3
    assert first_rank([False, False]) is None


def test_recall_with_two_gold_documents():
    rel = document_relevance(["a", "x", "a", "b"], ["a", "b"])
    assert recall_at(rel, 2, 1) == 0.5
    assert recall_at(rel, 2, 3) == 0.5
    assert recall_at(rel, 2, 4) == 1.0
    assert recall_at(rel, 2, 10) == 1.0


def test_recall_of_passages():
    rel = [True, False, True]
    assert recall_at(rel, 4, 1) == 0.25  # 4 relevant passages in the index
    assert recall_at(rel, 4, 3) == 0.5
    assert recall_at(rel, 0, 3) == 0.0


def test_ndcg_known_values():
    assert ndcg_at([True], 1) == 1.0
    assert ndcg_at([False, True], 1) == pytest.approx(1 / math.log2(3))  # 0.6309
    # relevant at ranks 2 and 4 of two relevant: (1/log2 3 + 1/log2 5) / (1 + 1/log2 3)
    assert ndcg_at([False, True, False, True], 2) == pytest.approx(0.650921, abs=1e-6)
    assert ndcg_at([True, True], 2) == 1.0
    assert ndcg_at([True, False], 3) == pytest.approx(1 / (1 + 1 / math.log2(3)
                                                           + 1 / math.log2(4)))
    assert ndcg_at([False, False, True], 1, k=2) == 0.0  # beyond k
    assert ndcg_at([False, False], 1) == 0.0
    assert ndcg_at([True], 0) == 0.0


def test_hit_curve_and_mean():
    assert hit_curve([1, 3, None, 12], 4) == [0.25, 0.25, 0.5, 0.5]
    assert hit_curve([], 3) == [0.0, 0.0, 0.0]
    assert mean([1.0, None, 0.0]) == 0.5
    assert mean([None]) is None


def test_metric_groups_and_formatting():
    assert [metric_group(n) for n in ("hit@1", "doc_ndcg@10", "f1", "citation_precision",
                                      "refusal_recall", "latency_p95_ms", "questions")] == \
        ["retrieval", "retrieval", "answers", "answers", "refusals", "latency", "counts"]
    assert fmt_metric("hit@1", 0.5) == "0.5000"
    assert fmt_metric("latency_p50_ms", 38.926) == "38.9"
    assert fmt_metric("questions", 129.0) == "129"
    assert fmt_metric("refusal_precision", None) == "—"
    assert [metric_group(n) for n in ("accuracy", "accuracy_multi", "questions_multi",
                                      "wrong_at_0.9", "answer_accuracy")] == \
        ["kinds", "kinds", "kinds", "confidence", "answers"]
    assert fmt_metric("questions_multi", 23.0) == "23"
    assert fmt_metric("wrong_at_0.9", 4.0) == "4"
    assert fmt_metric("accuracy_multi", 0.25) == "0.2500"


# --- evaluate: per-question values and their aggregates ------------------------------------------


def test_evaluate_scores_every_question():
    gold = [GoldQuestion("a", "Câu một?", ("769 triệu USD",), ("d1",)),
            GoldQuestion("b", "Câu hai?", ("464",), ("d1", "d2")),
            GoldQuestion("c", "Câu ba?", (), ())]
    passages = {"d1": [hit("d1", "đạt 769 triệu USD", 1).chunk, hit("d1", "769 triệu USD", 9).chunk,
                       hit("d1", "nhập khẩu 464 tỷ", 8).chunk],
                "d2": [hit("d2", "khác", 7).chunk]}
    canned = {
        "Câu một?": (reply("769 triệu USD", sentence="đạt 769 triệu USD",
                           citations=(cite("d1", "đạt 769 triệu USD"),)),
                     [hit("d1", "đạt 769 triệu USD", 1), hit("d2", "không", 2)]),
        "Câu hai?": (reply("khoảng 464", sentence="không có",
                           citations=(cite("d1", "nhập khẩu 464 tỷ"), cite("d3", "464"))),
                     [hit("d3", "464", 1), hit("d2", "khác", 2), hit("d1", "nhập khẩu 464 tỷ", 3)]),
        "Câu ba?": (reply("Không tìm thấy", found=False), [hit("d1", "769", 1)]),
    }
    report = evaluate(gold, lambda g: (canned[g.question][0],
                                       SearchResult(g.question, canned[g.question][1])),
                      passages_of=lambda d: passages.get(d, []), config={"name": "t"})
    a, b, c = report.questions
    assert (a["rank"], a["doc_rank"], b["rank"], b["doc_rank"]) == (1, 1, 3, 2)
    assert a["relevant_passages"] == 2  # two passages of d1 hold the answer, one retrieved
    assert a["metrics"]["recall@1"] == 0.5 and a["metrics"]["ndcg@10"] == pytest.approx(
        1 / (1 + 1 / math.log2(3)))
    assert b["metrics"]["doc_recall@1"] == 0.0 and b["metrics"]["doc_recall@3"] == 1.0
    assert b["metrics"]["hit@3"] == 1.0 and b["metrics"]["hit@1"] == 0.0
    assert [h["relevant"] for h in b["hits"]] == [False, False, True]
    assert (a["correct"], b["correct"], c["correct"]) == (True, True, True)
    assert b["metrics"]["exact_match"] == 0.0 and b["metrics"]["f1"] == pytest.approx(2 / 3)
    assert b["metrics"]["citation_precision"] == 0.5
    assert c["metrics"] == {"refused": 1.0, "refusal_correct": 1.0}
    m = report.metrics
    assert (m["questions"], m["answerable"], m["unanswerable"]) == (3.0, 2.0, 1.0)
    assert (m["hit@1"], m["hit@3"], m["doc_hit@1"]) == (0.5, 1.0, 0.5)
    assert m["mrr@10"] == pytest.approx((1 + 1 / 3) / 2)
    assert m["doc_mrr@10"] == pytest.approx((1 + 1 / 2) / 2)
    assert m["recall@1"] == pytest.approx(0.25)
    assert m["answer_accuracy"] == 1.0 and m["exact_match"] == 0.5
    assert m["sentence_accuracy"] == 0.5
    assert m["citation_precision"] == pytest.approx(2 / 3)
    assert (m["refusal_accuracy"], m["refusal_precision"], m["refusal_recall"]) == (1.0, 1.0, 1.0)
    assert report.config == {"name": "t"}
    assert m["wrong_at_0.9"] == 0.0  # both answers right (confidence 1.0)
    assert not any(metric_group(n) == "kinds" for n in m)  # a gold set without kinds
    groups = [metric_group(n) for n in m]
    assert groups == sorted(groups, key=["counts", "retrieval", "answers", "refusals",
                                         "confidence", "latency"].index)


def test_has_gold_answer_with_any_of_the_golds():
    g = GoldQuestion("s", "?", ("21.450,7 tỷ đồng", "21.450,7"), ("d",))
    assert has_gold_answer("đạt 21450,7", g)
    assert has_gold_answer("đạt 21.450,7 tỉ đồng", g)
    assert not has_gold_answer("đạt 1.450,7", g)


# --- answers judged by the question's kind -------------------------------------------------------

MULTI = GoldQuestion("m", "kim ngạch xuất khẩu năm 2013 và 2014", (
    "2.873,1 triệu USD", "2.873,1", "3.102,3 triệu USD", "3.102,3"), ("d1", "d2"), kind="multi")
PARTIAL = GoldQuestion("p", "GRDP năm 2026 tăng bao nhiêu", ("7,86%", "7,86"), ("d1",),
                       kind="partial_period")


def figure_reply(text: str, found: bool = True, *, summary: str | None = None,
                 period_match: str | None = None, parts: tuple[AnswerPart, ...] = (),
                 citations: tuple[Citation, ...] = (), confidence: float = 0.8) -> Answer:
    return Answer("?", "?", text, found, confidence, None, citations, summary=summary,
                  period_match=period_match, parts=parts)


def part(period: str, text: str, doc_id: str | None = None) -> AnswerPart:
    cites = (cite(doc_id, text),) if doc_id else ()
    return AnswerPart(period, text, True, f"Năm {period}: {text}.", period_match="exact",
                      citations=cites)


def test_answer_groups_join_a_form_contained_in_the_one_before():
    assert answer_groups(MULTI.answers) == [["2.873,1 triệu USD", "2.873,1"],
                                            ["3.102,3 triệu USD", "3.102,3"]]
    # the raw value of a spreadsheet cell is the same number written another way
    assert answer_groups(["10.482,3", "10482.3", "10.968,4", "10968.4"]) == \
        [["10.482,3", "10482.3"], ["10.968,4", "10968.4"]]
    assert answer_groups(["4.412,6 triệu USD", "4.412,6", "4.960,4"]) == \
        [["4.412,6 triệu USD", "4.412,6"], ["4.960,4"]]
    assert answer_groups(["10,14%", "7,38%", "8,71%"]) == [["10,14%"], ["7,38%"], ["8,71%"]]
    # only the one before counts, and only as a whole number: "12" is not in "112 xe"
    assert answer_groups(["112 xe", "12", "112"]) == [["112 xe"], ["12"], ["112"]]
    assert answer_groups(["769", "769 triệu USD"]) == [["769"], ["769 triệu USD"]]
    assert answer_groups([]) == []


def test_answer_text_and_citations_include_the_parts():
    a = figure_reply("2.873,1 triệu USD", summary="Năm 2013: 2.873,1 triệu USD.",
                     parts=(part("2013", "2.873,1 triệu USD"), part("2014", "3.102,3", "d2")))
    assert answer_text(a).splitlines() == ["2.873,1 triệu USD", "Năm 2013: 2.873,1 triệu USD.",
                                           "2.873,1 triệu USD", "3.102,3"]
    assert cited_from_gold(a, MULTI)  # the second part's citation
    assert not cited_from_gold(figure_reply("x", parts=(part("2013", "x", "d9"),)), MULTI)
    assert not cited_from_gold(figure_reply("x"), MULTI)


def test_multi_needs_every_part_and_a_gold_citation():
    both = (cite("d1", "đạt 2.873,1 triệu USD"),)
    # every part, in any of its forms, anywhere in what the answer says
    assert multi_correct(figure_reply("2.873,1 triệu USD và 3.102,3 triệu USD",
                                      citations=both), MULTI)
    assert multi_correct(figure_reply("2.873,1; 3.102,3", citations=both), MULTI)
    assert multi_correct(figure_reply("2.873,1 triệu USD", citations=both,
                                      summary="Năm 2014: 3.102,3 triệu USD."), MULTI)
    assert multi_correct(figure_reply("Hai năm:", parts=(
        part("2013", "2.873,1 triệu USD", "d1"), part("2014", "3102,3 triệu USD", "d2"))), MULTI)
    # one part only, or a part as part of another number: wrong
    assert not multi_correct(figure_reply("2.873,1 triệu USD", citations=both), MULTI)
    assert not multi_correct(figure_reply("2.873,1 và 13.102,3", citations=both), MULTI)
    # no citation from a gold document, or a refusal that names the figures: wrong
    assert not multi_correct(figure_reply("2.873,1 và 3.102,3",
                                          citations=(cite("d9", "2.873,1"),)), MULTI)
    assert not multi_correct(figure_reply("2.873,1 và 3.102,3", found=False,
                                          citations=both), MULTI)


def test_partial_period_refused_or_said_as_partial():
    good = (cite("d1", "6 tháng đầu năm 2026 GRDP tăng 7,86%"),)
    assert partial_period_correct(figure_reply("Không tìm thấy", found=False), PARTIAL)
    assert partial_period_correct(figure_reply("tăng 7,86%", period_match="partial",
                                               citations=good), PARTIAL)
    # the half-year figure given as the whole year, or with no period at all: wrong
    assert not partial_period_correct(figure_reply("tăng 7,86%", period_match="exact",
                                                   citations=good), PARTIAL)
    assert not partial_period_correct(figure_reply("tăng 7,86%", period_match="none",
                                                   citations=good), PARTIAL)
    assert not partial_period_correct(figure_reply("tăng 7,86%", citations=good), PARTIAL)
    # partial, but another figure or a citation from elsewhere: wrong
    assert not partial_period_correct(figure_reply("tăng 8,2%", period_match="partial",
                                                   citations=good), PARTIAL)
    assert not partial_period_correct(figure_reply("tăng 7,86%", period_match="partial",
                                                   citations=(cite("d2", "7,86%"),)), PARTIAL)


def test_judge_by_kind():
    good = (cite("d1", "đạt 769 triệu USD"),)
    right = figure_reply("769 triệu USD", citations=good)
    refused = figure_reply("Không tìm thấy", found=False)
    for kind in (None, "figure", "statement", "relative"):  # answer_correct
        g = GoldQuestion("f", "?", ("769 triệu USD",), ("d1",), kind=kind)
        assert judge(right, g) and not judge(refused, g)
        # the short answer must hold it: a figure only in the summary is not the answer
        assert not judge(figure_reply("464 triệu USD", summary="769 triệu USD",
                                      citations=good), g)
    for g in (GoldQuestion("u", "?", (), (), kind="unanswerable"), GoldQuestion("u", "?", (), ())):
        assert judge(refused, g) and not judge(right, g)
    assert judge(refused, PARTIAL) and not judge(right, PARTIAL)
    assert not judge(refused, MULTI)
    assert judge(figure_reply("2.873,1; 3.102,3", citations=(cite("d2", "x"),)), MULTI)
    folded = GoldQuestion("n", "?", ("Nguyễn Đình Đại",), ("d1",), kind="statement")
    typed = figure_reply("Nguyen Dinh Dai", citations=good)
    assert not judge(typed, folded) and judge(typed, folded, fold_diacritics=True)


# --- confidence ----------------------------------------------------------------------------------


def test_reliability_table_on_hand_made_answers():
    #        confidence  right
    table = [(0.1, False), (0.45, True),   # 0-0.5: 1 of 2
             (0.5, True),                  # 0.5-0.7 (a bin takes its lower edge)
             (0.7, False), (0.8999, True),  # 0.7-0.9
             (0.9, True), (0.95, False), (1.0, True), (1.2, False)]  # 0.9-1 (and beyond)
    conf, right = zip(*table, strict=True)
    bins = reliability(conf, right)
    assert [(b.lo, b.hi, b.count, b.right) for b in bins] == [
        (0.0, 0.5, 2, 1), (0.5, 0.7, 1, 1), (0.7, 0.9, 2, 1), (0.9, 1.0, 4, 2)]
    assert [b.accuracy for b in bins] == [0.5, 1.0, 0.5, 0.5]
    assert bins[0].mean_confidence == pytest.approx(0.275)
    assert bins[3].mean_confidence == pytest.approx((0.9 + 0.95 + 1.0 + 1.2) / 4)
    # other edges (deciles), a negative confidence, empty bins
    tenths = reliability([-0.1, 0.05, 0.31], [True, False, True],
                         [i / 10 for i in range(11)])
    assert len(tenths) == 10 and [b.count for b in tenths] == [2, 0, 0, 1] + [0] * 6
    assert tenths[1] == ReliabilityBin(0.1, 0.2, 0, 0, None) and tenths[1].accuracy is None
    assert tenths[0].to_dict() == {"lo": 0.0, "hi": 0.1, "count": 2, "right": 1,
                                   "accuracy": 0.5, "mean_confidence": -0.025}
    assert [b.count for b in reliability([], [])] == [0, 0, 0, 0]


def test_wrong_at_counts_sure_wrong_answers():
    conf = [0.95, 0.9, 0.89, 1.0, 0.2]
    right = [False, False, False, True, False]
    assert wrong_at(conf, right) == 2  # 0.95 and 0.9; 0.89 is below
    assert wrong_at(conf, right, 0.5) == 3
    assert wrong_at([], []) == 0


def test_evaluate_judges_by_kind_and_reports_each_kind():
    """A gold set with kinds: each question judged by its kind, accuracy per kind, the
    reliability table and wrong_at_0.9; ``run`` gets the gold question with its ``today``."""
    rel = GoldQuestion("r", "xuất khẩu năm ngoái", ("769 triệu USD",), ("d1",),
                       kind="relative", today=date(2019, 2, 1))
    gold = [GoldQuestion("f1", "Xuất khẩu 2018?", ("769 triệu USD",), ("d1",), kind="figure"),
            GoldQuestion("f2", "Nhập khẩu 2018?", ("464 triệu USD",), ("d1",), kind="figure"),
            MULTI, PARTIAL, rel,
            GoldQuestion("u1", "Xuất khẩu 2010?", (), (), kind="unanswerable"),
            GoldQuestion("u2", "CPI Hà Nội 2018?", (), (), kind="unanswerable")]
    good = (cite("d1", "đạt 769 triệu USD"),)
    replies = {
        "f1": figure_reply("769 triệu USD", citations=good, confidence=0.95),  # right
        "f2": figure_reply("769 triệu USD", citations=good, confidence=0.92),  # wrong, sure
        # one part of two: wrong, though the old rule (any gold answer) would take it
        "m": figure_reply("2.873,1 triệu USD", citations=(cite("d1", "2.873,1"),),
                          confidence=0.6),
        "p": figure_reply("Không tìm thấy", found=False, confidence=0.0),  # right refusal
        "r": figure_reply("769 triệu USD", citations=good, confidence=0.75),  # right
        "u1": figure_reply("Không tìm thấy", found=False, confidence=0.1),  # right refusal
        "u2": figure_reply("12 tỷ đồng", citations=good, confidence=0.99),  # wrong, sure
    }
    asked: list[GoldQuestion] = []

    def run(g: GoldQuestion) -> tuple[Answer, SearchResult]:
        asked.append(g)
        return replies[g.id], SearchResult(g.question, [hit("d1", "đạt 769 triệu USD", 1)])

    report = evaluate(gold, run)
    assert asked == gold  # the gold questions themselves: ids, kinds, today
    rows = {q["id"]: q for q in report.questions}
    assert {i: q["correct"] for i, q in rows.items()} == {
        "f1": True, "f2": False, "m": False, "p": True, "r": True, "u1": True, "u2": False}
    assert rows["r"]["kind"] == "relative" and rows["r"]["today"] == "2019-02-01"
    assert "today" not in rows["f1"]
    assert rows["p"]["metrics"]["answer_correct"] == 1.0  # refusing a partial period is right
    m = report.metrics
    assert m["accuracy"] == pytest.approx(4 / 7)
    assert m["answer_accuracy"] == pytest.approx(3 / 5)  # f1, p, r of the answerable five
    assert m["refusal_accuracy"] == 0.5
    assert {k: m[k] for k in m if k.startswith(("accuracy_", "questions_"))} == {
        "accuracy_figure": 0.5, "questions_figure": 2.0,
        "accuracy_multi": 0.0, "questions_multi": 1.0,
        "accuracy_relative": 1.0, "questions_relative": 1.0,
        "accuracy_partial_period": 1.0, "questions_partial_period": 1.0,
        "accuracy_unanswerable": 0.5, "questions_unanswerable": 2.0}
    assert [k for k in m if metric_group(k) == "kinds"][:3] == \
        ["accuracy", "accuracy_figure", "questions_figure"]  # kinds in KINDS order
    assert m["wrong_at_0.9"] == 2.0  # f2 and u2
    bins = report.reliability()  # over the five answered questions
    assert [(b.count, b.right) for b in bins] == [(0, 0), (1, 0), (1, 1), (3, 1)]
    data = report.to_dict()
    assert data["reliability"][3] == {"lo": 0.9, "hi": 1.0, "count": 3, "right": 1,
                                      "accuracy": 0.3333, "mean_confidence": 0.9533}
    text = report.table()
    assert re.search(r"^  accuracy_multi\s+0\.0000$", text, re.M)
    assert re.search(r"^  questions_figure\s+2$", text, re.M)
    assert re.search(r"^  wrong_at_0\.9\s+2$", text, re.M)
    assert re.search(r"^    0\.90–1\.00\s+3\s+1\s+0\.3333\s+0\.9533$", text, re.M)
    assert re.search(r"^    0\.00–0\.50\s+0\s+0\s+—\s+—$", text, re.M)

    # asked without diacritics: the question changes, its kind and day stay
    asked.clear()
    evaluate(gold, run, strip=True)
    assert [g.question for g in asked][:2] == ["Xuat khau 2018?", "Nhap khau 2018?"]
    assert asked[4].today == date(2019, 2, 1) and asked[4].kind == "relative"


def test_retrieval_only_runs_have_no_verdicts():
    gold = [GoldQuestion("f", "?", ("769",), ("d1",), kind="figure")]
    report = evaluate(gold, lambda g: (None, SearchResult(g.question, [hit("d1", "769")])))
    assert not report.answers_run and "reliability" not in report.to_dict()
    assert not any(metric_group(k) in ("kinds", "confidence") for k in report.metrics)
    assert "reliability" not in report.table()


@pytest.mark.parametrize("gold,answer", [
    ("0,3 đến 0,6 °C", "0,3–0,6 °C 100 năm qua"),
    ("7,2 - 7,5%", "7,2–7,5%"),
    ("450 tới 500 xe/ngày", "450–500 xe/ngày"),
    ("3–4 giờ", "khoảng 3 đến 4 giờ"),
])
def test_a_range_matches_whatever_its_joint(gold: str, answer: str) -> None:
    # the service shows a range with an en dash (rag.vi.numbers.Value.shown)
    assert contains_answer(answer_key(answer), answer_key(gold))
    assert not contains_answer(answer_key("0,3 °C"), answer_key(gold))
