/**
 * manifest.xml, checked offline the way `npm run validate` does (schema + the rules the schema
 * cannot see), and proof that the checker catches broken manifests (mutated in memory).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import {
  checkManifest,
  checkRules,
  formatProblem,
  type CheckOptions,
  type Rule,
} from "../../scripts/manifest-check";
import {
  DEFAULT_PROD_BASE_URL,
  DEV_BASE_URL,
  productionBaseUrl,
  rewriteManifestUrls,
} from "../../scripts/manifest-urls";
import { pngSize } from "../../scripts/png";
import { childrenNamed, descendants, find, parseXml } from "../../scripts/xml";

const ROOT = path.resolve(__dirname, "..", "..");
const MANIFEST = readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
const OPTIONS: CheckOptions = {
  root: ROOT,
  baseUrls: [DEV_BASE_URL, DEFAULT_PROD_BASE_URL],
  schemaDir: path.join(ROOT, "test", "schemas", "manifest"),
};

const rulesOf = async (xml: string, options: CheckOptions = OPTIONS): Promise<Rule[]> => [
  ...new Set((await checkManifest(xml, options)).map((p) => p.rule)),
];

/** Replaces text that must be there exactly once. */
function mutate(xml: string, from: string | RegExp, to: string): string {
  const count =
    typeof from === "string"
      ? xml.split(from).length - 1
      : (xml.match(new RegExp(from.source, "g")) ?? []).length;
  if (count !== 1) throw new Error(`mutation target found ${count} times: ${String(from)}`);
  return xml.replace(from, to);
}

describe("manifest.xml", () => {
  test("passes the schema and every add-in rule", async () => {
    const problems = await checkManifest(MANIFEST, OPTIONS);
    expect(problems.map((p) => formatProblem(p))).toEqual([]);
  }, 30_000);

  const root = parseXml(MANIFEST);
  const all = descendants(root);

  test("is an Excel task pane add-in with read/write access", () => {
    expect(root.localName).toBe("OfficeApp");
    expect(root.attrs["xsi:type"]).toBe("TaskPaneApp");
    expect(find(root, "Id")?.text).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/
    );
    expect(childrenNamed(find(root, "Hosts"), "Host").map((h) => h.attrs.Name)).toEqual([
      "Workbook",
    ]);
    expect(find(root, "Permissions")?.text).toBe("ReadWriteDocument");
    expect(find(root, "DefaultLocale")?.text).toBe("en-US");
  });

  test("requires exactly the sets the add-in uses", () => {
    const sets = childrenNamed(find(root, "Requirements", "Sets"), "Set").map((s) => [
      s.attrs.Name,
      s.attrs.MinVersion,
    ]);
    expect(sets).toEqual([
      ["SharedRuntime", "1.1"],
      ["ExcelApi", "1.8"],
      ["CustomFunctionsRuntime", "1.2"],
    ]);
  });

  test("two buttons on the Home tab: the task pane and «Beregn på nytt» (ExecuteFunction recalculate)", () => {
    const tab = all.find((el) => el.localName === "OfficeTab");
    expect(tab?.attrs.id).toBe("TabHome");
    const controls = all.filter((el) => el.localName === "Control");
    const actions = controls.map((c) => find(c, "Action")?.attrs["xsi:type"]);
    expect(actions).toEqual(["ShowTaskpane", "ExecuteFunction"]);
    const strings = new Map(
      all.filter((el) => el.localName === "String").map((s) => [s.attrs.id, s])
    );
    const label = (c: (typeof controls)[number], locale?: string) => {
      const s = strings.get(find(c, "Label")?.attrs.resid ?? "");
      return locale
        ? childrenNamed(s, "Override").find((o) => o.attrs.Locale === locale)?.attrs.Value
        : s?.attrs.DefaultValue;
    };
    expect(controls.map((c) => label(c, "nb-NO"))).toEqual(["Prioritering", "Beregn på nytt"]);
    expect(controls.map((c) => label(c))).toEqual(["Prioritering", "Recalculate"]);
  });

  test("every ExecuteFunction is associated in src/commands/commands.ts", () => {
    const commands = readFileSync(path.join(ROOT, "src", "commands", "commands.ts"), "utf8");
    const names = all.filter((el) => el.localName === "FunctionName").map((el) => el.text.trim());
    expect(names).toEqual(["recalculate"]);
    for (const name of names) expect(commands).toContain(`Office.actions.associate("${name}"`);
  });

  test("the icons are PNGs of their declared size", () => {
    for (const size of [16, 32, 64, 80, 128]) {
      expect(pngSize(readFileSync(path.join(ROOT, "assets", `icon-${size}.png`)))).toEqual({
        width: size,
        height: size,
      });
    }
    expect(pngSize(Buffer.from("not a png"))).toBeUndefined();
  });
});

