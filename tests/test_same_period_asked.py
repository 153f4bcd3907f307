""""Cùng kỳ năm 2071" in a question with no "so với"/"so cùng kỳ" before it names the period
asked -- the same part of 2071 as the report's own period -- not a change's base; a table's
"Cùng kỳ 2071" column holds the level of that part of 2071, and a "So sánh (%)" column beside
it is the ratio of the report's period to it.  A "So sánh ..." header's "so" is no "so với":
its summary said "so với sánh" (brief cungky of session 42: "doanh thu bán lẻ cùng kỳ năm
2021 là bao nhiêu?" over "Thực hiện 9 tháng 2022 | Cùng kỳ 2021 | So sánh (%)" answered the
ratio).  Every document is built here, in several formats, with other numbers and years."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import titled_tables_service

from rag.ingest.tables import compared_headers, same_period_columns
from rag.records import AskOptions
from rag.service import RagService
from rag.vi.asked import question_periods
from rag.vi.frames.document import extract

_SAME_ROWS = [["Chỉ tiêu", "ĐVT", "Thực hiện 9 tháng 2072", "Cùng kỳ 2071", "So sánh (%)"],
              ["Tổng mức bán lẻ hàng hóa", "Tỷ đồng", "23.480", "21.365", "109,9"],
              ["Kim ngạch nhập khẩu", "Triệu USD", "742", "815", "91,0"]]
_BEFORE_ROWS = [["Chỉ tiêu", "ĐVT", "Cùng kỳ năm trước", "Ước 6 tháng 2075", "So sánh (%)"],
                ["Sản lượng điện thương phẩm", "Triệu kWh", "1.214", "1.306", "107,6"]]
_CHANGE_ROWS = [["Chỉ tiêu", "ĐVT", "Năm 2077", "Năm 2078", "So sánh tăng, giảm (%)"],
                ["Sản lượng hoa hồi khô", "Tấn", "2.000", "1.880", "-6,0"]]
_PROSE = ("SỞ CÔNG THƯƠNG TỈNH BẮC HÀ\n\nBáo cáo tình hình thương mại 6 tháng đầu năm 2074\n\n"
          "Doanh thu dịch vụ lưu trú 6 tháng đầu năm 2074 đạt 1.462 tỷ đồng, cùng kỳ năm 2073 "
          "đạt 1.318 tỷ đồng.\n")


@pytest.fixture(scope="module", params=["xlsx", "html", "docx", "pdf"])
def service(request: pytest.FixtureRequest,
            tmp_path_factory: pytest.TempPathFactory) -> RagService:
    kind = request.param
    tables = [(_SAME_ROWS, "Tình hình thương mại 9 tháng năm 2072"),
              (_BEFORE_ROWS, "Kết quả sản xuất, cung ứng điện 6 tháng đầu năm 2075"),
              (_CHANGE_ROWS, "Kết quả sản xuất lâm nghiệp năm 2078")]
    return titled_tables_service(tmp_path_factory.mktemp(f"same_period_{kind}"), kind, tables,
                                 {"luutru_6thang_2074.txt": _PROSE})


def _ask(service: RagService, question: str) -> tuple[bool, str, str]:
    a = service.ask(question, AskOptions(today=date(2079, 3, 1)))
    return a.found, a.answer, a.summary or ""


@pytest.mark.parametrize(("question", "expected", "period"), [
    ("Tổng mức bán lẻ hàng hóa cùng kỳ năm 2071 là bao nhiêu?", "21.365", "9 tháng năm 2071"),
    ("kim ngach nhap khau cung ky 2071 dat bao nhieu?", "815", "9 tháng năm 2071"),
    ("Sản lượng điện thương phẩm cùng kỳ năm 2074 đạt bao nhiêu?", "1.214",
     "6 tháng đầu năm 2074"),
    ("doanh thu dịch vụ lưu trú cùng kỳ 2073 đạt bao nhiêu?", "1.318", "6 tháng đầu năm 2073"),
])
def test_same_period_asked_is_its_level(service: RagService, question: str, expected: str,
                                        period: str) -> None:
    found, answer, summary = _ask(service, question)
    assert found and expected in answer, (answer, summary)
    assert summary.startswith(period[0].upper() + period[1:]) or period in summary, summary


def test_compared_with_same_period_stays_a_change(service: RagService) -> None:
    # near-miss: "so với cùng kỳ năm 2071" is the base of the change asked
    found, answer, summary = _ask(
        service, "Tổng mức bán lẻ hàng hóa 9 tháng 2072 tăng bao nhiêu % so với cùng kỳ năm 2071?")
    assert found and "9,9%" in answer and "21.365" not in answer, (answer, summary)
    assert "so với cùng kỳ 2071" in summary and "sánh" not in summary, summary


@pytest.mark.parametrize(("question", "expected", "said"), [
    ("Kim ngạch nhập khẩu 9 tháng năm 2072 so với cùng kỳ đạt bao nhiêu %?", "91,0%",
     "so với cùng kỳ 2071"),
    ("Sản lượng hoa hồi khô năm 2078 giảm bao nhiêu phần trăm?", "6,0%", "so với năm 2077"),
])
def test_so_sanh_column_says_its_base(service: RagService, question: str, expected: str,
                                      said: str) -> None:
    found, answer, summary = _ask(service, question)
    assert found and expected in answer, (answer, summary)
    assert said in summary and "so với sánh" not in summary, summary


def test_same_period_column_headers() -> None:
    # the readers' one rule for a "Cùng kỳ" column: the same part of its year as the actual's
    # column before it, whatever words the actual's header has
    assert same_period_columns(["Chỉ tiêu", "Thực hiện 9 tháng 2072", "Cùng kỳ 2071"])[2] == \
        "Cùng kỳ 2071 (9 tháng 2071)"
    assert same_period_columns(["Chỉ tiêu", "Ước TH 6 tháng 2075", "Cùng kỳ năm trước"])[2] == \
        "Cùng kỳ năm trước (6 tháng 2074)"
    assert same_period_columns(["Chỉ tiêu", "Năm 2072", "Cùng kỳ"])[2] == "Cùng kỳ (năm 2071)"
    assert compared_headers([["Chỉ tiêu", "TH 9 tháng 2072", "Cùng kỳ 2071", "So sánh (%)"]])[3] \
        == "TH 9 tháng 2072 so với Cùng kỳ 2071 (%)"


def test_so_sanh_header_frames() -> None:
    text = ("Tình hình thương mại 9 tháng năm 2072\n"
            "So sánh tăng, giảm (%) — Kim ngạch nhập khẩu: -9,0\n"
            "So sánh với cùng kỳ (%) — Kim ngạch xuất khẩu: 108,4\n")
    frames = extract(text, title=text.splitlines()[0])
    assert [f.comparison for f in frames] == [None, "cùng kỳ"]  # never "sánh tăng, giảm"


def test_question_periods_same_period() -> None:
    asked = question_periods("doanh thu bán lẻ cùng kỳ năm 2071 là bao nhiêu?", date(2079, 1, 1))
    assert [p.label for p in asked.periods] == ["cùng kỳ năm 2071"]
    compared = question_periods("doanh thu bán lẻ 9 tháng 2072 tăng bao nhiêu so với cùng kỳ "
                                "năm 2071?", date(2079, 1, 1))
    assert [p.label for p in compared.periods] == ["9 tháng năm 2072"]
    named = question_periods("số C/O mẫu D cùng kỳ 2071 (9 tháng 2071)?", date(2079, 1, 1))
    assert [p.kind for p in named.periods] != [] and \
        all(p.kind != "same_period" for p in named.periods)  # the part named is asked
