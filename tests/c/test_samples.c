/* Message lengths, draw counts, summaries, evidence runs and histograms.
 * Expected values are worked out by hand from the definitions in infodiv.h
 * (dyadic distributions, whose code lengths and log2 ratios are whole
 * numbers), not by the library. */
#include <float.h>
#include <math.h>
#include <stdint.h>

#include "check.h"
#include "infodiv.h"

static const infodiv_options BITS = { 2, 1 };

static void test_message_lengths(void)
{
    const double p[] = { 0.5, 0.25, 0.125, 0.125 }, q[] = { 0.125, 0.125, 0.25, 0.5 };
    const uint32_t draws[] = { 0, 1, 0, 3 };
    unsigned len[8];
    double paths[20], expected[2], work[8];
    CHECK(infodiv_message_lengths(p, q, 4, &BITS, draws, 4, len, paths, expected, work, NULL) == INFODIV_OK,
          "dyadic message");
    const unsigned want_len[] = { 1, 2, 3, 3, 3, 3, 2, 1 };
    const double want[] = { 1,       3,       4,   7,           /* P's bits */ 3,
                            6,       9,       10,  /* Q's */ 1, 1.5,
                            4.0 / 3, 1.75, /* per symbol */
                            3,       3,       3,   2.5,         2,
                            1.5,     5.0 / 3, 0.75 /* Q's minus P's */ };
    for (int i = 0; i < 8; i++)
        CHECK(len[i] == want_len[i], "length %d: %u, want %u", i, len[i], want_len[i]);
    for (int k = 0; k < 20; k++)
        CHECK(close_rel(paths[k], want[k], 1e-15), "row %d, symbol %d: %.17g, want %.17g", k / 4, k % 4, paths[k],
              want[k]);
    CHECK(expected[0] == 1.75 && expected[1] == 2.625, "expected lengths %.17g %.17g", expected[0], expected[1]);

    CHECK(infodiv_message_lengths(p, q, 4, NULL, draws, 4, len, paths, expected, work, NULL) == INFODIV_OK
              && close_rel(paths[11], 1.75 * 0.6931471805599453, 1e-15)
              && close_rel(expected[1], 2.625 * 0.6931471805599453, 1e-15),
          "in nats: %.17g %.17g", paths[11], expected[1]);

    const double counts[] = { 2, 1, 1 }, no_c[] = { 1, 1, 0 };
    const uint32_t reaches_c[] = { 0, 2, 1 };
    CHECK(infodiv_message_lengths(counts, no_c, 3, &BITS, reaches_c, 3, len, paths, expected, work, NULL) == INFODIV_OK
              && paths[3] == 1 && isinf(paths[4]) && isinf(paths[5]) && paths[9] == 1 && isinf(paths[10])
              && isinf(paths[13]) && isinf(paths[14]) && expected[0] == 1.5 && isinf(expected[1]),
          "Q's code has no word for c: bits_q %g %g %g, expected %g %g", paths[3], paths[4], paths[5], expected[0],
          expected[1]);

    infodiv_error err;
    const uint32_t out_of_range[] = { 0, 4 }, impossible[] = { 1, 3 };
    const double zero_last[] = { 1, 1, 1, 0 }, negative_q[] = { 1, -1, 1, 1 };
    CHECK(infodiv_message_lengths(p, q, 4, NULL, out_of_range, 2, len, paths, expected, work, &err) == INFODIV_BAD_DRAW
              && err.arg == INFODIV_ARG_DRAWS && err.index == 1 && err.value == 4,
          "a draw beyond n");
    CHECK(infodiv_message_lengths(zero_last, q, 4, NULL, impossible, 2, len, paths, expected, work, &err)
                  == INFODIV_BAD_DRAW
              && err.index == 1,
          "a draw P cannot make");
    CHECK(infodiv_message_lengths(p, negative_q, 4, NULL, draws, 4, len, paths, expected, work, &err)
                  == INFODIV_NEGATIVE
              && err.arg == INFODIV_ARG_Q && err.index == 1,
          "q's errors name q: arg %d", err.arg);
    const infodiv_options one = { 1, 1 };
    CHECK(infodiv_message_lengths(p, q, 4, &one, draws, 4, len, paths, expected, work, &err) == INFODIV_BAD_BASE
              && err.arg == INFODIV_ARG_BASE,
          "base 1");
    CHECK(infodiv_message_lengths(p, q, 4, NULL, draws, 0, len, NULL, expected, work, NULL) == INFODIV_OK
              && expected[0] == 1.75 * 0.6931471805599453,
          "no draws: the expected lengths alone");
}

