// Errors of the JS binding: every kind of bad input to every function throws
// one exact TypeError or RangeError naming the argument and the entry (so no
// NaN is ever returned), and the library stays usable afterwards.
import { before, describe, it, test } from 'node:test';
import { inspect } from 'node:util';
import assert from 'node:assert/strict';
import {
  init, entropy, crossEntropy, kl, jsDivergence, measures, klTerms, klRows, measuresRows, memoryUsage,
  allocPair, logDensity,
} from '../../dist/infodiv.js';

const typeError = (message) => ({ name: 'TypeError', message });
const rangeError = (message) => ({ name: 'RangeError', message });

// entropy takes p only; the table passes q to every function and entropy drops it.
const FUNCTIONS = [
  { name: 'entropy', args: ['p'], call: (p, q, options) => entropy(p, options) },
  { name: 'crossEntropy', args: ['p', 'q'], call: crossEntropy },
  { name: 'kl', args: ['p', 'q'], call: kl },
  { name: 'jsDivergence', args: ['p', 'q'], call: jsDivergence },
  { name: 'measures', args: ['p', 'q'], call: measures },
  { name: 'klTerms', args: ['p', 'q'], call: klTerms },
];
const PAIRWISE = FUNCTIONS.filter((f) => f.args.length === 2);

// Float32Array goes through the *_f32 C functions, so it is a path of its own.
const CONTAINERS = [
  { name: 'number[]', of: (a) => [...a], f32: false },
  { name: 'Float64Array', of: (a) => Float64Array.from(a), f32: false },
  { name: 'Float32Array', of: (a) => Float32Array.from(a), f32: true },
];

// The valid partner of a bad argument: exact in float, sums to 1.
const GOOD = [0.25, 0.25, 0.5];

// KL([0.6, 0.3, 0.1] || [0.5, 0.4, 0.1]) in nats, to 20 digits.
const KL_REFERENCE = 0.02308831234083850406;
function assertStillUsable() {
  const value = kl([0.6, 0.3, 0.1], [0.5, 0.4, 0.1]);
  assert.ok(Math.abs(value - KL_REFERENCE) <= 1e-15 * KL_REFERENCE, `kl gave ${value}`);
}

// The heart of the table: the call throws exactly `expected` (so it returned
// nothing, NaN or otherwise), and a valid call right after is still right.
function assertThrowsThenUsable(call, expected) {
  assert.throws(call, expected);
  assertStillUsable();
}

// Arguments with `bad` at position `arg` and a valid partner elsewhere.
const argsWith = (arg, bad, good) => (arg === 'p' ? [bad, good] : [good, bad]);

// Arguments that are not arrays at all. The same for every container.
const NOT_ARRAYS = [
  ['a string', 'ab', 'the string "ab"'],
  ['null', null, 'null'],
  ['undefined', undefined, 'undefined'],
  ['a number', 3, 'the number 3'],
  ['an array-like object', { 0: 0.5, 1: 0.5, 2: 0, length: 3 }, 'an Object'],
  ['a Map', new Map([[0, 1]]), 'a Map'],
  ['a DataView', new DataView(new ArrayBuffer(24)), 'a DataView'],
  ['a BigInt64Array', new BigInt64Array(3).fill(1n), 'a BigInt64Array'],
  ['a BigUint64Array', new BigUint64Array(3).fill(1n), 'a BigUint64Array'],
];

// Entries of a number[] that are not numbers: checked in JS, never coerced.
const NOT_NUMBERS = [
  ['a string entry', ['a', 0.5, 0.5], 0, 'the string "a"'],
  ['a numeric string entry', [0.5, '0.2', 0.5], 1, 'the string "0.2"'],
  ['a hole', [1, , 2], 1, 'undefined'], // eslint-disable-line no-sparse-arrays
  ['a null entry', [0.5, null, 0.5], 1, 'null'],
  ['a boolean entry', [0.5, 0.5, true], 2, 'the boolean true'],
  ['a BigInt entry', [1n, 1, 1], 0, 'the bigint 1n'],
  ['a nested array', [[0.5], 0.5, 0.5], 0, 'an array'],
  ['a Number object', [0.5, new Number(0.5), 0.5], 1, 'a Number'],
];

