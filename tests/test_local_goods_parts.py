"""Exports of local goods written as a part ("trong đó xuất khẩu ...") of a lead that names
the local-goods basis once -- "hàng địa phương", "của doanh nghiệp địa phương", "của các
doanh nghiệp trên địa bàn tỉnh" -- answer "xuất khẩu hàng địa phương" (break-test bt17 of
session 39, kind 2: refused at 0.86); the part of another basis never does."""

from __future__ import annotations

import pytest
from conftest import FakeEmbedder

from rag.service import RagService
from rag.settings import Settings

DOCS = {
    "hq-a.txt": ("Tình hình xuất nhập khẩu 10 tháng năm 2034\n\n"
                 "Lũy kế 10 tháng năm 2034, tổng kim ngạch xuất nhập khẩu qua địa bàn đạt "
                 "4.870 triệu USD; trong đó xuất khẩu đạt 1.932 triệu USD.\n\n"
                 "Hàng hóa của doanh nghiệp địa phương 10 tháng năm 2034: tổng kim ngạch "
                 "đạt 864 triệu USD, tăng 4,2%; trong đó xuất khẩu 317 triệu USD.\n"),
    "hq-b.txt": ("Kim ngạch xuất nhập khẩu quý III năm 2035\n\n"
                 "Riêng hàng hóa mở tờ khai tại Hải quan tỉnh, quý III năm 2035 kim ngạch đạt "
                 "1.120 triệu USD; trong đó xuất khẩu 402 triệu USD.\n\n"
                 "Kim ngạch xuất nhập khẩu hàng địa phương quý III năm 2035 đạt 233 triệu "
                 "USD, trong đó xuất khẩu 96 triệu USD.\n"),
    "hq-c.txt": ("Xuất nhập khẩu 6 tháng năm 2036\n\n"
                 "Kim ngạch xuất nhập khẩu của các doanh nghiệp trên địa bàn tỉnh 6 tháng "
                 "năm 2036 đạt 512 triệu USD, tăng 3,1%; trong đó xuất khẩu 188 triệu USD.\n"),
    "hq-d.txt": ("Kim ngạch xuất nhập khẩu tháng 5 năm 2037\n\n"
                 "Riêng hàng hóa mở tờ khai tại Hải quan tỉnh, tháng 5 năm 2037 kim ngạch đạt "
                 "300 triệu USD; trong đó xuất khẩu 120 triệu USD.\n"),
}


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    root = tmp_path_factory.mktemp("localparts")
    docs = root / "docs"
    docs.mkdir()
    for name, text in DOCS.items():
        (docs / name).write_text(text, encoding="utf-8")
    svc = RagService(Settings(index_dir=root / "index", sessions_db=root / "s.db"),
                     embedder=FakeEmbedder())
    svc.index_paths([docs])
    return svc


@pytest.mark.parametrize(("question", "value"), [
    ("Xuất khẩu hàng địa phương 10 tháng 2034?", "317 triệu USD"),
    ("Kim ngạch xuất khẩu hàng địa phương quý III năm 2035 là bao nhiêu?", "96 triệu USD"),
    ("Hàng địa phương xuất khẩu 6 tháng năm 2036 đạt bao nhiêu?", "188 triệu USD"),
])
def test_the_lead_basis_carries_to_its_export_part(service: RagService, question: str,
                                                   value: str):
    answer = service.ask(question)
    assert answer.found and answer.answer == value


def test_exports_on_all_bases_stay_the_total(service: RagService):
    answer = service.ask("Xuất khẩu 10 tháng 2034?")
    assert answer.answer == "1.932 triệu USD"


def test_the_part_of_another_basis_never_answers(service: RagService):
    answer = service.ask("Xuất khẩu hàng địa phương tháng 5 năm 2037?")
    assert "120" not in answer.answer
