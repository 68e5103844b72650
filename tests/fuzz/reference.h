/* reference.h -- the parametric (and grid) reference of fuzz_infodiv.c, in
 * __float128 (libquadmath: 113-bit significand, QEPS = 2^-112 = 1.9e-34, and
 * exponents to 1e+-4932, so no product, square or ratio of doubles overflows
 * or underflows here).
 *
 * An independent check: no code is shared with c/src. Where the textbook
 * formulas cancel (nearly equal parameters; lgamma of large shapes) they are
 * rewritten so that the large parts cancel analytically:
 *   - r - 1 - log r, (1+u) log(1+u) - u, e^y - 1 - y near 0 from series
 *     (log1p written through atanh: log(1+t) = 2 atanh(t/(2+t)));
 *   - the Bregman difference of lgamma, B(a, d) = lgamma(a+d) - lgamma(a) -
 *     d psi(a), split as a phi(1 + d/a) + D(a, d): D is the Bregman
 *     difference of f(x) = lgamma(x) - x log x + x (convex, so D >= 0), and
 *     for a, a+d >= QA0 the difference of Stirling's series
 *     D = (t - log(1+t))/2 + sum_k c_k a^(1-2k) h_(2k-1)(t), t = d/a,
 *     h_m(t) = (1+t)^-m - 1 + m t >= 0 (binomial series for |m t| <= 1/2);
 *     below QA0 by shifting the arguments up (B(a,d) = B(a+1,d) + t - log(1+t))
 *     or, for |t| > 1/2, from f and psi - log directly;
 *   - gamma KL = D(ap, aq) + ap y phi(x/y), x = aq/ap, y = bq/bp; beta and
 *     Dirichlet KL = b0 KL(categorical b/b0 || a/a0) + sum D(a_i, b_i) -
 *     D(a0, b0), with the differences b_i a0 - a_i b0 from exact products;
 *   - the multivariate normal's KL from M = Lq^-1 Lp (P and Q apart) or,
 *     when S = Lq^-1 (Sp - Sq) Lq^-T is small, from the Cholesky factor of
 *     I + S tracked as its deviation from I: a sum of nonnegative terms.
 *   - discrete entropies: the sum itself while the variance is below 400, else
 *     the trapezoid rule (step 1/4 sd, +-16 sd) on the continuous extension of
 *     -P log P (Stirling with the deviance x phi(x/mean)): spectrally accurate
 *     (aliasing below e^-300), the Poisson summation formula making the sum
 *     over the integers equal to that integral within e^(-2 pi^2 var).
 *
 * ERROR BOUND. Every primitive is within a few QEPS of its own value except
 * where signed terms are added; those terms' magnitudes are accumulated in
 * qmag. The reference's error is then below QREF_ERR(value) =
 * 256 QEPS (|value| + qmag) + the truncations (Stirling, 16 terms from QA0 =
 * 50: below 1e-45 relative; series: to 1e-36 relative). Measured against
 * mpmath at 700 digits by tests/fuzz/check_reference.py.
 */
#ifndef FUZZ_REFERENCE_H
#define FUZZ_REFERENCE_H

#include <math.h>
#include <quadmath.h>

#include "infodiv.h"

typedef __float128 f128;

#define QEPS FLT128_EPSILON
#define QA0 50 /* Stirling's series from here */
#define QK 16  /* its terms */
#define QLOG2PI 1.8378770664093454835606594728112352797Q
#define QPI M_PIq

static f128 qmag; /* magnitudes of the signed terms added (see ERROR BOUND) */

#define QREF_ERR(v) (256 * QEPS * (fabsq(v) + qmag))

static f128 qadd2(f128 x, f128 y)
{
    qmag += fabsq(x) + fabsq(y);
    return x + y;
}

/* c_k = B_2k / (2k (2k - 1)), k = 1..16 */
static f128 qstirling_c(int k)
{
    static const f128 num[QK] = { 1, -1, 1, -1, 5, -691, 7, -3617, 43867, -174611, 854513, -236364091, 8553103,
                                -23749461029.0Q, 8615841276005.0Q, -7709321041217.0Q };
    static const f128 den[QK] = { 6, 30, 42, 30, 66, 2730, 6, 510, 798, 330, 138, 2730, 6, 870, 14322, 510 };
    return num[k - 1] / den[k - 1] / ((2 * k) * (2 * k - 1));
}

