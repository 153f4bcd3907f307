"""A page whose content sits inside a ``<form>`` keeps its article (issue 16, break-test
bt8-b16 failure 1): an ASP.NET WebForms page wraps its whole body in one ``<form
id="form1">`` or ``<form id="aspnetForm">``, which was cut as chrome with everything in it
("no text found … only navigation").  A form that is a control (a search box, a login, a
poll) still goes, and so does a sidebar of another province's figures inside the form."""

from __future__ import annotations

import pytest

from rag.ingest.readers import IngestError, read_bytes
from rag.ingest.web import page_text

# A table layout: banner row, a left cell of menus and another province's news, the content
# cell with the article and its table, a footer row -- all inside the WebForms form.
TABLE_LAYOUT = """<html><head><meta charset="utf-8">
<title>Sở Công Thương tỉnh Hà Giang - Thương mại quý III/2071</title></head><body>
<form name="form1" method="post" action="./ChiTietTin.aspx?ID=5127" id="form1">
<div><input type="hidden" name="__VIEWSTATE" id="__VIEWSTATE" value="/wEPDwULLTE4OTk5" />
<input type="hidden" name="__EVENTVALIDATION" value="/wEWAgKx" /></div>
<table width="980" cellpadding="0" cellspacing="0" id="tblLayout">
<tr><td colspan="2" class="top">SỞ CÔNG THƯƠNG TỈNH HÀ GIANG | Đường dây nóng: 0219 3866 101
<input name="ctl00$txtTimKiem" type="text" value="Nhập từ khóa" />
<input type="submit" name="ctl00$btnTim" value="Tìm kiếm" /></td></tr>
<tr><td width="230" valign="top" class="cot-trai">
<div class="modulemenu"><ul><li><a href="/gioi-thieu.aspx">Giới thiệu</a></li>
<li><a href="/tin-tuc.aspx">Tin tức</a></li><li><a href="/van-ban.aspx">Văn bản</a></li></ul></div>
<div class="khung"><h3>Tin khác</h3><p>Tuyên Quang: tổng mức bán lẻ hàng hóa quý III/2071
đạt 9.870 tỷ đồng, tăng 11,3% so với cùng kỳ.</p></div>
<div class="khung"><p>Số người đang truy cập: 87</p><p>Tổng lượt truy cập: 2.416.905</p></div>
</td>
<td valign="top" class="noidung"><h1 class="tieude">Hoạt động thương mại quý III năm 2071</h1>
<span class="ngaydang">15/10/2071</span>
<div id="ctl00_cphMain_divNoiDung"><p>Quý III năm 2071, tổng mức bán lẻ hàng hóa và doanh thu
dịch vụ tiêu dùng trên địa bàn tỉnh ước đạt 4.318 tỷ đồng, tăng 8,7% so với cùng kỳ năm
trước.</p>
<p>Kim ngạch xuất nhập khẩu qua các cửa khẩu của tỉnh quý III năm 2071 ước đạt 127,5 triệu
USD.</p>
<table border="1"><tr><td><b>Chỉ tiêu</b></td><td><b>Quý III/2071</b></td></tr>
<tr><td>Số chợ đang hoạt động</td><td>86</td></tr>
<tr><td>Số siêu thị</td><td>7</td></tr></table></div></td></tr>
<tr><td colspan="2" class="footer">Bản quyền thuộc Sở Công Thương tỉnh Hà Giang. Điện thoại:
0219 3866 100</td></tr></table></form></body></html>"""

