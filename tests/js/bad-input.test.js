// Random bad input (fast-check, fixed seeds) to every exported function:
// wrong types of every kind, bad values, bad options, detached and shared
// buffers, proxies and throwing getters. Each call must either return a
// well-formed result with no NaN, or throw a TypeError or RangeError whose
// message names the argument at fault; never another class (a
// WebAssembly.RuntimeError would be a trap), never NaN. After every call the
// library must give exactly its results from before, with allocatedBytes
// unchanged. (errors.test.js checks the exact messages of chosen cases; this
// file throws what fast-check finds at it.)
//
// Two deliberate exceptions, both documented in the README and the types:
// - an exception thrown by the caller's own getter or proxy trap (Boom
//   below) propagates unchanged, as it does through any built-in; the
//   library must still be usable afterwards;
// - one message names no argument but both families (DOCUMENTED_UNNAMED):
//   a pair of distributions that klDist cannot compare is the pair's fault.
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  init, entropy, crossEntropy, kl, jsDivergence, measures, klTerms, klRows, measuresRows, allocPair, memoryUsage,
  klDist, entropyDist, crossEntropyDist, logDensity, klGrid, codeLengths, prefixCode, sampler, logRatios, evidencePath,
  klEstimates, messageLengths, drawCounts, summary, evidenceRuns, histogram,
} from '../../dist/infodiv.js';

class Boom extends Error {} // thrown by the test's own getters and traps

const GOOD_P = [0.6, 0.3, 0.1], GOOD_Q = [0.5, 0.4, 0.1];
const N1 = { family: 'normal', mu: 0, sigma: 1 }, N2 = { family: 'normal', mu: 1, sigma: 2 };
const GRID_X = [0, 0.5, 1, 1.5, 2], GRID_P = [1, 2, 3, 2, 1], GRID_Q = [2, 2, 2, 2, 2];
const MEASURE_KEYS = ['entropyP', 'entropyQ', 'crossEntropyPQ', 'crossEntropyQP', 'klPQ', 'klQP', 'js'];

