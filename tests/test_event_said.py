"""A statement answer says the event the question asks, not another event of the same thing
nor its opposite (break-test bt24b, session 51): "Ga xe lửa ... bị phá hủy năm nào?" got the
year it was built ("được xây dựng năm 1925"), "câu lạc bộ ... lãi bao nhiêu?" the loss
("lỗ khoảng 25 tỷ đồng"), "chủ tịch cuối cùng" the first one, "bao nhiêu lượt khách Thái
Lan?" the total of all visitors (rag.answer.event_said)."""

from __future__ import annotations

import pytest

from rag.answer.event_said import asked_said, counted_name_unsaid, event_unsaid, opposite_said
from rag.vi.words import is_word

TOWN = ("Lịch sử thị trấn Khánh Vân\n\n"
        "Thị trấn Khánh Vân nằm bên bờ sông Đà Giang. Năm 2031, thương nhân Đỗ Văn Tâm lập "
        "chợ Khánh Vân bên bến sông. Đến năm 2033, chính quyền cho xây dựng cầu Khánh Vân bắc "
        "qua sông Đà Giang. Năm 2034, ông Lê Minh Hòa được bổ nhiệm làm chủ tịch đầu tiên của "
        "ủy ban nhân dân thị trấn Khánh Vân. Trường Trung học Khánh Vân là trường trung học "
        "đầu tiên của huyện Đông Sơn.\n")
CLUB = ("Câu lạc bộ bóng đá Hải Phong\n\n"
        "Câu lạc bộ bóng đá Hải Phong được thành lập năm 2035 tại thành phố Hải Phong. Năm "
        "2038, câu lạc bộ Hải Phong lỗ khoảng 25 tỷ đồng do chi phí lương cầu thủ tăng cao. "
        "Năm 2037, câu lạc bộ Hải Phong thua câu lạc bộ Bình Minh ở bán kết cúp quốc gia. "
        "Tiền đạo Ngô Văn Cường là cầu thủ ghi nhiều bàn thắng nhất lịch sử câu lạc bộ Hải "
        "Phong.\n")
FESTIVAL = ("Lễ hội Hoa Mơ Mộc Châu\n\n"
            "Lễ hội Hoa Mơ Mộc Châu được tổ chức vào mùa xuân hằng năm. Lễ hội Hoa Mơ năm "
            "2036 thu hút khoảng 45.000 lượt khách, tăng gần gấp đôi so với năm 2032.\n")


@pytest.fixture(scope="module")
def service(tmp_path_factory):
    from conftest import service_over_files
    return service_over_files(tmp_path_factory.mktemp("events"), {
        "thi_tran.txt": TOWN, "cau_lac_bo.txt": CLUB, "le_hoi.txt": FESTIVAL})


def ask(service, question: str):
    from rag.records import AskOptions
    return service.ask(question, AskOptions(retrieval_mode="lexical"))


@pytest.mark.parametrize("question", [
    # another event of the same thing: the year it was built
    "Cầu Khánh Vân bị phá hủy năm nào?",
    "Cầu Khánh Vân bị phá bỏ vào năm nào?",
    "Câu lạc bộ Hải Phong bị giải thể năm nào?",
    # the opposite of what is asked
    "Ai là chủ tịch cuối cùng của ủy ban nhân dân thị trấn Khánh Vân?",
    "Trường trung học cuối cùng của huyện Đông Sơn là trường nào?",
    "Năm 2038 câu lạc bộ Hải Phong lãi bao nhiêu?",
    "Câu lạc bộ Hải Phong thắng đội nào ở bán kết cúp quốc gia năm 2037?",
    "Ai là cầu thủ ghi ít bàn thắng nhất lịch sử câu lạc bộ Hải Phong?",
    # a part of what the sentence counts
    "Lễ hội Hoa Mơ năm 2036 thu hút bao nhiêu lượt khách Nhật Bản?",
])
def test_another_event_or_its_opposite_is_refused(service, question: str) -> None:
    a = ask(service, question)
    assert not a.found, (a.answer, a.confidence)


@pytest.mark.parametrize(("question", "expected"), [
    ("Cầu Khánh Vân được xây dựng năm nào?", "2033"),
    ("Câu lạc bộ Hải Phong được thành lập năm nào?", "2035"),
    ("Ai là chủ tịch đầu tiên của ủy ban nhân dân thị trấn Khánh Vân?", "Lê Minh Hòa"),
    ("Ai là cầu thủ ghi nhiều bàn thắng nhất lịch sử câu lạc bộ Hải Phong?", "Ngô Văn Cường"),
    ("Lễ hội Hoa Mơ năm 2036 thu hút bao nhiêu lượt khách?", "45.000"),
])
def test_the_event_asked_is_answered(service, question: str, expected: str) -> None:
    a = ask(service, question)
    assert a.found and expected in a.answer, (a.answer, a.confidence)


