/* What runs of draws come to: the length of a message written with two
 * prefix codes, the draws' counts, the summary of a list of values, the runs
 * of a sequential test on the log-likelihood ratio, and a histogram of whole
 * numbers. Built on the public functions (code lengths, KL) and evidence.h;
 * sums are compensated (Neumaier), so a mean of 10^6 values keeps its digits. */
#include <math.h>

#include "infodiv.h"
#include "evidence.h"
#include "exact.h"

#define LN2 0.6931471805599453094

/* A compensated sum of finite values, and how many +inf and -inf it met. */
typedef struct {
    double hi, lo;
    size_t plus, minus;
} sum;

static void sum_add(sum *s, double x)
{
    if (isinf(x)) {
        x > 0 ? s->plus++ : s->minus++;
        return;
    }
    double t = s->hi + x;
    s->lo += fabs(s->hi) >= fabs(x) ? (s->hi - t) + x : (x - t) + s->hi;
    s->hi = t;
}

/* The sum, +-inf if it met one sign of infinity, NaN if both. */
static double sum_value(const sum *s)
{
    if (s->plus && s->minus)
        return NAN;
    return s->plus ? INFINITY : s->minus ? -INFINITY : s->hi + s->lo;
}

static int fail(infodiv_error *err, int status, int arg, size_t index, double value)
{
    if (err) {
        err->arg = arg;
        err->index = index;
        err->value = value;
        err->param = 0;
    }
    return status;
}

/* log(base) for a valid base (1 exactly for INFODIV_E), else 0. */
static double ln_base_of(const infodiv_options *opt)
{
    double b = opt ? opt->base : INFODIV_E;
    if (!isfinite(b) || b <= 0 || b == 1)
        return 0;
    return b == INFODIV_E ? 1 : log(b);
}

/* sum p^_i l_i * log_b 2 over the outcomes P sends: +inf if one has no word
 * (has_word_i = 0). p^ = p / sum p, both scaled by a power of two first, so
 * entries near DBL_MAX cannot overflow the sums; with normalize off p^ = p. */
static double expected_length(const double *p, const double *has_word, const unsigned *lengths, size_t n,
                              const infodiv_options *opt, double bit)
{
    double largest = 0;
    for (size_t i = 0; i < n; i++)
        largest = p[i] > largest ? p[i] : largest;
    int exponent = 0;
    if (!opt || opt->normalize)
        frexp(largest, &exponent);
    sum s = { 0, 0, 0, 0 }, mass = { 0, 0, 0, 0 };
    for (size_t i = 0; i < n; i++) {
        if (p[i] == 0)
            continue;
        double scaled = ldexp(p[i], -exponent); /* exact but for entries 2^1074 times below the largest */
        sum_add(&mass, scaled);
        sum_add(&s, has_word[i] > 0 ? scaled * lengths[i] : INFINITY);
    }
    double total = opt && !opt->normalize ? 1 : sum_value(&mass);
    return sum_value(&s) / total * bit;
}

int infodiv_message_lengths(const double *p, const double *q, size_t n, const infodiv_options *opt,
                            const uint32_t *draws, size_t count, unsigned *lengths, double *paths, double expected[2],
                            double *work, infodiv_error *err)
{
    if (!q || !lengths || !expected || !work || (count && (!draws || !paths)))
        return fail(err, INFODIV_NULL, !q ? INFODIV_ARG_Q : INFODIV_ARG_NONE, 0, 0);
    int status = infodiv_code_lengths(p, n, opt, lengths, work, err);
    if (status)
        return status;
    if ((status = infodiv_code_lengths(q, n, opt, lengths + n, work, err))) {
        if (err && err->arg == INFODIV_ARG_P)
            err->arg = INFODIV_ARG_Q;
        return status;
    }
    double ln_base = ln_base_of(opt);
    if (ln_base == 0)
        return fail(err, INFODIV_BAD_BASE, INFODIV_ARG_BASE, 0, opt->base);
    for (size_t k = 0; k < count; k++)
        if (draws[k] >= n || p[draws[k]] == 0)
            return fail(err, INFODIV_BAD_DRAW, INFODIV_ARG_DRAWS, k, (double)draws[k]);
    double bit = LN2 / ln_base;
    expected[0] = expected_length(p, p, lengths, n, opt, bit);
    expected[1] = expected_length(p, q, lengths + n, n, opt, bit);
    double bits_p = 0, bits_q = 0; /* whole numbers below 2^53: exact */
    for (size_t k = 0; k < count; k++) {
        uint32_t i = draws[k];
        bits_p += lengths[i];
        bits_q = q[i] > 0 ? bits_q + lengths[n + i] : INFINITY;
        double symbols = (double)(k + 1);
        paths[k] = bits_p;
        paths[count + k] = bits_q;
        paths[2 * count + k] = bits_p / symbols * bit;
        paths[3 * count + k] = bits_q / symbols * bit;
        paths[4 * count + k] = (bits_q - bits_p) / symbols * bit;
    }
    return INFODIV_OK;
}

