"""Two English (and Vietnamese) question readings of session 44 break-test bt17l/bt17m.

A count written with its noun before the value and its unit after it ("khách quốc tế
214.000 lượt") is the "lượt khách quốc tế" a question asks ("Số lượt khách quốc tế 9 tháng?",
"International visitors ... first 9 months?" read "lượt khách du lịch quốc tế"): both were
refused, the pair "lượt khách" held by no field of the figure (rag.answer.figures.
unit_first_terms).  And a province's "GDP" is its GRDP ("Tốc độ tăng trưởng kinh tế (GRDP)
quý I/2071 ước đạt 7,14%"): "GDP growth of Lang Son in Q1 2071?" was refused (rag.vi.lexicon
ABBREVIATIONS "gdp").  Reports of our own, as DOCX, text and HTML."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import service_over_files
from helpers import report_file

from rag.records import AskOptions
from rag.service import RagService

TODAY = date(2080, 1, 5)


def _files() -> dict[str, str | bytes]:
    out: dict[str, str | bytes] = {}
    for kind, paragraphs in (
        ("docx", ["Họp báo kinh tế - xã hội 9 tháng năm 2060",
                  "Chiều 2/10/2060, UBND tỉnh Lạng Sơn tổ chức họp báo thông tin tình hình "
                  "kinh tế - xã hội 9 tháng năm 2060.",
                  "Khách du lịch 9 tháng ước đạt 3,26 triệu lượt, trong đó khách quốc tế "
                  "214.000 lượt; doanh thu từ du lịch ước đạt 5.870 tỷ đồng."]),
        ("txt", ["Tình hình y tế tháng 6 năm 2062",
                 "Trong tháng 6/2062, các cơ sở y tế tiếp nhận khám bệnh cho người bệnh 48.310 "
                 "lượt, tăng 3,2% so với tháng trước."]),
        ("docx-2", ["Du lịch tháng 8 năm 2060",
                    "Tháng 8/2060, tỉnh Lạng Sơn đón 8.600 lượt khách quốc tế, tăng 5% so "
                    "với tháng 7/2060; tổng lượt khách du lịch đạt 412.000 lượt."]),
        ("html", ["Họp báo cung cấp thông tin quý I năm 2071",
                  "Chiều 08/4/2071, UBND tỉnh Lạng Sơn tổ chức họp báo. Tốc độ tăng trưởng "
                  "kinh tế (GRDP) quý I/2071 ước đạt 7,14%, xếp thứ 9/14 tỉnh "
                  "vùng Trung du và miền núi phía Bắc. Quy mô GRDP theo giá hiện hành ước đạt "
                  "14.380 tỷ đồng."]),
    ):
        name, data = report_file(kind.split("-")[0], paragraphs)
        out[f"{kind}-{name}"] = data
    return out


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over_files(tmp_path_factory.mktemp("unit-first"), _files())


@pytest.mark.parametrize(("question", "value"), [
    ("International visitors to Lang Son in the first 9 months of 2060?", "214.000"),
    ("Số lượt khách quốc tế 9 tháng năm 2060?", "214.000"),
    ("Số lượt khám bệnh tháng 6/2062?", "48.310"),
    ("GDP growth of Lang Son in Q1 2071?", "7,14%"),
    ("Tăng trưởng GDP quý I/2071 đạt bao nhiêu?", "7,14%"),
    # near-misses: the wordings answered before
    ("Lượng khách quốc tế 9 tháng năm 2060?", "214.000"),
    ("GRDP growth of Lang Son in Q1 2071?", "7,14%"),
    ("Tổng lượt khách du lịch 9 tháng năm 2060?", "3,26 triệu"),
])
def test_count_and_gdp_read(service: RagService, question: str, value: str) -> None:
    a = service.ask(question, AskOptions(today=TODAY))
    assert a.found and a.answer.startswith(value), (a.answer, a.confidence)
