// Codes, draws and evidence through the JS API: code lengths on cases whose
// optimal code is known by hand, the canonical codewords, the sampler's
// frequencies against p (a chi-square bound: the draws are fixed by the seed),
// its stream (SplitMix64's published first outputs), log ratios and sums on
// exact cases, and the errors that name the argument and the index.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  init, codeLengths, prefixCode, sampler, logRatios, evidencePath, klEstimates, klTerms, kl,
  messageLengths, drawCounts, summary, evidenceRuns, histogram,
} from '../../dist/infodiv.js';

await init();

test('code lengths of distributions whose optimal code is known', () => {
  assert.deepEqual([...codeLengths([0.5, 0.25, 0.125, 0.125])], [1, 2, 3, 3]);
  assert.deepEqual([...codeLengths([1, 1, 1, 1])], [2, 2, 2, 2]);
  assert.deepEqual([...codeLengths([0, 3, 0, 1])], [0, 1, 0, 1]); // zeros: no codeword
  assert.deepEqual([...codeLengths([0, 7])], [0, 0]); // one possible outcome: nothing to send
  // Fibonacci weights give the deepest tree: lengths 1, 2, ..., n-2, n-1, n-1
  const fib = [1, 1, 2, 3, 5, 8, 13, 21].reverse();
  assert.deepEqual([...codeLengths(fib)], [1, 2, 3, 4, 5, 6, 7, 7]);
  // 0.4, 0.2, 0.2, 0.1, 0.1: the optimum is 2.2 bits per symbol (either 1,2,3,4,4 or 2,2,2,3,3)
  const p = [0.4, 0.2, 0.2, 0.1, 0.1], l = codeLengths(p);
  assert.ok(Math.abs(p.reduce((s, pi, i) => s + pi * l[i], 0) - 2.2) < 1e-12);
});

test('prefixCode gives a canonical prefix-free code of those lengths', () => {
  const { lengths, codewords } = prefixCode([0.1, 0.4, 0.2, 0.2, 0.1]);
  assert.deepEqual(codewords.map((w) => w.length), [...lengths]);
  for (const a of codewords) for (const b of codewords) if (a !== b) assert.ok(!b.startsWith(a), `${a} is a prefix of ${b}`);
  assert.deepEqual(prefixCode([0.5, 0.25, 0.125, 0.125]).codewords, ['0', '10', '110', '111']);
  assert.deepEqual(prefixCode([0, 1, 1]).codewords, ['', '0', '1']);
});

test('the sampler draws with p\'s frequencies, never an outcome of probability 0', () => {
  const p = [0.5, 0, 0.3, 0.2], n = 200000;
  const counts = [0, 0, 0, 0];
  for (const d of sampler(p, { seed: 2024 }).draw(n)) counts[d]++;
  assert.equal(counts[1], 0);
  const chi2 = [0, 2, 3].reduce((s, i) => s + (counts[i] - n * p[i]) ** 2 / (n * p[i]), 0);
  assert.ok(chi2 < 13.8, `chi-square ${chi2} with 2 degrees of freedom (P(> 13.8) = 0.001)`); // fixed seed: a fixed verdict
});

test('the stream is SplitMix64: the same seed gives the same draws, and state continues it', () => {
  const cells = new Float64Array(2 ** 20).fill(1);
  // From state 0 SplitMix64's first outputs are 0xE220A8397B1DCDAF and 0x6E789E6AA1B965F4; a draw from
  // 2^20 equal cells is the output's top 20 bits
  assert.deepEqual([...sampler(cells).draw(2)], [0xE220A, 0x6E789]);
  const a = sampler([0.6, 0.3, 0.1], { seed: 99n }), b = sampler([0.6, 0.3, 0.1], { seed: 99 });
  const first = a.draw(50);
  assert.deepEqual(first, b.draw(50));
  const c = sampler([0.6, 0.3, 0.1], { seed: a.state });
  assert.deepEqual(a.draw(20), c.draw(20));
  assert.equal(a.size, 3);
});

