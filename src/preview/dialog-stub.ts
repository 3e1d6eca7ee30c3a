/**
 * Office dialogs in the preview: displayDialogAsync opens the page in an overlay iframe over the
 * whole preview page (as the dialog fills the projector), messageChild posts to it, and the
 * page's messageParent calls back into the pane. Same origin only; nothing leaves the machine.
 */
import type { Lang } from "../i18n";
import { pv } from "../i18n/preview";

type Handler = (arg: { message?: string; error?: number }) => void;

const DIALOG_MESSAGE = "dialogMessageReceived";
const DIALOG_EVENT = "dialogEventReceived";
const PARENT_MESSAGE = "dialogParentMessageReceived";
/** Office's code for «the dialog was closed by the user». */
const CLOSED = 12006;

interface Bridge {
  fromChild(message: string): void;
}

declare global {
  interface Window {
    __prioDialogBridge?: Bridge;
  }
}

/** The page the overlay goes on: the preview page when the pane is framed in it. */
function hostWindow(): Window {
  try {
    return window.parent !== window && window.parent.document ? window.parent : window;
  } catch {
    return window;
  }
}

export function dialogUi(lang: Lang) {
  return {
    displayDialogAsync(
      url: string,
      _options: unknown,
      callback: (r: { status: string; value?: unknown; error?: { message: string } }) => void,
    ): void {
      const top = hostWindow();
      const doc = top.document;
      const target = new URL(url, location.href);
      if (target.origin !== location.origin) {
        callback({ status: "failed", error: { message: `${target.origin} is not this origin` } });
        return;
      }
      const overlay = doc.createElement("div");
      overlay.setAttribute("data-testid", "dialog-overlay");
      overlay.style.cssText = "position:fixed;inset:0;z-index:2147483000;background:#fff;display:flex;flex-direction:column";
      const close = doc.createElement("button");
      close.textContent = "×";
      close.setAttribute("aria-label", pv(lang, "dialogClose"));
      close.setAttribute("data-testid", "dialog-close");
      close.style.cssText = "position:absolute;top:4px;right:8px;z-index:1;font-size:20px;background:none;border:none;cursor:pointer";
      const frame = doc.createElement("iframe");
      frame.setAttribute("data-testid", "dialog-frame");
      frame.style.cssText = "border:0;width:100%;height:100%";
      frame.src = target.href;
      // As Office's dialog window, the page has the keyboard once it is open (a clicker's keys turn the presenter's pages).
      frame.addEventListener("load", () => frame.contentWindow?.focus());
      overlay.append(frame, close);
      doc.body.append(overlay);
      // As Office's dialog window does: it takes the focus when it opens, and closing it gives the
      // focus back to the pane (whose own focus, the button that opened it, is kept).
      const opener = window.frameElement as HTMLElement | null;
      const openedFrom = document.activeElement as HTMLElement | null;
      frame.addEventListener("load", () => frame.focus(), { once: true });
      const giveBack = () => {
        if (opener) opener.focus();
        else window.focus();
        if (openedFrom?.isConnected) openedFrom.focus();
      };
      const handlers: Record<string, Handler[]> = {};
      const emit = (type: string, arg: { message?: string; error?: number }) => (handlers[type] ?? []).forEach((h) => h(arg));
      top.__prioDialogBridge = { fromChild: (message) => emit(DIALOG_MESSAGE, { message }) };
      const dialog = {
        addEventHandler(type: string, handler: Handler) {
          (handlers[type] ??= []).push(handler);
        },
        messageChild(message: string) {
          frame.contentWindow?.postMessage({ prioDialog: message }, location.origin);
        },
        close() {
          overlay.remove();
          giveBack();
        },
      };
      close.addEventListener("click", () => {
        overlay.remove();
        giveBack();
        emit(DIALOG_EVENT, { error: CLOSED });
      });
      callback({ status: "succeeded", value: dialog });
    },
    addHandlerAsync(type: string, handler: Handler): void {
      if (type !== PARENT_MESSAGE) return;
      window.addEventListener("message", (e: MessageEvent<{ prioDialog?: string }>) => {
        if (e.origin === location.origin && typeof e.data?.prioDialog === "string") handler({ message: e.data.prioDialog });
      });
    },
    messageParent(message: string): void {
      try {
        window.parent.__prioDialogBridge?.fromChild(message);
      } catch {
        // Not in a preview dialog.
      }
    },
  };
}

export const DIALOG_EVENT_TYPES = { DialogMessageReceived: DIALOG_MESSAGE, DialogEventReceived: DIALOG_EVENT, DialogParentMessageReceived: PARENT_MESSAGE };
