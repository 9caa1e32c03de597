/**
 * Every area's example (`examples/<area>.ts`) run against the in-process emulator, with its inputs supplied the way
 * a user would supply them (environment variables, here a `ConfigProvider`), and its answer checked.
 */
import { assert, describe, it, layer } from "@effect/vitest"
import { ed25519 } from "@noble/curves/ed25519.js"
import { base58 } from "@scure/base"
import { ConfigProvider, Effect, Redacted, TestClock } from "effect"
import { readdirSync } from "node:fs"
import * as OTPAuth from "otpauth"
import { StytchEmulator } from "effect-stytch/testing"
import { Users } from "../src/index.js"
import * as ConnectedAppExample from "../examples/connectedapp.js"
import * as CryptoWalletsExample from "../examples/cryptowallets.js"
import * as DebugExample from "../examples/debug.js"
import * as FraudExample from "../examples/fraud.js"
import * as IDPExample from "../examples/idp.js"
import * as ImpersonationExample from "../examples/impersonation.js"
import * as M2MExample from "../examples/m2m.js"
import * as MagicLinksExample from "../examples/magiclinks.js"
import * as OAuthExample from "../examples/oauth.js"
import * as OTPsExample from "../examples/otps.js"
import * as PasswordsExample from "../examples/passwords.js"
import * as ProjectExample from "../examples/project.js"
import * as RBACExample from "../examples/rbac.js"
import * as SessionsExample from "../examples/sessions.js"
import * as TOTPsExample from "../examples/totps.js"
import * as UsersExample from "../examples/users.js"
import * as WebAuthnExample from "../examples/webauthn.js"
import { SoftwareAuthenticator } from "./support/webauthn-authenticator.js"

/** The example's environment variables. */
const withEnv = (env: Record<string, string>) =>
  Effect.withConfigProvider(ConfigProvider.fromMap(new Map(Object.entries(env))))

/** A failure's value; an unexpected success becomes a short defect (see the README's vitest pitfall). */
const failure = <A, E, R>(effect: Effect.Effect<A, E, R>) =>
  Effect.flatMap(Effect.either(effect), (result) =>
    result._tag === "Left" ? Effect.succeed(result.left) : Effect.dieMessage("expected a failure, got a success"))

/** A user made through the SDK (what the example under test takes as given). */
const newUserId = (email: string) =>
  Effect.flatMap(Users.Users, (users) => Effect.map(users.create({ email }), (created) => created.user_id))

/** A time far from the epoch, set at the start of each test (the emulator reads the test's Clock). */
const NOW = Date.UTC(2026, 11, 3, 12, 0, 10)
const atNow = TestClock.setTime(NOW)

describe("examples", () => {
  it("every area in src/services/ has an example exporting its program", async () => {
    const areas = readdirSync(new URL("../src/services/", import.meta.url)).filter((f) => f.endsWith(".ts"))
      .map((f) => f.slice(0, -3))
    assert.isAtLeast(areas.length, 17)
    const examples = new Set(readdirSync(new URL("../examples/", import.meta.url)))
    for (const area of areas) {
      const name = area.toLowerCase()
      assert.isTrue(examples.has(`${name}.ts`), `examples/${name}.ts is missing for ${area}`)
      const module = await import(`../examples/${name}.ts`)
      assert.isTrue(Effect.isEffect(module.program), `examples/${name}.ts exports no program`)
    }
  })
})

