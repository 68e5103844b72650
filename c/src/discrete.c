/* Discrete information measures: the per-outcome arithmetic, written once for
 * double; discrete_loops.h then walks double and float arrays with it.
 *
 * The plan shared by every function:
 *   1. Scan: reject NaN, negative and infinite entries; find the largest.
 *   2. Scale by a power of two so that the largest entry lies in [1, 2). This
 *      is exact, keeps every sum below 2n (no overflow for entries near
 *      DBL_MAX) and lifts subnormal inputs into the normal range.
 *   3. Sum each distribution in double-double (Neumaier), so S_p and S_q
 *      carry about 32 digits: an error d in a sum shifts KL by about d^2/2,
 *      which at 16 digits would swamp a KL of 1e-25. Below 1e-16, KL and JS
 *      are summed again from Q's departure from rho P (outcome_ratio_terms),
 *      which 32 digits do not hold for a KL of 1e-66 (discrete_loops.h).
 *   4. Add up nonnegative terms only. Written as sum q^ phi(p^/q^) with
 *      phi(t) = t log t - t + 1 >= 0, KL has no cancellation between terms,
 *      unlike sum p log(p/q), whose terms of either sign cancel to 1e-25.
 *   5. Divide by log(base) once, at the end.
 */
#include "infodiv.h"

#include <float.h>
#include <math.h>
#include <stdint.h>

#include "evidence.h"
#include "phi.h"
#include "special.h"
#include "exact.h"
#include "vec.h"

/* TwoSum and TwoProduct below are exact only if no multiply-add is fused
 * (build.sh also passes -ffp-contract=off, which is what gcc obeys). */
#ifdef __clang__
#pragma STDC FP_CONTRACT OFF
#endif

#define LN2     0.6931471805599453094
#define LOG_3_2 0.4054651081081644         /* log(3/2): the near range of ratio, [2/3, 3/2] */
#define LN2_HI  6.93147180369123816490e-01 /* 32 significant bits: k*LN2_HI is exact */
#define LN2_LO  1.90821492927058770002e-10

/* An unevaluated sum hi + lo: a double-double. */
typedef struct {
    double hi, lo;
} dd;

/* Neumaier's compensated addition: the rounding error of each add is captured
 * exactly (TwoSum) and kept in lo, so s carries the sum to about eps^2 n. */
static inline void acc_add(dd *s, double x)
{
    double t = s->hi + x;
    if (fabs(s->hi) >= fabs(x))
        s->lo += (s->hi - t) + x;
    else
        s->lo += (x - t) + s->hi;
    s->hi = t;
}

/* Renormalise so that |lo| <= ulp(hi)/2 (Fast2Sum; |hi| >= |lo| holds here). */
static inline dd acc_result(dd s)
{
    double hi = s.hi + s.lo;
    dd r = { hi, s.lo - (hi - s.hi) };
    return r;
}

/* log(a/b) for finite a, b > 0. One rounding in the quotient; when the
 * quotient would overflow or underflow, |log(a/b)| > 700 and the difference
 * of the two logs loses nothing that matters. */
static inline double log_ratio(double a, double b)
{
    double r = a / b;
    if (r >= DBL_MIN && r <= DBL_MAX)
        return log(r);
    return log(a) - log(b);
}

/* The fast path of KL: one pass, two lanes at a time (vec.h).
 *
 * Unnormalised, A = sum y phi(x/y) = sum x log(x/y) - x + y >= 0 over the
 * entries x of p and y of q as given; then, with S_p = sum x, S_q = sum y and
 * rho = S_q/S_p,   KL = A/S_p - psi(rho),   psi(rho) = rho - 1 - log rho >= 0.
 * Nothing in a term needs the sums, so x - y is exact for nearly equal
 * entries and the pass reads each array once. The subtraction at the end
 * cancels only when the totals differ and the shapes nearly agree; kl_finish()
 * then leaves the case to the general path, as it does for every input the
 * pass cannot vouch for (see kl_lanes_ok()). */

#define FAST_BLOCK   64       /* entries per lane-wise partial sum: its error stays below 32 eps */
#define FAST_Z_MAX   0.0403   /* s^2 after the reduction of kl_lanes(); P is fitted up to here */
#define FAST_SUM_MIN 0x1p-900 /* sums and A above this: a subnormal term's lost digits do not matter */

/* P(z) = sum_j z^j/(2j+3) on [0, FAST_Z_MAX], so atanh(s) = s (1 + s^2 P(s^2)):
 * Chebyshev-economised, relative error 5.6e-17 (c/tools/atanh_poly.py). */
#define ATANH_P0 0.3333333333333333
#define ATANH_P1 0.1999999999999995
#define ATANH_P2 0.14285714285746484
#define ATANH_P3 0.1111111110293696
#define ATANH_P4 0.09090910129211649
#define ATANH_P5 0.07692233743444128
#define ATANH_P6 0.06669750455276137
#define ATANH_P7 0.058078849999376896
#define ATANH_P8 0.0621731181952977

/* P of the series atanh(s) = s (1 + z P(z)), z = s^2 <= FAST_Z_MAX. */
static inline vd atanh_P(vd z)
{
    vd P = v_add(v_mul(v_splat(ATANH_P8), z), v_splat(ATANH_P7));
    P = v_add(v_mul(P, z), v_splat(ATANH_P6));
    P = v_add(v_mul(P, z), v_splat(ATANH_P5));
    P = v_add(v_mul(P, z), v_splat(ATANH_P4));
    P = v_add(v_mul(P, z), v_splat(ATANH_P3));
    P = v_add(v_mul(P, z), v_splat(ATANH_P2));
    P = v_add(v_mul(P, z), v_splat(ATANH_P1));
    return v_add(v_mul(P, z), v_splat(ATANH_P0));
}

