// Changing the distributions by hand: dragging bars with a mouse or a finger,
// the keyboard on a focused bar, typing values, locks, dragging a Q bar to 0
// (infinite KL), and the live region that announces the result.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  useExplorer, checkMeasures, readState, eventually, sum, assertClose, format3, handle, valueInput, lockBox,
  labelInput, barGeometry, dragBar, THREE, PHONE, TOUCH_HOLD, watchTextOutsideHeld,
} from './harness.js';

const explorer = useExplorer();
const ariaValue = async (page, dist, i) => Number(await handle(page, dist, i).getAttribute('aria-valuenow'));

/**
 * After bar i of dist moved from the state `before` to about `target` (within
 * `slack`): the measures are the library's, the distribution sums to 1, the
 * other unlocked bars kept their proportions, locked ones and the other
 * distribution did not change, and aria-valuenow follows. Returns the new values.
 */
async function checkMove(page, dist, i, before, target, slack, locked = []) {
  return eventually(async () => {
    const { state } = await checkMeasures(page);
    const now = state[dist], was = before[dist], other = dist === 'p' ? 'q' : 'p';
    assert.ok(Math.abs(now[i] - target) <= slack + 1e-12,
      `${dist}[${i}] = ${now[i]}, want ${target} within ${slack}`);
    assertClose(sum(now), 1, `sum of ${dist}`);
    assert.deepEqual(state[other], before[other], `${other} unchanged`);
    const free = now.map((_, j) => j).filter((j) => j !== i && !locked.includes(j));
    const freeWas = sum(free.map((j) => was[j])), freeNow = sum(free.map((j) => now[j]));
    for (const j of locked) assert.equal(now[j], was[j], `locked ${dist}[${j}] unchanged`);
    for (const j of freeWas > 0 && freeNow > 0 ? free : []) {
      assertClose(now[j] / freeNow, was[j] / freeWas, `${dist}[${j}] rescaled in proportion`, 1e-9);
    }
    assert.ok(Math.abs((await ariaValue(page, dist, i)) - now[i]) <= 0.005, `aria-valuenow of ${dist}[${i}]`);
    return now;
  });
}

test('mouse: dragging a P bar puts its top under the pointer; the others make room and the measures follow', async () => {
  const page = await explorer.open();
  const { target, pixel } = await dragBar(page, 'p', 1, 60);
  assert.ok(target > 0.3 + 30 * pixel, 'the drag moved the pointer up');
  const p = await checkMove(page, 'p', 1, THREE, target, pixel);
  // And down again, by 100 px, from the new top.
  const before = { p, q: THREE.q };
  const down = await dragBar(page, 'p', 1, -100, { steps: 10 });
  await checkMove(page, 'p', 1, before, down.target, down.pixel);
});

// While a drag goes on, the table, the text fields and the page's prose follow in turns (shell/turns.js):
// a bar held still after its last move must still bring them to what its handle and the measures show.
test('a bar held after a drag: the table, the text fields and the prose catch up before the release', async () => {
  const page = await explorer.open();
  const outside = await watchTextOutsideHeld(page);
  await dragBar(page, 'p', 1, 80, {
    steps: 16,
    during: () => eventually(async () => {
      assert.deepEqual(await outside(), [], 'every text a move changed is in a box held at its size');
      const shown = await page.evaluate(() => ({
        handle: Number(document.querySelector('[role="slider"][data-dist="p"][data-index="1"]').getAttribute('aria-valuenow')),
        cell: Number(document.querySelector('input[data-field="value"][data-dist="p"][data-index="1"]').value),
        text: Number(document.querySelector('input[data-field="dist-text"][data-dist="p"]').value.split(',')[1]),
        measure: document.querySelector('[data-measure="klPQ"]').textContent,
        prose: [...document.querySelectorAll('[data-live="klPQ"]')].map((el) => el.textContent),
        held: document.querySelector('[data-freeze]').style.contain !== '',
      }));
      assert.ok(shown.held, 'still dragging: the boxes are held');
      assert.ok(shown.handle > 0.45, `the bar moved up (${shown.handle})`);
      assert.ok(Math.abs(shown.cell - shown.handle) <= 0.0006, `the table shows ${shown.cell}, the handle ${shown.handle}`);
      assert.ok(Math.abs(shown.text - shown.handle) <= 0.0006, `the text field shows ${shown.text}, the handle ${shown.handle}`);
      for (const text of shown.prose) assert.equal(text, shown.measure, 'the prose shows the measure');
    }),
  });
});

