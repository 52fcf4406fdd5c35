// sitrep dashboard. No framework: Leaflet (map), topojson-client (world outlines) and DOM calls.
// Every value that comes from the data (titles, quotes, names, URLs) is put on the page as text
// (createTextNode / textContent) and never parsed as HTML: an article cannot inject markup or script.

const TYPE_COLOURS = {
  "Battles": "#d7301f",
  "Explosions/Remote violence": "#f08c00",
  "Violence against civilians": "#7b3294",
  "Protests": "#1a9850",
  "Riots": "#c51b7d",
  "Strategic developments": "#2c7fb8",
};
const ATTRIBUTION =
  "Place names: GeoNames (CC BY 4.0). Pakistan districts: OCHA/WFP COD-AB via HDX. Base map: Natural Earth.";
// The map and the list ask only for what is in view: places with counts (/api/places?bbox=…) and one page of
// events (/api/events?bbox=…&limit=…&offset=…), never every event: a store may hold millions.
const MAX_PLACES = 2000; // the most places the map draws (the busiest first)
const PAGE_SIZES = [10, 25, 50, 100]; // events per page of the list
const VIEW_DELAY = 250; // ms after the map stops moving before asking for what is in view

const state = {
  meta: null, filters: {}, eventId: null, selectedPoint: null, campaigns: [], view: "list", stats: null,
  places: [],
  // One page of the list: the events in view, or at one point of the map (a place's marker was clicked).
  list: { offset: 0, limit: 50, total: null, events: [], point: null },
};
const auth = {
  name: sessionStorage.getItem("sitrep.analyst") || "",
  token: sessionStorage.getItem("sitrep.token") || "",
};

// --- small helpers ----------------------------------------------------------------------------------------

/** An element with attributes and children; strings become text nodes (never HTML). */
function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "class") node.className = value;
    // Styles through CSSOM: the page's Content-Security-Policy refuses style attributes.
    else if (key === "style") Object.assign(node.style, value);
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else if (key === "href") node.setAttribute("href", safeUrl(value) || "#");
    else node.setAttribute(key, value === true ? "" : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/** Only http(s) links: a "javascript:" URL in an article's metadata must not become a link. */
function safeUrl(url) {
  if (typeof url !== "string") return null;
  if (url.startsWith("/") && !url.startsWith("//")) return url;
  return /^https?:\/\//i.test(url) ? url : null;
}

function status(message, error = false) {
  const box = document.getElementById("status");
  box.textContent = message;
  box.className = message ? (error ? "shown error" : "shown") : "";
  clearTimeout(status.timer);
  if (message) status.timer = setTimeout(() => { box.className = ""; }, error ? 8000 : 3000);
}

/** A static JSON file (its content type may not say JSON, e.g. .geojson). */
async function staticJson(path) {
  const response = await fetch(path);
  if (!response.ok) throw new Error(`${response.status}: ${path}`);
  return response.json();
}

async function api(path, options = {}) {
  const headers = { Accept: "application/json", ...(options.headers || {}) };
  if (options.body !== undefined) headers["Content-Type"] = "application/json";
  if (options.method && options.method !== "GET" && auth.token) headers.Authorization = `Bearer ${auth.token}`;
  const response = await fetch(path, { ...options, headers });
  const body = response.headers.get("content-type")?.includes("json") ? await response.json() : null;
  if (!response.ok) {
    const detail = body && body.detail;
    const text = typeof detail === "string" ? detail : JSON.stringify(detail || response.statusText);
    throw new Error(`${response.status}: ${text}`);
  }
  return body;
}

function query(extra = {}) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...state.filters, ...extra })) {
    if (value !== "" && value !== null && value !== undefined && value !== false) params.set(key, value);
  }
  return params.toString();
}

const eventPath = (id) => `/api/events/${encodeURIComponent(id)}`;
const colour = (type) => TYPE_COLOURS[type] || "#555";
const figureText = (f) => (!f || f.best === null && f.low === null && f.high === null)
  ? "–" : `${f.low ?? "?"} / ${f.best ?? "?"} / ${f.high ?? "?"}`;
// A contested range as the headline says it: "80–266" (one number when the sources agree).
const rangeText = (f) => (!f || f.low === null) ? "–" : (f.low === f.high ? `${f.low}` : `${f.low}–${f.high ?? "?"}`);

function countText(count) {
  if (count.low === null && count.high === null) return "no number";
  if (count.low === count.high) return String(count.low);
  if (count.high === null) return `≥${count.low}`;
  if (count.low === null) return `≤${count.high}`;
  return `${count.low}–${count.high}`;
}

// --- map ----------------------------------------------------------------------------------------------------

// Leaflet and topojson-client come with the package build (sitrep/web/vendor.py). Without them (a source
// tree that skipped it) the page says what is missing and how to get it, instead of showing an empty map.
if (typeof L === "undefined" || typeof topojson === "undefined") {
  const box = document.getElementById("map");
  box.classList.add("missing");
  box.replaceChildren(
    el("h2", {}, "The dashboard's map libraries are missing"),
    el("p", {}, "sitrep serves Leaflet and topojson-client from sitrep/web/static/vendor/, which the package ",
      "build fills. Install sitrep with ", el("code", {}, "pip install ."), " (it fetches them once from the npm ",
      "registry), or run ", el("code", {}, "python sitrep/web/vendor.py"), " in a source checkout; then reload."),
    el("p", {}, "The API works meanwhile: ", el("a", { href: "/api/events" }, "/api/events"), ", ",
      el("a", { href: "/docs" }, "/docs"), "."));
  document.body.dataset.ready = "missing-libraries";
  throw new Error("the dashboard's libraries are missing (static/vendor/)");
}

