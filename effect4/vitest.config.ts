// The Effect 4 line's tests: vitest 5 and @effect/vitest 4 from effect4/node_modules, run on Node 22
// (`npm run test:effect4`). The package names resolve to this repository's sources, as in the root config.
import { readFileSync } from "node:fs"
import { fileURLToPath } from "node:url"
import { defineConfig } from "vitest/config"

const paths: Record<string, ReadonlyArray<string>> =
  JSON.parse(readFileSync(new URL("../tsconfig.base.json", import.meta.url), "utf8")).compilerOptions.paths
const alias = Object.entries(paths).map(([name, [target]]) => ({
  find: new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}$`),
  replacement: fileURLToPath(new URL(`../${target!}`, import.meta.url))
}))

export default defineConfig({
  resolve: { alias },
  test: {
    root: fileURLToPath(new URL(".", import.meta.url)),
    include: ["test/**/*.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 30_000
  }
})
