/**
 * Magic links: email a sign-in link, then (once the user clicked it) trade the link's token for a session.
 *
 *   EMAIL=ada@example.com npx tsx examples/magiclinks.ts                       # sends the link
 *   MAGIC_LINK_TOKEN=<the link's token> npx tsx examples/magiclinks.ts         # signs in with it
 *
 * Configured from the environment: STYTCH_PROJECT_ID, STYTCH_SECRET (and STYTCH_BASE_URL for another host).
 */
import { Config, Console, Effect, Layer, Option, Redacted } from "effect"
import { HttpTransport, MagicLinks, Stytch } from "effect-stytch"

export const program = Effect.gen(function*() {
  const magicLinks = yield* MagicLinks.MagicLinks
  const token = yield* Config.option(Config.redacted("MAGIC_LINK_TOKEN"))

  if (Option.isNone(token)) {
    const email = yield* Config.string("EMAIL").pipe(Config.withDefault("ada@example.com"))
    const sent = yield* magicLinks.email.loginOrCreate({ email, login_expiration_minutes: 15 })
    return { step: "sent" as const, user_id: sent.user_id, user_created: sent.user_created }
  }

  const signedIn = yield* magicLinks.authenticate({
    token: Redacted.value(token.value),
    session_duration_minutes: 60
  }).pipe(
    // A link works once and expires: the most common failure.
    Effect.catchTag("UnableToAuthMagicLink", () => Effect.fail("the link was already used or has expired"))
  )
  return { step: "signed in" as const, user_id: signedIn.user_id, session_id: signedIn.session?.session_id }
})

// The transport, in one line: HttpTransport.layer (node:http where it exists, else fetch) or any other HttpClient.
const StytchLive = Stytch.layerFromEnv.pipe(Layer.provide(HttpTransport.layer))

if (process.argv[1] === import.meta.filename) {
  program.pipe(Effect.tap(Console.log), Effect.provide(StytchLive), Effect.runPromise)
}
