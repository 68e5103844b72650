// npm run bench (its third part): the exported functions that bench/run.mjs
// and bench/draws.mjs do not time — klDist, crossEntropyDist and entropyDist
// (normal, exponential, a 16-outcome categorical, a 16-dimensional normal),
// logDensity, klGrid, logRatios, codeLengths and prefixCode — each against
// the plain JS a user would write for it, in one run: the textbook closed
// form; a loop; Cholesky factors for the multivariate normal; Simpson's rule
// of p log(p/q) on a uniform grid after dividing p and q by their Simpson
// integrals (klGrid's rule, which integrates q φ(p/q), is the same sum then);
// a binary-heap Huffman code. Each contender first reproduces the plain
// result within 1e-9 on the inputs it is timed on; for the codes that result
// is the expected length Σ pᵢℓᵢ, which every optimal code shares (ties may
// give other lengths). Writes dist/bench/others.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import * as infodiv from '../dist/infodiv.js';
import { SAMPLES, copied, lcg, measure, printTable } from './timing.mjs';

const OUT = new URL('../dist/bench/', import.meta.url);
await infodiv.init();
mkdirSync(OUT, { recursive: true });

// Positive weights from a fixed linear congruential stream, normalised.
function weights(n, seed) {
  const next = lcg(seed), w = Array.from({ length: n }, () => 0.05 + next());
  const total = w.reduce((a, b) => a + b);
  return w.map((v) => v / total);
}

const plainKlCategorical = (p, q) => p.reduce((s, v, i) => s + v * Math.log(v / q[i]), 0);
const normalKl = (a, b) => Math.log(b.sigma / a.sigma) + (a.sigma ** 2 + (a.mu - b.mu) ** 2) / (2 * b.sigma ** 2) - 0.5;
const normalEntropy = (a) => 0.5 * Math.log(2 * Math.PI * Math.E * a.sigma ** 2);

// Lower Cholesky factor of a symmetric positive definite k × k matrix (rows of arrays).
function cholesky(a) {
  const k = a.length, l = Array.from({ length: k }, () => new Array(k).fill(0));
  for (let i = 0; i < k; i++) {
    for (let j = 0; j <= i; j++) {
      let s = a[i][j];
      for (let m = 0; m < j; m++) s -= l[i][m] * l[j][m];
      l[i][j] = i === j ? Math.sqrt(s) : s / l[j][j];
    }
  }
  return l;
}

// x with l x = b (forward substitution).
function solveLower(l, b) {
  const x = [];
  for (let i = 0; i < b.length; i++) {
    let s = b[i];
    for (let m = 0; m < i; m++) s -= l[i][m] * x[m];
    x.push(s / l[i][i]);
  }
  return x;
}

// KL of two multivariate normals: ½ (tr(Σ₂⁻¹Σ₁) + Δᵀ Σ₂⁻¹ Δ − k + log det Σ₂ − log det Σ₁).
function plainMvnKl(a, b) {
  const k = a.mean.length, l1 = cholesky(a.cov), l2 = cholesky(b.cov);
  let trace = 0;
  for (let c = 0; c < k; c++) { // Σ₂⁻¹Σ₁ = (L₂⁻¹L₁)ᵀ(L₂⁻¹L₁): its trace is the squared norm of L₂⁻¹L₁
    const column = solveLower(l2, l1.map((row) => row[c]));
    trace += column.reduce((s, v) => s + v * v, 0);
  }
  const z = solveLower(l2, b.mean.map((m, i) => m - a.mean[i]));
  const logDet = (l) => 2 * l.reduce((s, row, i) => s + Math.log(row[i]), 0);
  return 0.5 * (trace + z.reduce((s, v) => s + v * v, 0) - k + logDet(l2) - logDet(l1));
}

// A k × k covariance A Aᵀ + k I from a fixed stream, and a mean.
function mvn(k, seed) {
  const w = weights(k * k, seed), a = Array.from({ length: k }, (_, i) => w.slice(i * k, (i + 1) * k).map((v) => v * k - 0.5));
  const cov = a.map((ri, i) => a.map((rj, j) => ri.reduce((s, v, m) => s + v * rj[m], 0) + (i === j ? k : 0)));
  return { family: 'multivariateNormal', mean: weights(k, seed + 1), cov };
}

