// Property-based tests (fast-check, fixed seeds): identities and inequalities
// that hold for every distribution, checked over random distributions of
// random lengths (1 to 2000), scales (1e-300 to 1e300; 1e-38 to 1e38 for
// float32), with zeros, counts and nearly equal pairs, as number[],
// Float64Array and Float32Array (whose values are generated as floats).
//
// Tolerances. The README promises each result within 1e-12 relative error of
// the exact value of the numbers given (REL). So:
// - two computations of the same exact quantity agree within 2 REL of it;
// - an identity between sums (H(P,Q) = H(P) + KL) within a few REL of the
//   sum of the magnitudes;
// - where the test itself rounds the input (scaling by c, merging outcomes,
//   log p as logits, a/T), the input moved by a few units in the last place,
//   and the exact measure with it; that first-order change is bounded in
//   each property and added to the tolerance;
// - KL >= 0, KL(P||P) = 0, JS >= 0 and where KL is Infinity are exact;
// - a value below 2^-1022 is subnormal, with an absolute precision of
//   2^-1074 and no relative one: near() accepts any difference below FLOOR =
//   2^-1022 whatever the relative tolerance (the exact KL of
//   [1, 1.559e-305] and [1.012, 1.578e-305] is 1.2e-321; kl() gives 0).
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  init, entropy, crossEntropy, kl, jsDivergence, measures, klTerms, klRows, measuresRows,
  klDist, entropyDist, crossEntropyDist,
} from '../../dist/infodiv.js';
import { prng } from './prng.mjs';

const REL = 1e-12; // the README's accuracy contract, relative
const U = 2 ** -53; // unit roundoff of double
const MAX_N = 2000;
const FLOOR = 2 ** -1022;
const KEYS = ['entropyP', 'entropyQ', 'crossEntropyPQ', 'crossEntropyQP', 'klPQ', 'klQP', 'js'];

before(() => init());

// fast-check with a fixed seed, so every run (and any failure) reproduces.
let seed = 7000;
const check = (property, numRuns = 100) => fc.assert(property, { seed: seed++, numRuns, includeErrorInReport: true });

// |got - want| <= tol, with Infinity only equal to itself and NaN never.
function near(got, want, tol, what) {
  assert.ok(!Number.isNaN(got), `${what}: got NaN`);
  if (!Number.isFinite(want) || !Number.isFinite(got)) {
    assert.equal(got, want, `${what}: got ${got}, want ${want}`);
    return;
  }
  const err = Math.abs(got - want);
  assert.ok(err <= tol + FLOOR, `${what}: got ${got}, want ${want}, |difference| ${err.toExponential(3)} > tolerance ${tol.toExponential(3)}`);
}

// ---------------------------------------------------------------------------
// Random distributions.
// ---------------------------------------------------------------------------

// Mostly short, sometimes up to MAX_N.
const lengthArb = (max = MAX_N) => fc.oneof(fc.integer({ min: 1, max: 8 }), fc.integer({ min: 1, max: 100 }),
  fc.integer({ min: 1, max }));
// One entry before scaling: zeros, probabilities (fast-check includes 0, subnormals and 1) and counts up to 2^20.
const weightArb = (float32) => fc.oneof(
  { weight: 1, arbitrary: fc.constant(0) },
  { weight: 4, arbitrary: float32 ? fc.float({ min: 0, max: 1, noNaN: true }) : fc.double({ min: 0, max: 1, noNaN: true }) },
  { weight: 2, arbitrary: fc.integer({ min: 0, max: 2 ** 20 }) },
);
// A scale m * 10^e: 1e-300 to 1e301 (entries stay below 2^20 * 1e301 < DBL_MAX, sums may overflow:
// the core scales by a power of two); float32: 1e-38 to 1e32 (entries below FLT_MAX).
const scaleArb = (float32) => fc.tuple(fc.integer(float32 ? { min: -38, max: 31 } : { min: -300, max: 300 }),
  fc.double({ min: 1, max: 10, noNaN: true })).map(([e, m]) => m * 10 ** e);
// How q relates to p: independent, nearly equal (relative changes of 10^-e), or p itself rescaled.
const relationArb = fc.oneof(
  { weight: 3, arbitrary: fc.constant(0) },
  { weight: 2, arbitrary: fc.integer({ min: 1, max: 15 }) },
  { weight: 1, arbitrary: fc.constant(-1) },
);

