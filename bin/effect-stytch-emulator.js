#!/usr/bin/env node
// Runs the emulator's command line from the TypeScript sources (tsx compiles them on the fly).
import { register } from "tsx/esm/api"

register()
await import("../src/emulator/cli.ts")
