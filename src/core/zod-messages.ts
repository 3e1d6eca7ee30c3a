/**
 * The add-in validates with zod's small build (zod/mini: functions instead of methods, so a bundle
 * holds only what is used), which has no messages of its own; this sets the English messages the
 * full build sets by default, so a problem's detail reads the same («Invalid input: expected
 * number, received string»). Imported by the modules that validate, before they parse anything.
 * (The bundles map this CommonJS file to its ES module twin, which shares zod's core with zod/mini.)
 */
import { config } from "zod/mini";
import en from "zod/v4/locales/en.cjs";

config(en());
