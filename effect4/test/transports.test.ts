/**
 * The Effect 4 line's transports, `FetchClient` and `NodeClient`: one suite run against each over a local node:http
 * server (effect4/test/support/transportServer.ts, shared with the Effect 3 suite): methods, query strings, bodies and
 * headers arrive as sent; status, body and headers are read back; sequential requests reuse one keep-alive
 * connection; interrupting the fiber (and so a timeout) closes the connection; a body cut off mid-read is a
 * `DecodeError`, a refused connection or a TLS failure a `TransportError` whose cause names the code; a body over
 * the cap (declared or streamed) stops the transfer with a `BodyTooLargeError`; hostile answers are what they decode
 * to, and the client keeps working afterwards; no error holds the Authorization header. Then what is NodeClient's
 * own (the agent destroyed with the layer, stream and form bodies, URLs) and HttpTransport's choice.
 */
import { assert, describe, it } from "@effect/vitest"
import * as Cause from "effect/Cause"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Fiber from "effect/Fiber"
import * as Layer from "effect/Layer"
import * as Scope from "effect/Scope"
import * as Stream from "effect/Stream"
import * as HttpClient from "effect/http/HttpClient"
import * as HttpClientError from "effect/http/HttpClientError"
import * as HttpClientRequest from "effect/http/HttpClientRequest"
import { BodyTooLargeError, describeCause } from "../../src/core/transport.js"
import * as FetchClient from "../src/layers/FetchClient.js"
import * as HttpTransport from "../src/layers/HttpTransport.js"
import * as NodeClient from "../src/layers/NodeClient.js"
import {
  freedPort as freedPortNow,
  HOSTILE_ANSWERS,
  type Server,
  startSelfSignedServer,
  startServer
} from "./support/transportServer.js"
import {
  buildRequest,
  checkPlainAnswer,
  checkSeen,
  checkStreamAndForm,
  FORM_FIELDS,
  hideGetBuiltinModule,
  PLAIN_ANSWER,
  type PlainRequest,
  pretendCloudflareWorkers,
  REFUSED_URL,
  ROUND_TRIP,
  STREAM_CHUNKS,
  transportKind,
  URL_CASES
} from "./support/transportCases.js"

const withServer = <A, E, R>(use: (server: Server) => Effect.Effect<A, E, R>) =>
  Effect.acquireUseRelease(Effect.promise(startServer), use, (server) => Effect.promise(server.close))

const withSelfSignedServer = <A, E, R>(use: (base: string) => Effect.Effect<A, E, R>) =>
  Effect.acquireUseRelease(
    Effect.promise(startSelfSignedServer),
    (server) => use(server.base),
    (server) => Effect.promise(server.close)
  )

const freedPort = Effect.promise(freedPortNow)

const waitFor = (done: () => boolean) =>
  Effect.gen(function*() {
    for (let i = 0; i < 400 && !done(); i++) yield* Effect.sleep("5 millis")
  })

const AUTHORIZATION = "Basic cHJvamVjdC10ZXN0LXg6c2VjcmV0LXRlc3QtWm05dllt"

/** The failure of `effect`, which must fail with an `HttpClientError`. */
const failureOf = <A>(effect: Effect.Effect<A, HttpClientError.HttpClientError>) =>
  Effect.flatMap(Effect.exit(effect), (exit) => {
    if (Exit.isSuccess(exit)) return Effect.die(new Error("expected a failure, got a success"))
    const error = Cause.squash(exit.cause)
    assert.isTrue(HttpClientError.isHttpClientError(error), `not an HttpClientError: ${String(error)}`)
    return Effect.succeed(error as HttpClientError.HttpClientError)
  })

/** A shared exchange's request, built with this line's HttpClientRequest. */
const requestOf = (base: string, plain: PlainRequest) =>
  buildRequest<HttpClientRequest.HttpClientRequest>(HttpClientRequest, base, plain)

interface Transport {
  /** The client under test, built in the test's scope. */
  readonly make: (
    options?: { readonly maxBodyBytes?: number }
  ) => Effect.Effect<HttpClient.HttpClient, never, Scope.Scope>
  readonly layer: Layer.Layer<HttpClient.HttpClient>
  readonly layerWith: (options: { readonly maxBodyBytes?: number }) => Layer.Layer<HttpClient.HttpClient>
  readonly DEFAULT_MAX_BODY_BYTES: number
  /** The most connections five sequential requests may open. */
  readonly sequentialConnections: number
}

