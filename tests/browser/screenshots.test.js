// Screenshots for a person to look at, in dist/screenshots/: desktop
// (1280×900) and phone (360×800, touch), light and dark, for the default view
// and for a view with KL(P‖Q) = ∞. Also checks the phone layout fits its width.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useExplorer, checkMeasures, screenshot, DESKTOP, PHONE } from './harness.js';

const explorer = useExplorer();
const VIEWS = {
  default: '',
  infinity: '?p=0.5,0.3,0.2&q=0.5,0.5,0&label=sunny&label=cloudy&label=snow&units=bits',
};

for (const [deviceName, device] of Object.entries({ desktop: DESKTOP, phone: PHONE })) {
  for (const dark of [false, true]) {
    const scheme = dark ? 'dark' : 'light';
    test(`screenshots: ${deviceName}, ${scheme}`, async () => {
      for (const [view, query] of Object.entries(VIEWS)) {
        const page = await explorer.open(query, { device, dark });
        if (view === 'infinity') {
          const { shown } = await checkMeasures(page);
          assert.equal(shown.measures.klPQ.text, '∞');
          assert.equal(await page.locator('[data-role="infinity-note"]').isVisible(), true);
        }
        await page.waitForTimeout(1000); // chart animations
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        await screenshot(page, `${deviceName}-${scheme}-${view}`);
        assert.ok(width <= device.viewport.width, `${view}: the page is ${width} px wide in a ${device.viewport.width} px viewport`);
      }
    });
  }
}
