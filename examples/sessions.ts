/**
 * Sessions: sign in with a password to start a session, then check it the three ways (the JWT locally, the JWT
 * locally with a remote fallback, the token remotely), list the user's sessions, and sign out.
 *
 *   npx tsx examples/sessions.ts
 *
 * Configured from the environment: STYTCH_PROJECT_ID, STYTCH_SECRET (and STYTCH_BASE_URL for another host).
 */
import { Clock, Console, Effect, Layer } from "effect"
import { HttpTransport, Passwords, Sessions, Stytch } from "effect-stytch"

export const program = Effect.gen(function*() {
  const passwords = yield* Passwords.Passwords
  const sessions = yield* Sessions.Sessions
  const email = `grace.${yield* Clock.currentTimeMillis}@example.com`
  const password = "a long and unguessable passphrase 1906"

  yield* passwords.create({ email, password })
  const { user_id, session_token, session_jwt } = yield* passwords.authenticate({
    email,
    password,
    session_duration_minutes: 60
  })

  // Checked offline against the project's JWKS (fetched once, then cached).
  const local = yield* sessions.authenticateJwtLocal({ session_jwt })
  // Offline while the JWT is younger than the max age, otherwise remote (which also refreshes the JWT).
  const checked = yield* sessions.authenticateJwt({ session_jwt, max_token_age_seconds: 60 })
  // Remote, by the opaque token.
  const remote = yield* sessions.authenticate({ session_token })
  const { sessions: active } = yield* sessions.get({ user_id })

  yield* sessions.revoke({ session_token })
  const afterSignOut = yield* sessions.authenticate({ session_token }).pipe(
    Effect.as("still signed in"),
    Effect.catchTag("SessionNotFound", (error) => Effect.succeed(error.error_type))
  )

  return {
    user_id,
    session_id: local.session_id,
    verified: checked.verified,
    factors: remote.session.authentication_factors.map((factor) => factor.delivery_method),
    active: active.length,
    afterSignOut
  }
})

// The transport, in one line: HttpTransport.layer (node:http where it exists, else fetch) or any other HttpClient.
const StytchLive = Stytch.layerFromEnv.pipe(Layer.provide(HttpTransport.layer))

if (process.argv[1] === import.meta.filename) {
  program.pipe(Effect.tap(Console.log), Effect.provide(StytchLive), Effect.runPromise)
}
