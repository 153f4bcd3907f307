"""A period said after a value, and a leading season over a verbless list (issue 17
break-test bt17-b17 failures 2 and 6).

"N tấn trong 10 tháng, trong đó A n tấn, B m tấn": the period phrase after the value is the
figure's period -- no words of what it counts (no unit "tấn 10") -- and the "trong đó" parts,
each named by its own noun, are of that period.  "Vụ Xuân 2061, năng suất lúa đạt ..., sản
lượng ...": the season dates every figure of the list, and the verbless item after the
first takes its subject."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import service_over_files

from rag.records import AskOptions
from rag.service import RagService
from rag.vi.frames import Frame, extract

EXPORTS = ("Nông sản xuất khẩu qua cửa khẩu đạt 96.500 tấn trong 8 tháng, trong đó sầu riêng "
           "41.200 tấn, vải thiều 18.300 tấn.")
VISITORS = ("Khu du lịch đón 57.400 lượt khách trong quý II, trong đó khách quốc tế 9.800 "
            "lượt khách, khách nội địa 47.600 lượt khách.")
RICE = ("Vụ Mùa năm 2060, toàn tỉnh gieo cấy 38.000 ha lúa, năng suất 52,1 tạ/ha. "
        "Vụ Xuân 2061 trước đó, năng suất lúa đạt 63,2 tạ/ha, sản lượng 231.400 tấn.")
DOCS = {"xnk-thang-9-2061.txt": "Tin xuất nhập khẩu tháng 9/2061\n05/10/2061\n\n"
                                "Tháng 9/2061, kim ngạch đạt 312 triệu USD.\n" + EXPORTS + "\n",
        "nong-nghiep-2061.txt": "Sơ kết sản xuất nông nghiệp năm 2061\n20/11/2061\n\n"
                                + RICE + "\n"}


def frames_of(text: str, doc_date: str = "2061-10-05") -> dict[str, Frame]:
    return {f.value: f for f in extract(text, "t", doc_date)}


@pytest.mark.parametrize(("text", "total", "label"), [
    (EXPORTS, "96.500 tấn", "8 tháng năm 2061"),
    (VISITORS, "57.400 lượt khách", "quý II/2061"),
    ("Doanh thu đạt 2.150 tỷ đồng trong tháng 7, trong đó doanh thu bán lẻ 1.640 tỷ đồng.",
     "2.150 tỷ đồng", "tháng 7/2061"),
])
def test_a_period_after_the_value_is_no_word_of_it(text: str, total: str, label: str) -> None:
    frames = frames_of(text)
    whole = frames[total]
    assert whole.period is not None and whole.period.label == label
    assert not any(ch.isdigit() for ch in whole.detail)
    for f in frames.values():
        if f is whole:
            continue
        assert f.part and f.period is not None and f.period.label == label
        assert f.indicator and not any(ch.isdigit() for ch in f.parent)


def test_the_parts_keep_their_own_nouns() -> None:
    frames = frames_of(EXPORTS)
    assert frames["41.200 tấn"].indicator == "sầu riêng"
    assert frames["18.300 tấn"].indicator == "vải thiều"
    plain = frames_of("Thang 9, xuat khau sau rieng dat 2.100 tan.")
    assert plain["2.100 tan"].indicator == "xuat khau sau rieng"


@pytest.mark.parametrize(("season", "label"), [
    ("Vụ Xuân 2061 trước đó", "vụ Xuân 2061"),
    ("Vụ đông 2060 - 2061", "vụ Đông 2060–2061"),
    ("Vụ Hè Thu 2061", "vụ Hè Thu 2061"),
])
def test_a_leading_season_dates_the_whole_list(season: str, label: str) -> None:
    frames = frames_of(f"{season}, năng suất ngô đạt 45,7 tạ/ha, sản lượng 38.900 tấn.")
    for value, head in (("45,7 tạ/ha", "năng suất ngô"), ("38.900 tấn", "sản lượng ngô")):
        f = frames[value]
        assert f.period is not None and f.period.label == label
        assert f.indicator == head


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over_files(tmp_path_factory.mktemp("after"), DOCS)


@pytest.mark.parametrize(("question", "value", "wrong"), [
    ("sầu riêng xuất khẩu 8 tháng 2061 bao nhiêu tấn?", "41.200", "96.500"),
    ("vải thiều xuất khẩu 8 tháng năm 2061?", "18.300", "96.500"),
    ("sản lượng lúa vụ xuân 2061?", "231.400", "63,2"),
    ("năng suất lúa vụ Xuân 2061?", "63,2", "231.400"),
])
def test_asked(service: RagService, question: str, value: str, wrong: str) -> None:
    a = service.ask(question, AskOptions(today=date(2061, 12, 1)))
    assert a.found and value in a.answer and wrong not in a.answer, a.answer
