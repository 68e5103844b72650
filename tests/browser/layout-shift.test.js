// Layout shift while the explorer starts: every page that shows it (the page
// in both modes, the iframe embed in both modes, the example blog post with
// its <kl-explorer> elements), at 1280 px and at a 390 px phone, must keep its
// cumulative layout shift below 0.1 (web.dev's "good"). The shifts are summed
// by a PerformanceObserver that an init script starts before the page's own
// scripts (buffered, so nothing before it is missed), read once the page has
// settled. CLS leaves out shifts right after input; these tests give none, but
// Chromium's mobile emulation marks the start-up shifts hadRecentInput all the
// same, so every shift counts here (stricter than CLS, and the same on both).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useExplorer, DESKTOP } from './harness.js';
import { PAGES, PHONE_390, allReady } from './look.js';

const explorer = useExplorer();
const GOOD_CLS = 0.1;

// Runs in every frame before its scripts: records every layout shift, with what moved.
function watchShifts() {
  window.__shifts = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      const sources = (entry.sources ?? []).map((s) => {
        const n = s.node;
        const name = n ? `${n.nodeName.toLowerCase()}${n.className && typeof n.className === 'string' ? `.${n.className.split(' ').join('.')}` : ''}` : '?';
        return `${name} ${Math.round(s.previousRect.y)}→${Math.round(s.currentRect.y)} (h ${Math.round(s.previousRect.height)}→${Math.round(s.currentRect.height)})`;
      });
      window.__shifts.push({ value: entry.value, at: Math.round(entry.startTime), sources });
    }
  }).observe({ type: 'layout-shift', buffered: true });
}

/** The layout shifts of the top frame from navigation until the page settles: { total, shifts }. */
async function layoutShift(page, path) {
  await page.addInitScript(watchShifts);
  // A mid-range phone's CPU: the browser paints before the scripts have run, as readers see it.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await page.goto(explorer.url(path));
  await allReady(page);
  await page.waitForTimeout(1500); // chart animations, resize observers, the iframe's height message
  const shifts = await page.evaluate(() => window.__shifts);
  return { total: shifts.reduce((s, e) => s + e.value, 0), shifts };
}

for (const [deviceName, device] of Object.entries({ 1280: DESKTOP, 390: PHONE_390 })) {
  for (const [name, path] of Object.entries(PAGES)) {
    test(`layout shift below ${GOOD_CLS}: ${name}, ${deviceName} px`, async (t) => {
      const page = await explorer.newPage({ device, fresh: true }); // a first visit: nothing cached
      const { total, shifts } = await layoutShift(page, path);
      t.diagnostic(`CLS ${total.toFixed(4)}${shifts.length ? `: ${JSON.stringify(shifts)}` : ""}`);
      assert.ok(total < GOOD_CLS, `CLS ${total.toFixed(3)}; shifts: ${JSON.stringify(shifts, null, 1)}`);
    });
  }
}
