/* Inputs that tests/fuzz (the libFuzzer harness) found to break a documented
 * property, each fixed in c/src; one check per finding, with its commit's
 * subject. Usage: test_regressions (no data files). */
#include "check.h"
#include "infodiv.h"

#include <float.h>
#include <math.h>

/* Fills v from (value, count) runs; returns the length. */
static size_t fill_runs(double *v, const double (*runs)[2], size_t k)
{
    size_t n = 0;
    for (size_t r = 0; r < k; r++)
        for (size_t c = 0; c < (size_t)runs[r][1]; c++)
            v[n++] = runs[r][0];
    return n;
}

int main(void)
{
    /* KL is never negative: a subnormal entry whose ratio is near 1 gave
     * -4.9e-324 through kl_share()'s far form (discrete.c). */
    {
        const double p[] = { 0x1.98p+1, 0x0.fffffffffffffp-1022, 0, 0, 0 };
        const double q[] = { 0x1.98p+0, 0x0.8p-1022, 0, 0, 0 };
        const infodiv_options bits = { 2, 1 };
        double kl_e, kl_2;
        infodiv_measure_set m;
        CHECK(infodiv_kl(p, q, 5, NULL, &kl_e, NULL) == INFODIV_OK && kl_e >= 0 && !signbit(kl_e), "KL %g", kl_e);
        CHECK(infodiv_kl(p, q, 5, &bits, &kl_2, NULL) == INFODIV_OK && kl_2 >= 0, "KL in bits %g", kl_2);
        CHECK(infodiv_measures(p, q, 5, NULL, &m, NULL) == INFODIV_OK && m.kl_pq >= 0 && m.kl_qp >= 0,
              "measures: KL %g %g", m.kl_pq, m.kl_qp);
    }
    /* A subnormal Poisson rate (or Bernoulli p): phi(x/y) with x/y = inf was
     * NaN, so the entropy's sum never ended and KL was NO_CLOSED_FORM
     * (continuous.c, bregman_term()). */
    {
        const double tiny = 1e-310;
        infodiv_dist pois = { INFODIV_POISSON, tiny, 0, 0, NULL, NULL }, one = { INFODIV_POISSON, 1, 0, 0, NULL, NULL };
        infodiv_dist bern = { INFODIV_BERNOULLI, 0.5, 0, 0, NULL, NULL }, bern_tiny = { INFODIV_BERNOULLI, tiny, 0, 0, NULL, NULL };
        double h, lp[2];
        const double x[2] = { 0, 1 };
        infodiv_dist_measure_set m;
        /* H = rate (1 - log rate) + O(rate^2) */
        CHECK(infodiv_dist_entropy(&pois, NULL, NULL, 0, &h, NULL) == INFODIV_OK && close_rel(h, tiny * (1 - log(tiny)), 1e-12),
              "H(Poisson(1e-310)) %g", h);
        /* KL(Poisson(1) || Poisson(r)) = log(1/r) - 1 + r */
        CHECK(infodiv_dist_kl(&one, &pois, NULL, NULL, 0, &m, NULL) == INFODIV_OK && close_rel(m.kl_pq, -log(tiny) - 1, 1e-14),
              "KL(Poisson(1) || Poisson(1e-310)) %g", m.kl_pq);
        /* KL(Bernoulli(0.5) || Bernoulli(r)) = 0.5 log(0.5/r) + 0.5 log(0.5/(1-r)) */
        CHECK(infodiv_dist_kl(&bern, &bern_tiny, NULL, NULL, 0, &m, NULL) == INFODIV_OK
                  && close_rel(m.kl_pq, 0.5 * (log(0.5) - log(tiny)) + 0.5 * log(0.5), 1e-14),
              "KL(Bernoulli(0.5) || Bernoulli(1e-310)) %g", m.kl_pq);
        CHECK(infodiv_dist_log_density(&pois, x, 2, lp, NULL) == INFODIV_OK && close_rel(lp[0], -tiny, 1e-15)
                  && close_rel(lp[1], log(tiny) - tiny, 1e-14),
              "log P(Poisson(1e-310)): %g %g", lp[0], lp[1]);
    }
    /* H(Q,P) with an entry of P subnormal after scaling: its surprisal came
     * from the rounded scaled entry (3 * 2^-1074 halved is 2^-1073), relative
     * error 4e-11 (discrete.c, surprisal()). */
    {
        const double p[] = { 0x1p-1074, 0x3p-1074, 0x1.87e92154ef7acp-665, 0.5, 3 };
        const double q[] = { 10, 0x1.0c6f7a0b5ed8dp-20, 0, 0, 0 };
        /* -sum q^ log p^, each term to ~1e-16 in double: the logs are far from 0 */
        double sp = 3.5 + 0x1.87e92154ef7acp-665 + 0x4p-1074, sq = 10 + 0x1.0c6f7a0b5ed8dp-20;
        double want = (10 / sq) * (log(sp) - log(0x1p-1074)) + (0x1.0c6f7a0b5ed8dp-20 / sq) * (log(sp) - log(0x3p-1074));
        double ce;
        infodiv_measure_set m;
        CHECK(infodiv_cross_entropy(q, p, 5, NULL, &ce, NULL) == INFODIV_OK && close_rel(ce, want, 1e-14),
              "H(Q,P) %.17g, want %.17g", ce, want);
        CHECK(infodiv_measures(p, q, 5, NULL, &m, NULL) == INFODIV_OK && close_rel(m.cross_entropy_qp, want, 1e-14),
              "measures: H(Q,P) %.17g, want %.17g", m.cross_entropy_qp, want);
    }
    /* A NULL covariance is err->param 4 (m), as infodiv.h says, not 3 (v). */
    {
        const double mean[2] = { 0, 0 };
        infodiv_dist mvn = { INFODIV_MULTIVARIATE_NORMAL, 0, 0, 2, mean, NULL };
        double scratch[INFODIV_DIST_SCRATCH(2)], h;
        infodiv_error err = { 0, 0, 0, 0 };
        CHECK(infodiv_dist_entropy(&mvn, NULL, scratch, INFODIV_DIST_SCRATCH(2), &h, &err) == INFODIV_NULL && err.param == 4
                  && err.arg == INFODIV_ARG_P,
              "NULL cov: param %d", err.param);
    }
    /* normalize off, a sum beyond DBL_MAX: err->value is the sum, +inf, not NaN. */
    {
        const double big[] = { 1.7976931348623157e308, 1.7976931348623157e308 };
        const infodiv_options raw = { INFODIV_E, 0 };
        infodiv_error err = { 0, 0, 0, 0 };
        double h;
        CHECK(infodiv_entropy(big, 2, &raw, &h, &err) == INFODIV_NOT_NORMALIZED && err.value == INFINITY,
              "overflowed sum reported as %g", err.value);
    }
    /* Cauchy's log density far out: z = (x - loc)/scale overflowed, giving -inf
     * for x = DBL_MAX; it is -log(pi) + log(scale) - 2 log(x - loc). */
    {
        infodiv_dist cauchy = { INFODIV_CAUCHY, 0, 0.125, 0, NULL, NULL };
        const double x[1] = { 1.7976931348623157e308 };
        double lp[1];
        double want = -log(3.14159265358979323846) + log(0.125) - 2 * log(x[0]);
        CHECK(infodiv_dist_log_density(&cauchy, x, 1, lp, NULL) == INFODIV_OK && close_rel(lp[0], want, 1e-14),
              "Cauchy log density at DBL_MAX: %.17g, want %.17g", lp[0], want);
    }
    /* kl_grid with q = 1e-307 where p ~ 0.8: phi(p/q) overflowed, KL inf and
     * the error estimate inf - inf = NaN (continuous.c, bregman_term()). */
    {
        const double x[3] = { 0, 1.375, 3.25 }, p[3] = { 1, 0x1.943c2bd25bfdbp-1, 0 };
        const double q[3] = { 0x1.c3d6a24ed8222p-1, 0x1.8484848484848p-1019, 0x1.0febd05111292p-1 };
        infodiv_grid_result g;
        CHECK(infodiv_kl_grid(x, p, q, 3, NULL, &g, NULL) == INFODIV_OK && isfinite(g.kl) && g.kl > 0 && isfinite(g.error_estimate),
              "kl_grid with q = 1e-307: %g (estimate %g)", g.kl, g.error_estimate);
    }
    /* H(P,Q) = +inf when KL is, even if H(P) is -inf (it was NaN). */
    {
        infodiv_dist g = { INFODIV_GAMMA, 0x1p-1074, 65535, 0, NULL, NULL }, b = { INFODIV_BETA, 2, 2, 0, NULL, NULL };
        infodiv_dist_measure_set m;
        CHECK(infodiv_dist_kl(&g, &b, NULL, NULL, 0, &m, NULL) == INFODIV_OK && m.kl_pq == INFINITY && m.cross_entropy_pq == INFINITY,
              "Gamma(5e-324) || Beta: KL %g, H(P,Q) %g", m.kl_pq, m.cross_entropy_pq);
    }
    /* Dirichlet alpha 1e300 against 5: lgamma_bregman's shifts never ended (a + d
     * rounded to 0; a hang and signed overflow). It must return; the value is
     * not accurate there (the Beta/Dirichlet KL is a difference, see the report). */
    {
        const double a[2] = { 1e300, 1 }, b[2] = { 5, 5 };
        infodiv_dist p = { INFODIV_DIRICHLET, 0, 0, 2, a, NULL }, q = { INFODIV_DIRICHLET, 0, 0, 2, b, NULL };
        infodiv_dist_measure_set m;
        CHECK(infodiv_dist_kl(&p, &q, NULL, NULL, 0, &m, NULL) == INFODIV_OK, "Dirichlet(1e300, 1) || Dirichlet(5, 5) returns");
    }
    /* The symmetry test's scale sqrt(cov_ii cov_jj) overflowed for variances of
     * 1e200, so a covariance with cov01 = 0, cov10 = 1e190 passed as symmetric. */
    {
        const double mean[2] = { 0, 0 }, cov[4] = { 1e200, 0, 1e190, 1e200 }, tiny[4] = { 1e-200, 0, 1e-300, 1e-200 };
        double scratch[INFODIV_DIST_SCRATCH(2)], h;
        infodiv_dist d = { INFODIV_MULTIVARIATE_NORMAL, 0, 0, 2, mean, cov }, t = { INFODIV_MULTIVARIATE_NORMAL, 0, 0, 2, mean, tiny };
        infodiv_error err;
        CHECK(infodiv_dist_entropy(&d, NULL, scratch, INFODIV_DIST_SCRATCH(2), &h, &err) == INFODIV_NOT_SYMMETRIC, "1e200 variances");
        /* and 1e-300 against 0 is within 1e-12 of sqrt(1e-200 * 1e-200) = 1e-200: symmetric */
        CHECK(infodiv_dist_entropy(&t, NULL, scratch, INFODIV_DIST_SCRATCH(2), &h, &err) == INFODIV_OK, "1e-200 variances");
    }
    /* kl_grid, normalize off: p/q beyond DBL_MAX at a point made KL inf and the
     * error estimate NaN; p log(p/q) there is 3.7e144 * 835, finite. */
    {
        const double x[3] = { 0, 1, 2 }, p[3] = { 1, 3.7e144, 1 }, q[3] = { 1, 9e-219, 1 };
        const infodiv_options raw = { INFODIV_E, 0 };
        infodiv_grid_result g;
        CHECK(infodiv_kl_grid(x, p, q, 3, &raw, &g, NULL) == INFODIV_OK && isfinite(g.kl) && isfinite(g.error_estimate)
                  && close_rel(g.kl, 4.0 / 3 * 3.7e144 * (log(3.7e144) - log(9e-219)), 1e-14),
              "kl_grid raw with p/q = 4e362: %g (estimate %g)", g.kl, g.error_estimate);
    }
    /* Logits spanning more than DBL_MAX: a_i - max a overflowed to -inf and
     * dropped outcomes of real probability (KL +inf where it is 1e308; H(P)
     * 0 where P = softmax(-2, 0)). Expected values of this and the next
     * two logits checks: mpmath at 3000 bits, in log space,
     *   import mpmath as mp; mp.mp.prec = 3000
     *   def lsm(a, T): s = [(mp.mpf(x) - max(a)) / T for x in a]; z = mp.log(mp.fsum(map(mp.exp, s)))
     *                  return [x - z for x in s]
     *   la, lb = lsm(a, T), lsm(b, T); p = list(map(mp.exp, la))
     *   KL = mp.fsum(pi * (x - y) for pi, x, y in zip(p, la, lb)), and so on,
     * each value rounded to 17 digits. */
    {
        const double a[2] = { 1e308, -1e308 }, b[2] = { -1e308, 1e308 };
        double kl;
        infodiv_measure_set m;
        CHECK(infodiv_kl_logits(a, b, 2, 2, NULL, &kl, NULL) == INFODIV_OK && close_rel(kl, 1e308, 1e-15),
              "kl_logits(+-1e308, T = 2) %.17g, want 1e308", kl);
        CHECK(infodiv_measures_logits(a, b, 2, 2, NULL, &m, NULL) == INFODIV_OK && close_rel(m.kl_pq, 1e308, 1e-15)
                  && close_rel(m.kl_qp, 1e308, 1e-15) && close_rel(m.cross_entropy_pq, 1e308, 1e-15)
                  && close_rel(m.js, 0.69314718055994531, 1e-15) && m.entropy_p == 0,
              "measures_logits(+-1e308, T = 2): KL %.17g %.17g H(P,Q) %.17g JS %.17g", m.kl_pq, m.kl_qp,
              m.cross_entropy_pq, m.js);
    }
    {
        const double a[2] = { -DBL_MAX, DBL_MAX }, b[2] = { DBL_MAX, DBL_MAX };
        const double want[7] = { 0.36533385508720761, 0.69314718055994531, 0.69314718055994531, 1.1269280110429725,
                                 0.32781332547273770, 0.43378083048302719, 0.089540896498014281 };
        infodiv_measure_set m;
        double kl;
        CHECK(infodiv_measures_logits(a, b, 2, DBL_MAX, NULL, &m, NULL) == INFODIV_OK, "measures_logits(-+DBL_MAX)");
        const double got[7] = { m.entropy_p, m.entropy_q, m.cross_entropy_pq, m.cross_entropy_qp, m.kl_pq, m.kl_qp, m.js };
        for (int k = 0; k < 7; k++)
            CHECK(close_rel(got[k], want[k], 1e-14), "measures_logits(-+DBL_MAX, T = DBL_MAX)[%d] %.17g, want %.17g", k,
                  got[k], want[k]);
        CHECK(infodiv_kl_logits(a, b, 2, DBL_MAX, NULL, &kl, NULL) == INFODIV_OK && close_rel(kl, want[4], 1e-14),
              "kl_logits(-+DBL_MAX, T = DBL_MAX) %.17g", kl);
    }
    /* b'_1 = -1.8e305/1e-3 overflows on its own while p_1 log(p_1/q_1) =
     * e^-700 * 1.8e308 is 1.8e4: KL was +inf. */
    {
        const double a[2] = { 0, -0.7 }, b[2] = { 0, -1.8e305 };
        double kl;
        infodiv_measure_set m;
        CHECK(infodiv_kl_logits(a, b, 2, 1e-3, NULL, &kl, NULL) == INFODIV_OK && close_rel(kl, 17747.417778768633, 1e-15),
              "kl_logits(b'_1 beyond DBL_MAX) %.17g, want 17747.417778768633", kl);
        CHECK(infodiv_measures_logits(a, b, 2, 1e-3, NULL, &m, NULL) == INFODIV_OK && m.kl_pq == kl
                  && close_rel(m.cross_entropy_pq, 17747.417778768633, 1e-15)
                  && close_rel(m.kl_qp, 9.8596765437603524e-305, 1e-15) && close_rel(m.js, 3.4171034987702572e-305, 1e-15),
              "measures_logits(b'_1 beyond DBL_MAX): KL %.17g H(P,Q) %.17g", m.kl_pq, m.cross_entropy_pq);
    }
    /* Logits of 1e20 (ulp 16384) beside logits of 0 and -5, T = 1e-3:
     * (a_i - b_i) - (max a - max b) rounded the gap of 5000 away, and
     * kl_logits gave +inf where KL is 5000 (measures_logits was right). */
    {
        const double a[2] = { 1e20, 1e20 + 16384 }, b[2] = { 0, -5 };
        double kl;
        infodiv_measure_set m;
        CHECK(infodiv_kl_logits(a, b, 2, 1e-3, NULL, &kl, NULL) == INFODIV_OK && close_rel(kl, 5000, 1e-15),
              "kl_logits(1e20 and 0, T = 1e-3) %.17g, want 5000", kl);
        CHECK(infodiv_measures_logits(a, b, 2, 1e-3, NULL, &m, NULL) == INFODIV_OK && m.kl_pq == kl
                  && close_rel(m.kl_qp, 16384000, 1e-15) && close_rel(m.js, 0.69314718055994531, 1e-15),
              "measures_logits(1e20 and 0, T = 1e-3): KL %.17g %.17g JS %.17g", m.kl_pq, m.kl_qp, m.js);
    }
    /* klTerms where p_0/q_0 - 1 is 1e-28 relative to the entry (p_0, q_0 one
     * ulp apart near 1e-297, beside a subnormal entry): u = p^/q^ - 1 was
     * formed to eps^2 of 1 only, 1.4e-5 relative on the term. mpmath at
     * 3000 bits on the doubles as given: -1.943306672980062e-28 and
     * 1.9433066729800621e-28. */
    {
        const double p[2] = { 1.1971717628705414e-297, 8.2033222223827e-310 };
        const double q[2] = { 1.1971717628705417e-297, 8.2033222223827e-310 };
        double t[2];
        CHECK(infodiv_kl_terms(p, q, 2, NULL, t, NULL) == INFODIV_OK && close_rel(t[0], -1.943306672980062e-28, 1e-15)
                  && close_rel(t[1], 1.9433066729800621e-28, 1e-15),
              "kl_terms near 1e-297: %.17g %.17g", t[0], t[1]);
    }
    /* klTerms of Q = 2.5 P but for one entry (2.5 (1 + 1.1e-15)): the terms of
     * the other outcomes, 1.5e-33 and 6.8e-36, came only from S_q/S_p, which a
     * double-double sum holds to eps^2 of 1: they were 0. mpmath at 3000 bits
     * on these doubles, as above. */
    {
        const double p[3] = { 1.8105775864050666e-19, 0.12980206115652482, 0.0005702109836654419 };
        const double q[3] = { 4.526443966012671e-19, 0.32450515289131204, 0.0014255274591636047 };
        const double want[3] = { -1.5511169732718023e-33, 1.5443328318237014e-33, 6.784141448101844e-36 };
        double t[3];
        CHECK(infodiv_kl_terms(p, q, 3, NULL, t, NULL) == INFODIV_OK, "kl_terms of Q = 2.5 P");
        for (int i = 0; i < 3; i++)
            CHECK(close_rel(t[i], want[i], 1e-15), "kl_terms of Q = 2.5 P: term %d %.17g, want %.17g", i, t[i], want[i]);
    }
    /* Q = c P exactly, c = 1 - 25 2^-25, with entries from 2^-4 to 2^53: KL and
     * every klTerms term are exactly 0 in every order of the outcomes (a
     * numerator resolved to eps^3 against the sums' eps^2 gave 1.9e-65 in
     * some orders; found by tests/fuzz). */
    {
        const double p[10] = { 0x1.4p-1, 0x1p-3, 0x1p-2, 0x1p+53, 0x1.4p+1, 0x1.2p-1, 0x1.4p-1, 0x1p-4, 0x1.4p-2, 0x1.3ffff06p-2 };
        const double q[10] = { 0x1.3ffff06p-1, 0x1.ffffe7p-4, 0x1.ffffe7p-3, 0x1.ffffe7p+52, 0x1.3ffff06p+1,
                               0x1.1ffff1fp-1, 0x1.3ffff06p-1, 0x1.ffffe7p-5, 0x1.3ffff06p-2, 0x1.3fffe0c000c35p-2 };
        for (int shift = 0; shift < 10; shift++) {
            double a[10], b[10], t[10], kl;
            infodiv_measure_set m;
            for (int i = 0; i < 10; i++)
                a[i] = p[(i + shift) % 10], b[i] = q[(i + shift) % 10];
            CHECK(infodiv_measures(a, b, 10, NULL, &m, NULL) == INFODIV_OK && m.kl_pq == 0 && m.kl_qp == 0 && m.js == 0
                      && infodiv_kl(a, b, 10, NULL, &kl, NULL) == INFODIV_OK && kl == 0,
                  "Q = c P, shift %d: KL %g %g JS %g kl %g", shift, m.kl_pq, m.kl_qp, m.js, kl);
            CHECK(infodiv_kl_terms(a, b, 10, NULL, t, NULL) == INFODIV_OK, "kl_terms Q = c P");
            for (int i = 0; i < 10; i++)
                CHECK(t[i] == 0, "kl_terms Q = c P, shift %d: term %d is %g", shift, i, t[i]);
        }
    }
    /* KL(Dir(2, DBL_MAX) || Dir(0.01, 0.125)) = 10.61942468542681488... (mpmath,
     * 700 digits): off by 2.4e-13, as G(DBL_MAX, 0.125) and G(DBL_MAX + 2,
     * 0.135) (both ~356, apart by 0.06) were each summed from sixteen shifts
     * of log(a/b) ~ 700 (special.c, matched_kl_far_below; found by tests/fuzz). */
    {
        const double a[2] = { 2, DBL_MAX }, b[2] = { 0.01, 0.125 };
        infodiv_dist p = { INFODIV_DIRICHLET, 0, 0, 2, a, NULL }, q = { INFODIV_DIRICHLET, 0, 0, 2, b, NULL };
        infodiv_dist_measure_set m;
        CHECK(infodiv_dist_kl(&p, &q, NULL, NULL, 0, &m, NULL) == INFODIV_OK
                  && close_rel(m.kl_pq, 10.6194246854268148827682830635, 5e-15),
              "KL(Dir(2, DBL_MAX) || Dir(0.01, 0.125)) %.17g", m.kl_pq);
    }
    /* KL(Beta(1e-8, 3) || Beta(1e-20, 1e300)) = 3.94934066077657446352e291
     * (mpmath, 700 digits): off by 9e-8 relative, as G(3, 1e300) -
     * G(3 + 1e-8, 1e300 + 1e-20), two values of 1.8e299, was formed as a
     * difference (continuous.c, matched_kl_far_step; found by tests/fuzz). */
    {
        infodiv_dist p = { INFODIV_BETA, 1e-8, 3, 0, NULL, NULL }, q = { INFODIV_BETA, 1e-20, 1e300, 0, NULL, NULL };
        infodiv_dist_measure_set m;
        CHECK(infodiv_dist_kl(&p, &q, NULL, NULL, 0, &m, NULL) == INFODIV_OK
                  && close_rel(m.kl_pq, 3.94934066077657446352e291, 1e-14),
              "KL(Beta(1e-8, 3) || Beta(1e-20, 1e300)) %.17g", m.kl_pq);
        /* and beside DBL_MAX: d g'(x) h formed as (d g'(x)) h overflowed; 2.2013340120185785290e303 */
        infodiv_dist p2 = { INFODIV_BETA, 1e-6, 0.3, 0, NULL, NULL }, q2 = { INFODIV_BETA, 3.375, DBL_MAX, 0, NULL, NULL };
        CHECK(infodiv_dist_kl(&p2, &q2, NULL, NULL, 0, &m, NULL) == INFODIV_OK
                  && close_rel(m.kl_pq, 2.2013340120185785290e303, 1e-14),
              "KL(Beta(1e-6, 0.3) || Beta(3.375, DBL_MAX)) %.17g", m.kl_pq);
    }
    /* KL(Beta(2.2250738585072014e-308, 2.0e-320) || Beta(2.2250738941083831e-308,
     * 2.0e-320)) = 2.3283063968315821698e-28 (mpmath, 1500 digits): off by
     * 2.8e-5, as G(a_1, b_1) - G(a0, b0), both 1.3e-16, were apart; below
     * 2^-500 matched_kl_step could not take over (continuous.c,
     * matched_kl_tiny_step; found by tests/fuzz). */
    {
        infodiv_dist p = { INFODIV_BETA, 2.2250738585072014e-308, 2.0236928853657458e-320, 0, NULL, NULL };
        infodiv_dist q = { INFODIV_BETA, 2.2250738941083831e-308, 2.0236928853657458e-320, 0, NULL, NULL };
        infodiv_dist_measure_set m;
        CHECK(infodiv_dist_kl(&p, &q, NULL, NULL, 0, &m, NULL) == INFODIV_OK
                  && close_rel(m.kl_pq, 2.3283063968315821698e-28, 1e-14),
              "KL(Beta(2.2e-308, 2e-320) || Beta(2.2e-308 (1 + 1.6e-8), 2e-320)) %.17g", m.kl_pq);
    }
    /* KL(Beta(2^-1022, 5.5e-304) || Beta(4, 1e-300)) = 1.7976199776219171646e308
     * (mpmath, 1500 digits), below DBL_MAX, was +inf: G(2^-1022, 4) ~ 4/2^-1022
     * passes DBL_MAX where the sum does not (special.c,
     * infodiv_gamma_matched_kl_scaled; found by tests/fuzz). */
    {
        infodiv_dist p = { INFODIV_BETA, 0x1p-1022, 5.4674522958161596e-304, 0, NULL, NULL };
        infodiv_dist q = { INFODIV_BETA, 4, 1e-300, 0, NULL, NULL };
        infodiv_dist_measure_set m;
        CHECK(infodiv_dist_kl(&p, &q, NULL, NULL, 0, &m, NULL) == INFODIV_OK
                  && close_rel(m.kl_pq, 1.7976199776219171646e308, 1e-14),
              "KL(Beta(2^-1022, 5.5e-304) || Beta(4, 1e-300)) %.17g", m.kl_pq);
        /* two G_i of 1.3e308 and 1.1e308, each finite, their sum not: 1.1470646979950913565e308 */
        infodiv_dist p2 = { INFODIV_BETA, 0x1p-1022, 6.8012717060493392e-309, 0, NULL, NULL };
        infodiv_dist q2 = { INFODIV_BETA, 2.875, 0.75, 0, NULL, NULL };
        CHECK(infodiv_dist_kl(&p2, &q2, NULL, NULL, 0, &m, NULL) == INFODIV_OK
                  && close_rel(m.kl_pq, 1.1470646979950913565e308, 1e-14),
              "KL(Beta(2^-1022, 6.8e-309) || Beta(2.875, 0.75)) %.17g", m.kl_pq);
        /* and G(a0, b0) itself beyond DBL_MAX: 7.9772632859515268405e307, was 0 */
        infodiv_dist p3 = { INFODIV_BETA, 0x1p-1022, 5.5626846462680035e-309, 0, NULL, NULL };
        infodiv_dist q3 = { INFODIV_BETA, 4.875, 0.25, 0, NULL, NULL };
        CHECK(infodiv_dist_kl(&p3, &q3, NULL, NULL, 0, &m, NULL) == INFODIV_OK
                  && close_rel(m.kl_pq, 7.9772632859515268405e307, 1e-14),
              "KL(Beta(2^-1022, 5.6e-309) || Beta(4.875, 0.25)) %.17g", m.kl_pq);
    }
    /* Gamma(1, rate 1 + 2^-52) log density at 1e-200 = log(1 + 2^-52) - 1e-200 (1 + 2^-52)
     * = 2.2204460492503128343e-16: was 2.0e-14, from Stirling's form, whose terms
     * (460) cancel there (continuous.c, gamma_log_density; found by tests/fuzz). */
    {
        infodiv_dist g = { INFODIV_GAMMA, 1, 1.0000000000000002, 0, NULL, NULL };
        const double x = 1e-200;
        double lp;
        CHECK(infodiv_dist_log_density(&g, &x, 1, &lp, NULL) == INFODIV_OK && close_rel(lp, 2.2204460492503128343e-16, 1e-14),
              "log density of Gamma(1, 1 + 2^-52) at 1e-200: %.17g", lp);
    }
    /* Normal(-DBL_MAX, 1e200) log density at 1e300: x - mean passed DBL_MAX, so
     * -inf; exact -z^2/2 - log(sigma) - log(2 pi)/2 = -1.615850321542481488e216
     * (continuous.c, standardized(); found by tests/fuzz). Laplace and Cauchy alike. */
    {
        infodiv_dist n = { INFODIV_NORMAL, -DBL_MAX, 1e200, 0, NULL, NULL };
        infodiv_dist l = { INFODIV_LAPLACE, -DBL_MAX, 1e200, 0, NULL, NULL };
        const double x = 1e300;
        double lp, ll;
        CHECK(infodiv_dist_log_density(&n, &x, 1, &lp, NULL) == INFODIV_OK && close_rel(lp, -1.615850321542481488e216, 1e-14),
              "log density of Normal(-DBL_MAX, 1e200) at 1e300: %.17g", lp);
        CHECK(infodiv_dist_log_density(&l, &x, 1, &ll, NULL) == INFODIV_OK && close_rel(ll, -1.7976931448623157544e108, 1e-14),
              "log density of Laplace(-DBL_MAX, 1e200) at 1e300: %.17g", ll);
    }
    /* H(Beta(2^-1022, 6.8012717060493392e-309)) = -1.2313160285888508995e308
     * (mpmath, 1500 digits) was -inf: -1/a - 1/b passes -DBL_MAX, the sum's
     * +2/(a + b) brings it back (continuous.c, dirichlet_entropy_tiny; found by
     * tests/fuzz). And Beta(1.5e-323, 1.5e-323): -6.7e322, -inf, not +inf. */
    {
        infodiv_dist p = { INFODIV_BETA, 0x1p-1022, 6.8012717060493392e-309, 0, NULL, NULL };
        infodiv_dist q = { INFODIV_BETA, 1.4821969375237396e-323, 1.4821969375237396e-323, 0, NULL, NULL };
        double h, hq;
        CHECK(infodiv_dist_entropy(&p, NULL, NULL, 0, &h, NULL) == INFODIV_OK && close_rel(h, -1.2313160285888508995e308, 1e-14),
              "H(Beta(2^-1022, 6.8e-309)) %.17g", h);
        CHECK(infodiv_dist_entropy(&q, NULL, NULL, 0, &hq, NULL) == INFODIV_OK && hq == -INFINITY, "H(Beta(1.5e-323, 1.5e-323)) %g", hq);
    }
    /* KL(Beta(2^-1022, 5.4674522958160204e-304) || Beta(5.4674522958161596e-304,
     * 1e-20)) = 7.4431496776086354959e278 (mpmath, 1500 digits): off by 1.1e-12,
     * as G(x, 1e-20) and G(x + 2^-1022, ...), both 1.8e283, were apart
     * (continuous.c, matched_kl_tiny_far_step; found by tests/fuzz). */
    {
        infodiv_dist p = { INFODIV_BETA, 0x1p-1022, 5.4674522958160204e-304, 0, NULL, NULL };
        infodiv_dist q = { INFODIV_BETA, 5.4674522958161596e-304, 1e-20, 0, NULL, NULL };
        infodiv_dist_measure_set m;
        CHECK(infodiv_dist_kl(&p, &q, NULL, NULL, 0, &m, NULL) == INFODIV_OK
                  && close_rel(m.kl_pq, 7.4431496776086354959e278, 1e-14),
              "KL(Beta(2^-1022, 5.5e-304) || Beta(5.5e-304, 1e-20)) %.17g", m.kl_pq);
        /* and with b there below 2^-500: 7.4431496776086357709e98, was off by 7e-13 */
        infodiv_dist q2 = { INFODIV_BETA, 5.4674522958161596e-304, 1e-200, 0, NULL, NULL };
        CHECK(infodiv_dist_kl(&p, &q2, NULL, NULL, 0, &m, NULL) == INFODIV_OK
                  && close_rel(m.kl_pq, 7.4431496776086357709e98, 1e-14),
              "KL(Beta(2^-1022, 5.5e-304) || Beta(5.5e-304, 1e-200)) %.17g", m.kl_pq);
    }
    /* kl_grid of p, q equal but for 1 + 3.3e-9 at the last of three points: the
     * quotients p/Zp and q/Zq (normalised) or p/q (not) were rounded before
     * their difference from 1 was taken, leaving 2e-9 relative (continuous.c,
     * normalized_difference, log_of_density_ratio; found by tests/fuzz).
     * mpmath (60 digits), Simpson's weights 0, 0.84375, 0.28125. */
    {
        const double x[3] = { 10.75, 11.125, 11.875 }, p[3] = { 0x1.fffffffbp-1, 0x1.fffffffbp-1, 0x1.fffffffbp-1 };
        const double q[3] = { 0x1.fffffffbp-1, 0x1.fffffffbp-1, 0x1.fffffffp-1 };
        const infodiv_options raw = { INFODIV_E, 0 };
        infodiv_grid_result r, rr;
        CHECK(infodiv_kl_grid(x, p, q, 3, NULL, &r, NULL) == INFODIV_OK && close_rel(r.kl, 1.537364802696867464e-19, 1e-12),
              "kl_grid, nearly equal, normalised: %.17g", r.kl);
        CHECK(infodiv_kl_grid(x, p, q, 3, &raw, &rr, NULL) == INFODIV_OK && close_rel(rr.kl, 3.6015990213268430244e-10, 1e-12),
              "kl_grid, nearly equal, not normalised: %.17g", rr.kl);
    }
    /* H(P,Q) of Beta(2^-1022, 5.5626846462680035e-309) || Beta(2.2250739608605989e-308,
     * 5.5626853416035825e-309) = -1.5280391646329685216e308 (the fuzz harness's
     * __float128 reference) was -inf: the direct form's terms overflow, H(P) + KL
     * does not (continuous.c, smaller_form; found by tests/fuzz). */
    {
        infodiv_dist p = { INFODIV_BETA, 0x1p-1022, 5.5626846462680035e-309, 0, NULL, NULL };
        infodiv_dist q = { INFODIV_BETA, 2.2250739608605989e-308, 5.5626853416035825e-309, 0, NULL, NULL };
        infodiv_dist_measure_set m;
        CHECK(infodiv_dist_kl(&p, &q, NULL, NULL, 0, &m, NULL) == INFODIV_OK
                  && close_rel(m.cross_entropy_pq, -1.5280391646329685216e308, 1e-14),
              "H(P,Q) of two Beta laws with alphas near 2^-1022: %.17g", m.cross_entropy_pq);
    }
    /* H(P,Q) of Beta(1.5e-323, 1.5e-323) || Beta(0.625, 0.625): -2.5e322, so -inf;
     * was +inf, as psi(a_i) - psi(a0) overflowed into inf - inf (continuous.c,
     * dirichlet_cross; found by tests/fuzz). */
    {
        infodiv_dist p = { INFODIV_BETA, 1.4821969375237396e-323, 1.4821969375237396e-323, 0, NULL, NULL };
        infodiv_dist q = { INFODIV_BETA, 0.625, 0.625, 0, NULL, NULL };
        infodiv_dist_measure_set m;
        CHECK(infodiv_dist_kl(&p, &q, NULL, NULL, 0, &m, NULL) == INFODIV_OK && m.cross_entropy_pq == -INFINITY,
              "H(P,Q) of Beta(1.5e-323, 1.5e-323) || Beta(0.625, 0.625): %g", m.cross_entropy_pq);
        /* against Beta(0.5, 1.5) the 1/alpha terms cancel: log B(0.5, 1.5) = log(pi/2) */
        infodiv_dist q2 = { INFODIV_BETA, 0.5, 1.5, 0, NULL, NULL };
        CHECK(infodiv_dist_kl(&p, &q2, NULL, NULL, 0, &m, NULL) == INFODIV_OK
                  && close_rel(m.cross_entropy_pq, 0.45158270528945486473, 1e-14),
              "H(P,Q) of Beta(1.5e-323, 1.5e-323) || Beta(0.5, 1.5): %g", m.cross_entropy_pq);
    }
    /* KL(Beta(2^53, 1) || Beta(9007199858223342, 1.000000067)) = 1.4475544423320782688e-15
     * (mpmath, 100 digits): was 1.67e-15, as the discrete KL of the proportions (~5e-64)
     * rounded to 0 sent it to the scaled form, whose rounding left b0 eps^2 = 2.2e-16
     * (continuous.c, dirichlet_kl; found by tests/fuzz). */
    {
        infodiv_dist p = { INFODIV_BETA, 9007199254740992, 1, 0, NULL, NULL };
        infodiv_dist q = { INFODIV_BETA, 9007199858223342, 1.000000067, 0, NULL, NULL };
        infodiv_dist_measure_set m;
        CHECK(infodiv_dist_kl(&p, &q, NULL, NULL, 0, &m, NULL) == INFODIV_OK
                  && close_rel(m.kl_pq, 1.4475544423320782688e-15, 1e-14),
              "KL(Beta(2^53, 1) || Beta(2^53 + 6e8, 1 + 6.7e-8)) %.17g", m.kl_pq);
    }
    /* KL(P || P) of Dirichlet(4.5e-299, 4.2e-128) was NaN: g''(x) ~ -1/x^3 of the
     * dominant alpha overflowed, times a step of 0 (continuous.c, dominant_alpha:
     * matched_kl_tiny_step below 2^-340; found by tests/fuzz). */
    {
        const double v[2] = { 4.4889980050004828e-299, 4.2017265975470243e-128 };
        infodiv_dist p = { INFODIV_DIRICHLET, 0, 0, 2, v, NULL };
        infodiv_dist_measure_set m;
        CHECK(infodiv_dist_kl(&p, &p, NULL, NULL, 0, &m, NULL) == INFODIV_OK && m.kl_pq == 0
                  && m.cross_entropy_pq == m.entropy_p,
              "KL(Dir(4.5e-299, 4.2e-128) || itself) %g, H(P,Q) %g", m.kl_pq, m.cross_entropy_pq);
    }
    /* H(P,Q) of Cauchy(2^-1022, 2.0e-320) || Cauchy(2.2250738941083831e-308, 2.0e-320)
     * = -715.42715564155816821 (mpmath): off by 1.8e-11, from a subnormal hypot
     * (continuous.c, cauchy_cross; found by tests/fuzz). */
    {
        infodiv_dist p = { INFODIV_CAUCHY, 0x1p-1022, 2.0236928853657458e-320, 0, NULL, NULL };
        infodiv_dist q = { INFODIV_CAUCHY, 2.2250738941083831e-308, 2.0236928853657458e-320, 0, NULL, NULL };
        infodiv_dist_measure_set m;
        CHECK(infodiv_dist_kl(&p, &q, NULL, NULL, 0, &m, NULL) == INFODIV_OK
                  && close_rel(m.cross_entropy_pq, -715.42715564155816821, 1e-14),
              "H(P,Q) of two Cauchy laws with subnormal scales: %.17g", m.cross_entropy_pq);
    }
    /* H(P,Q) of Dir(4.9e-324, 4) || Dir(0.375, DBL_MAX) = -1.265e323, so -inf (mpmath, 700
     * digits): was +inf, as lgamma(DBL_MAX) - lgamma(b0) was inf - inf (continuous.c,
     * lgamma_of_sum_but_largest; found by tests/fuzz). With 1e-300 for 4.9e-324 it is
     * -6.2499999999999998434e299. */
    {
        const double a[2] = { 4.9406564584124654e-324, 4 }, b[2] = { 0.375, 1.7976931348623157e308 };
        const double a2[2] = { 1e-300, 4 }, b2[2] = { 0.375, 1.7e308 };
        infodiv_dist p = { INFODIV_DIRICHLET, 0, 0, 2, a, NULL }, q = { INFODIV_DIRICHLET, 0, 0, 2, b, NULL };
        infodiv_dist p2 = { INFODIV_DIRICHLET, 0, 0, 2, a2, NULL }, q2 = { INFODIV_DIRICHLET, 0, 0, 2, b2, NULL };
        infodiv_dist_measure_set m, m2;
        CHECK(infodiv_dist_kl(&p, &q, NULL, NULL, 0, &m, NULL) == INFODIV_OK && m.cross_entropy_pq == -INFINITY,
              "H(P,Q) of Dir(4.9e-324, 4) || Dir(0.375, DBL_MAX): %g", m.cross_entropy_pq);
        CHECK(infodiv_dist_kl(&p2, &q2, NULL, NULL, 0, &m2, NULL) == INFODIV_OK
                  && close_rel(m2.cross_entropy_pq, -6.2499999999999998434e299, 1e-14),
              "H(P,Q) of Dir(1e-300, 4) || Dir(0.375, 1.7e308): %.17g", m2.cross_entropy_pq);
    }
    /* H(P,Q) of Beta(1e-6, 0.3) || Beta(3.375, DBL_MAX) = 2.2013340120185785644e303 (mpmath,
     * 700 digits): was off by 6e-11, the direct form chosen for its small result although
     * psi(0.3) - psi(0.300001) cancels 5 digits in it (continuous.c, dirichlet_cross: the
     * size of a term is that of its parts; found by tests/fuzz). */
    {
        infodiv_dist p = { INFODIV_BETA, 1e-6, 0.3, 0, NULL, NULL }, q = { INFODIV_BETA, 3.375, 1.7976931348623157e308, 0, NULL, NULL };
        infodiv_dist_measure_set m;
        CHECK(infodiv_dist_kl(&p, &q, NULL, NULL, 0, &m, NULL) == INFODIV_OK
                  && close_rel(m.cross_entropy_pq, 2.2013340120185785644e303, 1e-14),
              "H(P,Q) of Beta(1e-6, 0.3) || Beta(3.375, DBL_MAX): %.17g", m.cross_entropy_pq);
    }
    /* H(P,Q) of Beta(4.625, DBL_MAX) || Beta(1.5e-323, DBL_MAX) = 39.603237040055102902 (mpmath,
     * 700 digits): the direct form, whose a0 = DBL_MAX + 4.625 rounds, gave 34.978; its size now
     * counts that rounding (continuous.c, dirichlet_cross; found by tests/fuzz). */
    {
        infodiv_dist p = { INFODIV_BETA, 4.625, 1.7976931348623157e308, 0, NULL, NULL };
        infodiv_dist q = { INFODIV_BETA, 1.4821969375237396e-323, 1.7976931348623157e308, 0, NULL, NULL };
        infodiv_dist_measure_set m;
        CHECK(infodiv_dist_kl(&p, &q, NULL, NULL, 0, &m, NULL) == INFODIV_OK
                  && close_rel(m.cross_entropy_pq, 39.603237040055102902, 1e-13),
              "H(P,Q) of Beta(4.625, DBL_MAX) || Beta(1.5e-323, DBL_MAX): %.17g", m.cross_entropy_pq);
    }
    /* KL(Dir(1.0e152, 2.0e-53) || Dir(1e-8, 1.3e-53)) = 0.084689895136182088875, KL(Beta(1e-6, 1e200)
     * || Beta(1e-6, 9.99999975e199)) = 3.1250000301352904699e-22 and KL(Beta(1e-6, 1e200) ||
     * Beta(3.375, DBL_MAX)) = 1.7976931348623156812e102 (mpmath, 700 digits): were off by 1.4e-13,
     * 3.7e-11 and 1.8e-11, as a dominant alpha above 2^500 sent them to the general form, whose
     * G(a_j, b_j) - G(a0, b0) cancels (continuous.c, dominant_alpha: matched_kl_huge_step and
     * the far step above 2^500; found by tests/fuzz). */
    {
        const double a[2] = { 0x1.eap+504, 0x1.eap-176 }, b[2] = { 1e-8, 0x1.3bp-176 };
        infodiv_dist p = { INFODIV_DIRICHLET, 0, 0, 2, a, NULL }, q = { INFODIV_DIRICHLET, 0, 0, 2, b, NULL };
        infodiv_dist p2 = { INFODIV_BETA, 1e-6, 1e200, 0, NULL, NULL };
        infodiv_dist q2 = { INFODIV_BETA, 1e-6, 0x1.4e718cf12f8afp+664, 0, NULL, NULL };
        infodiv_dist q3 = { INFODIV_BETA, 3.375, 1.7976931348623157e308, 0, NULL, NULL };
        infodiv_dist_measure_set m, m2, m3;
        CHECK(infodiv_dist_kl(&p, &q, NULL, NULL, 0, &m, NULL) == INFODIV_OK
                  && close_rel(m.kl_pq, 0.084689895136182088875, 1e-14),
              "KL(Dir(1e152, 2e-53) || Dir(1e-8, 1.3e-53)) %.17g", m.kl_pq);
        CHECK(infodiv_dist_kl(&p2, &q2, NULL, NULL, 0, &m2, NULL) == INFODIV_OK
                  && close_rel(m2.kl_pq, 3.1250000301352904699e-22, 1e-14),
              "KL(Beta(1e-6, 1e200) || Beta(1e-6, 9.99999975e199)) %.17g", m2.kl_pq);
        CHECK(infodiv_dist_kl(&p2, &q3, NULL, NULL, 0, &m3, NULL) == INFODIV_OK
                  && close_rel(m3.kl_pq, 1.7976931348623156812e102, 1e-14),
              "KL(Beta(1e-6, 1e200) || Beta(3.375, DBL_MAX)) %.17g", m3.kl_pq);
    }
    /* KL(Beta(2^-1022, 6.8e-309) || Beta(10, 0.25)) = 1.3336559936865861477e308 (mpmath, 700
     * digits), below DBL_MAX, was +inf: G(2^-1022, 10) ~ 10/2^-1022 passes twice DBL_MAX, so
     * its half did too (continuous.c, dirichlet_kl: G_i and G(a0, b0) scaled by 2^-e, e as
     * large as needed; found by tests/fuzz). */
    {
        infodiv_dist p = { INFODIV_BETA, 0x1p-1022, 0x0.4e400f7ff003bp-1022, 0, NULL, NULL };
        infodiv_dist q = { INFODIV_BETA, 10, 0.25, 0, NULL, NULL };
        infodiv_dist_measure_set m;
        CHECK(infodiv_dist_kl(&p, &q, NULL, NULL, 0, &m, NULL) == INFODIV_OK
                  && close_rel(m.kl_pq, 1.3336559936865861477e308, 1e-14),
              "KL(Beta(2^-1022, 6.8e-309) || Beta(10, 0.25)) %.17g", m.kl_pq);
        /* KL(Beta(2^-1022, 1.2e-321) || Beta(17281, 4.25)) = 3.47e321: +inf, not the 0 that the
         * tiny far step beyond DBL_MAX (-1.9e308) made of it once the G_i were scaled */
        infodiv_dist p2 = { INFODIV_BETA, 0x1p-1022, 1.2252828016862914e-321, 0, NULL, NULL };
        infodiv_dist q2 = { INFODIV_BETA, 17281, 4.25, 0, NULL, NULL };
        CHECK(infodiv_dist_kl(&p2, &q2, NULL, NULL, 0, &m, NULL) == INFODIV_OK && m.kl_pq == INFINITY,
              "KL(Beta(2^-1022, 1.2e-321) || Beta(17281, 4.25)) %.17g", m.kl_pq);
    }
    /* KL(Beta(2^-1022, 0.375) || Beta(2^-1022, 5.785e-307)) = 0.037740307011452591494 (mpmath,
     * 700 digits): was off by 1.3e-12, as b's dominant entry below 2^-1000 sent it to the general
     * form, whose G(0.375, 5.8e-307) - G(0.375, 6e-307) cancels from 705 (continuous.c,
     * dominant_alpha and g_integral: the far step down to subnormal b; found by tests/fuzz). */
    {
        infodiv_dist p = { INFODIV_BETA, 0x1p-1022, 0.375, 0, NULL, NULL };
        infodiv_dist q = { INFODIV_BETA, 0x1p-1022, 0x1.a0000f6fe3201p-1018, 0, NULL, NULL };
        infodiv_dist_measure_set m;
        CHECK(infodiv_dist_kl(&p, &q, NULL, NULL, 0, &m, NULL) == INFODIV_OK
                  && close_rel(m.kl_pq, 0.037740307011452591494, 1e-14),
              "KL(Beta(2^-1022, 0.375) || Beta(2^-1022, 5.8e-307)) %.17g", m.kl_pq);
        /* with b's mass spread, b = (2^-1022, 1.0e-307): 0.20067054675592762278, was off by 3e-13 */
        infodiv_dist q2 = { INFODIV_BETA, 0x1p-1022, 1.0012840552626177e-307, 0, NULL, NULL };
        CHECK(infodiv_dist_kl(&p, &q2, NULL, NULL, 0, &m, NULL) == INFODIV_OK
                  && close_rel(m.kl_pq, 0.20067054675592762278, 1e-14),
              "KL(Beta(2^-1022, 0.375) || Beta(2^-1022, 1.0e-307)) %.17g", m.kl_pq);
    }
    /* kl_grid with steps of 1e-67 beside 25: Simpson's weights of 1.5e69 leave its integrals
     * (exactly 16.7 and 14.7, from fractions) to the rounding, and the result was 0; the rule
     * now falls back on the trapezoid, 2.4375768294345894e-06 (its value in __float128, the
     * harness's reference) (continuous.c, grid_rule: integral_above_rounding; found by
     * tests/fuzz). */
    {
        const double x[7] = { -0x1.9cp+4, -0x1.9p+4, -0x1.8ep+4, 0, 0x1.e4p-224, 0x1.e4p-223, 0x1p-3 };
        const double p[7] = { 0x1.57c9da6fce002p-120, 0x1.38e068885a148p-113, 0x1.5506a3f23b849p-112, 1, 1, 1,
                              0x1.ff003ff556aa9p-1 };
        const double q[7] = { 0x1.f133f895ebd6ep-130, 0x1.10e85bfca7eb3p-122, 0x1.32e747c795687p-121,
                              0x1.c3d6a24ed8222p-1,   0x1.c3d6a24ed8222p-1,   0x1.c3d6a24ed8222p-1,
                              0x1.d1458d08af1e5p-1 };
        infodiv_grid_result r;
        CHECK(infodiv_kl_grid(x, p, q, 7, NULL, &r, NULL) == INFODIV_OK && close_rel(r.kl, 2.4375768294345894e-06, 1e-13),
              "kl_grid, Simpson's integrals lost to rounding: %.17g", r.kl);
    }
    /* H(P,Q) of Dir(1, 1.625, a, c, c) || Dir(c, c, c, DBL_MAX, c), c = 0.99999690055847168: for
     * a = 1.5e-323 it is -2.0911131608314817e317 (mpmath, 700 digits), so -inf, and was +inf:
     * the DBL_MAX term, +3.6e308, overflowed beside the -2.1e317 one (inf - inf, then KL's inf);
     * for a = 1e-314 it is 4.9002955512046552398e307, and was +inf (continuous.c,
     * dirichlet_cross: terms beyond DBL_MAX summed in units of 2^16; found by tests/fuzz). */
    {
        const double c = 0.99999690055847168;
        const double a[5] = { 1, 1.625, 1.4821969375237396e-323, c, c }, a2[5] = { 1, 1.625, 1e-314, c, c };
        const double b[5] = { c, c, c, 1.7976931348623157e308, c };
        infodiv_dist p = { INFODIV_DIRICHLET, 0, 0, 5, a, NULL }, p2 = { INFODIV_DIRICHLET, 0, 0, 5, a2, NULL };
        infodiv_dist q = { INFODIV_DIRICHLET, 0, 0, 5, b, NULL };
        infodiv_dist_measure_set m, m2;
        CHECK(infodiv_dist_kl(&p, &q, NULL, NULL, 0, &m, NULL) == INFODIV_OK && m.cross_entropy_pq == -INFINITY,
              "H(P,Q) of Dir(.., 1.5e-323, ..) || Dir(.., DBL_MAX, ..): %g", m.cross_entropy_pq);
        CHECK(infodiv_dist_kl(&p2, &q, NULL, NULL, 0, &m2, NULL) == INFODIV_OK
                  && close_rel(m2.cross_entropy_pq, 4.9002955512046552398e307, 1e-14),
              "H(P,Q) of Dir(.., 1e-314, ..) || Dir(.., DBL_MAX, ..): %.17g", m2.cross_entropy_pq);
    }
    /* H(P,Q) where Q's alphas sum beyond DBL_MAX: Dir(1e-310, 2, 3) || Dir(c, DBL_MAX, DBL_MAX) is
     * 5.0371342473412682803e307 (mpmath, 700 digits), and was +inf; Dir(1, 1.625, 1.5e-323, c, c)
     * || Dir(c, c, c, DBL_MAX, DBL_MAX) is -2.09e317, so -inf, and was +inf: lgamma(DBL_MAX) less
     * lgamma of the sum gave inf - inf (continuous.c, log_beta_scaled; found by
     * tests/fuzz). */
    {
        const double c = 0.99999690055847168, big = 1.7976931348623157e308;
        const double a[3] = { 1e-310, 2, 3 }, b[3] = { c, big, big };
        const double a2[5] = { 1, 1.625, 1.4821969375237396e-323, c, c }, b2[5] = { c, c, c, big, big };
        infodiv_dist p = { INFODIV_DIRICHLET, 0, 0, 3, a, NULL }, q = { INFODIV_DIRICHLET, 0, 0, 3, b, NULL };
        infodiv_dist p2 = { INFODIV_DIRICHLET, 0, 0, 5, a2, NULL }, q2 = { INFODIV_DIRICHLET, 0, 0, 5, b2, NULL };
        infodiv_dist_measure_set m, m2;
        CHECK(infodiv_dist_kl(&p, &q, NULL, NULL, 0, &m, NULL) == INFODIV_OK
                  && close_rel(m.cross_entropy_pq, 5.0371342473412682803e307, 1e-14),
              "H(P,Q) of Dir(1e-310, 2, 3) || Dir(c, DBL_MAX, DBL_MAX): %.17g", m.cross_entropy_pq);
        CHECK(infodiv_dist_kl(&p2, &q2, NULL, NULL, 0, &m2, NULL) == INFODIV_OK && m2.cross_entropy_pq == -INFINITY,
              "H(P,Q) of Dir(.., 1.5e-323, ..) || Dir(.., DBL_MAX, DBL_MAX): %g", m2.cross_entropy_pq);
    }
    /* KL(Beta(5e-324, 1) || Beta(5e-324, B)) is 8.127054121036372532470776e-24 for B = 1e300 and
     * 1.460994940004157752831346e-15 for B = DBL_MAX (mpmath, 700 digits): was 21% high, as
     * psi's slope times the alpha of 5e-324 rounded to two subnormal ulps before B multiplied it
     * (continuous.c, matched_kl_far_step: h scaled by 2^600; found by a sweep of the Beta grid). */
    {
        const double bs[2] = { 1e300, 1.7976931348623157e308 };
        const double want[2] = { 8.127054121036372532470776e-24, 1.460994940004157752831346e-15 };
        for (int i = 0; i < 2; i++) {
            infodiv_dist p = { INFODIV_BETA, 5e-324, 1, 0, NULL, NULL }, q = { INFODIV_BETA, 5e-324, bs[i], 0, NULL, NULL };
            infodiv_dist_measure_set m;
            CHECK(infodiv_dist_kl(&p, &q, NULL, NULL, 0, &m, NULL) == INFODIV_OK && close_rel(m.kl_pq, want[i], 1e-14),
                  "KL(Beta(5e-324, 1) || Beta(5e-324, %g)): %.17g", bs[i], m.kl_pq);
        }
    }
    /* KL(Beta(DBL_MAX, DBL_MAX) || Beta(1e300, 1e300)) = 9.003592500366488060294599 and H(P,Q) =
     * -345.5085461839607555281626 (mpmath, 700 digits): KL was 3e-10 off, as G of the sums
     * A = 2 DBL_MAX and b0 = 2e300 left out b0/(2A) (continuous.c, matched_kl_of_sums; found by a
     * sweep of the Beta grid). */
    {
        const double big = 1.7976931348623157e308;
        infodiv_dist p = { INFODIV_BETA, big, big, 0, NULL, NULL }, q = { INFODIV_BETA, 1e300, 1e300, 0, NULL, NULL };
        infodiv_dist_measure_set m;
        CHECK(infodiv_dist_kl(&p, &q, NULL, NULL, 0, &m, NULL) == INFODIV_OK
                  && close_rel(m.kl_pq, 9.003592500366488060294599, 1e-14)
                  && close_rel(m.cross_entropy_pq, -345.5085461839607555281626, 1e-14),
              "KL(Beta(DBL_MAX, DBL_MAX) || Beta(1e300, 1e300)): %.17g, H(P,Q) %.17g", m.kl_pq, m.cross_entropy_pq);
    }
    /* KL(Beta(5e-324, 1e-310) || Beta(5e-324, 1e-300)) = 4.940656457424120361154075e-4 and the
     * reverse 4.940656457424227193739139e-14 (mpmath, 700 digits): were 9e-12 and 3e-11 off, as
     * x s and y h were formed as subnormal products; KL(Beta(5e-324, 1e-300) || Beta(0.3, 1e300))
     * is 4.9e576, so +inf, and was 4.9e276, from G's of 1e600 subtracted (continuous.c,
     * matched_kl_tiny_far_step: y scaled too, the lead term past DBL_MAX kept; found by a
     * sweep of the Beta grid). */
    {
        const double tiny = 5e-324;
        const struct {
            double a, b, c, d, kl;
        } cases[3] = { { tiny, 1e-310, tiny, 1e-300, 4.940656457424120361154075e-4 },
                       { tiny, 1e-300, tiny, 1e-310, 4.940656457424227193739139e-14 },
                       { tiny, 1e-300, 0.3, 1e300, INFINITY } };
        for (int i = 0; i < 3; i++) {
            infodiv_dist p = { INFODIV_BETA, cases[i].a, cases[i].b, 0, NULL, NULL };
            infodiv_dist q = { INFODIV_BETA, cases[i].c, cases[i].d, 0, NULL, NULL };
            infodiv_dist_measure_set m;
            CHECK(infodiv_dist_kl(&p, &q, NULL, NULL, 0, &m, NULL) == INFODIV_OK
                      && (isinf(cases[i].kl) ? m.kl_pq == INFINITY : close_rel(m.kl_pq, cases[i].kl, 1e-14)),
                  "KL(Beta(%g, %g) || Beta(%g, %g)): %.17g", cases[i].a, cases[i].b, cases[i].c, cases[i].d, m.kl_pq);
        }
    }
    /* H(P,Q) where finite terms overflow their sum, or lgamma of a second alpha of 1e307 does:
     * Dir(1.5e-323, DBL_MAX, DBL_MAX, 1, 0.125) against itself is H(P) = -6.7e322 (mpmath, 800
     * digits), so -inf, and was +inf, as the two terms of 1.2e308 summed to +inf; Dir(1e-310, 2, 3)
     * || Dir(1, 8e307, 1e307) is 6.110511137412712895541792e307 (700 digits) and was +inf, from
     * lgamma(1e307) (continuous.c, dirichlet_cross: terms above 2^960 and log_beta_scaled in units
     * of 2^1100; found by tests/fuzz). */
    {
        const double big = 1.7976931348623157e308;
        const double a[5] = { 1.4821969375237396e-323, big, big, 1, 0.125 };
        const double a2[3] = { 1e-310, 2, 3 }, b2[3] = { 1, 8e307, 1e307 };
        infodiv_dist p = { INFODIV_DIRICHLET, 0, 0, 5, a, NULL };
        infodiv_dist p2 = { INFODIV_DIRICHLET, 0, 0, 3, a2, NULL }, q2 = { INFODIV_DIRICHLET, 0, 0, 3, b2, NULL };
        infodiv_dist_measure_set m, m2;
        CHECK(infodiv_dist_kl(&p, &p, NULL, NULL, 0, &m, NULL) == INFODIV_OK && m.cross_entropy_pq == -INFINITY
                  && m.entropy_p == -INFINITY && m.kl_pq == 0,
              "H(P,P) of Dir(1.5e-323, DBL_MAX, DBL_MAX, 1, 0.125): %g", m.cross_entropy_pq);
        CHECK(infodiv_dist_kl(&p2, &q2, NULL, NULL, 0, &m2, NULL) == INFODIV_OK
                  && close_rel(m2.cross_entropy_pq, 6.110511137412712895541792e307, 1e-14),
              "H(P,Q) of Dir(1e-310, 2, 3) || Dir(1, 8e307, 1e307): %.17g", m2.cross_entropy_pq);
    }
    /* KL(Geometric(1e-300) || Geometric(1 - 1.1e-16)) = 3.6736800569677100479e301 (mpmath, 700
     * digits): was +inf, as (q - p)/p times u = (q - p)/(1 - q) passed DBL_MAX before h(u)
     * (continuous.c, geometric_kl; found by tests/fuzz). */
    {
        infodiv_dist p = { INFODIV_GEOMETRIC, 1e-300, 0, 0, NULL, NULL };
        infodiv_dist q = { INFODIV_GEOMETRIC, 0.99999999999999989, 0, 0, NULL, NULL };
        infodiv_dist_measure_set m;
        CHECK(infodiv_dist_kl(&p, &q, NULL, NULL, 0, &m, NULL) == INFODIV_OK
                  && close_rel(m.kl_pq, 3.6736800569677100479e301, 1e-14),
              "KL(Geometric(1e-300) || Geometric(1 - 1.1e-16)) %.17g", m.kl_pq);
    }
    /* kl_grid, not normalised, steps h0 = 1 - 1.1e-7 and h1 = 2 - 2.2e-7: Simpson's value is
     * 8.8349338781336351765e-57 (exact weights from fractions, mpmath): was off by 1.4e-9, as
     * 2 - h1/h0 ~ 1e-7 cancelled the rounding of h1/h0 up (continuous.c, rule_weights: (2 h0 - h1)/h0;
     * found by tests/fuzz). */
    {
        const double x[7] = { 0x1.e4p+4,       0x1.f3fffff48p+4, 0x1.09fffffa4p+5, 0x1.19fffffa4p+5,
                              0x1.1afffffa4p+5, 0x1.28fffffa4p+5, 0x1.2cfffffa4p+5 };
        const double p[7] = { 0x1.5b453308ee4e7p-165, 0, 0x1.8b2a09fdd9d92p-200, 0x1.e46f12a69f133p-225,
                              0x1.416050dcc5a78p-226, 0x1.5d31385b8aed8p-249, 0x1.a21fbbe736dddp-256 };
        const double q[7] = { 0x1.a2eb4d1f8d886p-155, 0x1.f91ee0980d1f1p-166, 0x1.5ae6486ad6b2cp-188,
                              0x1.5e9290aebf877p-212, 0x1.dfe8aeb753738p-214, 0x1.93d0e51b9484cp-236,
                              0x1.11f4ba944922ap-242 };
        const infodiv_options raw = { INFODIV_E, 0 };
        infodiv_grid_result r;
        CHECK(infodiv_kl_grid(x, p, q, 7, &raw, &r, NULL) == INFODIV_OK
                  && close_rel(r.kl, 8.8349338781336351765e-57, 1e-14),
              "kl_grid, Simpson's 2 - h1/h0 near 0: %.17g", r.kl);
    }
    /* KL of two bivariate normals whose covariances differ by less than half on the
     * diagonal of B = lq^-1 (Sp - Sq) lq^-T but whose I + B is nearly singular: the
     * near-equal form's 1 + u_2 = 2.3e-4 lost u_2's digits, 2.3e-13 off (continuous.c,
     * mvn_near; found by tests/fuzz). Exact KL 4.7405521479700101384 (mpmath, 60 digits). */
    {
        const double mp[2] = { 0.125, 0.125 }, sp[4] = { 8, -0.0625, -0.0625, 0x1p-10 };
        const double mq[2] = { 2.75, 1.5 }, sq[4] = { 0x1.cdc8p+2, 0x1.f49p+1, 0x1.f49p+1, 0x1.0d1p+2 };
        infodiv_dist p = { INFODIV_MULTIVARIATE_NORMAL, 0, 0, 2, mp, sp };
        infodiv_dist q = { INFODIV_MULTIVARIATE_NORMAL, 0, 0, 2, mq, sq };
        double scratch[INFODIV_DIST_SCRATCH(2)];
        infodiv_dist_measure_set m;
        CHECK(infodiv_dist_kl(&p, &q, NULL, scratch, INFODIV_DIST_SCRATCH(2), &m, NULL) == INFODIV_OK
                  && close_rel(m.kl_pq, 4.7405521479700101384, 1e-14),
              "KL of normals with I + B nearly singular: %.17g", m.kl_pq);
    }
    /* kl_grid, normalised, x = (2.5e-309, 0.5, 0.75): Simpson's weight of the last point is
     * (h0 + h1)/6 (2 h1 - h0)/h1 with 2 h1 - h0 = x0, subnormal, so Zp = w2 p2 is 5.9e-309 and
     * p2/Zp 1.6e308. Exact Simpson KL 18.317460318644613539 (weights from fractions, mpmath at
     * 50 digits). The library had it right; the fuzz harness's reference, in __float128, lost
     * 2 h1 - h0 and called the case undecidable (tests/fuzz, sum3). */
    {
        const double x[3] = { 0x0.90a230600090ap-1022, 0.5, 0.75 };
        const double p[3] = { 0, 0, 0x1.dd3c89b26894ep-1 }, q[3] = { 0, 0x1.56e1fc2f8f359p-997, 0x1.fc03fd56aa225p-1 };
        infodiv_grid_result r;
        CHECK(infodiv_kl_grid(x, p, q, 3, NULL, &r, NULL) == INFODIV_OK && close_rel(r.kl, 18.317460318644613539, 1e-14),
              "kl_grid with a subnormal 2 h1 - h0: %.17g", r.kl);
    }
    /* kl_grid, normalised, x = (0, 2^-1074, 2) with p only at x0: the trapezoid's weight h0/2 was
     * formed in doubles, where 2^-1075 rounds to 0, so the rule lost p's mass, called its integral
     * not positive and, Simpson's being negative there too, returned NAN (found by tests/fuzz from
     * seed 600, replayed in npm test). The trapezoid rule's KL is ln(2 + 4/h0) = ln(2^1076 + 2)
     * = 745.82636628250115293 (mpmath at 50 digits). Unnormalised, Simpson's value is -1.7e322:
     * -inf, as the header says, and its estimate |Simpson - trapezoid| inf, not 0 (it was 0 for any
     * infinite KL, as if the two rules agreed). */
    {
        const double x[3] = { 0, 0x1p-1074, 2 }, p[3] = { 0x1.ff3p-1, 0, 0 };
        const double q[3] = { 0x1.c3d6a24ed8222p-1, 0x1.c3d6a24ed8222p-1, 0x1.c3d6a24ed8222p-1 };
        infodiv_options raw = INFODIV_OPTIONS_DEFAULT;
        raw.normalize = 0;
        infodiv_grid_result r, rr;
        CHECK(infodiv_kl_grid(x, p, q, 3, NULL, &r, NULL) == INFODIV_OK && close_rel(r.kl, 745.82636628250115293, 1e-15)
                  && close_rel(r.error_estimate, 745.82636628250115293, 1e-15),
              "kl_grid with a step of 2^-1074: %.17g (estimate %.17g)", r.kl, r.error_estimate);
        CHECK(infodiv_kl_grid(x, p, q, 3, &raw, &rr, NULL) == INFODIV_OK && rr.kl == -INFINITY && rr.error_estimate == INFINITY,
              "kl_grid raw with a step of 2^-1074: %.17g (estimate %.17g)", rr.kl, rr.error_estimate);
    }
    /* Q = c P (c = 0.869140625) but for an entry of 1e-32 of the total, 1.4e-17 off c: the other
     * outcomes' p^/q^ - 1 (about 1e-49) came from outcome_ratio() to eps^2 of 1 only, so kl,
     * measures and js gave a KL of 1.0e-64 in most orders of the outcomes, where it is 1.15e-66
     * (found by tests/fuzz from another seed). mpmath at 3000 bits on these doubles:
     * KL(P||Q) 1.1516163409062614869e-66, KL(Q||P) 1.1516163409062614924e-66, JS
     * 2.8790408522656537242e-67. */
    {
        const double p[7] = { 0, 0x1p+53, 0x1.3cp+2, 0x1.3bfffffd88p+2, 0, 0, 0x1.cd2b297d889bcp-54 };
        const double q[7] = { 0, 0x1.bdp+52, 0x1.12a6p+2, 0x1.12a5fffddab4p+2, 0, 0, 0x1.90d2038f9b3b6p-54 };
        for (int shift = 0; shift < 7; shift++) {
            double a[7], b[7], kl, js;
            infodiv_measure_set m;
            for (int i = 0; i < 7; i++)
                a[i] = p[(i + shift) % 7], b[i] = q[(i + shift) % 7];
            CHECK(infodiv_kl(a, b, 7, NULL, &kl, NULL) == INFODIV_OK && close_rel(kl, 1.1516163409062614869e-66, 1e-14)
                      && infodiv_js(a, b, 7, NULL, &js, NULL) == INFODIV_OK
                      && close_rel(js, 2.8790408522656537242e-67, 1e-14)
                      && infodiv_measures(a, b, 7, NULL, &m, NULL) == INFODIV_OK
                      && close_rel(m.kl_pq, 1.1516163409062614869e-66, 1e-14)
                      && close_rel(m.kl_qp, 1.1516163409062614924e-66, 1e-14)
                      && close_rel(m.js, 2.8790408522656537242e-67, 1e-14),
                  "Q = c P but for a tiny entry, rotated by %d: KL %.17g, measures %.17g %.17g, JS %.17g %.17g", shift, kl,
                  m.kl_pq, m.kl_qp, js, m.js);
        }
    }
    /* Five entries near DBL_MAX, Q's 1.4e-7 below P's, beside small ones: KL is 3.8e-323 and JS 9.6e-324
     * (mpmath at 3000 bits: 3.8369433295928935e-323, 3.8369434415598110e-323 and 9.5923584639408776e-324).
     * Summed again with outcome_ratio_terms(), whose u is exact to a few eps^3 only, KL(Q||P) and JS(Q,P)
     * came out 1.5e-97 and 3.7e-98; both orders must stay within 1e-300 (the floor of the promised range). */
    {
        const double big = DBL_MAX, qbig = 0x1.fffffd0ffffffp+1023;
        const double p[15] = { 0, 3, 6, 0, 0, 0, 0x1.1p+0, big, big, big, big, big, 0, 0x1.c6bf52634p+49, 0x1.c6bf52634p+49 };
        const double q[15] = { 0, 3, 6, 0, 0, 0, 0x1.0ffffe708p+0, qbig, qbig, qbig, qbig, qbig, 0, 0x1.c6bf4fc756ffp+49,
                               0x1.c6bf4fc756ffp+49 };
        double kpq, kqp, jpq, jqp;
        infodiv_measure_set m;
        CHECK(infodiv_kl(p, q, 15, NULL, &kpq, NULL) == INFODIV_OK && infodiv_kl(q, p, 15, NULL, &kqp, NULL) == INFODIV_OK
                  && infodiv_js(p, q, 15, NULL, &jpq, NULL) == INFODIV_OK && infodiv_js(q, p, 15, NULL, &jqp, NULL) == INFODIV_OK
                  && infodiv_measures(q, p, 15, NULL, &m, NULL) == INFODIV_OK,
              "entries near DBL_MAX: status");
        CHECK(fabs(kpq - 3.8369433295928935e-323) <= 1e-300 && fabs(kqp - 3.8369434415598110e-323) <= 1e-300
                  && fabs(jpq - 9.5923584639408776e-324) <= 1e-300 && fabs(jqp - 9.5923584639408776e-324) <= 1e-300
                  && fabs(m.kl_pq - 3.8369434415598110e-323) <= 1e-300 && fabs(m.js - 9.5923584639408776e-324) <= 1e-300,
              "entries near DBL_MAX: KL %g %g, JS %g %g, measures(Q, P) KL %g JS %g", kpq, kqp, jpq, jqp, m.kl_pq, m.js);
    }
    /* k3 of klEstimates where p^ of two outcomes is 6e-309 (subnormal entries
     * beside 8e-16): each of their terms q^/p^ - 1 - log(q^/p^) is ~8e307, so
     * the compensated sum overflowed and its error term made the mean NaN,
     * where it is 4.1e307. mpmath at 60 digits on these doubles (normalised,
     * the mean of the five terms): 4.0856662155961374543e307, and k1
     * -424.70340613925188555. k3's far terms hold L times a few eps (L = 707:
     * 5e-14 measured); found by tests/js/bad-input.test.js with another seed. */
    {
        const double p[3] = { 5e-324, 8.074349270001069e-16, 5e-324 }, q[3] = { 0.5, 0.25, 0.25 };
        const uint32_t draws[5] = { 0, 1, 2, 1, 0 };
        double est[3];
        CHECK(infodiv_kl_estimates(p, q, 3, NULL, draws, 5, est, NULL) == INFODIV_OK
                  && close_rel(est[2], 4.0856662155961374543e307, 1e-12) && close_rel(est[0], -424.70340613925188555, 1e-15),
              "kl_estimates with terms near 8e307: k1 %.17g, k3 %.17g", est[0], est[2]);
    }
    /* TwoSum's s - x rounding past DBL_MAX where x + y does not: a tie in the top binade.
     * Logits at T = DBL_MAX: b_1 - max b = 0x1.1a136fc81ffp+1014 - DBL_MAX made KL and JS NaN
     * (found by the fuzzer). mpmath at 4000 bits: KL(P||Q) 0.11936856693471813062, KL(Q||P)
     * 0.12315312838120408291, JS 0.02999555242850541024, H(Q) 0.97545916028690560848. */
    {
        const double a[3] = { 0, 0, 0 }, b[3] = { DBL_MAX, 0x1.1a136fc81ffp+1014, 0 };
        infodiv_measure_set m;
        CHECK(infodiv_measures_logits(a, b, 3, DBL_MAX, NULL, &m, NULL) == INFODIV_OK
                  && close_rel(m.kl_pq, 0.11936856693471813062, 1e-13) && close_rel(m.kl_qp, 0.12315312838120408291, 1e-13)
                  && close_rel(m.js, 0.02999555242850541024, 1e-13) && close_rel(m.entropy_q, 0.97545916028690560848, 1e-13),
              "logits beside DBL_MAX at T = DBL_MAX: KL %g %g, JS %g, H(Q) %g", m.kl_pq, m.kl_qp, m.js, m.entropy_q);
    }
    /* The same tie in Dirichlet KL's sum of the differences b_i - a_i: 1 - 0x1.8p+971, then DBL_MAX - 1.
     * The KL, 1.2116965745108726602e311 (mpmath), is beyond DBL_MAX: +inf, where it was NaN. */
    {
        const double a[2] = { 0x1.8p+971, 1 }, b[2] = { 1, DBL_MAX };
        infodiv_dist P = { INFODIV_DIRICHLET, 0, 0, 2, a, NULL }, Q = { INFODIV_DIRICHLET, 0, 0, 2, b, NULL };
        infodiv_dist_measure_set m;
        CHECK(infodiv_dist_kl(&P, &Q, NULL, NULL, 0, &m, NULL) == INFODIV_OK && m.kl_pq == INFINITY,
              "Dirichlet KL with a difference sum tied at the top binade: %g", m.kl_pq);
    }
    /* Q = 1.5 P exactly but for no rounding of the sums (entries from 2^-8 to 2^53): KL(Q||P) came out
     * 2.7e-95 and JS(Q,P) 6.7e-96, summed again from Q's departure from (2/3) P, 2/3 not being a double.
     * Both are exactly 0 (found by the fuzzer). */
    {
        double p[40], q[40];
        for (int i = 0; i < 40; i++)
            p[i] = 0x1.0624dd2f1a9fcp-2;
        p[4] = 0x1.ffp-8, p[5] = 0x1p53;
        for (int i = 0; i < 40; i++)
            q[i] = 1.5 * p[i];
        double kpq, kqp, jpq, jqp;
        infodiv_measure_set mpq, mqp;
        CHECK(infodiv_kl(p, q, 40, NULL, &kpq, NULL) == INFODIV_OK && infodiv_kl(q, p, 40, NULL, &kqp, NULL) == INFODIV_OK
                  && infodiv_js(p, q, 40, NULL, &jpq, NULL) == INFODIV_OK && infodiv_js(q, p, 40, NULL, &jqp, NULL) == INFODIV_OK
                  && infodiv_measures(p, q, 40, NULL, &mpq, NULL) == INFODIV_OK
                  && infodiv_measures(q, p, 40, NULL, &mqp, NULL) == INFODIV_OK,
              "Q = 1.5 P: status");
        CHECK(kpq == 0 && kqp == 0 && jpq == 0 && jqp == 0 && mpq.kl_pq == 0 && mpq.kl_qp == 0 && mpq.js == 0 && mqp.kl_pq == 0
                  && mqp.kl_qp == 0 && mqp.js == 0,
              "Q = 1.5 P: KL %g %g, JS %g %g, measures(P, Q) %g %g %g, measures(Q, P) %g %g %g", kpq, kqp, jpq, jqp, mpq.kl_pq,
              mpq.kl_qp, mpq.js, mqp.kl_pq, mqp.kl_qp, mqp.js);
    }
    /* Q = 1.5 P for 21 entries of 1.4e300 beside small ones that differ: summed again from Q's side, rho
     * = 2/3 (not a double) left departures of eps^3 where they are 0 from P's (rho = 1.5): KL(Q||P) came
     * out 4.9e-98 and JS(Q,P) 1.2e-98 (found by the fuzzer). mpmath at 8000 bits: KL(P||Q)
     * 2.2518230214694348e-300, KL(Q||P) 1.5716706612868635e-300, JS 4.556618171938942e-301. */
    {
        const double h = 0x1.7e43c8800759cp+996, s = 0x1.0624dd2f1a9fcp-2, t = 0x1.89374bc6a7efap-2;
        const double pr[][2] = { { 0x1.44p+2, 1 }, { 0x1.9p+6, 1 }, { 0x1.5p+2, 1 }, { s, 4 }, { 0, 2 }, { 0x1.e848p+19, 1 },
                                 { 0, 2 }, { h, 21 }, { 0x1p+53, 1 }, { s, 1 }, { 0x1.020c49ba5e354p-2, 1 }, { s, 2 },
                                 { 0x1.b22d0e5604189p-4, 1 }, { 0x1.2p+1, 1 } };
        const double qr[][2] = { { 0x1.64c49ba5e354p+1, 1 }, { 0x1.920c49ba5e354p+5, 1 }, { 0x1.5e76c8b439581p+1, 1 },
                                 { 0x1.0624dd2f1a9fcp-3, 4 }, { 0, 2 }, { 0x1.6e36p+20, 1 }, { 0, 2 }, { 1.5 * h, 21 },
                                 { 0x1.8p+53, 1 }, { t, 1 }, { 0x1.83126e978d4fep-2, 1 }, { t, 2 },
                                 { 0x1.45a1cac083127p-3, 1 }, { 0x1.bp+1, 1 } };
        double p[40], q[40], kpq, kqp, jpq, jqp;
        size_t n = fill_runs(p, pr, 14);
        fill_runs(q, qr, 14);
        infodiv_measure_set m;
        CHECK(n == 40 && infodiv_kl(p, q, n, NULL, &kpq, NULL) == INFODIV_OK && infodiv_kl(q, p, n, NULL, &kqp, NULL) == INFODIV_OK
                  && infodiv_js(p, q, n, NULL, &jpq, NULL) == INFODIV_OK && infodiv_js(q, p, n, NULL, &jqp, NULL) == INFODIV_OK
                  && infodiv_measures(q, p, n, NULL, &m, NULL) == INFODIV_OK,
              "Q = 1.5 P but for small entries: status");
        CHECK(close_rel(kpq, 2.2518230214694348e-300, 1e-12) && close_rel(kqp, 1.5716706612868635e-300, 1e-12)
                  && close_rel(jpq, 4.556618171938942e-301, 1e-12) && close_rel(jqp, 4.556618171938942e-301, 1e-12)
                  && close_rel(m.kl_pq, 1.5716706612868635e-300, 1e-12) && close_rel(m.kl_qp, 2.2518230214694348e-300, 1e-12)
                  && close_rel(m.js, 4.556618171938942e-301, 1e-12),
              "Q = 1.5 P but for small entries: KL %g %g, JS %g %g, measures(Q, P) %g %g %g", kpq, kqp, jpq, jqp, m.kl_pq,
              m.kl_qp, m.js);
    }
    /* Q = c P but for a few entries, c = 0x1.a9e1/0x1.ea a double from neither side: in some orders the
     * first sum, 5.2e-170, was kept (below the old n^2 1e-80 threshold) where KL is 1.9e-245 (found by the
     * fuzzer). mpmath at 6000 bits: KL(P||Q) 1.8702199956424152e-245, KL(Q||P) 1.8702199956424151e-245, JS
     * 4.6755499891060379e-246. Every rotation and the reversal. */
    {
        const double p0[24] = { 0, 0x1p+53, 0x1.3cp+2, 0x1.3bfffffd88p+2, 0, 0, 0x1.fff9f9f9f0206p-422, 0x1.eap+280,
                                0x1.eap-176, 0x1.ccp-288, 0x1.aba8p-288, 0x1.5p+0, 0x1.5p+0, 0x1.eap-176, 0x1.18p+1,
                                0x1.18p+1, 0x1.18p+1, 0x1.18p+1, 0x1.18p+1, 0, 0, 0, 0, 0 };
        const double q0[24] = { 0, 0x1.bdp+52, 0x1.12a6p+2, 0x1.12a5fffddab4p+2, 0, 0, 0x1.bcfac3c3bb342p-422,
                                0x1.a9e1p+280, 0x1.a9e1p-176, 0x1.8fcep-288, 0x1.73b184p-288, 0x1.2408p+0, 0x1.2408p+0,
                                0x1.a9e1p-176, 0x1.e6b8p+0, 0x1.e6b8p+0, 0x1.e6b8p+0, 0x1.e6b8p+0, 0x1.e6b8p+0, 0, 0, 0,
                                0, 0 };
        int bad = 0;
        for (int order = 0; order <= 24; order++) { /* 0..23: rotations; 24: reversed */
            double p[24], q[24], k;
            infodiv_measure_set m;
            for (int i = 0; i < 24; i++) {
                int j = order == 24 ? 23 - i : (i + order) % 24;
                p[i] = p0[j], q[i] = q0[j];
            }
            bad += !(infodiv_kl(p, q, 24, NULL, &k, NULL) == INFODIV_OK && infodiv_measures(p, q, 24, NULL, &m, NULL) == INFODIV_OK
                     && close_rel(k, 1.8702199956424152e-245, 1e-12) && close_rel(m.kl_pq, 1.8702199956424152e-245, 1e-12)
                     && close_rel(m.kl_qp, 1.8702199956424151e-245, 1e-12) && close_rel(m.js, 4.6755499891060379e-246, 1e-12));
        }
        CHECK(bad == 0, "Q = c P but for a few entries, c a double from neither side: %d of 25 orders off", bad);
    }
    /* Beta(0.1, 0.3) || Beta(3.375, DBL_MAX): G(0.3, DBL_MAX) passes DBL_MAX, and its scaled form formed
     * (1 + b) log a, -2.2e308, before scaling: -inf, so KL was +inf where it is 1.6918803373950489737e308
     * (mpmath, 6000 bits; found by the fuzz replay of npm test once the corpus grew). */
    {
        infodiv_dist P = { INFODIV_BETA, 0.1, 0.3, 0, NULL, NULL }, Q = { INFODIV_BETA, 3.375, DBL_MAX, 0, NULL, NULL };
        infodiv_dist_measure_set m;
        CHECK(infodiv_dist_kl(&P, &Q, NULL, NULL, 0, &m, NULL) == INFODIV_OK && close_rel(m.kl_pq, 1.6918803373950489737e308, 1e-13),
              "Beta KL just below DBL_MAX: %.17g", m.kl_pq);
    }
    /* Q is P shifted by one outcome, the entries 3.3125 less steps of 1e-11: q_j/p_j agree to 1e-22, and
     * each departure x_m y_j - y_m x_j is two products' errors of 1e-16 cancelling to 1e-21, whose rounded
     * difference put KL(P||Q) 2e-12 off (found by the fuzzer). mpmath at 8000 bits: KL(P||Q)
     * 2.1109029321463259e-43, KL(Q||P) 2.1109029321463259e-43, JS 5.2772573303658147e-44. */
    {
        const double p[10] = { 0x1.a8p+1, 0x1.a7fffffff92bp+1, 0x1.a7fffffff256p+1, 0x1.a7ffffffd55ap+1,
                               0x1.a7ffffffb85ep+1, 0x1.a7ffffff9b62p+1, 0x1.a7ffffff7e66p+1, 0x1.a7ffffff616ap+1,
                               0x1.a7ffffff446ep+1, 0x1.a7ffffff2772p+1 };
        const double q[10] = { 0x1.a7ffffffe304p+1, 0x1.a7ffffffdc2fp+1, 0x1.a7ffffffd55ap+1, 0x1.a7ffffffb85ep+1,
                               0x1.a7ffffff9b62p+1, 0x1.a7ffffff7e66p+1, 0x1.a7ffffff616ap+1, 0x1.a7ffffff446ep+1,
                               0x1.a7ffffff2772p+1, 0x1.a7ffffff0a76p+1 };
        double kpq, kqp, js;
        CHECK(infodiv_kl(p, q, 10, NULL, &kpq, NULL) == INFODIV_OK && infodiv_kl(q, p, 10, NULL, &kqp, NULL) == INFODIV_OK
                  && infodiv_js(p, q, 10, NULL, &js, NULL) == INFODIV_OK && close_rel(kpq, 2.1109029321463259e-43, 1e-13)
                  && close_rel(kqp, 2.1109029321463259e-43, 1e-13) && close_rel(js, 5.2772573303658147e-44, 1e-13),
              "departures of 1e-21 from products' errors: KL %.17g %.17g, JS %.17g", kpq, kqp, js);
    }
    /* kl_grid, not normalised, of flat p = 1, q = 1/2 on steps 2^-400 and 1 - 2^-400: Simpson's weights
     * -2^400/6 and 2^400/6 cancel, and its sum, rounded at 2^400, gave 0.231 for ln 2 (the integral of a
     * constant, exact for both rules). The fuzzer's case: flat p 1.1e308, q 1.7e300 on steps of 2^-373
     * and 2^108, whose KL, 3.8e341, is beyond the doubles. */
    {
        const double x[3] = { 0, 0x1p-400, 1 }, p[3] = { 1, 1, 1 }, q[3] = { 0.5, 0.5, 0.5 };
        const double xf[3] = { 0x1p-1007, 0x1.ec866b79e0cbap-373, 0x1.ec876b79e0cbap+108 };
        const double pf[3] = { 0x1.1ccf385ebc8ap+1023, 0x1.1ccf385ebc8ap+1023, 0x1.1ccf385ebc8ap+1023 };
        const double qf[3] = { 0x1.7e43c8800759cp+996, 0x1.7e43c8800759cp+996, 0x1.7e43c8800759cp+996 };
        const infodiv_options raw = { INFODIV_E, 0 };
        infodiv_grid_result r, rf;
        CHECK(infodiv_kl_grid(x, p, q, 3, &raw, &r, NULL) == INFODIV_OK && close_rel(r.kl, 0.69314718055994530942, 1e-15)
                  && infodiv_kl_grid(xf, pf, qf, 3, &raw, &rf, NULL) == INFODIV_OK && rf.kl == INFINITY,
              "kl_grid, Simpson's weights cancelling at 2^400: %.17g (ln 2), %g (inf)", r.kl, rf.kl);
    }
    return check_report("regressions");
}
