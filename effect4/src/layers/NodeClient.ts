/**
 * An `HttpClient` over Node's `node:http` / `node:https` with keep-alive agents: the fastest transport for the Stytch
 * API on Node (and on Bun and Deno, which provide the same modules). On loopback a keep-alive `http.request` answers
 * a GET markedly faster than `fetch` (undici), most of all with many requests in flight.
 *
 * Guarantees are those of `FetchClient`: interrupting the fiber destroys the request (and its socket), so the SDK's
 * per-attempt timeout closes the connection; bodies are capped (`maxBodyBytes`, default 10 MiB) by a declared
 * `Content-Length` at once and by counting while streaming otherwise, failing with an `HttpClientError` whose reason
 * is a `DecodeError` caused by a `BodyTooLargeError` (`StytchTransportError` `reason: "BodyTooLarge"` through the
 * SDK); a failure before the status is a `TransportError` holding the system error (`ECONNREFUSED`, a certificate
 * code, ...), never the request's headers.
 *
 * The modules are loaded with `process.getBuiltinModule`, with no import statement, so a bundle for a runtime without
 * them (a browser, workerd) does not reference them; there `make` dies and `HttpTransport.layer` picks `FetchClient`.
 * The agents live as long as the layer's scope: closing it destroys them and their idle sockets.
 *
 * The response body is not decompressed: the client sends no `accept-encoding`, so servers answer uncompressed.
 *
 * @since 0.1.0
 */
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import type * as Scope from "effect/Scope"
import * as Stream from "effect/Stream"
import * as HttpClient from "effect/http/HttpClient"
import * as HttpClientError from "effect/http/HttpClientError"
import type * as HttpClientRequest from "effect/http/HttpClientRequest"
import type * as HttpClientResponse from "effect/http/HttpClientResponse"
import * as UrlParams from "effect/http/UrlParams"
import type * as Http from "node:http"
import type * as Https from "node:https"
import { withQuery } from "../../../src/core/exchange.js"
import * as NodeRequest from "../../../src/core/nodeRequest.js"
import { DEFAULT_MAX_BODY_BYTES as TRANSPORT_MAX_BODY_BYTES } from "../../../src/core/transport.js"
import { exchangeError, TextResponse } from "../internal/textResponse.js"

/**
 * @since 0.1.0
 * @category models
 */
export interface Options {
  /** The largest answer body read, in bytes (default 10 MiB). */
  readonly maxBodyBytes?: number | undefined
  /** The most sockets open at once per host (default: no limit, Node's default). */
  readonly maxSockets?: number | undefined
  /** The most idle keep-alive sockets kept per host (default 256). */
  readonly maxFreeSockets?: number | undefined
}

/**
 * The default `maxBodyBytes`: 10 MiB (the same for every SDK transport).
 *
 * @since 0.1.0
 * @category constants
 */
export const DEFAULT_MAX_BODY_BYTES = TRANSPORT_MAX_BODY_BYTES

/** The Node built-ins the client runs on, loaded once with `process.getBuiltinModule`. */
export type NodeModules = NodeRequest.NodeModules

/**
 * `node:http` and `node:https` when the runtime has them (through `process.getBuiltinModule`), else `undefined`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const loadModules = (): NodeModules | undefined => NodeRequest.loadModules()

const encodeFailure = (request: HttpClientRequest.HttpClientRequest, description: string, cause?: unknown) =>
  new HttpClientError.HttpClientError({ reason: new HttpClientError.EncodeError({ request, description, cause }) })

/** The request body in a form `node:http` can write (a `FormData` is encoded as a web `Response` would). */
const bodyOf = (
  request: HttpClientRequest.HttpClientRequest
): Effect.Effect<
  { readonly body: NodeRequest.NodeBody; readonly contentType?: string | undefined },
  HttpClientError.HttpClientError
