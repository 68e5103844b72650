/* The fast passes of entropy, cross-entropy, JS and the seven measures: lane
 * arithmetic (vec.h) and the bounds that decide whether a result may be used.
 * Included by discrete.c after kl_lanes(); not a header of its own.
 *
 * Plan (normalize on only; normalize off takes the general path):
 *   1. sum_pass: S_p, S_q, each lane compensated (TwoSum), so to about eps^2;
 *      the smallest nonzero entry of each; whether the zeros of p and q
 *      coincide, and whether q is 0 where p is not. Any entry that is NaN,
 *      infinite or negative shows as a NaN or infinite sum or a minimum < 0.
 *   2. pair_pass: p^ = x (1/S_p), q^ = y (1/S_q), each within 2.5 eps of the
 *      exact quotient, then every measure's terms from one pass, with the
 *      logs of fast_log() and the ratio of kl_lanes().
 *   3. *_fast_ok(): each result is used only when a bound on its error, made
 *      of the terms' own error and the first-order effect of the 2.5 eps in
 *      p^ and q^, is below FAST_REL of it; otherwise (peaked or nearly equal
 *      distributions, entropies near 0, entries beyond the range checks) the
 *      general path answers, as it does for every bad input. */

#define FAST_U   0x1p-53 /* the unit roundoff */
#define FAST_REL 1e-13   /* a fast result's error bound, relative: 10 times below the promised 1e-12 */
/* Error of a lane-wise block sum of FAST_BLOCK terms of one sign, plus a few
 * ulps per term (16 covers the logs, products and the bounded cancellation
 * of the reverse KL share), in units of FAST_U and of the sum. */
#define FAST_SUM_ERR (FAST_BLOCK / VLANES + 64)

#define LOG_OFF 0x3fe6a09e667f3bcdULL /* the bits of sqrt(1/2) */

/* x = 2^k m with m in [sqrt(1/2), sqrt(2)), from the bits: exact for x normal. */
typedef struct {
    vd k, m;
} log_reduced;

static inline log_reduced log_reduce(vd x)
{
    vm t = vm_sub(v_bits(x), vm_splat(LOG_OFF));
    log_reduced r;
    /* k = t >> 52 (signed), converted exactly through 1.5 * 2^52 */
    r.k = v_sub(v_from_bits(vm_add(vm_sar(t, 52), vm_splat(0x4338000000000000))), v_splat(0x1.8p52));
    r.m = v_from_bits(vm_sub(v_bits(x), vm_and(t, vm_splat(0xfff0000000000000))));
    return r;
}

/* k log 2 + log m, with log m = 2 atanh(s), s = num/den = (m - 1)/(m + 1). */
static inline vd log_finish(vd k, vd num, vd den)
{
    vd s = v_div(num, den), z = v_mul(s, s), s2 = v_add(s, s);
    vd log_m = v_add(s2, v_mul(s2, v_mul(z, atanh_P(z))));
    return v_add(v_mul(k, v_splat(LN2_HI)), v_add(v_mul(k, v_splat(LN2_LO)), log_m));
}

/* log x, lane by lane, for x normal and > 0; any other x gives a finite value
 * (x = 0: -1023 log 2) or NaN, which its caller multiplies by 0 or rejects.
 * Method: x = 2^k m as above; m - 1 is exact (Sterbenz), |s| <= 0.1716, so
 *   z = s^2 <= 0.0295, inside the fit of atanh_P(); k LN2_HI is exact.
 * Accuracy: a few ulps relative: where k != 0, |log x| >= log 2 - |log m| >=
 *   |log m|, so the final sum cancels by at most a factor 2. */
static inline vd fast_log(vd x)
{
    log_reduced r = log_reduce(x);
    return log_finish(r.k, v_sub(r.m, v_splat(1)), v_add(r.m, v_splat(1)));
}

/* Which sums pair_pass() forms. */
enum { WANT_HP = 1, WANT_LQ = 2, WANT_KL = 4, WANT_JS = 8, WANT_ALL = 15 };

/* Lane-wise sums of one block (see pair_lanes()). */
typedef struct {
    vd hp, hq, cpq, cqp, kpq, kqp, js; /* sums of p^ log p^, q^ log q^, p^ log q^, q^ log p^, the KL shares, JS's */
    vd b_l, b_tv, b_js;                /* for the bounds: (p^+q^)|log(p^/q^)|, |p^ - q^|, (p^+q^)(|log c| + |v L|) */
} pair_block;

