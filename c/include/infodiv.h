/* infodiv.h -- information measures of discrete distributions, and of
 * parametric ones (PARAMETRIC DISTRIBUTIONS, below).
 *
 * The one public header of the infodiv C core. No allocation, no global state:
 * the caller owns every buffer. Every function returns a status code
 * (INFODIV_OK or one of the errors below) and writes its result through a
 * pointer; on error the result is left untouched and, when `err` is not NULL,
 * *err says which argument and which entry is at fault. Errors are reported
 * in argument order: NULL pointers, n = 0, p's first bad entry (or its sum),
 * q's, then the base.
 *
 * DISTRIBUTIONS
 *   p and q are arrays of n >= 1 entries, each finite and >= 0 (-0.0 counts
 *   as 0), of `double` or, in the *_f32 functions, of `float` (read as double;
 *   every computation is in double).
 *
 * OPTIONS  (pass NULL for the defaults: base e, normalize on)
 *   base       logarithm base: any finite number > 0 and != 1. INFODIV_E gives
 *              nats, 2 bits, 10 hartleys. For a base below 1 every measure
 *              changes sign, because log(base) < 0.
 *   normalize  nonzero (default): p and q are rescaled, p^ = p / sum(p), as
 *              scipy.stats.entropy does, so counts work.
 *              zero: the values are used as given; each of p and q must then
 *              sum to 1 within INFODIV_SUM_TOLERANCE, else INFODIV_NOT_NORMALIZED.
 *              KL is then sum p log(p/q) - sum p + sum q, which is the KL
 *              divergence when the sums are equal and stays >= 0 otherwise.
 *
 * MEASURES  (p^, q^ the distributions after the option above; log in `base`)
 *   infodiv_entropy        H(P)   = -sum p^_i log p^_i
 *   infodiv_cross_entropy  H(P,Q) = -sum p^_i log q^_i
 *   infodiv_kl             KL(P||Q) = sum p^_i log(p^_i / q^_i)
 *   infodiv_js             JS(P,Q) = KL(P||M)/2 + KL(Q||M)/2, M = (P+Q)/2
 *                          (the divergence, not its square root; <= log 2)
 *   infodiv_measures       all seven of the above, both directions, at once
 *   infodiv_kl_terms       terms[i] = p^_i log(p^_i / q^_i), signed
 *
 * SPECIAL CASES
 *   0 log 0 = 0: an outcome with p_i = 0 contributes nothing, whatever q_i is.
 *   q_i = 0 < p_i: KL(P||Q), H(P,Q) and terms[i] are +infinity (-infinity for a
 *   base below 1, like every other value's sign). Zero-ness is
 *   judged on the inputs as given, so 1e-300 against 0 is infinite however
 *   large the other entries are. JS is always finite.
 *   KL(P||P) and JS(P,P) are exactly 0; KL and JS are never negative (base > 1).
 *
 * ACCURACY
 *   Relative error below 1e-12 against exact values of the measures of the
 *   exact binary inputs, measured on tests/fixtures/discrete.json (700-digit
 *   reference values), including KL below 1e-20 of nearly equal
 *   distributions, entropies near 0 of peaked distributions, counts, subnormal
 *   and huge (near DBL_MAX) entries, and n = 1e6. See discrete.c for methods.
 *
 * SPEED
 *   infodiv_kl first tries one pass over p and q (two lanes of WebAssembly
 *   SIMD when built with -msimd128, else plain C) with its own vectorised
 *   log; inputs that pass cannot vouch for to the accuracy above (ratios
 *   p_i/q_i beyond its range reduction, subnormal or near-overflow sums,
 *   q_i = 0 < p_i, totals whose difference would cancel, any bad value)
 *   take the general path, which also reports every error. Both agree
 *   within 1e-12 (tests/js/paths.test.js).
 *   infodiv_entropy, _cross_entropy, _js and _measures (so also the rows
 *   functions), with normalize on, likewise first try two passes (the sums,
 *   then every term from its own vectorised log; discrete_fast.h) and use
 *   a result only where a bound on its error is below 1e-13 of it; else
 *   (peaked or nearly equal distributions, entropies below about 0.003,
 *   zeros in p but not q or the reverse, subnormal or huge entries,
 *   normalize off, any bad value) the general path answers. Agreement within
 *   1e-12: tests/js/paths-measures.test.js. infodiv_measures equals
 *   infodiv_entropy and infodiv_cross_entropy exactly, whichever path runs.
 *   infodiv_kl_terms (normalize on) takes the same sums, then each term from
 *   the ratio reduction of KL, terms near p = q recomputed exactly from the
 *   double-double sums (same agreement test). infodiv_kl_logits and
 *   infodiv_measures_logits first try a pass with a vectorised exp after the
 *   maxima, under the same kind of bound (-inf logits, spreads beyond 700 T
 *   and cancelling results take the general path); the entropies and
 *   cross-entropies of logits come from one such pass of their own
 *   (H = log Z - sum e^a' x / Z), so infodiv_measures_logits(a, a) (entropy)
 *   and infodiv_cross_entropy_logits equal infodiv_measures_logits exactly;
 *   tests/js/paths-logits.test.js.
 */