// A finger must hold a bar still before dragging it (a swipe scrolls the page: touch.test.js).
test('touch: a press-and-hold then drag on a phone moves the bar and does not scroll the page', async () => {
  const page = await explorer.open('', { device: PHONE });
  const g = await barGeometry(page, 'p', 2);
  const scrollAtStart = await page.evaluate(() => window.scrollY);
  const { target, pixel } = await dragBar(page, 'p', 2, 60, { touch: true, hold: TOUCH_HOLD, steps: 8 });
  assert.ok(g.box.width >= 20, `the bar handle is wide enough to touch (${g.box.width} px)`);
  await checkMove(page, 'p', 2, THREE, target, pixel);
  assert.equal(await page.evaluate(() => window.scrollY), scrollAtStart, 'the drag did not scroll the page');
});

test('keyboard: arrows, Page keys, Shift, Home, End and "l" on a focused bar', async () => {
  const page = await explorer.open();
  // The bars are reachable with Tab.
  let focused = null;
  for (let n = 0; n < 80 && !focused; n++) {
    await page.keyboard.press('Tab');
    focused = await page.evaluate(() => document.activeElement?.matches('[role="slider"][data-dist]')
      ? `${document.activeElement.dataset.dist}${document.activeElement.dataset.index}` : null);
  }
  assert.ok(focused, 'a bar handle gets focus with Tab');

  await handle(page, 'p', 0).focus();
  const press = async (keys, want, locked = []) => {
    const before = await eventually(async () => (await checkMeasures(page)).state);
    for (const k of keys) await page.keyboard.press(k);
    return checkMove(page, 'p', 0, before, want, 1e-9, locked);
  };
  await page.keyboard.press('ArrowUp'); // writes the state to the URL
  await page.keyboard.press('ArrowDown');
  await press(['ArrowUp', 'ArrowUp', 'ArrowUp'], 0.63);
  await press(['PageDown'], 0.53);
  await press(['ArrowRight'], 0.54);
  await press(['ArrowLeft', 'ArrowLeft'], 0.52);
  await press(['PageUp'], 0.62);
  await press(['Shift+ArrowDown'], 0.52);
  await press(['Shift+ArrowUp'], 0.62);
  await press(['Home'], 0);
  assert.equal(readState(page).p[0], 0, 'Home gives exactly 0');
  await press(['End'], 1);
  // From P = (1, 0, 0) the others must share what ArrowDown frees.
  await page.keyboard.press('ArrowDown');
  const { state } = await checkMeasures(page);
  assert.ok(Math.abs(state.p[0] - 0.99) <= 1e-9, `p[0] = ${state.p[0]}`);
  assert.ok(state.p.every((v) => Number.isFinite(v) && v >= 0), `P = ${state.p}`);
  assertClose(sum(state.p), 1, 'sum of P');

  // "l" locks the focused bar: it keeps its value while another bar is dragged and End stops at the room left.
  await page.locator('button[data-preset="three"]').click();
  await eventually(async () => assert.deepEqual(readState(page).p, THREE.p));
  await handle(page, 'p', 1).focus();
  await page.keyboard.press('l');
  await eventually(async () => assert.equal(await lockBox(page, 'p', 1).isChecked(), true, 'lock box checked by "l"'));
  const drag = await dragBar(page, 'p', 0, -50);
  await checkMove(page, 'p', 0, { p: THREE.p, q: THREE.q }, drag.target, drag.pixel, [1]);
  await handle(page, 'p', 0).focus();
  const before = readState(page);
  await page.keyboard.press('End');
  await checkMove(page, 'p', 0, before, 1 - 0.3, 1e-12, [1]);
  await handle(page, 'p', 1).focus();
  await page.keyboard.press('ArrowUp'); // a locked bar does not move
  await page.waitForTimeout(200);
  assert.equal(readState(page).p[1], 0.3, 'locked bar ignores arrows');
  await page.keyboard.press('l');
  await eventually(async () => assert.equal(await lockBox(page, 'p', 1).isChecked(), false, '"l" again unlocks'));
});

