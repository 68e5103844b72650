/* The parametric closed forms at the extremes of the double range, against
 * tests/fixtures/continuous-extreme.json (700-digit mpmath values written by
 * tests/fixtures/continuous_extreme.py, independent of the library):
 *   KL(P||Q)  within 1e-13 relative error, exactly 0 where the reference is 0,
 *             INFINITY where it is Infinity, and never negative (nor NaN), in
 *             every case, whether or not the case has a reference KL;
 *   H(P), H(P,Q)  within 1e-13 * max(|value|, scale), scale the sum of the
 *             absolute values of the terms of the textbook formula (a
 *             differential entropy can cross 0), exactly +-INFINITY where the
 *             reference is +-Infinity;
 *   infodiv_dist_entropy equal to infodiv_dist_kl's entropy_p.
 * Values the fixture marks as not checked (outside [1e-290, 1e290]) or not
 * computed (Poisson and binomial entropies of variance above 1e5) are "-".
 * Prints, per family (or cross-family pair) and measure, the number of values
 * checked and the worst error measured (|got - want| / |want| for KL,
 * |got - want| / max(|want|, scale) for the others), and every failing case.
 * A case whose call does not return within TIMEOUT_S seconds (a loop that
 * never ends) fails as such: SIGALRM jumps back here (the library keeps no
 * state and allocates nothing, so abandoning a call is harmless) and the
 * next case runs.
 * Usage: test_extreme DISCRETE.txt SPECIAL.txt CONTINUOUS.txt EXTREME.txt */
#define _POSIX_C_SOURCE 200809L
#include "check.h"
#include "infodiv.h"

#include <setjmp.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define TIMEOUT_S 30
static sigjmp_buf timeout_jump;

static void on_alarm(int sig)
{
    (void)sig;
    siglongjmp(timeout_jump, 1);
}

#define MAX_K 8
#define MAX_GROUPS 32
#define TOL 1e-13

static double scratch[INFODIV_DIST_SCRATCH(MAX_K)];

typedef struct {
    infodiv_dist d;
    double v[MAX_K], m[MAX_K * MAX_K];
} stored_dist;

static const char *const MEASURE_NAMES[3] = { "entropy_p", "cross_entropy_pq", "kl_pq" };
static const char *const FAMILY_NAMES[] = { "?", "normal", "logNormal", "exponential", "gamma", "beta", "uniform",
                                            "laplace", "cauchy", "multivariateNormal", "dirichlet", "bernoulli",
                                            "binomial", "poisson", "geometric", "categorical" };

typedef struct {
    char name[64];
    int checked[3], failed[3];
    double worst[3];
    char worst_case[3][128];
} group_stats;

static group_stats groups[MAX_GROUPS];
static int n_groups;

static group_stats *group_of(const char *name)
{
    for (int i = 0; i < n_groups; i++)
        if (strcmp(groups[i].name, name) == 0)
            return &groups[i];
    if (n_groups == MAX_GROUPS)
        return NULL;
    group_stats *g = &groups[n_groups++];
    memset(g, 0, sizeof *g);
    snprintf(g->name, sizeof g->name, "%s", name);
    return g;
}

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

/* "normal(mu, sigma)"-like text of a distribution, every number with %.17g. */
static void describe(const infodiv_dist *d, char *buf, size_t len)
{
    const char *fam = d->family >= 1 && d->family <= 15 ? FAMILY_NAMES[d->family] : "?";
    size_t used = (size_t)snprintf(buf, len, "%s(", fam);
    if (d->family == INFODIV_MULTIVARIATE_NORMAL || d->family == INFODIV_DIRICHLET) {
        for (size_t i = 0; i < d->k && used < len; i++)
            used += (size_t)snprintf(buf + used, len - used, "%s%.17g", i ? ", " : "[", d->v[i]);
        if (used < len)
            used += (size_t)snprintf(buf + used, len - used, "]");
        for (size_t i = 0; d->m && i < d->k * d->k && used < len; i++)
            used += (size_t)snprintf(buf + used, len - used, "%s%.17g", i ? (i % d->k ? ", " : "], [") : ", [[", d->m[i]);
        if (d->m && used < len)
            used += (size_t)snprintf(buf + used, len - used, "]]");
    } else if (d->family == INFODIV_EXPONENTIAL || d->family == INFODIV_BERNOULLI || d->family == INFODIV_POISSON
               || d->family == INFODIV_GEOMETRIC) {
        used += (size_t)snprintf(buf + used, len - used, "%.17g", d->a);
    } else {
        used += (size_t)snprintf(buf + used, len - used, "%.17g, %.17g", d->a, d->b);
    }
    if (used < len)
        snprintf(buf + used, len - used, ")");
}

/* The error of got against want in units of the tolerance's base; infinite when
 * an exact value (0 or an infinity) is missed or got is NaN. */
static double error_of(double got, double want, double base)
{
    if (want == 0 || isinf(want))
        return got == want ? 0 : INFINITY;
    if (!isfinite(got))
        return INFINITY;
    return fabs(got - want) / base;
}

