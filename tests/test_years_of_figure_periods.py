"""Issue 17 (session 36, brief fn).  A year only a figure's period holds is a year the
reports cover: a report of 2091 that writes "tăng 8,6% so với cùng kỳ (cùng kỳ đạt N)",
"(năm trước đạt N)" or "; cùng kỳ năm trước N" and never the year 2090 has figures of
2090, and a question about 2090 is answered from them, never refused as a year no report
covers ("không báo cáo nào có số liệu năm 2090").  A year no figure is of stays refused,
and a change compared with the year before without its level covers no earlier year.
Reports written for these tests: other indicators, wordings, periods and numbers than the
probe (branch fg2's report)."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import service_over_files

from rag.records import AskOptions
from rag.service import RagService
from rag.service.years import YearCoverage, frame_years
from rag.vi.frames import extract

ANNUAL = """BÁO CÁO KẾT QUẢ HOẠT ĐỘNG NGÀNH CÔNG THƯƠNG NĂM 2091

I. SẢN XUẤT VÀ XUẤT KHẨU

Kim ngạch xuất khẩu hàng dệt may năm 2091 đạt 1.284 triệu USD, tăng 8,6% so với cùng kỳ \
(cùng kỳ đạt 1.182 triệu USD).

Số lượt khách du lịch nội địa cả năm đạt 2.460 nghìn lượt, tăng 15% (năm trước đạt 2.139 \
nghìn lượt).

Sản lượng gạch nung đạt 318 triệu viên; cùng kỳ năm trước 297 triệu viên.

Chỉ số sản xuất toàn ngành công nghiệp tăng 7,2% so với cùng kỳ.
"""

MONTHLY = """BÁO CÁO TÌNH HÌNH THƯƠNG MẠI THÁNG 6/2091

Tháng 6/2091, tổng mức bán lẻ hàng hóa đạt 1.905 tỷ đồng, tăng 10,4% so với cùng kỳ \
(cùng kỳ đạt 1.726 tỷ đồng).
"""


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over_files(tmp_path_factory.mktemp("fn"),
                              {"ct2091.txt": ANNUAL, "tm062091.txt": MONTHLY})


def _ask(service: RagService, question: str):  # noqa: ANN202 - an Answer
    return service.ask(question, AskOptions(retrieval_mode="lexical", today=date(2092, 3, 1)))


def test_the_years_of_figures_are_covered(service: RagService) -> None:
    covered = YearCoverage().covered(service.index)
    assert {2090, 2091} <= covered, covered
    assert 2089 not in covered and 2092 not in covered, covered


def test_a_change_without_the_earlier_level_is_of_its_own_year_only() -> None:
    text = "Báo cáo năm 2091\n\nChỉ số giá tiêu dùng bình quân năm 2091 tăng 3,1% so với cùng kỳ.\n"
    assert frame_years(extract(text, "Báo cáo năm 2091")) == {2091}
    stated = ("Báo cáo quý III/2091\n\nQuý III/2091, sản lượng thủy sản đạt 9.420 tấn, tăng 5% "
              "so với cùng kỳ (năm trước đạt 8.972 tấn).\n")
    assert frame_years(extract(stated, "Báo cáo quý III/2091")) == {2090, 2091}


@pytest.mark.parametrize(("question", "expected", "not_expected"), [
    ("Kim ngạch xuất khẩu hàng dệt may năm 2090 đạt bao nhiêu?", "1.182", "1.284"),
    ("số lượt khách du lịch nội địa năm 2090", "2.139", "2.460"),
    ("Sản lượng gạch nung năm 2090 là bao nhiêu?", "297", "318"),
    ("tổng mức bán lẻ hàng hóa tháng 6/2090?", "1.726", "1.905"),
    # the reports' own years answer as before
    ("Kim ngạch xuất khẩu hàng dệt may năm 2091 đạt bao nhiêu?", "1.284", "1.182"),
    ("tổng mức bán lẻ hàng hóa tháng 6/2091?", "1.905", "1.726"),
])
def test_the_earlier_year_is_answered(service: RagService, question: str, expected: str,
                                      not_expected: str) -> None:
    reply = _ask(service, question)
    assert reply.found and expected in reply.answer, (reply.answer, reply.summary)
    assert not_expected not in reply.answer, reply.answer


@pytest.mark.parametrize("question", [
    "Kim ngạch xuất khẩu hàng dệt may năm 2089 đạt bao nhiêu?",
    "sản lượng gạch nung năm 2092?",
])
def test_a_year_no_figure_is_of_is_refused(service: RagService, question: str) -> None:
    reply = _ask(service, question)
    assert not reply.found, reply.answer
    assert "không báo cáo nào có số liệu năm" in reply.answer, reply.answer


def test_no_earlier_figure_of_an_indicator_is_no_answer(service: RagService) -> None:
    reply = _ask(service, "Chỉ số sản xuất toàn ngành công nghiệp năm 2090 tăng bao nhiêu?")
    assert not reply.found or "7,2" not in reply.answer, reply.answer
