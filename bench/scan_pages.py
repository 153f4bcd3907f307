"""Report pages drawn as a scanner would see them: Vietnamese text with its diacritics and a
ruled table drawn with a Unicode font (DejaVu Sans) on a grey-free white page by Pillow,
optionally blurred and speckled, then put in a PDF of page images (no text layer).  Used by
``tests/test_ocr.py`` and ``bench/bench_ocr.py``; each page also gives the text the reader
should produce from it (``expected``), to measure OCR accuracy against.

A page is a list of blocks: a paragraph is a ``str`` (wrapped to the page width when drawn),
a table is a ``Table`` (its rows of cells, drawn ruled, and its caption above it).
"""

from __future__ import annotations

import io
import random
import re
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter, ImageFont

FONT_DIRS = (Path("/usr/share/fonts/truetype/dejavu"), Path("/usr/share/fonts/dejavu"))
A4 = (595, 842)  # points


def font_path(bold: bool = False) -> Path:
    """DejaVu Sans (Debian's fonts-dejavu-core): every Vietnamese letter and tone mark."""
    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    for folder in FONT_DIRS:
        if (folder / name).is_file():
            return folder / name
    raise FileNotFoundError(f"{name} not found (apt-get install -y fonts-dejavu-core)")


@dataclass(frozen=True)
class Table:
    """A table: ``rows`` of cell texts (the first the header; a cell's "\\n" breaks its
    lines, as a header "Ước thực hiện\\n8 tháng 2024"), ``caption`` above it.  ``widths``:
    its columns' widths in points, as an office table sets them (None: each as wide as its
    widest text); figures set to the right of their cells with ``right``; ``rules``: "grid"
    (every cell ruled), "frame" (the frame, the lines down and the line under the header
    only) or "none"; ``pad``: the space between a cell's text and its rules, in points (an
    office's table often leaves 2-3)."""

    rows: tuple[tuple[str, ...], ...]
    caption: str = ""
    widths: tuple[float, ...] | None = None
    right: bool = False
    rules: str = "grid"
    pad: float = 6.0


Block = str | Table


def draw_page(blocks: list[Block], dpi: int = 300, *, title: str | None = None,
              size: float = 11.0, blur: float = 0.0, noise: float = 0.0,
              seed: int = 0) -> Image.Image:
    """An A4 page at ``dpi`` holding ``title`` (bold) and ``blocks`` in a ``size``-point font,
    in grayscale; ``blur`` (a Gaussian radius in points) and ``noise`` (the share of pixels
    flipped to black or white, from ``seed``) make it look like a poor scan."""
    s = dpi / 72
    page = Image.new("L", (round(A4[0] * s), round(A4[1] * s)), 255)
    draw = ImageDraw.Draw(page)
    body = ImageFont.truetype(str(font_path()), round(size * s))
    bold = ImageFont.truetype(str(font_path(bold=True)), round((size + 2) * s))
    margin, width = round(60 * s), round((A4[0] - 120) * s)
    line_h = round(size * 1.55 * s)
    y = margin
    if title:
        draw.text((margin, y), title, font=bold, fill=0)
        y += round(line_h * 1.8)
    for block in blocks:
        if isinstance(block, Table):
            if block.caption:
                for line in _wrap(block.caption, body, width, draw):
                    draw.text((margin, y), line, font=body, fill=0)
                    y += line_h
                y += line_h // 3
            y = _draw_table(draw, block, body, margin, y, s, size)
        else:
            for line in _wrap(block, body, width, draw):
                draw.text((margin, y), line, font=body, fill=0)
                y += line_h
        y += line_h // 2 + round(4 * s)
    if blur:
        page = page.filter(ImageFilter.GaussianBlur(blur * s))
    if noise:
        rnd = random.Random(seed)
        px = page.load()
        assert px is not None
        for _ in range(int(page.width * page.height * noise)):
            px[rnd.randrange(page.width), rnd.randrange(page.height)] = rnd.choice((0, 255))
    return page


def _wrap(text: str, font: ImageFont.FreeTypeFont, width: int,
          draw: ImageDraw.ImageDraw) -> list[str]:
    lines: list[str] = []
    for word in text.split():
        if lines and draw.textlength(f"{lines[-1]} {word}", font=font) <= width:
            lines[-1] += f" {word}"
        else:
            lines.append(word)
    return lines


def _draw_table(draw: ImageDraw.ImageDraw, table: Table, font: ImageFont.FreeTypeFont,
                x: int, y: int, s: float, size: float) -> int:
    pad = round(table.pad * s)
    ncols = max(len(r) for r in table.rows)
    widths = [max(draw.textlength(line, font=font) for r in table.rows if c < len(r)
                  for line in r[c].split("\n")) + 2 * pad for c in range(ncols)]
    if table.widths is not None:
        widths = [max(w, round(p * s)) for w, p in zip(widths, table.widths, strict=True)]
    cols = [x]
    for w in widths:
        cols.append(cols[-1] + round(w))
    line_h = round(size * 1.35 * s)
    tops = [y]
    for row in table.rows:
        lines = max(cell.count("\n") + 1 for cell in row)
        tops.append(tops[-1] + lines * line_h + round(size * 0.55 * s))
    for i, row in enumerate(table.rows):
        for c, cell in enumerate(row):
            for k, line in enumerate(cell.split("\n")):
                left = cols[c] + pad
                if table.right and i > 0 and _NUMBER.fullmatch(line):
                    left = cols[c + 1] - pad - round(draw.textlength(line, font=font))
                draw.text((left, tops[i] + round(size * 0.38 * s) + k * line_h), line,
                          font=font, fill=0)
    rule = max(1, round(s * 0.75))
    bottom = tops[-1]
    if table.rules != "none":
        across = tops if table.rules == "grid" else [tops[0], tops[1], tops[-1]]
        for ty in across:
            draw.line([(cols[0], ty), (cols[-1], ty)], fill=0, width=rule)
        for cx in cols:
            draw.line([(cx, y), (cx, bottom)], fill=0, width=rule)
    return bottom


