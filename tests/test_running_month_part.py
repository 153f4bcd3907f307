"""A month a report serves beside its running total ("5 tháng đầu năm 2035, tổng kim ngạch ...
đạt 3.418 triệu USD ... Riêng tháng 5/2035, kim ngạch ... đạt 741 triệu USD"; issue 17,
break-test s44 bt17s) is the last month of that cumulative: asked for longer months ("6 tháng
đầu năm 2035") the cumulative is an earlier report's figure, refused
(rag.answer.figures.earlier_running_total), and its month is no part so far of them either
(rag.answer.figures.inside_earlier_total) -- never served as the 6 months' partial answer.
And a cut-off day asked "tính đến (ngày) D" reads as "đến hết ngày D" does: its lead words
are the period's, not the indicator's (rag.answer.intent._CUT_OFF_BEFORE_DATE)."""

from __future__ import annotations

import pytest
from conftest import service_over_files
from helpers import report_file

from rag.answer.intent import content_runs
from rag.records import AskOptions
from rag.vi.text import fold

# (reader's shape, paragraphs, the longer months asked, the month's figure, the total's)
CASES = [
    ("html", ["Hoạt động xuất nhập khẩu 5 tháng đầu năm 2035 qua địa bàn tỉnh",
              "Lạng Sơn, ngày 3/6/2035",
              "Theo Cục Hải quan tỉnh, 5 tháng đầu năm 2035, tổng kim ngạch xuất nhập khẩu hàng "
              "hóa qua địa bàn tỉnh (tất cả các loại hình) đạt 3.418 triệu USD, tăng 14,6% so "
              "với cùng kỳ năm 2034.",
              "Riêng tháng 5/2035, kim ngạch xuất nhập khẩu qua địa bàn đạt 741 triệu USD, giảm "
              "2,3% so với tháng 4."],
     "Kim ngạch 6 tháng đầu năm 2035?", "741", "3.418"),
    ("txt", ["Tình hình thương mại 8 tháng năm 2036", "Ngày 5/9/2036",
             "8 tháng năm 2036, tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng trên địa "
             "bàn tỉnh đạt 21.450 tỷ đồng, tăng 9,2% so với cùng kỳ.",
             "Riêng tháng 8/2036, tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng đạt "
             "2.780 tỷ đồng."],
     "Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng 9 tháng năm 2036?",
     "2.780", "21.450"),
    ("docx", ["Báo cáo thu ngân sách 4 tháng đầu năm 2037", "Ngày 6/5/2037",
              "4 tháng đầu năm 2037, tổng thu ngân sách nhà nước trên địa bàn đạt 2.140 tỷ "
              "đồng, bằng 38,5% dự toán.",
              "Riêng tháng 4/2037, thu ngân sách nhà nước trên địa bàn đạt 560 tỷ đồng."],
     "Tổng thu ngân sách nhà nước 6 tháng đầu năm 2037?", "560", "2.140"),
]


@pytest.mark.parametrize("kind,paragraphs,longer_q,month,total", CASES)
def test_the_month_of_an_earlier_cumulative_is_no_part_of_longer_months(
        tmp_path_factory: pytest.TempPathFactory, kind: str, paragraphs: list[str],
        longer_q: str, month: str, total: str) -> None:
    name, data = report_file(kind, paragraphs)
    service = service_over_files(tmp_path_factory.mktemp("runmonth"), {name: data})
    longer = service.ask(longer_q, AskOptions())
    assert not (longer.found and month in longer.answer), longer.answer
    # near-misses: the month asked gets the month, the cumulative's months the cumulative
    months, year = paragraphs[-1].split("tháng ", 1)[1].split(",")[0].split("/")
    subject = longer_q.split(" 6 tháng")[0].split(" 9 tháng")[0]
    own = service.ask(f"{subject} tháng {months}/{year}?", AskOptions())
    assert own.found and month in own.answer and own.period_match == "exact", own.answer


def test_the_month_alone_stays_a_part(tmp_path_factory: pytest.TempPathFactory) -> None:
    """A report of the month only, with no cumulative beside it: the month is the part of the
    6 months the reports hold, said as such (rag.answer.answerer's partial answers)."""
    name, data = report_file("txt", [
        "Hoạt động xuất nhập khẩu tháng 5/2035", "Ngày 3/6/2035",
        "Tháng 5/2035, kim ngạch xuất nhập khẩu qua địa bàn đạt 741 triệu USD, giảm 2,3% so "
        "với tháng 4."])
    service = service_over_files(tmp_path_factory.mktemp("runmonth_alone"), {name: data})
    answer = service.ask("Kim ngạch xuất nhập khẩu 6 tháng đầu năm 2035?", AskOptions())
    assert answer.found and "741" in answer.answer and answer.period_match == "partial", \
        answer.answer


