// Errors of the parametric-distribution functions: every kind of bad input
// for every family and every parameter throws a TypeError (a wrong type) or a
// RangeError (a bad value) whose message names the argument and the
// parameter, and the value, in the words of the contract (web/lib/
// infodiv.d.ts) where it gives them; and the library stays usable after
// each. Support mismatches are not errors: they give Infinity (and the
// reverse direction its finite value). Also logDensity's and klGrid's errors.
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { inspect } from 'node:util';
import { init, klDist, entropyDist, crossEntropyDist, logDensity, klGrid } from '../../dist/infodiv.js';

const typeError = (message) => ({ name: 'TypeError', message });
const rangeError = (message) => ({ name: 'RangeError', message });
const esc = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

before(() => init());

// KL(N(0, 1) || N(1, 2)) = ln 2 + 1/4 (tests/fixtures/continuous.json, normal-textbook).
const KL_REFERENCE = 0.4431471805599453094172;
function assertStillUsable() {
  const value = klDist({ family: 'normal', mu: 0, sigma: 1 }, { family: 'normal', mu: 1, sigma: 2 });
  assert.ok(Math.abs(value - KL_REFERENCE) <= 1e-15, `klDist gave ${value}`);
}
function assertThrowsThenUsable(call, expected) {
  assert.throws(call, expected);
  assertStillUsable();
}

// The three functions that take distributions; entropyDist takes p only.
const FUNCTIONS = [
  { name: 'klDist', args: ['p', 'q'], call: klDist },
  { name: 'crossEntropyDist', args: ['p', 'q'], call: crossEntropyDist },
  { name: 'entropyDist', args: ['p'], call: (p, q, options) => entropyDist(p, options) },
];
// Bad P: (bad, good); bad Q: (good, bad).
const argsWith = (arg, bad, good) => (arg === 'p' ? [bad, good] : [good, bad]);

// Every family: a valid distribution, and what each scalar parameter must be.
const FINITE = 'a finite number', POSITIVE = 'a finite number > 0', PROBABILITY = 'a probability in [0, 1]';
const SCALAR = {
  normal: { good: { mu: 0.5, sigma: 2 }, rules: { mu: FINITE, sigma: POSITIVE } },
  logNormal: { good: { mu: 0.5, sigma: 2 }, rules: { mu: FINITE, sigma: POSITIVE } },
  exponential: { good: { rate: 2 }, rules: { rate: POSITIVE } },
  gamma: { good: { shape: 2, rate: 3 }, rules: { shape: POSITIVE, rate: POSITIVE } },
  beta: { good: { alpha: 2, beta: 3 }, rules: { alpha: POSITIVE, beta: POSITIVE } },
  uniform: { good: { low: -1, high: 3 }, rules: { low: FINITE, high: FINITE } },
  laplace: { good: { loc: 0.5, scale: 2 }, rules: { loc: FINITE, scale: POSITIVE } },
  cauchy: { good: { loc: 0.5, scale: 2 }, rules: { loc: FINITE, scale: POSITIVE } },
  bernoulli: { good: { p: 0.25 }, rules: { p: PROBABILITY } },
  binomial: { good: { n: 10, p: 0.25 }, rules: { n: 'whole', p: PROBABILITY } },
  poisson: { good: { rate: 3 }, rules: { rate: 'nonnegative' } },
  geometric: { good: { p: 0.25 }, rules: { p: 'geometric' } },
};
const VECTOR = {
  multivariateNormal: { good: { mean: [0, 1], cov: [[2, 0.5], [0.5, 1]] } },
  dirichlet: { good: { alpha: [1, 2, 3] } },
  categorical: { good: { probs: [0.5, 0.25, 0.25] } },
};
const ALL_FAMILIES = ['normal', 'logNormal', 'exponential', 'gamma', 'beta', 'uniform', 'laplace', 'cauchy',
  'multivariateNormal', 'dirichlet', 'bernoulli', 'binomial', 'poisson', 'geometric', 'categorical'];
const dist = (family, params) => ({ family, ...(params ?? (SCALAR[family] ?? VECTOR[family]).good) });
const takes = (family) => Object.keys((SCALAR[family] ?? VECTOR[family]).good).join(' and ');

// Values of the wrong type, with how the message describes them.
const WRONG_TYPES = [
  ['a string', '2', 'the string "2"'],
  ['null', null, 'null'],
  ['a boolean', true, 'the boolean true'],
  ['a bigint', 2n, 'the bigint 2n'],
  ['an object', {}, null],
  ['an array', [2], null],
];

