"""A table by district whose columns are classes of the thing counted ("Huyện, thành phố |
Tổng số sản phẩm | Sản phẩm 4 sao | Sản phẩm 3 sao", "Chợ hạng 1", "Khách sạn 3 sao") writes
each cell's class in its column's header only, the row's label being the place.  A question
naming the class with other words between ("sản phẩm OCOP 4 sao") is answered from that
class's column, never the total column; a class no column holds ("6 sao", "hạng 4") is
refused, never served as another class's column (break-test s44 bt17o: 24 for "Cao Lộc có
bao nhiêu sản phẩm OCOP 4 sao?" at 0.81, the 4-star column as parts of "6 sao").  DOCX,
XLSX, HTML and PDF tables; other wordings, figures and kinds of class here."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import service_over_files
from helpers import titled_table_file

OCOP = [["Huyện, thành phố", "Tổng số sản phẩm", "Sản phẩm 4 sao", "Sản phẩm 3 sao"],
        ["Thành phố Hà Quang", "31", "8", "23"],
        ["Huyện Khe Mây", "26", "7", "19"],
        ["Huyện Bản Lìm", "17", "3", "14"]]
OCOP_TITLE = "Bảng 1. Số sản phẩm OCOP theo huyện, thành phố (đến 20/11/2083)"

MARKETS = [["Huyện, thành phố", "Tổng số chợ", "Chợ hạng 1", "Chợ hạng 2", "Chợ hạng 3"],
           ["Thành phố Hà Quang", "33", "4", "11", "18"],
           ["Huyện Khe Mây", "28", "1", "7", "20"],
           ["Huyện Bản Lìm", "36", "2", "9", "25"]]

HOTELS = [["Địa bàn", "Tổng số cơ sở lưu trú", "Khách sạn 3 sao", "Khách sạn 4 sao"],
          ["Thành phố Hà Quang", "146", "12", "5"],
          ["Huyện Khe Mây", "39", "3", "1"],
          ["Huyện Bản Lìm", "21", "2", "0"]]


def _refused_or_no_class(answer: object, wrong: tuple[str, ...]) -> None:
    said = str(getattr(answer, "answer", ""))
    if getattr(answer, "found", False):
        assert not any(f": {w}" in said or said == w for w in wrong), said
        assert getattr(answer, "confidence", 1.0) < 0.5, said


@pytest.mark.parametrize("kind", ["docx", "xlsx", "html", "pdf"])
def test_a_star_class_asked_with_words_between_is_its_column(tmp_path: Path, kind: str) -> None:
    name, data = titled_table_file(kind, OCOP, OCOP_TITLE)
    service = service_over_files(tmp_path, {name: data})
    for question, value in (("Khe Mây có bao nhiêu sản phẩm OCOP 4 sao?", "7"),
                            ("huyện Bản Lìm có bao nhiêu sản phẩm OCOP 3 sao?", "14")):
        answer = service.ask(question)
        assert answer.found and answer.answer == value, (question, answer.answer)
    # a class no column holds: no other class's column, as a whole or as parts
    _refused_or_no_class(service.ask("số sản phẩm OCOP 6 sao năm 2083?"),
                         ("8", "7", "3", "23", "19", "14"))


def test_hotel_star_columns(tmp_path: Path) -> None:
    name, data = titled_table_file("html", HOTELS, "Cơ sở lưu trú du lịch năm 2085")
    service = service_over_files(tmp_path, {name: data})
    answer = service.ask("Khe Mây có bao nhiêu khách sạn du lịch 4 sao?")
    assert answer.found and answer.answer == "1", answer.answer
    answer = service.ask("Thành phố Hà Quang có bao nhiêu khách sạn 3 sao năm 2085?")
    assert answer.found and answer.answer == "12", answer.answer
    _refused_or_no_class(service.ask("số khách sạn 5 sao năm 2085?"), ("5", "1", "0", "12"))


def test_market_grade_columns(tmp_path: Path) -> None:
    name, data = titled_table_file("xlsx", MARKETS, "Số chợ phân theo hạng năm 2084")
    service = service_over_files(tmp_path, {name: data})
    answer = service.ask("Khe Mây có bao nhiêu chợ hạng 2?")
    assert answer.found and answer.answer == "7", answer.answer
    _refused_or_no_class(service.ask("số chợ hạng 4 năm 2084?"), ("4", "1", "2"))


def test_near_miss_the_total_period_columns_and_sentences_keep_their_reading(
        tmp_path: Path) -> None:
    """Asked no class, the total column answers; a table whose header names periods keeps
    reading each column as its period; a sentence listing the classes keeps its class."""
    name, data = titled_table_file("docx", OCOP, OCOP_TITLE)
    years = [["Huyện, thành phố", "Năm 2082", "Năm 2083"],
             ["Thành phố Hà Quang", "27", "31"],
             ["Huyện Khe Mây", "21", "26"]]
    name2, data2 = titled_table_file("xlsx", years, "Số sản phẩm OCOP được công nhận theo huyện")
    text = ("KẾT QUẢ OCOP NĂM 2083\n\nĐến ngày 20/11/2083, toàn tỉnh có 167 sản phẩm OCOP, gồm 2 "
            "sản phẩm 5 sao, 39 sản phẩm 4 sao và 126 sản phẩm 3 sao.\n")
    service = service_over_files(tmp_path, {name: data})
    answer = service.ask("tổng số sản phẩm OCOP của huyện Bản Lìm")
    assert answer.found and answer.answer == "17", answer.answer
    (tmp_path / "b").mkdir()
    service = service_over_files(tmp_path / "b", {name2: data2, "ocop.txt": text})
    answer = service.ask("số sản phẩm OCOP của huyện Khe Mây năm 2082")
    assert answer.found and answer.answer == "21", answer.answer
    answer = service.ask("có bao nhiêu sản phẩm OCOP 4 sao năm 2083?")
    assert answer.found and answer.answer.startswith("39 "), answer.answer
