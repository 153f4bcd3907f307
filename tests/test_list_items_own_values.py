"""A list sentence of products, each with its own figure -- "X đạt A tấn, Y đạt B tấn", "X A
tấn, Y B tấn", "...: X A tấn; Y B tấn", "X đạt A, tăng p%; Y đạt B, giảm q%" -- where an item
is named by one syllable (a crop, a product, a kind of livestock): the item answers for itself,
never with the figure of the item before (issue 17, helper vd: "hoa hồi đạt 2.480 tấn, quế đạt
5.160 tấn" stored quế's 5.160 tấn as a second hoa hồi figure, and "sản lượng quế" got 2.480).
Other products, units, numbers and years than the example."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import service_over_files

from rag.records import AskOptions
from rag.service import RagService
from rag.vi.frames import extract


def _frames(sentence: str) -> dict[str, tuple[str, str]]:
    text = f"Báo cáo năm 2068\n\n{sentence}\n"
    return {f.value: (f.indicator, f.measure) for f in extract(text, "Báo cáo năm 2068")}


def test_items_with_dat_each_their_own() -> None:
    got = _frames("Năm 2068, nông sản xuất khẩu qua cửa khẩu Bảo Lâm: hạt mắc ca đạt 640 tấn, "
                  "nghệ đạt 2.915 tấn, chè đạt 1.107 tấn.")
    assert got["640 tấn"][0] == "hạt mắc ca"
    assert got["2.915 tấn"][0] == "nghệ"
    assert got["1.107 tấn"][0] == "chè"


def test_bare_items_after_a_lead_in() -> None:
    got = _frames("Sản lượng một số cây trồng chính năm 2068: sắn 184.300 tấn, mía 52.760 tấn, "
                  "lạc 3.415 tấn.")
    assert got["184.300 tấn"][0] == "sắn"
    assert got["52.760 tấn"][0] == "mía"
    assert got["3.415 tấn"][0] == "lạc"


def test_items_after_semicolons_other_unit() -> None:
    got = _frames("Hàng nhập khẩu qua cửa khẩu Hữu Nghị năm 2068 gồm: than 71.250 tấn; "
                  "điện 312 triệu kWh; muối 8.460 tấn.")
    assert got["71.250 tấn"][0] == "than"
    assert "muoi" in _fold(got["8.460 tấn"][0])
    assert "than" not in _fold(got["8.460 tấn"][0])


def test_items_with_changes_keep_their_own() -> None:
    got = _frames("Năm 2068, đàn vật nuôi chính: lợn đạt 231.400 con, tăng 2,7%; gà đạt 4,1 "
                  "triệu con, giảm 1,9%; dê đạt 18.250 con, tăng 6,3%.")
    assert got["231.400 con"][0] == "lợn"
    assert got["4,1 triệu con"][0] == "gà"
    assert got["giảm 1,9%"] == ("gà", "change")
    assert got["18.250 con"][0] == "dê"
    assert got["6,3%"] == ("dê", "change")


def test_adverbs_and_places_are_no_items() -> None:
    got = _frames("Năm 2068, doanh thu bán lẻ đạt 9.140 tỷ đồng, riêng 1.320 tỷ đồng; "
                  "tỉnh 7.820 tỷ đồng.")
    assert got["7.820 tỷ đồng"][0] != "tỉnh"
    assert got["1.320 tỷ đồng"][0] != "riêng"


def _fold(text: str) -> str:
    from rag.vi.text import fold
    return fold(text).lower()


DOCS = {
    "xuatkhau_2069.txt": (
        "BÁO CÁO TÌNH HÌNH XUẤT KHẨU NÔNG SẢN QUÝ III NĂM 2069\n\n"
        "Quý III/2069, hàng nông sản xuất khẩu qua cửa khẩu Cốc Nam: hạt dẻ đạt 1.845 tấn, "
        "gừng đạt 6.372 tấn, ớt đạt 927 tấn.\n"),
    "trongtrot_2069.txt": (
        "BÁO CÁO SẢN XUẤT NÔNG NGHIỆP NĂM 2069\n\n"
        "Sản lượng một số cây trồng chính năm 2069: lúa 287.600 tấn, ngô 104.350 tấn, "
        "khoai tây 3.980 tấn.\n"
        "Đàn gia súc năm 2069: trâu đạt 96.700 con, tăng 1,4%; bò đạt 41.250 con, giảm 3,2%.\n"),
}


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over_files(tmp_path_factory.mktemp("list_items"), DOCS)


@pytest.mark.parametrize(("question", "expected", "others"), [
    ("xuất khẩu gừng qua cửa khẩu Cốc Nam quý III/2069", "6.372", ("1.845", "927")),
    ("xuất khẩu ớt quý III/2069", "927", ("6.372", "1.845")),
    ("sản lượng ngô năm 2069", "104.350", ("287.600", "3.980")),
    ("sản lượng lúa năm 2069", "287.600", ("104.350",)),
    ("đàn bò năm 2069", "41.250", ("96.700",)),
    ("đàn bò năm 2069 tăng hay giảm bao nhiêu phần trăm", "3,2", ("1,4",)),
])
def test_each_item_answers_its_own_question(service: RagService, question: str, expected: str,
                                            others: tuple[str, ...]) -> None:
    a = service.ask(question, AskOptions(today=date(2070, 3, 1)))
    assert a.found and expected in a.answer, a.answer
    assert not any(o in a.answer for o in others), a.answer
