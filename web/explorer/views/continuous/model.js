// The continuous view's state and the pure rules that change it: the
// families P and Q may come from, their parameters (ranges, constraints,
// what dragging a handle on a curve does to them) and the interesting range
// of x. Its URL and attribute form is in url.js. No DOM here, and no
// measure: the densities and every divergence come from the library.
import { clamp } from '../../util.js';

export const MIN_BINS = 2;
export const MAX_BINS = 200;
export const DEFAULT_BINS = 10;

// A parameter: the URL and the sliders accept [min, max]; `log` sliders move
// on a logarithmic scale (positive scale parameters).
const param = (key, symbol, meaning, min, max, log = false) => ({ key, symbol, meaning, min, max, log });
const LOCATION = 20, SCALE = [0.05, 20];

const sq = (v) => v * v;

/**
 * The one-dimensional families. `support(d)` is [a, b] and `open` says whether
 * the ends are excluded; `singular(d)` lists the ends where the density may be
 * infinite; `view(d)` the x range worth plotting; `handles` the points on the
 * curve a reader drags: x(d) where the handle sits, drag(d, x) the parameters
 * that put it at x (clamped later).
 */
export const FAMILIES = {
  normal: {
    name: 'Normal', params: [param('mu', 'μ', 'mean', -LOCATION, LOCATION), param('sigma', 'σ', 'standard deviation', ...SCALE, true)],
    support: () => [-Infinity, Infinity], singular: () => [],
    view: (d) => [d.mu - 4 * d.sigma, d.mu + 4 * d.sigma],
    handles: [
      { id: 'peak', name: 'peak', moves: 'μ', x: (d) => d.mu, drag: (d, x) => ({ ...d, mu: x }) },
      { id: 'shoulder', name: 'shoulder', moves: 'σ', x: (d) => d.mu + d.sigma, drag: (d, x) => ({ ...d, sigma: x - d.mu }) },
    ],
  },
  laplace: {
    name: 'Laplace', params: [param('loc', 'm', 'location', -LOCATION, LOCATION), param('scale', 'b', 'scale', ...SCALE, true)],
    support: () => [-Infinity, Infinity], singular: () => [],
    view: (d) => [d.loc - 6 * d.scale, d.loc + 6 * d.scale],
    handles: [
      { id: 'peak', name: 'peak', moves: 'm', x: (d) => d.loc, drag: (d, x) => ({ ...d, loc: x }) },
      { id: 'shoulder', name: 'shoulder', moves: 'b', x: (d) => d.loc + d.scale, drag: (d, x) => ({ ...d, scale: x - d.loc }) },
    ],
  },
  cauchy: {
    name: 'Cauchy', params: [param('loc', 'x₀', 'location', -LOCATION, LOCATION), param('scale', 'γ', 'scale', ...SCALE, true)],
    support: () => [-Infinity, Infinity], singular: () => [],
    view: (d) => [d.loc - 10 * d.scale, d.loc + 10 * d.scale],
    handles: [
      { id: 'peak', name: 'peak', moves: 'x₀', x: (d) => d.loc, drag: (d, x) => ({ ...d, loc: x }) },
      { id: 'shoulder', name: 'half height', moves: 'γ', x: (d) => d.loc + d.scale, drag: (d, x) => ({ ...d, scale: x - d.loc }) },
    ],
  },
  logNormal: {
    name: 'Log-normal', params: [param('mu', 'μ', 'mean of log x', -3, 3), param('sigma', 'σ', 'standard deviation of log x', 0.05, 3, true)],
    support: () => [0, Infinity], open: true, singular: () => [],
    view: (d) => [0, Math.exp(d.mu + 2.5 * d.sigma)],
    handles: [
      { id: 'peak', name: 'median', moves: 'μ', x: (d) => Math.exp(d.mu), drag: (d, x) => ({ ...d, mu: Math.log(Math.max(x, 1e-9)) }) },
      {
        id: 'shoulder', name: 'shoulder', moves: 'σ', x: (d) => Math.exp(d.mu + d.sigma),
        drag: (d, x) => ({ ...d, sigma: Math.log(Math.max(x, 1e-9)) - d.mu }),
      },
    ],
  },
  exponential: {
    name: 'Exponential', params: [param('rate', 'λ', 'rate', ...SCALE, true)],
    support: () => [0, Infinity], singular: () => [],
    view: (d) => [0, 5 / d.rate],
    handles: [{ id: 'peak', name: 'mean', moves: 'λ', x: (d) => 1 / d.rate, drag: (d, x) => ({ ...d, rate: 1 / Math.max(x, 1e-9) }) }],
  },
  gamma: {
    name: 'Gamma', params: [param('shape', 'k', 'shape', 0.1, 100, true), param('rate', 'β', 'rate', ...SCALE, true)],
    support: () => [0, Infinity], open: true, singular: (d) => (d.shape < 1 ? [0] : []),
    view: (d) => [0, (d.shape + 4 * Math.sqrt(d.shape)) / d.rate],
    handles: [
      // The mean, shape/rate, moves with the shape kept; the shoulder (mean + sd) sets the shape, the mean kept.
      { id: 'peak', name: 'mean', moves: 'β', x: (d) => d.shape / d.rate, drag: (d, x) => ({ ...d, rate: d.shape / Math.max(x, 1e-9) }) },
      {
        id: 'shoulder', name: 'shoulder', moves: 'k', x: (d) => (d.shape + Math.sqrt(d.shape)) / d.rate,
        drag: (d, x) => {
          const mean = d.shape / d.rate, shape = sq(mean / Math.max(x - mean, 1e-9));
          return { shape, rate: shape / mean };
        },
      },
    ],
  },
  beta: {
    name: 'Beta', params: [param('alpha', 'α', 'first shape', 0.1, 100, true), param('beta', 'β', 'second shape', 0.1, 100, true)],
    support: () => [0, 1], open: true, singular: (d) => [...(d.alpha < 1 ? [0] : []), ...(d.beta < 1 ? [1] : [])],
    view: () => [0, 1],
    handles: [
      // The mean moves with alpha + beta kept; the shoulder (mean + sd) sets alpha + beta, the mean kept.
      {
        id: 'peak', name: 'mean', moves: 'α, β', x: (d) => d.alpha / (d.alpha + d.beta),
        drag: (d, x) => {
          const n = d.alpha + d.beta, m = clamp(x, 0.001, 0.999);
          return { alpha: m * n, beta: (1 - m) * n };
        },
      },
      {
        id: 'shoulder', name: 'shoulder', moves: 'α + β',
        x: (d) => {
          const n = d.alpha + d.beta, m = d.alpha / n;
          return m + Math.sqrt((m * (1 - m)) / (n + 1));
        },
        drag: (d, x) => {
          const m = d.alpha / (d.alpha + d.beta), s = Math.max(x - m, 1e-6);
          const n = Math.max((m * (1 - m)) / sq(s) - 1, 0.01);
          return { alpha: m * n, beta: (1 - m) * n };
        },
      },
    ],
  },
  uniform: {
    name: 'Uniform', params: [param('low', 'a', 'lower end', -LOCATION, LOCATION), param('high', 'b', 'upper end', -LOCATION, LOCATION)],
    support: (d) => [d.low, d.high], singular: () => [],
    view: (d) => [d.low - 0.25 * (d.high - d.low), d.high + 0.25 * (d.high - d.low)],
    handles: [
      {
        id: 'peak', name: 'centre', moves: 'a and b', x: (d) => (d.low + d.high) / 2,
        drag: (d, x) => {
          const half = (d.high - d.low) / 2;
          return { low: x - half, high: x + half };
        },
      },
      {
        id: 'shoulder', name: 'upper end', moves: 'the width', x: (d) => d.high,
        drag: (d, x) => {
          const centre = (d.low + d.high) / 2, half = Math.max(x - centre, 0.005);
          return { low: centre - half, high: centre + half };
        },
      },
    ],
  },
};

