// banen-qa page: ask (with ?q= deep links and a session history), the letters in the
// library, the figures with a chart, and a page viewer with the quote highlighted.
// Plain JS, no build step, nothing fetched from outside this server.
"use strict";

const $ = (sel) => document.querySelector(sel);
const SVG = "http://www.w3.org/2000/svg";

// --- interface language -------------------------------------------------------------------
const STRINGS = {
  en: {
    skip: "Skip to content", "nav.label": "Views",
    "tab.ask": "Ask", "tab.library": "Letters", "tab.figures": "Figures", "tab.api": "API",
    "lang.other": "Nederlands", "lang.switch": "Toon de pagina in het Nederlands",
    "ask.label": "Question (Dutch or English)", "ask.placeholder": "What did Defensie realise in 2020?",
    "ask.button": "Ask", "ask.busy": "Asking…", "ask.try": "Try:", "ask.empty": "Type a question first.",
    "ask.searching": "Looking in the letters…",
    "answer.heading": "Answer", "answer.sources": "Sources",
    "answer.copyText": "Copy as text", "answer.copyMd": "Copy as Markdown",
    "answer.copied": "Copied.", "answer.copyFailed": "Could not copy; select the text instead.",
    "answer.question": "Question", "answer.link": "Link",
    "history.heading": "Asked this session",
    "library.heading": "Letters in the library", "library.loading": "Loading the letters…",
    "library.none": "No letters in the corpus folder.",
    "library.date": "Date", "library.reports": "Reports on", "library.author": "Author",
    "library.kind": "Kind", "library.pages": "Pages", "library.figures": "Figures",
    "library.open": "Read", "library.pdf": "Open PDF", "library.showFigures": "Show its figures",
    "library.remove": "Remove",
    "library.confirm": (title) => `Remove “${title}” from the library? Its PDF is deleted from the corpus folder, with its figures and passages.`,
    "library.removed": (title) => `Removed “${title}”.`,
    "up.hint": "Drop PDF letters here to add them, or", "up.choose": "Choose PDF files…",
    "up.limit": (mb) => `PDF only, up to ${mb} MB a file. Each letter is read, its figures found and its passages indexed; then you can ask about it.`,
    "up.waiting": "Waiting for the previous file…", "up.sending": (pct) => `Uploading… ${pct}%`,
    "up.stored": "Stored; waiting to be read…", "up.parsing": "Reading the PDF…",
    "up.extracting": "Finding the figures…", "up.indexing": (d, n) => `Indexing passages: ${d} of ${n}…`,
    "up.done": (title, pages, figures, s) => `Added “${title}”: ${pages} pages, ${figures} figures (${s} s).`,
    "up.failed": "Not added: ", "up.notPdf": "only PDF files can be added",
    "up.tooBig": (mb) => `over ${mb} MB, the limit per file`, "up.progress": (name) => `Progress of ${name}`,
    "f.sector": "Sector", "f.year": "Year", "f.metric": "Metric", "f.document": "Letter",
    "f.all": "all", "f.flagged": "flagged only", "f.value": "Value", "f.page": "Page",
    "f.quote": "Quote", "f.flags": "Flags", "f.loading": "Loading figures…",
    "f.count": (n, k) => `${n} figures` + (k ? `, ${k} flagged` : ""),
    "chart.heading": (y) => `Realised and target jobs per sector, ${y}`,
    "chart.none": "No realised or target figures for this selection.",
    "chart.realised": "realised", "chart.target": "target",
    "chart.label": (y) => `Bar chart: realised and target jobs per sector in ${y}, on one scale`,
    "chart.conflict": "letters disagree", "chart.warning": "has warnings",
    "v.prev": "Previous page", "v.next": "Next page", "v.zoomIn": "Zoom in", "v.zoomOut": "Zoom out",
    "v.pdf": "Open PDF at this page", "v.close": "Close the page viewer",
    "v.page": (p, n) => `page ${p} of ${n}`, "v.notFound": "(not found on this page)",
    "v.alt": (title, p) => `Page ${p} of ${title}`, "v.otherPage": (p) => `The quote is on page ${p}.`,
    "err.network": "The banen-qa server cannot be reached. Is `banen-qa serve` still running?",
    "err.server": "Something went wrong on the server. Try again; if it keeps happening, the server log says why.",
    "err.notFound": "Not found: ", "err.invalid": "The request was not accepted: ",
    "err.busy": "The server is busy; try again in a moment.",
    "err.image": "The page could not be shown.",
    "p": "p.",
  },
  nl: {
    skip: "Naar de inhoud", "nav.label": "Weergaven",
    "tab.ask": "Vragen", "tab.library": "Brieven", "tab.figures": "Cijfers", "tab.api": "API",
    "lang.other": "English", "lang.switch": "Show the page in English",
    "ask.label": "Vraag (Nederlands of Engels)", "ask.placeholder": "Hoeveel banen heeft Defensie in 2020 gerealiseerd?",
    "ask.button": "Vraag", "ask.busy": "Bezig…", "ask.try": "Probeer:", "ask.empty": "Typ eerst een vraag.",
    "ask.searching": "Zoeken in de brieven…",
    "answer.heading": "Antwoord", "answer.sources": "Bronnen",
    "answer.copyText": "Kopieer als tekst", "answer.copyMd": "Kopieer als Markdown",
    "answer.copied": "Gekopieerd.", "answer.copyFailed": "Kopiëren lukte niet; selecteer de tekst.",
    "answer.question": "Vraag", "answer.link": "Link",
    "history.heading": "Eerder gevraagd (deze sessie)",
    "library.heading": "Brieven in de bibliotheek", "library.loading": "Brieven laden…",
    "library.none": "Geen brieven in de corpusmap.",
    "library.date": "Datum", "library.reports": "Rapporteert over", "library.author": "Afzender",
    "library.kind": "Soort", "library.pages": "Pagina's", "library.figures": "Cijfers",
    "library.open": "Lezen", "library.pdf": "PDF openen", "library.showFigures": "Toon de cijfers",
    "library.remove": "Verwijderen",
    "library.confirm": (title) => `“${title}” uit de bibliotheek verwijderen? De PDF wordt uit de corpusmap gewist, met zijn cijfers en passages.`,
    "library.removed": (title) => `“${title}” is verwijderd.`,
    "up.hint": "Sleep PDF-brieven hierheen om ze toe te voegen, of", "up.choose": "Kies PDF-bestanden…",
    "up.limit": (mb) => `Alleen PDF, tot ${mb} MB per bestand. Elke brief wordt gelezen, de cijfers gevonden en de passages geïndexeerd; daarna kunt u erover vragen.`,
    "up.waiting": "Wacht op het vorige bestand…", "up.sending": (pct) => `Uploaden… ${pct}%`,
    "up.stored": "Opgeslagen; wacht om gelezen te worden…", "up.parsing": "De PDF lezen…",
    "up.extracting": "De cijfers zoeken…", "up.indexing": (d, n) => `Passages indexeren: ${d} van ${n}…`,
    "up.done": (title, pages, figures, s) => `“${title}” toegevoegd: ${pages} pagina's, ${figures} cijfers (${s} s).`,
    "up.failed": "Niet toegevoegd: ", "up.notPdf": "alleen PDF-bestanden kunnen worden toegevoegd",
    "up.tooBig": (mb) => `groter dan ${mb} MB, de grens per bestand`, "up.progress": (name) => `Voortgang van ${name}`,
    "f.sector": "Sector", "f.year": "Jaar", "f.metric": "Maat", "f.document": "Brief",
    "f.all": "alle", "f.flagged": "alleen gemarkeerd", "f.value": "Waarde", "f.page": "Pagina",
    "f.quote": "Citaat", "f.flags": "Markeringen", "f.loading": "Cijfers laden…",
    "f.count": (n, k) => `${n} cijfers` + (k ? `, ${k} gemarkeerd` : ""),
    "chart.heading": (y) => `Gerealiseerde banen en doel per sector, ${y}`,
    "chart.none": "Geen gerealiseerde banen of doelen voor deze selectie.",
    "chart.realised": "gerealiseerd", "chart.target": "doel",
    "chart.label": (y) => `Staafdiagram: gerealiseerde banen en doel per sector in ${y}, op één schaal`,
    "chart.conflict": "brieven spreken elkaar tegen", "chart.warning": "heeft waarschuwingen",
    "v.prev": "Vorige pagina", "v.next": "Volgende pagina", "v.zoomIn": "Inzoomen", "v.zoomOut": "Uitzoomen",
    "v.pdf": "PDF openen op deze pagina", "v.close": "Paginaweergave sluiten",
    "v.page": (p, n) => `pagina ${p} van ${n}`, "v.notFound": "(niet gevonden op deze pagina)",
    "v.alt": (title, p) => `Pagina ${p} van ${title}`, "v.otherPage": (p) => `Het citaat staat op pagina ${p}.`,
    "err.network": "De banen-qa-server is niet bereikbaar. Draait `banen-qa serve` nog?",
    "err.server": "Er ging iets mis op de server. Probeer het opnieuw; blijft het misgaan, dan staat de oorzaak in het serverlog.",
    "err.notFound": "Niet gevonden: ", "err.invalid": "Het verzoek werd niet aanvaard: ",
    "err.busy": "De server heeft het druk; probeer het zo opnieuw.",
    "err.image": "De pagina kon niet worden getoond.",
    "p": "p.",
  },
};
const LANG_KEY = "banen-qa.lang";
let lang = pickLanguage();

