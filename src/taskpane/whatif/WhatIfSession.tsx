/**
 * What-if while it is on, whatever the tab: the pane mounts {@link WhatIfBar} above the tabs. It
 * re-ranks the tried weights (whatif-channel) on the assessment in force — again after every
 * workbook edit, so the tried weights are never lost — publishes the result for the what-if
 * panel, Rangering and the presenter, and says plainly that the weights are tried, not written:
 * «Bruk» writes them (one setWeights, logged), «Forkast» drops them, «Vis» opens them in Modell.
 * {@link WhatIfRankingTab} is Rangering meanwhile: the tried ranking with movement against the
 * weights in force. Until a weight differs from the one in force nothing has been tried: no bar,
 * Rangering and the presenter show the ranking in force. A lazy chunk; the pane's always-loaded
 * part is only the channel.
 */
import { Button, Caption1, MessageBar, MessageBarActions, MessageBarBody, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useEffect, useLayoutEffect, useMemo, useSyncExternalStore, type ReactNode } from "react";
import type { Assessment } from "../../core/assess";
import type { Lang } from "../../i18n";
import { wp } from "../../i18n/whatif";
import { currentWhatIf, endWhatIf, publishWhatIf, subscribeWhatIf, whatIfState, type TriedWeights } from "../../presenter/whatif-channel";
import { changedWeights, inputsOf, whatIfRanking } from "./whatif";
import { WhatIfList } from "./WhatIfList";
import { NO_TITLE } from "../../ui/message-bar";

const useStyles = makeStyles({
  bar: { padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM} 0` },
  tab: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  muted: { color: tokens.colorNeutralForeground3 },
});

/** The tried ranking for this assessment: computed once per (assessment, weights), published while mounted. */
function useWhatIfSession(assessment: Assessment): TriedWeights | null {
  const weights = useSyncExternalStore(subscribeWhatIf, whatIfState, whatIfState).weights;
  const inputs = useMemo(() => inputsOf(assessment), [assessment]);
  const shown = useMemo(() => {
    if (weights === null) return null;
    const r = whatIfRanking(assessment, inputs, weights);
    return { inForce: assessment, tried: r.assessment, moves: r.moves, weights, changes: changedWeights(assessment.model, weights).length };
  }, [assessment, inputs, weights]);
  // Before paint: the panel's list and Rangering show the new ranking in the same frame as the slider.
  useLayoutEffect(() => {
    if (shown) publishWhatIf(shown);
  }, [shown]);
  // Off the screen (the pane left the ready state, or what-if ended): the presenter goes back to the workbook.
  useEffect(
    () => () => {
      if (currentWhatIf() !== null) publishWhatIf(null);
    },
    [],
  );
  return weights;
}

export function WhatIfBar({
  assessment,
  lang,
  busy,
  onModelTab,
  onShow,
  onApply,
}: {
  /** The assessment under the weights in force. */
  assessment: Assessment;
  lang: Lang;
  busy: boolean;
  /** The Modell tab is open (its panel has the weights and the buttons; the bar only says what-if is on). */
  onModelTab: boolean;
  onShow: () => void;
  onApply: (weights: TriedWeights) => void;
}) {
  const s = useStyles();
  const weights = useWhatIfSession(assessment);
  if (weights === null) return null;
  const changes = changedWeights(assessment.model, weights);
  // Nothing tried yet (what-if just opened, or every weight set back): nothing to warn about.
  if (changes.length === 0) return null;
  return (
    <div className={s.bar}>
      <MessageBar intent="warning" layout="multiline" data-testid="whatif-bar" aria-labelledby={NO_TITLE}>
        <MessageBarBody>
          {wp(lang, "whatif.bar")}{" "}
          <Caption1 data-testid="whatif-bar-changed">
            {changes.length === 1 ? wp(lang, "whatif.changedOne") : wp(lang, "whatif.changed", { n: changes.length })}
          </Caption1>
        </MessageBarBody>
        {/* On Modell the panel below has the weights and its own «Bruk» and «Forkast». */}
        {!onModelTab && (
          <MessageBarActions>
            <Button
              appearance="primary"
              size="small"
              disabled={busy}
              title={wp(lang, "whatif.applyHint")}
              data-testid="whatif-bar-apply"
              onClick={() => {
                onApply(Object.fromEntries(changes.map((c) => [c.id, c.to])));
                endWhatIf();
              }}
            >
              {wp(lang, "whatif.apply")}
            </Button>
            <Button size="small" title={wp(lang, "whatif.discardHint")} data-testid="whatif-bar-discard" onClick={endWhatIf}>
              {wp(lang, "whatif.discard")}
            </Button>
            <Button size="small" title={wp(lang, "whatif.showHint")} data-testid="whatif-bar-show" onClick={onShow}>
              {wp(lang, "whatif.show")}
            </Button>
          </MessageBarActions>
        )}
      </MessageBar>
    </div>
  );
}

/**
 * Rangering while what-if is on: the tried ranking, movement against the weights in force; the
 * ranking in force (`inForce`) until a weight has been changed.
 */
export function WhatIfRankingTab({ lang, inForce }: { lang: Lang; inForce: ReactNode }) {
  const s = useStyles();
  const shown = useSyncExternalStore(subscribeWhatIf, whatIfState, whatIfState).shown;
  if (!shown || !shown.changes) return <>{inForce}</>;
  return (
    <section className={s.tab} data-testid="whatif-ranking-tab" aria-label={wp(lang, "whatif.ranking")}>
      <Text weight="semibold">{wp(lang, "whatif.ranking")}</Text>
      <Caption1 className={s.muted}>{wp(lang, "whatif.rankingHint")}</Caption1>
      <WhatIfList shown={shown} lang={lang} />
    </section>
  );
}
