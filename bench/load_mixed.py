"""Mixed load on `rag serve` over loopback: questions, chat, search and uploads at once.

    python bench/load_mixed.py [--clients 32] [--seconds 60] [--mix ask=5,chat=3,search=3,upload=1]
                               [--index-dir DIR] [--port N] [--keep] [--json]

Copies ``--index-dir`` (or indexes the seeds) into a temporary directory, starts `rag serve` there
on a free loopback port with the rate limit off, waits for /readyz, then runs N concurrent
clients (asyncio + httpx) for S seconds, each looping over a weighted mix of POST /ask (gold
questions), POST /chat (its own session, with follow-ups), GET /search and POST /documents (a
small Vietnamese document holding a unique marker word; JSON and multipart in turn), while one
more client polls /readyz every second as a readiness probe would.

Every response is recorded.  After the run each acknowledged upload must be searchable (a
/search for its marker returns a passage of that document) and on disk (in the live index
generation); the others are reported as lost.  Prints per-endpoint requests, req/s, p50/p95/max
latency and status classes, the totals, lost uploads and the server's RSS; ``--json`` prints the
same as JSON.  Exits 1 on any 5xx, 4xx (every request sent is valid), transport error or lost
upload.  Traffic stays on 127.0.0.1 and the run is bounded in time.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import shutil
import string
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))
from serving import served  # noqa: E402

from rag.eval import percentile  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests/data/gold_seeds.jsonl"
ENDPOINTS = ("ask", "chat", "search", "upload")
PROBE = "readyz"  # one extra client polls /readyz, as an orchestrator's readiness probe would
PROBE_EVERY = 1.0
DEFAULT_MIX = "ask=5,chat=3,search=3,upload=1"
MARKER_PREFIX = "mãkiểmtra"  # + letters only: the tokenizer splits letters from digits
FOLLOWUPS = ("còn nhập khẩu?", "còn xuất khẩu?", "năm 2024 thì sao?", "6 tháng đầu năm thì sao?",
             "tăng bao nhiêu phần trăm?")
TURNS_PER_SESSION = 4


# --- the server ----------------------------------------------------------------------------


def prepare_index(tmp: Path, source: Path | None) -> Path:
    """A private index: a copy of ``source``, or the seeds indexed afresh."""
    dest = tmp / "index"
    if source is not None:
        shutil.copytree(source, dest)
    else:
        subprocess.run([sys.executable, "-m", "api.cli", "index", "--index-dir", str(dest),
                        str(ROOT / "seeds")], check=True, capture_output=True)
    return dest


# --- the clients ---------------------------------------------------------------------------


def parse_mix(text: str) -> dict[str, float]:
    """``"ask=5,chat=3,search=3,upload=1"`` -> weights; endpoints left out weigh 0."""
    mix = dict.fromkeys(ENDPOINTS, 0.0)
    for part in text.split(","):
        name, sep, weight = part.partition("=")
        name = name.strip()
        if not sep or name not in mix:
            raise ValueError(f"bad mix entry {part!r}: use NAME=WEIGHT with NAME in "
                             f"{', '.join(ENDPOINTS)}")
        mix[name] = float(weight)
        if mix[name] < 0:
            raise ValueError(f"negative weight in {part!r}")
    if not any(mix.values()):
        raise ValueError("the mix has no positive weight")
    return mix


@dataclass
class Upload:
    doc_id: str
    marker: str


@dataclass
class Recorder:
    """Every response: latency and status per endpoint; transport errors by kind."""

    latencies: dict[str, list[float]] = field(
        default_factory=lambda: {e: [] for e in (*ENDPOINTS, PROBE)})
    statuses: dict[str, Counter[int]] = field(
        default_factory=lambda: {e: Counter() for e in (*ENDPOINTS, PROBE)})
    errors: dict[str, Counter[str]] = field(
        default_factory=lambda: {e: Counter() for e in (*ENDPOINTS, PROBE)})
    uploads: list[Upload] = field(default_factory=list)
    anomalies: Counter[str] = field(default_factory=Counter)
    samples: list[str] = field(default_factory=list)  # a few bodies of failed requests

    def note_failure(self, what: str) -> None:
        if len(self.samples) < 10:
            self.samples.append(what[:300])


def marker_for(run_id: str, client: int, n: int) -> str:
    """A word no other document holds: the prefix, then letters only (one token)."""
    letters = string.ascii_lowercase
    num, tail = client * 100_000 + n, ""
    while True:
        num, r = divmod(num, 26)
        tail = letters[r] + tail
        if num == 0:
            break
    return f"{MARKER_PREFIX}{run_id}{tail}"


def upload_text(marker: str, n: int, rng: random.Random) -> str:
    return (f"Báo cáo kiểm tra thị trường số {n}\n\n"
            f"Mã kiểm tra của báo cáo này là {marker}. Trong tháng, đoàn kiểm tra của Sở Công "
            f"Thương tỉnh Lạng Sơn đã kiểm tra {rng.randint(3, 40)} cửa hàng xăng dầu và "
            f"{rng.randint(2, 30)} cơ sở kinh doanh hàng hoá tại cửa khẩu Hữu Nghị, phát hiện "
            f"{rng.randint(0, 9)} trường hợp vi phạm về niêm yết giá.\n")


async def _timed(rec: Recorder, endpoint: str, call: Any) -> httpx.Response | None:
    t0 = time.perf_counter()
    try:
        resp: httpx.Response = await call
    except httpx.HTTPError as exc:
        rec.errors[endpoint][type(exc).__name__] += 1
        rec.note_failure(f"{endpoint}: {type(exc).__name__}: {exc}")
        return None
    rec.latencies[endpoint].append((time.perf_counter() - t0) * 1000)
    rec.statuses[endpoint][resp.status_code] += 1
    if resp.status_code >= 400:
        rec.note_failure(f"{endpoint} {resp.status_code}: {resp.text}")
    return resp


async def client_loop(client: httpx.AsyncClient, idx: int, deadline: float,
                      mix: dict[str, float], questions: list[str], run_id: str,
                      rec: Recorder) -> None:
    rng = random.Random(f"{run_id}-{idx}")
    names = [e for e in ENDPOINTS if mix[e] > 0]
    weights = [mix[e] for e in names]
    session: str | None = None
    turns = n_up = 0
    while time.monotonic() < deadline:
        endpoint = rng.choices(names, weights)[0]
        if endpoint == "ask":
            await _timed(rec, "ask", client.post("/ask", json={"question": rng.choice(questions)}))
        elif endpoint == "search":
            await _timed(rec, "search", client.get(
                "/search", params={"q": rng.choice(questions), "top_k": 5}))
        elif endpoint == "chat":
            if session is None or turns >= TURNS_PER_SESSION:
                body: dict[str, Any] = {"message": rng.choice(questions)}
                session, turns = None, 0
            else:
                body = {"message": rng.choice(FOLLOWUPS), "session_id": session}
            resp = await _timed(rec, "chat", client.post("/chat", json=body))
            if resp is not None and resp.status_code == 200:
                got = resp.json().get("session_id")
                if session is not None and got != session:
                    rec.anomalies["chat session changed"] += 1
                session, turns = got, turns + 1
            else:
                session = None
        else:
            n_up += 1
            doc_id = f"load-{run_id}-{idx}-{n_up}"
            marker = marker_for(run_id, idx, n_up)
            text = upload_text(marker, n_up, rng)
            if n_up % 2:
                call = client.post("/documents", json={"id": doc_id, "text": text,
                                                       "title": f"Kiểm tra tải {n_up}"})
            else:
                call = client.post("/documents", data={"id": doc_id}, files={
                    "file": (f"{doc_id}.txt", text.encode("utf-8"), "text/plain")})
            resp = await _timed(rec, "upload", call)
            if resp is not None and 200 <= resp.status_code < 300:
                out = resp.json()
                if out.get("id") != doc_id or not out.get("chunks"):
                    rec.anomalies["upload acknowledged without chunks"] += 1
                rec.uploads.append(Upload(doc_id, marker))


async def probe_loop(client: httpx.AsyncClient, deadline: float, rec: Recorder) -> None:
    while time.monotonic() < deadline:
        await _timed(rec, PROBE, client.get("/readyz"))
        await asyncio.sleep(PROBE_EVERY)


async def drive(url: str, clients: int, seconds: float, mix: dict[str, float],
                run_id: str, timeout: float) -> tuple[Recorder, float]:
    questions = [json.loads(line)["question"] for line in GOLD.read_text().splitlines()
                 if line.strip()]
    rec = Recorder()
    # An idle pooled connection is dropped by the client before uvicorn's 5 s keep-alive
    # timeout closes it: reusing one the server is closing at that moment is a ReadError that
    # says nothing about the server (httpx's default expiry is also 5 s).
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients,
                          keepalive_expiry=2.0)
    async with httpx.AsyncClient(base_url=url, timeout=timeout, limits=limits) as client:
        t0 = time.monotonic()
        deadline = t0 + seconds
        async with httpx.AsyncClient(base_url=url, timeout=timeout,
                                     limits=httpx.Limits(keepalive_expiry=2.0)) as prober:
            await asyncio.gather(probe_loop(prober, deadline, rec),
                                 *(client_loop(client, i, deadline, mix, questions, run_id, rec)
                                   for i in range(clients)))
        elapsed = time.monotonic() - t0
    return rec, elapsed


async def check_searchable(url: str, uploads: list[Upload], timeout: float) -> list[str]:
    """Ids of acknowledged uploads that a search for their marker does not find."""
    lost: list[str] = []
    sem = asyncio.Semaphore(4)

    async def one(client: httpx.AsyncClient, up: Upload) -> None:
        async with sem:
            try:
                resp = await client.get("/search", params={"q": up.marker, "top_k": 5})
                hits = resp.json().get("hits", []) if resp.status_code == 200 else []
            except httpx.HTTPError:
                hits = []
        if not any(h.get("doc_id") == up.doc_id and up.marker in h.get("text", "")
                   for h in hits):
            lost.append(up.doc_id)

    async with httpx.AsyncClient(base_url=url, timeout=timeout) as client:
        await asyncio.gather(*(one(client, up) for up in uploads))
    return sorted(lost)


def check_on_disk(index_dir: Path, uploads: list[Upload]) -> list[str]:
    """Ids of acknowledged uploads missing from the live generation on disk."""
    from index import Index

    index = Index.load(index_dir)
    return sorted(up.doc_id for up in uploads
                  if up.doc_id not in index.docs or up.marker not in index.docs[up.doc_id].text)


# --- the report ----------------------------------------------------------------------------


def _row(lat: list[float], statuses: Counter[int], errors: Counter[str],
         elapsed: float) -> dict[str, Any]:
    n = sum(statuses.values()) + sum(errors.values())
    return {"requests": n, "rps": round(n / elapsed, 2) if elapsed else 0.0,
            "p50_ms": round(percentile(lat, 0.5), 1), "p95_ms": round(percentile(lat, 0.95), 1),
            "max_ms": round(max(lat, default=0.0), 1),
            "2xx": sum(c for s, c in statuses.items() if 200 <= s < 300),
            "4xx": sum(c for s, c in statuses.items() if 400 <= s < 500),
            "5xx": sum(c for s, c in statuses.items() if s >= 500),
            "transport_errors": sum(errors.values()),
            "status_codes": {str(s): c for s, c in sorted(statuses.items())},
            "error_kinds": dict(errors)}


def build_report(rec: Recorder, elapsed: float, load_seconds: float, clients: int,
                 mix: dict[str, float],
                 lost_search: list[str], lost_disk: list[str],
                 rss: tuple[float, float]) -> dict[str, Any]:
    endpoints = {e: _row(rec.latencies[e], rec.statuses[e], rec.errors[e], elapsed)
                 for e in ENDPOINTS}
    probe = _row(rec.latencies[PROBE], rec.statuses[PROBE], rec.errors[PROBE], elapsed)
    total = _row([x for e in ENDPOINTS for x in rec.latencies[e]],
                 sum((rec.statuses[e] for e in ENDPOINTS), Counter()),
                 sum((rec.errors[e] for e in ENDPOINTS), Counter()), elapsed)
    lost = sorted(set(lost_search) | set(lost_disk))
    failed = bool(total["5xx"] or total["4xx"] or total["transport_errors"] or lost
                  or rec.anomalies or probe["5xx"] or probe["transport_errors"])
    return {"clients": clients, "load_seconds": load_seconds, "seconds": round(elapsed, 1),
            "mix": mix,
            "endpoints": endpoints, "total": total, "readyz_probe": probe,
            "uploads_acknowledged": len(rec.uploads), "lost_uploads": len(lost),
            "lost_not_searchable": lost_search, "lost_not_on_disk": lost_disk,
            "anomalies": dict(rec.anomalies), "failure_samples": rec.samples,
            "server_rss_mb": round(rss[0], 1), "server_peak_rss_mb": round(rss[1], 1),
            "ok": not failed}


def print_table(report: dict[str, Any]) -> None:
    print(f"{report['clients']} clients, {report['load_seconds']:g} s of load, "
          f"{report['seconds']} s until the last response (req/s over that), mix "
          + ",".join(f"{k}={v:g}" for k, v in report["mix"].items()))
    head = (f"{'endpoint':<9} {'requests':>8} {'req/s':>7} {'p50 ms':>8} {'p95 ms':>8} "
            f"{'max ms':>8} {'4xx':>5} {'5xx':>5} {'errors':>6}")
    print(head)
    print("-" * len(head))
    rows = [*report["endpoints"].items(), ("total", report["total"]),
            ("(readyz)", report["readyz_probe"])]
    for name, r in rows:
        print(f"{name:<9} {r['requests']:>8} {r['rps']:>7.1f} {r['p50_ms']:>8.1f} "
              f"{r['p95_ms']:>8.1f} {r['max_ms']:>8.1f} {r['4xx']:>5} {r['5xx']:>5} "
              f"{r['transport_errors']:>6}")
    print(f"uploads acknowledged: {report['uploads_acknowledged']}, lost: "
          f"{report['lost_uploads']} (not searchable {len(report['lost_not_searchable'])}, "
          f"not on disk {len(report['lost_not_on_disk'])})")
    for what, n in report["anomalies"].items():
        print(f"anomaly: {what}: {n}")
    for sample in report["failure_samples"]:
        print(f"  e.g. {sample}")
    print(f"server RSS after the run: {report['server_rss_mb']:.0f} MB "
          f"(peak {report['server_peak_rss_mb']:.0f} MB)")
    print("OK" if report["ok"] else "FAILED")


# --- the run -------------------------------------------------------------------------------


def run(clients: int = 32, seconds: float = 60, mix: str = DEFAULT_MIX,
        index_dir: Path | None = None, port: int | None = None, keep: bool = False,
        timeout: float = 60.0, log: Any = None) -> dict[str, Any]:
    """One load run against a fresh `rag serve`; returns the report (see ``build_report``)."""
    weights = parse_mix(mix)
    tmp = Path(tempfile.mkdtemp(prefix="rag-load-"))
    say = log or (lambda msg: None)
    try:
        index = prepare_index(tmp, index_dir)
        with served(index, env={"RAG_SESSIONS_DB": str(tmp / "sessions.db")}, port=port,
                    log=tmp / "server.log") as server:
            say(f"server ready in {server.cold_start_s:.1f} s on {server.url}")
            run_id = "".join(random.choice(string.ascii_lowercase) for _ in range(4))
            rec, elapsed = asyncio.run(drive(server.url, clients, seconds, weights, run_id,
                                             timeout))
            rss = server.rss_mb()
            say(f"checking {len(rec.uploads)} acknowledged uploads")
            lost_search = asyncio.run(check_searchable(server.url, rec.uploads, timeout))
        lost_disk = check_on_disk(index, rec.uploads)
        report = build_report(rec, elapsed, seconds, clients, weights, lost_search, lost_disk, rss)
        if not report["ok"]:
            tail = (tmp / "server.log").read_text(errors="replace").splitlines()[-40:]
            report["server_log_tail"] = tail
        if keep:
            report["kept"] = str(tmp)
        return report
    finally:
        if not keep:
            shutil.rmtree(tmp, ignore_errors=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--clients", type=int, default=32)
    ap.add_argument("--seconds", type=float, default=60)
    ap.add_argument("--mix", default=DEFAULT_MIX, help=f"weights (default {DEFAULT_MIX})")
    ap.add_argument("--index-dir", type=Path, default=None,
                    help="copy this index instead of indexing the seeds (never written to)")
    ap.add_argument("--port", type=int, default=None, help="default: a free loopback port")
    ap.add_argument("--timeout", type=float, default=60.0, help="per request, seconds")
    ap.add_argument("--keep", action="store_true",
                    help="keep the temp dir (index, sessions, server.log)")
    ap.add_argument("--json", action="store_true", help="print the report as JSON")
    args = ap.parse_args()
    try:
        parse_mix(args.mix)
    except ValueError as exc:
        ap.error(str(exc))

    def log(msg: str) -> None:
        print(msg, file=sys.stderr, flush=True)

    try:
        report = run(args.clients, args.seconds, args.mix, args.index_dir, args.port,
                     args.keep, args.timeout, log=log)
    except (RuntimeError, OSError, subprocess.CalledProcessError) as exc:
        raise SystemExit(f"load_mixed: {exc}") from None
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=1))
    else:
        print_table(report)
        for line in report.get("server_log_tail", []):
            print(f"  server: {line}")
        if "kept" in report:
            print(f"kept {report['kept']}")
    sys.exit(0 if report["ok"] else 1)


if __name__ == "__main__":
    main()