function pickLanguage() {
  const stored = localStorage.getItem(LANG_KEY);
  if (stored === "nl" || stored === "en") return stored;
  return (navigator.languages || [navigator.language || "en"])
    .some((l) => String(l).toLowerCase().startsWith("nl")) ? "nl" : "en";
}

function t(key, ...args) {
  const value = STRINGS[lang][key] ?? STRINGS.en[key] ?? key;
  return typeof value === "function" ? value(...args) : value;
}

const locale = () => (lang === "nl" ? "nl-NL" : "en-GB");
const formatNumber = (n) => new Intl.NumberFormat(locale(), { maximumFractionDigits: 2 }).format(n);

function applyLanguage() {
  document.documentElement.lang = lang;
  for (const node of document.querySelectorAll("[data-i18n]")) node.textContent = t(node.dataset.i18n);
  for (const node of document.querySelectorAll("[data-i18n-aria]")) {
    node.setAttribute("aria-label", t(node.dataset.i18nAria));
  }
  for (const node of document.querySelectorAll("[data-i18n-placeholder]")) {
    node.placeholder = t(node.dataset.i18nPlaceholder);
  }
  const toggle = $("#lang-toggle");
  toggle.textContent = t("lang.other");
  toggle.lang = lang === "nl" ? "en" : "nl";
  toggle.title = t("lang.switch");
}

$("#lang-toggle").addEventListener("click", () => {
  lang = lang === "nl" ? "en" : "nl";
  localStorage.setItem(LANG_KEY, lang);
  applyLanguage();
  rerender();
});

// --- talking to the server ----------------------------------------------------------------
// An error becomes a sentence a reader understands; the server's own one-line message is
// kept where it is meant for people (404, 422).
async function api(url, options) {
  let response;
  try {
    response = await fetch(url, options);
  } catch {
    throw new Error(t("err.network"));
  }
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(humanError(response.status, body.detail));
  return body;
}

