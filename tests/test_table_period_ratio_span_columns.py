"""Issue 16, break-test bt16e items 5-6: more table shapes, read alike by every reader.

1. A column of periods under any header ("Giai đoạn", "Thời điểm"), each period merged down
   over its indicators, several groups: each row's figure is of its own period -- under
   "Giai đoạn" every row was dated by the first group's year and the later year refused.
2. A bare ratio column ("So sánh (%)", "Tỷ lệ (%)") says what it compares by its neighbours:
   after a plan's and an actual's columns the plan share ("đạt bao nhiêu % kế hoạch?" was
   refused), after two periods' columns the later's ratio to the earlier.
3. An HTML cell spanning rows (``rowspan``) -- a unit, a period -- is each spanned row's, as
   a DOCX merged cell is: the reader lays the table out as a full grid (the second row's
   figure lost its unit, "53"); in a short fragment and in a whole page (trafilatura).
4. A blank-headed unit column between the names and the figures whose cells are the things
   the rows count, the label's first words ("Giấy phép bán lẻ rượu | giấy phép"), in a ruled
   PDF table as in DOCX and CSV: the unit joins the figures, never stored as a value.

Each through `rag index` (files in a folder) and through an upload (one reader).
Near-misses: an indicator only one period gives is refused for another; an actual's level is
never answered by its plan share; a figure spanning two rows is read once; a blank-headed
column repeating the whole label is no unit."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from conftest import FakeEmbedder, service_over_files
from helpers import DEJAVU, csv_bytes, docx_bytes, docx_merged_table, xlsx_bytes

from rag.ingest.readers import read_bytes
from rag.ingest.tables import table_lines
from rag.ingest.uploads import read_upload
from rag.records import AskOptions
from rag.service import RagService
from rag.settings import Settings


def _docx(title: str, rows: list[list[str]],
          merges: tuple[tuple[int, int, int, int], ...] = ()) -> bytes:
    """A report: its title, then a table of ``rows`` with ``merges`` ((row, col, row, col)
    corners) merged as python-docx merges them."""
    d = docx.Document()
    d.add_paragraph(title)
    docx_merged_table(d, rows, merges)
    d.add_paragraph("Các đơn vị tiếp tục triển khai nhiệm vụ được giao.")
    return docx_bytes(d)


def _ruled_pdf(title: str, rows: list[tuple[str, ...]], columns: list[float]) -> bytes:
    """One page: ``title``, then ``rows`` in a table ruled on every side of every cell (a
    word processor's grid), each cell at its column's left edge plus 2 mm."""
    fpdf = pytest.importorskip("fpdf")
    if not DEJAVU.exists():
        pytest.skip("DejaVu Sans is not installed")
    pdf = fpdf.FPDF()
    pdf.add_page()
    pdf.add_font("dv", "", str(DEJAVU))
    pdf.set_font("dv", size=10)
    pdf.text(15, 20, title)
    y = 32.0
    top = y - 5
    for row in rows:
        for j, cell in enumerate(row):
            pdf.text(columns[j] + 2, y, cell)
        pdf.line(columns[0], y + 2, columns[-1], y + 2)
        y += 7
    pdf.line(columns[0], top, columns[-1], top)
    for x in columns:
        pdf.line(x, top, x, y - 5)
    return bytes(pdf.output())


def _html(title: str, table: str, long: bool = False) -> str:
    """A page holding ``table`` under its title; ``long``: with enough running text that
    trafilatura reads it as an article (rag.ingest.web.MIN_PAGE_CHARS)."""
    text = ("Công tác quản lý mạng lưới kinh doanh được duy trì thường xuyên, các cơ sở "
            "chấp hành tốt quy định về điều kiện kinh doanh và an toàn phòng cháy. ") * \
        (12 if long else 1)
    return (f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>{title}</title></head>'
            f"<body><article><h1>{title}</h1><p>{text}</p><p>Số liệu cụ thể như sau:</p>"
            f'<table border="1">{table}</table><p>Nguồn: Sở Công Thương.</p></article>'
            "</body></html>")


_SPAN_UNIT = ("<tr><th>Chỉ tiêu</th><th>ĐVT</th><th>Năm 2053</th><th>Năm 2054</th></tr>"
              "<tr><td>Cửa hàng bán lẻ gas tại thành phố</td><td rowspan=\"2\">cửa hàng</td>"
              "<td>47</td><td>52</td></tr>"
              "<tr><td>Cửa hàng bán lẻ gas tại các huyện</td><td>68</td><td>73</td></tr>"
              "<tr><td>Trạm chiết nạp gas</td><td>trạm</td><td>2</td><td>3</td></tr>")
_SPAN_PERIOD = ("<tr><th>Chỉ tiêu</th><th>Kỳ</th><th>Đơn vị tính</th><th>Giá trị</th></tr>"
                "<tr><td>Số lượt kiểm tra an toàn thực phẩm</td><td rowspan=\"2\">Quý III/2055"
                "</td><td>lượt</td><td>214</td></tr>"
                "<tr><td>Số cơ sở vi phạm bị xử phạt</td><td>cơ sở</td><td>19</td></tr>"
                "<tr><td>Số lượt kiểm tra an toàn thực phẩm</td><td rowspan=\"2\">Quý IV/2055"
                "</td><td>lượt</td><td>236</td></tr>"
                "<tr><td>Số cơ sở vi phạm bị xử phạt</td><td>cơ sở</td><td>23</td></tr>")

DOCS: dict[str, str | bytes] = {
    # 1. a period column headed "Giai đoạn", two years each merged down
    "logistics.docx": _docx("Báo cáo hoạt động trung tâm logistics cửa khẩu", [
        ["Giai đoạn", "Chỉ tiêu", "ĐVT", "Số lượng"],
        ["Năm 2041", "Số kho ngoại quan", "kho", "14"],
        ["", "Diện tích kho ngoại quan", "nghìn m2", "92"],
        ["", "Số bãi đỗ xe container", "bãi", "7"],
        ["Năm 2042", "Số kho ngoại quan", "kho", "17"],
        ["", "Diện tích kho ngoại quan", "nghìn m2", "105"]],
        merges=((1, 0, 3, 0), (4, 0, 5, 0))),
    # ... headed "Thời điểm", in the middle, quarters
    "dien.docx": _docx("Tình hình cung ứng điện", [
        ["Chỉ tiêu", "Thời điểm", "Đơn vị tính", "Kết quả"],
        ["Số hộ dùng điện lưới quốc gia", "Quý I/2046", "hộ", "201.350"],
        ["Số trạm biến áp phân phối", "", "trạm", "2.418"],
        ["Số hộ dùng điện lưới quốc gia", "Quý II/2046", "hộ", "202.960"],
        ["Số trạm biến áp phân phối", "", "trạm", "2.437"]],
        merges=((1, 1, 2, 1), (3, 1, 4, 1))),
    # ... a sheet with its period merged down under "Giai đoạn"
    "khoang_san.xlsx": xlsx_bytes([
        ["Giai đoạn", "Chỉ tiêu", "ĐVT", "Giá trị"],
        ["Năm 2050", "Sản lượng đá vôi khai thác", "nghìn m3", 845],
        [None, "Sản lượng cát sỏi khai thác", "nghìn m3", 312],
        ["Năm 2051", "Sản lượng đá vôi khai thác", "nghìn m3", 903],
        [None, "Sản lượng cát sỏi khai thác", "nghìn m3", 298]],
        merges=("A2:A3", "A4:A5")),
    # 2. a merged year over plan, actual and "So sánh (%)"
    "ke_hoach.docx": _docx("Báo cáo thực hiện kế hoạch ngành dịch vụ", [
        ["Chỉ tiêu", "ĐVT", "Năm 2043", "", ""],
        ["", "", "Kế hoạch", "Thực hiện", "So sánh (%)"],
        ["Doanh thu dịch vụ lưu trú", "tỷ đồng", "260", "243,1", "93,5"],
        ["Kim ngạch xuất khẩu hàng nông sản", "triệu USD", "510", "556", "109,0"]],
        merges=((0, 2, 0, 4), (0, 0, 1, 0), (0, 1, 1, 1))),
    # ... an HTML colspan over plan, estimate and "Tỷ lệ (%)"
    "ke_hoach_web.html": _html("Kết quả thực hiện chỉ tiêu năm 2047", (
        "<tr><th rowspan=\"2\">Chỉ tiêu</th><th rowspan=\"2\">ĐVT</th>"
        "<th colspan=\"3\">Năm 2047</th></tr>"
        "<tr><th>Kế hoạch</th><th>Ước thực hiện</th><th>Tỷ lệ (%)</th></tr>"
        "<tr><td>Sản lượng điện thương phẩm</td><td>triệu kWh</td><td>1.250</td>"
        "<td>1.198</td><td>95,8</td></tr>"
        "<tr><td>Tổng mức bán lẻ hàng hóa</td><td>tỷ đồng</td><td>34.000</td>"
        "<td>35.870</td><td>105,5</td></tr>")),
    # ... two years and "So sánh (%)"
    "van_tai.csv": csv_bytes([
        ["Chỉ tiêu", "ĐVT", "Năm 2048", "Năm 2049", "So sánh (%)"],
        ["Doanh thu dịch vụ vận tải hàng hóa", "tỷ đồng", "310", "347,2", "112,0"],
        ["Khối lượng hàng hóa vận chuyển", "nghìn tấn", "2.640", "2.535", "96,0"]]),
    # 3. HTML rowspan: a unit in a fragment and in a whole page, a period
    "gas.html": _html("Mạng lưới kinh doanh khí hóa lỏng năm 2054", _SPAN_UNIT),
    "gas_trang.html": _html("Mạng lưới kinh doanh khí hóa lỏng các năm 2053-2054",
                            _SPAN_UNIT.replace("2053", "2056").replace("2054", "2057"), long=True),
    "attp.html": _html("Kết quả kiểm tra an toàn thực phẩm", _SPAN_PERIOD),
    # 4. a blank unit header in the middle, units the labels' first words
    "giay_phep.pdf": _ruled_pdf("Biểu 2: Tình hình cấp phép kinh doanh năm 2045", [
        ("Chỉ tiêu", "", "Quý I", "Quý II"),
        ("Giấy phép kinh doanh xăng dầu", "giấy phép", "12", "19"),
        ("Giấy chứng nhận đủ điều kiện", "giấy chứng nhận", "38", "44")],
        [15, 95, 140, 165, 190]),
    "cho.docx": _docx("Mạng lưới chợ và siêu thị năm 2058", [
        ["Chỉ tiêu", "", "Năm 2057", "Năm 2058"],
        ["Chợ hạng III", "chợ", "64", "61"],
        ["Siêu thị tổng hợp", "siêu thị", "5", "7"]]),
    "thuoc.csv": csv_bytes([
        ["Chỉ tiêu", "", "Năm 2059", "Năm 2060"],
        ["Quầy thuốc tại thị trấn", "quầy thuốc", "48", "55"],
        ["Đại lý vật tư nông nghiệp", "đại lý", "209", "224"]]),
}

ASKED = [
    ("diện tích kho ngoại quan năm 2042?", "105 nghìn m2"),
    ("số kho ngoại quan năm 2042", "17 kho"),
    ("số bãi đỗ xe container năm 2041?", "7 bãi"),
    ("số trạm biến áp phân phối quý II/2046?", "2.437 trạm"),
    ("số hộ dùng điện lưới quốc gia quý 1 năm 2046", "201.350 hộ"),
    ("sản lượng cát sỏi khai thác năm 2051?", "298 nghìn m3"),
    ("doanh thu dịch vụ lưu trú năm 2043 đạt bao nhiêu % kế hoạch?", "93,5%"),
    ("kim ngạch xuất khẩu hàng nông sản năm 2043 so với kế hoạch đạt bao nhiêu %?", "109,0%"),
    ("sản lượng điện thương phẩm năm 2047 đạt bao nhiêu % kế hoạch?", "95,8%"),
    ("tổng mức bán lẻ hàng hóa năm 2047 bằng bao nhiêu phần trăm kế hoạch?", "105,5%"),
    ("doanh thu dịch vụ vận tải hàng hóa năm 2049 tăng bao nhiêu % so với năm 2048?",
     "tăng 12,0%"),
    ("số cửa hàng bán lẻ gas tại các huyện năm 2054?", "73 cửa hàng"),
    ("số cửa hàng bán lẻ gas tại các huyện năm 2056?", "68 cửa hàng"),
    ("số cơ sở vi phạm bị xử phạt quý IV/2055?", "23 cơ sở"),
    ("số giấy phép kinh doanh xăng dầu quý II năm 2045?", "19 giấy phép"),
    ("giấy chứng nhận đủ điều kiện quý 1/2045?", "38 giấy chứng nhận"),
    ("số chợ hạng III năm 2058?", "61 chợ"),
    ("số đại lý vật tư nông nghiệp năm 2060?", "224 đại lý"),
]


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over_files(tmp_path_factory.mktemp("table_shapes_16e"), DOCS)


@pytest.mark.parametrize(("question", "value"), ASKED)
def test_indexed_row_answers_its_period_ratio_and_unit(service: RagService, question: str,
                                                       value: str) -> None:
    a = service.ask(question, AskOptions())
    assert a.found and a.answer == value, (question, a.answer, a.summary)


@pytest.mark.parametrize(("name", "question", "value"), [
    ("logistics.docx", *ASKED[0]), ("ke_hoach.docx", *ASKED[6]),
    ("ke_hoach_web.html", *ASKED[8]), ("gas.html", *ASKED[11]),
    ("gas_trang.html", *ASKED[12]), ("giay_phep.pdf", *ASKED[14])])
def test_uploaded_row_answers_the_same(tmp_path: Path, name: str, question: str,
                                       value: str) -> None:
    service = RagService(Settings(index_dir=tmp_path / "i", sessions_db=tmp_path / "s.db"),
                         embedder=FakeEmbedder())
    data = DOCS[name]
    service.add_document(read_upload(name, data if isinstance(data, bytes) else data.encode()))
    a = service.ask(question, AskOptions())
    assert a.found and a.answer == value, (question, a.answer, a.summary)


def _lines(name: str) -> list[str]:
    data = DOCS[name]
    text = read_bytes(name, data if isinstance(data, bytes) else data.encode())[0].text
    return [line.strip() for line in text.splitlines() if line.strip()]


def test_stored_lines() -> None:
    assert any(line.startswith("Năm 2042") and line.endswith(
        "Diện tích kho ngoại quan: 105 nghìn m2") for line in _lines("logistics.docx"))
    assert not any("›" in line for line in _lines("logistics.docx"))
    assert "Năm 2043 So sánh TH/KH (%) — Doanh thu dịch vụ lưu trú: 93,5%" in \
        _lines("ke_hoach.docx")
    for name in ("gas.html", "gas_trang.html"):
        assert any(line.endswith("Cửa hàng bán lẻ gas tại các huyện: 73 cửa hàng")
                   or line.endswith("Cửa hàng bán lẻ gas tại các huyện: 68 cửa hàng")
                   for line in _lines(name)), _lines(name)
    pdf = _lines("giay_phep.pdf")
    assert "Quý II — Giấy phép kinh doanh xăng dầu: 19 giấy phép (năm 2045)" in pdf, pdf
    assert not any(line.endswith(": giấy phép (năm 2045)") for line in pdf), pdf


def test_a_period_no_row_gives_is_refused(service: RagService) -> None:
    a = service.ask("số bãi đỗ xe container năm 2042?", AskOptions())
    assert not a.found or a.answer != "7 bãi", a.answer


def test_an_actual_is_not_answered_by_its_plan_share(service: RagService) -> None:
    a = service.ask("doanh thu dịch vụ lưu trú năm 2043?", AskOptions())
    assert a.found and a.answer == "243,1 tỷ đồng", a.answer


def test_a_figure_spanning_rows_is_read_once() -> None:
    page = _html("Kết quả thu mua nông sản", (
        "<tr><th>Chỉ tiêu</th><th>ĐVT</th><th>Năm 2061</th></tr>"
        "<tr><td>Hồi khô thu mua</td><td>tấn</td><td rowspan=\"2\">1.870</td></tr>"
        "<tr><td>Quế khô thu mua</td><td>tấn</td></tr>"))
    text = read_bytes("thu_mua.html", page.encode())[0].text
    assert text.count("1.870") == 1, text


def test_a_blank_headed_column_repeating_the_label_is_no_unit() -> None:
    lines = table_lines([["Chỉ tiêu", "", "Năm 2062"],
                         ["Xuất khẩu", "Xuất khẩu", "88"],
                         ["Nhập khẩu", "Nhập khẩu", "103"]])
    assert not any(line.endswith(("88 Xuất khẩu", "88 xuất khẩu")) for line in lines), lines


def test_header_rows_keep_a_plain_ratio_column_without_neighbours() -> None:
    lines = table_lines([["Chỉ tiêu", "ĐVT", "Năm 2063", "So sánh (%)"],
                         ["Sản lượng chè búp khô", "tấn", "5.640", "104,2"]])
    assert "So sánh (%) — Sản lượng chè búp khô: 104,2%" in lines, lines
