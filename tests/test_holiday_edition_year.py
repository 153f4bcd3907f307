"""A question naming a fair with a year ("số gian hàng tham gia hội chợ (cả) năm 2034",
"doanh thu bán hàng hội chợ năm 2041") reads as an event's edition (rag.answer.figures
edition_asked), whose figure said for its days answers it -- but a figure of a holiday ("Bảng 1:
Kết quả xúc tiến thương mại dịp Tết Nguyên đán Giáp Dần 2034") counts the holiday's days, never
the year's: it is answered in part, said so ("Báo cáo chỉ có số liệu ... Tết ..."), or refused
-- never exact (break-test s42 bt16i: 312 booths of Tết served as the year's at 0.85).
Near-miss: the same question naming the holiday ("... dịp Tết 2034") keeps its exact answer.
Documents are built here as DOCX, HTML and plain text, with counts and amounts."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import service_over_files
from helpers import docx_bytes, docx_fill, html_rows

from rag.answer.figures import period_match
from rag.records import AskOptions
from rag.service import RagService
from rag.vi.asked import Asked
from rag.vi.calendar import HOLIDAY, Period, year_period

_TITLE = "Báo cáo tổng kết hoạt động xúc tiến thương mại năm {next}"


def _rows(booths: str, revenue: str) -> list[list[str]]:
    return [["Nội dung", "Kết quả"], ["Số hội chợ, phiên chợ tổ chức", "7 phiên chợ"],
            ["Số gian hàng tham gia", f"{booths} gian hàng"],
            ["Doanh thu bán hàng", f"{revenue} tỷ đồng"]]


def _file(shape: str, year: int, booths: str, revenue: str) -> tuple[str, str | bytes]:
    """A year-end report of ``year`` + 1 whose only figures of ``year`` are those of its Tết
    (a table under a caption naming it, or a sentence), beside the next year's totals."""
    title = _TITLE.format(next=year + 1)
    caption = f"Bảng 1: Kết quả xúc tiến thương mại dịp Tết Nguyên đán {year}"
    whole = f"Bảng 2: Kết quả xúc tiến thương mại cả năm {year + 1}"
    later = _rows("1.204", "88,5")
    if shape == "docx":
        import docx

        d = docx.Document()
        d.add_paragraph(title)
        d.add_paragraph(f"Năm {year + 1}, Sở đã tổ chức nhiều hoạt động xúc tiến thương mại.")
        d.add_paragraph(caption)
        rows = _rows(booths, revenue)
        docx_fill(d.add_table(rows=len(rows), cols=2), rows)
        d.add_paragraph(whole)
        docx_fill(d.add_table(rows=len(later), cols=2), later)
        return "xttm.docx", docx_bytes(d)
    if shape == "html":
        return "xttm.html", (
            f"<html><body><article><h1>{title}</h1><p>{caption}</p>"
            f"<table>{html_rows(_rows(booths, revenue))}</table><p>{whole}</p>"
            f"<table>{html_rows(later)}</table></article></body></html>").encode()
    return "xttm.txt", (
        f"{title}\n\nDịp Tết Nguyên đán {year}, Sở tổ chức 7 hội chợ, phiên chợ với {booths} "
        f"gian hàng tham gia, doanh thu bán hàng đạt {revenue} tỷ đồng.\n\n"
        f"Cả năm {year + 1}, Sở tổ chức 30 hội chợ, phiên chợ với 1.204 gian hàng tham gia, "
        "doanh thu đạt 88,5 tỷ đồng.\n")


_CASES = [("docx", 2034, "312", "27,4"), ("html", 2041, "268", "19,6"),
          ("txt", 2047, "415", "33,2")]


@pytest.fixture(scope="module", params=_CASES, ids=[c[0] for c in _CASES])
def corpus(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
           ) -> tuple[RagService, int, str, str]:
    shape, year, booths, revenue = request.param
    name, body = _file(shape, year, booths, revenue)
    service = service_over_files(tmp_path_factory.mktemp(f"holiday_edition_{shape}"),
                                 {name: body})
    return service, year, booths, revenue


def _ask(service: RagService, question: str, year: int):  # type: ignore[no-untyped-def]
    return service.ask(question, AskOptions(retrieval_mode="lexical",
                                            today=date(year + 2, 3, 1)))


@pytest.mark.parametrize("asked", [
    "số gian hàng tham gia hội chợ năm {year}",
    "Số gian hàng tham gia hội chợ cả năm {year} là bao nhiêu?",
    "doanh thu bán hàng hội chợ năm {year} đạt bao nhiêu?",
    "doanh thu bán hàng tại hội chợ cả năm {year}",
])
def test_a_holidays_figure_is_no_fairs_year(corpus: tuple[RagService, int, str, str],
                                             asked: str) -> None:
    service, year, booths, revenue = corpus
    ans = _ask(service, asked.format(year=year), year)
    said = f"{ans.answer or ''} {ans.summary or ''}"
    assert ans.period_match != "exact", (said, ans.period_match)
    if booths in said or revenue in said:
        # answered in part: said as the holiday's only
        assert ans.period_match == "partial" and "chỉ có số liệu" in said and "Tết" in said


@pytest.mark.parametrize(("asked", "which"), [
    ("số gian hàng tham gia hội chợ dịp Tết {year}", 2),
    ("doanh thu bán hàng hội chợ dịp Tết Nguyên đán {year}", 3),
])
def test_the_holiday_asked_keeps_its_exact_answer(corpus: tuple[RagService, int, str, str],
                                                  asked: str, which: int) -> None:
    service, year, booths, revenue = corpus
    ans = _ask(service, asked.format(year=year), year)
    assert (booths if which == 2 else revenue) in (ans.answer or "")
    assert ans.period_match == "exact"


def test_period_match_of_a_holiday_for_an_edition() -> None:
    want = year_period(2034)
    tet = Period(HOLIDAY, date(2034, 2, 15), date(2034, 2, 22), "Tết Nguyên đán 2034")
    days = Period("days", date(2034, 10, 3), date(2034, 10, 7), "từ 3/10 đến 7/10/2034")
    assert period_match(Asked((want,)), tet, want, edition=True) == "partial"
    assert period_match(Asked((want,)), days, want, edition=True) == "exact"  # the fair's days
    assert period_match(Asked((want,)), tet, want, holiday=True) == "exact"  # "dịp Tết 2034"
