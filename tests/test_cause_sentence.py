"""A "vì sao" / "tại sao" / "nguyên nhân" question is answered by the cause the reports state,
not by the sentence that only states the figure the question is about (session 48): reports
write a figure and then its cause, in the same sentence ("giảm 9,3% (chủ yếu do ...)"), in the
next ("Nguyên nhân chính khiến chỉ số giá chung giảm là ...") or a few sentences on ("Nguyên
nhân tăng trưởng cao là do ...", break-test bt18a, answered with the GRDP sentence before).
The statement check still decides whether the reports are about the question at all: a cause
sentence holds few of the question's words, so a why question is not refused when its
document's sentence about the thing asked passes the check; a why question about something
not reported is refused.  The question phrase itself ("vì sao", "điều gì", "ở đâu") is no
word the answer must hold (rag.answer.intent.content_runs).  Invented documents, three
shapes; the dev2 customs-and-economy report e02 (a cause in brackets)."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import DATA_DIR, service_over_files

from rag.answer.chooser import states_cause
from rag.answer.intent import read_intent
from rag.records import AskOptions
from rag.search.query import analyze
from rag.service import RagService

PRESS = "\n".join([
    "Họp báo thường kỳ quý IV năm 2086 của UBND tỉnh",
    "",
    "Chiều ngày 27/12/2086, UBND tỉnh tổ chức họp báo thường kỳ quý IV năm 2086.",
    "Năm 2086, tốc độ tăng trưởng kinh tế (GRDP) của tỉnh ước đạt 7,92%, xếp thứ 5/14 "
    "tỉnh vùng trung du và miền núi phía Bắc.",
    "Chỉ số năng lực cạnh tranh cấp tỉnh (PCI) năm 2086 đạt 66,05 điểm, xếp thứ "
    "24/63.",
    "Thu ngân sách nhà nước trên địa bàn năm 2086 ước đạt 9.840 tỷ đồng, bằng 112% dự "
    "toán do HĐND tỉnh giao.",
    "Nguyên nhân tăng trưởng cao là do sản lượng nông sản xuất khẩu qua cửa khẩu tăng "
    "mạnh và các khu công nghiệp mới đi vào hoạt động.",
    "Đại diện Sở Giao thông vận tải cho biết dự án đường vành đai dự kiến thông xe "
    "vào tháng 6/2087.",
    ""])

CPI = "\n".join([
    "Chỉ số giá tiêu dùng tháng 8/2083",
    "",
    "Theo Cục Thống kê tỉnh, chỉ số giá tiêu dùng (CPI) tháng 8/2083 trên địa bàn "
    "tỉnh giảm 0,27% so với tháng trước.",
    "Nguyên nhân chính khiến chỉ số giá chung giảm là giá gas được điều chỉnh giảm "
    "hai lần trong tháng, kéo theo nhóm nhà ở và vật liệu xây dựng giảm 1,12%.",
    "Trong 11 nhóm hàng hóa và dịch vụ chính, có 4 nhóm tăng giá, 5 nhóm giảm giá và "
    "2 nhóm giữ ổn định.",
    "So với cùng kỳ năm trước, CPI tháng 8/2083 tăng 2,64%.",
    ""])

TOURISM = "\n".join([
    "Du lịch 6 tháng đầu năm 2084",
    "",
    "Sáu tháng đầu năm 2084, toàn tỉnh đón 1,42 triệu lượt khách du lịch, tăng 18,5% "
    "so với cùng kỳ.",
    "Lượng khách quốc tế đạt 96.300 lượt, giảm 7,1% so với cùng kỳ, chủ yếu do tuyến "
    "đường sắt liên vận tạm dừng khai thác trong tháng 3 và tháng 4.",
    "Doanh thu du lịch ước đạt 1.905 tỷ đồng.",
    ""])


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over_files(tmp_path_factory.mktemp("cause"), {
        "hop-bao-2086.txt": PRESS, "cpi-thang-8-2083.txt": CPI, "du-lich-2084.txt": TOURISM})


def _ask(service: RagService, question: str):
    return service.ask(question, AskOptions(retrieval_mode="lexical"))


@pytest.mark.parametrize("question", [
    "Vì sao tăng trưởng kinh tế năm 2086 cao?",
    "vi sao tang truong kinh te 2086 cao",
    "Nguyên nhân tăng trưởng kinh tế năm 2086 cao là gì?",
])
def test_the_cause_a_few_sentences_on(service: RagService, question: str) -> None:
    a = _ask(service, question)
    assert a.found, a.answer
    assert "sản lượng nông sản xuất khẩu" in a.answer, a.answer
    assert a.citations[0].quote.startswith("Nguyên nhân tăng trưởng cao"), a.citations
    assert not a.sure


@pytest.mark.parametrize("question", [
    "Vì sao CPI tháng 8/2083 giảm?",
    "Tại sao chỉ số giá tiêu dùng tháng 8/2083 giảm so với tháng trước?",
    "tai sao CPI thang 8/2083 giam",
])
def test_the_cause_in_the_next_sentence(service: RagService, question: str) -> None:
    a = _ask(service, question)
    assert a.found, a.answer
    assert "giá gas được điều chỉnh giảm hai lần" in a.answer, a.answer


def test_the_cause_stated_in_the_figure_sentence_is_kept(service: RagService) -> None:
    a = _ask(service, "Vì sao khách quốc tế 6 tháng đầu năm 2084 giảm?")
    assert a.found, a.answer
    assert "đường sắt liên vận tạm dừng" in a.answer, a.answer


def test_no_cause_stated_is_said_and_never_sure(service: RagService) -> None:
    """The tourism report states the year's visitors and revenue but no reason for the rise:
    the sentence about it is shown, at no more than an even guess, with a note saying the
    reports give no cause (weights.uncaused_max)."""
    a = _ask(service, "Vì sao lượng khách du lịch 6 tháng đầu năm 2084 tăng?")
    assert a.found, a.answer
    assert "1,42 triệu lượt" in a.answer, a.answer  # not the fall of foreign visitors' cause
    assert a.confidence <= 0.5, a
    assert a.note and "không nêu nguyên nhân" in a.note, a
    assert not a.sure


def test_a_cause_in_brackets_of_the_part_asked(tmp_path: Path) -> None:
    """dev2 e02: "Trong đó: xuất khẩu ..., giảm 9,3% (chủ yếu do hàng nông sản, trái cây giảm
    giá)" after the total's sentence, which states no cause."""
    doc = DATA_DIR / "dev2" / "docs" / "e02-ktxh-quy3-9thang-2016.txt"
    service = service_over_files(tmp_path, {doc.name: doc.read_bytes()})
    a = _ask(service, "vi sao xuat khau mo to khai 9 thang 2016 giam")
    assert a.found, a.answer
    assert "nông sản, trái cây giảm giá" in a.answer, a.answer