#ifndef INFODIV_H
#define INFODIV_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define INFODIV_E             2.718281828459045 /* the double nearest e: natural logs, nats */
#define INFODIV_SUM_TOLERANCE 1e-6              /* allowed |sum - 1| when normalize is off */

/* Status codes. The values are stable: the JS binding relies on them. */
enum infodiv_status {
    INFODIV_OK = 0,
    INFODIV_EMPTY = 1,           /* n is 0 */
    INFODIV_NULL = 2,            /* a required pointer is NULL */
    INFODIV_NAN = 3,             /* an entry is NaN */
    INFODIV_NEGATIVE = 4,        /* an entry is below 0 (-infinity included) */
    INFODIV_INFINITE = 5,        /* an entry is +infinity */
    INFODIV_ZERO_SUM = 6,        /* every entry of a distribution is 0 */
    INFODIV_NOT_NORMALIZED = 7,  /* normalize is off and the sum is not 1 */
    INFODIV_BAD_BASE = 8,        /* base is not finite, or <= 0, or 1 */
    INFODIV_BAD_TEMPERATURE = 9, /* temperature is not finite, or <= 0 */
    /* parametric distributions and grids */
    INFODIV_BAD_FAMILY = 10,            /* family is not an enum infodiv_family */
    INFODIV_BAD_PARAMETER = 11,         /* a parameter is out of its range (err->param, ->index, ->value) */
    INFODIV_NOT_POSITIVE_DEFINITE = 12, /* a covariance is not (err->index: the pivot, ->value its square) */
    INFODIV_NOT_SYMMETRIC = 13,         /* cov[i][j] != cov[j][i] (err->index = i*k + j) */
    INFODIV_DIMENSION_MISMATCH = 14,    /* p and q differ in k, or binomials in n (err->value: q's) */
    INFODIV_NO_CLOSED_FORM = 15,        /* no formula here for this pair of families */
    INFODIV_SCRATCH_TOO_SMALL = 16,     /* scratch holds fewer than INFODIV_DIST_SCRATCH(k) doubles */
    INFODIV_NOT_INCREASING = 17,        /* grid: x[index] is not above x[index - 1] */
    INFODIV_TOO_FEW_POINTS = 18,        /* grid: fewer than 3 points */
    INFODIV_TOO_MANY_OUTCOMES = 19,     /* sampler: n above 2^32 - 1 (err->value: n) */
    INFODIV_BAD_DRAW = 20,              /* draws[index] is not an outcome the function admits (err->value: it) */
    INFODIV_BAD_ARGUMENT = 21           /* odds <= 1 or NaN, toward not +-1, bins 0 (err->arg, ->value) */
};

