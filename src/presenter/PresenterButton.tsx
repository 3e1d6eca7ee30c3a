/**
 * «Presenter» in the task pane: opens presenter.html in an Office dialog and sends it the ranking
 * on every change (the workbook's, or the what-if ranking while the Modell view tries weights),
 * with movement against the previous ranking. Needs DialogApi 1.2 (messageChild) to follow live;
 * without it the pane says so and the window shows the ranking of the moment it opened.
 */
import { Button, Caption1 } from "@fluentui/react-components";
import { Tooltip } from "../ui/tooltip";
import { SlideText20Regular } from "@fluentui/react-icons";
import { useDeferredValue, useEffect, useMemo, useRef, useState, useSyncExternalStore } from "react";
import type { Assessment } from "../core/assess";
import type { Lang } from "../i18n";
import { pp } from "../i18n/presenter";
import type { ChecklistState } from "../app/app-state";
import { keyLabel, segmentKey } from "../ui/segment-key";
import { useHeaderButtonStyles } from "../ui/header-button";
import { ranksOf } from "../ui/movement";
import type { Baseline } from "../core/movement";
import { PRESENTER_PAGE, type PresenterMessage } from "./protocol";
import { presenterMessage } from "./rows";
import { subscribeWhatIf, whatIfState, type WhatIfShown } from "./whatif-channel";
import { acceptabilityFor, currentAcceptability, subscribeAcceptability } from "./acceptability-channel";
import { currentScorers, subscribeScorers } from "./scorers-channel";
import { currentFunding, fundingFor, subscribeFunding } from "./funding-channel";

interface DialogLike {
  messageChild?: (message: string) => void;
  addEventHandler(type: unknown, handler: (arg: { message?: string; error?: number }) => void): void;
  close(): void;
}

export function usePresenterMessage(
  assessment: Assessment | undefined,
  lang: Lang,
  checklist: ChecklistState | undefined,
  baseline: Baseline | null | undefined,
  /** The ranks before the last change of ranking (the pane keeps them: ui/previous-ranks.ts). */
  previous: Map<string, number> | null,
  /** False while no presenter window is open: no message is built (the pane's edits do not pay for it). */
  enabled = true,
): PresenterMessage | null {
  // Deferred: a what-if slider step re-renders the pane's list first; the projector's message is
  // built and sent in a render of lower priority, after it.
  const whatIf = useDeferredValue(useSyncExternalStore(subscribeWhatIf, whatIfState, whatIfState).shown);
  const acceptability = useSyncExternalStore(subscribeAcceptability, currentAcceptability, currentAcceptability);
  const scorers = useSyncExternalStore(subscribeScorers, currentScorers, currentScorers);
  const funding = useSyncExternalStore(subscribeFunding, currentFunding, currentFunding);
  // One message per change of what it shows (not per render of the pane), so it is sent once.
  return useMemo(() => {
    if (!assessment || !enabled) return null;
    void acceptability; // presenterMessageOf reads the published result; a new one is a new message
    const message = presenterMessageOf(assessment, lang, checklist, previous, whatIf, baseline ?? null);
    // The Utvalg view's funding probabilities while they are of this ranking (not with what-if weights).
    const fund = !whatIf && funding ? fundingFor(assessment) : null;
    const withFunding = fund ? { ...message, funding: fund.presenter } : message;
    return scorers ? { ...withFunding, scorers } : withFunding;
  }, [enabled, assessment, lang, checklist, previous, whatIf, baseline, acceptability, scorers, funding]);
}

function presenterMessageOf(
  assessment: Assessment,
  lang: Lang,
  checklist: ChecklistState | undefined,
  previous: Map<string, number> | null,
  whatIf: WhatIfShown | null,
  baseline: Baseline | null,
): PresenterMessage {
  const segments = checklist ? new Map(checklist.entries.map((e) => [e.id, keyLabel(lang, segmentKey(e.placement))])) : undefined;
  if (whatIf && whatIf.changes) return presenterMessage(whatIf.tried, lang, ranksOf(whatIf.inForce), ranksOf(whatIf.tried), segments, pp(lang, "presenter.whatIf"));
  const message = presenterMessage(assessment, lang, previous, ranksOf(assessment), segments, undefined, baseline);
  const acceptability = acceptabilityFor(assessment);
  return acceptability ? { ...message, acceptability: acceptability.presenter } : message;
}


export function PresenterButton({
  assessment,
  lang,
  checklist,
  baseline,
  previous,
}: {
  assessment: Assessment | undefined;
  lang: Lang;
  checklist: ChecklistState | undefined;
  baseline?: Baseline | null;
  /** The ranks before the last change of ranking: movement without a saved round. */
  previous: Map<string, number> | null;
}) {
  const s = useHeaderButtonStyles();
  // The message is built only while the window is open (from the moment it opens).
  const [opened, setOpened] = useState(false);
  const message = usePresenterMessage(assessment, lang, checklist, baseline, previous, opened);
  const dialog = useRef<DialogLike | null>(null);
  const latest = useRef<string | null>(null);
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const live = typeof Office !== "undefined" && Office.context?.requirements?.isSetSupported?.("DialogApi", "1.2") === true;

  const text = useMemo(() => (message ? JSON.stringify(message) : null), [message]);
  latest.current = text;
  useEffect(() => {
    if (dialog.current?.messageChild && latest.current) dialog.current.messageChild(latest.current);
  }, [message]);

  const open = () => {
    setProblem(undefined);
    if (dialog.current) return;
    const url = new URL(PRESENTER_PAGE, location.href).href;
    Office.context.ui.displayDialogAsync(url, { height: 100, width: 100, displayInIframe: false }, (result) => {
      if (result.status !== Office.AsyncResultStatus.Succeeded) {
        setProblem(pp(lang, "presenter.failed", { message: result.error?.message ?? "" }));
        return;
      }
      const d = result.value as unknown as DialogLike;
      dialog.current = d;
      setOpened(true);
      if (!live) setProblem(pp(lang, "presenter.noMessaging"));
      d.addEventHandler(Office.EventType.DialogMessageReceived, () => {
        // The page says "ready": send what the pane shows now.
        if (live && d.messageChild && latest.current) d.messageChild(latest.current);
      });
      d.addEventHandler(Office.EventType.DialogEventReceived, () => {
        dialog.current = null;
        setOpened(false);
      });
    });
  };

  return (
    <>
      <Tooltip content={pp(lang, "presenter.openHint")} relationship="description">
        <Button
          appearance="subtle"
          size="small"
          icon={<SlideText20Regular />}
          disabled={!assessment}
          onClick={open}
          aria-label={pp(lang, "presenter.open")}
          className={s.button}
          data-testid="presenter-open"
        >
          <span className={s.label}>{pp(lang, "presenter.open")}</span>
        </Button>
      </Tooltip>
      {problem && (
        <Caption1 role="alert" data-testid="presenter-problem">
          {problem}
        </Caption1>
      )}
    </>
  );
}
