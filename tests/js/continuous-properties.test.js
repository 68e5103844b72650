// Parametric distributions: facts that hold for every family, on seeded
// random parameters (tests/js/prng.mjs), so a failure reproduces.
//
// - KL(P||P) is 0 (at most 1e-15), KL >= 0, H(P,Q) = H(P) + KL(P||Q), and
//   bits are nats / ln 2, for every family.
// - Nearly equal parameters: KL against the leading terms of its Taylor
//   series in the parameter change (the Fisher quadratic form and, where
//   needed, the next terms), written here only where the series is exact and
//   its coefficients are known constants (pi, zeta(3)); never the library's
//   own closed form.
// - Identities between families: exponential = gamma(1, rate), bernoulli =
//   binomial(1, p) = categorical([1-p, p]), binomial = n x bernoulli,
//   geometric = bernoulli / p, logNormal = normal, multivariateNormal(k = 1)
//   = normal, diagonal multivariateNormal = sum of normals, dirichlet(k = 2) =
//   beta, categorical = kl() of the discrete functions; invariance under a
//   common shift and scaling; nested uniforms; the symmetry of Cauchy KL.
// - klGrid on densities sampled with logDensity: within its own error
//   estimate of klDist, an estimate that shrinks as the grid is refined; 0
//   for identical densities, blind to scaling with normalize, Infinity where
//   q = 0 < p, bits.
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { init, kl, klDist, entropyDist, crossEntropyDist, logDensity, klGrid } from '../../dist/infodiv.js';
import { prng } from './prng.mjs';

const TOL = 1e-12; // relative, as for the reference data
const TINY = 1e-6, TINY_TOL = 1e-10; // for values below TINY in magnitude
const PAIRS = 120; // random pairs per family and property

before(() => init());

const fmt = (v) => (typeof v === 'number' ? String(v) : JSON.stringify(v, (k, x) => (x instanceof Float64Array ? [...x] : x)));
const show = (d) => fmt(d);

// |got - want| <= tol * scale, scale the larger magnitude of the values that
// were combined (by default |want|), with the relative error in the message.
function close(got, want, what, { tol, scale } = {}) {
  if (want === Infinity || want === -Infinity || got === Infinity || got === -Infinity) {
    assert.equal(got, want, `${what}: got ${got}, want ${want}`);
    return;
  }
  assert.equal(typeof got, 'number', `${what}: got ${fmt(got)}`);
  const s = scale ?? Math.abs(want);
  const t = tol ?? (s < TINY ? TINY_TOL : TOL);
  const err = Math.abs(got - want);
  assert.ok(err <= t * s, `${what}: got ${got}, want ${want} (relative error ${(err / s).toExponential(2)}, tolerance ${t})`);
}

// ---------------------------------------------------------------------------
// Random parameters of every family.
// ---------------------------------------------------------------------------
const between = (r, lo, hi) => lo + (hi - lo) * r();
const logBetween = (r, lo, hi) => lo * Math.exp(r() * Math.log(hi / lo));
const intBetween = (r, lo, hi) => lo + Math.floor(r() * (hi - lo + 1));
const probability = (r) => {
  const u = r();
  return u < 0.05 ? 0 : u < 0.1 ? 1 : r();
};

// A symmetric positive definite k x k matrix A A^T + c I, exactly symmetric.
function randomCov(r, k) {
  const a = Array.from({ length: k }, () => Array.from({ length: k }, () => between(r, -1, 1)));
  const c = logBetween(r, 0.05, 2);
  const cov = Array.from({ length: k }, () => new Array(k));
  for (let i = 0; i < k; i++) {
    for (let j = 0; j <= i; j++) {
      let s = i === j ? c : 0;
      for (let m = 0; m < k; m++) s += a[i][m] * a[j][m];
      cov[i][j] = cov[j][i] = s;
    }
  }
  return cov;
}

// Each family: a random P, and a random Q of the same shape as a given P.
const FAMILIES = {
  normal: (r) => ({ family: 'normal', mu: between(r, -5, 5), sigma: logBetween(r, 0.05, 20) }),
  logNormal: (r) => ({ family: 'logNormal', mu: between(r, -2, 2), sigma: logBetween(r, 0.05, 3) }),
  exponential: (r) => ({ family: 'exponential', rate: logBetween(r, 0.01, 100) }),
  gamma: (r) => ({ family: 'gamma', shape: logBetween(r, 0.1, 50), rate: logBetween(r, 0.01, 100) }),
  beta: (r) => ({ family: 'beta', alpha: logBetween(r, 0.1, 50), beta: logBetween(r, 0.1, 50) }),
  uniform: (r) => {
    const low = between(r, -10, 10);
    return { family: 'uniform', low, high: low + logBetween(r, 0.01, 20) };
  },
  laplace: (r) => ({ family: 'laplace', loc: between(r, -5, 5), scale: logBetween(r, 0.05, 20) }),
  cauchy: (r) => ({ family: 'cauchy', loc: between(r, -5, 5), scale: logBetween(r, 0.05, 20) }),
  multivariateNormal: (r, like) => {
    const k = like ? like.mean.length : intBetween(r, 1, 6);
    return { family: 'multivariateNormal', mean: Array.from({ length: k }, () => between(r, -3, 3)), cov: randomCov(r, k) };
  },
  dirichlet: (r, like) => {
    const k = like ? like.alpha.length : intBetween(r, 2, 8);
    return { family: 'dirichlet', alpha: Array.from({ length: k }, () => logBetween(r, 0.1, 20)) };
  },
  bernoulli: (r) => ({ family: 'bernoulli', p: probability(r) }),
  binomial: (r, like) => ({ family: 'binomial', n: like ? like.n : intBetween(r, 0, 200), p: probability(r) }),
  poisson: (r) => ({ family: 'poisson', rate: r() < 0.05 ? 0 : logBetween(r, 1e-3, 500) }),
  geometric: (r) => ({ family: 'geometric', p: r() < 0.05 ? 1 : logBetween(r, 1e-3, 1) }),
  categorical: (r, like) => {
    const k = like ? like.probs.length : intBetween(r, 2, 10);
    return { family: 'categorical', probs: Array.from({ length: k }, () => (r() < 0.15 ? 0 : r())).map((v, i, a) => (a.every((x) => x === 0) && i === 0 ? 1 : v)) };
  },
};

function* randomPairs(family, seed, count = PAIRS) {
  const r = prng(seed);
  for (let i = 0; i < count; i++) {
    const p = FAMILIES[family](r);
    yield [p, FAMILIES[family](r, p)];
  }
}

const FAMILY_NAMES = Object.keys(FAMILIES);
const seedOf = (name) => [...name].reduce((h, c) => Math.imul(h ^ c.charCodeAt(0), 16777619) >>> 0, 2166136261);