const map = L.map("map", { worldCopyJump: false, minZoom: 2, maxZoom: 12, zoomSnap: 0.5 }).setView([29.5, 66.5], 6);
map.attributionControl.addAttribution(ATTRIBUTION);
const districtLayer = L.geoJSON(null, { style: districtStyle, onEachFeature: districtTooltip }).addTo(map);
const markerLayer = L.layerGroup().addTo(map);
let districtCounts = new Map();

async function loadBaseMap() {
  // Natural Earth outlines from world-atlas (TopoJSON → GeoJSON in the browser); no tile server.
  try {
    const world = await staticJson("/static/vendor/world-atlas/countries-50m.json");
    const countries = topojson.feature(world, world.objects.countries);
    L.geoJSON(countries, {
      interactive: false,
      style: { color: "#9aa3ad", weight: 0.7, fillColor: "#f4f1ea", fillOpacity: 1 },
    }).addTo(map).bringToBack();
  } catch (error) {
    status(`base map not loaded: ${error.message}`, true);
  }
  try {
    districtLayer.addData(await staticJson("/static/geo/pak_adm2.geojson"));
  } catch (error) {
    status(`district polygons not loaded: ${error.message}`, true);
  }
}

const districtKey = (admin1, admin2) => `${(admin1 || "").toLowerCase()}|${(admin2 || "").toLowerCase()}`;

function districtStyle(feature) {
  const count = districtCounts.get(districtKey(feature.properties.ADM1_EN, feature.properties.ADM2_EN)) || 0;
  const max = Math.max(1, ...districtCounts.values());
  const share = count ? 0.15 + 0.55 * Math.sqrt(count / max) : 0;
  return { color: "#8b8f99", weight: 0.6, fillColor: "#b2182b", fillOpacity: share };
}

function districtTooltip(feature, layer) {
  layer.bindTooltip(() => {
    const p = feature.properties;
    const count = districtCounts.get(districtKey(p.ADM1_EN, p.ADM2_EN)) || 0;
    return el("div", {}, el("strong", {}, p.ADM2_EN), ` (${p.ADM1_EN})`, el("br"), `${count} event(s)`);
  }, { sticky: true });
}

const pointKey = (lat, lon) => `${lat},${lon}`;

/** The map's bounds as the API's bbox (west,south,east,north). Longitudes are wrapped into -180..180: a view
 * across the antimeridian gives west > east, which the API reads as crossing it; a view wider than the world
 * asks for every longitude. */
function viewBox() {
  const bounds = map.getBounds();
  const wrap = (lon) => (lon >= -180 && lon <= 180 ? lon : ((((lon + 180) % 360) + 360) % 360) - 180);
  let west = bounds.getWest();
  let east = bounds.getEast();
  if (east - west >= 360) [west, east] = [-180, 180];
  else [west, east] = [wrap(west), wrap(east)];
  const south = Math.max(-90, bounds.getSouth());
  const north = Math.min(90, bounds.getNorth());
  // Rounded (about a metre): the same view asks the same question, which the server's answer cache keeps.
  return [west, south, east, north].map((v) => Number(v.toFixed(5))).join(",");
}

function drawPlaces() {
  markerLayer.clearLayers();
  // Places at the same coordinates (a town and its district) are spread on a small ring so each is clickable.
  const byPoint = new Map();
  for (const place of state.places) {
    if (place.lat === null || place.lon === null) continue;
    const key = pointKey(place.lat, place.lon);
    if (!byPoint.has(key)) byPoint.set(key, []);
    byPoint.get(key).push(place);
  }
  for (const [key, group] of byPoint) {
    const selected = key === state.selectedPoint;
    group.forEach((place, index) => {
      const spread = group.length > 1 ? 0.035 * Math.sqrt(group.length) : 0;
      const angle = (2 * Math.PI * index) / group.length;
      const marker = L.circleMarker([place.lat + spread * Math.sin(angle), place.lon + spread * Math.cos(angle)], {
        radius: Math.min(30, 5 + 3 * Math.sqrt(place.events)),
        color: selected ? "#000" : "#fff",
        weight: selected ? 2.5 : 1,
        fillColor: place.fatalities_best > 0 ? "#b2182b" : "#2c7fb8",
        fillOpacity: 0.75,
        className: "place-marker",
      });
      marker.bindTooltip(() => el("div", {},
        el("strong", {}, place.name || "?"), [place.admin2, place.admin1].filter(Boolean).length
          ? ` (${[place.admin2, place.admin1].filter(Boolean).join(", ")})` : "", el("br"),
        `${place.events} event(s) · ${place.fatalities_best} killed (sum of best figures)`));
      marker.on("click", () => showPoint(place.lat, place.lon));
      marker.addTo(markerLayer);
      const path = marker.getElement();
      path?.setAttribute("data-point", key);
      path?.setAttribute("data-name", place.name || "");
      path?.setAttribute("data-events", String(place.events));
    });
  }
}

