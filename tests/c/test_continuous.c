/* The parametric functions of the core under the sanitizers: every case of
 * tests/fixtures/continuous.json (with its errata) within 1e-12 relative
 * error (1e-10 below 1e-6), the statuses of bad parameters, and the grid.
 * Usage: test_continuous DISCRETE.txt SPECIAL.txt CONTINUOUS.txt */
#include "check.h"
#include "infodiv.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define MAX_K 8
static double scratch[INFODIV_DIST_SCRATCH(64)];

typedef struct {
    infodiv_dist d;
    double v[MAX_K], m[MAX_K * MAX_K];
} stored_dist;

static int read_dist(FILE *f, stored_dist *s)
{
    int family;
    size_t k;
    if (fscanf(f, "%d %lf %lf %zu", &family, &s->d.a, &s->d.b, &k) != 4 || k > MAX_K)
        return 0;
    s->d.family = family;
    s->d.k = k;
    s->d.v = k ? s->v : NULL;
    s->d.m = family == INFODIV_MULTIVARIATE_NORMAL ? s->m : NULL;
    for (size_t i = 0; i < k; i++)
        if (fscanf(f, "%lf", &s->v[i]) != 1)
            return 0;
    for (size_t i = 0; family == INFODIV_MULTIVARIATE_NORMAL && i < k * k; i++)
        if (fscanf(f, "%lf", &s->m[i]) != 1)
            return 0;
    return 1;
}

static int check_fixture(const char *path)
{
    FILE *f = fopen(path, "r");
    int n;
    double worst = 0;
    if (!f || fscanf(f, "%d", &n) != 1)
        return 0;
    for (int c = 0; c < n; c++) {
        char name[128], want_text[3][64];
        stored_dist p, q;
        if (fscanf(f, "%127s", name) != 1 || !read_dist(f, &p) || !read_dist(f, &q)
            || fscanf(f, "%63s %63s %63s", want_text[0], want_text[1], want_text[2]) != 3)
            return 0;
        infodiv_dist_measure_set m;
        double h;
        int s1 = infodiv_dist_kl(&p.d, &q.d, NULL, scratch, sizeof scratch / sizeof *scratch, &m, NULL);
        int s2 = infodiv_dist_entropy(&p.d, NULL, scratch, sizeof scratch / sizeof *scratch, &h, NULL);
        CHECK(s1 == INFODIV_OK && s2 == INFODIV_OK, "%s: status %d %d", name, s1, s2);
        double got[3] = { m.entropy_p, m.cross_entropy_pq, m.kl_pq };
        for (int i = 0; i < 3; i++) {
            double want = strtod(want_text[i], NULL);
            double tol = fabs(want) < 1e-6 ? 1e-10 : 1e-12;
            CHECK(close_rel(got[i], want, tol), "%s measure %d: got %.17g, want %s", name, i, got[i], want_text[i]);
            if (isfinite(want) && want != 0 && fabs(got[i] - want) / fabs(want) > worst)
                worst = fabs(got[i] - want) / fabs(want);
        }
        CHECK(h == m.entropy_p, "%s: infodiv_dist_entropy %.17g != infodiv_dist_kl's %.17g", name, h, m.entropy_p);
    }
    fclose(f);
    printf("reference data: %d cases, worst relative error %.2g\n", n, worst);
    return 1;
}

static infodiv_dist scalar(int family, double a, double b)
{
    return (infodiv_dist){ family, a, b, 0, NULL, NULL };
}

/* A status, and where the error says it is. */
static void expect_error(const infodiv_dist *p, const infodiv_dist *q, int status, int arg, int param, size_t index)
{
    infodiv_error err = { -1, 99, -1, -1 };
    infodiv_dist_measure_set m = { -7, -7, -7 };
    int got = q ? infodiv_dist_kl(p, q, NULL, scratch, sizeof scratch / sizeof *scratch, &m, &err)
                : infodiv_dist_entropy(p, NULL, scratch, sizeof scratch / sizeof *scratch, &m.kl_pq, &err);
    CHECK(got == status, "family %d: status %d (%s), want %d (%s)", p->family, got, infodiv_strerror(got), status,
          infodiv_strerror(status));
    CHECK(err.arg == arg && err.param == param && err.index == index, "family %d, status %d: error at arg %d param %d index %zu, want %d %d %zu",
          p->family, status, err.arg, err.param, err.index, arg, param, index);
    CHECK(m.kl_pq == -7 && m.entropy_p == -7, "family %d: result written on error", p->family);
}

