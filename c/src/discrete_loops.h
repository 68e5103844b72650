/* The loops of the discrete measures, for one input type. Included by
 * discrete.c with REAL (double or float), FN (public name) and LOCAL (private
 * name) defined; not a header of its own. The arithmetic lives in discrete.c. */

/* The fast pass of KL (kl_lanes() in discrete.c): A, S_p and S_q - S_p,
 * summed lane-wise in blocks of FAST_BLOCK and then in double-double, with
 * with the checks of kl_lanes_ok() gathered on the way. */
static void LOCAL(kl_pass)(const REAL *p, const REAL *q, size_t n, kl_sums *out)
{
    kl_lanes_state st = kl_lanes_start();
    dd a = { 0, 0 }, sp = { 0, 0 }, sq = { 0, 0 }, diff = { 0, 0 };
    size_t i = 0;
    while (i < n) {
        size_t end = n - i > FAST_BLOCK ? i + FAST_BLOCK : n;
        kl_block b = kl_block_start();
        for (; i + VLANES <= end; i += VLANES)
            kl_step(&st, &b, VLOAD(p + i), VLOAD(q + i));
        if (i < end) /* the last entry of an odd length, with a zero beside it */
            kl_step(&st, &b, VLOAD1(p + i), VLOAD1(q + i)), i++;
        fold_lanes(&a, &sp, &sq, &diff, &b);
    }
    out->a = a.hi + a.lo;
    out->sum_p = sp.hi + sp.lo;
    out->sum_q = sq.hi + sq.lo;
    out->diff = diff.hi + diff.lo;
    out->lanes_ok = kl_lanes_ok(&st);
}

/* Step 1 of discrete_fast.h: the compensated sums and the checks. Each lane
 * sums FAST_BLOCK / VLANES entries with TwoSum, and each block's lane sums
 * and their compensations go into double-double, so S_p and S_q are good to
 * a few hundred eps^2 whatever n (kl_terms_fast() relies on it). q = NULL
 * (a constant once inlined): p alone, as if q were p; S_p the same to the bit. */
static inline __attribute__((always_inline)) void LOCAL(sum_pass_of)(const REAL *p, const REAL *q, size_t n,
                                                                     pair_scan *out)
{
    vd zero = v_splat(0), inf = v_splat(INFINITY), min_p = inf, min_q = inf;
    vm differ = vm_splat(0), under = vm_splat(0);
    dd a = { 0, 0 }, c = { 0, 0 };
    size_t i = 0;
    while (i < n) {
        size_t end = n - i > FAST_BLOCK ? i + FAST_BLOCK : n;
        vd sp = zero, cp = zero, sq = zero, cq = zero;
        for (; i < end; i += VLANES) {
            vd x = i + VLANES <= end ? VLOAD(p + i) : VLOAD1(p + i);
            vd t = v_add(sp, x), b = v_sub(t, sp); /* TwoSum, lane by lane */
            cp = v_add(cp, v_add(v_sub(sp, v_sub(t, b)), v_sub(x, b)));
            sp = t;
            vm xz = v_eq(x, zero);
            min_p = v_min(min_p, v_sel(xz, inf, x));
            if (!q)
                continue;
            vd y = i + VLANES <= end ? VLOAD(q + i) : VLOAD1(q + i);
            t = v_add(sq, y), b = v_sub(t, sq);
            cq = v_add(cq, v_add(v_sub(sq, v_sub(t, b)), v_sub(y, b)));
            sq = t;
            vm yz = v_eq(y, zero);
            min_q = v_min(min_q, v_sel(yz, inf, y));
            differ = vm_or(differ, vm_xor(xz, yz));
            under = vm_or(under, vm_andnot(yz, xz));
        }
        for (int k = 0; k < VLANES; k++) {
            acc_add(&a, v_lane(sp, k));
            acc_add(&a, v_lane(cp, k));
            acc_add(&c, v_lane(sq, k));
            acc_add(&c, v_lane(cq, k));
        }
    }
    out->min_p = out->min_q = INFINITY;
    out->zeros_differ = out->q_zero_under_p = 0;
    for (int k = 0; k < VLANES; k++) {
        out->min_p = fmin(out->min_p, v_lane(min_p, k));
        out->min_q = fmin(out->min_q, v_lane(min_q, k));
        out->zeros_differ |= v_lane(v_from_bits(differ), k) != 0;
        out->q_zero_under_p |= v_lane(v_from_bits(under), k) != 0;
    }
    out->sum_p = acc_result(a);
    out->sum_q = q ? acc_result(c) : out->sum_p;
    if (!q)
        out->min_q = out->min_p;
}

static void LOCAL(sum_pass)(const REAL *p, const REAL *q, size_t n, pair_scan *out)
{
    LOCAL(sum_pass_of)(p, q, n, out);
}

/* Step 2 of discrete_fast.h: the sums `want` names, over p^ = p/S_p and
 * q^ = q/S_q, lane-wise in blocks of FAST_BLOCK, then in double-double.
 * Always inlined, so that each caller's constant `want` prunes the work. */
static inline __attribute__((always_inline)) void LOCAL(pair_pass)(const REAL *p, const REAL *q, size_t n, double isp,
                                                                   double isq, int want, pair_sums *out)
{
    vd z_max = v_splat(0), sp = v_splat(isp), sq = v_splat(isq);
    dd acc[7] = { { 0, 0 }, { 0, 0 }, { 0, 0 }, { 0, 0 }, { 0, 0 }, { 0, 0 }, { 0, 0 } };
    double bounds[3] = { 0, 0, 0 };
    size_t i = 0;
    while (i < n) {
        size_t end = n - i > FAST_BLOCK ? i + FAST_BLOCK : n;
        vd zero = v_splat(0);
        pair_block b = { zero, zero, zero, zero, zero, zero, zero, zero, zero, zero };
        for (; i + VLANES <= end; i += VLANES)
            pair_lanes(v_mul(VLOAD(p + i), sp), v_mul(VLOAD(q + i), sq), want, &b, &z_max);
        if (i < end) /* the last entry of an odd length, with a zero beside it */
            pair_lanes(v_mul(VLOAD1(p + i), sp), v_mul(VLOAD1(q + i), sq), want, &b, &z_max), i++;
        fold_pair_block(acc, bounds, &b, want);
    }
    out->hp = dd_value(acc[0]), out->hq = dd_value(acc[1]);
    out->cpq = dd_value(acc[2]), out->cqp = dd_value(acc[3]);
    out->kpq = dd_value(acc[4]), out->kqp = dd_value(acc[5]), out->js = dd_value(acc[6]);
    out->b_l = bounds[0], out->b_tv = bounds[1], out->b_js = bounds[2];
    out->z_max = 0;
    for (int k = 0; k < VLANES; k++)
        out->z_max = fmax(out->z_max, v_lane(z_max, k));
}

/* The fast paths (discrete_fast.h) of entropy, cross-entropy, JS and
 * measures: 1 with *status and *result set (the general path's answer to
 * within 1e-12), or 0 when the general path must answer. */
