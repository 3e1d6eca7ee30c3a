/**
 * Runder: save the ranking as a named, dated round; choose the baseline movement is shown against
 * (the last round by default); import an earlier meeting workbook as a round; delete a round (asks
 * first; logged); and compare two rounds, or a round and now: ranks, totals, the score cells and
 * the weights that changed. Loaded lazily by App.tsx, with its strings (src/i18n/rounds.ts).
 *
 * data-testid: rounds-view, round-name (the <input>), round-save, round-name-error, baseline-select
 * (native <select>: "" = last round, else a round id), baseline-line, round-import (the file <input>),
 * round-problem (a damaged round or register: its finding, data-cell), round-item (data-round-id, data-baseline),
 * round-delete, round-delete-confirm, round-delete-yes, round-delete-cancel, rounds-none,
 * compare-from, compare-to (native <select>; "now" for the workbook now), compare-result,
 * compare-rank, compare-total, compare-cell (data-cell), compare-weight (data-node-id),
 * compare-added, compare-removed, compare-nothing.
 */
import {
  Badge,
  Button,
  Caption1,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Select,
  Subtitle2,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { Delete16Regular, DocumentArrowUp16Regular, Save16Regular } from "@fluentui/react-icons";
import { useEffect, useMemo, useRef, useState } from "react";
import { compareRounds, MAX_ROUND_NAME, roundFromAssessment, type Comparison, type Round, type RoundScore } from "../../core/rounds";
import { criterionLabel, findingMessage, formatNumber, formatShort, type Lang } from "../../i18n";
import { roundDate, rp } from "../../i18n/rounds";
import type { AppState, RoundActions } from "../../app/app-state";
import { displayCell } from "../view-model";
import { fullNameTexts } from "../../core/full-name";
import { readWorkbookFile } from "../../ui/read-file";
import { NO_TITLE } from "../../ui/message-bar";

const NOW = "now";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL },
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  muted: { color: tokens.colorNeutralForeground3 },
  saveRow: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "flex-end", flexWrap: "wrap" },
  grow: { flexGrow: 1, minWidth: "10em" },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column" },
  item: {
    display: "grid",
    gridTemplateColumns: "minmax(0, 1fr) auto",
    columnGap: tokens.spacingHorizontalS,
    alignItems: "center",
    paddingTop: tokens.spacingVerticalXS,
    paddingBottom: tokens.spacingVerticalXS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
  },
  itemMain: { display: "flex", flexDirection: "column", minWidth: 0 },
  itemName: { overflowWrap: "anywhere", display: "flex", gap: tokens.spacingHorizontalXS, alignItems: "center", flexWrap: "wrap" },
  confirm: {
    gridColumn: "1 / -1",
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingVerticalS,
    marginTop: tokens.spacingVerticalXS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorPaletteRedBorder2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorPaletteRedBackground1,
  },
  confirmButtons: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  danger: { color: tokens.colorPaletteRedForeground1 },
  pickers: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  picker: { flexGrow: 1, minWidth: "9em" },
  changes: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: "2px" },
  change: { overflowWrap: "anywhere", fontVariantNumeric: "tabular-nums" },
  fromTo: { whiteSpace: "nowrap" },
  cell: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200 },
  /** The native file input stays in the page (keyboard, screen readers) but shows as the button beside it. */
  fileInput: { position: "absolute", width: "1px", height: "1px", opacity: 0, overflow: "hidden" },
  fileButton: { alignSelf: "flex-start" },
  fit: { minWidth: 0, maxWidth: "100%" },
  fitSelect: { minWidth: 0, width: "100%", "& select": { textOverflow: "ellipsis" } },
});

function scoreText(lang: Lang, v: RoundScore): string {
  if (v === null) return rp(lang, "compare.blank");
  if (typeof v === "number") return formatShort(lang, v, 2);
  return `«${v}»`;
}

function rankText(lang: Lang, rank: number | null, tied: boolean): string {
  return rank === null ? rp(lang, "compare.noRank") : `${rank}${tied ? "=" : ""}`;
}