// Pairs { p, q } of number[] of one length, every value a double (or a float
// with float32), each vector with at least one positive entry.
function pairArb({ float32 = false, max = MAX_N } = {}) {
  const round = float32 ? Math.fround : (v) => v;
  return lengthArb(max).chain((n) => fc.record({
    pw: fc.array(weightArb(float32), { minLength: n, maxLength: n }),
    qw: fc.array(weightArb(float32), { minLength: n, maxLength: n }),
    noise: fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: n, maxLength: n }),
    relation: relationArb, sp: scaleArb(float32), sq: scaleArb(float32),
  })).map(({ pw, qw, noise, relation, sp, sq }) => {
    const p = pw.map((w) => round(w * sp));
    let q;
    if (relation === 0) q = qw.map((w) => round(w * sq));
    else if (relation < 0) q = pw.map((w) => round(w * sq));
    else {
      q = pw.map((w, i) => (w === 0 && noise[i] > 0.8 ? round(qw[i] * sq) : round(w * (1 + 10 ** -relation * noise[i]) * sq)));
    }
    for (const v of [p, q]) if (!v.some((x) => x > 0)) v[0] = round(float32 ? sp : sq);
    return { p, q };
  });
}

const CONTAINERS = [
  { name: 'number[]', float32: false, of: (a) => a },
  { name: 'Float64Array', float32: false, of: (a) => Float64Array.from(a) },
  { name: 'Float32Array', float32: true, of: (a) => Float32Array.from(a) },
];

// Bases: nats' multiples; 2 and 10; any b > 1; just above 1; below 1 (every measure changes sign).
const baseArb = fc.oneof(fc.constant(Math.E), fc.constant(2), fc.constant(10),
  fc.double({ min: 1.001, max: 1e6, noNaN: true }), fc.integer({ min: 20, max: 52 }).map((k) => 1 + 2 ** -k),
  fc.double({ min: 1e-6, max: 0.999, noNaN: true }));
const aboveOneArb = fc.oneof(fc.constant(Math.E), fc.constant(2), fc.constant(10),
  fc.double({ min: 1.001, max: 1e6, noNaN: true }));

// p divided by its sum in JS, after dividing by its largest entry (no overflow).
function normalised(a) {
  let max = 0;
  for (const v of a) if (v > max) max = v;
  const s = Array.from(a, (v) => v / max);
  const sum = s.reduce((x, y) => x + y, 0);
  return s.map((v) => v / sum);
}
// sum_i P_i |log(P_i/Q_i)| over P_i > 0: bounds how far KL moves when the entries of P move by
// relative d each (|dKL| <= d * this), computed loosely in JS: it only sizes a tolerance.
function logRatioMass(p, q) {
  const P = normalised(p), Q = normalised(q);
  let s = 0;
  for (let i = 0; i < P.length; i++) if (P[i] > 0) s += P[i] * Math.abs(Math.log(P[i] / Q[i]));
  return s;
}
const entropyJS = (p) => normalised(p).reduce((h, v) => (v > 0 ? h - v * Math.log(v) : h), 0);

// A permutation of 0..n-1 from a seed.
function permutation(n, s) {
  const random = prng(s), idx = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [idx[i], idx[j]] = [idx[j], idx[i]];
  }
  return idx;
}

// ---------------------------------------------------------------------------
// The discrete measures.
// ---------------------------------------------------------------------------

describe('KL >= 0, KL(P||P) = 0, KL = Infinity exactly where q_i = 0 < p_i (exact)', () => {
  for (const c of CONTAINERS) {
    it(c.name, () => check(fc.property(pairArb(c), aboveOneArb, ({ p, q }, base) => {
      const P = c.of(p), Q = c.of(q), o = { base };
      const d = kl(P, Q, o), back = kl(Q, P, o);
      assert.ok(d >= 0 && back >= 0, `KL ${d}, reverse ${back}`);
      assert.equal(d === Infinity, p.some((v, i) => v > 0 && q[i] === 0), `KL ${d} infinite iff q_i = 0 < p_i`);
      assert.equal(kl(P, P, o), 0);
      assert.equal(kl(P, c.of(p.slice()), o), 0, 'a copy of P');
      assert.equal(jsDivergence(P, P, o), 0);
      const m = measures(P, P, o);
      assert.equal(m.klPQ, 0);
      assert.equal(m.js, 0);
      assert.equal(m.crossEntropyPQ, m.entropyP, 'H(P,P) = H(P)');
    }), 150));
  }

  // Only where every normalised entry is normal: KL(P || P / 16) is 5e-324, not 0, for a P whose
  // normalised entries include a subnormal one (2.7e-26 beside 1.5e284: see the report).
  it('KL(P || 2^k P) = 0 exactly: a power-of-two scaling is exact, so Q is P (Float64Array)', () => {
    check(fc.property(pairArb(), fc.integer({ min: -60, max: 60 }), ({ p }, k) => {
      const scaled = p.map((v) => v * 2 ** k);
      fc.pre(scaled.every((v, i) => v / 2 ** k === p[i] && (v === 0 || v >= 2 ** -1022) && v < 2 ** 1000));
      fc.pre(normalised(p).every((v) => v === 0 || v >= 2 ** -1000));
      assert.equal(kl(Float64Array.from(p), Float64Array.from(scaled)), 0);
      assert.equal(jsDivergence(p, scaled), 0);
    }), 150);
  });
});

