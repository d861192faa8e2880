// Small formatting and DOM helpers shared by the pages.

/** Creates an element: el('div', {class: 'x'}, child, 'text', ...). */
export function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else if (k === 'text') e.textContent = v;
    else e.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return e;
}

/** Epoch ms or ISO text to epoch ms (null when absent). */
export function millis(t) {
  if (t === null || t === undefined) return null;
  if (typeof t === 'number') return t;
  const n = Date.parse(t);
  return Number.isNaN(n) ? null : n;
}

export function ago(t, now = Date.now()) {
  const ms = millis(t);
  if (ms === null) return 'never';
  const s = Math.round((now - ms) / 1000);
  if (s < 0) return 'just now';
  if (s < 60) return s + ' s ago';
  if (s < 3600) return Math.round(s / 60) + ' min ago';
  if (s < 86400) return Math.round(s / 3600) + ' h ago';
  return Math.round(s / 86400) + ' d ago';
}

export function when(t) {
  const ms = millis(t);
  return ms === null ? '—' : new Date(ms).toISOString().replace('T', ' ').replace(/\.\d+Z$/, 'Z');
}

/** Integer milli-units of currency to text with two decimals; no floating point rounding of the stored value. */
export function money(milli) {
  if (milli === null || milli === undefined || Number.isNaN(Number(milli))) return '—';
  const m = Math.trunc(Number(milli));
  const sign = m < 0 ? '-' : '';
  const a = Math.abs(m);
  const units = Math.floor(a / 1000);
  const cents = Math.floor((a % 1000) / 10);
  return sign + units.toLocaleString('en') + '.' + String(cents).padStart(2, '0');
}

/** Units of a channel (SenML unit by board channel name). */
const UNITS = {
  voltage: 'V', current: 'A', power_factor: '', frequency: 'Hz', active_power: 'W', energy: 'Wh',
  storage_pressure: 'bar', dispensed_mass: 'g', flow_pulses: 'pulses', tubing_pressure: 'kPa',
  casing_pressure: 'kPa', temperature: '°C', oil_flow: 'L/h', gas_flow: 'm³/h', water_flow: 'L/h',
  daily_oil: 'L', daily_gas: 'L', daily_water: 'L', day_grams: 'g', daily_grams: 'g',
};

export function unit(channel) {
  return UNITS[channel] || '';
}

export function reading(channel, v) {
  if (v === null || v === undefined) return '—';
  if (channel === 'balance') return money(v);
  const n = Number(v);
  const text = Math.abs(n) >= 100 || Number.isInteger(n) ? String(Math.round(n * 10) / 10) : n.toPrecision(4);
  const u = unit(channel);
  return u ? text + ' ' + u : text;
}

export function badge(state) {
  return el('span', { class: 'badge ' + state, 'data-state': state }, state);
}

/** A panel that says plainly that a feature is not on this host yet. */
export function notAvailable(what, issue, detail) {
  return el('div', { class: 'na', 'data-na': what },
    el('strong', {}, what + ' not available'),
    el('span', {}, ' — ' + (detail || 'this host does not serve it yet') + (issue ? ' (' + issue + ')' : '') + '.'));
}

/** Token verdict reason codes (protocol's VerdictReason ordinals). */
export const VERDICTS = ['ok', 'malformed', 'unknown-key', 'bad-signature', 'wrong-type', 'wrong-subject',
  'not-yet-valid', 'expired', 'replayed', 'over-limit'];
