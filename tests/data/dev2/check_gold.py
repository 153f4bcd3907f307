#!/usr/bin/env python3
"""Check the gold questions of the development corpus against the documents.

Copied from the dev reports' check_gold.py (../shared/dev-reports beside the repository) for the
dev2 set; the seeds folder defaults to the repository's seeds/ (three levels up).

For every question in questions.jsonl this verifies that:
  * the fields are well formed (id, question, answers, doc_ids, kind, tags; "today" for
    relative questions, "note" for partial_period questions);
  * every doc id names a file in docs/ (by stem) or in the seeds folder;
  * every answer string occurs in the extracted text of at least one of its documents, and
    every listed document contains at least one of the answers;
  * unanswerable questions have no answers and no documents.

Text is extracted with the standard library where that is enough (.txt, .html, .docx,
.xlsx); .pdf needs pypdf or pdfminer.six (or the pdftotext program). python-docx and
openpyxl are used when installed, for fidelity. A format whose extractor is missing is
skipped with a warning, never counted as a failure.

Matching is done after a light normalisation that any reader of these documents needs:
Unicode NFC, removal of soft hyphens and zero-width characters, non-breaking and thin
spaces turned into plain spaces, and runs of white space collapsed. Nothing else is
folded: case, diacritics, separators and minus signs must match as written.

Usage: python3 check_gold.py [--docs DIR] [--seeds DIR] [--questions FILE] [--dump DOC_ID]
Exit status 0 when every check passes, 1 otherwise.
"""
from __future__ import annotations

import argparse
import collections
import datetime as dt
import html.parser
import json
import re
import shutil
import subprocess
import sys
import unicodedata
import warnings
import zipfile
from pathlib import Path
from xml.etree import ElementTree as ET

HERE = Path(__file__).resolve().parent
KINDS = {"figure", "statement", "unanswerable", "multi", "relative", "partial_period"}
INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"), None)
SPACES = re.compile(r"[\s\u00a0\u202f\u2009\u2007]+")


def normalise(text: str) -> str:
    """NFC, drop invisible characters, unify spaces."""
    text = unicodedata.normalize("NFC", text).translate(INVISIBLE)
    return SPACES.sub(" ", text).strip()


# --- extraction -----------------------------------------------------------------------------

