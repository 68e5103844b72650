// Entering a distribution exactly: the textbook example P = (0.6, 0.3, 0.1),
// Q = (0.5, 0.4, 0.1) typed as text or cell by cell into the table must give
// exactly those numbers and the library's KL for them; counts are divided by
// their sum once; bad text gets an error naming the entry and changes nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { kl } from '../../dist/infodiv.js';
import { useExplorer, checkMeasures, readState, eventually, valueInput, format3, PHONE_390 } from './harness.js';

const explorer = useExplorer();
const TEXTBOOK = { p: [0.6, 0.3, 0.1], q: [0.5, 0.4, 0.1] };
const textField = (page, dist) => page.locator(`input[data-field="dist-text"][data-dist="${dist}"]`);

// What the page shows once P and Q are `want` exactly: the library's measures, KL(P‖Q) quoted in full.
async function showsExactly(page, want, what) {
  return eventually(async () => {
    const r = await checkMeasures(page);
    assert.deepEqual([r.state.p, r.state.q], [want.p, want.q], `${what}: P and Q exactly`);
    assert.equal(r.shown.measures.klPQ.text, format3(kl(want.p, want.q)), `${what}: KL(P‖Q) on screen`);
    assert.equal(Number(r.shown.measures.klPQ.value), kl(want.p, want.q), `${what}: KL(P‖Q), every digit`);
    return r;
  });
}

async function typeText(page, p, q, submit = 'Enter') {
  if (p !== null) await textField(page, 'p').fill(p);
  if (q !== null) await textField(page, 'q').fill(q);
  if (submit === 'Enter') await textField(page, q !== null ? 'q' : 'p').press('Enter');
  else await page.locator('[data-role="dist-form"] button[type="submit"]').click();
}

test('the textbook example typed as two lists gives exactly P = (0.6, 0.3, 0.1), Q = (0.5, 0.4, 0.1); counts are divided once', async () => {
  const page = await explorer.open('', { device: PHONE_390 });
  await page.locator('button[data-preset="uniform-peaked"]').click(); // four outcomes: the lists bring back three
  await eventually(async () => assert.equal(readState(page).p.length, 4));
  await typeText(page, '0.6, 0.3, 0.1', '0.5, 0.4, 0.1');
  const r = await showsExactly(page, TEXTBOOK, 'as text');
  assert.deepEqual(r.state.labels, ['A', 'B', 'C'], 'three outcomes, the first three labels kept');
  assert.equal(await page.locator('[data-role="sum-note"]').isVisible(), false, 'no note: both sum to 1');

  // Counts: 3, 2, 1 is P = (1/2, 1/3, 1/6); the status says what was divided. Q left as shown stays exactly as it is.
  await typeText(page, '3, 2, 1', null, 'button');
  await eventually(async () => {
    const { state } = await checkMeasures(page);
    assert.deepEqual(state.p, [3 / 6, 2 / 6, 1 / 6]);
    assert.deepEqual(state.q, TEXTBOOK.q);
  });
  assert.match(await page.locator('[data-role="dist-status"]').textContent(), /P was divided by its sum, 6/);
  assert.equal(await textField(page, 'p').inputValue(), '0.5, 0.333333, 0.166667', 'the field shows P as set');

  // A link with the textbook example shows it exactly too, in the fields as well.
  const linked = await explorer.open('?p=0.6,0.3,0.1&q=0.5,0.4,0.1');
  await showsExactly(linked, TEXTBOOK, 'from the URL');
  assert.deepEqual([await textField(linked, 'p').inputValue(), await textField(linked, 'q').inputValue()], ['0.6, 0.3, 0.1', '0.5, 0.4, 0.1']);
});

