#!/usr/bin/env node
// The command line: the add-in's scoring core on .xlsx files. Built to lib/ by `npm install`.
"use strict";
let main;
try {
  ({ main } = require("../lib/cli/main.js"));
} catch (e) {
  process.stderr.write("prio: the command line is not built yet; run `npm install` (or `npm run build:cli`) first.\n");
  process.exit(2);
}
// `prio score x.xlsx | head`: a reader that stops early is not an error of ours.
process.stdout.on("error", (e) => {
  if (e && e.code === "EPIPE") process.exit(process.exitCode ?? 0);
  throw e;
});
main(process.argv.slice(2), {
  out: (s) => process.stdout.write(s + "\n"),
  err: (s) => process.stderr.write(s + "\n"),
}).then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    process.stderr.write(`prio: ${e && e.message ? e.message : String(e)}\n`);
    process.exitCode = 1;
  },
);
