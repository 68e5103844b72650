/* fuzz_infodiv.c -- a libFuzzer harness for every public function of infodiv.h.
 *
 * The fuzz bytes are decoded (a cursor that reads zeros past the end) into
 * one of six areas, then lengths, values, options and parameters:
 *   0 discrete: entropy, cross_entropy, kl, js, measures, kl_terms, their
 *     _f32 twins (on float inputs), kl_rows, measures_rows and their _f32 twins
 *   1 logits: kl_logits, measures_logits, cross_entropy_logits, *_rows, and the _f32 twins
 *   2 parametric: infodiv_dist_entropy, infodiv_dist_kl
 *   3 densities: infodiv_dist_log_density
 *   4 grids: infodiv_kl_grid
 *   5 infodiv_strerror of any int
 * Every area checks, for every call:
 *   - the status against one computed here from the rules of infodiv.h,
 *     and err->arg, index, value and param as documented;
 *   - on error, the result buffer untouched (byte for byte);
 *   - inputs and outputs are heap blocks of exactly their size, so ASan sees
 *     any read or write past them;
 * and for valid input the value against a slow reference below (plain loops
 * in long double, the textbook formulas), within a tolerance that is the
 * library's documented accuracy plus what the naive reference itself loses
 * (see REFERENCE TOLERANCES), and exact invariants: KL(P||P) = 0, KL >= 0,
 * 0 <= JS <= log 2, JS symmetric, H(P,Q) = H(P) + KL, H <= log n, invariance
 * under permutation and power-of-two scaling, KL of merged outcomes <= KL,
 * base b = nats / ln b, _f32 = double on the widened values, rows = rows of
 * the single-row function. A violation prints what failed and traps, so
 * libFuzzer saves the input.
 *
 * REFERENCE TOLERANCES
 *   The library claims (infodiv.h) relative error below 1e-12 against exact
 *   values for the discrete measures. The reference is exact up to long
 *   double rounding (eps_ld = 2^-63) in each p^_i, log and product, and its
 *   sums of signed terms cancel: its own error is below
 *   8 eps_ld (sum p^ + n sum |term|). So a discrete result must be within
 *   1e-12 |ref| + that bound (+ 64 n subnormal ulps for results that
 *   underflow). Where cancellation makes the bound exceed the value (KL of
 *   nearly equal P and Q), the comparison is weak and the exact invariants
 *   carry the check.
 *   Logits: the library rounds (a_i - max a)/T and the differences of logits
 *   in double, which moves each log p_i by delta_i ~ eps (|a_i| + |max a|)/T;
 *   a measure moves by at most sum (p_i + q_i)(2 + |log p_i| + |log q_i| +
 *   |M|) delta_i (first order). Compared only where that is below 1e-3.
 *   Parametric: against reference.h (__float128, cancellation-free forms; its
 *   own bound QREF_ERR is below 1e-28 relative, checked against mpmath at 700
 *   digits by check_reference.py): KL within 1e-13 of |KL|, entropies and
 *   H(P,Q) within 1e-13 of max(|H|, the magnitude of the formula's terms),
 *   plus the reference's bound; KL never negative; NaN never; infinity only
 *   beyond DBL_MAX (check_param_value; in_reference_domain says what is not
 *   compared, and why).
 *   Grids: against the rule's exact value in __float128 (no overflow); the
 *   quadrature in double loses 64 n eps sum |w_i term_i| to its (possibly
 *   negative) Simpson weights; compared within that + 1e-9; infinity only
 *   where the rule's value is beyond the doubles.
 */
#include "infodiv.h"

#include <float.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "reference.h"

#define EPS DBL_EPSILON
#define EPSL LDBL_EPSILON
#define LN2L 0.693147180559945309417232121458176568L
#define MAXN 64

/* ---- failing ---- */

