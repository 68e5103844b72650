// infodiv: entropy, cross-entropy, KL and Jensen-Shannon divergence of
// discrete distributions, computed by the C core compiled to WebAssembly.
//
//   await init();              // once; later calls return the same promise
//   kl([0.6, 0.3, 0.1], [0.5, 0.4, 0.1]);   // 0.0230883... nats
//
// After init() every function is synchronous. Inputs are copied into one
// reusable scratch region of the wasm heap (no allocation per small call),
// except views made by allocPair(), which are used where they are; results
// are plain numbers, objects or fresh Float64Arrays, never views.
import createInfodivCore from './infodiv-core.js';

let core = null; // the wasm module once init() has resolved
let loading = null; // the promise of init()
let scratch = 0; // address of the reusable region, SCRATCH_BYTES long
let busy = false; // a call is using the scratch region (an element getter may call back in)
const functions = {}; // 'kl', 'kl_f32', ... -> the exported C function
// The functions call() runs, one slot each, filled by init(): a slot's
// property read is cheaper per call than a lookup by name among ~100.
const slots = [];
function slot(name) {
  const s = { name, f64: null, f32: null };
  slots.push(s);
  return s;
}
const ENTROPY = slot('entropy'), CROSS_ENTROPY = slot('cross_entropy'), KL = slot('kl'), JS = slot('js');
const MEASURES = slot('measures'), KL_TERMS = slot('kl_terms'), LOG_RATIOS = slot('log_ratios');
const KL_ROWS = slot('kl_rows'), MEASURES_ROWS = slot('measures_rows'), KL_LOGITS = slot('kl_logits');
const MEASURES_LOGITS = slot('measures_logits'), KL_LOGITS_ROWS = slot('kl_logits_rows');
const MEASURES_LOGITS_ROWS = slot('measures_logits_rows'), CROSS_ENTROPY_LOGITS = slot('cross_entropy_logits');
// Views of the wasm memory, kept here because reading them from the module
// object is slow; growing the memory detaches them (byteLength 0), and
// heap() then reads the new ones.
let u8 = null, f64 = null, f32 = null, i32 = null, u32 = null, memory = null;

function heap() {
  if (u8 === null || u8.byteLength === 0) {
    ({ HEAPU8: u8, HEAPF64: f64, HEAPF32: f32, HEAP32: i32, HEAPU32: u32 } = core);
    memory = u8.buffer;
  }
}

const SCRATCH_BYTES = 64 * 1024; // room for p and q of ~4000 doubles each (~2700 with klTerms)
// Region layout (bytes), matching the C structs on wasm32.
const OPTIONS_AT = 0; // infodiv_options { double base; int normalize; }
const ERROR_AT = 16; // infodiv_error { int arg; size_t index; double value; int param; }
const RESULT_AT = 40; // double, or infodiv_measure_set (7 doubles)
const RESULT_BYTES = 56;
const ARRAYS_AT = 96; // p, then q, then terms

// enum infodiv_status and enum infodiv_arg of infodiv.h
const EMPTY = 1, NAN = 3, NEGATIVE = 4, INFINITE = 5, ZERO_SUM = 6, NOT_NORMALIZED = 7, BAD_BASE = 8, BAD_TEMPERATURE = 9;
const BAD_PARAMETER = 11, NOT_POSITIVE_DEFINITE = 12, NOT_SYMMETRIC = 13, DIMENSION_MISMATCH = 14, NO_CLOSED_FORM = 15;
const NOT_INCREASING = 17, TOO_FEW_POINTS = 18, TOO_MANY_OUTCOMES = 19, BAD_DRAW = 20;
const ARG_P = 1, ARG_Q = 2, ARG_X = 5, ARG_DRAWS = 6, ARG_VALUES = 7;

/** Loads and instantiates the WebAssembly core. Safe to call many times. */
export function init() {
  loading ??= createInfodivCore().then((module) => {
    scratch = module._malloc(SCRATCH_BYTES);
    if (!scratch) throw new Error('could not reserve the scratch region');
    core = module;
    for (const name of Object.keys(module)) {
      if (name.startsWith('_infodiv_')) functions[name.slice(9)] = module[name];
    }
    for (const s of slots) {
      s.f64 = functions[s.name];
      s.f32 = functions[`${s.name}_f32`];
    }
  }).catch((cause) => {
    loading = null; // let a later init() try again
    throw new Error('infodiv: the WebAssembly core failed to load', { cause });
  });
  return loading;
}

/** H(P) = -sum p log p of p normalised to sum 1 (or of softmax(p/T) with `logits`). */
export function entropy(p, options) {
  const k = kinds(p, undefined, false), o = readOptions(options, true);
  if (o.logits) {
    // Written out: { ...o, single: true } made V8 build a slow object (entropy with logits at n = 16 took
    // 2.7-3.4 µs with it, 0.5 µs without).
    const single = { base: o.base, normalize: o.normalize, logits: true, temperature: o.temperature, error: o.error, single: true };
    return measuresOf(call(single, MEASURES_LOGITS, p, p, k, 56)).entropyP;
  }
  return readNumber(call(o, ENTROPY, p, undefined, k, 8));
}

/** H(P,Q) = -sum p log q: the cost of coding P with a code built for Q. */
export function crossEntropy(p, q, options) {
  const k = kinds(p, q, true), o = readOptions(options, true);
  return readNumber(call(o, o.logits ? CROSS_ENTROPY_LOGITS : CROSS_ENTROPY, p, q, k, 8));
}

/** KL(P||Q) = sum p log(p/q). */
export function kl(p, q, options) {
  const k = kinds(p, q, true), o = readOptions(options, true);
  return readNumber(call(o, o.logits ? KL_LOGITS : KL, p, q, k, 8));
}

/** Jensen-Shannon divergence: KL(P||M)/2 + KL(Q||M)/2 with M = (P+Q)/2. */
export function jsDivergence(p, q, options) {
  const k = kinds(p, q, true), o = readOptions(options, true);
  if (o.logits) return measuresOf(call(o, MEASURES_LOGITS, p, q, k, 56)).js;
  return readNumber(call(o, JS, p, q, k, 8));
}

/** All seven measures of P and Q, computed in one pass. */
export function measures(p, q, options) {
  const k = kinds(p, q, true), o = readOptions(options, true);
  return measuresOf(call(o, o.logits ? MEASURES_LOGITS : MEASURES, p, q, k, 56));
}

/** The per-outcome terms p_i log(p_i/q_i) of KL(P||Q), as a new Float64Array. */
export function klTerms(p, q, options) {
  const k = kinds(p, q, true), o = readOptions(options, 'klTerms');
  return call(o, KL_TERMS, p, q, k, -1, readDoubles);
}

/** log(p_i/q_i) of p and q normalised, per outcome, as a new Float64Array: the evidence each outcome carries for P. */
export function logRatios(p, q, options) {
  const k = kinds(p, q, true), o = readOptions(options, 'logRatios');
  return call(o, LOG_RATIOS, p, q, k, -1, readDoubles);
}

/** Codeword lengths in bits of an optimal (Huffman) prefix code for p, as a Uint32Array (0: no codeword). */
export function codeLengths(p, options) {
  const o = readProbabilityOptions(options, 'codeLengths');
  const n = readProbabilities(p, 'p');
  return withRegion(ARRAYS_AT + 8 * n + 4 * n + 16 * n, 'p is', (region) => {
    const at = region + ARRAYS_AT, work = at + 8 * n, lengths = work + 16 * n;
    f64.set(p, at / 8);
    const status = functions.code_lengths(at, n, optionsAt(region, o), lengths, work, region + ERROR_AT);
    if (status !== 0) throw statusError(status, region + ERROR_AT, o);
    return u32.slice(lengths / 4, lengths / 4 + n);
  });
}

/**
 * An optimal prefix code for p: { lengths, codewords }, the lengths of
 * codeLengths() and, for each outcome, its codeword as a string of 0s and 1s
 * ('' for an outcome of probability 0, or the only possible one): the
 * canonical code of those lengths (shorter words first, then by outcome).
 */
export function prefixCode(p, options) {
  const lengths = codeLengths(p, options);
  const order = Array.from(lengths.keys()).filter((i) => lengths[i] > 0).sort((a, b) => lengths[a] - lengths[b] || a - b);
  const codewords = Array.from(lengths, () => '');
  let code = 0n, previous = 0;
  for (const i of order) {
    code <<= BigInt(lengths[i] - previous);
    codewords[i] = code.toString(2).padStart(lengths[i], '0');
    code += 1n;
    previous = lengths[i];
  }
  return { lengths, codewords };
}