int infodiv_draw_counts(const uint32_t *draws, size_t count, size_t n, uint32_t *counts, double *shares,
                        infodiv_error *err)
{
    if ((count && !draws) || !counts)
        return fail(err, INFODIV_NULL, counts ? INFODIV_ARG_DRAWS : INFODIV_ARG_NONE, 0, 0);
    if (n == 0)
        return fail(err, INFODIV_EMPTY, INFODIV_ARG_P, 0, 0);
    for (size_t k = 0; k < count; k++)
        if (draws[k] >= n)
            return fail(err, INFODIV_BAD_DRAW, INFODIV_ARG_DRAWS, k, (double)draws[k]);
    for (size_t i = 0; i < n; i++)
        counts[i] = 0;
    for (size_t k = 0; k < count; k++)
        counts[draws[k]]++;
    if (shares)
        for (size_t i = 0; i < n; i++)
            shares[i] = count ? (double)counts[i] / (double)count : NAN;
    return INFODIV_OK;
}

/* The power of two the values are divided by so that the sum of count of
 * them cannot overflow: 0 unless the largest finite |x| is within count of
 * DBL_MAX. Only values 2^1074 below that scale lose bits in the division. */
static int sum_scale(const double *x, size_t count, size_t stride)
{
    double largest = 0;
    for (size_t k = 0; k < count; k++)
        if (isfinite(x[k * stride]) && fabs(x[k * stride]) > largest)
            largest = fabs(x[k * stride]);
    int exponent, bits = 0;
    frexp(largest, &exponent);
    while (bits < 64 && (count >> bits))
        bits++;
    return exponent + bits > 1022 ? exponent + bits - 1022 : 0;
}

/* The compensated sum of x[k * stride] * 2^-scale. */
static sum scaled_sum(const double *x, size_t count, size_t stride, int scale)
{
    double factor = ldexp(1, -scale); /* scale is at most 66: a normal number */
    sum s = { 0, 0, 0, 0 };
    for (size_t k = 0; k < count; k++)
        sum_add(&s, x[k * stride] * factor);
    return s;
}

/* The compensated sum of ((x[k * stride] * 2^-scale - mean) * 2^-by)^2, and
 * the largest |x * 2^-scale - mean| in *widest. */
static double squared_deviations(const double *x, size_t count, size_t stride, int scale, double mean, int by,
                                 double *widest)
{
    double factor = ldexp(1, -scale), half = ldexp(1, -by / 2), rest = ldexp(1, -by - -by / 2);
    sum s = { 0, 0, 0, 0 };
    double w = 0;
    for (size_t k = 0; k < count; k++) {
        double d = x[k * stride] * factor - mean;
        w = fmax(w, fabs(d));
        d = d * half * rest; /* two powers of two: 2^-by may not be a double */
        sum_add(&s, d * d);
    }
    *widest = w;
    return sum_value(&s);
}

/* Mean, spread and standard error of x[0], x[stride], ... (count values,
 * none NaN), from compensated sums (Neumaier): no overflow or underflow
 * anywhere in the double range. Two passes when the sums and the deviations
 * stay in range; otherwise the values are scaled by a power of two
 * (sum_scale) and the deviations by the largest, which costs one or two more. */