/* Which argument an error is about. */
enum infodiv_arg {
    INFODIV_ARG_NONE = 0,
    INFODIV_ARG_P = 1,
    INFODIV_ARG_Q = 2,
    INFODIV_ARG_BASE = 3,
    INFODIV_ARG_TEMPERATURE = 4,
    INFODIV_ARG_X = 5,      /* the grid, or the points of a density */
    INFODIV_ARG_DRAWS = 6,  /* the outcomes drawn, of evidence_path, kl_estimates and the SAMPLES functions */
    INFODIV_ARG_VALUES = 7, /* the values of infodiv_summary and infodiv_histogram */
    INFODIV_ARG_ODDS = 8    /* odds or toward of infodiv_evidence_runs; bins of infodiv_histogram */
};

typedef struct {
    double base;   /* logarithm base; INFODIV_E for nats */
    int normalize; /* nonzero: rescale p and q to sum 1 */
} infodiv_options;

#define INFODIV_OPTIONS_DEFAULT                                                                                        \
    {                                                                                                                  \
        INFODIV_E, 1                                                                                                   \
    }

/* Where an error is: filled in on error when the caller passes a non-NULL err. */
typedef struct {
    int arg;      /* an enum infodiv_arg */
    size_t index; /* the entry, for NAN, NEGATIVE, INFINITE; else 0 */
    double value; /* the entry; the sum for NOT_NORMALIZED; the base for BAD_BASE */
    int param;    /* parametric: which parameter, 1..4 = a, b, v, m of infodiv_dist; else 0 */
} infodiv_error;

/* The seven measures of infodiv_measures, in one struct. */
typedef struct {
    double entropy_p;        /* H(P) */
    double entropy_q;        /* H(Q) */
    double cross_entropy_pq; /* H(P,Q) = H(P) + KL(P||Q) */
    double cross_entropy_qp; /* H(Q,P) = H(Q) + KL(Q||P) */
    double kl_pq;            /* KL(P||Q) */
    double kl_qp;            /* KL(Q||P) */
    double js;               /* JS(P,Q) */
} infodiv_measure_set;

/* A one-line English meaning of a status code ("an entry is negative"). */
const char *infodiv_strerror(int status);

int infodiv_entropy(const double *p, size_t n, const infodiv_options *opt, double *result, infodiv_error *err);
int infodiv_cross_entropy(const double *p, const double *q, size_t n, const infodiv_options *opt, double *result,
                          infodiv_error *err);
int infodiv_kl(const double *p, const double *q, size_t n, const infodiv_options *opt, double *result,
               infodiv_error *err);
int infodiv_js(const double *p, const double *q, size_t n, const infodiv_options *opt, double *result,
               infodiv_error *err);
int infodiv_measures(const double *p, const double *q, size_t n, const infodiv_options *opt,
                     infodiv_measure_set *result, infodiv_error *err);
/* terms must hold n doubles; it may not overlap p or q. */
int infodiv_kl_terms(const double *p, const double *q, size_t n, const infodiv_options *opt, double *terms,
                     infodiv_error *err);

/* out[i] = log(p^_i/q^_i), the evidence outcome i carries for P against Q
 * (p^, q^: p and q normalised): -inf where p_i = 0 < q_i, +inf where
 * q_i = 0 < p_i, 0 where both are 0. Accurate to a few eps relative, for
 * ratios within 1e-28 of 1 as for 1e300 apart. out: n doubles. */
int infodiv_log_ratios(const double *p, const double *q, size_t n, const infodiv_options *opt, double *out,
                       infodiv_error *err);