const transportSuite = (name: string, transport: Transport) =>
  describe(`${name} (Effect 4, shared transport behaviours)`, () => {
    const client = transport.make()

    it.live("sends method, URL with query parameters, headers and body; reads status, body and headers", () =>
      withServer(({ base, seen }) =>
        Effect.gen(function*() {
          const c = yield* client
          for (const exchange of ROUND_TRIP) {
            const response = yield* c.execute(requestOf(base, exchange.request))
            checkPlainAnswer({ status: response.status, headers: response.headers, text: yield* response.text })
            // Read again, as JSON and as bytes.
            assert.deepStrictEqual(yield* response.json, PLAIN_ANSWER.json)
            assert.strictEqual(new TextDecoder().decode(yield* response.arrayBuffer), PLAIN_ANSWER.text)
            assert.strictEqual(response.url, `${base}${exchange.seen.url}`)
          }
          checkSeen(seen, ROUND_TRIP)
        })))

    it.live("sequential requests reuse keep-alive connections", () =>
      withServer(({ base, connections, seen }) =>
        Effect.gen(function*() {
          const c = yield* client
          for (let i = 0; i < 5; i++) {
            assert.strictEqual((yield* c.execute(HttpClientRequest.get(`${base}/again/${i}`))).status, 201)
          }
          assert.strictEqual(seen.length, 5)
          // NodeClient answers once its socket is back in the pool: one connection. undici's fetch resolves the
          // body before it releases the connection, so the second request opens another; from then on both are
          // reused.
          const most = transport.sequentialConnections
          assert.isAtMost(new Set(seen.map((s) => s.remotePort)).size, most)
          assert.isAtMost(connections.opened, most)
        })))

    it.live("interrupting the fiber aborts the request: the server sees the connection close", () =>
      withServer(({ base, closed, seen }) =>
        Effect.gen(function*() {
          const c = yield* client
          const fiber = yield* Effect.forkChild(c.execute(HttpClientRequest.get(`${base}/hang`)))
          yield* waitFor(() => seen.length > 0)
          yield* Fiber.interrupt(fiber)
          yield* waitFor(() => closed.length > 0)
          assert.deepStrictEqual(closed, ["/hang"])
        })))

    it.live("a timeout around the request closes the connection", () =>
      withServer(({ base, closed }) =>
        Effect.gen(function*() {
          const c = yield* client
          const start = Date.now()
          const exit = yield* Effect.exit(Effect.timeout(c.execute(HttpClientRequest.get(`${base}/hang/slow`)), "100 millis"))
          assert.isTrue(Exit.isFailure(exit))
          assert.isBelow(Date.now() - start, 5000)
          yield* waitFor(() => closed.length > 0)
          assert.deepStrictEqual(closed, ["/hang/slow"])
        })))

    it.live("a body cut off mid-read is a DecodeError with the status; a refused connection a TransportError", () =>
      withServer(({ base }) =>
        Effect.gen(function*() {
          const c = yield* client
          const cut = yield* failureOf(c.execute(HttpClientRequest.get(`${base}/cut`)))
          assert.strictEqual(cut.reason._tag, "DecodeError")
          assert.strictEqual(cut.response?.status, 200)
          const port = yield* freedPort
          const refused = yield* failureOf(c.execute(HttpClientRequest.get(`http://127.0.0.1:${port}/`)))
          assert.strictEqual(refused.reason._tag, "TransportError")
          assert.isUndefined(refused.response)
          const { code, message } = describeCause(refused.reason.cause)
          assert.strictEqual(code, "ECONNREFUSED")
          assert.include(message, `127.0.0.1:${port}`)
        })))

    it.live(`${name}.layer provides it as the HttpClient`, () =>
      withServer(({ base, seen }) =>
        Effect.gen(function*() {
          const provided = yield* HttpClient.HttpClient
          const response = yield* provided.execute(HttpClientRequest.get(`${base}/via-layer`))
          assert.strictEqual(response.status, 201)
          assert.strictEqual(seen[0]!.url, "/via-layer")
        }).pipe(Effect.provide(transport.layer))))

    it.live("a chunked body under the cap is read whole, in order, as UTF-8", () =>
      withServer(({ base }) =>
        Effect.gen(function*() {
          const response = yield* (yield* client).execute(HttpClientRequest.get(`${base}/chunks`))
          assert.deepStrictEqual(yield* response.json, { ok: "\u00e9" })
        })))

    it.live("an endless chunked body stops at the cap with BodyTooLargeError and the connection closed", () =>
      withServer(({ base, closed }) =>
        Effect.gen(function*() {
          const capped = yield* transport.make({ maxBodyBytes: 1024 * 1024 })
          const error = yield* failureOf(capped.execute(HttpClientRequest.get(`${base}/endless`)))
          assert.strictEqual(error.reason._tag, "DecodeError")
          assert.instanceOf(error.reason.cause, BodyTooLargeError)
          assert.strictEqual((error.reason.cause as BodyTooLargeError).limit, 1024 * 1024)
          yield* waitFor(() => closed.length > 0)
          assert.deepStrictEqual(closed, ["/endless"])
        })))

    it.live("a Content-Length over the cap (default 10 MiB) fails before the body is read", () =>
      withServer(({ base, closed }) =>
        Effect.gen(function*() {
          assert.strictEqual(transport.DEFAULT_MAX_BODY_BYTES, 10 * 1024 * 1024)
          const error = yield* failureOf((yield* client).execute(HttpClientRequest.get(`${base}/large`)))
          assert.strictEqual(error.reason._tag, "DecodeError")
          assert.instanceOf(error.reason.cause, BodyTooLargeError)
          yield* waitFor(() => closed.length > 0)
          assert.deepStrictEqual(closed, ["/large"])
        })))

    it.live(`${name}.layerWith applies maxBodyBytes`, () =>
      withServer(({ base }) =>
        Effect.gen(function*() {
          const provided = yield* HttpClient.HttpClient
          const error = yield* failureOf(provided.execute(HttpClientRequest.get(`${base}/endless`)))
          assert.instanceOf(error.reason.cause, BodyTooLargeError)
          assert.include((error.reason.cause as BodyTooLargeError).message, "65536")
        }).pipe(Effect.provide(transport.layerWith({ maxBodyBytes: 64 * 1024 })))))

    it.live("hostile answers are what they decode to (or no answer), and the client keeps working afterwards", () =>
      withServer(({ base }) =>
        Effect.gen(function*() {
          const c = yield* client
          for (const hostile of HOSTILE_ANSWERS) {
            const exit = yield* Effect.exit(
              Effect.flatMap(c.execute(HttpClientRequest.get(`${base}/hostile/${hostile.kind}`)), (response) =>
                Effect.map(response.text, (text) => ({ status: response.status, text })))
            )
            if (hostile.transport === "no answer") {
              assert.isTrue(Exit.isFailure(exit), hostile.kind)
              if (Exit.isFailure(exit)) {
                const error = Cause.squash(exit.cause) as HttpClientError.HttpClientError
                assert.strictEqual(error.reason._tag, "TransportError", hostile.kind)
              }
            } else {
              assert.isTrue(Exit.isSuccess(exit), hostile.kind)
              if (Exit.isSuccess(exit)) {
                assert.strictEqual(exit.value.status, hostile.status, hostile.kind)
                assert.strictEqual(exit.value.text, hostile.transport.text, hostile.kind)
              }
            }
          }
          // The 100,000-deep body is handed over as text; `json` parses it (V8's JSON.parse is not recursive) and
          // gives the nested arrays, without a stack overflow.
          const deep = yield* c.execute(HttpClientRequest.get(`${base}/hostile/deep`))
          let depth = 0
          for (let value: unknown = yield* deep.json; Array.isArray(value); value = value[0]) depth++
          assert.strictEqual(depth, 100_000)
          const html = yield* c.execute(HttpClientRequest.get(`${base}/hostile/html-500`))
          const notJson = yield* failureOf(html.json)
          assert.strictEqual(notJson.reason._tag, "DecodeError")
          assert.strictEqual(notJson.response?.status, 500)
          // The same client still answers a sound request.
          const ok = yield* c.execute(HttpClientRequest.get(`${base}/plain`))
          assert.strictEqual(ok.status, 201)
          assert.deepStrictEqual(yield* ok.json, { ok: true })
        })))

    it.live("a TLS failure is a TransportError naming the certificate error", () =>
      withSelfSignedServer((base) =>
        Effect.gen(function*() {
          const error = yield* failureOf((yield* client).execute(HttpClientRequest.get(`${base}/v1/users/x`)))
          assert.strictEqual(error.reason._tag, "TransportError")
          const { code, message } = describeCause(error.reason.cause)
          assert.strictEqual(code, "DEPTH_ZERO_SELF_SIGNED_CERT")
          assert.include(message, "self-signed certificate")
        })))

    it.live("no error of a failed request holds its Authorization header", () =>
      withServer(({ base }) =>
        Effect.gen(function*() {
          const c = yield* client
          const port = yield* freedPort
          const withAuth = (url: string) =>
            HttpClientRequest.get(url).pipe(HttpClientRequest.setHeader("authorization", AUTHORIZATION))
          const errors = [
            yield* failureOf(c.execute(withAuth(`http://127.0.0.1:${port}/v1/users/x`))),
            yield* failureOf(c.execute(withAuth(`${base}/cut`))),
            yield* failureOf((yield* transport.make({ maxBodyBytes: 1024 })).execute(withAuth(`${base}/endless`)))
          ]
          assert.deepStrictEqual(errors.map((error) => error.reason._tag), [
            "TransportError",
            "DecodeError",
            "DecodeError"
          ])
          for (const error of errors) {
            const everything = [
              error.message,
              String(error),
              JSON.stringify(error),
              JSON.stringify(error.reason),
              Cause.pretty(Cause.fail(error)),
              describeCause(error.reason.cause).message
            ].join("\n")
            assert.notInclude(everything, AUTHORIZATION)
            assert.notInclude(everything, "cHJvamVjdC10ZXN0")
          }
        })))
  })

