"""An answer's summary names its figure by the figure's own noun phrase, never by the span of a
speaker, an office or a class level beside it (break-test bt17b, "right but poorly worded"):
"Năm 2024, ông Tuấn giá trị sản xuất công nghiệp ..." (an attribution "Cũng theo ông Tuấn,"),
"Năm 2024, quốc gia: 19 sản phẩm 4 sao" (the aside "(quốc gia)" of the item before), "số của
cửa khẩu Tân Thanh còn 2.300 xe" (the counted noun of "số xe" taken for a unit), "tổng kim
ngạch xuất nhập khẩu qua địa bàn đạt ngành Công Thương" (the office that plans the target).
Reports written for these tests in the shapes of bt17b's press-conference, OCOP and
border-gate items."""

from __future__ import annotations

import pytest
from conftest import service_over

from rag.answer.compose import subject
from rag.records import AskOptions
from rag.service import RagService
from rag.vi.frames import extract


def _subjects(sentence: str) -> dict[str, str]:
    return {f.value: subject(f) for f in extract(sentence, "Báo cáo", "2024-12-25")}


@pytest.mark.parametrize(("sentence", "value", "expected"), [
    # who says the figure: an attribution led by an adverb, one with no comma, one with the
    # speaker's title after a conjunction, an organisation whose name holds a dash
    ("Cũng theo ông Tuấn, giá trị sản xuất công nghiệp năm 2024 ước đạt 9.876 tỷ đồng, "
     "tăng 8,2%.", "9.876 tỷ đồng", "giá trị sản xuất công nghiệp"),
    ("Theo bà Hoàng Thị Lan tổng mức bán lẻ hàng hóa năm 2024 đạt 39.550 tỷ đồng.",
     "39.550 tỷ đồng", "tổng mức bán lẻ hàng hóa"),
    ("Và theo ông Nguyễn Văn Hùng, Giám đốc Sở Công Thương, kim ngạch xuất khẩu năm 2024 đạt "
     "3,1 tỷ USD.", "3,1 tỷ USD", "kim ngạch xuất khẩu"),
    ("Theo Ban Quản lý Khu kinh tế cửa khẩu Đồng Đăng - Lạng Sơn, từ ngày 01/12 đến hết ngày "
     "15/12/2024, kim ngạch xuất khẩu qua các cửa khẩu đạt 148 triệu USD.", "148 triệu USD",
     "kim ngạch xuất khẩu qua các cửa khẩu"),
    # a class level in brackets after the item before
    ("Trong tổng số 225 sản phẩm, có 1 sản phẩm đạt 5 sao (quốc gia), 19 sản phẩm đạt 4 sao "
     "và 205 sản phẩm đạt 3 sao.", "19 sản phẩm", "sản phẩm"),
    ("Toàn tỉnh có 3 sản phẩm đạt 5 sao (cấp quốc gia), 41 sản phẩm đạt 4 sao (cấp tỉnh), "
     "160 sản phẩm đạt 3 sao.", "160 sản phẩm", "sản phẩm"),
    ("Năm 2024, xuất khẩu đạt 1,2 tỷ USD (chủ yếu nông sản), nhập khẩu đạt 900 triệu USD.",
     "900 triệu USD", "nhập khẩu"),
    # who plans a target: an office plans the territory's figure; a sector's own figure is
    # said with the sector, never with the verb before the value between them
    ("Năm 2025, ngành Công Thương phấn đấu tổng kim ngạch xuất nhập khẩu qua địa bàn đạt 8 tỷ "
     "USD.", "8 tỷ USD", "tổng kim ngạch xuất nhập khẩu qua địa bàn"),
    ("Năm 2025, ngành nông nghiệp phấn đấu giá trị sản xuất đạt 3.500 tỷ đồng.",
     "3.500 tỷ đồng", "giá trị sản xuất ngành nông nghiệp"),
    # a count's name with its counted noun, at a place listed as a part
    ("Sáng 21/12/2024, số xe tồn giảm còn khoảng 4.100 xe, trong đó cửa khẩu Tân Thanh còn "
     "2.300 xe, cửa khẩu Hữu Nghị còn 1.200 xe.", "2.300 xe", "số xe của cửa khẩu Tân Thanh"),
    ("Sáng 21/12/2024, số xe tồn giảm còn khoảng 4.100 xe, trong đó cửa khẩu Tân Thanh còn "
     "2.300 xe, cửa khẩu Hữu Nghị còn 1.200 xe.", "1.200 xe", "số xe của cửa khẩu Hữu Nghị"),
])
def test_the_subject_is_the_figures_own_noun_phrase(sentence: str, value: str,
                                                     expected: str) -> None:
    assert _subjects(sentence)[value] == expected