/* CODES, DRAWS AND EVIDENCE (double input)
 *
 * infodiv_code_lengths: the codeword lengths, in bits, of an optimal
 *   (Huffman) binary prefix code for p: sum p^_i lengths_i is the least
 *   average length of any prefix code, and H(P) <= it < H(P) + 1 (bits).
 *   Outcomes with p_i = 0 get length 0 (no codeword); a single possible
 *   outcome gets 0 too (nothing need be sent). Ties are broken by the
 *   outcomes' order, so the lengths depend on p alone. opt: normalize only
 *   (the lengths do not depend on the scale). lengths: n; work: 2n doubles.
 *   O(n log n), in place (Moffat and Katajainen's method).
 * infodiv_sampler_init: cdf (n doubles) for infodiv_sampler_draw, the
 *   cumulative sums of p over its sum (also with normalize off, where that
 *   sum is 1 only within INFODIV_SUM_TOLERANCE), compensated, with 1 exactly from the last
 *   outcome of p > 0 on. n <= 2^32 - 1 (else INFODIV_TOO_MANY_OUTCOMES).
 * infodiv_sampler_draw: count outcomes drawn from that cdf (inversion: the
 *   first i with cdf[i] > u) with u = 53 random bits / 2^53 from SplitMix64
 *   on *state, which it advances: the same state gives the same draws on
 *   every platform. An outcome of p^ = 0 is never drawn (nor one below 2^-53
 *   of the total beside the others, the uniform's resolution).
 * infodiv_evidence_path: out[k] = sum over j <= k of log(p^/q^) at
 *   draws[j] (compensated): the log-likelihood ratio of the first k + 1
 *   draws, which grows like k KL(P||Q) when they come from P and falls like
 *   -k KL(Q||P) when they come from Q; +-inf once a draw is impossible
 *   under Q (resp. P). INFODIV_BAD_DRAW (arg INFODIV_ARG_DRAWS, index j):
 *   draws[j] >= n, an outcome with p = q = 0, or one impossible under the
 *   other law than an earlier one was. out: count doubles.
 * infodiv_kl_estimates: Schulman's ("Approximating KL divergence", 2020)
 *   estimators of KL(P||Q) from draws of P, with r = p^/q^ at each draw:
 *   out[0] = k1 = mean log r (unbiased), out[1] = k2 = mean (log r)^2 / 2,
 *   out[2] = k3 = mean (1/r - 1 - log(1/r)) (unbiased, every term >= 0),
 *   in opt->base (k2 in its square). count >= 1 (else INFODIV_EMPTY, arg
 *   INFODIV_ARG_DRAWS); every draw must have p > 0 (else INFODIV_BAD_DRAW). */
int infodiv_code_lengths(const double *p, size_t n, const infodiv_options *opt, unsigned *lengths, double *work,
                         infodiv_error *err);
int infodiv_sampler_init(const double *p, size_t n, const infodiv_options *opt, double *cdf, infodiv_error *err);
void infodiv_sampler_draw(const double *cdf, size_t n, uint64_t *state, size_t count, uint32_t *out);
int infodiv_evidence_path(const double *p, const double *q, size_t n, const infodiv_options *opt, const uint32_t *draws,
                          size_t count, double *out, infodiv_error *err);
int infodiv_kl_estimates(const double *p, const double *q, size_t n, const infodiv_options *opt, const uint32_t *draws,
                         size_t count, double out[3], infodiv_error *err);

