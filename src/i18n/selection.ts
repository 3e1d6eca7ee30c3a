/**
 * The selection within a budget in bokmål and English: its findings and the strings of its views
 * (CLI text, task pane *Utvalg*). Imported only by the selection's code, so the task pane loads
 * it with the *Utvalg* view, not at start.
 */
import type { ParamValue } from "../core/findings";
import type { OutReason, SelectionFinding, SelectionFindingCode } from "../core/selection-problem";
import type { Helpers, Params } from "./catalog";
import { fill, formatList, formatNumber, formatShort, type Lang } from "./format";
import { enRuleFindings, nbRuleFindings, ruleReasonText } from "./rules";

type Messages = Record<SelectionFindingCode, (p: Params, h: Helpers) => string>;

const mnokNb = (h: Helpers, v: Params[string]) => `${h.short(v)} MNOK`;
/** « (Vurdering!S25, Vurdering!S30)», or nothing when no cell holds the choice (it was made in the task pane). */
const cellsNote = (h: Helpers, cells: Params[string]) => {
  const list = ((cells as string[] | undefined) ?? []).filter(Boolean);
  return list.length ? ` (${h.list(list)})` : "";
};
/** «, eller rett Vurdering!S12», or nothing without a cell. */
const orFix = (h: Helpers, cells: Params[string], words: string) => {
  const list = ((cells as string[] | undefined) ?? []).filter(Boolean);
  return list.length ? `, ${words} ${h.list(list)}` : "";
};

/** What is wrong with an amount (grid/selection-inputs.ts `AmountProblem`): «er ikke en kostnad i MNOK», «er negativ», … */
function amountProblemNb(p: Params, h: Helpers, what: "kostnad" | "ramme"): string {
  if (p.problem === "negative") return `er negativ (en ${what} kan ikke være under 0)`;
  if (p.problem === "large") return `er over ${mnokNb(h, p.max)} og kan ikke være en ${what}`;
  if (p.problem === "not-finite") return `er ikke et endelig tall`;
  return what === "kostnad" ? `er ikke en kostnad i MNOK` : `er ikke et beløp`;
}

function amountProblemEn(p: Params, h: Helpers, what: "cost" | "frame"): string {
  if (p.problem === "negative") return `is negative (a ${what} cannot be below 0)`;
  if (p.problem === "large") return `is over ${h.short(p.max)} MNOK and cannot be a ${what}`;
  if (p.problem === "not-finite") return `is not a finite number`;
  return what === "cost" ? `is not a cost in MNOK` : `is not an amount`;
}

/** « (gitt på kommandolinjen: --minimum 150, --budget 100)» for frames typed there. */
const givenNb = (given: Params[string]) => (Array.isArray(given) && given.length ? ` (gitt på kommandolinjen: ${given.join(", ")})` : "");
const givenEn = (given: Params[string]) => (Array.isArray(given) && given.length ? ` (given on the command line: ${given.join(", ")})` : "");

