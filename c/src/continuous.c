/* Parametric distributions: entropy, KL and cross-entropy in closed form, log
 * densities, and KL of two densities sampled on a grid.
 *
 * Every KL here is written as a sum of nonnegative parts, as the discrete one
 * is (sum q phi(p/q)): r - 1 - log r (infodiv_log1p_rest), e^-t - 1 + t
 * (infodiv_expm1_rest), y phi(x/y) (phi.h) and the Bregman difference of
 * log-gamma (infodiv_lgamma_bregman). So KL of nearly equal parameters keeps
 * its digits (N(0.5, 1) against N(0.5 + 1e-7, 1): 5e-15 to full precision)
 * and is never negative. H(P,Q) is H(P) + KL(P||Q).
 */
#include "infodiv.h"

#include <float.h>
#include <math.h>

#include "phi.h"
#include "special.h"

#define LOG_2PI 1.8378770664093454836 /* log(2 pi) */
#define LOG_PI 1.1447298858494001741
#define LN2 0.6931471805599453094
#define SQRT_2_PI 0.79788456080286535588 /* sqrt(2/pi) */
#define SQRT1_2 0.70710678118654752440
#define MAX_WHOLE 9007199254740992.0 /* 2^53: binomial n up to here */
#define SYMMETRY_TOLERANCE 1e-12 /* |cov_ij - cov_ji| allowed, relative to sqrt(cov_ii cov_jj) */
#define SUM_ASYMPTOTIC 1e7 /* variance from which discrete entropies use their expansions */

enum { PARAM_NONE, PARAM_A, PARAM_B, PARAM_V, PARAM_M };

static int fail_param(infodiv_error *err, int status, int arg, int param, size_t index, double value)
{
    if (err) {
        err->arg = arg;
        err->index = index;
        err->value = value;
        err->param = param;
    }
    return status;
}

static int is_discrete(int family)
{
    return family >= INFODIV_BERNOULLI;
}

static int is_vector(int family)
{
    return family == INFODIV_MULTIVARIATE_NORMAL || family == INFODIV_DIRICHLET || family == INFODIV_CATEGORICAL;
}

/* ---- checking parameters ---- */

static int finite_param(double x, int arg, int param, infodiv_error *err)
{
    return isfinite(x) ? INFODIV_OK : fail_param(err, INFODIV_BAD_PARAMETER, arg, param, 0, x);
}

static int positive_param(double x, int arg, int param, infodiv_error *err)
{
    return x > 0 && x <= DBL_MAX ? INFODIV_OK : fail_param(err, INFODIV_BAD_PARAMETER, arg, param, 0, x);
}

static int probability_param(double x, int open_at_0, int arg, int param, infodiv_error *err)
{
    int ok = open_at_0 ? x > 0 && x <= 1 : x >= 0 && x <= 1;
    return ok ? INFODIV_OK : fail_param(err, INFODIV_BAD_PARAMETER, arg, param, 0, x);
}

/* Cholesky factor L (lower, row-major, k x k) of the symmetric matrix m,
 * after checking its entries and its symmetry. */
static int cholesky(const double *m, size_t k, double *l, int arg, infodiv_error *err)
{
    for (size_t i = 0; i < k * k; i++) {
        if (!isfinite(m[i]))
            return fail_param(err, INFODIV_BAD_PARAMETER, arg, PARAM_M, i, m[i]);
    }
    for (size_t i = 0; i < k; i++) {
        for (size_t j = 0; j < i; j++) {
            /* the roots apart: the product overflowed for variances of 1e200 (any asymmetry
             * passed) and underflowed for 1e-200 (any asymmetry failed); found by tests/fuzz */
            double scale = sqrt(fabs(m[i * k + i])) * sqrt(fabs(m[j * k + j]));
            if (fabs(m[i * k + j] - m[j * k + i]) > SYMMETRY_TOLERANCE * scale)
                return fail_param(err, INFODIV_NOT_SYMMETRIC, arg, PARAM_M, j * k + i, m[j * k + i]);
        }
    }
    for (size_t j = 0; j < k; j++) {
        double d = m[j * k + j];
        for (size_t c = 0; c < j; c++)
            d -= l[j * k + c] * l[j * k + c];
        /* relative test: a pivot lost to rounding is as singular as a negative one */
        if (!(d > 1e-14 * fabs(m[j * k + j])) || !(d > 0))
            return fail_param(err, INFODIV_NOT_POSITIVE_DEFINITE, arg, PARAM_M, j, d);
        double ljj = sqrt(d);
        l[j * k + j] = ljj;
        for (size_t i = j + 1; i < k; i++) {
            double s = m[i * k + j];
            for (size_t c = 0; c < j; c++)
                s -= l[i * k + c] * l[j * k + c];
            l[i * k + j] = s / ljj;
        }
        for (size_t i = 0; i < j; i++)
            l[i * k + j] = 0;
    }
    return INFODIV_OK;
}

/* Checks d's parameters; for MULTIVARIATE_NORMAL also factors its covariance
 * into l (k*k doubles), when l is not NULL. */
