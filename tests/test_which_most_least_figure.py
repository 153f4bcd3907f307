"""Which X rose most / is lowest, answered with the item AND its figure (issue 17).

Break-tests bt25-b17 Q16/Q36 ("nhóm hàng nào có chỉ số giá tăng cao nhất tháng 10?",
"thị trường nào tăng mạnh nhất 9 tháng?") and bt23-b17 Q21/Q34 came back as the whole
sentence with no figure, and a sentence naming both ends could be led by the other end.  A
which-most/least question is answered "<item>: <figure> (<period>)" from the clause stating
the asked end, or by comparing a list's figures when none states it; the direction asked
("giảm mạnh nhất" = the largest fall) is never inverted.  Other groups, markets, sectors,
districts, numbers and periods than the evidence."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import service_over_files

from rag.answer.prose_extremes import asked_direction
from rag.records import AskOptions
from rag.service import RagService
from rag.vi.text import fold

PRICES = ("BÁO CÁO TÌNH HÌNH KINH TẾ - XÃ HỘI TỈNH BẮC VÂN THÁNG 3 NĂM 2081\n\n"
          "Chỉ số giá tiêu dùng (CPI) tháng 3/2081 tăng 0,52% so với tháng trước. So với "
          "tháng trước, trong 11 nhóm hàng hóa và dịch vụ chính, nhóm giáo dục tăng mạnh "
          "nhất với 2,35%; nhóm thuốc và dịch vụ y tế tăng 0,41%; nhóm giao thông giảm mạnh "
          "nhất với 1,12%.\n")
MARKETS = ("TIN HẢI QUAN CHI CỤC HẢI QUAN ĐỒNG LẠC QUÝ I/2081\n\n"
           "Quý I/2081, kim ngạch xuất khẩu qua Chi cục Hải quan Đồng Lạc đạt 612,4 triệu USD. "
           "Theo thị trường, Hoa Kỳ đạt 201,7 triệu USD; Thái Lan là thị trường có kim ngạch "
           "thấp nhất với 42,6 triệu USD; trong đó thị trường Ấn Độ tăng nhanh nhất (48,3%).\n")
SECTORS = ("BÁO CÁO SẢN XUẤT CÔNG NGHIỆP TỈNH BẮC VÂN QUÝ I/2081\n\n"
           "Chỉ số sản xuất công nghiệp quý I/2081 tăng 6,2% so với cùng kỳ. So với cùng kỳ, "
           "ngành sản xuất đồ uống giảm 3,2%; ngành sản xuất giấy giảm 7,9%; ngành in ấn "
           "giảm 1,4%.\n")
TEA = ("BÁO CÁO SẢN XUẤT NÔNG NGHIỆP TỈNH BẮC VÂN NĂM 2080\n\n"
       "Năm 2080, về sản lượng chè búp tươi, cao nhất là huyện Tân Uyên với 12.400 tấn, thấp "
       "nhất là huyện Mường Khoa với 860 tấn.\n")

RANKED = ("TIN XUẤT KHẨU QUA CỬA KHẨU HỮU NGHỊ NAM NĂM 2080\n\n"
          "Theo thị trường, Lào là thị trường lớn nhất với 88,1 triệu USD; tiếp đến là "
          "Campuchia với 61,2 triệu USD; Myanmar đứng thứ ba với 30,5 triệu USD. Thị trường "
          "Malaysia đạt 12,4 triệu USD.\n")


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over_files(tmp_path_factory.mktemp("which_most"), {
        "cpi_3_2081.txt": PRICES, "hai_quan_q1_2081.txt": MARKETS,
        "iip_q1_2081.txt": SECTORS, "che_2080.txt": TEA,
        "huu_nghi_nam_2080.txt": RANKED})


def _ask(service: RagService, question: str, today: date):  # type: ignore[no-untyped-def]
    return service.ask(question, AskOptions(retrieval_mode="lexical", today=today))


@pytest.mark.parametrize("question, direction", [
    ("ngành nào tăng trưởng nhanh nhất?", 1),
    ("ngành nào giảm mạnh nhất?", -1),
    ("cửa khẩu nào đạt kim ngạch thấp nhất?", 0),
])
def test_the_direction_asked(question: str, direction: int) -> None:
    assert asked_direction(fold(question).lower()) == direction


@pytest.mark.parametrize("question, today, name, figure, others", [
    # prose, a rise stated "tăng mạnh nhất với": the item and its figure
    ("nhóm hàng nào có chỉ số giá tăng mạnh nhất tháng 3/2081?", date(2081, 4, 5),
     "nhóm giáo dục", "2,35", ("giao thông", "1,12", "0,41")),
    # the other end in the same sentence: "giảm mạnh nhất" is the largest fall, not a rise
    ("nhóm hàng nào giảm giá mạnh nhất tháng 3/2081?", date(2081, 4, 5),
     "nhóm giao thông", "1,12", ("giáo dục", "2,35")),
    # "thấp nhất với" and a bracketed "tăng nhanh nhất (N%)"
    ("thị trường nào có kim ngạch thấp nhất quý I/2081?", date(2081, 4, 20),
     "Thái Lan", "42,6", ("Hoa Kỳ", "Ấn Độ")),
    ("thị trường nào tăng trưởng nhanh nhất quý I/2081?", date(2081, 4, 20),
     "Ấn Độ", "48,3", ("Thái Lan", "Hoa Kỳ")),
    # "cao nhất là X với N, thấp nhất là Y với N": both directions
    ("huyện nào có sản lượng chè búp tươi thấp nhất năm 2080?", date(2081, 2, 1),
     "Mường Khoa", "860", ("Tân Uyên",)),
    ("huyện nào có sản lượng chè búp tươi cao nhất năm 2080?", date(2081, 2, 1),
     "Tân Uyên", "12.400", ("Mường Khoa",)),
    # a list stating no end: its figures compared, in the asked direction
    ("ngành nào giảm mạnh nhất quý I/2081?", date(2081, 4, 20),
     "sản xuất giấy", "7,9", ("đồ uống", "in ấn")),
    ("ngành nào giảm ít nhất quý I/2081?", date(2081, 4, 20),
     "in ấn", "1,4", ("đồ uống", "giấy")),
])
def test_the_item_with_its_figure(service: RagService, question: str, today: date, name: str,
                                  figure: str, others: tuple[str, ...]) -> None:
    answer = _ask(service, question, today)
    assert answer.found, answer.answer
    assert name in answer.answer and figure in answer.answer, answer.answer
    assert not any(o in answer.answer for o in others), answer.answer
    assert answer.citations and figure in answer.citations[0].quote


def test_a_rise_asked_is_never_answered_with_a_fall(service: RagService) -> None:
    # the sectors' report lists only falls: no sector "tăng mạnh nhất" to name from it
    answer = _ask(service, "ngành nào tăng mạnh nhất quý I/2081?", date(2081, 4, 20))
    assert not any(n in answer.answer for n in ("giấy", "đồ uống", "in ấn")) or \
        not answer.found, answer.answer


def test_a_ranking_of_top_items_names_no_other_end(service: RagService) -> None:
    # "lớn nhất ...; tiếp đến ...; đứng thứ ba": the top three, not all markets -- the third
    # is not the smallest (Malaysia, in the next sentence, is less)
    answer = _ask(service, "thị trường nào nhỏ nhất năm 2080?", date(2081, 2, 1))
    assert "Myanmar: 30,5" not in answer.answer, answer.answer
    most = _ask(service, "thị trường nào lớn nhất năm 2080?", date(2081, 2, 1))
    assert most.found and "Lào" in most.answer and "88,1" in most.answer, most.answer
