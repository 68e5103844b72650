// The discrete view's state and the pure rules that change it: presets,
// moving one bar while the others make room, adding and removing outcomes,
// a distribution typed as text, normalising. Its URL and attribute form is
// in url.js. No DOM here.
import { parseNumber } from '../../input.js';
import { clamp } from '../../util.js';

export const MIN_OUTCOMES = 2;
export const MAX_OUTCOMES = 20;
export const MAX_LABEL_LENGTH = 40;

export const letters = (n) => Array.from({ length: n }, (_, i) => String.fromCharCode(65 + i));
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

/** P and Q swapped, each keeping its locks. */
export const swapped = (state) => ({ ...state, p: state.q, q: state.p, locked: { p: state.locked.q, q: state.locked.p } });

/** Outcome i of `dist` locked if it was free, free if it was locked. */
export function toggledLock(state, dist, i) {
  const locked = state.locked[dist].map((l, j) => (j === i ? !l : l));
  return { ...state, locked: { ...state.locked, [dist]: locked } };
}

const total = (values) => values.reduce((s, v) => s + v, 0);

/** Whether values sum to 1, up to the rounding of decimals typed by hand ("0.6, 0.3, 0.1" sums to 0.9999999999999999). */
export const sumsToOne = (values) => Math.abs(total(values) - 1) <= 1e-9;

// The entries of a typed list: separated by commas, or by semicolons (then a
// comma may be the decimal mark, "0,6; 0,4"), or by spaces alone.
function entries(text) {
  if (text.includes(';')) return text.split(';').map((part) => part.replace(',', '.'));
  return text.includes(',') ? text.split(',') : text.split(/\s+/);
}

/**
 * A distribution typed as text (see entries()): probabilities or counts.
 * Returns { values } divided by their sum unless it is 1 already (then
 * exactly as typed), and `divided` the sum it was divided by (null if not);
 * or { problem } in words ("entry 2 is not a number").
 */
export function parseDistributionText(text) {
  const trimmed = String(text).trim().replace(/[,;]\s*$/, ''); // a trailing separator is harmless
  if (!trimmed) return { problem: 'it is empty' };
  const parts = entries(trimmed);
  if (parts.length < MIN_OUTCOMES || parts.length > MAX_OUTCOMES) {
    return { problem: `it has ${parts.length} ${parts.length === 1 ? 'entry' : 'entries'}; give ${MIN_OUTCOMES} to ${MAX_OUTCOMES}` };
  }
  const values = [];
  for (const [i, part] of parts.entries()) {
    const v = parseNumber(part);
    if (part.trim() === '') return { problem: `entry ${i + 1} is empty` };
    if (!Number.isFinite(v)) return { problem: `entry ${i + 1} is not a number (“${part.trim().slice(0, 20)}”)` };
    if (v < 0) return { problem: `entry ${i + 1} is negative` };
    values.push(v);
  }
  const sum = total(values);
  if (!(sum > 0)) return { problem: 'all entries are 0' };
  if (!Number.isFinite(sum)) return { problem: 'the entries are too large' };
  return sumsToOne(values) ? { values, divided: null } : { values: values.map((v) => v / sum), divided: sum };
}

/**
 * Values divided so they sum to 1 (unchanged if they do): locked ones keep
 * their value and the free ones share what is left in proportion, when they
 * can; otherwise all are divided by their sum.
 */
export function normalised(values, locked) {
  if (sumsToOne(values)) return values;
  const lockedMass = total(values.filter((_, j) => locked[j]));
  const freeMass = total(values.filter((_, j) => !locked[j]));
  if (freeMass > 0 && lockedMass <= 1) return values.map((v, j) => (locked[j] ? v : (v / freeMass) * (1 - lockedMass)));
  const sum = total(values);
  return values.map((v) => v / sum);
}

/** The state with P and Q replaced by `p` and `q` (of one length); labels and locks follow a new number of outcomes. */
export function withDistributions(state, p, q) {
  const n = p.length, fit = (list, fill) => Array.from({ length: n }, (_, i) => (i < list.length ? list[i] : fill(i)));
  const labels = fit(state.labels, () => null);
  for (const [i, label] of labels.entries()) if (label === null) labels[i] = nextLabel(labels.filter((l) => l !== null));
  return { ...state, labels, p, q, locked: { p: fit(state.locked.p, () => false), q: fit(state.locked.q, () => false) } };
}
