/**
 * The package READMEs' examples, run as written: each fenced TypeScript block that follows a
 * `<!-- readme-test: <name> -->` line (in docs/package-readme.md, and in the emulator package's README) is extracted
 * into a module and imported, so the documentation cannot drift from the code.
 */
import { afterAll, assert, describe, it } from "@effect/vitest"
import { Effect, Layer, Redacted } from "effect"
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { fileURLToPath } from "node:url"
import { startEmulator } from "effect-stytch-emulator"
import { FetchClient, Passwords, Stytch } from "../src/index.js"

const packageReadme = "docs/package-readme.md"
// The emulator package's README, where it is once moved, else where it is written.
const emulatorReadme = ["emulator/README.md", "docs/emulator-readme.md"]
  .find((path) => existsSync(new URL(`../${path}`, import.meta.url)))!

/** The fenced `ts` block right after `<!-- readme-test: name -->` in `readme`. */
const block = (name: string, readme = packageReadme): string => {
  const text = readFileSync(new URL(`../${readme}`, import.meta.url), "utf8")
  const match = new RegExp(`<!-- readme-test: ${name} -->\\n\`\`\`ts\\n([\\s\\S]*?)\\n\`\`\`\\n`).exec(text)
  if (match === null) throw new Error(`${readme} has no "readme-test: ${name}" TypeScript block`)
  return match[1]!
}

// A dot directory: outside vitest's test glob and TypeScript's `include` wildcards.
const dir = new URL("./.readme/", import.meta.url)
mkdirSync(dir, { recursive: true })
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** Writes a block (plus `extra` lines) as a module and imports it. */
const load = (name: string, extra = "", readme = packageReadme): Promise<Record<string, unknown>> => {
  const code = block(name, readme)
  const file = new URL(`${name}.ts`, dir)
  writeFileSync(file, `${code}\n${extra}`)
  return import(/* @vite-ignore */ fileURLToPath(file))
}

// The testing example declares its own tests with @effect/vitest's `layer`: importing it registers them here.
describe("package README: testing with the emulator", async () => {
  await load("testing")
})

describe("package README: usage", () => {
  it("signs in through the loopback emulator, configured from the environment", async () => {
    const emulator = await startEmulator({ port: 0 })
    const saved = { ...process.env }
    try {
      const email = "ada@example.com"
      const password = /signIn\("ada@example\.com", "([^"]+)"\)/.exec(block("usage"))?.[1]
      assert.isString(password)
      // The user the example signs in, made beforehand through the SDK.
      const sdk = Stytch.layer({
        projectId: emulator.projectId,
        secret: Redacted.make(emulator.secret),
        baseUrl: emulator.url
      }).pipe(Layer.provide(FetchClient.layer))
      const created = await Effect.runPromise(
        Effect.flatMap(Passwords.Passwords, (passwords) => passwords.create({ email, password: password! })).pipe(
          Effect.provide(sdk)
        )
      )
      process.env.STYTCH_PROJECT_ID = emulator.projectId
      process.env.STYTCH_SECRET = emulator.secret
      process.env.STYTCH_BASE_URL = emulator.url
      const { user, session } = await load("usage", "export { session, user }") as {
        user: { user_id: string; emails: ReadonlyArray<{ email: string }> }
        session: { user_id: string; session_id: string }
      }
      assert.strictEqual(user.user_id, created.user_id)
      assert.deepStrictEqual(user.emails.map((entry) => entry.email), [email])
      assert.strictEqual(session.user_id, created.user_id)
      assert.match(session.session_id, /^session-test-/)
    } finally {
      process.env = saved
      await emulator.close()
    }
  })
})

describe("package README: Effect 3 or Effect 4, the Effect 3 column", () => {
  it("signs in over the loopback emulator; an unknown email is the caught EmailNotFound", async () => {
    const emulator = await startEmulator({ port: 0 })
    const saved = { ...process.env }
    try {
      process.env.STYTCH_PROJECT_ID = emulator.projectId
      process.env.STYTCH_SECRET = emulator.secret
      process.env.STYTCH_BASE_URL = emulator.url
      const { StytchLive, signIn } = await load("effect3-sign-in") as {
        StytchLive: Layer.Layer<any>
        signIn: (email: string, password: string) => Effect.Effect<{ user_id: string } | null, unknown, any>
      }
      const password = "a passphrase nobody else uses 1815"
      await Effect.runPromise(
        Effect.flatMap(Passwords.Passwords, (p) => p.create({ email: "col3@example.com", password })).pipe(
          Effect.provide(StytchLive)
        )
      )
      const session = await Effect.runPromise(Effect.provide(signIn("col3@example.com", password), StytchLive))
      assert.match(session!.user_id, /^user-test-/)
      const unknown = await Effect.runPromise(Effect.provide(signIn("nobody@example.com", password), StytchLive))
      assert.isNull(unknown)
    } finally {
      process.env = saved
      await emulator.close()
    }
  })
})

describe("emulator README: createEmulator", () => {
  it("answers in-process at the caller's clock: six minutes on, a five-minute session is gone", async () => {
    const { created, expired } = await load("createEmulator", "export { created, expired }", emulatorReadme) as {
      created: { user_id: string; user: { created_at: string } }
      expired: { status: number; body: string }
    }
    assert.match(created.user_id, /^user-test-/)
    assert.strictEqual(created.user.created_at, "2030-01-01T00:00:00Z")
    assert.strictEqual(expired.status, 404)
    assert.strictEqual(JSON.parse(expired.body).error_type, "session_not_found")
  })
})

describe("emulator README: startEmulator", () => {
  it("signs up through the official stytch package, answers an injected 503, exports its state", async () => {
    const exported = "export { res, saved, session_token }"
    const { res, saved, session_token } = await load("startEmulator", exported, emulatorReadme) as {
      res: Response
      saved: { format: string; users: ReadonlyArray<[string, { emails: ReadonlyArray<{ email: string }> }]> }
      session_token: string
    }
    assert.strictEqual(res.status, 503)
    assert.isAbove(session_token.length, 0)
    assert.strictEqual(saved.format, "effect-stytch-emulator-state")
    const emails = saved.users.map(([, user]) => user.emails.map((entry) => entry.email))
    assert.deepStrictEqual(emails, [["ada@example.com"]])
  })
})
