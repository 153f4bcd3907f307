"""A part asked by its initialism, the report naming it by its words: "số dự án FDI ... ?" of
"N dự án còn hiệu lực ...; trong đó có M dự án có vốn đầu tư trực tiếp nước ngoài (FDI)" is
the part M, not the total N (issue 17 break-test bt17-b17 failure 1: the total served at .89;
rag.vi.frames.measures.initialism_bases, rag.answer.figures: the foreign basis the words name
is the one the initialism asks)."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import service_over_files

from rag.records import AskOptions
from rag.service import RagService
from rag.vi.frames.measures import initialism_bases

ZONES = (
    "BAN QUẢN LÝ CÁC KHU CÔNG NGHIỆP TỈNH HÒA LẠC\nBáo cáo tình hình thu hút đầu tư 6 tháng "
    "đầu năm 2058\nHòa Lạc, ngày 05 tháng 7 năm 2058\n\n"
    "1. Thu hút đầu tư\nLũy kế đến 30/6/2058, các khu công nghiệp trên địa bàn tỉnh thu hút "
    "264 dự án với tổng vốn đăng ký 58.300 tỷ đồng; trong đó 97 dự án có vốn đầu tư trực "
    "tiếp nước ngoài, tổng vốn đăng ký 2,35 tỷ USD.\n"
    "2. Lao động\nCác doanh nghiệp đang hoạt động trong khu công nghiệp sử dụng 41.200 lao "
    "động, trong đó doanh nghiệp có vốn đầu tư trực tiếp nước ngoài (FDI) sử dụng 28.650 lao "
    "động.\n")
DOCS = {"bql-kcn-hoa-lac-6-2058.txt": ZONES}


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over_files(tmp_path_factory.mktemp("initialism-part"), DOCS)


@pytest.mark.parametrize(("question", "value"), [
    # the part asked by its initialism: the part, with or without "(FDI)" after its words
    ("có bao nhiêu dự án FDI trong các khu công nghiệp lũy kế đến 30/6/2058?", "97 dự án"),
    ("doanh nghiệp FDI trong khu công nghiệp sử dụng bao nhiêu lao động?", "28.650"),
    # the totals still answer when no part is asked
    ("tổng số dự án trong các khu công nghiệp lũy kế đến 30/6/2058?", "264 dự án"),
    ("doanh nghiệp trong khu công nghiệp sử dụng bao nhiêu lao động?", "41.200"),
])
def test_a_part_asked_by_its_initialism(service: RagService, question: str, value: str) -> None:
    a = service.ask(question, AskOptions(today=date(2058, 7, 20)))
    assert a.found and value in a.answer, (a.answer, a.confidence)


def test_the_bases_an_initialism_names() -> None:
    assert initialism_bases("so du an fdi con hieu luc") == {"international"}
    assert initialism_bases("von oda giai ngan") == frozenset()
    assert initialism_bases("chi so cpi; fdim") == frozenset()
