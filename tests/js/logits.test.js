// Logits: with { logits: true, temperature: T } the inputs are logits and
// P = softmax(p/T), Q = softmax(q/T), computed stably in C. Checked against
// the reference data (fed in as logits), for shift invariance (exact), for
// logits far beyond exp()'s range, for the temperature, for -Infinity as a
// masked outcome, in batches and in float, and for every bad input's exact
// error.
import { before, describe, it, test } from 'node:test';
import assert from 'node:assert/strict';
import { inspect } from 'node:util';
import { loadDiscreteCases } from '../fixtures/discrete.mjs';
import {
  init, entropy, crossEntropy, kl, jsDivergence, measures, klTerms, klRows, measuresRows, memoryUsage,
} from '../../dist/infodiv.js';
import { prng } from './prng.mjs';

const typeError = (message) => ({ name: 'TypeError', message });
const rangeError = (message) => ({ name: 'RangeError', message });
const LOGITS = { logits: true };
const U = 2 ** -53; // unit roundoff of double

const close = (got, want, tol, what = '') => assert.ok(Math.abs(got - want) <= tol * Math.abs(want),
  `${what}: got ${got}, want ${want} (relative difference ${(Math.abs(got - want) / Math.abs(want)).toExponential(2)})`);

test('before init() resolves, a call with logits throws an Error saying so', () => {
  assert.throws(() => kl([1, 2], [2, 1], LOGITS),
    { name: 'Error', message: 'infodiv is not initialised: call `await init()` first' });
});

