"""A list of values in one sentence whose later items name only their distinguishing word
after the noun they share with the first item -- "Tỷ lệ tờ khai phân luồng xanh đạt 71,6%,
luồng vàng 24,1%, luồng đỏ 4,3%" -- gives each later item the first item's head with its own
distinguishing word ("tỷ lệ tờ khai phân luồng đỏ"), so a question naming a later item gets
its value, never the first item's (break-test bt17f: "Tỷ lệ tờ khai luồng đỏ" got 71,6% at
0.96).  Other nouns, numbers, years and file shapes than the example; near-misses: the first
item keeps its value, items repeating the head keep working, and an item that is a word of
its own ("xuất siêu" after "kim ngạch xuất khẩu") is no sibling.  The same list naming
its items by a graded class before each count ("hạng 1: 4 chợ, hạng 2: 15 chợ") gives each
count its own class, as "4 chợ hạng 1, 15 chợ hạng 2" does."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import service_over_files
from helpers import make_docx

from rag.records import AskOptions
from rag.service import RagService
from rag.vi.frames import extract


def _indicators(sentence: str) -> dict[str, str]:
    text = f"Báo cáo năm 2041\n\n{sentence}\n"
    return {f.value: f.indicator.lower() for f in extract(text, "Báo cáo năm 2041")}


def test_later_items_take_the_head() -> None:
    got = _indicators("Năm 2041, tỷ lệ tờ khai phân luồng xanh đạt 68,2%, luồng vàng 26,5%, "
                      "luồng đỏ 5,3%.")
    assert got["68,2%"] == "tỷ lệ tờ khai phân luồng xanh"
    assert got["26,5%"] == "tỷ lệ tờ khai phân luồng vàng"
    assert got["5,3%"] == "tỷ lệ tờ khai phân luồng đỏ"


def test_items_of_more_words() -> None:
    got = _indicators("Năm học 2040 - 2041, tỷ lệ học sinh xếp loại giỏi đạt 38,5%, loại khá "
                      "42,1%, loại trung bình 19,4%.")
    assert got["42,1%"] == "tỷ lệ học sinh xếp loại khá"
    assert got["19,4%"] == "tỷ lệ học sinh xếp loại trung bình"


def test_an_item_that_is_a_word_keeps_the_head() -> None:
    got = _indicators("Năm 2041, sản lượng chè vùng thấp đạt 1.370 tấn, vùng cao 2.640 tấn.")
    assert got["2.640 tấn"] == "sản lượng chè vùng cao"


def test_classes_named_before_their_counts() -> None:
    text = ("Báo cáo năm 2041\n\nNăm 2041, phân theo hạng chợ, hạng 1: 4 chợ, hạng 2: 15 chợ, "
            "hạng 3: 66 chợ.\nSố trường học cấp 2 có 57 trường, cấp 3 có 21 trường.\n")
    got = {f.value: f.detail for f in extract(text, "Báo cáo năm 2041")}
    assert (got["4 chợ"], got["15 chợ"], got["66 chợ"]) == ("hạng 1", "hạng 2", "hạng 3")
    assert (got["57 trường"], got["21 trường"]) == ("cấp 2", "cấp 3")


def test_classes_named_after_their_counts_still_work() -> None:
    text = ("Báo cáo năm 2041\n\nNăm 2041, toàn tỉnh có 4 chợ hạng 1, 15 chợ hạng 2 và 66 chợ "
            "hạng 3.\n")
    got = {f.value: f.detail for f in extract(text, "Báo cáo năm 2041")}
    assert (got["4 chợ"], got["15 chợ"], got["66 chợ"]) == ("hạng 1", "hạng 2", "hạng 3")


def test_items_repeating_the_head_still_work() -> None:
    got = _indicators("Năm 2041, tỷ lệ thất nghiệp khu vực thành thị là 3,14%, khu vực nông "
                      "thôn là 1,72%.")
    assert got["1,72%"] == "tỷ lệ thất nghiệp khu vực nông thôn"


def test_a_word_of_its_own_is_no_sibling() -> None:
    got = _indicators("Năm 2041, kim ngạch xuất khẩu đạt 512 triệu USD, xuất siêu 87 triệu USD.")
    assert got["87 triệu USD"] == "xuất siêu"


DOCS: dict[str, str | bytes] = {
    "cuakhau_2041.html": (
        "<html><head><title>Cải cách thủ tục tại các cửa khẩu năm 2041</title></head><body>"
        "<h1>Cải cách thủ tục tại các cửa khẩu năm 2041</h1>"
        "<p>Năm 2041, thời gian thông quan một tờ khai giảm còn 40 phút.</p>"
        "<p>Tỷ lệ tờ khai phân luồng xanh đạt 68,2%, luồng vàng 26,5%, luồng đỏ 5,3%.</p>"
        "</body></html>"),
    "giaoduc_2041.docx": make_docx(
        "BÁO CÁO TỔNG KẾT NĂM HỌC 2040 - 2041",
        "Năm học 2040 - 2041, toàn tỉnh có 412 trường học.",
        "Tỷ lệ học sinh xếp loại giỏi đạt 38,5%, loại khá 42,1%, loại trung bình 19,4%."),
    "laodong_2041.txt": (
        "BÁO CÁO TÌNH HÌNH LAO ĐỘNG VIỆC LÀM NĂM 2041\n\n"
        "Năm 2041, tỷ lệ thất nghiệp khu vực thành thị là 3,14%, khu vực nông thôn là 1,72%.\n"),
    "nongnghiep_2041.txt": (
        "BÁO CÁO SẢN XUẤT NÔNG NGHIỆP NĂM 2041\n\n"
        "Năm 2041, diện tích trồng rừng mới đạt 11.800 ha.\n"
        "Sản lượng chè vùng thấp đạt 1.370 tấn, vùng cao 2.640 tấn.\n"),
    "cho_2041.txt": (
        "BÁO CÁO PHÁT TRIỂN HẠ TẦNG THƯƠNG MẠI NĂM 2041\n\n"
        "Năm 2041, toàn tỉnh có 85 chợ đang hoạt động.\n"
        "Phân theo hạng chợ, hạng 1: 3 chợ, hạng 2: 15 chợ, hạng 3: 67 chợ.\n"),
}


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over_files(tmp_path_factory.mktemp("list_heads"), DOCS)


@pytest.mark.parametrize(("question", "expected", "others"), [
    ("Tỷ lệ tờ khai luồng đỏ năm 2041?", "5,3", ("68,2", "26,5")),
    ("Tỷ lệ tờ khai phân luồng vàng năm 2041 là bao nhiêu?", "26,5", ("68,2", "5,3")),
    ("tỷ lệ học sinh xếp loại khá năm học 2040 - 2041", "42,1", ("38,5", "19,4")),
    ("tỷ lệ học sinh loại trung bình năm học 2040 - 2041", "19,4", ("38,5", "42,1")),
    ("sản lượng chè vùng cao năm 2041", "2.640", ("1.370",)),
    ("số chợ hạng 2 năm 2041", "15", ("67 chợ", " 3 chợ")),
    ("số chợ hạng 3 năm 2041", "67", ("15 chợ", " 3 chợ")),
    # near-misses: the first item, and a list whose items repeat the head
    ("Tỷ lệ tờ khai luồng xanh năm 2041?", "68,2", ("26,5", "5,3")),
    ("tỷ lệ thất nghiệp khu vực nông thôn năm 2041", "1,72", ("3,14",)),
    ("sản lượng chè vùng thấp năm 2041", "1.370", ("2.640",)),
    ("số chợ hạng 1 năm 2041", "3 chợ", ("15 chợ", "67 chợ")),
])
def test_each_item_answers_for_itself(service: RagService, question: str, expected: str,
                                      others: tuple[str, ...]) -> None:
    a = service.ask(question, AskOptions(today=date(2042, 3, 1)))
    assert a.found and expected in a.answer, a.answer
    assert not any(o in a.answer for o in others), a.answer