function humanError(status, detail) {
  if (status === 404) return t("err.notFound") + (detail || "");
  if (status === 422 || status === 400 || status === 413) return t("err.invalid") + (detail || "");
  if (status === 429 || status === 503) return t("err.busy");
  return t("err.server");
}

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === "class") node.className = v;
    else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v === true ? "" : v);
  }
  for (const child of children) if (child !== null && child !== undefined) node.append(child);
  return node;
}

function setStatus(selector, text, busy = false) {
  const node = $(selector);
  node.textContent = text || "";
  node.classList.toggle("busy", Boolean(busy && text));
}

// --- what the page knows: vocabulary, letters, figures --------------------------------------
const state = {
  vocabulary: { sectors: {}, metrics: {} },
  documents: new Map(),
  figures: [],
  answer: null,
  view: "ask",
};
let ready = null;  // a promise: vocabulary, letters and figures loaded

function loadBasics() {
  ready ??= Promise.all([api("/api/vocabulary"), api("/api/documents"), api("/api/figures")])
    .then(([vocabulary, documents, figures]) => {
      state.vocabulary = vocabulary;
      state.documents = new Map(documents.map((d) => [d.document, d]));
      state.figures = figures;
    })
    .catch((err) => { ready = null; throw err; });
  return ready;
}

const langIndex = () => lang;
function sectorName(id) { return state.vocabulary.sectors[id]?.[langIndex()] || id; }
function metricName(id) { return state.vocabulary.metrics[id]?.[langIndex()] || id; }

function formatValue(fig) {
  const n = formatNumber(fig.value);
  return fig.unit === "pct" ? `${n}%` : n;
}

function formatDate(iso) {
  const d = new Date(`${iso}T12:00:00`);
  return Number.isNaN(d.getTime()) ? iso
    : new Intl.DateTimeFormat(locale(), { day: "numeric", month: "long", year: "numeric" }).format(d);
}

// "Voortgang Banenafspraak overheid en onderwijs, 3 december 2021" (or the year it reports on)
function documentLabel(id) {
  const doc = state.documents.get(id);
  if (!doc) return id;
  const when = doc.date ? formatDate(doc.date) : doc.year ? `${t("library.reports").toLowerCase()} ${doc.year}` : "";
  return [doc.title || id, when].filter(Boolean).join(", ");
}

function pdfUrl(id, page) {
  const doc = state.documents.get(id);
  return `${doc?.pdf_url || `/api/pdf/${encodeURIComponent(id)}`}#page=${page}`;
}

// --- views and the address bar ------------------------------------------------------------
function showView(view, { push = false } = {}) {
  state.view = view;
  for (const tab of document.querySelectorAll(".tab")) {
    if (tab.dataset.view === view) tab.setAttribute("aria-current", "page");
    else tab.removeAttribute("aria-current");
  }
  for (const v of document.querySelectorAll(".view")) v.hidden = v.id !== `${view}-view`;
  if (view === "figures") loadFigures();
  if (view === "library") loadLibrary();
  if (push) {
    const url = new URL(location.href);
    url.search = view === "ask" ? (state.answer ? `?q=${encodeURIComponent(state.answer.question)}` : "")
      : `?view=${view}`;
    history.pushState({ view }, "", url);
  }
}

for (const tab of document.querySelectorAll(".tab")) {
  tab.addEventListener("click", () => showView(tab.dataset.view, { push: true }));
}

// Reload and Back/Forward both come here: the address says what to show.
function followAddress() {
  const params = new URLSearchParams(location.search);
  const q = params.get("q");
  const view = params.get("view");
  if (q) {
    showView("ask");
    if (!state.answer || state.answer.question !== q || $("#answer").hidden) ask(q, { push: false });
  } else if (view === "library" || view === "figures") {
    showView(view);
  } else {
    showView("ask");
    clearAnswer();
  }
}
window.addEventListener("popstate", followAddress);

// --- asking -------------------------------------------------------------------------------
const HISTORY_KEY = "banen-qa.history";

$("#ask-form").addEventListener("submit", (event) => {
  event.preventDefault();
  const question = $("#question").value.trim();
  if (!question) { showError(t("ask.empty")); $("#question").focus(); return; }
  ask(question, { push: true });
});

function showError(message) {
  const box = $("#error");
  box.textContent = message || "";
  box.hidden = !message;
}

function clearAnswer() {
  state.answer = null;
  $("#answer").hidden = true;
  $("#question").value = "";
  showError("");
  closeViewer({ restoreFocus: false });
}

let asking = 0;
async function ask(question, { push }) {
  const mine = ++asking;
  $("#question").value = question;
  showError("");
  $("#ask-button").disabled = true;
  $("#ask-button").textContent = t("ask.busy");
  $("#ask-view").setAttribute("aria-busy", "true");
  setStatus("#ask-status", t("ask.searching"), true);
  if (push) history.pushState({ q: question }, "", `?q=${encodeURIComponent(question)}`);
  try {
    const [answer] = await Promise.all([
      api(`/api/ask?q=${encodeURIComponent(question)}`),
      loadBasics().catch(() => {}),  // titles for the citations; the answer stands without
    ]);
    if (mine !== asking) return;
    state.answer = answer;
    renderAnswer();
    remember(question);
  } catch (err) {
    if (mine !== asking) return;
    state.answer = null;
    $("#answer").hidden = true;
    showError(err.message);
  } finally {
    if (mine === asking) {
      $("#ask-button").disabled = false;
      $("#ask-button").textContent = t("ask.button");
      $("#ask-view").removeAttribute("aria-busy");
      setStatus("#ask-status", "");
    }
  }
}