describe('the reference data, fed in as logits a_i = T ln p_i + c1, b_i = T ln q_i + c2', () => {
  before(() => init());

  // The cases whose KL is not tiny and whose entries are all > 0 (a zero has
  // no finite logit; -Infinity is tested below).
  const cases = loadDiscreteCases().filter((c) => {
    const d = Number(c.expect.kl_pq);
    return d > 1e-10 && d < Infinity && c.p.every((v) => v > 0) && c.q.every((v) => v > 0);
  });
  it('enough of the reference data qualifies', () => assert.ok(cases.length >= 25, `${cases.length} cases`));

  // Tolerance. The logits are not exactly T ln p_i + c1: a_i = fl(fl(T fl(ln p_i)) + c1)
  // rounds three times, and the core rounds (a_i - max a)/T twice more, so
  // the distribution the core is given has log-probabilities off by (up to a
  // common shift, which softmax ignores)
  //   |delta_i| <= u (5 |ln p_i| + 2 max_j |ln p_j| + 5 |c1|/T)
  // (u = 2^-53), and likewise epsilon_i for q. A measure f then moves by at most
  // sum_i |df/d ln p_i| |delta_i| + sum_i |df/d ln q_i| |epsilon_i|, with the
  // derivatives of the normalised p^, q^ (m^ = (p^ + q^)/2), in nats:
  //   H(P):    df/d ln p_i = -p^_i (ln p^_i + H(P))
  //   H(P,Q):  df/d ln p_i = -p^_i (ln q^_i + H(P,Q)),      df/d ln q_i = -(p^_i - q^_i)
  //   KL(P||Q): df/d ln p_i = p^_i (ln(p^_i/q^_i) - KL),    df/d ln q_i = -(p^_i - q^_i)
  //   JS:      df/d ln p_i = p^_i (ln(p^_i/m^_i) - KL(P||M))/2, and the same with q
  // That perturbation is the input's, not the library's: on top of it the
  // library must be within its own 1e-12 relative. The nearly identical cases
  // (KL ~ 1e-7) need the bound (up to ~1e-10 relative, where the library
  // is measured at ~5e-13); elsewhere 1e-12 dominates. Each tolerance is also
  // checked to stay below 2e-10 relative, so the test keeps its teeth.
  function sensitivities(p, q) {
    const norm = (a) => {
      const s = a.reduce((x, y) => x + y, 0);
      return a.map((v) => v / s);
    };
    const P = norm(p), Q = norm(q), M = P.map((v, i) => (v + Q[i]) / 2), n = P.length;
    const sum = (f) => {
      let s = 0;
      for (let i = 0; i < n; i++) s += f(i);
      return s;
    };
    const ln = (a) => a.map((v) => Math.log(v)); // logs, not of ratios: 0.25/1e-310 overflows
    const lP = ln(P), lQ = ln(Q), lM = ln(M);
    const hP = -sum((i) => P[i] * lP[i]), hQ = -sum((i) => Q[i] * lQ[i]);
    const hPQ = -sum((i) => P[i] * lQ[i]), hQP = -sum((i) => Q[i] * lP[i]);
    const klPM = sum((i) => P[i] * (lP[i] - lM[i])), klQM = sum((i) => Q[i] * (lQ[i] - lM[i]));
    const diff = (i) => Math.abs(P[i] - Q[i]);
    const zero = () => 0;
    return {
      // measure: [ |df/d ln p_i|, |df/d ln q_i| ]
      entropyP: [(i) => P[i] * Math.abs(lP[i] + hP), zero],
      entropyQ: [zero, (i) => Q[i] * Math.abs(lQ[i] + hQ)],
      crossEntropyPQ: [(i) => P[i] * Math.abs(lQ[i] + hPQ), diff],
      crossEntropyQP: [diff, (i) => Q[i] * Math.abs(lP[i] + hQP)],
      klPQ: [(i) => P[i] * Math.abs(lP[i] - lQ[i] - (hPQ - hP)), diff],
      klQP: [diff, (i) => Q[i] * Math.abs(lQ[i] - lP[i] - (hQP - hQ))],
      js: [(i) => P[i] * Math.abs(lP[i] - lM[i] - klPM) / 2, (i) => Q[i] * Math.abs(lQ[i] - lM[i] - klQM) / 2],
      sum,
    };
  }

  const KEYS = { entropyP: 'entropy_p', entropyQ: 'entropy_q', crossEntropyPQ: 'cross_entropy_pq',
    crossEntropyQP: 'cross_entropy_qp', klPQ: 'kl_pq', klQP: 'kl_qp', js: 'js' };
  // [T, c1, c2]: powers of two and not, shifts of either sign.
  const LOGIT_MAPS = [[1, 0, 0], [1, 3.25, -7.5], [0.5, -2, 5], [3, 10, -10], [0.7, 1, 2]];

  for (const c of cases) {
    it(`${c.name} (n=${c.p.length}, base ${c.base})`, () => {
      const base = c.base === 'e' ? Math.E : c.base, lnBase = Math.log(base);
      const s = sensitivities(c.p, c.q);
      const maxLnP = Math.max(...c.p.map((v) => Math.abs(Math.log(v))));
      const maxLnQ = Math.max(...c.q.map((v) => Math.abs(Math.log(v))));
      const sumP = c.p.reduce((x, y) => x + y, 0), pNormal = c.p.every((v) => v / sumP >= 2.2250738585072014e-308);
      for (const [T, c1, c2] of LOGIT_MAPS) {
        const a = c.p.map((v) => T * Math.log(v) + c1), b = c.q.map((v) => T * Math.log(v) + c2);
        const deltaP = (i) => U * (5 * Math.abs(Math.log(c.p[i])) + 2 * maxLnP + 5 * Math.abs(c1) / T);
        const deltaQ = (i) => U * (5 * Math.abs(Math.log(c.q[i])) + 2 * maxLnQ + 5 * Math.abs(c2) / T);
        const options = { logits: true, temperature: T, base };
        const check = (got, key, what) => {
          const want = Number(c.expect[KEYS[key]]);
          const [dp, dq] = s[key];
          const tol = 1e-12 * Math.abs(want) + s.sum((i) => dp(i) * deltaP(i) + dq(i) * deltaQ(i)) / lnBase;
          assert.ok(tol <= 2e-10 * Math.abs(want), `${what}: the tolerance ${tol} is too loose for ${want}`);
          assert.ok(Math.abs(got - want) <= tol, `${what}, T ${T}, c1 ${c1}, c2 ${c2}: got ${got}, want ${want} `
            + `(difference ${Math.abs(got - want).toExponential(2)}, allowed ${tol.toExponential(2)})`);
        };
        const m = measures(a, b, options);
        for (const key of Object.keys(KEYS)) check(m[key], key, `measures.${key}`);
        check(kl(a, b, options), 'klPQ', 'kl(a, b)');
        // Reversed, with p's logits as q. Only where every p_i is a normal
        // number: a q whose softmax has a subnormal entry gives NaN as of
        // this writing (kl([0, 0], [-720, 0], { logits: true }); reported).
        if (pNormal) check(kl(b, a, options), 'klQP', 'kl(b, a)');
        check(entropy(a, options), 'entropyP', 'entropy(a)');
        check(crossEntropy(a, b, options), 'crossEntropyPQ', 'crossEntropy(a, b)');
        check(jsDivergence(a, b, options), 'js', 'jsDivergence(a, b)');
        for (const key of ['klPQ', 'klQP', 'js']) assert.ok(m[key] > 0, `${key} is ${m[key]}`);
      }
    });
  }
});