@pytest.mark.parametrize(("sentence", "value", "expected"), [
    # near misses: a sector that plans a bare growth is what the figure is of; a dateline's
    # dash before an attribution still opens the clause; a total's money unit is no name
    ("Năm 2031, ngành công thương phấn đấu tăng trưởng 9 - 10%.", "9 - 10%",
     "tăng trưởng ngành công thương"),
    ("Ngày 15/11/2073 - Theo Văn phòng UBND tỉnh, đến ngày 10/11/2073 toàn tỉnh có 4.512 "
     "doanh nghiệp.", "4.512 doanh nghiệp", "doanh nghiệp"),
    ("Năm 2024, kim ngạch xuất khẩu đạt 612 triệu USD, trong đó rau quả 148 triệu USD.",
     "148 triệu USD", "kim ngạch xuất khẩu, trong đó rau quả"),
])
def test_near_misses_keep_their_subject(sentence: str, value: str, expected: str) -> None:
    assert _subjects(sentence)[value] == expected


DOCS = [
    {"id": "hop-bao", "title": "Họp báo tổng kết năm 2024 của Sở Công Thương",
     "date": "2024-12-27",
     "text": "Cũng theo ông Tuấn, giá trị sản xuất công nghiệp năm 2024 ước đạt 9.876 tỷ đồng, "
             "tăng 8,2%, đạt 101,3% kế hoạch. Năm 2025, ngành Công Thương phấn đấu tổng kim "
             "ngạch xuất nhập khẩu qua địa bàn đạt 8 tỷ USD."},
    {"id": "ocop", "title": "Sản phẩm OCOP năm 2024", "date": "2024-12-20",
     "text": "Trong tổng số 225 sản phẩm, có 1 sản phẩm đạt 5 sao (quốc gia), 19 sản phẩm đạt "
             "4 sao và 205 sản phẩm đạt 3 sao."},
]


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over(tmp_path_factory.mktemp("summaries"), DOCS)


@pytest.mark.parametrize(("question", "value", "said", "unsaid"), [
    ("Giá trị sản xuất công nghiệp năm 2024?", "9.876 tỷ đồng",
     "giá trị sản xuất công nghiệp ước đạt 9.876 tỷ đồng", "ông Tuấn"),
    ("Mục tiêu kim ngạch xuất nhập khẩu năm 2025?", "8 tỷ USD",
     "tổng kim ngạch xuất nhập khẩu qua địa bàn (", "đạt ngành"),
    ("Có bao nhiêu sản phẩm OCOP 4 sao?", "19 sản phẩm", "19 sản phẩm 4 sao", "quốc gia"),
])
def test_the_summary_says_the_figure_in_clean_words(service: RagService, question: str,
                                                    value: str, said: str,
                                                    unsaid: str) -> None:
    a = service.ask(question, AskOptions())
    assert a.found and value in a.answer, a.answer
    assert a.summary is not None and said in a.summary and unsaid not in a.summary, a.summary


def test_a_figure_named_only_after_its_value_is_said_so(tmp_path_factory:
                                                        pytest.TempPathFactory) -> None:
    # the attribution's organisation (its name with a dash) names nothing: the words after
    # the value do ("có 1.146 phương tiện làm thủ tục ..."), never "số liệu có ..."
    service = service_over(tmp_path_factory.mktemp("named-after"), [
        {"id": "thong-quan", "title": "Thông quan hàng hóa", "date": "2023-02-08",
         "text": "Theo báo cáo nhanh của Ban Quản lý Khu kinh tế cửa khẩu Đồng Đăng - Lạng Sơn, "
                 "riêng ngày 7/2/2023 đã có 1.146 phương tiện làm thủ tục xuất nhập khẩu qua các "
                 "cửa khẩu của tỉnh, trong đó 552 xe xuất khẩu và 594 xe nhập khẩu."}])
    a = service.ask("ngày 7/2/2023 có bao nhiêu phương tiện làm thủ tục xuất nhập khẩu qua các "
                    "cửa khẩu", AskOptions())
    assert a.found and "1.146 phương tiện" in a.answer, a.answer
    assert a.summary is not None and "Ban Quản lý" not in a.summary and \
        "số liệu" not in a.summary and "1.146 phương tiện làm thủ tục" in a.summary, a.summary
