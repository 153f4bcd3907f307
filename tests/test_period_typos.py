"""Period words typed with a letter left out, changed, added or swapped ("thág", "thnág",
"qý", "nm", "ngy") or without their tone ("thang", "nam", "quy", "qúy") are read as the
period when a number stands as the period's next to them; a word the corpus writes ("than",
"qua") is left as typed.  Reports written for these tests, in the shape of issue 17's
closing break-test ("tổng mức bán lẽ 8 thág năm 2028" answered for the whole year)."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import service_over

from rag.records import AskOptions
from rag.service import RagService
from rag.vi.asked import question_periods
from rag.vi.spell import period_typos

DOCS = [
    {"id": "ban-le", "title": "Thương mại 8 tháng năm 2028", "date": "2028-09-05",
     "text": "Tháng 8/2028, tổng mức bán lẻ hàng hóa ước đạt 3.240 tỷ đồng. Tính chung 8 "
             "tháng năm 2028, tổng mức bán lẻ hàng hóa ước đạt 25.610 tỷ đồng. Năm 2027, tổng "
             "mức bán lẻ hàng hóa đạt 36.900 tỷ đồng. 6 tháng đầu năm 2028, tổng mức bán lẻ "
             "hàng hóa đạt 19.050 tỷ đồng."},
    {"id": "xnk", "title": "Xuất nhập khẩu quý I năm 2029", "date": "2029-04-05",
     "text": "Quý I/2029, kim ngạch xuất nhập khẩu qua địa bàn đạt 1.720 triệu USD. Năm 2028, "
             "kim ngạch xuất nhập khẩu qua địa bàn đạt 6.850 triệu USD. Sản lượng than khai "
             "thác 8 tháng năm 2028 đạt 310 nghìn tấn, tăng qua 3 năm liền."},
]


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over(tmp_path_factory.mktemp("period-typos"), DOCS)


@pytest.mark.parametrize(("typed", "label"), [
    ("tổng mức bán lẻ 8 thág năm 2028", "8 tháng năm 2028"),
    ("tổng mức bán lẻ 6 thág đầu năm 2028", "6 tháng đầu năm 2028"),
    ("tổng mức bán lẻ thág 8/2028", "tháng 8/2028"),
    ("kim ngạch xuất khẩu 9 thnág 2028", "9 tháng năm 2028"),
    ("kim ngạch qý I 2029", "quý I/2029"),
    ("kim ngạch tháng 8 nm 2028", "tháng 8/2028"),
    ("số xe ngy 15/12/2028", "ngày 15/12/2028"),
    ("tong muc ban le 8 thag nam 2028", "8 tháng năm 2028"),
])
def test_a_period_word_one_edit_away_is_read_as_the_period(typed: str, label: str) -> None:
    fixed = period_typos(typed)
    assert [p.label for p in question_periods(fixed, date(2029, 8, 1)).periods] == [label]


@pytest.mark.parametrize("question", [
    "sản lượng than 8 tháng năm 2028",  # coal, not a month
    "sản lượng than khai thác tăng qua 3 năm",
])
def test_a_word_the_corpus_writes_is_no_typo(question: str) -> None:
    assert period_typos(question, lambda w: w in {"than", "qua"}) == question


@pytest.mark.parametrize(("question", "expected"), [
    ("tổng mức bán lẽ 8 thág năm 2028 bao nhieu", "25.610 tỷ đồng"),
    ("tổng mức bán lẻ thág 8 năm 2028", "3.240 tỷ đồng"),
    ("tổng mức bán lẻ 6 thág đầu năm 2028", "19.050 tỷ đồng"),
    ("tổng mức bán lẻ 8 thang nam 2028", "25.610 tỷ đồng"),
    ("kim ngạch xuất nhập khẩu qúy I năm 2029", "1.720 triệu USD"),
    ("kim ngạch xuất nhập khẩu quy 1 2029", "1.720 triệu USD"),
    ("kim ngạch xuất nhập khẩu qý I/2029", "1.720 triệu USD"),
    ("kim ngạch xuất nhập khẩu nm 2028", "6.850 triệu USD"),
    ("sản lượng than khai thác 8 tháng năm 2028", "310 nghìn tấn"),
])
def test_typed_period_words_answer_their_period(service: RagService, question: str,
                                                expected: str) -> None:
    reply = service.ask(question, AskOptions(retrieval_mode="lexical", today=date(2029, 8, 1)))
    assert reply.found and reply.answer.startswith(expected), (reply.answer,
                                                              reply.resolved_question)
