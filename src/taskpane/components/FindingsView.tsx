/**
 * Funn: every finding in plain words, grouped by severity (Feil / Advarsel / Merknad), each with
 * its cell as a link that selects it in the workbook. «Synkroniser» when there are legacy sheets.
 * A measure found in only one of Vurdering and Sjekkliste gets «Legg til igjen» and «Fjern»; the
 * removal deletes a row, so it asks for confirmation inline first and says that it is logged.
 * Rows that look like measures right below a table get «Utvid tabellen til rad N» (only the
 * table's range changes).
 */
import { Button, Caption1, Link, Text, makeStyles, tokens } from "@fluentui/react-components";
import { ArrowSync20Regular, ArrowUndo16Regular, Delete16Regular, ErrorCircle16Filled, Info16Filled, TableResizeRow16Regular, Warning16Filled } from "@fluentui/react-icons";
import { useState } from "react";
import type { Finding, Severity } from "../../core/findings";
import type { Model } from "../../core/model";
import { findingMessage, formatList, severityLabel, type Lang } from "../../i18n";
import { quote, tp } from "../../i18n/taskpane";
import { ftp } from "../../i18n/findings-pane";
import { displayCell, findingsBySeverity } from "../view-model";
import type { OtherFinding } from "../scorers/scorer-notes";
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
  orphan: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, paddingTop: tokens.spacingVerticalXXS },
  confirm: {
    display: "flex",
    flexDirection: "column",
    alignItems: "flex-start",
    gap: tokens.spacingVerticalXS,
    marginTop: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderLeft: `${tokens.strokeWidthThicker} solid ${tokens.colorPaletteRedBorder2}`,
    backgroundColor: tokens.colorPaletteRedBackground1,
    borderRadius: tokens.borderRadiusSmall,
    alignSelf: "stretch",
  },
  confirmButtons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  danger: {
    backgroundColor: tokens.colorPaletteRedBackground3,
    color: tokens.colorNeutralForegroundOnBrand,
    ":hover": { backgroundColor: tokens.colorPaletteRedForeground1, color: tokens.colorNeutralForegroundOnBrand },
    ":hover:active": { backgroundColor: tokens.colorPaletteRedForeground1, color: tokens.colorNeutralForegroundOnBrand },
  },
  none: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, paddingTop: tokens.spacingVerticalL },
});

function SeverityIcon({ severity }: { severity: Severity }) {
  const s = useStyles();
  if (severity === "error") return <ErrorCircle16Filled className={s.error} />;
  if (severity === "warning") return <Warning16Filled className={s.warning} />;
  return <Info16Filled className={s.info} />;
}

const isOther = (f: Finding | OtherFinding): f is OtherFinding => "text" in f;

