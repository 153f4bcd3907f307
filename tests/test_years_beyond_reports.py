"""A year outside 1990-2039 is a year when a word makes it one: histories write "năm 1925",
"năm 1858", plans "tầm nhìn đến năm 2050", "giai đoạn 2041-2045" (session 51).  The period
reader (rag.vi.periods.YEAR_RE) took only 1990-2039, so a statement question asking a year the
text does not give was answered with another year's sentence ("Nhà thờ ... xây dựng vào năm
1892 phải không?" with the 1925 sentence), and "Ai giữ chức ... năm 1965?" named the chief of
1978 at 0.99.  A bare four-digit number keeps the narrow range: "2045 tấn", "số 1925",
"1.950 ha", "mỗi năm 1500 lượt" hold no year."""

from __future__ import annotations

import pytest

from rag.vi.periods import YEAR_RE, find_years, scope_of
from rag.vi.text import fold


@pytest.mark.parametrize(("text", "years"), [
    ("Nhà thờ Lạng Sơn được xây dựng năm 1925.", [1925]),
    ("Năm 1858, thực dân Pháp nổ súng tấn công Đà Nẵng.", [1858]),
    ("Quy hoạch tỉnh thời kỳ 2021-2030, tầm nhìn đến năm 2050.", [2021, 2030, 2050]),
    ("Tăng trưởng bình quân giai đoạn 2041 - 2045 đạt 7%.", [2041, 2045]),
    ("Tầm nhìn 2045, tỉnh trở thành trung tâm logistics.", [2045]),
    ("Cách mạng tháng 8/1945 thành công, ngày 2/9/1945 Bác đọc Tuyên ngôn.", [1945, 1945]),
    ("Cuộc kháng chiến năm 1858-1884 kéo dài.", [1858, 1884]),
    ("Năm 2034, tỷ lệ đô thị hóa đạt 24,5%.", [2034]),  # the narrow range as before
    ("Số liệu 2035 được công bố.", [2035]),
])
def test_a_year_after_its_word(text: str, years: list[int]) -> None:
    assert find_years(text)[0] == years


@pytest.mark.parametrize("text", [
    "Tỉnh có 2045 tấn hàng hóa qua cửa khẩu mỗi ngày.",
    "Diện tích trồng mới đạt 1.950 ha.",
    "Nhà số 1925 đường Bà Triệu.",
    "Mỗi năm 1500 lượt khách đến tham quan.",
    "Hàng năm 1200 tấn hồi được xuất khẩu.",
    "Đạt 2050 tỷ đồng, năm 999 và năm 2250 không có.",
    "Nhà thờ có từ thế kỷ XIX.",
])
def test_no_year_without_its_word(text: str) -> None:
    assert find_years(text) == ([], [])
    assert not YEAR_RE.search(fold(text))


def test_a_compared_year_beyond_the_range() -> None:
    scope = scope_of("Tỷ lệ đô thị hóa năm 2045 so với năm 1995 và so với năm 1945?")
    assert scope.years == {2045} and scope.comparison_years == {1995, 1945}


PLAN = ("Định hướng phát triển tỉnh Lạng Sơn\n20/6/2034\n\n"
        "Theo quy hoạch, đến năm 2045 Lạng Sơn trở thành trung tâm logistics của vùng trung du "
        "miền núi phía Bắc. Đến năm 2050, tỉnh hoàn thành tuyến cao tốc Đồng Đăng - Trà Lĩnh "
        "và sân bay Đồng Đăng.\n")
CHIEFS = ("Lãnh đạo Sở Công Thương qua các thời kỳ\n12/5/2036\n\n"
          "Năm 1996, ông Hoàng Văn Bình được bổ nhiệm Giám đốc Sở Thương mại. "
          "Năm 1978, ông Nông Đức Mạnh giữ chức Trưởng ty Thương nghiệp. "
          "Năm 1965, ông Lương Văn Tri giữ chức Trưởng ty Thương nghiệp.\n")
