// The figure table (GET /figures): every figure of the reports with its period, indicator,
// basis and the sentence it is said in; filtered by indicator words, year and measure, a page
// at a time ("Xem thêm").  Also switches between this view and the chat (#so-lieu / #hoi-dap).
"use strict";

(function () {
  const { el, appendWithValue, dateNode, figureTags, basisText } = window.RagPage;
  const PAGE_SIZE = 50;
  const FIGURES_HASH = "#so-lieu";
  const STATUS_TEXT = {
    422: "Bộ lọc không hợp lệ.",
    429: "Bạn tra cứu quá nhanh, vui lòng thử lại sau ít phút.",
    503: "Hệ thống chưa sẵn sàng, vui lòng thử lại sau.",
  };

  const chatView = document.getElementById("chat-view");
  const view = document.getElementById("figures-view");
  const chatTab = document.getElementById("tab-chat");
  const figuresTab = document.getElementById("tab-figures");
  const newChat = document.getElementById("new-chat");
  const form = document.getElementById("figures-form");
  const indicatorInput = document.getElementById("f-indicator");
  const yearInput = document.getElementById("f-year");
  const measureInput = document.getElementById("f-measure");
  const status = document.getElementById("figures-status");
  const tbody = document.querySelector("#figures-table tbody");
  const more = document.getElementById("figures-more");

  let filters = {};
  let shown = 0;
  let request = 0; // the latest request: answers to older ones are dropped
  let started = false;

  // --- the views ---------------------------------------------------------------------------

  function showView() {
    const figures = window.location.hash === FIGURES_HASH;
    view.hidden = !figures;
    chatView.hidden = figures;
    newChat.hidden = figures;
    for (const [tab, on] of [[chatTab, !figures], [figuresTab, figures]]) {
      if (on) tab.setAttribute("aria-current", "page");
      else tab.removeAttribute("aria-current");
    }
    if (figures && !started) {
      started = true;
      load(true);
    }
  }

  // --- the table ---------------------------------------------------------------------------

  function cell(label, className) {
    const td = el("td", className);
    td.dataset.label = label; // shown beside the value when a phone stacks the cells
    return td;
  }

  function row(r) {
    const f = r.figure || {};
    const c = r.citation || {};
    const tr = el("tr");

    const period = cell("Kỳ", "period-cell");
    period.textContent = f.period && f.period.label ? f.period.label : "—";
    tr.appendChild(period);

    tr.appendChild(cell("Chỉ tiêu", "indicator-cell")).textContent = f.indicator || "—";

    const value = cell("Giá trị", "value-cell");
    value.appendChild(el("span", "value", f.value || ""));
    for (const tag of figureTags(f)) value.appendChild(el("span", "tag", tag));
    if (f.comparison) value.appendChild(el("span", "comparison", `so với ${f.comparison}`));
    tr.appendChild(value);

    tr.appendChild(cell("Cơ sở", "basis-cell")).textContent = basisText(f.basis) || "—";

    const source = cell("Tài liệu", "source-cell");
    const head = el("div", "source-head");
    head.appendChild(el("span", "source-title", r.title || r.doc_id || "Tài liệu"));
    if (r.date) head.appendChild(dateNode(r.date, "source-date"));
    source.appendChild(head);
    const quote = el("q", "row-quote");
    appendWithValue(quote, String(c.quote || ""), String(f.value || ""), "quote");
    source.appendChild(quote);
    tr.appendChild(source);
    return tr;
  }

  function query(offset) {
    const q = new URLSearchParams();
    for (const [name, value] of Object.entries(filters)) if (value) q.set(name, value);
    q.set("offset", String(offset));
    q.set("limit", String(PAGE_SIZE));
    return "/figures?" + q.toString();
  }

  function detailText(body) {
    const detail = body && body.detail;
    if (typeof detail === "string") return detail;
    if (Array.isArray(detail)) return detail.map((d) => (d && d.msg) || "").join("; ");
    return "";
  }

  // A page that did not come: new filters leave no rows of the old ones on show.
  function failed(fresh, message) {
    if (fresh) {
      tbody.replaceChildren();
      shown = 0;
      more.hidden = true;
    }
    status.textContent = message;
  }

  // The first page for the current filters (`fresh`), or the next one.
  async function load(fresh) {
    const mine = ++request;
    const offset = fresh ? 0 : shown;
    status.textContent = "Đang tải…";
    more.disabled = true;
    view.setAttribute("aria-busy", "true");
    let body;
    try {
      const res = await fetch(query(offset), { headers: { Accept: "application/json" } });
      try {
        body = await res.json();
      } catch (e) {
        body = null;
      }
      if (mine !== request) return;
      if (!res.ok || !body || !Array.isArray(body.rows)) {
        const prefix = STATUS_TEXT[res.status] || `Lỗi máy chủ (${res.status}).`;
        const detail = res.ok ? "" : detailText(body);
        failed(fresh, detail ? `${prefix} Chi tiết: ${detail}` : prefix);
        return;
      }
    } catch (e) {
      if (mine === request) failed(fresh, "Không kết nối được với máy chủ. Vui lòng thử lại.");
      return;
    } finally {
      if (mine === request) {
        more.disabled = false;
        view.setAttribute("aria-busy", "false");
      }
    }
    if (fresh) {
      tbody.replaceChildren();
      shown = 0;
    }
    for (const r of body.rows) tbody.appendChild(row(r));
    shown += body.rows.length;
    const total = Number(body.total) || 0;
    status.textContent = total
      ? `Hiển thị ${shown}/${total} số liệu.` : "Không có số liệu nào khớp bộ lọc.";
    more.hidden = shown >= total || !body.rows.length;
  }

  // --- events ------------------------------------------------------------------------------

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    filters = {
      indicator: indicatorInput.value.normalize("NFC").trim(),
      year: yearInput.value.trim(),
      measure: measureInput.value,
    };
    started = true;
    load(true);
  });
  more.addEventListener("click", () => load(false));
  window.addEventListener("hashchange", showView);
  showView();
})();
