// Fuzzing the explorer's untrusted inputs: hundreds of random and hostile
// values of p, q, labels and units (discrete mode) and of mode, family, p, q,
// units and bins (continuous mode), through the page's address, the iframe
// embed's address and the attributes of <kl-explorer> (set before and after
// the element is connected). Script tags, event-handler attributes,
// javascript: URLs, NaN, Infinity, negative numbers, RTL marks, emoji,
// combining characters, NUL, empty strings, whitespace, duplicated
// parameters and lists of 10⁶ values. npm test runs a third of the random
// cases and addresses of 10⁴ values; npm run test:soak runs them all, and
// addresses of 10⁶ values (2 MB) and beyond.
//
// Every value is judged by an oracle written from the contract in the README
// (not from the page's code): valid input must show exactly what it asks for
// and no note; invalid input must show a visible note and, for each part,
// what was asked or the default for that part. Either way: no injected code
// runs (a trap set before the page's scripts: window.__pwned, dialogs, and
// requests nothing should make), no uncaught error or console error, every
// shown number is the library's for the values shown, and a key press on a
// handle still changes them.
//
// Reproducible: the cases come from a seeded PRNG (FUZZ_SEED=… to try others;
// a failure names the seed and the case).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { prng } from '../js/prng.mjs';
import { setProbability } from '../../web/explorer/views/discrete/model.js';
import {
  useExplorer, LOAD_TIMEOUT, ready, eventually, expectedMeasures, expectedContinuous, formatSigned, assertClose, sum,
  MEASURES, CONTINUOUS_MEASURES, FAMILY_PARAMS, pairFamilies, SOAK,
} from './harness.js';

const SEED = Number(process.env.FUZZ_SEED ?? 7_2024);
const BATCH = 12; // addresses per host page load, each in an iframe
/** How many random cases: all of them in the soak run, about a third in npm test. */
const howMany = (n) => (SOAK ? n : Math.ceil(n / 3));
/** Both valid and invalid cases, at least a fifth of them each. */
function assertBothKinds(valid, total) {
  assert.ok(valid >= total / 5 && total - valid >= total / 5, `both valid (${valid}) and invalid (${total - valid}) cases`);
}

const HOST = `<!doctype html><html lang="en"><head><meta charset="utf-8">
  <link rel="icon" href="./favicon.svg" type="image/svg+xml"><link rel="stylesheet" href="./fuzz-host.css">
  <script type="module" src="./kl-explorer.js"></script><title>fuzz host</title></head><body></body></html>`;
const HOST_CSS = 'iframe { width: 900px; height: 700px; border: 0; display: block; } kl-explorer { width: 900px; }';
const explorer = useExplorer({
  files: {
    '/fuzz-host.html': { type: 'text/html; charset=utf-8', body: HOST },
    '/fuzz-host.css': { type: 'text/css; charset=utf-8', body: HOST_CSS },
  },
});

// ---- the oracle: the contract of the README -----------------------------------

const UNITS = ['nats', 'bits', 'hartleys'];
const DEFAULT_DISCRETE = { p: [0.6, 0.3, 0.1], q: [0.5, 0.4, 0.1], labels: ['A', 'B', 'C'] };
const letters = (n) => Array.from({ length: n }, (_, i) => String.fromCharCode(65 + i));
const PAIRS = {
  normal: [{ mu: 0, sigma: 1 }, { mu: 1, sigma: 2 }], laplace: [{ loc: 0, scale: 1 }, { loc: 1, scale: 2 }],
  cauchy: [{ loc: 0, scale: 1 }, { loc: 2, scale: 0.5 }], logNormal: [{ mu: 0, sigma: 0.5 }, { mu: 0.5, sigma: 0.8 }],
  exponential: [{ rate: 1 }, { rate: 2 }], gamma: [{ shape: 2, rate: 1 }, { shape: 3, rate: 2 }],
  beta: [{ alpha: 2, beta: 5 }, { alpha: 3, beta: 3 }], uniform: [{ low: 0, high: 1 }, { low: -0.5, high: 2 }],
  'normal-laplace': [{ mu: 0, sigma: 1 }, { loc: 0, scale: 1 }], 'laplace-normal': [{ loc: 0, scale: 1 }, { mu: 0, sigma: 1 }],
};
// The sliders' ranges (README: the parameters; the page's ranges for a link).
const RANGES = {
  mu: [-20, 20], sigma: [0.05, 20], loc: [-20, 20], scale: [0.05, 20], rate: [0.05, 20], shape: [0.1, 100],
  alpha: [0.1, 100], beta: [0.1, 100], low: [-20, 20], high: [-20, 20],
};
const LOG_NORMAL_RANGES = { mu: [-3, 3], sigma: [0.05, 3] };
const rangeOf = (family, key) => (family === 'logNormal' ? LOG_NORMAL_RANGES[key] : RANGES[key]);

