// lagebild workbench UI: hash-routed views over the JSON API of the same server.
// Views: #/events, #/timeline, #/network, #/dyad, #/map, #/article/<id>?event=<id>.
// The filter form is shared by all views and kept in the URL (after "?").

import { QUAD_COLOURS, mapPoints, network, stackedBars } from "/static/charts.js";

const UI = {
  de: {
    "nav.events": "Ereignisse", "nav.timeline": "Zeitachse", "nav.network": "Netzwerk", "nav.dyad": "Dyade", "nav.map": "Karte",
    token: "Schreib-Token", readonly: "nur lesen",
    "f.event": "Typ", "f.quad": "Quadklasse", "f.actor": "Akteur", "f.recipient": "Empfänger", "f.from": "von", "f.to": "bis",
    "f.country": "Land", "f.aux": "Aux", "f.q": "Volltext", "f.reviewed": "mit Korrekturen", "f.apply": "Filtern", "f.reset": "Zurücksetzen",
    date: "Datum", type: "Typ", mode: "Modus", parties: "Akteur → Empfänger", place: "Ort", score: "Score", status: "Status",
    evidence: "Beleg", confidence: "Konfidenz", of: "von", prev: "zurück", next: "weiter", none: "Keine Ereignisse.",
    export: "Export", withCorr: "mit Korrekturen", period: "Zeitraum", day: "Tag", week: "Woche", month: "Monat", year: "Jahr",
    netScore: "Netto-Score", events: "Ereignisse", confirm: "Bestätigen", reject: "Verwerfen", change: "Ändern", save: "Speichern",
    cancel: "Abbrechen", actor: "Akteur", recipient: "Empfänger", aux: "Aux", note: "Notiz", author: "Bearbeiter",
    saved: "Gespeichert.", needToken: "Zum Korrigieren Schreib-Token eingeben.", article: "Artikel", source: "Quelle",
    published: "veröffentlicht", location: "Ort", corrections: "Korrekturen", dyadA: "Akteur A", dyadB: "Akteur B", show: "Zeigen",
    unplaced: "ohne Koordinaten", asserted: "behauptet", unreviewed: "ungeprüft", loading: "lädt …", coded: "Kodierer",
    minCount: "mind. Ereignisse", clickHint: "Knoten: nach Akteur filtern · Kante: Dyade öffnen",
    mapHint: "Punkt: Ereignisse dieses Ortes", dyadHint: "Zwei Akteurcodes wählen (z. B. RUS und USA).",
  },
  en: {
    "nav.events": "Events", "nav.timeline": "Timeline", "nav.network": "Network", "nav.dyad": "Dyad", "nav.map": "Map",
    token: "Write token", readonly: "read-only",
    "f.event": "Type", "f.quad": "Quad class", "f.actor": "Actor", "f.recipient": "Recipient", "f.from": "from", "f.to": "to",
    "f.country": "Country", "f.aux": "Aux", "f.q": "Full text", "f.reviewed": "with corrections", "f.apply": "Filter", "f.reset": "Reset",
    date: "Date", type: "Type", mode: "Mode", parties: "Actor → Recipient", place: "Place", score: "Score", status: "Status",
    evidence: "Evidence", confidence: "Confidence", of: "of", prev: "previous", next: "next", none: "No events.",
    export: "Export", withCorr: "with corrections", period: "Period", day: "day", week: "week", month: "month", year: "year",
    netScore: "Net score", events: "Events", confirm: "Confirm", reject: "Reject", change: "Change", save: "Save",
    cancel: "Cancel", actor: "Actor", recipient: "Recipient", aux: "Aux", note: "Note", author: "Reviewer",
    saved: "Saved.", needToken: "Enter the write token to correct events.", article: "Article", source: "Source",
    published: "published", location: "Place", corrections: "Corrections", dyadA: "Actor A", dyadB: "Actor B", show: "Show",
    unplaced: "without coordinates", asserted: "asserted", unreviewed: "unreviewed", loading: "loading …", coded: "Coder",
    minCount: "min. events", clickHint: "Node: filter by actor · Edge: open dyad",
    mapHint: "Point: the events of that place", dyadHint: "Pick two actor codes (e.g. RUS and USA).",
  },
};

