"""A place a question names that the figure's sentence does not -- a province the place list
does not know ("của Phù Lâm", "tỉnh Phù Lâm"), a border gate, a customs office ("Chi cục Hải
quan cửa khẩu Địa Linh") -- is satisfied by the document's own place: its header ("CỤC THỐNG
KÊ TỈNH PHÙ LÂM"), title or lead.  Such questions were refused at 1.0 while the same
question without the place was answered (break-test bt12-b17 failure 1: "mục tiêu tăng
trưởng GRDP năm 2051 của Hà Vân?"; "nhập khẩu qua cửa khẩu Bản Khoang", whose "Bản" the
"địa bàn" of the figure's total took for a word of another indicator).  A place the
document does not name is still refused."""

from __future__ import annotations

import pytest
from conftest import service_over_files

from rag.answer.places import gate_terms, gates_named, units_named
from rag.records import AskOptions
from rag.service import RagService

DOCS = {
    "ctk-phu-lam-q3-2052.txt": (
        "CỤC THỐNG KÊ TỈNH PHÙ LÂM\n"
        "Báo cáo tình hình kinh tế - xã hội quý III và 9 tháng năm 2052\n"
        "Phù Lâm, ngày 28 tháng 9 năm 2052\n\n"
        "1. Giá cả\n"
        "Chỉ số giá tiêu dùng (CPI) bình quân 9 tháng năm 2052 tăng 3,41% so với cùng kỳ.\n\n"
        "2. Nông nghiệp\n"
        "Vụ mùa năm 2052 toàn tỉnh gieo cấy 31.450 ha lúa, giảm 1,2% so với vụ mùa năm trước; "
        "diện tích ngô đạt 9.870 ha; rau các loại 6.215 ha. Tổng đàn trâu ước đạt 84.300 con, "
        "đàn bò 42.150 con, đàn lợn 318.600 con, tăng 3,4%; đàn gia cầm 5,26 triệu con. "
        "Sản lượng thủy sản 9 tháng ước đạt 7.930 tấn, tăng 4,1%.\n\n"
        "3. Sản xuất công nghiệp\n"
        "Chỉ số sản xuất công nghiệp (IIP) 9 tháng năm 2052 tăng 9,3% so với cùng kỳ. Sản "
        "phẩm chủ yếu: xi măng 9 tháng đạt 1,42 triệu tấn, tăng 5,2%; điện sản xuất 2.315 "
        "triệu kWh, tăng 11,6%; gạch xây 268 triệu viên; quặng sắt 412 nghìn tấn, giảm 2,7%; "
        "ván ép 95,4 nghìn m3, tăng 8,8%.\n\n"
        "4. Thương mại, vận tải\n"
        "Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng 9 tháng đạt 41.280 tỷ đồng, "
        "tăng 9,9%. Vận chuyển hành khách 9 tháng đạt 12,7 triệu lượt khách, tăng 6,4%; vận "
        "chuyển hàng hóa 18,3 triệu tấn, tăng 7,1%.\n\n"
        "5. Doanh nghiệp, đầu tư\n"
        "Năm 2051, chỉ số PCI của tỉnh xếp thứ 41/63, giảm 2 bậc so với năm 2050. "
        "Mục tiêu năm 2052 thu ngân sách nội địa đạt 4.350 tỷ đồng.\n"),
    "hq-dia-linh-6t-2052.txt": (
        "Kim ngạch qua cửa khẩu Địa Linh 6 tháng năm 2052 đạt 1,18 tỷ USD\n"
        "Ngày 8/7/2052 - Chi cục Hải quan cửa khẩu Địa Linh (Cục Hải quan tỉnh Phù Lâm) "
        "cho biết:\n\n"
        "6 tháng năm 2052, tổng kim ngạch xuất nhập khẩu qua địa bàn đạt 1,18 tỷ USD, tăng "
        "8,2% so với cùng kỳ; trong đó xuất khẩu 705 triệu USD, nhập khẩu 475 triệu USD.\n"
        "Số thu ngân sách 6 tháng đạt 612 tỷ đồng, bằng 55,4% dự toán.\n"),
}


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over_files(tmp_path_factory.mktemp("unlisted"), DOCS)


@pytest.mark.parametrize(("question", "value"), [
    ("CPI bình quân 9 tháng 2052 của Phù Lâm tăng bao nhiêu?", "3,41"),
    ("PCI năm 2051 của tỉnh Phù Lâm xếp thứ mấy?", "41/63"),
    ("mục tiêu thu ngân sách nội địa năm 2052 của Phù Lâm?", "4.350"),
    ("nhập khẩu qua cửa khẩu Địa Linh 6 tháng năm 2052?", "475"),
    ("xuất khẩu qua cửa khẩu Địa Linh 6 tháng 2052 đạt bao nhiêu?", "705"),
    ("số thu ngân sách của Chi cục Hải quan Địa Linh 6 tháng 2052 bằng bao nhiêu % dự toán?",
     "55,4"),
])
def test_the_documents_own_place_answers_for_it(service: RagService, question: str,
                                                 value: str) -> None:
    answer = service.ask(question, AskOptions(retrieval_mode="lexical"))
    assert answer.found and value in answer.answer, answer.answer


@pytest.mark.parametrize("question", [
    "CPI bình quân 9 tháng 2052 của Sa Điền tăng bao nhiêu?",
    "PCI năm 2051 của tỉnh Cao Bằng xếp thứ mấy?",
    "nhập khẩu qua cửa khẩu Na Hình 6 tháng năm 2052?",
])
def test_a_place_the_document_does_not_name_is_refused(service: RagService,
                                                        question: str) -> None:
    answer = service.ask(question, AskOptions(retrieval_mode="lexical"))
    assert not answer.found, answer.answer


def test_unlisted_places_read_from_the_question() -> None:
    assert units_named("GRDP năm 2052 của Phù Lâm?", owner=True) == frozenset({"phu lam"})
    assert units_named("GRDP năm 2052 của tỉnh Phù Lâm?") == frozenset({"phu lam"})
    assert units_named("thu ngân sách Chi cục Hải quan cửa khẩu Địa Linh") == \
        frozenset({"dia linh"})
    # listed places, bodies and abbreviations are not unlisted places
    assert units_named("GRDP của Cao Bằng, kế hoạch của Sở Công Thương, PCI của GRDP",
                       owner=True) == frozenset()
    assert gates_named("nhập khẩu qua cửa khẩu Địa Linh tỉnh Phù Lâm") == \
        frozenset({"dia linh", "phu lam"})
    assert gates_named("doanh thu của Phù Lâm") == frozenset()  # a name, maybe no place's
    assert "dia_linh" in gate_terms(frozenset({"dia linh"}))
