/**
 * `prio --help` and the usage of the commands that have no catalog of their own (score, checklist,
 * select), for the command line only (the task pane's bundle does not carry them), bokmål first.
 * slides and score --csv: cli-slides.ts; sensitivity and uncertainty: stability.ts.
 */
import type { Lang } from "./format";

export const nbCliHelp = {
  overview: [
    "Bruk: prio score <fil.xlsx> [--json] [--lang nb|en]",
    "       prio score <fil.xlsx> --csv [--lang nb|en] [--top N] [--segment NAVN] [--skjul-ut]",
    "       prio checklist <fil.xlsx> [--json] [--lang nb|en]",
    "       prio slides <fil.xlsx> [-o ut.pptx] [--force] [--lang nb|en] [--top N] [--segment NAVN] [--title TEKST] [--meeting TEKST] [--date ÅÅÅÅ-MM-DD] …",
    "       prio select <fil.xlsx> [--budget N] [--minimum M] [--json] [--lang nb|en]",
    "       prio sensitivity <fil.xlsx> [--top N] [--all] [--json] [--lang nb|en]",
    "       prio uncertainty <fil.xlsx> [--draws N] [--seed S] [--top N] [--weights …] [--spread …] [--pairwise] [--json] [--lang nb|en]",
    "",
    "score        skriver rangeringen og funnene; med sjekkliste også Inn/Ut, segment og rang i segment",
    "score --csv  skriver den rangerte listen som CSV (UTF-8 med BOM, semikolon)",
    "checklist    skriver sammendraget av sjekklisten: tiltak per segment, Ut, ikke vurdert,",
    "             rapporter i året, tiltakene som ikke er vurdert og funnene i sjekklisten",
    "slides       lager lysark (PowerPoint) med den rangerte listen, «Prioritering <dato>.pptx» ved siden av arbeidsboken;",
    "             en fil som finnes fra før, skrives bare over med --force",
    "select       utvalget innenfor budsjettrammen: minimumslisten, plusslisten og hvorfor hvert av de andre tiltakene er utenfor",
    "sensitivity  hvor langt hver vekt kan endres før to tiltak bytter plass (med budsjettramme: før minimumslisten endres)",
    "uncertainty  hvor sikker hver plass er: vekter og scorer trekkes mange ganger",
    "",
    "--json       skriver ett JSON-objekt i stedet for tekst",
    "--lang       språk for tekst og meldinger: nb (bokmål, standard) eller en",
    "--help       alle valg for én kommando: prio <kommando> --help",
  ].join("\n"),
  score: [
    "Bruk: prio score <fil.xlsx> [--json] [--lang nb|en]",
    "       prio score <fil.xlsx> --csv [--lang nb|en] [--top N] [--segment NAVN] [--skjul-ut]",
    "",
    "score      skriver rangeringen og funnene; med sjekkliste også Inn/Ut, segment og rang i segment",
    "--csv      skriver den rangerte listen som CSV (UTF-8 med BOM, semikolon) i stedet for tekst (alle valg: prio slides --help)",
    "--json     skriver ett JSON-objekt i stedet for tekst",
    "--lang     språk for tekst og meldinger: nb (bokmål, standard) eller en",
  ].join("\n"),
  checklist: [
    "Bruk: prio checklist <fil.xlsx> [--json] [--lang nb|en]",
    "",
    "checklist  skriver sammendraget av sjekklisten: tiltak per segment, Ut, ikke vurdert,",
    "           rapporter i året, tiltakene som ikke er vurdert og funnene i sjekklisten",
    "--json     skriver ett JSON-objekt i stedet for tekst",
    "--lang     språk for tekst og meldinger: nb (bokmål, standard) eller en",
  ].join("\n"),
  select: [
    "Bruk: prio select <fil.xlsx> [--budget N] [--minimum M] [--json] [--lang nb|en]",
    "",
    "select       det eksakte utvalget innenfor budsjettrammen: minimumslisten, plusslisten, hvorfor hvert av de",
    "             andre tiltakene er utenfor og fra hvilken ramme det ville komme med; kostnader, Forutsetter og Valg",
    "             fra Vurdering, rammene fra Modell (Budsjettramme, Minimumsramme)",
    "--budget N   budsjettrammen i MNOK i stedet for arbeidsbokens; uten --minimum er hele utvalget minimumslisten",
    "--minimum M  minimumsrammen i MNOK",
    "--json       skriver ett JSON-objekt i stedet for tekst",
    "--lang       språk for tekst og meldinger: nb (bokmål, standard) eller en",
  ].join("\n"),
} as const;

