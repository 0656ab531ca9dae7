// The sites this one knows, reachable or not, with the last round-trip time its probes measured.
import { api } from '../api.js';
import { add, h, put } from '../dom.js';
import { age, exactTime, milliseconds } from '../format.js';

const REFRESH_MS = 4000;

export async function showPeers(main, ctx) {
  const store = h('p', { id: 'store-state' });
  const body = h('tbody', { id: 'peer-rows' });
  const problem = h('p', { class: 'alert', role: 'alert' });
  put(main, 
    h('h1', {}, 'Peers'),
    h('p', { class: 'subtitle' }, `The sites ${ctx.region} knows, as its probes last found them.`),
    problem, store,
    h('table', { id: 'peers' },
      h('caption', {}, 'Peers of this site'),
      h('thead', {}, h('tr', {}, ['Site', 'Reachable', 'Last round trip', 'Checked', 'Error']
        .map(title => h('th', { scope: 'col' }, title)))),
      body));

  async function load() {
    let health;
    try {
      health = await api.health();
      problem.textContent = '';
    } catch (error) {
      // 503 still carries the body: the store is down, the peers are as last seen.
      health = error.problem && error.problem.peers ? error.problem : null;
      if (!health) {
        problem.textContent = `The site's health could not be read: ${error.message}`;
        return;
      }
    }
    put(store, `${ctx.region}: `, h('span', { class: `badge ${health.status === 'UP' ? 'ok' : health.status === 'DOWN' ? 'bad' : 'warn'}` },
      health.status), ` · store ${health.store ? health.store.status : '?'}`,
      health.store && health.store.open_operations !== null && health.store.open_operations !== undefined
        ? ` · ${health.store.open_operations} open operation(s)` : '');
    const peers = [...(health.peers || [])].sort((a, b) => a.region.localeCompare(b.region));
    put(body, ...peers.map(peer => h('tr', { dataset: { region: peer.region } },
      h('th', { scope: 'row' }, peer.region),
      h('td', {}, h('span', { class: `badge ${peer.reachable ? 'ok' : 'bad'}` }, peer.reachable ? 'reachable' : 'unreachable')),
      h('td', { class: 'num' }, milliseconds(peer.round_trip_ms)),
      h('td', { title: exactTime(peer.checked_at) }, peer.checked_at ? `${age(peer.checked_at)} ago` : 'not yet'),
      h('td', {}, peer.error || ''))));
    if (!peers.length) add(body, h('tr', {}, h('td', { colspan: 5, class: 'empty' }, 'This site knows no peers.')));
  }

  await load();
  const timer = setInterval(load, REFRESH_MS);
  return () => clearInterval(timer);
}