static void check_errors(void)
{
    infodiv_dist normal = scalar(INFODIV_NORMAL, 0, 1), gamma = scalar(INFODIV_GAMMA, 2, 1);
    struct { int family; double a, b; int param; } bad[] = {
        { INFODIV_NORMAL, NAN, 1, 1 }, { INFODIV_NORMAL, 0, 0, 2 }, { INFODIV_NORMAL, 0, -1, 2 }, { INFODIV_NORMAL, 0, INFINITY, 2 },
        { INFODIV_LOG_NORMAL, INFINITY, 1, 1 }, { INFODIV_EXPONENTIAL, 0, 0, 1 }, { INFODIV_EXPONENTIAL, NAN, 0, 1 },
        { INFODIV_GAMMA, 0, 1, 1 }, { INFODIV_GAMMA, 1, -2, 2 }, { INFODIV_BETA, 1, 0, 2 }, { INFODIV_BETA, -1, 1, 1 },
        { INFODIV_UNIFORM, 1, 1, 1 }, { INFODIV_UNIFORM, 2, 1, 1 }, { INFODIV_UNIFORM, 0, INFINITY, 2 },
        { INFODIV_LAPLACE, 0, -0.0, 2 }, { INFODIV_CAUCHY, -INFINITY, 1, 1 }, { INFODIV_BERNOULLI, 1.5, 0, 1 },
        { INFODIV_BERNOULLI, -0.1, 0, 1 }, { INFODIV_BINOMIAL, 2.5, 0.5, 1 }, { INFODIV_BINOMIAL, -1, 0.5, 1 },
        { INFODIV_BINOMIAL, 18014398509481984.0, 0.5, 1 }, { INFODIV_BINOMIAL, 3, 2, 2 }, { INFODIV_POISSON, -1, 0, 1 },
        { INFODIV_POISSON, INFINITY, 0, 1 }, { INFODIV_GEOMETRIC, 0, 0, 1 }, { INFODIV_GEOMETRIC, 1.01, 0, 1 },
    };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        infodiv_dist d = scalar(bad[i].family, bad[i].a, bad[i].b);
        expect_error(&d, NULL, INFODIV_BAD_PARAMETER, INFODIV_ARG_P, bad[i].param, 0);
        infodiv_dist good = scalar(bad[i].family, 0.5, 1);
        if (bad[i].family == INFODIV_BINOMIAL)
            good.a = 3, good.b = 0.5;
        expect_error(&good, &d, INFODIV_BAD_PARAMETER, INFODIV_ARG_Q, bad[i].param, 0);
    }
    infodiv_dist unknown = scalar(99, 0, 1);
    expect_error(&unknown, NULL, INFODIV_BAD_FAMILY, INFODIV_ARG_P, 0, 0);
    expect_error(&gamma, &normal, INFODIV_NO_CLOSED_FORM, INFODIV_ARG_Q, 0, 0);
    infodiv_dist poisson = scalar(INFODIV_POISSON, 1, 0);
    expect_error(&normal, &poisson, INFODIV_NO_CLOSED_FORM, INFODIV_ARG_Q, 0, 0);
    infodiv_dist b3 = scalar(INFODIV_BINOMIAL, 3, 0.5), b5 = scalar(INFODIV_BINOMIAL, 5, 0.5);
    expect_error(&b3, &b5, INFODIV_DIMENSION_MISMATCH, INFODIV_ARG_Q, 1, 0);

    /* Covariances: not finite, not symmetric, not positive definite, singular; dimensions. */
    double mean[3] = { 0, 0, 0 }, eye[9] = { 1, 0, 0, 0, 1, 0, 0, 0, 1 };
    double indefinite[9] = { 1, 2, 0, 2, 1, 0, 0, 0, 1 }, asym[9] = { 1, 0.5, 0, 0.4, 1, 0, 0, 0, 1 };
    double singular[9] = { 1, 1, 0, 1, 1, 0, 0, 0, 1 }, nan_cov[9] = { 1, 0, 0, 0, NAN, 0, 0, 0, 1 };
    infodiv_dist id3 = { INFODIV_MULTIVARIATE_NORMAL, 0, 0, 3, mean, eye };
    infodiv_dist m = id3;
    m.m = indefinite;
    expect_error(&m, &id3, INFODIV_NOT_POSITIVE_DEFINITE, INFODIV_ARG_P, 4, 1);
    m.m = singular;
    expect_error(&id3, &m, INFODIV_NOT_POSITIVE_DEFINITE, INFODIV_ARG_Q, 4, 1);
    m.m = asym;
    expect_error(&m, NULL, INFODIV_NOT_SYMMETRIC, INFODIV_ARG_P, 4, 1);
    m.m = nan_cov;
    expect_error(&m, NULL, INFODIV_BAD_PARAMETER, INFODIV_ARG_P, 4, 4);
    infodiv_dist id2 = { INFODIV_MULTIVARIATE_NORMAL, 0, 0, 2, mean, eye };
    double eye2[4] = { 1, 0, 0, 1 };
    id2.m = eye2;
    expect_error(&id2, &id3, INFODIV_DIMENSION_MISMATCH, INFODIV_ARG_Q, 3, 2);
    infodiv_dist_measure_set out;
    infodiv_error err;
    CHECK(infodiv_dist_kl(&id3, &id3, NULL, scratch, INFODIV_DIST_SCRATCH(3) - 1, &out, &err) == INFODIV_SCRATCH_TOO_SMALL,
          "scratch of 2k^2 + k - 1 doubles accepted");
    CHECK(infodiv_dist_kl(&id3, &id3, NULL, scratch, INFODIV_DIST_SCRATCH(3), &out, &err) == INFODIV_OK && out.kl_pq == 0,
          "KL(P||P) of a multivariate normal: %g", out.kl_pq);
    double alpha[2] = { 1, 0 };
    infodiv_dist dir = { INFODIV_DIRICHLET, 0, 0, 2, alpha, NULL };
    expect_error(&dir, NULL, INFODIV_BAD_PARAMETER, INFODIV_ARG_P, 3, 1);
    dir.k = 1;
    expect_error(&dir, NULL, INFODIV_BAD_PARAMETER, INFODIV_ARG_P, 3, 0);
    double probs[2] = { 1, -1 };
    infodiv_dist cat = { INFODIV_CATEGORICAL, 0, 0, 2, probs, NULL };
    expect_error(&cat, NULL, INFODIV_NEGATIVE, INFODIV_ARG_P, 3, 1);
    CHECK(infodiv_dist_kl(NULL, &normal, NULL, NULL, 0, &out, &err) == INFODIV_NULL && err.arg == INFODIV_ARG_P, "NULL p");
    CHECK(infodiv_dist_kl(&normal, &normal, NULL, NULL, 0, NULL, &err) == INFODIV_NULL, "NULL result");
    infodiv_options base1 = { 1, 1 };
    CHECK(infodiv_dist_kl(&normal, &normal, &base1, NULL, 0, &out, &err) == INFODIV_BAD_BASE, "base 1");
}

