/**
 * «Hvem slår hvem»: for the measures in rank order, the probability that the measure of the row
 * stands before the measure of the column (from the same Monte Carlo run as the rank table).
 * Every cell prints its percentage (colour is never the only signal); full names in the rows, the
 * columns marked with the place now (each header names its measure for screen readers and on hover);
 * the table scrolls sideways inside its frame. At most the first MAX_PAIRWISE measures.
 *
 * data-testid: pairwise-table, pairwise-row (data-measure-id), pairwise-cell (data-other-id, data-p, data-tie).
 */
import { Caption1, Subtitle2, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { rankLabel, type Assessment } from "../../core/assess";
import { PAIRWISE_FIRST, type UncertaintyResult } from "../../core/uncertainty";
import { probabilitySpoken, type Lang } from "../../i18n";
import { percentCell, st } from "../../i18n/stability";
import { heat } from "./heat";

/** The rows the Monte Carlo counts against every measure by default (core's PAIRWISE_FIRST): one figure, so the table never shows rows that were not counted. */
export const MAX_PAIRWISE = PAIRWISE_FIRST;

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, marginTop: tokens.spacingVerticalL },
  scroller: { overflowX: "auto", maxWidth: "100%", border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  table: { borderCollapse: "collapse", fontSize: tokens.fontSizeBase200, fontVariantNumeric: "tabular-nums" },
  th: {
    fontWeight: tokens.fontWeightSemibold,
    padding: "2px 4px",
    textAlign: "right",
    backgroundColor: tokens.colorNeutralBackground3,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    whiteSpace: "nowrap",
  },
  sticky: {
    position: "sticky",
    left: 0,
    zIndex: 1,
    textAlign: "left",
    backgroundColor: tokens.colorNeutralBackground1,
    borderRight: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  stickyHead: { backgroundColor: tokens.colorNeutralBackground3 },
  measureCell: { display: "flex", alignItems: "baseline", padding: "3px 4px" },
  rank: { display: "inline-block", minWidth: "1.9em", color: tokens.colorNeutralForeground3 },
  name: {
    display: "block",
    minWidth: "7em",
    maxWidth: "13em",
    whiteSpace: "normal",
    overflowWrap: "break-word",
    hyphens: "auto",
    fontWeight: tokens.fontWeightRegular,
    lineHeight: tokens.lineHeightBase200,
  },
  cell: { padding: "2px 3px", minWidth: "1.9em", textAlign: "right", borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}` },
  zero: { color: tokens.colorNeutralForeground4 },
  self: { textAlign: "center", color: tokens.colorNeutralForeground4, backgroundColor: tokens.colorNeutralBackground3 },
  caption: { margin: 0, color: tokens.colorNeutralForeground3 },
});

export function PairwiseTable({ result, assessment, lang }: { result: UncertaintyResult; assessment: Assessment; lang: Lang }) {
  const s = useStyles();
  if (!result.beats || !result.ties) return null;
  const beats = result.beats;
  const ties = result.ties;
  const count = result.ids.length;
  const n = Math.min(count, MAX_PAIRWISE);
  const byId = new Map(assessment.measures.map((m) => [m.id, m]));
  const label = (i: number) => {
    const m = byId.get(result.ids[i]);
    return m ? rankLabel(m) : String(i + 1);
  };
  const idx = Array.from({ length: n }, (_, i) => i);
  return (
    <section className={s.section} aria-labelledby="stability-pairwise">
      <Subtitle2 as="h3" id="stability-pairwise">
        {st(lang, "pane.pairwiseHeading")}
      </Subtitle2>
      <div className={s.scroller} tabIndex={0} role="region" aria-labelledby="stability-pairwise">
        <table className={s.table} data-testid="pairwise-table" aria-describedby="pairwise-caption">
          <thead>
            <tr>
              <th scope="col" className={mergeClasses(s.th, s.sticky, s.stickyHead)}>
                {st(lang, "pane.colPlace")} · {st(lang, "pane.colMeasure")}
              </th>
              {idx.map((j) => (
                <th scope="col" key={j} className={s.th} title={result.names[j]} aria-label={`${st(lang, "pane.colPosition", { rank: label(j) })}: ${result.names[j]}`}>
                  {label(j)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {idx.map((i) => (
              <tr key={result.ids[i]} data-testid="pairwise-row" data-measure-id={result.ids[i]}>
                <th scope="row" className={s.sticky}>
                  <span className={s.measureCell}>
                    <span className={s.rank}>{label(i)}</span>
                    <span className={s.name} lang="nb">
                      {result.names[i]}
                    </span>
                  </span>
                </th>
                {idx.map((j) => {
                  if (i === j)
                    return (
                      <td key={j} className={mergeClasses(s.cell, s.self)} aria-hidden="true">
                        –
                      </td>
                    );
                  const p = beats[i][j];
                  const tie = ties[i][j];
                  const text = st(lang, tie > 0 ? "pane.pairwiseCellTie" : "pane.pairwiseCell", {
                    a: result.names[i],
                    b: result.names[j],
                    percent: probabilitySpoken(lang, p),
                    tie: probabilitySpoken(lang, tie),
                  });
                  return (
                    <td
                      key={j}
                      className={mergeClasses(s.cell, p <= 0 && s.zero)}
                      style={heat(p)}
                      data-testid="pairwise-cell"
                      data-other-id={result.ids[j]}
                      data-p={p}
                      data-tie={tie}
                      title={text}
                      aria-label={text}
                    >
                      {percentCell(p)}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Caption1 as="p" id="pairwise-caption" className={s.caption}>
        {st(lang, "pane.pairwiseCaption")}
        {n < count ? ` ${st(lang, "pane.pairwiseFirst", { shown: n, count })}` : ""}
      </Caption1>
    </section>
  );
}