#define REQUIRE(cond, ...)                                                        \
    do {                                                                          \
        if (!(cond)) {                                                            \
            fprintf(stderr, "fuzz_infodiv: %s:%d: %s: ", __FILE__, __LINE__, #cond); \
            fprintf(stderr, __VA_ARGS__);                                         \
            fputc('\n', stderr);                                                  \
            __builtin_trap();                                                     \
        }                                                                         \
    } while (0)

/* got (double, as returned) against want (long double) within tol. 0 and
 * infinities exactly; NaN never. */
static int near(double got, long double want, long double tol)
{
    if (isnan(got) || isnan(want))
        return 0;
    if (isinf(got) && !isinf(want) && fabsl(want) + tol > DBL_MAX && (got > 0) == (want > 0))
        return 1; /* beyond the doubles: overflow to infinity is the rounding */
    if (isinf(want) || isinf(got))
        return got == want;
    return fabsl((long double)got - want) <= tol;
}

/* Whether s = fl(a + b), a and b >= 0, is the exact sum: TwoSum's error is 0
 * (long double cannot tell: 2^52 + 1.9 rounded to its 64 bits is a double). */
static int sum_is_exact(double a, double b, double s)
{
    double z = s - a;
    return isfinite(s) && (a - (s - z)) + (b - z) == 0;
}

static int same_double(double a, double b)
{
    return a == b ? (a != 0 || signbit(a) == signbit(b)) : isnan(a) && isnan(b);
}

/* ---- decoding the bytes ---- */

typedef struct {
    const uint8_t *d;
    size_t n, i;
} src;

static unsigned u8(src *s)
{
    return s->i < s->n ? s->d[s->i++] : 0;
}

static uint64_t raw64(src *s)
{
    uint64_t v = 0;
    for (int k = 0; k < 8; k++)
        v = v << 8 | u8(s);
    return v;
}

static double raw_double(src *s)
{
    uint64_t v = raw64(s);
    double d;
    memcpy(&d, &v, sizeof d);
    return d;
}

static const double interesting[] = {
    0, -0.0, 4.9406564584124654e-324, 1.5e-323, 2.2250738585072014e-308, 2.2250738585072009e-308, 1e-310,
    1e-300, 1e-200, 1e-20, 1e-8, 1e-6, 1e-3, 0.1, 0.25, 0.3, 0.5, 0.7, 0.9999999, 1 - 0x1p-53, 1, 1 + 0x1p-52,
    1.000001, 1.5, 2, 3, 7, 10, 100, 1000, 1e6, 0x1p53, 1e20, 1e100, 1e200, 1e300, 1.7976931348623157e308,
    INFINITY, -INFINITY, NAN, -NAN, -1, -0.5, -1e-300, -4.9406564584124654e-324, -1e300, -1000, -2,
    -1.7976931348623157e308, 2.718281828459045, 0.2, 0.8, 1e-16, 1e10, 1e15, 9007199254740993.0,
};
#define N_INTERESTING (sizeof interesting / sizeof *interesting)

/* A value: ordinary small numbers most often (so valid inputs are common),
 * then the table above, raw bits, a near neighbour of prev, powers of two. */
static double draw(src *s, double prev)
{
    unsigned b = u8(s);
    if (b < 100)
        return b / 16.0;
    if (b < 160)
        return interesting[u8(s) % N_INTERESTING];
    if (b < 185)
        return raw_double(s);
    if (b < 225) { /* prev (1 + k 2^-e): nearly equal */
        int k = (int8_t)u8(s);
        return prev * (1 + k * ldexp(1, -(int)(u8(s) % 60)));
    }
    if (b < 245)
        return ldexp(1 + u8(s) / 256.0, (int)(int8_t)u8(s) * 8);
    return (u8(s) + 1) * 1e-3;
}

/* A logit: small signed numbers, the table (with +-inf, NaN, +-1e300), raw bits, neighbours. */
static double draw_logit(src *s, double prev)
{
    unsigned b = u8(s);
    if (b < 110)
        return (int8_t)u8(s) / 8.0;
    if (b < 160)
        return interesting[u8(s) % N_INTERESTING];
    if (b < 175)
        return -interesting[u8(s) % N_INTERESTING];
    if (b < 190)
        return raw_double(s);
    if (b < 235)
        return prev + (int8_t)u8(s) * ldexp(1, -(int)(u8(s) % 60));
    return -INFINITY;
}

static const double bases[] = {
    INFODIV_E, INFODIV_E, INFODIV_E, 2, 2, 10, 0.5, 1, 0, -2, NAN, INFINITY, -INFINITY, 1 + 0x1p-52, 1 - 0x1p-53,
    1.7976931348623157e308, 4.9406564584124654e-324, 3.7, 1e-300, 2.718281828459045 * (1 + 0x1p-52),
};

/* Options: NULL (the defaults) or a base and a normalize flag. */
static const infodiv_options *draw_options(src *s, infodiv_options *o)
{
    unsigned b = u8(s);
    if (b < 40)
        return NULL;
    unsigned c = u8(s);
    o->base = c < 220 ? bases[c % (sizeof bases / sizeof *bases)] : raw_double(s);
    o->normalize = b < 150 ? 1 : b < 240 ? 0 : (int)b; /* any nonzero is on */
    return o;
}

static double opt_base(const infodiv_options *o)
{
    return o ? o->base : INFODIV_E;
}

static int opt_normalize(const infodiv_options *o)
{
    return o ? o->normalize != 0 : 1;
}

static int base_ok(double b)
{
    return b > 0 && b <= DBL_MAX && b != 1;
}

/* log(base) as the reference uses it: the nats of INFODIV_E are exact. */
static long double ln_base(double b)
{
    return b == INFODIV_E ? 1.0L : logl((long double)b);
}

/* ---- expected errors ---- */

typedef struct {
    int status, arg, param;
    size_t index;
    double value;
    int value_approx; /* value is a sum: compare within 1e-14 */
} expect;

static expect ok(void)
{
    return (expect){ INFODIV_OK, 0, 0, 0, 0, 0 };
}

static expect bad(int status, int arg, size_t index, double value)
{
    return (expect){ status, arg, 0, index, value, 0 };
}

static const char *status_name(int s)
{
    return infodiv_strerror(s);
}

/* The call returned status with err filled (or not: err_given = 0); checks it
 * against one of the allowed expectations (two when a sum is within rounding
 * of the tolerance: either side is right). */
static void check_status(const char *fn, int status, const infodiv_error *err, int err_given, const expect *e,
                         int n_expect)
{
    for (int k = 0; k < n_expect; k++) {
        if (status != e[k].status)
            continue;
        if (status == INFODIV_OK || !err_given)
            return;
        int value_ok = e[k].value_approx
                           ? (isinf(e[k].value) && err->value == e[k].value)
                                 || fabs(err->value - e[k].value) <= 1e-14 * fabs(e[k].value)
                           : same_double(err->value, e[k].value) || (err->value == e[k].value);
        /* both sides of an ambiguous sum can be NOT_NORMALIZED (p's, or q's after p's passed): try the next */
        if (k + 1 < n_expect && e[k + 1].status == status
            && !(err->arg == e[k].arg && err->index == e[k].index && err->param == e[k].param && value_ok))
            continue;
        REQUIRE(err->arg == e[k].arg && err->index == e[k].index && err->param == e[k].param && value_ok,
                "%s: status %d (%s): err {arg %d, index %zu, value %.17g, param %d}, want {arg %d, index %zu, value %.17g, param %d}",
                fn, status, status_name(status), err->arg, err->index, err->value, err->param, e[k].arg, e[k].index,
                e[k].value, e[k].param);
        return;
    }
    REQUIRE(0, "%s: status %d (%s), want %d (%s)%s", fn, status, status_name(status), e[0].status,
            status_name(e[0].status), n_expect > 1 ? " or the other side of a sum's tolerance" : "");
}

/* ---- discrete: validity ---- */

/* The sum of v in long double: exact enough to decide NOT_NORMALIZED except
 * within 1e-9 relative of the tolerance, where either answer is right. */
static long double sum_ld(const double *v, size_t n)
{
    long double s = 0;
    for (size_t i = 0; i < n; i++)
        s += v[i];
    return s;
}

/* One distribution's entries and sum: OK, or the error. ambiguous_fail: how to
 * decide a sum within rounding of the tolerance. */
static expect expect_entries(const double *v, size_t n, int normalize, int arg, int ambiguous_fail, int *ambiguous)
{
    int any = 0;
    for (size_t i = 0; i < n; i++) {
        if (isnan(v[i]))
            return bad(INFODIV_NAN, arg, i, v[i]);
        if (v[i] < 0)
            return bad(INFODIV_NEGATIVE, arg, i, v[i]);
        if (v[i] == INFINITY)
            return bad(INFODIV_INFINITE, arg, i, v[i]);
        any |= v[i] != 0;
    }
    if (!any)
        return bad(INFODIV_ZERO_SUM, arg, 0, 0);
    if (!normalize) {
        long double s = sum_ld(v, n), off = fabsl(s - 1);
        int fails = off > INFODIV_SUM_TOLERANCE;
        if (fabsl(off - INFODIV_SUM_TOLERANCE) <= 1e-9L * INFODIV_SUM_TOLERANCE) {
            *ambiguous = 1;
            fails = ambiguous_fail;
        }
        if (fails) {
            expect e = bad(INFODIV_NOT_NORMALIZED, arg, 0, s > DBL_MAX ? INFINITY : (double)s);
            e.value_approx = 1;
            return e;
        }
    }
    return ok();
}

/* What a discrete function must return: pointers, n, p, q (when has_q), base.
 * Fills e[0] (and e[1] when a sum is ambiguous); returns the count. */
static int expect_discrete(const double *p, const double *q, size_t n, int p_null, int q_null, int out_null,
                           const infodiv_options *o, expect e[4])
{
    /* each of p's and q's sums may be ambiguous on its own: try the four decisions
     * (bit 0 for p, bit 1 for q) and keep the distinct outcomes */
    int count = 0, any_ambiguous = 0;
    for (int side = 0; side < 4; side++) {
        int amb_p = 0, amb_q = 0;
        expect r;
        if (p_null)
            r = bad(INFODIV_NULL, INFODIV_ARG_P, 0, 0);
        else if (q_null)
            r = bad(INFODIV_NULL, INFODIV_ARG_Q, 0, 0);
        else if (out_null)
            r = bad(INFODIV_NULL, INFODIV_ARG_NONE, 0, 0);
        else if (n == 0)
            r = bad(INFODIV_EMPTY, INFODIV_ARG_P, 0, 0);
        else {
            r = expect_entries(p, n, opt_normalize(o), INFODIV_ARG_P, side & 1, &amb_p);
            if (r.status == INFODIV_OK && q)
                r = expect_entries(q, n, opt_normalize(o), INFODIV_ARG_Q, (side >> 1) & 1, &amb_q);
            if (r.status == INFODIV_OK && !base_ok(opt_base(o)))
                r = bad(INFODIV_BAD_BASE, INFODIV_ARG_BASE, 0, opt_base(o));
        }
        if (side == 0)
            any_ambiguous = amb_p || amb_q;
        int dup = 0;
        for (int k = 0; k < count; k++)
            dup |= e[k].status == r.status && e[k].arg == r.arg;
        if (!dup)
            e[count++] = r;
        if (!any_ambiguous && side == 0)
            break;
    }
    return count;
}

/* ---- discrete: the reference ---- */

typedef struct {
    long double v[7]; /* hp hq cpq cqp kpq kqp js, in nats */
    long double err[7]; /* what the reference itself may be off by */
    long double terms[MAXN], terms_err[MAXN];
    int inf_pq, inf_qp, inf_term[MAXN];
} ref_set;

enum { HP, HQ, CPQ, CQP, KPQ, KQP, JS };

/* Naive measures of ph, qh (already normalised, or raw with normalize off;
 * sp, sq their sums, used by the unnormalised KL). zero_p/zero_q: the inputs
 * as given are 0 (that decides infinities). */
static void reference(const long double *ph, const long double *qh, const int *zp, const int *zq, size_t n,
                      long double sp, long double sq, int normalize, ref_set *r)
{
    long double abs_sum[7] = { 0 };
    memset(r, 0, sizeof *r);
    for (size_t i = 0; i < n; i++) {
        long double p = ph[i], q = qh[i], t;
        r->inf_term[i] = 0;
        r->terms[i] = 0;
        r->terms_err[i] = 0;
        if (!zp[i]) {
            t = -p * logl(p);
            r->v[HP] += t, abs_sum[HP] += fabsl(t);
        }
        if (!zq[i]) {
            t = -q * logl(q);
            r->v[HQ] += t, abs_sum[HQ] += fabsl(t);
        }
        if (!zp[i] && zq[i])
            r->inf_pq = 1, r->inf_term[i] = 1;
        if (!zq[i] && zp[i])
            r->inf_qp = 1;
        if (!zp[i] && !zq[i]) {
            t = -p * logl(q);
            r->v[CPQ] += t, abs_sum[CPQ] += fabsl(t);
            t = -q * logl(p);
            r->v[CQP] += t, abs_sum[CQP] += fabsl(t);
            t = p * logl(p / q);
            r->v[KPQ] += t, abs_sum[KPQ] += fabsl(t);
            r->terms[i] = t;
            r->terms_err[i] = 8 * EPSL * (n + 1) * (p + fabsl(t)); /* the sums S_p, S_q round n times */
            t = q * logl(q / p);
            r->v[KQP] += t, abs_sum[KQP] += fabsl(t);
        }
        long double m = (p + q) / 2;
        if (!zp[i]) {
            t = 0.5L * p * logl(p / m);
            r->v[JS] += t, abs_sum[JS] += fabsl(t);
        }
        if (!zq[i]) {
            t = 0.5L * q * logl(q / m);
            r->v[JS] += t, abs_sum[JS] += fabsl(t);
        }
    }
    if (!normalize) { /* sum p log(p/q) - sum p + sum q */
        r->v[KPQ] += sq - sp;
        r->v[KQP] += sp - sq;
    }
    for (int k = 0; k < 7; k++)
        /* n (sp + sq): the sums that normalise p and q round n times, and a log of
         * p^ or q^ near 1 is off by that absolute */
        r->err[k] = 8 * EPSL * (n + 1) * (2 + abs_sum[k]) + (normalize ? 0 : 8 * EPSL * (n + 1) * (sp + sq));
}

/* The library's value (in the base) against the reference (nats). */
static void compare(const char *fn, const char *what, double got, long double want, long double want_err,
                    int want_inf, long double lnb, double rel, size_t n)
{
    if (want_inf) {
        REQUIRE(got == (lnb > 0 ? INFINITY : -INFINITY), "%s %s: %.17g, want %sinfinity", fn, what, got,
                lnb > 0 ? "+" : "-");
        return;
    }
    long double w = want / lnb;
    /* results are rounded in nats, then divided by log(base); a subnormal p^
     * (a few ulps of 4.9e-324) times a log of up to ~1500 is off by as many ulps */
    long double tol = (rel * fabsl(want) + want_err + 1500 * 64.0L * (n + 1) * 4.9406564584124654e-324L) / fabsl(lnb);
    REQUIRE(near(got, w, tol), "%s %s: %.17g, reference %.21Lg (tolerance %.3Lg, off by %.3Lg)", fn, what, got, w,
            tol, fabsl((long double)got - w));
}

/* Relative agreement of two library results (each within 1e-12 of the exact). */
static int agree(double a, double b, double rel)
{
    if (isinf(a) || isinf(b) || isnan(a) || isnan(b))
        return a == b;
    return fabs(a - b) <= rel * fmax(fabs(a), fabs(b)) + 1e-300;
}

/* ---- discrete: calling every function ---- */

/* Heap copies of exactly n entries, so ASan catches a read past the end. */
static double *copy_d(const double *v, size_t n)
{
    double *c = malloc(n ? n * sizeof *c : 1);
    if (n)
        memcpy(c, v, n * sizeof *c);
    return c;
}

static float *copy_f(const double *v, size_t n)
{
    float *c = malloc(n ? n * sizeof *c : 1);
    for (size_t i = 0; i < n; i++)
        c[i] = (float)v[i];
    return c;
}

#define SENTINEL 0xA5

/* A result area of size bytes, filled with the sentinel. */
static void *result_area(size_t size)
{
    void *r = malloc(size ? size : 1);
    memset(r, SENTINEL, size ? size : 1);
    return r;
}

static void require_untouched(const char *fn, const void *area, size_t size)
{
    const unsigned char *c = area;
    for (size_t i = 0; i < size; i++)
        REQUIRE(c[i] == SENTINEL, "%s: result written on error (byte %zu)", fn, i);
}

typedef struct {
    double h, ce, kl, js, terms[MAXN];
    infodiv_measure_set m;
    int st[6];
} discrete_out;

/* Calls the six functions (double or float) on p, q; checks statuses, errors
 * and untouched results; fills out. pass_err: whether err is given. */
static void call_discrete(const double *p, const double *q, size_t n, const infodiv_options *o, int use_float,
                          int pass_err, discrete_out *out)
{
    static const char *names[2][6] = {
        { "entropy", "cross_entropy", "kl", "js", "measures", "kl_terms" },
        { "entropy_f32", "cross_entropy_f32", "kl_f32", "js_f32", "measures_f32", "kl_terms_f32" },
    };
    expect e[4];
    double *pd = copy_d(p, n), *qd = copy_d(q, n);
    float *pf = copy_f(p, n), *qf = copy_f(q, n);
    for (int f = 0; f < 6; f++) {
        size_t size = f == 4 ? sizeof(infodiv_measure_set) : f == 5 ? n * sizeof(double) : sizeof(double);
        void *res = result_area(size);
        infodiv_error err;
        memset(&err, SENTINEL, sizeof err);
        infodiv_error *ep = pass_err ? &err : NULL;
        int s;
        if (!use_float) {
            switch (f) {
            case 0: s = infodiv_entropy(pd, n, o, res, ep); break;
            case 1: s = infodiv_cross_entropy(pd, qd, n, o, res, ep); break;
            case 2: s = infodiv_kl(pd, qd, n, o, res, ep); break;
            case 3: s = infodiv_js(pd, qd, n, o, res, ep); break;
            case 4: s = infodiv_measures(pd, qd, n, o, res, ep); break;
            default: s = infodiv_kl_terms(pd, qd, n, o, res, ep); break;
            }
        } else {
            switch (f) {
            case 0: s = infodiv_entropy_f32(pf, n, o, res, ep); break;
            case 1: s = infodiv_cross_entropy_f32(pf, qf, n, o, res, ep); break;
            case 2: s = infodiv_kl_f32(pf, qf, n, o, res, ep); break;
            case 3: s = infodiv_js_f32(pf, qf, n, o, res, ep); break;
            case 4: s = infodiv_measures_f32(pf, qf, n, o, res, ep); break;
            default: s = infodiv_kl_terms_f32(pf, qf, n, o, res, ep); break;
            }
        }
        int ne = expect_discrete(p, f == 0 ? NULL : q, n, 0, 0, 0, o, e);
        check_status(names[use_float][f], s, &err, pass_err, e, ne);
        out->st[f] = s;
        if (s != INFODIV_OK) {
            require_untouched(names[use_float][f], res, size);
        } else {
            switch (f) {
            case 0: memcpy(&out->h, res, size); break;
            case 1: memcpy(&out->ce, res, size); break;
            case 2: memcpy(&out->kl, res, size); break;
            case 3: memcpy(&out->js, res, size); break;
            case 4: memcpy(&out->m, res, size); break;
            default: memcpy(out->terms, res, size); break;
            }
        }
        free(res);
    }
    free(pd), free(qd), free(pf), free(qf);
}

/* NULL pointers: each argument in turn, for each function. */
static void check_nulls(const double *p, size_t n, const infodiv_options *o)
{
    double *pd = copy_d(p, n);
    float *pf = copy_f(p, n);
    double r[MAXN > 7 ? MAXN : 7];
    infodiv_measure_set m;
    infodiv_error err;
    expect e[4];
    for (int which = 0; which < 3; which++) { /* p, q, result NULL */
        const double *a = which == 0 ? NULL : pd, *b = which == 1 ? NULL : pd;
        const float *af = which == 0 ? NULL : pf, *bf = which == 1 ? NULL : pf;
        double *res = which == 2 ? NULL : r;
        infodiv_measure_set *ms = which == 2 ? NULL : &m;
        int ne = expect_discrete(p, p, n, which == 0, which == 1, which == 2, o, e);
#define NULLCHECK(call) check_status(#call, (call), &err, 1, e, ne)
        NULLCHECK(infodiv_cross_entropy(a, b, n, o, res, &err));
        NULLCHECK(infodiv_kl(a, b, n, o, res, &err));
        NULLCHECK(infodiv_js(a, b, n, o, res, &err));
        NULLCHECK(infodiv_measures(a, b, n, o, ms, &err));
        NULLCHECK(infodiv_kl_terms(a, b, n, o, res, &err));
        NULLCHECK(infodiv_cross_entropy_f32(af, bf, n, o, res, &err));
        NULLCHECK(infodiv_kl_f32(af, bf, n, o, res, &err));
        NULLCHECK(infodiv_js_f32(af, bf, n, o, res, &err));
        NULLCHECK(infodiv_measures_f32(af, bf, n, o, ms, &err));
        NULLCHECK(infodiv_kl_terms_f32(af, bf, n, o, res, &err));
        NULLCHECK(infodiv_kl_rows(a, b, 1, n, o, res, &err));
        NULLCHECK(infodiv_measures_rows(a, b, 1, n, o, ms, &err));
        NULLCHECK(infodiv_kl_rows_f32(af, bf, 1, n, o, res, &err));
        NULLCHECK(infodiv_measures_rows_f32(af, bf, 1, n, o, ms, &err));
        if (which != 1) {
            ne = expect_discrete(p, NULL, n, which == 0, 0, which == 2, o, e);
            NULLCHECK(infodiv_entropy(a, n, o, res, &err));
            NULLCHECK(infodiv_entropy_f32(af, n, o, res, &err));
        }
#undef NULLCHECK
    }
    free(pd), free(pf);
}

/* Compares one call's results with the reference. */
static void check_against_reference(const char *tag, const discrete_out *d, const ref_set *r, long double lnb,
                                    size_t n)
{
    const double rel = 1e-12;
    compare(tag, "entropy", d->h, r->v[HP], r->err[HP], 0, lnb, rel, n);
    compare(tag, "cross_entropy", d->ce, r->v[CPQ], r->err[CPQ], r->inf_pq, lnb, rel, n);
    compare(tag, "kl", d->kl, r->v[KPQ], r->err[KPQ], r->inf_pq, lnb, rel, n);
    compare(tag, "js", d->js, r->v[JS], r->err[JS], 0, lnb, rel, n);
    const double mv[7] = { d->m.entropy_p, d->m.entropy_q, d->m.cross_entropy_pq, d->m.cross_entropy_qp,
                           d->m.kl_pq, d->m.kl_qp, d->m.js };
    static const char *names[7] = { "measures.entropy_p", "measures.entropy_q", "measures.cross_entropy_pq",
                                    "measures.cross_entropy_qp", "measures.kl_pq", "measures.kl_qp", "measures.js" };
    const int inf[7] = { 0, 0, r->inf_pq, r->inf_qp, r->inf_pq, r->inf_qp, 0 };
    for (int k = 0; k < 7; k++)
        compare(tag, names[k], mv[k], r->v[k], r->err[k], inf[k], lnb, rel, n);
    for (size_t i = 0; i < n; i++)
        compare(tag, "kl_terms[i]", d->terms[i], r->terms[i], r->terms_err[i], r->inf_term[i], lnb, rel, n);
}

static void discrete_reference(const double *p, const double *q, size_t n, int normalize, ref_set *r)
{
    long double ph[MAXN], qh[MAXN];
    int zp[MAXN], zq[MAXN];
    long double sp = sum_ld(p, n), sq = sum_ld(q, n);
    for (size_t i = 0; i < n; i++) {
        ph[i] = normalize ? p[i] / sp : p[i];
        qh[i] = normalize ? q[i] / sq : q[i];
        zp[i] = p[i] == 0;
        zq[i] = q[i] == 0;
    }
    reference(ph, qh, zp, zq, n, normalize ? 1 : sp, normalize ? 1 : sq, normalize, r);
}

/* The batches: rows x cols made of p and q (n = rows * cols); each row's
 * result is the single-row function's, bit for bit, and the errors those of
 * the first bad row, indices counted in the whole matrix. */
static void check_rows(const double *p, const double *q, size_t rows, size_t cols, const infodiv_options *o,
                       int use_float, int pass_err)
{
    size_t n = rows * cols;
    double *pd = copy_d(p, n), *qd = copy_d(q, n);
    float *pf = copy_f(p, n), *qf = copy_f(q, n);
    for (int f = 0; f < 2; f++) {
        const char *name = f == 0 ? (use_float ? "kl_rows_f32" : "kl_rows") : (use_float ? "measures_rows_f32" : "measures_rows");
        size_t each = f == 0 ? sizeof(double) : sizeof(infodiv_measure_set);
        unsigned char *out = result_area(rows * each);
        infodiv_error err;
        memset(&err, SENTINEL, sizeof err);
        int s;
        if (f == 0)
            s = use_float ? infodiv_kl_rows_f32(pf, qf, rows, cols, o, (double *)out, pass_err ? &err : NULL)
                          : infodiv_kl_rows(pd, qd, rows, cols, o, (double *)out, pass_err ? &err : NULL);
        else
            s = use_float ? infodiv_measures_rows_f32(pf, qf, rows, cols, o, (infodiv_measure_set *)out, pass_err ? &err : NULL)
                          : infodiv_measures_rows(pd, qd, rows, cols, o, (infodiv_measure_set *)out, pass_err ? &err : NULL);
        /* expected: row by row */
        expect e[4] = { ok(), ok(), ok(), ok() };
        int ne = 1;
        size_t bad_row = rows;
        if (rows == 0 || cols == 0) {
            e[0] = bad(INFODIV_EMPTY, INFODIV_ARG_P, 0, 0);
            bad_row = 0;
        } else {
            for (size_t r = 0; r < rows; r++) {
                ne = expect_discrete(p + r * cols, q + r * cols, cols, 0, 0, 0, o, e);
                int row_bad = 0;
                for (int k = 0; k < ne; k++)
                    row_bad |= e[k].status != INFODIV_OK;
                if (row_bad) {
                    for (int k = 0; k < ne; k++)
                        e[k].index += r * cols;
                    for (int k = 0; ne > 1 && k < ne; k++)
                        if (e[k].status == INFODIV_OK)
                            ne = 0; /* an ambiguous sum: this row may pass, and a later row decide */
                    bad_row = r;
                    break;
                }
            }
        }
        if (ne == 0) { /* rare: ambiguous row passed; just check rows written so far agree below */
            bad_row = rows;
        } else {
            check_status(name, s, &err, pass_err, e, ne);
        }
        /* rows before the failing one (all when OK) equal the single-row results */
        size_t written = s == INFODIV_OK ? rows : bad_row;
        if (s != INFODIV_OK && written <= rows && ne != 0)
            require_untouched(name, out + written * each, (rows - written) * each);
        for (size_t r = 0; r < written && s == INFODIV_OK; r++) {
            unsigned char single[sizeof(infodiv_measure_set)];
            int s1;
            if (f == 0)
                s1 = use_float ? infodiv_kl_f32(pf + r * cols, qf + r * cols, cols, o, (double *)single, NULL)
                               : infodiv_kl(pd + r * cols, qd + r * cols, cols, o, (double *)single, NULL);
            else
                s1 = use_float ? infodiv_measures_f32(pf + r * cols, qf + r * cols, cols, o, (infodiv_measure_set *)single, NULL)
                               : infodiv_measures(pd + r * cols, qd + r * cols, cols, o, (infodiv_measure_set *)single, NULL);
            REQUIRE(s1 == INFODIV_OK && memcmp(single, out + r * each, each) == 0, "%s: row %zu differs from the single-row result",
                    name, r);
        }
        free(out);
    }
    free(pd), free(qd), free(pf), free(qf);
}

/* Textbook Huffman's average length (merge the two lightest, O(n^2)) of the
 * positive entries of p, in long double: independent of the library's
 * in-place method. */
static long double huffman_average(const double *p, size_t n)
{
    long double w[MAXN], total = 0, avg = 0;
    size_t m = 0;
    for (size_t i = 0; i < n; i++)
        if (p[i] > 0)
            w[m++] = p[i], total += p[i];
    while (m > 1) {
        size_t a = w[1] < w[0], b = !a;
        for (size_t i = 2; i < m; i++) {
            if (w[i] < w[a])
                b = a, a = i;
            else if (w[i] < w[b])
                b = i;
        }
        avg += w[a] + w[b];
        w[a] += w[b];
        w[b] = w[--m];
    }
    return avg / total;
}

/* Codes, draws and evidence on valid p and q (pd, qd: heap copies):
 * log ratios against long double, code lengths complete (Kraft sum 1) and
 * optimal, the sampler's cdf and draws, evidence paths and estimates. */
static void check_samples(const double *pd, const double *qd, size_t n, const infodiv_options *o, const uint32_t *draws,
                          size_t count, const double *lr);

static void check_coding(src *s, const double *pd, const double *qd, size_t n, const infodiv_options *o)
{
    int normalize = opt_normalize(o);
    long double lnb = ln_base(opt_base(o));
    f128 sp = 0, sq = 0; /* quad: long double's sums of 2^53 and 0.26 lose the 1e-18 a log ratio of 3e-15 needs */
    for (size_t i = 0; i < n; i++)
        sp += pd[i], sq += qd[i];
    if (!normalize)
        sp = sq = 1;
    double *lr = result_area(n * sizeof *lr);
    REQUIRE(infodiv_log_ratios(pd, qd, n, o, lr, NULL) == INFODIV_OK, "log_ratios status");
    for (size_t i = 0; i < n; i++) {
        if (pd[i] == 0 || qd[i] == 0) {
            long double want = pd[i] == qd[i] ? 0 : (pd[i] == 0 ? -INFINITY : INFINITY) / lnb;
            REQUIRE(lr[i] == want, "log_ratios[%zu] = %g with p %g, q %g", i, lr[i], pd[i], qd[i]);
            continue;
        }
        f128 lp = logq(pd[i] / sp), lq = logq(qd[i] / sq), want = (lp - lq) / lnb;
        f128 tol = (1e-13Q * fabsq(lp - lq) + 1e-30Q * (1 + fabsq(lp) + fabsq(lq))) / fabsl(lnb);
        REQUIRE(fabsq(lr[i] - want) <= tol, "log_ratios[%zu] = %.17g, reference %.17g", i, lr[i], (double)want);
    }
    unsigned *len = result_area(n * sizeof *len);
    double *work = result_area(2 * n * sizeof *work);
    REQUIRE(infodiv_code_lengths(pd, n, o, len, work, NULL) == INFODIV_OK, "code_lengths status");
    long double kraft = 0, avg = 0;
    size_t positive = 0;
    for (size_t i = 0; i < n; i++) {
        REQUIRE(pd[i] > 0 || len[i] == 0, "a codeword for p = 0");
        if (pd[i] > 0)
            kraft += ldexpl(1, -(int)len[i]), avg += (long double)pd[i] * len[i], positive++;
    }
    long double want_avg = huffman_average(pd, n), total = 0;
    for (size_t i = 0; i < n; i++)
        total += pd[i];
    REQUIRE(positive == 1 ? kraft == 1 && avg == 0 : kraft == 1, "Kraft sum %Lg of %zu codewords", kraft, positive);
    REQUIRE(fabsl(avg / total - want_avg) <= 1e-12L * (1 + want_avg), "average length %.17Lg, optimal %.17Lg",
            avg / total, want_avg);
    double *cdf = result_area(n * sizeof *cdf);
    REQUIRE(infodiv_sampler_init(pd, n, o, cdf, NULL) == INFODIV_OK, "sampler_init status");
    for (size_t i = 0; i < n; i++)
        REQUIRE(cdf[i] >= 0 && cdf[i] <= 1 && (i == 0 || cdf[i] >= cdf[i - 1]), "cdf[%zu] = %.17g", i, cdf[i]);
    REQUIRE(cdf[n - 1] == 1, "cdf ends at %.17g", cdf[n - 1]);
    uint64_t state = raw64(s);
    enum { DRAWS = 8 };
    uint32_t draws[DRAWS];
    infodiv_sampler_draw(cdf, n, &state, DRAWS, draws);
    for (size_t k = 0; k < DRAWS; k++)
        REQUIRE(draws[k] < n && pd[draws[k]] > 0, "drew %u, p %g", draws[k], draws[k] < n ? pd[draws[k]] : 0);
    double path[DRAWS], est[3];
    REQUIRE(infodiv_evidence_path(pd, qd, n, o, draws, DRAWS, path, NULL) == INFODIV_OK, "evidence_path status");
    long double run = 0, magnitude = 0;
    for (size_t k = 0; k < DRAWS; k++) {
        run += lr[draws[k]], magnitude += fabsl(lr[draws[k]]);
        long double tol = 1e-12L * (fabsl(run) + k + 1) * (1 + fabsl(lr[draws[k]]));
        REQUIRE(isinf(run) ? path[k] == run : fabsl(path[k] - run) <= tol, "path[%zu] = %.17g, sum of log ratios %.17Lg", k,
                path[k], run);
    }
    REQUIRE(infodiv_kl_estimates(pd, qd, n, o, draws, DRAWS, est, NULL) == INFODIV_OK, "kl_estimates status");
    int up = lnb > 0;
    /* the reference sums log ratios each rounded (eps relative) and may cancel:
     * within 1e-12 of k1 plus 4 eps of the mean magnitude */
    long double k1_tol = 1e-12L * fabsl(run / DRAWS) + 8.9e-16L * magnitude / DRAWS + 1e-300L;
    REQUIRE(isinf(run) ? est[0] == (double)run : fabsl(est[0] - run / DRAWS) <= k1_tol, "k1 %.17g, mean log ratio %.17Lg",
            est[0], run / DRAWS);
    REQUIRE(est[1] >= 0 && (up ? est[2] >= 0 : est[2] <= 0), "k2 %g, k3 %g of the wrong sign", est[1], est[2]);
    check_samples(pd, qd, n, o, draws, DRAWS, lr);
    free(lr), free(len), free(work), free(cdf);
}

/* What runs of draws come to (the SAMPLES functions) on the draws of
 * check_coding: message lengths as sums of the code lengths, counts, a
 * summary and evidence runs against long double sums of the log ratios lr. */
static void check_samples(const double *pd, const double *qd, size_t n, const infodiv_options *o, const uint32_t *draws,
                          size_t count, const double *lr)
{
    unsigned *len = result_area(2 * n * sizeof *len);
    double *paths = result_area(5 * count * sizeof *paths), *work = result_area(2 * n * sizeof *work), expected[2];
    REQUIRE(infodiv_message_lengths(pd, qd, n, o, draws, count, len, paths, expected, work, NULL) == INFODIV_OK,
            "message_lengths status");
    long double bit = logl(2) / ln_base(opt_base(o)), bits_p = 0, bits_q = 0;
    for (size_t k = 0; k < count; k++) {
        bits_p += len[draws[k]];
        bits_q = qd[draws[k]] > 0 ? bits_q + len[n + draws[k]] : INFINITY;
        REQUIRE(paths[k] == bits_p && paths[count + k] == bits_q, "bits after %zu: %g, %g", k + 1, paths[k],
                paths[count + k]);
        long double per = bits_p / (k + 1) * bit;
        REQUIRE(fabsl(paths[2 * count + k] - per) <= 4e-16L * fabsl(per), "bits per symbol %.17g, %.17Lg",
                paths[2 * count + k], per);
        long double extra = (bits_q - bits_p) / (k + 1) * bit;
        REQUIRE(isinf(bits_q) ? paths[4 * count + k] == extra
                              : fabsl(paths[4 * count + k] - extra) <= 4e-16L * fabsl(extra),
                "extra %.17g, %.17Lg", paths[4 * count + k], extra);
    }
    REQUIRE(!isnan(expected[0]) && !isnan(expected[1]) && expected[0] * bit >= 0, "expected %g, %g", expected[0],
            expected[1]);
    uint32_t counts[MAXN], total = 0;
    REQUIRE(infodiv_draw_counts(draws, count, n, counts, NULL, NULL) == INFODIV_OK, "draw_counts status");
    for (size_t i = 0; i < n; i++)
        total += counts[i];
    REQUIRE(total == count, "counts add up to %u of %zu", total, count);
    double sum[3];
    REQUIRE(infodiv_summary(lr, n, sum, NULL) == INFODIV_OK, "summary status");
    /* quad sums; the library rounds twice (the sum, then / n): 2 eps of the mean, ~eps^2 of the magnitude */
    f128 mean = 0, magnitude = 0;
    int infinite = 0;
    for (size_t i = 0; i < n; i++)
        mean += lr[i], magnitude += fabsq(lr[i]), infinite |= isinf(lr[i]);
    mean /= n, magnitude /= n;
    REQUIRE(infinite ? isinf(sum[0]) || isnan(sum[0]) : fabsq(sum[0] - mean) <= 2.5e-16Q * fabsq(mean) + 1e-30Q * magnitude + 1e-300Q,
            "summary mean %.17g, %.17g", sum[0], (double)mean);
    /* two runs: the draws, and the draws in reverse order; both end at the same L */
    uint32_t runs[2 * 8], stops[2], hist[4], shape[2];
    double rpaths[2 * 8], rmean[8];
    for (size_t k = 0; k < count; k++)
        runs[k] = draws[k], runs[count + k] = draws[count - 1 - k];
    infodiv_evidence_summary out;
    REQUIRE(infodiv_evidence_runs(pd, qd, n, o, runs, 2, count, 19, 1, rpaths, rmean, stops, &out, NULL) == INFODIV_OK,
            "evidence_runs status");
    for (size_t k = 0; k < 2 * count; k++)
        REQUIRE(!isnan(rpaths[k]), "a NaN in the evidence paths");
    REQUIRE(isinf(rpaths[count - 1])
                ? rpaths[2 * count - 1] == rpaths[count - 1]
                : fabsl(rpaths[count - 1] - rpaths[2 * count - 1]) <= 1e-12L * (1 + fabsl(rpaths[count - 1])),
            "the two orders end at %.17g and %.17g", rpaths[count - 1], rpaths[2 * count - 1]);
    REQUIRE(out.stopped == (stops[0] > 0) + (stops[1] > 0) && stops[0] <= count && stops[1] <= count, "stops %u, %u",
            stops[0], stops[1]);
    REQUIRE(infodiv_histogram(stops, 2, 4, hist, shape, NULL) == INFODIV_OK, "histogram status");
    REQUIRE(hist[0] + hist[1] + hist[2] + hist[3] == out.stopped && shape[1] <= 4, "histogram of %g stops",
            out.stopped);
    free(len), free(paths), free(work);
}

static void fuzz_discrete(src *s)
{
    unsigned flags = u8(s);
    size_t n = u8(s) % (MAXN + 1);
    int use_float = flags & 1, pass_err = !(flags & 2), q_mode = (flags >> 2) & 3;
    infodiv_options ob, *o = (infodiv_options *)draw_options(s, &ob);
    double p[MAXN], q[MAXN];
    double prev = 1;
    for (size_t i = 0; i < n; i++)
        prev = p[i] = draw(s, prev);
    for (size_t i = 0; i < n; i++) {
        if (q_mode == 0) /* unrelated */
            prev = q[i] = draw(s, prev);
        else if (q_mode == 1) /* nearly equal */
            q[i] = draw(s, p[i]);
        else if (q_mode == 2) /* equal but for a few entries */
            q[i] = u8(s) < 200 ? p[i] : draw(s, p[i]);
        else
            q[i] = p[i] * 0.5 + draw(s, p[i]);
    }
    if (use_float) /* what the float functions see, widened back */
        for (size_t i = 0; i < n; i++)
            p[i] = (float)p[i], q[i] = (float)q[i];

    if (getenv("FUZZ_DEBUG")) { /* print the decoded input */
        fprintf(stderr, "discrete n=%zu float=%d base=%.17g normalize=%d\np:", n, use_float, opt_base(o), opt_normalize(o));
        for (size_t i = 0; i < n; i++)
            fprintf(stderr, " %a", p[i]);
        fprintf(stderr, "\nq:");
        for (size_t i = 0; i < n; i++)
            fprintf(stderr, " %a", q[i]);
        fputc('\n', stderr);
    }
    discrete_out d, df;
    call_discrete(p, q, n, o, 0, pass_err, &d);
    if (use_float) { /* float = double on the widened values, bit for bit */
        call_discrete(p, q, n, o, 1, pass_err, &df);
        REQUIRE(memcmp(d.st, df.st, sizeof d.st) == 0, "f32 and f64 statuses differ");
        if (d.st[0] == INFODIV_OK)
            REQUIRE(same_double(d.h, df.h), "entropy_f32 %.17g != entropy %.17g", df.h, d.h);
        if (d.st[1] == INFODIV_OK) {
            REQUIRE(same_double(d.ce, df.ce) && same_double(d.kl, df.kl) && same_double(d.js, df.js)
                        && memcmp(&d.m, &df.m, sizeof d.m) == 0 && memcmp(d.terms, df.terms, n * sizeof *d.terms) == 0,
                    "an _f32 result differs from the double one");
        }
    }
    if (flags & 16)
        check_nulls(p, n, o);
    if (n > 0 && (flags & 32)) {
        size_t rows = 1 + u8(s) % 4;
        if (rows > n)
            rows = n;
        size_t cols = n / rows;
        if (flags & 64)
            cols = 0 + (u8(s) & 1 ? 0 : cols), rows = cols ? rows : rows; /* sometimes cols = 0 */
        check_rows(p, q, rows, cols, o, use_float, pass_err);
        check_rows(p, q, 0, n, o, use_float, pass_err);
    }
    if (d.st[1] != INFODIV_OK)
        return;

    /* Valid p and q: the reference and the invariants. */
    int normalize = opt_normalize(o);
    double base = opt_base(o);
    long double lnb = ln_base(base);
    ref_set r;
    discrete_reference(p, q, n, normalize, &r);
    check_against_reference("f64", &d, &r, lnb, n);

    int up = base > 1; /* logs of a base above 1 keep the signs */
    double ln_b = base == INFODIV_E ? 1.0 : log(base);
    if (up) {
        REQUIRE(d.kl >= 0 && d.m.kl_pq >= 0 && d.m.kl_qp >= 0, "negative KL %g %g %g", d.kl, d.m.kl_pq, d.m.kl_qp);
        /* normalize off: sums up to 1 + 1e-6, and JS up to log 2 times their mean */
        REQUIRE(d.js >= 0 && d.js <= (LN2L / ln_b) * (1 + 4 * EPS) * (normalize ? 1 : 1 + INFODIV_SUM_TOLERANCE),
                "JS %.17g outside [0, log 2]", d.js);
        if (normalize) {
            REQUIRE(d.h >= 0 && d.h <= log((double)n) / ln_b * (1 + 8 * EPS), "H %.17g outside [0, log n]", d.h);
            REQUIRE(d.ce >= 0, "cross-entropy %.17g < 0", d.ce);
        }
    } else {
        REQUIRE(d.kl <= 0 && d.js <= 0, "base %g < 1: KL %g, JS %g not <= 0", base, d.kl, d.js);
    }
    /* H(P,Q) = H(P) + KL (+ S_p - S_q with normalize off): nonnegative parts */
    if (!r.inf_pq) {
        long double diff = 0; /* S_p - S_q entry by entry: 1 + 1e-53 is 1 in long double too */
        for (size_t i = 0; i < n; i++)
            diff += (long double)p[i] - q[i];
        double extra = normalize ? 0 : (double)(diff / lnb);
        double rhs = d.h + d.kl + extra;
        REQUIRE(fabs(d.ce - rhs) <= 4e-12 * (fabs(d.h) + fabs(d.kl)) + 8 * EPS * fabs(extra) + 1e-300,
                "H(P,Q) %.17g != H(P) + KL %.17g", d.ce, rhs);
    } else {
        REQUIRE(isinf(d.ce) && isinf(d.kl), "KL infinite but not H(P,Q)");
    }
    /* measures agrees with the single functions */
    REQUIRE(agree(d.m.entropy_p, d.h, 2e-12) && agree(d.m.cross_entropy_pq, d.ce, 2e-12)
                && agree(d.m.kl_pq, d.kl, 2e-12) && agree(d.m.js, d.js, 2e-12),
            "measures disagrees with entropy/cross_entropy/kl/js");

    double *pd = copy_d(p, n), *qd = copy_d(q, n);
    double v, w;
    infodiv_measure_set m2;
    /* KL(P||P) = 0 and JS(P,P) = 0 exactly; so with a copy, and in measures */
    REQUIRE(infodiv_kl(pd, pd, n, o, &v, NULL) == INFODIV_OK && v == 0, "KL(P||P) = %.17g", v);
    REQUIRE(infodiv_js(pd, pd, n, o, &v, NULL) == INFODIV_OK && v == 0, "JS(P,P) = %.17g", v);
    REQUIRE(infodiv_measures(qd, qd, n, o, &m2, NULL) == INFODIV_OK && m2.kl_pq == 0 && m2.kl_qp == 0 && m2.js == 0,
            "measures(Q,Q): KL %g %g JS %g", m2.kl_pq, m2.kl_qp, m2.js);
    /* JS symmetric */
    REQUIRE(infodiv_js(qd, pd, n, o, &v, NULL) == INFODIV_OK && agree(v, d.js, 4e-12), "JS(Q,P) %.17g != JS(P,Q) %.17g",
            v, d.js);
    REQUIRE(agree(d.m.kl_qp, (infodiv_kl(qd, pd, n, o, &w, NULL), w), 2e-12), "measures.kl_qp %.17g != kl(Q,P) %.17g",
            d.m.kl_qp, w);
    /* base b = nats / ln b */
    if (base_ok(base)) {
        infodiv_options nats = { INFODIV_E, normalize };
        REQUIRE(infodiv_kl(pd, qd, n, &nats, &v, NULL) == INFODIV_OK, "kl in nats");
        REQUIRE(agree(d.kl, v / ln_b, 4 * EPS), "KL in base %g: %.17g, nats / ln b %.17g", base, d.kl, v / ln_b);
        REQUIRE(infodiv_entropy(pd, n, &nats, &v, NULL) == INFODIV_OK && agree(d.h, v / ln_b, 4 * EPS), "entropy in base %g", base);
    }
    check_coding(s, pd, qd, n, o);
    if (normalize && n > 1) {
        /* a permutation of the outcomes, the same for p and q */
        double pp[MAXN], qp[MAXN];
        size_t shift = 1 + u8(s) % (n - 1);
        int reverse = u8(s) & 1;
        for (size_t i = 0; i < n; i++) {
            size_t j = reverse ? n - 1 - i : (i + shift) % n;
            pp[i] = p[j], qp[i] = q[j];
        }
        double *a = copy_d(pp, n), *b = copy_d(qp, n);
        infodiv_measure_set m3;
        REQUIRE(infodiv_measures(a, b, n, o, &m3, NULL) == INFODIV_OK, "permuted");
        REQUIRE(agree(m3.kl_pq, d.m.kl_pq, 2e-12) && agree(m3.kl_qp, d.m.kl_qp, 2e-12) && agree(m3.js, d.m.js, 2e-12)
                    && agree(m3.entropy_p, d.m.entropy_p, 2e-12) && agree(m3.cross_entropy_pq, d.m.cross_entropy_pq, 2e-12),
                "a permutation changes the measures: KL %.17g vs %.17g", m3.kl_pq, d.m.kl_pq);
        REQUIRE(infodiv_kl(a, b, n, o, &v, NULL) == INFODIV_OK && agree(v, d.kl, 2e-12), "permuted kl %.17g vs %.17g", v, d.kl);
        free(a), free(b);

        /* merging two outcomes, where the sums are exact: KL does not grow */
        size_t i = u8(s) % n, j = u8(s) % n;
        if (i != j) {
            double mp[MAXN], mq[MAXN];
            size_t k = 0;
            for (size_t t = 0; t < n; t++)
                if (t != j)
                    mp[k] = p[t], mq[k] = q[t], k++;
            size_t at = i < j ? i : i - 1;
            mp[at] = p[i] + p[j], mq[at] = q[i] + q[j];
            if (sum_is_exact(p[i], p[j], mp[at]) && sum_is_exact(q[i], q[j], mq[at])) {
                double *a2 = copy_d(mp, n - 1), *b2 = copy_d(mq, n - 1);
                REQUIRE(infodiv_kl(a2, b2, n - 1, o, &v, NULL) == INFODIV_OK, "merged");
                REQUIRE(up ? v <= d.kl * (1 + 2e-12) + 1e-300 : v >= d.kl * (1 + 2e-12) - 1e-300,
                        "KL of merged outcomes %.17g > KL %.17g", v, d.kl);
                REQUIRE(infodiv_js(a2, b2, n - 1, o, &w, NULL) == INFODIV_OK
                            && (up ? w <= d.js * (1 + 2e-12) + 1e-300 : w >= d.js * (1 + 2e-12) - 1e-300),
                        "JS of merged outcomes %.17g > JS %.17g", w, d.js);
                free(a2), free(b2);
            }
        }

        /* scaling p or q by a power of two, where exact: the same measures; KL(P||2^k P) = 0 */
        int e = (int)(int8_t)u8(s) * 8;
        double sp2[MAXN], sq2[MAXN];
        int exact = 1;
        for (size_t t = 0; t < n; t++) {
            sp2[t] = ldexp(p[t], e), sq2[t] = ldexp(q[t], e);
            exact &= isfinite(sp2[t]) && ldexp(sp2[t], -e) == p[t] && isfinite(sq2[t]) && ldexp(sq2[t], -e) == q[t]
                     && (p[t] == 0 || fabs(sp2[t]) >= DBL_MIN) && (q[t] == 0 || fabs(sq2[t]) >= DBL_MIN)
                     && (p[t] == 0 || fabs(p[t]) >= DBL_MIN) && (q[t] == 0 || fabs(q[t]) >= DBL_MIN);
        }
        if (exact) {
            double *a3 = copy_d(sp2, n), *b3 = copy_d(sq2, n);
            infodiv_measure_set m4;
            REQUIRE(infodiv_measures(a3, qd, n, o, &m4, NULL) == INFODIV_OK && agree(m4.kl_pq, d.m.kl_pq, 2e-12)
                        && agree(m4.js, d.m.js, 2e-12) && agree(m4.entropy_p, d.m.entropy_p, 2e-12),
                    "scaling P by 2^%d: KL %.17g vs %.17g", e, m4.kl_pq, d.m.kl_pq);
            REQUIRE(infodiv_kl(pd, b3, n, o, &v, NULL) == INFODIV_OK && agree(v, d.kl, 2e-12),
                    "scaling Q by 2^%d: KL %.17g vs %.17g", e, v, d.kl);
            /* 0, but for entries subnormal after the library's own scaling, whose logs come
             * from the values as given (1e-14 off): then a few subnormal ulps */
            REQUIRE(infodiv_kl(pd, a3, n, o, &v, NULL) == INFODIV_OK && (up ? v >= 0 : v <= 0) && fabs(v * ln_b) <= 1e-316,
                    "KL(P||2^%d P) = %.17g", e, v);
            REQUIRE(infodiv_js(a3, pd, n, o, &v, NULL) == INFODIV_OK && (up ? v >= 0 : v <= 0) && fabs(v * ln_b) <= 1e-316,
                    "JS(2^%d P, P) = %.17g", e, v);
            free(a3), free(b3);
        }
    }
    free(pd), free(qd);
}

/* ---- logits ---- */

static expect expect_logit_vector(const double *a, size_t n, int arg)
{
    int any = 0;
    for (size_t i = 0; i < n; i++) {
        if (isnan(a[i]))
            return bad(INFODIV_NAN, arg, i, a[i]);
        if (a[i] == INFINITY)
            return bad(INFODIV_INFINITE, arg, i, a[i]);
        any |= a[i] != -INFINITY;
    }
    if (!any) /* the largest logit, -infinity, is the value (log of the zero sum) */
        return bad(INFODIV_ZERO_SUM, arg, 0, -INFINITY);
    return ok();
}

static expect expect_logits(const double *a, const double *b, size_t n, double t, const infodiv_options *o)
{
    expect e;
    if (n == 0)
        return bad(INFODIV_EMPTY, INFODIV_ARG_P, 0, 0);
    if ((e = expect_logit_vector(a, n, INFODIV_ARG_P)).status || (e = expect_logit_vector(b, n, INFODIV_ARG_Q)).status)
        return e;
    if (!(t > 0 && t <= DBL_MAX))
        return bad(INFODIV_BAD_TEMPERATURE, INFODIV_ARG_TEMPERATURE, 0, t);
    if (!base_ok(opt_base(o)))
        return bad(INFODIV_BAD_BASE, INFODIV_ARG_BASE, 0, opt_base(o));
    return ok();
}

/* The reference for softmax(a/t), softmax(b/t) in log space (so that an
 * outcome whose probability underflows still has its log ratio), with the
 * first-order tolerance of the header comment in r->err. */
static int logits_reference(const double *a, const double *b, size_t n, double t, ref_set *r)
{
    long double ma = -INFINITY, mb = -INFINITY, za = 0, zb = 0;
    long double la[MAXN], lb[MAXN], pa[MAXN], pb[MAXN], da[MAXN], db[MAXN];
    for (size_t i = 0; i < n; i++)
        ma = a[i] > ma ? a[i] : ma, mb = b[i] > mb ? b[i] : mb;
    for (size_t i = 0; i < n; i++) {
        la[i] = a[i] == -INFINITY ? -INFINITY : ((long double)a[i] - ma) / t;
        lb[i] = b[i] == -INFINITY ? -INFINITY : ((long double)b[i] - mb) / t;
        za += expl(la[i]), zb += expl(lb[i]);
    }
    long double lza = logl(za), lzb = logl(zb);
    memset(r, 0, sizeof *r);
    long double abs_sum[7] = { 0 };
    for (size_t i = 0; i < n; i++) {
        la[i] -= lza, lb[i] -= lzb; /* log p_i, log q_i */
        pa[i] = expl(la[i]), pb[i] = expl(lb[i]);
        /* how far the library's rounding of the logits may move log p_i, log q_i */
        long double gap = a[i] == -INFINITY || b[i] == -INFINITY ? 0
                          : (fabsl((long double)a[i] - b[i]) + fabsl(ma - mb)) / t;
        da[i] = a[i] == -INFINITY ? 0 : EPS * ((fabsl((long double)a[i]) + fabsl(ma)) / t + fabsl(la[i]) + gap + n + 4);
        db[i] = b[i] == -INFINITY ? 0 : EPS * ((fabsl((long double)b[i]) + fabsl(mb)) / t + fabsl(lb[i]) + gap + n + 4);
    }
    for (size_t i = 0; i < n; i++) {
        int mp = a[i] == -INFINITY, mq = b[i] == -INFINITY;
        long double p = pa[i], q = pb[i], x;
        if (!mp)
            x = -p * la[i], r->v[HP] += x, abs_sum[HP] += fabsl(x);
        if (!mq)
            x = -q * lb[i], r->v[HQ] += x, abs_sum[HQ] += fabsl(x);
        if (!mp && mq)
            r->inf_pq = 1;
        if (mp && !mq)
            r->inf_qp = 1;
        if (!mp && !mq) {
            long double d = la[i] - lb[i];
            x = -p * lb[i], r->v[CPQ] += x, abs_sum[CPQ] += fabsl(x);
            x = -q * la[i], r->v[CQP] += x, abs_sum[CQP] += fabsl(x);
            x = p * d, r->v[KPQ] += x, abs_sum[KPQ] += fabsl(x);
            x = -q * d, r->v[KQP] += x, abs_sum[KQP] += fabsl(x);
            /* log(2p/(p+q)) = log 2 - log(1 + e^-d), and the other way round */
            long double lp = d > 0 ? LN2L - log1pl(expl(-d)) : LN2L + d - log1pl(expl(d));
            long double lq = d > 0 ? LN2L - d - log1pl(expl(-d)) : LN2L - log1pl(expl(d));
            x = 0.5L * (p * lp + q * lq), r->v[JS] += x, abs_sum[JS] += fabsl(p * lp) + fabsl(q * lq);
        } else {
            r->v[JS] += 0.5L * (p + q) * LN2L, abs_sum[JS] += (p + q) * LN2L;
        }
    }
    int ok_first_order = 1;
    for (int k = 0; k < 7; k++) {
        long double M = fabsl(r->v[k]), tol = 8 * EPSL * (2 + (long double)n * abs_sum[k]);
        for (size_t i = 0; i < n; i++) {
            long double wa = a[i] == -INFINITY ? 0 : fabsl(la[i]), wb = b[i] == -INFINITY ? 0 : fabsl(lb[i]);
            long double sens = 2 + wa + wb + M;
            tol += 8 * (pa[i] * sens * (da[i] + db[i]) + pb[i] * sens * (da[i] + db[i]));
        }
        r->err[k] = tol;
        if (!(tol <= 1e-3L * (1 + M)))
            ok_first_order = 0;
    }
    return ok_first_order;
}

static void fuzz_logits(src *s)
{
    unsigned flags = u8(s);
    size_t n = u8(s) % (MAXN + 1);
    int use_float = flags & 1, pass_err = !(flags & 2), b_mode = (flags >> 2) & 3;
    infodiv_options ob, *o = (infodiv_options *)draw_options(s, &ob);
    static const double temps[] = { 1, 1, 1, 0.5, 2, 1e-300, 1e300, 1.7976931348623157e308, 4.9406564584124654e-324,
                                    0, -0.0, -1, NAN, INFINITY, -INFINITY, 3.7, 1e-3, 1e3 };
    unsigned tb = u8(s);
    double t = tb < 230 ? temps[tb % (sizeof temps / sizeof *temps)] : raw_double(s);
    double a[MAXN], b[MAXN], prev = 0;
    for (size_t i = 0; i < n; i++)
        prev = a[i] = draw_logit(s, prev);
    double shift = (int8_t)u8(s) / 4.0;
    for (size_t i = 0; i < n; i++) {
        if (b_mode == 0)
            prev = b[i] = draw_logit(s, prev);
        else if (b_mode == 1)
            b[i] = a[i] + shift; /* softmax(b) = softmax(a) where exact */
        else
            b[i] = u8(s) < 200 ? a[i] : draw_logit(s, a[i]);
    }
    if (use_float)
        for (size_t i = 0; i < n; i++)
            a[i] = (float)a[i], b[i] = (float)b[i];

    if (getenv("FUZZ_DEBUG")) {
        fprintf(stderr, "logits n=%zu t=%a base=%a\na:", n, t, opt_base(o));
        for (size_t i = 0; i < n; i++)
            fprintf(stderr, " %a", a[i]);
        fprintf(stderr, "\nb:");
        for (size_t i = 0; i < n; i++)
            fprintf(stderr, " %a", b[i]);
        fputc('\n', stderr);
    }
    double *ad = copy_d(a, n), *bd = copy_d(b, n);
    float *af = copy_f(a, n), *bf = copy_f(b, n);
    expect e = expect_logits(a, b, n, t, o);
    double kl = 0, klf = 0;
    infodiv_measure_set m, mf;
    infodiv_error err;
    memset(&m, 0, sizeof m);
    for (int f = 0; f < 4; f++) {
        if (f >= 2 && !use_float)
            break;
        size_t size = f % 2 ? sizeof(infodiv_measure_set) : sizeof(double);
        void *res = result_area(size);
        memset(&err, SENTINEL, sizeof err);
        infodiv_error *ep = pass_err ? &err : NULL;
        const char *name;
        int st;
        switch (f) {
        case 0: name = "kl_logits", st = infodiv_kl_logits(ad, bd, n, t, o, res, ep); break;
        case 1: name = "measures_logits", st = infodiv_measures_logits(ad, bd, n, t, o, res, ep); break;
        case 2: name = "kl_logits_f32", st = infodiv_kl_logits_f32(af, bf, n, t, o, res, ep); break;
        default: name = "measures_logits_f32", st = infodiv_measures_logits_f32(af, bf, n, t, o, res, ep); break;
        }
        check_status(name, st, &err, pass_err, &e, 1);
        if (st != INFODIV_OK)
            require_untouched(name, res, size);
        else
            memcpy(f == 0 ? (void *)&kl : f == 1 ? (void *)&m : f == 2 ? (void *)&klf : (void *)&mf, res, size);
        free(res);
    }
    /* cross_entropy_logits: measures_logits' status, error and H(P,Q), to the bit */
    for (int f = 0; f < (use_float ? 2 : 1); f++) {
        const char *name = f ? "cross_entropy_logits_f32" : "cross_entropy_logits";
        double *res = result_area(sizeof(double));
        memset(&err, SENTINEL, sizeof err);
        int st = f ? infodiv_cross_entropy_logits_f32(af, bf, n, t, o, res, &err)
                   : infodiv_cross_entropy_logits(ad, bd, n, t, o, res, &err);
        check_status(name, st, &err, 1, &e, 1);
        if (st != INFODIV_OK)
            require_untouched(name, res, sizeof(double));
        else
            REQUIRE(same_double(*res, (f ? mf : m).cross_entropy_pq), "%s %.17g != measures_logits' %.17g", name, *res,
                    (f ? mf : m).cross_entropy_pq);
        free(res);
    }
    /* NULL pointers */
    if (flags & 16) {
        double r1;
        expect en = bad(INFODIV_NULL, INFODIV_ARG_P, 0, 0);
        check_status("kl_logits(NULL a)", infodiv_kl_logits(NULL, bd, n, t, o, &r1, &err), &err, 1, &en, 1);
        check_status("measures_logits_f32(NULL a)", infodiv_measures_logits_f32(NULL, bf, n, t, o, &m, &err), &err, 1, &en, 1);
        en.arg = INFODIV_ARG_Q;
        check_status("measures_logits(NULL b)", infodiv_measures_logits(ad, NULL, n, t, o, &m, &err), &err, 1, &en, 1);
        check_status("kl_logits_rows_f32(NULL b)", infodiv_kl_logits_rows_f32(af, NULL, 1, n, t, o, &r1, &err), &err, 1, &en, 1);
        en.arg = INFODIV_ARG_NONE;
        check_status("kl_logits_f32(NULL out)", infodiv_kl_logits_f32(af, bf, n, t, o, NULL, &err), &err, 1, &en, 1);
        check_status("measures_logits_rows(NULL out)", infodiv_measures_logits_rows(ad, bd, 1, n, t, o, NULL, &err), &err, 1, &en, 1);
    }
    /* rows: each the single-row result; errors of the first bad row */
    if (n > 0 && (flags & 32)) {
        size_t rows = 1 + u8(s) % 4;
        rows = rows > n ? n : rows;
        size_t cols = n / rows;
        for (int f = 0; f < (use_float ? 4 : 2); f++) {
            size_t each = f % 2 ? sizeof(infodiv_measure_set) : sizeof(double);
            unsigned char *out = result_area(rows * each);
            memset(&err, SENTINEL, sizeof err);
            int st;
            const char *name;
            switch (f) {
            case 0: name = "kl_logits_rows", st = infodiv_kl_logits_rows(ad, bd, rows, cols, t, o, (double *)out, &err); break;
            case 1: name = "measures_logits_rows", st = infodiv_measures_logits_rows(ad, bd, rows, cols, t, o, (void *)out, &err); break;
            case 2: name = "kl_logits_rows_f32", st = infodiv_kl_logits_rows_f32(af, bf, rows, cols, t, o, (double *)out, &err); break;
            default: name = "measures_logits_rows_f32", st = infodiv_measures_logits_rows_f32(af, bf, rows, cols, t, o, (void *)out, &err); break;
            }
            expect er = ok();
            size_t r;
            for (r = 0; r < rows; r++) {
                er = expect_logits(a + r * cols, b + r * cols, cols, t, o);
                if (er.status) {
                    er.index += r * cols;
                    break;
                }
            }
            check_status(name, st, &err, 1, &er, 1);
            if (st != INFODIV_OK)
                require_untouched(name, out + r * each, (rows - r) * each);
            for (size_t k = 0; k < r; k++) {
                unsigned char single[sizeof(infodiv_measure_set)];
                int s1;
                switch (f) {
                case 0: s1 = infodiv_kl_logits(ad + k * cols, bd + k * cols, cols, t, o, (double *)single, NULL); break;
                case 1: s1 = infodiv_measures_logits(ad + k * cols, bd + k * cols, cols, t, o, (void *)single, NULL); break;
                case 2: s1 = infodiv_kl_logits_f32(af + k * cols, bf + k * cols, cols, t, o, (double *)single, NULL); break;
                default: s1 = infodiv_measures_logits_f32(af + k * cols, bf + k * cols, cols, t, o, (void *)single, NULL); break;
                }
                REQUIRE(s1 == INFODIV_OK && memcmp(single, out + k * each, each) == 0, "%s: row %zu differs", name, k);
            }
            free(out);
        }
        infodiv_error e0;
        expect em = bad(INFODIV_EMPTY, INFODIV_ARG_P, 0, 0);
        double r1;
        check_status("kl_logits_rows(0 rows)", infodiv_kl_logits_rows(ad, bd, 0, n, t, o, &r1, &e0), &e0, 1, &em, 1);
        check_status("measures_logits_rows_f32(0 cols)", infodiv_measures_logits_rows_f32(af, bf, 1, 0, t, o, &m, &e0), &e0, 1, &em, 1);
    }
    if (e.status == INFODIV_OK) {
        if (use_float)
            REQUIRE(same_double(kl, klf) && memcmp(&m, &mf, sizeof m) == 0, "logits: _f32 differs from double");
        double base = opt_base(o);
        long double lnb = ln_base(base);
        int up = base > 1;
        double ln_b = base == INFODIV_E ? 1.0 : log(base);
        if (up) {
            REQUIRE(kl >= 0 && m.kl_pq >= 0 && m.kl_qp >= 0 && m.js >= 0 && m.entropy_p >= 0 && m.entropy_q >= 0,
                    "logits: a negative measure: KL %g %g %g JS %g H %g", kl, m.kl_pq, m.kl_qp, m.js, m.entropy_p);
            REQUIRE(m.js <= LN2L / ln_b * (1 + 4 * EPS), "logits: JS %.17g > log 2", m.js);
            REQUIRE(m.entropy_p <= log((double)n) / ln_b * (1 + 8 * EPS) + 1e-300, "logits: H %.17g > log n", m.entropy_p);
        }
        ref_set r;
        int trusted = logits_reference(a, b, n, t, &r);
        REQUIRE(agree(kl, m.kl_pq, 2e-12) || fabs(kl - m.kl_pq) < 1e-300, "kl_logits %.17g != measures_logits %.17g", kl, m.kl_pq);
        double v;
        REQUIRE(infodiv_kl_logits(ad, ad, n, t, o, &v, NULL) == INFODIV_OK && v == 0, "KL(a||a) = %g", v);
        infodiv_measure_set ma;
        REQUIRE(infodiv_measures_logits(ad, ad, n, t, o, &ma, NULL) == INFODIV_OK && same_double(ma.entropy_p, m.entropy_p),
                "entropy of logits %.17g != measures_logits' H(P) %.17g", ma.entropy_p, m.entropy_p);
        REQUIRE(infodiv_measures_logits(bd, bd, n, t, o, &mf, NULL) == INFODIV_OK && mf.kl_pq == 0 && mf.kl_qp == 0 && mf.js == 0,
                "measures_logits(b, b): %g %g %g", mf.kl_pq, mf.kl_qp, mf.js);
        /* logits shifted by a constant, where every sum is exact: the same distribution */
        double c = (int8_t)u8(s) / 2.0, sh[MAXN];
        int exact = 1;
        for (size_t i = 0; i < n; i++) {
            sh[i] = a[i] + c;
            volatile double bb = sh[i] - a[i]; /* TwoSum: the rounding error of a + c is 0 */
            exact &= a[i] == -INFINITY || (isfinite(sh[i]) && (a[i] - (sh[i] - bb)) + (c - bb) == 0);
        }
        if (exact) {
            double *shd = copy_d(sh, n);
            REQUIRE(infodiv_kl_logits(ad, shd, n, t, o, &v, NULL) == INFODIV_OK && v == 0, "KL(a||a + %g) = %g", c, v);
            free(shd);
        }
        if (trusted) {
            const double mv[7] = { m.entropy_p, m.entropy_q, m.cross_entropy_pq, m.cross_entropy_qp, m.kl_pq, m.kl_qp, m.js };
            static const char *names[7] = { "entropy_p", "entropy_q", "cross_entropy_pq", "cross_entropy_qp", "kl_pq", "kl_qp", "js" };
            const int inf[7] = { 0, 0, r.inf_pq, r.inf_qp, r.inf_pq, r.inf_qp, 0 };
            for (int k = 0; k < 7; k++)
                compare("measures_logits", names[k], mv[k], r.v[k], r.err[k], inf[k], lnb, 1e-12, n);
            compare("kl_logits", "kl", kl, r.v[KPQ], r.err[KPQ], r.inf_pq, lnb, 1e-12, n);
        }
    }
    free(ad), free(bd), free(af), free(bf);
}

/* ---- parametric distributions ---- */

#define MAXK 6

typedef struct {
    infodiv_dist d;
    double *v, *m; /* heap, exactly k and k*k */
} fdist;

static double draw_param(src *s)
{
    unsigned b = u8(s);
    if (b < 120)
        return (b % 40) / 8.0;
    if (b < 150)
        return -(double)(b % 30) / 4.0;
    if (b < 220)
        return interesting[u8(s) % N_INTERESTING];
    if (b < 240)
        return raw_double(s);
    return (double)(u8(s) * 256 + u8(s)); /* whole numbers, for binomial n */
}

static void draw_dist(src *s, fdist *f, const fdist *other)
{
    unsigned b = u8(s);
    memset(f, 0, sizeof *f);
    f->d.family = b < 240 ? 1 + b % 15 : b == 240 ? 0 : b == 241 ? 16 : b == 242 ? -1 : (int)raw64(s);
    if (other && u8(s) < 96) /* the same family, as most valid pairs are */
        f->d.family = other->d.family;
    f->d.a = draw_param(s);
    f->d.b = draw_param(s);
    if (f->d.family == INFODIV_UNIFORM && u8(s) < 128)
        f->d.b = f->d.a + fabs(draw_param(s)) + 0.5;
    if (other && u8(s) < 64) { /* nearly equal parameters */
        f->d.a = other->d.a * (1 + (int8_t)u8(s) * 1e-9);
        f->d.b = other->d.b * (1 + (int8_t)u8(s) * 1e-9);
    }
    unsigned kb = u8(s);
    size_t k = kb < 200 ? kb % (MAXK + 1) : kb < 250 ? (other ? other->d.k : 2) : (size_t)raw64(s) % 100000;
    f->d.k = k;
    size_t kk = k <= MAXK ? k : 0;
    if (u8(s) < 245) {
        f->v = malloc(kk ? kk * sizeof(double) : 1);
        for (size_t i = 0; i < kk; i++)
            f->v[i] = u8(s) < 200 ? (1 + u8(s) % 32) / 8.0 : draw(s, 1);
        f->d.v = f->v;
    }
    if (u8(s) < 245) {
        f->m = malloc(kk ? kk * kk * sizeof(double) : 1);
        /* a covariance A A^T + diag, mostly positive definite; then perhaps a bad entry */
        double a[MAXK * MAXK];
        for (size_t i = 0; i < kk * kk; i++)
            a[i] = (int8_t)u8(s) / 64.0;
        for (size_t i = 0; i < kk; i++)
            for (size_t j = 0; j < kk; j++) {
                double x = i == j ? (u8(s) % 8) / 4.0 : 0;
                for (size_t c = 0; c < kk; c++)
                    x += a[i * kk + c] * a[j * kk + c];
                f->m[i * kk + j] = x;
            }
        for (size_t i = 0; i < kk; i++)
            for (size_t j = 0; j < i; j++)
                f->m[i * kk + j] = f->m[j * kk + i];
        if (kk && u8(s) < 48)
            f->m[u8(s) % (kk * kk)] = draw(s, 1);
        if (kk && u8(s) < 32) { /* scale the whole matrix */
            double sc = interesting[u8(s) % N_INTERESTING];
            for (size_t i = 0; i < kk * kk; i++)
                f->m[i] *= sc;
        }
        f->d.m = f->m;
    }
    if (k > MAXK) { /* too long to allocate: no vectors (NULL, or scratch too small first) */
        f->d.v = NULL, f->d.m = NULL;
    }
}

static void free_dist(fdist *f)
{
    free(f->v), free(f->m);
}

static int is_vector_family(int f)
{
    return f == INFODIV_MULTIVARIATE_NORMAL || f == INFODIV_DIRICHLET || f == INFODIV_CATEGORICAL;
}

static int is_discrete_family(int f)
{
    return f >= INFODIV_BERNOULLI && f <= INFODIV_CATEGORICAL;
}

static expect bad_param(int status, int arg, int param, size_t index, double value)
{
    expect e = bad(status, arg, index, value);
    e.param = param;
    return e;
}

/* Parameter checks of one distribution (infodiv.h's table and ranges).
 * factor: MULTIVARIATE_NORMAL's covariance is checked too. e[0], and e[1]
 * for a borderline covariance (either outcome is right): returns the count. */
static int expect_params(const infodiv_dist *d, int arg, int factor, expect e[2])
{
    double a = d->a, b = d->b;
    e[0] = ok();
    if (!d)
        return e[0] = bad_param(INFODIV_NULL, arg, 0, 0, 0), 1;
#define FINITE(x, prm) if (!isfinite(x)) return e[0] = bad_param(INFODIV_BAD_PARAMETER, arg, prm, 0, x), 1
#define POSITIVE(x, prm) if (!(x > 0 && isfinite(x))) return e[0] = bad_param(INFODIV_BAD_PARAMETER, arg, prm, 0, x), 1
    switch (d->family) {
    case INFODIV_NORMAL: case INFODIV_LOG_NORMAL: case INFODIV_LAPLACE: case INFODIV_CAUCHY:
        FINITE(a, 1);
        POSITIVE(b, 2);
        return 1;
    case INFODIV_EXPONENTIAL: POSITIVE(a, 1); return 1;
    case INFODIV_GAMMA: case INFODIV_BETA: POSITIVE(a, 1); POSITIVE(b, 2); return 1;
    case INFODIV_UNIFORM:
        FINITE(a, 1);
        FINITE(b, 2);
        if (!(a < b))
            e[0] = bad_param(INFODIV_BAD_PARAMETER, arg, 1, 0, a);
        return 1;
    case INFODIV_BERNOULLI:
        if (!(a >= 0 && a <= 1))
            e[0] = bad_param(INFODIV_BAD_PARAMETER, arg, 1, 0, a);
        return 1;
    case INFODIV_GEOMETRIC:
        if (!(a > 0 && a <= 1))
            e[0] = bad_param(INFODIV_BAD_PARAMETER, arg, 1, 0, a);
        return 1;
    case INFODIV_BINOMIAL:
        if (!(a >= 0 && a <= 9007199254740992.0 && a == floor(a)))
            return e[0] = bad_param(INFODIV_BAD_PARAMETER, arg, 1, 0, a), 1;
        if (!(b >= 0 && b <= 1))
            e[0] = bad_param(INFODIV_BAD_PARAMETER, arg, 2, 0, b);
        return 1;
    case INFODIV_POISSON:
        if (!(a >= 0 && isfinite(a)))
            e[0] = bad_param(INFODIV_BAD_PARAMETER, arg, 1, 0, a);
        return 1;
    case INFODIV_MULTIVARIATE_NORMAL: case INFODIV_DIRICHLET: case INFODIV_CATEGORICAL: {
        size_t k = d->k;
        if (k == 0)
            return e[0] = bad_param(INFODIV_EMPTY, arg, 3, 0, 0), 1;
        if (!d->v || (d->family == INFODIV_MULTIVARIATE_NORMAL && !d->m))
            /* the header: param names the parameter at fault (4 = m) */
            return e[0] = bad_param(INFODIV_NULL, arg, !d->v ? 3 : 4, 0, 0), 1;
        if (d->family == INFODIV_CATEGORICAL)
            return 1;
        if (d->family == INFODIV_DIRICHLET && k < 2)
            return e[0] = bad_param(INFODIV_BAD_PARAMETER, arg, 3, 0, (double)k), 1;
        for (size_t i = 0; i < k; i++) {
            int badv = d->family == INFODIV_DIRICHLET ? !(d->v[i] > 0 && isfinite(d->v[i])) : !isfinite(d->v[i]);
            if (badv)
                return e[0] = bad_param(INFODIV_BAD_PARAMETER, arg, 3, i, d->v[i]), 1;
        }
        if (d->family != INFODIV_MULTIVARIATE_NORMAL || !factor)
            return 1;
        const double *m = d->m;
        for (size_t i = 0; i < k * k; i++)
            if (!isfinite(m[i]))
                return e[0] = bad_param(INFODIV_BAD_PARAMETER, arg, 4, i, m[i]), 1;
        for (size_t i = 0; i < k; i++)
            for (size_t j = 0; j < i; j++) {
                long double scale = sqrtl(fabsl((long double)m[i * k + i])) * sqrtl(fabsl((long double)m[j * k + j]));
                long double diff = fabsl((long double)m[i * k + j] - m[j * k + i]), lim = 1e-12L * scale;
                if (fabsl(diff - lim) <= 1e-6L * lim && diff != 0)
                    return e[0] = ok(), e[1] = bad_param(INFODIV_NOT_SYMMETRIC, arg, 4, j * k + i, m[j * k + i]), -2;
                if (diff > lim)
                    return e[0] = bad_param(INFODIV_NOT_SYMMETRIC, arg, 4, j * k + i, m[j * k + i]), 1;
            }
        /* entries near the ends of the doubles are decided as any others: positive
         * definiteness does not depend on the scale ([[13, 3], [3, 1]] * 2^-1074 is) */
        f128 l[MAXK * MAXK], ratio = 0;
        size_t j = qcholesky_pivots(m, k, l, 1e-12Q, &ratio); /* stops at pivots not clearly positive */
        /* ill-conditioned: the library's double Cholesky, whose rounding in the early
         * columns is magnified by small pivots, may find a later pivot <= 1e-14 of its
         * diagonal (its "as singular as negative" rule); either verdict is right */
        if (j == k && ratio < 1e-8Q)
            return e[0] = bad_param(INFODIV_NOT_POSITIVE_DEFINITE, arg, 4, 0, NAN), e[1] = ok(), -2;
        if (j == k)
            return 1;
        e[0] = bad_param(INFODIV_NOT_POSITIVE_DEFINITE, arg, 4, j, NAN); /* value: the library's pivot */
        if (ratio >= -1e-13Q) { /* borderline: either side is right */
            e[1] = ok();
            return -2;
        }
        return -1; /* index certain, value the library's */
    }
    default: return e[0] = bad_param(INFODIV_BAD_FAMILY, arg, 0, 0, d->family), 1;
    }
#undef FINITE
#undef POSITIVE
}

/* With a borderline covariance of P, Q's own error (if any) is also right. */
static int q_status_after_borderline = -1;

/* Checks a parametric status against e (count as expect_params returns:
 * negative: a pivot value and perhaps a borderline case, which end the checks). */
static int check_param_status(const char *fn, int st, const infodiv_error *err, expect *e, int count)
{
    if (count == -1 || count == -2) {
        /* a borderline covariance: either verdict, and then whatever follows it (the
         * base, the pair) is right; the values are not compared */
        if (count == -2 && (st == e[1].status || st == e[0].status || st == INFODIV_BAD_BASE || st == INFODIV_NO_CLOSED_FORM
                            || st == INFODIV_DIMENSION_MISMATCH || st == INFODIV_NOT_POSITIVE_DEFINITE || st == INFODIV_NOT_SYMMETRIC
                            || st == q_status_after_borderline)) {

            return st != INFODIV_OK; /* undecided: no value checks */
        }
        if (e[0].status == INFODIV_NOT_POSITIVE_DEFINITE) {
            REQUIRE(st == INFODIV_NOT_POSITIVE_DEFINITE && err->arg == e[0].arg && err->param == 4
                        && (count == -2 ? err->index >= e[0].index : err->index == e[0].index) && !(err->value > 1e-14 * 1e300),
                    "%s: status %d (%s) at index %zu, want not positive definite at pivot %zu", fn, st, status_name(st), err->index,
                    e[0].index);
            return 1;
        }
    }
    check_status(fn, st, err, 1, e, count < 0 ? 1 : count);
    return st != INFODIV_OK;
}

/* ---- parametric reference: reference.h (__float128), checked against mpmath by check_reference.py ---- */

#define LOG2PI_L 1.837877066409345483560659472811235279L
#define LOGPI_L 1.144729885849400174143427351353058712L

/* The domain of the reference: every valid parameter of the fifteen families
 * (reference.h works in __float128, whose range holds every product, square and
 * ratio of doubles, and rewrites each cancelling formula; its own error is
 * QREF_ERR, below 1e-28 relative). Only two kinds of input are not compared
 * with it, neither an exclusion of values: categoricals (the discrete
 * functions' reference checks them, in fuzz_discrete) and vectors longer than
 * MAXK (drawn without data: their status is all there is to check). So
 * infodiv.h needs no excluded domain for the parametric measures. */
static int in_reference_domain(const infodiv_dist *d)
{
    return d->family != INFODIV_CATEGORICAL && (!is_vector_family(d->family) || (d->k <= MAXK && d->v));
}

/* "family F (a, b, k K[, v0, v1, ...]) || ...": the vector too, as far as it fits. */
static void describe_pair(char *out, size_t size, const infodiv_dist *P, const infodiv_dist *Q)
{
    const infodiv_dist *d[2] = { P, Q };
    size_t used = 0;
    for (int j = 0; j < 2 && d[j]; j++) {
        used += (size_t)snprintf(out + used, size - used, "%sfamily %d (%.17g, %.17g, k %zu", j ? " || " : "", d[j]->family,
                                 d[j]->a, d[j]->b, d[j]->k);
        for (size_t i = 0; d[j]->v && i < d[j]->k && i < 6 && used < size - 40; i++)
            used += (size_t)snprintf(out + used, size - used, ", %.17g", d[j]->v[i]);
        used += (size_t)snprintf(out + used, size - used, ")");
    }
}

/* A parametric result (in the base) against the reference (nats): within
 * 1e-13 of scale (|KL|; for entropies max(|H|, the magnitude of the formula's
 * terms), as a differential entropy crosses 0), plus the reference's own bound
 * (which must be far below that: else the reference is what fails), for exact
 * values down to 1e-290 (below: within 1e-13 of 1e-290, absolute). Infinity only
 * where the exact value in nats exceeds DBL_MAX, or its quotient by log(base)
 * does; NaN never. */
static void check_param_value(const char *what, double got, f128 want, f128 scale, f128 rerr, double base, const infodiv_dist *P,
                              const infodiv_dist *Q)
{
    f128 lnb = base == INFODIV_E ? 1 : logq(base), floor_ = 1e-290Q;
    f128 tol_nats = 1e-13Q * (scale > floor_ ? scale : floor_);
    f128 w = want / lnb, tol = (tol_nats + rerr) / fabsq(lnb) + 4.9406564584124654e-324Q;
    char ws[48], ts[48];
    quadmath_snprintf(ws, sizeof ws, "%.25Qg", w);
    quadmath_snprintf(ts, sizeof ts, "%.3Qg", tol);
    char ps[600];
    describe_pair(ps, sizeof ps, P, Q);
    REQUIRE(!isnan(got), "%s: NaN, reference %s, %s", what, ws, ps);
    /* The one rule that leaves a value uncompared: the reference cannot decide it,
     * its own bound being above 1e-3 of the tolerance. Known to happen only for
     * exact values below 1e-290 (outside the promised range) from beta/Dirichlet
     * parameters near the ends of the doubles (Beta(1.125, 6.8e-314) ||
     * Beta(1.1249999955, 6.8e-314): 5.4e-331, bound 3e-48); FUZZ_DEBUG prints
     * them. A reference of NaN is the harness's defect, and fails. */
    REQUIRE(!isnanq(want), "%s: the reference is NaN (%s), %s", what, ts, ps);
    if (!(rerr <= 1e-3Q * tol_nats)) {
        if (getenv("FUZZ_DEBUG"))
            fprintf(stderr, "%s: the reference cannot decide (%s, bound %s) for %s\n", what, ws, ts, ps);
        return;
    }
    if (isinf(got)) {
        /* the exact value, not the value less the tolerance: a tolerance from
         * terms of 1e322 nats in base 1 + 2^-52 exceeds the value itself */
        int beyond = fabsq(want) > DBL_MAX || fabsq(w) > DBL_MAX * (1 - 1e-13Q);
        REQUIRE(beyond && (got > 0) == (w > 0), "%s: %g, reference %s (tolerance %s), %s", what, got, ws, ts, ps);
        return;
    }
    f128 off = fabsq((f128)got - w);
    char os[48];
    quadmath_snprintf(os, sizeof os, "%.3Qg", w != 0 ? off / fabsq(w) : off);
    REQUIRE(off <= tol, "%s: %.17g, reference %s (tolerance %s, relative error %s), %s", what, got, ws, ts, os, ps);
}

/* Support (narrowed to where the probability is) of the one-dimensional families. */
static void support(const infodiv_dist *d, double *lo, double *hi)
{
    double a = d->a, b = d->b;
    *lo = -INFINITY, *hi = INFINITY;
    switch (d->family) {
    case INFODIV_LOG_NORMAL: case INFODIV_EXPONENTIAL: case INFODIV_GAMMA: *lo = 0; break;
    case INFODIV_BETA: *lo = 0, *hi = 1; break;
    case INFODIV_UNIFORM: *lo = a, *hi = b; break;
    case INFODIV_BERNOULLI: *lo = a == 1 ? 1 : 0, *hi = a == 0 ? 0 : 1; break;
    case INFODIV_BINOMIAL: *lo = b == 1 ? a : 0, *hi = b == 0 ? 0 : a; break;
    case INFODIV_POISSON: *lo = 0, *hi = a == 0 ? 0 : INFINITY; break;
    case INFODIV_GEOMETRIC: *lo = 0, *hi = a == 1 ? 0 : INFINITY; break;
    default: break;
    }
}

static int closed_form_pair(int fp, int fq)
{
    return fp == fq || (fp == INFODIV_NORMAL && fq == INFODIV_LAPLACE) || (fp == INFODIV_LAPLACE && fq == INFODIV_NORMAL)
           || (fp == INFODIV_EXPONENTIAL && fq == INFODIV_GAMMA) || (fp == INFODIV_GAMMA && fq == INFODIV_EXPONENTIAL);
}

static void fuzz_dist(src *s)
{
    unsigned flags = u8(s);
    infodiv_options ob, *o = (infodiv_options *)draw_options(s, &ob);
    fdist fp, fq;
    draw_dist(s, &fp, NULL);
    draw_dist(s, &fq, &fp);
    if (flags & 1) {
        free_dist(&fq);
        fq = fp, fq.v = fq.m = NULL; /* Q = P (shares P's vectors) */
    }
    unsigned sb = u8(s);
    size_t kmax = fp.d.k > fq.d.k ? fp.d.k : fq.d.k, need = kmax <= 4096 ? 2 * kmax * kmax + kmax : (size_t)-1;
    const size_t cap = 2 * MAXK * MAXK + MAXK; /* larger k have no vectors: too small is what matters */
    size_t want_len = sb < 180 ? need : sb < 220 ? (need ? need - 1 : 0) : 3;
    want_len = want_len < cap ? want_len : cap;
    size_t scratch_len = want_len;
    double *scratch = sb >= 250 ? NULL : malloc((scratch_len ? scratch_len : 1) * sizeof(double));
    if (sb >= 250)
        scratch_len = need < 1000 ? need : 1000; /* a length, but NULL */
    infodiv_error err;
    const infodiv_dist *P = flags & 2 && flags & 4 ? NULL : &fp.d, *Q = flags & 2 && flags & 8 ? NULL : &fq.d;
    int result_null = (flags & 0xF0) == 0xF0;
    double base = opt_base(o);
    if (getenv("FUZZ_DEBUG"))
        for (int side = 0; side < 2; side++) {
            const fdist *f = side ? &fq : &fp;
            for (size_t i = 0; f->d.v && f->d.k <= MAXK && i < f->d.k; i++)
                fprintf(stderr, "%c.v[%zu] = %a\n", side ? 'Q' : 'P', i, f->d.v[i]);
            for (size_t i = 0; f->d.m && f->d.k <= MAXK && i < f->d.k * f->d.k; i++)
                fprintf(stderr, "%c.m[%zu] = %a\n", side ? 'Q' : 'P', i, f->d.m[i]);
        }
    if (getenv("FUZZ_DEBUG"))
        fprintf(stderr, "dist P family %d (%a, %a) k %zu, Q family %d (%a, %a) k %zu, base %a\n", fp.d.family, fp.d.a, fp.d.b,
                fp.d.k, fq.d.family, fq.d.a, fq.d.b, fq.d.k, base);

    /* entropy */
    {
        double *res = result_area(sizeof(double));
        memset(&err, SENTINEL, sizeof err);
        int st = infodiv_dist_entropy(P, o, scratch, scratch_len, result_null ? NULL : res, &err);
        expect e[4];
        int count = 1;
        const infodiv_dist *d = P;
        if (result_null)
            e[0] = bad(INFODIV_NULL, INFODIV_ARG_NONE, 0, 0);
        else if (!d)
            e[0] = bad(INFODIV_NULL, INFODIV_ARG_P, 0, 0);
        else if (d->family == INFODIV_CATEGORICAL && d->k > 0 && d->v) {
            count = expect_discrete(d->v, NULL, d->k, 0, 0, 0, o, e);
            for (int k = 0; k < count; k++)
                if (e[k].status != INFODIV_OK && e[k].status != INFODIV_BAD_BASE)
                    e[k].param = 3;
        } else if (d->family == INFODIV_MULTIVARIATE_NORMAL && (d->k > 4096 || !scratch || scratch_len < 2 * d->k * d->k + d->k))
            e[0] = bad(INFODIV_SCRATCH_TOO_SMALL, INFODIV_ARG_NONE, 0, (double)scratch_len);
        else {
            count = expect_params(d, INFODIV_ARG_P, 1, e);
            if (count == 1 && e[0].status == INFODIV_OK && !base_ok(base))
                e[0] = bad(INFODIV_BAD_BASE, INFODIV_ARG_BASE, 0, base);
        }
        q_status_after_borderline = -1;
        if (check_param_status("dist_entropy", st, &err, e, count))
            require_untouched("dist_entropy", res, sizeof(double));
        if (st == INFODIV_OK && count > 0 && e[0].status == INFODIV_OK) {
            double h;
            memcpy(&h, res, sizeof h);
            f128 want, mag, rerr;
            REQUIRE(!isnan(h), "dist_entropy: NaN for family %d (%.17g, %.17g)", d->family, d->a, d->b);
            if (in_reference_domain(d) && qref_entropy(d, &want, &mag, &rerr))
                check_param_value("dist_entropy", h, want, fabsq(want) > mag ? fabsq(want) : mag, rerr, base, d, NULL);
            /* a categorical with normalize off is used as given: [1 + 1e-6] has entropy -1e-6 */
            if (is_discrete_family(d->family) && base > 1 && (d->family != INFODIV_CATEGORICAL || opt_normalize(o)))
                REQUIRE(h >= 0, "discrete entropy %.17g < 0", h);
        }
        free(res);
    }
    /* KL */
    {
        infodiv_dist_measure_set *res = result_area(sizeof *res);
        memset(&err, SENTINEL, sizeof err);
        int st = infodiv_dist_kl(P, Q, o, scratch, scratch_len, result_null ? NULL : res, &err);
        expect e[4];
        int count = 1, any = 0;
        if (result_null)
            e[0] = bad(INFODIV_NULL, INFODIV_ARG_NONE, 0, 0);
        else if (!P || !Q)
            e[0] = bad(INFODIV_NULL, P ? INFODIV_ARG_Q : INFODIV_ARG_P, 0, 0);
        else if (P->family == INFODIV_CATEGORICAL && Q->family == INFODIV_CATEGORICAL && P->k && Q->k && P->v && Q->v) {
            if (P->k != Q->k)
                e[0] = bad_param(INFODIV_DIMENSION_MISMATCH, INFODIV_ARG_Q, 3, P->k, (double)Q->k);
            else {
                count = expect_discrete(P->v, Q->v, P->k, 0, 0, 0, o, e);
                for (int k = 0; k < count; k++)
                    if (e[k].status != INFODIV_OK && e[k].status != INFODIV_BAD_BASE)
                        e[k].param = 3;
            }
        } else {
            size_t km = 0;
            if (P->family == INFODIV_MULTIVARIATE_NORMAL)
                km = P->k;
            if (Q->family == INFODIV_MULTIVARIATE_NORMAL && Q->k > km)
                km = Q->k;
            int mvn = P->family == INFODIV_MULTIVARIATE_NORMAL || Q->family == INFODIV_MULTIVARIATE_NORMAL;
            if (mvn && (km > 4096 || !scratch || scratch_len < 2 * km * km + km)) {
                e[0] = bad(INFODIV_SCRATCH_TOO_SMALL, INFODIV_ARG_NONE, 0, (double)scratch_len);
            } else {
                count = expect_params(P, INFODIV_ARG_P, 1, e);
                q_status_after_borderline = -1;
                if (count == -2) {
                    expect eq[2];
                    expect_params(Q, INFODIV_ARG_Q, P->family == INFODIV_MULTIVARIATE_NORMAL, eq);
                    q_status_after_borderline = eq[0].status;
                }
                if (count == 1 && e[0].status == INFODIV_OK) {
                    /* Q's covariance is factored (and so checked) only when P is a
                     * multivariate normal too: else the pair has no closed form anyway
                     * (continuous.c's order; infodiv.h does not say) */
                    count = expect_params(Q, INFODIV_ARG_Q, P->family == INFODIV_MULTIVARIATE_NORMAL, e);
                    if (count == 1 && e[0].status == INFODIV_OK) {
                        int fp_ = P->family, fq_ = Q->family;
                        double plo, phi_, qlo, qhi;
                        if (!base_ok(base))
                            e[0] = bad(INFODIV_BAD_BASE, INFODIV_ARG_BASE, 0, base);
                        else if (is_vector_family(fp_) || is_vector_family(fq_)) {
                            if (fp_ != fq_)
                                e[0] = bad_param(INFODIV_NO_CLOSED_FORM, INFODIV_ARG_Q, 0, 0, fq_);
                            else if (P->k != Q->k)
                                e[0] = bad_param(INFODIV_DIMENSION_MISMATCH, INFODIV_ARG_Q, 3, P->k, (double)Q->k);
                            else
                                any = 1;
                        } else if (is_discrete_family(fp_) != is_discrete_family(fq_)) {
                            e[0] = bad_param(INFODIV_NO_CLOSED_FORM, INFODIV_ARG_Q, 0, 0, fq_);
                        } else {
                            support(P, &plo, &phi_), support(Q, &qlo, &qhi);
                            if (plo < qlo || phi_ > qhi)
                                any = 2; /* KL infinite */
                            else if (fp_ == INFODIV_BINOMIAL && fq_ == INFODIV_BINOMIAL && P->a != Q->a)
                                e[0] = bad_param(INFODIV_DIMENSION_MISMATCH, INFODIV_ARG_Q, 1, 0, Q->a);
                            else if (!closed_form_pair(fp_, fq_))
                                e[0] = bad_param(INFODIV_NO_CLOSED_FORM, INFODIV_ARG_Q, 0, 0, fq_);
                            else
                                any = 1;
                        }
                    }
                }
            }
        }
        /* A categorical P's probs are checked only when Q is categorical too
         * (infodiv_dist_kl's order); with another Q the pair has no closed
         * form whatever the probs, which is what it returns. */
        if (check_param_status("dist_kl", st, &err, e, count))
            require_untouched("dist_kl", res, sizeof *res);
        if (st == INFODIV_OK && count > 0) {
            long double lnb = ln_base(base);
            int up = base > 1;
            char pair[600];
            describe_pair(pair, sizeof pair, P, Q);
            REQUIRE(!isnan(res->kl_pq) && !isnan(res->entropy_p) && !isnan(res->cross_entropy_pq),
                    "dist_kl: NaN (KL %g, H(P) %g, H(P,Q) %g) for %s", res->kl_pq, res->entropy_p, res->cross_entropy_pq, pair);
            /* never negative, not even by a rounding */
            REQUIRE(up ? res->kl_pq >= 0 : res->kl_pq <= 0, "dist_kl: KL %.17g of the wrong sign (family %d (%.17g, %.17g) || %d (%.17g, %.17g))",
                    res->kl_pq, P->family, P->a, P->b, Q->family, Q->a, Q->b);
            if (any == 2)
                REQUIRE(res->kl_pq == (up ? INFINITY : -INFINITY) && res->cross_entropy_pq == res->kl_pq,
                        "dist_kl: support of P not inside Q's, KL %.17g", res->kl_pq);
            /* H(P,Q) = H(P) + KL, exactly as composed, for categoricals (the parametric
             * families form H(P,Q) directly where the sum would cancel: the reference
             * check below holds them to 1e-13 of their parts instead) */
            if (isfinite(res->kl_pq) && P->family == INFODIV_CATEGORICAL) {
                double rhs = res->entropy_p + res->kl_pq;
                /* categoricals with normalize off: the discrete unnormalised KL, so
                 * H(P,Q) = H(P) + KL + S_p - S_q (infodiv.h's OPTIONS) */
                if (P->family == INFODIV_CATEGORICAL && !opt_normalize(o))
                    rhs += (double)((sum_ld(P->v, P->k) - sum_ld(Q->v, Q->k)) / lnb);
                REQUIRE(res->cross_entropy_pq == rhs /* an entropy beyond DBL_MAX: Beta(1e-20, 1e-323) */
                            || fabs(res->cross_entropy_pq - rhs) <= 1e-12 * (fabs(res->entropy_p) + fabs(res->kl_pq)) + 1e-300
                                   + (P->family == INFODIV_CATEGORICAL ? 8 * EPS * (fabs(rhs) + 2 / fabs((double)lnb)) : 0)
                            || (P->family == INFODIV_UNIFORM /* H(P,Q) is -log of q's density there, exactly: eps in nats */
                                && fabs(res->cross_entropy_pq - rhs) <= 4 * EPS * (fabs(res->entropy_p) + fabs(res->kl_pq) + 1 / fabs((double)lnb))),
                        "dist_kl: H(P,Q) %.17g != H(P) + KL %.17g (family %d (%g, %g, k %zu) || %d (%g, %g))", res->cross_entropy_pq, rhs, P->family, P->a, P->b, P->k, Q->family, Q->a, Q->b);
            }
            double h;
            if (infodiv_dist_entropy(P, o, scratch, scratch_len, &h, NULL) == INFODIV_OK)
                REQUIRE(same_double(h, res->entropy_p) || agree(h, res->entropy_p, 1e-15), "dist_kl's H(P) %.17g != dist_entropy %.17g",
                        res->entropy_p, h);
            f128 want, rerr, hw, hmag, herr;
            if (any == 1 && in_reference_domain(P) && in_reference_domain(Q) && qref_kl(P, Q, &want, &rerr)) {
                check_param_value("dist_kl", res->kl_pq, want, fabsq(want), rerr, base, P, Q);
                /* H(P,Q) = H(P) + KL: within 1e-13 of the larger of its value and its parts */
                if (qref_entropy(P, &hw, &hmag, &herr)) {
                    f128 cross = hw + want, parts = hmag + fabsq(want);
                    check_param_value("dist_kl's H(P,Q)", res->cross_entropy_pq, cross, fabsq(cross) > parts ? fabsq(cross) : parts,
                                      herr + rerr, base, P, Q);
                }
            }
            /* KL(P||P) = 0 */
            infodiv_dist_measure_set self;
            if (infodiv_dist_kl(P, P, o, scratch, scratch_len, &self, NULL) == INFODIV_OK)
                REQUIRE(self.kl_pq == 0, "dist_kl(P||P) = %.17g for family %d (%.17g, %.17g)", self.kl_pq, P->family, P->a, P->b);
        }
        free(res);
    }
    free(scratch);
    free_dist(&fp);
    free_dist(&fq);
}

/* ---- log densities ---- */

static int ref_log_density(const infodiv_dist *d, double xd, long double *want, long double *mag)
{
    long double a = d->a, b = d->b, x = xd;
    int whole = xd == floor(xd) && xd >= 0 && isfinite(xd);
    switch (d->family) {
    case INFODIV_NORMAL: {
        long double z = (x - a) / b;
        *want = -z * z / 2 - logl(b) - LOG2PI_L / 2, *mag = z * z / 2 + fabsl(logl(b)) + 1;
        return isfinite(xd);
    }
    case INFODIV_LOG_NORMAL: {
        if (!(x > 0))
            return *want = -INFINITY, 1;
        long double z = (logl(x) - a) / b;
        *want = -z * z / 2 - logl(b) - LOG2PI_L / 2 - logl(x);
        *mag = z * z / 2 + fabsl(logl(b)) + 1 + fabsl(logl(x)) + (fabsl(logl(x)) + fabsl(a)) / b * fabsl(z);
        return isfinite(xd);
    }
    case INFODIV_EXPONENTIAL:
        if (x < 0)
            return *want = -INFINITY, 1;
        *want = logl(a) - a * x, *mag = fabsl(logl(a)) + fabsl(a * x) + 1;
        return isfinite(xd);
    case INFODIV_LAPLACE:
        *want = -fabsl(x - a) / b - LN2L - logl(b), *mag = (fabsl(x) + fabsl(a)) / b + 1 + fabsl(logl(b));
        return isfinite(xd);
    case INFODIV_UNIFORM:
        *want = x < a || x > b ? -INFINITY : -logl(b - a), *mag = fabsl(logl(b - a)) + 1;
        return 1;
    case INFODIV_CAUCHY: {
        long double z = (x - a) / b;
        *want = -LOGPI_L - logl(b) - log1pl(z * z), *mag = 2 + fabsl(logl(b)) + fabsl(log1pl(z * z));
        return isfinite(xd) && fabsl(z) < 1e2000L;
    }
    case INFODIV_BERNOULLI:
        *want = xd == 1 ? logl(a) : xd == 0 ? log1pl(-a) : -INFINITY, *mag = 1;
        return 1;
    case INFODIV_GEOMETRIC:
        if (!whole)
            return *want = -INFINITY, 1;
        *want = a == 1 ? (x == 0 ? 0 : -INFINITY) : x * log1pl(-a) + logl(a);
        *mag = fabsl(x * log1pl(-a)) + fabsl(logl(a)) + 1;
        return 1;
    case INFODIV_POISSON:
        if (!whole)
            return *want = -INFINITY, 1;
        if (a == 0)
            return *want = x == 0 ? 0 : -INFINITY, *mag = 1, 1;
        *want = x * logl(a) - a - lgammal(x + 1), *mag = fabsl(x * logl(a)) + a + fabsl(lgammal(x + 1)) + 1;
        return 1;
    case INFODIV_BINOMIAL:
        if (!whole || x > a)
            return *want = -INFINITY, 1;
        if (b == 0 || b == 1)
            return *want = x == (b == 0 ? 0 : a) ? 0 : -INFINITY, *mag = 1, 1;
        *want = lgammal(a + 1) - lgammal(x + 1) - lgammal(a - x + 1) + x * logl(b) + (a - x) * log1pl(-b);
        *mag = lgammal(a + 1) + lgammal(x + 1) + lgammal(a - x + 1) + fabsl(x * logl(b)) + fabsl((a - x) * log1pl(-b)) + 1;
        return 1;
    case INFODIV_GAMMA:
        if (x < 0 || !isfinite(xd))
            return *want = -INFINITY, 1;
        if (x == 0)
            return 0;
        if (a > 1e15)
            return 0;
        *want = a * logl(b) - lgammal(a) + (a - 1) * logl(x) - b * x;
        *mag = fabsl(a * logl(b)) + fabsl(lgammal(a)) + fabsl((a - 1) * logl(x)) + fabsl(b * x) + 1;
        return 1;
    case INFODIV_BETA:
        if (x < 0 || x > 1)
            return *want = -INFINITY, 1;
        if (x == 0 || x == 1 || a > 1e15 || b > 1e15)
            return 0;
        *want = (a - 1) * logl(x) + (b - 1) * log1pl(-x) - lgammal(a) - lgammal(b) + lgammal(a + b);
        *mag = fabsl((a - 1) * logl(x)) + fabsl((b - 1) * log1pl(-x)) + fabsl(lgammal(a)) + fabsl(lgammal(b)) + fabsl(lgammal(a + b)) + 1;
        return 1;
    default: return 0;
    }
}

static void fuzz_density(src *s)
{
    unsigned flags = u8(s);
    fdist fd;
    draw_dist(s, &fd, NULL);
    size_t n = u8(s) % (MAXN + 1);
    double xs[MAXN], prev = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned b = u8(s);
        prev = xs[i] = b < 128 ? (int8_t)u8(s) / 4.0 : b < 140 ? -draw(s, prev) : draw(s, prev);
    }
    double *x = copy_d(xs, n);
    double *out = result_area(n * sizeof(double));
    infodiv_error err;
    memset(&err, SENTINEL, sizeof err);
    const infodiv_dist *d = flags & 1 && flags & 2 ? NULL : &fd.d;
    int x_null = (flags & 0x1C) == 0x1C, out_null = (flags & 0xE0) == 0xE0;
    int st = infodiv_dist_log_density(d, x_null ? NULL : x, n, out_null ? NULL : out, &err);
    expect e[4];
    int count = 1;
    if (x_null)
        e[0] = bad(INFODIV_NULL, INFODIV_ARG_X, 0, 0);
    else if (out_null)
        e[0] = bad(INFODIV_NULL, INFODIV_ARG_NONE, 0, 0);
    else if (!d)
        e[0] = bad(INFODIV_NULL, INFODIV_ARG_P, 0, 0);
    else {
        count = expect_params(d, INFODIV_ARG_P, 0, e);
        if (e[0].status == INFODIV_OK && is_vector_family(d->family))
            e[0] = bad_param(INFODIV_NO_CLOSED_FORM, INFODIV_ARG_P, 0, 0, d->family);
        for (size_t i = 0; e[0].status == INFODIV_OK && i < n; i++)
            if (isnan(xs[i]))
                e[0] = bad(INFODIV_NAN, INFODIV_ARG_X, i, xs[i]);
    }
    if (check_param_status("dist_log_density", st, &err, e, count))
        require_untouched("dist_log_density", out, n * sizeof(double));
    if (st == INFODIV_OK) {
        for (size_t i = 0; i < n; i++) {
            double lo, hi;
            support(d, &lo, &hi);
            REQUIRE(!isnan(out[i]), "log density NaN at %.17g, family %d (%.17g, %.17g)", xs[i], d->family, d->a, d->b);
            if (xs[i] < lo || xs[i] > hi)
                REQUIRE(out[i] == -INFINITY, "log density %.17g outside the support at %.17g (family %d)", out[i], xs[i], d->family);
            if (is_discrete_family(d->family)) {
                REQUIRE(out[i] <= 1e-12, "log probability %.17g > 0 (family %d at %g)", out[i], d->family, xs[i]);
                if (xs[i] != floor(xs[i]))
                    REQUIRE(out[i] == -INFINITY, "discrete family %d at a non-integer %.17g: %.17g", d->family, xs[i], out[i]);
            }
            long double want, mag;
            if (ref_log_density(d, xs[i], &want, &mag)) {
                long double tol = 1e-11L * fabsl(want) + 64 * EPSL * mag + 64 * EPS * (isinf(mag) ? 0 : mag) * 0;
                /* the library works in double: its own rounding of z, log(b) etc. is ~eps of the parts */
                tol += 16 * EPS * mag;
                if (isinf(want))
                    REQUIRE(out[i] == want, "log density family %d (%.17g, %.17g) at %.17g: %.17g, want %Lg", d->family, d->a, d->b, xs[i],
                            out[i], want);
                else if (isfinite(tol))
                    REQUIRE(near(out[i], want, tol), "log density family %d (%.17g, %.17g) at %.17g: %.17g, reference %.21Lg (tolerance %.3Lg)",
                            d->family, d->a, d->b, xs[i], out[i], want, tol);
            }
        }
    }
    free(x), free(out);
    free_dist(&fd);
}

