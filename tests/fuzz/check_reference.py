#!/usr/bin/env python3
"""Validates the fuzz harness's quad reference (tests/fuzz/reference.h) against
mpmath at 700 digits on extreme inputs: ratios 1e+-300, shapes 1e-300..1e300,
nearly equal parameters at every magnitude.
  python3 tests/fuzz/check_reference.py        (builds the driver with clang)
Prints each case's relative error (against the exact value) and the ratio of
the actual error to the reference's stated bound; fails if any error exceeds
its bound or 1e-28 relative."""
import os, subprocess, sys
from mpmath import mp, mpf, log, log1p, loggamma, digamma, erf, exp, sqrt, pi, e as E, binomial, nsum, inf

mp.dps = 700
here = os.path.dirname(os.path.abspath(__file__))
root = os.path.dirname(os.path.dirname(here))
NORMAL, LOG_NORMAL, EXPONENTIAL, GAMMA, BETA, UNIFORM, LAPLACE, CAUCHY, MVN, DIRICHLET, BERNOULLI, BINOMIAL, POISSON, GEOMETRIC = range(1, 15)

def F(x):
    return mpf(float(x))  # the double the C side reads

def entropy(f, a, b, v):
    a, b = F(a), F(b)
    if f == NORMAL: return (1 + log(2 * pi)) / 2 + log(b)
    if f == LOG_NORMAL: return a + (1 + log(2 * pi)) / 2 + log(b)
    if f == EXPONENTIAL: return 1 - log(a)
    if f == UNIFORM: return log(b - a)
    if f == LAPLACE: return 1 + log(2) + log(b)
    if f == CAUCHY: return log(4 * pi) + log(b)
    if f == GAMMA: return a - log(b) + loggamma(a) + (1 - a) * digamma(a)
    if f == BETA:
        s = a + b
        return loggamma(a) + loggamma(b) - loggamma(s) - (a - 1) * digamma(a) - (b - 1) * digamma(b) + (s - 2) * digamma(s)
    if f == DIRICHLET:
        al = [F(x) for x in v]; s = sum(al); k = len(al)
        return sum(loggamma(x) for x in al) - loggamma(s) + (s - k) * digamma(s) - sum((x - 1) * digamma(x) for x in al)
    if f in (BERNOULLI, GEOMETRIC):
        h = -a * log(a) - (1 - a) * log(1 - a) if 0 < a < 1 else mpf(0)
        return h / a if f == GEOMETRIC else h
    if f == POISSON:
        lam = a
        if lam > 1e7:  # Evans and Boersma's expansion: next term O(lam^-4)
            return log(2 * pi * E * lam) / 2 - 1 / (12 * lam) - 1 / (24 * lam**2) - 19 / (360 * lam**3)
        with mp.workdps(60):
            hi = int(lam + 40 * sqrt(lam) + 80)
            s, lp = mpf(0), -lam
            for x in range(hi):
                s -= exp(lp) * lp
                lp += log(lam) - log(x + 1)
            return s
    if f == BINOMIAL:
        n, p = int(a), b
        with mp.workdps(60):
            s = mpf(0)
            for x in range(n + 1):
                lp = loggamma(n + 1) - loggamma(x + 1) - loggamma(n - x + 1) + x * log(p) + (n - x) * log1p(-p)
                s -= exp(lp) * lp
            return s
    raise ValueError(f)

def kl(f, a, b, v, g, c, d, w):
    a, b, c, d = F(a), F(b), F(c), F(d)
    if f == NORMAL and g == LAPLACE:
        z = (a - c) / b
        mabs = b * (sqrt(2 / pi) * exp(-z * z / 2) + z * erf(z / sqrt(2)))
        return log(2 * d) - (1 + log(2 * pi * b * b)) / 2 + mabs / d
    if f == LAPLACE and g == NORMAL:
        return log(d / (2 * b)) + log(2 * pi) / 2 - 1 + (2 * b * b + (a - c) ** 2) / (2 * d * d)
    if f in (EXPONENTIAL, GAMMA) and g in (EXPONENTIAL, GAMMA):
        ap, bp = (a, b) if f == GAMMA else (mpf(1), a)
        aq, bq = (c, d) if g == GAMMA else (mpf(1), c)
        return (ap - aq) * digamma(ap) - loggamma(ap) + loggamma(aq) + aq * (log(bp) - log(bq)) + ap * (bq - bp) / bp
    assert f == g
    if f in (NORMAL, LOG_NORMAL): return log(d / b) + (b * b + (a - c) ** 2) / (2 * d * d) - mpf(1) / 2
    if f == UNIFORM: return log((d - c) / (b - a))
    if f == LAPLACE: return log(d / b) + abs(a - c) / d + b / d * exp(-abs(a - c) / b) - 1
    if f == CAUCHY: return log(((b + d) ** 2 + (a - c) ** 2) / (4 * b * d))
    if f in (BETA, DIRICHLET):
        al = [a, b] if f == BETA else [F(x) for x in v]
        be = [c, d] if f == BETA else [F(x) for x in w]
        a0, b0 = sum(al), sum(be)
        return (loggamma(a0) - loggamma(b0) + sum(loggamma(y) - loggamma(x) for x, y in zip(al, be))
                + sum((x - y) * (digamma(x) - digamma(a0)) for x, y in zip(al, be)))
    if f in (BERNOULLI, BINOMIAL, GEOMETRIC):
        x, y = (b, d) if f == BINOMIAL else (a, c)
        t = (x * log(x / y) if x > 0 else 0) + ((1 - x) * log((1 - x) / (1 - y)) if x < 1 else 0)
        return a * t if f == BINOMIAL else t / x if f == GEOMETRIC else t
    if f == POISSON: return (a * log(a / c) if a > 0 else 0) - a + c
    raise ValueError(f)

