""""cả nước" opening a clause is the country, not an adverb "cả" before a word "nước": "cả nước
CPI bình quân 9 tháng tăng 3,74%" gave the indicator "nước CPI bình quân" and the answer's
summary "nước CPI bình quân cả nước tăng 3,74%" (break-test bt22a, session 50)."""

from __future__ import annotations

from conftest import service_over_files

from rag.records import AskOptions
from rag.vi.frames import extract
from rag.vi.frames.indicators import clean_indicator

TEXT = ("Bình quân 9 tháng năm 2058, CPI tăng 3,05% so với cùng kỳ; cả nước CPI bình quân 9 "
        "tháng tăng 3,74%.")


def test_the_country_is_kept() -> None:
    assert clean_indicator("cả nước CPI bình quân") == "cả nước CPI bình quân"
    assert clean_indicator("; cả nước vốn đầu tư từ ngân sách") == "cả nước vốn đầu tư từ ngân sách"
    # "cả" before anything else is still no word of the indicator
    assert clean_indicator("cả tỉnh có") == "tỉnh"
    country = next(f for f in extract(TEXT, "Báo cáo", "2058-09-29") if f.value == "3,74%")
    assert country.indicator.startswith("cả nước")


def test_the_summary_names_the_country(tmp_path) -> None:
    service = service_over_files(tmp_path, {"cpi.txt": (
        "Tình hình kinh tế - xã hội 9 tháng năm 2058\n29/9/2058\n\n" + TEXT + "\n").encode()})
    a = service.ask("CPI bình quân 9 tháng 2058 cả nước", AskOptions(retrieval_mode="lexical"))
    assert a.found and a.answer.startswith("3,74"), (a.answer, a.summary)
    assert "nước CPI" not in (a.summary or "").replace("cả nước CPI", ""), a.summary
    a = service.ask("CPI bình quân 9 tháng 2058 của tỉnh", AskOptions(retrieval_mode="lexical"))
    assert a.found and "3,05" in a.answer, (a.answer, a.summary)