export const nbSelectionFindings: Messages = {
  "selection-cycle": (p, h) =>
    `${h.list(p.names)} forutsetter hverandre i ring, så ingen av dem kan starte, og de holdes utenfor utvalget. Rett Forutsetter-cellene (${h.list((p.cells as string[]).filter(Boolean))}).`,
  "selection-forced-blocked": (p, h) =>
    `${p.measure} er merket «Tas med», men forutsetter ${h.list(p.blockers)}, som ${
      (p.blockerReasons as string[])[0] === "held-out" ? "holdes utenfor" : (p.blockerReasons as string[])[0] === "no-cost" ? "ikke har kostnad" : "ligger i en avhengighetsring"
    }. Valget kan ikke følges, og tiltaket holdes utenfor. Ta bort «Tas med»${orFix(h, p.blockerCells, "eller rett")}.`,
  "selection-forced-over-budget": (p, h) =>
    `Tiltakene som er merket «Tas med» (${h.list(p.forcedNames)}), med det de forutsetter, koster ${mnokNb(h, p.cost)}, mer enn ${p.minimum ? "minimumsrammen" : "budsjettrammen"} på ${mnokNb(h, p.frame)}${
      p.given ? ` som er gitt på kommandolinjen (${p.given})` : ""
    }. Tiltak som tas med står på minimumslisten, så de må få plass innenfor ${p.minimum ? "minimumsrammen" : "budsjettrammen"}. Øk rammen eller ta bort «Tas med» for noen av dem${cellsNote(h, p.cells)}.`,
  "selection-forced-no-cost": (p, h) =>
    `${p.measure} er merket «Tas med», men ${
      p.raw ? `kostnaden ${h.q(p.raw)}${p.costCell ? ` i ${p.costCell}` : ""} er ikke et beløp i MNOK` : `har ingen kostnad${p.costCell ? ` (${p.costCell} er tom)` : ""}`
    }, så tiltaket kan ikke tas med og holdes utenfor. Skriv kostnaden i millioner kroner som et tall, eller ta bort «Tas med».`,
  "selection-forced-over-segment": (p, h) =>
    `Tiltakene i ${p.segment} som må tas med (${h.list(p.names)}) koster ${mnokNb(h, p.cost)}, mer enn rammen for ${p.segment} på ${mnokNb(h, p.limit)}. Øk rammen eller ta bort «Tas med».`,
  "selection-minimum-over-budget": (p, h) =>
    `Minimumsrammen (${mnokNb(h, p.minimum)}) er større enn budsjettrammen (${mnokNb(h, p.budget)})${givenNb(p.given)}. Minimumsrammen må være innenfor budsjettrammen.`,
  "selection-solver-failed": (p) =>
    `Utvalget kunne ikke beregnes: ${
      p.cause === "load" ? "regneverktøyet for utvalget kunne ikke lastes" : p.cause === "time" ? "regningen tok for lang tid og ble stoppet" : "regneverktøyet for utvalget ga ikke noe brukbart svar"
    }. Ingen liste er vist; prøv igjen, og meld fra om feilen hvis den gjentar seg.`,
  "selection-cost-invalid": (p, h) =>
    `${h.q(p.raw)} ${amountProblemNb(p, h, "kostnad")}, så ${p.measure} kan ikke velges. ` +
    (p.suggestion !== undefined && p.suggestion !== null ? `Skriv ${h.short(p.suggestion)} som et tall.` : `Skriv kostnaden i millioner kroner som et tall, for eksempel 7,5.`),
  "selection-cost-missing": (p) => `${p.measure} har ingen kostnad, så tiltaket kan ikke velges. Skriv kostnaden i MNOK (0 hvis det ikke koster noe).`,
  "selection-cost-rounded": (p, h) => `Kostnaden ${h.q(p.raw)} for ${p.measure} regnes som ${h.short(p.rounded)} MNOK: utvalget regner i hele 10 000 kr.`,
  "selection-requires-unknown": (p, h) =>
    `${p.measure} forutsetter ${h.list(p.ids)}, men ${(p.ids as string[]).length > 1 ? "de ID-ene finnes" : "den ID-en finnes"} ikke i Vurdering og er ikke regnet med. Rett ID-en.`,
  "selection-requires-self": (p) => `${p.measure} forutsetter seg selv; det er ikke regnet med. Ta bort tiltakets egen ID fra Forutsetter.`,
  "selection-requires-text": (p, h) =>
    `${h.q(p.raw)} i Forutsetter for ${p.measure} er ikke ID-er. Skriv ID-ene med komma mellom, for eksempel «T001, T004», eller et område som «T001–T004».`,
  "selection-choice-invalid": (p, h) => `${h.q(p.raw)} i Valg for ${p.measure} er ikke et valg og er ikke regnet med. Skriv «Tas med», «Holdes utenfor» eller la cellen stå tom.`,
  "selection-frame-invalid": (p, h) => `${h.q(p.raw)} i ${p.setting} ${amountProblemNb(p, h, "ramme")} og er ikke brukt. Skriv rammen i millioner kroner som et tall.`,
  "selection-frame-missing": () => `Ingen budsjettramme er satt. Skriv den i Budsjettramme (MNOK) på arket Modell.`,
  ...nbRuleFindings,
};

