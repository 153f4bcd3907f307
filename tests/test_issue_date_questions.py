""""When was report N issued" (issue 16, sixteenth break-test, item 9): "báo cáo số 77/BC-SNN
ban hành ngày nào" is answered with the day the document's own date line writes -- a DOCX
header's "Số: 77/BC-SNN ⇥ Lạng Sơn, ngày 3 tháng 4 năm 2032", a .txt's "Số 58/BC-UBND ngày 14
tháng 1 năm 2028" -- citing those lines (it answered "Số: 77/BC-SNN" at 0.19, or refused); a
number no document writes is refused naming it.  Invented figures."""

from __future__ import annotations

import io

import docx
import pytest

from rag.ingest.uploads import read_upload
from rag.service.numbers import asked_numbers


def _docx_with_header(header: str, body: list[str]) -> bytes:
    d = docx.Document()
    d.sections[0].header.paragraphs[0].text = header
    for p in body:
        d.add_paragraph(p)
    out = io.BytesIO()
    d.save(out)
    return out.getvalue()


_TXT = ("UBND HUYỆN CAO LỘC\n"
        "Số 58/BC-UBND ngày 14 tháng 1 năm 2028\n"
        "Báo cáo tình hình chi thường xuyên năm 2027\n\n"
        "Năm 2027, chi thường xuyên của huyện đạt 412,5 tỷ đồng, bằng 101,2% dự toán.\n"
        "Căn cứ Báo cáo số 77/BC-SNN ngày 3 tháng 4 năm 2032, diện tích lúa được rà soát.\n")


@pytest.fixture
def service(tmp_path):
    from conftest import empty_service
    svc = empty_service(tmp_path)
    svc.add_document(read_upload("bc_snn_2032.docx", _docx_with_header(
        "Số: 77/BC-SNN\tLạng Sơn, ngày 3 tháng 4 năm 2032",
        ["Báo cáo kết quả sản xuất nông nghiệp quý I năm 2032",
         "Quý I/2032, diện tích lúa đông xuân đạt 12.400 ha."])))
    svc.add_document(read_upload("bc_chi_2027.txt", _TXT.encode()))
    svc.add_document(read_upload("bc_skhdt.docx", _docx_with_header(
        "SỞ KẾ HOẠCH VÀ ĐẦU TƯ    Số 311/BC-SKHĐT ngày 18/11/2027",
        ["Báo cáo thu hút đầu tư năm 2027",
         "Năm 2027, vốn đầu tư đăng ký đạt 2.150 tỷ đồng."])))
    return svc


@pytest.mark.parametrize("question,day,doc", [
    ("báo cáo số 77/BC-SNN ban hành ngày nào", "ngày 3 tháng 4 năm 2032", "bc_snn_2032"),
    ("báo cáo 77/BC-SNN ngày bao nhiêu?", "ngày 3 tháng 4 năm 2032", "bc_snn_2032"),
    ("Báo cáo 58/BC-UBND được ban hành khi nào", "ngày 14 tháng 1 năm 2028", "bc_chi_2027"),
    ("văn bản số 311/BC-SKHĐT ký ngày nào?", "ngày 18/11/2027", "bc_skhdt"),
])
def test_when_a_numbered_report_was_issued(service, question: str, day: str,
                                           doc: str) -> None:
    answer = service.ask(question)
    assert answer.found and answer.answer == day and answer.confidence >= 0.9
    [c] = answer.citations
    text = service.index.docs[doc].text
    assert c.doc_id == doc and text[c.start:c.end] == c.quote and day in c.quote
    assert asked_numbers(question)[0] in c.quote


def test_a_number_no_document_writes_is_refused_so(service) -> None:
    answer = service.ask("báo cáo số 99/BC-SNN ban hành ngày nào")
    assert not answer.found and "99/BC-SNN" in answer.answer


def test_a_figure_of_a_numbered_report_is_still_its_figure(service) -> None:
    answer = service.ask("chi thường xuyên năm 2027 theo báo cáo số 58/BC-UBND")
    assert answer.found and "412,5" in answer.answer
