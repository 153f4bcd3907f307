"""What people actually type (issue 16): misspelt words corrected against the corpus's own
vocabulary (shown as "Hiểu là"), and a year no report covers refused with the near years."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from conftest import FakeEmbedder

from index import Index
from rag.ingest.readers import make_document
from rag.service import RagService, near_years
from rag.settings import Settings
from rag.vi.restore import DiacriticRestorer
from rag.vi.spell import Speller

REPORTS = {
    "xnk-2018": ("Tình hình xuất nhập khẩu năm 2018",
                 "Năm 2018, tổng kim ngạch xuất nhập khẩu qua địa bàn tỉnh đạt 4.960 triệu USD. "
                 "Trong đó, kim ngạch xuất khẩu đạt 2.947 triệu USD, tăng 9,6%; kim ngạch nhập "
                 "khẩu đạt 2.013 triệu USD, tăng 16,9%.\n\nCông suất nhà máy xi măng đạt 1,2 "
                 "triệu tấn."),
    "xnk-2017": ("Tình hình xuất nhập khẩu năm 2017",
                 "Năm 2017, kim ngạch xuất khẩu đạt 2.689 triệu USD; kim ngạch nhập khẩu đạt "
                 "1.722 triệu USD. Tổng mức bán lẻ hàng hóa đạt 17.650 tỷ đồng.\n\n"
                 "Hàng xuất khẩu chủ yếu là nông sản; doanh nghiệp xuất khẩu tăng 12%. Hoạt động "
                 "xuất khẩu qua cửa khẩu phụ, xuất khẩu chính ngạch và xuất khẩu tiểu ngạch đều "
                 "tăng."),
    "ban-le-2019": ("Thương mại nội địa năm 2019",
                    "Năm 2019, tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng đạt "
                    "21.380 tỷ đồng; doanh nghiệp thành lập mới đạt 412 doanh nghiệp."),
}


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    base = tmp_path_factory.mktemp("questions")
    svc = RagService(Settings(index_dir=base / "index", sessions_db=base / "s.db"),
                     embedder=FakeEmbedder())
    svc.upsert([make_document(doc_id, text, title=title)
                for doc_id, (title, text) in REPORTS.items()])
    return svc


# --- 10. typos -------------------------------------------------------------------------------


@pytest.mark.parametrize("typed, resolved, figure", [
    ("kim nghạch xuất khẩu năm 2018?", "kim ngạch xuất khẩu năm 2018?", "2.947 triệu USD"),
    ("suất khẩu năm 2018 đạt bao nhiêu", "xuất khẩu năm 2018 đạt bao nhiêu", "2.947 triệu USD"),
    ("kim ngạch nhâp khẩu năm 2017", "kim ngạch nhập khẩu năm 2017", "1.722 triệu USD"),
    ("kim ngách xuất khẩu năm 2017", "kim ngạch xuất khẩu năm 2017", "2.689 triệu USD"),
    ("tổng mức bám lẻ năm 2019", "tổng mức bán lẻ năm 2019", "21.380 tỷ đồng"),
    ("kim ngach suat khau nam 2018", "kim ngach xuat khau nam 2018", "2.947 triệu USD"),
    # a question phrase mistyped: the reports never write "bao nhiêu", so only the phrase
    # itself can correct it
    ("kim ngạch xuất khẩu năm 2018 bao nhiu", "kim ngạch xuất khẩu năm 2018 bao nhiêu",
     "2.947 triệu USD"),
    ("kim ngach nhap khau nam 2017 bao nhiu", "kim ngach nhap khau nam 2017 bao nhieu",
     "1.722 triệu USD"),
])
def test_typos_are_corrected_and_shown(service: RagService, typed: str, resolved: str,
                                       figure: str) -> None:
    answer = service.ask(typed)
    assert answer.question == typed
    assert answer.resolved_question == resolved  # what the front ends show as "Hiểu là"
    assert answer.found and answer.answer == figure


@pytest.mark.parametrize("question", [
    "kim ngạch xuất khẩu năm 2018?", "Tổng mức bán lẻ hàng hóa tháng 8/2019 đạt bao nhiêu?",
    "công suất nhà máy xi măng năm 2018", "kim ngach xuat khau nam 2018 dat bao nhieu",
    "số doanh nghiệp thành lập mới ở Cao Bang năm 2019", "KNXK 2018 là bao nhiêu",
    "what was the export turnover in 2018"])
def test_correct_questions_are_left_as_typed(service: RagService, question: str) -> None:
    assert service.ask(question).resolved_question == question


def test_a_question_word_is_no_typo_of_another(service: RagService) -> None:
    """"la ai" is one edit from the question phrase "la gi": read as it, "who" became "what"
    and the sentence chooser looked for no name (dev-reports d151)."""
    for question in ("Truong Thong ke tinh Lang Son nam 2026 la ai",
                     "Giam doc So Cong Thuong la ai"):
        assert service.ask(question).resolved_question == question


def test_time_words_are_never_corrected(seed) -> None:
    """On the seeds, where "qua" is frequent and "quý" rare, "quý I/2018" stays a quarter."""
    for question in ("kim ngạch xuất khẩu quý I/2018", "xuất khẩu tháng 8 năm 2018",
                     # "khẩu và" is a corpus pair, "khẩu ba" none: "ba tháng" stays three
                     "tong kim ngach xuat nhap khau ba thang dau nam 2018"):
        assert seed.service.ask(question).resolved_question == question


def test_vocabulary_is_stored_with_the_index(service: RagService) -> None:
    loaded = Index.load(service.settings.index_dir)
    assert loaded.word_forms.counts["ngạch"] >= 3
    assert loaded.word_forms.pairs["xuất khẩu"] >= 4
    assert Speller(loaded.word_forms).correct("kim nghạch") == "kim ngạch"


def test_an_index_without_a_vocabulary_corrects_nothing() -> None:
    forms = DiacriticRestorer.forms(["kim ngạch xuất khẩu"])
    old = type(forms)(forms.unigrams, forms.bigrams)  # an index written before the counts
    assert Speller(old).correct("kim nghạch") == "kim nghạch"


def test_the_cli_prints_how_it_read_the_question(service: RagService, monkeypatch,
                                                 capsys) -> None:
    from api import cli

    monkeypatch.setattr(cli, "RagService", lambda settings: service)
    monkeypatch.setattr(sys, "argv", ["rag", "ask", "kim nghạch xuất khẩu năm 2018"])
    with pytest.raises(SystemExit) as done:
        cli.main()
    assert done.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith("(hiểu là: kim ngạch xuất khẩu năm 2018)\n")
    assert "2.947 triệu USD" in out.splitlines()[1]


# --- 11. a year no report covers -------------------------------------------------------------


@pytest.mark.parametrize("question, asked, near", [
    ("kim ngạch xuất khẩu năm 2108", "2108", "2018"),
    ("kim ngach xuat khau nam 2108 dat bao nhieu", "2108", "2018"),
    ("kim ngạch xuất khẩu quý I/2071", "2071", "2017"),
    ("tổng mức bán lẻ năm 2029", "2029", "2019"),
])
def test_a_year_no_report_covers_is_refused_with_the_near_year(
        service: RagService, question: str, asked: str, near: str) -> None:
    answer = service.ask(question)
    assert not answer.found and answer.citations == ()
    assert f"năm {asked}" in answer.answer and f"năm {near}" in answer.answer
    assert "triệu USD" not in answer.answer and "tỷ đồng" not in answer.answer


def test_a_covered_year_and_a_comparison_year_are_answered(service: RagService) -> None:
    assert service.ask("kim ngạch xuất khẩu năm 2018").answer == "2.947 triệu USD"
    answer = service.ask("kim ngạch xuất khẩu năm 2018 so với năm 1995")
    assert "1995" not in answer.answer or answer.found


def test_near_years() -> None:
    covered = [2012, 2016, 2017, 2018, 2019, 2021]
    assert near_years(2108, covered)[0] == 2018  # two digits swapped
    assert 2017 in near_years(2071, covered)  # a swap or one digit: both near
    assert near_years(2030, covered, 1) == [2021] or near_years(2030, covered, 1) == [2016]


def test_empty_index_still_refuses_plainly(tmp_path: Path) -> None:
    svc = RagService(Settings(index_dir=tmp_path / "i", sessions_db=tmp_path / "s.db"),
                     embedder=FakeEmbedder())
    svc.upsert([make_document("a", "Năm 2018 xuất khẩu đạt 10 triệu USD.", title="A")])
    svc.remove(["a"])
    assert not svc.ask("xuất khẩu năm 2108").found