describe('JS is symmetric, 0 <= JS <= log 2 in the base, and JS(P,P) = 0', () => {
  // Symmetry: two computations of one exact value: 2 REL. The bound: log 2 / ln b, each within REL.
  for (const c of CONTAINERS) {
    it(c.name, () => check(fc.property(pairArb(c), aboveOneArb, ({ p, q }, base) => {
      const P = c.of(p), Q = c.of(q), o = { base };
      const a = jsDivergence(P, Q, o), b = jsDivergence(Q, P, o);
      assert.ok(a >= 0 && b >= 0, `JS ${a}, ${b}`);
      near(a, b, 2 * REL * a, 'JS(P,Q) vs JS(Q,P)');
      const bound = Math.LN2 / Math.log(base);
      assert.ok(a <= bound * (1 + 2 * REL), `JS ${a} > log 2 = ${bound}`);
      const m = measures(P, Q, o), r = measures(Q, P, o);
      near(m.js, r.js, 2 * REL * m.js, 'measures().js both ways');
    }), 150));
  }
});

describe('H(P,Q) = H(P) + KL(P||Q), and measures() gives what each function gives', () => {
  // H and KL are >= 0, each within REL: |H(P,Q) - (H + KL)| <= 2 REL (H + KL) (+ rounding of the sum).
  for (const c of CONTAINERS) {
    it(c.name, () => check(fc.property(pairArb(c), aboveOneArb, ({ p, q }, base) => {
      const P = c.of(p), Q = c.of(q), o = { base };
      const h = entropy(P, o), d = kl(P, Q, o), x = crossEntropy(P, Q, o);
      near(x, h + d, 3 * REL * (h + d), 'H(P,Q) vs H(P) + KL');
      const m = measures(P, Q, o);
      near(m.crossEntropyPQ, m.entropyP + m.klPQ, 3 * REL * (m.entropyP + m.klPQ), 'measures: H(P,Q)');
      near(m.crossEntropyQP, m.entropyQ + m.klQP, 3 * REL * (m.entropyQ + m.klQP), 'measures: H(Q,P)');
      const single = { entropyP: h, entropyQ: entropy(Q, o), crossEntropyPQ: x, crossEntropyQP: crossEntropy(Q, P, o),
        klPQ: d, klQP: kl(Q, P, o), js: jsDivergence(P, Q, o) };
      for (const key of KEYS) near(m[key], single[key], 2 * REL * Math.abs(single[key]), `measures().${key}`);
    }), 150));
  }
});

describe('entropy: 0 <= H(P) <= log(number of nonzero entries) <= log n', () => {
  for (const c of CONTAINERS) {
    it(c.name, () => check(fc.property(pairArb(c), aboveOneArb, ({ p }, base) => {
      const h = entropy(c.of(p), { base });
      const support = p.filter((v) => v > 0).length;
      assert.ok(h >= 0, `H ${h}`);
      // H within REL of its exact value; log n / ln b within a few ulps.
      assert.ok(h <= (Math.log(support) / Math.log(base)) * (1 + REL + 4 * U), `H ${h} > log ${support}`);
      if (support === 1) assert.equal(h, 0, 'one-hot');
    }), 150));
  }
  it('the uniform distribution reaches log n (within 2 REL)', () => {
    check(fc.property(fc.integer({ min: 1, max: 5000 }), scaleArb(false), (n, s) => {
      near(entropy(new Float64Array(n).fill(s)), Math.log(n), 2 * REL * Math.log(n), `n ${n}`);
    }), 100);
  });
});

describe('invariance under permuting the outcomes of P and Q together', () => {
  // The same exact value summed in another order: 2 REL.
  for (const c of CONTAINERS) {
    it(c.name, () => check(fc.property(pairArb(c), fc.integer(), ({ p, q }, s) => {
      const perm = permutation(p.length, s);
      const m = measures(c.of(p), c.of(q)), mp = measures(c.of(perm.map((i) => p[i])), c.of(perm.map((i) => q[i])));
      for (const key of KEYS) near(mp[key], m[key], 2 * REL * Math.abs(m[key]), key);
      near(kl(c.of(perm.map((i) => p[i])), c.of(perm.map((i) => q[i]))), m.klPQ, 2 * REL * m.klPQ, 'kl');
    }), 100));
  }
});

