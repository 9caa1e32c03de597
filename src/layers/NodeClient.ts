/**
 * An `HttpClient` over Node's `node:http` / `node:https` with keep-alive agents: the fastest transport for the Stytch
 * API on Node (and on Bun and Deno, which provide the same modules). On loopback a keep-alive `http.request` answers
 * a GET markedly faster than `fetch` (undici), most of all with many requests in flight.
 *
 * Guarantees are those of `FetchClient`: interrupting the fiber destroys the request (and its socket), so the SDK's
 * per-attempt timeout closes the connection; bodies are capped (`maxBodyBytes`, default 10 MiB) by a declared
 * `Content-Length` at once and by counting while streaming otherwise, failing with a platform `ResponseError` whose
 * cause is a `BodyTooLargeError` (`StytchTransportError` `reason: "BodyTooLarge"` through the SDK); a failure before
 * the status is a `RequestError` (`Transport`) holding the system error (`ECONNREFUSED`, a certificate code, ...),
 * never the request's headers.
 *
 * The modules are loaded with `process.getBuiltinModule`, with no import statement, so a bundle for a runtime without
 * them (a browser, workerd) does not reference them; there `make` dies and `HttpTransport.layer` picks `FetchClient`.
 * The agents live as long as the layer's scope: closing it destroys them and their idle sockets.
 *
 * The response body is not decompressed: the client sends no `accept-encoding`, so servers answer uncompressed.
 *
 * @since 0.1.0
 */
import * as HttpClient from "@effect/platform/HttpClient"
import * as HttpClientError from "@effect/platform/HttpClientError"
import type * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import type * as HttpClientResponse from "@effect/platform/HttpClientResponse"
import * as UrlParams from "@effect/platform/UrlParams"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import type * as Scope from "effect/Scope"
import * as Stream from "effect/Stream"
import type * as Http from "node:http"
import type * as Https from "node:https"
import { TextResponse } from "../internal/textResponse.js"
import { BodyTooLargeError, DEFAULT_MAX_BODY_BYTES as TRANSPORT_MAX_BODY_BYTES } from "../core/transport.js"

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
export interface NodeModules {
  readonly http: typeof Http
  readonly https: typeof Https
}

/**
 * `node:http` and `node:https` when the runtime has them (through `process.getBuiltinModule`), else `undefined`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const loadModules = (): NodeModules | undefined => {
  try {
    const load = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process
      ?.getBuiltinModule
    if (typeof load !== "function") return undefined
    const http = load("node:http") as typeof Http | undefined
    const https = load("node:https") as typeof Https | undefined
    return http && https && typeof http.request === "function" ? { http, https } : undefined
  } catch {
    return undefined
  }
}

type Body = string | Uint8Array | ReadableStream<Uint8Array> | null

const encodeFailure = (request: HttpClientRequest.HttpClientRequest, description: string) =>
  new HttpClientError.RequestError({ request, reason: "Encode", description })

/** The request body in a form `node:http` can write (a `FormData` is encoded as a web `Response` would). */
const bodyOf = (
  request: HttpClientRequest.HttpClientRequest
): Effect.Effect<{ readonly body: Body; readonly contentType?: string | undefined }, HttpClientError.RequestError> => {
  const body = request.body
  switch (body._tag) {
    case "Empty":
      return Effect.succeed({ body: null })
    case "Uint8Array":
      return Effect.succeed({ body: body.body })
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
        try: async () => {
          const encoded = new Response(body.formData)
          return {
            body: new Uint8Array(await encoded.arrayBuffer()),
            contentType: encoded.headers.get("content-type") ?? undefined
          }
        },
        catch: () => encodeFailure(request, "could not encode the form data")
      })
    case "Stream":
      return Effect.map(Stream.toReadableStreamEffect(body.stream), (stream) => ({ body: stream }))
  }
}

/** Writes a web stream into the request, honouring back-pressure; resolves when it is all written and ended. */
const pipeWeb = async (stream: ReadableStream<Uint8Array>, req: Http.ClientRequest) => {
  const reader = stream.getReader()
  // An interrupted or failed request stops the stream (and the fiber producing it).
  req.once("close", () => reader.cancel().catch(() => {}))
  try {
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      if (req.destroyed) return
      if (!req.write(value)) {
        await new Promise<void>((resolve) => {
          const go = () => {
            req.off("drain", go)
            req.off("close", go)
            resolve()
          }
          req.on("drain", go)
          req.on("close", go)
        })
      }
    }
    req.end()
  } finally {
    reader.releaseLock()
  }
}

const headersOf = (raw: Http.IncomingHttpHeaders) => () => {
  const record: Record<string, string> = {}
  for (const name in raw) {
    const value = raw[name]
    if (value !== undefined) record[name] = typeof value === "string" ? value : value.join(", ")
  }
  return record
}

const CONTENT_LENGTH = /^\d+$/

interface Target {
  readonly protocol: string
  readonly hostname: string
  readonly port: string
  readonly path: string
}

/**
 * `url` split for `http.request`. The origin's parse is cached (a client talks to one or two hosts): a `URL` per
 * request was a measurable share of the transport's own cost. Anything unusual takes the full parse.
 */
