"""Numbers inside the description of what is counted (issue 17, break-test bt16-b17 failure
4): from "Trong đó có 43 khách sạn từ 3 đến 5 sao" the answer to "số khách sạn 3 đến 5 sao?"
was "3" at 0.77 -- the low end of the rating range read as a figure of its own, and the unit
cut at "khách" (guests).  A number that qualifies the noun a count before it counts -- a
rating or a range of ratings ("từ 2 đến 4 sao", "3, 4 và 5 sao"), a class ("cấp 4", "hạng
1"), a threshold of size or age right after the counted noun ("trên 20 phòng", "dưới 6
tuổi", "từ 18 tuổi trở lên") -- is no figure; the count keeps it in what it counts.
Reports of our own with other qualifiers, counts, places and periods."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import service_over_files

from rag.records import AskOptions
from rag.service import RagService
from rag.vi.frames import extract
from rag.vi.numbers import find_values

TODAY = date(2068, 10, 20)
DOCS = {
    "du-lich-9-thang-2068.txt": (
        "Báo cáo tình hình du lịch tỉnh Nam Sơn 9 tháng năm 2068\n05/10/2068\n\n"
        "Tính đến ngày 30/9/2068, toàn tỉnh có 812 cơ sở lưu trú với 12.350 buồng. Trong đó "
        "có 27 khách sạn đạt chuẩn từ 2 đến 4 sao và 64 nhà nghỉ trên 20 phòng.\n\n"
        "Về giáo dục nghề nghiệp, 9 tháng năm 2068 toàn tỉnh đã đào tạo 1.840 học viên từ "
        "18 tuổi trở lên; 35 công trình cấp 4 của các trường được cải tạo.\n"),
}


@pytest.mark.parametrize(("text", "values"), [
    ("Toàn tỉnh hiện có 19 khách sạn từ 3 đến 5 sao.", ["19 khách sạn"]),
    ("Có 58 sản phẩm OCOP đạt 3, 4 và 5 sao.", ["58 sản phẩm"]),
    ("Huyện có 7 resort từ 4 tới 5 sao.", ["7 resort"]),
    ("Có 15 cơ sở lưu trú hạng 1 sao.", ["15 cơ sở"]),
    ("Đã xây 31 công trình cấp 4.", ["31 công trình"]),
    ("Toàn huyện có 1.250 trẻ em dưới 6 tuổi, tăng 40 trẻ.", ["1.250 trẻ em", "40 trẻ"]),
    ("Đã đào tạo 960 lao động từ 15 tuổi trở lên.", ["960 lao động"]),
    ("Có 46 khách sạn trên 50 phòng.", ["46 khách sạn"]),
    # numbers that are figures stay figures
    ("Tuổi thọ bình quân 74,5 tuổi.", ["74,5 tuổi"]),
    ("Xuất khẩu 12 triệu tấn sang 50 thị trường.", ["12 triệu tấn", "50 thị trường"]),
    ("Sở đã cấp 3 giấy phép lữ hành.", ["3 giấy phép"]),
    ("Số giấy phép được cấp 125, tăng 10%.", ["125", "10%"]),
    ("Đón 350 khách từ 12 quốc gia.", ["350 khách", "12 quốc gia"]),
    ("Số ngày lưu trú tăng từ 3 đến 5 ngày.", ["3 đến 5 ngày"]),
])
def test_values(text: str, values: list[str]) -> None:
    assert [v.text for v in find_values(text)] == values


def test_frames_keep_the_qualifier() -> None:
    frames = {f.value: f for f in extract(DOCS["du-lich-9-thang-2068.txt"], "t", "2068-10-05")}
    assert "2" not in frames and "4" not in frames and "18 tuổi" not in frames
    assert "trên 20 phòng" not in frames and "20 phòng" not in frames
    hotels = frames["27 khách sạn"]
    assert hotels.unit == "khách sạn" and "2 đến 4 sao" in hotels.detail
    assert frames["64 nhà nghỉ"].unit == "nhà nghỉ"
    assert "18 tuổi trở lên" in frames["1.840 học viên"].detail


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over_files(tmp_path_factory.mktemp("qualifier-numbers"), DOCS)


@pytest.mark.parametrize(("question", "expected"), [
    ("số khách sạn từ 2 đến 4 sao của Nam Sơn?", "27"),
    ("có bao nhiêu khách sạn 2-4 sao?", "27"),
    ("số nhà nghỉ trên 20 phòng?", "64"),
    ("số học viên từ 18 tuổi trở lên được đào tạo 9 tháng 2068?", "1.840"),
    ("bao nhiêu công trình cấp 4 được cải tạo?", "35"),
])
def test_asked(service: RagService, question: str, expected: str) -> None:
    a = service.ask(question, AskOptions(today=TODAY))
    assert a.found and a.answer.startswith(expected), (a.answer, a.confidence)