/* SAMPLES: what runs of draws come to (double input; every count-long
 * output in opt->base unless said)
 *
 * infodiv_message_lengths: the draws (outcomes of P) written with the
 *   optimal prefix code for P and with the one for Q (lengths: 2n, those of
 *   infodiv_code_lengths of p, then of q). paths (NULL, or 5 rows of count):
 *   row 0 and 1 the bits the first k + 1 draws take with P's and with Q's
 *   code (whole numbers; Q's is +inf from the first draw with q_i = 0, for
 *   which Q's code has no word), rows 2 and 3 those bits per symbol (divided
 *   by k + 1, times log_b 2), row 4 Q's minus P's per symbol (from the whole
 *   numbers: exact but for one rounding). expected[0], [1]: sum p^_i l_i of
 *   each code, the averages rows 2 and 3 settle on (H(P) <= expected[0] <
 *   H(P) + 1 bit; expected[1] is +inf if P sends what Q has no word for).
 *   work: 2n doubles. INFODIV_BAD_DRAW: draws[j] >= n or p = 0 there; the
 *   errors of q name q.
 * infodiv_draw_counts: counts[i] = how many draws are outcome i, and (shares
 *   not NULL) shares[i] = counts[i] / count, the draws' empirical
 *   distribution (NaN for count = 0). INFODIV_BAD_DRAW: draws[j] >= n.
 * infodiv_summary: out = { mean, spread, error } of x: the mean, the sample
 *   standard deviation (n - 1 in the denominator; 0 for one value) and the
 *   standard error spread / sqrt(count), from compensated sums (two passes).
 *   An infinite value makes the mean infinite (NaN if both signs occur) and
 *   spread and error NaN. count = 0: INFODIV_EMPTY; a NaN: INFODIV_NAN (arg
 *   INFODIV_ARG_VALUES, its index). No base: the values' own unit.
 * infodiv_evidence_runs: `runs` runs of `count` draws each (draws: runs rows
 *   of count, row-major), from P (toward = 1) or from Q (toward = -1),
 *   watched by a sequential test that stops a run when its log-likelihood
 *   ratio L_k = sum log(p^/q^) first reaches toward log(odds) (odds > 1:
 *   19 stops at odds of 19 : 1). paths (runs x count): each row the
 *   infodiv_evidence_path of its run; mean (count): the runs' mean at each
 *   step (+-inf where a run is; NaN where runs are at +inf and -inf, which
 *   only draws from neither P nor Q can give); stops[r]: the k at which run r stopped, 0
 *   if not within count. *out: the slope (mean, spread and standard error
 *   over the runs of L_count / count, whose expectation is KL(P||Q) from P
 *   and -KL(Q||P) from Q), the threshold toward log(odds), Wald's mean
 *   stopping time log(odds) / KL of the law drawn from against the other
 *   (+inf for KL = 0), how many runs stopped and their mean stopping time
 *   (NaN if none). runs or count 0: INFODIV_EMPTY (arg INFODIV_ARG_DRAWS);
 *   draws as infodiv_evidence_path, err->index counted in the whole matrix;
 *   bad odds or toward: INFODIV_BAD_ARGUMENT (arg INFODIV_ARG_ODDS).
 * infodiv_histogram: the whole numbers in values from 1 up (0, "never", is
 *   left out) in bins of one whole width w = ceil(m / bins), m the largest
 *   value (at least 1): counts[b] (bins entries) holds the values from
 *   1 + b w to (b + 1) w; shape[0] = w, shape[1] = ceil(m / w) <= bins, the
 *   bins used (counts beyond are 0). bins = 0: INFODIV_BAD_ARGUMENT. */
typedef struct {
    double slope, slope_spread, slope_error; /* L_count / count over the runs */
    double threshold;                        /* toward log(odds), in opt->base */
    double wald;                             /* log(odds) / KL of the law drawn from */
    double stopped;                          /* how many runs stopped (a whole number) */
    double mean_stop;                        /* their mean stopping time; NaN if none */
} infodiv_evidence_summary;

int infodiv_message_lengths(const double *p, const double *q, size_t n, const infodiv_options *opt,
                            const uint32_t *draws, size_t count, unsigned *lengths, double *paths, double expected[2],
                            double *work, infodiv_error *err);
int infodiv_draw_counts(const uint32_t *draws, size_t count, size_t n, uint32_t *counts, double *shares,
                        infodiv_error *err);
int infodiv_summary(const double *x, size_t count, double out[3], infodiv_error *err);
int infodiv_evidence_runs(const double *p, const double *q, size_t n, const infodiv_options *opt, const uint32_t *draws,
                          size_t runs, size_t count, double odds, int toward, double *paths, double *mean,
                          uint32_t *stops, infodiv_evidence_summary *out, infodiv_error *err);
int infodiv_histogram(const uint32_t *values, size_t count, size_t bins, uint32_t *counts, uint32_t shape[2],
                      infodiv_error *err);

