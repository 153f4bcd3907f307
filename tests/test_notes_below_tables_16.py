"""Issue 16, break-test bt23-b16.

(t) A PDF block set in two short columns, each a sentence wrapped over three rows whose last
row is the figure with its unit and full stop ("27.460 tấn."), is read column by column: it
is prose ending a sentence, not a table's row of figures (the block was read across as a
table, one column's figure lost).  A caption under the block stays with its table.

(u) A table without a header row whose unit and measure are given in a note BELOW it ("Đơn
vị: triệu USD (kim ngạch xuất khẩu 6 tháng đầu năm 2025 theo mặt hàng).", "ĐVT: …",
a source line between) gives its rows that unit, indicator and period, as a caption above
does -- in HTML and DOCX alike."""

from __future__ import annotations

import io

import docx
import pytest
from conftest import placed_text_pdf

from rag.ingest.pdf import pdf_text
from rag.ingest.readers import read_bytes
from rag.ingest.tables import unit_note
from rag.vi.frames import extract


def _flat(text: str) -> str:
    return " ".join(text.split())


def _pdf(items: list[tuple[float, float, float, str]]) -> bytes:
    return placed_text_pdf(items)


@pytest.mark.parametrize(("size", "right_x", "left", "right"), [
    (9, 300, ["Sản lượng gỗ rừng trồng khai thác", "tháng 8 năm 2077 đạt", "41.250 m3."],
     ["Diện tích rừng trồng mới tập trung", "tháng 8 năm 2077 là", "1.835 ha."]),
    (10, 310, ["Số lượt khách nội địa đến tỉnh", "trong quý II/2078 ước", "612,4 nghìn lượt."],
     ["Doanh thu từ hoạt động lữ hành", "trong quý II/2078 ước", "218,6 tỷ đồng."]),
])
def test_short_columns_ending_in_a_figure_and_unit_are_read_by_column(size, right_x, left, right):
    items = [(42, 50, size, "BẢN TIN KINH TẾ HUYỆN NAM HÀ")]
    for i, (a, b) in enumerate(zip(left, right, strict=True)):
        items += [(42, 75 + 1.35 * size * i, size, a), (right_x, 75 + 1.35 * size * i, size, b)]
    caption = "Kết quả theo đơn vị quý II/2078 (tấn)"
    items += [(42, 75 + 6 * size, size, caption)]
    for r, row in enumerate([["Đơn vị", "Sản lượng", "So cùng kỳ (%)"],
                             ["Xã Đông Phong", "2.118", "104,2"], ["Xã Tây Sơn", "1.407", "97,5"]]):
        for k, x in enumerate([42, 240, 360]):
            items.append((x, 75 + 7.6 * size + 1.6 * size * r, size, row[k]))
    text = _flat(pdf_text("ban_tin.pdf", _pdf(items)))
    assert " ".join(left) in text and " ".join(right) in text
    assert text.index(" ".join(left)) < text.index(" ".join(right)) < text.index(caption)
    assert text.index(caption) < text.index("Xã Đông Phong")


def test_a_list_of_bare_figures_under_a_block_stays_across():
    """xa2's case kept: labels and bare figures ("18.420") are no column."""
    size = 9
    items = [(42, 60, size, "Số khách lưu trú theo loại cơ sở tháng 9/2079"),
             (42, 80, size, "Khách sạn từ 3 sao trở lên"), (330, 80, size, "18.420"),
             (42, 93, size, "Nhà nghỉ, nhà trọ"), (330, 93, size, "9.305"),
             (42, 106, size, "Homestay"), (330, 106, size, "2.114")]
    lines = [_flat(line) for line in pdf_text("khach.pdf", _pdf(items)).splitlines()]
    assert any("Nhà nghỉ, nhà trọ" in line and "9.305" in line for line in lines)
    assert any("Homestay" in line and "2.114" in line for line in lines)


