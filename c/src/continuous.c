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

/* Entropy of Dir(v) (Beta: k = 2): sum_i G(v_i) - G(v0) - (k - 1) psi(v0),
 * G(x) = lgamma(x) + (1 - x) psi(x) + x (the v_i cancel exactly), v0 the sum.
 * A sum beyond DBL_MAX is taken halved: there G(v0) = log(2 pi v0)/2 + 1/2 and
 * psi(v0) = log v0, their terms in 1/v0 being below the rounding. */
static double dirichlet_entropy(const double *v, size_t k)
{
    double s = 0;
    for (size_t i = 0; i < k; i++)
        s += infodiv_gamma_entropy_part(v[i]);
    int h = 0;
    while (!isfinite(sum_halved(v, k, h)))
        h++;
    double total = sum_halved(v, k, h);
    if (h == 0)
        return s - infodiv_gamma_entropy_part(total) - (double)(k - 1) * infodiv_digamma(total);
    double log_total = log(total) + h * LN2;
    return s - (0.5 * (LOG_2PI + log_total) + 0.5) - (double)(k - 1) * log_total;
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
    case INFODIV_BETA: return dirichlet_entropy((const double[]){ a, b }, 2);
    case INFODIV_UNIFORM: return isfinite(b - a) ? log(b - a) : log(0.5 * b - 0.5 * a) + LN2;
    case INFODIV_LAPLACE: return 1 + LN2 + log(b);
    case INFODIV_CAUCHY: return 2 * LN2 + LOG_PI + log(b);
    case INFODIV_MULTIVARIATE_NORMAL: {
        double s = 0.5 * (double)d->k * (1 + LOG_2PI);
        for (size_t i = 0; i < d->k; i++)
            s += log(l[i * d->k + i]);
        return s;
    }
    case INFODIV_DIRICHLET: return dirichlet_entropy(d->v, d->k);
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
static double bernoulli_kl(double p, double q)
{
    return bregman_term(p, q, p - q) + bregman_term(1 - p, 1 - q, q - p);
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
    double u = 0.5 * fabs(sp - sq), v = fabs(0.5 * mp - 0.5 * mq), m = u > v ? u : v;
    if (m == 0)
        return 0;
    double h_unit = hypot(u / m, v / m), h = (m / sqrt(sp)) / sqrt(sq) * h_unit;
    if (h < 1e150)
        return log1p(h * h);
    return 2 * (log(m) + log(h_unit) - 0.5 * log(sp) - 0.5 * log(sq));
}

/* H(P,Q) of two Cauchy laws: log(pi sq) + log(((sp + sq)^2 + dm^2)/sq^2). */
static double cauchy_cross(double mp, double sp, double mq, double sq)
{
    double hyp = hypot(sp + sq, mp - mq), log_hyp;
    if (isfinite(hyp))
        log_hyp = log(hyp);
    else { /* halves, and the larger taken out of the hypot */
        double u = 0.5 * sp + 0.5 * sq, v = fabs(0.5 * mp - 0.5 * mq), m = u > v ? u : v;
        log_hyp = log(m) + log(hypot(u / m, v / m)) + LN2;
    }
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
    if (isfinite(b - a) && isfinite(d - c))
        return log1p(((d - b) + (a - c)) / (b - a));
    return log1p(((0.5 * d - 0.5 * b) + (0.5 * a - 0.5 * c)) / (0.5 * b - 0.5 * a));
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
 * B is not small (|B_ii| > 1/2) or I + B loses definiteness to rounding. */
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
        if (!(u > -1))
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
static void mvn_measures(const infodiv_dist *p, const infodiv_dist *q, double *lp, const double *lq, double *y,
                         double *kl, double *cross)
{
    size_t k = p->k;
    double s = 0, tr = 0, quad = 0, log_det = 0;
    int halved = 0; /* y from the halves of mp - mq where that overflows */
    for (size_t i = 0; i < k; i++)
        halved |= !isfinite(p->v[i] - q->v[i]);
    for (size_t i = 0; i < k; i++) {
        double v = halved ? 0.5 * p->v[i] - 0.5 * q->v[i] : p->v[i] - q->v[i];
        for (size_t j = 0; j < i; j++)
            v -= lq[i * k + j] * y[j];
        y[i] = v / lq[i * k + i];
        quad += halved ? 4 * (y[i] * y[i]) : y[i] * y[i];
        log_det += log(lq[i * k + i]);
        s += infodiv_ratio_rest(1, lp[i * k + i], lq[i * k + i], lp[i * k + i], lq[i * k + i]);
    }
    solve_columns(lq, lp, k); /* M; lp is lower triangular, so M is */
    for (size_t i = 0; i < k; i++)
        for (size_t j = 0; j <= i; j++) {
            tr += lp[i * k + j] * lp[i * k + j];
            if (j < i)
                s += lp[i * k + j] * lp[i * k + j];
        }
    double near_trace, near = mvn_near(p->m, q->m, lq, lp, k, &near_trace);
    if (!isnan(near))
        s = near, tr = (double)k + near_trace;
    *kl = 0.5 * (s + quad);
    *cross = 0.5 * (double)k * LOG_2PI + log_det + 0.5 * (tr + quad);
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
    int h = 0; /* halvings until both sums are finite (alphas of 1e308) */
    while (!isfinite(sum_halved(a, k, h)) || !isfinite(sum_halved(b, k, h)))
        h++;
    double a0 = sum_halved(a, k, h), b0 = sum_halved(b, k, h), d0 = 0, c = 0, g = 0, cat;
    for (size_t i = 0; i < k; i++) {
        /* the differences summed in double-double (TwoSum): G(a0, b0) needs b0 - a0 exactly */
        double di = b[i] - a[i], dh = ldexp(di, -h), t = d0 + dh, bv = t - d0;
        c += (d0 - (t - bv)) + (dh - bv);
        d0 = t;
        g += infodiv_gamma_matched_kl(a[i], b[i], di);
    }
    g -= infodiv_gamma_matched_kl(a0, b0, d0 + c);
    infodiv_options nats = { INFODIV_E, 1 };
    if (infodiv_kl(b, a, k, &nats, &cat, NULL) != INFODIV_OK)
        return NAN; /* not reached: the alphas are checked */
    double kl = g + ldexp(b0 * cat, h);
    return kl > 0 ? kl : 0; /* a sum of >= 0 parts but for the G difference's last rounding */
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
        *kl = gamma_kl(1, a, c, d);
    else if (fp == INFODIV_GAMMA && fq == INFODIV_EXPONENTIAL)
        *kl = gamma_kl(a, b, 1, c);
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
        case INFODIV_GAMMA: *kl = gamma_kl(a, b, c, d); break;
        case INFODIV_BETA: *kl = dirichlet_kl((const double[]){ a, b }, (const double[]){ c, d }, 2); break;
        case INFODIV_UNIFORM: *kl = uniform_kl(a, b, c, d), *cross = entropy_nats(q, NULL); break;
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
        case INFODIV_GEOMETRIC: *kl = bernoulli_kl(a, c) / a; break;
        default: return NO_FORMULA;
        }
    }
    if (isnan(*cross) || isinf(*kl))
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
    double cross;
    if (is_vector(fp) || is_vector(fq)) {
        if (fp != fq)
            return fail_param(err, INFODIV_NO_CLOSED_FORM, INFODIV_ARG_Q, PARAM_NONE, 0, fq);
        if (p->k != q->k)
            return fail_param(err, INFODIV_DIMENSION_MISMATCH, INFODIV_ARG_Q, PARAM_V, p->k, (double)q->k);
        h = entropy_nats(p, lp);
        if (fp == INFODIV_DIRICHLET) {
            kl = dirichlet_kl(p->v, q->v, p->k);
            cross = isinf(kl) ? kl : h + kl;
        } else
            mvn_measures(p, q, lp, lq, lq + p->k * p->k, &kl, &cross);
    } else {
        if (is_discrete(fp) != is_discrete(fq))
            return fail_param(err, INFODIV_NO_CLOSED_FORM, INFODIV_ARG_Q, PARAM_NONE, 0, fq);
        support sp = support_of(p), sq = support_of(q);
        h = entropy_nats(p, NULL);
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

/* Powers of two that bring the grid's span and the largest p and q to about
 * 1: the normalised KL does not change when x, p or q is scaled (p^ = p/Zp),
 * and the unnormalised one scales by 2^(x + p), so the rules below never
 * overflow on the way to a result that does not. */
typedef struct {
    int x, p, q;
} grid_scale;

static int exponent_of(double v)
{
    int e;
    frexp(v, &e);
    return e;
}

static int exponent_of_max(const double *v, size_t n)
{
    double m = 0;
    for (size_t i = 0; i < n; i++)
        m = v[i] > m ? v[i] : m;
    return exponent_of(m);
}

/* The rule's weights for the 2 or 3 points from start (scaled by 2^-scale);
 * returns the number of points, *at the first of them, *next the next start. */
static size_t rule_weights(const double *x, size_t n, size_t start, int simpson, int scale, double w3[3], size_t *at,
                           size_t *next)
{
    if (!simpson) {
        double h = ldexp(x[start + 1] - x[start], -scale);
        w3[0] = w3[1] = 0.5 * h;
        *at = start, *next = start + 1;
        return 2;
    }
    if (start + 2 < n) {
        double h0 = ldexp(x[start + 1] - x[start], -scale), h1 = ldexp(x[start + 2] - x[start + 1], -scale), s = h0 + h1;
        w3[0] = s / 6 * (2 - h1 / h0);
        w3[1] = s / 6 * (s / h0) * (s / h1);
        w3[2] = s / 6 * (2 - h0 / h1);
        *at = start, *next = start + 2;
        return 3;
    }
    double h0 = ldexp(x[n - 2] - x[n - 3], -scale), h1 = ldexp(x[n - 1] - x[n - 2], -scale);
    w3[0] = -h1 / 6 * (h1 / h0) * (h1 / (h0 + h1));
    w3[1] = h1 * (h1 + 3 * h0) / (6 * h0);
    w3[2] = h1 * (2 * h1 + 3 * h0) / (6 * (h0 + h1));
    *at = n - 3, *next = n;
    return 3;
}

/* KL by one rule, trapezoid or Simpson's in its non-uniform form on pairs of
 * intervals (h0, h1), ending, for an odd number of intervals, with the
 * integral over the last one of the parabola through the last three points.
 * With normalisation, sum w_i q^_i phi(p^_i/q^_i), p^ = p/Zp and q^ = q/Zq,
 * which equals the integral of p^ log(p^/q^) when the rule integrates p and q
 * to Zp and Zq (the linear parts cancel);
 * without, sum w_i p_i log(p_i/q_i). x, p and q are taken scaled by sc (see
 * grid_scale), the result without: 2^(sc.x + sc.p) times the sum without
 * normalisation. NAN when the rule's integrals are not positive (possible
 * only with Simpson's negative weights). */
static double grid_rule(const double *x, const double *p, const double *q, size_t n, int simpson, int normalize,
                        grid_scale sc)
{
    double zp = 0, zq = 0, sum = 0;
    /* two passes: integrals, then the integrand */
    for (int pass = 0; pass < 2; pass++) {
        for (size_t start = 0; start + 1 < n;) { /* weights of 2 or 3 points at a time: no scratch */
            double w3[3];
            size_t at, count = rule_weights(x, n, start, simpson, sc.x, w3, &at, &start);
            for (size_t j = 0; j < count; j++) {
                double pi = p[at + j], qi = q[at + j], ps = ldexp(pi, -sc.p), qs = ldexp(qi, -sc.q);
                if (!pass) {
                    zp += w3[j] * ps;
                    zq += w3[j] * qs;
                } else if (normalize) {
                    double ph = ps / zp, qh = qs / zq;
                    /* q^ underflowing to 0 where q > 0 (a far tail): the term is finite, from logs */
                    sum += w3[j] * (qh == 0 && qi > 0 && ph > 0
                                        ? ph * ((log(pi) - log(qi)) + (log(zq) - log(zp)) + (sc.q - sc.p) * LN2 - 1)
                                        : bregman_term(ph, qh, ph - qh));
                } else if (pi > 0) {
                    double r = pi / qi; /* beyond the doubles (3.7e144 / 9e-219): the logs apart */
                    sum += w3[j] * (qi > 0 ? ldexp(pi, -sc.p) * (r <= DBL_MAX && r >= DBL_MIN ? log(r) : log(pi) - log(qi))
                                           : INFINITY);
                }
            }
        }
        if (!pass && normalize && !(zp > 0 && zq > 0))
            return NAN;
    }
    return normalize ? sum : ldexp(sum, sc.x + sc.p);
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
    grid_scale sc = { exponent_of(0.5 * x[n - 1] - 0.5 * x[0]) + 1, exponent_of_max(p, n), exponent_of_max(q, n) };
    if (!normalize)
        sc.q = sc.p; /* p and q alike: log(p/q) is taken from the values themselves */
    double trapezoid = grid_rule(x, p, q, n, 0, normalize, sc);
    double simpson = grid_rule(x, p, q, n, 1, normalize, sc);
    /* Simpson's weights can be negative on very uneven grids: fall back on the trapezoid's, which are not */
    double kl = isnan(simpson) || (normalize && simpson < 0) ? trapezoid : simpson;
    double estimate = isnan(simpson) ? fabs(trapezoid) : fabs(simpson - trapezoid);
    if (isinf(kl))
        estimate = 0; /* not inf - inf */
    result->kl = kl / ln_base;
    result->error_estimate = estimate / fabs(ln_base);
    return INFODIV_OK;
}
