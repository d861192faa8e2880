// Alerts (list, acknowledge) and the ledger's latest checkpoint with an in-browser verify:
// the Ed25519 signature against the issuer keys (GET /api/issuer-keys), and the RFC 9162 Merkle
// root recomputed from the entries.

import { get, post, firstFound } from './api.js';
import { el, when, notAvailable, millis } from './format.js';

// ---- alerts ----

export async function alertsPage(ctx) {
  const box = el('div', { id: 'alerts' });
  const filter = el('select', { id: 'alerts-state', 'aria-label': 'state' },
    el('option', { value: 'open' }, 'open'), el('option', { value: 'acknowledged' }, 'acknowledged'),
    el('option', { value: 'cleared' }, 'cleared'), el('option', { value: '' }, 'all'));
  ctx.root.append(el('h1', {}, 'Alerts'), el('div', { class: 'filters' }, filter), box);
  let alerts = [];
  let missing = false;

  async function load() {
    const r = await get('/api/alerts');
    if (r.missing) { missing = true; box.replaceChildren(notAvailable('Alerts', '#10')); return; }
    if (!r.ok) { box.replaceChildren(el('p', { class: 'error' }, 'Cannot load alerts: ' + r.error)); return; }
    alerts = Array.isArray(r.data) ? r.data : (r.data.alerts || []);
    draw();
  }

  function draw() {
    if (missing) return;
    const s = filter.value;
    const rows = alerts.filter((a) => !s || (a.state || '').toLowerCase() === s);
    box.replaceChildren(el('table', { class: 'alerts' },
      el('tr', {}, ...['raised', 'device', 'rule', 'state', 'details', ''].map((h) => el('th', {}, h))),
      ...(rows.length ? rows.map(row) : [el('tr', {}, el('td', { colspan: 6, class: 'muted' }, 'No ' + (s || '') + ' alerts.'))])));
  }

  function row(a) {
    const id = a.id ?? a.alertId;
    const ack = (a.state || '').toLowerCase() === 'open'
      ? el('button', { type: 'button', 'data-ack': id, onclick: async (ev) => {
        ev.target.disabled = true;
        const path = '/api/alerts/' + encodeURIComponent(id);
        let r = await post(path + '/acknowledge');
        if (r.missing) r = await post(path + '/ack');
        if (!r.ok) { ev.target.disabled = false; ev.target.title = r.error; ev.target.textContent = 'failed: ' + r.error; return; }
        load();
      } }, 'Acknowledge') : null;
    const device = a.device || a.deviceId;
    return el('tr', { 'data-alert': id, class: 'alert-' + (a.state || '').toLowerCase() },
      el('td', {}, when(a.raisedAt ?? a.openedAt ?? a.at ?? a.time)),
      el('td', {}, device ? el('a', { href: '#/device/' + encodeURIComponent(device) }, device) : '—'),
      el('td', {}, a.rule || a.kind || a.type || ''), el('td', {}, a.state || ''),
      el('td', {}, a.message || a.summary || (a.evidence ? JSON.stringify(a.evidence) : '')), el('td', {}, ack));
  }

  filter.addEventListener('change', draw);
  await load();
  ctx.root.dataset.loaded = 'true';
  const timer = setInterval(() => { if (!document.hidden && !missing) load(); }, 20000);
  return { stop: () => clearInterval(timer) };
}

// ---- ledger ----

export async function ledgerPage(ctx) {
  const box = el('div', { id: 'ledger' });
  ctx.root.append(el('h1', {}, 'Ledger'), box);
  const r = await get('/api/ledger/checkpoint');
  ctx.root.dataset.loaded = 'true';
  if (r.missing) { box.append(notAvailable('Ledger checkpoint', '#7')); return null; }
  if (!r.ok) { box.append(el('p', { class: 'error' }, 'Cannot load the checkpoint: ' + r.error)); return null; }
  const cp = r.data;
  const results = el('ul', { id: 'verify-results', class: 'checks' });
  const button = el('button', { type: 'button', id: 'verify' }, 'Verify');
  box.append(el('dl', { class: 'facts', id: 'checkpoint' },
    el('dt', {}, 'Entries'), el('dd', {}, String(cp.size)),
    el('dt', {}, 'Root'), el('dd', { class: 'hex' }, cp.root),
    el('dt', {}, 'Signed at'), el('dd', {}, when(cp.time)),
    el('dt', {}, 'Key id'), el('dd', {}, cp.kid),
    el('dt', {}, 'Signature'), el('dd', { class: 'hex' }, cp.signature)),
  button, results);
  button.addEventListener('click', async () => {
    button.disabled = true;
    results.replaceChildren();
    const report = (name, ok, detail) => results.append(el('li', { class: ok ? 'pass' : 'fail', 'data-check': name },
      (ok ? '✓ ' : '✗ ') + name + (detail ? ': ' + detail : '')));
    try {
      await verifyCheckpoint(cp, report);
    } catch (e) {
      report('verification', false, e.message);
    }
    button.disabled = false;
  });
  return null;
}

