/**
 * OTPs: email a one-time passcode (signing the user up if needed), then (once the user typed it) check the code.
 *
 *   EMAIL=ada@example.com npx tsx examples/otps.ts                            # sends a code, prints its method_id
 *   OTP_METHOD_ID=<email_id> OTP_CODE=<the code> npx tsx examples/otps.ts     # signs in with it
 *
 * Configured from the environment: STYTCH_PROJECT_ID, STYTCH_SECRET (and STYTCH_BASE_URL for another host).
 */
import { Config, Console, Effect, Layer, Option, Redacted } from "effect"
import { HttpTransport, OTPs, Stytch } from "effect-stytch"

export const program = Effect.gen(function*() {
  const otps = yield* OTPs.OTPs
  const code = yield* Config.option(Config.redacted("OTP_CODE"))

  if (Option.isNone(code)) {
    const email = yield* Config.string("EMAIL").pipe(Config.withDefault("ada@example.com"))
    const sent = yield* otps.email.loginOrCreate({ email, expiration_minutes: 5 })
    return { step: "sent" as const, user_id: sent.user_id, method_id: sent.email_id }
  }

  const method_id = yield* Config.string("OTP_METHOD_ID")
  const signedIn = yield* otps.authenticate({
    method_id,
    code: Redacted.value(code.value),
    session_duration_minutes: 60
  }).pipe(
    // A wrong or expired code: ask the user again.
    Effect.catchTags({
      OtpCodeNotFound: () => Effect.fail("wrong or expired code"),
      UnableToAuthOtpCode: () => Effect.fail("wrong or expired code")
    })
  )
  return { step: "signed in" as const, user_id: signedIn.user_id, session_id: signedIn.session?.session_id }
})

// The transport, in one line: HttpTransport.layer (node:http where it exists, else fetch) or any other HttpClient.
const StytchLive = Stytch.layerFromEnv.pipe(Layer.provide(HttpTransport.layer))

if (process.argv[1] === import.meta.filename) {
  program.pipe(Effect.tap(Console.log), Effect.provide(StytchLive), Effect.runPromise)
}