// Out-of-range values of each rule: [value, exact message or null (then: names the parameter and the value)].
function badValues(rule, who) {
  const exact = (v) => `${who} must be ${rule} (got ${v})`;
  const named = (v) => [v, null];
  switch (rule) {
    case FINITE: return [NaN, Infinity, -Infinity].map((v) => [v, exact(v)]);
    case POSITIVE: return [NaN, Infinity, -Infinity, 0, -0, -1, -1e-300].map((v) => [v, exact(Object.is(v, -0) ? 0 : v)]);
    case PROBABILITY: return [NaN, Infinity, -Infinity, -0.1, 1.5, 1 + 2 ** -52].map((v) => [v, exact(v)]);
    case 'whole': return [2.5, -1, 2 ** 54, NaN, Infinity, 1e300]
      .map((v) => [v, `${who} must be a whole number from 0 to 2^53 (got ${v})`]);
    case 'nonnegative': return [NaN, Infinity, -Infinity, -1, -1e-300].map(named);
    case 'geometric': return [0, -0.5, 1.5, NaN, Infinity].map(named);
    default: throw new Error(rule);
  }
}

// A RangeError or TypeError whose message is `exact`, or else names `who` and shows `shown`.
function expectNamed(name, who, exact, shown) {
  if (exact) return { name, message: exact };
  return {
    name,
    message: new RegExp(`${esc(who)}[^]*${esc(String(shown))}|${esc(String(shown))}[^]*${esc(who)}`),
  };
}

describe('every family, every scalar parameter, in P and in Q, through every function', () => {
  for (const [family, { rules }] of Object.entries(SCALAR)) {
    for (const f of FUNCTIONS) {
      for (const arg of f.args) {
        describe(`${f.name}: ${arg} is a ${family}`, () => {
          const good = dist(family);
          for (const param of Object.keys(rules)) {
            const who = `${arg}.${param}`;
            it(`${who} is missing`, () => {
              const bad = dist(family);
              delete bad[param];
              assertThrowsThenUsable(() => f.call(...argsWith(arg, bad, good)),
                typeError(`${who} is missing (${family} takes ${takes(family)})`));
            });
            it(`${who} is undefined: missing, or not a number`, () => {
              const bad = { ...dist(family), [param]: undefined };
              assertThrowsThenUsable(() => f.call(...argsWith(arg, bad, good)),
                { name: 'TypeError', message: new RegExp(`^${esc(who)} (is missing|must be a number \\(got undefined\\))`) });
            });
            for (const [what, value, shown] of WRONG_TYPES) {
              it(`${who} is ${what}`, () => {
                const bad = { ...dist(family), [param]: value };
                assertThrowsThenUsable(() => f.call(...argsWith(arg, bad, good)), shown
                  ? typeError(`${who} must be a number (got ${shown})`)
                  : { name: 'TypeError', message: new RegExp(`^${esc(who)} must be a number \\(got .+\\)$`) });
              });
            }
            for (const [value, exact] of badValues(rules[param], who)) {
              it(`${who} is ${Object.is(value, -0) ? '-0' : value}`, () => {
                const bad = { ...dist(family), [param]: value };
                assertThrowsThenUsable(() => f.call(...argsWith(arg, bad, good)), expectNamed('RangeError', who, exact, value));
              });
            }
          }
          it(`an unknown parameter "sd" in ${arg}`, () => {
            const bad = { ...dist(family), sd: 1 };
            assertThrowsThenUsable(() => f.call(...argsWith(arg, bad, good)), {
              name: 'TypeError',
              message: new RegExp(`^${arg}\\b[^]*unknown parameter "sd" for ${family} \\(it takes ${takes(family)}\\)$`),
            });
          });
        });
      }
    }
  }

  it('the contract\'s examples, exactly', () => {
    const n01 = dist('normal', { mu: 0, sigma: 1 });
    assertThrowsThenUsable(() => klDist({ family: 'normal', mu: 0 }, n01), typeError('p.sigma is missing (normal takes mu and sigma)'));
    assertThrowsThenUsable(() => klDist(dist('exponential'), { family: 'exponential', rate: '2' }),
      typeError('q.rate must be a number (got the string "2")'));
    assertThrowsThenUsable(() => klDist({ family: 'normal', mu: 0, sigma: -1 }, n01),
      rangeError('p.sigma must be a finite number > 0 (got -1)'));
    assertThrowsThenUsable(() => klDist(dist('bernoulli'), { family: 'bernoulli', p: 1.5 }),
      rangeError('q.p must be a probability in [0, 1] (got 1.5)'));
    assertThrowsThenUsable(() => klDist({ family: 'uniform', low: 2, high: 1 }, dist('uniform')),
      rangeError('p.low must be below p.high (got 2 and 1)'));
    assertThrowsThenUsable(() => klDist({ family: 'binomial', n: 2.5, p: 0.5 }, dist('binomial')),
      rangeError('p.n must be a whole number from 0 to 2^53 (got 2.5)'));
  });

  it('uniform: low >= high, either side', () => {
    for (const [low, high] of [[2, 1], [1, 1], [-0, 0], [1e300, -1e300]]) {
      for (const arg of ['p', 'q']) {
        assertThrowsThenUsable(() => klDist(...argsWith(arg, { family: 'uniform', low, high }, dist('uniform'))),
          rangeError(`${arg}.low must be below ${arg}.high (got ${low} and ${high})`));
      }
    }
  });

  it('binomial: n = 0 and n = 2^53 are valid, 2^53 + 2 is not', () => {
    assert.equal(klDist({ family: 'binomial', n: 0, p: 0.3 }, { family: 'binomial', n: 0, p: 0.9 }), 0);
    assert.equal(entropyDist({ family: 'binomial', n: 0, p: 0.3 }), 0);
    assert.equal(klDist({ family: 'binomial', n: 2 ** 53, p: 0.5 }, { family: 'binomial', n: 2 ** 53, p: 0.5 }), 0);
    assertThrowsThenUsable(() => entropyDist({ family: 'binomial', n: 2 ** 53 + 2, p: 0.5 }),
      rangeError(`p.n must be a whole number from 0 to 2^53 (got ${2 ** 53 + 2})`));
  });
});