// ---------------------------------------------------------------------------
describe('every family: KL(P||P) = 0, KL >= 0, H(P,Q) = H(P) + KL(P||Q), bits = nats / ln 2', () => {
  for (const family of FAMILY_NAMES) {
    it(`${family}: KL(P||P) is 0 (at most 1e-15), also for a copy of P; H(P,P) = H(P)`, () => {
      for (const [p] of randomPairs(family, seedOf(family) + 1)) {
        const copy = structuredClone(p);
        for (const [what, q] of [['P', p], ['a copy of P', copy]]) {
          const d = klDist(p, q);
          assert.ok(d >= 0 && d <= 1e-15, `KL(P||${what}) = ${d} for ${show(p)}`);
        }
        const h = entropyDist(p);
        assert.ok(Number.isFinite(h), `H(P) = ${h} for ${show(p)}`);
        close(crossEntropyDist(p, p), h, `H(P,P) vs H(P) for ${show(p)}`, { scale: Math.max(Math.abs(h), 1e-300), tol: TOL });
      }
    });

    it(`${family}: KL(P||Q) >= 0 and H(P,Q) = H(P) + KL(P||Q), both ways`, () => {
      for (const [p, q] of randomPairs(family, seedOf(family) + 2)) {
        for (const [a, b] of [[p, q], [q, p]]) {
          const d = klDist(a, b), h = entropyDist(a), ce = crossEntropyDist(a, b);
          const what = `${show(a)} || ${show(b)}`;
          assert.ok(d >= 0, `KL = ${d} for ${what}`);
          assert.ok(Number.isFinite(h), `H(P) = ${h} for ${what}`);
          if (d === Infinity) {
            assert.equal(ce, Infinity, `KL is Infinity but H(P,Q) = ${ce} for ${what}`);
          } else {
            const scale = Math.max(Math.abs(ce), Math.abs(h), d);
            close(ce, h + d, `H(P,Q) vs H(P) + KL for ${what}`, { scale, tol: TOL });
          }
        }
      }
    });

    it(`${family}: base 2 and base 10 are nats / ln 2 and nats / ln 10`, () => {
      for (const [p, q] of randomPairs(family, seedOf(family) + 3, 40)) {
        for (const base of [2, 10]) {
          const o = { base }, ln = Math.log(base), what = `base ${base}, ${show(p)} || ${show(q)}`;
          close(entropyDist(p, o), entropyDist(p) / ln, `entropyDist, ${what}`, { tol: 1e-14, scale: Math.abs(entropyDist(p) / ln) });
          close(crossEntropyDist(p, q, o), crossEntropyDist(p, q) / ln, `crossEntropyDist, ${what}`, { tol: 1e-14, scale: Math.abs(crossEntropyDist(p, q) / ln) });
          close(klDist(p, q, o), klDist(p, q) / ln, `klDist, ${what}`, { tol: 1e-14, scale: klDist(p, q) / ln });
        }
      }
    });
  }
});

// ---------------------------------------------------------------------------
// Taylor series of KL in a small parameter change. t - log1p(t) and
// friends cancel in floating point, so they are summed as their series.
// ---------------------------------------------------------------------------

// sum_{n >= 2} coef(n) t^n, to convergence (|t| <= 1e-2).
function series(t, coef) {
  let sum = 0, power = t;
  for (let n = 2; n < 60; n++) {
    power *= t;
    const term = coef(n) * power;
    sum += term;
    if (Math.abs(term) <= 1e-20 * Math.abs(sum)) break;
  }
  return sum;
}
// t - log(1 + t)
const tMinusLog1p = (t) => series(t, (n) => (n % 2 === 0 ? 1 : -1) / n);
// x + exp(-x) - 1
const expSeries = (x) => {
  let fact = 1;
  return series(x, (n) => {
    fact = n === 2 ? 2 : fact * n;
    return (n % 2 === 0 ? 1 : -1) / fact;
  });
};
// KL(bernoulli(p) || bernoulli(p + d)) = sum_{n >= 2} d^n / n ((-1)^n / p^(n-1) + 1 / (1 - p)^(n-1)),
// the series of -p log(1 + d/p) - (1 - p) log(1 - d/(1 - p)); p + d exact.
const bernoulliSeries = (p, d) => series(d, (n) => ((n % 2 === 0 ? 1 : -1) / p ** (n - 1) + 1 / (1 - p) ** (n - 1)) / n);
// log(rho) + 1/(2 rho^2) - 1/2 for rho = 1 + t: the KL of a normal's sigma times rho.
const sigmaSeries = (t) => series(t, (n) => (n % 2 === 0 ? -1 : 1) / n + (n % 2 === 0 ? 1 : -1) * (n + 1) / 2);

// Polygamma psi^(m)(a) for m = 1, 2, 3 at a whole or half-whole a, from
// zeta(2) = pi^2/6, zeta(3), zeta(4) = pi^4/90:
//   psi^(m)(n)   = (-1)^(m+1) m! (zeta(m+1) - sum_{k<n} k^-(m+1))
//   psi^(m)(1/2) = (-1)^(m+1) m! (2^(m+1) - 1) zeta(m+1), and the recurrence
//   psi^(m)(a+1) = psi^(m)(a) + (-1)^m m! a^-(m+1).
const ZETA = [0, 0, Math.PI ** 2 / 6, 1.2020569031595942854, Math.PI ** 4 / 90];
function polygamma(m, a) {
  const sign = m % 2 === 1 ? 1 : -1, fact = [1, 1, 2, 6][m];
  let x = Number.isInteger(a) ? 1 : 0.5;
  let v = sign * fact * ZETA[m + 1] * (Number.isInteger(a) ? 1 : 2 ** (m + 1) - 1);
  for (; x < a; x += 1) v -= sign * fact * x ** -(m + 1);
  return v;
}
// lnGamma(a + d) - lnGamma(a) - d psi(a) = sum_{m >= 2} psi^(m-1)(a) d^m / m!, to d^4 (|d| <= 2^-20: the
// next term is 1e-18 of the first).
const lgammaSeries = (a, d) => polygamma(1, a) * d ** 2 / 2 + polygamma(2, a) * d ** 3 / 6 + polygamma(3, a) * d ** 4 / 24;