/**
 * A seeded sampler of the outcomes of p (normalised): draw(count) returns a
 * Uint32Array of outcome indices. The same seed gives the same draws in Node
 * and in every browser (SplitMix64 in the wasm core, inversion of the CDF).
 * seed: a whole number from 0 to 2^64 - 1 (number or bigint); `state` holds
 * the position in the stream (a bigint), to continue it with { seed: state }.
 */
export function sampler(p, options) {
  const { seed, rest } = readSeed(options);
  const o = readProbabilityOptions(rest, 'sampler');
  const n = readProbabilities(p, 'p');
  const cdf = withRegion(ARRAYS_AT + 16 * n, 'p is', (region) => {
    const at = region + ARRAYS_AT, out = at + 8 * n;
    f64.set(p, at / 8);
    const status = functions.sampler_init(at, n, optionsAt(region, o), out, region + ERROR_AT);
    if (status !== 0) throw statusError(status, region + ERROR_AT, o);
    return f64.slice(out / 8, out / 8 + n);
  });
  let state = seed;
  return {
    get size() { return n; },
    get state() { return state; },
    draw(count = 1) {
      if (!Number.isInteger(count) || count < 0) throw new RangeError(`count must be a whole number >= 0 (got ${describe(count)})`);
      return withRegion(ARRAYS_AT + 8 * n + 8 + 4 * count, 'count is', (region) => {
        const at = region + ARRAYS_AT, stateAt = at + 8 * n, out = stateAt + 8;
        f64.set(cdf, at / 8);
        u32[stateAt / 4] = Number(state & 0xffffffffn);
        u32[stateAt / 4 + 1] = Number(state >> 32n);
        functions.sampler_draw(at, n, stateAt, count, out);
        state = BigInt(u32[stateAt / 4]) | (BigInt(u32[stateAt / 4 + 1]) << 32n);
        return u32.slice(out / 4, out / 4 + count);
      });
    },
  };
}

/**
 * The draws (outcomes of p) written with the optimal prefix code for p and
 * with the one for q: { lengths, bits, perSymbol, expected } (each { p, q }),
 * and extra. lengths are those of codeLengths; bits.p[k] the bits the first
 * k + 1 draws take with P's code (bits.q: Infinity from the first draw Q's
 * code has no word for); perSymbol the same divided by k + 1, in
 * options.base; extra[k] = perSymbol.q[k] − perSymbol.p[k], from the whole
 * numbers of bits; expected the average Σ p̂ᵢℓᵢ of each code in the base,
 * which perSymbol settles on.
 */
export function messageLengths(p, q, draws, options) {
  return withPairAndDraws('messageLengths', p, q, draws, options, (n, count) => 8 * n + 40 * count + 16 + 16 * n,
    (region, { at, atQ, atD, free }, n, count, o) => {
      const lengths = free, paths = lengths + 8 * n, expected = paths + 40 * count, work = expected + 16;
      const status = functions.message_lengths(at, atQ, n, optionsAt(region, o), atD, count, lengths, paths, expected, work,
        region + ERROR_AT);
      if (status !== 0) throw statusError(status, region + ERROR_AT, o);
      const row = (r) => f64.slice(paths / 8 + r * count, paths / 8 + (r + 1) * count);
      return {
        lengths: { p: u32.slice(lengths / 4, lengths / 4 + n), q: u32.slice(lengths / 4 + n, lengths / 4 + 2 * n) },
        bits: { p: row(0), q: row(1) },
        perSymbol: { p: row(2), q: row(3) },
        extra: row(4),
        expected: { p: f64[expected / 8], q: f64[expected / 8 + 1] },
      };
    });
}

/** How many of the draws are each outcome 0 … size − 1: { counts (Uint32Array), shares (Float64Array, NaN with no draws) }. */
export function drawCounts(draws, size) {
  ready();
  const d = readDraws(draws);
  if (!Number.isInteger(size) || size < 1 || size > 0xffffffff) {
    throw new RangeError(`size must be a whole number of outcomes >= 1 (got ${describe(size)})`);
  }
  return withRegion(ARRAYS_AT + 4 * d.length + 4 + 12 * size, 'draws and size are', (region) => {
    const atD = region + ARRAYS_AT, counts = atD + 4 * d.length + 4 * (d.length % 2), shares = counts + 4 * size + 4 * (size % 2);
    u32.set(d, atD / 4);
    const status = functions.draw_counts(atD, d.length, size, counts, shares, region + ERROR_AT);
    if (status === BAD_DRAW) throw new RangeError(`draws[${u32[(region + ERROR_AT) / 4 + 1]}] is not an outcome below size (${size})`);
    if (status !== 0) throw statusError(status, region + ERROR_AT, DEFAULTS);
    return { counts: u32.slice(counts / 4, counts / 4 + size), shares: f64.slice(shares / 8, shares / 8 + size) };
  });
}

/**
 * The mean of `values` (an array of numbers or a Float64Array), their spread
 * (sample standard deviation, 0 for one value) and the standard error of the
 * mean, spread/√count, from compensated sums: { mean, spread, error }. An
 * infinite value makes the mean infinite and spread and error NaN.
 */
export function summary(values) {
  ready();
  const x = readValues(values);
  return withRegion(ARRAYS_AT + 8 * x.length + 24, 'values are', (region) => {
    const at = region + ARRAYS_AT, out = at + 8 * x.length;
    f64.set(x, at / 8);
    const status = functions.summary(at, x.length, out, region + ERROR_AT);
    if (status !== 0) throw statusError(status, region + ERROR_AT, DEFAULTS);
    return { mean: f64[out / 8], spread: f64[out / 8 + 1], error: f64[out / 8 + 2] };
  });
}

const SUMMARY_DOUBLES = 7; // infodiv_evidence_summary

// Each of `rows` rows of `count` doubles from f64[from], at the steps (1-based): one Float64Array, row after row.
function pick(f64, from, rows, count, steps) {
  const out = new Float64Array(rows * steps.length);
  for (let r = 0, o = 0; r < rows; r++) {
    const row = from + r * count - 1;
    for (let j = 0; j < steps.length; j++) out[o++] = f64[row + steps[j]];
  }
  return out;
}

/**
 * Runs of draws (an array of equally long draws arrays) from P (toward: 'p',
 * the default) or from Q (toward: 'q'), watched by a sequential test that
 * stops a run when its log-likelihood ratio Lₖ = Σ log(p/q) first reaches
 * log(odds) (odds: 19 by default) for the side drawn from: { paths (each
 * run's evidencePath, views of one Float64Array, row after row), mean (their mean at each step; NaN where runs went
 * to +∞ and to −∞), stops (Uint32Array: when each run stopped, 0 if not
 * within its draws), slope ({ mean, spread,
 * error } over the runs of Lₙ/n: KL(P‖Q) from P, −KL(Q‖P) from Q, in
 * expectation), threshold (±log odds), wald (log odds / KL, Wald's mean
 * stopping time), stopped (how many runs did), meanStop (their mean stopping
 * time, NaN if none) }, in options.base. options.at (increasing numbers of
 * draws, from 1 to a run's length) gives each path only after those draws
 * (paths[r][j] = L after at[j] draws): a chart's points, without copying
 * every step out; the rest is computed from every step as without it.
 */
export function evidenceRuns(p, q, runs, options) {
  kinds(p, q, true);
  const { odds, toward, at, rest } = readTest(options);
  const steps = readSteps(at); // before the runs: a getter in options.at runs no code after the runs are read
  const { flat, rows, count } = readRuns(runs); // read once: a getter may answer differently the second time
  const shown = steps && stepsWithin(steps, count);
  return withPairAndDraws('evidenceRuns', p, q, flat, rest,
    (n, total) => 8 * total + 8 * count + 4 * rows + 4 + 8 * SUMMARY_DOUBLES,
    (region, { at, atQ, atD, free }, n, total, o) => {
      const paths = free, mean = paths + 8 * total, stops = mean + 8 * count, out = stops + 4 * rows + 4 * (rows % 2);
      const status = functions.evidence_runs(at, atQ, n, optionsAt(region, o), atD, rows, count, odds,
        toward === 'p' ? 1 : -1, paths, mean, stops, out, region + ERROR_AT);
      if (status !== 0) throw statusError(status, region + ERROR_AT, o, undefined, count);
      const s = f64.subarray(out / 8, out / 8 + SUMMARY_DOUBLES);
      const width = shown ? shown.length : count;
      const all = shown ? pick(f64, paths / 8, rows, count, shown) : f64.slice(paths / 8, paths / 8 + total); // one copy; each run's path a view of it
      return {
        paths: Array.from({ length: rows }, (_, r) => all.subarray(r * width, (r + 1) * width)),
        mean: f64.slice(mean / 8, mean / 8 + count),
        stops: u32.slice(stops / 4, stops / 4 + rows),
        slope: { mean: s[0], spread: s[1], error: s[2] },
        threshold: s[3], wald: s[4], stopped: s[5], meanStop: s[6],
      };
    });
}