describe('the family', () => {
  for (const f of FUNCTIONS) {
    for (const arg of f.args) {
      const good = dist('normal');
      it(`${f.name}: ${arg}.family is missing`, () => {
        assertThrowsThenUsable(() => f.call(...argsWith(arg, { mu: 0, sigma: 1 }, good)),
          { name: 'TypeError', message: new RegExp(`^${arg}\\.family is missing`) });
      });
      it(`${f.name}: ${arg}.family is unknown ("gauss"), and the message lists the fifteen`, () => {
        // The contract writes `(got "gauss")`, and `(got the string "2")` for a parameter: either is taken.
        assertThrowsThenUsable(() => f.call(...argsWith(arg, { family: 'gauss', mu: 0, sigma: 1 }, good)),
          { name: 'TypeError', message: new RegExp(`^${arg}\\.family must be one of normal, logNormal, .*\\(got (the string )?"gauss"\\)$`) });
        try {
          f.call(...argsWith(arg, { family: 'gauss' }, good));
        } catch (e) {
          for (const family of ALL_FAMILIES) assert.ok(e.message.includes(family), `${family} not listed: ${e.message}`);
        }
      });
      for (const [what, family] of [['misspelt in case', 'Normal'], ['a number', 3], ['null', null], ['an object', { name: 'normal' }],
        ['a String object', new String('normal')], ['an inherited name', 'toString'], ['empty', '']]) {
        it(`${f.name}: ${arg}.family is ${what}`, () => {
          assertThrowsThenUsable(() => f.call(...argsWith(arg, { family, mu: 0, sigma: 1 }, good)),
            { name: 'TypeError', message: new RegExp(`^${arg}\\.family`) });
        });
      }
      for (const [what, bad] of [['null', null], ['undefined', undefined], ['an array', [0, 1]], ['a number', 3],
        ['a string', 'normal'], ['a Float64Array', new Float64Array(2)], ['a function', () => 0]]) {
        it(`${f.name}: ${arg} is ${what}`, () => {
          assertThrowsThenUsable(() => f.call(...argsWith(arg, bad, good)), { name: 'TypeError', message: new RegExp(`^${arg}\\b`) });
        });
      }
    }
  }
  it('a family name inherited from the prototype is not a family', () => {
    const inherited = Object.create({ family: 'normal' });
    Object.assign(inherited, { mu: 0, sigma: 1 });
    assertThrowsThenUsable(() => entropyDist(inherited), { name: 'TypeError', message: /^p\.family/ });
  });
});

