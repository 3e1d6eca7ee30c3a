/** End-to-end tests: the preview build (dist-preview/, `npm run build:preview`) in Debian's Chromium via playwright-core. */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test/e2e"],
  testMatch: ["**/*.e2e.test.ts"],
  transform: {
    "^.+\\.tsx?$": ["@swc/jest", require("./jest.swc.js")],
  },
  testTimeout: 120000,
  maxWorkers: 1,
  // One Chromium for the whole run (each file connects to it): see test/e2e/global-setup.ts.
  globalSetup: "<rootDir>/test/e2e/global-setup.ts",
  globalTeardown: "<rootDir>/test/e2e/global-teardown.ts",
};
