/**
 * The emulator's raw wire answers (below the SDK, which reads `null` and absent alike): status codes, explicit
 * `null`s, id formats and prefixes as Stytch sends them.
 */
import { assert, layer } from "@effect/vitest"
import { ed25519 } from "@noble/curves/ed25519.js"
import { utf8ToBytes } from "@noble/hashes/utils.js"
import { base58 } from "@scure/base"
import * as Effect from "effect/Effect"
import * as Redacted from "effect/Redacted"
import { randomUUID } from "node:crypto"
import { StytchEmulator } from "effect-stytch/testing"
import { uniqueEmail } from "./support.js"

const raw = (method: string, url: string, body?: unknown) =>
  Effect.gen(function*() {
    const emulator = yield* StytchEmulator.StytchEmulator
    const authorization = `Basic ${Buffer.from(`${emulator.projectId}:${Redacted.value(emulator.secret)}`).toString("base64")}`
    const answer = yield* emulator.handle({
      method,
      url,
      headers: { authorization, "content-type": "application/json" },
      body: body === undefined ? "" : JSON.stringify(body)
    })
    return { status: answer.status, json: JSON.parse(answer.body) as Record<string, any> }
  })

layer(StytchEmulator.layerStytch())("emulator wire format", (it) => {
  it.effect("users.create answers 201 with a user whose unset name parts are \"\" and password null", () =>
    Effect.gen(function*() {
      const created = yield* raw("POST", "/v1/users", { email: uniqueEmail("wire"), name: { first_name: "Ada" } })
      assert.strictEqual(created.status, 201)
      assert.strictEqual(created.json["status_code"], 201)
      assert.deepStrictEqual(created.json["user"]["name"], { first_name: "Ada", middle_name: "", last_name: "" })
      assert.strictEqual(created.json["user"]["password"], null)
      assert.match(created.json["user_id"], /^user-test-[0-9a-f-]{36}$/)
    }))

  it.effect("users answer external_id and the lock times null when unset; sessions always carry both attributes", () =>
    Effect.gen(function*() {
      const email = uniqueEmail("wire-null")
      const created = yield* raw("POST", "/v1/users", { email })
      for (const key of ["external_id", "lock_created_at", "lock_expires_at"]) {
        assert.isTrue(Object.hasOwn(created.json["user"], key), key)
        assert.strictEqual(created.json["user"][key], null, key)
      }
      const password = "correct-horse-battery-staple-Quasar-42!"
      const withSession = yield* raw("POST", "/v1/passwords", {
        email: uniqueEmail("wire-attr"),
        password,
        session_duration_minutes: 60
      })
      assert.deepStrictEqual(withSession.json["session"]["attributes"], { ip_address: "", user_agent: "" })
    }))

  it.effect("malformed ids answer 400 invalid_<thing>_id; well-formed unknown ids 404", () =>
    Effect.gen(function*() {
      const badUser = yield* raw("DELETE", "/v1/users/not-a-user-id")
      assert.deepStrictEqual([badUser.status, badUser.json["error_type"]], [400, "invalid_user_id"])
      const unknownUser = yield* raw("GET", `/v1/users/user-test-${randomUUID()}`)
      assert.deepStrictEqual([unknownUser.status, unknownUser.json["error_type"]], [404, "user_not_found"])
      const badSession = yield* raw("POST", "/v1/sessions/revoke", { session_id: "x" })
      assert.deepStrictEqual([badSession.status, badSession.json["error_type"]], [400, "invalid_session_id"])
      const unknownSession = yield* raw("POST", "/v1/sessions/revoke", { session_id: `session-test-${randomUUID()}` })
      assert.deepStrictEqual([unknownSession.status, unknownSession.json["error_type"]], [404, "session_not_found"])
      const badEmail = yield* raw("DELETE", "/v1/users/emails/e")
      assert.deepStrictEqual([badEmail.status, badEmail.json["error_type"]], [400, "invalid_email_id"])
      const badTotp = yield* raw("DELETE", "/v1/users/totps/t")
      assert.deepStrictEqual([badTotp.status, badTotp.json["error_type"]], [400, "invalid_totp_id"])
      const badMethod = yield* raw("POST", "/v1/otps/authenticate", { method_id: "m", code: "123456" })
      assert.deepStrictEqual([badMethod.status, badMethod.json["error_type"]], [400, "invalid_method_id"])
      const badProject = yield* raw("GET", "/v1/sessions/jwks/not-a-project")
      assert.deepStrictEqual([badProject.status, badProject.json["error_type"]], [400, "invalid_project_id"])
      const otherProject = yield* raw("GET", `/v1/sessions/jwks/project-test-${randomUUID()}`)
      assert.deepStrictEqual([otherProject.status, otherProject.json["error_type"]], [404, "project_not_found"])
      const badWebAuthn = yield* raw("PUT", "/v1/webauthn/w", { name: "laptop" })
      assert.deepStrictEqual([badWebAuthn.status, badWebAuthn.json["error_type"]], [400, "invalid_webauthn_registration_id"])
    }))

  it.effect("a malformed M2M or Connected App client_id is 400 invalid_client_id; a well-formed unknown one 404", () =>
    Effect.gen(function*() {
      const status = (r: { status: number; json: Record<string, any> }) => [r.status, r.json["error_type"]]
      const badM2M = "/v1/m2m/clients/not%20a%20client"
      assert.deepStrictEqual(status(yield* raw("GET", badM2M)), [400, "invalid_client_id"])
      assert.deepStrictEqual(status(yield* raw("DELETE", badM2M)), [400, "invalid_client_id"])
      assert.deepStrictEqual(status(yield* raw("GET", "/v1/m2m/clients/custom-id")), [404, "m2m_client_not_found"])
      const app = "/v1/connected_apps/clients"
      assert.deepStrictEqual(status(yield* raw("GET", `${app}/x`)), [400, "invalid_client_id"])
      assert.deepStrictEqual(status(yield* raw("PUT", `${app}/x`, { client_name: "n" })), [400, "invalid_client_id"])
      const rotate = yield* raw("POST", `${app}/x/secrets/rotate/start`, {})
      assert.deepStrictEqual(status(rotate), [400, "invalid_client_id"])
      const unknownApp = `connected-app-test-${randomUUID()}`
      assert.deepStrictEqual(status(yield* raw("DELETE", `${app}/${unknownApp}`)), [404, "connected_app_not_found"])
      const user = yield* raw("POST", "/v1/users", { email: uniqueEmail("wire-app") })
      const revoke = yield* raw("POST", `/v1/users/${user.json["user_id"]}/connected_apps/x/revoke`, {})
      assert.deepStrictEqual(status(revoke), [400, "invalid_client_id"])
      const authorize = {
        redirect_uri: "https://partner.example.com/cb",
        response_type: "code",
        scopes: ["openid"],
        user_id: user.json["user_id"],
        consent_granted: true
      }
      for (const url of ["/v1/idp/oauth/authorize/start", "/v1/idp/oauth/authorize"]) {
        const bad = yield* raw("POST", url, { ...authorize, client_id: "x" })
        assert.deepStrictEqual(status(bad), [400, "invalid_client_id"], url)
        const unknown = yield* raw("POST", url, { ...authorize, client_id: unknownApp })
        assert.deepStrictEqual(status(unknown), [404, "connected_app_not_found"], url)
      }
    }))

  it.effect("fraud: unset rule description \"\", permanent expires_at null, override_* null without an override", () =>
    Effect.gen(function*() {
      const visitor_id = `visitor-${randomUUID()}`
      const set = yield* raw("POST", "/v1/rules/set", { action: "BLOCK", visitor_id })
      assert.strictEqual(set.status, 200)
      assert.isTrue(Object.hasOwn(set.json, "expires_at"))
      assert.strictEqual(set.json["expires_at"], null)
      const list = yield* raw("POST", "/v1/rules/list", { limit: 100 })
      const rule = list.json["rules"].find((r: Record<string, unknown>) => r["visitor_id"] === visitor_id)
      assert.strictEqual(rule["description"], "")
      assert.strictEqual(rule["expires_at"], null)
      const reasons = yield* raw("POST", "/v1/verdict_reasons/list", {})
      const plain = reasons.json["verdict_reason_actions"]
        .find((r: Record<string, unknown>) => r["override_action"] === null)
      assert.isDefined(plain)
      assert.strictEqual(plain["override_created_at"], null)
      assert.strictEqual(plain["override_description"], null)
    }))

  it.effect("crypto wallets: authenticate answers siwe_params null for a challenge that was no SIWE message", () =>
    Effect.gen(function*() {
      const secretKey = ed25519.utils.randomSecretKey()
      const address = base58.encode(ed25519.getPublicKey(secretKey))
      const wallet = { crypto_wallet_type: "solana", crypto_wallet_address: address }
      const started = yield* raw("POST", "/v1/crypto_wallets/authenticate/start", wallet)
      const signature = base58.encode(ed25519.sign(utf8ToBytes(started.json["challenge"]), secretKey))
      const done = yield* raw("POST", "/v1/crypto_wallets/authenticate", { ...wallet, signature })
      assert.strictEqual(done.status, 200)
      assert.isTrue(Object.hasOwn(done.json, "siwe_params"))
      assert.strictEqual(done.json["siwe_params"], null)
    }))

  it.effect("explicit nulls: session on an authenticate without one, verdict, next_cursor on the last page", () =>
    Effect.gen(function*() {
      const email = uniqueEmail("wire-pw")
      const password = "correct-horse-battery-staple-Quasar-42!"
      const created = yield* raw("POST", "/v1/passwords", { email, password })
      assert.strictEqual(created.status, 200)
      assert.isTrue(Object.hasOwn(created.json, "session"))
      assert.strictEqual(created.json["session"], null)
      const auth = yield* raw("POST", "/v1/passwords/authenticate", { email, password })
      assert.strictEqual(auth.json["session"], null)
      const logIn = yield* raw("POST", "/v1/passwords/authenticate", { email, password, session_duration_minutes: 5 })
      const checked = yield* raw("POST", "/v1/sessions/authenticate", { session_token: logIn.json["session_token"] })
      assert.strictEqual(checked.status, 200)
      assert.isTrue(Object.hasOwn(checked.json, "verdict"))
      assert.strictEqual(checked.json["verdict"], null)
      const search = yield* raw("POST", "/v1/users/search", {
        limit: 10,
        query: { operator: "AND", operands: [{ filter_name: "email_address", filter_value: [email] }] }
      })
      assert.strictEqual(search.json["results"].length, 1)
      assert.isTrue(Object.hasOwn(search.json["results_metadata"], "next_cursor"))
      assert.strictEqual(search.json["results_metadata"]["next_cursor"], null)
    }))

  it.effect("M2M clients answer next_client_secret_last_four: null outside a rotation", () =>
    Effect.gen(function*() {
      const created = yield* raw("POST", "/v1/m2m/clients", { scopes: ["read:users"] })
      assert.strictEqual(created.json["m2m_client"]["next_client_secret_last_four"], null)
    }))

  it.effect("OAuth registrations are oauth-user-test-... and provider_type is Stytch's spelling", () =>
    Effect.gen(function*() {
      const emulator = yield* StytchEmulator.StytchEmulator
      const { token } = yield* emulator.mintOAuthToken({ provider_type: "google", provider_subject: randomUUID() })
      const auth = yield* raw("POST", "/v1/oauth/authenticate", { token })
      assert.strictEqual(auth.json["provider_type"], "Google")
      assert.match(auth.json["oauth_user_registration_id"], /^oauth-user-test-[0-9a-f-]{36}$/)
      assert.strictEqual(auth.json["user"]["providers"][0]["provider_type"], "Google")
    }))
})
