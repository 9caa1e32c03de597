/**
 * The app every runtime runs (test/runtimes.test.ts): a password sign-up and sign-in through the SDK against the
 * emulator, then local verification of the session JWT, answered as one JSON object. It imports the SDK by its
 * package name, as users do; esbuild resolves the name through tsconfig `paths`. Its plain half (the target, the
 * runtime's name, how main.ts and worker.ts start it) is shared with the Effect 4 app:
 * effect4/test/runtimes/entries.ts.
 */
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import { HttpTransport, Passwords, Sessions, Stytch, Users } from "effect-stytch"
// Diagnostics only: which signature backend verified the JWT (the same module instance the SDK uses in the bundle).
import { activeBackend } from "../../src/internal/jwt.js"
// The report's shape is the Effect 4 app's too (checked by both suites through the shared checks).
import type { Failure, Report } from "../../effect4/test/support/runtimes.js"
import { hasGetBuiltinModule, runtimeName, type Target } from "../../effect4/test/runtimes/entries.js"

// The SDK's default transport: node:http where `process.getBuiltinModule` offers it, fetch elsewhere (Workers).
const Transport = HttpTransport.layer

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
      get_builtin_module: hasGetBuiltinModule()
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