static int check_dist(const infodiv_dist *d, int arg, double *l, infodiv_error *err)
{
    int s;
    if (!d)
        return fail_param(err, INFODIV_NULL, arg, PARAM_NONE, 0, 0);
    switch (d->family) {
    case INFODIV_NORMAL:
    case INFODIV_LOG_NORMAL:
    case INFODIV_LAPLACE:
    case INFODIV_CAUCHY:
        if ((s = finite_param(d->a, arg, PARAM_A, err)))
            return s;
        return positive_param(d->b, arg, PARAM_B, err);
    case INFODIV_EXPONENTIAL:
        return positive_param(d->a, arg, PARAM_A, err);
    case INFODIV_GAMMA:
    case INFODIV_BETA:
        if ((s = positive_param(d->a, arg, PARAM_A, err)))
            return s;
        return positive_param(d->b, arg, PARAM_B, err);
    case INFODIV_UNIFORM:
        if ((s = finite_param(d->a, arg, PARAM_A, err)) || (s = finite_param(d->b, arg, PARAM_B, err)))
            return s;
        return d->a < d->b ? INFODIV_OK : fail_param(err, INFODIV_BAD_PARAMETER, arg, PARAM_A, 0, d->a);
    case INFODIV_BERNOULLI:
        return probability_param(d->a, 0, arg, PARAM_A, err);
    case INFODIV_GEOMETRIC:
        return probability_param(d->a, 1, arg, PARAM_A, err);
    case INFODIV_BINOMIAL:
        if (!(d->a >= 0 && d->a <= MAX_WHOLE && d->a == floor(d->a)))
            return fail_param(err, INFODIV_BAD_PARAMETER, arg, PARAM_A, 0, d->a);
        return probability_param(d->b, 0, arg, PARAM_B, err);
    case INFODIV_POISSON:
        return d->a >= 0 && d->a <= DBL_MAX ? INFODIV_OK : fail_param(err, INFODIV_BAD_PARAMETER, arg, PARAM_A, 0, d->a);
    case INFODIV_MULTIVARIATE_NORMAL:
    case INFODIV_DIRICHLET:
    case INFODIV_CATEGORICAL:
        if (d->k == 0)
            return fail_param(err, INFODIV_EMPTY, arg, PARAM_V, 0, 0);
        if (!d->v || (d->family == INFODIV_MULTIVARIATE_NORMAL && !d->m)) /* err->param: the one at fault (was v for m too) */
            return fail_param(err, INFODIV_NULL, arg, !d->v ? PARAM_V : PARAM_M, 0, 0);
        if (d->family == INFODIV_CATEGORICAL)
            return INFODIV_OK; /* the discrete functions check probs */
        if (d->family == INFODIV_DIRICHLET && d->k < 2)
            return fail_param(err, INFODIV_BAD_PARAMETER, arg, PARAM_V, 0, (double)d->k);
        for (size_t i = 0; i < d->k; i++) {
            int bad = d->family == INFODIV_DIRICHLET ? !(d->v[i] > 0 && d->v[i] <= DBL_MAX) : !isfinite(d->v[i]);
            if (bad)
                return fail_param(err, INFODIV_BAD_PARAMETER, arg, PARAM_V, i, d->v[i]);
        }
        if (d->family == INFODIV_MULTIVARIATE_NORMAL && l)
            return cholesky(d->m, d->k, l, arg, err);
        return INFODIV_OK;
    default:
        return fail_param(err, INFODIV_BAD_FAMILY, arg, PARAM_NONE, 0, d->family);
    }
}

/* ---- supports of the one-dimensional families ---- */

/* [lo, hi]: an interval of reals, or of integers for the discrete families,
 * narrowed to where the probability is (bernoulli(0) is {0}). */
typedef struct {
    double lo, hi;
} support;

static support support_of(const infodiv_dist *d)
{
    switch (d->family) {
    case INFODIV_LOG_NORMAL:
    case INFODIV_EXPONENTIAL:
    case INFODIV_GAMMA: return (support){ 0, INFINITY };
    case INFODIV_BETA: return (support){ 0, 1 };
    case INFODIV_UNIFORM: return (support){ d->a, d->b };
    case INFODIV_BERNOULLI: return (support){ d->a == 1 ? 1 : 0, d->a == 0 ? 0 : 1 };
    case INFODIV_BINOMIAL: return (support){ d->b == 1 ? d->a : 0, d->b == 0 ? 0 : d->a };
    case INFODIV_POISSON: return (support){ 0, d->a == 0 ? 0 : INFINITY };
    case INFODIV_GEOMETRIC: return (support){ 0, d->a == 1 ? 0 : INFINITY };
    default: return (support){ -INFINITY, INFINITY };
    }
}

/* ---- entropies, in nats ---- */

/* -p log p - (1-p) log(1-p), from the smaller of p and 1-p (exact for p >= 1/2). */
static double bernoulli_entropy(double p)
{
    double m = p <= 0.5 ? p : 1 - p;
    return m == 0 ? 0 : -m * log(m) - (1 - m) * log1p(-m);
}

