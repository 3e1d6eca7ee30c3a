// Preloaded (node --require) into a spawned CLI: on exit, writes the process's peak resident
// memory in kilobytes to the file named by PRIO_MAXRSS_FILE.
"use strict";
process.on("exit", () => {
  if (process.env.PRIO_MAXRSS_FILE) require("fs").writeFileSync(process.env.PRIO_MAXRSS_FILE, String(process.resourceUsage().maxRSS));
});
