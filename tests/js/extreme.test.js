// Parametric distributions at the extremes of the double range, through the
// JS API, against tests/fixtures/continuous-extreme.json (700-digit mpmath
// closed forms, tests/fixtures/continuous_extreme.py; independent of the
// library), in nats and in bits:
//   klDist(p, q)            within 1e-13 relative error; exactly 0 where the
//                           reference is 0, Infinity where it is Infinity;
//                           never negative (every case, checked or not);
//   entropyDist(p),
//   crossEntropyDist(p, q)  within 1e-13 * max(|value|, scale), scale the
//                           fixture's scale_entropy_p / scale_cross_entropy_pq
//                           (the sum of the absolute values of the terms of
//                           the textbook formula: an entropy can cross 0).
// Only the values the fixture marks as checked (exactly 0, +-Infinity, or
// within [1e-290, 1e290] in magnitude) and computed (not null) are compared.
// The calls run in a worker (extreme-worker.mjs): a case that has not
// returned after TIMEOUT_MS (an endless loop in the core) fails as such, the
// worker is stopped and a new one goes on with the next case.
// The C twin is tests/c/test_extreme.c.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Worker } from 'node:worker_threads';
import { loadExtremeCases } from '../fixtures/continuous.mjs';

const TIMEOUT_MS = 30000;
const TOL = 1e-13;
const CASES = loadExtremeCases();

const fmt = (d) => JSON.stringify(d);

// The error in units of the tolerance's base; Infinity when an exact value is missed.
function errorOf(got, want, base) {
  if (want === 0 || !Number.isFinite(want)) return Object.is(got, want) || got === want ? 0 : Infinity;
  if (typeof got !== 'number' || !Number.isFinite(got)) return Infinity;
  return Math.abs(got - want) / base;
}

// `divisor` is 1 for nats and ln 2 for bits; the scale is divided too.
function check(got, c, measure, scaleText, divisor) {
  const text = c.expect[measure];
  let want;
  if (text === 'Infinity') want = Infinity;
  else if (text === '-Infinity') want = -Infinity;
  else want = Number(text) / divisor;
  const scale = scaleText == null ? 0 : Number(scaleText) / divisor;
  const base = Math.max(Math.abs(want), scale);
  const e = errorOf(got, want, base);
  return {
    ok: e <= TOL,
    e,
    message: `${c.name} [${c.group}] ${measure}${divisor === 1 ? '' : ' (bits)'}: P = ${fmt(c.p)}, Q = ${fmt(c.q)}: `
      + `got ${got}, want ${text}${divisor === 1 ? '' : ' / ln 2'} = ${want} (error ${e.toExponential(2)} of `
      + `max(|want|, scale ${scaleText ?? '-'}), tolerance ${TOL})`,
  };
}

// The values of every case of `group`, { i, entropy_p: { value } or { error }, ... } or
// { i, timeout: true }, from workers (a new one after each case that does not return).
function computeGroup(group, options) {
  const n = CASES.filter((c) => c.group === group).length;
  const results = new Array(n);
  return new Promise((resolve, reject) => {
    const start = (from) => {
      if (from >= n) {
        resolve(results);
        return;
      }
      const worker = new Worker(new URL('./extreme-worker.mjs', import.meta.url),
        { workerData: { group, start: from, options } });
      let next = from, finished = false;
      let timer;
      const arm = () => {
        clearTimeout(timer);
        timer = setTimeout(() => {
          finished = true;
          results[next] = { i: next, timeout: true };
          worker.terminate().then(() => start(next + 1), reject);
        }, TIMEOUT_MS);
      };
      arm();
      worker.on('message', (msg) => {
        if (msg.done) {
          finished = true;
          clearTimeout(timer);
          worker.terminate().then(() => resolve(results), reject);
          return;
        }
        results[msg.i] = msg;
        next = msg.i + 1;
        arm();
      });
      worker.on('error', (err) => {
        clearTimeout(timer);
        if (!finished) reject(err);
      });
    };
    start(0);
  });
}

function checkCase(c, r, divisor) {
  const failures = [];
  const results = {};
  const where = `${c.name} [${c.group}]: P = ${fmt(c.p)}, Q = ${fmt(c.q)}`;
  if (r.timeout) {
    failures.push(`${where}: no result within ${TIMEOUT_MS / 1000} s (an endless loop?)`);
    for (const m of ['entropy_p', 'cross_entropy_pq', 'kl_pq']) {
      if (c.expect[m] !== null && c.checked[m]) results[m] = Infinity;
    }
    return { failures, results };
  }
  for (const m of ['entropy_p', 'cross_entropy_pq', 'kl_pq']) {
    if (r[m].error) failures.push(`${where}: ${m} threw ${r[m].error}`);
  }
  const got = (m) => (r[m].error ? NaN : r[m].value);
  if (!r.kl_pq.error && !(got('kl_pq') >= 0)) failures.push(`${where}: klDist ${got('kl_pq')} is negative or NaN`);
  for (const [measure, scale] of [['entropy_p', c.scale_entropy_p], ['cross_entropy_pq', c.scale_cross_entropy_pq],
    ['kl_pq', null]]) {
    if (c.expect[measure] === null || !c.checked[measure]) continue;
    const res = check(got(measure), c, measure, scale, divisor);
    results[measure] = res.e;
    if (!res.ok) failures.push(res.message);
  }
  return { failures, results };
}

for (const group of [...new Set(CASES.map((c) => c.group))]) {
  for (const [unit, options] of [['nats', undefined], ['bits', { base: 2 }]]) {
    test(`${group}: extreme cases (${unit})`, async () => {
      const divisor = options ? Math.log(options.base) : 1;
      const cases = CASES.filter((k) => k.group === group);
      const values = await computeGroup(group, options);
      const failures = [];
      const worst = {};
      cases.forEach((c, i) => {
        const r = checkCase(c, values[i], divisor);
        failures.push(...r.failures);
        for (const [m, e] of Object.entries(r.results)) {
          if (!(e <= (worst[m]?.e ?? -1))) worst[m] = { e, name: c.name };
        }
      });
      const summary = Object.entries(worst).map(([m, w]) => `${m} worst ${w.e.toExponential(2)} (${w.name})`).join('; ');
      assert.equal(failures.length, 0, `${failures.length} failing values (${summary}):\n${failures.join('\n')}`);
    });
  }
}

test('the extreme reference data: every family and cross pair, infinities, zeros, tiny KL', () => {
  assert.ok(CASES.length >= 400, `only ${CASES.length} cases`);
  const groups = new Set(CASES.map((c) => c.group));
  for (const g of ['normal', 'logNormal', 'exponential', 'gamma', 'beta', 'uniform', 'laplace', 'cauchy',
    'multivariateNormal', 'dirichlet', 'bernoulli', 'binomial', 'poisson', 'geometric',
    'normal||laplace', 'laplace||normal', 'exponential||gamma', 'gamma||exponential']) {
    assert.ok(groups.has(g), `no case of ${g}`);
  }
  assert.ok(CASES.some((c) => c.expect.kl_pq === 'Infinity'), 'no infinite KL');
  assert.ok(CASES.some((c) => c.expect.kl_pq === '0'), 'no zero KL');
  assert.ok(CASES.some((c) => c.checked.kl_pq && Math.abs(Number(c.expect.kl_pq)) < 1e-25), 'no tiny KL');
});
