/* Code lengths, the sampler, log ratios, evidence paths and KL estimates.
 * Expected values are independent of the library: code lengths against a
 * textbook Huffman written here (repeatedly merge the two lightest, O(n^2)),
 * SplitMix64 against its published first outputs, draws' frequencies against
 * p by a chi-square bound, log ratios and sums against exact cases. */
#include <float.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "infodiv.h"

#define MAXN 64

/* Textbook Huffman: the average length sum p_i l_i of an optimal code, as the
 * sum of the weights of the merged nodes (each merge adds one bit to every
 * leaf below it). Independent of the library's in-place method. */
static double textbook_average(const double *p, size_t n)
{
    double w[MAXN], total = 0, avg = 0;
    size_t m = 0;
    for (size_t i = 0; i < n; i++)
        if (p[i] > 0)
            w[m++] = p[i], total += p[i];
    while (m > 1) {
        size_t a = 0, b = 1;
        if (w[b] < w[a])
            a = 1, b = 0;
        for (size_t i = 2; i < m; i++) {
            if (w[i] < w[a])
                b = a, a = i;
            else if (w[i] < w[b])
                b = i;
        }
        double merged = w[a] + w[b];
        avg += merged;
        w[a] = merged;
        w[b] = w[--m];
    }
    return avg / total;
}

static void test_code_lengths(void)
{
    unsigned len[MAXN];
    double work[2 * MAXN];
    const double dyadic[] = { 0.5, 0.25, 0.125, 0.125 };
    CHECK(infodiv_code_lengths(dyadic, 4, NULL, len, work, NULL) == INFODIV_OK && len[0] == 1 && len[1] == 2
              && len[2] == 3 && len[3] == 3,
          "dyadic lengths %u %u %u %u", len[0], len[1], len[2], len[3]);
    const double with_zero[] = { 0, 3, 0, 1 };
    CHECK(infodiv_code_lengths(with_zero, 4, NULL, len, work, NULL) == INFODIV_OK && len[0] == 0 && len[1] == 1
              && len[2] == 0 && len[3] == 1,
          "zeros get no codeword: %u %u %u %u", len[0], len[1], len[2], len[3]);
    const double one[] = { 0, 2.5, 0 };
    CHECK(infodiv_code_lengths(one, 3, NULL, len, work, NULL) == INFODIV_OK && len[1] == 0, "one outcome: %u", len[1]);
    const double bad[] = { 0.5, -0.1 };
    infodiv_error err;
    CHECK(infodiv_code_lengths(bad, 2, NULL, len, work, &err) == INFODIV_NEGATIVE && err.index == 1, "negative entry");
    /* random distributions, with ties and extremes: optimal and complete (Kraft sum 1) */
    srand(7);
    for (int t = 0; t < 2000; t++) {
        size_t n = 1 + (size_t)rand() % MAXN;
        double p[MAXN], total = 0;
        for (size_t i = 0; i < n; i++) {
            int r = rand() % 10;
            p[i] = r == 0 ? 0 : r == 1 ? 1e-300 : r == 2 ? 0.25 : (double)(rand() % 1000 + 1);
            total += p[i];
        }
        if (total == 0)
            p[0] = 1, total = 1;
        int st = infodiv_code_lengths(p, n, NULL, len, work, NULL);
        double avg = 0, kraft = 0, want = textbook_average(p, n);
        size_t positive = 0;
        for (size_t i = 0; i < n; i++) {
            avg += p[i] / total * len[i];
            if (p[i] > 0)
                kraft += ldexp(1, -(int)len[i]), positive++;
        }
        CHECK(st == INFODIV_OK && fabs(avg - want) <= 1e-12 * (1 + want), "case %d: average %.17g, optimal %.17g", t,
              avg, want);
        CHECK(positive == 1 ? kraft == 1 : kraft == 1, "case %d: Kraft sum %.17g", t, kraft);
    }
}

/* SplitMix64 from state 0: its first outputs are 0xE220A8397B1DCDAF,
 * 0x6E789E6AA1B965F4 (Vigna's reference implementation); u = output >> 11
 * times 2^-53, so the draws from a cdf of 2^20 equal cells are output >> 44. */
