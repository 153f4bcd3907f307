"""The broadest figure first, and an elliptical list item keeps its own qualifier (issue 17
break-test bt26-b17 failures 2 and 3).  "Tỷ lệ thất nghiệp của lao động trong độ tuổi ... là
2,07%" and "Tỷ lệ thất nghiệp của thanh niên (15-24 tuổi) ... là 6,85%": a question naming no
group ("tỷ lệ thất nghiệp quý II") was answered with the youth rate at 1.0; "Tỷ lệ thất nghiệp
khu vực thành thị là 3,02%, khu vực nông thôn là 1,63%" framed 1,63 as "khu vực nông thôn"
alone, and the rural question got the urban rate.  Other indicators, groups, numbers, periods
and places than the example."""

from __future__ import annotations

import pytest
from conftest import service_over_files

from rag.records import AskOptions
from rag.service import RagService
from rag.vi.frames import extract
from rag.vi.frames.indicators import parallel_item, population_groups


def _indicators(sentence: str) -> dict[str, str]:
    text = f"Báo cáo quý III năm 2064\n\n{sentence}\n"
    return {f.value: f.indicator for f in extract(text, "Báo cáo quý III năm 2064")}


def test_a_comma_item_takes_the_head_of_the_item_before() -> None:
    got = _indicators("Tỷ lệ hộ nghèo khu vực miền núi quý III/2064 là 7,42%, khu vực ven "
                      "biển là 2,15%.")
    assert got["2,15%"] == "Tỷ lệ hộ nghèo khu vực ven biển"
    got = _indicators("Tỷ lệ lao động qua đào tạo khu vực nông thôn năm 2064 đạt 58,3%, "
                      "khu vực thành thị đạt 74,9%.")
    assert got["74,9%"] == "Tỷ lệ lao động qua đào tạo khu vực thành thị"


def test_a_short_name_after_a_group_is_the_whole() -> None:
    got = _indicators("Tỷ lệ thiếu việc làm khu vực thành thị là 1,36%, khu vực nông thôn là "
                      "2,48%. Tính chung 9 tháng, tỷ lệ thiếu việc làm là 2,01%.")
    assert got["2,48%"] == "Tỷ lệ thiếu việc làm khu vực nông thôn"
    assert got["2,01%"].lower() == "tỷ lệ thiếu việc làm"


def test_parallel_item_reads_repeated_opening_words() -> None:
    assert parallel_item("Tỷ lệ hộ nghèo khu vực miền núi", "khu vực ven biển")
    assert not parallel_item("khu vực công nghiệp và xây dựng", "khu vực dịch vụ")
    assert not parallel_item("Tỷ lệ hộ nghèo khu vực miền núi", "ngô")


def test_population_groups() -> None:
    assert population_groups("Tỷ lệ thất nghiệp của lao động trong độ tuổi") == []
    assert population_groups("số xã đạt chuẩn nông thôn mới") == []
    assert population_groups("lao động năm 2064") == []
    assert frozenset({"thanh", "nien"}) in population_groups(
        "Tỷ lệ thiếu việc làm của thanh niên (15-24 tuổi)")
    assert population_groups("thu nhập của lao động nữ") == [frozenset({"nu"})]


DOCS = {
    "laodong_q3_2064.txt": (
        "CỤC THỐNG KÊ TỈNH LAM ĐIỀN\n"
        "Báo cáo tình hình lao động, việc làm quý III và 9 tháng năm 2064\n\n"
        "Tỷ lệ thiếu việc làm của lao động trong độ tuổi quý III/2064 là 1,74%, tăng 0,08 điểm "
        "phần trăm so với quý II/2064. Tỷ lệ thiếu việc làm khu vực thành thị là 0,93%, khu vực "
        "nông thôn là 2,26%.\n"
        "Tỷ lệ thiếu việc làm của thanh niên (15-24 tuổi) quý III/2064 là 4,57%.\n"
        "Thu nhập bình quân của lao động quý III/2064 đạt 9,84 triệu đồng/tháng; trong đó lao "
        "động nữ 8,91 triệu đồng/tháng.\n"),
}


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over_files(tmp_path_factory.mktemp("broadest_group"), DOCS)


@pytest.mark.parametrize(("question", "expected", "others"), [
    ("tỷ lệ thiếu việc làm quý III/2064?", "1,74", ("4,57", "0,93", "2,26")),
    ("ty le thieu viec lam quy 3/2064 cua Lam Dien?", "1,74", ("4,57", "0,93", "2,26")),
    ("tỷ lệ thiếu việc làm quý 3 năm 2064 là bao nhiêu?", "1,74", ("4,57", "0,93", "2,26")),
    ("tỷ lệ thiếu việc làm khu vực nông thôn quý III/2064?", "2,26", ("0,93", "1,74")),
    ("tỷ lệ thiếu việc làm thành thị quý III/2064?", "0,93", ("2,26", "1,74")),
    ("tỷ lệ thiếu việc làm của thanh niên quý III/2064?", "4,57", ("1,74",)),
])
def test_the_group_asked_or_the_broadest(service: RagService, question: str, expected: str,
                                         others: tuple[str, ...]) -> None:
    a = service.ask(question, AskOptions())
    assert a.found and expected in a.answer, a.answer
    assert not any(o in a.answer for o in others), a.answer
