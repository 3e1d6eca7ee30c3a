// Preloaded (node --require) into a spawned CLI: on exit, writes the process's peak resident
// memory in kilobytes and its CPU time (user + system) in milliseconds, "<kB> <ms>", to the file
// named by PRIO_MAXRSS_FILE. VmHWM (Linux) is this process's own
// peak since exec; getrusage's maxRSS would include the parent's memory at fork time.
"use strict";
process.on("exit", () => {
  const file = process.env.PRIO_MAXRSS_FILE;
  if (!file) return;
  const fs = require("fs");
  let kb = process.resourceUsage().maxRSS;
  try {
    const m = /VmHWM:\s*(\d+) kB/.exec(fs.readFileSync("/proc/self/status", "utf8"));
    if (m) kb = Number(m[1]);
  } catch {
    // Not Linux: the rusage figure, an upper bound.
  }
  const cpu = process.cpuUsage();
  fs.writeFileSync(file, `${kb} ${Math.round((cpu.user + cpu.system) / 1000)}`);
});
