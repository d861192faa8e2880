// A device page: header (kind, state, last seen, alarms), the board's own panel (meter, pump or
// well), a live chart per channel (history from the series API, then readings pushed over the
// live WebSocket as they are stored), and the events.

import { get, post, firstFound, blobUrl } from './api.js';
import { el, ago, when, money, reading, unit, badge, notAvailable, millis, VERDICTS } from './format.js';
import { LiveChart, bandChart } from './charts.js';

const HOUR = 3600000;
const id$ = (id) => encodeURIComponent(id);

export async function devicePage(ctx, id) {
  const [dev, latest] = await Promise.all([get('/api/devices/' + id$(id)), get('/api/devices/' + id$(id) + '/latest')]);
  if (!dev.ok) {
    ctx.root.append(el('h1', {}, id), el('p', { class: 'error' }, dev.missing ? 'No device ' + id + '.' : dev.error));
    return null;
  }
  const board = dev.data.board;
  const state = {
    id, board,
    channels: new Map(((latest.ok && latest.data.channels) || []).map((c) => [c.name, { t: c.t, v: c.v }])),
    alarms: (latest.ok && latest.data.alarms) || [],
    events: [],
  };
  const header = el('div', { class: 'device-head' });
  const panel = el('section', { class: 'panel', id: 'kind-panel', 'data-board': board });
  const charts = el('div', { class: 'charts', id: 'charts' });
  const events = el('table', { class: 'events', id: 'events' });
  ctx.root.append(header, panel, el('h2', {}, 'Channels'), charts, el('h2', {}, 'Events and alarms'), events);

  function drawHeader() {
    const s = state.alarms.length ? 'alarm' : (latest.ok ? latest.data.state : dev.data.status);
    header.replaceChildren(
      el('h1', {}, el('a', { href: '#/fleet', class: 'back' }, '←'), ' ', id, ' ', el('small', {}, board)),
      el('p', {}, badge(s), ' last seen ', el('span', { id: 'last-seen' }, ago(state.lastSeen ?? (latest.ok ? latest.data.lastSeen : dev.data.lastSeen))),
        dev.data.firmware ? ' · firmware ' + dev.data.firmware : ''),
      ...(state.alarms.length ? [el('p', { class: 'alarms', id: 'active-alarms' }, 'Active alarms: ', state.alarms.join(', '))] : []));
  }

  // Events: the last day, newest first.
  const ev = await get('/api/devices/' + id$(id) + '/events?from=' + (Date.now() - 24 * HOUR));
  state.events = ev.ok ? ev.data.events.map((e) => ({ t: millis(e.t), type: e.type, body: parse(e.body) })) : [];
  function drawEvents() {
    const rows = state.events.slice(-200).reverse();
    events.replaceChildren(el('tr', {}, el('th', {}, 'time'), el('th', {}, 'event'), el('th', {}, 'details')),
      ...(rows.length ? rows.map((e) => el('tr', { class: e.type === 'alarm' || e.type === 'shut-in' ? 'alarm-row' : '' },
        el('td', {}, when(e.t)), el('td', {}, e.type), el('td', {}, describe(e)))) : [el('tr', {}, el('td', { colspan: 3, class: 'muted' }, 'No events in the last day.'))]));
  }

  const kindPanel = board === 'meter' ? meterPanel : board === 'pump' ? pumpPanel : wellPanel;
  const refreshPanel = await kindPanel(panel, state);

  // Charts: one per channel with history, then live.
  const chartOf = new Map();
  function chart(channel) {
    let c = chartOf.get(channel);
    if (!c) {
      c = new LiveChart(charts, channel, unit(channel));
      chartOf.set(channel, c);
    }
    return c;
  }
  const names = [...state.channels.keys()].sort();
  if (!names.length) charts.append(el('p', { class: 'muted', id: 'no-channels' }, 'No readings stored yet; charts appear as data arrives.'));
  await Promise.all(names.map(async (name) => {
    const c = chart(name);
    c.setPoints(await history(id, name));
  }));

  drawHeader();
  drawEvents();
  const off = ctx.live.onUplink((msg) => {
    if (msg.device !== id) return;
    state.lastSeen = Date.now();
    for (const [name, t, v] of msg.readings) {
      document.getElementById('no-channels')?.remove();
      chart(name).append(t, v);
      const old = state.channels.get(name);
      if (!old || old.t <= t) state.channels.set(name, { t, v });
    }
    for (const e of msg.events) {
      const body = parse(e.body);
      state.events.push({ t: e.t, type: e.type, body });
      if (e.type === 'alarm') toggle(state.alarms, 'alarm ' + body.channel + ' ' + body.level, body.raised);
      if (e.type === 'shut-in') toggle(state.alarms, 'shut-in', body.state === 'latched');
    }
    drawHeader();
    if (msg.events.length) drawEvents();
    refreshPanel();
    ctx.root.dataset.liveUpdates = String(Number(ctx.root.dataset.liveUpdates || 0) + 1);
  });
  ctx.live.watch([id]);
  ctx.root.dataset.loaded = 'true';
  return { stop: () => { off(); ctx.live.watch([]); for (const c of chartOf.values()) c.destroy(); } };
}