export default function RoundsView({ state, rounds }: { state: AppState; rounds: RoundActions }) {
  const s = useStyles();
  const lang = state.lang;
  const [name, setName] = useState("");
  const [nameError, setNameError] = useState<string | undefined>(undefined);
  const [fileProblem, setFileProblem] = useState<string | undefined>(undefined);
  const [confirming, setConfirming] = useState<string | undefined>(undefined);
  const [from, setFrom] = useState<string | undefined>(undefined);
  const [to, setTo] = useState<string>(NOW);
  const fileInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    void rounds.load();
  }, [rounds]);

  const list = state.rounds?.rounds ?? [];
  const baselineId = state.baseline?.roundId;
  const byId = new Map(list.map((r) => [r.id, r]));
  const fromId = from !== undefined && byId.has(from) ? from : baselineId !== undefined && byId.has(baselineId) ? baselineId : list[list.length - 1]?.id;
  const toId = to === NOW || byId.has(to) ? to : NOW;
  const now = useMemo(
    () =>
      state.assessment ? roundFromAssessment(state.assessment, { id: NOW, name: rp(lang, "compare.now"), savedAt: new Date(0).toISOString(), source: "workbook" }) : undefined,
    [state.assessment, lang],
  );
  const a = fromId !== undefined ? byId.get(fromId) : undefined;
  const b = toId === NOW ? now : byId.get(toId);
  const comparison = useMemo(() => (a && b && a !== b ? compareRounds(a, b) : undefined), [a, b]);

  const save = () => {
    if (name.trim() === "") return setNameError(rp(lang, "rounds.nameEmpty"));
    if (name.length > MAX_ROUND_NAME) return setNameError(rp(lang, "rounds.nameTooLong", { n: name.length, max: MAX_ROUND_NAME }));
    setNameError(undefined);
    void rounds.save(name).then(() => setName(""));
  };

  const importFile = async (file: File) => {
    setFileProblem(undefined);
    const read = await readWorkbookFile(await file.arrayBuffer(), file.name, lang).catch(() => ({ ok: false as const, message: rp(lang, "rounds.importFailed", { file: file.name, reason: "" }) }));
    if (!read.ok) return setFileProblem(read.message);
    const roundName = name.trim() !== "" ? name : file.name.replace(/\.xlsx$/i, "");
    await rounds.importFile({ name: read.name, grids: read.grids }, roundName);
    setName("");
  };

  return (
    <section className={s.root} aria-label={rp(lang, "rounds.heading")} data-testid="rounds-view">
      <div className={s.section}>
        <Text className={s.muted}>{rp(lang, "rounds.intro")}</Text>
        <div className={s.saveRow}>
          <Field className={s.grow} label={rp(lang, "rounds.nameLabel")} validationMessage={nameError} validationState={nameError ? "error" : "none"}>
            <Input
              value={name}
              placeholder={rp(lang, "rounds.namePlaceholder")}
              onChange={(_, d) => setName(d.value)}
              onKeyDown={(e) => e.key === "Enter" && save()}
              data-testid="round-name"
            />
          </Field>
          {/* Focusable while saving (a disabled button would drop the focus); the saved round is announced by the pane's live region. */}
          <Button appearance="primary" icon={<Save16Regular />} disabled={state.status !== "ready"} disabledFocusable={state.busy} onClick={save} data-testid="round-save">
            {rp(lang, "rounds.save")}
          </Button>
        </div>
        {nameError && <span hidden data-testid="round-name-error">{nameError}</span>}
      </div>

      {[...(state.assessment?.findings.filter((f) => f.code === "rounds-register-damaged") ?? []), ...(state.rounds?.findings ?? [])].map((f) => (
        <MessageBar key={`${f.code}:${f.cell ?? ""}`} intent="warning" layout="multiline" data-testid="round-problem" data-cell={f.cell ?? ""} aria-labelledby={NO_TITLE}>
          <MessageBarBody>
            {findingMessage(f, lang)} <span className={s.cell}>{displayCell(f.cell ?? "")}</span>
          </MessageBarBody>
        </MessageBar>
      ))}

      <div className={s.section}>
        <Subtitle2 as="h2">{rp(lang, "rounds.list")}</Subtitle2>
        {list.length === 0 ? (
          <Caption1 className={s.muted} data-testid="rounds-none">
            {rp(lang, "rounds.none")}
          </Caption1>
        ) : (
          <>
            <Field className={s.fit} label={rp(lang, "rounds.baselineLabel")}>
              <Select
                className={s.fitSelect}
                value={state.rounds?.pinned ?? ""}
                disabled={state.busy}
                onChange={(_, d) => void rounds.choose(d.value === "" ? null : d.value)}
                data-testid="baseline-select"
              >
                <option value="">{rp(lang, "rounds.baselineLast", { name: list[list.length - 1].name })}</option>
                {list.map((r) => (
                  <option key={r.id} value={r.id}>
                    {r.name} ({roundDate(lang, r.savedAt)})
                  </option>
                ))}
              </Select>
            </Field>
            {state.baseline && (
              <Caption1 data-testid="baseline-line">{rp(lang, "rounds.baselineIs", { name: state.baseline.name, date: roundDate(lang, state.baseline.savedAt) })}</Caption1>
            )}
            <ul className={s.list}>
              {[...list].reverse().map((r) => (
                <RoundItem
                  key={r.id}
                  r={r}
                  lang={lang}
                  isBaseline={r.id === baselineId}
                  busy={state.busy}
                  confirming={confirming === r.id}
                  onConfirming={(on) => setConfirming(on ? r.id : undefined)}
                  onDelete={() => {
                    setConfirming(undefined);
                    void rounds.remove(r.id);
                  }}
                />
              ))}
            </ul>
          </>
        )}
      </div>

      <div className={s.section}>
        <Field label={rp(lang, "rounds.importLabel")} hint={rp(lang, "rounds.importHint")} validationMessage={fileProblem} validationState={fileProblem ? "error" : "none"}>
          <Button className={s.fileButton} icon={<DocumentArrowUp16Regular />} disabled={state.busy || state.status !== "ready"} onClick={() => fileInput.current?.click()}>
            {rp(lang, "rounds.importButton")}
          </Button>
        </Field>
        <input
          ref={fileInput}
          className={s.fileInput}
          type="file"
          accept=".xlsx"
          tabIndex={-1}
          aria-hidden="true"
          disabled={state.busy || state.status !== "ready"}
          data-testid="round-import"
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = "";
            if (file) void importFile(file);
          }}
        />
      </div>

      {list.length > 0 && (
        <div className={s.section}>
          <Subtitle2 as="h2">{rp(lang, "compare.heading")}</Subtitle2>
          <div className={s.pickers}>
            <Field className={s.picker} label={rp(lang, "compare.from")}>
              <Select value={fromId ?? ""} onChange={(_, d) => setFrom(d.value)} data-testid="compare-from">
                {list.map((r) => (
                  <option key={r.id} value={r.id}>
                    {r.name}
                  </option>
                ))}
              </Select>
            </Field>
            <Field className={s.picker} label={rp(lang, "compare.to")}>
              <Select value={toId} onChange={(_, d) => setTo(d.value)} data-testid="compare-to">
                <option value={NOW}>{rp(lang, "compare.now")}</option>
                {list.map((r) => (
                  <option key={r.id} value={r.id}>
                    {r.name}
                  </option>
                ))}
              </Select>
            </Field>
          </div>
          {a && b && a === b && <Caption1 className={s.muted}>{rp(lang, "compare.same")}</Caption1>}
          {comparison && a && b && <ComparisonList c={comparison} lang={lang} earlier={a} later={b} />}
        </div>
      )}
    </section>
  );
}

