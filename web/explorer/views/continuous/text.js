// What the continuous view says in words: a distribution, why a KL is
// infinite, the text equivalents of its charts (a canvas has no text), the
// binned result and the announcement for screen readers. Pure: state and the
// library's numbers in, text out.
import { formatNumber, formatParameter } from '../../util.js';
import { FAMILIES, PAIRS, familyOf } from './model.js';

export const NAMES = { p: 'P', q: 'Q' };

/** "Normal, μ = 0, σ = 1". */
export const describeDist = (familyKey, values) => `${FAMILIES[familyKey].name}, `
  + FAMILIES[familyKey].params.map(({ key, symbol }) => `${symbol} = ${formatParameter(values[key])}`).join(', ');

/**
 * What the handles on the curves do, by their names in the families shown:
 * "the peak moves the distribution, the shoulder changes its width"; for
 * gamma and beta the middle handle is the mean, not the peak.
 */
export function handlesHint(state) {
  const named = (id) => [...new Set(['p', 'q'].map((side) => familyOf(state, side).handles.find((h) => h.id === id)?.name))]
    .filter(Boolean).join(' or ');
  const shoulder = named('shoulder');
  return `the ${named('peak')} moves the distribution${shoulder ? `, the ${shoulder} changes its width` : ''}`;
}

/** "[0, 1]", "(−∞, 2]", "[0, ∞)". */
const interval = ([a, b]) => `${a === -Infinity ? '(−∞' : `[${formatParameter(a)}`}, ${b === Infinity ? '∞)' : `${formatParameter(b)}]`}`;

// KL(A‖B) = ∞: where A's support sticks out of B's.
function explainInfinite(state, a, b) {
  const [A, B] = [NAMES[a], NAMES[b]];
  const sa = familyOf(state, a).support(state[a]), sb = familyOf(state, b).support(state[b]);
  const parts = [];
  if (sa[0] < sb[0]) parts.push(interval([sa[0], Math.min(sa[1], sb[0])]));
  if (sa[1] > sb[1]) parts.push(interval([Math.max(sa[0], sb[1]), sa[1]]));
  return `KL(${A}‖${B}) is infinite: ${A} gives positive density to x in ${parts.join(' and ') || 'a region'}, `
    + `where ${B}'s density is 0 (${B} lives on ${interval(sb)}). A model that calls possible outcomes `
    + 'impossible pays infinitely much for them; the shaded band marks where.';
}

/** Why KL is infinite in either direction ('' when neither is). */
export function infinityNote(state, m) {
  return [m.klPQ === Infinity ? explainInfinite(state, 'p', 'q') : '', m.klQP === Infinity ? explainInfinite(state, 'q', 'p') : '']
    .filter(Boolean).join(' ');
}

/** The curves chart in words: the x range on screen, both distributions, and the bins if shown. */
export function describeCurves(state, [lo, hi], bins) {
  const f = formatNumber, { p: fp, q: fq } = PAIRS[state.family];
  return `Densities on x from ${f(lo)} to ${f(hi)}: `
    + `P (solid) ${describeDist(fp, state.p)}; Q (dashed) ${describeDist(fq, state.q)}.`
    + (bins ? ` Behind them, both binned into ${bins.k} bins.` : '');
}

// The x where an integrand is largest in size.
function peakX(xs, values) {
  let best = 0;
  values.forEach((v, i) => { if (Math.abs(v) > Math.abs(values[best])) best = i; });
  return formatNumber(xs[best]);
}

/** The integrand chart in words: each area and where each integrand is largest in size. */
export function describeIntegrands(m, { xs, integrands }, units) {
  const f = formatNumber;
  return `The integrands, in ${units} per unit of x: `
    + `p·log(p/q) has area KL(P‖Q) = ${f(m.klPQ)} and is largest in size near x = ${peakX(xs, integrands[0])}; `
    + `q·log(q/p) has area KL(Q‖P) = ${f(m.klQP)} and is largest in size near x = ${peakX(xs, integrands[1])}.`;
}

/** The chart of binned KL against k in words, at a few k. */
export function describeConvergence(m, bins, units) {
  const f = formatNumber;
  const at = (k) => {
    const i = bins.series[0].findIndex((pt) => pt.x === k);
    return `k = ${k}: ${f(bins.series[0][i].y)} and ${f(bins.series[1][i].y)}`;
  };
  return `Binned KL(P‖Q) and KL(Q‖P), in ${units}, against the number `
    + `of bins: ${[2, 5, 10, 50, 200].map(at).join('; ')}; continuous: ${f(m.klPQ)} and ${f(m.klQP)}.`;
}

/** The binned KL beside the continuous one, with the share of it. */
export function binsResult(m, bins, units) {
  const share = (b, c) => (Number.isFinite(b) && Number.isFinite(c) && c > 0 ? ` (${Math.round((100 * b) / c)}% of it)` : '');
  return `With ${bins.k} bins: KL(P‖Q) ${formatNumber(bins.klPQ)} against ${formatNumber(m.klPQ)} `
    + `continuous${share(bins.klPQ, m.klPQ)}; KL(Q‖P) ${formatNumber(bins.klQP)} against ${formatNumber(m.klQP)}`
    + `${share(bins.klQP, m.klQP)}, in ${units}.`;
}

/** What the live region says once a change has settled. */
export function announcement(state, m, bins) {
  const { p: fp, q: fq } = PAIRS[state.family];
  const say = (v) => (v === Infinity ? 'infinite' : `${formatNumber(v)} ${state.units}`);
  return `KL(P‖Q) ${say(m.klPQ)}, KL(Q‖P) ${say(m.klQP)}. `
    + `P: ${describeDist(fp, state.p)}. Q: ${describeDist(fq, state.q)}.`
    + (bins ? ` Binned into ${bins.k}: ${say(bins.klPQ)} and ${say(bins.klQP)}.` : '');
}

/** What is wrong with `value` typed for parameter `param` of one side ('' if nothing), given the side's values with it. */
export function fieldProblem(side, familyKey, param, value, next) {
  if (!Number.isFinite(value) || value < param.min || value > param.max) {
    return `${NAMES[side]}'s ${param.symbol} must be a number from ${param.min} to ${param.max}.`;
  }
  if (familyKey === 'uniform' && !(next.high - next.low >= 0.01)) return `${NAMES[side]}'s lower end a must be below its upper end b.`;
  return '';
}
