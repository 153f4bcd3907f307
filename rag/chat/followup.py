"""Follow-up questions: fill in what a chat turn leaves out from the turn before it.

A question is split into parts: its *indicator* (what is measured: "kim ngạch xuất khẩu"), its
*period* ("quý I", "6 tháng đầu năm"), its *years*, and its *tail* (what is asked about the
figure: "tăng bao nhiêu so với cùng kỳ?").  A follow-up ("còn nhập khẩu?", "năm 2024 thì
sao?", "6 tháng đầu năm 2023?") takes each missing part from the previous resolved question:

- indicator: the new one, else the previous one.  A bare trade word ("nhập khẩu") replaces its
  sibling inside the previous phrase ("kim ngạch xuất khẩu" -> "kim ngạch nhập khẩu"); a new
  phrase of the same family keeps the previous head noun ("kim ngạch" + "hàng địa phương xuất
  khẩu").
- years: the new ones, else the previous ones.
- period: the new one.  Without one, the previous period is kept when the new question gives
  no year, or gives a year and nothing else new ("năm 2024 thì sao?" after "quý I/2018" ->
  "quý I năm 2024"); a question that restates the indicator with a year ("còn nhập khẩu 2024?")
  drops it, since a stale period would be a guess.
- tail: the new one, else the previous one, else "?".  The previous tail is dropped when it
  compares with a year and the years changed, or when it asks something other than a figure
  ("là ai") and the indicator was replaced.

A question is a follow-up when it has a marker ("còn ...", "thế còn", "và ...", "... thì sao",
"vậy", "nhỉ", "how about"), names no indicator, or is two words naming a domain term ("nhập
khẩu?", "CPI?"); any other question is returned as it is (normalised).  Typed words keep their
diacritics; words added here ("nhập khẩu", "năm", period names) are written with diacritics
unless both questions were typed without them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rag.vi.lexicon import ABBREVIATIONS, ASK_WORDS, ENGLISH, HOW_MUCH, WEAK_ASK_WORDS
from rag.vi.periods import COMPARISON_RE, PERIOD_NAMES, PERIOD_PATTERNS, YEAR_RE, find_periods
from rag.vi.text import fold, has_diacritics, normalize_query

# rag.vi.periods' own patterns are used, so the spans cut out here are exactly what it reads.

# --- vocabulary (folded text) ------------------------------------------------------------

# Follow-up markers at the start ("còn nhập khẩu?") and at the end ("năm 2024 thì sao?").  A
# word typed with diacritics must match exactly ("con số" is not "còn"); one typed without
# them matches its folded form.
_LEAD_MARKERS = ("thế còn", "vậy còn", "còn về", "còn", "và", "how about", "what about", "and")
_TRAIL_MARKERS = ("thì sao", "thì thế nào", "thì ra sao", "vậy", "nhỉ", "còn gì", "nữa", "ạ",
                  "à")
# Asking words that only say "what about", not which figure: not a tail of their own.
_WEAK_TAIL_RE = re.compile(r"^(?:" + "|".join(WEAK_ASK_WORDS) + r")?[\s?.!]*$")

_VERBS = (r"la|dat|dat duoc|uoc dat|uoc|uoc tinh|tang|giam|tang hay giam|tang truong|chiem|"
          r"bang|duoc|co|khoang|la khoang|vao khoang|thuc hien|tang them|giam di|tren|duoi")
_UNITS = (r"%|phan tram|ty|trieu|nghin|ngan|usd|dong|vnd|ty dong|trieu usd|trieu dong|lan|luot|"
          r"nguoi|tan|diem|kh|ke hoach|ke hoach nam|xe|moi ngay|ngay")
_ASK = "|".join(ASK_WORDS)
# The tail runs to the end: "[verb] <question word> [units] [so với ...]" or "[verb] so với ...".
_TAIL_RE = re.compile(
    rf"(?<!\S)(?:(?:(?:{_VERBS})\s+)*(?:{_ASK})(?!\w)(?:\s+(?:{_UNITS})(?!\w))*"
    rf"(?:\s+so(?: voi)?\s.*)?|(?:(?:{_VERBS})\s+)*so (?:voi|cung ky)(?!\w).*)?[\s?.!]*$")
# A tail that asks for a figure still fits when the indicator changes ("là ai" does not).
_FIGURE_TAIL_RE = re.compile(
    r"(?<!\w)(?:" + "|".join((*HOW_MUCH, "tang", "giam", "so voi", "so cung ky")) + r")(?!\w)|%")
# Where a comparison starts, years and periods belong to what is compared with.
_COMPARE_START_RE = re.compile(r"(?<!\w)(?:so voi|so cung ky|cung ky)(?!\w)")

_PERIOD_SUFFIX_RE = re.compile(r"\s+(?:dau|cuoi)(?:\s+nam)?(?!\w)")
_YEAR_PREFIX_RE = re.compile(r"(?:(?<!\w)nam\s+|\s*[/-]\s*)$")
_TIME_JOIN_RE = re.compile(r"^\s*(?:,|va|and|-|–|den|toi|nam)?\s*(?:nam\s+)?$")
_BEFORE_TIME_RE = re.compile(r"(?<!\w)(?:trong|vao|cua|in|during|for)\s+$")
_EDGE_WORDS = frozenset(("trong", "vao", "cua", "nam", "la", "thi", "va", "in", "of", "for",
                         "during", "and"))

_HEADS = ("tong kim ngach", "kim ngach", "tong muc", "gia tri", "chi so", "toc do tang truong",
          "san luong", "ty trong", "tong gia tri")
# Interchangeable indicator words, longest first within a family.
_FAMILIES: tuple[tuple[str, ...], ...] = (
    ("xuất nhập khẩu", "tạm nhập tái xuất", "xuất khẩu", "nhập khẩu"),
)
_FAMILY_OF = {fold(term): (i, term) for i, fam in enumerate(_FAMILIES) for term in fam}
_FAMILY_RE = re.compile(r"(?<!\w)(" + "|".join(sorted(_FAMILY_OF, key=len, reverse=True))
                        + r")(?!\w)")
# Domain terms (of two words or more, not names nor periods) that make a two-word question
# ("nhập khẩu?", "CPI?") a follow-up; matched on :func:`_canonical` text.
_DOMAIN_RE = re.compile(r"(?<!\w)(?:" + "|".join(sorted(
    {re.escape(fold(v)) for v in (*ABBREVIATIONS.values(), *ENGLISH.values(), *_FAMILY_OF)
     if len(v.split()) >= 2 and not all(w[0].isupper() for w in v.split())
     and not find_periods(v)},
    key=len, reverse=True)) + r")(?!\w)")


@dataclass(frozen=True)
class Resolution:
    """A question and what it means in context; ``inherited`` names the parts taken from the
    previous question ("indicator", "head", "period", "years", "tail")."""

    question: str
    resolved: str
    inherited: tuple[str, ...] = ()

    @property
    def is_followup(self) -> bool:
        """Whether the message took anything (indicator, period, place) from the previous
        question."""
        return bool(self.inherited)


@dataclass(frozen=True)
class _Parts:
    text: str  # normalised question
    indicator: str  # as typed
    period: str | None  # period code of the first period named
    period_text: str  # as typed ("quý I", "6 tháng đầu năm")
    years: tuple[int, ...]
    years_text: str  # as typed ("2018", "2018 và 2019")
    year_sep: str  # what came before the year: "nam" (folded "năm"), "/", "-" or ""
    tail: str  # as typed, "" when only punctuation or a weak "thế nào"
    marked: bool  # has a follow-up marker ("còn", "thì sao", ...)
    words: int  # words besides the markers


def _fold_aligned(text: str) -> str:
    """:func:`fold` that keeps one character per character, so offsets match ``text``."""
    out = []
    for ch in text:
        f = fold(ch)
        out.append(f if len(f) == 1 else ch)
    return "".join(out)


def _merge(spans: list[tuple[int, int]], f: str) -> tuple[int, int] | None:
    """One span covering ``spans`` when only joining words lie between them."""
    spans = sorted(spans)
    for (_, e), (s, _) in zip(spans, spans[1:], strict=False):
        if not _TIME_JOIN_RE.match(f[e:s]):
            return None
    return (spans[0][0], spans[-1][1]) if spans else None


def _parse(question: str) -> _Parts:
    t = normalize_query(question)
    f = _fold_aligned(t)
    start, end, marked = _strip_markers(t)
    words = len(re.findall(r"\w+", f[start:end]))

    cmp = _COMPARE_START_RE.search(f, start, end)
    limit = cmp.start() if cmp else end

    # periods, in the same order of precedence as rag.vi.periods.find_periods
    periods: list[tuple[int, int, str]] = []
    for code, pat in PERIOD_PATTERNS:
        for m in pat.finditer(f, start, limit):
            s, e = m.span()
            if any(ps < e and s < pe for ps, pe, _ in periods):
                continue
            suffix = _PERIOD_SUFFIX_RE.match(f, e, limit)
            periods.append((s, suffix.end() if suffix else e, code))
    periods.sort()
    # years the question is about (not those it compares with)
    years: list[tuple[int, int, int, str]] = []  # start with prefix, start, end, separator
    for m in YEAR_RE.finditer(f, start, limit):
        s, e = m.span()
        if any(ps <= s < pe for ps, pe, _ in periods):
            continue
        if COMPARISON_RE.search(f[max(0, s - 20):s]):
            continue
        prefix = _YEAR_PREFIX_RE.search(f, start, s)
        sep = prefix.group(0).strip() if prefix else ""
        years.append((prefix.start() if prefix else s, s, e, sep))

    removed: list[tuple[int, int]] = [(s, e) for s, e, _ in periods]
    removed += [(ps, e) for ps, _, e, _ in years]
    for s, _ in list(removed):
        before = _BEFORE_TIME_RE.search(f, start, s)
        if before:
            removed.append(before.span())

    period_text = ""
    if periods:
        block = _merge([(s, e) for s, e, _ in periods], f)
        period_text = (t[block[0]:block[1]] if block else
                       " và ".join(t[s:e] for s, e, _ in periods))
    years_text = ""
    if years:
        block = _merge([(s, e) for _, s, e, _ in years], f)
        years_text = (t[block[0]:block[1]] if block else
                      " và ".join(str(int(t[s:e])) for _, s, e, _ in years))

    # what is left: indicator, then tail
    keep = [True] * len(t)
    for s, e in removed:
        keep[s:e] = [False] * (e - s)
    rest_t = "".join(c if k else " " for c, k in zip(t[start:end], keep[start:end], strict=True))
    rest_t = " ".join(rest_t.split())
    rest_f = _fold_aligned(rest_t)
    tail_m = _TAIL_RE.search(rest_f)
    tail_at = tail_m.start() if tail_m else len(rest_t)
    tail = rest_t[tail_at:].strip()
    if _WEAK_TAIL_RE.match(fold(tail)):
        tail = ""
    return _Parts(
        text=t, indicator=_trim(rest_t[:tail_at]),
        period=periods[0][2] if periods else None, period_text=period_text,
        years=tuple(dict.fromkeys(int(f[s:e]) for _, s, e, _ in years)),
        years_text=years_text, year_sep=years[0][3] if years else "",
        tail=tail, marked=marked, words=words)


def _word_matches(typed: str, marker: str, accented: bool) -> bool:
    typed = typed.lower()
    return typed == marker or (not accented and typed == fold(marker))


def _match_at(tokens: list[str], at: int, marker: str, accented: bool) -> bool:
    words = marker.split()
    return (at >= 0 and at + len(words) <= len(tokens)
            and all(_word_matches(w, m, accented)
                    for w, m in zip(tokens[at:], words, strict=False)))


def _strip_markers(t: str) -> tuple[int, int, bool]:
    """Offsets of ``t`` without its leading and trailing follow-up markers, and whether it
    had any."""
    spans = [m.span() for m in re.finditer(r"[^\s,?.!]+", t)]
    tokens = [t[s:e] for s, e in spans]
    accented = has_diacritics(t)  # then "con số" is not "còn"
    i, j = 0, len(tokens)
    while i < j:
        lead = next((m for m in _LEAD_MARKERS if _match_at(tokens[:j], i, m, accented)), None)
        if lead is None:
            break
        i += len(lead.split())
    trailed = False
    while i < j:
        trail = next((m for m in _TRAIL_MARKERS if j - len(m.split()) >= i
                      and _match_at(tokens[:j], j - len(m.split()), m, accented)), None)
        if trail is None or (trail == "vậy" and j - 2 >= i
                             and fold(tokens[j - 2]) in ("von", "cho")):  # "vốn vay"
            break
        j -= len(trail.split())
        trailed = True
    start = spans[i][0] if i < len(spans) else len(t)
    end = (spans[j - 1][1] if j > i else start) if trailed else len(t)
    return start, end, i > 0 or trailed


def _trim(phrase: str) -> str:
    """Drop punctuation and dangling joining words at both ends of a phrase."""
    words = re.sub(r"[?!.,;:/()–-]+(?=\s|$)|(?<=\s)[/–-]+", " ", phrase).split()
    while words and fold(words[-1]) in _EDGE_WORDS:
        words.pop()
    while words and fold(words[0]) in _EDGE_WORDS:
        words.pop(0)
    return " ".join(words)


def _canonical(phrase: str) -> str:
    """Folded phrase with abbreviations and a whole English term spelt out, for matching."""
    english = ENGLISH.get(phrase.strip().lower())
    if english:
        return fold(english)
    return " ".join(fold(ABBREVIATIONS.get(fold(w), w)) for w in phrase.split())


def _head(folded: str) -> str | None:
    for head in _HEADS:
        if folded == head or folded.startswith(head + " "):
            return head
    return None


def _indicator(new: str, prev: str, plain: bool) -> tuple[str, tuple[str, ...]]:
    """The indicator of the follow-up, and which of the previous one's parts it keeps."""
    if not new:
        return prev, ("indicator",) if prev else ()
    canon = _canonical(new)
    prev_f = _fold_aligned(prev)
    sibling = _FAMILY_RE.search(prev_f)
    if sibling is None:
        return new, ()
    family = _FAMILY_OF[sibling.group(1)][0]
    if canon in _FAMILY_OF and _FAMILY_OF[canon][0] == family:
        # a bare trade word takes its sibling's place: keep head noun and qualifiers
        term = _FAMILY_OF[canon][1]
        term = fold(term) if plain else term
        out = prev[:sibling.start()] + term + prev[sibling.end():]
        return out, ("head",) if out.strip() != term else ()
    head = _head(prev_f)
    shares = any(_FAMILY_OF[m][0] == family for m in _FAMILY_RE.findall(canon))
    if head and shares and _head(canon) is None:
        return f"{prev[:len(head)]} {new}", ("head",)
    return new, ()


