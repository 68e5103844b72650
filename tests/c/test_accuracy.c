/* Every case and every measure of tests/fixtures/discrete.json (700-digit
 * reference values) within 1e-12 relative error, for double input, and for
 * float input where the case's values are exact floats.
 * Usage: test_accuracy FIXTURES.txt (written by fixtures.mjs). */
#include "check.h"
#include "infodiv.h"

#include <stdlib.h>
#include <string.h>

#define TOL 1e-12
enum { N_MEASURES = 7 };
static const char *names[N_MEASURES] = { "entropy_p", "entropy_q", "cross_entropy_pq",
                                         "cross_entropy_qp", "kl_pq", "kl_qp", "js" };
static double worst[N_MEASURES];

static void note_error(int m, double got, double want)
{
    if (want != 0 && !isinf(want)) {
        double rel = fabs(got - want) / fabs(want);
        if (rel > worst[m])
            worst[m] = rel;
    }
}

/* The seven measures through the single-measure functions, swapping p and q for the reverse ones. */
static int one_by_one(const double *p, const double *q, size_t n, const infodiv_options *o, double out[N_MEASURES])
{
    int s = 0;
    s |= infodiv_entropy(p, n, o, &out[0], NULL);
    s |= infodiv_entropy(q, n, o, &out[1], NULL);
    s |= infodiv_cross_entropy(p, q, n, o, &out[2], NULL);
    s |= infodiv_cross_entropy(q, p, n, o, &out[3], NULL);
    s |= infodiv_kl(p, q, n, o, &out[4], NULL);
    s |= infodiv_kl(q, p, n, o, &out[5], NULL);
    s |= infodiv_js(p, q, n, o, &out[6], NULL);
    return s;
}

static int one_by_one_f32(const float *p, const float *q, size_t n, const infodiv_options *o, double out[N_MEASURES])
{
    int s = 0;
    s |= infodiv_entropy_f32(p, n, o, &out[0], NULL);
    s |= infodiv_entropy_f32(q, n, o, &out[1], NULL);
    s |= infodiv_cross_entropy_f32(p, q, n, o, &out[2], NULL);
    s |= infodiv_cross_entropy_f32(q, p, n, o, &out[3], NULL);
    s |= infodiv_kl_f32(p, q, n, o, &out[4], NULL);
    s |= infodiv_kl_f32(q, p, n, o, &out[5], NULL);
    s |= infodiv_js_f32(p, q, n, o, &out[6], NULL);
    return s;
}

static void unpack(const infodiv_measure_set *m, double out[N_MEASURES])
{
    out[0] = m->entropy_p, out[1] = m->entropy_q, out[2] = m->cross_entropy_pq;
    out[3] = m->cross_entropy_qp, out[4] = m->kl_pq, out[5] = m->kl_qp, out[6] = m->js;
}

static void compare(const char *name, const char *path, const double got[N_MEASURES],
                    const double want[N_MEASURES])
{
    for (int m = 0; m < N_MEASURES; m++) {
        note_error(m, got[m], want[m]);
        CHECK(close_rel(got[m], want[m], TOL), "%s %s %s: got %.17g, want %.17g", name, path,
              names[m], got[m], want[m]);
    }
}

int main(int argc, char **argv)
{
    FILE *f = argc > 1 ? fopen(argv[1], "r") : NULL;
    if (!f) {
        fprintf(stderr, "usage: test_accuracy FIXTURES.txt\n");
        return 2;
    }
    int cases = 0, float_cases = 0;
    if (fscanf(f, "%d", &cases) != 1)
        return 2;
    for (int c = 0; c < cases; c++) {
        char name[128], base_text[32], word[64];
        size_t n;
        if (fscanf(f, "%127s %31s %zu", name, base_text, &n) != 3)
            return 2;
        double *p = malloc(n * sizeof *p), *q = malloc(n * sizeof *q), *terms = malloc(n * sizeof *terms);
        float *pf = malloc(n * sizeof *pf), *qf = malloc(n * sizeof *qf);
        double want[N_MEASURES], got[N_MEASURES];
        for (size_t i = 0; i < n; i++)
            if (fscanf(f, "%lf", &p[i]) != 1)
                return 2;
        for (size_t i = 0; i < n; i++)
            if (fscanf(f, "%lf", &q[i]) != 1)
                return 2;
        for (int m = 0; m < N_MEASURES; m++) {
            if (fscanf(f, "%63s", word) != 1)
                return 2;
            want[m] = strtod(word, NULL);
        }
        infodiv_options opt = { strcmp(base_text, "e") == 0 ? INFODIV_E : strtod(base_text, NULL), 1 };

        CHECK(one_by_one(p, q, n, &opt, got) == INFODIV_OK, "%s: status", name);
        compare(name, "single", got, want);

        infodiv_measure_set all;
        CHECK(infodiv_measures(p, q, n, &opt, &all, NULL) == INFODIV_OK, "%s: measures status", name);
        unpack(&all, got);
        compare(name, "measures", got, want);
        CHECK(got[4] >= 0 && got[5] >= 0 && got[6] >= 0, "%s: a divergence is negative", name);

        /* The textbook terms add up to KL wherever they do not cancel among themselves. */
        CHECK(infodiv_kl_terms(p, q, n, &opt, terms, NULL) == INFODIV_OK, "%s: kl_terms status", name);
        double sum = 0, mass = 0;
        for (size_t i = 0; i < n; i++)
            sum += terms[i], mass += fabs(terms[i]);
        if (isinf(want[4]))
            CHECK(isinf(sum) && sum > 0, "%s: kl_terms should hold +inf", name);
        else
            CHECK(fabs(sum - want[4]) <= 1e-13 * mass + 1e-12 * want[4], "%s: sum of kl_terms %.17g vs kl %.17g", name, sum, want[4]);

        int exact_floats = 1;
        for (size_t i = 0; i < n; i++) {
            pf[i] = (float)p[i], qf[i] = (float)q[i];
            exact_floats &= (double)pf[i] == p[i] && (double)qf[i] == q[i];
        }
        if (exact_floats) {
            float_cases++;
            CHECK(one_by_one_f32(pf, qf, n, &opt, got) == INFODIV_OK, "%s: f32 status", name);
            compare(name, "f32", got, want);
            CHECK(infodiv_measures_f32(pf, qf, n, &opt, &all, NULL) == INFODIV_OK, "%s: f32 measures", name);
            unpack(&all, got);
            compare(name, "f32 measures", got, want);
        }
        free(p), free(q), free(terms), free(pf), free(qf);
    }
    fclose(f);
    printf("%d reference cases (%d also as float); worst relative error per measure:\n", cases, float_cases);
    for (int m = 0; m < N_MEASURES; m++)
        printf("  %-17s %.2e\n", names[m], worst[m]);
    return check_report("accuracy");
}
