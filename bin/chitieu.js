#!/usr/bin/env node
"use strict";
// The CLI is compiled to dist/ by `npm run build:cli` (run by `npm ci` through "prepare").
try {
  require("../dist/cli/main.js").main();
} catch (err) {
  if (err && err.code === "MODULE_NOT_FOUND") {
    process.stderr.write("Chưa biên dịch công cụ dòng lệnh. Hãy chạy: npm run build:cli\n");
    process.exitCode = 1;
  } else throw err;
}