layer(StytchEmulator.layerStytch())("examples against one emulator", (it) => {
  it.effect("users: create, update, get, a typed duplicate, search, delete", () =>
    Effect.gen(function*() {
      yield* atNow
      const result = yield* UsersExample.program
      assert.match(result.user_id, /^user-test-/)
      assert.strictEqual(result.name, "Ada Lovelace")
      assert.deepStrictEqual(result.emails, [`ada.${NOW}@example.com`])
      assert.strictEqual(result.duplicate, "duplicate_email")
      assert.deepStrictEqual(result.found, [result.user_id])
    }))

  it.effect("sessions: local, local-or-remote and remote checks, then sign-out", () =>
    Effect.gen(function*() {
      yield* atNow
      const result = yield* SessionsExample.program
      assert.match(result.session_id, /^session-test-/)
      assert.strictEqual(result.verified, "local")
      assert.deepStrictEqual(result.factors, ["knowledge"])
      assert.strictEqual(result.active, 1)
      assert.strictEqual(result.afterSignOut, "session_not_found")
    }))

  it.effect("passwords: strength, sign-up, sign-in, a wrong password, change, reset email", () =>
    Effect.gen(function*() {
      yield* atNow
      const emulator = yield* StytchEmulator.StytchEmulator
      const result = yield* PasswordsExample.program
      assert.deepStrictEqual(result.weak, { valid: false, breached: true })
      assert.isTrue(result.strong.valid)
      assert.isAtLeast(result.strong.score, 3)
      assert.isTrue(result.sessionStarted)
      assert.strictEqual(result.wrong, "unauthorized_credentials")
      assert.isTrue(result.changed)
      const mail = yield* emulator.latestMessage({ to: `katherine.${NOW}@example.com`, kind: "password_reset" })
      assert.strictEqual(mail?.user_id, result.user_id)
    }))

  it.effect("magic links: send, sign in with the emailed token, a reused link fails", () =>
    Effect.gen(function*() {
      yield* atNow
      const emulator = yield* StytchEmulator.StytchEmulator
      const email = "ada.magic@example.com"
      const sent = yield* MagicLinksExample.program.pipe(withEnv({ EMAIL: email }))
      assert.strictEqual(sent.step, "sent")
      assert.isTrue(sent.user_created)
      const mail = yield* emulator.latestMessage({ to: email, kind: "magic_link_signup" })
      const env = withEnv({ MAGIC_LINK_TOKEN: mail!.token! })
      const signedIn = yield* MagicLinksExample.program.pipe(env)
      assert.deepStrictEqual([signedIn.step, signedIn.user_id], ["signed in", sent.user_id])
      assert.match(signedIn.step === "signed in" ? signedIn.session_id ?? "" : "", /^session-test-/)
      const reused = yield* failure(MagicLinksExample.program.pipe(env))
      assert.strictEqual(reused, "the link was already used or has expired")
    }))

  it.effect("OTPs: send a code by email, sign in with it, a wrong code fails", () =>
    Effect.gen(function*() {
      yield* atNow
      const emulator = yield* StytchEmulator.StytchEmulator
      const email = "ada.otp@example.com"
      const sent = yield* OTPsExample.program.pipe(withEnv({ EMAIL: email }))
      assert.strictEqual(sent.step, "sent")
      const method_id = sent.step === "sent" ? sent.method_id : ""
      const message = yield* emulator.latestMessage({ to: email, kind: "otp" })
      assert.strictEqual(message?.method_id, method_id)
      const wrongCode = message!.code === "000000" ? "111111" : "000000"
      const wrong = yield* failure(OTPsExample.program.pipe(withEnv({ OTP_METHOD_ID: method_id, OTP_CODE: wrongCode })))
      assert.strictEqual(wrong, "wrong or expired code")
      const signedIn = yield* OTPsExample.program.pipe(withEnv({ OTP_METHOD_ID: method_id, OTP_CODE: message!.code! }))
      assert.deepStrictEqual([signedIn.step, signedIn.user_id], ["signed in", sent.user_id])
    }))

  it.effect("OAuth: the callback's token gives the user and the provider's identity", () =>
    Effect.gen(function*() {
      yield* atNow
      const emulator = yield* StytchEmulator.StytchEmulator
      const { token } = yield* emulator.mintOAuthToken({
        provider_type: "Google",
        provider_subject: "google-subject-1815",
        email: "ada.oauth@example.com"
      })
      const result = yield* OAuthExample.program.pipe(withEnv({ OAUTH_TOKEN: token }))
      assert.strictEqual(result.provider_type, "Google")
      assert.strictEqual(result.provider_subject, "google-subject-1815")
      assert.deepStrictEqual(result.emails, ["ada.oauth@example.com"])
      assert.isTrue(result.sessionStarted)
      const again = yield* failure(OAuthExample.program.pipe(withEnv({ OAUTH_TOKEN: token })))
      assert.strictEqual(again, "the sign-in expired: start it again")
    }))

  it.effect("TOTPs: enrol, then verify the code an authenticator app computes", () =>
    Effect.gen(function*() {
      yield* atNow
      const enrolled = yield* TOTPsExample.program
      assert.strictEqual(enrolled.step, "enrolled")
      if (enrolled.step !== "enrolled") return
      assert.strictEqual(enrolled.recoveryCodes, 10)
      assert.strictEqual(String(enrolled.secret), "<redacted>")
      const code = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(Redacted.value(enrolled.secret)) })
        .generate({ timestamp: NOW })
      const verified = yield* TOTPsExample.program.pipe(withEnv({ TOTP_USER_ID: enrolled.user_id, TOTP_CODE: code }))
      assert.deepStrictEqual(verified, { step: "verified", user_id: enrolled.user_id, totp_id: enrolled.totp_id })
    }))

  it.effect("WebAuthn: start a registration, answer it with an authenticator, list the credential", () =>
    Effect.gen(function*() {
      yield* atNow
      const started = yield* WebAuthnExample.program
      assert.strictEqual(started.step, "started")
      if (started.step !== "started") return
      assert.strictEqual(JSON.parse(started.creationOptions).rp.id, "example.com")
      const { public_key_credential } = new SoftwareAuthenticator().register(
        started.creationOptions,
        "https://example.com"
      )
      const registered = yield* WebAuthnExample.program.pipe(
        withEnv({ WEBAUTHN_USER_ID: started.user_id, WEBAUTHN_CREDENTIAL: public_key_credential })
      )
      assert.strictEqual(registered.step, "registered")
      if (registered.step !== "registered") return
      assert.match(registered.webauthn_registration_id, /^webauthn-registration-test-/)
      assert.strictEqual(registered.credentials, 1)
    }))

  it.effect("crypto wallets: a challenge, signed by a Solana key, signs the user in", () =>
    Effect.gen(function*() {
      yield* atNow
      const secretKey = ed25519.utils.randomSecretKey()
      const address = base58.encode(ed25519.getPublicKey(secretKey))
      const wallet = { CRYPTO_WALLET_TYPE: "solana", CRYPTO_WALLET_ADDRESS: address }
      const challenged = yield* CryptoWalletsExample.program.pipe(withEnv(wallet))
      assert.strictEqual(challenged.step, "challenged")
      if (challenged.step !== "challenged") return
      const forged = base58.encode(ed25519.sign(new TextEncoder().encode("something else"), secretKey))
      const refused = yield* failure(
        CryptoWalletsExample.program.pipe(withEnv({ ...wallet, CRYPTO_WALLET_SIGNATURE: forged }))
      )
      assert.strictEqual(refused, "the signature does not match the challenge")
      const again = yield* CryptoWalletsExample.program.pipe(withEnv(wallet))
      const challenge = again.step === "challenged" ? again.challenge : ""
      const signature = base58.encode(ed25519.sign(new TextEncoder().encode(challenge), secretKey))
      const signedIn = yield* CryptoWalletsExample.program.pipe(
        withEnv({ ...wallet, CRYPTO_WALLET_SIGNATURE: signature })
      )
      assert.strictEqual(signedIn.step, "signed in")
      if (signedIn.step !== "signed in") return
      assert.strictEqual(signedIn.user_id, challenged.user_id)
      assert.deepStrictEqual(signedIn.wallets, [{ type: "solana", verified: true }])
    }))

  it.effect("M2M: a client, its token verified with scopes, a missing scope, rotation, removal", () =>
    Effect.gen(function*() {
      yield* atNow
      const result = yield* M2MExample.program
      assert.strictEqual(result.subject, result.client_id)
      assert.deepStrictEqual(result.scopes, ["read:users"])
      assert.deepStrictEqual(result.denied, ["write:users"])
      assert.strictEqual(result.expires_in, 3600)
      assert.isTrue(result.listed)
    }))

  it.effect("Fraud: email risk, a CIDR rule, and a device on that network blocked by it", () =>
    Effect.gen(function*() {
      yield* atNow
      const emulator = yield* StytchEmulator.StytchEmulator
      const withoutDevice = yield* FraudExample.program
      assert.strictEqual(withoutDevice.verdict, undefined)
      assert.deepStrictEqual(withoutDevice.rule, { cidr_block: "198.51.100.0/24", action: "BLOCK" })
      assert.isAtLeast(withoutDevice.rules, 1)
      assert.isAbove(withoutDevice.email.risk_score, 5)
      const { telemetry_id } = yield* emulator.seedTelemetry({ ip_address: "198.51.100.7" })
      const withDevice = yield* FraudExample.program.pipe(withEnv({ TELEMETRY_ID: telemetry_id }))
      assert.strictEqual(withDevice.verdict?.action, "BLOCK")
      assert.include(withDevice.verdict?.reasons ?? [], "RULE_MATCH")
    }))

  it.effect("Connected Apps: create, rename, get, search, rotate the secret, delete", () =>
    Effect.gen(function*() {
      yield* atNow
      const result = yield* ConnectedAppExample.program
      assert.isTrue(result.hasSecret)
      assert.strictEqual(result.name, "Calendar sync (beta)")
      assert.deepStrictEqual(result.redirect_urls, ["https://calendar.example.net/callback"])
      assert.isTrue(result.listed)
      assert.isTrue(result.secretChanged)
    }))

  it.effect("IDP: an M2M token introspected locally and over the network; garbage is inactive", () =>
    Effect.gen(function*() {
      yield* atNow
      const result = yield* IDPExample.program
      assert.match(result.subject, /^m2m-client-test-/)
      assert.strictEqual(result.scope, "read:invoices")
      assert.isTrue(result.sameSubject)
      assert.strictEqual(result.garbage, "inactive")
    }))

  it.effect("Impersonation: a dashboard token signs the agent in as the user, marked impersonated", () =>
    Effect.gen(function*() {
      yield* atNow
      const emulator = yield* StytchEmulator.StytchEmulator
      const user_id = yield* newUserId("ada.impersonated@example.com")
      const { impersonation_token } = yield* emulator.mintImpersonationToken({
        user_id,
        impersonator_email_address: "support@example.com"
      })
      const result = yield* ImpersonationExample.program.pipe(withEnv({ IMPERSONATION_TOKEN: impersonation_token }))
      assert.strictEqual(result.user_id, user_id)
      assert.match(result.session_id ?? "", /^session-test-/)
      assert.isTrue(result.impersonated)
    }))

  it.effect("Debug: whoami names the emulator's project", () =>
    Effect.gen(function*() {
      const emulator = yield* StytchEmulator.StytchEmulator
      const result = yield* DebugExample.program
      assert.deepStrictEqual(result, { project_id: emulator.projectId, name: (yield* emulator.settings).projectName })
    }))
})