function renderAnswer({ keepViewer = false } = {}) {
  const answer = state.answer;
  if (!answer) return;
  if (!keepViewer) closeViewer({ restoreFocus: false });  // it showed the previous answer's page
  $("#answer").hidden = false;
  $("#answer").classList.toggle("abstained", answer.abstained);
  $("#answer-text").textContent = answer.answer;
  $("#answer-text").lang = answer.language;
  $("#copy-status").textContent = "";
  const list = $("#citations");
  list.replaceChildren();
  for (const c of answer.citations) {
    list.append(el("li", {}, el("button", {
      type: "button", class: "citation",
      onclick: (e) => openPage(c.document, c.page, c.quote, e.currentTarget),
    },
    el("span", { class: "cite-where" }, `${documentLabel(c.document)}, ${t("p")} ${c.page}`),
    el("span", { class: "cite-quote", lang: "nl" }, `“${c.quote}”`))));
  }
  $("#sources-heading").hidden = answer.citations.length === 0;
}

function remember(question) {
  const seen = JSON.parse(sessionStorage.getItem(HISTORY_KEY) || "[]").filter((q) => q !== question);
  seen.unshift(question);
  sessionStorage.setItem(HISTORY_KEY, JSON.stringify(seen.slice(0, 20)));
  renderHistory();
}

function renderHistory() {
  const seen = JSON.parse(sessionStorage.getItem(HISTORY_KEY) || "[]");
  $("#history-box").hidden = seen.length === 0;
  $("#history").replaceChildren(...seen.map((q) => el("li", {}, el("button", {
    type: "button", class: "history-item", onclick: () => ask(q, { push: true }),
  }, q))));
}

// Example questions from figures the corpus really holds: realised jobs of a sector in a year.
function renderExamples() {
  const pairs = [];
  const seenSectors = new Set();
  const realised = state.figures.filter((f) => f.metric === "realised_jobs" && f.year && !f.quarter)
    .sort((a, b) => b.value - a.value);
  for (const f of realised) {
    if (seenSectors.has(f.sector)) continue;
    seenSectors.add(f.sector);
    pairs.push(f);
    if (pairs.length === 4) break;
  }
  const question = (f) => {
    const names = state.vocabulary.sectors[f.sector] || { nl: f.sector, en: f.sector };
    return lang === "nl" ? `Hoeveel banen heeft ${names.nl} in ${f.year} gerealiseerd?`
      : `What did ${names.en} realise in ${f.year}?`;
  };
  $("#example-list").replaceChildren(...pairs.map((f) => el("li", {}, el("button", {
    type: "button", class: "example", onclick: (e) => ask(e.currentTarget.textContent, { push: true }),
  }, question(f)))));
  $("#examples").hidden = pairs.length === 0;
}

// Copy the answer with its sources, as plain text or Markdown.
function answerAsText(markdown) {
  const a = state.answer;
  const link = `${location.origin}/?q=${encodeURIComponent(a.question)}`;
  const sources = a.citations.map((c, i) => {
    const where = `${documentLabel(c.document)}, ${t("p")} ${c.page}`;
    return markdown ? `${i + 1}. **${where}** — “${c.quote}” ([PDF](${location.origin}${pdfUrl(c.document, c.page)}))`
      : `${i + 1}. ${where}: “${c.quote}”`;
  });
  if (markdown) {
    return [`**${t("answer.question")}:** ${a.question}`, "", a.answer, "",
      ...(sources.length ? [`**${t("answer.sources")}**`, "", ...sources, ""] : []),
      `[${t("answer.link")}](${link})`].join("\n");
  }
  return [`${t("answer.question")}: ${a.question}`, "", a.answer, "",
    ...(sources.length ? [`${t("answer.sources")}:`, ...sources, ""] : []), link].join("\n");
}

async function copyAnswer(markdown) {
  if (!state.answer) return;
  const text = answerAsText(markdown);
  let ok = false;
  try {
    await navigator.clipboard.writeText(text);
    ok = true;
  } catch {
    const area = el("textarea", { "aria-hidden": "true", style: "position:fixed;left:-9999px" });
    area.value = text;
    document.body.append(area);
    area.select();
    ok = document.execCommand("copy");
    area.remove();
  }
  $("#copy-status").textContent = ok ? t("answer.copied") : t("answer.copyFailed");
}
$("#copy-text").addEventListener("click", () => copyAnswer(false));
$("#copy-md").addEventListener("click", () => copyAnswer(true));

// --- library ------------------------------------------------------------------------------
async function loadLibrary() {
  setStatus("#library-status", t("library.loading"), true);
  try {
    await loadBasics();
    setStatus("#library-status", state.documents.size ? "" : t("library.none"));
    renderLibrary();
  } catch (err) {
    setStatus("#library-status", err.message);
  }
}

function renderLibrary() {
  const cards = [...state.documents.values()].map((d) => {
    const row = (key, value) => (value === null || value === undefined || value === "" ? []
      : [el("dt", {}, t(key)), el("dd", {}, String(value))]);
    return el("li", { class: "card" },
      el("h3", {}, d.title || d.document),
      el("dl", {},
        ...row("library.date", d.date ? formatDate(d.date) : null),
        ...row("library.reports", d.year),
        ...row("library.author", d.author),
        ...row("library.kind", d.kind),
        ...row("library.pages", formatNumber(d.n_pages)),
        ...row("library.figures", formatNumber(d.n_figures))),
      el("div", { class: "actions" },
        el("button", { type: "button", onclick: (e) => openPage(d.document, 1, null, e.currentTarget) },
          t("library.open")),
        el("a", { class: "button-link", href: pdfUrl(d.document, 1), target: "_blank", rel: "noopener" },
          t("library.pdf")),
        el("button", { type: "button", onclick: () => showDocumentFigures(d.document) },
          t("library.showFigures")),
        uploads.enabled ? el("button", {
          type: "button", class: "danger", "data-remove": d.document,
          "aria-label": `${t("library.remove")}: ${d.title || d.document}`,
          onclick: (e) => removeLetter(d, e.currentTarget),
        }, t("library.remove")) : null));
  });
  $("#library").replaceChildren(...cards);
}

