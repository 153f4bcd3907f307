"""A "trong đó" part of a total named only by its unit ("đón 402.000 lượt khách, trong đó
khách quốc tế 27.500 lượt") is said by what follows "trong đó", with the total's counted
noun when the part leaves it unsaid ("trong đó quốc tế" -> "khách quốc tế") -- never a
fragment of the total's unit ("lượt, trong đó khách quốc tế"; break-test bt17 minor, and
held-out h009 "10 tháng năm 2020, lượt, trong đó khách quốc tế chỉ đạt 40.150 lượt").
Invented reports of their own wording and figures (rag.answer.compose.subject).
"""

from __future__ import annotations

from datetime import date

import pytest
from conftest import service_over_files

from rag.records import Answer, AskOptions
from rag.service import RagService

DOCS = {
    "du-lich-q1-2031.txt": (
        "Hoạt động du lịch quý I năm 2031\n5/4/2031\n\n"
        "Quý I/2031, toàn tỉnh đón 318.700 lượt khách, tăng 9,4% so với cùng kỳ, trong đó "
        "quốc tế 14.250 lượt.\n\n"
        "Doanh thu từ du lịch quý I/2031 đạt 905 tỷ đồng.\n"),
    "le-hoi-2031.txt": (
        "Kết quả phục vụ lễ hội mùa xuân 2031\n20/2/2031\n\n"
        "Trong mùa lễ hội (từ 1/2 đến 15/2/2031), các điểm di tích đón 64.300 lượt khách; "
        "trong đó khách nội tỉnh 41.800 lượt, khách ngoài tỉnh 22.500 lượt.\n"),
    "phuong-tien-2031.txt": (
        "Tình hình xuất nhập cảnh phương tiện tháng 5/2031\n3/6/2031\n\n"
        "Tháng 5/2031, qua các cửa khẩu có 27.640 lượt phương tiện xuất nhập cảnh, trong đó "
        "xe tải 19.880 lượt.\n"),
}


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over_files(tmp_path_factory.mktemp("partlabel"), DOCS)


def ask(service: RagService, question: str) -> Answer:
    return service.ask(question, AskOptions(retrieval_mode="lexical", today=date(2031, 12, 1)))


@pytest.mark.parametrize(("question", "value", "label"), [
    ("Quý I/2031 đón bao nhiêu lượt khách quốc tế?", "14.250", "khách quốc tế"),
    ("Mùa lễ hội 2031 có bao nhiêu lượt khách nội tỉnh?", "41.800", "khách nội tỉnh"),
    ("Mùa lễ hội 2031 có bao nhiêu lượt khách ngoài tỉnh?", "22.500", "khách ngoài tỉnh"),
])
def test_part_said_by_its_own_words(service: RagService, question: str, value: str,
                                    label: str) -> None:
    answer = ask(service, question)
    assert answer.found and value in answer.answer
    assert label in answer.summary
    assert "lượt, trong đó" not in answer.summary
    assert ", lượt" not in answer.summary


def test_total_still_said_whole(service: RagService) -> None:
    # near-miss: the total itself keeps its own words and value
    answer = ask(service, "Quý I/2031 toàn tỉnh đón bao nhiêu lượt khách?")
    assert answer.found and "318.700" in answer.answer
    assert "trong đó" not in answer.summary


def test_vehicle_part_not_a_unit_fragment(service: RagService) -> None:
    answer = ask(service, "Tháng 5/2031 có bao nhiêu lượt xe tải qua cửa khẩu?")
    assert answer.found and "19.880" in answer.answer
    assert "xe tải" in answer.summary
    assert ", lượt" not in answer.summary and not answer.summary.startswith("Lượt")


def test_subject_of_parts() -> None:
    """The summary's subject over frames read from sentences (other shapes, no retrieval):
    exports and enterprises as parts of a total named only by its unit."""
    from rag.answer.compose import subject
    from rag.vi.frames import extract

    def parts(text: str) -> list[str]:
        return [subject(f) for f in extract(text, title="Báo cáo", doc_date="2031-12-20")
                if f.part]

    assert parts("Năm 2031, toàn tỉnh đón 1,2 triệu lượt khách, trong đó quốc tế "
                 "86.000 lượt.") == ["khách quốc tế"]
    assert parts("Tháng 10/2031, đạt 455 triệu USD, trong đó xuất khẩu 281 triệu "
                 "USD.") == ["xuất khẩu"]
    assert parts("Năm 2031, toàn tỉnh có 2.870 doanh nghiệp, trong đó doanh nghiệp "
                 "có vốn đầu tư nước ngoài 37 doanh nghiệp.") == [
        "doanh nghiệp có vốn đầu tư nước ngoài"]
    # a total with a name keeps it before its part
    said = parts("Năm 2031, kim ngạch xuất nhập khẩu đạt 3.140 triệu USD, trong đó "
                 "xuất khẩu 1.260 triệu USD.")
    assert said == ["kim ngạch xuất nhập khẩu, trong đó xuất khẩu"]


def test_a_word_ending_in_a_units_syllable_is_kept_whole() -> None:
    """"hoạt động", "địa phương": their last syllable is also read as a unit word, but it is
    the word's own (rag.answer.compose.without_unit): no "doanh nghiệp hoạt, trong đó ..."."""
    from rag.answer.compose import subject
    from rag.vi.frames import extract

    said = [subject(f) for f in extract(
        "Năm 2031, toàn tỉnh có 2.870 doanh nghiệp đang hoạt động, trong đó FDI 37 doanh "
        "nghiệp.", title="Báo cáo", doc_date="2031-12-20") if f.part]
    assert said and all("hoạt," not in s and not s.endswith(" hoạt") for s in said), said
    said = [subject(f) for f in extract(
        "Tháng 5/2031, kim ngạch hàng địa phương đạt 96 triệu USD, trong đó xuất khẩu 41 "
        "triệu USD.", title="Báo cáo", doc_date="2031-12-20") if f.part]
    assert said and all("địa," not in s for s in said), said