/* y phi(x/y) = x log(x/y) - x + y >= 0, given the exact difference x - y.
 * Special case: x/y beyond DBL_MAX (y subnormal, as a Poisson rate of 1e-310
 *   can be) made phi(inf) = inf - inf = NaN, which hung entropy_by_sum() and
 *   turned KL into INFODIV_NO_CLOSED_FORM (found by tests/fuzz); and from
 *   x/y ~ 1e305 phi(x/y) overflows though y phi(x/y) ~ 700 x does not (a grid
 *   density of 1e-307 made kl_grid NaN). There log(x/y) > 690, so the direct
 *   form loses nothing to cancellation. */
static double bregman_term(double x, double y, double x_minus_y)
{
    if (y == 0)
        return x > 0 ? INFINITY : 0;
    double u = x_minus_y / y;
    if (u > 1e300)
        return x * ((log(x) - log(y)) - 1) + y;
    return y * phi(u);
}

/* log P(X = x) of Poisson(rate), x a whole number: Loader's form, with the
 * deviance rate phi(x/rate) instead of x log(x/rate) - x + rate, so large
 * rates keep full accuracy. */
static double poisson_log_pmf(double x, double rate)
{
    if (rate == 0)
        return x == 0 ? 0 : -INFINITY;
    if (x == 0)
        return -rate;
    return -infodiv_stirling_error(x) - bregman_term(x, rate, x - rate) - 0.5 * (LOG_2PI + log(x));
}

/* log P(X = x) of Binomial(n, p), x a whole number in [0, n], 0 < p < 1. */
static double binomial_log_pmf(double x, double n, double p)
{
    if (x == 0)
        return n * log1p(-p);
    if (x == n)
        return n * log(p);
    double q = 1 - p, y = n - x, np = n * p, nq = n * q;
    return infodiv_stirling_error(n) - infodiv_stirling_error(x) - infodiv_stirling_error(y)
           - bregman_term(x, np, x - np) - bregman_term(y, nq, y - nq) - 0.5 * (LOG_2PI + log(x) + log(y / n));
}

/* -sum P log P over whole numbers lo..hi, from the mode outwards until the
 * terms no longer matter (P falls off at least geometrically past the mode
 * of these unimodal laws), in compensated summation. */
static double entropy_by_sum(const infodiv_dist *d, double mode, double lo, double hi)
{
    double sum = 0, c = 0;
    for (int dir = 0; dir < 2; dir++) {
        for (double x = dir ? mode + 1 : mode; dir ? x <= hi : x >= lo; x += dir ? 1 : -1) {
            double lp = d->family == INFODIV_POISSON ? poisson_log_pmf(x, d->a) : binomial_log_pmf(x, d->a, d->b);
            double term = -exp(lp) * lp;
            double t = sum + term;
            c += fabs(sum) >= fabs(term) ? (sum - t) + term : (term - t) + sum;
            sum = t;
            if (!(lp >= -800) || (term < 1e-20 * sum && x != mode)) /* NaN too: never loop on */
                break;
        }
    }
    return sum + c;
}

/* Entropy of P (nats). MULTIVARIATE_NORMAL needs its Cholesky factor in l. */
static double entropy_nats(const infodiv_dist *d, const double *l)
{
    double a = d->a, b = d->b;
    switch (d->family) {
    case INFODIV_NORMAL: return 0.5 * (1 + LOG_2PI) + log(b);
    case INFODIV_LOG_NORMAL: return a + 0.5 * (1 + LOG_2PI) + log(b);
    case INFODIV_EXPONENTIAL: return 1 - log(a);
    case INFODIV_GAMMA: return infodiv_gamma_entropy_part(a) - log(b);
    case INFODIV_BETA: {
        /* lgamma(a) - (a-1) psi(a) = G(a) - a with G the gamma entropy part; the a's cancel exactly */
        double s = a + b;
        return infodiv_gamma_entropy_part(a) + infodiv_gamma_entropy_part(b) - infodiv_gamma_entropy_part(s)
               - infodiv_digamma(s);
    }
    case INFODIV_UNIFORM: return isfinite(b - a) ? log(b - a) : log(0.5 * b - 0.5 * a) + LN2;
    case INFODIV_LAPLACE: return 1 + LN2 + log(b);
    case INFODIV_CAUCHY: return 2 * LN2 + LOG_PI + log(b);
    case INFODIV_MULTIVARIATE_NORMAL: {
        double s = 0.5 * (double)d->k * (1 + LOG_2PI);
        for (size_t i = 0; i < d->k; i++)
            s += log(l[i * d->k + i]);
        return s;
    }
    case INFODIV_DIRICHLET: {
        double total = 0, c = 0, s = 0;
        for (size_t i = 0; i < d->k; i++) {
            double t = total + d->v[i];
            c += (total - t) + d->v[i]; /* entries > 0, the running total grows: Fast2Sum */
            total = t;
            s += infodiv_gamma_entropy_part(d->v[i]);
        }
        total += c;
        return s - infodiv_gamma_entropy_part(total) - (double)(d->k - 1) * infodiv_digamma(total);
    }
    case INFODIV_BERNOULLI: return bernoulli_entropy(a);
    case INFODIV_GEOMETRIC: return bernoulli_entropy(a) / a;
    case INFODIV_POISSON:
        if (a == 0)
            return 0;
        if (a >= SUM_ASYMPTOTIC) /* Evans and Boersma's expansion; the next term is O(rate^-4) */
            return 0.5 * (1 + LOG_2PI + log(a)) - (1.0 / 12 + (1.0 / 24 + 19.0 / 360 / a) / a) / a;
        return entropy_by_sum(d, floor(a), 0, INFINITY);
    case INFODIV_BINOMIAL: {
        if (b == 0 || b == 1 || a == 0)
            return 0;
        double var = a * b * (1 - b);
        if (var >= SUM_ASYMPTOTIC) { /* the Edgeworth expansion: -skewness^2 / 12, next term O(var^-2) */
            double skew = 1 - 2 * b;
            return 0.5 * (1 + LOG_2PI + log(var)) - skew * skew / (12 * var);
        }
        double mode = floor((a + 1) * b);
        return entropy_by_sum(d, mode > a ? a : mode, 0, a);
    }
    default: return NAN; /* not reached: checked before */
    }
}

