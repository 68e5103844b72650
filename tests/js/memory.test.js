// Leak tests of the JS binding: small calls reuse one scratch region of the
// wasm heap, large ones malloc and free a temporary region, and calls that
// throw must free it too. memoryUsage() reports the wasm memory size
// (heapBytes) and the bytes malloc'd in it (allocatedBytes).
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  init, entropy, crossEntropy, kl, jsDivergence, measures, klTerms, memoryUsage, evidencePath, klEstimates,
  messageLengths, drawCounts, summary, evidenceRuns, histogram,
} from '../../dist/infodiv.js';

const CALLS = 100_000;
const WARM_UP = 1_000;

const FUNCTIONS = [
  ['entropy', (p, q, options) => entropy(p, options)],
  ['crossEntropy', crossEntropy],
  ['kl', kl],
  ['jsDivergence', jsDivergence],
  ['measures', measures],
  ['klTerms', klTerms],
];

const CONTAINERS = [
  ['number[]', (a) => a],
  ['Float64Array', (a) => Float64Array.from(a)],
  ['Float32Array', (a) => Float32Array.from(a)],
];

// Small inputs that vary a little: n from 8 to 12, different counts, and
// every third call in base 2.
const SMALL = Array.from({ length: 5 }, (_, k) => ({
  p: Array.from({ length: 8 + k }, (_, i) => 1 + ((i * 7 + k) % 5)),
  q: Array.from({ length: 8 + k }, (_, i) => 1 + ((i * 3 + k) % 4)),
}));
const OPTIONS = [undefined, undefined, { base: 2 }];

// Calls `call(i)` for i = 0..times-1 and returns how many calls threw.
function repeat(times, call) {
  let thrown = 0;
  for (let i = 0; i < times; i++) {
    try {
      call(i);
    } catch (e) {
      if (!(e instanceof TypeError || e instanceof RangeError)) throw e;
      thrown++;
    }
  }
  return thrown;
}

before(() => init());

describe('100,000 valid calls leave the wasm heap exactly as it was', () => {
  for (const [fname, f] of FUNCTIONS) {
    for (const [cname, of] of CONTAINERS) {
      it(`${fname} (${cname})`, () => {
        const inputs = SMALL.map(({ p, q }) => ({ p: of(p), q: of(q) }));
        const call = (i) => f(inputs[i % 5].p, inputs[i % 5].q, OPTIONS[i % 3]);
        assert.equal(repeat(WARM_UP, call), 0);
        const start = memoryUsage();
        assert.equal(repeat(CALLS, call), 0);
        assert.deepEqual(memoryUsage(), start);
      });
    }
  }
});

it('100,000 calls that throw (mixed error kinds) leave the wasm heap exactly as it was', () => {
  const good = [0.2, 0.3, 0.5];
  const f32 = (a) => Float32Array.from(a);
  // Errors from each stage: JS type checks, options, shapes, and the C core.
  // The second list is for q, which entropy does not take.
  const BAD_ANYWHERE = [
    (f) => f('ab', good),
    (f) => f([0.2, 'x', 0.5], good),
    (f) => f(good, good, { bases: 2 }),
    (f) => f(good, good, { base: 1 }),
    (f) => f(f32(good), f32(good), { base: NaN }),
    (f) => f([], []),
    (f) => f([0.2, -0.3, 0.5], good),
    (f) => f(f32([Infinity, 1, 1]), f32(good)),
    (f) => f([0.6, 0.4, 0.1], good, { normalize: false }),
  ];
  const BAD_Q = [
    (f) => f(good, [0.2, 0.3, null]),
    (f) => f(good, [0.5, 0.5]),
    (f) => f(good, Float64Array.of(0.2, 0.3, NaN)),
    (f) => f(f32(good), f32([0, 0, 0])),
  ];
  const calls = FUNCTIONS.flatMap(([name, f]) => [...BAD_ANYWHERE, ...(name === 'entropy' ? [] : BAD_Q)]
    .map((bad) => () => bad(f)));
  const call = (i) => calls[i % calls.length]();
  assert.equal(repeat(WARM_UP, call), WARM_UP);
  const start = memoryUsage();
  assert.equal(repeat(CALLS, call), CALLS);
  assert.deepEqual(memoryUsage(), start);
});

describe('large calls free their temporary region', () => {
  // Beyond the 64 KiB scratch region each call mallocs; the wasm memory may
  // grow once to fit, so only allocatedBytes must come back exactly.
  for (const n of [100_000, 1_000_000]) {
    it(`every function, n = ${n}, valid and failing calls`, () => {
      const ramp = (k) => Array.from({ length: n }, (_, i) => 1 + ((i * k) % 7));
      const p = ramp(3), q = ramp(5);
      const badQ = Float64Array.from(q);
      badQ[n - 1] = -1;
      const calls = [
        ...FUNCTIONS.map(([, f]) => () => f(Float64Array.from(p), Float64Array.from(q))),
        () => kl(p, q),
        () => kl(Float32Array.from(p), Float32Array.from(q)),
        () => kl(Float64Array.from(p), badQ), // fails in C, after the copy
        () => kl(p, [...q.slice(0, -1), 'x']), // fails in JS, during the copy
      ];
      const start = memoryUsage().allocatedBytes;
      assert.equal(repeat(calls.length, (i) => calls[i]()), 2);
      assert.equal(memoryUsage().allocatedBytes, start);
    });
  }
});

describe('the functions on draws: small calls and large ones, valid and failing, leave the heap as it was', () => {
  const p = [0.5, 0.2, 0.2, 0.1], q = [0.1, 0.2, 0.3, 0.4];
  const drawsOf = (n) => Uint32Array.from({ length: n }, (_, i) => (i * 7) % 4);
  // Each function once on `d` (draws), with a failure of its own after the copy (an outcome out of range at the end).
  const callsOn = (d) => {
    const bad = Uint32Array.from(d);
    bad[bad.length - 1] = 9;
    const values = Float64Array.from(d, (v) => v / 3);
    const runs = [d.subarray(0, d.length / 2), d.subarray(d.length / 2)];
    return [
      () => evidencePath(p, q, d), () => evidencePath(p, q, bad),
      () => klEstimates(p, q, d), () => klEstimates(p, q, bad),
      () => messageLengths(p, q, d, { base: 2 }), () => messageLengths(p, q, bad),
      () => drawCounts(d, 4), () => drawCounts(bad, 4),
      () => summary(values), () => summary([...values.subarray(1), NaN]),
      () => evidenceRuns(p, q, runs), () => evidenceRuns(p, q, [runs[0], bad.subarray(0, runs[0].length).fill(9)]),
      () => histogram(d, 30), () => histogram(d, 0),
    ];
  };
  it('20,000 small calls (10 draws: in the scratch region)', () => {
    const calls = callsOn(drawsOf(10)), call = (i) => calls[i % calls.length]();
    repeat(WARM_UP, call);
    const start = memoryUsage();
    assert.equal(repeat(20_000, call), 20_000 / 2);
    assert.deepEqual(memoryUsage(), start);
  });
  it('large calls (200,000 draws: a temporary region each)', () => {
    const calls = callsOn(drawsOf(200_000));
    repeat(calls.length, (i) => calls[i]()); // the wasm memory may grow once to fit
    const start = memoryUsage().allocatedBytes;
    assert.equal(repeat(calls.length, (i) => calls[i]()), calls.length / 2);
    assert.equal(memoryUsage().allocatedBytes, start);
  });
});