static void check_supports(void)
{
    struct { infodiv_dist p, q; double kl; } cases[] = {
        { scalar(INFODIV_UNIFORM, 0, 2), scalar(INFODIV_UNIFORM, 0, 1), INFINITY },
        { scalar(INFODIV_UNIFORM, 0, 1), scalar(INFODIV_UNIFORM, 0, 2), 0.6931471805599453 },
        { scalar(INFODIV_NORMAL, 0, 1), scalar(INFODIV_EXPONENTIAL, 1, 0), INFINITY },
        { scalar(INFODIV_LAPLACE, 0, 1), scalar(INFODIV_GAMMA, 2, 1), INFINITY },
        { scalar(INFODIV_CAUCHY, 0, 1), scalar(INFODIV_BETA, 2, 1), INFINITY },
        { scalar(INFODIV_BINOMIAL, 5, 0.5), scalar(INFODIV_BINOMIAL, 3, 0.5), INFINITY },
        { scalar(INFODIV_BERNOULLI, 0.5, 0), scalar(INFODIV_BERNOULLI, 0, 0), INFINITY },
        { scalar(INFODIV_BERNOULLI, 0, 0), scalar(INFODIV_BERNOULLI, 0.5, 0), 0.6931471805599453 },
        { scalar(INFODIV_POISSON, 1, 0), scalar(INFODIV_POISSON, 0, 0), INFINITY },
        { scalar(INFODIV_POISSON, 0, 0), scalar(INFODIV_POISSON, 2.5, 0), 2.5 },
        { scalar(INFODIV_GEOMETRIC, 0.5, 0), scalar(INFODIV_GEOMETRIC, 1, 0), INFINITY },
    };
    infodiv_dist_measure_set u;
    infodiv_dist inner = scalar(INFODIV_UNIFORM, 0.2, 0.8), outer = scalar(INFODIV_UNIFORM, 0, 1);
    CHECK(infodiv_dist_kl(&inner, &outer, NULL, NULL, 0, &u, NULL) == INFODIV_OK && u.cross_entropy_pq == 0,
          "H(U(0.2,0.8), U(0,1)) = %g, not exactly -log 1 = 0", u.cross_entropy_pq);
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        infodiv_dist_measure_set m;
        int s = infodiv_dist_kl(&cases[i].p, &cases[i].q, NULL, NULL, 0, &m, NULL);
        CHECK(s == INFODIV_OK && close_rel(m.kl_pq, cases[i].kl, 1e-15), "support case %zu: status %d, KL %.17g, want %.17g",
              i, s, m.kl_pq, cases[i].kl);
        CHECK(!isinf(cases[i].kl) || isinf(m.cross_entropy_pq), "support case %zu: H(P,Q) %g not infinite", i, m.cross_entropy_pq);
    }
}

