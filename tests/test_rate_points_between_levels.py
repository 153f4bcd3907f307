"""A change of a rate asked in percentage points between two periods whose levels are stated
(issue 16 bt12-b16 failure 1: "tỷ lệ tiêm chủng năm 2089 tăng bao nhiêu điểm phần trăm so
với 2088" of a table row with both years was refused): answered with the two levels and their
difference in points -- never in percent -- as a change between two stated amounts is
answered with the two levels; "điểm %", "pp", "mấy điểm" wordings; a difference in points
stated of another rate, or the growth rate of another indicator, answers no such question."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import service_over_files

from rag.records import AskOptions
from rag.service import RagService

CSV = ("Chỉ tiêu;Năm 2070;Năm 2071\n"
       "Số trạm y tế;312;318\n"
       "Tỷ lệ hộ nghèo đa chiều (%);7,8;6,3\n"
       "Tỷ lệ đô thị hóa (%);41,2;43,5\n")
LABOUR_2064 = ("BÁO CÁO TÌNH HÌNH KINH TẾ - XÃ HỘI TỈNH HÀ NAM NĂM 2064\n\n"
               "Năm 2064, tỷ lệ lao động qua đào tạo của tỉnh đạt 71,6%.\n"
               "Tỷ lệ người dân tham gia bảo hiểm y tế năm 2064 đạt 92,35%.\n")
LABOUR_2065 = ("BÁO CÁO TÌNH HÌNH KINH TẾ - XÃ HỘI TỈNH HÀ NAM NĂM 2065\n\n"
               "Năm 2065, tỷ lệ lao động qua đào tạo của tỉnh đạt 73,1%.\n"
               "Tỷ lệ người dân tham gia bảo hiểm y tế năm 2065 đạt 93,05%, tăng 0,7 điểm phần "
               "trăm so với năm 2064.\n")
DISBURSED = ("BÁO CÁO TIẾN ĐỘ GIẢI NGÂN VỐN ĐẦU TƯ CÔNG TỈNH KON TUM\n\n"
             "Quý I/2058, tỷ lệ giải ngân vốn đầu tư công đạt 18,4%.\n"
             "Quý I/2059, tỷ lệ giải ngân vốn đầu tư công đạt 21,9%; tốc độ tăng tổng vốn đầu "
             "tư toàn xã hội đạt 9,2%.\n"
             "Tốc độ tăng tổng vốn đầu tư toàn xã hội quý I/2058 đạt 10,6%.\n")


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over_files(tmp_path_factory.mktemp("rate_points"), {
        "xa_hoi_2071.csv": CSV, "bc_2064.txt": LABOUR_2064, "bc_2065.txt": LABOUR_2065,
        "giai_ngan.txt": DISBURSED})


def _ask(service: RagService, question: str):
    return service.ask(question, AskOptions(retrieval_mode="lexical", today=date(2072, 3, 1)))


@pytest.mark.parametrize(("question", "levels", "points"), [
    ("tỷ lệ hộ nghèo năm 2071 giảm bao nhiêu điểm phần trăm so với 2070",
     ("7,8%", "6,3%"), "giảm 1,5 điểm phần trăm"),
    ("tỷ lệ hộ nghèo năm 2071 giảm bao nhiêu điểm phần trăm so với năm trước",
     ("7,8%", "6,3%"), "giảm 1,5 điểm phần trăm"),
    ("tỷ lệ đô thị hóa năm 2071 tăng bao nhiêu điểm % so với năm 2070",
     ("41,2%", "43,5%"), "tăng 2,3 điểm phần trăm"),
    ("tỷ lệ đô thị hoá 2071 tăng mấy pp so với 2070", ("41,2%", "43,5%"),
     "tăng 2,3 điểm phần trăm"),
    ("tỷ lệ đô thị hóa năm 2071 tăng hay giảm so với năm 2070", ("41,2%", "43,5%"),
     "tăng 2,3 điểm phần trăm"),
    # two documents, a stated difference in points of another rate beside the asked one
    ("tỷ lệ lao động qua đào tạo năm 2065 tăng bao nhiêu điểm phần trăm so với năm 2064",
     ("71,6%", "73,1%"), "tăng 1,5 điểm phần trăm"),
    # quarters, a growth rate of another indicator in the same sentences
    ("tỷ lệ giải ngân vốn đầu tư công quý I/2059 tăng bao nhiêu điểm phần trăm so với cùng kỳ",
     ("18,4%", "21,9%"), "tăng 3,5 điểm phần trăm"),
    ("tỷ lệ giải ngân vốn đầu tư công quý I/2059 cao hơn quý I/2058 mấy điểm %",
     ("18,4%", "21,9%"), "tăng 3,5 điểm phần trăm"),
])
def test_points_between_two_stated_levels(service: RagService, question: str,
                                          levels: tuple[str, str], points: str) -> None:
    reply = _ask(service, question)
    assert reply.found, reply.answer
    for level in levels:
        assert level in reply.answer, reply.answer
    assert points in (reply.summary or ""), reply.summary
    assert "%" not in (reply.summary or "").split(points)[1].split("(")[0]  # points, not %
    assert "Không tìm thấy" not in reply.answer


def test_a_stated_difference_of_the_asked_rate_still_answers(service: RagService) -> None:
    reply = _ask(service, "tỷ lệ người dân tham gia bảo hiểm y tế năm 2065 tăng bao nhiêu "
                          "điểm phần trăm so với năm 2064")
    assert reply.found and reply.answer.startswith("0,7 điểm phần trăm"), reply.answer


def test_growth_rates_are_differenced_in_points(service: RagService) -> None:
    reply = _ask(service, "tốc độ tăng tổng vốn đầu tư toàn xã hội quý I/2059 thấp hơn quý "
                          "I/2058 bao nhiêu điểm phần trăm")
    assert reply.found and "10,6%" in reply.answer and "9,2%" in reply.answer, reply.answer
    assert "giảm 1,4 điểm phần trăm" in (reply.summary or ""), reply.summary


def test_amounts_get_no_points(service: RagService) -> None:
    reply = _ask(service, "số trạm y tế năm 2071 tăng bao nhiêu so với 2070")
    assert reply.found and "312" in reply.answer and "318" in reply.answer, reply.answer
    assert "điểm phần trăm" not in f"{reply.answer} {reply.summary}"


# the minor of the same report: "bằng 54,2% dự toán" is of a budget estimate, no plan -- the
# summary keeps the document's word ("dự toán", "chỉ tiêu"), "kế hoạch" only when written so
SHARES = {
    "thu_chi_2062.txt": "Thu ngân sách nhà nước 9 tháng năm 2062 đạt 6.871 tỷ đồng, bằng 61,7% "
                        "dự toán.\n\nChi thường xuyên năm 2062 ước đạt 3.905 tỷ đồng, vượt 2,6% "
                        "dự toán HĐND tỉnh giao.",
    "lao_dong_2062.txt": "Số lao động được tạo việc làm năm 2062 đạt 24.310 người, bằng 97,2% "
                         "chỉ tiêu.",
    "xuat_khau_2062.txt": "Kim ngạch xuất khẩu năm 2062 đạt 1.930 triệu USD, bằng 104,1% kế "
                          "hoạch.",
}


@pytest.fixture(scope="module")
def shares(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over_files(tmp_path_factory.mktemp("plan_shares"), SHARES)


@pytest.mark.parametrize(("question", "said"), [
    ("thu ngân sách nhà nước 9 tháng năm 2062 đạt bao nhiêu % dự toán", "đạt 61,7% dự toán"),
    ("chi thường xuyên năm 2062 đạt bao nhiêu % dự toán",
     "vượt 2,6% dự toán, tức đạt 102,6% dự toán"),
    ("số lao động được tạo việc làm năm 2062 đạt bao nhiêu % chỉ tiêu", "đạt 97,2% chỉ tiêu"),
    ("kim ngạch xuất khẩu năm 2062 đạt bao nhiêu % kế hoạch",
     "đạt 104,1% kế hoạch, tức vượt 4,1% kế hoạch"),
])
def test_a_share_keeps_the_plan_as_written(shares: RagService, question: str, said: str) -> None:
    reply = shares.ask(question, AskOptions(retrieval_mode="lexical", today=date(2063, 3, 1)))
    assert said in (reply.summary or ""), reply.summary
