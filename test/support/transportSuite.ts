/**
 * The behaviours every SDK transport (`FetchClient`, `NodeClient`) must have, as one suite run against each, with
 * a small local server that records what it gets: methods, query strings, bodies and headers arrive as sent; response
 * headers are read on demand; interrupting the fiber (and so the per-attempt timeout) closes the connection; a body
 * cut off mid-read is a decode failure, a refused connection a transport failure naming its cause; a body over the
 * cap (declared or streamed) stops the transfer; no error or log line holds the secret.
 */
import { assert, describe, it } from "@effect/vitest"
import * as HttpClient from "@effect/platform/HttpClient"
import * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import * as Cause from "effect/Cause"
import type * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Fiber from "effect/Fiber"
import * as Layer from "effect/Layer"
import * as Logger from "effect/Logger"
import * as LogLevel from "effect/LogLevel"
import type * as Scope from "effect/Scope"
import { Stytch, StytchError, Users } from "../../src/index.js"
import { BodyTooLargeError } from "../../src/core/transport.js"
import { expectFailure } from "../support.js"
import {
  freedPort as freedPortNow,
  HOSTILE_ANSWERS,
  type Server,
  startSelfSignedServer,
  startServer
} from "../../effect4/test/support/transportServer.js"

import {
  buildRequest,
  checkPlainAnswer,
  checkSeen,
  PLAIN_ANSWER,
  type PlainRequest,
  ROUND_TRIP
} from "../../effect4/test/support/transportCases.js"

export type { Seen, Server } from "../../effect4/test/support/transportServer.js"

/** A server on a free loopback port for the duration of `use` (effect4/test/support/transportServer.ts). */
export const withServer = <A, E, R>(use: (server: Server) => Effect.Effect<A, E, R>) =>
  Effect.acquireUseRelease(Effect.promise(startServer), use, (server) => Effect.promise(server.close))

/** An HTTPS server with a self-signed certificate, for a real TLS failure. */
export const withSelfSignedServer = <A, E, R>(use: (base: string) => Effect.Effect<A, E, R>) =>
  Effect.acquireUseRelease(
    Effect.promise(startSelfSignedServer),
    (server) => use(server.base),
    (server) => Effect.promise(server.close)
  )

/** A loopback port that was free a moment ago and has nobody listening now. */
export const freedPort = Effect.promise(freedPortNow)

export const SECRET = "secret-test-Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MA"
export const PROJECT_ID = "project-test-11111111-2222-4333-8444-555555555555"
/** The Authorization header's credentials as sent: must not appear in any error or log either. */
export const BASIC = Buffer.from(`${PROJECT_ID}:${SECRET}`).toString("base64")

/** Every SDK service against `baseUrl`, over `client`. */
export const sdk = (
  baseUrl: string,
  client: Layer.Layer<HttpClient.HttpClient>,
  options: { readonly maxRetries?: number; readonly timeout?: Duration.DurationInput } = {}
) =>
  Stytch.layer({ projectId: PROJECT_ID, secret: SECRET, baseUrl, maxRetries: options.maxRetries ?? 2, ...options })
    .pipe(Layer.orDie, Layer.provide(client))

const waitFor = (done: () => boolean) =>
  Effect.gen(function*() {
    for (let i = 0; i < 400 && !done(); i++) yield* Effect.sleep("5 millis")
  })

/** A shared exchange's request, built with this line's HttpClientRequest. */
const requestOf = (base: string, plain: PlainRequest) =>
  buildRequest<HttpClientRequest.HttpClientRequest>(HttpClientRequest, base, plain)

export interface Transport {
  /** The client under test, built in the test's scope. */
  readonly make: (
    options?: { readonly maxBodyBytes?: number }
  ) => Effect.Effect<HttpClient.HttpClient, never, Scope.Scope>
  readonly layer: Layer.Layer<HttpClient.HttpClient>
  readonly layerWith: (options: { readonly maxBodyBytes?: number }) => Layer.Layer<HttpClient.HttpClient>
  readonly DEFAULT_MAX_BODY_BYTES: number
}

/** `it.live` in a scope (`it.scoped` runs on the TestClock, where the polling sleeps would never end). */
const scoped = <A, E>(name: string, body: () => Effect.Effect<A, E, Scope.Scope>) =>
  it.live(name, () => Effect.scoped(body()))