static void test_sampler(void)
{
    enum { CELLS = 1 << 20 };
    static double cdf[CELLS], p[CELLS];
    for (size_t i = 0; i < CELLS; i++)
        p[i] = 1;
    CHECK(infodiv_sampler_init(p, CELLS, NULL, cdf, NULL) == INFODIV_OK && cdf[CELLS - 1] == 1, "uniform cdf");
    uint64_t state = 0;
    uint32_t out[2];
    infodiv_sampler_draw(cdf, CELLS, &state, 2, out);
    CHECK(out[0] == (uint32_t)(0xE220A8397B1DCDAFu >> 44) && out[1] == (uint32_t)(0x6E789E6AA1B965F4u >> 44),
          "SplitMix64 draws %u %u", out[0], out[1]);

    const double q[] = { 0.5, 0, 0.3, 0.2, 0 };
    double qc[5];
    CHECK(infodiv_sampler_init(q, 5, NULL, qc, NULL) == INFODIV_OK && qc[0] == qc[1] && qc[3] == 1 && qc[4] == 1,
          "cdf: flat over zeros, 1 from the last positive");
    enum { DRAWS = 100000 };
    static uint32_t d[DRAWS];
    uint64_t s1 = 12345, s2 = 12345;
    infodiv_sampler_draw(qc, 5, &s1, DRAWS, d);
    double count[5] = { 0 };
    for (size_t k = 0; k < DRAWS; k++)
        count[d[k]]++;
    double chi2 = 0;
    for (int i = 0; i < 5; i++)
        if (q[i] > 0)
            chi2 += (count[i] - DRAWS * q[i]) * (count[i] - DRAWS * q[i]) / (DRAWS * q[i]);
    /* 2 degrees of freedom: P(chi2 > 13.8) = 0.001; the draws are fixed by the seed */
    CHECK(count[1] == 0 && count[4] == 0 && chi2 < 13.8, "frequencies: chi2 %g, zero outcomes drawn %g %g", chi2,
          count[1], count[4]);
    uint32_t again[DRAWS / 2];
    infodiv_sampler_draw(qc, 5, &s2, DRAWS / 2, again);
    infodiv_sampler_draw(qc, 5, &s2, DRAWS / 2, again); /* in two calls: the same stream */
    CHECK(s1 == s2 && memcmp(again, d + DRAWS / 2, sizeof again) == 0, "the state continues the stream");
}

/* SplitMix64's uniform, written out here: the reference the draws are checked against. */
static double reference_uniform(uint64_t *state)
{
    uint64_t z = (*state += 0x9E3779B97F4A7C15u);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9u;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBu;
    return (double)((z ^ (z >> 31)) >> 11) * 0x1p-53;
}

/* Each draw is the first i with cdf[i] > u, for few outcomes and many, with
 * ties (outcomes of probability 0) and an entry equal to a u drawn. */
static void test_sampler_inversion(void)
{
    static const size_t sizes[] = { 1, 2, 3, 5, 23, 24, 25, 40, 300 };
    enum { DRAWS = 2000 };
    static double cdf[300];
    static uint32_t d[DRAWS];
    for (size_t t = 0; t < sizeof sizes / sizeof *sizes; t++) {
        size_t n = sizes[t];
        uint64_t seed = 99 + t, ref = seed, state = seed, probe = seed;
        double first = reference_uniform(&probe);
        for (size_t i = 0; i + 1 < n; i++)
            cdf[i] = (double)(i - i % 3 + 1) / (double)n; /* runs of three equal entries */
        for (size_t i = 0; n > 2 && i + 1 < n; i++) /* still nondecreasing, with cdf[n / 2] = first */
            cdf[i] = i < n / 2 ? fmin(cdf[i], first) : i == n / 2 ? first : fmax(cdf[i], first);
        cdf[n - 1] = 1;
        infodiv_sampler_draw(cdf, n, &state, DRAWS, d);
        int wrong = 0;
        for (size_t k = 0; k < DRAWS && !wrong; k++) {
            double u = reference_uniform(&ref);
            uint32_t i = 0;
            while (!(cdf[i] > u))
                i++;
            wrong = d[k] != i;
            CHECK(!wrong, "%zu outcomes, draw %zu: %u, the first cdf above u = %.17g is %u", n, k, d[k], u, i);
        }
        CHECK(wrong || state == ref, "%zu outcomes: the state after the draws", n);
    }
}

