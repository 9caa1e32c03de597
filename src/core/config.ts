/**
 * The validation rules of the SDK's configuration (plain functions, no Effect; shared by both Effect lines'
 * `StytchConfig`): the project id's format, the secret as one word, the base URLs, the timeout and the retries.
 * A failure names the value by the name it was given as (`options.projectId`, `STYTCH_SECRET`, ...), never shows a
 * secret's value, and says why; each line turns it into its own `ConfigError`.
 */

/** What each validated value is called in a failure: the option in code, or the variable it was read from. */
export interface ConfigNames {
  readonly projectId: string
  readonly secret: string
  readonly baseUrl: string
  readonly fraudBaseUrl: string
  readonly timeout: string
  readonly maxRetries: string
}

/** The names of the options given in code (`StytchConfig.make`, `Stytch.layer`). */
export const optionNames: ConfigNames = {
  projectId: "options.projectId",
  secret: "options.secret",
  baseUrl: "options.baseUrl",
  fraudBaseUrl: "options.fraudBaseUrl",
  timeout: "options.timeout",
  maxRetries: "options.maxRetries"
}

/** The names of the values read from the environment (`StytchConfig.fromEnv`). */
export const envNames: ConfigNames = {
  ...optionNames,
  projectId: "STYTCH_PROJECT_ID",
  secret: "STYTCH_SECRET",
  baseUrl: "STYTCH_BASE_URL",
  fraudBaseUrl: "STYTCH_FRAUD_BASE_URL"
}

/** The default API host for a project id: `api.stytch.com` for live projects, `test.stytch.com` otherwise. */
export const defaultBaseUrl = (projectId: string): string =>
  projectId.startsWith("project-live-") ? "https://api.stytch.com" : "https://test.stytch.com"

/** The default host of the Fraud & Risk endpoints. */
export const DEFAULT_FRAUD_BASE_URL = "https://telemetry.stytch.com"

/** The default per-attempt timeout, in milliseconds. */
export const DEFAULT_TIMEOUT_MILLIS = 10_000

/** The default number of retries after the first attempt. */
export const DEFAULT_MAX_RETRIES = 2

/** The values to check, as plain data (the secret's value is read out of its `Redacted` by the caller). */
export interface ConfigInput {
  /** Untyped callers may pass anything; only a string can be valid. */
  readonly projectId: unknown
  /** The secret's value; `""` when missing. */
  readonly secret: string
  readonly baseUrl?: string | undefined
  readonly fraudBaseUrl?: string | undefined
  /** The per-attempt timeout in milliseconds; `NaN` (or `0`) when the given value was not a duration. */
  readonly timeoutMillis: number
  readonly maxRetries?: number | undefined
}

/** The checked and normalised values, or the first one that is not valid: its name, its path and why. */
export type CheckedConfig =
  | {
    readonly _tag: "Valid"
    /** Trimmed. */
    readonly projectId: string
    /** Without a trailing slash. */
    readonly baseUrl: string
    /** Without a trailing slash. */
    readonly fraudBaseUrl: string
    readonly maxRetries: number
  }
  | {
    readonly _tag: "Invalid"
    /** The value's name (`options.projectId`, `STYTCH_SECRET`). */
    readonly name: string
    /** The name as a config path (`["options", "projectId"]`). */
    readonly path: ReadonlyArray<string>
    readonly message: string
  }

const PROJECT_ID = /^project-(test|live)-[A-Za-z0-9-]+$/
/** One word: the project id and the secret go into Basic auth, where a colon would split them. */
const WORD = /^[^\s:]+$/

type Invalid = Extract<CheckedConfig, { readonly _tag: "Invalid" }>

const invalid = (name: string, message: string): Invalid => ({ _tag: "Invalid", name, path: name.split("."), message })

/** A base URL without its trailing slashes, or why it is not one (the message never shows credentials). */
export const checkUrl = (name: string, value: string): string | Invalid => {
  try {
    const url = new URL(value)
    if (url.protocol !== "https:" && url.protocol !== "http:") throw new Error("not http(s)")
    // Endpoint paths are appended to the base URL as text, so a query or fragment would end up before the path.
    // Credentials in the URL would be copied into every error and log line that names the URL.
    if (url.search !== "" || url.hash !== "" || url.username !== "" || url.password !== "") {
      return invalid(name, `${name} must be an http(s) URL without credentials, query or fragment`)
    }
    return value.replace(/\/+$/, "")
  } catch {
    return invalid(name, `${name} must be an http(s) URL, got ${JSON.stringify(value)}`)
  }
}

/**
 * Checks and normalises `input`, in a fixed order (project id, secret, retries, timeout, base URL, fraud base URL):
 * the first failure is returned, named by `names`.
 */
export const checkConfig = (input: ConfigInput, names: ConfigNames): CheckedConfig => {
  const projectId = typeof input.projectId === "string" ? input.projectId.trim() : ""
  if (projectId === "") return invalid(names.projectId, `The Stytch project id (${names.projectId}) is missing`)
  if (input.baseUrl === undefined ? !PROJECT_ID.test(projectId) : !WORD.test(projectId)) {
    return invalid(
      names.projectId,
      input.baseUrl === undefined
        ? `${names.projectId} must look like project-test-... or project-live-... (or give a base URL)`
        : `${names.projectId} must be one word (no spaces or colons)`
    )
  }
  if (input.secret === "") return invalid(names.secret, `The Stytch secret (${names.secret}) is missing`)
  if (!WORD.test(input.secret)) return invalid(names.secret, `${names.secret} must be one word (no spaces or colons)`)
  const maxRetries = input.maxRetries ?? DEFAULT_MAX_RETRIES
  if (!Number.isInteger(maxRetries) || maxRetries < 0) {
    return invalid(names.maxRetries, `${names.maxRetries} must be a whole number >= 0`)
  }
  if (!(input.timeoutMillis > 0)) return invalid(names.timeout, `${names.timeout} must be positive`)
  const baseUrl = checkUrl(names.baseUrl, input.baseUrl ?? defaultBaseUrl(projectId))
  if (typeof baseUrl !== "string") return baseUrl
  const fraudBaseUrl = checkUrl(names.fraudBaseUrl, input.fraudBaseUrl ?? DEFAULT_FRAUD_BASE_URL)
  if (typeof fraudBaseUrl !== "string") return fraudBaseUrl
  return { _tag: "Valid", projectId, baseUrl, fraudBaseUrl, maxRetries }
}
