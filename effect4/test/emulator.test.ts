/**
 * The Effect 4 testing entry (`effect-stytch/effect4/testing`): the emulator's plain core bridged into Effect 4,
 * in-process (`layer`, `layerStytch`) and over loopback (`layerServer`, `layerStytchServer`). Time is the caller's
 * `Clock`: `TestClock` moves sessions and delay faults, and without it the emulator's time is the real one.
 */
import { assert, describe, it, layer } from "@effect/vitest"
import * as Cause from "effect/Cause"
import * as Clock from "effect/Clock"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Fiber from "effect/Fiber"
import * as Layer from "effect/Layer"
import * as Redacted from "effect/Redacted"
import * as Stream from "effect/Stream"
import * as FetchHttpClient from "effect/http/FetchHttpClient"
import * as HttpClient from "effect/http/HttpClient"
import * as HttpClientRequest from "effect/http/HttpClientRequest"
import { TestClock } from "effect/testing"
import * as stytch from "stytch"
import { vi } from "vitest"
import { randomUUID } from "node:crypto"
import { MagicLinks, Sessions, StytchError, Users } from "effect-stytch/effect4"
import { StytchEmulator } from "effect-stytch/effect4/testing"

// Each emulator generates a 2048-bit RSA signing key: slow on a busy machine.
vi.setConfig({ testTimeout: 30_000 })
// The official client warns about a non-Stytch `env`.
vi.spyOn(console, "warn").mockImplementation(() => {})

const uniqueEmail = (tag: string) => `${tag}-${randomUUID().slice(0, 8)}@effect4.example.test`
/** 2031-01-01T00:00:00Z, as the API writes times. */
const T0 = Date.UTC(2031, 0, 1)
const iso = (millis: number) => new Date(millis).toISOString().replace(".000Z", "Z")

interface WireUser {
  readonly user_id: string
  readonly created_at: string
  readonly emails: ReadonlyArray<{ readonly email: string }>
}

/** Basic auth with the emulator's project credentials. */
const withCredentials = (emulator: StytchEmulator.Service) =>
  HttpClientRequest.basicAuth(emulator.projectId, Redacted.value(emulator.secret))

/** POST /v1/users and GET /v1/users/{id} as raw requests through the provided `HttpClient`, to `base`. */
const createAndReadRaw = (base: string, email: string) =>
  Effect.gen(function*() {
    const client = yield* HttpClient.HttpClient
    const emulator = yield* StytchEmulator.StytchEmulator
    const created = yield* client.execute(
      HttpClientRequest.post(`${base}/v1/users`).pipe(
        withCredentials(emulator),
        HttpClientRequest.bodyJsonUnsafe({ email })
      )
    )
    assert.strictEqual(created.status, 201)
    const { user_id } = (yield* created.json) as { user_id: string }
    const read = yield* client.execute(
      HttpClientRequest.get(`${base}/v1/users/${user_id}`).pipe(withCredentials(emulator))
    )
    assert.strictEqual(read.status, 200)
    const user = (yield* read.json) as unknown as WireUser
    assert.strictEqual(user.user_id, user_id)
    assert.deepStrictEqual(user.emails.map((e) => e.email), [email])
    return user
  })

/** The defect of a failed exit (a control that died), or a failure of the test. */
const defectOf = <A, E>(exit: Exit.Exit<A, E>): unknown => {
  assert.isTrue(Exit.isFailure(exit), "expected a failure")
  if (!Exit.isFailure(exit)) return undefined
  assert.isTrue(Cause.hasDies(exit.cause), "expected a defect")
  return Cause.squash(exit.cause)
}

