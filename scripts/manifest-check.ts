/**
 * Offline check of the add-in manifest, used by `npm run validate` (scripts/validate-manifest.ts)
 * and by test/manifest/manifest.test.ts.
 *
 * 1. The XML schema (test/schemas/manifest, root OfficeAppManifestV1_1.xsd) through xmllint-wasm:
 *    no network, unlike `office-addin-manifest validate`.
 * 2. Rules the schema cannot see: every resid names a resource of the right kind and every resource
 *    is used; ids ≤ 32 characters; short strings ≤ 125 and long strings ≤ 250 (overrides too); every
 *    URL is https; every user-visible string has an nb-NO override; icons exist in assets/ with the
 *    declared pixel size; one long-lived shared runtime on the task pane page; namespace PRIO.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { validateXML } from "xmllint-wasm";
import { pngSize } from "./png";
import {
  childrenNamed,
  descendants,
  find,
  isInside,
  parseXml,
  XmlSyntaxError,
  type XmlElement,
} from "./xml";

export type Rule =
  | "xml"
  | "schema"
  | "resid-undefined"
  | "resid-kind"
  | "resource-unused"
  | "resource-duplicate"
  | "id-length"
  | "string-length"
  | "string-empty"
  | "url-https"
  | "override-missing"
  | "icon-missing"
  | "icon-size"
  | "runtime"
  | "requirements"
  | "namespace";

export interface ManifestProblem {
  rule: Rule;
  message: string;
  line?: number;
}

export interface CheckOptions {
  /** The folder the add-in is served from: `<base>assets/icon-16.png` is read from `<root>/assets/icon-16.png`. */
  root: string;
  /** URLs that are served from `root` (the dev server and the production site). */
  baseUrls: string[];
  /** Folder of the XSD files; the root schema is OfficeAppManifestV1_1.xsd. */
  schemaDir: string;
  /** Name used in schema messages. */
  fileName?: string;
  /** Skip the schema (rules only). Default: validate. */
  skipSchema?: boolean;
}

export const ROOT_SCHEMA = "OfficeAppManifestV1_1.xsd";
export const NAMESPACE = "PRIO";
export const LOCALE = "nb-NO";
export const MAX_ID = 32;
export const MAX_SHORT = 125;
export const MAX_LONG = 250;

/** The manifest against the XSDs. One problem per schema message, with its line. */
export async function validateSchema(
  xml: string,
  schemaDir: string,
  fileName = "manifest.xml"
): Promise<ManifestProblem[]> {
  const load = (f: string) => ({
    fileName: f,
    contents: readFileSync(path.join(schemaDir, f), "utf8"),
  });
  const result = await validateXML({
    xml: [{ fileName, contents: xml }],
    schema: [load(ROOT_SCHEMA)],
    preload: readdirSync(schemaDir)
      .filter((f) => f.endsWith(".xsd") && f !== ROOT_SCHEMA)
      .map(load),
  });
  if (result.valid) return [];
  const problems: ManifestProblem[] = result.errors.map((e) => ({
    rule: "schema",
    message: e.message.trim(),
    ...(e.loc ? { line: e.loc.lineNumber } : {}),
  }));
  return problems.length > 0
    ? problems
    : [{ rule: "schema", message: result.rawOutput.trim() || "the schema rejected the manifest" }];
}

type Kind = "image" | "url" | "short" | "long";

interface Resource {
  id: string;
  kind: Kind;
  el: XmlElement;
  value: string;
}

const GROUPS: Record<string, Kind> = {
  Images: "image",
  Urls: "url",
  ShortStrings: "short",
  LongStrings: "long",
};
const KIND_NAME: Record<Kind, string> = {
  image: "an image",
  url: "a URL",
  short: "a short string",
  long: "a long string",
};

/** The kind of resource an element's resid must name, by where it is used. */
function expectedKind(el: XmlElement): Kind | undefined {
  switch (el.localName) {
    case "Image":
      return "image";
    case "SourceLocation":
    case "LearnMoreUrl":
    case "FunctionFile":
    case "Runtime":
    case "HelpUrl":
      return "url";
    case "Override":
      return el.parent?.localName === "Runtime" ? "url" : undefined;
    case "Label":
    case "Title":
    case "Namespace":
      return "short";
    case "Description":
      return "long";
    default:
      return undefined;
  }
}

const isHttpsUrl = (s: string): boolean => {
  try {
    return new URL(s).protocol === "https:";
  } catch {
    return false;
  }
};