transportSuite("FetchClient", {
  make: (options) => Effect.succeed(FetchClient.make(globalThis.fetch, options)),
  layer: FetchClient.layer,
  layerWith: FetchClient.layerWith,
  DEFAULT_MAX_BODY_BYTES: FetchClient.DEFAULT_MAX_BODY_BYTES,
  sequentialConnections: 2
})

transportSuite("NodeClient", {
  make: NodeClient.make,
  layer: NodeClient.layer,
  layerWith: NodeClient.layerWith,
  DEFAULT_MAX_BODY_BYTES: NodeClient.DEFAULT_MAX_BODY_BYTES,
  sequentialConnections: 1
})

describe("FetchClient (Effect 4)", () => {
  it.live("refuses a stream body with an EncodeError, sending nothing", () =>
    withServer(({ base, seen }) =>
      Effect.gen(function*() {
        const stream = Stream.make(new TextEncoder().encode("{}"))
        const error = yield* failureOf(
          FetchClient.make().execute(HttpClientRequest.post(`${base}/stream`).pipe(HttpClientRequest.bodyStream(stream)))
        )
        assert.strictEqual(error.reason._tag, "EncodeError")
        assert.strictEqual(seen.length, 0)
      })))

  it.live("uses the fetch it is given", () =>
    Effect.gen(function*() {
      const urls: Array<string> = []
      const fake: typeof globalThis.fetch = (input) => {
        urls.push(String(input))
        return Promise.resolve(new Response("{\"fake\":true}", { status: 202, headers: { "x-fake": "1" } }))
      }
      const response = yield* FetchClient.make(fake).execute(
        HttpClientRequest.get("https://api.example.test/v1/x").pipe(HttpClientRequest.setUrlParams({ a: "1" }))
      )
      assert.strictEqual(response.status, 202)
      assert.strictEqual(response.headers["x-fake"], "1")
      assert.deepStrictEqual(yield* response.json, { fake: true })
      assert.deepStrictEqual(urls, ["https://api.example.test/v1/x?a=1"])
    }))
})

