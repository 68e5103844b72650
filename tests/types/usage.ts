// Every export used the way the README shows, with every input type and
// option; each result goes into an explicitly typed variable, so a change to
// a signature in dist/infodiv.d.ts that would break users breaks this file.
import * as infodiv from 'infodiv';
import {
  init, entropy, crossEntropy, kl, jsDivergence, measures, klTerms, memoryUsage, klRows, measuresRows, allocPair,
  logRatios, codeLengths, prefixCode, sampler, evidencePath, klEstimates, messageLengths, drawCounts, summary,
  evidenceRuns, histogram,
} from 'infodiv';
import type {
  AllocPairOptions, Distribution, LogitOptions, Measures, MeasuresRows, Options, ProbabilityOptions, WasmPair,
  PrefixCode, Sampler, KlEstimates, MessageLengths, Summary, EvidenceRuns, EvidenceRunsOptions,
} from 'infodiv';

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

// Logits: every function but klTerms, with and without a temperature.
const logitSets: Options[] = [
  { logits: true }, { logits: true, temperature: 2 }, { logits: true, temperature: 0.5, base: 2 },
  { logits: true, temperature: undefined, normalize: undefined }, { logits: false }, { logits: false, normalize: false },
];
const logits: LogitOptions = { logits: true, temperature: 0.7 };
const probabilities: ProbabilityOptions = { base: 2, normalize: true, logits: false };
const useLogits: boolean = logitSets.length > 3;
const chosen: Options = useLogits ? { logits: true, temperature: 2 } : { normalize: false };
const flagged: number = kl([1, 2, 3], [3, 2, 1], { logits: useLogits });
for (const options of [...logitSets, logits, probabilities, chosen]) {
  const h: number = entropy([2.5, -1, 0], options);
  const hpq: number = crossEntropy([2.5, -1, 0], new Float64Array([0, 0, 1]), options);
  const d: number = kl(new Float32Array([2.5, -1, -Infinity]), new Float32Array([0, 0, 1]), options);
  const js: number = jsDivergence([1, 2], [2, 1], options);
  const m: Measures = measures([1, 2], [2, 1], options);
  const rows: Float64Array = klRows([1, 2, 3, 4], [4, 3, 2, 1], 2, options);
  const mRows: MeasuresRows = measuresRows([1, 2, 3, 4], [4, 3, 2, 1], 2, options);
}
const dLogits: number = kl([1000, -1000, 999], [999, -1000, 1000], { logits: true });

// Batches: one value per row, in Float64Arrays.
const perRow: Float64Array = klRows(new Float64Array(6), new Float64Array(6), 3);
const perRowBits: Float64Array = klRows([0.5, 0.5, 0.2, 0.8], readonlyP.concat(0), 2, { base: 2, normalize: false });
const mRows: MeasuresRows = measuresRows(new Uint32Array([3, 1, 2, 2]), [1, 1, 1, 1], 2);
const rowFields: Float64Array[] = [mRows.entropyP, mRows.entropyQ, mRows.crossEntropyPQ, mRows.crossEntropyQP,
  mRows.klPQ, mRows.klQP, mRows.js];
const firstRowKl: number = mRows.klPQ[0];

// Zero-copy pairs: Float64Array by default, Float32Array with float32: true.
const pair: WasmPair<Float64Array> = allocPair(1000);
const pairDefault: WasmPair = allocPair(3, {});
const pair32: WasmPair<Float32Array> = allocPair(1000, { float32: true });
const pair64: WasmPair<Float64Array> = allocPair(1000, { float32: false });
const pairOptions: AllocPairOptions = { float32: useLogits };
const eitherPair: WasmPair<Float64Array> | WasmPair<Float32Array> = allocPair(10, pairOptions);
const length: number = pair.length;
pair.p.fill(1);
pair.q.set([0.5, 0.25]);
pair32.p[0] = 0.5;
const inPlace: number = kl(pair.p, pair.q);
const inPlace32: Measures = measures(pair32.p, pair32.q, { base: 2 });
const mixed: number = kl(pair32.p, pair.q);
const viewRows: Float64Array = klRows(pair.p, pair.q, 100, { logits: true, temperature: 2 });
const sub: number = entropy(pair.p.subarray(0, 10));
const eitherKl: number = kl(eitherPair.p, eitherPair.q);
const view: Float64Array = pair.p;
const view32: Float32Array = pair32.q;
const freed: void = pair.free();
for (const p of [pairDefault, pair32, pair64, eitherPair]) p.free();

// Parametric distributions: every family as a Dist, and each function.
import { klDist, entropyDist, crossEntropyDist, logDensity, klGrid } from 'infodiv';
import type {
  Dist, DistOptions, GridKL, GridOptions, Normal, LogNormal, Exponential, Gamma, Beta, Uniform, Laplace, Cauchy,
  MultivariateNormal, Dirichlet, Bernoulli, Binomial, Poisson, Geometric, Categorical,
} from 'infodiv';