/* y phi(x/y) = x log(x/y) - x + y, lane by lane; also s^2, which tells the
 * caller whether the lane was in range.
 *
 * Method:
 *   1. k = floor(L(x) - L(y) + 1/2) with L(v) = bits(v)/2^52 - 1023, a
 *      piecewise-linear log2 within 0.0861 below the true one: no division.
 *      y' = y 2^k exactly, so that m = x/y' is in [0.666, 1.502] and x - y'
 *      is exact (Sterbenz). k = 0 whenever x/y is in [0.75, 1.33].
 *   2. s = (x - y')/(x + y'), |s| <= 0.2006, z = s^2:
 *      log(x/y') = 2 atanh(s) = 2s T, T = 1 + z P(z).
 *   3. With x = c(1+s), y' = c(1-s): y' phi(x/y') = (x + y') z (T + s P),
 *      a product of positive factors (T + sP > 0.9): no cancellation, so a
 *      term of KL near 1e-30 keeps every digit.
 *   4. y phi(x/y) = y' phi(x/y') + (x k log 2 + (y - y')). The bracket is 0
 *      when k = 0; otherwise x/y is outside (0.75, 1.33) and the sum cancels
 *      by at most a factor of 3.
 * Special cases: x = 0 gives y (phi(0) = 1), with 2^k and s set to 0. Any
 *   input the steps above do not fit gives s^2 > FAST_Z_MAX or a NaN or
 *   infinite term: y = 0 < x makes y' = 0 and s = 1; an exponent outside the
 *   reach of step 1, or x < 0 < y, puts y' far from x; NaN and infinities
 *   propagate. A negative y is the one case left: the caller checks it.
 * Accuracy: a few ulps per term (one rounding each in x + y' and s; P to
 *   5.6e-17); the terms are >= 0, so their sum keeps that relative accuracy. */
static inline vd kl_lanes(vd x, vd y, vd *s2)
{
    vm x_zero = v_eq(x, v_splat(0));
    /* bits(x) - bits(y) + 2^52 (1023 + 1/2): k + 1023 in the exponent field */
    vm d = vm_add(vm_sub(v_bits(x), v_bits(y)), vm_splat(0x3ff8000000000000));
    /* 2^k; 0 where x = 0, which makes y' = 0, s = 0 and the term y */
    vd pow2k = v_from_bits(vm_andnot(vm_and(d, vm_splat(0x7ff0000000000000)), x_zero));
    /* k itself, converted exactly through 2^52 */
    vd k = v_sub(v_from_bits(vm_or(vm_shr(d, 52), vm_splat(0x4330000000000000))), v_splat(0x1p52 + 1023));
    vd yk = v_mul(y, pow2k);
    vd sum = v_add(x, yk);
    vd s = v_div(v_sub(x, yk), v_from_bits(vm_or(v_bits(sum), vm_and(x_zero, v_bits(v_splat(1))))));
    vd z = v_mul(s, s);
    vd P = atanh_P(z);
    /* T + sP = 1 + (z + s) P; z + s = s (1 + s) keeps the sign of s */
    vd reduced = v_mul(v_mul(sum, z), v_add(v_splat(1), v_mul(v_add(z, s), P)));
    vd shift = v_add(v_mul(x, v_mul(k, v_splat(LN2))), v_sub(y, yk));
    *s2 = z;
    return v_add(reduced, shift);
}

/* What one fast pass over p and q found. */
typedef struct {
    double a;     /* sum y phi(x/y); NaN or infinite for some inputs it cannot take */
    double sum_p; /* S_p */
    double sum_q; /* S_q */
    double diff;  /* S_q - S_p, summed as sum (y - x): exact where they nearly agree */
    int lanes_ok; /* every s^2 <= FAST_Z_MAX and no entry of q negative */
} kl_sums;

/* The checks of a pass: the largest s^2 and the smallest entry of q. NaN need
 * not stick here: a NaN entry makes A NaN. */
typedef struct {
    vd z_max, q_min;
} kl_lanes_state;

/* One block's lane-wise partial sums. */
typedef struct {
    vd a, sp, sq, diff;
} kl_block;

static inline kl_lanes_state kl_lanes_start(void)
{
    kl_lanes_state st = { v_splat(0), v_splat(0) };
    return st;
}

static inline kl_block kl_block_start(void)
{
    kl_block b = { v_splat(0), v_splat(0), v_splat(0), v_splat(0) };
    return b;
}

static inline void kl_step(kl_lanes_state *st, kl_block *b, vd x, vd y)
{
    vd z;
    b->a = v_add(b->a, kl_lanes(x, y, &z));
    b->sp = v_add(b->sp, x);
    b->sq = v_add(b->sq, y);
    b->diff = v_add(b->diff, v_sub(y, x));
    st->z_max = v_max(st->z_max, z);
    st->q_min = v_min(st->q_min, y);
}

static int kl_lanes_ok(const kl_lanes_state *st)
{
    int ok = 1;
    for (int k = 0; k < VLANES; k++)
        ok &= v_lane(st->z_max, k) <= FAST_Z_MAX && v_lane(st->q_min, k) >= 0;
    return ok;
}

/* Adds one block's partial sums to the double-double totals. */
static void fold_lanes(dd *a, dd *sp, dd *sq, dd *diff, const kl_block *b)
{
    for (int k = 0; k < VLANES; k++) {
        acc_add(a, v_lane(b->a, k));
        acc_add(sp, v_lane(b->sp, k));
        acc_add(sq, v_lane(b->sq, k));
        acc_add(diff, v_lane(b->diff, k));
    }
}

/* One distribution after scanning and summing (steps 1-3). */
typedef struct {
    double scale1, scale2; /* x = v * scale1 * scale2: the largest x is in [1, 2) */
    int k;                 /* scale1 * scale2 = 2^k */
    dd sum;                /* sum of the scaled entries; exactly 1 when not normalising */
    double lo_rel;         /* sum.lo / sum.hi */
    double log_sum;        /* log(sum): the scaled entries' normaliser */
    double log_norm;       /* log of the sum of the entries as given */
} dist;

/* Powers of two whose product is 2^k, each representable (|k| <= 1100). */
static void pow2_pair(int k, double *f1, double *f2)
{
    int k1 = k / 2;
    *f1 = ldexp(1.0, k1);
    *f2 = ldexp(1.0, k - k1);
}

