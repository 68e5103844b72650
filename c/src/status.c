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
    default: return "unknown status";
    }
}
