// Chat page for the Lạng Sơn reports assistant.
// Every piece of server text goes in through textContent / text nodes, never innerHTML,
// so a report holding markup is shown as text and never runs.
"use strict";

(function () {
  const SESSION_KEY = "rag.session_id";
  const CONTEXT_CHARS = 220; // passage text shown either side of a highlighted quote
  const SNIPPET_CHARS = 260; // snippet of a related passage when nothing was found
  const MAX_RELATED = 3;

  const conversation = document.getElementById("conversation");
  const form = document.getElementById("ask-form");
  const input = document.getElementById("question");
  const sendButton = document.getElementById("send");
  const newChatButton = document.getElementById("new-chat");
  const hint = document.getElementById("hint");

  let sessionId = readStoredSession();
  let busy = false;
  let composing = false;

  // --- session ---------------------------------------------------------------------------

  function readStoredSession() {
    try {
      return window.sessionStorage.getItem(SESSION_KEY);
    } catch (e) {
      return null; // storage disabled: keep the session in memory only
    }
  }

  function setSession(id) {
    sessionId = id || null;
    try {
      if (sessionId) window.sessionStorage.setItem(SESSION_KEY, sessionId);
      else window.sessionStorage.removeItem(SESSION_KEY);
    } catch (e) {
      /* memory only */
    }
  }

  // --- DOM helpers -----------------------------------------------------------------------

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  // Put `text` into `parent` with text[start:end) wrapped in <mark class=...>, by splitting
  // a text node: the markup-free way to highlight.
  function appendHighlighted(parent, text, start, end, markClass) {
    const whole = document.createTextNode(text);
    parent.appendChild(whole);
    if (start < 0 || end <= start || end > text.length) return null;
    const middle = whole.splitText(start);
    middle.splitText(end - start);
    const mark = el("mark", markClass);
    parent.replaceChild(mark, middle);
    mark.appendChild(middle);
    return mark;
  }

  function scrollToEnd() {
    conversation.scrollTop = conversation.scrollHeight;
    const last = conversation.lastElementChild;
    if (last && last.scrollIntoView) last.scrollIntoView({ block: "end" });
  }

  function addBubble(role) {
    if (hint) hint.hidden = true;
    const bubble = el("article", "bubble " + role);
    conversation.appendChild(bubble);
    scrollToEnd();
    return bubble;
  }

  function formatDate(iso) {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso || "");
    return m ? `${m[3]}/${m[2]}/${m[1]}` : String(iso || "");
  }

  function sourceHeader(item) {
    const head = el("div", "source-head");
    head.appendChild(el("span", "source-title", item.title || item.doc_id || "Tài liệu"));
    if (item.date) {
      const time = el("time", "source-date", formatDate(item.date));
      time.setAttribute("datetime", String(item.date));
      head.appendChild(time);
    }
    return head;
  }

  // Cut `text` to about `before` chars ahead of `start` and `after` chars past `end`,
  // at word boundaries; returns the piece and the shifted offsets.
  function window_(text, start, end, before, after) {
    let from = Math.max(0, start - before);
    let to = Math.min(text.length, end + after);
    if (from > 0) {
      const sp = text.indexOf(" ", from);
      from = sp >= 0 && sp < start ? sp + 1 : from;
    }
    if (to < text.length) {
      const sp = text.lastIndexOf(" ", to);
      to = sp > end ? sp : to;
    }
    return {
      text: (from > 0 ? "…" : "") + text.slice(from, to) + (to < text.length ? "…" : ""),
      start: start - from + (from > 0 ? 1 : 0),
      end: end - from + (from > 0 ? 1 : 0),
    };
  }

  // --- rendering an answer ---------------------------------------------------------------

  function renderAnswer(bubble, data) {
    bubble.replaceChildren();
    const question = String(data.question || "").trim();
    const resolved = String(data.resolved_question || "").trim();
    if (resolved && resolved !== question) {
      bubble.appendChild(el("p", "resolved", "Hiểu là: " + resolved));
    }

    if (data.found) {
      renderFound(bubble, data);
    } else {
      bubble.classList.add("not-found");
      bubble.appendChild(el("p", "answer refusal", data.answer || "Không tìm thấy thông tin."));
      renderRelated(bubble, data.related || []);
    }

    if (data.note) bubble.appendChild(el("p", "note", data.note));
  }

  function renderFound(bubble, data) {
    const answer = String(data.answer || "");
    const sentence = data.answer_sentence ? String(data.answer_sentence) : "";
    const at = answer && sentence ? sentence.indexOf(answer) : -1;
    if (at >= 0) {
      const p = el("p", "answer");
      appendHighlighted(p, sentence, at, at + answer.length, "figure");
      bubble.appendChild(p);
    } else {
      const short = el("p", "answer short");
      appendHighlighted(short, answer, 0, answer.length, "figure");
      bubble.appendChild(short);
      if (sentence) bubble.appendChild(el("p", "answer", sentence));
    }

    const meta = el("p", "meta");
    const pct = Math.round(Number(data.confidence || 0) * 100);
    meta.appendChild(el("span", "confidence", `Độ tin cậy: ${pct}%`));
    if (data.mode && data.mode !== "extractive") meta.appendChild(el("span", "mode", data.mode));
    bubble.appendChild(meta);

    const citations = data.citations || [];
    if (!citations.length) return;
    const section = el("section", "citations");
    section.appendChild(el("h2", null, "Nguồn trích dẫn"));
    const related = data.related || [];
    for (const c of citations) section.appendChild(renderCitation(c, related));
    bubble.appendChild(section);
  }

  function renderCitation(c, related) {
    const box = el("blockquote", "citation");
    box.appendChild(sourceHeader(c));
    const quote = String(c.quote || "");
    const passage = related.find((r) => r && r.chunk_id === c.chunk_id);
    const p = el("p", "passage");
    let start = -1;
    let text = "";
    if (passage && quote) {
      text = String(passage.text || "");
      // The quote's offsets are document offsets, like the passage's: use them when they
      // agree, else look the quote up in the passage.
      const offset = Number(c.start) - Number(passage.start);
      if (offset >= 0 && text.slice(offset, offset + quote.length) === quote) start = offset;
      else start = text.indexOf(quote);
    }
    if (start >= 0) {
      const w = window_(text, start, start + quote.length, CONTEXT_CHARS, CONTEXT_CHARS);
      appendHighlighted(p, w.text, w.start, w.end, "quote");
    } else {
      appendHighlighted(p, quote, 0, quote.length, "quote");
    }
    box.appendChild(p);
    return box;
  }

  function renderRelated(bubble, related) {
    const items = related.slice(0, MAX_RELATED);
    if (!items.length) return;
    const section = el("section", "related");
    section.appendChild(el("h2", null, "Đoạn văn gần nhất"));
    for (const r of items) {
      const box = el("div", "related-item");
      box.appendChild(sourceHeader(r));
      const text = String(r.text || "");
      const cut = window_(text, 0, 0, 0, SNIPPET_CHARS);
      box.appendChild(el("p", "snippet", cut.text));
      section.appendChild(box);
    }
    bubble.appendChild(section);
  }

  function renderError(bubble, message) {
    bubble.replaceChildren();
    bubble.className = "bubble assistant error";
    bubble.setAttribute("role", "alert");
    bubble.appendChild(el("p", null, message));
  }

  // --- talking to the API ----------------------------------------------------------------

  function detailText(body) {
    const detail = body && body.detail;
    if (typeof detail === "string") return detail;
    if (Array.isArray(detail)) {
      return detail.map((d) => (d && d.msg ? String(d.msg) : JSON.stringify(d))).join("; ");
    }
    return detail ? JSON.stringify(detail) : "";
  }

  const STATUS_TEXT = {
    413: "Câu hỏi quá dài.",
    422: "Câu hỏi không hợp lệ.",
    429: "Bạn hỏi quá nhanh, vui lòng thử lại sau ít phút.",
    503: "Hệ thống chưa sẵn sàng, vui lòng thử lại sau.",
  };

  class ApiError extends Error {
    constructor(status, message) {
      super(message);
      this.status = status;
    }
  }

  async function postChat(message, sid) {
    const payload = { message };
    if (sid) payload.session_id = sid;
    const res = await fetch("/chat", {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "application/json" },
      body: JSON.stringify(payload),
    });
    let body = null;
    try {
      body = await res.json();
    } catch (e) {
      body = null;
    }
    if (!res.ok) {
      const prefix = STATUS_TEXT[res.status] || `Lỗi máy chủ (${res.status}).`;
      const detail = detailText(body);
      throw new ApiError(res.status, detail ? `${prefix} Chi tiết: ${detail}` : prefix);
    }
    if (!body || typeof body !== "object") {
      throw new ApiError(res.status, "Máy chủ trả lời không đúng định dạng.");
    }
    return body;
  }

  async function ask(message) {
    const userBubble = addBubble("user");
    userBubble.appendChild(el("p", null, message));
    const bubble = addBubble("assistant pending");
    bubble.appendChild(el("p", "typing", "Đang tìm trong báo cáo…"));
    setBusy(true);
    try {
      let data;
      try {
        data = await postChat(message, sessionId);
      } catch (err) {
        if (!(err instanceof ApiError && err.status === 404 && sessionId)) throw err;
        setSession(null); // the session expired or the server forgot it: start afresh once
        data = await postChat(message, null);
      }
      if (data.session_id) setSession(data.session_id);
      bubble.classList.remove("pending");
      renderAnswer(bubble, data);
    } catch (err) {
      const msg = err instanceof ApiError
        ? err.message
        : "Không kết nối được với máy chủ. Vui lòng kiểm tra mạng và thử lại.";
      renderError(bubble, msg);
    } finally {
      setBusy(false);
      scrollToEnd();
    }
  }

  // After a reload the session lives on (sessionStorage): show its earlier turns again.
  async function restore() {
    if (!sessionId) return;
    setBusy(true);
    try {
      const res = await fetch("/chat/" + encodeURIComponent(sessionId),
                              { headers: { Accept: "application/json" } });
      if (res.status === 404) {
        setSession(null); // expired: the next question starts a new session
        return;
      }
      if (!res.ok) return;
      const body = await res.json();
      for (const turn of (body && body.turns) || []) {
        addBubble("user").appendChild(el("p", null, turn.question || ""));
        const bubble = addBubble("assistant");
        if (turn.answer && typeof turn.answer === "object") renderAnswer(bubble, turn.answer);
        else bubble.appendChild(el("p", null, turn.answer || ""));
      }
    } catch (e) {
      /* history is a convenience: the session still works without it */
    } finally {
      setBusy(false);
      scrollToEnd();
    }
  }

  function setBusy(value) {
    busy = value;
    sendButton.disabled = value;
    form.setAttribute("aria-busy", value ? "true" : "false");
    if (!value) input.focus();
  }

  function submit() {
    if (busy) return;
    const message = input.value.normalize("NFC").trim();
    if (!message) return;
    input.value = "";
    autoGrow();
    ask(message);
  }

  async function newConversation() {
    const old = sessionId;
    setSession(null);
    conversation.replaceChildren();
    if (hint) {
      hint.hidden = false;
      conversation.appendChild(hint);
    }
    input.value = "";
    autoGrow();
    input.focus();
    if (old) {
      try {
        await fetch("/chat/" + encodeURIComponent(old), { method: "DELETE" });
      } catch (e) {
        /* the session expires on its own */
      }
    }
  }

  function autoGrow() {
    input.style.height = "auto";
    input.style.height = Math.min(input.scrollHeight, 160) + "px";
  }

  // --- events ----------------------------------------------------------------------------

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    submit();
  });

  // Telex/VNI input methods compose syllables: an Enter that ends a composition must not send.
  input.addEventListener("compositionstart", () => { composing = true; });
  input.addEventListener("compositionend", () => { composing = false; });
  input.addEventListener("keydown", (event) => {
    if (event.key !== "Enter" || event.shiftKey) return;
    if (event.isComposing || composing || event.keyCode === 229) return;
    event.preventDefault();
    submit();
  });
  input.addEventListener("input", autoGrow);
  newChatButton.addEventListener("click", newConversation);

  restore();
})();