/* -log(x^) = log(S/x): the surprisal of an outcome, x > 0 scaled, v as given.
 *
 * Method: when x is at least half the sum, x^ is near 1 and log(S/x) =
 *   log1p((S - x)/x), where S - x is exact (Sterbenz) and so is the sum of
 *   the other entries to double-double accuracy: peaked distributions keep
 *   every digit of their tiny entropy. Otherwise log S - log x, whose two
 *   terms cannot cancel by more than a factor 2 since x <= S/2.
 * Special case: an entry that underflowed in scaling uses its value as
 *   given, so 1e-300 beside 1e300 still costs its 1300-odd nats. Not only
 *   one that became 0: one that became subnormal has lost bits (3 * 2^-1074
 *   halved is 2^-1073, log off by 0.29; found by tests/fuzz), so x < DBL_MIN. */
static inline double surprisal(double x, double v, const dist *d)
{
    if (x >= 0.5 * d->sum.hi)
        return log1p(((d->sum.hi - x) + d->sum.lo) / x);
    if (x < DBL_MIN)
        return d->log_norm - log(v);
    return d->log_sum - log(x);
}

/* log(p^/q^) of one outcome with both entries > 0, in the form its users need:
 * near 1 as u = p^/q^ - 1 to full relative accuracy, else as L = log(p^/q^). */
typedef struct {
    int near; /* p^/q^ in [2/3, 3/2]: u is set; else L is set */
    double u, L;
} ratio;

#define RATIO_MIN 0x1p-900 /* x, y above this: the rounding errors of x S_q, y S_p are normal numbers */

/* Method: p^/q^ = (x S_q)/(y S_p). Near 1, u = (x S_q - y S_p)/(y S_p), whose
 *   numerator cancels: both products are formed exactly (TwoProduct) against
 *   the double-double sums, and their high parts subtract exactly (Sterbenz),
 *   so u keeps its relative accuracy however close P and Q are. Far from 1,
 *   L = log of the rounded quotient, |L| >= log 1.5, relative error a few eps.
 * Special cases: TwoProduct's error term is exact only while it is a normal
 *   number, so an x or y below RATIO_MIN is first rescaled, from the value
 *   as given, by the one power of two that puts the larger of the two in
 *   [1, 2): the ratio is unchanged and u keeps its accuracy down to entries
 *   of 1e-320. Only if the smaller then lies below RATIO_MIN (a ratio beyond
 *   2^899, far from 1) are the logs taken of the values as given. */
static inline ratio outcome_ratio(double x, double y, double vx, double vy, const dist *P, const dist *Q)
{
    ratio r = { 0, 0, 0 };
    if (x < RATIO_MIN || y < RATIO_MIN) {
        int ex = ilogb(vx) + P->k, ey = ilogb(vy) + Q->k, top = ex > ey ? ex : ey;
        x = ldexp(vx, P->k - top);
        y = ldexp(vy, Q->k - top);
        if (x < RATIO_MIN || y < RATIO_MIN) {
            r.L = log_ratio(vx, vy) + (Q->log_norm - P->log_norm);
            return r;
        }
    }
    double a = x * Q->sum.hi, b = y * P->sum.hi;
    if (2 * a <= 3 * b && 3 * a >= 2 * b) {
        double num = (a - b)
            + ((two_prod_err(x, Q->sum.hi, a) - two_prod_err(y, P->sum.hi, b)) + (x * Q->sum.lo - y * P->sum.lo));
        r.near = 1;
        r.u = num / b;
    } else {
        r.near = 0;
        r.L = log_ratio(a, b) + (Q->lo_rel - P->lo_rel);
    }
    return r;
}

/* x_m y - y_m x as a double-double, exactly but for the rounding of its low
 * part: the two products and their errors (TwoProduct) summed by TwoSum, so
 * that errors of 1e-16 cancelling to 1e-21 keep its digits; exactly 0
 * wherever y/x = y_m/x_m, whether or not that ratio is a double. All four
 * below 2^996. */
static inline dd deviation(double y, double x, double xm, double ym)
{
    double a = xm * y, b = ym * x, e1, e2, e3;
    double t = two_sum(two_sum(two_sum(a, -b, &e1), two_prod_err(xm, y, a), &e2), -two_prod_err(ym, x, b), &e3);
    dd d = { t, e1 + e2 + e3 };
    return d;
}

/* How far Q departs from P scaled by y_m/x_m, for outcome_ratio_terms(). */
typedef struct {
    double xm, ym; /* x and y at the largest entry m of p (1 and 1 when not normalising) */
    dd total;      /* sum_j (x_m y_j - y_m x_j): 0 when not normalising, where S_p = S_q = 1 */
    int same;      /* every departure exactly 0: Q = c P, so KL = JS = 0 (normalising) */
} deviations;

/* outcome_ratio() for kl_terms(), whose signed term p^ log(p^/q^) needs u
 * to its own relative accuracy even where u is far below eps^2: p^/q^ - 1 of
 * 1e-28 when only the normalisers differ, in digits beyond a double-double
 * sum (a subnormal beside 1e-297), or when Q is P times 2.5 but for one entry.
 * Method: with d_j = x_m y_j - y_m x_j (deviation(), exact to eps^2 of d_j)
 *   and Delta = sum d_j = x_m S_q - y_m S_p (double-double),
 *   x_m (x S_q - y S_p) = x Delta - d S_p exactly: the parts proportional to
 *   P cancel before any rounding. Both products are formed from double-double
 *   factors with TwoProduct, so the error is about eps^2 (x |Delta| + |d| S_p),
 *   where the direct form's is eps^2 x S: relative to Q's departures, not to
 *   its size. Entries in the ratio of the largest entry's give d_j = 0
 *   exactly, whatever the ratio (Q = P 2/3 too), so Q = c P gives 0 terms.
 * Special case: entries below RATIO_MIN keep outcome_ratio()'s value (the
 *   products' errors would be subnormal), as do ratios far from 1. */
static inline ratio outcome_ratio_terms(double x, double y, double vx, double vy, const dist *P, const dist *Q,
                                        const deviations *dv)
{
    ratio r = outcome_ratio(x, y, vx, vy, P, Q);
    if (!r.near || x < RATIO_MIN || y < RATIO_MIN)
        return r;
    dd d = deviation(y, x, dv->xm, dv->ym);
    double a = x * dv->total.hi, b = d.hi * P->sum.hi;
    dd num = { a, 0 };
    acc_add(&num, -b);
    acc_add(&num, two_prod_err(x, dv->total.hi, a));
    acc_add(&num, -two_prod_err(d.hi, P->sum.hi, b));
    acc_add(&num, x * dv->total.lo - (d.hi * P->sum.lo + d.lo * P->sum.hi));
    r.u = (num.hi + num.lo) / (dv->xm * y * P->sum.hi);
    return r;
}

