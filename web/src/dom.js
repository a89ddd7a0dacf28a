// Building DOM without HTML strings: every string becomes a text node, so
// text from data (a document's `<script>`) is shown, never run.
export function h(tag, props = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(props || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') el.className = v;
    else if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else if (k === 'dataset') Object.assign(el.dataset, v);
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  append(el, children);
  return el;
}

export function append(el, ...children) {
  for (const c of children.flat(Infinity)) {
    if (c === undefined || c === null || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

export function clear(el) {
  while (el.firstChild) el.removeChild(el.firstChild);
  return el;
}

// Marks the query's words in a text (case-insensitive) with <mark>, as text nodes.
export function highlight(text, words) {
  const parts = [];
  const terms = words.filter((w) => w.length > 1).map((w) => w.toLowerCase());
  if (!terms.length) return [text];
  const lower = text.toLowerCase();
  let at = 0;
  while (at < text.length) {
    let best = -1, len = 0;
    for (const t of terms) {
      const i = lower.indexOf(t, at);
      if (i >= 0 && (best < 0 || i < best)) { best = i; len = t.length; }
    }
    if (best < 0) break;
    if (best > at) parts.push(text.slice(at, best));
    parts.push(h('mark', { class: 'term' }, text.slice(best, best + len)));
    at = best + len;
  }
  if (at < text.length) parts.push(text.slice(at));
  return parts;
}

// "memorandum_of_understanding" -> "memorandum of understanding"
export function human(id) {
  return String(id ?? '').replace(/_/g, ' ');
}
