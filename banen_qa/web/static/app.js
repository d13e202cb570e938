// banen-qa page: ask, show cited pages with the quote highlighted, browse figures.
// Plain JS, no build step, nothing fetched from outside this server.
"use strict";

const $ = (sel) => document.querySelector(sel);
const SVG = "http://www.w3.org/2000/svg";
let vocabulary = { sectors: {}, metrics: {} };

// GET/POST JSON; an error response becomes an Error carrying the server's one-line message.
async function api(url, options) {
  const response = await fetch(url, options);
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(body.detail || `request failed (${response.status})`);
  return body;
}

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === "class") node.className = v;
    else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v);
  }
  for (const child of children) node.append(child);
  return node;
}

function showError(message) {
  const box = $("#error");
  box.textContent = message || "";
  box.hidden = !message;
}

function sectorName(id) { return vocabulary.sectors[id] || id; }

function formatValue(fig) {
  const n = fig.value.toLocaleString("nl-NL", { maximumFractionDigits: 2 });
  return fig.unit === "pct" ? `${n}%` : n;
}

// --- tabs -------------------------------------------------------------------------------
for (const tab of document.querySelectorAll(".tab")) {
  tab.addEventListener("click", () => {
    for (const t of document.querySelectorAll(".tab")) t.classList.toggle("active", t === tab);
    for (const v of document.querySelectorAll(".view")) v.hidden = v.id !== tab.dataset.view;
    if (tab.dataset.view === "figures-view") loadFigures();
  });
}

// --- asking -----------------------------------------------------------------------------
$("#ask-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  const question = $("#question").value.trim();
  showError("");
  if (!question) { showError("Type a question first."); return; }
  $("#ask-button").disabled = true;
  try {
    renderAnswer(await api(`/api/ask?q=${encodeURIComponent(question)}`));
  } catch (err) {
    $("#answer").hidden = true;
    showError(err.message);
  } finally {
    $("#ask-button").disabled = false;
  }
});

function renderAnswer(answer) {
  $("#viewer").hidden = true;  // the page shown belonged to the previous answer
  $("#answer").hidden = false;
  $("#answer").classList.toggle("abstained", answer.abstained);
  $("#answer-text").textContent = answer.answer;
  const list = $("#citations");
  list.replaceChildren();
  for (const c of answer.citations) {
    const button = el("button", {
      type: "button", class: "citation",
      onclick: () => openPage(c.document, c.page, c.quote),
    }, `${c.document}, p. ${c.page}: “${c.quote}”`);
    list.append(el("li", {}, button));
  }
  $("#answer h3").hidden = answer.citations.length === 0;
}

// --- page viewer ------------------------------------------------------------------------
// The API gives boxes in PDF points and the page size; percentages scale them with the image.
async function openPage(documentId, page, quote) {
  const frame = $("#page-frame");
  for (const old of frame.querySelectorAll(".highlight")) old.remove();
  $("#viewer").hidden = false;
  $("#viewer-title").textContent = `${documentId} — page ${page}`;
  $("#viewer-quote").textContent = quote ? `“${quote}”` : "";
  $("#page-image").src = `/api/page/${encodeURIComponent(documentId)}/${page}.png`;
  if (!quote) return;
  try {
    const params = new URLSearchParams({ document: documentId, page, quote });
    const found = await api(`/api/highlight?${params}`);
    for (const b of found.boxes) {
      const pad = 1.5;  // points around the glyphs, so the text stays readable
      frame.append(el("div", {
        class: "highlight",
        style: [
          `left:${((b.x0 - pad) / found.width) * 100}%`,
          `top:${((b.top - pad) / found.height) * 100}%`,
          `width:${((b.x1 - b.x0 + 2 * pad) / found.width) * 100}%`,
          `height:${((b.bottom - b.top + 2 * pad) / found.height) * 100}%`,
        ].join(";"),
      }));
    }
    if (found.match === "none") $("#viewer-quote").textContent += " (not found on the page)";
  } catch (err) {
    $("#viewer-quote").textContent = err.message;
  }
  $("#viewer").scrollIntoView({ block: "nearest" });
}

$("#viewer-close").addEventListener("click", () => { $("#viewer").hidden = true; });

// --- figures ----------------------------------------------------------------------------
let filtersReady = false;

async function loadFigures() {
  try {
    if (!filtersReady) await fillFilters();
    await refreshFigures();
  } catch (err) {
    $("#figures-count").textContent = err.message;
  }
}

async function fillFilters() {
  vocabulary = await api("/api/vocabulary");
  const all = await api("/api/figures");
  const form = $("#filters");
  const options = {
    sector: [...new Set(all.map((f) => f.sector))].sort(),
    year: [...new Set(all.map((f) => f.year).filter((y) => y !== null))].sort(),
    metric: [...new Set(all.map((f) => f.metric))].sort(),
    document: [...new Set(all.map((f) => f.document))].sort(),
  };
  for (const [name, values] of Object.entries(options)) {
    const select = form.elements[name];
    for (const v of values) {
      const label = name === "sector" ? sectorName(v) : String(v);
      select.append(el("option", { value: v }, label));
    }
  }
  form.addEventListener("change", refreshFigures);
  filtersReady = true;
}

