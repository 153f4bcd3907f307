"""A figure's unit as the document writes it, whole: a table's unit cell of several words whose
first word the unit lexicon knows ("điểm giao dịch", "xe tải nhẹ", "quầy hàng lưu niệm",
"kho ngoại quan") is said whole in the answer, not cut to "điểm", "xe", "quầy", "kho"; and a
hyphen inside a word is part of it ("ki-ốt", "công-te-nơ", "container 40-feet"), not where the
unit ends.  Break-test bt16e item 6 ("1.315 điểm" for "điểm bán", "239 quầy" for "quầy
thuốc", "6 kho" for "kho lạnh") and item 5 ("577 ki" for "577 ki-ốt").  Shapes: a CSV long
form with "ĐVT", a DOCX year-column table with "Đơn vị tính", an HTML table whose unit column
has a blank header, running text; read as `rag index` reads files and as POST /documents
uploads one.  Near misses: "6 tháng đầu năm" stays a period, "12 sản phẩm OCOP 4 sao" keeps
its reading, a unit cell written short ("tr.USD") keeps its reading, a range's dash stays one."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import service_over_files
from helpers import csv_bytes, docx_bytes, docx_fill, html_rows, http_client

from rag.service import RagService
from rag.vi.numbers import find_values

_CSV = [["Năm", "Chỉ tiêu", "Giá trị", "ĐVT"],
        ["2031", "Số điểm giao dịch bưu chính", "1.482", "điểm giao dịch"],
        ["2031", "Số xe tải nhẹ chở hàng nông sản", "36", "xe tải nhẹ"],
        ["2031", "Số ki-ốt tại chợ trung tâm huyện", "418", "ki-ốt"],
        ["2031", "Kim ngạch qua cửa khẩu phụ", "12,7", "tr.USD"]]
_HTML = ("<!DOCTYPE html><html><head><meta charset='utf-8'><title>Kho</title></head><body>"
         "<article><h1>Hạ tầng logistics năm 2032</h1><table>"
         + html_rows([["Chỉ tiêu", "Năm 2032", ""],
                      ["Số kho ngoại quan đang hoạt động", "9", "kho ngoại quan"],
                      ["Số công-te-nơ thông quan", "2.745", "công-te-nơ"]])
         + "</table></article></body></html>")
_TEXT = ("Báo cáo tình hình thương mại 6 tháng đầu năm 2033.\n\n"
         "Trong 6 tháng đầu năm 2033, qua cửa khẩu Hữu Nghị có 3.160 container 40-feet hàng "
         "nông sản được thông quan. Toàn tỉnh có 12 sản phẩm OCOP 4 sao được công nhận.\n")


def _docx() -> bytes:
    import docx

    d = docx.Document()
    d.add_paragraph("Kết quả phát triển mạng lưới bán lẻ năm 2030")
    rows = [["Chỉ tiêu", "Đơn vị tính", "Năm 2029", "Năm 2030"],
            ["Số quầy hàng lưu niệm tại khu du lịch", "quầy hàng lưu niệm", "57", "64"],
            ["Số điểm bán xăng dầu lưu động", "điểm bán", "21", "25"]]
    docx_fill(d.add_table(rows=len(rows), cols=4), rows)
    return docx_bytes(d)


FILES: dict[str, str | bytes] = {"buu-chinh.csv": csv_bytes(_CSV), "ban-le.docx": _docx(),
                                 "kho-bai.html": _HTML, "cua-khau.txt": _TEXT}
ASKED = [("Số điểm giao dịch bưu chính năm 2031?", "1.482 điểm giao dịch"),
         ("Số xe tải nhẹ chở hàng nông sản năm 2031?", "36 xe tải nhẹ"),
         ("Số ki-ốt tại chợ trung tâm huyện năm 2031?", "418 ki-ốt"),
         ("Số quầy hàng lưu niệm tại khu du lịch năm 2030?", "64 quầy hàng lưu niệm"),
         ("Số điểm bán xăng dầu lưu động năm 2029?", "21 điểm bán"),
         ("Số kho ngoại quan đang hoạt động năm 2032?", "9 kho ngoại quan"),
         ("Số công-te-nơ thông quan năm 2032?", "2.745 công-te-nơ")]


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over_files(tmp_path_factory.mktemp("units"), FILES)


@pytest.mark.parametrize(("question", "expected"), ASKED)
def test_rag_index_says_the_unit_as_the_table_writes_it(service: RagService, question: str,
                                                         expected: str) -> None:
    answer = service.ask(question)
    assert answer.found and answer.answer == expected, (question, answer.answer)
    assert expected in (answer.summary or ""), answer.summary


def test_an_upload_says_the_unit_as_the_table_writes_it(tmp_path: Path) -> None:
    service = service_over_files(tmp_path, {"ghi-chu.txt": "Năm 2028 có 14 chợ."})
    with http_client(service) as client:
        for name, doc in (("kho-2032.html", _HTML.encode()), ("ban-le.docx", _docx())):
            r = client.post("/documents", files={"file": (name, doc)})
            assert r.status_code == 201, r.text
        for question, expected in (ASKED[3], ASKED[5], ASKED[6]):
            body = client.post("/ask", json={"question": question}).json()
            assert body["answer"] == expected, (question, body["answer"])


def test_a_hyphen_inside_a_word_is_part_of_the_unit() -> None:
    for text, unit in (("chợ có 577 ki-ốt", "ki-ốt"), ("nhập 35 công-te-nơ hàng", "công-te-nơ"),
                       ("có 3.160 container 40-feet hàng", "container 40-feet"),
                       ("đạt 45 tấn-km", "tấn-km")):
        values = find_values(text)
        assert [v.unit for v in values] == [unit], (text, [(v.text, v.unit) for v in values])


def test_near_misses_keep_their_readings(service: RagService) -> None:
    answer = service.ask("Có bao nhiêu sản phẩm OCOP 4 sao năm 2033?")
    assert answer.answer == "12 sản phẩm OCOP 4 sao", answer.answer  # as on 12ce993
    answer = service.ask("Kim ngạch qua cửa khẩu phụ năm 2031?")
    assert answer.answer.startswith("12,7") and "USD" in answer.answer, answer.answer
    reads = [(v.text, v.unit) for v in find_values("từ 5-7 tấn, 6 tháng đầu năm có 20 xe")]
    assert reads == [("5-7 tấn", "tấn"), ("20 xe", "xe")], reads
