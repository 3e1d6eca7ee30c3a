/**
 * A small, strict-enough XML reader for the add-in manifest: elements, attributes, text, comments,
 * CDATA and the predefined/numeric entities, each element with its line number. It is not a general
 * XML parser (no DTDs, no namespace resolution: names keep their prefix, `localName` drops it);
 * the manifest is checked against the XSD first, so it only has to read well-formed documents.
 */

export interface XmlElement {
  /** Qualified name as written: "bt:String". */
  name: string;
  /** Name without prefix: "String". */
  localName: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  /** Concatenated text directly inside this element (not its children's). */
  text: string;
  /** 1-based line of the start tag. */
  line: number;
  parent?: XmlElement;
}

export class XmlSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number
  ) {
    super(`line ${line}: ${message}`);
  }
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

function decode(s: string, line: number): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (_, e: string) => {
    if (e.startsWith("#x")) return String.fromCodePoint(parseInt(e.slice(2), 16));
    if (e.startsWith("#")) return String.fromCodePoint(parseInt(e.slice(1), 10));
    if (e in ENTITIES) return ENTITIES[e];
    throw new XmlSyntaxError(`unknown entity &${e};`, line);
  });
}

export function parseXml(src: string): XmlElement {
  const lineStarts = [0];
  for (let i = 0; i < src.length; i++) if (src[i] === "\n") lineStarts.push(i + 1);
  const lineAt = (pos: number): number => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid] <= pos) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };

  let root: XmlElement | undefined;
  const stack: XmlElement[] = [];
  let i = 0;
  while (i < src.length) {
    if (src.startsWith("<!--", i)) {
      const end = src.indexOf("-->", i + 4);
      if (end < 0) throw new XmlSyntaxError("unterminated comment", lineAt(i));
      i = end + 3;
    } else if (src.startsWith("<?", i)) {
      const end = src.indexOf("?>", i + 2);
      if (end < 0) throw new XmlSyntaxError("unterminated processing instruction", lineAt(i));
      i = end + 2;
    } else if (src.startsWith("<![CDATA[", i)) {
      const end = src.indexOf("]]>", i + 9);
      if (end < 0) throw new XmlSyntaxError("unterminated CDATA section", lineAt(i));
      const top = stack[stack.length - 1];
      if (!top) throw new XmlSyntaxError("CDATA outside the root element", lineAt(i));
      top.text += src.slice(i + 9, end);
      i = end + 3;
    } else if (src.startsWith("<!", i)) {
      throw new XmlSyntaxError("DTDs are not supported", lineAt(i));
    } else if (src.startsWith("</", i)) {
      const m = /^<\/([^\s>]+)\s*>/.exec(src.slice(i, i + 300));
      if (!m) throw new XmlSyntaxError("malformed end tag", lineAt(i));
      const open = stack.pop();
      if (!open || open.name !== m[1])
        throw new XmlSyntaxError(
          `end tag </${m[1]}> does not match <${open?.name ?? ""}>`,
          lineAt(i)
        );
      i += m[0].length;
    } else if (src[i] === "<") {
      const line = lineAt(i);
      const nameMatch = /^<([A-Za-z_][\w.:-]*)/.exec(src.slice(i, i + 300));
      if (!nameMatch) throw new XmlSyntaxError("malformed start tag", line);
      const name = nameMatch[1];
      let j = i + nameMatch[0].length;
      const attrs: Record<string, string> = {};
      const attrRe = /\s*([A-Za-z_][\w.:-]*)\s*=\s*("([^"]*)"|'([^']*)')/y;
      const closeRe = /\s*(\/?)>/y;
      for (;;) {
        closeRe.lastIndex = j;
        const close = closeRe.exec(src);
        if (close) {
          j = closeRe.lastIndex;
          const el: XmlElement = {
            name,
            localName: name.replace(/^.*:/, ""),
            attrs,
            children: [],
            text: "",
            line,
          };
          const parent = stack[stack.length - 1];
          if (parent) {
            el.parent = parent;
            parent.children.push(el);
          } else if (root) {
            throw new XmlSyntaxError("more than one root element", line);
          } else {
            root = el;
          }
          if (close[1] !== "/") stack.push(el);
          break;
        }
        attrRe.lastIndex = j;
        const a = attrRe.exec(src);
        if (!a) throw new XmlSyntaxError(`malformed attribute in <${name}>`, lineAt(j));
        if (a[1] in attrs)
          throw new XmlSyntaxError(`duplicate attribute ${a[1]} in <${name}>`, lineAt(j));
        attrs[a[1]] = decode(a[3] ?? a[4] ?? "", lineAt(j));
        j = attrRe.lastIndex;
      }
      i = j;
    } else {
      const next = src.indexOf("<", i);
      const end = next < 0 ? src.length : next;
      const raw = src.slice(i, end);
      const top = stack[stack.length - 1];
      if (top) top.text += decode(raw, lineAt(i));
      else if (raw.trim() !== "")
        throw new XmlSyntaxError("text outside the root element", lineAt(i));
      i = end;
    }
  }
  if (stack.length > 0)
    throw new XmlSyntaxError(
      `<${stack[stack.length - 1].name}> is not closed`,
      stack[stack.length - 1].line
    );
  if (!root) throw new XmlSyntaxError("no root element", 1);
  return root;
}

/** Every element below (and including) `el`, document order. */
export function descendants(el: XmlElement): XmlElement[] {
  const out: XmlElement[] = [];
  const walk = (e: XmlElement): void => {
    out.push(e);
    for (const c of e.children) walk(c);
  };
  walk(el);
  return out;
}

/** Direct children with a local name. */
export function childrenNamed(el: XmlElement | undefined, localName: string): XmlElement[] {
  return el ? el.children.filter((c) => c.localName === localName) : [];
}

/** The first element along a path of local names below `el`. */
export function find(el: XmlElement | undefined, ...path: string[]): XmlElement | undefined {
  let cur = el;
  for (const step of path) {
    cur = cur?.children.find((c) => c.localName === step);
    if (!cur) return undefined;
  }
  return cur;
}

/** Whether `el` sits below an element with the local name `ancestor`. */
export function isInside(el: XmlElement, ancestor: string): boolean {
  for (let p = el.parent; p; p = p.parent) if (p.localName === ancestor) return true;
  return false;
}
