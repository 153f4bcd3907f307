"""Comparison words and change questions (issue 17, session 31), on wordings of our own:

- "so" without "với" and the abbreviation "CK" compare with "cùng kỳ": "bằng 107,4% so cùng
  kỳ" is an index on the same period a year before, as "so với" makes it; "so CK", "so với
  CK" say "cùng kỳ" in the frame and in the question;
- "thay đổi bao nhiêu", "biến động thế nào" ask for a change, as "tăng hay giảm bao nhiêu"
  does, and their words are no words of the indicator.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from conftest import service_over_files

from rag.answer.question import read_question
from rag.records import AskOptions
from rag.search.query import analyze
from rag.vi.frames import extract


@pytest.mark.parametrize(("sentence", "value", "measure"), [
    ("Điện thương phẩm 6 tháng đầu năm 2030 đạt 412,5 triệu kWh, bằng 107,4 % so cùng kỳ.",
     "107,4 %", "index"),
    ("Doanh thu bán lẻ tháng 6/2030 đạt 1.450 tỷ đồng, bằng 98% so CK.", "98%", "index"),
    ("Diện tích lúa mùa năm 2030 đạt 41.286 ha, bằng 99,1% so với cùng kỳ.", "99,1%",
     "index"),
    ("Kim ngạch xuất khẩu tháng 6/2030 đạt 310 triệu USD, giảm 3,1% so với CK.", "giảm 3,1%",
     "change"),
    ("Sản lượng điện tháng 6/2030 tăng 5,2% so cùng kỳ.", "5,2%", "change"),
])
def test_so_and_ck_compare_with_the_same_period(sentence: str, value: str,
                                                measure: str) -> None:
    frames = {f.value: f for f in extract(sentence, "t", "2030-12-31")}
    assert frames[value].measure == measure
    assert frames[value].comparison == "cùng kỳ"


def test_a_percent_of_households_is_no_index() -> None:
    """"bằng 98% số hộ": "số" (with its diacritics) is no "so"."""
    [f] = [f for f in extract("Số hộ dùng điện bằng 98% số hộ toàn tỉnh năm 2030.", "t",
                              "2030-12-31") if f.unit == "%"]
    assert f.measure != "index"


@pytest.mark.parametrize("question", [
    "Doanh thu bán lẻ tháng 6/2030 so CK?",
    "Doanh thu bán lẻ tháng 6/2030 so với CK thế nào?",
])
def test_a_question_saying_ck_asks_against_the_same_period(question: str) -> None:
    asked = read_question(analyze(question), date(2031, 1, 1))
    assert (asked.measure, asked.comparison) == ("change", "cung ky")


DOCS = {
    "dien-2030.txt": (
        "Tình hình cung ứng điện 6 tháng đầu năm 2030\n05/07/2030\n\n"
        "Điện thương phẩm 6 tháng đầu năm 2030 đạt 412,5 triệu kWh, bằng 107,4 % so cùng kỳ."
        "\n\nSản lượng điện của khu vực công nghiệp 6 tháng đầu năm 2030 đạt 120 triệu kWh, "
        "tăng 5,2% so cùng kỳ.\n\n"
        "Tháng 6/2030, chỉ số giá tiêu dùng tăng 0,3% so với tháng trước.\n"),
}


@pytest.mark.parametrize(("question", "expected"), [
    ("Điện thương phẩm 6 tháng đầu năm 2030 so với cùng kỳ?", "7,4%"),
    ("Điện thương phẩm 6 tháng đầu năm 2030 so CK?", "7,4%"),
    ("Chỉ số giá tiêu dùng tháng 6/2030 so với tháng trước thay đổi bao nhiêu?", "0,3%"),
    ("Chỉ số giá tiêu dùng tháng 6/2030 so với tháng trước biến động thế nào?", "0,3%"),
    ("Chỉ số giá tiêu dùng tháng 6/2030 so với tháng trước tăng hay giảm bao nhiêu?", "0,3%"),
])
def test_a_change_asked_is_answered_with_its_figure(tmp_path: Path, question: str,
                                                    expected: str) -> None:
    svc = service_over_files(tmp_path, DOCS)
    a = svc.ask(question, AskOptions())
    assert a.found and a.figure is not None, a.answer
    # the change, or the index as written with the change it states beside it ("107,4 %
    # (tức tăng 7,4%)": rag.answer.question.index_asked) -- either way the change is said
    assert a.figure.measure in ("change", "index") and expected in a.answer, a.answer
