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

/* hi + lo = x + y exactly (Knuth's TwoSum), for x + y finite and x, y of one
 * sign or |x + y| < 2^1023: else s - x can round past DBL_MAX though x + y
 * does not (a tie in the top binade: 3 2^970 - DBL_MAX); two_sum_wide() there. */
static inline double two_sum(double x, double y, double *lo)
{
    double s = x + y, z = s - x;
    *lo = (x - (s - z)) + (y - z);
    return s;
}

/* two_sum() for any x + y finite: from 2^1023 on, the halves are summed,
 * exactly but for a subnormal operand's last bit (2^-1075 beside 2^1023). */
static inline double two_sum_wide(double x, double y, double *lo)
{
    double s = x + y, m = s < 0 ? -s : s;
    if (m >= 0x1p1023 && m <= 0x1.fffffffffffffp1023) {
        double h = two_sum(0.5 * x, 0.5 * y, lo);
        *lo *= 2;
        return 2 * h;
    }
    return two_sum(x, y, lo);
}

#endif /* INFODIV_EXACT_H */
