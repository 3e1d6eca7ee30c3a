/**
 * Why a file is not read (src/grid/xlsx-guard.ts), in bokmål and English: one line naming the
 * file, what it is and what to do. Used by the command line and the preview's file opening.
 */
import type { Part, Refusal } from "../grid/xlsx-guard";
import type { Lang } from "./format";

const mb = (bytes: number) => String(Math.round(bytes / (1024 * 1024)));

function where(lang: Lang, p: Part): string {
  if (p.sheet !== undefined) return lang === "nb" ? `arket «${p.sheet}»` : `the sheet “${p.sheet}”`;
  return lang === "nb" ? `delen ${p.entry}` : `the part ${p.entry}`;
}

function nb(file: string, r: Refusal): string {
  const notRead = (why: string) => `${file} er ikke en Excel-arbeidsbok (.xlsx) som kan leses: ${why}`;
  const tooBig = (why: string) => `${file} leses ikke fordi den er unormalt stor: ${why}. Lagre en kopi med bare arkene som trengs som .xlsx, og prøv igjen.`;
  switch (r.kind) {
    case "empty":
      return notRead("filen er tom (0 byte).");
    case "unknown":
      return notRead("filen er verken en Excel-arbeidsbok eller et annet regneark. Åpne den i Excel og lagre som Excel-arbeidsbok (.xlsx).");
    case "damaged":
      return notRead("filen er skadet eller ufullstendig. Åpne den i Excel, lagre som Excel-arbeidsbok (.xlsx), og prøv igjen.");
    case "unreadable":
      return `${file} kunne ikke leses: tilleggets leser for .xlsx forstår ikke innholdet. Filen kan være skadet, eller lagret av et program som skriver arbeidsboken på en måte leseren ikke kjenner. Åpne den i Excel, lagre som Excel-arbeidsbok (.xlsx), og prøv igjen.`;
    case "xls":
      return `${file} er en eldre Excel-fil (.xls). Åpne den i Excel og lagre som Excel-arbeidsbok (.xlsx), og prøv igjen.`;
    case "encrypted":
      return `${file} er beskyttet med passord og kan ikke leses. Åpne den i Excel, fjern passordet (Fil > Informasjon > Beskytt arbeidsbok > Krypter med passord), lagre, og prøv igjen.`;
    case "csv":
      return `${file} er en tekstfil med kommadelte verdier (CSV), ikke en Excel-arbeidsbok. Åpne den i Excel og lagre som Excel-arbeidsbok (.xlsx).`;
    case "ods":
      return `${file} er et OpenDocument-regneark (.ods). Åpne det i Excel eller LibreOffice og lagre som Excel-arbeidsbok (.xlsx).`;
    case "xlsb":
      return `${file} er en binær Excel-arbeidsbok (.xlsb). Åpne den i Excel og lagre som Excel-arbeidsbok (.xlsx).`;
    case "file-size":
      return tooBig(`filen er ${mb(r.bytes)} MB (høyst ${mb(r.limit)} MB)`);
    case "entries":
      return tooBig(`den består av ${r.count} deler (høyst ${r.limit})`);
    case "entry-size":
      return tooBig(`${where("nb", r.part)} pakkes ut til mer enn ${mb(r.limit)} MB`);
    case "total-size":
      return tooBig(`innholdet pakkes ut til mer enn ${mb(r.limit)} MB`);
    case "ratio":
      return tooBig(`${where("nb", r.part)} pakkes ut til ${r.ratio} ganger sin pakkede størrelse (høyst ${r.limit})`);
    case "cells":
      return tooBig(`arkene har ${r.count} celler (høyst ${r.limit})`);
    case "merge":
      return tooBig(`${where("nb", r.part)} slår sammen ${r.ref}, ${r.count} celler (høyst ${r.limit})`);
    case "validation":
      return tooBig(`${where("nb", r.part)} har datavalidering på ${r.ref}, ${r.count} celler (høyst ${r.limit})`);
    case "dimension":
      return tooBig(`${where("nb", r.part)} oppgir området ${r.ref}, ${r.count} celler (høyst ${r.limit})`);
    case "strings":
      return tooBig(`den har ${r.count} delte tekster (høyst ${r.limit})`);
  }
}

function en(file: string, r: Refusal): string {
  const notRead = (why: string) => `${file} is not an Excel workbook (.xlsx) that can be read: ${why}`;
  const tooBig = (why: string) => `${file} is not read because it is abnormally large: ${why}. Save a copy with only the sheets needed as .xlsx and try again.`;
  switch (r.kind) {
    case "empty":
      return notRead("the file is empty (0 bytes).");
    case "unknown":
      return notRead("the file is neither an Excel workbook nor another spreadsheet. Open it in Excel and save it as an Excel workbook (.xlsx).");
    case "damaged":
      return notRead("the file is damaged or incomplete. Open it in Excel, save it as an Excel workbook (.xlsx) and try again.");
    case "unreadable":
      return `${file} could not be read: the add-in's .xlsx reader does not understand its content. The file may be damaged, or saved by a program that writes workbooks in a way the reader does not know. Open it in Excel, save it as an Excel workbook (.xlsx) and try again.`;
    case "xls":
      return `${file} is an older Excel file (.xls). Open it in Excel, save it as an Excel workbook (.xlsx) and try again.`;
    case "encrypted":
      return `${file} is protected with a password and cannot be read. Open it in Excel, remove the password (File > Info > Protect Workbook > Encrypt with Password), save it and try again.`;
    case "csv":
      return `${file} is a text file of comma-separated values (CSV), not an Excel workbook. Open it in Excel and save it as an Excel workbook (.xlsx).`;
    case "ods":
      return `${file} is an OpenDocument spreadsheet (.ods). Open it in Excel or LibreOffice and save it as an Excel workbook (.xlsx).`;
    case "xlsb":
      return `${file} is a binary Excel workbook (.xlsb). Open it in Excel and save it as an Excel workbook (.xlsx).`;
    case "file-size":
      return tooBig(`the file is ${mb(r.bytes)} MB (at most ${mb(r.limit)} MB)`);
    case "entries":
      return tooBig(`it consists of ${r.count} parts (at most ${r.limit})`);
    case "entry-size":
      return tooBig(`${where("en", r.part)} unpacks to more than ${mb(r.limit)} MB`);
    case "total-size":
      return tooBig(`its content unpacks to more than ${mb(r.limit)} MB`);
    case "ratio":
      return tooBig(`${where("en", r.part)} unpacks to ${r.ratio} times its packed size (at most ${r.limit})`);
    case "cells":
      return tooBig(`its sheets have ${r.count} cells (at most ${r.limit})`);
    case "merge":
      return tooBig(`${where("en", r.part)} merges ${r.ref}, ${r.count} cells (at most ${r.limit})`);
    case "validation":
      return tooBig(`${where("en", r.part)} has data validation on ${r.ref}, ${r.count} cells (at most ${r.limit})`);
    case "dimension":
      return tooBig(`${where("en", r.part)} declares the range ${r.ref}, ${r.count} cells (at most ${r.limit})`);
    case "strings":
      return tooBig(`it has ${r.count} shared strings (at most ${r.limit})`);
  }
}

/** The one-line message for a refused file. */
export function refusalMessage(lang: Lang, file: string, r: Refusal): string {
  return lang === "nb" ? nb(file, r) : en(file, r);
}
