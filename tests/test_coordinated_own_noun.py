"""A figure's own noun names its indicator in coordinated and appended clauses (issue 17,
break-test bt16-b17 "right value, wrong label").

"xếp thứ 9/63 tỉnh, thành phố về tổng lượt khách và thứ 14/63 về tổng thu" labelled the 14/63
with the first rank's words; "1.086 cơ sở lưu trú với 18.420 buồng; so với 31/12/2070 tăng 74
cơ sở" labelled the +74 "buồng", and "Trong đó có 43 khách sạn" was filed under "buồng". The
"về ..." after a rank names what it is a rank of (its set, "tỉnh, thành phố ...", is no
indicator of the rank coordinated after it: dev report dv32 "xếp thứ 4/14 tỉnh vùng ... và thứ
29/63 tỉnh, thành phố trong cả nước"); a count whose unit is another than the figure before's
is of the sentence's figure in its unit. Reports of our own: other nouns, counts, periods."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import service_over_files

from rag.records import AskOptions
from rag.service import RagService
from rag.vi.frames import extract

TODAY = date(2058, 10, 25)
DOCS = {
    "thuong-mai-9thang-2058.txt": (
        "Báo cáo tình hình thương mại 9 tháng năm 2058\n10/10/2058\n\n"
        "Năm 2057, Đông Lĩnh xếp thứ 21/63 tỉnh, thành phố về chỉ số năng lực logistics và "
        "thứ 8/63 về tổng mức bán lẻ hàng hóa.\n\n"
        "Đến hết tháng 9/2058, toàn tỉnh có 236 cơ sở bán lẻ với 14.870 lao động; so với "
        "cuối năm 2057 tăng 19 cơ sở. Trong đó có 31 siêu thị.\n"),
}


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over_files(tmp_path_factory.mktemp("coordinated-own-noun"), DOCS)


def _frames(sentence: str) -> dict[str, tuple[str, str, str]]:
    """value -> (measure, indicator, parent); a rank also under its number alone ("4/12" of
    "4/12 huyện", the set read as its unit)."""
    got: dict[str, tuple[str, str, str]] = {}
    for f in extract(sentence, "t", "2058-10-10"):
        got[f.value] = (f.measure, f.indicator, f.parent)
        if f.measure == "rank":
            got.setdefault(f.value.split()[0], (f.measure, f.indicator, f.parent))
    return got


def test_each_rank_takes_its_own_ve_phrase() -> None:
    got = _frames("Năm 2056, huyện xếp thứ 4/12 huyện, thị xã về thu ngân sách và thứ 2/12 "
                  "về số doanh nghiệp thành lập mới.")
    assert got["4/12"][:2] == ("rank", "thu ngân sách")
    assert got["2/12"][0] == "rank" and got["2/12"][1].startswith("số doanh nghiệp")


def test_three_ranks_with_a_set_and_commas() -> None:
    got = _frames("Năm 2059, Công ty xếp thứ 3/27 đơn vị trực thuộc về chỉ số hài lòng, "
                  "thứ 5/27 về độ tin cậy cung cấp điện; doanh thu đạt 410 tỷ đồng.")
    assert got["5/27"][1] == "độ tin cậy cung cấp điện"
    assert got["410 tỷ đồng"][1] == "doanh thu"


def test_coordinated_rank_without_ve_keeps_the_first_ranks_indicator() -> None:
    got = _frames("Chỉ số cải cách hành chính năm 2057 của tỉnh đạt 86,2 điểm, xếp thứ 3/14 "
                  "tỉnh vùng Đồng bằng và ven biển và thứ 35/63 tỉnh, thành phố cả nước.")
    first = got["3/14"][1]
    assert "cải cách hành chính" in first
    assert got["35/63"][1] == first


def test_rank_then_change_in_places_unchanged() -> None:
    got = _frames("Chỉ số PCI năm 2057 của tỉnh xếp thứ 40/63, tăng 6 bậc so với năm trước.")
    assert got["40/63"][1] == got["6 bậc"][1] and "PCI" in got["6 bậc"][1]


@pytest.mark.parametrize(("sentence", "value", "indicator"), [
    ("Đến hết tháng 6/2055, toàn huyện có 412 hợp tác xã với 9.860 thành viên; so với cuối "
     "năm 2054 tăng 37 hợp tác xã.", "37 hợp tác xã", "hợp tác xã"),
    ("Hết năm 2040 có 58 chợ và 3.200 hộ kinh doanh; giảm 4 chợ so với năm trước.",
     "giảm 4 chợ", "chợ"),
    ("Đến cuối quý II/2061, tỉnh có 95 trạm sạc với 640 cổng sạc, so với đầu năm tăng 12 "
     "trạm.", "12 trạm", "trạm sạc"),
])
def test_change_in_another_unit_takes_its_own_nouns_figure(sentence: str, value: str,
                                                           indicator: str) -> None:
    measure, got, _ = _frames(sentence)[value]
    assert (measure, got) == ("change", indicator)


def test_count_joined_to_a_change_by_va_is_a_change_of_its_noun() -> None:
    got = _frames("Đến hết tháng 6/2055, toàn huyện có 412 hợp tác xã với 9.860 thành viên, "
                  "so với cuối năm 2054 tăng 37 hợp tác xã và 1.215 thành viên.")
    assert got["37 hợp tác xã"][:2] == ("change", "hợp tác xã")
    assert got["1.215 thành viên"][:2] == ("change", "thành viên")


def test_parts_after_a_change_are_of_the_changed_level() -> None:
    got = _frames("Đến cuối quý II/2061, tỉnh có 95 trạm sạc với 640 cổng sạc; so với đầu năm "
                  "tăng 12 trạm. Trong đó có 20 trạm sạc nhanh.")
    assert got["20 trạm"][2] == "trạm sạc"
    got = _frames("Đến hết tháng 9/2058, toàn tỉnh có 236 cơ sở bán lẻ với 14.870 lao động, "
                  "tăng 19 cơ sở so với cuối năm 2057, trong đó 31 siêu thị.")
    assert got["31 siêu thị"][2] == "cơ sở bán lẻ"


@pytest.mark.parametrize(("question", "value", "label"), [
    ("Đông Lĩnh xếp thứ mấy về tổng mức bán lẻ hàng hóa năm 2057?", "8/63", "bán lẻ"),
    ("Đông Lĩnh xếp thứ mấy về chỉ số năng lực logistics năm 2057?", "21/63", "logistics"),
    ("số cơ sở bán lẻ tăng bao nhiêu so với cuối năm 2057?", "19", "cơ sở bán lẻ"),
])
def test_answer_says_the_right_indicator(service: RagService, question: str, value: str,
                                         label: str) -> None:
    a = service.ask(question, AskOptions(today=TODAY))
    assert a.found and value in a.answer, a.answer
    assert a.summary is not None and label in a.summary, a.summary
    assert "lao động" not in a.summary and "thành phố về" not in a.summary