const normal: Normal = { family: 'normal', mu: 0, sigma: 1 };
const families: Dist[] = [
  normal,
  { family: 'logNormal', mu: 0, sigma: 0.5 } satisfies LogNormal,
  { family: 'exponential', rate: 2 } satisfies Exponential,
  { family: 'gamma', shape: 2, rate: 1 } satisfies Gamma,
  { family: 'beta', alpha: 2, beta: 3 } satisfies Beta,
  { family: 'uniform', low: 0, high: 1 } satisfies Uniform,
  { family: 'laplace', loc: 0, scale: 1 } satisfies Laplace,
  { family: 'cauchy', loc: 0, scale: 1 } satisfies Cauchy,
  { family: 'multivariateNormal', mean: [0, 0], cov: [[1, 0], [0, 1]] } satisfies MultivariateNormal,
  { family: 'multivariateNormal', mean: new Float64Array(2), cov: [1, 0, 0, 1] },
  { family: 'multivariateNormal', mean: [0, 0] as const, cov: new Float64Array([1, 0, 0, 1]) },
  { family: 'dirichlet', alpha: [1, 2, 3] } satisfies Dirichlet,
  { family: 'dirichlet', alpha: Float64Array.of(1, 2) },
  { family: 'bernoulli', p: 0.3 } satisfies Bernoulli,
  { family: 'binomial', n: 10, p: 0.3 } satisfies Binomial,
  { family: 'poisson', rate: 4 } satisfies Poisson,
  { family: 'geometric', p: 0.5 } satisfies Geometric,
  { family: 'categorical', probs: [0.5, 0.5] } satisfies Categorical,
  { family: 'categorical', probs: new Uint32Array([3, 1]) },
];
const distOptions: (DistOptions | undefined)[] = [undefined, {}, { base: 2 }, { base: undefined }];
for (const dist of families) {
  for (const options of distOptions) {
    const hd: number = entropyDist(dist, options);
    const kd: number = klDist(dist, dist, options);
    const cd: number = crossEntropyDist(dist, normal, options);
  }
}
const bitsKl: number = klDist(normal, { family: 'laplace', loc: 0, scale: 1 }, { base: 2 });
const density: Float64Array = logDensity(normal, 0.5);
const densities: Float64Array = logDensity({ family: 'poisson', rate: 3 }, [0, 1, 2]);
const densities64: Float64Array = logDensity(normal, new Float64Array([0, 1]));
const densities32: Float64Array = logDensity(normal, new Float32Array([0, 1]));
const gridX = new Float64Array([0, 0.5, 1]);
const grid: GridKL = klGrid(gridX, logDensity(normal, gridX).map(Math.exp), [1, 1, 1]);
const gridKl: number = grid.kl;
const gridError: number = klGrid([0, 1, 2], [1, 2, 1], [1, 1, 1], { base: 2, normalize: false }).error;
const gridOptions: GridOptions = { normalize: true };
const gridWith: GridKL = klGrid(new Uint32Array([0, 1, 2]), new Float32Array([1, 2, 1]), [1, 1, 1], gridOptions);
// Narrowing on the family tag.
function mean(d: Dist): number {
  switch (d.family) {
    case 'normal': return d.mu;
    case 'exponential': return 1 / d.rate;
    case 'poisson': return d.rate;
    default: return NaN;
  }
}
const m0: number = mean(normal);
// Codes, draws and evidence.
const ratios: Float64Array = logRatios([0.5, 0.5], [0.25, 0.75], { base: 2 });
const lengths: Uint32Array = codeLengths([0.5, 0.25, 0.25]);
const code: PrefixCode = prefixCode(new Float64Array([0.5, 0.25, 0.25]));
const word: string = code.codewords[0];
const draws: Sampler = sampler([0.6, 0.3, 0.1], { seed: 7n });
const drawn: Uint32Array = draws.draw(100);
const next: Sampler = sampler([0.6, 0.3, 0.1], { seed: draws.state, normalize: true });
const path: Float64Array = evidencePath([0.6, 0.3, 0.1], [0.5, 0.4, 0.1], drawn);
const est: KlEstimates = klEstimates([0.6, 0.3, 0.1], [0.5, 0.4, 0.1], [0, 1, 2], { base: 2 });
const k3: number = est.k3;
const message: MessageLengths = messageLengths([0.6, 0.3, 0.1], [0.5, 0.4, 0.1], drawn, { base: 2 });
const perSymbolQ: Float64Array = message.perSymbol.q;
const expectedP: number = message.expected.p;
const shares: Float64Array = drawCounts(drawn, 3).shares;
const spread: Summary = summary(new Float64Array([1, 2, 3]));
const testOptions: EvidenceRunsOptions = { odds: 99, toward: 'q', base: 2 };
const runs: EvidenceRuns = evidenceRuns([0.6, 0.3, 0.1], [0.5, 0.4, 0.1], [drawn, [0, 1, 2]], testOptions);
const meanStop: number = runs.meanStop + runs.slope.error;
const ends: Float64Array = evidenceRuns([0.6, 0.3, 0.1], [0.5, 0.4, 0.1], [drawn], { at: new Uint32Array([1, drawn.length]) }).paths[0];
const bins: Uint32Array = histogram(runs.stops, 30).counts;