static int LOCAL(entropy_fast)(const REAL *p, size_t n, const infodiv_options *opt, double *result, infodiv_error *err,
                               int *status)
{
    pair_scan c;
    pair_sums s;
    double isp, isq, ln_base;
    LOCAL(sum_pass_of)(p, NULL, n, &c); /* p alone: half the work of sum_pass(p, p) */
    if (!pair_scales(&c, 0, &isp, &isq))
        return 0;
    LOCAL(pair_pass)(p, p, n, isp, isq, WANT_HP, &s);
    if (!h_fast_ok(-s.hp))
        return 0;
    if ((*status = read_base(opt, &ln_base, err)) == INFODIV_OK)
        *result = entropy_from_sum(s.hp, n) / ln_base;
    return 1;
}

static int LOCAL(cross_entropy_fast)(const REAL *p, const REAL *q, size_t n, const infodiv_options *opt, double *result,
                                     infodiv_error *err, int *status)
{
    pair_scan c;
    pair_sums s;
    double isp, isq, ln_base;
    LOCAL(sum_pass)(p, q, n, &c);
    if (!pair_scales(&c, 1, &isp, &isq))
        return 0;
    LOCAL(pair_pass)(p, q, n, isp, isq, WANT_LQ, &s);
    if (!h_fast_ok(-s.cpq))
        return 0;
    if ((*status = read_base(opt, &ln_base, err)) == INFODIV_OK)
        *result = -s.cpq / ln_base;
    return 1;
}

static int LOCAL(js_fast)(const REAL *p, const REAL *q, size_t n, const infodiv_options *opt, double *result,
                          infodiv_error *err, int *status)
{
    pair_scan c;
    pair_sums s;
    double isp, isq, ln_base;
    LOCAL(sum_pass)(p, q, n, &c);
    if (!pair_scales(&c, 0, &isp, &isq))
        return 0;
    LOCAL(pair_pass)(p, q, n, isp, isq, WANT_JS, &s);
    double js = at_most(0.25 * s.js, LN2);
    if (!(s.z_max <= FAST_Z_MAX && js_fast_ok(js, &s, FAST_IN_ERR)))
        return 0;
    if ((*status = read_base(opt, &ln_base, err)) == INFODIV_OK)
        *result = js / ln_base;
    return 1;
}

static int LOCAL(measures_fast)(const REAL *p, const REAL *q, size_t n, const infodiv_options *opt,
                                infodiv_measure_set *result, infodiv_error *err, int *status)
{
    pair_scan c;
    pair_sums s;
    infodiv_measure_set m;
    double isp, isq, ln_base;
    LOCAL(sum_pass)(p, q, n, &c);
    if (!pair_scales(&c, 0, &isp, &isq))
        return 0;
    LOCAL(pair_pass)(p, q, n, isp, isq, WANT_ALL, &s);
    if (!measures_from_sums(&s, n, FAST_IN_ERR, &m))
        return 0;
    if ((*status = read_base(opt, &ln_base, err)) == INFODIV_OK)
        measures_in_base(&m, ln_base, result);
    return 1;
}

/* Steps 1-3 for one distribution: scan, scale, sum. */
static int LOCAL(prepare)(const REAL *v, size_t n, int normalize, int arg, dist *d, infodiv_error *err)
{
    double max = 0;
    for (size_t i = 0; i < n; i++) {
        double x = v[i];
        if (!(x >= 0 && x <= DBL_MAX)) {
            int status = isnan(x) ? INFODIV_NAN : x < 0 ? INFODIV_NEGATIVE : INFODIV_INFINITE;
            return fail(err, status, arg, i, x);
        }
        if (x > max)
            max = x;
    }
    if (max == 0)
        return fail(err, INFODIV_ZERO_SUM, arg, 0, 0);

    int k = scale_exponent(max, normalize);
    d->k = k;
    pow2_pair(k, &d->scale1, &d->scale2);
    dd raw = { 0, 0 };
    for (size_t i = 0; i < n; i++)
        acc_add(&raw, v[i] * d->scale1 * d->scale2);
    return finish_dist(d, raw, k, normalize, arg, err);
}

/* Arguments and options of the two-distribution functions, in the order the
 * errors are reported: pointers, length, p entry by entry, q, then the base. */
static int LOCAL(prepare_pair)(const REAL *p, const REAL *q, size_t n, const void *out, const infodiv_options *opt,
                               dist *P, dist *Q, double *ln_base, infodiv_error *err)
{
    int status;
    if (!p || !q || !out)
        return fail(err, INFODIV_NULL, !p ? INFODIV_ARG_P : !q ? INFODIV_ARG_Q : INFODIV_ARG_NONE, 0, 0);
    if (n == 0)
        return fail(err, INFODIV_EMPTY, INFODIV_ARG_P, 0, 0);
    if ((status = LOCAL(prepare)(p, n, normalize_option(opt), INFODIV_ARG_P, P, err)))
        return status;
    if ((status = LOCAL(prepare)(q, n, normalize_option(opt), INFODIV_ARG_Q, Q, err)))
        return status;
    return read_base(opt, ln_base, err);
}

/* H(P) = sum p^ (-log p^): nonnegative terms, compensated sum; each term
 * from surprisal() (log1p for the dominant outcome). */
int FN(entropy)(const REAL *p, size_t n, const infodiv_options *opt, double *result, infodiv_error *err)
{
    int status;
    double ln_base;
    dist P;
    if (!p || !result)
        return fail(err, INFODIV_NULL, !p ? INFODIV_ARG_P : INFODIV_ARG_NONE, 0, 0);
    if (n == 0)
        return fail(err, INFODIV_EMPTY, INFODIV_ARG_P, 0, 0);
#ifndef INFODIV_NO_FAST_PATH /* defined only by the test build that checks the fast paths against this one */
    if (normalize_option(opt) && LOCAL(entropy_fast)(p, n, opt, result, err, &status))
        return status;
#endif
    if ((status = LOCAL(prepare)(p, n, normalize_option(opt), INFODIV_ARG_P, &P, err))
        || (status = read_base(opt, &ln_base, err)))
        return status;

    dd h = { 0, 0 };
    for (size_t i = 0; i < n; i++) {
        double v = p[i];
        if (v > 0) {
            double x = v * P.scale1 * P.scale2;
            acc_add(&h, x / P.sum.hi * surprisal(x, v, &P));
        }
    }
    *result = (h.hi + h.lo) / ln_base;
    return INFODIV_OK;
}

/* H(P,Q) = sum p^ (-log q^): nonnegative terms as in entropy, surprisal of q. */
int FN(cross_entropy)(const REAL *p, const REAL *q, size_t n, const infodiv_options *opt, double *result,
                      infodiv_error *err)
{
    dist P, Q;
    double ln_base;
    int status;
#ifndef INFODIV_NO_FAST_PATH /* defined only by the test build that checks the fast paths against this one */
    if (p && q && result && n > 0 && normalize_option(opt)
        && LOCAL(cross_entropy_fast)(p, q, n, opt, result, err, &status))
        return status;
#endif
    status = LOCAL(prepare_pair)(p, q, n, result, opt, &P, &Q, &ln_base, err);
    if (status)
        return status;

    dd h = { 0, 0 };
    for (size_t i = 0; i < n; i++) {
        double vx = p[i], vy = q[i];
        if (vx == 0)
            continue;
        if (vy == 0) {
            *result = INFINITY / ln_base; /* -inf for a base below 1, like every other value */
            return INFODIV_OK;
        }
        double x = vx * P.scale1 * P.scale2, y = vy * Q.scale1 * Q.scale2;
        acc_add(&h, x / P.sum.hi * surprisal(y, vy, &Q));
    }
    *result = (h.hi + h.lo) / ln_base;
    return INFODIV_OK;
}

