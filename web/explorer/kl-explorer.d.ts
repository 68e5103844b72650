// Types of <kl-explorer> (dist/kl-explorer.js), for TypeScript and TSX users:
//   import 'infodiv/kl-explorer.js';
//   const el = document.querySelector('kl-explorer');   // KlExplorerElement | null
//   el?.addEventListener('change', (e) => e.detail.measures.klPQ);
// Importing the element where there is no DOM (server rendering) is harmless:
// it is defined when the module runs in a browser.
import type { Measures } from './infodiv.js';

export type KlExplorerUnits = 'nats' | 'bits' | 'hartleys';
export type KlExplorerFamily =
  | 'normal' | 'laplace' | 'cauchy' | 'logNormal' | 'exponential' | 'gamma' | 'beta' | 'uniform'
  | 'normal-laplace' | 'laplace-normal';

/** The measures of the continuous mode: both directions of KL, entropies and cross-entropies. */
export interface KlExplorerContinuousMeasures {
  klPQ: number; klQP: number; entropyP: number; entropyQ: number; crossEntropyPQ: number; crossEntropyQP: number;
}

/** `value` and the events' `detail` in the discrete mode. */
export interface KlExplorerDiscreteValue {
  /** As shown: after a reader types a value it may not sum to 1 until they normalise (`measures` use it normalised). */
  p: number[];
  q: number[];
  labels: string[];
  units: KlExplorerUnits;
  measures: Measures;
}

/** `value` and the events' `detail` in the continuous mode; p and q are parameter objects ({ mu: 0, sigma: 1 }). */
export interface KlExplorerContinuousValue {
  mode: 'continuous';
  family: KlExplorerFamily;
  p: Record<string, number>;
  q: Record<string, number>;
  units: KlExplorerUnits;
  bins: number | null;
  measures: KlExplorerContinuousMeasures;
}

export type KlExplorerValue = KlExplorerDiscreteValue | KlExplorerContinuousValue;

/** The `input` (while dragging) and `change` (once settled) events. */
export type KlExplorerEvent = CustomEvent<KlExplorerValue>;

export interface KlExplorerEventMap extends HTMLElementEventMap {
  input: KlExplorerEvent;
  change: KlExplorerEvent;
}

/** The attributes, as strings, as in HTML (see the README's table). */
export interface KlExplorerAttributes {
  p?: string;
  q?: string;
  labels?: string;
  units?: KlExplorerUnits;
  controls?: string;
  height?: string | number;
  mode?: 'discrete' | 'continuous';
  family?: KlExplorerFamily;
  bins?: string | number;
  /**
   * `auto` (the default) follows the reader's system setting. A host page can also set CSS custom
   * properties on the element: --kl-p, --kl-q (colours of P and Q), --kl-font, --kl-bg,
   * --kl-surface, --kl-text, --kl-muted, --kl-border, --kl-accent, --kl-alert (see the README).
   */
  theme?: 'light' | 'dark' | 'auto';
}

export interface KlExplorerElement extends HTMLElement {
  /** The state on screen and its measures; null before the explorer has started. */
  readonly value: KlExplorerValue | null;
  addEventListener<K extends keyof KlExplorerEventMap>(type: K,
    listener: (this: KlExplorerElement, event: KlExplorerEventMap[K]) => unknown,
    options?: boolean | AddEventListenerOptions): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject,
    options?: boolean | AddEventListenerOptions): void;
  removeEventListener<K extends keyof KlExplorerEventMap>(type: K,
    listener: (this: KlExplorerElement, event: KlExplorerEventMap[K]) => unknown,
    options?: boolean | EventListenerOptions): void;
  removeEventListener(type: string, listener: EventListenerOrEventListenerObject,
    options?: boolean | EventListenerOptions): void;
}

/** Props of <kl-explorer> in JSX: the attributes, plus what any element takes. */
export interface KlExplorerJsxProps extends KlExplorerAttributes {
  id?: string;
  class?: string;
  className?: string;
  hidden?: boolean;
  style?: unknown;
  slot?: string;
  key?: string | number;
  ref?: unknown;
  /** React 19 passes React's event: read `event.nativeEvent.detail` (or listen with addEventListener). */
  onInput?: (event: unknown) => void;
  onChange?: (event: unknown) => void;
}

declare global {
  interface HTMLElementTagNameMap {
    'kl-explorer': KlExplorerElement;
  }
  // Preact, Solid and React before 19 read the global JSX namespace.
  namespace JSX {
    interface IntrinsicElements {
      'kl-explorer': KlExplorerJsxProps;
    }
  }
}

// React 19 reads React.JSX instead: add `import type {} from 'infodiv/kl-explorer-react';`
// once in the app (a separate entry, so that projects without React types are unaffected).
