/**
 * Describing why a request got no answer (plain functions, no Effect), and the error a transport raises for an
 * answer body over its size cap.
 */

/** The SDK transports' default cap on an answer body: 10 MiB, far above any Stytch answer. */
export const DEFAULT_MAX_BODY_BYTES = 10 * 1024 * 1024

/** Raised (as the cause of a platform `ResponseError`) by a transport that stops reading a body at `limit` bytes. */
export class BodyTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`the answer body is over the ${limit}-byte cap`)
    this.name = "BodyTooLargeError"
  }
}

const MAX_MESSAGE = 300

/**
 * The most specific code and message of a failure's cause chain: `fetch failed` is a `TypeError` whose `cause`
 * (an undici or Node system error, or an `AggregateError` of one per address) holds `ECONNREFUSED`, `ENOTFOUND`,
 * `CERT_HAS_EXPIRED`, `UND_ERR_SOCKET`, ... The innermost code and the innermost non-empty message win.
 * System error messages name the host and port at most, never a header or a body.
 */
export const describeCause = (cause: unknown): { readonly code: string | undefined; readonly message: string } => {
  let code: string | undefined
  let message: string | undefined
  let current: unknown = cause
  for (let depth = 0; depth < 8 && current !== undefined && current !== null; depth++) {
    if (typeof current !== "object") {
      message = String(current)
      break
    }
    const error = current as { code?: unknown; message?: unknown; errors?: unknown; cause?: unknown }
    if (typeof error.code === "string" && error.code !== "") code = error.code
    if (typeof error.message === "string" && error.message !== "") message = error.message
    current = error.cause ?? (Array.isArray(error.errors) ? error.errors[0] : undefined)
  }
  const text = message ?? code ?? "unknown transport failure"
  const full = code !== undefined && !text.includes(code) ? `${code}: ${text}` : text
  return { code, message: full.length > MAX_MESSAGE ? `${full.slice(0, MAX_MESSAGE)}...` : full }
}