/* One step of pair_pass() on lanes x = p^, y = q^: both normal or both 0.
 *
 * Method:
 *   H, H(P,Q): p^ log p^ and so on from fast_log().
 *   KL: the ratio reduction of kl_lanes() (y' = y 2^k, s = (x - y')/(x + y'),
 *     L = log(x/y) = k log 2 + 2s(1 + zP)), which gives y phi(x/y) as there
 *     and x phi(y/x) = 2^-k (x + y') z (1 + (z - s)P) + (x (1 - 2^-k) - k log 2 y):
 *     the first part is x phi(y'/x) (s changes sign), the bracket is 0 for
 *     k = 0 and cancels by at most a factor 16 otherwise (|k| >= 1 puts x/y
 *     outside (0.75, 1.33)).
 *   JS: with r = 1/(x + y), v = (x - y) r, c = 1 - v^2 = 4 (x r)(y r),
 *     formed as a product (no cancellation), the share is
 *     (x + y) f(v), f(v) = (1+v) log(1+v) + (1-v) log(1-v) = log c + v L >= 0;
 *     log c as in fast_log(), but where c is near 1 (k = 0) with c - 1 = -v^2
 *     exactly as the numerator, so log c keeps its relative accuracy.
 *     JS = sum / 4. Where c is tiny (y << x) log c and v L cancel: the bound
 *     b_js measures that.
 * Special cases: x = y = 0 adds 0 to every sum (x = 0 makes 2^k, s, k 0). */
static inline void pair_lanes(vd x, vd y, int want, pair_block *b, vd *z_max)
{
    vd lp = v_splat(0), L = v_splat(0);
    if (want & WANT_HP) {
        lp = fast_log(x);
        b->hp = v_add(b->hp, v_mul(x, lp));
    }
    if (want & WANT_LQ) {
        vd lq = fast_log(y);
        b->hq = v_add(b->hq, v_mul(y, lq));
        b->cpq = v_add(b->cpq, v_mul(x, lq));
        b->cqp = v_add(b->cqp, v_mul(y, lp));
    }
    if (want & (WANT_KL | WANT_JS)) {
        vm x_zero = v_eq(x, v_splat(0));
        vm d = vm_add(vm_sub(v_bits(x), v_bits(y)), vm_splat(0x3ff8000000000000));
        vm pow2k_bits = vm_andnot(vm_and(d, vm_splat(0x7ff0000000000000)), x_zero);
        vd k = v_sub(v_from_bits(vm_or(vm_shr(d, 52), vm_splat(0x4330000000000000))), v_splat(0x1p52 + 1023));
        vd yk = v_mul(y, v_from_bits(pow2k_bits));
        vd sum = v_add(x, yk);
        vd s = v_div(v_sub(x, yk), v_sel(x_zero, v_splat(1), sum));
        vd z = v_mul(s, s), P = atanh_P(z);
        *z_max = v_max(*z_max, z);
        vd kln2 = v_mul(k, v_splat(LN2));
        L = v_add(kln2, v_mul(v_add(s, s), v_add(v_splat(1), v_mul(z, P))));
        b->b_l = v_add(b->b_l, v_mul(v_add(x, y), v_abs(L)));
        if (want & WANT_KL) {
            vd sz = v_mul(sum, z);
            vd pq = v_add(v_mul(sz, v_add(v_splat(1), v_mul(v_add(z, s), P))), v_add(v_mul(x, kln2), v_sub(y, yk)));
            vd pow2mk = v_from_bits(vm_sub(vm_splat(0x7fe0000000000000), pow2k_bits)); /* 2^-k */
            vd qp_red = v_mul(pow2mk, v_mul(sz, v_add(v_splat(1), v_mul(v_sub(z, s), P))));
            vd qp = v_add(qp_red, v_sub(v_mul(x, v_sub(v_splat(1), pow2mk)), v_mul(kln2, y)));
            b->kpq = v_add(b->kpq, pq);
            b->kqp = v_add(b->kqp, qp);
        }
    }
    if (want & WANT_JS) {
        vd xy = v_add(x, y), diff = v_sub(x, y);
        vd r = v_div(v_splat(1), v_sel(v_eq(xy, v_splat(0)), v_splat(1), xy));
        vd v = v_mul(diff, r), w = v_mul(v, v);
        vd c = v_mul(v_splat(4), v_mul(v_mul(x, r), v_mul(y, r)));
        log_reduced red = log_reduce(c);
        vd num = v_sel(v_eq(red.k, v_splat(0)), v_sub(v_splat(0), w), v_sub(red.m, v_splat(1)));
        vd log_c = log_finish(red.k, num, v_add(red.m, v_splat(1)));
        vd vl = v_mul(v, L);
        b->js = v_add(b->js, v_mul(xy, v_add(log_c, vl)));
        b->b_tv = v_add(b->b_tv, v_abs(diff));
        b->b_js = v_add(b->b_js, v_mul(xy, v_add(v_abs(log_c), v_abs(vl))));
    }
}