function toggle(list, name, on) {
  const i = list.indexOf(name);
  if (on && i < 0) list.push(name);
  if (!on && i >= 0) list.splice(i, 1);
}

function parse(body) {
  try { return JSON.parse(body); } catch (e) { return { text: body }; }
}

function describe(e) {
  const b = e.body || {};
  switch (e.type) {
    case 'sale': return b.grams + ' g, ' + money(b.amount) + (b.tokenId ? ', token ' + b.tokenId : '') + ', pump ' + b.pump;
    case 'token-redemption': return b.kind + ' token ' + b.tokenId + ': ' + (VERDICTS[b.reason] || 'reason ' + b.reason) + (b.amount ? ', ' + b.amount : '');
    case 'alarm': return b.channel + ' ' + b.level + ' ' + (b.raised ? 'raised' : 'cleared') + ' at ' + b.value;
    case 'shut-in': return b.cause + ' at ' + b.value + ' kPa, ' + b.state + (b.by ? ' by ' + b.by : '');
    default: return JSON.stringify(b);
  }
}

/** A channel's history: raw readings of the last hour, or 15-minute means of the last week when the hour is sparse. */
async function history(id, channel) {
  const base = '/api/devices/' + id$(id) + '/series?channel=' + encodeURIComponent(channel);
  const raw = await get(base + '&from=' + (Date.now() - HOUR));
  if (raw.ok && raw.data.points.length >= 2) return raw.data.points.map((p) => [millis(p.t), p.v]);
  const rolled = await get(base + '&step=15m&from=' + (Date.now() - 7 * 24 * HOUR));
  const rawPts = raw.ok ? raw.data.points.map((p) => [millis(p.t), p.v]) : [];
  const firstRaw = rawPts.length ? rawPts[0][0] : Infinity;
  // Buckets that end before the first raw reading, then the raw readings (no value drawn twice).
  const pts = rolled.ok ? rolled.data.points.map((p) => [millis(p.t), p.mean]).filter((p) => p[0] + 15 * 60000 <= firstRaw) : [];
  return pts.concat(rawPts);
}

function facts(pairs) {
  return el('dl', { class: 'facts' }, ...pairs.flatMap(([k, v, idAttr]) => [el('dt', {}, k), el('dd', { id: idAttr }, v)]));
}

/** Pulls prediction points out of the shapes the prediction API may answer with. */
export function toBand(data) {
  const list = data.points || data.forecast || data.series || data.values || [];
  const hist = data.history || data.actual || [];
  const pick = (o, names) => { for (const n of names) if (o[n] !== undefined && o[n] !== null) return Number(o[n]); return null; };
  const time = (o) => millis(o.t ?? o.time ?? o.at ?? o.start ?? o.date);
  const rows = [];
  for (const o of hist) rows.push({ t: time(o), actual: pick(o, ['actual', 'value', 'rate', 'v', 'q']), mid: null, lo: null, hi: null });
  for (const o of list) {
    const a = pick(o, ['p10', 'lo', 'low', 'lower']);
    const b = pick(o, ['p90', 'hi', 'high', 'upper']);
    rows.push({ t: time(o), actual: pick(o, ['actual', 'observed']), mid: pick(o, ['p50', 'mid', 'mean', 'value', 'forecast', 'rate', 'v', 'q']),
      lo: a === null || b === null ? a : Math.min(a, b), hi: a === null || b === null ? b : Math.max(a, b) });
  }
  const ok = rows.filter((r) => r.t !== null).sort((x, y) => x.t - y.t);
  return { t: ok.map((r) => r.t), actual: ok.map((r) => r.actual), mid: ok.map((r) => r.mid), lo: ok.map((r) => r.lo), hi: ok.map((r) => r.hi) };
}