/**
 * A histogram of whole numbers (0, "never", left out) from 1 to the largest,
 * in at most `bins` bins of one whole width: { starts, width, counts }, bin b
 * holding starts[b] … starts[b] + width − 1.
 */
export function histogram(values, bins) {
  ready();
  const v = readDraws(values, 'values');
  if (!Number.isInteger(bins) || bins < 1 || bins > 0xffffffff) {
    throw new RangeError(`bins must be a whole number >= 1 (got ${describe(bins)})`);
  }
  return withRegion(ARRAYS_AT + 4 * v.length + 4 * bins + 16, 'values and bins are', (region) => {
    const at = region + ARRAYS_AT, counts = at + 4 * v.length, shape = counts + 4 * bins;
    u32.set(v, at / 4);
    const status = functions.histogram(at, v.length, bins, counts, shape, region + ERROR_AT);
    if (status !== 0) throw statusError(status, region + ERROR_AT, DEFAULTS);
    const width = u32[shape / 4], used = u32[shape / 4 + 1];
    return {
      starts: Array.from({ length: used }, (_, b) => 1 + b * width),
      width,
      counts: u32.slice(counts / 4, counts / 4 + used),
    };
  });
}

/** The running log-likelihood ratio sum log(p/q) over the outcomes drawn, as a Float64Array. */
export function evidencePath(p, q, draws, options) {
  return drawsCall('evidence_path', 'evidencePath', p, q, draws, options, (at, count) => f64.slice(at / 8, at / 8 + count));
}

/** Schulman's estimators of KL(P||Q) from outcomes drawn from P: { k1, k2, k3 }. */
export function klEstimates(p, q, draws, options) {
  return drawsCall('kl_estimates', 'klEstimates', p, q, draws, options, (at) => ({ k1: f64[at / 8], k2: f64[at / 8 + 1], k3: f64[at / 8 + 2] }));
}

/** KL(P_r||Q_r) of each row r of two row-major rows x cols matrices, as a Float64Array. */
export function klRows(p, q, cols, options) {
  const k = kinds(p, q, true), o = readOptions(options, true);
  if (o.error) throw o.error; // options' type errors come before those of cols
  if (cols === undefined) throw new TypeError('cols, the length of each row, is missing');
  return call(o, o.logits ? KL_LOGITS_ROWS : KL_ROWS, p, q, k, 8, readDoubles, cols);
}

/** The seven measures of each row pair, as seven Float64Arrays of one value per row. */
export function measuresRows(p, q, cols, options) {
  const k = kinds(p, q, true), o = readOptions(options, true);
  if (o.error) throw o.error; // options' type errors come before those of cols
  if (cols === undefined) throw new TypeError('cols, the length of each row, is missing');
  return call(o, o.logits ? MEASURES_LOGITS_ROWS : MEASURES_ROWS, p, q, k, 56, measureColumns, cols);
}

// The rows' seven measures at `at` (7 doubles per row) as seven Float64Arrays of one value per row.
function measureColumns(at, rows) {
  const columns = MEASURE_NAMES.map(() => new Float64Array(rows));
  for (let r = 0, i = at / 8; r < rows; r++, i += 7) {
    for (let m = 0; m < 7; m++) columns[m][r] = f64[i + m];
  }
  return Object.fromEntries(MEASURE_NAMES.map((name, m) => [name, columns[m]]));
}

/**
 * Zero-copy input: p and q of `length` entries each, allocated in the wasm
 * memory, for callers that fill them directly (no copy per call). Read
 * `pair.p` and `pair.q` afresh after any call that may allocate (a larger
 * copy-in, another allocPair): growing the memory detaches older views.
 * Call `pair.free()` when done; afterwards its views must not be used.
 */
export function allocPair(length, options) {
  const lib = ready();
  if (typeof length !== 'number') throw new TypeError(`length must be a number (got ${describe(length)})`);
  if (!Number.isInteger(length) || length < 1) throw new RangeError(`length must be a whole number >= 1 (got ${length})`);
  let float32 = false;
  if (options !== undefined) {
    if (options === null || typeof options !== 'object' || Array.isArray(options)) {
      throw new TypeError(`options must be an object such as { float32: true } (got ${describe(options)})`);
    }
    for (const key of Object.keys(options)) {
      if (key !== 'float32') throw new TypeError(`unknown option "${key}" (the only option is float32)`);
    }
    float32 = options.float32 === undefined ? false : options.float32;
    if (typeof float32 !== 'boolean') throw new TypeError(`options.float32 must be true or false (got ${describe(float32)})`);
  }
  const Kind = float32 ? Float32Array : Float64Array;
  const bytes = 2 * Kind.BYTES_PER_ELEMENT * length;
  const address = bytes <= 2 ** 31 ? lib._malloc(bytes) : 0;
  if (!address) throw new RangeError(`length is too large (got ${length}): it needs ${bytes} bytes, more than the wasm memory can give`);
  live.set(address, bytes);
  const views = [null, null];
  let freed = false;
  const view = (k) => {
    if (freed) throw new TypeError(`pair.${k ? 'q' : 'p'} cannot be read: this pair was freed; allocPair() a new one`);
    if (views[k] === null || views[k].byteLength === 0) { // first use, or detached by memory growth
      heap();
      views[k] = new Kind(u8.buffer, address + k * Kind.BYTES_PER_ELEMENT * length, length);
      pairViews.set(views[k], views[k].byteOffset);
    }
    return views[k];
  };
  return {
    length,
    get p() { return view(0); },
    get q() { return view(1); },
    free() {
      if (freed) return;
      freed = true;
      for (const v of views) {
        if (v) {
          pairViews.delete(v);
          freedViews.add(v); // its memory may go to a later pair: never read through it
        }
      }
      views[0] = views[1] = null;
      live.delete(address);
      core._free(address);
    },
  };
}

/** Diagnostics: size of the wasm memory and bytes allocated in it. */
export function memoryUsage() {
  const lib = ready();
  return { heapBytes: lib.HEAPU8.length, allocatedBytes: lib._infodiv_heap_in_use() >>> 0 };
}

// ---------------------------------------------------------------------------
// Parametric distributions: { family, ...parameters } objects, encoded as the
// C struct infodiv_dist { int family; double a, b; size_t k; const double *v, *m; }.
// ---------------------------------------------------------------------------

// enum infodiv_family, each family's parameters in the order of a, b (or v, m),
// and what each must be (for the messages; the C core checks the ranges).
const FINITE = 'a finite number', POSITIVE = 'a finite number > 0', PROBABILITY = 'a probability in [0, 1]';
const FAMILIES = {
  normal: { id: 1, params: ['mu', 'sigma'], need: [FINITE, POSITIVE] },
  logNormal: { id: 2, params: ['mu', 'sigma'], need: [FINITE, POSITIVE] },
  exponential: { id: 3, params: ['rate'], need: [POSITIVE] },
  gamma: { id: 4, params: ['shape', 'rate'], need: [POSITIVE, POSITIVE] },
  beta: { id: 5, params: ['alpha', 'beta'], need: [POSITIVE, POSITIVE] },
  uniform: { id: 6, params: ['low', 'high'], need: [FINITE, FINITE] },
  laplace: { id: 7, params: ['loc', 'scale'], need: [FINITE, POSITIVE] },
  cauchy: { id: 8, params: ['loc', 'scale'], need: [FINITE, POSITIVE] },
  multivariateNormal: { id: 9, params: ['mean', 'cov'], need: [FINITE, FINITE], vector: true },
  dirichlet: { id: 10, params: ['alpha'], need: [POSITIVE], vector: true },
  bernoulli: { id: 11, params: ['p'], need: [PROBABILITY] },
  binomial: { id: 12, params: ['n', 'p'], need: ['a whole number from 0 to 2^53', PROBABILITY] },
  poisson: { id: 13, params: ['rate'], need: ['a finite number >= 0'] },
  geometric: { id: 14, params: ['p'], need: ['a probability in (0, 1]'] },
  categorical: { id: 15, params: ['probs'], need: ['a finite number >= 0'], vector: true },
};
const FAMILY_NAMES = Object.keys(FAMILIES);
const MAX_DIMENSION = 512; // multivariateNormal: its scratch, 2k^2 + k doubles, stays below 4.2 MB
const DIST_AT = ARRAYS_AT, DIST_BYTES = 40; // after the result: P's struct, then Q's, then the vectors and the scratch
const PARAM_V = 3, PARAM_M = 4; // 1 and 2 are the scalar parameters, names[param - 1]

