// The fleet page: every device from one call (GET /api/fleet, a compact row per device), counts by
// state, filter and search, and a virtualised list that draws only the rows in view, so 10,000
// devices stay quick. Refreshes every 15 s while shown.

import { get } from './api.js';
import { el, ago, reading, badge } from './format.js';

const ROW = 34;
const REFRESH_MS = 15000;

export async function fleetPage(ctx) {
  const counts = el('div', { class: 'counts', id: 'fleet-counts' });
  const search = el('input', { id: 'fleet-search', type: 'search', placeholder: 'search device id…', 'aria-label': 'search' });
  const kind = el('select', { id: 'fleet-kind', 'aria-label': 'kind' },
    el('option', { value: '' }, 'all kinds'), el('option', { value: 'meter' }, 'meters'),
    el('option', { value: 'pump' }, 'pumps'), el('option', { value: 'wellhead' }, 'wells'));
  const state = el('select', { id: 'fleet-state', 'aria-label': 'state' },
    el('option', { value: '' }, 'any state'), el('option', { value: 'online' }, 'online'),
    el('option', { value: 'offline' }, 'offline'), el('option', { value: 'alarm' }, 'alarm'));
  const shown = el('span', { id: 'fleet-shown', class: 'muted' });
  const head = el('div', { class: 'row head' },
    ...['device', 'kind', 'state', 'last seen', 'key reading', 'alarms'].map((h, i) =>
      el('span', { 'data-sort': ['id', 'board', 'state', 'lastSeen', 'keyChannel', 'alarms'][i] }, h)));
  const spacer = el('div', { class: 'spacer' });
  const scroller = el('div', { class: 'scroller', id: 'fleet-list' }, spacer);
  const error = el('p', { class: 'error', role: 'alert' });
  ctx.root.append(el('h1', {}, 'Fleet'), counts,
    el('div', { class: 'filters' }, search, kind, state, shown), error, head, scroller);

  let all = [];
  let rows = [];
  let now = Date.now();
  let sort = { key: 'id', dir: 1 };

  function apply() {
    const q = search.value.trim().toLowerCase();
    const k = kind.value;
    const s = state.value;
    rows = all.filter((d) => (!q || d.id.toLowerCase().includes(q)) && (!k || d.board === k) && (!s || d.state === s));
    const key = sort.key;
    rows.sort((a, b) => {
      const x = a[key] ?? '';
      const y = b[key] ?? '';
      return (x < y ? -1 : x > y ? 1 : 0) * sort.dir || (a.id < b.id ? -1 : 1);
    });
    shown.textContent = rows.length.toLocaleString('en') + ' of ' + all.length.toLocaleString('en') + ' shown';
    spacer.style.height = rows.length * ROW + 'px';
    draw(true);
  }

  let drawn = '';
  function draw(force) {
    const first = Math.max(0, Math.floor(scroller.scrollTop / ROW) - 5);
    const last = Math.min(rows.length, first + Math.ceil((scroller.clientHeight || 600) / ROW) + 10);
    const sig = first + ':' + last;
    if (!force && sig === drawn) return;
    drawn = sig;
    const out = [];
    for (let i = first; i < last; i++) {
      const d = rows[i];
      out.push(el('a', { class: 'row', href: '#/device/' + encodeURIComponent(d.id), 'data-device': d.id, style: 'top:' + i * ROW + 'px' },
        el('span', { class: 'id' }, d.id), el('span', {}, d.board), el('span', {}, badge(d.state)),
        el('span', { title: d.lastSeen ? new Date(d.lastSeen).toISOString() : 'never' }, ago(d.lastSeen, now)),
        el('span', {}, d.keyChannel ? d.keyChannel + ' ' + reading(d.keyChannel, d.keyValue) : '—'),
        el('span', {}, d.alarms ? String(d.alarms) : '')));
    }
    spacer.replaceChildren(...out);
  }

  function showCounts(c) {
    counts.replaceChildren(...['total', 'online', 'offline', 'alarm'].map((name) =>
      el('button', { type: 'button', class: 'count ' + name, 'data-count': name,
        onclick: () => { state.value = name === 'total' ? '' : name; apply(); } },
      el('b', {}, (c[name] || 0).toLocaleString('en')), ' ' + name)));
  }

  async function load() {
    const r = await get('/api/fleet');
    if (!r.ok) {
      error.textContent = 'Cannot load the fleet: ' + r.error;
      return;
    }
    error.textContent = '';
    now = r.data.now || Date.now();
    const cols = r.data.columns;
    all = r.data.devices.map((row) => Object.fromEntries(cols.map((c, i) => [c, row[i]])));
    showCounts(r.data.counts);
    apply();
    ctx.root.dataset.loaded = 'true';
  }

  for (const h of head.querySelectorAll('[data-sort]')) {
    h.addEventListener('click', () => {
      sort = { key: h.dataset.sort, dir: sort.key === h.dataset.sort ? -sort.dir : 1 };
      apply();
    });
  }
  search.addEventListener('input', apply);
  kind.addEventListener('change', apply);
  state.addEventListener('change', apply);
  scroller.addEventListener('scroll', () => draw(false));
  await load();
  const timer = setInterval(() => { if (!document.hidden) load(); }, REFRESH_MS);
  return { stop: () => clearInterval(timer) };
}