describe('invariance under scaling P or Q by a positive factor (normalize: true)', () => {
  // c = 2^k scales exactly: the same distribution, 2 REL. Any other c rounds every entry by up to
  // U relative, which moves the normalised P by up to 2U per entry: |dKL| <= 2U sum P|log(P/Q)|
  // for P, and <= 2U for Q, to first order; the second order adds at most sum P (2U)^2 / 2 (all
  // that is left when Q = P); the same bound on H by sum P|log P| = H.
  // c is drawn so that every scaled nonzero entry stays normal and below 1e300.
  const factorArb = fc.tuple(fc.boolean(), fc.double({ min: 0, max: 1, noNaN: true }), fc.boolean());
  function factor(a, [power2, t]) {
    const pos = a.filter((v) => v > 0);
    const lo = Math.max(-1000, -1022 - Math.log2(Math.min(...pos)));
    const hi = Math.min(1000, 996 - Math.log2(Math.max(...pos)) - Math.log2(a.length)); // c itself finite
    if (lo > hi) return 1;
    const e = lo + t * (hi - lo);
    return power2 ? 2 ** Math.max(Math.ceil(lo), Math.min(Math.floor(hi), Math.round(e))) : 2 ** e;
  }
  it('Float64Array and number[]', () => check(fc.property(pairArb(), factorArb, ({ p, q }, f) => {
    const onP = f[2], k = factor(onP ? p : q, f), exact = Number.isInteger(Math.log2(k));
    const sp = onP ? p.map((v) => v * k) : p, sq = onP ? q : q.map((v) => v * k);
    const m = measures(p, q), ms = measures(Float64Array.from(sp), sq);
    const moved = exact ? 0 : 2 * U * (onP ? logRatioMass(p, q) : 1) + 2 * U * U;
    near(ms.klPQ, m.klPQ, 2 * REL * m.klPQ + 2 * moved, 'KL(P||Q)');
    near(kl(sp, Float64Array.from(sq)), m.klPQ, 2 * REL * m.klPQ + 2 * moved, 'kl()');
    const movedQP = exact ? 0 : 2 * U * (onP ? 1 : logRatioMass(q, p)) + 2 * U * U;
    near(ms.klQP, m.klQP, 2 * REL * m.klQP + 2 * movedQP, 'KL(Q||P)');
    const movedH = exact ? 0 : 4 * U * (onP ? m.entropyP : m.entropyQ);
    near(ms.entropyP, m.entropyP, 2 * REL * m.entropyP + movedH, 'H(P)');
    near(ms.entropyQ, m.entropyQ, 2 * REL * m.entropyQ + movedH, 'H(Q)');
    const movedJS = exact ? 0 : 4 * U * (m.entropyP + m.entropyQ + 2) + 4 * U * U;
    near(ms.js, m.js, 2 * REL * m.js + movedJS, 'JS');
  }), 150));
  it('Float32Array by 2^k (exact in float)', () => check(fc.property(pairArb({ float32: true }), fc.integer({ min: -30, max: 30 }),
    ({ p, q }, k) => {
      const sp = p.map((v) => Math.fround(v * 2 ** k));
      fc.pre(sp.every((v, i) => v / 2 ** k === p[i] && (v === 0 || v >= 2 ** -126) && v < 2 ** 127));
      const m = measures(Float32Array.from(p), Float32Array.from(q)), ms = measures(Float32Array.from(sp), Float32Array.from(q));
      for (const key of KEYS) near(ms[key], m[key], 2 * REL * Math.abs(m[key]), key);
    }), 150));
});

describe('merging outcomes never increases KL, JS, H or H(P,Q) (data-processing inequality)', () => {
  // Outcomes are merged into random groups, summing their entries in JS. A merged entry is rounded
  // by up to (group size) U relative: KL of the merged pair may exceed its exact value by
  // 2 g U (sum Pm|log(Pm/Qm)| + 1), and each computed value may be off by REL of itself.
  for (const c of CONTAINERS) {
    it(c.name, () => check(fc.property(pairArb(c), fc.integer({ min: 1, max: 50 }), fc.integer(), ({ p, q }, groups, s) => {
      const n = p.length, random = prng(s), label = Array.from({ length: n }, () => Math.floor(random() * groups));
      const merge = (a, k) => {
        const out = new Array(groups).fill(0), size = new Array(groups).fill(0);
        for (let i = 0; i < n; i++) {
          out[label[i]] += a[i] * k;
          size[label[i]]++;
        }
        return { out, size: Math.max(...size) };
      };
      // Entries near DBL_MAX (FLT_MAX) would overflow in a merged sum: such a distribution is scaled
      // down by 2^-20 (2^-16) first (no measure depends on its scale), which must be exact: no entry
      // may become subnormal (a float's precision, or a double's 5e-324, dropped to 0).
      const big = c.float32 ? 1e33 : 1e290, smallest = c.float32 ? 2 ** -126 : 2 ** -1022;
      const scaleOf = (a) => (a.some((v) => v > big) ? 2 ** (c.float32 ? -16 : -20) : 1);
      const exact = (a, k) => k === 1 || a.every((v) => v === 0 || v * k >= smallest);
      const kp = scaleOf(p), kq = scaleOf(q);
      fc.pre(exact(p, kp) && exact(q, kq));
      let { out: pm, size: g } = merge(p, kp);
      let { out: qm } = merge(q, kq);
      if (c.float32) { // sums of floats, rounded to float again: relative 2^-24 per merged entry
        pm = pm.map(Math.fround);
        qm = qm.map(Math.fround);
      }
      const u = c.float32 ? 2 ** -24 : U;
      const m = measures(c.of(p), c.of(q)), mm = measures(c.of(pm), c.of(qm));
      const slack = (value, mass) => REL * 2 * value + 2 * (g + 1) * u * (mass + 1);
      assert.ok(mm.klPQ <= m.klPQ + slack(m.klPQ, logRatioMass(pm, qm)), `KL merged ${mm.klPQ} > ${m.klPQ}`);
      assert.ok(mm.klQP <= m.klQP + slack(m.klQP, logRatioMass(qm, pm)), `KL(Q||P) merged ${mm.klQP} > ${m.klQP}`);
      assert.ok(mm.js <= m.js + slack(m.js, entropyJS(pm) + entropyJS(qm)), `JS merged ${mm.js} > ${m.js}`);
      assert.ok(mm.entropyP <= m.entropyP + slack(m.entropyP, entropyJS(pm)), `H merged ${mm.entropyP} > ${m.entropyP}`);
      assert.ok(mm.crossEntropyPQ <= m.crossEntropyPQ + slack(m.crossEntropyPQ, entropyJS(pm) + logRatioMass(pm, qm)),
        `H(P,Q) merged ${mm.crossEntropyPQ} > ${m.crossEntropyPQ}`);
    }), 100));
  }
});

