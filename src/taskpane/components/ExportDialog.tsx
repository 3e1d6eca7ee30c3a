/**
 * The «Eksporter» dialog (loaded on first use, see ExportPanel.tsx): the ranked list out of the task pane as PowerPoint slides, a CSV file, or a table
 * on the clipboard (HTML and tab-separated text, so a paste into PowerPoint, Word or Teams is a
 * real table). The export code (pptxgenjs) is loaded only when a button is pressed, as its own
 * chunk, so the pane starts no slower. Files are Blob downloads; Excel on a Mac ignores downloads,
 * so there the dialog says so and offers «Kopier tabell» and the command line. Nothing is uploaded.
 *
 * data-testid: export-dialog, export-title, export-meeting, export-lang (native <select>),
 * export-top, export-top-error, export-slide-<kind>, export-filter-note, export-pptx, export-csv,
 * export-copy, export-close, export-mac (the Mac notice), export-status (data-kind success|error),
 * export-frames (which frames split the list, once read: data-state workbook|pane).
 */
import {
  Button,
  Caption1,
  Checkbox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Select,
  Spinner,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useEffect, useState } from "react";
import type { Placement } from "../../core/checklist";
import type { Lang } from "../../i18n";
import { ex } from "../../i18n/export";
import type { AppState } from "../../app/app-state";
import { downloadsBlocked, loadExportSettings, saveExportSettings, settingsDiffer, type ExportSettings } from "../export-settings";
import { ClipboardRefused, exportFailureText, type ExportAction } from "../export-messages";
import { xp } from "../../i18n/export-pane";
import { acceptabilityFor } from "../../presenter/acceptability-channel";
import { fundingFor } from "../../presenter/funding-channel";
import type { RankingFilter } from "./RankingView";
import { CHECKLIST_SLIDES, DEFAULT_SLIDES, PLAN_SLIDES, SLIDE_KINDS, type SlideKind } from "../../export/slide-kinds";
import type { PlanResult } from "../../core/plan";
import type { SelectionSplit } from "../../export/selection-split";
import { dx } from "../../i18n/decision";

const SLIDE_LABEL = (k: SlideKind) => `pane.slide.${k}` as const satisfies Parameters<typeof ex>[1];
import { NO_TITLE } from "../../ui/message-bar";

const useStyles = makeStyles({
  // The content scrolls on a short pane: its parts keep their height (a message is never squeezed to a line).
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, "& > *": { flexShrink: 0 } },
  slides: { display: "flex", flexDirection: "column" },
  note: { color: tokens.colorNeutralForeground3 },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  code: { fontFamily: tokens.fontFamilyMonospace, userSelect: "all" },
  live: { display: "flex", flexDirection: "column" },
});