describe('properties', () => {
  before(() => init());

  // Logits k/64 with |k| <= 640 and the shifts below are exact in double,
  // and so is every difference the core forms from them: a shifted input is
  // the same distribution in exactly the same arithmetic.
  const dyadic = (random, n) => Array.from({ length: n }, () => Math.round((random() - 0.5) * 1280) / 64);
  const SHIFTS = [1, -37, 0.5, 1024, 2 ** 20, -(2 ** 30)];

  it('adding a constant to all logits gives exactly the same result', () => {
    const random = prng(11);
    for (const n of [1, 2, 3, 10, 100, 1000]) {
      const a = dyadic(random, n), b = dyadic(random, n);
      for (const T of [1, 0.7, 4]) {
        const o = { logits: true, temperature: T };
        const want = measures(a, b, o), wantKl = kl(a, b, o);
        for (const c of SHIFTS) {
          const ac = a.map((v) => v + c), bc = b.map((v) => v + c);
          const what = `n ${n}, T ${T}, shift ${c}`;
          assert.deepEqual(measures(ac, b, o), want, what);
          assert.deepEqual(measures(a, bc, o), want, what);
          assert.deepEqual(measures(ac, bc, o), want, what);
          assert.equal(kl(ac, b, o), wantKl, what);
          assert.equal(kl(a, bc, o), wantKl, what);
          assert.equal(entropy(ac, o), want.entropyP, what);
        }
      }
    }
  });

  it('identical logits, or logits that differ by an exact constant, give exactly 0', () => {
    const random = prng(12);
    for (const n of [1, 2, 5, 100, 5000]) {
      const a = Array.from({ length: n }, () => (random() - 0.5) * 40); // not dyadic
      const d = dyadic(random, n);
      for (const T of [1, 0.3, 7]) {
        const o = { logits: true, temperature: T };
        assert.equal(kl(a, a, o), 0);
        assert.equal(jsDivergence(a, a, o), 0);
        const m = measures(a, a, o);
        assert.equal(m.klPQ, 0);
        assert.equal(m.klQP, 0);
        assert.equal(m.js, 0);
        assert.equal(m.entropyP, m.crossEntropyPQ);
        for (const c of SHIFTS) {
          assert.equal(kl(d, d.map((v) => v + c), o), 0, `shift ${c}`);
          assert.equal(measures(d.map((v) => v + c), d, o).js, 0, `shift ${c}`);
        }
      }
    }
  });

  it('logits of +-1000 and 1e300 give finite, exact values', () => {
    // [1000, -1000, 999] vs [999, -1000, 1000]: the normalisers are the same,
    // Z = e^1000 + e^999 + e^-1000, so log(p_i/q_i) = a_i - b_i = 1, 0, -1 and
    //   KL = p_0 - p_2 = (e^1000 - e^999)/Z = (e - 1)/(e + 1 + e^-1999) = tanh(1/2)
    // to far below double precision (e^-1999 ~ 1e-868): 0.46211715726000975850...
    // Both directions alike, by symmetry; H(P) = log Z - sum p_i a_i
    //   = log(1 + e) - e/(1 + e) (the e^-1000 term is negligible).
    const TANH_HALF = 0.4621171572600097585;
    const m = measures([1000, -1000, 999], [999, -1000, 1000], LOGITS);
    close(kl([1000, -1000, 999], [999, -1000, 1000], LOGITS), TANH_HALF, 2e-16, 'kl');
    close(m.klPQ, TANH_HALF, 2e-16, 'klPQ');
    close(m.klQP, TANH_HALF, 2e-16, 'klQP');
    const h = Math.log1p(Math.E) - Math.E / (1 + Math.E);
    close(m.entropyP, h, 1e-15, 'entropyP');
    close(m.entropyQ, h, 1e-15, 'entropyQ');
    close(m.crossEntropyPQ, h + TANH_HALF, 1e-15, 'crossEntropyPQ');
    // JS of (x, 0, 1-x) and (1-x, 0, x), x = e/(1+e): 2 H(M) - H(P) - H(Q) over 2, M uniform on two outcomes.
    close(m.js, Math.LN2 - h, 1e-15, 'js');
    // The same at temperature 1000: logits 1, -1, 0.999 and 0.999, -1, 1.
    const soft = (z) => {
      const e = z.map((v) => Math.exp(v)), s = e.reduce((x, y) => x + y, 0);
      return e.map((v) => v / s);
    };
    const p = soft([1, -1, 0.999]), q = soft([0.999, -1, 1]);
    // p_i/q_i = e^0.001, 1, e^-0.001 exactly (same normaliser): KL = 0.001 (p_0 - p_2).
    close(kl([1000, -1000, 999], [999, -1000, 1000], { logits: true, temperature: 1000 }), 0.001 * (p[0] - p[2]), 1e-12, 'T 1000');
    close(0.001 * (p[0] - p[2]), kl(p, q), 1e-9, 'against probabilities');

    // 1e300: P is one-hot on outcome 0 and Q on outcome 2 (e^-1e300 is 0 to any precision), yet
    // log(p_0/q_0) = (1e300 - log Z_P) - (1 - log Z_Q) = 1e300 - 1 exactly, since log Z_P = log Z_Q = 1e300.
    const big = measures([1e300, 0, 1], [1, 0, 1e300], LOGITS);
    assert.deepEqual(big, { entropyP: 0, entropyQ: 0, crossEntropyPQ: 1e300, crossEntropyQP: 1e300,
      klPQ: 1e300, klQP: 1e300, js: Math.LN2 });
    assert.equal(kl([1e300, 0, 1], [1, 0, 1e300], LOGITS), 1e300);
    // log(p_0/q_0) = 1e300 - (-1e300) = 2e300; both one-hot, on different outcomes.
    assert.equal(kl([1e300, -1e300], [-1e300, 1e300], LOGITS), 2e300);
    assert.equal(kl([-1e300, 1e300], [-1e300, 1e300], LOGITS), 0);
    assert.equal(entropy([1e300, -1e300, 5], LOGITS), 0);
    assert.equal(entropy([1e300, 1e300], LOGITS), Math.LN2);
    // One-sided: P one-hot at 0 after the shift (a' = 0, -1e308), Q at 1: KL = 1e308.
    assert.equal(kl([1e308, 0], [-1e308, 0], LOGITS), 1e308);
    assert.equal(kl([1e308, 0], [0, 1e308], { logits: true, temperature: 2 }), 5e307);
    // A temperature that makes the logits huge, and one that makes them tiny.
    assert.equal(entropy([1, 2, 3], { logits: true, temperature: 1e-9 }), 0);
    // (P, Q one-hot on outcomes 1 and 0: KL = (2 - 1)/T = 1/fl(1e-300), within an ulp of 1e300.)
    close(kl([1, 2], [2, 1], { logits: true, temperature: 1e-300 }), 1e300, 2.3e-16, 'T 1e-300');
    close(entropy([1, 2, 3], { logits: true, temperature: 1e300 }), Math.log(3), 1e-15, 'T 1e300');
  });

  it('logits spanning more than DBL_MAX, and logits huge against their gaps, keep every outcome', () => {
    // Expected values: mpmath at 3000 bits, in log space (tests/c/test_regressions.c has the
    // code): s_i = (a_i - max a)/T, log p_i = s_i - log sum e^s, KL = sum p_i (log p_i - log q_i).
    // a_i - max a beyond DBL_MAX overflowed to -Infinity and dropped the outcome:
    // KL = 1e308 exactly (Infinity before), and P = softmax(-2, 0) had H(P) = 0.
    const MAX = Number.MAX_VALUE;
    assert.equal(kl([1e308, -1e308], [-1e308, 1e308], { logits: true, temperature: 2 }), 1e308);
    const wide = measures([-MAX, MAX], [MAX, MAX], { logits: true, temperature: MAX });
    const want = { entropyP: 0.36533385508720760832, entropyQ: 0.69314718055994530942,
      crossEntropyPQ: 0.69314718055994530942, crossEntropyQP: 1.1269280110429724964,
      klPQ: 0.32781332547273770109, klQP: 0.43378083048302718703, js: 0.089540896498014280611 };
    for (const key of Object.keys(want)) close(wide[key], want[key], 1e-14, `[-MAX, MAX] ${key}`);
    close(entropy([-MAX, MAX], { logits: true, temperature: MAX }), want.entropyP, 1e-14, 'entropy');
    close(kl([-MAX, MAX], [MAX, MAX], { logits: true, temperature: MAX }), want.klPQ, 1e-14, 'kl');
    // b'_1 = -1.8e305/1e-3 overflows on its own, yet p_1 log(p_1/q_1) = e^-700 * 1.8e308 is finite;
    // and a'_1 = -0.7/1e-3 rounded to -700 moved p_1 by 7.7e-14 (exp_quot() corrects it).
    close(kl([0, -0.7], [0, -1.8e305], { logits: true, temperature: 1e-3 }), 17747.417778768632848, 1e-15, 'b\' beyond MAX');
    const m7 = measures([0, -0.7], [0, -1.8e305], { logits: true, temperature: 1e-3 });
    close(m7.entropyP, 6.9116332571760064413e-302, 1e-15, 'entropyP');
    close(m7.klQP, 9.8596765437603523863e-305, 1e-15, 'klQP');
    close(m7.js, 3.4171034987702572427e-305, 1e-15, 'js');
    // Logits of 1e20 (an ulp of 16384) beside 0 and -5 at T = 1e-3: (a_i - b_i) - (max a - max b)
    // rounded the gap of 5000 away, and kl gave Infinity; measures gave 5000.
    const huge = [1e20, 1e20 + 16384], small = [0, -5], cold = { logits: true, temperature: 1e-3 };
    assert.equal(kl(huge, small, cold), 5000); // 4999.99999999999999989...
    const m = measures(huge, small, cold);
    assert.equal(m.klPQ, 5000);
    assert.equal(m.klQP, 16384000); // 16383999.99999999999966...
    close(m.js, Math.LN2, 1e-15, 'js');
  });

  it('temperature T gives what the logits divided by T give', () => {
    // Dividing in JS rounds a/T once per entry (relative 2^-53), where the
    // core divides differences: the two agree to ~1e-15 relative for KL not tiny.
    const random = prng(13);
    for (const n of [2, 7, 100, 3000]) {
      const a = Array.from({ length: n }, () => (random() - 0.5) * 20);
      const b = Array.from({ length: n }, () => (random() - 0.5) * 20);
      for (const T of [0.1, 0.5, 2, 3.7, 100]) {
        const o = { logits: true, temperature: T };
        const aT = a.map((v) => v / T), bT = b.map((v) => v / T);
        const what = `n ${n}, T ${T}`;
        close(kl(a, b, o), kl(aT, bT, LOGITS), 1e-12, what);
        const m = measures(a, b, o), mT = measures(aT, bT, LOGITS);
        for (const key of Object.keys(m)) close(m[key], mT[key], 1e-12, `${what}: ${key}`);
        close(kl(a, b, { ...o, base: 2 }), kl(aT, bT, LOGITS) / Math.LN2, 1e-12, `${what}, base 2`);
      }
    }
    // temperature: 1 is the default.
    assert.equal(kl([1, 2, 3], [3, 1, 2], { logits: true, temperature: 1 }), kl([1, 2, 3], [3, 1, 2], LOGITS));
    assert.equal(kl([1, 2, 3], [3, 1, 2], { logits: true, temperature: undefined }), kl([1, 2, 3], [3, 1, 2], LOGITS));
  });

  it('logits agree with probabilities: softmax computed in JS, compared through kl on probabilities', () => {
    const random = prng(14);
    for (const n of [2, 10, 500]) {
      const a = Array.from({ length: n }, () => (random() - 0.5) * 10);
      const b = Array.from({ length: n }, () => (random() - 0.5) * 10);
      const soft = (z) => z.map((v) => Math.exp(v)); // counts: normalised by the library
      close(kl(a, b, LOGITS), kl(soft(a), soft(b)), 1e-13, `n ${n}`);
      const m = measures(a, b, LOGITS), mp = measures(soft(a), soft(b));
      for (const key of Object.keys(m)) close(m[key], mp[key], 1e-13, `n ${n}: ${key}`);
    }
  });

  it('-Infinity is a masked outcome: probability 0', () => {
    const NEG = -Infinity;
    // p masked where q is not: that outcome adds nothing to KL(P||Q).
    // P = (0, 1/2, 1/2), Q = (1/3, 1/3, 1/3): KL(P||Q) = log(3/2).
    close(kl([NEG, 0, 0], [0, 0, 0], LOGITS), Math.log(1.5), 1e-15, 'p masked');
    const m = measures([NEG, 0, 0], [0, 0, 0], LOGITS);
    close(m.klPQ, Math.log(1.5), 1e-15, 'klPQ');
    assert.equal(m.klQP, Infinity); // q > 0 where p = 0
    assert.equal(m.crossEntropyQP, Infinity);
    close(m.entropyP, Math.LN2, 1e-15, 'entropyP');
    close(m.entropyQ, Math.log(3), 1e-15, 'entropyQ');
    assert.ok(m.js > 0 && m.js < Math.LN2);
    // q masked where p is not: Infinity; masked in both: ignored.
    assert.equal(kl([0, 0, 0], [NEG, 0, 0], LOGITS), Infinity);
    assert.equal(crossEntropy([0, 0, 0], [NEG, 0, 0], LOGITS), Infinity);
    assert.equal(kl([NEG, 1, 2], [NEG, 1, 2], LOGITS), 0);
    // (The masked input takes the general path, the unmasked one the fast pass: the same within rounding.)
    const masked = measures([NEG, 1, 2], [NEG, 3, 4], LOGITS), unmasked = measures([1, 2], [3, 4], LOGITS);
    for (const key of Object.keys(unmasked)) close(masked[key], unmasked[key], 2 ** -52, `masked in both: ${key}`);
    assert.equal(kl([NEG, 0], [0, NEG], LOGITS), Infinity);
    close(jsDivergence([NEG, 0], [0, NEG], LOGITS), Math.LN2, 1e-15, 'disjoint JS');
    assert.equal(entropy([NEG, 5], LOGITS), 0);
    assert.equal(entropy([NEG, 5, NEG, 5], LOGITS), Math.LN2);
    // The same in float.
    const f = (a) => Float32Array.from(a);
    close(kl(f([NEG, 0, 0]), f([0, 0, 0]), LOGITS), Math.log(1.5), 1e-15, 'p masked, float');
    assert.equal(kl(f([0, 0, 0]), f([NEG, 0, 0]), LOGITS), Infinity);
  });

  it('other input containers: integer typed arrays are logits too', () => {
    assert.equal(kl(Int8Array.of(-3, 0, 5), Int16Array.of(1, 1, 2), LOGITS), kl([-3, 0, 5], [1, 1, 2], LOGITS));
    assert.deepEqual(measures(Uint8Array.of(1, 2), Float64Array.of(2, 1), LOGITS), measures([1, 2], [2, 1], LOGITS));
  });
});

