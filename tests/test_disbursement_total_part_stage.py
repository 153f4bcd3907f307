"""Issue 17 break-test bt17i, a disbursement report: a project's stage number is part of its
name, and a verb after a number no unit ("... giai đoạn 2 giải ngân 812 tỷ đồng" gave "2 giải
ngân"); the total before "Trong đó," answers a question naming no part, where its parts write
the verb after their qualifier ("vốn ngân sách địa phương giải ngân ..."); "tỷ lệ giải ngân"
asks the share of the plan; "giải ngân bao nhiêu vốn" asks money, no unit "vốn".  Every
document is built here, as .txt, .docx and a PDF whose lines wrap mid-sentence."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from conftest import empty_service
from helpers import fpdf_page, make_docx

from rag.ingest.uploads import read_upload
from rag.vi.numbers import find_values, named_numbers

_TXT = ("Kết quả giải ngân vốn đầu tư công năm 2038\n\n"
        "Tổng kế hoạch vốn đầu tư công năm 2038 của tỉnh là 7.120 tỷ đồng. Tính đến ngày "
        "31/10/2038, toàn tỉnh giải ngân được 4.105 tỷ đồng, đạt 57,7% kế hoạch.\n\n"
        "Trong đó, vốn ngân sách địa phương giải ngân 2.950 tỷ đồng, đạt 60,1%; vốn ngân sách "
        "trung ương giải ngân 1.155 tỷ đồng, đạt 52,6%.\n\n"
        "Riêng trong tháng 10/2038, toàn tỉnh giải ngân 533 tỷ đồng.\n\n"
        "Dự án hạ tầng Khu công nghiệp Hữu Lũng giai đoạn 1 giải ngân 215 tỷ đồng, đạt 38% "
        "kế hoạch.\n")

_DOCX = ("Tiến độ giải ngân vốn đầu tư công năm 2036",
         "Tổng kế hoạch vốn đầu tư công năm 2036 của tỉnh là 5.340 tỷ đồng. Tính đến ngày "
         "30/6/2036, toàn tỉnh giải ngân được 2.214 tỷ đồng, đạt 41,5% kế hoạch.",
         "Trong đó, vốn ngân sách địa phương giải ngân 1.480 tỷ đồng, đạt 45,2%; vốn ngân sách "
         "trung ương giải ngân 734 tỷ đồng, đạt 35,6%.",
         "Riêng trong tháng 6/2036, toàn tỉnh giải ngân 389 tỷ đồng.",
         "Dự án cải tạo, nâng cấp Quốc lộ 4B giai đoạn 2 giải ngân 96 tỷ đồng, đạt 29% kế "
         "hoạch.")

_PDF = ("Tổng kế hoạch vốn đầu tư công năm 2039 của tỉnh là 8.050 tỷ đồng. Tính đến ngày "
        "30/11/2039, toàn tỉnh giải ngân được 6.118 tỷ đồng, đạt 76% kế hoạch, cao hơn mức "
        "bình quân cả nước (69,3%).\n"
        "Trong đó, vốn ngân sách địa phương giải ngân 4.302 tỷ đồng, đạt 79,4%; vốn ngân sách "
        "trung ương giải ngân 1.816 tỷ đồng, đạt 68,9%.\n"
        "Riêng trong tháng 11/2039, toàn tỉnh giải ngân 702 tỷ đồng.\n"
        "Dự án đường vành đai phía Bắc thành phố giai đoạn 3 giải ngân 144 tỷ đồng, đạt 52% kế "
        "hoạch.")


def _pdf() -> bytes:
    pdf: Any = fpdf_page()
    pdf.multi_cell(0, 6, "Giải ngân vốn đầu tư công năm 2039\nNgày 2/12/2039.")
    pdf.multi_cell(120, 6, _PDF)  # narrow: its lines wrap mid-sentence
    return bytes(pdf.output())


def _documents() -> dict[str, tuple[str, bytes]]:
    return {"txt": ("giai_ngan_2038.txt", _TXT.encode()),
            "docx": ("giai_ngan_2036.docx", make_docx(*_DOCX))}


# (file kind, question, answer)
_CASES = [
    ("txt", "Dự án hạ tầng Khu công nghiệp Hữu Lũng giải ngân bao nhiêu năm 2038?", "215 tỷ đồng"),
    ("txt", "Giải ngân vốn đầu tư công đến 31/10/2038?", "4.105 tỷ đồng"),
    ("txt", "Tỷ lệ giải ngân vốn đầu tư công đến 31/10/2038?", "57,7%"),
    ("txt", "Tháng 10/2038 giải ngân bao nhiêu vốn đầu tư công?", "533 tỷ đồng"),
    ("docx", "Dự án nâng cấp Quốc lộ 4B giải ngân bao nhiêu năm 2036?", "96 tỷ đồng"),
    ("docx", "Giải ngân vốn đầu tư công đến ngày 30/6/2036?", "2.214 tỷ đồng"),
    ("docx", "Tỷ lệ giải ngân vốn đầu tư công tính đến 30/6/2036 là bao nhiêu?", "41,5%"),
    ("docx", "Tháng 6/2036 giải ngân bao nhiêu vốn đầu tư công?", "389 tỷ đồng"),
    ("pdf", "Dự án đường vành đai phía Bắc giải ngân bao nhiêu năm 2039?", "144 tỷ đồng"),
    ("pdf", "Giải ngân vốn đầu tư công đến 30/11/2039?", "6.118 tỷ đồng"),
    ("pdf", "Tỷ lệ giải ngân vốn đầu tư công đến 30/11/2039?", "76%"),
    ("pdf", "Tháng 11/2039 giải ngân bao nhiêu vốn đầu tư công?", "702 tỷ đồng"),
]
# near-misses: a part named keeps its part; the plan its plan
_NEAR = [
    ("txt", "Vốn ngân sách địa phương giải ngân đến 31/10/2038?", "2.950 tỷ đồng"),
    ("txt", "Kế hoạch vốn đầu tư công 2038?", "7.120 tỷ đồng"),
    ("docx", "Vốn ngân sách trung ương giải ngân đến 30/6/2036?", "734 tỷ đồng"),
    ("pdf", "Vốn ngân sách địa phương giải ngân đến 30/11/2039?", "4.302 tỷ đồng"),
    ("pdf", "Tỷ lệ giải ngân vốn ngân sách trung ương đến 30/11/2039?", "68,9%"),
]


@pytest.fixture(scope="module")
def services(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    out: dict[str, Any] = {}
    docs = _documents()
    for kind in ("txt", "docx", "pdf"):
        service = empty_service(Path(tmp_path_factory.mktemp(kind)))
        name, data = docs[kind] if kind in docs else ("giai_ngan_2039.pdf", _pdf())
        service.add_document(read_upload(name, data))
        out[kind] = service
    return out


@pytest.mark.parametrize(("kind", "asked", "answer"), _CASES + _NEAR)
def test_disbursement_figures(kind: str, asked: str, answer: str,
                              services: dict[str, Any]) -> None:
    got = services[kind].ask(asked)
    assert got.found and got.answer == answer, (got.answer, got.confidence, got.answer_sentence)


@pytest.mark.parametrize(("text", "values"), [
    ("Dự án đường cao tốc Đồng Đăng - Trà Lĩnh giai đoạn 2 giải ngân 812 tỷ đồng.",
     ["812 tỷ đồng"]),
    ("Nhà máy xi măng giai đoạn 1 thu hút 1.200 lao động.", ["1.200 lao động"]),
    ("Có 10 dự án, trong đó 3 khởi công 5 hạng mục.", ["10 dự án", "3", "5 hạng mục"]),
    # the first day of a span of days is no figure either (base read "24")
    ("Giai đoạn 24-30/9 có 1.200 xe.", ["1.200 xe"]),
    # near-misses: a span of years after "giai đoạn", a count and its noun
    ("Giai đoạn 2021-2025 tăng 8%.", ["8%"]),
    ("Đã cấp 520 giấy phép cho 312 hộ.", ["520 giấy phép", "312 hộ"]),
])
def test_a_stage_number_and_a_verb_are_no_figure(text: str, values: list[str]) -> None:
    assert [v.text for v in find_values(text)] == values


def test_a_stage_is_named_by_its_number() -> None:
    assert named_numbers("Quốc lộ 4B giai đoạn 2") == {("quoc lo", "4b"), ("giai doan", "2")}
    assert named_numbers("giai đoạn 24-30/9") == frozenset()
