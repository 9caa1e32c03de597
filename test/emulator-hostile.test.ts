/**
 * Hostile input against the emulator over loopback (raw `node:http`) and in-process: every malformed, oversized,
 * deeply nested or wrongly encoded request is a 4xx with a Stytch error body, a failed request changes nothing, and
 * after all of it the process still answers a normal request.
 */
import { assert, describe, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Redacted from "effect/Redacted"
import { vi } from "vitest"
import * as http from "node:http"
import { StytchEmulator } from "effect-stytch/testing"
import { type AppState, handle } from "../emulator/src/internal/app.js"
import { SigningKeys } from "../emulator/src/internal/jwt.js"
import { defaultSettings, Store } from "../emulator/src/internal/store.js"
import { basicAuth, type Harness, json, raw, type RawResponse, withServer } from "./support/raw.js"

vi.setConfig({ testTimeout: 60_000 })

/** A Stytch error body with this status and error_type. */
const assertStytchError = (response: RawResponse, status: number, error_type: string) => {
  assert.strictEqual(response.status, status, response.text)
  assert.strictEqual(response.headers["content-type"], "application/json")
  assert.strictEqual(response.json.status_code, status)
  assert.strictEqual(response.json.error_type, error_type)
  assert.isString(response.json.error_message)
  assert.match(response.json.request_id, /^request-id-test-/)
}

const nested = (depth: number, leaf = "\"x\"") => "[".repeat(depth) + leaf + "]".repeat(depth)
const nestedObject = (depth: number) => "{\"a\":".repeat(depth) + "1" + "}".repeat(depth)

/** A normal authenticated request: the process is alive and well. */
const assertAlive = async ({ auth, url }: Harness) => {
  const response = await raw(url, { method: "POST", path: "/v1/users/search", headers: json(auth), body: "{}" })
  assert.strictEqual(response.status, 200, response.text)
}

/**
 * Streams `total` bytes of a JSON-ish body (chunked, no content-length) until the server answers or closes;
 * resolves with the answer (if any) and how many bytes were written.
 */
const streamHuge = (url: string, headers: Record<string, string>, total: number) =>
  new Promise<{ readonly status: number | undefined; readonly body: string; readonly written: number }>((resolve) => {
    const { hostname, port } = new URL(url)
    const req = http.request({ host: hostname, port, method: "POST", path: "/v1/users", headers, agent: false })
    const chunk = Buffer.alloc(1 << 20, "a")
    let written = 0
    let status: number | undefined
    let body = ""
    let finished = false
    const finish = () => {
      if (finished) return
      finished = true
      req.destroy()
      resolve({ status, body, written })
    }
    req.on("response", (res) => {
      status = res.statusCode
      res.on("data", (c: Buffer) => body += c.toString("utf8"))
      res.on("end", finish)
      res.on("error", finish)
    })
    req.on("error", finish)
    req.on("close", finish)
    const pump = () => {
      while (!finished && written < total) {
        written += chunk.length
        if (!req.write(chunk)) return void req.once("drain", pump)
      }
      if (!finished) req.end()
    }
    req.write("{\"email\":\"")
    pump()
  })

describe("emulator: hostile input over loopback", () => {
  it.live("a fault with a non-string rawBody is refused (it used to kill the process at the next request)", () =>
    withServer(async (h) => {
      const queued = await raw(h.url, {
        method: "POST",
        path: "/emulator/v1/faults",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ status: 502, rawBody: 123 })
      })
      assert.strictEqual(queued.status, 400)
      assert.include(queued.json.error, "rawBody")
      await assertAlive(h)
    }))

  it.live("a body over maxBodyBytes is a 413 with a Stytch body, read no further; the default is 1 MiB", () =>
    withServer(async (h) => {
      const big = JSON.stringify({ email: "a@example.com", name: { first_name: "x".repeat(1 << 20) } })
      assertStytchError(
        await raw(h.url, { method: "POST", path: "/v1/users", headers: json(h.auth), body: big }),
        413,
        "request_too_large"
      )
      // 600 MB streamed without a content-length: the server stops reading near the cap and answers.
      const streamed = await streamHuge(h.url, json(h.auth), 600 * (1 << 20))
      assert.strictEqual(streamed.status, 413)
      assert.strictEqual(JSON.parse(streamed.body).error_type, "request_too_large")
      assert.isBelow(streamed.written, 200 * (1 << 20))
      await assertAlive(h)
    }))

  it.live("maxBodyBytes is configurable", () =>
    withServer(async (h) => {
      const body = JSON.stringify({ email: "configurable@example.com" })
      assertStytchError(
        await raw(h.url, { method: "POST", path: "/v1/users", headers: json(h.auth), body }),
        413,
        "request_too_large"
      )
    }, { maxBodyBytes: 16 }))

  it.live("credentials are checked from the headers, before a (huge) body is read", () =>
    withServer(async (h) => {
      const streamed = await streamHuge(h.url, { "content-type": "application/json" }, 600 * (1 << 20))
      assert.strictEqual(streamed.status, 401)
      assert.strictEqual(JSON.parse(streamed.body).error_type, "unauthorized_credentials")
      assert.isBelow(streamed.written, 200 * (1 << 20))
      await assertAlive(h)
    }))

  it.live("malformed percent-encoding in a path is a 400 with a Stytch body", () =>
    withServer(async (h) => {
      for (const path of ["/v1/users/%zz", "/v1/users/%", "/v1/sessions/jwks/%FF", "/v1/public/%zz/oauth2/token"]) {
        const response = await raw(h.url, { path, headers: { authorization: h.auth } })
        assert.strictEqual(response.status, 400, `${path}: ${response.text}`)
        assert.strictEqual(response.headers["content-type"], "application/json")
      }
      assertStytchError(await raw(h.url, { path: "/v1/users/%zz", headers: { authorization: h.auth } }), 400, "bad_request")
      await assertAlive(h)
    }))

  it.live("JSON nested thousands deep is a 400 bad_request", () =>
    withServer(async (h) => {
      const body = `{"email": ${nested(5000)}}`
      assertStytchError(await raw(h.url, { method: "POST", path: "/v1/users", headers: json(h.auth), body }), 400, "bad_request")
      await assertAlive(h)
    }))

  it.live("users.create with trusted_metadata nested 5000 deep fails and stores nothing; search still works", () =>
    withServer(async (h) => {
      const body = `{"email":"deep@example.com","trusted_metadata":${nestedObject(5000)}}`
      assertStytchError(await raw(h.url, { method: "POST", path: "/v1/users", headers: json(h.auth), body }), 400, "bad_request")
      const search = await raw(h.url, { method: "POST", path: "/v1/users/search", headers: json(h.auth), body: "{}" })
      assert.strictEqual(search.status, 200, search.text)
      assert.deepStrictEqual(search.json.results, [])
    }))

  it.live("a body that is not UTF-8 is a 400", () =>
    withServer(async (h) => {
      const body = Buffer.concat([Buffer.from("{\"email\":\""), Buffer.from([0xff, 0xfe]), Buffer.from("@example.com\"}")])
      assertStytchError(await raw(h.url, { method: "POST", path: "/v1/users", headers: json(h.auth), body }), 400, "bad_request")
      await assertAlive(h)
    }))

  it.live("the JWKS is served without credentials, as Stytch serves it", () =>
    withServer(async (h) => {
      const response = await raw(h.url, { path: `/v1/sessions/jwks/${h.emulator.projectId}` })
      assert.strictEqual(response.status, 200, response.text)
      assert.isAbove(response.json.keys.length, 0)
      // Every other route still demands them.
      assertStytchError(
        await raw(h.url, { method: "POST", path: "/v1/users/search", body: "{}" }),
        401,
        "unauthorized_credentials"
      )
    }))

  it.live("every case above in a row, then a normal request answers 200", () =>
    withServer(async (h) => {
      const control = (body: unknown) =>
        raw(h.url, {
          method: "POST",
          path: "/emulator/v1/faults",
          headers: { "content-type": "application/json" },
          body: JSON.stringify(body)
        })
      for (const fault of [{ status: 502, rawBody: 123 }, {}, { code: 503 }, { status: "abc" }, { status: 42 }, { status: 503, count: 2e7 }]) {
        assert.strictEqual((await control(fault)).status, 400, JSON.stringify(fault))
      }
      await streamHuge(h.url, { "content-type": "application/json" }, 64 * (1 << 20))
      await streamHuge(h.url, json(h.auth), 64 * (1 << 20))
      for (const path of ["/v1/users/%zz", "/v1/users/%", "/v1/sessions/jwks/%FF"]) await raw(h.url, { path })
      await raw(h.url, { method: "POST", path: "/v1/users", headers: json(h.auth), body: `{"email": ${nested(5000)}}` })
      await raw(h.url, {
        method: "POST",
        path: "/v1/users",
        headers: json(h.auth),
        body: `{"email":"d@example.com","trusted_metadata":${nestedObject(5000)}}`
      })
      await raw(h.url, { method: "PATCH", path: "/emulator/v1/settings", headers: { "content-type": "application/json" }, body: "{\"otpMaxAttempts\":\"many\"}" })
      await assertAlive(h)
    }))
})

