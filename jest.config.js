/** @type {import('jest').Config} */
module.exports = {
  preset: "ts-jest",
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  setupFiles: ["<rootDir>/test/support/jsdomSetup.ts"],
  // Under jsdom, uuid (an ExcelJS dependency) resolves to its browser ES module, which Jest cannot load.
  moduleNameMapper: { "^uuid$": require.resolve("uuid") },
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.test.json" }],
    "\\.txt$": "<rootDir>/test/support/textTransform.js",
  },
};
