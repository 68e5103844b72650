// npm run bench (after bench/run.mjs): the functions on draws and samples —
// sampler, evidencePath, klEstimates, messageLengths, drawCounts, summary,
// evidenceRuns, histogram — against the plain JS loop a user would write
// for each, on 1,000 and 10^6 draws of a 16-outcome P, in one run. Each
// contender first reproduces the plain loop's result (within 1e-9) on the
// very inputs it is timed on. The plain message-length loop is handed the
// code lengths (a Huffman code of one's own is more than a loop); the
// library computes them in every call. Writes dist/bench/draws.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import * as infodiv from '../dist/infodiv.js';
import { SAMPLES, copied, lcg, measure, printTable } from './timing.mjs';

const OUT = new URL('../dist/bench/', import.meta.url);
const OUTCOMES = 16, RUNS = 100, ODDS = 19;
const sizes = [1000, 1e6];

await infodiv.init();
mkdirSync(OUT, { recursive: true });

// P and Q over 16 outcomes, normalised here so the plain loops need not.
function pair() {
  const next = lcg(7);
  const p = Array.from({ length: OUTCOMES }, () => 0.05 + next()), q = Array.from({ length: OUTCOMES }, () => 0.05 + next());
  const sp = p.reduce((a, b) => a + b), sq = q.reduce((a, b) => a + b);
  return [p.map((v) => v / sp), q.map((v) => v / sq)];
}

const logRatio = (p, q) => p.map((v, i) => Math.log(v / q[i]));

function plainPath(p, q, draws) {
  const lr = logRatio(p, q), out = new Float64Array(draws.length);
  let run = 0;
  for (let k = 0; k < draws.length; k++) out[k] = run += lr[draws[k]];
  return out;
}

function plainEstimates(p, q, draws) {
  let k1 = 0, k2 = 0, k3 = 0;
  for (const d of draws) {
    const l = Math.log(p[d] / q[d]), r = q[d] / p[d];
    k1 += l;
    k2 += 0.5 * l * l;
    k3 += r - 1 - Math.log(r);
  }
  return { k1: k1 / draws.length, k2: k2 / draws.length, k3: k3 / draws.length };
}

function plainMessage(p, q, draws, lengths) {
  const n = draws.length, rows = Array.from({ length: 5 }, () => new Float64Array(n));
  let bitsP = 0, bitsQ = 0;
  for (let k = 0; k < n; k++) {
    bitsP += lengths.p[draws[k]];
    bitsQ += lengths.q[draws[k]];
    [rows[0][k], rows[1][k], rows[2][k], rows[3][k], rows[4][k]] = [bitsP, bitsQ, bitsP / (k + 1), bitsQ / (k + 1), (bitsQ - bitsP) / (k + 1)];
  }
  const expected = (l) => p.reduce((s, v, i) => s + v * l[i], 0);
  return {
    bits: { p: rows[0], q: rows[1] }, perSymbol: { p: rows[2], q: rows[3] }, extra: rows[4],
    expected: { p: expected(lengths.p), q: expected(lengths.q) },
  };
}

function plainCounts(draws, size) {
  const counts = new Uint32Array(size);
  for (const d of draws) counts[d]++;
  return { counts, shares: Float64Array.from(counts, (c) => c / draws.length) };
}

function plainSummary(x) {
  let s = 0;
  for (const v of x) s += v;
  const mean = s / x.length;
  let ss = 0;
  for (const v of x) ss += (v - mean) ** 2;
  const spread = Math.sqrt(ss / (x.length - 1));
  return { mean, spread, error: spread / Math.sqrt(x.length) };
}

function plainRuns(p, q, runs) {
  const count = runs[0].length, threshold = Math.log(ODDS);
  const paths = runs.map((d) => plainPath(p, q, d)), mean = new Float64Array(count);
  for (const path of paths) for (let k = 0; k < count; k++) mean[k] += path[k] / runs.length;
  const stops = Uint32Array.from(paths, (path) => path.findIndex((v) => v >= threshold) + 1);
  const done = [...stops].filter((t) => t > 0), kl = p.reduce((s, v, i) => s + v * Math.log(v / q[i]), 0);
  return {
    paths, mean, stops, slope: plainSummary(paths.map((path) => path[count - 1] / count)), threshold,
    wald: threshold / kl, stopped: done.length, meanStop: done.reduce((a, b) => a + b, 0) / done.length,
  };
}

