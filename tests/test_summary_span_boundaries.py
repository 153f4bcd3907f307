"""A summary's indicator phrase starts and ends at word-pair and phrase boundaries (issue 17,
break-tests bt17c and bt17b): never cut after a preposition whose object the frame reader
trimmed ("các loại hình qua, trong đó xuất khẩu"), never a span of days for the thing
counted ("Những ngày cao điểm cuối có ..."), never the words of an introductory phrase
before a date clause ("phân hạng cuối năm tổng số sản phẩm OCOP ... đã nâng"), never the
counted noun alone ("sản phẩm có 27 sản phẩm"), never half a word pair ("các điểm trọng:",
"thu nội" with "địa" named missing from the other part) nor a ranking's verb ("Huyện Cao Lộc
dẫn đầu:").  Reports written for these tests, in other words and numbers."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import service_over, service_over_files

from rag.answer.compose import subject
from rag.records import AskOptions
from rag.service import RagService
from rag.vi.frames import extract


def _subjects(sentence: str) -> dict[str, str]:
    return {f.value: subject(f) for f in extract(sentence, "Báo cáo", "2031-12-25")}


@pytest.mark.parametrize(("sentence", "value", "expected"), [
    # a date clause set off inside the words before the value: what follows it is named
    ("Sau đợt rà soát, đánh giá giữa năm, đến ngày 30/6/2031, tổng số hợp tác xã của tỉnh "
     "đã nâng lên 412 hợp tác xã.", "412 hợp tác xã", "tổng số hợp tác xã của tỉnh"),
    ("Qua đợt kiểm tra, phân loại cuối năm, tính đến ngày 20/12/2031, tổng số chợ hạng 3 "
     "của tỉnh đã nâng lên 96 chợ.", "96 chợ", "tổng số chợ hạng 3 của tỉnh"),
])
def test_a_date_clause_ends_the_introductory_phrase(sentence: str, value: str,
                                                   expected: str) -> None:
    assert _subjects(sentence)[value] == expected


@pytest.mark.parametrize(("sentence", "value"), [
    ("Những ngày cao điểm đầu tháng 2, mỗi ngày có 900 xe hàng nông sản qua cửa khẩu Chi Ma.",
     "900 xe"),
    ("Các ngày cuối tuần, có khoảng 3.400 lượt khách tham quan khu du lịch Mẫu Sơn.",
     "khoảng 3.400 lượt khách"),
    ("Những ngày nghỉ lễ, mỗi ngày khu du lịch Mẫu Sơn đón khoảng 2.700 lượt khách.",
     "khoảng 2.700 lượt khách"),
])
def test_a_span_of_days_names_nothing_counted(sentence: str, value: str) -> None:
    said = _subjects(sentence)[value].lower()
    assert not said.startswith(("những ngày", "các ngày")), said


@pytest.mark.parametrize(("sentence", "value", "expected"), [
    # near misses: a list of the thing's parts, no date clause among them, stays whole;
    # an attribution before a date still opens the clause
    ("Tính đến ngày 30/9/2031, vốn đăng ký, vốn điều chỉnh của các dự án đạt 1.250 tỷ đồng.",
     "1.250 tỷ đồng", "vốn đăng ký vốn điều chỉnh của các dự án"),
    ("Theo Cục Thống kê, đến ngày 30/9/2031, toàn tỉnh có 4.120 doanh nghiệp.",
     "4.120 doanh nghiệp", "doanh nghiệp"),
])
def test_near_misses_keep_their_subject(sentence: str, value: str, expected: str) -> None:
    assert _subjects(sentence)[value] == expected


DOCS = [
    {"id": "hai-quan", "title": "Kim ngạch xuất nhập khẩu đến 20/11/2031", "date": "2031-11-22",
     "text": "Theo số liệu của Cục Hải quan tỉnh, tính đến hết ngày 20/11/2031, tổng kim ngạch "
             "xuất nhập khẩu hàng hóa của tất cả các loại hình qua địa bàn tỉnh đạt 5.140 triệu "
             "USD, tăng 11,6% so với cùng kỳ; trong đó nhập khẩu đạt 3.050 triệu USD, xuất khẩu "
             "đạt 2.090 triệu USD."},
    {"id": "ocop", "title": "Sản phẩm OCOP năm 2031", "date": "2031-12-20",
     "text": "Trong tổng số 240 sản phẩm, có 2 sản phẩm đạt 5 sao (quốc gia), 30 sản phẩm đạt "
             "4 sao và 208 sản phẩm đạt 3 sao. Năm 2031, toàn tỉnh có 31 sản phẩm mới được "
             "công nhận, vượt 24% kế hoạch năm (kế hoạch 25 sản phẩm)."},
    {"id": "ngan-sach", "title": "Thu ngân sách năm 2031", "date": "2031-12-28",
     "text": "Năm 2031, thu nội địa ước đạt 3.150 tỷ đồng, bằng 104,2% dự toán. Thu từ hoạt "
             "động xuất nhập khẩu (thu XNK) ước đạt 4.360 tỷ đồng, bằng 109,5% dự toán."},
]


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over(tmp_path_factory.mktemp("span-boundaries"), DOCS)


def test_a_part_says_its_whole_with_the_words_after_its_preposition(
        service: RagService) -> None:
    a = service.ask("Kim ngạch xuất khẩu qua địa bàn tỉnh tính đến 20/11/2031?", AskOptions())
    assert a.found and "2.090 triệu USD" in a.answer, a.answer
    assert a.summary is not None and "qua địa bàn tỉnh, trong đó xuất khẩu" in a.summary and \
        "qua, trong đó" not in a.summary, a.summary


def test_a_subject_that_is_only_the_counted_noun_is_not_said(service: RagService) -> None:
    a = service.ask("Số sản phẩm OCOP mới được công nhận năm 2031?", AskOptions())
    assert a.found and "31 sản phẩm" in a.answer, a.answer
    assert a.summary is not None and "sản phẩm có" not in a.summary and \
        "có 31 sản phẩm" in a.summary, a.summary


def test_a_part_of_two_is_asked_with_its_whole_word_pair(service: RagService) -> None:
    a = service.ask("thu XNK và thu nội địa năm 2031", AskOptions())
    labels = [p.period for p in a.parts]
    assert "thu nội địa" in labels, labels
    assert a.summary is not None and "riêng địa" not in a.summary, a.summary


GUIDE = ("Du lịch dịp Tết Nguyên đán 2032\nNgày 20/02/2032\n\n"
         "Trong 7 ngày nghỉ Tết Nguyên đán (từ ngày 10/02 đến hết 16/02/2032), toàn tỉnh đón "
         "khoảng 388.000 lượt khách, tăng 9% so với dịp Tết năm trước.\n"
         "Các điểm đông khách nhất gồm đền Kỳ Cùng (102.000 lượt), chùa Thành (71.000 lượt), "
         "khu du lịch Mẫu Sơn (39.000 lượt); Động Gió ít khách nhất trong các điểm trọng điểm "
         "với 9.500 lượt.\n")
OCOP = ("Năm 2031, huyện Bình Gia dẫn đầu với 38 sản phẩm OCOP; huyện Lộc Bình có 21 sản "
        "phẩm; huyện Đình Lập có 9 sản phẩm, ít nhất toàn tỉnh.\n")


@pytest.fixture(scope="module")
def ends(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over_files(tmp_path_factory.mktemp("span-ends"),
                              {"tet_2032.txt": GUIDE, "ocop_2031.txt": OCOP})


def _ask(service: RagService, question: str):  # type: ignore[no-untyped-def]
    return service.ask(question, AskOptions(retrieval_mode="lexical", today=date(2032, 3, 1)))


def test_an_item_name_keeps_its_word_pairs(ends: RagService) -> None:
    a = _ask(ends, "Điểm du lịch nào ít khách nhất dịp Tết 2032?")
    assert a.found and "Động Gió" in a.answer and "9.500" in a.answer, a.answer
    # never half a word pair ("các điểm trọng:"); since f40-holname the item is named alone
    assert "điểm trọng:" not in a.answer, a.answer


def test_a_ranking_verb_is_no_part_of_the_item_name(ends: RagService) -> None:
    a = _ask(ends, "Huyện nào có nhiều sản phẩm OCOP nhất năm 2031?")
    assert a.found and "Bình Gia" in a.answer and "38" in a.answer, a.answer
    assert "dẫn đầu" not in a.answer, a.answer
    # near miss: the other end of the same sentence still answered
    b = _ask(ends, "Huyện nào có ít sản phẩm OCOP nhất năm 2031?")
    assert b.found and "Đình Lập" in b.answer and "9 sản phẩm" in b.answer, b.answer