// The message that names no argument, as documented (README, infodiv.d.ts).
const DOCUMENTED_UNNAMED = [
  /^no closed form for KL\(/, // a valid distribution of a family klDist cannot pair with the other
];

let seed = 9100;
const check = (property, numRuns) => fc.assert(property, { seed: seed++, numRuns, includeErrorInReport: true });

// The results of good calls before any bad one, and the heap then.
let reference;
before(async () => {
  await init();
  reference = goodResults();
});
function goodResults() {
  return {
    kl: kl(GOOD_P, GOOD_Q), measures: measures(Float32Array.from(GOOD_P), Float32Array.from(GOOD_Q), { base: 2 }),
    rows: klRows([...GOOD_P, ...GOOD_Q], [...GOOD_Q, ...GOOD_P], 3),
    klDist: klDist(N1, N2), grid: klGrid(GRID_X, GRID_P, GRID_Q),
  };
}

// ---------------------------------------------------------------------------
// The functions: argument names (as the messages say them), good arguments,
// what kind of bad value each argument takes, and the shape of a result.
// ---------------------------------------------------------------------------
const noNaN = (a, what) => { for (let i = 0; i < a.length; i++) assert.ok(!Number.isNaN(a[i]), `${what}[${i}] is NaN`); };
const SHAPES = {
  number: (r) => assert.ok(typeof r === 'number' && !Number.isNaN(r), `returned ${String(r)}`),
  measures: (r) => {
    assert.deepEqual(Object.keys(r), MEASURE_KEYS);
    for (const k of MEASURE_KEYS) assert.ok(typeof r[k] === 'number' && !Number.isNaN(r[k]), `${k} is ${r[k]}`);
  },
  vector: (r) => {
    assert.ok(r instanceof Float64Array, 'a Float64Array');
    noNaN(r, 'result');
  },
  rows: (r) => {
    assert.deepEqual(Object.keys(r), MEASURE_KEYS);
    for (const k of MEASURE_KEYS) {
      assert.ok(r[k] instanceof Float64Array && r[k].length === r.js.length);
      noNaN(r[k], k);
    }
  },
  pair: (r) => {
    assert.ok((r.p instanceof Float64Array || r.p instanceof Float32Array) && r.p.length === r.length && r.q.length === r.length);
    r.free();
  },
  grid: (r) => assert.ok(!Number.isNaN(r.kl) && !Number.isNaN(r.error), `returned ${JSON.stringify(r)}`),
  whole: (r) => assert.ok(r instanceof Uint32Array, 'a Uint32Array'),
  code: (r) => assert.ok(r.lengths instanceof Uint32Array && r.codewords.every((w, i) => w.length === r.lengths[i])),
  sampler: (r) => assert.ok(r.draw(3) instanceof Uint32Array),
  ratios: (r) => assert.ok(r instanceof Float64Array), // log(0/0) is 0 by the convention 0 log 0 = 0: no NaN either
  estimates: (r) => ['k1', 'k2', 'k3'].forEach((k) => assert.ok(!Number.isNaN(r[k]), `${k} is NaN`)),
  message: (r) => {
    for (const row of [r.bits.p, r.bits.q, r.perSymbol.p, r.perSymbol.q, r.extra]) noNaN(row, 'a row');
    assert.ok(!Number.isNaN(r.expected.p) && !Number.isNaN(r.expected.q));
  },
  counts: (r) => assert.ok(r.counts instanceof Uint32Array && r.shares.length === r.counts.length), // shares NaN for no draws
  summary: (r) => assert.ok(!Number.isNaN(r.mean) || r.spread !== r.spread), // NaN mean only with both infinities
  runs: (r) => {
    r.paths.forEach((path) => noNaN(path, 'a path'));
    assert.ok(r.stops instanceof Uint32Array && !Number.isNaN(r.threshold) && !Number.isNaN(r.wald));
  },
  histogram: (r) => assert.ok(r.counts instanceof Uint32Array && r.width >= 1 && r.starts.length === r.counts.length),
};
const DRAWS = [0, 1, 2, 1, 0];
const FUNCTIONS = [
  { name: 'entropy', f: entropy, args: [['p', 'array'], ['options', 'options']], good: () => [GOOD_P], shape: 'number' },
  { name: 'crossEntropy', f: crossEntropy, args: [['p', 'array'], ['q', 'array'], ['options', 'options']], good: () => [GOOD_P, GOOD_Q], shape: 'number' },
  { name: 'kl', f: kl, args: [['p', 'array'], ['q', 'array'], ['options', 'options']], good: () => [GOOD_P, GOOD_Q], shape: 'number' },
  { name: 'jsDivergence', f: jsDivergence, args: [['p', 'array'], ['q', 'array'], ['options', 'options']], good: () => [GOOD_P, GOOD_Q], shape: 'number' },
  { name: 'measures', f: measures, args: [['p', 'array'], ['q', 'array'], ['options', 'options']], good: () => [GOOD_P, GOOD_Q], shape: 'measures' },
  { name: 'klTerms', f: klTerms, args: [['p', 'array'], ['q', 'array'], ['options', 'options']], good: () => [GOOD_P, GOOD_Q], shape: 'vector' },
  { name: 'klRows', f: klRows, args: [['p', 'array'], ['q', 'array'], ['cols', 'count'], ['options', 'options']],
    good: () => [[1, 2, 3, 4, 5, 6], [6, 5, 4, 3, 2, 1], 3], shape: 'vector' },
  { name: 'measuresRows', f: measuresRows, args: [['p', 'array'], ['q', 'array'], ['cols', 'count'], ['options', 'options']],
    good: () => [[1, 2, 3, 4, 5, 6], [6, 5, 4, 3, 2, 1], 2], shape: 'rows' },
  { name: 'allocPair', f: allocPair, args: [['length', 'count'], ['options', 'pairOptions']], good: () => [4], shape: 'pair' },
  { name: 'klDist', f: klDist, args: [['p', 'dist'], ['q', 'dist'], ['options', 'options']], good: () => [N1, N2], shape: 'number' },
  { name: 'entropyDist', f: entropyDist, args: [['p', 'dist'], ['options', 'options']], good: () => [N1], shape: 'number' },
  { name: 'crossEntropyDist', f: crossEntropyDist, args: [['p', 'dist'], ['q', 'dist'], ['options', 'options']], good: () => [N1, N2], shape: 'number' },
  { name: 'logDensity', f: logDensity, args: [['dist', 'dist'], ['x', 'array']], good: () => [N1, [0, 1, -2]], shape: 'vector' },
  { name: 'klGrid', f: klGrid, args: [['x', 'array'], ['p', 'array'], ['q', 'array'], ['options', 'options']],
    good: () => [GRID_X, GRID_P, GRID_Q], shape: 'grid' },
  { name: 'codeLengths', f: codeLengths, args: [['p', 'array'], ['options', 'options']], good: () => [GOOD_P], shape: 'whole' },
  { name: 'prefixCode', f: prefixCode, args: [['p', 'array'], ['options', 'options']], good: () => [GOOD_P], shape: 'code' },
  { name: 'sampler', f: sampler, args: [['p', 'array'], ['options', 'samplerOptions']], good: () => [GOOD_P], shape: 'sampler' },
  { name: 'logRatios', f: logRatios, args: [['p', 'array'], ['q', 'array'], ['options', 'options']], good: () => [GOOD_P, GOOD_Q], shape: 'ratios' },
  { name: 'evidencePath', f: evidencePath, args: [['p', 'array'], ['q', 'array'], ['draws', 'draws'], ['options', 'options']],
    good: () => [GOOD_P, GOOD_Q, DRAWS], shape: 'vector' },
  { name: 'klEstimates', f: klEstimates, args: [['p', 'array'], ['q', 'array'], ['draws', 'draws'], ['options', 'options']],
    good: () => [GOOD_P, GOOD_Q, DRAWS], shape: 'estimates' },
  { name: 'messageLengths', f: messageLengths, args: [['p', 'array'], ['q', 'array'], ['draws', 'draws'], ['options', 'options']],
    good: () => [GOOD_P, GOOD_Q, DRAWS], shape: 'message' },
  { name: 'drawCounts', f: drawCounts, args: [['draws', 'draws'], ['size', 'count']], good: () => [DRAWS, 3], shape: 'counts' },
  { name: 'summary', f: summary, args: [['values', 'array']], good: () => [GOOD_P], shape: 'summary' },
  { name: 'evidenceRuns', f: evidenceRuns, args: [['p', 'array'], ['q', 'array'], ['runs', 'runs'], ['options', 'testOptions']],
    good: () => [GOOD_P, GOOD_Q, [DRAWS, DRAWS]], shape: 'runs' },
  { name: 'histogram', f: histogram, args: [['values', 'draws'], ['bins', 'count']], good: () => [DRAWS, 4], shape: 'histogram' },
];

// The argument's name as a word of the message: "p[2] is negative", "row 1 of q", "p.sigma",
// "options.base", "unknown option", "cols must be", "x, p and q differ"; the option itself where it
// makes the others wrong ("row 0 of p sums to 6, not 1; with normalize: false each distribution …").
const NAMES = { options: /\boptions?\b|\bnormalize: false\b/ };
const namePattern = (name) => NAMES[name] ?? new RegExp(`(^|[^A-Za-z0-9_])${name}([^A-Za-z0-9_]|$)`);

// Calls f(...args), checks the outcome, and that the library is as before.
function probe(fn, args, badArg) {
  const start = memoryUsage().allocatedBytes;
  let result, error, threw = false;
  try {
    result = fn.f(...args);
  } catch (e) {
    threw = true;
    error = e;
  }
  if (threw) {
    if (!(error instanceof Boom)) {
      const what = `${fn.name}: ${error?.constructor?.name}: ${error?.message}`;
      assert.ok(error instanceof TypeError || error instanceof RangeError, `not a TypeError or RangeError: ${what}`);
      assert.equal(typeof error.message, 'string');
      assert.ok(error.message.length > 0, `empty message: ${what}`);
      assert.ok(namePattern(badArg).test(error.message) || DOCUMENTED_UNNAMED.some((r) => r.test(error.message)),
        `the message does not name ${badArg}: ${what}`);
    }
  } else {
    SHAPES[fn.shape](result);
  }
  assert.equal(memoryUsage().allocatedBytes, start, `${fn.name}: allocatedBytes moved`);
  assert.deepEqual(goodResults(), reference, `${fn.name}: the results of good calls changed`);
}

// ---------------------------------------------------------------------------
// Bad values, by kind of argument.
// ---------------------------------------------------------------------------
const anything = fc.anything({
  withBigInt: true, withBoxedValues: true, withDate: true, withMap: true, withSet: true, withNullPrototype: true,
  withObjectString: true, withSparseArray: true, withTypedArray: true, maxDepth: 2,
});
const oddValues = fc.oneof(
  fc.constant(undefined), fc.constant(null), fc.boolean(), fc.bigInt(), fc.string(), fc.constant(Symbol('s')),
  fc.constant(() => 1), fc.constant(Math.max), fc.object(), fc.date(), fc.constant(new Map()), fc.constant(/x/),
);
// Any double, with NaN, infinities, -0, subnormals and huge ones.
const double = fc.double();
// An array with a getter that throws, or that answers a number at the check and something else
// when the entries are copied.
function getterArray([n, i, mode]) {
  const a = new Array(n).fill(0.25);
  let reads = 0;
  Object.defineProperty(a, i % n, {
    get() {
      reads++;
      if (mode === 'throw') throw new Boom('getter');
      if (mode === 'flip') return reads > 1 ? 'x' : 0.5;
      return reads > 1 ? { valueOf() { throw new Boom('valueOf'); } } : 0.5;
    },
  });
  return a;
}
function detachedView([n, kind]) {
  const Kind = [Float64Array, Float32Array, Uint8Array][kind];
  const buffer = new ArrayBuffer(Kind.BYTES_PER_ELEMENT * n);
  const view = new Kind(buffer).fill(1);
  structuredClone(buffer, { transfer: [buffer] }); // detaches buffer: the view now has length 0
  // (fast-check cannot print a detached view by itself)
  return Object.defineProperty(view, fc.toStringMethod, { value: () => `a detached ${Kind.name} of ${n}` });
}
const arrayBad = fc.oneof(
  { weight: 3, arbitrary: anything },
  { weight: 2, arbitrary: oddValues },
  { weight: 3, arbitrary: fc.array(double, { maxLength: 12 }) }, // NaN, infinities, negatives
  { weight: 2, arbitrary: fc.array(fc.oneof(double, fc.string(), fc.constant(null), fc.object(), fc.bigInt(), fc.boolean()), { maxLength: 8 }) },
  { weight: 1, arbitrary: fc.array(fc.array(fc.double(), { maxLength: 3 }), { maxLength: 4 }) }, // nested
  { weight: 1, arbitrary: fc.sparseArray(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 12 }) }, // holes
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 9 }).map((n) => new Array(n).fill(0)) }, // all zero, or empty
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 40 }).map((n) => Array.from({ length: n }, (_, i) => i + 1)) }, // other lengths
  { weight: 1, arbitrary: fc.constantFrom(new Array(2 ** 32 - 1), Object.assign([], { length: 2 ** 31 })) }, // huge and empty
  { weight: 2, arbitrary: fc.tuple(fc.array(double, { maxLength: 8 }), fc.constantFrom(Float64Array, Float32Array, Int8Array, Uint32Array, Uint8ClampedArray))
    .map(([a, Kind]) => Kind.from(a)) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 4 }).map((n) => [new BigInt64Array(n), new BigUint64Array(n), new DataView(new ArrayBuffer(8 * n))][n % 3]) },
  { weight: 1, arbitrary: fc.tuple(fc.integer({ min: 1, max: 8 }), fc.integer({ min: 0, max: 7 }), fc.constantFrom('throw', 'flip', 'valueOf')).map(getterArray) },
  { weight: 1, arbitrary: fc.tuple(fc.integer({ min: 1, max: 8 }), fc.integer({ min: 0, max: 2 })).map(detachedView) },
  { weight: 1, arbitrary: fc.constantFrom(
    new Proxy([0.5, 0.5], { get(t, k) { if (k === 'length') throw new Boom('length'); return Reflect.get(t, k); } }),
    new Proxy([0.5, 0.5, 0.5], { get(t, k, r) { if (k === '1') throw new Boom('entry'); return Reflect.get(t, k, r); } }),
    new Proxy(new Float64Array(3), {}), // not a typed array to ArrayBuffer.isView
    { length: 3, 0: 1, 1: 1, 2: 1 },
  ) },
);
const optionsBad = fc.oneof(
  { weight: 2, arbitrary: anything },
  { weight: 1, arbitrary: oddValues },
  { weight: 4, arbitrary: fc.record({
    base: fc.oneof(double, fc.constantFrom(1, 0, -1, NaN, Infinity, 2), oddValues),
    normalize: fc.oneof(fc.boolean(), oddValues),
    logits: fc.oneof(fc.boolean(), oddValues),
    temperature: fc.oneof(double, fc.constantFrom(0, -1, NaN, 5e-324, 1e308), oddValues),
    float32: fc.oneof(fc.boolean(), oddValues),
  }, { requiredKeys: [] }) },
  { weight: 1, arbitrary: fc.dictionary(fc.string({ maxLength: 6 }), anything, { maxKeys: 3 }) }, // unknown keys
  { weight: 1, arbitrary: fc.constantFrom(
    { get base() { throw new Boom('base'); } },
    new Proxy({}, { ownKeys() { throw new Boom('ownKeys'); } }),
    Object.create({ base: 1 }), // inherited: ignored
  ) },
);
// cols and length: numbers of every kind, and anything else. Whole numbers from 1e6 up to what
// the wasm memory holds would allocate that much in allocPair: left out (the soak test tries them).
const countBad = fc.oneof(
  { weight: 3, arbitrary: double },
  { weight: 2, arbitrary: fc.integer({ min: -5, max: 12 }) },
  { weight: 1, arbitrary: fc.constantFrom(2 ** 27, 2 ** 28, 2 ** 31, 2 ** 53, 1e12, 1e300) },
  { weight: 2, arbitrary: oddValues },
  { weight: 1, arbitrary: anything },
).filter((v) => !(typeof v === 'number' && Number.isInteger(v) && v >= 1e6 && v < 2 ** 27));
const FAMILY_PARAMS = {
  normal: ['mu', 'sigma'], logNormal: ['mu', 'sigma'], exponential: ['rate'], gamma: ['shape', 'rate'],
  beta: ['alpha', 'beta'], uniform: ['low', 'high'], laplace: ['loc', 'scale'], cauchy: ['loc', 'scale'],
  multivariateNormal: ['mean', 'cov'], dirichlet: ['alpha'], bernoulli: ['p'], binomial: ['n', 'p'],
  poisson: ['rate'], geometric: ['p'], categorical: ['probs'],
};
// A family's parameters: numbers of every kind (any double), vectors and matrices (good and
// bad), anything.
const paramValue = fc.oneof(
  { weight: 4, arbitrary: fc.oneof(fc.double(), fc.constantFrom(NaN, Infinity, -Infinity, 0, -0, 1, 0.5, 1e300, 5e-324, 2 ** 53 + 2)) },
  { weight: 2, arbitrary: fc.array(fc.oneof(fc.double(), fc.constantFrom(NaN, 0, 1)), { maxLength: 4 }) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 3 }).chain((k) => fc.array(fc.array(fc.double({ min: -10, max: 10 }), { minLength: k, maxLength: k }), { minLength: k, maxLength: k })) },
  { weight: 1, arbitrary: fc.array(fc.double({ min: 0, max: 10 }), { minLength: 513, maxLength: 600 }) }, // beyond 512 dimensions
  { weight: 1, arbitrary: oddValues },
  { weight: 1, arbitrary: anything },
);
const distBad = fc.oneof(
  { weight: 6, arbitrary: fc.tuple(fc.constantFrom(...Object.keys(FAMILY_PARAMS)), fc.array(paramValue, { minLength: 2, maxLength: 2 }),
    fc.integer({ min: 0, max: 5 }), fc.string({ maxLength: 5 })).map(([family, values, drop, extra]) => {
    const d = { family };
    FAMILY_PARAMS[family].forEach((name, i) => { if (drop !== i) d[name] = values[i]; });
    if (drop === 4) d[extra] = 1; // an unknown parameter (or a known one, or "family")
    return d;
  }) },
  { weight: 1, arbitrary: fc.record({ family: fc.oneof(fc.string(), oddValues), mu: double, sigma: double }, { requiredKeys: [] }) },
  { weight: 2, arbitrary: anything },
  { weight: 1, arbitrary: oddValues },
  { weight: 1, arbitrary: fc.constantFrom(
    { family: 'normal', mu: 0, get sigma() { throw new Boom('sigma'); } },
    new Proxy({ family: 'normal', mu: 0, sigma: 1 }, { getOwnPropertyDescriptor() { throw new Boom('trap'); } }),
    new Proxy({ family: 'normal', mu: 0, sigma: 1 }, {}), // a transparent proxy is a valid distribution
    Object.create({ family: 'normal', mu: 0, sigma: 1 }), // inherited parameters do not count
  ) },
);
// Draws (and whole-number values): outcomes out of range, non-integers, and what arrays take.
const drawsBad = fc.oneof(
  { weight: 3, arbitrary: arrayBad },
  { weight: 2, arbitrary: fc.array(fc.oneof(fc.integer({ min: -3, max: 6 }), fc.constantFrom(0.5, -0, 2 ** 32, 2 ** 53, 1e300)), { maxLength: 8 }) },
  { weight: 1, arbitrary: fc.array(fc.nat({ max: 6 }), { maxLength: 8 }).map((a) => Uint32Array.from(a)) },
);
const runsBad = fc.oneof(
  { weight: 2, arbitrary: arrayBad },
  { weight: 3, arbitrary: fc.array(drawsBad, { maxLength: 4 }) },
  { weight: 1, arbitrary: fc.array(fc.array(fc.nat({ max: 3 }), { maxLength: 5 }), { maxLength: 4 }) }, // uneven
);
const testOptionsBad = fc.oneof(
  { weight: 2, arbitrary: optionsBad },
  { weight: 2, arbitrary: fc.record({ odds: fc.oneof(double, fc.constantFrom(1, 0, 1 + 2 ** -52, Infinity), oddValues),
    toward: fc.oneof(fc.constantFrom('p', 'q', 'P', ''), oddValues), base: fc.constantFrom(2, 10, 0),
    at: fc.oneof(fc.array(fc.oneof(fc.integer({ min: -1, max: 6 }), double), { maxLength: 6 }), oddValues) }, { requiredKeys: [] }) },
);
const samplerOptionsBad = fc.oneof(
  { weight: 2, arbitrary: optionsBad },
  { weight: 2, arbitrary: fc.record({ seed: fc.oneof(double, fc.bigInt(), fc.constantFrom(-1, 2 ** 53, 2n ** 64n, -1n), oddValues),
    normalize: fc.oneof(fc.boolean(), oddValues) }, { requiredKeys: [] }) },
);
const BAD = {
  array: arrayBad, options: optionsBad, pairOptions: optionsBad, count: countBad, dist: distBad, draws: drawsBad, runs: runsBad,
  testOptions: testOptionsBad, samplerOptions: samplerOptionsBad,
};