function addLegend() {
  const legend = L.control({ position: "bottomleft" });
  legend.onAdd = () => el("div", { class: "legend" },
    el("div", {}, el("span", { class: "swatch", style: { background: "#b2182b" } }), "place with deaths reported"),
    el("div", {}, el("span", { class: "swatch", style: { background: "#2c7fb8" } }), "place, no death reported"),
    el("div", { class: "muted" }, "size: events there · shading: events per district"));
  legend.addTo(map);
}

// --- timeline -------------------------------------------------------------------------------------------------

const SVG = "http://www.w3.org/2000/svg";
function svg(tag, attrs = {}, text = null) {
  const node = document.createElementNS(SVG, tag);
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, String(value));
  if (text !== null) node.textContent = text;
  return node;
}

function drawTimeline() {
  const box = document.getElementById("timeline");
  box.replaceChildren();
  const days = state.stats ? state.stats.by_day : [];
  const width = box.clientWidth || 600;
  const height = box.clientHeight || 120;
  const bottom = height - 16;
  if (!days.length) {
    box.append(svg("text", { x: 8, y: 20, class: "axis" }, "no dated events"));
    return;
  }
  const start = Date.parse(days[0].date);
  const end = Date.parse(days[days.length - 1].date);
  const span = Math.max(1, Math.round((end - start) / 86400000) + 1);
  const slot = (width - 20) / span;
  const max = Math.max(...days.map((d) => d.events));
  box.append(svg("line", { x1: 10, x2: width - 10, y1: bottom, y2: bottom, class: "baseline" }));
  for (const day of days) {
    const index = Math.round((Date.parse(day.date) - start) / 86400000);
    const h = Math.max(2, ((bottom - 6) * day.events) / max);
    const bar = svg("rect", {
      x: 10 + index * slot + slot * 0.1, y: bottom - h, width: Math.max(1.5, slot * 0.8), height: h,
      class: state.filters.date_from === day.date && state.filters.date_to === day.date ? "bar selected" : "bar",
      "data-date": day.date,
    });
    bar.append(svg("title", {}, `${day.date}: ${day.events} event(s), ${day.fatalities_best} killed (best)`));
    bar.addEventListener("click", () => selectDay(day.date));
    box.append(bar);
  }
  const ticks = Math.min(span, Math.max(2, Math.floor(width / 90)));
  for (let i = 0; i < ticks; i++) {
    const index = Math.round((i * (span - 1)) / Math.max(1, ticks - 1));
    const date = new Date(start + index * 86400000).toISOString().slice(0, 10);
    const x = 10 + index * slot + slot / 2;
    const anchor = i === 0 ? "start" : i === ticks - 1 ? "end" : "middle";
    box.append(svg("text", { x: i === 0 ? 10 : i === ticks - 1 ? width - 10 : x, y: height - 3, class: "axis", "text-anchor": anchor }, date));
  }
}

function selectDay(date) {
  const form = document.getElementById("filters");
  const same = state.filters.date_from === date && state.filters.date_to === date;
  form.date_from.value = same ? "" : date;
  form.date_to.value = same ? "" : date;
  applyFilters();
}

// --- loading ----------------------------------------------------------------------------------------------------

// One request per question at a time: asking again (the map moved, the next page) cancels the stale one, so an
// old answer arriving late never replaces a newer one. ``pending`` and ``data-busy`` say whether any question is
// still open, ``data-view-loads`` how many lists were shown: tests wait on these, never on time.
const asking = { places: null, list: null, pending: 0, timer: null, loads: 0 };

function busy() {
  if (asking.pending || asking.timer) document.body.setAttribute("data-busy", "true");
  else document.body.removeAttribute("data-busy");
}

async function ask(name, path) {
  asking[name]?.abort();
  const controller = new AbortController();
  asking[name] = controller;
  asking.pending += 1;
  busy();
  try {
    return await api(path, { signal: controller.signal });
  } catch (error) {
    if (error.name === "AbortError") return null; // replaced by a newer question
    throw error;
  } finally {
    if (asking[name] === controller) asking[name] = null;
    asking.pending -= 1;
    busy();
  }
}

async function loadPlaces() {
  const places = await ask("places", `/api/places?${query({ bbox: viewBox(), limit: MAX_PLACES })}`);
  if (places === null) return;
  state.places = places;
  drawPlaces();
  if (places.length >= MAX_PLACES) status(`the ${MAX_PLACES} places with most events are drawn: zoom in for the others`);
}

/** The bounds the list is of: the point clicked, else the map's view. */
function listBox() {
  const { point } = state.list;
  return point ? `${point.lon},${point.lat},${point.lon},${point.lat}` : viewBox();
}

async function loadList() {
  const { offset, limit } = state.list;
  const bbox = listBox();
  const page = await ask("list", `/api/events?${query({ bbox, limit, offset })}`);
  if (page === null) return;
  state.list = { ...state.list, total: page.total, events: page.events };
  asking.loads += 1;
  document.body.setAttribute("data-view-loads", String(asking.loads));
  if (state.view === "list") renderList();
}

/** What is in view, asked again: the places on the map and the list's first page. */
async function loadView() {
  state.list = { ...state.list, offset: 0, point: null };
  try {
    await Promise.all([loadPlaces(), loadList()]);
  } catch (error) {
    status(error.message, true);
  }
}