/** Entropy of a parametric distribution (differential for the continuous families). */
export function entropyDist(p, options) {
  const dp = readDist(p, 'p'), o = readDistOptions(options);
  return distCall('dist_entropy', dp, null, o, 8, (at) => f64[at / 8]);
}

/** KL(P||Q) of two parametric distributions, in closed form. */
export function klDist(p, q, options) {
  const dp = readDist(p, 'p'), dq = readDist(q, 'q'), o = readDistOptions(options);
  return distCall('dist_kl', dp, dq, o, 24, (at) => f64[at / 8 + 2]);
}

/** Cross-entropy H(P,Q) = H(P) + KL(P||Q) of two parametric distributions. */
export function crossEntropyDist(p, q, options) {
  const dp = readDist(p, 'p'), dq = readDist(q, 'q'), o = readDistOptions(options);
  return distCall('dist_kl', dp, dq, o, 24, (at) => f64[at / 8 + 1]);
}

/** log density (log probability for discrete families) of a one-dimensional family at each x. */
export function logDensity(dist, x) {
  const d = readDist(dist, 'dist');
  if (d.def.vector) throw new RangeError(`dist.family must be a one-dimensional family for logDensity (got ${d.name})`);
  let xs;
  if (typeof x === 'number') xs = [x];
  else {
    inputKind(x, 'x');
    if (Array.isArray(x)) checkNumbers(x, 'x');
    xs = x;
  }
  const n = xs.length;
  return distCall('dist_log_density', d, null, DEFAULTS, 8 * n, (at) => f64.slice(at / 8, at / 8 + n), xs);
}

/** KL(P||Q) of two densities sampled on the same grid x: { kl, error }. */
export function klGrid(x, p, q, options) {
  ready();
  for (const [a, name] of [[x, 'x'], [p, 'p'], [q, 'q']]) {
    inputKind(a, name);
    if (Array.isArray(a)) checkNumbers(a, name);
  }
  const o = readGridOptions(options);
  const n = x.length;
  if (p.length !== n || q.length !== n) throw new RangeError(`x, p and q differ in length (${n}, ${p.length}, ${q.length})`);
  return distCall('kl_grid', null, null, o, 16, (at) => ({ kl: f64[at / 8], error: f64[at / 8 + 1] }), x, p, q);
}

// Checks the types of a distribution object and returns what the C struct needs.
function readDist(d, who) {
  ready();
  if (d === null || typeof d !== 'object' || Array.isArray(d) || ArrayBuffer.isView(d)) {
    throw new TypeError(`${who} must be a distribution object such as { family: 'normal', mu: 0, sigma: 1 } (got ${describe(d)})`);
  }
  const family = Object.hasOwn(d, 'family') ? d.family : undefined;
  if (family === undefined) throw new TypeError(`${who}.family is missing: one of ${FAMILY_NAMES.join(', ')}`);
  if (typeof family !== 'string' || !Object.hasOwn(FAMILIES, family)) {
    throw new TypeError(`${who}.family must be one of ${FAMILY_NAMES.join(', ')} (got ${describe(family)})`);
  }
  const def = FAMILIES[family];
  for (const key in d) { // own keys only (as Object.keys): for-in takes V8's enum cache, without an array
    if (key !== 'family' && !def.params.includes(key) && Object.hasOwn(d, key)) {
      throw new TypeError(`${who}: unknown parameter "${key}" for ${family} (it takes ${def.params.join(' and ')})`);
    }
  }
  const first = def.params[0], second = def.params[1];
  const a = paramOf(d, first, who, family, def), b = second === undefined ? 0 : paramOf(d, second, who, family, def);
  if (!def.vector) return { name: family, who, def, id: def.id, a, b, v: null, m: null, source: d };
  const out = { name: family, who, def, id: def.id, a: 0, b: 0, v: readVector(a, `${who}.${first}`), m: null, source: d };
  const k = out.v.length;
  if (family === 'multivariateNormal') {
    if (k > MAX_DIMENSION) {
      throw new RangeError(`${who}.mean has ${k} entries; multivariateNormal takes at most ${MAX_DIMENSION} dimensions`);
    }
    out.m = readMatrix(b, k, `${who}.cov`, `${who}.mean`);
  }
  return out;
}

// d[name], present (own) and, for a one-dimensional family, a number; else a TypeError naming it.
function paramOf(d, name, who, family, def) {
  const v = Object.hasOwn(d, name) ? d[name] : undefined;
  if (v === undefined) throw new TypeError(`${who}.${name} is missing (${family} takes ${def.params.join(' and ')})`);
  if (!def.vector && typeof v !== 'number') throw new TypeError(`${who}.${name} must be a number (got ${describe(v)})`);
  return v;
}

// A vector parameter as a Float64Array, after checking the types of its entries.
function readVector(v, name) {
  if (typeof v === 'number' || v === null || typeof v !== 'object') {
    throw new TypeError(`${name} must be an array of numbers or a Float64Array (got ${describe(v)})`);
  }
  const kind = inputKind(v, name);
  if (v.length === 0) throw new RangeError(`${name} is empty`);
  return kind === ARRAY ? numbersOf(v, name) : Float64Array.from(v);
}

// A plain array's entries, each read once (a getter may answer differently the second time) and never
// coerced ('0.2', null, holes), as a Float64Array.
function numbersOf(a, name) {
  const out = new Float64Array(a.length);
  for (let i = 0; i < out.length; i++) out[i] = numberAt(a, i, name);
  return out;
}

// a[i], read once, if it is a number; else a TypeError naming it.
function numberAt(a, i, name) {
  const x = a[i];
  if (typeof x !== 'number') throw new TypeError(`${name}[${i}] is not a number (got ${describe(x)})`);
  return x;
}

// A k x k matrix given as k rows of k numbers, or as k*k numbers in row-major order.
function readMatrix(m, k, name, shapeOf) {
  if (m === null || typeof m !== 'object') {
    throw new TypeError(`${name} must be ${k} rows of ${k} numbers, or ${k * k} numbers (got ${describe(m)})`);
  }
  const nested = Array.isArray(m) && m.length > 0 && typeof m[0] === 'object' && m[0] !== null;
  if (!nested) {
    const values = inputKind(m, name) === ARRAY ? numbersOf(m, name) : null; // entries checked first, as for a vector
    if (m.length !== k * k) throw new RangeError(`${name} must be ${k} x ${k} like ${shapeOf} (got ${m.length} numbers)`);
    return values ?? Float64Array.from(m);
  }
  if (m.length !== k) throw new RangeError(`${name} must be ${k} x ${k} like ${shapeOf} (got ${m.length} rows)`);
  const flat = new Float64Array(k * k);
  for (let i = 0; i < k; i++) {
    const row = m[i];
    inputKind(row, `${name}[${i}]`);
    if (row.length !== k) throw new RangeError(`${name} must be ${k} x ${k} like ${shapeOf} (row ${i} has ${row.length} entries)`);
    if (Array.isArray(row)) checkNumbers(row, `${name}[${i}]`);
    flat.set(row, i * k);
  }
  return flat;
}

function readDistOptions(options) {
  if (options === undefined) return DEFAULTS;
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    throw new TypeError(`options must be an object such as { base: 2 } (got ${describe(options)})`);
  }
  for (const key of Object.keys(options)) {
    if (key !== 'base') throw new TypeError(`unknown option "${key}" (the only option is base)`);
  }
  const base = options.base === undefined ? Math.E : options.base;
  if (typeof base !== 'number') throw new TypeError(`options.base must be a number (got ${describe(base)})`);
  return { ...DEFAULTS, base };
}

function readGridOptions(options) {
  if (options === undefined) return DEFAULTS;
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    throw new TypeError(`options must be an object such as { base: 2 } (got ${describe(options)})`);
  }
  for (const key of Object.keys(options)) {
    if (key !== 'base' && key !== 'normalize') throw new TypeError(`unknown option "${key}" (the options are base and normalize)`);
  }
  const base = options.base === undefined ? Math.E : options.base;
  const normalize = options.normalize === undefined ? true : options.normalize;
  if (typeof base !== 'number') throw new TypeError(`options.base must be a number (got ${describe(base)})`);
  if (typeof normalize !== 'boolean') throw new TypeError(`options.normalize must be true or false (got ${describe(normalize)})`);
  return { ...DEFAULTS, base, normalize };
}