/* R(x) = lgamma(x) - ((x - 1/2) log x - x + log(2 pi)/2), x >= QA0 */
static f128 qR(f128 x)
{
    f128 z = 1 / (x * x), p = 1 / x, s = 0;
    for (int k = 1; k <= QK; k++, p *= z)
        s += qstirling_c(k) * p;
    return s;
}

/* R'(x) */
static f128 qRd(f128 x)
{
    f128 z = 1 / (x * x), p = z, s = 0;
    for (int k = 1; k <= QK; k++, p *= z)
        s -= (2 * k - 1) * qstirling_c(k) * p;
    return s;
}

static int qshift(f128 x)
{
    return x >= QA0 ? 0 : (int)ceilq(QA0 - x);
}

static f128 qlgamma(f128 x)
{
    int n = qshift(x);
    f128 y = x + n, prod = 1;
    for (int j = 0; j < n; j++)
        prod *= x + j;
    f128 lp = logq(prod), st = (y - 0.5Q) * logq(y) - y + QLOG2PI / 2 + qR(y);
    qmag += fabsq(lp) + fabsq((y - 0.5Q) * logq(y)) + y;
    return st - lp;
}

static f128 qdigamma(f128 x)
{
    int n = qshift(x);
    f128 s = 0;
    for (int j = 0; j < n; j++)
        s += 1 / (x + j);
    f128 y = x + n, st = logq(y) - 0.5Q / y + qRd(y);
    qmag += fabsq(st) + s;
    return st - s;
}

/* G(x) = lgamma(x) + (1 - x) psi(x) + x: the gamma entropy's shape part */
static f128 qG(f128 x)
{
    if (x >= QA0) {
        f128 v = 0.5Q * (QLOG2PI + logq(x)) + 0.5Q - 0.5Q / x + qR(x) + (1 - x) * qRd(x);
        qmag += fabsq(v) + 1;
        return v;
    }
    f128 l = qlgamma(x), m0 = qmag, p = qdigamma(x);
    qmag = m0 + fabsq(1 - x) * (qmag - m0);
    p *= 1 - x;
    qmag += fabsq(l) + fabsq(p) + x;
    return l + p + x;
}

/* f(x) = lgamma(x) - x log x + x, and psi(x) - log x */
static f128 qf(f128 x)
{
    if (x >= QA0)
        return qadd2(QLOG2PI / 2 - 0.5Q * logq(x), qR(x));
    f128 l = qlgamma(x), m = x * logq(x);
    qmag += fabsq(l) + fabsq(m) + x;
    return l - m + x;
}

static f128 qpsilog(f128 x)
{
    if (x >= QA0)
        return -0.5Q / x + qRd(x);
    return qadd2(qdigamma(x), -logq(x));
}

/* 2 (s^3/3 + s^5/5 + ...), |s| <= 1/3 */
static f128 qatanh_rest(f128 s)
{
    f128 s2 = s * s, p = s * s2, sum = 0;
    for (int n = 3; n < 400; n += 2, p *= s2) {
        f128 term = p / n;
        sum += term;
        if (fabsq(term) <= 1e-37Q * fabsq(sum))
            break;
    }
    return 2 * sum;
}

/* t - log(1 + t), t > -1 */
static f128 qg(f128 t)
{
    if (fabsq(t) <= 0.5Q)
        return t * t / (2 + t) - qatanh_rest(t / (2 + t));
    return t - log1pq(t);
}

/* r - 1 - log r from r, r - 1 and log r */
static f128 qgr(f128 r, f128 rm1, f128 logr)
{
    return fabsq(rm1) <= 0.5Q ? qg(rm1) : (r - 1) - logr;
}

/* phi(1 + u) = (1 + u) log(1 + u) - u, u >= -1 */
static f128 qphi1(f128 u)
{
    if (u == -1)
        return 1;
    if (fabsq(u) <= 0.5Q) {
        f128 s = u / (2 + u);
        return u * u / (2 + u) + (1 + u) * qatanh_rest(s);
    }
    return (1 + u) * log1pq(u) - u;
}