export type CliHelpKey = keyof typeof nbCliHelp;

export const enCliHelp: Record<CliHelpKey, string> = {
  overview: [
    "Usage: prio score <file.xlsx> [--json] [--lang nb|en]",
    "       prio score <file.xlsx> --csv [--lang nb|en] [--top N] [--segment NAME] [--skjul-ut]",
    "       prio checklist <file.xlsx> [--json] [--lang nb|en]",
    "       prio slides <file.xlsx> [-o out.pptx] [--force] [--lang nb|en] [--top N] [--segment NAME] [--title TEXT] [--meeting TEXT] [--date YYYY-MM-DD] …",
    "       prio select <file.xlsx> [--budget N] [--minimum M] [--json] [--lang nb|en]",
    "       prio sensitivity <file.xlsx> [--top N] [--all] [--json] [--lang nb|en]",
    "       prio uncertainty <file.xlsx> [--draws N] [--seed S] [--top N] [--weights …] [--spread …] [--pairwise] [--json] [--lang nb|en]",
    "",
    "score        prints the ranking and the findings; with a checklist also In/Out, segment and segment rank",
    "score --csv  prints the ranked list as CSV (UTF-8 with BOM, comma)",
    "checklist    prints the checklist summary: measures per segment, Out, not assessed,",
    "             reports a year, the measures not assessed and the checklist's findings",
    "slides       makes slides (PowerPoint) with the ranked list, «Prioritering <date>.pptx» beside the workbook;",
    "             a file that exists already is overwritten only with --force",
    "select       the selection within the budget frame: the minimum list, the plus list and why each other measure is out",
    "sensitivity  how far each weight can move before two measures change places (with a budget frame: before the minimum list changes)",
    "uncertainty  how sure each place is: weights and scores drawn many times",
    "",
    "--json       prints one JSON object instead of text",
    "--lang       language of text and messages: nb (Norwegian bokmål, the default) or en",
    "--help       every option of one command: prio <command> --help",
  ].join("\n"),
  score: [
    "Usage: prio score <file.xlsx> [--json] [--lang nb|en]",
    "       prio score <file.xlsx> --csv [--lang nb|en] [--top N] [--segment NAME] [--skjul-ut]",
    "",
    "score      prints the ranking and the findings; with a checklist also In/Out, segment and segment rank",
    "--csv      prints the ranked list as CSV (UTF-8 with BOM, comma) instead of text (every option: prio slides --help)",
    "--json     prints one JSON object instead of text",
    "--lang     language of text and messages: nb (Norwegian bokmål, the default) or en",
  ].join("\n"),
  checklist: [
    "Usage: prio checklist <file.xlsx> [--json] [--lang nb|en]",
    "",
    "checklist  prints the checklist summary: measures per segment, Out, not assessed,",
    "           reports a year, the measures not assessed and the checklist's findings",
    "--json     prints one JSON object instead of text",
    "--lang     language of text and messages: nb (Norwegian bokmål, the default) or en",
  ].join("\n"),
  select: [
    "Usage: prio select <file.xlsx> [--budget N] [--minimum M] [--json] [--lang nb|en]",
    "",
    "select       the exact selection within the budget frame: the minimum list, the plus list, why each other",
    "             measure is out and from which frame it would enter; costs, Forutsetter and Valg from Vurdering,",
    "             the frames from Modell (Budsjettramme, Minimumsramme)",
    "--budget N   the budget frame in MNOK instead of the workbook's; without --minimum the whole selection is the minimum list",
    "--minimum M  the minimum frame in MNOK",
    "--json       prints one JSON object instead of text",
    "--lang       language of text and messages: nb (Norwegian bokmål, the default) or en",
  ].join("\n"),
};

export function cliHelp(lang: Lang, key: CliHelpKey): string {
  return (lang === "nb" ? nbCliHelp : enCliHelp)[key];
}
