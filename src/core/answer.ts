/**
 * Reading answers (plain functions, no Effect; shared by both Effect lines' pipelines and OAuth2 form endpoints):
 * the body parsed once, its request id, and the classification of Stytch error bodies.
 */

/**
 * The wire fields of a Stytch error body, kept as they came. Only `error_type` is required on the wire: a missing
 * `status_code` is the HTTP status, a missing `request_id`, `error_message` or `error_url` is `""`.
 */
export interface ApiErrorFields {
  readonly status_code: number
  readonly request_id: string
  readonly error_type: string
  readonly error_message: string
  readonly error_url: string
  readonly error_details?: unknown
}

/** What `parseJson` returns for a body that is not JSON. */
export const NOT_JSON: unique symbol = Symbol("NotJson")

export const parseJson = (body: string): unknown => {
  try {
    return JSON.parse(body)
  } catch {
    return NOT_JSON
  }
}

const isRecord = (u: unknown): u is Record<string, unknown> =>
  typeof u === "object" && u !== null && !Array.isArray(u)

const stringOr = (u: unknown, fallback: string) => typeof u === "string" ? u : fallback

/** The `request_id` of a parsed body, when it has one. */
export const requestIdOf = (json: unknown): string | undefined =>
  isRecord(json) && typeof json.request_id === "string" ? json.request_id : undefined

/**
 * The fields of a Stytch error body, or `undefined` when `json` is not one. Only a non-empty `error_type` is
 * required (Stytch's own SDK tests serve `{status_code, error_type}` alone): a missing `status_code` is the HTTP
 * status, and a missing `request_id`, `error_message` or `error_url` is `""`.
 */
export const classifyErrorBody = (json: unknown, status: number): ApiErrorFields | undefined => {
  if (!isRecord(json) || typeof json.error_type !== "string" || json.error_type === "") return undefined
  const { error_details } = json
  return {
    status_code: typeof json.status_code === "number" ? json.status_code : status,
    request_id: stringOr(json.request_id, ""),
    error_type: json.error_type,
    error_message: stringOr(json.error_message, ""),
    error_url: stringOr(json.error_url, ""),
    ...(error_details === undefined ? {} : { error_details })
  }
}

/**
 * A 2xx body as its response schema reads it: `status_code` is never required on the wire, so a JSON object
 * without one gets the HTTP status (the same fact, from the status line).
 */
export const withStatusCode = (json: unknown, status: number): unknown =>
  isRecord(json) && json.status_code === undefined ? { ...json, status_code: status } : json

/**
 * How an answer reads, its body parsed (`parseJson`): a Stytch error body (any status of 400 or more with one), a
 * body for the response schema (a 2xx, with `status_code` filled in), or neither, and why (for a
 * `StytchDecodeError`).
 */
export type AnswerReading =
  | { readonly _tag: "ErrorBody"; readonly fields: ApiErrorFields }
  | { readonly _tag: "Body"; readonly json: unknown }
  | { readonly _tag: "Unreadable"; readonly detail: string }

export const readAnswer = (
  answer: { readonly status: number; readonly body: string },
  json: unknown
): AnswerReading => {
  if (json === NOT_JSON) return { _tag: "Unreadable", detail: `the body is not JSON (${answer.body.length} bytes)` }
  if (answer.status >= 400) {
    const fields = classifyErrorBody(json, answer.status)
    return fields === undefined
      ? { _tag: "Unreadable", detail: `HTTP ${answer.status} without a Stytch error body` }
      : { _tag: "ErrorBody", fields }
  }
  return { _tag: "Body", json: withStatusCode(json, answer.status) }
}
