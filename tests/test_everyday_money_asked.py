"""Everyday words asking an amount of money ("bao nhiêu tiền", "số tiền", "tiền cho vay ...",
"hết/tốn/chi bao nhiêu") ask a figure in đồng or USD as "kinh phí", "vốn" do, and "tiền" is no
word the figure must name; and a year question whose indicator ends in "nông thôn" ("... cho
lao động nông thôn cả năm 2073") asks that year, not a base ending "hơn" (break-test bt9-b16
failures 1 and 2: refused at 1.0, a count row's "2.076 hộ", a 6-month column for "cả năm").
Documents of our own, in text, CSV and XLSX, with other indicators, units and periods."""

from __future__ import annotations

import pytest
from conftest import service_over_files
from helpers import xlsx_bytes

from rag.answer.intent import read_intent
from rag.records import AskOptions
from rag.search.query import analyze
from rag.service import RagService
from rag.vi.mentions import find_mentions

DOCS = {
    "kenhmuong_2091.txt": (
        "Báo cáo kết quả kiên cố hóa kênh mương năm 2091\n\n"
        "Năm 2091, toàn huyện đã cứng hóa 64 km kênh mương nội đồng với tổng kinh phí 128,7 tỷ "
        "đồng. Tổng vốn xã hội hóa huy động được là 45,2 tỷ đồng. Tiền lương bình quân của lao "
        "động thủy lợi đạt 7,4 triệu đồng/tháng.\n"),
    "tindung_2092.csv": (
        "Chỉ tiêu,Đơn vị,6 tháng đầu năm 2092,Cả năm 2092\n"
        "\"Số lao động được vay vốn giải quyết việc làm\",người,412,986\n"
        "\"Vốn đã giải ngân\",tỷ đồng,\"21,5\",\"48,3\"\n"),
    "capnuoc_2093.csv": (
        "Chỉ tiêu,Đơn vị tính,6 tháng đầu năm 2093,Cả năm 2093\n"
        "\"Số người dân nông thôn được cấp nước sạch\",người,3.410,7.980\n"
        "\"Kinh phí\",triệu đồng,\"850,2\",\"1.920,6\"\n"),
    # a half-year column only: a year question gets it as a part, said so
    "suanha_2094.csv": (
        "Chỉ tiêu,Đơn vị,6 tháng đầu năm 2094\n"
        "\"Số hộ gia đình nông thôn được hỗ trợ sửa nhà\",hộ,96\n"
        "\"Kinh phí hỗ trợ\",triệu đồng,\"2.880,0\"\n"),
}


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    sheet = xlsx_bytes([
        ["Hỗ trợ chuyển đổi giống cây trồng năm 2090"],
        ["Chỉ tiêu", "Đơn vị", "Quý I/2090", "Quý II/2090"],
        ["Số hộ được hỗ trợ chuyển đổi giống cây trồng", "hộ", 214, 305],
        ["Doanh số hỗ trợ", "triệu đồng", 428.6, 597.2]], sheet="Biểu 2")
    return service_over_files(tmp_path_factory.mktemp("everyday_money"),
                              {**DOCS, "giongcay_2090.xlsx": sheet})


def _ask(service: RagService, question: str) -> tuple[bool, str]:
    a = service.ask(question, AskOptions())
    return a.found, a.answer


@pytest.mark.parametrize(("question", "expected"), [
    ("bao nhiêu tiền cứng hóa kênh mương năm 2091", "128,7 tỷ đồng"),
    ("cứng hóa kênh mương nội đồng năm 2091 hết bao nhiêu tiền", "128,7 tỷ đồng"),
    ("tốn bao nhiêu tiền cứng hóa kênh mương năm 2091", "128,7 tỷ đồng"),
    ("xã hội hóa huy động được bao nhiêu tiền năm 2091", "45,2 tỷ đồng"),
    # a money row under a count row
    ("tiền cho lao động vay giải quyết việc làm 6 tháng đầu năm 2092", "21,5 tỷ đồng"),
    ("cho lao động vay giải quyết việc làm hết bao nhiêu tiền năm 2092", "48,3 tỷ đồng"),
    ("số tiền hỗ trợ hộ chuyển đổi giống cây trồng quý II năm 2090", "597,2 triệu đồng"),
    ("chi bao nhiêu tiền hỗ trợ chuyển đổi giống cây trồng quý I năm 2090", "428,6 triệu đồng"),
])
def test_everyday_words_ask_money(service: RagService, question: str, expected: str) -> None:
    found, answer = _ask(service, question)
    assert found and answer.startswith(expected), answer


@pytest.mark.parametrize(("question", "expected"), [
    ("tiền lương bình quân của lao động thủy lợi năm 2091", "7,4 triệu đồng/tháng"),
    ("số lao động được vay vốn giải quyết việc làm năm 2092", "986 người"),
    ("số hộ được hỗ trợ chuyển đổi giống cây trồng quý II năm 2090", "305 hộ"),
])
def test_other_questions_keep_their_answers(service: RagService, question: str,
                                            expected: str) -> None:
    found, answer = _ask(service, question)
    assert found and answer.startswith(expected), answer


@pytest.mark.parametrize(("question", "expected"), [
    ("kinh phí cấp nước sạch cho người dân nông thôn cả năm 2093", "1.920,6 triệu đồng"),
    ("kinh phí cấp nước sạch cho người dân nông thôn năm 2093", "1.920,6 triệu đồng"),
    ("kinh phí cấp nước sạch cho người dân nông thôn 6 tháng đầu năm 2093", "850,2 triệu đồng"),
])
def test_the_asked_period_picks_the_column(service: RagService, question: str,
                                           expected: str) -> None:
    found, answer = _ask(service, question)
    assert found and answer.startswith(expected), answer


def test_a_half_year_cell_is_a_part_of_the_year(service: RagService) -> None:
    a = service.ask("kinh phí hỗ trợ sửa nhà cho hộ gia đình nông thôn cả năm 2094", AskOptions())
    assert not a.found or (a.period_match == "partial" and "chưa có số liệu cả năm" in a.summary
                           and "6 tháng" in a.summary), (a.answer, a.summary)


def test_a_word_ending_in_hon_is_no_comparison() -> None:
    for text in ("số xã nông thôn năm 2080", "kinh phí cho người được chọn năm 2080",
                 "giá trị sản xuất của thôn năm 2080"):
        assert [m.comparison for m in find_mentions(text, None)] == [False], text
    for text in ("cao hơn năm 2079", "tăng 4% so với năm 2079", "gấp 2 lần năm 2079"):
        assert [m.comparison for m in find_mentions(text, None)] == [True], text


def test_tien_of_a_word_or_a_place_stays_a_content_word() -> None:
    for q, kept in (("bao nhiêu tiền làm đường năm 2091", False),
                    ("số tiền cho vay hộ nghèo năm 2091", False),
                    ("tiền lương bình quân năm 2091", True),
                    ("số tiền gửi tiết kiệm năm 2091", True),
                    ("xuất khẩu của Tiền Giang năm 2091", True)):
        intent = read_intent(analyze(q))
        assert ("tien" in intent.terms) == kept, (q, intent.terms)
        assert intent.unit is None, (q, intent.unit)