/** A plain decimal number as a person writes it ("0.5", " 3 ", "1e-3", ".5"); [value] or null. */
function decimal(text) {
  const t = text.trim();
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(t)) return null;
  return Number(t);
}

function discreteList(text) {
  if (text === null) return null;
  if (text.length > 2000) return null; // the page's limit for a link; far above 20 numbers
  const parts = text.split(',');
  if (parts.length < 2 || parts.length > 20) return null;
  const values = parts.map(decimal);
  if (values.some((v) => v === null || !Number.isFinite(v) || v < 0)) return null;
  const total = values.reduce((a, b) => a + b, 0);
  if (!(total > 0 && Number.isFinite(total))) return null;
  return Math.abs(total - 1) <= 1e-9 ? values : values.map((v) => v / total); // counts are normalised
}

/** A label as plain text: C0 controls and DEL dropped, at most 40 UTF-16 units, never half a character. */
function cleanLabel(text) {
  let t = text.replace(/[\u0000-\u001f\u007f]/g, '').slice(0, 40); // eslint-disable-line no-control-regex
  if (/[\ud800-\udbff]$/.test(t)) t = t.slice(0, -1);
  return t;
}

/**
 * What the discrete explorer must show for parts { p, q, labels, units }
 * (text or null; labels a list or null), and whether the input was valid.
 * `extraProblem`: something else was wrong (a duplicate, a bad mode).
 */
function judgeDiscrete({ p, q, labels, units }, extraProblem = false) {
  let valid = !extraProblem;
  const unitsOk = units === null || UNITS.includes(units);
  if (!unitsOk) valid = false;
  const state = { ...DEFAULT_DISCRETE, units: unitsOk ? units ?? 'nats' : 'nats' };
  if (p === null && q === null) { // the default P and Q; labels name their outcomes if there are as many
    if (labels !== null && labels.length !== 3) valid = false;
    return { valid, state: labels?.length === 3 ? { ...state, labels: labels.map(cleanLabel) } : state };
  }
  const P = discreteList(p), Q = discreteList(q);
  if (!P || !Q || P.length !== Q.length) return { valid: false, state };
  if (labels !== null && labels.length !== P.length) valid = false;
  return { valid, state: { ...state, p: P, q: Q, labels: labels?.length === P.length ? labels.map(cleanLabel) : letters(P.length) } };
}

function continuousParams(text, family) {
  if (text.length > 200) return null;
  const keys = FAMILY_PARAMS[family], parts = text.split(',');
  if (parts.length !== keys.length) return null;
  const out = {};
  for (const [i, key] of keys.entries()) {
    const v = decimal(parts[i]), [min, max] = rangeOf(family, key);
    if (v === null || !(v >= min && v <= max)) return null;
    out[key] = v;
  }
  if (family === 'uniform' && !(out.high - out.low >= 0.01)) return null;
  return out;
}

const pairKey = (text) => Object.keys(PAIRS).find((k) => k.toLowerCase() === text.trim().toLowerCase());

/** What the continuous explorer must show for parts { family, p, q, units, bins } (text or null). */
function judgeContinuous({ family, p, q, units, bins }, extraProblem = false) {
  let valid = !extraProblem;
  const unitsOk = units === null || UNITS.includes(units);
  if (!unitsOk) valid = false;
  let k = 0;
  if (bins !== null) {
    const t = bins.trim();
    if (/^\d{1,4}$/.test(t) && Number(t) >= 2 && Number(t) <= 200) k = Number(t);
    else valid = false;
  }
  const key = family === null ? 'normal' : family.length <= 40 ? pairKey(family) : undefined;
  if (!key) valid = false;
  const state = { family: key ?? 'normal', p: { ...PAIRS[key ?? 'normal'][0] }, q: { ...PAIRS[key ?? 'normal'][1] }, units: unitsOk ? units ?? 'nats' : 'nats', bins: k };
  if (key) {
    const [fp, fq] = pairFamilies(key);
    for (const [side, text, f] of [['p', p, fp], ['q', q, fq]]) {
      if (text === null) continue;
      const values = continuousParams(text, f);
      if (values) state[side] = values;
      else valid = false;
    }
  }
  return { valid, state };
}

/** The mode a URL or attribute asks for: [mode, valid]. */
function judgeMode(text) {
  if (text === null || text.trim() === '') return ['discrete', true];
  const m = text.trim().toLowerCase();
  return ['discrete', 'continuous'].includes(m) ? [m, true] : ['discrete', false];
}

/** Judges a whole case: { mode, valid, state }. */
function judge(c) {
  const [mode, modeOk] = judgeMode(c.mode);
  const extra = !modeOk || (c.duplicates ?? []).length > 0;
  if (mode === 'continuous') return { mode, ...judgeContinuous(c, extra) };
  return { mode, ...judgeDiscrete({ p: c.p, q: c.q, labels: c.labels, units: c.units }, extra) };
}