describe('Float32Array logits', () => {
  before(() => init());
  // Both Float32Array: the *_logits_f32 functions read the floats as double,
  // so the result is that of the same values given as double.
  it('give the results of the same values as double', () => {
    const random = prng(21);
    for (const n of [1, 2, 3, 17, 1000]) {
      const a = Float32Array.from({ length: n }, () => (random() - 0.5) * 30);
      const b = Float32Array.from({ length: n }, () => (random() - 0.5) * 30);
      a[0] = -Infinity;
      if (n > 2) b[2] = -Infinity;
      if (n === 1) a[0] = 3;
      const a64 = Array.from(a), b64 = Array.from(b);
      for (const T of [1, 0.25, 3]) {
        const o = { logits: true, temperature: T };
        assert.equal(kl(a, b, o), kl(a64, b64, o), `n ${n}, T ${T}`);
        assert.deepEqual(measures(a, b, o), measures(a64, b64, o), `n ${n}, T ${T}`);
        assert.equal(entropy(a, o), entropy(a64, o));
        assert.deepEqual(klRows(a, b, n, o), klRows(a64, b64, n, o));
        assert.deepEqual(klRows(a, b, n, o), Float64Array.of(kl(a, b, o)));
      }
    }
  });

  it('extreme float logits do not overflow', () => {
    const big = 3e38; // near FLT_MAX: KL = 2 big exactly in double
    const fb = Math.fround(big);
    assert.equal(kl(Float32Array.of(big, -big, 0), Float32Array.of(-big, big, 0), LOGITS), 2 * fb);
    assert.equal(kl(Float32Array.of(1000, -1000, 999), Float32Array.of(999, -1000, 1000), LOGITS),
      kl([1000, -1000, 999], [999, -1000, 1000], LOGITS));
  });
});

