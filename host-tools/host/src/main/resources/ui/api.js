// The host's HTTP API as the dashboard uses it: the signed-in key (sessionStorage only, sent as
// Authorization: Bearer, never in a URL), JSON calls that report 404 as "not available", and the
// live WebSocket that signs in with its first message.

const KEY = 'fieldlink.apiKey';

export function apiKey() {
  return sessionStorage.getItem(KEY);
}

export function setApiKey(key) {
  if (key) sessionStorage.setItem(KEY, key); else sessionStorage.removeItem(KEY);
}

/** Raised for a 401: the key is no longer accepted. */
export class SignedOut extends Error {}

/**
 * Calls the API. Resolves to {ok, status, data, error, missing}: missing is true for a 404 (the
 * feature is not on this host yet, or the thing does not exist), error holds the API's message.
 */
export async function call(method, path, body, key = apiKey()) {
  const headers = { Accept: 'application/json' };
  if (key) headers.Authorization = 'Bearer ' + key;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let r;
  try {
    r = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), cache: 'no-store' });
  } catch (e) {
    return { ok: false, status: 0, error: 'the host cannot be reached (' + e.message + ')' };
  }
  if (r.status === 401 && key === apiKey()) throw new SignedOut('the API key was not accepted');
  const type = r.headers.get('content-type') || '';
  let data = null;
  if (type.includes('json')) {
    try { data = await r.json(); } catch (e) { data = null; }
  }
  const out = { ok: r.ok, status: r.status, data, missing: r.status === 404 };
  if (!r.ok) out.error = (data && data.error) || ('HTTP ' + r.status);
  return out;
}

export const get = (path) => call('GET', path);
export const post = (path, body) => call('POST', path, body === undefined ? {} : body);

/** First answer of several candidate paths that is not a 404 (features still being built may pick either). */
export async function firstFound(paths) {
  let last = { ok: false, status: 404, missing: true, error: 'not available' };
  for (const p of paths) {
    last = await get(p);
    if (!last.missing) return last;
  }
  return last;
}

/** Fetches a binary resource of the API (e.g. a QR code PNG) with the key; resolves to an object URL or null. */
export async function blobUrl(path) {
  const r = await fetch(path, { headers: { Authorization: 'Bearer ' + apiKey() } });
  if (!r.ok) return null;
  return URL.createObjectURL(await r.blob());
}

/**
 * The live connection: one WebSocket to /api/live, signed in by its first message, re-opened with
 * back-off when it drops. watch(ids) chooses the devices; onUplink(fn) gets every pushed uplink.
 */
export class Live {
  constructor(onState) {
    this.onState = onState;
    this.listeners = new Set();
    this.devices = [];
    this.delay = 500;
    this.stopped = false;
    this.connect();
  }

  connect() {
    const proto = location.protocol === 'https:' ? 'wss:' : 'ws:';
    const ws = new WebSocket(proto + '//' + location.host + '/api/live');
    this.ws = ws;
    this.ready = false;
    ws.onopen = () => ws.send(JSON.stringify({ type: 'auth', key: apiKey() }));
    ws.onmessage = (m) => {
      let msg;
      try { msg = JSON.parse(m.data); } catch (e) { return; }
      if (msg.type === 'ready') {
        this.ready = true;
        this.delay = 500;
        this.sendWatch();
        this.onState('on');
      } else if (msg.type === 'uplink') {
        for (const fn of this.listeners) fn(msg);
      } else if (msg.type === 'error') {
        this.onState('error', msg.error);
      }
    };
    ws.onclose = () => {
      this.ready = false;
      if (this.stopped) return;
      this.onState('off');
      setTimeout(() => { if (!this.stopped) this.connect(); }, this.delay);
      this.delay = Math.min(this.delay * 2, 15000);
    };
  }

  sendWatch() {
    if (this.ready) this.ws.send(JSON.stringify({ type: 'watch', devices: this.devices }));
  }

  watch(ids) {
    this.devices = ids.slice(0, 100);
    this.sendWatch();
  }

  onUplink(fn) {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  close() {
    this.stopped = true;
    if (this.ws) this.ws.close();
  }
}
