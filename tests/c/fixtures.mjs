// Rewrites the reference cases (tests/fixtures/discrete.mjs) as plain text
// that the C tests read with strtod: a change of format only, the expected
// values are copied verbatim. Usage: node tests/c/fixtures.mjs OUT.txt [SPECIAL.txt]
import { readFileSync, writeFileSync } from 'node:fs';
import { loadDiscreteCases, MEASURES } from '../fixtures/discrete.mjs';

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