export const UNIFORM_MIN_WIDTH = 0.01;

/**
 * What the family picker offers: P and Q of one family, or of two (the
 * cross pairs the library has a closed form for). `defaults` are P and Q.
 */
export const PAIRS = {
  normal: { p: 'normal', q: 'normal', defaults: [{ mu: 0, sigma: 1 }, { mu: 1, sigma: 2 }] },
  laplace: { p: 'laplace', q: 'laplace', defaults: [{ loc: 0, scale: 1 }, { loc: 1, scale: 2 }] },
  cauchy: { p: 'cauchy', q: 'cauchy', defaults: [{ loc: 0, scale: 1 }, { loc: 2, scale: 0.5 }] },
  logNormal: { p: 'logNormal', q: 'logNormal', defaults: [{ mu: 0, sigma: 0.5 }, { mu: 0.5, sigma: 0.8 }] },
  exponential: { p: 'exponential', q: 'exponential', defaults: [{ rate: 1 }, { rate: 2 }] },
  gamma: { p: 'gamma', q: 'gamma', defaults: [{ shape: 2, rate: 1 }, { shape: 3, rate: 2 }] },
  beta: { p: 'beta', q: 'beta', defaults: [{ alpha: 2, beta: 5 }, { alpha: 3, beta: 3 }] },
  uniform: { p: 'uniform', q: 'uniform', defaults: [{ low: 0, high: 1 }, { low: -0.5, high: 2 }] },
  'normal-laplace': { p: 'normal', q: 'laplace', defaults: [{ mu: 0, sigma: 1 }, { loc: 0, scale: 1 }] },
  'laplace-normal': { p: 'laplace', q: 'normal', defaults: [{ loc: 0, scale: 1 }, { mu: 0, sigma: 1 }] },
};
export const DEFAULT_PAIR = 'normal';

