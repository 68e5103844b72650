/* Every function, double and float, rejects every kind of bad input with the
 * right status, argument, index and value, and leaves its output untouched. */
#include "check.h"
#include "infodiv.h"

#include <float.h>
#include <string.h>

/* The twelve functions behind one signature; out has room for a measure set. */
typedef int (*measure_fn)(const void *p, const void *q, size_t n, const infodiv_options *o,
                          double *out, infodiv_error *err);

#define PAIR(name, T)                                                                           \
    static int name##_w(const void *p, const void *q, size_t n, const infodiv_options *o,     \
                        double *out, infodiv_error *e)                                          \
    {                                                                                           \
        return infodiv_##name((const T *)p, (const T *)q, n, o, (void *)out, e);                \
    }
#define SINGLE(name, T)                                                                         \
    static int name##_w(const void *p, const void *q, size_t n, const infodiv_options *o,     \
                        double *out, infodiv_error *e)                                          \
    {                                                                                           \
        (void)q;                                                                                \
        return infodiv_##name((const T *)p, n, o, out, e);                                      \
    }
SINGLE(entropy, double)
PAIR(cross_entropy, double)
PAIR(kl, double)
PAIR(js, double)
PAIR(measures, double)
PAIR(kl_terms, double)
SINGLE(entropy_f32, float)
PAIR(cross_entropy_f32, float)
PAIR(kl_f32, float)
PAIR(js_f32, float)
PAIR(measures_f32, float)
PAIR(kl_terms_f32, float)

static const struct {
    const char *name;
    measure_fn fn;
    int is_float, has_q;
} fns[] = {
    { "entropy", entropy_w, 0, 0 },        { "cross_entropy", cross_entropy_w, 0, 1 },
    { "kl", kl_w, 0, 1 },                  { "js", js_w, 0, 1 },
    { "measures", measures_w, 0, 1 },      { "kl_terms", kl_terms_w, 0, 1 },
    { "entropy_f32", entropy_f32_w, 1, 0 }, { "cross_entropy_f32", cross_entropy_f32_w, 1, 1 },
    { "kl_f32", kl_f32_w, 1, 1 },          { "js_f32", js_f32_w, 1, 1 },
    { "measures_f32", measures_f32_w, 1, 1 }, { "kl_terms_f32", kl_terms_f32_w, 1, 1 },
};

enum { N = 4 };
static const double good[N] = { 0.25, 0.25, 0.5, 0 };

/* Calls fns[f] with p (or q, when in_q) set to bad, the other argument good,
 * and checks the status, the error's argument, index and value, and that the
 * output still holds its sentinel. */
static void expect(int f, const double bad[N], int in_q, size_t n, const infodiv_options *o,
                   int status, int arg, size_t index, double value)
{
    double pd[N], qd[N], out[N > 7 ? N : 7];
    float pf[N], qf[N];
    for (int i = 0; i < N; i++) {
        pd[i] = in_q ? good[i] : bad[i];
        qd[i] = in_q ? bad[i] : good[i];
        pf[i] = (float)pd[i], qf[i] = (float)qd[i];
    }
    for (int i = 0; i < 7; i++)
        out[i] = -12345;
    infodiv_error err = { -1, 99, -1, -1 };
    const void *p = fns[f].is_float ? (const void *)pf : pd, *q = fns[f].is_float ? (const void *)qf : qd;
    int got = fns[f].fn(p, q, n, o, out, &err);
    CHECK(got == status, "%s: status %d (%s), want %d (%s)", fns[f].name, got, infodiv_strerror(got),
          status, infodiv_strerror(status));
    CHECK(err.arg == arg && err.index == index, "%s: error at arg %d index %zu, want %d %zu",
          fns[f].name, err.arg, err.index, arg, index);
    double want = fns[f].is_float ? (double)(float)value : value;
    CHECK(err.value == want || (isnan(err.value) && isnan(want)), "%s: error value %g, want %g",
          fns[f].name, err.value, want);
    CHECK(out[0] == -12345 && out[6] == -12345, "%s: output written on error", fns[f].name);
    /* The same call without an error report must not crash and gives the same status. */
    CHECK(fns[f].fn(p, q, n, o, out, NULL) == status, "%s: status without err", fns[f].name);
}

