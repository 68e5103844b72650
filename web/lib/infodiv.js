// infodiv: entropy, cross-entropy, KL and Jensen-Shannon divergence of
// discrete distributions, computed by the C core compiled to WebAssembly.
//
//   await init();              // once; later calls return the same promise
//   kl([0.6, 0.3, 0.1], [0.5, 0.4, 0.1]);   // 0.0230883... nats
//
// After init() every function is synchronous. Inputs are copied into one
// reusable scratch region of the wasm heap (no allocation per small call);
// results are plain numbers, objects or fresh Float64Arrays, never views.
import createInfodivCore from './infodiv-core.js';

let core = null; // the wasm module once init() has resolved
let loading = null; // the promise of init()
let scratch = 0; // address of the reusable region, SCRATCH_BYTES long
let busy = false; // a call is using the scratch region (an element getter may call back in)

const SCRATCH_BYTES = 64 * 1024; // room for p and q of ~4000 doubles each (~2700 with klTerms)
// Region layout (bytes), matching the C structs on wasm32.
const OPTIONS_AT = 0; // infodiv_options { double base; int normalize; }
const ERROR_AT = 16; // infodiv_error { int arg; size_t index; double value; }
const RESULT_AT = 32; // double, or infodiv_measure_set (7 doubles)
const ARRAYS_AT = 96; // p, then q, then terms

// enum infodiv_status and enum infodiv_arg of infodiv.h
const NAN = 3, NEGATIVE = 4, INFINITE = 5, ZERO_SUM = 6, NOT_NORMALIZED = 7, BAD_BASE = 8;
const ARG_P = 1, ARG_Q = 2;

/** Loads and instantiates the WebAssembly core. Safe to call many times. */
export function init() {
  loading ??= createInfodivCore().then((module) => {
    scratch = module._malloc(SCRATCH_BYTES);
    if (!scratch) throw new Error('could not reserve the scratch region');
    core = module;
  }).catch((cause) => {
    loading = null; // let a later init() try again
    throw new Error('infodiv: the WebAssembly core failed to load', { cause });
  });
  return loading;
}

/** H(P) = -sum p log p of p normalised to sum 1. */
export function entropy(p, options) {
  return run('entropy', [p], options, readNumber);
}

/** H(P,Q) = -sum p log q: the cost of coding P with a code built for Q. */
export function crossEntropy(p, q, options) {
  return run('cross_entropy', [p, q], options, readNumber);
}

/** KL(P||Q) = sum p log(p/q). */
export function kl(p, q, options) {
  return run('kl', [p, q], options, readNumber);
}

/** Jensen-Shannon divergence: KL(P||M)/2 + KL(Q||M)/2 with M = (P+Q)/2. */
export function jsDivergence(p, q, options) {
  return run('js', [p, q], options, readNumber);
}

/** All seven measures of P and Q, computed in one pass. */
export function measures(p, q, options) {
  return run('measures', [p, q], options, (at) => {
    const f64 = core.HEAPF64, i = at / 8;
    return {
      entropyP: f64[i], entropyQ: f64[i + 1], crossEntropyPQ: f64[i + 2],
      crossEntropyQP: f64[i + 3], klPQ: f64[i + 4], klQP: f64[i + 5], js: f64[i + 6],
    };
  });
}

/** The per-outcome terms p_i log(p_i/q_i) of KL(P||Q), as a new Float64Array. */
export function klTerms(p, q, options) {
  return run('kl_terms', [p, q], options, (at, n) => core.HEAPF64.slice(at / 8, at / 8 + n));
}

/** Diagnostics: size of the wasm memory and bytes allocated in it. */
export function memoryUsage() {
  const lib = ready();
  return { heapBytes: lib.HEAPU8.length, allocatedBytes: lib._infodiv_heap_in_use() >>> 0 };
}

function ready() {
  if (!core) throw new Error('infodiv is not initialised: call `await init()` first');
  return core;
}

