"""A price index whose base year opens its sentence, set off by a comma, answers a question
naming that base (break-test s46 bt17v): "So với kỳ gốc 2077, CPI tháng 4/2081 bằng 109,37%"
is the index of tháng 4/2081 against the base 2077 -- whatever the index is called ("CPI",
"IIP", "giá vàng"), the base year never the figure's own time (issue 17) -- and "CPI tháng
4/2081 so với kỳ gốc 2077?" is answered with it; a question asking the figure OF the base year
("CPI năm 2077") is not."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from conftest import service_over_files
from helpers import report_file

from rag.records import AskOptions
from rag.service import RagService
from rag.vi.frames.document import extract

CPI = ("BÁO CÁO TÌNH HÌNH KINH TẾ - XÃ HỘI THÁNG 4 NĂM 2081",
       "Chỉ số giá tiêu dùng (CPI) tháng 4/2081 tăng 0,28% so với tháng trước; tăng 1,94% so "
       "với tháng 12/2080. So với kỳ gốc 2077, CPI tháng 4/2081 bằng 109,37%.")
IIP = ("BÁO CÁO SẢN XUẤT CÔNG NGHIỆP THÁNG 11 NĂM 2083",
       "Chỉ số sản xuất công nghiệp (IIP) tháng 11/2083 ước tăng 1,6% so với tháng trước. "
       "So với năm gốc 2075, IIP tháng 11/2083 bằng 127,4%.")
GOLD = ("BÁO CÁO GIÁ CẢ THỊ TRƯỜNG QUÝ II NĂM 2079",
        "Giá vàng quý II/2079 tăng 3,3% so với quý trước. So với kỳ gốc 2082, giá vàng "
        "quý II/2079 bằng 91,6%.")
# the base written after the index (read so before this fix): its base year must still match
GOLD_INDEX = ("CHỈ SỐ GIÁ VÀNG, ĐÔ LA MỸ THÁNG 6 NĂM 2086",
              "Chỉ số giá vàng tháng 6/2086 bằng 148,2% so với kỳ gốc 2080.")
CPI_AFTER = ("CHỈ SỐ GIÁ TIÊU DÙNG THÁNG 3 NĂM 2087",
             "Chỉ số giá tiêu dùng tháng 3/2087 bằng 113,05% so với kỳ gốc 2082.")


@pytest.mark.parametrize(("text", "value", "base"), [
    (CPI[1], "109,37%", "kỳ gốc 2077"),
    (IIP[1], "127,4%", "năm gốc 2075"),
    (GOLD[1], "91,6%", "kỳ gốc 2082"),  # a base year later than the figure
])
def test_a_leading_base_year_makes_an_index(text: str, value: str, base: str) -> None:
    got = {f.value: f for f in extract(text, "Báo cáo", "2084-01-05")}
    f = got[value]
    assert (f.measure, f.comparison) == ("index", base), f
    assert f.period is not None and str(f.period.year) not in base, f.period
    # near-misses: the changes of the sentence before keep their own bases
    assert all(g.measure == "change" and "gốc" not in (g.comparison or "")
               for v, g in got.items() if v != value), got


def test_a_leading_base_of_no_index_stays_a_level() -> None:
    # a percent under 50 is no index (a rate), whatever base opens its sentence
    got = {f.value: f for f in extract("So với năm 2077, tỷ lệ hộ nghèo tháng 4/2081 bằng "
                                       "2,4%.", "Báo cáo", "2081-04-30")}
    assert got["2,4%"].measure == "level", got


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    files: dict[str, str | bytes] = {}
    for i, (kind, report) in enumerate([("txt", CPI), ("docx", IIP), ("html", GOLD),
                                         ("txt", GOLD_INDEX), ("docx", CPI_AFTER)]):
        name, data = report_file(kind, list(report))
        files[f"{i}_{name}"] = data
    return service_over_files(Path(tmp_path_factory.mktemp("leading_base_year")), files)


def _ask(service: RagService, question: str):  # noqa: ANN202
    return service.ask(question, AskOptions(retrieval_mode="lexical", today=date(2085, 1, 1)))


@pytest.mark.parametrize(("question", "expected"), [
    ("CPI tháng 4/2081 so với kỳ gốc 2077?", "109,37%"),
    ("cpi thang 4/2081 so voi ky goc 2077 la bao nhieu", "109,37%"),
    ("Chỉ số sản xuất công nghiệp tháng 11/2083 so với năm gốc 2075?", "127,4%"),
    ("IIP tháng 11/2083 so với năm gốc 2075 bằng bao nhiêu?", "127,4%"),
    ("Giá vàng quý II/2079 so với kỳ gốc 2082?", "91,6%"),
    ("chi so gia vang thang 6/2086 so voi ky goc 2080", "148,2%"),
    ("CPI tháng 3/2087 so với năm gốc 2082?", "113,05%"),
    # near-misses: the other bases keep their changes
    ("CPI tháng 4/2081 so với tháng trước?", "0,28%"),
    ("CPI tháng 4/2081 tăng bao nhiêu so với tháng 12/2080?", "1,94%"),
])
def test_the_leading_base_years_index_answers(service: RagService, question: str,
                                              expected: str) -> None:
    r = _ask(service, question)
    assert r.found and expected in r.answer, r.answer


@pytest.mark.parametrize(("question", "not_expected"), [
    ("CPI năm 2077 là bao nhiêu?", "109,37"),
    ("Chỉ số sản xuất công nghiệp năm 2075?", "127,4"),
    ("CPI tháng 4/2081 so với kỳ gốc 2070?", "109,37"),  # another base year
    ("Chỉ số giá vàng tháng 6/2086 so với năm gốc 2074?", "148,2"),
    ("Chỉ số giá vàng năm 2080?", "148,2"),
    ("CPI tháng 3/2087 so với kỳ gốc 2079?", "113,05"),  # answered before this fix
])
def test_the_base_year_is_not_the_figures_time(service: RagService, question: str,
                                               not_expected: str) -> None:
    r = _ask(service, question)
    assert not r.found or not_expected not in r.answer, r.answer
