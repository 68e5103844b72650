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
// Views of the wasm memory, kept here because reading them from the module
// object is slow; growing the memory detaches them (byteLength 0), and
// heap() then reads the new ones.
let u8 = null, f64 = null, f32 = null, i32 = null, u32 = null;

function heap() {
  if (u8 === null || u8.byteLength === 0) {
    ({ HEAPU8: u8, HEAPF64: f64, HEAPF32: f32, HEAP32: i32, HEAPU32: u32 } = core);
  }
}

const SCRATCH_BYTES = 64 * 1024; // room for p and q of ~4000 doubles each (~2700 with klTerms)
// Region layout (bytes), matching the C structs on wasm32.
const OPTIONS_AT = 0; // infodiv_options { double base; int normalize; }
const ERROR_AT = 16; // infodiv_error { int arg; size_t index; double value; }
const RESULT_AT = 32; // double, or infodiv_measure_set (7 doubles)
const RESULT_BYTES = 56;
const ARRAYS_AT = 96; // p, then q, then terms

// enum infodiv_status and enum infodiv_arg of infodiv.h
const NAN = 3, NEGATIVE = 4, INFINITE = 5, ZERO_SUM = 6, NOT_NORMALIZED = 7, BAD_BASE = 8, BAD_TEMPERATURE = 9;
const ARG_P = 1;