// After a letter was added or removed: everything the page built from the corpus again.
async function reloadBasics() {
  ready = null;
  await loadBasics();
  if (state.view === "library") {
    setStatus("#library-status", state.documents.size ? "" : t("library.none"));
  }
  renderLibrary();
  renderExamples();
  if (filtersReady) { fillFilters(); await refreshFigures(); }
}

async function removeLetter(doc, button) {
  const title = doc.title || doc.document;
  if (!window.confirm(t("library.confirm", title))) return;
  button.disabled = true;
  try {
    await api(`/api/documents/${encodeURIComponent(doc.document)}`, { method: "DELETE" });
    if (viewer.document === doc.document) closeViewer({ restoreFocus: false });
    await reloadBasics();
    setStatus("#library-status", t("library.removed", title));
    $("#library-heading").focus?.();
  } catch (err) {
    setStatus("#library-status", err.message);
    button.disabled = false;
  }
}

// --- adding letters: the file button, or files dropped on the library view -------------------
// One file at a time: sent with XMLHttpRequest (for the upload's own progress), then the
// server's job is polled through stored, parsing, extracting and indexing to done or failed.
const uploads = { enabled: false, maxBytes: 20 * 1024 * 1024, queue: Promise.resolve() };
const megabytes = () => Math.round(uploads.maxBytes / (1024 * 1024));

async function loadUploadSettings() {
  try {
    const settings = await api("/api/uploads");
    uploads.enabled = settings.enabled;
    uploads.maxBytes = settings.max_bytes;
  } catch {
    uploads.enabled = false;
  }
  $("#upload-zone").hidden = !uploads.enabled;
  $("#upload-limit").textContent = t("up.limit", megabytes());
  if (state.view === "library" && state.documents.size) renderLibrary();
}

function addFiles(files) {
  for (const file of files) {
    const item = uploadItem(file.name);
    uploads.queue = uploads.queue.then(() => uploadOne(file, item)).catch(() => {});
  }
}

function uploadItem(name) {
  const bar = el("progress", { max: "100", value: "0", "aria-label": t("up.progress", name) });
  const text = el("span", { class: "upload-state" }, t("up.waiting"));
  const li = el("li", { class: "upload-item" }, el("span", { class: "upload-name" }, name), bar, text);
  $("#upload-list").prepend(li);
  return {
    show(message, percent) { text.textContent = message; if (percent !== undefined) bar.value = percent; },
    end(ok, message) {
      li.classList.add(ok ? "done" : "failed");
      text.textContent = ok ? message : t("up.failed") + message;
      if (ok) bar.value = 100; else bar.remove();
    },
  };
}

function sendFile(file, onProgress) {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", `/api/uploads?name=${encodeURIComponent(file.name)}`);
    xhr.setRequestHeader("Content-Type", "application/pdf");
    xhr.upload.onprogress = (e) => { if (e.lengthComputable) onProgress(Math.round((100 * e.loaded) / e.total)); };
    xhr.onload = () => {
      let body = {};
      try { body = JSON.parse(xhr.responseText); } catch { /* not JSON */ }
      if (xhr.status === 202) resolve(body);
      else if ([409, 413, 415, 422].includes(xhr.status) && body.detail) reject(new Error(body.detail));
      else reject(new Error(humanError(xhr.status, body.detail)));
    };
    xhr.onerror = () => reject(new Error(t("err.network")));
    xhr.send(file);
  });
}

const STAGE = { stored: 42, parsing: 50, extracting: 60, indexing: 65 };

function showJob(item, job) {
  if (job.state === "indexing") {
    const share = job.total ? job.done / job.total : 0;
    item.show(t("up.indexing", formatNumber(job.done), formatNumber(job.total)), Math.round(65 + 34 * share));
  } else if (STAGE[job.state]) {
    item.show(t(`up.${job.state}`), STAGE[job.state]);
  }
}

async function uploadOne(file, item) {
  if (!/\.pdf$/i.test(file.name)) { item.end(false, `${file.name}: ${t("up.notPdf")}`); return; }
  if (file.size > uploads.maxBytes) { item.end(false, `${file.name}: ${t("up.tooBig", megabytes())}`); return; }
  try {
    let job = await sendFile(file, (pct) => item.show(t("up.sending", pct), Math.round(pct * 0.4)));
    while (job.state !== "done" && job.state !== "failed") {
      showJob(item, job);
      await new Promise((r) => setTimeout(r, 300));
      job = await api(`/api/uploads/${encodeURIComponent(job.id)}`);
    }
    if (job.state === "failed") { item.end(false, job.error); return; }
    await reloadBasics();
    item.end(true, t("up.done", job.title || job.document, formatNumber(job.n_pages),
      formatNumber(job.n_figures), formatNumber(Math.round(job.seconds * 10) / 10)));
  } catch (err) {
    item.end(false, `${file.name}: ${err.message}`);
  }
}

$("#upload-button").addEventListener("click", () => $("#upload-input").click());
$("#upload-input").addEventListener("change", (event) => {
  const files = [...event.target.files];
  event.target.value = "";
  addFiles(files);
});

