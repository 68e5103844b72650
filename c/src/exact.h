/* Error-free transformations shared by the discrete and the continuous code.
 * Exact only if no multiply-add is fused: build.sh passes -ffp-contract=off,
 * which gcc obeys, and clang obeys the pragma. */
#ifndef INFODIV_EXACT_H
#define INFODIV_EXACT_H

#ifdef __clang__
#pragma STDC FP_CONTRACT OFF
#endif

/* The rounding error of the product p = fl(a*b): a*b = p + err exactly
 * (Dekker's TwoProduct with Veltkamp's split; wasm has no fused multiply-add,
 * and a software fma() would cost far more). Valid while |a|,|b| < 2^996. */
static inline double two_prod_err(double a, double b, double p)
{
    const double split = 134217729.0; /* 2^27 + 1 */
    double ca = split * a, ah = ca - (ca - a), al = a - ah;
    double cb = split * b, bh = cb - (cb - b), bl = b - bh;
    return ((ah * bh - p) + ah * bl + al * bh) + al * bl;
}

/* hi + lo = x + y exactly (Knuth's TwoSum), for x + y finite. */
static inline double two_sum(double x, double y, double *lo)
{
    double s = x + y, z = s - x;
    *lo = (x - (s - z)) + (y - z);
    return s;
}

#endif /* INFODIV_EXACT_H */
