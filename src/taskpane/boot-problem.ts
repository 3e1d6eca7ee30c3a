/**
 * The task pane's answer when Office is not there, instead of a blank page: plain DOM (React and
 * Fluent are not needed to say it), in the browser's language.
 */
import { bootText, type BootProblem } from "../i18n/boot";
import { langFromLocale } from "../i18n/format";

export function showBootProblem(container: HTMLElement, problem: BootProblem, locale: string | undefined = navigator.language): void {
  const { title, body } = bootText(langFromLocale(locale), problem);
  const box = document.createElement("div");
  box.setAttribute("role", "alert");
  box.setAttribute("data-testid", "boot-problem");
  box.setAttribute("data-problem", problem);
  box.style.padding = "16px";
  const h = document.createElement("h1");
  h.textContent = title;
  h.style.fontSize = "18px";
  const p = document.createElement("p");
  p.textContent = body;
  box.append(h, p);
  container.replaceChildren(box);
}