HISTORY = ("Lịch sử Nhà thờ Lạng Sơn\n12/5/2036\n\n"
           "Nhà thờ Lạng Sơn được xây dựng năm 1925 theo lối kiến trúc Gothic. "
           "Năm 1945, nhà thờ bị hư hại nặng trong chiến tranh. "
           "Cầu Kỳ Lừa được khánh thành năm 1892 dưới thời Pháp thuộc. "
           "Chợ Kỳ Lừa có 2045 gian hàng.\n")
URBAN = ("Quy hoạch tỉnh thời kỳ 2031-2040, tầm nhìn đến năm 2055\n20/6/2034\n\n"
         "Năm 2034, tỷ lệ đô thị hóa của tỉnh đạt 24,5%. Đến năm 2040, tỷ lệ đô thị hóa đạt 35%. "
         "Đến năm 2045, tỷ lệ đô thị hóa đạt 44%. Tầm nhìn đến năm 2055, tỷ lệ đô thị hóa đạt "
         "52%.\n")


@pytest.fixture(scope="module")
def service(tmp_path_factory):
    from conftest import service_over_files

    return service_over_files(tmp_path_factory.mktemp("years"),
                              {"plan.txt": PLAN, "chiefs.txt": CHIEFS, "history.txt": HISTORY,
                               "urban.txt": URBAN})


def _ask(service, question: str):
    from rag.records import AskOptions

    return service.ask(question, AskOptions(retrieval_mode="lexical"))


@pytest.mark.parametrize(("question", "wrong"), [
    # the year asked is another sentence's: no answer of the year the text gives
    ("Nhà thờ Lạng Sơn được xây dựng vào năm 1892 phải không?", "1925"),
    ("Cầu Kỳ Lừa được khánh thành năm 1925 phải không?", "1892"),
    ("Đến năm 2050 Lạng Sơn trở thành trung tâm logistics của vùng phải không?", "2045"),
    ("Ai giữ chức Trưởng ty Thương nghiệp năm 1925?", "Nông Đức Mạnh"),
    ("Ai được bổ nhiệm Giám đốc Sở Thương mại năm 1978?", "Hoàng Văn Bình"),
])
def test_a_year_the_text_does_not_give_is_refused(service, question: str, wrong: str) -> None:
    a = _ask(service, question)
    assert not a.found or wrong not in a.answer, (a.answer, a.confidence)


@pytest.mark.parametrize(("question", "right"), [
    ("Ai giữ chức Trưởng ty Thương nghiệp năm 1965?", "Lương Văn Tri"),
    ("Năm 1965 ai giữ chức Trưởng ty Thương nghiệp?", "Lương Văn Tri"),
    ("Ai giữ chức Trưởng ty Thương nghiệp năm 1978?", "Nông Đức Mạnh"),
    ("Ai được bổ nhiệm Giám đốc Sở Thương mại năm 1996?", "Hoàng Văn Bình"),
])
def test_the_sentence_of_the_year_asked(service, question: str, right: str) -> None:
    a = _ask(service, question)
    assert a.found and right in a.answer, (a.answer, a.confidence)


@pytest.mark.parametrize(("question", "right"), [
    # "khi nào", "năm nào": those years answer
    ("Cầu Kỳ Lừa được khánh thành năm nào?", "1892"),
    ("Nhà thờ Lạng Sơn được xây dựng năm nào?", "1925"),
    ("Nhà thờ bị hư hại nặng năm nào?", "1945"),
    ("Khi nào tỉnh hoàn thành tuyến cao tốc Đồng Đăng - Trà Lĩnh?", "2050"),
    ("Lạng Sơn trở thành trung tâm logistics của vùng vào năm nào?", "2045"),
    # a figure of a period past 2039 is that period's
    ("Tỷ lệ đô thị hóa đến năm 2045 đạt bao nhiêu?", "44%"),
    ("Tầm nhìn đến năm 2055 tỷ lệ đô thị hóa đạt bao nhiêu?", "52%"),
    ("Tỷ lệ đô thị hóa đến năm 2040 là bao nhiêu?", "35%"),
    ("Tỷ lệ đô thị hóa năm 2034 đạt bao nhiêu?", "24,5%"),
])
def test_years_beyond_the_range_answer(service, question: str, right: str) -> None:
    a = _ask(service, question)
    assert a.found and right in a.answer, (a.answer, a.confidence)
