// How the explorer reads untrusted input (web/explorer/input.js and the
// registry, web/explorer/views/index.js): the page's address, the embed's
// and <kl-explorer>'s attributes share one parser for mode, controls, units
// and height, so a bad value is reported the same way everywhere. Each
// view's state survives its own query string, and its share snippets escape
// what they quote.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseNumber, problemNote, readControls, readHeight, readUnits, repeatedParams } from '../../web/explorer/input.js';
import { ATTRIBUTES, VIEWS, fromAttributes, fromQuery, readMode } from '../../web/explorer/views/index.js';

const ALL = ['a', 'b', 'c'];
const element = (attributes) => ({ getAttribute: (name) => attributes[name] ?? null });

test('readControls: none, empty or "all" is every panel; known names pick panels; an unknown name is reported', () => {
  for (const text of [null, undefined, '', '  ', 'all', ' all ']) {
    const problems = [];
    assert.deepEqual(readControls(text, ALL, problems), ALL, JSON.stringify(text));
    assert.deepEqual(problems, []);
  }
  const problems = [];
  assert.deepEqual(readControls('c, a', ALL, problems), ['c', 'a']);
  assert.deepEqual(readControls('a b\tc', ALL, problems), ALL);
  assert.deepEqual(problems, []);
  assert.deepEqual(readControls('a,sparkles', ALL, problems), ALL, 'an unknown name: every panel');
  assert.deepEqual(problems, ['controls may list a, b, c (not sparkles)']);
});

test('readUnits, readHeight, parseNumber: the shared attributes', () => {
  const problems = [];
  assert.deepEqual([readUnits(null, problems), readUnits('bits', problems), readUnits('hartleys', problems)], ['nats', 'bits', 'hartleys']);
  assert.deepEqual(problems, []);
  assert.equal(readUnits('parsecs', problems), 'nats');
  assert.equal(readUnits('Bits', problems), 'nats', 'names are exact');
  assert.deepEqual(problems, ['the units were not nats, bits or hartleys', 'the units were not nats, bits or hartleys']);

  const heights = [];
  assert.deepEqual([null, '300', ' 120px ', '2000'].map((h) => readHeight(h, heights)), [null, '300px', '120px', '2000px']);
  assert.deepEqual(heights, []);
  assert.deepEqual(['119', '2001', 'tall', '3e2', ''].map((h) => readHeight(h, heights)), [null, null, null, null, null]);
  assert.equal(heights.length, 5);

  assert.deepEqual(['0.5', ' 1e-3 ', '-2', '+4'].map(parseNumber), [0.5, 1e-3, -2, 4]);
  assert.ok(['', 'Infinity', '0x10', 'NaN', '1,2', '½'].map(parseNumber).every(Number.isNaN));
});

test('problemNote and repeatedParams: one note naming every problem', () => {
  assert.equal(problemNote('This link', []), '');
  assert.equal(problemNote('kl-explorer', ['x is bad', 'y is worse']),
    'kl-explorer: x is bad; y is worse. The default is shown for what could not be used.');
  assert.deepEqual(repeatedParams(new URLSearchParams('p=1&p=2&q=3'), ['p', 'q']), ['p was given more than once (the first is used)']);
});

test('readMode: discrete by default, any case and spacing, else discrete with a problem', () => {
  assert.deepEqual(readMode(null), ['discrete']);
  assert.deepEqual(readMode(' '), ['discrete']);
  assert.deepEqual(readMode(' Continuous '), ['continuous']);
  assert.deepEqual(readMode('fluid'), ['discrete', 'the mode must be discrete, continuous, code or evidence']);
  assert.deepEqual(readMode('fluid', 'view'), ['discrete', 'the view must be discrete, continuous, code or evidence']);
});

test('the registry: every view declares what the adapters use, and <kl-explorer> observes every attribute', () => {
  for (const [mode, view] of Object.entries(VIEWS)) {
    assert.equal(view.mode, mode);
    for (const key of ['fromQuery', 'toQuery', 'fromAttributes', 'shareSnippets', 'detail', 'mount']) {
      assert.equal(typeof view[key], 'function', `${mode}.${key}`);
    }
    assert.ok(view.panels.length > 0 && view.attributes.length > 0);
  }
  assert.deepEqual([...ATTRIBUTES].sort(), ['bins', 'controls', 'family', 'height', 'labels', 'mode', 'n', 'p', 'q', 'runs', 'seed', 'speed', 'theme', 'truth', 'units', 'view']);
});

