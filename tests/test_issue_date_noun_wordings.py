""""When was document N issued" asked with the noun of the day (issue 16, fourth break-test
b16, item 4): "ngày ban hành của báo cáo số N", "thời gian ban hành báo cáo N", "ngày ban hành
... là ngày nào" were refused or answered with the number line; now any order of the day's
noun ("ngày", "thời gian", "thời điểm") and the verb ("ban hành", "ký", "phát hành"), with or
without "của", "là ngày nào/khi nào", is answered from the document's own date line
(``rag.service.numbers.asks_issue_date``).  Invented documents and numbers."""

from __future__ import annotations

import pytest

from rag.ingest.uploads import read_upload
from rag.service.numbers import asked_numbers

_QD = ("ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN\n"
       "Số: 1352/QĐ-UBND\n"
       "Lạng Sơn, ngày 12 tháng 6 năm 2034\n"
       "QUYẾT ĐỊNH Phê duyệt danh mục chợ đầu tư năm 2034\n\n"
       "Phê duyệt 14 chợ được đầu tư trong năm 2034 với tổng vốn 96,5 tỷ đồng.\n")
_KH = ("SỞ CÔNG THƯƠNG TỈNH LẠNG SƠN\n"
       "Số 27/KH-SCT ngày 03/02/2035\n"
       "KẾ HOẠCH Xúc tiến thương mại năm 2035\n\n"
       "Năm 2035 tổ chức 9 hội chợ, triển lãm với kinh phí 4,2 tỷ đồng.\n")
_TB = ("SỞ CÔNG THƯƠNG TỈNH LẠNG SƠN\n"
       "Số: 118/TB-SCT\n"
       "Lạng Sơn, ngày 21 tháng 9 năm 2034\n"
       "THÔNG BÁO Kết luận kiểm tra an toàn điện\n\n"
       "Kiểm tra 36 trạm biến áp, phát hiện 5 trạm vi phạm hành lang an toàn.\n")


@pytest.fixture(scope="module")
def service(tmp_path_factory):
    from conftest import empty_service
    svc = empty_service(tmp_path_factory.mktemp("issued"))
    svc.add_document(read_upload("qd_cho_2034.txt", _QD.encode()))
    svc.add_document(read_upload("kh_xttm_2035.txt", _KH.encode()))
    svc.add_document(read_upload("tb_atd_2034.txt", _TB.encode()))
    return svc


@pytest.mark.parametrize("question,day,doc", [
    ("Ngày ban hành của Quyết định số 1352/QĐ-UBND?", "ngày 12 tháng 6 năm 2034",
     "qd_cho_2034"),
    ("thời gian ban hành kế hoạch 27/KH-SCT", "ngày 03/02/2035", "kh_xttm_2035"),
    ("ngày ký thông báo số 118/TB-SCT là ngày nào?", "ngày 21 tháng 9 năm 2034",
     "tb_atd_2034"),
    ("thời điểm phát hành của thông báo 118/TB-SCT là khi nào", "ngày 21 tháng 9 năm 2034",
     "tb_atd_2034"),
    ("cho biết ngày ký quyết định 1352/QĐ-UBND", "ngày 12 tháng 6 năm 2034", "qd_cho_2034"),
    ("kế hoạch số 27/KH-SCT có ngày ban hành là ngày nào", "ngày 03/02/2035", "kh_xttm_2035"),
    ("khi nào kế hoạch 27/KH-SCT được ban hành?", "ngày 03/02/2035", "kh_xttm_2035"),
    ("quyết định 1352/QĐ-UBND ban hành vào thời điểm nào", "ngày 12 tháng 6 năm 2034",
     "qd_cho_2034"),
])
def test_the_day_of_issue_in_other_wordings(service, question: str, day: str,
                                            doc: str) -> None:
    answer = service.ask(question)
    assert answer.found and answer.answer == day and answer.confidence >= 0.9, answer.answer
    [c] = answer.citations
    text = service.index.docs[doc].text
    assert c.doc_id == doc and text[c.start:c.end] == c.quote and day in c.quote
    assert asked_numbers(question)[0] in c.quote


@pytest.mark.parametrize("question", ["ngày ban hành của quyết định số 1353/QĐ-UBND",
                                      "thời gian ký kế hoạch 72/KH-SCT là khi nào"])
def test_a_number_not_in_the_corpus_is_still_refused(service, question: str) -> None:
    answer = service.ask(question)
    assert not answer.found and asked_numbers(question)[0] in answer.answer


def test_a_figure_of_the_numbered_document_is_no_issue_date(service) -> None:
    answer = service.ask("số hội chợ, triển lãm năm 2035 theo kế hoạch 27/KH-SCT")
    assert answer.found and answer.answer.startswith("9 hội chợ"), answer.answer
