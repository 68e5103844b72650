// A finger on a phone (390 px wide, real touch input through CDP): a swipe
// that starts on a bar or a handle scrolls the page and changes nothing; a
// press-and-hold grabs it, and only then does a drag edit. And the Undo
// button (or Ctrl/Cmd+Z) brings back the state before the last change, in
// both views.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  useExplorer, checkMeasures, checkContinuous, readState, readContinuousState, eventually, barGeometry, dragBar,
  dragCurveHandle, curveHandle, handle, valueInput, finger, swipe, withTimersStopped, PHONE_390, TOUCH_HOLD, THREE, DESKTOP,
} from './harness.js';

const explorer = useExplorer();
const CONTINUOUS = '?mode=continuous';
const scrollY = (page) => page.evaluate(() => window.scrollY);

// Puts the element in the middle of the screen, so the page can scroll both ways from there.
const centre = (locator) => locator.evaluate((e) => e.scrollIntoView({ block: 'center' }));

/** Waits until the page has scrolled away from `from` (and stopped moving); returns where it is. */
async function scrolledFrom(page, from, what) {
  let last = from;
  return eventually(async () => {
    const now = await scrollY(page);
    const still = now === last;
    last = now;
    assert.notEqual(now, from, `${what}: the page scrolled (scrollY stayed ${from})`);
    assert.ok(still, 'the page is still scrolling');
    return now;
  });
}

test('phone: a vertical swipe that starts on a bar scrolls the page and leaves P and Q as they were; so does a tap', async () => {
  const page = await explorer.open('', { device: PHONE_390 });
  await eventually(async () => assert.deepEqual([readState(page).p, readState(page).q], [THREE.p, THREE.q]));
  for (const [dist, i, dy] of [['p', 0, -160], ['q', 1, 160], ['p', 2, -120]]) {
    await centre(handle(page, dist, i));
    const g = await barGeometry(page, dist, i);
    const y = g.yOf(Math.max(g.value / 2, 0.05)); // inside the bar, not at its top
    const before = await scrollY(page);
    await swipe(page, g.x, y, y + dy, { steps: 12 });
    const after = await scrolledFrom(page, before, `swipe on ${dist}${i}`);
    assert.equal(Math.sign(after - before), -Math.sign(dy), `the page followed the finger (${before} → ${after})`);
    const { state } = await checkMeasures(page);
    assert.deepEqual([state.p, state.q], [THREE.p, THREE.q], `a swipe on ${dist}${i} changed nothing`);
  }
  // A tap, without a hold, changes nothing either.
  await centre(handle(page, 'p', 1));
  const g = await barGeometry(page, 'p', 1);
  await withTimersStopped(page, async () => {
    const f = await finger(page);
    await f.down(g.x, g.yOf(0.9));
    await f.up();
    await f.detach();
  });
  await page.waitForTimeout(500);
  const { state } = await checkMeasures(page);
  assert.deepEqual([state.p, state.q], [THREE.p, THREE.q], 'a tap on a bar changed nothing');
});

test('phone: a press-and-hold grabs a bar, which then follows the finger without scrolling the page; the hint says how', async () => {
  const page = await explorer.open('', { device: PHONE_390 });
  const hint = page.locator('[data-role="touch-hint"]');
  assert.equal(await hint.isVisible(), true, 'the touch hint is shown on a touch screen');
  assert.match(await hint.textContent(), /hold/i);
  await centre(handle(page, 'p', 2));
  const before = await scrollY(page);
  const { target, pixel } = await dragBar(page, 'p', 2, 90, { touch: true, hold: TOUCH_HOLD, steps: 10 });
  const { state } = await eventually(async () => {
    const r = await checkMeasures(page);
    assert.ok(Math.abs(r.state.p[2] - target) <= pixel + 1e-12, `p[2] = ${r.state.p[2]}, want ${target}`);
    return r;
  });
  assert.ok(state.p[2] > 0.3, `the bar went up: ${state.p[2]}`);
  assert.deepEqual(state.q, THREE.q, 'Q unchanged');
  assert.equal(await scrollY(page), before, 'the page did not scroll during the drag');
});