// Writes the distributions (or, for kl_grid and dist_log_density, the
// arrays) into the heap, calls infodiv_<name>, and returns read(result address).
function distCall(name, dp, dq, o, outBytes, read, ...arrays) {
  const lib = ready();
  if (!busy && dp && !dp.v && !(dq && dq.v) && arrays.length === 0) return scalarDistCall(name, dp, dq, o, read);
  const vectors = [];
  for (const d of [dp, dq]) if (d) vectors.push(d.v, d.m);
  for (const a of arrays) vectors.push(a);
  let k = 0;
  for (const d of [dp, dq]) if (d && d.id === FAMILIES.multivariateNormal.id) k = Math.max(k, d.v.length);
  const scratchDoubles = k ? 2 * k * k + k : 0;
  let bytes = DIST_AT + 2 * DIST_BYTES + 8 * scratchDoubles + (outBytes > RESULT_BYTES ? outBytes : 0);
  for (const v of vectors) if (v) bytes += 8 * v.length;
  const region = bytes <= SCRATCH_BYTES && !busy ? scratch : bytes < 2 ** 31 ? lib._malloc(bytes) : 0; // as in call()
  if (!region) {
    const names = arrays.length > 1 ? 'x, p and q are' : arrays.length ? 'x is' : dq ? 'p and q are' : `${dp.who} is`;
    throw new RangeError(`${names} too large for the wasm heap (${bytes} bytes)`);
  }
  const wasBusy = busy;
  busy = true;
  try {
    heap();
    let free = region + DIST_AT + 2 * DIST_BYTES;
    const place = (v) => {
      if (!v) return 0;
      const at = free;
      if (v.length > 0) f64.set(v, at / 8); // a detached view has length 0, and set() would throw on it
      free += 8 * v.length;
      return at;
    };
    const structs = [dp, dq].map((d, i) => (d ? writeDistStruct(region + DIST_AT + i * DIST_BYTES, d, place(d.v), place(d.m)) : 0));
    const at = arrays.map(place);
    const scratchAt = free;
    free += 8 * scratchDoubles;
    const out = outBytes > RESULT_BYTES ? free : region + RESULT_AT;
    const options = optionsAt(region, o);
    const error = region + ERROR_AT;
    let status;
    if (name === 'dist_log_density') status = functions.dist_log_density(structs[0], at[0], arrays[0].length, out, error);
    else if (name === 'kl_grid') status = functions.kl_grid(at[0], at[1], at[2], arrays[0].length, options, out, error);
    else status = distMeasure(name, structs[0], structs[1], options, scratchAt, scratchDoubles, out, error);
    if (status !== 0) throw distError(status, error, dp, dq, arrays);
    return read(out);
  } finally {
    busy = wasBusy;
    if (region !== scratch) lib._free(region);
  }
}

// distCall's path for one-dimensional families (the calls of a loop): the structs in the scratch region
// and nothing else to place.
function scalarDistCall(name, dp, dq, o, read) {
  busy = true;
  try {
    heap();
    const p = writeDistStruct(scratch + DIST_AT, dp, 0, 0), q = dq ? writeDistStruct(p + DIST_BYTES, dq, 0, 0) : 0;
    const options = optionsAt(scratch, o), out = scratch + RESULT_AT, error = scratch + ERROR_AT;
    const status = distMeasure(name, p, q, options, 0, 0, out, error);
    if (status !== 0) throw distError(status, error, dp, dq, []);
    return read(out);
  } finally {
    busy = false;
  }
}

// infodiv_dist_entropy (of p) or infodiv_dist_kl on the structs at p and q; returns the C status.
function distMeasure(name, p, q, options, scratchAt, scratchDoubles, out, error) {
  return name === 'dist_entropy'
    ? functions.dist_entropy(p, options, scratchAt, scratchDoubles, out, error)
    : functions.dist_kl(p, q, options, scratchAt, scratchDoubles, out, error);
}

// An infodiv_dist at `at`: its vector and matrix already placed at vAt and mAt (0: none). Returns at.
function writeDistStruct(at, d, vAt, mAt) {
  i32[at / 4] = d.id;
  f64[at / 8 + 1] = d.a;
  f64[at / 8 + 2] = d.b;
  u32[at / 4 + 6] = d.v ? d.v.length : 0;
  u32[at / 4 + 7] = vAt;
  u32[at / 4 + 8] = mAt;
  return at;
}

// A C status of the parametric functions as a JS error naming the parameter.
function distError(status, at, dp, dq, arrays) {
  const arg = i32[at / 4], index = u32[at / 4 + 1], value = f64[at / 8 + 1], param = i32[at / 4 + 4];
  if (arg === ARG_X || (arrays.length === 3 && (arg === ARG_P || arg === ARG_Q))) {
    const who = arg === ARG_X ? 'x' : arg === ARG_P ? 'p' : 'q';
    switch (status) {
      case NAN: return new RangeError(`${who}[${index}] is NaN`);
      case INFINITE: return new RangeError(`${who}[${index}] is infinite (${value})`);
      case NEGATIVE: return new RangeError(`${who}[${index}] is negative (${value})`);
      case ZERO_SUM: return new RangeError(`${who} is 0 at every point`);
      case TOO_FEW_POINTS: return new RangeError(`x needs at least 3 points (got ${value})`);
      case NOT_INCREASING: {
        const x = arrays[0];
        return new RangeError(`x[${index}] is not above x[${index - 1}] (${x[index]} <= ${x[index - 1]})`);
      }
    }
  }
  if (status === BAD_BASE) return new RangeError(`options.base must be a finite number > 0 and not 1 (got ${value})`);
  const d = arg === ARG_Q ? dq : dp;
  if (!d) return new Error(`infodiv: unexpected status ${status}`);
  const who = d.who, names = d.def.params;
  const paramName = param === PARAM_M ? names[1] : param === PARAM_V ? names[0] : names[param - 1];
  switch (status) {
    case BAD_PARAMETER:
      if (d.name === 'uniform') {
        const { low, high } = d.source;
        if (Number.isFinite(low) && Number.isFinite(high)) {
          return new RangeError(`${who}.low must be below ${who}.high (got ${low} and ${high})`);
        }
      }
      if (d.name === 'dirichlet' && d.v.length < 2) {
        return new RangeError(`${who}.alpha must have at least 2 entries (got ${d.v.length})`);
      }
      if (param === PARAM_M) return new RangeError(`${who}.cov[${matrixIndex(index, d.v.length)}] must be ${FINITE} (got ${value})`);
      if (param === PARAM_V) return new RangeError(`${who}.${paramName}[${index}] must be ${d.def.need[0]} (got ${value})`);
      return new RangeError(`${who}.${paramName} must be ${d.def.need[param - 1]} (got ${value})`);
    case NOT_POSITIVE_DEFINITE:
      return new RangeError(`${who}.cov is not positive definite (pivot ${index + 1} of ${d.v.length} is ${value})`);
    case NOT_SYMMETRIC: {
      const k = d.v.length, r = Math.floor(index / k), c = index % k;
      return new RangeError(`${who}.cov is not symmetric (${who}.cov[${r}][${c}] = ${d.m[r * k + c]}, `
        + `${who}.cov[${c}][${r}] = ${d.m[c * k + r]})`);
    }
    case DIMENSION_MISMATCH:
      if (dp.name === 'binomial') {
        return new RangeError(`binomial p.n and q.n differ (${dp.a} vs ${dq.a}): KL needs the same n (or p.n > q.n: Infinity)`);
      }
      return new RangeError(`p and q differ in dimension (${dp.v.length} vs ${dq.v.length})`);
    case NO_CLOSED_FORM: {
      const continuous = (x) => FAMILIES[x.name].id < FAMILIES.bernoulli.id;
      if (continuous(dp) !== continuous(dq) && !dp.def.vector && !dq.def.vector) {
        return new RangeError(`cannot compare a ${continuous(dp) ? 'continuous' : 'discrete'} distribution (p: ${dp.name}) `
          + `with a ${continuous(dq) ? 'continuous' : 'discrete'} one (q: ${dq.name})`);
      }
      return new RangeError(`no closed form for KL(${dp.name} || ${dq.name}): klDist takes two distributions of one family, `
        + 'normal and laplace, or exponential and gamma (either way), and gives Infinity wherever the support of p is not '
        + 'inside that of q; for other pairs, sample both with logDensity and use klGrid');
    }
    case EMPTY: return new RangeError(`${who}.${paramName} is empty`);
    case NAN: return new RangeError(`${who}.${paramName}[${index}] is NaN`);
    case NEGATIVE: return new RangeError(`${who}.${paramName}[${index}] is negative (${value})`);
    case INFINITE: return new RangeError(`${who}.${paramName}[${index}] is infinite (${value})`);
    case ZERO_SUM: return new RangeError(`${who}.${paramName} sums to 0: every entry is zero`);
    default: return new Error(`infodiv: unexpected status ${status}`);
  }
}

