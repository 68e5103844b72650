/* Log-gamma, digamma and the differences the parametric measures need.
 *
 * The closed forms of KL for the gamma, beta and Dirichlet families are sums
 * of lgamma(a+d) - lgamma(a) - d psi(a): the Bregman divergence of lgamma,
 * which is >= 0 and of order d^2. Formed from lgamma and psi it cancels to
 * nothing for nearly equal parameters; infodiv_lgamma_bregman() forms it from
 * nonnegative parts instead. The entropies of the same families cancel for
 * large shapes (lgamma(a) ~ a log a, the result ~ log a); they use
 * infodiv_gamma_entropy_part(), which is expanded for large a.
 *
 * Accuracy: against 60-digit values (tests/fixtures/special.json, from
 * c/tools/special_constants.py): see tests/c/test_special.c for the bounds
 * asserted.
 */
#include "special.h"

#include <math.h>

#include "phi.h"

#define HALF_LOG_2PI    0.91893853320467274178 /* log(2 pi)/2 */
#define LOG_2PI_        1.8378770664093454836  /* log(2 pi) */
#define EULER_GAMMA     0.57721566490153286061
#define ASYMPTOTIC      10.0 /* from here on, Stirling's series: its 10th term is below 3e-19 */
#define DIGAMMA_ROOT_HI 1.4616321449683622
#define DIGAMMA_ROOT_LO 9.549995429965697e-17 /* x0 = HI + LO to 32 digits */
#define NEAR_ROOT       0.25                  /* |x - x0| below this: the Taylor series at the root */

/* c_k = B_2k / (2k (2k-1)), k = 1..10: Stirling's series
 * lgamma(x) = (x - 1/2) log x - x + log(2 pi)/2 + R(x), R(x) = sum c_k x^(1-2k). */
static const double STIRLING[] = {
    1.0 / 12,        -1.0 / 360, 1.0 / 1260,       -1.0 / 1680,      1.0 / 1188,
    -691.0 / 360360, 1.0 / 156,  -3617.0 / 122400, 43867.0 / 244188, -174611.0 / 125400,
};
#define STIRLING_TERMS 10

/* zeta(k) - 1 for k = 2..30 (c/tools/special_constants.py). */
static const double ZETA_MINUS_1[] = {
    0.6449340668482264,    0.2020569031595943,     0.08232323371113819,   0.03692775514336993,   0.01734306198444914,
    0.008349277381922827,  0.00407735619794434,    0.0020083928260822143, 0.0009945751278180853, 0.0004941886041194645,
    0.0002460865533080483, 0.00012271334757848915, 6.124813505870483e-05, 3.058823630702049e-05, 1.528225940865187e-05,
    7.637197637899763e-06, 3.81729326499984e-06,   1.908212716553939e-06, 9.539620338727962e-07, 4.769329867878064e-07,
    2.38450502727733e-07,  1.1921992596531106e-07, 5.960818905125948e-08, 2.980350351465228e-08, 1.4901554828365043e-08,
    7.45071178983543e-09,  3.725334024788457e-09,  1.862659723513049e-09, 9.313274324196682e-10
};
#define ZETA_TERMS 29

/* psi^(k)(x0)/k! for k = 1..24, x0 the root of psi (c/tools/special_constants.py). */
static const double DIGAMMA_AT_ROOT[] = { 0.9676722454476212,      -0.4427631689835921,    0.258499760955651,
                                          -0.16394270544240652,    0.10782405069126237,    -0.07219956125645471,
                                          0.04880428816414311,     -0.03316112647484736,   0.022597648232218104,
                                          -0.01542476590494896,    0.010538791616612175,   -0.007204534386356869,
                                          0.004926781395729853,    -0.003369801655439328,  0.002305126326734928,
                                          -0.0015769367714301972,  0.0010788252019162967,  -0.0007380709389960052,
                                          0.000504953265834602,    -0.0003454680251063077, 0.00023635601564027053,
                                          -0.00016170622091974803, 0.0001106337276874741,  -7.569179582195066e-05 };
