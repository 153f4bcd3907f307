"""A sentence setting the province's figure beside the country's ("GRDP của tỉnh tăng 7,2%
trong khi cả nước tăng 6,9%", "...; cả nước tăng 9,3%", "cao hơn mức tăng 6,4% của cả nước")
gives each its own clause: a question naming the country ("cả nước", "toàn quốc") gets the
country's figure, said as the country's ("GRDP cả nước tăng 6,9%", never "GRDP của tỉnh tăng
6,9%"), never the province's; one naming the province, or no scope, gets the province's,
never the country's (rag.answer.places.nation_owner, rag.answer.compose.nation_head;
break-test bt20c, d10).  A rank's "cả nước" is what it is ranked over, and a place things
are sold across ("tiêu thụ trên toàn quốc") no owner: near-misses keeping their answers."""

from __future__ import annotations

import pytest
from conftest import service_over_files
from helpers import make_docx

from rag.answer.places import NATION, OWN_SCOPE, clause_owner
from rag.records import AskOptions
from rag.service import RagService

NEWS = (
    "Kinh tế Lạng Sơn năm 2071 qua các con số\n"
    "Ngày 15/01/2072\n"
    "Năm 2071, chỉ số sản xuất công nghiệp (IIP) toàn tỉnh tăng 8,4%, cả nước tăng 7,1%.\n"
    "Tốc độ tăng trưởng kinh tế (GRDP) năm 2071 đạt 7,9%, cao hơn mức bình quân cả nước.\n"
    "Tổng vốn đầu tư phát triển toàn xã hội trên địa bàn tỉnh năm 2071 đạt 21.760 tỷ đồng.\n"
    "Năm 2070, trong khi cả nước chỉ tăng 5,2% thì GRDP Lạng Sơn tăng 6,8%.\n"
    "Chỉ số năng lực cạnh tranh cấp tỉnh (PCI) năm 2071 của Lạng Sơn xếp thứ 19/63 cả nước.\n"
    "Sản phẩm OCOP của tỉnh được tiêu thụ trên toàn quốc với doanh thu 86 tỷ đồng năm 2071.\n")
REPORT = make_docx(
    "SỞ CÔNG THƯƠNG TỈNH LẠNG SƠN",
    "BÁO CÁO TÌNH HÌNH KINH TẾ - XÃ HỘI 9 THÁNG NĂM 2083",
    "Ngày 02/10/2083",
    "Chỉ số giá tiêu dùng (CPI) bình quân 9 tháng năm 2083 của tỉnh tăng 2,95%, thấp hơn mức "
    "tăng 3,42% của cả nước.",
    "Tổng mức bán lẻ hàng hóa 9 tháng năm 2083 của tỉnh đạt 41.270 tỷ đồng, tăng 10,8%; "
    "toàn quốc tăng 8,6%.")
PAGE = (
    "<html><head><title>Giải ngân vốn đầu tư công năm 2086</title></head><body>"
    "<nav>Trang chủ | Tin tức | Liên hệ</nav>"
    "<h1>Giải ngân vốn đầu tư công năm 2086</h1><p>Ngày đăng: 20/01/2087</p>"
    "<p>Năm 2086, toàn tỉnh giải ngân được 5.914 tỷ đồng, đạt 71,3% kế hoạch, vượt bình quân "
    "chung cả nước (63,8%).</p>"
    "<p>Tỷ lệ hộ dân sử dụng điện lưới quốc gia năm 2086 của tỉnh đạt 97,6%, của cả nước đạt "
    "99,2%.</p><footer>Bản quyền Sở Công Thương</footer></body></html>")
DOCS: dict[str, str | bytes] = {"kinh-te-2071.txt": NEWS, "ktxh-9thang-2083.docx": REPORT,
                                "giai-ngan-2086.html": PAGE}


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over_files(tmp_path_factory.mktemp("nation_beside_province"), DOCS)