const hex = (bytes) => [...new Uint8Array(bytes)].map((b) => b.toString(16).padStart(2, '0')).join('');
const unhex = (h) => new Uint8Array(h.match(/../g).map((x) => parseInt(x, 16)));
const b64 = (bytes) => btoa(String.fromCharCode(...new Uint8Array(bytes)));
function unb64(s) {
  const t = s.replace(/-/g, '+').replace(/_/g, '/');
  const bin = atob(t + '='.repeat((4 - (t.length % 4)) % 4));
  return Uint8Array.from(bin, (c) => c.charCodeAt(0));
}
const bytesOf = (s) => (/^[0-9a-fA-F]+$/.test(s) && s.length % 2 === 0 ? unhex(s) : unb64(s));

async function sha256(...parts) {
  const n = parts.reduce((s, p) => s + p.length, 0);
  const buf = new Uint8Array(n);
  let o = 0;
  for (const p of parts) { buf.set(p, o); o += p.length; }
  return new Uint8Array(await crypto.subtle.digest('SHA-256', buf));
}

/** RFC 9162 Merkle tree hash of leaves [lo, hi). */
async function mth(leaves, lo, hi) {
  if (hi - lo === 1) return sha256(new Uint8Array([0]), leaves[lo]);
  let k = 1;
  while (k * 2 < hi - lo) k *= 2;
  return sha256(new Uint8Array([1]), await mth(leaves, lo, lo + k), await mth(leaves, lo + k, hi));
}

/** Where the verifier reads issuer keys and entries: the host's API (#7). */
export const apiSource = {
  async issuerKeys() {
    const r = await firstFound(['/api/issuer-keys']);
    return r.ok ? { keys: r.data.keys || [] } : { error: r.error };
  },
  async entries(start, end) {
    const r = await get('/api/ledger/entries?start=' + start + '&end=' + end);
    return r.ok ? { entries: Array.isArray(r.data) ? r.data : r.data.entries } : { error: r.error };
  },
};

/**
 * Checks a checkpoint {size, root (hex), time, kid, signature}: its Ed25519 signature against the
 * issuer key with its kid (JWK, OKP/Ed25519), and its root recomputed from the entries (RFC 9162).
 * Calls report(name, ok, detail) for "signature" and "root".
 */
export async function verifyCheckpoint(cp, report, source = apiSource) {
  if (!globalThis.crypto || !crypto.subtle) {
    report('verification', false, 'needs a secure context (https or localhost); use ./fieldlink ctl ledger verify');
    return;
  }
  const root = unhex(cp.root);
  const time = millis(cp.time);
  const message = new TextEncoder().encode('fieldlink-ledger/v1\n' + cp.size + '\n' + b64(root) + '\n' + time + '\n');
  const keys = await source.issuerKeys();
  const jwk = keys.keys && keys.keys.find((k) => k.kid === cp.kid);
  if (!jwk) {
    report('signature', false, keys.keys ? 'key ' + cp.kid + ' is not among the issuer keys' : 'issuer keys not available (' + keys.error + ')');
  } else {
    try {
      const key = await crypto.subtle.importKey('jwk', { kty: 'OKP', crv: 'Ed25519', x: jwk.x }, { name: 'Ed25519' }, false, ['verify']);
      const ok = await crypto.subtle.verify({ name: 'Ed25519' }, key, bytesOf(cp.signature), message);
      report('signature', ok, ok ? 'Ed25519 by ' + cp.kid : 'does not verify');
    } catch (e) {
      report('signature', false, 'this browser cannot check Ed25519 (' + e.message + ')');
    }
  }
  if (cp.size === 0) {
    const empty = hex(await sha256(new Uint8Array(0)));
    report('root', empty === cp.root.toLowerCase(), 'empty ledger');
    return;
  }
  if (cp.size > 200000) {
    report('root', false, cp.size + ' entries are too many to recompute in a browser; use ./fieldlink ctl ledger verify');
    return;
  }
  const leaves = [];
  let end = cp.size - 1; // RFC 9162 get-entries: end is the last index; retried as exclusive when that gives nothing
  while (leaves.length < cp.size) {
    const page = await source.entries(leaves.length, end);
    if (!page.entries) { report('root', false, 'cannot read entries: ' + page.error); return; }
    const entries = page.entries;
    if (!entries.length && end < cp.size) { end = cp.size; continue; }
    if (!entries.length) { report('root', false, 'the host returned no entries from ' + leaves.length); return; }
    for (const e of entries) {
      if (e.index !== leaves.length) { report('root', false, 'entry ' + e.index + ' where ' + leaves.length + ' was expected'); return; }
      leaves.push(unb64(e.data));
    }
  }
  const computed = hex(await mth(leaves, 0, leaves.length));
  report('root', computed === cp.root.toLowerCase(), computed === cp.root.toLowerCase()
    ? 'recomputed from ' + leaves.length + ' entries (RFC 9162)' : 'recomputed ' + computed + ' from ' + leaves.length + ' entries');
}
