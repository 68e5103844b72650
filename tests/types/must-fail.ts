// Lines that must NOT type-check. Each is marked `// @ts-expect-error TSnnnn`
// with the error it must cause: tsc fails on a marked line that compiles, and
// tests/js/types.test.js compiles a copy without the markers and checks that
// each line fails with exactly that error code.
import { init, entropy, kl, measures, klTerms, klRows, measuresRows, allocPair, sampler } from 'infodiv';
import type { Options, LogitOptions } from 'infodiv';

// @ts-expect-error TS2724 no such export (did you mean 'jsDivergence'?)
import { klDivergence } from 'infodiv';

await init();

// @ts-expect-error TS2345 a comma-separated string is not a distribution
kl('0.6,0.4', [1]);
// @ts-expect-error TS2322 entries must be numbers, not strings
kl(['0.6', '0.4'], [1, 1]);
// @ts-expect-error TS2322 null entries (the library throws TypeError)
kl([null, 1], [1, 1]);
// @ts-expect-error TS2345 BigInt arrays are rejected
kl(new BigInt64Array(2), [1, 1]);
// @ts-expect-error TS2345 a DataView is not a typed array
kl(new DataView(new ArrayBuffer(16)), [1, 1]);
// @ts-expect-error TS2554 q is required
kl([1]);
// @ts-expect-error TS2554 entropy takes no q
entropy([1], [1], { base: 2 });
// @ts-expect-error TS2345 an array is not options
entropy([1], [1]);
// @ts-expect-error TS2322 base must be a number
kl([1], [1], { base: '2' });
// @ts-expect-error TS2561 misspelt option (did you mean 'base'?)
kl([1], [1], { bases: 2 });
// @ts-expect-error TS2322 normalize must be a boolean
kl([1], [1], { normalize: 'yes' });
// @ts-expect-error TS2345 null options (the library throws TypeError)
kl([1], [1], null);
// @ts-expect-error TS2322 a measure is a number
const x: string = kl([1], [1]);
// @ts-expect-error TS2339 no such field of Measures
measures([1], [1]).kL;
// @ts-expect-error TS2740 klTerms returns a Float64Array, not number[]
const terms: number[] = klTerms([1], [1]);
// @ts-expect-error TS2322 init() must be awaited
const notAwaited: number = init();
// @ts-expect-error TS2353 unknown option in an Options value
const options: Options = { base: 2, precision: 3 };

// Logits and temperature.
// @ts-expect-error TS2345 temperature applies only with logits: true (TypeError)
kl([1], [1], { temperature: 2 });
// @ts-expect-error TS2322 temperature with logits: false (TypeError)
kl([1], [1], { logits: false, temperature: 2 });
// @ts-expect-error TS2322 normalize does not apply to logits (TypeError)
kl([1], [1], { logits: true, normalize: true });
// @ts-expect-error TS2322 logits must be a boolean
kl([1], [1], { logits: 'yes' });
// @ts-expect-error TS2322 temperature must be a number
kl([1], [1], { logits: true, temperature: '2' });
// @ts-expect-error TS2741 a LogitOptions value needs logits: true
const logitOptions: LogitOptions = { temperature: 2 };

// Batches.
// @ts-expect-error TS2554 cols is required
klRows([1, 1], [1, 1]);
// @ts-expect-error TS2345 cols must be a number
klRows([1, 1], [1, 1], '2');
// @ts-expect-error TS2554 measuresRows needs cols too
measuresRows([1, 1], [1, 1]);
// @ts-expect-error TS2322 each field of measuresRows is a Float64Array, not a number
const rowKl: number = measuresRows([1], [1], 1).klPQ;
// @ts-expect-error TS2740 klRows returns a Float64Array, not number[]
const rowsAsArray: number[] = klRows([1], [1], 1);
// @ts-expect-error TS2322 normalize does not apply to logits in batches either
klRows([1], [1], 1, { logits: true, normalize: false });

// Zero-copy pairs.
// @ts-expect-error TS2554 the length is required
allocPair();
// @ts-expect-error TS2769 the length must be a number
allocPair('3');
// @ts-expect-error TS2769 unknown option
allocPair(3, { float64: true });
// @ts-expect-error TS2769 float32 must be a boolean
allocPair(3, { float32: 1 });
// @ts-expect-error TS2540 the views are read-only properties (fill them, do not replace them)
allocPair(3).p = new Float64Array(3);
// @ts-expect-error TS2322 a default pair holds Float64Arrays
const f32View: Float32Array = allocPair(3).p;
// @ts-expect-error TS2322 a float32 pair holds Float32Arrays
const f64View: Float64Array = allocPair(3, { float32: true }).q;
// @ts-expect-error TS2554 free() takes no argument
allocPair(3).free(true);

