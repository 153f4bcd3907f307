// Small DOM helpers shared by the chat (app.js), the period table and chart (periods.js) and
// the figure table (figures.js).  Server text only ever goes in as text nodes.
"use strict";

window.RagPage = (function () {
  const SVG_NS = "http://www.w3.org/2000/svg";

  // What a figure measures and the bases it is stated on, as the page says them.
  const MEASURES = {
    level: "Giá trị",
    change: "Tăng/giảm",
    plan_share: "Đạt % kế hoạch",
    share: "Tỷ trọng",
    rank: "Xếp hạng",
    index: "Chỉ số",
    contribution: "Đóng góp (điểm phần trăm)",
  };
  const BASIS = {
    all_types: "tất cả các loại hình",
    declared: "mở tờ khai tại Hải quan",
    local_goods: "hàng địa phương",
    international: "quốc tế",
    domestic: "nội địa",
    current_prices: "giá hiện hành",
    constant_prices: "giá so sánh",
    per_capita: "bình quân đầu người",
    per_unit: "bình quân một đơn vị",
  };

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function svg(tag, attrs, text) {
    const node = document.createElementNS(SVG_NS, tag);
    for (const [name, value] of Object.entries(attrs || {})) node.setAttribute(name, String(value));
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

  // Where `value` stands in `text` as a whole figure: "2" is not found inside "2018".
  const WORD_CHAR = /[\p{L}\p{N}]/u;
  function findValue(text, value) {
    if (!value) return -1;
    for (let at = text.indexOf(value); at >= 0; at = text.indexOf(value, at + 1)) {
      const before = at > 0 ? text[at - 1] : "";
      const after = text[at + value.length] || "";
      if (!WORD_CHAR.test(before) && !WORD_CHAR.test(after)) return at;
    }
    return -1;
  }

  // `text` with `value` highlighted where it stands, else as it is.
  function appendWithValue(parent, text, value, markClass) {
    const at = findValue(text, value);
    return appendHighlighted(parent, text, at, at < 0 ? -1 : at + value.length, markClass);
  }

  function formatDate(iso) {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso || "");
    return m ? `${m[3]}/${m[2]}/${m[1]}` : String(iso || "");
  }

  function dateNode(iso, className) {
    const time = el("time", className, formatDate(iso));
    time.setAttribute("datetime", String(iso));
    return time;
  }

  // Said beside a source read by OCR from a scan (rag.records.OCR_NOTE).
  const OCR_NOTE = "văn bản quét, OCR — nên đối chiếu bản gốc";

  // A citation's page ("trang 3") and, for a scanned page, the OCR note, after its title.
  function appendPage(head, item) {
    if (item.page) head.appendChild(el("span", "source-page", `trang ${item.page}`));
    if (item.ocr) head.appendChild(el("span", "ocr-note", `(${OCR_NOTE})`));
  }

  function sourceHeader(item) {
    const head = el("div", "source-head");
    head.appendChild(el("span", "source-title", item.title || item.doc_id || "Tài liệu"));
    if (item.date) head.appendChild(dateNode(item.date, "source-date"));
    appendPage(head, item);
    return head;
  }

  // A number as Vietnamese writes it (1.874,1), at most two decimals.
  function formatNumber(n) {
    try {
      return Number(n).toLocaleString("vi-VN", { maximumFractionDigits: 2 });
    } catch (e) {
      return String(n);
    }
  }

  // The tags of a figure worth saying beside its value: estimate, plan, its measure.
  function figureTags(figure) {
    const tags = [];
    if (!figure) return tags;
    if (figure.estimate) tags.push("ước tính");
    if (figure.target) tags.push("kế hoạch");
    if (figure.measure && figure.measure !== "level" && MEASURES[figure.measure]) {
      tags.push(MEASURES[figure.measure].toLowerCase());
    }
    return tags;
  }

  function basisText(basis) {
    return (basis || []).map((b) => BASIS[b] || String(b)).join(", ");
  }

  return {
    MEASURES, BASIS, el, svg, appendHighlighted, findValue, appendWithValue, formatDate,
    dateNode, sourceHeader, appendPage, formatNumber, figureTags, basisText,
  };
})();
