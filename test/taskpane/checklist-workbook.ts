/**
 * Workbooks with a Vurdering table and a Sjekkliste table built in memory as grids (as Office.js
 * would hand them over), read with the real reader, for the checklist view tests. The measures
 * and their answers come from the 2020 checklist test (test/fixtures/sjekkliste-2020.json);
 * IDs are T001… in the fixture's order, so «Akson - journal» (the 31st) is T031.
 */
import fixture from "../fixtures/sjekkliste-2020.json";
import type { CellValue } from "../../src/core/cell";
import { QUESTION_TEXT, type ChecklistAnswers, type ChecklistQuestion } from "../../src/core/checklist";
import { defaultModel, leaves, type Model } from "../../src/core/model";
import { checklistState } from "../../src/excel/checklist-state";
import { gridFromValues, type Grid } from "../../src/grid/grid";
import { CHECKLIST_HEADERS, CHECKLIST_ORDER, SHEETS, scoringHeaders } from "../../src/grid/layout";
import { STORE_SHEET, newStore, storeToCells } from "../../src/grid/store";
import { readWorkbook } from "../../src/grid/workbook";
import type { AppState } from "../../src/app/app-state";
import { prng } from "../support/grids";

export interface TestMeasure {
  id: string;
  name: string;
  actor: string;
  answers: ChecklistAnswers;
  /** One score per leaf in the model's order; null for blank. */
  scores: (number | null)[];
}

export const model: Model = defaultModel();

export const idOf = (name: string): string => {
  const i = fixture.measures.findIndex((m) => m.name === name);
  if (i < 0) throw new Error(`no measure ${name} in the fixture`);
  return `T${String(i + 1).padStart(3, "0")}`;
};

export const question = (q: ChecklistQuestion, lang: "nb" | "en" = "nb"): string => QUESTION_TEXT[q][lang];

/** The fixture's measures (all of them, or those named), with seeded scores 0–10. */
export function fixtureMeasures(names?: string[]): TestMeasure[] {
  const random = prng(2020);
  const n = leaves(model).length;
  const all = fixture.measures.map((m, i) => ({
    id: `T${String(i + 1).padStart(3, "0")}`,
    name: m.name,
    actor: m.actor,
    answers: { ...m.answers } as ChecklistAnswers,
    scores: Array.from({ length: n }, () => Math.round(random() * 10)),
  }));
  if (!names) return all;
  return names.map((name) => {
    const m = all.find((x) => x.name === name);
    if (!m) throw new Error(`no measure ${name} in the fixture`);
    return m;
  });
}

const cell = (a: boolean | null | undefined): CellValue => (a === true ? "Ja" : a === false ? "Nei" : null);

export interface WorkbookSpec {
  measures: TestMeasure[];
  /** Ids left out of the Vurdering table. */
  notInScoring?: string[];
  /** Ids left out of the Sjekkliste table. */
  notInChecklist?: string[];
  /** Ids the store remembers as in both tables last time (so one missing now is an orphan, not new). */
  known?: string[];
}

export function workbookGrids(spec: WorkbookSpec): Grid[] {
  const skipScoring = new Set(spec.notInScoring ?? []);
  const skipChecklist = new Set(spec.notInChecklist ?? []);
  const scoring: CellValue[][] = [scoringHeaders(model)];
  for (const m of spec.measures) {
    if (skipScoring.has(m.id)) continue;
    scoring.push([m.id, m.name, null, m.actor, ...m.scores, null]);
  }
  const checklist: CellValue[][] = [CHECKLIST_HEADERS];
  for (const m of spec.measures) {
    if (skipChecklist.has(m.id)) continue;
    checklist.push(
      CHECKLIST_ORDER.map((k): CellValue => {
        if (k === "id") return m.id;
        if (k === "name") return m.name;
        if (k === "actor") return m.actor;
        if (k in QUESTION_TEXT) return cell(m.answers[k as ChecklistQuestion]);
        return null;
      }),
    );
  }
  const grids = [gridFromValues(SHEETS.scoring, scoring), gridFromValues(SHEETS.checklist, checklist)];
  if (spec.known) {
    const store = newStore(model);
    store.checklist.known = [...spec.known];
    for (const m of spec.measures) {
      store.checklist.names[m.id] = m.name;
      store.checklist.actors[m.id] = m.actor;
    }
    grids.push(gridFromValues(STORE_SHEET, storeToCells(store)));
  }
  return grids;
}

/** The controller's state for the workbook: the real reader, the real checklist state. */
export function readyState(spec: WorkbookSpec, patch: Partial<AppState> = {}): AppState {
  const read = readWorkbook(workbookGrids(spec));
  if (read.kind !== "addin") throw new Error(`expected the add-in layout, got ${read.kind}`);
  return {
    status: "ready",
    lang: "nb",
    assessment: read.assessment,
    model: read.model,
    busy: false,
    hasLegacySheets: false,
    lastRecomputeMs: 40,
    ...(read.checklist ? { checklist: checklistState(read.checklist) } : {}),
    ...patch,
  };
}

/** A copy of the measures with one measure's answers changed. */
export function withAnswers(measures: TestMeasure[], id: string, answers: ChecklistAnswers): TestMeasure[] {
  return measures.map((m) => (m.id === id ? { ...m, answers: { ...m.answers, ...answers } } : m));
}

/**
 * The portfolio of the tests: 18 measures of the 2020 test in all four segments, and three
 * changed so every outcome occurs: DIGI-UNG has a Nei on national significance (Ut); Robust
 * Mobilt Helsenett has «Bredt samarbeid?» unanswered (Inn, segment not assessed); Regional kurve
 * og medikasjon has «Gjenbruk eller deling?» unanswered (not assessed). Neste generasjon nød- og
 * beredskapskommunikasjon has no scores (no total, no rank).
 */
export function portfolio(): TestMeasure[] {
  const names = [
    "Akson - forberedelse",
    "Interregional Digital Patologi",
    "Pakkeforløp hjem - kreft",
    "Pakkeforløp Hjerneslag",
    "Pakkeforløp psykisk helse og rus",
    "Legemiddelprogrammet",
    "Akson - journal",
    "EPJ-løftet",
    "Helseplattformen",
    "FRESK",
    "HMN Lab",
    "Regional ambulansjournal",
    "Regional kurve og medikasjon",
    "Primærhelseteam",
    "Oppfølgingsteam",
    "Neste generasjon nød- og beredskapskommunikasjon",
    "Robust Mobilt Helsenett",
    "DIGI-UNG",
  ];
  let ms = fixtureMeasures(names);
  ms = withAnswers(ms, idOf("DIGI-UNG"), { flereAktorer: false });
  ms = withAnswers(ms, idOf("Robust Mobilt Helsenett"), { samstyre: null });
  ms = withAnswers(ms, idOf("Regional kurve og medikasjon"), { gjenbrukEllerDeling: null });
  const noScores = idOf("Neste generasjon nød- og beredskapskommunikasjon");
  return ms.map((m) => (m.id === noScores ? { ...m, scores: m.scores.map(() => null) } : m));
}
