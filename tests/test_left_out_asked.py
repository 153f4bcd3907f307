"""What a question leaves out of its figure: "bán lẻ hàng hóa (không tính dịch vụ)", "xuất khẩu
không kể dầu thô", "thu nội địa không tính tiền sử dụng đất" (rag.answer.figures
excluded_asked).  A figure whose name holds what is left out ("Tổng mức bán lẻ hàng hóa và
doanh thu dịch vụ") is no answer; a figure whose sentence leaves it out in words ("nếu không
kể dầu thô, ...") is the answer before one that does not say; a row naming only the rest
("Bán lẻ hàng hóa") answers when no sentence says it (break-test s46 bt17w; dev2 e058); a
whole listing the part left out ("Trong đó, ... thu từ hoạt động xuất nhập khẩu") is none
either (part_left_out; s47 bt18a)."""

from __future__ import annotations

import pytest
from conftest import service_over_files

from rag.answer.figures import excluded_asked, excluded_marker_words
from rag.records import AskOptions
from rag.service import RagService

REPORT = (
    "Báo cáo kinh tế - xã hội tháng 10/2084\n(28/10/2084)\n\n"
    "Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng tháng 10/2084 ước đạt 4.120 tỷ "
    "đồng, tăng 9,6% so với cùng kỳ.\n\n"
    "Bảng 1. Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ (tỷ đồng)\n"
    "Chỉ tiêu | Tháng 9/2084 | Ước tháng 10/2084\n"
    "Tổng số | 4.008 | 4.120\n"
    "Bán lẻ hàng hóa | 3.170 | 3.246\n"
    "Dịch vụ lưu trú, ăn uống | 512 | 530\n\n"
    "Kim ngạch xuất khẩu 10 tháng năm 2084 đạt 2.940 triệu USD; nếu không kể dầu thô, kim "
    "ngạch xuất khẩu đạt 2.615 triệu USD.\n\n"
    "Thu ngân sách nhà nước trên địa bàn 10 tháng năm 2084 ước đạt 9.420 tỷ đồng. Trong đó, "
    "thu nội địa đạt 3.960 tỷ đồng; thu từ hoạt động xuất nhập khẩu đạt 5.460 tỷ đồng.\n")


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over_files(tmp_path_factory.mktemp("leftout"), {"ktxh-t10-2084.txt": REPORT})


@pytest.mark.parametrize(("question", "value"), [
    ("Bán lẻ hàng hóa tháng 10/2084 (không tính dịch vụ) bao nhiêu?", "3.246"),
    ("Bán lẻ hàng hóa không kể dịch vụ tháng 10/2084 bao nhiêu?", "3.246"),
    ("ban le hang hoa khong ke dich vu thang 10/2084", "3.246"),
    ("kim ngạch xuất khẩu không kể dầu thô 10 tháng năm 2084", "2.615"),
    ("xuat khau 10 thang 2084 khong tinh dau tho", "2.615"),
    # near misses: nothing left out asks the whole
    ("Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tháng 10/2084?", "4.120"),
    ("kim ngạch xuất khẩu 10 tháng năm 2084?", "2.940"),
])
def test_left_out_asked(service: RagService, question: str, value: str) -> None:
    answer = service.ask(question, AskOptions(retrieval_mode="lexical"))
    assert answer.found and answer.answer.startswith(value), (answer.answer, answer.summary)


def test_what_is_left_out_and_the_marker_words() -> None:
    assert excluded_asked("ban le hang hoa (khong tinh dich vu) thang 8") == "dich vu"
    assert excluded_asked("thu noi dia khong ke tien su dung dat nam 2018") == \
        "tien su dung dat"
    assert excluded_asked("khach luu tru thang 8 bao nhieu") == ""
    # "tỉnh" asked besides "không tính": its folded "tinh" stays asked
    assert excluded_marker_words("thu ngan sach tinh khong tinh dau tho") == {"khong"}


def test_a_whole_listing_the_part_left_out_is_no_answer(service: RagService) -> None:
    """"không tính thu xuất nhập khẩu": neither the total that lists that part ("Trong đó,
    ... thu từ hoạt động xuất nhập khẩu đạt 5.460 tỷ đồng") nor the part itself (s47 bt18a:
    the total at 1.0)."""
    answer = service.ask("Thu ngân sách không tính thu xuất nhập khẩu 10 tháng năm 2084?",
                         AskOptions(retrieval_mode="lexical"))
    assert not answer.found or answer.answer.startswith("3.960"), answer.answer

