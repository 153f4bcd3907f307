"""Break-test bt20-b16 failures 3 and 4 (issue 16/17), fixed as kinds.

3. A per-unit average is one question however its basis is said: the report's "bình quân
   của một X" / "trung bình cho mỗi X" and the question's "bình quân một X", "bình quân mỗi
   X", "trung bình mỗi X", "bình quân trên một X" (rag.vi.lexicon BASIS_PATTERNS
   "per_unit"; rag.answer.figures per_unit_words / per_unit_unheld).
4. An amount with a unit that the question writes as part of what it asks ("đường dây
   110 kV", "trạm biến áp 220 kV") names a class and is never the answer; the figure whose
   clause names that class is (rag.answer.figures question_amounts / another_named_class).

Invented province, figures and years; other indicators and wordings than the break-test's."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import service_over_files

from rag.answer.figures import per_unit_words, question_amounts
from rag.records import AskOptions
from rag.service import RagService
from rag.vi.frames import extract

PU = ("Báo cáo ngành công nghiệp năm 2041\n\n"
      "Năng suất lao động bình quân của một lao động ngành chế biến năm 2041 đạt 412,6 "
      "triệu đồng.\n"
      "Chi phí vận chuyển trung bình cho mỗi container hàng xuất khẩu năm 2041 là 18,5 "
      "triệu đồng.\n"
      "Giá trị sản xuất ngành chế biến năm 2041 đạt 9.870,3 tỷ đồng.\n")
LD = ("Báo cáo phát triển lưới điện năm 2046\n\n"
      "Năm 2046, chiều dài đường dây cao thế cấp 220 kV đạt 415 km, cấp 110 kV đạt 862 km.\n"
      "Năm 2046, toàn tỉnh có 6 trạm biến áp 220 kV với tổng dung lượng 1.750 MVA và 19 "
      "trạm biến áp 110 kV với tổng dung lượng 2.480 MVA.\n")


@pytest.fixture(scope="module")
def pu(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over_files(tmp_path_factory.mktemp("pu"), {"pu.txt": PU})


@pytest.fixture(scope="module")
def ld(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over_files(tmp_path_factory.mktemp("ld"), {"ld.txt": LD})


@pytest.mark.parametrize(("sentence", "value"), [
    ("Năng suất bình quân của một lao động năm 2041 đạt 412,6 triệu đồng.", "412,6 triệu đồng"),
    ("Chi phí trung bình cho mỗi container năm 2041 là 18,5 triệu đồng.", "18,5 triệu đồng"),
    ("Doanh thu bình quân trên một cửa hàng năm 2041 đạt 2,7 tỷ đồng.", "2,7 tỷ đồng"),
])
def test_a_per_unit_basis_said_with_a_function_word(sentence: str, value: str) -> None:
    frames = {f.value: f for f in extract(sentence, "t", "2041-12-20")}
    assert "per_unit" in frames[value].basis


def test_per_unit_words_of_a_question() -> None:
    assert per_unit_words("chi phí trung bình trên mỗi container") == {"trung", "binh",
                                                                       "tren", "moi"}
    assert per_unit_words("lượt khách bình quân mỗi ngày") == frozenset()


@pytest.mark.parametrize(("question", "value"), [
    ("năng suất lao động bình quân một lao động ngành chế biến năm 2041", "412,6"),
    ("năng suất lao động bình quân mỗi lao động ngành chế biến năm 2041", "412,6"),
    ("năng suất lao động trung bình mỗi lao động ngành chế biến năm 2041", "412,6"),
    ("năng suất lao động bình quân trên một lao động ngành chế biến năm 2041", "412,6"),
    ("chi phí vận chuyển bình quân một container hàng xuất khẩu năm 2041", "18,5"),
    ("chi phí vận chuyển bình quân mỗi container hàng xuất khẩu năm 2041", "18,5"),
])
def test_a_per_unit_average_asked_without_the_reports_words(pu: RagService, question: str,
                                                            value: str) -> None:
    a = pu.ask(question, AskOptions(today=date(2042, 2, 1)))
    assert a.found and value in a.answer, a.answer


def test_amounts_a_question_names() -> None:
    assert question_amounts("số trạm biến áp 110 kV năm 2046") == {(110.0, None, "kv")}
    assert question_amounts("xuất khẩu 6 tháng năm 2046 tăng bao nhiêu %") == frozenset()


@pytest.mark.parametrize(("question", "value", "not_value"), [
    ("chiều dài đường dây 110 kV năm 2046", "862 km", "415"),
    ("chiều dài đường dây cao thế cấp 220 kV năm 2046", "415 km", "862"),
    ("số trạm biến áp 110 kV năm 2046", "19", "6 trạm"),
    ("số trạm biến áp 220 kV năm 2046", "6", "19"),
    ("tổng dung lượng trạm biến áp 110 kV năm 2046", "2.480", "1.750"),
])
def test_an_amount_in_the_asked_name_is_no_answer(ld: RagService, question: str, value: str,
                                                  not_value: str) -> None:
    a = ld.ask(question, AskOptions(today=date(2047, 2, 1)))
    assert a.found and a.answer.startswith(value) and "kV" not in a.answer, a.answer
    assert not_value not in a.answer
