/** English: the second language. Same keys as nb.ts, enforced by the shared types. */
import { QUESTION_TEXT, type ChecklistQuestion } from "../core/checklist";
import type { ModelProblemCode } from "../core/model-validate";
import { CHECKLIST_COLUMNS, type ChecklistColumn } from "../grid/layout";
import { fewScoresList, type FindingMessages, type ModelProblemMessages } from "./catalog";
import { formatPercent } from "./format";

const EN_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

export const enFindings: FindingMessages = {
  "cell-text": (p, h) =>
    `${h.q(p.raw)} in ${h.crit(p.criterion)} is text, not a score, and is left out (${p.measure}). ` +
    (p.suggestion !== undefined
      ? `Type ${h.short(p.suggestion)} as a number.`
      : `Type a score from ${h.short(p.min)} to ${h.short(p.max)}, or clear the cell and put the text in a comment.`),
  "cell-boolean": (p, h) =>
    `${p.raw} in ${h.crit(p.criterion)} is a logical value, not a score, and is left out (${p.measure}). Type a score from ${h.short(p.min)} to ${h.short(p.max)}.`,
  "cell-error": (p, h) =>
    `The error value ${p.raw} stands where a score for ${h.crit(p.criterion)} should be and is left out (${p.measure}). Fix the formula or type a score from ${h.short(p.min)} to ${h.short(p.max)}.`,
  "cell-out-of-scale": (p, h) =>
    p.day !== undefined
      ? `In ${h.crit(p.criterion)} (${p.measure}): ${p.day}.${p.month} was read as the date ${p.day} ${EN_MONTHS[Number(p.month) - 1]}; type ${p.day},${p.month}. Norwegian Excel makes a number with a point into a date; the score is left out.`
      : `${h.short(Number(p.raw))} in ${h.crit(p.criterion)} is outside the scale ${h.short(p.min)}–${h.short(p.max)} and is left out (${p.measure}). Type a score from ${h.short(p.min)} to ${h.short(p.max)}.`,
  "cell-not-finite": (p, h) =>
    `${p.raw} in ${h.crit(p.criterion)} is not a finite number and is left out (${p.measure}). Type a score from ${h.short(p.min)} to ${h.short(p.max)}.`,
  "missing-scores": (p, h) =>
    `${p.measure} has no score for ${h.crit(p.criteria)}. Groups are the mean of the questions that have a score; fill in the blank cells for a complete assessment.`,
  "few-scores": (p, h) =>
    `${p.measure} is ranked on few scores: ${fewScoresList(p, h, "of")} ${Array.isArray(p.groups) && p.groups.length === 1 ? "has" : "each have"} fewer than ${formatPercent("en", Number(p.threshold), 0)} of the questions answered. The total may change a lot once the rest are filled in; fill in the empty cells, or change the limit (Minste andel besvart) on the Modell sheet.`,
  "no-total": (p, h) =>
    `${p.measure} has no total because ${h.crit(p.groups)} has no scores. Fill in at least one score under ${h.crit(p.groups)}.`,
  tie: (p, h) => `${h.list(p.names)} have equal totals (${h.n(p.total)}) and share rank ${p.rank}.`,
  "model-invalid": (p, h) =>
    `The model on the Modell sheet cannot be used, so the last valid model applies: ${enModelProblems[p.problem as ModelProblemCode]({ at: String(p.at ?? ""), detail: String(p.detail ?? "") }, h)} Fix the cell and the model applies again.`,
  "store-damaged": (p) =>
    `The add-in's stored data in the workbook is damaged (${p.detail}). It is kept as it is, and the model on the Modell sheet is used.`,
  "round-damaged": (p) =>
    `${p.name ? `The round “${p.name}”` : "A saved round"} is damaged and was not read (${p.detail}). The other rounds are read. Delete it under Rounds if it is not needed.`,
  "rounds-register-damaged": (p) =>
    `The list of saved rounds is damaged (${p.detail}) and not used. The rounds are read one by one; the arrows show the change since the previous recompute until you save a round or choose a baseline under Rounds.`,
  "store-newer": (p) =>
    `The add-in's stored data in the workbook was written by a newer version of the add-in (format ${p.format}). The tables were read as they are, without the stored data; update the add-in before changing the workbook with it.`,
  "legacy-formula": (p, h) =>
    p.formula === ""
      ? p.empty
        ? `${h.crit(p.node)} is empty, but the model gives ${h.short(p.correct)} (${p.measure}). Choose “Synchronise” to write the formula, or type it yourself.`
        : `${h.crit(p.node)} shows ${h.short(p.shown)} typed as a value, not a formula, but the model gives ${h.short(p.correct)} (${p.measure}). Choose “Synchronise” to write the formula, or fix it yourself.`
      : `${h.crit(p.node)} ${p.uncalculated ? "would show" : "shows"} ${h.short(p.shown)}, but the model gives ${h.short(p.correct)} (${p.measure}). The formula is =${p.formula}` +
    (p.sum ? `; it adds up where the model takes the mean` : "") +
    (p.mean ? `; it takes the mean where the model adds up` : "") +
    (Array.isArray(p.leftOut) && p.leftOut.length ? `; it leaves out ${h.crit(p.leftOut)}` : "") +
    (Array.isArray(p.twice) && p.twice.length ? `; it counts ${h.crit(p.twice)} twice` : "") +
    (Array.isArray(p.extra) && p.extra.length ? `; it includes ${h.crit(p.extra)}, which does not belong here` : "") +
    (Array.isArray(p.upstream) && p.upstream.length
      ? p.sum || p.mean || (Array.isArray(p.leftOut) && p.leftOut.length) || (Array.isArray(p.twice) && p.twice.length) || (Array.isArray(p.extra) && p.extra.length)
        ? `; it also builds on ${h.crit(p.upstream)}, which ${p.uncalculated ? "would show" : "shows"} a wrong value`
        : `; the formula is right, but it builds on ${h.crit(p.upstream)}, which ${p.uncalculated ? "would show" : "shows"} a wrong value`
      : "") +
    `. Choose “Synchronise” to write the right formula, or fix it yourself.`,
  "legacy-not-calculated": (p) =>
    `${p.count === 1 ? "1 formula cell" : `${p.count} formula cells`} (the first is ${p.first}) ${p.count === 1 ? "is" : "are"} not calculated — open and save in Excel. The file was saved by a program that does not calculate formulas (Python's openpyxl, for one), so it holds no value for them. What can be worked out from the formulas themselves has been checked; the rest is checked once the file has been opened and saved in Excel.`,
  "legacy-sheet-empty": (p) =>
    `The sheet ${p.sheet} has neither values nor formulas in its group and Score rows (${p.cells} empty ${p.cells === 1 ? "cell" : "cells"} for ${p.measures} ${p.measures === 1 ? "measure" : "measures"}), so it shows no totals. Choose “Synchronise” to write the formulas, or type them yourself.`,
  "legacy-error-value": (p, h) =>
    `${h.crit(p.node)} ${p.uncalculated ? "would show" : "shows"} ${p.error} (${p.measure}). ` +
    (p.correct !== null
      ? `The model gives ${h.short(p.correct)}.`
      : p.node === "total"
        ? `The measure has no total because ${h.crit(p.groups)} has no scores. Fill in the scores.`
        : `None of the questions under ${h.crit(p.node)} has a score, so there is no value to show. Fill in the scores.`),
  "legacy-rank-stale": (p) => `Rangering shows ${p.shown}, but ${p.measure} ranks ${p.correct} by its scores. The number is out of date.`,
  "legacy-rank-missing": (p) => `Rangering is blank, but ${p.measure} ranks ${p.correct} by its scores.`,
  "missing-row": (p, h) =>
    `The sheet ${p.sheet} has no row for ${h.crit(p.criteria)}; the question counts as blank for the measures on the sheet. Add the row with the question's text from the model.`,
  "unmatched-row": (p, h) =>
    `The row ${h.q(p.label)} matches no question of the model and is left out. Use the question's text from the model, or add the question to the model.`,
  "duplicate-row": (p, h) => `${h.q(p.label)} appears twice on the sheet; only the first row (${p.first}) is counted.`,
  "unnamed-measure": (p, h) =>
    `The column has scores but no heading; it is counted as ${h.q(p.name)}. Type the measure's name in the heading.`,
  "summary-score": (p, h) => `Samlet ${p.uncalculated ? "would show" : "shows"} score ${h.short(p.shown)} for ${h.q(p.name)}, but the right total is ${h.n(p.correct)}.`,
  "summary-rank": (p, h) =>
    p.correct === null
      ? `Samlet shows rank ${p.shown} for ${h.q(p.name)}, but the measure has no total and is not ranked.`
      : `Samlet shows rank ${p.shown} for ${h.q(p.name)}, but the right rank is ${p.correct}${p.tied ? " (shared)" : ""}.`,
  "summary-tie": (p, h) =>
    `${h.list(p.names)} have equal totals (${h.n(p.total)}), but Samlet shows them as ${h.list(p.shown)} without saying they tie. They share rank ${p.rank}.`,
  "summary-unmatched": (p, h) =>
    `${h.q(p.name)} in Samlet matches none of the measures on the sheets.` +
    (p.suggestion ? ` Did you mean ${h.q(p.suggestion)} (${p.suggestionCell})? Use the same name in both places.` : " Remove the row or add the measure."),
  "summary-name": (p, h) =>
    `${h.q(p.name)} in Samlet is called ${h.q(p.measure)} on its sheet (${p.measureCell}). Use the same name in both places.`,
  "summary-missing": (p, h) =>
    p.rank === null
      ? `${h.q(p.measure)} is not listed in Samlet.`
      : `${h.q(p.measure)} has total ${h.n(p.total)} and rank ${p.rank}, but is not listed in Samlet.`,
  "summary-typed": () =>
    `Samlet holds typed copies of the scores, not formulas that fetch them from the sheets; the copies do not follow when a score changes.`,
  "table-duplicate-id": (p, h) => `ID ${h.q(p.id)} is used by several rows (${h.list(p.rows)}). Give every row an ID of its own.`,
  "table-missing-id": (p, h) => `The row for ${h.q(p.name)} has no ID. Choose “Refresh” to give it a new one.`,
  "table-missing-name": () => `The row has scores but no measure name. Type the name in the Tiltak column.`,
  "table-error-value": (p, h) =>
    `The error value ${p.raw} is in the column ${h.q(p.column)} (${p.measure}). The add-in leaves the cell as it is and does not use it; type what belongs there, or fix the formula.`,
  "table-rows-outside": (p, h) =>
    p.where === "below"
      ? `${p.count === 1 ? `Row ${p.row}` : `${h.n(p.count, 0)} rows from row ${p.row} (to row ${p.last})`} below the table on the sheet ${p.sheet} look like measures but are outside the table and are not included. ` +
        (p.extend ? `Choose ${h.q(`Extend the table to row ${p.last}`)} under Findings in the add-in to include them, or move them away if they do not belong.` : `Move them into the table (something stands between the table and them), or move them away if they do not belong.`)
      : `${p.count === 1 ? `Row ${p.row}` : `${h.n(p.count, 0)} rows from row ${p.row}`} to the right of the table on the sheet ${p.sheet} look like measures but are outside the table and are not included. Move them in under the table, or move them away if they do not belong.`,
  "table-missing-column": (p, h) =>
    `The table has no column for ${h.crit(p.criteria)}; the question counts as blank for every measure. Add the column or choose “Refresh layout”.`,
  "table-unknown-column": (p, h) => `The column ${h.q(p.header)} matches no question of the model and is left out.`,
  "table-duplicate-column": (p, h) => `${h.crit(p.criteria)} has two columns; only the first (${p.first}) is counted.`,
  "checklist-answer": (p, h) =>
    `${h.q(p.raw)} is not an answer to ${h.q(QUESTION_TEXT[p.question as ChecklistQuestion]?.en ?? p.question)} (${p.measure}). Type Ja or Nei, or leave the cell blank until the question is assessed.`,
  "checklist-only-scoring": (p, h) =>
    `${h.q(p.name)} (${p.id}) is in Vurdering but not in Sjekkliste. Add the measure to Sjekkliste again, or remove it from Vurdering.`,
  "checklist-only-checklist": (p, h) =>
    `${h.q(p.name)} (${p.id}) is in Sjekkliste but not in Vurdering. Add the measure to Vurdering again, or remove it from Sjekkliste.`,
  "checklist-name-conflict": (p, h) =>
    `${p.id} is called ${h.q(p.scoringName)} in Vurdering and ${h.q(p.checklistName)} in Sjekkliste, and both were changed. Use the same name in both places.`,
  "checklist-actor-conflict": (p, h) =>
    `The actor of ${p.id} is ${h.q(p.scoringActor)} in Vurdering and ${h.q(p.checklistActor)} in Sjekkliste, and both were changed. Use the same actor in both places.`,
  "near-duplicate": (p, h) =>
    `${h.q(p.name)} (${p.id}) and ${h.q(p.otherName)} (${p.otherId}) look like the same measure. Merge them if they are, or give them names that tell them apart.`,
  "portfolio-value": (p, h) =>
    `${h.q(p.raw)} is not a valid value in the column ${CHECKLIST_COLUMNS[p.column as ChecklistColumn] ?? p.column} (${p.measure}). ` +
    ({ status: "Type rød, gul or grønn (red, yellow, green).", risk: "Type rød, gul or grønn (red, yellow, green).", goal: "Type a main goal from 1 to 5.", sdg: "Type the numbers of the sustainable development goals (1–17), e.g. 3, 9.", budget: "Type the budget in million kroner as a number." } as Record<string, string>)[String(p.column)],
  "portfolio-budget": (p) => `${p.measure} has a budget, but budgets are followed up only for measures in Samstyre.`,
};

