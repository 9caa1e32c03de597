/**
 * The emulator's saved state: `exportState` / `importState` (and `GET` / `PUT /emulator/v1/state`) carry everything
 * needed to continue (every store collection, the settings, the signing keys), and a malformed or foreign state is
 * refused naming the problem, leaving the running state untouched.
 */
import { assert, describe, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Redacted from "effect/Redacted"
import { randomUUID } from "node:crypto"
import { vi } from "vitest"
import { StytchEmulator } from "effect-stytch/testing"
import {
  ConnectedApp,
  CryptoWallets,
  Fraud,
  IDP,
  M2M,
  MagicLinks,
  OAuth,
  OTPs,
  Passwords,
  Sessions,
  TOTPs,
  Users,
  WebAuthn
} from "../src/index.js"
import { expectFailure, STRONG_PASSWORD, uniqueEmail } from "./support.js"
import { SigningKeys } from "../emulator/src/internal/jwt.js"
import * as Snapshot from "../emulator/src/internal/snapshot.js"
import { defaultSettings, Store, type UserRecord } from "../emulator/src/internal/store.js"
import { blankUser } from "../emulator/src/handlers/common.js"
import { SoftwareAuthenticator } from "./support/webauthn-authenticator.js"

vi.setConfig({ testTimeout: 60_000 })

const REDIRECT = "https://app.example.com/callback"

/** A state touching every area of the store; answers what the checks after an import need. */
const populate = Effect.gen(function*() {
  const emulator = yield* StytchEmulator.StytchEmulator
  const users = yield* Users.Users
  const email = uniqueEmail("state")
  yield* emulator.updateSettings({ projectName: "Saved project", otpMaxAttempts: 7 })
  // A user with a password, a TOTP, a phone, metadata and an external id; a password login makes a session.
  const passwords = yield* Passwords.Passwords
  const created = yield* passwords.create({
    email,
    password: STRONG_PASSWORD,
    session_duration_minutes: 60,
    trusted_metadata: { plan: "pro", nested: { a: [1, 2, { b: null }] } }
  })
  const user_id = created.user_id
  yield* users.update({ user_id, external_id: `ext-${randomUUID()}` })
  yield* (yield* TOTPs.TOTPs).create({ user_id })
  yield* (yield* OTPs.OTPs).sms.loginOrCreate({ phone_number: "+15005550006" })
  yield* (yield* MagicLinks.MagicLinks).email.loginOrCreate({ email })
  // OAuth provider on a new user; a WebAuthn registration with its credential (bytes) and a pending ceremony.
  const { token } = yield* emulator.mintOAuthToken({ provider_type: "google", provider_subject: randomUUID(), email })
  yield* (yield* OAuth.OAuth).authenticate({ token })
  const webauthn = yield* WebAuthn.WebAuthn
  const authenticator = new SoftwareAuthenticator()
  const started = yield* webauthn.registerStart({ user_id, domain: "example.com", use_base64_url_encoding: true })
  const answer = authenticator.register(started.public_key_credential_creation_options, "https://example.com")
  yield* webauthn.register({ user_id, public_key_credential: answer.public_key_credential })
  yield* webauthn.registerStart({ user_id, domain: "example.com", use_base64_url_encoding: true })
  yield* (yield* CryptoWallets.CryptoWallets).authenticateStart({
    crypto_wallet_type: "ethereum",
    crypto_wallet_address: `0x${randomUUID().replace(/-/g, "").padEnd(40, "a")}`
  })
  // Clients: M2M, a Connected App and an IDP grant with a code (first party: no consent needed).
  const m2m = yield* M2M.M2M
  const client = (yield* m2m.clients.create({ scopes: ["read:users"], client_name: "saved" })).m2m_client
  const app = (yield* (yield* ConnectedApp.ConnectedApp).clients.create({
    client_type: "first_party",
    client_name: "saved-app",
    redirect_urls: [REDIRECT]
  })).connected_app
  const seeded = yield* emulator.seedSession({ user_id, custom_claims: { role: "admin" } })
  const authorize = (yield* IDP.IDP).oauth.authorize({
    client_id: app.client_id,
    redirect_uri: REDIRECT,
    response_type: "code",
    scopes: ["openid", "email", "offline_access"],
    session_token: seeded.session_token,
    consent_granted: true
  })
  // One code exchanged (a refresh token and an access token), one left pending.
  const { authorization_code } = yield* authorize
  yield* authorize
  const exchanged = yield* emulator.handle({
    method: "POST",
    url: `/v1/public/${emulator.projectId}/oauth2/token`,
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({
      grant_type: "authorization_code",
      client_id: app.client_id,
      client_secret: app.client_secret!,
      code: authorization_code!,
      redirect_uri: REDIRECT
    }).toString()
  })
  assert.strictEqual(exchanged.status, 200, exchanged.body)
  // Fraud: telemetry, a rule, a verdict reason override.
  const fraud = yield* Fraud.Fraud
  yield* emulator.seedTelemetry({ ip_address: "203.0.113.9" })
  yield* fraud.rules.set({ action: "BLOCK", cidr_block: "198.51.100.0/24", description: "saved" })
  yield* fraud.verdictReasons.override({ verdict_reason: "VIRTUAL_MACHINE", override_action: "BLOCK" })
  // A JWT minted with the old key, then a rotation: both keys are saved.
  const oldJwt = seeded.session_jwt
  yield* emulator.rotateKeys
  const newSession = yield* emulator.seedSession({ user_id })
  return {
    state: yield* emulator.exportState,
    email,
    user_id,
    oldJwt,
    session_token: created.session_token,
    newJwt: newSession.session_jwt,
    client_id: client.client_id,
    client_secret: client.client_secret
  }
})

const fresh = StytchEmulator.layerStytch()

describe("emulator saved state", () => {
  it.effect("every part round-trips: export, import into a fresh emulator, export again is deep-equal", () =>
    Effect.gen(function*() {
      const saved = yield* Effect.provide(populate, fresh)
      const state = saved.state as Record<string, unknown>
      assert.strictEqual(state.format, "effect-stytch-emulator-state")
      assert.strictEqual(state.version, 1)
      // Every collection is populated, so the comparison below covers each.
      for (const [part, value] of Object.entries(state)) {
        if (Array.isArray(value)) assert.isAbove(value.length, 0, `${part} is empty: populate does not touch it`)
      }
      assert.strictEqual((state.signing_keys as Array<unknown>).length, 2)
      const again = yield* Effect.gen(function*() {
        const emulator = yield* StytchEmulator.StytchEmulator
        yield* emulator.importState(saved.state)
        return yield* emulator.exportState
      }).pipe(Effect.provide(fresh))
      assert.deepStrictEqual(again, saved.state)
      // The JSON text works as well as the value.
      const viaText = yield* Effect.gen(function*() {
        const emulator = yield* StytchEmulator.StytchEmulator
        yield* emulator.importState(JSON.stringify(saved.state))
        return yield* emulator.exportState
      }).pipe(Effect.provide(fresh))
      assert.deepStrictEqual(viaText, saved.state)
    }))

  it.effect("after an import: password login, session token, old and new JWTs, M2M secret, outbox, settings", () =>
    Effect.gen(function*() {
      const saved = yield* Effect.provide(populate, fresh)
      yield* Effect.gen(function*() {
        const emulator = yield* StytchEmulator.StytchEmulator
        yield* emulator.importState(saved.state)
        const passwords = yield* Passwords.Passwords
        const login = yield* passwords.authenticate({ email: saved.email, password: STRONG_PASSWORD })
        assert.strictEqual(login.user_id, saved.user_id)
        const sessions = yield* Sessions.Sessions
        const byToken = yield* sessions.authenticate({ session_token: saved.session_token })
        assert.strictEqual(byToken.session.user_id, saved.user_id)
        // Signed before the export, by the rotated-out key and by the current one: both verify locally.
        const old = yield* sessions.authenticateJwtLocal({ session_jwt: saved.oldJwt })
        assert.strictEqual(old.user_id, saved.user_id)
        assert.deepStrictEqual(old.custom_claims, { role: "admin" })
        assert.strictEqual((yield* sessions.authenticateJwtLocal({ session_jwt: saved.newJwt })).user_id, saved.user_id)
        const m2m = yield* M2M.M2M
        const client_secret = Redacted.make(saved.client_secret)
        const token = yield* m2m.token({ client_id: saved.client_id, client_secret })
        assert.isString(token.access_token)
        const messages = yield* emulator.outbox({ to: saved.email })
        assert.isAbove(messages.length, 0)
        assert.strictEqual((yield* emulator.settings).projectName, "Saved project")
        assert.strictEqual((yield* emulator.settings).otpMaxAttempts, 7)
        // The indexes were rebuilt: lookups by email and phone find the users.
        const byEmail = yield* (yield* Users.Users).search({ query: { operator: "AND", operands: [] }, limit: 100 })
        assert.isAbove(byEmail.results.length, 1)
      }).pipe(Effect.provide(fresh))
    }))

  it.effect("a malformed or foreign state is refused naming the problem, and nothing changes", () =>
    Effect.gen(function*() {
      const saved = yield* Effect.provide(populate, fresh)
      const state = saved.state as Record<string, any>
      yield* Effect.gen(function*() {
        const emulator = yield* StytchEmulator.StytchEmulator
        const users = yield* Users.Users
        const mine = yield* users.create({ email: uniqueEmail("kept") })
        const before = yield* emulator.exportState
        const user = state.users[0][1]
        const [key0, key1] = state.signing_keys
        // A value (not text) nested past the cap, and a __proto__ key (JSON.parse makes it an own property).
        let nested: unknown = {}
        for (let i = 0; i < 150; i++) nested = { nested }
        const deep = { ...state, users: [[user.user_id, { ...user, trusted_metadata: nested }]] }
        const withProto = JSON.parse(
          JSON.stringify({ ...state, users: [[user.user_id, { ...user, trusted_metadata: { x: 1 } }]] })
            .replace('"trusted_metadata":{"x":1}', '"trusted_metadata":{"__proto__":{"x":1}}')
        )
        const withKey = (i: number, patch: Record<string, unknown>) => ({
          ...state,
          signing_keys: state.signing_keys.map((k: object, j: number) => j === i ? { ...k, ...patch } : k)
        })
        const cases: Array<[unknown, RegExp]> = [
          ["{not json", /not JSON/],
          [[1, 2], /not a JSON object/],
          [{ ...state, format: "something-else" }, /format is "something-else"/],
          [{ ...state, version: 2 }, /unsupported version 2/],
          [{ ...state, users: undefined }, /at users: Expected an array$/],
          [Object.fromEntries(Object.entries(state).filter(([k]) => k !== "otps")), /at otps: is missing/],
          [{ ...state, sessions: [["x", { session_id: "x" }]] }, /at sessions\.0\.1\.session_token: is missing/],
          [{ ...state, users: [[user.user_id, { ...user, emails: "nope" }]] }, /at users\.0\.1\.emails: Expected/],
          [{ ...state, users: [["another-id", user]] }, /at users\.0: the key is not the record's user_id/],
          [{ ...state, settings: { ...state.settings, otpMaxAttempts: 0 } }, /at settings: otpMaxAttempts/],
          [withKey(0, { private_jwk: { ...key0.private_jwk, n: key1.private_jwk.n } }), /at signing_keys\.0: /],
          [withKey(1, { x5c: key0.x5c }), /at signing_keys\.1: the x5c certificate is not of this key/],
          [withKey(1, { x5tS256: key0.x5tS256 }), /at signing_keys\.1: x5tS256 is not/],
          [withKey(1, { kid: key0.kid }), /at signing_keys\.1: the kid is not unique/],
          [withKey(0, { private_jwk: { ...key0.private_jwk, kty: "EC" } }), /at signing_keys\.0\.private_jwk\.kty/],
          [{ ...state, signing_keys: [] }, /at signing_keys\.0: is missing/],
          [{ ...state, settings: { ...state.settings, projectId: "project-test-x" } }, /project project-test-x/],
          [{ ...state, settings: { ...state.settings, secret: "secret-test-other" } }, /another secret/],
          ["[".repeat(200) + "]".repeat(200), /nested deeper than 100 levels/],
          [deep, /nested deeper than 100 levels/],
          [withProto, /at users\.0\.1\.trusted_metadata: a __proto__ key/],
          [{ ...state, outbox: [() => 1] }, /at outbox\.0: not JSON data/]
        ]
        for (const [input, expected] of cases) {
          const error = yield* expectFailure(emulator.importState(input))
          assert.strictEqual(error._tag, "ImportStateError")
          assert.match(error.message, expected, error.message)
          // No value found in the document is echoed (it may be a secret).
          assert.notInclude(error.message, state.settings.secret)
        }
        assert.deepStrictEqual(yield* emulator.exportState, before, "a refused state changes nothing")
        assert.strictEqual((yield* users.get({ user_id: mine.user_id })).user_id, mine.user_id)
      }).pipe(Effect.provide(fresh))
    }))

  it("a record field JSON cannot hold makes the export fail naming its path (nothing is silently dropped)", () => {
    const store = new Store(defaultSettings("project-test-x", "secret-test-x"))
    const user = { ...blankUser("user-test-1", 0), somethingNew: new Map([["a", 1]]) } as unknown as UserRecord
    store.insertUser(user)
    assert.throws(() => Snapshot.encode(store, new SigningKeys("project-test-x"), 0), /\$\.users\.0\.1\.somethingNew/)
  })

  it.effect("oversized: a text past 64 MiB is refused before it is parsed", () =>
    Effect.gen(function*() {
      const emulator = yield* StytchEmulator.StytchEmulator
      const error = yield* expectFailure(emulator.importState(" ".repeat(64 * 1024 * 1024 + 1)))
      assert.match(error.message, /larger than 67108864 bytes/)
    }).pipe(Effect.provide(fresh)))

  it.effect("GET /emulator/v1/state answers the state; PUT replaces it; a bad one is a 400 naming the problem", () =>
    Effect.gen(function*() {
      const saved = yield* Effect.provide(populate, fresh)
      yield* Effect.gen(function*() {
        const emulator = yield* StytchEmulator.StytchEmulator
        const put = (body: string) =>
          emulator.handle({
            method: "PUT",
            url: "/emulator/v1/state",
            headers: { "content-type": "application/json" },
            body
          })
        const bad = yield* put(JSON.stringify({ ...(saved.state as object), version: 9 }))
        assert.strictEqual(bad.status, 400)
        assert.match(JSON.parse(bad.body).error, /unsupported version 9/)
        const ok = yield* put(JSON.stringify(saved.state))
        assert.strictEqual(ok.status, 200, ok.body)
        const got = yield* emulator.handle({ method: "GET", url: "/emulator/v1/state", headers: {}, body: "" })
        assert.strictEqual(got.status, 200)
        assert.deepStrictEqual(JSON.parse(got.body), saved.state)
        // The dashboard's views read the imported store.
        const summary = yield* emulator.handle({ method: "GET", url: "/emulator/v1/summary", headers: {}, body: "" })
        const users = (saved.state.users as Array<unknown>).length
        assert.strictEqual(JSON.parse(summary.body).users, users)
      }).pipe(Effect.provide(fresh))
    }))
})
