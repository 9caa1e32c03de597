/**
 * Passwords: check a candidate's strength, sign up, sign in, refuse a wrong password by its typed error, change the
 * password, and start an email reset.
 *
 *   npx tsx examples/passwords.ts
 *
 * Configured from the environment: STYTCH_PROJECT_ID, STYTCH_SECRET (and STYTCH_BASE_URL for another host).
 */
import { Clock, Console, Effect, Layer } from "effect"
import { HttpTransport, Passwords, Stytch } from "effect-stytch"

export const program = Effect.gen(function*() {
  const passwords = yield* Passwords.Passwords
  const email = `katherine.${yield* Clock.currentTimeMillis}@example.com`
  const password = "orbital mechanics by hand 1962"

  const weak = yield* passwords.strengthCheck({ password: "password1" })
  const strong = yield* passwords.strengthCheck({ email, password })

  const { user_id } = yield* passwords.create({ email, password })
  const signedIn = yield* passwords.authenticate({ email, password, session_duration_minutes: 30 })

  const wrong = yield* passwords.authenticate({ email, password: "not my password" }).pipe(
    Effect.as("accepted"),
    Effect.catchTag("UnauthorizedCredentials", (error) => Effect.succeed(error.error_type))
  )

  const newPassword = "friendship seven re-entry 1962"
  yield* passwords.existingPassword.reset({ email, existing_password: password, new_password: newPassword })
  const withNew = yield* passwords.authenticate({ email, password: newPassword })

  // Sends the reset email; the link's token goes to passwords.email.reset.
  yield* passwords.email.resetStart({ email })

  return {
    user_id,
    weak: { valid: weak.valid_password, breached: weak.breached_password },
    strong: { valid: strong.valid_password, score: strong.score },
    sessionStarted: signedIn.session_token !== "",
    wrong,
    changed: withNew.user_id === user_id
  }
})

// The transport, in one line: HttpTransport.layer (node:http where it exists, else fetch) or any other HttpClient.
const StytchLive = Stytch.layerFromEnv.pipe(Layer.provide(HttpTransport.layer))

if (process.argv[1] === import.meta.filename) {
  program.pipe(Effect.tap(Console.log), Effect.provide(StytchLive), Effect.runPromise)
}
