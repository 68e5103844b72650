// Batches: klRows and measuresRows of row-major rows x cols matrices give,
// row by row, exactly what kl and measures give for that row alone, in every
// container and option; bad input throws one exact error naming the row
// (`p[2][1] is negative (-5)`, `row 1 of q sums to 0: every entry is zero`),
// frees what it took, and the library stays usable afterwards.
import { before, describe, it, test } from 'node:test';
import assert from 'node:assert/strict';
import { inspect } from 'node:util';
import { init, kl, klRows, measures, measuresRows, memoryUsage } from '../../dist/infodiv.js';
import { prng } from './prng.mjs';

const typeError = (message) => ({ name: 'TypeError', message });
const rangeError = (message) => ({ name: 'RangeError', message });
const MEASURE_KEYS = ['entropyP', 'entropyQ', 'crossEntropyPQ', 'crossEntropyQP', 'klPQ', 'klQP', 'js'];

// One row pair of each kind, in turn: unrelated rows, nearly identical rows
// (KL ~ 1e-14), identical rows (KL exactly 0), zeros in p, and a zero in q
// under a positive p (KL Infinity). Each row sums to 1, to within a few ulps,
// so that normalize: false accepts it.
function rowPair(random, cols, kind) {
  const p = Array.from({ length: cols }, () => random() + 1e-3);
  let q = Array.from({ length: cols }, () => random() + 1e-3);
  if (kind === 1) q = p.map((v) => v * (1 + 1e-7 * (random() - 0.5)));
  if (kind === 2) q = p.slice();
  if (kind === 3 && cols > 1) for (let i = 0; i < cols; i += 2) p[i] = 0;
  if (kind === 4 && cols > 1) q[cols - 1] = 0;
  const toOne = (a) => {
    const sum = a.reduce((s, v) => s + v, 0);
    return a.map((v) => v / sum);
  };
  return [toOne(p), toOne(q)];
}

// p and q of `rows` rows, each a number[] of rows * cols entries.
function matrices(rows, cols, seed) {
  const random = prng(seed), p = [], q = [];
  for (let r = 0; r < rows; r++) {
    const [pr, qr] = rowPair(random, cols, r % 5);
    p.push(...pr);
    q.push(...qr);
  }
  return { p, q };
}

// Float32Array goes through the *_rows_f32 C functions: a path of its own.
// Its rows are compared with single-row calls on Float32Arrays too, so the
// float values are the same on both sides.
const CONTAINERS = [
  { name: 'number[]', of: (a) => a.slice(), row: (a, r, cols) => a.slice(r * cols, (r + 1) * cols) },
  { name: 'Float64Array', of: (a) => Float64Array.from(a), row: (a, r, cols) => a.subarray(r * cols, (r + 1) * cols) },
  { name: 'Float32Array', of: (a) => Float32Array.from(a), row: (a, r, cols) => a.subarray(r * cols, (r + 1) * cols) },
];
const OPTION_SETS = [undefined, { base: 2 }, { normalize: false }, { base: 2, normalize: false }];

// The valid call whose result every error test checks afterwards.
const USABLE_P = [0.6, 0.3, 0.1, 0.25, 0.25, 0.5], USABLE_Q = [0.5, 0.4, 0.1, 0.5, 0.25, 0.25];
function assertStillUsable() {
  const got = klRows(USABLE_P, USABLE_Q, 3);
  assert.deepEqual(got, Float64Array.of(kl([0.6, 0.3, 0.1], [0.5, 0.4, 0.1]), kl([0.25, 0.25, 0.5], [0.5, 0.25, 0.25])));
  assert.ok(Math.abs(got[0] - 0.02308831234083850406) <= 1e-15 * got[0], `klRows gave ${got[0]}`);
  const m = measuresRows(USABLE_P, USABLE_Q, 3);
  assert.deepEqual(m.js, Float64Array.of(measures([0.6, 0.3, 0.1], [0.5, 0.4, 0.1]).js,
    measures([0.25, 0.25, 0.5], [0.5, 0.25, 0.25]).js));
}