describe('nearly equal parameters: KL against its Taylor series', () => {
  // Changes d that keep every parameter exact (P's and Q's differ by exactly d).
  const DELTAS = [2 ** -10, -(2 ** -14), 2 ** -20, -(2 ** -24), 2 ** -30, 1e-7 * 2 ** -3];

  it('normal, mu changes by d: d^2 / (2 sigma^2) (also logNormal, multivariateNormal k = 1)', () => {
    const r = prng(11);
    for (let i = 0; i < 60; i++) {
      const mu = Math.round(between(r, -64, 64)) / 16, sigma = 2 ** intBetween(r, -3, 3);
      for (const d of DELTAS) {
        const dd = (mu + d) - mu; // exact
        const want = dd * dd / (2 * sigma * sigma);
        close(klDist({ family: 'normal', mu, sigma }, { family: 'normal', mu: mu + d, sigma }), want, `normal mu ${mu}, sigma ${sigma}, d ${dd}`);
        close(klDist({ family: 'logNormal', mu, sigma }, { family: 'logNormal', mu: mu + d, sigma }), want, `logNormal mu ${mu}, sigma ${sigma}, d ${dd}`);
        close(klDist({ family: 'multivariateNormal', mean: [mu], cov: [[sigma * sigma]] },
          { family: 'multivariateNormal', mean: [mu + d], cov: [[sigma * sigma]] }), want, `mvn k=1 mu ${mu}, var ${sigma * sigma}, d ${dd}`);
      }
    }
  });

  it('the contract\'s example: KL(N(0.5, 1) || N(0.5000001, 1)) = d^2 / 2 to full precision', () => {
    const d = 0.5000001 - 0.5; // exact: 1.0000000000287557e-7
    close(klDist({ family: 'normal', mu: 0.5, sigma: 1 }, { family: 'normal', mu: 0.5000001, sigma: 1 }), d * d / 2, 'KL', { tol: 1e-13 });
  });

  it('normal, sigma times 1 + t: t^2 - 5t^3/3 + ... (also logNormal)', () => {
    for (const sigma of [0.25, 1, 8]) {
      for (const t of DELTAS) {
        const want = sigmaSeries((1 + t) - 1); // the ratio is fl(1 + t) exactly
        for (const family of ['normal', 'logNormal']) {
          close(klDist({ family, mu: 0.5, sigma }, { family, mu: 0.5, sigma: sigma * (1 + t) }), want, `${family} sigma ${sigma}, t ${t}`);
        }
      }
    }
  });

  it('multivariateNormal with a diagonal cov, mean changes by d_i: sum d_i^2 / (2 sigma_i^2)', () => {
    const r = prng(12);
    for (let i = 0; i < 40; i++) {
      const k = intBetween(r, 1, 6);
      const sig = Array.from({ length: k }, () => 2 ** intBetween(r, -2, 2));
      const mean = Array.from({ length: k }, () => Math.round(between(r, -32, 32)) / 8);
      const d = mean.map(() => DELTAS[intBetween(r, 0, DELTAS.length - 1)]);
      const cov = sig.map((s, a) => sig.map((_, b) => (a === b ? s * s : 0)));
      const shifted = mean.map((m, a) => m + d[a]);
      let want = 0;
      for (let a = 0; a < k; a++) want += (shifted[a] - mean[a]) ** 2 / (2 * sig[a] * sig[a]); // exact differences
      close(klDist({ family: 'multivariateNormal', mean, cov }, { family: 'multivariateNormal', mean: shifted, cov }),
        want, `k ${k}, sigma ${sig}, d ${d}`);
    }
  });

  it('exponential rate, gamma rate (x shape), poisson rate (x rate), laplace scale: times 1 + t gives t - log(1 + t)', () => {
    for (const base of [2 ** -6, 0.5, 1, 4, 64]) {
      for (const t of DELTAS) {
        const want = tMinusLog1p((1 + t) - 1), scaled = base * (1 + t); // the ratio is fl(1 + t) exactly
        close(klDist({ family: 'exponential', rate: base }, { family: 'exponential', rate: scaled }), want, `exponential rate ${base}, t ${t}`);
        for (const shape of [0.25, 1, 3, 40]) {
          close(klDist({ family: 'gamma', shape, rate: base }, { family: 'gamma', shape, rate: scaled }), shape * want, `gamma shape ${shape}, rate ${base}, t ${t}`);
        }
        close(klDist({ family: 'poisson', rate: base }, { family: 'poisson', rate: scaled }), base * want, `poisson rate ${base}, t ${t}`);
        // KL(L(0, b (1 + t)) || L(0, b)) = log(1/(1+t)) + (1 + t) - 1
        close(klDist({ family: 'laplace', loc: 0.5, scale: scaled }, { family: 'laplace', loc: 0.5, scale: base }), want, `laplace scale ${base}, t ${t}`);
      }
    }
  });

  it('gamma shape a to a + d: psi\'(a) d^2/2 + psi\'\'(a) d^3/6 + psi\'\'\'(a) d^4/24', () => {
    for (const a of [0.5, 1, 1.5, 2, 3, 7.5, 10]) {
      for (const d of DELTAS.filter((x) => Math.abs(x) <= 2 ** -20)) {
        const dd = (a + d) - a; // exact
        for (const rate of [0.5, 1, 8]) {
          close(klDist({ family: 'gamma', shape: a, rate }, { family: 'gamma', shape: a + d, rate }), lgammaSeries(a, dd), `gamma shape ${a} + ${dd}, rate ${rate}`);
        }
      }
    }
  });

  it('beta alpha a to a + d: the gamma series at a minus the one at a + b', () => {
    for (const [a, b] of [[1, 1], [2, 3], [0.5, 0.5], [1.5, 4], [5, 0.5]]) {
      for (const d of DELTAS.filter((x) => Math.abs(x) <= 2 ** -20)) {
        const dd = (a + d) - a, want = lgammaSeries(a, dd) - lgammaSeries(a + b, dd);
        close(klDist({ family: 'beta', alpha: a, beta: b }, { family: 'beta', alpha: a + d, beta: b }), want, `beta(${a}, ${b}), alpha + ${d}`);
        close(klDist({ family: 'beta', alpha: b, beta: a }, { family: 'beta', alpha: b, beta: a + d }), want, `beta(${b}, ${a}), beta + ${d}`);
        close(klDist({ family: 'dirichlet', alpha: [a, b] }, { family: 'dirichlet', alpha: [a + d, b] }), want, `dirichlet [${a}, ${b}], alpha0 + ${d}`);
      }
    }
    // Dirichlet with three entries: the series at alpha_i minus the one at alpha_0.
    for (const d of [2 ** -20, -(2 ** -24), 1e-7]) {
      const dd = (2 + d) - 2;
      close(klDist({ family: 'dirichlet', alpha: [1, 2, 0.5] }, { family: 'dirichlet', alpha: [1, 2 + d, 0.5] }),
        lgammaSeries(2, dd) - lgammaSeries(3.5, dd), `dirichlet [1, 2, 0.5], alpha1 + ${dd}`);
    }
  });

  it('bernoulli p to p + d: d^2 / (2 p (1 - p)) + ... (also binomial: x n, geometric: / p)', () => {
    const r = prng(13);
    for (let i = 0; i < 80; i++) {
      const p = Math.round(between(r, 1, 1023)) / 1024; // 1 - p exact
      for (const d of DELTAS.filter((x) => Math.abs(x) <= 2 ** -14)) {
        const dd = (p + d) - p;
        const want = bernoulliSeries(p, dd);
        close(klDist({ family: 'bernoulli', p }, { family: 'bernoulli', p: p + d }), want, `bernoulli p ${p}, d ${dd}`);
        const n = intBetween(r, 1, 1000);
        close(klDist({ family: 'binomial', n, p }, { family: 'binomial', n, p: p + d }), n * want, `binomial n ${n}, p ${p}, d ${dd}`);
        close(klDist({ family: 'geometric', p }, { family: 'geometric', p: p + d }), want / p, `geometric p ${p}, d ${dd}`);
      }
    }
  });

  it('bernoulli p to p + d where 1 - p is not a double: the exact KL of the given p, not of fl(1 - p)', () => {
    for (const p of [0.1, 0.3, 0.01, 1e-5]) {
      for (const d of [1e-7 * p, -1e-9 * p]) {
        const dd = (p + d) - p;
        close(klDist({ family: 'bernoulli', p }, { family: 'bernoulli', p: p + d }), bernoulliSeries(p, dd), `bernoulli p ${p}, d ${dd}`);
      }
    }
  });

  it('laplace loc by d: x + exp(-x) - 1, x = |d| / scale; cauchy loc by d: log1p(d^2 / (4 s^2)); cauchy scale: log1p((s1 - s2)^2 / (4 s1 s2))', () => {
    for (const scale of [0.25, 1, 16]) {
      for (const d of DELTAS) {
        const dd = (0.75 + d) - 0.75;
        close(klDist({ family: 'laplace', loc: 0.75, scale }, { family: 'laplace', loc: 0.75 + d, scale }), expSeries(Math.abs(dd) / scale), `laplace scale ${scale}, d ${dd}`);
        close(klDist({ family: 'cauchy', loc: 0.75, scale }, { family: 'cauchy', loc: 0.75 + d, scale }), Math.log1p(dd * dd / (4 * scale * scale)), `cauchy scale ${scale}, d ${dd}`);
        const s2 = scale * (1 + d);
        close(klDist({ family: 'cauchy', loc: 0.75, scale }, { family: 'cauchy', loc: 0.75, scale: s2 }),
          Math.log1p((s2 - scale) ** 2 / (4 * scale * s2)), `cauchy scale ${scale} vs ${s2}`);
      }
    }
  });

  it('uniform [a, b] inside [a, b + e]: log1p(e / (b - a))', () => {
    for (const [a, b] of [[0, 1], [-3, 5], [0.5, 0.75]]) {
      for (const e of DELTAS.filter((x) => x > 0)) {
        const up = (b + e) - b, down = a - (a - e); // exact
        close(klDist({ family: 'uniform', low: a, high: b }, { family: 'uniform', low: a, high: b + e }), Math.log1p(up / (b - a)), `[${a}, ${b}] in [${a}, ${b + e}]`);
        close(klDist({ family: 'uniform', low: a, high: b }, { family: 'uniform', low: a - e, high: b }), Math.log1p(down / (b - a)), `[${a}, ${b}] in [${a - e}, ${b}]`);
      }
    }
  });

  it('KL of nearly equal parameters is positive, never 0 or negative', () => {
    // Where the parameters differ at all, KL > 0 (and tiny).
    for (const [p, q] of [
      [{ family: 'normal', mu: 1, sigma: 1 }, { family: 'normal', mu: 1 + 2 ** -52, sigma: 1 }],
      [{ family: 'exponential', rate: 1 }, { family: 'exponential', rate: 1 + 2 ** -40 }],
      [{ family: 'gamma', shape: 3, rate: 1 }, { family: 'gamma', shape: 3 + 2 ** -40, rate: 1 }],
      [{ family: 'beta', alpha: 2, beta: 2 }, { family: 'beta', alpha: 2 + 2 ** -40, beta: 2 }],
      [{ family: 'poisson', rate: 10 }, { family: 'poisson', rate: 10 + 2 ** -40 }],
      [{ family: 'bernoulli', p: 0.5 }, { family: 'bernoulli', p: 0.5 + 2 ** -40 }],
    ]) {
      const d = klDist(p, q);
      assert.ok(d > 0 && d < 1e-20, `KL = ${d} for ${show(p)} || ${show(q)}`);
    }
  });
});

