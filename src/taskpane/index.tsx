/** Boot of the task pane: once Office is ready, render the App over the shared controller. */
import { flushSync } from "react-dom";
import { createRoot } from "react-dom/client";
import { getSharedController } from "../excel/runtime";
import { App } from "./components/App";
import { showBootProblem } from "./boot-problem";

const container = document.getElementById("container");
if (container) {
  // office.js is a plain script tag before this bundle: when it could not be loaded (a blocked
  // network) there is no Office global at all.
  if (typeof Office === "undefined") showBootProblem(container, "no-office-js");
  else
    void Office.onReady((info) => {
      // Opened in a browser outside Office, office.js loads but reports no host.
      if (!info.host) showBootProblem(container, "outside-office");
      else {
        // Mounted now, not in a later task: the first recompute shows its ranking before its writes
        // (ExcelController), and the pane is then listening to draw it.
        const root = createRoot(container);
        flushSync(() => root.render(<App controller={getSharedController()} />));
      }
    });
}
