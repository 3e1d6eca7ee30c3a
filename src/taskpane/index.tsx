/** Boot of the task pane: once Office is ready, render the App over the shared controller. */
import { createRoot } from "react-dom/client";
import { getSharedController } from "../excel/runtime";
import { App } from "./components/App";

Office.onReady(() => {
  const container = document.getElementById("container");
  if (!container) return;
  createRoot(container).render(<App controller={getSharedController()} />);
});
