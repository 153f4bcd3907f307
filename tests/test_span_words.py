"""A span of years typed without its dash after a word that opens a span -- "giai doan 2051
2055", "thời kỳ 2046 2050", "giai đoạn từ năm 2036 năm 2040" -- is the span, as "giai đoạn
2051-2055" is, never the two years (break-test bt17k: "tang truong grdp binh quan giai doan
2051 2055" answered the year 2055's 8,1%, not the span's average 7,4%/năm).  Without a span
word "năm 2055" keeps its year (near-miss)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from conftest import service_over_files
from helpers import make_docx

from rag.records import AskOptions
from rag.service import RagService
from rag.vi.mentions import find_mentions

HTML = (
    "<html><head><title>Họp báo kết quả giai đoạn 2051-2055</title></head><body>"
    "<nav>Giới thiệu · Tin tức · Liên hệ</nav><article><h1>Họp báo công bố kết quả kinh tế - "
    "xã hội giai đoạn 2051-2055</h1><p>Ngày đăng: 15/01/2056</p>"
    "<p>Tại buổi họp báo, lãnh đạo tỉnh cho biết giai đoạn 2051-2055, tốc độ tăng trưởng "
    "GRDP của tỉnh tăng bình quân 7,4%/năm, cao "
    "hơn mục tiêu đề ra (7,0%). GRDP bình quân đầu người năm 2055 đạt 98,6 triệu đồng.</p>"
    "<p>Năm 2055, tăng trưởng GRDP ước đạt 8,1%, quy mô GRDP ước đạt 62.300 tỷ đồng.</p>"
    "</article><footer>Bản quyền thuộc Báo Lạng Sơn</footer></body></html>")
TXT = (
    "Tổng kết thương mại thời kỳ 2046 - 2050\nLạng Sơn, ngày 20/01/2051\n\n"
    "Thời kỳ 2046 - 2050, tổng mức bán lẻ hàng hóa tăng bình quân 11,6%/năm.\n"
    "Năm 2050, tổng mức bán lẻ hàng hóa tăng 9,2% so với năm 2049.\n")
DOCX_PARAS = (
    "Báo cáo tổng kết xuất khẩu giai đoạn 2036 đến 2040",
    "Lạng Sơn, ngày 10/01/2041",
    "Giai đoạn 2036 - 2040, kim ngạch xuất khẩu của doanh nghiệp địa phương tăng bình quân "
    "13,8%/năm.",
    "Năm 2040, kim ngạch xuất khẩu của doanh nghiệp địa phương tăng 6,5% so với năm 2039.",
)


@pytest.fixture(scope="module")
def svc(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over_files(tmp_path_factory.mktemp("spanwords"), {
        "hop_bao_2056.html": HTML, "tong_ket_tm_2051.txt": TXT,
        "xk_2041.docx": make_docx(*DOCX_PARAS)})


@pytest.mark.parametrize("question", [
    "giai doan 2051 2055", "gđ 2051 2055", "thời kỳ 2051 2055", "giai đoạn từ năm 2051 năm 2055",
    "thoi ky 2051  2055", "nhiệm kỳ 2051 2055"])
def test_span_word_before_two_years_reads_one_span(question: str) -> None:
    found = [m.period for m in find_mentions(question, None)]
    assert [(p.kind, p.start.year, p.end.year) for p in found] == [("years", 2051, 2055)]


def test_two_years_without_span_word_stay_two() -> None:
    assert [m.period.kind for m in find_mentions("năm 2051 2055", None)] == ["year", "year"]


@pytest.mark.parametrize("question,today,expected", [
    ("tang truong grdp binh quan giai doan 2051 2055", "2056-03-01", "7,4"),
    ("tăng trưởng GRDP bình quân giai đoạn 2051 2055?", "2056-03-01", "7,4"),
    ("tong muc ban le tang binh quan thoi ky 2046 2050", "2051-03-01", "11,6"),
    ("kim ngạch xuất khẩu tăng bình quân giai đoạn 2036 2040 là bao nhiêu", "2041-03-01",
     "13,8"),
    ("tốc độ tăng kim ngạch xuất khẩu bình quân thời kỳ 2036-2040", "2041-03-01", "13,8"),
])
def test_span_question_without_dash_answers_span_average(svc: RagService, question: str,
                                                         today: str, expected: str) -> None:
    out = svc.ask(question, AskOptions(today=dt.date.fromisoformat(today)))
    assert out.found and expected in out.answer, out.answer


@pytest.mark.parametrize("question,today,expected", [
    ("tăng trưởng GRDP năm 2055", "2056-03-01", "8,1"),
    ("tổng mức bán lẻ hàng hóa năm 2050 tăng bao nhiêu", "2051-03-01", "9,2"),
    ("GRDP bình quân đầu người năm 2055", "2056-03-01", "98,6"),
])
def test_one_year_keeps_its_figure(svc: RagService, question: str, today: str,
                                   expected: str) -> None:
    out = svc.ask(question, AskOptions(today=dt.date.fromisoformat(today)))
    assert out.found and expected in out.answer, out.answer




def test_span_average_asked_is_no_year_inside_the_span(tmp_path: Path) -> None:
    """Without the span's average in the reports, its last year's growth does not answer."""
    alone = HTML.replace("Tại buổi họp báo, lãnh đạo tỉnh cho biết giai đoạn 2051-2055, tốc "
                         "độ tăng trưởng GRDP của tỉnh tăng bình quân 7,4%/năm, cao hơn mục "
                         "tiêu đề ra (7,0%). ", "")
    assert "7,4" not in alone
    svc = service_over_files(tmp_path, {"hop_bao_2056.html": alone})
    out = svc.ask("tang truong grdp binh quan giai doan 2051 2055",
                  AskOptions(today=dt.date(2056, 3, 1)))
    assert not out.found or "8,1" not in out.answer, out.answer