/* The grid: KL of N(0,1) || N(1,2) sampled on [-16, 18] (Q beyond 8.5 sigma), against the closed form. */
static void check_grid(void)
{
    enum { N = 1361 };
    static double x[N], p[N], q[N];
    infodiv_dist a = scalar(INFODIV_NORMAL, 0, 1), b = scalar(INFODIV_NORMAL, 1, 2);
    for (int i = 0; i < N; i++)
        x[i] = -16 + 34.0 * i / (N - 1);
    CHECK(infodiv_dist_log_density(&a, x, N, p, NULL) == INFODIV_OK && infodiv_dist_log_density(&b, x, N, q, NULL) == INFODIV_OK,
          "log densities");
    for (int i = 0; i < N; i++)
        p[i] = exp(p[i]), q[i] = exp(q[i]);
    infodiv_grid_result g;
    CHECK(infodiv_kl_grid(x, p, q, N, NULL, &g, NULL) == INFODIV_OK, "grid status");
    CHECK(fabs(g.kl - 0.4431471805599453) < 1e-12 && g.error_estimate < 1e-9, "grid KL %.17g (estimate %.3g)", g.kl,
          g.error_estimate);
    /* q = 0 < p at the first point of an odd last interval, whose Simpson weight is negative: still +inf */
    double xs[4] = { 0, 1, 2, 3 }, ps[4] = { 1, 1, 1, 1 }, qs[4] = { 1, 0, 1, 1 };
    CHECK(infodiv_kl_grid(xs, ps, qs, 4, NULL, &g, NULL) == INFODIV_OK && g.kl == INFINITY, "q = 0 < p: %g", g.kl);
    infodiv_options raw = { INFODIV_E, 0 };
    CHECK(infodiv_kl_grid(xs, ps, qs, 4, &raw, &g, NULL) == INFODIV_OK && g.kl == INFINITY, "q = 0 < p, raw: %g", g.kl);
    infodiv_error err;
    x[500] = x[499];
    CHECK(infodiv_kl_grid(x, p, q, N, NULL, &g, &err) == INFODIV_NOT_INCREASING && err.index == 500, "grid order");
    CHECK(infodiv_kl_grid(x, p, q, 2, NULL, &g, &err) == INFODIV_TOO_FEW_POINTS, "two points");
}

/* xorshift64*: a fixed stream in [0, 1). */
static double uniform(uint64_t *state)
{
    *state ^= *state >> 12, *state ^= *state << 25, *state ^= *state >> 27;
    return (double)((*state * 0x2545F4914F6CDD1DULL) >> 11) * 0x1p-53;
}

