"""A target's subject and verb are no part of its indicator (issue 17 break-test b17 F9):
"Năm 2030, huyện phấn đấu thu ngân sách ... đạt 520 tỷ đồng" is a target for "thu ngân
sách", asked "chỉ tiêu thu ngân sách năm 2030", "kế hoạch ...", "mục tiêu ..."; a sector
that plans ("ngành công thương phấn đấu tăng trưởng 9 - 10%") is what the figure is of."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import service_over_files

from rag.records import AskOptions
from rag.service import RagService
from rag.vi.frames import extract

PLAN = (
    "Năm 2029, thu ngân sách trên địa bàn huyện đạt 480 tỷ đồng. Năm 2030, huyện phấn đấu "
    "thu ngân sách trên địa bàn đạt 520 tỷ đồng; tăng trưởng kinh tế đạt 7,2%. Năm 2030, "
    "ngành công thương phấn đấu tăng trưởng 9 - 10%. Chúng tôi đặt mục tiêu kim ngạch xuất "
    "khẩu năm 2030 đạt 900 triệu USD.")
DOCS = {"ke-hoach-2030.txt": f"Kế hoạch phát triển kinh tế năm 2030\n20/12/2029\n\n{PLAN}\n"}


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over_files(tmp_path_factory.mktemp("targets"), DOCS)


@pytest.mark.parametrize(("sentence", "value", "indicator"), [
    ("Năm 2030, huyện phấn đấu thu ngân sách trên địa bàn đạt 520 tỷ đồng.", "520 tỷ đồng",
     "thu ngân sách"),
    ("Chúng tôi đặt mục tiêu kim ngạch xuất khẩu năm 2029 đạt 900 triệu USD.",
     "900 triệu USD", "kim ngạch xuất khẩu"),
    ("Năm 2031, tỉnh phấn đấu đạt tốc độ tăng trưởng kinh tế 8%.", "8%",
     "tốc độ tăng trưởng kinh tế"),
    ("Năm 2031, ngành công thương phấn đấu tăng trưởng 9 - 10%.", "9 - 10%",
     "tăng trưởng ngành công thương"),
    ("Năm 2030, tinh phan dau kim ngach xuat khau dat 700 trieu USD.", "700 trieu USD",
     "kim ngach xuat khau"),
    # "hướng tới" / "hướng đến" are target verbs as "phấn đấu" is (one list, TARGET_VERBS)
    ("UBND tỉnh hướng tới tỷ lệ đô thị hóa đạt 35% vào năm 2030.", "35%",
     "tỷ lệ đô thị hóa"),
    ("Năm 2031, huyện hướng đến kim ngạch xuất khẩu đạt 950 triệu USD.", "950 triệu USD",
     "kim ngạch xuất khẩu"),
    ("Năm 2031, huyen huong toi thu ngan sach dat 530 ty dong.", "530 ty dong",
     "thu ngan sach"),
])
def test_the_subject_and_verb_of_a_target_are_no_indicator(sentence: str, value: str,
                                                            indicator: str) -> None:
    frames = {f.value: f for f in extract(sentence, "t", "2029-12-20")}
    assert frames[value].target
    assert frames[value].indicator == indicator


@pytest.mark.parametrize(("question", "value"), [
    ("chỉ tiêu thu ngân sách năm 2030", "520 tỷ đồng"),
    ("kế hoạch thu ngân sách năm 2030", "520 tỷ đồng"),
    ("mục tiêu tăng trưởng kinh tế năm 2030", "7,2%"),
    ("chỉ tiêu tăng trưởng ngành công thương năm 2030", "9 - 10%"),
])
def test_a_target_is_asked_by_its_indicator(service: RagService, question: str,
                                            value: str) -> None:
    a = service.ask(question, AskOptions(today=date(2029, 12, 25)))
    assert a.found and value in a.answer, a.answer


def test_the_year_before_is_no_target(service: RagService) -> None:
    a = service.ask("thu ngân sách năm 2029", AskOptions(today=date(2029, 12, 25)))
    assert a.found and "480 tỷ đồng" in a.answer, a.answer
