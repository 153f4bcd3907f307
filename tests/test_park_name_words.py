"""A park's, market's or gate's name the question asks, written in a figure's row, is that
figure's place, never "another word" holding one of the asked words' syllables: "số dự án khu
công nghiệp An Phú" was refused at 0.86 because "An Phú" shares "án" with "dự án"
(rag.answer.figures.names_another_word; break-test bt25-b16).  Other names, indicators,
kinds of place and years than the example; each row's sibling answers as before."""

from __future__ import annotations

import pytest
from conftest import service_over_files
from helpers import html_rows

from rag.records import AskOptions
from rag.service import RagService


def _page(title: str, header: list[str], rows: list[list[str]], year: int) -> str:
    return (f"<html><head><title>{title}</title></head><body><h1>{title}</h1>"
            f"<p>Năm {year}, tình hình như sau.</p><table><thead><tr>"
            + "".join(f"<th>{h}</th>" for h in header) + "</tr></thead><tbody>"
            + html_rows(rows) + "</tbody></table></body></html>")


DOCS: dict[str, str | bytes] = {
    "khu_cong_nghiep_2091.html": _page(
        "Tình hình các khu công nghiệp tỉnh Bắc Lâm năm 2091",
        ["Khu công nghiệp", "Số dự án còn hiệu lực", "Vốn đăng ký (tỷ đồng)"],
        [["KCN Bình An", "27", "1.480,5"], ["KCN Quế Sơn", "19", "962,4"]], 2091),
    "cum_cong_nghiep_2092.html": _page(
        "Thu hút đầu tư vào các cụm công nghiệp tỉnh Bắc Lâm năm 2092",
        ["Cụm công nghiệp", "Số lao động (người)", "Tổng vốn các dự án (tỷ đồng)"],
        [["CCN An Lạc", "2.315", "418,6"], ["CCN Đồng Xá", "1.640", "275,3"]], 2092),
}


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over_files(tmp_path_factory.mktemp("park_names"), DOCS)


@pytest.mark.parametrize(("question", "expected"), [
    # "Bình An", "An Lạc" read as words holding the "án" of "dự án"
    ("số dự án còn hiệu lực khu công nghiệp Bình An năm 2091", "27"),
    ("so du an con hieu luc KCN Binh An nam 2091", "27"),
    ("số dự án còn hiệu lực KCN Quế Sơn năm 2091", "19"),
    ("tổng vốn các dự án cụm công nghiệp An Lạc năm 2092", "418,6"),
    ("tổng vốn các dự án CCN Đồng Xá năm 2092", "275,3"),
])
def test_a_named_place_is_no_other_word(service: RagService, question: str,
                                        expected: str) -> None:
    a = service.ask(question, AskOptions())
    assert a.found and expected in a.answer, (question, a.answer)
