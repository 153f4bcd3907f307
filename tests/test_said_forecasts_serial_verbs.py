"""A forecast said by who makes it is a forecast, who says it no part of the indicator; verbs
in series after one doer each keep that doer (issue 17 bt18-c17 failures 4 and 5)."""

from rag.vi.frames import extract
from rag.vi.frames.indicators import doer_of, said_forecast, with_doer
from rag.vi.text import fold


def _frames(text: str, date: str = "2071-10-05"):
    return extract(text, title="", doc_date=date)


def test_first_person_forecast_is_a_forecast_of_its_indicator():
    frames = _frames("Ông Phạm Quốc Trung: Chúng tôi dự báo năm 2072 sản lượng điện thương "
                     "phẩm đạt khoảng 1.450 - 1.500 triệu kWh, tăng 7 - 8% so với năm 2071.")
    assert [f.indicator for f in frames] == ["sản lượng điện thương phẩm"] * 2
    assert all(f.target and f.estimate for f in frames)
    assert frames[0].period is not None and frames[0].period.label == "năm 2072"


def test_office_forecast_drops_the_office_from_the_indicator():
    (f,) = _frames("Sở Công Thương dự kiến quý IV/2072 tổng mức bán lẻ hàng hóa đạt 9.800 tỷ "
                   "đồng.")
    assert f.indicator == "tổng mức bán lẻ hàng hóa"
    assert f.target and f.estimate


def test_unit_named_with_capitals_and_person_speak_forecasts():
    (f,) = _frames("Cục Hải quan dự báo năm 2073 số thu ngân sách đạt 4.100 tỷ đồng.")
    assert f.indicator == "số thu ngân sách" and f.target
    (g,) = _frames("Bà Hoàng Thu Hà dự báo năm 2073 lượng khách du lịch đạt 3,2 triệu lượt.")
    assert fold(g.indicator).lower() == "luong khach du lich" and g.target


def test_said_estimate_is_an_estimate_not_a_target():
    frames = _frames("Ngành ước tính 6 tháng đầu năm 2073 doanh thu du lịch đạt 640 tỷ đồng, "
                     "tăng 12,5%.", date="2073-06-20")
    assert [f.indicator for f in frames] == ["doanh thu du lịch"] * 2
    assert all(f.estimate and not f.target for f in frames)


def test_forecast_after_a_result_in_its_own_clause():
    done, planned = _frames("Kim ngạch xuất khẩu 10 tháng đạt 410 triệu USD; chúng tôi dự kiến "
                            "cả năm 2074 đạt 500 triệu USD.", date="2074-11-02")
    assert not done.target and not done.estimate
    assert planned.indicator == "Kim ngạch xuất khẩu" and planned.target and planned.estimate


def test_a_noun_before_the_verb_is_kept():
    kind, rest = said_forecast("vốn đầu tư toàn xã hội dự kiến đạt")
    assert kind == "" and rest == "vốn đầu tư toàn xã hội dự kiến đạt"
    assert said_forecast("UBND tỉnh dự báo giá trị xuất khẩu")[0] == "forecast"
    assert said_forecast("Chúng tôi ước tính lượng hàng")[0] == "estimate"


def test_verbs_in_series_keep_their_doer():
    frames = _frames("Năm 2071, Thanh tra Sở đã thanh tra 86 doanh nghiệp, xử phạt 23 doanh "
                     "nghiệp, thu hồi 640 triệu đồng.")
    assert [f.indicator for f in frames] == [
        "Thanh tra Sở đã thanh tra", "Thanh tra Sở xử phạt", "Thanh tra Sở thu hồi"]
    assert [f.low for f in frames] == [86, 23, 640]


def test_verb_joined_by_va_keeps_its_doer():
    first, second = _frames("Tháng 11, Chi cục Hải quan cửa khẩu đang làm thủ tục cho 2.400 tờ "
                            "khai và giải phóng 1.900 xe hàng.")
    assert first.indicator.startswith("Chi cục Hải quan cửa khẩu")
    assert second.indicator == "Chi cục Hải quan cửa khẩu giải phóng"


def test_a_clause_naming_its_own_figure_takes_no_doer():
    frames = _frames("Tháng 10, các doanh nghiệp trên địa bàn đã xuất khẩu 120 triệu USD, kim "
                     "ngạch nhập khẩu 80 triệu USD.")
    assert frames[1].indicator == "kim ngạch nhập khẩu"
    assert doer_of("các doanh nghiệp trên địa bàn đã xuất khẩu") == "các doanh nghiệp trên địa bàn"
    assert doer_of("sản phẩm đã được công nhận") == ""
    assert with_doer("Đội kiểm tra", "tổng số vụ") == "tổng số vụ"
    assert with_doer("Đội kiểm tra", "tịch thu") == "Đội kiểm tra tịch thu"
