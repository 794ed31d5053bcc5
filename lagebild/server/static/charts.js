// Small SVG charts for the workbench: stacked bars, a score line, a force-directed
// network and points on the equirectangular world map. Plain DOM, no libraries.

export const SVG = "http://www.w3.org/2000/svg";
export const QUAD_COLOURS = {
  verbal_cooperation: "#2a9d8f", material_cooperation: "#1d6fa5",
  verbal_conflict: "#e9a03b", material_conflict: "#c8403a",
};

export function s(tag, attrs = {}, ...children) {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) if (v !== null && v !== undefined) el.setAttribute(k, v);
  for (const c of children) el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return el;
}

function niceMax(v, steps = [1, 2, 2.5, 5, 10]) {
  if (v <= 0) return 1;
  const p = Math.pow(10, Math.floor(Math.log10(v)));
  for (const m of steps) if (m * p >= v) return m * p;
  return 10 * p;
}

// Stacked bars per time slot. rows: [{time, key, value}], keys: stacking order.
// Optional line: [{time, value}] drawn on a symmetric right axis (net score).
// Every slot of the period from the first to the last time (ISO dates), gaps included.
export function timeSlots(times, period) {
  const sorted = [...new Set(times)].sort();
  if (sorted.length < 2) return sorted;
  const out = [], end = new Date(sorted[sorted.length - 1] + "T00:00:00Z");
  const d = new Date(sorted[0] + "T00:00:00Z");
  while (d <= end && out.length < 5000) {
    out.push(d.toISOString().slice(0, 10));
    if (period === "day") d.setUTCDate(d.getUTCDate() + 1);
    else if (period === "week") d.setUTCDate(d.getUTCDate() + 7);
    else if (period === "month") d.setUTCMonth(d.getUTCMonth() + 1);
    else d.setUTCFullYear(d.getUTCFullYear() + 1);
  }
  return out.length < 5000 ? out : sorted;
}

export function stackedBars({ rows, keys, colours, line = null, width = 960, height = 320, lineLabel = "", period = null }) {
  let times = [...new Set(rows.map((r) => r.time).concat(line ? line.map((p) => p.time) : []))].sort();
  if (period) times = timeSlots(times, period);
  const m = { l: 44, r: line ? 52 : 12, t: 20, b: 36 };
  const w = width - m.l - m.r, h = height - m.t - m.b;
  const totals = new Map();
  for (const r of rows) totals.set(r.time, (totals.get(r.time) || 0) + r.value);
  const ymax = Math.max(4, niceMax(Math.max(0, ...totals.values()), [1, 2, 4, 8, 10]));
  const svg = s("svg", { viewBox: `0 0 ${width} ${height}`, role: "img" });
  const g = s("g", { transform: `translate(${m.l},${m.t})` });
  svg.append(g);
  const axis = s("g", { class: "axis" });
  g.append(axis);
  for (let i = 0; i <= 4; i++) {
    const y = h - (h * i) / 4;
    axis.append(s("line", { x1: 0, x2: w, y1: y, y2: y, "stroke-dasharray": i ? "2 3" : null }));
    axis.append(s("text", { x: -6, y: y + 3, "text-anchor": "end" }, +((ymax * i) / 4).toFixed(1)));
  }
  const n = Math.max(times.length, 1);
  const band = w / n, bw = Math.max(1, band * 0.8);
  const index = new Map(times.map((t, i) => [t, i]));
  const stackBase = new Map();
  const byTime = new Map();
  for (const r of rows) {
    if (!byTime.has(r.time)) byTime.set(r.time, {});
    byTime.get(r.time)[r.key] = (byTime.get(r.time)[r.key] || 0) + r.value;
  }
  for (const [time, parts] of byTime) {
    let base = 0;
    const x = index.get(time) * band + (band - bw) / 2;
    for (const key of keys) {
      const v = parts[key] || 0;
      if (!v) continue;
      const y0 = h - (h * base) / ymax, y1 = h - (h * (base + v)) / ymax;
      g.append(s("rect", { x, y: y1, width: bw, height: Math.max(0.5, y0 - y1), fill: colours[key] },
        s("title", {}, `${time} · ${key}: ${v}`)));
      base += v;
    }
    stackBase.set(time, base);
  }
  const step = Math.max(1, Math.ceil(n / 12));
  times.forEach((t, i) => {
    if (i % step) return;
    axis.append(s("text", { x: i * band + band / 2, y: h + 14, "text-anchor": "middle" }, t));
  });
  if (line && line.length) {
    const lmax = niceMax(Math.max(1, ...line.map((p) => Math.abs(p.value))));
    const ly = (v) => h / 2 - (h / 2) * (v / lmax);
    const right = s("g", { class: "axis" });
    g.append(right);
    for (const v of [-lmax, 0, lmax]) {
      right.append(s("text", { x: w + 6, y: ly(v) + 3 }, v));
    }
    right.append(s("line", { x1: 0, x2: w, y1: ly(0), y2: ly(0), stroke: "#888", "stroke-dasharray": "4 3" }));
    right.append(s("text", { x: w + m.r - 2, y: -8, "text-anchor": "end" }, lineLabel));
    const pts = line.filter((p) => index.has(p.time)).map((p) => [index.get(p.time) * band + band / 2, ly(p.value), p]);
    g.append(s("polyline", { points: pts.map(([x, y]) => `${x},${y}`).join(" "), fill: "none", stroke: "#222", "stroke-width": 1.6 }));
    for (const [x, y, p] of pts) {
      g.append(s("circle", { cx: x, cy: y, r: 2.8, fill: p.value >= 0 ? "#1d7a3a" : "#b02a25", class: "score-dot" },
        s("title", {}, `${p.time}: ${p.value}`)));
    }
  }
  return svg;
}