#define ROOT_TERMS 24

/* R(x) and R'(x) of Stirling's series, x >= ASYMPTOTIC. */
static double stirling_rest(double x)
{
    double z = 1 / (x * x), s = 0;
    for (int k = STIRLING_TERMS - 1; k >= 0; k--)
        s = s * z + STIRLING[k];
    return s / x;
}

static double stirling_rest_derivative(double x)
{
    double z = 1 / (x * x), s = 0;
    for (int k = STIRLING_TERMS - 1; k >= 0; k--)
        s = s * z - (2 * k + 1) * STIRLING[k];
    return s * z;
}

/* lgamma(2 + e) = (1 - gamma) e + sum_k>=2 (-1)^k (zeta(k) - 1) e^k / k, |e| <= 1/2:
 * the terms fall like 4^-k, so 29 of them leave below 1e-18. Near e = 0 this
 * keeps full relative accuracy at the root x = 2. */
static double lgamma_near_2(double e)
{
    double s = 0;
    for (int k = ZETA_TERMS + 1; k >= 2; k--)
        s = s * -e + ZETA_MINUS_1[k - 2] / k;
    return e * ((1 - EULER_GAMMA) + e * s);
}

/* log Gamma(x), x > 0.
 * Method: x < 1/2: lgamma(x + 2) - log(x + 1) - log x; [1/2, 3/2): lgamma(x + 1)
 *   - log x; [3/2, 5/2): the series at 2; [5/2, 10): down to [3/2, 5/2) by
 *   Gamma(x) = (x-1)...(x-m) Gamma(x-m) (x - m is exact); from 10: Stirling.
 * Special cases: +inf for x -> 0 (-log x) and when the value overflows.
 * Accuracy: a few ulps; absolute 2e-16 at the roots 1 and 2, where the value
 *   goes through 0 (relative there: the factor 2.5 lost near 1). */
double infodiv_lgamma(double x)
{
    if (x < 0.5)
        return lgamma_near_2(x) - log1p(x) - log(x);
    if (x < 1.5)
        return lgamma_near_2(x - 1) - log1p(x - 1);
    if (x < 2.5)
        return lgamma_near_2(x - 2);
    if (x < ASYMPTOTIC) {
        double y = x, product = 1;
        while (y >= 2.5) {
            y -= 1;
            product *= y;
        }
        return lgamma_near_2(y - 2) + log(product);
    }
    return (x - 0.5) * log(x) - x + HALF_LOG_2PI + stirling_rest(x);
}

/* psi(x), x > 0.
 * Method: from 10 on, log x - 1/(2x) + R'(x); within 1/4 of the root x0, the
 *   Taylor series at x0 in h = x - x0 (x0 as a double-double, so h is exact to
 *   32 digits: full relative accuracy where psi crosses 0); else
 *   psi(x) = psi(x + n) - sum_j<n 1/(x + j) with x + n >= 10.
 * Special cases: -inf as x -> 0 (-1/x).
 * Accuracy: relative ~1e-15 (a few ulps of psi(x + n), 2.3 at most, where
 *   psi(x) is smaller); full relative accuracy at the root. */
double infodiv_digamma(double x)
{
    double h = (x - DIGAMMA_ROOT_HI) - DIGAMMA_ROOT_LO;
    if (fabs(h) < NEAR_ROOT) {
        double s = 0;
        for (int k = ROOT_TERMS - 1; k >= 0; k--)
            s = s * h + DIGAMMA_AT_ROOT[k];
        return s * h;
    }
    double shift = 0;
    while (x < ASYMPTOTIC) {
        shift += 1 / x;
        x += 1;
    }
    return log(x) - 0.5 / x + stirling_rest_derivative(x) - shift;
}

/* psi(x) - log x, x > 0: from 10 on -1/(2x) + R'(x), with no log x to cancel
 * (so psi(x) - psi(y) = log(x/y) + these keeps its digits for x, y of 1e300). */
double infodiv_digamma_minus_log(double x)
{
    if (x >= ASYMPTOTIC)
        return -0.5 / x + stirling_rest_derivative(x);
    return infodiv_digamma(x) - log(x);
}