/* ---- grids ---- */

static expect expect_density_values(const double *v, size_t n, int arg)
{
    int any = 0;
    for (size_t i = 0; i < n; i++) {
        if (isnan(v[i]))
            return bad(INFODIV_NAN, arg, i, v[i]);
        if (v[i] < 0)
            return bad(INFODIV_NEGATIVE, arg, i, v[i]);
        if (v[i] == INFINITY)
            return bad(INFODIV_INFINITE, arg, i, v[i]);
        any |= v[i] > 0;
    }
    return any ? ok() : bad(INFODIV_ZERO_SUM, arg, 0, 0);
}

/* Simpson's weights in their non-uniform form (pairs of intervals; an odd
 * last interval from the parabola through the last three points), or the
 * trapezoid's, in __float128: exact to ~1e-34 relative (2 h0 - h1 and
 * 2 h1 - h0 from the points, sum3), with no overflow or
 * underflow for any grid of doubles (s^3 / (h0 h1) of spans of 1e308 is
 * 1e616, of steps of 1e-320 it is 1e-320: both in quad's range). */
static f128 grid_wabs[MAXN]; /* sum of |each rule's weight| per point, before they cancel */

/* a + b + c for values exact in __float128, to its rounding however they
 * cancel (Knuth's TwoSum twice): 2 h0 - h1 of steps that differ by a
 * subnormal is itself subnormal, and no format holds x1 - x0 exactly. */