test('log ratios: exact cases, and their mean under P is KL', () => {
  const r = logRatios([0.5, 0.5, 0], [0.25, 0.5, 0.25]);
  assert.deepEqual([...r], [Math.LN2, 0, -Infinity]);
  assert.deepEqual([...logRatios([1, 0], [0, 1])], [Infinity, -Infinity]);
  assert.deepEqual([...logRatios([0, 1], [0, 1])], [0, 0]);
  assert.deepEqual([...logRatios([2, 6], [1, 3])], [0, 0]); // normalised first
  const p = [0.6, 0.3, 0.1], q = [0.5, 0.4, 0.1], terms = klTerms(p, q), lr = logRatios(p, q);
  lr.forEach((v, i) => assert.ok(Math.abs(p[i] * v - terms[i]) <= 1e-16, `${i}`));
  // P = (1 + e, 3)/(4 + e) beside Q = (1, 3)/4: log1p(e) - log1p(e/4), and -log1p(e/4)
  const e = 2 ** -52, near = logRatios([1 + e, 3], [1, 3]);
  assert.ok(Math.abs(near[0] / (Math.log1p(e) - Math.log1p(e / 4)) - 1) < 1e-14);
  assert.ok(Math.abs(near[1] / -Math.log1p(e / 4) - 1) < 1e-14);
});

test('evidence paths: running sums, and their slope is KL', () => {
  assert.deepEqual([...evidencePath([0.5, 0.5, 0], [0.25, 0.5, 0.25], [0, 1, 0, 0], { base: 2 })], [1, 1, 2, 3]);
  assert.deepEqual([...evidencePath([0.5, 0.5, 0], [0.25, 0.5, 0.25], [1, 2, 0])], [0, -Infinity, -Infinity]);
  const p = [0.6, 0.3, 0.1], q = [0.5, 0.4, 0.1], n = 100000;
  const path = evidencePath(p, q, sampler(p, { seed: 5 }).draw(n));
  const slope = path[n - 1] / n, want = kl(p, q);
  // sd of log(p/q) under P is below 0.3 here: the mean of 1e5 draws is within 4 sd / sqrt(n) = 0.004
  assert.ok(Math.abs(slope - want) < 0.004, `slope ${slope}, KL ${want}`);
});

test('Schulman\'s estimators on exact cases and on draws of P', () => {
  const e = klEstimates([0.5, 0.5, 0], [0.25, 0.5, 0.25], [0, 1, 0, 0]);
  assert.ok(Math.abs(e.k1 - 0.75 * Math.LN2) < 1e-16);
  assert.ok(Math.abs(e.k2 - 0.375 * Math.LN2 ** 2) < 1e-16);
  assert.ok(Math.abs(e.k3 - 0.75 * (Math.LN2 - 0.5)) < 1e-16);
  const p = [0.6, 0.3, 0.1], q = [0.5, 0.4, 0.1];
  const est = klEstimates(p, q, sampler(p, { seed: 11 }).draw(100000)), want = kl(p, q);
  assert.ok(Math.abs(est.k1 - want) < 0.004 && Math.abs(est.k3 - want) < 0.002, JSON.stringify(est));
  assert.deepEqual(klEstimates([0.5, 0.5], [1, 0], [1]), { k1: Infinity, k2: Infinity, k3: Infinity });
});

