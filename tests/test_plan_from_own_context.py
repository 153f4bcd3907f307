"""Break-test round 19 of issue 16 (bt8-b16, failure 2 and a minor item): a stated actual
figure was labelled a plan ("kế hoạch") from what came before it -- a caption's "một số chỉ
tiêu", a captioned table, a spreadsheet row whose unit ends in a digit read as a sentence
under the sheet's "CHỈ TIÊU" title -- and a sheet's name or "như cột 2" became a figure.
The plan flag comes from the figure's own clause or its own column header.  Every document
is built here, with other indicators, units, sheets and years than the break-test's."""

from __future__ import annotations

import io
from pathlib import Path

from conftest import empty_service

from rag.ingest.uploads import read_upload
from rag.vi.frames import extract
from rag.vi.numbers import find_values


def _frame(frames, indicator_word: str, value: str):
    got = [f for f in frames if indicator_word in f.indicator and f.value.startswith(value)]
    assert got, [(f.indicator, f.value) for f in frames]
    return got[0]


# --- a sentence after a table is not under the table's caption -----------------------------

def test_some_indicators_named_in_a_caption_are_no_plan() -> None:
    text = ("Báo cáo tình hình y tế năm 2087\n\nBảng 3. Một số chỉ tiêu y tế\n\n"
            "Năm 2086 — Số giường bệnh: 4.210 giường\nNăm 2087 — Số giường bệnh: 4.385 giường\n\n"
            "Số bác sĩ được cấp chứng chỉ hành nghề năm 2087 là 356 người.")
    f = _frame(extract(text), "bác sĩ", "356")
    assert not f.target


def test_a_plan_caption_ends_with_its_table() -> None:
    text = ("Tình hình cung ứng điện năm 2092\n\nBảng 2. Kế hoạch cung ứng điện năm 2093\n\n"
            "Kế hoạch 2093 — Điện thương phẩm: 4.100 triệu kWh\n"
            "Kế hoạch 2093 — Số hộ dùng điện: 215.600 hộ\n\n"
            "Sản lượng điện thương phẩm năm 2092 đạt 3.870 triệu kWh.")
    frames = extract(text)
    assert _frame(frames, "Điện thương phẩm", "4.100").target  # its own column: a plan
    assert not _frame(frames, "điện thương phẩm", "3.870").target


def test_a_captions_chi_tieu_names_its_rows_not_a_plan() -> None:
    text = ("Báo cáo năm 2090\n\nBiểu 4. Chỉ tiêu thủy sản\n\n"
            "Sản lượng tôm nuôi năm 2089 đạt 18,7 nghìn tấn.")
    assert not _frame(extract(text), "tôm", "18,7").target
    text = ("Báo cáo năm 2090\n\nBiểu 4. Chỉ tiêu kế hoạch thủy sản năm 2091\n\n"
            "Sản lượng tôm nuôi năm 2091 là 21 nghìn tấn.")
    assert _frame(extract(text), "tôm", "21").target


def test_a_plan_heading_without_a_table_still_heads_targets() -> None:
    text = ("Báo cáo năm 2092\n\nKẾ HOẠCH NĂM 2093\n\n"
            "Sản lượng điện thương phẩm năm 2093 là 4.100 triệu kWh.")
    assert _frame(extract(text), "điện thương phẩm", "4.100").target


# --- a spreadsheet row whose unit ends in a digit -----------------------------------------

def _xlsx() -> bytes:
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Biểu 07"
    ws["A1"] = "BIỂU 07. CHỈ TIÊU TÀI NGUYÊN ĐẤT VÀ NƯỚC"
    ws.merge_cells("A1:E1")
    ws["A2"] = "Đơn vị tính như cột 3"
    ws.append(["Chỉ tiêu", "ĐVT", "Năm 2088", "Năm 2089", "Kế hoạch 2090"])
    ws.append(["Tỷ lệ che phủ rừng", "%", 62.3, 63.1, 64.0])
    ws.append(["Khối lượng bùn thải được thu gom", "nghìn m3", 3820, 4105, None])
    ws.append(["Diện tích đất bị sạt lở", "km2", 14.6, 11.2, None])
    ws.append(["Số trạm quan trắc tự động", "trạm", 7, 9, None])
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def test_a_row_with_a_unit_ending_in_a_digit_is_an_actual_and_no_sheet_figure() -> None:
    doc = read_upload("tainguyen_2088_2090.xlsx", _xlsx())
    frames = extract(doc.text, doc.title)
    for word, value in [("bùn thải", "3.820"), ("bùn thải", "4.105"), ("sạt lở", "14,6"),
                        ("sạt lở", "11,2")]:
        f = _frame(frames, word, value)
        assert not f.target, (f.indicator, f.value)
    assert _frame(frames, "che phủ rừng", "64").target  # the "Kế hoạch 2090" column's own
    assert not [f for f in frames if f.value in ("07", "7") and "trạm" not in f.unit]
    assert not [f for f in frames if "cột" in f.indicator or "trang tính" in f.indicator]


def test_the_rows_actuals_answer_as_actuals(tmp_path: Path) -> None:
    service = empty_service(tmp_path)
    service.add_document(read_upload("tainguyen_2088_2090.xlsx", _xlsx()))
    for question, want in [("lượng bùn thải được thu gom năm 2089", "4.105 nghìn m3"),
                           ("diện tích đất bị sạt lở năm 2088", "14,6 km2")]:
        got = service.ask(question)
        assert got.found and got.answer == want, (question, got.answer)
        # an actual, stated as one: no "chỉ có kế hoạch" caveat lowering it
        assert got.figure is not None and not got.figure.target, question
        assert got.confidence >= 0.9 and "kế hoạch" not in (got.summary or ""), question


# --- citation words are no figures --------------------------------------------------------

def test_column_references_and_sheet_names_are_no_figures() -> None:
    assert find_values("Đơn vị tính: như cột 4") == []
    assert find_values("Cột 5 = cột 3 + cột 4") == []
    assert find_values("(trang tính «Số liệu 12», dòng 9)") == []
    assert find_values("(năm 2090; trang tính «2090», dòng 3)") == []
    got = find_values("Năm 2089 — Diện tích: 11,2 km2 (trang tính «Biểu 07», dòng 6)")
    assert [v.shown for v in got] == ["11,2 km2"]
    assert [v.shown for v in find_values("lắp mới 85 cột điện chiếu sáng")] == ["85 cột điện"]
