/**
 * The REST controls: validated by closed schemas (a 400 naming the field, nothing changed), guarded against other
 * sites and DNS rebinding (Host, Origin, content-type), and `reset` forgetting exactly what it says.
 */
import { assert, describe, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import { vi } from "vitest"
import { StytchEmulator } from "effect-stytch/testing"
import { type Harness, json, raw, withServer } from "./support/raw.js"

vi.setConfig({ testTimeout: 30_000 })

const JSON_TYPE = { "content-type": "application/json" }

const control = (h: Harness, method: string, path: string, body?: unknown, headers: Record<string, string> = JSON_TYPE) =>
  raw(h.url, {
    method,
    path: `/emulator/v1${path}`,
    headers,
    ...(body === undefined ? {} : { body: typeof body === "string" ? body : JSON.stringify(body) })
  })

const createUser = async (h: Harness, email: string) => {
  const created = await raw(h.url, { method: "POST", path: "/v1/users", headers: json(h.auth), body: JSON.stringify({ email }) })
  assert.strictEqual(created.status, 201, created.text)
  return created.json.user_id as string
}

const userCount = async (h: Harness) => {
  const search = await raw(h.url, { method: "POST", path: "/v1/users/search", headers: json(h.auth), body: "{}" })
  assert.strictEqual(search.status, 200, search.text)
  return (search.json.results as Array<unknown>).length
}

describe("emulator controls: the guard", () => {
  it.live("a foreign Host (DNS rebinding) cannot read the outbox", () =>
    withServer(async (h) => {
      const foreign = await control(h, "GET", "/outbox", undefined, { host: `attacker.example:${h.port}` })
      assert.strictEqual(foreign.status, 403)
      assert.include(foreign.json.error, "Host")
      const wrongPort = await control(h, "GET", "/outbox", undefined, { host: `127.0.0.1:${h.port + 1}` })
      assert.strictEqual(wrongPort.status, 403)
      for (const host of [`127.0.0.1:${h.port}`, `localhost:${h.port}`, `app.localhost:${h.port}`]) {
        assert.strictEqual((await control(h, "GET", "/outbox", undefined, { host })).status, 200, host)
      }
    }))

  it.live("a cross-site text/plain POST /reset (with or without a foreign Origin) wipes nothing", () =>
    withServer(async (h) => {
      await createUser(h, "kept@example.com")
      const crossSite = await control(h, "POST", "/reset", "{}", {
        "content-type": "text/plain",
        origin: "http://attacker.example"
      })
      assert.strictEqual(crossSite.status, 403)
      const plain = await control(h, "POST", "/reset", "{}", { "content-type": "text/plain" })
      assert.strictEqual(plain.status, 415)
      const foreignJson = await control(h, "POST", "/reset", "{}", { ...JSON_TYPE, origin: "http://attacker.example" })
      assert.strictEqual(foreignJson.status, 403)
      assert.strictEqual(await userCount(h), 1)
      // Same-origin JSON is allowed.
      const own = await control(h, "POST", "/reset", "{}", { ...JSON_TYPE, origin: `http://localhost:${h.port}` })
      assert.strictEqual(own.status, 200, own.text)
      assert.strictEqual(await userCount(h), 0)
    }))
})

describe("emulator controls: validation", () => {
  it.live("faults: every malformed fault is a 400 naming the field, and nothing is queued", () =>
    withServer(async (h) => {
      const cases: Array<[unknown, string]> = [
        [{}, "status"],
        [{ code: 503 }, "code"],
        [{ status: "abc" }, "status"],
        [{ status: 42 }, "status"],
        [{ status: 502, rawBody: 123 }, "rawBody"],
        [{ status: 503, count: 2e7 }, "count"],
        [{ status: 503, retryAfter: "1\r\nx: y" }, "retryAfter"],
        [{ rawBody: "<html>" }, "status"]
      ]
      for (const [fault, field] of cases) {
        const response = await control(h, "POST", "/faults", fault)
        assert.strictEqual(response.status, 400, JSON.stringify(fault))
        assert.include(response.json.error, field, JSON.stringify(fault))
      }
      // Nothing was queued: the next API request is answered normally.
      assert.strictEqual(await userCount(h), 0)
      const ok = await control(h, "POST", "/faults", { status: 503, count: 2 })
      assert.deepStrictEqual(ok.json, { queued: true })
      const failed = await raw(h.url, { method: "POST", path: "/v1/users/search", headers: json(h.auth), body: "{}" })
      assert.strictEqual(failed.status, 503)
    }))

  it.live("settings: a wrongly typed or unknown field is a 400 naming it and changes nothing", () =>
    withServer(async (h) => {
      const before = (await control(h, "GET", "/settings")).json
      for (const [patch, field] of [
        [{ otpMaxAttempts: "many" }, "otpMaxAttempts"],
        [{ otpMaxAttempts: 0 }, "otpMaxAttempts"],
        [{ passwordPolicy: { policy: "strong" } }, "policy"],
        [{ passwordPolicy: { ludsMinLength: "8" } }, "ludsMinLength"],
        [{ color: "blue" }, "color"],
        [{ secret: "mine" }, "secret"]
      ] as const) {
        const response = await control(h, "PATCH", "/settings", patch)
        assert.strictEqual(response.status, 400, JSON.stringify(patch))
        assert.include(response.json.error, field)
      }
      assert.deepStrictEqual((await control(h, "GET", "/settings")).json, before)
    }))

  it.live("settings: a partial password policy is deep-merged; strength_check still answers", () =>
    withServer(async (h) => {
      const patched = await control(h, "PATCH", "/settings", { passwordPolicy: { policy: "luds" } })
      assert.strictEqual(patched.status, 200, patched.text)
      assert.deepStrictEqual(patched.json.passwordPolicy, {
        policy: "luds",
        ludsMinLength: 8,
        ludsMinCharTypes: 3,
        checkBreached: true
      })
      const check = await raw(h.url, {
        method: "POST",
        path: "/v1/passwords/strength_check",
        headers: json(h.auth),
        body: JSON.stringify({ password: "short" })
      })
      assert.strictEqual(check.status, 200, check.text)
      assert.strictEqual(check.json.strength_policy, "luds")
      assert.strictEqual(check.json.valid_password, false)
    }))

  it.live("outbox: an unknown kind or channel filter is a 400, not an empty list", () =>
    withServer(async (h) => {
      const kind = await control(h, "GET", "/outbox?kind=bogus", undefined, {})
      assert.strictEqual(kind.status, 400)
      assert.include(kind.json.error, "kind")
      const channel = await control(h, "GET", "/outbox?channel=pigeon", undefined, {})
      assert.strictEqual(channel.status, 400)
      const unknown = await control(h, "GET", "/outbox?sender=x", undefined, {})
      assert.strictEqual(unknown.status, 400)
      assert.strictEqual((await control(h, "GET", "/outbox?kind=otp", undefined, {})).status, 200)
    }))

  it.live("seeding controls refuse unknown keys", () =>
    withServer(async (h) => {
      const response = await control(h, "POST", "/sessions", { user_id: "user-test-x", session_minutes: 5 })
      assert.strictEqual(response.status, 400)
      assert.include(response.json.error, "session_minutes")
    }))
})

describe("emulator controls: reset", () => {
  it.live("reset forgets the settings too; keepSettings keeps them", () =>
    withServer(async (h) => {
      await control(h, "PATCH", "/settings", { otpMaxAttempts: 9 })
      await createUser(h, "one@example.com")
      assert.strictEqual((await control(h, "POST", "/reset", { keepSettings: true })).status, 200)
      assert.strictEqual(await userCount(h), 0)
      assert.strictEqual((await control(h, "GET", "/settings")).json.otpMaxAttempts, 9)
      assert.strictEqual((await control(h, "POST", "/reset")).status, 200)
      assert.strictEqual((await control(h, "GET", "/settings")).json.otpMaxAttempts, 5)
      assert.strictEqual((await control(h, "POST", "/reset", { keep: true })).status, 400)
    }, {}, { settings: { projectName: "Initial" } }))

  it.effect("reset restores the settings the emulator was made with", () =>
    Effect.gen(function*() {
      const emulator = yield* StytchEmulator.make({ settings: { projectName: "Initial" } })
      yield* emulator.updateSettings({ projectName: "Changed" })
      yield* emulator.reset
      assert.strictEqual((yield* emulator.settings).projectName, "Initial")
    }))

  it.effect("updateSettings and failNext die on invalid input, changing nothing", () =>
    Effect.gen(function*() {
      const emulator = yield* StytchEmulator.make()
      const bad = yield* Effect.exit(emulator.updateSettings({ otpMaxAttempts: "many" as any }))
      assert.isTrue(Exit.isFailure(bad))
      assert.strictEqual((yield* emulator.settings).otpMaxAttempts, 5)
      const fault = yield* Effect.exit(emulator.failNext({ rawBody: 123 as any, status: 502 }))
      assert.isTrue(Exit.isFailure(fault))
      const tooMany = yield* Effect.exit(emulator.failNext({ status: 503 }, 2e7))
      assert.isTrue(Exit.isFailure(tooMany))
    }))
})

describe("emulator controls: the service's updateSettings", () => {
  it.effect("userinfoUrl: null (as over REST) and undefined each remove the UserInfo URL", () =>
    Effect.gen(function*() {
      const emulator = yield* StytchEmulator.StytchEmulator
      for (const removal of [null, undefined]) {
        const set = yield* emulator.updateSettings({ userinfoUrl: "https://userinfo.example/v1" })
        assert.strictEqual(set.userinfoUrl, "https://userinfo.example/v1")
        const removed = yield* emulator.updateSettings({ userinfoUrl: removal })
        assert.isFalse("userinfoUrl" in removed && removed.userinfoUrl !== undefined, String(removal))
      }
    }).pipe(Effect.provide(StytchEmulator.layer())))
})
