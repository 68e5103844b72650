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
 * With `{ logits: true, temperature }` the inputs are logits instead: see
 * {@link LogitOptions}. {@link klRows} and {@link measuresRows} compute a
 * batch of row pairs in one call; {@link allocPair} gives inputs in the wasm
 * memory that every function reads in place, without a copy.
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

/**
 * Options for probabilities or counts (the default). `logits` absent or
 * `false`; `temperature` is not allowed here (a TypeError: it applies only
 * to logits).
 */
export interface ProbabilityOptions {
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
  /** `false` (default): p and q are probabilities or counts. */
  logits?: false;
  /** Not with probabilities: `temperature` without `logits: true` is a TypeError. */
  temperature?: never;
}

/**
 * Options for logits: p and q are logits (any real numbers, e.g. a model's
 * outputs), and the measures are those of P = softmax(p/T) and
 * Q = softmax(q/T), computed stably in the core: the softmax is shifted by
 * the largest logit, so no finite logits overflow at any temperature (+-1000,
 * 1e300, even -Number.MAX_VALUE beside Number.MAX_VALUE), and
 * log(p_i/q_i) is formed from the logits' differences, so logits that differ
 * by a constant give KL exactly 0 (adding a constant to all logits changes
 * nothing).
 *
 * Special cases: `-Infinity` is the logit of probability 0 (a masked
 * outcome: it adds nothing to KL(P||Q), and makes KL(Q||P) Infinity where
 * the other side is not masked). NaN and `+Infinity` are RangeErrors
 * (`p[1] is NaN`, `p[0] is infinite (Infinity); a logit may be -Infinity
 * (probability 0), not +Infinity`), and so is a vector of -Infinity only
 * (`p: every logit is -Infinity`). `normalize` does not apply (a TypeError),
 * and {@link klTerms} does not take logits (a TypeError).
 */
export interface LogitOptions {
  /** Logarithm base, as for probabilities: `Math.E` (default), 2, 10, ... */
  base?: number;
  /** `true`: p and q are logits. */
  logits: true;
  /**
   * T in softmax(p/T), default 1: above 1 flattens P and Q, below 1
   * sharpens them. A finite number > 0, else a RangeError
   * (`options.temperature must be a finite number > 0 (got 0)`).
   */
  temperature?: number;
  /** Logits are not normalised: `normalize` with `logits: true` is a TypeError. */
  normalize?: never;
}

/** The options of every measure: for probabilities (the default) or for logits. */
export type Options = ProbabilityOptions | LogitOptions;

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
 * Probabilities only: `logits: true` is a TypeError (at run time: the
 * parameter stays `Options`, so that an `Options` value can be passed).
 */
export function klTerms(p: Distribution, q: Distribution, options?: Options): Float64Array;

/**
 * log(p_i/q_i) of p and q normalised, per outcome, in a new Float64Array: the
 * evidence one observation of outcome i carries for P against Q (its mean
 * under P is KL(P||Q)). -Infinity where p_i = 0 < q_i, Infinity where
 * q_i = 0 < p_i, 0 where both are 0. Accurate to a few ulps however close the
 * ratio is to 1. Probabilities only (`logits: true` is a TypeError).
 */
export function logRatios(p: Distribution, q: Distribution, options?: Options): Float64Array;

/**
 * Codeword lengths in bits of an optimal (Huffman) binary prefix code for p:
 * no prefix code has a smaller average length sum p_i l_i, which lies in
 * [H(P), H(P) + 1) with H in bits. 0 for an outcome of probability 0 (no
 * codeword) and for the only possible outcome (nothing need be sent). Ties go
 * by the outcomes' order, so the lengths depend on p alone.
 */
export function codeLengths(p: Distribution, options?: ProbabilityOptions): Uint32Array;

/** An optimal prefix code: its lengths and, per outcome, the codeword ('' where none). */
export interface PrefixCode {
  lengths: Uint32Array;
  /** The canonical code of those lengths: shorter words first, then by outcome; e.g. '0', '10', '11'. */
  codewords: string[];
}

