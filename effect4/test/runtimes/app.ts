/**
 * The app every runtime runs on the Effect 4 line (effect4/test/runtimes.test.ts): a password sign-up, a second
 * sign-up with the same email failing with the typed `DuplicateEmail` (caught by its tag), a read of the user, and two
 * sign-ins whose session JWTs are verified locally, the first on the default signature backend (node:crypto where
 * the runtime has it), the second on WebCrypto (jose), answered as one JSON object. It imports the SDK by its package
 * name, as users do (`effect-stytch/effect4`); esbuild resolves the name through tsconfig `paths`, and `effect` to
 * effect 4 (effect4/node_modules). Its plain half is shared with the Effect 3 app: ./entries.ts.
 */
import * as Cause from "effect/Cause"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import { HttpTransport, Passwords, Sessions, Stytch, Users } from "effect-stytch/effect4"
// Diagnostics only: which signature backend verifies (the same module instance the SDK uses in the bundle), and the
// switch the suites use to run every case on both.
import { activeBackend, backend } from "../../src/internal/jwt.js"
import type { Failure, Report as CommonReport } from "../support/runtimes.js"
import { hasGetBuiltinModule, runtimeName, type Target } from "./entries.js"

/** One local verification of a session JWT: who it names, and the backend that verified it. */
export interface JwtCheck {
  readonly backend: "node" | "webcrypto"
  readonly user_id: string
  readonly session_id: string
  readonly factors: ReadonlyArray<string>
}

/** The common report (`jwt_*`: the default backend's verification), plus what only this app checks. */
export interface Report extends CommonReport {
  /** The second sign-in, its own session. */
  readonly second_session_id: string
  /** The second sign-in's JWT, verified with WebCrypto asked for (`backend.current = "webcrypto"`). */
  readonly webcrypto_jwt: JwtCheck
  /** The typed error of the second `passwords.create` with the same email, as its `catchTag` handler saw it. */
  readonly caught: {
    readonly tag: string
    readonly error_type: string
    readonly status_code: number
    readonly request_id: string
  }
}

export type { Failure }

// The SDK's default transport: node:http where `process.getBuiltinModule` offers it, fetch elsewhere (Workers).
const Transport = HttpTransport.layer

interface Factors {
  readonly authentication_factors: ReadonlyArray<{ readonly type: string; readonly delivery_method: string }>
}

const factorsOf = (session: Factors) =>
  session.authentication_factors.map((f) => `${f.type}/${f.delivery_method}`)

const flow = (target: Target) =>
  Effect.gen(function*() {
    const passwords = yield* Passwords.Passwords
    const users = yield* Users.Users
    const sessions = yield* Sessions.Sessions
    const credentials = { email: target.email, password: target.password }
    const created = yield* passwords.create(credentials)
    // The same email again: the API's `duplicate_email`, as its own tagged class, removed from the error channel.
    const caught = yield* passwords.create(credentials).pipe(
      Effect.as(undefined),
      Effect.catchTag("DuplicateEmail", (error) =>
        Effect.succeed({
          tag: error._tag,
          error_type: error.error_type,
          status_code: error.status_code,
          request_id: error.request_id
        }))
    )
    if (caught === undefined) return yield* Effect.die(new Error("a second sign-up with the same email succeeded"))
    const got = yield* users.get({ user_id: created.user_id })
    const signIn = passwords.authenticate({ ...credentials, session_duration_minutes: 30 })
    // Local only: a failed verification must fail the app, not fall back to the API.
    const first = yield* signIn
    const verified = yield* sessions.authenticateJwtLocal({ session_jwt: first.session_jwt })
    const defaultBackend = activeBackend()
    // A second token (a token verified once is remembered, whichever backend), checked on WebCrypto.
    const second = yield* signIn
    const onWebCrypto = yield* Effect.acquireUseRelease(
      Effect.sync(() => {
        const previous = backend.current
        backend.current = "webcrypto"
        return previous
      }),
      () =>
        Effect.map(sessions.authenticateJwtLocal({ session_jwt: second.session_jwt }), (session): JwtCheck => ({
          backend: activeBackend(),
          user_id: session.user_id,
          session_id: session.session_id,
          factors: factorsOf(session)
        })),
      (previous) => Effect.sync(() => (backend.current = previous))
    )
    const report: Report = {
      ok: true,
      runtime: runtimeName(),
      created_user_id: created.user_id,
      got_user_id: got.user_id,
      got_emails: got.emails.map((e) => e.email),
      authenticated_user_id: first.user_id,
      session_id: first.session?.session_id ?? "",
      jwt_user_id: verified.user_id,
      jwt_session_id: verified.session_id,
      jwt_factors: factorsOf(verified),
      jwt_backend: defaultBackend,
      transport: HttpTransport.kind(),
      get_builtin_module: hasGetBuiltinModule(),
      second_session_id: second.session?.session_id ?? "",
      webcrypto_jwt: onWebCrypto,
      caught
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
      Effect.catchCause((cause) =>
        Effect.succeed<Failure>({ ok: false, runtime: runtimeName(), error: Cause.pretty(cause) })
      )
    )
  )