/** The map moved: ask once it has stopped for a moment (a drag or a wheel zoom moves it many times). */
function viewMoved() {
  clearTimeout(asking.timer);
  asking.timer = setTimeout(() => {
    asking.timer = null;
    loadView();
  }, VIEW_DELAY);
  busy();
}

async function refresh() {
  try {
    const [stats] = await Promise.all([api(`/api/stats?${query()}`), loadView()]);
    state.stats = stats;
    districtCounts = new Map(stats.by_district.map((d) => [districtKey(d.admin1, d.admin2), d.events]));
    districtLayer.setStyle(districtStyle);
    drawTimeline();
    // The contested range comes first: each campaign's own low–high, from every claim of every article.
    const ranges = (stats.campaign_ranges || []).filter((c) => c.fatalities.low !== null);
    const headline = ranges.map((c) => `${c.name}: ${rangeText(c.fatalities)} killed`).join(" · ");
    document.getElementById("summary").replaceChildren(
      headline ? el("strong", { class: "headline", title: ranges.map((c) => c.fatalities.rule).join("\n") }, headline) : "",
      headline ? " · " : "",
      `${stats.events} events (${stats.undated} undated) · ${stats.fatalities_best} killed ` +
      `(sum of the events' best figures) · ${stats.articles} articles · ${stats.claims} claims · ` +
      `reviewed: ${stats.review.accepted} accepted, ${stats.review.rejected} rejected, ${stats.review.corrected} corrected`);
  } catch (error) {
    status(error.message, true);
  }
}

function applyFilters() {
  const form = document.getElementById("filters");
  const data = new FormData(form);
  state.filters = {};
  for (const [key, value] of data.entries()) if (value !== "") state.filters[key] = value;
  if (form.include_rejected.checked) state.filters.include_rejected = "true";
  refresh();
}

// --- the event list -------------------------------------------------------------------------------------------

/** The list of the events at one point of the map (a place's marker was clicked). */
function showPoint(lat, lon) {
  state.list = { ...state.list, offset: 0, total: null, events: [], point: { lat, lon } };
  setView("list");
  loadList().catch((error) => status(error.message, true));
}

function turnPage(offset) {
  state.list = { ...state.list, offset: Math.max(0, offset) };
  loadList().catch((error) => status(error.message, true));
}

function renderList() {
  const view = document.getElementById("view");
  const { events, total, offset, limit, point } = state.list;
  const rows = events.map((e) => el("tr", { class: "clickable", "data-event-id": e.id, onclick: () => showEvent(e.id) },
    el("td", {}, e.date || "—"),
    el("td", {}, el("span", { class: "swatch", style: { background: colour(e.event_type) } }), e.sub_event_type,
      e.status ? el("span", { class: `pill ${e.status}` }, e.status) : null,
      e.corrected ? el("span", { class: "pill corrected" }, "corrected") : null),
    el("td", {}, e.place || "—", e.admin2 ? el("span", { class: "muted" }, ` ${e.admin2}`) : null),
    el("td", { class: "num" }, e.fatalities.best ?? "–")));
  const names = point ? [...new Set(state.places.filter((p) => p.lat === point.lat && p.lon === point.lon)
    .map((p) => p.name))].join(", ") : "";
  const heading = total === null ? "Loading…"
    : point ? `${total} events at ${names || `${point.lat}, ${point.lon}`}` : `${total} events in view`;
  const size = el("select", { id: "page-size", onchange: (e) => {
    state.list = { ...state.list, limit: Number(e.target.value), offset: 0 };
    loadList().catch((error) => status(error.message, true));
  } }, PAGE_SIZES.map((n) => el("option", { value: n, selected: n === limit }, `${n} a page`)));
  const pager = el("div", { class: "actions pager" },
    el("button", { type: "button", id: "list-previous", disabled: offset <= 0, onclick: () => turnPage(offset - limit) }, "‹ Previous"),
    el("span", { id: "list-range" }, total ? `${offset + 1}–${offset + events.length} of ${total}` : "none"),
    el("button", { type: "button", id: "list-next", disabled: total === null || offset + limit >= total,
      onclick: () => turnPage(offset + limit) }, "Next ›"),
    size,
    point ? el("button", { type: "button", id: "list-view", onclick: () => loadView() }, "All in view") : null);
  // The listed events (the filters, the map's view or the point clicked) as a file, corrections applied.
  const download = el("div", { class: "actions downloads" }, "Download these events:",
    ...[["csv", "CSV"], ["geojson", "GeoJSON"], ["acled", "ACLED"], ["json", "JSON"]].map(([fmt, label]) =>
      el("a", { id: `download-${fmt}`, href: `/api/export/${fmt}?${query({ bbox: listBox() })}`, download: "" }, label)));
  view.replaceChildren(
    el("h2", { id: "list-heading" }, heading),
    el("p", { class: "muted" }, point ? "Click a row for every claim side by side."
      : "The events inside the map's view (pan or zoom to change them). Click a marker for the events there, a row for every claim side by side."),
    pager,
    download,
    el("table", {}, el("thead", {}, el("tr", {}, el("th", {}, "date"), el("th", {}, "type"), el("th", {}, "place"),
      el("th", { class: "num" }, "killed"))), el("tbody", { id: "list-rows" }, rows)));
}

// --- one event --------------------------------------------------------------------------------------------------

