"""The district, town or commune a report's letterhead, title or lead names by its kind ("ỦY
BAN NHÂN DÂN HUYỆN SƠN KHÊ", "UBND THỊ XÃ ...") is the scope of every figure in it, the place
list knowing it or not: a question naming it without its kind ("thu ngân sách Sơn Khê năm
2075 tăng hay giảm so với 2074?") was refused, its name matched by no field of the figure
(issue 17, break-test bt22-b17).  A figure whose sentence names another place of a kind is
that place's; a place the document does not name is still refused."""

from __future__ import annotations

import pytest
from conftest import service_over_files

from rag.answer.places import kind_places, lead_places_asked
from rag.records import AskOptions
from rag.service import RagService
from rag.vi.text import fold

DOCS = {
    "ubnd-huyen-dong-que-2068.txt": (
        "ỦY BAN NHÂN DÂN HUYỆN ĐỒNG QUẾ\n"
        "TỈNH HÒA VĂN\n"
        "Số: 318/BC-UBND\n"
        "Đồng Quế, ngày 02 tháng 12 năm 2068\n\n"
        "BÁO CÁO\n"
        "Kết quả thực hiện nhiệm vụ phát triển kinh tế - xã hội năm 2068\n\n"
        "I. ĐÁNH GIÁ CHUNG\n"
        "Trong bối cảnh còn nhiều khó khăn, thời tiết diễn biến bất thường, giá vật tư đầu vào "
        "tăng cao, được sự quan tâm lãnh đạo, chỉ đạo sát sao của cấp trên, sự vào cuộc của cả "
        "hệ thống chính trị và sự đồng thuận của nhân dân, tình hình kinh tế - xã hội tiếp tục "
        "ổn định và có bước phát triển; công tác cải cách hành chính được đẩy mạnh, môi trường "
        "đầu tư kinh doanh được cải thiện; quốc phòng, an ninh được giữ vững, trật tự an toàn "
        "xã hội được bảo đảm. Các ngành, các cấp đã triển khai đồng bộ các giải pháp hỗ trợ "
        "doanh nghiệp, hợp tác xã phục hồi sản xuất, mở rộng thị trường tiêu thụ sản phẩm; "
        "chú trọng phát triển hạ tầng giao thông, thủy lợi, hạ tầng số; quan tâm thực hiện "
        "các chính sách an sinh xã hội, chăm lo đời sống người có công, hộ nghèo, đồng bào "
        "vùng sâu, vùng xa. Bên cạnh kết quả đạt được, còn một số hạn chế: tiến độ giải ngân "
        "vốn đầu tư công chậm, sản xuất nông nghiệp chịu ảnh hưởng của dịch bệnh trên cây "
        "trồng, vật nuôi; chất lượng nguồn nhân lực chưa đáp ứng yêu cầu.\n\n"
        "II. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU NĂM 2068\n"
        "1. Kinh tế\n"
        "Giá trị sản xuất trên địa bàn năm 2068 ước đạt 9.417 tỷ đồng, tăng 7,6% so với năm "
        "2067, đạt 100,8% kế hoạch.\n"
        "Thu ngân sách nhà nước trên địa bàn ước đạt 433,5 tỷ đồng, giảm 3,1% so với năm 2067, "
        "bằng 109,2% dự toán tỉnh giao.\n"
        "Sản lượng chè búp tươi đạt 21.760 tấn, tăng 4,4%.\n\n"
        "2. Xã hội\n"
        "Giải quyết việc làm mới cho 1.865 lao động, đạt 103% kế hoạch.\n"),
    "ubnd-thi-xa-ha-tan-q3-2069.txt": (
        "UBND THỊ XÃ HÀ TÂN\n"
        "Hà Tân, ngày 30 tháng 9 năm 2069\n\n"
        "Báo cáo tình hình kinh tế - xã hội 9 tháng năm 2069\n\n"
        "I. ĐÁNH GIÁ CHUNG\n"
        "Trong bối cảnh còn nhiều khó khăn, thời tiết diễn biến bất thường, giá vật tư đầu vào "
        "tăng cao, được sự quan tâm lãnh đạo, chỉ đạo sát sao của cấp trên, sự vào cuộc của cả "
        "hệ thống chính trị và sự đồng thuận của nhân dân, tình hình kinh tế - xã hội tiếp tục "
        "ổn định và có bước phát triển; công tác cải cách hành chính được đẩy mạnh, môi trường "
        "đầu tư kinh doanh được cải thiện; quốc phòng, an ninh được giữ vững, trật tự an toàn "
        "xã hội được bảo đảm. Các ngành, các cấp đã triển khai đồng bộ các giải pháp hỗ trợ "
        "doanh nghiệp, hợp tác xã phục hồi sản xuất, mở rộng thị trường tiêu thụ sản phẩm; "
        "chú trọng phát triển hạ tầng giao thông, thủy lợi, hạ tầng số; quan tâm thực hiện "
        "các chính sách an sinh xã hội, chăm lo đời sống người có công, hộ nghèo, đồng bào "
        "vùng sâu, vùng xa. Bên cạnh kết quả đạt được, còn một số hạn chế: tiến độ giải ngân "
        "vốn đầu tư công chậm, sản xuất nông nghiệp chịu ảnh hưởng của dịch bệnh trên cây "
        "trồng, vật nuôi; chất lượng nguồn nhân lực chưa đáp ứng yêu cầu.\n\n"
        "Tổng mức bán lẻ hàng hóa 9 tháng năm 2069 đạt 2.846 tỷ đồng, tăng 10,3% so với cùng "
        "kỳ. Riêng huyện Lục Yên của tỉnh bạn đạt 1.912 tỷ đồng mức bán lẻ cùng kỳ.\n"
        "Số hộ kinh doanh đăng ký mới 9 tháng đạt 742 hộ.\n"),
}


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over_files(tmp_path_factory.mktemp("headed"), DOCS)


