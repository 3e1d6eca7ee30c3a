/**
 * Modell: the criteria tree with a weight on every node (committed on Enter or blur), the implied
 * share of the total of every leaf (and group), the total kind and scale, «Tilbakestill til like
 * vekter», and the tie-break as an ordered choice of groups.
 */
import { Caption1, Input, Label, Select, Text, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { useEffect, useId, useRef, useState, useSyncExternalStore } from "react";
import { allNodes, groups, impliedLeafWeights, isGroup, pathTo, totalMax, totalMin, type CriterionNode, type Model } from "../../core/model";
import { criterionLabel, formatPercent, formatShort, type Lang } from "../../i18n";
import { tp } from "../../i18n/taskpane";
import { mtp } from "../../i18n/model-pane";
import { parseWeight, weightError } from "../view-model";
import type { Assessment } from "../../core/assess";
import { WhatIfPanel } from "../whatif/WhatIfPanel";
import { ResetWeights, WhatIfStart } from "../whatif/WhatIfControls";
import type { ViewActions } from "./actions";
import { endWhatIf, startWhatIf, subscribeWhatIf, whatIfEpoch } from "../../presenter/whatif-channel";

/** Indentation per level of the criteria tree. */
const INDENT_PX = 14;

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  facts: {
    display: "grid",
    gridTemplateColumns: "auto 1fr",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
    margin: 0,
  },
  factTerm: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  factValue: { margin: 0, fontSize: tokens.fontSizeBase200 },
  hint: { color: tokens.colorNeutralForeground3 },
  table: { display: "flex", flexDirection: "column" },
  head: {
    display: "grid",
    gridTemplateColumns: "minmax(0, 1fr) 4.5em 4.5em",
    columnGap: tokens.spacingHorizontalS,
    color: tokens.colorNeutralForeground3,
    paddingBottom: tokens.spacingVerticalXS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  right: { textAlign: "right" },
  row: {
    display: "grid",
    gridTemplateColumns: "minmax(0, 1fr) 4.5em 4.5em",
    columnGap: tokens.spacingHorizontalS,
    alignItems: "start",
    paddingTop: "3px",
    paddingBottom: "3px",
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
  },
  label: { paddingTop: "4px", minWidth: 0, overflowWrap: "anywhere" },
  groupLabel: { fontWeight: tokens.fontWeightSemibold },
  weight: { width: "100%", minWidth: 0 },
  weightInput: { textAlign: "right", fontVariantNumeric: "tabular-nums" },
  share: { paddingTop: "4px", textAlign: "right", fontVariantNumeric: "tabular-nums" },
  groupShare: { color: tokens.colorNeutralForeground3 },
  error: { gridColumn: "1 / -1", color: tokens.colorPaletteRedForeground1, paddingBottom: tokens.spacingVerticalXXS },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  tieBreakGroup: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  tieBreak: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  slot: { display: "grid", gridTemplateColumns: "1.5em minmax(0, 1fr)", alignItems: "center", columnGap: tokens.spacingHorizontalXS },
  readOnly: { color: tokens.colorNeutralForeground2 },
});