/* Q's departure from P scaled by y_m/x_m, for outcome_ratio_terms(), m the
 * largest entry of p; none (x_m = y_m = 1) when not normalising. same: every
 * departure exactly 0, y_m in [1, 2) as Q = c P puts it, and no entry zero on
 * one side only or below RATIO_MIN (whose products' errors could be subnormal). */
static deviations LOCAL(deviations_of)(const REAL *p, const REAL *q, size_t n, const dist *P, const dist *Q,
                                       int normalize)
{
    deviations dv = { 1, 1, { 0, 0 }, 0 };
    if (!normalize)
        return dv;
    size_t m = 0;
    for (size_t i = 1; i < n; i++)
        if (p[i] > p[m])
            m = i;
    dv.xm = p[m] * P->scale1 * P->scale2, dv.ym = q[m] * Q->scale1 * Q->scale2;
    dv.same = dv.ym >= 1;
    for (size_t i = 0; i < n; i++) {
        double x = p[i] * P->scale1 * P->scale2, y = q[i] * Q->scale1 * Q->scale2;
        dd d = deviation(y, x, dv.xm, dv.ym);
        dv.same &= (x == 0 && y == 0) || (x >= RATIO_MIN && y >= RATIO_MIN && d.hi == 0 && d.lo == 0);
        acc_add(&dv.total, d.hi);
        acc_add(&dv.total, d.lo);
    }
    dv.total = acc_result(dv.total);
    return dv;
}

/* KL(P||Q) in nats (reverse: KL(Q||P), from the same ratios), u from
 * outcome_ratio() (dv NULL) or outcome_ratio_terms(); +inf where the second
 * law cannot give an outcome the first can. */
static double LOCAL(kl_sum)(const REAL *p, const REAL *q, size_t n, const dist *P, const dist *Q, const deviations *dv,
                            int reverse)
{
    dd s = { 0, 0 };
    for (size_t i = 0; i < n; i++) {
        double vx = p[i], vy = q[i];
        if (reverse ? vy > 0 && vx == 0 : vx > 0 && vy == 0)
            return INFINITY;
        double x = vx * P->scale1 * P->scale2, y = vy * Q->scale1 * Q->scale2;
        double ph = x / P->sum.hi, qh = y / Q->sum.hi;
        if (vx == 0 || vy == 0) {
            acc_add(&s, reverse ? ph : qh); /* phi(0) = 1 */
            continue;
        }
        ratio r = pair_ratio(x, y, vx, vy, P, Q, dv);
        acc_add(&s, reverse ? kl_share(ratio_inverse(r), qh, ph) : kl_share(r, ph, qh));
    }
    return s.hi + s.lo;
}

/* JS(P,Q) in nats, u as in kl_sum(). */
static double LOCAL(js_sum)(const REAL *p, const REAL *q, size_t n, const dist *P, const dist *Q, const deviations *dv)
{
    dd s = { 0, 0 };
    for (size_t i = 0; i < n; i++) {
        double vx = p[i], vy = q[i];
        if (vx == 0 && vy == 0)
            continue;
        double x = vx * P->scale1 * P->scale2, y = vy * Q->scale1 * Q->scale2;
        double ph = x / P->sum.hi, qh = y / Q->sum.hi;
        if (vx == 0 || vy == 0)
            acc_add(&s, (ph + qh) * LN2);
        else
            acc_add(&s, js_share(pair_ratio(x, y, vx, vy, P, Q, dv), ph, qh));
    }
    return 0.5 * (s.hi + s.lo);
}

/* KL(P||Q) = sum q^ phi(p^/q^), phi(t) = t log t - t + 1 >= 0.
 * Equal to sum p^ log(p^/q^) because sum p^ = sum q^ = 1, but every term is
 * nonnegative, so the compensated sum is accurate to a few ulps even when the
 * textbook terms cancel to 1e-25; phi near t = 1 comes from phi_near(), with
 * u = t - 1 formed without cancellation by outcome_ratio(). p_i = 0 adds q^_i
 * (phi(0) = 1); q_i = 0 < p_i gives +infinity. KL(P||P) = 0 exactly. */
int FN(kl)(const REAL *p, const REAL *q, size_t n, const infodiv_options *opt, double *result, infodiv_error *err)
{
    dist P, Q;
    double ln_base;
    int status;
#ifndef INFODIV_NO_FAST_PATH /* defined only by the test build that checks the fast path against this one */
    if (p && q && result && n > 0) {
        kl_sums fast;
        LOCAL(kl_pass)(p, q, n, &fast);
        if (kl_finish(&fast, opt, result, err, &status))
            return status;
    }
#endif
    if ((status = LOCAL(prepare_pair)(p, q, n, result, opt, &P, &Q, &ln_base, err)))
        return status;

    double kl = LOCAL(kl_sum)(p, q, n, &P, &Q, NULL, 0);
    if (tiny_divergence(kl) && normalize_option(opt)) {
        deviations dv = LOCAL(deviations_of)(p, q, n, &P, &Q, 1);
        kl = dv.same ? 0 : LOCAL(kl_sum)(p, q, n, &P, &Q, &dv, 0);
    }
    *result = kl / ln_base; /* +inf: -inf for a base below 1, like every other value */
    return INFODIV_OK;
}

/* JS(P,Q) = 1/2 sum m^ (phi(p^/m^) + phi(q^/m^)), m^ = (p^ + q^)/2: the two
 * KL(.||M) written as in kl(), with p^/m^ = 1 + v, q^/m^ = 1 - v computed in
 * js_share() from the same ratio. An outcome absent from one side adds
 * (the other's probability) * log 2 / 2. Always finite, JS(P,P) = 0 exactly. */
int FN(js)(const REAL *p, const REAL *q, size_t n, const infodiv_options *opt, double *result, infodiv_error *err)
{
    dist P, Q;
    double ln_base;
    int status;
#ifndef INFODIV_NO_FAST_PATH /* defined only by the test build that checks the fast paths against this one */
    if (p && q && result && n > 0 && normalize_option(opt) && LOCAL(js_fast)(p, q, n, opt, result, err, &status))
        return status;
#endif
    status = LOCAL(prepare_pair)(p, q, n, result, opt, &P, &Q, &ln_base, err);
    if (status)
        return status;

    double js = LOCAL(js_sum)(p, q, n, &P, &Q, NULL);
    if (tiny_divergence(js) && normalize_option(opt)) {
        deviations dv = LOCAL(deviations_of)(p, q, n, &P, &Q, 1);
        js = dv.same ? 0 : LOCAL(js_sum)(p, q, n, &P, &Q, &dv);
    }
    *result = js / ln_base;
    return INFODIV_OK;
}

/* All seven measures in one pass: the entropies and the cross-entropies as
 * in entropy() and cross_entropy(), from the same two surprisals per outcome
 * (so they equal those functions' results exactly), and both KL directions
 * and JS from one outcome_ratio() per outcome. */