describe('the result in base b is the natural-log result divided by ln b', () => {
  // Two computations, each within REL, and ln b and the division rounded in JS: 3 REL.
  for (const c of CONTAINERS) {
    it(c.name, () => check(fc.property(pairArb({ ...c, max: 300 }), baseArb, ({ p, q }, base) => {
      const P = c.of(p), Q = c.of(q), lb = Math.log(base), o = { base };
      const same = (got, nats, what) => near(got, nats / lb, 3 * REL * Math.abs(nats / lb), `${what}, base ${base}`);
      same(entropy(P, o), entropy(P), 'entropy');
      same(crossEntropy(P, Q, o), crossEntropy(P, Q), 'crossEntropy');
      same(kl(P, Q, o), kl(P, Q), 'kl');
      same(jsDivergence(P, Q, o), jsDivergence(P, Q), 'jsDivergence');
      const m = measures(P, Q, o), mn = measures(P, Q);
      for (const key of KEYS) same(m[key], mn[key], `measures().${key}`);
      const t = klTerms(P, Q, o), tn = klTerms(P, Q);
      for (let i = 0; i < t.length; i++) same(t[i], tn[i], `klTerms()[${i}]`);
    }), 100));
  }
});

describe('klTerms: one term per outcome, 0 where p_i = 0, Infinity where q_i = 0 < p_i, summing to KL', () => {
  // The terms have both signs: summed (Neumaier, in JS) they give KL within REL KL plus the
  // terms' own errors. A term is not within REL of its value when P_i/Q_i is within ~1e-16 of 1:
  // log(P_i/Q_i) then carries an absolute error of order U^2 (p = [6.49e-308, 5.37e-302],
  // q = [9.03e-308, 7.47e-302]: the second term, -2.52594140514660552e-23, comes out as
  // -2.5259414060226336e-23, 3.5e-10 relative; see the report). So each term within
  // REL |t_i| + 8 U^2 P_i, and sum P_i = 1.
  for (const c of CONTAINERS) {
    it(c.name, () => check(fc.property(pairArb(c), ({ p, q }) => {
      const P = c.of(p), Q = c.of(q), t = klTerms(P, Q), d = kl(P, Q);
      assert.ok(t instanceof Float64Array && t.length === p.length);
      let sum = 0, comp = 0, abs = 0;
      for (let i = 0; i < t.length; i++) {
        assert.ok(!Number.isNaN(t[i]), `term ${i} is NaN`);
        if (p[i] === 0) assert.equal(t[i], 0, `term ${i}: p_i = 0`);
        else if (q[i] === 0) assert.equal(t[i], Infinity, `term ${i}: q_i = 0 < p_i`);
        else assert.ok(Number.isFinite(t[i]), `term ${i} is ${t[i]}`);
        const s = sum + t[i];
        comp += Math.abs(sum) >= Math.abs(t[i]) ? (sum - s) + t[i] : (t[i] - s) + sum;
        sum = s;
        abs += Math.abs(t[i]);
      }
      if (d === Infinity) assert.equal(sum, Infinity);
      else near(sum + comp, d, REL * (d + abs) + 8 * U * U, 'sum of the terms vs kl');
    }), 150));
  }
});