test('bad input: errors name the argument and the index, and the library stays usable', () => {
  assert.throws(() => codeLengths([0.5, -1]), { name: 'RangeError', message: 'p[1] is negative (-1)' });
  assert.throws(() => codeLengths([]), { name: 'RangeError', message: 'p is empty' });
  assert.throws(() => codeLengths('0.5,0.5'), { name: 'TypeError' });
  assert.throws(() => codeLengths([0.5, '0.5']), { name: 'TypeError', message: /p\[1\] is not a number/ });
  assert.throws(() => codeLengths([0, 0]), { name: 'RangeError', message: /sums to 0/ });
  assert.throws(() => sampler([0.5, NaN]), { name: 'RangeError', message: 'p[1] is NaN' });
  assert.throws(() => sampler([1], { seed: 1.5 }), { name: 'RangeError', message: /options.seed/ });
  assert.throws(() => sampler([1], { seed: 2n ** 64n }), { name: 'RangeError', message: /options.seed/ });
  assert.throws(() => sampler([1], { seed: '1' }), { name: 'TypeError', message: /options.seed/ });
  assert.throws(() => sampler([1], { logits: true }), { name: 'TypeError', message: /sampler takes probabilities/ });
  assert.throws(() => sampler([1]).draw(-1), { name: 'RangeError', message: /count/ });
  assert.throws(() => logRatios([1, 2], [1]), { name: 'RangeError', message: /differ in length/ });
  assert.throws(() => evidencePath([1, 1], [1, 1], [0, 2]), { name: 'RangeError', message: /^draws\[1\] is 2: not an outcome/ });
  assert.throws(() => evidencePath([1, 0], [0, 1], [0, 1]), { name: 'RangeError', message: /^draws\[1\] is 1/ });
  assert.throws(() => evidencePath([1, 1], [1, 1], [0, 0.5]), { name: 'RangeError', message: /draws\[1\] must be an outcome index/ });
  assert.throws(() => evidencePath([1, 1], [1, 1], 'x'), { name: 'TypeError', message: /draws must be/ });
  assert.throws(() => klEstimates([1, 0], [1, 1], [1]), { name: 'RangeError', message: /^draws\[0\] is 1/ });
  assert.throws(() => klEstimates([1, 0], [1, 1], []), { name: 'RangeError', message: 'draws is empty' });
  assert.deepEqual([...codeLengths([0.5, 0.25, 0.25])], [1, 2, 2]);
});

// Dyadic P = (1/2, 1/4, 1/8, 1/8) and Q its reverse: P's code has lengths 1, 2, 3, 3 and Q's 3, 3, 2, 1,
// so every bit count below is worked by hand; the averages are whole numbers of bits over small counts.
test('messageLengths: the draws written with P\'s code and with Q\'s, by hand', () => {
  const p = [0.5, 0.25, 0.125, 0.125], q = [...p].reverse();
  const m = messageLengths(p, q, [0, 1, 0, 3], { base: 2 });
  assert.deepEqual([...m.lengths.p], [1, 2, 3, 3]);
  assert.deepEqual([...m.lengths.q], [3, 3, 2, 1]);
  assert.deepEqual([...m.bits.p], [1, 3, 4, 7]);
  assert.deepEqual([...m.bits.q], [3, 6, 9, 10]);
  assert.deepEqual([...m.perSymbol.p], [1, 1.5, 4 / 3, 1.75]);
  assert.deepEqual([...m.perSymbol.q], [3, 3, 3, 2.5]);
  assert.deepEqual([...m.extra], [2, 1.5, 3 - 4 / 3, 0.75]);
  assert.deepEqual(m.expected, { p: 1.75, q: 2.625 }); // sum p_i l_i for each code
  // in nats every average is the bit count times ln 2
  const nats = messageLengths(p, q, [0, 1, 0, 3]);
  assert.ok(Math.abs(nats.perSymbol.q[3] - 2.5 * Math.LN2) < 1e-15);
  assert.ok(Math.abs(nats.expected.p - 1.75 * Math.LN2) < 1e-15);
  // Q's code has no word for an outcome Q calls impossible: from that draw on its message is endless
  const hole = messageLengths([0.5, 0.5], [1, 0], [0, 1, 0], { base: 2 });
  assert.deepEqual([...hole.bits.q], [0, Infinity, Infinity]);
  assert.equal(hole.expected.q, Infinity);
});

