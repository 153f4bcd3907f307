"""A body named in the question and the total's share of plan (issue 17, bt21-b17 5, 9).

1. "số thu ngành thuế 9 tháng ... bằng bao nhiêu % dự toán năm?" of a tax department's press
   conference: the body asked ("ngành thuế", "Cục Hải quan") is the document's issuer, named
   in its title or lead only -- its words count as the figures' heading's there
   (rag.answer.places.body_of_document), not in another body's report.
2. The total's share of plan ("số thu đạt ..., bằng 76,5% dự toán năm") before a part's
   said in another sentence ("Thu tiền sử dụng đất ..., bằng 51% dự toán") or a threshold
   of items ("9/14 mặt hàng đạt trên 50% dự toán"), whose own words say what the question
   does not (rag.answer.figures.outworded with ``said``, shares of plan only); the part
   asked by its words keeps its own share."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import service_over_files

from rag.answer.places import bodies_named, body_of_document
from rag.records import AskOptions
from rag.service import RagService

CUSTOMS = ("Cục Hải quan tỉnh Hòa Minh thông tin kết quả thu ngân sách quý II/2068\n\n"
           "Hòa Minh, ngày 5/7/2068 - Chiều 4/7, Cục Hải quan tỉnh Hòa Minh tổ chức họp báo "
           "thông tin kết quả công tác quý II và 6 tháng năm 2068, nhiệm vụ trọng tâm 6 tháng "
           "cuối năm.\n\n"
           'Tại buổi họp báo, ông Nông Văn Hải, Cục trưởng Cục Hải quan tỉnh cho biết: "Quý '
           "II/2068, toàn ngành thu được 1.046,2 tỷ đồng, tăng 4,8% so với quý II năm 2067. Lũy "
           "kế 6 tháng, số thu đạt 2.104,7 tỷ đồng, bằng 58,3% dự toán năm và tăng 3,9% so với "
           'cùng kỳ." Riêng quý I, số thu đạt 1.058,5 tỷ đồng.\n\n'
           "Theo ông Hải, trong 6 tháng có 9/14 mặt hàng đạt trên 50% dự toán; thu từ hàng hóa "
           "nhập khẩu của doanh nghiệp có vốn đầu tư nước ngoài đạt 842,6 tỷ đồng, chiếm 40% "
           "tổng thu. Thu thuế bảo vệ môi trường hàng nhập khẩu chỉ đạt 96,3 tỷ đồng, bằng 38% "
           "dự toán (253 tỷ đồng), giảm 11,2% so với cùng kỳ. Tỉnh Hòa Minh xếp thứ 12/35 cục "
           "về chỉ số năng lực quản trị.\n\n"
           "Về thủ tục, đến ngày 30/6/2068 có 2.306 doanh nghiệp làm thủ tục qua hệ thống một "
           "cửa quốc gia, tăng 412 doanh nghiệp so với cuối năm 2067. Số nợ thuế đến 30/6/2068 "
           "là 58,4 tỷ đồng, giảm 6,1 tỷ đồng so với cuối năm 2067.\n\n"
           "6 tháng cuối năm 2068, Cục Hải quan phấn đấu thu khoảng 1.600 - 1.800 tỷ đồng, đưa "
           "tổng thu cả năm đạt khoảng 3.800 tỷ đồng.\n")
STATS = ("CỤC THỐNG KÊ TỈNH HÒA MINH\n\n"
         "BÁO CÁO Tình hình kinh tế - xã hội 6 tháng năm 2068\n\n"
         "Kim ngạch xuất khẩu 6 tháng năm 2068 ước đạt 812,4 triệu USD, bằng 47,1% kế hoạch "
         "năm.\n")


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over_files(tmp_path_factory.mktemp("issuing_body"), {
        "hq_6thang_2068.txt": CUSTOMS, "ktxh_6thang_2068.txt": STATS})


def _ask(service: RagService, question: str):
    return service.ask(question, AskOptions(retrieval_mode="lexical", today=date(2068, 12, 1)))


def test_bodies_named_by_their_field() -> None:
    assert {f for _, f in bodies_named("số thu ngành hải quan 6 tháng?")} == {"hai quan"}
    assert {f for _, f in bodies_named("kim ngạch của Cục Hải quan tỉnh")} == {"hai quan"}
    assert {f for _, f in bodies_named("Sở Công Thương báo cáo")} == {"cong thuong"}
    assert not bodies_named("số thu 6 tháng đạt bao nhiêu?")  # "số" is no "sở"
    assert not bodies_named("số cơ sở sản xuất")
    # the field's second syllable only when the two make a word
    assert {f for _, f in bodies_named("Cục Thuế Hòa Minh")} == {"thue"}


def test_body_of_document_is_its_issuer() -> None:
    asked = bodies_named("ngành hải quan và Cục Thống kê")
    assert body_of_document(asked, "", CUSTOMS) == "ngành hải quan"
    assert body_of_document(asked, "", STATS) == "cục thống kê"
    assert body_of_document(bodies_named("ngành thuế"), "", STATS) == ""
    # a lead naming the field's "ngành" names no agency that issued the document
    lead = "Ngành hải quan tỉnh Hòa Minh thu 2.104,7 tỷ đồng trong 6 tháng năm 2068.\n"
    assert body_of_document(bodies_named("ngành hải quan"), "", lead) == ""


@pytest.mark.parametrize("question", [
    "số thu ngành hải quan 6 tháng 2068 đạt bao nhiêu % dự toán năm?",
    "số thu của Cục Hải quan Hòa Minh 6 tháng đầu năm 2068 bằng bao nhiêu phần trăm dự toán?",
])
def test_the_totals_share_of_plan(service: RagService, question: str) -> None:
    a = _ask(service, question)
    assert a.found and a.figure is not None, a.answer
    assert a.figure.value == "58,3%", (a.figure.value, a.figure.indicator)


@pytest.mark.parametrize(("question", "value"), [
    ("thu thuế bảo vệ môi trường hàng nhập khẩu 6 tháng 2068 bằng bao nhiêu % dự toán?",
     "38%"),
    ("kim ngạch xuất khẩu 6 tháng năm 2068 đạt bao nhiêu % kế hoạch năm?", "47,1%"),
])
def test_a_part_asked_keeps_its_share(service: RagService, question: str, value: str) -> None:
    a = _ask(service, question)
    assert a.found and a.figure is not None, a.answer
    assert a.figure.value == value, (a.figure.value, a.figure.indicator)