const matrixIndex = (index, k) => `${Math.floor(index / k)}][${index % k}`;

const MEASURE_NAMES = ['entropyP', 'entropyQ', 'crossEntropyPQ', 'crossEntropyQP', 'klPQ', 'klQP', 'js'];
const live = new Map(); // address -> bytes of every pair allocPair made and free() has not released
const pairViews = new WeakMap(); // each live pair.p and pair.q view -> its address
const freedViews = new WeakSet(); // views of pairs since freed

function ready() {
  if (!core) throw new Error('infodiv is not initialised: call `await init()` first');
  return core;
}

function readNumber(at) {
  return f64[at / 8];
}

function measuresOf(at) {
  const i = at / 8;
  return {
    entropyP: f64[i], entropyQ: f64[i + 1], crossEntropyPQ: f64[i + 2],
    crossEntropyQP: f64[i + 3], klPQ: f64[i + 4], klQP: f64[i + 5], js: f64[i + 6],
  };
}

// Validates the arguments, puts them in the wasm heap (where they are not
// already: allocPair views are used in place), calls the C function
// `infodiv_<name>` (or its _f32 twin), and returns the result's address, or
// readResult(address, count) when given. outBytes: the result's size per row
// (-1: 8 per entry, for kl_terms). cols: given for the *_rows functions.
// Errors follow one rule: wrong types first (p, q, options, cols: TypeError),
// then bad values (p, q, cols, then the base or temperature: RangeError, the
// last checked by the C core). o.single: q is p itself, standing for no q
// (entropy with logits), so messages name p alone.
function call(o, fn, p, q, kinds, outBytes, readResult, cols) {
  const lib = ready();
  if (o === DEFAULTS && kinds === BOTH_F64) {
    const out = shortCall(fn, p, q, outBytes, cols);
    if (out !== 0) return readResult === undefined ? out : readResult(out, cols === undefined ? p.length : p.length / cols);
  }
  const float = kinds === BOTH_F32;
  const width = float ? 4 : 8;
  // One WeakMap look-up per array: its pair address, if it is pair.p or pair.q itself.
  const pairP = pairViews.get(p);
  if (pairP !== undefined && p.byteLength === 0) throw detached('p');
  const pairQ = q === undefined ? undefined : pairViews.get(q);
  if (pairQ !== undefined && q.byteLength === 0) throw detached('q');
  heap();
  // A plain array (kind ARRAY, the low bits) is never a view of the wasm memory.
  const inPlaceP = (kinds & 3) === ARRAY ? 0 : inPlace(p, pairP, width, memory, 'p');
  const inPlaceQ = q === undefined || kinds >> 2 === ARRAY ? 0 : inPlace(q, pairQ, width, memory, 'q');
  if (o.error) throw o.error; // an option that is wrong only for this function
  if (cols !== undefined && typeof cols !== 'number') throw new TypeError(`cols must be a number (got ${describe(cols)})`);
  const n = p.length;
  if (n === 0) throw new RangeError('p is empty');
  if (q !== undefined && !o.single && q.length !== n) throw new RangeError(`p and q differ in length (${n} vs ${q.length})`);
  const rows = cols === undefined ? 1 : readCols(cols, n);

  // A pair's view of the other width is copied, from a snapshot: _malloc may detach it.
  if (!inPlaceP && (kinds & 3) !== ARRAY && p.buffer === memory) p = p.slice();
  if (!inPlaceQ && q !== undefined && kinds >> 2 !== ARRAY && q.buffer === memory) q = q.slice();
  const copied = (inPlaceP ? 0 : 1) + (q === undefined || inPlaceQ ? 0 : 1); // o.single: room for q unused
  const outSize = outBytes < 0 ? 8 * n : outBytes * rows;
  const bytes = ARRAYS_AT + copied * width * n + (outSize > RESULT_BYTES ? outSize : 0);
  // Beyond 2 GiB (the wasm memory's limit) malloc's 32-bit size would wrap to a small block: never call it.
  const own = bytes > SCRATCH_BYTES || busy;
  const region = own ? (bytes < 2 ** 31 ? lib._malloc(bytes) : 0) : scratch;
  if (!region) {
    throw new RangeError(`${q === undefined || o.single ? 'p is' : 'p and q are'} too large for the wasm heap (${n} entries need ${bytes} bytes)`);
  }
  const wasBusy = busy;
  busy = true;
  try {
    if (own) heap(); // _malloc may have grown the memory
    let free = region + ARRAYS_AT, atP = inPlaceP, atQ = inPlaceQ;
    if (!atP) {
      copyIn(float ? f32 : f64, p, free / width, n);
      atP = free;
      free += width * n;
    }
    if (o.single) {
      atQ = atP; // q is p: one copy, and the core sees b = a (entropy with logits)
    } else if (!atQ && q !== undefined) {
      copyIn(float ? f32 : f64, q, free / width, n);
      atQ = free;
      free += width * n;
    }
    const out = outSize > RESULT_BYTES ? free : region + RESULT_AT;
    const options = optionsAt(region, o); // 0 (NULL): the defaults
    const f = float ? fn.f32 : fn.f64;
    const error = region + ERROR_AT;
    let status;
    if (cols === undefined) {
      if (q === undefined) status = f(atP, n, options, out, error);
      else if (o.logits) status = f(atP, atQ, n, o.temperature, options, out, error);
      else status = f(atP, atQ, n, options, out, error);
    } else if (o.logits) {
      status = f(atP, atQ, rows, cols, o.temperature, options, out, error);
    } else {
      status = f(atP, atQ, rows, cols, options, out, error);
    }
    if (status !== 0) throw statusError(status, error, o, cols);
    return readResult === undefined ? out : readResult(out, cols === undefined ? n : rows);
  } finally {
    busy = wasBusy;
    if (own) lib._free(region);
  }
}

// call()'s most common case at its shortest: p (and q, unless undefined) Float64Arrays (kinds checked)
// of one length, each either outside the wasm memory (copied into the scratch region) or an allocPair()
// view itself (used in place), with the default options. Returns the result's address, or 0 where
// another case applies: call() then checks and reports everything (same core function, same inputs,
// so the same result to the bit).
function shortCall(fn, p, q, outBytes, cols) {
  const n = p.length; // 0 also for a detached view
  if (busy || n === 0 || (q !== undefined && q.length !== n)) return 0;
  let rows = 1;
  if (cols !== undefined) {
    if (!Number.isInteger(cols) || cols < 1 || n % cols !== 0) return 0;
    rows = n / cols;
  }
  heap();
  // 0: to copy; undefined: a view of the wasm memory that is not a live pair's p or q (the full path's case)
  const pairP = p.buffer === memory ? pairViews.get(p) : 0;
  const pairQ = q !== undefined && q.buffer === memory ? pairViews.get(q) : 0;
  if (pairP === undefined || pairQ === undefined) return 0;
  let free = scratch + ARRAYS_AT;
  const atP = pairP || free;
  if (!pairP) free += 8 * n;
  const atQ = pairQ || free;
  if (q !== undefined && !pairQ) free += 8 * n;
  const outSize = outBytes < 0 ? 8 * n : outBytes * rows;
  const out = outSize > RESULT_BYTES ? free : scratch + RESULT_AT, error = scratch + ERROR_AT;
  if ((outSize > RESULT_BYTES ? free + outSize : free) > scratch + SCRATCH_BYTES) return 0;
  if (!pairP) copyIn(f64, p, atP / 8, n);
  if (q !== undefined && !pairQ) copyIn(f64, q, atQ / 8, n);
  let status;
  if (q === undefined) status = fn.f64(atP, n, 0, out, error);
  else if (cols === undefined) status = fn.f64(atP, atQ, n, 0, out, error);
  else status = fn.f64(atP, atQ, rows, cols, 0, out, error);
  if (status !== 0) throw statusError(status, error, DEFAULTS, cols);
  return out;
}

// heap[at, at + n) = a. Below SMALL_COPY entries a loop beats set(), whose
// fixed cost on the wasm memory's view is about that of 40 element stores.
const SMALL_COPY = 64;
function copyIn(heap, a, at, n) {
  if (n > SMALL_COPY) heap.set(a, at);
  else for (let i = 0; i < n; i++) heap[at + i] = a[i];
}

// A new Float64Array of the count doubles at address at.
function readDoubles(at, count) {
  return f64.slice(at / 8, at / 8 + count);
}