/* ---- KL, in nats, for P and Q of one family (or the mixed pairs) ---- */

/* KL(Bernoulli(p) || Bernoulli(q)) = q phi(p/q) + (1-q) phi((1-p)/(1-q)). */
static double bernoulli_kl(double p, double q)
{
    return bregman_term(p, q, p - q) + bregman_term(1 - p, 1 - q, q - p);
}

/* KL(N(mp, sp) || N(mq, sq)) = ((r - 1 - log r) + ((mp - mq)/sq)^2) / 2, r = sp^2/sq^2. */
static double normal_kl(double mp, double sp, double mq, double sq)
{
    double r_minus_1 = ((sp - sq) / sq) * ((sp + sq) / sq), z = (mp - mq) / sq;
    return 0.5 * (infodiv_log1p_rest(r_minus_1) + z * z);
}

/* KL(Gamma(ap, bp) || Gamma(aq, bq)), shape and rate:
 * B(ap, aq - ap) + ap (u - log(1+u)) - (aq - ap) log(1+u), u = bq/bp - 1. */
static double gamma_kl(double ap, double bp, double aq, double bq)
{
    double d = aq - ap, u = (bq - bp) / bp;
    return infodiv_lgamma_bregman(ap, d) + ap * infodiv_log1p_rest(u) - d * log1p(u);
}

/* KL of two multivariate normals from the Cholesky factors lp, lq:
 * with M = lq^-1 lp (lower triangular) and y = lq^-1 (mp - mq),
 * 2 KL = tr(M M^T) - k - log det(M M^T) + |y|^2
 *      = sum_i (M_ii^2 - 1 - log M_ii^2) + sum_i>j M_ij^2 + |y|^2: all >= 0.
 * M overwrites lp; y uses the k doubles at y. */
static double mvn_kl(const infodiv_dist *p, const infodiv_dist *q, double *lp, const double *lq, double *y)
{
    size_t k = p->k;
    double s = 0;
    for (size_t c = 0; c < k; c++) { /* column c of M: forward substitution */
        for (size_t i = c; i < k; i++) {
            double v = lp[i * k + c];
            for (size_t j = c; j < i; j++)
                v -= lq[i * k + j] * lp[j * k + c];
            lp[i * k + c] = v / lq[i * k + i];
        }
    }
    for (size_t i = 0; i < k; i++) {
        double v = p->v[i] - q->v[i];
        for (size_t j = 0; j < i; j++)
            v -= lq[i * k + j] * y[j];
        y[i] = v / lq[i * k + i];
        double mii = lp[i * k + i];
        s += infodiv_log1p_rest((mii - 1) * (mii + 1)) + y[i] * y[i];
        for (size_t j = 0; j < i; j++)
            s += lp[i * k + j] * lp[i * k + j];
    }
    return 0.5 * s;
}

/* KL(Dir(a) || Dir(b)) = sum_i B(a_i, b_i - a_i) - B(a0, b0 - a0), B the
 * Bregman difference of lgamma, a0 = sum a_i. */
static double dirichlet_kl(const double *a, const double *b, size_t k)
{
    double s = 0, a0 = 0, d0 = 0;
    for (size_t i = 0; i < k; i++) {
        s += infodiv_lgamma_bregman(a[i], b[i] - a[i]);
        a0 += a[i];
        d0 += b[i] - a[i];
    }
    return s - infodiv_lgamma_bregman(a0, d0);
}

/* KL(P||Q) in nats for the pairs of one-dimensional families this file knows;
 * NAN for a pair it does not. Supports are already known to nest. */
