"""A kind of place named by its noun alone asks the total over the places of that kind, never
one named part (break-test bt17g t04): "Tính đến sáng ngày 23/12/2027, tại khu vực các cửa
khẩu còn 3.250 xe hàng chờ xuất khẩu, trong đó cửa khẩu Tân Thanh 1.940 xe" answered "Hiện nay
còn bao nhiêu xe hàng chờ xuất khẩu tại cửa khẩu?" with the gate's 1.940 at 1.0 -- "tại cửa
khẩu" said the part's "tại cửa" (its pair of words), while "tại các cửa khẩu" was read as the
kind asked all of (rag.answer.figures.kind_only_words, generic_kind_spans).  Not "hiện nay":
the same question without it took the part as well.  A question naming the place by its
proper name still gets the part.  Reports of our own: gates, districts, markets, resorts;
.docx, .txt and .html."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import service_over_files
from helpers import make_docx

from rag.answer.figures import generic_kind_spans, kind_only_words
from rag.records import AskOptions
from rag.service import RagService
from rag.vi.text import fold

TODAY = date(2061, 12, 28)
DOCS: dict[str, str | bytes] = {
    "cua-khau-2061.docx": make_docx(
        "Cửa khẩu những ngày cuối năm 2061", "24/12/2061",
        "Từ ngày 1/12 đến hết ngày 20/12/2061, tổng kim ngạch xuất nhập khẩu qua các cửa "
        "khẩu của tỉnh đạt 386 triệu USD, trong đó xuất khẩu 154 triệu USD.",
        "Bình quân mỗi ngày có khoảng 1.060 lượt phương tiện chở hàng xuất nhập khẩu làm thủ "
        "tục qua các cửa khẩu.",
        "Tính đến sáng ngày 22/12/2061, tại khu vực các cửa khẩu còn 4.180 xe hàng chờ "
        "xuất khẩu, trong đó cửa khẩu Bình Nghi 2.730 xe.",
        "Trước đó, tính đến ngày 28/9/2061, số phương tiện tồn tại cửa khẩu chỉ khoảng 290 "
        "xe.",
        "Nhờ áp dụng luồng xanh, thời gian thông quan một xe hàng nông sản được rút ngắn từ "
        "5 - 7 giờ xuống còn 2 - 4 giờ."),
    "du-lich-2061.txt": (
        "Du lịch dịp lễ cuối năm 2061\n"
        "20/12/2061\n"
        "\n"
        "Trong tháng 11/2061, các khu du lịch trên địa bàn tỉnh đón 286.000 lượt khách, "
        "trong đó khu du lịch Mẫu Phong 97.500 lượt khách.\n"),
    "cho-2061.html": (
        "<html><head><title>Hoạt động thương mại tháng 11 năm 2061</title></head><body>"
        "<p>18/12/2061</p>"
        "<p>Tháng 11/2061, doanh thu bán hàng tại các chợ trên địa bàn tỉnh đạt 612 tỷ đồng, "
        "trong đó chợ Kỳ Sơn 148 tỷ đồng.</p>"
        "<p>Năm 2061, các huyện trồng mới 15.420 ha rừng, trong đó huyện Văn Mai 3.860 ha."
        "</p></body></html>"),
}


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over_files(tmp_path_factory.mktemp("generic-kind"), DOCS)


@pytest.mark.parametrize(("question", "expected"), [
    ("Hiện nay còn bao nhiêu xe hàng chờ xuất khẩu tại cửa khẩu?", "4.180"),
    ("Còn bao nhiêu xe hàng chờ xuất khẩu tại cửa khẩu?", "4.180"),
    ("Sáng 22/12/2061 có bao nhiêu xe hàng chờ xuất khẩu ở cửa khẩu?", "4.180"),
    ("hien nay con bao nhieu xe hang cho xuat khau tai cua khau?", "4.180"),
    ("Tháng 11/2061 khu du lịch đón bao nhiêu lượt khách?", "286.000"),
    ("Doanh thu bán hàng tại chợ tháng 11/2061 đạt bao nhiêu?", "612"),
    ("Năm 2061 huyện trồng mới bao nhiêu ha rừng?", "15.420"),
    # near-misses: the place named by its name is the part
    ("Hiện nay còn bao nhiêu xe hàng chờ xuất khẩu tại cửa khẩu Bình Nghi?", "2.730"),
    ("hien nay con bao nhieu xe hang cho xuat khau tai cua khau binh nghi?", "2.730"),
    ("Tháng 11/2061 khu du lịch Mẫu Phong đón bao nhiêu lượt khách?", "97.500"),
    ("Doanh thu bán hàng tại chợ Kỳ Sơn tháng 11/2061?", "148"),
    ("Năm 2061 huyện Văn Mai trồng mới bao nhiêu ha rừng?", "3.860"),
    ("Còn bao nhiêu xe hàng chờ xuất khẩu tại các cửa khẩu?", "4.180"),
])
def test_a_kind_named_alone_asks_the_total(service: RagService, question: str,
                                           expected: str) -> None:
    a = service.ask(question, AskOptions(today=TODAY))
    assert a.found and a.answer.startswith(expected), (a.answer, a.confidence)


@pytest.mark.parametrize(("question", "kinds"), [
    ("Còn bao nhiêu xe tại cửa khẩu?", {"cua", "khau"}),
    ("Doanh thu của chợ trên địa bàn tỉnh?", {"cho"}),
    ("Khách đến khu du lịch năm 2061?", {"khu", "du", "lich"}),
    ("con bao nhieu xe tai cua khau?", {"cua", "khau"}),
    ("Còn bao nhiêu xe tại cửa khẩu Tân Thanh?", set()),
    ("Doanh thu chợ Đông Kinh?", set()),
    ("con bao nhieu xe tai cua khau tan thanh", set()),
])
def test_the_kind_words_of_a_question(question: str, kinds: set[str]) -> None:
    assert kind_only_words(fold(question).lower(), question) == kinds
    assert bool(generic_kind_spans(question)) == bool(kinds)


# The gate report alone in its index, as break-test bt17g's t04 sat among reports of other
# kinds: there the ranking of the question's terms put the part "cửa khẩu Hữu Nghị" first and
# the base answered it (the corpus above, with the market and resort reports beside it,
# happened to rank the total first).  A .docx and a .txt of our own, other gates and figures.
GATE_DOCX = make_docx(
    "Cửa khẩu Lạng Sơn những ngày giáp Tết 2063", "26/12/2063",
    "Từ ngày 1/12 đến hết ngày 22/12/2063, tổng kim ngạch xuất nhập khẩu qua các cửa khẩu "
    "của tỉnh đạt 437 triệu USD, trong đó xuất khẩu 181 triệu USD.",
    "Bình quân mỗi ngày có khoảng 1.240 lượt phương tiện chở hàng xuất nhập khẩu làm thủ tục "
    "qua các cửa khẩu.",
    "Tính đến sáng ngày 25/12/2063, tại khu vực các cửa khẩu còn 3.610 xe hàng chờ xuất "
    "khẩu, trong đó cửa khẩu Hữu Nghị 2.170 xe.",
    "Trước đó, tính đến ngày 30/9/2063, số phương tiện tồn tại cửa khẩu chỉ khoảng 340 xe.")
GATE_TXT = (
    "Ùn ứ xe hàng tại cửa khẩu cuối năm 2064\n"
    "27/12/2064\n"
    "\n"
    "Từ ngày 1/12 đến hết ngày 24/12/2064, kim ngạch xuất nhập khẩu qua các cửa khẩu đạt "
    "455 triệu USD.\n"
    "Tính đến chiều ngày 26/12/2064, tại khu vực các cửa khẩu còn 2.880 xe hàng chờ xuất "
    "khẩu, trong đó cửa khẩu Chi Ma 1.520 xe.\n"
    "Trước đó, tính đến ngày 30/9/2064, số phương tiện tồn tại cửa khẩu chỉ khoảng 410 xe.\n")


@pytest.fixture(scope="module")
def gate_docx(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over_files(tmp_path_factory.mktemp("gate-docx"), {"cua-khau.docx": GATE_DOCX})


@pytest.fixture(scope="module")
def gate_txt(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over_files(tmp_path_factory.mktemp("gate-txt"), {"cua-khau.txt": GATE_TXT})


@pytest.mark.parametrize(("question", "expected"), [
    ("Còn bao nhiêu xe hàng chờ xuất khẩu tại cửa khẩu?", "3.610"),
    ("Hiện nay còn bao nhiêu xe hàng chờ xuất khẩu tại cửa khẩu?", "3.610"),
    ("Có bao nhiêu xe hàng đang chờ xuất khẩu ở cửa khẩu?", "3.610"),
    ("con bao nhieu xe hang cho xuat khau tai cua khau?", "3.610"),
    # near-misses: the gate named
    ("Còn bao nhiêu xe hàng chờ xuất khẩu tại cửa khẩu Hữu Nghị?", "2.170"),
    ("Còn bao nhiêu xe hàng chờ xuất khẩu tại các cửa khẩu?", "3.610"),
])
def test_the_gate_report_alone_answers_the_total(gate_docx: RagService, question: str,
                                                 expected: str) -> None:
    a = gate_docx.ask(question, AskOptions(today=date(2063, 12, 27)))
    assert a.found and a.answer.startswith(expected), (a.answer, a.confidence)


@pytest.mark.parametrize(("question", "expected"), [
    ("Còn bao nhiêu xe hàng chờ xuất khẩu tại cửa khẩu?", "2.880"),
    ("Hiện nay còn bao nhiêu xe hàng chờ xuất khẩu tại cửa khẩu?", "2.880"),
    ("Còn bao nhiêu xe hàng chờ xuất khẩu tại cửa khẩu Chi Ma?", "1.520"),
])
def test_a_text_gate_report_alone_answers_the_total(gate_txt: RagService, question: str,
                                                    expected: str) -> None:
    a = gate_txt.ask(question, AskOptions(today=date(2064, 12, 28)))
    assert a.found and a.answer.startswith(expected), (a.answer, a.confidence)
