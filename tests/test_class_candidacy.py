"""OCOP and market news (issue 17 break-test, session 42): three kinds of one reading.

(a) A class named after a word of candidacy ("2 sản phẩm tiềm năng 5 sao", "3 sản phẩm đề nghị
    công nhận 4 sao", "đang chờ công nhận 3 sao", "dự kiến nâng hạng 5 sản phẩm lên 4 sao")
    counts the products put forward, none of them yet of the class: "có bao nhiêu sản phẩm
    OCOP 5 sao?" was answered "2 sản phẩm" at 0.944 (rag.vi.grades.candidacy).
(b) Words of when ("cuối năm", "đầu năm", "giữa năm") are never part of an indicator
    ("Kết quả phân hạng cuối năm ...": rag.vi.frames.indicators.without_time_position).
(c) A summary keeps the place its figure's own clause names ("trong đó huyện Cao Lộc có 1 chợ
    hạng 1" was said "Năm 2024, 1 chợ hạng 1."), and the class's number ("chợ hạng 1", never
    "chợ hạng"): rag.answer.compose.kept_place, counted_words.

The reports are built here, with other places, numbers, years and file shapes than the
break-test's."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import FakeEmbedder
from helpers import make_docx

from rag.ingest.uploads import read_upload
from rag.service import RagService
from rag.settings import Settings
from rag.vi.frames import extract
from rag.vi.text import fold


def _service(tmp: Path, docs: dict[str, bytes]) -> RagService:
    s = RagService(Settings(index_dir=tmp / "index", sessions_db=tmp / "s.db"),
                   embedder=FakeEmbedder())
    for name, data in docs.items():
        s.add_document(read_upload(name, data))
    return s


# --- (a) a candidacy for a class is no count of the class --------------------------------------

_BINH_GIA = (
    "# Kết quả Chương trình OCOP năm 2071 huyện Bình Gia\n\n"
    "Đến hết năm 2071, huyện Bình Gia có 27 sản phẩm OCOP, trong đó 6 sản phẩm 4 sao và 21 "
    "sản phẩm 3 sao. Huyện có 2 sản phẩm tiềm năng 5 sao đã gửi Hội đồng Trung ương đánh giá.\n"
)
_VAN_QUAN = (
    "Báo cáo Chương trình OCOP năm 2072 huyện Văn Quan",
    "Năm 2072, huyện Văn Quan có 3 sản phẩm đề nghị công nhận 4 sao, đang chờ Hội đồng tỉnh.",
    "Năm 2073 dự kiến nâng hạng 5 sản phẩm lên 4 sao.",
)
_TRANG_DINH = (
    "Tình hình OCOP huyện Tràng Định năm 2074\n\n"
    "Năm 2074, huyện Tràng Định hiện có 4 sản phẩm đang chờ công nhận 3 sao.\n"
)


@pytest.fixture(scope="module")
def candidates(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return _service(tmp_path_factory.mktemp("candidacy"), {
        "ocop_binhgia_2071.md": _BINH_GIA.encode(),
        "ocop_vanquan_2072.docx": make_docx(*_VAN_QUAN),
        "ocop_trangdinh_2074.txt": _TRANG_DINH.encode(),
    })


@pytest.mark.parametrize(("question", "candidate"), [
    ("Có bao nhiêu sản phẩm OCOP 5 sao?", "2 sản phẩm"),
    ("Huyện Văn Quan có bao nhiêu sản phẩm OCOP 4 sao năm 2072?", "3 sản phẩm"),
    ("Số sản phẩm OCOP 4 sao của Văn Quan năm 2073?", "5 sản phẩm"),
    ("Tràng Định có bao nhiêu sản phẩm OCOP 3 sao năm 2074?", "4 sản phẩm"),
])
def test_a_candidacy_never_answers_the_class(candidates: RagService, question: str,
                                             candidate: str) -> None:
    a = candidates.ask(question)
    assert not (a.found and a.confidence >= 0.5 and a.answer.startswith(candidate)), \
        (question, a.answer, a.confidence)


@pytest.mark.parametrize(("question", "value"), [
    # near-misses: the plain class keeps answering beside a candidacy in the same sentence
    ("Có bao nhiêu sản phẩm OCOP 4 sao của Bình Gia?", "6 sản phẩm"),
    ("Huyện Bình Gia có bao nhiêu sản phẩm OCOP 3 sao?", "21 sản phẩm"),
])
def test_the_plain_class_still_answers(candidates: RagService, question: str,
                                       value: str) -> None:
    a = candidates.ask(question)
    assert a.found and a.answer.startswith(value) and a.confidence >= 0.5, \
        (question, a.answer, a.confidence)


def test_candidacy_words() -> None:
    from rag.vi.grades import candidacy

    sao = frozenset({"sao"})
    assert candidacy("sản phẩm tiềm năng 5 sao đã gửi Hội đồng", sao)
    assert candidacy("sản phẩm đề nghị công nhận 4 sao", sao)
    assert candidacy("nâng hạng sản phẩm 4 sao", sao)
    # the word after the class, or no class of the word asked: no candidacy
    assert not candidacy("sản phẩm đạt 4 sao, dự kiến năm sau", sao)
    assert not candidacy("sản phẩm đề nghị công nhận", sao)
    assert not candidacy("sản phẩm OCOP 4 sao", sao)


# --- (b) words of when are no part of an indicator ---------------------------------------------

@pytest.mark.parametrize("sentence", [
    "Kết quả phân hạng cuối năm: 209 sản phẩm OCOP.",
    "Phân hạng cuối năm có 312 sản phẩm OCOP.",
    "Tổng số sản phẩm OCOP đầu năm 2075 là 35 sản phẩm.",
    "Kiểm tra giữa năm 2076 phát hiện 12 vụ vi phạm.",
    "Kiểm tra giữa năm phát hiện 19 vụ vi phạm.",
    "Đánh giá đầu năm 2077: 41 sản phẩm OCOP được công nhận.",
])
def test_time_words_are_no_part_of_the_indicator(sentence: str) -> None:
    frames = extract(sentence, title="Báo cáo tổng kết năm 2077")
    for f in frames:
        words = fold(f.indicator).lower().split()
        assert not {"cuoi", "dau", "giua", "nam"} & set(words), (sentence, f.indicator)


@pytest.mark.parametrize(("sentence", "kept"), [
    # near-misses: a point that names the thing ("cuối kỳ" of a stock, "lần đầu") stays
    ("Hàng tồn kho cuối kỳ đạt 120 tỷ đồng.", "cuối kỳ"),
    ("Có 12 doanh nghiệp xuất khẩu lần đầu năm 2078.", "lần đầu"),
])
def test_words_naming_the_thing_stay(sentence: str, kept: str) -> None:
    frames = extract(sentence, title="Báo cáo năm 2078")
    assert frames and kept in frames[0].indicator, [f.indicator for f in frames]


# --- (c) a summary keeps the place its clause names ----------------------------------------------

_MARKETS = (
    "# Báo cáo hạ tầng thương mại năm 2079 tỉnh Hà Vân\n\n"
    "Năm 2079, toàn tỉnh Hà Vân có 45 chợ, trong đó huyện Sơn Khê có 2 chợ hạng 1.\n\n"
    "Năm 2080, thị xã Lam Điền có 7 chợ hạng 3 và 1 chợ hạng 2.\n\n"
    "Năm 2081, huyện Bắc Vọng có 14 sản phẩm OCOP 4 sao.\n\n"
    "Năm 2082, toàn tỉnh có 9 siêu thị hạng 2.\n"
)


@pytest.fixture(scope="module")
def markets(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return _service(tmp_path_factory.mktemp("markets"),
                    {"cho_havan_2079.md": _MARKETS.encode()})


@pytest.mark.parametrize(("question", "said"), [
    ("Có bao nhiêu chợ hạng 1 năm 2079?", ("2 chợ hạng 1", "huyện Sơn Khê")),
    ("Có bao nhiêu chợ hạng 3 năm 2080?", ("7 chợ hạng 3", "thị xã Lam Điền")),
    ("Có bao nhiêu sản phẩm OCOP 4 sao năm 2081?", ("14 sản phẩm OCOP 4 sao", "huyện Bắc Vọng")),
])
def test_the_summary_keeps_place_and_class(markets: RagService, question: str,
                                           said: tuple[str, str]) -> None:
    a = markets.ask(question)
    assert a.found and a.summary and all(w in a.summary for w in said), \
        (question, a.answer, a.summary)


def test_a_placeless_sentence_stays_placeless(markets: RagService) -> None:
    # near-miss: no place in the sentence, none in the summary (so on the base as well)
    a = markets.ask("Có bao nhiêu siêu thị hạng 2 năm 2082?")
    assert a.found and a.summary and "9 siêu thị" in a.summary, (a.answer, a.summary)
    assert " tại " not in a.summary, a.summary


def test_a_placeless_summary_keeps_its_class(markets: RagService) -> None:
    a = markets.ask("Có bao nhiêu siêu thị hạng 2 năm 2082?")
    assert a.found and a.summary and "9 siêu thị hạng 2" in a.summary, (a.answer, a.summary)