def test_a_month_part_on_its_own_basis_keeps_its_basis(
        tmp_path_factory: pytest.TempPathFactory) -> None:
    """The month of a narrower basis than the cumulative beside it ("hàng hóa mở tờ khai"
    against "tất cả các loại hình") is no month of that cumulative: it stays what it was."""
    paragraphs = [
        "Hoạt động xuất nhập khẩu 5 tháng đầu năm 2035", "Ngày 3/6/2035",
        "5 tháng đầu năm 2035, tổng kim ngạch xuất nhập khẩu hàng hóa qua địa bàn tỉnh (tất cả "
        "các loại hình) đạt 3.418 triệu USD.",
        "Riêng tháng 5/2035, kim ngạch hàng hóa mở tờ khai tại Cục Hải quan tỉnh đạt 352 "
        "triệu USD."]
    question = "Kim ngạch hàng hóa mở tờ khai tại Cục Hải quan tỉnh 6 tháng đầu năm 2035?"
    name, data = report_file("txt", paragraphs)
    service = service_over_files(tmp_path_factory.mktemp("runmonth_basis"), {name: data})
    answer = service.ask(question, AskOptions())
    assert answer.found and "352" in answer.answer and answer.period_match == "partial", \
        answer.answer


# (reader's shape, the cut-off sentence, questions written other ways, the figure)
CUT_OFFS = [
    ("txt", "Đến hết ngày 15/12/2041, tổng thu ngân sách nhà nước trên địa bàn đạt 6.245 tỷ "
            "đồng.",
     ["Tổng thu ngân sách nhà nước tính đến ngày 15/12/2041?",
      "Tổng thu ngân sách nhà nước tính đến 15/12/2041 là bao nhiêu?",
      "Tổng thu ngân sách nhà nước đến hết ngày 15/12/2041?"], "6.245"),
    ("html", "Tính đến ngày 20/11/2042, tổng kim ngạch xuất nhập khẩu qua địa bàn đạt 4.870 "
             "triệu USD.",
     ["Tổng kim ngạch xuất nhập khẩu tính đến ngày 20/11/2042?",
      "Tổng kim ngạch xuất nhập khẩu từ đầu năm đến ngày 20/11/2042?",
      "Tổng kim ngạch xuất nhập khẩu đến hết 20/11/2042?"], "4.870"),
    ("docx", "Lũy kế đến ngày 10/10/2043, tổng lượt khách du lịch đến Lạng Sơn đạt 2,96 triệu "
             "lượt.",
     ["Tổng lượt khách du lịch tính đến ngày 10/10/2043?",
      "Tổng lượt khách du lịch lũy kế đến ngày 10/10/2043?"], "2,96"),
]


@pytest.mark.parametrize("kind,sentence,questions,figure", CUT_OFFS)
def test_a_cut_off_asked_any_way_reads_as_the_reports(
        tmp_path_factory: pytest.TempPathFactory, kind: str, sentence: str,
        questions: list[str], figure: str) -> None:
    year = sentence.split("/")[2][:4]
    name, data = report_file(kind, [f"Báo cáo kết quả kinh tế năm {year}",
                                    f"Ngày 25/12/{year}", sentence])
    service = service_over_files(tmp_path_factory.mktemp("cutoff"), {name: data})
    for question in questions:
        answer = service.ask(question, AskOptions())
        assert answer.found and figure in answer.answer and answer.period_match == "exact", \
            (question, answer.answer)


def test_the_cut_off_words_are_no_content_words() -> None:
    def words(question: str) -> list[str]:
        return [w for run in content_runs(question.lower(), fold(question).lower()) for w in run]
    assert "tinh" not in words("Tổng thu ngân sách nhà nước tính đến ngày 15/12/2041?")
    assert "het" not in words("Tổng thu ngân sách nhà nước đến hết ngày 15/12/2041?")
    assert "tinh" not in words("Số xe qua cửa khẩu tính đến 17 giờ ngày 15/12/2041?")
    # "tinh" of the indicator stays one: "tinh dầu" is what is counted
    assert words("Sản lượng tinh dầu hồi tính đến ngày 15/12/2041?").count("tinh") == 1
    assert "tinh" in words("Doanh thu tinh bột sắn đến ngày 15/12/2041?")