describe("NodeClient (Effect 4)", () => {
  it.live("closing the layer's scope destroys the agent: the idle keep-alive socket closes", () =>
    withServer(({ base, connections }) =>
      Effect.gen(function*() {
        const scope = yield* Scope.make()
        const context = yield* Layer.buildWithScope(NodeClient.layer, scope)
        const client = Context.get(context, HttpClient.HttpClient)
        const response = yield* client.execute(HttpClientRequest.get(`${base}/one`))
        assert.strictEqual(response.status, 201)
        yield* Effect.sleep("20 millis")
        assert.strictEqual(connections.open, 1) // kept alive while the layer lives
        yield* Scope.close(scope, Exit.void)
        yield* waitFor(() => connections.open === 0)
        assert.strictEqual(connections.open, 0)
      })))

  it.live("URLs: paths and queries arrive as a URL parser encodes them; fragments are not sent", () =>
    withServer(({ base, seen }) =>
      Effect.gen(function*() {
        const client = yield* NodeClient.make()
        for (const [url] of URL_CASES(base)) {
          assert.strictEqual((yield* client.execute(HttpClientRequest.get(url))).status, 201)
        }
        assert.deepStrictEqual(seen.map((s) => s.url), URL_CASES(base).map(([, target]) => target))
        const refused = yield* failureOf(client.execute(HttpClientRequest.get(REFUSED_URL)))
        assert.strictEqual(refused.reason._tag, "TransportError")
      })))

  it.live("sends a stream body and a form body", () =>
    withServer(({ base, seen }) =>
      Effect.gen(function*() {
        const client = yield* NodeClient.make()
        const encoder = new TextEncoder()
        const stream = Stream.fromIterable(STREAM_CHUNKS).pipe(Stream.map((s) => encoder.encode(s)))
        const response = yield* client.execute(
          HttpClientRequest.post(`${base}/stream`).pipe(
            HttpClientRequest.bodyStream(stream, { contentType: "application/json" })
          )
        )
        assert.strictEqual(response.status, 201)
        const form = new FormData()
        for (const [name, value] of Object.entries(FORM_FIELDS)) form.set(name, value)
        yield* client.execute(HttpClientRequest.post(`${base}/form`).pipe(HttpClientRequest.bodyFormData(form)))
        checkStreamAndForm(seen)
      })))

  it.live("a failing body stream is an EncodeError and the request is abandoned", () =>
    withServer(({ base }) =>
      Effect.gen(function*() {
        const client = yield* NodeClient.make()
        const stream = Stream.concat(
          Stream.make(new TextEncoder().encode("{\"a\":")),
          Stream.fail(new Error("the producer broke"))
        )
        const error = yield* failureOf(
          client.execute(HttpClientRequest.post(`${base}/stream`).pipe(HttpClientRequest.bodyStream(stream)))
        )
        assert.strictEqual(error.reason._tag, "EncodeError")
        const ok = yield* client.execute(HttpClientRequest.get(`${base}/plain`))
        assert.strictEqual(ok.status, 201)
      })))
})

