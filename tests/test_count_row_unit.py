"""Counts in tables and their unit noun (break-tests bt17l, bt17n).

A bare count cell takes its unit noun from its label: "Số hợp tác xã: 512" answers "512 hợp
tác xã", "Số HTX" gives "HTX" (compose.label_noun).  A row labelled with the things it counts
without "Số" ("HTX nông nghiệp") answers "bao nhiêu HTX nông nghiệp" and, the abbreviation
spelled out, "bao nhiêu hợp tác xã nông nghiệp" (figures.row_label_fits).  Near misses: "bao
nhiêu HTX" is the total's, never the part row's; money rows and amounts ("Số tiền") take no
noun."""

from __future__ import annotations

import datetime

import pytest
from conftest import service_over_files
from helpers import titled_table_file

from rag.answer.compose import label_noun
from rag.records import AskOptions
from rag.service import RagService
from rag.vi.frames import Frame

ROWS = [["Chỉ tiêu", "31/12/2080", "30/6/2081"],
        ["Tổng số hợp tác xã", "486", "512"],
        ["HTX nông nghiệp", "361", "388"],
        ["Số tổ hợp tác", "402", "431"],
        ["Số thành viên HTX", "9.105", "9.640"]]
TITLE = "SỐ LƯỢNG HỢP TÁC XÃ, TỔ HỢP TÁC TỈNH LẠNG SƠN NĂM 2081"


@pytest.fixture(scope="module", params=["xlsx", "html", "docx"])
def service(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
            ) -> RagService:
    name, data = titled_table_file(request.param, ROWS, TITLE)
    return service_over_files(tmp_path_factory.mktemp("cu"), {name: data})


def ask(service: RagService, q: str, today: datetime.date | None = None) -> tuple[str, bool]:
    r = service.ask(q, AskOptions(today=today))
    return r.answer, r.found


@pytest.mark.parametrize(("q", "want"), [
    ("Số hợp tác xã đến 30/6/2081?", "512 hợp tác xã"),
    ("Tổng số hợp tác xã cuối năm 2080?", "486 hợp tác xã"),
    ("Số tổ hợp tác đến 30/6/2081?", "431 tổ hợp tác"),
    ("Số thành viên HTX đến 31/12/2080?", "9.105 thành viên HTX")])
def test_a_bare_count_cell_says_its_label_noun(service: RagService, q: str, want: str) -> None:
    answer, found = ask(service, q)
    assert found and answer == want, answer


@pytest.mark.parametrize(("q", "today"), [
    ("Hiện nay có bao nhiêu HTX nông nghiệp?", datetime.date(2081, 8, 1)),
    ("Có bao nhiêu HTX nông nghiệp đến 30/6/2081?", None),
    ("Có bao nhiêu hợp tác xã nông nghiệp đến 30/6/2081?", None)])
def test_a_row_naming_its_things_answers_how_many(service: RagService, q: str,
                                                  today: datetime.date | None) -> None:
    answer, found = ask(service, q, today)
    assert found and answer.startswith("388"), answer


def test_how_many_of_all_is_the_total_not_a_part_row(service: RagService) -> None:
    answer, found = ask(service, "Có bao nhiêu HTX đến 30/6/2081?")
    assert found and answer.startswith("512"), answer


def _count(indicator: str, unit: str = "", kind: str = "count", part: bool = False) -> Frame:
    return Frame(start=0, end=1, quote=(0, 1), value="12", low=12.0, high=None, unit=unit,
                 kind=kind, measure="level", indicator=indicator, part=part)


@pytest.mark.parametrize(("indicator", "noun"), [
    ("Số HTX", "HTX"), ("Số lượng xe ô tô", "xe ô tô"), ("Số chợ (chợ)", "chợ"),
    ("Số tiền hỗ trợ", ""), ("Số liệu thống kê", ""), ("HTX nông nghiệp", ""),
    ("Số doanh nghiệp đăng ký thành lập mới trong năm", "")])
def test_label_noun(indicator: str, noun: str) -> None:
    assert label_noun(_count(indicator)) == noun


def test_a_figure_with_a_unit_or_no_count_takes_no_label_noun() -> None:
    assert label_noun(_count("Số hợp tác xã", unit="hợp tác xã")) == ""
    assert label_noun(_count("Số hợp tác xã", kind="percent")) == ""


# a count asked as "Số sản phẩm ..." / "Số dự án ..." (a syllable that alone opens an amount,
# "sản lượng", "dự toán") counts that noun: never the other count of the report's period
REPORT = [
    "Phát triển sản phẩm OCOP và dự án thương mại năm 2085",
    "Đăng ngày 22/12/2085 - Sở Công Thương",
    "Tính đến tháng 6/2085, toàn tỉnh có 203 sản phẩm OCOP. Đến ngày 14/12/2085, số sản phẩm "
    "OCOP của tỉnh đã nâng lên 236 sản phẩm.",
    "Năm 2085 có 41 chủ thể mới tham gia, nâng tổng số chủ thể OCOP lên 152 chủ thể.",
    "Đến ngày 10/12/2085, toàn tỉnh có 17 dự án chợ đang triển khai. Năm 2085 có 9 công trình "
    "hạ tầng thương mại được khởi công.",
]


@pytest.fixture(scope="module", params=["txt", "docx", "html"])
def report(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
           ) -> RagService:
    from helpers import report_file

    name, data = report_file(request.param, REPORT)
    return service_over_files(tmp_path_factory.mktemp("cp"), {name: data})


@pytest.mark.parametrize(("q", "want"), [
    ("Số sản phẩm OCOP tháng 12/2085?", "236"),
    ("Số sản phẩm OCOP tháng 6/2085 và tháng 12/2085?", "236 sản phẩm"),
    ("Số dự án chợ tháng 12/2085?", "17"),
    ("Số chủ thể OCOP năm 2085?", "152"),  # near miss: its own count stays
    ("Có bao nhiêu sản phẩm OCOP tháng 12/2085?", "236")])
def test_a_counted_noun_asked_is_its_own_count(report: RagService, q: str, want: str) -> None:
    answer, found = ask(report, q)
    assert found and want in answer, answer
    assert "chủ thể" not in answer or "chủ thể" in q, answer