def D(f, a=0, b=0, v=()):
    return (f, a, b, list(v))

cases = []
def E_(*d): cases.append(('E', d))
def K_(p, q): cases.append(('K', (p, q)))

for s in (1e-300, 1e-20, 1e-3, 0.5, 1, 1.4616321449683622, 2, 10, 49.5, 50, 1e3, 1e15, 1e100, 1e300):
    E_(D(GAMMA, s, 3.0))
    E_(D(BETA, s, 0.5)); E_(D(BETA, s, s)); E_(D(BETA, s, 1e300))
for s in (1e-300, 1e-8, 0.3, 1, 7, 60, 1e10, 1e200, 1e300):
    for t in (s * (1 + 2**-52), s * (1 + 1e-9), 2 * s, s * 1e-3, 1e300 if s < 1e300 else 0.5):
        rel = min(t / s, 1e200)
        K_(D(GAMMA, s, 1.5), D(GAMMA, t, 1.5))
        K_(D(GAMMA, s, 1.5), D(GAMMA, t, 1.5 * rel))
        K_(D(BETA, s, 2.5), D(BETA, t, 2.5))
        K_(D(BETA, s, s), D(BETA, t, t))
        K_(D(DIRICHLET, 0, 0, [s, 1, 3]), D(DIRICHLET, 0, 0, [t, 1, 3 * (1 + 2**-50)]))
for r in (1e-300, 1e-150, 1e-16, 1 - 2**-53, 1 + 2**-52, 1.5, 1e150, 1e300):
    for loc in (0, 1e-300, 1, 1e150, 1e300):
        K_(D(NORMAL, loc, 1e-5), D(NORMAL, 0, 1e-5 * r)); K_(D(LOG_NORMAL, loc, 3), D(LOG_NORMAL, -loc, 3 * r))
        K_(D(LAPLACE, loc, 1e5), D(LAPLACE, 0, 1e5 * r)); K_(D(CAUCHY, loc, 7), D(CAUCHY, 1, 7 * r))
        K_(D(NORMAL, loc, 2), D(LAPLACE, 0, 2 * r)); K_(D(LAPLACE, loc, 2), D(NORMAL, 0, 2 * r))
    K_(D(EXPONENTIAL, 3), D(EXPONENTIAL, 3 * r)); K_(D(EXPONENTIAL, 3), D(GAMMA, 1 + 1e-9, 3 * r)); K_(D(GAMMA, 1e-300, 3), D(EXPONENTIAL, 3 * r))
    K_(D(UNIFORM, -1, 1), D(UNIFORM, -1 - min(r, 1e300), 1))
for p, q in ((0.5, 0.5 + 2**-53), (1e-300, 1e-300 * 1.000001), (0.3, 1e-300), (1 - 2**-53, 0.5), (0, 0.7), (1, 0.2)):
    K_(D(BERNOULLI, p), D(BERNOULLI, q)); K_(D(BINOMIAL, 2**53, p), D(BINOMIAL, 2**53, q))
    if p > 0: K_(D(GEOMETRIC, p), D(GEOMETRIC, q if q > 0 else 0.5))
for lam in (1e-300, 0.5, 3, 399.5, 400, 1e4, 1e10, 1e300):
    E_(D(POISSON, lam))
    K_(D(POISSON, lam), D(POISSON, lam * (1 + 2**-52))); K_(D(POISSON, lam), D(POISSON, 1e-300))
for n, p in ((10, 0.3), (1600, 0.25), (2000, 0.5), (20000, 0.1), (3000, 1e-300)):
    E_(D(BINOMIAL, n, p))
for p in (1e-300, 1e-5, 0.5, 0.999):
    E_(D(BERNOULLI, p)); E_(D(GEOMETRIC, p))

