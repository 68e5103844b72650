// As @types/react 19's jsx-runtime: its JSX extends React.JSX.
import type { JSX as ReactJSX } from './index.js';
export namespace JSX {
  interface Element extends ReactJSX.Element {}
  interface IntrinsicElements extends ReactJSX.IntrinsicElements {}
}
export function jsx(type: unknown, props: unknown, key?: unknown): JSX.Element;
export function jsxs(type: unknown, props: unknown, key?: unknown): JSX.Element;
