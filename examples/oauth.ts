/**
 * OAuth: finish a social sign-in. The provider's redirect brings the user back to your callback with a Stytch token
 * (`?token=...`); trading it gives the user, the provider's identity and a session.
 *
 *   OAUTH_TOKEN=<the callback's token> npx tsx examples/oauth.ts
 *
 * Configured from the environment: STYTCH_PROJECT_ID, STYTCH_SECRET (and STYTCH_BASE_URL for another host).
 */
import { Config, Console, Effect, Layer, Redacted } from "effect"
import { HttpTransport, OAuth, Stytch } from "effect-stytch"

export const program = Effect.gen(function*() {
  const oauth = yield* OAuth.OAuth
  const token = yield* Config.redacted("OAUTH_TOKEN")

  const signedIn = yield* oauth.authenticate({ token: Redacted.value(token), session_duration_minutes: 60 }).pipe(
    // A token works once: a reload of the callback page lands here.
    Effect.catchTag("OauthTokenNotFound", () => Effect.fail("the sign-in expired: start it again"))
  )
  return {
    user_id: signedIn.user_id,
    provider_type: signedIn.provider_type,
    provider_subject: signedIn.provider_subject,
    emails: signedIn.user.emails.map((entry) => entry.email),
    sessionStarted: signedIn.session_token !== ""
  }
})

// The transport, in one line: HttpTransport.layer (node:http where it exists, else fetch) or any other HttpClient.
const StytchLive = Stytch.layerFromEnv.pipe(Layer.provide(HttpTransport.layer))

if (process.argv[1] === import.meta.filename) {
  program.pipe(Effect.tap(Console.log), Effect.provide(StytchLive), Effect.runPromise)
}
