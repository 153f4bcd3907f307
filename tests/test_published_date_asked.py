"""When a web page was posted ("bài ... đăng ngày nào", "ngày đăng bài ...", "... đăng tải
khi nào", "... được công bố ngày nào", "... ban hành ngày nào"), the page dated only by its
metadata or its byline: answered with the stored date of the page the title words name,
cited to the byline line writing it (else to the title) and said to be the publication day
(break-test bt26-b16 failure 2: the title came back as the answer at 0.30-0.39, "ngày đăng
bài ..." refused).  A report with its own date line is still answered from that line
(tests/test_issue_date_by_title.py).  Invented province, pages and days."""

from __future__ import annotations

import pytest

from rag.ingest.uploads import read_upload
from rag.service.numbers import STORED_DATE_SURE, stored_date_quote, titled_issue_question

# dated only by a visible byline, as news portals write it
_BYLINE = ("<html><head><title>Bắc Đồng: thu hút khách du lịch tăng mạnh năm 2061</title>"
           "</head><body><div class='menu'>Trang chủ | Tin tức</div>"
           "<h1>Bắc Đồng: thu hút khách du lịch tăng mạnh năm 2061</h1>"
           "<p class='byline'>Thứ Tư, 18/01/2062 15:20</p>"
           "<p>Năm 2061, tỉnh Bắc Đồng đón 2,48 triệu lượt khách du lịch, tăng 12,4%.</p>"
           "<p>Doanh thu du lịch đạt 3.215 tỷ đồng.</p></body></html>")
# dated only by its metadata, no line of the text writing the day (a past day: htmldate
# takes no date after today's)
_META = ("<html><head><title>Hoàn thành nâng cấp tuyến đê hữu sông Cầu năm 2022</title>"
         "<meta property='article:published_time' content='2023-02-04T08:00:00+07:00'>"
         "</head><body><h1>Hoàn thành nâng cấp tuyến đê hữu sông Cầu năm 2022</h1>"
         "<p>Năm 2022, tỉnh hoàn thành nâng cấp 17,5 km đê hữu sông Cầu với tổng vốn 412 tỷ "
         "đồng.</p><p>Công trình bảo đảm an toàn cho 8.640 hộ dân ven sông.</p></body></html>")
# a report with its own signing line: answered from that line, as before
_REPORT = ("BÁO CÁO Kết quả phát triển thương mại điện tử năm 2062\n\n"
           "Năm 2062 có 1.240 doanh nghiệp tham gia sàn thương mại điện tử.\n\n"
           "Bắc Đồng, ngày 21 tháng 12 năm 2062\n")


@pytest.fixture(scope="module")
def service(tmp_path_factory):
    from conftest import empty_service
    svc = empty_service(tmp_path_factory.mktemp("published"))
    svc.add_document(read_upload("du_lich_2061.html", _BYLINE.encode()))
    svc.add_document(read_upload("de_song_cau_2022.html", _META.encode()))
    svc.add_document(read_upload("bc_tmdt_2062.txt", _REPORT.encode()))
    return svc


@pytest.mark.parametrize("question", [
    "bài thu hút khách du lịch đăng ngày nào",
    "bài thu hút khách du lịch tăng mạnh năm 2061 đăng ngày nào?",
    "ngày đăng bài thu hút khách du lịch Bắc Đồng",
    "bài về thu hút khách du lịch được công bố ngày nào",
    "tin thu hút khách du lịch tăng mạnh đăng tải khi nào",
    "bài thu hút khách du lịch năm 2061 ban hành ngày nào",
])
def test_a_page_dated_by_its_byline(service, question: str) -> None:
    a = service.ask(question)
    assert a.found and "18/01/2062" in a.answer, (question, a.answer)
    assert "ngày đăng" in a.answer and "đăng" in (a.summary or ""), a.summary
    assert a.citations[0].doc_id == "du_lich_2061"
    assert "18/01/2062" in a.citations[0].quote  # the byline, not the title
    assert a.confidence <= STORED_DATE_SURE


@pytest.mark.parametrize("question", [
    "bài hoàn thành nâng cấp tuyến đê hữu sông Cầu đăng ngày nào",
    "ngày đăng bài nâng cấp tuyến đê hữu sông Cầu",
])
def test_a_page_dated_by_its_metadata_only(service, question: str) -> None:
    a = service.ask(question)
    assert a.found and "04/02/2023" in a.answer and "ngày đăng" in a.answer, a.answer
    cited = a.citations[0]  # its title: no line writes the day
    assert cited.doc_id == "de_song_cau_2022" and "đê hữu sông Cầu" in cited.quote


def test_a_joomla_byline_is_cited() -> None:
    text = "Du lịch Bắc Đồng\nThứ Năm, 12 Tháng 7 2040 09:15\nNăm 2040 đón 1,2 triệu lượt."
    start, end, said = stored_date_quote(text, "Du lịch Bắc Đồng", "2040-07-12")
    assert text[start:end] == "Thứ Năm, 12 Tháng 7 2040 09:15" and "12 Tháng 7 2040" in said


def test_a_report_with_its_date_line_keeps_it(service) -> None:
    a = service.ask("báo cáo kết quả phát triển thương mại điện tử ký ngày nào")
    assert a.found and a.answer == "ngày 21 tháng 12 năm 2062", a.answer
    assert "Bắc Đồng, ngày 21 tháng 12 năm 2062" in a.citations[0].quote


@pytest.mark.parametrize(("question", "asked"), [
    ("bài giải ngân vốn đầu tư công đăng ngày nào", (None, "giai ngan von dau tu cong")),
    ("ngày đăng bài giải ngân vốn đầu tư công", (None, "giai ngan von dau tu cong")),
    ("tin về chợ nông thôn được đăng tải khi nào", (None, "cho nong thon")),
    # a title writing "đang" (now) or "đăng ký" is still a title
    ("bài về các dự án đang thi công đăng ngày nào", (None, "cac du an dang thi cong")),
    ("báo cáo tình hình đăng ký doanh nghiệp phát hành ngày nào",
     ("bao cao", "tinh hinh dang ky doanh nghiep")),
    # "đang" (now) folds as "đăng" does: no posting asked
    ("dự án giải ngân vốn đầu tư công đang ngày nào", None),
])
def test_posting_verbs_ask_the_day(question: str, asked) -> None:
    assert titled_issue_question(question) == asked
