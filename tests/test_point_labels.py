"""Labels of right figures (issue 17 bt21-b17 "wrong labels on right answers"): the time a
procedure takes stands at the end of the passage's months, not over them; an amount said
"với <số tiền / tổng giá trị / kinh phí ...>" is named by that noun first.  Other wordings,
numbers, periods and offices than the break-test's."""

from rag.vi.frames.document import extract


def _one(frames, value):
    hit = [f for f in frames if f.value == value]
    assert len(hit) == 1, [(f.indicator, f.value) for f in frames]
    return hit[0]


def test_processing_time_after_months_clause_is_a_point():
    text = ("Sở Tư pháp tỉnh Đông Lạc báo cáo\n"
            "Trong 6 tháng đầu năm 2051, Sở đã tiếp nhận 1.250 hồ sơ lý lịch tư pháp; thời gian "
            "giải quyết hồ sơ giảm từ 10 ngày xuống còn 5 ngày làm việc.")
    frames = extract(text, title="Sở Tư pháp tỉnh Đông Lạc báo cáo")
    days = _one(frames, "5 ngày")
    assert days.period is not None and days.period.kind == "to_date"
    assert days.period.end.isoformat() == "2051-06-30"
    assert days.period.label == "tính đến 30/6/2051"
    count = _one(frames, "1.250 hồ sơ")  # the flow keeps its months
    assert count.period is not None and count.period.label == "6 tháng đầu năm 2051"


def test_processing_time_of_title_period_is_a_point():
    text = ("Tình hình hoạt động hải quan 8 tháng năm 2064\n"
            "Kim ngạch xuất nhập khẩu qua cửa khẩu đạt 1.320 triệu USD.\n"
            "Thời gian thông quan mỗi tờ khai luồng xanh hiện chỉ còn 40 phút.")
    frames = extract(text, title="Tình hình hoạt động hải quan 8 tháng năm 2064")
    minutes = _one(frames, "40 phút")
    assert minutes.period is not None and minutes.period.label == "tính đến 31/8/2064"
    flow = _one(frames, "1.320 triệu USD")
    assert flow.period is not None and flow.period.kind == "months"


def test_time_averaged_over_the_period_keeps_it():
    text = ("Báo cáo ngành điện 9 tháng năm 2066\n"
            "Lũy kế 9 tháng năm 2066, điện thương phẩm đạt 2.410 triệu kWh. Thời gian mất điện "
            "bình quân của một khách hàng là 187 phút.")
    frames = extract(text, title="Báo cáo ngành điện 9 tháng năm 2066")
    saidi = _one(frames, "187 phút")
    assert saidi.period is not None and saidi.period.kind == "months"


def test_processing_time_of_a_quarter_keeps_it():
    text = ("Kết quả cải cách hành chính quý III/2058\n"
            "Quý III/2058, Trung tâm phục vụ hành chính công tiếp nhận 6.400 hồ sơ. Thời gian "
            "xử lý hồ sơ đất đai còn 12 ngày.")
    frames = extract(text, title="Kết quả cải cách hành chính quý III/2058")
    days = _one(frames, "12 ngày")
    assert days.period is not None and days.period.kind == "quarter"


def test_amount_named_by_its_noun_after_voi():
    frames = extract("Tháng 5/2066, các hộ kinh doanh trên địa bàn huyện nộp thuế khoán với "
                     "số tiền 8,2 tỷ đồng.")
    f = _one(frames, "8,2 tỷ đồng")
    assert f.indicator.startswith("số tiền ")
    assert "nộp thuế khoán" in f.indicator and "với" not in f.indicator.split()


def test_total_capital_after_voi():
    frames = extract("Năm 2059, khu kinh tế thu hút thêm dự án FDI với tổng vốn đăng ký 415 "
                     "triệu USD.")
    f = _one(frames, "415 triệu USD")
    assert f.indicator.lower().startswith("tổng vốn đăng ký")
    assert "với" not in f.indicator.split()


def test_measured_noun_first_without_diacritics():
    frames = extract("Nam 2059, cac xa chi tra tro cap voi kinh phi 3,6 ty dong.")
    f = _one(frames, "3,6 ty dong")
    assert f.indicator.lower().startswith("kinh phi")
