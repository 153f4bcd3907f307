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

  const { el, appendHighlighted, findValue, sourceHeader, figureTags } = window.RagPage;
  const PARTIAL_LEAD = /^(Báo cáo chỉ có số liệu[^:]*?\([^)]*\)):\s*/;
  let answerSeq = 0; // numbers each answer, for the ids of its citations

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
    const parts = Array.isArray(data.parts)
      ? data.parts.filter((p) => p && typeof p === "object") : [];
    const citations = data.citations || [];
    const seq = ++answerSeq;
    const citeId = (c) => {
      const i = citations.findIndex((x) => x && x.doc_id === c.doc_id && x.start === c.start &&
                                           x.end === c.end);
      return i >= 0 ? `cite-${seq}-${i}` : null;
    };

    if (parts.length >= 2) renderPeriods(bubble, data, parts, citeId);
    else if (data.summary) renderSummary(bubble, data);
    else renderSentence(bubble, data);

    const meta = el("p", "meta");
    const period = parts.length < 2 && data.figure && data.figure.period;
    if (period && period.label) {
      const chip = el("span", "period", `Kỳ số liệu: ${period.label}`);
      const tags = figureTags(data.figure).filter((t) => t === "ước tính" || t === "kế hoạch");
      if (tags.length) chip.textContent += ` (${tags.join(", ")})`;
      meta.appendChild(chip);
    }
    const pct = Math.round(Number(data.confidence || 0) * 100);
    meta.appendChild(el("span", "confidence", `Độ tin cậy: ${pct}%`));
    if (data.mode && data.mode !== "extractive") meta.appendChild(el("span", "mode", data.mode));
    bubble.appendChild(meta);
    // Not sure (the fitted scorer's confidence under the level that was right 97% of the
    // time): say so, and show the passages it read so the reader can check.
    if (data.sure === false) {
      const warn = el("p", "unsure", "Chưa chắc chắn: hãy đối chiếu với các đoạn văn gốc bên dưới.");
      warn.setAttribute("role", "note");
      bubble.insertBefore(warn, meta);
      renderRelated(bubble, data.related || []);
    }

    if (!citations.length) return;
    const related = data.related || [];
    // Several periods: the table quotes each source already; the passages wait behind a toggle.
    const several = parts.length >= 2;
    const section = el(several ? "details" : "section", "citations");
    section.appendChild(el(several ? "summary" : "h2", null,
                           several ? `Đoạn văn gốc (${citations.length})` : "Nguồn trích dẫn"));
    citations.forEach((c, i) => {
      const box = renderCitation(c, related);
      box.id = `cite-${seq}-${i}`;
      section.appendChild(box);
    });
    bubble.appendChild(section);
  }

  // The answer as the figure's summary (what it is, for which period) with the value marked;
  // a figure for only part of the asked period says so first, in a note of its own.
  function renderSummary(bubble, data) {
    let text = String(data.summary);
    if (data.period_match === "partial") {
      const lead = PARTIAL_LEAD.exec(text);
      const label = data.figure && data.figure.period ? data.figure.period.label : "";
      let notice;
      if (lead) {
        notice = lead[1] + ".";
        text = text.slice(lead[0].length);
      } else {
        notice = label ? `Báo cáo chỉ có số liệu ${label}, chưa phải cả kỳ được hỏi.`
          : "Báo cáo chỉ có số liệu cho một phần của kỳ được hỏi.";
      }
      const note = el("p", "partial-note", notice);
      note.setAttribute("role", "note");
      bubble.appendChild(note);
    }
    const values = [data.answer, data.figure && data.figure.value].map((v) => String(v || ""));
    const value = values.find((v) => findValue(text, v) >= 0);
    const p = el("p", "answer summary");
    if (value) {
      const at = findValue(text, value);
      appendHighlighted(p, text, at, at + value.length, "figure");
    } else {
      const short = el("p", "answer short");
      appendHighlighted(short, values[0], 0, values[0].length, "figure");
      bubble.appendChild(short);
      p.textContent = text;
    }
    bubble.appendChild(p);
  }

  // An answer that is no figure (or from a server without summaries): the sentence it comes
  // from, with the answer marked.
  function renderSentence(bubble, data) {
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
  }

  // Several periods: a chart when three or more figures share a unit, one table row a period,
  // and the periods with no figure named.
  function renderPeriods(bubble, data, parts, citeId) {
    const found = parts.filter((p) => p.found);
    bubble.appendChild(el("p", "answer periods-lead",
                          `Tìm thấy số liệu cho ${found.length}/${parts.length} kỳ được hỏi:`));
    if (found.some((p) => p.period_match === "partial")) {
      const note = el("p", "partial-note",
                      "Với một số kỳ, báo cáo chỉ có số liệu cho một phần của kỳ (xem cột Kỳ).");
      note.setAttribute("role", "note");
      bubble.appendChild(note);
    }
    const chart = window.RagPeriods.chart(parts);
    if (chart) bubble.appendChild(chart);
    bubble.appendChild(window.RagPeriods.table(parts, citeId));
    const missing = (data.missing || []).map(String).filter(Boolean);
    if (missing.length) {
      bubble.appendChild(el("p", "missing-periods",
                            `Các báo cáo không có số liệu ${missing.join(", ")}.`));
    }
  }

  // A source link in a period table opens the passages and shows the one it names, without
  // touching the address (its hash says which view is open).
  conversation.addEventListener("click", (event) => {
    const link = event.target.closest && event.target.closest("a[data-cite]");
    if (!link) return;
    event.preventDefault();
    const target = document.getElementById(link.dataset.cite);
    if (!target) return;
    const details = target.closest("details");
    if (details) details.open = true;
    target.classList.remove("flash");
    void target.offsetWidth; // restart the highlight animation
    target.classList.add("flash");
    target.scrollIntoView({ block: "nearest", behavior: "smooth" });
  });

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
