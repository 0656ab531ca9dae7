// Create a service: L3 routing between networks of several sites, or the L2 extension of this site's
// network to others. This site becomes the service's master. The other sites' networks are read from
// those sites (through this one); a refusal is shown next to the field it concerns.
import { api } from '../api.js';
import { add, announce, h, put } from '../dom.js';
import { milliseconds } from '../format.js';
import { describe, fieldsConcerned } from '../problems.js';
import { networkOptions } from './networks.js';
import { watchProgress } from './progress.js';

export async function showCreate(main, ctx) {
  const form = h('form', { id: 'create-form', class: 'panel', novalidate: true });
  const summary = h('div', { id: 'create-problem', class: 'alert', role: 'alert', tabindex: '-1' });
  const progress = h('div', { id: 'create-progress', class: 'notice progress', role: 'status' });
  const result = h('div', { id: 'create-result', class: 'success', tabindex: '-1' });
  put(main, 
    h('h1', {}, 'Create a service'),
    h('p', { class: 'subtitle' }, `${ctx.region} (this site) becomes the service's master.`),
    summary, progress, result, form);

  let localNetworks = [];
  let peers = [];
  try {
    [localNetworks, peers] = await Promise.all([api.networks(), api.health().then(health => health.peers || [])]);
  } catch (error) {
    summary.textContent = `This site's networks or peers could not be read: ${error.message}`;
    return null;
  }
  peers.sort((a, b) => a.region.localeCompare(b.region));

  // --- the fields ---
  const errors = {};
  const errorLine = key => (errors[key] = h('p', { id: `error-${key}`, class: 'field-error' }));

  const name = h('input', { type: 'text', id: 'create-name', name: 'name', required: true, maxlength: 255,
    'aria-describedby': 'error-name' });
  const typeL3 = h('input', { type: 'radio', name: 'type', id: 'type-L3', value: 'L3', checked: true, 'aria-describedby': 'type-L3-hint' });
  const typeL2 = h('input', { type: 'radio', name: 'type', id: 'type-L2', value: 'L2', 'aria-describedby': 'type-L2-hint' });
  const localNetwork = h('select', { id: 'network-local', name: 'network', required: true,
    'aria-describedby': 'network-local-hint error-local' });

  const siteRows = peers.map(peer => siteRow(peer));
  const submit = h('button', { type: 'submit', id: 'create-submit' }, 'Create service');

  add(form, 
    h('div', { class: 'field' }, h('label', { for: 'create-name' }, 'Name'), name, errorLine('name')),
    h('fieldset', { 'aria-describedby': 'error-type' }, h('legend', {}, 'Type'),
      h('label', { class: 'choice', for: 'type-L3' }, typeL3, h('span', {}, h('strong', {}, 'L3 routing'),
        h('span', { class: 'hint', id: 'type-L3-hint' }, ' — route between existing networks of several sites; their CIDRs must not overlap.'))),
      h('label', { class: 'choice', for: 'type-L2' }, typeL2, h('span', {}, h('strong', {}, 'L2 extension'),
        h('span', { class: 'hint', id: 'type-L2-hint' }, ' — extend this site\'s network to other sites: the same CIDR everywhere, each site its own pool of addresses.'))),
      errorLine('type')),
    h('div', { class: 'field' },
      h('label', { for: 'network-local' }, `Network at ${ctx.region} (this site)`), localNetwork,
      h('p', { class: 'hint', id: 'network-local-hint' }, localNetworks.length
        ? 'The networks of your project (and shared ones) at this site.'
        : 'You have no network with a subnet at this site: create one first (Neutron API or dashboard).'),
      errorLine('local')),
    h('fieldset', { id: 'other-sites', 'aria-describedby': 'error-sites' }, h('legend', {}, 'Other sites'),
      peers.length ? siteRows.map(r => r.element) : h('p', { class: 'hint' }, 'This site knows no peers.'),
      errorLine('sites')),
    h('div', { class: 'actions' }, submit, h('a', { href: '#/services' }, 'Back to the services')));

  const type = () => (typeL2.checked ? 'L2' : 'L3');
  const chosenLocal = () => localNetworks.find(n => n.id === localNetwork.value) || null;

  function fillLocal() {
    put(localNetwork, h('option', { value: '' }, '— choose a network —'),
      networkOptions(localNetworks, ctx.user.admin));
  }

  // --- one row per peer: a check box, and for L3 the network there ---
  function siteRow(peer) {
    const key = peer.region;
    const box = h('input', { type: 'checkbox', id: `site-${key}`, value: key,
      'aria-describedby': `site-${key}-state` });
    const select = h('select', { id: `network-${key}`, 'aria-describedby': `error-${key}` });
    const networkField = h('div', { class: 'field', hidden: true },
      h('label', { for: `network-${key}` }, `Network at ${key}`), select);
    const l2Hint = h('p', { class: 'hint', hidden: true },
      `${key} gets a network with the same CIDR and its own pool of addresses.`);
    const row = { key, peer, box, select, networks: null, loading: null, element: null };
    row.element = h('div', { class: 'site-choice', dataset: { site: key } },
      h('label', { class: 'choice', for: `site-${key}` }, box, h('span', {}, key)),
      h('p', { class: 'hint', id: `site-${key}-state` }, peer.reachable
        ? `reachable, last round trip ${milliseconds(peer.round_trip_ms)}`
        : `not reachable at the last probe${peer.error ? ` (${peer.error})` : ''}`),
      networkField, l2Hint, errorLine(key));
    row.show = () => {
      networkField.hidden = !box.checked || type() !== 'L3';
      l2Hint.hidden = !box.checked || type() !== 'L2';
      if (box.checked && type() === 'L3') load(row);
    };
    box.addEventListener('change', () => { clearError(key); row.show(); });
    return row;
  }

  async function load(row) {
    if (row.networks || row.loading) {
      if (row.networks) fillRemote(row);
      return;
    }
    put(row.select, h('option', { value: '' }, `reading ${row.key}'s networks…`));
    row.select.disabled = true;
    row.loading = api.networks(row.key);
    try {
      row.networks = await row.loading;
      row.select.disabled = false;
      fillRemote(row);
    } catch (error) {
      put(row.select, h('option', { value: '' }, 'not available'));
      showError(row.key, `${row.key}'s networks could not be read: ${error.message}`);
    } finally {
      row.loading = null;
    }
  }

  /** An admin's service belongs to the local network's project: the other networks must be usable by it. */
  function fillRemote(row) {
    const chosen = row.select.value;
    const local = chosenLocal();
    const usable = row.networks.filter(n => !ctx.user.admin || !local || n.shared || n.project === local.project);
    put(row.select, h('option', { value: '' }, '— choose a network —'), networkOptions(usable, ctx.user.admin));
    row.select.value = usable.some(n => n.id === chosen) ? chosen : '';
  }

  for (const radio of [typeL3, typeL2]) {
    radio.addEventListener('change', () => { clearAll(); siteRows.forEach(r => r.show()); });
  }
  localNetwork.addEventListener('change', () => {
    clearError('local');
    siteRows.filter(r => r.networks).forEach(fillRemote);
  });
  name.addEventListener('input', () => clearError('name'));
  for (const row of siteRows) row.select.addEventListener('change', () => clearError(row.key));
  fillLocal();

  // --- errors next to fields ---
  function control(key) {
    if (key === 'name') return name;
    if (key === 'type') return typeL3;
    if (key === 'local') return localNetwork;
    if (key === 'sites') return siteRows[0] ? siteRows[0].box : null;
    const row = siteRows.find(r => r.key === key);
    return row ? (type() === 'L3' && !row.select.closest('[hidden]') ? row.select : row.box) : null;
  }

  function showError(key, message) {
    if (!errors[key]) return;
    errors[key].textContent = message;
    const field = control(key);
    if (field) field.setAttribute('aria-invalid', 'true');
  }

  function clearError(key) {
    if (!errors[key]) return;
    errors[key].textContent = '';
    const field = control(key);
    if (field) field.removeAttribute('aria-invalid');
  }

  function clearAll() {
    Object.keys(errors).forEach(clearError);
    summary.textContent = '';
  }

  function checkBeforeSending(chosenSites) {
    const found = [];
    if (!name.value.trim()) found.push(['name', 'Give the service a name.']);
    if (!localNetwork.value) found.push(['local', `Pick the network at ${ctx.region} to ${type() === 'L3' ? 'route' : 'extend'}.`]);
    if (!chosenSites.length) found.push(['sites', 'Pick at least one other site.']);
    if (type() === 'L3') {
      for (const row of chosenSites) {
        if (!row.select.value) found.push([row.key, `Pick the network at ${row.key} to route to.`]);
      }
    }
    return found;
  }

  // --- sending ---
  form.addEventListener('submit', async event => {
    event.preventDefault();
    clearAll();
    put(result);
    const chosenSites = siteRows.filter(r => r.box.checked);
    const missing = checkBeforeSending(chosenSites);
    if (missing.length) {
      missing.forEach(([key, message]) => showError(key, message));
      summary.textContent = `${missing.length} field(s) need attention before the service can be created.`;
      const first = control(missing[0][0]);
      if (first) first.focus();
      return;
    }
    const resources = [{ key: 'local', region: ctx.region, network: localNetwork.value },
      ...chosenSites.map(r => ({ key: r.key, region: r.key, network: type() === 'L3' ? r.select.value : null }))];
    const body = {
      name: name.value.trim(),
      type: type(),
      resources: resources.map(r => (r.network ? { region: r.region, network: r.network } : { region: r.region })),
    };
    const local = chosenLocal();
    if (ctx.user.admin && local && local.project !== ctx.user.projectId && local.project !== ctx.user.project) {
      body.project_id = local.project;
    }

    submit.disabled = true;
    const stop = watchProgress(progress, {
      title: `Creating ${body.type} service “${body.name}”`,
      sites: resources.map(r => r.region),
      find: services => services.find(s => s.name === body.name && s.state === 'CREATING'),
    });
    try {
      const answer = await api.create(body);
      stop();
      const service = answer.body;
      showResult(service);
      form.reset();
      fillLocal();
      siteRows.forEach(r => r.show());
    } catch (error) {
      stop();
      const keys = fieldsConcerned(error.problem, resources, { name: 'name', type: 'type', resources: 'sites' }, ctx.region);
      keys.forEach(key => showError(key, error.message));
      put(summary, 
        h('strong', {}, 'The service was not created. '), describe(error),
        error.status >= 400 ? h('p', {}, 'Nothing was left at any site.') : null);
      const first = keys.length ? control(keys[0]) : null;
      (first || summary).focus();
    } finally {
      submit.disabled = false;
    }
  });

  function showResult(service) {
    const sites = (service.resources || []).map(r => r.region).join(', ');
    put(result, 
      h('h2', {}, `Created “${service.name}”`),
      h('p', {}, `${service.type === 'L2' ? 'L2 extension' : 'L3 routing'} between ${sites}; state `,
        h('span', { class: `badge state-${service.state}` }, service.state), `; id `, h('code', {}, service.global_id), '.'),
      h('p', {}, h('a', { href: `#/services/${encodeURIComponent(service.global_id)}`, id: 'created-link' },
        `Open ${service.name}`)));
    announce(`Service ${service.name} created.`);
    result.focus();
  }

  name.focus();
  return null;
}