test('drawCounts: how often each outcome was drawn, and its share', () => {
  const { counts, shares } = drawCounts([2, 0, 2, 2], 4);
  assert.deepEqual([...counts], [1, 0, 3, 0]);
  assert.deepEqual([...shares], [0.25, 0, 0.75, 0]);
  assert.ok(drawCounts([], 2).shares.every(Number.isNaN));
  assert.throws(() => drawCounts([0, 4], 4), { name: 'RangeError', message: /^draws\[1\] is not an outcome below size \(4\)/ });
  assert.throws(() => drawCounts([0], 0), { name: 'RangeError', message: /size must be/ });
});

test('summary: mean, spread and standard error, with compensated sums', () => {
  const s = summary([1, 2, 3, 4]);
  assert.equal(s.mean, 2.5);
  assert.ok(Math.abs(s.spread - Math.sqrt(5 / 3)) < 1e-15);
  assert.ok(Math.abs(s.error - Math.sqrt(5 / 3) / 2) < 1e-15);
  // a plain running sum loses the ones: (1e16 + 1) - 1e16 + 1 is 1 in doubles, not 2
  assert.equal(summary([1e16, 1, -1e16, 1]).mean, 0.5);
  assert.deepEqual(summary(new Float64Array([7])), { mean: 7, spread: 0, error: 0 });
  const inf = summary([1, Infinity]);
  assert.equal(inf.mean, Infinity);
  assert.ok(Number.isNaN(inf.spread) && Number.isNaN(inf.error));
  assert.throws(() => summary([]), { name: 'RangeError', message: 'values is empty' });
  assert.throws(() => summary([1, NaN]), { name: 'RangeError', message: 'values[1] is NaN' });
  assert.throws(() => summary([1, '2']), { name: 'TypeError', message: /values\[1\] is not a number/ });
});

// P = (1/2, 1/2), Q = (1/4, 3/4): log2(p/q) is +1 for outcome 0 and log2(2/3) for outcome 1.
test('evidenceRuns: paths, their mean, and where a sequential test stops, by hand', () => {
  const p = [0.5, 0.5], q = [0.25, 0.75], l1 = Math.log2(2 / 3);
  const e = evidenceRuns(p, q, [[0, 0, 0], [1, 0, 1]], { base: 2, odds: 4 });
  assert.deepEqual([...e.paths[0]], [1, 2, 3]);
  const second = [l1, l1 + 1, 2 * l1 + 1];
  e.paths[1].forEach((v, k) => assert.ok(Math.abs(v - second[k]) < 1e-15, `${v} vs ${second[k]}`));
  e.mean.forEach((v, k) => assert.ok(Math.abs(v - ([1, 2, 3][k] + second[k]) / 2) < 1e-15));
  assert.deepEqual([...e.stops], [2, 0]); // the first run reaches log2 4 = 2 at its second draw
  assert.equal(e.threshold, 2);
  const klpq = 1 - 0.5 * Math.log2(3); // KL(P||Q) in bits
  assert.ok(Math.abs(e.wald - 2 / klpq) < 1e-14);
  assert.equal(e.stopped, 1);
  assert.equal(e.meanStop, 2);
  const slopes = [1, (2 * l1 + 1) / 3], mean = (slopes[0] + slopes[1]) / 2;
  assert.ok(Math.abs(e.slope.mean - mean) < 1e-15);
  assert.ok(Math.abs(e.slope.spread - Math.abs(slopes[0] - slopes[1]) / Math.SQRT2) < 1e-15);
  // drawn from Q the test waits for the evidence to fall to -log odds
  const fromQ = evidenceRuns(p, q, [[1, 1, 1, 1, 1, 1]], { base: 2, odds: 4, toward: 'q' });
  assert.equal(fromQ.threshold, -2);
  assert.deepEqual([...fromQ.stops], [4]); // 4 log2(2/3) = -2.34 is the first below -2
  assert.ok(Number.isNaN(evidenceRuns(p, q, [[1]], { odds: 4 }).meanStop));
});

