#!/usr/bin/env node
"use strict";
// CommonJS on purpose: this must run, and explain itself, on Node versions too old to load the ESM bundle.
const [major, minor] = process.versions.node.split(".").map(Number);
if (major < 20 || (major === 20 && minor < 19)) {
  process.stderr.write(
    `create-authstack needs Node.js 20.19 or newer; this is ${process.version}.\n` +
      "Upgrade Node (https://nodejs.org, or: nvm install --lts) and run the command again.\n",
  );
  process.exitCode = 1;
} else {
  require("../dist/index.cjs");
}