export const enSelectionFindings: Messages = {
  "selection-cycle": (p, h) =>
    `${h.list(p.names)} presuppose each other in a cycle, so none of them can start, and they are held out of the selection. Correct the Forutsetter cells (${h.list((p.cells as string[]).filter(Boolean))}).`,
  "selection-forced-blocked": (p, h) =>
    `${p.measure} is marked “Tas med” (include), but presupposes ${h.list(p.blockers)}, which ${
      (p.blockerReasons as string[])[0] === "held-out" ? "is held out" : (p.blockerReasons as string[])[0] === "no-cost" ? "has no cost" : "is on a dependency cycle"
    }. The choice cannot be honoured, and the measure is held out. Remove “Tas med”${orFix(h, p.blockerCells, "or correct")}.`,
  "selection-forced-over-budget": (p, h) =>
    `The measures marked “Tas med” (${h.list(p.forcedNames)}), with what they presuppose, cost ${h.short(p.cost)} MNOK, more than the ${p.minimum ? "minimum frame" : "budget frame"} of ${h.short(p.frame)} MNOK${
      p.given ? ` given on the command line (${p.given})` : ""
    }. Measures included this way are on the minimum list, so they must fit within the ${p.minimum ? "minimum frame" : "budget frame"}. Raise the frame or remove “Tas med” from some of them${cellsNote(h, p.cells)}.`,
  "selection-forced-no-cost": (p, h) =>
    `${p.measure} is marked “Tas med” (include), but ${
      p.raw ? `its cost ${h.q(p.raw)}${p.costCell ? ` in ${p.costCell}` : ""} is not an amount in MNOK` : `it has no cost${p.costCell ? ` (${p.costCell} is blank)` : ""}`
    }, so it cannot be included and is held out. Type the cost in millions of kroner as a number, or remove “Tas med”.`,
  "selection-forced-over-segment": (p, h) =>
    `The measures in ${p.segment} that must be included (${h.list(p.names)}) cost ${h.short(p.cost)} MNOK, more than the ${p.segment} limit of ${h.short(p.limit)} MNOK. Raise the limit or remove “Tas med”.`,
  "selection-minimum-over-budget": (p, h) =>
    `The minimum frame (${h.short(p.minimum)} MNOK) is larger than the budget frame (${h.short(p.budget)} MNOK)${givenEn(p.given)}. The minimum frame must lie within the budget frame.`,
  "selection-solver-failed": (p) =>
    `The selection could not be computed: ${
      p.cause === "load" ? "the selection's solver could not be loaded" : p.cause === "time" ? "the computation took too long and was stopped" : "the selection's solver gave no usable answer"
    }. No list is shown; try again, and report the error if it recurs.`,
  "selection-cost-invalid": (p, h) =>
    `${h.q(p.raw)} ${amountProblemEn(p, h, "cost")}, so ${p.measure} cannot be selected. ` +
    (p.suggestion !== undefined && p.suggestion !== null ? `Type ${h.short(p.suggestion)} as a number.` : `Type the cost in millions of kroner as a number, e.g. 7.5.`),
  "selection-cost-missing": (p) => `${p.measure} has no cost, so it cannot be selected. Type its cost in MNOK (0 if it costs nothing).`,
  "selection-cost-rounded": (p, h) => `The cost ${h.q(p.raw)} of ${p.measure} counts as ${h.short(p.rounded)} MNOK: the selection counts whole 10,000 kroner.`,
  "selection-requires-unknown": (p, h) =>
    `${p.measure} presupposes ${h.list(p.ids)}, but ${(p.ids as string[]).length > 1 ? "those IDs are" : "that ID is"} not in Vurdering and ${(p.ids as string[]).length > 1 ? "are" : "is"} not counted. Correct the ID.`,
  "selection-requires-self": (p) => `${p.measure} presupposes itself; that is not counted. Remove the measure's own ID from Forutsetter.`,
  "selection-requires-text": (p, h) =>
    `${h.q(p.raw)} in Forutsetter of ${p.measure} is not a list of IDs. Type the IDs separated by commas, e.g. “T001, T004”, or a range such as “T001–T004”.`,
  "selection-choice-invalid": (p, h) => `${h.q(p.raw)} in Valg of ${p.measure} is not a choice and is not counted. Type “Tas med” (include), “Holdes utenfor” (hold out) or leave the cell blank.`,
  "selection-frame-invalid": (p, h) => `${h.q(p.raw)} in ${p.setting} ${amountProblemEn(p, h, "frame")} and is not used. Type the frame in millions of kroner as a number.`,
  "selection-frame-missing": () => `No budget frame is set. Type it in Budsjettramme (MNOK) on the Modell sheet.`,
  ...enRuleFindings,
};

