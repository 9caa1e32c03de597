/**
 * The package as users get it: the built bundles and declarations behind `exports`, imported by the package's
 * name (Node's and TypeScript's self-reference), not the sources this repository's other tests import.
 */
import { assert, describe, it } from "@effect/vitest"
import { execFile } from "node:child_process"
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"
import { promisify } from "node:util"

const root = fileURLToPath(new URL("..", import.meta.url))
const tsc = join(root, "node_modules/typescript/bin/tsc")
// Asynchronous child processes: a blocking build would starve vitest's worker RPC (`Timeout calling onTaskUpdate`).
const run = async (file: string, args: ReadonlyArray<string>): Promise<string> =>
  (await promisify(execFile)(file, args, { cwd: root, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 })).stdout
const npm = (script: string) => run("npm", ["run", "--silent", script])
const node = (code: string) => run(process.execPath, ["--input-type=module", "-e", code])

/** The bare specifiers a bundle file loads, following its own relative imports (the shared chunks). */
const packagesLoadedBy = (file: string, seen = new Set<string>()): Set<string> => {
  const found = new Set<string>()
  if (seen.has(file)) return found
  seen.add(file)
  const source = readFileSync(file, "utf8")
  for (const [, specifier] of source.matchAll(/(?:from|import)\s*\(?\s*"([^"]+)"/g)) {
    if (specifier!.startsWith(".")) {
      for (const p of packagesLoadedBy(join(dirname(file), specifier!), seen)) found.add(p)
    } else {
      found.add(specifier!.startsWith("@") ? specifier!.split("/").slice(0, 2).join("/") : specifier!.split("/")[0]!)
    }
  }
  return found
}

describe("package", () => {
  it("the SDK bundle loads only effect, @effect/platform and jose; the emulator shares its code", async () => {
    await npm("build:js")
    const sdk = [...packagesLoadedBy(join(root, "dist/index.js"))].sort()
    assert.deepStrictEqual(sdk, ["@effect/platform", "effect", "jose"])
    const emulator = packagesLoadedBy(join(root, "dist/emulator.js"))
    assert.isTrue(emulator.has("@zxcvbn-ts/core"), "the emulator bundle should load its own libraries")

    // By name, as a user imports it. Errors raised by services the emulator wired are instances of the classes the
    // SDK entry exports (one shared copy of the SDK code, not one per entry point).
    const out = await node(`
      import { Effect } from "effect"
      import { StytchError, Users } from "effect-stytch"
      import { StytchEmulator } from "effect-stytch/emulator"
      const program = Effect.gen(function*() {
        const users = yield* Users.Users
        const created = yield* users.create({ email: "package@example.com" })
        const got = yield* users.get({ user_id: created.user_id })
        const missing = yield* Effect.flip(users.get({ user_id: "user-test-00000000-0000-4000-8000-000000000000" }))
        return {
          same: got.user_id === created.user_id,
          tag: missing._tag,
          sharedClass: missing instanceof StytchError.UserNotFound
        }
      })
      console.log(JSON.stringify(await Effect.runPromise(Effect.provide(program, StytchEmulator.layerStytch()))))
    `)
    assert.deepStrictEqual(JSON.parse(out), { same: true, tag: "UserNotFound", sharedClass: true })
  }, 60_000)

  it("the emitted declarations type-check a user's module that imports the package by name", async () => {
    await npm("build:types")
    assert.isTrue(existsSync(join(root, "dist/types/index.d.ts")))
    assert.isTrue(existsSync(join(root, "dist/types/emulator/index.d.ts")))
    // Throws (with tsc's report) when the consumer does not type-check.
    await run(process.execPath, [tsc, "-p", "test/fixtures/package-consumer"])
  }, 180_000)

  it("the emitted declarations reject a misuse (the check above can fail)", async () => {
    // Relies on the declarations the previous test emitted.
    const fixture = join(root, "test/fixtures/package-consumer")
    const bad = join(fixture, "bad.ts")
    writeFileSync(bad, readFileSync(join(fixture, "consumer.ts"), "utf8").replace(`{ email: "ada@example.com" }`, "{ email: 42 }"))
    let report = ""
    try {
      await run(process.execPath, [
        tsc, "--noEmit", "--strict", "--module", "NodeNext", "--moduleResolution", "NodeNext", "--target", "ES2022",
        "--skipLibCheck", bad
      ])
    } catch (error) {
      report = String((error as { stdout?: unknown }).stdout)
    } finally {
      rmSync(bad)
    }
    assert.match(report, /bad\.ts\(\d+,\d+\): error TS2322/)
  }, 120_000)
})