test('fromQuery: the page ignores controls; the embed reports unknown ones as the element does', () => {
  const query = '?mode=continuous&family=gamma&p=2,1&q=3,2&controls=curves,sparkles';
  const page = fromQuery(query);
  assert.equal(page.view, VIEWS.continuous);
  assert.deepEqual(page.problems, []);
  assert.deepEqual(page.panels, VIEWS.continuous.panels);
  const embed = fromQuery(query, { controls: true });
  assert.deepEqual(embed.panels, VIEWS.continuous.panels, 'every panel, as <kl-explorer> shows');
  const fromElement = fromAttributes(element({ mode: 'continuous', family: 'gamma', p: '2,1', q: '3,2', controls: 'curves,sparkles' }));
  assert.deepEqual(embed.problems, fromElement.problems, 'the same words from the embed and from the element');
  assert.match(embed.problems[0], /sparkles/);
  assert.deepEqual(fromQuery('?controls=bars,numbers', { controls: true }).panels, ['bars', 'numbers']);
});

test('fromQuery and fromAttributes: the mode problem first, then the state\'s, then controls and height', () => {
  const { problems, view, state } = fromAttributes(element({ mode: 'fluid', units: 'parsecs', controls: 'x', height: 'tall' }));
  assert.equal(view, VIEWS.discrete);
  assert.equal(state.units, 'nats');
  assert.equal(problems.length, 4);
  assert.deepEqual(problems.map((p) => /mode|units|controls|height/.exec(p)[0]), ['mode', 'units', 'controls', 'height']);
  const url = fromQuery('?mode=fluid&p=1,2&p=3,4');
  assert.match(url.problems[0], /mode/);
  assert.match(url.problems.at(-1), /p was given more than once/);
});

test('theme: light, dark or auto (case and spaces aside) from the address and the attribute; else auto and a problem', () => {
  for (const [text, want] of [[null, 'auto'], ['', 'auto'], ['light', 'light'], [' Dark ', 'dark'], ['auto', 'auto']]) {
    const attribute = fromAttributes(element(text === null ? {} : { theme: text }));
    assert.deepEqual([attribute.theme, attribute.problems], [want, []], `theme=${JSON.stringify(text)}`);
    if (text !== null) assert.equal(fromQuery(`?theme=${encodeURIComponent(text)}`).theme, want);
  }
  for (const text of ['sepia', 'light dark', 'true']) {
    const attribute = fromAttributes(element({ theme: text })), url = fromQuery(`?mode=continuous&theme=${encodeURIComponent(text)}`);
    assert.equal(attribute.theme, 'auto');
    assert.deepEqual(attribute.problems, ['the theme must be light, dark or auto']);
    assert.deepEqual([url.theme, url.problems], ['auto', attribute.problems], 'the same words from the address');
  }
});

test('each view\'s state survives its own query string, and the element reads the same state', () => {
  const discrete = fromQuery('?p=0.6,0.3,0.1&q=0.5,0.4,0.1&label=rain&label=sun%2C%20mostly&label=%3Cb%3E&units=bits').state;
  assert.deepEqual(discrete.labels, ['rain', 'sun, mostly', '<b>']);
  assert.deepEqual(fromQuery(VIEWS.discrete.toQuery(discrete)).state, discrete);
  const continuous = fromQuery('?mode=continuous&family=beta&p=0.5,0.8&q=2,3&units=hartleys&bins=12').state;
  assert.deepEqual(continuous, { family: 'beta', p: { alpha: 0.5, beta: 0.8 }, q: { alpha: 2, beta: 3 }, units: 'hartleys', bins: 12 });
  assert.deepEqual(fromQuery(VIEWS.continuous.toQuery(continuous)).state, continuous);
  const fromElement = fromAttributes(element({ mode: 'continuous', family: 'beta', p: '0.5,0.8', q: '2,3', units: 'hartleys', bins: '12' }));
  assert.deepEqual(fromElement.state, continuous);
});

test('share snippets: the link loads the same state; quoted text is escaped', () => {
  const base = 'https://example.org/kl/';
  const state = fromQuery('?p=1,3&q=1,1&label=%22quoted%22&label=a%26b').state;
  const { link, tag, iframe } = VIEWS.discrete.shareSnippets(state, base);
  assert.deepEqual(fromQuery(new URL(link).search).state, state);
  assert.match(tag, /labels="&quot;quoted&quot;,a&amp;b"/);
  assert.match(tag, /^<script type="module" src="https:\/\/example\.org\/kl\/kl-explorer\.js"><\/script>\n<kl-explorer /);
  assert.match(iframe, /src="https:\/\/example\.org\/kl\/embed\.html\?p=0\.25,0\.75&amp;q=0\.5,0\.5&amp;/);
  const gamma = fromQuery('?mode=continuous&family=gamma&p=2,1&q=3,2&bins=20').state;
  const snippets = VIEWS.continuous.shareSnippets(gamma, base);
  assert.equal(snippets.link, `${base}?mode=continuous&family=gamma&p=2,1&q=3,2&units=nats&bins=20`);
  assert.match(snippets.tag, /<kl-explorer mode="continuous" family="gamma" p="2,1" q="3,2" units="nats" bins="20"><\/kl-explorer>$/);
});
