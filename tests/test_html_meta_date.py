"""A web page's date from its markup's meta tags (article:published_time, og:updated_time,
name="date", dc.date, itemprop datePublished, ``<time datetime>``), whatever the machine's
clock says, else from its lead's dateline ("Lạng Sơn, ngày 14/7/2031 – Sở Công Thương cho
biết, …"); stored and answered for "… được công bố ngày nào?" (break-test bt16j, issue 16
item 4: a page with ``article:published_time`` 2031-07-14 was stored undated, as htmldate
takes no day after today's, and the question refused "không ghi ngày ban hành").  A page
with no date anywhere stays undated.  Invented province (Bắc Đồng), pages and days."""

from __future__ import annotations

import pytest
from helpers import http_client

from rag.ingest.uploads import read_upload
from rag.ingest.web import page_text

_LONG = "".join(
    f"<p>Năm 2040, tổng mức bán lẻ hàng hóa của nhóm hàng thứ {k} trên địa bàn tỉnh Bắc Đồng "
    f"đạt {100 + k * 7},5 tỷ đồng, tăng {k},2% so với năm trước.</p>" for k in range(1, 12))


def _page(title: str, head: str, body: str) -> str:
    return (f"<html><head><meta charset='utf-8'><title>{title}</title>{head}</head><body>"
            "<nav class='menu'><a href='/'>Trang chủ</a> | <a href='/tin'>Tin tức</a></nav>"
            f"<article><h1>{title}</h1>{body}</article></body></html>")


@pytest.mark.parametrize(("head", "body", "day"), [
    ("<meta property='article:published_time' content='2041-03-09T08:00:00+07:00'>", "",
     "2041-03-09"),
    ("<meta property='og:updated_time' content='2042-05-17T10:00:00+07:00'>", "",
     "2042-05-17"),
    ("<meta name='date' content='2043-11-20'>", "", "2043-11-20"),
    ("<meta name='DC.date.issued' content='2044-01-08'>", "", "2044-01-08"),
    ("<meta itemprop='datePublished' content='2045-06-30'>", "", "2045-06-30"),
    ("", "<time datetime='2047-04-04T09:00'>04/04/2047</time>", "2047-04-04"),
])
@pytest.mark.parametrize("long", [False, True])
def test_a_meta_tag_dates_the_page(head: str, body: str, day: str, long: bool) -> None:
    text = _LONG if long else "<p>Năm 2040, tổng mức bán lẻ đạt 41.250 tỷ đồng.</p>"
    assert page_text(_page("Bán lẻ hàng hóa năm 2040", head, body + text)).date == day


@pytest.mark.parametrize(("line", "day"), [
    ("Lạng Sơn, ngày 14/7/2031 – Sở Công Thương cho biết, xuất khẩu tiếp tục khởi sắc.",
     "2031-07-14"),
    ("Cao Lộc, ngày 3 tháng 9 năm 2040 - Ban quản lý cho biết số dự án tăng.", "2040-09-03"),
    ("Số 12/TB-SCT, ngày 05/01/2046 — Sở thông báo kết quả kiểm tra thị trường.",
     "2046-01-05"),
])
def test_a_lead_dateline(line: str, day: str) -> None:
    from rag.ingest.readers import lead_date
    assert lead_date(line) == day


@pytest.mark.parametrize("line", [
    "Tính đến ngày 30/6/2040 – số doanh nghiệp đạt 1.286 doanh nghiệp.",  # a sentence
    "Cũng trong quý, ngày 20 tháng 3 năm 2040 - đoàn kiểm tra làm việc tại chợ.",
    "Lạng Sơn, ngày 14/7/2031 Sở Công Thương cho biết",  # no dash: not a dateline
    "Lạng Sơn, ngày 31/2/2031 – Sở Công Thương cho biết",  # no such day
])
def test_not_a_lead_dateline(line: str) -> None:
    from rag.ingest.readers import lead_date
    assert lead_date(line) is None


_XNK = _page("Xuất nhập khẩu 6 tháng đầu năm 2031 qua Bắc Đồng tăng trưởng khá",
             "<meta property='article:published_time' content='2031-07-14'>",
             "<p>Bắc Đồng, ngày 14/7/2031 – Sở Công Thương cho biết, hoạt động xuất nhập "
             "khẩu 6 tháng đầu năm 2031 tiếp tục khởi sắc.</p>"
             "<p>Kim ngạch xuất khẩu 6 tháng đầu năm 2031 đạt 1.453 triệu USD.</p>")
