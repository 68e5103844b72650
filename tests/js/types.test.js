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
