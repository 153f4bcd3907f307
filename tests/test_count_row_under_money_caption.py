"""A row counting things ("Số dự án cấp mới", "Tổng số doanh nghiệp thành lập mới") in a table
whose caption gives money ("Vốn đầu tư theo năm (tỷ đồng)") counts its own noun -- "44 dự án",
not "44 tỷ đồng" (rag.ingest.tables.label_count_noun; break-test s46 bt17w, a PDF of an
investment report).  A row of money ("Số vốn đăng ký") keeps the caption's unit, and a
caption's count unit with its magnitude ("(nghìn lượt)") is kept by the count it heads."""

from __future__ import annotations

import pytest
from conftest import service_over_files
from helpers import titled_table_file

from rag.ingest.tables import label_count_noun
from rag.records import AskOptions
from rag.service import RagService

ROWS = [["Chỉ tiêu", "Năm 2086", "Năm 2087"],
        ["Vốn đầu tư thực hiện", "18.240", "19.975"],
        ["Số dự án cấp mới", "27", "33"],
        ["Số vốn đăng ký", "4.610", "5.082"],
        ["Tổng số doanh nghiệp thành lập mới", "412", "455"]]
VISITS = [["Chỉ tiêu", "Năm 2087"], ["Số lượt khách du lịch", "3.120"]]


@pytest.fixture(scope="module", params=["xlsx", "docx", "html"])
def service(request: pytest.FixtureRequest,
            tmp_path_factory: pytest.TempPathFactory) -> RagService:
    name, data = titled_table_file(request.param, ROWS, "Đầu tư theo năm (tỷ đồng)")
    visits, vdata = titled_table_file(request.param, VISITS, "Khách du lịch (nghìn lượt)")
    return service_over_files(tmp_path_factory.mktemp(request.param),
                              {f"dau-tu-{name}": data, f"du-lich-{visits}": vdata})


@pytest.mark.parametrize(("question", "value"), [
    ("Số dự án cấp mới năm 2087?", "33 dự án"),
    ("so du an cap moi nam 2086", "27 dự án"),
    ("Tổng số doanh nghiệp thành lập mới năm 2087?", "455 doanh nghiệp"),
    # near misses: money rows keep the caption's unit; a count caption keeps its magnitude
    ("Số vốn đăng ký năm 2087?", "5.082 tỷ đồng"),
    ("Vốn đầu tư thực hiện năm 2086?", "18.240 tỷ đồng"),
    ("Số lượt khách du lịch năm 2087?", "3.120 nghìn lượt"),
])
def test_a_count_row_counts_its_noun(service: RagService, question: str, value: str) -> None:
    answer = service.ask(question, AskOptions(retrieval_mode="lexical"))
    assert answer.found and answer.answer.startswith(value), (answer.answer, answer.summary)


@pytest.mark.parametrize(("label", "noun"), [
    ("Số dự án cấp mới", "dự án"), ("Tổng số doanh nghiệp", "doanh nghiệp"),
    ("Số lượng hợp tác xã", "hợp tác xã"), ("Số vốn đăng ký", ""), ("Vốn nhà nước", "")])
def test_label_count_noun(label: str, noun: str) -> None:
    assert label_count_noun(label) == noun
