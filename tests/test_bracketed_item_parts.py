"""An item of a list of main goods named before a bracket of its own parts owns the figure
after the bracket: "hoa quả tươi (thanh long, sầu riêng, mít) đạt 1.204 triệu USD" is fresh
fruit's, not "mít"'s, so "kim ngạch xuất khẩu hoa quả tươi" is answered 1.204, not with the
next item's 655 (rag.answer.list_items.listed_item; issue 17 break-test bt17m).  Near-misses:
a total asked keeps the total, the next item keeps its own figure."""

from __future__ import annotations

import pytest
from conftest import service_over

from rag.answer.list_items import listed_item
from rag.records import AskOptions
from rag.service import RagService

DOCS = [
    {"id": "hq69", "title": "Xuất nhập khẩu năm 2069", "date": "2070-01-05",
     "text": "Năm 2069, xuất khẩu qua địa bàn đạt 3.275 triệu USD. Mặt hàng xuất khẩu chủ yếu "
             "là hoa quả tươi (thanh long, sầu riêng, mít) đạt 1.204 triệu USD, chiếm 36,8% kim "
             "ngạch xuất khẩu; linh kiện điện tử đạt 655 triệu USD."},
    {"id": "hq41", "title": "Xuất khẩu 6 tháng đầu năm 2041", "date": "2041-07-03",
     "text": "6 tháng đầu năm 2041, nhóm hàng xuất khẩu chủ lực là nông sản (gạo, chè, hồi) "
             "đạt 418,5 triệu USD, chiếm 40% kim ngạch xuất khẩu; hàng dệt may đạt 96,2 "
             "triệu USD."},
    {"id": "hq52", "title": "Nhập khẩu năm 2052", "date": "2052-12-28",
     "text": "Năm 2052, mặt hàng nhập khẩu chủ yếu là máy móc thiết bị (cần cẩu, xe xúc) đạt "
             "1.930 triệu USD, chiếm 42,1% kim ngạch nhập khẩu; phân bón đạt 210 triệu USD."},
]


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over(tmp_path_factory.mktemp("bracketed_items"), DOCS)


@pytest.mark.parametrize(("question", "expected"), [
    ("Kim ngạch xuất khẩu hoa quả tươi năm 2069?", "1.204"),
    ("Xuất khẩu nông sản 6 tháng đầu năm 2041 đạt bao nhiêu?", "418,5"),
    ("Nhập khẩu máy móc thiết bị năm 2052 bao nhiêu?", "1.930"),
    # near-misses: the total asked, the next item asked
    ("Xuất khẩu qua địa bàn năm 2069?", "3.275"),
    ("Kim ngạch xuất khẩu linh kiện điện tử năm 2069?", "655"),
    ("Nhập khẩu phân bón năm 2052?", "210"),
])
def test_the_item_before_its_bracket_owns_the_figure(service: RagService, question: str,
                                                     expected: str) -> None:
    reply = service.ask(question, AskOptions(retrieval_mode="lexical"))
    assert reply.found and expected in reply.answer, (reply.answer, reply.answer_sentence)


def test_listed_item_reads_past_a_closed_bracket() -> None:
    s = "Mặt hàng xuất khẩu chủ yếu là hoa quả tươi (thanh long, sầu riêng, mít) đạt 1.204"
    assert listed_item(s, s.index("1.204")) == {"hoa", "qua", "tuoi"}
    # the value of the item before, in its bracket, is no item either
    s = "Mặt hàng xuất khẩu chủ yếu là sầu riêng (162,4 triệu USD), thanh long (48,9"
    assert listed_item(s, s.index("48,9")) == {"thanh", "long"}
