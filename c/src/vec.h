/* A small vocabulary of lane-wise double arithmetic, so the fast kernels in
 * discrete.c are written once: two lanes of WebAssembly SIMD when built with
 * -msimd128, else one lane of plain C (the wasm fallback for engines without
 * SIMD, and the native builds used by the tests and the benchmark).
 *
 *   vd  lanes of double        vm  lanes of 64-bit masks or integer bits
 *   v_max(a, b) is a < b ? b : a, and v_min(a, b) is b < a ? b : a, as the
 *   single x86 instructions are: a NaN in b is dropped.
 *   Comparisons give all-ones or all-zero masks; v_sel(m, a, b) is m ? a : b
 *   lane by lane; vm_sar shifts right arithmetically (signed).
 */
#ifndef INFODIV_VEC_H
#define INFODIV_VEC_H

#include <stdint.h>
#include <string.h>

#ifdef __wasm_simd128__
#include <wasm_simd128.h>

#define VLANES 2
typedef v128_t vd;
typedef v128_t vm;

static inline vd v_splat(double x) { return wasm_f64x2_splat(x); }
static inline vm vm_splat(uint64_t x) { return wasm_i64x2_splat((int64_t)x); }
/* All ones in lane 0, zero in lane 1: the live lane of v_load1(). */
static inline vm vm_lane0(void) { return wasm_i64x2_make(-1, 0); }
static inline vd v_load(const double *p) { return wasm_v128_load(p); }
static inline vd v_load_f32(const float *p) { return wasm_f64x2_promote_low_f32x4(wasm_v128_load64_zero(p)); }
/* One entry in lane 0, zero in lane 1: the tail of an odd-length array. */
static inline vd v_load1(const double *p) { return wasm_f64x2_make(*p, 0); }
static inline vd v_load1_f32(const float *p) { return wasm_f64x2_make(*p, 0); }
static inline double v_lane(vd a, int k) { return k ? wasm_f64x2_extract_lane(a, 1) : wasm_f64x2_extract_lane(a, 0); }
static inline void v_store(double *p, vd a) { wasm_v128_store(p, a); }

static inline vd v_add(vd a, vd b) { return wasm_f64x2_add(a, b); }
static inline vd v_sub(vd a, vd b) { return wasm_f64x2_sub(a, b); }
static inline vd v_mul(vd a, vd b) { return wasm_f64x2_mul(a, b); }
static inline vd v_div(vd a, vd b) { return wasm_f64x2_div(a, b); }
static inline vd v_max(vd a, vd b) { return wasm_f64x2_pmax(a, b); }
static inline vd v_min(vd a, vd b) { return wasm_f64x2_pmin(a, b); }
static inline vd v_abs(vd a) { return wasm_f64x2_abs(a); }
static inline vm v_eq(vd a, vd b) { return wasm_f64x2_eq(a, b); }
static inline vm v_ne(vd a, vd b) { return wasm_f64x2_ne(a, b); }
static inline vd v_sel(vm m, vd a, vd b) { return wasm_v128_bitselect(a, b, m); }

static inline vm v_bits(vd a) { return a; }
static inline vd v_from_bits(vm a) { return a; }
static inline vm vm_add(vm a, vm b) { return wasm_i64x2_add(a, b); }
static inline vm vm_sub(vm a, vm b) { return wasm_i64x2_sub(a, b); }
static inline vm vm_and(vm a, vm b) { return wasm_v128_and(a, b); }
static inline vm vm_or(vm a, vm b) { return wasm_v128_or(a, b); }
/* a & ~b */
static inline vm vm_andnot(vm a, vm b) { return wasm_v128_andnot(a, b); }
static inline vm vm_xor(vm a, vm b) { return wasm_v128_xor(a, b); }
static inline vm vm_shr(vm a, int k) { return wasm_u64x2_shr(a, k); }
static inline vm vm_shl(vm a, int k) { return wasm_i64x2_shl(a, k); }
static inline vm vm_sar(vm a, int k) { return wasm_i64x2_shr(a, k); }

#else /* one lane of plain C */

#define VLANES 1
typedef double vd;
typedef uint64_t vm;

static inline vd v_splat(double x) { return x; }
static inline vm vm_splat(uint64_t x) { return x; }
static inline vm vm_lane0(void) { return ~(vm)0; }
static inline vd v_load(const double *p) { return *p; }
static inline vd v_load_f32(const float *p) { return *p; }
static inline vd v_load1(const double *p) { return *p; }
static inline vd v_load1_f32(const float *p) { return *p; }
static inline double v_lane(vd a, int k)
{
    (void)k;
    return a;
}
static inline void v_store(double *p, vd a) { *p = a; }

static inline vd v_add(vd a, vd b) { return a + b; }
static inline vd v_sub(vd a, vd b) { return a - b; }
static inline vd v_mul(vd a, vd b) { return a * b; }
static inline vd v_div(vd a, vd b) { return a / b; }
static inline vd v_max(vd a, vd b) { return a < b ? b : a; }
static inline vd v_min(vd a, vd b) { return b < a ? b : a; }
static inline vd v_abs(vd a) { return a < 0 ? -a : a; }
static inline vm v_eq(vd a, vd b) { return a == b ? ~(vm)0 : 0; }
static inline vm v_ne(vd a, vd b) { return a != b ? ~(vm)0 : 0; }
static inline vd v_sel(vm m, vd a, vd b) { return m ? a : b; }

static inline vm v_bits(vd a)
{
    vm m;
    memcpy(&m, &a, sizeof m);
    return m;
}
static inline vd v_from_bits(vm a)
{
    vd d;
    memcpy(&d, &a, sizeof d);
    return d;
}
static inline vm vm_add(vm a, vm b) { return a + b; }
static inline vm vm_sub(vm a, vm b) { return a - b; }
static inline vm vm_and(vm a, vm b) { return a & b; }
static inline vm vm_or(vm a, vm b) { return a | b; }
static inline vm vm_andnot(vm a, vm b) { return a & ~b; }
static inline vm vm_xor(vm a, vm b) { return a ^ b; }
static inline vm vm_shr(vm a, int k) { return a >> k; }
static inline vm vm_shl(vm a, int k) { return a << k; }
static inline vm vm_sar(vm a, int k) { return (vm)((int64_t)a >> k); }

#endif
#endif /* INFODIV_VEC_H */
