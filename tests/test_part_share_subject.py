"""A part stated with its share of a named whole ("Khách quốc tế đạt 3.460 lượt, chiếm 3,6% tổng
lượt khách.") does not become what the text goes on about: a figure after it with no subject
of its own ("Bình quân mỗi ngày đón 24.075 lượt khách") is the whole's, not the part's
(rag.vi.frames.sentence.part_of_whole_said; break-test s46 bt17w, a holiday report, where the
per-day average was labelled "Khách quốc tế" at 0.919)."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import service_over_files

from rag.records import AskOptions
from rag.service import RagService
from rag.vi.frames import extract

REPORT = ("Du lịch dịp nghỉ lễ 30/4 - 1/5/2087\n\n02/05/2087\n\n"
          "Trong 5 ngày nghỉ lễ (từ 27/4 đến hết 1/5/2087), toàn tỉnh đón 142.500 lượt khách, "
          "tăng 12,4% so với cùng kỳ. Khách quốc tế đạt 5.130 lượt, chiếm 3,6% tổng lượt "
          "khách. Bình quân mỗi ngày đón 28.500 lượt khách.\n\n"
          "Kim ngạch xuất khẩu nông sản tháng 4/2087 đạt 96 triệu USD, chiếm 41% tổng kim ngạch "
          "xuất khẩu. Riêng thanh long đạt 22 triệu USD.\n")


def test_the_figure_after_a_part_with_its_share_is_the_wholes() -> None:
    frames = {f.value: f for f in extract(REPORT, "Du lịch", "2087-05-02")}
    avg = frames["28.500 lượt khách"]
    assert "quốc tế" not in f"{avg.indicator} {avg.parent}".lower(), avg
    # the part keeps its own name
    assert frames["5.130 lượt"].indicator == "Khách quốc tế"


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over_files(tmp_path_factory.mktemp("part"), {"le-30-4-2087.txt": REPORT})


@pytest.mark.parametrize(("question", "value"), [
    ("Bình quân mỗi ngày lễ 30/4 - 1/5/2087 đón bao nhiêu khách?", "28.500"),
    ("Khách quốc tế dịp lễ 30/4/2087?", "5.130"),
])
def test_asked(service: RagService, question: str, value: str) -> None:
    answer = service.ask(question, AskOptions(retrieval_mode="lexical",
                                              today=date(2087, 5, 3)))
    assert answer.found and answer.answer.startswith(value), (answer.answer, answer.summary)
    assert "quốc tế" not in (answer.summary or "").lower() or value == "5.130", answer.summary
