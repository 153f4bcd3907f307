"""A same-period comparison asked with no verb ("X năm N so với cùng kỳ", "X năm N so với năm
trước") of a year whose year before no report gives: the change (or the "So cùng kỳ (%)" index)
stated against it answers, as it does for a month -- not the one year's level with "no figure
of the year before" (break-test bt7-b16 failure 2).  When both years' levels are reported and no
change is, the two levels still answer.  Every document is built here, small, with other
indicators, periods and numbers than the break-test's."""

from __future__ import annotations

import io
from pathlib import Path

import docx
from conftest import FakeEmbedder

from rag.ingest.uploads import read_upload
from rag.service import RagService
from rag.settings import Settings


def _service(tmp_path: Path, *docs: tuple[str, bytes]) -> RagService:
    service = RagService(Settings(index_dir=tmp_path / "index", sessions_db=tmp_path / "s.db"),
                         embedder=FakeEmbedder())
    for name, data in docs:
        service.add_document(read_upload(name, data))
    return service


def _docx(title: str, rows: list[list[str]]) -> bytes:
    d = docx.Document()
    d.add_paragraph(title)
    t = d.add_table(rows=len(rows), cols=len(rows[0]))
    for i, r in enumerate(rows):
        for j, v in enumerate(r):
            t.cell(i, j).text = v
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


_MD_YEAR = ("# Kết quả sản xuất lâm nghiệp năm 2053\n\n"
            "Đơn vị tính: m3\n\n"
            "| Chỉ tiêu | Kế hoạch 2053 | Thực hiện 2053 | So cùng kỳ (%) |\n"
            "|---|---|---|---|\n"
            "| Gỗ rừng trồng khai thác | 140.000 | 151.320 | 93,6 |\n"
            "| Củi khai thác | 52.000 | 55.870 | 112,3 |\n")


def test_md_year_table_verbless_same_period_takes_the_index(tmp_path: Path) -> None:
    service = _service(tmp_path, ("lamsan_2053.md", _MD_YEAR.encode()))
    a = service.ask("gỗ rừng trồng khai thác năm 2053 so với cùng kỳ")
    assert a.found and "93,6%" in a.summary and "giảm 6,4%" in a.summary, a.summary
    assert "151.320" not in a.summary
    a = service.ask("củi khai thác năm 2053 so với năm trước?")
    assert a.found and "112,3%" in a.summary and "tăng 12,3%" in a.summary, a.summary


def test_docx_year_table_verbless_and_fall_asked_as_rise(tmp_path: Path) -> None:
    data = _docx("Báo cáo sản xuất muối năm 2061",
                 [["Chỉ tiêu", "Thực hiện năm 2061", "So cùng kỳ (%)"],
                  ["Sản lượng muối biển (tấn)", "18.430", "95,2"],
                  ["Diện tích làm muối (ha)", "612", "101,5"]])
    service = _service(tmp_path, ("muoi_2061.docx", data))
    a = service.ask("sản lượng muối biển năm 2061 so với cùng kỳ năm trước")
    assert a.found and "95,2%" in a.summary and "giảm 4,8%" in a.summary, a.summary
    # a rise asked where the index is under 100: the fall, not a refusal
    a = service.ask("sản lượng muối biển năm 2061 tăng bao nhiêu so với cùng kỳ?")
    assert a.found and "giảm 4,8%" in a.summary, a.summary


def test_sentence_year_change_answers_a_verbless_question(tmp_path: Path) -> None:
    text = ("Báo cáo tình hình trồng trọt năm 2058\n\n"
            "Năm 2058, sản lượng chè búp tươi toàn tỉnh đạt 41.260 tấn, giảm 2,7% so với năm "
            "trước. Diện tích cây ăn quả đạt 9.815 ha.\n")
    service = _service(tmp_path, ("trongtrot_2058.txt", text.encode()))
    a = service.ask("sản lượng chè búp tươi năm 2058 so với cùng kỳ")
    assert a.found and "giảm 2,7%" in a.answer, (a.answer, a.summary)


def test_quarter_and_half_year_tables_verbless(tmp_path: Path) -> None:
    md = ("# Tình hình vận tải 6 tháng đầu năm 2049\n\n"
          "| Chỉ tiêu | Quý II/2049 | 6 tháng 2049 | So cùng kỳ 6 tháng (%) |\n"
          "|---|---|---|---|\n"
          "| Hành khách vận chuyển (nghìn lượt) | 2.184 | 4.301 | 108,9 |\n")
    service = _service(tmp_path, ("vantai_6t_2049.md", md.encode()))
    a = service.ask("hành khách vận chuyển 6 tháng năm 2049 so với cùng kỳ")
    assert a.found and "108,9%" in a.summary and "tăng 8,9%" in a.summary, a.summary


def test_both_years_reported_and_no_change_keeps_the_levels(tmp_path: Path) -> None:
    md = ("# Số liệu thư viện năm 2066\n\n"
          "| Chỉ tiêu | Năm 2065 | Năm 2066 |\n"
          "|---|---|---|\n"
          "| Lượt bạn đọc thư viện tỉnh | 84.200 | 91.750 |\n")
    service = _service(tmp_path, ("thuvien_2066.md", md.encode()))
    a = service.ask("lượt bạn đọc thư viện tỉnh năm 2066 so với năm trước")
    assert a.found and "84.200" in a.summary and "91.750" in a.summary, a.summary


def test_sentence_year_index_and_quarter_sentence_verbless(tmp_path: Path) -> None:
    text = ("Báo cáo kết quả ngành công thương năm 2063\n\n"
            "Năm 2063, sản lượng điện thương phẩm đạt 1.472 triệu kWh, bằng 104,8% so với năm "
            "trước. Quý IV năm 2063, kim ngạch xuất khẩu đạt 318 triệu USD, giảm 5,6% so với "
            "cùng kỳ năm trước.\n")
    service = _service(tmp_path, ("congthuong_2063.txt", text.encode()))
    a = service.ask("sản lượng điện thương phẩm năm 2063 so với năm trước")
    assert a.found and "tăng 4,8%" in a.answer, (a.answer, a.summary)
    a = service.ask("kim ngạch xuất khẩu quý IV/2063 so với cùng kỳ năm trước")
    assert a.found and "giảm 5,6%" in a.answer, (a.answer, a.summary)
