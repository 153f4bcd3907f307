"""A change said with how it ranks, and a figure whose indicator a leading "Về <X>," names
(issue 17 break-test bt17-b17 failures 3 and 5).

"... trong đó nhóm giáo dục tăng cao nhất 4,86% do điều chỉnh học phí" framed 4,86% as a
level of "nhóm giáo dục tăng cao nhất": the change verb with a degree or superlative word
("tăng cao nhất", "giảm sâu nhất", "tăng nhiều nhất", "tăng thấp nhất", "tăng cao nhất với")
is a change of its subject, the superlative neither indicator nor level.
"Về chỉ số năng lực cạnh tranh cấp tỉnh (PCI) năm 2072, tỉnh xếp thứ 11/63 ..." framed the
rank with the indicator "tỉnh": a clause opened by "Về <X>," whose subject only says who
reports (tỉnh, huyện, đơn vị, toàn ngành, Công ty) is about X -- but a count that names what it
counts keeps its noun, and a subject that is an indicator keeps it.
Reports of our own: other indicators, units, periods and wordings than the break-test's."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import service_over_files

from rag.records import AskOptions
from rag.service import RagService
from rag.vi.frames import extract

TODAY = date(2051, 7, 20)
DOCS = {
    "ktxh-thang6-2051.txt": (
        "Báo cáo tình hình kinh tế - xã hội tháng 6 năm 2051\n02/07/2051\n\n"
        "Chỉ số giá tiêu dùng tháng 6/2051 tăng 0,52% so với tháng trước. Trong các nhóm hàng, "
        "nhóm thuốc và dịch vụ y tế tăng mạnh nhất 3,27% do điều chỉnh giá dịch vụ khám bệnh; "
        "nhóm may mặc, mũ nón tăng 0,44%; nhóm bưu chính viễn thông giảm ít nhất 0,06%.\n\n"
        "Về chỉ số cải cách hành chính (PAR Index) năm 2050, huyện xếp thứ 4/9 huyện, thị xã, "
        "tăng 3 bậc so với năm 2049.\n\n"
        "Xếp hạng mức độ hoàn thành nhiệm vụ năm 2050 của huyện Đồng Văn đứng thứ 7/9 huyện, "
        "thị xã.\n"),
}


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over_files(tmp_path_factory.mktemp("superlative-topic"), DOCS)


def _frames(sentence: str) -> dict[str, tuple[str, str]]:
    return {f.value: (f.indicator, f.measure)
            for f in extract(sentence, "Báo cáo quý II năm 2051", "2051-07-05")}


@pytest.mark.parametrize(("sentence", "value", "indicator", "direction"), [
    ("Quý II/2051, trong các mặt hàng xuất khẩu, hạt tiêu giảm sâu nhất 21,4% so với cùng kỳ; "
     "cao su tăng nhiều nhất 37,9%.", "21,4%", "hạt tiêu", -1),
    ("Quý II/2051, trong các mặt hàng xuất khẩu, hạt tiêu giảm sâu nhất 21,4% so với cùng kỳ; "
     "cao su tăng nhiều nhất 37,9%.", "37,9%", "cao su", 1),
    ("Chỉ số giá nhóm văn hóa, giải trí tháng 6/2051 tăng thấp nhất 0,03%.", "0,03%",
     "Chỉ số giá nhóm văn hóa giải trí", 1),
    ("Trong 9 ngành cấp 2, ngành sản xuất đồ uống tăng cao nhất với 14,2%.", "14,2%",
     "ngành sản xuất đồ uống", 1),
    ("nhom dich vu giao duc tang cao nhat 2,75% so voi thang truoc.", "2,75%",
     "nhom dich vu giao duc", 1),
])
def test_superlative_change_is_its_subjects_change(sentence: str, value: str, indicator: str,
                                                  direction: int) -> None:
    frame = next(f for f in extract(sentence, "Báo cáo quý II năm 2051", "2051-07-05")
                 if f.value.endswith(value))
    assert (frame.indicator, frame.measure, frame.direction) == (indicator, "change", direction)


@pytest.mark.parametrize(("sentence", "value", "indicator", "measure"), [
    ("Về chỉ số hài lòng của người dân (SIPAS) năm 2050, đơn vị xếp thứ 5/18 sở, ngành.",
     "5/18", "chỉ số hài lòng của người dân SIPAS", "rank"),
    ("Về tỷ lệ giải ngân vốn đầu tư công năm 2050, toàn ngành đạt 92,4% kế hoạch vốn.",
     "92,4%", "tỷ lệ giải ngân vốn đầu tư công", "plan_share"),
    ("Về doanh thu năm 2050, Công ty đạt 1.250 tỷ đồng.", "1.250 tỷ đồng", "doanh thu",
     "level"),
])
def test_opened_topic_names_the_reporting_units_figure(sentence: str, value: str,
                                                       indicator: str, measure: str) -> None:
    assert _frames(sentence)[value] == (indicator, measure)


@pytest.mark.parametrize(("sentence", "value", "indicator"), [
    # a count that names what it counts; a subject that is an indicator of its own
    ("Về hạ tầng thương mại, toàn huyện có 41/52 xã có chợ.", "41/52 xã", "xã"),
    ("Về du lịch, lượng khách quý II/2051 tăng 9,5% so với cùng kỳ.", "9,5%", "lượng khách"),
])
def test_opened_topic_leaves_named_figures(sentence: str, value: str, indicator: str) -> None:
    assert _frames(sentence)[value][0].startswith(indicator)


@pytest.mark.parametrize(("question", "value"), [
    ("nhóm thuốc và dịch vụ y tế tháng 6/2051 tăng bao nhiêu?", "3,27"),
    ("nhóm bưu chính viễn thông tháng 6/2051 giảm bao nhiêu?", "0,06"),
    ("chỉ số PAR Index năm 2050 huyện xếp thứ mấy?", "4/9"),
    ("chỉ số cải cách hành chính năm 2050 xếp hạng bao nhiêu?", "4/9"),
])
def test_answers(service: RagService, question: str, value: str) -> None:
    a = service.ask(question, AskOptions(today=TODAY))
    assert a.found and value in a.answer, a.answer
