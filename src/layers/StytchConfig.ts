/**
 * The SDK's configuration: project credentials, hosts, timeout and retries.
 *
 * @since 0.1.0
 */
import * as Config from "effect/Config"
import * as ConfigError from "effect/ConfigError"
import * as Context from "effect/Context"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import type { HttpClient } from "@effect/platform/HttpClient"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import type { PipelineConfig } from "../internal/pipeline.js"

/**
 * What `make` accepts.
 *
 * @since 0.1.0
 * @category models
 */
export interface Options {
  /**
   * `project-test-...` or `project-live-...`; any other non-empty id (no spaces or colons) when `baseUrl` is given.
   */
  readonly projectId: string
  /** The project's secret. A plain string is wrapped in `Redacted` at once. */
  readonly secret: Redacted.Redacted<string> | string
  /** Default: `https://api.stytch.com` for `project-live-*` ids, otherwise `https://test.stytch.com`. */
  readonly baseUrl?: string | undefined
  /** Default: `https://telemetry.stytch.com` (Fraud & Risk endpoints). */
  readonly fraudBaseUrl?: string | undefined
  /** Per-attempt timeout. Default: 10 seconds. */
  readonly timeout?: Duration.DurationInput | undefined
  /** Retries after the first attempt, for failures the endpoint's retry policy allows. Default: 2. */
  readonly maxRetries?: number | undefined
  /** A hook to transform the HTTP client (after auth and base URL, before timeout and retries). */
  readonly transformClient?: ((client: HttpClient) => HttpClient) | undefined
}

/**
 * The resolved configuration.
 *
 * @since 0.1.0
 * @category models
 */
export interface Resolved extends PipelineConfig {}

/**
 * @since 0.1.0
 * @category tags
 */
export class StytchConfig extends Context.Tag("effect-stytch/StytchConfig")<StytchConfig, Resolved>() {}

const PROJECT_ID = /^project-(test|live)-[A-Za-z0-9-]+$/
/** One word: the project id and the secret go into Basic auth, where a colon would split them. */
const WORD = /^[^\s:]+$/

/** What each validated value is called in a `ConfigError`: the option in code, or the variable it was read from. */
interface Names {
  readonly projectId: string
  readonly secret: string
  readonly baseUrl: string
  readonly fraudBaseUrl: string
  readonly timeout: string
  readonly maxRetries: string
}
const optionNames: Names = {
  projectId: "options.projectId",
  secret: "options.secret",
  baseUrl: "options.baseUrl",
  fraudBaseUrl: "options.fraudBaseUrl",
  timeout: "options.timeout",
  maxRetries: "options.maxRetries"
}
const envNames: Names = {
  ...optionNames,
  projectId: "STYTCH_PROJECT_ID",
  secret: "STYTCH_SECRET",
  baseUrl: "STYTCH_BASE_URL",
  fraudBaseUrl: "STYTCH_FRAUD_BASE_URL"
}

const invalid = (name: string, message: string) => Either.left(ConfigError.InvalidData(name.split("."), message))

const checkUrl = (name: string, value: string): Either.Either<string, ConfigError.ConfigError> => {
  try {
    const url = new URL(value)
    if (url.protocol !== "https:" && url.protocol !== "http:") throw new Error("not http(s)")
    // Endpoint paths are appended to the base URL as text, so a query or fragment would end up before the path.
    // Credentials in the URL would be copied into every error and log line that names the URL.
    if (url.search !== "" || url.hash !== "" || url.username !== "" || url.password !== "") {
      return invalid(name, `${name} must be an http(s) URL without credentials, query or fragment`)
    }
    return Either.right(value.replace(/\/+$/, ""))
  } catch {
    return invalid(name, `${name} must be an http(s) URL, got ${JSON.stringify(value)}`)
  }
}

