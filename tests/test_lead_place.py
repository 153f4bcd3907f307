"""A place a document names in its title or lead (a border gate, a district, an industrial
park) is the place of all its figures: a news item headed "Chi cục Hải quan cửa khẩu X: ..."
gives the gate's figures in sentences that say only "qua cửa khẩu", and a question naming
the gate was refused at 1.0 though the same question without it was answered (break-test
bt11-b17 failure 4).  A question naming another place of the same kind is still refused."""

from __future__ import annotations

import pytest
from conftest import service_over_files

from rag.answer.places import gates_named, lead_text
from rag.records import AskOptions
from rag.service import RagService

DOCS = {
    "hq-ta-lung-2051.txt": (
        "Chi cục Hải quan cửa khẩu Tà Lùng: 9 tháng năm 2051 thông quan tăng mạnh\n"
        "Ngày 05/10/2051\n\n"
        "Theo Chi cục Hải quan cửa khẩu Tà Lùng, 9 tháng năm 2051 hoạt động thông quan tiếp "
        "tục sôi động.\n"
        "Năm 2050, kim ngạch xuất nhập khẩu qua cửa khẩu đạt 2,71 tỷ USD.\n"
        "Tháng 9/2051, số phương tiện xuất nhập cảnh qua cửa khẩu đạt 14.260 lượt.\n"),
    "kcn-dong-van-2051.txt": (
        "Ban Quản lý khu công nghiệp Đồng Văn báo cáo năm 2051\n\n"
        "Khu công nghiệp Đồng Văn năm 2051 tiếp tục thu hút đầu tư.\n"
        "Năm 2051, số lao động làm việc trong khu đạt 23.480 người.\n"),
    "bao-lac-2051.txt": (
        "Huyện Bảo Lạc: kết quả giảm nghèo năm 2051\n\n"
        "Năm 2051, huyện Bảo Lạc tiếp tục thực hiện chương trình giảm nghèo bền vững.\n"
        "Cuối năm 2051, toàn huyện còn 3.915 hộ nghèo, giảm 1.026 hộ.\n"),
}


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over_files(tmp_path_factory.mktemp("lead"), DOCS)


@pytest.mark.parametrize(("question", "value"), [
    ("kim ngạch xuất nhập khẩu qua cửa khẩu Tà Lùng năm 2050?", "2,71"),
    ("số phương tiện xuất nhập cảnh qua cửa khẩu Tà Lùng tháng 9/2051?", "14.260"),
    ("số lao động làm việc trong KCN Đồng Văn năm 2051?", "23.480"),
    ("số hộ nghèo huyện Bảo Lạc cuối năm 2051?", "3.915"),
])
def test_a_place_in_the_title_or_lead_is_its_figures_place(service: RagService, question: str,
                                                           value: str) -> None:
    answer = service.ask(question, AskOptions(retrieval_mode="lexical"))
    assert answer.found and value in answer.answer, answer.answer


@pytest.mark.parametrize("question", [
    "kim ngạch xuất nhập khẩu qua cửa khẩu Hữu Nghị năm 2050?",
    "số hộ nghèo huyện Nguyên Bình cuối năm 2051?",
])
def test_another_place_of_the_same_kind_is_still_refused(service: RagService,
                                                          question: str) -> None:
    answer = service.ask(question, AskOptions(retrieval_mode="lexical"))
    assert not answer.found or ("2,71" not in answer.answer and "3.915" not in answer.answer), \
        answer.answer


def test_named_units_and_the_lead() -> None:
    assert gates_named("số lao động KCN Đồng Văn và khu công nghiệp Quế Võ") == \
        frozenset({"dong van", "que vo"})
    assert gates_named("các cửa khẩu đường bộ, chợ đầu mối") == frozenset()
    lead = lead_text("Tin ngắn", "Ngày 1/2/2051\n\nTheo Chi cục Hải quan cửa khẩu Chi Ma, "
                     "kim ngạch tăng. Năm 2050 đạt 5 tỷ USD qua huyện Lộc Bình.\n")
    assert "Chi Ma" in lead and "Lộc Bình" not in lead
