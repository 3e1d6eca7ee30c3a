/**
 * Stabilitet, the minimum list's section: for every group weight (every weight of the tree with the
 * view's switch) the interval in which the minimum list (and the plus list) keeps the same measures,
 * and which measures enter and leave at each end (src/core/selection-stability.ts), in plain words.
 * Shown only when Modell sets a budget frame: the selection's code loads with a dynamic import
 * (minimum-list-run.ts) when the section mounts, reads the workbook's frames, and HiGHS loads on the
 * first solve, only when there is a frame; a workbook without one shows nothing (not even the heading).
 *
 * data-testid: minimum-stability, minimum-stability-loading, minimum-stability-now and
 * minimum-stability-plus-now (<details> with the lists' names),
 * minimum-stability-node (data-node-id, data-status), minimum-stability-sentence, minimum-stability-message.
 */
import { Caption1, Spinner, Subtitle2, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useEffect, useState } from "react";
import type { Assessment } from "../../core/assess";
import { findNode } from "../../core/model";
import { fullNameTexts } from "../../core/full-name";
import type { ListStabilityReport } from "../../core/selection-stability";
import type { Lang } from "../../i18n";
import { listNow, mst, nodeLines } from "../../i18n/minimum-stability";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  muted: { color: tokens.colorNeutralForeground3 },
  node: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    borderLeft: `3px solid ${tokens.colorPaletteGreenBorder2}`,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  sentence: { margin: 0, overflowWrap: "anywhere" },
  plus: { margin: 0, color: tokens.colorNeutralForeground2, overflowWrap: "anywhere" },
  now: { margin: 0, color: tokens.colorNeutralForeground3, overflowWrap: "anywhere", cursor: "pointer" },
  names: { margin: `${tokens.spacingVerticalXXS} 0 0 0`, overflowWrap: "anywhere" },
});

type State = { kind: "none" } | { kind: "loading" } | { kind: "failed" } | { kind: "done"; report: ListStabilityReport };

export function MinimumListStability({ assessment, lang, allNodes }: { assessment: Assessment; lang: Lang; allNodes: boolean }) {
  const s = useStyles();
  // Nothing is shown until the workbook is known to set a frame (no heading that comes and goes).
  const [state, setState] = useState<State>({ kind: "none" });
  // Re-run after every recompute (a new assessment: a frame, a cost or a choice may have changed with
  // the same totals) and when the switch changes; the inputs are read from the workbook each time.
  useEffect(() => {
    let live = true;
    (async () => {
      const [run, { officeHost }] = await Promise.all([import("./minimum-list-run"), import("../../excel/host")]);
      const problem = await run.loadListProblem(officeHost);
      if (!problem) return null;
      if (live) setState((st) => (st.kind === "done" ? st : { kind: "loading" }));
      return run.minimumListStability(assessment, problem, allNodes, () => !live);
    })().then(
      (report) => live && setState(report ? { kind: "done", report } : { kind: "none" }),
      (e: unknown) => {
        if (!live) return; // given up for newer inputs (Cancelled): not a failure
        // The person gets a plain sentence; the error's own text is for the developer console only.
        console.error(e);
        setState({ kind: "failed" });
      }
    );
    return () => {
      live = false;
    };
  }, [assessment, allNodes]);

  if (state.kind === "none") return null;
  const names = fullNameTexts(assessment.measures);
  const nameOf = (id: string) => names.get(id) ?? id;
  const groupOf = (id: string) => {
    const n = findNode(assessment.model, id);
    return (n?.short ?? n?.label)?.[lang] ?? id;
  };
  return (
    <section className={s.section} aria-labelledby="minimum-stability-heading" data-testid="minimum-stability">
      <Subtitle2 as="h2" id="minimum-stability-heading">
        {mst(lang, "pane.heading")}
      </Subtitle2>
      <Caption1 className={s.muted}>{mst(lang, "pane.intro")}</Caption1>
      {state.kind === "loading" && <Spinner size="tiny" label={mst(lang, "pane.loading")} data-testid="minimum-stability-loading" />}
      {state.kind === "failed" && <Caption1 data-testid="minimum-stability-message">{mst(lang, "pane.failed")}</Caption1>}
      {state.kind === "done" && state.report.status !== "ok" && (
        <Caption1 data-testid="minimum-stability-message">{mst(lang, "pane.infeasible")}</Caption1>
      )}
      {state.kind === "done" && state.report.status === "ok" && (
        <>
          <details className={s.now} data-testid="minimum-stability-now">
            <summary>
              <Caption1>{mst(lang, "nowSummary", { count: state.report.minimum.length })}</Caption1>
            </summary>
            <Caption1 as="p" className={s.names}>
              {listNow(lang, "now", state.report.minimum, nameOf)}
            </Caption1>
          </details>
          {state.report.plus && (
            <details className={s.now} data-testid="minimum-stability-plus-now">
              <summary>
                <Caption1>{mst(lang, "plusSummary", { count: state.report.plus.length })}</Caption1>
              </summary>
              <Caption1 as="p" className={s.names}>
                {listNow(lang, "plusNow", state.report.plus, nameOf)}
              </Caption1>
            </details>
          )}
          {state.report.nodes.map((n) => {
            const [first, ...rest] = nodeLines(lang, groupOf(n.nodeId), n, nameOf);
            return (
              <div key={n.nodeId} className={s.node} data-testid="minimum-stability-node" data-node-id={n.nodeId} data-status={n.status}>
                <Text as="p" className={s.sentence} data-testid="minimum-stability-sentence">
                  {first}
                </Text>
                {rest.map((line) => (
                  <Caption1 as="p" key={line} className={s.plus} data-testid="minimum-stability-sentence">
                    {line}
                  </Caption1>
                ))}
              </div>
            );
          })}
        </>
      )}
    </section>
  );
}
