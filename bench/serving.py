"""`rag serve` as the benchmarks run it: a free loopback port, the process, /readyz, its RSS.

    with served(index_dir, env={"RAG_QUERY_CACHE": "0"}) as server:
        print(server.cold_start_s, server.rss_mb())
        urllib.request.urlopen(server.url + "/ask", ...)

The server's rate limit is off (a benchmark is one client sending many requests) and its
output goes to ``log`` (a file path) or nowhere.  Traffic stays on 127.0.0.1.
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def rss_mb(pid: int) -> tuple[float, float]:
    """A process's resident set and its peak (VmHWM), in MB."""
    status = Path(f"/proc/{pid}/status").read_text()

    def kb(key: str) -> float:
        m = re.search(rf"^{key}:\s+(\d+) kB", status, re.M)
        return int(m.group(1)) / 1024 if m else 0.0
    return kb("VmRSS"), kb("VmHWM")


@dataclass
class Server:
    proc: subprocess.Popen[bytes]
    url: str
    cold_start_s: float = 0.0  # process start to the first /readyz 200

    def rss_mb(self) -> tuple[float, float]:
        return rss_mb(self.proc.pid)


def wait_ready(server: Server, timeout: float) -> float:
    """Seconds until /readyz answers 200; RuntimeError if the process exits or time runs out."""
    t0 = time.perf_counter()
    while time.perf_counter() - t0 < timeout:
        if server.proc.poll() is not None:
            raise RuntimeError(f"rag serve exited with status {server.proc.returncode}")
        try:
            with urllib.request.urlopen(server.url + "/readyz", timeout=2) as r:
                if r.status == 200:
                    return time.perf_counter() - t0
        except OSError:
            pass
        time.sleep(0.1)
    raise RuntimeError(f"server at {server.url} not ready after {timeout} s")


def stop(proc: subprocess.Popen[bytes]) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=30)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(timeout=10)


@contextmanager
def served(index_dir: Path, *, env: Mapping[str, str] | None = None, port: int | None = None,
           log: Path | None = None, timeout: float = 180,
           args: Sequence[str] = ()) -> Iterator[Server]:
    """`rag serve` on ``index_dir`` (with ``args``, e.g. ``["--workers", "2"]``), ready;
    stopped (SIGTERM, then SIGKILL) on leaving."""
    port = port or free_port()
    full_env = {**os.environ, "RAG_RATE_LIMIT_PER_MINUTE": "0",
                "OMP_WAIT_POLICY": os.environ.get("OMP_WAIT_POLICY", "PASSIVE"), **(env or {})}
    out = log.open("wb") if log is not None else subprocess.DEVNULL
    try:
        proc = subprocess.Popen([sys.executable, "-m", "api.cli", "serve", "--host", "127.0.0.1",
                                 "--port", str(port), "--index-dir", str(index_dir), *args],
                                env=full_env, stdout=out, stderr=subprocess.STDOUT)
    finally:
        if log is not None:
            out.close()  # the child holds its own descriptor
    server = Server(proc, f"http://127.0.0.1:{port}")
    try:
        server.cold_start_s = wait_ready(server, timeout)
        yield server
    finally:
        stop(proc)
