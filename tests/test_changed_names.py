"""A question that names someone or something, or writes a number, that the text it would be
answered from never writes is not answered from it: the UIT-ViQuAD 2.0 kinds of unanswerable
question that swap an entity or change a number (break-test bt24b, session 51: "Nguyễn Thị Hoa
sinh năm nào?" of an article about Nguyễn Thị Hoài got "năm 1931" at 1.0; on XQuAD-vi dev
questions with a name swapped, 109 of 254 were refused before, see
``bench/changed_questions.py``).  Names are read from capitals, so a question typed in title
case or in lower case names nothing, and a body named with its province ("Sở Công Thương Lạng
Sơn") is held by a text that writes "Sở Công Thương tỉnh Lạng Sơn"."""

from __future__ import annotations

import pytest

from rag.answer.answerability import name_runs, names_held, numbers_held
from rag.records import AskOptions


@pytest.mark.parametrize(("question", "runs"), [
    ("Luke Kuechly đã có bao nhiêu cú húc?", []),            # the first word: any first word
    ("Ai thay Nguyễn Thị Hoài giữ chức Viện trưởng?", ["nguyen thi hoai"]),
    ("Ai là Giám đốc Sở Công Thương Lạng Sơn?", ["so cong thuong lang son"]),
    ("Kim Ngạch Xuất Khẩu Năm 2034 Là Bao Nhiêu?", []),      # typed in title case
    ("ai la giam doc so cong thuong", []),
    ("Đội nào thắng Super Bowl XXXIII?", ["super bowl"]),      # a numeral ends the run
    ("Vùng Los Angeles-Long Beach có gì?", ["los angeles", "long beach"]),
])
def test_the_names_a_question_writes(question: str, runs: list[str]) -> None:
    assert name_runs(question) == runs


@pytest.mark.parametrize(("question", "text", "held"), [
    ("Ai sinh ra ở Nguyễn Thị Hoa?", "Bà Nguyễn Thị Hoài sinh năm 1931.", False),
    ("Năm sinh của Nguyễn Thị Hoài?", "Bà NGUYỄN THỊ HOÀI sinh năm 1931.", True),
    ("Đội Los Angeles Clipper chơi môn gì?", "Los Angeles Clippers chơi bóng rổ.", True),
    ("Ai là Giám đốc Sở Công Thương Lạng Sơn?",
     "Ông A, Giám đốc Sở Công Thương tỉnh Lạng Sơn, cho biết.", True),
    ("Ai là Giám đốc Sở Công Thương Cao Bằng?",
     "Ông A, Giám đốc Sở Công Thương tỉnh Lạng Sơn, cho biết.", False),
    ("Ai dẫn dắt Nguyen Van An?", "Đội của Nguyễn Văn An thắng.", True),  # typed bare
])
def test_a_name_held_by_the_text(question: str, text: str, held: bool) -> None:
    assert names_held(question, text) is held


@pytest.mark.parametrize(("question", "text", "held"), [
    ("Xa lộ 106 được nâng cấp vì sao?", "Xa lộ tiểu bang 99 được nâng cấp.", False),
    ("Xa lộ 99 được nâng cấp vì sao?", "Xa lộ tiểu bang 99 được nâng cấp.", True),
    ("Ai được chỉ định năm 1757?", "Năm 1756, Loudoun được chỉ định.", False),
    ("Ai được chỉ định năm 1757?", "Loudoun được chỉ định làm chỉ huy.", True),  # no year
    ("Ai cải cách vào thế kỷ 15?", "Vào thế kỷ XV, Lefèvre cải cách.", True),
    ("Phim nào ra mắt thập niên 80?", "Phim ra mắt những năm 1980.", True),
    ("Thuyết có 100 năm trước thuyết nào?", "Thuyết này có từ năm 1759.", True),
    ("Có 1.000 người dự không?", "Có 1000 người dự.", True),
])
def test_a_number_held_by_the_text(question: str, text: str, held: bool) -> None:
    assert numbers_held(question, text) is held


