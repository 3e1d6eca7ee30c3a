/** Unit and adapter tests (jest; SWC strips the types). Browser end-to-end tests run separately (npm run test:e2e). */
const os = require("os");

const SWC = require("./swc.config.js").jest;

module.exports = {
  // Two and a half workers per core (5 on 2 cores): many files wait part of their time (the CLI as a
  // child process, LibreOffice, timers), and in npm test the browser tests run beside them; with a
  // worker per core the CPU sat idle a third of the time, and with two per core still a quarter
  // (2-core CI machine: 14 min 8 s of CPU in 10 min 11 s for the whole run).
  maxWorkers: Math.ceil(2.5 * Math.max(1, typeof os.availableParallelism === "function" ? os.availableParallelism() : os.cpus().length)),
  testSequencer: "<rootDir>/test/heavy-first.js",
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  testPathIgnorePatterns: ["/node_modules/", "/test/e2e/"],
  // SWC only strips the types (as ts-jest did with isolatedModules) and hoists jest.mock; the types
  // are checked once, by `npm run typecheck`. A cold run transforms every file once: SWC does it in
  // a fraction of ts-jest's time.
  transform: {
    "^.+\\.tsx?$": ["@swc/jest", SWC],
  },
  moduleFileExtensions: ["ts", "tsx", "js", "json"],
  // Several suites start the real CLI as a child process; 5 s is too short on a loaded 2-core CI
  // machine. A hang still fails: this is a ceiling, not a speed target (those live in npm run bench).
  testTimeout: 30000,
};