/** {@link codeLengths} with the codewords of the canonical code of those lengths. */
export function prefixCode(p: Distribution, options?: ProbabilityOptions): PrefixCode;

/** Options of {@link sampler}: a seed, and how to read p. */
export interface SamplerOptions extends ProbabilityOptions {
  /** A whole number from 0 to 2^64 - 1 (default 0); pass a sampler's `state` to continue its stream. */
  seed?: number | bigint;
}

/** Draws outcomes of one distribution; see {@link sampler}. */
export interface Sampler {
  /** The number of outcomes. */
  readonly size: number;
  /** The position in the random stream: a sampler made with { seed: state } draws what this one would draw next. */
  readonly state: bigint;
  /** count (default 1) outcome indices drawn independently from p. */
  draw(count?: number): Uint32Array;
}

/**
 * A seeded sampler of the outcomes of p (normalised): SplitMix64 and
 * inversion of the cumulative sums, in the wasm core, so the same seed gives
 * the same draws in Node and in every browser. An outcome of probability 0 is
 * never drawn.
 */
export function sampler(p: Distribution, options?: SamplerOptions): Sampler;

/**
 * The log-likelihood ratio of P against Q after each draw: out[k] is the sum
 * of log(p/q) over draws[0..k], which grows like k KL(P||Q) when the draws
 * come from P and falls like -k KL(Q||P) when they come from Q. A draw
 * impossible under Q makes it Infinity from there on (under P, -Infinity).
 * A draw that is not an outcome index, or whose outcome has p = q = 0, or that
 * is impossible under P after one impossible under Q (or the reverse) is a
 * RangeError naming it (`draws[3] is 7: not an outcome ...`).
 */
export function evidencePath(p: Distribution, q: Distribution, draws: readonly number[] | Uint32Array, options?: ProbabilityOptions): Float64Array;

/** The three estimators of {@link klEstimates}, each a mean over the draws, with r = p/q at each draw. */
export interface KlEstimates {
  /** mean of log r: unbiased, can be negative. */
  k1: number;
  /** mean of (log r)^2 / 2: biased, low variance near P = Q (in the base's square). */
  k2: number;
  /** mean of 1/r - 1 + log r: unbiased, every term >= 0. */
  k3: number;
}

/**
 * Estimates of KL(P||Q) from outcomes drawn from P, as reinforcement-learning
 * and distillation code computes them (J. Schulman, "Approximating KL
 * divergence", 2020). Every draw must be an outcome with p > 0 (else a
 * RangeError naming it); at least one draw.
 */
export function klEstimates(p: Distribution, q: Distribution, draws: readonly number[] | Uint32Array, options?: ProbabilityOptions): KlEstimates;

/** A pair of values, one for P's code and one for Q's. */
export interface PerCode<T> {
  p: T;
  q: T;
}

/** What {@link messageLengths} returns. */
export interface MessageLengths {
  /** The codeword lengths in bits of the optimal prefix codes for P and for Q (those of {@link codeLengths}). */
  lengths: PerCode<Uint32Array>;
  /** bits.p[k]: the bits the first k + 1 draws take with P's code; bits.q likewise, Infinity from the first draw Q's code has no word for. */
  bits: PerCode<Float64Array>;
  /** The same divided by k + 1, in options.base (bits times log_b 2). */
  perSymbol: PerCode<Float64Array>;
  /** perSymbol.q[k] − perSymbol.p[k], from the whole numbers of bits: the extra length of the wrong code. */
  extra: Float64Array;
  /** Σ p̂ᵢℓᵢ of each code in options.base: the averages perSymbol settles on (H(P) ≤ expected.p < H(P) + 1 bit). */
  expected: PerCode<number>;
}

/**
 * The draws (outcomes of P) written as a message with the optimal prefix code
 * for P and with the one for Q. Every draw must be an outcome with p > 0.
 */
export function messageLengths(p: Distribution, q: Distribution, draws: readonly number[] | Uint32Array, options?: ProbabilityOptions): MessageLengths;

/** How many draws are each outcome 0 … size − 1, and those counts over the number of draws (NaN with no draws). */
export function drawCounts(draws: readonly number[] | Uint32Array, size: number): { counts: Uint32Array; shares: Float64Array };