/* What sum_pass() found. */
typedef struct {
    dd sum_p, sum_q;
    double min_p, min_q; /* the smallest nonzero entry (+inf if none; < 0 if any is negative) */
    int zeros_differ;    /* p_i = 0 != q_i or the reverse somewhere */
    int q_zero_under_p;  /* q_i = 0 < p_i somewhere */
} pair_scan;

/* The totals of a pair_pass(). */
typedef struct {
    double hp, hq, cpq, cqp, kpq, kqp, js;
    double b_l, b_tv, b_js;
    double z_max;
} pair_sums;

/* Adds one block's lane sums to the totals: only those `want` names (a
 * constant in each caller, once inlined), so JS folds one sum, not seven. */
static inline __attribute__((always_inline)) void fold_some_pair_sums(dd *acc, double *bounds, const pair_block *b,
                                                                      int want)
{
    for (int k = 0; k < VLANES; k++) {
        if (want & WANT_HP)
            acc_add(&acc[0], v_lane(b->hp, k));
        if (want & WANT_LQ) {
            acc_add(&acc[1], v_lane(b->hq, k));
            acc_add(&acc[2], v_lane(b->cpq, k));
            acc_add(&acc[3], v_lane(b->cqp, k));
        }
        if (want & WANT_KL) {
            acc_add(&acc[4], v_lane(b->kpq, k));
            acc_add(&acc[5], v_lane(b->kqp, k));
        }
        if (want & (WANT_KL | WANT_JS))
            bounds[0] += v_lane(b->b_l, k);
        if (want & WANT_JS) {
            acc_add(&acc[6], v_lane(b->js, k));
            bounds[1] += v_lane(b->b_tv, k);
            bounds[2] += v_lane(b->b_js, k);
        }
    }
}

/* All seven sums as a call of its own: inlined into the measures loops it
 * made them 20-25% slower in wasm (npm run bench, measures at n = 1000). */
static __attribute__((noinline)) void fold_all_pair_sums(dd *acc, double *bounds, const pair_block *b)
{
    fold_some_pair_sums(acc, bounds, b, WANT_ALL);
}

static inline __attribute__((always_inline)) void fold_pair_block(dd *acc, double *bounds, const pair_block *b,
                                                                  int want)
{
    if (want == WANT_ALL)
        fold_all_pair_sums(acc, bounds, b);
    else
        fold_some_pair_sums(acc, bounds, b, want);
}

/* 1/S_p and 1/S_q for pair_pass(), or 0 when the fast pass may not run: a bad
 * or subnormal entry, a zero of p without one of q (or, with cross, q = 0 < p
 * only), sums out of [2^-1000, 2^1000] (so that 1/S is a normal number), or
 * a normalised entry that would not be a normal number. */
static int pair_scales(const pair_scan *c, int cross, double *isp, double *isq)
{
    double sp = c->sum_p.hi, sq = c->sum_q.hi;
    if (!(sp >= 0x1p-1000 && sp <= 0x1p1000 && sq >= 0x1p-1000 && sq <= 0x1p1000))
        return 0;
    if (cross ? c->q_zero_under_p : c->zeros_differ)
        return 0;
    *isp = 1 / (sp + c->sum_p.lo);
    *isq = 1 / (sq + c->sum_q.lo);
    return c->min_p * *isp >= DBL_MIN && c->min_q * *isq >= DBL_MIN;
}