// Force-directed layout (a few hundred iterations of spring + repulsion), then SVG.
export function network({ nodes, edges, width = 960, height = 480, onNode, onEdge }) {
  const N = nodes.map((n, i) => ({ ...n, x: width / 2 + 200 * Math.cos((2 * Math.PI * i) / nodes.length),
    y: height / 2 + 200 * Math.sin((2 * Math.PI * i) / nodes.length), vx: 0, vy: 0 }));
  const at = new Map(N.map((n) => [n.id, n]));
  const E = edges.filter((e) => at.has(e.source) && at.has(e.target));
  const k = Math.sqrt((width * height) / Math.max(N.length, 1)) * 0.6;
  for (let it = 0; it < 300; it++) {
    const t = 1 - it / 300;
    for (const a of N) { a.dx = 0; a.dy = 0; }
    for (let i = 0; i < N.length; i++) for (let j = i + 1; j < N.length; j++) {
      const a = N[i], b = N[j];
      let dx = a.x - b.x, dy = a.y - b.y, d = Math.hypot(dx, dy) || 0.01;
      if (d > 3 * k) continue;
      const f = (k * k) / d;
      dx /= d; dy /= d;
      a.dx += dx * f; a.dy += dy * f; b.dx -= dx * f; b.dy -= dy * f;
    }
    for (const e of E) {
      const a = at.get(e.source), b = at.get(e.target);
      let dx = a.x - b.x, dy = a.y - b.y, d = Math.hypot(dx, dy) || 0.01;
      const f = (d * d) / k;
      dx /= d; dy /= d;
      a.dx -= dx * f; a.dy -= dy * f; b.dx += dx * f; b.dy += dy * f;
    }
    for (const a of N) {
      a.dx += (width / 2 - a.x) * 0.05; a.dy += (height / 2 - a.y) * 0.05;
      const d = Math.hypot(a.dx, a.dy) || 1, step = Math.min(d, 20 * t + 1);
      a.x = Math.min(width - 30, Math.max(30, a.x + (a.dx / d) * step));
      a.y = Math.min(height - 20, Math.max(20, a.y + (a.dy / d) * step));
    }
  }
  // Fit the layout into the drawing area.
  const pad = 40, xs = N.map((n) => n.x), ys = N.map((n) => n.y);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  for (const n of N) {
    n.x = x1 > x0 ? pad + ((n.x - x0) / (x1 - x0)) * (width - 3 * pad) : width / 2;
    n.y = y1 > y0 ? pad + ((n.y - y0) / (y1 - y0)) * (height - 2 * pad) : height / 2;
  }
  const maxCount = Math.max(1, ...E.map((e) => e.count));
  const maxNode = Math.max(1, ...N.map((n) => n.count));
  const svg = s("svg", { viewBox: `0 0 ${width} ${height}`, class: "net", role: "img" });
  const defs = s("defs");
  for (const [id, c] of [["coop", "#1d7a3a"], ["conf", "#b02a25"], ["mixed", "#888"]]) {
    defs.append(s("marker", { id: `arrow-${id}`, viewBox: "0 0 10 10", refX: 9, refY: 5, markerWidth: 9, markerHeight: 9, markerUnits: "userSpaceOnUse", orient: "auto-start-reverse" },
      s("path", { d: "M0,0L10,5L0,10z", fill: c })));
  }
  svg.append(defs);
  for (const e of E) {
    const a = at.get(e.source), b = at.get(e.target);
    const r = 6 + 14 * Math.sqrt(b.count / maxNode);
    const d = Math.hypot(b.x - a.x, b.y - a.y) || 1;
    const x2 = b.x - ((b.x - a.x) / d) * (r + 2), y2 = b.y - ((b.y - a.y) / d) * (r + 2);
    const kind = e.balance > 0.2 ? "coop" : e.balance < -0.2 ? "conf" : "mixed";
    const colour = { coop: "#1d7a3a", conf: "#b02a25", mixed: "#888" }[kind];
    const line = s("line", { x1: a.x, y1: a.y, x2, y2, stroke: colour, "stroke-opacity": 0.7,
      "stroke-width": 1 + 6 * (e.count / maxCount), "marker-end": e.directed ? `url(#arrow-${kind})` : null,
      "data-dyad": `${e.source}-${e.target}` },
      s("title", {}, `${e.source} → ${e.target}: ${e.count} (coop ${e.cooperation}, conflict ${e.conflict}, score ${e.score_sum})`));
    if (onEdge) line.addEventListener("click", () => onEdge(e));
    svg.append(line);
  }
  for (const n of N) {
    const r = 6 + 14 * Math.sqrt(n.count / maxNode);
    const fill = n.score_sum > 0 ? "#2a9d8f" : n.score_sum < 0 ? "#c8403a" : "#888";
    const g = s("g", { class: "node", "data-node": n.id, transform: `translate(${n.x},${n.y})` },
      s("circle", { r, fill }, s("title", {}, `${n.id}: ${n.count} events, net score ${n.score_sum}`)),
      s("text", { x: r + 3, y: 4 }, n.id));
    if (onNode) g.addEventListener("click", () => onNode(n));
    svg.append(g);
  }
  return svg;
}

// Points on the world map: x = lon + 180, y = 90 - lat (the projection of world.svg).
export function mapPoints(worldSvgText, points, { onPoint, colour }) {
  const holder = document.createElement("div");
  holder.innerHTML = worldSvgText;   // our own static file, served by this server
  const world = holder.querySelector("svg");
  world.setAttribute("viewBox", "0 5 360 150");
  world.classList.add("world");
  const countries = new Set(points.map((p) => p.country));
  for (const path of world.querySelectorAll("path[data-iso3]")) {
    if (countries.has(path.dataset.iso3)) path.classList.add("has");
  }
  const max = Math.max(1, ...points.map((p) => p.count));
  const layer = s("g", { class: "points" });
  for (const p of [...points].sort((a, b) => b.count - a.count)) {
    const c = s("circle", { cx: p.lon + 180, cy: 90 - p.lat, r: 0.8 + 5 * Math.sqrt(p.count / max),
      fill: colour(p), "data-place": `${p.name}|${p.country}` },
      s("title", {}, `${p.name} (${p.country}): ${p.count} · Ø ${p.score_mean}`));
    if (onPoint) c.addEventListener("click", () => onPoint(p));
    layer.append(c);
  }
  world.append(layer);
  return world;
}
