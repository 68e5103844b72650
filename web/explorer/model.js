// The explorer's state and the pure rules that change it: presets, moving one
// bar while the others make room, adding and removing outcomes, and the URL
// form of the state (which is untrusted input).

export const MIN_OUTCOMES = 2;
export const MAX_OUTCOMES = 20;
export const MAX_LABEL_LENGTH = 40;
export const UNITS = { nats: Math.E, bits: 2, hartleys: 10 };

const letters = (n) => Array.from({ length: n }, (_, i) => String.fromCharCode(65 + i));
const uniform = (n) => new Array(n).fill(1 / n);

export const PRESETS = {
  three: { name: 'Three outcomes', labels: letters(3), p: [0.6, 0.3, 0.1], q: [0.5, 0.4, 0.1] },
  weather: { name: 'Weather', labels: ['rain', 'no rain'], p: [0.8, 0.2], q: [0.5, 0.5] },
  identical: { name: 'Identical', labels: letters(4), p: [0.1, 0.2, 0.3, 0.4], q: [0.1, 0.2, 0.3, 0.4] },
  'uniform-peaked': { name: 'Uniform vs peaked', labels: letters(4), p: uniform(4), q: [0.7, 0.1, 0.1, 0.1] },
  disjoint: { name: 'Disjoint support', labels: ['heads', 'tails'], p: [1, 0], q: [0, 1] },
  // A one-hot label against a model trained with label smoothing (epsilon = 0.1).
  'label-smoothing': {
    name: 'One-hot vs smoothed', labels: ['cat', 'dog', 'bird', 'fish'],
    p: [1, 0, 0, 0], q: [0.925, 0.025, 0.025, 0.025],
  },
};
export const DEFAULT_PRESET = 'three';

/** A fresh state from a preset: nothing locked, the given units. */
export function fromPreset(key, units = 'nats') {
  const { labels, p, q } = PRESETS[key];
  return {
    labels: [...labels], p: [...p], q: [...q], units,
    locked: { p: p.map(() => false), q: q.map(() => false) },
  };
}

export const clamp = (v, lo, hi) => Math.min(hi, Math.max(lo, v));

/**
 * Sets values[i] to target, keeping the sum 1: locked entries keep their
 * value, the other free ones are rescaled in proportion (or share equally if
 * they are all 0). Returns the new array, or null if entry i cannot move.
 */
export function setProbability(values, locked, i, target) {
  const others = values.map((_, j) => j).filter((j) => j !== i);
  const free = others.filter((j) => !locked[j]);
  if (locked[i] || free.length === 0) return null;
  const room = 1 - others.filter((j) => locked[j]).reduce((s, j) => s + values[j], 0);
  const v = clamp(target, 0, room);
  const freeMass = free.reduce((s, j) => s + values[j], 0);
  const out = values.slice();
  out[i] = v;
  // values[j] / freeMass first: with subnormal masses, values[j] * (room - v) would underflow and lose the mass.
  for (const j of free) out[j] = freeMass > 0 ? (values[j] / freeMass) * (room - v) : (room - v) / free.length;
  return out;
}

/** The largest value entry i may take (the mass not held by locked entries). */
export function maxProbability(values, locked, i) {
  return 1 - values.reduce((s, v, j) => (j !== i && locked[j] ? s + v : s), 0);
}

const nextLabel = (labels) => letters(MAX_OUTCOMES).find((l) => !labels.includes(l)) ?? `#${labels.length + 1}`;

/** Adds an outcome holding 1/(n+1) of each distribution (as far as locks allow). */
export function addOutcome(state) {
  if (state.p.length >= MAX_OUTCOMES) return state;
  const n = state.p.length;
  const grow = (dist) => {
    const locked = [...state.locked[dist], false];
    return setProbability([...state[dist], 0], locked, n, 1 / (n + 1)) ?? [...state[dist], 0];
  };
  return {
    ...state, labels: [...state.labels, nextLabel(state.labels)], p: grow('p'), q: grow('q'),
    locked: { p: [...state.locked.p, false], q: [...state.locked.q, false] },
  };
}

/** Removes outcome i and rescales what is left to sum 1. */
export function removeOutcome(state, i) {
  if (state.p.length <= MIN_OUTCOMES) return state;
  const without = (a) => a.filter((_, j) => j !== i);
  const renormalise = (a) => {
    const s = a.reduce((x, y) => x + y, 0);
    return s > 0 ? a.map((v) => v / s) : uniform(a.length);
  };
  return {
    ...state, labels: without(state.labels), p: renormalise(without(state.p)), q: renormalise(without(state.q)),
    locked: { p: without(state.locked.p), q: without(state.locked.q) },
  };
}

/**
 * Labels are plain text: control characters dropped, length capped without
 * cutting a character in half (half an emoji is a lone surrogate, which
 * encodeURIComponent refuses: the page could not write its address).
 */
export function cleanLabel(text) {
  const capped = String(text).replace(/[\u0000-\u001f\u007f]/g, '').slice(0, MAX_LABEL_LENGTH); // eslint-disable-line no-control-regex
  return /[\ud800-\udbff]$/.test(capped) ? capped.slice(0, -1) : capped;
}

/** The query string of a state: ?p=…&q=…&label=…&units=… (exact numbers). */
export function toQuery(state) {
  const labels = state.labels.map((l) => `label=${encodeURIComponent(l)}`).join('&');
  return `?p=${state.p.map(String).join(',')}&q=${state.q.map(String).join(',')}&${labels}&units=${state.units}`;
}

