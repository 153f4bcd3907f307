"""A forecast ("dự kiến", "dự báo", "đưa cả năm đạt khoảng") and a target ("kế hoạch", "mục
tiêu") are different measures of a figure: a question asking one is never answered by the
other with confidence; "toàn ngành", "của ngành" in a department's report is the sector of
the department that issued it (issue 17 bt25-b17 failures 5 and 6)."""

from __future__ import annotations

import pytest
from conftest import service_over

from rag.vi.frames import extract


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory):
    root = tmp_path_factory.mktemp("forecast_not_target")
    return service_over(root, [
        {"id": "so-vh-2091", "title": "Báo cáo tình hình du lịch 6 tháng đầu năm 2091",
         "date": "2091-07-05",
         "text": "SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH TỈNH NAM QUẢNG\n\n"
                 "Kế hoạch năm 2091: doanh thu dịch vụ lưu trú đạt 1.250 tỷ đồng; tổng lượt "
                 "khách đạt 3,4 triệu lượt.\n\n"
                 "6 tháng đầu năm 2091, doanh thu dịch vụ lưu trú đạt 590,4 tỷ đồng, tăng 7,2% "
                 "so với cùng kỳ."},
        {"id": "so-xd-2091", "title": "Tóm tắt họp báo quý II năm 2091",
         "date": "2091-07-08",
         "text": "SỞ XÂY DỰNG TỈNH NAM QUẢNG\n\n"
                 "Ngày 8/7/2091, Sở Xây dựng tỉnh Nam Quảng họp báo về kết quả 6 tháng đầu "
                 "năm 2091.\n\n"
                 "6 tháng đầu năm 2091, giá trị sản xuất của ngành ước đạt 8.450 tỷ đồng, tăng "
                 "5,6% so với cùng kỳ. Số giấy phép xây dựng cấp mới là 412 giấy phép.\n\n"
                 "Dự báo quý III/2091, giá trị sản xuất toàn ngành tăng khoảng 6,0 - 6,5%."},
    ])


@pytest.mark.parametrize("question", [
    "doanh thu dịch vụ lưu trú năm 2091 dự kiến đạt bao nhiêu?",
    "dự báo doanh thu dịch vụ lưu trú cả năm 2091",
    "du kien tong luot khach nam 2091",
])
def test_a_forecast_asked_is_not_answered_by_a_plan_when_sure(service, question: str) -> None:
    answer = service.ask(question)
    assert not (answer.found and ("1.250" in answer.answer or "3,4" in answer.answer)
                and answer.confidence >= 0.9), (answer.answer, answer.confidence)


def test_a_plan_asked_is_still_the_plan(service) -> None:
    answer = service.ask("kế hoạch doanh thu dịch vụ lưu trú năm 2091?")
    assert answer.found and "1.250" in answer.answer


@pytest.mark.parametrize(("question", "value"), [
    ("giá trị sản xuất xây dựng 6 tháng đầu năm 2091 đạt bao nhiêu?", "8.450"),
    ("dự báo tăng giá trị sản xuất ngành xây dựng quý III/2091?", "6,0 - 6,5"),
    ("dự báo giá trị sản xuất xây dựng quý III/2091 tăng bao nhiêu?", "6,0 - 6,5"),
])
def test_the_whole_sector_of_a_department_is_its_own(service, question: str,
                                                     value: str) -> None:
    answer = service.ask(question)
    assert answer.found, answer.answer
    assert value in answer.answer


@pytest.mark.parametrize(("text", "value"), [
    ("Dự báo quý IV/2091: sản lượng điện thương phẩm ước đạt 410 triệu kWh, đưa cả năm đạt "
     "khoảng 1.580 triệu kWh.", "1.580"),
    ("Dự kiến tháng 12/2091, kim ngạch xuất khẩu ước đạt 95 triệu USD, đưa cả năm 2091 đạt "
     "khoảng 1.020 triệu USD.", "1.020"),
])
def test_a_year_a_forecast_leads_to_is_a_forecast(text: str, value: str) -> None:
    frame = next(f for f in extract(text, "", "2091-10-05") if value in f.value)
    assert frame.estimate and frame.target
    assert frame.period is not None and frame.period.kind == "year"
