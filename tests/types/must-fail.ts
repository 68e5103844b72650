// Lines that must NOT type-check. Each is marked `// @ts-expect-error TSnnnn`
// with the error it must cause: tsc fails on a marked line that compiles, and
// tests/js/types.test.js compiles a copy without the markers and checks that
// each line fails with exactly that error code.
import { init, entropy, kl, measures, klTerms } from 'infodiv';
import type { Options } from 'infodiv';

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
// @ts-expect-error TS2559 an array is not options
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
