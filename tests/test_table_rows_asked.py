"""Each table row answers for its own label: a caption's price basis reaches its rows through
a unit note under it ("Đơn vị tính: tỷ đồng" heads nothing of its own), a bare "Tổng" column
summing the row's columns takes their unit, a "So cùng kỳ (%)" cell answers "bằng bao nhiêu
% cùng kỳ" (no "so với"), and a part row whose label the question says answers rather than
the total row whose label lists it ("... X và Y").  Session 49 break-test bt20a (items 32,
68-69, 81, 132-133); other tables, labels, numbers and file shapes here."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import service_over_files
from helpers import docx_bytes, docx_fill, html_rows, titled_table_file, xlsx_bytes

OTHERS = {
    "tin-2079.txt": "TIN KINH TẾ NĂM 2079\n\nNăm 2079, kim ngạch xuất khẩu của tỉnh Lam Sơn đạt "
                    "1.412 triệu USD, tăng 6,3% so với năm 2078.\n\nSản lượng điện thương phẩm "
                    "năm 2079 đạt 1.106 triệu kWh.\n",
}


def _said(answer: object) -> str:
    return str(getattr(answer, "answer", "") or "")


# -- a unit note under the caption: the caption's basis stays the rows' -----------------------

GVA = [["Ngành", "2077", "2078", "Sơ bộ 2079"],
       ["Tổng số", "8.412", "9.037", "9.880"],
       ["Khai khoáng", "1.205", "1.311", "1.402"],
       ["Chế biến, chế tạo", "5.960", "6.388", "7.021"],
       ["Điện, khí đốt", "1.247", "1.338", "1.457"]]


def _captioned(kind: str, caption: str, note: str, rows: list[list[str]]) -> tuple[str, bytes]:
    if kind == "xlsx":
        return "nien-giam.xlsx", xlsx_bytes([[caption], [note], *rows], sheet="GTSX")
    if kind == "docx":
        import docx

        d = docx.Document()
        d.add_paragraph("NIÊN GIÁM THỐNG KÊ TỈNH LAM SƠN 2080")
        d.add_paragraph(caption)
        d.add_paragraph(note)
        docx_fill(d.add_table(rows=len(rows), cols=len(rows[0])), rows)
        return "nien-giam.docx", docx_bytes(d)
    return "nien-giam.html", (
        f"<html><body><article><h1>NIÊN GIÁM THỐNG KÊ TỈNH LAM SƠN 2080</h1><p>{caption}</p>"
        f"<p>{note}</p><table>{html_rows(rows)}</table></article></body></html>").encode()


@pytest.mark.parametrize(("kind", "note"), [("xlsx", "Đơn vị tính: Tỷ đồng"),
                                            ("docx", "ĐVT: tỷ đồng"),
                                            ("html", "(Đơn vị tính: tỷ đồng)")])
def test_caption_basis_over_a_unit_note(tmp_path: Path, kind: str, note: str) -> None:
    name, data = _captioned(kind, "Giá trị sản xuất công nghiệp tính theo giá hiện hành chia theo "
                            "ngành cấp I", note, GVA)
    service = service_over_files(tmp_path, {**OTHERS, name: data})
    answer = service.ask("Giá trị sản xuất công nghiệp giá hiện hành năm 2078 là bao nhiêu?")
    assert answer.found and _said(answer).startswith("9.037"), _said(answer)
    answer = service.ask("GTSX công nghiệp theo giá hiện hành năm 2079 sơ bộ?")
    assert answer.found and _said(answer).startswith("9.880"), _said(answer)
    # near-miss: a part row answers as before; the other basis is none of these rows
    answer = service.ask("Giá trị sản xuất ngành khai khoáng năm 2077?")
    assert answer.found and _said(answer).startswith("1.205"), _said(answer)
    answer = service.ask("Giá trị sản xuất công nghiệp theo giá so sánh 2010 năm 2078?")
    assert not answer.found, _said(answer)


def test_unit_note_lines() -> None:
    from rag.vi.frames.tables import unit_note_line

    for line in ("Đơn vị tính: Tỷ đồng", "ĐVT: triệu USD", "(Đơn vị: nghìn tấn)",
                 "Đơn vị tính: %"):
        assert unit_note_line(line), line
    for line in ("Đơn vị tính toán chi phí năm 2078", "Giá trị sản xuất công nghiệp",
                 "Đơn vị: Sở Công Thương: báo cáo"):
        assert not unit_note_line(line), line


# -- a bare "Tổng" column: the unit of the columns it sums ------------------------------------

GATES = [["Cửa khẩu phụ, lối mở", "Xuất khẩu (triệu USD)", "Nhập khẩu (triệu USD)", "Tổng"],
         ["Lối mở Bản Khe", "134", "208", "342"],
         ["Cửa khẩu phụ Pò Lạn", "77", "59", "136"],
         ["Lối mở Nà Sơn", "251", "316", "567"]]


@pytest.mark.parametrize("kind", ["docx", "xlsx", "html", "pdf"])
def test_total_column_of_a_row(tmp_path: Path, kind: str) -> None:
    name, data = titled_table_file(kind, GATES, "Trao đổi hàng hóa qua cửa khẩu phụ, lối mở "
                                   "năm 2081")
    lead = {"tong-hop-2081.txt": "BÁO CÁO NĂM 2081\n\nNăm 2081, tổng kim ngạch trao đổi hàng "
                                 "hóa qua các cửa khẩu phụ, lối mở biên giới đạt 1.045 triệu "
                                 "USD, tăng 3,2% so với năm 2080.\n"}
    service = service_over_files(tmp_path, {**OTHERS, **lead, name: data})
    answer = service.ask("Tổng kim ngạch qua lối mở Bản Khe năm 2081?")
    assert answer.found and _said(answer).startswith("342 triệu USD"), _said(answer)
    answer = service.ask("Kim ngạch xuất nhập khẩu qua cửa khẩu phụ Pò Lạn năm 2081 là bao "
                         "nhiêu?")
    assert answer.found and _said(answer).startswith("136 triệu USD"), _said(answer)
    # near-miss: a column of its own and the all-gates total answer as before
    answer = service.ask("Kim ngạch nhập khẩu qua lối mở Nà Sơn năm 2081?")
    assert answer.found and _said(answer).startswith("316 triệu USD"), _said(answer)
    answer = service.ask("Tổng kim ngạch qua các cửa khẩu phụ, lối mở năm 2081?")
    assert answer.found and _said(answer).startswith("1.045"), _said(answer)


def test_total_column_unit_only_of_a_sum() -> None:
    from rag.ingest.tables import total_column_unit

    head = ["Huyện", "Xuất khẩu (triệu USD)", "Nhập khẩu (triệu USD)", "Tổng cộng"]
    assert total_column_unit(head, ["Văn Lãng", "12,5", "30,1", "42,6"], 3, [1, 2, 3]) \
        == "triệu USD"
    # not the sum, another header, units that differ: no unit given
    assert total_column_unit(head, ["Văn Lãng", "12,5", "30,1", "48"], 3, [1, 2, 3]) == ""
    assert total_column_unit([*head[:3], "Số tờ khai"], ["Văn Lãng", "12,5", "30,1", "42,6"],
                             3, [1, 2, 3]) == ""
    mixed = ["Huyện", "Xuất khẩu (triệu USD)", "Tỷ trọng (%)", "Tổng"]
    assert total_column_unit(mixed, ["Văn Lãng", "12,5", "30,1", "42,6"], 3, [1, 2, 3]) == ""


# -- "bằng bao nhiêu % cùng kỳ": a "So cùng kỳ (%)" column's cell ------------------------------

IMPORTS = [["Cửa khẩu", "Nhập khẩu 9 tháng 2071 (triệu USD)", "So cùng kỳ (%)"],
           ["Cửa khẩu Bảo Lâm", "415", "108,3"],
           ["Cửa khẩu Phú Xá", "96", "93,5"],
           ["Ga đường sắt Kỳ Lừa", "188", "117,6"]]


@pytest.mark.parametrize("kind", ["docx", "xlsx", "pdf"])
def test_share_of_the_same_period(tmp_path: Path, kind: str) -> None:
    name, data = titled_table_file(kind, IMPORTS, "Kết quả nhập khẩu 9 tháng năm 2071")
    service = service_over_files(tmp_path, {**OTHERS, name: data})
    answer = service.ask("Nhập khẩu qua cửa khẩu Phú Xá 9 tháng 2071 bằng bao nhiêu % cùng kỳ?")
    assert answer.found and _said(answer).startswith("93,5%"), _said(answer)
    answer = service.ask("Nhập khẩu qua ga Kỳ Lừa 9 tháng năm 2071 đạt bao nhiêu phần trăm "
                         "cùng kỳ?")
    assert answer.found and _said(answer).startswith("117,6%"), _said(answer)
    # near-miss: the level and "so với cùng kỳ" as before
    answer = service.ask("Nhập khẩu qua cửa khẩu Bảo Lâm 9 tháng 2071?")
    assert answer.found and _said(answer).startswith("415 triệu USD"), _said(answer)
    answer = service.ask("Nhập khẩu qua Bảo Lâm 9 tháng 2071 so với cùng kỳ?")
    assert answer.found and _said(answer).startswith("108,3%"), _said(answer)


# -- a part row said, not the total listing it ------------------------------------------------

TRANSPORT = [["Chỉ tiêu", "2080", "2081", "Ước tính 2082"],
             ["Tổng doanh thu vận tải hàng hóa và hành khách", "6.215", "6.870", "7.342"],
             ["Vận tải hàng hóa", "4.118", "4.596", "4.930"],
             ["Vận tải hành khách", "2.097", "2.274", "2.412"]]


@pytest.mark.parametrize("kind", ["xlsx", "docx", "html"])
def test_part_row_under_a_listing_total(tmp_path: Path, kind: str) -> None:
    name, data = titled_table_file(kind, TRANSPORT, "Doanh thu vận tải tỉnh Lam Sơn (tỷ đồng)")
    service = service_over_files(tmp_path, {**OTHERS, name: data})
    answer = service.ask("Doanh thu vận tải hàng hóa năm 2080 và 2081?")
    assert answer.found and "4.118" in _said(answer) and "4.596" in _said(answer) and \
        "6.215" not in _said(answer), _said(answer)
    answer = service.ask("Doanh thu vận tải hành khách năm 2081?")
    assert answer.found and _said(answer).startswith("2.274"), _said(answer)
    # near-miss: the total named by its "Tổng" answers the total
    answer = service.ask("Tổng doanh thu vận tải năm 2081?")
    assert answer.found and _said(answer).startswith("6.870"), _said(answer)


def test_total_of_said_part_rule() -> None:
    from rag.answer.row_named import total_of_said_part

    total = "Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng"
    parts = ["Bán lẻ hàng hóa", "Dịch vụ lưu trú, ăn uống"]
    assert total_of_said_part(total, parts, "doanh thu ban le hang hoa nam 2061")
    assert not total_of_said_part(total, parts, "tong muc ban le hang hoa nam 2061")
    assert not total_of_said_part(total, parts, "ban le hang hoa va doanh thu dich vu nam 2061")
    # a total listing nothing ("Tổng giá trị sản xuất công nghiệp") is the whole asked
    assert not total_of_said_part("Tổng giá trị sản xuất công nghiệp", ["Khai khoáng mỏ"],
                                  "gia tri san xuat cong nghiep khai khoang mo nam 2061")