/* y phi(x/y) = x log(x/y) - x + y, given x - y */
static f128 qbreg(f128 x, f128 y, f128 x_minus_y)
{
    if (y == 0)
        return x > 0 ? (f128)INFINITY : 0;
    if (x == 0)
        return y;
    f128 u = x_minus_y / y;
    if (u < -0.5Q) { /* 1 + u from x/y: u itself may have rounded to -1 (x of 1e-308 beside y of 1) */
        f128 r = x / y, rl = r * logq(r);
        qmag += y * (fabsq(rl) + r + 1);
        return y * (rl - r + 1);
    }
    return y * qphi1(u);
}

/* e^y - 1 - y */
static f128 qem1r(f128 y)
{
    if (fabsq(y) > 0.5Q)
        return expm1q(y) - y;
    f128 term = y * y / 2, s = 0;
    for (int n = 3; n < 60; n++) {
        s += term;
        term *= y / n;
        if (fabsq(term) <= 1e-37Q * fabsq(s))
            break;
    }
    return s;
}

/* h_m(t) = (1+t)^-m - 1 + m t */
static f128 qh(int m, f128 t)
{
    if (fabsq(m * t) <= 0.5Q) {
        f128 term = (f128)m * (m + 1) / 2 * t * t, s = 0;
        for (int j = 2; j < 400; j++) {
            s += term;
            term *= -t * (m + j) / (j + 1);
            if (fabsq(term) <= 1e-37Q * fabsq(s))
                break;
        }
        return s;
    }
    f128 v = powq(1 + t, -m), w = m * t;
    qmag += fabsq(v) + fabsq(w) + 1;
    return v - 1 + w;
}

/* D(a, t) for a, a (1 + t) >= QA0: Stirling's series' difference */
static f128 qD_st(f128 a, f128 t)
{
    f128 s = 0.5Q * qg(t), z = 1 / (a * a), p = 1 / a;
    for (int k = 1; k <= QK; k++, p *= z) {
        f128 m0 = qmag, c = qstirling_c(k) * p, term = c * qh(2 * k - 1, t);
        qmag = m0 + fabsq(c) * (qmag - m0) + fabsq(term); /* qh's parts, scaled as they are used */
        s += term;
    }
    return s;
}

/* D(a, x) = lgamma(x) - lgamma(a) - (x - a) psi(a) - a phi(x/a) >= 0, d = x - a */
static f128 qD(f128 a, f128 x, f128 d)
{
    if (d == 0)
        return 0;
    f128 t = d / a; /* far apart, 1 + t may round to 0 (x = 2e4, a = DBL_MAX): then f and psi - log */
    if (a >= QA0 && x >= QA0 && fabsq(t) <= 0.5Q)
        return qD_st(a, t);
    if (fabsq(t) <= 0.5Q) {
        int n = qshift(a < x ? a : x);
        f128 b = 0;
        for (int j = 0; j < n; j++)
            b += qg(d / (a + j));
        f128 a2 = a + n, t2 = d / a2;
        b += a2 * qphi1(t2) + qD_st(a2, t2);
        f128 ap = a * qphi1(t);
        qmag += b + ap;
        return b - ap;
    }
    f128 fx = qf(x), fa = qf(a), m0 = qmag, pl = qpsilog(a);
    qmag = m0 + fabsq(d) * (qmag - m0); /* psi - log's parts, times d */
    pl *= d;
    qmag += fabsq(fx) + fabsq(fa) + fabsq(pl);
    return fx - fa - pl;
}

/* exact sums of doubles' products and differences: a pair (hi, lo) */
typedef struct {
    f128 hi, lo;
} qq;

static void qq_add(qq *s, f128 x)
{
    f128 t = s->hi + x, bp = t - s->hi;
    s->lo += (s->hi - (t - bp)) + (x - bp);
    s->hi = t;
}

static f128 qq_val(qq s)
{
    return s.hi + s.lo;
}

/* KL of gamma(ap, bp) || gamma(aq, bq), shape and rate */
static f128 qgamma_kl(double ap, double bp, double aq, double bq)
{
    f128 x = (f128)aq / ap, y = (f128)bq / bp, diff = ((f128)aq * bp - (f128)bq * ap) / ((f128)ap * bp);
    f128 d = qD(ap, aq, (f128)aq - (f128)ap), b = ap * qbreg(x, y, diff);
    return d + b;
}