@pytest.mark.parametrize(("question", "value"), [
    ("thu ngân sách Đồng Quế năm 2068 tăng hay giảm so với 2067?", "3,1"),
    ("thu ngan sach Dong Que nam 2068 tang hay giam so voi 2067?", "3,1"),
    ("thu ngan sach nam 2068 cua dong que bang bao nhieu % du toan tinh giao?", "109,2"),
    ("gia tri san xuat Dong Que 2068 dat bao nhieu % ke hoach?", "100,8"),
    ("số hộ kinh doanh đăng ký mới 9 tháng 2069 ở Hà Tân?", "742"),
    ("so ho kinh doanh dang ky moi 9 thang 2069 Ha Tan?", "742"),
])
def test_the_headed_place_answers_without_its_kind(service: RagService, question: str,
                                                   value: str) -> None:
    """The place's words are held by the figure (its heading's), not missing: the answer is
    about as sure as the same question without the place (over 0.8; at most 0.76 when the
    name was matched by nothing, the margin bt22-b17's longer report lost to the floor)."""
    answer = service.ask(question, AskOptions(retrieval_mode="lexical"))
    assert answer.found and value in answer.answer, answer.answer
    assert answer.confidence >= 0.8, answer.confidence


@pytest.mark.parametrize(("question", "value"), [
    ("giá trị sản xuất Đồng Quế năm 2068 đạt bao nhiêu?", "9.417"),
    ("sản lượng chè búp tươi của Đồng Quế năm 2068?", "21.760"),
])
def test_the_headed_place_still_answers(service: RagService, question: str,
                                        value: str) -> None:
    answer = service.ask(question, AskOptions(retrieval_mode="lexical"))
    assert answer.found and value in answer.answer, answer.answer


@pytest.mark.parametrize("question", [
    "thu ngân sách Mường Khoa năm 2068 tăng hay giảm so với 2067?",
    "sản lượng chè búp tươi của Tam Đường năm 2068?",
])
def test_a_place_the_document_does_not_head_is_refused(service: RagService,
                                                        question: str) -> None:
    answer = service.ask(question, AskOptions(retrieval_mode="lexical"))
    assert not answer.found, answer.answer


def test_places_named_by_their_kind() -> None:
    head = ("ỦY BAN NHÂN DÂN HUYỆN ĐỒNG QUẾ CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
            "Báo cáo kinh tế - xã hội của thị xã Hà Tân, qua cửa khẩu quốc tế Na Mèo")
    assert {"dong que", "ha tan", "na meo"} <= kind_places(head)
    assert not any(name.startswith("hoi") for name in kind_places(head))
    assert kind_places("toàn huyện có 14 xã đạt chuẩn; tỉnh giao") == frozenset()


def test_a_sentence_naming_another_place_keeps_its_own() -> None:
    text = DOCS["ubnd-thi-xa-ha-tan-q3-2069.txt"]
    asked = fold("mức bán lẻ Hà Tân 9 tháng 2069").lower()
    assert lead_places_asked(asked, "", text, "Tổng mức bán lẻ 9 tháng đạt 2.846 tỷ đồng.") == \
        "ha tan"
    assert lead_places_asked(asked, "", text, "Riêng huyện Lục Yên đạt 1.912 tỷ đồng.") == ""
    assert lead_places_asked(fold("mức bán lẻ Lục Yên").lower(), "", text, "") == ""
