"""Parts listed after "Trong đó:" keep their own words, and a period said in brackets dates
every value of them (issue 17, break-test bt19-b17 failures 4 and 7).

"Trong đó: cấp mới 34 dự án với tổng vốn đăng ký 615 triệu USD; 21 lượt dự án điều chỉnh
tăng vốn với 446 triệu USD; góp vốn, mua cổ phần 223 triệu USD" labelled the 446 "tổng vốn
đăng ký" (the sentence's last figure in its unit) and read no 223 at all ("phần 223" taken
for a numbered part); "(đến cuối năm 2070 là 578 dự án, 13,07 tỷ USD)" dated the 578 only.
Written here with other parts, deeds, units, places and periods."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import service_over

from rag.records import AskOptions
from rag.service import RagService
from rag.vi.frames.document import extract
from rag.vi.numbers import find_values


def frames_of(sentence: str, title: str = "Báo cáo 6 tháng đầu năm 2064") -> dict[
        str, tuple[str, str]]:
    """value -> (indicator, period label) of the frames of ``sentence`` in a short report."""
    return {f.value: (f.indicator, f.period.label if f.period else "")
            for f in extract(f"{title}\n\n{sentence}\n", title, "2064-07-08")}


@pytest.mark.parametrize(("text", "value"), [
    ("chuyển nhượng cổ phần 57 tỷ đồng", "57 tỷ đồng"),
    ("góp vốn, mua cổ phần 1.180 tỷ đồng.", "1.180 tỷ đồng"),
    ("nhóm thành phần 12 nghìn tấn", "12 nghìn tấn"),
])
def test_a_scaled_amount_after_a_part_word_is_a_value(text: str, value: str) -> None:
    assert [v.text for v in find_values(text)] == [value]


@pytest.mark.parametrize("text", [
    "xem phần 3 của báo cáo", "Tháng 3 tỷ lệ hộ nghèo giảm", "theo mục 2 tỷ trọng công nghiệp"])
def test_a_numbered_part_or_a_ratio_word_stays_no_value(text: str) -> None:
    assert find_values(text) == []


def test_an_amount_joined_to_a_described_count_takes_the_deed() -> None:
    got = frames_of("Quý II/2064, tổng thu ngân sách đạt 910 tỷ đồng, trong đó: thu nội địa "
                    "520 tỷ đồng; 14 doanh nghiệp nộp thuế tài nguyên với 96 tỷ đồng; thu từ "
                    "hoạt động xuất nhập khẩu 294 tỷ đồng.")
    assert got["96 tỷ đồng"][0] == "nộp thuế tài nguyên"
    got = frames_of("6 tháng đầu năm 2064, vốn đầu tư ngoài ngân sách đạt 3.420 tỷ đồng. Trong "
                    "đó: khởi công 48 công trình với 1.260 tỷ đồng; 17 dự án mở rộng nhà xưởng "
                    "với 905 tỷ đồng; chuyển nhượng cổ phần 312 tỷ đồng.")
    assert got["905 tỷ đồng"][0] == "mở rộng nhà xưởng"
    assert got["312 tỷ đồng"][0] == "chuyển nhượng cổ phần"


def test_a_count_with_its_members_keeps_its_reading() -> None:
    got = frames_of("Đến 30/6/2064, toàn huyện có 41 hợp tác xã với 1.350 thành viên; 208 cơ "
                    "sở còn hoạt động với tổng doanh thu 640 tỷ đồng.")
    assert got["640 tỷ đồng"][0] == "tổng doanh thu"
    assert got["1.350 thành viên"][0] == "thành viên"


@pytest.mark.parametrize(("sentence", "values", "period"), [
    ("Đến 30/6/2064, toàn tỉnh có 4.210 doanh nghiệp đang hoạt động, vốn điều lệ 58.300 tỷ "
     "đồng (năm 2063: 3.980 doanh nghiệp, 54.100 tỷ đồng).", ("3.980 doanh nghiệp",
                                                          "54.100 tỷ đồng"), "năm 2063"),
    ("Hết tháng 6/2064, mạng lưới có 318 cửa hàng xăng dầu, sức chứa 9.600 m3 (cuối năm 2062 "
     "là 287 cửa hàng, 8.150 m3).", ("287 cửa hàng", "8.150 m3"), "cuối năm 2062"),
])
def test_a_bracketed_period_dates_every_value_of_the_bracket(
        sentence: str, values: tuple[str, ...], period: str) -> None:
    got = frames_of(sentence)
    for value in values:
        assert got[value][1] == period, (value, got[value])


DOCS = [
    {"id": "dt", "title": "Thông cáo thu hút đầu tư 6 tháng đầu năm 2064", "date": "2064-07-05",
     "text": "Tính chung 6 tháng đầu năm 2064, vốn đầu tư trực tiếp nước ngoài đăng ký vào "
             "tỉnh Hà Tân đạt 742 triệu USD, tăng 9,4% so với cùng kỳ. Trong đó: cấp mới 19 dự "
             "án với tổng vốn đăng ký 388 triệu USD; 12 lượt dự án bổ sung vốn với 231 triệu "
             "USD; góp vốn, mua cổ phần 123 triệu USD.\n\n"
             "Lũy kế đến ngày 30/6/2064, toàn tỉnh có 402 dự án còn hiệu lực với tổng vốn đăng "
             "ký 9,12 tỷ USD (đến cuối năm 2063 là 383 dự án, 8,38 tỷ USD)."},
]


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over(tmp_path_factory.mktemp("listed_parts_deeds"), DOCS)


def test_the_parts_and_the_earlier_stock_are_answered(service: RagService) -> None:
    opts = AskOptions(retrieval_mode="lexical", today=date(2064, 8, 1))
    ans = service.ask("vốn góp vốn, mua cổ phần 6 tháng đầu năm 2064 là bao nhiêu?", opts)
    assert "123" in (ans.answer or "") and "388" not in (ans.answer or "")
    ans = service.ask("tổng vốn đăng ký lũy kế đến cuối năm 2063 là bao nhiêu?", opts)
    assert "8,38" in (ans.answer or "") and "9,12" not in (ans.answer or "")