static int check_fixture(const char *path)
{
    FILE *f = fopen(path, "r");
    int n;
    if (!f || fscanf(f, "%d", &n) != 1)
        return 0;
    volatile int fails = 0;
    for (int c = 0; c < n; c++) {
        char name[128], group[64], text[5][64];
        stored_dist p, q;
        if (fscanf(f, "%127s %63s", name, group) != 2 || !read_dist(f, &p) || !read_dist(f, &q)
            || fscanf(f, "%63s %63s %63s %63s %63s", text[0], text[1], text[2], text[3], text[4]) != 5) {
            fclose(f);
            return 0;
        }
        group_stats *volatile g = group_of(group);
        if (!g) {
            fclose(f);
            return 0;
        }
        char pd[512], qd[512];
        describe(&p.d, pd, sizeof pd);
        describe(&q.d, qd, sizeof qd);
        static infodiv_dist_measure_set m;
        static double h;
        static int s1, s2;
        if (sigsetjmp(timeout_jump, 1)) {
            CHECK(0, "%s [%s]: P = %s, Q = %s: no result within %d s (an endless loop?)", name, group, pd, qd, TIMEOUT_S);
            fails++;
            for (int i = 0; i < 3; i++)
                if (strcmp(text[i], "-") != 0) {
                    g->checked[i]++, g->failed[i]++, g->worst[i] = INFINITY;
                    snprintf(g->worst_case[i], sizeof g->worst_case[i], "%s", name);
                }
            continue;
        }
        alarm(TIMEOUT_S);
        s1 = infodiv_dist_kl(&p.d, &q.d, NULL, scratch, sizeof scratch / sizeof *scratch, &m, NULL);
        s2 = infodiv_dist_entropy(&p.d, NULL, scratch, sizeof scratch / sizeof *scratch, &h, NULL);
        alarm(0);
        CHECK(s1 == INFODIV_OK && s2 == INFODIV_OK, "%s [%s]: P = %s, Q = %s: status %d (%s), entropy status %d", name,
              group, pd, qd, s1, infodiv_strerror(s1), s2);
        int case_failed = s1 != INFODIV_OK || s2 != INFODIV_OK;
        /* a failed call counts as NaN for its measures (the other call's are still checked) */
        double got[3] = { s2 == INFODIV_OK ? h : NAN, s1 == INFODIV_OK ? m.cross_entropy_pq : NAN,
                          s1 == INFODIV_OK ? m.kl_pq : NAN };
        if (s1 == INFODIV_OK && s2 == INFODIV_OK) {
            int same = h == m.entropy_p || (isnan(h) && isnan(m.entropy_p));
            CHECK(same, "%s [%s]: P = %s: infodiv_dist_entropy %.17g != infodiv_dist_kl's entropy_p %.17g", name, group,
                  pd, h, m.entropy_p);
            case_failed |= !same;
        }
        if (s1 == INFODIV_OK) {
            CHECK(m.kl_pq >= 0, "%s [%s]: P = %s, Q = %s: KL %.17g is negative or NaN", name, group, pd, qd, m.kl_pq);
            case_failed |= !(m.kl_pq >= 0);
        }
        for (int i = 0; i < 3; i++) {
            if (strcmp(text[i], "-") == 0)
                continue;
            double want = strtod(text[i], NULL);
            double scale = i < 2 && strcmp(text[3 + i], "-") != 0 ? strtod(text[3 + i], NULL) : 0;
            double base = fabs(want) > scale ? fabs(want) : scale;
            double e = error_of(got[i], want, base);
            int ok = e <= TOL;
            g->checked[i]++;
            if (!(e <= g->worst[i]) || !g->worst_case[i][0]) {
                g->worst[i] = e;
                snprintf(g->worst_case[i], sizeof g->worst_case[i], "%s", name);
            }
            if (!ok) {
                g->failed[i]++;
                case_failed = 1;
            }
            CHECK(ok, "%s [%s] %s: P = %s, Q = %s: got %.17g, want %s (error %.3g of max(|want|, scale %s), tolerance %g)",
                  name, group, MEASURE_NAMES[i], pd, qd, got[i], text[i], e, i < 2 ? text[3 + i] : "-", TOL);
        }
        fails += case_failed;
    }
    fclose(f);
    printf("extreme reference data: %d cases, %d failing; worst errors per family and measure\n", n, fails);
    printf("(KL: |got - want| / |want|; entropy, cross-entropy: |got - want| / max(|want|, scale); tolerance %g)\n",
           TOL);
    printf("%-20s %-17s %8s %8s %10s  %s\n", "family", "measure", "checked", "failed", "worst", "worst case");
    for (int i = 0; i < n_groups; i++)
        for (int j = 0; j < 3; j++)
            if (groups[i].checked[j])
                printf("%-20s %-17s %8d %8d %10.2g  %s\n", groups[i].name, MEASURE_NAMES[j], groups[i].checked[j],
                       groups[i].failed[j], groups[i].worst[j], groups[i].worst_case[j]);
    return 1;
}

int main(int argc, char **argv)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_alarm;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGALRM, &sa, NULL);
    if (argc < 5 || !check_fixture(argv[4])) {
        fprintf(stderr, "usage: test_extreme DISCRETE.txt SPECIAL.txt CONTINUOUS.txt EXTREME.txt (could not read it)\n");
        return 2;
    }
    return check_report("test_extreme");
}
