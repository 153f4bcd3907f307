"""A ranked list whose first item states the period ("Trung Quốc là thị trường lớn nhất với
1.389,2 triệu USD trong 9 tháng; tiếp đến là Hàn Quốc với 1.106,4 triệu USD; Nhật Bản đứng
thứ ba với 802,5 triệu USD"): the later items, stating none, are of that period, not of the
passage's (rag.vi.frames.rankings.listed_period), and their names hold no rank words.

Issue 17 break-test bt25-b17 failure 4 (bt23-b17 failure 5 recurring); the documents here are
other lists, other periods, other rank wordings than the break-test's.
"""

from __future__ import annotations

from datetime import date

import pytest
from conftest import service_over_files

from rag.records import AskOptions
from rag.service import RagService
from rag.vi.frames.document import extract

PARTNERS = ("KIM NGẠCH XUẤT NHẬP KHẨU QUÝ II/2072 TỈNH TÂY NGUYÊN\n"
            "(Ngày 06/7/2072)\n\n"
            "Quý II/2072, kim ngạch xuất nhập khẩu hàng hóa của tỉnh đạt 612,4 triệu USD, tăng "
            "7,2% so với cùng kỳ.\n\n"
            "Về đối tác, Singapore dẫn đầu với 410,5 triệu USD trong 6 tháng đầu năm; theo sau "
            "là Thái Lan với 287,6 triệu USD; Malaysia xếp thứ ba với 153,9 triệu USD.\n")
FIRMS = ("TÌNH HÌNH PHÁT TRIỂN DOANH NGHIỆP QUÝ IV/2069\n"
         "(Ngày 05/01/2070)\n\n"
         "Quý IV/2069, toàn tỉnh có 231 doanh nghiệp thành lập mới.\n\n"
         "Theo địa bàn, thành phố An Hòa nhiều nhất với 512 doanh nghiệp thành lập mới trong "
         "năm 2069; tiếp theo là huyện Đông Khê với 198 doanh nghiệp; huyện Vạn Ninh đứng "
         "thứ ba với 87 doanh nghiệp.\n")
OWN = ("SẢN LƯỢNG ĐIỆN THÁNG 8/2073\n"
       "(Ngày 04/9/2073)\n\n"
       "Tháng 8/2073, sản lượng điện thương phẩm đạt 410 triệu kWh.\n\n"
       "Theo thành phần, công nghiệp dẫn đầu với 1.950 triệu kWh trong 8 tháng; tiếp đến là "
       "quản lý và tiêu dùng dân cư với 240 triệu kWh trong tháng 8; thương mại dịch vụ "
       "đứng thứ ba với 61 triệu kWh.\n")


def _item(text: str, day: str, value: str):  # type: ignore[no-untyped-def]
    return next(f for f in extract(text, "", day) if f.value.startswith(value))


@pytest.mark.parametrize("text, day, value, name, period", [
    (PARTNERS, "2072-07-06", "287,6", "Thái Lan", "6 tháng"),
    (PARTNERS, "2072-07-06", "153,9", "Malaysia", "6 tháng"),
    (FIRMS, "2070-01-05", "198", "huyện Đông Khê", "năm 2069"),
    (FIRMS, "2070-01-05", "87", "huyện Vạn Ninh", "năm 2069"),
])
def test_later_items_take_the_period_the_first_stated(text: str, day: str, value: str,
                                                      name: str, period: str) -> None:
    f = _item(text, day, value)
    assert f.indicator.startswith(name), f.indicator
    assert not any(w in f.indicator for w in ("theo sau", "tiếp theo", "thứ ba", "xếp")), \
        f.indicator
    assert f.period is not None and f.period.label.startswith(period), f.period


def test_an_item_stating_its_own_period_keeps_it_and_passes_it_on() -> None:
    # the second item says "trong tháng 8": its own, and the third's (the nearest stated)
    assert _item(OWN, "2073-09-04", "240").period.label.startswith("tháng 8")
    assert _item(OWN, "2073-09-04", "61").period.label.startswith("tháng 8")
    assert _item(OWN, "2073-09-04", "1.950").period.label.startswith("8 tháng")


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over_files(tmp_path_factory.mktemp("ranked_period"), {
        "xnk_q2_2072.txt": PARTNERS, "doanh_nghiep_q4_2069.txt": FIRMS})


@pytest.mark.parametrize("question, today, value, wrong", [
    ("kim ngạch với Thái Lan 6 tháng đầu năm 2072?", date(2072, 7, 20), "287,6", "410,5"),
    ("kim ngạch với Malaysia trong 6 tháng năm 2072 là bao nhiêu?", date(2072, 7, 20),
     "153,9", "410,5"),
    ("huyện Vạn Ninh có bao nhiêu doanh nghiệp thành lập mới năm 2069?", date(2070, 1, 20),
     "87", "512"),
])
def test_a_later_item_asked_with_the_lists_period(service: RagService, question: str,
                                                  today: date, value: str, wrong: str) -> None:
    answer = service.ask(question, AskOptions(retrieval_mode="lexical", today=today))
    assert answer.found and value in answer.answer and wrong not in answer.answer, \
        answer.answer