const UI = {
  nb: {
    title: "Utvalg innenfor budsjett: {file}",
    frames: "Budsjettramme {budget} MNOK, minimumsramme {minimum}",
    framesNoMinimum: "Budsjettramme {budget} MNOK (ingen minimumsramme: hele utvalget er minimumslisten)",
    minimumList: "Minimumsliste",
    plusList: "Plussliste",
    outList: "Ikke med",
    colId: "ID",
    colName: "Tiltak",
    colCost: "Kostnad",
    colScore: "Score",
    colReason: "Hvorfor ikke med",
    colAbove: "Nærmest over",
    colBelow: "Nærmest under",
    framesLegend:
      "Nærmest over / under: den nærmeste rammen fra og med denne, og den nærmeste mindre, der tiltaket er med i et beste utvalg. Ikke «med fra»: det beste utvalget følger ikke rammen, så tiltaket kan være ute igjen over og under. – ved ingen slik ramme, ? ikke beregnet.",
    forcedIn: "tas med",
    forcedOut: "holdes utenfor",
    listTotal: "Sum: {count} tiltak, {cost} MNOK, score {score}",
    selectedTotal: "Valgt i alt: {count} tiltak, {cost} av {budget} MNOK, score {score}",
    empty: "(ingen)",
    never: "aldri",
    greedySame: "Rangeringsrekkefølgen (ta tiltak etter rang til pengene er brukt opp) gir det samme utvalget.",
    greedyDiffers:
      "Rangeringsrekkefølgen gir et annet utvalg: {count} tiltak, {cost} MNOK, score {score} (stopper ved {stop}). Det eksakte utvalget gir {gain} mer i score.",
    greedyOnlyExact: "Bare i det eksakte utvalget: {names}",
    greedyOnlyGreedy: "Bare i rangeringsrekkefølgen: {names}",
    frontier: "Beste score for hver ramme (knekkpunkter):",
    frontierTruncated: "(beregnet til {upTo} MNOK)",
    frontierSample: "({count} knekkpunkter i alt, alle med --json)",
    incomplete: "Ikke alt er beregnet: nærmeste rammer (?) og knekkpunktene stoppet ved grensen på {solves} løsninger. Bruk --all for å beregne alt (kan ta lang tid).",
    incompletePane: "Ikke alt er beregnet: nærmeste rammer der det står «ikke beregnet», og knekkpunktene, stoppet ved grensen for antall løsninger.",
    infeasible: "Utvalget kan ikke beregnes med disse valgene:",
    failed: "Utvalget kunne ikke beregnes:",
    findings: "Merknader om utvalget ({count}):",
    noFrame: "Ingen budsjettramme: bruk --budget N eller skriv Budsjettramme (MNOK) på arket Modell.",
    badFrame: "{cell}: {message} Bruk --budget N, eller rett cellen.",
    badAmount: "{option} må følges av et beløp i MNOK (for eksempel {option} 120), ikke {value}.",
    noCostColumn: "{file}: Vurdering har ingen kolonne «Kostnad (MNOK)». Legg den til i tabellen og skriv kostnaden for hvert tiltak.",
    notAddin: "{file} er ikke i tilleggets oppsett (arket Vurdering). Importer arbeidsboken i tillegget først.",
    status: "Status",
    paneBudget: "Budsjettramme (MNOK)",
    paneMinimum: "Minimumsramme (MNOK)",
    paneMinimumHint: "Tom: hele utvalget er minimumslisten",
    paneWhatIf: "Rammer og valg her er et hva-om og lagres ikke. Skriv dem på Modell (Budsjettramme, Minimumsramme) og i Vurdering (Valg) for å beholde dem.",
    paneLoading: "Beregner utvalget …",
    paneNoCost: "Vurdering har ingen kolonne «Kostnad (MNOK)». Legg den til i tabellen (og gjerne Forutsetter og Valg), og skriv kostnaden for hvert tiltak.",
    paneNoFrame: "Skriv en budsjettramme for å se utvalget.",
    paneNotAddin: "Utvalget trenger tilleggets oppsett (Vurdering).",
    paneChoice: "Valg for {name}",
    paneChoiceNone: "–",
    paneChoiceIn: "Tas med",
    paneChoiceOut: "Holdes utenfor",
    paneFrontierTitle: "Beste score for hver ramme",
    paneFrontierLabel: "Beste score mot budsjettramme: {count} knekkpunkter fra {from} til {to} MNOK; rammen {budget} MNOK gir {score}.",
    framesBoth: "med i et beste utvalg ved {above} MNOK (nærmeste større ramme) og ved {below} MNOK (nærmeste mindre)",
    framesAboveOnly: "med i et beste utvalg ved {above} MNOK (nærmeste større ramme), ved ingen mindre",
    framesBelowOnly: "med i et beste utvalg ved {below} MNOK (nærmeste mindre ramme), ved ingen større",
    framesNone: "med i et beste utvalg ved ingen annen ramme",
    framesHere: "med i et like godt utvalg ved denne rammen",
    framesAboveNotBelow: "med i et beste utvalg ved {above} MNOK (nærmeste større ramme); mindre rammer er ikke beregnet",
    framesNoneAboveNotBelow: "med i et beste utvalg ved ingen større ramme; mindre rammer er ikke beregnet",
    framesNotComputed: "rammer der det er med: ikke beregnet",
    paneEntryProgress: "Beregner nærmeste rammer: {done} av {total} tiltak …",
    paneRetry: "Les arbeidsboken igjen",
    paneGreedyTitle: "Mot rangeringsrekkefølgen",
    paneUndo: "Angre «{choice}» for {name}",
    paneInfeasibleChoices: "Valgene du har gjort her i ruten (ikke i arbeidsboken) gjør at utvalget ikke kan beregnes. Angre dem, eller endre rammen:",
    paneColCost: "Kostnad",
    paneColScore: "Score",
    paneAxisBudget: "Ramme (MNOK)",
    paneAxisScore: "Beste score",
    reasonHeldOut: "holdes utenfor",
    reasonNoCost: "har ingen kostnad",
    reasonCycle: "forutsetter seg selv i ring ({ids})",
    reasonRequiresExcluded: "forutsetter {ids}, som ikke kan velges",
    reasonRequiresOut: "forutsetter {ids}, som ikke er med",
    reasonBudget: "over rammen: koster {cost}, {left} MNOK igjen",
    reasonSegment: "over rammen for {segment}: koster {cost}, {left} MNOK igjen",
    reasonNoGain: "gir ingen score",
    reasonNoScore: "gir ingen score (ingen total)",
    reasonNoTotal: "ingen total",
  },
  en: {
    title: "Selection within the budget: {file}",
    frames: "Budget frame {budget} MNOK, minimum frame {minimum}",
    framesNoMinimum: "Budget frame {budget} MNOK (no minimum frame: the whole selection is the minimum list)",
    minimumList: "Minimum list",
    plusList: "Plus list",
    outList: "Not selected",
    colId: "ID",
    colName: "Measure",
    colCost: "Cost",
    colScore: "Score",
    colReason: "Why not selected",
    colAbove: "Nearest above",
    colBelow: "Nearest below",
    framesLegend:
      "Nearest above / below: the nearest frame from this one up, and the nearest smaller one, at which the measure is in a best selection. Not “enters from”: the best selection does not follow the frame, so the measure may be out again above and below. – at no such frame, ? not computed.",
    forcedIn: "included",
    forcedOut: "held out",
    listTotal: "Total: {count} measures, {cost} MNOK, score {score}",
    selectedTotal: "Selected in all: {count} measures, {cost} of {budget} MNOK, score {score}",
    empty: "(none)",
    never: "never",
    greedySame: "Rank order (taking measures by rank until the money runs out) gives the same selection.",
    greedyDiffers: "Rank order gives a different selection: {count} measures, {cost} MNOK, score {score} (stops at {stop}). The exact selection scores {gain} more.",
    greedyOnlyExact: "Only in the exact selection: {names}",
    greedyOnlyGreedy: "Only in rank order: {names}",
    frontier: "Best score for each frame (breakpoints):",
    frontierTruncated: "(computed up to {upTo} MNOK)",
    frontierSample: "({count} breakpoints in all, every one with --json)",
    incomplete: "Not everything was computed: nearest frames (?) and the breakpoints stopped at the limit of {solves} solves. Use --all to compute everything (may take long).",
    incompletePane: "Not everything was computed: nearest frames marked “not computed”, and the breakpoints, stopped at the limit on the number of solves.",
    infeasible: "The selection cannot be computed with these choices:",
    failed: "The selection could not be computed:",
    findings: "Notes on the selection ({count}):",
    noFrame: "No budget frame: use --budget N or type Budsjettramme (MNOK) on the Modell sheet.",
    badFrame: "{cell}: {message} Use --budget N, or correct the cell.",
    badAmount: "{option} must be followed by an amount in MNOK (e.g. {option} 120), not {value}.",
    noCostColumn: "{file}: Vurdering has no column “Kostnad (MNOK)”. Add it to the table and type each measure's cost.",
    notAddin: "{file} is not in the add-in's layout (sheet Vurdering). Import the workbook in the add-in first.",
    status: "Status",
    paneBudget: "Budget frame (MNOK)",
    paneMinimum: "Minimum frame (MNOK)",
    paneMinimumHint: "Blank: the whole selection is the minimum list",
    paneWhatIf: "Frames and choices here are a what-if and are not saved. Type them on Modell (Budsjettramme, Minimumsramme) and in Vurdering (Valg) to keep them.",
    paneLoading: "Computing the selection …",
    paneNoCost: "Vurdering has no column “Kostnad (MNOK)”. Add it to the table (and Forutsetter and Valg if needed), and type each measure's cost.",
    paneNoFrame: "Type a budget frame to see the selection.",
    paneNotAddin: "The selection needs the add-in's layout (Vurdering).",
    paneChoice: "Choice for {name}",
    paneChoiceNone: "–",
    paneChoiceIn: "Tas med (include)",
    paneChoiceOut: "Holdes utenfor (hold out)",
    paneFrontierTitle: "Best score for each frame",
    paneFrontierLabel: "Best score against the budget frame: {count} breakpoints from {from} to {to} MNOK; the frame of {budget} MNOK gives {score}.",
    framesBoth: "in a best selection at {above} MNOK (nearest larger frame) and at {below} MNOK (nearest smaller)",
    framesAboveOnly: "in a best selection at {above} MNOK (nearest larger frame), at no smaller one",
    framesBelowOnly: "in a best selection at {below} MNOK (nearest smaller frame), at no larger one",
    framesNone: "in a best selection at no other frame",
    framesHere: "in an equally good selection at this frame",
    framesAboveNotBelow: "in a best selection at {above} MNOK (nearest larger frame); smaller frames not computed",
    framesNoneAboveNotBelow: "in a best selection at no larger frame; smaller frames not computed",
    framesNotComputed: "frames at which it is in: not computed",
    paneEntryProgress: "Computing the nearest frames: {done} of {total} measures …",
    paneRetry: "Read the workbook again",
    paneGreedyTitle: "Against rank order",
    paneUndo: "Undo “{choice}” for {name}",
    paneInfeasibleChoices: "The choices you made here in the pane (not in the workbook) make the selection impossible to compute. Undo them, or change the frame:",
    paneColCost: "Cost",
    paneColScore: "Score",
    paneAxisBudget: "Frame (MNOK)",
    paneAxisScore: "Best score",
    reasonHeldOut: "held out",
    reasonNoCost: "has no cost",
    reasonCycle: "presupposes itself in a cycle ({ids})",
    reasonRequiresExcluded: "presupposes {ids}, which cannot be selected",
    reasonRequiresOut: "presupposes {ids}, which is not selected",
    reasonBudget: "over the frame: costs {cost}, {left} MNOK left",
    reasonSegment: "over the {segment} limit: costs {cost}, {left} MNOK left",
    reasonNoGain: "adds no score",
    reasonNoScore: "adds no score (no total)",
    reasonNoTotal: "no total",
  },
} as const;

