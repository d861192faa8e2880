// The dashboard shell: sign-in with an API key, hash routes (#/fleet, #/device/ID, #/alerts,
// #/ledger), the live connection, and the page that is showing.

import { apiKey, setApiKey, call, Live, SignedOut } from './api.js';
import { el } from './format.js';
import { fleetPage } from './fleet.js';
import { devicePage } from './device.js';
import { alertsPage, ledgerPage } from './ops.js';

const view = document.getElementById('view');
const signIn = document.getElementById('sign-in');
const nav = document.getElementById('nav');
const liveState = document.getElementById('live-state');
let live = null;
let page = null;

function showSignIn(message) {
  if (page && page.stop) page.stop();
  page = null;
  if (live) live.close();
  live = null;
  setApiKey(null);
  view.replaceChildren();
  nav.hidden = true;
  signIn.hidden = false;
  document.getElementById('sign-in-error').textContent = message || '';
  document.getElementById('api-key').focus();
}

function setLive(state, detail) {
  liveState.className = 'live ' + state;
  liveState.dataset.state = state;
  liveState.title = detail || 'live updates ' + state;
}

async function route() {
  if (!apiKey()) {
    showSignIn();
    return;
  }
  signIn.hidden = true;
  nav.hidden = false;
  if (!live) live = new Live(setLive);
  if (page && page.stop) page.stop();
  page = null;
  const hash = location.hash || '#/fleet';
  const [, name, ...rest] = hash.split('/');
  for (const a of nav.querySelectorAll('[data-nav]')) a.classList.toggle('active', a.dataset.nav === name);
  const root = el('div', { class: 'page', 'data-page': name || 'fleet' });
  view.replaceChildren(root);
  const ctx = { root, live, navigate: (h) => { location.hash = h; } };
  try {
    if (name === 'device' && rest.length) page = await devicePage(ctx, decodeURIComponent(rest.join('/')));
    else if (name === 'alerts') page = await alertsPage(ctx);
    else if (name === 'ledger') page = await ledgerPage(ctx);
    else page = await fleetPage(ctx);
  } catch (e) {
    if (e instanceof SignedOut) showSignIn('Signed out: ' + e.message + '.');
    else root.append(el('p', { class: 'error' }, 'This page failed: ' + e.message));
  }
}

document.getElementById('sign-in-form').addEventListener('submit', async (ev) => {
  ev.preventDefault();
  const input = document.getElementById('api-key');
  const key = input.value.trim();
  const error = document.getElementById('sign-in-error');
  if (!key) return;
  const r = await call('GET', '/api/fleet', undefined, key);
  if (r.status === 401) {
    error.textContent = 'That key was not accepted: ' + (r.error || 'unknown API key') + '.';
    return;
  }
  if (!r.ok) {
    error.textContent = 'Cannot sign in: ' + r.error + '.';
    return;
  }
  input.value = '';
  setApiKey(key);
  if (!location.hash || location.hash === '#/') location.hash = '#/fleet'; else route();
});

document.getElementById('sign-out').addEventListener('click', () => showSignIn('Signed out.'));
window.addEventListener('hashchange', route);
window.addEventListener('unhandledrejection', (ev) => {
  if (ev.reason instanceof SignedOut) showSignIn('Signed out: ' + ev.reason.message + '.');
});
route();
