// The continuous mode embedded: <kl-explorer mode="continuous"> on a host
// page (numbers, events, attributes set by script, bad attributes, panels),
// the iframe embed, the page's "Share / embed" snippets, the layout at
// 360 px, and screenshots (desktop and phone, light and dark) in
// dist/screenshots/continuous-*.png for a person to look at.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { klDist } from '../../dist/infodiv.js';
import {
  useExplorer, LOAD_TIMEOUT, checkContinuous, dragCurveHandle, eventually, assertClose, screenshot, curveHandle, pairFamilies,
  BASES, DESKTOP, PHONE,
} from './harness.js';

const explorer = useExplorer();

async function hostPage(body, options) {
  const page = await explorer.open('embed.html', options);
  await page.setContent(`<!doctype html><html><head><meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <style>body { font: 18px/1.6 Georgia, serif; max-width: 760px; margin: 0 auto; padding: 12px; } button { background: hotpink; font-size: 30px; }</style>
    <script type="module" src="${explorer.url('kl-explorer.js')}"></script></head><body>${body}</body></html>`);
  return page;
}
const GAMMA = '<kl-explorer id="c" mode="continuous" family="gamma" p="2,1" q="3,2" units="bits" bins="20"></kl-explorer>';
const note = (page, id) => page.locator(`#${id}`).locator('.attribute-note');
const recordEvents = (page) => page.evaluate(() => {
  window.__events = [];
  for (const el of document.querySelectorAll('kl-explorer')) {
    for (const type of ['input', 'change']) el.addEventListener(type, (e) => window.__events.push({ id: el.id, type, detail: e.detail }));
  }
});
const events = (page) => page.evaluate(() => window.__events);

function checkDetail(detail, what) {
  assert.equal(detail.mode, 'continuous', `${what}: mode`);
  const [fp, fq] = pairFamilies(detail.family), base = BASES[detail.units];
  assertClose(detail.measures.klPQ, klDist({ family: fp, ...detail.p }, { family: fq, ...detail.q }, { base }), `${what}: detail.measures.klPQ`);
  assertClose(detail.measures.klQP, klDist({ family: fq, ...detail.q }, { family: fp, ...detail.p }, { base }), `${what}: detail.measures.klQP`);
}

test('<kl-explorer mode="continuous">: the attributes\' state, the library\'s numbers, events from a drag, element.value', async () => {
  const page = await hostPage(`${GAMMA}<p>Between the two.</p><kl-explorer id="d" p="80,20" q="50,50" units="bits"></kl-explorer>`);
  const c = page.locator('#c');
  const r = await checkContinuous(c, { url: false });
  assert.deepEqual(r.state, { family: 'gamma', p: { shape: 2, rate: 1 }, q: { shape: 3, rate: 2 }, units: 'bits' });
  assert.equal(await note(page, 'c').isVisible(), false, 'no attribute note');
  assert.equal(await c.locator('input[data-control="bins"]').inputValue(), '20');
  const binned = Number(await c.locator('[data-binned="klPQ"]').getAttribute('data-value'));
  assert.ok(binned > 0 && binned <= r.want.klPQ, `binned ${binned} ≤ ${r.want.klPQ}`);
  const discreteKl = () => page.locator('#d').locator('[data-measure="klPQ"]').textContent();
  assert.equal(await discreteKl(), '0.278', 'a discrete element beside it');

  await recordEvents(page);
  await dragCurveHandle(page, c, 'p', 'peak', 50);
  const got = await eventually(async () => {
    const all = await events(page);
    assert.equal(all.filter((e) => e.type === 'change').length, 1, 'one change event');
    return all;
  });
  assert.ok(got.every((e) => e.id === 'c'), 'events only from #c');
  assert.ok(got.filter((e) => e.type === 'input').length >= 2, 'input events while dragging');
  assert.equal(got.at(-1).type, 'change');
  got.forEach((e, n) => checkDetail(e.detail, `event ${n}`));
  const { detail } = got.at(-1);
  assert.equal(detail.p.shape, 2, 'the mean handle of a gamma keeps the shape');
  assert.ok(detail.p.rate < 1, `and lowers the rate (mean moved right): ${detail.p.rate}`);
  assert.deepEqual([detail.family, detail.q, detail.units, detail.bins], ['gamma', { shape: 3, rate: 2 }, 'bits', 20]);
  assert.deepEqual(await c.evaluate((e) => e.value), detail, 'element.value');
  await checkContinuous(c, { url: false });
  assert.equal(await discreteKl(), '0.278', 'the discrete element is untouched');
});