const state = { lang: localStorage.getItem("lagebild.lang") || "de", meta: null, world: null };
const $ = (sel, root = document) => root.querySelector(sel);
const t = (key) => UI[state.lang][key] ?? key;
const label = (kind, key) => (state.meta?.labels?.[kind]?.[key]?.[state.lang]) ?? key ?? "";

// DOM builder: text is always inserted as text, never as HTML.
function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith("on")) el.addEventListener(k.slice(2), v);
    else if (k === "class") el.className = v;
    else el.setAttribute(k, v === true ? "" : v);
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

async function api(path, options = {}) {
  const response = await fetch(path, options);
  const body = response.headers.get("content-type")?.includes("json") ? await response.json() : await response.text();
  if (!response.ok) {
    const detail = typeof body === "object" ? body.detail : body;
    throw new Error(typeof detail === "string" ? detail : JSON.stringify(detail));
  }
  return body;
}

// -- filters ---------------------------------------------------------------------
const FILTER_KEYS = ["event", "quad", "actor", "recipient", "party", "date_from", "date_to", "country", "aux", "q", "location"];

function routeParts() {
  const hash = location.hash.replace(/^#\/?/, "") || "events";
  const [path, query = ""] = hash.split("?");
  return { parts: path.split("/").map(decodeURIComponent), params: new URLSearchParams(query) };
}

function filterParams() {
  const { params } = routeParts();
  const out = new URLSearchParams();
  for (const k of FILTER_KEYS) if (params.get(k)) out.set(k, params.get(k));
  out.set("reviewed", params.get("reviewed") === "false" ? "false" : "true");
  return out;
}

function go(path, params) {
  const query = params && [...params].length ? `?${params}` : "";
  location.hash = `#/${path}${query}`;
}

function syncForm() {
  const form = $("#filters"), params = filterParams();
  for (const k of FILTER_KEYS) if (form.elements[k]) form.elements[k].value = params.get(k) || "";
  form.elements.reviewed.checked = params.get("reviewed") !== "false";
}

function formParams(extra = {}) {
  const form = $("#filters"), out = new URLSearchParams();
  for (const k of FILTER_KEYS) {
    const el = form.elements[k];
    const v = el ? el.value.trim() : routeParts().params.get(k);
    if (v) out.set(k, k === "country" ? v.toUpperCase() : v);
  }
  if (!form.elements.reviewed.checked) out.set("reviewed", "false");
  for (const [k, v] of Object.entries(extra)) if (v) out.set(k, v);
  return out;
}

// -- shared bits -----------------------------------------------------------------
function typeBadge(e) {
  return h("span", { class: `type q-${e.quad}`, title: label("quad", e.quad) }, label("type", e.event));
}
function parties(list) {
  return (list || []).map((x) => x.code || x.name || "?").join("+") || "–";
}
function scoreCell(v) {
  return h("span", { class: v > 0 ? "score-pos" : v < 0 ? "score-neg" : "" }, v > 0 ? `+${v}` : `${v}`);
}
function statusBadge(st) {
  return st ? h("span", { class: `badge st-${st}`, "data-status": st }, label("status", st)) : null;
}
function dateText(e) {
  return e.date || (e.day ? `(${e.day})` : "–");
}
function legend(keys, kind) {
  return h("div", { class: "legend" }, keys.map((k) => h("span", { class: `q-${k}` }, h("i"), label(kind, k))));
}
function setView(name, ...content) {
  for (const a of document.querySelectorAll("#nav a")) a.classList.toggle("active", a.dataset.view === name);
  const view = $("#view");
  view.replaceChildren(...content);
  view.dataset.view = name;
}
function message(text, kind = "err") {
  return h("div", { class: `msg ${kind}`, role: kind === "err" ? "alert" : "status" }, text);
}

// -- views -----------------------------------------------------------------------
async function eventsView(params) {
  const page = Math.max(0, parseInt(routeParts().params.get("page") || "0", 10));
  const limit = 50;
  const q = filterParams();
  q.set("limit", limit); q.set("offset", page * limit);
  const data = await api(`/api/events?${q}`);
  const rows = data.items.map((e) => h("tr", { class: e.status || "", "data-id": e.id,
      onclick: () => go(`article/${encodeURIComponent(e.article_id)}`, withEvent(e.id)) },
    h("td", {}, dateText(e)),
    h("td", {}, typeBadge(e)),
    h("td", {}, e.mode || ""),
    h("td", {}, `${parties(e.actor)} → ${parties(e.recipient)}`),
    h("td", {}, e.location ? `${e.location.name}${e.location.country ? ` (${e.location.country})` : ""}` : ""),
    h("td", { class: "num" }, scoreCell(e.score)),
    h("td", {}, statusBadge(e.status), e.aux ? h("span", { class: "badge" }, label("aux", e.aux)) : null),
    h("td", { class: "evidence" }, (e.evidence?.[0]?.text || "").slice(0, 180)),
  ));
  const exportQ = filterParams();
  const exports = ["csv", "parquet", "json"].map((fmt) => {
    const p = new URLSearchParams(exportQ); p.set("format", fmt);
    if (exportQ.get("reviewed") !== "false") p.set("with_corrections", "true");
    return h("a", { href: `/api/export?${p}`, download: "", "data-format": fmt }, fmt.toUpperCase());
  });
  const pageTo = (n) => { const p = filterParams(); if (n) p.set("page", n); go("events", p); };
  const pager = h("div", { class: "pager" },
    h("button", { type: "button", disabled: page === 0, onclick: () => pageTo(page - 1) }, `‹ ${t("prev")}`),
    h("span", { id: "range" }, data.total ? `${page * limit + 1}–${page * limit + data.items.length} ${t("of")} ${data.total}` : t("none")),
    h("button", { type: "button", disabled: (page + 1) * limit >= data.total, onclick: () => pageTo(page + 1) }, `${t("next")} ›`),
    h("span", { class: "exports" }, `${t("export")}:`, exports));
  const table = h("table", { class: "events" },
    h("thead", {}, h("tr", {}, ["date", "type", "mode", "parties", "place", "score", "status", "evidence"].map((k) => h("th", {}, t(k))))),
    h("tbody", {}, rows));
  setView("events", pager, table);
}

// The article route's parameters: "sel" selects an event card.
function withEvent(id) {
  const out = new URLSearchParams(); out.set("sel", id);
  if (filterParams().get("reviewed") === "false") out.set("reviewed", "false");
  return out;
}

async function timelineView() {
  const period = routeParts().params.get("period") || "week";
  const q = filterParams(); q.append("by", "time"); q.append("by", "quad"); q.set("period", period); q.set("limit", 5000);
  const data = await api(`/api/aggregates?${q}`);
  const rows = data.items.map((r) => ({ time: r.time, key: r.quad, value: r.count }));
  const scoreByTime = new Map();
  for (const r of data.items) scoreByTime.set(r.time, Math.round(((scoreByTime.get(r.time) || 0) + r.score_sum) * 10) / 10);
  const line = [...scoreByTime].map(([time, value]) => ({ time, value }));
  const select = periodSelect(period, (p) => { const f = filterParams(); f.set("period", p); go("timeline", f); });
  setView("timeline", h("div", { class: "toolbar" }, select),
    legend(state.meta.quads, "quad"),
    h("div", { class: "chart", id: "timeline-chart" },
      stackedBars({ rows, keys: state.meta.quads, colours: QUAD_COLOURS, line, lineLabel: t("netScore"), period })));
}

function periodSelect(current, onchange) {
  return h("label", {}, t("period"),
    h("select", { name: "period", onchange: (ev) => onchange(ev.target.value) },
      ["day", "week", "month", "year"].map((p) => h("option", { value: p, selected: p === current }, t(p)))));
}

async function networkView() {
  const minCount = routeParts().params.get("min_count") || "1";
  const q = filterParams(); q.set("limit", 150); q.set("min_count", minCount);
  const data = await api(`/api/network?${q}`);
  const svg = network({ nodes: data.nodes.slice(0, 60), edges: data.edges,
    onNode: (n) => { const f = filterParams(); f.set("party", n.id); f.delete("actor"); f.delete("recipient"); go("events", f); },
    onEdge: (e) => { const f = filterParams(); f.set("a", e.source); f.set("b", e.target); go("dyad", f); } });
  const min = h("label", {}, t("minCount"), h("input", { type: "number", min: 1, value: minCount, size: 4,
    onchange: (ev) => { const f = filterParams(); f.set("min_count", ev.target.value); go("network", f); } }));
  setView("network", h("div", { class: "toolbar" }, min, h("span", { class: "muted" }, t("clickHint"))),
    h("div", { class: "chart", id: "network-chart" }, svg));
}

async function dyadView() {
  const rp = routeParts().params;
  const a = (rp.get("a") || "").toUpperCase(), b = (rp.get("b") || "").toUpperCase(), period = rp.get("period") || "month";
  const input = (name, value) => h("input", { name, value, size: 5, maxlength: 3, list: "actor-codes", placeholder: name === "a" ? "RUS" : "USA" });
  const form = h("form", { class: "toolbar", id: "dyad-form", onsubmit: (ev) => {
      ev.preventDefault();
      const f = filterParams();
      f.set("a", form.elements.a.value.trim().toUpperCase()); f.set("b", form.elements.b.value.trim().toUpperCase());
      f.set("period", form.elements.period.value);
      go("dyad", f);
    } },
    h("label", {}, t("dyadA"), input("a", a)), h("label", {}, t("dyadB"), input("b", b)),
    periodSelect(period, () => {}), h("button", { type: "submit", class: "primary" }, t("show")));
  if (!a || !b) { setView("dyad", form, h("p", { class: "muted" }, t("dyadHint"))); return; }
  const q = filterParams(); q.delete("actor"); q.delete("recipient"); q.delete("party");
  q.set("a", a); q.set("b", b); q.set("period", period);
  const data = await api(`/api/dyad?${q}`);
  const rows = [], line = [];
  for (const p of data.series) {
    for (const [quad, n] of Object.entries(p.quads)) rows.push({ time: p.time, key: quad, value: n });
    line.push({ time: p.time, value: p.score_sum });
  }
  const list = async (x, y) => {
    const f = filterParams(); f.delete("party"); f.set("actor", x); f.set("recipient", y); f.set("limit", 100);
    return (await api(`/api/events?${f}`)).items;
  };
  const [ab, ba] = await Promise.all([list(a, b), list(b, a)]);
  const events = [...ab, ...ba].sort((x, y) => (y.day || "").localeCompare(x.day || ""));
  const table = h("table", { class: "events dyad-list" },
    h("thead", {}, h("tr", {}, ["date", "type", "parties", "score", "evidence"].map((k) => h("th", {}, t(k))))),
    h("tbody", {}, events.map((e) => h("tr", { class: e.status || "", onclick: () => go(`article/${encodeURIComponent(e.article_id)}`, withEvent(e.id)) },
      h("td", {}, dateText(e)), h("td", {}, typeBadge(e)), h("td", {}, `${parties(e.actor)} → ${parties(e.recipient)}`),
      h("td", { class: "num" }, scoreCell(e.score)), h("td", { class: "evidence" }, (e.evidence?.[0]?.text || "").slice(0, 160))))));
  const netAB = data.series.reduce((s, p) => s + p.ab, 0), netBA = data.series.reduce((s, p) => s + p.ba, 0);
  setView("dyad", form,
    h("p", { id: "dyad-summary" }, `${a} ⇄ ${b}: ${data.total} ${t("events")} · ${t("netScore")} ${a}→${b} ${netAB.toFixed(1)}, ${b}→${a} ${netBA.toFixed(1)}`),
    legend(state.meta.quads, "quad"),
    h("div", { class: "chart", id: "dyad-chart" }, stackedBars({ rows, keys: state.meta.quads, colours: QUAD_COLOURS, line, lineLabel: t("netScore"), period })),
    table);
}

async function mapView() {
  if (!state.world) state.world = await (await fetch("/static/world.svg")).text();
  const data = await api(`/api/map?${filterParams()}`);
  const colour = (p) => (p.score_mean > 1 ? "#2a9d8f" : p.score_mean < -1 ? "#c8403a" : "#e9a03b");
  const svg = mapPoints(state.world, data.points, { colour,
    onPoint: (p) => { const f = filterParams(); f.set("location", p.name); f.set("country", p.country); go("events", f); } });
  setView("map", h("div", { class: "toolbar" }, h("span", { class: "muted" }, t("mapHint")),
    data.unplaced ? h("span", { class: "muted" }, `${data.unplaced} ${t("unplaced")}`) : null),
    h("div", { class: "chart map", id: "map-chart" }, svg));
}

// -- article view with evidence spans and review ------------------------------------
async function articleView(id) {
  const rp = routeParts().params;
  const reviewed = rp.get("reviewed") !== "false";
  const article = await api(`/api/articles/${encodeURIComponent(id)}?reviewed=${reviewed}`);
  let selected = rp.get("sel") || article.events[0]?.id || null;
  const textBox = h("div", { class: "text", id: "article-text" });
  const cards = h("div", { class: "cards", id: "event-cards" });

  function renderText() {
    const text = article.text, cuts = new Set([0, text.length]);
    const add = (s, e) => { if (s != null && e != null && s >= 0 && e <= text.length && s < e) { cuts.add(s); cuts.add(e); } };
    for (const b of article.blocks) add(b.start, b.end);
    const sel = article.events.find((e) => e.id === selected);
    for (const e of article.events) for (const sp of e.evidence || []) add(sp.start, sp.end);
    for (const role of ["actor", "recipient"]) for (const x of sel?.[role] || []) add(x.start, x.end);
    const points = [...cuts].sort((a, b) => a - b);
    const nodes = [];
    for (let i = 0; i < points.length - 1; i++) {
      const s = points[i], e = points[i + 1];
      const block = article.blocks.find((b) => b.start <= s && e <= b.end);
      const evs = article.events.filter((ev) => (ev.evidence || []).some((sp) => sp.start <= s && e <= sp.end));
      const classes = ["seg"];
      if (block) classes.push(`b-${block.kind}`);
      if (sel?.actor?.some((x) => x.start <= s && e <= x.end)) classes.push("act");
      if (sel?.recipient?.some((x) => x.start <= s && e <= x.end)) classes.push("rec");
      const piece = text.slice(s, e);
      if (evs.length) {
        const isSel = evs.some((ev) => ev.id === selected);
        nodes.push(h("mark", { class: `${classes.join(" ")}${isSel ? " sel" : ""}`, "data-events": evs.map((ev) => ev.id).join(" "),
          title: evs.map((ev) => label("type", ev.event)).join(", "),
          onclick: () => select(evs.find((ev) => ev.id !== selected)?.id || evs[0].id) }, piece));
      } else nodes.push(h("span", { class: classes.join(" ") }, piece));
    }
    textBox.replaceChildren(...nodes);
  }

  function select(eventId, scroll = true) {
    selected = eventId;
    renderText();
    for (const c of cards.children) c.classList.toggle("sel", c.dataset.id === selected);
    if (scroll) cards.querySelector(`[data-id="${CSS.escape(selected)}"]`)?.scrollIntoView({ block: "nearest" });
    textBox.querySelector("mark.sel")?.scrollIntoView({ block: "nearest" });
  }

  function card(e) {
    const box = h("div", { class: "card q-" + e.quad, "data-id": e.id, onclick: (ev) => { if (!ev.target.closest("button,form,input,select")) select(e.id, false); } },
      h("h3", {}, typeBadge(e), e.mode ? h("span", { class: "badge" }, e.mode) : null,
        e.aux ? h("span", { class: "badge" }, label("aux", e.aux)) : null, statusBadge(e.status), scoreCell(e.score)),
      h("dl", {},
        h("dt", {}, t("actor")), h("dd", { class: "actor" }, (e.actor || []).map((x) => [x.code, x.sector, x.name].filter(Boolean).join(" ")).join("; ") || "–"),
        h("dt", {}, t("recipient")), h("dd", { class: "recipient" }, (e.recipient || []).map((x) => [x.code, x.sector, x.name].filter(Boolean).join(" ")).join("; ") || "–"),
        h("dt", {}, t("date")), h("dd", {}, dateText(e)),
        h("dt", {}, t("location")), h("dd", {}, e.location ? `${e.location.name} ${e.location.country || ""}` : "–"),
        h("dt", {}, t("confidence")), h("dd", {}, e.confidence),
        e.corrections ? [h("dt", {}, t("corrections")), h("dd", { class: "ncorr" }, e.corrections)] : null),
      (e.evidence || []).map((sp) => h("blockquote", {}, sp.text)));
    if (state.meta.writable && reviewed) box.append(reviewActions(e));
    return box;
  }

  function reviewActions(e) {
    const out = h("div", {});
    const status = h("div", {});
    const send = async (body) => {
      const token = $("#token").value.trim();
      if (!token) { status.replaceChildren(message(t("needToken"))); return; }
      try {
        await api(`/api/events/${encodeURIComponent(e.id)}/corrections`, { method: "POST",
          headers: { "Content-Type": "application/json", Authorization: `Bearer ${token}` },
          body: JSON.stringify({ author: localStorage.getItem("lagebild.author") || "analyst", ...body }) });
        const fresh = await api(`/api/articles/${encodeURIComponent(id)}?reviewed=true`);
        article.events = fresh.events;
        renderCards();
        select(e.id, false);
        cards.querySelector(`[data-id="${CSS.escape(e.id)}"]`)?.append(message(t("saved"), "ok"));
      } catch (err) { status.replaceChildren(message(err.message)); }
    };
    const form = changeForm(e, (changes) => send({ action: "change", changes }));
    form.hidden = true;
    out.append(h("div", { class: "actions" },
      h("button", { type: "button", class: "confirm", onclick: () => send({ action: "confirm" }) }, `✓ ${t("confirm")}`),
      h("button", { type: "button", class: "reject", onclick: () => send({ action: "reject" }) }, `✗ ${t("reject")}`),
      h("button", { type: "button", class: "change", onclick: () => { form.hidden = !form.hidden; } }, `✎ ${t("change")}`)),
      form, status);
    return out;
  }

  function renderCards() {
    cards.replaceChildren(...article.events.map(card));
    for (const c of cards.children) c.classList.toggle("sel", c.dataset.id === selected);
  }

  const meta = h("div", { class: "meta muted" },
    `${t("published")}: ${article.published || "–"} · ${t("source")}: ${article.source || "–"}${article.agencies?.length ? ` (${article.agencies.join(", ")})` : ""} · ${article.events.length} ${t("events")} · `,
    article.url ? h("a", { href: article.url, rel: "noreferrer" }, article.url) : article.id);
  renderText();
  renderCards();
  setView("article", h("div", { class: "article" }, h("div", {}, meta, textBox), cards));
  if (selected) select(selected);
}

function changeForm(e, onsave) {
  const meta = state.meta;
  const opt = (values, current, lab) => values.map((v) => h("option", { value: v ?? "", selected: (v ?? "") === (current ?? "") }, lab(v)));
  const typeSel = h("select", { name: "event" }, opt(meta.types, e.event, (v) => `${v} – ${label("type", v)}`));
  const modeSel = h("select", { name: "mode" });
  const fillModes = () => modeSel.replaceChildren(...opt(["", ...meta.modes[typeSel.value]], e.mode, (v) => v || "–"));
  typeSel.addEventListener("change", fillModes);
  fillModes();
  const first = (list) => (list || [])[0] || {};
  const form = h("form", { class: "change-form" },
    h("label", {}, t("type")), typeSel,
    h("label", {}, t("mode")), modeSel,
    h("label", {}, t("aux")), h("select", { name: "aux" }, opt(["", "future", "negation", "hypothetical", "historical"], e.aux, (v) => (v ? label("aux", v) : t("asserted")))),
    h("label", {}, t("actor")), h("span", {}, h("input", { name: "actor_code", size: 4, maxlength: 3, value: first(e.actor).code || "" }),
      h("select", { name: "actor_sector" }, opt(["", ...meta.sectors], first(e.actor).sector, (v) => v || "–"))),
    h("label", {}, t("recipient")), h("span", {}, h("input", { name: "recipient_code", size: 4, maxlength: 3, value: first(e.recipient).code || "" }),
      h("select", { name: "recipient_sector" }, opt(["", ...meta.sectors], first(e.recipient).sector, (v) => v || "–"))),
    h("label", {}, t("date")), h("input", { name: "date", value: e.date || "", placeholder: "2015-09-18", size: 10 }),
    h("label", {}, t("location")), h("span", {}, h("input", { name: "place", value: e.location?.name || "", size: 12 }),
      h("input", { name: "place_country", value: e.location?.country || "", size: 4, maxlength: 3 })),
    h("div", { class: "full" }, h("button", { type: "submit", class: "primary" }, t("save"))));
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    const v = (n) => form.elements[n].value.trim();
    const changes = {};
    if (v("event") !== e.event) changes.event = v("event");
    if ((v("mode") || null) !== (e.mode || null) || changes.event) changes.mode = v("mode") || null;
    if ((v("aux") || null) !== (e.aux || null)) changes.aux = v("aux") || null;
    const party = (role) => {
      const code = v(`${role}_code`).toUpperCase(), sector = v(`${role}_sector`);
      const old = first(e[role]);
      if (code === (old.code || "") && sector === (old.sector || "")) return;
      changes[role] = code || sector ? [{ code: code || null, sector: sector || null, name: code === old.code ? old.name || null : null }] : [];
    };
    party("actor"); party("recipient");
    if (v("date") !== (e.date || "")) changes.date = v("date") || null;
    if (v("place") !== (e.location?.name || "") || v("place_country").toUpperCase() !== (e.location?.country || "")) {
      changes.location = v("place") ? { name: v("place"), country: v("place_country").toUpperCase() || null } : null;
    }
    onsave(changes);
  });
  return form;
}