/* b0 KL(b/b0 || a/a0) + sum D(a_i, b_i) - D(a0, b0) for k entries (beta: k = 2) */
static f128 qdirichlet_kl(const double *a, const double *b, size_t k)
{
    qq a0 = { 0, 0 }, b0 = { 0, 0 }, d0 = { 0, 0 };
    for (size_t i = 0; i < k; i++) {
        qq_add(&a0, a[i]), qq_add(&b0, b[i]);
        qq_add(&d0, b[i]), qq_add(&d0, -(f128)a[i]);
    }
    f128 A = qq_val(a0), B = qq_val(b0), first = 0, s = 0;
    for (size_t i = 0; i < k; i++) {
        qq num = { 0, 0 }; /* b_i a0 - a_i b0 = sum_j b_i a_j - a_i b_j, exact products */
        for (size_t j = 0; j < k; j++)
            if (j != i)
                qq_add(&num, (f128)b[i] * a[j]), qq_add(&num, -((f128)a[i] * b[j]));
        f128 pi = b[i] / B, rho = a[i] / A;
        first += qbreg(pi, rho, qq_val(num) / (A * B));
        f128 di = qD(a[i], b[i], (f128)b[i] - (f128)a[i]);
        qmag += fabsq(di);
        s += di;
    }
    f128 d0v = qD(A, B, qq_val(d0));
    qmag += fabsq(d0v);
    return B * first + (s - d0v);
}

/* Cholesky in quad of m (k x k), above the diagonal 0: stops at the first
 * pivot d_j whose ratio d_j / |m_jj| is not above floor (0: not positive).
 * Returns where it stopped (k if nowhere); *ratio is the ratio there, or on
 * success the smallest (how ill-conditioned m is). Small early pivots magnify
 * the rounding of later ones: in quad it stays far inside the fuzz harness's
 * windows, which long double's does not. */
static size_t qcholesky_pivots(const double *m, size_t k, f128 *l, f128 floor_, f128 *ratio)
{
    f128 smallest = 1;
    for (size_t j = 0; j < k; j++) {
        f128 d = m[j * k + j];
        for (size_t c = 0; c < j; c++)
            d -= l[j * k + c] * l[j * k + c];
        *ratio = d / fabsq((f128)m[j * k + j]);
        if (!(*ratio > floor_) || !(d > 0))
            return j;
        if (*ratio < smallest)
            smallest = *ratio;
        f128 ljj = sqrtq(d);
        l[j * k + j] = ljj;
        for (size_t i = j + 1; i < k; i++) {
            f128 s = m[i * k + j];
            for (size_t c = 0; c < j; c++)
                s -= l[i * k + c] * l[j * k + c];
            l[i * k + j] = s / ljj;
        }
        for (size_t i = 0; i < j; i++)
            l[i * k + j] = 0;
    }
    *ratio = smallest;
    return k;
}

/* Cholesky in quad: returns 0 unless positive definite */
static int qcholesky(const double *m, size_t k, f128 *l)
{
    f128 ratio;
    return qcholesky_pivots(m, k, l, 0, &ratio) == k;
}

#define QMAXK 8

