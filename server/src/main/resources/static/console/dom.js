// Builds DOM nodes from data. Text always goes in as text nodes, never as HTML, so nothing a site or a
// user typed can become markup.

const SVG_NS = 'http://www.w3.org/2000/svg';

export function h(tag, attrs, ...children) {
  return fill(document.createElement(tag), attrs, children);
}

export function svg(tag, attrs, ...children) {
  return fill(document.createElementNS(SVG_NS, tag), attrs, children);
}

function fill(el, attrs, children) {
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === 'class') el.setAttribute('class', value);
    else if (key === 'dataset') Object.assign(el.dataset, value);
    else if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2), value);
    else if (key === 'value' && 'value' in el) el.value = value;
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

/** Says something to screen-reader users without moving their focus. */
export function announce(text) {
  const announcer = document.getElementById('announcer');
  announcer.textContent = '';
  // A fresh text node after a tick, so the same message twice is read twice.
  setTimeout(() => { announcer.textContent = text; }, 30);
}

/** A short unique id for label/field pairs. */
let counter = 0;
export function uid(prefix) {
  counter += 1;
  return `${prefix}-${counter}`;
}

/** Replaces an element's children (arrays flattened, nothing null), as h() fills a new one. */
export function put(el, ...children) {
  el.replaceChildren();
  return fill(el, null, children);
}

/** Appends children to an element (arrays flattened, nothing null). */
export function add(el, ...children) {
  return fill(el, null, children);
}