// ---------------------------------------------------------------------------
// The properties.
// ---------------------------------------------------------------------------
describe('one bad argument at a time: a named TypeError or RangeError, or a good result; never NaN, a trap or a leak', () => {
  for (const fn of FUNCTIONS) {
    it(fn.name, () => {
      const argArb = fc.integer({ min: 0, max: fn.args.length - 1 }).chain((i) => fc.tuple(fc.constant(i), BAD[fn.args[i][1]]));
      check(fc.property(argArb, ([i, bad]) => {
        const args = fn.good();
        while (args.length <= i) args.push(undefined);
        args[i] = bad;
        probe(fn, args, fn.args[i][0]);
      }), 1000);
    });
  }
});

describe('two or more bad arguments at once: still one named error of the right class', () => {
  for (const fn of FUNCTIONS) {
    it(fn.name, () => {
      const argsArb = fc.tuple(...fn.args.map(([, kind]) => fc.option(BAD[kind], { freq: 2 })));
      check(fc.property(argsArb, (bad) => {
        const args = fn.good();
        const named = [];
        bad.forEach((v, i) => {
          if (v !== null) {
            while (args.length <= i) args.push(undefined);
            args[i] = v;
            named.push(fn.args[i][0]);
          }
        });
        if (named.length === 0) return;
        // Any of the bad arguments may be the one reported (type errors come first).
        const start = memoryUsage().allocatedBytes;
        try {
          SHAPES[fn.shape](fn.f(...args));
        } catch (e) {
          if (!(e instanceof Boom)) {
            assert.ok(e instanceof TypeError || e instanceof RangeError, `${fn.name}: ${e?.constructor?.name}: ${e?.message}`);
            assert.ok(e.message && (named.some((n) => namePattern(n).test(e.message)) || DOCUMENTED_UNNAMED.some((r) => r.test(e.message))),
              `${fn.name}: the message names none of ${named}: ${e.message}`);
          }
        }
        assert.equal(memoryUsage().allocatedBytes, start);
        assert.deepEqual(goodResults(), reference);
      }), 400);
    });
  }
});

