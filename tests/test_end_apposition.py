"""Which X has least / most, when the report ranks an item in passing after a comma (issue 17).

Break-test bt17b: "Huyện nào có ít sản phẩm OCOP nhất?" over "...; huyện Văn Lãng có 12 sản
phẩm, ít nhất toàn tỉnh" was refused at 1.0 -- the comma cut "ít nhất toàn tỉnh" off the
clause of its figure (rag.answer.prose_extremes.clause_around).  Other kinds of item, other
ends ("thấp nhất trong 11 huyện", "kém nhất", "là ... nhiều nhất"), other numbers; near-misses:
the other end of the same sentence, and "ít nhất 15 sản phẩm" (at least: a bound, no end)."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import service_over_files

from rag.answer.extremes import FEWEST, asked_extreme
from rag.records import AskOptions
from rag.service import RagService
from rag.vi.text import fold

OCOP = ("BÁO CÁO KẾT QUẢ CHƯƠNG TRÌNH OCOP TỈNH BẮC VÂN NĂM 2080\n\n"
        "Năm 2080, toàn tỉnh có 187 sản phẩm OCOP. Huyện Khau Vai có 31 sản phẩm, nhiều nhất "
        "toàn tỉnh; thành phố Bắc Vân có 24 sản phẩm; huyện Nà Sầm có 12 sản phẩm, ít nhất "
        "toàn tỉnh. Mục tiêu năm 2081, mỗi huyện có ít nhất 15 sản phẩm OCOP.\n")
COOPS = ("BÁO CÁO KINH TẾ TẬP THỂ TỈNH BẮC VÂN NĂM 2080\n\n"
         "Đến cuối năm 2080, toàn tỉnh có 412 hợp tác xã đang hoạt động, doanh thu bình quân "
         "1,2 tỷ đồng. Về doanh thu, huyện Tràng Lạc đạt 96 tỷ đồng, cao nhất trong 11 huyện; "
         "huyện Đình Sơn đạt 7,5 tỷ đồng, thấp nhất trong 11 huyện.\n")
GATES = ("TIN HẢI QUAN TỈNH BẮC VÂN NĂM 2080\n\n"
         "Năm 2080, kim ngạch xuất nhập khẩu qua cửa khẩu Tân Lạc đạt 1.250 triệu USD, là cửa "
         "khẩu có kim ngạch lớn nhất; cửa khẩu Bình Nghi đạt 84 triệu USD, kém nhất trong các "
         "cửa khẩu của tỉnh; cửa khẩu Pò Lư đạt 316 triệu USD.\n")


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over_files(tmp_path_factory.mktemp("end_apposition"), {
        "ocop_2080.txt": OCOP, "htx_2080.txt": COOPS, "hai_quan_2080.txt": GATES})


def _ask(service: RagService, question: str):  # type: ignore[no-untyped-def]
    return service.ask(question, AskOptions(retrieval_mode="lexical", today=date(2081, 3, 1)))


def test_worst_is_the_fewest_end() -> None:
    assert asked_extreme(fold("cửa khẩu nào có kim ngạch kém nhất?").lower()) == FEWEST


@pytest.mark.parametrize("question, name, figure, others", [
    # the end stated after a comma: ", ít nhất toàn tỉnh"
    ("Huyện nào có ít sản phẩm OCOP nhất năm 2080?", "Nà Sầm", "12", ("Khau Vai", "15")),
    # the other end of the same sentence, stated the same way
    ("Huyện nào có nhiều sản phẩm OCOP nhất năm 2080?", "Khau Vai", "31", ("Nà Sầm",)),
    # ", thấp nhất trong 11 huyện, thành phố": the scope's number is no figure
    ("Huyện nào có doanh thu hợp tác xã thấp nhất năm 2080?", "Đình Sơn", "7,5",
     ("Tràng Lạc",)),
    ("Huyện nào có doanh thu hợp tác xã cao nhất năm 2080?", "Tràng Lạc", "96", ("Đình Sơn",)),
    # ", kém nhất trong các cửa khẩu của tỉnh"
    ("Cửa khẩu nào có kim ngạch kém nhất năm 2080?", "Bình Nghi", "84", ("Tân Lạc", "Pò Lư")),
    # ", là cửa khẩu có kim ngạch lớn nhất"
    ("Cửa khẩu nào có kim ngạch lớn nhất năm 2080?", "Tân Lạc", "1.250", ("Bình Nghi",)),
])
def test_the_end_stated_after_a_comma(service: RagService, question: str, name: str,
                                      figure: str, others: tuple[str, ...]) -> None:
    a = _ask(service, question)
    assert a.found, a.answer
    assert name in a.answer and figure in a.answer, a.answer
    assert not any(o in a.answer for o in others), a.answer


def test_at_least_is_no_end(service: RagService) -> None:
    # "ít nhất 15 sản phẩm" is a bound: never the district with the fewest
    a = _ask(service, "Mục tiêu năm 2081 mỗi huyện có ít nhất bao nhiêu sản phẩm OCOP?")
    assert "Nà Sầm" not in a.answer, a.answer
