"""Several periods in one question (issue 17, Scope 5): periods of one year each asked
("tháng 5 và 5 tháng năm 2024", "quý II và cả năm 2023"), each period with its own year
("quý III 2024"), and things paired with their own periods ("X <A> và Y <B>", "X <A>, Y
<B> và Z <C>") answered one part a pair, in the order asked -- typed with or without
diacritics."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import service_over

from rag.answer.conjuncts import split_conjuncts, split_paired
from rag.vi.asked import question_periods

PAIRS = {("kim", "ngach"), ("xuat", "khau"), ("nhap", "khau"), ("doanh", "thu"),
         ("du", "lich"), ("san", "luong"), ("ngan", "sach")}


def cohesion(a: str, b: str) -> float:
    return 1.0 if (a, b) in PAIRS else 0.0


@pytest.mark.parametrize(("question", "labels"), [
    # a month and the months to date of one year
    ("kim ngạch xuất khẩu tháng 5 và 5 tháng năm 2024", ["tháng 5/2024", "5 tháng năm 2024"]),
    ("kim ngach xuat khau 5 thang nam 2024 va ca nam 2024",
     ["5 tháng năm 2024", "năm 2024"]),
    # a quarter and the whole year: the quarter without its year takes the year named after
    ("doanh thu du lịch quý II và cả năm 2023", ["quý II/2023", "năm 2023"]),
    ("doanh thu du lich ca nam 2023 va quy II nam 2023", ["năm 2023", "quý II/2023"]),
    # a year written beside a period is that period's year, not a period asked
    ("sản lượng điện quý III 2024", ["quý III/2024"]),
    ("san luong dien quy III cua nam 2024", ["quý III/2024"]),
    ("Năm 2021, thu ngân sách quý III là bao nhiêu", ["quý III/2021"]),
    # each period its own year, the one beside it
    ("thu ngân sách năm 2020 và quý I 2021", ["năm 2020", "quý I/2021"]),
    # a year inside a period's own words; a year that only dates a day
    ("doanh thu du lịch nửa đầu năm 2024 đạt bao nhiêu", ["6 tháng đầu năm 2024"]),
    ("thu ngan sach nam 2024 tinh den 30/6/2024", ["tính đến 30/6/2024"]),
    ("số thuê bao từ đầu năm 2024 đến 30/6/2024", ["tính đến 30/6/2024"]),
])
def test_each_period_asked_with_its_own_year(question: str, labels: list[str]) -> None:
    got = question_periods(question, date(2025, 6, 1)).periods
    assert [p.label for p in got] == labels


def test_things_paired_with_their_own_periods_are_split_in_order() -> None:
    got = split_paired("doanh thu du lịch 6 tháng đầu năm 2023 và số khách quốc tế quý IV "
                       "2022 đạt bao nhiêu?", cohesion)
    assert got is not None
    assert got.questions == ("doanh thu du lịch 6 tháng đầu năm 2023 đạt bao nhiêu?",
                             "số khách quốc tế quý IV 2022 đạt bao nhiêu?")
    assert got.labels == ("doanh thu du lịch 6 tháng đầu năm 2023",
                          "số khách quốc tế quý IV 2022")
    three = split_paired("thu ngan sach nam 2022, san luong dien quy I 2023 va doanh thu du "
                         "lich thang 3/2023", cohesion)
    assert three is not None
    assert three.questions == ("thu ngan sach nam 2022", "san luong dien quy I 2023",
                               "doanh thu du lich thang 3/2023")
    # one term after "và" takes the first part's head; a part without a year takes the year
    shared = split_paired("kim ngạch xuất khẩu quý I và nhập khẩu tháng 2 năm 2024", cohesion)
    assert shared is not None
    assert shared.questions == ("kim ngạch xuất khẩu quý I năm 2024",
                                "kim ngạch nhập khẩu tháng 2 năm 2024")



def test_a_part_with_its_own_head_keeps_it() -> None:
    def joined(a: str, b: str) -> float:
        return 1.0 if (a, b) in PAIRS | {("to", "khai"), ("lao", "dong"), ("hop", "tac"),
                                         ("tac", "xa")} else 0.0
    got = split_paired("số hợp tác xã tham gia xuất khẩu năm 2024 và số tờ khai năm 2023",
                       joined)
    assert got is not None
    assert got.questions == ("số hợp tác xã tham gia xuất khẩu năm 2024",
                             "số tờ khai năm 2023")
    own = split_paired("kim ngạch xuất khẩu năm 2024 và tổng lao động năm 2025", joined)
    assert own is not None and own.questions[1] == "tổng lao động năm 2025"


@pytest.mark.parametrize("question", [
    "doanh thu du lịch quý II và cả năm 2023",  # several periods of one figure
    "kim ngach xuat khau 2019, 2020 va 2021",
    "sản lượng than và xi măng 9 tháng 2025",  # two things, one period: split_conjuncts
    "Năm 2021, thu ngân sách quý III là bao nhiêu",
])
def test_one_figure_or_one_period_is_not_paired(question: str) -> None:
    assert split_paired(question, cohesion) is None


def test_comparisons_joined_are_two_things_not_periods() -> None:
    got = split_conjuncts("giá vàng tháng 3/2024 so với tháng trước và so với cùng kỳ",
                          cohesion)
    assert got is not None
    assert got.labels == ("so với tháng trước", "so với cùng kỳ")


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory):
    root = tmp_path_factory.mktemp("paired")
    return service_over(root, [
        {"id": "bc-t5", "title": "Báo cáo kinh tế tháng 5 và 5 tháng năm 2024",
         "date": "2024-05-30",
         "text": "Kim ngạch xuất khẩu tháng 5 ước đạt 112,4 triệu USD, tăng 3,1% so với "
                 "tháng trước; lũy kế 5 tháng đạt 498,7 triệu USD, tăng 8,2% so với cùng "
                 "kỳ.\n\nThu ngân sách nhà nước 5 tháng năm 2024 đạt 2.315 tỷ đồng."},
        {"id": "bc-2023", "title": "Báo cáo tổng kết năm 2023", "date": "2023-12-20",
         "text": "Năm 2023, doanh thu du lịch đạt 3.870 tỷ đồng, tăng 12,5% so với năm "
                 "2022.\n\nRiêng quý II năm 2023, doanh thu du lịch đạt 905 tỷ đồng.\n\n"
                 "Số doanh nghiệp thành lập mới năm 2023 là 642 doanh nghiệp."},
        {"id": "bc-q1", "title": "Báo cáo quý I năm 2024", "date": "2024-04-05",
         "text": "Quý I năm 2024, sản lượng điện thương phẩm đạt 215,6 triệu kWh, tăng "
                 "6,4% so với cùng kỳ."},
        {"id": "bc-ttk", "title": "Báo cáo thống kê hải quan năm 2024", "date": "2024-12-28",
         "text": "Năm 2024, số hợp tác xã nông nghiệp tham gia xuất khẩu là 57 hợp tác xã."
                 "\n\nNăm 2024, số tờ khai hải quan đạt 9.450 tờ khai.\n\nNăm 2023, số tờ "
                 "khai hải quan đạt 8.120 tờ khai."},
    ])


@pytest.mark.parametrize(("question", "parts"), [
    # a part opening with its own head word ("số") names its own thing, not the first's
    ("số hợp tác xã nông nghiệp tham gia xuất khẩu năm 2024 và số tờ khai năm 2023",
     [("số hợp tác xã nông nghiệp tham gia xuất khẩu năm 2024", "57 hợp tác xã"),
      ("số tờ khai năm 2023", "8.120 tờ khai")]),
    ("so doanh nghiep thanh lap moi nam 2023, so to khai nam 2024 va doanh thu du lich ca "
     "nam 2023", [("so doanh nghiep thanh lap moi nam 2023", "642 doanh nghiệp"),
                  ("so to khai nam 2024", "9.450 tờ khai"),
                  ("doanh thu du lich ca nam 2023", "3.870 tỷ đồng")]),
    ("kim ngach xuat khau thang 5 va 5 thang nam 2024",
     [("tháng 5/2024", "112,4 triệu USD"), ("5 tháng năm 2024", "498,7 triệu USD")]),
    ("doanh thu du lịch quý II và cả năm 2023",
     [("quý II/2023", "905 tỷ đồng"), ("năm 2023", "3.870 tỷ đồng")]),
    ("doanh thu du lich ca nam 2023 va san luong dien thuong pham quy I 2024",
     [("doanh thu du lich ca nam 2023", "3.870 tỷ đồng"),
      ("san luong dien thuong pham quy I 2024", "215,6 triệu kWh")]),
])
def test_ask_answers_one_part_a_pair_in_order(service, question: str,
                                              parts: list[tuple[str, str]]) -> None:
    """Each part answered with its own figure, in the order asked.  The counts of customs
    declarations say their unit ("9.450 tờ khai", as the report writes it): a count noun
    right after a number is its unit since FRAMES_VERSION 53 (tests/test_count_units.py);
    this test expected the bare "9.450" before."""
    answer = service.ask(question)
    assert answer.found, answer.answer
    assert [(p.period, p.answer) for p in answer.parts] == parts
    assert all(p.citations for p in answer.parts)
    assert not answer.missing
    # each part says how sure its own answer is; the whole is as sure as the least
    assert all(p.confidence is not None and 0 <= p.confidence <= 1 for p in answer.parts)
    assert answer.confidence == pytest.approx(min(p.confidence or 0 for p in answer.parts),
                                              abs=1e-4)
    assert all("confidence" in p for p in answer.to_dict()["parts"])

