"""A table row keeps the kind of place its label names, and a bare count's stated change is
found by the words of the level it refers back to (issue 17, break-test bt20-b17 failures 6
and 7):

- a row "Lối mở …", "Điểm thông quan …", "Thành phố …" under a corner "Cửa khẩu" or "Huyện"
  keeps its own kind: never "cửa khẩu Lối mở …", which left questions in the row's own words
  refused while the rows named "Cửa khẩu …" were answered;
- "bắt giữ 126 vụ vi phạm, …; số vụ giảm 11 vụ so với cùng kỳ": the change of "số vụ" is the
  change of the level before it, so a question naming that level's words (and a word only the
  heading or document holds) finds the change as it finds the level.

Places, gates, indicators, units and numbers differ from the break-test's."""

from __future__ import annotations

import pytest
from conftest import service_over_files

from rag.answer.figures import counted_level
from rag.ingest.tables import names_own_kind, table_lines
from rag.records import AskOptions
from rag.service import RagService
from rag.vi.frames import extract


def test_a_row_naming_its_own_kind_keeps_it() -> None:
    rows = [["Cửa khẩu", "Xuất khẩu", "Nhập khẩu"],
            ["Cửa khẩu phụ Bình Nghi", "41,7", "12,3"],
            ["Điểm thông quan Nà Nưa", "18,2", "6,5"],
            ["Lối mở Co Sâu", "9,4", "3,1"],
            ["Tà Lùng", "77,0", "30,8"]]
    lines = table_lines(rows, "Bảng 2. Kim ngạch quý III/2069 theo cửa khẩu (triệu USD)")
    text = "\n".join(lines)
    assert "Xuất khẩu — Điểm thông quan Nà Nưa: 18,2 triệu USD" in text, text
    assert "Nhập khẩu — Lối mở Co Sâu: 3,1 triệu USD" in text, text
    assert "Xuất khẩu — cửa khẩu Tà Lùng: 77,0 triệu USD" in text, text  # the corner's kind
    assert "cửa khẩu Lối mở" not in text and "cửa khẩu Điểm" not in text, text


def test_a_district_table_row_naming_a_city_keeps_it() -> None:
    rows = [["Huyện", "Năm 2068"], ["Thành phố Bảo Lạc", "512"], ["Hạ Lang", "208"]]
    text = "\n".join(table_lines(rows, "Bảng 4. Số hộ kinh doanh theo huyện (hộ)"))
    assert "Thành phố Bảo Lạc: 512" in text and "huyện Thành phố" not in text, text
    assert "huyện Hạ Lang: 208" in text, text


@pytest.mark.parametrize(("label", "expected"), [
    ("Lối mở Bản Khoang", True), ("Điểm thông quan Km 3", True), ("Xã Đồng Tâm", True),
    ("Đường chuyên dụng mốc 1119", True), ("Xã hội hóa", False), ("Quản lý thị trường", False),
    ("Tà Lùng", False),
])
def test_names_own_kind(label: str, expected: bool) -> None:
    assert names_own_kind(label) is expected


@pytest.mark.parametrize(("sentence", "change", "level"), [
    ("Đội Quản lý thị trường số 3 kiểm tra, xử lý 84 vụ hàng giả, phạt 1,2 tỷ đồng; số vụ "
     "tăng 9 vụ so với cùng kỳ.", 9, 84),
    ("Trong quý I/2066, Sở cấp đăng ký cho 412 doanh nghiệp thành lập mới, vốn đăng ký 3.980 "
     "tỷ đồng; số doanh nghiệp tăng 37 doanh nghiệp so với cùng kỳ.",
     37, 412),
    ("Năm 2067, Chi cục tiếp nhận 22.480 tờ khai hải quan, giảm 1,8%; số tờ khai luồng đỏ "
     "là 610 tờ, số tờ khai giảm 1.250 tờ so với năm 2066.", 1250, 22480),
])
def test_a_bare_counts_change_refers_to_the_level_before_it(
        sentence: str, change: float, level: float) -> None:
    frames = extract(sentence, "Báo cáo", "2067-12-20")
    found = [f for f in frames if f.measure == "change" and f.low == change]
    assert found, [(f.value, f.measure) for f in frames]
    referred = counted_level(found[0], frames)
    assert referred is not None and referred.low == level, referred


def test_an_indicator_of_its_own_refers_to_nothing() -> None:
    frames = extract("Kim ngạch xuất khẩu tháng 4/2066 đạt 86,4 triệu USD; kim ngạch nhập "
                     "khẩu giảm 12,5 triệu USD so với cùng kỳ.", "Báo cáo", "2066-05-05")
    change = next(f for f in frames if f.measure == "change")
    assert counted_level(change, frames) is None


DOC = """UBND TỈNH CAO SƠN
SỞ CÔNG THƯƠNG

BÁO CÁO KẾT QUẢ CÔNG TÁC QUÝ III NĂM 2069
Cao Sơn, ngày 05 tháng 10 năm 2069

1. Xuất nhập khẩu qua các cửa khẩu
Kim ngạch xuất nhập khẩu qua các cửa khẩu trên địa bàn quý III/2069 đạt 245,6 triệu USD.

Bảng 2. Kim ngạch xuất nhập khẩu quý III/2069 theo cửa khẩu (triệu USD)

| Cửa khẩu | Xuất khẩu | Nhập khẩu | Tổng |
|---|---|---|---|
| Cửa khẩu quốc tế Tà Lùng | 77,0 | 30,8 | 107,8 |
| Cửa khẩu phụ Bình Nghi | 41,7 | 12,3 | 54,0 |
| Điểm thông quan Nà Nưa | 18,2 | 6,5 | 24,7 |
| Lối mở Co Sâu | 9,4 | 3,1 | 12,5 |
| Cửa khẩu chính Trà Lĩnh | 34,2 | 12,4 | 46,6 |
| Tổng cộng | 180,5 | 65,1 | 245,6 |

2. Quản lý thị trường
Các đoàn kiểm tra liên ngành phát hiện, xử lý 264 vụ gian lận thương mại, phạt tiền \
3,6 tỷ đồng; số vụ tăng 19 vụ so với cùng kỳ.
"""


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over_files(tmp_path_factory.mktemp("row_kind"),
                              {"sct_quy3_2069.txt": DOC})


@pytest.mark.parametrize(("question", "expected"), [
    ("nhập khẩu qua lối mở Co Sâu quý III/2069?", "3,1"),
    ("kim ngạch xuất khẩu qua điểm thông quan Nà Nưa quý III/2069?", "18,2"),
    ("số vụ gian lận thương mại quý III/2069 tăng bao nhiêu vụ so với cùng kỳ?", "19 vụ"),
    # words only the document's letterhead or the level's clause holds, as the level is asked
    ("số vụ gian lận thương mại của ngành công thương Cao Sơn quý III/2069 tăng bao nhiêu vụ?",
     "19 vụ"),
    ("số vụ gian lận thương mại do đoàn kiểm tra liên ngành xử lý quý III/2069 tăng bao nhiêu "
     "vụ?", "19 vụ"),
    ("số vụ gian lận thương mại do đoàn kiểm tra liên ngành xử lý quý III/2069?", "264 vụ"),
])
def test_asked_in_the_rows_own_words_and_the_levels_words(
        service: RagService, question: str, expected: str) -> None:
    a = service.ask(question, AskOptions(retrieval_mode="lexical"))
    assert a.found and expected in a.answer, (question, a.answer)
