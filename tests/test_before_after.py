"""A change written with both its values ("rút ngắn từ 6 - 8 giờ xuống còn 2 - 3 giờ", "giảm từ
12 ngày xuống 5 ngày", "tăng từ 40 lên 65 xe/ngày"): a question asking the earlier value
("trước đây", "trước kia", "lúc đầu", "ban đầu", "từ bao nhiêu") gets the "từ" value, any
other the later one, neither half of a range cut.  Reports written for these tests, in the
shape of issue 17's closing break-test."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import service_over

from rag.records import AskOptions
from rag.service import RagService
from rag.vi.frames.document import extract

DOCS = [
    {"id": "cai-cach", "title": "Cải cách hành chính năm 2027", "date": "2027-12-20",
     "text": "Năm 2027, thời gian giải quyết thủ tục cấp giấy chứng nhận đủ điều kiện kinh "
             "doanh xăng dầu đã giảm từ 15 ngày xuống còn 7 ngày làm việc."},
    {"id": "cua-khau-so", "title": "Cửa khẩu số năm 2027", "date": "2027-11-02",
     "text": "Nhờ nền tảng cửa khẩu số, thời gian chờ làm thủ tục xuất cảnh của lái xe tại "
             "cửa khẩu Tân Thanh rút ngắn từ 45 - 60 phút xuống 10 - 15 phút."},
    {"id": "chuyen-tau", "title": "Vận tải liên vận năm 2027", "date": "2027-10-15",
     "text": "Năm 2027, số chuyến tàu liên vận qua ga Đồng Đăng tăng từ 6 lên 10 chuyến/tuần."},
]


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over(tmp_path_factory.mktemp("before-after"), DOCS)


@pytest.mark.parametrize(("sentence", "before", "after"), [
    ("Năm 2027, thời gian thông quan rút ngắn từ 6 - 8 giờ xuống còn 2 - 3 giờ.",
     "6 - 8 giờ", "2 - 3 giờ"),
    ("Năm 2027, thời gian giải quyết hồ sơ giảm từ 12 ngày xuống 5 ngày.", "12 ngày", "5 ngày"),
    ("Năm 2027, lượng xe qua cửa khẩu Chi Ma tăng từ 40 lên 65 xe/ngày.",
     "40 xe/ngày", "65 xe/ngày"),
    ("Năm 2027, tỷ lệ hộ nghèo giảm từ 8,2% còn 6,1%.", "8,2%", "6,1%"),
])
def test_a_change_written_with_both_values_marks_them(sentence: str, before: str,
                                                      after: str) -> None:
    staged = {f.stage: f.value for f in extract(sentence, "t", "2027-12-31") if f.stage}
    assert staged == {"before": before, "after": after}


def test_a_range_from_to_is_no_change() -> None:
    frames = extract("Năm 2027, giá thuê kho từ 10 đến 12 triệu đồng/tháng.", "t", "2027-12-31")
    assert frames and not any(f.stage for f in frames)


@pytest.mark.parametrize(("question", "expected"), [
    ("thời gian giải quyết thủ tục kinh doanh xăng dầu trước đây là bao nhiêu ngày", "15 ngày"),
    ("lúc đầu thời gian giải quyết thủ tục kinh doanh xăng dầu mất mấy ngày", "15 ngày"),
    ("thời gian giải quyết thủ tục kinh doanh xăng dầu giảm từ bao nhiêu ngày", "15 ngày"),
    ("thời gian giải quyết thủ tục kinh doanh xăng dầu hiện nay còn bao nhiêu ngày", "7 ngày"),
    ("thời gian giải quyết thủ tục kinh doanh xăng dầu xuống còn bao nhiêu", "7 ngày"),
    ("thời gian chờ làm thủ tục xuất cảnh tại Tân Thanh trước kia bao nhiêu phút",
     "45 - 60 phút"),
    ("thời gian chờ làm thủ tục xuất cảnh tại Tân Thanh sau khi có cửa khẩu số",
     "10 - 15 phút"),
    ("số chuyến tàu liên vận qua ga Đồng Đăng ban đầu là bao nhiêu", "6 chuyến/tuần"),
    ("số chuyến tàu liên vận qua ga Đồng Đăng năm 2027", "10 chuyến/tuần"),
])
def test_the_earlier_or_the_later_value_as_asked(service: RagService, question: str,
                                                 expected: str) -> None:
    reply = service.ask(question, AskOptions(retrieval_mode="lexical", today=date(2028, 1, 10)))
    assert reply.found and reply.answer.startswith(expected), (reply.answer, reply.summary)
