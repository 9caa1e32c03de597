import { readFileSync } from "node:fs"
import { fileURLToPath } from "node:url"
import { defineConfig } from "vitest/config"

// The package names resolve to this repository's sources; tsconfig.base.json's `paths` is the one list of them.
const paths: Record<string, ReadonlyArray<string>> =
  JSON.parse(readFileSync(new URL("./tsconfig.base.json", import.meta.url), "utf8")).compilerOptions.paths
const alias = Object.entries(paths).map(([name, [target]]) => ({
  find: new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}$`),
  replacement: fileURLToPath(new URL(target!, import.meta.url))
}))

export default defineConfig({
  resolve: { alias },
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 30_000
  }
})