// Entries the C core rejects, in every container; a Float32Array entry is
// reported as the float widened to double.
const BAD_VALUES = [
  {
    what: 'a negative entry', entries: [0.6, -0.1, 0.5],
    message: (a, f32) => `${a}[1] is negative (${f32 ? '-0.10000000149011612' : '-0.1'})`,
  },
  { what: 'a NaN entry', entries: [0.5, 0.5, NaN], message: (a) => `${a}[2] is NaN` },
  { what: 'an Infinity entry', entries: [Infinity, 1, 1], message: (a) => `${a}[0] is infinite (Infinity)` },
  { what: 'a -Infinity entry', entries: [1, -Infinity, 1], message: (a) => `${a}[1] is negative (-Infinity)` },
  { what: 'only zeros (-0 included)', entries: [0, -0, 0], message: (a) => `${a} sums to 0: every entry is zero` },
  {
    what: 'a sum of 1.1 with normalize: false', entries: [0.6, 0.4, 0.1], options: { normalize: false },
    message: (a, f32) => `${a} sums to ${f32 ? '1.1000000312924385' : '1.1'}, not 1; `
      + 'with normalize: false each distribution must sum to 1 (within 1e-6)',
  },
];

// Bad options with valid p and q.
const BAD_OPTIONS = [
  [null, typeError('options must be an object such as { base: 2 } (got null)')],
  [3, typeError('options must be an object such as { base: 2 } (got the number 3)')],
  ['base 2', typeError('options must be an object such as { base: 2 } (got the string "base 2")')],
  [true, typeError('options must be an object such as { base: 2 } (got the boolean true)')],
  [{ bases: 2 }, typeError('unknown option "bases" (the options are base, normalize, logits and temperature)')],
  [{ base: 2, normalise: false }, typeError('unknown option "normalise" (the options are base, normalize, logits and temperature)')],
  [{ base: '2' }, typeError('options.base must be a number (got the string "2")')],
  [{ base: null }, typeError('options.base must be a number (got null)')],
  [{ base: 2n }, typeError('options.base must be a number (got the bigint 2n)')],
  [{ normalize: 1 }, typeError('options.normalize must be true or false (got the number 1)')],
  [{ normalize: 'false' }, typeError('options.normalize must be true or false (got the string "false")')],
  [{ normalize: null }, typeError('options.normalize must be true or false (got null)')],
  ...[1, 0, -2, NaN, Infinity, -Infinity].map((base) => [{ base },
    rangeError(`options.base must be a finite number > 0 and not 1 (got ${base})`)]),
];

// Empty and mismatched lengths, as [what, p, q, expected].
const ENTROPY_SHAPES = [['p is empty', [], undefined, rangeError('p is empty')]];
const BAD_SHAPES = [
  ['p and q are empty', [], [], rangeError('p is empty')],
  ['p is empty, q is not', [], GOOD, rangeError('p is empty')],
  ['q is empty, p is not', GOOD, [], rangeError('p and q differ in length (3 vs 0)')],
  ['q is longer', GOOD, [0.25, 0.25, 0.25, 0.25], rangeError('p and q differ in length (3 vs 4)')],
  ['q is shorter', [0.25, 0.25, 0.25, 0.25], GOOD, rangeError('p and q differ in length (4 vs 3)')],
];

// Calls made before init() resolved must not depend on anything else: first.
test('before init() resolves, every function throws an Error saying so', () => {
  const notReady = { name: 'Error', message: 'infodiv is not initialised: call `await init()` first' };
  for (const f of FUNCTIONS) assert.throws(() => f.call(GOOD, GOOD), notReady, f.name);
  assert.throws(() => memoryUsage(), notReady, 'memoryUsage');
});

