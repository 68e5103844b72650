// The shape of the API: init, input types, options, special cases, copies,
// and large inputs beyond the scratch region (against closed forms).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as infodiv from '../../dist/infodiv.js';
import { prng } from './prng.mjs';
import { init, entropy, crossEntropy, kl, jsDivergence, measures, klTerms } from '../../dist/infodiv.js';

const P = [0.6, 0.3, 0.1], Q = [0.5, 0.4, 0.1];
const KL_PQ = 0.02308831234083850406; // tests/fixtures: seed-three-outcomes
const close = (got, want, tol = 1e-14) => assert.ok(Math.abs(got - want) <= tol * Math.abs(want),
  `got ${got}, want ${want}`);

test('init() loads once and returns the same promise', async () => {
  const first = init();
  assert.equal(init(), first);
  assert.equal(await first, undefined);
  close(kl(P, Q), KL_PQ);
});

test('the package exports exactly the documented functions', () => {
  assert.deepEqual(Object.keys(infodiv).sort(),
    ['allocPair', 'crossEntropy', 'crossEntropyDist', 'entropy', 'entropyDist', 'init', 'jsDivergence', 'kl', 'klDist',
      'klGrid', 'klRows', 'klTerms', 'logDensity', 'measures', 'measuresRows', 'memoryUsage',
      'codeLengths', 'evidencePath', 'klEstimates', 'logRatios', 'prefixCode', 'sampler',
      'drawCounts', 'evidenceRuns', 'histogram', 'messageLengths', 'summary'].sort());
});

test('number[], Float64Array, Float32Array and integer typed arrays agree', async () => {
  await init();
  const counts = [3, 1, 0, 4], other = [1, 1, 1, 1];
  const want = kl(counts, other);
  assert.equal(kl(Float64Array.from(counts), Float64Array.from(other)), want);
  assert.equal(kl(Float32Array.from(counts), Float32Array.from(other)), want); // exact floats
  assert.equal(kl(Uint32Array.from(counts), Uint8Array.from(other)), want);
  assert.equal(kl(Float32Array.from(counts), other), want); // mixed: both read as double
  // Float32 inputs are computed from the float values themselves.
  const pf = Float32Array.from(P), qf = Float32Array.from(Q);
  assert.equal(kl(pf, qf), kl(Array.from(pf), Array.from(qf)));
});

test('options: base and normalize', async () => {
  await init();
  close(kl(P, Q, { base: 2 }), KL_PQ / Math.LN2);
  close(kl(P, Q, { base: 10 }), KL_PQ / Math.LN10);
  close(entropy([1, 1, 1, 1], { base: 2 }), 2);
  close(entropy([0.25, 0.25, 0.25, 0.25], { base: 4 }), 1);
  assert.equal(kl(P, Q, {}), kl(P, Q));
  assert.equal(kl(P, Q, { base: undefined, normalize: undefined }), kl(P, Q));
  // Counts are normalised by default; with normalize: false they are rejected.
  close(entropy([2, 2]), Math.LN2);
  assert.throws(() => entropy([2, 2], { normalize: false }), RangeError);
  close(kl([0.5, 0.5], [0.25, 0.75], { normalize: false }), kl([1, 1], [1, 3]));
  // A base below 1 flips the sign, as log(base) < 0.
  close(entropy([1, 1], { base: 0.5 }), -1);
});

test('special cases: 0 log 0, q = 0 < p, identical inputs', async () => {
  await init();
  close(entropy([0.5, 0.5, 0]), Math.LN2);
  assert.equal(entropy([0, 1, 0]), 0);
  assert.equal(kl([0.5, 0.5, 0], [0.5, 0.5, 0]), 0);
  close(kl([0.5, 0.5, 0], [0.25, 0.25, 0.5]), Math.LN2);
  assert.equal(kl([0.5, 0.5], [1, 0]), Infinity);
  assert.equal(crossEntropy([0.5, 0.5], [1, 0]), Infinity);
  close(crossEntropy([1, 0], [0.5, 0.5]), Math.LN2);
  close(jsDivergence([1, 0], [0, 1]), Math.LN2);
  close(jsDivergence([1, 0], [0, 1], { base: 2 }), 1);
  const m = measures([1, 0], [0, 1]);
  assert.deepEqual(m, { entropyP: 0, entropyQ: 0, crossEntropyPQ: Infinity, crossEntropyQP: Infinity,
    klPQ: Infinity, klQP: Infinity, js: m.js });
  close(m.js, Math.LN2);
  const p = [0.1, 0.2, 0.3, 0.4];
  assert.equal(kl(p, p), 0);
  assert.equal(jsDivergence(p, p), 0);
  assert.equal(kl(p, p.map((v) => v * 1024)), 0); // same distribution, other scale
  assert.equal(kl([-0, 1], [0, 1]), 0); // -0 is a zero
});