function filterParams({ withMetric = true } = {}) {
  const params = new URLSearchParams();
  for (const [k, v] of new FormData($("#filters"))) {
    if (v !== "" && (withMetric || k !== "metric")) params.set(k, v);
  }
  return params;
}

async function refreshFigures() {
  const params = filterParams();
  $("#download-csv").href = `/api/figures.csv?${params}`;
  $("#download-xlsx").href = `/api/figures.xlsx?${params}`;
  const [rows, forChart] = await Promise.all([
    api(`/api/figures?${params}`),
    api(`/api/figures?${filterParams({ withMetric: false })}`),
  ]);
  renderTable(rows);
  renderChart(forChart);
}

function renderTable(rows) {
  const flagged = rows.filter((f) => f.warnings.length).length;
  $("#figures-count").textContent =
    `${rows.length} figures` + (flagged ? `, ${flagged} flagged` : "");
  const body = $("#figures-table tbody");
  body.replaceChildren();
  for (const f of rows) {
    const open = () => openPage(f.document, f.page, f.quote);
    body.append(el("tr", { class: f.warnings.length ? "flagged" : "", onclick: open, title: f.document },
      el("td", {}, sectorName(f.sector)),
      el("td", {}, f.year === null ? "—" : String(f.year) + (f.quarter ? ` Q${f.quarter}` : "")),
      el("td", { title: vocabulary.metrics[f.metric] || "" }, f.metric),
      el("td", { class: "num" }, formatValue(f)),
      el("td", {}, el("a", { href: "#", onclick: (e) => { e.preventDefault(); } }, `p. ${f.page}`)),
      el("td", {}, f.quote),
      el("td", { class: "flag" }, f.warnings.length ? `⚑ ${f.warnings.join(", ")}` : ""),
    ));
  }
}

// Realised versus target per sector and year, as paired horizontal bars. Each pair is scaled
// to its own larger value: sectors differ a hundredfold, and the pair's ratio is the point.
function renderChart(figures) {
  const pairs = new Map();
  for (const f of figures) {
    if (f.quarter || f.year === null) continue;
    if (f.metric !== "realised_jobs" && f.metric !== "target_jobs") continue;
    const key = `${f.sector}|${f.year}`;
    if (!pairs.has(key)) pairs.set(key, { sector: f.sector, year: f.year });
    const pair = pairs.get(key);
    const slot = f.metric === "realised_jobs" ? "realised" : "target";
    if (pair[slot] === undefined) pair[slot] = f.value;
  }
  const rows = [...pairs.values()].sort((a, b) =>
    sectorName(a.sector).localeCompare(sectorName(b.sector)) || a.year - b.year);
  const chart = $("#chart");
  chart.replaceChildren();
  if (!rows.length) {
    chart.append(el("p", { class: "muted" }, "No realised or target figures for this selection."));
    return;
  }
  const labelW = 250, barW = 330, rowH = 30, top = 22, width = labelW + barW + 150;
  const svg = document.createElementNS(SVG, "svg");
  svg.setAttribute("viewBox", `0 0 ${width} ${top + rows.length * rowH + 4}`);
  svg.setAttribute("role", "img");
  const add = (tag, attrs, text) => {
    const node = document.createElementNS(SVG, tag);
    for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
    if (text !== undefined) node.textContent = text;
    svg.append(node);
    return node;
  };
  add("rect", { x: labelW, y: 4, width: 10, height: 10, class: "realised" });
  add("text", { x: labelW + 14, y: 13 }, "realised");
  add("rect", { x: labelW + 80, y: 4, width: 10, height: 10, class: "target" });
  add("text", { x: labelW + 94, y: 13 }, "target (bars scaled per row)");
  rows.forEach((r, i) => {
    const y = top + i * rowH;
    const max = Math.max(r.realised || 0, r.target || 0) || 1;
    add("text", { x: 0, y: y + 15 }, `${sectorName(r.sector)} ${r.year}`);
    const bars = [["realised", r.realised, y + 2], ["target", r.target, y + 14]];
    for (const [cls, value, by] of bars) {
      if (value === undefined) continue;
      add("rect", { x: labelW, y: by, width: Math.max(1, (value / max) * barW), height: 11, class: cls })
        .append(Object.assign(document.createElementNS(SVG, "title"), { textContent: `${cls}: ${value}` }));
      add("text", { x: labelW + (value / max) * barW + 4, y: by + 9 },
        value.toLocaleString("nl-NL", { maximumFractionDigits: 2 }));
    }
    if (r.realised !== undefined && r.target) {
      add("text", { x: width - 4, y: y + 15, "text-anchor": "end" },
        `${Math.round((r.realised / r.target) * 100)}%`);
    }
  });
  chart.append(svg);
}
