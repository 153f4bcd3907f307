"""Questions asking for a document's number ("báo cáo ... số mấy", "QĐ ... ngày 26/9/2025
số bao nhiêu"): the number of the kind asked, of the date asked, even when the document's
year is not the year its subject is about."""

from __future__ import annotations

from pathlib import Path

from conftest import FakeEmbedder

from rag.answer.candidates import candidates
from rag.answer.intent import read_intent
from rag.answer.rules import document_fit
from rag.search.query import analyze
from rag.service import RagService
from rag.settings import Settings

REPORT = """UBND TỈNH LẠNG SƠN · SỞ TÀI CHÍNH

Số: 36/BC-STC · Lạng Sơn, ngày 08 tháng 01 năm 2021

BÁO CÁO

Tình hình thực hiện dự toán thu ngân sách nhà nước năm 2020

Tổng thu ngân sách nhà nước trên địa bàn năm 2020 đạt 7.482,6 tỷ đồng, bằng 101,8% dự toán.
"""

OCOP = """Sản phẩm OCOP năm 2025

Năm 2025, tỉnh đã công nhận 29 sản phẩm OCOP mới theo Quyết định số 1352/QĐ-UBND ngày 11/7/2025 và \
Quyết định số 1718/QĐ-UBND ngày 26/9/2025 của UBND tỉnh; xét đề nghị tại Tờ trình số \
318/TTr-SCT ngày 02/9/2025 của Sở Công Thương.
"""


def test_a_number_asked_of_any_kind_of_document():
    for question in ("báo cáo thu ngân sách năm 2020 của Sở Tài chính số mấy",
                     "to trinh cua So Cong Thuong so bao nhieu", "QĐ công nhận OCOP số mấy"):
        assert read_intent(analyze(question)).kind == "decision", question
    found = {c.text for c in candidates("Tờ trình số 318/TTr-SKHĐT và 09/2025/QĐ-UBND")}
    assert {"318/TTr-SKHĐT", "09/2025/QĐ-UBND"} <= found


def test_the_kind_and_the_date_asked_pick_the_number():
    sentence = OCOP.split("\n\n")[1]
    cands = {c.text: c for c in candidates(sentence) if c.kind == "decision"}
    asked = "qd cong nhan ocop ngay 26/9/2025 so bao nhieu"
    fits = {t: document_fit(asked, sentence, c) for t, c in cands.items()}
    assert fits["1718/QĐ-UBND"] == 1.0
    assert fits["1352/QĐ-UBND"] < 1.0 and fits["318/TTr-SCT"] < fits["1352/QĐ-UBND"]
    assert document_fit("to trinh so may", sentence, cands["318/TTr-SCT"]) == 1.0


def test_ask_gives_the_number_not_a_sentence(tmp_path: Path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "thu-ngan-sach-2020.txt").write_text(REPORT, encoding="utf-8")
    (docs / "ocop-2025.txt").write_text(OCOP, encoding="utf-8")
    service = RagService(Settings(index_dir=tmp_path / "index", sessions_db=tmp_path / "s.db"),
                         embedder=FakeEmbedder())
    service.index_paths([docs])
    answer = service.ask("báo cáo thu ngân sách năm 2020 của Sở Tài chính số mấy")
    assert answer.found and answer.answer == "36/BC-STC"
    dated = service.ask("QĐ công nhận OCOP ngày 26/9/2025 số bao nhiêu")
    assert dated.answer == "1718/QĐ-UBND"
