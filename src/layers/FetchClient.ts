/**
 * A lean `HttpClient` over the runtime's `fetch`, for the Stytch API: a drop-in for `FetchHttpClient.layer` that
 * costs much less per request.
 *
 * `FetchHttpClient` (like every client made with `HttpClient.make`) pays per request for a parsed `URL`, a span with
 * the request's headers as attributes, a `FinalizationRegistry` entry and a web `Response` read through its own
 * effects; with the server on loopback that made `users.get` half as fast as a bare `fetch`, and slower than the
 * official `stytch` package. This client sends the request and reads the whole body as text in one promise, and
 * converts the response headers only when someone reads them. Interrupting the fiber aborts the request.
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
export const make = (fetch: typeof globalThis.fetch = globalThis.fetch): HttpClient.HttpClient =>
  HttpClient.makeWith<never, never, HttpClientError.HttpClientError, never>(
    (requestEffect) =>
      Effect.flatMap(requestEffect, (request) => {
        if (request.body._tag === "Stream") {
          return Effect.fail(
            new HttpClientError.RequestError({ request, reason: "Encode", description: "stream bodies are not supported" })
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
              return response.text().then((body) =>
                resume(Effect.succeed(new TextResponse(request, response.status, headersOf(response), body)))
              )
            })
            .catch((cause) =>
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
            )
          return Effect.sync(() => controller.abort())
        })
      }),
    Effect.succeed
  )

/**
 * `HttpClient.HttpClient` over the global `fetch`: `Stytch.layer(options).pipe(Layer.provide(FetchClient.layer))`.
 *
 * @since 0.1.0
 * @category layers
 */
export const layer: Layer.Layer<HttpClient.HttpClient> = Layer.sync(HttpClient.HttpClient, () => make())
