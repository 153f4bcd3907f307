"""A rank question naming its scope takes the rank of that scope: "trong vùng", "khu vực" the
rank among a region's provinces ("thứ 4/14 tỉnh trung du và miền núi phía Bắc"), "cả nước",
"toàn quốc" the rank in the country ("thứ 19/63 cả nước") -- a region's words are held by
the region the sentence names (rag.answer.figures.rank_scope_of; break-test s46 bt17w: "GRDP
quý 1 2076 xếp thứ mấy trong vùng?" was refused over "xếp thứ 5/14 tỉnh trung du và miền
núi phía Bắc")."""

from __future__ import annotations

import pytest
from conftest import service_over_files

from rag.answer.figures import rank_scope_asked, rank_scope_of
from rag.records import AskOptions
from rag.service import RagService

REPORT = ("Họp báo kinh tế - xã hội năm 2088\n(05/01/2089)\n\n"
          "Tốc độ tăng trưởng GRDP năm 2088 đạt 7,2%, đứng thứ 4/14 tỉnh trung du và miền núi "
          "phía Bắc; chỉ số PCI năm 2088 xếp thứ 19/63 cả nước.\n\n"
          "GRDP quý I/2089 ước tăng 6,1%, xếp thứ 6/14 tỉnh miền núi phía Bắc.\n\n"
          "Kim ngạch xuất khẩu năm 2088 tăng 11,3%, xếp thứ 3/14 tỉnh vùng Trung du và miền núi "
          "phía Bắc và thứ 27/63 tỉnh, thành phố trong cả nước.\n")


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over_files(tmp_path_factory.mktemp("rank"), {"hop-bao-2088.txt": REPORT})


@pytest.mark.parametrize(("question", "value"), [
    ("Tăng trưởng GRDP năm 2088 xếp thứ mấy trong vùng?", "4/14"),
    ("GRDP năm 2088 đứng thứ mấy khu vực?", "4/14"),
    ("Chỉ số PCI năm 2088 xếp thứ mấy cả nước?", "19/63"),
    ("GRDP quý 1 2089 xếp thứ mấy trong vùng?", "6/14"),
    ("Chỉ số PCI năm 2088 xếp thứ mấy?", "19/63"),
    # two scopes in one sentence: each rank's own (dev-reports d127's shape)
    ("Kim ngạch xuất khẩu năm 2088 xếp thứ mấy trong vùng?", "3/14"),
    ("Kim ngạch xuất khẩu năm 2088 xếp thứ mấy cả nước?", "27/63"),
])
def test_the_scope_asked_is_held(service: RagService, question: str, value: str) -> None:
    answer = service.ask(question, AskOptions(retrieval_mode="lexical"))
    assert answer.found and value in answer.answer, (answer.answer, answer.summary)


def test_another_scope_is_no_rank_asked(service: RagService) -> None:
    answer = service.ask("Tăng trưởng GRDP năm 2088 xếp thứ mấy cả nước?",
                         AskOptions(retrieval_mode="lexical"))
    assert not (answer.figure is not None and answer.figure.value.startswith("4/14")), \
        answer.answer


def test_scopes_read() -> None:
    assert rank_scope_asked("grdp xep thu may trong vung") == "region"
    assert rank_scope_asked("pci xep thu may ca nuoc") == "country"
    assert rank_scope_asked("pci xep thu may") == ""
    assert rank_scope_of(" tỉnh trung du và miền núi phía Bắc; PCI ...") == \
        "region"
    assert rank_scope_of(" cả nước.") == "country"
    assert rank_scope_of(" so với năm trước.") == ""
