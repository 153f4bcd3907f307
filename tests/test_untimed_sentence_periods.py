"""A sentence naming no time of its own takes its heading's period, else the crop season its
paragraph named, else the document title's; a "trong đó X N unit; Y M unit2" part keeps X
as its noun and the next clause's own subject is no part of the total (issue 17 bt18-b17
failure 4: in a district's "6 tháng đầu năm, phương hướng ... 6 tháng cuối năm" report,
"lúa 5.610 ha", "63,2 tạ/ha", "trồng rừng 1.150 ha" had no period and were refused at 1.0,
and the yield came back labelled as the area's part).  Other titles, seasons, crops and
indicators than that report's."""

from __future__ import annotations

from rag.vi.frames.document import extract
from rag.vi.frames.frame import Frame
from rag.vi.mentions import find_mentions


def _by_value(frames: list[Frame]) -> dict[str, Frame]:
    return {f.value: f for f in frames}


def _span(f: Frame) -> tuple[str, str, str] | None:
    p = f.period
    return (p.kind, p.start.isoformat(), p.end.isoformat()) if p else None


def test_title_period_ahead_is_no_second_lead() -> None:
    # the period after "phương hướng" is the tasks ahead: the report's figures of no period
    # of their own are of the title's first period
    text = ("Công tác khuyến công\n"
            "Hỗ trợ 14 cơ sở công nghiệp nông thôn đầu tư máy móc.\n"
            "Tổ chức 6 lớp đào tạo nghề cho 210 học viên.")
    frames = _by_value(extract(
        text, "Báo cáo kết quả công tác 9 tháng đầu năm, phương hướng nhiệm vụ quý IV năm 2061",
        "2061-09-22"))
    for value in ("14 cơ sở", "210 học viên"):
        assert _span(frames[value]) == ("months", "2061-01-01", "2061-09-30"), frames[value]
        assert frames[value].period_from == "document"


def test_title_with_plan_of_next_year() -> None:
    frames = _by_value(extract(
        "Sản lượng chè búp tươi đạt 41.300 tấn.",
        "Kết quả thực hiện nhiệm vụ năm 2058 và phương hướng năm 2059", "2058-12-15"))
    assert _span(frames["41.300 tấn"]) == ("year", "2058-01-01", "2058-12-31")


def test_yearless_season_dates_its_sentence_and_keeps_part_noun() -> None:
    text = ("2. Trồng trọt\n"
            "Diện tích gieo cấy vụ mùa 12.300 ha, trong đó ngô 2.150 ha; năng suất ngô đạt "
            "48,5 tạ/ha. Tổng đàn trâu đạt 21.400 con.")
    frames = _by_value(extract(text, "Báo cáo kinh tế - xã hội năm 2063", "2063-11-30"))
    season = ("season", "2063-01-01", "2063-12-31")
    assert _span(frames["12.300 ha"]) == season
    assert frames["12.300 ha"].period.label == "vụ Mùa 2063"
    part = frames["2.150 ha"]
    assert _span(part) == season and part.part and part.indicator == "ngô"
    yield_ = frames["48,5 tạ/ha"]
    assert _span(yield_) == season
    assert not yield_.part and yield_.indicator == "năng suất ngô" and not yield_.parent
    # a season named inside the words of what is measured dates its own sentence only
    assert _span(frames["21.400 con"]) == ("year", "2063-01-01", "2063-12-31")


def test_season_opening_a_sentence_dates_its_paragraph() -> None:
    text = "Vụ hè thu, toàn huyện gieo cấy 6.300 ha lúa. Năng suất ước đạt 55,1 tạ/ha."
    frames = _by_value(extract(text, "Tình hình sản xuất nông nghiệp năm 2064", "2064-09-10"))
    for value in ("6.300 ha", "55,1 tạ/ha"):
        assert frames[value].period is not None
        assert frames[value].period.label == "vụ Hè Thu 2064", frames[value]


def test_yearless_season_not_read_before_a_year_or_relative_year() -> None:
    assert [m.period.label for m in find_mentions(
        "bằng 101,3% so với vụ Xuân năm trước", 2064, report=True)] == []
    found = find_mentions("năng suất vụ Đông Xuân 2064 đạt 61 tạ/ha", 2064, report=True)
    assert [m.period.label for m in found] == ["vụ Đông Xuân 2064"]
    compared = find_mentions("sản lượng tăng so với vụ chiêm", 2064, report=True)
    assert [(m.period.label, m.comparison) for m in compared] == [("vụ Chiêm 2064", True)]
    # a question keeps a season without its year unread, as before
    assert find_mentions("năng suất lúa vụ mùa bao nhiêu?", 2064) == []


def test_sub_heading_takes_its_section_period() -> None:
    text = ("A. KẾT QUẢ THỰC HIỆN QUÝ III NĂM 2062\n"
            "1. Xuất khẩu lao động\n"
            "Đưa 75 người đi làm việc ở nước ngoài.\n"
            "2. Giáo dục nghề nghiệp\n"
            "Tuyển sinh đào tạo nghề cho 1.320 người.\n"
            "B. NHỮNG KHÓ KHĂN, VƯỚNG MẮC\n"
            "Còn 9 công trình chậm bàn giao.")
    frames = _by_value(extract(text, "Báo cáo của Phòng Lao động", "2062-10-05"))
    quarter = ("quarter", "2062-07-01", "2062-09-30")
    for value in ("75 người", "1.320 người"):
        assert _span(frames[value]) == quarter, frames[value]
        assert frames[value].period_from == "heading"
    # the next section of the same rank names no period: its figures take none from "A."
    assert frames["9 công trình"].period_from != "heading"


def test_trong_do_part_noun_and_verb() -> None:
    text = ("Sản lượng thủy sản 4.120 tấn, trong đó cá 3.050 tấn.\n\n"
            "Giải quyết việc làm cho 2.010 lao động, trong đó đưa 95 lao động đi làm việc ở "
            "nước ngoài.")
    frames = _by_value(extract(text, "Báo cáo năm 2060", "2060-12-20"))
    assert frames["3.050 tấn"].part and frames["3.050 tấn"].indicator == "cá"
    # "đưa" is the clause's verb, no item of the list
    assert frames["95 lao động"].part and frames["95 lao động"].indicator != "đưa"
