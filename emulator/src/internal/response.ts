/**
 * The in-process transport: an `HttpClient` whose requests the emulator answers in memory.
 *
 * Built with `HttpClient.makeWith`, not `HttpClient.make`: `make` exists for real network clients (an
 * `AbortController`, a parsed `URL` and a `FinalizationRegistry` entry per request, a web `Response` to read), which
 * cost several times more than the emulator's whole handling of a request. Here nothing is in flight outside the
 * fiber, so interrupting the fiber is all the cancellation there is, and the answer is already a string.
 */
import * as HttpClient from "@effect/platform/HttpClient"
import * as HttpClientError from "@effect/platform/HttpClientError"
import type * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import * as UrlParams from "@effect/platform/UrlParams"
import * as Effect from "effect/Effect"
import type * as HttpClientResponse from "@effect/platform/HttpClientResponse"
import { TextResponse } from "../../../src/internal/textResponse.js"
import type { WireRequest, WireResponse } from "./app.js"

const utf8 = new TextDecoder()

const bodyText = (body: HttpClientRequest.HttpClientRequest["body"]): string => {
  switch (body._tag) {
    case "Uint8Array":
      return utf8.decode(body.body)
    case "Raw":
      return typeof body.body === "string" ? body.body : ""
    default:
      return ""
  }
}

/** Path and query of a request's URL, without parsing a `URL` (the origin is whatever the SDK was configured with). */
const pathAndQuery = (request: HttpClientRequest.HttpClientRequest): { readonly origin: string; readonly path: string } => {
  const { url } = request
  const scheme = url.indexOf("://")
  const slash = scheme < 0 ? 0 : url.indexOf("/", scheme + 3)
  const origin = slash < 0 ? url : url.slice(0, slash)
  let path = slash < 0 ? "/" : url.slice(slash)
  if (request.urlParams.length > 0) {
    path += (path.includes("?") ? "&" : "?") + UrlParams.toString(request.urlParams)
  }
  return { origin, path }
}

/**
 * An `HttpClient` whose requests `answer` handles. A defect in the handler becomes a transport `RequestError`, as a
 * broken connection would.
 */
export const memoryClient = (
  answer: (request: WireRequest, origin: string) => Effect.Effect<WireResponse>
): HttpClient.HttpClient =>
  HttpClient.makeWith<never, never, HttpClientError.HttpClientError, never>(
    (requestEffect) =>
      Effect.flatMap(requestEffect, (request) => {
        const { origin, path } = pathAndQuery(request)
        const wire: WireRequest = { method: request.method, url: path, headers: request.headers, body: bodyText(request.body) }
        return answer(wire, origin).pipe(
          Effect.map((response): HttpClientResponse.HttpClientResponse => new TextResponse(request, response.status, response.headers, response.body)),
          Effect.catchAllDefect((cause) =>
            Effect.fail<HttpClientError.HttpClientError>(new HttpClientError.RequestError({ request, reason: "Transport", cause }))
          )
        )
      }),
    Effect.succeed
  )