int main(void)
{
    const infodiv_options raw = { INFODIV_E, 0 };
    for (int f = 0; f < (int)(sizeof fns / sizeof fns[0]); f++) {
        for (int in_q = 0; in_q <= fns[f].has_q; in_q++) {
            int arg = in_q ? INFODIV_ARG_Q : INFODIV_ARG_P;
            expect(f, (double[N]){ 0.5, -0.1, 0.6, 0 }, in_q, N, NULL, INFODIV_NEGATIVE, arg, 1, -0.1);
            expect(f, (double[N]){ 0.5, 0.5, -INFINITY, 0 }, in_q, N, NULL, INFODIV_NEGATIVE, arg, 2, -INFINITY);
            expect(f, (double[N]){ 0.5, 0.5, 0, NAN }, in_q, N, NULL, INFODIV_NAN, arg, 3, NAN);
            expect(f, (double[N]){ INFINITY, 0.5, 0, 0 }, in_q, N, NULL, INFODIV_INFINITE, arg, 0, INFINITY);
            expect(f, (double[N]){ 0, -0.0, 0, 0 }, in_q, N, NULL, INFODIV_ZERO_SUM, arg, 0, 0);
            expect(f, (double[N]){ 0.5, 0.25, 0.5, 0 }, in_q, N, &raw, INFODIV_NOT_NORMALIZED, arg, 0, 1.25);
            expect(f, (double[N]){ 3, 1, 0, 0 }, in_q, N, &raw, INFODIV_NOT_NORMALIZED, arg, 0, 4);
        }
        /* The first bad entry is reported, p before q. */
        expect(f, (double[N]){ -1, NAN, -2, 0 }, 0, N, NULL, INFODIV_NEGATIVE, INFODIV_ARG_P, 0, -1);
        expect(f, (double[N]){ 0.5, 0.5, 0, 0 }, 0, 0, NULL, INFODIV_EMPTY, INFODIV_ARG_P, 0, 0);
        const double bases[] = { 1, 0, -2, NAN, INFINITY, -INFINITY };
        for (size_t b = 0; b < sizeof bases / sizeof bases[0]; b++) {
            infodiv_options o = { bases[b], 1 };
            expect(f, good, 0, N, &o, INFODIV_BAD_BASE, INFODIV_ARG_BASE, 0, bases[b]);
        }
        /* A bad entry is reported before a bad base. */
        infodiv_options one = { 1, 1 };
        expect(f, (double[N]){ 0.5, -0.1, 0.6, 0 }, 0, N, &one, INFODIV_NEGATIVE, INFODIV_ARG_P, 1, -0.1);
        /* NULL pointers. */
        double out[7];
        infodiv_error err;
        CHECK(fns[f].fn(NULL, good, N, NULL, out, &err) == INFODIV_NULL && err.arg == INFODIV_ARG_P,
              "%s: NULL p", fns[f].name);
        CHECK(fns[f].fn(good, good, N, NULL, NULL, &err) == INFODIV_NULL, "%s: NULL result", fns[f].name);
        if (fns[f].has_q)
            CHECK(fns[f].fn(good, NULL, N, NULL, out, &err) == INFODIV_NULL && err.arg == INFODIV_ARG_Q,
                  "%s: NULL q", fns[f].name);
    }
    /* Valid edge values are accepted: -0.0, the largest finite double, subnormals. */
    double r;
    CHECK(infodiv_entropy((double[]){ -0.0, 1 }, 2, NULL, &r, NULL) == INFODIV_OK && r == 0, "-0.0 is a zero");
    CHECK(infodiv_entropy((double[]){ DBL_MAX, DBL_MAX }, 2, NULL, &r, NULL) == INFODIV_OK
              && fabs(r - log(2)) <= 1e-15, "DBL_MAX entries: %.17g", r);
    CHECK(infodiv_entropy((double[]){ 5e-324, 5e-324 }, 2, NULL, &r, NULL) == INFODIV_OK
              && fabs(r - log(2)) <= 1e-15, "subnormal entries: %.17g", r);
    /* Every status has a message. */
    for (int s = INFODIV_OK; s <= INFODIV_BAD_BASE; s++)
        CHECK(strcmp(infodiv_strerror(s), "unknown status") != 0, "strerror(%d)", s);
    return check_report("errors");
}
