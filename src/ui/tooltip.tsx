/**
 * Fluent's Tooltip with its code in a chunk of its own: the tooltip, positioning (floating-ui) and
 * the portal are about 40 KB that the pane does not need to show anything, so they are not part of
 * its initial JavaScript. The chunk starts loading when this module is evaluated (in parallel with
 * Office's start and the first read of the workbook), and is normally there before the first
 * tooltip could be asked for. Until it has arrived a trigger carries what the tooltip gives
 * assistive technology — `aria-label` for relationship "label", `aria-description` for
 * "description" — without the popup; the trigger's own attributes win, as with Fluent's Tooltip.
 */
import type { TooltipProps } from "@fluentui/react-components";
import { cloneElement, isValidElement, useSyncExternalStore, type ComponentType, type ReactElement } from "react";

let loaded: ComponentType<TooltipProps> | undefined;
let loading: Promise<void> | undefined;
const listeners = new Set<() => void>();

/** Fetch the tooltip's chunk (once); resolves when tooltips render Fluent's Tooltip. */
export function loadTooltip(): Promise<void> {
  loading ??= import(/* webpackChunkName: "tooltip" */ "@fluentui/react-components").then((m) => {
    loaded = m.Tooltip;
    for (const l of listeners) l();
  });
  return loading;
}

function subscribe(l: () => void): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}
const current = () => loaded;

// Started at once: by the time a row or a header button renders, the chunk is usually in.
loadTooltip().catch(() => undefined);

/** Fluent's `<Tooltip>` (same props); its code loads as a chunk of its own. */
export function Tooltip(props: TooltipProps) {
  const Impl = useSyncExternalStore(subscribe, current, current);
  if (Impl) return <Impl {...props} />;
  const child = props.children;
  if (!isValidElement(child)) return <>{child}</>;
  const text = typeof props.content === "string" ? props.content : undefined;
  const own = child.props as Record<string, unknown>;
  const aria: Record<string, string> = {};
  if (text !== undefined && props.relationship === "label" && own["aria-label"] === undefined) aria["aria-label"] = text;
  if (text !== undefined && props.relationship === "description" && own["aria-description"] === undefined) aria["aria-description"] = text;
  return cloneElement(child as ReactElement, aria);
}
