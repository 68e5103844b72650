// Every export used the way the README shows, with every input type and
// option; each result goes into an explicitly typed variable, so a change to
// a signature in dist/infodiv.d.ts that would break users breaks this file.
import * as infodiv from 'infodiv';
import {
  init, entropy, crossEntropy, kl, jsDivergence, measures, klTerms, memoryUsage,
} from 'infodiv';
import type { Distribution, Measures, Options } from 'infodiv';

const ready: Promise<void> = init();
await ready;
const again: void = await init();

// Every accepted container, as a Distribution and passed directly.
const inputs: Distribution[] = [
  [0.6, 0.3, 0.1],
  [0.6, 0.3, 0.1] as const,
  new Float64Array([0.6, 0.3, 0.1]),
  new Float32Array([0.6, 0.3, 0.1]),
  new Int8Array([6, 3, 1]),
  new Uint8Array([6, 3, 1]),
  new Uint8ClampedArray([6, 3, 1]),
  new Int16Array([6, 3, 1]),
  new Uint16Array([6, 3, 1]),
  new Int32Array([6, 3, 1]),
  new Uint32Array([6, 3, 1]),
  new Float64Array(new ArrayBuffer(24)),
  Array.from({ length: 3 }, () => 1),
];
const readonlyP: readonly number[] = [0.6, 0.3, 0.1];
const q: number[] = [0.5, 0.4, 0.1];

// Every option combination, inline and as an Options value.
const optionSets: (Options | undefined)[] = [
  undefined, {}, { base: 2 }, { base: Math.E }, { normalize: false }, { base: 10, normalize: true },
  { base: undefined, normalize: undefined },
];
const bits: Options = { base: 2 };

for (const p of inputs) {
  for (const options of optionSets) {
    const h: number = entropy(p, options);
    const hpq: number = crossEntropy(p, q, options);
    const d: number = kl(p, readonlyP, options);
    const js: number = jsDivergence(p, p, options);
    const m: Measures = measures(p, q, options);
    const terms: Float64Array = klTerms(p, q, options);
  }
}

const h: number = entropy([30, 15, 5]);
const hq: number = entropy(new Uint32Array([5, 4, 1]), { normalize: true });
const cross: number = crossEntropy(readonlyP, q);
const d: number = kl(readonlyP, q, bits);
const dNats: number = kl([0.6, 0.3, 0.1], [0.5, 0.4, 0.1]);
const js: number = jsDivergence(new Float32Array([0.8, 0.2]), new Float32Array([0.5, 0.5]), { base: 2 });
const m: Measures = measures(readonlyP, q, { base: 2 });
const fields: number[] = [m.entropyP, m.entropyQ, m.crossEntropyPQ, m.crossEntropyQP, m.klPQ, m.klQP, m.js];
const { klPQ, klQP }: { klPQ: number; klQP: number } = measures(readonlyP, q);
const terms: Float64Array = klTerms(readonlyP, q);
const first: number = terms[0];
const summed: number = Array.from(klTerms(readonlyP, q, { normalize: false })).reduce((a, b) => a + b, 0);
const memory: { heapBytes: number; allocatedBytes: number } = memoryUsage();
const heap: number = infodiv.memoryUsage().heapBytes;
const viaNamespace: number = infodiv.kl(readonlyP, q, { base: 10 });
const signature: (p: Distribution, q: Distribution, options?: Options) => number = kl;
