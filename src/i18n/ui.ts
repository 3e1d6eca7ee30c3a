/**
 * Interface strings, bokmål first. `{name}` is replaced by t(). The English table must have
 * exactly the same keys (checked by the type below and by a test).
 */

export const nbUi = {
  "app.name": "Prioritering",
  "cli.usage":
    "Bruk: prio score <fil.xlsx> [--json] [--lang nb|en]\n       prio checklist <fil.xlsx> [--json] [--lang nb|en]\n\nscore      skriver rangeringen og funnene\nchecklist  skriver sammendraget av sjekklisten (segmenter, tiltak som ikke er vurdert)",
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
  "cli.yes": "ja",
  "cli.no": "nei",
  "cli.noTotal": "Uten total",
  "cli.findings": "Funn ({count})",
  "cli.noFindings": "Ingen funn.",
  "cli.summary": "{ranked} av {count} tiltak rangert; {errors} feil, {warnings} advarsler, {infos} merknader.",
  "total.label": "Score",
} as const;

export type UiKey = keyof typeof nbUi;

export const enUi: Record<UiKey, string> = {
  "app.name": "Prioritering",
  "cli.usage":
    "Usage: prio score <file.xlsx> [--json] [--lang nb|en]\n       prio checklist <file.xlsx> [--json] [--lang nb|en]\n\nscore      prints the ranking and the findings\nchecklist  prints the checklist summary (segments, measures not assessed)",
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
  "cli.yes": "yes",
  "cli.no": "no",
  "cli.noTotal": "No total",
  "cli.findings": "Findings ({count})",
  "cli.noFindings": "No findings.",
  "cli.summary": "{ranked} of {count} measures ranked; {errors} errors, {warnings} warnings, {infos} notes.",
  "total.label": "Score",
};