describe('options', () => {
  const n1 = dist('normal', { mu: 0, sigma: 1 }), n2 = dist('normal', { mu: 1, sigma: 2 });
  const CALLS = [
    ['klDist', (o) => klDist(n1, n2, o)], ['crossEntropyDist', (o) => crossEntropyDist(n1, n2, o)], ['entropyDist', (o) => entropyDist(n1, o)],
    ['klGrid', (o) => klGrid([0, 1, 2], [1, 2, 1], [1, 1, 1], o)],
  ];
  for (const [name, call] of CALLS) {
    for (const base of [1, 0, -2, NaN, Infinity, -Infinity]) {
      it(`${name}: base ${base}`, () => assertThrowsThenUsable(() => call({ base }),
        rangeError(`options.base must be a finite number > 0 and not 1 (got ${base})`)));
    }
    for (const [options, what] of [[{ bases: 2 }, /bases/], [{ base: '2' }, /options\.base/], [{ base: null }, /options\.base/],
      [null, /options/], [3, /options/], ['bits', /options/], [[], /options/]]) {
      it(`${name}: options ${inspect(options)}`, () => assertThrowsThenUsable(() => call(options), { name: 'TypeError', message: what }));
    }
  }
  it('the *Dist functions do not take normalize (klGrid does)', () => {
    for (const [name, call] of CALLS.slice(0, 3)) {
      assertThrowsThenUsable(() => call({ normalize: false }), { name: 'TypeError', message: /normalize/ });
      assert.ok(Number.isFinite(call({ base: 2 })), name);
    }
    assertThrowsThenUsable(() => klGrid([0, 1, 2], [1, 2, 1], [1, 1, 1], { normalize: 'no' }), { name: 'TypeError', message: /options\.normalize/ });
  });
});

describe('multivariateNormal', () => {
  const mvn = (mean, cov) => ({ family: 'multivariateNormal', mean, cov });
  const good = mvn([0, 1], [[2, 0.5], [0.5, 1]]);
  const CASES = [
    ['mean and cov differ in dimension', mvn([0, 0], [[1, 0, 0], [0, 1, 0], [0, 0, 1]]), rangeError('p.cov must be 2 x 2 like p.mean (got 3 rows)')],
    ['cov is not square (a short row)', mvn([0, 0], [[1, 0], [0]]), { name: 'RangeError', message: /^p\.cov/ }],
    ['cov has k*k + 1 numbers', mvn([0, 0], [1, 0, 0, 1, 0]), { name: 'RangeError', message: /^p\.cov/ }],
    ['cov is not symmetric', mvn([0, 0], [[1, 0.5], [0.4, 1]]), rangeError('p.cov is not symmetric (p.cov[0][1] = 0.5, p.cov[1][0] = 0.4)')],
    ['cov is not positive definite', mvn([0, 0], [[1, 2], [2, 1]]), rangeError('p.cov is not positive definite (pivot 2 of 2 is -3)')],
    ['cov is not positive definite at pivot 2 of 3', mvn([0, 0, 0], [[4, 3, 0], [3, 2, 0], [0, 0, 1]]),
      rangeError('p.cov is not positive definite (pivot 2 of 3 is -0.25)')],
    ['cov is singular', mvn([0, 0], [[1, 1], [1, 1]]), rangeError('p.cov is not positive definite (pivot 2 of 2 is 0)')],
    ['cov is negative definite', mvn([0], [[-1]]), rangeError('p.cov is not positive definite (pivot 1 of 1 is -1)')],
    ['cov has NaN', mvn([0, 0], [[1, NaN], [NaN, 1]]), { name: 'RangeError', message: /^p\.cov[^]*NaN/ }],
    ['cov has Infinity on the diagonal', mvn([0, 0], [[Infinity, 0], [0, 1]]), { name: 'RangeError', message: /^p\.cov[^]*Infinity/ }],
    ['mean has NaN', mvn([0, NaN], [[1, 0], [0, 1]]), rangeError('p.mean[1] must be a finite number (got NaN)')],
    ['mean has -Infinity', mvn([-Infinity, 0], [[1, 0], [0, 1]]), rangeError('p.mean[0] must be a finite number (got -Infinity)')],
    ['k = 0', mvn([], []), { name: 'RangeError', message: /^p\.mean/ }],
    ['mean is a string', mvn('01', [[1, 0], [0, 1]]), { name: 'TypeError', message: /^p\.mean/ }],
    ['mean has a string', mvn([0, '1'], [[1, 0], [0, 1]]), { name: 'TypeError', message: /^p\.mean\[1\]/ }],
    ['cov is a number', mvn([0], 1), { name: 'TypeError', message: /^p\.cov/ }],
    ['cov has a string row', mvn([0, 0], [[1, 0], '01']), { name: 'TypeError', message: /^p\.cov/ }],
    ['cov has a null entry', mvn([0, 0], [[1, null], [0, 1]]), { name: 'TypeError', message: /^p\.cov/ }],
  ];
  for (const [what, bad, expected] of CASES) {
    it(what, () => {
      assertThrowsThenUsable(() => entropyDist(bad), expected);
      assertThrowsThenUsable(() => klDist(bad, good), expected);
      const asQ = { ...expected, message: typeof expected.message === 'string'
        ? expected.message.replaceAll('p.', 'q.') : new RegExp(expected.message.source.replaceAll('^p', '^q')) };
      if (bad.mean.length === 2 || what.startsWith('mean is')) assertThrowsThenUsable(() => klDist(good, bad), asQ);
    });
  }
  it('p and q of different dimension', () => {
    const three = mvn([0, 0, 0], [[1, 0, 0], [0, 1, 0], [0, 0, 1]]);
    assertThrowsThenUsable(() => klDist(good, three), rangeError('p and q differ in dimension (2 vs 3)'));
    assertThrowsThenUsable(() => crossEntropyDist(three, good), rangeError('p and q differ in dimension (3 vs 2)'));
  });
  it('symmetric within 1e-12 relative is accepted; k = 512 is the most', () => {
    assert.ok(Number.isFinite(entropyDist(mvn([0, 0], [[1, 0.5], [0.5 * (1 + 1e-14), 1]]))));
    const identity = (k) => Array.from({ length: k }, (_, i) => Array.from({ length: k }, (_, j) => (i === j ? 1 : 0)));
    assert.ok(Math.abs(entropyDist(mvn(new Array(512).fill(0), identity(512))) - 256 * Math.log(2 * Math.PI * Math.E)) < 1e-9);
    assertThrowsThenUsable(() => entropyDist(mvn(new Array(513).fill(0), identity(513))), { name: 'RangeError', message: /^p\.mean/ });
  });
});

