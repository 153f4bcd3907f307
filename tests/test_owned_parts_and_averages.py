"""A part named by its owner, an average a day asked as a period's figure, and a count with
its basis after it (issue 17, session 31), on reports of our own:

- "136 cửa hàng ..., trong đó 21 cửa hàng của Công ty Xăng dầu Bắc Thái": the words after
  "của" stay with the part, so the owner's question gets 21 and the total's 136;
- "Bình quân mỗi ngày có 1.350 lượt phương tiện" is no count of the 11 months it is said
  for: a question asking the period's figure does not get it, one asking the average a day
  ("bình quân mỗi ngày bao nhiêu", "mỗi ngày có bao nhiêu") does -- and "mỗi ngày bao
  nhiêu" asks no date;
- "có 320 doanh nghiệp làm thủ tục hải quan": the basis its words name after the value
  ("làm thủ tục" of goods declared at customs) is the figure's, so a question naming it gets
  the figure, not only the sentence.
"""

from __future__ import annotations

import pytest
from conftest import service_over_files

from rag.records import AskOptions
from rag.service import RagService
from rag.vi.frames import extract

DOCS = {
    "xang-dau-2030.txt": (
        "Tình hình kinh doanh xăng dầu năm 2030\n20/12/2030\n\n"
        "Năm 2030, toàn tỉnh hiện có 136 cửa hàng bán lẻ xăng dầu, trong đó 21 cửa hàng của "
        "Công ty Xăng dầu Bắc Thái.\n"),
    "cua-khau-2030.txt": (
        "Hoạt động xuất nhập khẩu qua cửa khẩu 11 tháng năm 2030\n05/12/2030\n\n"
        "11 tháng năm 2030, kim ngạch xuất nhập khẩu qua các cửa khẩu đạt 3.200 triệu USD. "
        "Bình quân mỗi ngày có 1.350 lượt phương tiện xuất nhập cảnh qua các cửa khẩu.\n"),
    "hai-quan-2031.txt": (
        "Hoạt động hải quan quý I/2031\n05/04/2031\n\n"
        "Quý I/2031, có 320 doanh nghiệp làm thủ tục hải quan tại các cửa khẩu trên địa bàn "
        "tỉnh.\n"),
}


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over_files(tmp_path_factory.mktemp("owned"), DOCS)


@pytest.mark.parametrize(("sentence", "value", "detail"), [
    ("Toàn tỉnh có 136 cửa hàng bán lẻ xăng dầu, trong đó 21 cửa hàng của Công ty Xăng dầu "
     "Bắc Thái.", "21 cửa hàng", "của Công ty Xăng dầu Bắc Thái"),
    ("Toàn tỉnh có 58 sản phẩm OCOP, trong đó 9 sản phẩm của huyện Cao Lộc.", "9 sản phẩm",
     "của huyện Cao Lộc"),
])
def test_a_part_keeps_its_owner(sentence: str, value: str, detail: str) -> None:
    frames = {f.value: f for f in extract(sentence, "t", "2030-12-31")}
    assert frames[value].part and frames[value].detail == detail


@pytest.mark.parametrize(("question", "expected"), [
    ("Công ty Xăng dầu Bắc Thái có bao nhiêu cửa hàng?", "21 cửa hàng"),
    ("Toàn tỉnh có bao nhiêu cửa hàng bán lẻ xăng dầu năm 2030?", "136 cửa hàng"),
    ("bình quân mỗi ngày bao nhiêu lượt phương tiện xuất nhập cảnh 11 tháng 2030",
     "1.350 lượt phương tiện"),
    ("mỗi ngày có bao nhiêu lượt phương tiện xuất nhập cảnh 11 tháng năm 2030",
     "1.350 lượt phương tiện"),
    ("có bao nhiêu doanh nghiệp làm thủ tục hải quan quý I/2031", "320 doanh nghiệp"),
    ("số doanh nghiệp làm thủ tục hải quan quý I/2031", "320 doanh nghiệp"),
])
def test_the_figure_asked(service: RagService, question: str, expected: str) -> None:
    a = service.ask(question, AskOptions())
    assert a.found and a.figure is not None, a.answer
    assert a.answer.startswith(expected), a.answer


def test_a_part_named_by_its_owner_is_said_with_it(service: RagService) -> None:
    a = service.ask("Công ty Xăng dầu Bắc Thái có bao nhiêu cửa hàng?", AskOptions())
    assert "21 cửa hàng của Công ty Xăng dầu Bắc Thái" in (a.summary or ""), a.summary


def test_an_average_a_day_is_no_count_of_the_period(service: RagService) -> None:
    a = service.ask("số lượt phương tiện xuất nhập cảnh 11 tháng 2030", AskOptions())
    assert not (a.found and "1.350" in a.answer and a.confidence >= 0.5), a.answer


def test_a_basis_named_after_the_value_is_the_figures() -> None:
    [f] = extract("Quý I/2031, có 320 doanh nghiệp làm thủ tục hải quan.", "t", "2031-04-05")
    assert "declared" in f.basis
