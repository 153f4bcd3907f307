"""A period's total followed by its average a month or a day, the running total of the year
"nâng tổng ... từ đầu năm lên", and a second clause naming only its verb (issue 17 break-test
b17 B, H, E), on reports of our own: "ước đạt 21,4 triệu lượt khách, bình quân mỗi tháng 2,38
triệu" -- the total is the period's figure, the average its own figure in the total's unit;
"nâng tổng diện tích ... từ đầu năm lên 2.960 ha" in the sentence of a month is the months of
the year to it; "Vận chuyển hàng hóa ...; luân chuyển 246,5 triệu tấn.km" is "luân chuyển
hàng hóa"."""

from __future__ import annotations

import pytest
from conftest import service_over_files

from rag.records import AskOptions
from rag.service import RagService
from rag.vi.frames import extract
from rag.vi.frames.indicators import is_average

DOCS = {
    "van-tai-9t-2041.txt": (
        "Hoạt động vận tải 9 tháng năm 2041\n02/10/2041\n\n"
        "Vận chuyển hành khách 9 tháng năm 2041 ước đạt 18,9 triệu lượt khách, bình quân mỗi "
        "tháng 2,1 triệu. "
        "Vận chuyển hàng hóa tháng 9/2041 ước đạt 1,74 triệu tấn; luân chuyển 212,8 triệu "
        "tấn.km.\n\n"
        "Tính chung 9 tháng năm 2041, toàn tỉnh có 693 doanh nghiệp thành lập mới, bình quân "
        "mỗi tháng 77.\n"),
    "cua-khau-11-2041.txt": (
        "Hoạt động cửa khẩu tháng 11/2041\n30/11/2041\n\n"
        "Trong tháng 11/2041, các cửa khẩu thông quan 38.400 tấn nông sản, bình quân mỗi ngày "
        "1.280 tấn.\n"),
    "nong-nghiep-11-2041.txt": (
        "Sản xuất nông lâm nghiệp tháng 11/2041\n28/11/2041\n\n"
        "Trong tháng 11/2041, toàn tỉnh trồng mới 310 ha hồi, nâng tổng diện tích hồi trồng "
        "mới từ đầu năm lên 2.740 ha. "
        "Trong tháng, cấp 42 mã số vùng trồng, đưa tổng số mã số vùng trồng được cấp từ đầu "
        "năm đến nay lên 455 mã số.\n"),
}


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over_files(tmp_path_factory.mktemp("after_totals"), DOCS)


@pytest.mark.parametrize(("sentence", "total", "average"), [
    ("Vận chuyển hành khách 9 tháng năm 2041 ước đạt 18,9 triệu lượt khách, bình quân mỗi "
     "tháng 2,1 triệu.", "18,9 triệu lượt khách", "2,1 triệu lượt khách"),
    ("Tính chung 9 tháng năm 2041, toàn tỉnh có 693 doanh nghiệp thành lập mới, bình quân mỗi "
     "tháng 77.", "693 doanh nghiệp", "77 doanh nghiệp"),
    ("Trong tháng 11/2041, các cửa khẩu thông quan 38.400 tấn nông sản, bình quân mỗi ngày "
     "1.280 tấn.", "38.400 tấn", "1.280 tấn"),
    ("Năm 2041, cảng cạn xếp dỡ 412.000 tấn hàng, trung bình một tháng khoảng 34.300 tấn.",
     "412.000 tấn", "khoảng 34.300 tấn"),
])
def test_the_average_after_a_total(sentence: str, total: str, average: str) -> None:
    frames = {f.value: f for f in extract(sentence, "t", "2041-12-31")}
    assert total in frames and average in frames, list(frames)
    assert not is_average(frames[total].verb), frames[total]
    assert is_average(frames[average].verb), frames[average]
    assert frames[total].period == frames[average].period
    assert frames[average].unit.endswith(frames[total].unit.split()[-1]), frames[average]


