"""A report's signature block names the holder of the role it signs with: "CỤC TRƯỞNG" over
"Hoàng Văn Thịnh" at the end of a Cục Thống kê report answers "Cục trưởng Cục Thống kê ... là
ai?" (break-test bt24a, session 51: the letterhead "CỤC THỐNG KÊ TỈNH LẠNG SƠN" was answered at
0.62).  The block is read as one sentence (rag.answer.sentences.signature_blocks), its role of
the body whose letterhead heads the report (rag.answer.sentences.signed_as): "KT. GIÁM ĐỐC /
PHÓ GIÁM ĐỐC" is signed by a deputy, no director, and another body's head asked is not the
signer.  Invented documents, years 2036-2037."""

from __future__ import annotations

import pytest
from conftest import service_over_files

from rag.records import AskOptions

STATS = """CỤC THỐNG KÊ TỈNH CAO BẰNG
Số: 215/BC-CTK                                  Cao Bằng, ngày 28 tháng 9 năm 2036

BÁO CÁO
Tình hình kinh tế - xã hội tháng Chín và 9 tháng năm 2036

I. SẢN XUẤT CÔNG NGHIỆP
Chỉ số sản xuất công nghiệp tháng 9/2036 ước tăng 2,6% so với tháng trước.

II. THƯƠNG MẠI
Tổng mức bán lẻ hàng hóa tháng 9/2036 ước đạt 1.215,7 tỷ đồng.
Theo số liệu của Cục Hải quan tỉnh, kim ngạch xuất khẩu 9 tháng đạt 310,2 triệu USD.

Nơi nhận:
- Tổng cục Thống kê;
- UBND tỉnh;
- Lưu: VT, TH.
                                             CỤC TRƯỞNG
                                             Bế Văn Quang
"""

TRADE = """SỞ CÔNG THƯƠNG TỈNH BẮC KẠN
Số: 98/BC-SCT                                  Bắc Kạn, ngày 5 tháng 7 năm 2037

BÁO CÁO
Tình hình hoạt động thương mại 6 tháng đầu năm 2037

Tổng kim ngạch xuất khẩu 6 tháng đầu năm 2037 ước đạt 41,2 triệu USD.

Nơi nhận:
- UBND tỉnh;
- Lưu: VT.
                                             KT. GIÁM ĐỐC
                                             PHÓ GIÁM ĐỐC

                                             Hà Thị Minh Nguyệt
"""

# a longer report: its signature stands in its last passage, which names neither the body nor
# the subject, and which the search does not rank among those read
ITEMS = ["Sản lượng chè búp tươi", "Sản lượng lúa vụ Mùa", "Diện tích rừng trồng mới",
         "Tổng mức bán lẻ hàng hóa", "Doanh thu dịch vụ lưu trú", "Kim ngạch xuất khẩu",
         "Vốn đầu tư thực hiện từ ngân sách", "Thu ngân sách nhà nước trên địa bàn",
         "Số lượt khách du lịch", "Sản lượng điện sản xuất"]
LONG = ("CỤC THỐNG KÊ TỈNH HÀ GIANG\nSố: 301/BC-CTK          Hà Giang, ngày 30 tháng 11 năm "
        "2035\n\nBÁO CÁO\nTình hình kinh tế - xã hội tháng Mười một năm 2035\n\n"
        + "\n\n".join(f"{k + 1}. {item}\n{item} tháng 11/2035 ước đạt {120 + 7 * k},{k + 1} "
                       f"nghìn đơn vị, tăng {k + 2},{k}% so với tháng trước và tăng {k + 5},1% "
                       f"so với cùng kỳ năm trước. Tính chung 11 tháng năm 2035, {item.lower()} "
                       f"ước đạt {1300 + 70 * k},5 nghìn đơn vị, tăng {k + 4},2% so với cùng kỳ."
                       for k, item in enumerate(ITEMS))
        + "\n\nNơi nhận:\n- Tổng cục Thống kê;\n- Lưu: VT, TH.\n"
        "                                             CỤC TRƯỞNG\n"
        "                                             Vương Thị Hồng Nhung\n")


@pytest.fixture(scope="module")
def service(tmp_path_factory):
    return service_over_files(tmp_path_factory.mktemp("sign"),
                              {"ctk.txt": STATS, "sct.txt": TRADE, "hg.txt": LONG})


@pytest.mark.parametrize(("question", "name"), [
    ("Ai là Cục trưởng Cục Thống kê tỉnh Cao Bằng?", "Bế Văn Quang"),
    ("Cục trưởng Cục Thống kê Cao Bằng là ai?", "Bế Văn Quang"),
    ("Phó Giám đốc Sở Công Thương Bắc Kạn là ai?", "Hà Thị Minh Nguyệt"),
    ("Ai là Phó Giám đốc Sở Công Thương tỉnh Bắc Kạn?", "Hà Thị Minh Nguyệt"),
    ("Cục trưởng Cục Thống kê tỉnh Hà Giang là ai?", "Vương Thị Hồng Nhung"),
])
def test_the_signer_holds_the_role_signed(service, question: str, name: str) -> None:
    a = service.ask(question)
    assert a.found and a.answer == name, (question, a.answer, a.confidence)
    assert name in a.answer_sentence and a.citations, a.answer_sentence


@pytest.mark.parametrize("question", [
    # "KT. GIÁM ĐỐC": the deputy signs for the director, who is not named
    "Giám đốc Sở Công Thương Bắc Kạn là ai?",
    # the report cites another body; its head is not the one who signed
    "Cục trưởng Cục Hải quan tỉnh Cao Bằng là ai?",
])
def test_no_signer_of_another_role(service, question: str) -> None:
    a = service.ask(question, AskOptions(retrieval_mode="lexical"))
    assert not (a.found and ("Nguyệt" in a.answer or "Quang" in a.answer)
                and a.confidence >= 0.5), (question, a.answer, a.confidence)