describe("HttpTransport (Effect 4)", () => {
  const viaLayer = (layer: Layer.Layer<HttpClient.HttpClient>) =>
    withServer(({ base, seen }) =>
      Effect.gen(function*() {
        const client = yield* HttpClient.HttpClient
        yield* client.execute(HttpClientRequest.get(`${base}/which`))
        return transportKind(seen[0]!)
      }).pipe(Effect.provide(layer)))
  /** Runs with the runtime disguised, undone when the scope closes. */
  const disguised = (disguise: () => () => void) =>
    Effect.acquireRelease(Effect.sync(disguise), (undo) => Effect.sync(undo))

  it.live("layer is NodeClient on Node", () =>
    Effect.gen(function*() {
      assert.strictEqual(HttpTransport.kind(), "node")
      assert.strictEqual(yield* viaLayer(FetchClient.layer), "fetch") // the probe tells them apart
      assert.strictEqual(yield* viaLayer(HttpTransport.layer), "node")
      assert.strictEqual(yield* viaLayer(HttpTransport.layerWith({ maxBodyBytes: 1024 })), "node")
    }))

  it.live("layer is FetchClient where process.getBuiltinModule is missing", () =>
    Effect.gen(function*() {
      const without = disguised(hideGetBuiltinModule)
      const kind = yield* Effect.scoped(Effect.andThen(without, Effect.sync(() => HttpTransport.kind())))
      assert.strictEqual(kind, "fetch")
      const used = yield* Effect.scoped(Effect.andThen(without, viaLayer(HttpTransport.layer)))
      assert.strictEqual(used, "fetch")
      const died = yield* Effect.scoped(Effect.andThen(without, Effect.exit(Effect.scoped(NodeClient.make()))))
      assert.isTrue(Exit.isFailure(died) && Cause.hasDies(died.cause))
      assert.strictEqual(HttpTransport.kind(), "node")
    }))

  it.live("layer is FetchClient on Cloudflare Workers, even with nodejs_compat", () =>
    Effect.gen(function*() {
      const asWorkers = disguised(pretendCloudflareWorkers)
      const used = yield* Effect.scoped(Effect.andThen(asWorkers, viaLayer(HttpTransport.layer)))
      assert.strictEqual(used, "fetch")
      assert.strictEqual(HttpTransport.kind(), "node")
    }))
})