test('phone, continuous: a swipe on a handle scrolls the page; a press-and-hold then drag moves it', async () => {
  const page = await explorer.open(CONTINUOUS, { device: PHONE_390 });
  const start = await checkContinuous(page);
  for (const [side, id, dy] of [['p', 'peak', -150], ['q', 'shoulder', 150]]) {
    await centre(curveHandle(page, side, id));
    const box = await curveHandle(page, side, id).boundingBox();
    const before = await scrollY(page);
    await swipe(page, box.x + box.width / 2, box.y + box.height / 2, box.y + box.height / 2 + dy, { steps: 12 });
    await scrolledFrom(page, before, `swipe on the ${side} ${id}`);
    const { state } = await checkContinuous(page);
    assert.deepEqual([state.p, state.q], [start.state.p, start.state.q], `a swipe on the ${side} ${id} changed nothing`);
  }
  await centre(curveHandle(page, 'q', 'peak'));
  const before = await scrollY(page);
  await dragCurveHandle(page, page, 'q', 'peak', -50, { touch: true, hold: TOUCH_HOLD });
  const { state } = await checkContinuous(page);
  assert.ok(state.q.mu < start.state.q.mu, `μ of Q moved left: ${state.q.mu}`);
  assert.deepEqual(state.p, start.state.p, 'P unchanged');
  assert.equal(await scrollY(page), before, 'the page did not scroll during the drag');
});

// The state in the URL, once the page has written it.
const urlState = (page) => eventually(async () => (await checkMeasures(page)).state);

test('undo: the button and Ctrl/Cmd+Z bring back the exact P and Q before a drag, a key, a typed value or a preset', async () => {
  const page = await explorer.open('?p=0.2,0.3,0.5&q=0.25,0.25,0.5', { device: DESKTOP });
  const undo = page.locator('button[data-action="undo"]');
  assert.equal(await undo.isVisible(), true, 'an Undo button is shown');
  assert.equal(await undo.isDisabled(), true, 'nothing to undo yet');
  const s0 = await urlState(page);

  await dragBar(page, 'p', 0, 70); // the mouse: immediate
  const s1 = await urlState(page);
  assert.notDeepEqual(s1.p, s0.p, 'the drag changed P');
  await handle(page, 'q', 2).focus();
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await eventually(async () => assert.equal(readState(page).q[2], 0.52));
  await valueInput(page, 'p', 1).fill('0.125');
  await valueInput(page, 'p', 1).press('Enter');
  await eventually(async () => assert.equal(readState(page).p[1], 0.125));
  const s4 = await urlState(page);
  await page.locator('button[data-preset="weather"]').click();
  await eventually(async () => assert.deepEqual(readState(page).p, [0.8, 0.2]));

  await undo.click(); // the preset
  assert.deepEqual(await urlState(page), s4, 'Undo after a preset: three outcomes again, exactly');
  await undo.click(); // the typed value
  await eventually(async () => assert.equal(readState(page).p[1], s1.p[1]));
  await handle(page, 'q', 0).focus();
  await page.keyboard.press('Control+z'); // the second arrow
  await eventually(async () => assert.equal(readState(page).q[2], 0.51));
  await page.keyboard.press('Meta+z'); // the first
  await eventually(async () => assert.deepEqual(readState(page).q, s1.q));
  assert.deepEqual(await urlState(page), s1, 'after undoing the keys: the state after the drag, exactly');
  await undo.click(); // the drag
  assert.deepEqual(await urlState(page), s0, 'after undoing the drag: the state at the start, exactly');
  await eventually(async () => assert.equal(await undo.isDisabled(), true, 'nothing left to undo'));
});

test('undo, continuous: the handle drag, the family and a typed parameter come back', async () => {
  const page = await explorer.open(CONTINUOUS, { device: DESKTOP });
  const undo = page.locator('button[data-action="undo"]');
  assert.equal(await undo.isDisabled(), true, 'nothing to undo yet');
  const s0 = (await checkContinuous(page)).state;
  await dragCurveHandle(page, page, 'p', 'peak', 60);
  const s1 = (await checkContinuous(page)).state;
  assert.notDeepEqual(s1.p, s0.p, 'the drag moved P');
  await page.locator('select[data-control="family"]').selectOption('gamma');
  await eventually(async () => assert.equal(readContinuousState(page).family, 'gamma'));
  const field = page.locator('input[data-field="value"][data-dist="q"][data-param="shape"]');
  await field.fill('7');
  await field.press('Enter');
  await eventually(async () => assert.equal(readContinuousState(page).q.shape, 7));
  await undo.click();
  await eventually(async () => assert.notEqual(readContinuousState(page).q.shape, 7));
  await undo.click();
  await eventually(async () => assert.deepEqual((await checkContinuous(page)).state, s1, 'the normal pair after the drag'));
  await curveHandle(page, 'q', 'peak').focus();
  await page.keyboard.press('Control+z');
  await eventually(async () => assert.deepEqual((await checkContinuous(page)).state, s0, 'the start'));
  assert.equal(await undo.isDisabled(), true, 'nothing left to undo');
});