// ---- the generators --------------------------------------------------------------

const TRAP = 'window.__pwned=1;alert(1)';
const HOSTILE = [
  `<script>${TRAP}</script>`, `"><img src=x onerror="${TRAP}">`, `'><svg onload='${TRAP}'>`, `javascript:${TRAP}`,
  `" onfocus="${TRAP}" autofocus="`, `' onmouseover='${TRAP}`, `<iframe src="javascript:${TRAP}"></iframe>`,
  `</textarea><script>${TRAP}</script>`, `<a href="javascript:${TRAP}">x</a>`, `\${${TRAP}}`, `{{constructor.constructor('${TRAP}')()}}`,
  `<img src=x onerror=${TRAP}>`, `<math><mtext><table><mglyph><style><img src=x onerror=${TRAP}>`, `data:text/html,<script>${TRAP}</script>`,
  '__proto__', 'constructor', 'toString', 'hasOwnProperty',
];
const UNICODE = [
  'é', 'e\u0301', 'ﬁ', '😀', '👩‍👩‍👧', '🏳️‍🌈', '\u200f', '\u202eevil', 'שלום', 'مرحبا', '中文', '\u0000', 'a\u0000b', '\ufeff',
  '\u2028', '\u00a0', 'Z̸̢͈̈́a̸l̷g̵o̴', '\ud835\udc00', '\t', ' ', '',
];
const WORDS = ['rain', 'no rain', 'cat', 'dog', 'heads', 'tails', 'A', 'outcome 7', 'x,y', '100%', 'a&b', 'a"b', "it's", '<b>bold</b>'];

const pick = (rand, xs) => xs[Math.floor(rand() * xs.length)];
const chance = (rand, p) => rand() < p;

function numberText(rand, { valid = 0.85 } = {}) {
  if (chance(rand, valid)) {
    return pick(rand, [
      () => String(Math.floor(rand() * 100)), () => String(Number((rand() * 10).toPrecision(1 + Math.floor(rand() * 6)))),
      () => rand().toExponential(2), () => `0.${Math.floor(rand() * 1000)}`, () => `${' '.repeat(1 + Math.floor(rand() * 2))}${Math.floor(rand() * 9) + 1}`,
      () => `+${Math.floor(rand() * 9)}`, () => `.${Math.floor(rand() * 9) + 1}`, () => `${Math.floor(rand() * 9) + 1}.`, () => '0', () => '-0',
      () => '1e-300', () => '1e-320', () => '1E2',
    ])();
  }
  return pick(rand, ['NaN', 'Infinity', '-Infinity', '-1', '-0.5', '1e400', '', ' ', '0x10', '1_000', '١', '½', '1e', 'e5', '--1',
    '1.2.3', '1,5', 'null', 'undefined', 'true', '[]', '٣', '１', '1\u200f', ...HOSTILE, ...UNICODE.filter(Boolean)]);
}

function labelText(rand) {
  return pick(rand, [
    () => pick(rand, WORDS), () => pick(rand, HOSTILE), () => pick(rand, UNICODE),
    () => Array.from({ length: 1 + Math.floor(rand() * 4) }, () => pick(rand, [...UNICODE, ...WORDS])).join(''),
    () => 'x'.repeat(39) + pick(rand, ['😀', '👩‍👩‍👧', 'e\u0301', '\ud835\udc00']), // the 40-unit cap in the middle of a character
    () => 'long '.repeat(12),
  ])();
}

/** A random discrete case: mostly valid, the rest broken in one or more ways. */
function discreteCase(rand, { url }) {
  const n = chance(rand, 0.85) ? 2 + Math.floor(rand() * 7) : pick(rand, [0, 1, 19, 20, 21, 30]);
  const list = (len) => Array.from({ length: len }, () => numberText(rand, { valid: chance(rand, 0.8) ? 1 : 0.8 })).join(',');
  const c = { mode: null, p: null, q: null, labels: null, units: null, duplicates: [] };
  if (chance(rand, 0.95)) {
    c.p = chance(rand, 0.95) ? list(n) : pick(rand, [...HOSTILE, ...UNICODE]);
    c.q = chance(rand, 0.9) ? list(chance(rand, 0.9) ? n : n + 1) : pick(rand, [null, ...HOSTILE]);
  }
  if (chance(rand, 0.6)) {
    const count = chance(rand, 0.85) ? n : Math.floor(rand() * 6);
    c.labels = Array.from({ length: count }, () => labelText(rand));
    if (!url) c.labels = c.labels.map((l) => l.replace(/,/g, ' ')); // an attribute's labels are split at commas
  }
  if (chance(rand, 0.5)) c.units = chance(rand, 0.75) ? pick(rand, UNITS) : pick(rand, ['Bits', ' bits', 'bit', '', 'nat', 'hartley', ...HOSTILE]);
  if (chance(rand, 0.08)) c.mode = pick(rand, ['discrete', ' Discrete ', '', 'DISCRETE', 'discreet', HOSTILE[0]]);
  if (url && chance(rand, 0.08)) c.duplicates.push([pick(rand, ['p', 'q', 'units']), pick(rand, ['1,2', ...HOSTILE, 'bits'])]);
  return c;
}

