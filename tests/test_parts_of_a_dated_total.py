"""Parts of a total named by its value take the total's date, and of counts at two days the
later one stays in force (issue 17 bt17, "right value, wrong period": "Nếu như đến hết tháng
6/2026 ... 214 sản phẩm ..., thì đến ngày 10/12/2026 ... 248 sản phẩm. Trong 248 sản phẩm,
có 2 sản phẩm đạt 5 sao, 27 sản phẩm đạt 4 sao" dated the 27 "tính đến hết tháng 6/2026").
The documents here are the test's own, in other wording, numbers and units."""

from __future__ import annotations

from rag.vi.frames import extract


def _periods(text: str, day: str, title: str = "") -> dict[str, str]:
    return {f.value: f.period.label if f.period else "" for f in extract(text, title, day)}


def test_stars_of_the_later_total() -> None:
    text = ("Sản phẩm OCOP của tỉnh\n\n"
            "Ngày 28/11/2041\n\n"
            "Đến ngày 31/3/2041, toàn tỉnh có 187 sản phẩm đạt chuẩn OCOP; đến ngày 20/11/2041 "
            "con số này đã tăng lên 226 sản phẩm.\n\n"
            "Trong tổng số 226 sản phẩm, có 6 sản phẩm đạt 4 sao và 220 sản phẩm đạt 3 sao.\n\n"
            "Thành phố dẫn đầu với 44 sản phẩm, huyện Văn Lãng đứng thứ hai với 33 sản phẩm.")
    p = _periods(text, "2041-11-28")
    assert p["187 sản phẩm"] == "tính đến 31/3/2041"
    assert p["6 sản phẩm"] == "tính đến 20/11/2041"
    assert p["220 sản phẩm"] == "tính đến 20/11/2041"
    # a later paragraph stating no date: the latest day the lead stated, not its first
    assert p["44 sản phẩm"] == "tính đến 20/11/2041"


def test_enterprises_by_type() -> None:
    text = ("Tính đến 30/6/2043, trên địa bàn tỉnh có 1.180 doanh nghiệp đang hoạt động; tính "
            "đến ngày 25/9/2043 là 1.250 doanh nghiệp đang hoạt động.\n\n"
            "Trong 1.250 doanh nghiệp đang hoạt động, có 320 doanh nghiệp có vốn nhà nước và "
            "930 doanh nghiệp ngoài nhà nước.")
    p = _periods(text, "2043-10-02")
    assert p["1.180 doanh nghiệp"] == "tính đến 30/6/2043"
    assert p["320 doanh nghiệp"] == "tính đến 25/9/2043"
    assert p["930 doanh nghiệp"] == "tính đến 25/9/2043"


def test_vehicles_of_the_later_day_in_one_paragraph() -> None:
    # the later day said first, then the earlier one: the later stays in force
    text = ("Tình hình xuất khẩu qua cửa khẩu\n"
            "Tính đến ngày 20/1/2045, tại các cửa khẩu còn 1.860 phương tiện chờ xuất khẩu; "
            "tính đến ngày 12/1/2045 còn 2.140 phương tiện. Xe chở trái cây chiếm 1.020 xe.")
    p = _periods(text, "2045-01-21")
    assert p["2.140 phương tiện"] == "tính đến 12/1/2045"
    assert p["1.020 xe"] == "tính đến 20/1/2045"


def test_cooperatives_named_after_their_count() -> None:
    text = ("Tính đến hết tháng 3/2044, toàn tỉnh có 90 hợp tác xã nông nghiệp, đến ngày "
            "15/10/2044 có 96 hợp tác xã nông nghiệp.\n\n"
            "Trong số đó, có 41 hợp tác xã đạt loại khá, tốt.")
    p = _periods(text, "2044-10-20")
    assert p["41 hợp tác xã"] == "tính đến 15/10/2044"


def test_near_miss_each_count_keeps_its_day_and_its_own_parts() -> None:
    text = ("Tính đến hết tháng 6/2046, toàn tỉnh có 214 sản phẩm OCOP, đến ngày 10/12/2046 "
            "có 248 sản phẩm OCOP.\n\n"
            "Trong 214 sản phẩm, có 20 sản phẩm đạt 4 sao.\n\n"
            "Trong 248 sản phẩm, năm 2046 có 34 sản phẩm được công nhận mới.")
    p = _periods(text, "2046-12-15")
    assert p["214 sản phẩm"] == "tính đến hết tháng 6/2046"
    assert p["20 sản phẩm"] == "tính đến hết tháng 6/2046"  # the earlier total's part
    assert p["34 sản phẩm"] == "năm 2046"  # a period of its own wins