describe('klRows and measuresRows: row r is exactly kl() and measures() of row r alone', () => {
  // The README: every row "gets exactly what kl() or measures() would give it".
  const shapeArb = (float32) => fc.tuple(fc.integer({ min: 1, max: 20 }), fc.integer({ min: 1, max: 100 }))
    .chain(([rows, cols]) => fc.record({
      rows: fc.constant(rows), cols: fc.constant(cols),
      pairs: fc.array(pairArb({ float32, max: cols }).filter((x) => x.p.length === cols), { minLength: rows, maxLength: rows }),
    }));
  const rowOptionsArb = fc.constantFrom(undefined, { base: 2 }, { logits: true }, { logits: true, temperature: 0.25 });
  for (const c of CONTAINERS) {
    it(c.name, () => check(fc.property(shapeArb(c.float32), rowOptionsArb, ({ cols, pairs }, o) => {
      // As logits, the generated values are just numbers (finite, some huge): still valid input.
      const p = pairs.flatMap((x) => x.p), q = pairs.flatMap((x) => x.q);
      const d = klRows(c.of(p), c.of(q), cols, o), m = measuresRows(c.of(p), c.of(q), cols, o);
      assert.equal(d.length, pairs.length);
      pairs.forEach((x, r) => {
        assert.equal(d[r], kl(c.of(x.p), c.of(x.q), o), `klRows row ${r}`);
        const single = measures(c.of(x.p), c.of(x.q), o);
        for (const key of KEYS) assert.equal(m[key][r], single[key], `measuresRows.${key} row ${r}`);
      });
    }), 60));
  }
});

describe('Float32Array: the float core agrees with the double core on the same values', () => {
  it('measures of float32 values, read as float and as double: 2 REL', () => check(fc.property(pairArb({ float32: true }),
    ({ p, q }) => {
      const m = measures(Float32Array.from(p), Float32Array.from(q)), md = measures(Float64Array.from(p), Float64Array.from(q));
      for (const key of KEYS) near(m[key], md[key], 2 * REL * Math.abs(md[key]), key);
    }), 150));
});

// ---------------------------------------------------------------------------
// Logits.
// ---------------------------------------------------------------------------

describe('logits: P = softmax(p/T)', () => {
  // Dyadic logits j/1024, |j| <= 2^30, and -Infinity (masked); shifts of the same grid: every sum
  // a_i + c is exact, so the shifted logits are the same distribution in the same arithmetic.
  const logitArb = fc.oneof({ weight: 12, arbitrary: fc.integer({ min: -(2 ** 30), max: 2 ** 30 }).map((j) => j / 1024) },
    { weight: 1, arbitrary: fc.constant(-Infinity) });
  const logitsArb = (n) => fc.array(logitArb, { minLength: n, maxLength: n }).map((a) => (a.every((v) => v === -Infinity) ? [0, ...a.slice(1)] : a));
  const logitPairArb = lengthArb(500).chain((n) => fc.tuple(logitsArb(n), logitsArb(n)));
  const shiftArb = fc.integer({ min: -(2 ** 30), max: 2 ** 30 }).map((j) => j / 1024);
  const L = { logits: true };

  it('adding a constant to every logit of p (or q) changes nothing, exactly; KL(a || a + c) = 0', () => {
    check(fc.property(logitPairArb, shiftArb, shiftArb, fc.constantFrom(1, 0.5, 3), ([a, b], c, e, T) => {
      const o = { logits: true, temperature: T }, ac = a.map((v) => v + c), be = b.map((v) => v + e);
      assert.deepEqual(measures(ac, be, o), measures(a, b, o));
      assert.equal(kl(ac, be, o), kl(a, b, o));
      assert.equal(entropy(ac, o), entropy(a, o));
      assert.equal(crossEntropy(ac, be, o), crossEntropy(a, b, o));
      assert.equal(jsDivergence(ac, be, o), jsDivergence(a, b, o));
      assert.equal(kl(a, ac, o), 0);
      assert.equal(jsDivergence(ac, a, o), 0);
    }), 150);
  });

  it('KL >= 0, H(P,Q) = H(P) + KL (3 REL), 0 <= H <= log n, JS <= log 2', () => {
    check(fc.property(logitPairArb, ([a, b]) => {
      const m = measures(a, b, L);
      for (const key of KEYS) assert.ok(m[key] >= 0, `${key} ${m[key]}`);
      near(m.crossEntropyPQ, m.entropyP + m.klPQ, 3 * REL * (m.entropyP + m.klPQ), 'H(P,Q)');
      assert.ok(m.entropyP <= Math.log(a.length) * (1 + REL + 4 * U), 'H <= log n');
      assert.ok(m.js <= Math.LN2 * (1 + 2 * REL), 'JS <= log 2');
      near(kl(a, b, L), m.klPQ, 2 * REL * m.klPQ, 'kl() vs measures()');
    }), 150);
  });

  it('temperature 2^k is the logits divided by 2^k, exactly', () => {
    check(fc.property(logitPairArb, fc.integer({ min: -20, max: 20 }), ([a, b], k) => {
      const T = 2 ** k;
      assert.deepEqual(measures(a, b, { logits: true, temperature: T }), measures(a.map((v) => v / T), b.map((v) => v / T), L));
    }), 100);
  });

  // Rounding a logit by d moves KL by at most 2 d sum P|log(P/Q) - KL| for p and 2 d for q
  // (first order): with d <= U M, M the largest finite |logit|, tolerance 2 REL KL + 4 U M (S + KL + 1).
  const softmax = (z) => {
    const m = Math.max(...z), e = z.map((v) => Math.exp(v - m));
    return e;
  };
  it('any temperature T is the logits divided by T (within the rounding of a/T)', () => {
    check(fc.property(logitPairArb, fc.double({ min: 1e-3, max: 1e3, noNaN: true }), ([a, b], T) => {
      const aT = a.map((v) => v / T), bT = b.map((v) => v / T);
      const got = kl(a, b, { logits: true, temperature: T }), want = kl(aT, bT, L);
      const finite = [...aT, ...bT].filter(Number.isFinite).map(Math.abs);
      const M = Math.max(...finite), S = logRatioMass(softmax(aT), softmax(bT));
      near(got, want, 2 * REL * want + 4 * U * M * (S + want + 1), `T ${T}`);
    }), 100);
  });

  it('log p as logits gives the probabilities\' result (within the rounding of log p)', () => {
    check(fc.property(pairArb({ max: 500 }), ({ p, q }) => {
      const a = p.map(Math.log), b = q.map(Math.log); // log 0 = -Infinity: masked, as p_i = 0 is
      const want = kl(p, q), got = kl(a, b, L);
      const M = Math.max(...[...a, ...b].filter(Number.isFinite).map(Math.abs));
      near(got, want, 2 * REL * want + 4 * U * (M + 1) * (logRatioMass(p, q) + want + 1), 'kl');
      const h = entropy(p), hl = entropy(a, L);
      near(hl, h, 2 * REL * h + 4 * U * (M + 1) * (h + 1), 'entropy');
    }), 100);
  });
});

