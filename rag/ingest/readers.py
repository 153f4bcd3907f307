"""Read .txt, .md, .html and .jsonl files into normalised Documents.

Page boilerplate (font-size and contrast widgets, rating widgets, "Bài viết liên quan" footers,
photo captions repeated on consecutive lines) is removed by general line rules; the title and a
publication date ("2:05:12 PM | 22/5/2018") are read from the head of the text.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Iterator
from html.parser import HTMLParser
from pathlib import Path

from rag.errors import IngestError
from rag.ingest.jsonl import json_objects
from rag.records import Document
from rag.vi.periods import main_scope
from rag.vi.text import fold, normalize

log = logging.getLogger(__name__)

SUPPORTED = (".txt", ".md", ".html", ".htm", ".jsonl")
MAX_FILE_BYTES = 50 * 1024 * 1024


# --- boilerplate -------------------------------------------------------------------------

# Lines that are page widgets, matched on folded text.
_WIDGET_RE = re.compile(
    r"^(?:a-\s*a\s*a\+|co chu\b)"
    r"|tang tuong phan|giam tuong phan"
    r"|tong so diem cua bai viet|click de danh gia|danh gia bai viet"
    r"|^(?:chia se|in bai|gui email|gui bai|ban in|print|share)\s*[:|]?\s*$"
)
# Headings after which a page only lists other articles.
_FOOTER_RE = re.compile(
    r"^(?:bai viet lien quan|tin da dang|tin lien quan|cac tin khac|tin khac|tin cung chuyen muc"
    r"|cac bai viet khac|xem them|related (?:articles|posts))\s*:?$"
)
_DATE_RE = re.compile(r"(?<!\d)(\d{1,2})[/.-](\d{1,2})[/.-]((?:19|20)\d{2})(?!\d)")
_TIME_RE = re.compile(r"\d{1,2}:\d{2}(?::\d{2})?\s*(?:am|pm|sa|ch)?", re.IGNORECASE)
_DATE_LINE_WORDS = re.compile(
    r"ngay dang|cap nhat|dang luc|thu (?:hai|ba|tu|nam|sau|bay)|chu nhat|ngay|posted|updated"
)


def _is_date_line(line: str) -> bool:
    """A short line holding only a date and/or time (and words like "Cập nhật")."""
    if len(line) > 60 or not _DATE_RE.search(line):
        return False
    rest = _DATE_RE.sub(" ", line)
    rest = _TIME_RE.sub(" ", rest)
    rest = _DATE_LINE_WORDS.sub(" ", fold(rest))
    return not re.sub(r"[\s|,:\-–/()]+", "", rest)


def _iso_date(line: str) -> str | None:
    m = _DATE_RE.search(line)
    if not m:
        return None
    day, month, year = int(m.group(1)), int(m.group(2)), int(m.group(3))
    if not (1 <= day <= 31 and 1 <= month <= 12):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def clean_lines(lines: list[str]) -> list[str]:
    """Drop widget lines, footers and consecutive repeats of a line."""
    out: list[str] = []
    last = None
    n = len(lines)
    for i, raw in enumerate(lines):
        line = raw.strip()
        if not line:
            out.append("")
            continue
        key = fold(line)
        if _FOOTER_RE.match(key) and i > n * 0.3:
            break
        if _WIDGET_RE.search(key):
            continue
        if key == last:
            continue  # a photo caption or title printed twice
        out.append(line)
        last = key
    return out


def _split_title(lines: list[str], detect_title: bool) -> tuple[str | None, str | None, list[str]]:
    """(title, date, body lines) from the cleaned lines of an article.

    A heading line (short, not a sentence) becomes the title and leaves the body; a lead
    sentence gives a shortened title and stays in the body, and so does a date line.
    """
    date = None
    body: list[str] = []
    title = None
    head_seen = 0
    for line in lines:
        if line and head_seen < 6 and date is None and _is_date_line(line):
            date = _iso_date(line)  # the line stays: a citation may quote it
        elif line:
            head_seen += 1
            if detect_title and title is None:
                if len(line) <= 250 and not line.endswith((".", "…", ":", ";")):
                    title = line
                    continue
                title = _short_title(line)
        body.append(line)
    return title, date, body


def _short_title(sentence: str, words: int = 14) -> str:
    parts = sentence.split()
    return sentence if len(parts) <= words else " ".join(parts[:words]) + " …"


# --- formats -----------------------------------------------------------------------------


class _HTMLText(HTMLParser):
    """Text of an HTML page with block structure kept as lines; scripts and menus skipped."""

    _BLOCK = {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "section",
              "article", "blockquote", "figcaption", "table", "ul", "ol", "header", "footer"}
    _SKIP = {"script", "style", "noscript", "nav", "template", "svg", "iframe", "form", "button"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.title = ""
        self.h1 = ""
        self._skip = 0
        self._in: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._SKIP:
            self._skip += 1
        elif tag in ("title", "h1"):
            self._in = tag
        if tag in self._BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._SKIP and self._skip:
            self._skip -= 1
        if tag in ("title", "h1"):
            self._in = None
        if tag in self._BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self._skip:
            return
        if self._in == "title":
            self.title += data
            return
        if self._in == "h1":
            self.h1 += data
        self.parts.append(data)


def html_to_text(raw: str) -> tuple[str, str]:
    parser = _HTMLText()
    parser.feed(raw)
    parser.close()
    text = "".join(parser.parts)
    text = "\n".join(" ".join(line.split()) for line in text.split("\n"))
    title = " ".join((parser.h1 or parser.title).split())
    return title, text


_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MD_EMPH = re.compile(r"(\*\*|__|\*|_|`)(?=\S)(.+?)(?<=\S)\1")


def md_to_text(raw: str) -> tuple[str, str]:
    title = ""
    lines = []
    for line in raw.split("\n"):
        stripped = line.strip()
        if stripped.startswith("#"):
            stripped = stripped.lstrip("#").strip()
            if not title:
                title = stripped
                continue
        stripped = re.sub(r"^(?:[-*+]|\d+\.)\s+", "", stripped)
        stripped = _MD_EMPH.sub(r"\2", _MD_LINK.sub(r"\1", stripped))
        lines.append(stripped)
    return title, "\n".join(lines)


def _read_text_file(path: Path) -> str:
    data = path.read_bytes()
    if not data.strip():
        raise IngestError(f"{path}: file is empty")
    if len(data) > MAX_FILE_BYTES:
        raise IngestError(f"{path}: file is larger than {MAX_FILE_BYTES // (1024 * 1024)} MB")
    if b"\x00" in data[:8192]:
        raise IngestError(f"{path}: binary file, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise IngestError(f"{path}: not UTF-8 text ({exc.reason} at byte {exc.start})") from exc


def make_document(doc_id: str, text: str, *, title: str | None = None, date: str | None = None,
                  url: str | None = None, source: str | None = None) -> Document:
    """Clean and normalise one document's text; read title and date where not given."""
    doc_id = doc_id.strip()
    if not doc_id:
        raise IngestError("document id is empty")
    lines = clean_lines(normalize(text).split("\n"))
    title = normalize(title) if title and title.strip() else None
    found_title, found_date, body = _split_title(lines, detect_title=title is None)
    if not any(line.strip() for line in body) and found_title:
        body = [found_title]  # a one-line document: its line is the text, not only a title
    body_text = "\n".join(body).strip()
    body_text = re.sub(r"\n{3,}", "\n\n", body_text)
    if not body_text:
        raise IngestError(f"{doc_id}: no text left after removing page boilerplate")
    final_title = title or found_title or _short_title(body_text.split("\n")[0])
    final_date = date or found_date
    scope = main_scope(f"{final_title}\n{body_text}",
                       int(final_date[:4]) if final_date and final_date[:4].isdigit() else None)
    return Document(id=doc_id, title=final_title, text=body_text, date=final_date, url=url,
                    source=source, years=tuple(sorted(scope.years)),
                    periods=tuple(sorted(scope.periods)))