/** The mean, the sample standard deviation (0 for one value) and the standard error spread/√count. */
export interface Summary {
  mean: number;
  spread: number;
  error: number;
}

/** {@link Summary} of a list of numbers, from compensated sums; a NaN or an empty list is a RangeError. */
export function summary(values: readonly number[] | Float64Array): Summary;

/** Options of {@link evidenceRuns}: those of the probability functions, and the test's. */
export interface EvidenceRunsOptions extends ProbabilityOptions {
  /** A run stops when its odds for the side drawn from reach this, > 1 (default 19). */
  odds?: number;
  /** The side the runs are drawn from: 'p' (default) or 'q'. */
  toward?: 'p' | 'q';
  /**
   * Increasing numbers of draws, from 1 to a run's length: each path is given only after these
   * (paths[r][j] = L after at[j] draws), e.g. a chart's points. Default: after every draw.
   */
  at?: readonly number[] | Uint32Array;
}

/** What {@link evidenceRuns} returns, in options.base. */
export interface EvidenceRuns {
  /** Each run's {@link evidencePath} (only at options.at, if given): views of one Float64Array, row after row. */
  paths: Float64Array[];
  /** The runs' mean at each step (NaN where some runs went to +Infinity and others to -Infinity). */
  mean: Float64Array;
  /** When each run stopped (the number of draws), 0 if not within its draws. */
  stops: Uint32Array;
  /** Lₙ/n over the runs: in expectation KL(P‖Q) from P, −KL(Q‖P) from Q. */
  slope: Summary;
  /** ±log(odds): the line a run stops at. */
  threshold: number;
  /** log(odds) / KL of the side drawn from against the other: Wald's mean stopping time. */
  wald: number;
  /** How many runs stopped. */
  stopped: number;
  /** Their mean stopping time; NaN if none stopped. */
  meanStop: number;
}

/**
 * Runs of draws (equally long) from P or from Q, watched by a sequential test
 * that stops a run when its log-likelihood ratio Σ log(p/q) first reaches
 * log(odds) for the side drawn from.
 */
export function evidenceRuns(p: Distribution, q: Distribution, runs: ReadonlyArray<readonly number[] | Uint32Array>, options?: EvidenceRunsOptions): EvidenceRuns;

/**
 * A histogram of whole numbers (0, "never", is left out) from 1 to the largest, in at
 * most `bins` bins of one whole width: bin b holds starts[b] … starts[b] + width − 1.
 */
export function histogram(values: readonly number[] | Uint32Array, bins: number): { starts: number[]; width: number; counts: Uint32Array };

/** The seven measures of every row pair, returned by {@link measuresRows}: one value per row in each. */
export interface MeasuresRows {
  /** H(P_r) of each row r */
  entropyP: Float64Array;
  /** H(Q_r) */
  entropyQ: Float64Array;
  /** H(P_r,Q_r); Infinity where q = 0 < p in that row. */
  crossEntropyPQ: Float64Array;
  /** H(Q_r,P_r); Infinity where p = 0 < q in that row. */
  crossEntropyQP: Float64Array;
  /** KL(P_r||Q_r) */
  klPQ: Float64Array;
  /** KL(Q_r||P_r) */
  klQP: Float64Array;
  /** JS(P_r,Q_r) */
  js: Float64Array;
}

/**
 * KL(P_r||Q_r) of each row r of two row-major matrices, in a new Float64Array
 * of `p.length / cols` values: row r is entries r*cols .. r*cols + cols - 1,
 * one distribution (or, with `logits: true`, one vector of logits) per row,
 * and its value is what {@link kl} gives for that row alone.
 *
 * `cols` is a whole number >= 1 that divides p.length (else a RangeError:
 * `p has 9 entries, not a multiple of cols (2)`); p and q have the same
 * length. An entry at fault is named by row and column, `p[2][1] is negative
 * (-5)`, a whole row by its index, `row 1 of q sums to 0: every entry is
 * zero` or `row 1 of q: every logit is -Infinity`; the first row at fault is
 * reported.
 */