async function showEvent(id) {
  state.eventId = id;
  setView("event");
  history.replaceState(null, "", `#event=${encodeURIComponent(id)}`);
  try {
    const event = await api(eventPath(id));
    // Its place is outlined on the map (when that place is in view).
    state.selectedPoint = event.place && event.place.lat !== null ? pointKey(event.place.lat, event.place.lon) : null;
    drawPlaces();
    renderEvent(event);
  } catch (error) {
    status(error.message, true);
  }
}

function figureRow(label, figure, correction) {
  return el("tr", {},
    el("th", {}, label),
    el("td", { class: "num" }, figure.low ?? "–"), el("td", { class: "num" }, figure.best ?? "–"),
    el("td", { class: "num" }, figure.high ?? "–"),
    el("td", { class: "rule" }, figure.rule || "",
      correction ? el("div", { class: "machine" }, `machine: ${figureText(correction.machine)}`) : null));
}

/** "Balochistan Liberation Army: ≥201 · officials: 15–17 · …": the killed figures of each claimant on one line. */
function tollLine(claims) {
  const parts = claims.filter((c) => c.outcome === "killed" && !c.part_of)
    .map((c) => `${c.claimant.name || c.claimant.kind}: ${countText(c.count)}${c.count.approximate ? " ~" : ""}`);
  return parts.length ? el("p", { class: "toll" }, "killed, by claimant — ", parts.join(" · ")) : null;
}

function claimCard(claim, selectable) {
  const verified = claim.verified === false ? el("span", { class: "unverified" }, "not verified")
    : claim.verified === true ? el("span", { class: "verified" }, "confirmed by another party") : "verification not stated";
  const link = safeUrl(claim.url);
  const source = claim.source || claim.article_id;
  return el("div", { class: "claim", "data-claim-id": claim.id },
    el("div", { class: "claimant" }, claim.claimant.name || (claim.claimant.kind === "none" ? "the article itself" : claim.claimant.kind)),
    el("div", { class: "kind" }, `${claim.claimant.kind} · ${claim.stance}`),
    el("div", { class: "figure" }, countText(claim.count), claim.count.approximate ? " ~" : ""),
    el("div", {}, `${claim.outcome} · ${claim.victim}`, claim.victim_text ? ` (“${claim.victim_text}”)` : ""),
    el("div", { class: "meta" }, verified),
    el("blockquote", { dir: "auto" }, claim.quote),  // an Urdu quote reads right to left
    el("div", { class: "meta" }, link ? el("a", { href: link, target: "_blank", rel: "noopener noreferrer" }, source) : source,
      ` · ${claim.published || "undated"}`),
    el("div", { class: "meta", dir: "auto" }, `as written: “${claim.count.text}”`),
    selectable ? el("label", {}, el("input", { type: "checkbox", class: "split-pick", value: claim.id }), " move to a new event") : null);
}

function renderEvent(event) {
  const review = event.review;
  const corrections = review.corrections || {};
  const place = event.place;
  const view = document.getElementById("view");
  const heading = el("h2", {},
    el("span", { class: "swatch", style: { background: colour(event.event_type) } }),
    `${event.event_type} — ${event.sub_event_type}`,
    review.status ? el("span", { class: `pill ${review.status}` }, review.status) : null,
    review.corrected ? el("span", { class: "pill corrected" }, "corrected") : null);
  const facts = el("table", {},
    el("tr", {}, el("th", {}, "id"), el("td", {}, event.id)),
    el("tr", {}, el("th", {}, "date"), el("td", {}, event.date || "undated",
      corrections.date ? el("span", { class: "machine" }, ` (machine: ${corrections.date.machine || "undated"})`) : null)),
    el("tr", {}, el("th", {}, "place"), el("td", {}, place ? `${place.name} — ${[place.admin2, place.admin1, place.country_code].filter(Boolean).join(", ")}` : "—",
      corrections.place ? el("span", { class: "machine" }, ` (machine: ${corrections.place.machine ? corrections.place.machine.name : "—"})`) : null)),
    el("tr", {}, el("th", {}, "actors"), el("td", {}, `${event.actor1 || "?"} vs ${event.actor2 || "—"}`,
      event.interaction ? el("span", { class: "muted" }, ` (interaction ${event.interaction})`) : null)),
    el("tr", {}, el("th", {}, "GTD attack type"), el("td", {}, event.gtd_attack_type || "—")),
    event.campaign_id ? el("tr", {}, el("th", {}, "campaign"), el("td", {},
      el("a", { href: "#", onclick: (e) => { e.preventDefault(); showCampaign(event.campaign_id); } }, event.campaign_id))) : null,
    review.merged_into ? el("tr", {}, el("th", {}, "merged into"), el("td", {},
      el("a", { href: "#", onclick: (e) => { e.preventDefault(); showEvent(review.merged_into); } }, review.merged_into))) : null,
    review.split_from ? el("tr", {}, el("th", {}, "split from"), el("td", {},
      el("a", { href: "#", onclick: (e) => { e.preventDefault(); showEvent(review.split_from); } }, review.split_from))) : null);
  const figures = el("table", { class: "figures" },
    el("tr", {}, el("th", {}, ""), el("th", { class: "num" }, "low"), el("th", { class: "num" }, "best"),
      el("th", { class: "num" }, "high"), el("th", {}, "rule")),
    figureRow("killed", event.fatalities, corrections.fatalities),
    figureRow("injured", event.injured, corrections.injured),
    figureRow("abducted", event.abducted, corrections.abducted),
    ...Object.entries(event.by_side).filter(([, f]) => f.best !== null || f.low !== null || f.high !== null)
      .map(([side, f]) => figureRow(`killed: ${side.replace("_", " ")}`, f, null)));
  const editable = Boolean(auth.token) && !review.merged_into;
  view.replaceChildren(
    heading, facts,
    el("h3", {}, "Reconciled figures"), figures,
    event.notes ? el("div", { class: "notes" }, event.notes) : null,
    el("h3", {}, `Claims side by side (${event.claims.length})`),
    tollLine(event.claims),
    event.claims.length ? el("div", { class: "claims", id: "claims" }, event.claims.map((c) => claimCard(c, editable)))
      : el("p", { class: "muted" }, "No casualty claim is tied to this event."),
    el("h3", {}, `Articles (${event.articles.length})`),
    el("ul", {}, event.articles.map((a) => el("li", {},
      safeUrl(a.url) ? el("a", { href: a.url, target: "_blank", rel: "noopener noreferrer" }, a.title || a.id) : (a.title || a.id),
      el("span", { class: "muted" }, ` — ${a.source || "unknown source"}, ${a.published || "undated"}`),
      a.duplicate_of ? el("span", { class: "muted" }, ` (near-duplicate of ${a.duplicate_of})`) : null))),
    el("h3", {}, "Review"),
    editable ? reviewTools(event) : el("p", { class: "muted" },
      review.merged_into ? "Merged into another event: review that one." : "Enter your name and token (Analyst, top right) to review."),
    el("h3", {}, `History (${event.history.length})`),
    historyList(event));
}

