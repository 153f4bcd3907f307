"""An average a day, a month or a year said after its total in the same clause, named by the
averaging words alone and its span written in its unit ("kim ngạch đạt 214,6 triệu USD, bình
quân 21,5 triệu USD/ngày": break-test bt23-b17 Q51; "đạt 21.460 lượt xe, bình quân khoảng 715
xe/ngày": dev3 r15; "bình quân khoảng 4.304 triệu USD/năm": dev report dv25), on reports of
our own: the average is of the total's indicator, said as an average ("bình quân mỗi ngày"),
so a question asking the average gets it and one asking the total gets the total."""

from __future__ import annotations

import pytest
from conftest import service_over_files

from rag.records import AskOptions
from rag.service import RagService
from rag.vi.frames import extract
from rag.vi.frames.indicators import is_average

DOCS = {
    "ben-xe-quy3-2052.txt": (
        "Hoạt động vận tải quý III/2052\n05/10/2052\n\n"
        "Quý III/2052, bến xe trung tâm phục vụ 96.600 lượt hành khách, trung bình 1.050 lượt "
        "hành khách/ngày, tăng 6,4% so với cùng kỳ.\n"),
    "thuong-mai-2052.txt": (
        "Tình hình thương mại năm 2052\n28/12/2052\n\n"
        "Năm 2052, doanh thu dịch vụ logistics của tỉnh đạt 5.640 triệu đồng, bình quân 470 "
        "triệu đồng/tháng.\n"),
    "cua-khau-8-2052.txt": (
        "Hoạt động cửa khẩu tháng 8/2052\n01/09/2052\n\n"
        "Tháng 8/2052, số phương tiện chở hàng qua cửa khẩu Đông Lâm đạt 27.900 lượt xe, bình "
        "quân đạt 900 xe/ngày.\n"
        "Cũng trong tháng 8/2052, khu du lịch Mẫu Sơn đón 46.500 lượt khách, tương đương 1.500 "
        "lượt khách/ngày.\n"),
}


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over_files(tmp_path_factory.mktemp("average_after_total"), DOCS)


@pytest.mark.parametrize(("sentence", "total", "average"), [
    ("Quý III/2052, bến xe trung tâm phục vụ 96.600 lượt hành khách, trung bình 1.050 lượt "
     "hành khách/ngày, tăng 6,4% so với cùng kỳ.", "96.600 lượt hành khách",
     "1.050 lượt hành khách/ngày"),
    ("Năm 2052, doanh thu dịch vụ logistics của tỉnh đạt 5.640 triệu đồng, bình quân 470 "
     "triệu đồng/tháng.", "5.640 triệu đồng", "470 triệu đồng/tháng"),
    ("Tháng 8/2052, số phương tiện chở hàng qua cửa khẩu Đông Lâm đạt 27.900 lượt xe, bình "
     "quân đạt 900 xe/ngày.", "27.900 lượt xe", "900 xe/ngày"),
    ("Giai đoạn 2046 - 2050, sản lượng than khai thác đạt 2,5 triệu tấn, bình quân khoảng "
     "500 nghìn tấn/năm.", "2,5 triệu tấn", "khoảng 500 nghìn tấn/năm"),
])
def test_the_average_takes_the_totals_name(sentence: str, total: str, average: str) -> None:
    frames = {f.value: f for f in extract(sentence, "t", "2052-12-31")}
    assert total in frames and average in frames, list(frames)
    assert frames[average].indicator == frames[total].indicator, frames[average]
    assert is_average(frames[average].verb), frames[average]
    assert not is_average(frames[total].verb), frames[total]
    assert frames[average].period == frames[total].period, frames[average]


def test_a_change_after_the_average_is_the_totals() -> None:
    frames = extract("Quý III/2052, bến xe trung tâm phục vụ 96.600 lượt hành khách, trung "
                     "bình 1.050 lượt hành khách/ngày, tăng 6,4% so với cùng kỳ.", "t",
                     "2052-10-05")
    change = next(f for f in frames if f.measure == "change")
    assert change.indicator == frames[0].indicator and not is_average(change.verb), change


def test_a_conversion_is_no_average() -> None:
    frames = {f.value: f for f in extract(
        "Năm 2052, xuất khẩu đạt 1.240 tỷ đồng, tương đương 52 triệu USD.", "t", "2052-12-31")}
    assert not is_average(frames["52 triệu USD"].verb), frames["52 triệu USD"]


@pytest.mark.parametrize(("question", "value"), [
    ("bến xe trung tâm bình quân mỗi ngày phục vụ bao nhiêu lượt hành khách quý III/2052?",
     "1.050"),
    ("bến xe trung tâm phục vụ bao nhiêu lượt hành khách quý III/2052?", "96.600"),
    ("doanh thu dịch vụ logistics bình quân mỗi tháng năm 2052?", "470"),
    ("doanh thu dịch vụ logistics năm 2052?", "5.640"),
    ("trung bình một ngày có bao nhiêu xe chở hàng qua cửa khẩu Đông Lâm tháng 8/2052?", "900"),
    ("số phương tiện chở hàng qua cửa khẩu Đông Lâm tháng 8/2052?", "27.900"),
    ("khu du lịch Mẫu Sơn mỗi ngày đón bao nhiêu lượt khách tháng 8/2052?", "1.500"),
    ("khu du lịch Mẫu Sơn đón bao nhiêu lượt khách tháng 8/2052?", "46.500"),
])
def test_average_and_total_asked(service: RagService, question: str, value: str) -> None:
    a = service.ask(question, AskOptions())
    assert a.found and a.figure is not None and a.figure.value.startswith(value), \
        (a.answer, a.confidence)
