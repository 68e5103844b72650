/* phi(1+u) = (1+u) log(1+u) - u >= 0, accurate to a few ulps for every u >= -1:
 * the Bregman function behind KL, shared by the discrete and the parametric
 * measures (discrete.c, special.c). Internal to the core. */
#ifndef INFODIV_PHI_H
#define INFODIV_PHI_H

#include <math.h>

/* phi(1+u) = (1+u) log(1+u) - u, for u in [-1/3, 1/2].
 *
 * Method: with s = u/(2+u), log(1+u) = 2 atanh(s) = 2(s + s^3 P(s^2)),
 *   P(z) = 1/3 + z/5 + z^2/7 + ...;  then phi = u s + 2 (1+u) s^3 P(s^2),
 *   because 2(1+u)s - u = u^2/(2+u) = u s exactly. Both parts are >= 0 for
 *   u > 0 and the second is below |u|/6 of the first for u < 0, so nothing
 *   cancels, unlike the direct formula, which loses all digits as u -> 0.
 * Accuracy: |s| <= 0.2, so twelve terms leave a truncation of 3e-18
 *   relative; a few ulps in all, relative to phi, even for u = 1e-15. */
static inline double phi_near(double u)
{
    double s = u / (2 + u), z = s * s;
    double poly = 1.0 / 25;
    poly = poly * z + 1.0 / 23;
    poly = poly * z + 1.0 / 21;
    poly = poly * z + 1.0 / 19;
    poly = poly * z + 1.0 / 17;
    poly = poly * z + 1.0 / 15;
    poly = poly * z + 1.0 / 13;
    poly = poly * z + 1.0 / 11;
    poly = poly * z + 1.0 / 9;
    poly = poly * z + 1.0 / 7;
    poly = poly * z + 1.0 / 5;
    poly = poly * z + 1.0 / 3;
    return u * s + 2 * (1 + u) * s * z * poly;
}

/* phi(1+u) for any u >= -1. Outside [-1/3, 1/2] the direct formula loses at
 * most a factor 16 to cancellation. */
static inline double phi(double u)
{
    if (u >= -1.0 / 3 && u <= 0.5)
        return phi_near(u);
    if (u <= -1)
        return 1; /* t = 0: 0 log 0 - 0 + 1 */
    return (1 + u) * log1p(u) - u;
}

#endif /* INFODIV_PHI_H */
