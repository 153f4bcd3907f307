"""Multi-part figure questions whose parts the "và" split used to lose (issue 17, dev2 multi
questions e100, e104, e107): bases listed with commas and "và" (each base a part), two
indicators sharing a head word ("thu ... và thu ..."), and a qualifier on one side only
("kim ngạch X và tổng kim ngạch Y") -- each part answered with its own figure, via the
service, on other indicators, bases and periods than the evidence."""

from __future__ import annotations

import pytest
from conftest import FakeEmbedder

from rag.service import RagService
from rag.settings import Settings


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    root = tmp_path_factory.mktemp("multi")
    docs = root / "docs"
    docs.mkdir()
    (docs / "gia-ca.txt").write_text(
        "Tình hình giá cả tháng 8 năm 2031\n\n"
        "Chỉ số giá vàng tháng 8/2031 tăng 1,35% so với tháng trước, tăng 4,62% so với "
        "tháng 12/2030 và tăng 9,08% so với cùng kỳ năm trước.\n", encoding="utf-8")
    (docs / "ngan-sach.txt").write_text(
        "Thu ngân sách 7 tháng năm 2031\n\n"
        "Chi thường xuyên 7 tháng năm 2031 đạt 1.214,3 tỷ đồng.\n\n"
        "Chi đầu tư phát triển 7 tháng năm 2031 đạt 903,2 tỷ đồng.\n", encoding="utf-8")
    (docs / "doanh-nghiep.txt").write_text(
        "Phát triển doanh nghiệp quý II năm 2031\n\n"
        "Vốn đăng ký của doanh nghiệp FDI quý II năm 2031 đạt 645,9 tỷ đồng.\n\n"
        "Tổng vốn đăng ký của tất cả doanh nghiệp quý II năm 2031 đạt 7.381,5 tỷ đồng.\n",
        encoding="utf-8")
    svc = RagService(Settings(index_dir=root / "index", sessions_db=root / "s.db"),
                     embedder=FakeEmbedder())
    svc.index_paths([docs])
    return svc


def test_bases_listed_with_commas_are_each_a_part(service: RagService):
    answer = service.ask("chỉ số giá vàng tháng 8/2031 so với tháng trước, so với tháng "
                         "12/2030 và so với cùng kỳ")
    assert answer.found and not answer.missing
    assert [p.period for p in answer.parts] == [
        "so với tháng trước", "so với tháng 12/2030", "so với cùng kỳ"]
    assert [p.answer for p in answer.parts] == ["1,35%", "4,62%", "9,08%"]


def test_two_indicators_sharing_a_head_word(service: RagService):
    answer = service.ask("Chi đầu tư phát triển và chi thường xuyên 7 tháng 2031")
    assert answer.found and not answer.missing
    assert [p.answer for p in answer.parts] == ["903,2 tỷ đồng", "1.214,3 tỷ đồng"]


def test_a_qualifier_on_one_side_only_keeps_each_part_its_own(service: RagService):
    answer = service.ask("vốn đăng ký của doanh nghiệp FDI và tổng vốn đăng ký của tất cả "
                         "doanh nghiệp quý II năm 2031")
    assert answer.found and not answer.missing
    assert [p.answer for p in answer.parts] == ["645,9 tỷ đồng", "7.381,5 tỷ đồng"]
    # the total is never given as the qualified part
    assert answer.parts[0].answer != "7.381,5 tỷ đồng"