// A distribution from the URL: 2 to 20 finite nonnegative numbers, not all 0,
// normalised. Returns [values] or [null, reason].
function parseDistribution(text, name) {
  if (text === null) return [null, `${name} is missing`];
  if (text.length > 2000) return [null, `${name} is too long`];
  const parts = text.split(',');
  if (parts.length < MIN_OUTCOMES || parts.length > MAX_OUTCOMES) {
    return [null, `${name} needs ${MIN_OUTCOMES} to ${MAX_OUTCOMES} values`];
  }
  const values = [];
  for (const [i, part] of parts.entries()) {
    const v = /^\s*[0-9.eE+-]+\s*$/.test(part) ? Number(part) : NaN;
    if (!Number.isFinite(v) || v < 0) return [null, `${name} value ${i + 1} is not a nonnegative number`];
    values.push(v);
  }
  const sum = values.reduce((s, v) => s + v, 0);
  if (!(sum > 0 && Number.isFinite(sum))) return [null, `${name} does not add up to a positive total`];
  // Counts are normalised; a sum that is 1 up to rounding is kept as written,
  // so the page's own links load back exactly.
  return [Math.abs(sum - 1) <= 1e-9 ? values : values.map((v) => v / sum)];
}

/**
 * The state that untrusted parts ask for (from a URL or an element's
 * attributes): p and q as comma-separated text or null, labels as a list or
 * null, units as text or null. Anything unusable falls back to the default;
 * `problems` says what, in words for a visible note.
 */
export function fromParts({ p: pText, q: qText, labels: labelList, units: unitsText }) {
  const problems = [];
  let units = unitsText ?? 'nats';
  if (!Object.hasOwn(UNITS, units)) {
    problems.push('the units were not nats, bits or hartleys');
    units = 'nats';
  }
  if (pText === null && qText === null) { // the default P and Q, with labels for them if they fit
    const state = fromPreset(DEFAULT_PRESET, units);
    if (labelList && labelList.length === state.p.length) state.labels = labelList.map(cleanLabel);
    else if (labelList) problems.push(`${labelList.length} labels were given for the ${state.p.length} outcomes of the default`);
    return { state, problems };
  }

  const [p, pProblem] = parseDistribution(pText, 'P');
  const [q, qProblem] = parseDistribution(qText, 'Q');
  const outcomes = p ? p.length : pText === null ? 0 : pText.split(',').length;
  if (labelList && labelList.length !== outcomes) problems.push(`${labelList.length} labels were given for ${outcomes} outcomes`);
  if (!p || !q || p.length !== q.length) {
    problems.push(...[pProblem, qProblem].filter(Boolean));
    if (p && q) problems.push('P and Q have different numbers of values');
    return { state: fromPreset(DEFAULT_PRESET, units), problems };
  }
  let labels = (labelList ?? []).map(cleanLabel);
  if (labels.length !== p.length) labels = letters(p.length);
  return { state: { labels, p, q, units, locked: { p: p.map(() => false), q: q.map(() => false) } }, problems };
}

/** The visible note about untrusted input that could not all be used ('' when it could). */
export function problemNote(source, problems) {
  return problems.length ? `${source}: ${problems.join('; ')}. The default is shown for what could not be used.` : '';
}

/** What is wrong with `names` of a query given more than once (the first is used, the rest said). */
export function repeatedParams(params, names) {
  return names.filter((name) => params.getAll(name).length > 1).map((name) => `${name} was given more than once (the first is used)`);
}

/** The state a query string (?p=…&q=…&label=…&units=…) asks for. */
export function fromQuery(search) {
  const params = new URLSearchParams(search);
  const { state, problems } = fromParts({
    p: params.get('p'), q: params.get('q'), units: params.get('units'),
    labels: params.has('label') ? params.getAll('label') : null,
  });
  return { state, problems: [...problems, ...repeatedParams(params, ['mode', 'p', 'q', 'units'])] };
}

const escapeAttribute = (text) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * What "Share / embed" offers for a state, given the site's base URL: the
 * exact link, a <kl-explorer> snippet and an iframe snippet. Snippet numbers
 * are rounded to 6 digits (the explorer normalises them again); commas
 * cannot appear in a labels attribute, so they become spaces there.
 */
export function shareSnippets(state, base) {
  const round = (values) => values.map((v) => Number(v.toPrecision(6)));
  const rounded = { ...state, p: round(state.p), q: round(state.q) };
  const script = new URL('kl-explorer.js', base).href;
  const attributes = [['p', rounded.p.join(',')], ['q', rounded.q.join(',')],
    ['labels', state.labels.map((l) => l.replace(/,/g, ' ')).join(',')], ['units', state.units]]
    .map(([name, value]) => `${name}="${escapeAttribute(value)}"`).join(' ');
  return {
    link: new URL(toQuery(state), base).href,
    tag: `<script type="module" src="${escapeAttribute(script)}"></script>\n<kl-explorer ${attributes}></kl-explorer>`,
    iframe: `<iframe src="${escapeAttribute(new URL(`embed.html${toQuery(rounded)}`, base).href)}" `
      + 'title="KL divergence explorer" style="width: 100%; border: 0;" height="760" loading="lazy"></iframe>',
  };
}