// Parametric distributions.
import { klDist, entropyDist, crossEntropyDist, logDensity, klGrid } from 'infodiv';
import type { Dist, Normal, GridKL } from 'infodiv';

// @ts-expect-error TS2345 a normal needs sigma
klDist({ family: 'normal', mu: 0 }, { family: 'normal', mu: 1, sigma: 1 });
// @ts-expect-error TS2322 a misspelt family
entropyDist({ family: 'gauss', mu: 0, sigma: 1 });
// @ts-expect-error TS2345 p must be a distribution object, not a number
klDist(0.5, { family: 'exponential', rate: 1 });
// @ts-expect-error TS2353 an unknown parameter (sd for sigma)
const sd: Normal = { family: 'normal', mu: 0, sigma: 1, sd: 1 };
// @ts-expect-error TS2322 parameters are numbers, not strings
entropyDist({ family: 'exponential', rate: '2' });
// @ts-expect-error TS2353 a gamma's parameters are shape and rate, not a normal's
const wrongParams: Dist = { family: 'gamma', mu: 0, sigma: 1 };
// @ts-expect-error TS2554 crossEntropyDist needs q
crossEntropyDist({ family: 'poisson', rate: 1 });
// @ts-expect-error TS2353 the *Dist functions take no normalize
klDist({ family: 'poisson', rate: 1 }, { family: 'poisson', rate: 2 }, { normalize: false });
// @ts-expect-error TS2322 klDist returns a number
const klObject: GridKL = klDist({ family: 'poisson', rate: 1 }, { family: 'poisson', rate: 2 });
// @ts-expect-error TS2322 klGrid returns { kl, error }, not a number
const gridNumber: number = klGrid([0, 1, 2], [1, 1, 1], [1, 1, 1]);
// @ts-expect-error TS2339 no such field of GridKL
klGrid([0, 1, 2], [1, 1, 1], [1, 1, 1]).value;
// @ts-expect-error TS2554 klGrid needs x, p and q
klGrid([1, 1, 1], [1, 1, 1]);
// @ts-expect-error TS2740 logDensity returns a Float64Array, not number[]
const densityArray: number[] = logDensity({ family: 'normal', mu: 0, sigma: 1 }, [0]);
// @ts-expect-error TS2345 x must be numbers, not a string
logDensity({ family: 'normal', mu: 0, sigma: 1 }, '0.5');
// @ts-expect-error TS2322 a multivariate normal's mean is an array, not a number
entropyDist({ family: 'multivariateNormal', mean: 0, cov: [[1]] });
// @ts-expect-error TS2322 a sampler takes probabilities, not logits
sampler([0.5, 0.5], { logits: true });
// @ts-expect-error TS2322 a seed is a number or a bigint
sampler([0.5, 0.5], { seed: '1' });
import { evidenceRuns, histogram, messageLengths } from 'infodiv';

// @ts-expect-error TS2322 toward is 'p' or 'q'
evidenceRuns([0.5, 0.5], [0.4, 0.6], [[0, 1]], { toward: 1 });
// @ts-expect-error TS2322 runs are an array of draws arrays, not one draws array
evidenceRuns([0.5, 0.5], [0.4, 0.6], [0, 1]);
// @ts-expect-error TS2322 options.at lists numbers of draws, not one number
evidenceRuns([0.5, 0.5], [0.4, 0.6], [[0, 1]], { at: 2 });
// @ts-expect-error TS2554 histogram needs the number of bins
histogram([1, 2, 3]);
// @ts-expect-error TS2339 messageLengths gives bits per code, not one array
messageLengths([0.5, 0.5], [0.4, 0.6], [0, 1]).bits.length;
// @ts-expect-error TS2345 draws are whole numbers in an array or a Uint32Array, not a Float64Array (a TypeError)
messageLengths([0.5, 0.5], [0.4, 0.6], new Float64Array([0, 1]));
// @ts-expect-error TS2345 an array-like object is not an array of draws (a TypeError)
histogram({ length: 1, 0: 3 }, 2);