function paramText(rand, family) {
  const keys = FAMILY_PARAMS[family];
  const values = keys.map((key) => {
    const [min, max] = rangeOf(family, key);
    const log = min > 0;
    const v = log ? min * (max / min) ** rand() : min + (max - min) * rand();
    return String(Number(v.toPrecision(1 + Math.floor(rand() * 5))));
  });
  if (family === 'uniform' && chance(rand, 0.8)) values.sort((a, b) => a - b);
  if (chance(rand, 0.8)) return values.join(',');
  return pick(rand, [
    () => [...values, '1'].join(','), () => values.slice(1).join(','), () => values.map((v) => `-${v}`).join(','),
    () => values.map(() => numberText(rand, { valid: 0 })).join(','), () => values.map((v) => `${v}e3`).join(','),
    () => pick(rand, HOSTILE), () => '', () => ' , ', () => values.join(';'), () => values.join(', '),
  ])();
}

function continuousCase(rand, { url }) {
  const c = { mode: 'continuous', family: null, p: null, q: null, units: null, bins: null, duplicates: [], labels: null };
  if (chance(rand, 0.1)) c.mode = pick(rand, ['Continuous', ' continuous ', 'CONTINUOUS', 'continous', 'continuous\u0000', HOSTILE[1]]);
  const keys = Object.keys(PAIRS);
  if (chance(rand, 0.85)) {
    const key = pick(rand, keys);
    c.family = chance(rand, 0.85) ? pick(rand, [key, key, key.toUpperCase(), ` ${key} `]) : pick(rand, ['gauss', 'normal-gamma', 'Normal ‖ Laplace', '', ...HOSTILE, ...UNICODE]);
  }
  const key = (c.family !== null && pairKey(c.family)) || (c.family === null ? 'normal' : pick(rand, keys));
  const [fp, fq] = pairFamilies(key);
  if (chance(rand, 0.85)) c.p = paramText(rand, fp);
  if (chance(rand, 0.85)) c.q = paramText(rand, fq);
  if (chance(rand, 0.4)) c.units = chance(rand, 0.75) ? pick(rand, UNITS) : pick(rand, ['BITS', 'bits ', '', ...HOSTILE]);
  if (chance(rand, 0.35)) {
    c.bins = chance(rand, 0.75) ? String(2 + Math.floor(rand() * 199))
      : pick(rand, ['1', '0', '201', '-5', '20.5', '1e2', '020', ' 20 ', '２０', '', 'NaN', '99999', ...HOSTILE]);
  }
  if (url && chance(rand, 0.08)) c.duplicates.push([pick(rand, ['family', 'p', 'bins', 'mode']), pick(rand, ['beta', '2,5', '7', 'discrete', ...HOSTILE])]);
  return c;
}

/** The case's address query (each value percent-encoded; labels one `label` each; duplicates after). */
function queryOf(c) {
  const e = encodeURIComponent, parts = [];
  for (const name of ['mode', 'family', 'p', 'q', 'units', 'bins']) if (c[name] !== null && c[name] !== undefined) parts.push(`${name}=${e(c[name])}`);
  for (const l of c.labels ?? []) parts.push(`label=${e(l)}`);
  for (const [name, value] of c.duplicates ?? []) parts.push(`${name}=${e(value)}`);
  return parts.length ? `?${parts.join('&')}` : '';
}

/** The case as element attributes (labels joined by commas; null: absent). */
function attributesOf(c) {
  return {
    mode: c.mode, family: c.family ?? null, p: c.p, q: c.q, units: c.units, bins: c.bins ?? null,
    labels: c.labels ? c.labels.join(',') : null,
  };
}
/** The same case as the element reads it: its labels attribute split at commas. */
const asAttributeCase = (c) => ({ ...c, duplicates: [], labels: c.labels ? c.labels.join(',').split(',').map((s) => s.trim()) : null });

const describe = (c) => JSON.stringify(c, (k, v) => {
  if (typeof v === 'string' && v.length > 120) return `${v.slice(0, 60)}…(${v.length})`;
  if (Array.isArray(v) && v.length > 50) return `[${v.length} values: ${JSON.stringify(v.slice(0, 3))}…]`;
  return v;
});

// ---- reading and checking what is shown ------------------------------------------