/* Is v (in nats) a KL or JS to sum again with u from outcome_ratio_terms(),
 * below 1e-16? outcome_ratio()'s u is exact to a few eps^2 (times the sums'
 * length at worst) only: an error of about that times sqrt(KL) in KL, and
 * eps^4 beside it, nothing above 1e-16, all of a KL of 1e-66 (or 1e-245, a
 * first sum of 5e-170). outcome_ratio_terms()'s is relative to the departures. */
static int tiny_divergence(double v) { return v < 1e-16; }

/* outcome_ratio(), or outcome_ratio_terms() with dv. */
static inline ratio pair_ratio(double x, double y, double vx, double vy, const dist *P, const dist *Q,
                               const deviations *dv)
{
    return dv ? outcome_ratio_terms(x, y, vx, vy, P, Q, dv) : outcome_ratio(x, y, vx, vy, P, Q);
}

/* The same ratio the other way round: q^/p^. */
static inline ratio ratio_inverse(ratio r)
{
    if (r.near)
        r.u = -r.u / (1 + r.u); /* 1/(1+u) - 1, without cancellation */
    else
        r.L = -r.L;
    return r;
}

/* q^ phi(p^/q^) = p^ log(p^/q^) - p^ + q^ >= 0: one outcome's share of KL.
 * Far from 1 the direct form cancels by at most a factor 16 (at p^/q^ = 2/3).
 * Special case: p^ and q^ may be subnormal, a few ulps each and not in the
 *   ratio that L or u says (which come from the entries as given): the form
 *   can then come out below 0 by a subnormal ulp. The share is >= 0, so a
 *   negative value is rounding alone: it is 0. */
static inline double kl_share(ratio r, double ph, double qh)
{
    if (r.near)
        return qh * phi_near(r.u);
    double share = ph * (r.L - 1) + qh;
    return share < 0 ? 0 : share;
}

/* p^ log(p^/q^): one outcome's signed term of KL, as the textbook writes it. */
static inline double kl_textbook_term(ratio r, double ph) { return ph * (r.near ? log1p(r.u) : r.L); }

/* m^ (phi(p^/m^) + phi(q^/m^)) with m^ = (p^+q^)/2: twice one outcome's share
 * of JS. p^/m^ = 1 + v and q^/m^ = 1 - v with v = (t-1)/(t+1), t = p^/q^,
 * which is u/(2+u) near 1 and tanh(L/2) elsewhere; both phi are >= 0. */