/* The same for float input; results are double. */
int infodiv_entropy_f32(const float *p, size_t n, const infodiv_options *opt, double *result, infodiv_error *err);
int infodiv_cross_entropy_f32(const float *p, const float *q, size_t n, const infodiv_options *opt, double *result,
                              infodiv_error *err);
int infodiv_kl_f32(const float *p, const float *q, size_t n, const infodiv_options *opt, double *result,
                   infodiv_error *err);
int infodiv_js_f32(const float *p, const float *q, size_t n, const infodiv_options *opt, double *result,
                   infodiv_error *err);
int infodiv_measures_f32(const float *p, const float *q, size_t n, const infodiv_options *opt,
                         infodiv_measure_set *result, infodiv_error *err);
int infodiv_kl_terms_f32(const float *p, const float *q, size_t n, const infodiv_options *opt, double *terms,
                         infodiv_error *err);
int infodiv_log_ratios_f32(const float *p, const float *q, size_t n, const infodiv_options *opt, double *out,
                           infodiv_error *err);

/* BATCHES: p and q hold rows x cols entries, row-major, one distribution per
 * row; out[r] is the measure of row r (the same as the single-row function
 * on p + r*cols, q + r*cols). Errors are those of the single-row function
 * for the first row that has one, with err->index counted in the whole
 * matrix (for a zero or unnormalised sum, the row's first entry); rows
 * before it are already written to out. rows = 0 or cols = 0: INFODIV_EMPTY. */
int infodiv_kl_rows(const double *p, const double *q, size_t rows, size_t cols, const infodiv_options *opt, double *out,
                    infodiv_error *err);
int infodiv_measures_rows(const double *p, const double *q, size_t rows, size_t cols, const infodiv_options *opt,
                          infodiv_measure_set *out, infodiv_error *err);
int infodiv_kl_rows_f32(const float *p, const float *q, size_t rows, size_t cols, const infodiv_options *opt,
                        double *out, infodiv_error *err);
int infodiv_measures_rows_f32(const float *p, const float *q, size_t rows, size_t cols, const infodiv_options *opt,
                              infodiv_measure_set *out, infodiv_error *err);

/* LOGITS: a and b are logits, P = softmax(a/T) and Q = softmax(b/T), computed
 * stably inside (shifted by the largest logit): exact for any finite logits at
 * any temperature, -DBL_MAX beside DBL_MAX included. -infinity is a logit of probability 0 (a masked outcome); NaN
 * and +infinity are errors (INFODIV_NAN, INFODIV_INFINITE), and so is a
 * vector of -infinity only (INFODIV_ZERO_SUM). t, the temperature, must be
 * finite and > 0 (INFODIV_BAD_TEMPERATURE). opt->normalize is ignored.
 * log(p_i/q_i) is formed from the logits' differences, so KL of logits that
 * differ by a constant is exactly 0 and tiny divergences keep their digits. */
int infodiv_kl_logits(const double *a, const double *b, size_t n, double t, const infodiv_options *opt, double *result,
                      infodiv_error *err);
int infodiv_measures_logits(const double *a, const double *b, size_t n, double t, const infodiv_options *opt,
                            infodiv_measure_set *result, infodiv_error *err);
/* H(P,Q) alone: the same value as measures_logits()' cross_entropy_pq. */
int infodiv_cross_entropy_logits(const double *a, const double *b, size_t n, double t, const infodiv_options *opt,
                                 double *result, infodiv_error *err);
int infodiv_kl_logits_rows(const double *a, const double *b, size_t rows, size_t cols, double t,
                           const infodiv_options *opt, double *out, infodiv_error *err);
int infodiv_measures_logits_rows(const double *a, const double *b, size_t rows, size_t cols, double t,
                                 const infodiv_options *opt, infodiv_measure_set *out, infodiv_error *err);
int infodiv_kl_logits_f32(const float *a, const float *b, size_t n, double t, const infodiv_options *opt,
                          double *result, infodiv_error *err);
