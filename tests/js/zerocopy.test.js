// Zero-copy input: allocPair(length, { float32 }) gives p and q as views into
// the wasm heap, which every function uses in place. Checked: the same
// results as copied inputs, in-place reuse, what growing the wasm memory
// does to old views, the lifetime rules after free(), bad arguments, and
// that freeing many pairs returns every byte.
import { before, describe, it, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  init, allocPair, entropy, crossEntropy, kl, jsDivergence, measures, klTerms, klRows, measuresRows, memoryUsage,
} from '../../dist/infodiv.js';
import { prng } from './prng.mjs';

const typeError = (message) => ({ name: 'TypeError', message });
const rangeError = (message) => ({ name: 'RangeError', message });
const FREED_VIEW = (arg) => typeError(`${arg} is a view of a freed allocPair() pair and cannot be an input`);
const NOT_A_PAIR_VIEW = (arg) => typeError(`${arg} is a view of infodiv's memory that no allocPair() holds (freed?) and cannot be an input`);
const FREED_PAIR = (view) => ({ name: 'TypeError', message: `pair.${view} cannot be read: this pair was freed; allocPair() a new one` });

// A pair filled with p and q: zeros in p, one zero of q under a zero of p,
// values spanning several decades.
function filledPair(length, float32, seed) {
  const random = prng(seed);
  const pair = allocPair(length, { float32 });
  const { p, q } = pair;
  for (let i = 0; i < length; i++) {
    p[i] = i % 7 === 3 ? 0 : random() * 10 ** (-3 * random());
    q[i] = i % 7 === 3 && i % 2 ? 0 : random() + 1e-3;
  }
  return pair;
}

// Every function, as name -> f(p, q); rows functions use cols dividing the length.
const CALLS = [
  ['entropy(p)', (p) => entropy(p)],
  ['entropy(q), base 2', (p, q) => entropy(q, { base: 2 })],
  ['crossEntropy', (p, q) => crossEntropy(p, q)],
  ['kl', (p, q) => kl(p, q)],
  ['kl(q, p), base 10', (p, q) => kl(q, p, { base: 10 })],
  ['jsDivergence', (p, q) => jsDivergence(p, q)],
  ['measures', (p, q) => measures(p, q)],
  ['klTerms', (p, q) => klTerms(p, q)],
  ['kl of logits', (p, q) => kl(p, q, { logits: true, temperature: 0.5 })],
  ['measures of logits', (p, q) => measures(p, q, { logits: true })],
  ['klRows, one row', (p, q) => klRows(p, q, p.length)],
  ['klRows, rows of 1', (p, q) => klRows(p, q, 1, { logits: true })],
  ['measuresRows', (p, q) => measuresRows(p, q, p.length % 2 ? p.length : 2)],
];

test('before init() resolves, allocPair throws an Error saying so', () => {
  assert.throws(() => allocPair(3), { name: 'Error', message: 'infodiv is not initialised: call `await init()` first' });
});

