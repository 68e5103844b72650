"""Coefficients of P(z) = sum_j z^j / (2j + 3) = (atanh(s)/s - 1)/z, z = s^2, on
[0, Z] with Z = 0.0403 (|s| <= 0.2006, the range left by reducing a ratio
to [0.666, 1.502] as kl_lanes() in c/src/discrete.c does).

Method: Chebyshev economisation in exact rational arithmetic (Python's
fractions, no other dependency): the Taylor series to degree 40 is written in
Chebyshev polynomials of [0, Z] and cut to degree D; then the coefficients are
rounded to double and the error of that polynomial, as rounded, is measured
exactly at 2001 points against the series. Run: python3 c/tools/atanh_poly.py
"""
from fractions import Fraction as F

D = 8                      # degree kept: 9 coefficients
Z = F(403, 10000)          # |s| <= 0.2006 after the reduction of kl_lanes(): z <= 0.04024
N = 40                     # Taylor degree; its tail is below 1e-60 on [0, Z]

taylor = [F(1, 2 * j + 3) for j in range(N + 1)]

# z = Z (1 + x) / 2: coefficients of the same polynomial in x.
def compose(coeffs):
    out = [F(0)] * len(coeffs)
    power = [F(1)]                      # ((1 + x) Z / 2)^j
    for j, c in enumerate(coeffs):
        for i, b in enumerate(power):
            out[i] += c * b
        nxt = [F(0)] * (len(power) + 1)
        for i, b in enumerate(power):
            nxt[i] += b * Z / 2
            nxt[i + 1] += b * Z / 2
        power = nxt
    return out

def chebyshev(k):                       # T_k in monomials of x
    t0, t1 = [F(1)], [F(0), F(1)]
    if k == 0:
        return t0
    for _ in range(k - 1):
        t2 = [F(0)] + [2 * c for c in t1]
        for i, c in enumerate(t0):
            t2[i] -= c
        t0, t1 = t1, t2
    return t1

inx = compose(taylor)
# Economise: remove the top monomial with a multiple of T_k, from N down to D+1.
for k in range(N, D, -1):
    t = chebyshev(k)
    c = inx[k] / t[k]
    for i, b in enumerate(t):
        inx[i] -= c * b
inx = inx[: D + 1]

# Back to z: x = 2 z / Z - 1.
out = [F(0)] * (D + 1)
power = [F(1)]
for j, c in enumerate(inx):
    for i, b in enumerate(power):
        out[i] += c * b
    nxt = [F(0)] * (len(power) + 1)
    for i, b in enumerate(power):
        nxt[i] -= b
        nxt[i + 1] += b * 2 / Z
    power = nxt
coeffs = [float(c) for c in out]

def exact(z):
    return sum(taylor[j] * z ** j for j in range(N + 1))

worst = F(0)
for i in range(2001):
    z = Z * i / 2000
    approx = sum(F(c) * z ** j for j, c in enumerate(coeffs))
    worst = max(worst, abs(approx - exact(z)) / exact(z))
for j, c in enumerate(coeffs):
    print(f"#define ATANH_P{j} {c!r}")
print(f"/* max relative error on [0, {float(Z)}]: {float(worst):.2e} */")
