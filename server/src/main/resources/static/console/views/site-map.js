// A service's sites drawn as a small map: a node per site, a line per link (every site of a service
// exchanges routes or addresses with every other), the master ringed, a site that cannot be reached
// drawn dashed and said so. The same facts are in the sites table beside it, for screen readers too.
import { svg } from '../dom.js';
import { SITE_COLOURS, colourSlot } from '../format.js';

const WIDTH = 400;
const RADIUS = 24;

/**
 * @param sites [{ region, master, down }] in drawing order
 * @param kind  'L2' or 'L3'
 */
export function siteMap(sites, kind, title) {
  const places = layout(sites.length);
  // Two sites side by side need less height than a ring of three or more.
  const height = sites.length <= 2 ? 210 : 330;
  const regions = sites.map(s => s.region);
  const links = [];
  for (let i = 0; i < sites.length; i++) {
    for (let j = i + 1; j < sites.length; j++) {
      links.push(svg('line', {
        class: `link${sites[i].down || sites[j].down ? ' down' : ''}`,
        x1: places[i].x, y1: places[i].y, x2: places[j].x, y2: places[j].y,
      }));
    }
  }
  const nodes = sites.map((site, i) => {
    const { x, y } = places[i];
    const lines = [[site.region, null], site.master ? ['master', 'role'] : null, site.down ? ['unreachable', 'down'] : null]
      .filter(Boolean);
    // Labels go on the outer side of the ring: above a node in its upper part, below the others, off the links.
    const above = sites.length > 2 && y < places.reduce((sum, p) => sum + p.y, 0) / places.length - 10;
    const first = above ? y - RADIUS - 12 - 17 * (lines.length - 1) : y + RADIUS + 20;
    return svg('g', { class: `node${site.down ? ' down' : ''}`, dataset: { region: site.region } },
      site.master ? svg('circle', { class: 'master-ring', cx: x, cy: y, r: RADIUS + 6 }) : null,
      svg('circle', { cx: x, cy: y, r: RADIUS, fill: SITE_COLOURS[colourSlot(site.region, regions)] }),
      lines.map(([text, kind], line) => svg('text', { x, y: first + 17 * line, 'text-anchor': 'middle', class: kind }, text)));
  });
  const master = sites.find(s => s.master);
  const down = sites.filter(s => s.down).map(s => s.region);
  const description = `${kind === 'L2' ? 'L2 extension' : 'L3 routing'} linking ${regions.join(', ')}`
    + `${master ? `; master ${master.region}` : ''}${down.length ? `; unreachable: ${down.join(', ')}` : '; every site reachable'}.`;
  return svg('svg', {
    class: 'site-map', id: 'site-map', viewBox: `0 0 ${WIDTH} ${height}`, role: 'img',
    'aria-labelledby': 'site-map-title site-map-desc',
  },
  svg('title', { id: 'site-map-title' }, title),
  svg('desc', { id: 'site-map-desc' }, description),
  links, nodes);
}

function layout(count) {
  if (count <= 1) return [{ x: WIDTH / 2, y: 90 }];
  if (count === 2) return [{ x: 100, y: 90 }, { x: 300, y: 90 }];
  const centre = { x: WIDTH / 2, y: 170 };
  const radius = 95;
  return Array.from({ length: count }, (_, i) => {
    const angle = -Math.PI / 2 + (2 * Math.PI * i) / count;
    return { x: Math.round(centre.x + radius * Math.cos(angle) * 1.35), y: Math.round(centre.y + radius * Math.sin(angle)) };
  });
}
