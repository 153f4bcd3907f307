"""Shares (issue 17 K13): "chiếm 38,2% tổng kim ngạch xuất nhập khẩu" is a share of a whole;
"tỷ trọng …", "chiếm bao nhiêu %" ask that measure.  They are answered from a share frame --
also an export's share, whose whole (total trade) written after the value is no trade of its
own, and a table captioned "Cơ cấu …" -- else refused: the sentence fallback gives no level
for a share question."""

from __future__ import annotations

import pytest
from conftest import service_over_files

from rag.answer.sentence_measure import states_measure
from rag.records import AskOptions
from rag.service import RagService
from rag.vi.frames import extract

DOCS = {
    "xnk-2026.txt": (
        "Kim ngạch xuất nhập khẩu năm 2026\n(12/02/2027)\n\n"
        "Năm 2026, kim ngạch nhập khẩu qua địa bàn đạt 4.120 triệu USD, chiếm 61,8% tổng "
        "kim ngạch xuất nhập khẩu qua địa bàn.\n\n"
        "Kim ngạch xuất khẩu hàng địa phương năm 2026 đạt 205 triệu USD, tăng 6,4% so với "
        "năm 2025.\n"),
    "co-cau-2026.txt": (
        "Báo cáo kinh tế năm 2026\n(20/12/2026)\n\n"
        "Bảng 3. Cơ cấu kinh tế năm 2026 (%)\n\n"
        "Năm 2026 — Nông, lâm nghiệp và thủy sản: 20,15\n"
        "Năm 2026 — Công nghiệp - xây dựng: 23,02\n"
        "Năm 2026 — Dịch vụ: 48,61\n"),
}


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over_files(tmp_path_factory.mktemp("share"), DOCS)


def ask(service: RagService, question: str):  # noqa: ANN201
    return service.ask(question, AskOptions(retrieval_mode="lexical"))


@pytest.mark.parametrize(("question", "expected"), [
    ("tỷ trọng nhập khẩu trong tổng kim ngạch XNK năm 2026", "61,8%"),
    ("tỷ trọng kim ngạch nhập khẩu qua địa bàn năm 2026", "61,8%"),
    ("nhập khẩu chiếm bao nhiêu % tổng kim ngạch xuất nhập khẩu năm 2026?", "61,8%"),
    ("tỷ trọng công nghiệp - xây dựng trong cơ cấu kinh tế năm 2026", "23,02"),
    ("dịch vụ chiếm bao nhiêu % trong cơ cấu kinh tế năm 2026?", "48,61"),
])
def test_a_share_question_takes_the_share(service: RagService, question: str,
                                          expected: str) -> None:
    answer = ask(service, question)
    assert answer.found and answer.answer.startswith(expected), answer.answer


@pytest.mark.parametrize("question", [
    "xuất khẩu hàng địa phương chiếm bao nhiêu % tổng kim ngạch xuất khẩu năm 2026?",
    "tỷ trọng xuất khẩu hàng địa phương năm 2026",
])
def test_a_share_not_stated_is_refused(service: RagService, question: str) -> None:
    answer = ask(service, question)
    assert not answer.found, answer.answer


def test_the_level_still_answers(service: RagService) -> None:
    answer = ask(service, "kim ngạch nhập khẩu qua địa bàn năm 2026")
    assert answer.found and answer.answer == "4.120 triệu USD", answer.answer


def test_a_caption_of_structure_makes_shares() -> None:
    text = DOCS["co-cau-2026.txt"]
    frames = {f.indicator: f for f in extract(text, "Báo cáo kinh tế năm 2026", "2026-12-20")}
    assert frames["Dịch vụ"].measure == "share"
    assert frames["Công nghiệp - xây dựng"].value == "23,02"


TERMS = {"xuat_khau": 1.0, "hang": 0.5, "dia_phuong": 1.0, "chiem": 1.5, "2026": 1.0}


@pytest.mark.parametrize(("sentence", "states"), [
    ("Kim ngạch xuất khẩu hàng địa phương năm 2026 đạt 205 triệu USD, tăng 6,4%.", False),
    ("Kim ngạch xuất khẩu hàng địa phương năm 2026 đạt 205 triệu USD, chiếm 5,1% tổng kim "
     "ngạch xuất khẩu.", True),
    ("Năm 2026, doanh thu du lịch chiếm 12% GRDP; xuất khẩu hàng địa phương đạt 205 triệu "
     "USD.", False),
])
def test_states_a_share(sentence: str, states: bool) -> None:
    assert states_measure(sentence, "share", TERMS) is states
