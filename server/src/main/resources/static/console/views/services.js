// The services of this site: type, name, master, sites, state and age, with a search box and filters.
// The list refreshes itself every few seconds, so a service created elsewhere shows up on its own.
import { api } from '../api.js';
import { add, h, put, uid } from '../dom.js';
import { age, exactTime, sitesOf } from '../format.js';

const REFRESH_MS = 4000;
const STATES = ['CREATING', 'ACTIVE', 'UPDATING', 'DEGRADED', 'DELETING', 'FAILED'];

export async function showServices(main, ctx) {
  const ids = { search: uid('search'), type: uid('type'), state: uid('state') };
  const search = h('input', { type: 'search', id: ids.search, placeholder: 'name, id or site', autocomplete: 'off' });
  const type = h('select', { id: ids.type }, h('option', { value: '' }, 'All types'),
    h('option', { value: 'L3' }, 'L3 routing'), h('option', { value: 'L2' }, 'L2 extension'));
  const state = h('select', { id: ids.state }, h('option', { value: '' }, 'All states'),
    STATES.map(s => h('option', { value: s }, s)));
  const count = h('p', { class: 'hint', id: 'services-count', 'aria-live': 'polite' });
  const body = h('tbody', { id: 'services-rows' });
  const problem = h('p', { class: 'alert', role: 'alert' });
  let services = [];

  const table = h('table', { id: 'services' },
    h('caption', {}, `Inter-site services ${ctx.region} takes part in`),
    h('thead', {}, h('tr', {}, ['Name', 'Type', 'Master', 'Sites', 'State', 'Age']
      .map(title => h('th', { scope: 'col' }, title)))),
    body);

  function draw() {
    const text = search.value.trim().toLowerCase();
    const shown = services.filter(s =>
      (!type.value || s.type === type.value) && (!state.value || s.state === state.value)
      && (!text || [s.name, s.global_id, ...sitesOf(s)].some(v => (v || '').toLowerCase().includes(text))));
    count.textContent = services.length === shown.length ? `${services.length} service(s)`
      : `${shown.length} of ${services.length} service(s) shown`;
    put(body, ...shown.map(row));
    if (!shown.length) {
      add(body, h('tr', {}, h('td', { colspan: 6, class: 'empty' }, services.length
        ? 'No service matches the search or filters.'
        : ['No services yet. ', h('a', { href: '#/create' }, 'Create one'), '.'])));
    }
  }

  function row(s) {
    return h('tr', { dataset: { service: s.global_id, name: s.name } },
      h('td', {}, h('a', { href: `#/services/${encodeURIComponent(s.global_id)}` }, s.name || s.global_id)),
      h('td', {}, s.type === 'L2' ? 'L2 extension' : 'L3 routing'),
      h('td', {}, s.master, s.master === ctx.region ? h('span', { class: 'hint' }, ' (this site)') : null),
      h('td', {}, sitesOf(s).join(', ')),
      h('td', {}, h('span', { class: `badge state-${s.state}` }, s.state)),
      h('td', { title: exactTime(s.created_at) }, age(s.created_at)));
  }

  async function load() {
    try {
      services = await api.services();
      services.sort((a, b) => (b.created_at || '').localeCompare(a.created_at || ''));
      problem.textContent = '';
      draw();
    } catch (error) {
      problem.textContent = `The services could not be read: ${error.message}`;
    }
  }

  for (const control of [search, type, state]) control.addEventListener('input', draw);

  put(main, 
    h('h1', {}, `Services at ${ctx.region}`),
    h('p', { class: 'subtitle' }, 'L3 routing between networks of several sites, and L2 extensions of one network to other sites.'),
    h('div', { class: 'toolbar', role: 'search' },
      h('div', { class: 'field' }, h('label', { for: ids.search }, 'Search'), search),
      h('div', { class: 'field' }, h('label', { for: ids.type }, 'Type'), type),
      h('div', { class: 'field' }, h('label', { for: ids.state }, 'State'), state),
      h('div', { class: 'field' }, h('button', { type: 'button', class: 'secondary', onclick: load }, 'Refresh')),
      h('div', { class: 'field' }, h('a', { class: 'button', href: '#/create' }, 'Create a service'))),
    problem, count, table);
  await load();
  const timer = setInterval(load, REFRESH_MS);
  return () => clearInterval(timer);
}