static void test_evidence(void)
{
    const double p[] = { 0.5, 0.5, 0 }, q[] = { 0.25, 0.5, 0.25 };
    double lr[3];
    CHECK(infodiv_log_ratios(p, q, 3, NULL, lr, NULL) == INFODIV_OK && close_rel(lr[0], log(2), 1e-15) && lr[1] == 0
              && lr[2] == -INFINITY,
          "log ratios %g %g %g", lr[0], lr[1], lr[2]);
    /* P = (1 + e, 3)/(4 + e) beside Q = (1, 3)/4, e = 2^-52: log ratios log1p(e) - log1p(e/4) and -log1p(e/4) */
    const double a[] = { 1 + 0x1p-52, 3 }, b[] = { 1, 3 };
    double lab[2], e = 0x1p-52;
    CHECK(infodiv_log_ratios(a, b, 2, NULL, lab, NULL) == INFODIV_OK
              && close_rel(lab[0], log1p(e) - log1p(e / 4), 1e-14) && close_rel(lab[1], -log1p(e / 4), 1e-14),
          "near-equal log ratios %.17g %.17g", lab[0], lab[1]);

    const uint32_t draws[] = { 0, 1, 0, 0 };
    double path[4], est[3];
    infodiv_options bits = { 2, 1 };
    CHECK(infodiv_evidence_path(p, q, 3, &bits, draws, 4, path, NULL) == INFODIV_OK && path[0] == 1 && path[1] == 1
              && path[2] == 2 && path[3] == 3,
          "path in bits %g %g %g %g", path[0], path[1], path[2], path[3]);
    const uint32_t from_q[] = { 1, 2, 0 };
    CHECK(infodiv_evidence_path(p, q, 3, NULL, from_q, 3, path, NULL) == INFODIV_OK && path[0] == 0
              && path[1] == -INFINITY && path[2] == -INFINITY,
          "impossible under P: -inf");
    infodiv_error err;
    const uint32_t out_of_range[] = { 0, 3 };
    CHECK(infodiv_evidence_path(p, q, 3, NULL, out_of_range, 2, path, &err) == INFODIV_BAD_DRAW
              && err.arg == INFODIV_ARG_DRAWS && err.index == 1 && err.value == 3,
          "draw 3 of 3 outcomes");
    /* k1 = mean log r, k2 = mean log^2 r / 2, k3 = mean (1/r - 1 + log r): r = 2, 1, 2, 2 */
    CHECK(infodiv_kl_estimates(p, q, 3, NULL, draws, 4, est, NULL) == INFODIV_OK
              && close_rel(est[0], 0.75 * log(2), 1e-15) && close_rel(est[1], 0.75 * 0.5 * log(2) * log(2), 1e-15)
              && close_rel(est[2], 0.75 * (0.5 - 1 + log(2)), 1e-15),
          "estimates %.17g %.17g %.17g", est[0], est[1], est[2]);
    CHECK(infodiv_kl_estimates(p, q, 3, NULL, from_q, 3, est, &err) == INFODIV_BAD_DRAW && err.index == 1,
          "estimates need draws of P");
    CHECK(infodiv_kl_estimates(p, q, 3, NULL, draws, 0, est, &err) == INFODIV_EMPTY && err.arg == INFODIV_ARG_DRAWS,
          "no draws");
}

/* Up to 64 outcomes the draws' values are kept per outcome; the same
 * distributions padded to 65 outcomes (an entry 0 in both) take the per-draw
 * path: both must give the same path and estimates, bit for bit. */
static void test_evidence_cache(void)
{
    enum { N = 64, DRAWS = 5000 };
    double p[N + 1], q[N + 1], path64[DRAWS], path65[DRAWS], est64[3], est65[3];
    uint32_t draws[DRAWS], x = 12345;
    for (int i = 0; i < N; i++) { /* near-equal pairs (the log1p form) and far ones */
        p[i] = 1 + i % 7;
        q[i] = i % 3 ? p[i] * (1 + 0x1p-40 * i) : 0.5 + i % 5;
    }
    p[N] = q[N] = 0;
    for (int k = 0; k < DRAWS; k++)
        x = x * 1103515245u + 12345u, draws[k] = (x >> 8) % N;
    CHECK(infodiv_evidence_path(p, q, N, NULL, draws, DRAWS, path64, NULL) == INFODIV_OK
              && infodiv_evidence_path(p, q, N + 1, NULL, draws, DRAWS, path65, NULL) == INFODIV_OK
              && memcmp(path64, path65, sizeof path64) == 0,
          "evidence path: 64 outcomes (kept per outcome) and 65 (per draw) differ");
    CHECK(infodiv_kl_estimates(p, q, N, NULL, draws, DRAWS, est64, NULL) == INFODIV_OK
              && infodiv_kl_estimates(p, q, N + 1, NULL, draws, DRAWS, est65, NULL) == INFODIV_OK
              && memcmp(est64, est65, sizeof est64) == 0,
          "estimates: 64 outcomes %.17g %.17g %.17g, 65 %.17g %.17g %.17g", est64[0], est64[1], est64[2], est65[0],
          est65[1], est65[2]);
}

int main(void)
{
    test_code_lengths();
    test_sampler();
    test_sampler_inversion();
    test_evidence();
    test_evidence_cache();
    return check_report("coding");
}
