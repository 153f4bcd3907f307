"""A summary names the place of the figure's own clause: "Năm 2041, số hộ sử dụng điện lưới
của huyện Mường Tè đạt 9.120 hộ, huyện Sìn Hồ đạt 14.385 hộ" -- the second figure's
indicator is carried over from the first clause, and its summary said "của huyện Mường Tè
đạt 14.385 hộ" (break-test round 13 of issue 16, minor)."""

from __future__ import annotations

import pytest
from conftest import service_over_files

from rag.answer.compose import admin_places
from rag.records import AskOptions
from rag.service import RagService

DOCS = {
    "dien-2041.txt": (
        "Báo cáo tình hình cung cấp điện năm 2041\n\n"
        "Năm 2041, số hộ sử dụng điện lưới của huyện Mường Tè đạt 9.120 hộ, huyện Sìn Hồ đạt "
        "14.385 hộ.\n"
        "Năm 2041, sản lượng chè búp tươi của xã Tân Thanh đạt 1.250,5 tấn; xã Hoàng Đồng đạt "
        "2.310,4 tấn.\n"),
}


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over_files(tmp_path_factory.mktemp("clause"), DOCS)


@pytest.mark.parametrize(("question", "value", "place", "other"), [
    ("số hộ sử dụng điện lưới huyện Sìn Hồ năm 2041", "14.385", "huyện Sìn Hồ", "Mường Tè"),
    ("số hộ sử dụng điện lưới huyện Mường Tè năm 2041", "9.120", "huyện Mường Tè", "Sìn Hồ"),
    ("sản lượng chè búp tươi xã Hoàng Đồng năm 2041", "2.310,4", "xã Hoàng Đồng",
     "Tân Thanh"),
])
def test_the_summary_names_the_clauses_place(service: RagService, question: str, value: str,
                                             place: str, other: str) -> None:
    answer = service.ask(question, AskOptions(retrieval_mode="lexical"))
    assert answer.found and value in answer.answer, answer.answer
    assert place in (answer.summary or "") and other not in (answer.summary or ""), \
        answer.summary


def test_admin_places_need_a_capitalised_name() -> None:
    assert admin_places("huyện Sìn Hồ đạt 14.385 hộ") == [("huyện", "Sìn Hồ")]
    assert admin_places("các xã đạt chuẩn, thành phố Lạng Sơn") == [("thành phố", "Lạng Sơn")]
