// How times, states and numbers read on screen.

export function age(isoTime, now = Date.now()) {
  if (!isoTime) return '';
  const seconds = Math.max(0, Math.round((now - Date.parse(isoTime)) / 1000));
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h ${minutes % 60} min`;
  return `${Math.floor(hours / 24)} days`;
}

export function exactTime(isoTime) {
  return isoTime ? new Date(isoTime).toLocaleString() : '';
}

export function milliseconds(value) {
  return value === null || value === undefined ? '—' : `${value < 10 ? value.toFixed(2) : value.toFixed(0)} ms`;
}

export function percent(part, whole) {
  if (!whole) return '—';
  const value = (100 * part) / whole;
  return `${value < 1 && value > 0 ? value.toFixed(1) : Math.round(value)} %`;
}

/** The sites of a service, master first, in the order the service lists them otherwise. */
export function sitesOf(service) {
  const regions = (service.resources || []).map(r => r.region);
  return [service.master, ...regions.filter(r => r !== service.master)];
}

/** A stable colour slot per region, the same in the map, the pool bar and the legend. */
export function colourSlot(region, allRegions) {
  const sorted = [...allRegions].sort();
  return Math.max(0, sorted.indexOf(region)) % 10;
}

export const SITE_COLOURS = ['#2f6db5', '#c05a1c', '#2a8a55', '#8b4bb5', '#b5325d', '#5f6b7a', '#9a7b12', '#17808a',
  '#6b4a2e', '#4a5fc1'];