// Validates the arguments, copies them into the wasm heap, calls the C
// function `infodiv_<name>` (or its _f32 twin), and reads the result.
// Errors follow one rule: wrong types first (p, q, options: TypeError), then
// bad values (p, q, base: RangeError, the values checked by the C core).
function run(name, arrays, options, readResult) {
  const lib = ready();
  const names = arrays.length === 1 ? ['p'] : ['p', 'q'];
  const kinds = arrays.map((a, k) => inputKind(a, names[k]));
  arrays.forEach((a, k) => kinds[k] === 'Array' && checkNumbers(a, names[k]));
  const { base, normalize } = readOptions(options);
  const n = arrays[0].length;
  if (n === 0) throw new RangeError('p is empty');
  if (arrays.length === 2 && arrays[1].length !== n) {
    throw new RangeError(`p and q differ in length (${n} vs ${arrays[1].length})`);
  }

  const f32 = kinds.every((kind) => kind === 'Float32Array');
  const width = f32 ? 4 : 8;
  const termsBytes = name === 'kl_terms' ? 8 * n : 0;
  const bytes = ARRAYS_AT + arrays.length * width * n + termsBytes;
  const region = bytes <= SCRATCH_BYTES && !busy ? scratch : lib._malloc(bytes);
  if (!region) {
    throw new RangeError(`p and q are too large for the wasm heap (${n} entries need ${bytes} bytes)`);
  }
  const wasBusy = busy;
  busy = true;
  try {
    const at = arrays.map((_, k) => region + ARRAYS_AT + k * width * n);
    // Heap views are read after _malloc, which may have grown the memory.
    arrays.forEach((a, k) => (f32 ? lib.HEAPF32 : lib.HEAPF64).set(a, at[k] / width));
    lib.HEAPF64[(region + OPTIONS_AT) / 8] = base;
    lib.HEAP32[(region + OPTIONS_AT + 8) / 4] = normalize ? 1 : 0;
    const out = name === 'kl_terms' ? region + ARRAYS_AT + 2 * width * n : region + RESULT_AT;
    const fn = lib[`_infodiv_${name}${f32 ? '_f32' : ''}`];
    const status = fn(...at, n, region + OPTIONS_AT, out, region + ERROR_AT);
    if (status !== 0) throw statusError(lib, status, region + ERROR_AT, names);
    return readResult(out, n);
  } finally {
    busy = wasBusy;
    if (region !== scratch) lib._free(region);
  }
}

function readNumber(at) {
  return core.HEAPF64[at / 8];
}

// The one place where a C status becomes a JS error naming the culprit.
function statusError(lib, status, at, names) {
  const arg = lib.HEAP32[at / 4];
  const index = lib.HEAPU32[at / 4 + 1];
  const value = lib.HEAPF64[at / 8 + 1];
  const who = arg === ARG_P ? names[0] : arg === ARG_Q ? names[1] : 'options.base';
  switch (status) {
    case NAN: return new RangeError(`${who}[${index}] is NaN`);
    case NEGATIVE: return new RangeError(`${who}[${index}] is negative (${value})`);
    case INFINITE: return new RangeError(`${who}[${index}] is infinite (${value})`);
    case ZERO_SUM: return new RangeError(`${who} sums to 0: every entry is zero`);
    case NOT_NORMALIZED:
      return new RangeError(`${who} sums to ${value}, not 1; with normalize: false `
        + `each distribution must sum to 1 (within 1e-6)`);
    case BAD_BASE:
      return new RangeError(`options.base must be a finite number > 0 and not 1 (got ${value})`);
    default: return new Error(`infodiv: unexpected status ${status}`);
  }
}

// 'Array', 'Float64Array', 'Float32Array' or another non-BigInt typed array.
function inputKind(a, name) {
  if (Array.isArray(a)) return 'Array';
  if (ArrayBuffer.isView(a) && !(a instanceof DataView)) {
    const kind = a[Symbol.toStringTag]; // works across realms, unlike instanceof
    if (!kind.startsWith('Big')) return kind;
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

function readOptions(options) {
  if (options === undefined) return { base: Math.E, normalize: true };
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    throw new TypeError(`options must be an object such as { base: 2 } (got ${describe(options)})`);
  }
  for (const key of Object.keys(options)) {
    if (key !== 'base' && key !== 'normalize') {
      throw new TypeError(`unknown option "${key}" (the options are base and normalize)`);
    }
  }
  // Own properties only; undefined (not null) means the default.
  const read = (key, fallback) => (Object.hasOwn(options, key) && options[key] !== undefined ? options[key] : fallback);
  const base = read('base', Math.E), normalize = read('normalize', true);
  if (typeof base !== 'number') throw new TypeError(`options.base must be a number (got ${describe(base)})`);
  if (typeof normalize !== 'boolean') {
    throw new TypeError(`options.normalize must be true or false (got ${describe(normalize)})`);
  }
  return { base, normalize };
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
