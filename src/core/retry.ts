/**
 * The retry rules of the HTTP pipeline as plain functions (no Effect): which outcomes are retried, the backoff,
 * and `Retry-After`. All durations are milliseconds.
 */
import type { RetryPolicy } from "./wire.js"

/** The statuses a `transient` endpoint retries (429 is retried by every endpoint). */
export const TRANSIENT_STATUS: ReadonlySet<number> = new Set([408, 429, 500, 502, 503, 504])

/** The longest `Retry-After` honoured. */
export const MAX_RETRY_AFTER_MS = 60_000

/** How one attempt ended: an answer with a status, or no answer (why). */
export type Outcome =
  | { readonly _tag: "Answer"; readonly status: number }
  | { readonly _tag: "NoAnswer"; readonly reason: "Transport" | "Timeout" | "BodyTooLarge" }

/**
 * Whether to make another attempt after attempt `retry + 1` (`retry` is 0-based) ended with `outcome`.
 * - 429 is always retried: the request was not processed.
 * - `transient` endpoints also retry 408, 5xx but 501, transport failures and timeouts.
 * - An oversized body is never retried: the next answer would be the same.
 */
export const retryDecision = (
  policy: RetryPolicy,
  outcome: Outcome,
  retry: number,
  maxRetries: number
): boolean => {
  if (retry >= maxRetries) return false
  if (outcome._tag === "NoAnswer") return policy === "transient" && outcome.reason !== "BodyTooLarge"
  return outcome.status === 429 || (policy === "transient" && TRANSIENT_STATUS.has(outcome.status))
}

/** Exponential backoff before retry `retry + 1`: 0.5 s doubling up to 8 s, minus up to 25% (`random` in [0, 1)). */
export const backoffDelay = (retry: number, random: number): number =>
  Math.min(500 * 2 ** retry, 8000) * (1 - 0.25 * random)

const NUMBER = /^\d+(\.\d+)?$/

/**
 * The delay an answer asks for: `retry-after-ms`, or `Retry-After` in seconds or as an HTTP date (relative to
 * `now`), capped at 60 s. `undefined` when there is none or it is malformed (then the backoff applies).
 */
export const parseRetryAfter = (headers: Readonly<Record<string, string>>, now: number): number | undefined => {
  const ms = headers["retry-after-ms"]?.trim()
  if (ms !== undefined && NUMBER.test(ms)) return Math.min(Number(ms), MAX_RETRY_AFTER_MS)
  const value = headers["retry-after"]?.trim()
  if (value === undefined) return undefined
  // delay-seconds. A fractional value is not standard, but it is clearly seconds, not a date.
  if (NUMBER.test(value)) return Math.min(Number(value) * 1000, MAX_RETRY_AFTER_MS)
  // An HTTP date always spells out a weekday and a month. Anything else ("-1", "1,5") is ignored, so the backoff
  // applies: `Date.parse` would read such strings as dates in 2001, i.e. "retry at once".
  if (!/[A-Za-z]/.test(value)) return undefined
  const date = Date.parse(value)
  if (Number.isNaN(date)) return undefined
  return Math.min(Math.max(0, date - now), MAX_RETRY_AFTER_MS)
}

/** How a retried attempt failed, for the retry's log line: its HTTP status, or why there was no answer. */
export const failureReason = (
  outcome:
    | { readonly _tag: "Answer"; readonly status: number }
    | { readonly _tag: "NoAnswer"; readonly reason: "Transport" | "Timeout" | "BodyTooLarge"; readonly detail: string }
): string =>
  outcome._tag === "Answer"
    ? `HTTP ${outcome.status}`
    : outcome.reason === "Timeout"
    ? outcome.detail
    : `transport error (${outcome.detail})`

/** The debug line logged before a retry (`attempt` is 1-based; `delay` as formatted by the caller). */
export const retryMessage = (id: string, attempt: number, attempts: number, reason: string, delay: string): string =>
  `Stytch ${id}: attempt ${attempt}/${attempts} failed (${reason}), retrying in ${delay}`