def read_file(path: Path) -> list[Document]:
    """Documents in one file (several for .jsonl)."""
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED:
        raise IngestError(f"{path}: unsupported file type {suffix or '(none)'}; "
                          f"use one of {', '.join(SUPPORTED)}")
    raw = _read_text_file(path)
    if suffix == ".jsonl":
        return list(_read_jsonl(path, raw))
    try:
        return _read_one(path, suffix, raw)
    except IngestError as exc:
        raise IngestError(f"{path}: {exc}") from exc


def _read_one(path: Path, suffix: str, raw: str) -> list[Document]:
    if suffix in (".html", ".htm"):
        title, text = html_to_text(raw)
        return [make_document(path.stem, text, title=title or None, source=str(path.resolve()))]
    if suffix == ".md":
        title, text = md_to_text(raw)
        return [make_document(path.stem, text, title=title or None, source=str(path.resolve()))]
    return [make_document(path.stem, raw, source=str(path.resolve()))]


def _read_jsonl(path: Path, raw: str) -> Iterator[Document]:
    for where, rec in json_objects(path, raw, IngestError):
        doc_id, text = rec.get("id"), rec.get("text")
        if not isinstance(doc_id, str | int) or not str(doc_id).strip():
            raise IngestError(f"{where}: missing \"id\"")
        if not isinstance(text, str) or not text.strip():
            raise IngestError(f"{where}: missing or empty \"text\"")
        for key in ("title", "date", "url"):
            if rec.get(key) is not None and not isinstance(rec[key], str):
                raise IngestError(f"{where}: \"{key}\" must be a string")
        try:
            yield make_document(str(doc_id), text, title=rec.get("title"), date=rec.get("date"),
                                url=rec.get("url"), source=str(path.resolve()))
        except IngestError as exc:
            raise IngestError(f"{where}: {exc}") from exc


def iter_files(paths: Iterable[Path]) -> Iterator[Path]:
    """Supported files under the given paths; a missing path is an error."""
    for path in paths:
        if not path.exists():
            raise IngestError(f"{path}: no such file or directory")
        if path.is_dir():
            files = sorted(p for p in path.rglob("*")
                           if p.is_file() and p.suffix.lower() in SUPPORTED
                           and not any(part.startswith(".") for part in p.relative_to(path).parts))
            if not files:
                raise IngestError(f"{path}: no {', '.join(SUPPORTED)} files in this directory")
            yield from files
        else:
            yield path


def iter_documents(paths: Iterable[Path]) -> Iterator[Document]:
    """Every document under ``paths``, a file at a time; a duplicate id is an error.

    Only the ids and sources seen so far are kept, so a caller that consumes the documents as
    they come holds one file's documents at a time."""
    sources: dict[str, str | None] = {}
    for path in iter_files(paths):
        for doc in read_file(path):
            if doc.id in sources:
                raise IngestError(f"{path}: document id {doc.id!r} also comes from "
                                  f"{sources[doc.id]}")
            sources[doc.id] = doc.source
            yield doc


def load_documents(paths: Iterable[Path]) -> list[Document]:
    """Every document under ``paths`` in a list; duplicate ids are an error."""
    return list(iter_documents(paths))


# --- uploads -----------------------------------------------------------------------------