static inline double js_share(ratio r, double ph, double qh)
{
    double v = r.near ? r.u / (2 + r.u) : tanh(r.L / 2);
    return 0.5 * (ph + qh) * (phi(v) + phi(-v));
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

static int normalize_option(const infodiv_options *opt) { return opt ? opt->normalize != 0 : 1; }

/* Check the base; set *ln_base to log(base), exactly 1 for INFODIV_E. */
static int read_base(const infodiv_options *opt, double *ln_base, infodiv_error *err)
{
    double base = opt ? opt->base : INFODIV_E;
    if (!(base > 0 && base <= DBL_MAX && base != 1))
        return fail(err, INFODIV_BAD_BASE, INFODIV_ARG_BASE, 0, base);
    *ln_base = base == INFODIV_E ? 1.0 : log(base);
    return INFODIV_OK;
}

/* The value of a double-double sum; an infinite term makes it infinite
 * (its error term is then NaN). */
static inline double dd_value(dd s) { return isinf(s.hi) ? s.hi : s.hi + s.lo; }

/* KL from a fast pass, or 0 when the general path must decide: an entry it
 * did not accept, q_i = 0 < p_i, a zero sum, sums not 1 with normalize off
 * (each of these the general path reports or handles), or A/S_p - psi losing
 * more than two bits to cancellation. With those excluded, the error is a few
 * ulps of A/S_p from the terms, 32 eps from the blocked sums, and of psi,
 * which needs S_q - S_p accurate only relative to sum |y - x|. */
static int kl_finish(const kl_sums *f, const infodiv_options *opt, double *result, infodiv_error *err, int *status)
{
    double sum_q = f->sum_q, kl, ln_base;
    if (!f->lanes_ok || !(f->a <= DBL_MAX) || !(f->a == 0 || f->a >= FAST_SUM_MIN)
        || !(f->sum_p >= FAST_SUM_MIN && f->sum_p <= DBL_MAX) || !(sum_q >= FAST_SUM_MIN && sum_q <= DBL_MAX))
        return 0;
    if (normalize_option(opt)) {
        double v = f->diff / f->sum_p; /* rho - 1 */
        /* psi = v - log1p(v): a short series for the usual |v| ~ eps of
         * normalised inputs (truncation below v^5/5), else rho phi(1/rho) */
        double psi;
        if (fabs(v) < 0x1p-20)
            psi = v * v * (0.5 - v * (1.0 / 3 - v * 0.25));
        else if (fabs(v) <= 0.5)
            psi = (1 + v) * phi(-v / (1 + v));
        else { /* rho itself, not 1 + v, which has lost digits when rho is near 0 */
            double rho = sum_q / f->sum_p;
            psi = rho - 1 - log(rho);
        }
        double a = f->a / f->sum_p;
        if (!(psi <= 0.75 * a))
            return 0;
        kl = a - psi;
    } else {
        if (!(fabs(f->sum_p - 1) <= INFODIV_SUM_TOLERANCE && fabs(sum_q - 1) <= INFODIV_SUM_TOLERANCE))
            return 0;
        kl = f->a; /* sum p log(p/q) - sum p + sum q, the unnormalised KL */
    }
    if ((*status = read_base(opt, &ln_base, err)) == INFODIV_OK)
        *result = kl / ln_base;
    return 1;
}

/* Step 2-3 bookkeeping once the raw sum of the scaled entries is known. */
static int finish_dist(dist *d, dd raw, int k, int normalize, int arg, infodiv_error *err)
{
    if (!normalize) {
        /* Entries are <= 1 + tol here, so no scaling was applied (k = 0). */
        double total = dd_value(raw); /* an overflowed sum is +inf, not inf + NaN (err->value was NaN) */
        if (!(fabs(total - 1) <= INFODIV_SUM_TOLERANCE))
            return fail(err, INFODIV_NOT_NORMALIZED, arg, 0, total);
        d->sum.hi = 1;
        d->sum.lo = 0;
        d->lo_rel = d->log_sum = d->log_norm = 0;
        return INFODIV_OK;
    }
    d->sum = acc_result(raw);
    d->lo_rel = d->sum.lo / d->sum.hi;
    d->log_sum = log(d->sum.hi) + d->lo_rel;
    d->log_norm = (d->log_sum - k * LN2_LO) - k * LN2_HI;
    return INFODIV_OK;
}

/* The power of two that puts the largest entry in [1, 2) (or 0 when not normalising). */
static int scale_exponent(double max, int normalize)
{
    int e;
    if (!normalize)
        return 0;
    frexp(max, &e); /* max = m 2^e, m in [0.5, 1) */
    return 1 - e;
}

/* Method (logits_pair):
 *   1. Shift by the largest logit: a'_i = (a_i - max a)/T <= 0, so exp never
 *      overflows, whatever the logits and T; Z_a = sum exp(a'_i) >= 1 in
 *      double-double, likewise Z_b. Where a_i - max a is beyond DBL_MAX
 *      (logits of both signs near DBL_MAX), the difference is taken of the
 *      halved logits, which is exact (see quot).
 *   2. g_i = a'_i - b'_i = ((a_i - max a) - (b_i - max b))/T, the numerator
 *      summed exactly (TwoSum of each difference, then of the two), so g
 *      carries a few ulps of relative error however large the logits are
 *      against their differences (1e20 apart by 5 at T = 1e-3), and
 *      softmax(a) = softmax(b + c) gives g_i = 0 exactly where a_i + c is exact.
 *   3. log(p_i/q_i) = g_i - l, l = log(Z_a/Z_b) = log1p((Z_a - Z_b)/Z_b) with
 *      Z_a - Z_b = sum exp(b'_i) expm1(g_i): again no cancellation, so
 *      softmax(a) = softmax(b + c) gives log(p_i/q_i) = 0 exactly.
 *   4. Each outcome's shares then come from the same kl_share() and
 *      js_share() as for probabilities, with the ratio taken from log(p/q).
 *      A quotient beyond DBL_MAX (a'_i, b'_i or g_i, for T < 1) is only ever
 *      used multiplied by a probability below 1: that product is formed as
 *      (x num)/T (quot_times()), so p_i log(p_i/q_i) = 1e-304 * 1.8e308 is
 *      1.8e4, not +infinity. */
typedef struct {
    double max_a, max_b, t;
    double z_a, z_b;       /* Z_a, Z_b rounded */
    double log_za, log_zb; /* log Z_a, log Z_b, each >= 0 */
    double l;              /* log(Z_a/Z_b) */
} logits_pair;

/* A quotient (num + lo)/(c T), lo a tail below an ulp of num, whose rounded
 * value v = fl(num/T)/c may overflow where x v, for x <= 1, does not; c is 1,
 * or 1/2 when num is of the halved logits. */
typedef struct {
    double v, num, lo, c;
} quot;

static inline quot make_quot(double num, double lo, double c, double t)
{
    quot q = { (num / t) / c, num, lo, c };
    return q;
}

/* x v for 0 <= x <= 1 (0 for x = 0, whatever v). */
static inline double quot_times(double x, quot q, double t)
{
    if (x == 0)
        return 0;
    if (isfinite(q.v))
        return x * q.v;
    return ((x * q.num) / t) / q.c;
}

/* a'_i = (a - m)/T for a <= m (a = -inf gives -inf), with the exact tail of
 * the difference (TwoSum). Where a - m overflows, |a - m| > DBL_MAX forces
 * |a|, |m| >= 2^970, whose halves are exact. */
static inline quot shifted_logit(double a, double m, double t)
{
    if (a == -INFINITY)
        return make_quot(a, 0, 1, t);
    double c = a - m >= -DBL_MAX ? 1 : 0.5, lo, hi = two_sum_wide(c * a, -(c * m), &lo); /* lo set before it is read */
    return make_quot(hi, lo, c, t);
}

/* exp(a'_i) to a few ulps. v = fl(num/T) is off from a'_i by up to |v| eps,
 * which would move the probability by as much (7.7e-14 at v = -700); the
 * remainder num - w T with w = fl(num/T) (exact: TwoProduct, num and w T
 * being within an ulp, Sterbenz) plus the tail lo corrects it to first
 * order: exp(a') = exp(v) (1 + (num + lo - w T)/(c T)). num and T are first
 * scaled by one power of two into the range where TwoProduct is exact (T in
 * [2^-600, 2^600]: the products are then normal, |w| <= 746 and T < 2^996). */
static inline double exp_quot(quot q, double t)
{
    double e = exp(q.v);
    if (!(q.v < -0x1p-30 && e > 0)) /* a' = 0 (no error), near 0 (too small to matter), or underflow */
        return e;
    double num = q.num, lo = q.lo, w = q.v * q.c;
    if (t > 0x1p600)
        num *= 0x1p-600, lo *= 0x1p-600, t *= 0x1p-600;
    else if (t < 0x1p-600)
        num *= 0x1p600, lo *= 0x1p600, t *= 0x1p600;
    double prod = w * t;
    double rem = ((num - prod) - two_prod_err(w, t, prod)) + lo;
    return e + e * ((rem / t) / q.c);
}

/* g = ((a - ma) - (b - mb))/T for finite a <= ma, b <= mb (step 2): each
 * difference and then their difference by TwoSum, so the numerator is the
 * exact one to within eps^2 (|a - ma| + |b - mb|) plus its final rounding.
 * If a difference overflows, the same is done with the halved logits: their
 * differences are <= DBL_MAX, and two numbers <= 0 never overflow when
 * subtracted. A halved logit is inexact only when subnormal, and then, since
 * another difference overflowed, g is beyond 1/2 in magnitude: an absolute
 * 2^-1075 error in the numerator is nothing beside it. */
static inline quot logit_gap(double a, double b, double ma, double mb, double t)
{
    double c = 1;
    if (!(a - ma >= -DBL_MAX && b - mb >= -DBL_MAX)) {
        c = 0.5;
        a *= 0.5, b *= 0.5, ma *= 0.5, mb *= 0.5;
    }
    double ea, eb, e;
    double da = two_sum_wide(a, -ma, &ea), db = two_sum_wide(b, -mb, &eb);
    double s = two_sum_wide(da, -db, &e);
    return make_quot(s + (e + (ea - eb)), 0, c, t);
}

/* The ratio p/q from w = log(p/q): near 1 as u = expm1(w), else as L = w. */
static inline ratio ratio_from_log(double w)
{
    ratio r = { 0, 0, w };
    if (w >= -LOG_3_2 && w <= LOG_3_2) {
        r.near = 1;
        r.u = expm1(w);
    }
    return r;
}

/* x log(x/y) - x + y >= 0 with log(x/y) = s (g - l), s = +-1: one outcome's
 * share of KL for both outcomes unmasked. x = 0 gives y (phi(0) = 1). Where g
 * itself overflows, y is 0 (its probability underflowed) and x g is formed
 * from g's numerator. */
static inline double logit_share(double x, double y, quot g, double l, int s, double t)
{
    if (x == 0)
        return y;
    if (isfinite(g.v))
        return kl_share(ratio_from_log(s * (g.v - l)), x, y);
    double share = s * quot_times(x, g, t) - x * (s * l + 1) + y;
    return share < 0 ? 0 : share;
}

#include "discrete_fast.h"

/* The loops, once per input type: FN names the public functions, LOCAL the
 * file-private helpers. */
#define REAL        double
#define FN(name)    infodiv_##name
#define LOCAL(name) name##_f64
#define VLOAD       v_load
#define VLOAD1      v_load1
#include "discrete_loops.h"
#undef REAL
#undef FN
#undef LOCAL
#undef VLOAD
#undef VLOAD1

#define REAL        float
#define FN(name)    infodiv_##name##_f32
#define LOCAL(name) name##_f32
#define VLOAD       v_load_f32
#define VLOAD1      v_load1_f32
#include "discrete_loops.h"
#undef REAL
#undef FN
#undef LOCAL
#undef VLOAD
#undef VLOAD1

/* ---- Codes, draws and evidence (double inputs) ---- */

/* (weight, index) pairs w[j], ix[j], ordered by weight, then index. */
static int pair_before(const double *w, const double *ix, size_t a, size_t b)
{
    return w[a] < w[b] || (w[a] == w[b] && ix[a] < ix[b]);
}

static void swap_pairs(double *w, double *ix, size_t a, size_t b)
{
    double t = w[a];
    w[a] = w[b], w[b] = t;
    t = ix[a];
    ix[a] = ix[b], ix[b] = t;
}

static void sift_down(double *w, double *ix, size_t root, size_t end)
{
    for (size_t child; (child = 2 * root + 1) < end; root = child) {
        if (child + 1 < end && pair_before(w, ix, child, child + 1))
            child++;
        if (!pair_before(w, ix, root, child))
            return;
        swap_pairs(w, ix, root, child);
    }
}

/* Heapsort: in place, O(m log m), no recursion and no allocation. */
static void sort_pairs(double *w, double *ix, size_t m)
{
    for (size_t i = m / 2; i-- > 0;)
        sift_down(w, ix, i, m);
    for (size_t end = m; end-- > 1;) {
        swap_pairs(w, ix, 0, end);
        sift_down(w, ix, 0, end);
    }
}

/* Minimum-redundancy (Huffman) code lengths of the m >= 1 weights a[0..m),
 * nondecreasing, written over them: Moffat and Katajainen's in-place method
 * (1995). Pass 1 pairs the two lightest of the leaves and the internal nodes
 * (both queues are sorted), leaving parent indices; pass 2 turns them into
 * depths; pass 3 gives each depth's leaves, heaviest first. Ties prefer a
 * leaf, so the lengths are a function of the weights alone. One weight: 0. */
static void minimum_redundancy(double *a, size_t m)
{
    if (m == 1) {
        a[0] = 0;
        return;
    }
    size_t root = 0, leaf = 2;
    a[0] += a[1];
    for (size_t next = 1; next < m - 1; next++) {
        if (leaf >= m || a[root] < a[leaf])
            a[next] = a[root], a[root++] = (double)next;
        else
            a[next] = a[leaf++];
        if (leaf >= m || (root < next && a[root] < a[leaf]))
            a[next] += a[root], a[root++] = (double)next;
        else
            a[next] += a[leaf++];
    }
    a[m - 2] = 0;
    for (size_t next = m - 2; next-- > 0;)
        a[next] = a[(size_t)a[next]] + 1;
    size_t avail = 1, used = 0, next = m - 1;
    double depth = 0;
    for (size_t r = m - 1; avail > 0; depth++) { /* r - 1: the next internal node, right to left */
        for (; r > 0 && a[r - 1] == depth; r--)
            used++;
        for (; avail > used; avail--)
            a[next--] = depth;
        avail = 2 * used, used = 0;
    }
}

int infodiv_code_lengths(const double *p, size_t n, const infodiv_options *opt, unsigned *lengths, double *work,
                         infodiv_error *err)
{
    dist P;
    int status;
    if (!p || !lengths || !work)
        return fail(err, INFODIV_NULL, !p ? INFODIV_ARG_P : INFODIV_ARG_NONE, 0, 0);
    if (n == 0)
        return fail(err, INFODIV_EMPTY, INFODIV_ARG_P, 0, 0);
    if ((status = prepare_f64(p, n, normalize_option(opt), INFODIV_ARG_P, &P, err)))
        return status;
    double *w = work, *ix = work + n;
    size_t m = 0;
    for (size_t i = 0; i < n; i++) {
        lengths[i] = 0;
        if (p[i] > 0)
            w[m] = p[i] * P.scale1 * P.scale2, ix[m++] = (double)i;
    }
    sort_pairs(w, ix, m);
    minimum_redundancy(w, m);
    for (size_t j = 0; j < m; j++)
        lengths[(size_t)ix[j]] = (unsigned)w[j];
    return INFODIV_OK;
}

int infodiv_sampler_init(const double *p, size_t n, const infodiv_options *opt, double *cdf, infodiv_error *err)
{
    dist P;
    int status;
    if (!p || !cdf)
        return fail(err, INFODIV_NULL, !p ? INFODIV_ARG_P : INFODIV_ARG_NONE, 0, 0);
    if (n == 0)
        return fail(err, INFODIV_EMPTY, INFODIV_ARG_P, 0, 0);
    if (n > UINT32_MAX)
        return fail(err, INFODIV_TOO_MANY_OUTCOMES, INFODIV_ARG_P, 0, (double)n);
    if ((status = prepare_f64(p, n, normalize_option(opt), INFODIV_ARG_P, &P, err)))
        return status;
    dd run = { 0, 0 }, total = { 0, 0 }; /* the total as summed: with normalize off p sums to 1 only within 1e-6 */
    size_t last = 0;
    for (size_t i = 0; i < n; i++)
        acc_add(&total, p[i] * P.scale1 * P.scale2);
    total = acc_result(total);
    for (size_t i = 0; i < n; i++) {
        acc_add(&run, p[i] * P.scale1 * P.scale2);
        cdf[i] = fmin((run.hi + run.lo) / (total.hi + total.lo), 1); /* monotone, as rounding is */
        last = p[i] > 0 ? i : last;
    }
    for (size_t i = last; i < n; i++)
        cdf[i] = 1;
    return INFODIV_OK;
}

/* SplitMix64 (Steele, Lea and Flood 2014): integer arithmetic only, so the
 * same state gives the same numbers on every platform; 53 bits make u. */
static double next_uniform(uint64_t *state)
{
    uint64_t z = (*state += 0x9E3779B97F4A7C15u);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9u;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBu;
    return (double)((z ^ (z >> 31)) >> 11) * 0x1p-53;
}

/* Up to this many outcomes a draw counts the cdf's entries at or below u, a
 * loop without branches: the same index as the search, found faster. */
#define SCANNED_OUTCOMES 24

void infodiv_sampler_draw(const double *cdf, size_t n, uint64_t *state, size_t count, uint32_t *out)
{
    if (n <= SCANNED_OUTCOMES) {
        for (size_t k = 0; k < count; k++) {
            double u = next_uniform(state);
            uint32_t below = 0;
            for (size_t i = 0; i + 1 < n; i++)
                below += cdf[i] <= u;
            out[k] = below;
        }
        return;
    }
    for (size_t k = 0; k < count; k++) {
        double u = next_uniform(state);
        size_t lo = 0, hi = n - 1; /* the first i with cdf[i] > u: cdf[n - 1] = 1 > u */
        while (lo < hi) {
            size_t mid = lo + (hi - lo) / 2;
            if (cdf[mid] > u)
                hi = mid;
            else
                lo = mid + 1;
        }
        out[k] = (uint32_t)lo;
    }
}

/* p^/q^ of outcome i, both > 0, as log_ratios forms it (dv: Q's departure
 * from rho P), so a ratio within 1e-28 of 1 keeps its digits. */
static ratio draw_ratio(const double *p, const double *q, size_t i, const dist *P, const dist *Q, const deviations *dv)
{
    return outcome_ratio_terms(p[i] * P->scale1 * P->scale2, q[i] * Q->scale1 * Q->scale2, p[i], q[i], P, Q, dv);
}

static double ratio_log(ratio r) { return r.near ? log1p(r.u) : r.L; }

/* Up to this many outcomes, a draw's values are computed once per outcome and
 * kept on the stack: then each draw costs a look-up, with the same values. */
#define CACHED_OUTCOMES 64

/* log(p/q) of outcome i, +inf where q_i = 0 and -inf where p_i = 0. */
static double draw_log_ratio(const double *p, const double *q, size_t i, const dist *P, const dist *Q,
                             const deviations *dv)
{
    return p[i] == 0 ? -INFINITY : q[i] == 0 ? INFINITY : ratio_log(draw_ratio(p, q, i, P, Q, dv));
}

/* k3's terms rho - 1 - log rho grow like rho = e^L: those with L above
 * K3_BIG_L are kept as term * 2^-K3_SCALE, and summed apart. A sum of up to
 * 2^64 terms of either kind then stays finite unless the mean itself lies
 * beyond DBL_MAX (a scaled term is infinite only past e^887, whose share of
 * the mean still is). */
#define K3_BIG_L 600.0
#define K3_SCALE 256

/* One draw's k1, k2, k3 terms: l = log(p^/q^), l^2/2 and rho - 1 - log rho with
 * rho = q^/p^ = 1 + u' (>= 0 and without cancellation). Far from 1, k3 comes
 * from L = log rho, whose relative error of a few eps e^L turns into L times
 * that. big: k3 is scaled by 2^-K3_SCALE, formed as (e^(L/2) 2^-128)^2. */
typedef struct {
    double k1, k2, k3;
    int big;
} estimate_terms;

static estimate_terms draw_estimate_terms(const double *p, const double *q, size_t i, const dist *P, const dist *Q,
                                          const deviations *dv)
{
    ratio r = draw_ratio(p, q, i, P, Q, dv), inv = ratio_inverse(r);
    double l = ratio_log(r);
    estimate_terms t = { l, 0.5 * l * l, 0, 0 };
    if (inv.near)
        t.k3 = infodiv_log1p_rest(inv.u);
    else if (inv.L <= K3_BIG_L)
        t.k3 = expm1(inv.L) - inv.L;
    else { /* e^L - 1 - L is e^L to within e^-590 relative */
        double half = ldexp(exp(0.5 * inv.L), -K3_SCALE / 2);
        t.k3 = half * half, t.big = 1;
    }
    return t;
}

/* A draw that is not an outcome, or (need_p) one that P cannot draw. */
static int check_draws(const double *p, const double *q, size_t n, const uint32_t *draws, size_t count, int need_p,
                       infodiv_error *err)
{
    for (size_t k = 0; k < count; k++) {
        size_t i = draws[k];
        if (i >= n || (p[i] == 0 && (need_p || q[i] == 0)))
            return fail(err, INFODIV_BAD_DRAW, INFODIV_ARG_DRAWS, k, (double)draws[k]);
    }
    return INFODIV_OK;
}

/* P and Q prepared for a function on draws, the log of its base and Q's
 * departure from P (draw_ratio). */
typedef struct {
    dist P, Q;
    double ln_base;
    deviations dv;
} draws_pair;

/* Checks p, q (out is the result's pointer) and the draws (need_p: each must
 * be possible under P) and prepares the pair. */
static int prepare_draws_pair(const double *p, const double *q, size_t n, const infodiv_options *opt,
                              const uint32_t *draws, size_t count, int need_p, const void *out, draws_pair *d,
                              infodiv_error *err)
{
    int status = prepare_pair_f64(p, q, n, out, opt, &d->P, &d->Q, &d->ln_base, err);
    if (status)
        return status;
    if (!draws)
        return fail(err, INFODIV_NULL, INFODIV_ARG_DRAWS, 0, 0);
    if ((status = check_draws(p, q, n, draws, count, need_p, err)))
        return status;
    d->dv = deviations_of_f64(p, q, n, &d->P, &d->Q, normalize_option(opt));
    return INFODIV_OK;
}

/* One path from per-outcome log ratios all finite (lr): TwoSum (exact.h),
 * whose error term is exact as acc_add's is, without a branch; out[k] = sum
 * / ln_base, divided in a pass of its own. */
static void finite_path(const double *lr, const uint32_t *draws, size_t count, double ln_base, double *out)
{
    double hi = 0, lo = 0;
    for (size_t k = 0; k < count; k++) {
        double err;
        hi = two_sum(hi, lr[draws[k]], &err);
        lo += err;
        out[k] = hi + lo;
    }
    for (size_t k = 0; ln_base != 1 && k < count; k++)
        out[k] /= ln_base;
}

/* One path, a log ratio computed for each draw unless cached (cache: NULL). */
static int any_path(const double *p, const double *q, const draws_pair *d, const double *cache, const uint32_t *draws,
                    size_t count, double *out, infodiv_error *err)
{
    dd sum = { 0, 0 };
    double infinite = 0;
    for (size_t k = 0; k < count; k++) {
        size_t i = draws[k];
        double t = cache ? cache[i] : draw_log_ratio(p, q, i, &d->P, &d->Q, &d->dv);
        if (isinf(t) && infinite == -t) /* impossible under P, then under Q: no likelihood ratio */
            return fail(err, INFODIV_BAD_DRAW, INFODIV_ARG_DRAWS, k, (double)draws[k]);
        if (isinf(t))
            infinite = t;
        else
            acc_add(&sum, t);
        out[k] = (infinite != 0 ? infinite : sum.hi + sum.lo) / d->ln_base;
    }
    return INFODIV_OK;
}

int infodiv_evidence_rows(const double *p, const double *q, size_t n, const infodiv_options *opt, const uint32_t *draws,
                          size_t runs, size_t count, double *out, infodiv_error *err)
{
    draws_pair d;
    int status = prepare_draws_pair(p, q, n, opt, draws, runs * count, 0, out, &d, err);
    if (status)
        return status;
    double cache[CACHED_OUTCOMES];
    int cached = n <= CACHED_OUTCOMES && runs * count >= n, finite = cached;
    for (size_t i = 0; cached && i < n; i++) { /* each outcome's log ratio once, before the runs */
        cache[i] = p[i] == 0 && q[i] == 0 ? 0 : draw_log_ratio(p, q, i, &d.P, &d.Q, &d.dv);
        finite &= isfinite(cache[i]) != 0;
    }
    for (size_t r = 0; r < runs; r++) {
        const uint32_t *row = draws + r * count;
        if (finite) {
            finite_path(cache, row, count, d.ln_base, out + r * count);
        } else if ((status = any_path(p, q, &d, cached ? cache : NULL, row, count, out + r * count, err))) {
            if (err)
                err->index += r * count;
            return status;
        }
    }
    return INFODIV_OK;
}

int infodiv_evidence_path(const double *p, const double *q, size_t n, const infodiv_options *opt, const uint32_t *draws,
                          size_t count, double *out, infodiv_error *err)
{
    return infodiv_evidence_rows(p, q, n, opt, draws, 1, count, out, err);
}

int infodiv_kl_estimates(const double *p, const double *q, size_t n, const infodiv_options *opt, const uint32_t *draws,
                         size_t count, double out[3], infodiv_error *err)
{
    draws_pair d;
    int status = prepare_draws_pair(p, q, n, opt, draws, count, 1, out, &d, err);
    if (status)
        return status;
    if (count == 0)
        return fail(err, INFODIV_EMPTY, INFODIV_ARG_DRAWS, 0, 0);
    dd k1 = { 0, 0 }, k2 = { 0, 0 }, k3 = { 0, 0 }, k3_big = { 0, 0 };
    estimate_terms cache[CACHED_OUTCOMES], t;
    uint64_t known = 0;
    for (size_t k = 0; k < count; k++) {
        size_t i = draws[k];
        if (q[i] == 0) { /* log(p/q) = +inf: so are all three (k2, in the base's square, is +inf for any base) */
            out[0] = out[2] = INFINITY / d.ln_base;
            out[1] = INFINITY;
            return INFODIV_OK;
        }
        if (n > CACHED_OUTCOMES)
            t = draw_estimate_terms(p, q, i, &d.P, &d.Q, &d.dv);
        else {
            if (!(known >> i & 1))
                cache[i] = draw_estimate_terms(p, q, i, &d.P, &d.Q, &d.dv), known |= (uint64_t)1 << i;
            t = cache[i];
        }
        acc_add(&k1, t.k1);
        acc_add(&k2, t.k2);
        acc_add(t.big ? &k3_big : &k3, t.k3);
    }
    /* an infinite scaled sum (its lo then NaN) is a mean beyond DBL_MAX */
    double big = isinf(k3_big.hi) ? INFINITY : ldexp((k3_big.hi + k3_big.lo) / count, K3_SCALE);
    out[0] = (k1.hi + k1.lo) / count / d.ln_base;
    out[1] = (k2.hi + k2.lo) / count / (d.ln_base * d.ln_base);
    out[2] = ((k3.hi + k3.lo) / count + big) / d.ln_base;
    return INFODIV_OK;
}