def _render_time(period_text: str, period: str | None, years_text: str, sep: str,
                 plain: bool) -> str:
    if not period_text:
        return f"{'nam' if plain else 'năm'} {years_text}" if sep == "nam" else years_text
    if not plain and not has_diacritics(period_text) and period:
        period_text = PERIOD_NAMES[period]  # typed without diacritics in an accented chat
    if not years_text:
        return period_text
    if sep in ("/", "-") and not fold(period_text).endswith("nam"):
        return f"{period_text}{sep}{years_text}"
    if sep == "nam" and not fold(period_text).endswith("nam"):
        return f"{period_text} {'nam' if plain else 'năm'} {years_text}"
    return f"{period_text} {years_text}"


def resolve_detail(question: str, previous_resolved: str | None) -> Resolution:
    """``question`` made self-contained using the previous turn's resolved question."""
    text = normalize_query(question)
    if not previous_resolved or not previous_resolved.strip() or not text:
        return Resolution(question, text)
    new = _parse(text)
    short = new.words <= 2 and bool(_DOMAIN_RE.search(_canonical(new.indicator)))
    if new.indicator and not new.marked and not short:
        return Resolution(question, text)
    prev = _parse(previous_resolved)
    if not (prev.indicator or prev.years or prev.period_text):
        return Resolution(question, text)
    plain = not has_diacritics(prev.text) and not has_diacritics(text)

    indicator, kept = _indicator(new.indicator, prev.indicator, plain)
    inherited = list(kept)

    years_text, sep = new.years_text, new.year_sep
    if new.years and not sep and not new.period_text:
        sep = prev.year_sep  # "còn 2024?" after "năm 2023" reads "năm 2024"
    if not new.years and prev.years:
        years_text, sep = prev.years_text, prev.year_sep
        inherited.append("years")
        if new.period_text and sep:
            sep = "nam"  # "còn 6 tháng đầu năm?" after "quý I/2018": "6 tháng đầu năm 2018"
    period_text, period = new.period_text, new.period
    if not new.period_text and prev.period_text and (not new.years or not new.indicator):
        period_text, period = prev.period_text, prev.period
        inherited.append("period")
    time = _render_time(period_text, period, years_text, sep, plain)

    tail = new.tail
    if not tail and prev.tail:
        compares_years = bool(re.search(r"\d{4}", prev.tail))
        fits = bool(kept) or _FIGURE_TAIL_RE.search(fold(prev.tail)) is not None
        if fits and (not compares_years or not new.years or set(new.years) == set(prev.years)):
            tail = prev.tail
            inherited.append("tail")
    tail = tail or "?"
    if not tail.endswith("?"):
        tail = tail.rstrip(".! ") + "?"
    body = " ".join(p for p in (indicator, time) if p)
    resolved = normalize_query(body + tail if tail == "?" else f"{body} {tail}")
    return Resolution(question, resolved, tuple(inherited))


def resolve(question: str, previous_resolved: str | None) -> str:
    """The question to answer: ``question`` itself, or a follow-up completed from the last turn."""
    return resolve_detail(question, previous_resolved).resolved