test('the textbook example typed into the table, cell by cell, gives exactly it: the other cells are left alone', async () => {
  const page = await explorer.open('?p=0.2,0.3,0.5&q=0.3,0.3,0.4');
  const note = page.locator('[data-role="sum-note"]');
  for (const dist of ['p', 'q']) {
    for (const [i, v] of TEXTBOOK[dist].entries()) {
      await valueInput(page, dist, i).fill(String(v));
      await valueInput(page, dist, i).press('Enter');
      await eventually(async () => assert.equal(readState(page)[dist][i], v, `${dist}[${i}] as typed`));
      if (dist === 'p' && i === 0) { // 0.6, 0.3, 0.5: the sum is shown, and what the measures do about it
        assert.equal(await note.isVisible(), true);
        assert.match(await note.textContent(), /P sums to 1\.4, not 1.*divided by its sum/);
        assert.equal(await page.locator('[data-sum="p"]').textContent(), '1.4');
        await checkMeasures(page); // the library's numbers for P as the library normalises it
      }
    }
  }
  await showsExactly(page, TEXTBOOK, 'typed into the table');
  assert.equal(await note.isVisible(), false, '0.6 + 0.3 + 0.1 is 1: no note');

  // A cell that would make P all zeros is refused, with the state kept.
  await valueInput(page, 'p', 0).fill('0');
  await valueInput(page, 'p', 0).press('Enter');
  for (const i of [1, 2]) {
    await valueInput(page, 'p', i).fill('0');
    await valueInput(page, 'p', i).press('Enter');
  }
  const error = page.locator('[data-role="field-error"]');
  await eventually(async () => assert.match(await error.textContent(), /all zeros/));
  assert.deepEqual(readState(page).p, [0, 0, 0.1]);
  assert.equal(await valueInput(page, 'p', 2).getAttribute('aria-invalid'), 'true');
});

test('bad text: an error naming the entry, nothing changes, and the form still works', async () => {
  const page = await explorer.open();
  const start = await eventually(async () => (await checkMeasures(page)).state);
  const error = page.locator('[data-role="dist-error"]');
  const cases = [
    ['0.6, abc, 0.1', null, /P: entry 2 is not a number/, ['p']],
    ['0.6, -0.3, 0.1', null, /P: entry 2 is negative/, ['p']],
    [null, '0, 0, 0', /Q: all entries are 0/, ['q']],
    ['0.6,, 0.4', null, /P: entry 2 is empty/, ['p']],
    ['1', null, /P: it has 1 entry; give 2 to 20/, ['p']],
    ['0.25, 0.25, 0.25, 0.25', '0.5, 0.4, 0.1', /P has 4 entries and Q has 3/, ['p', 'q']],
  ];
  for (const [p, q, message, invalid] of cases) {
    await textField(page, 'p').fill('0.6, 0.3, 0.1');
    await textField(page, 'q').fill('0.5, 0.4, 0.1');
    await typeText(page, p, q);
    await eventually(async () => {
      assert.equal(await error.isVisible(), true, `${p} / ${q}: an error is shown`);
      assert.match(await error.textContent(), message);
    });
    for (const dist of ['p', 'q']) {
      assert.equal(await textField(page, dist).getAttribute('aria-invalid'), String(invalid.includes(dist)), `${p} / ${q}: ${dist} marked`);
    }
    const { state } = await checkMeasures(page);
    assert.deepEqual(state, start, `${p} / ${q}: nothing changed`);
  }
  // Fixed, it works, and a new number of outcomes is adopted (2 to 20).
  await typeText(page, '1, 1, 1, 1', '1, 2, 3, 4');
  await eventually(async () => {
    const { state } = await checkMeasures(page);
    assert.deepEqual(state.p, [0.25, 0.25, 0.25, 0.25]);
    assert.deepEqual(state.q, [0.1, 0.2, 0.3, 0.4]);
    assert.deepEqual(state.labels, ['A', 'B', 'C', 'D']);
  });
  assert.equal(await error.isVisible(), false, 'the error is gone');
  assert.equal(await textField(page, 'p').getAttribute('aria-invalid'), null);
});