static f128 sum3(f128 a, f128 b, f128 c)
{
    f128 s = a + b, bv = s - a, e = (a - (s - bv)) + (b - bv);
    f128 t = s + c, cv = t - s, e2 = (s - (t - cv)) + (c - cv);
    return t + (e + e2);
}

static void grid_weights(const double *x, size_t n, int simpson, f128 *w)
{
    for (size_t i = 0; i < n; i++)
        w[i] = 0, grid_wabs[i] = 0;
    if (!simpson) {
        for (size_t i = 0; i + 1 < n; i++) {
            f128 h = (f128)x[i + 1] - x[i];
            w[i] += h / 2, w[i + 1] += h / 2;
            grid_wabs[i] += h / 2, grid_wabs[i + 1] += h / 2;
        }
        return;
    }
    size_t i = 0;
    for (; i + 2 < n; i += 2) {
        f128 h0 = (f128)x[i + 1] - x[i], h1 = (f128)x[i + 2] - x[i + 1], s = h0 + h1;
        f128 two_h0_h1 = sum3(3 * (f128)x[i + 1], -2 * (f128)x[i], -(f128)x[i + 2]); /* 2 h0 - h1 */
        f128 two_h1_h0 = sum3(2 * (f128)x[i + 2], -3 * (f128)x[i + 1], x[i]);        /* 2 h1 - h0 */
        f128 a = s / 6 * (two_h0_h1 / h0), b = s / 6 * (s * s / (h0 * h1)), c = s / 6 * (two_h1_h0 / h1);
        w[i] += a, w[i + 1] += b, w[i + 2] += c;
        grid_wabs[i] += fabsq(a), grid_wabs[i + 1] += fabsq(b), grid_wabs[i + 2] += fabsq(c);
    }
    if (i + 1 < n) { /* the last interval alone */
        f128 h0 = (f128)x[n - 2] - x[n - 3], h1 = (f128)x[n - 1] - x[n - 2];
        f128 a = -h1 * h1 * h1 / (6 * h0 * (h0 + h1)), b = h1 * (h1 + 3 * h0) / (6 * h0), c = h1 * (2 * h1 + 3 * h0) / (6 * (h0 + h1));
        w[n - 3] += a, w[n - 2] += b, w[n - 1] += c;
        /* the library weighs each group apart: its rounding is of the uncombined weights */
        grid_wabs[n - 3] += fabsq(a), grid_wabs[n - 2] += fabsq(b), grid_wabs[n - 1] += fabsq(c);
    }
}