describe("the production manifest", () => {
  test("names the deployment everywhere, nothing on localhost", async () => {
    const base = "https://addins.helse.example/prioritering/";
    const prod = rewriteManifestUrls(MANIFEST, base);
    expect(prod).not.toContain("https://localhost");
    expect(prod).not.toContain("https://prioritering.example.org");
    expect(prod).toContain(`<SourceLocation DefaultValue="${base}taskpane.html"/>`);
    expect(prod).toContain(`<bt:Override Locale="nb-NO" Value="${base}functions.nb-NO.json"/>`);
    expect(prod).toContain(`<SupportUrl DefaultValue="${base}hjelp"/>`);
    expect(prod).toContain("<AppDomain>https://addins.helse.example</AppDomain>");
    expect(await checkManifest(prod, { ...OPTIONS, baseUrls: [base] })).toEqual([]);
  }, 30_000);

  test("the default deployment and a base below it are rewritten once", () => {
    const prod = rewriteManifestUrls(MANIFEST, DEFAULT_PROD_BASE_URL);
    expect(prod).toContain(
      `<SourceLocation DefaultValue="${DEFAULT_PROD_BASE_URL}taskpane.html"/>`
    );
    expect(prod).toContain("<AppDomain>https://prioritering.example.org</AppDomain>");
    const nested = rewriteManifestUrls(MANIFEST, "https://prioritering.example.org/v2/");
    expect(nested).toContain(
      `<SupportUrl DefaultValue="https://prioritering.example.org/v2/hjelp"/>`
    );
    expect(nested).not.toContain("/v2/v2/");
  });

  test("PRIO_BASE_URL: https only, trailing slash added, default when unset", () => {
    expect(productionBaseUrl({})).toBe(DEFAULT_PROD_BASE_URL);
    expect(productionBaseUrl({ PRIO_BASE_URL: " " })).toBe(DEFAULT_PROD_BASE_URL);
    expect(productionBaseUrl({ PRIO_BASE_URL: "https://addins.helse.example/prio" })).toBe(
      "https://addins.helse.example/prio/"
    );
    expect(() => productionBaseUrl({ PRIO_BASE_URL: "http://addins.helse.example/" })).toThrow(
      "https"
    );
    expect(() => productionBaseUrl({ PRIO_BASE_URL: "addins.helse.example" })).toThrow("not a URL");
    expect(() => productionBaseUrl({ PRIO_BASE_URL: "https://a.example/?v=1" })).toThrow("query");
  });
});