int infodiv_measures_logits_f32(const float *a, const float *b, size_t n, double t, const infodiv_options *opt,
                                infodiv_measure_set *result, infodiv_error *err);
int infodiv_cross_entropy_logits_f32(const float *a, const float *b, size_t n, double t, const infodiv_options *opt,
                                     double *result, infodiv_error *err);
int infodiv_kl_logits_rows_f32(const float *a, const float *b, size_t rows, size_t cols, double t,
                               const infodiv_options *opt, double *out, infodiv_error *err);
int infodiv_measures_logits_rows_f32(const float *a, const float *b, size_t rows, size_t cols, double t,
                                     const infodiv_options *opt, infodiv_measure_set *out, infodiv_error *err);

/* PARAMETRIC DISTRIBUTIONS
 *
 * A distribution is a family and its parameters. The scalar ones go in a and
 * b, in this order; vectors (k entries) in v, a covariance (k*k, row-major)
 * in m. err->param names the parameter at fault: 1 = a, 2 = b, 3 = v, 4 = m
 * (err->index then the entry), 0 = none.
 *
 *   family                  a        b       v, m            support
 *   NORMAL                  mu       sigma                   R
 *   LOG_NORMAL              mu       sigma   (of log x)      (0, inf)
 *   EXPONENTIAL             rate                             (0, inf)
 *   GAMMA                   shape    rate                    (0, inf)
 *   BETA                    alpha    beta                    (0, 1)
 *   UNIFORM                 low      high                    [low, high]
 *   LAPLACE                 loc      scale                   R
 *   CAUCHY                  loc      scale                   R
 *   MULTIVARIATE_NORMAL                      mean, cov       R^k
 *   DIRICHLET                                alpha (k >= 2)  the simplex
 *   BERNOULLI               p                                {0, 1}
 *   BINOMIAL                n        p                       {0..n}
 *   POISSON                 rate                             {0, 1, ...}
 *   GEOMETRIC               p (failures before a success)    {0, 1, ...}
 *   CATEGORICAL                              probs           {0..k-1}
 *
 * Valid parameters: locations and mu finite; sigma, scale, rate (and gamma's
 * shape), alpha, beta finite and > 0; Poisson's rate finite and >= 0;
 * probabilities in [0, 1], geometric's in (0, 1]; n a whole number in
 * [0, 2^53]; low < high, both finite; cov symmetric (to 1e-12 of
 * sqrt(cov_ii cov_jj)) and positive definite (each pivot of its Cholesky
 * factorisation, done in double-double, above 1e-14 of its diagonal entry:
 * INFODIV_NOT_POSITIVE_DEFINITE names the first that is not); probs as the discrete
 * functions' p (normalised by opt->normalize). k >= 1 (>= 2 for DIRICHLET).
 *
 * MEASURES (log in opt->base; opt may be NULL)
 *   infodiv_dist_entropy   differential entropy of continuous families (can
 *                          be < 0), Shannon entropy of discrete ones
 *   infodiv_dist_kl        KL(P||Q), and H(P), H(P,Q) = H(P) + KL(P||Q)
 *   Pairs: the same family (binomials with equal n; vector families of equal
 *   k), and NORMAL||LAPLACE, LAPLACE||NORMAL, EXPONENTIAL||GAMMA,
 *   GAMMA||EXPONENTIAL. KL is +inf (and so is H(P,Q)) whenever the support of
 *   P is not inside that of Q, for any two continuous or two discrete
 *   one-dimensional families (UNIFORM(0,2)||UNIFORM(0,1), NORMAL||GAMMA,
 *   BINOMIAL with p's n > q's n, POISSON(1)||POISSON(0)). Other pairs:
 *   INFODIV_NO_CLOSED_FORM (binomials with p's n < q's n:
 *   INFODIV_DIMENSION_MISMATCH).
 *   Accuracy: for any parameters admitted above (scale and rate ratios from
 *   1e-300 to 1e300, shapes from 5e-324 to DBL_MAX, nearly equal P and Q
 *   included) KL is within 1e-13 relative (measured: ~1e-15) of its exact
 *   value wherever that lies in [1e-290, 1e290]; H(P) and H(P,Q) likewise,
 *   relative to the larger of their value and the size of their terms (a
 *   differential entropy crosses 0: log sigma + 1.42 at sigma = 0.242). KL is
 *   never negative, and +inf only where its exact value in nats exceeds
 *   DBL_MAX or the supports do not nest.
 *
 * SCRATCH  The multivariate normal needs INFODIV_DIST_SCRATCH(k) doubles of
 * scratch (two Cholesky factors); other families none (scratch may be NULL).
 *
 * DENSITY  infodiv_dist_log_density: log density (log probability for the
 * discrete families) at each of n points, -inf outside the support and at
 * non-integers of discrete families; one-dimensional families only (else
 * INFODIV_NO_CLOSED_FORM). A NaN point is INFODIV_NAN (arg INFODIV_ARG_X).
 *
 * GRID  infodiv_kl_grid: KL(P||Q) of densities p, q sampled at n >= 3 points
 * x, strictly increasing and finite. opt->normalize (default on) divides p and
 * q by their integrals first. Composite Simpson's rule in its non-uniform
 * form over pairs of intervals (the last interval of an odd count from the
 * parabola through the last three points) applied to q phi(p/q) >= 0;
 * error_estimate = |Simpson - trapezoid| of the same integrand. On very
 * uneven grids Simpson's weights turn negative and large; where its
 * integrals or its KL are then negative or within the rounding of its terms
 * (64 n eps sum |w term|), the trapezoid rule's KL, with error_estimate its
 * magnitude.
 */
