// The console's entry: which site this is, who is signed in, and which page the address asks for.
// Pages are addressed by the part after '#', so the site serves one file and the browser's back and
// forward buttons work.
import { api, whenSignedOut } from './api.js';
import { h, put } from './dom.js';
import * as session from './session.js';
import { showSignIn } from './views/signin.js';
import { showServices } from './views/services.js';
import { showService } from './views/service.js';
import { showCreate } from './views/create.js';
import { showPeers } from './views/peers.js';

const main = document.getElementById('main');
const ROUTES = [
  { pattern: /^#\/services\/([^/]+)$/, nav: 'services', show: (ctx, id) => showService(main, ctx, decodeURIComponent(id)) },
  { pattern: /^#\/services$/, nav: 'services', show: ctx => showServices(main, ctx) },
  { pattern: /^#\/create$/, nav: 'create', show: ctx => showCreate(main, ctx) },
  { pattern: /^#\/peers$/, nav: 'peers', show: ctx => showPeers(main, ctx) },
];

let region = null;
let leave = null; // what the page showing now stops when another one comes (its refresh timer)

async function route(message) {
  if (leave) leave();
  leave = null;
  if (!region) {
    try {
      region = await api.region();
    } catch (error) {
      put(main, h('p', { class: 'alert', role: 'alert' }, `This site does not answer: ${error.message}`));
      return;
    }
    document.getElementById('site-name').textContent = region;
    document.title = `DIMINET console — ${region}`;
  }
  const user = session.current();
  showUser(user);
  if (!user) {
    leave = showSignIn(main, { region, message, done: () => route() });
    return;
  }
  const hash = location.hash || '#/services';
  const found = ROUTES.map(r => ({ r, match: r.pattern.exec(hash) })).find(x => x.match);
  if (!found) {
    location.hash = '#/services';
    return;
  }
  markNav(found.r.nav);
  const ctx = { region, user, go: target => { location.hash = target; } };
  leave = await found.r.show(ctx, ...found.match.slice(1)) || null;
  main.focus({ preventScroll: true });
}

function showUser(user) {
  const who = document.getElementById('who');
  const nav = document.getElementById('main-nav');
  nav.hidden = !user;
  if (!user) {
    put(who);
    return;
  }
  put(who, 
    h('span', { id: 'signed-in-as' }, `${user.user} · project ${user.project}${user.admin ? ' · admin' : ''}`),
    h('button', { type: 'button', class: 'secondary', id: 'sign-out', onclick: async () => {
      await session.signOut();
      route('You are signed out.');
    } }, 'Sign out'));
}

function markNav(current) {
  for (const link of document.querySelectorAll('[data-nav]')) {
    if (link.dataset.nav === current) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
}

whenSignedOut(message => route(message));
window.addEventListener('hashchange', () => route());
route();
