"""The Tesseract program (Debian's ``tesseract-ocr``, its Vietnamese data ``tesseract-ocr-vie``),
run through pytesseract: whether it is installed with the languages asked for, its version,
and one page image read into words with their boxes (``image_to_data``).

pytesseract takes its command from a module global, and Tesseract uses both cores of this
machine by itself: one Tesseract at a time per process, under a lock.
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
import shutil
import signal
import subprocess
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from rag.errors import IngestError, OcrUnavailable

log = logging.getLogger(__name__)

INSTALL = "apt-get install -y tesseract-ocr tesseract-ocr-vie"
# A Tesseract language code: three letters and a variant ("vie", "chi_sim", "deu_latf"), or
# a script ("script/Latin"); Debian ships each as tesseract-ocr-<code, "_" as "-">.
_CODE = re.compile(r"[a-z]{3}(?:_[a-z]+)*|script/[A-Za-z_]+")
# The languages Debian packages Tesseract data for (bookworm's tesseract-ocr-<code> packages,
# `apt-cache search '^tesseract-ocr-'`, "-" written "_"; the script packages aside): a code
# not among them gets no package named, which would not exist.
LANGUAGES = frozenset("""
afr amh ara asm aze aze_cyrl bel ben bod bos bre bul cat ceb ces chi_sim chi_sim_vert chi_tra
chi_tra_vert chr cos cym dan deu div dzo ell eng enm epo est eus fao fas fil fin fra frk frm
fry gla gle glg grc guj hat heb hin hrv hun hye iku ind isl ita ita_old jav jpn jpn_vert kan
kat kat_old kaz khm kir kmr kor kor_vert lao lat lav lit ltz mal mar mkd mlt mon mri msa mya
nep nld nor oci ori osd pan pol por pus que ron rus san sin slk slv snd spa spa_old sqi srp
srp_latn sun swa swe syr tam tat tel tgk tha tir ton tur uig ukr urd uzb uzb_cyrl vie yid
yor""".split())
# Seconds the first check of a Tesseract command may take (`--list-langs`, `--version`),
# at most: within a document's OCR time limit, what is left of it.
CHECK_SECONDS = 30.0


class OcrTimeout(IngestError):
    """Tesseract did not finish a page in the time it was given."""


_RUN = threading.Lock()
_FOUND: dict[str, tuple[str, frozenset[str]]] = {}  # command path -> (version, languages)
_NO_OSD: list[str] = []  # the command once it was found without its orientation data


def _output(args: list[str], timeout: float) -> str:
    """What a short Tesseract command printed (stdout, then stderr), killed with whatever it
    started when it runs longer than ``timeout`` seconds (subprocess.TimeoutExpired)."""
    with subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                          start_new_session=True) as proc:
        try:
            out, err = proc.communicate(timeout=max(0.0, timeout))
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGKILL)  # a wrapper script's children too
            proc.communicate()
            raise
    return out + err


def _installed(command: str, timeout: float) -> tuple[str, str, frozenset[str]]:
    """(path, version, languages) of the Tesseract ``command``; OcrUnavailable when it is not
    there, does not run, or does not answer within ``timeout`` seconds (both questions)."""
    path = shutil.which(command)
    if path is None:
        raise OcrUnavailable(f"Tesseract OCR is not installed (no {command!r} command); "
                             f"install it: {INSTALL}")
    if path not in _FOUND:
        end = time.monotonic() + timeout
        try:
            langs = _output([path, "--list-langs"], end - time.monotonic())
            about = _output([path, "--version"], end - time.monotonic())
        except subprocess.TimeoutExpired as exc:
            raise OcrUnavailable(f"Tesseract OCR ({path}) did not answer `{' '.join(exc.cmd)}`"
                                 f" within {timeout:.3g} s (the OCR time limit left, "
                                 f"RAG_OCR_TIME_LIMIT, at most {CHECK_SECONDS:g} s); check "
                                 f"that it runs (RAG_OCR_COMMAND)") from exc
        except (OSError, subprocess.SubprocessError) as exc:
            raise OcrUnavailable(f"Tesseract OCR ({path}) does not run ({exc}); reinstall "
                                 f"it: {INSTALL}") from exc
        first = about.strip().splitlines()
        _FOUND[path] = (first[0].strip() if first else "tesseract",
                        frozenset(x.strip() for x in langs.splitlines()
                                  if x.strip() and " " not in x.strip()))
    version, languages = _FOUND[path]
    return path, version, languages


def check_tesseract(command: str, languages: str, timeout: float = CHECK_SECONDS) -> str:
    """The version of the Tesseract ``command`` ("tesseract 5.3.0") when it runs and has the
    data of every one of ``languages`` ("vie+eng"); else OcrUnavailable saying what to
    install: the apt command for a language Debian packages (``LANGUAGES``), or, for a
    value that is none, which languages are installed.  The first check of a command waits
    at most ``timeout`` seconds for it (the OCR time limit left, at most CHECK_SECONDS)."""
    _, version, installed = _installed(command, timeout)
    asked = languages.split("+")
    have = ", ".join(sorted(installed)) or "none"
    setting = f"RAG_OCR_LANGUAGES={languages}"
    wrong = [lang for lang in asked if not _CODE.fullmatch(lang)]
    if wrong:
        raise OcrUnavailable(
            f"{'+'.join(wrong)!r} is not a Tesseract language code ({setting}): use "
            f"three-letter codes joined by '+', such as 'vie' (Vietnamese) or 'vie+eng'; "
            f"installed here: {have}")
    missing = [lang for lang in asked if lang not in installed]
    unknown = [lang for lang in missing if not lang.startswith("script/")
               and lang not in LANGUAGES]
    if unknown:
        raise OcrUnavailable(
            f"{'+'.join(unknown)!r} is no language Tesseract has data for ({setting}): "
            f"installed here: {have}; Debian packages the others as tesseract-ocr-<code> "
            f"(such as tesseract-ocr-eng)")
    if missing:
        packages = " ".join(f"tesseract-ocr-{lang.lower().replace('_', '-')}"
                            for lang in missing if not lang.startswith("script/"))
        how = f"install it: apt-get install -y {packages}" if packages else \
            "install its Debian package (tesseract-ocr-script-…)"
        raise OcrUnavailable(f"Tesseract OCR has no {'+'.join(missing)} language data "
                             f"(installed here: {have}); {how}")
    return version


@contextmanager
def _tesseract(command: str, wait: float | None) -> Iterator[Any]:
    """pytesseract set to run ``command``, this process's one Tesseract; OcrTimeout when
    another page holds it longer than ``wait`` seconds (None: as long as it takes)."""
    import pytesseract

    if not _RUN.acquire(timeout=-1 if wait is None else max(0.0, wait)):
        raise OcrTimeout("Tesseract was busy with another page for the time left")
    try:
        before = pytesseract.pytesseract.tesseract_cmd
        pytesseract.pytesseract.tesseract_cmd = command
        try:
            yield pytesseract
        finally:
            pytesseract.pytesseract.tesseract_cmd = before
    finally:
        _RUN.release()


def _time_left(deadline: float | None, number: int) -> float | None:
    """Seconds left until ``deadline`` (None: no deadline); OcrTimeout once it is past."""
    if deadline is None:
        return None
    rest = deadline - time.monotonic()
    if rest <= 0:
        raise OcrTimeout(f"Tesseract timed out on page {number}")
    return rest


def page_orientation(image: Any, command: str, number: int,
                     deadline: float | None = None) -> tuple[int, float]:
    """How far a page image is turned, by Tesseract's orientation detection (OSD, its
    ``osd`` data, which Debian's tesseract-ocr depends on): (degrees to turn it clockwise to
    stand it upright: 0, 90, 180 or 270; Tesseract's confidence in it, 0 and up).  (0, 0.0)
    when Tesseract cannot tell: too few letters on the page, or no ``osd`` data (logged
    once).  OcrTimeout at ``deadline``, OcrUnavailable without Tesseract."""
    import pytesseract

    def left() -> float | None:
        return _time_left(deadline, number)

    try:
        with _tesseract(command, left()) as tess:
            osd = tess.image_to_osd(image, config="--psm 0", output_type=tess.Output.DICT,
                                    timeout=left() or 0)
    except pytesseract.TesseractNotFoundError as exc:
        raise OcrUnavailable(f"Tesseract OCR is not installed; install it: {INSTALL}") from exc
    except pytesseract.TesseractError as exc:
        said = exc.message.lower()
        if "osd" in said and "load" in said and not _NO_OSD:  # "Failed loading language 'osd'"
            _NO_OSD.append(command)
            log.warning("Tesseract has no orientation data (osd): pages are read as they "
                        "lie; install it: apt-get install -y tesseract-ocr-osd")
        return 0, 0.0  # "Too few characters. Skipping this page": nothing to tell from
    except RuntimeError as exc:  # pytesseract's "Tesseract process timeout"
        raise OcrTimeout(f"Tesseract timed out on page {number}") from exc
    return int(osd.get("rotate", 0)) % 360, float(osd.get("orientation_conf", 0.0))


def page_words(image: Any, command: str, languages: str, number: int,
               deadline: float | None = None) -> dict[str, list[Any]]:
    """Tesseract's words of a page image (``image_to_data`` as a dict, page segmentation 3),
    stopped at ``deadline`` (``time.monotonic()``; None: none) with OcrTimeout.  Raises
    OcrUnavailable when Tesseract is missing, IngestError when it fails."""
    import pytesseract

    def left() -> float | None:
        return _time_left(deadline, number)

    try:
        with _tesseract(command, left()) as tess:
            return tess.image_to_data(image, lang=languages, config="--psm 3",
                                      output_type=tess.Output.DICT, timeout=left() or 0)
    except pytesseract.TesseractNotFoundError as exc:
        raise OcrUnavailable(f"Tesseract OCR is not installed; install it: {INSTALL}") from exc
    except pytesseract.TesseractError as exc:
        raise IngestError(f"Tesseract could not read page {number}: {exc.message}") from exc
    except RuntimeError as exc:  # pytesseract's "Tesseract process timeout"
        raise OcrTimeout(f"Tesseract timed out on page {number}") from exc