# subnormal and near-DBL_MAX parameters together
K_(D(GAMMA, 5e-324, 0.375), D(GAMMA, 9.9577667347105031e-297, 2.2250738585072014e-308))
K_(D(GAMMA, 1e-300, 1e300), D(GAMMA, 1e300, 1e-300)); K_(D(GAMMA, 1e300, 1e-300), D(GAMMA, 1e-300, 1e300))
K_(D(BETA, 5e-324, 1e308), D(BETA, 1e308, 5e-324)); K_(D(BETA, 1e308, 1e308), D(BETA, 3.375, 3.375))
K_(D(BETA, 2**53, 2**53), D(BETA, 3.375, 3.375)); K_(D(DIRICHLET, 0, 0, [1000, 5e-324, 1]), D(DIRICHLET, 0, 0, [1e-300, 1e300, 1]))
E_(D(GAMMA, 5e-324, 1e-308)); E_(D(BETA, 1.5e-323, 1.5e-323)); E_(D(DIRICHLET, 0, 0, [1e300, 1e-300, 5e-324]))
K_(D(CAUCHY, 1.7976931348623157e308, 1.7976931348623157e308), D(CAUCHY, 4, 1.7976931348623157e308))
K_(D(CAUCHY, 1e308, 5e-324), D(CAUCHY, -1e308, 5e-324)); K_(D(LAPLACE, 1e308, 5e-324), D(LAPLACE, -1e308, 1e308))
K_(D(LOG_NORMAL, 0.625, 0.125), D(LOG_NORMAL, 24832, 1.37e-150))
# shapes far apart, both large: x/a - 1 rounds to -1 in quad (D from f and psi - log)
K_(D(BETA, 4.625, 1.7976931348623157e308), D(BETA, 1.7976931348623157e308, 23308))
K_(D(BETA, 60, 1e6), D(BETA, 1e6, 75)); K_(D(GAMMA, 1e300, 2), D(GAMMA, 80, 3)); K_(D(GAMMA, 80, 3), D(GAMMA, 1e300, 2))
K_(D(DIRICHLET, 0, 0, [55, 1e300, 2]), D(DIRICHLET, 0, 0, [1e300, 70, 2]))
# a proportion of 1e-308 beside one near 1: (x - y)/y rounds to -1 in quad
K_(D(BETA, 1e-6, 0.3), D(BETA, 1.7976931348623157e308, 3.375)); K_(D(BETA, 0.3, 1e-6), D(BETA, 3.375, 1e300))

def fmt(d):
    return f"{d[0]} {d[1]!r} {d[2]!r} {len(d[3])} " + " ".join(repr(float(x)) for x in d[3])

driver = "/tmp/check_reference"
qi = os.path.dirname(subprocess.check_output(["gcc", "-print-file-name=include/quadmath.h"], text=True).strip())
ql = os.path.dirname(subprocess.check_output(["gcc", "-print-file-name=libquadmath.so"], text=True).strip())
subprocess.check_call(["clang", "-std=c11", "-O1", "-Wall", "-Wextra", "-ffp-contract=off", "-I" + os.path.join(root, "c/include"),
                       "-idirafter", qi, os.path.join(here, "check_reference.c"), "-L" + ql, "-lquadmath", "-lm", "-o", driver])
lines = "\n".join((k + " " + fmt(c[0])) if k == 'E' else (k + " " + fmt(c[0]) + " " + fmt(c[1])) for k, c in cases)
out = subprocess.run([driver], input=lines, capture_output=True, text=True, check=True).stdout.split("\n")
worst, worst_b, bad = 0, 0, 0
for (k, c), line in zip(cases, out):
    st, val, bound = line.split()
    if st != "ok":
        print("no reference:", k, c); bad += 1; continue
    want = entropy(c[0][0], c[0][1], c[0][2], c[0][3]) if k == 'E' else kl(c[0][0], c[0][1], c[0][2], c[0][3], c[1][0], c[1][1], c[1][2], c[1][3])
    got, bound = mpf(val), mpf(bound)
    err = abs(got - want)
    rel = err / abs(want) if want != 0 else err
    ratio = err / bound if bound > 0 else (0 if err == 0 else inf)
    worst, worst_b = max(worst, rel), max(worst_b, ratio)
    flag = rel > 1e-28 or ratio > 1
    bad += flag
    if flag or os.environ.get("VERBOSE"):
        print(f"{'BAD ' if flag else ''}{k} {c}: ref {val} exact {mp.nstr(want, 25)} rel {mp.nstr(rel, 3)} err/bound {mp.nstr(ratio, 3)}")
print(f"{len(cases)} cases: worst relative error {mp.nstr(worst, 3)}, worst error/bound {mp.nstr(worst_b, 3)}, {bad} failures")
sys.exit(1 if bad else 0)