/* KL of two multivariate normals, k <= QMAXK; -1 if a covariance is not positive definite here */
static f128 qmvn_kl(const infodiv_dist *p, const infodiv_dist *q)
{
    size_t k = p->k;
    f128 lp[QMAXK * QMAXK], lq[QMAXK * QMAXK], s = 0;
    if (!qcholesky(p->m, k, lp) || !qcholesky(q->m, k, lq))
        return -1;
    /* y = Lq^-1 (mp - mq): |y|^2 */
    f128 y[QMAXK];
    for (size_t i = 0; i < k; i++) {
        f128 v = (f128)p->v[i] - (f128)q->v[i];
        for (size_t j = 0; j < i; j++)
            v -= lq[i * k + j] * y[j];
        y[i] = v / lq[i * k + i];
        s += y[i] * y[i];
    }
    /* S = Lq^-1 (Sp - Sq) Lq^-T */
    f128 t[QMAXK * QMAXK], S[QMAXK * QMAXK], big = 0;
    for (size_t c = 0; c < k; c++) /* t = Lq^-1 Delta, column by column */
        for (size_t i = 0; i < k; i++) {
            f128 v = (f128)p->m[i * k + c] - (f128)q->m[i * k + c];
            for (size_t j = 0; j < i; j++)
                v -= lq[i * k + j] * t[j * k + c];
            t[i * k + c] = v / lq[i * k + i];
        }
    for (size_t r = 0; r < k; r++) /* S = t Lq^-T: row r of S solves Lq S_r^T = t_r^T */
        for (size_t i = 0; i < k; i++) {
            f128 v = t[r * k + i];
            for (size_t j = 0; j < i; j++)
                v -= lq[i * k + j] * S[r * k + j];
            S[r * k + i] = v / lq[i * k + i];
        }
    for (size_t i = 0; i < k * k; i++)
        big = fabsq(S[i]) > big ? fabsq(S[i]) : big;
    if (big <= 0.25Q) {
        /* I + S = L L^T, e_j = L_jj^2 - 1 tracked apart from the 1 */
        f128 L[QMAXK * QMAXK];
        for (size_t j = 0; j < k; j++) {
            f128 e = 0.5Q * (S[j * k + j] + S[j * k + j]);
            for (size_t c = 0; c < j; c++)
                e -= L[j * k + c] * L[j * k + c], s += L[j * k + c] * L[j * k + c];
            s += qg(e);
            f128 ljj = sqrtq(1 + e);
            L[j * k + j] = ljj;
            for (size_t i = j + 1; i < k; i++) {
                f128 v = 0.5Q * (S[i * k + j] + S[j * k + i]);
                for (size_t c = 0; c < j; c++)
                    v -= L[i * k + c] * L[j * k + c];
                L[i * k + j] = v / ljj;
            }
        }
        return 0.5Q * s;
    }
    /* M = Lq^-1 Lp: sum (M_ii^2 - 1 - log M_ii^2) + sum_i>j M_ij^2 */
    f128 M[QMAXK * QMAXK];
    for (size_t c = 0; c < k; c++)
        for (size_t i = 0; i < k; i++) {
            f128 v = i >= c ? lp[i * k + c] : 0;
            for (size_t j = 0; j < i; j++)
                v -= lq[i * k + j] * M[j * k + c];
            M[i * k + c] = v / lq[i * k + i];
        }
    for (size_t i = 0; i < k; i++) {
        f128 r = lp[i * k + i] / lq[i * k + i];
        s += qgr(r * r, (lp[i * k + i] - lq[i * k + i]) * (lp[i * k + i] + lq[i * k + i]) / (lq[i * k + i] * lq[i * k + i]),
                 2 * logq(r));
        for (size_t j = 0; j < i; j++)
            s += M[i * k + j] * M[i * k + j];
    }
    return 0.5Q * s;
}

/* ---- discrete entropies ---- */

/* -sum P log P of Poisson(lam) (n = 0) or Binomial(n, p), p <= 1/2 */
static f128 qdiscrete_entropy(int poisson, f128 n, f128 p, f128 lam)
{
    f128 var = poisson ? lam : n * p * (1 - p), sum = 0;
    if (var < 400) {
        f128 mean = poisson ? lam : n * p, lp = poisson ? -lam : n * log1pq(-p), top = mean + 16 * sqrtq(var) + 60;
        f128 dl = fabsq(lp); /* a bound on lp's error, in units of QEPS: it is a running sum of logs */
        for (f128 x = 0; x <= top && (poisson || x <= n); x++) {
            f128 pr = expq(lp);
            sum -= pr * lp;
            qmag += pr * (1 + fabsq(lp)) * dl;
            f128 inc = poisson ? logq(lam / (x + 1)) : logq(((n - x) * p) / ((x + 1) * (1 - p)));
            lp += inc;
            dl += 2 * fabsq(inc) + 2 * fabsq(lp);
        }
        return sum;
    }
    f128 sd = sqrtq(var), np = poisson ? lam : n * p, nq = n * (1 - p);
    for (int j = -64; j <= 64; j++) {
        f128 dz = sd * j / 4, x = np + dz, lp;
        if (poisson)
            lp = -qbreg(x, lam, dz) - 0.5Q * (QLOG2PI + logq(x)) - qR(x);
        else {
            f128 y = nq - dz;
            lp = -qbreg(x, np, dz) - qbreg(y, nq, -dz) + 0.5Q * (logq(n / (x * y)) - QLOG2PI) + qR(n) - qR(x) - qR(y);
        }
        sum -= expq(lp) * lp;
    }
    return sum * sd / 4;
}

/* ---- the entry points: nats ---- */