export function klRows(p: Distribution, q: Distribution, cols: number, options?: Options): Float64Array;

/**
 * The seven measures of each row pair of two row-major matrices (see
 * {@link klRows} for the layout and the errors), as seven Float64Arrays of
 * one value per row; row r's values are what {@link measures} gives for it.
 */
export function measuresRows(p: Distribution, q: Distribution, cols: number, options?: Options): MeasuresRows;

/** Options of {@link allocPair}. */
export interface AllocPairOptions {
  /** `true`: p and q are Float32Array (read as float by the core); default `false`, Float64Array. */
  float32?: boolean;
}

/**
 * Two arrays of `length` entries in the wasm memory, returned by
 * {@link allocPair}: fill `p` and `q` in place and pass them (or subarrays
 * of them) to any function, which reads them where they are, with no copy.
 *
 * Lifetime rules:
 * - Read `pair.p` and `pair.q` afresh after anything that may allocate in the
 *   wasm memory (another allocPair, a call whose copied-in input exceeds the
 *   64 KiB scratch region): when the memory grows, the getters return new
 *   views and older views are detached (length 0). The values are kept.
 * - Call `free()` once done; calling it again does nothing. After it, reading
 *   `pair.p` or `pair.q` throws a TypeError (`this pair was freed`), and
 *   passing a view kept from before is a TypeError (`p is a view of a freed
 *   allocPair() pair and cannot be an input`), even after a later pair took over
 *   its memory (a subarray of it cannot be told apart: do not keep one). A
 *   view of the wasm memory that no pair holds is refused with a TypeError.
 * - Results are never views: what a function returns stays valid after
 *   free().
 */
export interface WasmPair<A extends Float64Array | Float32Array = Float64Array> {
  /** The number of entries in each of p and q, as requested. */
  readonly length: number;
  /** P: a view into the wasm memory; read it afresh after the memory may have grown. */
  readonly p: A;
  /** Q: a view into the wasm memory; read it afresh after the memory may have grown. */
  readonly q: A;
  /** Releases the memory of p and q. Idempotent. */
  free(): void;
}

/**
 * Zero-copy input: allocates p and q of `length` entries each in the wasm
 * memory (their contents are not cleared). `length` is a whole number >= 1
 * (a RangeError otherwise, and also when the wasm memory, at most 2 GiB,
 * cannot hold 2 x length entries: `length is too large (got 1000000000000):
 * it needs 16000000000000 bytes, more than the wasm memory can give`). See
 * {@link WasmPair} for the lifetime rules; free() every pair.
 */
export function allocPair(length: number, options?: { float32?: false }): WasmPair<Float64Array>;
export function allocPair(length: number, options: { float32: true }): WasmPair<Float32Array>;
export function allocPair(length: number, options?: AllocPairOptions): WasmPair<Float64Array> | WasmPair<Float32Array>;

/** Diagnostics: the wasm memory size and the bytes currently allocated in it. */
export function memoryUsage(): { heapBytes: number; allocatedBytes: number };

// ---------------------------------------------------------------------------
// Parametric distributions: closed-form KL, entropy and cross-entropy.
// ---------------------------------------------------------------------------

/** N(mu, sigma^2): `sigma` is the standard deviation, a finite number > 0; `mu` finite. */
export interface Normal { family: 'normal'; mu: number; sigma: number }
/** log X ~ N(mu, sigma^2): `mu` and `sigma` (> 0) are those of the log. Support (0, inf). */
export interface LogNormal { family: 'logNormal'; mu: number; sigma: number }
/** Density rate * exp(-rate x) on [0, inf); `rate` > 0 (mean 1/rate). */
export interface Exponential { family: 'exponential'; rate: number }
/** Density rate^shape x^(shape-1) exp(-rate x) / Gamma(shape) on (0, inf); `shape`, `rate` > 0. */
export interface Gamma { family: 'gamma'; shape: number; rate: number }
/** Density x^(alpha-1) (1-x)^(beta-1) / B(alpha, beta) on (0, 1); `alpha`, `beta` > 0. */
export interface Beta { family: 'beta'; alpha: number; beta: number }
/** Uniform on [low, high]; both finite, low < high. */
export interface Uniform { family: 'uniform'; low: number; high: number }
/** Density exp(-|x - loc| / scale) / (2 scale); `scale` > 0. */
export interface Laplace { family: 'laplace'; loc: number; scale: number }
/** Density 1 / (pi scale (1 + ((x - loc)/scale)^2)); `scale` > 0. No mean, no variance. */
export interface Cauchy { family: 'cauchy'; loc: number; scale: number }
/**
 * N(mean, cov) in k dimensions: `mean` has k finite entries; `cov` is k x k,
 * symmetric (within 1e-12 relative) and positive definite (checked by a
 * Cholesky factorisation), given as k rows of k numbers or as k*k numbers in
 * row-major order (an array or a Float64Array). k from 1 to 512.
 */
