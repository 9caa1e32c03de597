/**
 * TOTPs: enrol an authenticator app for a user (the secret or QR code goes to the app, the recovery codes to the
 * user), then check a code the app shows.
 *
 *   npx tsx examples/totps.ts                                                 # enrols a new user
 *   TOTP_USER_ID=<user_id> TOTP_CODE=<6 digits> npx tsx examples/totps.ts     # checks a code
 *
 * The secret stays `Redacted` in the result (printed as <redacted>): your page shows the response's `qr_code`, or
 * `Redacted.value(secret)` for manual entry, to the user's app.
 *
 * Configured from the environment: STYTCH_PROJECT_ID, STYTCH_SECRET (and STYTCH_BASE_URL for another host).
 */
import { Clock, Config, Console, Effect, Layer, Option, Redacted } from "effect"
import { HttpTransport, Stytch, TOTPs, Users } from "effect-stytch"

export const program = Effect.gen(function*() {
  const totps = yield* TOTPs.TOTPs
  const code = yield* Config.option(Config.redacted("TOTP_CODE"))

  if (Option.isNone(code)) {
    const users = yield* Users.Users
    const { user_id } = yield* users.create({ email: `alan.${yield* Clock.currentTimeMillis}@example.com` })
    const enrolled = yield* totps.create({ user_id, expiration_minutes: 10 })
    const { totps: recovery } = yield* totps.recoveryCodes({ user_id })
    return {
      step: "enrolled" as const,
      user_id,
      totp_id: enrolled.totp_id,
      secret: Redacted.make(enrolled.secret),
      recoveryCodes: recovery.flatMap((entry) => entry.recovery_codes).length
    }
  }

  const user_id = yield* Config.string("TOTP_USER_ID")
  const checked = yield* totps.authenticate({ user_id, totp_code: Redacted.value(code.value) }).pipe(
    Effect.catchTag("UnableToAuthenticateTotp", () => Effect.fail("wrong code: try the next one"))
  )
  return { step: "verified" as const, user_id: checked.user_id, totp_id: checked.totp_id }
})

// The transport, in one line: HttpTransport.layer (node:http where it exists, else fetch) or any other HttpClient.
const StytchLive = Stytch.layerFromEnv.pipe(Layer.provide(HttpTransport.layer))

if (process.argv[1] === import.meta.filename) {
  program.pipe(Effect.tap(Console.log), Effect.provide(StytchLive), Effect.runPromise)
}
