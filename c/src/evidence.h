/* Evidence paths of many runs at once (discrete.c), for infodiv_evidence_runs
 * (samples.c). Internal to the core. */
#ifndef INFODIV_EVIDENCE_H
#define INFODIV_EVIDENCE_H

#include <stddef.h>
#include <stdint.h>

#include "infodiv.h"

/* infodiv_evidence_path of each of `runs` rows of `count` draws (row after
 * row in draws and in out), the distributions prepared once; err->index is
 * counted in the whole matrix. */
int infodiv_evidence_rows(const double *p, const double *q, size_t n, const infodiv_options *opt, const uint32_t *draws,
                          size_t runs, size_t count, double *out, infodiv_error *err);

#endif /* INFODIV_EVIDENCE_H */
