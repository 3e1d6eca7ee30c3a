/**
 * What jsdom lacks and Fluent UI v9 uses. Imported first by every task pane test
 * (jest.config.js is shared, so the tests import this file instead of a setupFiles entry).
 */
class ResizeObserverStub {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}

const g = globalThis as unknown as Record<string, unknown>;
if (typeof g.ResizeObserver === "undefined") g.ResizeObserver = ResizeObserverStub;
if (typeof g.IntersectionObserver === "undefined") {
  g.IntersectionObserver = class {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
    takeRecords(): unknown[] {
      return [];
    }
  };
}

if (typeof window !== "undefined" && typeof window.matchMedia !== "function") {
  window.matchMedia = (query: string): MediaQueryList =>
    ({
      matches: false,
      media: query,
      onchange: null,
      addListener: () => undefined,
      removeListener: () => undefined,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
      dispatchEvent: () => false,
    }) as MediaQueryList;
}

if (typeof window !== "undefined" && typeof window.scrollTo !== "function") {
  window.scrollTo = () => undefined;
}

export {};

// The checklist and model tabs are lazily loaded chunks; the pane preloads them when idle. The view
// tests render them at once, as the pane does after that preload.
import { preloadViews } from "../../src/taskpane/components/App";
beforeAll(() => preloadViews());
