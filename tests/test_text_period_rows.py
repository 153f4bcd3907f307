"""Session 42 brief txtyears (break-test bt17h, xuat_nhap_khau_nam_2027.txt): plain-text rows
"Năm 2023: 3.115" under a lead-in "Kim ngạch xuất nhập khẩu qua địa bàn giai đoạn 2023 - 2027
(triệu USD):" were read as sentences of a bare number -- no unit, no indicator, no figure --
and a question over the years got only the year the prose stated, the others "không có số
liệu".  Such rows are a table (rag.ingest.markdown.colon_tables): each value takes the
lead-in's indicator and unit and its label's period, as a DOCX or HTML table's rows do.

Variants: .txt years, .md quarters under list marks, .txt "- Tháng 3/2041: 12,5" bullets.
Near-misses: prose rows ("Năm 2023: kim ngạch đạt ...") keep reading as sentences; a lead-in
whose lines are not periods ("Xuất khẩu: 2.418") is left as text."""

from __future__ import annotations

import pytest
from conftest import service_over_files

from rag.ingest.markdown import md_to_text, text_with_tables
from rag.records import AskOptions
from rag.service import RagService

_XNK = ("Kết quả xuất nhập khẩu qua địa bàn tỉnh năm 2057 và giai đoạn 2053 - 2057\n"
        "Ngày đăng: 12/01/2058\n\n"
        "Năm 2057, tổng kim ngạch xuất nhập khẩu qua địa bàn tỉnh đạt 5.962 triệu USD, tăng "
        "21,4% so với năm 2056.\n\n"
        "Kim ngạch xuất nhập khẩu qua địa bàn giai đoạn 2053 - 2057 (triệu USD):\n"
        "Năm 2053: 3.115\nNăm 2054: 3.870\nNăm 2055: 4.402\nNăm 2056: 4.911\nNăm 2057: 5.962\n"
        "Tốc độ tăng bình quân giai đoạn 2053 - 2057 đạt 17,6%/năm.\n")

_QUY = ("# Tình hình thu hút khách du lịch năm 2063\n\n"
        "Năm 2063, toàn tỉnh đón nhiều đoàn khách quốc tế.\n\n"
        "Doanh thu du lịch theo quý năm 2063 (tỷ đồng):\n"
        "- Quý I/2063: 812,4\n- Quý II/2063: 905,1\n- Quý III/2063: 1.020,6\n")

_THANG = ("Báo cáo sản xuất công nghiệp\n\n"
          "Sản lượng điện sản xuất các tháng đầu năm 2041 (triệu kWh):\n"
          "- Tháng 1/2041: 95,2\n- Tháng 2/2041: 88,7\n- Tháng 3/2041: 101,3\n\n"
          "Tình hình xuất khẩu năm 2041:\n"
          "Năm 2040: kim ngạch xuất khẩu đạt 1.315 triệu USD\n"
          "Năm 2041: kim ngạch xuất khẩu đạt 1.502 triệu USD\n\n"
          "Cơ cấu kim ngạch năm 2041 (triệu USD):\n"
          "Xuất khẩu: 2.418\nNhập khẩu: 3.544\n")

DOCS: dict[str, str | bytes] = {
    "xnk_2057.txt": _XNK, "du_lich_2063.md": _QUY, "cong_nghiep_2041.txt": _THANG}


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over_files(tmp_path_factory.mktemp("text_period_rows"), DOCS)


def test_rows_under_a_lead_in_take_its_unit() -> None:
    text = text_with_tables(_XNK)
    assert "Năm 2054: 3.870 triệu USD" in text, text
    md = md_to_text(_QUY)[1]
    assert "Quý II/2063: 905,1 tỷ đồng" in md, md
    text = text_with_tables(_THANG)
    assert "Tháng 2/2041: 88,7 triệu kWh" in text, text
    # near-misses: prose rows and rows that are no periods stay as written
    assert "Năm 2040: kim ngạch xuất khẩu đạt 1.315 triệu USD\n" in text, text
    assert "Xuất khẩu: 2.418\nNhập khẩu: 3.544" in text, text


@pytest.mark.parametrize(("question", "value"), [
    ("kim ngạch xuất nhập khẩu qua địa bàn năm 2054", "3.870 triệu USD"),
    ("kim ngạch xuất nhập khẩu qua địa bàn năm 2056 là bao nhiêu", "4.911 triệu USD"),
    ("doanh thu du lịch quý II/2063", "905,1 tỷ đồng"),
    ("sản lượng điện sản xuất tháng 2/2041", "88,7 triệu kWh"),
    # near-miss: a prose row keeps its reading
    ("kim ngạch xuất khẩu năm 2040", "1.315 triệu USD"),
])
def test_a_text_row_answers_its_period(service: RagService, question: str, value: str) -> None:
    a = service.ask(question, AskOptions())
    assert a.found and a.answer == value, (question, a.answer, a.summary)


def test_the_rows_over_the_years(service: RagService) -> None:
    a = service.ask("kim ngạch xuất nhập khẩu qua địa bàn qua các năm giai đoạn 2053-2057",
                    AskOptions())
    assert a.found and all(v in a.answer for v in ("3.115", "3.870", "4.402", "4.911")), \
        (a.answer, a.summary)
    a = service.ask("kim ngạch xuất nhập khẩu qua địa bàn năm 2056 và 2057", AskOptions())
    assert a.found and "4.911" in a.answer and "5.962" in a.answer, (a.answer, a.summary)
