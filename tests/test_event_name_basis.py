"""An event's "quốc tế" is its name, not the international basis (issue 17).

dev3 r18-q43: "hội chợ thương mại quốc tế Việt - Trung 2075 có bao nhiêu gian hàng nước
ngoài?" was refused at 0.86 once the basis words of a question counted as a figure's heading
(session 39, twoparts2): the fair's "quốc tế" was read as the international basis
(rag.vi.lexicon.BASIS_PATTERNS), as "cửa khẩu quốc tế" is not.  Other events (triển lãm,
hội nghị, diễn đàn), other counts; near-misses: "khách quốc tế" and "vốn nước ngoài" are still
the international basis, and a tourism question asking it still gets the international part.
Left open: the fair's figures asked by its full name are still refused by the fitted scorer
(their naming words stand in the title only), as they were on base."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import service_over_files

from rag.answer.figures import basis_words
from rag.records import AskOptions
from rag.service import RagService
from rag.vi.text import fold

FAIR = ("BÁO BẮC VÂN — 20/11/2080\n"
        "Bế mạc Hội chợ Thương mại quốc tế Việt - Lào (Bắc Vân) năm 2080\n\n"
        "Chiều 19/11, Sở Công Thương tỉnh Bắc Vân tổ chức bế mạc Hội chợ Thương mại quốc tế "
        "Việt - Lào (Bắc Vân) năm 2080.\n"
        "Từ ngày 14 đến 19/11/2080, hội chợ quy tụ 318 doanh nghiệp với 540 gian hàng, trong "
        "đó 146 gian hàng của doanh nghiệp nước ngoài đến từ Lào, Thái Lan và Hàn Quốc.\n")
TOURISM = ("BÁO CÁO DU LỊCH TỈNH BẮC VÂN NĂM 2080\n\n"
           "Năm 2080, toàn tỉnh đón 3,12 triệu lượt khách du lịch, trong đó khách quốc tế đạt "
           "412.000 lượt.\n")


@pytest.mark.parametrize("question", [
    "hội chợ thương mại quốc tế Việt - Lào 2080 có bao nhiêu gian hàng?",
    "Triển lãm quốc tế hàng công nghiệp 2080 có bao nhiêu doanh nghiệp tham gia?",
    "Hội nghị quốc tế về xúc tiến đầu tư năm 2080 thu hút bao nhiêu đại biểu?",
    "Diễn đàn quốc tế logistics 2080 có bao nhiêu doanh nghiệp?",
])
def test_an_events_name_is_no_basis(question: str) -> None:
    assert "international" not in basis_words(fold(question).lower())


@pytest.mark.parametrize("question", [
    "Lượng khách quốc tế đến tỉnh năm 2080?",
    "hội chợ năm 2080 có bao nhiêu gian hàng nước ngoài?",
    "vốn đầu tư nước ngoài năm 2080 đạt bao nhiêu?",
    "kim ngạch qua cửa khẩu quốc tế Hữu Nghị và hàng quốc tế",
])
def test_the_international_basis_still_read(question: str) -> None:
    assert "international" in basis_words(fold(question).lower())


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over_files(tmp_path_factory.mktemp("event_basis"), {
        "tin_hoi_cho_2080.txt": FAIR, "du_lich_2080.txt": TOURISM})


def _ask(service: RagService, question: str):  # type: ignore[no-untyped-def]
    return service.ask(question, AskOptions(retrieval_mode="lexical", today=date(2080, 12, 10)))


def test_the_international_part_still_answers(service: RagService) -> None:
    # near-miss: the international visitors are still the part asked, not the total
    a = _ask(service, "Năm 2080 tỉnh đón bao nhiêu lượt khách quốc tế?")
    assert a.found and "412.000" in a.answer and "3,12" not in a.answer, a.answer


def test_a_fairs_count_asked_by_its_name_is_not_read_on_a_basis(service: RagService) -> None:
    # the fair's stalls asked by its full name: whatever the answer, no refusal naming the
    # international basis, and never the visitors' figure of the other report
    a = _ask(service, "hội chợ thương mại quốc tế Việt - Lào 2080 có bao nhiêu gian hàng?")
    assert "412.000" not in a.answer, a.answer
