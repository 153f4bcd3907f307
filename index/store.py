"""On-disk layout: generations written whole, then published by an atomic pointer swap.

    INDEX_DIR/CURRENT        name of the live generation (replaced atomically)
    INDEX_DIR/.lock          the writers' lock (fcntl.flock, exclusive; one writer at a time
                             across every process)
    INDEX_DIR/gen-<n>/       manifest.json, texts.txt, documents.jsonl, chunks.json,
                             embeddings.npy, vectors.faiss, lexical/, restore.json,
                             .lease (readers hold a shared flock on it while they load)

A crash while a generation is written leaves CURRENT pointing at the previous one.  Several
processes may share one directory: writers take ``.lock`` (with a timeout), readers never block
writers, and a generation is deleted only when no process holds its lease.
"""

from __future__ import annotations

import errno as _errno
import fcntl
import json
import os
import shutil
import tempfile
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

CURRENT = "CURRENT"
MANIFEST = "manifest.json"
LEASE = ".lease"
LOCK_POLL_SECONDS = 0.01  # how often a waiting writer retries the lock
# a store's ``save(..., base=)`` when the publish is not checked against the generation the
# write started from
UNCHECKED_BASE = "*"


class IndexStoreError(RuntimeError):
    """An index directory that cannot be read or written; the message says why."""


class NoIndexError(IndexStoreError):
    """The index directory holds no index yet."""


class IndexBusyError(IndexStoreError):
    """Another writer (in this or another process) held the index directory's lock for longer
    than the caller would wait; nothing was written.  ``retry_after`` is a hint in seconds."""

    def __init__(self, message: str, retry_after: int = 5):
        super().__init__(message)
        self.retry_after = retry_after


class IndexWriteError(IndexStoreError):
    """The index directory cannot be written (read-only, full, not permitted); the live
    generation is unchanged.  ``errno`` is the OS's error number."""

    def __init__(self, message: str, errno: int | None = None):
        super().__init__(message)
        self.errno = errno


