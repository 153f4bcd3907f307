"""A correction ("xin đính chính", "chứ không phải N như đã nêu", "điều chỉnh lại là")
withdraws the figure it names: the withdrawn value, in the correction and where it was said
before (same indicator, period and unit), is never served; the corrected value is, and "tốc
độ tăng là N%" in it is the change of the indicator it corrects -- also when the correction
comes in a later document (issue 17, break-test bt18-c17 failure 1)."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import service_over

from rag.records import AskOptions
from rag.vi.frames import extract

_MEETING = (
    "Ông Trần Văn Bình, Giám đốc Sở: Sáu tháng đầu năm 2074, sản lượng điện thương phẩm ước "
    "đạt 2.415 triệu kWh, tăng 8,7% so với cùng kỳ. Tổng mức bán lẻ hàng hóa đạt 18.230 tỷ "
    "đồng.\n\n"
    "Phóng viên báo Kinh tế hỏi: Xin ông cho biết thêm về thu hút đầu tư?\n\n"
    "Ông Trần Văn Bình: Đã cấp mới 42 dự án với tổng vốn đăng ký 6.150 tỷ đồng.\n\n"
    "Đính chính: sản lượng điện thương phẩm 6 tháng đầu năm 2074 là 2.451 triệu kWh, không "
    "phải 2.415 triệu kWh như đã công bố; mức tăng là 9,1%."
)
_EARLY = ("Tình hình xuất nhập khẩu tháng 10/2075: kim ngạch nhập khẩu tháng 10 ước đạt 356,4 "
          "triệu USD, tăng 5,3% so với tháng trước.")
_LATER = ("Cục Thống kê xin đính chính số liệu đã đăng: kim ngạch nhập khẩu tháng 10/2075 là "
          "365,4 triệu USD chứ không phải 356,4 triệu USD.")


def _of(frames, value):
    return [f for f in frames if f.value.startswith(value)]


def test_the_withdrawn_value_and_its_earlier_statement_are_withdrawn() -> None:
    frames = extract(_MEETING, "Họp báo 6 tháng đầu năm 2074", "2074-07-10")
    said = _of(frames, "2.415")
    assert len(said) == 2 and all(f.correction == "withdrawn" for f in said)
    corrected = _of(frames, "2.451")
    assert [f.correction for f in corrected] == ["restated"]
    assert corrected[0].indicator.lower().startswith("sản lượng điện thương phẩm")
    rate = _of(frames, "9,1%")[0]
    assert rate.measure == "change" and rate.direction == 1
    assert rate.indicator == corrected[0].indicator
    assert _of(frames, "8,7%")[0].correction == "withdrawn"  # the rate it restates
    # figures of other indicators stay
    assert not _of(frames, "18.230")[0].correction
    assert not _of(frames, "6.150")[0].correction


@pytest.mark.parametrize("text", [
    "Doanh nghiệp đã sửa lại 12 km đường nội bộ, sản lượng điện đạt 300 triệu kWh.",
    "Không phải doanh nghiệp nào cũng xuất khẩu; 215 doanh nghiệp có hàng xuất khẩu.",
])
def test_no_correction_no_change(text: str) -> None:
    assert not any(f.correction for f in extract(text, "", "2074-07-10"))


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory):
    root = tmp_path_factory.mktemp("corrections")
    return service_over(root, [
        {"id": "hop-bao-6t-2074", "title": "Họp báo 6 tháng đầu năm 2074", "date": "2074-07-10",
         "text": _MEETING},
        {"id": "xnk-10-2075", "title": "Tình hình xuất nhập khẩu tháng 10 năm 2075",
         "date": "2075-10-28", "text": _EARLY},
        {"id": "dinh-chinh-11-2075", "title": "Đính chính số liệu nhập khẩu tháng 10/2075",
         "date": "2075-11-04", "text": _LATER},
        {"id": "ns-q1-2076", "title": "Thu ngân sách quý I năm 2076", "date": "2076-04-05",
         "text": "Tổng thu ngân sách nhà nước trên địa bàn quý I/2076 đạt 1.820 tỷ đồng."},
        {"id": "ns-dieu-chinh", "title": "Điều chỉnh số liệu thu ngân sách", "date": "2076-04-20",
         "text": "Số liệu tổng thu ngân sách nhà nước trên địa bàn quý I/2076 được điều chỉnh "
                 "lại là 1.872 tỷ đồng."},
    ])


@pytest.mark.parametrize(("question", "value", "withdrawn"), [
    ("sản lượng điện thương phẩm 6 tháng đầu năm 2074 là bao nhiêu?", "2.451", "2.415"),
    ("san luong dien thuong pham 6 thang dau nam 2074", "2.451", "2.415"),
    ("sản lượng điện thương phẩm 6 tháng đầu năm 2074 tăng bao nhiêu phần trăm?", "9,1", "8,7"),
    ("kim ngạch nhập khẩu tháng 10/2075 đạt bao nhiêu?", "365,4", "356,4"),
    ("tổng thu ngân sách nhà nước trên địa bàn quý I/2076?", "1.872", "1.820"),
])
def test_the_corrected_figure_is_served(service, question: str, value: str,
                                        withdrawn: str) -> None:
    answer = service.ask(question, AskOptions(today=date(2076, 6, 1)))
    assert answer.found, answer.answer
    assert value in answer.answer
    assert withdrawn not in answer.answer
    assert "không phải" not in answer.answer


def test_a_correction_dated_before_a_figure_withdraws_nothing_of_it() -> None:
    from rag.vi.frames.corrections import withdrawn_elsewhere

    correction = _of(extract(_LATER, "", "2075-11-04"), "356,4")[0]
    stated = _of(extract(_EARLY, "", "2075-10-28"), "356,4")[0]
    assert withdrawn_elsewhere(stated, "2075-10-28", [("2075-11-04", correction)])
    assert not withdrawn_elsewhere(stated, "2075-12-01", [("2075-11-04", correction)])
