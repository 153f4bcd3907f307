"""Two text defects of break-test b17: a target clause after ";" with its own noun phrase
before the target verb names its own indicator ("...; vốn đầu tư toàn xã hội phấn đấu đạt
42.000 tỷ đồng" is not of the growth target before it), and a value with its own unit after
a change's first value does not take that value's unit as its words ("rút ngắn từ 3 - 4 giờ
xuống 30 - 45 phút" is "30 - 45 phút", not "30 - 45 phút giờ")."""

from __future__ import annotations

from rag.vi.frames.document import extract


def _frames(text: str) -> dict[str, tuple[str, str, str, bool]]:
    return {f.value: (f.indicator, f.parent, f.detail, f.target)
            for f in extract(text, "Kế hoạch", "2045-12-20")}


def test_target_after_semicolon_names_its_own_indicator() -> None:
    frames = _frames("Năm 2046, tỉnh đặt mục tiêu tốc độ tăng trưởng GRDP đạt 7,8%; tổng vốn "
                     "đầu tư toàn xã hội phấn đấu đạt 42.000 tỷ đồng; tỷ lệ đô thị hóa dự "
                     "kiến đạt trên 29%.")
    assert frames["7,8%"][0] == "tốc độ tăng trưởng GRDP"
    assert frames["42.000 tỷ đồng"][:2] == ("tổng vốn đầu tư toàn xã hội", "")
    assert frames["42.000 tỷ đồng"][3]  # still a target
    assert frames["trên 29%"][0] == "tỷ lệ đô thị hóa"


def test_planner_before_target_verb_is_no_indicator() -> None:
    frames = _frames("Năm 2046, tăng trưởng kinh tế ước đạt 7,1%; tỉnh phấn đấu đạt 7,6%.")
    assert frames["7,6%"][:2] == ("", "tăng trưởng kinh tế")


def test_second_value_keeps_its_own_unit() -> None:
    frames = _frames("Thời gian giải quyết hồ sơ giảm từ 4 - 5 ngày xuống còn 10 - 12 giờ.")
    assert frames["10 - 12 giờ"][2] == ""
    frames = _frames("Thời gian chờ thông quan rút ngắn từ 2 giờ xuống còn 40 phút.")
    assert frames["40 phút"][2] == ""
