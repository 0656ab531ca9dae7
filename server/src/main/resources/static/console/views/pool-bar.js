// An L2 extension's address space drawn as a bar: the shared CIDR from its first address to its last,
// each site's pools where they lie in it, in the site's colour, the darker part standing for how full the
// site is (its machines' ports over its pools' size). A legend with a meter per site says the same in words.
import { h, svg } from '../dom.js';
import { SITE_COLOURS, colourSlot, percent } from '../format.js';

const WIDTH = 1000;
const BAR_TOP = 8;
const BAR_HEIGHT = 34;

/** @param sites the parts of GET …/sites: [{ region, pools: [{start, end, size, from, to}], pool_size, ports_used }] */
export function poolBar(cidr, sites) {
  const regions = sites.map(s => s.region);
  const shapes = [];
  for (const site of sites) {
    const colour = SITE_COLOURS[colourSlot(site.region, regions)];
    const full = site.pool_size ? Math.min(1, (site.ports_used || 0) / site.pool_size) : 0;
    for (const pool of site.pools || []) {
      if (pool.from === null || pool.from === undefined) continue;
      const x = pool.from * WIDTH;
      const width = Math.max(2, (pool.to - pool.from) * WIDTH);
      shapes.push(svg('rect', { x, y: BAR_TOP, width, height: BAR_HEIGHT, fill: colour, 'fill-opacity': 0.35,
        stroke: colour, 'stroke-dasharray': site.error ? '6 4' : null, dataset: { region: site.region } }));
      // The share of addresses in use, drawn from the pool's start (pools fill from their low end).
      if (full > 0) {
        shapes.push(svg('rect', { x, y: BAR_TOP, width: Math.max(1.5, width * full), height: BAR_HEIGHT, fill: colour }));
      }
    }
  }
  const bar = svg('svg', { class: 'pool-bar', id: 'pool-bar', viewBox: `0 0 ${WIDTH} ${BAR_TOP + BAR_HEIGHT + 22}`,
    role: 'img', 'aria-labelledby': 'pool-bar-title' },
  svg('title', { id: 'pool-bar-title' }, `Address space of ${cidr}: each site's pools and how full they are`),
  svg('rect', { class: 'free', x: 0, y: BAR_TOP, width: WIDTH, height: BAR_HEIGHT }),
  shapes,
  svg('text', { x: 0, y: BAR_TOP + BAR_HEIGHT + 16 }, firstOf(cidr)),
  svg('text', { x: WIDTH, y: BAR_TOP + BAR_HEIGHT + 16, 'text-anchor': 'end' }, `${cidr} (unshaded: not given to any site)`));

  const legend = h('ul', { class: 'legend', id: 'pool-legend' }, sites.map(site => {
    const known = site.ports_used !== null && site.ports_used !== undefined;
    const used = site.ports_used || 0;
    const size = site.pool_size || 0;
    return h('li', { dataset: { region: site.region } },
      h('span', { class: `swatch swatch-${colourSlot(site.region, regions)}`, 'aria-hidden': 'true' }),
      h('span', {}, h('strong', {}, site.region), ' ',
        (site.pools || []).map(p => `${p.start}–${p.end}`).join(', ') || (site.error ? 'not known now' : 'no pool'),
        usage(site, known, used, size)),
      size && known ? h('meter', { min: 0, max: size, value: used, 'aria-label': `${site.region}: ${used} of ${size} used` }) : null);
  }));
  return [bar, legend];
}

function usage(site, known, used, size) {
  if (!size) return '';
  if (known) return `: ${used} of ${size} addresses used (${percent(used, size)}) `;
  if (site.error) return `: ${size} addresses (the master's ledger); how many are used is not known now`;
  return `: ${size} addresses; how many are used is counted at ${site.region}'s own console`;
}

function firstOf(cidr) {
  return cidr.split('/')[0];
}
