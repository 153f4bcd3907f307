""""<any verb> thêm N <noun>" is the number added, a change, never the level the thing stands
at: a page titled "Cụm công nghiệp Tân Thanh thu hút thêm 6 doanh nghiệp" over "Tính đến
30/6/2070, Cụm công nghiệp Tân Thanh ... đã thu hút 22 doanh nghiệp" answered "bao nhiêu doanh
nghiệp tính đến 30/6/2070" with 6 at 1.0 (break-test bt19b Q185, Q197) -- "có thêm", "tăng
thêm" were the only verbs read so (tests/test_added_count_is_change.py).  Asked "thu hút thêm
bao nhiêu", the added number answers (rag.vi.frames.measures, rag.answer.question)."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import service_over_files
from helpers import make_docx

from rag.records import Answer, AskOptions
from rag.service import RagService
from rag.vi.frames import extract


def _html(title: str, *paragraphs: str) -> str:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (f"<html><head><title>{title} - Sở Công Thương</title></head><body><article>"
            f"<h1>{title}</h1>{body}</article></body></html>")


PARK = _html(
    "Cụm công nghiệp Hồng Phong thu hút thêm 5 doanh nghiệp",
    "Ngày đăng: 04/10/2088",
    "Tính đến ngày 30/9/2088, Cụm công nghiệp Hồng Phong (huyện Cao Lộc) đã thu hút 19 doanh "
    "nghiệp vào đầu tư sản xuất, kinh doanh với tổng vốn đăng ký 1.240 tỷ đồng; tỷ lệ lấp đầy "
    "đạt 64,8%.",
    "Đến cuối năm 2087, cụm mới có 14 doanh nghiệp.")
OCOP = make_docx(
    "Huyện Lộc Bình công nhận thêm 9 sản phẩm OCOP",
    "Ngày 20/12/2093",
    "Đến ngày 15/12/2093, toàn huyện Lộc Bình có 58 sản phẩm OCOP được công nhận, trong đó 11 "
    "sản phẩm đạt 4 sao.")
# near-miss: "có N" with no "thêm" stays the level
MARKETS = _html(
    "Thành phố Lạng Sơn có 12 chợ đạt chuẩn văn minh thương mại",
    "Ngày 10/3/2095",
    "Tính đến ngày 28/2/2095, thành phố có 12 chợ đạt chuẩn văn minh thương mại.")


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over_files(tmp_path_factory.mktemp("anyverb"), {
        "ccn-hong-phong-2088.html": PARK, "ocop-loc-binh-2093.docx": OCOP,
        "cho-2095.html": MARKETS})


def ask(service: RagService, question: str, today: date | None = None) -> Answer:
    return service.ask(question, AskOptions(retrieval_mode="lexical", today=today))


@pytest.mark.parametrize(("text", "value"), [
    ("Năm 2091, tỉnh đón thêm 3.400 lượt khách quốc tế qua cửa khẩu.", "3.400 lượt"),
    ("Quý I/2092, Khu kinh tế thu hút thêm 7 dự án đầu tư.", "7 dự án"),
    ("Năm 2093 phấn đấu công nhận thêm ít nhất 15 sản phẩm OCOP.", "15 sản phẩm"),
])
def test_any_verb_with_them_is_a_change(text: str, value: str) -> None:
    frames = [f for f in extract(text, "Báo cáo", "2093-12-20") if value in f.value]
    assert frames and all(f.measure == "change" for f in frames), frames


@pytest.mark.parametrize(("question", "today", "expected"), [
    ("Cụm công nghiệp Hồng Phong có bao nhiêu doanh nghiệp tính đến 30/9/2088?", None, "19"),
    ("CCN Hồng Phong hiện nay có bao nhiêu doanh nghiệp?", date(2088, 10, 20), "19"),
    ("CCN Hồng Phong thu hút thêm bao nhiêu doanh nghiệp?", None, "5 doanh"),
    ("Huyện Lộc Bình có bao nhiêu sản phẩm OCOP tính đến 15/12/2093?", None, "58"),
    # "thêm" after the thing counted asks the added number too (dev4 b17f's wording)
    ("Năm 2093 huyện Lộc Bình có bao nhiêu sản phẩm OCOP được công nhận thêm?", None, "9"),
])
def test_the_level_and_the_added_number_apart(service: RagService, question: str,
                                              today: date | None, expected: str) -> None:
    reply = ask(service, question, today)
    assert reply.found and reply.answer.split("||")[-1].strip().startswith(expected), (
        reply.answer, reply.confidence)


def test_a_count_without_them_stays_a_level(service: RagService) -> None:
    frames = extract("Năm 2095, thành phố có 12 chợ đạt chuẩn văn minh thương mại.", "Báo cáo",
                     "2095-03-10")
    assert any(f.value.startswith("12") and f.measure == "level" for f in frames), frames
    reply = ask(service, "Thành phố Lạng Sơn có bao nhiêu chợ đạt chuẩn văn minh thương mại?",
                date(2095, 3, 20))
    assert reply.found and "12 chợ" in reply.answer, (reply.answer, reply.confidence)