int FN(measures)(const REAL *p, const REAL *q, size_t n, const infodiv_options *opt, infodiv_measure_set *result,
                 infodiv_error *err)
{
    dist P, Q;
    double ln_base;
    int status;
#ifndef INFODIV_NO_FAST_PATH /* defined only by the test build that checks the fast paths against this one */
    if (p && q && result && n > 0 && normalize_option(opt) && LOCAL(measures_fast)(p, q, n, opt, result, err, &status))
        return status;
#endif
    status = LOCAL(prepare_pair)(p, q, n, result, opt, &P, &Q, &ln_base, err);
    if (status)
        return status;

    dd hp = { 0, 0 }, hq = { 0, 0 }, cpq = { 0, 0 }, cqp = { 0, 0 }, kpq = { 0, 0 }, kqp = { 0, 0 }, js = { 0, 0 };
    int inf_pq = 0, inf_qp = 0;
    for (size_t i = 0; i < n; i++) {
        double vx = p[i], vy = q[i];
        if (vx == 0 && vy == 0)
            continue;
        double x = vx * P.scale1 * P.scale2, y = vy * Q.scale1 * Q.scale2;
        double ph = x / P.sum.hi, qh = y / Q.sum.hi;
        double sx = vx > 0 ? surprisal(x, vx, &P) : 0, sy = vy > 0 ? surprisal(y, vy, &Q) : 0;
        if (vx > 0)
            acc_add(&hp, ph * sx);
        if (vy > 0)
            acc_add(&hq, qh * sy);
        if (vx == 0 || vy == 0) {
            inf_pq |= vy == 0;
            inf_qp |= vx == 0;
            acc_add(vx == 0 ? &kpq : &kqp, ph + qh);
            acc_add(&js, (ph + qh) * LN2);
            continue;
        }
        acc_add(&cpq, ph * sy);
        acc_add(&cqp, qh * sx);
        ratio r = outcome_ratio(x, y, vx, vy, &P, &Q);
        acc_add(&kpq, kl_share(r, ph, qh));
        acc_add(&kqp, kl_share(ratio_inverse(r), qh, ph));
        acc_add(&js, js_share(r, ph, qh));
    }
    double h_p = hp.hi + hp.lo, h_q = hq.hi + hq.lo;
    double k_pq = kpq.hi + kpq.lo, k_qp = kqp.hi + kqp.lo, j_s = 0.5 * (js.hi + js.lo);
    deviations dv = { 1, 1, { 0, 0 }, 0 };
    if (normalize_option(opt) && (tiny_divergence(k_pq) || tiny_divergence(k_qp) || tiny_divergence(j_s)))
        dv = LOCAL(deviations_of)(p, q, n, &P, &Q, 1);
    if (dv.same)
        k_pq = k_qp = j_s = 0;
    else if (normalize_option(opt)) {
        if (tiny_divergence(k_pq) && !inf_pq)
            k_pq = LOCAL(kl_sum)(p, q, n, &P, &Q, &dv, 0);
        if (tiny_divergence(k_qp) && !inf_qp)
            k_qp = LOCAL(kl_sum)(p, q, n, &P, &Q, &dv, 1);
        if (tiny_divergence(j_s))
            j_s = LOCAL(js_sum)(p, q, n, &P, &Q, &dv);
    }
    result->entropy_p = h_p / ln_base;
    result->entropy_q = h_q / ln_base;
    result->kl_pq = inf_pq ? INFINITY / ln_base : k_pq / ln_base;
    result->kl_qp = inf_qp ? INFINITY / ln_base : k_qp / ln_base;
    result->cross_entropy_pq = inf_pq ? INFINITY / ln_base : (cpq.hi + cpq.lo) / ln_base;
    result->cross_entropy_qp = inf_qp ? INFINITY / ln_base : (cqp.hi + cqp.lo) / ln_base;
    result->js = j_s / ln_base;
#ifndef INFODIV_NO_FAST_PATH
    /* entropy() and cross_entropy() answer from their fast paths wherever
     * those vouch, also where this function's cannot (zeros in p, a small
     * KL): so do these, to equal them exactly (and H(P,P) = H(P)). */
    double c;
    if (normalize_option(opt)) {
        if (LOCAL(entropy_fast)(p, n, opt, &c, NULL, &status))
            result->entropy_p = c;
        if (LOCAL(entropy_fast)(q, n, opt, &c, NULL, &status))
            result->entropy_q = c;
        if (LOCAL(cross_entropy_fast)(p, q, n, opt, &c, NULL, &status))
            result->cross_entropy_pq = c;
        if (LOCAL(cross_entropy_fast)(q, p, n, opt, &c, NULL, &status))
            result->cross_entropy_qp = c;
    }
#endif
    return INFODIV_OK;
}

/* The fast path of kl_terms (discrete_fast.h, after ratio_log_lanes()): 1
 * with *status set and, if OK, every term written; 0 when the general path
 * must answer (terms may then be partly written: it overwrites them all). */
static int LOCAL(kl_terms_fast)(const REAL *p, const REAL *q, size_t n, const infodiv_options *opt, double *terms,
                                infodiv_error *err, int *status)
{
    pair_scan c;
    double isp, isq, ln_base;
    LOCAL(sum_pass)(p, q, n, &c);
    if (!pair_scales(&c, 1, &isp, &isq) || !terms_scan_ok(&c))
        return 0;
    if ((*status = read_base(opt, &ln_base, err)))
        return 1;
    vd sp = v_splat(isp), sq = v_splat(isq), zero = v_splat(0), one = v_splat(1);
    vd l_min = v_splat(TERMS_L_MIN), z_max = v_splat(FAST_Z_MAX), lnb = v_splat(ln_base);
    for (size_t i = 0; i < n; i += VLANES) {
        int full = i + VLANES <= n;
        vd vx = full ? VLOAD(p + i) : VLOAD1(p + i), vy = full ? VLOAD(q + i) : VLOAD1(q + i);
        vd x = v_mul(vx, sp), z, L = ratio_log_lanes(x, v_mul(vy, sq), &z);
        vm x_zero = v_eq(x, zero);
        vd t = v_sel(x_zero, zero, v_mul(x, L)); /* p = 0: 0, not -0 */
        if (ln_base != 1)
            t = v_div(t, lnb);
        /* >= 0 in every lane that needs nothing more: |L| >= TERMS_L_MIN and
         * s^2 <= FAST_Z_MAX, or p = 0 */
        vd room = v_min(v_sub(v_abs(v_sel(x_zero, one, L)), l_min), v_sub(z_max, v_sel(x_zero, zero, z)));
        int lanes_ok = 1;
        for (int k = 0; k < VLANES; k++)
            lanes_ok &= v_lane(room, k) >= 0;
        if (lanes_ok && full) {
            v_store(terms + i, t);
            continue;
        }
        for (int k = 0; k < VLANES && i + k < n; k++) {
            double xk = v_lane(x, k), term = v_lane(t, k);
            if (xk != 0 && !(v_lane(room, k) >= 0)) {
                if (!(v_lane(z, k) <= FAST_Z_MAX) || !term_near(p[i + k], q[i + k], xk, &c, &term))
                    return 0;
                term /= ln_base;
            }
            terms[i + k] = term;
        }
    }
    return 1;
}

