/**
 * Funn: every finding in plain words, grouped by severity (Feil / Advarsel / Merknad), each with
 * its cell as a link that selects it in the workbook. «Synkroniser» when there are legacy sheets.
 */
import { Button, Caption1, Link, Text, makeStyles, tokens } from "@fluentui/react-components";
import { ArrowSync20Regular, ErrorCircle16Filled, Info16Filled, Warning16Filled } from "@fluentui/react-icons";
import type { Finding, Severity } from "../../core/findings";
import type { Model } from "../../core/model";
import { findingMessage, severityLabel, type Lang } from "../../i18n";
import { tp } from "../../i18n/taskpane";
import { displayCell, findingsBySeverity } from "../view-model";
import type { ViewActions } from "./actions";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  sync: {
    display: "flex",
    flexDirection: "column",
    alignItems: "flex-start",
    gap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorNeutralBackground2,
    borderRadius: tokens.borderRadiusMedium,
  },
  syncHint: { color: tokens.colorNeutralForeground2 },
  section: { display: "flex", flexDirection: "column" },
  heading: {
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalXS,
    margin: 0,
    paddingBottom: tokens.spacingVerticalXS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  error: { color: tokens.colorPaletteRedForeground1 },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
  info: { color: tokens.colorBrandForeground1 },
  list: { listStyleType: "none", margin: 0, padding: 0 },
  item: {
    display: "flex",
    flexDirection: "column",
    alignItems: "flex-start",
    gap: "2px",
    paddingTop: tokens.spacingVerticalS,
    paddingBottom: tokens.spacingVerticalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
  },
  cell: { fontVariantNumeric: "tabular-nums", fontSize: tokens.fontSizeBase200 },
  message: { color: tokens.colorNeutralForeground1 },
  none: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, paddingTop: tokens.spacingVerticalL },
});

function SeverityIcon({ severity }: { severity: Severity }) {
  const s = useStyles();
  if (severity === "error") return <ErrorCircle16Filled className={s.error} />;
  if (severity === "warning") return <Warning16Filled className={s.warning} />;
  return <Info16Filled className={s.info} />;
}

export function FindingsView({
  findings,
  model,
  lang,
  hasLegacySheets,
  busy,
  actions,
}: {
  findings: Finding[];
  model: Model | undefined;
  lang: Lang;
  hasLegacySheets: boolean;
  busy: boolean;
  actions: Pick<ViewActions, "selectCell" | "syncLegacy">;
}) {
  const s = useStyles();
  const groups = findingsBySeverity(findings);
  return (
    <section className={s.root} aria-label={tp(lang, "tab.findings")}>
      {hasLegacySheets && (
        <div className={s.sync}>
          <Button icon={<ArrowSync20Regular />} onClick={() => actions.syncLegacy()} disabled={busy} data-testid="sync-legacy">
            {tp(lang, "findings.sync")}
          </Button>
          <Caption1 className={s.syncHint}>{tp(lang, "findings.syncHint")}</Caption1>
        </div>
      )}
      {groups.length === 0 && (
        <div className={s.none} data-testid="findings-empty">
          <Text weight="semibold">{tp(lang, "findings.none")}</Text>
          <Text>{tp(lang, "findings.noneBody")}</Text>
        </div>
      )}
      {groups.map((g) => (
        <div key={g.severity} className={s.section} data-testid={`findings-${g.severity}`}>
          <Text as="h3" size={300} weight="semibold" className={s.heading}>
            <SeverityIcon severity={g.severity} />
            {tp(lang, "findings.heading", { label: severityLabel(g.severity, lang), count: g.findings.length })}
          </Text>
          <ul className={s.list}>
            {g.findings.map((f, i) => (
              <li
                key={`${f.code}:${f.cell ?? ""}:${f.measureId ?? ""}:${f.criterionId ?? ""}:${i}`}
                className={s.item}
                data-testid="finding"
                data-code={f.code}
                data-cell={f.cell ?? ""}
                data-severity={f.severity}
              >
                {f.cell && (
                  <Link
                    as="button"
                    className={s.cell}
                    onClick={() => actions.selectCell(f.cell!)}
                    aria-label={tp(lang, "findings.goTo", { cell: displayCell(f.cell) })}
                    data-testid="finding-cell-link"
                  >
                    {displayCell(f.cell)}
                  </Link>
                )}
                <Text size={200} className={s.message}>
                  {findingMessage(f, lang, model)}
                </Text>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