describe("in-process: StytchEmulator.layer", () => {
  it.effect("a user created and read through raw requests, at the caller's TestClock time", () =>
    Effect.gen(function*() {
      yield* TestClock.setTime(T0)
      const user = yield* createAndReadRaw(StytchEmulator.inProcessBaseUrl, uniqueEmail("raw"))
      assert.strictEqual(user.created_at, iso(T0))
      // handle, directly: the same state.
      const emulator = yield* StytchEmulator.StytchEmulator
      const answer = yield* emulator.handle({ method: "GET", url: `/v1/users/${user.user_id}`, headers: {} })
      assert.strictEqual(answer.status, 401)
      yield* TestClock.adjust("1 hour")
      assert.strictEqual((yield* emulator.exportState).exported_at, iso(T0 + 3_600_000))
    }).pipe(Effect.provide(StytchEmulator.layer())))

  it.live("without TestClock the emulator's time is the real clock", () =>
    Effect.gen(function*() {
      const user = yield* createAndReadRaw(StytchEmulator.inProcessBaseUrl, uniqueEmail("live"))
      assert.isBelow(Math.abs(Date.parse(user.created_at) - Date.now()), 60_000)
    }).pipe(Effect.provide(StytchEmulator.layer())))

  it.effect("a delay fault advances only with TestClock", () =>
    Effect.gen(function*() {
      const emulator = yield* StytchEmulator.StytchEmulator
      const client = yield* HttpClient.HttpClient
      const user = yield* createAndReadRaw(StytchEmulator.inProcessBaseUrl, uniqueEmail("delay"))
      yield* emulator.failNext({ delayMillis: 60_000, status: 503 })
      const request = HttpClientRequest.get(`${StytchEmulator.inProcessBaseUrl}/v1/users/${user.user_id}`).pipe(
        withCredentials(emulator)
      )
      const fiber = yield* Effect.forkChild(client.execute(request))
      yield* TestClock.adjust("59999 millis")
      assert.isUndefined(fiber.pollUnsafe(), "still waiting one millisecond before the delay ends")
      // Real time does not move it either.
      yield* TestClock.withLive(Effect.sleep("50 millis"))
      assert.isUndefined(fiber.pollUnsafe())
      yield* TestClock.adjust("1 millis")
      const response = yield* Fiber.join(fiber)
      assert.strictEqual(response.status, 503)
      // The fault is used up: the next request is answered at once, on the same clock.
      assert.strictEqual((yield* client.execute(request)).status, 200)
    }).pipe(Effect.provide(StytchEmulator.layer())))

  it.effect("controls' failures: a bad patch or fault dies with the message, garbage fails ImportStateError", () =>
    Effect.gen(function*() {
      const emulator = yield* StytchEmulator.StytchEmulator
      const before = yield* emulator.settings
      const patch = defectOf(yield* Effect.exit(emulator.updateSettings({ otpMaxAttempts: "many" } as never)))
      assert.instanceOf(patch, Error)
      assert.match((patch as Error).message, /^updateSettings: .*otpMaxAttempts/)
      assert.deepStrictEqual(yield* emulator.settings, before)
      const fault = defectOf(yield* Effect.exit(emulator.failNext({})))
      assert.match((fault as Error).message, /^failNext: /)
      const seed = defectOf(yield* Effect.exit(emulator.seedSession({ user_id: "user-test-nobody" })))
      assert.strictEqual((seed as Error).message, "seedSession: no user user-test-nobody")
      for (const garbage of ["not json {", { version: 999 }, 42]) {
        const refused = yield* Effect.flip(emulator.importState(garbage))
        assert.instanceOf(refused, StytchEmulator.ImportStateError)
        assert.strictEqual(refused._tag, "ImportStateError")
        assert.match(refused.message, /^The saved state was refused: /)
      }
      // A state round-trips.
      yield* emulator.importState(yield* emulator.exportState)
      const broken = yield* Effect.exit(Layer.build(StytchEmulator.layer({ settings: { otpMaxAttempts: -1 } })))
      assert.match((defectOf(broken) as Error).message, /^StytchEmulator settings: .*otpMaxAttempts/)
    }).pipe(Effect.provide(StytchEmulator.layer())))
})

describe("in-process: request bodies", () => {
  it.effect("a streamed body is read; invalid UTF-8 is answered 400, as the loopback server does", () =>
    Effect.gen(function*() {
      const emulator = yield* StytchEmulator.StytchEmulator
      const client = yield* HttpClient.HttpClient
      const post = HttpClientRequest.post(`${StytchEmulator.inProcessBaseUrl}/v1/users`).pipe(withCredentials(emulator))
      const email = uniqueEmail("stream")
      const bytes = new TextEncoder().encode(JSON.stringify({ email }))
      const streamed = yield* client.execute(
        post.pipe(
          HttpClientRequest.bodyStream(Stream.make(bytes.slice(0, 5), bytes.slice(5)), { contentType: "application/json" })
        )
      )
      assert.strictEqual(streamed.status, 201)
      const created = (yield* streamed.json) as unknown as { readonly user: WireUser }
      assert.deepStrictEqual(created.user.emails.map((e) => e.email), [email])
      const invalid = yield* client.execute(
        post.pipe(HttpClientRequest.bodyUint8Array(new Uint8Array([0x7b, 0xff, 0x7d]), "application/json"))
      )
      assert.strictEqual(invalid.status, 400)
      const refused = (yield* invalid.json) as { error_message: string }
      assert.strictEqual(refused.error_message, "The request body is not valid UTF-8.")
    }).pipe(Effect.provide(StytchEmulator.layer())))
})