export const enModelProblems: ModelProblemMessages = {
  shape: (p) => `the field ${p.at} has the wrong form (${p.detail}).`,
  "newer-version": (p) =>
    `it was stored by a newer version of the add-in (format ${p.detail}). Update the add-in; nothing in the workbook was changed.`,
  scale: (p) => `the scale ${p.detail} is invalid; the lowest value must be below the highest.`,
  "duplicate-id": (p) => `the id ${p.at} is used twice.`,
  weight: (p, h) => `the weight ${h.q(p.detail)} of ${h.crit(p.at)} is not a number from 0 to 1,000,000. Type a number such as 1 or 1.5.`,
  "group-without-weight": (p, h) => `${p.at === "criteria" ? "the top level" : h.crit(p.at)} has no item with a weight above 0.`,
  "no-criteria": () => `it has no criteria.`,
  "tie-break-unknown": (p) => `the tie-break names ${p.at}, which is not a group of the model.`,
  "descriptor-outside-scale": (p, h) => `the descriptor for ${p.detail} on ${h.crit(p.at)} lies outside the scale.`,
  completeness: (p) => `the minimum share answered ${p.detail} is invalid; use a share from 0 to 1, such as 0.5.`,
  tolerance: (p) => `the tolerance ${p.detail} is invalid; use a small number such as 0.000000001.`,
};

export const enSeverity = { error: "Error", warning: "Warning", info: "Note" } as const;