describe("emulator: hostile input in-process", () => {
  it.effect("handle answers malformed paths and deep bodies with 400s, never a failure", () =>
    Effect.gen(function*() {
      const emulator = yield* StytchEmulator.make()
      const authorization = basicAuth(emulator.projectId, Redacted.value(emulator.secret))
      const headers = { authorization, "content-type": "application/json" }
      const percent = yield* emulator.handle({ method: "GET", url: "/v1/users/%zz", headers, body: "" })
      assert.strictEqual(percent.status, 400)
      assert.strictEqual(JSON.parse(percent.body).error_type, "bad_request")
      const deep = yield* emulator.handle({
        method: "POST",
        url: "/v1/users",
        headers,
        body: `{"email":"in@example.com","trusted_metadata":${nestedObject(5000)}}`
      })
      assert.strictEqual(deep.status, 400)
      assert.strictEqual(JSON.parse(deep.body).error_type, "bad_request")
      const search = yield* emulator.handle({ method: "POST", url: "/v1/users/search", headers, body: "{}" })
      assert.strictEqual(search.status, 200)
      assert.deepStrictEqual(JSON.parse(search.body).results, [])
    }))
})

describe("emulator: a defect in the pipeline", () => {
  it.effect("becomes a 500 with a Stytch error body, not a failed or dead effect", () =>
    Effect.gen(function*() {
      const store = new Store(defaultSettings("project-test-defect", "secret-test-defect"))
      const state: AppState = {
        store,
        keys: new SigningKeys("project-test-defect"),
        faults: [],
        handlers: {} as AppState["handlers"],
        control: () => {
          throw new Error("a broken control")
        }
      }
      const response = yield* handle(state, { method: "GET", url: "/v1/users/x", headers: {}, body: "" }, "http://x")
      assert.strictEqual(response.status, 500)
      const body = JSON.parse(response.body)
      assert.strictEqual(body.error_type, "internal_server_error")
      assert.strictEqual(body.status_code, 500)
      assert.match(body.request_id, /^request-id-test-/)
    }))
})
