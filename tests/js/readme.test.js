// The README's JavaScript examples run as a reader would paste them, and the
// values their comments print are checked against what the library returns:
// a number printed with 15 or more digits must be that double exactly, a
// shorter one the result rounded to as many digits; typed arrays, string
// arrays and objects ({ kl: …, error: … }, or their keys alone) likewise.
// Comments that describe rather than print ("log(p_i/q_i): the evidence …")
// are not values; the line still runs. Consecutive blocks share one scope
// (the README continues p, q and draws from one to the next) until a block
// declares a name again.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as infodiv from '../../dist/infodiv.js';

const README = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const AsyncFunction = (async () => {}).constructor;

/** The ```js blocks: { line (1-based, of the first code line), lines }. */
function jsBlocks(text) {
  const blocks = [], lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].trim() !== '```js') continue;
    const start = i + 1;
    while (++i < lines.length && lines[i].trim() !== '```');
    blocks.push({ line: start + 1, lines: lines.slice(start, i) });
  }
  return blocks;
}

const declared = (lines) => lines.flatMap((l) => [...l.matchAll(/\b(?:const|let)\s+(\w+)/g)].map((m) => m[1]))
  .concat(lines.flatMap((l) => [...l.matchAll(/\b(?:const|let)\s+\w+\s*=.*?,\s*(\w+)\s*=/g)].map((m) => m[1])));

/** Blocks grouped into scopes: a block joins the one before unless it declares one of its names again. */
function scopes(blocks) {
  const groups = [];
  for (const block of blocks) {
    const last = groups.at(-1), names = declared(block.lines);
    if (last && !names.some((n) => last.names.has(n))) {
      last.blocks.push(block);
      names.forEach((n) => last.names.add(n));
    } else groups.push({ blocks: [block], names: new Set(names) });
  }
  return groups;
}

const NUMBER = String.raw`-?(?:Infinity|\d[\d.]*(?:e[+-]?\d+)?)`;

/** The value a comment prints, or undefined where it describes instead. */
function printedValue(comment) {
  const text = comment.replace(/^[a-z ,]+:\s+(?=-?\d)/i, ''); // "counts are normalised: 0.0230…"
  let m;
  if ((m = new RegExp(`^(${NUMBER})(?![\\w(])`).exec(text))) return { kind: 'number', text: m[1] };
  if ((m = /^(Float64Array|Float32Array|Uint32Array) \[([^\]]*)\]/.exec(text)))
    return { kind: 'typed', type: m[1], items: m[2].split(',').map((s) => s.trim()) };
  if ((m = /^\[((?:\s*'[^']*',?)+)\]/.exec(text))) return { kind: 'strings', items: [...m[1].matchAll(/'([^']*)'/g)].map((x) => x[1]) };
  if ((m = /^\{([^}]*)\}/.exec(text))) {
    const entries = m[1].split(',').map((e) => e.split(':').map((s) => s.trim()));
    if (entries.every(([k, v]) => /^\w+$/.test(k) && (v === undefined || new RegExp(`^${NUMBER}$`).test(v))))
      return { kind: 'object', entries };
  }
  return undefined;
}

const significant = (text) => text.replace(/^-/, '').replace(/e.*$/, '').replace('.', '').replace(/^0+/, '').length || 1;

/** Asserts that `value` prints as `text` does: exactly at 15 or more significant digits, else rounded. */
function assertPrints(value, text, where) {
  const want = Number(text);
  if (!Number.isFinite(want) || significant(text) >= 15) assert.ok(Object.is(value, want) || value === want, `${where}: ${value}, README ${text}`);
  else assert.equal(Number(value.toPrecision(significant(text))), want, `${where}: ${value}, README ${text}`);
}

function check(value, printed, where) {
  if (printed.kind === 'number') return assertPrints(value, printed.text, where);
  if (printed.kind === 'typed') {
    assert.equal(value?.constructor?.name, printed.type, `${where}: a ${value?.constructor?.name}`);
    assert.equal(value.length, printed.items.length, `${where}: length`);
    return printed.items.forEach((t, i) => assertPrints(value[i], t, `${where} [${i}]`));
  }
  if (printed.kind === 'strings') return assert.deepEqual([...value], printed.items, where);
  for (const [key, text] of printed.entries) {
    assert.ok(key in value, `${where}: no ${key}`);
    if (text !== undefined) assertPrints(value[key], text, `${where}.${key}`);
  }
  if (printed.entries.every(([, text]) => text === undefined))
    assert.deepEqual(Object.keys(value).sort(), printed.entries.map(([k]) => k).sort(), `${where}: keys`);
}

/** The scope's code, imports dropped, each statement with a printed value wrapped in __check. */
function instrument(group) {
  const out = [], checks = [];
  for (const { line, lines } of group.blocks) {
    lines.forEach((text, i) => {
      if (/^\s*import\s/.test(text)) return out.push('');
      const own = /^(.*?);\s*\/\/\s*(.*)$/.exec(text), next = /^\s*\/\/\s*(.*)$/.exec(lines[i + 1] ?? '');
      const statement = own ? own[1] : /;\s*$/.test(text) ? text.replace(/;\s*$/, '') : null;
      const printed = statement && printedValue(own ? own[2] : next?.[1] ?? '');
      if (!printed || /^\s*(const|let)\s/.test(statement)) return out.push(text);
      checks.push({ where: `README.md:${line + i}`, printed });
      out.push(`__check(${checks.length - 1}, (${statement}));`);
    });
  }
  return { code: out.join('\n'), checks };
}

await infodiv.init();
// Data a reader brings to the allocPair example (counts and a model of their own).
const READER = { counts: new Float64Array(1_000_000).fill(1), model: new Float64Array(1_000_000).fill(2) };

test('the README has the examples this test reads', () => {
  const blocks = jsBlocks(README);
  assert.ok(blocks.length >= 8, `${blocks.length} js blocks`);
  const checks = scopes(blocks).flatMap((g) => instrument(g).checks);
  assert.ok(checks.length >= 20, `${checks.length} printed values`);
});

for (const group of scopes(jsBlocks(README))) {
  const { code, checks } = instrument(group);
  test(`README.md:${group.blocks[0].line}: the example runs and prints what its comments say (${checks.length} values)`, async () => {
    const seen = new Set();
    const __check = (k, value) => {
      seen.add(k);
      check(value, checks[k].printed, checks[k].where);
    };
    const names = [...Object.keys(infodiv), ...Object.keys(READER), '__check'];
    await new AsyncFunction(...names, code)(...Object.values(infodiv), ...Object.values(READER), __check);
    assert.equal(seen.size, checks.length, 'every printed value was reached');
  });
}
