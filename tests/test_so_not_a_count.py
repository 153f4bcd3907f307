"""A question that begins "Số" asks a count ("Số doanh nghiệp thành lập mới", "số chợ") --
except when "Số" leads a word for the figure itself: "Số chính thức ...", "Số ước tính ...",
"Số liệu ...", "Số thực hiện ..." ask the official, estimated or actual figure of what
follows, an amount or a change like any other (session 30, quick fix A), not a count of
"chính", "ước", "liệu" or "thực".  Wordings and documents of our own.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import service_over_files

from rag.answer.figures import counted_thing
from rag.answer.intent import read_intent
from rag.records import AskOptions
from rag.search.query import analyze
from rag.vi.text import fold


@pytest.mark.parametrize(("question", "counted"), [
    ("Số chính thức tổng mức bán lẻ tháng 2/2031", ""),
    ("Số ước tính tổng mức bán lẻ tháng 2/2031 là bao nhiêu?", ""),
    ("Số ước kim ngạch xuất khẩu quý I/2031", ""),
    ("Số liệu tổng mức bán lẻ hàng hóa tháng 2/2031", ""),
    ("Số thực hiện thu ngân sách năm 2031", ""),
    # "Số" before the thing counted still asks a count
    ("Số hợp tác xã thành lập mới năm 2031", "hop"),
    ("Số chợ trên địa bàn năm 2031", "cho"),
])
def test_what_a_leading_so_counts(question: str, counted: str) -> None:
    q = analyze(question)
    assert counted_thing(read_intent(q), fold(q.expanded)) == counted


DOCS = {
    "ctk-2-2031.txt": (
        "Tình hình kinh tế - xã hội tháng 2/2031\n28/02/2031\n\n"
        "Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng tháng 2/2031 đạt 2.345 tỷ "
        "đồng, tăng 6,2% so với cùng kỳ năm trước.\n\n"
        "Trên địa bàn tỉnh có 78 chợ, 6 siêu thị và 3 trung tâm thương mại.\n"),
}


def test_an_official_figure_is_answered_with_its_amount(tmp_path: Path) -> None:
    svc = service_over_files(tmp_path, DOCS)
    for question in ("Số chính thức tổng mức bán lẻ tháng 2/2031",
                     "Số liệu tổng mức bán lẻ tháng 2/2031",
                     "Số ước tính tổng mức bán lẻ tháng 2/2031 là bao nhiêu?",
                     "Số thực hiện tổng mức bán lẻ tháng 2/2031"):
        a = svc.ask(question, AskOptions())
        assert a.found and a.figure is not None, (question, a.answer)
        assert a.figure.number == 2345.0, (question, a.answer)
    a = svc.ask("Số chợ trên địa bàn tỉnh tháng 2/2031", AskOptions())
    assert a.found and a.figure is not None, a.answer
    assert a.figure.number == 78.0, a.answer