function RoundItem({
  r,
  lang,
  isBaseline,
  busy,
  confirming,
  onConfirming,
  onDelete,
}: {
  r: Round;
  lang: Lang;
  isBaseline: boolean;
  busy: boolean;
  confirming: boolean;
  onConfirming: (on: boolean) => void;
  onDelete: () => void;
}) {
  const s = useStyles();
  const when = roundDate(lang, r.savedAt);
  return (
    <li className={s.item} data-testid="round-item" data-round-id={r.id} data-baseline={isBaseline ? "true" : "false"}>
      <div className={s.itemMain}>
        <Text weight="semibold" className={s.itemName}>
          <span data-testid="round-item-name">{r.name}</span>
          {isBaseline && (
            <Badge appearance="outline" size="small">
              {rp(lang, "rounds.isBaseline")}
            </Badge>
          )}
        </Text>
        <Caption1 className={s.muted}>
          {r.source === "file" && r.file ? rp(lang, "rounds.readAt", { date: when, file: r.file }) : rp(lang, "rounds.savedAt", { date: when })} ·{" "}
          {rp(lang, "rounds.measures", { n: r.measures.length })}
        </Caption1>
      </div>
      <Button
        size="small"
        appearance="subtle"
        icon={<Delete16Regular />}
        disabled={busy}
        aria-label={rp(lang, "rounds.deleteLabel", { name: r.name })}
        onClick={() => onConfirming(true)}
        data-testid="round-delete"
      >
        {rp(lang, "rounds.delete")}
      </Button>
      {confirming && (
        <div className={s.confirm} role="alertdialog" aria-label={rp(lang, "rounds.deleteLabel", { name: r.name })} data-testid="round-delete-confirm">
          <Text size={200}>{rp(lang, "rounds.deleteConfirm", { name: r.name })}</Text>
          <div className={s.confirmButtons}>
            <Button size="small" className={s.danger} icon={<Delete16Regular />} disabled={busy} onClick={onDelete} data-testid="round-delete-yes">
              {rp(lang, "rounds.deleteYes")}
            </Button>
            {/* Focus starts on the harmless choice. */}
            <Button size="small" appearance="subtle" autoFocus onClick={() => onConfirming(false)} data-testid="round-delete-cancel">
              {rp(lang, "rounds.cancel")}
            </Button>
          </div>
        </div>
      )}
    </li>
  );
}

