"""A source line break inside an HTML paragraph is whitespace, as a browser shows it: a page
whose source hard-wraps its paragraphs at 60-80 columns ("<p>Mặt hàng xuất khẩu\\n    chủ
yếu là sầu riêng (kim ngạch 162,4 triệu USD), …</p>") is read, and answered, as the same page
with each paragraph on one line -- on a short page (read whole by the plain parser) as on a
long one (trafilatura).  Only block elements, ``<br>`` and table rows end a line: lines a
``<br>`` separates stay separate lines (never glued, "USD.Nhập"), tables keep their rows, and
a .txt file is read as before (the helper of issue 17's daycarry, session 43)."""

from __future__ import annotations

import re
import textwrap

import pytest
from conftest import service_over_files

from rag.ingest.readers import read_bytes
from rag.records import AskOptions
from rag.service import RagService

CHROME_TOP = ('<div class="menu"><ul><li><a href="/">Trang chủ</a></li><li><a href="/gt">Giới '
              'thiệu</a></li><li><a href="/tin">Tin tức</a></li></ul></div>\n'
              '<div class="breadcrumb">Trang chủ &gt; Tin tức &gt; Kinh tế</div>\n')
CHROME_END = ('<div class="related"><h3>Tin liên quan</h3><ul><li>Kim ngạch qua cửa khẩu Chi Ma '
              '9 tháng đạt 1.208 triệu USD</li><li>Hội nghị xúc tiến thương mại 2044</li></ul>'
              '</div>\n<div class="footer">Bản quyền © Cổng thông tin điện tử tỉnh Lạng Sơn. '
              'Lượt truy cập: 4.812.339</div>\n')

PARAS = {
    # short: under 1,000 characters, read whole by the plain parser
    "hq_huunghi_thang9_2044": (
        "Chi cục Hải quan Hữu Nghị: xuất nhập khẩu tháng 9/2044", [
            "Trong tháng 9/2044, tổng kim ngạch xuất nhập khẩu qua cửa khẩu Hữu Nghị đạt 1.027,5 "
            "triệu USD, trong đó xuất khẩu 436,8 triệu USD, nhập khẩu 590,7 triệu USD.",
            "Về phương tiện, riêng ngày 21/9/2044 đạt mức cao nhất với 1.496 lượt xe. Mặt hàng "
            "xuất khẩu chủ yếu là sầu riêng (kim ngạch 162,4 triệu USD), thanh long (48,9 triệu "
            "USD) và hạt điều; nhập khẩu chủ yếu là linh kiện điện tử (213,5 triệu USD), máy móc "
            "thiết bị."]),
    "cn_thang4_2039": (
        "Sản xuất công nghiệp tháng 4/2039", [
            "Chỉ số sản xuất công nghiệp tháng 4/2039 ước tăng 7,9% so với cùng kỳ. Sản lượng xi "
            "măng tháng 4/2039 đạt 152,6 nghìn tấn; sản lượng điện sản xuất đạt 218,4 triệu kWh, "
            "tăng 5,1% so với tháng trước.",
            "Giá trị sản xuất công nghiệp (giá so sánh 2010) tháng 4/2039 ước đạt 1.384,7 tỷ "
            "đồng; lũy kế 4 tháng ước đạt 5.217,9 tỷ đồng."]),
    # long: over 1,000 characters, read by trafilatura
    "dulich_6thang_2041": (
        "Du lịch Lạng Sơn 6 tháng đầu năm 2041", [
            "Sáu tháng đầu năm 2041, hoạt động du lịch trên địa bàn tỉnh tiếp tục phục hồi mạnh "
            "mẽ nhờ các chương trình kích cầu và sự kiện văn hóa được tổ chức liên tục tại các "
            "khu, điểm du lịch trọng điểm của tỉnh.",
            "Tổng lượt khách du lịch đến Lạng Sơn 6 tháng đầu năm 2041 ước đạt 2.184.500 lượt "
            "khách, tăng 12,6% so với cùng kỳ; trong đó khách quốc tế 96.300 lượt. Tổng thu từ "
            "khách du lịch ước đạt 2.731,4 tỷ đồng.",
            "Công suất sử dụng buồng phòng bình quân của các cơ sở lưu trú đạt 58,2%, cao hơn "
            "cùng kỳ; nhiều cơ sở lưu trú mới được đưa vào hoạt động, nâng tổng số buồng lưu trú "
            "toàn tỉnh lên 6.915 buồng.",
            "Các lễ hội đầu xuân như lễ hội Đền Kỳ Cùng, lễ hội Lồng Tồng thu hút đông đảo du "
            "khách thập phương; công tác quản lý nhà nước về du lịch được tăng cường, không để "
            "xảy ra tình trạng chèo kéo, ép giá khách du lịch tại các khu, điểm du lịch.",
            "Trong thời gian tới, ngành du lịch tiếp tục đẩy mạnh chuyển đổi số, quảng bá hình "
            "ảnh điểm đến trên các nền tảng số và phối hợp với các tỉnh trong vùng xây dựng sản "
            "phẩm du lịch liên kết."]),
}


