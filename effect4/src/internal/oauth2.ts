/**
 * The OAuth2 form posts (`m2m.token`, `idp.introspectTokenNetwork`): off the JSON API conventions, without the
 * project's Basic auth, answering OAuth2 error bodies.
 */
import * as Effect from "effect/Effect"
import * as HttpClientRequest from "effect/http/HttpClientRequest"
import * as Schema from "effect/Schema"
import { describeParseError, fromBody, type StytchError, StytchOAuth2Error } from "../schemas/Errors.js"
import { classifyErrorBody, NOT_JSON, parseAnswer } from "./answer.js"
import type { RetryPolicy } from "./endpoint.js"
import { type Pipeline, requestError } from "./pipeline.js"

/** The error body of the OAuth2 endpoints (OAuth2ErrorJSON). Only `error` is required, as with Stytch error bodies. */
const OAuth2ErrorBody = /* @__PURE__ */ Schema.Struct({
  status_code: Schema.optional(Schema.Number),
  request_id: Schema.optional(Schema.String),
  error: Schema.String,
  error_description: Schema.optional(Schema.String),
  error_uri: Schema.optional(Schema.String)
})
const decodeOAuth2Error = /* @__PURE__ */ Schema.decodeUnknownResult(OAuth2ErrorBody)

/** One OAuth2 form endpoint, `POST {baseUrl}/v1/public/{project_id}/oauth2/<endpoint>`. */
export interface OAuth2Form<R, A> {
  /** The api-spec id, for the span and logs. */
  readonly id: string
  readonly endpoint: "token" | "introspect"
  readonly retry: RetryPolicy
  /** Checks the caller's request before anything is sent. */
  readonly request: Schema.Codec<R, any>
  /** The form fields of a valid request. */
  readonly form: (request: R) => Record<string, string>
  readonly response: Schema.Codec<A, any>
}

/** A decoded answer, with the JSON it came from (for fields the schema drops, such as custom claims). */
export interface OAuth2Answer<A> {
  readonly body: A
  readonly json: unknown
}

/**
 * Builds the caller of an OAuth2 form endpoint (schemas compiled once). It sends the form through the pipeline's
 * `execute` (per-attempt timeout, retries by `retry`), without Basic auth. An error answer becomes
 * `StytchOAuth2Error`, or the catalogued class when the body is a Stytch one (a gateway 429, ...). Failures name
 * paths only, never values: the form carries a client secret.
 */
export const oauth2Form = <R, A>(
  http: Pipeline,
  spec: OAuth2Form<R, A>
): (request: unknown) => Effect.Effect<OAuth2Answer<A>, StytchOAuth2Error | StytchError> => {
  const { baseUrl, projectId } = http.config
  const url = `${baseUrl}/v1/public/${encodeURIComponent(projectId)}/oauth2/${spec.endpoint}`
  const decodeRequest = Schema.decodeUnknownResult(spec.request)
  const decodeResponse = Schema.decodeUnknownResult(spec.response)
  return (request) =>
    // The annotation gives the error channel at once: inferring it from the yields would reduce a union of the
    // ~830 error classes pair by pair.
    Effect.gen(function*(): Effect.fn.Return<OAuth2Answer<A>, StytchOAuth2Error | StytchError> {
      const input = decodeRequest(request)
      if (input._tag === "Failure") {
        return yield* Effect.fail(requestError({ id: spec.id, method: "POST" }, url, input.failure))
      }
      const answer = yield* http.execute(
        HttpClientRequest.post(url).pipe(HttpClientRequest.bodyUrlParams(spec.form(input.success))),
        { id: spec.id, retry: spec.retry, authenticate: false }
      )
      yield* Effect.annotateCurrentSpan("http.response.status_code", answer.status)
      const { decodeError, json, requestId } = parseAnswer(answer, "POST", url)
      if (requestId !== undefined) yield* Effect.annotateCurrentSpan("stytch.request_id", requestId)
      if (json === NOT_JSON) return yield* Effect.fail(decodeError(`the body is not JSON (${answer.body.length} bytes)`))
      if (answer.status >= 400) {
        const oauth = decodeOAuth2Error(json)
        if (oauth._tag === "Success") {
          const { error, error_description = "", error_uri = "", request_id = "", status_code = answer.status } =
            oauth.success
          return yield* Effect.fail(
            new StytchOAuth2Error({ error, error_description, error_uri, request_id, status_code })
          )
        }
        const stytch = classifyErrorBody(json, answer.status)
        if (stytch !== undefined) return yield* Effect.fail(fromBody(stytch))
        return yield* Effect.fail(decodeError(`HTTP ${answer.status} without an OAuth2 error body`))
      }
      const response = decodeResponse(json)
      if (response._tag === "Failure") {
        return yield* Effect.fail(decodeError(`unexpected response: ${describeParseError(response.failure)}`))
      }
      return { body: response.success, json }
    }).pipe(
      Effect.withSpan(`Stytch.${spec.id}`, {
        kind: "client",
        attributes: { "http.request.method": "POST", "url.template": `/v1/public/{project_id}/oauth2/${spec.endpoint}` }
      }, { captureStackTrace: false })
    )
}