// SplitMix64 in BigInt (a plain loop needs 64-bit integers to give the same stream) and inversion of the CDF.
function plainSampler(p, seed, count) {
  const cdf = [];
  let sum = 0, state = BigInt(seed);
  for (const v of p) cdf.push(sum += v);
  const out = new Uint32Array(count);
  for (let k = 0; k < count; k++) {
    state = BigInt.asUintN(64, state + 0x9E3779B97F4A7C15n);
    let z = BigInt.asUintN(64, (state ^ (state >> 30n)) * 0xBF58476D1CE4E5B9n);
    z = BigInt.asUintN(64, (z ^ (z >> 27n)) * 0x94D049BB133111EBn);
    const u = Number((z ^ (z >> 31n)) >> 11n) * 2 ** -53;
    let i = 0;
    while (i < p.length - 1 && cdf[i] <= u) i++;
    out[k] = i;
  }
  return out;
}

function plainHistogram(values, bins) {
  let largest = 1;
  for (const v of values) largest = Math.max(largest, v);
  const width = Math.ceil(largest / bins), used = Math.ceil(largest / width), counts = new Uint32Array(used);
  for (const v of values) if (v > 0) counts[Math.floor((v - 1) / width)]++;
  return { starts: Array.from({ length: used }, (_, b) => 1 + b * width), width, counts };
}

const [p, q] = pair();
const lengths = { p: infodiv.codeLengths(p), q: infodiv.codeLengths(q) };
const FUNCTIONS = [
  { name: 'sampler(p).draw(n)', input: 'seed', plain: (seed) => plainSampler(p, seed, seed), call: (seed) => infodiv.sampler(p, { seed }).draw(seed) },
  { name: 'evidencePath', plain: (d) => plainPath(p, q, d), call: (d) => infodiv.evidencePath(p, q, d) },
  { name: 'klEstimates', plain: (d) => plainEstimates(p, q, d), call: (d) => infodiv.klEstimates(p, q, d) },
  { name: 'messageLengths (base 2)', plain: (d) => plainMessage(p, q, d, lengths), call: (d) => infodiv.messageLengths(p, q, d, { base: 2 }) },
  { name: 'drawCounts', plain: (d) => plainCounts(d, OUTCOMES), call: (d) => infodiv.drawCounts(d, OUTCOMES) },
  { name: 'summary (of the draws\' log ratios)', input: 'values', plain: plainSummary, call: (x) => infodiv.summary(x) },
  { name: `evidenceRuns (${RUNS} runs)`, input: 'runs', plain: (r) => plainRuns(p, q, r), call: (r) => infodiv.evidenceRuns(p, q, r) },
  { name: 'histogram (30 bins)', input: 'stops', plain: (v) => plainHistogram(v, 30), call: (v) => infodiv.histogram(v, 30) },
];

function inputOf(kind, n) {
  if (kind === 'seed') return n; // n draws with seed n
  const draws = infodiv.sampler(p, { seed: n }).draw(n);
  if (kind === 'values') return plainPath(p, q, draws).map((v, k, path) => (k ? v - path[k - 1] : v));
  if (kind === 'runs') return Array.from({ length: RUNS }, (_, r) => draws.subarray((r * n) / RUNS, ((r + 1) * n) / RUNS));
  if (kind === 'stops') return Uint32Array.from(draws, (d, k) => (d % 3 ? 1 + (k % 500) : 0));
  return draws;
}

const PLAIN = 'plain JS loop', LIBRARY = 'infodiv';
const results = [];
for (const f of FUNCTIONS) {
  for (const n of sizes) {
    const input = inputOf(f.input, n);
    const measured = measure([[PLAIN, copied(() => f.plain(input))], [LIBRARY, copied(() => f.call(input))]], f.plain(input), `${f.name}, n = ${n}`);
    for (const m of measured) results.push({ fn: f.name, n, contender: m.name, nsPerCall: m.ns, vsPlainJs: m.ns / measured[0].ns });
  }
}

console.log(`\nDraws and samples: median of ${SAMPLES} samples; n draws of ${OUTCOMES} outcomes`);
for (const f of FUNCTIONS) {
  console.log(`\n${f.name}\n`);
  printTable(['n', 'contender', 'ns/call', '× plain JS'],
    results.filter((r) => r.fn === f.name).map((r) => [String(r.n), r.contender, r.nsPerCall.toFixed(0), r.vsPlainJs.toFixed(2)]), [1]);
}
writeFileSync(new URL('draws.json', OUT), JSON.stringify({ samples: SAMPLES, results }, null, 1));
console.log(`written: ${new URL('draws.json', OUT).pathname}`);