// --- review -------------------------------------------------------------------------------------------------------

async function act(path, body) {
  if (!auth.name) {
    status("enter your name under Analyst first", true);
    return null;
  }
  try {
    const result = await api(path, { method: "POST", body: JSON.stringify({ analyst: auth.name, ...body }) });
    status(`saved: ${result.change.action} (change #${result.change.id})`);
    return result;
  } catch (error) {
    status(error.message, true);
    return null;
  }
}

async function afterChange(result, id) {
  if (!result) return;
  await refresh();
  await showEvent(result.new_event || id);
}

function input(name, value, attrs = {}) {
  return el("input", { name, value: value ?? "", ...attrs });
}

function reviewTools(event) {
  const types = state.meta ? state.meta.acled_types : {};
  const subtype = el("select", { name: "sub_event_type" },
    Object.entries(types).map(([type, subs]) => el("optgroup", { label: type },
      subs.map((s) => el("option", { value: `${type}|${s}`, selected: type === event.event_type && s === event.sub_event_type }, s)))));
  const place = event.place || {};
  const figure = (name, f) => el("div", { class: "figures" },
    input(`${name}_low`, f.low, { type: "number", min: 0, placeholder: "low" }),
    input(`${name}_best`, f.best, { type: "number", min: 0, placeholder: "best" }),
    input(`${name}_high`, f.high, { type: "number", min: 0, placeholder: "high" }));
  const form = el("form", { class: "review", id: "edit-form" },
    el("label", {}, "type"), subtype,
    el("label", {}, "actor 1"), input("actor1", event.actor1),
    el("label", {}, "actor 2"), input("actor2", event.actor2),
    el("label", {}, "date"), input("date", event.date, { type: "date" }),
    el("label", {}, "place"), input("place_name", place.name),
    el("label", {}, "district"), input("place_admin2", place.admin2),
    el("label", {}, "province"), input("place_admin1", place.admin1),
    el("label", {}, "lat, lon"), el("div", { class: "figures" },
      input("place_lat", place.lat, { type: "number", step: "any" }), input("place_lon", place.lon, { type: "number", step: "any" })),
    el("label", {}, "killed"), figure("fatalities", event.fatalities),
    el("label", {}, "injured"), figure("injured", event.injured),
    el("label", {}, "abducted"), figure("abducted", event.abducted),
    el("label", {}, "note"), input("note", "", { placeholder: "why (kept in the history)" }),
    el("span"), el("button", { type: "submit" }, "Save corrections"));
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    const changes = editedFields(event, new FormData(form));
    if (!Object.keys(changes).length) {
      status("nothing changed", true);
      return;
    }
    const note = form.note.value || null;
    afterChange(await act("/api/review/edit", { event_id: event.id, changes, note }), event.id);
  });
  const judge = (action) => async () => afterChange(await act(`/api/review/${action}`, { event_id: event.id }), event.id);
  const mergeInput = el("input", { id: "merge-ids", placeholder: "event ids to merge into this one, comma-separated", size: 40 });
  return el("div", {},
    el("div", { class: "actions" },
      el("button", { type: "button", id: "accept", onclick: judge("accept") }, "Accept"),
      el("button", { type: "button", id: "reject", onclick: judge("reject") }, "Reject"),
      event.review.status ? el("button", { type: "button", onclick: judge("reopen") }, "Clear judgement") : null,
      el("button", { type: "button", id: "split", onclick: async () => {
        const picked = [...document.querySelectorAll(".split-pick:checked")].map((box) => box.value);
        if (!picked.length) return status("tick the claims to move first", true);
        afterChange(await act("/api/review/split", { event_id: event.id, claim_ids: picked }), event.id);
      } }, "Split ticked claims off")),
    el("div", { class: "actions" }, mergeInput,
      el("button", { type: "button", onclick: async () => {
        const ids = mergeInput.value.split(",").map((s) => s.trim()).filter(Boolean);
        if (!ids.length) return status("name the events to merge", true);
        afterChange(await act("/api/review/merge", { event_id: event.id, merge: ids }), event.id);
      } }, "Merge")),
    form);
}

