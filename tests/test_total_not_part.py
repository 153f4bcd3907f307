"""A total asked is answered with the total, not with one of its parts (issue 17 break-test
bt17d t02, g01): a part listed after its whole -- "..., trong đó cửa khẩu Tân Thanh 2.300
xe", or in a sentence opening "Trong tổng mức 9 tháng, ..." after the total's own sentence
(rag.vi.frames.named_wholes) -- answers only when the question names it.  "Tổng mức",
"tổng vốn", "tổng số" name the whole; "các cửa khẩu", "các huyện" name every thing of a kind,
no one of them (rag.answer.figures.kind_only_words).  Reports written for these tests."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import service_over

from rag.answer.figures import kind_only_words
from rag.records import AskOptions
from rag.service import RagService
from rag.vi.frames import extract

# totals stated, then split by a sentence opening "Trong tổng ..." (bt17d t02 as written first)
TOTALS = [
    {"id": "tk", "title": "BÁO CÁO TÌNH HÌNH KINH TẾ - XÃ HỘI THÁNG 9 VÀ 9 THÁNG NĂM 2025",
     "date": "2025-09-29",
     "text": "2. Thương mại, dịch vụ\nTổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng "
             "tháng 9/2025 ước đạt 3.412,6 tỷ đồng, tăng 1,8% so với tháng trước và tăng 11,2%"
             " so với cùng kỳ. Lũy kế 9 tháng năm 2025 ước đạt 29.874,3 tỷ đồng, tăng 10,5% so"
             " với cùng kỳ năm 2024. Riêng quý III/2025 đạt 10.105,7 tỷ đồng, tăng "
             "10,9%.\nTrong tổng mức 9 tháng, doanh thu bán lẻ hàng hóa đạt 21.640,2 tỷ đồng, "
             "chiếm 72,4%; doanh thu dịch vụ lưu trú, ăn uống đạt 4.218,9 tỷ đồng, chiếm "
             "14,1%."},
    {"id": "tm31", "title": "Tình hình kinh tế - xã hội tháng 6 và 6 tháng năm 2031",
     "date": "2031-06-28",
     "text": "2. Thương mại, dịch vụ\nTổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng "
             "tháng 6/2031 ước đạt 2.910,4 tỷ đồng, tăng 2,1% so với tháng trước. Lũy kế 6 "
             "tháng năm 2031 ước đạt 17.302,6 tỷ đồng, tăng 9,8% so với cùng kỳ. Riêng quý "
             "II/2031 đạt 8.840,2 tỷ đồng.\nTrong tổng mức 6 tháng, doanh thu bán lẻ hàng hóa "
             "đạt 12.630,9 tỷ đồng, chiếm 73,0%; doanh thu dịch vụ lưu trú, ăn uống đạt "
             "2.450,1 tỷ đồng, chiếm 14,2%."},
    {"id": "vdt32", "title": "Tình hình kinh tế - xã hội quý III và 9 tháng năm 2032",
     "date": "2032-09-29",
     "text": "3. Đầu tư\nVốn đầu tư thực hiện toàn xã hội quý III/2032 ước đạt 4.120 tỷ đồng. "
             "Tính chung 9 tháng năm 2032 ước đạt 11.850 tỷ đồng, tăng 8,2% so với cùng "
             "kỳ.\nTrong tổng vốn đầu tư 9 tháng, vốn đầu tư thực hiện khu vực nhà nước đạt "
             "4.930 tỷ đồng, chiếm 41,6%; vốn khu vực ngoài nhà nước đạt 5.710 tỷ đồng, chiếm "
             "48,2%."},
    {"id": "dn33", "title": "Tình hình doanh nghiệp 9 tháng năm 2033",
     "date": "2033-09-28",
     "text": "Tháng 9/2033, toàn tỉnh có 41 doanh nghiệp thành lập mới. Lũy kế 9 tháng năm "
             "2033 có 356 doanh nghiệp thành lập mới, tăng 6,1% so với cùng kỳ.\nTrong tổng số"
             " doanh nghiệp thành lập mới 9 tháng, doanh nghiệp thành lập mới trong lĩnh vực "
             "thương mại, dịch vụ là 214 doanh nghiệp, chiếm 60,1%."},
]
# a total listed with its parts, asked of every thing of a kind
KINDS = [
    {"id": "xe34", "title": "Tình hình xuất khẩu nông sản qua các cửa khẩu", "date": "2034-02-14",
     "text": "Chiều 14/2/2034, còn 1.870 xe hàng chờ xuất khẩu, trong đó cửa khẩu Hữu Nghị 960 "
             "xe, Tân Thanh 610 xe, Chi Ma 300 xe."},
    {"id": "hoi36", "title": "Phát triển vùng nguyên liệu hồi năm 2036", "date": "2036-12-20",
     "text": "Năm 2036, diện tích trồng hồi toàn tỉnh đạt 41.200 ha, trong đó huyện Văn Quan "
             "12.300 ha, huyện Bình Gia 9.800 ha, huyện Văn Lãng 7.100 ha."},
]


@pytest.fixture(scope="module")
def totals(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over(tmp_path_factory.mktemp("totals"), TOTALS)


@pytest.fixture(scope="module")
def kinds(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over(tmp_path_factory.mktemp("kinds"), KINDS)


def _ask(service: RagService, question: str, today: date) -> tuple[bool, str, str]:
    reply = service.ask(question, AskOptions(retrieval_mode="lexical", today=today))
    return reply.found, reply.answer, reply.summary or ""


@pytest.mark.parametrize(("question", "today", "expected"), [
    # the total named by "tổng mức", "tổng vốn": the parts' sentence opens "Trong tổng ..."
    ("Tổng mức bán lẻ hàng hóa 9 tháng năm 2025 đạt bao nhiêu?", date(2025, 12, 22),
     "29.874,3 tỷ đồng"),
    ("Tổng mức bán lẻ hàng hóa 6 tháng năm 2031 đạt bao nhiêu?", date(2031, 7, 5),
     "17.302,6 tỷ đồng"),
    ("tong muc ban le hang hoa 6 thang nam 2031", date(2031, 7, 5), "17.302,6 tỷ đồng"),
    ("Tổng vốn đầu tư thực hiện 9 tháng năm 2032 là bao nhiêu?", date(2032, 10, 5),
     "11.850 tỷ đồng"),
    ("Tổng số doanh nghiệp thành lập mới 9 tháng năm 2033?", date(2033, 10, 5),
     "356 doanh nghiệp"),
])
def test_the_total_named(totals: RagService, question: str, today: date,
                         expected: str) -> None:
    found, answer, summary = _ask(totals, question, today)
    assert found and answer.startswith(expected), (answer, summary)


@pytest.mark.parametrize(("question", "today", "expected"), [
    # near-misses: the part asked by its own name is still the part
    ("Doanh thu bán lẻ hàng hóa 6 tháng năm 2031 đạt bao nhiêu?", date(2031, 7, 5),
     "12.630,9 tỷ đồng"),
    ("Vốn khu vực ngoài nhà nước 9 tháng năm 2032 đạt bao nhiêu?", date(2032, 10, 5),
     "5.710 tỷ đồng"),
    ("Vốn đầu tư thực hiện khu vực nhà nước 9 tháng năm 2032?", date(2032, 10, 5),
     "4.930 tỷ đồng"),
    ("Số doanh nghiệp thành lập mới trong lĩnh vực thương mại dịch vụ 9 tháng năm 2033?",
     date(2033, 10, 5), "214 doanh nghiệp"),
])
def test_a_part_named_in_a_total(totals: RagService, question: str, today: date,
                                 expected: str) -> None:
    found, answer, summary = _ask(totals, question, today)
    assert found and answer.startswith(expected), (answer, summary)


@pytest.mark.parametrize(("question", "today", "expected"), [
    # every thing of a kind: "các cửa khẩu", "các huyện"
    ("Chiều 14/2/2034 còn bao nhiêu xe hàng tại các cửa khẩu?", date(2034, 2, 15),
     "1.870 xe"),
    ("Năm 2036 diện tích trồng hồi của các huyện là bao nhiêu?", date(2037, 1, 5),
     "41.200 ha"),
    # near-misses: one of the kind named
    ("Chiều 14/2/2034 cửa khẩu Hữu Nghị còn bao nhiêu xe hàng?", date(2034, 2, 15), "960 xe"),
    ("Năm 2036 huyện Văn Quan trồng bao nhiêu ha hồi?", date(2037, 1, 5), "12.300 ha"),
])
def test_every_thing_of_a_kind(kinds: RagService, question: str, today: date,
                               expected: str) -> None:
    found, answer, summary = _ask(kinds, question, today)
    assert found and answer.startswith(expected), (answer, summary)


def test_a_sentence_opening_with_its_total_lists_parts() -> None:
    frames = extract(TOTALS[1]["text"], TOTALS[1]["title"], TOTALS[1]["date"])
    total = next(f for f in frames if f.value.startswith("17.302,6"))
    part = next(f for f in frames if f.value.startswith("12.630,9"))
    assert part.part and part.whole == total.start
    assert part.parent.startswith("Tổng mức bán lẻ")
    # "Trong tổng số 226 sản phẩm, có ...": a total with its own value is read as before
    text = ("Đến ngày 20/11/2041 toàn tỉnh có 226 sản phẩm OCOP.\n\nTrong tổng số 226 sản "
            "phẩm, có 6 sản phẩm đạt 4 sao và 220 sản phẩm đạt 3 sao.")
    assert all(f.whole < 0 for f in extract(text, "", "2041-11-28"))


def test_kind_only_words() -> None:
    assert kind_only_words("con bao nhieu xe ton tai cac cua khau") == {"cua", "khau"}
    assert kind_only_words("dien tich cua cac huyen") == {"huyen"}
    # the kind said again apart names it: "cửa khẩu Tân Thanh và các cửa khẩu khác"
    assert kind_only_words("cua khau tan thanh va cac cua khau khac") == frozenset()
