"""One number counting two nouns joined by a comma counts both, and its indicator holds both
(break-test s43 bt17l): "có 146 doanh nghiệp, HTX tham gia sàn thương mại điện tử" is the
count of "doanh nghiệp, HTX tham gia sàn TMĐT", not a count of "doanh nghiệp" whose "HTX" a
question then finds only in the table row "Số hợp tác xã" (369 was served).  The comma does
what "và" does (tests/test_joint_counts.py); it joins nothing when the next noun has a figure
of its own, when no noun follows, or when the value is no count."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import docx
import pytest
from conftest import service_over, service_over_files
from helpers import docx_bytes, docx_fill, report_file

from rag.records import AskOptions
from rag.service import RagService
from rag.vi.frames.document import extract


def _frames(text: str) -> list[tuple[str, str]]:
    return [(f.value, f.indicator) for f in extract(text, "Báo cáo tháng 6/2059", "2059-07-05")]


@pytest.mark.parametrize(("sentence", "value", "words"), [
    ("Đến tháng 6/2059 có 146 doanh nghiệp, HTX tham gia sàn thương mại điện tử, tăng 38 đơn "
     "vị so với đầu năm.", "146 doanh nghiệp", ("doanh nghiệp", "HTX", "sàn thương mại")),
    ("Năm 2059 có 12 doanh nghiệp, hợp tác xã được hỗ trợ xúc tiến thương mại.",
     "12 doanh nghiệp", ("doanh nghiệp", "hợp tác xã", "xúc tiến")),
    ("Toàn tỉnh có 52 doanh nghiệp, hộ kinh doanh sử dụng hóa đơn điện tử.",
     "52 doanh nghiệp", ("doanh nghiệp", "hộ kinh doanh", "hóa đơn điện tử")),
])
def test_the_count_holds_both_nouns(sentence: str, value: str, words: tuple[str, ...]) -> None:
    got = dict(_frames(sentence))
    assert all(w in got[value] for w in words), got


@pytest.mark.parametrize(("sentence", "value", "not_in"), [
    # a figure of its own after the comma: two counts, the first not of the second's noun
    ("Năm 2059 có 871 doanh nghiệp, 52 HTX thành lập mới.", "871 doanh nghiệp", "HTX"),
    ("Toàn tỉnh có 369 hợp tác xã, thành viên 8.950 người.", "369 hợp tác xã", "thành viên"),
    ("Lễ hội đón 64.300 lượt khách; trong đó khách nội tỉnh 41.800 lượt, khách ngoài tỉnh "
     "22.500 lượt.", "41.800 lượt", "ngoài"),
    ("Có 41.800 lượt khách, khách ngoài tỉnh chiếm 35%.", "41.800 lượt khách", "ngoài"),
    # no noun after the comma: the change's words, not the count's
    ("Đến tháng 6/2059 có 146 doanh nghiệp, tăng 38 đơn vị so với đầu năm.",
     "146 doanh nghiệp", "đơn vị"),
    # no count: money, and "đồng thời" no second noun
    ("Thu ngân sách đạt 50 tỷ đồng, đồng thời giải ngân 20 tỷ đồng.", "50 tỷ đồng", "thời"),
])
def test_no_noun_joined(sentence: str, value: str, not_in: str) -> None:
    got = dict(_frames(sentence))
    assert value in got and not_in not in got[value], got


def _tmdt_docx() -> bytes:
    d = docx.Document()
    d.add_paragraph("Kinh tế tập thể, chợ và thương mại điện tử 6 tháng đầu năm 2059")
    d.add_paragraph("Ngày 5/7/2059")
    d.add_paragraph("Đến 31/12/2058, toàn tỉnh có 342 hợp tác xã; đến 30/6/2059 tăng lên 369 "
                    "hợp tác xã, với 8.950 thành viên.")
    d.add_paragraph("Thương mại điện tử: đến tháng 6/2059 có 146 doanh nghiệp, HTX tham gia sàn "
                    "thương mại điện tử, tăng 38 đơn vị so với đầu năm.")
    t = d.add_table(rows=4, cols=3)
    docx_fill(t, [["Chỉ tiêu", "31/12/2058", "30/6/2059"], ["Số hợp tác xã", "342", "369"],
                  ["Số tổ hợp tác", "415", "438"], ["Số thành viên HTX", "8.610", "8.950"]])
    return docx_bytes(d)


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over_files(tmp_path_factory.mktemp("comma_nouns"), {
        "htx_tmdt.docx": _tmdt_docx(),
        "hoa_don.html": report_file("html", [
            "Tình hình sử dụng hóa đơn điện tử quý III/2061",
            "Đến hết quý III/2061, toàn tỉnh có 1.240 hộ kinh doanh nộp thuế khoán.",
            "Quý III/2061 có 318 doanh nghiệp, hộ kinh doanh sử dụng hóa đơn điện tử khởi tạo "
            "từ máy tính tiền."])[1],
    })


@pytest.mark.parametrize(("question", "expected", "not_expected"), [
    ("so doanh nghiep HTX tham gia san TMDT thang 6/2059", "146", "369"),
    ("Số doanh nghiệp, HTX tham gia sàn TMĐT tháng 6/2059?", "146", "369"),
    ("Có bao nhiêu doanh nghiệp và HTX tham gia sàn thương mại điện tử đến tháng 6/2059?",
     "146", "369"),
    ("Quý III/2061 có bao nhiêu doanh nghiệp, hộ kinh doanh sử dụng hóa đơn điện tử?", "318",
     "1.240"),
    # near-misses: the table's row and the other count still answer their own questions
    ("Số hợp tác xã đến 30/6/2059?", "369", "146"),
    ("Số hộ kinh doanh nộp thuế khoán đến hết quý III/2061?", "1.240", "318"),
])
def test_docx_answers(service: RagService, question: str, expected: str,
                      not_expected: str) -> None:
    r = service.ask(question, AskOptions(retrieval_mode="lexical", today=date(2059, 8, 1)))
    assert r.found and expected in r.answer and not_expected not in r.answer, r.answer


def test_text_report(tmp_path: Path) -> None:
    svc = service_over(tmp_path, [{
        "id": "xttm", "title": "Xúc tiến thương mại năm 2060", "date": "2060-12-20",
        "text": "Năm 2060 toàn tỉnh có 1.530 hợp tác xã và 4.200 doanh nghiệp đang hoạt động. "
                "Trong năm có 64 doanh nghiệp, hợp tác xã được hỗ trợ tham gia hội chợ xúc "
                "tiến thương mại."}])
    r = svc.ask("Năm 2060 có bao nhiêu doanh nghiệp, hợp tác xã được hỗ trợ tham gia hội chợ?",
                AskOptions(retrieval_mode="lexical", today=date(2061, 1, 5)))
    assert r.found and "64" in r.answer, r.answer
