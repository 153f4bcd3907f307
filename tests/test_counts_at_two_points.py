"""Counts at two points in one news item (issue 17, break-test bt17d o02-o11): "Đến tháng
6/2025, toàn tỉnh có 176 sản phẩm OCOP ... Đến giữa tháng 12/2025, con số này đã là 203 sản
phẩm, trong đó ... 14 sản phẩm 4 sao ..." then the year's additions ("Năm 2025 ... công nhận
mới 41 sản phẩm") and paragraphs naming no period.  "(tính) đến giữa/đầu tháng N" is a count
at a day of the month (rag.vi.mentions), so the lead's latest point -- not its first --
dates the later paragraphs (rag.vi.frames.document.lead_cut_off); a count at a day of
December answers "đến tháng 12", "đến cuối năm" as the year's count, over the year's
additions (rag.answer.figures.whole_year).  Reports written for these tests, in the shape of
bt17d's ocop_12_2025."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import service_over

from rag.records import AskOptions
from rag.service import RagService
from rag.vi.frames.document import extract
from rag.vi.mentions import find_mentions

OCOP = {"id": "ocop", "title": "Lạng Sơn: số sản phẩm OCOP tăng nhanh trong năm 2031",
        "date": "2031-12-18",
        "text": "Đến tháng 6/2031, toàn tỉnh có 150 sản phẩm OCOP được công nhận. Đến giữa "
                "tháng 12/2031, con số này đã là 171 sản phẩm, trong đó có 2 sản phẩm 5 sao, "
                "20 sản phẩm 4 sao và 149 sản phẩm 3 sao.\n\nNăm 2031, Hội đồng đánh giá cấp "
                "tỉnh đã công nhận mới 33 sản phẩm (4 sản phẩm 4 sao, 29 sản phẩm 3 sao).\n\n"
                "Huyện Văn Quan dẫn đầu với 27 sản phẩm; huyện Tràng Định có ít nhất với 8 "
                "sản phẩm.\n\nChủ thể OCOP gồm 90 hợp tác xã, 51 doanh nghiệp và 30 hộ kinh "
                "doanh."}
HTX = {"id": "htx", "title": "Kinh tế tập thể tỉnh Lạng Sơn năm 2032", "date": "2032-12-10",
       "text": "Đến tháng 6/2032, toàn tỉnh có 402 hợp tác xã. Đến đầu tháng 12/2032, con số "
               "đó đã là 431 hợp tác xã, trong đó có 305 hợp tác xã nông nghiệp.\n\nNăm 2032, "
               "toàn tỉnh thành lập mới 35 hợp tác xã.\n\nHuyện Cao Lộc có nhiều hợp tác xã "
               "nhất với 61 hợp tác xã."}
NTM = {"id": "ntm", "title": "Xây dựng nông thôn mới năm 2034", "date": "2034-12-20",
       "text": "Đến tháng 6/2034, toàn tỉnh có 98 xã đạt chuẩn nông thôn mới. Tính đến giữa "
               "tháng 12/2034, số này đã là 112 xã, trong đó có 21 xã đạt chuẩn nông thôn mới "
               "nâng cao.\n\nNăm 2034, tỉnh công nhận mới 14 xã đạt chuẩn nông thôn mới.\n\n"
               "Huyện Hữu Lũng có 19 xã đạt chuẩn."}


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over(tmp_path_factory.mktemp("two_points"), [OCOP, HTX, NTM])


def _labels(doc: dict[str, str]) -> dict[str, str]:
    """value -> the period label of its first frame."""
    out: dict[str, str] = {}
    for f in extract(doc["text"], doc["title"], doc["date"]):
        out.setdefault(f.value, f.period.label if f.period else "")
    return out


@pytest.mark.parametrize(("phrase", "label", "end"), [
    ("Đến giữa tháng 12/2025, con số này đã là 203", "tính đến giữa tháng 12/2025",
     date(2025, 12, 15)),
    ("Tính đến giữa tháng 3, có 40 chợ", "tính đến giữa tháng 3/2025", date(2025, 3, 15)),
    ("tới đầu tháng 12/2032, có 431 hợp tác xã", "tính đến đầu tháng 12/2032",
     date(2032, 12, 1)),
])
def test_middle_and_start_of_a_month_are_points(phrase: str, label: str, end: date) -> None:
    p = next(m.period for m in find_mentions(phrase, 2025) if not m.comparison)
    assert (p.kind, p.label, p.start, p.end) == ("to_date", label, date(end.year, 1, 1), end)


def test_near_miss_month_end_and_bare_month_kept() -> None:
    """"đến cuối tháng 12" stays the month's end; a bare "giữa tháng 12" the month."""
    p = find_mentions("Đến cuối tháng 12/2025, có 203", 2025)[0].period
    assert (p.kind, p.end) == ("to_date", date(2025, 12, 31))
    p = find_mentions("Giữa tháng 12/2025, giá xăng giảm", 2025)[0].period
    assert p.kind == "month"


