/**
 * The dashboard's routes: the page and its assets, the read-only views under `/emulator/v1/`, the sessions/revoke
 * control and the request log (which must never hold a body, a query, a password, a token or a credential).
 * In-process (no guard) except where the loopback guard itself is tested.
 */
import { assert, describe, it, layer } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Redacted from "effect/Redacted"
import { vi } from "vitest"
import { StytchEmulator } from "effect-stytch/testing"
import { REQUEST_LOG_SIZE } from "../emulator/src/internal/requestLog.js"
import { M2M, MagicLinks, Passwords, Sessions, Users } from "../src/index.js"
import { expectFailure, STRONG_PASSWORD, uniqueEmail } from "./support.js"
import { raw as rawHttp, withServer } from "./support/raw.js"

vi.setConfig({ testTimeout: 30_000 })

const JSON_HEADERS = { "content-type": "application/json" }

/** One request to the emulator below the SDK. */
const raw = (method: string, url: string, body = "", headers: Record<string, string> = {}) =>
  Effect.gen(function*() {
    const emulator = yield* StytchEmulator.StytchEmulator
    const answer = yield* emulator.handle({ method, url, headers, body })
    return answer
  })

const control = (method: string, path: string, body?: unknown) =>
  Effect.map(
    body === undefined
      ? raw(method, `/emulator/v1${path}`)
      : raw(method, `/emulator/v1${path}`, JSON.stringify(body), JSON_HEADERS),
    (answer) => ({ status: answer.status, json: JSON.parse(answer.body) as any })
  )