/* Entropy: *h, the magnitude of the formula's terms *mag (the entropy can cross 0)
 * and the reference's own error bound *err. 0 for families not here. */
static int qref_entropy(const infodiv_dist *d, f128 *h, f128 *mag, f128 *err)
{
    f128 a = d->a, b = d->b, v = 0, m = 0;
    qmag = 0;
    switch (d->family) {
    case INFODIV_NORMAL: v = 0.5Q * (1 + QLOG2PI) + logq(b), m = 0.5Q * (1 + QLOG2PI) + fabsq(logq(b)); break;
    case INFODIV_LOG_NORMAL:
        v = a + 0.5Q * (1 + QLOG2PI) + logq(b), m = fabsq(a) + 0.5Q * (1 + QLOG2PI) + fabsq(logq(b));
        break;
    case INFODIV_EXPONENTIAL: v = 1 - logq(a), m = 1 + fabsq(logq(a)); break;
    case INFODIV_UNIFORM: { /* b - a is not exact in quad for (-1e-300, 1): its rounding added back (TwoSum) */
        f128 w = b - a, bv = w - b, err = (b - (w - bv)) + (-a - bv);
        v = logq(w) + err / w, m = fabsq(v);
        break;
    }
    case INFODIV_LAPLACE: v = 1 + M_LN2q + logq(b), m = 1 + M_LN2q + fabsq(logq(b)); break;
    case INFODIV_CAUCHY: v = logq(4 * QPI) + logq(b), m = logq(4 * QPI) + fabsq(logq(b)); break;
    case INFODIV_GAMMA: {
        f128 g = qG(a), l = logq(b);
        v = g - l, m = fabsq(g) + fabsq(l);
        break;
    }
    case INFODIV_BETA: {
        f128 ga = qG(a), gb = qG(b), gs = qG(a + b), ps = qdigamma(a + b);
        v = ga + gb - gs - ps, m = fabsq(ga) + fabsq(gb) + fabsq(gs) + fabsq(ps);
        break;
    }
    case INFODIV_DIRICHLET: {
        if (!d->v || d->k < 2 || d->k > QMAXK)
            return 0;
        qq s0 = { 0, 0 };
        for (size_t i = 0; i < d->k; i++) {
            f128 g = qG(d->v[i]);
            v += g, m += fabsq(g);
            qq_add(&s0, d->v[i]);
        }
        f128 s = qq_val(s0), gs = qG(s), ps = (f128)(d->k - 1) * qdigamma(s);
        v -= gs + ps, m += fabsq(gs) + fabsq(ps);
        break;
    }
    case INFODIV_MULTIVARIATE_NORMAL: {
        f128 l[QMAXK * QMAXK];
        if (!d->v || !d->m || d->k > QMAXK || !qcholesky(d->m, d->k, l))
            return 0;
        v = m = 0.5Q * d->k * (1 + QLOG2PI);
        for (size_t i = 0; i < d->k; i++) {
            f128 x = logq(l[i * d->k + i]);
            v += x, m += fabsq(x);
        }
        break;
    }
    case INFODIV_BERNOULLI: case INFODIV_GEOMETRIC: {
        f128 x = a <= 0.5Q ? a : 1 - a;
        v = x == 0 ? 0 : -x * logq(x) - (1 - x) * log1pq(-x);
        if (d->family == INFODIV_GEOMETRIC)
            v /= a;
        m = v;
        break;
    }
    case INFODIV_POISSON: v = a == 0 ? 0 : qdiscrete_entropy(1, 0, 0, a), m = v; break;
    case INFODIV_BINOMIAL: {
        f128 x = b <= 0.5Q ? b : 1 - b;
        v = x == 0 || a == 0 ? 0 : qdiscrete_entropy(0, a, x, 0), m = v;
        break;
    }
    default: return 0;
    }
    *h = v, *mag = m, *err = QREF_ERR(m);
    return 1;
}