export interface MultivariateNormal {
  family: 'multivariateNormal';
  mean: readonly number[] | Float64Array;
  cov: readonly (readonly number[])[] | readonly number[] | Float64Array;
}
/** Dirichlet(alpha) on the (k-1)-simplex: k >= 2 entries, each finite and > 0. */
export interface Dirichlet { family: 'dirichlet'; alpha: readonly number[] | Float64Array }
/** P(X = 1) = p, P(X = 0) = 1 - p; p in [0, 1]. */
export interface Bernoulli { family: 'bernoulli'; p: number }
/** Successes in n trials of probability p: n a whole number >= 0 (up to 2^53), p in [0, 1]. */
export interface Binomial { family: 'binomial'; n: number; p: number }
/** P(X = k) = rate^k exp(-rate) / k!; `rate` finite and >= 0 (0: always 0). */
export interface Poisson { family: 'poisson'; rate: number }
/** Failures before the first success: P(X = k) = (1-p)^k p for k = 0, 1, 2, ...; p in (0, 1]. */
export interface Geometric { family: 'geometric'; p: number }
/** P(X = i) = probs[i] / sum(probs): entries finite and >= 0, not all 0 (like the discrete functions). */
export interface Categorical { family: 'categorical'; probs: Distribution }

/** A parametric distribution: an object with a `family` and that family's parameters, all required. */
export type Dist =
  | Normal | LogNormal | Exponential | Gamma | Beta | Uniform | Laplace | Cauchy
  | MultivariateNormal | Dirichlet
  | Bernoulli | Binomial | Poisson | Geometric | Categorical;

/** Options of the *Dist functions. */
export interface DistOptions {
  /** Logarithm base: `Math.E` (default) gives nats, 2 bits. Finite, > 0, not 1. */
  base?: number;
}

/**
 * KL(P||Q) in closed form (differential for the continuous families, Shannon
 * for the discrete ones), accurate to ~1e-14 relative, also for nearly equal
 * P and Q (KL(N(0.5,1) || N(0.5000001,1)) = 5e-15 to full precision).
 *
 * Pairs: P and Q of the same family (binomials with the same n; categoricals,
 * multivariate normals and Dirichlets of the same length); and the cross-family
 * pairs normal||laplace, laplace||normal, exponential||gamma,
 * gamma||exponential. Whenever the support of P is not inside that of Q the
 * result is `Infinity`, for any two continuous or any two discrete families
 * (uniform(0,2) || uniform(0,1), normal || exponential, binomial(5,p) ||
 * binomial(3,p), bernoulli(0.5) || bernoulli(0)). Any other pair is a
 * RangeError that names both families and suggests {@link klGrid};
 * a continuous with a discrete family is a RangeError too.
 *
 * Errors name the parameter: `TypeError: p.family must be one of normal,
 * logNormal, ... (got the string "gauss")`, `TypeError: p.sigma is missing (normal takes
 * mu and sigma)`, `TypeError: unknown parameter "sd" for normal (it takes mu
 * and sigma)`, `TypeError: q.rate must be a number (got the string "2")`,
 * `RangeError: p.sigma must be a finite number > 0 (got -1)`,
 * `RangeError: q.p must be a probability in [0, 1] (got 1.5)`,
 * `RangeError: p.low must be below p.high (got 2 and 1)`,
 * `RangeError: p.n must be a whole number from 0 to 2^53 (got 2.5)`,
 * `RangeError: p.cov is not positive definite (pivot 2 of 3 is -0.25)`,
 * `RangeError: p.cov is not symmetric (p.cov[0][1] = 0.5, p.cov[1][0] = 0.4)`,
 * `RangeError: p.mean[1] must be a finite number (got NaN)`,
 * `RangeError: p.alpha[2] must be a finite number > 0 (got 0)`,
 * `RangeError: p.cov must be 2 x 2 like p.mean (got 3 rows)`,
 * `RangeError: p and q differ in dimension (2 vs 3)`,
 * `RangeError: binomial p.n and q.n differ (3 vs 5): KL needs the same n (or p.n > q.n: Infinity)`,
 * `RangeError: no closed form for KL(gamma || normal): ... use klGrid`.
 */
