// The code view's state and its limits: P and Q over named outcomes, the
// units, the seed of the draws and the playing speed (see ../outcomes.js for
// the shared part). Its URL and attribute form is in url.js. No DOM here.
import { letters } from '../discrete/model.js';

/** Symbols per second a run can be played at. */
/** The running chart's datasets in order: the two running averages, then the four lines. */
export const SERIES = ['averageP', 'averageQ', 'huffmanP', 'huffmanQ', 'entropyP', 'crossEntropyPQ'];

export const SPEEDS = [1, 5, 20, 100, 500, 2000];
/** A run ends after this many symbols. */
export const MAX_SYMBOLS = 10000;
/** The last symbols of the message shown as codewords. */
export const RECENT = 40;

/**
 * P, and a model Q that thinks D as common as A: their Huffman codes differ
 * (A gets 1 bit from P's, 2 from Q's), and neither code is ideal, so the four
 * lines of the chart are apart (1.57, 1.6, 1.92 and 2.2 bits).
 */
export const DEFAULTS = {
  labels: letters(4), p: [0.6, 0.2, 0.1, 0.1], q: [0.4, 0.1, 0.1, 0.4], units: 'bits', seed: 1, speed: 20,
};

/** A fresh copy of the default state. */
export const defaultState = () => ({ ...DEFAULTS, labels: [...DEFAULTS.labels], p: [...DEFAULTS.p], q: [...DEFAULTS.q] });
