"""Issue 17 break-test b17, round 6 (failures 4-6): a later count naming its noun only by the
head of the earlier count's unit ("đến tháng 8 có 47 chuỗi" after "41 chuỗi liên kết sản
xuất") counts the same things; a question's "từ đầu năm đến nay", "lũy kế từ đầu năm",
"cộng dồn" asks the months of this year to date (the running total "nâng tổng ... từ đầu
năm lên"), not the month's flow; "(theo) số liệu chính thức", "con số chính thức" in a
question is the basis asked, never words of the indicator.  Wordings, numbers and periods
differ from the break-test's."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import service_over_files

from rag.records import AskOptions
from rag.service import RagService
from rag.vi.asked import question_periods
from rag.vi.frames import extract

DOCS = {
    "thi-truong-9-2044.txt": (
        "Tình hình quản lý thị trường tháng 9/2044\n25/9/2044\n\n"
        "Tính đến tháng 2/2044, có 35 chuỗi cung ứng nông sản an toàn; đến tháng 9/2044 có "
        "42 chuỗi.\n\n"
        "Năm 2043 toàn tỉnh có 9 khu du lịch cộng đồng; đến tháng 9/2044 có 12 khu.\n"),
    "nong-lam-11-2044.txt": (
        "Sản xuất nông lâm nghiệp tháng 11/2044\n26/11/2044\n\n"
        "Trong tháng 11, toàn tỉnh trồng mới 265 ha quế, nâng tổng diện tích quế trồng mới từ "
        "đầu năm lên 2.915 ha. "
        "Trong tháng 11, cấp 37 mã số vùng trồng, đưa tổng số mã số vùng trồng được cấp từ "
        "đầu năm đến nay lên 402 mã số.\n"),
    "kinh-te-6t-2044.txt": (
        "Tình hình kinh tế - xã hội 6 tháng đầu năm 2044\n05/7/2044\n\n"
        "Quý II/2044, chỉ số sản xuất công nghiệp ước tăng 9,4%; số liệu chính thức quý I/2044 "
        "tăng 6,8%. Tháng 6/2044, kim ngạch xuất khẩu ước đạt 312 triệu USD; số liệu chính "
        "thức tháng 5/2044 đạt 298 triệu USD.\n"),
}


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over_files(tmp_path_factory.mktemp("ytd_official"), DOCS)


def _ask(service: RagService, question: str, today: str) -> tuple[str | None, float, str]:
    a = service.ask(question, AskOptions(today=date.fromisoformat(today)))
    return (a.figure.value if a.figure is not None else None), a.confidence, a.answer


@pytest.mark.parametrize(("sentence", "value", "indicator"), [
    ("Tính đến tháng 2/2044, có 35 chuỗi cung ứng nông sản an toàn; đến tháng 9/2044 có 42 "
     "chuỗi.", "42 chuỗi", "chuỗi cung ứng nông sản an toàn"),
    ("Năm 2043 toàn tỉnh có 9 khu du lịch cộng đồng; đến tháng 9/2044 có 12 khu.", "12 khu",
     "khu du lịch cộng đồng"),
])
def test_a_later_count_named_by_the_head_of_the_unit(sentence: str, value: str,
                                                      indicator: str) -> None:
    frames = {f.value: f for f in extract(sentence, "t", "2044-09-25")}
    assert frames[value].indicator == indicator, frames[value]


def test_a_count_in_another_unit_keeps_its_own_words() -> None:
    frames = {f.value: f for f in extract(
        "Đến tháng 5/2044, toàn tỉnh có 130 cửa hàng xăng dầu, 12 cửa hàng bán lẻ gas.", "t",
        "2044-09-25")}
    assert frames["12 cửa hàng"].indicator == "cửa hàng bán lẻ gas", frames["12 cửa hàng"]


@pytest.mark.parametrize(("question", "value"), [
    ("hiện nay có bao nhiêu chuỗi cung ứng nông sản an toàn?", "42"),
    ("hiện tại toàn tỉnh có mấy khu du lịch cộng đồng", "12"),
])
def test_now_asked_of_the_later_count(service: RagService, question: str, value: str) -> None:
    got, sure, answer = _ask(service, question, "2044-09-30")
    assert got is not None and got.startswith(value), (answer, sure)


def test_year_to_date_is_this_year_to_this_month() -> None:
    asked = question_periods("từ đầu năm đến nay trồng mới bao nhiêu ha quế", date(2044, 11, 28))
    assert [p.label for p in asked.periods] == ["11 tháng năm 2044"] and asked.latest is None
    named = question_periods("lũy kế 9 tháng năm 2044 trồng mới bao nhiêu ha quế",
                             date(2044, 11, 28))
    assert [p.label for p in named.periods] == ["9 tháng năm 2044"]
    now = question_periods("hiện nay có bao nhiêu chuỗi", date(2044, 11, 28))
    assert now.periods == () and now.latest == date(2044, 11, 28)


@pytest.mark.parametrize(("question", "value"), [
    ("từ đầu năm đến nay trồng mới bao nhiêu ha quế", "2.915"),
    ("lũy kế từ đầu năm trồng mới được bao nhiêu ha quế?", "2.915"),
    ("cộng dồn từ đầu năm diện tích quế trồng mới", "2.915"),
    ("kể từ đầu năm đã cấp bao nhiêu mã số vùng trồng", "402"),
    ("trong tháng này trồng mới bao nhiêu ha quế", "265"),
])
def test_year_to_date_asked(service: RagService, question: str, value: str) -> None:
    got, sure, answer = _ask(service, question, "2044-11-29")
    assert got is not None and got.startswith(value), (answer, sure)


def test_year_to_date_asked_before_this_month_is_reported(service: RagService) -> None:
    a = service.ask("từ đầu năm đến nay trồng mới bao nhiêu ha quế",
                    AskOptions(today=date(2044, 12, 3)))
    assert a.found and a.figure is not None and a.figure.value.startswith("2.915"), a.answer
    assert a.period_match == "partial", a.period_match


@pytest.mark.parametrize(("question", "value", "least"), [
    ("con số chính thức xuất khẩu tháng 5/2044", "298", 0.95),
    ("số liệu chính thức kim ngạch xuất khẩu tháng 5 năm 2044", "298", 0.95),
    ("kim ngạch xuất khẩu tháng 5/2044 theo số liệu chính thức", "298", 0.95),
    ("chỉ số sản xuất công nghiệp quý I/2044 theo số liệu chính thức tăng bao nhiêu", "6,8",
     0.0),
])
def test_official_figure_asked(service: RagService, question: str, value: str,
                               least: float) -> None:
    got, sure, answer = _ask(service, question, "2044-07-10")
    assert got is not None and got.startswith(value) and sure >= least, (answer, sure)