/** Validates and resolves `options`; a failure names the value by `names` (never shows a secret's value). */
const resolve = (options: Options, names: Names): Either.Either<Resolved, ConfigError.ConfigError> => {
  const projectId = (options.projectId ?? "").trim()
  if (projectId === "") return invalid(names.projectId, `The Stytch project id (${names.projectId}) is missing`)
  if (options.baseUrl === undefined ? !PROJECT_ID.test(projectId) : !WORD.test(projectId)) {
    return invalid(
      names.projectId,
      options.baseUrl === undefined
        ? `${names.projectId} must look like project-test-... or project-live-... (or give a base URL)`
        : `${names.projectId} must be one word (no spaces or colons)`
    )
  }
  const secret = typeof options.secret === "string" || options.secret === undefined
    ? Redacted.make(options.secret ?? "")
    : options.secret
  const raw = Redacted.value(secret)
  if (raw === "") return invalid(names.secret, `The Stytch secret (${names.secret}) is missing`)
  if (!WORD.test(raw)) return invalid(names.secret, `${names.secret} must be one word (no spaces or colons)`)
  const maxRetries = options.maxRetries ?? 2
  if (!Number.isInteger(maxRetries) || maxRetries < 0) {
    return invalid(names.maxRetries, `${names.maxRetries} must be a whole number >= 0`)
  }
  // decodeUnknown, not decode: a malformed duration (from untyped JS or a cast) must be a ConfigError, not a throw.
  const timeout = Option.getOrElse(Duration.decodeUnknown(options.timeout ?? Duration.seconds(10)), () => Duration.zero)
  if (!Duration.greaterThan(timeout, Duration.zero)) return invalid(names.timeout, `${names.timeout} must be positive`)
  const defaultBase = projectId.startsWith("project-live-") ? "https://api.stytch.com" : "https://test.stytch.com"
  return Either.all({
    baseUrl: checkUrl(names.baseUrl, options.baseUrl ?? defaultBase),
    fraudBaseUrl: checkUrl(names.fraudBaseUrl, options.fraudBaseUrl ?? "https://telemetry.stytch.com")
  }).pipe(Either.map(({ baseUrl, fraudBaseUrl }): Resolved => ({
    projectId,
    secret,
    baseUrl,
    fraudBaseUrl,
    timeout,
    maxRetries,
    transformClient: options.transformClient
  })))
}

/**
 * Validates and resolves options. A missing or malformed value is a `ConfigError` naming the option
 * (`options.projectId`, ...).
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (options: Options): Effect.Effect<Resolved, ConfigError.ConfigError> =>
  Effect.suspend(() => resolve(options, optionNames))

/**
 * @since 0.1.0
 * @category layers
 */
export const layer = (options: Options): Layer.Layer<StytchConfig, ConfigError.ConfigError> =>
  Layer.effect(StytchConfig, make(options))

/**
 * Reads the options from Effect `Config`s (so from the environment by default): one `Config` of the whole
 * options, such as `fromEnv`, or one per option:
 *
 * ```ts
 * StytchConfig.layerConfig({
 *   projectId: Config.string("MY_PROJECT_ID"),
 *   secret: Config.redacted("MY_SECRET"),
 *   timeout: Config.duration("MY_TIMEOUT")
 * })
 * ```
 *
 * @since 0.1.0
 * @category layers
 */
export const layerConfig = (
  config: Config.Config.Wrap<Options>
): Layer.Layer<StytchConfig, ConfigError.ConfigError> =>
  Layer.effect(StytchConfig, Effect.flatMap(Config.unwrap(config), make))

/**
 * The environment's configuration: `STYTCH_PROJECT_ID`, `STYTCH_SECRET` (read as `Redacted`), and the optional
 * `STYTCH_BASE_URL` and `STYTCH_FRAUD_BASE_URL`. Invalid values fail naming their variable.
 *
 * @since 0.1.0
 * @category configs
 */
export const fromEnv: Config.Config<Options> = Config.all({
  projectId: Config.string("STYTCH_PROJECT_ID"),
  // Not `Config.redacted`: when the variable is missing, its error message is itself "<redacted>".
  secret: Config.map(Config.string("STYTCH_SECRET"), Redacted.make),
  baseUrl: Config.option(Config.string("STYTCH_BASE_URL")),
  fraudBaseUrl: Config.option(Config.string("STYTCH_FRAUD_BASE_URL"))
}).pipe(Config.mapOrFail(({ baseUrl, fraudBaseUrl, ...rest }) => {
  const options: Options = {
    ...rest,
    baseUrl: Option.getOrUndefined(baseUrl),
    fraudBaseUrl: Option.getOrUndefined(fraudBaseUrl)
  }
  return Either.map(resolve(options, envNames), () => options)
}))

/**
 * @since 0.1.0
 * @category layers
 */
export const layerFromEnv: Layer.Layer<StytchConfig, ConfigError.ConfigError> = layerConfig(fromEnv)