/** The shared behaviours, as a `describe` block named `name`. */
export const transportSuite = (name: string, transport: Transport) =>
  describe(`${name} (shared transport behaviours)`, () => {
    const client = transport.make()

    scoped("sends method, URL with query parameters, headers and body; reads status, body and headers", () =>
      withServer(({ base, seen }) =>
        Effect.gen(function*() {
          const c = yield* client
          for (const exchange of ROUND_TRIP) {
            const response = yield* c.execute(requestOf(base, exchange.request))
            checkPlainAnswer({ status: response.status, headers: response.headers, text: yield* response.text })
            // Read again, as JSON and as bytes.
            assert.deepStrictEqual(yield* response.json, PLAIN_ANSWER.json)
            assert.strictEqual(new TextDecoder().decode(yield* response.arrayBuffer), PLAIN_ANSWER.text)
          }
          checkSeen(seen, ROUND_TRIP)
        })))

    scoped("interrupting the fiber aborts the request: the server sees the connection close", () =>
      withServer(({ base, closed, seen }) =>
        Effect.gen(function*() {
          const c = yield* client
          const fiber = yield* Effect.fork(c.execute(HttpClientRequest.get(`${base}/hang`)))
          yield* waitFor(() => seen.length > 0)
          yield* Fiber.interrupt(fiber)
          yield* waitFor(() => closed.length > 0)
          assert.deepStrictEqual(closed, ["/hang"])
        })))

    it.live("the per-attempt timeout fails with StytchTransportError Timeout and closes the connection", () =>
      withServer(({ base, closed, seen }) =>
        Effect.gen(function*() {
          const users = yield* Users.Users
          const start = Date.now()
          const error = yield* expectFailure(users.get({ user_id: "user-test-x" }))
          assert.strictEqual(error._tag, "StytchTransportError")
          assert.strictEqual(error._tag === "StytchTransportError" && error.reason, "Timeout")
          assert.isBelow(Date.now() - start, 5000)
          yield* waitFor(() => closed.length >= 1)
          assert.strictEqual(seen.length, 1)
          assert.deepStrictEqual(closed, ["/hang/v1/users/user-test-x"])
        }).pipe(Effect.provide(sdk(`${base}/hang`, transport.layer, { maxRetries: 0, timeout: "150 millis" })))))

    scoped("a body cut off mid-read is a ResponseError (Decode); a refused connection a RequestError", () =>
      withServer(({ base }) =>
        Effect.gen(function*() {
          const c = yield* client
          const cut = yield* c.execute(HttpClientRequest.get(`${base}/cut`)).pipe(Effect.flip)
          assert.strictEqual(cut._tag, "ResponseError")
          if (cut._tag === "ResponseError") assert.strictEqual(cut.reason, "Decode")
          const port = yield* freedPort
          const refused = yield* c.execute(HttpClientRequest.get(`http://127.0.0.1:${port}/`)).pipe(Effect.flip)
          assert.strictEqual(refused._tag, "RequestError")
          if (refused._tag === "RequestError") assert.strictEqual(refused.reason, "Transport")
        })))

    it.live(`${name}.layer provides it as the HttpClient`, () =>
      withServer(({ base, seen }) =>
        Effect.gen(function*() {
          const provided = yield* HttpClient.HttpClient
          const response = yield* provided.execute(HttpClientRequest.get(`${base}/via-layer`))
          assert.strictEqual(response.status, 201)
          assert.strictEqual(seen[0]!.url, "/via-layer")
        }).pipe(Effect.provide(transport.layer))))

    scoped("a chunked body under the cap is read whole, in order, as UTF-8", () =>
      withServer(({ base }) =>
        Effect.gen(function*() {
          const response = yield* (yield* client).execute(HttpClientRequest.get(`${base}/chunks`))
          assert.deepStrictEqual(yield* response.json, { ok: "\u00e9" })
        })))

    scoped("an endless chunked body stops at the cap with BodyTooLargeError and the connection closed", () =>
      withServer(({ base, closed }) =>
        Effect.gen(function*() {
          const capped = yield* transport.make({ maxBodyBytes: 1024 * 1024 })
          const error = yield* expectFailure(capped.execute(HttpClientRequest.get(`${base}/endless`)))
          assert.strictEqual(error._tag, "ResponseError")
          assert.instanceOf(error.cause, BodyTooLargeError)
          yield* waitFor(() => closed.length > 0)
          assert.deepStrictEqual(closed, ["/endless"])
        })))

    scoped("a Content-Length over the cap (default 10 MiB) fails before the body is read", () =>
      withServer(({ base, closed }) =>
        Effect.gen(function*() {
          assert.strictEqual(transport.DEFAULT_MAX_BODY_BYTES, 10 * 1024 * 1024)
          const error = yield* expectFailure((yield* client).execute(HttpClientRequest.get(`${base}/large`)))
          assert.instanceOf(error.cause, BodyTooLargeError)
          yield* waitFor(() => closed.length > 0)
          assert.deepStrictEqual(closed, ["/large"])
        })))

    it.live("through the SDK: StytchTransportError reason BodyTooLarge, not retried", () =>
      withServer(({ base, seen }) =>
        Effect.gen(function*() {
          const users = yield* Users.Users
          const error = yield* expectFailure(users.get({ user_id: "user-test-x" }))
          assert.instanceOf(error, StytchError.StytchTransportError)
          assert.strictEqual(error._tag === "StytchTransportError" && error.reason, "BodyTooLarge")
          assert.include(error.message, "65536")
          assert.strictEqual(seen.length, 1)
        }).pipe(Effect.provide(sdk(`${base}/endless`, transport.layerWith({ maxBodyBytes: 64 * 1024 }))))))

    scoped("hostile answers through the SDK are typed errors, and the client keeps working afterwards", () =>
      withServer(({ base }) =>
        Effect.gen(function*() {
          const answer = (kind: string) =>
            expectFailure(
              Effect.flatMap(Users.Users, (users) => users.get({ user_id: "user-test-x" })).pipe(
                Effect.provide(sdk(`${base}/hostile/${kind}`, transport.layer, { maxRetries: 0 }))
              )
            )
          // Invalid UTF-8, 100,000 levels of nesting, an HTML 500 and a body of the wrong types: each a decode error
          // naming the status, never a defect. A 64 KiB header is refused by the HTTP parser: no answer.
          for (const hostile of HOSTILE_ANSWERS) {
            const error = yield* answer(hostile.kind)
            assert.strictEqual(error._tag, hostile.sdk, `${hostile.kind}: ${error._tag}`)
            if (hostile.sdk === "StytchDecodeError") {
              assert.strictEqual(error._tag === "StytchDecodeError" && error.status, hostile.status, hostile.kind)
            }
          }
          // The same transport still answers a sound request.
          const c = yield* client
          const ok = yield* c.execute(HttpClientRequest.get(`${base}/plain`))
          assert.strictEqual(ok.status, 201)
        })))

    scoped("hostile answers at the transport level are the text they decode to, or no answer", () =>
      withServer(({ base }) =>
        Effect.gen(function*() {
          const c = yield* client
          for (const hostile of HOSTILE_ANSWERS) {
            const result = yield* Effect.either(
              Effect.flatMap(c.execute(HttpClientRequest.get(`${base}/hostile/${hostile.kind}`)), (response) =>
                Effect.map(response.text, (text) => ({ status: response.status, text })))
            )
            if (hostile.transport === "no answer") {
              assert.strictEqual(result._tag, "Left", hostile.kind)
              if (result._tag === "Left") assert.strictEqual(result.left._tag, "RequestError", hostile.kind)
            } else {
              assert.strictEqual(result._tag, "Right", hostile.kind)
              if (result._tag === "Right") {
                assert.deepStrictEqual(result.right, { status: hostile.status, text: hostile.transport.text }, hostile.kind)
              }
            }
          }
        })))

    it.live("a refused connection names its cause: code ECONNREFUSED in the field and the message", () =>
      Effect.gen(function*() {
        const port = yield* freedPort
        const error = yield* expectFailure(
          Effect.flatMap(Users.Users, (users) => users.get({ user_id: "user-test-x" })).pipe(
            Effect.provide(sdk(`http://127.0.0.1:${port}`, transport.layer, { maxRetries: 0 }))
          )
        )
        assert.strictEqual(error._tag, "StytchTransportError")
        if (error._tag !== "StytchTransportError") return
        assert.strictEqual(error.reason, "Transport")
        assert.strictEqual(error.code, "ECONNREFUSED")
        assert.include(error.message, "ECONNREFUSED")
        assert.include(error.message, `127.0.0.1:${port}`)
        assert.notInclude(
          error.message,
          `Transport error on GET http://127.0.0.1:${port}/v1/users/user-test-x: Transport`
        )
      }))

    it.live("no error, cause or log line of a failed, retried call holds the secret or the Authorization header", () =>
      Effect.gen(function*() {
        const port = yield* freedPort
        const logs: Array<string> = []
        const logger = Logger.make(({ annotations, cause, message }) => {
          logs.push(JSON.stringify({ message, annotations: [...annotations], cause: Cause.pretty(cause) }))
        })
        const exit = yield* Effect.flatMap(Users.Users, (users) => users.get({ user_id: "user-test-x" })).pipe(
          Effect.provide(sdk(`http://127.0.0.1:${port}`, transport.layer, { maxRetries: 1 })),
          Effect.tapErrorCause((cause) => Effect.logError("call failed", cause)),
          Effect.provide(Logger.replace(Logger.defaultLogger, logger)),
          Logger.withMinimumLogLevel(LogLevel.All),
          Effect.exit
        )
        assert.strictEqual(exit._tag, "Failure")
        if (exit._tag !== "Failure") return
        const error = Cause.squash(exit.cause) as StytchError.StytchTransportError
        assert.strictEqual(error._tag, "StytchTransportError")
        // One retry was logged, and the failure was logged with its cause.
        assert.isTrue(logs.some((line) => line.includes("retrying")))
        assert.isTrue(logs.some((line) => line.includes("ECONNREFUSED")))
        const everything = [
          ...logs,
          error.message,
          String(error),
          JSON.stringify(error),
          Cause.pretty(exit.cause),
          JSON.stringify(error.cause ?? null)
        ].join("\n")
        assert.notInclude(everything, SECRET)
        assert.notInclude(everything, BASIC)
      }))

    it.live("a TLS failure names its cause: the certificate error code and message", () =>
      withSelfSignedServer((base) =>
        Effect.gen(function*() {
          const error = yield* expectFailure(
            Effect.flatMap(Users.Users, (users) => users.get({ user_id: "user-test-x" })).pipe(
              Effect.provide(sdk(base, transport.layer, { maxRetries: 0 }))
            )
          )
          assert.strictEqual(error._tag === "StytchTransportError" && error.code, "DEPTH_ZERO_SELF_SIGNED_CERT")
          assert.include(error.message, "self-signed certificate")
        })))
  })