/* t - log(1 + t) >= 0 for t > -1: the same quantity as (1+t) phi(1 + v) with
 * v = -t/(1+t), where phi is accurate near 0; else direct (loses < 6x). */
double infodiv_log1p_rest(double t)
{
    if (t >= -1.0 / 3 && t <= 0.5)
        return (1 + t) * phi_near(-t / (1 + t));
    return t - log1p(t);
}

/* e^y - 1 - y >= 0: the Taylor series for |y| <= 1/2 (18 terms, below 1e-19
 * relative), else expm1(y) - y (loses < 5x). */
double infodiv_expm1_rest(double y)
{
    if (fabs(y) > 0.5)
        return expm1(y) - y;
    double s = 0;
    for (int j = 19; j >= 2; j--)
        s = (s + 1) * y / j;
    return s * y;
}

/* The Stirling part of lgamma's Bregman difference at a >= ASYMPTOTIC,
 * a + d too, t = d/a: sum_k c_k a^(1-2k) h_(2k-1)(t) with
 * h_m(t) = (1+t)^-m - 1 + m t = (e^(-m u) - 1 + m u) + m (t - u), u = log(1+t):
 * every part >= 0. */
static double stirling_bregman(double a, double t)
{
    double u = log1p(t), rest = infodiv_log1p_rest(t);
    double z = 1 / (a * a), power = 1 / a, series = 0;
    for (int k = 0; k < STIRLING_TERMS; k++, power *= z) {
        double m = 2 * k + 1;
        series += STIRLING[k] * power * (infodiv_expm1_rest(-m * u) + m * rest);
    }
    return series;
}

/* lgamma(a + d) - lgamma(a) - d psi(a), a > 0 and a + d > 0: >= 0, ~ psi'(a) d^2/2.
 * Method: while a or a + d is below 10, shift both up by one; each shift adds
 *   t - log(1+t) >= 0, t = d/(a+j) (from Gamma(x+1) = x Gamma(x) and
 *   psi(x+1) = psi(x) + 1/x). Then, with t = d/a and Stirling's series,
 *   B = a phi(1+t) + (t - log(1+t))/2 + stirling_bregman(a, t): every part
 *   >= 0, so nothing cancels, however small d is.
 * Accuracy: relative ~1e-15 for every d (tests/c/test_special.c). */
double infodiv_lgamma_bregman(double a, double d)
{
    if (d == 0)
        return 0;
    double sum = 0, a0 = a;
    /* at most 16 shifts: where a + d has rounded away (a = 1e300, d = 5 - 1e300) the loop still ends */
    for (int j = 1; j <= 16 && (a < ASYMPTOTIC || a + d < ASYMPTOTIC); j++) {
        sum += infodiv_log1p_rest(d / a);
        a = a0 + j;
    }
    double t = d / a;
    return sum + a * phi(t) + 0.5 * infodiv_log1p_rest(t) + stirling_bregman(a, t);
}

/* x = m 2^e with m in [0.5, 1), and the product of two such m exactly, as
 * hi + lo (Dekker's product: the halves of 26 bits multiply exactly). */
static void exact_product(double x, double y, double *hi, double *lo)
{
    const double split = 134217729.0; /* 2^27 + 1 */
    double xs = x * split, ys = y * split;
    double xh = xs - (xs - x), xl = x - xh, yh = ys - (ys - y), yl = y - yh;
    *hi = x * y;
    *lo = ((xh * yh - *hi) + xh * yl + xl * yh) + xl * yl;
}

#define LN2_HI 6.93147180369123816490e-01 /* ln 2 in two parts: e * LN2_HI is exact for |e| < 2^20 */
#define LN2_LO 1.90821492927058770002e-10

