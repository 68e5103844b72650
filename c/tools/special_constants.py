"""Constants of the special functions in c/src/special.c, and the reference
values of tests/fixtures/special.json, in 60-digit decimal arithmetic (Python's
decimal and fractions only: an implementation independent of the C one).

Method: Hurwitz zeta(s, a) by Euler-Maclaurin summation (N = 40 direct terms,
30 Bernoulli corrections: the remainder is far below 1e-60 for the arguments
used); digamma and log-gamma by the recurrence up to x >= 40 and their
asymptotic series; the root x0 of digamma by Newton's method.

Prints the C tables (zeta(k) - 1, the root as a double-double, the Taylor
coefficients of digamma at its root) and writes tests/fixtures/special.json.
Run: python3 c/tools/special_constants.py
"""
import json
import os
from decimal import Decimal as D, getcontext
from fractions import Fraction as F

getcontext().prec = 60
N, J = 40, 30
PI = D('3.14159265358979323846264338327950288419716939937510582097494459')


def bernoulli(m):
    """B_0..B_m (B_1 = -1/2) by the Akiyama-Tanigawa algorithm."""
    out, a = [], [F(0)] * (m + 1)
    for i in range(m + 1):
        a[i] = F(1, i + 1)
        for j in range(i, 0, -1):
            a[j - 1] = j * (a[j - 1] - a[j])
        out.append(a[0])
    out[1] = -out[1]
    return out


B = bernoulli(2 * J + 2)
fd = lambda f: D(f.numerator) / D(f.denominator)


def hurwitz(s, a):
    """zeta(s, a) = sum_{n>=0} (n + a)^-s, integer s >= 2, a > 0."""
    a = D(a)
    total = sum(((n + a) ** -s for n in range(N)), D(0))
    y = N + a
    total += y ** (1 - s) / (s - 1) + y ** -s / 2
    rising, fact = D(s), D(2)           # s (s+1) ... (s + 2j - 2), (2j)!
    for j in range(1, J + 1):
        total += fd(B[2 * j]) / fact * rising * y ** (-s - 2 * j + 1)
        rising *= (s + 2 * j - 1) * (s + 2 * j)
        fact *= (2 * j + 1) * (2 * j + 2)
    return total


def shift(x):
    x = D(x)
    n = max(0, int(40 - x) + 1)
    return x, n, x + n


def digamma(x):
    x, n, y = shift(x)
    s = y.ln() - 1 / (2 * y)
    for k in range(1, J + 1):
        s -= fd(B[2 * k]) / (2 * k * y ** (2 * k))
    return s - sum((1 / (x + j) for j in range(n)), D(0))


def lgamma(x):
    x, n, y = shift(x)
    s = (y - D('0.5')) * y.ln() - y + (2 * PI).ln() / 2
    for k in range(1, J + 1):
        s += fd(B[2 * k]) / (2 * k * (2 * k - 1) * y ** (2 * k - 1))
    prod = D(1)
    for j in range(n):
        prod *= x + j
    return s - prod.ln()


def double_double(v):
    hi = float(v)
    lo = float(v - D(hi))
    return hi, lo


# The root of digamma: Newton's method.
x0 = D('1.4616321449683623')
for _ in range(8):
    x0 -= digamma(x0) / hurwitz(2, x0)

if __name__ == '__main__':
    print('/* zeta(k) - 1, k = 2 .. 40 */')
    for k in range(2, 41):
        print(f'    {float(hurwitz(k, 2))!r},')
    hi, lo = double_double(x0)
    print(f'/* root of digamma: {x0} */\n#define DIGAMMA_ROOT_HI {hi!r}\n#define DIGAMMA_ROOT_LO {lo!r}')
    print('/* psi^(k)(x0) / k! = (-1)^(k+1) zeta(k+1, x0), k = 1 .. 26 */')
    for k in range(1, 27):
        print(f'    {float((-1) ** (k + 1) * hurwitz(k + 1, x0))!r},')

    # Reference values for the tests: tiny, near the roots, moderate, large.
    points = ['1e-300', '1e-30', '1e-8', '0.001', '0.1', '0.5', '0.9', '0.99999', '1', '1.00001',
              '1.2', '1.4', '1.46', '1.4616', '1.46163214', '1.461632144968362', '1.4616321449683623',
              '1.4616322', '1.47', '1.5', '1.6', '1.9', '1.99999999', '2', '2.00000001', '2.5', '3',
              '3.7', '5', '7.9', '9.99', '10', '10.01', '17.5', '33.3', '100', '1234.5', '1e5',
              '3.14159e7', '1e10', '1e15', '1e20', '1e100', '1e300']
    cases = []
    for p in points:
        x = D(float(p))          # the double nearest p, exactly
        cases.append({'x': float(x), 'x_exact': str(x), 'lgamma': str(+lgamma(x)), 'digamma': str(+digamma(x))})
    # log-gamma Bregman differences, lgamma(a+d) - lgamma(a) - d digamma(a), for nearly equal arguments.
    bregman = []
    for a, d in [('0.3', '1e-9'), ('2.5', '-3e-8'), ('7.1', '1e-12'), ('40', '0.5'), ('1e6', '1e-3'),
                 ('0.01', '5'), ('3', '-2.9'), ('1.4616', '1e-6')]:
        a, d = D(float(a)), D(float(d))
        bregman.append({'a': float(a), 'd': float(d), 'value': str(+(lgamma(a + d) - lgamma(a) - d * digamma(a)))})
    here = os.path.dirname(os.path.abspath(__file__))
    with open(os.path.join(here, '..', '..', 'tests', 'fixtures', 'special.json'), 'w') as f:
        json.dump({'about': 'log-gamma and digamma at doubles x (x_exact is the double written out), and '
                   'lgamma(a+d) - lgamma(a) - d digamma(a) (a, d doubles; a+d exact in decimal), all in '
                   '60-digit decimal arithmetic by c/tools/special_constants.py, independent of the C code.',
                   'points': cases, 'bregman': bregman}, f, indent=1)