// ---------------------------------------------------------------------------
// Parametric distributions.
// ---------------------------------------------------------------------------

const logUniform = (lo, hi) => fc.double({ min: Math.log(lo), max: Math.log(hi), noNaN: true }).map(Math.exp);
const real = (r) => fc.double({ min: -r, max: r, noNaN: true });
const prob = fc.oneof({ weight: 1, arbitrary: fc.constantFrom(0, 1) }, { weight: 6, arbitrary: fc.double({ min: 0, max: 1, noNaN: true }) });
// A symmetric positive definite k x k matrix A A^T + c I, exactly symmetric.
const covArb = (k) => fc.tuple(fc.array(fc.double({ min: -2, max: 2, noNaN: true }), { minLength: k * k, maxLength: k * k }),
  logUniform(0.01, 10)).map(([a, c]) => {
  const cov = Array.from({ length: k }, () => new Array(k));
  for (let i = 0; i < k; i++) {
    for (let j = 0; j <= i; j++) {
      let s = i === j ? c : 0;
      for (let m = 0; m < k; m++) s += a[i * k + m] * a[j * k + m];
      cov[i][j] = cov[j][i] = s;
    }
  }
  return cov;
});
// Each family: (shape) => arbitrary of one distribution; shape fixes what P and Q must share
// (a binomial's n, a vector's length). Parameters over several decades, where KL, H and H(P,Q)
// are finite doubles (near 1e300, e.g. gamma shapes 1e-300 and 1e300, KL overflows and klDist
// throws a RangeError: see the report).
const FAMILY_ARBS = {
  normal: () => fc.record({ family: fc.constant('normal'), mu: real(1e3), sigma: logUniform(1e-6, 1e6) }),
  logNormal: () => fc.record({ family: fc.constant('logNormal'), mu: real(50), sigma: logUniform(1e-4, 1e2) }),
  exponential: () => fc.record({ family: fc.constant('exponential'), rate: logUniform(1e-6, 1e6) }),
  gamma: () => fc.record({ family: fc.constant('gamma'), shape: logUniform(1e-3, 1e4), rate: logUniform(1e-6, 1e6) }),
  beta: () => fc.record({ family: fc.constant('beta'), alpha: logUniform(1e-3, 1e4), beta: logUniform(1e-3, 1e4) }),
  uniform: () => fc.tuple(real(1e3), logUniform(1e-6, 1e6)).map(([low, w]) => ({ family: 'uniform', low, high: low + w })),
  laplace: () => fc.record({ family: fc.constant('laplace'), loc: real(1e3), scale: logUniform(1e-6, 1e6) }),
  cauchy: () => fc.record({ family: fc.constant('cauchy'), loc: real(1e3), scale: logUniform(1e-6, 1e6) }),
  multivariateNormal: (k) => fc.record({ family: fc.constant('multivariateNormal'),
    mean: fc.array(real(10), { minLength: k, maxLength: k }), cov: covArb(k) }),
  dirichlet: (k) => fc.record({ family: fc.constant('dirichlet'), alpha: fc.array(logUniform(1e-2, 1e3), { minLength: k, maxLength: k }) }),
  bernoulli: () => fc.record({ family: fc.constant('bernoulli'), p: prob }),
  binomial: (n) => fc.record({ family: fc.constant('binomial'), n: fc.constant(n), p: prob }),
  poisson: () => fc.record({ family: fc.constant('poisson'), rate: fc.oneof(fc.constant(0), logUniform(1e-6, 1e6)) }),
  geometric: () => fc.record({ family: fc.constant('geometric'), p: fc.oneof(fc.constant(1), logUniform(1e-6, 1)) }),
  categorical: (k) => fc.array(fc.oneof(fc.constant(0), fc.double({ min: 0, max: 1e6, noNaN: true })), { minLength: k, maxLength: k })
    .map((probs) => ({ family: 'categorical', probs: probs.some((v) => v > 0) ? probs : [1, ...probs.slice(1)] })),
};
const SHAPE = {
  multivariateNormal: fc.integer({ min: 1, max: 6 }), dirichlet: fc.integer({ min: 2, max: 10 }),
  binomial: fc.oneof(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 1e9 })), categorical: fc.integer({ min: 1, max: 50 }),
};
// Two distributions that klDist takes: the same family (and shape), or a cross-family pair.
const CROSS = [['normal', 'laplace'], ['laplace', 'normal'], ['exponential', 'gamma'], ['gamma', 'exponential']];
function distPairArb(family) {
  const shape = SHAPE[family] ?? fc.constant(0);
  return shape.chain((k) => fc.tuple(FAMILY_ARBS[family](k), FAMILY_ARBS[family](k)));
}
const anyPairArb = fc.oneof(...Object.keys(FAMILY_ARBS).map(distPairArb),
  ...CROSS.map(([a, b]) => fc.tuple(FAMILY_ARBS[a](0), FAMILY_ARBS[b](0))));