describe('dirichlet and categorical', () => {
  const dir = (alpha) => ({ family: 'dirichlet', alpha });
  const cat = (probs) => ({ family: 'categorical', probs });
  const CASES = [
    ['dirichlet: an alpha is 0', dir([1, 2, 0]), rangeError('p.alpha[2] must be a finite number > 0 (got 0)')],
    ['dirichlet: an alpha is negative', dir([1, -2, 1]), rangeError('p.alpha[1] must be a finite number > 0 (got -2)')],
    ['dirichlet: an alpha is NaN', dir([NaN, 1]), rangeError('p.alpha[0] must be a finite number > 0 (got NaN)')],
    ['dirichlet: an alpha is Infinity', dir([1, Infinity]), rangeError('p.alpha[1] must be a finite number > 0 (got Infinity)')],
    ['dirichlet: k = 1', dir([2]), { name: 'RangeError', message: /^p\.alpha/ }],
    ['dirichlet: k = 0', dir([]), { name: 'RangeError', message: /^p\.alpha/ }],
    ['dirichlet: alpha is a number', dir(2), { name: 'TypeError', message: /^p\.alpha/ }],
    ['dirichlet: an alpha is a string', dir([1, '2']), { name: 'TypeError', message: /^p\.alpha\[1\]/ }],
    ['categorical: a negative entry', cat([0.5, -0.1, 0.6]), { name: 'RangeError', message: /^p\.probs\[1\][^]*-0\.1/ }],
    ['categorical: a NaN entry', cat([0.5, NaN]), { name: 'RangeError', message: /^p\.probs\[1\][^]*NaN/ }],
    ['categorical: an infinite entry', cat([Infinity, 1]), { name: 'RangeError', message: /^p\.probs\[0\][^]*Infinity/ }],
    ['categorical: all zero', cat([0, 0, 0]), { name: 'RangeError', message: /^p\.probs[^]*(zero|0)/ }],
    ['categorical: empty', cat([]), { name: 'RangeError', message: /^p\.probs/ }],
    ['categorical: probs is a string', cat('0.5,0.5'), { name: 'TypeError', message: /^p\.probs/ }],
    ['categorical: a string entry', cat([0.5, '0.5']), { name: 'TypeError', message: /^p\.probs\[1\]/ }],
    ['categorical: a BigInt64Array', cat(new BigInt64Array(2)), { name: 'TypeError', message: /^p\.probs/ }],
  ];
  for (const [what, bad, expected] of CASES) {
    it(what, () => {
      assertThrowsThenUsable(() => entropyDist(bad), expected);
      const n = Math.max(2, bad[bad.family === 'dirichlet' ? 'alpha' : 'probs'].length || 2); // a partner of the same length
      const partner = bad.family === 'dirichlet' ? dir(new Array(n).fill(1)) : cat(new Array(n).fill(1));
      assertThrowsThenUsable(() => klDist(bad, partner), expected);
      const asQ = { ...expected, message: new RegExp(expected.message instanceof RegExp ? expected.message.source.replace('^p', '^q')
        : `^${esc(expected.message.replace(/^p\./, 'q.'))}$`) };
      assertThrowsThenUsable(() => klDist(partner, bad), asQ);
    });
  }
  it('p and q of different lengths', () => {
    assertThrowsThenUsable(() => klDist(dir([1, 2]), dir([1, 2, 3])), { name: 'RangeError', message: /differ[^]*\(2 vs 3\)/ });
    assertThrowsThenUsable(() => klDist(cat([1, 2, 3]), cat([1, 2])), { name: 'RangeError', message: /differ[^]*\(3 vs 2\)/ });
  });
});

