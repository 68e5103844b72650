// Rewrites the reference cases (tests/fixtures/discrete.mjs) as plain text
// that the C tests read with strtod: a change of format only, the expected
// values are copied verbatim. Usage: node tests/c/fixtures.mjs OUT.txt
import { writeFileSync } from 'node:fs';
import { loadDiscreteCases, MEASURES } from '../fixtures/discrete.mjs';

const cases = loadDiscreteCases();
const lines = [String(cases.length)];
for (const c of cases) {
  lines.push(`${c.name} ${c.base} ${c.p.length}`, c.p.join(' '), c.q.join(' '),
    MEASURES.map((k) => c.expect[k]).join(' '));
}
writeFileSync(process.argv[2], lines.join('\n') + '\n');
