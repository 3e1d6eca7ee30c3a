/**
 * The words of the Rangering table's Utvalg column, in the workbook's language: which list the
 * exact selection puts each measure on. Imported only by the lazy code that fills the column.
 */
import type { ListName } from "../core/select";
import type { Lang } from "./format";

const WORDS: Record<Lang, Record<ListName, string>> = {
  nb: { minimum: "Minimum", plus: "Pluss", out: "Utenfor" },
  en: { minimum: "Minimum", plus: "Plus", out: "Out" },
};

export function listWord(lang: Lang, list: ListName): string {
  return WORDS[lang][list];
}
