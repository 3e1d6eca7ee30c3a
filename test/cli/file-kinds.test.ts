/**
 * Say what the file is: an old .xls, a password-protected workbook, a CSV, an .ods, an .xlsb get
 * their own plain message in bokmål and English (save as .xlsx, remove the password), never the
 * zip library's text ("End of data reached … Corrupted zip ?") or a JavaScript error.
 */
import JSZip from "jszip";
import { writeFileSync } from "fs";
import * as path from "path";
import { BUILD_TIMEOUT, ensureCliBuilt, expectOneLineNoStack, run, spawnPrio, tempDir } from "../support/cli";
import { cfb, minimalParts, ods, rawZip, sheetXml } from "../support/hostile";

let dir: string;
let cleanup: () => void;
const files: Record<string, string> = {};

beforeAll(async () => {
  ({ dir, cleanup } = tempDir());
  const put = (name: string, data: Buffer | string) => {
    files[name] = path.join(dir, name);
    writeFileSync(files[name], data);
  };
  put("gammel.xls", cfb(["Workbook", "\u0005SummaryInformation"]));
  // An old .xls someone renamed to .xlsx is still an old .xls.
  put("omdøpt.xlsx", cfb(["Workbook"]));
  // Excel's password protection: the package encrypted inside a CFB envelope. Six entries, so the
  // directory runs over two sectors.
  put("passord.xlsx", cfb(["\u0006DataSpaces", "DataSpaceMap", "DataSpaceInfo", "TransformInfo", "EncryptionInfo", "EncryptedPackage"]));
  put("tiltak.csv", "ID;Tiltak;Score\nT001;PLL;7\nT002;Kjernejournal;8\n");
  // A CSV saved with the wrong extension is still recognised by its shape.
  put("tiltak.xlsx", "ID,Tiltak,Score\r\nT001,PLL,7\r\nT002,Kjernejournal,8\r\n");
  // Excel's «Unicode text» (UTF-16 with a byte-order mark, tab-separated) under an .xlsx name.
  put("unicode-tekst.xlsx", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("ID\tTiltak\tScore\r\nT001\tPLL\t7\r\nT002\tKjernejournal\t8\r\n", "utf16le")]));
  put("regneark.ods", await ods());
  const xlsb = new JSZip();
  xlsb.file("[Content_Types].xml", "<Types/>");
  xlsb.file("xl/workbook.bin", new Uint8Array([0x83, 0x01, 0x00]));
  put("binær.xlsb", await xlsb.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
  // Zip-level encryption (the general-purpose flag's bit 0), as some archivers write it.
  put("zip-passord.xlsx", rawZip(minimalParts(sheetXml()).map((e) => ({ ...e, flags: 1 }))));
  // A zip cut off in the middle.
  const whole = rawZip(minimalParts(sheetXml()));
  put("avkuttet.xlsx", whole.subarray(0, Math.floor(whole.length / 2)));
  // A sound zip whose sheet XML is broken.
  put("ødelagt-xml.xlsx", rawZip(minimalParts("<worksheet><sheetData><row r=\"1\"><c r=\"A1\"><v>1</v></row></sheetData>")));
  put("bilde.png", Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
  ensureCliBuilt();
}, BUILD_TIMEOUT);
afterAll(() => cleanup());