async function forecastBox(container, title, paths, issue, unitText) {
  const box = el('div', { class: 'forecast', 'data-forecast': title });
  container.append(el('h3', {}, title), box);
  const r = await firstFound(paths);
  if (r.missing) { box.append(notAvailable(title, issue)); return null; }
  if (r.status === 409) { box.append(el('p', { class: 'muted', 'data-nodata': '' }, title + ': ' + r.error)); return null; }
  if (!r.ok) { box.append(el('p', { class: 'error' }, title + ': ' + r.error)); return null; }
  const s = toBand(r.data);
  const summary = Object.entries(r.data).filter(([, v]) => typeof v !== 'object').map(([k, v]) => k + ' ' + v).join(' · ');
  if (summary) box.append(el('p', { class: 'muted' }, summary));
  if (s.t.length < 2) { box.append(el('p', { class: 'muted' }, 'No forecast points yet.')); return r.data; }
  bandChart(box, title, s, unitText);
  return r.data;
}

// ---- meter ----

async function meterPanel(panel, state) {
  const id = state.id;
  const topLine = el('div', { class: 'facts-box' });
  const account = await get('/api/accounts/' + id$(id));
  const runway = await firstFound(['/api/meters/' + id$(id) + '/runway', '/api/predictions/runway/' + id$(id)]);
  function draw() {
    const bal = state.channels.get('balance');
    const opened = state.channels.get('relay_opened');
    const closed = state.channels.get('relay_closed');
    let relay = 'unknown';
    if (opened && (!closed || opened.t > closed.t)) relay = 'open (disconnected' + (opened.v & 1 ? ', no credit' : '') + (opened.v & 2 ? ', tamper' : '') + (opened.v & 4 ? ', overload' : '') + ')';
    else if (closed) relay = 'closed (supplying)';
    const a = account.ok ? account.data : null;
    const band = a && (a.tariffBand || a.band || (a.tariff && (a.tariff.currentBand || a.tariff.band)));
    const days = runway.ok ? (runway.data.days ?? runway.data.runwayDays ?? runway.data.daysLeft) : null;
    topLine.replaceChildren(facts([
      ['Balance (meter)', bal ? money(bal.v) + ' · ' + ago(bal.t) : '—', 'meter-balance'],
      ['Balance (host books)', a && a.balance !== undefined ? money(a.balance) : account.missing ? notAvailable('Accounts', '#7') : (account.error || '—'), 'account-balance'],
      ['Runway', days !== null && days !== undefined ? Number(days).toFixed(1) + ' days' : runway.missing ? notAvailable('Runway', '#10') : (runway.error || '—'), 'meter-runway'],
      ['Relay', relay, 'meter-relay'],
      ['Tariff band', band ? (typeof band === 'object' ? JSON.stringify(band) : String(band)) : account.missing ? notAvailable('Tariffs', '#7') : '—', 'meter-band'],
      ['Energy', reading('energy', state.channels.get('energy')?.v), 'meter-energy'],
    ]));
  }
  draw();
  panel.append(el('h2', {}, 'Meter'), topLine, topUpForm(id));
  await forecastBox(panel, 'Consumption forecast', ['/api/meters/' + id$(id) + '/forecast', '/api/predictions/consumption/' + id$(id)], '#10', 'Wh');
  return draw;
}

function topUpForm(id) {
  const amount = el('input', { id: 'topup-amount', type: 'number', min: '0.01', step: '0.01', required: true, placeholder: 'e.g. 25.00' });
  const button = el('button', { type: 'submit', id: 'topup-submit' }, 'Issue top-up');
  const result = el('div', { id: 'topup-result', 'aria-live': 'polite' });
  let requestId = crypto.randomUUID ? crypto.randomUUID() : String(Date.now()) + Math.random();
  const form = el('form', { id: 'topup-form', class: 'topup' }, el('h3', {}, 'Top-up'),
    el('label', {}, 'Amount ', amount), button, result);
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const milli = Math.round(Number(amount.value) * 1000);
    if (!Number.isSafeInteger(milli) || milli <= 0) { result.replaceChildren(el('p', { class: 'error' }, 'Enter an amount above zero.')); return; }
    button.disabled = true;
    result.replaceChildren(el('p', { class: 'muted' }, 'Issuing…'));
    // The same request id on a retry returns the same token (issue #7), never a second one.
    const r = await post('/api/accounts/' + id$(id) + '/topups', { amount: milli, requestId });
    button.disabled = false;
    if (r.missing) { result.replaceChildren(notAvailable('Top-ups', '#7', 'this host does not issue tokens yet')); return; }
    if (!r.ok) { result.replaceChildren(el('p', { class: 'error', id: 'topup-error' }, 'Top-up refused: ' + r.error)); return; }
    requestId = crypto.randomUUID ? crypto.randomUUID() : String(Date.now()) + Math.random();
    const token = r.data.token;
    const shown = [el('p', {}, 'Credit token for ', money(milli), ':'), el('code', { id: 'topup-token', class: 'token' }, token)];
    const link = qrLink(r.data);
    if (link) {
      const url = await blobUrl(link);
      if (url) shown.push(el('img', { id: 'topup-qr', src: url, alt: 'QR code of the token', width: 240 }));
    }
    if (r.data.pushed !== undefined) shown.push(el('p', { class: 'muted' }, r.data.pushed ? 'Also pushed to the meter.' : 'The meter is offline: enter the token on the meter.'));
    result.replaceChildren(...shown);
  });
  return form;
}

