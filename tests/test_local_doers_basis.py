"""A trade figure of the province's own traders named by "do (các) doanh nghiệp trên địa bàn
tỉnh thực hiện" is on the local goods' basis, as "của (các) doanh nghiệp trong tỉnh" is
(rag.vi.lexicon.BASIS_PATTERNS "local_goods"): narrower than the total through the province,
which a question naming no basis asks for.  Read on no basis, "Kim ngạch xuất nhập khẩu do
doanh nghiệp trên địa bàn tỉnh thực hiện 5 tháng ước đạt 418,3 triệu USD" answered "Kim ngạch
xuất nhập khẩu 5 tháng 2043 bao nhiêu?" at 1.00 over the headline "tổng kim ngạch XNK qua địa
bàn ... 2.874,9 triệu USD" (break-test bt26 kind 1, session 53).  Near misses: the doers
asked keep their figure; "do doanh nghiệp" as a cause after a change names no doer."""

from __future__ import annotations

import pytest
from conftest import service_over

from rag.records import AskOptions
from rag.service import RagService
from rag.vi.frames import extract

REPORT = (
    "BÁO CÁO\nTình hình kinh tế - xã hội tháng 7 và 7 tháng năm 2038\n\n"
    "3. Xuất, nhập khẩu\n"
    "Tổng kim ngạch xuất nhập khẩu hàng hóa qua địa bàn tỉnh tháng 7/2038 ước đạt 538,1 triệu "
    "USD, tăng 4,2% so với tháng trước. Tính chung 7 tháng năm 2038, tổng kim ngạch XNK qua "
    "địa bàn ước đạt 3.516,4 triệu USD, tăng 11,3% so với cùng kỳ năm 2037; trong đó KNXK ước "
    "đạt 1.482,6 triệu USD; kim ngạch nhập khẩu ước đạt 2.033,8 triệu USD.\n"
    "Kim ngạch xuất nhập khẩu do các doanh nghiệp trên địa bàn tỉnh thực hiện 7 tháng ước đạt "
    "527,9 triệu USD, tăng 3,4% so với cùng kỳ.\n\n"
    "4. Thu ngân sách\n"
    "Thu ngân sách nhà nước trên địa bàn 7 tháng năm 2038 ước đạt 5.204,7 tỷ đồng.\n")
CAUSE = (
    "Tháng 8/2038, kim ngạch xuất khẩu của tỉnh đạt 212,5 triệu USD, giảm 6,1% do doanh "
    "nghiệp trong tỉnh thiếu đơn hàng.\n")
DOCS = [
    {"id": "ktxh-t7-2038", "title": "Tình hình kinh tế - xã hội tháng 7 năm 2038",
     "date": "2038-07-28", "text": REPORT},
]


def test_the_doers_name_the_local_basis() -> None:
    frames = extract(REPORT, "Tình hình kinh tế - xã hội", "2038-07-28")
    local = next(f for f in frames if f.value.startswith("527,9"))
    assert "local_goods" in local.basis
    total = next(f for f in frames if f.value.startswith("3.516,4"))
    assert not total.basis
    # a cause after the change is no doer of the trade
    frames = extract(CAUSE, "Tin tháng 8", "2038-09-02")
    assert not any(f.basis for f in frames if f.value.startswith("212,5"))


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over(tmp_path_factory.mktemp("local_doers_basis"), DOCS)


def ask(service: RagService, question: str):  # noqa: ANN201
    return service.ask(question, AskOptions(retrieval_mode="lexical"))


@pytest.mark.parametrize("question", [
    "Kim ngạch xuất nhập khẩu 7 tháng 2038 bao nhiêu?",
    "Tổng kim ngạch xuất nhập khẩu 7 tháng năm 2038?",
    "Kim ngạch XNK 7 tháng năm 2038 đạt bao nhiêu?",
])
def test_the_plain_total_answers_no_basis_asked(service: RagService, question: str) -> None:
    a = ask(service, question)
    assert a.found and "3.516,4" in a.answer, (a.answer, a.summary)


def test_both_periods_take_the_plain_total(service: RagService) -> None:
    a = ask(service, "Kim ngạch xuất nhập khẩu tháng 7 và 7 tháng năm 2038 đạt bao nhiêu?")
    assert "538,1" in a.answer and "3.516,4" in a.answer, a.answer
    assert "527,9" not in a.answer, a.answer


@pytest.mark.parametrize("question", [
    "Kim ngạch xuất nhập khẩu do doanh nghiệp trên địa bàn tỉnh thực hiện 7 tháng 2038?",
    "Kim ngạch xuất nhập khẩu của các doanh nghiệp trong tỉnh 7 tháng năm 2038?",
])
def test_the_local_traders_asked_keep_theirs(service: RagService, question: str) -> None:
    a = ask(service, question)
    assert a.found and "527,9" in a.answer, (a.answer, a.summary)