describe('logits and temperatures of any size: a value, never NaN', () => {
  // Valid input at the edges: finite logits up to 1.8e308 and -Infinity, temperatures from 5e-324.
  const logit = fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constant(-Infinity), fc.constantFrom(1.7e308, -1.7e308, 0));
  const logitPair = fc.integer({ min: 1, max: 6 }).chain((n) => fc.tuple(fc.array(logit, { minLength: n, maxLength: n }),
    fc.array(logit, { minLength: n, maxLength: n })));
  const temperature = fc.oneof(fc.double({ min: 5e-324, max: 1.7e308, noNaN: true }), fc.constantFrom(5e-324, 1e-300, 1, 1e300));
  const base = fc.oneof(fc.constant(Math.E), fc.double({ min: 5e-324, max: 1e300, noNaN: true }).filter((b) => b !== 1));
  it('measures, kl, entropy, crossEntropy, jsDivergence, klRows, measuresRows', () => {
    check(fc.property(logitPair, temperature, base, ([a, b], T, B) => {
      const o = { logits: true, temperature: T, base: B };
      for (const [name, call] of [['measures', () => measures(a, b, o)], ['kl', () => kl(a, b, o)], ['entropy', () => entropy(a, o)],
        ['crossEntropy', () => crossEntropy(a, b, o)], ['jsDivergence', () => jsDivergence(a, b, o)],
        ['klRows', () => klRows(a, b, 1, o)], ['measuresRows', () => measuresRows(a, b, a.length, o)]]) {
        let r;
        try {
          r = call();
        } catch (e) {
          // Only a row (or vector) of -Infinity alone is an error here.
          assert.ok(e instanceof RangeError && /every logit is -Infinity/.test(e.message), `${name}: ${e}`);
          continue;
        }
        if (typeof r === 'number') assert.ok(!Number.isNaN(r), `${name} is NaN`);
        else if (r instanceof Float64Array) noNaN(r, name);
        else for (const k of MEASURE_KEYS) noNaN(r[k] instanceof Float64Array ? r[k] : [r[k]], `${name}.${k}`);
      }
    }), 1500);
  });
  it('probabilities of any size and any base: a value, never NaN', () => {
    const entry = fc.oneof(fc.double({ min: 0, max: 1.7e308, noNaN: true }), fc.constantFrom(0, 5e-324, 1.7e308));
    const pair = fc.integer({ min: 1, max: 6 }).chain((n) => fc.tuple(fc.array(entry, { minLength: n, maxLength: n }),
      fc.array(entry, { minLength: n, maxLength: n })));
    check(fc.property(pair, base, fc.boolean(), ([p, q], B, f32) => {
      const of = f32 ? (a) => Float32Array.from(a) : (a) => a; // Float32Array: huge values become Infinity, an error
      try {
        SHAPES.measures(measures(of(p), of(q), { base: B }));
        SHAPES.vector(klTerms(of(p), of(q), { base: B }));
        SHAPES.number(kl(of(p), of(q), { base: B }));
      } catch (e) {
        assert.ok(e instanceof RangeError && /sums to 0|is infinite/.test(e.message), String(e));
      }
    }), 1500);
  });
});

