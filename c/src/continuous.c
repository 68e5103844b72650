/* Parametric distributions: entropy, KL and cross-entropy in closed form, log
 * densities, and KL of two densities sampled on a grid.
 *
 * Every KL here is written as a sum of nonnegative parts, as the discrete one
 * is (sum q phi(p/q)): w (s - 1 - log s) for a ratio s of scales or rates
 * (infodiv_ratio_rest, which forms log s from the exponents and mantissas, so
 * ratios of 1e-600 to 1e600 neither overflow nor cancel), e^-t - 1 + t
 * (infodiv_expm1_rest), y phi(x/y) (phi.h), the KL of two gamma laws of one
 * mean (infodiv_gamma_matched_kl, in which the large parts of log-gamma cancel
 * analytically) and, for Beta and Dirichlet, a discrete KL (infodiv_kl). So KL
 * of nearly equal parameters keeps its digits (N(0.5, 1) against
 * N(0.5 + 1e-7, 1): 5e-15 to full precision), shapes and scales anywhere in
 * the double range keep theirs, and KL is never negative. H(P,Q) is formed
 * directly where H(P) + KL would cancel (location-scale families), else as
 * H(P) + KL(P||Q).
 */
#include "infodiv.h"

#include <float.h>
#include <math.h>
#include <stdint.h>
#include <string.h>

#include "phi.h"
#include "exact.h"
#include "special.h"

#define EULER_GAMMA        0.57721566490153286061
#define PI2_6              1.6449340668482264365 /* pi^2/6 = zeta(2) = psi'(1) */
#define LOG_2PI            1.8378770664093454836 /* log(2 pi) */
#define LOG_PI             1.1447298858494001741
#define LN2                0.6931471805599453094
#define SQRT_2_PI          0.79788456080286535588 /* sqrt(2/pi) */
#define SQRT1_2            0.70710678118654752440
#define MAX_WHOLE          9007199254740992.0 /* 2^53: binomial n up to here */
#define SYMMETRY_TOLERANCE 1e-12              /* |cov_ij - cov_ji| allowed, relative to sqrt(cov_ii cov_jj) */
#define SUM_ASYMPTOTIC     1e7                /* variance from which discrete entropies use their expansions */

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

static int is_discrete(int family) { return family >= INFODIV_BERNOULLI; }

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

/* The covariance's entries finite and the matrix symmetric. */
static int check_covariance(const double *m, size_t k, int arg, infodiv_error *err)
{
    for (size_t i = 0; i < k * k; i++) {
        if (!isfinite(m[i]))
            return fail_param(err, INFODIV_BAD_PARAMETER, arg, PARAM_M, i, m[i]);
    }
    for (size_t i = 0; i < k; i++) {
        for (size_t j = 0; j < i; j++) {
            /* the roots apart: their product overflows for variances of 1e200 and underflows for 1e-200 */
            double scale = sqrt(fabs(m[i * k + i])) * sqrt(fabs(m[j * k + j]));
            if (fabs(m[i * k + j] - m[j * k + i]) > SYMMETRY_TOLERANCE * scale)
                return fail_param(err, INFODIV_NOT_SYMMETRIC, arg, PARAM_M, j * k + i, m[j * k + i]);
        }
    }
    return INFODIV_OK;
}

/* Double-double helpers for the Cholesky factorisation (x = hi + lo). */
typedef struct {
    double hi, lo;
} ddouble;

static ddouble dd_product(double x, double y) /* exact: Dekker's split (no fused multiply-add needed) */
{
    const double split = 134217729.0; /* 2^27 + 1 */
    double xs = x * split, ys = y * split;
    double xh = xs - (xs - x), xl = x - xh, yh = ys - (ys - y), yl = y - yh, p = x * y;
    return (ddouble){ p, ((xh * yh - p) + xh * yl + xl * yh) + xl * yl };
}

static ddouble dd_add(ddouble a, ddouble b) /* TwoSum of the high parts, the rest added once */
{
    double s = a.hi + b.hi, v = s - a.hi, e = (a.hi - (s - v)) + (b.hi - v) + a.lo + b.lo;
    double t = s + e;
    return (ddouble){ t, e - (t - s) };
}

static ddouble dd_mul(ddouble a, ddouble b)
{
    ddouble p = dd_product(a.hi, b.hi);
    p.lo += a.hi * b.lo + a.lo * b.hi;
    double t = p.hi + p.lo;
    return (ddouble){ t, p.lo - (t - p.hi) };
}

static ddouble dd_div(ddouble a, ddouble b)
{
    double q = a.hi / b.hi;
    ddouble qb = dd_mul((ddouble){ q, 0 }, b), r = dd_add(a, (ddouble){ -qb.hi, -qb.lo });
    double c = r.hi / b.hi, t = q + c;
    return (ddouble){ t, c - (t - q) };
}

static ddouble dd_sqrt(ddouble a)
{
    double r = sqrt(a.hi);
    ddouble rr = dd_product(r, r), d = dd_add(a, (ddouble){ -rr.hi, -rr.lo });
    double c = d.hi / (2 * r), t = r + c;
    return (ddouble){ t, c - (t - r) };
}

/* e with 2^(2e) nearest x in exponent (0 for x <= 0, which fails the pivot test) */
static int half_exponent(double x) { return x > 0 ? ilogb(x) / 2 : 0; }

/* Cholesky factor L (lower, row-major, k x k) of the symmetric matrix m,
 * after checking its entries and its symmetry, and log det m. The
 * factorisation runs in double-double on D^-1 m D^-1, D the powers of two
 * nearest sqrt(m_ii) (no overflow or subnormal on the way, for entries from
 * 1e-308 to 1e308), so log det is accurate to ~1e-30 relative times the
 * condition number (pivots down to 1e-14 of their diagonal are admitted).
 * l holds the high parts of L' during the work and the low parts
 * transposed above the diagonal (then zeroed). */
static int cholesky(const double *m, size_t k, double *l, double *log_det, int arg, infodiv_error *err)
{
    int s = check_covariance(m, k, arg, err);
    if (s)
        return s;
    double ld = 0;
    for (size_t j = 0; j < k; j++) {
        int ej = half_exponent(m[j * k + j]);
        ddouble d = { ldexp(m[j * k + j], -2 * ej), 0 };
        double mjj = d.hi;
        for (size_t c = 0; c < j; c++) {
            ddouble x = { l[j * k + c], l[c * k + j] };
            ddouble sq = dd_mul(x, x);
            d = dd_add(d, (ddouble){ -sq.hi, -sq.lo });
        }
        /* relative test: a pivot lost to rounding is as singular as a negative one */
        if (!(d.hi > 1e-14 * mjj) || !(d.hi > 0))
            return fail_param(err, INFODIV_NOT_POSITIVE_DEFINITE, arg, PARAM_M, j, ldexp(d.hi, 2 * ej));
        ld += 2 * ej * LN2 + (log(d.hi) + d.lo / d.hi);
        ddouble ljj = dd_sqrt(d);
        l[j * k + j] = ljj.hi;
        for (size_t i = j + 1; i < k; i++) {
            int ei = half_exponent(m[i * k + i]);
            ddouble t = { ldexp(m[i * k + j], -(ei + ej)), 0 };
            for (size_t c = 0; c < j; c++) {
                ddouble pr = dd_mul((ddouble){ l[i * k + c], l[c * k + i] }, (ddouble){ l[j * k + c], l[c * k + j] });
                t = dd_add(t, (ddouble){ -pr.hi, -pr.lo });
            }
            ddouble x = dd_div(t, ljj);
            l[i * k + j] = x.hi, l[j * k + i] = x.lo;
        }
    }
    for (size_t i = 0; i < k; i++) { /* back to L = D L' in doubles, zero above the diagonal */
        int ei = half_exponent(m[i * k + i]);
        for (size_t j = 0; j <= i; j++)
            l[i * k + j] = ldexp(l[i * k + j], ei);
        for (size_t j = i + 1; j < k; j++)
            l[i * k + j] = 0;
    }
    *log_det = ld;
    return INFODIV_OK;
}

/* Checks d's parameters; for MULTIVARIATE_NORMAL also factors its covariance
 * into l (k*k doubles) and puts its log det in *log_det, when l is not NULL. */
static int check_dist(const infodiv_dist *d, int arg, double *l, double *log_det, infodiv_error *err)
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
    case INFODIV_EXPONENTIAL: return positive_param(d->a, arg, PARAM_A, err);
    case INFODIV_GAMMA:
    case INFODIV_BETA:
        if ((s = positive_param(d->a, arg, PARAM_A, err)))
            return s;
        return positive_param(d->b, arg, PARAM_B, err);
    case INFODIV_UNIFORM:
        if ((s = finite_param(d->a, arg, PARAM_A, err)) || (s = finite_param(d->b, arg, PARAM_B, err)))
            return s;
        return d->a < d->b ? INFODIV_OK : fail_param(err, INFODIV_BAD_PARAMETER, arg, PARAM_A, 0, d->a);
    case INFODIV_BERNOULLI: return probability_param(d->a, 0, arg, PARAM_A, err);
    case INFODIV_GEOMETRIC: return probability_param(d->a, 1, arg, PARAM_A, err);
    case INFODIV_BINOMIAL:
        if (!(d->a >= 0 && d->a <= MAX_WHOLE && d->a == floor(d->a)))
            return fail_param(err, INFODIV_BAD_PARAMETER, arg, PARAM_A, 0, d->a);
        return probability_param(d->b, 0, arg, PARAM_B, err);
    case INFODIV_POISSON:
        return d->a >= 0 && d->a <= DBL_MAX ? INFODIV_OK
                                            : fail_param(err, INFODIV_BAD_PARAMETER, arg, PARAM_A, 0, d->a);
    case INFODIV_MULTIVARIATE_NORMAL:
    case INFODIV_DIRICHLET:
    case INFODIV_CATEGORICAL:
        if (d->k == 0)
            return fail_param(err, INFODIV_EMPTY, arg, PARAM_V, 0, 0);
        if (!d->v
            || (d->family == INFODIV_MULTIVARIATE_NORMAL && !d->m)) /* err->param: the one at fault (was v for m too) */
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
            return cholesky(d->m, d->k, l, log_det, arg, err);
        return INFODIV_OK;
    default: return fail_param(err, INFODIV_BAD_FAMILY, arg, PARAM_NONE, 0, d->family);
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
            if (x + 1 == x) /* 2^53, binomial's largest n: the next whole number is not a double */
                break;
        }
    }
    return sum + c;
}

/* The sum of v_i 2^-h, compensated. */
static double sum_halved(const double *v, size_t k, int h)
{
    double s = 0, c = 0;
    for (size_t i = 0; i < k; i++) {
        double x = ldexp(v[i], -h), t = s + x;
        c += (s - t) + x; /* entries > 0, the running total grows: Fast2Sum */
        s = t;
    }
    return s + c;
}

/* log(b - a), b > a: with the rounding of b - a added back (TwoSum), so a
 * width of 1 + 2e-8 keeps its digits; halved where the width overflows. */
static double log_width(double a, double b)
{
    double w = b - a;
    if (!isfinite(w))
        return log(0.5 * b - 0.5 * a) + LN2;
    double bv = w - b, err = (b - (w - bv)) + (-a - bv);
    return log(w) + err / w;
}

/* Entropy of Dir(v) (Beta: k = 2): sum_i G(v_i) - G(v0) - (k - 1) psi(v0),
 * G(x) = lgamma(x) + (1 - x) psi(x) + x (the v_i cancel exactly), v0 the sum.
 * A sum beyond DBL_MAX is taken halved: there G(v0) = log(2 pi v0)/2 + 1/2 and
 * psi(v0) = log v0, their terms in 1/v0 being below the rounding. */
/* E(x) + 1/x, E = infodiv_gamma_entropy_part, x < 1: from psi(x) = psi(1 + x) - 1/x. */
static double entropy_part_plus_reciprocal(double x)
{
    return infodiv_lgamma(x) + (1 - x) * infodiv_digamma(1 + x) + 1 + x;
}