@pytest.mark.parametrize(("question", "sentence", "said"), [
    ("Câu lạc bộ lãi bao nhiêu?", "Năm 2038, câu lạc bộ lỗ khoảng 25 tỷ đồng.", True),
    ("Câu lạc bộ lãi bao nhiêu?", "Lãi suất cho vay giảm, câu lạc bộ lãi 5 tỷ đồng.", False),
    ("Ai ghi ít bàn thắng nhất?", "Cường là cầu thủ ghi nhiều bàn thắng nhất.", True),
    ("Đội thắng đội nào?", "Đội ghi 3 bàn thắng nhưng thua 3-4.", True),
    ("Đội thắng đội nào?", "Đội thắng 2-1 sau khi bị dẫn trước, trận lượt về thua.", False),
    ("Phụ lưu nhỏ nhất là gì?", "Trong đó lớn nhất là sông Đắk Rơ.", True),
    ("Vì sao doanh thu tăng?", "Doanh thu giảm 6% do giá tăng.", False),  # both said
    # the last one said otherwise (XQuAD-vi dev)
    ("Tập phim cuối cùng mà ông viết nhạc là gì?",
     "Nhạc phim đầu tiên của ông là A (1964), kết thúc với B (1979).", False),
])
def test_opposite_said(question: str, sentence: str, said: bool) -> None:
    assert opposite_said(question, sentence) is said


def test_rise_and_fall_left_to_the_figure_path() -> None:
    # "giảm" asked of a rise reads as a negative change on the figure path
    assert opposite_said("Doanh thu giảm bao nhiêu?", "Doanh thu tăng 5%.")
    assert not opposite_said("Doanh thu giảm bao nhiêu?", "Doanh thu tăng 5%.",
                             rise_fall=False)


@pytest.mark.parametrize(("question", "sentence", "unsaid"), [
    ("Ga bị phá hủy năm nào?", "Năm 2033, chính quyền cho xây dựng ga.", True),
    ("Ga bị phá hủy năm nào?", "Năm 2047, ga bị phá hủy do hỏa hoạn.", False),
    ("Lễ hội bị đưa ra khỏi danh mục năm nào?", "Năm 2038, Bộ đưa lễ hội vào danh mục.",
     True),
    ("Chợ được lập vào năm nào?", "Năm 2031, thương nhân Tâm lập chợ.", False),
    # "được" is no event marker: a year is written with what was passed (XQuAD-vi dev)
    ("Đạo luật được thông qua năm nào?", "Đạo luật Trường học năm 1996 công nhận ...", False),
    ("Đội giành được bao nhiêu cúp?", "Đội có 3 cúp.", False),  # no passive marker
])
def test_event_unsaid(question: str, sentence: str, unsaid: bool) -> None:
    assert event_unsaid(question, sentence, lambda a, b: is_word(a, b, None)) is unsaid


def test_counted_name_unsaid() -> None:
    asked = "Lễ hội thu hút bao nhiêu lượt khách Thái Lan?"
    assert counted_name_unsaid(asked, "Lễ hội thu hút khoảng 45.000 lượt khách.")
    assert not counted_name_unsaid(asked, "Lễ hội đón 3.000 lượt khách Thái Lan.")
    assert not counted_name_unsaid("Hà Nội có bao nhiêu quận?", "Thành phố có 12 quận.")
    # a holiday is when, not which (dev4)
    assert not counted_name_unsaid("Mẫu Sơn đón bao nhiêu lượt khách Tết 2032?",
                                   "Khu du lịch Mẫu Sơn đón 42.300 lượt khách.")


def test_asked_said_after_the_same_word() -> None:
    words = lambda a, b: is_word(a, b, None)  # noqa: E731
    assert asked_said("Phụ lưu nhỏ nhất là gì?", "Phụ lưu nhỏ nhất là suối Khe Cát.", words)
    assert not asked_said("Thị trường xuất khẩu nhỏ nhất là nước nào?",
                          "Nhà máy nhỏ nhất ở Vĩnh Long.", words)
    assert asked_said("Câu lạc bộ bị giải thể năm nào?",
                      "Câu lạc bộ bị giải thể năm 2039.", words)
    # "finally" is no rank
    assert not opposite_said("Obama cuối cùng đã đến thăm Kenya khi nào?",
                             "Obama là tổng thống Mỹ đầu tiên đến thăm Kenya.")
