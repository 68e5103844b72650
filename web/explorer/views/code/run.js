// Sending the message: outcomes drawn from P by the library's seeded sampler,
// one by one at the chosen speed (an animation frame draws the symbols that
// are due), or one per Step. The same seed replays the same draws: the
// sampler continues one stream, however many symbols each frame draws.
import { sampler } from 'infodiv';
import { TURN_MS } from '../../shell/index.js';
import { MAX_SYMBOLS } from './model.js';
import { messageNumbers } from './numbers.js';
import { renderRun } from './render.js';
import { announcement } from './text.js';

const MAX_FRAME_MS = 100; // a frame after a long pause (a hidden tab) draws no more than this much time's symbols

/** Back to no symbols, with a fresh sampler of P from the seed; playing goes on if it was. */
export function restartRun(view) {
  const { state } = view;
  view.run.sampler = sampler(state.p, { seed: state.seed });
  view.run.draws = new Uint32Array(MAX_SYMBOLS);
  view.run.n = 0;
  view.run.message = null;
  view.run.due = 0;
}

/** What the message sent so far comes to (messageNumbers), asked of the library once per new symbol count or state. */
export function message(view) {
  const { run, state } = view;
  if (!run.message || run.message.n !== run.n || run.message.state !== state) {
    run.message = { ...messageNumbers(state, run.draws.subarray(0, run.n)), state };
  }
  return run.message;
}

/** The last `count` outcomes sent, oldest first. */
export const recent = ({ run }, count) => run.draws.subarray(Math.max(0, run.n - count), run.n);

/** Draws `count` more symbols (fewer at the end of a run). */
function send(view, count) {
  const { run } = view;
  const room = MAX_SYMBOLS - run.n;
  if (room <= 0 || count <= 0) return;
  const drawn = run.sampler.draw(Math.min(count, room));
  run.draws.set(drawn, run.n);
  run.n += drawn.length;
}

const ended = (view) => view.run.n >= MAX_SYMBOLS;

function frame(view, now) {
  const { run, state } = view;
  if (run.offScreen) return undefined; // no frames while off screen (playOnScreen starts them again)
  run.frame = requestAnimationFrame((t) => frame(view, t));
  if (view.dragging) { // a drag starts the message again with every move: nothing to send meanwhile
    run.last = now;
    return undefined;
  }
  const elapsed = Math.min(now - run.last, MAX_FRAME_MS);
  run.last = now;
  run.due += (elapsed / 1000) * state.speed;
  const count = Math.floor(run.due);
  run.due -= count;
  if (count === 0) return undefined; // no symbol due yet (20 a second at 60 frames): nothing to draw
  send(view, count);
  if (ended(view)) return pause(view);
  return renderRun(view, { chart: chartDue(view, now) });
}

// Whether the chart is due while playing (TURN_MS since it was last drawn: at most 8 a second, as a drag's
// charts); if so, from now.
function chartDue({ run }, now) {
  if (now - run.chartAt < TURN_MS) return false;
  run.chartAt = now;
  return true;
}

/** Plays from where the run is (from the start again if it had ended). */
export function play(view) {
  const { run } = view;
  if (run.playing) return;
  if (ended(view)) restartRun(view);
  run.playing = true;
  run.last = run.chartAt = performance.now();
  run.due = 0;
  cancelAnimationFrame(run.frame);
  run.frame = requestAnimationFrame((t) => frame(view, t));
  renderRun(view);
}

/**
 * A playing run sends and draws only while part of the view is on screen: an
 * explorer far down a post, or scrolled past, costs the reader's phone
 * nothing; it goes on from where it was when it comes back into view.
 */
export function playOnScreen(view) {
  const seen = new IntersectionObserver((entries) => {
    const { run } = view;
    run.offScreen = !entries.at(-1).isIntersecting;
    cancelAnimationFrame(run.frame); // one chain of frames at most
    if (run.offScreen || !run.playing) return;
    run.last = performance.now();
    run.frame = requestAnimationFrame((t) => frame(view, t));
  });
  seen.observe(view.shell.root);
  view.shell.onDestroy(() => seen.disconnect());
}

// The live region says where the counters stand once the run has paused (nothing if it plays again by then).
const announcePause = (view) => view.announce(() => (view.run.playing ? '' : announcement(view)));

/** Stops drawing; the live region then says where the counters stand. */
export function pause(view) {
  const { run } = view;
  cancelAnimationFrame(run.frame);
  if (!run.playing) return;
  run.playing = false;
  renderRun(view);
  announcePause(view);
}

/** One more symbol, paused. */
export function step(view) {
  pause(view);
  if (ended(view)) return;
  send(view, 1);
  renderRun(view);
  announcePause(view);
}