// Everything the explorer under `root` shows, read in one call (root: a document or a shadow root).
function snapshot(rootSelector) {
  const host = rootSelector ? document.querySelector(rootSelector) : null;
  const root = host ? host.shadowRoot : document;
  const $ = (s) => root.querySelector(s), $$ = (s) => [...root.querySelectorAll(s)];
  const visible = (e) => Boolean(e && !e.hidden && e.checkVisibility() && e.textContent.trim());
  const note = $('[data-role="url-note"]') ?? $('.attribute-note');
  const frameNote = $('[data-role="error-note"]');
  return {
    pwned: window.__pwned,
    trapped: window.__trap === true,
    note: visible(note) ? note.textContent : null,
    libraryError: visible(frameNote) ? frameNote.textContent : null,
    continuous: Boolean($('.infodiv-explorer.continuous')),
    measures: Object.fromEntries($$('[data-measure]').map((e) => [e.dataset.measure, { text: e.textContent.trim(), value: e.dataset.value }])),
    live: $$('[data-live]').map((e) => [e.dataset.live, e.textContent.trim()]),
    labels: $$('input[data-field="label"]').map((e) => e.value),
    values: $$('input[data-field="value"]').map((e) => [e.dataset.dist, e.dataset.index ?? e.dataset.param, e.value]),
    units: $('input[name="units"]:checked')?.value ?? null,
    family: $('select[data-control="family"]')?.value ?? null,
    bins: $('input[data-control="bins-on"]')?.checked ? Number($('input[data-control="bins"]').value) : 0,
    search: location.search,
    value: host?.value ?? null,
    injected: [...document.querySelectorAll('img, svg, iframe, script, a[href^="javascript"]'), ...(host ? root.querySelectorAll('img, svg, iframe, script, a') : [])]
      .filter((e) => /pwned|javascript:|onerror|onload/i.test(e.outerHTML)).map((e) => e.outerHTML.slice(0, 80)),
  };
}

// -0 and 0 are the same probability or parameter (a link writes both as "0").
const unsigned = (x) => JSON.parse(JSON.stringify(x));

/** Asserts what a surface shows for a case; returns the state shown. */
function checkShown(shown, want, { what, url }) {
  assert.equal(shown.trapped, true, `${what}: the trap was set before the page ran`);
  assert.equal(shown.pwned, false, `${what}: injected code ran`);
  assert.deepEqual(shown.injected, [], `${what}: elements made from the input`);
  assert.equal(shown.libraryError, null, `${what}: the library refused the shown state`);
  assert.equal(shown.note !== null, !want.valid, `${what}: a visible note exactly when the input was not valid (note: ${shown.note})`);
  assert.equal(shown.continuous, want.mode === 'continuous', `${what}: mode`);
  const s = want.state;
  assert.equal(shown.units, s.units, `${what}: units`);
  if (want.mode === 'continuous') {
    assert.equal(shown.family, s.family, `${what}: family`);
    assert.equal(shown.bins, s.bins, `${what}: bins`);
    const params = { p: {}, q: {} };
    for (const [side, key, text] of shown.values) params[side][key] = Number(text);
    assert.deepEqual(unsigned(params), unsigned({ p: s.p, q: s.q }), `${what}: parameters`);
    const m = expectedContinuous(s);
    for (const k of CONTINUOUS_MEASURES) {
      assertClose(Number(shown.measures[k]?.value), m[k], `${what}: ${k}`);
      assert.equal(shown.measures[k].text, formatSigned(m[k]), `${what}: ${k} text`);
    }
    if (url) assert.equal(new URLSearchParams(shown.search).get('family'), s.family, `${what}: the address holds the state`);
    return s;
  }
  assert.deepEqual(shown.labels, s.labels, `${what}: labels`);
  const fields = { p: [], q: [] };
  for (const [dist, i, text] of shown.values) fields[dist][Number(i)] = Number(text);
  assert.deepEqual(unsigned(fields), unsigned({ p: s.p.map((v) => Number(v.toFixed(4))), q: s.q.map((v) => Number(v.toFixed(4))) }), `${what}: the table's values`);
  if (url) {
    const u = new URLSearchParams(shown.search);
    assert.deepEqual(unsigned([u.get('p').split(',').map(Number), u.get('q').split(',').map(Number), u.getAll('label'), u.get('units')]),
      unsigned([s.p, s.q, s.labels, s.units]), `${what}: the address holds exactly the state shown`);
  }
  if (shown.value) assert.deepEqual(unsigned([shown.value.p, shown.value.q]), unsigned([s.p, s.q]), `${what}: element.value`);
  const m = expectedMeasures(s);
  for (const k of MEASURES) {
    assertClose(Number(shown.measures[k]?.value), m[k], `${what}: ${k}`);
    assert.equal(shown.measures[k].text, formatSigned(m[k]), `${what}: ${k} text`);
  }
  for (const [k, text] of shown.live) assert.equal(text, formatSigned(m[k]), `${what}: [data-live=${k}]`);
  return s;
}

/**
 * Usable: a key press on P's first handle changes the state, and the numbers
 * shown are the library's for the new state. `root`: a frame, or a locator of an element.
 */
