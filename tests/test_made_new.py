"""A verb of making with "mới" before a value in ha or km (break-test b17 F7): "toàn tỉnh trồng
mới 6.350 ha rừng tập trung" names "trồng mới rừng tập trung", never "ha rừng"; and a
question's "diện tích" asks a figure in an area unit ("diện tích rừng trồng mới").  Reports
of our own; dev report dv33 writes "xây mới 1 284 km đường dây trung áp"."""

from __future__ import annotations

import pytest
from conftest import service_over_files

from rag.records import AskOptions
from rag.service import RagService
from rag.vi.frames import extract

DOCS = {
    "lam-nghiep-2031.txt": (
        "Kết quả sản xuất lâm nghiệp năm 2031\n30/12/2031\n\n"
        "Năm 2031, toàn huyện trồng mới 1.240 ha rừng sản xuất, vượt 3,3% kế hoạch. "
        "Doanh thu dịch vụ môi trường rừng đạt 18 tỷ đồng.\n"),
}


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over_files(tmp_path_factory.mktemp("made-new"), DOCS)


@pytest.mark.parametrize(("sentence", "value", "indicator"), [
    ("Năm 2031, toàn tỉnh trồng mới 2.100 ha rừng tập trung.", "2.100 ha",
     "trồng mới rừng tập trung"),
    ("Năm 2031, xây mới 84 km đường giao thông nông thôn.", "84 km",
     "xây mới đường giao thông nông thôn"),
])
def test_the_verb_names_what_was_made(sentence: str, value: str, indicator: str) -> None:
    frames = {f.value: f for f in extract(sentence, "t", "2031-12-31")}
    assert frames[value].indicator == indicator, frames[value]


@pytest.mark.parametrize("question", [
    "diện tích rừng trồng mới năm 2031",
    "diện tích trồng rừng mới năm 2031",
    "trồng mới bao nhiêu ha rừng năm 2031",
])
def test_the_area_asked(service: RagService, question: str) -> None:
    a = service.ask(question, AskOptions())
    assert a.found and a.answer.startswith("1.240 ha"), a.answer