describe('after init()', () => {
  // Every function's results on valid input, in each container, before any error.
  const validResults = () => FUNCTIONS.flatMap((f) => CONTAINERS.map((c) =>
    f.call(c.of([0.6, 0.3, 0.1]), c.of([0.5, 0.4, 0.1]))));
  let resultsBeforeErrors;
  before(async () => {
    await init();
    resultsBeforeErrors = validResults();
  });

  for (const f of FUNCTIONS) {
    describe(`${f.name}: every kind of bad input`, () => {
      for (const arg of f.args) {
        for (const [what, bad, got] of NOT_ARRAYS) {
          it(`${arg} is ${what}`, () => {
            const message = `${arg} must be an array of numbers or a numeric typed array such as Float64Array (got ${got})`;
            assertThrowsThenUsable(() => f.call(...argsWith(arg, bad, GOOD)), typeError(message));
          });
        }
        for (const [what, bad, index, got] of NOT_NUMBERS) {
          it(`${arg} has ${what} (number[])`, () => {
            const message = `${arg}[${index}] is not a number (got ${got})`;
            assertThrowsThenUsable(() => f.call(...argsWith(arg, bad, GOOD)), typeError(message));
          });
        }
        for (const c of CONTAINERS) {
          for (const { what, entries, options, message } of BAD_VALUES) {
            it(`${arg} has ${what} (${c.name})`, () => {
              const args = argsWith(arg, c.of(entries), c.of(GOOD));
              assertThrowsThenUsable(() => f.call(...args, options), rangeError(message(arg, c.f32)));
            });
          }
        }
      }
      for (const c of CONTAINERS) {
        for (const [options, expected] of BAD_OPTIONS) {
          it(`options ${inspect(options)} (${c.name})`, () => {
            assertThrowsThenUsable(() => f.call(c.of(GOOD), c.of(GOOD), options), expected);
          });
        }
        for (const [what, p, q, expected] of f.args.length === 1 ? ENTROPY_SHAPES : BAD_SHAPES) {
          it(`${what} (${c.name})`, () => {
            assertThrowsThenUsable(() => f.call(c.of(p), q && c.of(q)), expected);
          });
        }
      }
    });
  }

  describe('when p and q are both bad in the same way, p\'s error is reported', () => {
    // Where both have bad entries, q's comes first by index: index order would not pass.
    // [what, p, q, expected, options]
    const BOTH_BAD = [
      ['neither is an array', 'ab', null,
        typeError('p must be an array of numbers or a numeric typed array such as Float64Array (got the string "ab")')],
      ['p is not an array, q has a non-number', 3, ['x', 1, 1],
        typeError('p must be an array of numbers or a numeric typed array such as Float64Array (got the number 3)')],
      ['both have non-numbers', [1, 1, 'x'], ['y', 1, 1], typeError('p[2] is not a number (got the string "x")')],
    ];
    for (const c of CONTAINERS) {
      BOTH_BAD.push(
        [`both have bad entries (${c.name})`, c.of([1, 1, -1]), c.of([NaN, 1, 1]),
          rangeError('p[2] is negative (-1)')],
        [`p is all zero, q has Infinity (${c.name})`, c.of([0, 0, 0]), c.of([Infinity, 1, 1]),
          rangeError('p sums to 0: every entry is zero')],
        [`p has NaN, q is all zero (${c.name})`, c.of([1, 1, NaN]), c.of([0, 0, 0]),
          rangeError('p[2] is NaN')],
        [`neither sums to 1 with normalize: false (${c.name})`, c.of([0.5, 0.5, 0.25]), c.of([0.5, 0.5, 1]),
          rangeError('p sums to 1.25, not 1; with normalize: false each distribution must sum to 1 (within 1e-6)'),
          { normalize: false }],
      );
    }
    for (const f of PAIRWISE) {
      for (const [what, p, q, expected, options] of BOTH_BAD) {
        it(`${f.name}: ${what}`, () => {
          assertThrowsThenUsable(() => f.call(p, q, options), expected);
        });
      }
    }
  });

  describe('type errors come before value errors: p, q, options, then p, q, base', () => {
    const CASES = [
      ['q is not an array, p has a negative', () => kl([1, -1], 'ab'),
        typeError('q must be an array of numbers or a numeric typed array such as Float64Array (got the string "ab")')],
      ['q has a string, p has a negative', () => kl([1, -1], [1, 'a']),
        typeError('q[1] is not a number (got the string "a")')],
      ['p has a string, the options are unknown', () => entropy(['a'], { bases: 1 }),
        typeError('p[0] is not a number (got the string "a")')],
      ['p has a negative, the option is unknown', () => kl([1, -1], [1, 1], { bases: 1 }),
        typeError('unknown option "bases" (the options are base, normalize, logits and temperature)')],
      ['p has a negative, the base is 1', () => kl([1, -1], [1, 1], { base: 1 }),
        rangeError('p[1] is negative (-1)')],
      ['q has NaN, the base is 1', () => kl(new Float64Array([1, 1]), new Float64Array([1, NaN]), { base: 1 }),
        rangeError('q[1] is NaN')],
      ['p is empty, the base is 1', () => entropy([], { base: 1 }), rangeError('p is empty')],
      // The lengths were compared before the options' types.
      ['the lengths differ, temperature without logits', () => kl([1], [1, 2], { temperature: 2 }),
        typeError('options.temperature applies only with logits: true')],
      ['p is empty, normalize with logits', () => crossEntropy([], [], { logits: true, normalize: true }),
        typeError('options.normalize applies to probabilities, not to logits')],
      ['the lengths differ, klTerms with logits', () => klTerms([1, 2], [1], { logits: true }),
        typeError('klTerms takes probabilities, not logits: drop options.logits')],
      ['klRows: cols is missing, temperature without logits', () => klRows([1], [1], undefined, { temperature: 2 }),
        typeError('options.temperature applies only with logits: true')],
      ['measuresRows: cols is a string, the lengths differ', () => measuresRows([1, 2], [1], '2'),
        typeError('cols must be a number (got the string "2")')],
      ['klRows: the lengths differ, cols is 0', () => klRows([1, 2], [1], 0), rangeError('p and q differ in length (2 vs 1)')],
      ['klRows: p has a negative, cols does not divide its length', () => klRows([1, -1, 1], [1, 1, 1], 2),
        rangeError('p has 3 entries, not a multiple of cols (2)')],
    ];
    for (const [what, call, expected] of CASES) it(what, () => assertThrowsThenUsable(call, expected));
  });

  describe('options are a plain object of own properties', () => {
    const notObject = typeError('options must be an object such as { base: 2 } (got an array)');
    it('an array is not options', () => assertThrowsThenUsable(() => kl(GOOD, GOOD, []), notObject));
    it('entropy(p, q) says the second argument is not options', () => {
      assertThrowsThenUsable(() => entropy(GOOD, GOOD), notObject);
    });
    it('inherited properties are ignored', () => {
      assert.equal(kl([0.6, 0.3, 0.1], [0.5, 0.4, 0.1], Object.create({ base: 2 })), KL_REFERENCE);
    });
  });

  describe('-0 is a valid zero', () => {
    for (const f of FUNCTIONS) {
      for (const c of CONTAINERS) {
        it(`${f.name} gives the same with -0 as with 0 (${c.name})`, () => {
          // q_1 = 0 < p_1 makes KL and cross-entropy Infinity: -0 must do the same.
          const withZero = f.call(c.of([0, 0.5, 0.5]), c.of([0.5, 0, 0.5]));
          assert.deepEqual(f.call(c.of([-0, 0.5, 0.5]), c.of([0.5, -0, 0.5])), withZero);
        });
      }
    }
  });

  describe('inputs beyond the 64 KiB scratch region', () => {
    // n = 10,000 needs a temporary malloc; n = 1,000,000 also grows the wasm
    // memory inside the failing call, and its index does not fit in 16 bits.
    const SIZES = [[10_000, FUNCTIONS], [1_000_000, [FUNCTIONS[2]]]]; // kl only at 1e6: time
    for (const [n, functions] of SIZES) {
      const last = n - 1;
      for (const f of functions) {
        for (const c of CONTAINERS) {
          for (const arg of f.args) {
            it(`${f.name}: ${arg}[${last}] is negative, n = ${n} (${c.name})`, () => {
              const good = c.of(new Array(n).fill(1)), bad = c.of(new Array(n).fill(1));
              bad[last] = -1;
              assertThrowsThenUsable(() => f.call(...argsWith(arg, bad, good)),
                rangeError(`${arg}[${last}] is negative (-1)`));
            });
          }
        }
      }
      it(`klTerms: q[${last}] is not a number, n = ${n} (number[])`, () => {
        const q = new Array(n).fill(1);
        q[last] = 'x';
        assertThrowsThenUsable(() => klTerms(new Array(n).fill(1), q),
          typeError(`q[${last}] is not a number (got the string "x")`));
      });
    }
    it('entropy: p[5000] is NaN, n = 10000 (Float64Array)', () => {
      const p = new Float64Array(10_000).fill(0.5);
      p[5000] = NaN;
      assertThrowsThenUsable(() => entropy(p), rangeError('p[5000] is NaN'));
    });
  });

  describe('a failing call does not change the result of the next call', () => {
    // The failing call copies other valid values (p, and q up to its bad last
    // entry) over the region the next call uses, with other options.
    for (const f of FUNCTIONS) {
      for (const c of CONTAINERS) {
        for (const n of [10, 10_000]) {
          it(`${f.name}, n = ${n} (${c.name})`, () => {
            const ramp = (k) => c.of(Array.from({ length: n }, (_, i) => 1 + ((i * k) % 7)));
            const p = ramp(3), q = ramp(5), bad = ramp(4), arg = f.args.at(-1);
            const array = c.name === 'number[]';
            bad[n - 1] = array ? 'x' : NaN;
            const expected = f.call(p, q);
            const failing = arg === 'p' ? [bad, undefined] : [ramp(2), bad];
            assert.throws(() => f.call(...failing, { base: 2 }), array
              ? typeError(`${arg}[${n - 1}] is not a number (got the string "x")`)
              : rangeError(`${arg}[${n - 1}] is NaN`));
            assert.deepEqual(f.call(p, q), expected);
          });
        }
      }
    }
  });

  // Declared last, so it runs once everything above has thrown.
  it('after all the errors above, every function gives exactly its results from before them', () => {
    assert.deepEqual(validResults(), resultsBeforeErrors);
    assertStillUsable();
  });
});