async function checkUsable(root, read, state, mode, what) {
  // The numbers come first; keys and drags work once the explorer is ready (its charts made).
  await root.locator('[data-ready]').first().waitFor({ timeout: LOAD_TIMEOUT });
  if (mode === 'continuous') {
    const handle = root.locator('[role="slider"][data-dist="p"][data-handle="peak"]');
    const paramsOf = (shown) => {
      const out = { p: {}, q: {} };
      for (const [side, key, text] of shown.values) out[side][key] = Number(text);
      return out;
    };
    await handle.press('ArrowRight');
    let after = await read();
    if (JSON.stringify(paramsOf(after).p) === JSON.stringify(state.p)) { // at the top of its range: the other way
      await handle.press('ArrowLeft');
      after = await read();
    }
    const params = paramsOf(after);
    assert.notDeepEqual(params.p, state.p, `${what}: a key press on P's peak moved P`);
    const m = expectedContinuous({ ...state, p: params.p, q: params.q });
    for (const k of CONTINUOUS_MEASURES) assertClose(Number(after.measures[k].value), m[k], `${what}: after a key press, ${k}`);
    return;
  }
  const up = state.p[0] <= 0.9;
  await root.locator('[role="slider"][data-dist="p"][data-index="0"]').press(up ? 'ArrowUp' : 'ArrowDown');
  const target = Math.round((state.p[0] + (up ? 0.01 : -0.01)) * 1e9) / 1e9;
  const p = setProbability(state.p, state.p.map(() => false), 0, target);
  const after = await read();
  const m = expectedMeasures({ ...state, p });
  assertClose(sum(p), 1, `${what}: the sum of P after a key press`, 1e-12);
  for (const k of MEASURES) assertClose(Number(after.measures[k].value), m[k], `${what}: after a key press, ${k}`);
}

// ---- the tests ---------------------------------------------------------------------

async function trappedPage() {
  const page = await explorer.newPage();
  await page.addInitScript(() => { window.__pwned = false; window.__trap = true; });
  const stray = [];
  page.on('request', (r) => {
    const u = new URL(r.url());
    if (u.protocol !== 'http:' || !/^\/(|index\.html|embed\.html|kl-explorer\.js|favicon\.svg|early\.js|fuzz-host\.(html|css)|assets\/[\w.-]+)$/.test(u.pathname)) stray.push(r.url().slice(0, 100));
  });
  return { page, stray };
}

/**
 * Runs cases through the page's address and the embed's, each in an iframe of
 * the host page, BATCH frames per load: the first `both` cases through both,
 * the others alternately through one.
 */
async function runUrlCases(cases, label, both) {
  const { page, stray } = await trappedPage();
  const runs = cases.flatMap((c, i) => (i < both ? ['page', 'embed'] : [i % 2 ? 'embed' : 'page']).map((surface) => ({ c, i, surface })));
  for (let start = 0; start < runs.length; start += BATCH) {
    const batch = runs.slice(start, start + BATCH);
    await page.goto(explorer.url('fuzz-host.html'));
    await page.evaluate((list) => {
      for (const src of list) {
        const frame = document.createElement('iframe');
        frame.src = src;
        document.body.append(frame);
      }
    }, batch.map(({ c, surface }) => `./${surface === 'embed' ? 'embed.html' : ''}${queryOf(c)}`));
    const frames = page.frames().slice(1);
    assert.equal(frames.length, batch.length, 'one frame per address');
    for (const [j, { c, i, surface }] of batch.entries()) {
      const frame = frames[j], want = judge(c), what = `${label} #${i} (${surface}, seed ${SEED}) ${describe(c)}`;
      await ready(frame).catch((error) => {
        throw new Error(`${what}: no measures shown (${error.message.split('\n')[0]}); problems: ${explorer.takeProblems().join(' | ')}`);
      });
      const read = () => frame.evaluate(snapshot, null);
      const state = await eventually(async () => checkShown(await read(), want, { what, url: surface === 'page' }));
      await checkUsable(frame, read, state, want.mode, what);
      assert.equal((await read()).pwned, false, `${what}: injected code ran after a key press`);
    }
    assert.deepEqual(explorer.takeProblems(), [], `${label}, cases ${batch[0].i} to ${batch.at(-1).i} (seed ${SEED}): console errors, page errors or dialogs`);
  }
  assert.deepEqual(stray, [], `${label}: requests that nothing should have made`);
}

function makeCases(seed, count, make, options) {
  const rand = prng(seed);
  return Array.from({ length: count }, () => make(rand, options));
}

