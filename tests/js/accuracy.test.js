// Every case and measure of the reference data (700-digit values,
// tests/fixtures/discrete.json) within 1e-12 relative error,
// through every function of the package and every input type.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadDiscreteCases } from '../fixtures/discrete.mjs';
import { init, entropy, crossEntropy, kl, jsDivergence, measures } from '../../dist/infodiv.js';

await init();
const TOL = 1e-12;

function assertClose(got, wantText, what) {
  const want = Number(wantText);
  if (want === 0 || !Number.isFinite(want)) {
    assert.equal(got, want, what);
  } else {
    const rel = Math.abs(got - want) / Math.abs(want);
    assert.ok(rel <= TOL, `${what}: got ${got}, want ${wantText} (relative error ${rel.toExponential(2)})`);
  }
}

const isFloat32Exact = (values) => values.every((v) => Math.fround(v) === v);
const containers = {
  'number[]': (v) => v,
  Float64Array: (v) => Float64Array.from(v),
  Float32Array: (v) => (isFloat32Exact(v) ? Float32Array.from(v) : null),
};

for (const c of loadDiscreteCases()) {
  const base = c.base === 'e' ? Math.E : c.base;
  const opts = c.base === 'e' ? undefined : { base };
  for (const [kind, make] of Object.entries(containers)) {
    const p = make(c.p), q = make(c.q);
    if (!p || !q) continue; // not representable as float32
    test(`${c.name} (n=${c.p.length}, base ${c.base}) as ${kind}`, () => {
      const e = c.expect;
      assertClose(entropy(p, opts), e.entropy_p, 'entropy(p)');
      assertClose(entropy(q, opts), e.entropy_q, 'entropy(q)');
      assertClose(crossEntropy(p, q, opts), e.cross_entropy_pq, 'crossEntropy(p, q)');
      assertClose(crossEntropy(q, p, opts), e.cross_entropy_qp, 'crossEntropy(q, p)');
      assertClose(kl(p, q, opts), e.kl_pq, 'kl(p, q)');
      assertClose(kl(q, p, opts), e.kl_qp, 'kl(q, p)');
      assertClose(jsDivergence(p, q, opts), e.js, 'jsDivergence(p, q)');
      assertClose(jsDivergence(q, p, opts), e.js, 'jsDivergence(q, p)');

      const m = measures(p, q, opts);
      assertClose(m.entropyP, e.entropy_p, 'measures.entropyP');
      assertClose(m.entropyQ, e.entropy_q, 'measures.entropyQ');
      assertClose(m.crossEntropyPQ, e.cross_entropy_pq, 'measures.crossEntropyPQ');
      assertClose(m.crossEntropyQP, e.cross_entropy_qp, 'measures.crossEntropyQP');
      assertClose(m.klPQ, e.kl_pq, 'measures.klPQ');
      assertClose(m.klQP, e.kl_qp, 'measures.klQP');
      assertClose(m.js, e.js, 'measures.js');
      for (const key of ['klPQ', 'klQP', 'js']) assert.ok(m[key] >= 0, `${key} is negative: ${m[key]}`);
    });
  }
}

test('the reference data was all used', () => {
  const cases = loadDiscreteCases();
  assert.ok(cases.length >= 39, `only ${cases.length} cases`);
  assert.ok(cases.filter((c) => isFloat32Exact(c.p) && isFloat32Exact(c.q)).length >= 3);
});
