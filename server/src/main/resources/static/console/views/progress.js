// Progress while the sites work on a request: the time it has taken, and, read from this site every
// second, which sites the operation still waits for and why (attempts, last error).
import { api } from '../api.js';
import { h, put } from '../dom.js';

const POLL_MS = 1000;

/**
 * @param panel where to show it
 * @param title what is being done
 * @param sites the sites the request involves
 * @param find  picks the service being worked on from this site's list (or null while it is not there)
 * @returns a function that stops watching and empties the panel
 */
export function watchProgress(panel, { title, sites, find }) {
  const started = Date.now();
  const clock = h('span', {}, '0 s');
  const steps = h('ul', { id: 'progress-steps' });
  put(panel, 
    h('p', {}, h('span', { class: 'spinner', 'aria-hidden': 'true' }), h('strong', {}, title), ' — ', clock),
    h('p', {}, `The sites involved: ${sites.join(', ')}. Each checks and builds its part; the request answers when all are done, or when one refuses and everything made is taken back.`),
    steps);
  let stopped = false;

  const tick = setInterval(() => { clock.textContent = `${Math.round((Date.now() - started) / 1000)} s`; }, 500);
  const poll = setInterval(async () => {
    try {
      const service = find(await api.services());
      if (stopped || !service) return;
      const pending = (service.pending_operations || []).flatMap(op => op.pending_steps || []);
      put(steps, ...pending.map(step => h('li', {},
        `${step.region}: ${step.action.toLowerCase().replaceAll('_', ' ')}`,
        step.attempts ? `, tried ${step.attempts}×` : '',
        step.last_error ? ` — last error: ${step.last_error}` : '')));
    } catch {
      // Progress is a courtesy: the request's own answer says how it ended.
    }
  }, POLL_MS);

  return () => {
    stopped = true;
    clearInterval(tick);
    clearInterval(poll);
    put(panel);
  };
}