export type SelectionUiKey = keyof (typeof UI)["nb"];

export function st(lang: Lang, key: SelectionUiKey, params: Record<string, string | number> = {}): string {
  return fill(UI[lang][key], params);
}

/** A cost in hundredths of a MNOK as MNOK: 7,5 · 12 · 0,25. */
export function mnokText(lang: Lang, hundredths: number | null): string {
  return hundredths === null ? "–" : formatShort(lang, hundredths / 100);
}

/** Why a measure is out, in words; `names` maps ids to the names shown. */
export function reasonText(lang: Lang, r: OutReason, names: (ids: string[]) => string, hasScore = true): string {
  switch (r.kind) {
    case "held-out":
      return st(lang, "reasonHeldOut");
    case "no-cost":
      return st(lang, "reasonNoCost");
    case "cycle":
      return st(lang, "reasonCycle", { ids: names(r.ids) });
    case "requires-excluded":
      return st(lang, "reasonRequiresExcluded", { ids: names(r.ids) });
    case "requires-out":
      return st(lang, "reasonRequiresOut", { ids: names(r.ids) });
    case "budget":
      return st(lang, "reasonBudget", { cost: mnokText(lang, r.cost), left: mnokText(lang, r.left) });
    case "segment":
      return st(lang, "reasonSegment", { segment: r.segment, cost: mnokText(lang, r.cost), left: mnokText(lang, r.left) });
    case "no-total":
      return st(lang, "reasonNoTotal");
    case "no-gain":
      return st(lang, hasScore ? "reasonNoGain" : "reasonNoScore");
    case "group":
    case "quota":
      return ruleReasonText(lang, r, names);
  }
}

