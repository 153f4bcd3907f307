"""A change against the month (quarter) before is a month's (quarter's): after "bình quân 4
tháng tăng 2,58%", "nhóm giao thông giảm 1,32% so với tháng trước" is of April, not of the
four months its paragraph named last (break-test bt22a, session 50: "chỉ số giá nhóm giao
thông tháng 4/2067" refused).  Near misses: a change against the same period of last year
keeps the paragraph's period; a period the sentence names is kept."""

from __future__ import annotations

import pytest
from conftest import service_over_files

from rag.records import AskOptions
from rag.service import RagService
from rag.vi.frames import extract

CPI = ("Chỉ số giá tiêu dùng tháng 4/2067 giảm 0,05% so với tháng trước; so với cùng kỳ tăng "
       "2,14%; bình quân 4 tháng tăng 2,58% so với bình quân cùng kỳ. Trong 11 nhóm hàng, nhóm "
       "giao thông giảm 1,32% so với tháng trước; nhóm giáo dục tăng 3,1% so với cùng kỳ.")
IIP = ("Chỉ số sản xuất công nghiệp quý II/2066 tăng 4,2% so với quý trước; 6 tháng đầu năm "
       "tăng 7,5% so với cùng kỳ. Ngành chế biến, chế tạo tăng 5,6% so với quý trước.")


def _of(text: str, day: str, value: str):
    return next(f for f in extract(text, "Báo cáo", day) if f.value.endswith(value))


def test_a_change_on_the_month_before_is_a_months() -> None:
    group = _of(CPI, "2067-04-29", "1,32%")
    assert group.period is not None and group.period.label == "tháng 4/2067"
    # against last year: the paragraph's period stays
    education = _of(CPI, "2067-04-29", "3,1%")
    assert education.period is not None and education.period.label != "tháng 4/2067"
    own = _of(CPI, "2067-04-29", "0,05%")
    assert own.period is not None and own.period.label == "tháng 4/2067"


def test_a_change_on_the_quarter_before_is_a_quarters() -> None:
    sector = _of(IIP, "2066-06-28", "5,6%")
    assert sector.period is not None and sector.period.label == "quý II/2066"


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over_files(tmp_path_factory.mktemp("base_period"), {
        "cpi.txt": ("Tình hình kinh tế - xã hội tháng 4 năm 2067\n29/4/2067\n\n" + CPI + "\n"
                    ).encode()})


@pytest.mark.parametrize("question", [
    "chỉ số giá nhóm giao thông tháng 4/2067",
    "nhom giao thong thang 4/2067 giam bao nhieu",
])
def test_the_group_of_the_month_asked(service: RagService, question: str) -> None:
    a = service.ask(question, AskOptions(retrieval_mode="lexical"))
    assert a.found and "1,32" in a.answer, (a.answer, a.confidence)
