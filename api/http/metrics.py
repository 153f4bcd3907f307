"""Request counters and latency histograms in the Prometheus text format 0.0.4, by hand.

Requests are labelled with the route template ("/documents/{doc_id}"), never the raw path, and
unknown methods are folded into "OTHER", so label cardinality stays bounded.
"""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Sequence

from starlette.routing import BaseRoute, Match
from starlette.types import ASGIApp, Message, Receive, Scope, Send

CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8"
BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0)
METHODS = frozenset({"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"})
UNMATCHED = "<unmatched>"


def _escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n")


def _labels(**labels: str) -> str:
    return "{" + ",".join(f'{k}="{_escape(v)}"' for k, v in labels.items()) + "}"


def _number(x: float) -> str:
    if math.isinf(x):
        return "+Inf" if x > 0 else "-Inf"
    return repr(float(x)) if not float(x).is_integer() else str(int(x))


class _Histogram:
    __slots__ = ("counts", "sum", "count")

    def __init__(self) -> None:
        self.counts = [0] * len(BUCKETS)
        self.sum = 0.0
        self.count = 0

    def observe(self, seconds: float) -> None:
        for i, bound in enumerate(BUCKETS):
            if seconds <= bound:
                self.counts[i] += 1
        self.sum += seconds
        self.count += 1


class Metrics:
    """Thread-safe request metrics of one app."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._requests: dict[tuple[str, str, str], int] = {}
        self._durations: dict[str, _Histogram] = {}

    def observe(self, method: str, path: str, status: int, seconds: float) -> None:
        """Count one request (``method``, route ``path``, ``status``) and its duration in
        ``seconds`` in the path's latency histogram (BUCKETS)."""
        method = method if method in METHODS else "OTHER"
        with self._lock:
            key = (method, path, str(status))
            self._requests[key] = self._requests.get(key, 0) + 1
            self._durations.setdefault(path, _Histogram()).observe(seconds)

    def render(self, gauges: dict[str, tuple[str, float]]) -> str:
        """The exposition text; ``gauges`` maps a name to (help, value)."""
        out = ["# HELP rag_requests_total HTTP requests by method, route and status.",
               "# TYPE rag_requests_total counter"]
        with self._lock:
            for (method, path, status), n in sorted(self._requests.items()):
                out.append(f"rag_requests_total{_labels(method=method, path=path, status=status)}"
                           f" {n}")
            out += ["# HELP rag_request_duration_seconds Time to answer an HTTP request.",
                    "# TYPE rag_request_duration_seconds histogram"]
            for path, h in sorted(self._durations.items()):
                for bound, n in zip(BUCKETS, h.counts, strict=True):
                    out.append(f"rag_request_duration_seconds_bucket"
                               f"{_labels(path=path, le=_number(bound))} {n}")
                out.append(f"rag_request_duration_seconds_bucket{_labels(path=path, le='+Inf')} "
                           f"{h.count}")
                out.append(f"rag_request_duration_seconds_sum{_labels(path=path)} "
                           f"{_number(h.sum)}")
                out.append(f"rag_request_duration_seconds_count{_labels(path=path)} {h.count}")
        for name, (help_text, value) in gauges.items():
            out += [f"# HELP {name} {help_text}", f"# TYPE {name} gauge",
                    f"{name} {_number(value)}"]
        return "\n".join(out) + "\n"


def _flat(routes: Sequence[BaseRoute]) -> list[BaseRoute]:
    """The routes of an app, those of included routers in place (FastAPI keeps an included
    router as one entry that holds its own routes; this app includes them without a prefix)."""
    out: list[BaseRoute] = []
    for route in routes:
        inner = getattr(route, "original_router", None)
        out.extend(_flat(inner.routes) if inner is not None else [route])
    return out


def route_template(routes: Sequence[BaseRoute], scope: Scope) -> str:
    """The path template of the route that serves ``scope`` ("/static" for a mount)."""
    partial = None
    for route in _flat(routes):
        match, _ = route.matches(scope)
        if match == Match.FULL:
            return str(getattr(route, "path", UNMATCHED))
        if match == Match.PARTIAL and partial is None:  # right path, wrong method
            partial = str(getattr(route, "path", UNMATCHED))
    return partial or UNMATCHED


class MetricsMiddleware:
    """Counts every HTTP request (including those refused by the security middleware)."""

    def __init__(self, app: ASGIApp, metrics: Metrics, routes: Sequence[BaseRoute]) -> None:
        self.app = app
        self.metrics = metrics
        self.routes = routes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path = route_template(self.routes, scope)
        status = 500
        t0 = time.perf_counter()

        async def send_wrapper(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = int(message["status"])
            await send(message)

        try:
            await self.app(scope, receive, send_wrapper)
        finally:
            self.metrics.observe(scope["method"], path, status, time.perf_counter() - t0)
