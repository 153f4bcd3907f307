"""A year asked of text that states no time at all (issue 18): an encyclopaedia article, a
profile -- no year in the sentence nor its passage, and no document date.  Such text is of
no other year, so a statement question naming a year ("... năm 2015?") is answered from it
(and the "bao nhiêu" sentence fallback reads it so); text that does state a time (a dated
report, a passage naming another year) keeps the year rule.  Before, these were refused
(XQuAD-vi dev: "Ai dẫn đầu số lần húc của Panthers năm 2015?")."""

from __future__ import annotations

import pytest
from conftest import service_over

from rag.records import AskOptions
from rag.service import RagService

DOCS = [
    {"id": "doi-bong", "title": "Câu lạc bộ bóng đá Sông Lam",
     "text": ("Hàng thủ của Sông Lam chỉ để thủng lưới 19 bàn trong mùa giải. "
              "Tiền đạo Lê Văn Khoa dẫn đầu đội về số bàn thắng với 14 bàn, còn thủ môn "
              "Trần Hữu Nghĩa giữ sạch lưới 11 trận. Đội bóng được thành lập ở Vinh.")},
    {"id": "bao-cao", "title": "Báo cáo hoạt động câu lạc bộ Hòa Bình", "date": "2023-12-20",
     "text": ("Tiền vệ Phạm Quốc Bảo dẫn đầu câu lạc bộ Hòa Bình về số đường chuyền "
              "thành bàn với 9 lần. Câu lạc bộ tổ chức 4 buổi giao lưu với người hâm mộ.")},
    # the corpus writes the asked year somewhere (a year no text writes is refused before
    # any passage is read: rag.service.questions)
    {"id": "san-van-dong", "title": "Sân vận động Vinh",
     "text": "Sân vận động Vinh được cải tạo năm 2019 với sức chứa 18.000 chỗ ngồi."},
]


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over(tmp_path_factory.mktemp("undated"), DOCS)


@pytest.mark.parametrize(("question", "said"), [
    ("Ai dẫn đầu Sông Lam về số bàn thắng năm 2019?", "Lê Văn Khoa"),
    ("Năm 2019, thủ môn nào của Sông Lam giữ sạch lưới?", "Trần Hữu Nghĩa"),
    ("Đội bóng nào có tiền đạo Lê Văn Khoa vào năm 2019?", "Lê Văn Khoa"),
])
def test_a_year_asked_of_undated_text_is_answered(service: RagService, question: str,
                                                  said: str) -> None:
    answer = service.ask(question, AskOptions(retrieval_mode="lexical"))
    assert answer.found, answer.answer
    assert said in (answer.answer_sentence or "")


@pytest.mark.parametrize("question", [
    # a dated report (2023) is of its year: another year asked is refused as before
    "Ai dẫn đầu câu lạc bộ Hòa Bình về số đường chuyền thành bàn năm 2019?",
    "Câu lạc bộ Hòa Bình tổ chức bao nhiêu buổi giao lưu với người hâm mộ năm 2019?",
])
def test_a_year_asked_of_dated_text_keeps_the_year_rule(service: RagService,
                                                        question: str) -> None:
    assert not service.ask(question, AskOptions(retrieval_mode="lexical")).found