/** Starts a download of the bytes under the name (an <a download> on a Blob URL; nothing leaves the machine). */
function download(bytes: Uint8Array | string, name: string, type: string): void {
  const part: BlobPart = typeof bytes === "string" ? bytes : (bytes.slice().buffer as ArrayBuffer);
  const url = URL.createObjectURL(new Blob([part], { type }));
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  a.style.display = "none";
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** HTML and plain text on the clipboard: the async Clipboard API, else a copy event during execCommand("copy"). */
async function copyTable(html: string, text: string): Promise<void> {
  const item = typeof ClipboardItem !== "undefined" ? ClipboardItem : undefined;
  if (item && navigator.clipboard?.write) {
    try {
      await navigator.clipboard.write([new item({ "text/html": new Blob([html], { type: "text/html" }), "text/plain": new Blob([text], { type: "text/plain" }) })]);
      return;
    } catch {
      // Some webviews refuse the async API; the copy event below works with the click's permission.
    }
  }
  let done = false;
  const onCopy = (e: ClipboardEvent) => {
    e.clipboardData?.setData("text/html", html);
    e.clipboardData?.setData("text/plain", text);
    e.preventDefault();
    done = true;
  };
  document.addEventListener("copy", onCopy);
  try {
    document.execCommand("copy");
  } finally {
    document.removeEventListener("copy", onCopy);
  }
  if (!done) throw new ClipboardRefused();
}

function placementsOf(state: AppState): Map<string, Placement> | undefined {
  if (!state.checklist) return undefined;
  return new Map(state.checklist.entries.map((e) => [e.id, e.placement]));
}

function filterWords(lang: Lang, filter: RankingFilter, hasChecklist: boolean): string {
  if (!hasChecklist || (filter.segment === "alle" && !filter.hideUt)) return ex(lang, "pane.filterAll");
  const parts: string[] = [];
  if (filter.segment !== "alle") parts.push(ex(lang, "deck.filter.segment", { segment: filter.segment === "ikke-vurdert" ? ex(lang, "deck.segment.notAssessed") : filter.segment }));
  if (filter.hideUt) parts.push(ex(lang, "deck.filter.hideUt"));
  return parts.join(", ");
}

type Status = { kind: "success" | "error"; text: string } | undefined;

/** The split and its frames in words (the dialog's language). */
type SplitRead = { split: SelectionSplit; words: string } | undefined;

/** Without a workbook to read (or a frame, or an answer) the exports are not split; nothing here stops them. */
function readSplit(lang: Lang): Promise<SplitRead> {
  return (async () => {
    const [{ paneSplit }, { framesText }] = await Promise.all([import("./export-split"), import(/* webpackChunkName: "export-table" */ "../../export/rows")]);
    const split = await paneSplit();
    return split ? { split, words: framesText({ lang, split }) ?? "" } : undefined;
  })().catch(() => undefined);
}

/** Modell's plan by steps, when it has steps (the roadmap slide is offered then); undefined otherwise or when it cannot be read. */
function readPlan(): Promise<{ solve(): Promise<PlanResult> } | undefined> {
  return import("./export-split").then((m) => m.panePlan()).catch(() => undefined);
}

/** A message that appears below the fold of a short pane (the dialog's content scrolls) is brought into view. */
const inView = (el: HTMLElement | null): void => el?.scrollIntoView?.({ block: "nearest" });

export default function ExportDialog({ state, filter, onClose }: { state: AppState; filter: RankingFilter; onClose: () => void }) {
  const s = useStyles();
  const lang = state.lang;
  const assessment = state.assessment!;
  // The exports' language: the display language unless chosen otherwise; the dialog itself stays in the display language.
  const [outLang, setOutLang] = useState<Lang>(state.lang);
  const hasChecklist = state.checklist !== undefined;
  const [initial] = useState(loadExportSettings);
  const [title, setTitle] = useState(initial.title);
  const [meeting, setMeeting] = useState(initial.meeting);
  const [topText, setTopText] = useState("");
  const [slides, setSlides] = useState<Record<SlideKind, boolean>>(DEFAULT_SLIDES);
  // The selection within the budget frame as *Utvalg* has it (the workbook's frames and choices, or tried there): every export
  // splits by it. Read once when the dialog opens; an export pressed before it is read waits for it.
  const [reading] = useState(() => readSplit(lang));
  const [split, setSplit] = useState<SplitRead | "reading">("reading");
  useEffect(() => {
    let live = true;
    void reading.then((r) => live && setSplit(r));
    return () => {
      live = false;
    };
  }, [reading]);
  // Modell's steps, read once when the dialog opens: the roadmap slide is offered only with them.
  const [planReading] = useState(readPlan);
  const [hasPlan, setHasPlan] = useState(false);
  useEffect(() => {
    let live = true;
    void planReading.then((p) => live && setHasPlan(p !== undefined));
    return () => {
      live = false;
    };
  }, [planReading]);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<Status>(undefined);
  const blocked = downloadsBlocked();
  const ranked = assessment.measures.filter((m) => m.rank !== null).length;
  const topValid = topText.trim() === "" || (/^\d+$/.test(topText.trim()) && Number(topText) >= 1 && Number(topText) <= Math.max(1, ranked));
  const top = topValid && topText.trim() !== "" ? Number(topText) : null;
  const selection = { segment: hasChecklist ? filter.segment : ("alle" as const), hideUt: hasChecklist && filter.hideUt, top };
  const input = { assessment, placements: placementsOf(state) };
  const hasFunding = fundingFor(assessment) !== null;

  const run = async (action: ExportAction, what: () => Promise<string>) => {
    setBusy(true);
    setStatus(undefined);
    try {
      setStatus({ kind: "success", text: await what() });
    } catch (e) {
      // Plain words for what went wrong and what to do; the error's own text is for developers.
      setStatus({ kind: "error", text: exportFailureText(lang, action, e, blocked) });
    } finally {
      setBusy(false);
    }
  };
  // The title and meeting as last kept in the workbook: saved with each export and on close when they changed.
  const [kept, setKept] = useState<ExportSettings>(initial);
  const [saveFailed, setSaveFailed] = useState(false);
  const remember = async (): Promise<boolean> => {
    const now = { title, meeting };
    if (!settingsDiffer(now, kept)) return true;
    const outcome = await saveExportSettings(now);
    if (outcome === "failed") {
      setSaveFailed(true);
      return false;
    }
    setSaveFailed(false);
    setKept(now);
    return true;
  };
  // Closing with changes saves them first; when that fails the dialog stays open once to say so.
  const close = async () => {
    if (saveFailed || (await remember())) onClose();
  };
  const date = async () => {
    const { dateFromText, isoDate } = await import(/* webpackChunkName: "export-table" */ "../../export/file-name");
    return dateFromText(meeting) ?? isoDate(new Date());
  };

  const pptx = () =>
    run("pptx", async () => {
      void remember();
      const { buildDeck, deckFileName } = await import(/* webpackChunkName: "export-deck" */ "../../export/deck");
      const d = await date();
      // The plan by steps (Modell's steps) for the roadmap slide, solved now when the slide is on.
      const plan = slides.roadmap ? await (await planReading)?.solve() : undefined;
      // The Stabilitet view's Monte Carlo when it is current; otherwise the deck draws with the defaults.
      const acceptability = acceptabilityFor(assessment)?.result;
      // The Utvalg view's funding probabilities when they are of this ranking: the slide «Hvor sikker er minimumslisten».
      const funding = fundingFor(assessment)?.funding;
      const bytes = await buildDeck(input, { lang: outLang, date: d, title, meeting, slides, ...selection, split: (await reading)?.split, ...(plan ? { plan } : {}), ...(acceptability ? { acceptability } : {}), ...(funding ? { funding } : {}) });
      const name = deckFileName(d, outLang);
      download(bytes, name, "application/vnd.openxmlformats-officedocument.presentationml.presentation");
      return ex(lang, "pane.downloaded", { file: name });
    });
  const csv = () =>
    run("csv", async () => {
      void remember();
      const [{ exportTable }, { toCsv }, { exportFileName }] = await Promise.all([
        import(/* webpackChunkName: "export-table" */ "../../export/rows"),
        import(/* webpackChunkName: "export-table" */ "../../export/table-text"),
        import(/* webpackChunkName: "export-table" */ "../../export/file-name"),
      ]);
      const name = exportFileName(await date(), outLang, "csv");
      download(toCsv(exportTable(input, outLang, { ...selection, split: (await reading)?.split })), name, "text/csv;charset=utf-8");
      return ex(lang, "pane.downloaded", { file: name });
    });
  const copy = () =>
    run("copy", async () => {
      void remember();
      const [{ exportTable }, { toHtml, toTsv }] = await Promise.all([
        import(/* webpackChunkName: "export-table" */ "../../export/rows"),
        import(/* webpackChunkName: "export-table" */ "../../export/table-text"),
      ]);
      const table = exportTable(input, outLang, { ...selection, split: (await reading)?.split });
      await copyTable(toHtml(table), toTsv(table));
      return ex(lang, "pane.copied");
    });

  return (
    <Dialog open modalType="modal" onOpenChange={(_, d) => !d.open && void close()}>
      <DialogSurface data-testid="export-dialog" aria-label={ex(lang, "pane.dialogTitle")}>
        <DialogBody>
          <DialogTitle>{ex(lang, "pane.dialogTitle")}</DialogTitle>
          <DialogContent className={s.form}>
            {blocked && (
              <MessageBar intent="warning" layout="multiline" data-testid="export-mac" aria-labelledby={NO_TITLE}>
                <MessageBarBody>
                  {ex(lang, "pane.mac")} <span className={s.code}>{ex(lang, "pane.macCommand")}</span>
                </MessageBarBody>
              </MessageBar>
            )}
            <Field label={ex(lang, "pane.title")}>
              <Input value={title} placeholder={ex(lang, "deck.title")} onChange={(_, d) => setTitle(d.value)} data-testid="export-title" />
            </Field>
            <Field label={ex(lang, "pane.meeting")}>
              <Input value={meeting} placeholder={ex(lang, "pane.meetingPlaceholder")} onChange={(_, d) => setMeeting(d.value)} data-testid="export-meeting" />
            </Field>
            <Field label={ex(lang, "pane.language")}>
              <Select value={outLang} onChange={(_, d) => setOutLang(d.value === "en" ? "en" : "nb")} data-testid="export-lang">
                <option value="nb">{ex(lang, "pane.language.nb")}</option>
                <option value="en">{ex(lang, "pane.language.en")}</option>
              </Select>
            </Field>
            <Field
              label={ex(lang, "pane.top")}
              validationState={topValid ? "none" : "error"}
              validationMessage={topValid ? undefined : <span data-testid="export-top-error">{ex(lang, "pane.topInvalid", { max: ranked })}</span>}
              hint={ex(lang, "pane.topFrame")}
            >
              <Input value={topText} inputMode="numeric" onChange={(_, d) => setTopText(d.value)} data-testid="export-top" />
            </Field>
            {!blocked && (
              <fieldset className={s.slides}>
                <legend>{ex(lang, "pane.slides")}</legend>
                {SLIDE_KINDS.filter((k) => (hasChecklist || !CHECKLIST_SLIDES.includes(k)) && (k !== "funding" || hasFunding) && (hasPlan || !PLAN_SLIDES.includes(k))).map((k) => (
                  <Checkbox
                    key={k}
                    label={ex(lang, SLIDE_LABEL(k))}
                    checked={slides[k]}
                    onChange={(_, d) => setSlides({ ...slides, [k]: d.checked === true })}
                    data-testid={`export-slide-${k}`}
                  />
                ))}
              </fieldset>
            )}
            {/* Said once the frames are read; nothing while reading, so a workbook without a frame lays out as before. */}
            {split !== "reading" && split && (
              <Caption1 className={s.note} data-testid="export-frames" data-state={split.split.source.frames}>
                {dx(lang, "dialog.split", { frames: split.words })}
              </Caption1>
            )}
            <Caption1 className={s.note} data-testid="export-filter-note">
              {ex(lang, "pane.filterNote", { filter: filterWords(lang, filter, hasChecklist) })}
            </Caption1>
            {busy && <Spinner size="tiny" label={ex(lang, "pane.working")} />}
            {saveFailed && (
              <MessageBar intent="warning" layout="multiline" data-testid="export-settings-status" ref={inView} aria-labelledby={NO_TITLE}>
                <MessageBarBody>{xp(lang, "exportPane.saveFailed")}</MessageBarBody>
              </MessageBar>
            )}
            {/* A live region that is always there: the outcome of an export is read out when it appears. */}
            <div role="status" className={s.live}>
            {status && (
              <MessageBar
                aria-labelledby={NO_TITLE}
                intent={status.kind === "success" ? "success" : "error"}
                layout="multiline"
                data-testid="export-status"
                data-kind={status.kind}
                // Mounted again when the save message appears above it, so that it is scrolled back into view below it.
                key={`${status.text}|${saveFailed}`}
                ref={inView}
              >
                <MessageBarBody>{status.text}</MessageBarBody>
              </MessageBar>
            )}
            </div>
          </DialogContent>
          <DialogActions className={s.actions}>
            {!blocked && (
              <Button appearance="primary" disabled={!topValid} disabledFocusable={busy} onClick={pptx} data-testid="export-pptx">
                {ex(lang, "pane.powerpoint")}
              </Button>
            )}
            {!blocked && (
              <Button disabled={!topValid} disabledFocusable={busy} onClick={csv} data-testid="export-csv">
                {ex(lang, "pane.csv")}
              </Button>
            )}
            <Button appearance={blocked ? "primary" : "secondary"} disabled={!topValid} disabledFocusable={busy} onClick={copy} data-testid="export-copy">
              {ex(lang, "pane.copy")}
            </Button>
            <Button appearance="subtle" onClick={() => void close()} data-testid="export-close">
              {ex(lang, "pane.close")}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
