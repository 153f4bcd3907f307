"""Two answers that served another figure than the one asked (issue 17).

1. A change asked of an indicator whose two levels are stated ("tỷ lệ giải ngân ... tăng bao
   nhiêu so với quý I/2058", no "điểm") was answered with another indicator's stated change
   ("Tốc độ tăng tổng vốn đầu tư ... 9,2%"): the asked indicator's own two levels answer (and
   their difference in points for rates) when the stated change's indicator names fewer of
   the question's words; a change stated of the asked indicator itself still answers.
2. A question naming only a list's lead-in ("Sản lượng một số cây trồng chính năm 2071: lúa
   312.500 tấn, ngô ...", no total stated) was answered with the first item as if the total:
   it gets the list, each item cited; a question naming an item still gets that item."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import service_over_files

from rag.records import AskOptions
from rag.service import RagService

RATES = ("BÁO CÁO KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU XÃ HỘI TỈNH BẮC KẠN\n\n"
         "Năm 2046, tỷ lệ trường học đạt chuẩn quốc gia của tỉnh đạt 58,3%; tốc độ tăng "
         "thu nhập bình quân đầu người đạt 7,4%.\n"
         "Năm 2047, tỷ lệ trường học đạt chuẩn quốc gia của tỉnh đạt 61,9%; tốc độ tăng "
         "thu nhập bình quân đầu người đạt 8,1%.\n"
         "Số doanh nghiệp đang hoạt động năm 2046 là 1.240 doanh nghiệp.\n"
         "Số doanh nghiệp đang hoạt động năm 2047 là 1.315 doanh nghiệp; tốc độ tăng tổng "
         "vốn đăng ký đạt 12,6%.\n"
         "Doanh thu du lịch năm 2047 đạt 2.450 tỷ đồng, tăng 14,2% so với năm 2046.\n"
         "Doanh thu du lịch năm 2046 đạt 2.145 tỷ đồng.\n")
LISTS = ("BÁO CÁO TÌNH HÌNH SẢN XUẤT CÔNG NGHIỆP VÀ THỦY SẢN 6 THÁNG ĐẦU NĂM 2083\n\n"
         "Sản phẩm công nghiệp chủ yếu 6 tháng đầu năm 2083: xi măng 1,24 triệu tấn, "
         "gạch nung 86 triệu viên, điện thương phẩm 412 triệu kWh.\n"
         "Sản lượng thủy sản khai thác năm 2083 gồm: cá 18.600 tấn; tôm 2.350 tấn; "
         "mực 1.120 tấn.\n"
         "Sản lượng thủy sản nuôi trồng năm 2083 đạt 9.800 tấn, trong đó cá 7.400 tấn, "
         "tôm 2.400 tấn.\n")


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over_files(tmp_path_factory.mktemp("own_levels_lists"), {
        "chi_tieu_2047.txt": RATES, "cong_nghiep_2083.txt": LISTS})


def _ask(service: RagService, question: str):
    return service.ask(question, AskOptions(retrieval_mode="lexical", today=date(2084, 3, 1)))


@pytest.mark.parametrize("question", [
    "tỷ lệ trường học đạt chuẩn quốc gia năm 2047 tăng bao nhiêu so với năm 2046?",
    "tỷ lệ trường đạt chuẩn quốc gia năm 2047 cao hơn năm 2046 bao nhiêu",
    "tỷ lệ trường học đạt chuẩn quốc gia năm 2047 so với năm 2046 tăng bao nhiêu",
])
def test_a_rates_own_levels_not_another_indicators_growth(service: RagService,
                                                           question: str) -> None:
    reply = _ask(service, question)
    assert reply.found, reply.answer
    assert "58,3%" in reply.answer and "61,9%" in reply.answer, reply.answer
    assert "8,1%" not in reply.answer and "7,4%" not in reply.answer
    assert "tăng 3,6 điểm phần trăm" in (reply.summary or ""), reply.summary


def test_an_amounts_own_levels_not_another_indicators_growth(service: RagService) -> None:
    reply = _ask(service, "số doanh nghiệp đang hoạt động năm 2047 tăng bao nhiêu so với "
                          "năm 2046?")
    assert reply.found, reply.answer
    assert "1.240" in reply.answer and "1.315" in reply.answer, reply.answer
    assert "12,6%" not in reply.answer
    assert "điểm phần trăm" not in (reply.summary or "")


def test_the_asked_indicators_stated_change_still_answers(service: RagService) -> None:
    reply = _ask(service, "doanh thu du lịch năm 2047 tăng bao nhiêu so với năm 2046?")
    assert reply.found, reply.answer
    assert "14,2%" in reply.answer, reply.answer


def test_the_other_indicators_growth_still_answers_itself(service: RagService) -> None:
    reply = _ask(service, "tốc độ tăng thu nhập bình quân đầu người năm 2047?")
    assert reply.found and "8,1%" in reply.answer, reply.answer


@pytest.mark.parametrize(("question", "items"), [
    ("sản phẩm công nghiệp chủ yếu 6 tháng đầu năm 2083?",
     ("1,24 triệu tấn", "86 triệu viên", "412 triệu kWh")),
    ("sản lượng thủy sản khai thác năm 2083 là bao nhiêu?",
     ("18.600 tấn", "2.350 tấn", "1.120 tấn")),
])
def test_a_lead_in_gets_the_list_not_its_first_item(service: RagService, question: str,
                                                    items: tuple[str, ...]) -> None:
    reply = _ask(service, question)
    if reply.found:
        for item in items:
            assert item in reply.answer, reply.answer
        assert len(reply.parts) == len(items), reply.parts  # each item cited
        assert all(p.citations for p in reply.parts)
        assert reply.confidence < 0.9
    else:  # a refusal names the items
        for item in items:
            assert item in reply.answer, reply.answer


@pytest.mark.parametrize(("question", "value", "others"), [
    ("sản lượng xi măng 6 tháng đầu năm 2083?", "1,24 triệu tấn", ("86 triệu viên",)),
    ("sản lượng tôm khai thác năm 2083?", "2.350 tấn", ("18.600 tấn", "1.120 tấn")),
    ("sản lượng thủy sản nuôi trồng năm 2083?", "9.800 tấn", ("7.400 tấn",)),
])
def test_an_item_or_a_stated_total_answers_alone(service: RagService, value: str,
                                                 question: str,
                                                 others: tuple[str, ...]) -> None:
    reply = _ask(service, question)
    assert reply.found and value in reply.answer, reply.answer
    for other in others:
        assert other not in reply.answer, reply.answer