/** The picker's name of a pair: "Normal", or "Normal ‖ Laplace" for a cross pair. */
export const pairName = (key) => {
  const { p, q } = PAIRS[key];
  return p === q ? FAMILIES[p].name : `${FAMILIES[p].name} ‖ ${FAMILIES[q].name}`;
};

/** The family of one side ('p' or 'q') of a state. */
export const familyOf = (state, side) => FAMILIES[PAIRS[state.family][side]];

/** The parameter `key` of a family, with its symbol, meaning and range. */
export const paramOf = (familyKey, key) => FAMILIES[familyKey].params.find((p) => p.key === key);

/** The library's form of one side of a state: { family: 'normal', mu, sigma }. */
export const distOf = (state, side) => ({ family: PAIRS[state.family][side], ...state[side] });

/** A fresh state: the pair's default P and Q, the given units and bins. */
export function fromPair(key, units = 'nats', bins = 0) {
  const [p, q] = PAIRS[key].defaults;
  return { family: key, p: { ...p }, q: { ...q }, units, bins };
}

/** Swaps P and Q (a cross pair becomes the reverse pair). */
export function swapped(state) {
  const { p, q } = PAIRS[state.family];
  const family = Object.keys(PAIRS).find((k) => PAIRS[k].p === q && PAIRS[k].q === p);
  return { ...state, family, p: state.q, q: state.p };
}

const round = (v) => Number(v.toPrecision(4));

/**
 * Parameters made valid: each inside its range, rounded to 4 significant
 * digits (dragging cannot mean more), a uniform at least UNIFORM_MIN_WIDTH wide.
 * `changed` names the parameter the reader set, which wins a conflict.
 */
export function constrain(familyKey, values, changed = null) {
  const out = {};
  for (const { key, min, max } of FAMILIES[familyKey].params) out[key] = clamp(round(values[key]), min, max);
  if (familyKey === 'uniform' && !(out.high - out.low >= UNIFORM_MIN_WIDTH)) {
    if (changed === 'low') out.high = Math.min(out.low + UNIFORM_MIN_WIDTH, LOCATION);
    else out.low = Math.max(out.high - UNIFORM_MIN_WIDTH, -LOCATION);
    if (out.high - out.low < UNIFORM_MIN_WIDTH) [out.low, out.high] = [LOCATION - UNIFORM_MIN_WIDTH, LOCATION];
  }
  return out;
}

/** Handle `id` of a family: where it sits and what dragging it does. */
export const handleSpec = (familyKey, id) => FAMILIES[familyKey].handles.find((h) => h.id === id);

/** The parameters that put handle `id` of one side at x. */
export function dragHandle(familyKey, values, id, x) {
  const handle = handleSpec(familyKey, id);
  return constrain(familyKey, handle.drag(values, x), handle.id === 'peak' ? null : 'high');
}

/**
 * The x range worth plotting for both sides: the union of each one's, kept
 * inside the union of their supports (so a density that starts at 0 is drawn
 * from 0), never narrower than 1e-3.
 */
export function viewRange(state) {
  let lo = Infinity, hi = -Infinity, supLo = Infinity, supHi = -Infinity;
  for (const side of ['p', 'q']) {
    const family = FAMILIES[PAIRS[state.family][side]], d = state[side];
    const [a, b] = family.view(d), [s, t] = family.support(d);
    lo = Math.min(lo, a); hi = Math.max(hi, b);
    supLo = Math.min(supLo, s); supHi = Math.max(supHi, t);
  }
  lo = Math.max(lo, supLo);
  hi = Math.min(hi, supHi);
  if (!(hi - lo >= 1e-3)) [lo, hi] = [(lo + hi) / 2 - 5e-4, (lo + hi) / 2 + 5e-4];
  return [lo, hi];
}