describe('containers that hold the same numbers give the same results', () => {
  // SharedArrayBuffer-backed typed arrays, transparent proxies, frozen arrays, array subclasses.
  const entries = fc.integer({ min: 1, max: 50 }).chain((n) => fc.tuple(
    fc.array(fc.double({ min: 0, max: 1e6, noNaN: true }), { minLength: n, maxLength: n }),
    fc.array(fc.double({ min: 1e-3, max: 1e6, noNaN: true }), { minLength: n, maxLength: n })))
    .filter(([p]) => p.some((v) => v > 0));
  const shared = (Kind, a) => {
    const v = new Kind(new SharedArrayBuffer(Kind.BYTES_PER_ELEMENT * a.length));
    v.set(a);
    return v;
  };
  class Subarray extends Array {}
  const WRAPS = [
    ['SharedArrayBuffer Float64Array', (a) => shared(Float64Array, a), (a) => Float64Array.from(a)],
    ['SharedArrayBuffer Float32Array', (a) => shared(Float32Array, a), (a) => Float32Array.from(a)],
    ['transparent Proxy of an array', (a) => new Proxy(a.slice(), {}), (a) => a],
    ['frozen array', (a) => Object.freeze(a.slice()), (a) => a],
    ['Array subclass', (a) => Subarray.from(a), (a) => a],
  ];
  // The same result, or the same error (a float32 entry may round to 0; a grid needs 3 points).
  const outcome = (call) => {
    try {
      return { result: call() };
    } catch (e) {
      return { error: `${e.name}: ${e.message}` };
    }
  };
  for (const [what, wrap, plain] of WRAPS) {
    it(what, () => check(fc.property(entries, ([p, q]) => {
      const x = p.map((_, i) => i);
      for (const call of [
        (of) => measures(of(p), of(q)), (of) => klTerms(of(p), of(q), { base: 2 }), (of) => klRows(of(p), of(q), 1),
        (of) => entropy(of(p)), (of) => klGrid(of(x), of(p), of(q)), (of) => logDensity(N2, of(q)),
        (of) => klDist({ family: 'categorical', probs: of(p) }, { family: 'categorical', probs: of(q) }),
      ]) assert.deepEqual(outcome(() => call(wrap)), outcome(() => call(plain)));
    }), 100));
  }
});

