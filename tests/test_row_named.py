"""A question naming one row of a table by a short form of its label ("Đền Kỳ Cùng" for "Khu
di tích Đền Kỳ Cùng", "dầu" for "Dầu diesel 0,05S") is answered with that row, and a row led
by a total's label ("Toàn ngành công nghiệp", "Toàn tỉnh Lam Sơn") is the total -- never the
table's rows listed as parts of a total no row states (break-tests bt17s, bt17r; issue 17:
rag.answer.row_named).  Other tables, places, goods, wordings and figures here."""

from __future__ import annotations

from pathlib import Path

from conftest import service_over_files
from helpers import docx_bytes, html_rows, xlsx_bytes

PARTS = "Báo cáo không có số liệu tổng; các phần:"

OTHERS = {
    "bao-cao-2075.txt": "BÁO CÁO KINH TẾ - XÃ HỘI NĂM 2075\n\nTổng mức bán lẻ hàng hóa năm "
                        "2075 của tỉnh Lam Sơn đạt 23.150 tỷ đồng, tăng 8,7% so với năm 2074."
                        "\n\nKim ngạch xuất khẩu năm 2075 đạt 1.204 triệu USD.\n",
}


def _tourism() -> bytes:
    import docx

    d = docx.Document()
    d.add_paragraph("Du lịch tỉnh Lam Sơn năm 2075")
    d.add_paragraph("Năm 2075, toàn tỉnh đón khoảng 1.240.000 lượt khách, tăng 12% so với năm "
                    "2074. Tổng thu từ du lịch ước đạt 1.150 tỷ đồng.")
    rows = [("Điểm du lịch", "Lượt khách", "Ghi chú"),
            ("Khu di tích Đền Kỳ Cùng", "152.300", "đông nhất"),
            ("Chùa Tiên Phong", "87.600", ""), ("Đỉnh Phja Pò", "44.150", "")]
    table = d.add_table(rows=len(rows), cols=3)
    for i, row in enumerate(rows):
        for j, cell in enumerate(row):
            table.cell(i, j).text = cell
    return docx_bytes(d)


def _prices() -> bytes:
    return xlsx_bytes([
        ["Giá bán lẻ một số mặt hàng tháng 5 năm 2075 tỉnh Lam Sơn (đồng)"],
        ["Mặt hàng", "Tháng 5/2075"],
        ["Thịt bò thăn", 285000],
        ["Dầu diesel 0,05S", 19870],
        ["Gạo tẻ thường", 16500],
    ], sheet="Giá")


def _iip() -> bytes:
    return xlsx_bytes([
        ["Chỉ số sản xuất công nghiệp năm 2075 tỉnh Lam Sơn (%)"],
        ["Ngành", "Năm 2075 so với năm 2074"],
        ["Toàn ngành công nghiệp", 107.4],
        ["Khai khoáng", 95.8],
        ["Chế biến, chế tạo", 111.3],
        ["Sản xuất và phân phối điện", 103.2],
    ], sheet="IIP")


def _firms() -> str:
    rows = [["Địa bàn", "Năm 2075"], ["Toàn tỉnh Lam Sơn", "612"], ["Thành phố Kỳ Lừa", "301"],
            ["Huyện Na Sầm", "174"], ["Huyện Bản Mạ", "137"]]
    return ("<html><body><h1>Số doanh nghiệp thành lập mới năm 2075 tỉnh Lam Sơn</h1>"
            f"<table>{html_rows(rows)}</table></body></html>")


def _said(answer: object) -> str:
    return str(getattr(answer, "answer", "") or "")


def test_a_place_named_by_part_of_its_label_is_answered(tmp_path: Path) -> None:
    service = service_over_files(tmp_path, {**OTHERS, "du-lich.docx": _tourism()})
    for question, value in (("Đền Kỳ Cùng đón bao nhiêu lượt khách năm 2075?", "152.300"),
                            ("Phja Pò năm 2075 bao nhiêu khách?", "44.150"),
                            ("lượt khách chùa Tiên Phong năm 2075", "87.600")):
        answer = service.ask(question)
        assert answer.found and _said(answer).startswith(value), (question, _said(answer))


def test_goods_named_by_their_first_word_are_answered(tmp_path: Path) -> None:
    service = service_over_files(tmp_path, {**OTHERS, "gia.xlsx": _prices()})
    answer = service.ask("Giá dầu tháng 5/2075 bao nhiêu?")
    assert answer.found and _said(answer).startswith("19.870"), _said(answer)
    assert not _said(answer).startswith(PARTS)


def test_a_row_led_by_a_total_label_is_the_total(tmp_path: Path) -> None:
    service = service_over_files(tmp_path, {**OTHERS, "iip.xlsx": _iip(),
                                            "dn.html": _firms()})
    answer = service.ask("IIP năm 2075 so với năm trước?")
    assert answer.found and not _said(answer).startswith(PARTS), _said(answer)
    assert "7,4" in _said(answer), _said(answer)
    answer = service.ask("Số doanh nghiệp thành lập mới năm 2075?")
    assert answer.found and _said(answer).startswith("612"), _said(answer)


def test_a_question_naming_no_row_still_gets_the_parts(tmp_path: Path) -> None:
    # near-misses: "giá bán lẻ" and "Lam Sơn" name no goods; "sản xuất" of the IIP's own
    # name (the table's heading) names no row "Sản xuất và phân phối điện"
    iip = xlsx_bytes([
        ["Chỉ số sản xuất công nghiệp năm 2075 tỉnh Lam Sơn (%)"],
        ["Ngành", "Năm 2075 so với năm 2074"],
        ["Khai khoáng", 95.8], ["Chế biến, chế tạo", 111.3], ["Sản xuất và phân phối điện", 103.2],
    ], sheet="IIP")
    service = service_over_files(tmp_path, {**OTHERS, "gia.xlsx": _prices(), "iip.xlsx": iip})
    for question, values in (("giá bán lẻ tháng 5/2075 tỉnh Lam Sơn",
                              ("285.000", "19.870", "16.500")),
                             ("IIP năm 2075 so với năm trước?", ("95,8", "111,3", "103,2")),
                             ("chỉ số sản xuất công nghiệp năm 2075", ("95,8", "111,3", "103,2"))):
        answer = service.ask(question)
        said = _said(answer)
        assert answer.found and said.startswith(PARTS), (question, said)
        assert all(v in said for v in values), said
