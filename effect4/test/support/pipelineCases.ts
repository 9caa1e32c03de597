/**
 * The HTTP pipeline's and the configuration's test cases that both Effect lines check, as plain data (no Effect):
 * the Effect 3 suites (test/http.test.ts, test/config.test.ts) and the Effect 4 ones (effect4/test/pipeline.test.ts,
 * effect4/test/config.test.ts) loop over the same values. It lives in the Effect 4 test project, which sees only its
 * own files; the Effect 3 suites import it from here.
 */

/** A minimal valid users.get answer, for fake HttpClients. */
export const userBody = (user_id: string, extra: Record<string, unknown> = {}) => ({
  request_id: "request-id-test-user",
  status_code: 200,
  user_id,
  emails: [],
  status: "active",
  phone_numbers: [],
  webauthn_registrations: [],
  providers: [],
  totps: [],
  crypto_wallets: [],
  biometric_registrations: [],
  is_locked: false,
  roles: [],
  ...extra
})

/** A Stytch error body for `error_type`. */
export const errorBody = (status: number, error_type: string, request_id = `request-id-test-${error_type}`) => ({
  status_code: status,
  request_id,
  error_type,
  error_message: `message of ${error_type}`,
  error_url: `https://stytch.com/docs/api/errors/${status}#${error_type}`
})

/** Statuses a transient endpoint (users.get) retries. */
export const TRANSIENT_RETRIED: ReadonlyArray<number> = [408, 429, 500, 502, 504]

/** Statuses no endpoint retries. */
export const NEVER_RETRIED: ReadonlyArray<number> = [400, 404, 501]

/** Statuses a rateLimitOnly endpoint (users.create) does not retry, though a transient one would. */
export const RATE_LIMIT_ONLY_NOT_RETRIED: ReadonlyArray<number> = [500, 503, 408]

/** Project ids refused without a base URL (each must fail naming the project id option). */
export const BAD_PROJECT_IDS: ReadonlyArray<string> = [
  "",
  "   ",
  "abc",
  "project-prod-123",
  "project-test-",
  "secret-test-123",
  "my-project"
]

/** Project ids refused even with a base URL (empty, or not one word: it is the Basic auth user name). */
export const BAD_PROJECT_IDS_WITH_BASE_URL: ReadonlyArray<string> = ["", "  ", "my project", "my:project"]

/** Secrets that can never authenticate; each contains "canary", which must not appear in the error. */
export const BAD_SECRETS: ReadonlyArray<string> = [
  "secret with spaces-canary",
  " secret-leading-space-canary",
  "secret:colon-canary"
]

/** Base URLs refused (not http(s), not absolute, with a query). */
export const BAD_BASE_URLS: ReadonlyArray<string> = [
  "not a url",
  "ftp://example.test",
  "example.test",
  "https://example.test/?x=1"
]

/** maxRetries values refused. */
export const BAD_MAX_RETRIES: ReadonlyArray<number> = [-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY]

/** Timeouts refused ("banana" is not a duration at all: still a typed error, not a throw). */
export const BAD_TIMEOUTS: ReadonlyArray<number | string> = [0, -5, "0 seconds", "banana"]
