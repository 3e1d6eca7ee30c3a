/** File names that say what and when: `Prioritering 2022-09-21.pptx`, `Prioritering 2022-09-21.csv`. */
import type { Lang } from "../i18n";
import { ex } from "../i18n/export";

export function exportFileName(date: string, lang: Lang, extension: "pptx" | "csv"): string {
  return `${ex(lang, "deck.fileStem")} ${date}.${extension}`;
}

/** A date as YYYY-MM-DD in local time. */
export function isoDate(d: Date): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

/** The meeting's date when the typed line holds one (21.09.2022, 21.9.2022 or 2022-09-21), as YYYY-MM-DD. */
export function dateFromText(text: string): string | undefined {
  const valid = (y: number, m: number, d: number): string | undefined => {
    const dt = new Date(Date.UTC(y, m - 1, d));
    if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== m - 1 || dt.getUTCDate() !== d) return undefined;
    return `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
  };
  const iso = /\b(\d{4})-(\d{2})-(\d{2})\b/.exec(text);
  if (iso) return valid(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const nb = /\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b/.exec(text);
  if (nb) return valid(Number(nb[3]), Number(nb[2]), Number(nb[1]));
  return undefined;
}