function plainLogDensity({ mu, sigma }, xs) {
  const out = new Float64Array(xs.length), c = -Math.log(sigma) - 0.5 * Math.log(2 * Math.PI);
  for (let i = 0; i < xs.length; i++) {
    const z = (xs[i] - mu) / sigma;
    out[i] = c - 0.5 * z * z;
  }
  return out;
}

// Simpson's rule on a uniform grid of odd length.
function simpson(h, f) {
  let s = f[0] + f[f.length - 1];
  for (let i = 1; i < f.length - 1; i++) s += (i % 2 ? 4 : 2) * f[i];
  return (s * h) / 3;
}

function plainKlGrid(x, p, q) {
  const h = x[1] - x[0], zp = simpson(h, p), zq = simpson(h, q);
  const f = p.map((v, i) => (v === 0 ? 0 : (v / zp) * Math.log((v / zp) / (q[i] / zq))));
  return { kl: simpson(h, f) };
}

// A normal density sampled on a uniform grid of n (odd) points over [-8, 8].
function grid(n, { mu, sigma }) {
  const x = Float64Array.from({ length: n }, (_, i) => -8 + (16 * i) / (n - 1));
  return [x, x.map((v) => Math.exp(-0.5 * ((v - mu) / sigma) ** 2) / (sigma * Math.sqrt(2 * Math.PI)))];
}

// Huffman code lengths with a binary heap of [weight, id], the leaves' depths read off the merges.
function plainCodeLengths(p) {
  const heap = [], parent = [], push = (node) => {
    heap.push(node);
    for (let i = heap.length - 1; i > 0 && heap[(i - 1) >> 1][0] > heap[i][0]; i = (i - 1) >> 1) [heap[i], heap[(i - 1) >> 1]] = [heap[(i - 1) >> 1], heap[i]];
  }, pop = () => {
    const top = heap[0], last = heap.pop();
    if (heap.length) {
      heap[0] = last;
      for (let i = 0; ;) {
        const l = 2 * i + 1, r = l + 1;
        let m = i;
        if (l < heap.length && heap[l][0] < heap[m][0]) m = l;
        if (r < heap.length && heap[r][0] < heap[m][0]) m = r;
        if (m === i) break;
        [heap[i], heap[m]] = [heap[m], heap[i]];
        i = m;
      }
    }
    return top;
  };
  p.forEach((v, i) => push([v, i]));
  let next = p.length;
  while (heap.length > 1) {
    const [wa, a] = pop(), [wb, b] = pop();
    parent[a] = parent[b] = next;
    push([wa + wb, next++]);
  }
  const depth = new Array(next).fill(0);
  for (let node = next - 2; node >= 0; node--) depth[node] = depth[parent[node]] + 1;
  return depth.slice(0, p.length);
}

// Canonical codewords (as strings of 0 and 1) for the lengths.
function plainPrefixCode(p) {
  const lengths = plainCodeLengths(p), order = lengths.map((l, i) => i).sort((a, b) => lengths[a] - lengths[b] || a - b);
  const codewords = new Array(p.length);
  let code = 0n, previous = lengths[order[0]];
  for (const i of order) {
    code <<= BigInt(lengths[i] - previous);
    previous = lengths[i];
    codewords[i] = code.toString(2).padStart(lengths[i], '0');
    code++;
  }
  return { lengths, codewords };
}

const expectedLength = (p, lengths) => ({ expected: p.reduce((s, v, i) => s + v * lengths[i], 0) });

const N1 = { family: 'normal', mu: 0.3, sigma: 1.2 }, N2 = { family: 'normal', mu: -0.4, sigma: 0.9 };
const E1 = { family: 'exponential', rate: 1.5 }, E2 = { family: 'exponential', rate: 0.4 };
const [P16, Q16] = [weights(16, 7), weights(16, 11)];
const C1 = { family: 'categorical', probs: P16 }, C2 = { family: 'categorical', probs: Q16 };
const M1 = mvn(16, 3), M2 = mvn(16, 5);

// The first or the second of a few pairs of distributions, in turn from call to call: a closed form of the
// same constants every time could be folded into its result by the JIT.
function inTurn(pairs) {
  let turn = 0;
  return () => pairs[(turn = (turn + 1) % pairs.length)];
}

