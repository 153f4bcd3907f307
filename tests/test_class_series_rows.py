"""A table row named by a class of a series keeps its number: "3 sao", "4 sao", "5 sao" (OCOP
ratings), "35 kV", "110 kV" are classes, not items 3, 4, 5 of "sao" (break-test bt20c, session
49: an OCOP sheet's rating rows lost their numbers to the row-numbering reader, and every
rating question got another row's figure, "Báo cáo không có số liệu riêng 4 sao").  A number
heading rows of different things ("1 Xuất khẩu", "2 Nhập khẩu") is still their numbering.
Tables of our own, in every reader's shape."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import service_over_files
from helpers import titled_table_file

from rag.ingest.tables import class_series, row_parents
from rag.records import AskOptions


def test_a_series_keeps_its_numbers() -> None:
    labels = ["Tổng số", "3 sao", "4 sao", "5 sao"]
    assert class_series(labels) == frozenset({1, 2, 3})
    assert [lab for lab, _ in row_parents(labels)] == labels


def test_line_voltages_are_classes() -> None:
    assert [lab for lab, _ in row_parents(["Đường dây", "35 kV", "110 kV", "220 kV"])] == \
        ["Đường dây", "35 kV", "110 kV", "220 kV"]


def test_numbering_of_different_things_is_numbering() -> None:
    labels = ["1 Xuất khẩu", "2 Nhập khẩu", "3 Cán cân thương mại"]
    assert class_series(labels) == frozenset()
    assert [lab for lab, _ in row_parents(labels)] == \
        ["Xuất khẩu", "Nhập khẩu", "Cán cân thương mại"]


def test_dotted_numbering_is_never_a_class() -> None:
    assert [lab for lab, _ in row_parents(["1. sao", "2. sao"])] == ["sao", "sao"]


ROWS = [["Hạng sao", "Đến 30/6/2073 (sản phẩm)", "Đến 31/12/2073 (sản phẩm)"],
        ["3 sao", "97", "104"], ["4 sao", "36", "45"], ["5 sao", "4", "6"],
        ["Tổng cộng", "137", "155"]]


@pytest.mark.parametrize("kind", ["xlsx", "docx", "html"])
@pytest.mark.parametrize(("question", "expected"), [
    ("Số sản phẩm OCOP 4 sao đến 31/12/2073?", "45"),
    ("so san pham OCOP 3 sao den 30/6/2073", "97"),
    ("Có bao nhiêu sản phẩm OCOP 5 sao đến cuối năm 2073?", "6"),
    ("Tổng số sản phẩm OCOP đến 30/6/2073?", "137"),
])
def test_each_rating_its_own_row(tmp_path: Path, kind: str, question: str,
                                 expected: str) -> None:
    name, data = titled_table_file(kind, ROWS, "Kết quả phân hạng sản phẩm OCOP năm 2073")
    svc = service_over_files(tmp_path, {name: data})
    a = svc.ask(question, AskOptions(retrieval_mode="lexical"))
    assert a.found and a.answer.split()[0] == expected, (a.answer, a.confidence)