/** Loads and instantiates the WebAssembly core. Safe to call many times. */
export function init() {
  loading ??= createInfodivCore().then((module) => {
    scratch = module._malloc(SCRATCH_BYTES);
    if (!scratch) throw new Error('could not reserve the scratch region');
    core = module;
    for (const name of Object.keys(module)) {
      if (name.startsWith('_infodiv_')) functions[name.slice(9)] = module[name];
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
  if (o.logits) return measuresOf(call(o, 'measures_logits', p, p, k, 56)).entropyP;
  return readNumber(call(o, 'entropy', p, undefined, k, 8));
}

/** H(P,Q) = -sum p log q: the cost of coding P with a code built for Q. */
export function crossEntropy(p, q, options) {
  const k = kinds(p, q, true), o = readOptions(options, true);
  if (o.logits) return measuresOf(call(o, 'measures_logits', p, q, k, 56)).crossEntropyPQ;
  return readNumber(call(o, 'cross_entropy', p, q, k, 8));
}

/** KL(P||Q) = sum p log(p/q). */
export function kl(p, q, options) {
  const k = kinds(p, q, true), o = readOptions(options, true);
  return readNumber(call(o, o.logits ? 'kl_logits' : 'kl', p, q, k, 8));
}

/** Jensen-Shannon divergence: KL(P||M)/2 + KL(Q||M)/2 with M = (P+Q)/2. */
export function jsDivergence(p, q, options) {
  const k = kinds(p, q, true), o = readOptions(options, true);
  if (o.logits) return measuresOf(call(o, 'measures_logits', p, q, k, 56)).js;
  return readNumber(call(o, 'js', p, q, k, 8));
}

/** All seven measures of P and Q, computed in one pass. */
export function measures(p, q, options) {
  const k = kinds(p, q, true), o = readOptions(options, true);
  return measuresOf(call(o, o.logits ? 'measures_logits' : 'measures', p, q, k, 56));
}

/** The per-outcome terms p_i log(p_i/q_i) of KL(P||Q), as a new Float64Array. */
export function klTerms(p, q, options) {
  const k = kinds(p, q, true), o = readOptions(options, false);
  return call(o, 'kl_terms', p, q, k, -1, (at, n) => f64.slice(at / 8, at / 8 + n));
}

/** KL(P_r||Q_r) of each row r of two row-major rows x cols matrices, as a Float64Array. */
export function klRows(p, q, cols, options) {
  const k = kinds(p, q, true), o = readOptions(options, true);
  if (cols === undefined) throw new TypeError('cols, the length of each row, is missing');
  return call(o, o.logits ? 'kl_logits_rows' : 'kl_rows', p, q, k, 8, (at, rows) => f64.slice(at / 8, at / 8 + rows), cols);
}

/** The seven measures of each row pair, as seven Float64Arrays of one value per row. */
export function measuresRows(p, q, cols, options) {
  const k = kinds(p, q, true), o = readOptions(options, true);
  if (cols === undefined) throw new TypeError('cols, the length of each row, is missing');
  return call(o, o.logits ? 'measures_logits_rows' : 'measures_rows', p, q, k, 56, (at, rows) => {
    const columns = MEASURE_NAMES.map(() => new Float64Array(rows));
    for (let r = 0, i = at / 8; r < rows; r++, i += 7) {
      for (let m = 0; m < 7; m++) columns[m][r] = f64[i + m];
    }
    return Object.fromEntries(MEASURE_NAMES.map((name, m) => [name, columns[m]]));
  }, cols);
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
  if (!address) throw new RangeError(`allocPair(${length}) needs ${bytes} bytes, more than the wasm memory can give`);
  live.set(address, bytes);
  const views = [null, null];
  let freed = false;
  const view = (k) => {
    if (freed) throw new TypeError('this pair was freed: allocPair() a new one');
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
// then bad values (p, q, then the base or temperature: RangeError, the
// values checked by the C core).
function call(o, name, p, q, kinds, outBytes, readResult, cols) {
  const lib = ready();
  const rows = cols === undefined ? 1 : readCols(cols, p.length);
  const n = p.length;
  if (pairViews.has(p) && p.byteLength === 0) throw detached('p');
  if (q !== undefined && pairViews.has(q) && q.byteLength === 0) throw detached('q');
  if (n === 0) throw new RangeError('p is empty');
  if (q !== undefined && q.length !== n) throw new RangeError(`p and q differ in length (${n} vs ${q.length})`);
  if (o.error) throw o.error; // an option that is wrong only for this function

  const float = kinds === BOTH_F32;
  const width = float ? 4 : 8;
  heap();
  const memory = u8.buffer;
  const inPlaceP = inPlace(p, width, memory);
  const inPlaceQ = q === undefined ? 0 : inPlace(q, width, memory);
  // A pair's view of the other width is copied, from a snapshot: _malloc may detach it.
  if (!inPlaceP && p.buffer === memory) p = p.slice();
  if (!inPlaceQ && q !== undefined && q.buffer === memory) q = q.slice();
  const copied = (inPlaceP ? 0 : 1) + (q === undefined || inPlaceQ ? 0 : 1);
  const outSize = outBytes < 0 ? 8 * n : outBytes * rows;
  const bytes = ARRAYS_AT + copied * width * n + (outSize > RESULT_BYTES ? outSize : 0);
  const region = bytes <= SCRATCH_BYTES && !busy ? scratch : lib._malloc(bytes);
  if (!region) throw new RangeError(`p and q are too large for the wasm heap (${n} entries need ${bytes} bytes)`);
  const wasBusy = busy;
  busy = true;
  try {
    heap(); // _malloc may have grown the memory
    const into = float ? f32 : f64;
    let free = region + ARRAYS_AT, atP = inPlaceP, atQ = inPlaceQ;
    if (!atP) {
      into.set(p, free / width);
      atP = free;
      free += width * n;
    }
    if (!atQ && q !== undefined) {
      into.set(q, free / width);
      atQ = free;
      free += width * n;
    }
    const out = outSize > RESULT_BYTES ? free : region + RESULT_AT;
    let options = 0; // NULL: the defaults
    if (o !== DEFAULTS) {
      options = region + OPTIONS_AT;
      f64[options / 8] = o.base;
      i32[options / 4 + 2] = o.normalize ? 1 : 0;
    }
    const fn = functions[float ? `${name}_f32` : name];
    const error = region + ERROR_AT;
    let status;
    if (cols === undefined) {
      if (q === undefined) status = fn(atP, n, options, out, error);
      else if (o.logits) status = fn(atP, atQ, n, o.temperature, options, out, error);
      else status = fn(atP, atQ, n, options, out, error);
    } else if (o.logits) {
      status = fn(atP, atQ, rows, cols, o.temperature, options, out, error);
    } else {
      status = fn(atP, atQ, rows, cols, options, out, error);
    }
    if (status !== 0) throw statusError(status, error, o, cols);
    return readResult ? readResult(out, cols === undefined ? n : rows) : out;
  } finally {
    busy = wasBusy;
    if (region !== scratch) lib._free(region);
  }
}

// The address of a (Float64Array or Float32Array, per width) view into the
// wasm memory, within a live allocPair region, to be used in place; 0 for an
// array to copy in (a view of the other width).
function inPlace(a, width, memory) {
  const address = pairViews.get(a); // pair.p or pair.q itself: no search
  if (address !== undefined) return a.BYTES_PER_ELEMENT === width ? address : 0;
  if (a.buffer !== memory) return 0;
  if (freedViews.has(a)) throw new TypeError('a view of a freed allocPair() pair cannot be an input');
  const start = a.byteOffset, end = start + a.byteLength;
  for (const [address, bytes] of live) {
    if (start >= address && end <= address + bytes) return a.BYTES_PER_ELEMENT === width ? start : 0;
  }
  throw new TypeError('a view of infodiv\'s memory that no allocPair() holds (freed?) cannot be an input');
}

function detached(name) {
  return new TypeError(`${name} is an old view of an allocPair() pair, detached when the wasm memory grew: `
    + 'read pair.p and pair.q again after any call that may allocate');
}

function readCols(cols, length) {
  if (typeof cols !== 'number') throw new TypeError(`cols must be a number (got ${describe(cols)})`);
  if (!Number.isInteger(cols) || cols < 1) throw new RangeError(`cols must be a whole number >= 1 (got ${cols})`);
  if (length % cols !== 0) throw new RangeError(`p has ${length} entries, not a multiple of cols (${cols})`);
  return length / cols;
}

// The one place where a C status becomes a JS error naming the culprit.
function statusError(status, at, o, cols) {
  const arg = i32[at / 4];
  const index = u32[at / 4 + 1];
  const value = f64[at / 8 + 1];
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
    default: return new Error(`infodiv: unexpected status ${status}`);
  }
}

const ARRAY = 0, F64 = 1, F32 = 2, OTHER = 3;
const BOTH_F32 = F32 | (F32 << 2);

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
  if (a instanceof Float64Array) return F64; // the common cases first
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
  for (let i = 0; i < a.length; i++) {
    if (typeof a[i] !== 'number') throw new TypeError(`${name}[${i}] is not a number (got ${describe(a[i])})`);
  }
}

const DEFAULTS = { base: Math.E, normalize: true, logits: false, temperature: 1, error: null };
const OPTION_NAMES = 'base, normalize, logits and temperature';

// logitsAllowed: false for klTerms. An option that is wrong only for the
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
  if (logits && !logitsAllowed) error = new TypeError('klTerms takes probabilities, not logits: drop options.logits');
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
