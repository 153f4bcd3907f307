"""The fifth break-test of issue 16: a total row never answers for a part the question names,
"N tháng đầu năm" is the table's "N tháng", legacy-font CSV cells after a delimiter, an
"Đơn vị" column of names, and the years a refusal names.  Every document is built here."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from conftest import FakeEmbedder

from rag.ingest.uploads import read_upload
from rag.service import RagService
from rag.settings import Settings


def _service(tmp_path: Path) -> RagService:
    return RagService(Settings(index_dir=tmp_path / "index", sessions_db=tmp_path / "s.db"),
                      embedder=FakeEmbedder())


def _csv(rows: list[list[str]]) -> bytes:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    return out.getvalue().encode()


# --- 1. a total row answers only when the question names none of its parts -------------------

_TOTAL_TABLES = [
    ("Biểu 5. Giá trị hàng nông sản xuất khẩu 9 tháng năm 2019 (triệu USD)",
     ["Mặt hàng", "9 tháng 2018", "9 tháng 2019"],
     [["Hoa quả tươi", "215", "248"], ["Hạt điều", "32", "29"]], ["Cộng", "247", "277"],
     [("giá trị hạt điều xuất khẩu 9 tháng 2019", "29 triệu USD"),
      ("giá trị xuất khẩu hoa quả tươi 9 tháng năm 2018?", "215 triệu USD"),
      ("giá trị hàng nông sản xuất khẩu 9 tháng 2019", "277 triệu USD")]),
    ("Bảng 3. Số lượt khách du lịch năm 2022 (nghìn lượt)",
     ["Loại khách", "Năm 2021", "Năm 2022"],
     [["Khách quốc tế", "12", "85"], ["Khách nội địa", "640", "1.915"]],
     ["Tổng cộng", "652", "2.000"],
     [("số lượt khách nội địa năm 2022", "1.915 nghìn lượt"),
      ("khách du lịch quốc tế năm 2021 bao nhiêu lượt?", "12 nghìn lượt"),
      ("số lượt khách du lịch năm 2022", "2.000 nghìn lượt")]),
    ("Biểu 2: Sản lượng khai thác than 6 tháng năm 2020 (nghìn tấn)",
     ["Đơn vị", "6 tháng 2019", "6 tháng 2020"],
     [["Mỏ Na Dương", "221", "240"], ["Mỏ Khánh Hòa", "98", "87"]], ["Tổng", "319", "327"],
     [("sản lượng than mỏ Khánh Hòa 6 tháng 2020", "87 nghìn tấn"),
      ("sản lượng khai thác than 6 tháng năm 2020", "327 nghìn tấn")]),
]


@pytest.mark.parametrize("first", [False, True], ids=["total-last", "total-first"])
@pytest.mark.parametrize("caption, header, parts, total, asked", _TOTAL_TABLES,
                         ids=["nong-san", "du-lich", "than"])
def test_a_total_row_never_answers_for_a_part_the_question_names(
        caption: str, header: list[str], parts: list[list[str]], total: list[str],
        asked: list[tuple[str, str]], first: bool, tmp_path: Path) -> None:
    rows = [[caption], header, *([total, *parts] if first else [*parts, total])]
    service = _service(tmp_path)
    service.add_document(read_upload("bang.csv", _csv(rows)))
    for question, answer in asked:
        assert service.ask(question).answer == answer, question


# --- 4. a column headed "Đơn vị" is the unit column only when its cells are units -------------


@pytest.mark.parametrize("header, rows, lines", [
    (["Đơn vị", "Đơn vị tính", "9 tháng 2018"],
     [["Mỏ Na Dương", "Nghìn tấn", "452"], ["Mỏ Khánh Hòa", "Nghìn tấn", "133"],
      ["Tổng cộng", "Nghìn tấn", "585"]],
     ["9 tháng 2018 — Tổng sản lượng khai thác than: 585 nghìn tấn",
      "9 tháng 2018 — Tổng sản lượng khai thác than › Mỏ Na Dương: 452 nghìn tấn"]),
    (["Đơn vị", "Năm 2023"], [["Huyện Cao Lộc", "1.204"], ["Huyện Văn Lãng", "856"]],
     ["Năm 2023 — Huyện Cao Lộc: 1.204 tấn (Sản lượng khai thác than)"]),
    (["Chỉ tiêu", "Đơn vị", "Năm 2023"],
     [["Sản lượng than", "Nghìn tấn", "585"], ["Kim ngạch xuất khẩu", "Triệu USD", "1.204"],
      ["Số lượt xe", "lượt xe", "8.100"]],
     ["Năm 2023 — Sản lượng than: 585 nghìn tấn", "Năm 2023 — Số lượt xe: 8.100 lượt xe"]),
], ids=["names-beside-unit-column", "names-alone", "units"])
def test_a_column_headed_don_vi_is_the_unit_column_only_when_it_holds_units(
        header: list[str], rows: list[list[str]], lines: list[str]) -> None:
    from rag.ingest.tables import table_lines

    got = table_lines([header, *rows], "Biểu 2. Sản lượng khai thác than (tấn)"
                      if len(header) == 2 else "Biểu 2. Sản lượng khai thác than 9 tháng 2018")
    for line in lines:
        assert line in got


def test_a_unit_column_beside_a_names_column_answers_with_the_row_s_label(
        tmp_path: Path) -> None:
    rows = [["Biểu 2. Sản lượng khai thác than 9 tháng năm 2018"],
            ["Đơn vị", "Đơn vị tính", "9 tháng 2017", "9 tháng 2018"],
            ["Mỏ Na Dương", "Nghìn tấn", "410", "452"], ["Mỏ Khánh Hòa", "Nghìn tấn", "120", "133"],
            ["Tổng cộng", "Nghìn tấn", "530", "585"]]
    service = _service(tmp_path)
    service.add_document(read_upload("than.csv", _csv(rows)))
    assert service.ask("sản lượng khai thác than 9 tháng 2018").answer == "585 nghìn tấn"
    assert service.ask("sản lượng than mỏ Na Dương 9 tháng năm 2017").answer == "410 nghìn tấn"


# --- 2. "N tháng đầu năm YYYY" asks the table's column "N tháng YYYY" -------------------------

# monthly reports: the indicators' words common in the corpus, "đầu" rare
_MONTHLY = [f"Tháng {m}/2022, kim ngạch xuất khẩu đạt {100 + m} triệu USD, kim ngạch nhập khẩu "
            f"đạt {80 + m} triệu USD; sản lượng than sạch đạt {60 + m} nghìn tấn, sản lượng xi "
            f"măng {120 + m} nghìn tấn; tổng mức bán lẻ hàng hóa đạt {400 + m} tỷ đồng."
            for m in range(7, 12)] + [
    "Từ đầu năm, vốn đầu tư phát triển trên địa bàn tỉnh tăng khá so với cùng kỳ năm trước."]


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
@pytest.mark.parametrize("header, rows, question, answer", [
    (["Chỉ tiêu", "ĐVT", "6 tháng 2022", "6 tháng 2023"],
     [["Kim ngạch xuất khẩu", "triệu USD", "1.205", "1.321"],
      ["Kim ngạch nhập khẩu", "triệu USD", "980", "1.044"]],
     "kim ngạch nhập khẩu 6 tháng đầu năm 2022", "980 triệu USD"),
    (["Chỉ tiêu", "Đơn vị tính", "9 tháng 2017", "9 tháng 2018"],
     [["Sản lượng than sạch", "Nghìn tấn", "530", "585"],
      ["Sản lượng xi măng", "Nghìn tấn", "1.120", "1.240"]],
     "sản lượng than sạch 9 tháng đầu năm 2018 là bao nhiêu?", "585 nghìn tấn"),
    (["Chỉ tiêu", "Đơn vị tính", "3 tháng 2021"],
     [["Tổng mức bán lẻ hàng hóa", "Tỷ đồng", "4.210,6"]],
     "tổng mức bán lẻ hàng hóa ba tháng đầu năm 2021", "4.210,6 tỷ đồng")],
    ids=["6-thang", "9-thang", "ba-thang"])
def test_n_thang_dau_nam_is_the_table_s_n_thang_column(
        kind: str, header: list[str], rows: list[list[str]], question: str, answer: str,
        tmp_path: Path) -> None:
    if kind == "csv":
        name, data = "bang.csv", _csv([header, *rows])
    else:
        import openpyxl

        wb = openpyxl.Workbook()
        ws = wb.active
        for r in [header, *rows]:
            ws.append(r)
        buf = io.BytesIO()
        wb.save(buf)
        name, data = "bang.xlsx", buf.getvalue()
    service = _service(tmp_path)
    for n, text in enumerate(_MONTHLY):
        service.add_document(read_upload(f"bc{n}.txt", text.encode()))
    service.add_document(read_upload(name, data))
    got = service.ask(question)
    assert got.found and got.answer == answer


# --- 3. legacy-font CSV: a cell after the delimiter starts with a legacy character -----------


@pytest.mark.parametrize("encoding", ["tcvn3", "vni"])
@pytest.mark.parametrize("delimiter", [",", ";", "\t", "|"])
def test_a_legacy_line_is_split_into_words_at_its_delimiters(encoding: str,
                                                             delimiter: str) -> None:
    from test_real_inputs_16d import legacy

    from rag.ingest.legacy import to_unicode

    cells = ["Chỉ tiêu", "Đơn vị tính", "Năm 2017", "Sản lượng điện sản xuất", "Đồng/kWh"]
    text, found = to_unicode(legacy(delimiter.join(cells), encoding))
    assert found == encoding and text == delimiter.join(cells)


@pytest.mark.parametrize("encoding", ["tcvn3", "vni"])
@pytest.mark.parametrize("delimiter", [",", ";"])
@pytest.mark.parametrize("unit_where", ["column", "label-header"])
def test_a_legacy_8bit_csv_reads_and_answers(encoding: str, delimiter: str, unit_where: str,
                                             tmp_path: Path) -> None:
    from test_real_inputs_16d import legacy

    if unit_where == "column":
        rows = [["Chỉ tiêu", "Đơn vị tính", "Năm 2017", "Năm 2018"],
                ["Sản lượng phân bón", "nghìn tấn", "62,4", "71,9"],
                ["Sản lượng điện sản xuất", "triệu kWh", "1.410", "1.552"]]
        unit = "triệu kWh"
    else:
        rows = [["Chỉ tiêu (ĐVT: nghìn tấn)", "Năm 2017", "Năm 2018"],
                ["Sản lượng phân bón", "62,4", "71,9"], ["Sản lượng xi măng", "1.410", "1.552"]]
        unit = "nghìn tấn"
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter, lineterminator="\r\n").writerows(
        [[legacy(c, encoding) for c in r] for r in rows])
    data = out.getvalue().encode("cp1252")
    doc = read_upload("bang.csv", data)
    assert f"Năm 2018 — {rows[2][0]}: 1.552 {unit}" in doc.text
    service = _service(tmp_path)
    service.add_document(doc)
    assert service.ask(f"{rows[2][0].lower()} năm 2018").answer == f"1.552 {unit}"


# --- 5. a refusal names the years that hold the asked indicator, nearest the asked one --------

_YEAR_REPORTS = [
    "Năm 2016, giá trị sản xuất công nghiệp trên địa bàn tỉnh đạt 5.430 tỷ đồng.",
    "Quý I/2023, giá trị xuất khẩu hàng công nghiệp đạt 210 triệu USD, tăng 8% so với cùng kỳ.",
    "Quý I/2025, kim ngạch xuất khẩu đạt 236 triệu USD.",
    "Năm 2019, vốn đầu tư phát triển toàn xã hội đạt 3.715 tỷ đồng; thu ngân sách nội địa "
    "đạt 2.480 tỷ đồng.",
    *(f"Kim ngạch nhập khẩu 6 tháng đầu năm {y} đạt {300 + y - 2000} triệu USD."
      for y in (2013, 2014, 2021, 2022)),
    "Sáu tháng đầu năm 2020, kim ngạch xuất khẩu đạt 845 triệu USD.",
    "Năm 2010, kim ngạch xuất khẩu đạt 512 triệu USD."]


@pytest.mark.parametrize("question, holding, nearest", [
    ("giá trị sản xuất công nghiệp quý I năm 2025", {2016}, {2016}),
    ("kim ngạch nhập khẩu 6 tháng đầu năm 2020", {2013, 2014, 2021, 2022}, {2021}),
    ("kim ngạch nhập khẩu năm 2010?", {2013, 2014, 2021, 2022}, {2013, 2014})])
def test_a_refusal_names_the_years_holding_the_asked_indicator(
        question: str, holding: set[int], nearest: set[int], tmp_path: Path) -> None:
    import re

    service = _service(tmp_path)
    for n, text in enumerate(_YEAR_REPORTS):
        service.add_document(read_upload(f"bc{n}.txt", text.encode()))
    got = service.ask(question)
    assert not got.found
    m = re.search(r"Các báo cáo có số liệu này cho năm ([\d, ]+), không phải năm được hỏi",
                  got.answer)
    assert m is not None, got.answer
    named = {int(y) for y in m.group(1).split(", ")}
    assert nearest <= named <= holding, got.answer  # never 2019 nor 2023 (another indicator)


def test_a_refusal_names_the_four_years_nearest_the_asked_one() -> None:
    from rag.answer.answerer import refusal
    from rag.search.query import analyze

    text = refusal(analyze("kim ngạch nhập khẩu năm 2020"), [], ["năm 2020"],
                   other_years=[2012, 2013, 2014, 2016, 2021, 2022, 2025])
    assert "Các báo cáo có số liệu này cho năm 2016, 2021, 2022, 2025, không phải" in text


# --- 6. a table's own <caption> gives its unit and period, whatever its words ----------------

_VEHICLES = ("<table><caption>Số phương tiện qua cửa khẩu quý III/2022 (lượt xe)</caption>"
             "<tr><th>Cửa khẩu</th><th>Xuất</th><th>Nhập</th></tr>"
             "<tr><td>Hữu Nghị</td><td>21 540</td><td>9 870</td></tr>"
             "<tr><td>Tân Thanh</td><td>15 210</td><td>6 430</td></tr></table>")
_NEWS = ("<p>Trong quý III/2022, hoạt động xuất nhập khẩu qua địa bàn tỉnh có nhiều chuyển biến "
         "tích cực nhờ các biện pháp tạo thuận lợi thương mại tại các cửa khẩu chính.</p>")


@pytest.mark.parametrize("long", [False, True], ids=["fragment", "news-page"])
def test_an_html_table_s_own_caption_gives_its_unit(long: bool) -> None:
    page = ("<html><head><title>XNK quý III/2022</title></head><body><article>"
            f"<h1>Kết quả xuất nhập khẩu quý III/2022</h1>{_NEWS * (8 if long else 1)}"
            f"{_VEHICLES}{_NEWS}</article></body></html>")
    text = read_upload("tin.html", page.encode()).text
    # the corner cell "Cửa khẩu" names the labels
    assert "Xuất — cửa khẩu Hữu Nghị: 21 540 lượt xe (quý III/2022)" in text
    assert "Nhập — cửa khẩu Tân Thanh: 6 430 lượt xe (quý III/2022)" in text
