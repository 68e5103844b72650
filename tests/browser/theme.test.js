// The explorer's theme: `theme="light" | "dark" | "auto"` on <kl-explorer>
// and `theme=` in the address of the page and the embed, against the
// reader's system setting; the custom properties a host page sets (colours of
// P and Q, font, background, text); and the contrast of P's and Q's colours.
// What a reader sees is read where it is drawn: the computed colours of the
// explorer's box and text, and the pixels of a P bar on the chart's canvas.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useExplorer, eventually, ready } from './harness.js';
import { allReady } from './look.js';

const explorer = useExplorer();

// The themes' colours (explorer.css): P, Q, background, text.
const LIGHT = { p: [0, 114, 178], bg: [250, 249, 246], text: [28, 28, 33] };
const DARK = { p: [86, 180, 233], bg: [20, 21, 25], text: [236, 236, 241] };

const rgb = (css) => css.match(/[\d.]+/g).slice(0, 3).map(Number);

/**
 * What the explorer under `root` (a page, or a locator of a <kl-explorer>) shows:
 * its box's background and text colour, font, and the pixels of P on the canvas: the middle of the
 * first bar, or the opaque pixels of the line around the peak.
 */
function looks(root) {
  return root.locator('.infodiv-explorer').first().evaluate((box) => {
    const css = getComputedStyle(box);
    const canvas = box.querySelector('canvas[data-chart="bars"], canvas[data-chart="curves"]');
    const handle = box.querySelector('[role="slider"][data-dist="p"]');
    const c = canvas.getBoundingClientRect(), h = handle.getBoundingClientRect();
    const scale = canvas.width / c.width, ctx = canvas.getContext('2d');
    const at = (x, y) => [...ctx.getImageData(Math.round((x - c.left) * scale), Math.round((y - c.top) * scale), 1, 1).data];
    let pixels;
    if (canvas.dataset.chart === 'bars') { // the middle of the bar
      const v = Number(handle.getAttribute('aria-valuenow'));
      pixels = [at(h.left + h.width / 2, h.bottom - (v * h.height) / 2)];
    } else { // the peak handle's centre is on P's line: the opaque pixels just around it
      const x = h.left + h.width / 2, y = h.top + h.height / 2;
      pixels = Array.from({ length: 11 }, (_, k) => at(x, y - 5 + k)).filter((px) => px[3] === 255);
    }
    return { background: css.backgroundColor, color: css.color, font: css.fontFamily, pixels: pixels.map((px) => px.slice(0, 3)) };
  });
}

const near = (got, want, what, tol = 3) => assert.ok(got.every((v, i) => Math.abs(v - want[i]) <= tol), `${what}: got rgb(${got}), want rgb(${want})`);

/** The explorer shows `theme`'s colours: box, text and a P bar (eventually: charts are recreated). */
const shows = (root, theme, what) => eventually(async () => {
  const l = await looks(root);
  near(rgb(l.background), theme.bg, `${what}: background`);
  near(rgb(l.color), theme.text, `${what}: text`);
  const close = (px) => px.every((v, i) => Math.abs(v - theme.p[i]) <= 3);
  assert.ok(l.pixels.some(close), `${what}: P on the canvas: got ${JSON.stringify(l.pixels)}, want rgb(${theme.p})`);
  return l;
}, 5000);

/** A page of the site's origin with `body` as its content, the element script loaded; waits for every element. */
async function hostPage(body, { dark = false, head = '' } = {}) {
  const page = await explorer.newPage({ dark });
  await page.goto(explorer.url('embed.html'));
  await ready(page);
  await page.setContent(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>host</title>${head}
    <script type="module" src="/kl-explorer.js"></script></head><body><main>${body}</main></body></html>`);
  await allReady(page);
  return page;
}

test('kl-explorer theme: dark and light against the system, auto following it, changed by script', async () => {
  const light = await hostPage('<kl-explorer id="a" theme="dark"></kl-explorer><kl-explorer id="b"></kl-explorer><kl-explorer id="c" theme="auto"></kl-explorer>');
  await shows(light.locator('#a'), DARK, 'theme="dark" on a light system');
  await shows(light.locator('#b'), LIGHT, 'no theme on a light system');
  await shows(light.locator('#c'), LIGHT, 'theme="auto" on a light system');
  await light.locator('#a').evaluate((e) => e.setAttribute('theme', 'light'));
  await shows(light.locator('#a'), LIGHT, 'theme changed to "light" by script');
  await light.locator('#b').evaluate((e) => e.setAttribute('theme', 'dark'));
  await shows(light.locator('#b'), DARK, 'theme set to "dark" by script');

  const dark = await hostPage('<kl-explorer id="a" theme="light"></kl-explorer><kl-explorer id="b" mode="continuous"></kl-explorer>', { dark: true });
  await shows(dark.locator('#a'), LIGHT, 'theme="light" on a dark system');
  await shows(dark.locator('#b'), DARK, 'no theme on a dark system (continuous)');
  await dark.locator('#b').evaluate((e) => e.setAttribute('theme', 'light'));
  await shows(dark.locator('#b'), LIGHT, 'continuous, theme changed to "light"');
});

test('kl-explorer theme: a bad value gets the note of bad attributes, and the system\'s theme', async () => {
  const page = await hostPage('<kl-explorer id="a" theme="purple"></kl-explorer>', { dark: true });
  const note = page.locator('#a').locator('.attribute-note');
  await eventually(async () => assert.match(await note.textContent(), /^kl-explorer: the theme must be light, dark or auto\. The default/));
  await shows(page.locator('#a'), DARK, 'theme="purple" on a dark system');
});

test('kl-explorer: the host page\'s custom properties set the colours of P and Q, the font, background and text', async () => {
  const head = `<style>
    .mine { --kl-p: rgb(200, 30, 90); --kl-q: rgb(20, 120, 40); --kl-font: "Courier New", monospace;
      --kl-bg: rgb(240, 250, 255); --kl-text: rgb(10, 20, 60); }
  </style>`;
  const page = await hostPage('<kl-explorer id="a" class="mine"></kl-explorer><kl-explorer id="b" class="mine" mode="continuous"></kl-explorer><kl-explorer id="c"></kl-explorer>', { head });
  const mine = { p: [200, 30, 90], bg: [240, 250, 255], text: [10, 20, 60] };
  for (const id of ['a', 'b']) {
    const l = await shows(page.locator(`#${id}`), mine, `#${id} with the host's properties`);
    assert.match(l.font, /^"Courier New", monospace$/, `#${id}: font`);
  }
  const qName = await page.locator('#b').locator('.q-name').first().evaluate((e) => getComputedStyle(e).color);
  assert.deepEqual(rgb(qName), [20, 120, 40], 'the name Q in the host\'s colour of Q');
  await shows(page.locator('#c'), LIGHT, 'an element without them');
});