describe("the checker fails broken manifests", () => {
  const long = (n: number) => "x".repeat(n);
  const cases: [string, string | RegExp, string, Rule[]][] = [
    ["a missing resource", /\s*<bt:Image id="Recalc\.80x80"[^>]*\/>/, "", ["resid-undefined"]],
    [
      "a resid naming nothing",
      `<Label resid="Group.Label"/>`,
      `<Label resid="Group.Labl"/>`,
      ["resid-undefined", "resource-unused"],
    ],
    [
      "a 126-character short string",
      `<bt:Override Locale="nb-NO" Value="Beregn på nytt"/>`,
      `<bt:Override Locale="nb-NO" Value="${long(126)}"/>`,
      ["schema", "string-length"],
    ],
    [
      "a 126-character DisplayName",
      `DefaultValue="Prioritering – scoring and ranking"`,
      `DefaultValue="${long(126)}"`,
      ["schema", "string-length"],
    ],
    [
      "a 251-character long string",
      /DefaultValue="Read the scores again[^"]*"/,
      `DefaultValue="${long(251)}"`,
      ["schema", "string-length"],
    ],
    [
      "an http URL",
      `<bt:Url id="Functions.Script.Url" DefaultValue="https://`,
      `<bt:Url id="Functions.Script.Url" DefaultValue="http://`,
      ["url-https"],
    ],
    [
      "an http task pane page (also no longer the runtime's page)",
      `<SourceLocation DefaultValue="https://`,
      `<SourceLocation DefaultValue="http://`,
      ["url-https", "runtime"],
    ],
    [
      "an http SupportUrl",
      `<SupportUrl DefaultValue="https://`,
      `<SupportUrl DefaultValue="http://`,
      ["url-https"],
    ],
    ["an http AppDomain", `<AppDomain>https://`, `<AppDomain>http://`, ["url-https"]],
    [
      "a missing nb-NO override",
      /\s*<bt:Override Locale="nb-NO" Value="Viser rangeringen[^"]*"\/>/,
      "",
      ["override-missing"],
    ],
    [
      "an override in another language only",
      `<Override Locale="nb-NO" Value="Prioritering – score og rangering"/>`,
      `<Override Locale="sv-SE" Value="Prioritering – poäng"/>`,
      ["override-missing"],
    ],
    [
      "no bokmål metadata",
      /\s*<bt:Override Locale="nb-NO" Value="https:\/\/localhost:3000\/functions\.nb-NO\.json"\/>/,
      "",
      ["override-missing"],
    ],
    [
      "an unused resource",
      `<bt:String id="Functions.Namespace" DefaultValue="PRIO"/>`,
      `<bt:String id="Functions.Namespace" DefaultValue="PRIO"/><bt:String id="Unused.Label" DefaultValue="Unused"><bt:Override Locale="nb-NO" Value="Ubrukt"/></bt:String>`,
      ["resource-unused"],
    ],
    [
      "a duplicate resource id",
      `<bt:String id="Functions.Namespace" DefaultValue="PRIO"/>`,
      `<bt:String id="Functions.Namespace" DefaultValue="PRIO"/><bt:String id="Functions.Namespace" DefaultValue="PRIO"/>`,
      ["resource-duplicate"],
    ],
    [
      "an id over 32 characters",
      `<Group id="Prio.Group">`,
      `<Group id="Prio.Group.With.A.Much.Too.Long.Name">`,
      ["id-length"],
    ],
    [
      "a label naming a long string",
      `<Label resid="RecalcButton.Label"/>`,
      `<Label resid="RecalcButton.Tooltip"/>`,
      ["resid-kind", "resource-unused"],
    ],
    [
      "an icon of the wrong size",
      `<bt:Image id="Icon.16x16" DefaultValue="https://localhost:3000/assets/icon-16.png"/>`,
      `<bt:Image id="Icon.16x16" DefaultValue="https://localhost:3000/assets/icon-32.png"/>`,
      ["icon-size"],
    ],
    ["a missing icon file", `assets/recalc-32.png`, `assets/recalc-33.png`, ["icon-missing"]],
    [
      "an icon outside assets/",
      `<IconUrl DefaultValue="https://localhost:3000/assets/icon-32.png"/>`,
      `<IconUrl DefaultValue="https://cdn.example.com/icon-32.png"/>`,
      ["icon-missing"],
    ],
    ["a short-lived runtime", `lifetime="long"`, `lifetime="short"`, ["runtime"]],
    [
      "a runtime that is not the task pane page",
      `<Runtime resid="Taskpane.Url" lifetime="long"/>`,
      `<Runtime resid="Functions.Script.Url" lifetime="long"/>`,
      ["runtime"],
    ],
    [
      "commands in their own page",
      `<FunctionFile resid="Taskpane.Url"/>`,
      `<FunctionFile resid="Functions.Script.Url"/>`,
      ["runtime"],
    ],
    ["another namespace", `DefaultValue="PRIO"`, `DefaultValue="CONTOSO"`, ["namespace"]],
    [
      "a translated namespace",
      `<bt:String id="Functions.Namespace" DefaultValue="PRIO"/>`,
      `<bt:String id="Functions.Namespace" DefaultValue="PRIO"><bt:Override Locale="nb-NO" Value="PRI"/></bt:String>`,
      ["namespace"],
    ],
    [
      "no SharedRuntime requirement",
      /\s*<Set Name="SharedRuntime" MinVersion="1\.1"\/>/,
      "",
      ["requirements"],
    ],
    [
      "Runtimes after AllFormFactors (schema)",
      /<Runtimes>[\s\S]*?<\/Runtimes>\s*(<AllFormFactors>[\s\S]*?<\/AllFormFactors>)/,
      '$1<Runtimes><Runtime resid="Taskpane.Url" lifetime="long"/></Runtimes>',
      ["schema"],
    ],
    ["XML that is not well-formed", `</bt:Images>`, `</bt:Imagez>`, ["schema", "xml"]],
  ];

  test.each(cases)(
    "%s",
    async (_, from, to, expected) => {
      const broken = mutate(MANIFEST, from, to);
      const rules = await rulesOf(broken);
      expect(rules.sort()).toEqual([...expected].sort());
    },
    30_000
  );

  test("problems point at the line of the mutation", () => {
    const broken = mutate(MANIFEST, `lifetime="long"`, `lifetime="short"`);
    const line = broken.split("\n").findIndex((l) => l.includes(`lifetime="short"`)) + 1;
    const problems = checkRules(broken, OPTIONS);
    expect(problems).toEqual([
      { rule: "runtime", message: `<Runtime> lifetime is "short", expected "long"`, line },
    ]);
    expect(formatProblem(problems[0])).toBe(
      `manifest.xml:${line}: [runtime] <Runtime> lifetime is "short", expected "long"`
    );
  });
});

describe("the XML reader", () => {
  test("elements, prefixed names, entities, lines", () => {
    const el = parseXml(
      `<?xml version="1.0"?>\n<!-- c -->\n<a x="1 &amp; 2">\n  <bt:b y='&#x41;&lt;'>t&gt;</bt:b>\n  <![CDATA[<raw>]]>\n</a>`
    );
    expect([el.name, el.attrs.x, el.line]).toEqual(["a", "1 & 2", 3]);
    const b = el.children[0];
    expect([b.name, b.localName, b.attrs.y, b.text, b.line, b.parent]).toEqual([
      "bt:b",
      "b",
      "A<",
      "t>",
      4,
      el,
    ]);
    expect(el.text.trim()).toBe("<raw>");
  });

  test.each([
    ["<a><b></a>", "does not match"],
    ["<a>", "is not closed"],
    ['<a x="1" x="2"/>', "duplicate attribute"],
    ["<a/><b/>", "more than one root"],
    ["<a>&nbsp;</a>", "unknown entity"],
  ])("rejects %s", (xml, message) => {
    expect(() => parseXml(xml)).toThrow(message);
  });
});
