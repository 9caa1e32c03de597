/**
 * The same SDK over real HTTP: the emulator served on 127.0.0.1 (a free port), and the SDK on each transport: its
 * own lean `FetchClient` and @effect/platform's `FetchHttpClient`.
 * Real clock (`it.live`): retries and timeouts take real time here (well under a second each).
 */
import { assert, describe, it } from "@effect/vitest"
import * as FetchHttpClient from "@effect/platform/FetchHttpClient"
import * as HttpClient from "@effect/platform/HttpClient"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as jose from "jose"
import { vi } from "vitest"
import { randomUUID } from "node:crypto"
import * as http from "node:http"
import type { AddressInfo } from "node:net"
import { StytchEmulator } from "effect-stytch/testing"
import { FetchClient, Sessions, Stytch, type StytchConfig, Users } from "../src/index.js"

// Each emulator generates a 2048-bit RSA signing key: slow on a busy machine, so allow more than the 5 s default.
vi.setConfig({ testTimeout: 30_000 })

describe.each([
  ["FetchClient", FetchClient.layer],
  ["FetchHttpClient", FetchHttpClient.layer]
] as const)("loopback HTTP over %s", (_, client) => {
/** The SDK pointed at the running loopback server, with optional config overrides (secret, timeout, ...). */
const sdk = (overrides: Partial<StytchConfig.Options> = {}) =>
  Layer.unwrapEffect(Effect.gen(function*() {
    const emulator = yield* StytchEmulator.StytchEmulator
    const server = yield* StytchEmulator.EmulatorServer
    return Stytch.layer({
      projectId: emulator.projectId,
      secret: emulator.secret,
      baseUrl: server.url,
      fraudBaseUrl: server.url,
      ...overrides
    })
  })).pipe(Layer.provide(client))

/** A loopback emulator on a free port and the SDK talking to it; both live as long as the test. */
const loopback = <A, E, R>(effect: Effect.Effect<A, E, R>) =>
  Effect.provide(effect, StytchEmulator.layerStytchServer({ client }))

const uniqueEmail = (name = "l") => `${name}-${randomUUID().slice(0, 8)}@loopback.example.test`

/** JSON over plain fetch, for the REST controls. */
const fetchJson = (url: string, init?: RequestInit) =>
  Effect.promise(async () => {
    const response = await fetch(url, init)
    return { status: response.status, body: await response.json() as any }
  })

const post = (url: string, body: unknown) =>
  fetchJson(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) })

  it.live("EmulatorServer listens on 127.0.0.1 with a real port", () =>
    loopback(Effect.gen(function*() {
      const server = yield* StytchEmulator.EmulatorServer
      assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+$/)
      assert.isAbove(server.port, 0)
      assert.strictEqual(server.url, `http://127.0.0.1:${server.port}`)
    })))

  it.live("users create, get, search and delete", () =>
    loopback(Effect.gen(function*() {
      const users = yield* Users.Users
      const email = uniqueEmail()
      const created = yield* users.create({ email, name: { first_name: "Lin" }, trusted_metadata: { n: 1 } })
      const got = yield* users.get({ user_id: created.user_id })
      assert.strictEqual(got.emails[0]!.email, email)
      assert.deepStrictEqual(got.name, { first_name: "Lin", middle_name: "", last_name: "" })
      assert.deepStrictEqual(got.trusted_metadata, { n: 1 })
      const found = yield* users.search({
        query: { operator: "AND", operands: [{ filter_name: "email_address", filter_value: [email] }] }
      })
      assert.deepStrictEqual(found.results.map((u) => u.user_id), [created.user_id])
      yield* users.delete({ user_id: created.user_id })
      const after = yield* users.search({
        query: { operator: "AND", operands: [{ filter_name: "email_address", filter_value: [email] }] }
      })
      assert.strictEqual(after.results.length, 0)
    })))

  it.live("typed failures: UserNotFound and DuplicateEmail, with the state unchanged", () =>
    loopback(Effect.gen(function*() {
      const users = yield* Users.Users
      const missing = yield* users.get({ user_id: `user-test-${randomUUID()}` }).pipe(Effect.flip)
      assert.strictEqual(missing._tag, "UserNotFound")
      if (missing._tag === "UserNotFound") assert.strictEqual(missing.status_code, 404)

      const email = uniqueEmail("dup")
      const first = yield* users.create({ email })
      const dup = yield* users.create({ email: email.toUpperCase() }).pipe(Effect.flip)
      assert.strictEqual(dup._tag, "DuplicateEmail")
      const found = yield* users.search({
        query: { operator: "AND", operands: [{ filter_name: "email_address", filter_value: [email] }] }
      })
      assert.deepStrictEqual(found.results.map((u) => u.user_id), [first.user_id])
    })))

  it.live("a wrong secret fails UnauthorizedCredentials", () =>
    loopback(Effect.gen(function*() {
      const wrong = Effect.flatMap(Users.Users, (users) => users.get({ user_id: `user-test-${randomUUID()}` })).pipe(
        Effect.provide(sdk({ secret: "secret-test-wrong" }))
      )
      const error = yield* Effect.flip(wrong)
      assert.strictEqual(error._tag, "UnauthorizedCredentials")
      if (error._tag === "UnauthorizedCredentials") assert.strictEqual(error.status_code, 401)
    })))

  it.live("getJWKS and authenticateJwtLocal of a seeded session JWT (seeded through the service and over REST)", () =>
    loopback(Effect.gen(function*() {
      const emulator = yield* StytchEmulator.StytchEmulator
      const server = yield* StytchEmulator.EmulatorServer
      const sessions = yield* Sessions.Sessions
      const user = yield* (yield* Users.Users).create({ email: uniqueEmail("jwt") })

      const jwks = yield* sessions.getJWKS({ project_id: emulator.projectId })
      const seeded = yield* emulator.seedSession({ user_id: user.user_id, custom_claims: { plan: "pro" } })
      assert.include(jwks.keys.map((k) => k.kid), jose.decodeProtectedHeader(seeded.session_jwt).kid)
      const session = yield* sessions.authenticateJwtLocal({ session_jwt: seeded.session_jwt })
      assert.strictEqual(session.session_id, seeded.session_id)
      assert.strictEqual(session.user_id, user.user_id)
      assert.deepStrictEqual(session.custom_claims, { plan: "pro" })

      const overRest = yield* post(`${server.url}/emulator/v1/sessions`, {
        user_id: user.user_id,
        session_duration_minutes: 15
      })
      assert.strictEqual(overRest.status, 200)
      const restSession = yield* sessions.authenticateJwtLocal({ session_jwt: overRest.body.session_jwt })
      assert.strictEqual(restSession.session_id, overRest.body.session_id)
      const remote = yield* sessions.authenticate({ session_token: overRest.body.session_token })
      assert.strictEqual(remote.session.session_id, overRest.body.session_id)
      // A broken seed request is a 400 with the reason, not a crash.
      const unknown = yield* post(`${server.url}/emulator/v1/sessions`, { user_id: `user-test-${randomUUID()}` })
      assert.strictEqual(unknown.status, 400)
      assert.match(unknown.body.error, /no user/)
    })))

  it.live("REST controls: the outbox, and a queued 503 that one retry absorbs", () =>
    Effect.gen(function*() {
      const requests: Array<string> = []
      const counted = Effect.gen(function*() {
        const server = yield* StytchEmulator.EmulatorServer
        const users = yield* Users.Users
        const outbox = yield* fetchJson(`${server.url}/emulator/v1/outbox`)
        assert.strictEqual(outbox.status, 200)
        assert.deepStrictEqual(outbox.body, { messages: [] })

        const user = yield* users.create({ email: uniqueEmail("retry") })
        requests.length = 0
        const queued = yield* post(`${server.url}/emulator/v1/faults`, { status: 503, count: 1 })
        assert.deepStrictEqual(queued.body, { queued: true })
        const started = Date.now()
        const got = yield* users.get({ user_id: user.user_id })
        assert.strictEqual(got.user_id, user.user_id)
        // Two attempts, the second after the first backoff (0.5 s with up to 25% jitter).
        assert.strictEqual(requests.length, 2)
        assert.isAtLeast(Date.now() - started, 370)
      })
      const layer = sdk({
        transformClient: HttpClient.tapRequest((request) => Effect.sync(() => requests.push(request.url)))
      }).pipe(Layer.provideMerge(StytchEmulator.layerServer({ port: 0 })))
      yield* Effect.provide(counted, layer)
    }))

  it.live("a delayed answer beyond the SDK timeout fails StytchTransportError with reason Timeout", () =>
    loopback(Effect.gen(function*() {
      const server = yield* StytchEmulator.EmulatorServer
      const user = yield* (yield* Users.Users).create({ email: uniqueEmail("slow") })
      yield* post(`${server.url}/emulator/v1/faults`, { delayMillis: 3000, count: 1 })
      const started = Date.now()
      const error = yield* Effect.flatMap(Users.Users, (users) => users.get({ user_id: user.user_id })).pipe(
        Effect.provide(sdk({ timeout: "500 millis", maxRetries: 0 })),
        Effect.flip
      )
      assert.strictEqual(error._tag, "StytchTransportError")
      if (error._tag === "StytchTransportError") {
        assert.strictEqual(error.reason, "Timeout")
        assert.strictEqual(error.method, "GET")
        assert.include(error.url, server.url)
      }
      assert.isBelow(Date.now() - started, 2500)
    })))

  it.live("a closed port fails StytchTransportError with reason Transport", () =>
    Effect.gen(function*() {
      // Take a free port, then free it again: nothing listens there any more.
      const port = yield* Effect.promise(() =>
        new Promise<number>((resolve) => {
          const server = http.createServer()
          server.listen(0, "127.0.0.1", () => {
            const { port } = server.address() as AddressInfo
            server.close(() => resolve(port))
          })
        })
      )
      const baseUrl = `http://127.0.0.1:${port}`
      const error = yield* Effect.flatMap(Users.Users, (users) => users.get({ user_id: `user-test-${randomUUID()}` })).pipe(
        Effect.provide(
          Stytch.layer({
            projectId: "project-test-00000000-0000-4000-8000-000000000000",
            secret: "secret-test-emulator",
            baseUrl,
            maxRetries: 0
          }).pipe(Layer.provide(client))
        ),
        Effect.flip
      )
      assert.strictEqual(error._tag, "StytchTransportError")
      if (error._tag === "StytchTransportError") {
        assert.strictEqual(error.reason, "Transport")
        assert.include(error.url, baseUrl)
      }
    }))
})
