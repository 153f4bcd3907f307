"""Extractive answers on the real seed index: the right figure, its citation, refusals."""

from __future__ import annotations

import pytest
from conftest import D001, D002, GOLD, SeedIndex

from rag.answer import Answerer
from rag.answer.candidates import candidates
from rag.answer.intent import read_intent
from rag.answer.sentences import positions, with_bigrams
from rag.eval import evaluate, load_gold
from rag.records import AskOptions, Chunk, Hit
from rag.search.query import analyze


def test_export_2018_is_the_export_figure_with_its_citation(seed: SeedIndex) -> None:
    a = seed.service.ask("kim ngạch xuất khẩu 2018?")
    assert a.found and a.mode == "extractive"
    assert a.answer == "769 triệu USD"  # not 1.233 (total import-export) nor 26 (local goods)
    assert "29,6% kế hoạch" in a.answer_sentence
    (c,) = a.citations
    doc = seed.service.index.docs[c.doc_id]
    assert c.doc_id == D001 and c.date == "2018-05-22" and c.title == doc.title
    assert doc.text[c.start:c.end] == c.quote and "769 triệu USD" in c.quote
    assert "1.233" not in c.quote
    assert 0.0 <= a.confidence <= 1.0 and a.latency_ms > 0


@pytest.mark.parametrize("question, expected", [
    ("kim ngach xuat khau 2018", "769 triệu USD"),
    ("KNXK quý I/2018", "769 triệu USD"),
    ("tổng kim ngạch xuất nhập khẩu quý I 2018", "1.233 triệu USD"),
    ("kim ngạch nhập khẩu ba tháng đầu năm 2018", "464 triệu USD"),
    ("hàng địa phương xuất khẩu quý I 2018", "26 triệu USD"),
    ("xuất khẩu quý I 2018 tăng bao nhiêu so với cùng kỳ?", "33,4%"),
    ("tổng mức bán lẻ 6 tháng 2023", "14.659,9 tỷ đồng"),
    ("chỉ số sản xuất công nghiệp 9 tháng 2024", "0,05%"),
    ("Giám đốc Sở Công Thương Lạng Sơn là ai?", "Nguyễn Đình Đại"),
    ("Quyết định 865/QĐ-TTg ký ngày nào?", "17/8/2024"),
    ("What was Lang Son's export turnover in Q1 2018?", "769 triệu USD"),
])
def test_answers_pick_the_asked_indicator_period_and_kind(seed: SeedIndex, question: str,
                                                           expected: str) -> None:
    a = seed.service.ask(question)
    assert a.found, a.answer
    assert expected in a.answer


@pytest.mark.parametrize("question", [
    "kim ngạch xuất khẩu 2019?",  # a year the reports do not cover
    "giá vàng tại Lạng Sơn hôm nay",  # a topic they do not cover
    "kim ngạch nhập khẩu 6 tháng đầu năm 2021",  # 2021 has only total import-export
    "tổng mức bán lẻ 9 tháng 2024",  # the 9-month 2024 report has no retail figure
])
def test_unanswerable_questions_are_refused_with_related_passages(seed: SeedIndex,
                                                                   question: str) -> None:
    a = seed.service.ask(question)
    assert not a.found
    assert a.answer.startswith("Không tìm thấy thông tin")
    assert a.citations == () and a.related
    assert 0.0 <= a.confidence <= 1.0


def test_a_refused_year_is_never_answered_with_another_years_figure(seed: SeedIndex) -> None:
    a = seed.service.ask("KNXK 2019?")
    assert not a.found and "769" not in a.answer and "2019" in a.answer


def test_gold_answer_and_refusal_accuracy(seed: SeedIndex) -> None:
    gold = load_gold(GOLD)
    report = evaluate(gold, lambda g: seed.service.ask_with_hits(g.question,
                                                                 AskOptions(hits=10)))
    assert report.metrics["answer_accuracy"] >= 0.90
    assert report.metrics["refusal_accuracy"] == 1.0
    stripped = evaluate(gold, lambda g: seed.service.ask_with_hits(g.question,
                                                                   AskOptions(hits=10)),
                        strip=True)
    assert stripped.metrics["answer_accuracy"] >= 0.90
    assert stripped.metrics["refusal_accuracy"] == 1.0


@pytest.mark.parametrize(("question", "runs"), [
    ("Tốc độ tăng GRDP 9 tháng năm 2016", (("tang",), ("grdp",))),
    ("tốc độ giảm nhập khẩu phân bón", (("giam",), ("nhap", "khau", "phan", "bon"))),
    ("tốc độ giải ngân vốn đầu tư công", (("toc", "do", "giai", "ngan", "von", "dau", "tu",
                                            "cong"),)),
])
def test_a_rate_of_change_asks_for_the_change(question: str, runs: tuple) -> None:
    """"tốc độ tăng" asks for a change (the measure), not for the words "tốc độ", which a
    report seldom writes beside its figure ("GRDP ... ước tính tăng 8,06%"); "tốc độ" before
    anything else stays a content word."""
    assert read_intent(analyze(question)).runs == runs


@pytest.mark.parametrize("question, kind, unit", [
    ("kim ngạch xuất khẩu 2018?", "amount", None),
    ("KNXK quý I 2018 đạt bao nhiêu % KH?", "percent", None),
    ("xuất khẩu 9 tháng 2024 giảm bao nhiêu so với cùng kỳ?", "change", None),
    ("Có bao nhiêu doanh nghiệp mới thành lập?", "amount", "doanh"),
    ("Quyết định 09/2025/QĐ-UBND ban hành ngày nào?", "date", None),
    ("Giám đốc Sở là ai?", "person", None),
    ("Khu công nghiệp nào được báo cáo định kỳ?", "entity", None),
    # English: "how many X" counts X, as "bao nhiêu X" does
    ("How many new companies were registered in 2023?", "amount", "doanh"),
    ("how many tourists came in 2019", "amount", "khach"),
])
def test_read_intent(question: str, kind: str, unit: str | None) -> None:
    intent = read_intent(analyze(question))
    assert (intent.kind, intent.unit) == (kind, unit)


