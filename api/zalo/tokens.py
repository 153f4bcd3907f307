"""Zalo OA tokens: an access token lives about a day and every refresh token is single-use, so a
refresh is serialised (a thread lock plus a file lock) and its result written atomically to
``ZALO_TOKEN_FILE``, which wins over the env tokens on the next start."""

from __future__ import annotations

import contextlib
import json
import logging
import os
import tempfile
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from api.zalo.common import (
    ZaloAPIError,
)

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ZaloTokens:
    """The OA's access and refresh tokens (never in a repr) and when the access token expires."""

    access_token: str | None = field(repr=False)
    refresh_token: str | None = field(repr=False)
    expires_at: float | None = None  # unix time; None when unknown (tokens from the env)


class ZaloTokenStore:
    """The OA's current tokens.  The token file, when it exists, wins over the env values;
    each refresh is written to it atomically (temp file, fsync, rename)."""

    def __init__(self, path: Path | None, access_token: str | None = None,
                 refresh_token: str | None = None) -> None:
        self.path = Path(path) if path else None
        self._lock = threading.Lock()
        saved = self._load()
        if saved is not None:
            log.info("zalo: using the OA tokens saved in %s, not the env ones", self.path)
        self._tokens = saved or ZaloTokens(access_token or None, refresh_token or None)

    @property
    def tokens(self) -> ZaloTokens:
        """The current tokens."""
        return self._tokens

    def _load(self) -> ZaloTokens | None:
        if self.path is None or not self.path.is_file():
            return None
        try:
            d = json.loads(self.path.read_text(encoding="utf-8"))
            expires = d.get("expires_at")
            tokens = ZaloTokens(d.get("access_token") or None, d.get("refresh_token") or None,
                                float(expires) if expires else None)
        except (OSError, ValueError, TypeError, AttributeError) as exc:
            log.warning("zalo: ignoring the unreadable token file %s (%s)", self.path,
                        exc.__class__.__name__)
            return None
        return tokens if tokens.access_token or tokens.refresh_token else None

    def save(self, tokens: ZaloTokens) -> None:
        """Make ``tokens`` current and write them to the token file (atomically); without a file
        they live only in memory (logged)."""
        self._tokens = tokens
        if self.path is None:
            log.warning("zalo: ZALO_TOKEN_FILE is not set, so the new single-use refresh token "
                        "lives only in memory; after a restart the OA needs a new OAuth grant")
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{self.path.name}.", dir=self.path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as f:  # mkstemp: mode 0600
                json.dump({"access_token": tokens.access_token,
                           "refresh_token": tokens.refresh_token,
                           "expires_at": tokens.expires_at}, f)
                f.flush()
                os.fsync(f.fileno())
            os.replace(tmp, self.path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise
        with contextlib.suppress(OSError):  # make the rename itself durable
            dir_fd = os.open(self.path.parent, os.O_RDONLY)
            try:
                os.fsync(dir_fd)
            finally:
                os.close(dir_fd)

    @contextlib.contextmanager
    def _file_lock(self) -> Iterator[None]:
        """Serialises refreshes across processes (several workers share the token file)."""
        try:
            import fcntl
        except ImportError:  # Windows: threads are still serialised by the thread lock
            fcntl = None  # type: ignore[assignment]
        if self.path is None or fcntl is None:
            yield
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with open(self.path.with_name(self.path.name + ".lock"), "a") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(lock, fcntl.LOCK_UN)

    def refresh(self, stale: str | None, fetch: Callable[[str], ZaloTokens]) -> ZaloTokens:
        """Tokens to use instead of the ``stale`` access token.  The single-use refresh token is
        spent at most once: a caller that waited for the lock finds the tokens renewed."""
        with self._lock, self._file_lock():
            current = self._load() or self._tokens  # another process may have refreshed
            if current.access_token and current.access_token != stale:
                self._tokens = current
                return current
            if not current.refresh_token:
                raise ZaloAPIError("token refresh: no refresh token (ZALO_REFRESH_TOKEN)")
            tokens = fetch(current.refresh_token)
            try:
                self.save(tokens)
            except OSError as exc:
                log.error("zalo: cannot write the token file %s (%s); the new refresh token "
                          "lives only in memory", self.path, exc.__class__.__name__)
            return tokens