const draggingFiles = (event) => [...(event.dataTransfer?.types || [])].includes("Files");
const libraryView = $("#library-view");
libraryView.addEventListener("dragover", (event) => {
  if (!uploads.enabled || !draggingFiles(event)) return;
  event.preventDefault();
  event.dataTransfer.dropEffect = "copy";
  libraryView.classList.add("dragging");
});
libraryView.addEventListener("dragleave", (event) => {
  if (!libraryView.contains(event.relatedTarget)) libraryView.classList.remove("dragging");
});
libraryView.addEventListener("drop", (event) => {
  libraryView.classList.remove("dragging");
  if (!uploads.enabled || !draggingFiles(event)) return;
  event.preventDefault();
  addFiles([...event.dataTransfer.files]);
});
// A file dropped elsewhere on the page must not replace the page with the PDF.
window.addEventListener("dragover", (event) => { if (draggingFiles(event)) event.preventDefault(); });
window.addEventListener("drop", (event) => { if (draggingFiles(event)) event.preventDefault(); });

async function showDocumentFigures(documentId) {
  showView("figures", { push: true });
  await loadFigures();
  $("#filters").elements.document.value = documentId;
  refreshFigures();
}

// --- figures ------------------------------------------------------------------------------
let filtersReady = false;

async function loadFigures() {
  setStatus("#figures-count", t("f.loading"), true);
  try {
    await loadBasics();
    if (!filtersReady) fillFilters();
    await refreshFigures();
  } catch (err) {
    setStatus("#figures-count", err.message);
  }
}

function fillFilters() {
  const all = state.figures;
  const form = $("#filters");
  const options = {
    sector: [...new Set(all.map((f) => f.sector))],
    year: [...new Set(all.map((f) => f.year).filter((y) => y !== null))].sort(),
    metric: [...new Set(all.map((f) => f.metric))],
    document: [...new Set(all.map((f) => f.document))].sort(),
  };
  for (const [name, values] of Object.entries(options)) {
    const select = form.elements[name];
    const chosen = select.value;
    select.replaceChildren(select.options[0], ...values.map((v) => el("option", { value: v }, String(v))));
    select.value = values.map(String).includes(chosen) ? chosen : "";
  }
  labelOptions();
  if (!filtersReady) form.addEventListener("change", refreshFigures);
  filtersReady = true;
}

// Option labels in the interface language (the values stay the ids).
function labelOptions() {
  const form = $("#filters");
  const label = { sector: sectorName, metric: metricName, document: documentLabel, year: String };
  for (const [name, fn] of Object.entries(label)) {
    for (const option of form.elements[name].options) if (option.value) option.textContent = fn(option.value);
  }
  for (const name of ["sector", "metric"]) {  // sorted by the name shown
    const select = form.elements[name];
    const chosen = select.value;
    const [all, ...rest] = [...select.options];
    rest.sort((a, b) => a.textContent.localeCompare(b.textContent, locale()));
    select.replaceChildren(all, ...rest);
    select.value = chosen;
  }
}

function filterParams() {
  const params = new URLSearchParams();
  for (const [k, v] of new FormData($("#filters"))) if (v !== "") params.set(k, v);
  return params;
}