ARTICLE = ("Nguyễn Thị Hoài (nhà hóa học)\n"
           "\n"
           "Nguyễn Thị Hoài (sinh năm 1931 tại Nam Định, mất năm 2014 tại Hà Nội) là một nhà hóa "
           "học người Việt Nam, được biết đến với các nghiên cứu về hợp chất thiên nhiên từ cây "
           "thuốc.\n"
           "\n"
           "Thời niên thiếu và học vấn\n"
           "\n"
           "Bà sinh ra trong một gia đình nhà giáo; cha bà là thầy giáo Nguyễn Văn Tường, dạy học "
           "tại trường tiểu học Thành Nam. Năm 1950, bà thi đỗ vào Đại học Khoa học Hà Nội. Năm "
           "1958, bà được cử sang Liên Xô học tập tại Đại học Tổng hợp Leningrad và bảo vệ luận án"
           " phó tiến sĩ năm 1962 dưới sự hướng dẫn của giáo sư Ivan Petrov.\n"
           "\n"
           "Sự nghiệp\n"
           "\n"
           "Sau khi về nước năm 1963, bà giảng dạy tại Khoa Hóa, Trường Đại học Tổng hợp Hà Nội. "
           "Năm 1975, bà thành lập Phòng thí nghiệm Hóa học các hợp chất tự nhiên, phòng thí "
           "nghiệm đầu tiên ở Việt Nam chuyên về lĩnh vực này.\n"
           "\n"
           "Công trình nổi tiếng nhất của bà là việc tách chiết hoạt chất artemisinin từ cây thanh"
           " hao hoa vàng vào năm 1981, góp phần sản xuất thuốc chữa sốt rét trong nước. Nhờ công "
           "trình này, số ca tử vong do sốt rét tại các tỉnh miền núi phía Bắc giảm đáng kể trong "
           "thập niên 1980.\n"
           "\n"
           "Năm 1984, bà được phong học hàm giáo sư. Từ năm 1986 đến năm 1996, bà giữ chức Viện "
           "trưởng Viện Hóa học, thay cho giáo sư Đặng Văn Lộc.\n"
           "\n"
           "Bà đã công bố hơn 160 bài báo khoa học và hướng dẫn 23 nghiên cứu sinh bảo vệ thành "
           "công luận án tiến sĩ. Bà cũng là tác giả của cuốn sách \"Cây thuốc và hoạt chất\" xuất "
           "bản năm 1992.\n"
           "\n"
           "Giải thưởng\n"
           "\n"
           "Năm 1996, bà được trao Giải thưởng Hồ Chí Minh về khoa học và công nghệ. Năm 2001, bà "
           "nhận giải thưởng Kovalevskaya dành cho các nhà khoa học nữ. Bà không nhận giải thưởng "
           "quốc tế nào trước năm 1990.\n"
           "\n"
           "Đời tư\n"
           "\n"
           "Bà kết hôn với kỹ sư cầu đường Phạm Minh Châu vào năm 1964; hai người có hai con trai."
           " Bà qua đời ngày 8 tháng 3 năm 2014 tại Hà Nội, hưởng thọ 83 tuổi. Năm 2016, một con "
           "đường ở quận Cầu Giấy được đặt theo tên bà.\n"
           "\n")
REPORT = ("Tình hình xuất nhập khẩu tháng 3 năm 2034\n\n"
          "Tháng 3/2034, kim ngạch xuất khẩu qua cửa khẩu Hữu Nghị ước đạt 120,5 triệu USD, "
          "tăng 8% so với cùng kỳ.\n")


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory):
    from conftest import service_over_files
    return service_over_files(tmp_path_factory.mktemp("changed"),
                              {"hoai.txt": ARTICLE.encode(), "xnk.txt": REPORT.encode()})


@pytest.mark.parametrize(("question", "expected"), [
    ("Nguyễn Thị Hoài sinh năm nào?", "1931"),
    ("Năm 1975 Nguyễn Thị Hoài thành lập phòng thí nghiệm gì?", "hợp chất tự nhiên"),
    ("Xuất khẩu qua cửa khẩu Hữu Nghị tháng 3/2034 đạt bao nhiêu?", "120,5"),
    ("xuat khau qua cua khau huu nghi thang 3/2034", "120,5"),
])
def test_names_the_text_writes_are_answered(service, question: str, expected: str) -> None:
    a = service.ask(question, AskOptions(retrieval_mode="lexical"))
    assert a.found and expected in a.answer, (question, a.answer)


@pytest.mark.parametrize("question", [
    "Nguyễn Thị Hoa sinh năm nào?",                   # another person: "năm nào" (bt24b: 1.0)
    "Bà Lê Thị Hoài giữ chức Viện trưởng Viện Hóa học từ năm nào?",
    "Năm 1985 Nguyễn Thị Hoài thành lập phòng thí nghiệm gì?",  # a year the text lacks
    "Xuất khẩu qua cửa khẩu Bảo Lâm tháng 3/2034 đạt bao nhiêu?",  # a gate no report names
])
def test_names_and_numbers_the_text_lacks_are_refused(service, question: str) -> None:
    a = service.ask(question, AskOptions(retrieval_mode="lexical"))
    assert not a.found, (question, a.answer, a.confidence)