/* terms[i] = p^_i log(p^_i/q^_i), the signed textbook terms (they sum to KL
 * up to their own cancellation): log1p(u) near p^ = q^, with u from
 * outcome_ratio_terms() (one more pass sums Q's departure from rho P), so a
 * term of 1e-14, or one whose ratio differs from 1 by 1e-28 through the
 * normalisers alone, keeps its digits; 0 where p_i = 0; +infinity where
 * q_i = 0 < p_i. */
int FN(kl_terms)(const REAL *p, const REAL *q, size_t n, const infodiv_options *opt, double *terms, infodiv_error *err)
{
    dist P, Q;
    double ln_base;
    int status;
#ifndef INFODIV_NO_FAST_PATH /* defined only by the test build that checks the fast paths against this one */
    if (p && q && terms && n > 0 && normalize_option(opt) && LOCAL(kl_terms_fast)(p, q, n, opt, terms, err, &status))
        return status;
#endif
    status = LOCAL(prepare_pair)(p, q, n, terms, opt, &P, &Q, &ln_base, err);
    if (status)
        return status;

    deviations dv = LOCAL(deviations_of)(p, q, n, &P, &Q, normalize_option(opt));
    for (size_t i = 0; i < n; i++) {
        double vx = p[i], vy = q[i];
        if (vx == 0) {
            terms[i] = 0;
        } else if (vy == 0) {
            terms[i] = INFINITY / ln_base;
        } else {
            double x = vx * P.scale1 * P.scale2, y = vy * Q.scale1 * Q.scale2;
            ratio r = outcome_ratio_terms(x, y, vx, vy, &P, &Q, &dv);
            terms[i] = kl_textbook_term(r, x / P.sum.hi) / ln_base;
        }
    }
    return INFODIV_OK;
}

/* out[i] = log(p^_i/q^_i), the evidence one outcome carries for P against Q:
 * log1p(u) near p^ = q^ with u from outcome_ratio_terms() (as in kl_terms(),
 * so a ratio of 1 + 1e-28 keeps its digits), else the log of the ratio;
 * -infinity where p_i = 0 < q_i, +infinity where q_i = 0 < p_i, 0 where both
 * are 0 (an outcome neither law draws). */
int FN(log_ratios)(const REAL *p, const REAL *q, size_t n, const infodiv_options *opt, double *out, infodiv_error *err)
{
    dist P, Q;
    double ln_base;
    int status = LOCAL(prepare_pair)(p, q, n, out, opt, &P, &Q, &ln_base, err);
    if (status)
        return status;
    deviations dv = LOCAL(deviations_of)(p, q, n, &P, &Q, normalize_option(opt));
    for (size_t i = 0; i < n; i++) {
        double vx = p[i], vy = q[i];
        if (vx == 0 || vy == 0) {
            out[i] = vx == vy ? 0 : (vx == 0 ? -INFINITY : INFINITY) / ln_base;
            continue;
        }
        double x = vx * P.scale1 * P.scale2, y = vy * Q.scale1 * Q.scale2;
        ratio r = outcome_ratio_terms(x, y, vx, vy, &P, &Q, &dv);
        out[i] = (r.near ? log1p(r.u) : r.L) / ln_base;
    }
    return INFODIV_OK;
}

/* ---- Batches: one distribution per row of a rows x cols matrix ---- */

/* Runs one single-row function on each row; an error names the entry by its
 * index in the whole matrix (a zero sum: the row's first entry). */
#define ROWS_BODY(call)                                                                                                \
    if (!p || !q || !out)                                                                                              \
        return fail(err, INFODIV_NULL, !p ? INFODIV_ARG_P : !q ? INFODIV_ARG_Q : INFODIV_ARG_NONE, 0, 0);              \
    if (rows == 0 || cols == 0)                                                                                        \
        return fail(err, INFODIV_EMPTY, INFODIV_ARG_P, 0, 0);                                                          \
    for (size_t r = 0; r < rows; r++) {                                                                                \
        int status = (call);                                                                                           \
        if (status) {                                                                                                  \
            if (err)                                                                                                   \
                err->index += r * cols;                                                                                \
            return status;                                                                                             \
        }                                                                                                              \
    }                                                                                                                  \
    return INFODIV_OK;

int FN(kl_rows)(const REAL *p, const REAL *q, size_t rows, size_t cols, const infodiv_options *opt, double *out,
                infodiv_error *err)
{
    ROWS_BODY(FN(kl)(p + r * cols, q + r * cols, cols, opt, out + r, err))
}

int FN(measures_rows)(const REAL *p, const REAL *q, size_t rows, size_t cols, const infodiv_options *opt,
                      infodiv_measure_set *out, infodiv_error *err)
{
    ROWS_BODY(FN(measures)(p + r * cols, q + r * cols, cols, opt, out + r, err))
}

/* ---- Logits: P = softmax(a/T), Q = softmax(b/T) ---- */

/* Checks one vector of logits (NaN and +inf are errors; -inf is an outcome
 * of probability 0) and returns its largest entry. */
static int LOCAL(logits_scan)(const REAL *a, size_t n, int arg, double *max, infodiv_error *err)
{
    double m = -INFINITY;
    for (size_t i = 0; i < n; i++) {
        double v = a[i];
        if (isnan(v) || v == INFINITY)
            return fail(err, isnan(v) ? INFODIV_NAN : INFODIV_INFINITE, arg, i, v);
        if (v > m)
            m = v;
    }
    if (m == -INFINITY)
        return fail(err, INFODIV_ZERO_SUM, arg, 0, m);
    *max = m;
    return INFODIV_OK;
}

/* g_i = a'_i - b'_i (step 2 of logits_pair), for both logits finite. */
static inline quot LOCAL(gap)(const REAL *a, const REAL *b, size_t i, const logits_pair *lp)
{
    return logit_gap(a[i], b[i], lp->max_a, lp->max_b, lp->t);
}

static int LOCAL(logits_prepare)(const REAL *a, const REAL *b, size_t n, const void *out, double t,
                                 const infodiv_options *opt, logits_pair *lp, double *ln_base, infodiv_error *err)
{
    int status;
    if (!a || !b || !out)
        return fail(err, INFODIV_NULL, !a ? INFODIV_ARG_P : !b ? INFODIV_ARG_Q : INFODIV_ARG_NONE, 0, 0);
    if (n == 0)
        return fail(err, INFODIV_EMPTY, INFODIV_ARG_P, 0, 0);
    if ((status = LOCAL(logits_scan)(a, n, INFODIV_ARG_P, &lp->max_a, err))
        || (status = LOCAL(logits_scan)(b, n, INFODIV_ARG_Q, &lp->max_b, err)))
        return status;
    if (!(t > 0 && t <= DBL_MAX))
        return fail(err, INFODIV_BAD_TEMPERATURE, INFODIV_ARG_TEMPERATURE, 0, t);
    if ((status = read_base(opt, ln_base, err)))
        return status;
    lp->t = t;
    dd za = { 0, 0 }, zb = { 0, 0 }, diff = { 0, 0 };
    for (size_t i = 0; i < n; i++) {
        double ea = exp_quot(shifted_logit(a[i], lp->max_a, t), t), eb = exp_quot(shifted_logit(b[i], lp->max_b, t), t);
        acc_add(&za, ea);
        acc_add(&zb, eb);
        /* exp(a'_i) - exp(b'_i): through expm1 where the two nearly cancel */
        double g = a[i] == -INFINITY || b[i] == -INFINITY ? INFINITY : LOCAL(gap)(a, b, i, lp).v;
        acc_add(&diff, fabs(g) < 1 ? eb * expm1(g) : ea - eb);
    }
    za = acc_result(za);
    zb = acc_result(zb);
    lp->z_a = za.hi;
    lp->z_b = zb.hi;
    lp->log_za = log1p((za.hi - 1) + za.lo);
    lp->log_zb = log1p((zb.hi - 1) + zb.lo);
    lp->l = log1p(dd_value(diff) / dd_value(zb));
    return INFODIV_OK;
}

