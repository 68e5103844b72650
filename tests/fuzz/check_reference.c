/* check_reference.c -- prints the quad reference (reference.h) for the lines of
 * stdin, for tests/fuzz/check_reference.py to compare with mpmath:
 *   E family a b [k v...]             entropy
 *   K family a b [k v...] family c d [k v...]   KL(P||Q)
 * (vectors: Dirichlet alphas; no covariances). Output: value and bound, %.36Qe. */
#include <stdio.h>
#include <stdlib.h>

#include "reference.h"

static int read_dist(infodiv_dist *d, double *v)
{
    int k;
    if (scanf("%d %lf %lf %d", &d->family, &d->a, &d->b, &k) != 4)
        return 0;
    d->k = (size_t)k, d->v = v, d->m = NULL;
    for (int i = 0; i < k; i++)
        if (scanf("%lf", &v[i]) != 1)
            return 0;
    return 1;
}

int main(void)
{
    char kind[4];
    while (scanf("%3s", kind) == 1) {
        infodiv_dist p, q;
        double vp[QMAXK], vq[QMAXK];
        f128 val = 0, err = 0, mag = 0;
        int ok;
        if (!read_dist(&p, vp))
            return 1;
        if (kind[0] == 'K') {
            if (!read_dist(&q, vq))
                return 1;
            ok = qref_kl(&p, &q, &val, &err);
        } else {
            ok = qref_entropy(&p, &val, &mag, &err);
        }
        char b1[64], b2[64];
        quadmath_snprintf(b1, sizeof b1, "%.36Qe", val);
        quadmath_snprintf(b2, sizeof b2, "%.3Qe", err);
        printf("%s %s %s\n", ok ? "ok" : "none", b1, b2);
    }
    return 0;
}
