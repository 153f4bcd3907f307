"""An office abbreviation outside the hand lists meets its spelled-out form, both ways, paired
from the corpus itself (rag.vi.acronyms): a table header writes "DVLT", a report defines
"(GTSXCN)" once and then writes only the token, another report writes the words a question
abbreviates; two phrases with the same initials are no pairing (break-test bt24-b16 failure
2: "Chi NSĐP (tỷ đồng)" asked "chi ngân sách địa phương" was refused).  Other indicators,
years and places than the example."""

from __future__ import annotations

import pytest
from conftest import service_over_files

from rag.records import AskOptions
from rag.service import RagService
from rag.vi.acronyms import AcronymTable

DOCS = {
    "chitieu_2091.csv": (
        "Chỉ tiêu,Đơn vị tính,Năm 2091\n"
        "\"Doanh thu DVLT\",tỷ đồng,\"412,7\"\n"
        "\"KNNK hàng hóa\",triệu USD,\"318,4\"\n"
        "\"Số CSSX gạch nung\",cơ sở,46\n"),
    "congnghiep_2092.txt": (
        "Báo cáo tình hình sản xuất công nghiệp tỉnh Đông Lâm năm 2092\n\n"
        "Giá trị sản xuất công nghiệp (GTSXCN) năm 2092 theo giá so sánh tăng 9,6% so với "
        "năm trước. Phân theo thành phần kinh tế, GTSXCN khu vực ngoài nhà nước năm 2092 "
        "đạt 8.214,5 tỷ đồng.\n"),
    "thuongmai_2093.txt": (
        "Báo cáo thương mại tỉnh Đông Lâm năm 2093\n\n"
        "Doanh thu bán lẻ vật liệu xây dựng năm 2093 đạt 1.356,2 tỷ đồng. "
        "Toàn tỉnh có 7 trung tâm thương mại; tăng trưởng thương mại năm 2093 đạt 11,2%.\n"),
}


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over_files(tmp_path_factory.mktemp("abbrev16"), DOCS)


@pytest.mark.parametrize(("question", "expected"), [
    # a table header's token, asked in words (the corpus never writes them)
    ("doanh thu dịch vụ lưu trú năm 2091", "412,7"),
    ("số cơ sở sản xuất gạch nung năm 2091", "46"),
    # a listed abbreviation keeps working
    ("kim ngạch nhập khẩu hàng hóa năm 2091", "318,4"),
    # defined once, then written only as the token; asked in words
    ("giá trị sản xuất công nghiệp khu vực ngoài nhà nước năm 2092", "8.214,5"),
    ("GTSXCN khu vực ngoài nhà nước năm 2092", "8.214,5"),
    # the report writes the words, the question the token
    ("doanh thu bán lẻ VLXD năm 2093", "1.356,2"),
])
def test_an_abbreviation_meets_its_words(service: RagService, question: str,
                                         expected: str) -> None:
    a = service.ask(question, AskOptions())
    assert a.found and expected in a.answer, a.answer


def test_a_definition_pairs_the_token() -> None:
    table = AcronymTable.from_texts(
        ["Tổng mức bán lẻ hàng hóa (BLHH) năm 2094 tăng.", "BLHH quý I đạt 5 tỷ đồng."])
    assert table.pairs == {"blhh": "bán lẻ hàng hóa"}
    assert "BLHH" in table.read("bán lẻ hàng hóa quý I năm 2094")
    assert "bán lẻ hàng hóa" in table.read("BLHH quý I năm 2094")


def test_two_phrases_with_the_same_initials_are_not_paired() -> None:
    table = AcronymTable.from_texts(
        ["Số TTTM đang hoạt động 7.", "Toàn tỉnh có 7 trung tâm thương mại.",
         "Tăng trưởng thương mại năm 2095 đạt 11,2%."])
    assert "tttm" not in table.pairs and "tttm" not in table.open
    question = "số trung tâm thương mại năm 2095"
    assert table.read(question) == question
    assert table.read("số TTTM năm 2095") == "số TTTM năm 2095"


def test_units_numerals_and_syllables_are_no_abbreviations() -> None:
    table = AcronymTable.from_texts(
        ["Kim ngạch đạt 12,5 triệu USD. Phần IV. UBND TỈNH ĐÔNG LÂM. Số 35/BC-SCT."])
    assert table.tokens == {}
