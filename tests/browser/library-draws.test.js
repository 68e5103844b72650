// The library in Chromium draws what it draws in Node: the sampler's stream,
// the code lengths and the evidence path for fixed seeds, computed in the
// page from dist/infodiv.js (served beside the site) and compared with Node.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sampler, codeLengths, evidencePath } from '../../dist/infodiv.js';
import { useExplorer } from './harness.js';

const DIST = fileURLToPath(new URL('../../dist/', import.meta.url));
const js = (name) => ({ type: 'text/javascript', body: readFileSync(DIST + name) });
const { newPage, url } = useExplorer({
  files: { '/lib/infodiv.js': js('infodiv.js'), '/lib/infodiv-core.js': js('infodiv-core.js') },
});

const P = [0.6, 0.3, 0.1], Q = [0.5, 0.4, 0.1];

function inNode() {
  const draws = sampler(P, { seed: 123456789n }).draw(1000);
  return {
    draws: [...draws],
    lengths: [...codeLengths([0.05, 0.4, 0.15, 0.3, 0.1])],
    path: [...evidencePath(P, Q, draws, { base: 2 })].slice(-3),
  };
}

test('the same seed gives the same draws, code and evidence in Chromium as in Node', async () => {
  const page = await newPage();
  await page.goto(url('')); // the site's origin: the library is served beside it
  const got = await page.evaluate(async ([p, q]) => {
    const lib = await import('/lib/infodiv.js');
    await lib.init();
    const draws = lib.sampler(p, { seed: 123456789n }).draw(1000);
    return {
      draws: [...draws],
      lengths: [...lib.codeLengths([0.05, 0.4, 0.15, 0.3, 0.1])],
      path: [...lib.evidencePath(p, q, draws, { base: 2 })].slice(-3),
    };
  }, [P, Q]);
  assert.deepEqual(got, inNode());
});
