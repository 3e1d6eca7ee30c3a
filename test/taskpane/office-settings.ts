/**
 * Office.context.document.settings as Excel implements it for a test: get (null for a name never
 * set), set, remove, and saveAsync answering with an AsyncResult whose status is "succeeded" or
 * "failed" (with an error), as the host decides; values are kept as JSON, as Office keeps them.
 */
export class FakeDocumentSettings {
  /** What saveAsync answers next. */
  saveStatus: "succeeded" | "failed" = "succeeded";
  /** The values as they were last saved into the document (JSON text), by name. */
  readonly saved = new Map<string, string>();
  saves = 0;
  private readonly values = new Map<string, string>();

  constructor(initial: Record<string, unknown> = {}) {
    for (const [k, v] of Object.entries(initial)) this.values.set(k, JSON.stringify(v));
    for (const [k, v] of this.values) this.saved.set(k, v);
  }
  get(name: string): unknown {
    const v = this.values.get(name);
    return v === undefined ? null : JSON.parse(v);
  }
  set(name: string, value: unknown): void {
    this.values.set(name, JSON.stringify(value));
  }
  remove(name: string): void {
    this.values.delete(name);
  }
  saveAsync(callback?: (r: { status: string; error?: { message: string } }) => void): void {
    this.saves++;
    const status = this.saveStatus;
    if (status === "succeeded") for (const [k, v] of this.values) this.saved.set(k, v);
    setTimeout(() => callback?.(status === "succeeded" ? { status } : { status, error: { message: "Internal Error" } }), 0);
  }
}

/** Installs `Office` with these settings (and a platform) for the test; returns a function that removes it. */
export function installOffice(settings: unknown, platform = "PC"): () => void {
  const g = globalThis as unknown as Record<string, unknown>;
  const before = g.Office;
  g.Office = { context: { document: { settings }, platform } };
  return () => {
    if (before === undefined) delete g.Office;
    else g.Office = before;
  };
}