@pytest.mark.parametrize(("doc", "values", "label"), [
    (OCOP, ("171 sản phẩm", "20 sản phẩm", "27 sản phẩm", "8 sản phẩm", "90 hợp tác xã"),
     "tính đến giữa tháng 12/2031"),
    (HTX, ("431 hợp tác xã", "305 hợp tác xã", "61 hợp tác xã"), "tính đến đầu tháng 12/2032"),
    (NTM, ("112 xã", "21 xã", "19 xã"), "tính đến giữa tháng 12/2034"),
])
def test_later_figures_take_the_latest_point(doc: dict[str, str], values: tuple[str, ...],
                                             label: str) -> None:
    """The second count, its parts and the later paragraphs naming no period are of the
    latest point the lead states, not of "tháng 6"."""
    got = _labels(doc)
    assert {v: got[v] for v in values} == dict.fromkeys(values, label)


def _ask(service: RagService, question: str, today: date | None = None) -> tuple[bool, str]:
    reply = service.ask(question, AskOptions(retrieval_mode="lexical", today=today))
    return reply.found, f"{reply.answer} | {reply.summary or ''}"


@pytest.mark.parametrize(("question", "today", "expected"), [
    ("Đến tháng 12/2031 toàn tỉnh có bao nhiêu sản phẩm OCOP?", None, "171 sản phẩm"),
    ("Hiện nay tỉnh có bao nhiêu sản phẩm OCOP?", date(2032, 1, 5), "171 sản phẩm"),
    ("Có bao nhiêu sản phẩm OCOP 4 sao đến tháng 12/2031?", None, "20 sản phẩm"),
    ("so san pham ocop 3 sao den thang 12/2031", None, "149 sản phẩm"),
    ("Đến cuối năm 2032 toàn tỉnh có bao nhiêu hợp tác xã?", None, "431 hợp tác xã"),
    ("Đến tháng 12/2034 có bao nhiêu xã đạt chuẩn nông thôn mới?", None, "112 xã"),
    # near-misses: the year's additions and the first point keep their answers
    ("Năm 2031 công nhận mới bao nhiêu sản phẩm OCOP?", None, "33 sản phẩm"),
    ("Đến tháng 6/2031 toàn tỉnh có bao nhiêu sản phẩm OCOP?", None, "150 sản phẩm"),
    ("Năm 2032 thành lập mới bao nhiêu hợp tác xã?", None, "35 hợp tác xã"),
])
def test_count_asked_at_a_point(service: RagService, question: str, today: date | None,
                                expected: str) -> None:
    found, said = _ask(service, question, today)
    assert found and said.startswith(expected), said


def test_undated_paragraph_said_at_latest_point(service: RagService) -> None:
    found, said = _ask(service, "Có bao nhiêu hợp tác xã là chủ thể OCOP?")
    assert found and said.startswith("90 hợp tác xã"), said
    assert "giữa tháng 12/2031" in said and "tháng 6/2031" not in said, said