describe('klRows and measuresRows with logits', () => {
  before(() => init());
  const CONTAINERS = [
    { name: 'number[]', of: (a) => a.slice(), row: (a, r, cols) => a.slice(r * cols, (r + 1) * cols) },
    { name: 'Float64Array', of: (a) => Float64Array.from(a), row: (a, r, cols) => a.subarray(r * cols, (r + 1) * cols) },
    { name: 'Float32Array', of: (a) => Float32Array.from(a), row: (a, r, cols) => a.subarray(r * cols, (r + 1) * cols) },
  ];
  for (const [rows, cols] of [[1, 1], [3, 2], [50, 1000], [7, 33]]) {
    const random = prng(rows * 1000 + cols);
    const logits = () => Array.from({ length: rows * cols }, () => (random() - 0.5) * 16);
    const p = logits(), q = logits();
    if (cols > 1) {
      p[1] = -Infinity; // row 0: masked in p
      q[cols + 1] = -Infinity; // row 1: masked in q, so KL(P||Q) is Infinity there
    }
    for (let i = 0; i < cols; i++) q[(rows - 1) * cols + i] = p[(rows - 1) * cols + i] + 2.5; // last row: shifted P
    for (const c of CONTAINERS) {
      it(`rows ${rows}, cols ${cols}: each row is the single-row result (${c.name})`, () => {
        const P = c.of(p), Q = c.of(q);
        for (const options of [LOGITS, { logits: true, temperature: 0.5 }, { logits: true, temperature: 3, base: 2 }]) {
          const d = klRows(P, Q, cols, options), m = measuresRows(P, Q, cols, options);
          assert.equal(d.length, rows);
          for (let r = 0; r < rows; r++) {
            const pr = c.row(P, r, cols), qr = c.row(Q, r, cols), what = `row ${r}, ${inspect(options)}`;
            assert.equal(d[r], kl(pr, qr, options), what);
            const single = measures(pr, qr, options);
            for (const key of Object.keys(single)) assert.equal(m[key][r], single[key], `${what}: ${key}`);
          }
          if (cols > 1 && rows > 1) assert.equal(d[1], Infinity);
          if (c.name !== 'Float32Array') assert.ok(d[rows - 1] <= 1e-15, `shifted row: ${d[rows - 1]}`);
        }
      });
    }
  }

  it('large batches leave the heap as it was, errors included', () => {
    const random = prng(99);
    const p = Float64Array.from({ length: 50_000 }, () => random() * 10), q = p.map((v) => v + random());
    klRows(p, q, 1000, LOGITS);
    const start = memoryUsage();
    for (let i = 0; i < 10; i++) {
      klRows(p, q, 1000, LOGITS);
      measuresRows(p, q, 500, { logits: true, temperature: 2 });
    }
    const bad = q.slice();
    bad[3 * 1000 + 7] = NaN;
    assert.throws(() => klRows(p, bad, 1000, LOGITS), rangeError('q[3][7] is NaN'));
    bad.fill(-Infinity, 4000, 5000);
    bad[3007] = 0;
    assert.throws(() => measuresRows(p, bad, 1000, LOGITS), rangeError('row 4 of q: every logit is -Infinity'));
    assert.deepEqual(memoryUsage(), start);
  });
});

