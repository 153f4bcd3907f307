"""A table column headed by an office abbreviation of what it measures or compares with
("Mặt hàng | XK | NK | Tổng kim ngạch", "XNK", "KH 2092 | TH 2092 | % KH | % CKNT", "SL (tấn) |
GT (nghìn USD)") answers a question that writes those words out: "xuất khẩu" asks the XK
column, "% kế hoạch" the "% KH" one (session 46, found by the totalcol helper: "Kim ngạch
xuất khẩu hạt điều năm 2093?" refused of a DOCX commodity table headed "XK | NK").
rag.vi.lexicon.spell_column_words reads the header's abbreviations as words the column's
figures own (rag.answer.figures.describe); the shown line keeps "XK".  DOCX, XLSX and PDF
tables, other goods, numbers and years than the example.  Near misses: full-word headers,
the other column of the pair, and header tokens that only contain the letters (a place "TK",
a code "NK-01", a gate "CK Tân Thanh") or an ambiguous "DT" alone stay unread."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import service_over_files
from helpers import titled_table_file

from rag.records import AskOptions
from rag.service import RagService

GOODS = [["Mặt hàng", "XK", "NK", "Tổng kim ngạch"],
         ["Hạt tiêu", "41,7", "3,2", "44,9"],
         ["Cao su", "128,4", "15,6", "144,0"],
         ["Phân bón", "2,1", "57,3", "59,4"]]
PLAN = [["Chỉ tiêu", "ĐVT", "KH 2092", "TH 2092", "% KH", "% CKNT"],
        ["Điện thương phẩm", "triệu kWh", "1.250", "1.312,6", "105,0", "108,4"],
        ["Nước máy sản xuất", "nghìn m3", "21.400", "20.815", "97,3", "102,1"]]
GATE = [["Mặt hàng", "XNK", "XK", "NK"],
        ["Than đá", "77,5", "5,3", "72,2"],
        ["Sắn lát", "63,8", "63,8", "0"]]
FULL = [["Mặt hàng", "Xuất khẩu", "Nhập khẩu"],
        ["Chè búp", "19,4", "0,7"],
        ["Ớt tươi", "8,8", "26,1"]]


def _service(root: Path, tables: list[tuple[str, list[list[str]], str]]) -> RagService:
    files: dict[str, str | bytes] = {}
    for i, (kind, rows, title) in enumerate(tables):
        name, data = titled_table_file(kind, rows, title)
        files[f"{i}_{name}"] = data
    return service_over_files(root, files)


@pytest.fixture(scope="module")
def goods(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return _service(tmp_path_factory.mktemp("abbr_goods"), [
        ("docx", GOODS, "Kim ngạch một số mặt hàng chủ yếu năm 2091 (ĐVT: triệu USD)"),
        ("docx", FULL, "Kim ngạch qua cửa khẩu Chi Ma năm 2088 (triệu USD)")])


@pytest.fixture(scope="module")
def plan(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return _service(tmp_path_factory.mktemp("abbr_plan"), [
        ("xlsx", PLAN, "Kết quả thực hiện một số chỉ tiêu ngành Công Thương năm 2092")])


@pytest.fixture(scope="module")
def gate(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return _service(tmp_path_factory.mktemp("abbr_gate"), [
        ("pdf", GATE, "Kim ngạch qua cửa khẩu Tân Thanh quý II/2094 (triệu USD)")])


def _ask(svc: RagService, q: str) -> tuple[str, float]:
    r = svc.ask(q, AskOptions())
    return (r.answer if r.found else ""), r.confidence


@pytest.mark.parametrize(("q", "want"), [
    ("Kim ngạch xuất khẩu hạt tiêu năm 2091?", "41,7"),
    ("Xuất khẩu cao su năm 2091 đạt bao nhiêu?", "128,4"),
    ("nhap khau phan bon nam 2091", "57,3"),
    ("XK hạt tiêu năm 2091?", "41,7"),
    # near misses: the pair's other column, the total, a full-word table
    ("Kim ngạch nhập khẩu cao su năm 2091?", "15,6"),
    ("Tổng kim ngạch phân bón năm 2091?", "59,4"),
    ("Xuất khẩu chè búp qua cửa khẩu Chi Ma năm 2088?", "19,4"),
    ("Nhập khẩu ớt tươi qua cửa khẩu Chi Ma năm 2088?", "26,1"),
])
def test_trade_columns_docx(goods: RagService, q: str, want: str) -> None:
    answer, conf = _ask(goods, q)
    assert answer.startswith(want), (q, answer, conf)


@pytest.mark.parametrize(("q", "want"), [
    ("Điện thương phẩm năm 2092 đạt bao nhiêu % kế hoạch?", "105,0"),
    ("Nước máy sản xuất năm 2092 đạt bao nhiêu phần trăm kế hoạch?", "97,3"),
    ("Điện thương phẩm năm 2092 thực hiện được bao nhiêu?", "1.312,6"),
    ("Kế hoạch nước máy sản xuất năm 2092?", "21.400"),
    ("Điện thương phẩm năm 2092 so với cùng kỳ năm trước đạt bao nhiêu %?", "108,4"),
])
def test_plan_columns_xlsx(plan: RagService, q: str, want: str) -> None:
    answer, conf = _ask(plan, q)
    assert answer.startswith(want), (q, answer, conf)


@pytest.mark.parametrize(("q", "want"), [
    ("Kim ngạch xuất nhập khẩu than đá qua Tân Thanh quý II/2094?", "77,5"),
    ("Xuất khẩu sắn lát quý II/2094?", "63,8"),
    ("Nhập khẩu than đá qua cửa khẩu Tân Thanh quý II năm 2094?", "72,2"),
    ("Kim ngạch xuất khẩu than đá quý II/2094?", "5,3"),
])
def test_trade_columns_pdf(gate: RagService, q: str, want: str) -> None:
    answer, conf = _ask(gate, q)
    assert answer.startswith(want), (q, answer, conf)


@pytest.mark.parametrize(("head", "words"), [
    ("XK", "xuất khẩu"),
    ("NK", "nhập khẩu"),
    ("KN XNK", "kim ngạch xuất nhập khẩu"),
    ("SL (tấn)", "sản lượng"),
    ("GT (nghìn USD)", "giá trị"),
    ("% KH", "kế hoạch"),
    ("So KH năm (%)", "kế hoạch"),
    ("Tỷ lệ so KH (%)", "kế hoạch"),
    ("So CK (%)", "cùng kỳ"),
    ("% so với CK", "cùng kỳ"),
    ("% CKNT", "cùng kỳ năm trước"),
    ("ƯTH/CK", "cùng kỳ"),
    ("% DT TW", "dự toán"),
    ("DT HĐND giao", "dự toán"),
    # full words, tokens that only contain the letters, an ambiguous or a place's token
    ("Tổng kim ngạch", ""),
    ("Xuất khẩu (triệu USD)", ""),
    ("TK", ""),
    ("NK-01", ""),
    ("Xk", ""),
    ("CK Tân Thanh", ""),
    ("Số CK", ""),
    ("DT (tỷ đồng)", ""),
    ("Trường TH", ""),
])
def test_header_abbreviations_spelled(head: str, words: str) -> None:
    from rag.vi.lexicon import spell_column_words  # here: the base lacks it

    assert spell_column_words(head) == words
