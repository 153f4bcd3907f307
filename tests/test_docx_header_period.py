"""A DOCX whose report period stands only in its running header, its issue date in the
footer (issue 16, break-test bt16c item 5: header "... Báo cáo tình hình thương mại tháng 4
năm 2018", footer "Số 77/BC-SCT, ngày 03/5/2018", body "Trong tháng, doanh thu ... đạt 61,3
tỷ đồng" answered May and refused April; the same lines as a .txt answered April).  The
header's line naming a period is the title, an issuer leading it set apart
(``rag.ingest.word._title``, ``_issuer_parts``), so "trong tháng"/"trong kỳ" are the title's
period and the footer's issue day dates the document only -- as the .txt reads them.
Invented province, documents and figures."""

from __future__ import annotations

import io

import docx
import pytest

from rag.ingest.uploads import read_upload

# (name, header, footer, body, subject, the period asked that answers, one that must not)
_CASES = [
    ("bc_tm_t4", "SỞ CÔNG THƯƠNG — Báo cáo tình hình thương mại tháng 4 năm 2032",
     "Số 71/BC-SCT, ngày 04/5/2032",
     "Trong tháng, doanh thu dịch vụ lữ hành đạt 47,8 tỷ đồng, tăng 3,1% so với tháng trước.",
     "doanh thu dịch vụ lữ hành", "tháng 4 năm 2032", "tháng 5 năm 2032", "47,8 tỷ đồng"),
    ("bc_xtm_6t", "UBND TỈNH BẮC ĐỒNG | Báo cáo kết quả xúc tiến thương mại 6 tháng đầu năm 2041",
     "Bắc Đồng, ngày 03/7/2041", "Trong kỳ, tổ chức 14 hội chợ với 812 gian hàng.",
     "số gian hàng hội chợ", "6 tháng đầu năm 2041", "tháng 7 năm 2041", "812 gian hàng"),
    ("bc_tmdv_t8", "Tình hình thương mại dịch vụ tháng 8 năm 2035", "Số 65/BC-SCT, ngày 05/9/2035",
     "Trong tháng, doanh thu lưu trú đạt 12,4 tỷ đồng.",
     "doanh thu lưu trú", "tháng 8 năm 2035", "tháng 9 năm 2035", "12,4 tỷ đồng"),
    ("bc_cn_q1", "SỞ CÔNG THƯƠNG TỈNH BẮC ĐỒNG — Tình hình sản xuất công nghiệp quý I năm 2039",
     "Số 41/BC-SCT, ngày 05/4/2039", "Trong quý, sản lượng gạch nung đạt 38,2 triệu viên.",
     "sản lượng gạch nung", "quý I năm 2039", "quý II năm 2039", "38,2 triệu viên"),
    ("bc_xd_t9", "Báo cáo tình hình thị trường xăng dầu tháng 9 năm 2037", None,  # header only
     "Trong tháng, lượng xăng dầu bán ra đạt 7.420 m3.",
     "lượng xăng dầu bán ra", "tháng 9 năm 2037", "tháng 10 năm 2037", "7.420 m3"),
]


def _docx(header: str | None, footer: str | None, body: str) -> bytes:
    d = docx.Document()
    section = d.sections[0]
    if header:
        section.header.paragraphs[0].text = header
    if footer:
        section.footer.paragraphs[0].text = footer
    d.add_paragraph(body)
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


@pytest.fixture(scope="module", params=["docx", "txt"])
def service(request, tmp_path_factory):
    from conftest import empty_service
    svc = empty_service(tmp_path_factory.mktemp("hdr_" + request.param))
    for name, header, footer, body, *_ in _CASES:
        if request.param == "docx":
            data = _docx(header, footer, body)
        else:
            data = ("\n".join(x for x in (header, footer, body) if x) + "\n").encode()
        svc.add_document(read_upload(f"{name}.{request.param}", data))
    return svc


@pytest.mark.parametrize("case", _CASES, ids=[c[0] for c in _CASES])
def test_the_headers_period_is_the_figures(service, case) -> None:
    name, _, _, _, subject, period, _, value = case
    answer = service.ask(f"{subject} {period}?")
    assert answer.found and answer.answer == value, answer.answer
    assert answer.citations[0].doc_id == name


@pytest.mark.parametrize("case", _CASES, ids=[c[0] for c in _CASES])
def test_the_issue_dates_period_is_not(service, case) -> None:
    _, _, _, _, subject, _, other, value = case
    answer = service.ask(f"{subject} {other}?")
    assert not (answer.found and value in answer.answer), answer.answer


def test_the_issue_day_still_dates_the_document() -> None:
    doc = read_upload("bc_tm_t4.docx", _docx(*_CASES[0][1:4]))
    assert doc.title == "Báo cáo tình hình thương mại tháng 4 năm 2032"
    assert doc.date == "2032-05-04"
    lines = doc.text.split("\n\n")
    assert lines[:2] == ["SỞ CÔNG THƯƠNG", "Báo cáo tình hình thương mại tháng 4 năm 2032"]


def test_a_body_title_is_kept_over_the_header() -> None:
    """Near-miss: a body opening with its own title keeps it; a header of only a name is no
    title."""
    d = docx.Document()
    d.sections[0].header.paragraphs[0].text = "Công ty TNHH Thương mại Minh Phát"
    d.sections[0].footer.paragraphs[0].text = "Số 12/BC-CT, ngày 02/3/2033"
    d.add_paragraph("Kết quả kinh doanh tháng 2 năm 2033")
    d.add_paragraph("Trong tháng, doanh thu đạt 8,1 tỷ đồng.")
    buf = io.BytesIO()
    d.save(buf)
    assert read_upload("ct.docx", buf.getvalue()).title == "Kết quả kinh doanh tháng 2 năm 2033"
    d2 = docx.Document()
    d2.sections[0].header.paragraphs[0].text = "Công ty TNHH Thương mại Minh Phát"
    d2.add_paragraph("Trong tháng, doanh thu đạt 8,1 tỷ đồng.")
    buf = io.BytesIO()
    d2.save(buf)
    title = read_upload("ct2.docx", buf.getvalue()).title
    assert title == "Trong tháng, doanh thu đạt 8,1 tỷ đồng."
