/**
 * infodiv: entropy, cross-entropy, Kullback-Leibler and Jensen-Shannon
 * divergence of discrete distributions, computed by a C core compiled to
 * WebAssembly. Call `await init()` once; every other function is synchronous.
 *
 * Inputs: `number[]`, `Float64Array`, `Float32Array` or another non-BigInt
 * typed array, e.g. `Uint32Array` counts. When p and q are both Float32Array
 * they are read as float by the core, never widened in JS; otherwise both are
 * read as double.
 * Entries must be finite and >= 0. By default p and q are normalised to sum 1,
 * as `scipy.stats.entropy` does, so counts work.
 *
 * Special cases: 0 log 0 = 0 (an outcome with p_i = 0 adds nothing);
 * q_i = 0 < p_i makes KL(P||Q) and H(P,Q) `Infinity`; KL(P||P) and JS(P,P)
 * are exactly 0; KL and JS are never negative for a base above 1.
 *
 * Errors: `TypeError` for a wrong type (`p[1] is not a number (got the string "0.2")`,
 * `unknown option "bases" (the options are base, normalize, logits and temperature)`), `RangeError` for a
 * bad value (`p[2] is negative (-0.1)`, `p and q differ in length (3 vs 4)`,
 * `p is empty`, `q sums to 0: every entry is zero`,
 * `options.base must be a finite number > 0 and not 1 (got 1)`). Type errors are
 * reported first (p, q, options), then value errors (p, q, base). An `Error` if
 * called before `init()` resolved. NaN is never returned; after an error the
 * library is usable as before.
 */

/** A distribution: probabilities or nonnegative counts. */
export type Distribution =
  | readonly number[]
  | Float64Array
  | Float32Array
  | Int8Array | Uint8Array | Uint8ClampedArray
  | Int16Array | Uint16Array | Int32Array | Uint32Array;

export interface Options {
  /**
   * Logarithm base: `Math.E` (default) gives nats, 2 bits, 10 hartleys.
   * Any finite number > 0 and not 1; below 1 every measure changes sign
   * (an infinite KL becomes -Infinity).
   */
  base?: number;
  /**
   * `true` (default): p and q are divided by their sums first.
   * `false`: used as given; each must then sum to 1 within 1e-6 (else a
   * RangeError), and KL is computed as sum p log(p/q) - sum p + sum q, which
   * is KL when the sums are equal and is never negative.
   */
  normalize?: boolean;
}

/** The seven measures returned by {@link measures}. */
export interface Measures {
  /** H(P) */
  entropyP: number;
  /** H(Q) */
  entropyQ: number;
  /** H(P,Q) = H(P) + KL(P||Q); Infinity where q_i = 0 < p_i. */
  crossEntropyPQ: number;
  /** H(Q,P) = H(Q) + KL(Q||P); Infinity where p_i = 0 < q_i. */
  crossEntropyQP: number;
  /** KL(P||Q); Infinity where q_i = 0 < p_i. */
  klPQ: number;
  /** KL(Q||P); Infinity where p_i = 0 < q_i. */
  klQP: number;
  /** Jensen-Shannon divergence (not its square root); at most log 2 in the chosen base. */
  js: number;
}

/** Loads the WebAssembly core; resolves when the other functions are usable. Calling it again is free. */
export function init(): Promise<void>;

/** Entropy H(P) = -sum p_i log p_i. 0 for a one-hot P; at most log n. */
export function entropy(p: Distribution, options?: Options): number;

/** Cross-entropy H(P,Q) = -sum p_i log q_i = H(P) + KL(P||Q). Infinity where q_i = 0 < p_i. */
export function crossEntropy(p: Distribution, q: Distribution, options?: Options): number;

/** Kullback-Leibler divergence KL(P||Q) = sum p_i log(p_i/q_i) >= 0. Infinity where q_i = 0 < p_i. */
export function kl(p: Distribution, q: Distribution, options?: Options): number;

/** Jensen-Shannon divergence KL(P||M)/2 + KL(Q||M)/2, M = (P+Q)/2: symmetric, finite, at most log 2. */
export function jsDivergence(p: Distribution, q: Distribution, options?: Options): number;

/** H(P), H(Q), H(P,Q), H(Q,P), KL(P||Q), KL(Q||P) and JS(P,Q) in one pass. */
export function measures(p: Distribution, q: Distribution, options?: Options): Measures;

/**
 * The per-outcome terms p_i log(p_i/q_i) of KL(P||Q), in a new Float64Array:
 * negative where p_i < q_i, 0 where p_i = 0, Infinity where q_i = 0 < p_i.
 */
export function klTerms(p: Distribution, q: Distribution, options?: Options): Float64Array;

/** Diagnostics: the wasm memory size and the bytes currently allocated in it. */
export function memoryUsage(): { heapBytes: number; allocatedBytes: number };