/* H(Dir(v)) where the -1/alpha_i parts of the E(alpha_i) pass the range and
 * the sum's +k/T part (T < 1) brings the total back (Beta(2^-1022, 6.8e-309):
 * -1.2e308): the reciprocals summed in units of 2^64, the other terms, far
 * below them, apart. total_part: -E(T) - (k - 1) psi(T), used where T >= 1. */
static double dirichlet_entropy_tiny(const double *v, size_t k, double total, double total_part)
{
    double recip = 0, rest = 0;
    for (size_t i = 0; i < k; i++) {
        double x = v[i];
        if (x < 1)
            recip -= 0x1p-64 / x, rest += entropy_part_plus_reciprocal(x);
        else
            rest += infodiv_gamma_entropy_part(x);
    }
    if (total < 1) /* -E(T) - (k - 1) psi(T) = k/T - (E(T) + 1/T) - (k - 1) psi(1 + T) */
        recip += (double)k * (0x1p-64 / total),
            rest -= entropy_part_plus_reciprocal(total) + (double)(k - 1) * infodiv_digamma(1 + total);
    else
        rest += total_part;
    return ldexp(recip, 64) + rest;
}

static double dirichlet_entropy(const double *v, size_t k)
{
    double s = 0;
    for (size_t i = 0; i < k; i++)
        s += infodiv_gamma_entropy_part(v[i]);
    int h = 0;
    while (!isfinite(sum_halved(v, k, h)))
        h++;
    double total = sum_halved(v, k, h), total_part;
    if (h == 0)
        total_part = -infodiv_gamma_entropy_part(total) - (double)(k - 1) * infodiv_digamma(total);
    else {
        double log_total = log(total) + h * LN2;
        total_part = -(0.5 * (LOG_2PI + log_total) + 0.5) - (double)(k - 1) * log_total;
    }
    return s == -INFINITY ? dirichlet_entropy_tiny(v, k, h == 0 ? total : 1, total_part) : s + total_part;
}