static double kl_nats(const infodiv_dist *p, const infodiv_dist *q)
{
    double a = p->a, b = p->b, c = q->a, d = q->b;
    int fp = p->family, fq = q->family;
    if (fp == INFODIV_EXPONENTIAL && fq == INFODIV_GAMMA)
        return gamma_kl(1, a, c, d);
    if (fp == INFODIV_GAMMA && fq == INFODIV_EXPONENTIAL)
        return gamma_kl(a, b, 1, c);
    if (fp == INFODIV_NORMAL && fq == INFODIV_LAPLACE) {
        /* log(2 scale/sigma) + E|X - loc|/scale - log(2 pi e)/2, E|X - loc| of the normal folded */
        double z = (a - c) / b, ratio = b / d;
        double mean_abs = SQRT_2_PI * exp(-0.5 * z * z) + z * erf(z * SQRT1_2);
        return LN2 - log(ratio) + ratio * mean_abs - 0.5 * (1 + LOG_2PI);
    }
    if (fp == INFODIV_LAPLACE && fq == INFODIV_NORMAL) {
        /* log(sigma/(2 scale)) + (2 scale^2 + (loc - mu)^2)/(2 sigma^2) + log(2 pi)/2 - 1 */
        double ratio = b / d, z = (a - c) / d;
        return -log(2 * ratio) + ratio * ratio + 0.5 * z * z + 0.5 * LOG_2PI - 1;
    }
    if (fp != fq)
        return NAN;
    switch (fp) {
    case INFODIV_NORMAL:
    case INFODIV_LOG_NORMAL: return normal_kl(a, b, c, d);
    case INFODIV_EXPONENTIAL: return infodiv_log1p_rest((c - a) / a);
    case INFODIV_GAMMA: return gamma_kl(a, b, c, d);
    case INFODIV_BETA:
        return infodiv_lgamma_bregman(a, c - a) + infodiv_lgamma_bregman(b, d - b)
               - infodiv_lgamma_bregman(a + b, (c - a) + (d - b));
    case INFODIV_UNIFORM: /* nested: log(width_q/width_p), the difference of widths summed from >= 0 parts */
        return log1p(((d - b) + (a - c)) / (b - a));
    case INFODIV_LAPLACE: { /* (r - 1 - log r) + r (e^-t - 1 + t), r = bp/bq, t = |mp - mq|/bp */
        double r = b / d;
        return infodiv_log1p_rest((b - d) / d) + r * infodiv_expm1_rest(-fabs(a - c) / b);
    }
    case INFODIV_CAUCHY: { /* log(((sp + sq)^2 + dm^2) / (4 sp sq)) = log1p(((sp - sq)^2 + dm^2) / (4 sp sq)) */
        double g = 2 * sqrt(b) * sqrt(d), h = hypot((b - d) / g, (a - c) / g);
        return h < 1e150 ? log1p(h * h) : 2 * log(h);
    }
    case INFODIV_BERNOULLI: return bernoulli_kl(a, c);
    case INFODIV_BINOMIAL: return a == 0 ? 0 : a * bernoulli_kl(b, d);
    case INFODIV_POISSON: return bregman_term(a, c, a - c);
    case INFODIV_GEOMETRIC: return bernoulli_kl(a, c) / a;
    default: return NAN;
    }
}

static int read_ln_base(const infodiv_options *opt, double *ln_base, infodiv_error *err)
{
    double base = opt ? opt->base : INFODIV_E;
    if (!(base > 0 && base <= DBL_MAX && base != 1))
        return fail_param(err, INFODIV_BAD_BASE, INFODIV_ARG_BASE, PARAM_NONE, 0, base);
    *ln_base = base == INFODIV_E ? 1.0 : log(base);
    return INFODIV_OK;
}

static int scratch_for(const infodiv_dist *p, const infodiv_dist *q, size_t scratch_len, const double *scratch,
                       infodiv_error *err)
{
    if (p->family != INFODIV_MULTIVARIATE_NORMAL && (!q || q->family != INFODIV_MULTIVARIATE_NORMAL))
        return INFODIV_OK;
    size_t k = p->family == INFODIV_MULTIVARIATE_NORMAL ? p->k : q->k;
    if (q && q->family == INFODIV_MULTIVARIATE_NORMAL && q->k > k)
        k = q->k;
    if (k > 4096 || !scratch || scratch_len < INFODIV_DIST_SCRATCH(k))
        return fail_param(err, INFODIV_SCRATCH_TOO_SMALL, INFODIV_ARG_NONE, PARAM_NONE, 0, (double)scratch_len);
    return INFODIV_OK;
}

/* A categorical's probs through the discrete functions; their errors keep
 * their status and say which parameter. */
static int categorical(int status, infodiv_error *err)
{
    if (status != INFODIV_OK && err && status != INFODIV_BAD_BASE)
        err->param = PARAM_V;
    return status;
}

int infodiv_dist_entropy(const infodiv_dist *p, const infodiv_options *opt, double *scratch, size_t scratch_len,
                         double *result, infodiv_error *err)
{
    double ln_base;
    int s;
    if (!result)
        return fail_param(err, INFODIV_NULL, INFODIV_ARG_NONE, PARAM_NONE, 0, 0);
    if (!p)
        return fail_param(err, INFODIV_NULL, INFODIV_ARG_P, PARAM_NONE, 0, 0);
    if (p->family == INFODIV_CATEGORICAL && p->k > 0 && p->v)
        return categorical(infodiv_entropy(p->v, p->k, opt, result, err), err);
    if ((s = scratch_for(p, NULL, scratch_len, scratch, err)) || (s = check_dist(p, INFODIV_ARG_P, scratch, err))
        || (s = read_ln_base(opt, &ln_base, err)))
        return s;
    *result = entropy_nats(p, scratch) / ln_base;
    return INFODIV_OK;
}

