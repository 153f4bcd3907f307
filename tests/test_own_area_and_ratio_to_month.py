"""The report's own area said generically in a question ("trên địa bàn (tỉnh/huyện)", "toàn
huyện", "của tỉnh") names no basis and no word a figure must hold: the broadest figure answers
(issue 17 break-test bt18-b17 failure 2: "số chợ trên địa bàn tỉnh ... cuối năm 2073?" refused
at 1.0).  A ratio stated as a level "(tính) đến (hết) tháng N" is that month's ratio and
answers "tháng N"; a flow's total "đến hết tháng N" stays the months to date (bt18-b16 failure
5: "Tỷ lệ hộ dùng điện lưới quốc gia đến tháng 6/2095 đạt 99,6%" refused for "tháng 6")."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import service_over

from rag.answer.intent import read_intent
from rag.records import AskOptions
from rag.search.query import analyze
from rag.service import RagService

DOCS = [
    {"id": "ct-q2", "title": "Báo cáo tình hình thương mại 6 tháng đầu năm 2081 tỉnh Sơn Thủy",
     "date": "2081-07-05",
     "text": "Tính đến 30/6/2081, toàn tỉnh có 38 siêu thị (cuối năm 2080 là 35 siêu thị), "
             "trong đó 4 siêu thị hạng I.\n"
             "Tỷ lệ xã có chợ đến hết tháng 6/2081 đạt 82,4%.\n"
             "Kim ngạch xuất khẩu đến hết tháng 6/2081 đạt 412 triệu USD.\n"
             "Tháng 6/2081, kim ngạch xuất khẩu đạt 76 triệu USD."},
    {"id": "kt-h", "title": "Báo cáo kinh tế - xã hội 9 tháng năm 2082 huyện Bình Khê",
     "date": "2082-10-03",
     "text": "Tính đến 30/9/2082, toàn huyện có 27 hợp tác xã đang hoạt động (cuối năm 2081 "
             "có 24 hợp tác xã).\n"
             "Tỷ lệ che phủ rừng tính đến tháng 9/2082 đạt 61,3%.\n"
             "Tốc độ tăng trưởng giá trị sản xuất tính đến tháng 9/2082 đạt 7,4%."},
]


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over(tmp_path_factory.mktemp("own_area"), DOCS)


def _ask(service: RagService, question: str):  # type: ignore[no-untyped-def]
    return service.ask(question, AskOptions(retrieval_mode="lexical", today=date(2083, 3, 1)))


@pytest.mark.parametrize(("question", "expected"), [
    ("số siêu thị trên địa bàn tỉnh cuối năm 2080?", "35"),
    ("số siêu thị trên địa bàn tỉnh Sơn Thủy cuối năm 2080 là bao nhiêu?", "35"),
    ("trên địa bàn có bao nhiêu siêu thị tính đến 30/6/2081?", "38"),
    ("số hợp tác xã trên địa bàn huyện cuối năm 2081?", "24"),
    ("toàn huyện hiện có bao nhiêu hợp tác xã tính đến 30/9/2082?", "27"),
    ("số hợp tác xã của huyện tính đến 30/9/2082?", "27"),
])
def test_the_own_area_asks_the_broadest_figure(service: RagService, question: str,
                                               expected: str) -> None:
    reply = _ask(service, question)
    assert reply.found and expected in reply.answer, reply.answer
    assert "hạng I" not in reply.answer  # the total, not its part


@pytest.mark.parametrize(("question", "words"), [
    ("số siêu thị trên địa bàn tỉnh năm 2081", ("sieu", "thi")),
    ("toàn huyện có bao nhiêu hợp tác xã", ("hop", "tac", "xa")),
    ("vốn đầu tư trên địa bàn huyện Cao Lộc năm 2070", ("von", "dau", "tu", "huyen", "cao",
                                                       "loc")),
    ("doanh thu của thành phố Lạng Sơn năm 2070", ("doanh", "thu", "thanh", "pho", "lang",
                                                    "son")),
    ("tổng sản phẩm trên địa bàn năm 2070", ("tong", "san", "pham", "tren", "dia", "ban")),
])
def test_only_the_generic_area_leaves_the_question_s_words(question: str,
                                                           words: tuple[str, ...]) -> None:
    # a named district or city keeps its kind noun and name; GRDP's own name is kept whole
    assert read_intent(analyze(question)).terms == words


@pytest.mark.parametrize(("question", "expected"), [
    ("tỷ lệ xã có chợ tháng 6 năm 2081?", "82,4"),
    ("tỷ lệ xã có chợ tháng 6/2081 đạt bao nhiêu?", "82,4"),
    ("tỷ lệ che phủ rừng tháng 9/2082?", "61,3"),
])
def test_a_ratio_to_a_month_is_that_month_s(service: RagService, question: str,
                                            expected: str) -> None:
    reply = _ask(service, question)
    assert reply.found and expected in reply.answer, reply.answer
    assert reply.period_match == "exact"


@pytest.mark.parametrize(("question", "not_this"), [
    ("kim ngạch xuất khẩu tháng 6/2081?", "412"),
    ("tốc độ tăng trưởng giá trị sản xuất tháng 9/2082?", "7,4"),
    ("tỷ lệ che phủ rừng tháng 8/2082?", "61,3"),
])
def test_a_flow_to_a_month_is_no_month_s(service: RagService, question: str,
                                         not_this: str) -> None:
    reply = _ask(service, question)
    assert not (reply.found and reply.period_match == "exact" and not_this in reply.answer), \
        reply.answer