/* The grid's two passes: in doubles where every value stays within [2^-400, 2^400], else in a mantissa
 * and a separate exponent, whose operations are the doubles' at shifted exponents. Scaling p and q by
 * 2^600 (or x by 2^-600) sends a grid to the extended pass and scales its every value exactly, so KL
 * (normalised: the same; raw: scaled by 2^600 or 2^-600) and its estimate must keep every bit. Random
 * grids: even and odd counts, steps from 2^-20 to 2^10 and exact doublings (a Simpson weight of 0),
 * zeros, densities equal or within 1e-9 at points. */
static void check_grid_passes(void)
{
    enum { CASES = 3000, MAXN = 64 };
    uint64_t state = 20261207;
    int bad = 0;
    for (int c = 0; c < CASES; c++) {
        double x[MAXN], p[MAXN], q[MAXN], xs[MAXN], ps[MAXN], qs[MAXN];
        size_t n = 3 + (size_t)(uniform(&state) * (MAXN - 3));
        int steps = (int)(uniform(&state) * 3);
        double mp = 4 * uniform(&state) - 2, mq = 4 * uniform(&state) - 2, sp = 0.5 + 2 * uniform(&state), sq = 0.5 + 2 * uniform(&state);
        for (size_t i = 0; i < n; i++) {
            double step = steps == 0 ? 0.125 : steps == 1 ? ldexp(1, (int)(uniform(&state) * 30) - 20) : (i % 2 ? 2 : 1) * 0.0625;
            x[i] = i == 0 ? -4 + 2 * uniform(&state) : x[i - 1] + step;
            double u = uniform(&state);
            p[i] = u < 0.05 ? 0 : exp(-(x[i] - mp) * (x[i] - mp) / (2 * sp * sp)) * (0.5 + uniform(&state));
            q[i] = u < 0.2 ? p[i] * (1 + 1e-9 * (uniform(&state) - 0.5)) : exp(-(x[i] - mq) * (x[i] - mq) / (2 * sq * sq));
            if (q[i] == 0)
                q[i] = 0.25;
        }
        p[n - 1] = p[n - 1] > 0 ? p[n - 1] : 0.5; /* not 0 everywhere */
        for (int normalize = 0; normalize < 2; normalize++) {
            const infodiv_options o = { INFODIV_E, normalize };
            infodiv_grid_result r, rp, rx;
            for (size_t i = 0; i < n; i++)
                xs[i] = ldexp(x[i], -600), ps[i] = ldexp(p[i], 600), qs[i] = ldexp(q[i], 600);
            int st = infodiv_kl_grid(x, p, q, n, &o, &r, NULL) | infodiv_kl_grid(x, ps, qs, n, &o, &rp, NULL)
                | infodiv_kl_grid(xs, p, q, n, &o, &rx, NULL);
            int up = normalize ? 0 : 600, down = normalize ? 0 : -600;
            if (st != INFODIV_OK || !(r.kl == ldexp(rp.kl, -up) && r.kl == ldexp(rx.kl, -down))
                || !(r.error_estimate == ldexp(rp.error_estimate, -up) && r.error_estimate == ldexp(rx.error_estimate, -down))) {
                if (bad++ < 5)
                    fprintf(stderr, "grid case %d (n %zu, normalize %d): %a %a %a (estimates %a %a %a)\n", c, n, normalize, r.kl,
                            ldexp(rp.kl, -up), ldexp(rx.kl, -down), r.error_estimate, ldexp(rp.error_estimate, -up),
                            ldexp(rx.error_estimate, -down));
            }
        }
    }
    CHECK(bad == 0, "grid in doubles against extended: %d of %d differ", bad, 2 * CASES);
}

int main(int argc, char **argv)
{
    if (argc < 4 || !check_fixture(argv[3])) {
        fprintf(stderr, "usage: test_continuous DISCRETE.txt SPECIAL.txt CONTINUOUS.txt (could not read it)\n");
        return 2;
    }
    check_errors();
    check_supports();
    check_grid();
    check_grid_passes();
    return check_report("test_continuous");
}
