"""Numbers, units and question forms of issue 16's break-test round 12 (items 6-12 and its
minor ones), as kinds: amounts written in two scale words ("2 tỷ 350 triệu đồng"), superscript
footnote marks ("45.678¹ tỷ đồng"), unit spellings ("tr. USD", "tỉ đ", "triệu đô la Mỹ"), a
month or quarter dotted to its year ("tháng 8.2024"), a document number cited by "nêu trong
báo cáo số ...", a DOCX header's date line, an office lock file uploaded, and a year named
as the base of a comparison ("so với năm 2004").  Reports written for these tests."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest
from conftest import service_over_files

from rag.errors import IngestError
from rag.ingest.readers import read_bytes
from rag.ingest.uploads import read_upload
from rag.records import AskOptions
from rag.service import RagService
from rag.service.numbers import without_numbers
from rag.vi.mentions import find_mentions
from rag.vi.numbers import find_values
from rag.vi.periods import find_years
from rag.vi.sentences import sentences
from rag.vi.text import normalize_query


def _one(text: str) -> tuple[float, str, str]:
    values = find_values(text)
    assert len(values) == 1, values
    return values[0].low, values[0].unit, values[0].shown


@pytest.mark.parametrize(("text", "low", "unit"), [
    ("Kinh phí hỗ trợ năm 2027 là 3 tỷ 480 triệu đồng.", 3480.0, "triệu đồng"),
    ("Giá trị hợp đồng là 1 tỷ 50 triệu đồng trong năm", 1050.0, "triệu đồng"),
    ("Giá thu mua bình quân 2 triệu 750 nghìn đồng/tấn.", 2750.0, "nghìn đồng/tấn"),
    ("Vốn điều lệ 4 tỉ 200 triệu đồng.", 4200.0, "triệu đồng"),
])
def test_an_amount_in_two_scale_words_is_one_value(text: str, low: float, unit: str) -> None:
    got_low, got_unit, shown = _one(text)
    assert (got_low, got_unit) == (low, unit)
    assert "tỷ" in shown or "tỉ" in shown or "triệu" in shown  # shown as written


@pytest.mark.parametrize("text", [
    "Thu 2 tỷ, 350 triệu đồng là phí.",        # a list, not one amount
    "Tăng 2 tỷ 1.350 triệu đồng so với kỳ trước",  # a second part of 1.000 or more
])
def test_two_amounts_stay_two(text: str) -> None:
    assert len(find_values(text)) == 2


@pytest.mark.parametrize(("text", "low", "unit", "shown"), [
    ("Dư nợ cho vay năm 2027 đạt 38.912¹ tỷ đồng.", 38912.0, "tỷ đồng", "38.912 tỷ đồng"),
    ("Vốn giải ngân đạt 12,5² triệu USD, tăng.", 12.5, "triệu USD", "12,5 triệu USD"),
    ("Thu ngân sách đạt 1.045³ tỷ đồng.", 1045.0, "tỷ đồng", "1.045 tỷ đồng"),
    ("Doanh thu đạt 2.310 tỷ đồng¹ trong năm.", 2310.0, "tỷ đồng", "2.310 tỷ đồng"),
])
def test_a_superscript_footnote_mark_is_no_digit(text: str, low: float, unit: str,
                                                 shown: str) -> None:
    assert _one(text) == (low, unit, shown)


def test_square_and_cubic_metres_keep_their_mark() -> None:
    assert _one("Diện tích kho 1.200 m² đất")[:2] == (1200.0, "m²")
    assert _one("Cấp nước 5 m³/ngày")[:2] == (5.0, "m³/ngày")


@pytest.mark.parametrize(("text", "low", "unit"), [
    ("Doanh thu năm 2027 đạt 4.120 tỉ đ.", 4120.0, "tỷ đồng"),
    ("Doanh thu năm 2027 đạt 4.120 tỉ đồng.", 4120.0, "tỷ đồng"),
    ("Nhập khẩu điện đạt 22,6 triệu đô la Mỹ.", 22.6, "triệu USD"),
    ("Nhập khẩu điện đạt 22,6 triệu đô-la, tăng 3%.", 22.6, "triệu USD"),
    ("Xuất khẩu dịch vụ đạt 61,4 tr. USD.", 61.4, "triệu USD"),
])
def test_unit_spellings(text: str, low: float, unit: str) -> None:
    assert find_values(text)[0].low == low and find_values(text)[0].unit == unit


def test_an_abbreviated_million_ends_no_sentence() -> None:
    parts = sentences("Xuất khẩu dịch vụ đạt 61,4 tr. USD. Nhập khẩu đạt 40 tr. USD.")
    assert len(parts) == 2 and parts[0][1].endswith("61,4 tr. USD.")


def test_a_month_dotted_to_its_year_is_that_month() -> None:
    assert normalize_query("xuất khẩu tháng 8.2027 đạt bao nhiêu") == \
        "xuất khẩu tháng 8/2027 đạt bao nhiêu"
    assert normalize_query("quý II.2027 ra sao") == "quý II/2027 ra sao"
    assert normalize_query("giá 8.2027 đồng") == "giá 8.2027 đồng"  # not after a month
    [m] = find_mentions("Kim ngạch nhập khẩu tháng 10.2027 đạt 77,7 triệu USD", None)
    assert m.period.label == "tháng 10/2027"
    [q] = find_mentions("Xuất khẩu quý III.2027 đạt 300 triệu USD", None)
    assert q.period.label == "quý III/2027"
    assert find_years("kim ngạch tháng 10.2027")[0] == [2027]
    assert find_years("giá 1.2027 đồng")[0] == []


@pytest.mark.parametrize("question", [
    "kim ngạch xuất khẩu nêu trong báo cáo số 214/BC-SCT",
    "kim ngạch xuất khẩu được nêu tại báo cáo 214/BC-SCT",
    "kim ngạch xuất khẩu ghi trong báo cáo 214/BC-SCT",
    "theo báo cáo 214/BC-SCT, kim ngạch xuất khẩu",
])
def test_a_cited_document_clause_is_dropped_whole(question: str) -> None:
    assert without_numbers(question, ["214/BC-SCT"]) == "kim ngạch xuất khẩu"


def _docx_with_header(header: str, body: str) -> bytes:
    import docx

    doc = docx.Document()
    doc.sections[0].header.paragraphs[0].text = header
    doc.add_paragraph(body)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


@pytest.mark.parametrize("gap", ["    ", "\t"])
def test_a_docx_header_date_line_dates_the_document(gap: str) -> None:
    data = _docx_with_header(f"SỞ CÔNG THƯƠNG LẠNG SƠN{gap}Số 91/BC-SCT ngày 18/11/2027",
                             "Năm 2027, kim ngạch xuất khẩu đạt 512,3 triệu USD.")
    [doc] = read_bytes("bc_2027.docx", data, doc_id="bc_2027", source="upload")
    assert doc.date == "2027-11-18"


def test_an_uploaded_lock_file_is_named_so() -> None:
    with pytest.raises(IngestError, match="lock file"):
        read_upload("~$bc_t8_2027.docx", b"\x0bNguyen Van A" + b"\x00" * 150)


FILES = {
    "so_lieu_2027.md": "# Số liệu thương mại năm 2027\n\n"
                       "| Chỉ tiêu | Đơn vị | Năm 2027 | So với 2026 (%) |\n"
                       "|:---|:---:|---:|---:|\n"
                       "| Kim ngạch xuất khẩu | triệu USD | 412,6 | 108,3 |\n"
                       "| Kim ngạch nhập khẩu | triệu USD | 233,1 | 94,2 |\n",
    "bc_dv_2027.txt": "Báo cáo ngành dịch vụ năm 2027\n\n"
                      "Kinh phí khuyến công năm 2027 là 3 tỷ 480 triệu đồng.\n"
                      "Dư nợ tín dụng cho doanh nghiệp năm 2027 đạt 38.912¹ tỷ đồng.\n"
                      "Doanh thu bán lẻ xăng dầu năm 2027 đạt 4.120 tỉ đ.\n"
                      "Kim ngạch nhập khẩu điện năm 2027 đạt 22,6 triệu đô la Mỹ.\n"
                      "Kim ngạch xuất khẩu dịch vụ năm 2027 đạt 61,4 tr. USD.\n"
                      "¹ Số liệu của Ngân hàng Nhà nước chi nhánh tỉnh.\n",
    "bc_t10_2027.txt": "Báo cáo thương mại tháng 10 năm 2027\n\n"
                       "Kim ngạch xuất khẩu dịch vụ logistics tháng 10.2027 đạt 7,7 triệu USD.\n",
}


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over_files(Path(tmp_path_factory.mktemp("units16")), FILES)


@pytest.mark.parametrize(("question", "expected"), [
    ("kinh phí khuyến công năm 2027", "3 tỷ 480 triệu đồng"),
    ("dư nợ tín dụng cho doanh nghiệp năm 2027", "38.912 tỷ đồng"),
    ("doanh thu bán lẻ xăng dầu năm 2027", "4.120"),
    ("kim ngạch nhập khẩu điện năm 2027", "22,6"),
    ("kim ngạch xuất khẩu dịch vụ năm 2027", "61,4"),
    ("kim ngạch xuất khẩu dịch vụ logistics tháng 10.2027", "7,7 triệu USD"),
    ("kim ngạch nhập khẩu năm 2027 so với năm 2026", "giảm 5,8%"),
    ("kim ngạch xuất khẩu năm 2027 so với năm 2026", "tăng 8,3%"),
])
def test_answers(service: RagService, question: str, expected: str) -> None:
    reply = service.ask(question, AskOptions(retrieval_mode="lexical", today=date(2028, 2, 1)))
    assert reply.found and expected in reply.answer, (reply.answer, reply.summary)
