/**
 * The in-process transport: an `HttpClient` whose requests the emulator answers in memory.
 *
 * Built with `HttpClient.makeWith`, not `HttpClient.make`: `make` exists for real network clients (an
 * `AbortController`, a parsed `URL` and a `FinalizationRegistry` entry per request, a web `Response` to read), which
 * cost several times more than the emulator's whole handling of a request. Here nothing is in flight outside the
 * fiber, so interrupting the fiber is all the cancellation there is, and the answer is already a string.
 */
import * as Cookies from "@effect/platform/Cookies"
import * as Headers from "@effect/platform/Headers"
import * as HttpClient from "@effect/platform/HttpClient"
import * as HttpClientError from "@effect/platform/HttpClientError"
import type * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import * as HttpClientResponse from "@effect/platform/HttpClientResponse"
import * as HttpIncomingMessage from "@effect/platform/HttpIncomingMessage"
import * as UrlParams from "@effect/platform/UrlParams"
import * as Effect from "effect/Effect"
import * as Inspectable from "effect/Inspectable"
import * as Option from "effect/Option"
import * as Stream from "effect/Stream"
import type { WireRequest, WireResponse } from "./app.js"

const utf8 = new TextDecoder()
const utf8Encoder = new TextEncoder()

/** A response already in memory: every accessor succeeds (or fails) without an asynchronous step. */
class MemoryResponse extends Inspectable.Class implements HttpClientResponse.HttpClientResponse {
  readonly [HttpClientResponse.TypeId]: HttpClientResponse.TypeId = HttpClientResponse.TypeId
  readonly [HttpIncomingMessage.TypeId]: HttpIncomingMessage.TypeId = HttpIncomingMessage.TypeId
  readonly status: number
  readonly headers: Headers.Headers
  readonly remoteAddress = Option.none<string>()

  constructor(readonly request: HttpClientRequest.HttpClientRequest, private readonly answer: WireResponse) {
    super()
    this.status = answer.status
    this.headers = Headers.fromInput(answer.headers)
  }

  private decodeError(description: string, cause?: unknown) {
    return new HttpClientError.ResponseError({ request: this.request, response: this, reason: "Decode", description, cause })
  }

  get text(): Effect.Effect<string, HttpClientError.ResponseError> {
    return Effect.succeed(this.answer.body)
  }

  get json(): Effect.Effect<unknown, HttpClientError.ResponseError> {
    return Effect.try({ try: () => JSON.parse(this.answer.body) as unknown, catch: (cause) => this.decodeError("invalid JSON", cause) })
  }

  get urlParamsBody(): Effect.Effect<UrlParams.UrlParams, HttpClientError.ResponseError> {
    return Effect.succeed(UrlParams.fromInput(new URLSearchParams(this.answer.body)))
  }

  get arrayBuffer(): Effect.Effect<ArrayBuffer, HttpClientError.ResponseError> {
    return Effect.sync(() => utf8Encoder.encode(this.answer.body).buffer as ArrayBuffer)
  }

  get stream(): Stream.Stream<Uint8Array, HttpClientError.ResponseError> {
    return Stream.sync(() => utf8Encoder.encode(this.answer.body))
  }

  get formData(): Effect.Effect<FormData, HttpClientError.ResponseError> {
    return Effect.tryPromise({
      try: () => new Response(this.answer.body, { headers: this.answer.headers }).formData(),
      catch: (cause) => this.decodeError("invalid form data", cause)
    })
  }

  get cookies(): Cookies.Cookies {
    const setCookie = this.answer.headers["set-cookie"]
    return setCookie === undefined ? Cookies.empty : Cookies.fromSetCookie(setCookie)
  }

  toJSON(): unknown {
    return { _id: "@effect/platform/HttpClientResponse", status: this.status, headers: Inspectable.redact(this.headers) }
  }
}

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
          Effect.map((response): HttpClientResponse.HttpClientResponse => new MemoryResponse(request, response)),
          Effect.catchAllDefect((cause) =>
            Effect.fail<HttpClientError.HttpClientError>(new HttpClientError.RequestError({ request, reason: "Transport", cause }))
          )
        )
      }),
    Effect.succeed
  )