/* w (s - 1 - log s) 2^-scale >= 0 with s = (x1/y1)(x2/y2), all four finite and > 0, w > 0;
 * the scale applied to the result, so a w that 2^-scale would round (a subnormal) keeps its digits.
 * Method: the mantissas of the four (frexp, exact) give s = (N/D) 2^e, N and
 *   D exact products as hi + lo. Where s is within [1/2, 2], s - 1 =
 *   (N 2^e - D)/D, its leading difference exact (Sterbenz), then
 *   t - log(1+t) (infodiv_log1p_rest). Elsewhere log s = log(N/D) + e log 2,
 *   accurate to a few eps absolute whatever the size of s (no quotient
 *   overflows or underflows), and w s = ldexp(w N/D, e), taken apart from the
 *   rest where it alone would overflow; there s - 1 - log s >= 0.19 s, so at
 *   most a factor 7 is lost.
 * Special cases: +inf where the value exceeds DBL_MAX; 0 for s = 1 exactly.
 * Accuracy: a few ulps relative, for ratios from 1e-600 to 1e600. */
double infodiv_ratio_rest_scaled(double w, int scale, double x1, double y1, double x2, double y2)
{
    int e1, e2, e3, e4;
    double mx1 = frexp(x1, &e1), my1 = frexp(y1, &e2), mx2 = frexp(x2, &e3), my2 = frexp(y2, &e4);
    double nh, nl, dh, dl;
    exact_product(mx1, mx2, &nh, &nl);
    exact_product(my1, my2, &dh, &dl);
    int e = (e1 + e3) - (e2 + e4);
    double q = nh / dh; /* in (1/4, 4) */
    if (e >= -3 && e <= 3) {
        double ns = ldexp(nh, e), nls = ldexp(nl, e);
        if (ns >= 0.5 * dh && ns <= 2 * dh) {
            double t = ((ns - dh) + (nls - dl)) / dh;
            return ldexp(w * infodiv_log1p_rest(t), -scale);
        }
    }
    double log_s = e * LN2_HI + (e * LN2_LO + log(q));
    /* w = mw 2^ew apart: w q 2^e and w (1 + log s) can each pass the range
     * (or be subnormal, w of 1e-323 beside s of 1e323) where their difference does not */
    int ew;
    double mw = frexp(w, &ew), wq = mw * q, tail = mw * (1 + log_s);
    ew -= scale;
    return e > 0 ? ldexp(wq - ldexp(tail, -e), e + ew) : ldexp(ldexp(wq, e) - tail, ew);
}

double infodiv_ratio_rest(double w, double x1, double y1, double x2, double y2)
{
    return infodiv_ratio_rest_scaled(w, 0, x1, y1, x2, y2);
}

/* log(y/x), y, x > 0: from the quotient where it is a normal double, else
 * from the two logs (|log| > 690 there, so their rounding is eps relative). */
static double log_of_ratio(double y, double x)
{
    double r = y / x;
    return r > 0x1p-1000 && r < 0x1p1000 ? log(r) : log(y) - log(x);
}

/* log(1 + n/x), from logs where n/x overflows (x subnormal). */
static double log1p_ratio(double n, double x)
{
    double r = n / x;
    return r < 0x1p1000 ? log1p(r) : log(n) - log(x) + log1p(x / n);
}

/* t - log(1+t) for 1 + t = y/x, y - x = d: from d where y and x are within
 * a factor 2 (d exact there, or accurate where y is a rounded sum), else
 * from y and x (rounded by eps relative, harmless so far from 1). */
static double rest_of(double y, double x, double d)
{
    if (y >= 0.5 * x && y <= 2 * x)
        return infodiv_log1p_rest(d / x);
    return infodiv_ratio_rest(1, y, x, 1, 1);
}

/* R(b) - R(a) - (b - a) R'(a) >= 0 for a, b >= ASYMPTOTIC, R the remainder of
 * Stirling's series: in the form of stirling_bregman() near b = a, where it
 * would cancel; else directly (at most a factor 2 lost). */
static double remainder_bregman(double a, double b, double d)
{
    if (b >= 0.5 * a && b <= 2 * a)
        return stirling_bregman(a, d / a);
    return stirling_rest(b) - stirling_rest(a) - d * stirling_rest_derivative(a);
}

