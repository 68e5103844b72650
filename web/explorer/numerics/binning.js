// Binning a density: its mass in each of n fine midpoint cells of an x range,
// the mass of each tail beyond the range, and from those the masses of k
// equal bins (the tails going into the end bins). Pure arithmetic on log
// densities that the caller supplies: `logDensityOf(xs)` returns the log
// density at each x of a Float64Array (on the page, the library's
// logDensity). No DOM, and no measure: KL of the bins comes from the library.

export const FINE_CELLS = 16000; // midpoint cells on the x range
export const TAIL_POINTS = 2000; // midpoints of each tail beyond the x range
export const EDGE_POINTS = 256; // midpoints inside a cell next to a singular end

const midpoints = (n) => Float64Array.from({ length: n }, (_, j) => (j + 0.5) / n);

/**
 * log(e^logExtra + Σ weight(i)·e^logs[i] for i in [first, last)), summed
 * around the largest term, so that terms below the smallest double still
 * count. -Infinity when every term is 0.
 */
export function logSumExp(logs, first = 0, last = logs.length, weight = () => 1, logExtra = -Infinity) {
  let top = logExtra;
  for (let i = first; i < last; i++) top = Math.max(top, logs[i]);
  if (top === -Infinity) return -Infinity;
  let scaled = Math.exp(logExtra - top);
  for (let i = first; i < last; i++) scaled += Math.exp(logs[i] - top) * weight(i);
  return top + Math.log(scaled);
}

/**
 * The mass beyond `from` (dir -1: below it, +1: above it) of a density whose
 * support is [a, b]: x = from + dir·t/(1−t) maps t in (0, 1) onto the tail,
 * integrated by the midpoint rule in t. 0 when the support ends before `from`.
 */
export function tailMass(logDensityOf, from, dir, [a, b], points = TAIL_POINTS) {
  if ((dir < 0 && a >= from) || (dir > 0 && b <= from)) return 0; // nothing of the support out there
  const t = midpoints(points);
  const f = logDensityOf(t.map((v) => from + (dir * v) / (1 - v)));
  return f.reduce((acc, l, j) => acc + Math.exp(l) / (1 - t[j]) ** 2, 0) / points;
}

/**
 * The log mass of the cell [end, end + dir·h] next to an end where the density
 * is infinite: x = end + dir·h·s⁴ takes the singularity away (dx = 4s³ h ds).
 */
export function singularCellLogMass(logDensityOf, end, dir, h, points = EDGE_POINTS) {
  const s = midpoints(points);
  const f = logDensityOf(s.map((v) => end + dir * h * v ** 4));
  return Math.log(f.reduce((acc, l, j) => acc + Math.exp(l) * 4 * s[j] ** 3, 0) / points) + Math.log(h);
}

/**
 * A density's mass in each of n midpoint cells of [lo, hi], as logs (so that
 * a mass below the smallest double still compares right) and as masses, and
 * the mass of each tail: { logMass, mass, left, right }. `support` is [a, b];
 * `singular` lists the ends where the density may be infinite.
 */
export function fineCells(logDensityOf, [lo, hi], { support, singular }, n = FINE_CELLS) {
  const h = (hi - lo) / n, logH = Math.log(h);
  const xs = new Float64Array(n);
  for (let i = 0; i < n; i++) xs[i] = lo + (i + 0.5) * h;
  const logMass = logDensityOf(xs).map((l) => l + logH);
  if (singular.includes(lo)) logMass[0] = singularCellLogMass(logDensityOf, lo, 1, h);
  if (singular.includes(hi)) logMass[n - 1] = singularCellLogMass(logDensityOf, hi, -1, h);
  return {
    logMass, mass: logMass.map(Math.exp),
    left: tailMass(logDensityOf, lo, -1, support), right: tailMass(logDensityOf, hi, 1, support),
  };
}

// The cells of bin j of k out of n: [from, to) in cells, possibly fractional;
// a cell on a bin's edge is shared by the part on each side.
function binSpan(j, k, n) {
  const from = (j * n) / k, to = ((j + 1) * n) / k;
  return { first: Math.floor(from), last: Math.min(Math.ceil(to), n), share: (i) => Math.min(i + 1, to) - Math.max(i, from) };
}

// The tails' mass that goes into bin j of k.
const tailsOf = ({ left, right }, j, k) => (j === 0 ? left : 0) + (j === k - 1 ? right : 0);

/** The masses of k equal bins of the cells' range, the tails in the end bins. */
export function binMasses(cells, k) {
  const out = new Float64Array(k), n = cells.mass.length;
  for (let j = 0; j < k; j++) {
    const { first, last, share } = binSpan(j, k, n);
    let sum = tailsOf(cells, j, k);
    for (let i = first; i < last; i++) sum += cells.mass[i] * share(i);
    out[j] = sum;
  }
  return out;
}

/** The logarithms of binMasses(cells, k), summed around the largest term so that nothing underflows. */
export function binLogMasses(cells, k) {
  const out = new Float64Array(k), n = cells.logMass.length;
  for (let j = 0; j < k; j++) {
    const { first, last, share } = binSpan(j, k, n);
    out[j] = logSumExp(cells.logMass, first, last, share, Math.log(tailsOf(cells, j, k)));
  }
  return out;
}

/** Whether a bin's mass underflowed to 0 though the density is positive in it. */
export const underflows = (masses, cells, k) => masses.includes(0) && binLogMasses(cells, k).some((l, j) => masses[j] === 0 && l > -Infinity);

// While something is being dragged, binned KL is computed for these k only
// (and the one chosen); for every k once the change settles.
const QUICK_KS = [2, 3, 4, 5, 6, 8, 10, 13, 16, 20, 25, 32, 40, 50, 63, 80, 100, 126, 160, 200];

/** The numbers of bins to compute, ascending: every k from min to max once settled, else a few and `chosen`. */
export function binCounts(settled, chosen, [min, max]) {
  if (settled) return Array.from({ length: max - min + 1 }, (_, i) => min + i);
  return [...new Set([...QUICK_KS, chosen])].sort((a, b) => a - b);
}

/** The bins of P and Q as heights in density units, so they sit on the same axis as the curves: { edges, p, q }. */
export function binHeights([lo, hi], mp, mq) {
  const k = mp.length, width = (hi - lo) / k;
  const sumP = mp.reduce((s, v) => s + v, 0), sumQ = mq.reduce((s, v) => s + v, 0);
  return {
    edges: Array.from({ length: k + 1 }, (_, j) => lo + j * width),
    p: Array.from(mp, (v) => v / sumP / width), q: Array.from(mq, (v) => v / sumQ / width),
  };
}
