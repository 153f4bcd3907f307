"""Answerable "who"/"where" questions over general articles are not refused (break-test bt24b,
session 51: both refused at confidence 1.0).

A name the clause equates with the role asked holds it, whatever second role its apposition
gives: "Trưởng ban tổ chức năm 2034 là ông Vì Văn Thắng, phó chủ tịch huyện" answers "Ai là
trưởng ban tổ chức ... năm 2034?" -- read as the ", phó chủ tịch huyện" after the name only,
the name held the asked role at another rank (rag.answer.candidates.role_said_fits).  And when
the sentence chooser's first pick fails the statement check (the article's lead, "(sinh năm
1931 tại Nam Định, mất năm 2034 tại Hà Nội)", lacking "qua đời"), its next pick that passes
answers ("Bà qua đời ngày 8 tháng 3 năm 2034 tại Hà Nội"; Answerer.statement_sentence's
``accept``).  Near misses: the deputy named is still no answer of the head asked."""

from __future__ import annotations

import pytest
from conftest import service_over_files

from rag.answer.candidates import Candidate, role_said_fits
from rag.answer.weights import AnswerWeights
from rag.records import AskOptions
from rag.service import RagService

FESTIVAL = "\n".join([
    "Lễ hội Hoa Sở Tà Lùng",
    "",
    "Lễ hội Hoa Sở Tà Lùng là lễ hội văn hóa truyền thống của đồng bào dân tộc Tày ở huyện "
    "Tà Lùng, được tổ chức vào tháng 11 hằng năm, khi hoa sở nở trắng đồi.",
    "",
    "Du lịch",
    "",
    "Lễ hội năm 2034 thu hút khoảng 38.000 lượt khách, tăng gần gấp đôi so với năm 2031. "
    "Doanh thu du lịch trong ba ngày lễ hội ước đạt 27 tỷ đồng.",
    "",
    "Ban tổ chức",
    "",
    "Lễ hội do Ủy ban nhân dân huyện Tà Lùng phối hợp với Sở Văn hóa, Thể thao và Du lịch "
    "tổ chức. Trưởng ban tổ chức năm 2034 là ông Hoàng Văn Thắng, phó chủ tịch huyện. Phó "
    "trưởng ban tổ chức năm 2034 là bà Nông Thị Lan, trưởng phòng văn hóa huyện.",
    ""])

SCIENTIST = "\n".join([
    "Đặng Thị Hòa (nhà sinh học)",
    "",
    "Đặng Thị Hòa (sinh năm 1961 tại Nam Định, mất năm 2034 tại Hà Nội) là một nhà sinh học "
    "người Việt Nam, được biết đến với các nghiên cứu về vi sinh vật đất.",
    "",
    "Sự nghiệp",
    "",
    "Năm 1995, bà thành lập Phòng thí nghiệm Vi sinh vật đất, phòng thí nghiệm đầu tiên ở "
    "Việt Nam chuyên về lĩnh vực này. Năm 2012, bà được phong học hàm giáo sư.",
    "",
    "Đời tư",
    "",
    "Bà kết hôn với kỹ sư cầu đường Phạm Minh Châu vào năm 1988; hai người có hai con trai. "
    "Bà qua đời ngày 8 tháng 3 năm 2034 tại Hà Nội, hưởng thọ 73 tuổi. Năm 2036, một con "
    "đường ở quận Cầu Giấy được đặt theo tên bà.",
    ""])


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over_files(tmp_path_factory.mktemp("equated"), {
        "le_hoi.txt": FESTIVAL, "nha_khoa_hoc.txt": SCIENTIST})


@pytest.mark.parametrize("question", [
    "Ai là trưởng ban tổ chức lễ hội Hoa Sở năm 2034?",
    "Trưởng ban tổ chức lễ hội Hoa Sở năm 2034 là ai?",
    "Năm 2034, ai làm trưởng ban tổ chức lễ hội Hoa Sở Tà Lùng?",
])
@pytest.mark.parametrize("mode", ["lexical", "hybrid"])
def test_the_role_equated_with_the_name(service: RagService, question: str, mode: str) -> None:
    a = service.ask(question, AskOptions(retrieval_mode=mode))
    assert a.found and "Hoàng Văn Thắng" in a.answer, (a.answer, a.confidence)


@pytest.mark.parametrize("question", [
    "Đặng Thị Hòa qua đời ở đâu?",
    "Bà Đặng Thị Hòa qua đời tại đâu?",
    "Nhà sinh học Đặng Thị Hòa qua đời ở thành phố nào?",
])
def test_the_next_sentence_passing_the_check(service: RagService, question: str) -> None:
    a = service.ask(question, AskOptions(retrieval_mode="hybrid"))
    assert a.found and "Hà Nội" in a.answer, (a.answer, a.confidence)


@pytest.mark.parametrize("question", [
    "Đặng Thị Hòa qua đời ở đâu?",
    "Bà Đặng Thị Hòa qua đời tại đâu?",
    "Đặng Thị Hòa qua đời tại thành phố nào?",
])
def test_the_check_refusing_the_first_pick(service: RagService, question: str,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    # the statement check as the real embedder's ranking made it read (bt24b): the lead's "mất
    # năm 2034 tại Hà Nội" refused for lacking "qua đời" -- the sentence that writes it answers
    from rag.answer.answerer import Answerer

    checked = Answerer.answers

    def answers(self, intent, hits, found, *args):  # type: ignore[no-untyped-def]
        return "(sinh năm" not in found[2].text and checked(self, intent, hits, found, *args)

    monkeypatch.setattr(Answerer, "answers", answers)
    a = service.ask(question, AskOptions(retrieval_mode="lexical"))
    assert a.found and "qua đời ngày 8 tháng 3 năm 2034 tại Hà Nội" in a.answer, \
        (a.answer, a.confidence)


def _name(sentence: str, name: str) -> Candidate:
    start = sentence.index(name)
    return Candidate("name", name, start, start + len(name), "")


@pytest.mark.parametrize("question, sentence, name, fits", [
    ("Ai là trưởng ban tổ chức?", "Trưởng ban tổ chức năm 2034 là ông Lê Văn An, phó chủ tịch "
     "huyện.", "Lê Văn An", True),
    ("Ai là Giám đốc Sở?", "Giám đốc Sở năm 2034 là bà Lê Thị Hà, nguyên Phó Chủ tịch huyện.",
     "Lê Thị Hà", True),
    # the deputy equated is still no head; the head's apposition after a comma is no equation
    ("Ai là Giám đốc Sở?", "Phó Giám đốc Sở năm 2034 là ông Lê Văn An, ủy viên.", "Lê Văn An",
     False),
    ("Ai là Giám đốc Sở?", "Giám đốc Sở cho biết, ông Lê Văn An, Phó Giám đốc Sở, dự.",
     "Lê Văn An", False),
])
def test_role_equated_fits(question: str, sentence: str, name: str, fits: bool) -> None:
    assert role_said_fits(question, sentence, _name(sentence, name), AnswerWeights()) is fits