static void test_draw_counts(void)
{
    const uint32_t draws[] = { 2, 0, 2, 2 };
    uint32_t counts[3];
    double shares[3];
    CHECK(infodiv_draw_counts(draws, 4, 3, counts, shares, NULL) == INFODIV_OK && counts[0] == 1 && counts[1] == 0
              && counts[2] == 3 && shares[0] == 0.25 && shares[1] == 0 && shares[2] == 0.75,
          "counts %u %u %u", counts[0], counts[1], counts[2]);
    CHECK(infodiv_draw_counts(draws, 0, 3, counts, shares, NULL) == INFODIV_OK && counts[2] == 0 && isnan(shares[0]),
          "no draws: counts 0, shares NaN");
    infodiv_error err;
    CHECK(infodiv_draw_counts(draws, 4, 2, counts, NULL, &err) == INFODIV_BAD_DRAW && err.index == 0 && err.value == 2,
          "a draw beyond n");
}

static void test_summary(void)
{
    double out[3];
    const double x[] = { 1, 2, 3, 4 };
    CHECK(infodiv_summary(x, 4, out, NULL) == INFODIV_OK && out[0] == 2.5 && close_rel(out[1], sqrt(5.0 / 3), 1e-15)
              && close_rel(out[2], sqrt(5.0 / 3) / 2, 1e-15),
          "1..4: %.17g %.17g %.17g", out[0], out[1], out[2]);
    const double cancelling[] = { 1e16, 1, -1e16, 1 }; /* a plain sum gives 0 or 1, not 2 */
    CHECK(infodiv_summary(cancelling, 4, out, NULL) == INFODIV_OK && out[0] == 0.5, "compensated mean %.17g", out[0]);
    const double one[] = { 7 }, inf[] = { 1, INFINITY }, both[] = { -INFINITY, INFINITY }, bad[] = { 1, NAN };
    CHECK(infodiv_summary(one, 1, out, NULL) == INFODIV_OK && out[0] == 7 && out[1] == 0 && out[2] == 0, "one value");
    CHECK(infodiv_summary(inf, 2, out, NULL) == INFODIV_OK && out[0] == INFINITY && isnan(out[1]) && isnan(out[2]),
          "an infinite value");
    CHECK(infodiv_summary(both, 2, out, NULL) == INFODIV_OK && isnan(out[0]), "both infinities");
    infodiv_error err;
    CHECK(infodiv_summary(bad, 2, out, &err) == INFODIV_NAN && err.arg == INFODIV_ARG_VALUES && err.index == 1, "NaN");
    CHECK(infodiv_summary(x, 0, out, &err) == INFODIV_EMPTY && err.arg == INFODIV_ARG_VALUES, "no values");
}

/* Values at both ends of the double range: sums and squares that would
 * overflow or underflow unscaled. Dyadic, so the answers are exact. */
