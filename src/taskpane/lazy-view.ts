/**
 * A view whose code is a chunk of its own: `React.lazy` that renders at once (no fallback) when
 * the chunk was already fetched by {@link LazyView.preload} — the pane preloads the other tabs
 * when it is idle, so a tab switch after that never shows the loading state.
 */
import { lazy, type ComponentType, type LazyExoticComponent } from "react";

export interface LazyView<P> {
  Component: LazyExoticComponent<ComponentType<P>>;
  preload(): Promise<void>;
}

export function lazyView<M, P>(load: () => Promise<M>, pick: (m: M) => ComponentType<P>): LazyView<P> {
  let loaded: M | undefined;
  const fetchModule = (): Promise<M> =>
    load().then((m) => {
      loaded = m;
      return m;
    });
  const Component = lazy<ComponentType<P>>(() => {
    const ready = loaded;
    // A thenable that resolves in the same call: React.lazy then renders without suspending.
    if (ready !== undefined) return { then: (resolve: (v: { default: ComponentType<P> }) => void) => resolve({ default: pick(ready) }) } as unknown as Promise<{ default: ComponentType<P> }>;
    return fetchModule().then((m) => ({ default: pick(m) }));
  });
  return { Component, preload: () => fetchModule().then(() => undefined) };
}