test('klTerms returns a fresh Float64Array of signed terms', async () => {
  await init();
  const t = klTerms(P, Q);
  assert.ok(t instanceof Float64Array);
  assert.equal(t.length, 3);
  assert.equal(t.buffer.byteLength, 24); // its own buffer, not a view of wasm memory
  close(t[0], 0.6 * Math.log(0.6 / 0.5), 1e-15);
  close(t[1], 0.3 * Math.log(0.3 / 0.4), 1e-15);
  t[0] = 42;
  assert.notEqual(klTerms(P, Q)[0], 42);
  const [zero, half, inf] = klTerms([0, 1, 1], [1, 2, 0]); // p^ = [0, 1/2, 1/2], q^ = [1/3, 2/3, 0]
  assert.equal(zero, 0);
  close(half, 0.5 * Math.log(0.75), 1e-15);
  assert.equal(inf, Infinity);
  close(klTerms(P, Q, { base: 2 })[0], 0.6 * Math.log2(0.6 / 0.5), 1e-15);
});

test('measures matches the single functions', async () => {
  await init();
  const m = measures(P, Q, { base: 2 });
  assert.deepEqual(Object.keys(m), ['entropyP', 'entropyQ', 'crossEntropyPQ', 'crossEntropyQP',
    'klPQ', 'klQP', 'js']);
  close(m.entropyP, entropy(P, { base: 2 }));
  close(m.entropyQ, entropy(Q, { base: 2 }));
  close(m.crossEntropyPQ, crossEntropy(P, Q, { base: 2 }));
  close(m.crossEntropyQP, crossEntropy(Q, P, { base: 2 }));
  close(m.klPQ, kl(P, Q, { base: 2 }));
  close(m.klQP, kl(Q, P, { base: 2 }));
  close(m.js, jsDivergence(P, Q, { base: 2 }));
  close(m.crossEntropyPQ, m.entropyP + m.klPQ, 1e-15);
});

test('n = 1e6 beyond the scratch region, against a closed form near 1e-20', async () => {
  await init();
  // P uniform; Q = 1 + d on half the outcomes, 1 - d on the other half; Q sums to n exactly.
  const n = 1e6, d = 2 ** -33;
  const p = new Float64Array(n).fill(1);
  const q = Float64Array.from({ length: n }, (_, i) => (i < n / 2 ? 1 + d : 1 - d));
  close(kl(p, q), -0.5 * Math.log1p(-d * d), 1e-12); // 6.776e-21
  close(kl(q, p), d * d / 2, 1e-12);
  close(jsDivergence(p, q), d * d / 8, 1e-12);
  close(entropy(p), Math.log(n), 1e-15);
  const t = klTerms(p, q);
  assert.equal(t.length, n);
  close(t[0], -Math.log1p(d) / n, 1e-14);
});

test('klTerms keeps the digits of a term whose log ratio is 1e-28 of its entries', async () => {
  await init();
  // p_0 and q_0 one ulp apart near 1e-297, beside a subnormal entry: p^_0/q^_0 - 1 is about
  // -1.6e-28 and was formed to eps^2 only (1.4e-5 relative error on the term; kl() was right).
  // Expected: mpmath at 3000 bits on these doubles, (p_i/S_p) log((p_i/S_p)/(q_i/S_q)).
  const t = klTerms([1.1971717628705414e-297, 8.2033222223827e-310], [1.1971717628705417e-297, 8.2033222223827e-310]);
  close(t[0], -1.943306672980062e-28, 1e-15);
  close(t[1], 1.9433066729800621e-28, 1e-15);
  // Q = 2.5 P but for one entry: the other terms come from S_q/S_p alone, beyond a double-double
  // sum's digits (they were 0).
  const u = klTerms([1.8105775864050666e-19, 0.12980206115652482, 0.0005702109836654419],
    [4.526443966012671e-19, 0.32450515289131204, 0.0014255274591636047]);
  close(u[0], -1.5511169732718023e-33, 1e-15);
  close(u[1], 1.5443328318237014e-33, 1e-15);
  close(u[2], 6.784141448101844e-36, 1e-15);
});

