"""Optional generative answers: an OpenAI-compatible chat model writes the reply from the
retrieved passages, and a guard keeps it only when every figure and citation is grounded.

Whatever goes wrong (server down, timeout, bad reply, an unsupported number) the caller gets
the extractive answer back, with a ``note`` saying why the generated one was not used.
"""

from __future__ import annotations

import dataclasses
import json
import logging
import re
import time
from dataclasses import dataclass

import httpx

from rag.records import Answer, Citation, Hit
from rag.vi.text import fold, normalize_query, number_values, parse_number

logger = logging.getLogger(__name__)

REFUSAL = "Không tìm thấy thông tin trong các báo cáo hiện có"

SYSTEM_PROMPT = (
    "Bạn là trợ lý hỏi đáp về các báo cáo của Sở Công Thương tỉnh Lạng Sơn.\n"
    "- Chỉ trả lời dựa trên các nguồn được đánh số do người dùng cung cấp; "
    "không dùng kiến thức bên ngoài.\n"
    "- Trả lời bằng tiếng Việt, ngắn gọn (một đến ba câu).\n"
    "- Ghi nguồn ngay sau mỗi ý bằng số của nguồn trong ngoặc vuông, ví dụ [1] hoặc [2].\n"
    "- Giữ nguyên các con số, đơn vị và tên đúng như trong nguồn; không làm tròn, "
    "không tự tính toán hay quy đổi.\n"
    f'- Nếu các nguồn không trả lời được câu hỏi, chỉ viết đúng câu: "{REFUSAL}."'
)

# "[1]", "[2, 3]", "[1; 4]": citation markers of numbered sources.
_MARKER_RE = re.compile(r"\[\s*(\d+(?:\s*[,;]\s*\d+)*)\s*\]")
_NUMBER_RE = re.compile(r"\d+(?:[.,]\d+)*")  # the same pattern rag.vi.text.number_values uses


class LLMError(Exception):
    """The model server could not give a usable reply; ``reason`` is short and log-safe."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class LLMConfig:
    """Where the OpenAI-compatible chat server is and how to call it."""

    base_url: str
    model: str
    api_key: str | None = dataclasses.field(default=None, repr=False)
    timeout: float = 20.0
    max_tokens: int = 400


def build_messages(question: str, hits: list[Hit]) -> list[dict[str, str]]:
    """Chat messages: the grounding rules, then the numbered sources and the question."""
    sources = []
    for i, hit in enumerate(hits, start=1):
        c = hit.chunk
        head = f"[{i}] {c.title}" + (f" ({c.date})" if c.date else "")
        sources.append(f"{head}\n{c.text.strip()}")
    user = "Các nguồn:\n\n" + "\n\n".join(sources) + f"\n\nCâu hỏi: {question.strip()}"
    return [
        {"role": "system", "content": SYSTEM_PROMPT},
        {"role": "user", "content": user},
    ]


class LLMClient:
    """A minimal client of the ``/chat/completions`` endpoint of an OpenAI-compatible server."""

    def __init__(self, config: LLMConfig, transport: httpx.BaseTransport | None = None) -> None:
        self.config = config
        self.url = config.base_url.rstrip("/") + "/chat/completions"
        headers = {"Content-Type": "application/json"}
        if config.api_key:
            headers["Authorization"] = f"Bearer {config.api_key}"
        self._http = httpx.Client(headers=headers, timeout=httpx.Timeout(config.timeout),
                                  transport=transport)

    def close(self) -> None:
        """Close the HTTP connection pool (also done on leaving a ``with`` block)."""
        self._http.close()

    def __enter__(self) -> LLMClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def complete(self, messages: list[dict[str, str]]) -> str:
        """The model's reply text; raises :class:`LLMError` on any failure."""
        payload = {
            "model": self.config.model,
            "messages": messages,
            "temperature": 0,
            "max_tokens": self.config.max_tokens,
        }
        logger.debug("POST %s model=%s", self.url, self.config.model)
        timed_out = LLMError(f"timeout after {self.config.timeout:g} s")
        # httpx's timeout bounds each read, not the whole reply: a server sending a byte now
        # and then would hold the question for ever without this deadline.
        deadline = time.monotonic() + self.config.timeout
        body = bytearray()
        try:
            with self._http.stream("POST", self.url, json=payload) as resp:
                for piece in resp.iter_bytes():
                    body += piece
                    if time.monotonic() > deadline:
                        raise timed_out
        except httpx.TimeoutException as e:
            raise timed_out from e
        except httpx.HTTPError as e:
            raise LLMError(f"connection error: {type(e).__name__}") from e
        if not resp.is_success:
            raise LLMError(f"HTTP status {resp.status_code} from the LLM server")
        try:
            data = json.loads(bytes(body))
        except ValueError as e:
            raise LLMError("malformed response: not JSON") from e
        try:
            content = data["choices"][0]["message"]["content"]
        except (KeyError, IndexError, TypeError) as e:
            raise LLMError("malformed response: no choices[0].message.content") from e
        if not isinstance(content, str) or not content.strip():
            raise LLMError("malformed response: empty content")
        return content.strip()


