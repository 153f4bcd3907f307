"""A numbered sub-heading naming an indicator is what an official figure under it restates;
"tổng lượng" + noun asks the level as "tổng số" does; a capitalised "Nam" (a place) is no
year word (issue 17, dev2 kinds: e114, e054, "Cốc Nam 311 xe")."""

from rag.answer.intent import read_intent
from rag.search.query import analyze
from rag.vi.frames.document import extract
from rag.vi.numbers import find_values

_SECTIONS = (
    "Báo cáo tình hình kinh tế - xã hội quý III năm 2031\n\n"
    "2. Thu, chi ngân sách\n\n"
    "Tổng thu ngân sách nhà nước trên địa bàn quý III ước đạt 2.315,6 tỷ đồng, tăng 4,1%.\n\n"
    "3. Thương mại, dịch vụ\n\n"
    "b) Kim ngạch xuất khẩu qua địa bàn\n\n"
    "Số liệu chính thức tháng 8/2031 đạt 418,2 triệu USD. Tháng 9/2031 ước đạt 436,9 triệu "
    "USD, tăng 4,5% so với tháng trước.\n"
)


def _frame(frames, low):
    return next(f for f in frames if f.low == low)


def test_official_figure_under_a_lettered_heading_is_the_headings_indicator():
    frames = extract(_SECTIONS, "", "2031-10-05")
    official = _frame(frames, 418.2)
    assert "kim ngạch xuất khẩu" in official.indicator.lower()
    assert "thu ngân sách" not in official.indicator.lower()
    later = _frame(frames, 436.9)
    assert "thu ngân sách" not in f"{later.indicator} {later.parent}".lower()
    assert "kim ngạch xuất khẩu" in f"{later.indicator} {later.parent}".lower()


def test_official_figure_under_an_unnumbered_sector_line_keeps_the_figure_before():
    text = ("Tổng thu ngân sách nhà nước trên địa bàn quý III ước đạt 2.315,6 tỷ đồng. "
            "Số liệu chính thức quý II/2031 đạt 2.104,8 tỷ đồng.\n")
    official = _frame(extract(text, "", "2031-10-05"), 2104.8)
    assert "thu ngân sách" in official.indicator.lower()


def test_total_amount_of_a_counted_noun_asks_as_total_number():
    for asked, plain in (("tổng lượng khách lưu trú quý II năm 2033",
                          "tổng số khách lưu trú quý II năm 2033"),
                         ("tong luong xe qua cua khau thang 4", "tong so xe qua cua khau thang 4")):
        assert read_intent(analyze(asked)).terms == read_intent(analyze(plain)).terms
    # "sản lượng" and "lương" (pay) stay words of their own
    assert "luong" in read_intent(analyze("tổng lương cán bộ năm 2030")).terms


def test_capitalised_nam_is_a_place_not_the_year_word():
    for text, value in (("riêng cửa khẩu Chi Ma 512 xe, cửa khẩu Cốc Nam 287 xe", "287 xe"),
                        ("doanh nghiệp đến từ Quảng Nam 14 đơn vị", "14 đơn vị"),
                        ("tỉnh Hà Nam 1.230 hộ", "1.230 hộ"),
                        ("cua khau Coc Nam 96 xe", "96 xe")):
        assert value in [v.text for v in find_values(text)], text
    # the year word itself, with or without diacritics, still heads a period
    assert [v.text for v in find_values("năm 2031 đạt 45 xe")] == ["45 xe"]
    assert [v.text for v in find_values("nam 5 dat 45 xe")] == ["45 xe"]
