// The fast paths of entropy, cross-entropy, JS, the seven measures and the
// KL terms (c/src/discrete_fast.h) against the general path, as paths.test.js does
// for KL: dist/infodiv-core.js (SIMD, fast paths) and dist/test/
// infodiv-core-general.js (no SIMD, no fast path) are called directly on
// seeded random inputs of lengths 1..3000 and many shapes, among them the
// classes the fast pass must leave to the general path (peaked and one-hot
// distributions, nearly equal ones, zeros on one side, subnormal and huge
// entries, normalize off, bad entries). Every result must agree within
// 1e-12 relative (or be identical: 0, Infinity), and so must the status and
// the error of a bad input.
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import createShipped from '../../dist/infodiv-core.js';
import createGeneral from '../../dist/test/infodiv-core-general.js';
import { prng } from './prng.mjs';

const TOL = 1e-12;
const MAX_N = 3000;
const CASES = 700; // per function and input type

// One module's buffers: p, q, options, result (7 doubles), error.
function harness(module) {
  const at = module._malloc(24 * MAX_N + 128);
  assert.ok(at, 'malloc');
  const P = at, Q = at + 8 * MAX_N, OPTIONS = at + 16 * MAX_N, RESULT = OPTIONS + 16, ERROR = RESULT + 8 * MAX_N;
  return (fn, p, q, f32, options) => {
    const heap = f32 ? module.HEAPF32 : module.HEAPF64, width = f32 ? 4 : 8;
    heap.set(p, P / width);
    heap.set(q, Q / width);
    let opt = 0;
    if (options) {
      module.HEAPF64[OPTIONS / 8] = options.base;
      module.HEAP32[OPTIONS / 4 + 2] = options.normalize ? 1 : 0;
      opt = OPTIONS;
    }
    const count = fn === 'measures' ? 7 : fn === 'kl_terms' ? p.length : 1;
    module.HEAPF64.fill(-12345, RESULT / 8, RESULT / 8 + count); // so a result left unwritten shows
    const c = module[`_infodiv_${fn}${f32 ? '_f32' : ''}`];
    const status = fn === 'entropy' ? c(P, p.length, opt, RESULT, ERROR) : c(P, Q, p.length, opt, RESULT, ERROR);
    return status === 0
      ? { status, values: Array.from(module.HEAPF64.subarray(RESULT / 8, RESULT / 8 + count)) }
      : { status, arg: module.HEAP32[ERROR / 4], index: module.HEAPU32[ERROR / 4 + 1] };
  };
}

const decades = (random, lo, hi) => 10 ** (lo + (hi - lo) * random());
const rand = (n, f) => Array.from({ length: n }, f);
const toOne = (a) => {
  const s = a.reduce((x, y) => x + y, 0);
  return a.map((v) => v / s);
};

// Shapes: p, q and options (undefined: NULL). big: the largest decade the type holds.
const SHAPES = {
  uniform: (r, n) => [rand(n, () => r()), rand(n, () => r())],
  'uniform, counts': (r, n) => [rand(n, () => 1 + Math.floor(r() * 1000)), rand(n, () => 1 + Math.floor(r() * 50))],
  'skewed, 1e-12..1': (r, n) => [rand(n, () => decades(r, -12, 0)), rand(n, () => decades(r, -12, 0))],
  'Dirichlet-like (u^8)': (r, n) => [rand(n, () => r() ** 8 + 1e-300), rand(n, () => r() ** 8 + 1e-300)],
  'unrelated, totals 1000 times apart': (r, n) => [rand(n, () => r()), rand(n, () => 1000 * r())],
  'base 2': (r, n) => [rand(n, () => r()), rand(n, () => r()), { base: 2, normalize: true }],
  'base 0.5': (r, n) => [rand(n, () => r()), rand(n, () => r()), { base: 0.5, normalize: true }],
  // the classes that must (mostly) fall back
  'nearly identical': (r, n) => {
    const eps = decades(r, -12, -2), p = rand(n, () => decades(r, -6, 0));
    return [p, p.map((v) => v * (1 + eps * (2 * r() - 1)))];
  },
  'identical, other total': (r, n) => {
    const p = rand(n, () => r() + 0.1);
    return [p, p.map((v) => 3 * v)];
  },
  'peaked p': (r, n) => {
    const p = rand(n, () => decades(r, -14, -6));
    p[Math.floor(r() * n)] = 1;
    return [p, rand(n, () => r())];
  },
  'one-hot p': (r, n) => {
    const p = new Array(n).fill(0);
    p[Math.floor(r() * n)] = 1 + Math.floor(r() * 9);
    return [p, rand(n, () => r() + 1e-9)];
  },
  'zeros in p': (r, n) => [rand(n, () => (r() < 0.3 ? 0 : r())), rand(n, () => r() + 1e-3)],
  'zeros in both, same places': (r, n) => {
    const p = rand(n, () => (r() < 0.3 ? 0 : r()));
    return [p, p.map((v) => (v === 0 ? 0 : r()))];
  },
  'q = 0 < p somewhere': (r, n) => {
    const p = rand(n, () => r() + 0.1), q = rand(n, () => r() + 0.1);
    q[Math.floor(r() * n)] = 0;
    return [p, q];
  },
  'one much larger ratio': (r, n) => {
    const p = rand(n, () => r() + 0.1), q = rand(n, () => r() + 0.1);
    q[Math.floor(r() * n)] = decades(r, -30, -8);
    return [p, q];
  },
  'entries 1e-300..1e300': (r, n, big) => [rand(n, () => decades(r, -big, big)), rand(n, () => decades(r, -big, big))],
  'all entries huge': (r, n, big) => [rand(n, () => decades(r, big - 1.5, big - 0.5)), rand(n, () => decades(r, big - 1.5, big - 0.5))],
  'subnormal entries': (r, n, big) => [rand(n, () => (r() < 0.5 ? decades(r, -big - 15, -big - 6) : r())),
    rand(n, () => decades(r, -big - 8, 0))],
  'normalize off': (r, n) => [toOne(rand(n, () => r())), toOne(rand(n, () => r())), { base: Math.E, normalize: false }],
  'a bad entry (status and error must agree)': (r, n) => {
    const p = rand(n, () => r()), q = rand(n, () => r());
    const bad = [-1, NaN, Infinity, -Infinity, -1e-300][Math.floor(r() * 5)];
    (r() < 0.5 ? p : q)[Math.floor(r() * n)] = bad;
    return [p, q];
  },
};
const SHAPE_NAMES = Object.keys(SHAPES);

