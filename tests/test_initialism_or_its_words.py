"""An initialism asked of the words a report writes, and the words asked of a report that
writes the initialism alone (issue 17 break-test bt15-b17 failure 1: "CPI bình quân 11
tháng năm 2063 tăng bao nhiêu?" refused at 1.0 of a bulletin writing only "chỉ số giá tiêu
dùng ... bình quân 11 tháng tăng 3,05%"; rag.vi.lexicon.INITIALISMS,
rag.answer.figures.text_terms): CPI, IIP, GRDP, FDI either way."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import service_over_files

from rag.records import AskOptions
from rag.service import RagService

WORDS = (
    "CỤC THỐNG KÊ TỈNH KIM SƠN\nTình hình kinh tế - xã hội quý III và 9 tháng năm 2071\n"
    "Kim Sơn, ngày 30 tháng 9 năm 2071\n\n"
    "1. Giá cả\nChỉ số giá tiêu dùng tháng 9/2071 giảm 0,12% so với tháng trước, tăng 1,76% "
    "so với tháng 12/2070 và tăng 2,41% so với cùng kỳ năm trước; bình quân 9 tháng tăng "
    "2,18%.\n"
    "2. Công nghiệp\nChỉ số sản xuất công nghiệp 9 tháng năm 2071 ước tăng 8,6% so với cùng "
    "kỳ.\n"
    "3. Tăng trưởng\nTổng sản phẩm trên địa bàn tỉnh 9 tháng năm 2071 ước tăng 6,35% so với "
    "cùng kỳ năm trước.\n"
    "4. Đầu tư\nThu hút vốn đầu tư trực tiếp nước ngoài 9 tháng năm 2071 đạt 412 triệu USD.\n")
LETTERS = (
    "SỞ KẾ HOẠCH VÀ ĐẦU TƯ TỈNH VÂN ĐÌNH\nBáo cáo nhanh quý I năm 2072\n"
    "Vân Đình, ngày 02 tháng 4 năm 2072\n\n"
    "CPI tháng 3/2072 tăng 0,58% so với tháng trước; CPI bình quân quý I/2072 tăng 3,27% so "
    "với cùng kỳ.\n"
    "IIP quý I/2072 tăng 11,4% so với cùng kỳ năm trước.\n"
    "GRDP quý I/2072 ước tăng 6,92% so với cùng kỳ.\n")
DOCS = {"thong-ke-kim-son-9-2071.txt": WORDS, "nhanh-van-dinh-q1-2072.txt": LETTERS}


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over_files(tmp_path_factory.mktemp("initialisms"), DOCS)


@pytest.mark.parametrize(("question", "value"), [
    # the initialism asked, the report writing its words
    ("CPI bình quân 9 tháng năm 2071 tăng bao nhiêu?", "2,18%"),
    ("CPI tháng 9/2071 so với tháng 12/2070 tăng bao nhiêu?", "1,76%"),
    ("CPI tháng 9/2071 tăng bao nhiêu so với cùng kỳ năm trước?", "2,41%"),
    ("IIP 9 tháng năm 2071 tăng bao nhiêu?", "8,6%"),
    ("GRDP 9 tháng năm 2071 của Kim Sơn tăng bao nhiêu?", "6,35%"),
    ("vốn FDI thu hút 9 tháng năm 2071 đạt bao nhiêu?", "412 triệu USD"),
    # the words asked, the report writing the initialism alone
    ("tổng sản phẩm trên địa bàn quý I/2072 tăng bao nhiêu?", "6,92%"),
    ("chỉ số giá tiêu dùng tháng 3/2072 tăng bao nhiêu so với tháng trước?", "0,58%"),
    ("chỉ số giá tiêu dùng bình quân quý I/2072 tăng bao nhiêu?", "3,27%"),
    ("chỉ số sản xuất công nghiệp quý I/2072 tăng bao nhiêu?", "11,4%"),
])
def test_an_initialism_is_its_words(service: RagService, question: str, value: str) -> None:
    a = service.ask(question, AskOptions(today=date(2072, 4, 10)))
    assert a.found and value in a.answer, (a.answer, a.confidence)


@pytest.mark.parametrize("question", [
    "CPI bình quân 9 tháng năm 2070 tăng bao nhiêu?",
    "chỉ số giá tiêu dùng quý I/2071 tăng bao nhiêu?",
])
def test_another_period_is_still_refused(service: RagService, question: str) -> None:
    a = service.ask(question, AskOptions(today=date(2072, 4, 10)))
    assert not a.found, a.answer
