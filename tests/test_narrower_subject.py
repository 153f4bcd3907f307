"""A question naming a narrower or another thing than a figure counts (issue 16/17, break-test
bt24-b16 failure 3): its words right after those it shares with the figure's indicator name a
disease, a crop, a kind of an animal, a product ("số ca mắc tay chân miệng" of a report with
"Số ca mắc sốt xuất huyết" and "Số ca mắc thủy đậu"; "diện tích cây hồi" of "Tổng diện tích
cây lâu năm"; "đàn bò sữa" of "Tổng đàn bò"; "xuất khẩu cao su" of "Kim ngạch xuất khẩu nông
sản") that neither the indicator nor its line carries: no answer, neither the sibling's
figure nor the whole's.  The subject the report does state is still answered, as is a
question whose added words are a place, a period, a verb or a basis.

Wordings, indicators, periods and numbers differ from the break-test's example."""

from __future__ import annotations

import pytest
from conftest import service_over

from rag.records import AskOptions
from rag.service import RagService

HEALTH = (
    "Số ca mắc sốt xuất huyết năm 2041 là 2.318 ca, giảm 12,4% so với năm 2040.\n"
    "Số ca mắc thủy đậu năm 2041 là 486 ca.\n"
    "Số giường bệnh năm 2041 là 4.150 giường.\n")
FARM = (
    "Tổng diện tích cây lâu năm của tỉnh năm 2041 đạt 96.420 ha, tăng 2,1% so với năm 2040.\n"
    "Tổng đàn bò năm 2041 có 73.600 con; đàn trâu 41.280 con.\n"
    "Sản lượng thịt hơi xuất chuồng năm 2041 đạt 61.900 tấn.\n")
TRADE = (
    "Kim ngạch xuất khẩu nông sản 6 tháng đầu năm 2041 ước đạt 318,5 triệu USD, tăng 8,7% so "
    "với cùng kỳ.\n"
    "Kim ngạch nhập khẩu máy móc thiết bị 6 tháng đầu năm 2041 đạt 142,3 triệu USD.\n")
DOCS = [
    {"id": "yte-2041", "title": "Báo cáo tình hình y tế năm 2041", "date": "2041-12-26",
     "text": HEALTH},
    {"id": "nn-2041", "title": "Báo cáo sản xuất nông nghiệp năm 2041", "date": "2041-12-20",
     "text": FARM},
    {"id": "ct-6t-2041", "title": "Báo cáo xuất nhập khẩu 6 tháng đầu năm 2041",
     "date": "2041-07-05", "text": TRADE},
]


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over(tmp_path_factory.mktemp("narrower_subject"), DOCS)


def ask(service: RagService, question: str):  # noqa: ANN201
    return service.ask(question, AskOptions(retrieval_mode="lexical"))


@pytest.mark.parametrize(("question", "other"), [
    ("số ca mắc tay chân miệng năm 2041 là bao nhiêu?", ("2.318", "486")),
    ("năm 2041 có bao nhiêu ca mắc sởi?", ("2.318", "486")),
    ("diện tích cây hồi năm 2041 bao nhiêu ha?", ("96.420",)),
    ("diện tích cây quế của tỉnh năm 2041", ("96.420",)),
    ("tổng đàn bò sữa năm 2041 có bao nhiêu con?", ("73.600",)),
    ("kim ngạch xuất khẩu cao su 6 tháng đầu năm 2041", ("318,5",)),
    ("kim ngạch nhập khẩu phân bón 6 tháng đầu năm 2041", ("142,3",)),
])
def test_a_narrower_or_other_subject_is_not_answered_by_its_sibling_or_whole(
        service: RagService, question: str, other: tuple[str, ...]) -> None:
    answer = ask(service, question)
    assert not answer.found, (question, answer.answer)
    assert not any(o in answer.answer for o in other), answer.answer


@pytest.mark.parametrize(("question", "expected"), [
    ("số ca mắc sốt xuất huyết năm 2041 là bao nhiêu?", "2.318 ca"),
    ("năm 2041 có bao nhiêu ca mắc thủy đậu?", "486 ca"),
    ("so ca mac thuy dau nam 2041", "486 ca"),
    ("số ca mắc sốt xuất huyết toàn tỉnh năm 2041", "2.318 ca"),
    ("tổng diện tích cây lâu năm năm 2041", "96.420 ha"),
    ("diện tích cây lâu năm của tỉnh năm 2041 là bao nhiêu?", "96.420 ha"),
    ("tổng đàn bò năm 2041", "73.600 con"),
    # a determiner before a time word ends the subject: "cả năm", "từng năm" name no thing
    ("tổng đàn bò cả năm 2041 là bao nhiêu?", "73.600 con"),
    ("số giường bệnh từng năm, năm 2041", "4.150 giường"),
    ("kim ngạch xuất khẩu nông sản 6 tháng đầu năm 2041", "318,5 triệu USD"),
    ("kim ngạch nhập khẩu máy móc thiết bị 6 tháng đầu năm 2041", "142,3 triệu USD"),
])
def test_the_subject_the_report_states_is_answered(
        service: RagService, question: str, expected: str) -> None:
    answer = ask(service, question)
    assert answer.found, (question, answer.answer)
    assert expected in answer.answer, answer.answer
