/** The checklist views' pure helpers: shown answers, pending answers, reach of the rule, filters. */
import { enTaskpane, nbTaskpane } from "../../src/i18n/taskpane";
import { enChecklistPane, nbChecklistPane } from "../../src/i18n/checklist-pane";
import {
  matchesSearch,
  passesFilter,
  prunePending,
  segmentRankLabel,
  shownEntry,
  stepEntry,
  unreached,
  withoutPending,
} from "../../src/taskpane/checklist-model";
import { segmentTooltip } from "../../src/taskpane/components/Segment";
import { idOf, portfolio, readyState } from "./checklist-workbook";

const state = readyState({ measures: portfolio() });
const checklist = state.checklist!;
const AKSON = idOf("Akson - journal");
const akson = checklist.entries.find((e) => e.id === AKSON)!;
const inn = { digitaliseringVesentlig: true, flereAktorer: true, gjenbrukEllerDeling: true } as const;

describe("shown entries", () => {
  test("without pending answers: the controller's answers and placement, as they are", () => {
    const s = shownEntry(akson, {});
    expect(s.pending).toBe(false);
    expect(s.placement).toBe(akson.placement);
  });
  test("a pending answer is placed by the core's rule", () => {
    const s = shownEntry(akson, { [AKSON]: { samstyre: true } });
    expect(s.pending).toBe(true);
    expect(s.placement).toMatchObject({ entry: "inn", segment: "Samstyre", decidedBy: "samstyre" });
  });
  test("a pending answer equal to the controller's is not pending", () => {
    expect(shownEntry(akson, { [AKSON]: { koordinere: true } }).pending).toBe(false);
  });
});

describe("pending answers after a new state", () => {
  const pending = { [AKSON]: { samstyre: true, inspirere: null } };
  const sending = () => true;
  const written = () => false;
  test("an answer the state does not confirm stays while its write is under way", () => {
    expect(prunePending(pending, checklist, sending)).toBe(pending);
  });
  test("once its write has finished, the state wins", () => {
    expect(prunePending(pending, checklist, written)).toEqual({});
    expect(prunePending(pending, checklist, (_id, q) => q === "inspirere")).toEqual({ [AKSON]: { inspirere: null } });
  });
  test("an answer the state confirms is dropped even while sending", () => {
    const confirmed = readyState({ measures: portfolio().map((m) => (m.id === AKSON ? { ...m, answers: { ...m.answers, samstyre: true } } : m)) }).checklist!;
    expect(prunePending(pending, confirmed, sending)).toEqual({ [AKSON]: { inspirere: null } });
  });
  test("answers for a measure that is gone are dropped", () => {
    expect(prunePending({ T999: { samstyre: true } }, checklist, sending)).toEqual({});
  });
  test("one answer can be taken out", () => {
    expect(withoutPending(pending, AKSON, "samstyre")).toEqual({ [AKSON]: { inspirere: null } });
    expect(withoutPending({ [AKSON]: { samstyre: true } }, AKSON, "samstyre")).toEqual({});
    expect(withoutPending(pending, AKSON, "koordinere")).toBe(pending);
  });
});

describe("questions the rule does not reach", () => {
  test("significance questions are always reached", () => {
    expect(unreached({ digitaliseringVesentlig: false }, "flereAktorer")).toBeUndefined();
  });
  test("any significance Nei: every segment question is moot", () => {
    for (const q of ["samstyre", "koordinere", "inspirere"] as const) {
      expect(unreached({ ...inn, gjenbrukEllerDeling: false, samstyre: true }, q)).toEqual({ kind: "ut", no: ["gjenbrukEllerDeling"] });
    }
  });
  test("after a Ja the later segment questions are moot, not the earlier ones", () => {
    const a = { ...inn, samstyre: false, koordinere: true };
    expect(unreached(a, "samstyre")).toBeUndefined();
    expect(unreached(a, "koordinere")).toBeUndefined();
    expect(unreached(a, "inspirere")).toEqual({ kind: "decided", segment: "Koordinere", by: "koordinere" });
  });
  test("an unanswered question does not make the later ones moot", () => {
    expect(unreached({ ...inn, samstyre: null }, "koordinere")).toBeUndefined();
    expect(unreached({}, "inspirere")).toBeUndefined();
  });
});

describe("filters, search, stepping", () => {
  test("the segment filter and hide-Ut", () => {
    expect(passesFilter("Samstyre", "alle", false)).toBe(true);
    expect(passesFilter("ut", "alle", false)).toBe(true);
    expect(passesFilter("ut", "alle", true)).toBe(false);
    expect(passesFilter("Samstyre", "Koordinere", false)).toBe(false);
    expect(passesFilter("ut", "Samstyre", false)).toBe(false);
    expect(passesFilter("ikke-vurdert", "ikke-vurdert", true)).toBe(true);
    expect(passesFilter(undefined, "ikke-vurdert", true)).toBe(true);
    expect(passesFilter(undefined, "Samstyre", false)).toBe(false);
  });
  test("search: every word, any case, å/ø/æ and accents folded; the id counts", () => {
    const e = { id: "T003", name: "Pakkeforløp hjem - kreft" };
    expect(matchesSearch(e, "pakkeforlop KREFT")).toBe(true);
    expect(matchesSearch(e, "Pakkeforløp")).toBe(true);
    expect(matchesSearch(e, "t003")).toBe(true);
    expect(matchesSearch(e, "kreft hjerneslag")).toBe(false);
    expect(matchesSearch(e, "  ")).toBe(true);
  });
  test("segment rank labels and stepping with wrap-around", () => {
    expect(segmentRankLabel({ rank: 2, tied: false })).toBe("2");
    expect(segmentRankLabel({ rank: 2, tied: true })).toBe("2=");
    const entries = checklist.entries;
    expect(stepEntry(entries, entries[0].id, -1)).toBe(entries[entries.length - 1].id);
    expect(stepEntry(entries, entries[entries.length - 1].id, 1)).toBe(entries[0].id);
    expect(stepEntry(entries, "T999", 1)).toBe(entries[0].id);
    expect(stepEntry([], undefined, 1)).toBeUndefined();
  });
});

describe("segment tooltips", () => {
  test("explain the Norwegian names and the reporting, in both languages", () => {
    expect(segmentTooltip("en", "Samstyre")).toBe("Samstyre (joint governance): broad collaboration is essential. Reports 4 times a year: status and risk.");
    expect(segmentTooltip("nb", "Inspirere")).toBe("Inspirere: primært undersøkende eller utforskende. Rapporterer 1 gang i året: idéer.");
    expect(segmentTooltip("en", "Observere")).toBe("Observere (observe): followed to share experience. Reports 2 times a year: progress, experience and obstacles.");
  });
  test("the new strings exist in both languages", () => {
    for (const k of Object.keys(nbTaskpane).filter((k) => /^(checklist|entry|segment)\./.test(k))) expect(enTaskpane[k as keyof typeof enTaskpane]).toBeTruthy();
    // The Sjekkliste tab's own strings (in its chunk).
    for (const k of Object.keys(nbChecklistPane)) expect(enChecklistPane[k as keyof typeof enChecklistPane]).toBeTruthy();
  });
});