def cited_sources(text: str) -> list[int]:
    """Source numbers cited as [n] in ``text``, in order of first mention, without repeats."""
    seen: list[int] = []
    for m in _MARKER_RE.finditer(text):
        for part in re.split(r"[,;]", m.group(1)):
            n = int(part)
            if n not in seen:
                seen.append(n)
    return seen


def check_grounding(text: str, hits: list[Hit]) -> str | None:
    """None when the text cites existing sources and every number in it is in a cited one;
    otherwise a short reason."""
    cited = cited_sources(text)
    if not cited:
        return "no source cited"
    missing = [n for n in cited if not 1 <= n <= len(hits)]
    if missing:
        return f"cites source [{missing[0]}] but there are only {len(hits)} sources"
    allowed: set[str] = set()
    for n in cited:
        c = hits[n - 1].chunk
        # The model sees each source as "[n] title (date)" + text, so all three count.
        allowed.update(number_values(c.text))
        allowed.update(number_values(c.title))
        if c.date:
            allowed.update(number_values(c.date))
    body = _MARKER_RE.sub(" ", text)
    for m in _NUMBER_RE.finditer(body):
        if parse_number(m.group(0)) not in allowed:
            return f"number {m.group(0)} is not in the cited sources"
    return None


def _is_refusal(text: str) -> bool:
    return fold(REFUSAL) in fold(normalize_query(text))


def _fallback(extractive: Answer, reason: str) -> Answer:
    logger.warning("generative answer not used: %s", reason)
    return dataclasses.replace(extractive, note=f"generative answer not used: {reason}")


def generate_answer(question: str, resolved_question: str, hits: list[Hit],
                    extractive: Answer, client: LLMClient) -> Answer:
    """A generated answer when the model replies and the guard passes, else ``extractive``
    (with a note saying why)."""
    if not hits:
        return _fallback(extractive, "no passages to answer from")
    messages = build_messages(resolved_question or question, hits)
    try:
        text = client.complete(messages)
    except LLMError as e:
        return _fallback(extractive, e.reason)
    if _is_refusal(text):
        if not extractive.found:
            return extractive
        return _fallback(extractive, "the model found no answer in the sources")
    reason = check_grounding(text, hits)
    if reason is not None:
        return _fallback(extractive, reason)
    citations = tuple(
        Citation(doc_id=c.doc_id, chunk_id=c.id, title=c.title, date=c.date,
                 quote=c.text, start=c.start, end=c.end)
        for c in (hits[n - 1].chunk for n in cited_sources(text))
    )
    return Answer(
        question=question,
        resolved_question=resolved_question,
        answer=text,
        found=True,  # the guard passed, so the model answered with citations
        confidence=extractive.confidence,
        answer_sentence=extractive.answer_sentence,
        citations=citations,
        related=extractive.related,
        mode="generative",
        latency_ms=extractive.latency_ms,
    )