export function ModelView({
  model,
  lang,
  readOnly,
  busy,
  actions,
  assessment,
}: {
  model: Model;
  lang: Lang;
  /** The assessment under the weights in force; what-if mode needs it. */
  assessment?: Assessment;
  /** Legacy preview: there is no Modell sheet to write to yet. */
  readOnly: boolean;
  busy: boolean;
  actions: Pick<ViewActions, "setWeight" | "resetWeights" | "setTieBreak"> & Partial<Pick<ViewActions, "setWeights">>;
}) {
  const s = useStyles();
  // What-if is on while the channel holds tried weights: it outlives this view (a tab switch keeps them).
  const whatIf = useSyncExternalStore(subscribeWhatIf, whatIfEpoch, whatIfEpoch) % 2 === 1;
  // Focus: «Hva om …» moves it to the first slider; when what-if ends («Bruk», «Forkast») with the
  // focus in the panel that went away, it returns to «Hva om …».
  const startButton = useRef<HTMLButtonElement>(null);
  const [focusPanel, setFocusPanel] = useState(false);
  const wasOn = useRef(whatIf);
  useEffect(() => {
    const lost = document.activeElement === null || document.activeElement === document.body;
    if (wasOn.current && !whatIf && lost) startButton.current?.focus();
    if (!whatIf) setFocusPanel(false);
    wasOn.current = whatIf;
  }, [whatIf]);
  const implied = impliedLeafWeights(model);
  const shareOf = (node: CriterionNode): number =>
    isGroup(node) ? node.children!.reduce((sum, c) => sum + shareOf(c), 0) : (implied.get(node.id) ?? 0);
  const depthOf = (id: string) => pathTo(model, id).length - 1;
  const range = { min: formatShort(lang, totalMin(model)), max: formatShort(lang, totalMax(model)) };

  return (
    <section className={s.root} aria-label={tp(lang, "tab.model")}>
      <dl className={s.facts}>
        <dt className={s.factTerm}>{mtp(lang, "model.total")}</dt>
        <dd className={s.factValue} data-testid="model-total-kind">
          {mtp(lang, model.total === "sum" ? "model.totalSum" : "model.totalMean", range)}
        </dd>
        <dt className={s.factTerm}>{mtp(lang, "model.scale")}</dt>
        <dd className={s.factValue} data-testid="model-scale">
          {mtp(lang, "model.range", { min: formatShort(lang, model.scale.min), max: formatShort(lang, model.scale.max) })}
        </dd>
      </dl>

      {readOnly ? (
        <Caption1 className={s.readOnly} data-testid="model-read-only">
          {mtp(lang, "model.readOnly")}
        </Caption1>
      ) : (
        <Caption1 className={s.hint}>{mtp(lang, "model.weightsHint")}</Caption1>
      )}

      {!readOnly && assessment && actions.setWeights && whatIf ? (
        <WhatIfPanel
          focusFirst={focusPanel}
          assessment={assessment}
          lang={lang}
          busy={busy}
          onApply={(w) => {
            actions.setWeights!(w);
            endWhatIf();
          }}
          onDiscard={endWhatIf}
        />
      ) : (
      <>
      <div className={s.table} role="table" aria-label={tp(lang, "tab.model")}>
        <div className={s.head} role="row">
          <Caption1 role="columnheader">{mtp(lang, "model.colCriterion")}</Caption1>
          <Caption1 role="columnheader" className={s.right}>
            {mtp(lang, "model.colWeight")}
          </Caption1>
          <Caption1 role="columnheader" className={s.right}>
            {mtp(lang, "model.colShare")}
          </Caption1>
        </div>
        {allNodes(model).map((node) => (
          <NodeRow
            key={node.id}
            node={node}
            model={model}
            depth={depthOf(node.id)}
            share={shareOf(node)}
            lang={lang}
            readOnly={readOnly}
            onCommit={(w) => actions.setWeight(node.id, w)}
          />
        ))}
      </div>

      {!readOnly && (
        <div className={s.actions}>
          <ResetWeights lang={lang} busy={busy} onReset={() => actions.resetWeights()} />
          {assessment && actions.setWeights && (
            <WhatIfStart
              lang={lang}
              busy={busy}
              buttonRef={startButton}
              onStart={() => {
                setFocusPanel(true);
                startWhatIf();
              }}
            />
          )}
        </div>
      )}
      </>
      )}

      <TieBreak model={model} lang={lang} readOnly={readOnly} onChange={(ids) => actions.setTieBreak(ids)} />
    </section>
  );
}