function assertThrowsThenUsable(call, expected) {
  assert.throws(call, expected);
  assertStillUsable();
}

test('before init() resolves, klRows and measuresRows throw an Error saying so', () => {
  const notReady = { name: 'Error', message: 'infodiv is not initialised: call `await init()` first' };
  assert.throws(() => klRows([1, 1], [1, 1], 2), notReady);
  assert.throws(() => measuresRows([1, 1], [1, 1], 2), notReady);
});

describe('each row gives exactly what the single-row functions give', () => {
  before(() => init());
  for (const rows of [1, 3, 50]) {
    for (const cols of [1, 2, 1000]) {
      const { p, q } = matrices(rows, cols, rows * 7919 + cols);
      for (const c of CONTAINERS) {
        it(`rows ${rows}, cols ${cols} (${c.name})`, () => {
          const P = c.of(p), Q = c.of(q);
          for (const options of OPTION_SETS) {
            const klByRow = klRows(P, Q, cols, options);
            const mByRow = measuresRows(P, Q, cols, options);
            assert.ok(klByRow instanceof Float64Array);
            assert.equal(klByRow.length, rows);
            assert.equal(klByRow.buffer.byteLength, 8 * rows, 'a copy, not a view of wasm memory');
            assert.deepEqual(Object.keys(mByRow), MEASURE_KEYS);
            for (const key of MEASURE_KEYS) {
              assert.ok(mByRow[key] instanceof Float64Array && mByRow[key].length === rows, key);
            }
            for (let r = 0; r < rows; r++) {
              const pr = c.row(P, r, cols), qr = c.row(Q, r, cols);
              const what = `row ${r}, options ${inspect(options)}`;
              assert.equal(klByRow[r], kl(pr, qr, options), `klRows, ${what}`);
              const single = measures(pr, qr, options);
              for (const key of MEASURE_KEYS) assert.equal(mByRow[key][r], single[key], `measuresRows.${key}, ${what}`);
            }
          }
        });
      }
    }
  }

  it('the special rows are what they should be: identical 0, zero in q under p Infinity, nearly identical tiny', async () => {
    const { p, q } = matrices(5, 4, 1);
    const d = klRows(p, q, 4);
    assert.ok(d[0] > 0.01 && d[0] < Infinity, `unrelated: ${d[0]}`);
    assert.ok(d[1] > 0 && d[1] < 1e-13, `nearly identical: ${d[1]}`);
    assert.equal(d[2], 0);
    assert.ok(d[3] > 0 && d[3] < Infinity, `zeros in p: ${d[3]}`);
    assert.equal(d[4], Infinity);
    const m = measuresRows(p, q, 4);
    assert.equal(m.js[2], 0);
    assert.equal(m.crossEntropyPQ[4], Infinity);
    assert.ok(m.js[4] < Math.LN2, 'JS stays finite');
  });

  it('mixed containers (Float32Array with number[]) are read as double, as in kl', () => {
    const { p, q } = matrices(3, 5, 2);
    const pf = Float32Array.from(p), widened = Array.from(pf);
    assert.deepEqual(klRows(pf, q, 5), klRows(widened, q, 5));
    assert.deepEqual(measuresRows(q, pf, 5), measuresRows(q, widened, 5));
    assert.deepEqual(klRows(Uint32Array.of(3, 1, 0, 4), [1, 1, 1, 1], 2), Float64Array.of(kl([3, 1], [1, 1]), kl([0, 4], [1, 1])));
  });

  it('inputs beyond the scratch region leave the heap as it was', () => {
    const { p, q } = matrices(50, 1000, 3); // 50,000 entries: a temporary malloc
    const P = Float64Array.from(p), Q = Float64Array.from(q);
    klRows(P, Q, 1000);
    const start = memoryUsage();
    for (let i = 0; i < 20; i++) {
      klRows(P, Q, 1000);
      measuresRows(P, Q, 1000, { base: 2 });
    }
    const bad = Float64Array.from(q);
    bad[2 * 1000 + 17] = -1;
    assert.throws(() => klRows(P, bad, 1000), rangeError('q[2][17] is negative (-1)'));
    assert.throws(() => measuresRows(P, bad, 1000), rangeError('q[2][17] is negative (-1)'));
    assert.deepEqual(memoryUsage(), start);
  });
});

