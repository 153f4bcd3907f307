"""A "who" question is answered by the person named, never by the office written after the
name: "Bà Lương Thị Mai, Chánh Văn phòng UBND tỉnh chủ trì buổi họp báo" asked "Ai chủ trì
...?" was answered "Chánh Văn" at 0.94 (break-test bt26 b070): the capitalised run of an
office's title ("Chánh Văn phòng", "Chánh Thanh tra", "Trưởng Ban ...") was read as a name
because the "Bà" of the name before it stood within reach.  A run opening with an office's
title is an office, a name only when a person's name ends it
(rag.answer.candidates._TITLE_HEAD_RE); "Chánh Văn phòng/Thanh tra/án" is a role written
beside a name (_ROLE_RE), so a name written after that title ("Chánh Thanh tra tỉnh Nông Văn
Hiếu", where main answered the whole sentence) is the answer.  Invented documents."""

from __future__ import annotations

import pytest
from conftest import service_over_files

from rag.answer.candidates import candidates
from rag.records import AskOptions
from rag.service import RagService

NEWS = "\n".join([
    "Họp báo cung cấp thông tin quý III năm 2087",
    "",
    "Chiều ngày 9/10/2087, tại trụ sở UBND tỉnh, Văn phòng UBND tỉnh phối hợp với Sở Thông "
    "tin và Truyền thông tổ chức họp báo định kỳ quý III năm 2087. Bà Hoàng Thị Duyên, Chánh "
    "Văn phòng UBND tỉnh chủ trì buổi họp báo.",
    "",
    "Phát biểu tại họp báo, ông Lộc Văn Khải, Phó Giám đốc Sở Công Thương cho biết kim ngạch "
    "xuất nhập khẩu quý III ước đạt 1.905,2 triệu USD.",
    "",
    "Ông Đinh Quang Hưng, Chánh Thanh tra Sở Công Thương thông tin về kết quả thanh tra thị "
    "trường xăng dầu.",
    "",
    "Cùng ngày, Chánh Thanh tra tỉnh Nông Văn Hiếu công bố kết luận thanh tra dự án chợ "
    "đầu mối.",
    ""])


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over_files(tmp_path_factory.mktemp("role_title"),
                              {"hop-bao-quy3-2087.txt": NEWS})


@pytest.mark.parametrize(("question", "person"), [
    ("Ai chủ trì buổi họp báo quý III năm 2087?", "Hoàng Thị Duyên"),
    ("Ai thông tin về kết quả thanh tra thị trường xăng dầu?", "Đinh Quang Hưng"),
    # the name after the title
    ("Ai công bố kết luận thanh tra dự án chợ đầu mối?", "Nông Văn Hiếu"),
])
def test_person_not_title(service: RagService, question: str, person: str) -> None:
    answer = service.ask(question, AskOptions(retrieval_mode="lexical"))
    assert answer.found and answer.answer == person, (answer.answer, answer.answer_sentence)


def test_title_run_is_no_name() -> None:
    names = [c.text for c in candidates(
        "Bà Hoàng Thị Duyên, Chánh Văn phòng UBND tỉnh chủ trì buổi họp báo.") if c.kind == "name"]
    assert names == ["Hoàng Thị Duyên"]
