"""Tables as one-figure lines (rag.ingest.tables) and those lines read back as figure frames
(rag.vi.frames.tables): the row hierarchy kept, the column header read for the period and
the measure, the notes' row numbers never figures."""

from __future__ import annotations

from rag.ingest.tables import row_parents, table_lines
from rag.vi.frames import extract


def _frames(text: str, title: str = "Báo cáo", date: str | None = "2025-10-03"):
    return {f.value: f for f in extract(text, title, date)}


def test_numbered_rows_name_their_parent():
    rows = [["STT", "Chỉ tiêu", "Quý I", "Quý II"],
            ["3", "Kim ngạch XNK hàng hóa mở tờ khai", "1.104,2", "1.216,8"],
            ["3.1", "  - Xuất khẩu", "248,3", "291,7"],
            ["3.2", "  - Nhập khẩu", "855,9", "925,1"],
            ["4", "Hàng địa phương xuất khẩu", "10,2", "12,4"]]
    lines = table_lines(rows)
    assert "Quý I — Kim ngạch XNK hàng hóa mở tờ khai › Xuất khẩu: 248,3" in lines
    assert "Quý II — Hàng địa phương xuất khẩu: 12,4" in lines


def test_bullets_parts_and_plain_rows_after_a_list():
    got = row_parents(["Kim ngạch XNK", "– Xuất khẩu", "– Nhập khẩu", "Hàng địa phương XK",
                       "Khách du lịch", "Trong đó: khách quốc tế", "Số doanh nghiệp mới"])
    assert got == [("Kim ngạch XNK", ""), ("Xuất khẩu", "Kim ngạch XNK"),
                   ("Nhập khẩu", "Kim ngạch XNK"), ("Hàng địa phương XK", ""),
                   ("Khách du lịch", ""), ("khách quốc tế", "Khách du lịch"),
                   ("Số doanh nghiệp mới", "")]
    numbered = row_parents(["Tổng thu", "1. Thu từ XNK", "2. Thu nội địa",
                            "Trong đó: thu từ DNNN", "a) Thuế"])
    assert numbered[1] == ("Thu từ XNK", "Tổng thu")
    assert numbered[3] == ("thu từ DNNN", "Thu nội địa")
    assert numbered[4] == ("Thuế", "thu từ DNNN")


def test_year_and_indented_labels():
    assert row_parents(["2019", "2020"]) == [("2019", ""), ("2020", "")]
    assert row_parents(["Tổng số", "  Xuất khẩu", "  Nhập khẩu", "Khách"]) == [
        ("Tổng số", ""), ("Xuất khẩu", "Tổng số"), ("Nhập khẩu", "Tổng số"), ("Khách", "")]


def test_bracketed_basis_in_a_label_is_no_unit():
    rows = [["Chỉ tiêu", "Đơn vị tính", "Năm 2018"],
            ["Tổng sản phẩm trên địa bàn (GRDP, giá hiện hành)", "Tỷ đồng", "30.218,6"],
            ["Kim ngạch xuất khẩu (triệu USD)", "", "2.947,8"]]
    lines = table_lines(rows)
    assert "Năm 2018 — Tổng sản phẩm trên địa bàn (GRDP, giá hiện hành): 30.218,6 tỷ đồng" \
        in lines
    assert "Năm 2018 — Kim ngạch xuất khẩu: 2.947,8 triệu USD" in lines


def test_a_table_line_reads_as_a_cell():
    text = ("Quý IV — Kim ngạch XNK hàng hóa mở tờ khai › Xuất khẩu: 396,2 triệu USD "
            "(NĂM 2025; trang tính «Quý 2025», dòng 8)\n"
            "Tháng 2 — CHỈ SỐ GIÁ TIÊU DÙNG CHUNG: 1,12 (NĂM 2021; Tốc độ tăng/giảm so với "
            "tháng trước (%); trang tính «CPI 2021», dòng 5)\n")
    frames = _frames(text)
    assert set(frames) == {"396,2 triệu USD", "1,12"}  # no "8" or "5" from the notes
    x = frames["396,2 triệu USD"]
    assert (x.indicator, x.parent, x.part) == ("Xuất khẩu", "Kim ngạch XNK hàng hóa mở tờ khai",
                                               True)
    assert x.period.label == "quý IV/2025" and x.measure == "level"
    assert "declared" in x.basis
    cpi = frames["1,12"]
    assert cpi.period.label == "tháng 2/2021"
    assert (cpi.measure, cpi.comparison) == ("change", "tháng trước")