@pytest.mark.parametrize(("question", "value"), [
    ("số lượt hành khách vận chuyển 9 tháng năm 2041", "18,9 triệu"),
    ("có bao nhiêu doanh nghiệp thành lập mới 9 tháng năm 2041?", "693"),
    ("lượng nông sản thông quan qua các cửa khẩu tháng 11/2041", "38.400"),
    ("bình quân mỗi tháng có bao nhiêu doanh nghiệp thành lập mới 9 tháng năm 2041?", "77"),
    ("bình quân mỗi ngày các cửa khẩu thông quan bao nhiêu tấn nông sản tháng 11/2041?",
     "1.280"),
    ("bình quân mỗi tháng vận chuyển bao nhiêu hành khách 9 tháng năm 2041?", "2,1 triệu"),
])
def test_total_and_average_asked(service: RagService, question: str, value: str) -> None:
    a = service.ask(question, AskOptions())
    assert a.found and a.figure is not None and a.figure.value.startswith(value), \
        (a.answer, a.confidence)


@pytest.mark.parametrize(("sentence", "value", "indicator", "label"), [
    ("Trong tháng 11/2041, toàn tỉnh trồng mới 310 ha hồi, nâng tổng diện tích hồi trồng mới "
     "từ đầu năm lên 2.740 ha.", "2.740 ha", "diện tích hồi trồng mới", "11 tháng năm 2041"),
    ("Trong tháng 11/2041, cấp 42 mã số vùng trồng, đưa tổng số mã số vùng trồng được cấp từ "
     "đầu năm đến nay lên 455 mã số.", "455 mã số", "mã số vùng trồng được cấp",
     "11 tháng năm 2041"),
    ("Tháng 10/2041, toàn tỉnh trồng mới 280 ha quế, lũy kế từ đầu năm lên 2.430 ha.",
     "2.430 ha", "", "10 tháng năm 2041"),
])
def test_the_running_total_of_the_year(sentence: str, value: str, indicator: str,
                                       label: str) -> None:
    frames = {f.value: f for f in extract(sentence, "t", "2041-11-28")}
    f = frames[value]
    assert f.period is not None and f.period.label == label, f
    assert "từ đầu" not in f.indicator and "nâng" not in f.indicator, f
    assert not indicator or f.indicator == indicator, f


def test_the_running_total_asked(service: RagService) -> None:
    a = service.ask("diện tích hồi trồng mới 11 tháng năm 2041", AskOptions())
    assert a.found and a.figure is not None and a.figure.value.startswith("2.740"), \
        (a.answer, a.confidence)
    assert a.period_match == "exact", a.period_match


@pytest.mark.parametrize(("sentence", "value", "indicator"), [
    ("Vận chuyển hàng hóa tháng 9/2041 ước đạt 1,74 triệu tấn; luân chuyển 212,8 triệu "
     "tấn.km.", "212,8 triệu tấn.km", "luân chuyển hàng hóa"),
    ("Vận chuyển hành khách tháng 9/2041 đạt 2,2 triệu lượt khách, luân chuyển 160 triệu "
     "lượt khách.km.", "160 triệu lượt khách.km", "luân chuyển hành khách"),
    ("Xuất khẩu hàng hóa tháng 9/2041 đạt 126 triệu USD; nhập khẩu 84 triệu USD.",
     "84 triệu USD", "nhập khẩu hàng hóa"),
])
def test_the_object_carried_to_a_verb_alone(sentence: str, value: str, indicator: str) -> None:
    frames = {f.value: f for f in extract(sentence, "t", "2041-10-02")}
    assert frames[value].indicator == indicator, frames[value]


def test_a_noun_clause_keeps_its_words() -> None:
    frames = {f.value: f for f in extract(
        "Kim ngạch xuất khẩu tháng 9/2041 đạt 126 triệu USD; nhập khẩu 84 triệu USD.",
        "t", "2041-10-02")}
    assert frames["84 triệu USD"].indicator == "nhập khẩu", frames["84 triệu USD"]


@pytest.mark.parametrize("question", [
    "khối lượng hàng hóa luân chuyển tháng 9/2041",
    "luân chuyển hàng hóa tháng 9/2041",
])
def test_the_carried_object_asked(service: RagService, question: str) -> None:
    a = service.ask(question, AskOptions())
    assert a.found and a.figure is not None and a.figure.value.startswith("212,8"), \
        (a.answer, a.confidence)

