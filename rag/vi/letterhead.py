"""The head of a Vietnamese official document, which is not its title: the issuing body
("UBND TỈNH LẠNG SƠN", "SỞ CÔNG THƯƠNG"), the national motto ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT
NAM", "Độc lập - Tự do - Hạnh phúc"), the number ("Số: 125/BC-SCT") and the place and day
("Lạng Sơn, ngày 10 tháng 10 năm 2023"), and the document kind standing alone on its line
("BÁO CÁO"), whose subject follows on the next ("Tình hình xuất nhập khẩu 9 tháng năm 2023").
The title rules of the readers (``rag.ingest.readers`` for every format, ``rag.ingest.word``
for a .docx file's first paragraphs) skip the first and join the second.
"""

from __future__ import annotations

import re
import unicodedata

from rag.vi.text import fold

# matched on folded text (lower case, no diacritics)
_MOTTO = re.compile(r"cong hoa xa hoi chu nghia viet nam|doc lap\s*[-–—]\s*tu do\s*[-–—]\s*"
                    r"hanh phuc")
# an issuing body's first word, in capitals as letterheads print it
BODIES = ("UBND ", "ỦY BAN ", "UỶ BAN ", "HĐND ", "HỘI ĐỒNG ", "SỞ ", "BỘ ", "CỤC ", "CHI CỤC ",
           "TỔNG CỤC ", "BAN ", "VĂN PHÒNG ", "TRUNG TÂM ", "PHÒNG ")
_NUMBER = re.compile(r"so\s*:|so\s+\d+\s*/")
_PLACE_DAY = re.compile(r"[^,\d]{2,40},\s*ngay\s+(?:\d{1,2}|\.+|…)\s+thang\s+")
_RULE = re.compile(r"[-_—–=*.…\s]+")
# a document's kind, alone on its line: its subject follows
_KINDS = {"bao cao", "quyet dinh", "ke hoach", "to trinh", "thong bao", "nghi quyet", "chi thi",
          "cong van", "bien ban", "chuong trinh", "huong dan", "de an", "thong tu", "nghi dinh"}


def is_letterhead(line: str) -> bool:
    """Whether ``line`` belongs to an official document's letterhead (issuing body, national
    motto, number, place and day, a rule under them), also two of them that OCR read as one
    line ("UBND TỈNH LẠNG SƠN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")."""
    key = fold(line.strip())
    if not key or _RULE.fullmatch(key) or _MOTTO.search(key) or _NUMBER.match(key) or \
            _PLACE_DAY.match(key):
        return True
    # an issuing body: a short line in capitals ("SỞ CÔNG THƯƠNG"), not a sentence
    line = unicodedata.normalize("NFC", line.strip())
    return len(line) <= 80 and line.upper() == line and line.startswith(BODIES)


# an issuing body written in any case, on a line of its own: "Ủy ban nhân dân tỉnh Hà Giang",
# "Sở Tài chính tỉnh Hà Giang" (matched with diacritics: "Số liệu tỉnh ..." is no body)
_BODY_LINE = re.compile(r"(?:ubnd|[uủ]y ban nhân dân|hđnd|hội đồng nhân dân)\s+(?:tỉnh|thành phố|"
                        r"huyện|thị xã)\s|(?:sở|cục|chi cục)\s.{2,40}\s(?:tỉnh|thành phố)\s")
# how many lines a document's front (letterhead, title, number, date) runs at most
_FRONT_LINES = 8


def issuer_lines(text: str) -> list[str]:
    """The lines of ``text``'s front that say who issued it and where: its letterhead lines
    (:func:`is_letterhead`: "UBND TỈNH HÀ GIANG", "Hà Giang, ngày 5 tháng 1 năm 2028") and an
    issuing body written in any case on its own line ("Ủy ban nhân dân tỉnh Hà Giang"), among
    the first ``_FRONT_LINES`` non-empty lines, before the first line ending a sentence or
    longer than 80 characters (the body).  Used for the document's own place
    (rag.answer.places.own_places)."""
    out: list[str] = []
    for line in [x.strip() for x in text.splitlines() if x.strip()][:_FRONT_LINES]:
        if len(line) > 80 or line.endswith((".", ";")):
            break
        key = " ".join(unicodedata.normalize("NFC", line).lower().split())
        if is_letterhead(line) or _BODY_LINE.match(key):
            out.append(line)
    return out


def is_kind(line: str) -> bool:
    """Whether ``line`` is only a document's kind ("BÁO CÁO", "QUYẾT ĐỊNH"): its subject is
    on the next line."""
    return " ".join(fold(line).split()).strip(" :") in _KINDS


def names_kind(line: str) -> bool:
    """Whether ``line`` begins with a document's kind and goes on with its subject ("BÁO
    CÁO tình hình ngành điện 6 tháng đầu năm 2024")."""
    words = fold(line).split()
    return len(words) > 2 and (" ".join(words[:2]) in _KINDS or " ".join(words[:3]) in _KINDS)


def kind_heading(line: str) -> bool:
    """Whether ``line`` is a heading naming the document's kind in capitals and its subject
    ("BÁO CÁO nhanh tình hình thủy sản tháng 11 năm 2022", :func:`names_kind`), no sentence:
    the line after it starts the body, never goes on it (break-test bt21-b16 failure 2: the
    first line of a wrapped sentence was joined to it and left the body with the title)."""
    words = line.split()
    return names_kind(line) and all(w.isupper() for w in words[:2]) \
        and not line.rstrip().endswith((".", ";", "!", "?"))


def kind_title(kind: str, subject: str) -> str:
    """The title of a document whose kind stands alone on its line: "BÁO CÁO" + "Kết quả
    ..." -> "Báo cáo kết quả ..."."""
    return f"{kind.strip(' :').capitalize()} {subject[:1].lower()}{subject[1:]}"
