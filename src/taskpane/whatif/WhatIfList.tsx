/**
 * The ranking under the tried weights, with each measure's movement against the weights in
 * force: shown in the Modell view's what-if panel and, while what-if is on, in Rangering. Rows
 * are memoised on what they show, so a slider step re-renders only the rows that changed.
 * `data-weights` on the list names the tried weights it shows (the bench waits for it).
 */
import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { memo, useMemo } from "react";
import { displayTotals } from "../../core/display-total";
import { rankLabel, type MeasureResult } from "../../core/assess";
import { formatNumber, type Lang } from "../../i18n";
import { wp } from "../../i18n/whatif";
import type { TriedWeights, WhatIfShown } from "../../presenter/whatif-channel";
import { fullNameTexts } from "../../core/full-name";

const useStyles = makeStyles({
  list: { listStyleType: "none", margin: 0, padding: 0 },
  rank: {
    display: "grid",
    gridTemplateColumns: "2.4em minmax(0, 1fr) auto 3.6em",
    columnGap: tokens.spacingHorizontalS,
    alignItems: "baseline",
    paddingTop: "2px",
    paddingBottom: "2px",
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
    // Plain elements with the body type (Fluent's Text would be 600 components for 200 rows, each slider step).
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    color: tokens.colorNeutralForeground1,
    // Rows off screen are not laid out or painted on a slider step (a long list re-ranks in place).
    contentVisibility: "auto",
    containIntrinsicSize: "auto 26px",
  },
  label: { minWidth: 0, overflowWrap: "anywhere" },
  num: { textAlign: "right", fontVariantNumeric: "tabular-nums" },
  move: { display: "inline-flex", alignItems: "center", justifyContent: "flex-end", fontVariantNumeric: "tabular-nums" },
  up: { color: tokens.colorPaletteGreenForeground1 },
  down: { color: tokens.colorPaletteRedForeground1 },
  muted: { color: tokens.colorNeutralForeground3 },
});

/** The tried weights as a short stable text («nytte=2;kost=1»), in id order. */
export function weightsKey(w: TriedWeights | null | undefined): string {
  return w
    ? Object.keys(w)
        .sort()
        .map((k) => `${k}=${w[k]}`)
        .join(";")
    : "";
}

export function WhatIfList({ shown, lang }: { shown: WhatIfShown; lang: Lang }) {
  const s = useStyles();
  const moves = shown.moves ?? new Map<string, { by: number; from: number }>();
  // «Tema: tiltak», unique in the list: every list's rule (core/full-name.ts).
  const names = useMemo(() => fullNameTexts(shown.tried.measures), [shown.tried]);
  // Totals as Rangering prints them: one number of decimals for the list, enough to keep different totals apart.
  const totals = useMemo(() => {
    const d = displayTotals(
      shown.tried.measures.map((m) => m.total),
      { tolerance: shown.tried.model.tolerance },
    );
    return d.values.map((v) => (v === null ? null : formatNumber(lang, v, d.decimals)));
  }, [shown.tried, lang]);
  return (
    <ol className={s.list} aria-label={wp(lang, "whatif.ranking")} data-testid="whatif-ranking" data-weights={weightsKey(shown.weights)}>
      {shown.tried.measures.map((m, i) => {
        const move = moves.get(m.id);
        // Keyed by place, not by measure: a re-ranking rewrites the text of the places that changed
        // instead of moving up to 200 list items in the DOM (and every observer of it) on each slider step.
        return <Row key={i} m={m} name={names.get(m.id) ?? m.name} rank={rankLabel(m)} total={totals[i]} by={move?.by ?? 0} from={move?.from ?? 0} lang={lang} />;
      })}
    </ol>
  );
}

/** One row: re-rendered only when its rank, total, movement or language changes (a measure's name changes only with a new assessment). */
const Row = memo(
  function Row({ m, name: full, rank, total, by, from, lang }: { m: MeasureResult; name: string; rank: string; total: string | null; by: number; from: number; lang: Lang }) {
    const s = useStyles();
    const words = by !== 0 ? wp(lang, by > 0 ? "whatif.up" : "whatif.down", { n: Math.abs(by), from }) : "";
    return (
      <li className={s.rank} data-testid={`whatif-row-${m.id}`}>
        <span className={s.num} data-testid="whatif-rank">
          {rank}
        </span>
        <span className={s.label} title={full}>
          {full}
        </span>
        <span className={s.num}>{total === null ? wp(lang, "whatif.noTotal") : total}</span>
        {/* The arrow is an image with its words («opp 2 fra 5»); an unmoved row says «uendret» to a screen reader. */}
        {by !== 0 ? (
          <span className={mergeClasses(s.move, by > 0 ? s.up : s.down)} role="img" aria-label={words} title={words} data-testid="whatif-move">
            {`${by > 0 ? "↑" : "↓"}${Math.abs(by)}`}
          </span>
        ) : (
          <span className={mergeClasses(s.move, s.muted)} role="img" aria-label={wp(lang, "whatif.same")} />
        )}
      </li>
    );
  },
  (a, b) => a.rank === b.rank && a.total === b.total && a.by === b.by && a.from === b.from && a.lang === b.lang && a.m.id === b.m.id && a.name === b.name,
);