function numberOrNull(value) {
  return value === "" || value === null ? null : Number(value);
}

/** The fields the analyst changed, in the API's shape (only those: the others keep their values). */
function editedFields(event, data) {
  const changes = {};
  const [type, sub] = String(data.get("sub_event_type")).split("|");
  if (type !== event.event_type || sub !== event.sub_event_type) Object.assign(changes, { event_type: type, sub_event_type: sub });
  for (const name of ["actor1", "actor2"]) {
    const value = String(data.get(name)).trim() || null;
    if (value !== event[name]) changes[name] = value;
  }
  const date = data.get("date") || null;
  if (date !== event.date) changes.date = date;
  const place = event.place || {};
  const newPlace = {
    name: String(data.get("place_name")).trim(),
    admin1: String(data.get("place_admin1")).trim() || null,
    admin2: String(data.get("place_admin2")).trim() || null,
    country_code: place.country_code || null,
    lat: numberOrNull(data.get("place_lat")),
    lon: numberOrNull(data.get("place_lon")),
  };
  if (newPlace.name && ["name", "admin1", "admin2", "lat", "lon"].some((k) => (newPlace[k] ?? null) !== (place[k] ?? null))) {
    changes.place = newPlace;
  }
  for (const name of ["fatalities", "injured", "abducted"]) {
    const figure = { low: numberOrNull(data.get(`${name}_low`)), best: numberOrNull(data.get(`${name}_best`)), high: numberOrNull(data.get(`${name}_high`)) };
    if (["low", "best", "high"].some((k) => figure[k] !== event[name][k])) changes[name] = figure;
  }
  return changes;
}

function describe(values) {
  return Object.entries(values || {}).map(([key, value]) =>
    `${key}: ${value === null ? "—" : typeof value === "object" ? JSON.stringify(value) : value}`).join("\n");
}

function historyList(event) {
  if (!event.history.length) return el("p", { class: "muted" }, "No analyst has changed this event.");
  return el("ol", { class: "history", id: "history" }, event.history.map((change) => el("li", {
    class: change.undone_by ? "change undone" : "change", "data-change-id": change.id },
    el("strong", {}, change.action), ` by ${change.who}, ${change.at.replace("T", " ").slice(0, 19)}`,
    change.undone_by ? ` (undone by #${change.undone_by})` : "",
    change.undoes ? ` (undoes #${change.undoes})` : "",
    change.note ? el("div", { class: "muted" }, `“${change.note}”`) : null,
    el("pre", {}, `before:\n${describe(change.before)}\nafter:\n${describe(change.after)}`),
    auth.token && !change.undone_by ? el("button", { type: "button", class: "undo", onclick: async () =>
      afterChange(await act("/api/review/undo", { change_id: change.id }), event.id) }, "Undo") : null)));
}

// --- campaigns ------------------------------------------------------------------------------------------------

async function renderCampaigns() {
  const view = document.getElementById("view");
  try {
    state.campaigns = await api("/api/campaigns");
  } catch (error) {
    return status(error.message, true);
  }
  view.replaceChildren(
    el("h2", {}, `${state.campaigns.length} campaigns`),
    state.campaigns.length ? el("table", {},
      el("tr", {}, el("th", {}, "name"), el("th", {}, "killed (low–high)"), el("th", {}, "actor"), el("th", {}, "dates"), el("th", { class: "num" }, "events")),
      state.campaigns.map((c) => el("tr", { class: "clickable", onclick: () => showCampaign(c.id) },
        el("td", {}, c.name), el("td", { class: "num" }, rangeText(c.fatalities)), el("td", {}, c.actor || "—"),
        el("td", {}, c.first_date ? `${c.first_date} – ${c.last_date}` : "undated"), el("td", { class: "num" }, c.events))))
      : el("p", { class: "muted" }, "No named operation in the data."));
}

async function showCampaign(id) {
  setView("campaign");
  let campaign;
  try {
    campaign = await api(`/api/campaigns/${encodeURIComponent(id)}`);
  } catch (error) {
    return status(error.message, true);
  }
  const view = document.getElementById("view");
  view.replaceChildren(
    el("h2", {}, campaign.name),
    campaign.fatalities.low !== null ? el("p", { class: "headline" },
      el("strong", {}, `${rangeText(campaign.fatalities)} killed`), ` (low–high, best ${campaign.fatalities.best})`,
      el("br"), el("span", { class: "muted" }, campaign.fatalities.rule)) : null,
    campaign.notes ? el("p", {}, campaign.notes) : null,
    el("p", {}, `actor: ${campaign.actor || "unknown"} · ${campaign.events.length} events · ${campaign.articles.length} articles`),
    el("div", { class: "actions" }, el("button", { type: "button", onclick: () => {
      document.getElementById("filters").campaign.value = campaign.id;
      applyFilters();
    } }, "Show only this campaign on the map")),
    el("h3", {}, "Events"),
    el("table", {}, el("tr", {}, el("th", {}, "date"), el("th", {}, "place"), el("th", {}, "type"), el("th", { class: "num" }, "killed")),
      campaign.events.map((e) => el("tr", { class: "clickable", onclick: () => showEvent(e.id) },
        el("td", {}, e.date || "—"), el("td", {}, e.place || "—"), el("td", {}, e.sub_event_type),
        el("td", { class: "num" }, figureText(e.fatalities))))),
    el("h3", {}, `Campaign-wide claims (${campaign.claims.length})`),
    tollLine(campaign.claims),
    campaign.claims.length ? el("div", { class: "claims" }, campaign.claims.map((c) => claimCard(c, false)))
      : el("p", { class: "muted" }, "None."),
    el("h3", {}, "Articles"),
    el("ul", {}, campaign.articles.map((a) => el("li", {}, a.title || a.id, el("span", { class: "muted" }, ` — ${a.source || "?"}, ${a.published || "undated"}`)))));
}

