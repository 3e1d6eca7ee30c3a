/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
// Several scorers on the projector: the Vurderere view publishes the disagreements; the presenter
// button adds them to its message; the page shows each scorer's score only once revealed.
import "./setup";
import { cleanup, fireEvent, render, renderHook, screen } from "@testing-library/react";
import { act } from "react";
import { Presenter } from "../../src/presenter/Presenter";
import { usePresenterMessage } from "../../src/presenter/PresenterButton";
import type { PresenterMessage, PresenterScorers } from "../../src/presenter/protocol";
import { publishScorers, revealScores, scoresRevealed } from "../../src/presenter/scorers-channel";
import { assessInputs, readMeeting, type Meeting } from "./meeting";

let meeting: Meeting;
beforeAll(async () => {
  meeting = await readMeeting();
});
afterEach(() => {
  cleanup();
  publishScorers(null);
  revealScores(false);
});

const panel = (revealed: boolean): PresenterScorers => ({
  title: "Uenighet",
  hiddenNote: "Enkeltscorene er skjult.",
  agreement: "Samstemthet (Kendalls W): 0,11",
  revealed,
  cells: [
    {
      measure: "PLL",
      criterion: "Informasjonsbehov",
      summary: "samlet 5,67 · spenn 6 · sd 2,62",
      values: revealed
        ? [
            { scorer: "Kari", value: "8" },
            { scorer: "Ola", value: "2" },
          ]
        : [],
    },
  ],
});

test("the button's message carries the published panel, and drops it when the view withdraws it", () => {
  const a = assessInputs(meeting.model, meeting.inputs);
  const { result } = renderHook(() => usePresenterMessage(a, "nb", undefined, null, null));
  expect(result.current!.scorers).toBeUndefined();
  act(() => publishScorers(panel(false)));
  expect(result.current!.scorers).toEqual(panel(false));
  expect(result.current!.rows.length).toBe(a.measures.length);
  act(() => publishScorers(null));
  expect(result.current!.scorers).toBeUndefined();
});

test("hidden: the cell and its spread, no individual score; revealed: each scorer's score", () => {
  const a = assessInputs(meeting.model, meeting.inputs);
  const { result } = renderHook(() => usePresenterMessage(a, "nb", undefined, null, null));
  act(() => publishScorers(panel(false)));
  const hidden = result.current as PresenterMessage;
  const view = render(<Presenter message={hidden} waiting="" />);
  // The disagreements have a page of their own after the ranking (at 1280×720 they no longer fall below the screen).
  expect(screen.queryByTestId("presenter-scorers")).toBeNull();
  expect(screen.getByTestId("presenter-page").textContent).toBe("1–14 av 14 · side 1 av 2");
  act(() => {
    fireEvent.keyDown(window, { key: "PageDown" });
  });
  expect(screen.getByTestId("presenter-page").textContent).toBe("Side 2 av 2");
  expect(screen.getByRole("heading", { level: 1 }).textContent).toBe(hidden.scorers!.title);
  expect(screen.queryByTestId("presenter-since")).toBeNull();
  expect(screen.queryAllByTestId("presenter-row")).toHaveLength(0);
  expect(screen.getByTestId("presenter-scorers").getAttribute("data-revealed")).toBe("false");
  expect(screen.getByTestId("presenter-disagreement").textContent).toBe(
    "PLL · Informasjonsbehov: samlet 5,67 · spenn 6 · sd 2,62"
  );
  expect(screen.getByTestId("presenter-scores-hidden").textContent).toBe(
    "Enkeltscorene er skjult."
  );
  act(() => {
    revealScores(true);
    publishScorers(panel(true));
  });
  expect(scoresRevealed()).toBe(true);
  view.rerender(<Presenter message={result.current} waiting="" />);
  expect(screen.getByTestId("presenter-disagreement").textContent).toBe(
    "PLL · Informasjonsbehov: samlet 5,67 · spenn 6 · sd 2,62Kari 8 · Ola 2"
  );
  expect(screen.queryByTestId("presenter-scores-hidden")).toBeNull();
});