describe('pairs without a closed form: a RangeError naming both families', () => {
  const PAIRS = [['gamma', 'normal'], ['beta', 'gamma'], ['poisson', 'geometric'], ['logNormal', 'exponential'],
    ['exponential', 'normal'], ['normal', 'cauchy'], ['cauchy', 'normal'], ['gamma', 'logNormal'], ['beta', 'uniform'],
    ['geometric', 'poisson'], ['bernoulli', 'categorical']];
  for (const [a, b] of PAIRS) {
    it(`${a} || ${b}`, () => {
      const p = a === 'uniform' ? dist(a, { low: 0, high: 1 }) : dist(a), q = b === 'uniform' ? dist(b, { low: 0, high: 1 }) : dist(b);
      // In the contract's words: `no closed form for KL(gamma || normal); ... use klGrid` (";" or ":").
      const expected = { name: 'RangeError', message: new RegExp(`^no closed form for KL\\(${a} \\|\\| ${b}\\)[;:][^]*klGrid`) };
      assertThrowsThenUsable(() => klDist(p, q), expected);
      assertThrowsThenUsable(() => crossEntropyDist(p, q), expected);
    });
  }
  for (const [a, b] of [['normal', 'poisson'], ['poisson', 'normal'], ['bernoulli', 'beta'], ['exponential', 'geometric'],
    ['categorical', 'uniform'], ['multivariateNormal', 'bernoulli']]) {
    it(`a continuous and a discrete family: ${a} || ${b}`, () => {
      assertThrowsThenUsable(() => klDist(dist(a), dist(b)),
        { name: 'RangeError', message: new RegExp(`${a}[^]*${b}`) });
    });
  }
  it('binomials of different n, p.n < q.n (the contract\'s message)', () => {
    assertThrowsThenUsable(() => klDist({ family: 'binomial', n: 3, p: 0.5 }, { family: 'binomial', n: 5, p: 0.5 }),
      rangeError('binomial p.n and q.n differ (3 vs 5): KL needs the same n (or p.n > q.n: Infinity)'));
  });
});

