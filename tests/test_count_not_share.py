"""A question asking how many of a thing -- its noun before "bao nhiêu" ("Trạm 3G có bao
nhiêu?", "Hợp tác xã có bao nhiêu?"), after "số lượng" ("Số lượng trạm 3G là bao nhiêu?") or
after it ("Có bao nhiêu trạm cáp quang?") -- is answered by a count of that thing only: never
by a share or rate the report gives of it ("vùng phủ sóng 3G đạt 92,4%", "tỷ lệ hợp tác xã
hoạt động hiệu quả đạt 68%"), nor by a count of another kind ("1.240 trạm BTS" for "trạm cáp
quang").  Brief s39 D3: the first two were answered 92,4% at 0.85, the third 1.240 at 0.8."""

from __future__ import annotations

import pytest
from conftest import service_over


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory):
    root = tmp_path_factory.mktemp("count_not_share")
    return service_over(root, [
        {"id": "vt-2086", "title": "Tình hình phát triển hạ tầng viễn thông năm 2086",
         "date": "2087-01-10",
         "text": "Đến cuối năm 2086, toàn tỉnh có 1.240 trạm BTS, tăng 85 trạm so với năm "
                 "trước; riêng trong năm đã phát sóng thêm 64 trạm 5G, nâng tổng số trạm 5G "
                 "lên 132 trạm.\n\nVùng phủ sóng 3G đạt 92,4% diện tích; vùng phủ sóng 4G đạt "
                 "99,1% dân số. Mạng cáp quang đã được kéo đến 100% số xã."},
        {"id": "htx-2088", "title": "Báo cáo kinh tế tập thể năm 2088", "date": "2089-01-12",
         "text": "Năm 2088, tỷ lệ hợp tác xã hoạt động hiệu quả đạt 68%. Số doanh nghiệp "
                 "thành lập mới tăng 12,5% so với năm trước. Toàn tỉnh có 210 cửa hàng xăng "
                 "dầu, trong đó tỷ lệ cửa hàng đạt chuẩn văn minh thương mại là 35%."},
        {"id": "ct-2093", "title": "Báo cáo ngành công thương năm 2093", "date": "2094-01-08",
         "text": "Năm 2093, toàn tỉnh có 96 chợ; tỷ lệ chợ nông thôn được cải tạo đạt 55%. "
                 "Số siêu thị là 12 siêu thị. Tỷ lệ cửa hàng tiện lợi áp dụng thanh toán không "
                 "dùng tiền mặt đạt 81,5%."},
    ])


@pytest.mark.parametrize(("question", "share"), [
    ("Trạm 3G có bao nhiêu?", "92,4"),
    ("Số lượng trạm 3G là bao nhiêu?", "92,4"),
    ("trạm 3G năm 2086 có bao nhiêu", "92,4"),
    ("Hợp tác xã có bao nhiêu?", "68"),
    ("Số lượng hợp tác xã là bao nhiêu?", "68"),
    ("Cửa hàng tiện lợi có bao nhiêu?", "81,5"),
    ("Số lượng cửa hàng tiện lợi năm 2093 là bao nhiêu?", "81,5"),
])
def test_a_count_asked_is_no_share_of_the_thing(reports, question: str, share: str) -> None:
    answer = reports.ask(question)
    assert not (answer.found and share in answer.answer), (answer.answer, answer.summary)


@pytest.mark.parametrize(("question", "other"), [
    ("Có bao nhiêu trạm cáp quang?", "1.240"),
    ("Số trạm cáp quang năm 2086?", "1.240"),
    ("Có bao nhiêu trạm 3G?", "1.240"),
    ("Số chợ nông thôn năm 2093 là bao nhiêu?", "96"),
    ("Số cửa hàng đạt chuẩn văn minh thương mại năm 2088 là bao nhiêu?", "210"),
])
def test_a_count_of_another_kind_is_no_answer(reports, question: str, other: str) -> None:
    answer = reports.ask(question)
    assert not (answer.found and other in answer.answer), (answer.answer, answer.summary)


@pytest.mark.parametrize(("question", "value"), [
    ("Tỷ lệ phủ sóng 3G bao nhiêu?", "92,4"),
    ("3G phủ sóng bao nhiêu %?", "92,4"),
    ("Có bao nhiêu trạm 5G?", "132"),
    ("Số lượng trạm BTS là bao nhiêu?", "1.240"),
    ("Số doanh nghiệp tăng bao nhiêu %?", "12,5"),
    ("Tỷ lệ chợ nông thôn được cải tạo bao nhiêu?", "55"),
    ("Siêu thị có bao nhiêu?", "12"),
    ("Có bao nhiêu chợ năm 2093?", "96"),
    ("Có bao nhiêu cửa hàng xăng dầu?", "210"),
])
def test_near_misses_keep_their_answer(reports, question: str, value: str) -> None:
    answer = reports.ask(question)
    assert answer.found and value in answer.answer, (answer.answer, answer.summary)


@pytest.fixture(scope="module")
def counts(tmp_path_factory: pytest.TempPathFactory):
    root = tmp_path_factory.mktemp("count_before_how_many")
    return service_over(root, [
        {"id": "ktt-2091", "title": "Báo cáo tình hình kinh tế tập thể năm 2091",
         "date": "2092-01-08",
         "text": "Đến hết năm 2091, toàn tỉnh có 312 hợp tác xã, tăng 27 hợp tác xã so với năm "
                 "2090; trong đó 45 hợp tác xã nông nghiệp mới thành lập.\n\nTrên địa bàn có 64 "
                 "chợ nông thôn và 3 trung tâm thương mại. Tỷ lệ chợ đạt chuẩn đạt 40%."},
    ])


@pytest.mark.parametrize(("question", "value"), [
    ("Hợp tác xã có bao nhiêu?", "312"),
    ("Số lượng hợp tác xã năm 2091 là bao nhiêu?", "312"),
    ("Chợ nông thôn có bao nhiêu?", "64"),
    ("Có bao nhiêu chợ nông thôn năm 2091?", "64"),
    ("Có bao nhiêu trung tâm thương mại?", "3"),
])
def test_a_count_named_before_how_many_is_answered_by_its_count(counts, question: str,
                                                                value: str) -> None:
    answer = counts.ask(question)
    assert answer.found and value in answer.answer, (answer.answer, answer.summary)
