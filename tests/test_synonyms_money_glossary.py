"""Issue 17, break-test bt9-b17 failures 1, 5 and 2 (kinds, not the examples):

- 1: Vietnamese synonyms of an indicator's words match either way: a report's "khách nước
  ngoài" answers "khách quốc tế", its "khách quốc tế" answers "khách nước ngoài", "khách nội
  địa" answers "khách trong nước", "trái cây" answers "hoa quả" (rag.vi.lexicon.SYNONYMS).
- 5: "bao nhiêu tiền" asks money: "tiền" is neither the unit asked nor a word the figure's
  indicator must hold ("giá ... bao nhiêu tiền một lít?").
- 2: English words for consumer goods and visitors ("ready-made clothes", "footwear",
  "foreign", "overnight guests") are in the glossary; "how many foreign visitors" counts
  visitors; "was produced" of a product named by its row alone asks that row's quantity,
  of the asked period -- but not a row that is another kind of it ("điện thương phẩm" is
  no electricity produced).

Wordings, indicators, periods and numbers differ from the break-test's examples."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import service_over

from rag.records import AskOptions
from rag.service import RagService

TOURISM = (
    "Du lịch: Quý III/2061, tổng lượt khách đến tỉnh đạt 2,84 triệu lượt, tăng 6,2%; trong đó "
    "khách quốc tế 118,4 nghìn lượt, tăng 15,3%. Khách nội địa đạt 2,72 triệu lượt.\n"
    "Lưu trú: 9 tháng, cơ sở lưu trú đón 736 nghìn lượt khách, trong đó khách nước ngoài "
    "64,9 nghìn lượt, tăng 9,6%.\n")
TRADE = (
    "Xuất khẩu trái cây tươi 9 tháng năm 2061 đạt 487 triệu USD, tăng 12,4%. Giá xăng E5 "
    "RON92 tháng 9 ở mức 24.150 đồng/lít. Giá dưa hấu tại chợ đầu mối 9.000 - 12.000 "
    "đồng/kg.\n")
INDUSTRY = (
    "Sản phẩm công nghiệp chủ yếu tháng 9: Giày dép 3,18 triệu đôi; Quần áo may sẵn 7,46 "
    "triệu cái; Gạch nung 61,2 triệu viên; Điện thương phẩm 402 triệu kWh. Tính chung 9 "
    "tháng, gạch nung 498,5 triệu viên, tăng 2,7%; quần áo may sẵn 58,3 triệu cái.\n")
DOCS = [{"id": "dl-9-2061", "title": "Tình hình du lịch 9 tháng năm 2061",
         "date": "2061-10-02", "text": TOURISM},
        {"id": "tm-9-2061", "title": "Thương mại, giá cả tháng 9 năm 2061",
         "date": "2061-10-03", "text": TRADE},
        {"id": "cn-9-2061", "title": "Sản xuất công nghiệp tháng 9 và 9 tháng năm 2061",
         "date": "2061-10-01", "text": INDUSTRY}]


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over(tmp_path_factory.mktemp("synonyms_money_glossary"), DOCS)


def ask(service: RagService, question: str):  # noqa: ANN201
    return service.ask(question, AskOptions(retrieval_mode="lexical", today=date(2061, 10, 20)))


def test_synonym_variants_both_ways() -> None:
    from rag.vi.lexicon import synonym_variants

    assert synonym_variants("Khách nước ngoài") == ["khach quoc te"]
    assert synonym_variants("khách quốc tế") == ["khach nuoc ngoai"]
    assert synonym_variants("thu nội địa") == ["thu trong nuoc"]
    assert synonym_variants("xi măng") == []


@pytest.mark.parametrize(("question", "expected"), [
    # the report writes "khách nước ngoài", the question "quốc tế"
    ("khách quốc tế đến cơ sở lưu trú 9 tháng 2061?", "64,9 nghìn lượt"),
    ("lượt khách quốc tế lưu trú 9 tháng năm 2061 tăng bao nhiêu %?", "9,6%"),
    # the report writes "khách quốc tế", the question "nước ngoài"
    ("khách nước ngoài đến tỉnh quý III/2061?", "118,4 nghìn lượt"),
    ("khách trong nước quý III/2061 đạt bao nhiêu?", "2,72 triệu lượt"),
    ("xuất khẩu hoa quả tươi 9 tháng 2061?", "487 triệu USD"),
    # as written, as before
    ("khách nước ngoài lưu trú 9 tháng 2061?", "64,9 nghìn lượt"),
    ("khách quốc tế quý III/2061?", "118,4 nghìn lượt"),
])
def test_synonyms_of_an_indicator_match_either_way(service: RagService, question: str,
                                                  expected: str) -> None:
    answer = ask(service, question)
    assert answer.found and answer.answer == expected, (answer.answer, answer.summary)


@pytest.mark.parametrize(("question", "expected"), [
    ("giá xăng E5 RON92 tháng 9/2061 bao nhiêu tiền một lít?", "24.150 đồng/lít"),
    ("giá dưa hấu bao nhiêu tiền 1 kg?", "9.000 - 12.000 đồng/kg"),
    ("giá dưa hấu bao nhiêu tiền?", "9.000 - 12.000 đồng/kg"),
])
def test_bao_nhieu_tien_asks_money(service: RagService, question: str, expected: str) -> None:
    answer = ask(service, question)
    assert answer.found and answer.answer == expected, (answer.answer, answer.summary)


@pytest.mark.parametrize(("question", "expected"), [
    ("How much footwear was produced in September 2061?", "3,18 triệu đôi"),
    ("How many ready-made clothes were produced in September 2061?", "7,46 triệu cái"),
    ("What was clothing output in the first 9 months of 2061?", "58,3 triệu cái"),
    ("How many foreign overnight guests were there in the first 9 months of 2061?",
     "64,9 nghìn lượt"),
    ("How many international visitors came in the third quarter of 2061?", "118,4 nghìn lượt"),
    ("How much did the number of foreign guests grow in the first 9 months of 2061?", "9,6%"),
    ("What was fired brick output in the first 9 months of 2061?", "498,5 triệu viên"),
])
def test_english_goods_and_visitors(service: RagService, question: str, expected: str) -> None:
    answer = ask(service, question)
    assert answer.found and answer.answer == expected, (answer.answer, answer.summary)


def test_produced_is_no_other_kind_of_the_product(service: RagService) -> None:
    answer = ask(service, "How much electricity was produced in September 2061?")
    assert not answer.found or answer.answer != "402 triệu kWh", (answer.answer, answer.summary)
