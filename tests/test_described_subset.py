"""A count after a "trong đó" list, described by its own clause (issue 17, dev2 e099): "toàn
tỉnh có 174 sản phẩm ... đạt chuẩn OCOP, trong đó 34 sản phẩm đạt 4 sao và 140 sản phẩm đạt 3
sao; 1 sản phẩm (trà hoa vàng) đang được đề nghị Trung ương đánh giá, phân hạng 5 sao" framed
"1 sản phẩm" as the total's own figure (no words of its own: the aside in brackets ended what
it counts), so "số sản phẩm OCOP" was answered "1 sản phẩm" at 0.93.  Such a count -- the
total's unit, no noun or period before it, the clause after it saying what state picks it out
("đang ...", "đã ...", "chưa ...") -- is a part of the total, described by that clause; the
total wins a question naming the total only, and the part one naming its clause.  Reports of
our own with other nouns, clauses, numbers and periods."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import service_over_files

from rag.records import AskOptions
from rag.service import RagService
from rag.vi.frames import extract
from rag.vi.frames.frame import Frame
from rag.vi.frames.indicators import read_detail

TODAY = date(2041, 12, 20)
DOCS = {
    "htx-2041.txt": (
        "Kinh tế tập thể năm 2041\n10/12/2041\n\n"
        "Tính đến ngày 30/11/2041, toàn tỉnh có 318 hợp tác xã đang hoạt động trong lĩnh vực "
        "nông nghiệp, trong đó 120 hợp tác xã hoạt động hiệu quả và 175 hợp tác xã xếp loại "
        "trung bình; 23 hợp tác xã (chủ yếu ở các huyện vùng cao) đã ngừng hoạt động chờ giải "
        "thể.\n\n"
        "Đến hết tháng 11/2041, tỉnh đã cấp chủ trương đầu tư cho 86 dự án ngoài ngân sách, "
        "bao gồm 41 dự án đã đi vào hoạt động và 33 dự án đang xây dựng; 12 dự án chưa triển "
        "khai do vướng mặt bằng.\n\n"
        "Tính đến ngày 15/11/2041, toàn tỉnh có 57 chợ được công nhận đạt chuẩn văn minh "
        "thương mại, trong đó 9 chợ hạng 1 và 40 chợ hạng 2; 3 chợ (Đông Kinh, Kỳ Lừa, Giếng "
        "Vuông) đang được đề nghị công nhận chợ kiểu mẫu.\n"),
    "ocop-thang-11-2041.txt": (
        "Chương trình OCOP đến tháng 11/2041\n25/11/2041\n\n"
        "Từ đầu năm 2041 đến nay, Hội đồng đánh giá, phân hạng sản phẩm OCOP cấp tỉnh đã công "
        "nhận 27 sản phẩm mới. Tính đến ngày 20/11/2041, toàn tỉnh có 203 sản phẩm được công "
        "nhận đạt chuẩn OCOP, trong đó 51 sản phẩm đạt 4 sao; 2 sản phẩm (mật ong bạc hà, "
        "hồng không hạt) đang được đề nghị đánh giá 5 sao.\n"),
}


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over_files(tmp_path_factory.mktemp("described-subset"), DOCS)


def _frames(sentence: str) -> dict[str, Frame]:
    return {f.value: f for f in extract(sentence, "t", "2041-12-10")}


@pytest.mark.parametrize(("sentence", "whole", "subset", "words"), [
    ("Năm 2041, toàn tỉnh có 512 hộ được vay vốn ưu đãi, trong đó 300 hộ nghèo và 150 hộ cận "
     "nghèo; 62 hộ (thuộc diện chính sách) đang chờ giải ngân.", "512 hộ", "62 hộ",
     "chờ giải ngân"),
    ("Quý III/2041 có 640 doanh nghiệp đăng ký thành lập mới, trong đó 410 doanh nghiệp tư "
     "nhân; 37 doanh nghiệp đã đăng ký tạm ngừng kinh doanh.", "640 doanh nghiệp",
     "37 doanh nghiệp", "đăng ký tạm ngừng kinh doanh"),
    ("Đến hết tháng 10/2041 có 96 dự án được cấp phép, gồm 40 dự án hoàn thành và 50 dự án "
     "đang thi công; 6 dự án (vốn ngoài ngân sách) chưa triển khai.", "96 dự án", "6 dự án",
     "chưa triển khai"),
])
def test_a_described_count_after_the_list_is_a_part(sentence: str, whole: str, subset: str,
                                                     words: str) -> None:
    frames = _frames(sentence)
    total, part = frames[whole], frames[subset]
    assert not total.part, total
    assert part.part and part.indicator != total.indicator, part
    assert part.parent == total.indicator, part
    assert part.detail.endswith(words.split()[-1]) and words.split()[-2] in part.detail, part


def test_the_total_after_the_described_part_keeps_its_subject() -> None:
    # the sentence after such a part is of the total's subject, not of the part's clause
    frames = _frames("Tính đến 30/9/2041 có 88 sản phẩm đạt chuẩn OCOP, trong đó 20 sản phẩm 4 "
                     "sao; 2 sản phẩm (miến dong, hồi) đang được đề nghị đánh giá 5 sao. So với "
                     "cuối năm 2040 (71 sản phẩm), tăng 17 sản phẩm.")
    assert "5 sao" not in frames["71 sản phẩm"].parent, frames["71 sản phẩm"]
    assert "đề nghị" not in frames["71 sản phẩm"].parent, frames["71 sản phẩm"]


@pytest.mark.parametrize("sentence", [
    # its own period: a new total, as before
    "Quý I có 250 doanh nghiệp thành lập mới, trong đó 30 doanh nghiệp vốn nước ngoài; 9 tháng "
    "có 620 doanh nghiệp đã thành lập mới.",
    # more than the whole: no part of it
    "Năm 2041 có 40 hợp tác xã thành lập mới, trong đó 12 hợp tác xã nông nghiệp; 318 hợp tác "
    "xã đang hoạt động.",
])
def test_no_part_when_not_a_subset(sentence: str) -> None:
    last = extract(sentence, "t", "2041-12-10")[-1]
    assert not last.part, last


def test_an_aside_in_brackets_does_not_end_what_a_value_counts() -> None:
    assert read_detail(" (chủ yếu ở vùng cao) đang chờ hỗ trợ.")[0] == "chờ hỗ trợ"
    assert read_detail(" (tăng 5%) so với cùng kỳ")[0] == ""  # a figure in it: an aside ends
    f = _frames("Năm 2041 huyện có 512 hộ nghèo. 212 hộ (ở vùng cao) đang chờ hỗ trợ.")["212 hộ"]
    assert "chờ hỗ trợ" in f.indicator, f


@pytest.mark.parametrize(("question", "expected"), [
    ("Số hợp tác xã nông nghiệp đang hoạt động đến 30/11/2041?", "318"),
    ("Có bao nhiêu hợp tác xã tính đến tháng 11/2041?", "318"),
    ("Số chợ đạt chuẩn văn minh thương mại đến 15/11/2041?", "57"),
    ("Có bao nhiêu chợ văn minh thương mại?", "57"),
    ("Số chợ đang được đề nghị công nhận chợ kiểu mẫu", "3"),
    ("Số hợp tác xã đã ngừng hoạt động chờ giải thể", "23"),
    ("Số dự án ngoài ngân sách được cấp chủ trương đầu tư đến hết tháng 11/2041", "86"),
    ("Bao nhiêu dự án chưa triển khai?", "12"),
])
def test_asked(service: RagService, question: str, expected: str) -> None:
    a = service.ask(question, AskOptions(today=TODAY))
    assert a.found and a.answer.startswith(expected), (a.answer, a.confidence)


@pytest.fixture(scope="module")
def one_report(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    name = "ocop-thang-11-2041.txt"
    return service_over_files(tmp_path_factory.mktemp("on-the-day"), {name: DOCS[name]})


@pytest.mark.parametrize("question", [
    # the count stated on the day asked, not what was done "từ đầu năm đến nay" (to the
    # report's day, 25/11, within the calendar's tolerance of the day asked)
    "Tính đến 20/11/2041 có bao nhiêu sản phẩm OCOP",
    "Tính đến 20/11/2041 tỉnh có bao nhiêu sản phẩm OCOP?",
    "Số sản phẩm OCOP đến ngày 20/11/2041",
])
def test_the_count_on_the_day_asked(one_report: RagService, question: str) -> None:
    a = one_report.ask(question, AskOptions(today=TODAY))
    assert a.found and a.answer.startswith("203"), (a.answer, a.confidence)