describe('pairs give the results of the same values copied in', () => {
  before(() => init());
  for (const float32 of [false, true]) {
    const Kind = float32 ? Float32Array : Float64Array;
    for (const length of [1, 3, 1000, 20_000]) {
      it(`${Kind.name} pair, length ${length}`, () => {
        const pair = filledPair(length, float32, length);
        try {
          assert.equal(pair.length, length);
          assert.ok(pair.p instanceof Kind && pair.q instanceof Kind);
          assert.equal(pair.p.length, length);
          assert.equal(pair.p.buffer, pair.q.buffer, 'both views of the wasm memory');
          const start = memoryUsage().allocatedBytes;
          for (const [name, f] of CALLS) {
            if (length === 1 && name.startsWith('measuresRows')) continue;
            const copied = f(Kind.from(pair.p), Kind.from(pair.q));
            assert.deepEqual(f(pair.p, pair.q), copied, name);
            // One side in place, the other copied.
            assert.deepEqual(f(pair.p, Kind.from(pair.q)), copied, `${name}, q copied`);
            assert.deepEqual(f(Kind.from(pair.p), pair.q), copied, `${name}, p copied`);
          }
          assert.equal(memoryUsage().allocatedBytes, start);
        } finally {
          pair.free();
        }
      });
    }
  }

  it('klRows and measuresRows over a rows x cols pair', () => {
    const rows = 40, cols = 250;
    const pair = filledPair(rows * cols, false, 7);
    try {
      const d = klRows(pair.p, pair.q, cols, { base: 2 });
      const m = measuresRows(pair.p, pair.q, cols);
      assert.equal(d.length, rows);
      for (let r = 0; r < rows; r++) {
        const pr = pair.p.slice(r * cols, (r + 1) * cols), qr = pair.q.slice(r * cols, (r + 1) * cols);
        assert.equal(d[r], kl(pr, qr, { base: 2 }), `row ${r}`);
        assert.deepEqual(Object.fromEntries(Object.entries(m).map(([k, v]) => [k, v[r]])), measures(pr, qr), `row ${r}`);
        // A row of the pair, as a subarray, is used in place too.
        assert.equal(kl(pair.p.subarray(r * cols, (r + 1) * cols), pair.q.subarray(r * cols, (r + 1) * cols), { base: 2 }), d[r]);
      }
    } finally {
      pair.free();
    }
  });

  it('a float32 pair view mixed with a Float64Array is read as double, like any mixed input', () => {
    const f = filledPair(100, true, 8), g = filledPair(100, false, 9);
    try {
      const p64 = Float64Array.from(f.p), q64 = Float64Array.from(g.q);
      assert.equal(kl(f.p, q64), kl(p64, q64));
      assert.equal(kl(q64, f.p), kl(q64, p64));
      assert.equal(kl(f.p, g.q), kl(p64, q64)); // a float32 pair with a float64 pair
      assert.deepEqual(measures(g.p, f.q), measures(Float64Array.from(g.p), Float64Array.from(f.q)));
      assert.deepEqual(klRows(f.p, [...q64], 10), klRows(p64, q64, 10));
      // A plain Float32Array with a float32 pair: both float, the f32 core.
      const q32 = Float32Array.from(g.q);
      assert.equal(kl(f.p, q32), kl(Float32Array.from(f.p), q32));
    } finally {
      f.free();
      g.free();
    }
  });
});

describe('a pair is used in place', () => {
  before(() => init());

  it('fill, compute, change one entry, compute again: the result follows the memory', () => {
    for (const float32 of [false, true]) {
      const pair = allocPair(4, { float32 });
      try {
        assert.equal(pair.p, pair.p, 'the same view while the memory has not grown');
        pair.p.set([0.6, 0.3, 0.1, 0]);
        pair.q.set([0.5, 0.4, 0.1, 0]);
        const first = kl(pair.p, pair.q);
        assert.equal(first, kl(pair.p.slice(), pair.q.slice()));
        pair.q[3] = 0.5; // through the view: the next call sees it
        const second = kl(pair.p, pair.q);
        assert.notEqual(second, first);
        assert.equal(second, kl(pair.p.slice(), pair.q.slice()));
        assert.ok(second > first, 'q has mass where p has none');
        pair.p[3] = 1;
        assert.equal(kl(pair.p, pair.q), kl(pair.p.slice(), pair.q.slice()));
        pair.q[0] = 0; // q_0 = 0 < p_0
        assert.equal(kl(pair.p, pair.q), Infinity);
        // The functions do not write to their inputs.
        const as = (a) => (float32 ? Array.from(Float32Array.from(a)) : a);
        assert.deepEqual(Array.from(pair.p), as([0.6, 0.3, 0.1, 1]));
        assert.deepEqual(Array.from(pair.q), as([0, 0.4, 0.1, 0.5]));
      } finally {
        pair.free();
      }
    }
  });

  it('a call on a pair copies nothing: allocatedBytes does not move, even for 10^6 entries', () => {
    const pair = allocPair(1_000_000);
    try {
      pair.p.fill(1);
      pair.q.fill(2);
      pair.q[0] = 1;
      kl(pair.p, pair.q);
      const start = memoryUsage();
      for (let i = 0; i < 20; i++) {
        kl(pair.p, pair.q);
        measures(pair.p, pair.q);
      }
      assert.deepEqual(memoryUsage(), start);
    } finally {
      pair.free();
    }
  });

  it('a view of the wasm memory that no pair holds is refused', () => {
    const pair = allocPair(8);
    try {
      const heap = pair.p.buffer;
      assert.throws(() => kl(new Float64Array(heap, 0, 4), [1, 1, 1, 1]), NOT_A_PAIR_VIEW('p'));
      assert.throws(() => kl([1, 1, 1, 1], new Float32Array(heap, 8, 4)), NOT_A_PAIR_VIEW('q'));
      // Straddling the end of the pair: not inside it.
      assert.throws(() => kl(new Float64Array(heap, pair.q.byteOffset + 8, 8), new Float64Array(8).fill(1)), NOT_A_PAIR_VIEW('p'));
      // Spanning p and q of one pair: inside it, so used in place.
      pair.p.fill(1);
      pair.q.fill(3);
      const both = new Float64Array(heap, pair.p.byteOffset, 16);
      assert.equal(kl(both, new Float64Array(16).fill(1)), Math.log(16) - entropy(both));
    } finally {
      pair.free();
    }
  });
});

