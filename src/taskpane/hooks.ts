/** React hooks over the controller contract (src/taskpane/app-state.ts). */
import { useCallback, useState, useSyncExternalStore } from "react";
import type { AppController, AppState } from "./app-state";

/** The controller's current state; re-renders on every state the controller emits. */
export function useAppState(controller: AppController): AppState {
  const subscribe = useCallback((onChange: () => void) => controller.subscribe(() => onChange()), [controller]);
  const getState = useCallback(() => controller.getState(), [controller]);
  return useSyncExternalStore(subscribe, getState, getState);
}

/**
 * Runs actions without leaving a rejected promise unhandled. The controller reports its own
 * failures through AppState; a rejection that escapes it is kept here so the view can say so.
 */
export function useActionRunner(): { run: (action: () => Promise<void>) => void; failure: string | undefined; clear: () => void } {
  const [failure, setFailure] = useState<string | undefined>(undefined);
  const run = useCallback((action: () => Promise<void>) => {
    setFailure(undefined);
    let p: Promise<void>;
    try {
      p = action();
    } catch (e) {
      setFailure(e instanceof Error ? e.message : String(e));
      return;
    }
    void Promise.resolve(p).catch((e: unknown) => setFailure(e instanceof Error ? e.message : String(e)));
  }, []);
  const clear = useCallback(() => setFailure(undefined), []);
  return { run, failure, clear };
}
