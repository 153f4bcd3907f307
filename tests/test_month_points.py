"""A month's end written bare ("giá phân bón cuối tháng 3/2050", "cuối tháng 7") is a
point in time a price or a stock stands at, never January to that month; a change column
beside it on "tháng trước" is that month's change; and an amount "còn hiệu lực", "từ khi
thành lập" to a day stands at that day, no part of the year's flow (issue 17, break-test
bt19-b17 failure 2: "Cuối tháng 10/2071" read "tính đến cuối tháng 10/2071" refused "giá xăng
tháng 10 giảm bao nhiêu % so với tháng trước?" at 1.0; a stock of FDI capital to 31/10 was
served as the year's registered capital)."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import service_over_files

from rag.records import AskOptions
from rag.service import RagService
from rag.vi.calendar import is_point
from rag.vi.mentions import find_mentions


@pytest.mark.parametrize(("text", "label", "day"), [
    ("Giá phân bón urê cuối tháng 3/2050 ở mức 11.200 đồng/kg", "cuối tháng 3/2050",
     date(2050, 3, 31)),
    ("Giá gas bình 12 kg cuối tháng 7 giảm 15.000 đồng", "cuối tháng 7/2050", date(2050, 7, 31)),
    ("gia ca phe nhan xo cuoi thang 2 nam 2050", "cuối tháng 2/2050", date(2050, 2, 28)),
])
def test_a_bare_month_end_or_start_is_a_point(text: str, label: str, day: date) -> None:
    found = [m.period for m in find_mentions(text, 2050) if not m.comparison]
    assert [(p.label, p.end) for p in found] == [(label, day)]
    assert is_point(found[0])


@pytest.mark.parametrize(("text", "label"), [
    ("Tính đến cuối tháng 8/2050, dư nợ đạt 31.400 tỷ đồng", "tính đến cuối tháng 8/2050"),
    ("số lần điều chỉnh giá xăng dầu tháng 4/2050", "tháng 4/2050"),  # "dầu" is no "đầu"
    ("Từ đầu tháng 5 đến nay, giá thép giảm 3 lần", "tháng 5/2050"),
    ("số xe thông quan mỗi ngày đầu tháng 12/2050", "tháng 12/2050"),  # early days, no point
])
def test_other_wordings_keep_their_reading(text: str, label: str) -> None:
    found = [m.period for m in find_mentions(text, 2050) if not m.comparison]
    assert found[0].label == label
    assert not is_point(found[0])


FILES = {
    "ban_tin_gia_t3_2050.txt":
        "SỞ CÔNG THƯƠNG TỈNH BẮC SƠN\n\nBẢN TIN GIÁ CẢ THỊ TRƯỜNG THÁNG 3 NĂM 2050\n"
        "(Phát hành ngày 04/4/2050)\n\n"
        "Bảng: Giá bán lẻ một số mặt hàng vật tư nông nghiệp\n\n"
        "| Mặt hàng | Đơn vị tính | Cuối tháng 2/2050 | Cuối tháng 3/2050 | So với tháng "
        "trước (%) |\n"
        "| Phân bón urê | đồng/kg | 11.650 | 11.200 | -3,9 |\n"
        "| Gas bình 12 kg | đồng/bình | 465.000 | 480.000 | 3,2 |\n",
    "kcn_quy1_2050.txt":
        "BAN QUẢN LÝ CÁC KHU CÔNG NGHIỆP\n\nTÌNH HÌNH CÁC KHU CÔNG NGHIỆP QUÝ I/2050\n\n"
        "Quý I/2050, các khu công nghiệp thu hút vốn đầu tư mới 2.150 tỷ đồng.\n"
        "Tính đến ngày 31/3/2050, các khu công nghiệp có 184 dự án còn hiệu lực với tổng "
        "vốn đầu tư 61.300 tỷ đồng.\n",
}


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over_files(tmp_path_factory.mktemp("month_points"), FILES)


def _ask(service: RagService, question: str):  # type: ignore[no-untyped-def]
    return service.ask(question, AskOptions(retrieval_mode="lexical", today=date(2050, 6, 1)))


@pytest.mark.parametrize(("question", "expected"), [
    ("giá phân bón urê tháng 3/2050 thay đổi bao nhiêu % so với tháng trước?", "3,9"),
    ("giá gas bình 12 kg tháng 3/2050 tăng bao nhiêu phần trăm?", "3,2"),
    ("giá phân bón urê cuối tháng 3/2050?", "11.200"),
    ("giá gas bình 12 kg cuối tháng 2/2050 là bao nhiêu?", "465.000"),
    ("giá phân bón urê tháng 3/2050 là bao nhiêu?", "11.200"),
    ("tổng vốn đầu tư các dự án còn hiệu lực trong khu công nghiệp đến 31/3/2050?", "61.300"),
])
def test_points_answer_their_month_and_day(service: RagService, question: str,
                                           expected: str) -> None:
    reply = _ask(service, question)
    assert reply.found and expected in reply.answer, reply.answer


def test_a_stock_at_a_day_is_no_flow_of_the_year(service: RagService) -> None:
    reply = _ask(service, "vốn đầu tư vào các khu công nghiệp năm 2050 là bao nhiêu?")
    assert "61.300" not in reply.answer, reply.answer