/* An entropy or cross-entropy h >= 0 from its sum, if its bound allows:
 * FAST_SUM_ERR ulps of it, and 2.5 eps in each p^ and q^ moving
 * -sum p^ log q^ by at most 2.5 eps (h + 1) to first order. */
/* The relative error of p^ and q^ as pair_pass() gets them, in eps: 2.5
 * for probabilities (x (1/S)); more for logits (measures_logits_fast()). */
#define FAST_IN_ERR 2.5

/* h_fast_ok() for inputs p^, q^ off by in_err eps each, which move h by
 * in_err eps (h + 1) to first order. */
static int h_fast_ok_in(double h, double in_err)
{
    return h <= DBL_MAX && FAST_SUM_ERR * FAST_U * h + (in_err + 0.5) * FAST_U * (h + 1) <= FAST_REL * h;
}

static int h_fast_ok(double h) { return h_fast_ok_in(h, FAST_IN_ERR); }

/* The sums b_l and b_tv of the computed p^, q^ and log(p^/q^) understate the
 * exact ones by at most this (10 eps of p^ + q^, which sum to 2): where
 * rounding made p^ = q^, the bound must still count their exact difference. */
#define FAST_TV_FLOOR (32 * FAST_U)

/* KL from its shares: the shares' error, and the 2.5 eps of p^ and q^, which
 * move sum q phi(p/q) by |log(p/q)| dp + |1 - p/q| dq per outcome. */
static int kl_fast_ok(double kl, const pair_sums *s, double in_err)
{
    double floor = FAST_TV_FLOOR * (in_err / FAST_IN_ERR);
    return kl <= DBL_MAX
        && FAST_SUM_ERR * FAST_U * kl + (in_err + 0.5) * FAST_U * (s->b_l + s->b_tv + floor) <= FAST_REL * kl;
}

/* JS from its shares (4 JS in all): their error, 16 ulps of the parts of
 * f = log c + v L that may cancel, and the 2.5 eps of p^ and q^, which move
 * a share by at most 2 |p^ - q^| times that. */
static int js_fast_ok(double js, const pair_sums *s, double in_err)
{
    double floor = FAST_TV_FLOOR * (in_err / FAST_IN_ERR);
    return js <= DBL_MAX
        && FAST_SUM_ERR * FAST_U * js + 4 * FAST_U * s->b_js + 2 * in_err * FAST_U * (s->b_tv + floor) <= FAST_REL * js;
}

/* The seven measures in nats, each divided by ln(base). */
static inline void measures_in_base(const infodiv_measure_set *nats, double ln_base, infodiv_measure_set *out)
{
    out->entropy_p = nats->entropy_p / ln_base;
    out->entropy_q = nats->entropy_q / ln_base;
    out->cross_entropy_pq = nats->cross_entropy_pq / ln_base;
    out->cross_entropy_qp = nats->cross_entropy_qp / ln_base;
    out->kl_pq = nats->kl_pq / ln_base;
    out->kl_qp = nats->kl_qp / ln_base;
    out->js = nats->js / ln_base;
}

/* A fast entropy of n outcomes, or JS, held to its ceiling log n (log 2): near
 * it, the few ulps the fast pass may be off could pass it. */
static double at_most(double v, double ceiling) { return v > ceiling ? ceiling : v; }

/* v held to log n, which is worked out only when v may pass it: log n >=
 * floor(log2 n) log 2 > 0.69 floor(log2 n) (a libm log is a good part of a
 * small call's time). */
static double at_most_log_n(double v, size_t n)
{
    if (n > 1 && v < 0.69 * (double)(63 - __builtin_clzll((unsigned long long)n)))
        return v;
    return at_most(v, log((double)n));
}

static double entropy_from_sum(double minus_h, size_t n) { return at_most_log_n(-minus_h, n); }

/* KL both ways and JS from a pair_pass(), in nats, if each is vouched for. */
static int divergences_from_sums(const pair_sums *s, double in_err, infodiv_measure_set *m)
{
    m->kl_pq = s->kpq;
    m->kl_qp = s->kqp;
    m->js = at_most(0.25 * s->js, LN2);
    return s->z_max <= FAST_Z_MAX && kl_fast_ok(m->kl_pq, s, in_err) && kl_fast_ok(m->kl_qp, s, in_err)
        && js_fast_ok(m->js, s, in_err);
}