/* lgamma(x) - x log x + x, through Stirling's error from 1 on (x log x may overflow). */
double infodiv_lgamma_lead(double x)
{
    return x >= 1 ? infodiv_stirling_error(x) - 0.5 * log(x) + HALF_LOG_2PI : infodiv_lgamma(x) - x * log(x) + x;
}

/* infodiv_gamma_matched_kl for a >= ASYMPTOTIC, b < 2 or b <= a/16, from Stirling's
 * series at a: lgamma(b) - b log b + b + log(a)/2 - log(2 pi)/2 - 1/2 + b/(2a)
 * - R(a) - d R'(a), for b >= 1 as S(b) + log(a/b)/2 - 1/2 + ... (S = Stirling's
 * error). Its terms are within a small factor of G (log(a/b)/2 >= 0.8 beside
 * the 1/2), where the shifts would sum log(a/b) sixteen times and cancel it:
 * a few eps relative (6e-15 against 400 digits, a from 10 to DBL_MAX). */
static double matched_kl_far_below(double a, double b, double d)
{
    double tail = 0.5 * (b / a) - stirling_rest(a) - d * stirling_rest_derivative(a);
    if (b >= 1)
        return infodiv_stirling_error(b) + (0.5 * log(a / b) - 0.5) + tail;
    return infodiv_lgamma_lead(b) + (0.5 * log(a) - HALF_LOG_2PI - 0.5) + tail;
}

/* infodiv_gamma_matched_kl(a, b, d) 2^-e, e >= 1, for where G passes DBL_MAX
 * only by b/a (a sum of such terms may not): from psi(a) = psi(1 + a) - 1/a,
 *   G = d/a + S(b) + (1 + b) log a - lgamma(1 + a) - a - d psi(1 + a),
 * S = infodiv_lgamma_lead; exact, and the other terms are far below d/a there.
 * With prescale, where the terms of b's size pass DBL_MAX though d/a 2^-e does
 * not ((1 + b) log a for b of 1e308 and a below 1/e), they are scaled before
 * they are formed (for a from 2^-60, where no scale reaches the subnormals);
 * else such a G is +inf. */
double infodiv_gamma_matched_kl_scaled(double a, double b, double d, int e, int prescale)
{
    double lead = ldexp(d, -e) / a;
    double rest = infodiv_lgamma_lead(b) + (1 + b) * log(a) - infodiv_lgamma(1 + a) - a - d * infodiv_digamma(1 + a);
    if (prescale && isinf(rest) && isfinite(lead) && a >= 0x1p-60) { /* the large terms scaled first */
        double large = ldexp(1 + b, -e) * log(a) - ldexp(d, -e) * infodiv_digamma(1 + a);
        return lead + (large + ldexp(infodiv_lgamma_lead(b) - infodiv_lgamma(1 + a) - a, -e));
    }
    double scaled = lead + ldexp(rest, -e);
    return isnan(scaled) ? INFINITY : scaled; /* inf - inf: b log a beyond the doubles, and b/a more so */
}

/* KL(Gamma(a, rate a) || Gamma(b, rate b)): two gamma laws of mean 1, or of
 * any one mean; = lgamma(b) - lgamma(a) - d psi(a) - a phi(b/a) >= 0, d = b - a
 * given apart (exactly, or from exact parts: b may be a rounded sum).
 * Method: from 10 on, (t - log(1+t))/2, 1 + t = b/a, + the remainder part:
 *   the large parts a log a of lgamma and psi cancel analytically, so shapes
 *   up to 1e300 keep their digits. Below, the shifts of
 *   infodiv_lgamma_bregman() (each t - log(1+t), 1 + t = (b+j)/(a+j), from d
 *   near 1 and from the two numbers far from it, so a b of 1e-16 beside an a
 *   of 0.375 or 2^53 keeps its digits), less a phi(b/a) and plus a' phi(d/a')
 *   at the shifted a'.
 * Accuracy: relative ~1e-15 from 10 on; below, up to (2a + 1) eps where a and
 *   b nearly agree (the shifts' sum, less the phi terms). */