describe('bad input: one exact error, then the library works as before', () => {
  let resultsBefore;
  const validResults = () => CONTAINERS.map((c) => {
    const { p, q } = matrices(3, 4, 4);
    return [klRows(c.of(p), c.of(q), 4), measuresRows(c.of(p), c.of(q), 4, { base: 2 })];
  });
  before(async () => {
    await init();
    resultsBefore = validResults();
  });

  const FUNCTIONS = [['klRows', klRows], ['measuresRows', measuresRows]];
  const GOOD = [0.25, 0.25, 0.5, 0.5, 0.25, 0.25, 0.125, 0.375, 0.5]; // 3 rows of 3, each sums to 1

  // [what, cols, expected]
  const BAD_COLS = [
    ['a string', '3', typeError('cols must be a number (got the string "3")')],
    ['null', null, typeError('cols must be a number (got null)')],
    ['a boolean', true, typeError('cols must be a number (got the boolean true)')],
    ['a bigint', 3n, typeError('cols must be a number (got the bigint 3n)')],
    ['an array', [3], typeError('cols must be a number (got an array)')],
    ['0', 0, rangeError('cols must be a whole number >= 1 (got 0)')],
    ['-3', -3, rangeError('cols must be a whole number >= 1 (got -3)')],
    ['2.5', 2.5, rangeError('cols must be a whole number >= 1 (got 2.5)')],
    ['NaN', NaN, rangeError('cols must be a whole number >= 1 (got NaN)')],
    ['Infinity', Infinity, rangeError('cols must be a whole number >= 1 (got Infinity)')],
    ['not dividing the length (9 by 2)', 2, rangeError('p has 9 entries, not a multiple of cols (2)')],
    ['not dividing the length (9 by 10)', 10, rangeError('p has 9 entries, not a multiple of cols (10)')],
  ];

  // [what, p, q, cols, expected]
  const BAD_SHAPES = [
    ['p and q empty', [], [], 3, rangeError('p is empty')],
    ['p empty, q not', [], GOOD, 3, rangeError('p is empty')],
    ['q shorter by a row', GOOD, GOOD.slice(0, 6), 3, rangeError('p and q differ in length (9 vs 6)')],
    ['q longer by a row', GOOD.slice(0, 6), GOOD, 3, rangeError('p and q differ in length (6 vs 9)')],
    ['q empty', GOOD, [], 3, rangeError('p and q differ in length (9 vs 0)')],
  ];

  // A bad entry in row 2 (of rows 0..2) at column k, in p or in q: [what, value, message(arg, f32)]
  const BAD_ENTRIES = [
    ['negative', -5, (a) => `${a}[2][1] is negative (-5)`, 1],
    ['negative, not exact in float', -0.1, (a, f32) => `${a}[2][0] is negative (${f32 ? '-0.10000000149011612' : '-0.1'})`, 0],
    ['NaN', NaN, (a) => `${a}[2][2] is NaN`, 2],
    ['Infinity', Infinity, (a) => `${a}[2][1] is infinite (Infinity)`, 1],
    ['-Infinity', -Infinity, (a) => `${a}[2][0] is negative (-Infinity)`, 0],
  ];

  for (const [fname, f] of FUNCTIONS) {
    describe(fname, () => {
      for (const c of CONTAINERS) {
        for (const [what, cols, expected] of BAD_COLS) {
          it(`cols is ${what} (${c.name})`, () => {
            assertThrowsThenUsable(() => f(c.of(GOOD), c.of(GOOD), cols), expected);
          });
        }
        for (const [what, p, q, cols, expected] of BAD_SHAPES) {
          it(`${what} (${c.name})`, () => assertThrowsThenUsable(() => f(c.of(p), c.of(q), cols), expected));
        }
        for (const arg of ['p', 'q']) {
          for (const [what, value, message, k] of BAD_ENTRIES) {
            it(`${arg}[2][${k}] is ${what} (${c.name})`, () => {
              const bad = c.of(GOOD);
              bad[2 * 3 + k] = value;
              const args = arg === 'p' ? [bad, c.of(GOOD)] : [c.of(GOOD), bad];
              assertThrowsThenUsable(() => f(...args, 3), rangeError(message(arg, c.name === 'Float32Array')));
            });
          }
          it(`row 1 of ${arg} is all zero (${c.name})`, () => {
            const bad = c.of(GOOD);
            bad.fill(0, 3, 6);
            bad[4] = -0;
            const args = arg === 'p' ? [bad, c.of(GOOD)] : [c.of(GOOD), bad];
            assertThrowsThenUsable(() => f(...args, 3), rangeError(`row 1 of ${arg} sums to 0: every entry is zero`));
          });
          it(`row 2 of ${arg} sums to 1.25 with normalize: false (${c.name})`, () => {
            const bad = c.of(GOOD);
            bad[8] = 0.75; // 0.125 + 0.375 + 0.75
            const args = arg === 'p' ? [bad, c.of(GOOD)] : [c.of(GOOD), bad];
            assertThrowsThenUsable(() => f(...args, 3, { normalize: false }), rangeError(`row 2 of ${arg} sums to 1.25, `
              + 'not 1; with normalize: false each distribution must sum to 1 (within 1e-6)'));
          });
        }
      }

      it('a non-number entry of a number[] is named by its flat index, before any value is read', () => {
        assertThrowsThenUsable(() => f([0.5, 0.5, 'x', 1], [1, 1, 1, 1], 2), typeError('p[2] is not a number (got the string "x")'));
        assertThrowsThenUsable(() => f([1, 1, 1, 1], [1, null, 1, 1], 2), typeError('q[1] is not a number (got null)'));
      });

      it('the first row at fault is reported; within a row, p before q', () => {
        const p = GOOD.slice(), q = GOOD.slice();
        q[1 * 3 + 2] = -1; // row 1
        p[2 * 3 + 0] = NaN; // row 2
        assertThrowsThenUsable(() => f(p, q, 3), rangeError('q[1][2] is negative (-1)'));
        p[1 * 3 + 1] = -2; // row 1, p
        assertThrowsThenUsable(() => f(p, q, 3), rangeError('p[1][1] is negative (-2)'));
      });

      it('type errors come first: p, q, options, then cols; then values: p, q, base', () => {
        assertThrowsThenUsable(() => f('ab', [1], 'x'),
          typeError('p must be an array of numbers or a numeric typed array such as Float64Array (got the string "ab")'));
        assertThrowsThenUsable(() => f([1, -1], [1, 1], 'x', { bases: 2 }),
          typeError('unknown option "bases" (the options are base, normalize, logits and temperature)'));
        assertThrowsThenUsable(() => f([1, -1], [1, 1], 'x', { base: 1 }), typeError('cols must be a number (got the string "x")'));
        assertThrowsThenUsable(() => f([1, -1], [1, 1], 2, { base: 1 }), rangeError('p[0][1] is negative (-1)'));
        assertThrowsThenUsable(() => f([1, 1], [1, 1], 2, { base: 1 }),
          rangeError('options.base must be a finite number > 0 and not 1 (got 1)'));
        assertThrowsThenUsable(() => f([1, 1], [1, 1], 2, null),
          typeError('options must be an object such as { base: 2 } (got null)'));
      });
    });
  }

  // Declared last, so it runs once everything above has thrown.
  it('after all the errors above, the results are exactly those from before them', () => {
    assert.deepEqual(validResults(), resultsBefore);
    assertStillUsable();
  });
});