test(`page and embed addresses, discrete mode: random and hostile p, q, labels, units (seed ${SEED})`, async () => {
  const cases = makeCases(SEED, howMany(56), discreteCase, { url: true });
  // Always in: the hostile classics, a duplicate, empty values, no query at all.
  cases.unshift(
    { mode: null, p: `1,2${HOSTILE[0]}`, q: HOSTILE[1], labels: [HOSTILE[2]], units: HOSTILE[3], duplicates: [] },
    { mode: null, p: '1,2', q: '3,4', labels: [HOSTILE[1], HOSTILE[4]], units: 'bits', duplicates: [['p', HOSTILE[0]]] },
    { mode: null, p: '', q: '', labels: [''], units: '', duplicates: [] },
    { mode: null, p: null, q: null, labels: null, units: null, duplicates: [] },
    { mode: null, p: '0.2,0.8', q: '0.5,0.5', labels: ['😀'.repeat(25), 'e\u0301\u202e\u0000'], units: 'hartleys', duplicates: [] },
  );
  const valid = cases.filter((c) => judge(c).valid).length;
  assertBothKinds(valid, cases.length);
  await runUrlCases(cases, 'discrete address', 5);
});

test(`page and embed addresses, continuous mode: random and hostile family, p, q, units, bins (seed ${SEED})`, async () => {
  const cases = makeCases(SEED + 1, howMany(40), continuousCase, { url: true });
  cases.unshift(
    { mode: 'continuous', family: HOSTILE[0], p: HOSTILE[1], q: HOSTILE[5], units: HOSTILE[3], bins: HOSTILE[2], duplicates: [], labels: null },
    { mode: 'continuous', family: 'gamma', p: '2,1', q: '3,2', units: 'bits', bins: '20', duplicates: [['bins', HOSTILE[0]]], labels: null },
    { mode: 'continuous', family: '', p: '', q: '', units: '', bins: '', duplicates: [], labels: null },
    { mode: 'continuous', family: 'uniform', p: '0,1', q: '0.2,0.8', units: null, bins: '200', duplicates: [], labels: null },
  );
  const valid = cases.filter((c) => judge(c).valid).length;
  assertBothKinds(valid, cases.length);
  await runUrlCases(cases, 'continuous address', 4);
});

/**
 * Runs cases through <kl-explorer> attributes: alternately on a connected
 * element (attributes changed in place, the mode too) and on a new element
 * whose attributes are set before it is connected.
 */
async function runAttributeCases(cases, label) {
  const { page, stray } = await trappedPage();
  await page.goto(explorer.url('fuzz-host.html'));
  await page.evaluate(() => customElements.whenDefined('kl-explorer'));
  for (const [i, c] of cases.entries()) {
    const before = i % 2 === 1, id = before ? `fresh${i}` : 'kept';
    const attributes = attributesOf(c), want = judge(asAttributeCase(c));
    const what = `${label} #${i} (${before ? 'set before connecting' : 'set on a connected element'}, seed ${SEED}) ${describe(c)}`;
    await page.evaluate(async ({ attributes, id, before }) => {
      const apply = (el) => {
        for (const [name, value] of Object.entries(attributes)) {
          if (value === null) el.removeAttribute(name);
          else el.setAttribute(name, value);
        }
      };
      document.querySelectorAll('kl-explorer[id^="fresh"]').forEach((e) => e.remove());
      let el = document.getElementById(id);
      if (!el) {
        el = document.createElement('kl-explorer');
        el.id = id;
        if (before) apply(el);
        document.body.append(el);
      }
      if (!before) apply(el);
      await new Promise((r) => setTimeout(r, 0)); // the element updates in a microtask, remounts in a few
    }, { attributes, id, before });
    const root = page.locator(`#${id}`);
    const read = () => page.evaluate(snapshot, `#${id}`);
    const state = await eventually(async () => checkShown(await read(), want, { what, url: false }), LOAD_TIMEOUT);
    await checkUsable(root, read, state, want.mode, what);
    assert.equal((await read()).pwned, false, `${what}: injected code ran after a key press`);
    assert.deepEqual(explorer.takeProblems(), [], `${what}: console errors, page errors or dialogs`);
  }
  assert.deepEqual(stray, [], `${label}: requests that nothing should have made`);
}

const MILLION = (value) => Array(1e6).fill(value).join(',');

test(`<kl-explorer> attributes, both modes: random and hostile values, 10⁶-long lists, set before and after connecting (seed ${SEED})`, async () => {
  const discrete = makeCases(SEED + 2, howMany(70), discreteCase, { url: false });
  const continuous = makeCases(SEED + 3, howMany(50), continuousCase, { url: false });
  const none = { mode: null, family: null, p: null, q: null, labels: null, units: null, bins: null, duplicates: [] };
  const huge = [
    { ...none, p: MILLION('1'), q: MILLION('1') },
    { ...none, p: '1,2,3', q: '3,2,1', labels: Array(1e6).fill('x') },
    { ...none, p: `1,2,${MILLION('0')}`, q: '1,2', labels: ['a', 'b'], units: 'x'.repeat(1e6) },
    { ...none, mode: 'continuous', family: 'gamma', p: MILLION('2'), q: MILLION('1') },
    { ...none, mode: 'continuous', family: 'n'.repeat(1e6), p: '0,1', bins: '9'.repeat(1e6) },
    { ...none, mode: 'continuous', family: 'beta', p: '2,5', q: '3,3', bins: ` ${'1'.repeat(1e6)} `, units: MILLION('bits') },
    { ...none, mode: 'c'.repeat(1e6), p: MILLION('1'), q: MILLION('1') },
  ];
  const cases = [];
  for (let i = 0; i < Math.max(discrete.length, continuous.length); i++) cases.push(...[discrete[i], continuous[i]].filter(Boolean));
  cases.splice(5, 0, ...huge.slice(0, 4));
  cases.push(...huge.slice(4), ...huge.slice(0, 3)); // both before and after connecting
  const valid = cases.filter((c) => judge(asAttributeCase(c)).valid).length;
  assertBothKinds(valid, cases.length);
  await runAttributeCases(cases, 'attributes');
});

