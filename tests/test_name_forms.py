"""Names typed in another form than the reports' (issue 17, break-tests bt17s/bt17r).

A misspelt acronym ("OCPO", "ÔCP", "OCOPX" for "OCOP": letters swapped, left out, added,
a stray mark) is read as the one corpus acronym of four letters or more within one edit of
it (two for a typed word of four letters or more) that stands beside the question's
neighbour word in the reports.  Near misses: an acronym the corpus writes ("CPI") or one
near no corpus acronym ("FDI", "VIETGAP") stays as typed (and is refused), and a
three-letter corpus acronym is no target ("FDA" is not read as "FDI").

A product code typed glued to its number ("RON95", "PCB40") meets reports that write it
apart ("Xăng RON 95-V", "Xi măng PCB 40"): the answerer reads the question's code as the
passages write it (rag.answer.codes.codes_as_written).  Near misses: another grade ("RON92")
is still refused, a code the reports write glued stays one word, a unit ("km2") or a
one-letter code ("E5") is never split."""

from __future__ import annotations

import pytest
from conftest import service_over_files
from helpers import report_file, titled_table_file

from rag.records import AskOptions
from rag.service import RagService
from rag.vi.restore import DiacriticRestorer
from rag.vi.spell import Speller

CORPUS = [
    "Đến hết tháng 6/2071, toàn tỉnh có 186 sản phẩm OCOP được công nhận; chợ OCOP mở thêm.",
    "Chỉ số giá tiêu dùng CPI tháng 3 tăng 0,4%. Vốn FDI đăng ký đạt 120 triệu USD.",
    "Giá xăng RON 95-V giảm; xăng A 95 ổn định. Gas đun 12 kg tăng. Diện tích 40 km đường.",
    "Tổ chức ATTP kiểm tra 12 cơ sở.",
]


@pytest.fixture(scope="module")
def speller() -> Speller:
    return Speller(DiacriticRestorer.forms(CORPUS))


@pytest.mark.parametrize(("typed", "meant"), [
    ("Số sản phẩm OCPO năm 2071", "Số sản phẩm OCOP năm 2071"),   # two letters swapped
    ("Số sản phẩm ÔCP năm 2071", "Số sản phẩm OCOP năm 2071"),    # a letter left out, a mark
    ("Số sản phẩm OCOPX năm 2071", "Số sản phẩm OCOP năm 2071"),  # a letter added
    ("so san pham OCP nam 2071", "so san pham OCOP nam 2071"),    # typed without diacritics
])
def test_a_misspelt_acronym_is_read_as_the_corpus_one(speller: Speller, typed: str,
                                                      meant: str) -> None:
    assert speller.correct(typed) == meant


@pytest.mark.parametrize("question", [
    "Chỉ số CPI tháng 3 năm 2071",         # a corpus acronym is never rewritten
    "Vốn FDI đăng ký năm 2071",            # nor one near no other
    "Vốn FDA đăng ký năm 2071",            # three letters from FDI: no three-letter target
    "Số sản phẩm VIETGAP năm 2071",        # absent, far from OCOP: left, later refused
    "Diện tích 40 km2 năm 2071",           # a unit's exponent stays glued
])
def test_near_misses_stay_as_typed(speller: Speller, question: str) -> None:
    assert speller.correct(question) == question


PARAGRAPHS = [
    "Lạng Sơn: phát triển sản phẩm OCOP năm 2071",
    "Ngày 20/12/2071",
    "Đến hết tháng 6/2071, toàn tỉnh có 186 sản phẩm OCOP được công nhận, trong đó 14 sản phẩm "
    "đạt 4 sao. Đến ngày 15/12/2071, số sản phẩm OCOP đã tăng lên 211 sản phẩm.",
    "Năm 2071, tỉnh tổ chức 9 hội chợ, phiên chợ OCOP với 1.260 gian hàng.",
]
TABLE = [["STT", "Mặt hàng", "Đơn vị tính", "Giá tuần trước (đồng)", "Giá tuần này (đồng)"],
         ["1", "Gạo tẻ thường", "kg", "16.000 - 18.000", "16.500 - 18.500"],
         ["2", "Xăng RON 95-V", "lít", "27.340", "26.880"],
         ["3", "Thịt lợn hơi", "kg", "62.000", "59.500"],
         ["4", "Xi măng PCB 40", "tấn", "1.450.000", "1.480.000"]]


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    name, data = report_file("txt", PARAGRAPHS)
    tname, tdata = titled_table_file(
        "xlsx", TABLE, "BẢN TIN GIÁ CẢ THỊ TRƯỜNG TUẦN 23 NĂM 2071 (từ 05/06/2071 đến 11/06/2071)")
    return service_over_files(tmp_path_factory.mktemp("name_forms"),
                              {name: data, tname: tdata})


@pytest.mark.parametrize(("question", "value"), [
    ("Số sản phầm OCPO đến 15/12/2071?", "211"),
    ("Số sản phẩm ÔCP đến tháng 6 năm 2071", "186"),
    ("Gia xang RON95 tuan nay", "26.880"),                 # a code glued to its number
    ("Giá xăng RON95 tuần 23 năm 2071?", "26.880"),
    ("Giá xi măng PCB40 tuần này?", "1.480.000"),
])
def test_asked(service: RagService, question: str, value: str) -> None:
    answer = service.ask(question, AskOptions())
    assert answer.found and value in answer.answer, answer.answer


@pytest.mark.parametrize("question", [
    "Số sản phẩm VIETGAP đến tháng 6 năm 2071",  # an absent acronym
    "Giá xăng RON92 tuần này",                   # another grade than the report's
])
def test_absent_names_are_still_refused(service: RagService, question: str) -> None:
    answer = service.ask(question, AskOptions())
    assert not answer.found, answer.answer


@pytest.mark.parametrize(("runs", "texts", "out"), [
    ((("gia", "xang", "ron95"),), ["Xăng RON 95-V: 26.880"], (("gia", "xang", "ron", "95"),)),
    ((("xi", "mang", "pcb40"),), ["xi măng PCB 40 giá"], (("xi", "mang", "pcb", "40"),)),
    # the reports write the code glued: the question's word stays
    ((("gia", "xang", "ron95"),), ["Giá xăng RON95 là 23.450", "RON 95"],
     (("gia", "xang", "ron95"),)),
    # a unit with its exponent, a one-letter code: never split
    ((("dien", "tich", "km2"),), ["40 km 2"], (("dien", "tich", "km2"),)),
    ((("xang", "e5"),), ["xăng E 5"], (("xang", "e5"),)),
])
def test_codes_as_written(runs, texts, out) -> None:
    from rag.answer.codes import codes_as_written  # new in branch names2

    assert codes_as_written(runs, texts) == out