let shipped, general;
before(async () => {
  const [s, g] = await Promise.all([createShipped(), createGeneral()]);
  shipped = harness(s);
  general = harness(g);
});

for (const fn of ['entropy', 'cross_entropy', 'js', 'measures', 'kl_terms']) {
  for (const f32 of [false, true]) {
    const name = `infodiv_${fn}${f32 ? '_f32' : ''}`;
    describe(name, () => {
      const counts = { finite: 0, identical: 0, error: 0, differing: 0 };
      const worst = { rel: 0, what: 'none' };

      it(`${CASES} random inputs, both ways: the shipped core agrees with the general path within ${TOL}`, (t) => {
        const random = prng(0x5eed + fn.length * 17 + (f32 ? 1 : 0));
        const big = f32 ? 37 : 300;
        for (let k = 0; k < CASES; k++) {
          const shape = SHAPE_NAMES[k % SHAPE_NAMES.length];
          const n = 1 + Math.floor(k % 2 ? random() * MAX_N : random() * 40);
          const seedOfCase = Math.floor(random() * 2 ** 32);
          let [p, q, options] = SHAPES[shape](prng(seedOfCase), n, big);
          if (f32) [p, q] = [Float32Array.from(p), Float32Array.from(q)];
          for (const [x, y, dir] of [[p, q, '(p, q)'], [q, p, '(q, p)']]) {
            const what = `case ${k} (${shape}, n ${n}, seed ${seedOfCase}), ${fn}${dir}`;
            const a = shipped(fn, x, y, f32, options), b = general(fn, x, y, f32, options);
            assert.equal(a.status, b.status, `${what}: status`);
            if (a.status !== 0) {
              assert.deepEqual(a, b, `${what}: error`);
              counts.error++;
              continue;
            }
            let differs = false;
            a.values.forEach((va, m) => {
              const vb = b.values[m];
              assert.ok(!Number.isNaN(va) && va !== -12345, `${what}, value ${m}: shipped gave ${va}`);
              if (va === vb) return;
              differs = true;
              assert.ok(Number.isFinite(va) && Number.isFinite(vb) && vb !== 0, `${what}, value ${m}: ${va} vs ${vb}`);
              const rel = Math.abs(va - vb) / Math.abs(vb);
              if (rel > worst.rel) Object.assign(worst, { rel, what: `${what}, value ${m}: ${va} vs ${vb}` });
              assert.ok(rel <= TOL, `${what}, value ${m}: shipped ${va}, general ${vb}, relative difference ${rel.toExponential(2)}`);
            });
            counts.finite++;
            if (differs) counts.differing++;
            else counts.identical++;
          }
        }
        const report = `${name}: worst relative difference ${worst.rel.toExponential(2)} (${worst.what}); results ${JSON.stringify(counts)}`;
        t.diagnostic(report);
        console.log(report);
      });

      it('the comparison was not vacuous: the fast path answered often, and so did the general one', () => {
        // Bit-identical results everywhere would mean the fast path never answered.
        assert.ok(counts.differing >= CASES / 5, JSON.stringify(counts));
        assert.ok(counts.identical >= 10 && counts.error >= 10, JSON.stringify(counts));
      });
    });
  }
}