/* The largest logit of a and of b, or 0 when one is NaN or infinite. */
static int LOCAL(logits_max)(const REAL *a, const REAL *b, size_t n, double *max_a, double *max_b)
{
    /* check = sum v * 0 is NaN iff some v is NaN or infinite */
    vd ninf = v_splat(-INFINITY), zero = v_splat(0), ma = ninf, mb = ninf, check = zero;
    for (size_t i = 0; i < n; i += VLANES) {
        int full = i + VLANES <= n;
        vd x = full ? VLOAD(a + i) : VLOAD1(a + i), y = full ? VLOAD(b + i) : VLOAD1(b + i);
        check = v_add(check, v_add(v_mul(x, zero), v_mul(y, zero)));
        if (!full) /* not the zero beside the last entry */
            x = v_sel(vm_lane0(), x, ninf), y = v_sel(vm_lane0(), y, ninf);
        ma = v_max(ma, x);
        mb = v_max(mb, y);
    }
    double ok = 0;
    *max_a = *max_b = -INFINITY;
    for (int k = 0; k < VLANES; k++) {
        *max_a = fmax(*max_a, v_lane(ma, k));
        *max_b = fmax(*max_b, v_lane(mb, k));
        ok += v_lane(check, k);
    }
    return ok == 0;
}

/* The sums of the entropies' pass (discrete_fast.h) of the `want`ed measures
 * (a constant once inlined) after the maxima; b is read only for those of Q. */
static inline __attribute__((always_inline)) void LOCAL(softmax_pass)(const REAL *a, const REAL *b, size_t n,
                                                                      double max_a, double max_b, double t, int want,
                                                                      softmax_sums *out)
{
    int of_b = want & (LOGITS_HQ | LOGITS_CPQ | LOGITS_CQP);
    vd zero = v_splat(0), va = v_splat(max_a), vb = v_splat(max_b), vt = v_splat(t);
    softmax_block blk = {
        { zero, zero }, { zero, zero }, { zero, zero, zero, zero }, { zero, zero, zero, zero }, { zero, zero }
    };
    dd z[2] = { { 0, 0 }, { 0, 0 } }, s[4] = { { 0, 0 }, { 0, 0 }, { 0, 0 }, { 0, 0 } };
    size_t i = 0;
    while (i < n) {
        size_t end = n - i > FAST_BLOCK ? i + FAST_BLOCK : n;
        blk.z[0] = blk.z[1] = blk.s[0] = blk.s[1] = blk.s[2] = blk.s[3] = zero;
        for (; i < end; i += VLANES) {
            int full = i + VLANES <= end;
            vd xa = v_sub(full ? VLOAD(a + i) : VLOAD1(a + i), va), xb = zero;
            if (of_b)
                xb = v_sub(full ? VLOAD(b + i) : VLOAD1(b + i), vb);
            if (t != 1)
                xa = v_div(xa, vt), xb = v_div(xb, vt);
            softmax_lanes(xa, xb, full ? vm_splat(~(uint64_t)0) : vm_lane0(), want, &blk);
        }
        for (int k = 0; k < VLANES; k++) {
            for (int side = 0; side < 2; side++)
                acc_add(&z[side], v_lane(blk.z[side], k));
            for (int m = 0; m < 4; m++)
                if (want & SOFTMAX_H[m])
                    acc_add(&s[m], v_lane(blk.s[m], k));
        }
    }
    for (int side = 0; side < 2; side++) {
        out->z[side] = dd_value(z[side]), out->ez[side] = 0, out->min[side] = 0;
        for (int k = 0; k < VLANES; k++) {
            out->ez[side] += v_lane(blk.ez[side], k);
            out->min[side] = fmin(out->min[side], v_lane(blk.min[side], k));
        }
    }
    for (int m = 0; m < 4; m++) {
        out->s[m] = dd_value(s[m]), out->es[m] = 0;
        for (int k = 0; k < VLANES; k++)
            out->es[m] += v_lane(blk.es[m], k);
    }
}

/* Measure k of the entropies' pass (0: H(P) of a alone, 2: H(P,Q)) in nats,
 * if vouched for; always inlined, so that each caller's constant k prunes
 * the pass to its sums. */
static inline __attribute__((always_inline)) int LOCAL(softmax_h_fast)(const REAL *a, const REAL *b, size_t n, double t,
                                                                       int k, double *h)
{
    double max_a, max_b;
    softmax_sums s;
    if (!(t > 0 && t <= DBL_MAX) || !LOCAL(logits_max)(a, b, n, &max_a, &max_b))
        return 0;
    LOCAL(softmax_pass)(a, b, n, max_a, max_b, t, SOFTMAX_H[k], &s);
    return softmax_h_from_sums(&s, k, n, h);
}

/* The fast path of kl_logits (discrete_fast.h): 1 with *status and *result
 * set, or 0 when the general path must answer. */
static int LOCAL(kl_logits_fast)(const REAL *a, const REAL *b, size_t n, double t, const infodiv_options *opt,
                                 double *result, infodiv_error *err, int *status)
{
    double max_a, max_b;
    if (!(t > 0 && t <= DBL_MAX) || !LOCAL(logits_max)(a, b, n, &max_a, &max_b))
        return 0;
    vd zero = v_splat(0);
    vd va = v_splat(max_a), vb = v_splat(max_b), vt = v_splat(t);
    dd za = { 0, 0 }, zb = { 0, 0 }, sum = { 0, 0 };
    logit_sums s = { 0, 0, 0, 0, 0, 0, 0, 0, 0 };
    vd min_a = zero, min_b = zero;
    size_t i = 0;
    while (i < n) {
        size_t end = n - i > FAST_BLOCK ? i + FAST_BLOCK : n;
        logit_block blk = { zero, zero, zero, zero, zero, zero, zero, min_a, min_b };
        for (; i < end; i += VLANES) {
            int full = i + VLANES <= end;
            vd x = full ? VLOAD(a + i) : VLOAD1(a + i), y = full ? VLOAD(b + i) : VLOAD1(b + i);
            vd xa = v_sub(x, va), xb = v_sub(y, vb);
            if (t != 1)
                xa = v_div(xa, vt), xb = v_div(xb, vt);
            logit_lanes(xa, xb, full ? vm_splat(~(uint64_t)0) : vm_lane0(), &blk);
        }
        min_a = blk.min_a, min_b = blk.min_b;
        for (int k = 0; k < VLANES; k++) {
            acc_add(&za, v_lane(blk.za, k));
            acc_add(&zb, v_lane(blk.zb, k));
            acc_add(&sum, v_lane(blk.s, k));
            s.bg += v_lane(blk.bg, k), s.es += v_lane(blk.es, k);
            s.ea += v_lane(blk.ea, k), s.eb += v_lane(blk.eb, k);
        }
    }
    s.za = dd_value(za), s.zb = dd_value(zb), s.s = dd_value(sum);
    s.min_a = s.min_b = 0;
    for (int k = 0; k < VLANES; k++) {
        s.min_a = fmin(s.min_a, v_lane(min_a, k));
        s.min_b = fmin(s.min_b, v_lane(min_b, k));
    }
    double kl, ln_base;
    if (!kl_logits_from_sums(&s, &kl))
        return 0;
    if ((*status = read_base(opt, &ln_base, err)) == INFODIV_OK)
        *result = kl / ln_base;
    return 1;
}

