"""A share column beside an amount column is each row's share of the table's whole: "Tỷ
trọng (%)" or "Cơ cấu (%)" after "Kim ngạch (triệu USD)" by border gate, or after "Sản
lượng (triệu kWh)" by consumer group, was stored as a level of the row, so "tỷ trọng X
trong ..." and "X chiếm bao nhiêu phần trăm ..." found no share (dev2 e06 and e07, the
same shape in dev report dv34).  Tables of our own in Markdown, HTML and CSV, with other
indicators, rows, places and years than those documents."""

from __future__ import annotations

import pytest
from conftest import service_over_files

from rag.records import AskOptions
from rag.service import RagService
from rag.vi.frames import extract

DOCS = {
    "dulich_2097.md": (
        "# Báo cáo kết quả hoạt động du lịch năm 2097\n\n"
        "Bảng 1. Lượt khách du lịch năm 2097 theo huyện\n\n"
        "| Huyện | Lượt khách (nghìn lượt) | Tỷ trọng (%) |\n|---|---|---|\n"
        "| Huyện Bình Gia | 412,5 | 38,6 |\n"
        "| Huyện Văn Quan | 276,1 | 25,8 |\n"
        "| Huyện Lộc Bình | 380,4 | 35,6 |\n"),
    "thuenoi_dia_2098.html": (
        "<html><head><title>Thu nội địa năm 2098 theo khu vực</title></head><body>"
        "<h1>Thu nội địa năm 2098 theo khu vực kinh tế</h1>"
        "<p>Ngày 10/01/2099</p>"
        "<table><caption>Thu nội địa năm 2098 theo khu vực</caption>"
        "<thead><tr><th>Khu vực</th><th>Số thu (tỷ đồng)</th><th>Cơ cấu (%)</th></tr></thead>"
        "<tbody><tr><td>Doanh nghiệp nhà nước</td><td>512,0</td><td>21,4</td></tr>"
        "<tr><td>Khu vực ngoài quốc doanh</td><td>1.620,7</td><td>67,9</td></tr>"
        "<tr><td>Doanh nghiệp có vốn đầu tư nước ngoài</td><td>255,3</td><td>10,7</td></tr>"
        "</tbody></table></body></html>"),
}


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over_files(tmp_path_factory.mktemp("share_columns"), DOCS)


@pytest.mark.parametrize(("question", "expected"), [
    ("tỷ trọng huyện Văn Quan trong lượt khách du lịch năm 2097", "25,8%"),
    ("huyện Lộc Bình chiếm bao nhiêu phần trăm lượt khách du lịch năm 2097", "35,6%"),
    ("khu vực ngoài quốc doanh chiếm bao nhiêu phần trăm thu nội địa năm 2098", "67,9%"),
    ("cơ cấu thu nội địa năm 2098: doanh nghiệp nhà nước chiếm bao nhiêu %", "21,4%"),
])
def test_a_share_column_answers_share_questions(service: RagService, question: str,
                                                expected: str) -> None:
    a = service.ask(question, AskOptions())
    assert a.found and expected in a.answer, a.answer


@pytest.mark.parametrize(("question", "expected"), [
    ("lượt khách du lịch đến huyện Lộc Bình năm 2097", "380,4"),
    ("thu nội địa từ doanh nghiệp có vốn đầu tư nước ngoài năm 2098", "255,3"),
])
def test_the_amount_column_still_answers_amount_questions(service: RagService, question: str,
                                                          expected: str) -> None:
    a = service.ask(question, AskOptions())
    assert a.found and expected in a.answer, a.answer


def test_the_share_column_gives_shares_and_the_others_keep_their_measures() -> None:
    text = "Sản xuất công nghiệp năm 2096\n\n" + "\n".join([
        "Giá trị (tỷ đồng) — Chế biến nông sản: 1.204,6 tỷ đồng (năm 2096)",
        "Tỷ trọng (%) — Chế biến nông sản: 31,5% (năm 2096)",
        "Cơ cấu (%) — Khai khoáng: 12,2% (năm 2096)",
        "So cùng kỳ (%) — Khai khoáng: 104,3 (năm 2096)",
        "Tỷ trọng so với kế hoạch (%) — Khai khoáng: 98,1 (năm 2096)",
    ]) + "\n"
    got = {f.value: f.measure for f in extract(text, "Sản xuất công nghiệp năm 2096")}
    assert got["1.204,6 tỷ đồng"] == "level"
    assert got["31,5%"] == "share"
    assert got["12,2%"] == "share"
    assert got["104,3"] != "share"
    assert got["98,1"] == "plan_share"
