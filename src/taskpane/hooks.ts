/** React hooks over the controller contract (src/app/app-state.ts). */
import { useCallback, useRef, useState, useSyncExternalStore } from "react";
import type { Answer, ChecklistQuestion } from "../core/checklist";
import type { AppController, AppState, ChecklistState } from "../app/app-state";
import { prunePending, withoutPending, type PendingAnswers } from "./checklist-model";

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

/**
 * Checklist answers given in the task pane and not yet in the controller's state, so a view can
 * show their result at once. `answer` records the answer and sends it (through the action
 * runner, which reports a rejection). On every new checklist state, and when the controller
 * turns idle, an answer the state confirms is dropped, and so is one whose write has finished:
 * the controller's state is then the workbook's. A write that fails drops its answer at once.
 * Quick answers in a row stay shown while their own writes are under way.
 */
export function usePendingAnswers(
  checklist: ChecklistState | undefined,
  busy: boolean,
  run: (action: () => Promise<void>) => void,
  setAnswer: (measureId: string, question: ChecklistQuestion, answer: Answer) => Promise<void>,
): { pending: PendingAnswers; answer: (measureId: string, question: ChecklistQuestion, answer: Answer) => void } {
  const [track, setTrack] = useState<{ checklist: ChecklistState | undefined; busy: boolean; pending: PendingAnswers }>({
    checklist,
    busy,
    pending: {},
  });
  /** Writes under way per measure and question. */
  const inFlight = useRef(new Map<string, number>());
  const keyOf = (measureId: string, question: ChecklistQuestion) => `${measureId}\u0000${question}`;

  let current = track;
  if (track.checklist !== checklist || track.busy !== busy) {
    const settled = track.checklist !== checklist || (track.busy && !busy);
    const pending = settled ? prunePending(track.pending, checklist, (id, q) => inFlight.current.has(keyOf(id, q))) : track.pending;
    current = { checklist, busy, pending };
    setTrack(current);
  }

  const answer = useCallback(
    (measureId: string, question: ChecklistQuestion, value: Answer) => {
      const key = keyOf(measureId, question);
      setTrack((t) => ({ ...t, pending: { ...t.pending, [measureId]: { ...t.pending[measureId], [question]: value } } }));
      inFlight.current.set(key, (inFlight.current.get(key) ?? 0) + 1);
      const settle = (failed: boolean) => {
        const left = (inFlight.current.get(key) ?? 1) - 1;
        if (left > 0) inFlight.current.set(key, left);
        else inFlight.current.delete(key);
        if (failed && left <= 0) setTrack((t) => ({ ...t, pending: withoutPending(t.pending, measureId, question) }));
      };
      run(() => {
        let p: Promise<void>;
        try {
          p = Promise.resolve(setAnswer(measureId, question, value));
        } catch (e) {
          settle(true);
          throw e;
        }
        p.then(
          () => settle(false),
          () => settle(true),
        );
        return p;
      });
    },
    [run, setAnswer],
  );
  return { pending: current.pending, answer };
}