/* The seven measures of n outcomes from a pair_pass(), in nats, if every one is vouched for. */
static int measures_from_sums(const pair_sums *s, size_t n, double in_err, infodiv_measure_set *m)
{
    m->entropy_p = entropy_from_sum(s->hp, n);
    m->entropy_q = entropy_from_sum(s->hq, n);
    m->cross_entropy_pq = -s->cpq;
    m->cross_entropy_qp = -s->cqp;
    int divergences = divergences_from_sums(s, in_err, m);
    return divergences && h_fast_ok_in(m->entropy_p, in_err) && h_fast_ok_in(m->entropy_q, in_err)
        && h_fast_ok_in(m->cross_entropy_pq, in_err) && h_fast_ok_in(m->cross_entropy_qp, in_err);
}

/* ---- kl_terms: p^ log(p^/q^) per outcome ----
 *
 * Method: after sum_pass(), each lane takes p^ = x (1/S_p), q^ = y (1/S_q),
 *   each within 3 eps of the exact quotient (S to a few hundred eps^2), and
 *   L = log(p^/q^) from the ratio reduction of kl_lanes(), off by at most
 *   6 eps (the ratio) plus a few ulps of |L| + 0.82; so the term p^ L is
 *   within 8 eps + 9.3 eps/|L| of itself: below FAST_REL for
 *   |L| >= TERMS_L_MIN. Nearer 1 (k = 0 there), u = p^/q^ - 1 is formed as
 *   outcome_ratio() does, (x S_q - y S_p)/(y S_p) with TwoProduct against
 *   the double-double sums, to within about 600 eps^2 absolute, and the term
 *   is p^ log1p(u); a |u| below TERMS_U_MIN (whose relative error that
 *   would not bound; P = Q gives u = 0) sends the whole call to the general
 *   path, as does q = 0 < p, any entry outside [2^-400, 2^400] (where the
 *   products' rounding errors would not be normal numbers) and every bad
 *   input. Terms of p = 0 are 0. */
#define TERMS_L_MIN   0x1p-6
#define TERMS_U_MIN   0x1p-48
#define TERMS_RAW_MIN 0x1p-400
#define TERMS_RAW_MAX 0x1p400

/* log(x/y) lane by lane for x, y > 0 normal (x = 0: finite, to be
 * multiplied by 0), as kl_lanes() reduces the ratio; *z_out = s^2, which is
 * at most FAST_Z_MAX where the result is accurate. */
static inline vd ratio_log_lanes(vd x, vd y, vd *z_out)
{
    vm x_zero = v_eq(x, v_splat(0));
    vm d = vm_add(vm_sub(v_bits(x), v_bits(y)), vm_splat(0x3ff8000000000000));
    vm pow2k_bits = vm_andnot(vm_and(d, vm_splat(0x7ff0000000000000)), x_zero);
    vd k = v_sub(v_from_bits(vm_or(vm_shr(d, 52), vm_splat(0x4330000000000000))), v_splat(0x1p52 + 1023));
    vd yk = v_mul(y, v_from_bits(pow2k_bits));
    vd s = v_div(v_sub(x, yk), v_sel(x_zero, v_splat(1), v_add(x, yk)));
    vd z = v_mul(s, s);
    *z_out = z;
    return v_add(v_mul(k, v_splat(LN2)), v_mul(v_add(s, s), v_add(v_splat(1), v_mul(z, atanh_P(z)))));
}

/* The raw entries and sums where term_near()'s products are exact. */
static int terms_scan_ok(const pair_scan *c)
{
    return c->min_p >= TERMS_RAW_MIN && c->min_q >= TERMS_RAW_MIN && c->sum_p.hi <= TERMS_RAW_MAX
        && c->sum_q.hi <= TERMS_RAW_MAX;
}

/* The term p^ log1p(u) of entries vx, vy (as given, both > 0, their ratio
 * p^/q^ within 2^-6 of 1 so that a - b is exact), with ph = p^; 0 if |u|
 * is too small for its relative accuracy to be vouched for. */
static inline int term_near(double vx, double vy, double ph, const pair_scan *c, double *term)
{
    double a = vx * c->sum_q.hi, b = vy * c->sum_p.hi;
    double num = (a - b)
        + ((two_prod_err(vx, c->sum_q.hi, a) - two_prod_err(vy, c->sum_p.hi, b))
           + (vx * c->sum_q.lo - vy * c->sum_p.lo));
    double u = num / b;
    if (!(fabs(u) >= TERMS_U_MIN))
        return 0;
    *term = ph * log1p(u);
    return 1;
}