// -- boot ------------------------------------------------------------------------
async function render() {
  const { parts } = routeParts();
  syncForm();
  const view = $("#view");
  view.dataset.state = "loading";
  try {
    if (parts[0] === "article" && parts[1]) await articleView(parts[1]);
    else if (parts[0] === "timeline") await timelineView();
    else if (parts[0] === "network") await networkView();
    else if (parts[0] === "dyad") await dyadView();
    else if (parts[0] === "map") await mapView();
    else await eventsView();
  } catch (err) {
    view.replaceChildren(message(err.message));
  }
  view.dataset.state = "ready";
}

function applyLanguage() {
  document.documentElement.lang = state.lang;
  for (const el of document.querySelectorAll("[data-i18n]")) el.textContent = t(el.dataset.i18n);
  $("#lang").textContent = state.lang === "de" ? "EN" : "DE";
  const fill = (sel, values, kind) => {
    const current = sel.value;
    sel.replaceChildren(h("option", { value: "" }, "–"), ...values.map((v) => h("option", { value: v }, kind ? label(kind, v) || v : v)));
    sel.value = current;
  };
  fill($("#f-event"), state.meta.types, "type");
  fill($("#f-quad"), state.meta.quads, "quad");
  const auxSel = $("#f-aux");
  const current = auxSel.value;
  auxSel.replaceChildren(h("option", { value: "" }, "–"), ...state.meta.aux.map((v) => h("option", { value: v }, v === "asserted" ? t("asserted") : label("aux", v))));
  auxSel.value = current;
  const sm = state.meta.summary;
  $("#summary").textContent = `${sm.events} ${t("events")} · ${sm.articles} ${t("article")} · ${sm.first_day || ""} – ${sm.last_day || ""}`;
}