// --- alerts ---------------------------------------------------------------------------------------------------

async function renderAlerts() {
  const view = document.getElementById("view");
  let page;
  try {
    page = await api("/api/alerts?limit=50");
  } catch (error) {
    return status(error.message, true);
  }
  const open = (alert) => {
    const [kind, id] = [alert.subject.split(":")[0], alert.subject.slice(alert.subject.indexOf(":") + 1)];
    if (kind === "event") showEvent(id);
    else if (kind === "campaign") showCampaign(id);
  };
  view.replaceChildren(
    el("h2", {}, `${page.total} alerts sent`),
    page.alerts.length ? el("table", { id: "alerts" },
      el("tr", {}, el("th", {}, "sent"), el("th", {}, "rule"), el("th", {}, "what"), el("th", {}, "place"),
        el("th", { class: "num" }, "low/best/high"), el("th", {}, "claimants")),
      page.alerts.map((a) => el("tr", { class: a.kind === "spike" ? "" : "clickable", onclick: () => open(a) },
        el("td", {}, a.updated_at.slice(0, 16).replace("T", " ") + (a.status === "sent" ? "" : " (unconfirmed)")),
        el("td", {}, a.rule + (a.update ? " (update)" : "")), el("td", {}, a.title), el("td", {}, a.place),
        el("td", { class: "num" }, `${a.figures.low ?? "?"}/${a.figures.best ?? "?"}/${a.figures.high ?? "?"} ${a.measure}`),
        el("td", {}, a.claimants.map((c) => `${c.claimant}: ${c.outcome} ${c.low ?? "?"}${c.high === c.low ? "" : c.high === null ? "+" : `–${c.high}`}`).join("; ")))))
      : el("p", { class: "muted" }, "No alert sent yet: see `sitrep alerts`."));
}

// --- views, analyst, start ------------------------------------------------------------------------------------

function setView(view) {
  state.view = view;
  for (const button of document.querySelectorAll("#tabs button")) {
    button.classList.toggle("active", button.dataset.view === view);
  }
  if (view === "list") renderList();
  if (view === "campaigns") renderCampaigns();
  if (view === "alerts") renderAlerts();
}

function setUpAnalyst() {
  const name = document.getElementById("analyst-name");
  const token = document.getElementById("analyst-token");
  const shown = document.getElementById("analyst-state");
  name.value = auth.name;
  token.value = auth.token;
  shown.textContent = auth.token ? `reviewing as ${auth.name}` : "";
  document.getElementById("analyst-save").addEventListener("click", () => {
    auth.name = name.value.trim();
    auth.token = token.value.trim();
    // sessionStorage: the token is forgotten when the tab closes.
    sessionStorage.setItem("sitrep.analyst", auth.name);
    sessionStorage.setItem("sitrep.token", auth.token);
    shown.textContent = auth.token ? `reviewing as ${auth.name}` : "";
    if (state.eventId && state.view === "event") showEvent(state.eventId);
  });
}

async function start() {
  setUpAnalyst();
  addLegend();
  for (const button of document.querySelectorAll("#tabs button")) {
    button.addEventListener("click", () => setView(button.dataset.view));
  }
  const form = document.getElementById("filters");
  form.addEventListener("submit", (e) => { e.preventDefault(); applyFilters(); });
  form.addEventListener("reset", () => setTimeout(applyFilters, 0));
  // The quote search applies as one types, once the typing pauses.
  let typing = null;
  form.q.addEventListener("input", () => { clearTimeout(typing); typing = setTimeout(applyFilters, VIEW_DELAY); });
  try {
    state.meta = await api("/api/meta");
    const types = form.event_type;
    for (const [type, subs] of Object.entries(state.meta.acled_types)) {
      types.append(el("option", { value: type }, type));
      for (const sub of subs) types.append(el("option", { value: sub }, `  ${sub}`));
    }
    for (const c of await api("/api/campaigns")) form.campaign.append(el("option", { value: c.id }, c.name));
  } catch (error) {
    status(error.message, true);
  }
  await loadBaseMap();
  await refresh();
  map.on("moveend", viewMoved); // after the first view is loaded: panning and zooming ask again
  const wanted = new URLSearchParams(location.hash.slice(1)).get("event");
  if (wanted) showEvent(wanted);
  document.body.setAttribute("data-ready", "true"); // for tests and screenshots: the first load is done
  window.addEventListener("resize", drawTimeline);
}

start();