# A div layout: <form id="aspnetForm"> around a banner, a sidebar div, the content and a
# footer; a login form and a poll form outside it, as a portal's side modules are built.
DIV_LAYOUT = """<!DOCTYPE html><html><head><meta charset="utf-8">
<title>Cổng thông tin - Tin tức</title></head><body>
<form method="post" action="/dang-nhap" class="frm-dangnhap"><label>Tên đăng nhập</label>
<input name="user"/><label>Mật khẩu</label><input type="password" name="pw"/>
<button type="submit">Đăng nhập</button></form>
<form method="post" action="./Default.aspx?tabid=88&amp;ItemID=3301" id="aspnetForm">
<div class="aspNetHidden"><input type="hidden" name="__VIEWSTATE" value="xyz" /></div>
<div id="banner">SỞ NÔNG NGHIỆP VÀ PHÁT TRIỂN NÔNG THÔN TỈNH KON TUM</div>
<div id="main"><div id="content"><h2 class="title">Trồng rừng năm 2073 vượt kế hoạch</h2>
<p>Năm 2073, toàn tỉnh trồng mới được 3.642 ha rừng tập trung, đạt 104% kế hoạch.</p>
<p>Tỷ lệ che phủ rừng của tỉnh năm 2073 đạt 63,9%.</p></div>
<div id="sidebar-right"><h3>Tin nổi bật</h3><p>Gia Lai trồng mới 5.210 ha rừng năm 2073,
tỷ lệ che phủ đạt 47,2%.</p></div></div>
<div id="footer">Sở NN&amp;PTNT Kon Tum. ĐT: 0260 3862 345</div></form>
<form method="post" action="/binh-chon" class="poll"><p>Bạn thấy giao diện mới thế nào?</p>
<input type="radio" name="v" value="1"/>Đẹp <input type="radio" name="v" value="2"/>Bình
thường <select name="tinh"><option>Kon Tum</option><option>Gia Lai</option>
<option>Đắk Lắk</option></select><button>Bình chọn</button></form></body></html>"""


def _flat(text: str) -> str:
    return " ".join(text.split())


def test_a_webforms_table_layout_keeps_its_article_and_table_and_cuts_its_sidebar():
    page = page_text(TABLE_LAYOUT)
    text = _flat(page.text)
    assert "4.318 tỷ đồng" in text and "127,5 triệu USD" in text
    assert "Số chợ đang hoạt động: 86" in text and "Số siêu thị: 7" in text
    assert "Tuyên Quang" not in text and "9.870" not in text  # another province's figure
    assert "2.416.905" not in text and "Nhập từ khóa" not in text and "Tìm kiếm" not in text
    assert page.title == "Hoạt động thương mại quý III năm 2071"


def test_a_webforms_div_layout_keeps_its_article_and_cuts_sidebar_login_and_poll():
    text = _flat(page_text(DIV_LAYOUT).text)
    assert "3.642 ha" in text and "63,9%" in text
    assert "Gia Lai" not in text and "5.210" not in text and "47,2%" not in text
    for chrome in ("Tên đăng nhập", "Mật khẩu", "Đăng nhập", "Bình chọn",
                   "giao diện mới", "Đắk Lắk"):
        assert chrome not in text, chrome


def test_a_webforms_page_is_indexed_not_refused():
    for name, raw in (("tin_thuongmai.aspx.html", TABLE_LAYOUT),
                      ("tin_lamnghiep.aspx.html", DIV_LAYOUT)):
        docs = read_bytes(name, raw.encode("utf-8"))
        assert len(docs) == 1 and docs[0].text.strip(), name


def test_a_short_notice_inside_the_pages_only_form_is_kept():
    # the page's only text sits in its form: never cut as a control
    raw = ("<html><body><form id='form1' method='post' action='./ThongBao.aspx'>"
           "<input type='hidden' name='__VIEWSTATE' value='q'/>"
           "<p>Thông báo: số hồ sơ tiếp nhận tháng 4/2072 là 1.186 hồ sơ.</p></form>"
           "</body></html>")
    docs = read_bytes("thongbao.html", raw.encode("utf-8"))
    assert "1.186 hồ sơ" in docs[0].text


def test_a_page_of_only_navigation_and_a_search_box_names_the_form_controls():
    raw = ("<html><body><nav><ul><li><a href='/'>Trang chủ</a></li><li><a href='/tt'>Tin tức"
           "</a></li></ul></nav><form class='search' action='/tim'><input name='q'/>"
           "<button>Tìm</button></form></body></html>")
    with pytest.raises(IngestError, match="form controls"):
        read_bytes("trong.html", raw.encode("utf-8"))
