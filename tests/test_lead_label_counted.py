"""A total under a one-topic lead-in label is named by its own counted noun (issue 17,
break-test b17 round 13, failure 3).

"Du lịch: 6 tháng ..., toàn tỉnh đón N triệu lượt khách, tăng X%, trong đó khách A ..., khách
B ... lượt": the total was framed with the label ("Du lịch") as its indicator, so the parts,
whose indicators carry "khách", answered "tổng lượt khách du lịch" and "số lượt khách".  A
value with a counted noun of its own takes that noun, with the label's words, as indicator
("lượt khách du lịch"; rag.vi.frames.sentence._label_of_one_topic).  A value whose unit is
a bare measure ("nghìn tấn") or money keeps the label.  Other labels, nouns and numbers than
the break-test's.

A part whose name is inside the total's ("doanh thu vận tải" of "Tổng doanh thu vận tải, kho
bãi và dịch vụ hỗ trợ vận tải"), its change asked, is not answered with the total's change
(failure 2; rag.answer.figures.part_asked)."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import service_over

from rag.records import AskOptions
from rag.service import RagService
from rag.vi.frames.document import extract

TITLE = "Sở Văn hóa và Du lịch tỉnh Hòa Lâm: kết quả 9 tháng năm 2051"
TEXT = (f"{TITLE}\nNgày 06/10/2051\n\n"
        "Du lịch: 9 tháng năm 2051, toàn tỉnh đón 3,18 triệu lượt khách, tăng 12,4% so với "
        "cùng kỳ, trong đó khách nội địa 2,95 triệu lượt, khách lưu trú 1,07 triệu lượt. "
        "Tổng thu từ du lịch đạt 4.120 tỷ đồng.\n\n"
        "Hợp tác xã: Tính đến ngày 30/9/2051, toàn tỉnh có 412 hợp tác xã, trong đó 96 hợp "
        "tác xã nông nghiệp.\n\n"
        "Thủy sản: 9 tháng năm 2051, toàn tỉnh đạt 27,4 nghìn tấn.\n\n"
        "Tổng doanh thu vận tải, kho bãi và dịch vụ hỗ trợ vận tải 9 tháng đạt 3.920 tỷ đồng, "
        "tăng 10,3%, trong đó doanh thu vận tải 2.640 tỷ đồng.\n")


def _frames() -> dict[str, str]:
    return {f.value.split()[0]: f.indicator for f in extract(TEXT, TITLE, "2051-10-05")}


def test_counted_noun_with_label_words() -> None:
    frames = _frames()
    assert frames["3,18"] == "lượt khách du lịch", frames
    assert "hợp tác xã" in frames["412"].lower(), frames
    # a bare measure keeps the label
    assert frames["27,4"] == "Thủy sản", frames


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over(tmp_path_factory.mktemp("lead_label"), [
        {"id": "dl-9t-2051", "title": TITLE, "date": "2051-10-06", "text": TEXT}])


def _ask(service: RagService, question: str):  # type: ignore[no-untyped-def]
    return service.ask(question, AskOptions(retrieval_mode="lexical", today=date(2051, 10, 20)))


@pytest.mark.parametrize(("question", "expected"), [
    ("tổng lượt khách du lịch 9 tháng 2051?", "3,18"),
    ("số lượt khách 9 tháng năm 2051?", "3,18"),
    ("tổng số lượt khách du lịch toàn tỉnh đón 9 tháng 2051?", "3,18"),
    ("số lượt khách lưu trú 9 tháng 2051?", "1,07"),
    ("lượt khách du lịch 9 tháng 2051 tăng bao nhiêu %?", "12,4"),
])
def test_answers(service: RagService, question: str, expected: str) -> None:
    reply = _ask(service, question)
    assert reply.found and expected in reply.answer, (reply.answer, reply.summary)


@pytest.mark.parametrize("question", [
    "doanh thu vận tải 9 tháng 2051 tăng bao nhiêu %?",
    "doanh thu vận tải 9 tháng năm 2051 tăng bao nhiêu so với cùng kỳ?",
])
def test_part_change_not_the_totals(service: RagService, question: str) -> None:
    reply = _ask(service, question)
    assert not (reply.found and "10,3" in reply.answer), (reply.answer, reply.summary)


@pytest.mark.parametrize("question", [
    "tổng doanh thu vận tải, kho bãi và dịch vụ hỗ trợ vận tải 9 tháng 2051 tăng bao nhiêu %?",
    "doanh thu vận tải kho bãi 9 tháng 2051 tăng bao nhiêu %?",
])
def test_total_change_still_answers(service: RagService, question: str) -> None:
    reply = _ask(service, question)
    assert reply.found and "10,3" in reply.answer, (reply.answer, reply.summary)
