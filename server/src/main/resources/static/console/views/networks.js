// A network as an option of a select: its name, its CIDRs, and for an admin (who sees every project's)
// whose it is.
import { h } from '../dom.js';

export function networkOptions(networks, showProject) {
  return networks.map(n => h('option', { value: n.id, dataset: { cidrs: (n.cidrs || []).join(' ') } },
    `${n.name || '(no name)'} — ${(n.cidrs || []).join(', ') || 'no subnet'}`
    + `${showProject ? ` — project ${n.project}` : ''}${n.shared ? ' — shared' : ''} (${n.id.slice(0, 8)}…)`));
}
