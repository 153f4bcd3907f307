"""rag.eval metrics: pure functions on hand-made cases, and their aggregation by evaluate."""

from __future__ import annotations

import math

import pytest

from rag.eval import (
    GoldQuestion,
    answer_correct,
    answer_key,
    answer_tokens,
    citation_precision,
    cited_with_answer,
    contains_answer,
    document_relevance,
    evaluate,
    exact_match,
    first_rank,
    fmt_metric,
    has_gold_answer,
    hit_curve,
    mean,
    metric_group,
    ndcg_at,
    recall_at,
    refusal_precision_recall,
    sentence_correct,
    token_f1,
)
from rag.records import Answer, Chunk, Citation, Hit, SearchResult

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
    report = evaluate(gold, lambda q: (canned[q][0], SearchResult(q, canned[q][1])),
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
    groups = [metric_group(n) for n in m]
    assert groups == sorted(groups, key=["counts", "retrieval", "answers", "refusals",
                                         "latency"].index)


def test_has_gold_answer_with_any_of_the_golds():
    g = GoldQuestion("s", "?", ("21.450,7 tỷ đồng", "21.450,7"), ("d",))
    assert has_gold_answer("đạt 21450,7", g)
    assert has_gold_answer("đạt 21.450,7 tỉ đồng", g)
    assert not has_gold_answer("đạt 1.450,7", g)
