/**
 * The committed generated files are what `scripts/generate.mjs` makes from spec/ now: the generator runs into a
 * temporary directory and every file it writes must equal the committed one (the failure names the files that
 * differ). Run `npm run generate` and commit its output to fix a failure.
 */
import { assert, describe, it } from "@effect/vitest"
import { execFileSync } from "node:child_process"
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join, relative } from "node:path"
import { fileURLToPath } from "node:url"

const root = fileURLToPath(new URL("..", import.meta.url))

const filesUnder = (dir: string): Array<string> =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)]
  )

describe("generated files", () => {
  it("match a fresh run of scripts/generate.mjs", { timeout: 120_000 }, () => {
    const out = mkdtempSync(join(tmpdir(), "effect-stytch-generate-"))
    try {
      execFileSync(process.execPath, [join(root, "scripts/generate.mjs"), "--out", out], { stdio: "pipe" })
      const generated = filesUnder(out).map((file) => relative(out, file)).sort()
      // The generator writes the schemas, the generated services and their generated parts.
      assert.isAbove(generated.length, 30)
      assert.include(generated, "src/schemas/Users.ts")
      const stale = generated.filter((path) => {
        const committed = join(root, path)
        return !existsSync(committed) || readFileSync(committed, "utf8") !== readFileSync(join(out, path), "utf8")
      })
      assert.deepStrictEqual(stale, [], `stale generated files (run \`npm run generate\`): ${stale.join(", ")}`)
    } finally {
      rmSync(out, { recursive: true, force: true })
    }
  })
})
