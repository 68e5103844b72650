// Rewrites the reference cases (tests/fixtures/discrete.mjs) as plain text
// that the C tests read with strtod: a change of format only, the expected
// values are copied verbatim.
// Usage: node tests/c/fixtures.mjs OUT.txt [SPECIAL.txt [CONTINUOUS.txt [EXTREME.txt]]]
import { readFileSync, writeFileSync } from 'node:fs';
import { loadDiscreteCases, MEASURES } from '../fixtures/discrete.mjs';
import { loadContinuousCases, loadExtremeCases, DIST_MEASURES } from '../fixtures/continuous.mjs';

const cases = loadDiscreteCases();
const lines = [String(cases.length)];
for (const c of cases) {
  lines.push(`${c.name} ${c.base} ${c.p.length}`, c.p.join(' '), c.q.join(' '),
    MEASURES.map((k) => c.expect[k]).join(' '));
}
writeFileSync(process.argv[2], lines.join('\n') + '\n');

// tests/fixtures/special.json (60-digit log-gamma and digamma values) for
// test_special.c: "x lgamma digamma" lines, then "a d bregman" lines.
if (process.argv[3]) {
  const special = JSON.parse(readFileSync(new URL('../fixtures/special.json', import.meta.url), 'utf8'));
  const out = [String(special.points.length)];
  for (const p of special.points) out.push(`${p.x_exact} ${p.lgamma} ${p.digamma}`);
  out.push(String(special.bregman.length));
  for (const b of special.bregman) out.push(`${b.a} ${b.d} ${b.value}`);
  writeFileSync(process.argv[3], out.join('\n') + '\n');
}

// tests/fixtures/continuous.json (with its errata) for test_continuous.c: per
// case a name line, then P and Q as "family a b k v... m...", then the three
// expected values (entropy_p, cross_entropy_pq, kl_pq).
const FAMILY = { normal: 1, logNormal: 2, exponential: 3, gamma: 4, beta: 5, uniform: 6, laplace: 7, cauchy: 8,
  multivariateNormal: 9, dirichlet: 10, bernoulli: 11, binomial: 12, poisson: 13, geometric: 14, categorical: 15 };
const SCALARS = { normal: ['mu', 'sigma'], logNormal: ['mu', 'sigma'], exponential: ['rate'], gamma: ['shape', 'rate'],
  beta: ['alpha', 'beta'], uniform: ['low', 'high'], laplace: ['loc', 'scale'], cauchy: ['loc', 'scale'],
  bernoulli: ['p'], binomial: ['n', 'p'], poisson: ['rate'], geometric: ['p'] };
const line = (d) => {
  const [a = 0, b = 0] = (SCALARS[d.family] ?? []).map((k) => d[k]);
  const v = d.mean ?? d.alpha ?? d.probs ?? [];
  const m = d.cov ? d.cov.flat() : [];
  return [FAMILY[d.family], a, b, Array.isArray(d.alpha) || d.mean ? v.length : 0, ...(Array.isArray(v) ? v : []), ...m].join(' ');
};
if (process.argv[4]) {
  const cases = loadContinuousCases();
  const out = [String(cases.length)];
  for (const c of cases) out.push(c.name, line(c.p), line(c.q), DIST_MEASURES.map((k) => c.expect[k]).join(' '));
  writeFileSync(process.argv[4], out.join('\n') + '\n');
}

// tests/fixtures/continuous-extreme.json for test_extreme.c: per case a line
// "name group", P and Q as above, then one line of five values: entropy_p,
// cross_entropy_pq, kl_pq, scale_entropy_p, scale_cross_entropy_pq, each "-"
// where absent or not to be checked (outside [1e-290, 1e290], see the JSON).
if (process.argv[5]) {
  const cases = loadExtremeCases();
  const want = (c, k) => (c.expect[k] === null || !c.checked[k] ? '-' : c.expect[k]);
  const out = [String(cases.length)];
  for (const c of cases) {
    out.push(`${c.name} ${c.group}`, line(c.p), line(c.q),
      [...DIST_MEASURES.map((k) => want(c, k)), c.scale_entropy_p ?? '-', c.scale_cross_entropy_pq ?? '-'].join(' '));
  }
  writeFileSync(process.argv[5], out.join('\n') + '\n');
}