export function klDist(p: Dist, q: Dist, options?: DistOptions): number;

/**
 * Entropy of P: differential entropy for the continuous families (may be
 * negative: a narrow density), Shannon entropy for the discrete ones.
 */
export function entropyDist(p: Dist, options?: DistOptions): number;

/** Cross-entropy H(P,Q) = H(P) + KL(P||Q), for the pairs {@link klDist} takes. */
export function crossEntropyDist(p: Dist, q: Dist, options?: DistOptions): number;

/**
 * log density (continuous families) or log probability (discrete families) of
 * `dist` at each x, in a new Float64Array: -Infinity outside the support
 * (and, for the discrete families, at non-integers). For the one-dimensional
 * families only: multivariateNormal, dirichlet and categorical are a RangeError.
 * x: a number or an array of numbers (NaN is a RangeError naming the index).
 */
export function logDensity(dist: Dist, x: number | readonly number[] | Float64Array | Float32Array): Float64Array;

/** The result of {@link klGrid}. */
export interface GridKL {
  /** KL(P||Q) by composite Simpson's rule on the grid. */
  kl: number;
  /**
   * |Simpson - trapezoid| on the same grid: an estimate of the quadrature
   * error, pessimistic where the integrand is smooth on the grid's scale.
   * It is not a bound: it does not see what lies outside the grid, kinks
   * between grid points (a Laplace peak), or the x^(a-1) ends of gamma and
   * beta densities on a uniform grid, where both rules err alike (grade the
   * grid towards such ends).
   */
  error: number;
}

/** Options of {@link klGrid}. */
export interface GridOptions {
  /** Logarithm base, as for the other functions. */
  base?: number;
  /**
   * `true` (default): p and q are divided by their integrals over the grid
   * first (each rule by its own integrals), so any nonnegative shapes work; the grid must
   * then cover the mass of Q as well as that of P (Q's mass outside it is
   * given to the inside). `false`: the integral of p log(p/q) as given
   * (not the Bregman form of the discrete kl with normalize: false), the
   * right choice for exact densities on a grid that covers P's mass only.
   */
  normalize?: boolean;
}

/**
 * KL(P||Q) of two densities sampled on the same grid: x strictly increasing
 * and finite (at least 3 points, need not be evenly spaced), p[i] and q[i]
 * the densities at x[i], finite and >= 0. Integrates q phi(p/q),
 * phi(t) = t log t - t + 1 >= 0 (so nearly equal densities keep their
 * digits), by composite Simpson's rule in its non-uniform form over pairs of
 * intervals; with an odd number of intervals the last one is integrated from
 * the parabola through the last three points. (On very uneven grids, where
 * Simpson's weights turn negative and large and its value comes out negative
 * or within the rounding of its terms, the trapezoid rule's is returned, with
 * `error` its magnitude.) q[i] = 0 < p[i] gives Infinity.
 * Errors: `x[3] is not above x[2] (0.5 <= 0.5)`, `x needs at least 3 points (got 2)`,
 * `x, p and q differ in length (5, 5, 4)`, `p is 0 at every point`, and for
 * single entries those of {@link kl} (`p[2] is negative (-1)`, `x[1] is NaN`).
 */
export function klGrid(x: Distribution, p: Distribution, q: Distribution, options?: GridOptions): GridKL;