# (question, the country's figure, the province's)
COUNTRY = [
    ("IIP ca nuoc nam 2071 tang bao nhieu", "7,1%", "8,4%"),
    ("chỉ số sản xuất công nghiệp cả nước năm 2071 tăng bao nhiêu?", "7,1%", "8,4%"),
    ("GRDP ca nuoc nam 2070 tang bao nhieu %", "5,2%", "6,8%"),
    ("CPI binh quan 9 thang 2083 cua ca nuoc tang bao nhieu", "3,42%", "2,95%"),
    ("tong muc ban le hang hoa toan quoc 9 thang 2083 tang bao nhieu", "8,6%", "10,8%"),
    ("tỷ lệ hộ dân sử dụng điện lưới quốc gia cả nước năm 2086", "99,2%", "97,6%"),
    ("ty le giai ngan binh quan chung ca nuoc nam 2086", "63,8%", "71,3%"),
]


@pytest.mark.parametrize(("question", "country", "province"), COUNTRY)
def test_the_country_gets_its_figure_said_as_its(service: RagService, question: str,
                                                 country: str, province: str) -> None:
    answer = service.ask(question, AskOptions())
    assert answer.found and country in answer.answer, (answer.answer, answer.confidence)
    assert province not in answer.answer
    summary = answer.parts[0].summary if answer.parts else answer.answer
    assert "của tỉnh" not in summary and "Lạng Sơn" not in summary, summary
    assert answer.figure is not None and "tỉnh" not in answer.figure.indicator.replace(
        "cấp tỉnh", ""), answer.figure.indicator


@pytest.mark.parametrize(("question", "province", "country"), [
    ("IIP toan tinh nam 2071 tang bao nhieu", "8,4%", "7,1%"),
    ("chỉ số sản xuất công nghiệp năm 2071 tăng bao nhiêu?", "8,4%", "7,1%"),
    ("GRDP Lang Son nam 2070 tang bao nhieu", "6,8%", "5,2%"),
    ("CPI binh quan 9 thang 2083 tang bao nhieu", "2,95%", "3,42%"),
    ("Tổng mức bán lẻ hàng hóa 9 tháng năm 2083 tăng bao nhiêu?", "10,8%", "8,6%"),
    ("tỷ lệ hộ dân sử dụng điện lưới quốc gia của tỉnh năm 2086", "97,6%", "99,2%"),
    ("tỷ lệ giải ngân vốn đầu tư công năm 2086 đạt bao nhiêu % kế hoạch?", "71,3%", "63,8%"),
])
def test_the_province_never_gets_the_countrys(service: RagService, question: str,
                                              province: str, country: str) -> None:
    """Its own figure or a refusal; the country's never over 0.5."""
    answer = service.ask(question, AskOptions())
    assert not (answer.found and answer.confidence > 0.5 and country in answer.answer), (
        answer.answer, answer.confidence)
    if answer.found and answer.confidence >= 0.9:
        assert province in answer.answer, answer.answer


@pytest.mark.parametrize(("question", "value"), [
    # near-misses: a rank ranked over the country, a level of no country; and the province's
    # sales "trên toàn quốc" (refused before: "toàn quốc" read as another place)
    ("PCI năm 2071 của Lạng Sơn xếp thứ mấy cả nước?", "19/63"),
    ("doanh thu san pham OCOP nam 2071", "86"),
    ("vốn đầu tư phát triển toàn xã hội năm 2071?", "21.760"),
    ("tăng trưởng GRDP năm 2071 đạt bao nhiêu?", "7,9%"),
    ("tổng mức bán lẻ hàng hóa 9 tháng năm 2083 đạt bao nhiêu?", "41.270"),
])
def test_near_misses_keep_their_answers(service: RagService, question: str, value: str) -> None:
    answer = service.ask(question, AskOptions())
    assert answer.found and value in answer.answer, (answer.answer, answer.confidence)


@pytest.mark.parametrize("question", ["tang truong GRDP ca nuoc nam 2071",
                                      "GRDP toàn quốc năm 2071 tăng bao nhiêu?"])
