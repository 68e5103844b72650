/* Special functions for the parametric measures (special.c). Internal to the
 * core: arguments are checked by the callers. */
#ifndef INFODIV_SPECIAL_H
#define INFODIV_SPECIAL_H

double infodiv_lgamma(double x);                   /* log Gamma(x), x > 0 */
double infodiv_digamma(double x);                  /* psi(x) = d/dx log Gamma(x), x > 0 */
double infodiv_digamma_minus_log(double x);        /* psi(x) - log x, x > 0, without cancellation for large x */
double infodiv_lgamma_bregman(double a, double d); /* lgamma(a+d) - lgamma(a) - d psi(a) >= 0 */
double infodiv_gamma_entropy_part(double x);       /* lgamma(x) + (1-x) psi(x) + x */
double infodiv_log1p_rest(double t);               /* t - log(1+t) >= 0, t > -1 */
double infodiv_expm1_rest(double y);               /* e^y - 1 - y >= 0 */
double infodiv_stirling_error(double x);           /* lgamma(x) - Stirling's formula, x >= 1 */
/* w (s - 1 - log s) >= 0, s = (x1/y1)(x2/y2), all > 0 and finite: accurate for any ratio */
double infodiv_ratio_rest(double w, double x1, double y1, double x2, double y2);
double infodiv_ratio_rest_scaled(double w, int scale, double x1, double y1, double x2,
                                 double y2); /* the same, 2^-scale */
/* KL(Gamma(a, rate a) || Gamma(b, rate b)) >= 0, d = b - a given apart:
 * lgamma(b) - lgamma(a) - d psi(a) - a phi(b/a) */
double infodiv_gamma_matched_kl(double a, double b, double d);
double infodiv_gamma_matched_kl_scaled(double a, double b, double d, int e,
                                       int prescale); /* G 2^-e, G beyond DBL_MAX by b/a */
double infodiv_lgamma_lead(double x);                 /* lgamma(x) - x log x + x, x > 0 */

#endif /* INFODIV_SPECIAL_H */
