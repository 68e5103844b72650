/* Properties and closed forms that need no reference file: n = 1e6 with an
 * exact answer near 1e-20, exact zeros, non-negativity, identities between
 * the measures, base change, float = double, normalize off. */
#include "check.h"
#include "infodiv.h"

#include <float.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static uint64_t rng_state = 0x9E3779B97F4A7C15u;
static double uniform01(void) /* xorshift64*, deterministic */
{
    rng_state ^= rng_state >> 12, rng_state ^= rng_state << 25, rng_state ^= rng_state >> 27;
    return (double)((rng_state * 2685821657736338717u) >> 11) * 0x1p-53;
}

/* P uniform on n = 1e6 outcomes; Q = (1 + d) on the first half, (1 - d) on
 * the second, d = 2^-k, so Q sums to n exactly and, with x = d^2,
 *   KL(P||Q) = -log(1 - x)/2,  KL(Q||P) = x/2 + x^2/12 + x^3/30 + ...,
 *   JS = x/8 + O(x^2), H(P) = log n, H(Q) = log n - KL(Q||P). */
static void closed_form_million(int k)
{
    const size_t n = 1000000;
    const double d = ldexp(1, -k), x = d * d;
    double *p = malloc(n * sizeof *p), *q = malloc(n * sizeof *q), *terms = malloc(n * sizeof *terms);
    for (size_t i = 0; i < n; i++)
        p[i] = 1, q[i] = i < n / 2 ? 1 + d : 1 - d;

    double kl_pq = -0.5 * log1p(-x), kl_qp = x / 2 + x * x / 12 + x * x * x / 30;
    infodiv_measure_set m;
    CHECK(infodiv_measures(p, q, n, NULL, &m, NULL) == INFODIV_OK, "measures n=1e6");
    CHECK(close_rel(m.kl_pq, kl_pq, 1e-12), "d=2^-%d KL(P||Q) %.17g, want %.17g", k, m.kl_pq, kl_pq);
    CHECK(close_rel(m.kl_qp, kl_qp, 1e-12), "d=2^-%d KL(Q||P) %.17g, want %.17g", k, m.kl_qp, kl_qp);
    CHECK(close_rel(m.entropy_p, log((double)n), 1e-12), "H(P) %.17g", m.entropy_p);
    CHECK(close_rel(m.entropy_q, log((double)n) - kl_qp, 1e-12), "H(Q) %.17g", m.entropy_q);
    if (k > 20) /* x^2 negligible */
        CHECK(close_rel(m.js, x / 8, 1e-12), "d=2^-%d JS %.17g, want %.17g", k, m.js, x / 8);

    double r;
    CHECK(infodiv_kl(p, q, n, NULL, &r, NULL) == INFODIV_OK && close_rel(r, kl_pq, 1e-12),
          "kl n=1e6: %.17g, want %.17g", r, kl_pq);
    CHECK(infodiv_kl(q, p, n, NULL, &r, NULL) == INFODIV_OK && close_rel(r, kl_qp, 1e-12),
          "kl reverse n=1e6: %.17g, want %.17g", r, kl_qp);
    CHECK(infodiv_kl_terms(p, q, n, NULL, terms, NULL) == INFODIV_OK, "kl_terms n=1e6");
    CHECK(close_rel(terms[0], -log1p(d) / (double)n, 1e-14) && close_rel(terms[n - 1], -log1p(-d) / (double)n, 1e-14),
          "kl_terms: %.17g %.17g", terms[0], terms[n - 1]);

    /* What the textbook sum gives here, to show why the method matters. */
    double naive = 0;
    for (size_t i = 0; i < n; i++)
        naive += (p[i] / (double)n) * log((p[i] / (double)n) / (q[i] / (double)n));
    printf("n=1e6, d=2^-%d: KL(P||Q) exact %.6e, infodiv %.6e, textbook sum %.6e\n", k, kl_pq, m.kl_pq, naive);
    free(p), free(q), free(terms);
}