test('<kl-explorer mode="continuous">: attributes set by script update it without events; mode switches explorers', async () => {
  const page = await hostPage(GAMMA);
  const c = page.locator('#c');
  await checkContinuous(c, { url: false });
  await recordEvents(page);
  const set = (attrs) => c.evaluate((e, a) => { for (const [k, v] of Object.entries(a)) e.setAttribute(k, v); }, attrs);

  await set({ family: 'beta', p: '2,5', q: '3,3' });
  await eventually(async () => assert.deepEqual((await checkContinuous(c, { url: false })).state.p, { alpha: 2, beta: 5 }));
  await set({ units: 'hartleys' });
  await eventually(async () => assert.equal((await checkContinuous(c, { url: false })).state.units, 'hartleys'));
  await set({ controls: 'curves numbers' });
  await eventually(async () => {
    const shown = await c.evaluate((e) => [...e.shadowRoot.querySelectorAll('[data-panel]')].filter((p) => p.checkVisibility()).map((p) => p.dataset.panel));
    assert.deepEqual(shown, ['curves', 'numbers']);
  });
  await set({ mode: 'discrete', p: '1,1', q: '1,3' });
  await eventually(async () => assert.equal(await c.locator('[data-measure="js"]').count(), 1, 'the discrete explorer'));
  await set({ mode: 'continuous', p: '2,5', controls: 'all' });
  await eventually(async () => assert.deepEqual((await checkContinuous(c, { url: false })).state.p, { alpha: 2, beta: 5 }));
  await page.waitForTimeout(100);
  assert.deepEqual(await events(page), [], 'no events for attribute changes');

  // A reader's change afterwards fires one change event.
  await curveHandle(c, 'q', 'peak').focus();
  await page.keyboard.press('ArrowLeft');
  await eventually(async () => assert.deepEqual((await events(page)).map((e) => e.type), ['change']));
  checkDetail((await events(page))[0].detail, 'after ArrowLeft');
});

test('<kl-explorer mode="continuous">: bad attributes give a note naming each problem, and a working default', async () => {
  const page = await hostPage('<kl-explorer id="bad" mode="continuous" family="gauss" p="abc" units="parsecs" bins="500" controls="curves,sparkles" height="tall"></kl-explorer>'
    + '<kl-explorer id="evil" mode="continuous" family="normal" p="<img src=x onerror=window.__pwned=1>" q="1,2"></kl-explorer>');
  const bad = page.locator('#bad');
  const r = await checkContinuous(bad, { url: false });
  assert.deepEqual(r.state, { family: 'normal', p: { mu: 0, sigma: 1 }, q: { mu: 1, sigma: 2 }, units: 'nats' });
  const text = await note(page, 'bad').textContent();
  assert.equal(await note(page, 'bad').isVisible(), true);
  for (const word of [/family/, /units/, /bins/, /sparkles/, /height/]) assert.match(text, word, `note: ${text}`);
  assert.equal(await bad.locator('input[data-control="bins-on"]').isChecked(), false);

  const evil = page.locator('#evil');
  await checkContinuous(evil, { url: false });
  assert.match(await note(page, 'evil').textContent(), /P needs 2 numbers|not a number/);
  await page.waitForTimeout(200);
  assert.equal(await page.evaluate(() => window.__pwned), undefined, 'injected code ran');
  assert.equal(await evil.evaluate((e) => e.shadowRoot.querySelectorAll('img').length), 0, 'an <img> was created');
  const before = await bad.locator('[data-measure="klPQ"]').getAttribute('data-value');
  await dragCurveHandle(page, bad, 'q', 'shoulder', -40);
  await eventually(async () => assert.notEqual(await bad.locator('[data-measure="klPQ"]').getAttribute('data-value'), before, 'a drag changes KL'));
});

