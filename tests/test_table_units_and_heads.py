"""Compound units of annex tables and the head noun a question adds to a row's name (issue 17
break-test b17 N8, N9), on tables of our own: "triệu tấn.km", "nghìn HK" (hành khách),
"triệu HK.km" are kept whole; "sản lượng xi măng" is the row "Xi măng" (a quantity in tấn),
"số lượt hành khách vận chuyển" the row "Vận chuyển hành khách" (in HK) -- but a question
whose other words the row lacks gets no figure by its head noun alone ("sản lượng điện
thương phẩm" is no "5.640 ha" of forest planted)."""

from __future__ import annotations

import pytest
from conftest import service_over_files

from rag.records import AskOptions
from rag.service import RagService

CSV = (
    "Một số chỉ tiêu chủ yếu tháng 11 và 11 tháng năm 2031,,,,\n"
    "Chỉ tiêu,Đơn vị tính,Ước tính tháng 11/2031,Cộng dồn 11 tháng năm 2031,"
    "11 tháng năm 2031 so với cùng kỳ năm trước (%)\n"
    "Xi măng,nghìn tấn,\"315,2\",\"3.104,7\",\"96,1\"\n"
    "Gạch nung,triệu viên,\"45,3\",\"452,0\",\"102,2\"\n"
    "Vận chuyển hàng hóa,nghìn tấn,\"1.240,5\",\"13.260,1\",\"108,4\"\n"
    "Luân chuyển hàng hóa,triệu tấn.km,\"101,7\",\"1.087,3\",\"109,2\"\n"
    "Vận chuyển hành khách,nghìn HK,\"1.865,0\",\"19.420,6\",\"111,3\"\n"
    "Luân chuyển hành khách,triệu HK.km,\"88,4\",\"930,2\",\"110,8\"\n"
    "Diện tích trồng rừng mới,ha,\"410,0\",\"5.020,0\",\"101,6\"\n"
)
DOCS = {
    "bieu-thang11-2031.csv": CSV,
    "lam-nghiep-2031.txt": (
        "Sản xuất lâm nghiệp năm 2031\n20/12/2031\n\n"
        "Năm 2031, toàn tỉnh trồng mới 5.640 ha rừng tập trung, đạt 102,5% kế hoạch.\n"),
}


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over_files(tmp_path_factory.mktemp("tables"), DOCS)


@pytest.mark.parametrize(("question", "expected"), [
    ("luân chuyển hàng hóa tháng 11/2031", "101,7 triệu tấn.km"),
    ("luân chuyển hành khách 11 tháng năm 2031", "930,2 triệu HK.km"),
    ("vận chuyển hành khách tháng 11/2031", "1.865,0 nghìn HK"),
])
def test_a_compound_unit_is_kept_whole(service: RagService, question: str,
                                       expected: str) -> None:
    a = service.ask(question, AskOptions())
    assert a.found and a.answer.startswith(expected), a.answer


@pytest.mark.parametrize(("question", "expected"), [
    ("sản lượng xi măng tháng 11/2031", "315,2 nghìn tấn"),
    ("sản lượng xi măng 11 tháng năm 2031", "3.104,7 nghìn tấn"),
    ("số lượt hành khách vận chuyển tháng 11/2031", "1.865,0 nghìn HK"),
    ("số lượng gạch nung tháng 11/2031", "45,3 triệu viên"),
    ("sản lượng xi măng 11 tháng năm 2031 giảm bao nhiêu %", "giảm 3,9%"),
])
def test_a_head_noun_the_row_leaves_out(service: RagService, question: str,
                                        expected: str) -> None:
    a = service.ask(question, AskOptions())
    assert a.found and a.answer.startswith(expected), a.answer


@pytest.mark.parametrize("question", [
    "sản lượng điện thương phẩm năm 2031",
    "sản lượng điện thương phẩm tháng 11/2031",
])
def test_a_head_noun_alone_names_nothing(service: RagService, question: str) -> None:
    a = service.ask(question, AskOptions())
    assert not (a.found and a.confidence >= 0.5 and
                any(v in a.answer for v in ("5.640", "315,2", "1.240,5", "410,0", "5.020,0"))), \
        a.answer


def test_a_distance_unit_is_a_quantity_moved() -> None:
    """Break-test b17 F8: "khối lượng luân chuyển" asks a figure in "triệu tấn.km"."""
    from rag.answer.figures import measures_quantity
    assert measures_quantity("triệu tấn.km") and measures_quantity("nghìn HK.km")
    assert not measures_quantity("tỷ đồng")