describe('growing the wasm memory detaches old views; the getters return fresh ones', () => {
  before(() => init());

  const detached = (view) => view.length === 0 && view.byteLength === 0 && view.buffer.byteLength === 0;

  it('by another allocPair', () => {
    const pair = allocPair(5);
    pair.p.set([1, 2, 3, 4, 5]);
    pair.q.set([5, 4, 3, 2, 1]);
    const want = kl(pair.p, pair.q);
    const oldP = pair.p, oldQ = pair.q;
    // Twice the current heap: the memory must grow.
    const heapBefore = memoryUsage().heapBytes;
    const big = allocPair(heapBefore / 8);
    try {
      assert.ok(memoryUsage().heapBytes > heapBefore, 'the memory grew');
      assert.ok(detached(oldP) && detached(oldQ), 'old views are detached');
      assert.notEqual(pair.p, oldP);
      assert.deepEqual(Array.from(pair.p), [1, 2, 3, 4, 5], 'the values survive the growth');
      assert.equal(kl(pair.p, pair.q), want);
      assert.equal(pair.p, pair.p, 'the fresh view is kept until the next growth');
      // The big pair works too, at its full length.
      big.p.fill(1);
      big.q.fill(1);
      big.q[big.length - 1] = 2;
      assert.ok(kl(big.p, big.q) > 0);
      // A detached view is refused, by name.
      const stale = (name) => typeError(`${name} is an old view of an allocPair() pair, detached when the wasm memory `
        + 'grew: read pair.p and pair.q again after any call that may allocate');
      assert.throws(() => kl(oldP, pair.q), stale('p'));
      assert.throws(() => measures(pair.p, oldQ), stale('q'));
      assert.throws(() => klRows(oldP, oldQ, 5), stale('p'));
      assert.throws(() => entropy(oldP), stale('p'));
      assert.equal(kl(pair.p, pair.q), want);
    } finally {
      big.free();
      pair.free();
    }
  });

  it('by a large copied-in input', () => {
    const pair = allocPair(3, { float32: true });
    try {
      pair.p.set([0.6, 0.3, 0.1]);
      pair.q.set([0.5, 0.4, 0.1]);
      const want = kl(pair.p, pair.q), old = pair.p;
      const heapBefore = memoryUsage().heapBytes;
      const n = heapBefore / 8; // p and q copied: twice the heap
      assert.equal(kl(new Float64Array(n).fill(1), new Float64Array(n).fill(1)), 0);
      assert.ok(memoryUsage().heapBytes > heapBefore, 'the memory grew');
      assert.ok(detached(old));
      assert.equal(kl(pair.p, pair.q), want);
      assert.equal(kl(pair.p, pair.q), kl(Float32Array.of(0.6, 0.3, 0.1), Float32Array.of(0.5, 0.4, 0.1)));
    } finally {
      pair.free();
    }
  });
});

describe('after free()', () => {
  before(() => init());

  it('the getters throw, kept views are refused with a TypeError, and free() again is harmless', () => {
    for (const float32 of [false, true]) {
      const pair = allocPair(3, { float32 });
      pair.p.set([0.6, 0.3, 0.1]);
      pair.q.set([0.5, 0.4, 0.1]);
      const keptP = pair.p, keptQ = pair.q;
      const start = memoryUsage().allocatedBytes;
      pair.free();
      assert.ok(memoryUsage().allocatedBytes < start, 'the bytes were released');
      assert.throws(() => pair.p, FREED_PAIR('p'));
      assert.throws(() => pair.q, FREED_PAIR('q'));
      assert.equal(pair.length, 3);
      // No allocation happens between free() and these calls, so the kept
      // views still point at released memory that nothing else holds.
      for (const [name, f] of CALLS) {
        // the message names the argument of the function called: entropy's only one is p
        const as = (arg) => (name.startsWith('entropy') ? 'p' : name.startsWith('kl(q, p)') ? { p: 'q', q: 'p' }[arg] : arg);
        if (!name.startsWith('entropy(q)')) assert.throws(() => f(keptP, [1, 1, 1]), FREED_VIEW(as('p')), `${name}, p`);
        if (!name.startsWith('entropy(p)')) assert.throws(() => f([1, 1, 1], keptQ), FREED_VIEW(as('q')), `${name}, q`);
      }
      const after = memoryUsage();
      pair.free();
      pair.free();
      assert.deepEqual(memoryUsage(), after);
      assert.equal(kl([0.6, 0.3, 0.1], [0.5, 0.4, 0.1]), 0.023088312340838503);
    }
  });

  it('other pairs are not disturbed by one pair\'s free()', () => {
    const a = allocPair(3), b = allocPair(3), c = allocPair(3);
    a.p.set([1, 2, 3]);
    b.p.set([1, 2, 3]);
    b.q.set([3, 2, 1]);
    c.p.set([4, 4, 4]);
    b.free();
    b.free();
    assert.deepEqual(Array.from(a.p), [1, 2, 3]);
    assert.deepEqual(Array.from(c.p), [4, 4, 4]);
    assert.equal(kl(a.p, c.p), kl([1, 2, 3], [4, 4, 4]));
    a.free();
    c.free();
  });
});

