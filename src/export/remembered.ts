/**
 * The export dialog's title and meeting as the workbook keeps them: one add-in document setting
 * «prio.export» = {"title": "…", "meeting": "…"}. The task pane reads and writes it through
 * Office.context.document.settings; Office saves add-in settings inside the .xlsx, in the part
 * xl/webextensions/webextension<N>.xml of the add-in, as
 *   <we:property name="prio.export" value="{&quot;title&quot;:&quot;…&quot;,…}"/>
 * (the value JSON-encoded, then XML-escaped), where `prio slides` finds it, so the command line's
 * title slide says what the pane's does. Pure: text in, values out; what does not check out is
 * ignored, never trusted.
 */

export const EXPORT_SETTING = "prio.export";

/** The most characters of a title or meeting line that are kept. */
export const EXPORT_SETTING_MAX = 200;

/** The add-in's id in manifest.xml: the reference of its own webextension part. */
export const ADDIN_ID = "5dcbcb33-06d2-4304-929a-3f29ba467b54";

export interface ExportSettings {
  title: string;
  meeting: string;
}

/** A kept line: control characters and runs of white space become one space, trimmed, cut to EXPORT_SETTING_MAX. */
function line(v: unknown): string {
  if (typeof v !== "string") return "";
  // eslint-disable-next-line no-control-regex
  return v.replace(/[\s\u0000-\u001f\u007f-\u009f]+/g, " ").trim().slice(0, EXPORT_SETTING_MAX);
}

/** The title and meeting of a stored value: only an object's string fields count; anything else is blank. */
export function exportSettingsOf(raw: unknown): ExportSettings {
  const o = typeof raw === "object" && raw !== null && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  return { title: line(o.title), meeting: line(o.meeting) };
}

const ENTITIES: Record<string, string> = { quot: '"', amp: "&", lt: "<", gt: ">", apos: "'" };

/** An XML attribute's value as text (the five named entities and numeric references). */
export function unescapeXmlAttribute(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (all, e: string) => {
    if (e[0] === "#") {
      const code = e[1] === "x" || e[1] === "X" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(code) && code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : all;
    }
    return ENTITIES[e] ?? all;
  });
}

/** The attributes of one element's start tag, by name (any quote). */
function attributes(tag: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of tag.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) out.set(m[1], unescapeXmlAttribute(m[2] ?? m[3] ?? ""));
  return out;
}

/** One webextension part: its reference id (braces stripped, lower case) and the setting's value when it carries it. */
export function settingInPart(xml: string): { reference: string; value?: string } {
  const ref = /<(?:[\w.-]+:)?reference\b([^>]*)>/.exec(xml);
  const reference = (attributes(ref?.[1] ?? "").get("id") ?? "").replace(/[{}]/g, "").toLowerCase();
  for (const m of xml.matchAll(/<(?:[\w.-]+:)?property\b([^>]*)>/g)) {
    const a = attributes(m[1]);
    if (a.get("name") === EXPORT_SETTING && a.has("value")) return { reference, value: a.get("value") };
  }
  return { reference };
}

/**
 * The remembered title and meeting from a workbook's webextension parts (name → XML text):
 * the add-in's own part (its reference is ADDIN_ID) first, else the first part in name order
 * that carries «prio.export». A value that is not JSON, or not an object, counts as none.
 * Undefined when no part carries it.
 */
export function exportSettingsFromParts(parts: ReadonlyMap<string, string>): ExportSettings | undefined {
  const found = [...parts.entries()]
    .sort(([a], [b]) => a.localeCompare(b, "en", { numeric: true }))
    .map(([, xml]) => settingInPart(xml))
    .filter((p): p is { reference: string; value: string } => p.value !== undefined);
  const chosen = found.find((p) => p.reference === ADDIN_ID) ?? found[0];
  if (!chosen) return undefined;
  try {
    return exportSettingsOf(JSON.parse(chosen.value));
  } catch {
    return undefined;
  }
}