class _HTMLText(html.parser.HTMLParser):
    SKIP = {"script", "style", "noscript", "template"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in self.SKIP:
            self._skip += 1
        self.parts.append(" ")

    def handle_endtag(self, tag):
        if tag in self.SKIP and self._skip:
            self._skip -= 1
        self.parts.append(" ")

    def handle_data(self, data):
        if not self._skip:
            self.parts.append(data)


def text_html(path: Path) -> str:
    p = _HTMLText()
    p.feed(path.read_text(encoding="utf-8"))
    return "".join(p.parts)


W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _ptext(p) -> str:
    """Text of one w:p element; line breaks and tabs become white space."""
    out = []
    for el in p.iter():
        if el.tag == W + "t":
            out.append(el.text or "")
        elif el.tag in (W + "br", W + "cr"):
            out.append("\n")
        elif el.tag == W + "tab":
            out.append("\t")
    return "".join(out)


def text_docx(path: Path) -> str:
    try:
        import docx  # python-docx
    except ImportError:
        docx = None
    if docx is not None:
        d = docx.Document(str(path))
        out = []
        for sec in d.sections:
            out += [p.text for p in sec.header.paragraphs] + [p.text for p in sec.footer.paragraphs]
        body = d.element.body
        for child in body.iterchildren():
            if child.tag == W + "p":
                out.append(_ptext(child))
            elif child.tag == W + "tbl":
                for tr in child.iter(W + "tr"):
                    cells = []
                    for tc in tr.iter(W + "tc"):
                        cells.append(" ".join(_ptext(p) for p in tc.iter(W + "p")))
                    out.append(" | ".join(cells))
        return "\n".join(out)
    out = []
    with zipfile.ZipFile(path) as z:
        for name in sorted(z.namelist()):
            if re.match(r"word/(document|header\d*|footer\d*)\.xml$", name):
                root = ET.fromstring(z.read(name))
                for p in root.iter(W + "p"):
                    out.append(_ptext(p))
    return "\n".join(out)


def _vn_number(value: float, decimals: int) -> str:
    s = f"{abs(value):,.{decimals}f}".replace(",", "\x00").replace(".", ",").replace("\x00", ".")
    return ("-" if value < 0 else "") + s


def _decimals(fmt: str | None, value: float) -> int:
    if fmt and fmt != "General":
        m = re.search(r"\.(0+)", fmt)
        return len(m.group(1)) if m else 0
    r = repr(float(value))
    return 0 if r.endswith(".0") else len(r.split(".")[1])


def _cell_strings(value, fmt):
    if isinstance(value, bool) or value is None:
        return [] if value is None else [str(value)]
    if isinstance(value, (int, float)):
        raw = repr(value) if isinstance(value, float) else str(value)
        return [raw, _vn_number(float(value), _decimals(fmt, value))]
    return [str(value)]


def text_xlsx(path: Path) -> str:
    """Each cell as its raw value and as Excel shows it in a Vietnamese locale."""
    try:
        import openpyxl
    except ImportError:
        openpyxl = None
    out = []
    if openpyxl is not None:
        wb = openpyxl.load_workbook(str(path), data_only=True)
        for ws in wb.worksheets:
            out.append(f"[{ws.title}]")
            for row in ws.iter_rows():
                out.append(" | ".join(" / ".join(_cell_strings(c.value, c.number_format))
                                      for c in row))
        return "\n".join(out)
    ns = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
    with zipfile.ZipFile(path) as z:
        shared = []
        if "xl/sharedStrings.xml" in z.namelist():
            for si in ET.fromstring(z.read("xl/sharedStrings.xml")).iter(ns + "si"):
                shared.append("".join(t.text or "" for t in si.iter(ns + "t")))
        for name in sorted(n for n in z.namelist() if re.match(r"xl/worksheets/sheet\d+\.xml$", n)):
            for row in ET.fromstring(z.read(name)).iter(ns + "row"):
                cells = []
                for c in row.iter(ns + "c"):
                    v = c.find(ns + "v")
                    isv = c.find(ns + "is")
                    if c.get("t") == "s" and v is not None:
                        cells.append(shared[int(v.text)])
                    elif isv is not None:
                        cells.append("".join(t.text or "" for t in isv.iter(ns + "t")))
                    elif v is not None:
                        num = float(v.text)
                        num = int(num) if num.is_integer() and "." not in v.text else num
                        cells.append(" / ".join(_cell_strings(num, None)))
                out.append(" | ".join(cells))
    return "\n".join(out)


def text_pdf(path: Path) -> str | None:
    try:
        from pypdf import PdfReader
        return "\n".join(page.extract_text() or "" for page in PdfReader(str(path)).pages)
    except ImportError:
        pass
    try:
        from pdfminer.high_level import extract_text
        return extract_text(str(path))
    except ImportError:
        pass
    if shutil.which("pdftotext"):
        return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                              text=True, check=True).stdout
    return None


def extract(path: Path) -> str | None:
    ext = path.suffix.lower()
    if ext == ".txt":
        return path.read_text(encoding="utf-8")
    if ext in (".html", ".htm"):
        return text_html(path)
    if ext == ".docx":
        return text_docx(path)
    if ext == ".xlsx":
        return text_xlsx(path)
    if ext == ".pdf":
        return text_pdf(path)
    return None


# --- checks ---------------------------------------------------------------------------------