describe('bad arguments to allocPair', () => {
  before(() => init());
  // [what, args, expected]
  const BAD = [
    ['length 0', [0], rangeError('length must be a whole number >= 1 (got 0)')],
    ['length -1', [-1], rangeError('length must be a whole number >= 1 (got -1)')],
    ['length 1.5', [1.5], rangeError('length must be a whole number >= 1 (got 1.5)')],
    ['length NaN', [NaN], rangeError('length must be a whole number >= 1 (got NaN)')],
    ['length Infinity', [Infinity], rangeError('length must be a whole number >= 1 (got Infinity)')],
    ['length "3"', ['3'], typeError('length must be a number (got the string "3")')],
    ['no length', [], typeError('length must be a number (got undefined)')],
    ['length 3n', [3n], typeError('length must be a number (got the bigint 3n)')],
    ['length 1e12', [1e12], rangeError('length is too large (got 1000000000000): it needs 16000000000000 bytes, more than the wasm memory can give')],
    ['length 1e12, float32', [1e12, { float32: true }],
      rangeError('length is too large (got 1000000000000): it needs 8000000000000 bytes, more than the wasm memory can give')],
    ['length 2^28 (4 GiB)', [2 ** 28], rangeError('length is too large (got 268435456): it needs 4294967296 bytes, more than the wasm memory can give')],
    ['an unknown option', [3, { float64: true }], typeError('unknown option "float64" (the only option is float32)')],
    ['float32: 1', [3, { float32: 1 }], typeError('options.float32 must be true or false (got the number 1)')],
    ['float32: "true"', [3, { float32: 'true' }], typeError('options.float32 must be true or false (got the string "true")')],
    ['options null', [3, null], typeError('options must be an object such as { float32: true } (got null)')],
    ['options true', [3, true], typeError('options must be an object such as { float32: true } (got the boolean true)')],
    ['options an array', [3, []], typeError('options must be an object such as { float32: true } (got an array)')],
  ];
  for (const [what, args, expected] of BAD) {
    it(`${what}: ${expected.name}, nothing allocated, the library still works`, () => {
      const start = memoryUsage().allocatedBytes;
      assert.throws(() => allocPair(...args), expected);
      assert.equal(memoryUsage().allocatedBytes, start);
      const pair = allocPair(2);
      pair.p.set([1, 3]);
      pair.q.set([3, 1]);
      assert.equal(kl(pair.p, pair.q), kl([1, 3], [3, 1]));
      pair.free();
    });
  }
  it('float32: false and undefined give a Float64Array pair', () => {
    for (const options of [undefined, {}, { float32: false }, { float32: undefined }]) {
      const pair = allocPair(2, options);
      assert.ok(pair.p instanceof Float64Array, JSON.stringify(options));
      pair.free();
    }
  });
});

describe('memory accounting', () => {
  before(() => init());
  it('allocating and freeing 2,000 pairs in shuffled order returns allocatedBytes to its start', () => {
    const random = prng(31);
    const start = memoryUsage().allocatedBytes;
    const pairs = [];
    for (let i = 0; i < 2000; i++) {
      const pair = allocPair(1 + Math.floor(random() * 5000), { float32: random() < 0.5 });
      pair.p[0] = 1;
      pair.q[pair.length - 1] = 1;
      pairs.push(pair);
      if (i % 100 === 0) {
        pair.p.fill(1);
        pair.q.fill(1);
        assert.equal(kl(pair.p, pair.q), 0);
      }
    }
    assert.ok(memoryUsage().allocatedBytes - start >= 2000 * 8, 'the pairs hold memory');
    for (let i = pairs.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [pairs[i], pairs[j]] = [pairs[j], pairs[i]];
    }
    for (const pair of pairs) pair.free();
    assert.equal(memoryUsage().allocatedBytes, start);
  });
});
