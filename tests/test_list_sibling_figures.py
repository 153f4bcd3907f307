"""Items of a list after a lead-in that names their whole ("Trong thu nội địa, A đạt ...; B
đạt ...", "Cụ thể: A ..., B ...") each keep their own figure: the item asked is answered with
its own value, never its sibling's (break-test bt17h: "Thu tiền sử dụng đất năm 2029?" got the
"thu thuế thu nhập cá nhân" figure 298 tỷ đồng over the 1.214 tỷ đồng of the item asked -- the
lead-in's "nội địa" was read as a basis of the first item only, which the question did not
name).  Budget, trade and visitor lists; two and three items; ";" and ","; text and .docx.
The lead-in's own total, asked, stays the total."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import service_over_files
from helpers import make_docx

from rag.records import AskOptions
from rag.service import RagService

BUDGET = (
    "Tổng thu ngân sách nhà nước trên địa bàn tỉnh năm 2029 đạt 11.472 tỷ đồng, bằng 118,3% dự "
    "toán. Trong đó: thu nội địa đạt 5.386 tỷ đồng, bằng 112,7% dự toán; thu từ hoạt động xuất "
    "nhập khẩu đạt 6.086 tỷ đồng, bằng 123,9% dự toán.",
    "Trong thu nội địa, thu tiền sử dụng đất đạt 1.214 tỷ đồng; thu thuế thu nhập cá nhân đạt "
    "298 tỷ đồng.",
    "Tổng chi ngân sách địa phương năm 2029 đạt 17.905 tỷ đồng.",
)
VISITORS = (
    "Du lịch năm 2031\n\n"
    "Năm 2031, toàn tỉnh đón 4,2 triệu lượt khách du lịch.\n\n"
    "Trong tổng lượt khách nội địa, khách lưu trú đạt 1,3 triệu lượt, khách tham quan đạt "
    "2,6 triệu lượt.\n\n"
    "Cụ thể: khách quốc tế đạt 310 nghìn lượt; khách nội địa đạt 3,89 triệu lượt.\n")
TRADE = (
    "Hải quan năm 2033\n\n"
    "Năm 2033, tổng kim ngạch xuất nhập khẩu qua địa bàn tỉnh đạt 5.120 triệu USD.\n\n"
    "Trong kim ngạch hàng hóa nội địa, xuất khẩu đạt 1.450 triệu USD; nhập khẩu đạt 2.170 "
    "triệu USD; tạm nhập tái xuất đạt 830 triệu USD.\n")
SPENDING = (
    "Chi ngân sách năm 2030\n\n"
    "Tổng chi ngân sách địa phương năm 2030 đạt 16.420 tỷ đồng.\n\n"
    "Trong chi ngân sách trong nước, chi đầu tư phát triển đạt 5.210 tỷ đồng, chi thường "
    "xuyên đạt 9.870 tỷ đồng.\n")


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    files: dict[str, str | bytes] = {
        "ngan_sach_2029.docx": make_docx("Kết quả thu, chi ngân sách nhà nước năm 2029",
                                         *BUDGET),
        "du_lich_2031.txt": VISITORS,
        "hai_quan_2033.txt": TRADE,
        "chi_2030.txt": SPENDING,
    }
    return service_over_files(tmp_path_factory.mktemp("list_sibling"), files)


def ask(service: RagService, question: str):  # noqa: ANN201
    return service.ask(question, AskOptions(retrieval_mode="lexical", today=date(2034, 3, 1)))


@pytest.mark.parametrize(("question", "expected"), [
    ("Thu tiền sử dụng đất năm 2029?", "1.214"),
    ("Thu thuế thu nhập cá nhân năm 2029?", "298"),
    ("Khách lưu trú năm 2031 bao nhiêu lượt?", "1,3 triệu"),
    ("Khách tham quan năm 2031 bao nhiêu lượt?", "2,6 triệu"),
    ("Khách nội địa tham quan năm 2031 bao nhiêu lượt?", "2,6 triệu"),
    ("Xuất khẩu năm 2033 đạt bao nhiêu?", "1.450"),
    ("Nhập khẩu năm 2033 đạt bao nhiêu?", "2.170"),
    ("Tạm nhập tái xuất năm 2033 đạt bao nhiêu?", "830"),
    ("Chi đầu tư phát triển năm 2030?", "5.210"),
    ("Chi thường xuyên năm 2030?", "9.870"),
])
def test_each_item_keeps_its_own_figure(service: RagService, question: str,
                                        expected: str) -> None:
    result = ask(service, question)
    assert result.found and result.answer.startswith(expected), (question, result.answer)


@pytest.mark.parametrize(("question", "expected"), [
    ("Thu nội địa năm 2029?", "5.386"),
    ("Khách quốc tế năm 2031?", "310"),
    ("Khách nội địa năm 2031?", "3,89 triệu"),
])
def test_the_lead_in_total_stays_the_total(service: RagService, question: str,
                                           expected: str) -> None:
    result = ask(service, question)
    assert result.found and result.answer.startswith(expected), (question, result.answer)
