"""A table column headed by an office abbreviation ("Vốn ĐTNN (triệu USD)", "Vốn NSNN (tỷ
đồng)", "Số lao động tham gia BHXH (người)") keeps its figures answerable both as written and
spelled out, the corpus never spelling the abbreviation out: the standard phrase of
rag.vi.lexicon pairs with it through rag.vi.acronyms.AcronymTable (a corpus definition still
wins), and the basis its words name ("nước ngoài") is the column's (break-test bt25-b16
failure 2: "vốn ĐTNN khu công nghiệp Hòa Hiệp" and "vốn đầu tư nước ngoài ..." refused).
HTML, DOCX and CSV tables; other abbreviations, indicators, places and years than the
example."""

from __future__ import annotations

import docx
import pytest
from conftest import service_over_files
from helpers import csv_bytes, docx_bytes, docx_fill, html_rows

from rag.records import AskOptions
from rag.service import RagService
from rag.vi.acronyms import AcronymTable
from rag.vi.frames.measures import bases_of


def _docx() -> bytes:
    d = docx.Document()
    d.add_paragraph("Báo cáo tình hình các cụm công nghiệp tỉnh Bắc Lâm năm 2093")
    d.add_paragraph("Kết quả thu hút đầu tư vào các cụm công nghiệp năm 2093:")
    table = d.add_table(rows=3, cols=3)
    docx_fill(table, [["Cụm công nghiệp", "Số dự án", "Vốn ĐTNN (triệu USD)"],
                      ["CCN Tân Lộc", "7", "54,2"], ["CCN Đồng Xuân", "4", "31,9"]])
    return docx_bytes(d)


DOCS: dict[str, str | bytes] = {
    "von_ngan_sach_2092.html": (
        "<html><head><title>Vốn đầu tư công tỉnh Bắc Lâm năm 2092</title></head><body>"
        "<h1>Vốn đầu tư công tỉnh Bắc Lâm năm 2092</h1>"
        "<p>Năm 2092, vốn đầu tư công giải ngân theo địa bàn như sau.</p><table><thead>"
        "<tr><th>Huyện</th><th>Số công trình</th><th>Vốn NSNN (tỷ đồng)</th></tr></thead>"
        "<tbody>" + html_rows([["Huyện Kim Sơn", "18", "125,4"],
                               ["Huyện Yên Mô", "11", "87,6"]]) +
        "</tbody></table></body></html>"),
    "cum_cong_nghiep_2093.docx": _docx(),
    # a park column whose rows write the kind abbreviated ("KCN Đông Hưng") under a header
    # that spells it ("Khu công nghiệp"): bt25-b16's shape, other parks, figures and year
    "thu_hut_dau_tu_2098.html": (
        "<html><head><title>Thu hút đầu tư tỉnh Bắc Lâm năm 2098</title></head><body>"
        "<h1>Thu hút đầu tư tỉnh Bắc Lâm năm 2098</h1>"
        "<p>Năm 2098, tỉnh cấp mới 31 dự án đầu tư trong nước.</p><table><thead>"
        "<tr><th>Khu công nghiệp</th><th>Số dự án</th><th>Vốn ĐTNN (triệu USD)</th></tr>"
        "</thead><tbody>" + html_rows([["KCN Đông Hưng", "11", "173,4"],
                                       ["KCN Bình Minh", "6", "95,2"],
                                       ["KCN Tây Sơn", "3", "41,7"]]) +
        "</tbody></table></body></html>"),
    "lao_dong_2094.csv": csv_bytes([
        ["Huyện", "Số HTX", "Số lao động tham gia BHXH (người)"],
        ["Huyện Hoa Lư", "23", "4.815"], ["Huyện Gia Viễn", "17", "3.207"]]),
}


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over_files(tmp_path_factory.mktemp("header_abbrev"), DOCS)


