"""The eighth break-test of issue 16, what it left: legacy-font capitals in every context,
a report's number and date read from a PDF as from a DOCX, an uploaded copy never shown before
its original, and malformed ``filename*`` parameters refused.  Every document is built here."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from test_real_inputs_16d import legacy

from rag.ingest.legacy import convert
from rag.ingest.uploads import read_upload

# --- 1. capitals typed in a legacy font come out in capitals ------------------------------

_CAPS = ["BÁO CÁO XUẤT KHẨU NĂM 2003", "TÌNH HÌNH THƯƠNG MẠI Ở HÀ NỘI QUÝ I",
         "KẾT QUẢ THỰC HIỆN KẾ HOẠCH ĐƠN VỊ TÍNH: TỶ ĐỒNG", "ƯỚC THỰC HIỆN Ý KIẾN ỦY BAN"]
_BODY = ("Năm 2003, kim ngạch xuất khẩu qua cửa khẩu Hữu Nghị đạt 76 triệu USD, tăng 8,8%. "
         "Số doanh nghiệp xuất khẩu năm 2003 là 112 doanh nghiệp.")


@pytest.mark.parametrize("encoding", ["tcvn3", "vni"])
@pytest.mark.parametrize("caps", _CAPS)
def test_legacy_capitals_are_capitals_in_an_html_page_read_whole(caps: str,
                                                                 encoding: str) -> None:
    """An old page saved in the font's 8-bit bytes is converted whole, markup and all,
    before it is parsed: its heading in capitals comes out in capitals."""
    face = ".VnTimeH" if encoding == "tcvn3" else "VNI-Times"
    page = (f'<html><head><meta http-equiv="Content-Type" content="text/html; '
            f'charset=windows-1252"><title>{legacy(caps.capitalize(), encoding)}</title>'
            f'</head><body><h1><font face="{face}">{legacy(caps, encoding)}</font></h1>'
            f'<p><font face=".VnTime">{legacy(_BODY, encoding)}</font></p></body></html>')
    doc = read_upload("xk.html", page.encode("cp1252"))
    assert doc.title == caps
    assert caps in doc.text and "kim ngạch xuất khẩu qua cửa khẩu Hữu Nghị" in doc.text


@pytest.mark.parametrize("encoding", ["tcvn3", "vni"])
def test_legacy_capitals_beside_ordinary_words_on_one_line(encoding: str) -> None:
    """Capitals in a line of ordinary words ("Sở Công Thương BÁO CÁO nhanh") are capitals;
    a capitalised word among ordinary ones ("Hà", "Sở") stays as typed."""
    for line in ["Sở Công Thương gửi BÁO CÁO NHANH TÌNH HÌNH XUẤT KHẨU tháng 9",
                 "Bảng 2: SỐ LIỆU XUẤT KHẨU (triệu USD)", "THÁNG 6 Hà Nội có 12 chợ",
                 "BÁO CÁO Ở HÀ NỘI", "Hà Nội và Sở Công Thương", "CPI Hà"]:
        assert convert(legacy(line, encoding), encoding) == line
    text = legacy(f"Sở Công Thương gửi {_CAPS[0]} tới UBND tỉnh.\n\n{_BODY}\n", encoding)
    assert f"Sở Công Thương gửi {_CAPS[0]} tới UBND tỉnh." in \
        read_upload("bc.txt", text.encode()).text


# --- 2. a report's number and date asked: the same answer from a PDF and a DOCX -------------

_NUMBERED = [
    ("BÁO CÁO KẾT QUẢ HOẠT ĐỘNG XUẤT NHẬP KHẨU NĂM 2024", "Số 35/BC-SCT, ngày 20/01/2025",
     "báo cáo số 35/BC-SCT ngày nào", "ngày 20/01/2025"),
    ("KẾ HOẠCH PHÁT TRIỂN THƯƠNG MẠI NĂM 2023", "Số 12/KH-UBND ngày 06/3/2023",
     "kế hoạch số 12/kh-ubnd ngày nào", "ngày 06/3/2023"),
    ("BÁO CÁO TÌNH HÌNH THỊ TRƯỜNG QUÝ I NĂM 2022", "Số 148/BC-SCT, ngày 05/4/2022",
     "báo cáo 148/BC-SCT ngày mấy", "ngày 05/4/2022")]
_NUMBERED_BODY = ("Năm 2024, hoạt động xuất nhập khẩu qua các cửa khẩu trên địa bàn tỉnh tăng "
                  "trưởng khá. Tổng kim ngạch xuất nhập khẩu đạt 5.842 triệu USD.")


def _numbered_pdf(title: str, number: str) -> bytes:
    from helpers import fpdf_page

    pdf = fpdf_page()
    pdf.set_font("dv", "B", 13)
    pdf.multi_cell(0, 7, f"{title}\n{number}")
    pdf.ln(3)
    pdf.set_font("dv", "", 11)
    pdf.multi_cell(0, 6, _NUMBERED_BODY)
    return bytes(pdf.output())


def _numbered_docx(title: str, number: str) -> bytes:
    import docx

    d = docx.Document()
    for line in (title, number, _NUMBERED_BODY):
        d.add_paragraph(line)
    out = io.BytesIO()
    d.save(out)
    return out.getvalue()


@pytest.mark.parametrize("title, number, question, day", _NUMBERED)
def test_a_reports_date_asked_by_its_number_from_a_pdf_and_a_docx(
        tmp_path: Path, title: str, number: str, question: str, day: str) -> None:
    """The number's code ("BC-SCT", "KH-UBND") is the number's, not words the report must
    hold: a report that never writes "Sở Công Thương" out answers its date."""
    from conftest import empty_service

    for name, make in [("bc.pdf", _numbered_pdf), ("bc.docx", _numbered_docx)]:
        service = empty_service(tmp_path / name)
        doc = read_upload(name, make(title, number))
        assert doc.title == title and number in doc.text
        service.add_document(doc)
        got = service.ask(question)
        assert got.found and got.answer == day, (name, got.answer)
        assert got.citations[0].quote.startswith(number.split(",")[0])


# --- 3. the same text twice: the original shown by search, answers and related passages ----

_VISITORS = [["Chỉ tiêu", "Năm 2023", "", "", ""], ["", "Quý I", "Quý II", "Quý III", "Cả năm"],
             ["Tổng lượt khách du lịch (lượt)", "612.300", "701.450", "655.020", "2.734.900"],
             ["Doanh thu du lịch (tỷ đồng)", "1 105", "1 240,5", "1 198", "4 870"]]


@pytest.mark.parametrize("copy_name", ["Tổng lượt khách du lịch năm 2023 (1).csv",
                                       "Bản sao khách du lịch quý II.csv"])
def test_a_copy_never_shown_before_its_original(tmp_path: Path, copy_name: str) -> None:
    """A copy whose name (its title) is nearer the question than the original's still
    ranks as the original: the first indexed document of that text is the one search,
    the answer's citation and the related passages show -- the one the upload named."""
    from conftest import empty_service
    from helpers import csv_bytes

    service = empty_service(tmp_path)
    data = csv_bytes(_VISITORS)
    service.add_document(read_upload("bieu_02.csv", data))
    copy = service.add_document(read_upload(copy_name, data))
    assert copy.duplicate_of == "bieu_02"
    for question in ["tổng lượt khách du lịch quý II năm 2023",
                     "doanh thu du lịch cả năm 2023"]:
        hits = service.search(question).hits
        assert [h.chunk.doc_id for h in hits] == ["bieu_02"] * len(hits), question
        got = service.ask(question)
        assert got.found and got.citations[0].doc_id == "bieu_02"
        assert {p.doc_id for p in got.related} == {"bieu_02"}


