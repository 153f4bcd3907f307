"""Which words a figure's frame is read from (issue 17's closing break-test): a report's date
line heads nothing, a ";" ends the clause a value is named in, a verb, adverb, list mark or a
number's own unit is no indicator, a count named only after its number is named by those
words, and a part whose own words name its basis does not take its total's other one.  The
sentences are written for these tests, in the shapes the break-test found."""
# ruff: noqa: E501  (sentences are kept whole, one a line)

from __future__ import annotations

import pytest

from rag.vi.frames import Frame, extract
from rag.vi.frames.context import dateline
from rag.vi.frames.indicators import LEAD_VERBS, clean_indicator, is_name, is_place, lead_verb
from rag.vi.lexicon import PLACES
from rag.vi.text import fold


def _frame(text: str, value: str, title: str = "", doc_date: str | None = None) -> Frame:
    """The frame of ``value`` (as written) in ``text``."""
    frames = extract(text, title, doc_date)
    found = [f for f in frames if text[f.start:f.end].startswith(value)]
    assert found, [text[f.start:f.end] for f in frames]
    return found[0]


BODY = "Toàn tỉnh có 86 chợ đang hoạt động. Doanh thu bán lẻ hàng hóa ước đạt 7.420 tỷ đồng."


@pytest.mark.parametrize("stamp", [
    "Thứ Năm, 03/4/2025 - 09:20",
    "Cập nhật lúc 07:45, 03/04/2025",
    "Hà Nội, ngày 03 tháng 4 năm 2025",
    "Ngày 03/4/2025",
    "(03/04/2025)",
    "Sở Công Thương, 03-04-2025",
])
def test_a_date_line_heads_nothing(stamp: str) -> None:
    """The line that dates a report is no heading: its figures keep the report's period (the
    title's quarter, not the stamp's day) and no figure is named by the stamp."""
    text = f"{stamp}\n\n{BODY}"
    for value in ("86 chợ", "7.420 tỷ đồng"):
        f = _frame(text, value, "Tình hình thương mại quý I năm 2025", "2025-04-03")
        assert f.context == "" and f.period is not None, f
        assert f.period.label == "quý I/2025", f.period
        assert "2025" not in f.indicator + f.parent, f


def test_a_date_lines_clock_is_no_figure() -> None:
    text = "16/05/2024 14:30 (GMT+7)\n\nTháng 5/2024, kim ngạch xuất khẩu đạt 310 triệu USD."
    assert [f.value for f in extract(text, "Xuất khẩu tháng 5", None)] == ["310 triệu USD"]


@pytest.mark.parametrize(("line", "day"), [
    ("Cập nhật 21/11/2024", "2024-11-21"), ("Lạng Sơn, ngày 9 tháng 1 năm 2025", "2025-01-09"),
    ("Từ ngày 01/3 đến 15/3/2025", None), ("Tính đến 30/6/2025", None), ("Năm 2025", None),
    ("Sáng 5/4/2024, UBND tỉnh tổ chức họp báo.", None),
])
def test_date_lines(line: str, day: str | None) -> None:
    """A stamp names one day; a range or a point in time heads the figures below it."""
    got = dateline(line)
    assert (got.isoformat() if got else None) == day


@pytest.mark.parametrize(("text", "value", "indicator"), [
    # the clause after ";" names nothing: the count of the clause before goes on, not its
    # rating's words ("sao trở", "loại khá") -- what it counted, as it reads without the
    # ";" clause after it (the year past the ";" ends no "đạt" phrase of the clause before:
    # tests/test_class_after_comma.py)
    ("Tính đến tháng 9/2025, thành phố có 128 cửa hàng xăng dầu đạt chuẩn từ 2 sao trở lên; đến ngày 30/9/2025 có 131 cửa hàng.",
     "131 cửa hàng", "cửa hàng xăng dầu đạt chuẩn"),
    ("Đến quý II/2025, toàn huyện có 36 hợp tác xã xếp loại từ khá trở lên; đến hết năm 2025 có 41 hợp tác xã.",
     "41 hợp tác xã", "hợp tác xã xếp loại từ khá trở lên"),
    # ... or names its own count after the number
    ("Năm 2025, 118 hộ kinh doanh được cấp phép có thời hạn; 27 hộ kinh doanh ngừng hoạt động.",
     "27 hộ", "hộ kinh doanh ngừng hoạt động"),
])
def test_a_semicolon_ends_the_clause(text: str, value: str, indicator: str) -> None:
    assert _frame(text, value, "", "2025-12-20").indicator == indicator


@pytest.mark.parametrize(("text", "value", "indicator"), [
    # a count said "có N <things>" names the things, not the place before it
    ("Tính đến 30/6/2025, toàn huyện có 52 trang trại chăn nuôi tập trung.", "52", "trang trại chăn nuôi tập trung"),
    ("Tính đến 30/6/2025, thành phố có 17 siêu thị.", "17 siêu thị", "siêu thị"),
    ("Chiều 14/3/2025, tại ga Đồng Đăng còn 36 toa hàng chờ bốc xếp.", "36 toa", "toa hàng chờ bốc xếp tại ga Đồng Đăng"),
    ("Năm 2024, toàn tỉnh đón 3,1 triệu lượt khách du lịch.", "3,1 triệu lượt khách", "lượt khách du lịch"),
    # a verb or adverb left of the clause is no name: "chỉ" of "chỉ đón", "Tỉnh" alone
    ("Năm 2021, chỉ đón 1,2 triệu lượt khách do dịch bệnh.", "1,2 triệu lượt khách", "lượt khách"),
    ("Tỉnh thu hút khoảng 2,7 triệu lượt khách trong 6 tháng đầu năm 2025.", "2,7 triệu", "lượt khách"),
])
def test_a_count_is_named_by_what_it_counts(text: str, value: str, indicator: str) -> None:
    assert _frame(text, value, "", "2025-07-01").indicator == indicator


