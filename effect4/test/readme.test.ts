/**
 * The package README's Effect 4 examples, run as written on Effect 4 (the Effect 3 ones run in test/readme.test.ts):
 * each fenced TypeScript block after `<!-- readme-test: effect4-<name> -->` in docs/package-readme.md is written
 * into a module and imported.
 */
import { afterAll, assert, describe, it } from "@effect/vitest"
import { Effect, Layer } from "effect"
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { fileURLToPath } from "node:url"
import { createEmulator } from "effect-stytch-emulator"
import { Passwords } from "effect-stytch/effect4"

const readme = readFileSync(new URL("../../docs/package-readme.md", import.meta.url), "utf8")

const block = (name: string): string => {
  const match = new RegExp(`<!-- readme-test: ${name} -->\\n\`\`\`ts\\n([\\s\\S]*?)\\n\`\`\`\\n`).exec(readme)
  if (match === null) throw new Error(`docs/package-readme.md has no "readme-test: ${name}" TypeScript block`)
  return match[1]!
}

// A dot directory inside effect4/: outside the test glob, and `effect` resolves to effect 4 from here.
const dir = new URL("./.readme/", import.meta.url)
mkdirSync(dir, { recursive: true })
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const load = (name: string): Promise<Record<string, unknown>> => {
  const file = new URL(`${name}.ts`, dir)
  writeFileSync(file, block(name))
  return import(/* @vite-ignore */ fileURLToPath(file))
}

describe("package README: the Effect 4 test example", async () => {
  await load("effect4-testing")
})

describe("package README: Effect 3 or Effect 4, the Effect 4 column", () => {
  it("signs in over the loopback emulator; an unknown email is the caught EmailNotFound", async () => {
    const emulator = createEmulator()
    const server = await emulator.serve({ port: 0 })
    const saved = { ...process.env }
    try {
      process.env.STYTCH_PROJECT_ID = emulator.projectId
      process.env.STYTCH_SECRET = emulator.secret
      process.env.STYTCH_BASE_URL = server.url
      const { StytchLive, signIn } = await load("effect4-sign-in") as {
        StytchLive: Layer.Layer<any>
        signIn: (email: string, password: string) => Effect.Effect<{ user_id: string } | null, unknown, any>
      }
      const password = "a passphrase nobody else uses 1815"
      await Effect.runPromise(
        Effect.gen(function*() {
          const passwords = yield* Passwords.Passwords
          return yield* passwords.create({ email: "col4@example.com", password })
        }).pipe(Effect.provide(StytchLive))
      )
      const session = await Effect.runPromise(Effect.provide(signIn("col4@example.com", password), StytchLive))
      assert.match(session!.user_id, /^user-test-/)
      const unknown = await Effect.runPromise(Effect.provide(signIn("nobody@example.com", password), StytchLive))
      assert.isNull(unknown)
    } finally {
      process.env = saved
      await server.close()
    }
  })
})
