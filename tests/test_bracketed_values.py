"""Values in brackets (break-test bt17o, items 1 and 2).

A plan named with what it is of ("kế hoạch vốn năm 2084", "kế hoạch vốn đầu tư công", "dự toán
pháp lệnh năm") before its amount in brackets: the amount is that plan's own, a target of the
indicator for the plan's year -- not a level of the reported period, nor a share of the plan.
A period alone in brackets right after a value dates that value: "tăng từ 95 cửa hàng (năm
2082) lên 128 cửa hàng (tháng 10/2083)" -- each side of "từ ... lên" its own.  Near misses: a
plan without such words keeps reading as before, a bracket after a comparison or holding more
than a period dates nothing new, and a value with no bracket after it keeps its period."""

from __future__ import annotations

import pytest
from conftest import service_over_files
from helpers import report_file

from rag.ingest.readers import read_bytes
from rag.records import AskOptions
from rag.service import RagService
from rag.vi.frames import extract

TITLE = "BÁO CÁO TÌNH HÌNH THỰC HIỆN NHIỆM VỤ NĂM 2084"
PARAGRAPHS = [
    TITLE,
    "Ngày 05/7/2084",
    "Giải ngân vốn đầu tư công 6 tháng đầu năm 2084 đạt 1.642 tỷ đồng, bằng 37,8% kế hoạch vốn "
    "năm 2084 (4.344 tỷ đồng), trong đó vốn ngân sách trung ương đạt 918 tỷ đồng.",
    "Trong 6 tháng, thu ngân sách từ hoạt động xuất nhập khẩu đạt 1.934 tỷ đồng, bằng 57,4% dự "
    "toán pháp lệnh năm (3.370 tỷ đồng) và tăng 24,1% so với cùng kỳ.",
    "Số cửa hàng tiện lợi tăng từ 95 cửa hàng (năm 2082) lên 128 cửa hàng (tháng 6/2084).",
    "Số điểm bán hàng Việt giảm từ 64 điểm (năm 2081) xuống còn 51 điểm (quý II/2084).",
    "Lượng khách du lịch 6 tháng đầu năm 2084 đạt 1,24 triệu lượt, bằng 41,3% kế hoạch năm "
    "2084 (3 triệu lượt).",
    "Doanh thu dịch vụ lưu trú đạt 182 tỷ đồng, tăng 9% so với cùng kỳ (năm 2083).",
]


def frames(kind: str = "txt") -> dict[str, object]:
    name, data = report_file(kind, PARAGRAPHS)
    doc = read_bytes(name, data)[0]
    return {f.value: f for f in extract(doc.text, doc.title, doc.date)}


@pytest.mark.parametrize("kind", ["txt", "docx", "html"])
@pytest.mark.parametrize(("value", "word"), [
    ("4.344 tỷ đồng", "Giải ngân"), ("3.370 tỷ đồng", "xuất nhập khẩu"),
    ("3 triệu lượt", "khách")])
def test_a_named_plan_amount_is_the_plan_year_target(kind: str, value: str, word: str) -> None:
    f = frames(kind)[value]
    assert (f.measure, f.target) == ("level", True), (f.measure, f.target)
    assert word in f.indicator, f.indicator
    assert f.period is not None and (f.period.kind, f.period.start.year) == ("year", 2084)
    assert not any(c.isdigit() for c in f.detail), f.detail  # no "4.344 tỷ đồng vốn năm 2084"


@pytest.mark.parametrize("kind", ["txt", "docx", "html"])
@pytest.mark.parametrize(("value", "label"), [
    ("95 cửa hàng", "năm 2082"), ("128 cửa hàng", "tháng 6/2084"),
    ("64 điểm", "năm 2081"), ("51 điểm", "quý II/2084")])
def test_a_bracketed_period_dates_the_value_before_it(kind: str, value: str, label: str) -> None:
    f = frames(kind)[value]
    assert f.period is not None and f.period.label == label, f.period


def test_near_misses_keep_their_periods() -> None:
    fs = frames()
    # the result and its share are of the reported half-year, not of the plan's year
    assert fs["1.642 tỷ đồng"].period.label == "6 tháng đầu năm 2084"  # type: ignore[attr-defined]
    assert fs["37,8%"].measure == "plan_share"  # type: ignore[attr-defined]
    # a bracket after a comparison names the base, it dates no value
    assert fs["182 tỷ đồng"].period.label != "năm 2083"  # type: ignore[attr-defined]
    assert not fs["1.642 tỷ đồng"].target  # type: ignore[attr-defined]


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    name, data = report_file("docx", PARAGRAPHS)
    return service_over_files(tmp_path_factory.mktemp("bracketed_values"), {name: data})