// Typed values are kept exactly as typed: the others wait for Normalise (exact-entry.test.js has the rest).
test('typing a value (Enter or leaving the field) sets that bar exactly and leaves the others; Normalise rescales the unlocked ones', async () => {
  // Sums exactly 1 in binary floating point, so the page keeps these values as they are.
  const query = '?p=0.5,0.25,0.125,0.125&q=0.25,0.25,0.25,0.25&label=a&label=b&label=c&label=d';
  const page = await explorer.open(query);
  const type = async (dist, i, text, key) => {
    await valueInput(page, dist, i).fill(text);
    await valueInput(page, dist, i).press(key);
  };
  const note = page.locator('[data-role="sum-note"]');
  const stateIs = (p, q) => eventually(async () => {
    const { state } = await checkMeasures(page); // the library's numbers for P and Q as the library normalises them
    assert.deepEqual([state.p, state.q], [p, q]);
    return state;
  });
  await lockBox(page, 'p', 3).check();
  await type('p', 0, '0.25', 'Enter');
  await stateIs([0.25, 0.25, 0.125, 0.125], [0.25, 0.25, 0.25, 0.25]);
  assert.equal(await note.isVisible(), true, 'a note says P does not sum to 1');
  assert.match(await note.textContent(), /P sums to 0\.75/);
  assert.equal(Number(await valueInput(page, 'p', 0).inputValue()), 0.25);

  await page.locator('button[data-action="normalise"]').click(); // p[3] is locked: the others share 0.875
  const p = await eventually(async () => {
    const { state } = await checkMeasures(page);
    assert.equal(state.p[3], 0.125, 'the locked value stays');
    [0.35, 0.35, 0.175].forEach((v, i) => assertClose(state.p[i], v, `p[${i}]`, 1e-12));
    assertClose(sum(state.p), 1, 'sum of P');
    return state.p;
  });
  assert.equal(await note.isVisible(), false, 'no note once P sums to 1');

  await lockBox(page, 'p', 3).uncheck();
  await type('q', 2, '0.375', 'Tab'); // leaving the field
  await stateIs(p, [0.25, 0.25, 0.375, 0.25]);
  assert.match(await note.textContent(), /Q sums to 1\.125/);
  await page.locator('button[data-action="normalise"]').click();
  await eventually(async () => {
    const { state } = await checkMeasures(page);
    assert.deepEqual(state.p, p, 'P already summed to 1: unchanged');
    [2, 2, 3, 2].forEach((v, i) => assertClose(state.q[i], v / 9, `q[${i}]`, 1e-12));
  });
});