/** The same-origin link of the token's QR PNG in a top-up answer, whatever the field is called. */
function qrLink(data) {
  const found = [];
  (function walk(o) {
    if (!o || typeof o !== 'object') return;
    for (const [k, v] of Object.entries(o)) {
      if (typeof v === 'string' && v.startsWith('/') && !v.startsWith('//') && (/qr/i.test(k) || /\.png$|\/qr/i.test(v))) found.push(v);
      else if (typeof v === 'object') walk(v);
    }
  })(data);
  return found[0] || null;
}

// ---- pump ----

async function pumpPanel(panel, state) {
  const box = el('div', { class: 'facts-box' });
  function draw() {
    const sales = state.events.filter((e) => e.type === 'sale');
    const grams = sales.reduce((s, e) => s + (e.body.grams || 0), 0);
    const amount = sales.reduce((s, e) => s + (e.body.amount || 0), 0);
    const verdicts = {};
    for (const e of state.events.filter((x) => x.type === 'token-redemption')) {
      const name = VERDICTS[e.body.reason] || 'reason ' + e.body.reason;
      verdicts[name] = (verdicts[name] || 0) + 1;
    }
    box.replaceChildren(facts([
      ['Sales (24 h)', sales.length + (sales.length === 1 ? ' sale, ' : ' sales, ') + (grams / 1000).toFixed(1) + ' kg, ' + money(amount), 'pump-sales'],
      ['Token verdicts (24 h)', Object.keys(verdicts).length ? Object.entries(verdicts).map(([k, v]) => k + ' ' + v).join(', ') : 'none', 'pump-verdicts'],
      ['Storage pressure', reading('storage_pressure', state.channels.get('storage_pressure')?.v), 'pump-pressure'],
      ['Dispenser', dispenseState(state), 'pump-nozzle'],
      ['Today so far (board)', reading('day_grams', state.channels.get('day_grams')?.v) + ', ' + money(state.channels.get('day_amount')?.v), 'pump-day'],
    ]));
  }
  draw();
  panel.append(el('h2', {}, 'Pump station'), box);
  await forecastBox(panel, 'Demand forecast', ['/api/stations/' + id$(state.id) + '/forecast', '/api/predictions/demand/' + id$(state.id)], '#10', 'kg');
  return draw;
}

// The pump's station pack sends dispense_state as a SenML string, which the host stores as an event.
function dispenseState(state) {
  const last = [...state.events].reverse().find((e) => e.type === 'dispense_state');
  return last && last.body ? last.body.vs + ' · ' + ago(last.t) : '—';
}

// ---- well ----

async function wellPanel(panel, state) {
  const box = el('div', { class: 'facts-box' });
  function draw() {
    const shut = state.alarms.includes('shut-in');
    const last = [...state.events].reverse().find((e) => e.type === 'shut-in');
    const ch = (n) => reading(n, state.channels.get(n)?.v);
    box.replaceChildren(facts([
      ['Shut-in', shut ? 'SHUT IN (latched' + (last ? ', ' + last.body.cause + ' at ' + last.body.value + ' kPa' : '') + ')' : 'flowing', 'well-shutin'],
      ['Tubing / casing pressure', ch('tubing_pressure') + ' / ' + ch('casing_pressure'), 'well-pressures'],
      ['Oil / gas / water flow', ch('oil_flow') + ' / ' + ch('gas_flow') + ' / ' + ch('water_flow'), 'well-flows'],
      ['Temperature', ch('temperature'), 'well-temperature'],
    ]));
    box.classList.toggle('shut', shut);
  }
  draw();
  panel.append(el('h2', {}, 'Wellhead'), box);
  await forecastBox(panel, 'Decline curve', ['/api/wells/' + id$(state.id) + '/decline', '/api/predictions/decline/' + id$(state.id)], '#10', 'rate');
  return draw;
}