_TMDT = _page("Thương mại điện tử Bắc Đồng năm 2034 doanh thu tăng trên 21%",
              "<meta name='dc.date' content='2034-12-28'>",
              "<p>Năm 2034, doanh thu thương mại điện tử của tỉnh đạt 2.140 tỷ đồng.</p>")
_CHO = _page("Chợ đầu mối nông sản Bắc Đồng hoạt động ổn định năm 2040", "",
             "<p>Cao Lộc, ngày 3 tháng 9 năm 2040 - Ban quản lý chợ cho biết, lượng hàng về "
             "chợ ổn định.</p><p>Năm 2040, chợ đầu mối tiếp nhận 86.400 tấn nông sản.</p>")
# the near-miss: a dated sentence, no date in the markup nor a dateline
_KHO = _page("Kho lạnh nông sản Bắc Đồng mở rộng công suất năm 2040", "",
             "<p>Tính đến ngày 30/6/2040 – kho lạnh đã tiếp nhận 12.600 tấn nông sản.</p>"
             "<p>Công suất kho lạnh năm 2040 đạt 4.800 tấn.</p>")


@pytest.fixture(scope="module")
def service(tmp_path_factory):
    from conftest import empty_service
    svc = empty_service(tmp_path_factory.mktemp("htmlmeta"))
    for name, page in (("tin_xnk_2031.html", _XNK), ("tin_tmdt_2034.html", _TMDT),
                       ("tin_cho_2040.html", _CHO), ("tin_kho_lanh_2040.html", _KHO)):
        svc.add_document(read_upload(name, page.encode()))
    return svc


@pytest.mark.parametrize(("doc_id", "day"), [
    ("tin_xnk_2031", "2031-07-14"), ("tin_tmdt_2034", "2034-12-28"),
    ("tin_cho_2040", "2040-09-03"), ("tin_kho_lanh_2040", None),
])
def test_the_stored_date(doc_id: str, day: str | None) -> None:
    assert read_upload(f"{doc_id}.html", {"tin_xnk_2031": _XNK, "tin_tmdt_2034": _TMDT,
                                          "tin_cho_2040": _CHO,
                                          "tin_kho_lanh_2040": _KHO}[doc_id].encode()
                       ).date == day


@pytest.mark.parametrize(("question", "doc_id", "written"), [
    ("xuất nhập khẩu 6 tháng đầu năm 2031 qua Bắc Đồng được công bố ngày nào?",
     "tin_xnk_2031", "14/7/2031|14/07/2031"),
    ("bài thương mại điện tử Bắc Đồng năm 2034 được công bố ngày nào?", "tin_tmdt_2034",
     "28/12/2034"),
    ("tin chợ đầu mối nông sản Bắc Đồng hoạt động ổn định được công bố ngày nào?",
     "tin_cho_2040", "3 tháng 9 năm 2040|03/09/2040"),
])
def test_published_day_answered(service, question: str, doc_id: str, written: str) -> None:
    a = service.ask(question)
    # the day as the page writes it, else as stored
    assert a.found and any(w in a.answer for w in written.split("|")), (question, a.answer)
    assert a.citations[0].doc_id == doc_id


def test_an_undated_page_is_not_dated(service) -> None:
    a = service.ask("bài kho lạnh nông sản Bắc Đồng mở rộng công suất được công bố ngày nào?")
    assert not a.found and "30/06/2040" not in a.answer and "30/6/2040" not in a.answer


def test_posted_page_keeps_its_meta_date(tmp_path) -> None:
    from conftest import empty_service
    svc = empty_service(tmp_path)
    with http_client(svc) as http:
        r = http.post("/documents", files={"file": ("tin_xnk_2031.html", _XNK.encode(),
                                                    "text/html")})
        assert r.status_code == 201, r.text
        assert http.get("/documents/tin_xnk_2031").json()["date"] == "2031-07-14"
        r = http.post("/documents", files={"file": ("tin_kho_lanh_2040.html", _KHO.encode(),
                                                    "text/html")})
        assert r.status_code == 201, r.text
        assert http.get("/documents/tin_kho_lanh_2040").json()["date"] is None
