// The library's numbers for the continuous view: the six measures of P and
// Q, their log densities on a grid, and KL of the two binned into k bins
// (bin masses from numerics/binning.js, KL from the library). The page only
// does arithmetic on what the library returns.
import { crossEntropyDist, entropyDist, kl, klDist, logDensity } from 'infodiv';
import {
  binCounts, binHeights, binLogMasses, binMasses, fineCells, underflows,
} from '../../numerics/binning.js';
import { distOf, familyOf, MAX_BINS, MIN_BINS } from './model.js';

/** The six measures ({ klPQ, …, crossEntropyQP }, NaN where the library refused) and the library's reasons. */
export function measuresOf(state, base) {
  const P = distOf(state, 'p'), Q = distOf(state, 'q');
  const m = {}, errors = [];
  const get = (key, f) => {
    try { m[key] = f(); } catch (error) { m[key] = NaN; errors.push(error.message); }
  };
  get('klPQ', () => klDist(P, Q, { base }));
  get('klQP', () => klDist(Q, P, { base }));
  get('entropyP', () => entropyDist(P, { base }));
  get('entropyQ', () => entropyDist(Q, { base }));
  get('crossEntropyPQ', () => crossEntropyDist(P, Q, { base }));
  get('crossEntropyQP', () => crossEntropyDist(Q, P, { base }));
  return { m, errors: [...new Set(errors)] };
}

/** The log density of one side at each x of a Float64Array. */
export const logDensityOf = (state, side) => (xs) => logDensity(distOf(state, side), xs);

// One side's mass in fine cells of the range, and in its tails.
function cellsOf(state, side, range) {
  const family = familyOf(state, side);
  return fineCells(logDensityOf(state, side), range, { support: family.support(state[side]), singular: family.singular(state[side]) });
}

// KL both ways of the k-bin distributions. Where a bin's mass underflows to
// 0 though the density is positive in it (far tails of a narrow density),
// the library gets the log masses instead (logits: softmax of them is the
// same distribution), so an underflow is never mistaken for a zero.
function binnedKl(cp, cq, k, base) {
  const mp = binMasses(cp, k), mq = binMasses(cq, k);
  if (underflows(mp, cp, k) || underflows(mq, cq, k)) {
    const lp = binLogMasses(cp, k), lq = binLogMasses(cq, k), options = { base, logits: true };
    return { mp, mq, klPQ: kl(lp, lq, options), klQP: kl(lq, lp, options) };
  }
  return { mp, mq, klPQ: kl(mp, mq, { base }), klQP: kl(mq, mp, { base }) };
}

/**
 * P and Q binned into state.bins bins of `range`: { k, klPQ, klQP, mp, mq,
 * bars, series }, with bars the bins' heights for the curves chart and series
 * binned KL both ways against k (every k once settled, a few while dragging).
 */
export function binned(state, range, base, settled) {
  const cp = cellsOf(state, 'p', range), cq = cellsOf(state, 'q', range);
  const series = [[], []];
  let atK = null;
  for (const k of binCounts(settled, state.bins, [MIN_BINS, MAX_BINS])) {
    const r = binnedKl(cp, cq, k, base);
    series[0].push({ x: k, y: r.klPQ });
    series[1].push({ x: k, y: r.klQP });
    if (k === state.bins) atK = { k, ...r };
  }
  return { ...atK, series, bars: binHeights(range, atK.mp, atK.mq) };
}