/* KL(P||Q) in nats of the pairs with a closed form whose supports nest; *err its bound. */
static int qref_kl(const infodiv_dist *p, const infodiv_dist *q, f128 *kl, f128 *err)
{
    double a = p->a, b = p->b, c = q->a, d = q->b;
    int fp = p->family, fq_ = q->family;
    f128 v;
    qmag = 0;
    if (fp == INFODIV_NORMAL && fq_ == INFODIV_LAPLACE) {
        /* log(2 b/sigma) - (1 + log 2 pi)/2 + (sigma/b) E|Z + z|, z = (mu - m)/sigma */
        f128 z = fabsq(((f128)a - c) / b), ma = sqrtq(2 / QPI) * expq(-z * z / 2) + z * erfq(z / M_SQRT2q);
        f128 t1 = logq(2 * ((f128)d / b)), t2 = ((f128)b / d) * ma, t3 = -0.5Q * (1 + QLOG2PI);
        qmag += fabsq(t1) + fabsq(t2) + fabsq(t3);
        v = t1 + t2 + t3;
    } else if (fp == INFODIV_LAPLACE && fq_ == INFODIV_NORMAL) {
        /* log(sigma/(2 b)) + log(2 pi)/2 - 1 + (2 b^2 + (m - mu)^2)/(2 sigma^2) */
        f128 r = (f128)b / d, z = ((f128)a - c) / d;
        f128 t1 = -logq(2 * r), t2 = r * r + z * z / 2, t3 = QLOG2PI / 2 - 1;
        qmag += fabsq(t1) + fabsq(t2) + fabsq(t3);
        v = t1 + t2 + t3;
    } else if ((fp == INFODIV_EXPONENTIAL || fp == INFODIV_GAMMA) && (fq_ == INFODIV_EXPONENTIAL || fq_ == INFODIV_GAMMA)) {
        v = qgamma_kl(fp == INFODIV_GAMMA ? a : 1, fp == INFODIV_GAMMA ? b : a, fq_ == INFODIV_GAMMA ? c : 1, fq_ == INFODIV_GAMMA ? d : c);
    } else if (fp != fq_) {
        return 0;
    } else {
        switch (fp) {
        case INFODIV_NORMAL: case INFODIV_LOG_NORMAL: {
            f128 rho = (f128)b / d, z = ((f128)a - c) / d;
            f128 g = qgr(rho * rho, ((f128)b - d) * ((f128)b + d) / ((f128)d * d), 2 * logq(rho));
            v = 0.5Q * (g + z * z);
            break;
        }
        case INFODIV_EXPONENTIAL: {
            f128 r = (f128)c / a;
            v = qgr(r, ((f128)c - a) / a, logq(r));
            break;
        }
        case INFODIV_LAPLACE: {
            f128 r = (f128)b / d, t = fabsq((f128)a - c) / b;
            v = qgr(r, ((f128)b - d) / d, logq(r)) + r * qem1r(-t);
            break;
        }
        case INFODIV_CAUCHY: {
            f128 ds = (f128)b - d, dm = (f128)a - c;
            v = log1pq((ds * ds + dm * dm) / (4 * (f128)b * d));
            break;
        }
        case INFODIV_UNIFORM: v = log1pq((((f128)d - b) + ((f128)a - c)) / ((f128)b - a)); break;
        case INFODIV_GAMMA: v = qgamma_kl(a, b, c, d); break;
        case INFODIV_BETA: {
            const double x[2] = { a, b }, y[2] = { c, d };
            v = qdirichlet_kl(x, y, 2);
            break;
        }
        case INFODIV_DIRICHLET:
            if (!p->v || !q->v || p->k != q->k || p->k > QMAXK)
                return 0;
            v = qdirichlet_kl(p->v, q->v, p->k);
            break;
        case INFODIV_MULTIVARIATE_NORMAL:
            if (!p->v || !q->v || !p->m || !q->m || p->k != q->k || p->k > QMAXK)
                return 0;
            v = qmvn_kl(p, q);
            if (v < 0)
                return 0;
            break;
        case INFODIV_BERNOULLI: case INFODIV_BINOMIAL: case INFODIV_GEOMETRIC: {
            f128 x = fp == INFODIV_BINOMIAL ? b : a, y = fp == INFODIV_BINOMIAL ? d : c;
            v = qbreg(x, y, x - y) + qbreg(1 - x, 1 - y, y - x);
            if (fp == INFODIV_BINOMIAL)
                v = a == 0 ? 0 : a * v;
            if (fp == INFODIV_GEOMETRIC)
                v /= x;
            break;
        }
        case INFODIV_POISSON: v = qbreg(a, c, (f128)a - c); break;
        default: return 0;
        }
    }
    *kl = v, *err = QREF_ERR(v);
    return 1;
}

#endif