static void summarise(const double *x, size_t count, size_t stride, double out[3])
{
    int scale = 0;
    sum s = scaled_sum(x, count, stride, 0);
    if (!isfinite(s.hi + s.lo) && !s.plus && !s.minus) /* overflowed: all values are finite */
        s = scaled_sum(x, count, stride, scale = sum_scale(x, count, stride));
    double mean = sum_value(&s) / (double)count; /* scaled */
    out[0] = ldexp(mean, scale);
    if (!isfinite(mean)) {
        out[1] = out[2] = NAN;
        return;
    }
    int by = 0;
    double widest, squares = squared_deviations(x, count, stride, scale, mean, 0, &widest);
    if (isinf(widest) && scale == 0) { /* a deviation passed DBL_MAX where the sum did not: +-1.7e308 */
        scale = sum_scale(x, count, stride);
        mean = ldexp(mean, -scale);
        squares = squared_deviations(x, count, stride, scale, mean, 0, &widest);
    }
    if (widest > 0 && (widest < 0x1p-400 || widest > 0x1p400)) { /* d^2 may under- or overflow */
        frexp(widest, &by);
        squares = squared_deviations(x, count, stride, scale, mean, by, &widest);
    }
    double spread = count > 1 ? sqrt(squares / (double)(count - 1)) : 0;
    out[1] = ldexp(spread, scale + by);
    out[2] = ldexp(spread / sqrt((double)count), scale + by);
}

int infodiv_summary(const double *x, size_t count, double out[3], infodiv_error *err)
{
    if (!x || !out)
        return fail(err, INFODIV_NULL, x ? INFODIV_ARG_NONE : INFODIV_ARG_VALUES, 0, 0);
    if (count == 0)
        return fail(err, INFODIV_EMPTY, INFODIV_ARG_VALUES, 0, 0);
    for (size_t k = 0; k < count; k++)
        if (isnan(x[k]))
            return fail(err, INFODIV_NAN, INFODIV_ARG_VALUES, k, x[k]);
    summarise(x, count, 1, out);
    return INFODIV_OK;
}

/* The first k + 1 at which path reaches threshold (upwards for one > 0, downwards else), 0 if none. */
static uint32_t first_passage(const double *path, size_t count, double threshold)
{
    for (size_t k = 0; k < count; k++)
        if (threshold > 0 ? path[k] >= threshold : path[k] <= threshold)
            return (uint32_t)(k + 1);
    return 0;
}

enum { BLOCK = 64 }; /* steps summed together: each run's row is read BLOCK doubles at a time */

/* The compensated sums of BLOCK steps of every run, all finite: TwoSum
 * (exact.h), whose error term is exact, as sum_add's is, without a branch. */
static void finite_block_sums(const double *paths, size_t runs, size_t count, size_t width, double *hi, double *lo)
{
    for (size_t k = 0; k < width; k++)
        hi[k] = lo[k] = 0;
    for (size_t r = 0; r < runs; r++) {
        const double *x = paths + r * count;
        for (size_t k = 0; k < width; k++) {
            double err;
            hi[k] = two_sum(hi[k], x[k], &err);
            lo[k] += err;
        }
    }
}

/* mean[k]: the runs' mean at step k, from compensated sums. A path that is
 * infinite stays so, so when every path ends finite all its values are. */
static void step_means(const double *paths, size_t runs, size_t count, double *mean)
{
    int finite = 1;
    for (size_t r = 0; r < runs; r++)
        finite &= isfinite(paths[r * count + count - 1]) != 0;
    for (size_t k0 = 0; k0 < count; k0 += BLOCK) {
        size_t width = count - k0 < BLOCK ? count - k0 : BLOCK;
        if (finite) {
            double hi[BLOCK], lo[BLOCK];
            finite_block_sums(paths + k0, runs, count, width, hi, lo);
            for (size_t k = 0; k < width; k++)
                mean[k0 + k] = (hi[k] + lo[k]) / (double)runs;
            continue;
        }
        sum s[BLOCK] = { { 0, 0, 0, 0 } };
        for (size_t r = 0; r < runs; r++)
            for (size_t k = 0; k < width; k++)
                sum_add(&s[k], paths[r * count + k0 + k]);
        for (size_t k = 0; k < width; k++)
            mean[k0 + k] = sum_value(&s[k]) / (double)runs;
    }
}

