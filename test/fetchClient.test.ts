/**
 * `FetchClient`, the SDK's lean `HttpClient` over `fetch`, against a small local server that records what it gets:
 * methods, query strings, bodies and headers arrive as sent; response headers are read on demand; interrupting the
 * fiber aborts the request (the server sees the connection close); a body cut off mid-read is a decode failure, a
 * refused connection a transport failure; a body over the cap (declared or streamed) stops the transfer.
 */
import { assert, describe, it } from "@effect/vitest"
import * as HttpClient from "@effect/platform/HttpClient"
import * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import * as Effect from "effect/Effect"
import * as Fiber from "effect/Fiber"
import * as Layer from "effect/Layer"
import * as fs from "node:fs"
import * as http from "node:http"
import * as https from "node:https"
import type { AddressInfo } from "node:net"
import { FetchClient, Stytch, StytchError, Users } from "../src/index.js"
import { BodyTooLargeError } from "../src/internal/transport.js"
import { expectFailure } from "./support.js"

interface Seen {
  readonly method: string
  readonly url: string
  readonly headers: http.IncomingHttpHeaders
  readonly body: string
}

/** A server on a free loopback port for the duration of `use`; `/hang` never answers, `/cut` breaks its body. */
const withServer = <A, E>(use: (base: string, seen: Array<Seen>, closed: Array<string>) => Effect.Effect<A, E>) =>
  Effect.acquireUseRelease(
    Effect.async<{ server: http.Server; seen: Array<Seen>; closed: Array<string> }>((resume) => {
      const seen: Array<Seen> = []
      const closed: Array<string> = []
      const server = http.createServer((req, res) => {
        let body = ""
        req.on("data", (chunk) => (body += chunk))
        req.on("end", () => {
          seen.push({ method: req.method!, url: req.url!, headers: req.headers, body })
          if (req.url === "/hang") {
            res.on("close", () => closed.push(req.url!))
            return
          }
          if (req.url!.startsWith("/endless")) {
            // Chunked (no Content-Length), 64 KiB at a time, until the client goes away.
            res.on("close", () => closed.push(req.url!))
            res.writeHead(200, { "content-type": "application/json" })
            const chunk = "x".repeat(64 * 1024)
            const pump = () => {
              while (!res.destroyed && res.write(chunk));
              if (!res.destroyed) res.once("drain", pump)
            }
            pump()
            return
          }
          if (req.url === "/large") {
            // Declares 100 MB, sends a little, then waits.
            res.on("close", () => closed.push(req.url!))
            res.writeHead(200, { "content-type": "application/json", "content-length": String(100 * 1024 * 1024) })
            res.write("{\"a\":\"")
            return
          }
          if (req.url === "/chunks") {
            res.writeHead(200, { "content-type": "application/json" })
            res.write("{\"ok\":")
            setTimeout(() => res.end("\"\u00e9\"}"), 5)
            return
          }
          if (req.url === "/cut") {
            res.writeHead(200, { "content-type": "application/json", "content-length": "100" })
            res.write("{\"partial\":")
            setTimeout(() => res.destroy(), 20)
            return
          }
          res.writeHead(201, { "content-type": "application/json", "x-request-id": "req-1", "retry-after": "3" })
          res.end(JSON.stringify({ ok: true }))
        })
      })
      server.listen(0, "127.0.0.1", () => resume(Effect.succeed({ server, seen, closed })))
    }),
    ({ closed, seen, server }) => use(`http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen, closed),
    ({ server }) =>
      Effect.async<void>((resume) => {
        server.closeAllConnections()
        server.close(() => resume(Effect.void))
      })
  )

const client = FetchClient.make()

describe("FetchClient", () => {
  it.live("sends method, URL with query parameters, headers and body; reads status, body and headers", () =>
    withServer((base, seen) =>
      Effect.gen(function*() {
        const request = HttpClientRequest.post(`${base}/v1/things?fixed=1`).pipe(
          HttpClientRequest.setUrlParams({ user_id: "user-test-1", q: "a b&c" }),
          HttpClientRequest.setHeader("authorization", "Basic abc"),
          HttpClientRequest.bodyText("{\"name\":\"x\"}", "application/json")
        )
        const response = yield* client.execute(request)
        assert.strictEqual(response.status, 201)
        assert.deepStrictEqual(yield* response.json, { ok: true })
        assert.strictEqual(yield* response.text, "{\"ok\":true}")
        assert.strictEqual(response.headers["x-request-id"], "req-1")
        assert.strictEqual(response.headers["retry-after"], "3")
        assert.strictEqual(seen.length, 1)
        assert.strictEqual(seen[0]!.method, "POST")
        assert.strictEqual(seen[0]!.url, "/v1/things?fixed=1&user_id=user-test-1&q=a+b%26c")
        assert.strictEqual(seen[0]!.headers.authorization, "Basic abc")
        assert.strictEqual(seen[0]!.headers["content-type"], "application/json")
        assert.strictEqual(seen[0]!.body, "{\"name\":\"x\"}")

        const get = yield* client.execute(HttpClientRequest.get(`${base}/plain`))
        assert.strictEqual(get.status, 201)
        assert.strictEqual(seen[1]!.method, "GET")
        assert.strictEqual(seen[1]!.body, "")
      })))

  it.live("interrupting the fiber aborts the request: the server sees the connection close", () =>
    withServer((base, seen, closed) =>
      Effect.gen(function*() {
        const fiber = yield* Effect.fork(client.execute(HttpClientRequest.get(`${base}/hang`)))
        while (seen.length === 0) yield* Effect.sleep("5 millis")
        yield* Fiber.interrupt(fiber)
        for (let i = 0; i < 200 && closed.length === 0; i++) yield* Effect.sleep("5 millis")
        assert.deepStrictEqual(closed, ["/hang"])
      })))

  it.live("a body cut off mid-read fails with a ResponseError (Decode); a refused connection with a RequestError", () =>
    withServer((base) =>
      Effect.gen(function*() {
        const cut = yield* client.execute(HttpClientRequest.get(`${base}/cut`)).pipe(Effect.flip)
        assert.strictEqual(cut._tag, "ResponseError")
        if (cut._tag === "ResponseError") assert.strictEqual(cut.reason, "Decode")
        // Port 1 on loopback: nothing listens there, so the connection is refused.
        const refused = yield* client.execute(HttpClientRequest.get("http://127.0.0.1:1/")).pipe(Effect.flip)
        assert.strictEqual(refused._tag, "RequestError")
        if (refused._tag === "RequestError") assert.strictEqual(refused.reason, "Transport")
      })))

  it.live("FetchClient.layer provides it as the HttpClient", () =>
    withServer((base, seen) =>
      Effect.gen(function*() {
        const provided = yield* HttpClient.HttpClient
        const response = yield* provided.execute(HttpClientRequest.get(`${base}/via-layer`))
        assert.strictEqual(response.status, 201)
        assert.strictEqual(seen[0]!.url, "/via-layer")
      }).pipe(Effect.provide(FetchClient.layer))))

  it.live("a chunked body under the cap is read whole, in order, as UTF-8", () =>
    withServer((base) =>
      Effect.gen(function*() {
        const response = yield* client.execute(HttpClientRequest.get(`${base}/chunks`))
        assert.deepStrictEqual(yield* response.json, { ok: "\u00e9" })
      })))

  it.live("an endless chunked body stops at the cap with BodyTooLargeError and the connection closed", () =>
    withServer((base, _seen, closed) =>
      Effect.gen(function*() {
        const capped = FetchClient.make(globalThis.fetch, { maxBodyBytes: 1024 * 1024 })
        const error = yield* expectFailure(capped.execute(HttpClientRequest.get(`${base}/endless`)))
        assert.strictEqual(error._tag, "ResponseError")
        assert.instanceOf(error.cause, BodyTooLargeError)
        for (let i = 0; i < 200 && closed.length === 0; i++) yield* Effect.sleep("5 millis")
        assert.deepStrictEqual(closed, ["/endless"])
      })))

  it.live("a Content-Length over the cap (default 10 MiB) fails before the body is read", () =>
    withServer((base, _seen, closed) =>
      Effect.gen(function*() {
        assert.strictEqual(FetchClient.DEFAULT_MAX_BODY_BYTES, 10 * 1024 * 1024)
        const error = yield* expectFailure(client.execute(HttpClientRequest.get(`${base}/large`)))
        assert.instanceOf(error.cause, BodyTooLargeError)
        for (let i = 0; i < 200 && closed.length === 0; i++) yield* Effect.sleep("5 millis")
        assert.deepStrictEqual(closed, ["/large"])
      })))

  it.live("through the SDK: StytchTransportError reason BodyTooLarge, not retried", () =>
    withServer((base, seen) =>
      Effect.gen(function*() {
        const users = yield* Users.Users
        const error = yield* expectFailure(users.get({ user_id: "user-test-x" }))
        assert.instanceOf(error, StytchError.StytchTransportError)
        assert.strictEqual(error._tag === "StytchTransportError" && error.reason, "BodyTooLarge")
        assert.include(error.message, "65536")
        assert.strictEqual(seen.length, 1)
      }).pipe(Effect.provide(sdk(`${base}/endless`, FetchClient.layerWith({ maxBodyBytes: 64 * 1024 }))))))

  it.live("a refused connection names its cause: code ECONNREFUSED in the field and the message", () =>
    Effect.gen(function*() {
      const port = yield* freedPort
      const error = yield* expectFailure(
        Effect.flatMap(Users.Users, (users) => users.get({ user_id: "user-test-x" })).pipe(
          Effect.provide(sdk(`http://127.0.0.1:${port}`, FetchClient.layer, 0))
        )
      )
      assert.strictEqual(error._tag, "StytchTransportError")
      if (error._tag !== "StytchTransportError") return
      assert.strictEqual(error.reason, "Transport")
      assert.strictEqual(error.code, "ECONNREFUSED")
      assert.include(error.message, "ECONNREFUSED")
      assert.include(error.message, `127.0.0.1:${port}`)
      assert.notInclude(error.message, `Transport error on GET http://127.0.0.1:${port}/v1/users/user-test-x: Transport`)
      assert.notInclude(error.message + JSON.stringify(error), SECRET)
    }))

  it.live("a TLS failure names its cause: the certificate error code and message", () =>
    withSelfSignedServer((base) =>
      Effect.gen(function*() {
        const error = yield* expectFailure(
          Effect.flatMap(Users.Users, (users) => users.get({ user_id: "user-test-x" })).pipe(
            Effect.provide(sdk(base, FetchClient.layer, 0))
          )
        )
        assert.strictEqual(error._tag === "StytchTransportError" && error.code, "DEPTH_ZERO_SELF_SIGNED_CERT")
        assert.include(error.message, "self-signed certificate")
      })))
})

