/* Inputs that tests/fuzz (the libFuzzer harness) found to break a documented
 * property, each fixed in c/src; one check per finding, with its commit's
 * subject. Usage: test_regressions (no data files). */
#include "check.h"
#include "infodiv.h"

#include <math.h>

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
    return check_report("regressions");
}