enum infodiv_family {
    INFODIV_NORMAL = 1,
    INFODIV_LOG_NORMAL = 2,
    INFODIV_EXPONENTIAL = 3,
    INFODIV_GAMMA = 4,
    INFODIV_BETA = 5,
    INFODIV_UNIFORM = 6,
    INFODIV_LAPLACE = 7,
    INFODIV_CAUCHY = 8,
    INFODIV_MULTIVARIATE_NORMAL = 9,
    INFODIV_DIRICHLET = 10,
    INFODIV_BERNOULLI = 11,
    INFODIV_BINOMIAL = 12,
    INFODIV_POISSON = 13,
    INFODIV_GEOMETRIC = 14,
    INFODIV_CATEGORICAL = 15
};

typedef struct {
    int family;      /* an enum infodiv_family */
    double a, b;     /* the scalar parameters, in the order of the table */
    size_t k;        /* length of v; m is k x k */
    const double *v; /* mean, alpha or probs */
    const double *m; /* covariance, row-major */
} infodiv_dist;

#define INFODIV_DIST_SCRATCH(k) (2 * (k) * (k) + (k))

typedef struct {
    double entropy_p;        /* H(P) */
    double cross_entropy_pq; /* H(P,Q) */
    double kl_pq;            /* KL(P||Q) */
} infodiv_dist_measure_set;

typedef struct {
    double kl;             /* KL(P||Q) by Simpson's rule */
    double error_estimate; /* |Simpson - trapezoid| */
} infodiv_grid_result;

int infodiv_dist_entropy(const infodiv_dist *p, const infodiv_options *opt, double *scratch, size_t scratch_len,
                         double *result, infodiv_error *err);
int infodiv_dist_kl(const infodiv_dist *p, const infodiv_dist *q, const infodiv_options *opt, double *scratch,
                    size_t scratch_len, infodiv_dist_measure_set *result, infodiv_error *err);
int infodiv_dist_log_density(const infodiv_dist *d, const double *x, size_t n, double *out, infodiv_error *err);
int infodiv_kl_grid(const double *x, const double *p, const double *q, size_t n, const infodiv_options *opt,
                    infodiv_grid_result *result, infodiv_error *err);

#ifdef __cplusplus
}
#endif
#endif /* INFODIV_H */