// The same name the server gives the download, e.g. figures-gemeenten-2020.csv.
function downloadName(params, fmt) {
  const parts = ["figures", params.get("sector"), params.get("year"), params.get("metric"),
    params.get("document"), params.get("flagged") === "true" ? "flagged" : null];
  const safe = parts.filter(Boolean).map((p) => p.toLowerCase().replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")).filter(Boolean);
  return `${safe.join("-").slice(0, 120)}.${fmt}`;
}

function currentRows() {
  const p = filterParams();
  return state.figures.filter((f) =>
    (!p.has("sector") || f.sector === p.get("sector"))
    && (!p.has("year") || String(f.year) === p.get("year"))
    && (!p.has("metric") || f.metric === p.get("metric"))
    && (!p.has("document") || f.document === p.get("document"))
    && (!p.has("flagged") || f.warnings.length > 0));
}

async function refreshFigures() {
  const params = filterParams();
  for (const fmt of ["csv", "xlsx"]) {
    const link = $(`#download-${fmt}`);
    link.href = `/api/figures.${fmt}${params.size ? `?${params}` : ""}`;
    link.download = downloadName(params, fmt);
  }
  // The table and chart come from the server's filter, so what is shown is what downloads.
  const rows = await api(`/api/figures?${params}`);
  renderTable(rows);
  renderChart();
}

function renderTable(rows) {
  const flagged = rows.filter((f) => f.warnings.length).length;
  setStatus("#figures-count", t("f.count", formatNumber(rows.length), flagged && formatNumber(flagged)));
  const body = $("#figures-table tbody");
  body.replaceChildren();
  for (const f of rows) {
    const open = (e) => openPage(f.document, f.page, f.quote, e.currentTarget);
    body.append(el("tr", { class: f.warnings.length ? "flagged" : "", onclick: open,
      title: documentLabel(f.document) },
    el("td", { "data-label": t("f.sector") }, sectorName(f.sector)),
    el("td", { "data-label": t("f.year") }, f.year === null ? "—" : String(f.year) + (f.quarter ? ` Q${f.quarter}` : "")),
    el("td", { "data-label": t("f.metric"), title: state.vocabulary.metrics[f.metric]?.description }, metricName(f.metric)),
    el("td", { class: "num", "data-label": t("f.value") }, formatValue(f)),
    el("td", { "data-label": t("f.page") }, el("button", {
      type: "button", class: "page-button",
      "aria-label": `${t("v.page", f.page, state.documents.get(f.document)?.n_pages ?? "?")}, ${documentLabel(f.document)}`,
      onclick: (e) => { e.stopPropagation(); open(e); },
    }, `${t("p")} ${f.page}`)),
    el("td", { "data-label": t("f.quote"), lang: "nl" }, f.quote),
    el("td", { class: "flag", "data-label": t("f.flags") }, f.warnings.length ? `⚑ ${f.warnings.join(", ")}` : ""),
    ));
  }
}

// For one year: realised and target jobs per sector on ONE scale (so 297 is drawn far shorter
// than 5,500), the percentage of target beside the bars, warnings and conflicts marked.
function chartYear() {
  const chosen = filterParams().get("year");
  if (chosen) return Number(chosen);
  const count = new Map();
  for (const f of state.figures) {
    if (f.metric === "realised_jobs" && f.year) count.set(f.year, (count.get(f.year) || 0) + 1);
  }
  return [...count.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]?.[0] ?? null;
}

function chartRows(year) {
  const p = filterParams();
  const rows = new Map();
  for (const f of state.figures) {
    if (f.year !== year || f.quarter) continue;
    if (p.has("sector") && f.sector !== p.get("sector")) continue;
    if (p.has("document") && f.document !== p.get("document")) continue;
    const slot = { realised_jobs: "realised", target_jobs: "target", realisation_pct: "pct" }[f.metric];
    if (!slot) continue;
    if (!rows.has(f.sector)) rows.set(f.sector, { sector: f.sector, values: {}, warnings: new Set(), conflict: false });
    const row = rows.get(f.sector);
    if (row.values[slot] === undefined) row.values[slot] = f.value;
    else if (row.values[slot] !== f.value) row.conflict = true;
    for (const w of f.warnings) row.warnings.add(w);
  }
  return [...rows.values()].filter((r) => r.values.realised !== undefined || r.values.target !== undefined)
    .sort((a, b) => Math.max(b.values.realised || 0, b.values.target || 0)
      - Math.max(a.values.realised || 0, a.values.target || 0));
}

function renderChart() {
  const chart = $("#chart");
  chart.replaceChildren();
  const year = chartYear();
  $("#chart-heading").textContent = year ? t("chart.heading", year) : "";
  const rows = year ? chartRows(year) : [];
  if (!rows.length) {
    chart.append(el("p", { class: "muted" }, t("chart.none")));
    return;
  }
  const width = Math.max(300, Math.round(chart.clientWidth || 700));
  // narrow screens: the sector's name above its bars, so long names never run into them
  const stacked = width < 520;
  const labelW = stacked ? 0 : Math.min(200, Math.round(width * 0.34));
  const pctW = 52, valueW = 50;
  const barW = width - labelW - valueW - pctW;
  const rowH = stacked ? 50 : 34, top = 26, barTop = stacked ? 17 : 3;
  const height = top + rows.length * rowH + 18;
  const max = Math.max(...rows.map((r) => Math.max(r.values.realised || 0, r.values.target || 0))) || 1;
  const x = (v) => labelW + (v / max) * barW;
  const svg = document.createElementNS(SVG, "svg");
  svg.setAttribute("viewBox", `0 0 ${width} ${height}`);
  svg.setAttribute("role", "img");
  svg.setAttribute("aria-label", t("chart.label", year));
  const add = (parent, tag, attrs, text) => {
    const node = document.createElementNS(SVG, tag);
    for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
    if (text !== undefined) node.textContent = text;
    parent.append(node);
    return node;
  };
  add(svg, "title", {}, t("chart.label", year));
  // legend and a shared axis: a few round ticks
  add(svg, "rect", { x: labelW, y: 4, width: 12, height: 12, class: "realised" });
  add(svg, "text", { x: labelW + 16, y: 14 }, t("chart.realised"));
  add(svg, "rect", { x: labelW + 110, y: 4, width: 12, height: 12, class: "target" });
  add(svg, "text", { x: labelW + 126, y: 14 }, t("chart.target"));
  const step = 10 ** Math.floor(Math.log10(max)) * (max / 10 ** Math.floor(Math.log10(max)) > 5 ? 2 : 1);
  for (let v = 0; v <= max; v += step) {
    add(svg, "line", { x1: x(v), x2: x(v), y1: top - 4, y2: height - 16, class: "grid" });
    add(svg, "text", { x: x(v), y: height - 3, "text-anchor": "middle", class: "tick" }, formatNumber(v));
  }
  rows.forEach((r, i) => {
    const y = top + i * rowH;
    const g = add(svg, "g", { class: "chart-row", "data-sector": r.sector });
    const marks = (r.warnings.size ? " ⚑" : "") + (r.conflict ? " ⚠" : "");
    const label = add(g, "text", { x: 0, y: y + (stacked ? 12 : 17), class: marks ? "warn" : "label" },
      sectorName(r.sector) + marks);
    if (marks) {
      const why = [...r.warnings, ...(r.conflict ? [t("chart.conflict")] : [])].join(", ");
      add(label, "title", {}, why);
    }
    for (const [slot, by] of [["realised", y + barTop], ["target", y + barTop + 14]]) {
      const value = r.values[slot];
      if (value === undefined) continue;
      const bar = add(g, "rect", { x: labelW, y: by, width: Math.max(1, x(value) - labelW), height: 12,
        class: slot, "data-value": value });
      add(bar, "title", {}, `${t(`chart.${slot}`)}: ${formatNumber(value)}`);
      add(g, "text", { x: x(value) + 4, y: by + 10, class: "value" }, formatNumber(value));
    }
    const pct = r.values.pct ?? (r.values.realised !== undefined && r.values.target
      ? Math.round((r.values.realised / r.values.target) * 100) : undefined);
    if (pct !== undefined) {  // beside the longer bar's number
      const longest = Math.max(r.values.realised || 0, r.values.target || 0);
      const at = x(longest) + 14 + formatNumber(longest).length * 7;
      const fits = at + 44 <= width;
      add(g, "text", { x: fits ? at : width - 2, y: y + barTop + 14, class: "pct",
        "text-anchor": fits ? "start" : "end" }, `${formatNumber(pct)}%`);
    }
  });
  chart.append(svg);
}

// --- page viewer --------------------------------------------------------------------------
// The API gives boxes in PDF points and the page size; percentages scale them with the image.
const viewer = { document: null, page: 1, quote: null, quotePage: null, zoom: 1, opener: null };
const ZOOMS = [1, 1.5, 2, 3];

function openPage(documentId, page, quote, opener) {
  Object.assign(viewer, { document: documentId, page, quote, quotePage: quote ? page : null,
    zoom: 1, opener: opener || document.activeElement });
  $("#viewer").hidden = false;
  showPage();
  $("#viewer").scrollIntoView({ block: "nearest" });
  $("#viewer-close").focus({ preventScroll: true });
}

function closeViewer({ restoreFocus = true } = {}) {
  if ($("#viewer").hidden) return;
  $("#viewer").hidden = true;
  if (restoreFocus && viewer.opener && document.contains(viewer.opener)) viewer.opener.focus({ preventScroll: true });
}

function renderScale() {
  // sharp on this screen: CSS width × zoom × device pixel ratio over an A4 page's 595 points
  const css = ($("#page-scroll").clientWidth || 600) * viewer.zoom;
  const scale = (css * (window.devicePixelRatio || 1)) / 595;
  return Math.min(4, Math.max(1, Math.ceil(scale * 2) / 2));
}

async function showPage() {
  const { document: documentId, page } = viewer;
  const doc = state.documents.get(documentId);
  const pages = doc?.n_pages;
  const title = doc?.title || documentId;
  $("#viewer-title").textContent = documentLabel(documentId);
  $("#page-label").textContent = t("v.page", page, pages ?? "?");
  $("#page-prev").disabled = page <= 1;
  $("#page-next").disabled = pages ? page >= pages : false;
  $("#zoom-out").disabled = viewer.zoom === ZOOMS[0];
  $("#zoom-in").disabled = viewer.zoom === ZOOMS.at(-1);
  $("#viewer-pdf").href = pdfUrl(documentId, page);
  const frame = $("#page-frame");
  frame.style.width = `${viewer.zoom * 100}%`;
  for (const old of frame.querySelectorAll(".highlight")) old.remove();
  const onCitedPage = viewer.quote && page === viewer.quotePage;
  $("#viewer-quote").textContent = !viewer.quote ? ""
    : onCitedPage ? `“${viewer.quote}”` : t("v.otherPage", viewer.quotePage);
  const image = $("#page-image");
  image.alt = t("v.alt", title, page);
  const src = `/api/page/${encodeURIComponent(documentId)}/${page}.png?scale=${renderScale()}`;
  if (image.getAttribute("src") !== src) {
    frame.classList.add("loading");
    image.onload = () => frame.classList.remove("loading");
    image.onerror = () => { frame.classList.remove("loading"); $("#viewer-quote").textContent = t("err.image"); };
    image.src = src;
  }
  if (!onCitedPage) return;
  try {
    const params = new URLSearchParams({ document: documentId, page, quote: viewer.quote });
    const found = await api(`/api/highlight?${params}`);
    if (viewer.document !== documentId || viewer.page !== page) return;
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
    if (found.match === "none") $("#viewer-quote").textContent += ` ${t("v.notFound")}`;
  } catch (err) {
    $("#viewer-quote").textContent = err.message;
  }
}

function turnPage(delta) {
  const pages = state.documents.get(viewer.document)?.n_pages ?? Infinity;
  const next = Math.min(pages, Math.max(1, viewer.page + delta));
  if (next !== viewer.page) { viewer.page = next; showPage(); }
}

function zoom(delta) {
  const i = Math.min(ZOOMS.length - 1, Math.max(0, ZOOMS.indexOf(viewer.zoom) + delta));
  viewer.zoom = ZOOMS[i];
  showPage();
}

$("#viewer-close").addEventListener("click", () => closeViewer());
$("#page-prev").addEventListener("click", () => turnPage(-1));
$("#page-next").addEventListener("click", () => turnPage(1));
$("#zoom-in").addEventListener("click", () => zoom(1));
$("#zoom-out").addEventListener("click", () => zoom(-1));
document.addEventListener("keydown", (event) => {
  if ($("#viewer").hidden) return;
  if (event.key === "Escape") { event.preventDefault(); closeViewer(); return; }
  const typing = /^(INPUT|SELECT|TEXTAREA)$/.test(document.activeElement?.tagName || "");
  if (typing) return;
  if (event.key === "ArrowLeft" || event.key === "PageUp") turnPage(-1);
  if (event.key === "ArrowRight" || event.key === "PageDown") turnPage(1);
});

// --- start --------------------------------------------------------------------------------
function rerender() {
  renderAnswer({ keepViewer: true });
  renderHistory();
  if (state.figures.length) renderExamples();
  if (filtersReady) { labelOptions(); refreshFigures().catch((err) => setStatus("#figures-count", err.message)); }
  if (state.view === "library" && state.documents.size) renderLibrary();
  $("#upload-limit").textContent = t("up.limit", megabytes());
  for (const item of document.querySelectorAll("#upload-list progress")) {
    item.setAttribute("aria-label", t("up.progress", item.previousElementSibling?.textContent || ""));
  }
  if (!$("#viewer").hidden) showPage();
}

let resizeTimer = null;
window.addEventListener("resize", () => {
  clearTimeout(resizeTimer);
  resizeTimer = setTimeout(() => { if (state.view === "figures" && filtersReady) renderChart(); }, 200);
});

applyLanguage();
renderHistory();
followAddress();
loadUploadSettings();
loadBasics().then(renderExamples).catch((err) => showError(err.message));