// The address of a (Float64Array or Float32Array, per width) view into the
// wasm memory, within a live allocPair region, to be used in place; 0 for an
// array to copy in (a view of the other width). pair: a's address if it is
// pair.p or pair.q itself (pairViews), else undefined.
function inPlace(a, pair, width, memory, name) {
  if (pair !== undefined) return a.BYTES_PER_ELEMENT === width ? pair : 0;
  if (a.buffer !== memory) return 0;
  if (freedViews.has(a)) throw new TypeError(`${name} is a view of a freed allocPair() pair and cannot be an input`);
  const start = a.byteOffset, end = start + a.byteLength;
  for (const [address, bytes] of live) {
    if (start >= address && end <= address + bytes) return a.BYTES_PER_ELEMENT === width ? start : 0;
  }
  throw new TypeError(`${name} is a view of infodiv's memory that no allocPair() holds (freed?) and cannot be an input`);
}

function detached(name) {
  return new TypeError(`${name} is an old view of an allocPair() pair, detached when the wasm memory grew: `
    + 'read pair.p and pair.q again after any call that may allocate');
}

function readCols(cols, length) {
  if (!Number.isInteger(cols) || cols < 1) throw new RangeError(`cols must be a whole number >= 1 (got ${cols})`);
  if (length % cols !== 0) throw new RangeError(`p has ${length} entries, not a multiple of cols (${cols})`);
  return length / cols;
}

// Runs body(region) on the scratch region, or on a block of `bytes` of its own.
const HEAP_LIMIT = 2 ** 31; // bytes: no region reaches it

function withRegion(bytes, what, body) {
  const lib = ready();
  const region = bytes <= SCRATCH_BYTES && !busy ? scratch : bytes < HEAP_LIMIT ? lib._malloc(bytes) : 0; // as in call()
  if (!region) throw new RangeError(`${what} too large for the wasm heap (${bytes} bytes)`);
  const wasBusy = busy;
  busy = true;
  try {
    heap();
    return body(region);
  } finally {
    busy = wasBusy;
    if (region !== scratch) lib._free(region);
  }
}

// The options struct's address (written into the region), or 0 for the defaults.
function optionsAt(region, o) {
  if (o === DEFAULTS) return 0;
  f64[(region + OPTIONS_AT) / 8] = o.base;
  i32[(region + OPTIONS_AT) / 4 + 2] = o.normalize ? 1 : 0;
  return region + OPTIONS_AT;
}

// Options of the functions that take probabilities only (base, normalize).
function readProbabilityOptions(options, fn) {
  const o = readOptions(options, fn);
  if (o.error) throw o.error;
  return o;
}

// The length of a probability vector after checking its type; the values are checked by the core.
function readProbabilities(p, name) {
  ready();
  if (inputKind(p, name) === ARRAY) checkNumbers(p, name);
  if (p.length === 0) throw new RangeError(`${name} is empty`);
  return p.length;
}

// { seed, rest }: the sampler's seed as a bigint, and the other options.
function readSeed(options) {
  if (options === undefined) return { seed: 0n, rest: undefined };
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    throw new TypeError(`options must be an object such as { seed: 1 } (got ${describe(options)})`);
  }
  const { seed = 0, ...rest } = options;
  const ok = typeof seed === 'bigint' ? seed >= 0n && seed < 2n ** 64n : Number.isSafeInteger(seed) && seed >= 0;
  if (!ok) {
    if (typeof seed !== 'number' && typeof seed !== 'bigint') throw new TypeError(`options.seed must be a number or a bigint (got ${describe(seed)})`);
    throw new RangeError(`options.seed must be a whole number from 0 to 2^64 - 1 (got ${describe(seed)})`);
  }
  return { seed: BigInt(seed), rest };
}

// Draws: outcome indices, as an array of whole numbers or a Uint32Array.
function readDraws(draws, name = 'draws') {
  if (ArrayBuffer.isView(draws) && draws instanceof Uint32Array) return draws.length ? draws : new Uint32Array(0); // a detached view has length 0, set() would throw
  if (!Array.isArray(draws)) throw new TypeError(`${name} must be an array of ${name === 'draws' ? 'outcome indices' : 'whole numbers'} or a Uint32Array (got ${describe(draws)})`);
  if (draws.length > HEAP_LIMIT / 4) throw new RangeError(`${name} are too large for the wasm heap (${draws.length} entries)`);
  const out = new Uint32Array(draws.length);
  for (let k = 0; k < out.length; k++) { // each entry read once: a getter may answer differently the second time
    const d = numberAt(draws, k, name);
    if (!Number.isInteger(d) || d < 0 || d > 0xffffffff) throw new RangeError(`${name}[${k}] must be ${name === 'draws' ? 'an outcome index' : 'a whole number from 0 to 2^32 - 1'} (got ${d})`);
    out[k] = d;
  }
  return out;
}

// Runs read: rows of equally many draws, copied into the wasm memory one after another (not joined first).
class RunsRead {
  constructor(rows, count) {
    this.rows = rows;
    this.length = rows.length * count;
  }
}

// Runs: a non-empty array of equally long, non-empty draws arrays: { flat (a RunsRead), rows, count }.
function readRuns(runs) {
  if (!Array.isArray(runs)) throw new TypeError(`runs must be an array of draws arrays (got ${describe(runs)})`);
  if (runs.length === 0) throw new RangeError('runs is empty');
  const rows = [];
  for (let r = 0; r < runs.length; r++) { // not map(): a hole must be reported, not skipped
    const run = runs[r];
    if (!(ArrayBuffer.isView(run) && run instanceof Uint32Array) && !Array.isArray(run)) throw new TypeError(`runs[${r}] must be an array of outcome indices or a Uint32Array (got ${describe(run)})`);
    try {
      rows.push(readDraws(run));
    } catch (e) {
      e.message = e.message.replace(/^draws/, `runs[${r}]`);
      throw e;
    }
  }
  const count = rows[0].length;
  if (count === 0) throw new RangeError('runs[0] is empty');
  const uneven = rows.findIndex((row) => row.length !== count);
  if (uneven > 0) throw new RangeError(`runs[${uneven}] has ${rows[uneven].length} draws, runs[0] ${count}: every run must have as many`);
  return { flat: new RunsRead(rows, count), rows: rows.length, count };
}

// { odds, toward, rest }: evidenceRuns's own options, and the others.
function readTest(options) {
  if (options === undefined) return { odds: 19, toward: 'p', rest: undefined };
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    throw new TypeError(`options must be an object such as { odds: 19, toward: 'p' } (got ${describe(options)})`);
  }
  const { odds = 19, toward = 'p', at, ...rest } = options;
  if (typeof odds !== 'number') throw new TypeError(`options.odds must be a number (got ${describe(odds)})`);
  if (!(odds > 1) || odds === Infinity) throw new RangeError(`options.odds must be a finite number > 1 (got ${odds})`);
  if (toward !== 'p' && toward !== 'q') throw new TypeError(`options.toward must be 'p' or 'q' (got ${describe(toward)})`);
  return { odds, toward, at, rest };
}

// options.at of evidenceRuns: undefined, or increasing whole numbers from 1 (an array of them).
function readSteps(at) {
  if (at === undefined) return undefined;
  if (!(ArrayBuffer.isView(at) && at instanceof Uint32Array) && !Array.isArray(at)) {
    throw new TypeError(`options.at must be an array of numbers of draws, such as [1, 10, 100], or a Uint32Array (got ${describe(at)})`);
  }
  if (at.length === 0) throw new RangeError('options.at is empty');
  const steps = [];
  for (let j = 0; j < at.length; j++) { // each entry read once: a getter may answer differently the second time
    const k = numberAt(at, j, 'options.at');
    if (!Number.isInteger(k) || k < 1) throw new RangeError(`options.at[${j}] must be a whole number of draws, 1 or more (got ${k})`);
    if (j > 0 && k <= steps[j - 1]) throw new RangeError(`options.at[${j}] is ${k}, not above options.at[${j - 1}] (${steps[j - 1]}): the steps must increase`);
    steps.push(k);
  }
  return steps;
}

// Steps read by readSteps, none beyond a run's `count` draws.
function stepsWithin(steps, count) {
  const beyond = steps.findIndex((k) => k > count);
  if (beyond >= 0) throw new RangeError(`options.at[${beyond}] is ${steps[beyond]}, beyond the ${count} draws of a run`);
  return steps;
}

// Values: an array of numbers or a Float64Array (NaN is reported by the core, with its index).
function readValues(values) {
  if (ArrayBuffer.isView(values) && values instanceof Float64Array) return values.length ? values : []; // a detached view has length 0, set() would throw
  if (!Array.isArray(values)) throw new TypeError(`values must be an array of numbers or a Float64Array (got ${describe(values)})`);
  if (values.length > HEAP_LIMIT / 8) throw new RangeError(`values are too large for the wasm heap (${values.length} entries)`);
  return numbersOf(values, 'values');
}

