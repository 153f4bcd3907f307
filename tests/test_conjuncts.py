"""Questions asking for two figures joined by "và": split into two questions, answered one
part each; periods joined by "và" and verbs ("đạt và vượt") left as one question."""

from __future__ import annotations

from pathlib import Path

from conftest import FakeEmbedder

from rag.answer.conjuncts import conjoined, split_conjuncts
from rag.records import Answer, Citation
from rag.service import RagService
from rag.settings import Settings

PAIRS = {("san", "luong"), ("xi", "mang"), ("xuat", "khau"), ("nhap", "khau"), ("mo", "to"),
         ("to", "khai"), ("quoc", "te"), ("noi", "dia"), ("kim", "ngach")}


def cohesion(a: str, b: str) -> float:
    return 1.0 if (a, b) in PAIRS else 0.0


def test_two_things_asked_become_two_questions():
    got = split_conjuncts("sản lượng than và xi măng 9 tháng 2025", cohesion)
    assert got is not None
    assert got.questions == ("sản lượng than 9 tháng 2025", "sản lượng xi măng 9 tháng 2025")
    assert got.labels == ("than", "xi măng")
    basis = split_conjuncts("xuất khẩu và nhập khẩu mở tờ khai 6 tháng 2022", cohesion)
    assert basis is not None and basis.questions[1] == "nhập khẩu mở tờ khai 6 tháng 2022"
    repeated = split_conjuncts("ngày 28/10/2025 có bao nhiêu xe xuất khẩu và bao nhiêu xe "
                               "nhập khẩu", cohesion)
    assert repeated is not None
    assert repeated.questions == ("ngày 28/10/2025 có bao nhiêu xe xuất khẩu",
                                  "ngày 28/10/2025 có bao nhiêu xe nhập khẩu")
    assert repeated.labels == ("xe xuất khẩu", "xe nhập khẩu")
    assert split_conjuncts("lượng khách quốc tế và khách nội địa năm 2019", cohesion).labels \
        == ("khách quốc tế", "khách nội địa")


def test_periods_verbs_and_single_questions_stay_whole():
    for question in ("khách du lịch năm 2018 và 2019", "số sản phẩm OCOP tháng 6/2021 và "
                     "tháng 12/2021", "có bao nhiêu sản phẩm đạt và vượt so với cùng kỳ",
                     "kim ngạch năm nay và năm ngoái", "kim ngạch xuất khẩu 2018",
                     "xuất khẩu và nhập khẩu và tổng", "và"):
        assert split_conjuncts(question, cohesion) is None, question


def _answer(text: str, found: bool = True, doc: str = "a") -> Answer:
    cites = (Citation(doc_id=doc, chunk_id=f"{doc}#0", title=doc, date=None, start=0, end=3,
                      quote=text),) if found else ()
    return Answer(question="q", resolved_question="q", answer=text, found=found,
                  confidence=0.9 if found else 1.0, citations=cites, summary=text,
                  period_match="exact" if found else "none")


def test_parts_are_joined_and_a_missing_one_named():
    joined = conjoined("q", "q", ("than", "xi măng"), (_answer("418,6 nghìn tấn"),
                                                     _answer("", found=False)))
    assert joined is not None and joined.found
    assert joined.answer == "than: 418,6 nghìn tấn" and joined.missing == ("xi măng",)
    assert [p.period for p in joined.parts] == ["than", "xi măng"]
    assert conjoined("q", "q", ("a", "b"), (_answer("12/13"), _answer("12/13"))) is None
    assert conjoined("q", "q", ("a", "b"), (_answer("", False), _answer("", False))) is None


def test_ask_answers_each_thing_with_its_citation(tmp_path: Path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "san-xuat.txt").write_text(
        "Tình hình sản xuất công nghiệp 9 tháng năm 2025\n\n"
        "Sản lượng than sạch 9 tháng năm 2025 đạt 418,6 nghìn tấn, giảm 2,4% so với cùng kỳ.\n\n"
        "Sản lượng xi măng 9 tháng năm 2025 đạt 812,7 nghìn tấn, tăng 6,1% so với cùng kỳ.\n",
        encoding="utf-8")
    (docs / "ban-le.txt").write_text(
        "Thương mại 9 tháng năm 2025\n\nTổng mức bán lẻ hàng hóa 9 tháng năm 2025 đạt "
        "31.904,2 tỷ đồng.\n", encoding="utf-8")
    service = RagService(Settings(index_dir=tmp_path / "index", sessions_db=tmp_path / "s.db"),
                         embedder=FakeEmbedder())
    service.index_paths([docs])
    answer = service.ask("sản lượng than và xi măng 9 tháng năm 2025")
    assert answer.found
    assert "418,6 nghìn tấn" in answer.answer and "812,7 nghìn tấn" in answer.answer
    assert [p.found for p in answer.parts] == [True, True]
    assert {c.doc_id for c in answer.citations} == {"san-xuat"}
    single = service.ask("sản lượng xi măng 9 tháng năm 2025")
    assert single.answer == "812,7 nghìn tấn" and not single.parts
