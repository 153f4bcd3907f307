"""A correction that quotes a figure as written before and then gives the right one ("...
ghi/nêu/công bố ... là N; số (liệu) đúng là M", "nay sửa lại là M", "xin sửa là M")
withdraws N, in the correction and where it was said before, and M takes N's indicator,
period and unit; "vượt N% kế hoạch cả năm" after a "10 tháng" figure is that figure's plan
share of 100+N%, dated with its own period, not the plan's year (issue 17, break-test
bt19-b17 failures 1 and 6)."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import service_over

from rag.records import AskOptions
from rag.vi.frames import extract

_EARLIER = ("Tình hình sản xuất công nghiệp tháng 4/2083: sản lượng xi măng tháng 4 ước đạt "
            "318 nghìn tấn, tăng 2,4% so với tháng trước.")
_CORRECTION = ("Xin đính chính: Báo cáo tháng 4/2083 nêu sản lượng xi măng tháng 4 là 318 "
               "nghìn tấn; số liệu đúng là 381 nghìn tấn.")
_PLAN = ("Lũy kế 8 tháng năm 2083, thu ngân sách nhà nước trên địa bàn đạt 7.460 tỷ đồng, "
         "tăng 5,2% so với cùng kỳ, vượt 12,6% dự toán cả năm. Kim ngạch xuất khẩu 8 tháng "
         "năm 2083 đạt 930 triệu USD, bằng 71,5% kế hoạch cả năm.")


def _of(frames, value):
    return [f for f in frames if f.value.startswith(value)]


@pytest.mark.parametrize(("text", "wrong", "right", "indicator"), [
    (_CORRECTION, "318", "381", "sản lượng xi măng"),
    ("Đính chính: thông cáo ngày 04/3/2083 công bố số khách du lịch quốc tế tháng 2/2083 là "
     "42.150 lượt, nay sửa lại là 41.250 lượt.", "42.150", "41.250",
     "số khách du lịch quốc tế"),
    ("Bản tin kỳ trước đưa tin giá phân urê cuối tháng 7/2083 là 11.300 đồng/kg; xin sửa là "
     "11.800.", "11.300", "11.800", "giá phân urê"),
])
def test_the_quoted_value_is_withdrawn_and_the_right_one_takes_its_figure(
        text: str, wrong: str, right: str, indicator: str) -> None:
    frames = extract(_EARLIER + "\n\n" + text, "Báo cáo tháng 5/2083", "2083-06-05")
    quoted = _of(frames, wrong)[-1]
    corrected = _of(frames, right)[-1]
    assert quoted.correction == "withdrawn"
    assert corrected.correction == "restated"
    assert corrected.indicator.lower() == indicator == quoted.indicator.lower()
    assert corrected.period == quoted.period and corrected.unit == quoted.unit
    assert corrected.unit and corrected.value.endswith(corrected.unit)


def test_the_earlier_statement_of_the_quoted_value_is_withdrawn() -> None:
    frames = extract(_EARLIER + "\n\n" + _CORRECTION, "Báo cáo tháng 5/2083", "2083-06-05")
    assert [f.correction for f in _of(frames, "318")] == ["withdrawn", "withdrawn"]
    assert not _of(frames, "2,4%")[0].correction  # another figure stays


def test_a_plain_right_value_is_no_correction() -> None:
    text = ("Tổng kết năm 2083, số dự án đúng tiến độ là 42 dự án; doanh nghiệp sửa chữa 15 "
            "km đường nội bộ.")
    assert not any(f.correction for f in extract(text, "", "2084-01-10"))


def test_an_excess_over_the_whole_year_plan_is_of_the_figure_period() -> None:
    frames = extract(_PLAN, "Báo cáo 8 tháng năm 2083", "2083-09-05")
    excess = _of(frames, "12,6%")[0]
    share = _of(frames, "71,5%")[0]
    for f in (excess, share):
        assert f.measure == "plan_share"
        assert f.period is not None and f.period.label == "8 tháng năm 2083"
    assert excess.verb == "vượt"


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory):
    root = tmp_path_factory.mktemp("corrected")
    return service_over(root, [
        {"id": "cn-04-2083", "title": "Sản xuất công nghiệp tháng 4 năm 2083",
         "date": "2083-05-02", "text": _EARLIER},
        {"id": "cn-05-2083", "title": "Sản xuất công nghiệp tháng 5 năm 2083",
         "date": "2083-06-05", "text": _CORRECTION},
        {"id": "ns-8t-2083", "title": "Thu ngân sách 8 tháng năm 2083", "date": "2083-09-05",
         "text": _PLAN},
    ])


def test_the_corrected_value_is_served(service) -> None:
    answer = service.ask("sản lượng xi măng tháng 4/2083 là bao nhiêu?",
                         AskOptions(today=date(2083, 10, 1)))
    assert answer.found and "381" in answer.answer and "318" not in answer.answer


@pytest.mark.parametrize("question", [
    "thu ngân sách nhà nước 8 tháng năm 2083 vượt dự toán bao nhiêu phần trăm?",
    "thu ngân sách nhà nước 8 tháng 2083 đạt bao nhiêu % dự toán?",
])
def test_the_excess_is_answered_for_the_figure_period(service, question: str) -> None:
    answer = service.ask(question, AskOptions(today=date(2083, 10, 1)))
    assert answer.found, answer.answer
    assert "12,6" in answer.answer + (answer.summary or "")
    assert "đạt 12,6" not in (answer.summary or "")
