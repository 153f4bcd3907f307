"""Numbers as offices write them (issue 16, break-test b16 items 6, 7, 11): a range whose two
ends each carry the unit ("từ 7,2% đến 7,5%"), an asterisk glued after a number as its
footnote mark ("21.450,7* tỷ đồng"), and a per-unit figure whose "bình quân mỗi cơ sở" is
written after the unit -- asked with "cơ sở", whose "sở" folds to the "so" of "so với".
Every document is built here."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from conftest import FakeEmbedder

from rag.answer.question import read_question
from rag.ingest.uploads import read_upload
from rag.search.query import analyze
from rag.service import RagService
from rag.settings import Settings
from rag.vi.numbers import find_values


def _service(tmp_path: Path) -> RagService:
    return RagService(Settings(index_dir=tmp_path / "index", sessions_db=tmp_path / "s.db"),
                      embedder=FakeEmbedder())


@pytest.mark.parametrize("text,low,high,unit,shown", [
    ("GRDP năm 2027 ước đạt từ 7,2% đến 7,5%.", 7.2, 7.5, "%", "7,2–7,5%"),
    ("tỷ lệ hộ nghèo giảm từ 1,5% tới 2% mỗi năm", 1.5, 2.0, "%", "1,5–2%"),
    ("lưu lượng đạt từ 450 xe/ngày đến 500 xe/ngày", 450.0, 500.0, "xe/ngày", "450–500 xe/ngày"),
    ("thời gian thông quan khoảng 3 giờ đến 4 giờ", 3.0, 4.0, "giờ", "3–4 giờ"),
    ("nhiệt độ tăng 0,3°C đến 0,6°C", 0.3, 0.6, "°C", "0,3–0,6°C"),
    ("vốn mỗi dự án từ 2 tr. đồng đến 3 tr. đồng", 2.0, 3.0, "triệu đồng", "2–3 tr. đồng"),
    ("tăng trưởng 5%-7%", 5.0, 7.0, "%", "5-7%"),
    ("tăng trưởng 5% – 7%", 5.0, 7.0, "%", "5 – 7%"),
])
def test_range_with_its_unit_after_both_ends_is_one_value(
        text: str, low: float, high: float, unit: str, shown: str) -> None:
    values = find_values(text)
    assert len(values) == 1, values
    v = values[0]
    assert (v.low, v.high, v.unit, v.shown) == (low, high, unit, shown)


@pytest.mark.parametrize("text,expected", [
    # a change from one value to another: two values
    ("từ 120 tỷ đồng năm 2020 lên 150 tỷ đồng", [(120.0, None), (150.0, None)]),
    ("tăng từ 5% lên 7%", [(5.0, None), (7.0, None)]),
    ("từ 8 - 10 giờ xuống còn 3 - 4 giờ", [(8.0, 10.0), (3.0, 4.0)]),
    # a top below its bottom is no range; nor two values of other units
    ("giảm 7% - 5%", [(7.0, None), (5.0, None)]),
    ("đạt 3 tỷ đồng đến 5 triệu đồng", [(3.0, None), (5.0, None)]),
    ("đạt 3 tỷ đồng, 5 tỷ đồng", [(3.0, None), (5.0, None)]),
])
def test_changes_and_lists_stay_two_values(text: str, expected: list) -> None:
    assert [(v.low, v.high) for v in find_values(text)] == expected


@pytest.mark.parametrize("text,low,unit,shown", [
    ("Tổng mức bán lẻ hàng hóa đạt 21.450,7* tỷ đồng.", 21450.7, "tỷ đồng", "21.450,7 tỷ đồng"),
    ("Kim ngạch xuất khẩu đạt 312,9** triệu USD.", 312.9, "triệu USD", "312,9 triệu USD"),
    ("Toàn tỉnh có 450* doanh nghiệp mới.", 450.0, "doanh nghiệp", "450 doanh nghiệp"),
    ("Thu ngân sách đạt 1.234,5*** tr.đ.", 1234.5, "triệu đồng", "1.234,5 tr.đ"),
])
def test_asterisk_glued_after_a_number_is_a_footnote_mark(
        text: str, low: float, unit: str, shown: str) -> None:
    values = [v for v in find_values(text) if not v.percent]
    assert len(values) == 1, values
    assert (values[0].low, values[0].unit, values[0].shown, values[0].number) == \
        (low, unit, shown, shown.split()[0])


def test_asterisk_set_apart_is_no_mark() -> None:
    # "12 * 3": a product or a bullet, not a footnote mark: the unit is not read across it
    assert [(v.low, v.unit) for v in find_values("đạt 12 * 3 tỷ")] == [(12.0, ""), (3.0, "tỷ")]


@pytest.mark.parametrize("question,compared", [
    ("doanh thu bình quân mỗi cơ sở năm 2053", False),
    ("chỉ số tháng 3/2027 của ngành chế biến", False),
    ("doanh thu năm 2053 so với năm 2052", True),
    ("doanh thu năm 2053 so năm 2052", True),
    ("So với năm 2052, doanh thu năm 2053 thế nào", True),
    ("SO VỚI NĂM 2052 doanh thu năm 2053", True),
    ("doanh thu binh quan moi co so nam 2053", True),  # no diacritics: "so" may be "so"
])
def test_syllable_typed_so_with_a_diacritic_compares_nothing(question: str,
                                                              compared: bool) -> None:
    asked = read_question(analyze(question), date(2054, 6, 1))
    assert (asked.comparison is not None) == compared, asked


def test_office_forms_answer(tmp_path: Path) -> None:
    service = _service(tmp_path)
    doc = read_upload("bc_tm_2053.txt", (
        "Báo cáo thương mại năm 2053\n\n"
        "Tổng mức bán lẻ hàng hóa năm 2053 đạt 21.450,7* tỷ đồng.\n"
        "Doanh thu dịch vụ ăn uống năm 2053 đạt 845,2 tr. đồng bình quân mỗi cơ sở.\n"
        "Doanh thu dịch vụ lưu trú năm 2053 đạt 512,2 triệu đồng bình quân mỗi cơ sở.\n"
        "Tốc độ tăng trưởng kinh tế (GRDP) năm 2053 ước đạt từ 7,2% đến 7,5%.\n"
        "Lưu lượng xe qua cửa khẩu năm 2053 đạt từ 450 xe/ngày đến 500 xe/ngày.\n\n"
        "* Số liệu sơ bộ.\n").encode())
    service.add_document(doc)
    assert service.ask("tổng mức bán lẻ hàng hóa năm 2053").answer == "21.450,7 tỷ đồng"
    grdp = service.ask("tốc độ tăng trưởng GRDP năm 2053")
    assert grdp.answer == "7,2–7,5%"
    assert "ước đạt 7,2–7,5%" in (grdp.summary or "")
    assert service.ask("lưu lượng xe qua cửa khẩu năm 2053").answer == "450–500 xe/ngày"
    for question, value in [
            ("doanh thu dịch vụ ăn uống bình quân mỗi cơ sở năm 2053", "845,2"),
            ("doanh thu dịch vụ lưu trú bình quân mỗi cơ sở năm 2053", "512,2")]:
        answer = service.ask(question)
        assert answer.found and answer.answer.startswith(value), answer.answer