test('the page and the embed: theme= in the address, kept in it, a bad one noted', async () => {
  for (const path of ['?theme=dark', '?mode=continuous&theme=dark', 'embed.html?theme=dark', 'embed.html?mode=continuous&theme=dark']) {
    const page = await explorer.open(path);
    await shows(page, DARK, `${path} on a light system`);
    near(rgb(await page.evaluate(() => getComputedStyle(document.body).color)), DARK.text, `${path}: the page's text`);
  }
  for (const path of ['?theme=light', 'embed.html?mode=continuous&theme=light']) await shows(await explorer.open(path, { dark: true }), LIGHT, `${path} on a dark system`);

  const page = await explorer.open('?theme=dark&units=bits');
  await page.locator('input[name="units"][value="nats"]').check();
  await eventually(async () => assert.match(page.url(), /[?&]theme=dark(&|$)/, 'the theme stays in the address'));
  const bad = await explorer.open('?theme=sepia', { dark: true });
  assert.match(await bad.locator('[data-role="url-note"]').textContent(), /the theme must be light, dark or auto/);
  await shows(bad, DARK, 'a bad theme: the system\'s');
});

test('before its script runs the page shows only its mode\'s text, in its theme, with the explorer\'s room kept', async () => {
  const page = await explorer.newPage();
  await page.route(/\/assets\/main-.*\.js$/, (route) => route.abort());
  await page.goto(explorer.url('?mode=continuous&theme=dark'));
  const seen = await page.evaluate(() => ({
    shown: [...document.querySelectorAll('[data-only-mode]')].filter((e) => e.checkVisibility()).map((e) => e.dataset.onlyMode),
    background: getComputedStyle(document.documentElement).backgroundColor,
    room: document.querySelector('[data-explorer]').getBoundingClientRect().height,
  }));
  explorer.takeProblems(); // the blocked script is reported as a failed load
  assert.deepEqual([...new Set(seen.shown)], ['continuous']);
  near(rgb(seen.background), DARK.bg, 'the page\'s background');
  assert.ok(seen.room > 900, `the explorer's room: ${seen.room} px`);
});

// WCAG's relative luminance and contrast ratio.
const luminance = (c) => {
  const [r, g, b] = c.map((v) => v / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
};
const contrast = (a, b) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
};

test('P and Q (their names are text) stand 4.5:1 against the panels and the background, in both themes', async () => {
  for (const dark of [false, true]) {
    const page = await explorer.open('', { dark });
    const colours = await page.locator('.infodiv-explorer').evaluate((box) => {
      const probe = document.createElement('span');
      box.append(probe);
      const read = (v) => { probe.style.color = `var(${v})`; return getComputedStyle(probe).color; };
      const out = Object.fromEntries(['--p', '--q', '--surface', '--bg', '--text', '--muted', '--alert', '--accent'].map((v) => [v, read(v)]));
      probe.remove();
      return out;
    });
    for (const fg of ['--p', '--q', '--text', '--muted', '--alert', '--accent']) {
      for (const bg of ['--surface', '--bg']) {
        const ratio = contrast(rgb(colours[fg]), rgb(colours[bg]));
        assert.ok(ratio >= 4.5, `${dark ? 'dark' : 'light'}: ${fg} ${colours[fg]} on ${bg} ${colours[bg]} is ${ratio.toFixed(2)}:1`);
      }
    }
  }
});
