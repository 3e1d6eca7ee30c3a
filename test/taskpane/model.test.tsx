/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
// Node's export conditions: exceljs (which reads the meeting fixture) needs uuid's CommonJS build.
import "./setup";
import { act, cleanup, fireEvent, render, screen } from "@testing-library/react";
import { withWeight } from "../../src/core/model";
import type { AppState } from "../../src/app/app-state";
import { App } from "../../src/taskpane/components/App";
import { FakeController } from "./fake-controller";
import { assessInputs, readMeeting, type Meeting } from "./meeting";

let meeting: Meeting;
beforeAll(async () => {
  meeting = await readMeeting();
});
afterEach(cleanup);

function ready(patch: Partial<AppState> = {}): AppState {
  return {
    status: "ready",
    lang: "nb",
    assessment: assessInputs(meeting.model, meeting.inputs),
    model: meeting.model,
    busy: false,
    hasLegacySheets: false,
    ...patch,
  };
}

function openModel(state: AppState): FakeController {
  const controller = new FakeController(state);
  render(<App controller={controller} />);
  fireEvent.click(screen.getByTestId("tab-model"));
  return controller;
}

const input = (id: string) => screen.getByTestId(`weight-input-${id}`) as HTMLInputElement;

describe("Modell", () => {
  test("the tree with a weight on every node and the implied share of every leaf (equal weights)", () => {
    openModel(ready());
    for (const id of ["maal", "kost", "nytte", "nytte.pasient", "nytte.pasient.sikkerhet", "nytte.infra"]) expect(input(id).value).toBe("1");
    // Nytte is a third; Pasient, Helsepersonell and infrastructure a third of that each.
    expect(screen.getByTestId("implied-nytte.infra").textContent).toBe("11,1\u00a0%");
    expect(screen.getByTestId("implied-nytte.pasient.sikkerhet").textContent).toBe("5,6\u00a0%");
    expect(screen.getByTestId("implied-maal.behov").textContent).toBe("16,7\u00a0%");
    expect(screen.getByTestId("implied-kost.teknisk").textContent).toBe("8,3\u00a0%");
    expect(screen.getByTestId("group-share-nytte").textContent).toBe("33,3\u00a0%");
    expect(screen.getByTestId("model-total-kind").textContent).toBe("Sum av gruppene (0–30)");
    expect(screen.getByTestId("model-scale").textContent).toBe("0–10");
    // Nested nodes are indented by depth.
    expect(screen.getByTestId("model-node-nytte.pasient.sikkerhet").firstElementChild!.getAttribute("style")).toBe("padding-left: 28px;");
  });

  test("typing 2 in Nytte's weight and pressing Enter calls setWeight('nytte', 2), once", () => {
    const controller = openModel(ready());
    fireEvent.change(input("nytte"), { target: { value: "2" } });
    expect(controller.callsOf("setWeight")).toEqual([]); // not on every keystroke
    fireEvent.keyDown(input("nytte"), { key: "Enter" });
    expect(controller.callsOf("setWeight")).toEqual([["nytte", 2]]);
    fireEvent.blur(input("nytte"));
    expect(controller.callsOf("setWeight")).toEqual([["nytte", 2]]);
  });

  test("a decimal comma and a decimal point both work; commit on blur", () => {
    const controller = openModel(ready());
    fireEvent.focus(input("kost"));
    fireEvent.change(input("kost"), { target: { value: "1,5" } });
    fireEvent.blur(input("kost"));
    fireEvent.focus(input("nytte.infra"));
    fireEvent.change(input("nytte.infra"), { target: { value: "0.5" } });
    fireEvent.blur(input("nytte.infra"));
    expect(controller.callsOf("setWeight")).toEqual([
      ["kost", 1.5],
      ["nytte.infra", 0.5],
    ]);
  });

  test("a negative weight shows a message and is not sent", () => {
    const controller = openModel(ready());
    fireEvent.change(input("nytte"), { target: { value: "-1" } });
    fireEvent.keyDown(input("nytte"), { key: "Enter" });
    expect(screen.getByTestId("weight-error-nytte").textContent).toBe("Vekten kan ikke være negativ.");
    expect(input("nytte").getAttribute("aria-invalid")).toBe("true");
    fireEvent.blur(input("nytte"));
    expect(controller.callsOf("setWeight")).toEqual([]);
  });

  test("text is not a weight; fixing it clears the message and sends the weight", () => {
    const controller = openModel(ready());
    fireEvent.change(input("maal"), { target: { value: "mye" } });
    fireEvent.keyDown(input("maal"), { key: "Enter" });
    expect(screen.getByTestId("weight-error-maal").textContent).toBe("«mye» er ikke et tall. Skriv for eksempel 1 eller 1,5.");
    fireEvent.change(input("maal"), { target: { value: "3" } });
    expect(screen.queryByTestId("weight-error-maal")).toBeNull();
    fireEvent.keyDown(input("maal"), { key: "Enter" });
    expect(controller.callsOf("setWeight")).toEqual([["maal", 3]]);
  });

  test("the same weight again is not written", () => {
    const controller = openModel(ready());
    fireEvent.change(input("nytte"), { target: { value: "1,0" } });
    fireEvent.keyDown(input("nytte"), { key: "Enter" });
    expect(controller.callsOf("setWeight")).toEqual([]);
    expect(input("nytte").value).toBe("1");
  });

  test("a new model from the workbook updates the weights and the shares", () => {
    const controller = openModel(ready());
    const model = withWeight(meeting.model, "nytte", 2);
    act(() => controller.emit({ model, assessment: assessInputs(model, meeting.inputs) }));
    expect(input("nytte").value).toBe("2");
    expect(screen.getByTestId("implied-nytte.infra").textContent).toBe("16,7\u00a0%");
    expect(screen.getByTestId("model-total-kind").textContent).toBe("Sum av gruppene (0–40)");
  });

  test("«Tilbakestill til like vekter» asks first: Avbryt does nothing, «Ja, like vekter» calls resetWeights once", () => {
    const controller = openModel(ready());
    fireEvent.click(screen.getByTestId("reset-weights"));
    expect(controller.callsOf("resetWeights")).toEqual([]);
    expect(screen.getByTestId("reset-confirm").textContent).toContain("Sette alle vekter tilbake til 1? De gamle vektene føres i Logg.");
    fireEvent.click(screen.getByTestId("reset-no"));
    expect(screen.queryByTestId("reset-confirm")).toBeNull();
    expect(controller.callsOf("resetWeights")).toEqual([]);
    fireEvent.click(screen.getByTestId("reset-weights"));
    fireEvent.click(screen.getByTestId("reset-yes"));
    expect(controller.callsOf("resetWeights")).toEqual([[]]);
  });

  test("the tie-break is an ordered choice of groups", () => {
    const controller = openModel(ready());
    const first = screen.getByTestId("tie-break-1") as HTMLSelectElement;
    const second = screen.getByTestId("tie-break-2") as HTMLSelectElement;
    expect(second.disabled).toBe(true);
    expect([...first.options].map((o) => o.textContent)).toEqual([
      "(ingen)",
      "Måloppnåelse",
      "Kostnader",
      "Nytte",
      "Nytte › Pasient",
      "Nytte › Helsepersonell",
    ]);
    fireEvent.change(first, { target: { value: "nytte" } });
    expect(controller.callsOf("setTieBreak")).toEqual([[["nytte"]]]);

    const model = { ...meeting.model, tieBreak: ["nytte"] };
    act(() => controller.emit({ model }));
    const second2 = screen.getByTestId("tie-break-2") as HTMLSelectElement;
    expect(second2.disabled).toBe(false);
    expect([...second2.options].map((o) => o.value)).not.toContain("nytte");
    fireEvent.change(second2, { target: { value: "maal" } });
    expect(controller.callsOf("setTieBreak")[1]).toEqual([["nytte", "maal"]]);
    fireEvent.change(screen.getByTestId("tie-break-1"), { target: { value: "" } });
    expect(controller.callsOf("setTieBreak")[2]).toEqual([[]]);
  });

  test("the tie-break choices: each select its own id and name, in a group named and described by the label and hint", () => {
    openModel(ready());
    const selects = [1, 2, 3].map((n) => screen.getByTestId(`tie-break-${n}`) as HTMLSelectElement);
    // No id shared between them (a Field used to give all three its one id).
    for (const id of selects.map((el) => el.id).filter((id) => id !== "")) expect(document.querySelectorAll(`[id="${id}"]`)).toHaveLength(1);
    expect(selects.map((el) => el.getAttribute("aria-label"))).toEqual(["Uavgjort-regel nummer 1", "Uavgjort-regel nummer 2", "Uavgjort-regel nummer 3"]);
    // A name of their own, not the group's label in its place.
    for (const el of selects) expect(el.getAttribute("aria-labelledby")).toBeNull();
    const group = screen.getByRole("group", { name: "Ved lik total" });
    expect(group.contains(selects[0])).toBe(true);
    expect(document.getElementById(group.getAttribute("aria-describedby")!)?.textContent).toMatch(/\S/);
  });

  test("in English", () => {
    openModel(ready({ lang: "en" }));
    expect(screen.getByTestId("implied-nytte.infra").textContent).toBe("11.1%");
    expect(screen.getByTestId("reset-weights").textContent).toBe("Reset to equal weights");
    expect(screen.getByTestId("model-total-kind").textContent).toBe("Sum of the groups (0–30)");
  });
});