// ---------------------------------------------------------------------------
describe('identities between families', () => {
  const rel = (a, b, what) => close(a, b, what, { tol: TOL, scale: Math.max(Math.abs(a), Math.abs(b), 1e-300) });

  it('exponential(r) = gamma(1, r): entropy, KL both ways, KL against a gamma and from a gamma', () => {
    const r = prng(21);
    for (let i = 0; i < PAIRS; i++) {
      const r1 = logBetween(r, 0.01, 100), r2 = logBetween(r, 0.01, 100);
      const g = { family: 'gamma', shape: logBetween(r, 0.1, 20), rate: logBetween(r, 0.01, 100) };
      const e1 = { family: 'exponential', rate: r1 }, e2 = { family: 'exponential', rate: r2 };
      const g1 = { family: 'gamma', shape: 1, rate: r1 }, g2 = { family: 'gamma', shape: 1, rate: r2 };
      rel(entropyDist(e1), entropyDist(g1), `H, rate ${r1}`);
      rel(klDist(e1, e2), klDist(g1, g2), `KL, rates ${r1}, ${r2}`);
      rel(klDist(e1, g), klDist(g1, g), `KL(exp(${r1}) || ${show(g)})`);
      rel(klDist(g, e1), klDist(g, g1), `KL(${show(g)} || exp(${r1}))`);
      rel(crossEntropyDist(e1, g), crossEntropyDist(g1, g), `H(exp(${r1}), ${show(g)})`);
      rel(crossEntropyDist(g, e1), crossEntropyDist(g, g1), `H(${show(g)}, exp(${r1}))`);
    }
  });

  it('bernoulli(p) = binomial(1, p) = categorical([1 - p, p]); binomial(n, p) KL = n x bernoulli KL', () => {
    const r = prng(22);
    for (let i = 0; i < PAIRS; i++) {
      // Multiples of 1/1024, so that 1 - p is exact; and the endpoints.
      const p1 = intBetween(r, 0, 1024) / 1024, p2 = intBetween(r, 1, 1023) / 1024;
      const b1 = { family: 'bernoulli', p: p1 }, b2 = { family: 'bernoulli', p: p2 };
      const n1 = { family: 'binomial', n: 1, p: p1 }, n2 = { family: 'binomial', n: 1, p: p2 };
      const c1 = { family: 'categorical', probs: [1 - p1, p1] }, c2 = { family: 'categorical', probs: [1 - p2, p2] };
      const h = entropyDist(b1), d = klDist(b1, b2);
      rel(entropyDist(n1), h, `H binomial(1, ${p1})`);
      rel(entropyDist(c1), h, `H categorical(${p1})`);
      rel(klDist(n1, n2), d, `KL binomial(1) ${p1} || ${p2}`);
      rel(klDist(c1, c2), d, `KL categorical ${p1} || ${p2}`);
      rel(crossEntropyDist(c1, c2), crossEntropyDist(b1, b2), `H(P,Q) categorical ${p1} || ${p2}`);
      for (const n of [2, 7, 1000, 2 ** 40]) {
        rel(klDist({ family: 'binomial', n, p: p1 }, { family: 'binomial', n, p: p2 }), n * d, `KL binomial(${n}) ${p1} || ${p2}`);
      }
    }
  });

  it('geometric KL = bernoulli KL / p_P', () => {
    const r = prng(23);
    for (let i = 0; i < PAIRS; i++) {
      const p1 = logBetween(r, 1e-3, 1), p2 = logBetween(r, 1e-3, 1);
      rel(klDist({ family: 'geometric', p: p1 }, { family: 'geometric', p: p2 }),
        klDist({ family: 'bernoulli', p: p1 }, { family: 'bernoulli', p: p2 }) / p1, `geometric ${p1} || ${p2}`);
    }
  });

  it('logNormal KL = normal KL of the same mu and sigma; logNormal entropy = normal entropy + mu', () => {
    for (const [p, q] of randomPairs('logNormal', 24)) {
      const np = { ...p, family: 'normal' }, nq = { ...q, family: 'normal' };
      rel(klDist(p, q), klDist(np, nq), `${show(p)} || ${show(q)}`);
      close(entropyDist(p), entropyDist(np) + p.mu, `H ${show(p)}`,
        { tol: TOL, scale: Math.max(Math.abs(entropyDist(np)), Math.abs(p.mu), Math.abs(entropyDist(p))) });
    }
  });

  it('multivariateNormal with k = 1 = normal with sigma = sqrt(cov)', () => {
    const r = prng(25);
    for (let i = 0; i < PAIRS; i++) {
      // sigma a multiple of 1/64, so that sigma^2 is exact.
      const s1 = intBetween(r, 1, 640) / 64, s2 = intBetween(r, 1, 640) / 64;
      const m1 = between(r, -5, 5), m2 = between(r, -5, 5);
      const n1 = { family: 'normal', mu: m1, sigma: s1 }, n2 = { family: 'normal', mu: m2, sigma: s2 };
      const v1 = { family: 'multivariateNormal', mean: [m1], cov: [[s1 * s1]] };
      const v2 = { family: 'multivariateNormal', mean: [m2], cov: [s2 * s2] };
      rel(entropyDist(v1), entropyDist(n1), `H ${show(n1)}`);
      rel(klDist(v1, v2), klDist(n1, n2), `KL ${show(n1)} || ${show(n2)}`);
      rel(crossEntropyDist(v1, v2), crossEntropyDist(n1, n2), `H(P,Q) ${show(n1)} || ${show(n2)}`);
    }
  });

  it('multivariateNormal with diagonal covs = the sum of the 1-D normals, for entropy and KL', () => {
    const r = prng(26);
    for (let i = 0; i < PAIRS; i++) {
      const k = intBetween(r, 1, 8);
      const s1 = Array.from({ length: k }, () => intBetween(r, 1, 640) / 64);
      const s2 = Array.from({ length: k }, () => intBetween(r, 1, 640) / 64);
      const m1 = s1.map(() => between(r, -5, 5)), m2 = s1.map(() => between(r, -5, 5));
      const diag = (s) => s.map((x, a) => s.map((_, b) => (a === b ? x * x : 0)));
      const v1 = { family: 'multivariateNormal', mean: m1, cov: diag(s1) };
      const v2 = { family: 'multivariateNormal', mean: Float64Array.from(m2), cov: Float64Array.from(diag(s2).flat()) };
      let h = 0, hAbs = 0, d = 0;
      for (let a = 0; a < k; a++) {
        const ha = entropyDist({ family: 'normal', mu: m1[a], sigma: s1[a] });
        h += ha;
        hAbs += Math.abs(ha);
        d += klDist({ family: 'normal', mu: m1[a], sigma: s1[a] }, { family: 'normal', mu: m2[a], sigma: s2[a] });
      }
      close(entropyDist(v1), h, `H, k ${k}, sigma ${s1}`, { tol: TOL, scale: hAbs });
      rel(klDist(v1, v2), d, `KL, k ${k}, sigma ${s1} || ${s2}`);
    }
  });

  it('dirichlet with k = 2 = beta', () => {
    for (const [p, q] of randomPairs('beta', 27)) {
      const dp = { family: 'dirichlet', alpha: [p.alpha, p.beta] }, dq = { family: 'dirichlet', alpha: Float64Array.of(q.alpha, q.beta) };
      rel(entropyDist(dp), entropyDist(p), `H ${show(p)}`);
      rel(klDist(dp, dq), klDist(p, q), `KL ${show(p)} || ${show(q)}`);
      rel(crossEntropyDist(dp, dq), crossEntropyDist(p, q), `H(P,Q) ${show(p)} || ${show(q)}`);
    }
  });

  it('categorical = the discrete kl() and entropy of its probs (normalised), any container', () => {
    for (const [p, q] of randomPairs('categorical', 28)) {
      const d = kl(p.probs, q.probs);
      close(klDist(p, q), d, `${show(p)} || ${show(q)}`, { tol: TOL, scale: Math.max(d === Infinity ? 0 : d, 1e-300) });
      close(klDist({ ...p, probs: Float64Array.from(p.probs) }, q), d, `Float64Array ${show(p)} || ${show(q)}`,
        { tol: TOL, scale: Math.max(d === Infinity ? 0 : d, 1e-300) });
    }
    close(klDist({ family: 'categorical', probs: new Uint32Array([6, 3, 1]) }, { family: 'categorical', probs: [0.5, 0.4, 0.1] }),
      0.02308831234083850406, 'KL of counts [6, 3, 1] || [0.5, 0.4, 0.1]');
  });

  it('binomial KL and entropy = the discrete kl() and entropy of its probabilities from logDensity', () => {
    // Two library functions against each other: logDensity gives the pmf, kl() and -sum p log p the rest.
    const r = prng(29);
    for (let i = 0; i < 30; i++) {
      const n = intBetween(r, 1, 60), p1 = between(r, 0.05, 0.95), p2 = between(r, 0.05, 0.95);
      const ks = Array.from({ length: n + 1 }, (_, k) => k);
      const P = Array.from(logDensity({ family: 'binomial', n, p: p1 }, ks), Math.exp);
      const Q = Array.from(logDensity({ family: 'binomial', n, p: p2 }, ks), Math.exp);
      close(klDist({ family: 'binomial', n, p: p1 }, { family: 'binomial', n, p: p2 }), kl(P, Q), `binomial(${n}) ${p1} || ${p2}`, { tol: 1e-11 });
    }
  });
});