async function boot() {
  state.meta = await api("/api/meta");
  $("#token-box").hidden = !state.meta.writable;
  $("#readonly").hidden = state.meta.writable;
  $("#token").value = sessionStorage.getItem("lagebild.token") || "";
  $("#token").addEventListener("change", (ev) => sessionStorage.setItem("lagebild.token", ev.target.value));
  $("#lang").addEventListener("click", () => {
    state.lang = state.lang === "de" ? "en" : "de";
    localStorage.setItem("lagebild.lang", state.lang);
    applyLanguage();
    render();
  });
  $("#filters").addEventListener("submit", (ev) => {
    ev.preventDefault();
    const { parts, params } = routeParts();
    const view = ["timeline", "network", "dyad", "map"].includes(parts[0]) ? parts[0] : "events";
    const p = formParams();
    for (const k of ["period", "a", "b", "min_count"]) if (params.get(k)) p.set(k, params.get(k));
    go(view, p);
  });
  $("#f-reset").addEventListener("click", () => { $("#filters").reset(); go(routeParts().parts[0] === "article" ? "events" : routeParts().parts[0] || "events"); });
  applyLanguage();
  window.addEventListener("hashchange", render);
  await render();
  api("/api/actors?limit=200").then((list) => {
    $("#actor-codes").replaceChildren(...list.map((a) => h("option", { value: a.code }, `${a.code} (${a.events})${a.names.length ? " " + a.names.slice(0, 2).join(", ") : ""}`)));
  }).catch(() => {});
}

boot();
