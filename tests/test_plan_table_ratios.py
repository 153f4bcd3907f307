"""A plan table's comparison columns are ratios, not levels (issue 17 K8): a column headed as
a fraction whose denominator is the plan ("ƯTH 2026/KH 2026 (%)", "TH/KH" under "So sánh
(%)") holds shares of the plan; one whose denominator is an earlier actual ("ƯTH 2026/TH
2025 (%)", "Cùng kỳ" under "So sánh (%)") holds indexes against that period (112,4 = a rise
of 12,4%).  "Đạt bao nhiêu % kế hoạch" and "tăng bao nhiêu % so với năm 2025" are answered
from them; the estimate's column ("ƯTH 2026") is an estimate."""

from __future__ import annotations

import pytest
from conftest import service_over_files

from rag.ingest.readers import read_bytes
from rag.records import AskOptions
from rag.service import RagService
from rag.vi.frames import extract

# one header row, the fraction in the column's own header
ONE_ROW = (
    "Chỉ tiêu,Đơn vị tính,Thực hiện 2025,Kế hoạch 2026,Ước thực hiện 2026,"
    "So sánh ƯTH 2026/KH 2026 (%),So sánh ƯTH 2026/TH 2025 (%)\n"
    "Giá trị sản xuất công nghiệp,tỷ đồng,9.840,10.600,10.950,\"103,3\",\"111,3\"\n"
    "Tổng mức bán lẻ hàng hóa,tỷ đồng,31.200,33.500,33.180,\"99,0\",\"106,3\"\n"
    "Số doanh nghiệp thành lập mới,doanh nghiệp,412,450,468,\"104,0\",\"113,6\"\n")
# two header rows: "So sánh (%)" over "TH/KH" and "Cùng kỳ"
TWO_ROWS = (
    "Chỉ tiêu,ĐVT,Năm 2027,So sánh (%),\n"
    ",,,TH/KH,Cùng kỳ\n"
    "Sản lượng điện thương phẩm,triệu kWh,1.210,\"97,6\",\"108,2\"\n"
    "Số chợ được cải tạo,chợ,14,\"116,7\",\"140,0\"\n")
DOCS = {"bieu-02-2026.csv": ONE_ROW, "bieu-05-2027.csv": TWO_ROWS}


def frames_of(name: str, data: str):  # noqa: ANN201
    doc = read_bytes(name, data.encode("utf-8"))[0]
    return {(f.indicator, f.value): f for f in extract(doc.text, doc.title, doc.date)}


def test_a_fraction_over_the_plan_is_a_share_of_the_plan() -> None:
    frames = frames_of("bieu-02-2026.csv", ONE_ROW)
    share = frames[("Tổng mức bán lẻ hàng hóa", "99,0%")]
    assert (share.measure, share.target, share.comparison) == ("plan_share", False, "kế hoạch")
    assert share.period is not None and share.period.label == "năm 2026"
    two = frames_of("bieu-05-2027.csv", TWO_ROWS)
    assert two[("Sản lượng điện thương phẩm", "97,6%")].measure == "plan_share"


def test_a_fraction_over_an_earlier_actual_is_an_index_on_that_year() -> None:
    frames = frames_of("bieu-02-2026.csv", ONE_ROW)
    index = frames[("Giá trị sản xuất công nghiệp", "111,3%")]
    assert (index.measure, index.comparison) == ("index", "năm 2025")
    two = frames_of("bieu-05-2027.csv", TWO_ROWS)
    same = two[("Số chợ được cải tạo", "140,0%")]
    assert (same.measure, same.comparison) == ("index", "cùng kỳ")
    assert same.period is not None and same.period.label == "năm 2027"


def test_the_levels_keep_their_columns_and_the_estimate_is_one() -> None:
    frames = frames_of("bieu-02-2026.csv", ONE_ROW)
    estimate = frames[("Giá trị sản xuất công nghiệp", "10.950 tỷ đồng")]
    assert (estimate.measure, estimate.estimate, estimate.target) == ("level", True, False)
    plan = frames[("Giá trị sản xuất công nghiệp", "10.600 tỷ đồng")]
    assert (plan.measure, plan.target, plan.estimate) == ("level", True, False)


def test_a_pipe_table_reads_its_ratio_columns_alike() -> None:
    text = ("Biểu kết quả năm 2026\n\n"
            "Chỉ tiêu | ĐVT | TH 2025 | KH 2026 | ƯTH 2026 | ƯTH 2026/KH 2026 (%) | "
            "ƯTH 2026/TH 2025 (%)\n"
            "Giá trị sản xuất công nghiệp | tỷ đồng | 9.840 | 10.600 | 10.950 | 103,3 | 111,3\n")
    frames = {f.value: f for f in extract(text, "Biểu kết quả năm 2026", None)}
    assert (frames["103,3%"].measure, frames["103,3%"].comparison) == ("plan_share", "kế hoạch")
    assert (frames["111,3%"].measure, frames["111,3%"].comparison) == ("index", "năm 2025")
    assert frames["10.950 tỷ đồng"].estimate and frames["10.950 tỷ đồng"].measure == "level"


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over_files(tmp_path_factory.mktemp("plan-table"), DOCS)


def ask(service: RagService, question: str):  # noqa: ANN201
    return service.ask(question, AskOptions(retrieval_mode="lexical"))


@pytest.mark.parametrize(("question", "expected"), [
    ("tổng mức bán lẻ hàng hóa năm 2026 đạt bao nhiêu % kế hoạch?", "99,0%"),
    ("giá trị sản xuất công nghiệp năm 2026 đạt bao nhiêu % kế hoạch?", "103,3%"),
    ("sản lượng điện thương phẩm năm 2027 đạt bao nhiêu % kế hoạch?", "97,6%"),
])
def test_plan_share_questions_take_the_plan_column(service: RagService, question: str,
                                                   expected: str) -> None:
    answer = ask(service, question)
    assert answer.found and answer.answer.startswith(expected), answer.answer


@pytest.mark.parametrize(("question", "expected"), [
    ("giá trị sản xuất công nghiệp năm 2026 tăng bao nhiêu % so với năm 2025?", "tăng 11,3%"),
    ("số doanh nghiệp thành lập mới năm 2026 tăng bao nhiêu % so với năm 2025?", "tăng 13,6%"),
    ("sản lượng điện thương phẩm năm 2027 tăng bao nhiêu % so với cùng kỳ?", "tăng 8,2%"),
])
def test_change_questions_take_the_index_column(service: RagService, question: str,
                                                expected: str) -> None:
    answer = ask(service, question)
    assert answer.found and answer.answer == expected, answer.answer
    assert "tính từ chỉ số" in answer.summary


def test_the_index_is_no_change_on_another_year(service: RagService) -> None:
    answer = ask(service, "giá trị sản xuất công nghiệp năm 2026 tăng bao nhiêu % so với "
                          "năm 2024?")
    assert not answer.found or "11,3" not in answer.answer, answer.answer


def test_a_month_of_a_year_is_no_fraction() -> None:
    text = ("Chỉ số giá tiêu dùng năm 2021\n\n"
            "Tháng 12/2021 so với cùng kỳ (%) — Giao thông: 11,36% (NĂM 2021; dòng 9)\n"
            "Quý I/2021 so với cùng kỳ (%) — Giao thông: 4,02% (NĂM 2021; dòng 9)\n")
    frames = {f.value: f for f in extract(text, "Chỉ số giá tiêu dùng năm 2021", None)}
    assert frames["11,36%"].measure == "change"
    assert frames["11,36%"].comparison == "cùng kỳ"
    assert frames["4,02%"].comparison == "cùng kỳ"