_NUMBER = re.compile(r"[\d.,%()+-]+")


def scanned_pdf(pages: list[Image.Image], dpi: int = 300) -> bytes:
    """A PDF of page images and nothing else, as a scanner writes one (Pillow)."""
    buf = io.BytesIO()
    pages[0].save(buf, format="PDF", resolution=dpi, save_all=True, append_images=pages[1:])
    return buf.getvalue()


def png(page: Image.Image, dpi: int = 300) -> bytes:
    buf = io.BytesIO()
    page.save(buf, format="PNG", dpi=(dpi, dpi))
    return buf.getvalue()


def expected(blocks: list[Block]) -> str:
    """The text the reader should make of a page's blocks: paragraphs, and tables as the
    lines ``rag.ingest.tables`` writes (the title is the document's, not the body's)."""
    from rag.ingest.tables import table_lines

    out = []
    for block in blocks:
        if isinstance(block, Table):
            if block.caption:
                out.append(block.caption)
            rows = [[" ".join(c.split()) for c in r] for r in block.rows]
            out.append("\n".join(table_lines(rows, block.caption)))
        else:
            out.append(" ".join(block.split()))
    return "\n\n".join(out)


# --- a small report ------------------------------------------------------------------------

TITLE = "BÁO CÁO TÌNH HÌNH XUẤT NHẬP KHẨU 9 THÁNG NĂM 2023"
REPORT: list[list[Block]] = [
    [  # page 1
        "Thực hiện Kế hoạch số 125/KH-SCT ngày 05/01/2023 của Sở Công Thương tỉnh Lạng Sơn, "
        "hoạt động xuất nhập khẩu qua các cửa khẩu trên địa bàn tỉnh tiếp tục được duy trì "
        "ổn định; các lực lượng chức năng phối hợp chặt chẽ, bảo đảm thông quan hàng hóa "
        "thông suốt.",
        "Tổng kim ngạch xuất nhập khẩu hàng hóa qua địa bàn tỉnh 9 tháng năm 2023 đạt 3.701,2 "
        "triệu USD, tăng 18,6% so với cùng kỳ năm 2022, đạt 71,2% kế hoạch năm.",
    ],
    [  # page 2
        "Về xuất khẩu, các mặt hàng nông sản, trái cây tươi chiếm tỷ trọng lớn; sầu riêng, "
        "thanh long, chuối và mít là những mặt hàng chủ lực qua cửa khẩu quốc tế Hữu Nghị và "
        "cửa khẩu Tân Thanh.",
        "Về nhập khẩu, chủ yếu là máy móc, thiết bị, linh kiện điện tử và nguyên liệu phục vụ "
        "sản xuất trong nước.",
    ],
    [  # page 3
        "Số liệu chi tiết được tổng hợp tại bảng dưới đây.",
        Table((("Chỉ tiêu", "9 tháng năm 2023", "Cùng kỳ 2022"),
               ("Kim ngạch xuất khẩu (triệu USD)", "1.587,4", "1.402,6"),
               ("Kim ngạch nhập khẩu (triệu USD)", "2.113,8", "1.718,9"),
               ("Số doanh nghiệp tham gia", "1.246", "1.130")),
              caption="Bảng 1. Kết quả xuất nhập khẩu qua địa bàn tỉnh"),
    ],
]

# two more pages for the benchmark: a table of border gates in a smaller font, and a page of
# plain text with many numbers and dates
MORE: list[list[Block]] = [
    [
        "Tình hình hoạt động tại các cửa khẩu trong tháng 9 năm 2023 như sau:",
        Table((("Cửa khẩu", "Xuất khẩu (triệu USD)", "Nhập khẩu (triệu USD)",
                "Lượt phương tiện"),
               ("Hữu Nghị", "312,5", "498,1", "18.420"),
               ("Tân Thanh", "87,3", "102,6", "9.875"),
               ("Chi Ma", "21,9", "35,4", "2.310"),
               ("Ga đường sắt Đồng Đăng", "45,0", "61,2", "1.106")),
              caption="Bảng 2. Kim ngạch theo cửa khẩu tháng 9 năm 2023"),
        "Ghi chú: số liệu ước tính, sẽ được cập nhật trong báo cáo tháng 10 năm 2023.",
    ],
    [
        "Ngày 15/9/2023, Ủy ban nhân dân tỉnh ban hành Quyết định số 1578/QĐ-UBND về việc "
        "phê duyệt Đề án phát triển thương mại biên giới giai đoạn 2023 - 2025, định hướng "
        "đến năm 2030.",
        "Chỉ số giá tiêu dùng (CPI) tháng 9 năm 2023 tăng 0,86% so với tháng trước và tăng "
        "3,12% so với cùng kỳ; bình quân 9 tháng tăng 2,57%.",
        "Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng 9 tháng ước đạt 21.346,8 tỷ "
        "đồng, tăng 11,4% so với cùng kỳ năm trước.",
    ],
]