def test_ratio_columns_take_the_period_of_the_column_before():
    text = ("Thực hiện 2020 — Tổng thu › Thu từ hoạt động xuất nhập khẩu: 4.213,9 tỷ đồng\n"
            "So dự toán (%) — Tổng thu › Thu từ hoạt động xuất nhập khẩu: 96,9%\n"
            "Tăng/giảm so với năm 2019 (%) — Tổng thu › Thu từ hoạt động xuất nhập khẩu: −6,3%\n"
            "Dự toán 2020 — Tổng thu › Thu từ hoạt động xuất nhập khẩu: 4.350,0 tỷ đồng\n")
    frames = _frames(text, "Báo cáo số 36/BC-STC", None)
    share, change, plan = frames["96,9%"], frames["−6,3%"], frames["4.350,0 tỷ đồng"]
    assert share.measure == "plan_share" and share.period.label == "năm 2020"
    assert change.measure == "change" and change.period.label == "năm 2020"
    assert change.comparison == "năm 2019" and change.direction == -1
    assert plan.target and not frames["4.213,9 tỷ đồng"].target


def test_a_ratio_column_holds_indexes_or_changes_by_its_values():
    changes = ("Lũy kế 9 tháng 2025 — Than sạch: 418,6 nghìn tấn\n"
               "So cùng kỳ (%) — Than sạch: -2,4%\n"
               "Lũy kế 9 tháng 2025 — Xi măng: 812,7 nghìn tấn\n"
               "So cùng kỳ (%) — Xi măng: 6,1%\n")
    frames = _frames(changes)
    assert frames["6,1%"].measure == "change"
    assert frames["6,1%"].period.label == "9 tháng năm 2025"
    indexes = ("TH 6 tháng 2022 — Chỉ số sản xuất công nghiệp: 104,06%\n"
               "So cùng kỳ (%) — Chỉ số sản xuất công nghiệp: 104,06%\n"
               "TH 6 tháng 2022 — KN XNK › Xuất khẩu: 120,5 triệu USD\n"
               "So cùng kỳ (%) — KN XNK › Xuất khẩu: 48,1%\n")
    assert _frames(indexes)["48,1%"].measure == "index"


def test_an_index_row_is_an_index():
    frames = _frames("Năm 2018 — Chỉ số sản xuất công nghiệp: 108,71%\n"
                     "Năm 2018 — Chỉ số giá tiêu dùng bình quân năm: 103,18%\n"
                     "Quý I — Chỉ số sản xuất công nghiệp (tốc độ tăng so với cùng kỳ): 4,86% "
                     "(NĂM 2025)\n")
    assert frames["108,71%"].measure == frames["103,18%"].measure == "index"
    assert frames["4,86%"].measure == "change"


def test_a_decision_assigning_targets_gives_targets_of_its_year():
    text = ("Điều 1. Giao chỉ tiêu kế hoạch năm 2020 như sau:\n"
            "Kim ngạch xuất nhập khẩu qua địa bàn 5.600 triệu USD.\n"
            "Ước thực hiện năm 2019 kim ngạch xuất nhập khẩu đạt 5.302,7 triệu USD.\n")
    title = "Quyết định về việc giao chỉ tiêu kế hoạch phát triển kinh tế - xã hội năm 2020"
    frames = _frames(text, title, "2019-12-09")
    assert frames["5.600 triệu USD"].target
    assert not frames["5.302,7 triệu USD"].target  # another year's figure, not assigned
    report = _frames(text.replace("Giao chỉ tiêu kế hoạch năm 2020 như sau:", "Kết quả:"),
                     "Báo cáo kết quả thực hiện kế hoạch năm 2020", "2021-01-08")
    assert not report["5.600 triệu USD"].target


def test_list_items_take_the_period_of_the_line_leading_them():
    text = ("Chỉ số giá tiêu dùng bình quân năm 2022 tăng 2,97% so với bình quân năm 2021.\n"
            "Biến động giá tháng 12 so với tháng trước:\n"
            "Trong 11 nhóm hàng, có 9 nhóm tăng giá:\n"
            "- Hàng ăn và dịch vụ ăn uống (+0,61%): giá thịt lợn tăng;\n"
            "- Giao thông (−3,52%): giá xăng giảm.\n"
            "Giá vàng tăng 1,02%.\n")
    frames = _frames(text, "Tình hình giá cả", None)
    assert frames["−3,52%"].period.label == "tháng 12/2022"  # not 2021: that year is compared
    assert frames["+0,61%"].period_from == "paragraph"
    assert frames["1,02%"].period is None or frames["1,02%"].period_from != "paragraph"


def test_a_year_compared_with_an_average_is_a_comparison():
    from rag.vi.mentions import find_mentions
    got = [(m.period.label, m.comparison) for m in
           find_mentions("bình quân năm 2022 tăng 2,97% so với bình quân năm 2021", 2022)]
    assert got == [("năm 2022", False), ("năm 2021", True)]