// ---------------------------------------------------------------------------
describe('invariance under a common shift and a common scaling', () => {
  const rel = (a, b, what) => close(a, b, what, { tol: TOL, scale: Math.max(Math.abs(a), Math.abs(b), 1e-300) });
  // Parameters with few bits (multiples of 1/64 below 10), so that shifting
  // by a whole number and scaling by 3, 2^5 or 0.75 is exact.
  const dyadic = (r, lo, hi) => Math.round(between(r, lo, hi) * 64) / 64;
  const positive = (r) => intBetween(r, 1, 640) / 64;
  const LOC_SCALE = {
    normal: [(r) => ({ family: 'normal', mu: dyadic(r, -5, 5), sigma: positive(r) }), 'mu', 'sigma'],
    laplace: [(r) => ({ family: 'laplace', loc: dyadic(r, -5, 5), scale: positive(r) }), 'loc', 'scale'],
    cauchy: [(r) => ({ family: 'cauchy', loc: dyadic(r, -5, 5), scale: positive(r) }), 'loc', 'scale'],
  };

  for (const [family, [make, loc, scale]] of Object.entries(LOC_SCALE)) {
    it(`${family}: KL(P + c || Q + c) = KL(P || Q), KL(aP || aQ) = KL(P || Q), H(aP + c) = H(P) + log a`, () => {
      const r = prng(seedOf(family) + 31);
      for (let i = 0; i < PAIRS; i++) {
        const p = make(r), q = make(r), c = intBetween(r, -1000, 1000), d = klDist(p, q), h = entropyDist(p);
        rel(klDist({ ...p, [loc]: p[loc] + c }, { ...q, [loc]: q[loc] + c }), d, `shift ${c}: ${show(p)} || ${show(q)}`);
        for (const a of [3, 32, 0.75]) {
          const sp = { ...p, [loc]: p[loc] * a, [scale]: p[scale] * a }, sq = { ...q, [loc]: q[loc] * a, [scale]: q[scale] * a };
          rel(klDist(sp, sq), d, `scale ${a}: ${show(p)} || ${show(q)}`);
          const hs = entropyDist({ ...sp, [loc]: sp[loc] + c });
          close(hs, h + Math.log(a), `H scaled by ${a}, ${show(p)}`, { tol: TOL, scale: Math.max(Math.abs(h), Math.abs(Math.log(a)), Math.abs(hs)) });
        }
      }
    });
  }

  it('uniform: shift and scale both ends; nested: log((d - c) / (b - a)); not nested: Infinity', () => {
    const r = prng(32);
    for (let i = 0; i < PAIRS; i++) {
      const a = dyadic(r, -5, 5), b = a + positive(r), c = dyadic(r, -5, 5), d = c + positive(r);
      const p = { family: 'uniform', low: a, high: b }, q = { family: 'uniform', low: c, high: d };
      const nested = c <= a && b <= d;
      const want = nested ? Math.log1p(((d - c) - (b - a)) / (b - a)) : Infinity; // the differences are exact
      const got = klDist(p, q);
      if (nested) close(got, want, `[${a}, ${b}] || [${c}, ${d}]`, { tol: TOL, scale: Math.max(want, 1e-300) });
      else assert.equal(got, Infinity, `[${a}, ${b}] || [${c}, ${d}]`);
      close(entropyDist(p), Math.log(b - a), `H [${a}, ${b}]`, { tol: TOL, scale: Math.max(Math.abs(Math.log(b - a)), 1e-300) });
      const s = intBetween(r, -1000, 1000);
      assert.equal(klDist({ family: 'uniform', low: a + s, high: b + s }, { family: 'uniform', low: c + s, high: d + s }) === Infinity, !nested);
      rel(klDist({ family: 'uniform', low: a * 3, high: b * 3 }, { family: 'uniform', low: c * 3, high: d * 3 }), got, `x3 [${a}, ${b}] || [${c}, ${d}]`);
    }
    // A nested pair by construction, every time.
    for (let i = 0; i < PAIRS; i++) {
      const c = dyadic(r, -5, 5), d = c + positive(r) + 1, a = c + (d - c) * intBetween(r, 0, 16) / 64, b = d - (d - c) * intBetween(r, 0, 16) / 64;
      const want = Math.log1p(((d - c) - (b - a)) / (b - a));
      close(klDist({ family: 'uniform', low: a, high: b }, { family: 'uniform', low: c, high: d }), want, `[${a}, ${b}] || [${c}, ${d}]`,
        { tol: TOL, scale: Math.max(want, 1e-300) });
    }
  });

  it('exponential and gamma: dividing X by a multiplies the rate by a; KL unchanged, H - log a', () => {
    const r = prng(33);
    for (let i = 0; i < PAIRS; i++) {
      const p = { family: 'gamma', shape: positive(r), rate: positive(r) }, q = { family: 'gamma', shape: positive(r), rate: positive(r) };
      for (const a of [3, 0.75, 1024]) { // exact products
        rel(klDist({ ...p, rate: p.rate * a }, { ...q, rate: q.rate * a }), klDist(p, q), `gamma x ${a}: ${show(p)} || ${show(q)}`);
        rel(klDist({ family: 'exponential', rate: p.rate * a }, { family: 'exponential', rate: q.rate * a }),
          klDist({ family: 'exponential', rate: p.rate }, { family: 'exponential', rate: q.rate }), `exponential x ${a}`);
        const h = entropyDist(p), hs = entropyDist({ ...p, rate: p.rate * a });
        close(hs, h - Math.log(a), `H gamma x ${a}, ${show(p)}`, { tol: TOL, scale: Math.max(Math.abs(h), Math.abs(Math.log(a)), Math.abs(hs)) });
      }
    }
  });

  it('cauchy KL is symmetric', () => {
    for (const [p, q] of randomPairs('cauchy', 34)) rel(klDist(p, q), klDist(q, p), `${show(p)} vs ${show(q)}`);
  });
});

