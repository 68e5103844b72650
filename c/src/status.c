/* The one place where a status code becomes words. */
#include "infodiv.h"

const char *infodiv_strerror(int status)
{
    switch (status) {
    case INFODIV_OK: return "no error";
    case INFODIV_EMPTY: return "the distributions are empty";
    case INFODIV_NULL: return "a required pointer is NULL";
    case INFODIV_NAN: return "an entry is NaN";
    case INFODIV_NEGATIVE: return "an entry is negative";
    case INFODIV_INFINITE: return "an entry is infinite";
    case INFODIV_ZERO_SUM: return "every entry of a distribution is zero";
    case INFODIV_NOT_NORMALIZED: return "normalize is off and a distribution does not sum to 1";
    case INFODIV_BAD_BASE: return "the base is not a finite number > 0 and != 1";
    case INFODIV_BAD_TEMPERATURE: return "the temperature is not a finite number > 0";
    case INFODIV_BAD_FAMILY: return "the family is not one of enum infodiv_family";
    case INFODIV_BAD_PARAMETER: return "a parameter of the distribution is out of its range";
    case INFODIV_NOT_POSITIVE_DEFINITE: return "the covariance is not positive definite";
    case INFODIV_NOT_SYMMETRIC: return "the covariance is not symmetric";
    case INFODIV_DIMENSION_MISMATCH: return "p and q differ in dimension (or binomials in n)";
    case INFODIV_NO_CLOSED_FORM: return "no closed form for this pair of families";
    case INFODIV_SCRATCH_TOO_SMALL: return "the scratch buffer is too small";
    case INFODIV_NOT_INCREASING: return "the grid is not strictly increasing";
    case INFODIV_TOO_FEW_POINTS: return "the grid has fewer than 3 points";
    case INFODIV_TOO_MANY_OUTCOMES: return "more than 2^32 - 1 outcomes to draw from";
    case INFODIV_BAD_DRAW: return "a draw is not an outcome this function admits";
    case INFODIV_BAD_ARGUMENT: return "odds not above 1, toward not +-1, or no bins";
    default: return "unknown status";
    }
}