/* KL(P||Q) for P = softmax(a/T), Q = softmax(b/T) (method above logits_pair):
 * sum q phi(p/q) as in kl(), each share from logit_share(), as in
 * measures_logits(). a_i = -inf adds q_i; b_i = -inf < a_i gives +infinity.
 * Temperature t: finite and > 0. */
int FN(kl_logits)(const REAL *a, const REAL *b, size_t n, double t, const infodiv_options *opt, double *result,
                  infodiv_error *err)
{
    logits_pair lp;
    double ln_base;
    int status;
#ifndef INFODIV_NO_FAST_PATH /* defined only by the test build that checks the fast paths against this one */
    if (a && b && result && n > 0 && LOCAL(kl_logits_fast)(a, b, n, t, opt, result, err, &status))
        return status;
#endif
    status = LOCAL(logits_prepare)(a, b, n, result, t, opt, &lp, &ln_base, err);
    if (status)
        return status;
    dd s = { 0, 0 };
    for (size_t i = 0; i < n; i++) {
        if (b[i] == -INFINITY && a[i] != -INFINITY) {
            *result = INFINITY / ln_base;
            return INFODIV_OK;
        }
        double ph = exp_quot(shifted_logit(a[i], lp.max_a, t), t) / lp.z_a;
        double qh = exp_quot(shifted_logit(b[i], lp.max_b, t), t) / lp.z_b;
        if (a[i] == -INFINITY) /* masked: p^ log(p^/q^) is 0 */
            acc_add(&s, qh);
        else
            acc_add(&s, logit_share(ph, qh, LOCAL(gap)(a, b, i, &lp), lp.l, 1, t));
    }
    *result = dd_value(s) / ln_base;
    return INFODIV_OK;
}

/* The fast pass of measures_logits (discrete_fast.h): the entropies and
 * cross-entropies from the entropies' pass; then p^ = e^a' / Z_a and
 * q^ = e^b' / Z_b lane by lane and pair_pass()'s sums and bounds for KL and
 * JS, with the inputs' own error = the largest (2 |a'| + 6) eps of
 * exp_lanes(), plus that of 1/Z (Z's error bound over Z, one rounding in
 * 1/Z, one in the product). 0 when the pass cannot run; else 1, the
 * measures in nats in *m and in *vouched LOGITS_HP, LOGITS_HQ, LOGITS_CPQ,
 * LOGITS_CQP for those within bounds, and LOGITS_ALL when all seven are. */
static int LOCAL(measures_logits_pass)(const REAL *a, const REAL *b, size_t n, double t, infodiv_measure_set *m,
                                       int *vouched)
{
    double max_a, max_b, h[4];
    if (!(t > 0 && t <= DBL_MAX) || !LOCAL(logits_max)(a, b, n, &max_a, &max_b))
        return 0;
    softmax_sums hs;
    LOCAL(softmax_pass)(a, b, n, max_a, max_b, t, SOFTMAX_H_ALL, &hs);
    *vouched = 0;
    for (int k = 0; k < 4; k++)
        *vouched |= softmax_h_from_sums(&hs, k, n, &h[k]) ? SOFTMAX_H[k] : 0;
    m->entropy_p = h[0], m->entropy_q = h[1], m->cross_entropy_pq = h[2], m->cross_entropy_qp = h[3];
    double lowest_a = hs.min[0], lowest_b = hs.min[1], lowest = fmin(lowest_a, lowest_b);
    double z_a = hs.z[0], z_b = hs.z[1], w = FAST_BLOCK / VLANES;
    /* every p^, q^ a normal number, as fast_log() needs */
    if (*vouched != SOFTMAX_H_ALL || !(lowest >= -EXP_LANES_MIN) || !(lowest - log(fmax(z_a, z_b)) >= -680))
        return 1;
    double in_a = 2 * -lowest_a + 8 + (w * z_a + hs.ez[0]) / z_a, in_b = 2 * -lowest_b + 8 + (w * z_b + hs.ez[1]) / z_b;
    vd zero = v_splat(0), va = v_splat(max_a), vb = v_splat(max_b), vt = v_splat(t);
    vd ia = v_splat(1 / z_a), ib = v_splat(1 / z_b), z_max = zero;
    /* pair_pass() on p^, q^: KL and JS */
    dd acc[7] = { { 0, 0 }, { 0, 0 }, { 0, 0 }, { 0, 0 }, { 0, 0 }, { 0, 0 }, { 0, 0 } };
    double bounds[3] = { 0, 0, 0 };
    size_t i = 0;
    while (i < n) {
        size_t end = n - i > FAST_BLOCK ? i + FAST_BLOCK : n;
        pair_block blk = { zero, zero, zero, zero, zero, zero, zero, zero, zero, zero };
        for (; i < end; i += VLANES) {
            int full = i + VLANES <= end;
            vm live = full ? vm_splat(~(uint64_t)0) : vm_lane0();
            vd xa = v_sub(full ? VLOAD(a + i) : VLOAD1(a + i), va), xb = v_sub(full ? VLOAD(b + i) : VLOAD1(b + i), vb);
            if (t != 1)
                xa = v_div(xa, vt), xb = v_div(xb, vt);
            vd x = v_sel(live, v_mul(exp_lanes(xa), ia), zero), y = v_sel(live, v_mul(exp_lanes(xb), ib), zero);
            pair_lanes(x, y, WANT_KL | WANT_JS, &blk, &z_max);
        }
        fold_pair_block(acc, bounds, &blk, WANT_KL | WANT_JS);
    }
    pair_sums s = { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 };
    s.kpq = dd_value(acc[4]), s.kqp = dd_value(acc[5]), s.js = dd_value(acc[6]);
    s.b_l = bounds[0], s.b_tv = bounds[1], s.b_js = bounds[2];
    for (int k = 0; k < VLANES; k++)
        s.z_max = fmax(s.z_max, v_lane(z_max, k));
    if (divergences_from_sums(&s, fmax(in_a, in_b), m))
        *vouched |= LOGITS_ALL;
    return 1;
}

/* All seven measures of P = softmax(a/T) and Q = softmax(b/T), as measures()
 * does for probabilities. The surprisal -log p_i = log Z_a - a'_i is a sum of
 * two terms >= 0, so the entropies of peaked distributions keep their digits;
 * p_i (-log q_i) takes p_i (-b'_i) from quot_times(), finite where -b'_i
 * alone overflows. An outcome whose probability underflows on one side is
 * not masked: its shares come from g as any other's. */