/**
 * An HTTPS server with a self-signed certificate (test/fixtures/tls, a test-only key made with
 * `openssl req -x509 -newkey rsa:2048 -nodes -days 36500 -subj /CN=127.0.0.1`), for a real TLS failure.
 */
const withSelfSignedServer = <A, E>(use: (base: string) => Effect.Effect<A, E>) =>
  Effect.acquireUseRelease(
    Effect.async<https.Server>((resume) => {
      const fixture = (name: string) => fs.readFileSync(new URL(`./fixtures/tls/${name}`, import.meta.url))
      const server = https.createServer(
        { key: fixture("self-signed-key.pem"), cert: fixture("self-signed-cert.pem") },
        (_req, res) => res.end("{}")
      )
      server.listen(0, "127.0.0.1", () => resume(Effect.succeed(server)))
    }),
    (server) => use(`https://127.0.0.1:${(server.address() as AddressInfo).port}`),
    (server) =>
      Effect.async<void>((resume) => {
        server.closeAllConnections()
        server.close(() => resume(Effect.void))
      })
  )

/** A loopback port that was free a moment ago and has nobody listening now. */
const freedPort = Effect.async<number>((resume) => {
  const server = http.createServer()
  server.listen(0, "127.0.0.1", () => {
    const port = (server.address() as AddressInfo).port
    server.close(() => resume(Effect.succeed(port)))
  })
})

const SECRET = "secret-test-Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MA"

/** Every SDK service against `baseUrl`, over `client`. */
const sdk = (baseUrl: string, client: Layer.Layer<HttpClient.HttpClient>, maxRetries = 2) =>
  Stytch.layer({ projectId: "project-test-11111111-2222-4333-8444-555555555555", secret: SECRET, baseUrl, maxRetries })
    .pipe(Layer.orDie, Layer.provide(client))
