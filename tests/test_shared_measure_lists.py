"""A list whose later items share the measure words of the first: "<measure> <item A> đạt
N; <item B> M; ..." -- each later item is "<measure> <item B>", neither its bare name nor the
item before's indicator (break-test bt10-b16 failure 1: "diện tích gieo trồng lúa đạt 48.250
ha; ngô 17.630 ha" stored ngô's figure as a second lúa value, and "tổng vốn đầu tư nâng cấp
Quốc lộ 279 ... là 1.215 tỷ đồng; Quốc lộ 3B là 642 tỷ đồng" stored "Quốc lộ 3B" alone).
Other measures, items, numbers and years than the example."""

from __future__ import annotations

import pytest
from conftest import service_over_files

from rag.records import AskOptions
from rag.service import RagService
from rag.vi.frames import extract


def _indicators(sentence: str) -> dict[str, str]:
    text = f"Báo cáo năm 2057\n\n{sentence}\n"
    return {f.value: f.indicator for f in extract(text, "Báo cáo năm 2057")}


def test_a_later_item_takes_the_measure_words() -> None:
    got = _indicators("Năm 2057, sản lượng chè búp tươi đạt 21.540 tấn; hồi 3.870 "
                      "tấn; quế vỏ khô 2.115 tấn.")
    assert got["21.540 tấn"] == "sản lượng chè búp tươi"
    assert fold_words(got["3.870 tấn"]) >= {"san", "luong", "hoi"}
    assert "che" not in fold_words(got["3.870 tấn"])
    assert fold_words(got["2.115 tấn"]) >= {"san", "luong", "que"}
    assert "hoi" not in fold_words(got["2.115 tấn"])


def test_a_named_item_replaces_the_name_before() -> None:
    got = _indicators("Năm 2057, kinh phí cải tạo Trường THCS Hoàng Văn Thụ là 18,6 tỷ đồng; "
                      "Trường THCS Chi Lăng là 12,4 tỷ đồng.")
    assert got["12,4 tỷ đồng"] == "kinh phí cải tạo Trường THCS Chi Lăng"


def test_an_indicator_of_its_own_stays() -> None:
    got = _indicators("Năm 2057, doanh thu đạt 840 tỷ đồng; lợi nhuận 62 tỷ đồng.")
    assert got["62 tỷ đồng"] == "lợi nhuận"


def fold_words(text: str) -> set[str]:
    from rag.vi.text import fold
    return set(fold(text).lower().split())


DOCS = {
    "nongnghiep_2057.txt": (
        "Báo cáo sản xuất nông nghiệp năm 2057\n"
        "Năm 2057, diện tích thu hoạch sắn đạt 6.420 ha; khoai lang 2.935 ha; lạc 1.208 ha.\n"),
    "giaothong_2058.txt": (
        "Báo cáo kết quả đầu tư năm 2058\n"
        "Năm 2058, tổng vốn đầu tư cải tạo Tỉnh lộ 229 là 384 tỷ đồng; Tỉnh lộ 241 là 217 tỷ "
        "đồng.\n"),
}


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over_files(tmp_path_factory.mktemp("shared_measure"), DOCS)


@pytest.mark.parametrize(("question", "expected", "other"), [
    ("diện tích thu hoạch khoai lang năm 2057", "2.935", "6.420"),
    ("diện tích thu hoạch lạc năm 2057", "1.208", "2.935"),
    ("diện tích thu hoạch sắn năm 2057", "6.420", "2.935"),
    ("vốn đầu tư cải tạo Tỉnh lộ 241 năm 2058", "217", "384"),
    ("vốn đầu tư cải tạo Tỉnh lộ 229 năm 2058", "384", "217"),
])
def test_each_item_answers_its_own_question(service: RagService, question: str, expected: str,
                                            other: str) -> None:
    a = service.ask(question, AskOptions())
    assert a.found and expected in a.answer and other not in a.answer, a.answer