// Neumaier's compensated sum, written out here: the runs' mean at each step is its value over the runs.
function neumaier(values) {
  let hi = 0, lo = 0;
  for (const x of values) {
    const t = hi + x;
    lo += Math.abs(hi) >= Math.abs(x) ? (hi - t) + x : (x - t) + hi;
    hi = t;
  }
  return hi + lo;
}

test('evidencePath: each step is the compensated running sum of logRatios, to the last bit', () => {
  const p = [0.31, 0.07, 0.2, 0.12, 0.3], q = [0.1, 0.3, 0.2, 0.25, 0.15], lr = logRatios(p, q);
  const draws = sampler(p, { seed: 9 }).draw(3000);
  for (const base of [undefined, 2]) {
    const path = evidencePath(p, q, draws, { base }), ln = base ? Math.log(base) : 1;
    let hi = 0, lo = 0;
    draws.forEach((d, k) => {
      const x = lr[d], t = hi + x;
      lo += Math.abs(hi) >= Math.abs(x) ? (hi - t) + x : (x - t) + hi;
      hi = t;
      assert.equal(path[k], (hi + lo) / ln, `base ${base}, step ${k + 1}`);
    });
  }
});

test('evidenceRuns: the mean at each step is the compensated sum of the runs, to the last bit', () => {
  const p = [0.3, 0.1, 0.6], q = [0.25, 0.25, 0.5];
  for (const [runs, count, seed] of [[200, 300, 1], [7, 130, 2], [3, 1, 3]]) {
    const stream = sampler(p, { seed }), draws = Array.from({ length: runs }, () => stream.draw(count));
    const e = evidenceRuns(p, q, draws, { base: 2 });
    for (let k = 0; k < count; k++) {
      const want = neumaier(e.paths.map((path) => path[k])) / runs;
      assert.equal(e.mean[k], want, `${runs} runs, step ${k + 1}`);
    }
  }
  const infinite = evidenceRuns([0.5, 0.5], [1, 0], [[0, 1, 0], [0, 0, 0]]); // the first run meets q = 0 at its second draw
  assert.deepEqual([...infinite.mean], [Math.log(0.5), Infinity, Infinity]);
});

test('evidenceRuns with options.at: each path only after those draws, the rest as from every draw', () => {
  const p = [0.5, 0.5], q = [0.25, 0.75], l1 = Math.log2(2 / 3);
  const runs = [[0, 0, 0, 1], [1, 0, 1, 1]], options = { base: 2, odds: 4 };
  const every = evidenceRuns(p, q, runs, options);
  for (const at of [[1, 3], new Uint32Array([2, 3, 4]), [4]]) {
    const some = evidenceRuns(p, q, runs, { ...options, at });
    assert.deepEqual(some.paths.map((path) => [...path]), every.paths.map((path) => [...at].map((k) => path[k - 1])));
    assert.deepEqual([...some.mean], [...every.mean]);
    assert.deepEqual([...some.stops], [...every.stops]);
    assert.deepEqual([some.slope, some.wald, some.stopped, some.meanStop], [every.slope, every.wald, every.stopped, every.meanStop]);
  }
  const second = evidenceRuns(p, q, runs, { ...options, at: [1, 4] }).paths[1];
  assert.ok(Math.abs(second[0] - l1) < 1e-15 && Math.abs(second[1] - (3 * l1 + 1)) < 1e-15, `${[...second]}`);
});

