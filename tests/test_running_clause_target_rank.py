"""Three kinds of the issue 17 break-test b17 round 7 (items 5, 6, 8), on reports of our own:
a running total in a clause opened by "cộng dồn / lũy kế / tính chung / từ đầu năm" after the
figure of a month is of the months of the year to that month (every value of the clause);
a target after ";" whose indicator holds an abbreviation ("thu ngân sách từ hoạt động XNK")
is named by a question written either way, and is no part of another indicator then; a rank
asked for a year the reports do not rank is refused, not served from another year's sentence."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import service_over_files

from rag.answer.figures import narrowed_by
from rag.records import AskOptions
from rag.service import RagService
from rag.vi.frames import extract
from rag.vi.text import fold

DOCS = {
    "dau-tu-9-2037.txt": (
        "Tình hình đầu tư tháng 9/2037\n28/9/2037\n\n"
        "Trong tháng 9, toàn tỉnh có 45 dự án được cấp chủ trương đầu tư, nhiều hơn tháng "
        "trước là 6 dự án; lũy kế từ đầu năm có 312 dự án được cấp chủ trương đầu tư với tổng "
        "vốn đăng ký 9.870 tỷ đồng.\n"),
    "dien-2037.txt": (
        "Hoạt động ngành điện 8 tháng năm 2037\n05/9/2037\n\n"
        "Doanh thu SXKD 8 tháng năm 2037 đạt 1.960 tỷ đồng. Năm 2037, Công ty đặt mục tiêu "
        "doanh thu SXKD đạt 3.100 tỷ đồng; thu nộp NSNN từ hoạt động SXKD phấn đấu đạt 310 tỷ "
        "đồng.\n"),
    "hai-quan-7t-2037.txt": (
        "Hải quan Nam Việt: kim ngạch xuất nhập khẩu 7 tháng năm 2037 đạt 3,42 tỷ USD\n"
        "Ngày đăng: 05/8/2037\n"
        "\n"
        "Theo Cục Hải quan tỉnh Nam Việt, tính chung 7 tháng năm 2037, tổng kim ngạch "
        "xuất nhập khẩu hàng hóa qua địa bàn (tất cả các loại hình) đạt 3,42 tỷ USD, tăng"
        " 14,8% so với cùng kỳ năm 2036. Trong đó, xuất khẩu đạt 1,96 tỷ USD; nhập khẩu "
        "đạt 1,46 tỷ USD.\n"
        "Riêng tháng 7/2037, kim ngạch XNK qua địa bàn đạt 528 triệu USD, cao hơn tháng 6"
        " là: 41 triệu USD. Tháng 7/2036, kim ngạch XNK qua địa bàn chỉ đạt 455 triệu "
        "USD, thấp hơn tháng 7/2037 là 73 triệu USD.\n"
        "Hàng hóa mở tờ khai tại Cục Hải quan tỉnh 7 tháng đạt 1,12 tỷ USD; hàng địa "
        "phương xuất khẩu đạt 236 triệu USD.\n"
        "Từ ngày 1/8 đến hết 4/8/2037, kim ngạch XNK qua địa bàn đạt 71 triệu USD.\n"
        "Số thu ngân sách từ hoạt động XNK 7 tháng đạt 2.115 tỷ đồng, tăng so với cùng kỳ"
        " là 264 tỷ đồng, đạt 58,8% chỉ tiêu. Năm 2037, Cục đặt mục tiêu kim ngạch XNK "
        "đạt 5,4 tỷ USD; thu ngân sách từ hoạt động XNK phấn đấu đạt 3.150 tỷ đồng.\n"
        "Thời gian thông quan hàng hóa bình quân giảm từ 3 - 4 giờ xuống còn 40 - 50 phút"
        " mỗi tờ khai.\n"
        "Năm 2036, Cục Hải quan Nam Việt được xếp hạng thứ 4/35 đơn vị trong toàn ngành "
        "về cải cách thủ tục hành chính.\n"
        "Đến chiều 31/7/2037, tại các cửa khẩu hiện có 1.850 xe hàng chờ xuất khẩu.\n"),
    "hop-bao-6t-2037.txt": (
        "Họp báo UBND tỉnh Nam Việt thông tin tình hình kinh tế - xã hội 6 tháng đầu năm "
        "2037\n"
        "Ngày 08/7/2037\n"
        "\n"
        "Chiều 08/7/2037, UBND tỉnh tổ chức họp báo thông tin tình hình kinh tế - xã hội "
        "6 tháng đầu năm 2037.\n"
        "Theo báo cáo, tốc độ tăng trưởng kinh tế (GRDP) 6 tháng đầu năm 2037 ước đạt "
        "7,42%, cao hơn cùng kỳ năm 2036 là 0,6 điểm phần trăm. Quy mô GRDP 6 tháng đạt "
        "31.800 tỷ đồng.\n"
        "Theo số liệu chính thức, GRDP quý I/2037 tăng 7,05%; quý II/2037 ước tăng 7,78%.\n"
        "Vốn đầu tư công giải ngân 6 tháng đạt 2.940 tỷ đồng, bằng 47,5% kế hoạch; tăng "
        "so với cùng kỳ là 410 tỷ đồng.\n"
        "Đến tháng 3/2037, toàn tỉnh có 58 hợp tác xã nông nghiệp đạt chuẩn; đến tháng "
        "6/2037 có 63 HTX.\n"
        "Năm 2036, tỉnh được xếp hạng thứ 9/63 về chỉ số hiệu quả quản trị và hành chính "
        "công cấp tỉnh (PAPI), giảm 2 bậc so với năm 2035.\n"
        "Năm 2037, tỉnh phấn đấu tăng trưởng GRDP đạt 7,8%; tổng vốn đầu tư toàn xã hội "
        "đạt 42.000 tỷ đồng; tỷ lệ hộ nghèo giảm còn 3,1%.\n"
        "Số lao động được giải quyết việc làm 6 tháng là 9.450 người, nhiều hơn cùng kỳ "
        "là 620 người.\n"
        "Về thu hút đầu tư, 6 tháng cấp mới 14 dự án với tổng vốn 3.250 tỷ đồng; hiện có "
        "486 dự án còn hiệu lực.\n"),
}


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over_files(tmp_path_factory.mktemp("running_clause"), DOCS)


@pytest.fixture(scope="module")
def rank_service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over_files(tmp_path_factory.mktemp("rank_year"),
                              {k: v for k, v in DOCS.items() if k.startswith("hop-bao")})


@pytest.mark.parametrize(("sentence", "values", "label"), [
    ("Trong tháng 9, toàn tỉnh có 45 dự án được cấp chủ trương đầu tư; lũy kế từ đầu năm có "
     "312 dự án với tổng vốn đăng ký 9.870 tỷ đồng.", ("312 dự án", "9.870 tỷ đồng"),
     "9 tháng năm 2037"),
    ("Tháng 10/2037, cấp mới 120 giấy phép lái xe; cộng dồn có 1.340 giấy phép.",
     ("1.340 giấy phép",), "10 tháng năm 2037"),
    ("Trong tháng 5, đón 42.000 lượt khách; tính chung từ đầu năm đón 236.000 lượt khách, "
     "doanh thu 410 tỷ đồng.", ("236.000 lượt khách", "410 tỷ đồng"), "5 tháng năm 2037"),
    ("Tháng 8/2037, giải quyết 95 hồ sơ, từ đầu năm đến nay giải quyết 702 hồ sơ.",
     ("702 hồ sơ",), "8 tháng năm 2037"),
])
def test_a_running_clause_after_a_month(sentence: str, values: tuple[str, ...],
                                        label: str) -> None:
    frames = {f.value: f for f in extract(sentence, "t", "2037-10-30")}
    for value in values:
        f = frames[value]
        assert f.period is not None and f.period.label == label, f
        assert not any(w in fold(f.indicator).lower() for w in ("luy ke", "cong don",
                                                                  "tinh chung", "dau nam")), f
    first = next(iter(frames.values()))
    assert first.period is not None and first.period.kind == "month", first


@pytest.mark.parametrize(("sentence", "value", "label"), [
    # its own period kept; a count standing now ("lũy kế đến nay") is no months' total
    ("Chỉ số sản xuất công nghiệp tháng 3/2037 tăng 2,1%; tính chung quý I tăng 7,4%.",
     "7,4%", "quý I/2037"),
    ("Tháng 6/2037, thành lập mới 4 hợp tác xã; lũy kế đến nay có 286 hợp tác xã.",
     "286 hợp tác xã", None),
])
def test_a_running_clause_keeps_its_own_period(sentence: str, value: str,
                                               label: str | None) -> None:
    f = {f.value: f for f in extract(sentence, "t", "2037-07-01")}[value]
    assert f.period is not None, f
    assert f.period.kind != "months", f
    assert label is None or f.period.label == label, f


@pytest.mark.parametrize(("question", "value"), [
    ("lũy kế từ đầu năm có bao nhiêu dự án được cấp chủ trương đầu tư?", "312"),
    ("từ đầu năm đến nay có bao nhiêu dự án được cấp chủ trương đầu tư?", "312"),
    ("tổng vốn đăng ký của các dự án được cấp chủ trương đầu tư từ đầu năm", "9.870"),
    ("tháng 9/2037 có bao nhiêu dự án được cấp chủ trương đầu tư?", "45"),
])
def test_the_running_total_asked(service: RagService, question: str, value: str) -> None:
    a = service.ask(question, AskOptions(today=date.fromisoformat("2037-09-30")))
    assert a.found and a.figure is not None and a.figure.value.startswith(value), \
        (a.answer, a.confidence)
    assert a.period_match == "exact", (a.period_match, a.summary)


@pytest.fixture(scope="module")
def trade_service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over_files(tmp_path_factory.mktemp("trade_target"),
                              {k: v for k, v in DOCS.items() if k.startswith("hai-quan")})


@pytest.mark.parametrize("question", [
    "kế hoạch thu ngân sách từ hoạt động xuất nhập khẩu năm 2037 là bao nhiêu?",
    "mục tiêu số thu ngân sách từ hoạt động XNK năm 2037",
])
def test_the_target_after_a_semicolon_named_in_full(trade_service: RagService,
                                                    question: str) -> None:
    a = trade_service.ask(question, AskOptions(today=date.fromisoformat("2037-08-06")))
    assert a.found and a.figure is not None and a.figure.value.startswith("3.150"), \
        (a.answer, a.confidence)


@pytest.mark.parametrize("question", [
    "mục tiêu thu nộp NSNN từ hoạt động SXKD năm 2037",
    "kế hoạch thu nộp ngân sách nhà nước từ hoạt động sản xuất kinh doanh năm 2037 là bao nhiêu?",
])
def test_the_target_after_a_semicolon(service: RagService, question: str) -> None:
    a = service.ask(question, AskOptions(today=date.fromisoformat("2037-09-06")))
    assert a.found and a.figure is not None and a.figure.value.startswith("310"), \
        (a.answer, a.confidence)


def test_an_abbreviated_qualifier_named_written_out() -> None:
    f = {f.value: f for f in extract(
        "Năm 2037, phấn đấu thu ngân sách từ hoạt động XNK đạt 3.900 tỷ đồng.", "t",
        "2037-01-05")}["3.900 tỷ đồng"]
    said = frozenset(fold("thu ngân sách từ hoạt động xuất nhập khẩu").lower().split())
    assert not narrowed_by(f, said), f
    assert narrowed_by(f, frozenset(fold("thu ngân sách").lower().split())), f


@pytest.mark.parametrize(("question", "found"), [
    ("chỉ số PAPI năm 2037 xếp thứ mấy?", False),
    ("năm 2037 tỉnh xếp hạng bao nhiêu về chỉ số PAPI?", False),
    ("năm 2036 tỉnh xếp hạng bao nhiêu về chỉ số PAPI?", True),
])
def test_a_rank_of_the_asked_year(rank_service: RagService, question: str,
                                  found: bool) -> None:
    a = rank_service.ask(question, AskOptions(today=date.fromisoformat("2037-07-12")))
    assert a.found == found, (a.answer, a.confidence)
    if found:
        assert a.figure is not None and a.figure.value == "9/63", a.answer
        assert a.period_match == "exact", a.period_match
    else:
        assert "/63" not in a.answer, a.answer
