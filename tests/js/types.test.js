// The published TypeScript types (dist/infodiv.d.ts) accept what users write
// (tests/types/usage.ts) and reject misuse (tests/types/must-fail.ts, each
// line marked with the error it must cause). A negative control compiles
// must-fail.ts without its markers, proving every marked line fails for the
// stated reason and that tsc's errors do reach this test.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TYPES = join(ROOT, 'tests/types');

/** Runs tsc; resolves to { code, output } (tsc reports errors on stdout). */
function tsc(cwd, ...args) {
  return new Promise((resolve) => {
    execFile(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '--pretty', 'false', ...args], { cwd },
      (error, stdout, stderr) => resolve({ code: error ? error.code : 0, output: stdout + stderr }));
  });
}

test('usage.ts type-checks and every marked line of must-fail.ts is an error', async () => {
  const { code, output } = await tsc(ROOT, '-p', TYPES, '--listFiles');
  // Without errors tsc prints only the file list: the types came from dist/ via "exports".
  const files = output.trim().split('\n').filter((line) => !line.includes('/node_modules/typescript/lib/'));
  assert.deepEqual({ code, files: files.sort() }, {
    code: 0, files: [join(ROOT, 'dist/infodiv.d.ts'), join(TYPES, 'must-fail.ts'), join(TYPES, 'usage.ts')],
  });
});

test('negative control: must-fail.ts without the markers fails on each line with the stated code', async () => {
  const source = readFileSync(join(TYPES, 'must-fail.ts'), 'utf8').split('\n');
  // "// @ts-expect-error TS2345 ..." on line i (0-based) marks line i + 2 (1-based).
  const expected = new Map();
  source.forEach((line, i) => {
    if (!/^\s*\/\/\s*@ts-expect-error/.test(line)) return;
    const code = /^\s*\/\/ @ts-expect-error (TS\d+) /.exec(line)?.[1];
    assert.ok(code, `line ${i + 1} names the error it expects: ${line}`);
    expected.set(i + 2, [code]);
  });
  assert.ok(expected.size >= 15, 'must-fail.ts has its cases');

  // A project outside the repo that has the package in node_modules, as users do,
  // and the other common resolution (bundler) to cover both.
  const dir = mkdtempSync(join(tmpdir(), 'infodiv-types-'));
  try {
    mkdirSync(join(dir, 'node_modules'));
    symlinkSync(ROOT, join(dir, 'node_modules/infodiv'), 'dir');
    writeFileSync(join(dir, 'control.ts'), source.map((line) => line.replace('@ts-expect-error', 'expect')).join('\n'));
    writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({
      extends: join(TYPES, 'tsconfig.json'),
      compilerOptions: { module: 'preserve', moduleResolution: 'bundler' },
      files: ['control.ts'],
    }));
    const { code, output } = await tsc(dir, '-p', '.');
    const got = new Map();
    for (const [, line, error] of output.matchAll(/^control\.ts\((\d+),\d+\): error (TS\d+):/gm)) {
      got.set(Number(line), [...new Set([...(got.get(Number(line)) ?? []), error])]);
    }
    assert.notEqual(code, 0, 'tsc fails');
    assert.deepEqual(got, expected, output);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

// <kl-explorer>'s types (issue: TSX said "Property 'kl-explorer' does not exist
// on type 'JSX.IntrinsicElements'" and querySelector('kl-explorer').value did
// not type-check): tests/types/element compiles, and without the React entry
// the same TSX fails the way it used to.
const ELEMENT = join(TYPES, 'element');

test('<kl-explorer> types: querySelector, value, events and React 19 TSX type-check', async () => {
  const { code, output } = await tsc(ROOT, '-p', ELEMENT);
  assert.deepEqual({ code, output }, { code: 0, output: '' });
});

test('negative control: without infodiv/kl-explorer-react, TSX does not know <kl-explorer>', async () => {
  const dir = mkdtempSync(join(ELEMENT, 'control-'));
  try {
    const tsx = readFileSync(join(ELEMENT, 'react.tsx'), 'utf8').split('\n')
      .filter((line) => !line.includes("from 'infodiv/kl-explorer-react'") && !line.includes('@ts-expect-error'));
    writeFileSync(join(dir, 'react.tsx'), tsx.join('\n'));
    writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ extends: '../tsconfig.json',
      compilerOptions: { paths: { react: ['../react-stub/react/index.d.ts'], 'react/jsx-runtime': ['../react-stub/react/jsx-runtime.d.ts'] } },
      files: ['react.tsx'] }));
    const { code, output } = await tsc(dir, '-p', '.');
    assert.notEqual(code, 0);
    assert.match(output, /react\.tsx\(\d+,\d+\): error TS2339: Property 'kl-explorer' does not exist on type 'JSX\.IntrinsicElements'/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

// The README's React 19 example, as written there, type-checks.
test("the README's TSX for React 19 type-checks, its onInput reading event.nativeEvent.detail", async () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const tsx = /```tsx\n([\s\S]*?)```/.exec(readme)?.[1];
  assert.ok(tsx?.includes('.nativeEvent.detail'), 'the README shows a React example reading the detail');
  const dir = mkdtempSync(join(ELEMENT, 'readme-'));
  try {
    writeFileSync(join(dir, 'readme.tsx'), `${tsx}\ndeclare function setKl(kl: number): void;\nexport {};\n`);
    writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ extends: '../tsconfig.json',
      compilerOptions: { paths: { react: ['../react-stub/react/index.d.ts'], 'react/jsx-runtime': ['../react-stub/react/jsx-runtime.d.ts'] } },
      files: ['readme.tsx'] }));
    const { code, output } = await tsc(dir, '-p', '.');
    assert.deepEqual({ code, output }, { code: 0, output: '' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('importing the element where there is no DOM (server rendering) throws nothing and defines nothing', async () => {
  const { stdout } = await new Promise((resolve, reject) => execFile(process.execPath, ['--input-type=module', '-e',
    "await import('infodiv/kl-explorer.js'); console.log(typeof globalThis.customElements, typeof globalThis.HTMLElement);"],
  { cwd: ROOT }, (error, out, err) => (error ? reject(new Error(err)) : resolve({ stdout: out }))));
  assert.equal(stdout.trim(), 'undefined undefined');
});

test('the kl-explorer.js at the package root (for static sites) imports without a DOM too', async () => {
  const { stdout } = await new Promise((resolve, reject) => execFile(process.execPath, ['--input-type=module', '-e',
    "await import('./kl-explorer.js'); console.log(typeof globalThis.customElements);"],
  { cwd: ROOT }, (error, out, err) => (error ? reject(new Error(err)) : resolve({ stdout: out }))));
  assert.equal(stdout.trim(), 'undefined');
});