// ---------------------------------------------------------------------------
describe('logDensity', () => {
  it('normal(0, 1) at 0 is -log(2 pi) / 2; at x it is that minus x^2 / 2', () => {
    const got = logDensity({ family: 'normal', mu: 0, sigma: 1 }, [0, 1, -3, 10]);
    assert.ok(got instanceof Float64Array && got.length === 4, `got ${got}`);
    const c = -0.5 * Math.log(2 * Math.PI);
    [0, 1, -3, 10].forEach((x, i) => close(got[i], c - x * x / 2, `x = ${x}`));
    const one = logDensity({ family: 'normal', mu: 0, sigma: 1 }, 0);
    assert.ok(one instanceof Float64Array && one.length === 1, `a number x gives ${one}`);
    close(one[0], c, 'x = 0 as a number');
  });

  it('-Infinity outside the support, and at non-integers for the discrete families', () => {
    const cases = [
      [{ family: 'exponential', rate: 2 }, [-1, -1e-300]],
      [{ family: 'gamma', shape: 2, rate: 1 }, [-1]],
      [{ family: 'logNormal', mu: 0, sigma: 1 }, [-1, 0]],
      [{ family: 'beta', alpha: 2, beta: 3 }, [-0.5, 1.5]],
      [{ family: 'uniform', low: 0, high: 1 }, [-0.5, 1.5]],
      [{ family: 'bernoulli', p: 0.3 }, [-1, 0.5, 2]],
      [{ family: 'binomial', n: 5, p: 0.3 }, [-1, 2.5, 6]],
      [{ family: 'poisson', rate: 3 }, [-1, 0.5]],
      [{ family: 'geometric', p: 0.3 }, [-1, 1.5]],
    ];
    for (const [dist, xs] of cases) {
      const got = logDensity(dist, xs);
      xs.forEach((x, i) => assert.equal(got[i], -Infinity, `${show(dist)} at ${x}: ${got[i]}`));
    }
  });

  it('the discrete families sum to 1 and agree with entropyDist: H = -sum p log p', () => {
    for (const dist of [{ family: 'bernoulli', p: 0.3 }, { family: 'binomial', n: 40, p: 0.37 },
      { family: 'poisson', rate: 7.5 }, { family: 'geometric', p: 0.4 }]) {
      const ks = Array.from({ length: 400 }, (_, k) => k);
      const lp = logDensity(dist, Float64Array.from(ks));
      let sum = 0, h = 0;
      for (const v of lp) {
        if (v === -Infinity) continue;
        sum += Math.exp(v);
        h -= Math.exp(v) * v;
      }
      close(sum, 1, `sum of ${show(dist)}`, { tol: 1e-13 });
      close(entropyDist(dist), h, `H of ${show(dist)}`, { tol: 1e-13 });
    }
  });

  it('the continuous families integrate to 1 (trapezoid on a fine grid) and entropyDist = -integral p log p', () => {
    for (const [dist, lo, hi] of [
      [{ family: 'normal', mu: 1, sigma: 2 }, -40, 42], [{ family: 'laplace', loc: 0, scale: 0.5 }, -25, 25],
      [{ family: 'cauchy', loc: 0, scale: 1e-3 }, -1, 1], [{ family: 'gamma', shape: 3, rate: 2 }, 0, 40],
      [{ family: 'beta', alpha: 2, beta: 5 }, 0, 1], [{ family: 'logNormal', mu: 0, sigma: 0.25 }, 0, 10],
      [{ family: 'uniform', low: -1, high: 3 }, -1, 3], [{ family: 'exponential', rate: 4 }, 0, 15],
    ]) {
      const n = 200001, xs = Float64Array.from({ length: n }, (_, i) => lo + (hi - lo) * i / (n - 1));
      const lp = logDensity(dist, xs);
      let sum = 0, h = 0;
      for (let i = 0; i < n; i++) {
        const w = (i === 0 || i === n - 1 ? 0.5 : 1) * (hi - lo) / (n - 1);
        if (lp[i] === -Infinity) continue;
        sum += w * Math.exp(lp[i]);
        h -= w * Math.exp(lp[i]) * lp[i];
      }
      // Cauchy's tails beyond +-1000 scales hold 2/(pi 1000) of its mass.
      const mass = dist.family === 'cauchy' ? 1 - 2 / (Math.PI * 1000) : 1;
      close(sum, mass, `integral of ${show(dist)}`, { tol: 1e-6 });
      if (dist.family !== 'cauchy') close(entropyDist(dist), h, `H of ${show(dist)}`, { tol: 1e-6, scale: Math.max(Math.abs(h), 1) });
    }
  });
});