test('continuous iframe embed and Share / embed: the link, the element and the iframe show the same KL', async () => {
  const page = await explorer.open('?mode=continuous&family=uniform&p=0,1&q=-0.5,2&bins=30&units=bits');
  await dragCurveHandle(page, page, 'q', 'peak', 12); // numbers that are not round
  const want = await checkContinuous(page);
  const kl = want.shown.klPQ;
  await page.locator('[data-role="share"] summary').click();
  const field = (key) => page.locator(`[data-share="${key}"]`).inputValue();
  await eventually(async () => assert.equal(new URL(await field('link')).search, new URL(page.url()).search));
  const link = new URL(await field('link'));
  const linked = await explorer.open(link.pathname.slice(1) + link.search);
  assert.deepEqual((await checkContinuous(linked)).shown.klPQ, kl, 'KL at the link');

  const tag = await field('tag');
  assert.match(tag, /^<script type="module" src="[^"]+\/kl-explorer\.js"><\/script>\n<kl-explorer mode="continuous" family="uniform" p="[^"]+" q="[^"]+" units="bits" bins="30"><\/kl-explorer>$/);
  const tagged = await explorer.open('embed.html');
  await tagged.setContent(`<!doctype html><html><head><meta charset="utf-8"></head><body>${tag}</body></html>`);
  await eventually(async () => assert.deepEqual((await checkContinuous(tagged.locator('kl-explorer'), { url: false })).shown.klPQ, kl), LOAD_TIMEOUT);

  const iframe = await field('iframe');
  const src = /src="([^"]+)"/.exec(iframe)[1].replace(/&amp;/g, '&');
  const framed = await explorer.open(new URL(src).pathname.slice(1) + new URL(src).search);
  assert.deepEqual((await checkContinuous(framed, { url: false })).shown.klPQ, kl, 'KL in embed.html');
  assert.equal(await framed.locator('[data-role="url-note"]').isVisible(), false);
});

test('at 360 px the continuous page and an element in a narrow column fit without overflowing', async () => {
  const page = await explorer.open('?mode=continuous&bins=10', { device: PHONE });
  await page.waitForTimeout(500);
  const fit = () => page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    return {
      scroll: document.documentElement.scrollWidth, width,
      wide: [...document.querySelectorAll('body *')].filter((e) => e.checkVisibility() && e.getBoundingClientRect().right > width + 1)
        .slice(0, 5).map((e) => `${e.tagName}.${e.className} ${Math.round(e.getBoundingClientRect().right)}`),
      overflowing: [...document.querySelectorAll('.panel')].filter((p) => p.checkVisibility() && p.scrollWidth > p.clientWidth + 1)
        .map((p) => `${p.dataset.panel} ${p.scrollWidth}>${p.clientWidth}`),
    };
  });
  let m = await fit();
  assert.ok(m.scroll <= 360, `the page is ${m.scroll} px wide: ${m.wide}`);
  assert.deepEqual(m.wide, []);
  assert.deepEqual(m.overflowing, [], 'panels wider than their box');
  const kl = await page.locator('[data-measure="klQP"]').boundingBox();
  assert.ok(kl.x + kl.width <= 360, 'KL(Q‖P) is on screen');
  for (const family of ['beta', 'normal-laplace', 'uniform']) {
    await page.locator('select[data-control="family"]').selectOption(family);
    await checkContinuous(page);
    m = await fit();
    assert.ok(m.scroll <= 360 && m.overflowing.length === 0, `${family}: ${JSON.stringify(m)}`);
  }

  const host = await hostPage(`<div style="max-width: 336px">${GAMMA}</div>`, { device: PHONE });
  await checkContinuous(host.locator('#c'), { url: false });
  const inner = await host.locator('#c').evaluate((e) => {
    const root = e.shadowRoot.querySelector('.infodiv-explorer');
    return { scroll: root.scrollWidth, client: root.clientWidth, page: document.documentElement.scrollWidth };
  });
  assert.ok(inner.scroll <= inner.client + 1 && inner.page <= 360, `element: ${JSON.stringify(inner)}`);
});

const SHOTS = {
  default: '?mode=continuous',
  mismatch: '?mode=continuous&family=uniform&p=0,1&q=0.2,0.8&bins=40&units=bits',
  beta: '?mode=continuous&family=beta&p=0.5,0.8&q=2,3&bins=12',
};
for (const [deviceName, device] of Object.entries({ desktop: DESKTOP, phone: PHONE })) {
  for (const dark of [false, true]) {
    test(`continuous screenshots: ${deviceName}, ${dark ? 'dark' : 'light'}`, async () => {
      for (const [view, query] of Object.entries(SHOTS)) {
        if (dark && view !== 'default') continue;
        const page = await explorer.open(query, { device, dark });
        const r = await checkContinuous(page, { url: false });
        if (view === 'mismatch') {
          assert.equal(r.shown.klPQ.text, '∞');
          assert.equal(await page.locator('[data-role="infinity-note"]').isVisible(), true);
        }
        await page.waitForTimeout(1000); // chart animations
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        await screenshot(page, `continuous-${deviceName}-${dark ? 'dark' : 'light'}-${view}`);
        assert.ok(width <= device.viewport.width, `${view}: the page is ${width} px wide in a ${device.viewport.width} px viewport`);
      }
    });
  }
}