/* Entropy of P (nats). MULTIVARIATE_NORMAL needs its Cholesky factor in l. */
static double entropy_nats(const infodiv_dist *d, double log_det)
{
    double a = d->a, b = d->b;
    switch (d->family) {
    case INFODIV_NORMAL: return 0.5 * (1 + LOG_2PI) + log(b);
    case INFODIV_LOG_NORMAL: return a + 0.5 * (1 + LOG_2PI) + log(b);
    case INFODIV_EXPONENTIAL: return 1 - log(a);
    case INFODIV_GAMMA: return infodiv_gamma_entropy_part(a) - log(b);
    case INFODIV_BETA: return dirichlet_entropy((const double[]){ a, b }, 2);
    case INFODIV_UNIFORM: return log_width(a, b);
    case INFODIV_LAPLACE: return 1 + LN2 + log(b);
    case INFODIV_CAUCHY: return 2 * LN2 + LOG_PI + log(b);
    case INFODIV_MULTIVARIATE_NORMAL: return 0.5 * ((double)d->k * (1 + LOG_2PI) + log_det);
    case INFODIV_DIRICHLET: return dirichlet_entropy(d->v, d->k);
    case INFODIV_BERNOULLI: return bernoulli_entropy(a);
    case INFODIV_GEOMETRIC: /* -log p - ((1-p)/p) log(1-p), no subnormal product on the way */
        return a == 1 ? 0 : -log(a) - (1 - a) * (log1p(-a) / a);
    case INFODIV_POISSON:
        if (a == 0)
            return 0;
        if (a < 1e-17) /* = a (1 - log a) + sum_k>=2 P(k) log k!, the sum below eps of the rest */
            return a * (1 - log(a));
        if (a >= SUM_ASYMPTOTIC) /* Evans and Boersma's expansion; the next term is O(rate^-4) */
            return 0.5 * (1 + LOG_2PI + log(a)) - (1.0 / 12 + (1.0 / 24 + 19.0 / 360 / a) / a) / a;
        return entropy_by_sum(d, floor(a), 0, INFINITY);
    case INFODIV_BINOMIAL: {
        if (b == 0 || b == 1 || a == 0)
            return 0;
        double mean_rare = a * (b > 0.5 ? 1 - b : b); /* n min(p, 1 - p): the law's mirror has one entropy */
        if (mean_rare < 1e-17)                        /* as Poisson's of that mean, within (1 + O(mean)) */
            return mean_rare * (1 - log(mean_rare));
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

/* ---- KL and H(P,Q), in nats, for P and Q of one family (or the mixed pairs) ---- */

/* (x - y)/s without overflow in x - y (locations of +-1e308): the halves
 * where the difference alone would overflow. */
static double difference_over(double x, double y, double s)
{
    double d = x - y;
    return isfinite(d) ? d / s : 2 * ((0.5 * x - 0.5 * y) / s);
}

/* log(x/y), x, y > 0: from the quotient where it is a normal double, else
 * from the two logs (|log| > 690 there, so their rounding is eps relative). */
static double log_ratio(double x, double y)
{
    double r = x / y;
    return r > 0x1p-1000 && r < 0x1p1000 ? log(r) : log(x) - log(y);
}

/* z^2/2, with the half inside the square so that it overflows only where z^2/2 does. */
static double half_square(double z)
{
    double h = z * SQRT1_2;
    return h * h;
}

/* KL(Bernoulli(p) || Bernoulli(q)) = q phi(p/q) + (1-q) phi((1-p)/(1-q)). */
static double bernoulli_kl(double p, double q) { return bregman_term(p, q, p - q) + bregman_term(1 - p, 1 - q, q - p); }

/* phi(1+u)/u^2 (-> 1/2 as u -> 0), its series where phi(1+u) itself would underflow. */
static double phi_over_square(double u)
{
    if (fabs(u) < 1e-4) /* phi(1+u) = u^2/2 - u^3/6 + u^4/12 - u^5/20 + ...: the next term below 1e-17 */
        return 0.5 - u * (1.0 / 6 - u * (1.0 / 12 - u / 20));
    return phi(u) / (u * u);
}

/* KL(Geometric(p) || Geometric(q)) = KL(Bernoulli(p) || Bernoulli(q)) / p
 * = (q/p) phi(p/q) + ((q - p)/p) u h(u), u = (q - p)/(1 - q), h(u) = phi(1+u)/u^2:
 * each part divided by p before it can underflow (p and q of 1e-300). */
static double geometric_kl(double p, double q)
{
    double u1 = (p - q) / q; /* q phi(p/q) / p, with the division first (the product may be subnormal) */
    double first = u1 > 1e300 ? (log(p) - log(q) - 1) + q / p : (q / p) * phi(u1);
    if (q == 1)
        return first; /* then p = 1 too: supports nest only so */
    double u = (q - p) / (1 - q);
    return first + ((q - p) / p) * (u * phi_over_square(u)); /* u h(u) ~ log u: u of 1e16 beside 1/p of 1e300 */
}

/* KL(N(mp, sp) || N(mq, sq)) = (r - 1 - log r)/2 + z^2/2, r = sp^2/sq^2, z = (mp - mq)/sq. */
static double normal_kl(double mp, double sp, double mq, double sq)
{
    return infodiv_ratio_rest(0.5, sp, sq, sp, sq) + half_square(difference_over(mp, mq, sq));
}

/* H(P,Q) of two normals: log(2 pi)/2 + log sq + r/2 + z^2/2, each part as it is. */
static double normal_cross(double mp, double sp, double mq, double sq)
{
    return 0.5 * LOG_2PI + log(sq) + half_square(sp / sq) + half_square(difference_over(mp, mq, sq));
}

/* KL(Gamma(ap, bp) || Gamma(aq, bq)), shape and rate: through Gamma(aq, bp aq/ap),
 * of P's mean, KL = G(ap, aq) + aq (s - 1 - log s), s = (bq/bp)(ap/aq), G the
 * KL of two gamma laws of equal mean (infodiv_gamma_matched_kl): both >= 0. */
static double gamma_kl(double ap, double bp, double aq, double bq)
{
    return infodiv_gamma_matched_kl(ap, aq, aq - ap) + infodiv_ratio_rest(aq, bq, bp, ap, aq);
}

/* H(P,Q) from the one of two forms whose terms are smaller (its rounding is
 * eps times their size): `direct`, of terms of total size direct_size, or
 * H(P) + KL(P||Q), h + kl (h can be -1e300 beside a KL of 1e300). */
static double smaller_form(double direct, double direct_size, double h, double kl)
{
    if (isinf(h) && isinf(kl)) /* -inf + inf: only the direct form can tell */
        return direct;
    double via_kl = isinf(kl) ? kl : h + kl, via_kl_size = fabs(h) + kl;
    if (!isfinite(direct) && !isnan(direct)) /* a term beyond the doubles: so is H(P,Q), unless H(P) + KL holds it */
        return isfinite(via_kl) ? via_kl : direct;
    return isfinite(direct) && direct_size <= via_kl_size ? direct : via_kl;
}

/* b a/c without overflow or underflow on the way: the mantissas apart, as
 * a/c and b/c may each pass the range where b a/c does not. */
static double times_ratio(double b, double a, double c)
{
    int ea, eb, ec;
    double ma = frexp(a, &ea), mb = frexp(b, &eb), mc = frexp(c, &ec);
    return ldexp(mb * ma / mc, ea + eb - ec);
}

/* H(P,Q) of two gamma laws: -aq log bq + lgamma(aq) - (aq - 1) E log X + bq E X,
 * E log X = psi(ap) - log bp = (psi(ap) - log ap) + log(ap/bp), E X = ap/bp;
 * or H(P) + KL, whichever has the smaller terms. */
static double gamma_cross(double ap, double bp, double aq, double bq, double h, double kl)
{
    double log_term = -aq * log(bq), lg = infodiv_lgamma(aq);
    double elog = infodiv_digamma_minus_log(ap) + log_ratio(ap, bp), shape_term = -(aq - 1) * elog;
    if (!isfinite(elog)) /* ap below 1e-308: psi(ap) = -1/ap - Euler's gamma, to the last digit */
        shape_term = (aq - 1) / ap + (aq - 1) * (EULER_GAMMA + log(bp));
    double mean_term = times_ratio(bq, ap, bp);
    double direct = ((log_term + lg) + shape_term) + mean_term;
    return smaller_form(direct, fabs(log_term) + fabs(lg) + fabs(shape_term) + mean_term, h, kl);
}

/* KL(Laplace(mp, bp) || Laplace(mq, bq)) = (r - 1 - log r) + r (e^-t - 1 + t),
 * r = bp/bq, t = |mp - mq|/bp; beyond t = 2 the second part as
 * r e^-t + (|mp - mq|/bq - r), whose difference loses at most a factor 2. */
static double laplace_kl(double mp, double bp, double mq, double bq)
{
    double scale_part = infodiv_ratio_rest(1, bp, bq, 1, 1);
    if (isinf(scale_part))
        return scale_part;
    double r = bp / bq, t = fabs(difference_over(mp, mq, bp));
    if (t <= 2)
        return scale_part + r * infodiv_expm1_rest(-t);
    return scale_part + (r * exp(-t) + (fabs(difference_over(mp, mq, bq)) - r));
}

/* KL(Cauchy(mp, sp) || Cauchy(mq, sq)) = log1p(h^2), h^2 = ((sp - sq)^2 + dm^2)/(4 sp sq):
 * h from the larger of |sp - sq|/2 and |dm|/2 and a hypot of numbers <= 1,
 * divided by sqrt(sp) and sqrt(sq) one at a time; from logs where that
 * overflows (h > 1e150). */
static double cauchy_kl(double mp, double sp, double mq, double sq)
{
    int whole = isfinite(mp - mq); /* the differences as they are (subnormal scales keep their bits), else halved */
    double u = fabs(sp - sq) * (whole ? 1 : 0.5), v = whole ? fabs(mp - mq) : fabs(0.5 * mp - 0.5 * mq);
    double m = u > v ? u : v;
    if (m == 0)
        return 0;
    double h_unit = hypot(u / m, v / m), h = (m / sqrt(sp)) / sqrt(sq) * h_unit * (whole ? 0.5 : 1);
    if (h < 1e150)
        return log1p(h * h);
    return 2 * (log(m) + log(h_unit) - 0.5 * log(sp) - 0.5 * log(sq) - (whole ? LN2 : 0));
}

/* H(P,Q) of two Cauchy laws: log(pi sq) + log(((sp + sq)^2 + dm^2)/sq^2). */
static double cauchy_cross(double mp, double sp, double mq, double sq)
{
    /* the larger taken out of the hypot: a subnormal hypot keeps few digits;
     * halves where a sum or difference overflows */
    int half = !isfinite(sp + sq) || !isfinite(mp - mq);
    double u = half ? 0.5 * sp + 0.5 * sq : sp + sq, v = half ? fabs(0.5 * mp - 0.5 * mq) : fabs(mp - mq);
    double m = u > v ? u : v;
    double log_hyp = log(m) + log(hypot(u / m, v / m)) + (half ? LN2 : 0);
    return LOG_PI + 2 * log_hyp - log(sq);
}

/* E|X - c|/d for X ~ N(m, s): |m - c|/d + (s/d) (2 phi(z) - 2|z| Phi(-|z|)),
 * z = (m - c)/s; the bracket is >= 0 (the normal's tail), and for |z| <= 1 the
 * folded mean sqrt(2/pi) e^(-z^2/2) + z erf(z/sqrt 2) is used whole. */
static double normal_mean_abs_over(double m, double s, double c, double d)
{
    double z = difference_over(m, c, s), az = fabs(z), r = s / d;
    if (az <= 1) {
        double folded = SQRT_2_PI * exp(-0.5 * z * z) + z * erf(z * SQRT1_2);
        return isfinite(r) ? r * folded : s * folded / d; /* s/d first: s * folded may be subnormal */
    }
    double tail = az < 40 ? SQRT_2_PI * exp(-0.5 * z * z) - az * erfc(az * SQRT1_2) : 0; /* below 1e-340 from 40 on */
    return fabs(difference_over(m, c, d)) + (isfinite(r) ? r * tail : s * tail / d);
}

/* KL(Uniform(a, b) || Uniform(c, d)), nested: log(width_q/width_p), the
 * difference of widths summed from >= 0 parts (halves where a width overflows). */
static double uniform_kl(double a, double b, double c, double d)
{
    if (isfinite(b - a) && isfinite(d - c)) {
        double ratio = ((d - b) + (a - c)) / (b - a);
        return isfinite(ratio) ? log1p(ratio) : log_width(c, d) - log_width(a, b);
    }
    double ratio = ((0.5 * d - 0.5 * b) + (0.5 * a - 0.5 * c)) / (0.5 * b - 0.5 * a);
    return isfinite(ratio) ? log1p(ratio) : log(0.5 * d - 0.5 * c) - log(0.5 * b - 0.5 * a);
}

/* x := l^-1 x for each of the k columns of the k x k matrix x (l lower triangular). */
static void solve_columns(const double *l, double *x, size_t k)
{
    for (size_t c = 0; c < k; c++)
        for (size_t i = 0; i < k; i++) {
            double v = x[i * k + c];
            for (size_t j = 0; j < i; j++)
                v -= l[i * k + j] * x[j * k + c];
            x[i * k + c] = v / l[i * k + i];
        }
}

/* 2 KL - |y|^2 for nearly equal covariances: with B = lq^-1 (Sp - Sq) lq^-T
 * (Sp - Sq exact entry by entry where they agree to a factor 2) and the
 * Cholesky factor L of I + B, L_ii^2 = 1 + u_i, u_i = B_ii - sum_c<i L_ic^2:
 * 2 KL - |y|^2 = tr B - log det(I + B) = sum_i (u_i - log(1 + u_i)) + sum_i>c L_ic^2,
 * all >= 0 and accurate however small B is. b holds k*k doubles. NAN where
 * B is not small (|B_ii| > 1/2, or a u_i <= -1/2: then 2 KL >= 0.19 and M's
 * own form is accurate) or I + B loses definiteness to rounding. */
static double mvn_near(const double *sp, const double *sq, const double *lq, double *b, size_t k, double *trace)
{
    for (size_t i = 0; i < k * k; i++)
        b[i] = sp[i] - sq[i];
    solve_columns(lq, b, k);
    for (size_t i = 0; i < k; i++) /* transpose: (lq^-1 D)^T = D lq^-T */
        for (size_t j = 0; j < i; j++) {
            double t = b[i * k + j];
            b[i * k + j] = b[j * k + i], b[j * k + i] = t;
        }
    solve_columns(lq, b, k);
    double s = 0, tr = 0;
    for (size_t i = 0; i < k; i++) {
        if (!(fabs(b[i * k + i]) <= 0.5))
            return NAN;
        tr += b[i * k + i];
    }
    for (size_t i = 0; i < k; i++) { /* Cholesky of I + B in place, keeping u_i apart from the 1 */
        double u = b[i * k + i];
        for (size_t c = 0; c < i; c++)
            u -= b[i * k + c] * b[i * k + c], s += b[i * k + c] * b[i * k + c];
        if (!(u > -0.5)) /* 1 + u would lose u's digits */
            return NAN;
        s += infodiv_log1p_rest(u);
        double lii = sqrt(1 + u);
        for (size_t j = i + 1; j < k; j++) {
            double v = b[j * k + i];
            for (size_t c = 0; c < i; c++)
                v -= b[j * k + c] * b[i * k + c];
            b[j * k + i] = v / lii;
        }
    }
    *trace = tr;
    return s;
}

/* KL and H(P,Q) of two multivariate normals from the Cholesky factors lp, lq:
 * with M = lq^-1 lp (lower triangular, M_ii = lp_ii/lq_ii) and y = lq^-1 (mp - mq),
 * 2 KL = sum_i (M_ii^2 - 1 - log M_ii^2) + sum_i>j M_ij^2 + |y|^2: all >= 0;
 * 2 H(P,Q) = k log(2 pi) + 2 sum_i log lq_ii + tr(M M^T) + |y|^2.
 * Where the covariances nearly agree, M - I is known only to the Cholesky
 * factors' rounding, so mvn_near() takes over. lp is overwritten; y uses the
 * k doubles at y. */
static void mvn_measures(const infodiv_dist *p, const infodiv_dist *q, double *lp, const double *lq, double log_det_q,
                         double *y, double *kl, double *cross)
{
    size_t k = p->k;
    double s = 0, tr = 0, quad = 0; /* each half its sum: 2 KL may exceed DBL_MAX where KL does not */
    int halved = 0;                 /* y from the halves of mp - mq where that overflows */
    for (size_t i = 0; i < k; i++)
        halved |= !isfinite(p->v[i] - q->v[i]);
    for (size_t i = 0; i < k; i++) {
        double v = halved ? 0.5 * p->v[i] - 0.5 * q->v[i] : p->v[i] - q->v[i];
        for (size_t j = 0; j < i; j++)
            v -= lq[i * k + j] * y[j];
        y[i] = v / lq[i * k + i];
        double yh = halved ? y[i] * 1.41421356237309504880 : y[i] * SQRT1_2;
        quad += yh * yh;
        s += infodiv_ratio_rest(0.5, lp[i * k + i], lq[i * k + i], lp[i * k + i], lq[i * k + i]);
    }
    solve_columns(lq, lp, k); /* M; lp is lower triangular, so M is */
    for (size_t i = 0; i < k; i++)
        for (size_t j = 0; j <= i; j++) {
            double mh = lp[i * k + j] * SQRT1_2;
            tr += mh * mh;
            if (j < i)
                s += mh * mh;
        }
    double near_trace, near = mvn_near(p->m, q->m, lq, lp, k, &near_trace);
    if (!isnan(near))
        s = 0.5 * near, tr = 0.5 * ((double)k + near_trace);
    *kl = s + quad;
    *cross = 0.5 * ((double)k * LOG_2PI + log_det_q) + (tr + quad);
    if (isnan(*kl)) /* inf - inf in a solve: an entry of y or M beyond DBL_MAX, so is KL */
        *kl = *cross = INFINITY;
}

/* G(A, B) of the sums A = a0 2^ha and B = b0 2^hb (infodiv_gamma_matched_kl),
 * divided by 2^hb; d0 = (B - A) 2^-hb, used where neither or both overflowed
 * (ha = hb). From Stirling's series, with R(x) and 1/x below the rounding:
 *   B beyond DBL_MAX: G = -B (psi - log)(a0) + log(2 pi)/2 - log(B)/2 + psi(a0) - Gp(a0),
 *   A beyond DBL_MAX: G = lgamma(b0) - b0 log b0 + b0 + log(A)/2 - log(2 pi)/2 - 1/2 + b0/(2A)
 *   (b0/(2A) from psi(A) = log A - 1/(2A): 3e-9 for b0 of 1e300),
 * Gp(x) = lgamma(x) + (1 - x) psi(x) + x. */
static double matched_kl_of_sums(double a0, int ha, double b0, int hb, double d0)
{
    if (ha == hb) /* both large where hb > 0: G depends on A/B alone */
        return ldexp(infodiv_gamma_matched_kl(a0, b0, d0), -hb);
    if (hb > 0) {
        double log_b = log(b0) + hb * LN2;
        double rest = 0.5 * LOG_2PI - 0.5 * log_b + infodiv_digamma(a0) - infodiv_gamma_entropy_part(a0);
        return -b0 * infodiv_digamma_minus_log(a0) + ldexp(rest, -hb);
    }
    double rest = ldexp(0.5 * (b0 / a0), -ha) - 0.5;
    if (b0 >= 1) /* log(A)/2 and -log(b0)/2 as one log: each alone rounds by 3e-14 */
        return infodiv_stirling_error(b0) + 0.5 * (log(a0 / b0) + ha * LN2) + rest;
    return infodiv_lgamma_lead(b0) + 0.5 * (log(a0) + ha * LN2) - 0.5 * LOG_2PI + rest;
}

/* b0 KL(b/B || a/A) 2^-hb, B = b0 2^hb and A = a0 2^ha the sums, as
 * sum_i b_i (s_i - 1 - log s_i) 2^-hb, s_i = (a_i/b_i)(B/A): terms >= 0, none
 * formed below the doubles' range where the discrete KL itself is subnormal
 * (a proportion near 1e-308). */
static double scaled_cat_kl(const double *a, const double *b, size_t k, double a0, int ha, double b0, int hb)
{
    double sum = 0;
    if (ha < hb)
        a0 = ldexp(a0, ha - hb);
    else
        b0 = ldexp(b0, hb - ha);
    for (size_t i = 0; i < k; i++)
        sum += infodiv_ratio_rest_scaled(b[i], hb, a[i], b[i], b0, a0);
    return sum;
}

/* 8-point Gauss-Legendre on [0, 1]: the nodes of one half (the others are 1 - t) and their weights. */
static const double GL8_T[4] = { 0.01985507175123188415822, 0.1016667612931866302042, 0.2372337950418355070911,
                                 0.4082826787521750975303 };
static const double GL8_W[4] = { 0.05061426814518812957627, 0.1111905172266872352722, 0.156853322938943643669,
                                 0.1813418916891809914826 };

/* g'(x) = psi'(x) - 1/x > 0 and g''(x) = psi''(x) + 1/x^2 < 0, x >= 2^-340 (g' alone: 2^-500):
 * shifted up to 20 by g'(x) = g'(x + 1) + 1/(x^2 (x + 1)) and its derivative
 * (every term of one sign), then Stirling's series
 * g'(x) = 1/(2x^2) + sum_k B_2k x^-(2k+1), whose first omitted terms are
 * below 1e-17 of the sums there. A few eps relative. */
static void trigamma_rest(double x, double *g1, double *g2)
{
    double s1 = 0, s2 = 0;
    for (; x < 20; x += 1) {
        double u = 1 / x, v = 1 / (x + 1);
        s1 += u * u * v;
        s2 -= (3 * x + 2) * (u * u * u) * (v * v);
    }
    double r = 1 / (x * x), u = 1 / x;
    double c1 = 1.0 / 6
        + r * (-1.0 / 30 + r * (1.0 / 42 + r * (-1.0 / 30 + r * (5.0 / 66 + r * (-691.0 / 2730 + r * (7.0 / 6))))));
    double c2 =
        0.5 + r * (-1.0 / 6 + r * (1.0 / 6 + r * (-3.0 / 10 + r * (5.0 / 6 + r * (-691.0 / 210 + r * (35.0 / 2))))));
    *g1 = s1 + (0.5 * r + r * u * c1);
    *g2 = s2 - (r * u + r * r * c2);
}

/* G(x + h, y + s) - G(x, y), G = infodiv_gamma_matched_kl, for steps h, s and
 * y - x = d (exact), e = s - h all within x/16 (g = psi - log below):
 *   grad G(x, y) = (-(y - x) g'(x), g(y) - g(x)), so along the segment
 *   the integrand grad G . (h, s) = d (e m1 + h d m2), with m1 the mean of
 *   g' over [x, y] and m2 that of (1 - w) g''(x + w d), w in [0, 1]
 *   (g'(x + w d) - g'(x) integrated: no difference of nearby values formed);
 * every integral by 8-point Gauss-Legendre, whose error is below eps there
 * (g' and g'' are analytic in |z - x| < x). Where G(x, y) and G(x + h, y + s)
 * nearly agree (a Dirichlet component holding nearly all the mass) their
 * difference loses the digits this keeps. */
static double matched_kl_step(double x, double d, double h, double e)
{
    double sum = 0;
    for (int i = 0; i < 8; i++) {
        double t = i < 4 ? GL8_T[i] : 1 - GL8_T[7 - i], wt = GL8_W[i < 4 ? i : 7 - i];
        double xt = x + t * h, dt = d + t * e, m1 = 0, m2 = 0;
        for (int j = 0; j < 8; j++) {
            double w = j < 4 ? GL8_T[j] : 1 - GL8_T[7 - j], ww = GL8_W[j < 4 ? j : 7 - j], g1, g2;
            trigamma_rest(xt + w * dt, &g1, &g2);
            m1 += ww * g1;
            m2 += ww * (1 - w) * g2;
        }
        sum += wt * (dt * (e * m1 + h * dt * m2));
    }
    return sum;
}

/* The integral of g = psi - log over [y, y + s], 0 <= s <= y/16 (or y < 1
 * and s <= 1/16), by 8-point Gauss-Legendre (g is analytic in |z - y| < y).
 * Below 1, from psi(z) = psi(1 + z) - 1/z, the -1/z and -log z are
 * integrated exactly, -(1 + y) log1p(s/y) - s log(y + s) + s: no 1/y is
 * formed (y may be subnormal), and psi(1 + z) is analytic in |z| < 1. */
static double g_integral(double y, double s)
{
    int split = y < 1;
    double mean = 0;
    for (int i = 0; i < 8; i++) {
        double z = y + (i < 4 ? GL8_T[i] : 1 - GL8_T[7 - i]) * s;
        mean += GL8_W[i < 4 ? i : 7 - i] * (split ? infodiv_digamma(1 + z) : infodiv_digamma_minus_log(z));
    }
    return split ? s * (mean + 1 - log(y + s)) - (1 + y) * log1p(s / y) : s * mean;
}

/* G(x + h, y + s) - G(x, y) for h <= x/16 and s <= y/16 where y - x = d
 * is not small beside x (else matched_kl_step): the integral of
 * grad G . (h, s) = -(d + t e) g'(x + t h) h + (g(y + t s) - g(x + t h)) s,
 * e = s - h, over t in [0, 1] by 8-point Gauss-Legendre (the integrand is
 * analytic for |t| < 16; s up to 1/16 for y < 1), g's over [y, y + s] by
 * g_integral; above 2^500, g'(x) = 1/(2x^2) to the rounding. G(x, y) and
 * G(x + h, y + s) may both be 1e299 where their difference is 1e291
 * (Beta(1e-8, 3) || Beta(1e-20, 1e300)); this keeps its digits. The step is
 * returned times 2^-sc: y + s may pass DBL_MAX (then y > 2^1000, where g(z) =
 * -1/(2z) to the rounding and g's integral is -log1p(s/y)/2); every other
 * part is linear in d, e and s, which are scaled before they are summed. */
static double matched_kl_far_step(double x, double y, double d, double h, double s, int sc)
{
    /* h of 1e-300 scaled by 2^m, so that g1 h is not rounded to a subnormal's few bits before
     * d of 1e300 multiplies it */
    int m = h < 0x1p-900 ? 600 : 0;
    double sum = 0, e = ldexp(s - h, -sc), hm = ldexp(h, m),
           g_part = y > 0x1p1000 ? -0.5 * log1p(s / y) : g_integral(y, s);
    d = ldexp(d, -sc), s = ldexp(s, -sc);
    for (int i = 0; i < 8; i++) {
        double t = i < 4 ? GL8_T[i] : 1 - GL8_T[7 - i], wt = GL8_W[i < 4 ? i : 7 - i], g1, g2;
        double xt = x + t * h, dt = d + t * e, along;
        if (x > 0x1p500) /* g'(x) = 1/(2x^2) + O(x^-3), which would underflow: d/x and x g' apart */
            along = (dt / xt) * (0.5 * (h / xt));
        else
            trigamma_rest(xt, &g1, &g2), along = ldexp(dt * (g1 * hm), -m); /* g1 h first: d may be near DBL_MAX */
        sum -= wt * (infodiv_digamma_minus_log(xt) * s + along);
    }
    return ldexp(g_part, -sc) + sum;
}

/* matched_kl_step for x < 2^-340: there G(x, y) = rho(y/x) - x phi(y/x) +
 * O(x^2), rho(r) = r - 1 - log r, and the x terms are below the rounding, so
 * with r = y/x, R = (y + s)/(x + h), u = (d h - x e)/(x (y + s)):
 *   rho(R) - rho(r) = -(u (d + e)/(x + h) + (u - log1p(u))),
 * exact algebra (r/R = 1 + u, r - R = u R), no two close values apart; all
 * scaled by 2^-ilogb(x) (the forms are homogeneous), d h - x e by TwoProduct. */
static double matched_kl_tiny_step(double x, double d, double h, double e)
{
    int m = -ilogb(x);
    x = ldexp(x, m), d = ldexp(d, m), h = ldexp(h, m), e = ldexp(e, m);
    double dh = d * h, xe = x * e;
    double num = (dh - xe) + (two_prod_err(d, h, dh) - two_prod_err(x, e, xe));
    double u = num / (x * ((x + d) + (h + e)));
    return -(u * ((d + e) / (x + h)) + infodiv_log1p_rest(u));
}

/* matched_kl_step for x > 2^500 (g'(x) ~ 1/(2x^2) passes the range): there
 * G(x, y) = rho(y/x)/2 + O(rho/x) (Stirling's remainders are 1/x below), so
 * the step is half matched_kl_tiny_step's rho(R) - rho(r), the same algebra. */
static double matched_kl_huge_step(double x, double d, double h, double e)
{
    return 0.5 * matched_kl_tiny_step(x, d, h, e);
}

/* matched_kl_far_step for x < 2^-500 (g'(x) ~ 1/x^2 passes the range): from
 *   G(x, y) = (y - x)/x + S(y) + (1 + y) log x - lgamma(1 + x) - x - (y - x) psi(1 + x),
 * exact (psi(x) = psi(1 + x) - 1/x; S = infodiv_lgamma_lead), the difference
 * G(x + h, y + s) - G(x, y) term by term: (x s - y h)/(x (x + h)) (x, h
 * scaled by 2^-ilogb(x), y, s by 2^-ilogb(y), then s and h by a common power
 * of 2 that makes the larger of 1 size: no product subnormal, as x or y of
 * 1e-310 would make it; TwoProduct), S(y + s) - S(y) = the integral of g over
 * [y, y + s] (g_integral), (1 + y) log1p(h/x) + s log(x + h), and the psi(1 + x)
 * and lgamma(1 + x) terms to first order in x and h (their next terms are x
 * below). The lead term may pass DBL_MAX (y/x of 1e600): the rest is then
 * added to it in its scale, and the step is infinite only where it is. */
static double matched_kl_tiny_far_step(double x, double y, double d, double h, double s)
{
    int m = -ilogb(x), ey = ilogb(y);
    double xs = ldexp(x, m), hs = ldexp(h, m), ys = ldexp(y, -ey), ss = ldexp(s, -ey);
    int c = -ilogb(fmax(ss, hs));
    double sc = ldexp(ss, c), hc = ldexp(hs, c), p1 = xs * sc, p2 = ys * hc;
    double cross = (p1 - p2) + (two_prod_err(xs, sc, p1) - two_prod_err(ys, hc, p2));
    double lead_scaled = cross / (xs * (xs + hs)), lead = ldexp(lead_scaled, m + ey - c);
    double logs = (1 + y) * log1p(h / x) + s * log(x + h), e = s - h;
    double psi_terms = h * (EULER_GAMMA - 1) - e * infodiv_digamma(1 + x + h) - d * (PI2_6 * h);
    double rest = g_integral(y, s) + logs + psi_terms;
    if (isinf(lead) && isfinite(rest))
        return ldexp(lead_scaled + ldexp(rest, c - m - ey), m + ey - c);
    return lead + rest;
}

typedef struct {
    size_t j; /* the largest alpha of a, or k where none holds nearly all the mass */
    enum { STEP_NEAR = 1, STEP_FAR, STEP_TINY, STEP_TINY_FAR, STEP_HUGE } kind; /* which matched_kl_*_step */
    double others_a, others_b;                                                  /* the others' sums */
    double others_d; /* the sum of their differences b_i - a_i */
} dominant;

/* Sums in double-double (TwoSum) of the alphas other than a_j, of b's and of the differences. */
static void sums_but(const double *a, const double *b, size_t k, size_t j, double out[3])
{
    double s[3] = { 0, 0, 0 }, c[3] = { 0, 0, 0 };
    for (size_t i = 0; i < k; i++) {
        if (i == j)
            continue;
        double v[3] = { a[i], b[i], b[i] - a[i] };
        for (int m = 0; m < 3; m++) {
            double err;
            s[m] = two_sum_wide(s[m], v[m], &err);
            c[m] += err;
        }
    }
    for (int m = 0; m < 3; m++)
        out[m] = s[m] + c[m];
}

/* The largest alpha of a when the others sum to at most 1/16 of it, and b
 * there either nearly agrees with a (matched_kl_step; _tiny_step below
 * 2^-340, _huge_step above 2^500) or holds nearly all of b's mass
 * (matched_kl_far_step; _tiny_far_step below 2^-500); else j = k. */
static dominant dominant_alpha(const double *a, const double *b, size_t k)
{
    dominant dm = { 0, 0, 0, 0, 0 };
    for (size_t i = 1; i < k; i++)
        dm.j = a[i] > a[dm.j] ? i : dm.j;
    double sums[3];
    sums_but(a, b, k, dm.j, sums);
    dm.others_a = sums[0], dm.others_b = sums[1], dm.others_d = sums[2];
    double x = a[dm.j], y = b[dm.j], bound = x / 16;
    int held = dm.others_a <= bound, near = fabs(y - x) <= bound && fabs(dm.others_d) <= bound;
    if (held && near) /* g''(x) ~ -1/x^3 passes the range below 2^-340, g'(x) ~ 1/(2x^2) above 2^500 */
        dm.kind = x > 0x1p500 ? STEP_HUGE : x >= 0x1p-340 ? STEP_NEAR : STEP_TINY;
    else if (held && (dm.others_b <= y / 16 || (y < 1 && dm.others_b <= 1.0 / 16)))
        dm.kind = x >= 0x1p-500 ? STEP_FAR : STEP_TINY_FAR;
    else
        dm.j = k;
    return dm;
}

/* sum_i G(a_i, b_i) 2^-scale over i != j (G: infodiv_gamma_matched_kl): the
 * scale keeps the G_i ~ b_i/a_i of tiny a_i, and their sum, within the
 * doubles where KL is (G_1 = 4.5e308 beside G(a0, b0) = 3.5e308); prescale as
 * infodiv_gamma_matched_kl_scaled(). */
static double sum_g_scaled(const double *a, const double *b, size_t k, size_t j, int scale, int prescale)
{
    double sum = 0;
    for (size_t i = 0; i < k; i++) {
        if (i == j)
            continue;
        double di = b[i] - a[i], gi = infodiv_gamma_matched_kl(a[i], b[i], di);
        sum += isinf(gi) ? infodiv_gamma_matched_kl_scaled(a[i], b[i], di, scale, prescale) : ldexp(gi, -scale);
    }
    return sum;
}

/* G(a_j, b_j) - G(a0, b0), j the dominant alpha (dominant_alpha), by its step;
 * times 2^-hb, b's sum halved hb times (STEP_FAR only: the others need hb = 0). */
static double dominant_minus_sums(const double *a, const double *b, dominant dm, int hb)
{
    size_t j = dm.j;
    switch (dm.kind) {
    case STEP_NEAR: return -matched_kl_step(a[j], b[j] - a[j], dm.others_a, dm.others_d);
    case STEP_TINY: return -matched_kl_tiny_step(a[j], b[j] - a[j], dm.others_a, dm.others_d);
    case STEP_HUGE: return -matched_kl_huge_step(a[j], b[j] - a[j], dm.others_a, dm.others_d);
    case STEP_FAR: return -matched_kl_far_step(a[j], b[j], b[j] - a[j], dm.others_a, dm.others_b, hb);
    default: return -matched_kl_tiny_far_step(a[j], b[j], b[j] - a[j], dm.others_a, dm.others_b);
    }
}

/* KL(Dir(a) || Dir(b)). With X_i ~ Gamma(a_i, 1) and Y_i ~ Gamma(b_i, mu),
 * mu = b0/a0 (a0, b0 the sums), Dir is the law of X/sum X, independent of
 * sum X ~ Gamma(a0, 1); so KL(Dir) = sum_i KL(Gamma(a_i, 1) || Gamma(b_i, mu)) -
 * KL(Gamma(a0, 1) || Gamma(b0, mu)), which is
 *   sum_i G(a_i, b_i) - G(a0, b0) + b0 KL(b/b0 || a/a0)
 * (G: infodiv_gamma_matched_kl; the last a discrete KL, infodiv_kl). No
 * log-gamma of a large shape is ever subtracted from another. Beta: k = 2.
 * Sums beyond DBL_MAX are halved h times: G(a0, b0) then stands for that of
 * the true sums, exact where both are large (it depends on their ratio only). */
static double dirichlet_kl(const double *a, const double *b, size_t k)
{
    int ha = 0, hb = 0; /* halvings until each sum is finite (alphas of 1e308) */
    while (!isfinite(sum_halved(a, k, ha)))
        ha++;
    while (!isfinite(sum_halved(b, k, hb)))
        hb++;
    if (ha > 0 && hb > 0) /* both beyond DBL_MAX: G of the two depends on their ratio alone */
        ha = hb = ha > hb ? ha : hb;
    double a0 = sum_halved(a, k, ha), b0 = sum_halved(b, k, hb), d0 = 0, c = 0, cat;
    dominant dm = { k, 0, 0, 0, 0 };
    if (ha == 0) /* where b's sum overflows, b_j of 1e308 holds nearly all of it (far step) or none is taken */
        dm = dominant_alpha(a, b, k);
    if (hb > 0 && dm.kind != STEP_FAR)
        dm.j = k;
    size_t j = dm.j;
    for (size_t i = 0; i < k; i++) {
        /* the differences summed in double-double (TwoSum): G(a0, b0) needs b0 - a0 exactly */
        double di = b[i] - a[i], err;
        d0 = two_sum_wide(d0, ldexp(di, -hb), &err);
        c += err;
    }
    /* G_j - G(a0, b0) as one quantity where they nearly cancel; apart where that passes the doubles */
    double step = j == k ? 0 : dominant_minus_sums(a, b, dm, hb);
    if (step == INFINITY && dm.kind == STEP_TINY_FAR) /* beyond DBL_MAX, the KL too: its other parts are >= 0 */
        return INFINITY;
    j = isfinite(step) ? j : k;
    double over0 = 0, over = 0, g0 = j == k ? matched_kl_of_sums(a0, ha, b0, hb, d0 + c) : 0;
    /* G(a0, b0) beyond DBL_MAX by b0/a0, the KL perhaps not: G_i and G(a0, b0) both
     * scaled by 2^-e (and 2^-hb where b's sum overflows), e the least of 1, 2, 4, ...
     * that keeps them finite */
    int e = 1, g0_over = isinf(g0) && ha == 0 && hb == 0;
    for (;; e *= 2) {
        over = sum_g_scaled(a, b, k, j, hb + e, hb == 0); /* prescaled only where G(a0, b0) is in that scale too */
        over0 = g0_over ? infodiv_gamma_matched_kl_scaled(a0, b0, d0 + c, e, 1) : 0;
        if ((isfinite(over) && isfinite(over0)) || e >= 2048)
            break;
    }
    double g = g0_over ? 0 : j == k ? -g0 : step;
    infodiv_options nats = { INFODIV_E, 1 };
    if (infodiv_kl(b, a, k, &nats, &cat, NULL) != INFODIV_OK)
        return NAN; /* not reached: the alphas are checked */
    /* below 2^-900 (a proportion near 1e-308) the discrete KL is not accurate, but it is
     * below 2^-899 still: the scaled form, whose rounding leaves b0 eps^2 where the
     * proportions agree, is held to that */
    double rest = g + (cat < 0x1p-900 ? fmin(scaled_cat_kl(a, b, k, a0, ha, b0, hb), b0 * 0x1p-899) : b0 * cat);
    if (isinf(over) || isinf(over0)) /* not reached: G_i < 2^2100 (b_i/a_i), 2^-2048 of it finite */
        return INFINITY;
    double kl = ldexp(ldexp(rest, -e) + (over - over0), hb + e);
    return isnan(kl) || kl > 0 ? kl : 0; /* a sum of >= 0 parts but for the G difference's last rounding */
}

/* lgamma(b0) of the sum b0 of b, less lgamma(b_j) of its largest entry
 * (returned in *j) where lgamma(b0) passes the range and b0 does not: then
 * lgamma(l + s) - lgamma(l) = B(l, s) + s psi(l), s the others' sum (B:
 * infodiv_lgamma_bregman), finite where s is not of 1e305 too; else *j = k. */
static double lgamma_of_sum_but_largest(const double *b, size_t k, double b0, size_t *j)
{
    double lg0 = infodiv_lgamma(b0);
    *j = k;
    if (isfinite(lg0))
        return lg0;
    *j = 0;
    for (size_t i = 1; i < k; i++)
        *j = b[i] > b[*j] ? i : *j;
    double s = 0;
    for (size_t i = 0; i < k; i++)
        s += i == *j ? 0 : b[i];
    return infodiv_lgamma_bregman(b[*j], s) + s * infodiv_digamma(b[*j]);
}

/* H(P,Q)'s terms beyond DBL_MAX are summed in units of 2^BIG: b_i of 1e308 times
 * 1/a_i of 2e323 is 2^2098. */
enum { BIG = 1100 };

/* x y 2^-BIG and (x/a) 2^-BIG without overflow on the way, for results of 2^-76 to 2^2100 */
static double product_scaled(double x, double y) { return ldexp(x, -BIG / 2) * ldexp(y, -BIG / 2); }

static double quotient_scaled(double x, double a) { return ldexp(x, -BIG / 2) * (ldexp(1, -BIG / 2) / a); }

/* The second largest of v (k >= 2). */
static double second_largest(const double *v, size_t k)
{
    double first = 0, second = 0;
    for (size_t i = 0; i < k; i++) {
        second = v[i] > first ? first : v[i] > second ? v[i] : second;
        first = v[i] > first ? v[i] : first;
    }
    return second;
}

/* log B(b) 2^-BIG where b's sum b0 passes DBL_MAX or a second alpha passes 2^1010:
 * sum_i b_i log(b_i/b0) + sum_i L(b_i) - L(b0), L(x) = lgamma(x) - x log x + x
 * (lgamma's -x terms cancel exactly). The b_i log(b_i/b0) are <= 0 and of 1e292 at
 * least in all, beside which the L terms (< 750 each) are below the rounding; an entry
 * above b0/2 takes log1p(-(the others' sum)/b0), the others' sum as b0 - b_i in
 * double-double. */
static double log_beta_scaled(const double *b, size_t k)
{
    int h = 0;
    while (!isfinite(sum_halved(b, k, h)))
        h++;
    double hi = 0, lo = 0, err;
    for (size_t i = 0; i < k; i++) {
        hi = two_sum(hi, ldexp(b[i], -h), &err);
        lo += err;
    }
    double s0 = hi + lo, log_b0 = log(s0) + h * LN2, sum = 0;
    for (size_t i = 0; i < k; i++) {
        double x = ldexp(b[i], -h), r = ldexp(b[i] / s0, -h), lr;
        if (x > 0.5 * s0)
            lr = log1p(-((hi - x) + lo) / s0);
        else
            lr = r > 0x1p-1000 ? log(r) : log(b[i]) - log_b0;
        sum += ldexp(b[i], -BIG) * lr;
    }
    return sum;
}

/* H(P,Q) of two Dirichlet laws: log B(b) - sum_i (b_i - 1)(psi(a_i) - psi(a0)),
 * psi(a_i) - psi(a0) = log(a_i/a0) + (psi - log)(a_i) - (psi - log)(a0) (a0's
 * sum halved where it overflows; log B without lgamma of 1e306, see
 * lgamma_of_sum_but_largest and log_beta_scaled); or H(P) + KL, whichever has the smaller terms
 * (alphas of 1e300 give H(P) = -690 beside a KL of 690). */
static double dirichlet_cross(const double *a, const double *b, size_t k, double h, double kl)
{
    int ha = 0;
    while (!isfinite(sum_halved(a, k, ha)))
        ha++;
    size_t j = k;
    double a0 = sum_halved(a, k, ha), b0 = sum_halved(b, k, 0), dml0 = infodiv_digamma_minus_log(a0);
    /* log B(b) whole, in units of 2^BIG, in big where b's sum passes DBL_MAX (NaN from
     * sum_halved) or a second alpha passes 2^1010 (lgamma's of 1e306 would overflow) */
    int whole = !isfinite(b0) || second_largest(b, k) > 0x1p1010;
    double lg0 = whole ? 0 : lgamma_of_sum_but_largest(b, k, b0, &j), direct = -lg0, size = fabs(lg0);
    double hi = 0, lo = 0; /* the sum to eps^2 where it is tiny: a0 - a_i, the others' sum, from it */
    for (size_t i = 0; a0 < 0x1p-500 && i < k; i++) {
        double err;
        hi = two_sum(hi, a[i], &err);
        lo += err;
    }
    double a0_lo = (hi - a0) + lo, tiny = 0, big = whole ? log_beta_scaled(b, k) : 0;
    size += ldexp(fabs(big), BIG);
    for (size_t i = 0; i < k; i++) {
        double lg = i == j || whole ? 0 : infodiv_lgamma(b[i]);
        double lr = log_ratio(ldexp(a[i], -ha), a0), dml = infodiv_digamma_minus_log(a[i]),
               psi_diff = lr + (dml - dml0);
        double t = b[i] == 1 ? 0 : -(b[i] - 1) * psi_diff; /* 0 even where psi(a_i) passes the range (a_i of 1e-323) */
        /* the size of t's parts before they cancel (a_i near a0: psi_diff ~ 1e-6 of dml), and
         * 1 for the rounding of a_i/a0 (a0 of 1e308 + 4.6 rounds off the 4.6/1e308 of lr) */
        double t_size = b[i] == 1 ? 0 : fabs(b[i] - 1) * (1 + fabs(lr) + fabs(dml) + fabs(dml0));
        if (a0 < 0x1p-500 && b[i] != 1) {
            /* psi(x) = -1/x - Euler's gamma + O(x): psi(a_i) - psi(a0) = -(a0 - a_i)/(a0 a_i);
             * summed in units of 2^128, as terms of 1e323 may cancel */
            double part = (b[i] - 1) * (((a0 - a[i]) + a0_lo) / a0), scaled = part * (0x1p-128 / a[i]);
            if (isinf(scaled)) /* b_i of 1e308 over a_i of 1e-320 */
                big += quotient_scaled(part, a[i]), scaled = 0, size = INFINITY;
            tiny += scaled, size += ldexp(fabs(scaled), 128), t = t_size = 0;
        } else if (!isfinite(psi_diff) && b[i] != 1) { /* there psi(a_i) = -1/a_i - Euler's gamma, to the last digit */
            double rest = EULER_GAMMA + (log(a0) + ha * LN2 + dml0);
            double ts = quotient_scaled(b[i] - 1, a[i]) + product_scaled(b[i] - 1, rest);
            t = ldexp(ts, BIG), t_size = fabs(t);
            if (isinf(t)) /* beyond DBL_MAX (a_i of 1e-314): the sum may be within the range */
                big += ts, t = 0;
        } else if (isinf(t)) /* b_i of 1e308 times a psi difference > 1: the sum may be within the range */
            big -= product_scaled(b[i] - 1, psi_diff), t = 0;
        if (fabs(t) > 0x1p960) /* finite, but a few such would overflow the direct sum */
            big += ldexp(t, -BIG), t = 0;
        direct += lg + t;
        size += fabs(lg) + t_size;
    }
    double total =
        big == 0 ? direct + ldexp(tiny, 128) : ldexp(ldexp(direct, -BIG) + big + ldexp(tiny, 128 - BIG), BIG);
    return smaller_form(total, size, h, kl);
}

enum { NO_FORMULA = -1 };

/* KL(P||Q) and H(P,Q) in nats for the pairs of one-dimensional families this
 * file knows (h = H(P)); NO_FORMULA for a pair it does not. Supports are
 * already known to nest. */
static int kl_nats(const infodiv_dist *p, const infodiv_dist *q, double h, double *kl, double *cross)
{
    double a = p->a, b = p->b, c = q->a, d = q->b;
    int fp = p->family, fq = q->family;
    *cross = NAN; /* H(P) + KL, below, unless a family forms it directly */
    if (fp == INFODIV_EXPONENTIAL && fq == INFODIV_GAMMA)
        *kl = gamma_kl(1, a, c, d), *cross = gamma_cross(1, a, c, d, h, *kl);
    else if (fp == INFODIV_GAMMA && fq == INFODIV_EXPONENTIAL)
        *kl = gamma_kl(a, b, 1, c), *cross = gamma_cross(a, b, 1, c, h, *kl);
    else if (fp == INFODIV_NORMAL && fq == INFODIV_LAPLACE) {
        /* log(2 scale/sigma) + E|X - loc|/scale - log(2 pi e)/2 */
        double mean_abs = normal_mean_abs_over(a, b, c, d);
        *kl = (LN2 - 0.5 * (1 + LOG_2PI)) - log_ratio(b, d) + mean_abs;
        *cross = LN2 + log(d) + mean_abs;
    } else if (fp == INFODIV_LAPLACE && fq == INFODIV_NORMAL) {
        /* log(sigma/(2 scale)) + (2 scale^2 + (loc - mu)^2)/(2 sigma^2) + log(2 pi)/2 - 1 */
        double r = b / d, quad = r * r + half_square(difference_over(a, c, d));
        *kl = (0.5 * LOG_2PI - 1 - LN2) - log_ratio(b, d) + quad;
        *cross = 0.5 * LOG_2PI + log(d) + quad;
    } else if (fp != fq)
        return NO_FORMULA;
    else {
        switch (fp) {
        case INFODIV_NORMAL: *kl = normal_kl(a, b, c, d), *cross = normal_cross(a, b, c, d); break;
        case INFODIV_LOG_NORMAL: *kl = normal_kl(a, b, c, d), *cross = a + normal_cross(a, b, c, d); break;
        case INFODIV_EXPONENTIAL: *kl = infodiv_ratio_rest(1, c, a, 1, 1), *cross = c / a - log(c); break;
        case INFODIV_GAMMA: *kl = gamma_kl(a, b, c, d), *cross = gamma_cross(a, b, c, d, h, *kl); break;
        case INFODIV_BETA: {
            const double pv[2] = { a, b }, qv[2] = { c, d };
            *kl = dirichlet_kl(pv, qv, 2), *cross = dirichlet_cross(pv, qv, 2, h, *kl);
            break;
        }
        case INFODIV_UNIFORM: *kl = uniform_kl(a, b, c, d), *cross = entropy_nats(q, 0); break;
        case INFODIV_LAPLACE: {
            double t = fabs(difference_over(a, c, b));
            *kl = laplace_kl(a, b, c, d);
            *cross = LN2 + log(d) + fabs(difference_over(a, c, d)) + b / d * exp(-t);
            break;
        }
        case INFODIV_CAUCHY: *kl = cauchy_kl(a, b, c, d), *cross = cauchy_cross(a, b, c, d); break;
        case INFODIV_BERNOULLI: *kl = bernoulli_kl(a, c); break;
        case INFODIV_BINOMIAL: *kl = a == 0 ? 0 : a * bernoulli_kl(b, d); break;
        case INFODIV_POISSON: *kl = bregman_term(a, c, a - c); break;
        case INFODIV_GEOMETRIC: *kl = geometric_kl(a, c); break;
        default: return NO_FORMULA;
        }
    }
    if (isnan(*cross))
        *cross = isinf(*kl) ? *kl : h + *kl; /* not -inf + inf = NaN when h overflows (Gamma(shape 5e-324)) */
    return INFODIV_OK;
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
    double ln_base, log_det_p = 0;
    int s;
    if (!result)
        return fail_param(err, INFODIV_NULL, INFODIV_ARG_NONE, PARAM_NONE, 0, 0);
    if (!p)
        return fail_param(err, INFODIV_NULL, INFODIV_ARG_P, PARAM_NONE, 0, 0);
    if (p->family == INFODIV_CATEGORICAL && p->k > 0 && p->v)
        return categorical(infodiv_entropy(p->v, p->k, opt, result, err), err);
    if ((s = scratch_for(p, NULL, scratch_len, scratch, err))
        || (s = check_dist(p, INFODIV_ARG_P, scratch, &log_det_p, err)) || (s = read_ln_base(opt, &ln_base, err)))
        return s;
    *result = entropy_nats(p, log_det_p) / ln_base;
    return INFODIV_OK;
}

int infodiv_dist_kl(const infodiv_dist *p, const infodiv_dist *q, const infodiv_options *opt, double *scratch,
                    size_t scratch_len, infodiv_dist_measure_set *result, infodiv_error *err)
{
    double ln_base, h, kl, log_det_p = 0, log_det_q = 0;
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
    if ((s = check_dist(p, INFODIV_ARG_P, p->family == INFODIV_MULTIVARIATE_NORMAL ? lp : NULL, &log_det_p, err))
        || (s = check_dist(q, INFODIV_ARG_Q, lq, &log_det_q, err)) || (s = read_ln_base(opt, &ln_base, err)))
        return s;

    int fp = p->family, fq = q->family;
    double cross;
    if (is_vector(fp) || is_vector(fq)) {
        if (fp != fq)
            return fail_param(err, INFODIV_NO_CLOSED_FORM, INFODIV_ARG_Q, PARAM_NONE, 0, fq);
        if (p->k != q->k)
            return fail_param(err, INFODIV_DIMENSION_MISMATCH, INFODIV_ARG_Q, PARAM_V, p->k, (double)q->k);
        h = entropy_nats(p, log_det_p);
        if (fp == INFODIV_DIRICHLET) {
            kl = dirichlet_kl(p->v, q->v, p->k);
            cross = dirichlet_cross(p->v, q->v, p->k, h, kl);
            if (isnan(cross))
                cross = kl;
        } else
            mvn_measures(p, q, lp, lq, log_det_q, lq + p->k * p->k, &kl, &cross);
    } else {
        if (is_discrete(fp) != is_discrete(fq))
            return fail_param(err, INFODIV_NO_CLOSED_FORM, INFODIV_ARG_Q, PARAM_NONE, 0, fq);
        support sp = support_of(p), sq = support_of(q);
        h = entropy_nats(p, 0);
        if (sp.lo < sq.lo || sp.hi > sq.hi) {
            kl = cross = INFINITY;
        } else {
            if (fp == INFODIV_BINOMIAL && fq == INFODIV_BINOMIAL && p->a != q->a)
                return fail_param(err, INFODIV_DIMENSION_MISMATCH, INFODIV_ARG_Q, PARAM_A, 0, q->a);
            if (kl_nats(p, q, h, &kl, &cross) == NO_FORMULA)
                return fail_param(err, INFODIV_NO_CLOSED_FORM, INFODIV_ARG_Q, PARAM_NONE, 0, fq);
        }
    }
    result->entropy_p = h / ln_base;
    result->kl_pq = kl / ln_base;
    result->cross_entropy_pq = cross / ln_base;
    return INFODIV_OK;
}

/* log density of Beta(a, b) at x in (0, 1) for a, b >= 2^1000, s = a + b:
 * with Stirling's formula for the three lgammas of log B(a, b) (their
 * remainders ~1/(12 a) below 1e-300),
 *   -s KL(Bernoulli(a/s) || Bernoulli(x)) - log x - log(1 - x) + log(a b / (2 pi s)) / 2,
 * s taken in halves (it overflows for a = b = DBL_MAX, where the density is
 * -0.29 DBL_MAX at 0.75: (a - 1) log x and log B each overflow). */
static double beta_log_density_large(double a, double b, double x)
{
    double hs = 0.5 * a + 0.5 * b, p = 0.5 * a / hs, q = 0.5 * b / hs, y = 1 - x;
    double kl = bregman_term(p, x, p - x) + bregman_term(q, y, q - y);
    return -2 * (hs * kl) - log(x) - log1p(-x) + 0.5 * (log(a) + log(b) - log(hs) - LN2 - LOG_2PI);
}

/* (x - a)/b for finite a, b > 0, also where x - a passes DBL_MAX (x and a of
 * opposite signs there, so x/b - a/b does not cancel). */
static double standardized(double x, double a, double b)
{
    double d = x - a;
    return isinf(d) && isfinite(x) ? x / b - a / b : d / b;
}

/* What a family's log density takes from its parameters alone, computed once
 * for all the points by the same expressions: log a, log b, log(1 - a),
 * lgamma(a) and, for a >= 1, Stirling's error at a (the gamma), and log B(a, b)
 * unless the beta takes Stirling's form (NAN where the family has no use for
 * one). */
typedef struct {
    double log_a, log_b, log1m_a, lgamma_a, stirling_a, lbeta;
    int beta_stirling;
} density_constants;

/* Gamma(a, rate b) log density at x > 0, in whichever form has the smaller
 * terms (its rounding is eps of them): a log b - lgamma(a) + (a - 1) log x - b x,
 * or for a >= 1 Stirling's, the large parts of lgamma(a) cancelled:
 * -a (r - 1 - log r) + (log a - log 2 pi)/2 - log x - S(a), r = b x / a. */
static double gamma_log_density(double a, double b, double x, const density_constants *c)
{
    double lx = log(x);
    if (a >= 1) {
        double rest = infodiv_ratio_rest(a, b, a, x, 1), la = c->log_a;
        double direct_size = a * fabs(c->log_b) + (a - 1) * fabs(lx) + b * x + a * la;
        if (!(direct_size < rest + fabs(lx) + 0.5 * la + 2))
            return -rest + 0.5 * (la - LOG_2PI) - lx - c->stirling_a;
    }
    return a * c->log_b - c->lgamma_a + (a - 1) * lx - b * x;
}

/* ---- log densities ---- */

/* log B(a, b) = lgamma(s) - B(l, s) - s psi(l), l the larger and s the smaller of a, b
 * and B lgamma's Bregman difference: lgamma(l) and lgamma(l + s) never apart; below
 * 2^-1000, where psi(l) ~ -1/l passes the range, the three lgammas of ~log(1/l). For
 * s < 2^1000 (above, lgamma overflows: beta_log_density_large). */
static double log_beta_function(double a, double b)
{
    double large = a > b ? a : b, small = a > b ? b : a;
    return large < 0x1p-1000
        ? infodiv_lgamma(small) + infodiv_lgamma(large) - infodiv_lgamma(small + large)
        : infodiv_lgamma(small) - infodiv_lgamma_bregman(large, small) - small * infodiv_digamma(large);
}

static density_constants density_constants_of(const infodiv_dist *d)
{
    double a = d->a, b = d->b;
    density_constants c = { NAN, NAN, NAN, NAN, NAN, NAN, 0 };
    switch (d->family) {
    case INFODIV_GAMMA:
        c.log_a = log(a), c.log_b = log(b), c.lgamma_a = infodiv_lgamma(a);
        c.stirling_a = a >= 1 ? infodiv_stirling_error(a) : NAN;
        break;
    case INFODIV_NORMAL:
    case INFODIV_LOG_NORMAL:
    case INFODIV_LAPLACE:
    case INFODIV_CAUCHY: c.log_b = log(b); break;
    case INFODIV_EXPONENTIAL: c.log_a = log(a); break;
    case INFODIV_BERNOULLI:
    case INFODIV_GEOMETRIC: c.log_a = log(a), c.log1m_a = log1p(-a); break;
    case INFODIV_BETA:
        c.beta_stirling = (a > b ? b : a) >= 0x1p1000;
        c.lbeta = c.beta_stirling ? NAN : log_beta_function(a, b);
        break;
    default: break;
    }
    return c;
}

static double log_density(const infodiv_dist *d, const density_constants *c, double x)
{
    double a = d->a, b = d->b;
    int whole = x == floor(x) && x >= 0;
    switch (d->family) {
    case INFODIV_NORMAL: {
        double z = standardized(x, a, b);
        return -0.5 * z * z - c->log_b - 0.5 * LOG_2PI;
    }
    case INFODIV_LOG_NORMAL: {
        if (!(x > 0))
            return -INFINITY;
        double z = (log(x) - a) / b;
        return -0.5 * z * z - c->log_b - 0.5 * LOG_2PI - log(x);
    }
    case INFODIV_EXPONENTIAL: return x < 0 ? -INFINITY : c->log_a - a * x;
    case INFODIV_GAMMA:
        if (x < 0 || x == INFINITY)
            return -INFINITY;
        if (x == 0)
            return a < 1 ? INFINITY : a == 1 ? c->log_b : -INFINITY;
        return gamma_log_density(a, b, x, c);
    case INFODIV_BETA: {
        if (x < 0 || x > 1)
            return -INFINITY;
        if (x == 0 || x == 1) {
            double e = x == 0 ? a : b; /* the exponent + 1 at this end */
            if (e != 1)
                return e < 1 ? INFINITY : -INFINITY;
        }
        if (c->beta_stirling) /* lgamma overflows: Stirling's form, see beta_log_density_large */
            return beta_log_density_large(a, b, x);
        return (a == 1 ? 0 : (a - 1) * log(x)) + (b == 1 ? 0 : (b - 1) * log1p(-x)) - c->lbeta;
    }
    case INFODIV_UNIFORM: return x < a || x > b ? -INFINITY : -log_width(a, b);
    case INFODIV_LAPLACE: return -fabs(standardized(x, a, b)) - LN2 - c->log_b;
    case INFODIV_CAUCHY: {
        double z = standardized(x, a, b);
        if (fabs(z) < 1e150)
            return -LOG_PI - c->log_b - log1p(z * z);
        /* log|z| from log|x - a| - log b: z itself overflows for x = DBL_MAX, b = 0.125
         * (was -inf; found by tests/fuzz); x - a halved first, as it may overflow too */
        return -LOG_PI - c->log_b - 2 * ((log(fabs(0.5 * x - 0.5 * a)) + LN2) - c->log_b);
    }
    case INFODIV_BERNOULLI:
        if (x == 1)
            return c->log_a;
        return x == 0 ? c->log1m_a : -INFINITY;
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
        return x * c->log1m_a + c->log_a;
    default: return NAN;
    }
}

int infodiv_dist_log_density(const infodiv_dist *d, const double *x, size_t n, double *out, infodiv_error *err)
{
    int s;
    if (!x || !out)
        return fail_param(err, INFODIV_NULL, x ? INFODIV_ARG_NONE : INFODIV_ARG_X, PARAM_NONE, 0, 0);
    if ((s = check_dist(d, INFODIV_ARG_P, NULL, NULL, err)))
        return s;
    if (is_vector(d->family))
        return fail_param(err, INFODIV_NO_CLOSED_FORM, INFODIV_ARG_P, PARAM_NONE, 0, d->family);
    for (size_t i = 0; i < n; i++) {
        if (isnan(x[i]))
            return fail_param(err, INFODIV_NAN, INFODIV_ARG_X, PARAM_NONE, i, x[i]);
    }
    density_constants c = density_constants_of(d);
    for (size_t i = 0; i < n; i++)
        out[i] = log_density(d, &c, x[i]);
    return INFODIV_OK;
}

/* ---- KL on a grid ---- */

/* m 2^e with m in [0.5, 1), negative, or 0: the weights of very uneven grids
 * (Simpson's s^3/(h0 h1) of steps 1e-320 and 1e308) and their products with
 * densities pass the doubles' range, and the sums of such terms need not. */
typedef struct {
    double m;
    int e;
} xfloat;

/* frexp(v, e) and ldexp(m, k) read and written through the exponent field
 * where v and the result are normal (then both are exact, so the values are
 * the same); zeros, subnormals, infinities and NaN go to frexp and ldexp. */
static inline double split_exponent(double v, int *e)
{
    uint64_t bits;
    memcpy(&bits, &v, sizeof bits);
    int field = (int)(bits >> 52 & 0x7ff);
    if (field == 0 || field == 0x7ff)
        return frexp(v, e);
    *e = field - 1022;
    bits = (bits & ~((uint64_t)0x7ff << 52)) | ((uint64_t)0x3fe << 52);
    memcpy(&v, &bits, sizeof v);
    return v;
}

static inline double scale_exponent(double m, int k)
{
    uint64_t bits;
    memcpy(&bits, &m, sizeof bits);
    int field = (int)(bits >> 52 & 0x7ff);
    if (field == 0 || field == 0x7ff || k <= -field || k >= 0x7ff - field)
        return ldexp(m, k);
    bits = (bits & ~((uint64_t)0x7ff << 52)) | ((uint64_t)(field + k) << 52);
    memcpy(&m, &bits, sizeof m);
    return m;
}

static inline xfloat xf(double v)
{
    xfloat r;
    r.m = split_exponent(v, &r.e);
    return r;
}

static inline xfloat xmul(xfloat a, xfloat b)
{
    xfloat r = xf(a.m * b.m);
    r.e += r.m != 0 ? a.e + b.e : 0;
    return r;
}

static inline xfloat xdiv(xfloat a, xfloat b)
{
    xfloat r = xf(a.m / b.m);
    r.e += r.m != 0 ? a.e - b.e : 0;
    return r;
}

static inline xfloat xadd(xfloat a, xfloat b)
{
    if (b.m == 0 || (a.m != 0 && a.e - b.e > 60))
        return a;
    if (a.m == 0 || b.e - a.e > 60)
        return b;
    int e = a.e > b.e ? a.e : b.e;
    xfloat r = xf(scale_exponent(a.m, a.e - e) + scale_exponent(b.m, b.e - e));
    r.e += r.m != 0 ? e : 0;
    return r;
}

static double xdouble(xfloat a) { return scale_exponent(a.m, a.e); }

/* The rule's weights for the 2 or 3 points from start; returns the number of
 * points, *at the first of them, *next the next start. Simpson's in its
 * non-uniform form on pairs of intervals (h0, h1), ending, for an odd number
 * of intervals, with the integral over the last one of the parabola through
 * the last three points. */
static size_t rule_weights(const double *x, size_t n, size_t start, int simpson, xfloat w[3], size_t *at, size_t *next)
{
    const xfloat two = xf(2), sixth = xf(1.0 / 6);
    if (!simpson) { /* half the step through the exponent: exact where the step is subnormal */
        w[0] = xf(x[start + 1] - x[start]);
        w[0].e -= w[0].m != 0;
        w[1] = w[0];
        *at = start, *next = start + 1;
        return 2;
    }
    *at = start + 2 < n ? start : n - 3;
    double lo0, lo1, d0 = two_sum_wide(x[*at + 1], -x[*at], &lo0), d1 = two_sum_wide(x[*at + 2], -x[*at + 1], &lo1);
    xfloat h0 = xf(d0), h1 = xf(d1), s = xadd(h0, h1);
    if (start + 2 < n) {
        xfloat s6 = xmul(s, sixth);
        /* 2 - h1/h0 as (2 h0 - h1)/h0, from the steps' exact values (their roundings, 1e-12
         * of steps of 8192, would be all of a 2 h0 - h1 of 1e-12): one rounding where h1 is
         * near 2 h0 (2 h0 - h1 of the rounded steps exact there) */
        double lo01 = isfinite(d0 + d1) ? 2 * lo0 - lo1 : 0, lo10 = isfinite(d0 + d1) ? 2 * lo1 - lo0 : 0;
        w[0] = xmul(s6, xdiv(xadd(xadd(xmul(two, h0), xmul(xf(-1), h1)), xf(lo01)), h0));
        w[1] = xmul(s6, xmul(xdiv(s, h0), xdiv(s, h1)));
        w[2] = xmul(s6, xdiv(xadd(xadd(xmul(two, h1), xmul(xf(-1), h0)), xf(lo10)), h1));
        *next = start + 2;
        return 3;
    }
    xfloat h1_6 = xmul(h1, sixth), three_h0 = xmul(xf(3), h0);
    w[0] = xmul(xmul(xf(-1), h1_6), xmul(xdiv(h1, h0), xdiv(h1, s)));
    w[1] = xdiv(xmul(h1_6, xadd(h1, three_h0)), h0);
    w[2] = xdiv(xmul(h1_6, xadd(xmul(two, h1), three_h0)), s);
    *next = n;
    return 3;
}

/* One point's share of the normalised sum, q^ phi(p^/q^) for the rule's
 * masses fp = w p/Zp and fq = w q/Zq of the point (their ratio is p^/q^) and
 * fd = fp - fq, formed apart (grid_rule); from logs where one of them is
 * beyond the doubles' reach of the other. */
static xfloat normalized_term(xfloat fp, xfloat fq, xfloat fd)
{
    if (fp.m < 0) { /* a negative weight (Simpson's, uneven steps): the logs of the magnitudes */
        fp.m = -fp.m, fq.m = -fq.m, fd.m = -fd.m;
        xfloat t = normalized_term(fp, fq, fd);
        t.m = -t.m;
        return t;
    }
    if (fp.m == 0)
        return fq;
    int e = fp.e > fq.e ? fp.e : fq.e;
    double a = ldexp(fp.m, fp.e - e), b = ldexp(fq.m, fq.e - e);
    if (fabs(a) >= DBL_MIN && fabs(b) >= DBL_MIN) {
        xfloat t = xf(bregman_term(a, b, ldexp(fd.m, fd.e - e)));
        t.e += t.m != 0 ? e : 0;
        return t;
    }
    double log_ratio = log(fp.m / fq.m) + (fp.e - fq.e) * LN2;
    return xadd(xmul(fp, xf(log_ratio - 1)), fq);
}

/* p - k q, k a power of two near Zp/Zq: exact where p^ and q^ are close. */
static xfloat scaled_difference(double p, double q, xfloat k) { return xadd(xf(p), xmul(xf(-q), k)); }

/* w p/Zp - w q/Zq = w ((p - k q) Zq - q (Zp - k Zq))/(Zp Zq), zd = Zp - k Zq
 * summed from the p - k q: the quotients rounded apart would leave
 * eps/(p^/q^ - 1) of it (k a power of two keeps the form exact under scaling). */
static xfloat normalized_difference(xfloat w, double p, double q, xfloat zp, xfloat zq, xfloat zd, xfloat k)
{
    xfloat num = xadd(xmul(xmul(w, scaled_difference(p, q, k)), zq), xmul(xf(-1), xmul(xmul(w, xf(q)), zd)));
    return xdiv(num, xmul(zp, zq));
}

/* log(p/q), p, q > 0: from p - q (exact there) where they are within a
 * factor 2, as the quotient's rounding is eps/(p/q - 1) of its log; from the
 * logs apart where p/q passes the doubles (3.7e144 / 9e-219). */
static double log_of_density_ratio(double p, double q)
{
    if (p >= 0.5 * q && p <= 2 * q)
        return log1p((p - q) / q);
    double r = p / q;
    return r <= DBL_MAX && r >= DBL_MIN ? log(r) : log(p) - log(q);
}

/* z > 64 n eps a: an integral of the rule above the rounding of its terms,
 * whose magnitudes sum to a. */
static int integral_above_rounding(xfloat z, xfloat a, size_t n)
{
    return z.m > 0 && xdouble(xdiv(z, a)) > 64 * (double)n * DBL_EPSILON;
}

/* KL by one rule: normalised, sum w q^ phi(p^/q^) with p^ = p/Zp and
 * q^ = q/Zq, which equals the integral of p^ log(p^/q^) when the rule
 * integrates p and q to Zp and Zq (the linear parts cancel); without,
 * sum w p log(p/q). NAN when the rule's integrals, or (Simpson's) its KL, are
 * not positive or not above their rounding, 64 n eps sum |w| p (and q, and
 * |w term|) (possible only with Simpson's negative weights: those of 1.5e69
 * on steps of 1e-67 beside 25 leave an integral of 17 to the rounding, and
 * weights of -2^400/6 and 2^400/6 on steps of 2^-400 and 1 leave a flat
 * integrand's integral to it). */
static double grid_rule(const double *x, const double *p, const double *q, size_t n, int simpson, int normalize)
{
    xfloat zp = { 0, 0 }, zq = { 0, 0 }, zd = { 0, 0 }, k = { 0.5, 1 }, sum = { 0, 0 }, ap = { 0, 0 }, aq = { 0, 0 },
           asum = { 0, 0 };
    for (int pass = normalize ? 0 : 2; pass < 3; pass++) { /* integrals, Zp - k Zq, the integrand */
        for (size_t start = 0; start + 1 < n;) {           /* 2 or 3 points at a time: no scratch */
            xfloat w[3];
            size_t at, count = rule_weights(x, n, start, simpson, w, &at, &start);
            for (size_t j = 0; j < count; j++) {
                double pi = p[at + j], qi = q[at + j];
                xfloat wp = xmul(w[j], xf(pi)), wq = xmul(w[j], xf(qi));
                if (pass == 0) {
                    zp = xadd(zp, wp), zq = xadd(zq, wq);
                    xfloat wabs = { fabs(w[j].m), w[j].e };
                    ap = xadd(ap, xmul(wabs, xf(pi))), aq = xadd(aq, xmul(wabs, xf(qi)));
                } else if (pass == 1)
                    zd = xadd(zd, xmul(w[j], scaled_difference(pi, qi, k)));
                else if ((normalize && qi > 0) || (!normalize && pi > 0)) {
                    xfloat t = normalize ? normalized_term(xdiv(wp, zp), xdiv(wq, zq),
                                                           normalized_difference(w[j], pi, qi, zp, zq, zd, k))
                                         : xmul(wp, xf(log_of_density_ratio(pi, qi)));
                    sum = xadd(sum, t);
                    t.m = fabs(t.m);
                    asum = simpson ? xadd(asum, t) : asum; /* for Simpson's test below */
                }
            }
        }
        if (pass == 0 && !(integral_above_rounding(zp, ap, n) && integral_above_rounding(zq, aq, n)))
            return NAN;
        if (pass == 0)
            k.e = zp.e - zq.e + 1; /* 2^(zp.e - zq.e): Zp/Zq within a factor 2 of it */
    }
    xfloat magnitude = { fabs(sum.m), sum.e };
    if (simpson && !integral_above_rounding(magnitude, asum, n))
        return NAN;
    return xdouble(sum);
}

/* ---- the same rule in doubles ----
 * Every xfloat operation above is the double one rounded at a shifted
 * exponent, so where every value is normal the doubles give the same bits
 * (tests/c/test_continuous.c compares the two). grid_rule_d() repeats
 * rule_weights() and grid_rule() expression for expression in doubles and
 * counts the values outside the window [2^-400, 2^400] (zero aside, which the
 * extended pass has too): the inputs, the weights, and each value formed from
 * more than two of them or by cancellation. The product or quotient of two
 * values in the window is normal; a sum whose result is subnormal is exact;
 * and in the window normalized_term()'s shifts change no bit and its log form
 * is not reached (fp/fq is within 2^800). A count above 0: the extended pass. */
static inline int outside(double v)
{
    double a = fabs(v);
    return ((a < 0x1p-400) & (a != 0)) | (a > 0x1p400);
}

/* rule_weights() in doubles; *out counts the values outside the window. */
static size_t rule_weights_d(const double *x, size_t n, size_t start, int simpson, double w[3], size_t *at,
                             size_t *next, int *out)
{
    if (!simpson) {
        double h = x[start + 1] - x[start];
        w[0] = w[1] = 0.5 * h;
        *out += outside(h) + outside(w[0]);
        *at = start, *next = start + 1;
        return 2;
    }
    *at = start + 2 < n ? start : n - 3;
    double lo0, lo1, h0 = two_sum_wide(x[*at + 1], -x[*at], &lo0), h1 = two_sum_wide(x[*at + 2], -x[*at + 1], &lo1);
    double s = h0 + h1;
    *out += outside(h0) + outside(h1) + outside(s);
    if (start + 2 < n) {
        double s6 = s * (1.0 / 6), lo01 = isfinite(h0 + h1) ? 2 * lo0 - lo1 : 0,
               lo10 = isfinite(h0 + h1) ? 2 * lo1 - lo0 : 0;
        double r0 = (2 * h0 + -h1 + lo01) / h0, r1 = (s / h0) * (s / h1), r2 = (2 * h1 + -h0 + lo10) / h1;
        w[0] = s6 * r0, w[1] = s6 * r1, w[2] = s6 * r2;
        *out += outside(s6) + outside(r0) + outside(r1) + outside(r2) + outside(w[0]) + outside(w[1]) + outside(w[2]);
        *next = start + 2;
        return 3;
    }
    double h1_6 = h1 * (1.0 / 6), three_h0 = 3 * h0, r0 = (h1 / h0) * (h1 / s), a1 = h1 + three_h0,
           a2 = 2 * h1 + three_h0;
    w[0] = -h1_6 * r0, w[1] = (h1_6 * a1) / h0, w[2] = (h1_6 * a2) / s;
    *out += outside(h1_6) + outside(r0) + outside(a1) + outside(a2) + outside(w[0]) + outside(w[1]) + outside(w[2]);
    *next = n;
    return 3;
}

/* normalized_term() where fp, fq, fd and the result are in the window. */
static inline double normalized_term_d(double fp, double fq, double fd)
{
    if (fp < 0)
        return -normalized_term_d(-fp, -fq, -fd);
    return fp == 0 ? fq : bregman_term(fp, fq, fd);
}

/* grid_rule() in doubles; *out > 0 where a value left the window. */
static double grid_rule_d(const double *x, const double *p, const double *q, size_t n, int simpson, int normalize,
                          int *out)
{
    double zp = 0, zq = 0, zd = 0, k = 1, sum = 0, ap = 0, aq = 0, asum = 0;
    int first = normalize ? 0 : 2, ignored = 0;
    *out = 0;
    for (int pass = first; pass < 3; pass++) {            /* the later passes form the first's values again */
        for (size_t start = 0; start + 1 < n && !*out;) { /* a value out: the extended pass answers */
            double w[3];
            size_t at, count = rule_weights_d(x, n, start, simpson, w, &at, &start, pass == first ? out : &ignored);
            for (size_t j = 0; j < count; j++) {
                double pi = p[at + j], qi = q[at + j], wp = w[j] * pi, wq = w[j] * qi;
                if (pass == first)
                    *out += outside(pi) + outside(qi);
                if (pass == 0) {
                    zp += wp, zq += wq;
                    ap += fabs(w[j]) * pi, aq += fabs(w[j]) * qi;
                } else if (pass == 1) {
                    double qk = -qi * k, d = pi + qk, wd = w[j] * d;
                    zd += wd;
                    *out += outside(qk) + outside(d) + outside(wd);
                } else if ((normalize && qi > 0) || (!normalize && pi > 0)) {
                    double t;
                    if (normalize) {
                        double wqzd = wq * zd, fd = (w[j] * (pi + -qi * k) * zq + -wqzd) / (zp * zq), fp = wp / zp,
                               fq = wq / zq;
                        t = normalized_term_d(fp, fq, fd);
                        *out += outside(wqzd) + outside(fd) + outside(fp) + outside(fq);
                    } else
                        t = wp * log_of_density_ratio(pi, qi);
                    *out += outside(t);
                    sum += t, asum += simpson ? fabs(t) : 0;
                }
            }
        }
        if (pass == 0)
            *out += outside(zp) + outside(zq) + outside(ap) + outside(aq);
        if (pass == 1)
            *out += outside(zd);
        if (*out)
            return NAN;
        if (pass == 0
            && !(zp > 0 && zq > 0 && zp / ap > 64 * (double)n * DBL_EPSILON && zq / aq > 64 * (double)n * DBL_EPSILON))
            return NAN;
        if (pass == 0)
            k = ldexp(1, ilogb(zp) - ilogb(zq));
    }
    *out += outside(sum) + outside(asum);
    if (simpson && !(fabs(sum) / asum > 64 * (double)n * DBL_EPSILON))
        return NAN;
    return sum;
}

/* The rule's KL: in doubles, or where they do not hold every value, extended. */
static double grid_rule_either(const double *x, const double *p, const double *q, size_t n, int simpson, int normalize)
{
    int out;
    double kl = grid_rule_d(x, p, q, n, simpson, normalize, &out);
    return out == 0 ? kl : grid_rule(x, p, q, n, simpson, normalize);
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
        return fail_param(err, INFODIV_NULL,
                          !x       ? INFODIV_ARG_X
                              : !p ? INFODIV_ARG_P
                              : !q ? INFODIV_ARG_Q
                                   : INFODIV_ARG_NONE,
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
    double trapezoid = grid_rule_either(x, p, q, n, 0, normalize);
    double simpson = grid_rule_either(x, p, q, n, 1, normalize);
    /* Simpson's weights can be negative on very uneven grids (its KL then negative, or NAN: below
     * its rounding): fall back on the trapezoid's, whose weights are not */
    double kl = isnan(simpson) || (normalize && simpson < 0) ? trapezoid : simpson;
    /* two rules at the same infinity agree (inf - inf would be NAN); one infinite, they differ by inf */
    double estimate = isnan(simpson) ? fabs(trapezoid) : simpson == trapezoid ? 0 : fabs(simpson - trapezoid);
    result->kl = kl / ln_base;
    result->error_estimate = estimate / fabs(ln_base);
    return INFODIV_OK;
}