// Addresses of 10⁶ values (2 MB) in the soak run; of 10⁴ (20 kB) in npm test:
// still beyond the 16 kB of headers Node's server accepts.
const LONG = SOAK ? 1e6 : 1e4;
const zeros = (n) => Array(n).fill('0').join(',');
test(`addresses of ${LONG.toExponential().replace('e+', 'e')} values: the server refuses them; served anyway the page and the embed show a note and work${SOAK ? '; beyond 2 MB the browser does not navigate' : ''}`, async () => {
  const { page, stray } = await trappedPage();
  const query = `?p=${zeros(LONG)}&q=1,2&label=${'x'.repeat(1000)}&units=bits`;
  assert.ok(query.length > 2 ** 14 && query.length < 2 ** 21 - 100, `a query of ${query.length} characters, over Node's header limit, under Chromium's 2 MB`);

  // As served: Node's HTTP server (under Vite) answers 431, Request Header Fields Too Large.
  const statuses = [];
  page.on('response', (r) => statuses.push(r.status()));
  const refused = await page.goto(explorer.url(query)).then((r) => r.status(), (e) => e.message);
  assert.match(String(refused), /431|ERR_HTTP_RESPONSE_CODE_FAILURE/, 'the server refuses the address');
  assert.deepEqual(statuses, [431]);
  // The browser logs the refused load as a console error: that one, and nothing else, is expected.
  const logged = [];
  await eventually(() => {
    logged.push(...explorer.takeProblems());
    assert.ok(logged.length > 0, 'the refusal is logged');
  });
  assert.deepEqual(logged, ['console: Failed to load resource: the server responded with a status of 431 ()']);

  // A server with no such limit: the same page for the same address.
  const site = { '/': 'index.html', '/embed.html': 'embed.html' };
  await page.route((u) => u.search.length > 8000, async (route) => {
    const body = await (await fetch(explorer.url(site[new URL(route.request().url()).pathname]))).text();
    await route.fulfill({ contentType: 'text/html', body });
  });
  for (const path of ['', 'embed.html']) {
    await page.goto(explorer.url(`${path}${query}`));
    await ready(page);
    const shown = await page.evaluate(snapshot, null);
    const want = judge({ mode: null, p: zeros(LONG), q: '1,2', labels: ['x'.repeat(1000)], units: 'bits', duplicates: [] });
    assert.equal(want.valid, false);
    const state = checkShown(shown, want, { what: `${path || 'page'}: ${LONG} values`, url: path === '' });
    assert.match(shown.note, /P is too long/);
    await checkUsable(page, () => page.evaluate(snapshot, null), state, 'discrete', `${path || 'page'}: ${LONG} values`);
  }
  const half = zeros(LONG / 2);
  const continuous = `?mode=continuous&family=normal&p=${half}&q=1,2&bins=${'2'.repeat(LONG / 10)}`;
  await page.goto(explorer.url(continuous));
  await ready(page);
  const shown = await page.evaluate(snapshot, null);
  const want = judge({ mode: 'continuous', family: 'normal', p: half, q: '1,2', units: null, bins: '2'.repeat(LONG / 10), duplicates: [] });
  const state = checkShown(shown, want, { what: `continuous: ${LONG} values`, url: true });
  assert.match(shown.note, /P is too long.*bins must be|bins must be.*P is too long/);
  await checkUsable(page, () => page.evaluate(snapshot, null), state, 'continuous', `continuous: ${LONG} values`);

  if (SOAK) { // Over 2 MB Chromium does not navigate at all: the page on screen stays.
    const before = page.url();
    const over = await page.goto(explorer.url(`${query}${',0'.repeat(1e5)}`)).then(() => 'navigated', (e) => e.message);
    assert.match(over, /ERR_ABORTED|Invalid url/i, 'the browser refuses an address over 2 MB');
    assert.equal(page.url(), before, 'and stays where it was');
    assert.equal((await page.evaluate(snapshot, null)).pwned, false);
  }
  assert.deepEqual(stray.filter((u) => !u.includes('?p=0,0,0')), [], 'requests that nothing should have made');
});
