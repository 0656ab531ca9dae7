// Calls to this site's API with the signed-in user's token. Errors come back as ApiError holding the
// RFC 9457 problem the site answered (status, problem, detail, field, region).
import { forget, token } from './session.js';

export class ApiError extends Error {
  constructor(status, problem, fallback) {
    super((problem && (problem.detail || problem.title)) || fallback || `HTTP ${status}`);
    this.status = status;
    this.problem = problem || {};
  }

  /** The short problem name (e.g. cidr-overlap), or the HTTP status when the answer was not a problem. */
  get kind() {
    return this.problem.problem || `http-${this.status}`;
  }
}

/** Set by the console: what to do when the site no longer accepts the token. */
let onSignedOut = () => {};
export function whenSignedOut(handler) {
  onSignedOut = handler;
}

export async function call(method, path, body) {
  const headers = { Accept: 'application/json' };
  const current = token();
  if (current) headers['X-Auth-Token'] = current;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      cache: 'no-store',
    });
  } catch {
    throw new ApiError(0, { detail: 'This site did not answer (is it running, is the network up?).' });
  }
  const text = await response.text();
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  if (response.status === 401 && current) {
    forget();
    onSignedOut('Your session has ended (the token expired or was revoked). Please sign in again.');
  }
  if (!response.ok) throw new ApiError(response.status, json, text);
  return { status: response.status, body: json };
}

export const api = {
  region: () => call('GET', '/api/region').then(r => r.body.name),
  health: () => call('GET', '/api/health').then(r => r.body),
  services: () => call('GET', '/api/intersite-vertical').then(r => r.body),
  service: id => call('GET', `/api/intersite-vertical/${encodeURIComponent(id)}`).then(r => r.body),
  serviceSites: id => call('GET', `/api/intersite-vertical/${encodeURIComponent(id)}/sites`).then(r => r.body),
  create: body => call('POST', '/api/intersite-vertical', body),
  update: (id, resources) => call('PUT', `/api/intersite-vertical/${encodeURIComponent(id)}`, { resources }),
  remove: id => call('DELETE', `/api/intersite-vertical/${encodeURIComponent(id)}`),
  networks: region => call('GET', `/api/networks${region ? `?region=${encodeURIComponent(region)}` : ''}`)
    .then(r => r.body.networks),
};