/** False for a measure out that gets no frames: it can never be chosen, or it has no total. */
export const hasFrames = (r: OutReason): boolean => !["held-out", "no-cost", "cycle", "requires-excluded", "no-total"].includes(r.kind);

/**
 * Where a measure out is in a best selection, in words (the task pane's line; lower case, no full
 * stop): the nearest frame at or above the current one and the nearest below it, each exact, or
 * that it is at no such frame, or that it was not computed. Null for a measure that gets none (no
 * total, or never chosen).
 */
export function framesText(lang: Lang, m: { entersAt?: number | null; inBelow?: number | null; reason: OutReason | null }, budget: number): string | null {
  if (!m.reason || !hasFrames(m.reason)) return null;
  const above = m.entersAt;
  const below = m.inBelow;
  if (above === undefined) return st(lang, "framesNotComputed");
  if (above === budget) return st(lang, "framesHere");
  if (below === undefined) return above === null ? st(lang, "framesNoneAboveNotBelow") : st(lang, "framesAboveNotBelow", { above: mnokText(lang, above) });
  if (above !== null && below !== null) return st(lang, "framesBoth", { above: mnokText(lang, above), below: mnokText(lang, below) });
  if (above !== null) return st(lang, "framesAboveOnly", { above: mnokText(lang, above) });
  if (below !== null) return st(lang, "framesBelowOnly", { below: mnokText(lang, below) });
  return st(lang, "framesNone");
}

function helpers(lang: Lang): Helpers {
  const asList = (v: ParamValue | undefined): string[] => (v === null || v === undefined ? [] : Array.isArray(v) ? v.map(String) : [String(v)]);
  return {
    n: (v, digits = 1) => (typeof v === "number" ? formatNumber(lang, v, digits) : "–"),
    short: (v) => (typeof v === "number" ? formatShort(lang, v) : "–"),
    crit: (ids) => formatList(lang, asList(ids)),
    list: (items) => formatList(lang, asList(items)),
    q: (s) => (lang === "nb" ? `«${s ?? ""}»` : `“${s ?? ""}”`),
  };
}

export function selectionFindingMessage(f: SelectionFinding, lang: Lang): string {
  return (lang === "nb" ? nbSelectionFindings : enSelectionFindings)[f.code](f.params, helpers(lang));
}
