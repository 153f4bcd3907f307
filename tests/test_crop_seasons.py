"""A crop season is a period of its own, named by its harvest year (issue 17 break-test b17
F11): "Vụ Đông Xuân 2030-2031" is no span of two years but the season harvested in 2031,
asked "vụ Đông Xuân 2030-2031" or "vụ Đông Xuân năm 2031"; another season of the year is
not it; and a question's "sản lượng" takes the quantity, not the area sown beside it."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import service_over_files

from rag.records import AskOptions
from rag.service import RagService
from rag.vi.frames import extract

CROPS = (
    "Vụ Đông Xuân 2030-2031, toàn tỉnh gieo cấy 45.600 ha lúa, năng suất bình quân 61,2 "
    "tạ/ha, sản lượng đạt 279.100 tấn. Vụ Hè Thu 2031, toàn tỉnh gieo cấy 38.400 ha lúa, sản "
    "lượng ước đạt 201.300 tấn. Năm 2030, sản lượng lương thực có hạt đạt 612.000 tấn.")
DOCS = {"nong-nghiep-9t-2031.txt": f"Sản xuất nông nghiệp 9 tháng năm 2031\n15/9/2031\n\n"
                                   f"{CROPS}\n"}


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over_files(tmp_path_factory.mktemp("crops"), DOCS)


@pytest.mark.parametrize(("sentence", "value", "label"), [
    (CROPS, "279.100 tấn", "vụ Đông Xuân 2030–2031"),
    (CROPS, "38.400 ha", "vụ Hè Thu 2031"),
    ("Vụ Mùa năm 2030, toàn tỉnh gieo trồng 41.000 ha lúa.", "41.000 ha", "vụ Mùa 2030"),
    ("Vụ Chiêm 2029 - 2030, sản lượng lúa đạt 150.000 tấn.", "150.000 tấn", "vụ Chiêm 2029–2030"),
])
def test_a_season_is_its_own_period(sentence: str, value: str, label: str) -> None:
    frames = {f.value: f for f in extract(sentence, "t", "2031-09-15")}
    period = frames[value].period
    assert period is not None and period.kind == "season" and period.label == label
    assert "vụ" not in frames[value].indicator.lower()


@pytest.mark.parametrize(("question", "value"), [
    ("sản lượng lúa vụ Đông Xuân 2030-2031", "279.100"),
    ("sản lượng lúa vụ Đông Xuân năm 2031", "279.100"),
    ("sản lượng lúa vụ Hè Thu 2031", "201.300"),
    ("diện tích gieo cấy lúa vụ Hè Thu 2031", "38.400"),
    ("năng suất lúa vụ Đông Xuân 2030-2031", "61,2"),
    ("sản lượng lương thực có hạt năm 2030", "612.000"),
])
def test_the_season_asked(service: RagService, question: str, value: str) -> None:
    a = service.ask(question, AskOptions(today=date(2031, 9, 20)))
    assert a.found and value in a.answer, a.answer


@pytest.mark.parametrize("question", [
    "sản lượng lúa vụ Mùa 2031",
    "sản lượng lúa vụ Đông Xuân 2029-2030",
])
def test_another_season_is_not_it(service: RagService, question: str) -> None:
    a = service.ask(question, AskOptions(today=date(2031, 9, 20)))
    assert not (a.found and ("279.100" in a.answer or "201.300" in a.answer)), a.answer
