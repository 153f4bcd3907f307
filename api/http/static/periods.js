// An answer about several periods: a table of one row a period (its value, indicator and
// source) and, for three or more figures in one unit, a bar chart drawn as inline SVG.
"use strict";

window.RagPeriods = (function () {
  const { el, svg, appendWithValue, dateNode, appendPage, formatNumber, figureTags,
    basisText } = window.RagPage;

  const MIN_CHART_BARS = 3;

  function same(a, b) {
    return String(a || "").trim().toLowerCase() === String(b || "").trim().toLowerCase();
  }

  // The period cell: the period asked, and what the reports hold for it when that differs.
  function periodCell(part) {
    const td = el("td", "period-cell");
    td.appendChild(el("span", "period-asked", part.period || "—"));
    const stated = part.figure && part.figure.period ? part.figure.period.label : "";
    if (part.found && part.period_match === "partial" && stated) {
      td.appendChild(el("span", "partial-note", `Chỉ có số liệu ${stated}`));
    } else if (part.found && stated && !same(stated, part.period)) {
      td.appendChild(el("span", "period-stated", `số liệu: ${stated}`));
    }
    return td;
  }

  function valueCell(part) {
    const td = el("td", "value-cell");
    if (!part.found) {
      td.appendChild(el("span", "no-figure", "Không có số liệu"));
      return td;
    }
    td.appendChild(el("mark", "figure", part.answer || (part.figure && part.figure.value)));
    for (const tag of figureTags(part.figure)) td.appendChild(el("span", "tag", tag));
    return td;
  }

  function indicatorCell(part) {
    const td = el("td", "indicator-cell");
    const f = part.figure;
    if (!part.found || !f) {
      td.textContent = "—";
      return td;
    }
    td.appendChild(el("span", null, f.indicator || "—"));
    const basis = basisText(f.basis);
    if (basis) td.appendChild(el("span", "basis", basis));
    return td;
  }

  // The source: the document (a link to its citation below, when `citeId` finds one) and the
  // quoted clause with the value marked.
  function sourceCell(part, citeId) {
    const td = el("td", "source-cell");
    const c = (part.citations || [])[0];
    if (!part.found || !c) {
      td.textContent = "—";
      return td;
    }
    const head = el("div", "source-head");
    const id = citeId(c);
    const title = el(id ? "a" : "span", "source-title", c.title || c.doc_id || "Tài liệu");
    if (id) {
      title.href = "#" + id;
      title.dataset.cite = id;
    }
    head.appendChild(title);
    if (c.date) head.appendChild(dateNode(c.date, "source-date"));
    appendPage(head, c);
    td.appendChild(head);
    const quote = el("q", "row-quote");
    appendWithValue(quote, String(c.quote || ""), String(part.answer || ""), "quote");
    td.appendChild(quote);
    return td;
  }

  const COLUMNS = [["Kỳ", periodCell], ["Giá trị", valueCell], ["Chỉ tiêu", indicatorCell],
                   ["Nguồn", sourceCell]];

  // The table of `parts` (one row each, found or not); `citeId(citation)` gives the id of the
  // citation's block in the answer, or null.
  function table(parts, citeId) {
    const wrap = el("div", "period-table-wrap");
    const t = el("table", "data-table period-table");
    t.appendChild(el("caption", "visually-hidden", "Số liệu theo từng kỳ được hỏi"));
    const head = el("tr");
    for (const [name] of COLUMNS) {
      const th = el("th", null, name);
      th.scope = "col";
      head.appendChild(th);
    }
    t.appendChild(el("thead")).appendChild(head);
    const body = el("tbody");
    for (const part of parts) {
      const row = el("tr", "part " + (part.found ? "found" : "missing"));
      if (part.found && part.period_match === "partial") row.classList.add("partial");
      for (const [name, cell] of COLUMNS) {
        const td = cell(part, citeId);
        td.dataset.label = name; // shown beside the value when a phone stacks the cells
        row.appendChild(td);
      }
      body.appendChild(row);
    }
    t.appendChild(body);
    wrap.appendChild(t);
    return wrap;
  }

  // The parts a chart can show: found, with a number, all in one unit; null when fewer than
  // three or the units differ.
  function chartable(parts) {
    const bars = parts.filter((p) => p && p.found && p.figure &&
                                     Number.isFinite(Number(p.figure.number)));
    if (bars.length < MIN_CHART_BARS) return null;
    const unit = String(bars[0].figure.unit || "").trim();
    if (!bars.every((p) => String(p.figure.unit || "").trim() === unit)) return null;
    return { bars, unit };
  }

  // A label cut into at most two lines of about `width` characters, at spaces.
  function labelLines(text, width) {
    if (text.length <= width) return [text];
    const words = text.split(/\s+/);
    let first = "";
    while (words.length && (first + " " + words[0]).trim().length <= width) {
      first = (first + " " + words.shift()).trim();
    }
    if (!first) first = words.shift() || "";
    let second = words.join(" ");
    if (second.length > width) second = second.slice(0, Math.max(1, width - 1)) + "…";
    return second ? [first, second] : [first];
  }

  // A bar chart of `figure.number` by period; null when `chartable` says no.
  function chart(parts) {
    const data = chartable(parts);
    if (!data) return null;
    const { bars, unit } = data;
    const n = bars.length;
    const band = n > 6 ? 64 : 84;
    const W = Math.max(300, n * band + 20);
    const H = 240;
    const top = 26;
    const bottom = 44;
    const plotH = H - top - bottom;
    const nums = bars.map((p) => Number(p.figure.number));
    const lo = Math.min(0, ...nums);
    let hi = Math.max(0, ...nums);
    if (hi === lo) hi = lo + 1;
    const y = (v) => top + ((hi - v) / (hi - lo)) * plotH;
    const step = (W - 20) / n;
    const barW = Math.min(48, step * 0.6);
    const font = n > 6 ? 11 : 12;

    // Name the indicator only when every bar is the same one.
    const indicator = String(bars[0].figure.indicator || "").trim();
    const one = indicator && bars.every((p) => same(p.figure.indicator, indicator));
    const said = (one ? `${indicator} theo kỳ` : "Số liệu theo kỳ") +
      (unit ? ` (đơn vị: ${unit})` : "");
    const titleText = said.charAt(0).toUpperCase() + said.slice(1);
    const root = svg("svg", {
      class: "period-chart", viewBox: `0 0 ${W} ${H}`, role: "img",
      preserveAspectRatio: "xMidYMid meet",
    });
    root.style.maxWidth = `${Math.round(W * 1.25)}px`;
    const title = svg("title", {}, titleText);
    root.appendChild(title);
    root.setAttribute("aria-label", titleText);

    root.appendChild(svg("line", { class: "baseline", x1: 10, x2: W - 10, y1: y(0), y2: y(0) }));
    bars.forEach((part, i) => {
      const v = nums[i];
      const cx = 10 + step * (i + 0.5);
      const g = svg("g", { class: "bar-group" });
      const rectTop = y(Math.max(v, 0));
      const rect = svg("rect", {
        class: "bar" + (v < 0 ? " negative" : ""), x: cx - barW / 2, y: rectTop,
        width: barW, height: Math.max(1, Math.abs(y(v) - y(0))), rx: 2,
      });
      rect.appendChild(svg("title", {}, `${part.period}: ${part.answer || formatNumber(v)}`));
      g.appendChild(rect);
      const high = part.figure.high;
      const shown = formatNumber(v) + (high !== null && high !== undefined
        ? "–" + formatNumber(high) : "");
      const labelY = v < 0 ? y(v) + font + 3 : rectTop - 6;
      g.appendChild(svg("text", { class: "bar-value", x: cx, y: labelY, "text-anchor": "middle",
                                  "font-size": font }, shown));
      const label = svg("text", { class: "bar-label", x: cx, y: H - bottom + 16,
                                  "text-anchor": "middle", "font-size": font });
      labelLines(String(part.period || ""), Math.floor(step / (font * 0.55))).forEach((line, k) => {
        label.appendChild(svg("tspan", { x: cx, dy: k === 0 ? 0 : font + 2 }, line));
      });
      g.appendChild(label);
      root.appendChild(g);
    });

    const figure = el("figure", "chart");
    figure.appendChild(el("figcaption", null, titleText));
    figure.appendChild(root);
    return figure;
  }

  return { table, chart, chartable };
})();
