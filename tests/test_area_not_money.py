"""An area asked is no amount of money: "vốn đầu tư 1.120 tỷ đồng trên diện tích 214 ha" gives
the money the area's words, and "diện tích khu công nghiệp ... giai đoạn 2" was answered "1.120
tỷ đồng diện tích" at 1.0 (break-test bt21a, session 49).  Near misses: the money asked beside
the area, and a money rate per area, still answer; "Đồng" of a place's name is no currency."""

from __future__ import annotations

import pytest
from conftest import service_over_files

from rag.answer.figures import area_asked_of_money
from rag.records import AskOptions
from rag.service import RagService
from rag.vi.frames.frame import Frame
from rag.vi.text import fold

DOC = ("Khởi công dự án hạ tầng năm 2076\n12/04/2076\n\n"
       "Ngày 10/4/2076, dự án hạ tầng khu công nghiệp Đồng Đăng giai đoạn 3 được khởi công với "
       "vốn đầu tư 2.340 tỷ đồng trên diện tích 286 ha.\n")


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over_files(tmp_path_factory.mktemp("area_money"), {"kcn.txt": DOC.encode()})


@pytest.mark.parametrize(("question", "expected"), [
    ("Diện tích khu công nghiệp Đồng Đăng giai đoạn 3 là bao nhiêu?", "286"),
    ("dien tich khu cong nghiep Dong Dang giai doan 3", "286"),
    ("Vốn đầu tư khu công nghiệp Đồng Đăng giai đoạn 3?", "2.340"),
])
def test_the_area_or_the_money_asked(service: RagService, question: str, expected: str) -> None:
    a = service.ask(question, AskOptions(retrieval_mode="lexical"))
    assert a.found and a.answer.startswith(expected), (a.answer, a.confidence)


@pytest.mark.parametrize(("question", "unit", "skipped"), [
    ("dien tich khu cong nghiep dong dang", "tỷ đồng", True),
    ("von dau tu tren dien tich khu cong nghiep", "tỷ đồng", False),
    ("dien tich dat trong lua bao nhieu ty dong", "tỷ đồng", False),
    ("suat dau tu tren dien tich", "tỷ đồng/ha", False),
    ("dien tich khu cong nghiep", "ha", False),
])
def test_area_asked_of_money(question: str, unit: str, skipped: bool) -> None:
    frame = Frame(start=0, end=1, quote=(0, 1), value="1", low=1.0, high=None, unit=unit,
                  kind="amount", measure="level", indicator="vốn đầu tư")
    assert area_asked_of_money(frame, fold(question).lower()) is skipped
