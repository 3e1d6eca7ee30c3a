/**
 * `prio slides` and `prio score --csv`: the deck written beside the workbook or where -o says,
 * on both layouts; the CSV on stdout; bad input and an output path that cannot be written give one
 * line on stderr and exit 2. Decks are made by the real bin (pptxgenjs writes through Node's own
 * module loader, which jest's sandbox does not offer).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "fs";
import * as path from "path";
import { BUILD_TIMEOUT, ensureCliBuilt, expectOneLineNoStack, run, spawnPrio, tempDir } from "../support/cli";
import { MEETING_XLSX } from "../support/meeting";
import { EXAMPLE_XLSX, SCENARIO_CHECKLIST, SCENARIO_SCORING, writeChecklistWorkbook } from "../support/checklist";
import { unzip } from "../export/support";

// Each deck is a real process (a few seconds; longer on a busy machine).
jest.setTimeout(120_000);

let dir: string;
let cleanup: () => void;
beforeAll(() => {
  ensureCliBuilt();
  ({ dir, cleanup } = tempDir());
}, BUILD_TIMEOUT);
afterAll(() => cleanup());

const isZip = (file: string) => readFileSync(file).subarray(0, 4).toString("binary") === "PK\u0003\u0004";

describe("prio slides", () => {
  test("writes «Prioritering <meeting date>.pptx» beside the workbook and says where", () => {
    const copy = path.join(dir, "møte.xlsx");
    writeFileSync(copy, readFileSync(MEETING_XLSX));
    const r = spawnPrio(["slides", copy, "--meeting", "Nasjonalt e-helseråd 21.09.2022"]);
    const out = path.join(dir, "Prioritering 2022-09-21.pptx");
    expect([r.code, r.err]).toEqual([0, ""]);
    expect(r.out).toBe(`Lysarkene er lagret i ${out}\n`);
    expect(isZip(out)).toBe(true);
  });
  test("a workbook whose Modell sets a budget frame: the deck is split by the selection, and the command says by which frames", () => {
    const out = path.join(dir, "utvalg.pptx");
    const r = spawnPrio(["slides", path.resolve(__dirname, "../../examples/utvalg.xlsx"), "-o", out]);
    expect([r.code, r.err, r.out]).toEqual([
      0,
      "",
      `Lysarkene er lagret i ${out}\nListen er delt etter utvalget innenfor rammen. Rammene fra arket Modell: budsjettramme 240 MNOK, minimumsramme 100 MNOK.\n`,
    ]);
  });
  test("-o, --lang en, --top and a date; the add-in layout with a checklist and --segment", () => {
    const out = path.join(dir, "en.pptx");
    const r = spawnPrio(["slides", EXAMPLE_XLSX, "-o", out, "--lang", "en", "--top", "1", "--segment", "samstyre", "--date", "2020-06-01"]);
    expect([r.code, r.err, r.out]).toEqual([0, "", `The slides are saved in ${out}\n`]);
    expect(isZip(out)).toBe(true);
  });
  test("a workbook whose findings change no rank or total: the data-quality slide says so; the title slide counts what it shows", async () => {
    const file = path.join(dir, "rent.xlsx");
    await writeChecklistWorkbook(file, { scoring: SCENARIO_SCORING, checklist: SCENARIO_CHECKLIST });
    const out = path.join(dir, "rent.pptx");
    const r = spawnPrio(["slides", file, "-o", out, "--segment", "Samstyre"]);
    expect([r.code, r.err]).toEqual([0, ""]);
    const zip = await unzip(readFileSync(out));
    const texts = await Promise.all(
      Object.keys(zip.files)
        .filter((f) => /^ppt\/slides\/slide\d+\.xml$/.test(f))
        .map((f) => zip.file(f)!.async("string")),
    );
    const quality = texts.find((x) => x.includes("Datakvalitet"))!;
    expect(quality).toMatch(/\d+ funn i arbeidsboken\. Ingen av dem endrer en rang eller en total\./);
    const title = texts.find((x) => x.includes("Prioritering av tiltak") && x.includes("rangert"))!;
    expect(title).toContain("3 av 3 tiltak rangert");
    expect(title).toContain("Utvalg: segment Samstyre");
  });
  test("a file that exists is never overwritten silently: one line naming --force and -o, exit 2, the file as it was; --force overwrites it", () => {
    const copy = path.join(dir, "finnes", "møte.xlsx");
    mkdirSync(path.dirname(copy));
    writeFileSync(copy, readFileSync(MEETING_XLSX));
    const theirs = path.join(dir, "finnes", "Prioritering 2022-09-21.pptx");
    writeFileSync(theirs, "en persons egne lysark");
    const r = spawnPrio(["slides", copy, "--date", "2022-09-21"]);
    expect([r.code, r.out, r.err]).toEqual([2, "", `${theirs} finnes fra før og er ikke skrevet over. Bruk --force for å skrive over den, eller -o for et annet filnavn.\n`]);
    expectOneLineNoStack(r.err);
    expect(readFileSync(theirs, "utf8")).toBe("en persons egne lysark");
    // -o naming a file that exists: the same, in English.
    const en = spawnPrio(["slides", copy, "-o", theirs, "--lang", "en"]);
    expect([en.code, en.err]).toEqual([2, `${theirs} exists already and was not overwritten. Use --force to overwrite it, or -o for another file name.\n`]);
    expect(readFileSync(theirs, "utf8")).toBe("en persons egne lysark");
    // Asked for: overwritten, and said where.
    const forced = spawnPrio(["slides", copy, "--date", "2022-09-21", "--force"]);
    expect([forced.code, forced.err, forced.out]).toEqual([0, "", `Lysarkene er lagret i ${theirs}\n`]);
    expect(isZip(theirs)).toBe(true);
  });
  test("an output path that cannot be written: one line, exit 2, nothing written", () => {
    const out = path.join(dir, "finnes-ikke", "x.pptx");
    const r = spawnPrio(["slides", MEETING_XLSX, "-o", out]);
    expect(r.code).toBe(2);
    expect(r.out).toBe("");
    expect(r.err).toBe(`Kan ikke skrive ${out}: mappen finnes ikke\n`);
    expectOneLineNoStack(r.err);
    const folder = path.join(dir, "mappe.pptx");
    mkdirSync(folder);
    const d = spawnPrio(["slides", MEETING_XLSX, "-o", folder, "--lang", "en"]);
    expect([d.code, d.err]).toEqual([2, `Cannot write ${folder}: it is a folder\n`]);
  });
  test.each([
    [["slides"], "Oppgi en arbeidsbok: prio slides <fil.xlsx>"],
    [["slides", "finnes-ikke.xlsx"], "Filen finnes ikke: finnes-ikke.xlsx"],
    [["slides", MEETING_XLSX, "--top", "0"], "--top må være et helt tall fra 1 og oppover, ikke «0»"],
    [["slides", MEETING_XLSX, "--top"], "--top trenger en verdi"],
    [["slides", MEETING_XLSX, "--segment", "Styre"], "Ukjent segment «Styre». Bruk Samstyre, Koordinere, Observere, Inspirere, Ut eller «ikke vurdert»."],
    [["slides", MEETING_XLSX, "--segment", "Ut"], `${MEETING_XLSX} har ingen sjekkliste (arket Sjekkliste).`],
    [["slides", MEETING_XLSX, "--date", "21.09.2022"], "--date må være en dato på formen ÅÅÅÅ-MM-DD, ikke «21.09.2022»"],
    [["slides", MEETING_XLSX, "--fancy"], "Ukjent valg: --fancy"],
    [["score", MEETING_XLSX, "--csv", "-o", "x.pptx"], "Ukjent valg: -o"],
    [["score", MEETING_XLSX, "--csv", "--force"], "Ukjent valg: --force"],
  ])("%j → one line, exit 2", async (argv, message) => {
    const r = await run(argv);
    expect([r.code, r.out, r.err]).toEqual([2, "", message]);
    expectOneLineNoStack(r.err);
  });
  test("a file that is not a workbook: the same message as prio score", async () => {
    const bad = path.join(dir, "tekst.xlsx");
    writeFileSync(bad, "ikke en arbeidsbok");
    const slides = await run(["slides", bad]);
    const score = await run(["score", bad]);
    expect(slides.code).toBe(2);
    expect(slides.err).toBe(score.err);
    expect(existsSync(path.join(dir, "Prioritering"))).toBe(false);
  });
});

describe("prio score --csv", () => {
  test("the meeting as CSV: BOM, semicolons, decimal commas, 6= for the tie, the measure without a total last with its reason", async () => {
    const r = await run(["score", MEETING_XLSX, "--csv"]);
    expect([r.code, r.err]).toEqual([0, ""]);
    const lines = r.out.split("\r\n");
    expect(lines[0]).toBe("\uFEFFPrioriteringsnummer;Tiltak;Score;Måloppnåelse;Kostnader;Nytte;Merknad");
    expect(lines.slice(1, 8)).toEqual([
      "1;Legemidler: PLL;22,8;9,00;6,25;7,50;",
      "2;Dokumentdeling: Spesialisthelsetjenesten;20,8;7,50;8,00;5,33;",
      "3;Kritisk info: Spesialisthelsetjenesten;19,8;7,00;7,50;5,33;",
      "4;Kritisk info: Fastleger og avtalespesialister;19,1;7,50;6,25;5,33;",
      "5;Kritisk info: Kommunal helse- og omsorg;18,3;7,00;6,25;5,00;",
      "6=;Implementering av DBEP;18,2;7,50;4,50;6,17;",
      "6=;Dokumentdeling: Legevakt/ØHD;18,2;7,00;6,50;4,67;",
    ]);
    expect(lines).toHaveLength(15);
    expect(lines[14]).toBe(
      ";Dokumentdeling: Andre helseaktører/tjenester;;4,00;4,00;;Dokumentdeling: Andre helseaktører/tjenester har ingen total fordi Nytte ikke har noen score. Fyll inn minst én score under Nytte.",
    );
  });
  test("English: commas and decimal points; --top adds the list column", async () => {
    const r = await run(["score", MEETING_XLSX, "--csv", "--lang", "en", "--top", "6"]);
    const lines = r.out.split("\r\n");
    expect(lines[0]).toBe("\uFEFFPriority,Measure,Score,Goal attainment,Costs (complexity),Benefit,List,Note");
    expect(lines[1]).toBe("1,Legemidler: PLL,22.8,9.00,6.25,7.50,Minimum list,");
    expect(lines[8]).toBe("8,Felles hjelpenummer,16.1,4.00,7.25,4.83,Plus list,");
  });
  test("with a checklist: the Segment column", async () => {
    const r = await run(["score", EXAMPLE_XLSX, "--csv"]);
    expect(r.out.split("\r\n")[0]).toBe("\uFEFFPrioriteringsnummer;Tiltak;Score;Måloppnåelse;Kostnader;Nytte;Segment;Merknad");
  });
});
