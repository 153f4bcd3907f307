"""Issue 16, break-test bt16g item 4: "tổng trị giá ..." asks an amount of money, no count.

"trị giá" is the customs' word for "giá trị" ("trị giá hàng hóa vi phạm ước 18,4 tỷ đồng",
dev3 r20's customs report).  A leading "tổng trị giá" was read as a count of "trị"
(rag.answer.figures.counted_thing) and every money figure dropped: "tổng trị giá hàng dự trữ
mùa mưa bão 2017?" was refused over "Năm 2017, các doanh nghiệp dự trữ hàng thiết yếu với tổng
trị giá 48 tỷ đồng".

Near-misses: "tổng số vụ vi phạm" still asks a count (of "vụ"), not the money beside it."""

from __future__ import annotations

import pytest
from conftest import service_over_files

from rag.records import AskOptions
from rag.service import RagService


def _html(title: str, body: str) -> str:
    return (f'<html><head><meta charset="utf-8"><title>{title}</title></head><body>'
            f'<div class="detail"><h1>{title}</h1>{body}</div></body></html>')


DOCS: dict[str, str | bytes] = {
    "du_tru.html": _html(
        "Dự trữ hàng hóa mùa mưa bão năm 2057",
        "<p>Năm 2057, các doanh nghiệp dự trữ hàng thiết yếu với tổng trị giá 48 tỷ đồng để "
        "phục vụ mùa mưa bão.</p><h3>Hàng dự trữ</h3><table border='1'><tr><th>Mặt hàng</th>"
        "<th>Số lượng</th></tr><tr><td>Mì tôm</td><td>36.000 thùng</td></tr>"
        "<tr><td>Nước đóng chai</td><td>90.000 chai</td></tr></table>"),
    "hai_quan.txt": (
        "BÁO CÁO CÔNG TÁC HẢI QUAN 6 THÁNG ĐẦU NĂM 2058\n\n"
        "6 tháng đầu năm 2058, Chi cục phát hiện, bắt giữ 126 vụ vi phạm, tổng trị giá hàng hóa "
        "vi phạm ước 18,4 tỷ đồng.\n\nCác đơn vị tiếp tục triển khai nhiệm vụ được giao.\n"),
    "binh_on.html": _html(
        "Chương trình bình ổn giá Tết năm 2059",
        "<p>Năm 2059, 12 doanh nghiệp tham gia chương trình bình ổn giá với tổng trị giá hàng "
        "hóa đăng ký 135,6 tỷ đồng.</p>"),
}

ASKED = [
    ("tổng trị giá hàng dự trữ mùa mưa bão 2057?", "48 tỷ đồng"),
    ("tổng trị giá hàng dự trữ năm 2057?", "48 tỷ đồng"),
    ("tổng trị giá hàng hóa vi phạm 6 tháng đầu năm 2058?", "18,4 tỷ đồng"),
    ("tổng trị giá hàng hóa bình ổn giá năm 2059?", "135,6 tỷ đồng"),
]

KEPT = [
    ("tổng số vụ vi phạm 6 tháng đầu năm 2058?", "126 vụ vi phạm"),
    ("số doanh nghiệp tham gia bình ổn giá năm 2059?", "12 doanh nghiệp"),
]


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over_files(tmp_path_factory.mktemp("tri_gia"), DOCS)


@pytest.mark.parametrize(("question", "value"), ASKED + KEPT)
def test_tri_gia_is_money(service: RagService, question: str, value: str) -> None:
    a = service.ask(question, AskOptions())
    assert a.found and a.answer == value, (question, a.answer, a.summary, a.note)