const copy = (d) => structuredClone(d);
// The absolute error of a differential entropy near 0: a few U of terms up to about 4 (below).
const ABSOLUTE_H = 16 * U;

describe('parametric distributions: KL >= 0, KL(P||P) = 0, H(P,Q) = H(P) + KL, base b = nats / ln b', () => {
  for (const family of Object.keys(FAMILY_ARBS)) {
    it(family, () => check(fc.property(distPairArb(family), aboveOneArb, ([p, q], base) => {
      const d = klDist(p, q);
      assert.ok(d >= 0, `KL ${d}`); // exact: KL is built from nonnegative parts
      assert.equal(klDist(p, p), 0, 'KL(P||P)');
      assert.equal(klDist(p, copy(p)), 0, 'KL(P||copy of P)');
      const h = entropyDist(p), x = crossEntropyDist(p, q);
      assert.ok(!Number.isNaN(h) && !Number.isNaN(x));
      // H may be negative (differential entropy): the scale is |H| + KL. And a differential entropy
      // is a log of a rounded scale (log sigma, log(high - low)) or a sum of terms of about 1 (Beta's
      // G(a) + G(b) - G(a + b) - psi(a + b)), accurate relative to their size (infodiv.h): an absolute
      // error of a few U even where it is 0 (H(P,Q) of uniform(0, 1) and uniform(-1e-17, 1) is
      // log(1 + 1e-17), 0 in double; H(Beta(1 + 9.5e-7, 1)) is -4.5e-13, 5e-16 off).
      near(x, h + d, 3 * REL * (Math.abs(h) + d) + ABSOLUTE_H, 'H(P,Q) vs H(P) + KL');
      near(crossEntropyDist(p, copy(p)), h, 2 * REL * Math.abs(h), 'H(P,P) = H(P)');
      const lb = Math.log(base);
      near(klDist(p, q, { base }), d / lb, 3 * REL * Math.abs(d / lb), 'KL in base b');
      near(entropyDist(p, { base }), h / lb, 3 * REL * Math.abs(h / lb), 'H in base b');
      near(crossEntropyDist(p, q, { base }), x / lb, 3 * REL * Math.abs(x / lb), 'H(P,Q) in base b');
    }), 60));
  }
  it('the cross-family pairs (normal/laplace, exponential/gamma) and any pair: KL >= 0 and H(P,Q) = H(P) + KL', () => {
    check(fc.property(anyPairArb, ([p, q]) => {
      const d = klDist(p, q), h = entropyDist(p), x = crossEntropyDist(p, q);
      assert.ok(d >= 0, `KL ${d}`);
      near(x, h + d, 3 * REL * (Math.abs(h) + d) + ABSOLUTE_H, 'H(P,Q) vs H(P) + KL');
    }), 300);
  });
});
