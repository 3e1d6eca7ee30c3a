/**
 * The command line's strings (src/cli), bokmål first; the English table carries exactly the same
 * keys (the type checks it, and the tests). Apart from the pane's strings in ui.ts, so the pane's
 * initial JavaScript does not carry them.
 */
import { fill, type Lang } from "./format";

export const nbCliUi = {
  "cli.error.noFile": "Filen finnes ikke: {file}",
  "cli.error.notWorkbook": "{file} er ikke en Excel-arbeidsbok (.xlsx) som kan leses: {reason}",
  "cli.error.noMeasures": "Fant ingen tiltak i {file}: verken en Vurdering-tabell eller temaark med Måloppnåelse, Kostnader og Nytte.",
  "cli.error.noChecklist": "{file} har ingen sjekkliste (arket Sjekkliste).",
  "cli.error.unknownCommand": "Ukjent kommando: {command}",
  "cli.error.unknownOption": "Ukjent valg: {option}",
  "cli.error.missingFile": "Oppgi en arbeidsbok: prio {command} <fil.xlsx>",
  "cli.error.lang": "--lang må være nb eller en",
  "cli.error.model": "Modellen i arbeidsboken kan ikke brukes: {problem}",
  "cli.title": "Rangering – {file}",
  "cli.col.rank": "Rang",
  "cli.col.name": "Tiltak",
  "cli.col.score": "Score",
  "cli.col.complete": "Fullstendig",
  "cli.col.segment": "Segment",
  "cli.col.included": "Inn/Ut",
  "cli.col.segmentRank": "Rang i segment",
  "cli.entry.inn": "Inn",
  "cli.entry.ut": "Ut",
  "cli.notAssessed": "ikke vurdert",
  "cli.checklist.title": "Sjekkliste – {file}",
  "cli.checklist.col.measures": "Tiltak",
  "cli.checklist.col.reports": "Rapporter i året",
  "cli.checklist.col.reporting": "Rapportering",
  "cli.checklist.total": "I alt",
  "cli.checklist.reportsPerYear": "Rapporter i året til de nasjonale utvalgene: {count}.",
  "cli.checklist.notAssessed": "Ikke vurdert ({count})",
  "cli.checklist.allAssessed": "Alle tiltak er vurdert.",
  "cli.checklist.unanswered": "ubesvart: {questions}",
  "cli.checklist.pending": "Endres når tillegget regner om ({count})",
  "cli.checklist.toChecklist": "«{name}» ({id}) står bare i Vurdering og legges til i Sjekkliste.",
  "cli.checklist.toScoring": "«{name}» ({id}) står bare i Sjekkliste og legges til i Vurdering.",
  "cli.checklist.edit": "{id}: {column} «{from}» i {sheet} blir «{to}».",
  "cli.checklist.segmentChanges": "Segmentendringer siden tillegget sist regnet om ({count})",
  "cli.checklist.segmentChange": "«{name}» ({id}): {from} → {to}; {changes}",
  "cli.checklist.summary": "{count} tiltak i sjekklisten; {errors} feil, {warnings} {warnings|advarsel|advarsler}, {infos} {infos|merknad|merknader}.",
  "cli.yes": "ja",
  "cli.no": "nei",
  "cli.noTotal": "Uten total",
  "cli.findings": "Funn ({count})",
  "cli.noFindings": "Ingen funn.",
  "cli.summary": "{ranked} av {count} tiltak rangert; {errors} feil, {warnings} {warnings|advarsel|advarsler}, {infos} {infos|merknad|merknader}.",
} as const;

export type CliUiKey = keyof typeof nbCliUi;

export const enCliUi: Record<CliUiKey, string> = {
  "cli.error.noFile": "No such file: {file}",
  "cli.error.notWorkbook": "{file} is not an Excel workbook (.xlsx) that can be read: {reason}",
  "cli.error.noMeasures": "No measures found in {file}: neither a Vurdering table nor theme sheets with Måloppnåelse, Kostnader and Nytte.",
  "cli.error.noChecklist": "{file} has no checklist (sheet Sjekkliste).",
  "cli.error.unknownCommand": "Unknown command: {command}",
  "cli.error.unknownOption": "Unknown option: {option}",
  "cli.error.missingFile": "Name a workbook: prio {command} <file.xlsx>",
  "cli.error.lang": "--lang must be nb or en",
  "cli.error.model": "The workbook's model cannot be used: {problem}",
  "cli.title": "Ranking – {file}",
  "cli.col.rank": "Rank",
  "cli.col.name": "Measure",
  "cli.col.score": "Score",
  "cli.col.complete": "Complete",
  "cli.col.segment": "Segment",
  "cli.col.included": "In/Out",
  "cli.col.segmentRank": "Segment rank",
  "cli.entry.inn": "In",
  "cli.entry.ut": "Out",
  "cli.notAssessed": "not assessed",
  "cli.checklist.title": "Checklist – {file}",
  "cli.checklist.col.measures": "Measures",
  "cli.checklist.col.reports": "Reports a year",
  "cli.checklist.col.reporting": "Reporting",
  "cli.checklist.total": "Total",
  "cli.checklist.reportsPerYear": "Reports a year to the national committees: {count}.",
  "cli.checklist.notAssessed": "Not assessed ({count})",
  "cli.checklist.allAssessed": "Every measure is assessed.",
  "cli.checklist.unanswered": "unanswered: {questions}",
  "cli.checklist.pending": "Changed when the add-in recomputes ({count})",
  "cli.checklist.toChecklist": "“{name}” ({id}) is only in Vurdering and will be added to Sjekkliste.",
  "cli.checklist.toScoring": "“{name}” ({id}) is only in Sjekkliste and will be added to Vurdering.",
  "cli.checklist.edit": "{id}: {column} “{from}” in {sheet} becomes “{to}”.",
  "cli.checklist.segmentChanges": "Segment changes since the add-in last recomputed ({count})",
  "cli.checklist.segmentChange": "“{name}” ({id}): {from} → {to}; {changes}",
  "cli.checklist.summary": "{count} {count|measure|measures} in the checklist; {errors} {errors|error|errors}, {warnings} {warnings|warning|warnings}, {infos} {infos|note|notes}.",
  "cli.yes": "yes",
  "cli.no": "no",
  "cli.noTotal": "No total",
  "cli.findings": "Findings ({count})",
  "cli.noFindings": "No findings.",
  "cli.summary": "{ranked} of {count} {count|measure|measures} ranked; {errors} {errors|error|errors}, {warnings} {warnings|warning|warnings}, {infos} {infos|note|notes}.",
};

const TABLES: Record<Lang, Record<CliUiKey, string>> = { nb: nbCliUi, en: enCliUi };

/** A command-line string with `{name}` placeholders filled in, as t() does for the pane's. */
export function tc(lang: Lang, key: CliUiKey, params: Record<string, string | number> = {}): string {
  return fill(TABLES[lang][key], params);
}
