/**
 * The selection in a Web Worker, so that loading HiGHS and solving never block the pane: posts
 * the lists, then progress over the nearest frames, then the full result
 * (src/taskpane/selection/selection-runner.ts starts it and terminates it when the inputs change).
 */
import { select } from "../../core/select";
import { highsSolver } from "../../solve/highs";
import type { SelectMessage, SelectRequest } from "./protocol";
import { runSelection } from "./run-selection";

interface WorkerScope {
  onmessage: ((e: { data: SelectRequest }) => void) | null;
  postMessage(message: SelectMessage): void;
}

const scope = self as unknown as WorkerScope;
const solver = highsSolver();

scope.onmessage = (e) => {
  void runSelection(e.data.problem, (p, o) => select(p, solver, o), (m) => scope.postMessage(m));
};