/* ---- KL of logits: P = softmax(a/T), Q = softmax(b/T) ----
 *
 * Method: with a'_i = (a_i - max a)/T <= 0, b'_i likewise, g_i = a'_i - b'_i,
 *   Z_a = sum e^a', Z_b = sum e^b' (each >= 1: the largest term is e^0),
 *   KL = sum p_i log(p_i/q_i) = S/Z_a - l,  S = sum e^a' g,  l = log(Z_a/Z_b),
 *   from one pass after the maxima, with exp_lanes() below. Each a' is off
 *   by 2 eps |a'| (two roundings), so e^a' by (2 |a'| + 2) eps relative, and
 *   g by 2 eps (|a'| + |b'|) + eps |g|; the pass sums the resulting bounds,
 *   and the result is used only where their effect, times FAST_SUM_ERR for
 *   the blocked sums, is below FAST_REL of KL. The general path answers
 *   (and reports) everything else: a logit that is -inf (a masked outcome),
 *   NaN or +inf, any a' or b' below -EXP_LANES_MIN (e^a' would underflow),
 *   a bad temperature, nearly equal distributions (KL cancels). */
#define EXP_LANES_MIN 700.0
#define INV_LN2       1.4426950408889634074
#define EXP_SHIFT     0x1.8p52 /* adding it rounds to an integer, kept in the low bits */

/* e^x lane by lane for x in [-EXP_LANES_MIN, 0]: x = k log 2 + r with
 * k = round(x / log 2) and r = (x - k LN2_HI) - k LN2_LO (k LN2_HI exact),
 * |r| <= 0.3466 + tiny; e^r from its Taylor series to r^13/13! (truncation
 * below 1.7e-16); times 2^k, k >= -1010, built in the exponent field. A few
 * ulps in all. */
static inline vd exp_lanes(vd x)
{
    vd kd = v_add(v_mul(x, v_splat(INV_LN2)), v_splat(EXP_SHIFT));
    vd k = v_sub(kd, v_splat(EXP_SHIFT));
    vd r = v_sub(v_sub(x, v_mul(k, v_splat(LN2_HI))), v_mul(k, v_splat(LN2_LO)));
    vd e = v_add(v_mul(v_splat(1.0 / 6227020800), r), v_splat(1.0 / 479001600));
    e = v_add(v_mul(e, r), v_splat(1.0 / 39916800));
    e = v_add(v_mul(e, r), v_splat(1.0 / 3628800));
    e = v_add(v_mul(e, r), v_splat(1.0 / 362880));
    e = v_add(v_mul(e, r), v_splat(1.0 / 40320));
    e = v_add(v_mul(e, r), v_splat(1.0 / 5040));
    e = v_add(v_mul(e, r), v_splat(1.0 / 720));
    e = v_add(v_mul(e, r), v_splat(1.0 / 120));
    e = v_add(v_mul(e, r), v_splat(1.0 / 24));
    e = v_add(v_mul(e, r), v_splat(1.0 / 6));
    e = v_add(v_mul(e, r), v_splat(0.5));
    e = v_add(v_mul(e, r), v_splat(1));
    e = v_add(v_mul(e, r), v_splat(1));
    /* 2^k: k + 1023 in the exponent field (the low bits of kd hold k) */
    vm pow2k = vm_shl(vm_add(vm_sub(v_bits(kd), v_bits(v_splat(EXP_SHIFT))), vm_splat(1023)), 52);
    return v_mul(e, v_from_bits(pow2k));
}

/* What measures_logits_pass() vouches for: H(P), H(Q), all seven, H(P,Q), H(Q,P). */
enum { LOGITS_HP = 1, LOGITS_HQ = 2, LOGITS_ALL = 4, LOGITS_CPQ = 8, LOGITS_CQP = 16 };

/* Lane-wise sums of one block of the logits pass. */
typedef struct {
    vd za, zb, s;    /* Z_a, Z_b, S */
    vd bg, es;       /* sum e^a' |g|; sum of the terms' own error bounds, e^a' ((2|a'| + 6)|g| + 2|a'| + 2|b'|) */
    vd ea, eb;       /* sum e^a' (2|a'| + 6), the same of b': the error bounds of the terms of Z_a, Z_b */
    vd min_a, min_b; /* the smallest a', b' */
} logit_block;

