"""A market, partner or firm named in the question takes that entity's figure, never another
entity's (issue 17, break-test bt25-b17: "thị trường Nhật Bản 9 tháng" was answered at 0.93
by "Trung Quốc là thị trường lớn nhất với 1.389,2 triệu USD", whose clause shares the class
word "thị trường"; bt19-b17's partner list "Hàn Quốc dẫn đầu với 520 triệu USD ..., Nhật
Bản đứng thứ hai" is the same kind).  A figure whose own clause names another entity and
not the asked one is no answer (rag.answer.places.entities_fit, for the names a class word
marks: rag.answer.places.entities_marked); a market the document never writes takes no other
market's figure."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import service_over_files

from rag.answer.places import entities_marked, entities_named
from rag.records import AskOptions
from rag.service import RagService

FDI = ("THÔNG CÁO THU HÚT ĐẦU TƯ NƯỚC NGOÀI QUÝ II/2071 TỈNH VÂN KHÊ\n\n"
       "Quý II/2071, tỉnh Vân Khê thu hút 14 dự án FDI với tổng vốn đăng ký 520,7 triệu "
       "USD, tăng 18,6% so với cùng kỳ.\n"
       "Theo đối tác, Singapore là đối tác lớn nhất với 412,6 triệu USD trong 6 tháng; "
       "tiếp đến là Hàn Quốc với 275,4 triệu USD; Đài Loan đứng thứ ba với 133,9 triệu "
       "USD.\n")
TAX = ("BÁO CÁO THU NGÂN SÁCH QUÝ II NĂM 2071 CỦA CỤC THUẾ TỈNH VÂN KHÊ\n\n"
       "Quý II/2071, tổng thu ngân sách từ khu vực doanh nghiệp đạt 946,8 tỷ đồng.\n"
       "Theo doanh nghiệp, Công ty Cổ phần Thép Bình Khang là doanh nghiệp nộp lớn nhất với "
       "318,5 tỷ đồng trong 6 tháng; tiếp theo là Công ty TNHH Bia Sông Lam với 204,7 tỷ "
       "đồng; Tập đoàn Xi măng Đồng Phú đứng thứ ba với 96,3 tỷ đồng.\n")

EXPORT = ("SỞ CÔNG THƯƠNG TỈNH VÂN KHÊ: XUẤT KHẨU THÁNG 6/2071\n\n"
          "Tháng 6/2071, kim ngạch xuất khẩu của tỉnh Vân Khê đạt 298,3 triệu USD, tăng 9,2% "
          "so với tháng trước. Lũy kế 6 tháng đạt 1.652,7 triệu USD.\n"
          "Về thị trường, Hoa Kỳ là thị trường xuất khẩu lớn nhất với 611,5 triệu USD trong 6 "
          "tháng; thứ hai là Nhật Bản với 348,2 triệu USD; Thái Lan đứng thứ ba với 187,6 "
          "triệu USD. Thị trường ASEAN đạt 402,9 triệu USD, tăng 21,4%.\n")


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over_files(tmp_path_factory.mktemp("named_entity"), {
        "fdi_6t_2071.txt": FDI, "thue_q2_2071.txt": TAX,
        "xuat_khau_6_2071.txt": EXPORT})


def _ask(service: RagService, question: str):
    return service.ask(question, AskOptions(retrieval_mode="lexical", today=date(2071, 9, 1)))


def test_names_are_read_from_capitalised_runs() -> None:
    assert entities_named("thị trường Nhật Bản 9 tháng đạt bao nhiêu?") == {"nhat ban"}
    assert entities_named("Thị trường EU đạt 516,8 triệu USD") == {"eu"}
    assert entities_named("Theo thị trường, Trung Quốc là thị trường lớn nhất") == \
        {"trung quoc"}
    assert entities_named("Quý II/2071, Sở Công Thương cho biết GRDP tăng") == frozenset()
    assert entities_marked("kim ngạch với Malaysia quý II") == {"malaysia"}


@pytest.mark.parametrize(("question", "right", "wrong"), [
    ("thị trường Nhật Bản 6 tháng 2071 đạt bao nhiêu?", "348,2", ("611,5", "187,6", "402,9")),
    ("thi truong Thai Lan 6 thang nam 2071?", "187,6", ("611,5", "348,2", "402,9")),
    ("thị trường ASEAN 6 tháng 2071?", "402,9", ("611,5", "348,2", "187,6")),
    ("vốn đầu tư của đối tác Hàn Quốc 6 tháng 2071?", "275,4", ("412,6", "133,9")),
    ("Hàn Quốc có vốn đầu tư bao nhiêu trong 6 tháng năm 2071?", "275,4", ("412,6", "133,9")),
    ("vốn FDI từ Đài Loan 6 tháng đầu năm 2071 là bao nhiêu?", "133,9", ("412,6", "275,4")),
    ("von dau tu cua doi tac Dai Loan 6 thang 2071?", "133,9", ("412,6", "275,4")),
    ("doanh nghiệp Bia Sông Lam nộp ngân sách 6 tháng 2071 bao nhiêu?", "204,7",
     ("318,5", "96,3")),
    ("Tập đoàn Xi măng Đồng Phú nộp bao nhiêu 6 tháng năm 2071?", "96,3", ("318,5", "204,7")),
    ("đối tác Đài Loan 6 tháng 2071 đạt bao nhiêu?", "133,9", ("412,6", "275,4")),
])
def test_the_named_entity_takes_its_own_figure(service: RagService, question: str,
                                               right: str, wrong: tuple[str, ...]) -> None:
    answer = _ask(service, question)
    assert not any(w in answer.answer for w in wrong), (question, answer.answer)
    assert answer.found and right in answer.answer, (question, answer.answer)


@pytest.mark.parametrize("question", [
    "vốn đầu tư của đối tác Thái Lan 6 tháng 2071?",
    "vốn đầu tư với Nhật Bản 6 tháng năm 2071 đạt bao nhiêu?",
    "kim ngạch với thị trường Ấn Độ 6 tháng 2071?",
])
def test_an_entity_the_document_never_names_takes_no_figure(service: RagService,
                                                            question: str) -> None:
    answer = _ask(service, question)
    assert not answer.found or not any(
        v in answer.answer for v in ("412,6", "275,4", "133,9", "520,7", "611,5", "348,2",
                                     "187,6", "402,9", "1.652,7")), answer.answer
