// Worker for tests/js/extreme.test.js: computes entropyDist(p),
// crossEntropyDist(p, q) and klDist(p, q) of the extreme cases of one group,
// from index `start`, posting each case's values as it goes, so that the test
// can stop a case that never returns (a loop in the core) and go on after it.
import { parentPort, workerData } from 'node:worker_threads';
import { loadExtremeCases } from '../fixtures/continuous.mjs';
import { init, entropyDist, crossEntropyDist, klDist } from '../../dist/infodiv.js';

await init();
const { group, start, options } = workerData;
const cases = loadExtremeCases().filter((c) => c.group === group);
const call = (f) => {
  try {
    return { value: f() };
  } catch (err) {
    return { error: `${err.name}: ${err.message}` };
  }
};
for (let i = start; i < cases.length; i++) {
  const c = cases[i];
  parentPort.postMessage({
    i,
    entropy_p: call(() => entropyDist(c.p, options)),
    cross_entropy_pq: call(() => crossEntropyDist(c.p, c.q, options)),
    kl_pq: call(() => klDist(c.p, c.q, options)),
  });
}
parentPort.postMessage({ done: true });