@pytest.mark.parametrize("question", [
    "Vì sao giá vàng tháng 8/2083 tăng?",
    "Vì sao số doanh nghiệp giải thể năm 2086 giảm?",
])
def test_a_why_question_about_nothing_reported_is_refused(service: RagService,
                                                          question: str) -> None:
    a = _ask(service, question)
    assert not a.found, a.answer


@pytest.mark.parametrize("text, cause", [
    ("Nguyên nhân tăng trưởng cao là do sản lượng tăng.", True),
    ("Xuất khẩu giảm 9,3% (chủ yếu do hàng nông sản giảm giá).", True),
    ("Khách giảm, do đường sắt tạm dừng.", True),
    ("Thủy sản chỉ tăng 2,61% do dịch bệnh lây lan.", True),
    ("Sản phẩm do UBND tỉnh công nhận đạt 3 sao.", False),
    ("Tự do thương mại được mở rộng.", False),
    ("Nhờ giá cao su tăng, kim ngạch tăng 12%.", True),
    ("Giá gas giảm hai lần, khiến nhóm nhà ở giảm 1,12%.", True),
    ("Thu ngân sách bằng 112% dự toán do HĐND tỉnh giao.", False),
    ("Vì vậy, tỉnh tiếp tục đẩy mạnh xúc tiến thương mại.", False),
    ("Giá cao su tăng mạnh, và do đó kim ngạch tăng 12%.", True),
    ("Sản lượng giảm vì vậy doanh thu giảm theo.", True),
    ("CPI tháng 8 giảm 0,27% so với tháng trước.", False),
])
def test_states_cause(text: str, cause: bool) -> None:
    assert states_cause(text) is cause


@pytest.mark.parametrize("question, absent, kept", [
    ("Vì sao tăng trưởng kinh tế năm 2086 cao?", "vi", ("tang", "truong", "kinh", "te")),
    ("vi sao CPI thang 7 giam", "vi", ("giam",)),
    ("Điều gì xảy ra vào năm 1886?", "dieu", ("xay", "ra")),
    ("Do đâu xuất khẩu tăng?", "dau", ("xuat", "khau")),
    ("Bảo tàng Victoria nằm ở đâu?", "dau", ("victoria",)),
])
def test_question_phrases_are_no_content_words(question: str, absent: str,
                                               kept: tuple[str, ...]) -> None:
    words = [w for run in read_intent(analyze(question)).runs for w in run]
    assert absent not in words, words
    assert all(k in words for k in kept), words


def test_dau_of_dau_tu_stays_a_word() -> None:
    words = [w for run in read_intent(analyze("Vốn đầu tư ở đâu tăng nhanh nhất?")).runs
             for w in run]
    assert "dau" in words and "tu" in words, words


ZONE = "\n".join([
    "Khu công nghiệp Đồng Bành thu hút thêm 3 dự án",
    "",
    "Khu công nghiệp Đồng Bành có diện tích 120 ha, được thành lập năm 2079.",
    "Tính đến 30/9/2085, Khu công nghiệp Đồng Bành (huyện Chi Lăng) đã thu hút 14 dự án với "
    "tổng vốn đăng ký 3.150 tỷ đồng.",
    ""])


@pytest.mark.parametrize("question", [
    "Khu công nghiệp Đồng Bành nằm ở đâu?",
    "khu cong nghiep Dong Banh nam o dau",
])
def test_where_is_answered_by_the_place_not_a_year(tmp_path: Path, question: str) -> None:
    """"nằm ở đâu" is the question's asking: folded, "nằm" is "năm", which the founding
    year's sentence writes; the place a report names by its unit ("(huyện Chi Lăng)") is
    what "ở đâu" asks (rag.answer.chooser where_place)."""
    service = service_over_files(tmp_path, {"kcn-dong-banh.txt": ZONE})
    a = _ask(service, question)
    assert a.found, a.answer
    assert "huyện Chi Lăng" in a.answer, a.answer