def test_read_intent_trade_indicator_is_the_most_specific() -> None:
    assert read_intent(analyze("kim ngạch xuất khẩu 2018")).trade == "export"
    assert read_intent(analyze("tổng kim ngạch xuất nhập khẩu")).trade == "import_export"
    assert read_intent(analyze("hàng địa phương xuất khẩu")).trade == "local_export"


@pytest.mark.parametrize("text", [
    "Kế hoạch thực hiện Phương án giai đoạn 2025 - 2030 tại Quyết định số 609/QĐ-UBND.",
    "Kết quả thời kỳ 2016–2020 được tổng kết tại Báo cáo số 45/BC-SCT.",
    "Chương trình 2021-2025 ban hành kèm Quyết định số 1352/QĐ-UBND.",
])
def test_a_span_of_years_is_no_value(text: str) -> None:
    """"giai đoạn 2025 - 2030" names a period: read as a value (a range), it stood between a
    document number and the words naming it, and another number took the answer (seed
    s010)."""
    assert [c.kind for c in candidates(text)] == ["decision"]


def test_candidates_keep_units_as_written() -> None:
    sent = ("Trong đó, kim ngạch xuất khẩu: 769 triệu USD, đạt 29,6% kế hoạch; nhập khẩu "
            "trung bình khoảng 1.100 - 1.150 xe/ngày; 91 hồ sơ trước hạn, xếp thứ 5/20; "
            "Quyết định số 609/QĐ-UBND ngày 10/3/2025 và 12/13 sản phẩm.")
    found = {(c.kind, c.text) for c in candidates(sent)}
    assert ("amount", "769 triệu USD") in found
    assert ("percent", "29,6%") in found
    assert ("count", "1.100 - 1.150 xe/ngày") in found
    assert ("count", "91 hồ sơ trước hạn") in found
    assert ("ratio", "5/20") in found
    assert ("decision", "609/QĐ-UBND") in found
    assert ("date", "ngày 10/3/2025") in found  # with its "ngày", as written
    assert ("ratio", "12/13 sản phẩm") in found
    assert not any(t == "2025" for _, t in found)


def test_answer_json_has_the_documented_fields(seed: SeedIndex) -> None:
    d = seed.service.ask("kim ngạch xuất khẩu 2018?").to_dict()
    assert set(d) >= {"question", "resolved_question", "answer", "found", "confidence",
                      "answer_sentence", "citations", "related", "mode", "latency_ms"}
    assert set(d["citations"][0]) == {"doc_id", "chunk_id", "title", "date", "quote", "start",
                                      "end", "page", "ocr"}
    # a seed is no paged file: no page, not read by OCR
    assert (d["citations"][0]["page"], d["citations"][0]["ocr"], d["ocr"]) == (None, False, False)
    assert d["related"][0]["doc_id"] == D001


def test_generative_mode_without_a_server_falls_back_and_says_why(seed: SeedIndex) -> None:
    a = seed.service.ask("kim ngạch xuất khẩu 2018?", AskOptions(answer_mode="generative"))
    assert a.mode == "extractive" and a.answer == "769 triệu USD"
    assert a.note and "RAG_LLM_BASE_URL" in a.note


def test_filters_and_bad_input(seed: SeedIndex) -> None:
    with pytest.raises(ValueError):
        seed.service.ask("   ")
    with pytest.raises(ValueError):
        seed.service.ask("xuất khẩu 2018", AskOptions(answer_mode="poetry"))
    a = seed.service.ask("chỉ số sản xuất công nghiệp 9 tháng 2024")
    assert a.citations[0].doc_id == D002


def test_a_report_naming_its_subject_in_the_title_answers_for_that_subject() -> None:
    """Reports name their subject in the title, then write "đơn vị": the figure of the titled
    report beats the same indicator of another company named in its own sentence."""
    def hit(rank: int, doc_id: str, title: str, text: str) -> Hit:
        chunk = Chunk(Chunk.make_id(doc_id, 0, len(text), text), doc_id, title, None, text,
                      0, len(text))
        return Hit(chunk, rank, 1.0 / (rank + 1))

    hits = [
        hit(0, "other", "Hợp tác xã Giang Khánh Toàn: kết quả 6 tháng đầu năm 2015",
            "Trong 6 tháng đầu năm 2015, Hợp tác xã Giang Khánh Toàn có nộp ngân sách nhà "
            "nước đạt 31,72 tỷ đồng, tăng 5,0% so với cùng kỳ."),
        hit(1, "asked", "Hợp tác xã Tuấn Dũng Linh: kết quả 6 tháng đầu năm 2015",
            "Tính đến hết 6 tháng đầu năm 2015, nộp ngân sách nhà nước của đơn vị đạt "
            "147,27 tỷ đồng (giảm 32,1% so cùng kỳ)."),
    ]
    docs = [with_bigrams(positions(f"{h.chunk.title} {h.chunk.text}")) for h in hits]
    answerer = Answerer(lambda term: sum(term in d for d in docs), len(docs))
    question = "Nộp ngân sách nhà nước của Hợp tác xã Tuấn Dũng Linh 6 tháng đầu năm 2015?"
    a = answerer.answer(analyze(question), hits, question)
    assert a.found and a.answer == "147,27 tỷ đồng"
    assert a.citations[0].doc_id == "asked"