/* KL by one rule, in __float128 (no intermediate can overflow): normalised,
 * sum w q^ phi(p^/q^) with p^ = p/Zp, Zp = sum w p (equal to sum w p^ log(p^/q^)
 * when the rule's integrals are Zp, Zq); raw, sum w p log(p/q). NAN when an
 * integral is not positive. *mag: the sum of |w term| (and of the parts the
 * library's double arithmetic rounds), in units of the terms. */
static f128 grid_ref(const double *x, const double *p, const double *q, size_t n, int simpson, int normalize, f128 *mag)
{
    f128 w[MAXN], wa[MAXN], zp = 0, zq = 0, s = 0, m = 0, mz = 0;
    grid_weights(x, n, simpson, w);
    for (size_t i = 0; i < n; i++)
        wa[i] = grid_wabs[i];
    for (size_t i = 0; i < n; i++)
        zp += w[i] * p[i], zq += w[i] * q[i], mz += wa[i] * ((f128)p[i] + q[i]);
    if (normalize && !(zp > 0 && zq > 0))
        return *mag = 0, NAN;
    for (size_t i = 0; i < n; i++) {
        f128 t;
        if (normalize) {
            f128 ph = p[i] / zp, qh = q[i] / zq;
            t = qbreg(ph, qh, ph - qh);
            m += wa[i] * (fabsq(t) + ph + qh + (ph > 0 && qh > 0 ? ph * fabsq(logq(ph / qh)) : 0));
            /* the library forms q/Zq in double: a subnormal one keeps only its few
             * bits, so log(p^/q^) is off by ~2^-1074/q^ (in units of eps here) */
            if (q[i] > 0 && qh < DBL_MIN)
                m += wa[i] * ph * (4.9406564584124654e-324Q / qh) / EPS;
        } else {
            t = p[i] > 0 ? p[i] * logq((f128)p[i] / q[i]) : 0;
            m += wa[i] * fabsq(t);
        }
        s += w[i] * t;
    }
    /* normalised: the integrals' rounding (mz / Z relative) moves each term by as much, relatively */
    *mag = normalize ? m * (1 + mz / (zp < zq ? zp : zq)) : m;
    return s;
}