int infodiv_dist_kl(const infodiv_dist *p, const infodiv_dist *q, const infodiv_options *opt, double *scratch,
                    size_t scratch_len, infodiv_dist_measure_set *result, infodiv_error *err)
{
    double ln_base, h, kl;
    int s;
    if (!result)
        return fail_param(err, INFODIV_NULL, INFODIV_ARG_NONE, PARAM_NONE, 0, 0);
    if (!p || !q)
        return fail_param(err, INFODIV_NULL, p ? INFODIV_ARG_Q : INFODIV_ARG_P, PARAM_NONE, 0, 0);
    if (p->family == INFODIV_CATEGORICAL && q->family == INFODIV_CATEGORICAL && p->k > 0 && q->k > 0 && p->v && q->v) {
        infodiv_measure_set m;
        if (p->k != q->k)
            return fail_param(err, INFODIV_DIMENSION_MISMATCH, INFODIV_ARG_Q, PARAM_V, p->k, (double)q->k);
        if ((s = categorical(infodiv_measures(p->v, q->v, p->k, opt, &m, err), err)))
            return s;
        *result = (infodiv_dist_measure_set){ m.entropy_p, m.cross_entropy_pq, m.kl_pq };
        return INFODIV_OK;
    }
    double *lp = scratch, *lq = NULL;
    if ((s = scratch_for(p, q, scratch_len, scratch, err)))
        return s;
    if (p->family == INFODIV_MULTIVARIATE_NORMAL && q->family == INFODIV_MULTIVARIATE_NORMAL)
        lq = scratch + p->k * p->k; /* p's factor, then q's, then y */
    else
        lp = scratch; /* only one of them needs a factor: none is computed for q */
    if ((s = check_dist(p, INFODIV_ARG_P, p->family == INFODIV_MULTIVARIATE_NORMAL ? lp : NULL, err))
        || (s = check_dist(q, INFODIV_ARG_Q, lq, err)) || (s = read_ln_base(opt, &ln_base, err)))
        return s;

    int fp = p->family, fq = q->family;
    if (is_vector(fp) || is_vector(fq)) {
        if (fp != fq)
            return fail_param(err, INFODIV_NO_CLOSED_FORM, INFODIV_ARG_Q, PARAM_NONE, 0, fq);
        if (p->k != q->k)
            return fail_param(err, INFODIV_DIMENSION_MISMATCH, INFODIV_ARG_Q, PARAM_V, p->k, (double)q->k);
        h = entropy_nats(p, lp);
        kl = fp == INFODIV_DIRICHLET ? dirichlet_kl(p->v, q->v, p->k) : mvn_kl(p, q, lp, lq, lq + p->k * p->k);
    } else {
        if (is_discrete(fp) != is_discrete(fq))
            return fail_param(err, INFODIV_NO_CLOSED_FORM, INFODIV_ARG_Q, PARAM_NONE, 0, fq);
        support sp = support_of(p), sq = support_of(q);
        h = entropy_nats(p, NULL);
        if (sp.lo < sq.lo || sp.hi > sq.hi) {
            kl = INFINITY;
        } else {
            if (fp == INFODIV_BINOMIAL && fq == INFODIV_BINOMIAL && p->a != q->a)
                return fail_param(err, INFODIV_DIMENSION_MISMATCH, INFODIV_ARG_Q, PARAM_A, 0, q->a);
            kl = kl_nats(p, q);
            if (isnan(kl))
                return fail_param(err, INFODIV_NO_CLOSED_FORM, INFODIV_ARG_Q, PARAM_NONE, 0, fq);
        }
    }
    double cross = kl == INFINITY ? kl : h + kl; /* not -inf + inf = NaN when h overflows (Gamma(shape 5e-324)) */
    if (fp == INFODIV_UNIFORM && fq == INFODIV_UNIFORM && isfinite(kl))
        cross = entropy_nats(q, NULL); /* -log of q's density, exactly: log 0.6 + log(1/0.6) is 1e-16, not 0 */
    result->entropy_p = h / ln_base;
    result->kl_pq = kl / ln_base;
    result->cross_entropy_pq = cross / ln_base;
    return INFODIV_OK;
}

/* ---- log densities ---- */