export function FindingsView({
  findings,
  model,
  lang,
  hasLegacySheets,
  busy,
  actions,
  syncPlan,
  others = [],
}: {
  findings: Finding[];
  model: Model | undefined;
  lang: Lang;
  hasLegacySheets: boolean;
  busy: boolean;
  actions: Pick<ViewActions, "selectCell" | "syncLegacy" | "planSync" | "cancelSync" | "resolveOrphan" | "extendTable">;
  /** What «Synkroniser» will write, awaiting confirmation. */
  syncPlan?: { cells: number; sheets: string[] };
  /** Notes from elsewhere (the scorers), their messages already rendered: listed with the findings of their severity. */
  others?: OtherFinding[];
}) {
  const s = useStyles();
  const groups = findingsBySeverity<Finding | OtherFinding>([...findings, ...others]);
  /** The orphan whose removal is being confirmed (code and measure id). */
  const [confirming, setConfirming] = useState<string | undefined>(undefined);
  return (
    <section className={s.root} aria-label={tp(lang, "tab.findings")}>
      {hasLegacySheets && (
        <div className={s.sync}>
          <Button icon={<ArrowSync20Regular />} onClick={() => actions.planSync()} disabled={busy || syncPlan !== undefined} data-testid="sync-legacy">
            {ftp(lang, "findings.sync")}
          </Button>
          <Caption1 className={s.syncHint}>{ftp(lang, "findings.syncHint")}</Caption1>
          {syncPlan && <SyncConfirm plan={syncPlan} lang={lang} busy={busy} actions={actions} />}
        </div>
      )}
      {groups.length === 0 && (
        <div className={s.none} data-testid="findings-empty">
          <Text weight="semibold">{ftp(lang, "findings.none")}</Text>
          <Text>{ftp(lang, "findings.noneBody")}</Text>
        </div>
      )}
      {groups.map((g) => (
        <div key={g.severity} className={s.section} data-testid={`findings-${g.severity}`}>
          <Text as="h3" size={300} weight="semibold" className={s.heading}>
            <SeverityIcon severity={g.severity} />
            {ftp(lang, "findings.heading", { label: severityLabel(g.severity, lang), count: g.findings.length })}
          </Text>
          <ul className={s.list}>
            {g.findings.map((f, i) => (
              <li
                key={`${f.code}:${f.cell ?? ""}:${f.measureId ?? ""}:${isOther(f) ? "" : (f.criterionId ?? "")}:${i}`}
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
                    aria-label={ftp(lang, "findings.goTo", { cell: displayCell(f.cell) })}
                    data-testid="finding-cell-link"
                  >
                    {displayCell(f.cell)}
                  </Link>
                )}
                <Text size={200} className={s.message}>
                  {isOther(f) ? f.text : findingMessage(f, lang, model)}
                </Text>
                {f.code === "legacy-sheet-empty" && hasLegacySheets && !syncPlan && (
                  <Button size="small" icon={<ArrowSync20Regular />} disabled={busy} onClick={() => actions.planSync()} data-testid="finding-sync">
                    {ftp(lang, "findings.sync")}
                  </Button>
                )}
                {!isOther(f) && f.code === "table-rows-outside" && f.params.extend === true && (
                  <Button
                    size="small"
                    icon={<TableResizeRow16Regular />}
                    disabled={busy}
                    onClick={() => actions.extendTable(String(f.params.table))}
                    title={ftp(lang, "findings.extendTableHint", { sheet: String(f.params.sheet), row: Number(f.params.last) })}
                    data-testid="finding-extend-table"
                  >
                    {ftp(lang, "findings.extendTable", { row: Number(f.params.last) })}
                  </Button>
                )}
                {!isOther(f) && isOrphan(f) && f.measureId && (
                  <OrphanActions
                    f={f as OrphanFinding}
                    lang={lang}
                    busy={busy}
                    confirming={confirming === orphanKey(f)}
                    onConfirming={(on) => setConfirming(on ? orphanKey(f) : undefined)}
                    actions={actions}
                  />
                )}
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}

/** «Synkroniser skriver i 312 celler på 6 ark: …» with «Skriv i arkene» and «Avbryt»; nothing is written before the first. */
function SyncConfirm({
  plan,
  lang,
  busy,
  actions,
}: {
  plan: { cells: number; sheets: string[] };
  lang: Lang;
  busy: boolean;
  actions: Pick<ViewActions, "syncLegacy" | "cancelSync">;
}) {
  const s = useStyles();
  return (
    <div className={s.confirm} role="alertdialog" aria-label={ftp(lang, "findings.sync")} data-testid="sync-confirm" data-cells={plan.cells}>
      <Text size={200} data-testid="sync-plan">
        {ftp(lang, "findings.syncConfirm", { cells: plan.cells, count: plan.sheets.length, sheets: formatList(lang, plan.sheets) })}
      </Text>
      <div className={s.confirmButtons}>
        <Button size="small" appearance="primary" icon={<ArrowSync20Regular />} disabled={busy} onClick={() => actions.syncLegacy()} data-testid="sync-confirm-write">
          {ftp(lang, "findings.syncConfirmButton")}
        </Button>
        {/* Focus starts on the harmless choice. */}
        <Button size="small" appearance="subtle" autoFocus onClick={() => actions.cancelSync()} data-testid="sync-cancel">
          {ftp(lang, "findings.syncCancel")}
        </Button>
      </div>
    </div>
  );
}

type OrphanFinding = Finding & { code: "checklist-only-scoring" | "checklist-only-checklist"; measureId: string };

function isOrphan(f: Finding): boolean {
  return f.code === "checklist-only-scoring" || f.code === "checklist-only-checklist";
}

const orphanKey = (f: Finding) => `${f.code}:${f.measureId ?? ""}`;

/** «Legg til igjen» and «Fjern» (with an inline confirmation) for a measure in only one table. */
function OrphanActions({
  f,
  lang,
  busy,
  confirming,
  onConfirming,
  actions,
}: {
  f: OrphanFinding;
  lang: Lang;
  busy: boolean;
  confirming: boolean;
  onConfirming: (on: boolean) => void;
  actions: Pick<ViewActions, "resolveOrphan">;
}) {
  const s = useStyles();
  const inScoring = f.code === "checklist-only-scoring";
  const name = quote(lang, String(f.params.name ?? f.measureId));
  return (
    <>
      <div className={s.orphan}>
        <Button
          size="small"
          icon={<ArrowUndo16Regular />}
          disabled={busy}
          onClick={() => {
            onConfirming(false);
            actions.resolveOrphan(f.measureId, "add");
          }}
          title={ftp(lang, inScoring ? "findings.orphanAddToChecklist" : "findings.orphanAddToScoring")}
          data-testid="orphan-add"
        >
          {ftp(lang, "findings.orphanAdd")}
        </Button>
        <Button size="small" icon={<Delete16Regular />} disabled={busy || confirming} onClick={() => onConfirming(true)} aria-expanded={confirming} data-testid="orphan-remove">
          {ftp(lang, "findings.orphanRemove")}
        </Button>
      </div>
      {confirming && (
        <div className={s.confirm} role="alertdialog" aria-label={ftp(lang, "findings.orphanRemove")} data-testid="orphan-confirm">
          <Text size={200}>{ftp(lang, inScoring ? "findings.orphanConfirmScoring" : "findings.orphanConfirmChecklist", { name })}</Text>
          <div className={s.confirmButtons}>
            <Button
              size="small"
              className={s.danger}
              icon={<Delete16Regular />}
              disabled={busy}
              onClick={() => {
                onConfirming(false);
                actions.resolveOrphan(f.measureId, "remove");
              }}
              data-testid="orphan-remove-confirm"
            >
              {ftp(lang, "findings.orphanConfirm")}
            </Button>
            {/* Focus starts on the harmless choice: Enter right after «Fjern» does not delete. */}
            <Button size="small" appearance="subtle" autoFocus onClick={() => onConfirming(false)} data-testid="orphan-remove-cancel">
              {ftp(lang, "findings.orphanCancel")}
            </Button>
          </div>
        </div>
      )}
    </>
  );
}