// ---------------------------------------------------------------------------
describe('klGrid on densities sampled with logDensity', () => {
  const density = (dist, xs) => Float64Array.from(logDensity(dist, xs), Math.exp);
  const uniformGrid = (lo, hi, n) => Float64Array.from({ length: n }, (_, i) => (i === n - 1 ? hi : lo + (hi - lo) * i / (n - 1)));
  // Denser in the middle: x = c + L (u + u^3 / 2) / 1.5, u uniform on [-1, 1]. (Not
  // x = sinh(3u): the trapezoid rule's error on such a grid is, to O(h^4), a
  // constant factor 1 + 3h^2/2 on every integral, which normalising cancels.)
  const stretchedGrid = (c, L, n) => uniformGrid(-1, 1, n).map((u) => c + L * (u + 0.5 * u ** 3) / 1.5);

  // Graded towards 0 (gamma) or towards 0 and 1 (beta): x = 70 u^3, and
  // x = u^3 (10 - 15u + 6u^2), u uniform on [0, 1].
  const gradedGrid = (n) => uniformGrid(0, 1, n).map((u) => 70 * u ** 3);
  const gradedUnitGrid = (n) => uniformGrid(0, 1, n).map((u) => u ** 3 * (10 - 15 * u + 6 * u * u));

  // Random pairs whose mass the grid covers (the truncated tails, below
  // ~1e-17 of the mass, are far below every tolerance) and whose densities do
  // not underflow where the other's does not. `grids` are the grids of n
  // points each pair is integrated on (n - 1 a multiple of 128), the first
  // one the best; lo and hi the range for a uniform grid.
  //
  // Where the error estimate |Simpson - trapezoid| can be trusted: where
  // Simpson's rule converges faster than the trapezoid rule, so that the
  // difference is the trapezoid's error, far above Simpson's. That holds for
  // smooth integrands on non-uniform grids (the trapezoid rule is then
  // O(h^2)), and for Laplace's kinks put on nodes that end Simpson panels.
  // It does not hold for gamma and beta on uniform grids: their x^(a-1) ends
  // (a not whole) give both rules an error of order h^a with constants of the
  // same size, and the estimate was seen up to 60 times below Simpson's
  // actual error there; grids graded towards those ends restore Simpson's
  // h^4 (the trapezoid stays h^2). Nor, on a uniform grid, for the normal,
  // where both rules are exact to rounding (the estimate is then ~0: only the
  // stretched grid tests its convergence).
  const GRID_FAMILIES = {
    normal: (r) => {
      const s1 = between(r, 0.5, 2), s2 = s1 * between(r, 0.5, 2);
      const p = { family: 'normal', mu: between(r, -1, 1), sigma: s1 };
      const q = { family: 'normal', mu: p.mu + Math.max(s1, s2) * between(r, -1, 1), sigma: s2 };
      const c = (p.mu + q.mu) / 2, L = Math.abs(p.mu - q.mu) / 2 + 10 * Math.max(s1, s2);
      // On a uniform grid the trapezoid rule is already exact (a Gaussian), so the
      // estimate is at rounding level; on the stretched grid it is a true O(h^2).
      return { p, q, lo: c - L, hi: c + L, grids: { stretched: (n) => stretchedGrid(c, L, n), uniform: (n) => uniformGrid(c - L, c + L, n) } };
    },
    laplace: (r) => {
      // Grid [-64, 64], 128 k intervals; locs in {-2, 0, 2}, on nodes 4k apart.
      const loc = () => 2 * intBetween(r, -1, 1);
      const p = { family: 'laplace', loc: loc(), scale: between(r, 0.5, 1.25) };
      const q = { family: 'laplace', loc: loc(), scale: between(r, 0.5, 1.25) };
      return { p, q, lo: -64, hi: 64, grids: { uniform: (n) => uniformGrid(-64, 64, n) } };
    },
    gamma: (r) => {
      const p = { family: 'gamma', shape: between(r, 2, 5), rate: between(r, 0.8, 1.25) };
      const q = { family: 'gamma', shape: between(r, 2, 5), rate: between(r, 0.8, 1.25) };
      return { p, q, lo: 0, hi: 70, grids: { graded: gradedGrid } };
    },
    beta: (r) => {
      const p = { family: 'beta', alpha: between(r, 2, 6), beta: between(r, 2, 6) };
      const q = { family: 'beta', alpha: between(r, 2, 6), beta: between(r, 2, 6) };
      return { p, q, lo: 0, hi: 1, grids: { graded: gradedUnitGrid } };
    },
  };

  for (const [family, make] of Object.entries(GRID_FAMILIES)) {
    it(`${family}: klGrid is within its error estimate of klDist, and the estimate shrinks as the grid is refined`, () => {
      const r = prng(seedOf(family) + 41);
      for (let i = 0; i < 12; i++) {
        const { p, q, grids } = make(r);
        const exact = klDist(p, q);
        for (const [kind, grid] of Object.entries(grids)) {
          const errors = [];
          for (const n of [257, 1025, 4097]) {
            const x = grid(n), res = klGrid(x, density(p, x), density(q, x));
            const what = `${kind} grid of ${n} points, ${show(p)} || ${show(q)}: klGrid ${fmt(res)}, klDist ${exact}`;
            assert.ok(res && typeof res.kl === 'number' && typeof res.error === 'number', what);
            assert.ok(res.kl >= 0 && res.error >= 0, what);
            assert.ok(Math.abs(res.kl - exact) <= res.error + 1e-12 * exact + 1e-14, `${what}: off by ${Math.abs(res.kl - exact)}`);
            errors.push(res.error);
          }
          // Shrinks by at least 4 per 4x refinement (16 for O(h^2)), unless already at rounding level.
          for (let k = 1; k < errors.length; k++) {
            if (errors[k - 1] < 1e-13 * Math.max(exact, 1)) {
              assert.ok(errors[k] < 1e-12 * Math.max(exact, 1), `${kind}: error estimates ${errors}`);
            } else {
              assert.ok(errors[k] <= errors[k - 1] / 4, `${kind}, ${show(p)} || ${show(q)}: error estimates ${errors} (klDist ${exact})`);
            }
          }
          if (kind !== 'uniform' || family !== 'normal') {
            assert.ok(errors[0] > 1e-12, `${kind}: the coarse estimate ${errors[0]} is already at rounding level: the test has no teeth`);
          }
        }
      }
    });
  }

  it('identical densities: KL 0 and error 0, on any grid, also with normalize: false', () => {
    for (const { p, lo, hi } of [GRID_FAMILIES.normal(prng(42)), GRID_FAMILIES.gamma(prng(43)), GRID_FAMILIES.beta(prng(44))]) {
      for (const n of [3, 4, 101, 1000]) {
        const x = uniformGrid(lo, hi, n), d = density(p, x);
        for (const options of [undefined, { normalize: false }, { base: 2 }]) {
          const res = klGrid(x, d, Float64Array.from(d), options);
          assert.deepEqual({ kl: res.kl, error: res.error }, { kl: 0, error: 0 }, `${show(p)}, ${n} points, ${fmt(options)}`);
        }
      }
    }
  });

  it('with normalize (the default), scaling p or q by a constant changes nothing', () => {
    const r = prng(45);
    for (const make of Object.values(GRID_FAMILIES)) {
      const { p, q, lo, hi } = make(r);
      const x = uniformGrid(lo, hi, 801), dp = density(p, x), dq = density(q, x);
      const ref = klGrid(x, dp, dq);
      for (const [a, b] of [[2, 1], [1, 1024], [3, 1], [1, 1e-3], [7.5, 1e5]]) {
        const res = klGrid(x, dp.map((v) => v * a), dq.map((v) => v * b));
        close(res.kl, ref.kl, `p x ${a}, q x ${b}: ${show(p)} || ${show(q)}`);
        // (an estimate at rounding level, as for normals on a uniform grid, may move by rounding)
        close(res.error, ref.error, `error, p x ${a}, q x ${b}: ${show(p)} || ${show(q)}`, { tol: 1e-9, scale: Math.max(ref.error, 1e-4 * ref.kl) });
        const explicit = klGrid(x, dp.map((v) => v * a), dq.map((v) => v * b), { normalize: true });
        assert.deepEqual(explicit, res, 'normalize: true is the default');
      }
    }
  });

  it('with normalize: false and densities that integrate to 1, it is the same KL', () => {
    const r = prng(46);
    for (const make of Object.values(GRID_FAMILIES)) {
      const { p, q, grids } = make(r);
      const x = Object.values(grids)[0](4097), res = klGrid(x, density(p, x), density(q, x), { normalize: false });
      const exact = klDist(p, q);
      assert.ok(Math.abs(res.kl - exact) <= res.error + 1e-9 * exact, `${show(p)} || ${show(q)}: ${fmt(res)} vs ${exact}`);
    }
  });

  it('q = 0 < p at a point: Infinity; p = 0 < q adds nothing', () => {
    const x = uniformGrid(0, 1, 11), p = Array(11).fill(1), q = Array(11).fill(1);
    q[4] = 0;
    assert.equal(klGrid(x, p, q).kl, Infinity, 'q[4] = 0 < p[4]');
    assert.equal(klGrid(x, p, q, { normalize: false }).kl, Infinity, 'normalize: false');
    assert.equal(klGrid(x, p, q, { base: 2 }).kl, Infinity, 'base 2');
    const res = klGrid(x, q, p);
    assert.ok(Number.isFinite(res.kl) && res.kl > 0, `p = 0 < q at one point: ${fmt(res)}`);
    // p and q zero together (a density vanishing at the ends) add nothing and give no NaN.
    const pz = p.slice(), qz = p.slice();
    pz[0] = qz[0] = pz[10] = qz[10] = 0;
    assert.deepEqual(klGrid(x, pz, qz), { kl: 0, error: 0 });
  });

  it('a step of 5e-324 (2^-1074): the trapezoid rule keeps its weight, and an infinite Simpson is no agreement', () => {
    // p only at x0, one subnormal step from x1: Simpson's weights are -+2^1075/3, so the rule falls back on the
    // trapezoid's, whose KL is ln(2 + 4/h0) = ln(2^1076 + 2) = 745.82636628250115293 (mpmath, 50 digits); its
    // weight h0/2 used to round to 0 in doubles and the result was NaN. Unnormalised, Simpson's value is -1.7e322:
    // -Infinity, with error |Simpson - trapezoid| = Infinity (it was 0).
    const x = [0, 5e-324, 2], p = [0.99843, 0, 0], q = [0.88249, 0.88249, 0.88249];
    const res = klGrid(x, p, q);
    assert.ok(Math.abs(res.kl - 745.82636628250115293) <= 745.83 * 1e-15 && res.error === res.kl, fmt(res));
    assert.deepEqual(klGrid(x, p, q, { normalize: false }), { kl: -Infinity, error: Infinity });
  });

  it('bits are nats / ln 2, for the KL and for its error estimate', () => {
    const r = prng(47);
    for (const make of Object.values(GRID_FAMILIES)) {
      const { p, q, lo, hi } = make(r);
      const x = uniformGrid(lo, hi, 201), dp = density(p, x), dq = density(q, x);
      const nats = klGrid(x, dp, dq), bits = klGrid(x, dp, dq, { base: 2 });
      close(bits.kl, nats.kl / Math.LN2, `kl, ${show(p)} || ${show(q)}`, { tol: 1e-14 });
      close(bits.error, nats.error / Math.LN2, `error, ${show(p)} || ${show(q)}`, { tol: 1e-12, scale: Math.max(nats.error / Math.LN2, 1e-300) });
    }
  });

  it('a non-uniform grid, with an even and an odd number of intervals', () => {
    // p = 1 + x, q = 1 on [0, 1]: P has density 2(1 + x)/3 (Simpson integrates the line
    // exactly), and KL = int_1^2 (2t/3) ln(2t/3) dt = (2/3) [F]_1^2, F(t) = t^2/2 ln(2t/3) - t^2/4.
    const F = (t) => t * t / 2 * Math.log(2 * t / 3) - t * t / 4;
    const exact = (2 / 3) * (F(2) - F(1));
    for (const n of [300, 301]) {
      const x = Float64Array.from({ length: n }, (_, i) => (i / (n - 1)) ** 1.5);
      const res = klGrid(x, x.map((v) => 1 + v), x.map(() => 1));
      assert.ok(Math.abs(res.kl - exact) <= res.error + 1e-13, `${n} points: ${fmt(res)} vs ${exact}`);
      assert.ok(Math.abs(res.kl - exact) <= 1e-8, `${n} points: ${fmt(res)} vs ${exact}`);
    }
  });
});
