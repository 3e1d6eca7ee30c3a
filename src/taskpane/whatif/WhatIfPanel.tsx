/**
 * What-if weights in the Modell view: a slider and a number input per node. The tried weights live
 * in the what-if channel (so a tab switch keeps them); every change re-ranks the measures at once
 * (the pane's what-if session, WhatIfSession.tsx, publishes the ranking this panel lists), with
 * movement against the ranking under the weights in force. Nothing is written until «Bruk», which
 * sends the changed weights in one action (the controller logs the old values); «Forkast» returns
 * to the weights in force.
 */
import { Button, Caption1, Input, Slider, Text, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { memo, useEffect, useRef, useState, useSyncExternalStore } from "react";
import type { Assessment } from "../../core/assess";
import { allNodes, isGroup, pathTo, type CriterionNode } from "../../core/model";
import { criterionLabel, formatShort, type Lang } from "../../i18n";
import { wp } from "../../i18n/whatif";
import { parseWeight, weightError } from "../view-model";
import { subscribeWhatIf, tryWeight, whatIfState } from "../../presenter/whatif-channel";
import { changedWeights, type TriedWeights } from "./whatif";
import { WhatIfList } from "./WhatIfList";

const INDENT_PX = 14;

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  row: {
    display: "grid",
    gridTemplateColumns: "minmax(0, 1fr) minmax(5em, 8em) 4.5em",
    columnGap: tokens.spacingHorizontalS,
    alignItems: "center",
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
  },
  /** The weights scroll on their own so that «Bruk» and the re-ranked list stay in view. */
  weights: { maxHeight: "30vh", overflowY: "auto", paddingRight: tokens.spacingHorizontalXS },
  label: { minWidth: 0, overflowWrap: "anywhere" },
  group: { fontWeight: tokens.fontWeightSemibold },
  changed: { fontStyle: "italic" },
  cell: { minWidth: 0 },
  /** The number field fills its cell (inside the cell it no longer stretches as a grid item does). */
  field: { width: "100%", minWidth: 0 },
  slider: { minWidth: 0, width: "100%" },
  input: { textAlign: "right", fontVariantNumeric: "tabular-nums" },
  error: { gridColumn: "1 / -1", color: tokens.colorPaletteRedForeground1 },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center" },
  muted: { color: tokens.colorNeutralForeground3 },
});

/** The slider's upper end: at least 5, and room to double the weight. */
const sliderMax = (w: number) => Math.max(5, Math.ceil(w * 2));

const NO_WEIGHTS: TriedWeights = {};

export function WhatIfPanel({
  assessment,
  lang,
  busy,
  onApply,
  onDiscard,
  focusFirst = false,
}: {
  /** Opened by «Hva om …»: the focus goes to the first slider. */
  focusFirst?: boolean;
  /** The assessment under the weights in force (its model is the one in force). */
  assessment: Assessment;
  lang: Lang;
  busy: boolean;
  onApply: (weights: TriedWeights) => void;
  onDiscard: () => void;
}) {
  const s = useStyles();
  const model = assessment.model;
  const channel = useSyncExternalStore(subscribeWhatIf, whatIfState, whatIfState);
  const tried = channel.weights ?? NO_WEIGHTS;
  const shown = channel.shown;
  const changes = changedWeights(model, tried);
  const weightsRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (focusFirst) weightsRef.current?.querySelector<HTMLElement>("input")?.focus();
  }, [focusFirst]);

  return (
    <section className={s.root} data-testid="whatif">
      <div ref={weightsRef} className={s.weights} role="table" aria-label={wp(lang, "whatif.start")}>
        {allNodes(model).map((node) => (
          <WeightRow
            key={node.id}
            node={node}
            depth={pathTo(model, node.id).length - 1}
            label={criterionLabel(model, node.id, lang)}
            value={tried[node.id] ?? node.weight}
            changed={tried[node.id] !== undefined && tried[node.id] !== node.weight}
            lang={lang}
          />
        ))}
      </div>
      <div className={s.actions}>
        <Button
          appearance="primary"
          disabled={busy || changes.length === 0}
          title={wp(lang, "whatif.applyHint")}
          data-testid="whatif-apply"
          onClick={() => onApply(Object.fromEntries(changes.map((c) => [c.id, c.to])))}
        >
          {wp(lang, "whatif.apply")}
        </Button>
        <Button title={wp(lang, "whatif.discardHint")} data-testid="whatif-discard" onClick={onDiscard}>
          {wp(lang, "whatif.discard")}
        </Button>
        <Caption1 className={s.muted} data-testid="whatif-changed">
          {changes.length === 0 ? wp(lang, "whatif.unchanged") : changes.length === 1 ? wp(lang, "whatif.changedOne") : wp(lang, "whatif.changed", { n: changes.length })}
        </Caption1>
      </div>
      <Text weight="semibold">{wp(lang, "whatif.ranking")}</Text>
      {shown && <WhatIfList shown={shown} lang={lang} />}
    </section>
  );
}

/** One node's slider and input; re-rendered only when its own weight (or label) changes. */
const WeightRow = memo(function WeightRow({
  node,
  depth,
  label,
  value,
  changed,
  lang,
}: {
  node: CriterionNode;
  depth: number;
  label: string;
  value: number;
  changed: boolean;
  lang: Lang;
}) {
  const onChange = (w: number) => tryWeight(node.id, w);
  const s = useStyles();
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | undefined>(undefined);
  const max = sliderMax(node.weight);
  const aria = wp(lang, "whatif.slider", { label });
  return (
    <div className={s.row} role="row" data-testid={`whatif-node-${node.id}`}>
      <Text
        role="rowheader"
        size={200}
        className={mergeClasses(s.label, isGroup(node) && s.group, changed && s.changed)}
        style={{ paddingLeft: `${depth * INDENT_PX}px` }}
      >
        {label}
      </Text>
      {/* The cells hold the controls, so these are announced as a slider and an edit field, not as cells. */}
      <div role="cell" className={s.cell}>
      <Slider
        size="small"
        className={s.slider}
        min={0}
        max={Math.max(max, Math.ceil(value))}
        step={0.1}
        value={value}
        aria-label={aria}
        data-testid={`whatif-slider-${node.id}`}
        onChange={(_, d) => {
          setDraft(null);
          setError(undefined);
          onChange(Math.round(d.value * 10) / 10);
        }}
      />
      </div>
      <div role="cell" className={s.cell}>
      <Input
        size="small"
        className={s.field}
        input={{ className: s.input }}
        inputMode="decimal"
        aria-label={aria}
        aria-invalid={error !== undefined}
        data-testid={`whatif-input-${node.id}`}
        value={draft ?? formatShort(lang, value, 4)}
        onChange={(_, d) => {
          setDraft(d.value);
          const parsed = parseWeight(d.value);
          if (parsed.ok) {
            setError(undefined);
            onChange(parsed.value);
          } else setError(weightError(lang, parsed));
        }}
        onBlur={() => {
          setDraft(null);
          setError(undefined);
        }}
      />
      </div>
      {error && (
        <div role="cell" className={s.error}>
          <Caption1 role="alert">{error}</Caption1>
        </div>
      )}
    </div>
  );
});