test('an element getter that calls back into the library does not disturb the outer call', async () => {
  await init();
  let inner;
  const p = [0.6, 0.3, 0.1];
  Object.defineProperty(p, 1, { get: () => { inner = kl([1, 3], [3, 1]); return 0.3; } });
  close(kl(p, Q), KL_PQ);
  close(inner, kl([1, 3], [3, 1]));
  close(inner, Math.log(3) / 2);
});

// Two Float64Arrays and no options take a short path in the binding (callCopied); number[] with options {}
// takes the full one. Both call the same core function on the same values, so the bits (and any error)
// must be the same: sizes on both sides of the short path's limit (4090 entries; fewer with klTerms or
// many rows, whose results share the region), zeros, bad values and bad cols.
test('the short path (Float64Arrays, no options) and the full path agree to the bit, and in their errors (rows too)', async () => {
  await init();
  const random = prng(15);
  const draw = (n, zeros) => Float64Array.from({ length: n }, () => (random() < zeros ? 0 : random() * 10 ** (6 * random() - 3)));
  const pairs = [];
  for (const n of [1, 2, 3, 16, 17, 64, 1000, 4090, 4091, 5000]) {
    pairs.push([draw(n, 0), draw(n, 0)], [draw(n, 0.3), draw(n, 0.3)]);
    const near = draw(n, 0);
    pairs.push([near, near.map((x) => x * (1 + 1e-9 * (random() - 0.5)))]);
  }
  const bad = draw(16, 0);
  for (const value of [NaN, -1, Infinity]) pairs.push([bad.map((x, i) => (i === 5 ? value : x)), bad]);
  pairs.push([draw(16, 0), draw(15, 0)], [new Float64Array(0), new Float64Array(0)], [new Float64Array(4), new Float64Array(4)]);
  const outcome = (f) => { try { return f(); } catch (e) { return `${e.name}: ${e.message}`; } };
  for (const [p, q] of pairs) {
    const full = [Array.from(p), Array.from(q), {}];
    const label = `n = ${p.length}, q of ${q.length}`;
    assert.deepEqual(outcome(() => entropy(p)), outcome(() => entropy(full[0], {})), `entropy, ${label}`);
    for (const f of [crossEntropy, kl, jsDivergence, measures, klTerms, infodiv.logRatios]) {
      assert.deepEqual(outcome(() => f(p, q)), outcome(() => f(...full)), `${f.name}, ${label}`);
    }
    for (const cols of [1, 2, 4, p.length, 0, 2.5, -4, '4', undefined, NaN]) {
      for (const f of [infodiv.klRows, infodiv.measuresRows]) {
        assert.deepEqual(outcome(() => f(p, q, cols)), outcome(() => f(full[0], full[1], cols, {})), `${f.name}, cols ${cols}, ${label}`);
      }
    }
  }
  // allocPair views take the short path in place; their subarrays and freed views the full one (its errors).
  for (const [p, q] of pairs.filter(([a, b]) => a.length > 0 && a.length === b.length && a.length <= 5000)) {
    const pair = infodiv.allocPair(p.length);
    pair.p.set(p);
    pair.q.set(q);
    const label = `allocPair of ${p.length}`;
    const mixed = Float64Array.from(q); // one pair view, one copied array
    assert.deepEqual(outcome(() => entropy(pair.p)), outcome(() => entropy(Array.from(p), {})), `entropy, ${label}`);
    for (const f of [crossEntropy, kl, jsDivergence, measures, klTerms]) {
      assert.deepEqual(outcome(() => f(pair.p, pair.q)), outcome(() => f(Array.from(p), Array.from(q), {})), `${f.name}, ${label}`);
      assert.deepEqual(outcome(() => f(pair.p, mixed)), outcome(() => f(Array.from(p), Array.from(q), {})), `${f.name}, ${label} and a copy`);
    }
    assert.deepEqual(outcome(() => infodiv.klRows(pair.p, pair.q, 1)), outcome(() => infodiv.klRows(Array.from(p), Array.from(q), 1, {})), `klRows, ${label}`);
    const view = pair.p.subarray(0, p.length), freed = pair.p;
    assert.deepEqual(outcome(() => kl(view, pair.q)), outcome(() => kl(pair.p, pair.q, {})), `kl of a subarray, ${label}`);
    pair.free();
    assert.match(outcome(() => kl(freed, mixed)), /freed/, `kl of a freed view, ${label}`);
  }
});