function ComparisonList({ c, lang, earlier, later }: { c: Comparison; lang: Lang; earlier: Round; later: Round }) {
  const s = useStyles();
  const model = later.model;
  // «Kritisk info: Spesialisthelsetjenesten», as every list names a measure (core/full-name.ts).
  const names = fullNameTexts([...new Map([...earlier.measures, ...later.measures].map((m) => [m.id, m])).values()]);
  const shown = (id: string, name: string) => names.get(id) ?? name;
  const fromTo = (from: string, to: string) => <span className={s.fromTo}>{`${from} → ${to}`}</span>;
  const total = (v: number | null) => (v === null ? rp(lang, "compare.noRank") : formatNumber(lang, v, 1));
  const weight = (v: number | null) => (v === null ? rp(lang, "compare.noRank") : formatShort(lang, v, 3));
  const empty = c.ranks.length + c.totals.length + c.cells.length + c.weights.length + c.added.length + c.removed.length === 0;
  if (empty) {
    return (
      <Caption1 className={s.muted} data-testid="compare-nothing">
        {rp(lang, "compare.nothing")}
      </Caption1>
    );
  }
  const section = (key: Parameters<typeof rp>[1], items: React.ReactNode[]) =>
    items.length > 0 && (
      <div className={s.section}>
        <Text weight="semibold">{rp(lang, key)}</Text>
        <ul className={s.changes}>{items}</ul>
      </div>
    );
  return (
    <div className={s.section} data-testid="compare-result">
      {section(
        "compare.ranks",
        c.ranks.map((x) => {
          const by = x.from !== null && x.to !== null ? x.from - x.to : 0;
          return (
            <li key={x.id} className={s.change} data-testid="compare-rank" data-measure-id={x.id}>
              {shown(x.id, x.name)}:{" "}
              <span className={s.fromTo}>
                {rankText(lang, x.from, x.fromTied)} → {rankText(lang, x.to, x.toTied)}
                {by !== 0 && ` (${rp(lang, by > 0 ? "compare.up" : "compare.down", { n: Math.abs(by) })})`}
              </span>
            </li>
          );
        }),
      )}
      {section(
        "compare.totals",
        c.totals.map((x) => (
          <li key={x.id} className={s.change} data-testid="compare-total" data-measure-id={x.id}>
            {shown(x.id, x.name)}: {fromTo(total(x.from), total(x.to))}
          </li>
        )),
      )}
      {section(
        "compare.cells",
        c.cells.map((x) => (
          <li key={`${x.id}:${x.leafId}`} className={s.change} data-testid="compare-cell" data-cell={x.cell ?? ""}>
            {x.cell && <span className={s.cell}>{displayCell(x.cell)} </span>}
            {shown(x.id, x.name)} – {criterionLabel(model, x.leafId, lang)}: {fromTo(scoreText(lang, x.from), scoreText(lang, x.to))}
          </li>
        )),
      )}
      {section(
        "compare.weights",
        c.weights.map((x) => (
          <li key={x.nodeId} className={s.change} data-testid="compare-weight" data-node-id={x.nodeId}>
            {criterionLabel(model, x.nodeId, lang)}: {fromTo(weight(x.from), weight(x.to))}
          </li>
        )),
      )}
      {section(
        "compare.added",
        c.added.map((x) => (
          <li key={x.id} className={s.change} data-testid="compare-added">
            {shown(x.id, x.name)}
          </li>
        )),
      )}
      {section(
        "compare.removed",
        c.removed.map((x) => (
          <li key={x.id} className={s.change} data-testid="compare-removed">
            {shown(x.id, x.name)}
          </li>
        )),
      )}
    </div>
  );
}