def page(name: str, width: int | None) -> str:
    """The page ``name`` with its chrome, its paragraphs on one line (``width`` None) or
    hard-wrapped at ``width`` columns and indented, as an editor saves them."""
    title, paras = PARAS[name]
    body = "\n".join(
        "<p>" + (p if width is None else "\n    ".join(textwrap.wrap(p, width))) + "</p>"
        for p in paras)
    return (f'<html><head><meta charset="utf-8"><title>{title}</title></head><body>\n'
            f'{CHROME_TOP}<h1>{title}</h1>\n<div class="content">\n{body}\n</div>\n{CHROME_END}'
            "</body></html>")


def text_of(name: str, html: str) -> str:
    [doc] = read_bytes(name + ".html", html.encode("utf-8"))
    return doc.text


@pytest.mark.parametrize("name", list(PARAS))
@pytest.mark.parametrize("width", [60, 72, 80])
def test_a_wrapped_page_reads_as_the_unwrapped_one(name: str, width: int) -> None:
    wrapped = page(name, width)
    assert wrapped.count("\n    ") >= 3  # the source is wrapped indeed
    assert text_of(name, wrapped) == text_of(name, page(name, None))


def test_a_sentence_across_source_lines_is_one_line() -> None:
    text = text_of("hq", page("hq_huunghi_thang9_2044", 60))
    assert any(line.startswith("Về phương tiện") and "máy móc thiết bị." in line
               for line in text.split("\n"))
    assert "162,4 triệu USD" in text


@pytest.fixture(scope="module")
def services(tmp_path_factory: pytest.TempPathFactory) -> tuple[RagService, RagService]:
    return tuple(service_over_files(tmp_path_factory.mktemp(f"wrap{w}"), {
        name + ".html": page(name, w) for name in PARAS}) for w in (None, 66))  # type: ignore


@pytest.mark.parametrize(("question", "value"), [
    ("kim ngạch xuất khẩu sầu riêng tháng 9/2044", "162,4 triệu USD"),
    ("nhập khẩu linh kiện điện tử tháng 9/2044 bao nhiêu?", "213,5 triệu USD"),
    ("sản lượng điện sản xuất tháng 4/2039", "218,4 triệu kWh"),
    ("giá trị sản xuất công nghiệp tháng 4/2039", "1.384,7 tỷ đồng"),
    ("tổng thu từ khách du lịch 6 tháng đầu năm 2041", "2.731,4 tỷ đồng"),
])
def test_a_wrapped_page_answers_as_the_unwrapped_one(
        services: tuple[RagService, RagService], question: str, value: str) -> None:
    one_line, wrapped = (s.ask(question, AskOptions()) for s in services)
    assert one_line.found and one_line.figure is not None and one_line.figure.value == value
    assert wrapped.answer == one_line.answer
    assert wrapped.figure is not None and wrapped.figure.value == value
    assert [(c.doc_id, c.quote, c.start, c.end) for c in wrapped.citations] == \
        [(c.doc_id, c.quote, c.start, c.end) for c in one_line.citations]


# --- near-misses: real line ends stay --------------------------------------------------------

BR_LINES = ["Kim ngạch xuất khẩu tháng 9/2044 đạt 436,8 triệu USD.",
            "Kim ngạch nhập khẩu tháng 9/2044 đạt 590,7 triệu USD.",
            "Số thu ngân sách tháng 9/2044 đạt 312,6 tỷ đồng."]


@pytest.mark.parametrize("long", [False, True])
def test_br_separated_lines_stay_lines(long: bool) -> None:
    name = "dulich_6thang_2041" if long else "cn_thang4_2039"
    lines = "<p>" + "<br>\n    ".join(BR_LINES) + "</p>\n"
    html = page(name, 70).replace('<div class="content">\n', '<div class="content">\n' + lines)
    text = text_of(name, html).split("\n")
    for line in BR_LINES:
        assert line in text


@pytest.mark.parametrize("long", [False, True])
def test_a_table_keeps_its_rows(long: bool) -> None:
    name = "dulich_6thang_2041" if long else "cn_thang4_2039"
    table = ("<table>\n<tr><th>Chỉ tiêu</th><th>Tháng 9/2044</th></tr>\n"
             "<tr><td>Xuất\n      khẩu</td><td>436,8</td></tr>\n"
             "<tr><td>Nhập khẩu</td><td>590,7</td></tr>\n</table>\n")
    html = page(name, 70).replace("\n</div>", "\n" + table + "</div>", 1)
    text = text_of(name, html).split("\n")
    assert any(re.search(r"Xuất khẩu\b.*436,8", line) and "590,7" not in line for line in text)
    assert any(re.search(r"Nhập khẩu\b.*590,7", line) and "436,8" not in line for line in text)


def test_pre_keeps_its_lines() -> None:
    html = page("cn_thang4_2039", None).replace(
        "\n</div>", "\n<pre>Xi măng      152,6\nĐiện        218,4</pre>\n</div>", 1)
    text = text_of("cn", html).split("\n")
    assert "Xi măng 152,6" in text and "Điện 218,4" in text


def test_a_txt_file_keeps_its_lines() -> None:
    # .txt is no HTML: its reader is untouched (a blank line ends a paragraph there)
    data = ("Báo cáo tháng 9/2044\n\nKim ngạch xuất khẩu đạt 436,8 triệu USD.\n"
            "Kim ngạch nhập khẩu đạt 590,7 triệu USD.\n").encode()
    [doc] = read_bytes("bc.txt", data)
    assert "Kim ngạch xuất khẩu đạt 436,8 triệu USD.\nKim ngạch nhập khẩu" in doc.text
