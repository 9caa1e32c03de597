/**
 * WebAuthn: register a passkey. The server starts the ceremony, the browser's `navigator.credentials.create()`
 * answers the options, and the server verifies that answer; then list the user's credentials.
 *
 *   npx tsx examples/webauthn.ts                  # a new user and the creation options for the browser
 *   WEBAUTHN_USER_ID=<user_id> WEBAUTHN_CREDENTIAL=<the browser's JSON answer> npx tsx examples/webauthn.ts
 *
 * WEBAUTHN_DOMAIN is the relying party's domain (example.com by default).
 * Configured from the environment: STYTCH_PROJECT_ID, STYTCH_SECRET (and STYTCH_BASE_URL for another host).
 */
import { Clock, Config, Console, Effect, Layer, Option } from "effect"
import { HttpTransport, Stytch, Users, WebAuthn } from "effect-stytch"

export const program = Effect.gen(function*() {
  const webauthn = yield* WebAuthn.WebAuthn
  const domain = yield* Config.string("WEBAUTHN_DOMAIN").pipe(Config.withDefault("example.com"))
  const credential = yield* Config.option(Config.string("WEBAUTHN_CREDENTIAL"))

  if (Option.isNone(credential)) {
    const users = yield* Users.Users
    const { user_id } = yield* users.create({ email: `margaret.${yield* Clock.currentTimeMillis}@example.com` })
    const started = yield* webauthn.registerStart({
      user_id,
      domain,
      return_passkey_credential_options: true,
      use_base64_url_encoding: true
    })
    // A JSON string: hand it to the browser as is.
    return { step: "started" as const, user_id, creationOptions: started.public_key_credential_creation_options }
  }

  const user_id = yield* Config.string("WEBAUTHN_USER_ID")
  const registered = yield* webauthn.register({
    user_id,
    public_key_credential: credential.value,
    session_duration_minutes: 60
  })
  const { credentials } = yield* webauthn.listCredentials({ user_id, domain })
  return {
    step: "registered" as const,
    user_id,
    webauthn_registration_id: registered.webauthn_registration_id,
    credentials: credentials.length
  }
})

// The transport, in one line: HttpTransport.layer (node:http where it exists, else fetch) or any other HttpClient.
const StytchLive = Stytch.layerFromEnv.pipe(Layer.provide(HttpTransport.layer))

if (process.argv[1] === import.meta.filename) {
  program.pipe(Effect.tap(Console.log), Effect.provide(StytchLive), Effect.runPromise)
}