# --- 4. a malformed filename* is refused, or its plain fallback taken ----------------------

_MALFORMED = [
    ('filename*1="bc.txt"', "without its parts numbered 0"),  # a continuation, no part 0
    ("filename*1*=utf-8''b%C3%A1o.txt", "without its parts numbered 0"),
    ("filename*0*=utf-8''b%C3%A1o; filename*2=\".txt\"", "without its parts numbered 0"),
    ("filename*=''bc.txt", "names no character set"),
    ("filename*=x-unknown''bc.txt", "unknown character set"),
    ("filename*=utf-8''bc.txt; filename*0*=utf-8''bc.txt", "more than once"),
]


@pytest.fixture
def http(tmp_path: Path):
    from conftest import empty_service
    from fastapi.testclient import TestClient

    from api.http.app import create_app

    service = empty_service(tmp_path)
    with TestClient(create_app(service.settings.model_copy(
            update={"rate_limit_per_minute": 0}), service=service)) as client:
        yield client


def _post(client, parameters: str):
    boundary = "b0undary16i"
    body = (f'--{boundary}\r\nContent-Disposition: form-data; name="file"; {parameters}\r\n'
            "Content-Type: text/plain\r\n\r\n").encode() + \
        "Báo cáo\n\nNăm 2023 xuất khẩu đạt 5 triệu USD.".encode() + \
        f"\r\n--{boundary}--\r\n".encode()
    return client.post("/documents", content=body,
                       headers={"content-type": f"multipart/form-data; boundary={boundary}"})


@pytest.mark.parametrize("parameters, why", _MALFORMED)
def test_a_malformed_encoded_file_name_is_refused_naming_why(http, parameters: str,
                                                             why: str) -> None:
    r = _post(http, parameters)
    assert r.status_code == 400, r.text
    assert why in r.json()["detail"] and "filename*" in r.json()["detail"]
    assert http.get("/documents").json()["documents"] == []


@pytest.mark.parametrize("parameters", [p for p, _ in _MALFORMED])
def test_a_malformed_encoded_file_name_falls_back_to_the_plain_one(http,
                                                                   parameters: str) -> None:
    """RFC 6266, 4.3: ``filename`` is the name for a reader that cannot use ``filename*``."""
    r = _post(http, f'filename="bc-7.txt"; {parameters}')
    assert r.status_code == 201, r.text
    assert r.json()["id"] == "bc-7"


@pytest.mark.parametrize("parameters, doc_id", [
    ("filename*=utf-8''B%C3%A1o%20c%C3%A1o.txt", "Báo_cáo"),
    ("filename*0*=utf-8''B%C3%A1o; filename*1*=%20c%C3%A1o; filename*2=\".txt\"", "Báo_cáo"),
    ('filename*0="bao"; filename*1="-cao.txt"', "bao-cao"),
    # quoted, as clients send it (RFC 5987 writes it bare): read, not refused (bt10 of issue 16)
    ("filename*=\"utf-8''B%C3%A1o%20c%C3%A1o.txt\"", "Báo_cáo")])
def test_well_formed_encoded_file_names_are_read(http, parameters: str, doc_id: str) -> None:
    r = _post(http, parameters)
    assert r.status_code == 201, r.text
    assert r.json()["id"] == doc_id