layer(StytchEmulator.layerStytch())("dashboard routes", (it) => {
  describe("the page", () => {
    it.effect("is served at / and /emulator/ui with a strict CSP; its script and stylesheet are same-origin", () =>
      Effect.gen(function*() {
        for (const path of ["/", "/emulator/ui", "/emulator/ui/"]) {
          const page = yield* raw("GET", path)
          assert.strictEqual(page.status, 200, path)
          assert.match(page.headers["content-type"]!, /^text\/html/)
          assert.include(page.body, `<script src="/emulator/ui/app.js" defer></script>`)
          const csp = page.headers["content-security-policy"]!
          assert.include(csp, "default-src 'none'")
          assert.include(csp, "script-src 'self'")
          assert.notInclude(csp, "unsafe-inline")
          // No inline script, no reference to anything outside the emulator.
          assert.notMatch(page.body, /<script>(?!<\/script>)/)
          assert.notMatch(page.body, /(src|href)="(https?:)?\/\//)
        }
        const js = yield* raw("GET", "/emulator/ui/app.js")
        assert.strictEqual(js.status, 200)
        assert.match(js.headers["content-type"]!, /^text\/javascript/)
        assert.notMatch(js.body, /innerHTML|insertAdjacentHTML|document\.write/)
        const css = yield* raw("GET", "/emulator/ui/app.css")
        assert.match(css.headers["content-type"]!, /^text\/css/)
        assert.strictEqual((yield* raw("GET", "/emulator/ui/nope.js")).status, 404)
        assert.strictEqual((yield* raw("GET", "/favicon.ico")).status, 204)
        assert.strictEqual((yield* raw("POST", "/", "{}", JSON_HEADERS)).status, 405)
      }))
  })

  describe("users", () => {
    it.effect("searches by email, phone number, id and name; filters by status; details a user with sessions", () =>
      Effect.gen(function*() {
        const users = yield* Users.Users
        const emulator = yield* StytchEmulator.StytchEmulator
        const email = uniqueEmail("Dash")
        const phone = `+1500555${String(Math.floor(Math.random() * 10_000)).padStart(4, "0")}`
        const a = yield* users.create({ email, phone_number: phone, name: { first_name: "Zebulon" } })
        const b = yield* users.create({ email: uniqueEmail("other"), untrusted_metadata: { note: "x" } })
        const seeded = yield* emulator.seedSession({ user_id: a.user_id })

        const ids = (answer: { json: any }) => answer.json.users.map((u: any) => u.user_id)
        assert.deepStrictEqual(ids(yield* control("GET", `/users?q=${encodeURIComponent(email.toUpperCase())}`)), [
          a.user_id
        ])
        assert.deepStrictEqual(ids(yield* control("GET", `/users?q=${encodeURIComponent(phone)}`)), [a.user_id])
        assert.deepStrictEqual(ids(yield* control("GET", `/users?q=${a.user_id.slice(-12)}`)), [a.user_id])
        assert.deepStrictEqual(ids(yield* control("GET", "/users?q=zebul")), [a.user_id])
        const all = yield* control("GET", "/users")
        assert.isAtLeast(all.json.total, 2)
        // Newest first.
        assert.isBelow(ids(all).indexOf(b.user_id), ids(all).indexOf(a.user_id))
        assert.strictEqual(all.json.users.find((u: any) => u.user_id === a.user_id).active_sessions, 1)
        assert.deepStrictEqual(ids(yield* control("GET", `/users?q=${a.user_id}&status=pending`)), [])

        const detail = yield* control("GET", `/users/${encodeURIComponent(a.user_id)}`)
        assert.strictEqual(detail.status, 200)
        assert.strictEqual(detail.json.user.name.first_name, "Zebulon")
        assert.deepStrictEqual(detail.json.sessions.map((s: any) => s.session_id), [seeded.session_id])
        // No session token or JWT in the view.
        assert.notInclude(JSON.stringify(detail.json), seeded.session_token)
        assert.notInclude(JSON.stringify(detail.json), seeded.session_jwt)

        assert.strictEqual((yield* control("GET", "/users/user-test-nobody")).status, 404)
        assert.strictEqual((yield* control("GET", "/users/%E0%A4%A")).status, 400)
        assert.match((yield* control("GET", "/users?status=banned")).json.error, /^status:/)
        assert.match((yield* control("GET", "/users?q=a&q=b")).json.error, /q: repeated/)
        assert.match((yield* control("GET", "/users?limit=5")).json.error, /limit/)
        assert.match((yield* control("GET", `/users?q=${"a".repeat(201)}`)).json.error, /^q:/)
        assert.strictEqual((yield* control("GET", `/users/${"x".repeat(100_000)}`)).status, 404)
      }))
  })

  describe("sessions/revoke", () => {
    it.effect("revokes one session: the SDK's next sessions.authenticate fails SessionNotFound; others stay", () =>
      Effect.gen(function*() {
        const users = yield* Users.Users
        const sessions = yield* Sessions.Sessions
        const emulator = yield* StytchEmulator.StytchEmulator
        const user = yield* users.create({ email: uniqueEmail("revoke") })
        const one = yield* emulator.seedSession({ user_id: user.user_id })
        const two = yield* emulator.seedSession({ user_id: user.user_id })

        const revoked = yield* control("POST", "/sessions/revoke", { session_id: one.session_id })
        assert.deepStrictEqual(revoked, { status: 200, json: { revoked: true } })
        const error = yield* expectFailure(sessions.authenticate({ session_token: one.session_token }))
        assert.strictEqual(error._tag, "SessionNotFound")
        const still = yield* sessions.authenticate({ session_token: two.session_token })
        assert.strictEqual(still.session.session_id, two.session_id)

        // Refused: nothing changes.
        assert.strictEqual((yield* control("POST", "/sessions/revoke", { session_id: one.session_id })).status, 404)
        assert.match((yield* control("POST", "/sessions/revoke", {})).json.error, /session_id/)
        assert.match((yield* control("POST", "/sessions/revoke", { session_id: 7 })).json.error, /session_id/)
        const nested = yield* raw("POST", "/emulator/v1/sessions/revoke", "[".repeat(10_000), JSON_HEADERS)
        assert.strictEqual(nested.status, 400)
        const extra = yield* control("POST", "/sessions/revoke", { session_id: two.session_id, all: true })
        assert.strictEqual(extra.status, 400)
        const body = JSON.stringify({ session_id: two.session_id })
        const notJson = yield* raw("POST", "/emulator/v1/sessions/revoke", body)
        assert.strictEqual(notJson.status, 415)
        const after = yield* sessions.authenticate({ session_token: two.session_token })
        assert.strictEqual(after.session.session_id, two.session_id)
      }))
  })

  describe("clients, fraud, telemetry, faults", () => {
    it.effect("lists them without any secret", () =>
      Effect.gen(function*() {
        const m2m = yield* M2M.M2M
        const emulator = yield* StytchEmulator.StytchEmulator
        const created = (yield* m2m.clients.create({ scopes: ["read:dash"], client_name: "dash-client" })).m2m_client
        const secret = created.client_secret
        const listed = yield* control("GET", "/m2m/clients")
        const mine = listed.json.clients.find((c: any) => c.client_id === created.client_id)
        assert.strictEqual(mine.client_name, "dash-client")
        assert.deepStrictEqual(mine.scopes, ["read:dash"])
        assert.strictEqual(mine.client_secret_last_four, secret.slice(-4))
        assert.notInclude(JSON.stringify(listed.json), secret)
        assert.notInclude(JSON.stringify(listed.json), "hash")

        const app = yield* raw(
          "POST",
          "/v1/connected_apps/clients",
          JSON.stringify({
            client_type: "third_party",
            client_name: "dash-app",
            redirect_urls: ["https://a.example/cb"]
          }),
          { ...JSON_HEADERS, authorization: basic(emulator) }
        )
        assert.strictEqual(app.status, 200, app.body)
        const appSecret = JSON.parse(app.body).connected_app.client_secret as string
        const apps = yield* control("GET", "/connected-apps/clients")
        const listedApp = apps.json.clients.find((c: any) => c.client_name === "dash-app")
        assert.strictEqual(listedApp?.client_type, "third_party")
        assert.notInclude(JSON.stringify(apps.json), appSecret)

        const rule = yield* raw(
          "POST",
          "/v1/rules/set",
          JSON.stringify({ action: "BLOCK", country_code: "kp", description: "dash rule" }),
          { ...JSON_HEADERS, authorization: basic(emulator) }
        )
        assert.strictEqual(rule.status, 200, rule.body)
        const rules = yield* control("GET", "/fraud/rules")
        assert.isTrue(rules.json.rules.some((r: any) => r.identifier === "KP" && r.action === "BLOCK"))

        const seeded = yield* emulator.seedTelemetry({ ip_address: "203.0.113.9", country: "US" })
        const telemetry = yield* control("GET", "/telemetry")
        assert.isTrue(telemetry.json.telemetry.some((t: any) => t.telemetry_id === seeded.telemetry_id))

        yield* emulator.failNext({ status: 503, pathPrefix: "/v1/never-called" }, 2)
        const faults = yield* control("GET", "/faults")
        assert.deepStrictEqual(faults.json.faults.slice(-2), [
          { status: 503, pathPrefix: "/v1/never-called" },
          { status: 503, pathPrefix: "/v1/never-called" }
        ])
        const summary = yield* control("GET", "/summary")
        assert.isAtLeast(summary.json.faults, 2)
        assert.isAtLeast(summary.json.m2m_clients, 1)
        assert.isAtLeast(summary.json.telemetry, 1)
        // A GET view takes no body.
        assert.strictEqual((yield* raw("GET", "/emulator/v1/faults", "{}")).status, 400)
      }))
  })

  describe("the request log", () => {
    it.effect("records method, path, status, error_type and duration; never a query, body, password or token", () =>
      Effect.gen(function*() {
        const passwords = yield* Passwords.Passwords
        const sessions = yield* Sessions.Sessions
        const magicLinks = yield* MagicLinks.MagicLinks
        const emulator = yield* StytchEmulator.StytchEmulator
        const email = uniqueEmail("log")
        const created = yield* passwords.create({ email, password: STRONG_PASSWORD, session_duration_minutes: 60 })
        yield* magicLinks.email.loginOrCreate({ email })
        const link = (yield* emulator.latestMessage({ to: email }))!
        yield* expectFailure(sessions.authenticate({ session_token: "no-such-session-token" }))
        yield* raw("GET", `/v1/users/${created.user_id}?secret_query=hunter2`, "", { authorization: basic(emulator) })

        const { json } = yield* control("GET", "/requests")
        const log = json.requests as Array<any>
        const [newest, failed] = log
        assert.deepInclude(newest, { method: "GET", path: `/v1/users/${created.user_id}`, status: 200 })
        assert.deepInclude(failed, { method: "POST", path: "/v1/sessions/authenticate", status: 404 })
        assert.strictEqual(failed.error_type, "session_not_found")
        assert.isAtLeast(failed.duration_ms, 0)
        assert.isAbove(newest.seq, failed.seq)
        assert.isTrue(log.some((e) => e.path === "/v1/passwords" && e.status === 200))
        assert.deepStrictEqual(Object.keys(newest).sort(), ["at", "duration_ms", "method", "path", "seq", "status"])
        const text = JSON.stringify(json)
        const secrets = [STRONG_PASSWORD, created.session_token!, link.token!, "hunter2", "no-such-session-token"]
        for (const secret of secrets) {
          assert.notInclude(text, secret)
        }
        assert.notInclude(text, Buffer.from(`${emulator.projectId}:`).toString("base64").slice(0, 20))
        // Controls and the page are not API requests.
        assert.isFalse(log.some((e) => e.path.startsWith("/emulator/") || e.path === "/"))
      }))

    it.effect(`keeps the last ${REQUEST_LOG_SIZE} requests`, () =>
      Effect.gen(function*() {
        for (let i = 0; i < REQUEST_LOG_SIZE + 5; i++) yield* raw("GET", `/v1/nowhere/${i}`)
        const log = (yield* control("GET", "/requests")).json.requests as Array<any>
        assert.strictEqual(log.length, REQUEST_LOG_SIZE)
        assert.strictEqual(log[0].path, `/v1/nowhere/${REQUEST_LOG_SIZE + 4}`)
        assert.strictEqual(log[0].error_type, "route_not_found")
        assert.strictEqual(log.at(-1).path, "/v1/nowhere/5")
        assert.strictEqual((yield* control("GET", "/summary")).json.last_request, log[0].seq)
        // reset forgets the log with everything else.
        yield* (yield* StytchEmulator.StytchEmulator).resetKeepingSettings
        assert.deepStrictEqual((yield* control("GET", "/requests")).json.requests, [])
      }))
  })
})

const basic = (e: StytchEmulator.Service) =>
  `Basic ${Buffer.from(`${e.projectId}:${Redacted.value(e.secret)}`).toString("base64")}`

describe("dashboard over loopback", () => {
  it.live("the page is guarded like the controls: a foreign Host or Origin is refused", () =>
    withServer(async (h) => {
      const get = async (path: string, headers: Record<string, string> = {}) =>
        (await rawHttp(h.url, { method: "GET", path, headers })).status
      assert.strictEqual(await get("/"), 200)
      assert.strictEqual(await get("/emulator/ui", { host: `attacker.example:${h.port}` }), 403)
      assert.strictEqual(await get("/emulator/ui/app.js", { host: `attacker.example:${h.port}` }), 403)
      assert.strictEqual(await get("/emulator/v1/users", { origin: "http://attacker.example" }), 403)
      assert.strictEqual(await get("/emulator/v1/requests", { origin: `http://localhost:${h.port}` }), 200)
    }))
})
