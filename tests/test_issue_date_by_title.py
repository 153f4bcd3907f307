""""When was the report on ... issued" asked by the report's TITLE words, not its number
(issue 16, break-test round 36 b16, kind x′: "báo cáo cây ăn quả ban hành ngày nào" answered
the title at 0.27, "ngày ban hành báo cáo ..." refused).  Now answered with the day of the
best-matching document's date line, cited to that line, whether the date stands in its header
or only in its closing signing line (``rag.service.numbers.titled_issued_answer``).  Invented
province, documents and days."""

from __future__ import annotations

import pytest

from rag.ingest.uploads import read_upload
from rag.service.numbers import titled_issue_question

# dated only by its closing signing line (as a DOCX footer is stored)
_THUY_LOI = ("BÁO CÁO Kết quả nạo vét kênh mương nội đồng vụ Đông Xuân 2036-2037\n\n"
             "Năm 2037 nạo vét 214 km kênh mương nội đồng, kinh phí 18,6 tỷ đồng.\n"
             "Diện tích được tưới chủ động năm 2037 đạt 9.412 ha.\n\n"
             "Bắc Đồng, ngày 17 tháng 8 năm 2037\n"
             "Nơi nhận: UBND tỉnh; Lưu: VT.\n")
# dated in its header
_CHO = ("SỞ CÔNG THƯƠNG TỈNH BẮC ĐỒNG\n"
        "Bắc Đồng, ngày 09/11/2036\n"
        "BÁO CÁO Tình hình phát triển mạng lưới chợ nông thôn năm 2036\n\n"
        "Năm 2036 toàn tỉnh có 138 chợ nông thôn, trong đó 41 chợ hạng III.\n")
_KH = ("SỞ CÔNG THƯƠNG TỈNH BẮC ĐỒNG\n"
       "Bắc Đồng, ngày 02/03/2037\n"
       "KẾ HOẠCH Phát triển mạng lưới chợ nông thôn năm 2037\n\n"
       "Năm 2037 đầu tư nâng cấp 12 chợ nông thôn với tổng vốn 57 tỷ đồng.\n")
_UNDATED = ("Báo cáo tổng kết công tác khuyến công năm 2036\n\n"
            "Năm 2036 hỗ trợ 23 đề án khuyến công, kinh phí 6,4 tỷ đồng.\n")


@pytest.fixture(scope="module")
def service(tmp_path_factory):
    from conftest import empty_service
    svc = empty_service(tmp_path_factory.mktemp("titled"))
    svc.add_document(read_upload("bc_thuy_loi_2037.txt", _THUY_LOI.encode()))
    svc.add_document(read_upload("bc_cho_2036.txt", _CHO.encode()))
    svc.add_document(read_upload("kh_cho_2037.txt", _KH.encode()))
    svc.add_document(read_upload("bc_khuyen_cong_2036.txt", _UNDATED.encode()))
    return svc


@pytest.mark.parametrize("question,day,doc", [
    ("Báo cáo nạo vét kênh mương được ban hành khi nào?", "ngày 17 tháng 8 năm 2037",
     "bc_thuy_loi_2037"),
    ("ngày ký của báo cáo kết quả nạo vét kênh mương nội đồng", "ngày 17 tháng 8 năm 2037",
     "bc_thuy_loi_2037"),
    ("khi nào báo cáo nạo vét kênh mương được ký", "ngày 17 tháng 8 năm 2037",
     "bc_thuy_loi_2037"),
    ("báo cáo tình hình phát triển mạng lưới chợ nông thôn công bố ngày nào",
     "ngày 09/11/2036", "bc_cho_2036"),
    ("kế hoạch phát triển chợ nông thôn ký ngày nào", "ngày 02/03/2037", "kh_cho_2037"),
    ("thời gian ban hành kế hoạch phát triển mạng lưới chợ nông thôn", "ngày 02/03/2037",
     "kh_cho_2037"),
])
def test_the_issue_day_of_a_report_named_by_its_title(service, question: str, day: str,
                                                      doc: str) -> None:
    answer = service.ask(question)
    assert answer.found and answer.answer == day, answer.answer
    [c] = answer.citations
    text = service.index.docs[doc].text
    assert c.doc_id == doc and text[c.start:c.end] == c.quote and day in c.quote


def test_several_matching_titles_are_each_named(service) -> None:
    answer = service.ask("văn bản về chợ nông thôn ban hành ngày nào")
    assert answer.found and answer.confidence < 0.9
    assert {c.doc_id for c in answer.citations} == {"bc_cho_2036", "kh_cho_2037"}
    assert "ngày 09/11/2036" in answer.answer and "ngày 02/03/2037" in answer.answer


def test_an_undated_report_is_not_given_a_day(service) -> None:
    answer = service.ask("báo cáo tổng kết công tác khuyến công ban hành ngày nào")
    assert not answer.found and "khuyến công" in answer.answer


@pytest.mark.parametrize("question", [
    "diện tích được tưới chủ động năm 2037",
    "chợ nông thôn nào được nâng cấp vào ngày nào",
    "số chợ nông thôn năm 2036",
])
def test_other_questions_are_not_read_as_issue_days(question: str) -> None:
    assert titled_issue_question(question) is None


def test_a_figure_question_keeps_its_answer(service) -> None:
    answer = service.ask("số chợ nông thôn năm 2036")
    assert answer.found and "138" in answer.answer