test('infinity: dragging a Q bar below the axis gives q = 0, KL(P‖Q) = ∞ and a note naming the outcome', async () => {
  const page = await explorer.open();
  await labelInput(page, 0).fill('sunshine');
  await labelInput(page, 0).press('Enter');
  await eventually(async () => assert.equal(readState(page).labels[0], 'sunshine'));
  const g = await barGeometry(page, 'q', 0);
  await dragBar(page, 'q', 0, -(g.box.y + g.box.height - g.top) - 30, { steps: 8 });
  const r = await eventually(async () => {
    const a = await checkMeasures(page);
    assert.equal(a.state.q[0], 0, 'q[0] is exactly 0');
    return a;
  });
  assert.deepEqual(r.shown.measures.klPQ, { text: '∞', value: 'Infinity' });
  assert.equal(r.shown.measures.crossEntropyPQ.text, '∞');
  assertClose(sum(r.state.q), 1, 'sum of Q');
  const note = page.locator('[data-role="infinity-note"]');
  assert.equal(await note.isVisible(), true, 'infinity note visible');
  assert.match(await note.textContent(), /sunshine/);
  const infinite = () => page.evaluate(() => [...document.querySelectorAll('[data-infinite="true"]')].map((e) =>
    e.matches('[role="slider"]') ? `${e.dataset.dist}${e.dataset.index}`
      : [...e.querySelectorAll('input[data-field="label"]')].map((l) => `row${l.dataset.index}`).join('+') || e.tagName));
  assert.deepEqual((await infinite()).sort(), ['p0', 'q0', 'row0']);

  // Raising it again clears all of it. During that drag "∞" turns into longer numbers: each is shown whole
  // (the boxes held still while a drag goes on are as wide as their panel, not as their first text).
  const outside = () => page.evaluate(() => {
    const panel = document.querySelector('.measures-panel').getBoundingClientRect();
    return [...document.querySelectorAll('.measures-panel [data-measure], .measures-panel [data-unit]')]
      .map((el) => [el, el.getBoundingClientRect()])
      .filter(([, b]) => b.width && (b.left < panel.left || b.right > panel.right - 1))
      .map(([el, b]) => `${el.dataset.measure ?? 'a unit'} at ${b.left.toFixed(0)}–${b.right.toFixed(0)}, the panel ${panel.left.toFixed(0)}–${panel.right.toFixed(0)}`);
  });
  let midDrag = null;
  await dragBar(page, 'q', 0, 80, { during: async () => { midDrag = await outside(); } });
  assert.deepEqual(midDrag, [], 'mid-drag, every number and unit inside the measures panel');
  const back = await checkMeasures(page);
  assert.ok(back.state.q[0] > 0 && Number.isFinite(back.want.klPQ));
  await eventually(async () => {
    assert.equal(await note.isVisible(), false, 'infinity note hidden again');
    assert.deepEqual(await infinite(), []);
  });
});

test('the live region announces KL after a change, not on every move of a drag', async (t) => {
  const page = await explorer.open();
  const region = page.locator('[data-role="announce"][aria-live="polite"]');
  assert.equal(await region.getAttribute('aria-live'), 'polite');
  await page.waitForTimeout(1200); // let an announcement of the initial view pass
  await page.evaluate(() => {
    window.__announcements = 0;
    new MutationObserver((records) => { window.__announcements += records.length; })
      .observe(document.querySelector('[data-role="announce"]'), { childList: true, characterData: true, subtree: true });
  });
  let duringDrag = -1;
  await dragBar(page, 'p', 0, 80, {
    steps: 20, pause: 25,
    during: async () => { duringDrag = await page.evaluate(() => window.__announcements); },
  });
  const { want } = await checkMeasures(page);
  await eventually(async () => {
    const text = await region.textContent();
    assert.match(text, /KL/);
    assert.ok(text.includes(format3(want.klPQ)), `announcement "${text}" quotes KL(P‖Q) = ${format3(want.klPQ)}`);
  }, 5000);
  await page.waitForTimeout(1000);
  const total = await page.evaluate(() => window.__announcements);
  t.diagnostic(`live-region mutations: ${duringDrag} during the drag, ${total} in all`);
  assert.ok(duringDrag <= 2, `${duringDrag} live-region mutations while the pointer moved 20 times`);
  assert.ok(total >= 1 && total <= 4, `${total} live-region mutations for one drag`);
});
