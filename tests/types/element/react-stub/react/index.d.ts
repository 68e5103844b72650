// The parts of @types/react 19 that the tests use, as it declares them:
// React.JSX, which JSX type-checking reads, events, refs and useRef.
export namespace JSX {
  interface Element {}
  interface IntrinsicElements {
    div: { children?: unknown };
  }
}

export interface BaseSyntheticEvent<E = object, C = any, T = any> {
  nativeEvent: E;
  currentTarget: C;
  target: T;
  bubbles: boolean;
  cancelable: boolean;
  defaultPrevented: boolean;
  eventPhase: number;
  isTrusted: boolean;
  preventDefault(): void;
  isDefaultPrevented(): boolean;
  stopPropagation(): void;
  isPropagationStopped(): boolean;
  persist(): void;
  timeStamp: number;
  type: string;
}
export interface SyntheticEvent<T = Element, E = Event> extends BaseSyntheticEvent<E, EventTarget & T, EventTarget> {}

export interface RefObject<T> { current: T }
export type RefCallback<T> = { bivarianceHack(instance: T | null): void | (() => void) }['bivarianceHack'];
export type Ref<T> = RefCallback<T> | RefObject<T | null> | null;
export function useRef<T>(initialValue: T | null): RefObject<T | null>;