describe('bad input with logits: one exact error, then the library works as before', () => {
  before(() => init());

  const KL_3 = 1.1504207652088825; // kl([1, 2, 3], [3, 2, 1], logits): see the check below
  function assertStillUsable() {
    close(kl([0.6, 0.3, 0.1], [0.5, 0.4, 0.1]), 0.02308831234083850406, 1e-15, 'kl');
    close(kl([1, 2, 3], [3, 2, 1], LOGITS), KL_3, 1e-15, 'kl of logits');
  }
  it('the reference value used after each error', () => {
    // P = softmax(1, 2, 3) = (1, e, e^2)/Z, Q its reverse: KL = 2 (p_2 - p_0) = 2 (e^2 - 1)/(1 + e + e^2).
    const e = Math.E;
    close(KL_3, 2 * (e * e - 1) / (1 + e + e * e), 2e-16, 'closed form');
  });
  const assertThrowsThenUsable = (call, expected) => {
    assert.throws(call, expected);
    assertStillUsable();
  };

  // Every function that takes logits, called as f(p, q, options); entropy drops q.
  const FUNCTIONS = [
    ['entropy', (p, q, o) => entropy(p, o), ['p']],
    ['crossEntropy', crossEntropy, ['p', 'q']],
    ['kl', kl, ['p', 'q']],
    ['jsDivergence', jsDivergence, ['p', 'q']],
    ['measures', measures, ['p', 'q']],
  ];
  const CONTAINERS = [['number[]', (a) => a.slice()], ['Float64Array', (a) => Float64Array.from(a)],
    ['Float32Array', (a) => Float32Array.from(a)]];
  const GOOD = [1, 2, 3];

  // [options, expected]: wrong for every function.
  const BAD_OPTIONS = [
    ...[0, -1, -0, NaN, Infinity, -Infinity, -1e-300].map((t) => [{ logits: true, temperature: t },
      rangeError(`options.temperature must be a finite number > 0 (got ${t})`)]),
    [{ logits: true, temperature: '2' }, typeError('options.temperature must be a number (got the string "2")')],
    [{ logits: true, temperature: null }, typeError('options.temperature must be a number (got null)')],
    [{ logits: true, temperature: 2n }, typeError('options.temperature must be a number (got the bigint 2n)')],
    [{ temperature: 2 }, typeError('options.temperature applies only with logits: true')],
    [{ logits: false, temperature: 2 }, typeError('options.temperature applies only with logits: true')],
    [{ logits: undefined, temperature: 0.5 }, typeError('options.temperature applies only with logits: true')],
    [{ logits: true, normalize: true }, typeError('options.normalize applies to probabilities, not to logits')],
    [{ logits: true, normalize: false }, typeError('options.normalize applies to probabilities, not to logits')],
    [{ logits: 1 }, typeError('options.logits must be true or false (got the number 1)')],
    [{ logits: 'true' }, typeError('options.logits must be true or false (got the string "true")')],
    [{ logits: null }, typeError('options.logits must be true or false (got null)')],
    [{ logit: true }, typeError('unknown option "logit" (the options are base, normalize, logits and temperature)')],
    [{ logits: true, temp: 2 }, typeError('unknown option "temp" (the options are base, normalize, logits and temperature)')],
    [{ logits: true, base: 1 }, rangeError('options.base must be a finite number > 0 and not 1 (got 1)')],
  ];

  // Bad logits in p or q: [what, entries, message(arg)]
  const BAD_LOGITS = [
    ['a NaN logit', [1, NaN, 3], (a) => `${a}[1] is NaN`],
    ['a +Infinity logit', [Infinity, 2, 3],
      (a) => `${a}[0] is infinite (Infinity); a logit may be -Infinity (probability 0), not +Infinity`],
    ['only -Infinity', [-Infinity, -Infinity, -Infinity], (a) => `${a}: every logit is -Infinity`],
  ];

  for (const [fname, f, args] of FUNCTIONS) {
    describe(fname, () => {
      for (const [cname, of] of CONTAINERS) {
        for (const [options, expected] of BAD_OPTIONS) {
          it(`options ${inspect(options)} (${cname})`, () => {
            assertThrowsThenUsable(() => f(of(GOOD), of(GOOD), options), expected);
          });
        }
        for (const arg of args) {
          for (const [what, entries, message] of BAD_LOGITS) {
            it(`${arg} has ${what} (${cname})`, () => {
              const call = arg === 'p' ? () => f(of(entries), of(GOOD), LOGITS) : () => f(of(GOOD), of(entries), LOGITS);
              assertThrowsThenUsable(call, rangeError(message(arg)));
            });
          }
        }
      }
      it('values before the temperature: a NaN logit is reported, not temperature 0', () => {
        assertThrowsThenUsable(() => f([1, NaN], [1, 1], { logits: true, temperature: 0 }), rangeError('p[1] is NaN'));
      });
    });
  }

  describe('klRows and measuresRows name the row', () => {
    const ROWS = [['klRows', klRows], ['measuresRows', measuresRows]];
    const GOOD_ROWS = [1, 2, 3, 4, 5, 6, 7, 8, 9]; // 3 rows of 3
    for (const [fname, f] of ROWS) {
      for (const [cname, of] of CONTAINERS) {
        for (const arg of ['p', 'q']) {
          const withBad = (i, value) => {
            const bad = of(GOOD_ROWS);
            if (Array.isArray(i)) for (const k of i) bad[k] = value;
            else bad[i] = value;
            return arg === 'p' ? [bad, of(GOOD_ROWS)] : [of(GOOD_ROWS), bad];
          };
          it(`${fname}: ${arg}[2][1] is NaN (${cname})`, () => {
            assertThrowsThenUsable(() => f(...withBad(7, NaN), 3, LOGITS), rangeError(`${arg}[2][1] is NaN`));
          });
          it(`${fname}: ${arg}[2][0] is +Infinity (${cname})`, () => {
            assertThrowsThenUsable(() => f(...withBad(6, Infinity), 3, LOGITS), rangeError(`${arg}[2][0] is infinite `
              + '(Infinity); a logit may be -Infinity (probability 0), not +Infinity'));
          });
          it(`${fname}: row 1 of ${arg} is all -Infinity (${cname})`, () => {
            assertThrowsThenUsable(() => f(...withBad([3, 4, 5], -Infinity), 3, LOGITS),
              rangeError(`row 1 of ${arg}: every logit is -Infinity`));
          });
        }
        it(`${fname}: temperature 0 (${cname})`, () => {
          assertThrowsThenUsable(() => f(of(GOOD_ROWS), of(GOOD_ROWS), 3, { logits: true, temperature: 0 }),
            rangeError('options.temperature must be a finite number > 0 (got 0)'));
        });
        it(`${fname}: temperature without logits, normalize with logits (${cname})`, () => {
          assertThrowsThenUsable(() => f(of(GOOD_ROWS), of(GOOD_ROWS), 3, { temperature: 2 }),
            typeError('options.temperature applies only with logits: true'));
          assertThrowsThenUsable(() => f(of(GOOD_ROWS), of(GOOD_ROWS), 3, { logits: true, normalize: true }),
            typeError('options.normalize applies to probabilities, not to logits'));
        });
      }
    }
  });

  describe('klTerms takes probabilities only', () => {
    for (const [cname, of] of CONTAINERS) {
      it(`logits: true is a TypeError (${cname})`, () => {
        assertThrowsThenUsable(() => klTerms(of(GOOD), of(GOOD), LOGITS),
          typeError('klTerms takes probabilities, not logits: drop options.logits'));
        assertThrowsThenUsable(() => klTerms(of(GOOD), of(GOOD), { logits: true, temperature: 2 }),
          typeError('klTerms takes probabilities, not logits: drop options.logits'));
        assertThrowsThenUsable(() => klTerms(of(GOOD), of(GOOD), { temperature: 2 }),
          typeError('options.temperature applies only with logits: true'));
      });
    }
    it('logits: false is allowed', () => {
      assert.deepEqual(klTerms([1, 2, 3], [3, 2, 1], { logits: false }), klTerms([1, 2, 3], [3, 2, 1]));
    });
  });
});
