"""The short answer worded as the question asks: a change asked with no direction ("thay đổi thế
nào", "biến động", "tăng hay giảm") says which way, "giảm 0,62%", not a bare "0,62%"; the excess
over a plan asked ("vượt dự toán bao nhiêu") of a share over 100 leads with it, "vượt 8,3%
(108,3%)" (rag.answer.compose.answer_as_asked; testers' gold in break-test dev4 b17m, b17n --
both bare values at confidence 1.0); a change asked in the other direction than the one stated
says the stated one and denies the asked one, "tăng 0,18% (không giảm)" (break-test bt26 b051).
A question naming the direction stated or the share keeps the value as written."""

from __future__ import annotations

import pytest
from conftest import service_over_files

from rag.records import AskOptions
from rag.service import RagService

REPORT = ("Tình hình kinh tế - xã hội năm 2092\n(26/12/2092)\n\n"
          "Chỉ số giá vàng tháng 12/2092 giảm 0,62% so với tháng trước; chỉ số giá đô la Mỹ tăng "
          "0,18%.\n\n"
          "Tổng thu ngân sách nhà nước trên địa bàn năm 2092 ước đạt 8.715 tỷ đồng, bằng 108,3% "
          "dự toán.\n")


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over_files(tmp_path_factory.mktemp("asked"), {"ktxh-2092.txt": REPORT})


@pytest.mark.parametrize(("question", "expected"), [
    ("Chỉ số giá vàng tháng 12/2092 thay đổi thế nào?", "giảm 0,62%"),
    ("chi so gia do la My thang 12/2092 bien dong the nao", "tăng 0,18%"),
    ("Chỉ số giá vàng tháng 12/2092 tăng hay giảm?", "giảm 0,62%"),
    ("Tổng thu ngân sách năm 2092 vượt dự toán bao nhiêu?", "vượt 8,3% (108,3%)"),
    ("tong thu ngan sach nam 2092 vuot bao nhieu % du toan", "vượt 8,3% (108,3%)"),
    # the other direction asked: the one stated, the one asked denied (break-test bt26
    # b051: "giảm bao nhiêu" of a rise answered a bare "7,9%" at 0.83)
    ("Chỉ số giá đô la Mỹ tháng 12/2092 giảm bao nhiêu?", "tăng 0,18% (không giảm)"),
    ("chi so gia vang thang 12/2092 tang bao nhieu so voi thang truoc", "giảm 0,62% (không tăng)"),
    # near misses: the direction or the share asked keeps the value as written
    ("Chỉ số giá đô la Mỹ tháng 12/2092 tăng bao nhiêu?", "0,18%"),
    ("Chỉ số giá vàng tháng 12/2092 giảm bao nhiêu?", "giảm 0,62%"),
    ("Tổng thu ngân sách năm 2092 đạt bao nhiêu % dự toán?", "108,3%"),
])
def test_worded_as_asked(service: RagService, question: str, expected: str) -> None:
    answer = service.ask(question, AskOptions(retrieval_mode="lexical"))
    assert answer.found and answer.answer == expected, (answer.answer, answer.summary)
