/**
 * The app every runtime runs (test/runtimes.test.ts): a password sign-up and sign-in through the SDK against the
 * emulator, then local verification of the session JWT, answered as one JSON object. It imports the SDK by its
 * package name, as users do; esbuild resolves the name through tsconfig `paths`.
 */
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import { HttpTransport, Passwords, Sessions, Stytch, Users } from "effect-stytch"
// Diagnostics only: which signature backend verified the JWT (the same module instance the SDK uses in the bundle).
import { activeBackend } from "../../src/internal/jwt.js"

/** Where the emulator is and who to sign up (every runtime gets its own email). */
export interface Target {
  readonly baseUrl: string
  readonly projectId: string
  readonly secret: string
  readonly email: string
  readonly password: string
}

export interface Report {
  readonly ok: true
  readonly runtime: string
  readonly created_user_id: string
  readonly got_user_id: string
  readonly got_emails: ReadonlyArray<string>
  readonly authenticated_user_id: string
  readonly session_id: string
  readonly jwt_user_id: string
  readonly jwt_session_id: string
  readonly jwt_factors: ReadonlyArray<string>
  /** `node` (node:crypto through `process.getBuiltinModule`) or `webcrypto`. */
  readonly jwt_backend: "node" | "webcrypto"
  /** The transport `HttpTransport.layer` chose. */
  readonly transport: "node" | "fetch"
  /** Whether the runtime offers `process.getBuiltinModule` (the SDK's way to Node built-ins). */
  readonly get_builtin_module: boolean
}

export interface Failure {
  readonly ok: false
  readonly runtime: string
  readonly error: string
}

// The SDK's default transport: node:http where `process.getBuiltinModule` offers it, fetch elsewhere (Workers).
const Transport = HttpTransport.layer

/** The runtime and its version, from what each one exposes (in this order: Bun and Deno have `process` too). */
export const runtimeName = (): string => {
  const g = globalThis as {
    Bun?: { version: string }
    Deno?: { version: { deno: string } }
    navigator?: { userAgent?: string }
    process?: { versions?: { node?: string } }
  }
  if (g.Bun !== undefined) return `bun ${g.Bun.version}`
  if (g.Deno !== undefined) return `deno ${g.Deno.version.deno}`
  if (g.navigator?.userAgent === "Cloudflare-Workers") return "workerd"
  if (g.process?.versions?.node !== undefined) return `node ${g.process.versions.node}`
  return "unknown"
}

const flow = (target: Target) =>
  Effect.gen(function*() {
    const passwords = yield* Passwords.Passwords
    const users = yield* Users.Users
    const sessions = yield* Sessions.Sessions
    const created = yield* passwords.create({ email: target.email, password: target.password })
    const got = yield* users.get({ user_id: created.user_id })
    const signedIn = yield* passwords.authenticate({
      email: target.email,
      password: target.password,
      session_duration_minutes: 30
    })
    // Local only: a failed verification must fail the app, not fall back to the API.
    const verified = yield* sessions.authenticateJwtLocal({ session_jwt: signedIn.session_jwt })
    const report: Report = {
      ok: true,
      runtime: runtimeName(),
      created_user_id: created.user_id,
      got_user_id: got.user_id,
      got_emails: got.emails.map((e) => e.email),
      authenticated_user_id: signedIn.user_id,
      session_id: signedIn.session?.session_id ?? "",
      jwt_user_id: verified.user_id,
      jwt_session_id: verified.session_id,
      jwt_factors: verified.authentication_factors.map((f) => `${f.type}/${f.delivery_method}`),
      jwt_backend: activeBackend(),
      transport: HttpTransport.kind(),
      get_builtin_module:
        typeof (globalThis as { process?: { getBuiltinModule?: unknown } }).process?.getBuiltinModule === "function"
    }
    return report
  }).pipe(
    Effect.provide(
      Stytch.layer({ projectId: target.projectId, secret: target.secret, baseUrl: target.baseUrl }).pipe(
        Layer.provide(Transport)
      )
    )
  )

/** Runs the flow; any failure (typed error or defect) becomes a `Failure` naming it. */
export const run = (target: Target): Promise<Report | Failure> =>
  Effect.runPromise(
    flow(target).pipe(
      Effect.catchAllCause((cause) =>
        Effect.succeed<Failure>({ ok: false, runtime: runtimeName(), error: String(cause) })
      )
    )
  )