const origins = new Map<string, Omit<Target, "path">>()
const SIMPLE = /^(https?:\/\/[^/?#@\\\s]+)(\/[!-"$-~]*)?$/
const targetOf = (url: string): Target => {
  const simple = SIMPLE.exec(url)
  if (simple !== null) {
    const origin = simple[1]!
    let cached = origins.get(origin)
    if (cached === undefined) {
      const parsed = new URL(origin)
      cached = { protocol: parsed.protocol, hostname: unbracket(parsed.hostname), port: parsed.port }
      if (origins.size >= 64) origins.clear()
      origins.set(origin, cached)
    }
    return { ...cached, path: simple[2] ?? "/" }
  }
  const parsed = new URL(url)
  return {
    protocol: parsed.protocol,
    hostname: unbracket(parsed.hostname),
    port: parsed.port,
    path: `${parsed.pathname}${parsed.search}`
  }
}
const unbracket = (hostname: string) => hostname.startsWith("[") ? hostname.slice(1, -1) : hostname

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
    body: Body,
    contentType: string | undefined
  ) =>
    Effect.async<HttpClientResponse.HttpClientResponse, HttpClientError.HttpClientError>((resume) => {
      const headers: Record<string, string> = contentType === undefined
        ? request.headers
        : { ...request.headers, "content-type": contentType }
      let settled = false
      let status = 0
      const fail = (error: HttpClientError.HttpClientError) => {
        if (settled) return
        settled = true
        req.destroy()
        resume(Effect.fail(error))
      }
      const failDecode = (cause: unknown) =>
        fail(
          new HttpClientError.ResponseError({
            request,
            response: new TextResponse(request, status, {}, ""),
            reason: "Decode",
            cause
          })
        )
      let req: Http.ClientRequest
      try {
        const target = targetOf(url)
        const secure = target.protocol === "https:"
        req = (secure ? modules.https : modules.http).request({
          protocol: target.protocol,
          hostname: target.hostname,
          port: target.port,
          path: target.path,
          method: request.method,
          headers,
          agent: secure ? agents.https : agents.http
        })
      } catch (cause) {
        // An invalid URL or header value: nothing was sent.
        resume(Effect.fail(new HttpClientError.RequestError({ request, reason: "Transport", cause })))
        return
      }
      req.on("error", (cause) => {
        if (status === 0) fail(new HttpClientError.RequestError({ request, reason: "Transport", cause }))
        else failDecode(cause)
      })
      req.on("response", (res) => {
        status = res.statusCode ?? 0
        const length = res.headers["content-length"]
        if (length !== undefined && CONTENT_LENGTH.test(length) && Number(length) > limit) {
          failDecode(new BodyTooLargeError(limit))
          return
        }
        const chunks: Array<Buffer> = []
        let size = 0
        res.on("data", (chunk: Buffer) => {
          size += chunk.byteLength
          if (size > limit) failDecode(new BodyTooLargeError(limit))
          else chunks.push(chunk)
        })
        res.on("error", failDecode)
        res.on("end", () => {
          if (settled) return
          settled = true
          const text = chunks.length === 1 ? chunks[0]!.toString("utf8") : Buffer.concat(chunks, size).toString("utf8")
          resume(Effect.succeed(new TextResponse(request, status, headersOf(res.headers), text)))
        })
        res.on("close", () => {
          if (!settled && !res.complete) failDecode(new Error("the connection closed before the body was complete"))
        })
      })
      if (body === null) req.end()
      else if (typeof body === "string" || body instanceof Uint8Array) req.end(body)
      else {
        const streamFailed = (cause: unknown) =>
          new HttpClientError.RequestError({ request, reason: "Encode", description: "body stream failed", cause })
        pipeWeb(body, req).catch((cause) => fail(streamFailed(cause)))
      }
      return Effect.sync(() => {
        settled = true
        req.destroy()
      })
    })
  return HttpClient.makeWith<never, never, HttpClientError.HttpClientError, never>(
    (requestEffect) =>
      Effect.flatMap(requestEffect, (request) => {
        const url = request.urlParams.length === 0
          ? request.url
          : `${request.url}${request.url.includes("?") ? "&" : "?"}${UrlParams.toString(request.urlParams)}`
        const tag = request.body._tag
        if (tag === "Empty" || tag === "Uint8Array") {
          return send(request, url, tag === "Empty" ? null : (request.body as { body: Uint8Array }).body, undefined)
        }
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
    if (modules === undefined) return Effect.dieMessage("NodeClient: this runtime has no node:http")
    const agentOptions = {
      keepAlive: true,
      maxSockets: options.maxSockets ?? Infinity,
      maxFreeSockets: options.maxFreeSockets ?? 256,
      scheduling: "lifo" as const
    }
    return Effect.map(
      Effect.acquireRelease(
        Effect.sync(() => ({
          http: new modules.http.Agent(agentOptions),
          https: new modules.https.Agent(agentOptions)
        })),
        (agents) =>
          Effect.sync(() => {
            agents.http.destroy()
            agents.https.destroy()
          })
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
export const layer: Layer.Layer<HttpClient.HttpClient> = Layer.scoped(HttpClient.HttpClient, make())

/**
 * `layer` with options: `NodeClient.layerWith({ maxBodyBytes: 1024 * 1024, maxSockets: 32 })`.
 *
 * @since 0.1.0
 * @category layers
 */
export const layerWith = (options: Options): Layer.Layer<HttpClient.HttpClient> =>
  Layer.scoped(HttpClient.HttpClient, make(options))