static void test_extremes(void)
{
    double out[3];
    const double top[] = { 0x1.8p1023, 0x1p1022 }; /* sum 2^1024 overflows: mean 2^1023, deviations 2^1022 */
    CHECK(infodiv_summary(top, 2, out, NULL) == INFODIV_OK && out[0] == 0x1p1023
              && close_rel(out[1], 0x1p1022 * sqrt(2), 1e-15) && out[2] == 0x1p1022,
          "near DBL_MAX: %a %a %a", out[0], out[1], out[2]);
    const double largest[] = { DBL_MAX, DBL_MAX, DBL_MAX };
    CHECK(infodiv_summary(largest, 3, out, NULL) == INFODIV_OK && out[0] == DBL_MAX && out[1] == 0, "DBL_MAX: %a %a",
          out[0], out[1]);
    const double wide[] = { 0x1p600, -0x1p600 }; /* a squared deviation 2^1200 overflows */
    CHECK(infodiv_summary(wide, 2, out, NULL) == INFODIV_OK && out[0] == 0
              && close_rel(out[1], 0x1p600 * sqrt(2), 1e-15) && out[2] == 0x1p600,
          "+-2^600: %a %a %a", out[0], out[1], out[2]);
    /* the sum stays in range (-1.5, 0, 1.5 times 2^1023), a deviation does not: -2^1024 from the mean
     * 2^1022 (spread and standard error were +inf) */
    const double apart[] = { -0x1.8p1023, 0x1.8p1023, 0x1.8p1023 };
    CHECK(infodiv_summary(apart, 3, out, NULL) == INFODIV_OK && out[0] == 0x1p1022
              && close_rel(out[1], 0x1p1023 * sqrt(3), 1e-15) && close_rel(out[2], 0x1p1023, 1e-15),
          "a deviation of -2^1024: %a %a %a", out[0], out[1], out[2]);
    const double tiny[] = { 0x1p-1074, 0x3p-1074 }; /* squared deviations 2^-2148 underflow */
    CHECK(infodiv_summary(tiny, 2, out, NULL) == INFODIV_OK && out[0] == 0x1p-1073 && out[1] == 0x1p-1074
              && out[2] == 0x1p-1074,
          "subnormal: %a %a %a", out[0], out[1], out[2]);
    /* P's total 2^1024 overflows: p^ = (1/2, 1/2), one bit a symbol with either code */
    const double p[] = { 0x1p1023, 0x1p1023 }, q[] = { 1, 1 };
    unsigned len[4];
    double expected[2], work[4];
    CHECK(infodiv_message_lengths(p, q, 2, &BITS, NULL, 0, len, NULL, expected, work, NULL) == INFODIV_OK
              && expected[0] == 1 && expected[1] == 1,
          "expected lengths of a P near DBL_MAX: %.17g %.17g", expected[0], expected[1]);
}

