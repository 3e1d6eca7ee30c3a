/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
// What-if weights in the Modell view: re-ranks in the pane, writes nothing until «Bruk».
import "./setup";
import { act, cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import type { AppState } from "../../src/app/app-state";
import { App } from "../../src/taskpane/components/App";
import { FakeController } from "./fake-controller";
import { assessInputs, readMeeting, type Meeting } from "./meeting";
import { withWeight } from "../../src/core/model";
import { endWhatIf } from "../../src/presenter/whatif-channel";

let meeting: Meeting;
beforeAll(async () => {
  meeting = await readMeeting();
});
afterEach(() => {
  cleanup();
  // The tried weights live outside the views (they outlive a tab switch): each test starts without them.
  endWhatIf();
});

function ready(patch: Partial<AppState> = {}): AppState {
  return { status: "ready", lang: "nb", assessment: assessInputs(meeting.model, meeting.inputs), model: meeting.model, busy: false, hasLegacySheets: false, ...patch };
}

function openWhatIf(state: AppState = ready()): FakeController {
  const controller = new FakeController(state);
  render(<App controller={controller} />);
  fireEvent.click(screen.getByTestId("tab-model"));
  fireEvent.click(screen.getByTestId("whatif-start"));
  return controller;
}

/** The what-if ranking as [rank label, name, movement text]. */
function rows(): [string, string, string][] {
  return within(screen.getByTestId("whatif-ranking"))
    .getAllByRole("listitem")
    .map((li) => {
      const cells = li.children;
      return [cells[0].textContent!, cells[1].textContent!, cells[3].textContent!];
    });
}

/** The range input of a node's slider. */
function sliderInput(id: string): HTMLInputElement {
  const el = screen.getByTestId(`whatif-slider-${id}`);
  return (el.tagName === "INPUT" ? el : el.querySelector("input")!) as HTMLInputElement;
}

const writes = (c: FakeController) => c.calls.filter((x) => ["setWeight", "setWeights", "resetWeights", "setTieBreak"].includes(x.name));

describe("what-if weights", () => {
  test("starting shows no warning bar until a weight is tried (issue 16, item 13), and the ranking in force with no movement", () => {
    const c = openWhatIf();
    expect(screen.queryByTestId("whatif-bar")).toBeNull();
    expect(screen.getByTestId("whatif-changed").textContent).toBe("Ingen vekter endret ennå");
    // Rangering meanwhile is the ranking in force, not a tried one.
    fireEvent.click(screen.getByTestId("tab-ranking"));
    expect(screen.queryByTestId("whatif-bar")).toBeNull();
    expect(screen.queryByTestId("whatif-ranking-tab")).toBeNull();
    expect(screen.getAllByTestId("ranking-row")).toHaveLength(13);
    fireEvent.click(screen.getByTestId("tab-model"));
    // A weight tried: the bar says so; set back, nothing is tried and the bar goes.
    fireEvent.change(screen.getByTestId("whatif-input-kost"), { target: { value: "2" } });
    expect(screen.getByTestId("whatif-bar").textContent).toBe("Hva om: vektene er prøvd ut, ikke skrevet til arbeidsboken. 1 vekt endret");
    // On the Modell tab the panel has the weights and the buttons: the bar only says what-if is on.
    expect(screen.queryByTestId("whatif-bar-show")).toBeNull();
    expect(screen.queryByTestId("whatif-bar-apply")).toBeNull();
    fireEvent.change(screen.getByTestId("whatif-input-kost"), { target: { value: "1" } });
    expect(screen.queryByTestId("whatif-bar")).toBeNull();
    expect(rows().slice(4, 8)).toEqual([
      ["5", "Kritisk info: Kommunal helse- og omsorg", ""],
      ["6=", "Implementering av DBEP", ""],
      ["6=", "Dokumentdeling: Legevakt/ØHD", ""],
      ["8", "Felles hjelpenummer", ""],
    ]);
    expect((screen.getByTestId("whatif-apply") as HTMLButtonElement).disabled).toBe(true);
    expect(writes(c)).toEqual([]);
  });

  test("Nytte at 2 re-ranks at once with the movement against the weights in force, and writes nothing", () => {
    const c = openWhatIf();
    fireEvent.change(screen.getByTestId("whatif-input-nytte"), { target: { value: "2" } });
    expect(rows()).toEqual([
      ["1", "Legemidler: PLL", ""],
      ["2", "Dokumentdeling: Spesialisthelsetjenesten", ""],
      ["3", "Kritisk info: Spesialisthelsetjenesten", ""],
      ["4", "Kritisk info: Fastleger og avtalespesialister", ""],
      ["5", "Implementering av DBEP", "↑1"],
      ["6", "Kritisk info: Kommunal helse- og omsorg", "↓1"],
      ["7", "Dokumentdeling: Legevakt/ØHD", "↓1"],
      ["8", "Felles hjelpenummer", ""],
      ["9", "Dokumentdeling: Fastleger", "↑1"],
      ["10", "DHO: Generiske datadelingstjenester", "↓1"],
      ["11", "Dokumentdeling: Andre kommunal helse-omsorg", ""],
      ["12", "Kritisk info: Andre helseaktører", ""],
      ["13", "Dokumentdeling: Dokumenter utenfor kjernejournal", ""],
      ["–", "Dokumentdeling: Andre helseaktører/tjenester", ""],
    ]);
    const dbep = screen.getByTestId("whatif-row-dbep.implementering-av-dbep");
    expect(within(dbep).getByTestId("whatif-move").getAttribute("aria-label")).toBe("opp 1 fra 6");
    expect(screen.getByTestId("whatif-changed").textContent).toBe("1 vekt endret");
    // The slider follows the typed weight.
    expect(sliderInput("nytte").value).toBe("2");
    expect(writes(c)).toEqual([]);
  });

  test("one number format in the list (issue 16, items 4 and 12): every total with the decimals that keep them apart; «total», not «sum»", () => {
    openWhatIf();
    fireEvent.change(screen.getByTestId("whatif-input-nytte"), { target: { value: "1,9" } });
    const totals = within(screen.getByTestId("whatif-ranking"))
      .getAllByRole("listitem")
      .map((li) => li.children[2].textContent);
    // Was «29,5», «25,63» … «19,37», «19,35» … and «Uten sum»: now two decimals throughout, and «total» as in Funn.
    expect(totals).toEqual(["29,50", "25,63", "24,63", "23,88", "23,72", "22,75", "22,37", "20,43", "19,37", "19,35", "17,83", "15,25", "14,05", "Uten total"]);
    fireEvent.change(screen.getByTestId("whatif-input-nytte"), { target: { value: "2" } });
    expect(within(screen.getByTestId("whatif-ranking")).getAllByRole("listitem")[0].children[2].textContent).toBe("30,25");
  });

  test("the slider re-ranks too; an invalid typed weight is refused and changes nothing", () => {
    const c = openWhatIf();
    fireEvent.change(sliderInput("nytte"), { target: { value: "2" } });
    expect(rows()[4]).toEqual(["5", "Implementering av DBEP", "↑1"]);
    fireEvent.change(screen.getByTestId("whatif-input-kost"), { target: { value: "-1" } });
    expect(screen.getByRole("alert").textContent).toBe("Vekten kan ikke være negativ.");
    expect(rows()[4]).toEqual(["5", "Implementering av DBEP", "↑1"]);
    expect(writes(c)).toEqual([]);
  });

  test("«Bruk» sends only the changed weights in one setWeights call and leaves what-if", () => {
    const c = openWhatIf();
    fireEvent.change(screen.getByTestId("whatif-input-nytte"), { target: { value: "2" } });
    fireEvent.change(screen.getByTestId("whatif-input-kost"), { target: { value: "1" } });
    fireEvent.change(screen.getByTestId("whatif-input-nytte.infra"), { target: { value: "0,5" } });
    expect(writes(c)).toEqual([]);
    fireEvent.click(screen.getByTestId("whatif-apply"));
    expect(writes(c)).toEqual([{ name: "setWeights", args: [{ nytte: 2, "nytte.infra": 0.5 }] }]);
    expect(screen.queryByTestId("whatif")).toBeNull();
    // The workbook's new model arrives: the Modell view shows it.
    const model = withWeight(withWeight(meeting.model, "nytte", 2), "nytte.infra", 0.5);
    act(() => c.emit({ model, assessment: assessInputs(model, meeting.inputs) }));
    expect((screen.getByTestId("weight-input-nytte") as HTMLInputElement).value).toBe("2");
  });

  test("«Forkast» returns to the weights in force and writes nothing; starting again begins from them", () => {
    const c = openWhatIf();
    fireEvent.change(screen.getByTestId("whatif-input-nytte"), { target: { value: "2" } });
    fireEvent.click(screen.getByTestId("whatif-discard"));
    expect(screen.queryByTestId("whatif")).toBeNull();
    expect((screen.getByTestId("weight-input-nytte") as HTMLInputElement).value).toBe("1");
    fireEvent.click(screen.getByTestId("whatif-start"));
    expect((screen.getByTestId("whatif-input-nytte") as HTMLInputElement).value).toBe("1");
    expect(rows()[5]).toEqual(["6=", "Implementering av DBEP", ""]);
    expect(writes(c)).toEqual([]);
  });

  test("in English", () => {
    openWhatIf(ready({ lang: "en" }));
    fireEvent.change(screen.getByTestId("whatif-input-nytte"), { target: { value: "2" } });
    expect(screen.getByTestId("whatif-apply").textContent).toBe("Apply");
    expect(screen.getByTestId("whatif-discard").textContent).toBe("Discard");
    expect(within(screen.getByTestId("whatif-row-dbep.implementering-av-dbep")).getByTestId("whatif-move").getAttribute("aria-label")).toBe("up 1 from 6");
  });
});

describe("what-if strings", () => {
  test("bokmål and English have the same keys and placeholders", async () => {
    const { nbWhatIf, enWhatIf } = await import("../../src/i18n/whatif");
    expect(Object.keys(enWhatIf).sort()).toEqual(Object.keys(nbWhatIf).sort());
    const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const k of Object.keys(nbWhatIf) as (keyof typeof nbWhatIf)[]) expect([k, names(enWhatIf[k])]).toEqual([k, names(nbWhatIf[k])]);
  });
});
