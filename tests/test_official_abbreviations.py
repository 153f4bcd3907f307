"""Official initialisms match their full words both ways: a question writes "THCS", "NTM",
"BHXH", "ĐTNN" where a report writes "trung học cơ sở", "nông thôn mới", ...; a table writes
the initialism where the question writes the words (break-test bt9-b16 failure 5: "tỷ lệ tốt
nghiệp THPT năm 2078" was refused while "... trung học phổ thông ..." was answered).  One
table, rag.vi.lexicon.ABBREVIATIONS, read on both sides.  Other indicators and years than the
example."""

from __future__ import annotations

import pytest
from conftest import service_over_files

from rag.records import AskOptions
from rag.search.query import expand_abbreviations
from rag.service import RagService

DOCS = {
    "giaoduc_2097.txt": (
        "Báo cáo tình hình giáo dục năm 2097\n\n"
        "Tỷ lệ học sinh hoàn thành chương trình trung học cơ sở năm 2097 đạt 96,42%. "
        "Số trường trung học phổ thông năm 2097 là 37 trường.\n"),
    "xahoi_2098.txt": (
        "Báo cáo kinh tế - xã hội năm 2098\n\n"
        "Số người tham gia bảo hiểm xã hội năm 2098 là 61.275 người. "
        "Vốn đầu tư trực tiếp nước ngoài thực hiện năm 2098 đạt 84,6 triệu USD. "
        "Số xã đạt chuẩn nông thôn mới năm 2098 là 142 xã.\n"),
    "chitieu_2099.csv": (
        "Chỉ tiêu,Đơn vị tính,Năm 2099\n"
        "\"Số HTX thành lập mới\",HTX,29\n"
        "\"Số DN thành lập mới\",doanh nghiệp,412\n"
        "\"Tỷ lệ bao phủ BHYT\",%,\"93,8\"\n"),
}


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over_files(tmp_path_factory.mktemp("abbrev"), DOCS)


@pytest.mark.parametrize(("question", "expected"), [
    ("tỷ lệ học sinh hoàn thành chương trình THCS năm 2097", "96,42%"),
    ("số trường THPT năm 2097", "37"),
    ("so truong THPT nam 2097", "37"),
    ("số người tham gia BHXH năm 2098", "61.275"),
    ("vốn ĐTNN thực hiện năm 2098", "84,6"),
    ("số xã đạt chuẩn NTM năm 2098", "142"),
    # the table writes the initialism, the question the words
    ("số hợp tác xã thành lập mới năm 2099", "29"),
    ("số doanh nghiệp thành lập mới năm 2099", "412"),
    ("tỷ lệ bao phủ bảo hiểm y tế năm 2099", "93,8%"),
])
def test_an_initialism_matches_its_words(service: RagService, question: str,
                                         expected: str) -> None:
    a = service.ask(question, AskOptions())
    assert a.found and expected in a.answer, a.answer


@pytest.mark.parametrize(("text", "words"), [
    ("THPT", "trung học phổ thông"), ("thcs", "trung học cơ sở"), ("NTM", "nông thôn mới"),
    ("BHXH", "bảo hiểm xã hội"), ("ĐTNN", "đầu tư nước ngoài"), ("BHYT", "bảo hiểm y tế"),
    ("KCN", "khu công nghiệp"), ("XNK", "xuất nhập khẩu"),
])
def test_the_table_writes_them_out(text: str, words: str) -> None:
    assert words in expand_abbreviations(f"số liệu {text} năm 2099")


def test_a_documents_number_keeps_its_code() -> None:
    assert "12/KH-UBND" in expand_abbreviations("kế hoạch 12/KH-UBND về THPT")