def test_an_adverb_is_no_indicator() -> None:
    """"..., chỉ bằng 64,2% kế hoạch": the share is of the figure before, not of "chỉ"."""
    f = _frame("Năm 2024, kim ngạch xuất khẩu hàng địa phương đạt 96 triệu USD, chỉ bằng 64,2% kế hoạch.",
               "64,2%", "", "2024-12-30")
    assert f.indicator == "kim ngạch xuất khẩu hàng địa phương" and f.measure == "plan_share"


@pytest.mark.parametrize(("phrase", "name"), [
    ("chỉ", False), ("Tỉnh", False), ("xây", False), ("nửa", False), ("c", False), ("", False),
    ("IIP", True), ("CPI", True), ("GRDP", True), ("kim ngạch", True),
])
def test_names(phrase: str, name: bool) -> None:
    assert is_name(phrase) is name


def test_a_number_a_verb_leads_to_is_no_name() -> None:
    """"đạt từ 3 sao trở lên": the number's unit and qualifier ("sao trở") name nothing; a
    qualifier ending a name keeps its "lên"."""
    assert clean_indicator("đạt từ 3 sao trở lên") == ""
    assert clean_indicator("có trên 20 năm trở lên") == ""
    assert clean_indicator("Số cơ sở lưu trú đạt từ 3 sao trở lên là") == \
        "Số cơ sở lưu trú đạt từ 3 sao trở lên"


@pytest.mark.parametrize(("phrase", "place"), [
    ("toàn huyện", True), ("thành phố", True), ("huyện Cao Lộc", True), ("Lạng Sơn", True),
    ("huyện xây", False), ("kim ngạch xuất khẩu", False), ("trang trại", False),
])
def test_places(phrase: str, place: bool) -> None:
    assert is_place(phrase, frozenset(fold(p) for p in PLACES)) is place


def test_every_lead_verb_is_trimmed_off_an_indicator() -> None:
    """A summary says the indicator, then the verb (compose): the verb is never left in the
    indicator to be said twice."""
    for verb in LEAD_VERBS:
        assert clean_indicator(f"số hợp tác xã {verb}") == "số hợp tác xã", verb


@pytest.mark.parametrize(("before", "verb"), [
    ("tại cửa khẩu còn khoảng ", "còn"), ("Tổng mức bán lẻ ước đạt ", "ước đạt"),
    ("toàn tỉnh có ", "có"), ("Số doanh nghiệp thành lập mới là ", "là"),
    ("khách quốc tế ", ""), ("tong muc ban le uoc dat ", "uoc dat"),
])
def test_the_verb_before_a_value(before: str, verb: str) -> None:
    assert lead_verb(before) == verb


def test_a_figure_keeps_the_verb_of_its_sentence() -> None:
    text = ("Sáng 12/3/2025, tại cửa khẩu Chi Ma còn 640 xe hàng chờ xuất khẩu. Quý I/2025, "
            "tổng mức bán lẻ hàng hóa ước đạt 7.420 tỷ đồng. Số doanh nghiệp thành lập mới là "
            "96 doanh nghiệp.")
    assert [f.verb for f in extract(text, "", "2025-03-31")] == ["còn", "ước đạt", "là"]


CUSTOMS = ("Quý I/2025, tổng kim ngạch xuất nhập khẩu của tất cả các loại hình qua địa bàn đạt "
           "1,96 tỷ USD; trong đó kim ngạch hàng hóa mở tờ khai tại Cục Hải quan tỉnh đạt 1,12 tỷ "
           "USD; kim ngạch xuất khẩu hàng địa phương đạt 58 triệu USD.")


@pytest.mark.parametrize(("text", "value", "basis"), [
    (CUSTOMS, "1,12 tỷ USD", ("declared",)),
    (CUSTOMS, "58 triệu USD", ("local_goods",)),
    # a part naming no basis of its own is on its total's
    ("Năm 2024, tổng kim ngạch xuất nhập khẩu của tất cả các loại hình qua địa bàn đạt 5,3 tỷ USD, trong đó xuất khẩu 2,1 tỷ USD.",
     "2,1 tỷ USD", ("all_types",)),
    # another group's basis is kept beside its own
    ("Năm 2024, GRDP theo giá so sánh đạt 31.200 tỷ đồng, trong đó khu vực dịch vụ của khách quốc tế đạt 900 tỷ đồng.",
     "900 tỷ đồng", ("constant_prices", "international")),
])
def test_a_part_naming_its_basis_keeps_it(text: str, value: str, basis: tuple[str, ...]) -> None:
    assert _frame(text, value, "", "2025-04-02").basis == basis
