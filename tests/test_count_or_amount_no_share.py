"""A count or an amount asked by the question's lead or end -- "Số lượng trạm 3G là bao
nhiêu?", "Trạm 3G có bao nhiêu?", "Lượng khách du lịch năm nay?" -- with no word of a share
or rate is never answered by a percentage of the thing ("vùng phủ sóng 3G đạt 92,4%", "các
khách sạn từ 3 sao trở lên đạt 82 - 85%"): a count of it, or a refusal (issue 17,
break-tests bt16c and bt17b, both given at 0.85; rag.answer.intent.no_share).  A share or
rate asked ("tỷ lệ", "%", "công suất", "chiếm") and a change in percent stay answered."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import service_over_files

from rag.records import AskOptions

DOCS = {
    "vien-thong-2086.txt": (
        "Tình hình phát triển hạ tầng viễn thông năm 2086\n10/01/2087\n\n"
        "Đến cuối năm 2086, toàn tỉnh có 1.240 trạm BTS, tăng 85 trạm so với năm trước; riêng "
        "trong năm đã phát sóng thêm 64 trạm 5G, nâng tổng số trạm 5G lên 132 trạm.\n\n"
        "Vùng phủ sóng 3G đạt 92,4% diện tích; vùng phủ sóng 4G đạt 99,1% dân số.\n"),
    "du-lich-tet-2087.txt": (
        "Du lịch dịp Tết Nguyên đán Đinh Mùi 2087\n24/01/2087\n\n"
        "Trong 7 ngày nghỉ Tết Nguyên đán Đinh Mùi (từ ngày 14/01 đến hết ngày 20/01/2087), "
        "tỉnh đón khoảng 95.300 lượt khách, tăng 8,4% so với Tết năm trước.\n\n"
        "Công suất sử dụng phòng bình quân của các cơ sở lưu trú đạt 61%, riêng các khách sạn "
        "từ 3 sao trở lên đạt 76 - 79%.\n"),
    "kinh-te-tap-the-2088.txt": (
        "Báo cáo kinh tế tập thể và thương mại năm 2088\n12/01/2089\n\n"
        "Năm 2088, tỷ lệ hợp tác xã hoạt động hiệu quả đạt 68%. Tỷ lệ cửa hàng tiện lợi áp "
        "dụng thanh toán không dùng tiền mặt đạt 81,5%. Số doanh nghiệp thành lập mới tăng "
        "12,5% so với năm trước.\n\n"
        "Toàn tỉnh có 210 cửa hàng xăng dầu, tăng 6 cửa hàng so với năm 2087.\n"),
}


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory):
    return service_over_files(tmp_path_factory.mktemp("count_or_amount_no_share"), DOCS)


@pytest.mark.parametrize(("question", "today", "share"), [
    ("Trạm 3G có bao nhiêu?", None, "92,4"),
    ("Số lượng trạm 3G là bao nhiêu?", None, "92,4"),
    ("trạm 3G năm 2086 có bao nhiêu", None, "92,4"),
    ("Hợp tác xã có bao nhiêu?", None, "68"),
    ("Số lượng cửa hàng tiện lợi năm 2088 là bao nhiêu?", None, "81,5"),
    ("Lượng khách du lịch năm nay?", date(2087, 2, 2), "76 - 79"),
    ("Lượng khách lưu trú năm 2087?", None, "61"),
])
def test_a_count_or_amount_asked_is_no_share(service, question: str, today: date | None,
                                             share: str) -> None:
    answer = service.ask(question, AskOptions(today=today))
    assert not (answer.found and share in answer.answer), (answer.answer, answer.summary)


@pytest.mark.parametrize(("question", "value"), [
    ("Tỷ lệ phủ sóng 3G bao nhiêu?", "92,4"),
    ("3G phủ sóng bao nhiêu %?", "92,4"),
    ("Công suất sử dụng phòng bình quân Tết 2087 bao nhiêu?", "61"),
    ("Số lượng trạm 5G là bao nhiêu?", "132"),
    ("Số lượng cửa hàng xăng dầu năm 2088 là bao nhiêu?", "210"),
    ("Lượng khách Tết Nguyên đán 2087?", "95.300"),
    ("Lượng khách Tết 2087 tăng bao nhiêu %?", "8,4"),
    ("Số doanh nghiệp thành lập mới năm 2088 tăng bao nhiêu %?", "12,5"),
    ("Tỷ lệ hợp tác xã hoạt động hiệu quả năm 2088?", "68"),
])
def test_near_misses_keep_their_answer(service, question: str, value: str) -> None:
    answer = service.ask(question)
    assert answer.found and value in answer.answer, (answer.answer, answer.summary)
