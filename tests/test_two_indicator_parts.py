"""Two-part questions whose parts do not share a head (break-test bt17 of session 39, kind
1): "A và B" where B names an indicator of its own ("tổng vốn đăng ký", "lượt khách quốc
tế") or is a clause with its own subject and verb -- each part answered, the period said
once carried to both; item names joined by "và" stay one question."""

from __future__ import annotations

import pytest
from conftest import FakeEmbedder

from rag.answer.conjuncts import split_clauses, split_indicators
from rag.service import RagService
from rag.settings import Settings


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    root = tmp_path_factory.mktemp("twoind")
    docs = root / "docs"
    docs.mkdir()
    (docs / "dau-tu.txt").write_text(
        "Tình hình đầu tư 6 tháng năm 2033\n\n"
        "6 tháng năm 2033, toàn tỉnh cấp mới 23 dự án, tổng vốn đăng ký 2.715 tỷ đồng.\n",
        encoding="utf-8")
    (docs / "du-lich.txt").write_text(
        "Hoạt động du lịch quý III năm 2033\n\n"
        "Doanh thu du lịch quý III năm 2033 đạt 684 tỷ đồng.\n\n"
        "Lượt khách quốc tế quý III năm 2033 đạt 41.300 lượt.\n", encoding="utf-8")
    (docs / "thuong-mai.txt").write_text(
        "Hoạt động thương mại tháng 4 năm 2033\n\n"
        "Xuất khẩu 4 tháng năm 2033 đạt 731 triệu USD.\n\n"
        "Nhập khẩu 4 tháng năm 2033 đạt 1.208 triệu USD.\n", encoding="utf-8")
    svc = RagService(Settings(index_dir=root / "index", sessions_db=root / "s.db"),
                     embedder=FakeEmbedder())
    svc.index_paths([docs])
    return svc


def test_a_count_and_a_total_of_its_own(service: RagService):
    answer = service.ask("Số dự án cấp mới 6 tháng 2033 và tổng vốn đăng ký?")
    assert [p.answer for p in answer.parts] == ["23 dự án", "2.715 tỷ đồng"]


def test_two_indicators_the_period_after_both(service: RagService):
    answer = service.ask("Doanh thu du lịch và lượt khách quốc tế quý III năm 2033?")
    assert [p.answer for p in answer.parts] == ["684 tỷ đồng", "41.300 lượt"]


def test_two_clauses_each_with_its_subject(service: RagService):
    answer = service.ask("Nhập khẩu 4 tháng 2033 đạt bao nhiêu và xuất khẩu đạt bao nhiêu?")
    assert [p.answer for p in answer.parts] == ["1.208 triệu USD", "731 triệu USD"]


def test_a_part_not_reported_is_missing(service: RagService):
    answer = service.ask("Số dự án cấp mới 6 tháng 2033 và tỷ lệ giải ngân?")
    assert answer.parts and answer.missing and answer.confidence < 0.9


@pytest.mark.parametrize("question", [
    "Kim ngạch xuất nhập khẩu 6 tháng 2033?",
    "Số cán bộ của Sở Công Thương và Sở Tài chính năm 2033?",
    "Kim ngạch hàng dệt may và da giày năm 2033?",
    "tỷ lệ thu so với cùng kỳ và so với dự toán năm 2033?",
    # one official name with "và" (GSO; rag.vi.lexicon.EVERYDAY_NAMES), typed both ways
    "Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tăng bao nhiêu phần trăm?",
    "tong muc ban le hang hoa va doanh thu dich vu tang bao nhieu phan tram",
])
def test_one_item_name_stays_one_question(question: str):
    assert split_indicators(question) is None


def test_the_split_carries_the_period_both_ways():
    both = split_indicators("Giá trị sản xuất quý II 2033 và số lượng lao động?")
    assert both is not None and both.questions == (
        "Giá trị sản xuất quý II 2033?", "số lượng lao động quý II 2033?")
    clauses = split_clauses("điện thương phẩm năm 2033 đạt bao nhiêu và sản lượng than đạt "
                            "bao nhiêu")
    assert clauses is not None and clauses.questions[1].endswith("năm 2033")