static double log_density(const infodiv_dist *d, double x)
{
    double a = d->a, b = d->b;
    int whole = x == floor(x) && x >= 0;
    switch (d->family) {
    case INFODIV_NORMAL: {
        double z = (x - a) / b;
        return -0.5 * z * z - log(b) - 0.5 * LOG_2PI;
    }
    case INFODIV_LOG_NORMAL: {
        if (!(x > 0))
            return -INFINITY;
        double z = (log(x) - a) / b;
        return -0.5 * z * z - log(b) - 0.5 * LOG_2PI - log(x);
    }
    case INFODIV_EXPONENTIAL: return x < 0 ? -INFINITY : log(a) - a * x;
    case INFODIV_GAMMA:
        if (x < 0 || x == INFINITY)
            return -INFINITY;
        if (x == 0)
            return a < 1 ? INFINITY : a == 1 ? log(b) : -INFINITY;
        return a * log(b) - infodiv_lgamma(a) + (a - 1) * log(x) - b * x;
    case INFODIV_BETA: {
        if (x < 0 || x > 1)
            return -INFINITY;
        if (x == 0 || x == 1) {
            double e = x == 0 ? a : b; /* the exponent + 1 at this end */
            if (e != 1)
                return e < 1 ? INFINITY : -INFINITY;
        }
        double lbeta = infodiv_lgamma(a) + infodiv_lgamma(b) - infodiv_lgamma(a + b);
        return (a == 1 ? 0 : (a - 1) * log(x)) + (b == 1 ? 0 : (b - 1) * log1p(-x)) - lbeta;
    }
    case INFODIV_UNIFORM: return x < a || x > b ? -INFINITY : -(isfinite(b - a) ? log(b - a) : log(0.5 * b - 0.5 * a) + LN2);
    case INFODIV_LAPLACE: return -fabs(x - a) / b - LN2 - log(b);
    case INFODIV_CAUCHY: {
        double z = (x - a) / b;
        if (fabs(z) < 1e150)
            return -LOG_PI - log(b) - log1p(z * z);
        /* log|z| from log|x - a| - log b: z itself overflows for x = DBL_MAX, b = 0.125
         * (was -inf; found by tests/fuzz); x - a halved first, as it may overflow too */
        return -LOG_PI - log(b) - 2 * ((log(fabs(0.5 * x - 0.5 * a)) + LN2) - log(b));
    }
    case INFODIV_BERNOULLI:
        if (x == 1)
            return log(a);
        return x == 0 ? log1p(-a) : -INFINITY;
    case INFODIV_BINOMIAL:
        if (!whole || x > a)
            return -INFINITY;
        if (b == 0 || b == 1)
            return x == (b == 0 ? 0 : a) ? 0 : -INFINITY;
        return binomial_log_pmf(x, a, b);
    case INFODIV_POISSON: return whole && x < INFINITY ? poisson_log_pmf(x, a) : -INFINITY;
    case INFODIV_GEOMETRIC:
        if (!whole || x == INFINITY)
            return -INFINITY;
        if (a == 1)
            return x == 0 ? 0 : -INFINITY;
        return x * log1p(-a) + log(a);
    default: return NAN;
    }
}

int infodiv_dist_log_density(const infodiv_dist *d, const double *x, size_t n, double *out, infodiv_error *err)
{
    int s;
    if (!x || !out)
        return fail_param(err, INFODIV_NULL, x ? INFODIV_ARG_NONE : INFODIV_ARG_X, PARAM_NONE, 0, 0);
    if ((s = check_dist(d, INFODIV_ARG_P, NULL, err)))
        return s;
    if (is_vector(d->family))
        return fail_param(err, INFODIV_NO_CLOSED_FORM, INFODIV_ARG_P, PARAM_NONE, 0, d->family);
    for (size_t i = 0; i < n; i++) {
        if (isnan(x[i]))
            return fail_param(err, INFODIV_NAN, INFODIV_ARG_X, PARAM_NONE, i, x[i]);
    }
    for (size_t i = 0; i < n; i++)
        out[i] = log_density(d, x[i]);
    return INFODIV_OK;
}

/* ---- KL on a grid ---- */

/* KL by one rule, trapezoid or Simpson's in its non-uniform form on pairs of
 * intervals (h0, h1), ending, for an odd number of intervals, with the
 * integral over the last one of the parabola through the last three points.
 * With normalisation, sum w_i q^_i phi(p^_i/q^_i), p^ = p/Zp and q^ = q/Zq,
 * which equals the integral of p^ log(p^/q^) when the rule integrates p and q
 * to Zp and Zq (the linear parts cancel);
 * without, sum w_i p_i log(p_i/q_i). NAN when the rule's integrals are not
 * positive (possible only with Simpson's negative weights). */
