"""A length of time a report gives for a planned work without "thời gian" or "dự kiến" --
"Công trình sẽ hoàn thành trong 18 tháng", "phấn đấu hoàn thành trong 6 tháng", "mất khoảng
3 năm" -- is a value in months or years (rag.vi.numbers._LENGTH_OF_WORK_CUE), and a "bao
lâu" question is answered by a length of time only, never by the money or area the same
report gives (rag.answer.intent.LENGTH_ASKED_RE; break-test s39 brief D: "Bao lâu thì ...
hoàn thành?" served "320 tỷ đồng" at 0.71)."""

from __future__ import annotations

import pytest
from conftest import service_over

from rag.vi.numbers import find_values


@pytest.mark.parametrize(("text", "value"), [
    ("Công trình sẽ hoàn thành trong 18 tháng kể từ ngày khởi công.", "18 tháng"),
    ("Chủ đầu tư phấn đấu hoàn thành trong 6 tháng.", "6 tháng"),
    ("Dự án thi công trong vòng 24 tháng.", "24 tháng"),
    ("Việc giải phóng mặt bằng mất khoảng 3 năm.", "3 năm"),
    ("Gói thầu số 2 hoàn thành sau 9 tháng.", "9 tháng"),
])
def test_a_length_of_work_is_a_value(text: str, value: str) -> None:
    assert value in [v.text for v in find_values(text)], find_values(text)


@pytest.mark.parametrize("text", [
    "Trong 9 tháng, các dự án hoàn thành 1.200 km đường giao thông.",
    "Tổn thất điện năng 9 tháng là 3,85%.",
    "Giá trị xây dựng 8 tháng đạt 2.416 nghìn m³.",
    "Thực hiện nhiệm vụ 6 tháng cuối năm 2085.",
])
def test_a_period_stays_a_period(text: str) -> None:
    """Near-miss: the periods the corpora write after these verbs are no lengths."""
    assert not [v for v in find_values(text) if v.unit in ("tháng", "năm")], find_values(text)


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory):
    root = tmp_path_factory.mktemp("lengths_of_work")
    return service_over(root, [
        {"id": "cau-2086", "title": "Khởi công cầu Bản Chắt năm 2086", "date": "2086-03-01",
         "text": "Ngày 20/02/2086, UBND tỉnh tổ chức khởi công cầu Bản Chắt với tổng vốn đầu "
                 "tư 320 tỷ đồng. Công trình sẽ hoàn thành trong 18 tháng.\n\nCầu dài 240 m."},
        {"id": "nm-2087", "title": "Khởi công nhà máy chế biến nông sản năm 2087",
         "date": "2087-05-01",
         "text": "Nhà máy chế biến nông sản Đồng Đăng có tổng vốn 600 tỷ đồng, thời gian thi "
                 "công 24 tháng."},
        {"id": "cho-2088", "title": "Khởi công chợ đầu mối năm 2088", "date": "2088-05-01",
         "text": "Chợ đầu mối nông sản Cao Lộc có diện tích 3,5 ha, phấn đấu hoàn thành trong "
                 "6 tháng."},
        {"id": "xk-2088", "title": "Xuất khẩu năm 2088", "date": "2089-01-05",
         "text": "Năm 2088, kim ngạch xuất khẩu đạt 1.200 triệu USD."},
    ])


@pytest.mark.parametrize(("question", "other"), [
    ("Bao lâu thì cầu Bản Chắt hoàn thành?", "320 tỷ"),
    ("Nhà máy chế biến nông sản Đồng Đăng thi công trong bao lâu?", "600 tỷ"),
    ("Chợ đầu mối Cao Lộc bao lâu thì hoàn thành?", "3,5 ha"),
    ("Cầu Bản Chắt thi công trong bao lâu?", "320 tỷ"),
])
def test_how_long_is_never_answered_by_another_unit(service, question: str, other: str
                                                   ) -> None:
    answer = service.ask(question)
    assert not (answer.found and answer.answer.startswith(other)), (answer.answer,
                                                                     answer.summary)


@pytest.mark.parametrize(("question", "length"), [
    ("Nhà máy chế biến nông sản Đồng Đăng thi công trong bao lâu?", "24 tháng"),
    ("Chợ đầu mối Cao Lộc bao lâu thì hoàn thành?", "6 tháng"),
])
def test_how_long_is_answered_with_the_length(service, question: str, length: str) -> None:
    answer = service.ask(question)
    assert answer.found and length in answer.answer, (answer.answer, answer.summary)


def test_how_much_is_still_answered(service) -> None:
    """Near-miss: a question asking an amount keeps its money figure."""
    answer = service.ask("Tổng vốn đầu tư cầu Bản Chắt là bao nhiêu?")
    assert answer.found and "320" in answer.answer, (answer.answer, answer.summary)
