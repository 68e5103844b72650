/* Times infodiv_kl compiled natively (gcc -O3, the same C core as the wasm)
 * on the inputs the JS benchmark wrote, so both are measured in one run.
 * Usage: native FILE SAMPLES   (FILE: uint64 n, then n doubles of p, n of q)
 * Prints: result median-ns-per-call */
#include "infodiv.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static double now_ns(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1e9 + t.tv_nsec;
}

static int by_value(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

int main(int argc, char **argv)
{
    FILE *f = argc == 3 ? fopen(argv[1], "rb") : NULL;
    uint64_t n;
    if (!f || fread(&n, sizeof n, 1, f) != 1) {
        fprintf(stderr, "usage: native FILE SAMPLES\n");
        return 2;
    }
    double *p = malloc(n * sizeof *p), *q = malloc(n * sizeof *q);
    if (!p || !q || fread(p, sizeof *p, n, f) != n || fread(q, sizeof *q, n, f) != n)
        return 2;
    fclose(f);

    double result = 0, sink = 0;
    if (infodiv_kl(p, q, n, NULL, &result, NULL) != INFODIV_OK)
        return 1;
    long reps = 1; /* calibrate: one sample takes at least 20 ms */
    for (;;) {
        double t0 = now_ns();
        for (long r = 0; r < reps; r++) {
            infodiv_kl(p, q, n, NULL, &result, NULL);
            sink += result;
        }
        if (now_ns() - t0 >= 2e7)
            break;
        reps *= 2;
    }
    int samples = atoi(argv[2]);
    double *times = malloc(samples * sizeof *times);
    for (int s = 0; s < samples; s++) {
        double t0 = now_ns();
        for (long r = 0; r < reps; r++) {
            infodiv_kl(p, q, n, NULL, &result, NULL);
            sink += result;
        }
        times[s] = (now_ns() - t0) / reps;
    }
    qsort(times, samples, sizeof *times, by_value);
    printf("%.17g %.3f\n", result, times[samples / 2] + 0 * sink);
    free(p), free(q), free(times);
    return 0;
}