@pytest.mark.parametrize(("note", "unit", "named"), [
    ("Đơn vị: triệu USD (kim ngạch nhập khẩu 9 tháng năm 2076 theo mặt hàng).", "triệu USD",
     "Kim ngạch nhập khẩu 9 tháng năm 2076 theo mặt hàng (triệu USD)"),
    ("ĐVT: tấn. Sản lượng lúa vụ Hè Thu năm 2077 theo huyện", "tấn",
     "Sản lượng lúa vụ Hè Thu năm 2077 theo huyện (tấn)"),
    ("(Đơn vị tính: ha; diện tích gieo trồng cây hằng năm 2075)", "ha",
     "Diện tích gieo trồng cây hằng năm 2075 (ha)"),
    ("Đơn vị tính: tỷ đồng", "tỷ đồng", ""),
    ("(Nguồn: Cục Hải quan; đơn vị: triệu USD)", "triệu USD", ""),
    ("Nguồn: Cục Thống kê tỉnh", "", ""),
    ("Kim ngạch xuất khẩu tăng mạnh so với cùng kỳ.", "", ""),
])
def test_unit_note_reads_unit_and_measure(note, unit, named):
    assert unit_note(note) == (unit, named)


def _frames(name: str, data: bytes) -> list:  # type: ignore[type-arg]
    doc = read_bytes(name, data)[0]
    return extract(doc.text, doc.title or "", doc.date)


def _value(frames: list, label: str) -> object:  # type: ignore[type-arg]
    return next((f for f in frames if label.lower() in f.indicator.lower()), None)


HTML = """<html><head><title>Nhập khẩu 9 tháng năm 2076</title></head><body><article>
<h1>Tình hình nhập khẩu của tỉnh Bắc Thành</h1>
<p>Tỉnh tiếp tục đẩy mạnh các hoạt động xúc tiến thương mại với các thị trường.</p>
<table><tr><td>Máy móc, thiết bị</td><td>318,7</td></tr><tr><td>Nguyên phụ liệu dệt may</td>
<td>204,3</td></tr><tr><td>Phân bón các loại</td><td>61,9</td></tr></table>
{between}<p>Đơn vị: triệu USD (kim ngạch nhập khẩu 9 tháng năm 2076 theo mặt hàng).</p>
<p>Các doanh nghiệp được khuyến khích chủ động tìm nguồn hàng thay thế trong thời gian
tới nhằm giảm phụ thuộc vào một số thị trường nhập khẩu truyền thống.</p>
</article></body></html>"""


@pytest.mark.parametrize("between", ["", "<p>Nguồn: Cục Hải quan khu vực</p>\n"])
def test_html_rows_take_unit_and_period_from_the_note_below(between):
    frames = _frames("nhap_khau.html", HTML.format(between=between).encode("utf-8"))
    for label, value in (("Máy móc", "318,7 triệu USD"), ("Phân bón", "61,9 triệu USD")):
        frame = _value(frames, label)
        assert frame is not None and frame.value == value
        assert frame.period is not None and frame.period.label == "9 tháng năm 2076"


def test_docx_rows_take_unit_and_period_from_the_note_below():
    d = docx.Document()
    d.add_paragraph("Báo cáo tình hình sản xuất nông nghiệp huyện Yên Phú")
    t = d.add_table(rows=3, cols=2)
    for r, (label, value) in enumerate([("Lúa tẻ thường", "5.214"), ("Lúa chất lượng cao", "3.876"),
                                        ("Lúa nếp", "1.092")]):
        t.cell(r, 0).text, t.cell(r, 1).text = label, value
    d.add_paragraph("ĐVT: tấn. Sản lượng lúa vụ Hè Thu năm 2077 theo giống lúa")
    buf = io.BytesIO()
    d.save(buf)
    frames = _frames("nong_nghiep.docx", buf.getvalue())
    frame = _value(frames, "chất lượng cao")
    assert frame is not None and frame.value == "3.876 tấn"
    assert frame.period is not None and "2077" in frame.period.label
