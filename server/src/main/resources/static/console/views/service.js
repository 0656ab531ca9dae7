// One service: its sites as a map and a table (network and CIDRs at each), for an L2 extension its
// address space, its pending operation, and the changes a user makes to it: add or remove a site, delete.
import { api } from '../api.js';
import { announce, h, put } from '../dom.js';
import { age, exactTime, sitesOf } from '../format.js';
import { describe, fieldsConcerned } from '../problems.js';
import { confirmAction } from './confirm.js';
import { networkOptions } from './networks.js';
import { poolBar } from './pool-bar.js';
import { siteMap } from './site-map.js';
import { watchProgress } from './progress.js';

const REFRESH_MS = 5000;

export async function showService(main, ctx, id) {
  const facts = h('div', { id: 'service-facts' });
  const status = h('div', { id: 'service-status', class: 'notice progress', role: 'status' });
  const problem = h('div', { id: 'service-problem', class: 'alert', role: 'alert', tabindex: '-1' });
  const changes = h('section', { id: 'service-changes', 'aria-labelledby': 'changes-title' });
  put(main, h('p', {}, h('a', { href: '#/services' }, '← All services')), facts, status, problem, changes);

  let service = null;
  let parts = null;
  let busy = false;
  let addForm = null;

  /** Reads the service again; the timer's reads leave the page alone while the keyboard is in it. */
  async function load(force = true) {
    try {
      const [fresh, sites, health] = await Promise.all([api.service(id), api.serviceSites(id),
        api.health().catch(() => ({ peers: [] }))]);
      service = fresh;
      parts = withPeerHealth(sites, health);
      const focused = facts.contains(document.activeElement);
      if (force || !focused) {
        drawFacts();
        if (focused) facts.querySelector('h1').focus();
      }
      if (!addForm) addForm = buildAddForm();
      addForm.sync();
    } catch (error) {
      if (error.status === 404) {
        put(facts, h('h1', {}, 'Service not found'),
          h('p', {}, `No service ${id} at ${ctx.region} (it may have been deleted). `, h('a', { href: '#/services' }, 'All services')));
        put(changes);
        return false;
      }
      problem.textContent = `The service could not be read: ${error.message}`;
    }
    return true;
  }

  /** A site the part could not be read from, or that the last probe found down, is drawn unreachable. */
  function withPeerHealth(sites, health) {
    const downPeers = new Set((health.peers || []).filter(p => !p.reachable).map(p => p.region));
    return sites.sites.map(part => ({ ...part, down: !part.reachable || downPeers.has(part.region) }));
  }

  function drawFacts() {
    const kind = service.type === 'L2' ? 'L2 extension' : 'L3 routing';
    const ordered = sitesOf(service).map(region => parts.find(p => p.region === region)
      || { region, master: region === service.master, down: true, error: 'not described' });
    put(facts, 
      h('h1', { tabindex: '-1' }, service.name || service.global_id),
      h('p', { class: 'subtitle' }, `${kind} · `, h('span', { class: `badge state-${service.state}`, id: 'service-state' }, service.state),
        ` · master ${service.master}${service.master === ctx.region ? ' (this site)' : ''} · created `,
        h('span', { title: exactTime(service.created_at) }, `${age(service.created_at)} ago`),
        ' · id ', h('code', {}, service.global_id)),
      h('div', { class: 'actions' },
        h('button', { type: 'button', class: 'danger', id: 'delete-service', onclick: deleteService }, 'Delete service…')),
      h('h2', {}, 'Sites'),
      h('div', { class: 'columns' },
        siteMap(ordered.map(p => ({ region: p.region, master: p.master, down: p.down })), service.type,
          `Sites of ${service.name}`),
        sitesTable(ordered)),
      service.type === 'L2' ? addressSpace(ordered) : null,
      pendingOperations());
  }

  function sitesTable(ordered) {
    return h('div', { class: 'table-scroll' }, h('table', { id: 'service-sites' },
      h('caption', {}, 'Each site as it describes its part now'),
      h('thead', {}, h('tr', {}, ['Site', 'Network', 'CIDRs', service.type === 'L2' ? 'Pools (used / size)' : null, '']
        .filter(title => title !== null)
        .map(title => h('th', { scope: 'col' }, title || h('span', { class: 'visually-hidden' }, 'Actions'))))),
      h('tbody', {}, ordered.map(part => h('tr', { dataset: { region: part.region } },
        h('th', { scope: 'row' }, part.region, part.master ? h('span', { class: 'hint' }, ' master') : null,
          part.region === ctx.region ? h('span', { class: 'hint' }, ' (this site)') : null,
          part.error ? null : h('div', {}, part.down ? h('span', { class: 'badge bad' }, 'unreachable')
            : h('span', { class: `badge state-${part.state}` }, part.state))),
        part.error
          ? h('td', { colspan: service.type === 'L2' ? 3 : 2 }, h('span', { class: 'badge bad' }, part.down ? 'unreachable' : 'refused'), ' ', part.error)
          : [
            h('td', {}, h('code', { class: 'network-id' }, part.network || '—')),
            h('td', {}, (part.cidrs || []).join(', ')),
            service.type === 'L2' ? h('td', {},
              `${(part.pools || []).map(p => `${p.start}–${p.end}`).join(', ')} (${part.ports_used ?? '?'} / ${part.pool_size ?? 0})`) : null,
          ],
        h('td', {}, part.master ? '' : h('button', { type: 'button', class: 'secondary', id: `remove-${part.region}`,
          'aria-label': `Remove ${part.region} from ${service.name}`, onclick: () => removeSite(part.region) }, 'Remove…')))))));
  }

  function addressSpace(ordered) {
    return h('section', { id: 'address-space', 'aria-labelledby': 'address-space-title' },
      h('h2', { id: 'address-space-title' }, `Address space ${service.params && service.params.cidr ? service.params.cidr : ''}`),
      h('div', { class: 'panel' }, poolBar(service.params ? service.params.cidr : '', ordered)));
  }

  function pendingOperations() {
    const ops = service.pending_operations || [];
    return h('section', { id: 'pending', 'aria-labelledby': 'pending-title' },
      h('h2', { id: 'pending-title' }, 'Pending operation'),
      ops.length ? ops.map(op => h('div', { class: 'panel' },
        h('p', {}, h('strong', {}, op.kind.toLowerCase().replaceAll('_', ' ')), ` — ${op.phase.toLowerCase()}, started `,
          `${age(op.created_at)} ago`),
        op.revoked_because ? h('p', { class: 'alert' }, `Revoked because: ${op.revoked_because.message}`
          + `${op.revoked_because.region ? ` (at ${op.revoked_because.region})` : ''}`) : null,
        (op.pending_steps || []).length ? h('ul', {}, op.pending_steps.map(step => h('li', {},
          `${step.region}: ${step.action.toLowerCase().replaceAll('_', ' ')}, tried ${step.attempts}×`,
          step.last_error ? ` — last error: ${step.last_error}` : '',
          step.next_attempt ? ` — next try ${exactTime(step.next_attempt)}` : ''))) : null))
        : h('p', { class: 'empty' }, 'None: every site has what the service asks of it.'));
  }

  // --- adding a site ---
  function buildAddForm() {
    const siteSelect = h('select', { id: 'add-site', 'aria-describedby': 'error-add-site' });
    const networkSelect = h('select', { id: 'add-network', 'aria-describedby': 'error-add-network' });
    const networkField = h('div', { class: 'field' }, h('label', { for: 'add-network' }, 'Network there'), networkSelect,
      h('p', { id: 'error-add-network', class: 'field-error' }));
    const siteError = h('p', { id: 'error-add-site', class: 'field-error' });
    const submit = h('button', { type: 'submit', id: 'add-submit' }, 'Add site…');
    const form = h('form', { id: 'add-form', class: 'panel', novalidate: true },
      h('div', { class: 'toolbar' },
        h('div', { class: 'field' }, h('label', { for: 'add-site' }, 'Site'), siteSelect, siteError),
        networkField,
        h('div', { class: 'field' }, submit)),
      h('p', { class: 'hint', id: 'add-hint' }));
    put(changes, h('h2', { id: 'changes-title' }, 'Add a site'), form);
    const cache = new Map();
    let known = [];
    let offered = null;

    const fieldFor = key => (key === 'network' ? [networkSelect, networkField.querySelector('.field-error')] : [siteSelect, siteError]);
    const clear = () => {
      for (const key of ['site', 'network']) {
        const [control, error] = fieldFor(key);
        control.removeAttribute('aria-invalid');
        error.textContent = '';
      }
    };
    const fail = (key, message) => {
      const [control, error] = fieldFor(key);
      control.setAttribute('aria-invalid', 'true');
      error.textContent = message;
    };

    async function loadNetworks() {
      const region = siteSelect.value;
      networkField.hidden = service.type !== 'L3' || !region;
      if (networkField.hidden) return;
      networkSelect.disabled = true;
      put(networkSelect, h('option', { value: '' }, `reading ${region}'s networks…`));
      try {
        if (!cache.has(region)) cache.set(region, await api.networks(region));
        put(networkSelect, h('option', { value: '' }, '— choose a network —'),
          networkOptions(cache.get(region).filter(n => n.shared || n.project === service.project), ctx.user.admin));
        networkSelect.disabled = false;
      } catch (error) {
        put(networkSelect, h('option', { value: '' }, 'not available'));
        fail('network', `${region}'s networks could not be read: ${error.message}`);
      }
    }

    siteSelect.addEventListener('change', () => { clear(); loadNetworks(); });
    networkSelect.addEventListener('change', clear);

    form.addEventListener('submit', async event => {
      event.preventDefault();
      clear();
      problem.textContent = '';
      const region = siteSelect.value;
      if (!region) return fail('site', 'Pick the site to add.');
      if (service.type === 'L3' && !networkSelect.value) {
        networkSelect.focus();
        return fail('network', `Pick the network at ${region} to route.`);
      }
      const added = service.type === 'L3' ? { region, network: networkSelect.value } : { region };
      const ok = await confirmAction({ title: `Add ${region} to ${service.name}?`, confirm: `Add ${region}`,
        text: service.type === 'L3' ? `${region}'s network will be routed with the service's other networks.`
          : `${region} gets a network with the same CIDR and a pool of its own.` });
      if (!ok) return undefined;
      const resources = [...service.resources.map(r => (r.network ? { region: r.region, network: r.network } : { region: r.region })), added];
      try {
        await change(`Adding ${region}`, resources);
        announce(`${region} added to ${service.name}.`);
        siteSelect.value = '';
        await load();
      } catch (error) {
        const rows = resources.map(r => ({ key: r.region === region ? 'new' : r.region, region: r.region, network: r.network }));
        const keys = fieldsConcerned(error.problem, rows, { resources: 'new' }, ctx.region);
        // An L3 refusal about the added network (an overlap, not found there) belongs to the network field.
        const aboutNetwork = service.type === 'L3' && (/\.network$/.test(error.problem.field || '')
          || (error.problem.detail || '').includes(added.network));
        if (keys.includes('new') || !keys.length) fail(aboutNetwork ? 'network' : 'site', error.message);
        put(problem, h('strong', {}, `${region} was not added. `), describe(error),
          h('p', {}, 'The service is as it was.'));
        (networkSelect.getAttribute('aria-invalid') ? networkSelect : siteSelect).focus();
      }
      return undefined;
    });

    return {
      /** Offers the known peers that are not yet sites of the service; keeps the user's choice. */
      async sync() {
        if (!known.length) {
          known = ((await api.health().catch(() => ({ peers: [] }))).peers || []).map(p => p.region).sort();
        }
        const chosen = siteSelect.value;
        const candidates = known.filter(r => !sitesOf(service).includes(r));
        if (candidates.join() === offered && siteSelect.options.length) return;
        offered = candidates.join();
        put(siteSelect, h('option', { value: '' }, candidates.length ? '— choose a site —' : 'every known site is in it'),
          candidates.map(r => h('option', { value: r }, r)));
        siteSelect.value = candidates.includes(chosen) ? chosen : '';
        siteSelect.disabled = !candidates.length;
        submit.disabled = !candidates.length || busy;
        networkField.hidden = service.type !== 'L3' || !siteSelect.value;
        form.querySelector('#add-hint').textContent = service.type === 'L3'
          ? 'The site\'s network is read from that site; its CIDRs must not overlap the service\'s.'
          : 'DIMINET creates the network there, with the same CIDR and a pool taken from the master\'s ledger.';
      },
    };
  }

  // --- changes ---
  async function change(title, resources) {
    busy = true;
    const stop = watchProgress(status, { title, sites: resources.map(r => r.region),
      find: services => services.find(s => s.global_id === service.global_id) });
    try {
      await api.update(service.global_id, resources);
    } finally {
      stop();
      busy = false;
    }
  }

  async function removeSite(region) {
    const ok = await confirmAction({ title: `Remove ${region} from ${service.name}?`, confirm: `Remove ${region}`, danger: true,
      text: `${region} leaves the service: its part is removed there${service.type === 'L2'
        ? ' (refused while machines are still on its network) and its pool goes back to the master' : ''}.` });
    if (!ok) return;
    problem.textContent = '';
    const resources = service.resources.filter(r => r.region !== region)
      .map(r => (r.network ? { region: r.region, network: r.network } : { region: r.region }));
    try {
      await change(`Removing ${region}`, resources);
      announce(`${region} removed from ${service.name}.`);
    } catch (error) {
      put(problem, h('strong', {}, `${region} was not removed. `), describe(error));
      problem.focus();
    }
    await load();
  }

  async function deleteService() {
    const ok = await confirmAction({ title: `Delete ${service.name}?`, confirm: 'Delete service', danger: true,
      text: `The service is removed at every site: ${sitesOf(service).join(', ')}. Machines on an extended network must be gone first.` });
    if (!ok) return;
    problem.textContent = '';
    busy = true;
    const stop = watchProgress(status, { title: `Deleting ${service.name}`, sites: sitesOf(service),
      find: services => services.find(s => s.global_id === service.global_id) });
    try {
      const answer = await api.remove(service.global_id);
      stop();
      if (answer.status === 202) {
        put(status, h('p', {}, `${service.name} is being deleted: a site could not be reached yet and`
          + ' its part is removed as soon as it answers (see the pending operation).'));
        await load();
      } else {
        announce(`Service ${service.name} deleted.`);
        ctx.go('#/services');
      }
    } catch (error) {
      stop();
      put(problem, h('strong', {}, `${service.name} was not deleted. `), describe(error));
      problem.focus();
    } finally {
      busy = false;
    }
  }

  if (!await load()) return null;
  const timer = setInterval(() => { if (!busy) load(false); }, REFRESH_MS);
  return () => clearInterval(timer);
}