double infodiv_gamma_matched_kl(double a, double b, double d)
{
    if (d == 0)
        return 0;
    if (a >= ASYMPTOTIC && b >= ASYMPTOTIC)
        return 0.5 * rest_of(b, a, d) + remainder_bregman(a, b, d);
    if (a >= ASYMPTOTIC && (b < 2 || 16 * b <= a))
        return matched_kl_far_below(a, b, d);
    double sum = rest_of(b, a, d), a0 = a;
    int n = 1;
    for (; n < 16 && !isinf(sum) && (a0 + n < ASYMPTOTIC || b + n < ASYMPTOTIC); n++)
        sum += rest_of(b + n, a0 + n, d);
    if (isinf(sum) && b >= ASYMPTOTIC) { /* b/a beyond the doubles, G perhaps not (0.8 b at a = 0.75): Stirling at b */
        double g = -b * infodiv_digamma_minus_log(a0) + (0.5 * LOG_2PI_ - 0.5 * log(b) + stirling_rest(b))
            + (infodiv_digamma(a0) - infodiv_gamma_entropy_part(a0));
        return isnan(g) ? INFINITY : g; /* inf - inf: a shape near 1e-323, G ~ b/a beyond the doubles */
    }
    if (isinf(sum)) /* b/a beyond the doubles with b small (a subnormal shape): so is G */
        return sum;
    a = a0 + n;
    /* a' phi(b'/a') - a0 phi(b/a0), a phi(b/a) = b log(b/a) - d: through phi
     * where b is near a; where both are far, d (which may be 1e16 beside a
     * result of 1) cancels and b' log(b'/a') - b log(b/a0) =
     * b' (log1p(n/b) - log1p(n/a0)) + n log(b/a0), no two large logs apart */
    double b_shifted = b + n;
    int near0 = b >= 0.5 * a0 && b <= 2 * a0, near1 = b_shifted >= 0.5 * a && b_shifted <= 2 * a;
    double phi_change;
    if (!near0 && !near1)
        phi_change = b_shifted * (log1p_ratio(n, b) - log1p_ratio(n, a0)) + n * log_of_ratio(b, a0);
    else
        phi_change = (near1 ? a * phi(d / a) : b_shifted * log_of_ratio(b_shifted, a) - d)
            - (near0 ? a0 * phi(d / a0) : b * log_of_ratio(b, a0) - d);
    return sum + phi_change + 0.5 * rest_of(b_shifted, a, d) + remainder_bregman(a, b_shifted, d);
}

/* lgamma(x) + (1 - x) psi(x) + x: the shape-dependent part of the entropy of
 * the gamma distribution (and, combined, of the beta and Dirichlet ones).
 * Below 10 directly; from 10 on, where lgamma and (1-x) psi are each ~x log x
 * and cancel to ~log x, Stirling's series gives it without cancellation:
 * log(2 pi x)/2 + 1/2 - 1/(2x) + R(x) + (1 - x) R'(x). */
double infodiv_gamma_entropy_part(double x)
{
    if (x < ASYMPTOTIC)
        return infodiv_lgamma(x) + (1 - x) * infodiv_digamma(x) + x;
    return 0.5 * log(x) + HALF_LOG_2PI + 0.5 - 0.5 / x + stirling_rest(x) + (1 - x) * stirling_rest_derivative(x);
}

/* log Gamma(x) - ((x - 1/2) log x - x + log(2 pi)/2), x >= 1: the error of
 * Stirling's formula, = log Gamma(n+1) - (n + 1/2) log n + n - log(2 pi)/2 at
 * integers (Loader's stirlerr), for the binomial and Poisson probabilities.
 * From 10 on the series (no cancellation); below, from lgamma (absolute error
 * ~1e-15, which is what a log probability needs). */
double infodiv_stirling_error(double x)
{
    if (x >= ASYMPTOTIC)
        return stirling_rest(x);
    return infodiv_lgamma(x) - ((x - 0.5) * log(x) - x + HALF_LOG_2PI);
}