describe('every message names the argument at fault', () => {
  before(() => init());
  it('entropy of an input too large for the heap names p alone (it said "p and q")', () => {
    const u = new Uint8Array(2 ** 28); // copied in as double: 2^31 + 96 bytes
    assert.throws(() => entropy(u), rangeError('p is too large for the wasm heap (268435456 entries need 2147483744 bytes)'));
    assert.throws(() => entropy(u, { logits: true }),
      rangeError('p is too large for the wasm heap (268435456 entries need 4294967392 bytes)'));
  });
  it('logDensity of a vector family names dist.family', () => {
    assert.throws(() => logDensity({ family: 'dirichlet', alpha: [1, 2] }, 0.5),
      rangeError('dist.family must be a one-dimensional family for logDensity (got dirichlet)'));
  });
  it('a freed pair: its getters and views kept from before name pair.p, pair.q, p and q', () => {
    const pair = allocPair(3);
    const [keptP, keptQ] = [pair.p, pair.q];
    pair.free();
    assert.throws(() => pair.p, typeError('pair.p cannot be read: this pair was freed; allocPair() a new one'));
    assert.throws(() => pair.q, typeError('pair.q cannot be read: this pair was freed; allocPair() a new one'));
    assert.throws(() => kl(keptP, [1, 1, 1]), typeError('p is a view of a freed allocPair() pair and cannot be an input'));
    assert.throws(() => kl([1, 1, 1], keptQ), typeError('q is a view of a freed allocPair() pair and cannot be an input'));
    // a type error of q's, before p's value error (its length)
    assert.throws(() => kl([1, 1], keptQ), typeError('q is a view of a freed allocPair() pair and cannot be an input'));
  });
  it('allocPair too large names length', () => {
    assert.throws(() => allocPair(2 ** 28),
      rangeError('length is too large (got 268435456): it needs 4294967296 bytes, more than the wasm memory can give'));
  });
});