static void fuzz_grid(src *s)
{
    unsigned flags = u8(s);
    infodiv_options ob, *o = (infodiv_options *)draw_options(s, &ob);
    size_t n = u8(s) % (MAXN + 1);
    double xs[MAXN], ps[MAXN], qs[MAXN], x0 = (int8_t)u8(s) / 4.0;
    for (size_t i = 0; i < n; i++) {
        unsigned b = u8(s);
        double step = b < 160 ? (1 + b % 16) / 8.0 : b < 200 ? ldexp(1, (int)(int8_t)u8(s) / 4) : draw(s, 1);
        xs[i] = i == 0 ? x0 : xs[i - 1] + step;
        if (b >= 250)
            xs[i] = draw(s, xs[i]);
    }
    int q_mode = (flags >> 2) & 3;
    for (size_t i = 0; i < n; i++) {
        unsigned b = u8(s);
        ps[i] = b < 150 ? exp(-xs[i] * xs[i] / 8) * (1 + (b % 8) / 16.0) : draw(s, 1);
    }
    for (size_t i = 0; i < n; i++)
        qs[i] = q_mode == 0 ? ps[i] : q_mode == 1 ? ps[i] * (1 + (int8_t)u8(s) * 1e-6) : u8(s) < 128 ? exp(-(xs[i] - 1) * (xs[i] - 1) / 8) : draw(s, 1);
    if (getenv("FUZZ_DEBUG")) {
        fprintf(stderr, "grid n=%zu base %a normalize %d\n", n, opt_base(o), opt_normalize(o));
        for (size_t i = 0; i < n; i++)
            fprintf(stderr, "  x %a p %a q %a\n", xs[i], ps[i], qs[i]);
    }
    double *x = copy_d(xs, n), *p = copy_d(ps, n), *q = copy_d(qs, n);
    infodiv_grid_result *res = result_area(sizeof *res);
    infodiv_error err;
    memset(&err, SENTINEL, sizeof err);
    int nulls = flags >> 5; /* 0..7: which pointer is NULL, rarely */
    int st = infodiv_kl_grid(nulls == 7 ? NULL : x, nulls == 6 && flags & 2 ? NULL : p, nulls == 6 && !(flags & 2) ? NULL : q, n, o,
                             nulls == 5 && flags & 2 ? NULL : res, &err);
    expect e;
    double base = opt_base(o);
    if (nulls == 7)
        e = bad(INFODIV_NULL, INFODIV_ARG_X, 0, 0);
    else if (nulls == 6)
        e = bad(INFODIV_NULL, flags & 2 ? INFODIV_ARG_P : INFODIV_ARG_Q, 0, 0);
    else if (nulls == 5 && flags & 2)
        e = bad(INFODIV_NULL, INFODIV_ARG_NONE, 0, 0);
    else if (n < 3)
        e = bad(INFODIV_TOO_FEW_POINTS, INFODIV_ARG_X, 0, (double)n);
    else {
        e = ok();
        for (size_t i = 0; i < n && !e.status; i++) {
            if (isnan(xs[i]))
                e = bad(INFODIV_NAN, INFODIV_ARG_X, i, xs[i]);
            else if (isinf(xs[i]))
                e = bad(INFODIV_INFINITE, INFODIV_ARG_X, i, xs[i]);
            else if (i > 0 && !(xs[i] > xs[i - 1] && isfinite(xs[i] - xs[i - 1])))
                e = bad(INFODIV_NOT_INCREASING, INFODIV_ARG_X, i, xs[i]);
        }
        if (!e.status)
            e = expect_density_values(ps, n, INFODIV_ARG_P);
        if (!e.status)
            e = expect_density_values(qs, n, INFODIV_ARG_Q);
        if (!e.status && !base_ok(base))
            e = bad(INFODIV_BAD_BASE, INFODIV_ARG_BASE, 0, base);
    }
    check_status("kl_grid", st, &err, 1, &e, 1);
    if (st != INFODIV_OK)
        require_untouched("kl_grid", res, sizeof *res);
    if (st == INFODIV_OK) {
        int normalize = opt_normalize(o), inf = 0;
        long double lnb = ln_base(base);
        for (size_t i = 0; i < n; i++)
            inf |= qs[i] == 0 && ps[i] > 0;
        REQUIRE(!isnan(res->kl) && !isnan(res->error_estimate) && res->error_estimate >= 0, "kl_grid: NaN or negative estimate");
        if (inf) {
            REQUIRE(res->kl == (lnb > 0 ? INFINITY : -INFINITY) && res->error_estimate == 0, "kl_grid: q = 0 < p, KL %.17g", res->kl);
        } else {
            if (normalize)
                REQUIRE(lnb > 0 ? res->kl >= 0 : res->kl <= 0, "kl_grid: KL %.17g of the wrong sign", res->kl);
            f128 mt, ms, tr = grid_ref(xs, ps, qs, n, 0, normalize, &mt), si = grid_ref(xs, ps, qs, n, 1, normalize, &ms);
            f128 lq = lnb;
            /* the rule: Simpson's, unless its integrals are not positive, its KL is within its
             * rounding (64 n eps sum |w term|, below tol_s: twice, as the library's sum is off by
             * up to tol_s) or (normalised) negative, then the trapezoid's (continuous.c) */
            f128 tol_t = 1e-9Q * fabsq(tr) + 64 * n * EPS * mt, tol_s = 1e-9Q * fabsq(si) + 64 * n * EPS * ms;
            int could_fall_back = isnanq(si) || fabsq(si) <= 2 * tol_s || (normalize && si <= tol_s);
            /* infinity only where the rule's exact value, in nats, is beyond the doubles */
            if (isinf(res->kl)) {
                char b1[48], b2[48];
                quadmath_snprintf(b1, sizeof b1, "%.21Qg", si), quadmath_snprintf(b2, sizeof b2, "%.21Qg", tr);
                REQUIRE((!isnanq(si) && fabsq(si) - tol_s > DBL_MAX) || (could_fall_back && fabsq(tr) - tol_t > DBL_MAX)
                            || fabsq(si / lq) - tol_s / fabsq(lq) > DBL_MAX,
                        "kl_grid: %g, reference Simpson %s, trapezoid %s (in nats)", res->kl, b1, b2);
            } else {
                int is_t = fabsq((f128)res->kl - tr / lq) <= tol_t / fabsq(lq) + 1e-300Q;
                int is_s = !isnanq(si) && fabsq((f128)res->kl - si / lq) <= tol_s / fabsq(lq) + 1e-300Q;
                /* compared where the double arithmetic means something: its rounding model below 1e-3 of the value */
                if (tol_t < 1e-3Q * (1 + fabsq(tr)) && (isnanq(si) || tol_s < 1e-3Q * (1 + fabsq(si)))) {
                    char b1[48], b2[48], b3[48], b4[48];
                    quadmath_snprintf(b1, sizeof b1, "%.21Qg", si / lq), quadmath_snprintf(b2, sizeof b2, "%.3Qg", tol_s / fabsq(lq));
                    quadmath_snprintf(b3, sizeof b3, "%.21Qg", tr / lq), quadmath_snprintf(b4, sizeof b4, "%.3Qg", tol_t / fabsq(lq));
                    if (!(is_s || (could_fall_back && is_t)))
                        for (size_t i = 0; i < n && i < 16; i++)
                            fprintf(stderr, "kl_grid input %zu: x %a p %a q %a (base %a, normalize %d)\n", i, xs[i], ps[i], qs[i], base, normalize);
                    REQUIRE(is_s || (could_fall_back && is_t), "kl_grid: %.17g, reference Simpson %s (tol %s), trapezoid %s (tol %s)", res->kl,
                            b1, b2, b3, b4);
                }
            }
            /* KL(p||p) = 0 */
            infodiv_grid_result self;
            REQUIRE(infodiv_kl_grid(x, p, p, n, o, &self, NULL) == INFODIV_OK && self.kl == 0, "kl_grid(p||p) = %.17g", self.kl);
        }
    }
    free(x), free(p), free(q), free(res);
}

/* ---- strerror ---- */

static void fuzz_strerror(src *s)
{
    int status = (int)(uint32_t)raw64(s);
    if (u8(s) < 200)
        status = (int)(int8_t)u8(s);
    const char *m = infodiv_strerror(status);
    REQUIRE(m && strlen(m) > 0 && strlen(m) < 200, "strerror(%d)", status);
    int known = status >= INFODIV_OK && status <= INFODIV_BAD_ARGUMENT;
    REQUIRE(known == (strcmp(m, "unknown status") != 0), "strerror(%d) = %s", status, m);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    src s = { data, size, 0 };
    switch (u8(&s) % 8) {
    case 0: case 1: case 2: fuzz_discrete(&s); break;
    case 3: case 4: fuzz_logits(&s); break;
    case 5: fuzz_dist(&s); break;
    case 6: u8(&s) & 1 ? fuzz_density(&s) : fuzz_grid(&s); break;
    default: u8(&s) < 32 ? fuzz_strerror(&s) : fuzz_dist(&s); break;
    }
    return 0;
}