static void test_evidence_runs(void)
{
    /* log2(p/q): outcome 0 gives 1, outcome 1 gives log2(2/3) */
    const double p[] = { 0.5, 0.5 }, q[] = { 0.25, 0.75 }, l1 = log2(2.0 / 3);
    const uint32_t draws[] = { 0, 0, 0, /* run 1 */ 1, 0, 1 };
    double paths[6], mean[3];
    uint32_t stops[2];
    infodiv_evidence_summary s;
    CHECK(infodiv_evidence_runs(p, q, 2, &BITS, draws, 2, 3, 4, 1, paths, mean, stops, &s, NULL) == INFODIV_OK,
          "two runs");
    const double want[] = { 1, 2, 3, l1, log2(4.0 / 3), log2(8.0 / 9) };
    for (int k = 0; k < 6; k++)
        CHECK(close_rel(paths[k], want[k], 1e-15), "path %d: %.17g", k, paths[k]);
    for (int k = 0; k < 3; k++)
        CHECK(close_rel(mean[k], (want[k] + want[3 + k]) / 2, 1e-15), "mean %d: %.17g", k, mean[k]);
    CHECK(stops[0] == 2 && stops[1] == 0 && s.stopped == 1 && s.mean_stop == 2 && s.threshold == 2,
          "stops %u %u, stopped %g, mean %g, threshold %g", stops[0], stops[1], s.stopped, s.mean_stop, s.threshold);
    double a = 1, b = log2(8.0 / 9) / 3, m = (a + b) / 2, sd = fabs(a - b) / sqrt(2.0);
    CHECK(close_rel(s.slope, m, 1e-15) && close_rel(s.slope_spread, sd, 1e-14)
              && close_rel(s.slope_error, sd / sqrt(2.0), 1e-14),
          "slope %.17g ± %.17g (%.17g)", s.slope, s.slope_spread, s.slope_error);
    double kl_pq = 1 - 0.5 * log2(3.0), kl_qp = -0.25 + 0.75 * log2(1.5);
    CHECK(close_rel(s.wald, 2 / kl_pq, 1e-14), "wald %.17g, want %.17g", s.wald, 2 / kl_pq);

    const uint32_t from_q[] = { 1, 1, 1 };
    CHECK(infodiv_evidence_runs(p, q, 2, &BITS, from_q, 1, 3, 4, -1, paths, mean, stops, &s, NULL) == INFODIV_OK
              && s.threshold == -2 && stops[0] == 0 && isnan(s.mean_stop) && close_rel(s.wald, 2 / kl_qp, 1e-14)
              && close_rel(s.slope, l1, 1e-15) && s.slope_spread == 0,
          "from Q: threshold %g, wald %.17g, slope %.17g", s.threshold, s.wald, s.slope);

    infodiv_error err;
    const uint32_t bad[] = { 0, 0, 0, 0, 2, 0 };
    CHECK(infodiv_evidence_runs(p, q, 2, NULL, bad, 2, 3, 19, 1, paths, mean, stops, &s, &err) == INFODIV_BAD_DRAW
              && err.arg == INFODIV_ARG_DRAWS && err.index == 4,
          "a bad draw in run 1: index %zu", err.index);
    CHECK(infodiv_evidence_runs(p, q, 2, NULL, draws, 0, 3, 19, 1, paths, mean, stops, &s, &err) == INFODIV_EMPTY
              && err.arg == INFODIV_ARG_DRAWS,
          "no runs");
    CHECK(infodiv_evidence_runs(p, q, 2, NULL, draws, 2, 3, 1, 1, paths, mean, stops, &s, &err) == INFODIV_BAD_ARGUMENT
              && err.arg == INFODIV_ARG_ODDS && err.index == 0,
          "odds 1");
    CHECK(infodiv_evidence_runs(p, q, 2, NULL, draws, 2, 3, NAN, 1, paths, mean, stops, &s, &err)
              == INFODIV_BAD_ARGUMENT,
          "odds NaN");
    CHECK(infodiv_evidence_runs(p, q, 2, NULL, draws, 2, 3, 19, 0, paths, mean, stops, &s, &err) == INFODIV_BAD_ARGUMENT
              && err.index == 1,
          "toward 0");
    const double negative[] = { 0.5, -0.5 };
    CHECK(infodiv_evidence_runs(p, negative, 2, NULL, draws, 2, 3, 19, -1, paths, mean, stops, &s, &err)
                  == INFODIV_NEGATIVE
              && err.arg == INFODIV_ARG_Q,
          "from Q, q's error still names q: arg %d", err.arg);
}

static void test_histogram(void)
{
    const uint32_t values[] = { 0, 1, 5, 10, 3 };
    uint32_t counts[4], shape[2];
    CHECK(infodiv_histogram(values, 5, 4, counts, shape, NULL) == INFODIV_OK && shape[0] == 3 && shape[1] == 4
              && counts[0] == 2 && counts[1] == 1 && counts[2] == 0 && counts[3] == 1,
          "width %u, bins %u, counts %u %u %u %u", shape[0], shape[1], counts[0], counts[1], counts[2], counts[3]);
    const uint32_t never[] = { 0, 0 };
    CHECK(infodiv_histogram(never, 2, 4, counts, shape, NULL) == INFODIV_OK && shape[0] == 1 && shape[1] == 1
              && counts[0] == 0,
          "none: one empty bin");
    const uint32_t big[] = { UINT32_MAX };
    CHECK(infodiv_histogram(big, 1, 1, counts, shape, NULL) == INFODIV_OK && shape[0] == UINT32_MAX && counts[0] == 1,
          "the largest value");
    infodiv_error err;
    CHECK(infodiv_histogram(values, 5, 0, counts, shape, &err) == INFODIV_BAD_ARGUMENT, "no bins");
}

int main(void)
{
    test_message_lengths();
    test_draw_counts();
    test_summary();
    test_extremes();
    test_evidence_runs();
    test_histogram();
    return check_report("samples");
}
