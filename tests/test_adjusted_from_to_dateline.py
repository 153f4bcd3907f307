"""A note revising a figure "điều chỉnh/sửa/hiệu chỉnh từ X (…) thành/lên/xuống Y" is a
correction of an actual, never a target even under a forecast heading; a news item's dateline
"(Place, dd/mm/yyyy)" or "Place, dd/mm/yyyy —" is no word of an indicator (issue 17, break-test
bt26-b17 failures 4 and 6; bt23-b17's "nay điều chỉnh thành")."""

from rag.vi.frames import extract
from rag.vi.frames.corrections import RESTATED, WITHDRAWN, published_subject


def _by_value(frames, number):
    return [f for f in frames if number in f.value]


NOTE_UNDER_FORECAST = (
    "BÁO CÁO TÌNH HÌNH THƯƠNG MẠI THÁNG 4 NĂM 2081\n\n"
    "I. KẾT QUẢ\nTổng mức bán lẻ hàng hóa tháng 4/2081 đạt 4.730 tỷ đồng.\n\n"
    "III. DỰ BÁO THÁNG 5\nTháng 5/2081, tổng mức bán lẻ dự kiến đạt khoảng 4.800 tỷ đồng.\n"
    "Lưu ý: Số liệu tổng mức bán lẻ hàng hóa tháng 3/2081 đã được hiệu chỉnh từ 4.512 tỷ đồng "
    "(nêu tại Báo cáo số 77/BC-SCT) thành 4.498 tỷ đồng.\n")


def test_adjusted_from_to_note_is_a_correction_not_a_target():
    frames = extract(NOTE_UNDER_FORECAST, doc_date="2081-05-06")
    old, = _by_value(frames, "4.512")
    new, = _by_value(frames, "4.498")
    assert old.correction == WITHDRAWN and new.correction == RESTATED
    assert not old.target and not new.target
    assert new.indicator.lower() == "tổng mức bán lẻ hàng hóa"
    assert new.period is not None and new.period.label.startswith("tháng 3")
    forecast, = _by_value(frames, "4.800")
    assert forecast.target  # the heading's plan still holds before the note


def test_adjusted_without_lai_and_raised_wordings():
    text = ("4. Dự báo\nNăm 2081, sản lượng điện thương phẩm dự báo đạt 3.150 triệu kWh.\n"
            "Ghi chú: Tỷ lệ tổn thất điện năng tháng 6/2081 đã báo cáo là 4,37%, nay sửa "
            "thành 4,21%.\n")
    frames = extract(text, doc_date="2081-07-08")
    old, = _by_value(frames, "4,37")
    new, = _by_value(frames, "4,21")
    assert (old.correction, new.correction) == (WITHDRAWN, RESTATED)
    assert not new.target and "tổn thất điện năng" in new.indicator.lower()
    text2 = ("Số liệu số lượt khách quý II/2080 được điều chỉnh từ 312,5 nghìn lượt lên "
             "318,9 nghìn lượt.")
    frames2 = extract(text2, doc_date="2080-08-02")
    assert _by_value(frames2, "312,5")[0].correction == WITHDRAWN
    assert _by_value(frames2, "318,9")[0].correction == RESTATED
    assert published_subject("Số liệu lượng khách quý II/2080 đã được sửa từ ", 2080) == \
        "lượng khách"


def test_revised_plan_stays_a_plan():
    from rag.vi.frames.corrections import corrects_in_note  # new here: the others run on base

    text = "Kế hoạch thu ngân sách năm 2081 được điều chỉnh từ 12.000 tỷ đồng lên 12.500 tỷ đồng."
    frames = extract(text, doc_date="2081-07-01")
    assert all(f.target for f in frames if "12." in f.value)
    assert not corrects_in_note("III. DỰ BÁO")
    assert corrects_in_note("Ghi chú: Doanh thu quý I đã được điều chỉnh từ 5 tỷ đồng thành 6 "
                            "tỷ đồng.")


def test_news_dateline_is_no_indicator():
    text = ("(Hà Giang, 04/9/2081) Theo Cục Thống kê, trong dịp nghỉ lễ Quốc khánh, toàn tỉnh "
            "đón 210,4 nghìn lượt khách, tăng 9,6% so với năm trước.\n\n"
            "Lạng Sơn, 03/9/2081 — Theo Sở Công Thương, kim ngạch xuất nhập khẩu qua các cửa "
            "khẩu tháng 8/2081 đạt 512,3 triệu USD.\n")
    frames = extract(text, doc_date="2081-09-04")
    for f in frames:
        for word in ("Hà Giang", "Lạng Sơn", "Theo", "2081"):
            assert word not in f.indicator, (f.value, f.indicator)
    trade, = _by_value(frames, "512,3")
    assert trade.indicator.lower().startswith("kim ngạch xuất nhập khẩu")