describe("examples that need a project of their own", () => {
  it.effect("Project: the metrics count the users", () =>
    Effect.gen(function*() {
      const emulator = yield* StytchEmulator.StytchEmulator
      yield* newUserId("one@example.com")
      yield* newUserId("two@example.com")
      const result = yield* ProjectExample.program
      assert.strictEqual(result.project_id, emulator.projectId)
      assert.strictEqual(result.counts["USER_COUNT"], 2)
      assert.strictEqual(result.counts["M2M_CLIENT_COUNT"], 0)
    }).pipe(Effect.provide(StytchEmulator.layerStytch())))

  it.effect("RBAC: the policy answers who may do what", () =>
    Effect.gen(function*() {
      const emulator = yield* StytchEmulator.StytchEmulator
      const byDefault = yield* RBACExample.program
      assert.deepStrictEqual(byDefault.roles, ["stytch_user"])
      assert.isFalse(byDefault.allowed)
      yield* emulator.updateSettings({
        rbacPolicy: {
          resources: [{ resource_id: "documents", description: "", actions: ["read", "write"] }],
          roles: [
            { role_id: "stytch_user", description: "", permissions: [{ resource_id: "documents", actions: ["read"] }] },
            { role_id: "editor", description: "", permissions: [{ resource_id: "documents", actions: ["*"] }] }
          ],
          scopes: []
        }
      })
      const reader = yield* RBACExample.program
      assert.deepStrictEqual(reader.resources, ["documents"])
      assert.isTrue(reader.allowed)
      const readerWrites = yield* RBACExample.program.pipe(withEnv({ RBAC_ACTION: "write" }))
      assert.isFalse(readerWrites.allowed)
      const editor = yield* RBACExample.program.pipe(withEnv({ RBAC_ROLE: "editor", RBAC_ACTION: "write" }))
      assert.deepStrictEqual(editor.question, { role: "editor", resource: "documents", action: "write" })
      assert.isTrue(editor.allowed)
    }).pipe(Effect.provide(StytchEmulator.layerStytch())))
})
