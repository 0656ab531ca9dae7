// Where a site's refusal belongs in a form. The North API's problems name a field for bad input
// (name, type, resources[2].network); a refusal found later (an overlap, a network missing at a site,
// a site that did not answer) names the site in `region` and the networks and sites in its text. The
// message goes next to every field it concerns, and to the form's summary anyway.

const RESOURCE_FIELD = /^(?:resources|subresources)\[(\d+)\]/;

/**
 * @param problem   the problem details the site answered
 * @param resources the form's resource rows in the order they were sent: [{ key, region, network }]
 * @param fields    other form fields by the API's field name: { name: 'name', type: 'type', resources: 'sites' }
 * @param localRegion this site's region: a problem the master reports about itself names it by default,
 *                  so it counts only when nothing more precise matches
 * @returns the keys of the fields the problem concerns (maybe none)
 */
export function fieldsConcerned(problem, resources, fields, localRegion) {
  const field = problem.field || '';
  const indexed = RESOURCE_FIELD.exec(field);
  if (indexed) {
    const row = resources[Number(indexed[1])];
    if (row) return [row.key];
  }
  if (fields[field]) return [fields[field]];

  const detail = problem.detail || '';
  const byNetwork = resources.filter(r => r.network && detail.includes(r.network));
  if (byNetwork.length) return byNetwork.map(r => r.key);

  const named = resources.filter(r => r.region && new RegExp(`\\b${escape(r.region)}\\b`).test(detail));
  const namedRemote = named.filter(r => r.region !== localRegion);
  if (namedRemote.length) return namedRemote.map(r => r.key);
  if (problem.region && problem.region !== localRegion) {
    const row = resources.find(r => r.region === problem.region);
    if (row) return [row.key];
  }
  if (named.length) return named.map(r => r.key);
  return field && fields[field.split(/[.[]/)[0]] ? [fields[field.split(/[.[]/)[0]]] : [];
}

function escape(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** One line for a problem: its text, its HTTP status and short name, and the site it comes from. */
export function describe(error) {
  const problem = error.problem || {};
  const where = problem.region ? `, at ${problem.region}` : '';
  return `${error.message} (HTTP ${error.status}${problem.problem ? ` ${problem.problem}` : ''}${where})`;
}
