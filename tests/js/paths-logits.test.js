// The fast paths of KL, of the seven measures, of the cross-entropy and of the
// entropy (measures_logits(a, a)) of logits (kl_logits_fast(),
// measures_logits_pass(), the entropies' pass, c/src/discrete_loops.h) against
// the general path, as paths-measures.test.js does for
// probabilities: dist/infodiv-core.js (SIMD, fast paths) and dist/test/
// infodiv-core-general.js (no fast path) are called directly on seeded
// random logits of lengths 1..3000, among them the classes the fast pass
// must leave to the general path (masked outcomes, -inf; nearly equal
// logits; spreads beyond 700 / T; NaN and +inf; bad temperatures). Every
// result must agree within 1e-12 relative (or be identical), and so must the
// status and the error of a bad input. And the shipped core's entropy and
// cross-entropy equal its measures_logits()' to the bit.
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import createShipped from '../../dist/infodiv-core.js';
import createGeneral from '../../dist/test/infodiv-core-general.js';
import { prng } from './prng.mjs';

const TOL = 1e-12;
const MAX_N = 3000;
const CASES = 900; // per input type

function harness(module) {
  const at = module._malloc(16 * MAX_N + 128);
  assert.ok(at, 'malloc');
  const A = at, B = at + 8 * MAX_N, OPTIONS = at + 16 * MAX_N, RESULT = OPTIONS + 16, ERROR = RESULT + 56;
  // fn 'entropy_logits' is measures_logits(a, a): both pointers at a.
  return (fn, a, b, t, f32, options) => {
    const heap = f32 ? module.HEAPF32 : module.HEAPF64, width = f32 ? 4 : 8;
    const same = fn === 'entropy_logits', core = same ? 'measures_logits' : fn;
    heap.set(a, A / width);
    heap.set(b, B / width);
    let opt = 0;
    if (options) {
      module.HEAPF64[OPTIONS / 8] = options.base;
      module.HEAP32[OPTIONS / 4 + 2] = 1;
      opt = OPTIONS;
    }
    const count = core === 'measures_logits' ? 7 : 1;
    module.HEAPF64.fill(-12345, RESULT / 8, RESULT / 8 + count); // so a result left unwritten shows
    const status = module[`_infodiv_${core}${f32 ? '_f32' : ''}`](A, same ? A : B, a.length, t, opt, RESULT, ERROR);
    return status === 0
      ? { status, values: Array.from(module.HEAPF64.subarray(RESULT / 8, RESULT / 8 + count)) }
      : { status, arg: module.HEAP32[ERROR / 4], index: module.HEAPU32[ERROR / 4 + 1] };
  };
}

const rand = (n, f) => Array.from({ length: n }, f);
const spread = (r, s) => () => s * (2 * r() - 1);

// Shapes: a, b, the temperature, and options (undefined: NULL).
const SHAPES = {
  'spread 8': (r, n) => [rand(n, spread(r, 4)), rand(n, spread(r, 4)), 1],
  'spread 2, T = 0.3': (r, n) => [rand(n, spread(r, 1)), rand(n, spread(r, 1)), 0.3],
  'spread 100, T = 7': (r, n) => [rand(n, spread(r, 50)), rand(n, spread(r, 50)), 7],
  'offset 1e6': (r, n) => [rand(n, () => 1e6 + 8 * r()), rand(n, () => -1e6 + 8 * r()), 1],
  'one large gap': (r, n) => {
    const a = rand(n, spread(r, 2)), b = rand(n, spread(r, 2));
    b[Math.floor(r() * n)] = -30;
    return [a, b, 1];
  },
  'base 2': (r, n) => [rand(n, spread(r, 3)), rand(n, spread(r, 3)), 1, { base: 2 }],
  'base 0.5': (r, n) => [rand(n, spread(r, 3)), rand(n, spread(r, 3)), 1, { base: 0.5 }],
  // the classes that must (mostly) fall back
  'nearly equal': (r, n) => {
    const a = rand(n, spread(r, 3)), eps = 10 ** (-12 + 10 * r());
    return [a, a.map((v) => v + eps * (2 * r() - 1)), 1];
  },
  'equal up to a shift': (r, n) => {
    const a = rand(n, spread(r, 3));
    return [a, a.map((v) => v + 5), 1];
  },
  'spread beyond 700 / T': (r, n) => [rand(n, spread(r, 500)), rand(n, spread(r, 500)), 0.5],
  'T = 1e-3': (r, n) => [rand(n, spread(r, 3)), rand(n, spread(r, 3)), 1e-3],
  'masked outcomes (-inf)': (r, n) => {
    const a = rand(n, spread(r, 3)), b = rand(n, spread(r, 3));
    a[Math.floor(r() * n)] = -Infinity;
    if (r() < 0.5) b[Math.floor(r() * n)] = -Infinity;
    return [a, b, 1];
  },
  'a bad logit or temperature (status and error must agree)': (r, n) => {
    const a = rand(n, spread(r, 3)), b = rand(n, spread(r, 3));
    const k = Math.floor(r() * 4);
    if (k < 3) (r() < 0.5 ? a : b)[Math.floor(r() * n)] = [NaN, Infinity, NaN][k];
    return [a, b, k === 3 ? [0, -1, Infinity, NaN][Math.floor(r() * 4)] : 1];
  },
};
const SHAPE_NAMES = Object.keys(SHAPES);

