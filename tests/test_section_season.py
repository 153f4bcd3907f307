"""A section's lead-in scopes the lines after it (break-test b17 round 11, failures 3-4).

- "Trồng trọt: Vụ Đông Xuân 2047-2048, ... lúa" then, on the next line of that section,
  "Cây lạc gieo trồng 3.150 ha ...": the peanut figures are of the season, as under a
  heading naming it -- not of the report's "6 tháng" (rag.vi.frames.document.section_season);
  the season ends at a blank line, a heading, another section's lead-in or a line with a
  period of its own.
- A figure of the asked period but of another crop or product ("Năng suất lạc" for
  "năng suất lúa 6 tháng", fish farming's tonnes for "sản lượng lúa") is no answer: the
  indicator agrees before the period does (rag.answer.figures.another_subject).
- A lead-in naming two topics ("OCOP và nông thôn mới:") is no indicator of a figure whose
  own noun names one of them: its count of products answered a question about communes.
The texts here are other sections, crops, topics and numbers than the break-test's."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import service_over

from rag.records import AskOptions
from rag.service import RagService
from rag.vi.frames.document import extract

FARM = ("Sở Nông nghiệp tỉnh Hòa Lâm: kết quả 9 tháng năm 2051\n"
        "Ngày 05/10/2051\n\n"
        "Giá trị sản xuất nông nghiệp 9 tháng ước đạt 7.215 tỷ đồng, tăng 3,1%.\n\n"
        "Sản xuất nông nghiệp: Vụ Hè Thu 2051, toàn tỉnh gieo cấy 18.400 ha lúa; năng suất "
        "ước đạt 52,7 tạ/ha; sản lượng 96.970 tấn.\n"
        "Cây ngô gieo trồng 2.960 ha. Năng suất đạt 47,5 tạ/ha, sản lượng 14.060 tấn.\n"
        "Cây chè hiện có 4.380 ha.\n"
        "Cây sắn trồng 1.720 ha.\n"
        "Chăn nuôi: Tổng đàn trâu có 61.200 con. Sản lượng thịt hơi 9 tháng đạt 38.450 tấn.\n"
        "Sản lượng sữa đạt 2.140 tấn.\n\n"
        "Làng nghề và hợp tác xã: Tính đến ngày 30/9/2051, toàn tỉnh có 64 hợp tác xã nông "
        "nghiệp; cuối năm 2050 có 58 hợp tác xã. Đến nay có 21 làng nghề được công nhận.\n")


def _frames() -> dict[str, tuple[str, str | None]]:
    return {f.value.split()[0]: (f.indicator, f.period.label if f.period else None)
            for f in extract(FARM, "Sở Nông nghiệp tỉnh Hòa Lâm: kết quả 9 tháng năm 2051",
                             "2051-10-05")}


def test_season_of_a_section_dates_its_next_lines() -> None:
    frames = _frames()
    for value in ("2.960", "47,5", "14.060"):
        assert frames[value][1] == "vụ Hè Thu 2051", (value, frames[value])
    assert "ngô" in frames["14.060"][0].lower()


def test_season_ends_at_own_period_and_next_section() -> None:
    frames = _frames()
    # "hiện có" names the line's own time: the season ends there, the lines after keep none
    assert frames["4.380"][1] != "vụ Hè Thu 2051", frames["4.380"]
    assert frames["1.720"][1] != "vụ Hè Thu 2051", frames["1.720"]
    # another section's lead-in ("Chăn nuôi:") and the line after it: no season
    for value in ("61.200", "38.450", "2.140"):
        assert frames[value][1] != "vụ Hè Thu 2051", (value, frames[value])


def test_season_ends_at_blank_line() -> None:
    text = ("Trồng trọt: Vụ Mùa 2052, toàn tỉnh gieo cấy 30.100 ha lúa.\n\n"
            "Cây đậu tương gieo trồng 820 ha.")
    periods = {f.value.split()[0]: f.period.label if f.period else None
               for f in extract(text, "Tin nông nghiệp năm 2052", "2052-11-30")}
    assert periods["30.100"] == "vụ Mùa 2052"
    assert periods["820"] != "vụ Mùa 2052", periods


def test_two_topic_lead_in_is_no_indicator() -> None:
    frames = _frames()
    assert "làng nghề" not in frames["64"][0].lower(), frames["64"]
    assert "hợp tác xã" in frames["64"][0].lower(), frames["64"]
    assert "làng nghề" not in frames["58"][0].lower(), frames["58"]


def test_one_topic_lead_in_stays() -> None:
    text = "Du lịch: Tính đến ngày 30/9/2051, toàn tỉnh đón 1,2 triệu lượt khách."
    frames = extract(text, "Tin tổng hợp 9 tháng năm 2051", "2051-10-05")
    # a label of one topic, the clause after it naming nothing: the value's counted noun
    # names it, with the label's words (tests/test_lead_label_counted.py)
    assert frames and frames[0].indicator == "lượt khách du lịch", frames


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over(tmp_path_factory.mktemp("section_season"), [
        {"id": "nn-9t-2051", "title": "Sở Nông nghiệp tỉnh Hòa Lâm: kết quả 9 tháng năm 2051",
         "date": "2051-10-05", "text": FARM}])


def _ask(service: RagService, question: str):  # type: ignore[no-untyped-def]
    return service.ask(question, AskOptions(retrieval_mode="lexical", today=date(2051, 10, 20)))


@pytest.mark.parametrize(("question", "expected"), [
    ("sản lượng ngô vụ Hè Thu 2051?", "14.060"),
    ("năng suất ngô vụ Hè Thu năm 2051?", "47,5"),
    ("diện tích gieo trồng ngô vụ Hè Thu 2051?", "2.960"),
    ("năng suất lúa vụ Hè Thu 2051?", "52,7"),
    ("số hợp tác xã nông nghiệp cuối năm 2050?", "58"),
])
def test_answers(service: RagService, question: str, expected: str) -> None:
    reply = _ask(service, question)
    assert reply.found and expected in reply.answer, (reply.answer, reply.summary)
    assert reply.period_match == "exact", reply.summary


@pytest.mark.parametrize(("question", "wrong"), [
    # the month figures of the asked period are another product's
    ("sản lượng lúa 9 tháng năm 2051?", "38.450"),
    ("năng suất sắn vụ Hè Thu 2051?", "47,5"),
    ("năng suất sắn vụ Hè Thu 2051?", "52,7"),
    # the commune count is never the products' nor the cooperatives'
    ("số làng nghề được công nhận cuối năm 2050?", "58"),
])
def test_no_other_subject(service: RagService, question: str, wrong: str) -> None:
    reply = _ask(service, question)
    assert not (reply.found and wrong in reply.answer), (reply.answer, reply.summary)
