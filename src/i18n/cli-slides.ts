/**
 * Strings of `prio slides` and `prio score --csv` (the command line only; kept apart from the
 * shared ui catalog so the task pane's bundle does not carry them), bokmål first. `{name}`
 * placeholders are filled in by cs(); the English table has exactly the same keys.
 */
import { fill, type Lang } from "./format";

export const nbCliSlides = {
  "cli.slides.usage":
    "Bruk: prio slides <fil.xlsx> [-o ut.pptx] [--force] [--lang nb|en] [--top N] [--segment NAVN] [--skjul-ut] [--segment-lists] [--acceptability] [--title TEKST] [--meeting TEKST] [--date ÅÅÅÅ-MM-DD]\n       prio score <fil.xlsx> --csv [--lang nb|en]\n\nslides     lager lysark (PowerPoint) med den rangerte listen; standard er «Prioritering <dato>.pptx» ved siden av arbeidsboken\n--force    skriver over en fil som finnes fra før (uten --force skrives den ikke over)\n--top N    de N øverste er minimumslisten, resten pluss-listen; N er høyst antallet rangerte tiltak\n--segment  bare ett segment: Samstyre, Koordinere, Observere, Inspirere, Ut eller «ikke vurdert»\n--segment-lists  også den rangerte listen for hvert segment\n--acceptability  også et lysark om hvor sikker rangeringen er (sannsynlighet for hver plass, 10 000 trekk)\n--csv      skriver den rangerte listen som CSV (UTF-8, semikolon) i stedet for tekst\n--title, --meeting  tittel og møte på tittellysarket; uten dem det oppgaveruten husket i arbeidsboken\n--date     møtets dato; uten den datoen i møtet (--meeting eller det som er husket), ellers i dag. Den står også i filnavnet «Prioritering <dato>.pptx»",
  "cli.slides.written": "Lysarkene er lagret i {file}",
  "cli.slides.split": "Listen er delt etter utvalget innenfor rammen. {frames}.",
  "cli.error.write": "Kan ikke skrive {file}: {reason}",
  "cli.error.writeDir": "mappen finnes ikke",
  "cli.error.exists": "{file} finnes fra før og er ikke skrevet over. Bruk --force for å skrive over den, eller -o for et annet filnavn.",
  "cli.error.writeAccess": "ingen skrivetilgang",
  "cli.error.writeIsDir": "det er en mappe",
  "cli.error.missingValue": "{option} trenger en verdi",
  "cli.error.top": "--top må være et helt tall fra 1 og oppover, ikke «{value}»",
  "cli.error.segment": "Ukjent segment «{value}». Bruk Samstyre, Koordinere, Observere, Inspirere, Ut eller «ikke vurdert».",
  "cli.error.date": "--date må være en dato på formen ÅÅÅÅ-MM-DD, ikke «{value}»",
  "cli.error.dateNotReal": "--date: {value} finnes ikke i kalenderen",
  "cli.error.topTooLarge": "--top kan være høyst {max} (så mange tiltak er rangert), ikke {value}",
} as const;

export type CliSlidesKey = keyof typeof nbCliSlides;

export const enCliSlides: Record<CliSlidesKey, string> = {
  "cli.slides.usage":
    "Usage: prio slides <file.xlsx> [-o out.pptx] [--force] [--lang nb|en] [--top N] [--segment NAME] [--skjul-ut] [--segment-lists] [--acceptability] [--title TEXT] [--meeting TEXT] [--date YYYY-MM-DD]\n       prio score <file.xlsx> --csv [--lang nb|en]\n\nslides     makes slides (PowerPoint) with the ranked list; by default «Prioritering <date>.pptx» beside the workbook\n--force    overwrites a file that exists (without --force it is not overwritten)\n--top N    the top N are the minimum list, the rest the plus list; N is at most the number of ranked measures\n--segment  one segment only: Samstyre, Koordinere, Observere, Inspirere, Ut or “ikke vurdert”\n--segment-lists  also the ranked list of each segment\n--acceptability  also a slide on how sure the ranking is (probability of each place, 10,000 draws)\n--csv      prints the ranked list as CSV (UTF-8, comma) instead of text\n--title, --meeting  title and meeting on the title slide; without them what the task pane remembered in the workbook\n--date     the meeting's date; without it the date in the meeting (--meeting or remembered), else today. It is also in the file name «Prioritering <date>.pptx»",
  "cli.slides.written": "The slides are saved in {file}",
  "cli.slides.split": "The list is split by the selection within the frame. {frames}.",
  "cli.error.write": "Cannot write {file}: {reason}",
  "cli.error.writeDir": "the folder does not exist",
  "cli.error.exists": "{file} exists already and was not overwritten. Use --force to overwrite it, or -o for another file name.",
  "cli.error.writeAccess": "no permission to write",
  "cli.error.writeIsDir": "it is a folder",
  "cli.error.missingValue": "{option} needs a value",
  "cli.error.top": "--top must be a whole number from 1 up, not “{value}”",
  "cli.error.segment": "Unknown segment “{value}”. Use Samstyre, Koordinere, Observere, Inspirere, Ut or “ikke vurdert”.",
  "cli.error.date": "--date must be a date like YYYY-MM-DD, not “{value}”",
  "cli.error.dateNotReal": "--date: {value} is not a day in the calendar",
  "cli.error.topTooLarge": "--top can be at most {max} (the number of ranked measures), not {value}",
};

const TABLES: Record<Lang, Record<CliSlidesKey, string>> = { nb: nbCliSlides, en: enCliSlides };

export function cs(lang: Lang, key: CliSlidesKey, params: Record<string, string | number> = {}): string {
  return fill(TABLES[lang][key], params);
}