let shipped, general;
before(async () => {
  const [s, g] = await Promise.all([createShipped(), createGeneral()]);
  shipped = harness(s);
  general = harness(g);
});

for (const fn of ['kl_logits', 'measures_logits', 'cross_entropy_logits', 'entropy_logits']) {
  for (const f32 of [false, true]) {
    const name = `infodiv_${fn}${f32 ? '_f32' : ''}`;
    describe(name, () => {
      const counts = { finite: 0, identical: 0, error: 0, differing: 0 };
      const worst = { rel: 0, what: 'none' };

      it(`${CASES} random inputs, both ways: the shipped core agrees with the general path within ${TOL}`, (t) => {
        const random = prng(0x10617 + fn.length * 17 + (f32 ? 1 : 0));
        for (let k = 0; k < CASES; k++) {
          const shape = SHAPE_NAMES[k % SHAPE_NAMES.length];
          const n = 1 + Math.floor(k % 2 ? random() * MAX_N : random() * 40);
          const seedOfCase = Math.floor(random() * 2 ** 32);
          let [a, b, temperature, options] = SHAPES[shape](prng(seedOfCase), n);
          if (f32) [a, b] = [Float32Array.from(a), Float32Array.from(b)];
          for (const [x, y, dir] of [[a, b, '(a, b)'], [b, a, '(b, a)']]) {
            const what = `case ${k} (${shape}, n ${n}, seed ${seedOfCase}), ${fn}${dir}`;
            const p = shipped(fn, x, y, temperature, f32, options), q = general(fn, x, y, temperature, f32, options);
            assert.equal(p.status, q.status, `${what}: status`);
            if (p.status !== 0) {
              assert.deepEqual(p, q, `${what}: error`);
              counts.error++;
              continue;
            }
            let differs = false;
            p.values.forEach((vp, m) => {
              const vq = q.values[m];
              assert.ok(!Number.isNaN(vp) && vp !== -12345, `${what}, value ${m}: shipped gave ${vp}`);
              if (vp === vq) return;
              differs = true;
              assert.ok(Number.isFinite(vp) && Number.isFinite(vq) && vq !== 0, `${what}, value ${m}: ${vp} vs ${vq}`);
              const rel = Math.abs(vp - vq) / Math.abs(vq);
              if (rel > worst.rel) Object.assign(worst, { rel, what: `${what}, value ${m}: ${vp} vs ${vq}` });
              assert.ok(rel <= TOL, `${what}, value ${m}: shipped ${vp}, general ${vq}, relative difference ${rel.toExponential(2)}`);
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
        assert.ok(counts.differing >= CASES / 5, JSON.stringify(counts));
        assert.ok(counts.identical >= 10 && counts.error >= 10, JSON.stringify(counts));
      });
    });
  }
}

// measures_logits() gives H(P) as measures_logits(a, a) does and H(P,Q) as
// cross_entropy_logits() does, to the bit, on whichever path each runs.
for (const f32 of [false, true]) {
  it(`infodiv_measures_logits${f32 ? '_f32' : ''}: its H(P) is the entropy's and its H(P,Q) the cross-entropy's, exactly`, () => {
    const random = prng(0xb175 + (f32 ? 1 : 0));
    let fast = 0;
    for (let k = 0; k < CASES; k++) {
      const shape = SHAPE_NAMES[k % SHAPE_NAMES.length], n = 1 + Math.floor(k % 2 ? random() * MAX_N : random() * 40);
      const seedOfCase = Math.floor(random() * 2 ** 32);
      let [a, b, temperature, options] = SHAPES[shape](prng(seedOfCase), n);
      if (f32) [a, b] = [Float32Array.from(a), Float32Array.from(b)];
      const what = `case ${k} (${shape}, n ${n}, seed ${seedOfCase})`;
      const m = shipped('measures_logits', a, b, temperature, f32, options);
      const h = shipped('entropy_logits', a, a, temperature, f32, options);
      const c = shipped('cross_entropy_logits', a, b, temperature, f32, options);
      if (m.status !== 0) {
        assert.deepEqual(c, m, `${what}: cross-entropy's error`);
        continue;
      }
      assert.equal(c.values[0], m.values[2], `${what}: H(P,Q)`);
      if (h.status === 0) assert.equal(h.values[0], m.values[0], `${what}: H(P)`);
      if (general('cross_entropy_logits', a, b, temperature, f32, options).values[0] !== c.values[0]) fast++;
    }
    assert.ok(fast >= CASES / 5, `the fast pass answered ${fast} times`);
  });
}