@pytest.mark.parametrize(("question", "expected"), [
    # as the header writes it, and spelled out
    ("vốn ĐTNN cụm công nghiệp Tân Lộc năm 2093", "54,2"),
    ("vốn đầu tư nước ngoài vào cụm công nghiệp Đồng Xuân năm 2093", "31,9"),
    ("vốn đầu tư nước ngoài vào CCN Tân Lộc năm 2093", "54,2"),
    ("vốn NSNN huyện Yên Mô năm 2092", "87,6"),
    ("vốn ngân sách nhà nước huyện Kim Sơn năm 2092", "125,4"),
    ("số lao động tham gia BHXH huyện Gia Viễn năm 2094", "3.207"),
    ("số lao động tham gia bảo hiểm xã hội huyện Hoa Lư năm 2094", "4.815"),
    # a row "KCN Bình Minh" named with its kind spelled out, the column as written or not
    ("vốn ĐTNN khu công nghiệp Bình Minh năm 2098", "95,2"),
    ("vốn đầu tư nước ngoài vào khu công nghiệp Tây Sơn năm 2098", "41,7"),
    ("vốn đầu tư nước ngoài vào KCN Đông Hưng năm 2098", "173,4"),
])
def test_an_abbreviated_header_answers_both_ways(service: RagService, question: str,
                                                 expected: str) -> None:
    a = service.ask(question, AskOptions())
    # the one row asked, not every row of the column listed as parts
    assert a.found and a.answer.startswith(expected) and not a.parts, (question, a.answer)


def test_the_unabbreviated_column_beside_still_answers(service: RagService) -> None:
    a = service.ask("số dự án cụm công nghiệp Đồng Xuân năm 2093", AskOptions())
    assert a.found and a.answer.startswith("4"), a.answer


def test_a_standard_abbreviation_pairs_with_its_phrase() -> None:
    table = AcronymTable.from_texts(["Vốn NSNN — Huyện Yên Mô: 87,6 tỷ đồng"])
    assert table.pairs == {"nsnn": "ngân sách nhà nước"}
    asked = "vốn ngân sách nhà nước huyện Yên Mô"
    assert table.concerning(asked) == (("nsnn", "ngân sách nhà nước"),)
    assert table.concerning("vốn NSNN huyện Yên Mô") == (("nsnn", "ngân sách nhà nước"),)


def test_a_standard_pair_is_matched_not_written_into_the_question() -> None:
    # the question is spelled out already (expand_abbreviations): adding "XNK" to every
    # "kim ngạch xuất nhập khẩu" question tipped retrieval (eval_dev d146, d156)
    table = AcronymTable.from_texts(["Giá trị XNK — Cửa khẩu Tân Thanh: 412,7 triệu USD",
                                     "Vốn FDI và vốn ĐTNN của KKT năm 2096."])
    for asked in ("giá trị xuất nhập khẩu qua cửa khẩu Tân Thanh quý II năm 2096",
                  "vốn đầu tư nước ngoài vào khu kinh tế năm 2096"):
        assert table.read(asked) == asked
        assert table.concerning(asked)


def test_a_two_letter_standard_token_pairs_only_as_the_corpus_defines_it() -> None:
    # "KN", "XK", "DN", "KH" stand for several phrases; paired to "kim ngạch" everywhere, a
    # "KN XNK hàng hóa mở tờ khai" row answered every import question (seed gold s125)
    table = AcronymTable.from_texts(["KN XK hàng hóa mở tờ khai › Xuất khẩu: 311,2 triệu USD",
                                     "Số DN thành lập mới: 214"])
    assert table.pairs == {}
    assert table.concerning("kim ngạch xuất khẩu 9 tháng năm 2097") == ()
    asked = "số doanh nghiệp thành lập mới năm 2097"
    assert table.read(asked) == asked


def test_a_corpus_definition_wins_over_the_standard_phrase() -> None:
    table = AcronymTable.from_texts(
        ["Số khách hàng (KH) sử dụng điện năm 2095 là 412.530.", "KH sinh hoạt chiếm 91%."])
    assert table.pairs == {"kh": "khách hàng"}
    table = AcronymTable.from_texts(["Thương mại điện tử (TMĐT) tăng.", "TMĐT đạt 5 tỷ đồng."])
    assert table.pairs == {"tmdt": "thương mại điện tử"}


def test_an_abbreviation_names_the_basis_of_its_words() -> None:
    assert bases_of("von dtnn khu cong nghiep") == bases_of("von dau tu nuoc ngoai")
    assert "international" in bases_of("von dtnn")
    assert bases_of("von nsnn") == ()


def test_the_whole_column_asked_still_lists_its_rows(service: RagService) -> None:
    # every park asked ("các khu công nghiệp"): the rows are parts, no total row holds one
    a = service.ask("vốn ĐTNN các khu công nghiệp năm 2098", AskOptions())
    assert a.found and all(v in a.summary for v in ("173,4", "95,2", "41,7")), a.summary