describe('support mismatches give Infinity, not an error; the reverse direction is finite', () => {
  const d = (family, params) => ({ family, ...params });
  const INFINITE = [
    [d('uniform', { low: 0, high: 2 }), d('uniform', { low: 0, high: 1 })],
    [d('uniform', { low: 0, high: 1 }), d('uniform', { low: 0.5, high: 2 })],
    [d('normal', { mu: 0, sigma: 1 }), d('exponential', { rate: 1 })],
    [d('laplace', { loc: 0, scale: 1 }), d('gamma', { shape: 2, rate: 1 })],
    [d('normal', { mu: 0.5, sigma: 0.1 }), d('beta', { alpha: 2, beta: 2 })],
    [d('cauchy', { loc: 0, scale: 1 }), d('exponential', { rate: 1 })],
    [d('beta', { alpha: 2, beta: 2 }), d('uniform', { low: 0.2, high: 1 })],
    [d('exponential', { rate: 1 }), d('uniform', { low: 0, high: 1 })],
    [d('gamma', { shape: 2, rate: 1 }), d('beta', { alpha: 2, beta: 2 })],
    [d('logNormal', { mu: 0, sigma: 1 }), d('uniform', { low: 0, high: 10 })],
    [d('binomial', { n: 5, p: 0.5 }), d('binomial', { n: 3, p: 0.5 })],
    [d('bernoulli', { p: 0.5 }), d('bernoulli', { p: 0 })],
    [d('bernoulli', { p: 1 }), d('bernoulli', { p: 0 })],
    [d('bernoulli', { p: 0.5 }), d('bernoulli', { p: 1 })],
    [d('poisson', { rate: 1 }), d('poisson', { rate: 0 })],
    [d('geometric', { p: 0.5 }), d('geometric', { p: 1 })],
    [d('categorical', { probs: [1, 1] }), d('categorical', { probs: [1, 0] })],
    [d('binomial', { n: 4, p: 0.5 }), d('binomial', { n: 4, p: 1 })],
    [d('poisson', { rate: 2 }), d('binomial', { n: 5, p: 0.5 })],
    [d('geometric', { p: 0.5 }), d('bernoulli', { p: 0.5 })],
  ];
  for (const [p, q] of INFINITE) {
    it(`${inspect(p)} || ${inspect(q)}`, () => {
      assert.equal(klDist(p, q), Infinity);
      assert.equal(crossEntropyDist(p, q), Infinity);
      assert.equal(klDist(p, q, { base: 2 }), Infinity);
      assert.ok(Number.isFinite(entropyDist(p)));
    });
  }
  const FINITE_REVERSE = [
    [d('bernoulli', { p: 0 }), d('bernoulli', { p: 0.5 }), Math.LN2],
    [d('bernoulli', { p: 1 }), d('bernoulli', { p: 0.25 }), Math.log(4)],
    [d('bernoulli', { p: 0 }), d('bernoulli', { p: 0 }), 0],
    [d('poisson', { rate: 0 }), d('poisson', { rate: 2.5 }), 2.5],
    [d('poisson', { rate: 0 }), d('poisson', { rate: 0 }), 0],
    [d('geometric', { p: 1 }), d('geometric', { p: 0.5 }), Math.LN2],
    [d('categorical', { probs: [1, 0] }), d('categorical', { probs: [1, 1] }), Math.LN2],
    [d('uniform', { low: 0, high: 1 }), d('uniform', { low: 0, high: 2 }), Math.LN2],
    [d('uniform', { low: 0.5, high: 1 }), d('uniform', { low: 0, high: 2 }), Math.log(4)],
    [d('binomial', { n: 4, p: 1 }), d('binomial', { n: 4, p: 0.5 }), 4 * Math.LN2],
    [d('binomial', { n: 4, p: 0 }), d('binomial', { n: 4, p: 0.5 }), 4 * Math.LN2],
  ];
  for (const [p, q, want] of FINITE_REVERSE) {
    it(`${inspect(p)} || ${inspect(q)} = ${want}`, () => {
      const got = klDist(p, q);
      assert.ok(Math.abs(got - want) <= 1e-15 * want, `got ${got}, want ${want}`);
      const h = entropyDist(p);
      assert.ok(Math.abs(crossEntropyDist(p, q) - (h + want)) <= 1e-15 * Math.max(1, h + want), `cross-entropy ${crossEntropyDist(p, q)}`);
    });
  }
  it('degenerate discrete distributions have entropy 0', () => {
    for (const p of [d('bernoulli', { p: 0 }), d('bernoulli', { p: 1 }), d('poisson', { rate: 0 }), d('geometric', { p: 1 }),
      d('binomial', { n: 7, p: 1 }), d('categorical', { probs: [0, 3, 0] })]) {
      assert.equal(entropyDist(p), 0, inspect(p));
    }
  });
});

describe('logDensity errors', () => {
  for (const family of ['multivariateNormal', 'dirichlet', 'categorical']) {
    it(`a vector family (${family}) is a RangeError`, () => {
      assertThrowsThenUsable(() => logDensity(dist(family), [0.5]), { name: 'RangeError', message: new RegExp(family) });
    });
  }
  it('NaN in x names the index; a NaN number x too', () => {
    assertThrowsThenUsable(() => logDensity(dist('normal'), [0, NaN, 1]), { name: 'RangeError', message: /x\[1\][^]*NaN/ });
    assertThrowsThenUsable(() => logDensity(dist('poisson'), new Float64Array([1, 2, NaN])), { name: 'RangeError', message: /x\[2\][^]*NaN/ });
    assertThrowsThenUsable(() => logDensity(dist('gamma'), NaN), { name: 'RangeError', message: /x[^]*NaN/ });
  });
  it('x of the wrong type, a bad distribution', () => {
    assertThrowsThenUsable(() => logDensity(dist('normal'), '0.5'), { name: 'TypeError', message: /^x\b/ });
    assertThrowsThenUsable(() => logDensity(dist('normal'), [0, '1']), { name: 'TypeError', message: /^x\[1\]/ });
    assertThrowsThenUsable(() => logDensity(dist('normal'), null), { name: 'TypeError', message: /^x\b/ });
    assertThrowsThenUsable(() => logDensity({ family: 'normal', mu: 0, sigma: 0 }, [0]), { name: 'RangeError', message: /sigma[^]*0/ });
    assertThrowsThenUsable(() => logDensity({ family: 'normal', mu: 0 }, [0]), { name: 'TypeError', message: /sigma/ });
    assertThrowsThenUsable(() => logDensity(null, [0]), { name: 'TypeError' });
  });
  it('infinite x is fine: -Infinity density, or the limit', () => {
    const got = logDensity(dist('normal'), [Infinity, -Infinity]);
    assert.deepEqual([...got], [-Infinity, -Infinity]);
  });
});

