"""A headline's figure restated exactly in its page's body (session 43 brief headline).

The press titles an article with a figure rounded or shortened and states it exactly in the
body ("Lạng Sơn đón hơn 96 nghìn lượt khách" over "... đón hơn 96.400 lượt khách du lịch ...",
"GRDP ... xếp thứ 4 vùng ..." over "... xếp thứ 4/14 tỉnh vùng ..."): the body's figure
answers, its sentence cited -- not the title's rounding (break-test bt17i; dev-reports d127
after rankavg read the title's "xếp thứ 4" as a rank).  A title figure the body does not
restate still answers (rag.answer.headline)."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import service_over_files
from helpers import make_docx

from rag.records import Answer, AskOptions
from rag.service import RagService


def _html(title: str, *paragraphs: str) -> str:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>"
            f"{body}</article></body></html>")


TOURISM = _html(
    "Kỳ nghỉ lễ 30/4 - 1/5 năm 2041: Lạng Sơn đón hơn 87 nghìn lượt khách",
    "Ngày 2/5/2041",
    "Trong 5 ngày nghỉ lễ Giải phóng miền Nam 30/4 và Quốc tế Lao động 1/5 (từ 28/4 đến "
    "2/5/2041), tỉnh Lạng Sơn đón hơn 87.300 lượt khách du lịch, tăng 6,2% so với cùng kỳ năm "
    "2040; trong đó khách nội địa 84.900 lượt, khách quốc tế 2.400 lượt.",
    "Doanh thu du lịch ước đạt 121,4 tỷ đồng, tăng 9,8%.")
RANK = _html(
    "Quý II/2042: GRDP Lạng Sơn tăng 7,15%, xếp thứ 6 vùng Trung du và miền núi phía Bắc",
    "Sáng 5/7/2042, UBND tỉnh Lạng Sơn tổ chức họp báo thông tin về tình hình kinh tế - xã "
    "hội quý II/2042. Theo đó, tốc độ tăng trưởng GRDP quý II/2042 của tỉnh ước đạt 7,15%, xếp "
    "thứ 6/14 tỉnh vùng Trung du và miền núi phía Bắc và thứ 31/63 tỉnh, thành phố trong cả "
    "nước.",
    "Chỉ số sản xuất công nghiệp (IIP) quý II tăng 2,46% so với cùng kỳ.")
# a report whose title paragraph rounds its body's count
VISITORS = make_docx(
    "Năm 2043 Lạng Sơn đón gần 1,5 triệu lượt khách du lịch",
    "Ngày 28/12/2043",
    "Năm 2043, toàn tỉnh đón 1.482.300 lượt khách du lịch, tăng 11,2% so với năm 2042, đạt "
    "104,4% kế hoạch năm.",
    "Tổng thu từ khách du lịch đạt 3.215 tỷ đồng.")
# near-miss: the title's figure stated nowhere else
FAIR = _html(
    "Hội chợ Thương mại Lạng Sơn 2044 thu hút khoảng 62 nghìn lượt khách tham quan",
    "Ngày 20/10/2044",
    "Hội chợ diễn ra từ ngày 14/10 đến 20/10/2044 tại Quảng trường 17/10 với 320 gian hàng "
    "của 180 doanh nghiệp trong và ngoài nước.")


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over_files(tmp_path_factory.mktemp("headline"), {
        "du-lich-30-4-2041.html": TOURISM, "hop-bao-quy2-2042.html": RANK,
        "du-lich-2043.docx": VISITORS, "hoi-cho-2044.html": FAIR})


def ask(service: RagService, question: str, today: date) -> Answer:
    return service.ask(question, AskOptions(retrieval_mode="lexical", today=today))


@pytest.mark.parametrize(("question", "today", "expected", "cited"), [
    ("Lượt khách dịp 30/4/2041?", date(2041, 6, 1), "87.300", "87.300 lượt khách du lịch"),
    ("Dịp nghỉ lễ 30/4 năm 2041 Lạng Sơn đón bao nhiêu lượt khách?", date(2041, 6, 1),
     "87.300", "87.300 lượt khách du lịch"),
    ("quý 2/2042 tăng trưởng GRDP Lạng Sơn xếp thứ mấy trong vùng", date(2042, 8, 1), "6/14",
     "thứ 6/14 tỉnh"),
    ("Năm 2043 Lạng Sơn đón bao nhiêu lượt khách du lịch?", date(2044, 2, 1), "1.482.300",
     "1.482.300 lượt khách"),
])
def test_the_body_states_the_headline_exactly(service: RagService, question: str, today: date,
                                              expected: str, cited: str) -> None:
    reply = ask(service, question, today)
    assert reply.found and expected in reply.answer, (reply.answer, reply.confidence)
    assert cited in (reply.answer_sentence or ""), reply.answer_sentence


def test_a_headline_figure_alone_still_answers(service: RagService) -> None:
    reply = ask(service, "Hội chợ Thương mại Lạng Sơn 2044 thu hút bao nhiêu lượt khách?",
                date(2044, 11, 1))
    assert reply.found and "62 nghìn" in reply.answer, (reply.answer, reply.confidence)


def test_another_body_figure_is_no_restatement(service: RagService) -> None:
    # the body's parts (84.900 domestic) and the national rank (31/63) restate nothing
    reply = ask(service, "Lượt khách nội địa dịp 30/4/2041?", date(2041, 6, 1))
    assert reply.found and "84.900" in reply.answer, (reply.answer, reply.confidence)
