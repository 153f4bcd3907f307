"""A bound written as a denied comparison keeps its negation: "thu nộp ngân sách không dưới
15.000 triệu đồng" was answered "dưới 15.000 triệu đồng" at 1.0 -- a floor read as a ceiling
(break-test bt19b Q85).  "không dưới", "không ít hơn", "không thấp hơn" (at least), "không
quá", "không vượt quá" (at most) are quoted whole with the value (rag.vi.numbers.approx_before)
and need not stay in the indicator."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import service_over_files
from helpers import fpdf_page, make_docx

from rag.records import AskOptions
from rag.service import RagService
from rag.vi.frames import extract


@pytest.mark.parametrize(("text", "value", "indicator"), [
    ("Năm 2091 phấn đấu thu nộp ngân sách không dưới 22.500 triệu đồng.",
     "không dưới 22.500 triệu đồng", "thu nộp ngân sách"),
    ("Năm 2092, kim ngạch xuất khẩu phấn đấu không thấp hơn 640 triệu USD.",
     "không thấp hơn 640 triệu USD", "kim ngạch xuất khẩu"),
    ("Tỷ lệ hàng hóa vi phạm năm 2093 không quá 3,5%.", "không quá 3,5%", "Tỷ lệ hàng hóa vi phạm"),
    ("Số cuộc kiểm tra năm 2094 không ít hơn 1.150 cuộc.", "không ít hơn 1.150 cuộc",
     "Số cuộc kiểm tra"),
])
def test_a_denied_comparison_is_the_bound(text: str, value: str, indicator: str) -> None:
    frames = extract(text, "Báo cáo", "2091-01-05")
    assert any(f.value == value and f.indicator == indicator for f in frames), frames


def test_a_plain_comparison_stays_as_written() -> None:
    # near-miss: "dưới 900 tỷ đồng" with no "không" is the ceiling it says
    frames = extract("Năm 2095, thu ngân sách đạt dưới 900 tỷ đồng.", "Báo cáo", "2096-01-05")
    assert any(f.value == "dưới 900 tỷ đồng" for f in frames), frames


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    pdf = fpdf_page()
    for line in ("BÁO CÁO CÔNG TÁC QUẢN LÝ THỊ TRƯỜNG NĂM 2096",
                 "Năm 2096 kiểm tra 1.640 vụ, xử lý 1.210 vụ vi phạm.",
                 "III. Phương hướng năm 2097",
                 "Năm 2097 phấn đấu kiểm tra 1.700 vụ, thu nộp ngân sách không dưới 18.000 "
                 "triệu đồng."):
        pdf.multi_cell(0, 6, line)
        pdf.ln(2)
    plan = bytes(pdf.output())
    trade = make_docx("Kế hoạch xuất khẩu năm 2098",
                      "Năm 2098, phấn đấu kim ngạch xuất khẩu không thấp hơn 730 triệu USD.")
    return service_over_files(tmp_path_factory.mktemp("bound"), {
        "qltt-2096.pdf": plan, "xk-2098.docx": trade})


@pytest.mark.parametrize(("question", "expected"), [
    ("Năm 2097 phấn đấu thu nộp ngân sách bao nhiêu?", "không dưới 18.000 triệu đồng"),
    ("Kim ngạch xuất khẩu năm 2098 phấn đấu bao nhiêu?", "không thấp hơn 730 triệu USD"),
])
def test_the_answer_keeps_the_bound(service: RagService, question: str, expected: str) -> None:
    reply = service.ask(question, AskOptions(retrieval_mode="lexical", today=date(2097, 1, 10)))
    assert reply.found and expected in reply.answer, (reply.answer, reply.confidence)
