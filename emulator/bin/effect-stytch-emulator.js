#!/usr/bin/env node
// Runs the emulator's command line: the built bundle in a published package; in a checkout that was not built,
// the TypeScript sources through tsx (a development dependency).
import { existsSync } from "node:fs"

const built = new URL("../dist/cli.js", import.meta.url)
if (existsSync(built)) {
  await import(built.href)
} else {
  const { register } = await import("tsx/esm/api")
  register()
  await import("../src/cli.ts")
}