function NodeRow({
  node,
  model,
  depth,
  share,
  lang,
  readOnly,
  onCommit,
}: {
  node: CriterionNode;
  model: Model;
  depth: number;
  share: number;
  lang: Lang;
  readOnly: boolean;
  onCommit: (weight: number) => void;
}) {
  const s = useStyles();
  const group = isGroup(node);
  const label = criterionLabel(model, node.id, lang);
  const errorId = useId();
  const shown = formatShort(lang, node.weight, 4);
  /** What the user is typing; null while the input shows the model's weight. */
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | undefined>(undefined);
  const focused = useRef(false);
  /** The weight sent last and not yet reflected in the model (so blur after Enter does not send it twice). */
  const pending = useRef<number | undefined>(undefined);

  // A new model from the workbook replaces the draft unless the user is typing in this input.
  useEffect(() => {
    pending.current = undefined;
    if (!focused.current) {
      setDraft(null);
      setError(undefined);
    }
  }, [model, node.weight]);

  const commit = () => {
    if (draft === null) return;
    const parsed = parseWeight(draft);
    if (!parsed.ok) {
      setError(weightError(lang, parsed));
      return;
    }
    setError(undefined);
    if (parsed.value === node.weight) {
      pending.current = undefined;
      setDraft(null);
      return;
    }
    // Keep showing the typed value until the workbook's new weight arrives.
    setDraft(formatShort(lang, parsed.value, 4));
    if (pending.current === parsed.value) return;
    pending.current = parsed.value;
    onCommit(parsed.value);
  };

  return (
    <div className={s.row} role="row" data-testid={`model-node-${node.id}`}>
      <Text
        role="rowheader"
        size={group && depth === 0 ? 300 : 200}
        className={mergeClasses(s.label, group && s.groupLabel)}
        style={{ paddingLeft: `${depth * INDENT_PX}px` }}
        title={node.label[lang]}
      >
        {label}
      </Text>
      <div role="cell">
        <Input
          size="small"
          className={s.weight}
          input={{ className: s.weightInput }}
          value={draft ?? shown}
          disabled={readOnly}
          inputMode="decimal"
          aria-label={mtp(lang, "model.weightLabel", { label })}
          aria-invalid={error !== undefined}
          aria-describedby={error ? errorId : undefined}
          data-testid={`weight-input-${node.id}`}
          onFocus={() => {
            focused.current = true;
          }}
          onChange={(_, d) => {
            setDraft(d.value);
            if (error) setError(undefined);
          }}
          onBlur={() => {
            focused.current = false;
            commit();
          }}
          onKeyDown={(e) => {
            if (e.key === "Enter") {
              e.preventDefault();
              commit();
            } else if (e.key === "Escape") {
              setDraft(null);
              setError(undefined);
            }
          }}
        />
      </div>
      <Text
        role="cell"
        size={200}
        className={mergeClasses(s.share, group && s.groupShare)}
        aria-label={mtp(lang, "model.shareLabel", { label, share: formatPercent(lang, share) })}
        data-testid={group ? `group-share-${node.id}` : `implied-${node.id}`}
      >
        {formatPercent(lang, share)}
      </Text>
      {error && (
        <Caption1 id={errorId} className={s.error} role="alert" data-testid={`weight-error-${node.id}`}>
          {error}
        </Caption1>
      )}
    </div>
  );
}

function TieBreak({ model, lang, readOnly, onChange }: { model: Model; lang: Lang; readOnly: boolean; onChange: (ids: string[]) => void }) {
  const s = useStyles();
  const labelId = useId();
  const hintId = useId();
  const options = groups(model).map((g) => ({
    id: g.id,
    label: pathTo(model, g.id)
      .map((n) => criterionLabel(model, n.id, lang))
      .join(" › "),
  }));
  const slots = Math.min(3, options.length);
  const current = model.tieBreak.filter((id) => options.some((o) => o.id === id)).slice(0, slots);
  const choose = (slot: number, id: string) => {
    const next = [...current];
    if (id === "") next.splice(slot);
    else {
      // Choosing a group that a later slot holds swaps the two.
      const j = next.indexOf(id);
      if (j >= 0 && j !== slot) next[j] = next[slot];
      next[slot] = id;
    }
    const ids = next.filter((x, i) => x !== undefined && x !== "" && next.indexOf(x) === i);
    if (ids.join(",") !== current.join(",")) onChange(ids);
  };
  if (slots === 0) return null;
  // A group with its label and hint, not a Field: a Field gives its one id to every select inside it.
  return (
    <div className={s.tieBreakGroup} role="group" aria-labelledby={labelId} aria-describedby={hintId}>
      <Label id={labelId}>{mtp(lang, "model.tieBreak")}</Label>
      <div className={s.tieBreak} data-testid="tie-break">
        {Array.from({ length: slots }, (_, slot) => {
          // A slot is open when every slot before it has a choice.
          const open = slot <= current.length;
          const taken = new Set(current.slice(0, slot));
          return (
            <div key={slot} className={s.slot}>
              <Caption1>{mtp(lang, "model.tieBreakSlot", { n: slot + 1 })}</Caption1>
              <Select
                size="small"
                value={current[slot] ?? ""}
                disabled={readOnly || !open}
                aria-label={mtp(lang, "model.tieBreakSlotLabel", { n: slot + 1 })}
                data-testid={`tie-break-${slot + 1}`}
                onChange={(_, d) => choose(slot, d.value)}
              >
                <option value="">{mtp(lang, "model.tieBreakNone")}</option>
                {options
                  .filter((o) => !taken.has(o.id))
                  .map((o) => (
                    <option key={o.id} value={o.id}>
                      {o.label}
                    </option>
                  ))}
              </Select>
            </div>
          );
        })}
      </div>
      <Caption1 id={hintId} className={s.hint}>
        {mtp(lang, "model.tieBreakHint")}
      </Caption1>
    </div>
  );
}