int FN(measures_logits)(const REAL *a, const REAL *b, size_t n, double t, const infodiv_options *opt,
                        infodiv_measure_set *result, infodiv_error *err)
{
    logits_pair lp;
    double ln_base;
    int status;
#ifndef INFODIV_NO_FAST_PATH /* defined only by the test build that checks the fast paths against this one */
    /* The fast pass answers when it vouches for all seven, or, for b = a
     * (entropy with logits), the entropies' pass for H(P): then the general
     * path's KL = JS = 0 exactly and H(P) = H(P,P) from this pass, as it
     * would give below. */
    infodiv_measure_set fm;
    int vouched = 0, ran = a && b && result && n > 0;
    if (ran && a == b) {
        vouched = LOCAL(softmax_h_fast)(a, a, n, t, 0, &fm.entropy_p) ? SOFTMAX_H_ALL | LOGITS_ALL : 0;
        fm.entropy_q = fm.cross_entropy_pq = fm.cross_entropy_qp = fm.entropy_p, fm.kl_pq = fm.kl_qp = fm.js = 0;
    } else if (ran)
        ran = LOCAL(measures_logits_pass)(a, b, n, t, &fm, &vouched);
    if (ran && (vouched & LOGITS_ALL)) {
        if ((status = read_base(opt, &ln_base, err)) == INFODIV_OK)
            measures_in_base(&fm, ln_base, result);
        return status;
    }
#endif
    status = LOCAL(logits_prepare)(a, b, n, result, t, opt, &lp, &ln_base, err);
    if (status)
        return status;
    dd hp = { 0, 0 }, hq = { 0, 0 }, cpq = { 0, 0 }, cqp = { 0, 0 }, kpq = { 0, 0 }, kqp = { 0, 0 }, js = { 0, 0 };
    int inf_pq = 0, inf_qp = 0;
    for (size_t i = 0; i < n; i++) {
        int zero_p = a[i] == -INFINITY, zero_q = b[i] == -INFINITY;
        if (zero_p && zero_q)
            continue;
        quot sa = shifted_logit(a[i], lp.max_a, t), sb = shifted_logit(b[i], lp.max_b, t); /* a'_i, b'_i <= 0 */
        double ph = exp_quot(sa, t) / lp.z_a, qh = exp_quot(sb, t) / lp.z_b;
        /* -p log p = p (log Z_a - a'_i); 0 where p underflows */
        if (ph > 0)
            acc_add(&hp, ph * lp.log_za - quot_times(ph, sa, t));
        if (qh > 0)
            acc_add(&hq, qh * lp.log_zb - quot_times(qh, sb, t));
        if (zero_p || zero_q) {
            inf_pq |= zero_q;
            inf_qp |= zero_p;
            acc_add(zero_p ? &kpq : &kqp, ph + qh);
            acc_add(&js, (ph + qh) * LN2);
            continue;
        }
        if (ph > 0)
            acc_add(&cpq, ph * lp.log_zb - quot_times(ph, sb, t));
        if (qh > 0)
            acc_add(&cqp, qh * lp.log_za - quot_times(qh, sa, t));
        quot g = LOCAL(gap)(a, b, i, &lp);
        acc_add(&kpq, logit_share(ph, qh, g, lp.l, 1, t));
        acc_add(&kqp, logit_share(qh, ph, g, lp.l, -1, t));
        if (ph > 0 || qh > 0)
            acc_add(&js, js_share(ratio_from_log(g.v - lp.l), ph, qh));
    }
    result->entropy_p = dd_value(hp) / ln_base;
    result->entropy_q = dd_value(hq) / ln_base;
    result->kl_pq = inf_pq ? INFINITY / ln_base : dd_value(kpq) / ln_base;
    result->kl_qp = inf_qp ? INFINITY / ln_base : dd_value(kqp) / ln_base;
    result->cross_entropy_pq = inf_pq ? INFINITY / ln_base : dd_value(cpq) / ln_base;
    result->cross_entropy_qp = inf_qp ? INFINITY / ln_base : dd_value(cqp) / ln_base;
    result->js = 0.5 * dd_value(js) / ln_base;
#ifndef INFODIV_NO_FAST_PATH
    /* Each entropy and cross-entropy from the entropies' pass wherever it
     * vouches for it, also when the others are not (P = Q, say), so that
     * entropy() with logits, measures_logits(a, a), equals
     * measures_logits(a, b)'s H(P) exactly, cross_entropy_logits() its
     * H(P,Q), and H(P,P) = H(P). */
    /* H(P) depends on a alone, H(Q) on b: where this pass did not run (b's
     * range, say), that of a with itself gives the same value and verdict */
    double h;
    if (ran) {
        if (vouched & LOGITS_HP)
            result->entropy_p = fm.entropy_p / ln_base;
        if (vouched & LOGITS_HQ)
            result->entropy_q = fm.entropy_q / ln_base;
        if (vouched & LOGITS_CPQ)
            result->cross_entropy_pq = fm.cross_entropy_pq / ln_base;
        if (vouched & LOGITS_CQP)
            result->cross_entropy_qp = fm.cross_entropy_qp / ln_base;
    } else {
        if (LOCAL(softmax_h_fast)(a, a, n, t, 0, &h))
            result->entropy_p = h / ln_base;
        if (LOCAL(softmax_h_fast)(b, b, n, t, 0, &h))
            result->entropy_q = h / ln_base;
    }
#endif
    return INFODIV_OK;
}

/* H(P,Q) = -sum p log q of P = softmax(a/T), Q = softmax(b/T): that of
 * measures_logits(), to the bit; the entropies' pass alone where it vouches
 * for it. */
int FN(cross_entropy_logits)(const REAL *a, const REAL *b, size_t n, double t, const infodiv_options *opt,
                             double *result, infodiv_error *err)
{
    infodiv_measure_set m;
    int status;
#ifndef INFODIV_NO_FAST_PATH
    double h, ln_base;
    if (a && b && result && n > 0 && a != b && LOCAL(softmax_h_fast)(a, b, n, t, 2, &h)) {
        if ((status = read_base(opt, &ln_base, err)) == INFODIV_OK)
            *result = h / ln_base;
        return status;
    }
#endif
    status = FN(measures_logits)(a, b, n, t, opt, result ? &m : NULL, err);
    if (status == INFODIV_OK)
        *result = m.cross_entropy_pq;
    return status;
}

int FN(kl_logits_rows)(const REAL *p, const REAL *q, size_t rows, size_t cols, double t, const infodiv_options *opt,
                       double *out, infodiv_error *err)
{
    ROWS_BODY(FN(kl_logits)(p + r * cols, q + r * cols, cols, t, opt, out + r, err))
}

int FN(measures_logits_rows)(const REAL *p, const REAL *q, size_t rows, size_t cols, double t,
                             const infodiv_options *opt, infodiv_measure_set *out, infodiv_error *err)
{
    ROWS_BODY(FN(measures_logits)(p + r * cols, q + r * cols, cols, t, opt, out + r, err))
}

#undef ROWS_BODY
