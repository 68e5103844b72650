// The discrete view's state and the pure rules that change it: presets,
// moving one bar while the others make room, adding and removing outcomes.
// Its URL and attribute form is in url.js. No DOM here.
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