def write_jsonl(path: Path, records: Iterable[dict[str, Any]]) -> None:
    """Write ``records`` to ``path`` as UTF-8 JSON lines (non-ASCII kept as is)."""
    with path.open("w", encoding="utf-8") as fh:
        for rec in records:
            fh.write(json.dumps(rec, ensure_ascii=False))
            fh.write("\n")


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    """The records of a JSON Lines file, parsed in one call: for tens of thousands of short
    lines, several times faster than one call a line."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return json.loads("[" + ",".join(line for line in lines if line.strip()) + "]")


def _fsync_dir(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _fsync_tree(path: Path) -> None:
    for root, _dirs, files in os.walk(path):
        for name in files:
            with open(os.path.join(root, name), "rb") as fh:
                os.fsync(fh.fileno())
        _fsync_dir(Path(root))


def current_generation(index_dir: Path) -> Path | None:
    """The live generation directory, or None when the directory holds no index.  Raises
    IndexStoreError for a pointer that cannot be read or names a missing generation."""
    name = live_name(index_dir)
    if name is None:
        return None
    gen = index_dir / name
    if not gen.is_dir():
        raise IndexStoreError(f"{index_dir}: live generation {name} is missing")
    return gen


def live_name(index_dir: Path) -> str | None:
    """The name CURRENT holds (one small read; no check that the generation exists); None when
    there is no pointer yet.  A pointer that cannot be read, or holds no valid name, raises
    IndexStoreError: a writer must not take it for an empty index."""
    pointer = index_dir / CURRENT
    try:
        name = pointer.read_bytes().decode("utf-8").strip()
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError) as exc:
        raise IndexStoreError(f"{pointer}: unreadable pointer file ({exc})") from exc
    if not name or "/" in name or name.startswith("."):
        raise IndexStoreError(f"{pointer}: corrupt pointer file")
    return name


def generations(index_dir: Path) -> list[str]:
    """The published generation directories (``gen-<n>``) in ``index_dir``, oldest first."""
    try:
        names = [p.name for p in index_dir.iterdir() if p.is_dir() and generation_number(p.name)]
    except FileNotFoundError:
        return []
    return sorted(names, key=generation_number)


def identity(gen: Path) -> tuple[str, int]:
    """A generation's name and its directory's inode: the same name in a replaced index
    directory is another generation."""
    return gen.name, gen.stat().st_ino


def generation_number(name: str | None) -> int:
    """The n of ``gen-<n>`` (generations are numbered upwards as they are published); 0 for
    anything else."""
    if name and name.startswith("gen-") and name[4:].isdigit():
        return int(name[4:])
    return 0


def new_generation(index_dir: Path) -> Path:
    """A fresh, empty, hidden directory to write the next generation into."""
    try:
        index_dir.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=".tmp-gen-", dir=index_dir))
        tmp.chmod(0o755)  # mkdtemp makes it private; a published index is readable like its files
        return tmp
    except OSError as exc:
        raise IndexWriteError(f"cannot write to index directory {index_dir}: "
                              f"{exc.strerror or exc}", exc.errno) from exc


def publish(index_dir: Path, tmp_gen: Path) -> Path:
    """Make ``tmp_gen`` the live generation atomically, then drop older generations."""
    existing = [generation_number(p.name) for p in index_dir.glob("gen-*")]
    final = index_dir / f"gen-{max(existing, default=0) + 1:06d}"
    previous = _pointer_or_none(index_dir)
    try:
        (tmp_gen / LEASE).touch()  # after the manifest: not one of the checked files
        _fsync_tree(tmp_gen)
        os.rename(tmp_gen, final)
        pointer_tmp = index_dir / f".{CURRENT}.tmp"
        with pointer_tmp.open("w") as fh:
            fh.write(final.name)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(pointer_tmp, index_dir / CURRENT)
        _fsync_dir(index_dir)
    except OSError as exc:
        shutil.rmtree(tmp_gen, ignore_errors=True)
        if _pointer_or_none(index_dir) != final.name:  # renamed, the pointer not swapped
            shutil.rmtree(final, ignore_errors=True)
        raise IndexWriteError(f"cannot publish the new index in {index_dir}: "
                              f"{exc.strerror or exc}", exc.errno) from exc
    collect_garbage(index_dir, live=final.name, previous=previous)
    return final


def _pointer_or_none(index_dir: Path) -> str | None:
    try:
        return live_name(index_dir)
    except IndexStoreError:
        return None


def collect_garbage(index_dir: Path, live: str, previous: str | None = None) -> None:
    """Remove leftovers of interrupted writes and the generations no process is reading.

    Called by a writer under the write lock, so no ``.tmp-gen-*`` belongs to a live writer.
    The live generation and the one live before it stay; any other goes unless a reader in
    some process holds its lease (it is then collected by a later write).  A generation a
    killed writer renamed but never pointed to was never live: it goes too."""
    keep = {live, previous}
    for path in index_dir.iterdir():
        if not path.is_dir() or path.name in keep:
            continue
        if path.name.startswith((".tmp-gen-", ".del-gen-")):
            shutil.rmtree(path, ignore_errors=True)
        elif path.name.startswith("gen-"):
            _remove_unleased(path)


def _remove_unleased(gen: Path) -> bool:
    """Delete ``gen`` unless a reader holds its lease; True when it was deleted."""
    try:
        fd = os.open(gen / LEASE, os.O_RDONLY | os.O_CREAT, 0o644)
    except OSError:
        shutil.rmtree(gen, ignore_errors=True)  # no lease file can be made: nobody holds one
        return True
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False  # a reader is loading it
        # renamed first, so that no reader ever finds a half-deleted gen-<n>: it is whole at
        # its name or gone (a reader blocked on the lease sees the name gone and moves on)
        doomed = gen.with_name(".del-" + gen.name)
        try:
            os.rename(gen, doomed)
        except OSError:
            doomed = gen
        shutil.rmtree(doomed, ignore_errors=True)  # the lease file goes with it, still locked
        return True
    finally:
        os.close(fd)


@contextmanager
def read_lease(gen: Path) -> Iterator[None]:
    """Hold a shared lease on generation ``gen`` while it is read: no writer in any process
    deletes it meanwhile.  Raises FileNotFoundError when ``gen`` was deleted before the lease
    was taken (the caller reads CURRENT again).  On a directory readers cannot write (a
    read-only mount) nobody can delete it either, and no lease is needed."""
    try:
        fd = os.open(gen / LEASE, os.O_RDONLY)
    except FileNotFoundError:
        if not gen.is_dir():
            raise
        # a generation written before leases existed: make its lease file
        try:
            fd = os.open(gen / LEASE, os.O_RDONLY | os.O_CREAT, 0o644)
        except FileNotFoundError:
            raise
        except OSError as exc:
            if exc.errno in (_errno.EROFS, _errno.EACCES, _errno.EPERM):
                yield
                return
            raise
    except OSError as exc:
        if exc.errno in (_errno.EROFS, _errno.EACCES, _errno.EPERM):
            yield
            return
        raise
    try:
        fcntl.flock(fd, fcntl.LOCK_SH)  # waits only while a writer is deleting it
        if not gen.is_dir():  # deleted between open and lock
            raise FileNotFoundError(_errno.ENOENT, "generation deleted", str(gen))
        yield
    finally:
        os.close(fd)


def discard_unpublished(index_dir: Path, existed: set[str] | None) -> None:
    """Remove what a refused run left in an index directory that held nothing before it
    (``existed``: the names it held then, None when it did not exist), provided nothing
    was published there since: the vector cache, the lock file, temp generations -- and the
    directory itself when the run made it.  Taken under the write lock, so no writer is
    publishing meanwhile; a directory that holds an index is never touched."""
    if not index_dir.is_dir():
        return
    with write_lock(index_dir):
        if live_name(index_dir) is not None:
            return  # another writer published an index here: all of it is theirs
        for path in index_dir.iterdir():
            if existed is not None and path.name in existed:
                continue
            if path.name == ".lock":
                continue  # still held; removed with the directory below
            if path.is_dir():
                shutil.rmtree(path, ignore_errors=True)
            else:
                path.unlink(missing_ok=True)
    if ".lock" not in (existed or set()):
        (index_dir / ".lock").unlink(missing_ok=True)
    if existed is None:
        with suppress(OSError):
            index_dir.rmdir()  # only if nothing came meanwhile


@contextmanager
def write_lock(index_dir: Path, timeout: float | None = None) -> Iterator[None]:
    """One writer at a time per index directory, across threads and processes (an exclusive
    ``flock`` on ``INDEX_DIR/.lock``, released by the OS if the holder dies).  Waits at most
    ``timeout`` seconds (None: for ever), then raises :class:`IndexBusyError`.  Readers never
    take it."""
    try:
        index_dir.mkdir(parents=True, exist_ok=True)
        fh = (index_dir / ".lock").open("a")
    except OSError as exc:
        raise IndexWriteError(f"cannot write to index directory {index_dir}: "
                              f"{exc.strerror or exc}", exc.errno) from exc
    try:
        _acquire(fh.fileno(), index_dir, timeout)
        try:
            yield
        finally:
            fcntl.flock(fh.fileno(), fcntl.LOCK_UN)
    finally:
        fh.close()


def _acquire(fd: int, index_dir: Path, timeout: float | None) -> None:
    if timeout is None:
        fcntl.flock(fd, fcntl.LOCK_EX)
        return
    deadline = time.monotonic() + timeout
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            if time.monotonic() >= deadline:
                raise IndexBusyError(
                    f"the index in {index_dir} is being written by another process; gave up "
                    f"after {timeout:g} s (RAG_WRITE_LOCK_TIMEOUT): try again later") from None
            time.sleep(LOCK_POLL_SECONDS)


def discard(tmp_gen: Path) -> None:
    """Remove a generation folder that will not be published (errors ignored)."""
    shutil.rmtree(tmp_gen, ignore_errors=True)