/* The runs' paths, their mean, each run's stopping time and the slopes' summary. */
static int run_paths(const double *p, const double *q, size_t n, const infodiv_options *opt, const uint32_t *draws,
                     size_t runs, size_t count, double threshold, double *paths, double *mean, uint32_t *stops,
                     infodiv_evidence_summary *out, infodiv_error *err)
{
    int status = infodiv_evidence_rows(p, q, n, opt, draws, runs, count, paths, err);
    if (status)
        return status;
    for (size_t r = 0; r < runs; r++)
        stops[r] = first_passage(paths + r * count, count, threshold);
    step_means(paths, runs, count, mean);
    sum stopped = { 0, 0, 0, 0 };
    double n_stopped = 0, ends[3]; /* the mean, spread and error of L_count over the runs */
    for (size_t r = 0; r < runs; r++)
        if (stops[r])
            sum_add(&stopped, stops[r]), n_stopped++;
    summarise(paths + count - 1, runs, count, ends);
    out->slope = ends[0] / (double)count;
    out->slope_spread = ends[1] / (double)count;
    out->slope_error = ends[2] / (double)count;
    out->stopped = n_stopped;
    out->mean_stop = n_stopped ? sum_value(&stopped) / n_stopped : NAN;
    return INFODIV_OK;
}

int infodiv_evidence_runs(const double *p, const double *q, size_t n, const infodiv_options *opt, const uint32_t *draws,
                          size_t runs, size_t count, double odds, int toward, double *paths, double *mean,
                          uint32_t *stops, infodiv_evidence_summary *out, infodiv_error *err)
{
    if (!p || !q || !draws || !paths || !mean || !stops || !out)
        return fail(err, INFODIV_NULL, !p ? INFODIV_ARG_P : !q ? INFODIV_ARG_Q : INFODIV_ARG_NONE, 0, 0);
    if (runs == 0 || count == 0)
        return fail(err, INFODIV_EMPTY, INFODIV_ARG_DRAWS, 0, 0);
    if (!(odds > 1) || isinf(odds))
        return fail(err, INFODIV_BAD_ARGUMENT, INFODIV_ARG_ODDS, 0, odds);
    if (toward != 1 && toward != -1)
        return fail(err, INFODIV_BAD_ARGUMENT, INFODIV_ARG_ODDS, 1, toward);
    double kl, threshold;
    int status = toward == 1 ? infodiv_kl(p, q, n, opt, &kl, err) : infodiv_kl(q, p, n, opt, &kl, err);
    if (status) {
        if (err && toward == -1 && (err->arg == INFODIV_ARG_P || err->arg == INFODIV_ARG_Q))
            err->arg = INFODIV_ARG_P + INFODIV_ARG_Q - err->arg;
        return status;
    }
    threshold = toward * log(odds) / ln_base_of(opt);
    if ((status = run_paths(p, q, n, opt, draws, runs, count, threshold, paths, mean, stops, out, err)))
        return status;
    out->threshold = threshold;
    out->wald = toward * threshold / kl;
    return INFODIV_OK;
}

int infodiv_histogram(const uint32_t *values, size_t count, size_t bins, uint32_t *counts, uint32_t shape[2],
                      infodiv_error *err)
{
    if ((count && !values) || !counts || !shape)
        return fail(err, INFODIV_NULL, counts && shape ? INFODIV_ARG_VALUES : INFODIV_ARG_NONE, 0, 0);
    if (bins == 0)
        return fail(err, INFODIV_BAD_ARGUMENT, INFODIV_ARG_ODDS, 0, 0);
    uint32_t largest = 1;
    for (size_t k = 0; k < count; k++)
        largest = values[k] > largest ? values[k] : largest;
    uint32_t width = (uint32_t)((largest - 1) / bins + 1); /* ceil(largest / bins), no overflow */
    for (size_t b = 0; b < bins; b++)
        counts[b] = 0;
    for (size_t k = 0; k < count; k++)
        if (values[k] > 0)
            counts[(values[k] - 1) / width]++;
    shape[0] = width;
    shape[1] = (largest - 1) / width + 1;
    return INFODIV_OK;
}
