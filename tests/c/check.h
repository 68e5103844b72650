/* A minimal test harness: counts checks, prints failures and, at the end,
 * one "NAME: N passed, N failed" line. */
#ifndef CHECK_H
#define CHECK_H
#include <math.h>
#include <stdio.h>

static int checks_passed, checks_failed;

#define CHECK(cond, ...)                                                    \
    do {                                                                    \
        if (cond) {                                                         \
            checks_passed++;                                                \
        } else {                                                            \
            checks_failed++;                                                \
            fprintf(stderr, "FAIL %s:%d: ", __FILE__, __LINE__);            \
            fprintf(stderr, __VA_ARGS__);                                   \
            fputc('\n', stderr);                                            \
        }                                                                   \
    } while (0)

/* got agrees with want to relative error tol; 0 and infinities must match exactly. */
static inline int close_rel(double got, double want, double tol)
{
    if (want == 0 || isinf(want))
        return got == want;
    return fabs(got - want) <= tol * fabs(want);
}

static inline int check_report(const char *name)
{
    printf("%s: %d passed, %d failed\n", name, checks_passed, checks_failed);
    return checks_failed != 0;
}
#endif