// One emulator shared by the tests below (and, with @effect/vitest 4's `layer`, one TestClock): the time of each
// request and control is the Clock of the test that runs it, wherever the layer was built.
layer(StytchEmulator.layerStytch())("a shared layerStytch", (it) => {
  it.effect("a seeded session expires when the test's clock moves", () =>
    Effect.gen(function*() {
      const users = yield* Users.Users
      const sessions = yield* Sessions.Sessions
      const emulator = yield* StytchEmulator.StytchEmulator
      const user = yield* users.create({ email: uniqueEmail("shared-a") })
      const seeded = yield* emulator.seedSession({ user_id: user.user_id, session_duration_minutes: 5 })
      yield* TestClock.adjust("5 minutes")
      const error = yield* Effect.flip(sessions.authenticate({ session_token: seeded.session_token }))
      assert.strictEqual(error._tag, "SessionNotFound")
    }))

  it.effect("a user is created at the test's clock time, wherever it stands", () =>
    Effect.gen(function*() {
      const users = yield* Users.Users
      yield* TestClock.adjust("1 day")
      const now = yield* Clock.currentTimeMillis
      const user = yield* users.create({ email: uniqueEmail("shared-b") })
      assert.strictEqual(user.user.created_at, iso(now))
      // A clock provided to this one effect is the time of its requests too.
      const at = Date.UTC(2032, 5, 1)
      const other = yield* users.create({ email: uniqueEmail("shared-c") }).pipe(
        Effect.provideService(Clock.Clock, { ...(yield* Clock.Clock), currentTimeMillisUnsafe: () => at })
      )
      assert.strictEqual(other.user.created_at, iso(at))
    }))
})

describe("in-process: StytchEmulator.layerStytch", () => {
  it.effect("the SDK creates and reads a user; the raw and the SDK views agree", () =>
    Effect.gen(function*() {
      yield* TestClock.setTime(T0)
      const users = yield* Users.Users
      const email = uniqueEmail("sdk")
      const created = yield* users.create({ email })
      const read = yield* users.get({ user_id: created.user_id })
      assert.strictEqual(read.user_id, created.user_id)
      assert.deepStrictEqual(read.emails.map((e) => e.email), [email])
      assert.strictEqual(read.created_at, iso(T0))
      const raw = yield* createAndReadRaw(StytchEmulator.inProcessBaseUrl, uniqueEmail("raw"))
      assert.strictEqual((yield* users.get({ user_id: raw.user_id })).user_id, raw.user_id)
    }).pipe(Effect.provide(StytchEmulator.layerStytch())))

  it.effect("TestClock.adjust expires a seeded session: sessions.authenticate fails SessionNotFound", () =>
    Effect.gen(function*() {
      const users = yield* Users.Users
      const sessions = yield* Sessions.Sessions
      const emulator = yield* StytchEmulator.StytchEmulator
      const user = yield* users.create({ email: uniqueEmail("expiry") })
      const seeded = yield* emulator.seedSession({ user_id: user.user_id, session_duration_minutes: 5 })
      yield* TestClock.adjust("4 minutes")
      const live = yield* sessions.authenticate({ session_token: seeded.session_token })
      assert.strictEqual(live.session.session_id, seeded.session_id)
      yield* TestClock.adjust("1 minute")
      const error = yield* Effect.flip(sessions.authenticate({ session_token: seeded.session_token }))
      assert.strictEqual(error._tag, "SessionNotFound")
      assert.instanceOf(error, StytchError.SessionNotFound)
      assert.strictEqual((error as StytchError.SessionNotFound).status_code, 404)
    }).pipe(Effect.provide(StytchEmulator.layerStytch())))

  it.effect("the SDK's timeout on TestClock abandons a request stalled by a delay fault", () =>
    Effect.gen(function*() {
      const users = yield* Users.Users
      const emulator = yield* StytchEmulator.StytchEmulator
      const user = yield* users.create({ email: uniqueEmail("stall") })
      yield* emulator.failNext({ delayMillis: 60_000 })
      const fiber = yield* Effect.forkChild(Effect.flip(users.get({ user_id: user.user_id })))
      yield* TestClock.adjust("5 seconds")
      const error = yield* Fiber.join(fiber)
      assert.strictEqual(error._tag, "StytchTransportError")
      assert.strictEqual((error as { readonly reason?: string }).reason, "Timeout")
      // Nothing is left waiting on the clock: the next request is answered without moving it.
      assert.strictEqual((yield* users.get({ user_id: user.user_id })).user_id, user.user_id)
    }).pipe(Effect.provide(StytchEmulator.layerStytch({ timeout: "5 seconds", maxRetries: 0 }))))

  it.effect("a magic link send lands in the outbox, and its token authenticates", () =>
    Effect.gen(function*() {
      const magicLinks = yield* MagicLinks.MagicLinks
      const users = yield* Users.Users
      const emulator = yield* StytchEmulator.StytchEmulator
      const email = uniqueEmail("ml")
      const user = yield* users.create({ email })
      yield* magicLinks.email.send({ email })
      const outbox = yield* emulator.outbox({ to: email })
      assert.deepStrictEqual(outbox.map((m) => [m.kind, m.channel, m.user_id]), [
        ["magic_link_login", "email", user.user_id]
      ])
      const message = yield* emulator.latestMessage({ to: email, kind: "magic_link_login" })
      const authed = yield* magicLinks.authenticate({ token: message!.token!, session_duration_minutes: 30 })
      assert.strictEqual(authed.user_id, user.user_id)
      yield* emulator.reset
      assert.deepStrictEqual(yield* emulator.outbox(), [])
    }).pipe(Effect.provide(StytchEmulator.layerStytch())))
})

