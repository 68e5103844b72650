// The part of @types/react 19 that JSX type-checking reads: React.JSX.
export namespace JSX {
  interface Element {}
  interface IntrinsicElements {
    div: { children?: unknown };
  }
}