function overrides(el: XmlElement): XmlElement[] {
  return childrenNamed(el, "Override");
}

function hasLocaleOverride(el: XmlElement, locale = LOCALE): boolean {
  return overrides(el).some(
    (o) =>
      (o.attrs.Locale ?? "").toLowerCase() === locale.toLowerCase() &&
      (o.attrs.Value ?? "").trim() !== ""
  );
}

/** The checks the schema cannot express. */
export function checkRules(xml: string, options: CheckOptions): ManifestProblem[] {
  const problems: ManifestProblem[] = [];
  const add = (rule: Rule, message: string, el?: XmlElement): void => {
    problems.push(el ? { rule, message, line: el.line } : { rule, message });
  };

  let root: XmlElement;
  try {
    root = parseXml(xml);
  } catch (e) {
    if (e instanceof XmlSyntaxError) return [{ rule: "xml", message: e.message, line: e.line }];
    throw e;
  }
  const all = descendants(root);
  const versionOverrides = find(root, "VersionOverrides");
  const resourcesEl = find(versionOverrides, "Resources");

  // Resources by id.
  const resources = new Map<string, Resource>();
  for (const group of resourcesEl?.children ?? []) {
    const kind = GROUPS[group.localName];
    if (!kind) continue;
    for (const el of group.children) {
      const id = el.attrs.id ?? "";
      if (resources.has(id))
        add("resource-duplicate", `resource id "${id}" is defined more than once`, el);
      else resources.set(id, { id, kind, el, value: el.attrs.DefaultValue ?? "" });
    }
  }

  // Every resid names a resource of the right kind; every resource is used.
  const used = new Set<string>();
  for (const el of all) {
    const resid = el.attrs.resid;
    if (resid === undefined || isInside(el, "Resources")) continue;
    const res = resources.get(resid);
    if (!res) {
      add("resid-undefined", `<${el.name} resid="${resid}"> names no resource`, el);
      continue;
    }
    used.add(resid);
    const kind = expectedKind(el);
    if (kind && kind !== res.kind)
      add(
        "resid-kind",
        `<${el.name} resid="${resid}"> needs ${KIND_NAME[kind]}, but "${resid}" is ${KIND_NAME[res.kind]}`,
        el
      );
  }
  for (const res of resources.values()) {
    if (!used.has(res.id)) add("resource-unused", `resource "${res.id}" is never used`, res.el);
  }

  // Ids and resids: at most 32 characters.
  for (const el of all) {
    for (const attr of ["id", "resid"] as const) {
      const v = el.attrs[attr];
      if (v !== undefined && v.length > MAX_ID)
        add("id-length", `${attr} "${v}" has ${v.length} characters (at most ${MAX_ID})`, el);
    }
  }

  // String lengths, defaults and overrides.
  const lengthChecks: { el: XmlElement; max: number; label: string }[] = [];
  const displayName = find(root, "DisplayName");
  const description = find(root, "Description");
  if (displayName) lengthChecks.push({ el: displayName, max: MAX_SHORT, label: "DisplayName" });
  if (description) lengthChecks.push({ el: description, max: MAX_LONG, label: "Description" });
  for (const res of resources.values()) {
    if (res.kind === "short")
      lengthChecks.push({ el: res.el, max: MAX_SHORT, label: `short string "${res.id}"` });
    if (res.kind === "long")
      lengthChecks.push({ el: res.el, max: MAX_LONG, label: `long string "${res.id}"` });
  }
  for (const { el, max, label } of lengthChecks) {
    const values: { value: string; where: string; el: XmlElement }[] = [
      { value: el.attrs.DefaultValue ?? "", where: "DefaultValue", el },
    ];
    for (const o of overrides(el))
      values.push({
        value: o.attrs.Value ?? "",
        where: `${o.attrs.Locale ?? "?"} override`,
        el: o,
      });
    for (const v of values) {
      if (v.value.length > max)
        add(
          "string-length",
          `${label} (${v.where}) has ${v.value.length} characters (at most ${max})`,
          v.el
        );
      if (v.value.trim() === "") add("string-empty", `${label} (${v.where}) is empty`, v.el);
    }
  }

  // Every URL is https.
  const urlElements = new Set(["IconUrl", "HighResolutionIconUrl", "SupportUrl", "SourceLocation"]);
  for (const el of all) {
    const urlElement = el.localName === "Override" ? el.parent : el;
    const mustBeUrl =
      (urlElement !== undefined && urlElements.has(urlElement.localName)) ||
      isInside(el, "Images") ||
      isInside(el, "Urls");
    for (const attr of ["DefaultValue", "Value"]) {
      const v = el.attrs[attr];
      if (v === undefined) continue;
      if (mustBeUrl && !isHttpsUrl(v))
        add("url-https", `<${el.name} ${attr}="${v}">: not an absolute https URL`, el);
      else if (!mustBeUrl && /\bhttp:\/\//i.test(v))
        add("url-https", `<${el.name} ${attr}="${v}">: http URL (Office requires https)`, el);
    }
    if (el.localName === "AppDomain" && !isHttpsUrl(el.text.trim()))
      add("url-https", `<AppDomain>${el.text.trim()}</AppDomain>: not an https origin`, el);
    else if (el.children.length === 0 && /\bhttp:\/\//i.test(el.text))
      add("url-https", `<${el.name}> holds an http URL (Office requires https)`, el);
  }

  // Custom functions: namespace PRIO, not translated; a bokmål metadata file.
  const cfPoint = all.find(
    (el) => el.localName === "ExtensionPoint" && el.attrs["xsi:type"] === "CustomFunctions"
  );
  const namespaceIds = new Set<string>();
  if (cfPoint) {
    const ns = find(cfPoint, "Namespace");
    const nsRes = ns?.attrs.resid !== undefined ? resources.get(ns.attrs.resid) : undefined;
    if (!ns || !nsRes)
      add("namespace", "the CustomFunctions extension point has no Namespace resource", cfPoint);
    else {
      namespaceIds.add(nsRes.id);
      if (nsRes.value !== NAMESPACE)
        add(
          "namespace",
          `the custom functions namespace is "${nsRes.value}", expected "${NAMESPACE}"`,
          nsRes.el
        );
      if (overrides(nsRes.el).length > 0)
        add(
          "namespace",
          `the namespace "${nsRes.id}" must not be overridden: =${NAMESPACE}.SCORE is the same in every language`,
          nsRes.el
        );
    }
    const metadata = find(cfPoint, "Metadata", "SourceLocation");
    const metaRes =
      metadata?.attrs.resid !== undefined ? resources.get(metadata.attrs.resid) : undefined;
    if (metaRes && !hasLocaleOverride(metaRes.el))
      add(
        "override-missing",
        `the custom functions metadata "${metaRes.id}" has no ${LOCALE} override (bokmål descriptions)`,
        metaRes.el
      );
  }

  // Every user-visible string has a bokmål override.
  if (displayName && !hasLocaleOverride(displayName))
    add("override-missing", `DisplayName has no ${LOCALE} override`, displayName);
  if (description && !hasLocaleOverride(description))
    add("override-missing", `Description has no ${LOCALE} override`, description);
  for (const res of resources.values()) {
    if (
      (res.kind === "short" || res.kind === "long") &&
      !namespaceIds.has(res.id) &&
      !hasLocaleOverride(res.el)
    ) {
      add("override-missing", `string "${res.id}" has no ${LOCALE} override`, res.el);
    }
  }

  // Icons: served from assets/, PNG of the declared size.
  const icons: { url: string; size: number; el: XmlElement }[] = [];
  const iconUrl = find(root, "IconUrl");
  const hiResIconUrl = find(root, "HighResolutionIconUrl");
  if (iconUrl?.attrs.DefaultValue)
    icons.push({ url: iconUrl.attrs.DefaultValue, size: 32, el: iconUrl });
  if (hiResIconUrl?.attrs.DefaultValue)
    icons.push({ url: hiResIconUrl.attrs.DefaultValue, size: 64, el: hiResIconUrl });
  for (const el of all) {
    if (el.localName !== "Image" || isInside(el, "Resources") || el.attrs.size === undefined)
      continue;
    const res = resources.get(el.attrs.resid ?? "");
    if (res?.kind === "image") icons.push({ url: res.value, size: Number(el.attrs.size), el });
  }
  const seen = new Set<string>();
  for (const { url, size, el } of icons) {
    const key = `${url} ${size}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const base = options.baseUrls.find((b) => url.startsWith(b));
    const rel = base
      ? decodeURIComponent(url.slice(base.length).replace(/[?#].*$/, ""))
      : undefined;
    if (!rel || !rel.startsWith("assets/") || rel.includes("..")) {
      add(
        "icon-missing",
        `icon ${url} is not in the add-in's assets/ (served from ${options.baseUrls.join(" or ")})`,
        el
      );
      continue;
    }
    const file = path.join(options.root, rel);
    if (!existsSync(file)) {
      add(
        "icon-missing",
        `icon ${url}: ${path.relative(process.cwd(), file) || file} does not exist`,
        el
      );
      continue;
    }
    const dims = pngSize(readFileSync(file));
    if (!dims) add("icon-size", `icon ${rel} is not a PNG`, el);
    else if (dims.width !== size || dims.height !== size)
      add("icon-size", `icon ${rel} is ${dims.width}×${dims.height}, declared ${size}×${size}`, el);
  }

  // The shared runtime: one long-lived runtime on the task pane page, used by functions and commands.
  const host = find(versionOverrides, "Hosts", "Host");
  const runtimes = childrenNamed(find(host, "Runtimes"), "Runtime");
  const taskpaneAction = all.find(
    (el) => el.localName === "Action" && el.attrs["xsi:type"] === "ShowTaskpane"
  );
  const taskpaneResid = find(taskpaneAction, "SourceLocation")?.attrs.resid;
  const defaultSource = find(root, "DefaultSettings", "SourceLocation")?.attrs.DefaultValue;
  if (runtimes.length !== 1)
    add("runtime", `expected one <Runtime> (the shared runtime), found ${runtimes.length}`, host);
  const runtime = runtimes[0];
  if (runtime) {
    if (runtime.attrs.lifetime !== "long")
      add(
        "runtime",
        `<Runtime> lifetime is "${runtime.attrs.lifetime ?? "short"}", expected "long"`,
        runtime
      );
    if (taskpaneResid === undefined)
      add("runtime", "no ShowTaskpane action: the runtime has no task pane page", runtime);
    else if (runtime.attrs.resid !== taskpaneResid)
      add(
        "runtime",
        `<Runtime resid="${runtime.attrs.resid}"> is not the task pane page "${taskpaneResid}"`,
        runtime
      );
    const pageUrl = resources.get(runtime.attrs.resid ?? "")?.value;
    if (pageUrl !== undefined && defaultSource !== undefined && pageUrl !== defaultSource)
      add(
        "runtime",
        `the runtime page ${pageUrl} is not the DefaultSettings SourceLocation ${defaultSource}`,
        runtime
      );
    const functionFile = all.find((el) => el.localName === "FunctionFile");
    if (functionFile && functionFile.attrs.resid !== runtime.attrs.resid)
      add(
        "runtime",
        `<FunctionFile resid="${functionFile.attrs.resid}"> is not the shared runtime "${runtime.attrs.resid}"`,
        functionFile
      );
    const page = find(cfPoint, "Page", "SourceLocation");
    if (page && page.attrs.resid !== runtime.attrs.resid)
      add(
        "runtime",
        `the custom functions Page "${page.attrs.resid}" is not the shared runtime "${runtime.attrs.resid}"`,
        page
      );
  }

  // Requirement sets the runtime and the functions depend on.
  const sets = new Map(
    all
      .filter((el) => el.localName === "Set" && !isInside(el, "VersionOverrides"))
      .map((el) => [el.attrs.Name ?? "", el.attrs.MinVersion ?? ""])
  );
  if (runtime && !sets.has("SharedRuntime"))
    add(
      "requirements",
      "a shared runtime needs the SharedRuntime requirement set",
      find(root, "Requirements") ?? root
    );
  if (cfPoint && !sets.has("CustomFunctionsRuntime"))
    add(
      "requirements",
      "custom functions need the CustomFunctionsRuntime requirement set",
      find(root, "Requirements") ?? root
    );

  return problems;
}

/** Schema, then rules. Rules run even when the schema fails, so one run shows everything. */
export async function checkManifest(
  xml: string,
  options: CheckOptions
): Promise<ManifestProblem[]> {
  const schema = options.skipSchema
    ? []
    : await validateSchema(xml, options.schemaDir, options.fileName);
  return [...schema, ...checkRules(xml, options)];
}

/** One line per problem: `manifest.xml:12: [rule] message`. */
export function formatProblem(p: ManifestProblem, fileName = "manifest.xml"): string {
  return `${fileName}${p.line !== undefined ? `:${p.line}` : ""}: [${p.rule}] ${p.message}`;
}