static void random_dist(double *v, size_t n, double scale, double zero_share)
{
    for (size_t i = 0; i < n; i++)
        v[i] = uniform01() < zero_share ? 0 : scale * uniform01();
    v[0] = scale; /* never all zero */
}

int main(void)
{
    closed_form_million(33); /* KL ~ 6.8e-21 */
    closed_form_million(12); /* KL ~ 3e-8 */

    enum { N = 64 };
    double p[N], q[N], terms[N];
    float pf[N], qf[N];
    const double scales[] = { 1, 1e6, 1e-300, 1e300, 5e-324 * 1e10 };
    for (int trial = 0; trial < 2000; trial++) {
        size_t n = 1 + (size_t)(uniform01() * N);
        double scale = scales[trial % 5];
        random_dist(p, n, scale, trial % 3 == 0 ? 0.3 : 0);

        /* KL(P||P) and JS(P,P) are exactly 0, also against a power-of-two multiple. */
        double r;
        int halve = trial % 2; /* halving is exact unless it drops a subnormal's last bit */
        for (size_t i = 0; i < n; i++)
            halve &= p[i] * 0.5 * 2 == p[i];
        for (size_t i = 0; i < n; i++)
            q[i] = halve ? p[i] * 0.5 : p[i];
        CHECK(infodiv_kl(p, q, n, NULL, &r, NULL) == INFODIV_OK && r == 0, "KL(P||P) = %g at scale %g", r, scale);
        CHECK(infodiv_js(p, q, n, NULL, &r, NULL) == INFODIV_OK && r == 0, "JS(P,P) = %g", r);

        /* Nearly equal: never negative, whatever the size of the perturbation. */
        double eps = pow(10, -16 + 14 * uniform01());
        for (size_t i = 0; i < n; i++)
            q[i] = p[i] * (1 + eps * (2 * uniform01() - 1));
        infodiv_measure_set m;
        CHECK(infodiv_measures(p, q, n, NULL, &m, NULL) == INFODIV_OK, "measures");
        CHECK(m.kl_pq >= 0 && m.kl_qp >= 0 && m.js >= 0, "negative divergence at eps %g: %g %g %g", eps,
              m.kl_pq, m.kl_qp, m.js);

        /* Identities, on unrelated P and Q with zeros. */
        double qscale = scales[(trial + 1) % 5];
        random_dist(q, n, qscale, trial % 3 == 1 ? 0.3 : 0);
        double h, ce, k, js;
        CHECK((infodiv_measures(p, q, n, NULL, &m, NULL) | infodiv_entropy(p, n, NULL, &h, NULL)
               | infodiv_cross_entropy(p, q, n, NULL, &ce, NULL) | infodiv_kl(p, q, n, NULL, &k, NULL)
               | infodiv_js(p, q, n, NULL, &js, NULL)) == INFODIV_OK, "status");
        CHECK(ce == m.cross_entropy_pq, "measures and cross_entropy differ: %.17g %.17g", m.cross_entropy_pq, ce);
        CHECK(close_rel(h, m.entropy_p, 1e-14) && close_rel(ce, m.cross_entropy_pq, 1e-12)
                  && close_rel(k, m.kl_pq, 1e-14) && close_rel(js, m.js, 1e-14),
              "single functions agree with measures");
        CHECK(isinf(ce) ? isinf(h + k) : close_rel(ce, h + k, 1e-12), "H(P,Q) %.17g != H(P) + KL %.17g", ce, h + k);
        CHECK(m.entropy_p <= log((double)n) * (1 + 1e-15), "H(P) %g > log n", m.entropy_p);
        CHECK(m.js <= log(2) * (1 + 1e-15) && m.js >= 0, "JS %g outside [0, log 2]", m.js);

        /* Base change divides by log(base). */
        infodiv_options bits = { 2, 1 }, b10 = { 10, 1 };
        double k2, k10;
        CHECK((infodiv_kl(p, q, n, &bits, &k2, NULL) | infodiv_kl(p, q, n, &b10, &k10, NULL)) == INFODIV_OK, "status");
        CHECK(isinf(k) ? isinf(k2) : close_rel(k2, k / log(2), 1e-15), "KL in bits");
        CHECK(isinf(k) ? isinf(k10) : close_rel(k10, k / log(10), 1e-15), "KL in hartleys");

        /* The float functions compute exactly what the double ones do on the widened values. */
        if (scale >= 1e-30 && scale <= 1e30 && qscale >= 1e-30 && qscale <= 1e30) {
            for (size_t i = 0; i < n; i++)
                pf[i] = (float)p[i], qf[i] = (float)q[i], p[i] = pf[i], q[i] = qf[i];
            infodiv_measure_set mf, md;
            CHECK(infodiv_measures_f32(pf, qf, n, NULL, &mf, NULL) == INFODIV_OK
                      && infodiv_measures(p, q, n, NULL, &md, NULL) == INFODIV_OK, "f32 status");
            CHECK(memcmp(&mf, &md, sizeof mf) == 0, "f32 and f64 measures differ");
            double tf[N];
            CHECK(infodiv_kl_terms_f32(pf, qf, n, NULL, tf, NULL) == INFODIV_OK
                      && infodiv_kl_terms(p, q, n, NULL, terms, NULL) == INFODIV_OK, "f32 terms status");
            CHECK(memcmp(tf, terms, n * sizeof *tf) == 0, "f32 and f64 kl_terms differ");
        }
    }

    /* A base below 1 flips the sign of every value, infinities included. */
    {
        infodiv_options half = { 0.5, 1 };
        double k, ce, t[2];
        infodiv_measure_set mh;
        const double a2[] = { 0.5, 0.5 }, b2[] = { 1, 0 };
        CHECK(infodiv_kl(a2, b2, 2, &half, &k, NULL) == INFODIV_OK && k == -INFINITY, "KL base 0.5: %g", k);
        CHECK(infodiv_cross_entropy(a2, b2, 2, &half, &ce, NULL) == INFODIV_OK && ce == -INFINITY, "H(P,Q) base 0.5: %g", ce);
        CHECK(infodiv_kl_terms(a2, b2, 2, &half, t, NULL) == INFODIV_OK && t[1] == -INFINITY && close_rel(t[0], 0.5, 1e-15), /* 0.5 log 0.5 / log 0.5 */
              "terms base 0.5: %g %g", t[0], t[1]);
        CHECK(infodiv_measures(a2, b2, 2, &half, &mh, NULL) == INFODIV_OK && mh.kl_pq == -INFINITY
                  && mh.cross_entropy_pq == -INFINITY && close_rel(mh.entropy_p, -1, 1e-15) && mh.kl_qp < 0,
              "measures base 0.5");
    }
    /* normalize off: exact probability vectors give the normalised results. */
    const double a[] = { 0.5, 0.25, 0.125, 0.125 }, b[] = { 0.25, 0.25, 0.25, 0.25 };
    infodiv_options raw = { INFODIV_E, 0 };
    infodiv_measure_set mr, mn;
    CHECK(infodiv_measures(a, b, 4, &raw, &mr, NULL) == INFODIV_OK, "normalize off");
    CHECK(infodiv_measures(a, b, 4, NULL, &mn, NULL) == INFODIV_OK, "normalized");
    CHECK(close_rel(mr.kl_pq, mn.kl_pq, 1e-15) && close_rel(mr.entropy_p, 1.75 * log(2), 1e-15)
              && close_rel(mr.kl_pq, 0.25 * log(2), 1e-15),
          "normalize off: KL %.17g", mr.kl_pq);
    /* A sum a rounding away from 1 is accepted, and KL stays >= 0. */
    const double c[] = { 0.1, 0.2, 0.7 }, e[] = { 0.1, 0.2, 0.7000000000000001 };
    double r;
    CHECK(infodiv_kl(c, e, 3, &raw, &r, NULL) == INFODIV_OK && r >= 0, "normalize off, sums 1 +- ulp: %g", r);
    return check_report("properties");
}