def test_the_country_compared_with_is_not_asked_the_provinces(service: RagService,
                                                              question: str) -> None:
    """"GRDP ... đạt 7,9%, cao hơn mức bình quân cả nước": the country's own figure is not
    written, and the province's never answers for it (served at 0.80 before)."""
    answer = service.ask(question, AskOptions())
    assert not (answer.found and answer.confidence > 0.5 and "7,9" in answer.answer), (
        answer.answer, answer.confidence)


def test_the_clause_owner_of_a_sentence_naming_the_country() -> None:
    """The country's clause, the value compared with it, the province's scope words; not a
    rank's "cả nước", nor "tiêu thụ trên toàn quốc" (the province's when it names it)."""
    s = "Năm 2062, GRDP của tỉnh tăng 6,3% trong khi cả nước tăng 6,7%."
    at = s.index("6,3%")
    assert clause_owner(s[:at], s[at + 4:]) == OWN_SCOPE
    at = s.index("6,7%")
    assert clause_owner(s[:at], s[at + 4:]) == NATION
    s = "GRDP của tỉnh đạt 7,6%, cao hơn mức tăng 5,8% của cả nước."
    at = s.index("5,8%")
    assert clause_owner(s[:at], s[at + 4:]) == NATION
    assert clause_owner(s[:at], s[at + 4:], nation=False) == ""
    s = "Sản phẩm của tỉnh được tiêu thụ trên toàn quốc với doanh thu 50 tỷ đồng."
    at = s.index("50")
    assert clause_owner(s[:at], s[at + 2:]) == OWN_SCOPE
    s = "Hàng hóa được tiêu thụ trên toàn quốc với doanh thu 50 tỷ đồng."
    at = s.index("50")
    assert clause_owner(s[:at], s[at + 2:]) == ""
    s = "Năm 2064, GRDP tăng 7,6%, cao hơn mức bình quân cả nước."
    at = s.index("7,6%")
    assert clause_owner(s[:at], s[at + 4:]) == OWN_SCOPE
    s = "Trong khi cả nước tăng 6,9% thì Lạng Sơn tăng 7,2%."
    at = s.index("7,2%")
    assert clause_owner(s[:at], s[at + 4:]) == OWN_SCOPE


@pytest.mark.parametrize(("sentence", "value", "owner"), [
    # the province's clause names no scope; the country is the subject of the later clause
    # (break-test bt21a, session 49: the 3,15% served for "cả nước" at 0.91)
    ("Bình quân 10 tháng năm 2078, CPI tăng 2,84% so với cùng kỳ, trong khi cả nước tăng "
     "3,2%.", "2,84%", OWN_SCOPE),
    ("Bình quân 10 tháng năm 2078, CPI tăng 2,84% so với cùng kỳ, trong khi cả nước tăng "
     "3,2%.", "3,2%", NATION),
    ("Tổng mức bán lẻ năm 2078 tăng 9,8%; cả nước tăng 8,1%.", "9,8%", OWN_SCOPE),
])
def test_an_unscoped_clause_before_the_countrys(sentence: str, value: str, owner: str) -> None:
    at = sentence.index(value)
    assert clause_owner(sentence[:at], sentence[at:]) == owner


def test_the_country_asked_of_an_unscoped_clause(tmp_path_factory: pytest.TempPathFactory) -> None:
    svc = service_over_files(tmp_path_factory.mktemp("nation_unscoped"), {"cpi.txt": (
        "Chỉ số giá tiêu dùng tháng 10/2078\n05/11/2078\n\nBình quân 10 tháng năm 2078, CPI tăng "
        "2,84% so với cùng kỳ, trong khi cả nước tăng 3,2%.\n").encode()})
    a = svc.ask("CPI bình quân 10 tháng 2078 của cả nước tăng bao nhiêu?", AskOptions())
    assert a.found and a.answer.startswith("3,2%"), (a.answer, a.confidence)
    a = svc.ask("CPI bình quân 10 tháng 2078 tăng bao nhiêu?", AskOptions())
    assert a.found and a.answer.startswith("2,84%"), (a.answer, a.confidence)
