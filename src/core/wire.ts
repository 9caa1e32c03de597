/**
 * The wire facts of an endpoint that need no Effect (shared by both Effect lines' endpoint types).
 */

/** Where the request's non-path fields go on the wire. */
export type Fields =
  | "body" // JSON body
  | "query" // query string
  | "none" // every field is a path parameter; no body
  | "emptyBody" // every field is a path parameter; the literal body `{}` is still sent

/**
 * Which failures may be retried.
 * - `transient`: reads and other safe calls: network errors, timeouts, 408, 429, 5xx.
 * - `rateLimitOnly`: calls that consume a token or send something: only 429 (the request was not processed).
 */
export type RetryPolicy = "transient" | "rateLimitOnly"