describe("over loopback: StytchEmulator.layerServer", () => {
  it.effect("raw requests over real HTTP, at the layer's TestClock time", () =>
    Effect.gen(function*() {
      const server = yield* StytchEmulator.EmulatorServer
      assert.strictEqual(server.url, `http://127.0.0.1:${server.port}`)
      const user = yield* createAndReadRaw(server.url, uniqueEmail("loop"))
      // The test's TestClock starts at 0.
      assert.strictEqual(user.created_at, iso(0))
      yield* TestClock.adjust("1 hour")
      const emulator = yield* StytchEmulator.StytchEmulator
      const seeded = yield* emulator.seedSession({ user_id: user.user_id, session_duration_minutes: 5 })
      assert.strictEqual(seeded.session_id.startsWith("session-test-"), true)
    }).pipe(Effect.provide(Layer.merge(StytchEmulator.layerServer(), FetchHttpClient.layer))))

  it.live("without TestClock the server's time is the real clock", () =>
    Effect.gen(function*() {
      const server = yield* StytchEmulator.EmulatorServer
      const user = yield* createAndReadRaw(server.url, uniqueEmail("loop-live"))
      assert.isBelow(Math.abs(Date.parse(user.created_at) - Date.now()), 60_000)
    }).pipe(Effect.provide(Layer.merge(StytchEmulator.layerServer(), FetchHttpClient.layer))))

  it.effect("answers the official stytch package; TestClock expires its session; the server closes", () =>
    Effect.gen(function*() {
      const url = yield* Effect.scoped(Effect.gen(function*() {
        const context = yield* Layer.build(StytchEmulator.layerServer())
        const server = yield* Effect.provide(StytchEmulator.EmulatorServer, context)
        const emulator = yield* Effect.provide(StytchEmulator.StytchEmulator, context)
        const client = new stytch.Client({
          project_id: emulator.projectId,
          secret: Redacted.value(emulator.secret),
          env: `${server.url}/`
        })
        const email = uniqueEmail("official")
        const created = yield* Effect.promise(() => client.users.create({ email }))
        yield* Effect.promise(() => client.magicLinks.email.loginOrCreate({ email }))
        const mail = yield* emulator.latestMessage({ to: email, kind: "magic_link_login" })
        assert.strictEqual(mail?.user_id, created.user_id)
        const authed = yield* Effect.promise(() =>
          client.magicLinks.authenticate({ token: mail!.token!, session_duration_minutes: 30 })
        )
        const { session_token } = authed
        const session = yield* Effect.promise(() => client.sessions.authenticate({ session_token }))
        assert.strictEqual(session.user.user_id, created.user_id)
        yield* TestClock.adjust("30 minutes")
        const expired = yield* Effect.promise(() =>
          client.sessions.authenticate({ session_token: authed.session_token }).then(
            () => assert.fail("expected a rejection"),
            (error: { status_code: number; error_type: string }) => error
          )
        )
        assert.strictEqual(expired.status_code, 404)
        assert.strictEqual(expired.error_type, "session_not_found")
        return server.url
      }))
      const closed = yield* Effect.promise(() =>
        fetch(`${url}/v1/users/user-test-x`).then(() => "answered", () => "refused")
      )
      assert.strictEqual(closed, "refused")
    }))

  it.effect("layerStytchServer: the SDK over real HTTP", () =>
    Effect.gen(function*() {
      const users = yield* Users.Users
      const server = yield* StytchEmulator.EmulatorServer
      const email = uniqueEmail("sdk-loop")
      const created = yield* users.create({ email })
      assert.deepStrictEqual((yield* users.get({ user_id: created.user_id })).emails.map((e) => e.email), [email])
      const answer = yield* Effect.promise(() => fetch(`${server.url}/emulator/v1/users/${created.user_id}`))
      assert.strictEqual(answer.status, 200)
    }).pipe(Effect.provide(StytchEmulator.layerStytchServer())))
})