@pytest.mark.parametrize(("question", "value"), [
    ("kế hoạch vốn đầu tư công năm 2084?", "4.344"),
    ("số cửa hàng tiện lợi tháng 6/2084?", "128"),
    ("số cửa hàng tiện lợi năm 2082?", "95"),
    ("số điểm bán hàng Việt quý II/2084?", "51"),
    ("giải ngân vốn đầu tư công 6 tháng đầu năm 2084?", "1.642"),
])
def test_asked(service: RagService, question: str, value: str) -> None:
    answer = service.ask(question, AskOptions(retrieval_mode="lexical"))
    assert answer.found and value in answer.answer, (answer.answer, answer.summary)
    assert "vốn năm" not in answer.answer


# -- labels (bt17o item 3): a word of a compound read as a marker, a rate read as a whole, a
# title's leftovers read as a name

LISTS = [
    TITLE,
    "Ngày 05/4/2084",
    "Về mặt hàng, quả thanh long xuất khẩu đạt 214 triệu USD, sầu riêng đạt 166 triệu USD "
    "(tăng 45,2%), hạt điều đạt 39 triệu USD.",
    "Trong 4 ngày nghỉ lễ (từ ngày 30/8 đến hết ngày 02/9/2084), tỉnh đón 94.600 lượt khách, "
    "bình quân 23.650 lượt/ngày, tăng 9,3% so với cùng kỳ; trong đó khách lưu trú 21.400 lượt.",
    "Lượng xe xuất nhập cảnh đạt 128.400 lượt xe, bình quân 705 lượt xe/ngày; trong đó xe "
    "xuất khẩu 71.200 lượt xe.",
    "Xuất khẩu nông sản đạt 412.000 tấn, trong đó sầu riêng 168.000 tấn, thanh long 97.000 tấn.",
    "Giá thịt lợn hơi bình quân 62.000 đồng/kg, trong đó lợn giống 80.000 đồng/kg.",
]


def list_frames(kind: str) -> dict[str, object]:
    name, data = report_file(kind, LISTS)
    doc = read_bytes(name, data)[0]
    return {f.value: f for f in extract(doc.text, doc.title, doc.date)}


@pytest.mark.parametrize("kind", ["txt", "docx", "html"])
def test_durian_is_a_sibling_and_a_rate_no_whole(kind: str) -> None:
    fs = list_frames(kind)
    durian = fs["166 triệu USD"]
    assert not durian.part and "thanh long" not in durian.parent, (  # type: ignore[attr-defined]
        durian.parent)  # type: ignore[attr-defined]
    assert "thanh long" not in fs["39 triệu USD"].parent  # type: ignore[attr-defined]
    for part in ("21.400 lượt", "71.200 lượt xe"):
        f = fs[part]
        assert f.part and "/ngày" not in f.parent, f.parent  # type: ignore[attr-defined]
    # near misses: "trong đó sầu riêng" is a part; a price per unit keeps its parts
    assert fs["168.000 tấn"].part  # type: ignore[attr-defined]
    assert fs["80.000 đồng/kg"].part  # type: ignore[attr-defined]


@pytest.mark.parametrize("kind", ["xlsx", "html", "docx"])
def test_a_title_leaves_no_empty_brackets_nor_report_word(kind: str) -> None:
    from helpers import titled_table_file

    rows = [["Đơn vị", "Kế hoạch vốn 2085", "Giải ngân đến 31/12/2085"],
            ["Ban QLDA giao thông", "980.000", "842.800"],
            ["Sở Công Thương", "45.600", "41.040"],
            ["Tổng", "1.025.600", "883.840"]]
    name, data = titled_table_file(
        kind, rows, "BÁO CÁO GIẢI NGÂN VỐN ĐẦU TƯ CÔNG NĂM 2085 (đến 31/12/2085)")
    doc = read_bytes(name, data)[0]
    labels = {f.indicator for f in extract(doc.text, doc.title, doc.date)} | {
        f.parent for f in extract(doc.text, doc.title, doc.date)}
    assert not any("( )" in x or "()" in x or "báo cáo" in x.lower() for x in labels), labels
