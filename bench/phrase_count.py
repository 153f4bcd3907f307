"""Phrase counts (rag.answer.conjuncts.phrase_counter) at corpus scale: the positional counter
against the regular-expression scan of a folded corpus copy it replaced, on the seeds and
tests/data/dev2 text repeated to about 20,000 chunks of 1,500 characters (30 M characters).
Prints build seconds and the median milliseconds per phrase of each; checks both agree.

Usage: python bench/phrase_count.py  (from the repository root)."""
import pathlib
import re
import statistics
import sys
import time

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1]))
from rag.answer.conjuncts import _PUNCTUATION, _WORD_RE, phrase_counter  # noqa: E402
from rag.vi.text import fold  # noqa: E402

PHRASES = ["san xuat va phan phoi dien", "kim ngach xuat khau", "thu noi dia", "xi mang",
           "dich vu luu tru va an uong"]


def main() -> None:
    texts = [p.read_text(encoding="utf-8", errors="ignore")
             for folder in ("seeds", "tests/data/dev2/docs")
             for p in sorted(pathlib.Path(folder).glob("*.txt"))]
    corpus_texts = texts * max(1, int(20000 * 1500 / sum(len(t) for t in texts)))
    print(f"corpus characters: {sum(len(t) for t in corpus_texts) / 1e6:.1f} M")
    started = time.perf_counter()
    corpus = "\n".join(" ".join(_WORD_RE.findall(fold(part).lower()))
                       for text in corpus_texts for part in _PUNCTUATION.split(text))
    old_build = time.perf_counter() - started

    def scan(phrase: str) -> int:
        return len(re.findall(r"(?<!\S)" + re.escape(phrase) + r"(?!\S)", corpus))

    started = time.perf_counter()
    positional = phrase_counter(corpus_texts)
    new_build = time.perf_counter() - started
    assert all(scan(p) == positional(p) for p in PHRASES)

    def median_ms(count) -> float:
        times = []
        for phrase in PHRASES * 3:
            started = time.perf_counter()
            count(phrase)
            times.append((time.perf_counter() - started) * 1000)
        return statistics.median(times)

    print(f"build s: scan {old_build:.2f}, positional {new_build:.2f}; per phrase median ms: "
          f"scan {median_ms(scan):.2f}, positional {median_ms(positional):.3f}")


if __name__ == "__main__":
    main()