test('evidenceRuns: a bad options.at names the entry, and leaves the library usable', () => {
  const p = [0.5, 0.5], q = [0.25, 0.75], runs = [[0, 1, 0], [1, 1, 0]];
  const bad = [
    ['x', 'TypeError', /^options.at must be an array of numbers of draws/],
    [[], 'RangeError', /^options.at is empty$/],
    [[1, '2'], 'TypeError', /^options.at\[1\] is not a number/],
    [[0], 'RangeError', /^options.at\[0\] must be a whole number of draws, 1 or more \(got 0\)/],
    [[1, 4, 5], 'RangeError', /^options.at\[1\] is 4, beyond the 3 draws of a run$/],
    [[1.5], 'RangeError', /^options.at\[0\] must be a whole number/],
    [[NaN], 'RangeError', /^options.at\[0\] must be a whole number/],
    [[2, 2], 'RangeError', /^options.at\[1\] is 2, not above options.at\[0\] \(2\): the steps must increase/],
    [[3, 1], 'RangeError', /^options.at\[1\] is 1, not above/],
  ];
  for (const [at, name, message] of bad) assert.throws(() => evidenceRuns(p, q, runs, { at }), { name, message }, String(at));
  // options.at is read before the runs: a getter in it that takes a run's memory away leaves that run empty
  const row = new Uint32Array([0, 1, 0]), hostile = [1];
  Object.defineProperty(hostile, 0, { get: () => (structuredClone(row.buffer, { transfer: [row.buffer] }), 1) });
  assert.throws(() => evidenceRuns(p, q, [row], { at: hostile }), { name: 'RangeError', message: 'runs[0] is empty' });
  const [end] = evidenceRuns(p, q, runs, { base: 2, at: [3] }).paths[0]; // 1 + log2(2/3) + 1
  assert.ok(Math.abs(end - (2 + Math.log2(2 / 3))) < 1e-15, `${end}`);
});

test('evidenceRuns and histogram: bad input names the run and the index', () => {
  const p = [0.5, 0.5], q = [0.25, 0.75];
  assert.throws(() => evidenceRuns(p, q, []), { name: 'RangeError', message: 'runs is empty' });
  assert.throws(() => evidenceRuns(p, q, [[]]), { name: 'RangeError', message: 'runs[0] is empty' });
  assert.throws(() => evidenceRuns(p, q, [[0, 1], [0]]), { name: 'RangeError', message: /^runs\[1\] has 1 draws/ });
  assert.throws(() => evidenceRuns(p, q, [[0, 1], [0, 2]]), { name: 'RangeError', message: /^runs\[1\]\[1\] is 2: not an outcome/ });
  assert.throws(() => evidenceRuns(p, q, [[0, 1], [0, -1]]), { name: 'RangeError', message: /^runs\[1\]\[1\] must be an outcome index/ });
  assert.throws(() => evidenceRuns(p, q, 'x'), { name: 'TypeError', message: /runs must be/ });
  assert.throws(() => evidenceRuns(p, q, [[0]], { odds: 1 }), { name: 'RangeError', message: /options.odds/ });
  assert.throws(() => evidenceRuns(p, q, [[0]], { toward: 'r' }), { name: 'TypeError', message: /options.toward/ });
  assert.throws(() => histogram([1, 2], 0), { name: 'RangeError', message: /bins must be/ });
  assert.throws(() => histogram([1, -2], 2), { name: 'RangeError', message: /values\[1\] must be a whole number/ });
  assert.equal(evidenceRuns(p, q, [[0, 0]], { base: 2, odds: 4 }).stops[0], 2); // still usable
});

test('histogram: whole numbers in bins of one whole width, zeros left out', () => {
  const h = histogram([0, 1, 5, 10, 3], 4); // 1 .. 10 in at most 4 bins: width 3
  assert.equal(h.width, 3);
  assert.deepEqual(h.starts, [1, 4, 7, 10]);
  assert.deepEqual([...h.counts], [2, 1, 0, 1]);
  const small = histogram([2, 2, 1], 10); // fewer values than bins: width 1
  assert.equal(small.width, 1);
  assert.deepEqual(small.starts, [1, 2]);
  assert.deepEqual([...small.counts], [1, 2]);
  assert.deepEqual([...histogram([0, 0], 3).counts], [0]); // nothing stopped: one empty bin, 1 .. 1
});