> => {
  const body = request.body
  switch (body._tag) {
    case "Empty":
      return Effect.succeed({ body: null })
    case "Uint8Array":
      return Effect.succeed({ body: body.text ?? body.body })
    case "Raw": {
      const raw = body.body
      if (typeof raw === "string" || raw instanceof Uint8Array) return Effect.succeed({ body: raw })
      if (raw instanceof ArrayBuffer) return Effect.succeed({ body: new Uint8Array(raw) })
      if (typeof ReadableStream !== "undefined" && raw instanceof ReadableStream) {
        return Effect.succeed({ body: raw as ReadableStream<Uint8Array> })
      }
      return Effect.fail(encodeFailure(request, "unsupported raw body"))
    }
    case "FormData":
      return Effect.tryPromise({
        try: () => NodeRequest.encodeForm(body.formData),
        catch: (cause) => encodeFailure(request, "could not encode the form data", cause)
      })
    case "Stream":
      return Effect.map(Stream.toReadableStreamEffect(body.stream), (stream) => ({ body: stream }))
  }
}

/**
 * The client, over the given agents (their lifetime is the caller's).
 *
 * @since 0.1.0
 * @category constructors
 */
export const fromAgents = (
  modules: NodeModules,
  agents: { readonly http: Http.Agent; readonly https: Https.Agent },
  options: Options = {}
): HttpClient.HttpClient => {
  const limit = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES
  const send = (
    request: HttpClientRequest.HttpClientRequest,
    url: string,
    body: NodeRequest.NodeBody,
    contentType: string | undefined
  ) =>
    Effect.callback<HttpClientResponse.HttpClientResponse, HttpClientError.HttpClientError>((resume) => {
      const headers: Record<string, string> = contentType === undefined
        ? request.headers
        : { ...request.headers, "content-type": contentType }
      return Effect.sync(NodeRequest.send(modules, agents, { method: request.method, url, headers, body }, limit, {
        onAnswer: (status, headers, text) => resume(Effect.succeed(new TextResponse(request, status, headers, text))),
        onFailure: (failure) => resume(Effect.fail(exchangeError(request, failure)))
      }))
    })
  return HttpClient.makeWith<never, never, HttpClientError.HttpClientError, never>(
    (requestEffect) =>
      Effect.flatMap(requestEffect, (request) => {
        const params = request.urlParams.params
        const url = params.length === 0 ? request.url : withQuery(request.url, UrlParams.toString(request.urlParams))
        const body = request.body
        if (body._tag === "Empty") return send(request, url, null, undefined)
        if (body._tag === "Uint8Array") return send(request, url, body.text ?? body.body, undefined)
        return Effect.flatMap(bodyOf(request), ({ body, contentType }) => send(request, url, body, contentType))
      }),
    Effect.succeed
  )
}

/**
 * The client with its own keep-alive agents, destroyed when the scope closes. Dies when the runtime has no
 * `node:http` (use `HttpTransport.layer` to fall back to `fetch`).
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (options: Options = {}): Effect.Effect<HttpClient.HttpClient, never, Scope.Scope> =>
  Effect.suspend(() => {
    const modules = loadModules()
    if (modules === undefined) return Effect.die(new Error("NodeClient: this runtime has no node:http"))
    return Effect.map(
      Effect.acquireRelease(
        Effect.sync(() => NodeRequest.makeAgents(modules, options)),
        (agents) => Effect.sync(() => NodeRequest.destroyAgents(agents))
      ),
      (agents) => fromAgents(modules, agents, options)
    )
  })

/**
 * `HttpClient.HttpClient` over `node:http` with keep-alive agents:
 * `Stytch.layer(options).pipe(Layer.provide(NodeClient.layer))`.
 *
 * @since 0.1.0
 * @category layers
 */
export const layer: Layer.Layer<HttpClient.HttpClient> = /* @__PURE__ */ Layer.effect(HttpClient.HttpClient, make())

/**
 * `layer` with options: `NodeClient.layerWith({ maxBodyBytes: 1024 * 1024, maxSockets: 32 })`.
 *
 * @since 0.1.0
 * @category layers
 */
export const layerWith = (options: Options): Layer.Layer<HttpClient.HttpClient> =>
  Layer.effect(HttpClient.HttpClient, make(options))