const cases: [string, string, string][] = [
  [
    "gammel.xls",
    "{f} er en eldre Excel-fil (.xls). Åpne den i Excel og lagre som Excel-arbeidsbok (.xlsx), og prøv igjen.",
    "{f} is an older Excel file (.xls). Open it in Excel, save it as an Excel workbook (.xlsx) and try again.",
  ],
  [
    "omdøpt.xlsx",
    "{f} er en eldre Excel-fil (.xls). Åpne den i Excel og lagre som Excel-arbeidsbok (.xlsx), og prøv igjen.",
    "{f} is an older Excel file (.xls). Open it in Excel, save it as an Excel workbook (.xlsx) and try again.",
  ],
  [
    "passord.xlsx",
    "{f} er beskyttet med passord og kan ikke leses. Åpne den i Excel, fjern passordet (Fil > Informasjon > Beskytt arbeidsbok > Krypter med passord), lagre, og prøv igjen.",
    "{f} is protected with a password and cannot be read. Open it in Excel, remove the password (File > Info > Protect Workbook > Encrypt with Password), save it and try again.",
  ],
  [
    "zip-passord.xlsx",
    "{f} er beskyttet med passord og kan ikke leses. Åpne den i Excel, fjern passordet (Fil > Informasjon > Beskytt arbeidsbok > Krypter med passord), lagre, og prøv igjen.",
    "{f} is protected with a password and cannot be read. Open it in Excel, remove the password (File > Info > Protect Workbook > Encrypt with Password), save it and try again.",
  ],
  [
    "tiltak.csv",
    "{f} er en tekstfil med kommadelte verdier (CSV), ikke en Excel-arbeidsbok. Åpne den i Excel og lagre som Excel-arbeidsbok (.xlsx).",
    "{f} is a text file of comma-separated values (CSV), not an Excel workbook. Open it in Excel and save it as an Excel workbook (.xlsx).",
  ],
  [
    "tiltak.xlsx",
    "{f} er en tekstfil med kommadelte verdier (CSV), ikke en Excel-arbeidsbok. Åpne den i Excel og lagre som Excel-arbeidsbok (.xlsx).",
    "{f} is a text file of comma-separated values (CSV), not an Excel workbook. Open it in Excel and save it as an Excel workbook (.xlsx).",
  ],
  [
    "unicode-tekst.xlsx",
    "{f} er en tekstfil med kommadelte verdier (CSV), ikke en Excel-arbeidsbok. Åpne den i Excel og lagre som Excel-arbeidsbok (.xlsx).",
    "{f} is a text file of comma-separated values (CSV), not an Excel workbook. Open it in Excel and save it as an Excel workbook (.xlsx).",
  ],
  [
    "regneark.ods",
    "{f} er et OpenDocument-regneark (.ods). Åpne det i Excel eller LibreOffice og lagre som Excel-arbeidsbok (.xlsx).",
    "{f} is an OpenDocument spreadsheet (.ods). Open it in Excel or LibreOffice and save it as an Excel workbook (.xlsx).",
  ],
  [
    "binær.xlsb",
    "{f} er en binær Excel-arbeidsbok (.xlsb). Åpne den i Excel og lagre som Excel-arbeidsbok (.xlsx).",
    "{f} is a binary Excel workbook (.xlsb). Open it in Excel and save it as an Excel workbook (.xlsx).",
  ],
  [
    "avkuttet.xlsx",
    "{f} er ikke en Excel-arbeidsbok (.xlsx) som kan leses: filen er skadet eller ufullstendig. Åpne den i Excel, lagre som Excel-arbeidsbok (.xlsx), og prøv igjen.",
    "{f} is not an Excel workbook (.xlsx) that can be read: the file is damaged or incomplete. Open it in Excel, save it as an Excel workbook (.xlsx) and try again.",
  ],
  [
    // A sound zip whose XML exceljs cannot parse: the reader could not read it (it cannot tell damage from a writer it does not know).
    "ødelagt-xml.xlsx",
    "{f} kunne ikke leses: tilleggets leser for .xlsx forstår ikke innholdet. Filen kan være skadet, eller lagret av et program som skriver arbeidsboken på en måte leseren ikke kjenner. Åpne den i Excel, lagre som Excel-arbeidsbok (.xlsx), og prøv igjen.",
    "{f} could not be read: the add-in's .xlsx reader does not understand its content. The file may be damaged, or saved by a program that writes workbooks in a way the reader does not know. Open it in Excel, save it as an Excel workbook (.xlsx) and try again.",
  ],
  [
    "bilde.png",
    "{f} er ikke en Excel-arbeidsbok (.xlsx) som kan leses: filen er verken en Excel-arbeidsbok eller et annet regneark. Åpne den i Excel og lagre som Excel-arbeidsbok (.xlsx).",
    "{f} is not an Excel workbook (.xlsx) that can be read: the file is neither an Excel workbook nor another spreadsheet. Open it in Excel and save it as an Excel workbook (.xlsx).",
  ],
];

describe.each(cases)("%s", (name, nb, en) => {
  test("bokmål: exit 2, exactly its message", async () => {
    const r = await run(["score", files[name]]);
    expect([r.code, r.out, r.err]).toEqual([2, "", nb.replace("{f}", files[name])]);
  });
  test("English, and prio checklist says the same", async () => {
    const r = await run(["checklist", files[name], "--lang", "en"]);
    expect([r.code, r.out, r.err]).toEqual([2, "", en.replace("{f}", files[name])]);
  });
  test("every other command that reads a workbook says the same", async () => {
    for (const argv of [["select", files[name], "--budget", "10"], ["sensitivity", files[name]], ["uncertainty", files[name]], ["slides", files[name]]]) {
      const r = await run(argv);
      expect([argv[0], r.code, r.out, r.err]).toEqual([argv[0], 2, "", nb.replace("{f}", files[name])]);
    }
  });
});

test("the real binary: one line, no library text", () => {
  for (const name of ["passord.xlsx", "avkuttet.xlsx", "tiltak.xlsx"]) {
    const r = spawnPrio(["score", files[name]]);
    expect(r.code).toBe(2);
    expectOneLineNoStack(r.err);
    expect(r.err).not.toMatch(/Corrupted zip|End of data|zip|JSZip|undefined|TypeError/i);
  }
});