def index_documents(folders: list[Path]) -> dict[str, Path]:
    docs: dict[str, Path] = {}
    for folder in folders:
        if folder.is_dir():
            for p in sorted(folder.iterdir()):
                if p.is_file() and not p.name.startswith("."):
                    if p.stem in docs:
                        raise SystemExit(f"duplicate document id {p.stem}: {docs[p.stem]} and {p}")
                    docs[p.stem] = p
    return docs


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--docs", type=Path, default=HERE / "docs")
    ap.add_argument("--seeds", type=Path, default=HERE.parents[2] / "seeds")
    ap.add_argument("--questions", type=Path, default=HERE / "questions.jsonl")
    ap.add_argument("--dump", metavar="DOC_ID",
                    help="print the normalised text of one document and exit")
    args = ap.parse_args(argv)

    docs = index_documents([args.docs, args.seeds])
    cache: dict[str, str | None] = {}

    def text_of(doc_id: str) -> str | None:
        if doc_id not in cache:
            raw = extract(docs[doc_id])
            cache[doc_id] = None if raw is None else normalise(raw)
        return cache[doc_id]

    if args.dump:
        print(text_of(args.dump))
        return 0

    errors: list[str] = []
    skipped: set[str] = set()
    skipped_q: set[str] = set()
    kinds: collections.Counter[str] = collections.Counter()
    tags: collections.Counter[str] = collections.Counter()
    seen_ids: set[str] = set()
    seen_q: dict[str, str] = {}
    n = 0
    for lineno, line in enumerate(args.questions.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        n += 1
        try:
            q = json.loads(line)
        except json.JSONDecodeError as e:
            errors.append(f"line {lineno}: bad JSON ({e})")
            continue
        qid = q.get("id", f"line{lineno}")
        err = lambda msg, qid=qid: errors.append(f"{qid}: {msg}")  # noqa: E731
        for field, typ in (("id", str), ("question", str), ("answers", list), ("doc_ids", list),
                           ("kind", str), ("tags", list)):
            if not isinstance(q.get(field), typ):
                err(f"field {field!r} missing or not a {typ.__name__}")
        if qid in seen_ids:
            err("duplicate id")
        seen_ids.add(qid)
        key = normalise(q.get("question", "")).lower()
        if key in seen_q:
            err(f"same question text as {seen_q[key]}")
        seen_q[key] = qid
        kind = q.get("kind")
        kinds[kind] += 1
        tags.update(q.get("tags", []))
        if kind not in KINDS:
            err(f"unknown kind {kind!r}")
        answers, doc_ids = q.get("answers", []), q.get("doc_ids", [])
        if kind == "relative":
            try:
                dt.date.fromisoformat(q.get("today", ""))
            except (TypeError, ValueError):
                err("relative question without a valid 'today' (YYYY-MM-DD)")
        if kind == "partial_period" and not q.get("note"):
            err("partial_period question without a 'note'")
        if kind == "unanswerable":
            if answers or doc_ids:
                err("unanswerable question must have empty answers and doc_ids")
            continue
        if not answers or not doc_ids:
            err("answerable question needs answers and doc_ids")
            continue
        unknown = [d for d in doc_ids if d not in docs]
        if unknown:
            err(f"unknown doc ids {unknown}")
            continue
        texts = {}
        for d in doc_ids:
            t = text_of(d)
            if t is None:
                skipped.add(docs[d].suffix)
            else:
                texts[d] = t
        if len(texts) < len(doc_ids):
            skipped_q.add(qid)
        if not texts:
            continue
        norm_answers = [normalise(a) for a in answers]
        for a in norm_answers:
            if not any(a in t for t in texts.values()) and len(texts) == len(doc_ids):
                err(f"answer {a!r} not found in {sorted(texts)}")
        for d, t in texts.items():
            if not any(a in t for a in norm_answers):
                err(f"document {d} contains none of the answers")

    for ext in sorted(skipped):
        warnings.warn(f"no text extractor available for {ext} files: their answers were not "
                      "checked", stacklevel=2)
    print(f"{n} questions, {len(docs)} documents indexed")
    print("by kind: " + ", ".join(f"{k}={v}" for k, v in sorted(kinds.items())))
    by_count = sorted(tags.items(), key=lambda kv: (-kv[1], kv[0]))
    print("by tag:  " + ", ".join(f"{k}={v}" for k, v in by_count))
    for e in errors:
        print("FAIL", e)
    failed = {e.split(":")[0] for e in errors}
    skipped_only = skipped_q - failed
    passed = n - len(failed) - len(skipped_only)
    tail = f", {len(skipped_only)} skipped" if skipped_only else ""
    print(f"{passed} passed, {len(failed)} failed{tail}")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