static double grid_rule(const double *x, const double *p, const double *q, size_t n, int simpson, int normalize)
{
    double zp = 0, zq = 0, sum = 0;
    /* two passes: integrals, then the integrand */
    for (int pass = 0; pass < 2; pass++) {
        for (size_t start = 0; start + 1 < n;) { /* weights of 2 or 3 points at a time: no scratch */
            double w3[3];
            size_t at, count;
            if (!simpson) {
                double h = x[start + 1] - x[start];
                w3[0] = w3[1] = 0.5 * h;
                at = start;
                count = 2;
                start += 1;
            } else if (start + 2 < n) {
                double h0 = x[start + 1] - x[start], h1 = x[start + 2] - x[start + 1], s = h0 + h1;
                w3[0] = s / 6 * (2 - h1 / h0);
                w3[1] = s / 6 * (s * s / (h0 * h1));
                w3[2] = s / 6 * (2 - h0 / h1);
                at = start;
                count = 3;
                start += 2;
            } else {
                double h0 = x[n - 2] - x[n - 3], h1 = x[n - 1] - x[n - 2];
                w3[0] = -h1 * h1 * h1 / (6 * h0 * (h0 + h1));
                w3[1] = h1 * (h1 + 3 * h0) / (6 * h0);
                w3[2] = h1 * (2 * h1 + 3 * h0) / (6 * (h0 + h1));
                at = n - 3;
                count = 3;
                start = n;
            }
            for (size_t j = 0; j < count; j++) {
                double pi = p[at + j], qi = q[at + j];
                if (!pass) {
                    zp += w3[j] * pi;
                    zq += w3[j] * qi;
                } else if (normalize) {
                    /* p/Zp and q/Zq, not p and (Zp/Zq) q: that ratio overflows for a q of 1e-316 beside a p of 1.5 */
                    double ph = pi / zp, qh = qi / zq;
                    /* q/Zq underflowing to 0 where q > 0 (a far tail): the term is finite, from logs */
                    sum += w3[j] * (qh == 0 && qi > 0 && ph > 0 ? ph * ((log(pi) - log(qi)) + (log(zq) - log(zp)) - 1)
                                                                 : bregman_term(ph, qh, ph - qh));
                } else if (pi > 0) {
                    double r = pi / qi; /* beyond the doubles (3.7e144 / 9e-219 was inf; tests/fuzz): the logs apart */
                    sum += w3[j] * (qi > 0 ? pi * (r <= DBL_MAX && r >= DBL_MIN ? log(r) : log(pi) - log(qi)) : INFINITY);
                }
            }
        }
        if (!pass && normalize && !(zp > 0 && zq > 0))
            return NAN;
    }
    return sum;
}

static int check_density(const double *v, size_t n, int arg, infodiv_error *err)
{
    int any = 0;
    for (size_t i = 0; i < n; i++) {
        if (isnan(v[i]))
            return fail_param(err, INFODIV_NAN, arg, PARAM_NONE, i, v[i]);
        if (v[i] < 0)
            return fail_param(err, INFODIV_NEGATIVE, arg, PARAM_NONE, i, v[i]);
        if (v[i] == INFINITY)
            return fail_param(err, INFODIV_INFINITE, arg, PARAM_NONE, i, v[i]);
        any |= v[i] > 0;
    }
    return any ? INFODIV_OK : fail_param(err, INFODIV_ZERO_SUM, arg, PARAM_NONE, 0, 0);
}

int infodiv_kl_grid(const double *x, const double *p, const double *q, size_t n, const infodiv_options *opt,
                    infodiv_grid_result *result, infodiv_error *err)
{
    double ln_base;
    int s;
    if (!x || !p || !q || !result)
        return fail_param(err, INFODIV_NULL, !x ? INFODIV_ARG_X : !p ? INFODIV_ARG_P : !q ? INFODIV_ARG_Q : INFODIV_ARG_NONE,
                          PARAM_NONE, 0, 0);
    if (n < 3)
        return fail_param(err, INFODIV_TOO_FEW_POINTS, INFODIV_ARG_X, PARAM_NONE, 0, (double)n);
    for (size_t i = 0; i < n; i++) {
        if (isnan(x[i]))
            return fail_param(err, INFODIV_NAN, INFODIV_ARG_X, PARAM_NONE, i, x[i]);
        if (isinf(x[i]))
            return fail_param(err, INFODIV_INFINITE, INFODIV_ARG_X, PARAM_NONE, i, x[i]);
        if (i > 0 && !(x[i] > x[i - 1] && isfinite(x[i] - x[i - 1])))
            return fail_param(err, INFODIV_NOT_INCREASING, INFODIV_ARG_X, PARAM_NONE, i, x[i]);
    }
    if ((s = check_density(p, n, INFODIV_ARG_P, err)) || (s = check_density(q, n, INFODIV_ARG_Q, err))
        || (s = read_ln_base(opt, &ln_base, err)))
        return s;
    for (size_t i = 0; i < n; i++) {
        if (q[i] == 0 && p[i] > 0) { /* before the weights: one of Simpson's may be negative */
            result->kl = INFINITY / ln_base;
            result->error_estimate = 0;
            return INFODIV_OK;
        }
    }
    int normalize = opt ? opt->normalize : 1;
    double trapezoid = grid_rule(x, p, q, n, 0, normalize);
    double simpson = grid_rule(x, p, q, n, 1, normalize);
    /* Simpson's weights can be negative on very uneven grids: fall back on the trapezoid's, which are not */
    double kl = isnan(simpson) || (normalize && simpson < 0) ? trapezoid : simpson;
    double estimate = isnan(simpson) ? fabs(trapezoid) : fabs(simpson - trapezoid);
    if (isinf(kl))
        estimate = 0; /* not inf - inf */
    result->kl = kl / ln_base;
    result->error_estimate = estimate / fabs(ln_base);
    return INFODIV_OK;
}