/* One step on lanes xa = a', xb = b' (<= 0); lanes outside `live` (the
 * zero beside an odd length's last entry) add nothing. */
static inline void logit_lanes(vd xa, vd xb, vm live, logit_block *b)
{
    vd zero = v_splat(0), two = v_splat(2), six = v_splat(6);
    xa = v_sel(live, xa, zero), xb = v_sel(live, xb, zero);
    vd ea = exp_lanes(v_max(xa, v_splat(-EXP_LANES_MIN))), eb = exp_lanes(v_max(xb, v_splat(-EXP_LANES_MIN)));
    ea = v_sel(live, ea, zero), eb = v_sel(live, eb, zero);
    vd g = v_sub(xa, xb), abs_g = v_abs(g);
    vd ra = v_add(v_mul(two, v_abs(xa)), six), rb = v_add(v_mul(two, v_abs(xb)), six); /* e^a' off by ra eps */
    b->za = v_add(b->za, ea);
    b->zb = v_add(b->zb, eb);
    b->s = v_add(b->s, v_mul(ea, g));
    b->bg = v_add(b->bg, v_mul(ea, abs_g));
    b->es = v_add(b->es, v_mul(ea, v_add(v_mul(ra, abs_g), v_add(ra, rb))));
    b->ea = v_add(b->ea, v_mul(ea, ra));
    b->eb = v_add(b->eb, v_mul(eb, rb));
    b->min_a = v_min(b->min_a, xa);
    b->min_b = v_min(b->min_b, xb);
}

/* The totals of the logits pass. */
typedef struct {
    double za, zb, s, bg, es, ea, eb, min_a, min_b;
} logit_sums;

/* KL from the logits pass, in nats, if its bound allows. Errors, in eps:
 * S: (FAST_BLOCK / VLANES) bg for the blocked sum (lane sums of 32 terms,
 * then double-double) plus es, the terms' own; Z_a: the same with Z_a and
 * ea; m = S/Z_a: err S/Z_a + |m| err Z_a/Z_a + |m|; l = log(Z_a/Z_b):
 * err Z_a/Z_a + err Z_b/Z_b + |l| + 1; KL = m - l: both, and |KL|. */
static int kl_logits_from_sums(const logit_sums *s, double *kl)
{
    if (!(s->min_a >= -EXP_LANES_MIN && s->min_b >= -EXP_LANES_MIN) || !(s->es <= DBL_MAX))
        return 0;
    const double w = FAST_BLOCK / VLANES;
    double m = s->s / s->za, l = log(s->za / s->zb);
    *kl = m - l;
    double rel_za = (w * s->za + s->ea) / s->za, rel_zb = (w * s->zb + s->eb) / s->zb;
    double err = (w * s->bg + s->es) / s->za + fabs(m) * (rel_za + 1) + rel_za + rel_zb + fabs(l) + 1 + fabs(*kl);
    return *kl <= DBL_MAX && FAST_U * err <= FAST_REL * *kl;
}

/* ---- Entropies and cross-entropies of logits ----
 *
 * Method: with a', b', Z_a, Z_b as for KL above,
 *   H(P)   = log Z_a - S_aa / Z_a,  S_aa = sum e^a' a',
 *   H(P,Q) = log Z_b - S_ab / Z_a,  S_ab = sum e^a' b',
 *   and H(Q), H(Q,P) likewise, from one pass after the maxima: each is a sum
 *   of two terms >= 0 (Z >= 1, a', b' <= 0), so nothing cancels. A weight
 *   e^a' is off by (2 |a'| + 6) eps relative (as in logit_lanes()), a factor
 *   a' or b' by 2 eps (two roundings), their product by one more; a blocked
 *   sum adds FAST_BLOCK / VLANES eps of its size. Each result is used only
 *   where its bound is below FAST_REL of it; every weight and factor must be
 *   within [-EXP_LANES_MIN, 0]. Each H depends only on the logits it names,
 *   and its sums are formed the same way whichever others the pass forms, so
 *   entropy() and cross_entropy() of logits equal measures()' to the bit. */