// [function, case, plain, library]: each a function of no arguments, its inputs made once here. The
// closed forms take their pair in turn (each function keeps its own turn), so the first call of each
// gives the same result.
function cases() {
  const both = (a, b) => [[a, b], [b, a]];
  const n = () => inTurn(both(N1, N2)), e = () => inTurn(both(E1, E2)), c = () => inTurn(both(C1, C2)), m = () => inTurn(both(M1, M2));
  const closedForm = (pairsOf, plain, call) => {
    const [forPlain, forCall] = [pairsOf(), pairsOf()];
    return [() => plain(...forPlain()), () => call(...forCall())];
  };
  const out = [
    ['klDist', 'normal', ...closedForm(n, normalKl, infodiv.klDist)],
    ['klDist', 'exponential', ...closedForm(e, (a, b) => Math.log(a.rate / b.rate) + b.rate / a.rate - 1, infodiv.klDist)],
    ['klDist', 'categorical, 16', ...closedForm(c, (a, b) => plainKlCategorical(a.probs, b.probs), infodiv.klDist)],
    ['klDist', 'multivariate normal, k = 16', ...closedForm(m, plainMvnKl, infodiv.klDist)],
    ['crossEntropyDist', 'normal', ...closedForm(n, (a, b) => normalEntropy(a) + normalKl(a, b), infodiv.crossEntropyDist)],
    ['entropyDist', 'normal', ...closedForm(n, normalEntropy, (a) => infodiv.entropyDist(a))],
  ];
  for (const n of [1000, 1e6]) {
    const xs = Float64Array.from({ length: n }, (_, i) => -6 + (12 * i) / n);
    out.push(['logDensity', `normal, ${n} points`, () => plainLogDensity(N1, xs), () => infodiv.logDensity(N1, xs)]);
  }
  for (const n of [1001, 1e6 + 1]) {
    const [x, p] = grid(n, N1), [, q] = grid(n, N2);
    out.push(['klGrid', `normals, ${n} points`, () => plainKlGrid(x, p, q), () => infodiv.klGrid(x, p, q)]);
  }
  for (const n of [16, 1e6]) {
    const [p, q] = [weights(n, 7), weights(n, 11)];
    out.push(['logRatios', `${n} outcomes`, () => Float64Array.from(p, (v, i) => Math.log(v / q[i])), () => infodiv.logRatios(p, q)]);
  }
  for (const n of [16, 1000]) {
    const p = weights(n, 13);
    out.push(['codeLengths', `${n} outcomes`, () => expectedLength(p, plainCodeLengths(p)), () => expectedLength(p, infodiv.codeLengths(p))]);
    out.push(['prefixCode', `${n} outcomes`, () => expectedLength(p, plainPrefixCode(p).lengths), () => expectedLength(p, infodiv.prefixCode(p).lengths)]);
  }
  return out;
}

// Every result is kept (a closed form of constants whose result were dropped could be compiled away).
let kept;
const keep = (run) => () => (kept = run());

const PLAIN = 'plain JS', LIBRARY = 'infodiv';
const results = [];
for (const [fn, label, plain, call] of cases()) {
  const reference = plain(); // the first call of each; then each contender's own first call is its second
  plain();
  const measured = measure([[PLAIN, copied(keep(plain))], [LIBRARY, copied(keep(call))]], reference, `${fn}, ${label}`);
  results.push({ fn, case: label, plainNs: measured[0].ns, infodivNs: measured[1].ns, vsPlainJs: measured[1].ns / measured[0].ns });
}

console.log(`\nThe other functions: median of ${SAMPLES} samples, infodiv's time ÷ the plain JS's\n`);
printTable(['function', 'case', 'plain JS ns', 'infodiv ns', '× plain JS'],
  results.map((r) => [r.fn, r.case, r.plainNs.toFixed(0), r.infodivNs.toFixed(0), r.vsPlainJs.toFixed(2)]), [0, 1]);
writeFileSync(new URL('others.json', OUT), JSON.stringify({ samples: SAMPLES, results }, null, 1));
if (kept === undefined) throw new Error('no result kept');
console.log(`written: ${new URL('others.json', OUT).pathname}`);
