/**
 * The presenter page (presenter.html), opened by the task pane with displayDialogAsync. It tells
 * the pane it is ready (messageParent) and renders every ranking the pane sends (messageChild).
 */
import { useEffect, useState } from "react";
import { createRoot } from "react-dom/client";
import { langFromLocale } from "../i18n";
import { pp } from "../i18n/presenter";
import { Presenter } from "./Presenter";
import type { PresenterMessage } from "./protocol";

function parse(text: string): PresenterMessage | null {
  try {
    const m = JSON.parse(text) as PresenterMessage;
    return m && m.kind === "ranking" && Array.isArray(m.rows) ? m : null;
  } catch {
    return null;
  }
}

function Page() {
  const lang = langFromLocale(typeof Office !== "undefined" ? (Office.context?.displayLanguage ?? "nb-NO") : "nb-NO");
  const [message, setMessage] = useState<PresenterMessage | null>(null);
  useEffect(() => {
    void Office.onReady(() => {
      Office.context.ui.addHandlerAsync(Office.EventType.DialogParentMessageReceived, (arg: { message: string }) => {
        const m = parse(arg.message);
        if (m) setMessage(m);
      });
      Office.context.ui.messageParent("ready");
    });
  }, []);
  return <Presenter message={message} waiting={pp(lang, "presenter.waiting")} />;
}

createRoot(document.getElementById("container")!).render(<Page />);
