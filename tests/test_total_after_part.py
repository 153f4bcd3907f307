"""A total stated after the "trong đó" part of the figure before (issue 17 break-test bt8-b17
failure 2): "Tháng 7 đón 412 nghìn lượt khách du lịch, trong đó khách quốc tế 26,5 nghìn
lượt; 7 tháng đón 2,18 triệu lượt khách, trong đó khách quốc tế 131 nghìn lượt" framed 2,18
as international visitors -- the part's noun and basis carried past its ";" onto the next
total, which names no noun of its own.  Such a total goes on with the whole before (the
subject), never the part; one naming its own noun keeps it and is no part either.  Reports of
our own, other totals and parts (firms / foreign-invested firms, trade / exports, public
investment / central budget capital, visitors / domestic visitors)."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import service_over_files

from rag.records import AskOptions
from rag.service import RagService
from rag.vi.frames import extract

TODAY = date(2039, 7, 8)
DOCS = {
    "ktxh-6thang-2039.txt": (
        "Tình hình kinh tế - xã hội tháng 6 và 6 tháng năm 2039\n28/06/2039\n\n"
        "Tháng 6 có 73 doanh nghiệp thành lập mới, trong đó doanh nghiệp có vốn đầu tư nước "
        "ngoài 5 doanh nghiệp; 6 tháng có 418 doanh nghiệp, trong đó doanh nghiệp có vốn đầu "
        "tư nước ngoài 31 doanh nghiệp. "
        "Tháng 6 kim ngạch xuất nhập khẩu đạt 486 triệu USD, trong đó xuất khẩu 214 triệu USD; "
        "6 tháng đạt 2,73 tỷ USD, trong đó xuất khẩu 1,26 tỷ USD. "
        "Tháng 6 giải ngân vốn đầu tư công 592 tỷ đồng, trong đó vốn ngân sách trung ương 233 "
        "tỷ đồng; lũy kế 6 tháng giải ngân 2.915 tỷ đồng, bao gồm vốn ngân sách trung ương "
        "1.084 tỷ đồng.\n\n"
        "Tháng 6 toàn tỉnh đón 318 nghìn lượt khách du lịch, trong đó khách nội địa 297 nghìn "
        "lượt; 6 tháng đón 1,64 triệu lượt khách, trong đó khách nội địa 1,52 triệu lượt. "
        "Doanh thu du lịch 6 tháng đạt 4.180 tỷ đồng.\n"),
}


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over_files(tmp_path_factory.mktemp("total-after-part"), DOCS)


def _frames(sentence: str) -> dict[str, object]:
    return {f.value: f for f in extract(sentence, "t", "2039-06-28")}


@pytest.mark.parametrize(("sentence", "total", "noun"), [
    # no noun of its own: the whole's
    ("Quý II đón 205 nghìn lượt khách, trong đó khách quốc tế 18 nghìn lượt; 6 tháng đón "
     "390 nghìn lượt khách, trong đó khách quốc tế 41 nghìn lượt.", "390 nghìn lượt khách",
     "lượt khách"),
    ("Tháng 4 kim ngạch xuất nhập khẩu đạt 455 triệu USD, trong đó nhập khẩu 250 triệu USD; "
     "4 tháng đạt 1,81 tỷ USD.", "1,81 tỷ USD", "kim ngạch xuất nhập khẩu"),
    ("Tháng 4 có 66 doanh nghiệp thành lập mới, trong đó doanh nghiệp FDI 3 doanh nghiệp; "
     "4 tháng có 291 doanh nghiệp, gồm 12 doanh nghiệp FDI.", "291 doanh nghiệp",
     "doanh nghiệp thành lập"),
    # the verb said again without its object: the whole's object
    # after a comma: a level of its own period with parts of its own
    ("Quý I đón 180 nghìn lượt khách, trong đó khách nội địa 150 nghìn lượt, 4 tháng đón 262 "
     "nghìn lượt khách, trong đó khách nội địa 221 nghìn lượt.", "262 nghìn lượt khách",
     "lượt khách"),
    ("Tháng 4 giải ngân vốn đầu tư công 540 tỷ đồng, trong đó vốn ngân sách tỉnh 190 tỷ "
     "đồng; lũy kế 4 tháng giải ngân 1.930 tỷ đồng, bao gồm vốn ngân sách tỉnh 702 tỷ đồng.",
     "1.930 tỷ đồng", "giải ngân vốn đầu tư công"),
    # a noun of its own and another period: no part either
    ("Tháng 4 kim ngạch xuất nhập khẩu đạt 455 triệu USD, trong đó xuất khẩu 205 triệu USD; "
     "4 tháng tổng kim ngạch xuất nhập khẩu đạt 1,81 tỷ USD.", "1,81 tỷ USD",
     "tổng kim ngạch xuất nhập khẩu"),
])
def test_a_total_after_a_part_is_no_part(sentence: str, total: str, noun: str) -> None:
    f = _frames(sentence)[total]
    assert not f.part and f.indicator == noun and f.basis == (), f  # type: ignore[attr-defined]


def test_the_parts_keep_their_own_noun_and_basis() -> None:
    frames = _frames("Quý II đón 205 nghìn lượt khách, trong đó khách quốc tế 18 nghìn lượt; "
                     "6 tháng đón 390 nghìn lượt khách, trong đó khách quốc tế 41 nghìn lượt.")
    for value in ("18 nghìn lượt", "41 nghìn lượt"):
        f = frames[value]
        assert f.part and f.indicator == "khách quốc tế", f  # type: ignore[attr-defined]
        assert f.basis == ("international",), f  # type: ignore[attr-defined]
        assert "nghìn lượt khách nghìn" not in f.parent, f  # type: ignore[attr-defined]


@pytest.mark.parametrize("sentence", [
    # parts after ";" with nouns of their own stay parts
    "6 tháng kim ngạch đạt 2,1 tỷ USD, trong đó: xuất khẩu 900 triệu USD; nhập khẩu 1,2 tỷ USD.",
    # a change of the part, said right after it
    "6 tháng kim ngạch đạt 2,1 tỷ USD, trong đó xuất khẩu 900 triệu USD, tăng 6,2%.",
    # a part's change in brackets before the part's own parts
    "6 tháng kim ngạch đạt 2,1 tỷ USD. Trong đó, riêng kim ngạch hàng địa phương đạt 640 triệu "
    "USD (tăng 7,3% so cùng kỳ), trong đó xuất khẩu 410 triệu USD; nhập khẩu 230 triệu USD.",
])
def test_a_list_goes_on(sentence: str) -> None:
    frames = _frames(sentence)
    assert all(f.part for v, f in frames.items() if not v.startswith("2,1"))  # type: ignore


@pytest.mark.parametrize(("question", "expected"), [
    ("số lượt khách nội địa 6 tháng năm 2039?", "1,52 triệu"),
    ("khách nội địa 6 tháng 2039?", "1,52 triệu"),
    ("tổng lượt khách du lịch 6 tháng năm 2039?", "1,64 triệu"),
    ("khách nội địa tháng 6/2039?", "297 nghìn"),
    ("kim ngạch xuất nhập khẩu 6 tháng năm 2039?", "2,73 tỷ"),
    ("xuất khẩu 6 tháng 2039 đạt bao nhiêu?", "1,26 tỷ"),
    ("số doanh nghiệp thành lập mới 6 tháng năm 2039?", "418"),
    ("số doanh nghiệp có vốn đầu tư nước ngoài thành lập mới 6 tháng 2039?", "31"),
    ("giải ngân vốn đầu tư công 6 tháng năm 2039?", "2.915"),
    ("How many domestic visitors came in the first six months of 2039?", "1,52 triệu"),
])
def test_asked(service: RagService, question: str, expected: str) -> None:
    a = service.ask(question, AskOptions(today=TODAY))
    assert a.found and a.answer.startswith(expected), (a.answer, a.confidence)
