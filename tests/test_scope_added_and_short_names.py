"""A question that widens the scope of what it asks ("kể cả các lối mở", "(cả các cửa khẩu
phụ)", "bao gồm cả ...") is not answered by the narrower figure as if it were the whole, nor
by a figure of one added part: either is said to be a part, never "chỉ có số liệu chung"
(break-test bt17-b17 failure 9).  A shortened name of an indicator the document gave in full
before ("sản lượng thủy sản" after "sản lượng khai thác thủy sản") is that indicator, no whole
of a subclass (break-test bt15-b17 failure 8)."""

from __future__ import annotations

import pytest
from conftest import service_over

from rag.answer.figures import included_scope


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory):
    root = tmp_path_factory.mktemp("scope_added")
    return service_over(root, [
        {"id": "bp-2081", "title": "Tình hình xuất nhập cảnh qua biên giới 6 tháng đầu năm 2081",
         "date": "2081-07-06",
         "text": "Lũy kế 6 tháng năm 2081, lượt hành khách xuất nhập cảnh qua cửa khẩu quốc tế "
                 "Tà Lùng đạt 412.300 lượt, tăng 9,2% so với cùng kỳ.\n\nVề các lối mở biên "
                 "giới thuộc Đồn Biên phòng: lối mở Pác Bó 6 tháng đạt 38.400 lượt; lối mở Nậm "
                 "Cắt đạt 21.700 lượt."},
        {"id": "ts-2084", "title": "Họp báo kết quả sản xuất thủy sản 10 tháng năm 2084",
         "date": "2084-11-08",
         "text": "Sản lượng khai thác thủy sản của tỉnh tháng 10/2084 đạt 12.400 tấn, tăng 3,1% "
                 "so với cùng kỳ; lũy kế 10 tháng đạt 118.600 tấn.\n\nTrả lời câu hỏi của phóng "
                 "viên, ông Lê Văn Bình, Phó Giám đốc Sở cho biết: \"cả năm 2084 sản lượng thủy "
                 "sản ước đạt 142.000 tấn\"."},
        {"id": "rq-2085", "title": "Xuất khẩu hàng hóa tháng 11 năm 2085", "date": "2085-12-04",
         "text": "Kim ngạch xuất khẩu rau quả tháng 11/2085 đạt 40 triệu USD; lũy kế 11 tháng đạt "
                 "395 triệu USD.\n\nDự kiến cả năm 2085, kim ngạch xuất khẩu của tỉnh ước đạt "
                 "2.150 triệu USD."},
        {"id": "dien-2080", "title": "Báo cáo ngành điện năm 2080", "date": "2081-01-12",
         "text": "Năm 2080, sản lượng điện thương phẩm toàn tỉnh, kể cả các nhà máy thủy điện "
                 "nhỏ, đạt 3.140 triệu kWh, tăng 6,4%; riêng các nhà máy thủy điện nhỏ đạt 410 "
                 "triệu kWh."},
    ])


def test_scope_added_phrases_are_read_with_their_words() -> None:
    assert [p for p, _ in included_scope("lượt khách 6 tháng 2081 (kể cả các lối mở)?")] == \
        ["các lối mở"]
    assert [p for p, _ in included_scope("doanh thu bao gồm cả lữ hành năm 2070 là bao nhiêu")] \
        == ["lữ hành"]
    assert included_scope("kim ngạch xuất khẩu cả năm 2063?") == ()
    assert included_scope("sản lượng cá tra năm 2070") == ()


@pytest.mark.parametrize("question", [
    "tổng lượt hành khách xuất nhập cảnh 6 tháng năm 2081 (kể cả các lối mở)?",
    "lượt hành khách xuất nhập cảnh qua Tà Lùng 6 tháng 2081 tính cả các lối mở là bao nhiêu?",
    "số lượt hành khách xuất nhập cảnh 6 tháng 2081, bao gồm cả lối mở",
])
def test_a_wider_scope_asked_is_not_answered_by_a_part_as_the_whole(service, question: str
                                                                     ) -> None:
    answer = service.ask(question)
    summary = answer.summary or ""
    assert "số liệu chung" not in summary, summary
    if answer.found:
        assert answer.confidence < 0.9, (answer.answer, answer.confidence)
        assert "chưa gồm" in summary or "một phần" in summary, summary


def test_the_narrower_scope_asked_is_answered_plainly(service) -> None:
    answer = service.ask("lượt hành khách xuất nhập cảnh qua cửa khẩu Tà Lùng 6 tháng 2081?")
    assert answer.found and "412.300" in answer.answer
    assert "chưa gồm" not in (answer.summary or "")


@pytest.mark.parametrize("question", [
    "sản lượng khai thác thủy sản cả năm 2084?",
    "sản lượng khai thác thủy sản năm 2084 ước đạt bao nhiêu tấn",
])
def test_a_short_name_is_the_full_one_for_a_subclass(service, question: str) -> None:
    answer = service.ask(question)
    assert answer.found and "142.000" in answer.answer, (answer.answer, answer.summary)
    assert "số liệu riêng" not in (answer.summary or "")


def test_a_name_without_the_subclass_after_it_stays_the_whole(service) -> None:
    answer = service.ask("kim ngạch xuất khẩu rau quả cả năm 2085?")
    if answer.found and "2.150" in answer.answer:
        assert "riêng" in (answer.summary or "") and answer.confidence < 0.9, answer.summary


def test_a_figure_whose_sentence_includes_the_added_scope_is_the_whole(service) -> None:
    answer = service.ask("sản lượng điện thương phẩm năm 2080 tính cả các nhà máy thủy điện nhỏ?")
    assert answer.found and "3.140" in answer.answer, (answer.answer, answer.summary)
    assert "chưa gồm" not in (answer.summary or "") and "một phần" not in (answer.summary or "")
