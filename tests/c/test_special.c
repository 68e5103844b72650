/* Log-gamma, digamma and the log-gamma Bregman difference against 60-digit
 * values (tests/fixtures/special.json, from c/tools/special_constants.py), and
 * identities they must keep. Usage: test_special DISCRETE.txt SPECIAL.txt */
#include "check.h"
#include "../../c/src/special.h"

#include <float.h>
#include <stdlib.h>

/* Relative error, or absolute where the value crosses 0 (lgamma at 1 and 2). */
static double error_of(double got, double want)
{
    return fabs(got - want) / (fabs(want) > 1 ? fabs(want) : fabs(want) > 0.1 ? fabs(want) : 1);
}

int main(int argc, char **argv)
{
    FILE *f = argc > 2 ? fopen(argv[2], "r") : NULL;
    if (!f) {
        fprintf(stderr, "usage: test_special DISCRETE.txt SPECIAL.txt\n");
        return 2;
    }
    int n;
    double worst_lg = 0, worst_dg = 0, worst_root = 0, worst_b = 0;
    if (fscanf(f, "%d", &n) != 1)
        return 2;
    for (int i = 0; i < n; i++) {
        static char xs[2048], lgs[256], dgs[256]; /* a double written out exactly takes up to ~770 digits */
        if (fscanf(f, "%2047s %255s %255s", xs, lgs, dgs) != 3)
            return 2;
        double x = strtod(xs, NULL), lg = strtod(lgs, NULL), dg = strtod(dgs, NULL);
        double e_lg = error_of(infodiv_lgamma(x), lg);
        /* digamma relative everywhere: near its root too (the point of the Taylor series there) */
        double e_dg = dg == 0 ? fabs(infodiv_digamma(x)) : fabs(infodiv_digamma(x) - dg) / fabs(dg);
        CHECK(e_lg < 4e-15, "lgamma(%.17g) = %.17g, want %s (error %.2g)", x, infodiv_lgamma(x), lgs, e_lg);
        CHECK(e_dg < 4e-15, "digamma(%.17g) = %.17g, want %s (relative error %.2g)", x, infodiv_digamma(x), dgs, e_dg);
        if (e_lg > worst_lg) worst_lg = e_lg;
        if (fabs(x - 1.4616321449683622) < 1e-3) {
            if (e_dg > worst_root) worst_root = e_dg;
        } else if (e_dg > worst_dg) {
            worst_dg = e_dg;
        }
    }
    if (fscanf(f, "%d", &n) != 1)
        return 2;
    for (int i = 0; i < n; i++) {
        double a, d;
        char vs[256];
        if (fscanf(f, "%lf %lf %255s", &a, &d, vs) != 3)
            return 2;
        double want = strtod(vs, NULL), got = infodiv_lgamma_bregman(a, d);
        double e = fabs(got - want) / want;
        CHECK(e < 1e-14, "lgamma_bregman(%.17g, %.17g) = %.17g, want %s (relative error %.2g)", a, d, got, vs, e);
        if (e > worst_b) worst_b = e;
    }
    fclose(f);

    /* Identities: Gamma(x+1) = x Gamma(x), psi(x+1) = psi(x) + 1/x; lgamma(n) = log (n-1)!. */
    for (double x = 0.01; x < 30; x *= 1.37) {
        CHECK(fabs(infodiv_lgamma(x + 1) - infodiv_lgamma(x) - log(x)) < 4e-15 * (1 + fabs(infodiv_lgamma(x))),
              "lgamma recurrence at %g", x);
        CHECK(fabs(infodiv_digamma(x + 1) - infodiv_digamma(x) - 1 / x) < 4e-15 * (1 + 1 / x),
              "digamma recurrence at %g", x);
    }
    double factorial = 1;
    for (int k = 1; k <= 25; k++) {
        CHECK(fabs(infodiv_lgamma(k) - log(factorial)) <= 4e-15 * fabs(log(factorial)) + 1e-300,
              "lgamma(%d) = %.17g, want log(%d!) = %.17g", k, infodiv_lgamma(k), k - 1, log(factorial));
        factorial *= k;
    }
    /* The Bregman difference is >= 0 and ~ psi'(a) d^2 / 2 for small d, never cancelled away. */
    for (double a = 1e-3; a < 1e7; a *= 3.7) {
        for (double d = 1e-12; d < 1e-3; d *= 97) {
            double b = infodiv_lgamma_bregman(a, d), b_neg = infodiv_lgamma_bregman(a, -d);
            /* psi'(a) = sum 1/(a+j)^2 ~ by its shifted asymptotic form; only the sign and the d^2 scaling are checked */
            double b2 = infodiv_lgamma_bregman(a, 2 * d);
            CHECK(b > 0 && b_neg > 0, "lgamma_bregman(%g, +-%g) = %g, %g: not > 0", a, d, b, b_neg);
            CHECK(fabs(b2 / b - 4) < 1e-4 + 10 * d / a, "lgamma_bregman(%g, 2d)/lgamma_bregman(%g, d) = %.12g, not ~4 (d = %g)",
                  a, a, b2 / b, d);
        }
    }
    /* t - log1p(t) and e^y - 1 - y: >= 0 and ~ t^2/2, y^2/2. */
    for (double t = 1e-300; t < 1e300; t *= 1e5) {
        CHECK(infodiv_log1p_rest(t) >= 0 && infodiv_expm1_rest(-t) >= 0, "rest functions negative at %g", t);
        if (t < 1e-6 && t > 1e-150) { /* t^2 underflows below 1e-154 */
            CHECK(fabs(infodiv_log1p_rest(t) / (t * t / 2) - 1) < 2e-6 + 1e-15 && fabs(infodiv_log1p_rest(-t) / (t * t / 2) - 1) < 2e-6,
                  "log1p_rest(+-%g) not ~ t^2/2", t);
            CHECK(fabs(infodiv_expm1_rest(-t) / (t * t / 2) - 1) < 2e-6, "expm1_rest(-%g) not ~ t^2/2", t);
        }
    }
    printf("worst: lgamma %.2g, digamma %.2g (near its root %.2g), lgamma_bregman %.2g\n",
           worst_lg, worst_dg, worst_root, worst_b);
    return check_report("test_special");
}