describe('klGrid errors (the contract\'s messages)', () => {
  const x = [0, 0.25, 0.5, 0.75, 1], p = [1, 2, 3, 2, 1], q = [1, 1, 1, 1, 1];
  const CASES = [
    ['x not increasing (equal)', [0, 0.25, 0.5, 0.5, 1], p, q, rangeError('x[3] is not above x[2] (0.5 <= 0.5)')],
    ['x decreasing', [0, 0.25, 0.1, 0.75, 1], p, q, rangeError('x[2] is not above x[1] (0.1 <= 0.25)')],
    ['2 points', [0, 1], [1, 1], [1, 1], rangeError('x needs at least 3 points (got 2)')],
    ['0 points', [], [], [], rangeError('x needs at least 3 points (got 0)')],
    ['lengths differ', x, p, [1, 1, 1, 1], rangeError('x, p and q differ in length (5, 5, 4)')],
    ['lengths differ (p)', x, [1, 1, 1, 1, 1, 1], q, rangeError('x, p and q differ in length (5, 6, 5)')],
    ['negative density', x, [1, -0.1, 3, 2, 1], q, rangeError('p[1] is negative (-0.1)')],
    ['NaN density', x, p, [1, 1, NaN, 1, 1], rangeError('q[2] is NaN')],
    ['infinite density', x, p, [1, 1, Infinity, 1, 1], rangeError('q[2] is infinite (Infinity)')],
    ['all-zero p', x, [0, 0, 0, 0, 0], q, rangeError('p is 0 at every point')],
    ['all-zero q', x, p, [0, 0, 0, 0, 0], rangeError('q is 0 at every point')],
    ['NaN in x', [0, NaN, 0.5, 0.75, 1], p, q, { name: 'RangeError', message: /^x\[1\][^]*NaN/ }],
    ['Infinity in x', [0, 0.25, 0.5, 0.75, Infinity], p, q, { name: 'RangeError', message: /^x\[4\][^]*Infinity/ }],
    ['x is a string', 'abc', p, q, { name: 'TypeError', message: /^x\b/ }],
    ['p has a string', x, [1, 1, '1', 1, 1], q, typeError('p[2] is not a number (got the string "1")')],
    ['q is null', x, p, null, { name: 'TypeError', message: /^q\b/ }],
  ];
  for (const [what, xs, ps, qs, expected] of CASES) {
    it(what, () => assertThrowsThenUsable(() => klGrid(xs, ps, qs), expected));
  }
});

describe('vector parameters: each entry is read once, checked as it is copied', () => {
  // A getter that answers a number first and a string after: read twice, the string would be copied.
  const flipping = (values, index) => {
    const a = [...values];
    let reads = 0;
    Object.defineProperty(a, index, { get: () => (reads++ ? 'x' : values[index]) });
    return { a, reads: () => reads };
  };
  it('categorical probs', () => {
    const p = flipping([0.2, 0.3, 0.5], 1), q = { family: 'categorical', probs: [0.3, 0.3, 0.4] };
    const want = 0.2 * Math.log(0.2 / 0.3) + 0.5 * Math.log(0.5 / 0.4);
    assert.ok(Math.abs(klDist({ family: 'categorical', probs: p.a }, q) - want) < 1e-15);
    assert.equal(p.reads(), 1);
  });
  it('multivariate normal mean and a flat cov', () => {
    const mean = flipping([1, 0], 0), cov = flipping([1, 0, 0, 1], 3), unit = { family: 'multivariateNormal', mean: [0, 0], cov: [1, 0, 0, 1] };
    assert.ok(Math.abs(klDist({ family: 'multivariateNormal', mean: mean.a, cov: cov.a }, unit) - 0.5) < 1e-15); // |Δμ|²/2
    assert.deepEqual([mean.reads(), cov.reads()], [1, 1]);
  });
});