/* The measures of this pass, as the bits of the LOGITS_* flags above: H(P), H(Q), H(P,Q), H(Q,P). */
static const int SOFTMAX_H[4] = { LOGITS_HP, LOGITS_HQ, LOGITS_CPQ, LOGITS_CQP };
#define SOFTMAX_H_ALL (LOGITS_HP | LOGITS_HQ | LOGITS_CPQ | LOGITS_CQP)
/* For measure k: the side of its weights e^x / Z (0: a, 1: b) and of its factors x and log Z. */
static inline int softmax_weights(int k) { return k == 0 || k == 2 ? 0 : 1; }
static inline int softmax_code(int k) { return k == 0 || k == 3 ? 0 : 1; }

/* Lane-wise sums: z, s per block (then double-double), the rest over the whole pass. */
typedef struct {
    vd z[2], ez[2]; /* Z_a, Z_b; their terms' error bounds, sum e^x (2|x| + 6) */
    vd s[4], es[4]; /* S of each measure; its terms' error bounds */
    vd min[2];      /* the smallest a', b' */
} softmax_block;

/* One step on lanes xa = a', xb = b' (<= 0) for the `want`ed measures (a
 * constant once inlined); lanes outside `live` add nothing. */
static inline __attribute__((always_inline)) void softmax_lanes(vd xa, vd xb, vm live, int want, softmax_block *b)
{
    vd zero = v_splat(0), x[2] = { v_sel(live, xa, zero), v_sel(live, xb, zero) }, e[2] = { zero, zero };
    vd r[2] = { zero, zero };
    int sides =
        (want & (LOGITS_HP | LOGITS_CPQ | LOGITS_CQP) ? 1 : 0) | (want & (LOGITS_HQ | LOGITS_CPQ | LOGITS_CQP) ? 2 : 0);
    for (int side = 0; side < 2; side++) {
        if (!(sides & (1 << side)))
            continue;
        e[side] = v_sel(live, exp_lanes(v_max(x[side], v_splat(-EXP_LANES_MIN))), zero);
        r[side] = v_add(v_mul(v_splat(2), v_abs(x[side])), v_splat(6));
        b->z[side] = v_add(b->z[side], e[side]);
        b->ez[side] = v_add(b->ez[side], v_mul(e[side], r[side]));
        b->min[side] = v_min(b->min[side], x[side]);
    }
    for (int k = 0; k < 4; k++) {
        if (!(want & SOFTMAX_H[k]))
            continue;
        int w = softmax_weights(k), c = softmax_code(k);
        b->s[k] = v_add(b->s[k], v_mul(e[w], x[c]));
        b->es[k] = v_add(b->es[k], v_mul(v_mul(e[w], v_abs(x[c])), v_add(r[w], v_splat(3))));
    }
}

/* The totals of the pass. */
typedef struct {
    double z[2], ez[2], s[4], es[4], min[2];
} softmax_sums;

/* Measure k of the pass in nats (an entropy held to log n), if its bound
 * allows. Errors, in eps: log Z_c: Z_c's own, relative (blocked sum and
 * terms), plus |log Z_c| + 1; m = -S/Z_w: (FAST_BLOCK / VLANES) m for the
 * blocked sum, es/Z_w for the terms, m (err Z_w/Z_w + 1) for the quotient;
 * H = log Z_c + m: both, and H. */
static int softmax_h_from_sums(const softmax_sums *s, int k, size_t n, double *h)
{
    int w = softmax_weights(k), c = softmax_code(k);
    *h = 0;
    if (!(s->min[w] >= -EXP_LANES_MIN && s->min[c] >= -EXP_LANES_MIN) || !(s->es[k] <= DBL_MAX))
        return 0;
    const double blk = FAST_BLOCK / VLANES;
    double log_z = log(s->z[c]), m = -s->s[k] / s->z[w];
    *h = log_z + m;
    double rel_w = (blk * s->z[w] + s->ez[w]) / s->z[w], rel_c = (blk * s->z[c] + s->ez[c]) / s->z[c];
    double err = rel_c + log_z + 1 + blk * m + s->es[k] / s->z[w] + m * (rel_w + 1) + *h;
    int ok = *h <= DBL_MAX && FAST_U * err <= FAST_REL * *h;
    if (k < 2)
        *h = at_most_log_n(*h, n);
    return ok;
}
