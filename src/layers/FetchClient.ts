/**
 * A lean `HttpClient` over the runtime's `fetch`, for the Stytch API: a drop-in for `FetchHttpClient.layer` that
 * costs much less per request.
 *
 * `FetchHttpClient` (like every client made with `HttpClient.make`) pays per request for a parsed `URL`, a span with
 * the request's headers as attributes, a `FinalizationRegistry` entry and a web `Response` read through its own
 * effects; with the server on loopback that made `users.get` half as fast as a bare `fetch`, and slower than the
 * official `stytch` package. This client sends the request and reads the whole body as text, and converts the
 * response headers only when someone reads them. Interrupting the fiber aborts the request.
 *
 * Bodies are capped (`maxBodyBytes`, default 10 MiB; Stytch's largest answers, a 1,000-user search, are a few MB):
 * a `Content-Length` over the cap fails at once, and a body without one (chunked) is read as a stream and the request
 * aborted as soon as the cap is passed. Either way the call fails with `StytchTransportError` `reason: "BodyTooLarge"`
 * (a platform `ResponseError` whose cause is a `BodyTooLargeError`, for other users of the client).
 *
 * It suits JSON APIs whose answers fit in memory (Stytch's do). The SDK's own span per call (`Stytch.<endpoint>`)
 * stays; what it does not do is `HttpClient.make`'s per-request span and trace-context propagation headers.
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
import { TextResponse } from "../internal/textResponse.js"
import { BodyTooLargeError, DEFAULT_MAX_BODY_BYTES as TRANSPORT_MAX_BODY_BYTES } from "../core/transport.js"

/**
 * @since 0.1.0
 * @category models
 */
export interface Options {
  /** The largest answer body read, in bytes (default 10 MiB). */
  readonly maxBodyBytes?: number | undefined
}

/**
 * The default `maxBodyBytes`: 10 MiB (the same for every SDK transport).
 *
 * @since 0.1.0
 * @category constants
 */
export const DEFAULT_MAX_BODY_BYTES = TRANSPORT_MAX_BODY_BYTES

/** The body as text, refusing more than `limit` bytes (fails with `BodyTooLargeError`). */
const readCapped = async (response: Response, limit: number): Promise<string> => {
  const length = response.headers.get("content-length")
  if (length !== null && /^\d+$/.test(length)) {
    if (Number(length) > limit) throw new BodyTooLargeError(limit)
    // fetch holds an unencoded body to its declared length; a compressed one may inflate past it, so it streams.
    if (!response.headers.has("content-encoding")) return response.text()
  }
  if (response.body === null) return ""
  const reader = response.body.getReader()
  const chunks: Array<Uint8Array> = []
  let size = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.byteLength
    if (size > limit) {
      reader.cancel().catch(() => {})
      throw new BodyTooLargeError(limit)
    }
    chunks.push(value)
  }
  return new TextDecoder().decode(chunks.length === 1 ? chunks[0] : concat(chunks, size))
}

const concat = (chunks: ReadonlyArray<Uint8Array>, size: number) => {
  const out = new Uint8Array(size)
  let at = 0
  for (const chunk of chunks) {
    out.set(chunk, at)
    at += chunk.byteLength
  }
  return out
}

const bodyOf = (body: HttpClientRequest.HttpClientRequest["body"]): BodyInit | null => {
  switch (body._tag) {
    case "Raw":
      return body.body as BodyInit
    case "Uint8Array":
      return body.body as BodyInit
    case "FormData":
      return body.formData
    default:
      return null
  }
}

const headersOf = (response: Response) => () => {
  const record: Record<string, string> = {}
  response.headers.forEach((value, name) => {
    record[name] = value
  })
  return record
}

/**
 * The client, over `fetch` (the global one by default).
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (
  fetch: typeof globalThis.fetch = globalThis.fetch,
  options: Options = {}
): HttpClient.HttpClient => {
  const limit = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES
  return HttpClient.makeWith<never, never, HttpClientError.HttpClientError, never>(
    (requestEffect) =>
      Effect.flatMap(requestEffect, (request) => {
        if (request.body._tag === "Stream") {
          return Effect.fail(
            new HttpClientError.RequestError({
              request,
              reason: "Encode",
              description: "stream bodies are not supported"
            })
          )
        }
        const url = request.urlParams.length === 0
          ? request.url
          : `${request.url}${request.url.includes("?") ? "&" : "?"}${UrlParams.toString(request.urlParams)}`
        return Effect.async<HttpClientResponse.HttpClientResponse, HttpClientError.HttpClientError>((resume) => {
          const controller = new AbortController()
          let status = 0
          fetch(url, { method: request.method, headers: request.headers, body: bodyOf(request.body), signal: controller.signal })
            .then((response) => {
              status = response.status
              return readCapped(response, limit).then((body) =>
                resume(Effect.succeed(new TextResponse(request, response.status, headersOf(response), body)))
              )
            })
            .catch((cause) => {
              // Stop the transfer (an oversized body may still be streaming).
              controller.abort()
              // A failure before the status is a transport failure; one while reading the body is a decode failure.
              resume(Effect.fail(
                status === 0
                  ? new HttpClientError.RequestError({ request, reason: "Transport", cause })
                  : new HttpClientError.ResponseError({
                    request,
                    response: new TextResponse(request, status, {}, ""),
                    reason: "Decode",
                    cause
                  })
              ))
            })
          return Effect.sync(() => controller.abort())
        })
      }),
    Effect.succeed
  )
}

/**
 * `HttpClient.HttpClient` over the global `fetch`: `Stytch.layer(options).pipe(Layer.provide(FetchClient.layer))`.
 *
 * @since 0.1.0
 * @category layers
 */
export const layer: Layer.Layer<HttpClient.HttpClient> = Layer.sync(HttpClient.HttpClient, () => make())

/**
 * `layer` with options: `FetchClient.layerWith({ maxBodyBytes: 1024 * 1024 })`.
 *
 * @since 0.1.0
 * @category layers
 */
export const layerWith = (options: Options): Layer.Layer<HttpClient.HttpClient> =>
  Layer.sync(HttpClient.HttpClient, () => make(globalThis.fetch, options))
