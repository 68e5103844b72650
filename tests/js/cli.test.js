// The command line: bin/infodiv.js run as users run it (a child process),
// checked by its stdout, stderr and exit status against the library itself.
import { after, before, describe, it, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { init, entropy, crossEntropy, kl, jsDivergence, measures, klTerms } from '../../dist/infodiv.js';

const BIN = fileURLToPath(new URL('../../bin/infodiv.js', import.meta.url));
const P = [0.6, 0.3, 0.1], Q = [0.5, 0.4, 0.1];
const PS = P.join(), QS = Q.join();
const KL_NATS = '0.023088312340838503'; // tests/fixtures: seed-three-outcomes, as String() prints it

/** Runs the CLI; resolves to { code, stdout, stderr } whatever the exit status. */
function cli(args, input = '') {
  return new Promise((resolve) => {
    const child = execFile(process.execPath, [BIN, ...args], (error, stdout, stderr) =>
      resolve({ code: error ? error.code : 0, stdout, stderr }));
    child.stdin.end(input);
  });
}
/** Runs the CLI and expects success with an empty stderr; returns stdout. */
async function ok(...args) {
  const { code, stdout, stderr } = await cli(args);
  assert.deepEqual({ code, stderr }, { code: 0, stderr: '' }, `infodiv ${args.join(' ')}`);
  return stdout;
}

let dir; // temporary data files
const file = (name, text) => (writeFileSync(join(dir, name), text), join(dir, name));
before(async () => {
  await init();
  dir = mkdtempSync(join(tmpdir(), 'infodiv-cli-'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

test('kl of the classic example, in nats, bits and hartleys', async () => {
  assert.equal(await ok('kl', PS, QS), `${KL_NATS}\n`);
  assert.equal(`${kl(P, Q)}`, KL_NATS);
  const bits = `${kl(P, Q, { base: 2 })}\n`;
  assert.equal(bits, '0.03330939371662316\n'); // as in the README
  for (const args of [['--base', '2'], ['--bits'], ['--base=2']]) assert.equal(await ok('kl', PS, QS, ...args), bits);
  for (const args of [['--nats'], ['--base', 'e']]) assert.equal(await ok('kl', PS, QS, ...args), `${KL_NATS}\n`);
  assert.equal(await ok('kl', PS, QS, '--hartleys'), `${kl(P, Q, { base: 10 })}\n`);
  assert.equal(await ok('kl', PS, QS, '--base', '0.5'), `${kl(P, Q, { base: 0.5 })}\n`);
});

test('every command prints the library value', async () => {
  assert.equal(await ok('entropy', PS), `${entropy(P)}\n`);
  assert.equal(await ok('cross-entropy', PS, QS, '--bits'), `${crossEntropy(P, Q, { base: 2 })}\n`);
  assert.equal(await ok('js', PS, QS), `${jsDivergence(P, Q)}\n`);
  // Options may come first, counts are normalised, and " 30, 15" style spacing is fine.
  assert.equal(await ok('--bits', 'entropy', '30, 15 ,5'), `${entropy([30, 15, 5], { base: 2 })}\n`);
  assert.equal(await ok('kl', '--', PS, QS), `${KL_NATS}\n`);
});

test('all: the seven measures, named and aligned', async () => {
  const m = measures(P, Q);
  assert.equal(await ok('all', PS, QS), [
    `H(P)     ${m.entropyP}`, `H(Q)     ${m.entropyQ}`, `H(P,Q)   ${m.crossEntropyPQ}`,
    `H(Q,P)   ${m.crossEntropyQP}`, `KL(P‖Q)  ${m.klPQ}`, `KL(Q‖P)  ${m.klQP}`, `JS(P,Q)  ${m.js}`, '',
  ].join('\n'));
});

test('terms: one line per outcome, numbered or labelled by a CSV header', async () => {
  const t = klTerms(P, Q);
  assert.equal(await ok('terms', PS, QS), `1  ${t[0]}\n2  ${t[1]}\n3  ${t[2]}\n`);
  const csv = file('labelled.csv', 'sun,rain,snow\n0.6,0.3,0.1\n0.5,0.4,0.1\n');
  assert.equal(await ok('terms', '--file', csv), `sun   ${t[0]}\nrain  ${t[1]}\nsnow  ${t[2]}\n`);
});

test('--precision gives significant digits; --no-normalize uses the values as given', async () => {
  assert.equal(await ok('kl', PS, QS, '--precision', '6'), '0.0230883\n');
  assert.equal(await ok('kl', PS, QS, '--precision', '1'), '0.02\n');
  assert.equal(await ok('terms', '1,1', '1,0', '--precision', '3'), '1  -0.347\n2  Infinity\n');
  assert.equal(await ok('entropy', '1,0', '--precision', '3'), '0\n');
  assert.equal(await ok('kl', '0.5,0.5', '0.25,0.75', '--no-normalize'),
    `${kl([0.5, 0.5], [0.25, 0.75], { normalize: false })}\n`);
});

test('infinite measures print as Infinity, never NaN', async () => {
  assert.equal(await ok('kl', '0.5,0.5', '1,0'), 'Infinity\n');
  assert.equal(await ok('kl', '0.5,0.5', '1,0', '--hartleys'), 'Infinity\n');
  const m = measures([1, 0], [0, 1]);
  assert.equal(await ok('all', '1,0', '0,1'), [
    'H(P)     0', 'H(Q)     0', 'H(P,Q)   Infinity', 'H(Q,P)   Infinity',
    'KL(P‖Q)  Infinity', 'KL(Q‖P)  Infinity', `JS(P,Q)  ${m.js}`, '',
  ].join('\n'));
  assert.equal(m.js, Math.LN2);
});

test('--json: the library values under its own names, Infinity as a string', async () => {
  const json = async (...args) => JSON.parse(await ok(...args, '--json'));
  assert.deepEqual(await json('kl', PS, QS, '--bits'), { kl: kl(P, Q, { base: 2 }), base: 2 });
  assert.deepEqual(await json('entropy', PS), { entropy: entropy(P), base: Math.E });
  assert.deepEqual(await json('cross-entropy', PS, QS), { crossEntropy: crossEntropy(P, Q), base: Math.E });
  assert.deepEqual(await json('js', PS, QS, '--hartleys'), { jsDivergence: jsDivergence(P, Q, { base: 10 }), base: 10 });
  assert.deepEqual(await json('all', PS, QS, '--base', '3'), { ...measures(P, Q, { base: 3 }), base: 3 });
  assert.deepEqual(await json('terms', PS, QS), { klTerms: Array.from(klTerms(P, Q)), base: Math.E });
  assert.deepEqual(await json('terms', '1,1', '1,0'), { klTerms: [-Math.LN2 / 2, 'Infinity'], base: Math.E });
  assert.deepEqual(await json('kl', PS, QS, '--precision', '6'), { kl: 0.0230883, base: Math.E });
});

test('--file: CSV with or without a header, JSON object or array, standard input', async () => {
  const want = `${KL_NATS}\n`;
  assert.equal(await ok('kl', '--file', file('plain.csv', `${PS}\n${QS}\n`)), want);
  assert.equal(await ok('kl', '--file', file('crlf.csv', `"a","b","c"\r\n${PS}\r\n\r\n${QS}`)), want);
  assert.equal(await ok('kl', '--file', file('object.json', JSON.stringify({ p: P, q: Q }))), want);
  assert.equal(await ok('kl', '--file', file('array.json', JSON.stringify([P, Q]))), want);
  assert.equal(await ok('entropy', '--file', file('one.json', JSON.stringify({ p: P }))), `${entropy(P)}\n`);
  assert.equal(await ok('entropy', '--file', join(dir, 'plain.csv')), `${entropy(P)}\n`); // P, the first row
  assert.equal((await cli(['kl', '--file', '-'], `${PS}\n${QS}\n`)).stdout, want);
});

describe('errors: a message naming the culprit on stderr, exit 2 for usage, 1 for values', { concurrency: true }, () => {
  const commands = 'try: entropy, cross-entropy, kl, js, all, terms';
  const usage = [
    [[], `a command is missing (${commands}; or --help)`],
    [['kll', PS, QS], `unknown command "kll" (${commands})`],
    [['toString', PS], `unknown command "toString" (${commands})`],
    [['kl'], 'P is missing'],
    [['kl', PS], 'Q is missing'],
    [['entropy', PS, QS], `unexpected argument "${QS}" (entropy takes P only)`],
    [['kl', '0.6,x', QS], '"0.6,x" is not a list of numbers (entry 2: "x")'],
    [['kl', PS, '0.5,,0.5'], '"0.5,,0.5" is not a list of numbers (entry 2: "")'],
    [['kl', 'NaN,1', QS], '"NaN,1" is not a list of numbers (entry 1: "NaN")'],
    [['kl', PS, QS, '--bases', '2'], 'unknown option "--bases" (see infodiv --help)'],
    [['kl', PS, QS, '-b'], 'unknown option "-b" (see infodiv --help)'],
    [['kl', PS, QS, '--base'], '--base needs a value'],
    [['kl', PS, QS, '--base', 'two'], '--base must be a number or e (got "two")'],
    [['kl', PS, QS, '--bits', '--base', '10'], 'choose one of --base, --bits, --nats, --hartleys (got --base and --bits)'],
    [['kl', PS, QS, '--precision', '0'], '--precision must be a whole number from 1 to 17 (got "0")'],
    [['kl', PS, QS, '--precision', '2.5'], '--precision must be a whole number from 1 to 17 (got "2.5")'],
    [['kl', PS, QS, '--json=yes'], '--json takes no value'],
    [['kl', '--file', '/nonexistent/data.csv'], 'cannot read /nonexistent/data.csv: no such file'],
    [['kl', '--file', tmpdir()], `cannot read ${tmpdir()}: it is a directory`],
  ];
  const values = [
    [['kl', '0.6,-0.1,0.5', QS], 'p[1] is negative (-0.1)'],
    [['kl', '-0.1,0.6,0.5', QS], 'p[0] is negative (-0.1)'], // not taken for an option
    [['kl', '0.6,0.4', QS], 'p and q differ in length (2 vs 3)'],
    [['entropy', '0,0'], 'p sums to 0: every entry is zero'],
    [['kl', PS, '1e999,1,1'], 'q[0] is infinite (Infinity)'],
    [['kl', PS, QS, '--base', '1'], '--base must be a finite number > 0 and not 1 (got 1)'],
    [['entropy', '2,2', '--no-normalize'], 'p sums to 4, not 1; with --no-normalize each distribution must sum to 1 (within 1e-6)'],
  ];
  const check = (args, code, message) => it(`${args.join(' ') || '(no arguments)'}: ${message}`, async () => {
    assert.deepEqual(await cli(args), { code, stdout: '', stderr: `infodiv: ${message}\n` });
  });
  for (const [args, message] of usage) check(args, 2, message);
  for (const [args, message] of values) check(args, 1, message);

  // Files are written when the tests run (dir exists only then); names are fixed.
  const inFile = (name, text, code, message, command = 'kl') =>
    it(`${command} --file ${name}: ${message}`, async () => {
      const path = file(name, text);
      assert.deepEqual(await cli([command, '--file', path]),
        { code, stdout: '', stderr: `infodiv: ${message.replaceAll('FILE', path)}\n` });
    });
  inFile('one-row.csv', `${PS}\n`, 2, 'FILE holds 1 distribution; kl needs 2, P and Q');
  inFile('three-rows.json', JSON.stringify([P, Q, Q]), 2, 'FILE holds 3 distributions; expected at most 2, P and Q', 'entropy');
  inFile('empty.csv', '\n\n', 2, 'FILE holds no distribution');
  inFile('bad-cell.csv', `a,b,c\n${PS}\n0.5,0.4,x\n`, 2, 'FILE line 3: "0.5,0.4,x" is not a list of numbers (entry 3: "x")');
  inFile('short-row.csv', `a,b,c\n${PS}\n0.5,0.5\n`, 2, 'FILE line 3 has 2 numbers but the header has 3 labels');
  inFile('shape.json', JSON.stringify({ P, Q }), 2, 'FILE must hold {"p": [...], "q": [...]} or [[...], [...]]');
  inFile('string-entry.json', JSON.stringify({ p: [0.5, '0.5'], q: [1, 1] }), 1, 'p[1] is not a number (got the string "0.5")');
  inFile('mismatch.json', JSON.stringify({ p: [1, 1], q: [1, 1, 1] }), 1, 'p and q differ in length (2 vs 3)');

  it('--file with P and Q as arguments too', async () => {
    assert.deepEqual(await cli(['kl', '--file', '-', PS]), { code: 2, stdout: '',
      stderr: `infodiv: give P and Q either as arguments or with --file, not both (got "${PS}")\n` });
  });
  it('malformed JSON names the file and the parse error', async () => {
    const { code, stdout, stderr } = await cli(['kl', '--file', '-'], '[[1, 2], [3');
    assert.deepEqual({ code, stdout }, { code: 2, stdout: '' });
    assert.match(stderr, /^infodiv: standard input is not valid JSON \(.+\)\n$/);
  });
});

test('--help and -h print usage with examples; --version the package version', async () => {
  const help = await ok('--help');
  assert.match(help, /^Usage: infodiv <command> P \[Q\] \[options\]/);
  for (const word of ['cross-entropy', '--file', '--no-normalize', '--precision', '--json', 'Infinity', 'Examples:']) {
    assert.ok(help.includes(word), `--help mentions ${word}`);
  }
  // Examples that quote a result print exactly that result.
  const quoted = [...help.matchAll(/^ {2}infodiv (.+?) {3,}\D*?(-?\d[\d.e-]*)/gm)];
  assert.equal(quoted.length, 3);
  for (const [, command, value] of quoted) assert.equal(await ok(...command.split(' ')), `${value}\n`);
  assert.equal(await ok('kl', '-h'), help);
  const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
  assert.equal(await ok('--version'), `${version}\n`);
});