describe('views of allocPair() pairs: detached by growth, kept after free()', () => {
  const uses = [
    ['kl', (p, q) => kl(p, q)], ['entropy', (p) => entropy(p)], ['measures', (p, q) => measures(p, q)],
    ['klTerms', (p, q) => klTerms(p, q)], ['klRows', (p, q) => klRows(p, q, 1)], ['logDensity', (p) => logDensity(N1, p)],
    ['klGrid', (p, q) => klGrid([0, 1, 2], p, q)],
  ];
  it('random sequences of alloc, fill, grow, free and calls with old views', () => {
    check(fc.property(fc.array(fc.tuple(fc.constantFrom('alloc', 'grow', 'free', 'call', 'callOld'), fc.nat(), fc.boolean()), { minLength: 1, maxLength: 12 }),
      (steps) => {
        const start = memoryUsage().allocatedBytes;
        const pairs = [], old = [];
        try {
          for (const [step, k, f32] of steps) {
            if (step === 'alloc' || pairs.length === 0) {
              const pair = allocPair(3, { float32: f32 });
              pair.p.set([1, 2, 3]);
              pair.q.set([3, 2, 1]);
              pairs.push(pair);
              old.push([pair.p, pair.q]);
            } else if (step === 'grow') { // twice the current memory: it must grow, detaching every view
              const { heapBytes } = memoryUsage();
              if (2 * heapBytes <= 2 ** 31 - 2 ** 26) allocPair(heapBytes / 16).free(); // else it cannot grow that much
            } else if (step === 'free') {
              pairs.splice(k % pairs.length, 1)[0].free();
            } else {
              const [name, use] = uses[k % uses.length];
              const useOld = step === 'callOld' && old.length > 0;
              const [p, q] = useOld ? old[k % old.length] : [pairs[k % pairs.length].p, pairs[k % pairs.length].q];
              const livePair = !useOld;
              try {
                const r = use(p, q);
                if (typeof r === 'number') assert.ok(!Number.isNaN(r));
              } catch (e) {
                assert.ok(!livePair, `${name} on a live pair threw ${e}`);
                assert.ok(e instanceof TypeError, `${name}: ${e}`);
                assert.ok(/\b[pq]\b/.test(e.message) || DOCUMENTED_UNNAMED.some((r) => r.test(e.message)), `${name}: ${e.message}`);
              }
            }
            assert.deepEqual(goodResults(), reference);
          }
        } finally {
          for (const pair of pairs) pair.free();
        }
        assert.equal(memoryUsage().allocatedBytes, start);
      }), 60);
  });
});

describe('inputs too large for the wasm memory: a RangeError naming p and q, not a wrapped size', () => {
  // Copied in as double (a Uint8Array is read as double): 2^28 entries of p and q need 2^32 + 96
  // bytes, which a 32-bit malloc size would wrap to 96 (the copy then overran it: "offset is out
  // of bounds"); 6e7 rows of one column for measuresRows need 4.3e9 bytes, wrapped to 25 MB.
  it('kl of 2^28 entries (Uint8Array, as p and q)', () => {
    const u = new Uint8Array(2 ** 28).fill(1);
    probe(FUNCTIONS[2], [u, u], 'p');
    assert.throws(() => kl(u, u), { name: 'RangeError', message: /^p and q are too large for the wasm heap/ });
  });
  it('measuresRows of 6e7 rows of one column', () => {
    const u = new Uint8Array(6e7).fill(1);
    assert.throws(() => measuresRows(u, u, 1), { name: 'RangeError', message: /^p and q are too large for the wasm heap/ });
    assert.deepEqual(goodResults(), reference);
  });
});
