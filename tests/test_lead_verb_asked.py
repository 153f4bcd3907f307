"""The verb that leads to the figure asked -- "đạt bao nhiêu", "ước đạt được bao nhiêu", "đạt
mức bao nhiêu" -- is a word a report writes before its figure in prose, never in a table's
cell or label, so it is no word of the indicator: "Kim ngạch xuất khẩu quý II/2079 đạt bao
nhiêu?" was refused (0.52) against a table row "Kim ngạch xuất khẩu | 468,3" that answered
"Kim ngạch xuất khẩu quý II/2079?" at 1.0 (session 44, found while fixing table rows).  Near
misses: the same question over prose keeps its answer; "tăng bao nhiêu" still asks the
change (the change column, or nothing where the table has none); "đất" (land) before "bao
nhiêu" stays a word of the indicator, as does the "đạt" of "đạt chuẩn" and of a plan share."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from conftest import service_over_files
from helpers import titled_table_file

from rag.answer.intent import content_runs
from rag.records import AskOptions
from rag.service import RagService
from rag.vi.text import fold

TITLE = "KIM NGẠCH XUẤT NHẬP KHẨU QUA CÁC CỬA KHẨU TỈNH LẠNG SƠN NĂM 2079"
# periods as columns, with a change column
COLUMNS = [["Chỉ tiêu", "Đơn vị", "Quý I/2079", "Quý II/2079", "Tăng so quý trước (%)"],
           ["Kim ngạch xuất khẩu", "triệu USD", "412,5", "468,3", "13,5"],
           ["Kim ngạch nhập khẩu", "triệu USD", "305,1", "322,7", "5,8"]]
# periods as rows, no change column
ROWS = [["Kỳ", "Kim ngạch xuất khẩu (triệu USD)", "Kim ngạch nhập khẩu (triệu USD)"],
        ["Quý I/2079", "412,5", "305,1"], ["Quý II/2079", "468,3", "322,7"]]
TODAY = date(2079, 8, 1)


@pytest.fixture(scope="module", params=[("xlsx", "columns"), ("html", "rows"),
                                        ("pdf", "columns"), ("docx", "rows")])
def table(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
          ) -> tuple[RagService, str]:
    kind, shape = request.param
    name, data = titled_table_file(kind, COLUMNS if shape == "columns" else ROWS, TITLE)
    root: Path = tmp_path_factory.mktemp(f"verb-{kind}")
    return service_over_files(root, {name: data}), shape


@pytest.mark.parametrize(("question", "expected"), [
    ("Kim ngạch xuất khẩu quý II/2079 đạt bao nhiêu?", "468,3"),
    ("Kim ngạch nhập khẩu quý II/2079 đạt bao nhiêu?", "322,7"),
    ("Kim ngạch xuất khẩu quý I/2079 ước đạt được bao nhiêu?", "412,5"),
    ("Tổng kim ngạch nhập khẩu quý I/2079 đạt mức bao nhiêu?", "305,1"),
    # as before: no verb, "là", "được"
    ("Kim ngạch xuất khẩu quý II/2079?", "468,3"),
    ("Kim ngạch xuất khẩu quý II/2079 là bao nhiêu?", "468,3"),
    ("Xuất khẩu quý II/2079 được bao nhiêu?", "468,3"),
])
def test_a_lead_verb_asks_the_cell(table: tuple[RagService, str], question: str,
                                   expected: str) -> None:
    service, _ = table
    a = service.ask(question, AskOptions(today=TODAY))
    assert a.found and expected in a.answer, (a.answer, a.confidence)


def test_a_change_verb_still_asks_the_change(table: tuple[RagService, str]) -> None:
    service, shape = table
    a = service.ask("Kim ngạch xuất khẩu quý II/2079 tăng bao nhiêu?", AskOptions(today=TODAY))
    if shape == "columns":
        assert a.found and "13,5%" in a.answer, a.answer
    else:  # no change column: never the level
        assert "468,3" not in a.answer, a.answer


def test_prose_keeps_its_answer(tmp_path: Path) -> None:
    text = ("BÁO CÁO TÌNH HÌNH XUẤT NHẬP KHẨU QUÝ II NĂM 2079\n\n"
            "Kim ngạch xuất khẩu qua các cửa khẩu trên địa bàn tỉnh quý II/2079 ước đạt 468,3 "
            "triệu USD, tăng 13,5% so với quý trước. Kim ngạch nhập khẩu ước đạt 322,7 triệu "
            "USD, tăng 5,8%.\n")
    service = service_over_files(tmp_path, {"bao-cao.txt": text})
    for question, expected in (("Kim ngạch xuất khẩu quý II/2079 đạt bao nhiêu?", "468,3"),
                               ("Kim ngạch xuất khẩu quý II/2079 tăng bao nhiêu?", "13,5%")):
        a = service.ask(question, AskOptions(today=TODAY))
        assert a.found and expected in a.answer, (question, a.answer)


@pytest.mark.parametrize(("question", "kept", "dropped"), [
    ("Kim ngạch xuất khẩu đạt bao nhiêu?", "xuat", "dat"),
    ("kim ngach uoc dat bao nhieu", "ngach", "dat"),
    ("Tỷ lệ hộ dùng điện đạt mức bao nhiêu?", "dien", "muc"),
    # near misses: land, a rating reached, a plan share, "đất" typed without diacritics
    ("Diện tích đất bao nhiêu?", "dat", None),
    ("dien tich dat bao nhieu", "dat", None),
    ("Có bao nhiêu xã đạt chuẩn nông thôn mới?", "dat", None),
    ("Giải ngân đạt bao nhiêu % kế hoạch?", "dat", None),
])
def test_lead_verb_words(question: str, kept: str, dropped: str | None) -> None:
    typed = question if any(ord(c) > 127 for c in question) else None
    words = [w for run in content_runs(typed, fold(question).lower()) for w in run]
    assert kept in words, words
    assert dropped is None or dropped not in words, words