// A call on p, q (double) and draws (or a RunsRead): the region holds options, p, q, the draws, then
// extra(n, count) bytes from `free`; body(region, addresses, n, count, options).
function withPairAndDraws(fn, p, q, draws, options, extra, body) {
  kinds(p, q, true);
  const d = draws instanceof RunsRead ? draws : readDraws(draws), o = readProbabilityOptions(options, fn);
  const n = p.length, count = d.length;
  if (n === 0) throw new RangeError('p is empty');
  if (q.length !== n) throw new RangeError(`p and q differ in length (${n} vs ${q.length})`);
  return withRegion(ARRAYS_AT + 16 * n + 4 * count + 8 + extra(n, count), 'p, q and draws are', (region) => {
    const at = region + ARRAYS_AT, atQ = at + 8 * n, atD = atQ + 8 * n, free = atD + 4 * count + (count % 2) * 4;
    f64.set(p, at / 8);
    f64.set(q, atQ / 8);
    if (d instanceof RunsRead) d.rows.forEach((row, r) => u32.set(row, atD / 4 + r * row.length));
    else u32.set(d, atD / 4);
    return body(region, { at, atQ, atD, free }, n, count, o);
  });
}

// evidence_path and kl_estimates: p, q (double), the draws, options; read(out address, count).
function drawsCall(name, fn, p, q, draws, options, read) {
  return withPairAndDraws(fn, p, q, draws, options, (n, count) => 8 * Math.max(count, 3), (region, { at, atQ, atD, free: out }, n, count, o) => {
    const status = functions[name](at, atQ, n, optionsAt(region, o), atD, count, out, region + ERROR_AT);
    if (status !== 0) throw statusError(status, region + ERROR_AT, o);
    return read(out, count);
  });
}

// The one place where a C status becomes a JS error naming the culprit.
function statusError(status, at, o, cols, runLength) {
  const arg = i32[at / 4];
  const index = u32[at / 4 + 1];
  const value = f64[at / 8 + 1];
  if (arg === ARG_DRAWS) {
    if (status === EMPTY) return new RangeError('draws is empty');
    const draw = runLength === undefined ? `draws[${index}]` : `runs[${Math.floor(index / runLength)}][${index % runLength}]`;
    return new RangeError(`${draw} is ${value}: ${status === BAD_DRAW ? 'not an outcome this function admits (an index below the length of p, with p > 0 for klEstimates and messageLengths, p or q > 0 for evidencePath and evidenceRuns, and not impossible under both P and Q along one path)' : 'not valid'}`);
  }
  if (arg === ARG_VALUES) return new RangeError(status === EMPTY ? 'values is empty' : `values[${index}] is NaN`);
  const who = arg === ARG_P ? 'p' : 'q';
  const entry = cols === undefined ? `${who}[${index}]` : `${who}[${Math.floor(index / cols)}][${index % cols}]`;
  const whole = cols === undefined ? who : `row ${Math.floor(index / cols)} of ${who}`;
  switch (status) {
    case NAN: return new RangeError(`${entry} is NaN`);
    case NEGATIVE: return new RangeError(`${entry} is negative (${value})`);
    case INFINITE:
      return new RangeError(`${entry} is infinite (${value})${o.logits ? '; a logit may be -Infinity (probability 0), not +Infinity' : ''}`);
    case ZERO_SUM:
      return new RangeError(o.logits ? `${whole}: every logit is -Infinity` : `${whole} sums to 0: every entry is zero`);
    case NOT_NORMALIZED:
      return new RangeError(`${whole} sums to ${value}, not 1; with normalize: false `
        + `each distribution must sum to 1 (within 1e-6)`);
    case BAD_BASE:
      return new RangeError(`options.base must be a finite number > 0 and not 1 (got ${value})`);
    case BAD_TEMPERATURE:
      return new RangeError(`options.temperature must be a finite number > 0 (got ${value})`);
    case TOO_MANY_OUTCOMES: return new RangeError(`${who} has ${value} outcomes; a sampler takes at most 2^32 - 1`);
    default: return new Error(`infodiv: unexpected status ${status}`);
  }
}

const ARRAY = 0, F64 = 1, F32 = 2, OTHER = 3;
const BOTH_F32 = F32 | (F32 << 2), BOTH_F64 = F64 | (F64 << 2);

// The kinds of p and q (q's shifted by 2; q absent counts as p's), after
// checking their types: first p, then q. needQ: a function of two arrays.
function kinds(p, q, needQ) {
  ready();
  const kindP = inputKind(p, 'p');
  const kindQ = q === undefined && !needQ ? kindP : inputKind(q, 'q');
  if (kindP === ARRAY) checkNumbers(p, 'p');
  if (kindQ === ARRAY && q !== undefined && q !== p) checkNumbers(q, 'q');
  return kindP | (kindQ << 2);
}

// ARRAY, F64, F32 or OTHER (another non-BigInt typed array).
function inputKind(a, name) {
  // The common cases first; instanceof alone also accepts a Proxy of a Float64Array, which no
  // typed-array method takes as its receiver.
  if (a instanceof Float64Array && ArrayBuffer.isView(a)) return F64;
  if (Array.isArray(a)) return ARRAY;
  if (ArrayBuffer.isView(a) && !(a instanceof DataView)) {
    const kind = a[Symbol.toStringTag]; // works across realms, unlike instanceof
    if (kind === 'Float64Array') return F64;
    if (kind === 'Float32Array') return F32;
    if (!kind.startsWith('Big')) return OTHER;
  }
  throw new TypeError(`${name} must be an array of numbers or a numeric typed array such as `
    + `Float64Array (got ${describe(a)})`);
}

// Entries of a plain array must be numbers: never coerced ('0.2', null, holes).
function checkNumbers(a, name) {
  for (let i = 0; i < a.length; i++) numberAt(a, i, name);
}

const DEFAULTS = { base: Math.E, normalize: true, logits: false, temperature: 1, error: null };
const OPTION_NAMES = 'base, normalize, logits and temperature';

// logitsAllowed: true, or the name of a function that takes no logits. An option that is wrong only for the
// function called is returned as `error`, thrown after the arrays' checks.
function readOptions(options, logitsAllowed) {
  if (options === undefined) return DEFAULTS;
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    throw new TypeError(`options must be an object such as { base: 2 } (got ${describe(options)})`);
  }
  for (const key of Object.keys(options)) {
    if (key !== 'base' && key !== 'normalize' && key !== 'logits' && key !== 'temperature') {
      throw new TypeError(`unknown option "${key}" (the options are ${OPTION_NAMES})`);
    }
  }
  // Own properties only; undefined (not null) means the default.
  const read = (key, fallback) => (Object.hasOwn(options, key) && options[key] !== undefined ? options[key] : fallback);
  const base = read('base', Math.E), normalize = read('normalize'), logits = read('logits', false);
  const temperature = read('temperature');
  if (typeof base !== 'number') throw new TypeError(`options.base must be a number (got ${describe(base)})`);
  if (normalize !== undefined && typeof normalize !== 'boolean') {
    throw new TypeError(`options.normalize must be true or false (got ${describe(normalize)})`);
  }
  if (typeof logits !== 'boolean') throw new TypeError(`options.logits must be true or false (got ${describe(logits)})`);
  if (temperature !== undefined && typeof temperature !== 'number') {
    throw new TypeError(`options.temperature must be a number (got ${describe(temperature)})`);
  }
  let error = null;
  if (logits && logitsAllowed !== true) {
    error = new TypeError(`${logitsAllowed || 'klTerms'} takes probabilities, not logits: drop options.logits`);
  }
  else if (logits && normalize !== undefined) error = new TypeError('options.normalize applies to probabilities, not to logits');
  else if (!logits && temperature !== undefined) error = new TypeError('options.temperature applies only with logits: true');
  return { base, normalize: normalize === undefined ? true : normalize, logits,
    temperature: temperature === undefined ? 1 : temperature, error };
}

// A short description of a bad argument for an error message; never throws.
function describe(v) {
  switch (typeof v) {
    case 'undefined': return 'undefined';
    case 'string': return `the string ${JSON.stringify(v.length > 20 ? v.slice(0, 20) + '…' : v)}`;
    case 'number': case 'boolean': return `the ${typeof v} ${v}`;
    case 'bigint': return `the bigint ${v}n`;
    case 'symbol': return 'a symbol';
    case 'function': return 'a function';
  }
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  let name;
  try {
    name = v.constructor?.name;
  } catch {} // eslint-disable-line no-empty
  if (typeof name !== 'string' || !name) return 'an object';
  return `${/^[AEIOU]/i.test(name) ? 'an' : 'a'} ${name}`;
}
