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

/**
 * What `make` accepts.
 *
 * @since 0.1.0
 * @category models
 */
export interface Options {
  /** `project-test-...` or `project-live-...`. */
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
export interface Resolved {
  readonly projectId: string
  readonly secret: Redacted.Redacted<string>
  readonly baseUrl: string
  readonly fraudBaseUrl: string
  readonly timeout: Duration.Duration
  readonly maxRetries: number
  readonly transformClient: ((client: HttpClient) => HttpClient) | undefined
}

/**
 * @since 0.1.0
 * @category tags
 */
export class StytchConfig extends Context.Tag("effect-stytch/StytchConfig")<StytchConfig, Resolved>() {}

const PROJECT_ID = /^project-(test|live)-[A-Za-z0-9-]+$/
const SECRET = /^[^\s:]+$/

const checkUrl = (path: string, value: string): Either.Either<string, ConfigError.ConfigError> => {
  try {
    const url = new URL(value)
    if (url.protocol !== "https:" && url.protocol !== "http:") throw new Error("not http(s)")
    // Endpoint paths are appended to the base URL as text, so a query or fragment would end up before the path.
    // Credentials in the URL would be copied into every error and log line that names the URL.
    if (url.search !== "" || url.hash !== "" || url.username !== "" || url.password !== "") {
      return Either.left(
        ConfigError.InvalidData([path], "Expected an http(s) URL without credentials, query or fragment")
      )
    }
    return Either.right(value.replace(/\/+$/, ""))
  } catch {
    return Either.left(ConfigError.InvalidData([path], `Expected an http(s) URL, got ${JSON.stringify(value)}`))
  }
}

/**
 * Validates and resolves options. A missing or malformed project id or secret is a `ConfigError`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (options: Options): Effect.Effect<Resolved, ConfigError.ConfigError> =>
  Effect.suspend(() => {
    const projectId = (options.projectId ?? "").trim()
    if (!PROJECT_ID.test(projectId)) {
      return Effect.fail(ConfigError.InvalidData(
        ["STYTCH_PROJECT_ID"],
        projectId === ""
          ? "The Stytch project id is missing"
          : "The Stytch project id must look like project-test-... or project-live-..."
      ))
    }
    const secret = typeof options.secret === "string" || options.secret === undefined
      ? Redacted.make(options.secret ?? "")
      : options.secret
    const raw = Redacted.value(secret)
    if (raw === "" || !SECRET.test(raw)) {
      return Effect.fail(ConfigError.InvalidData(
        ["STYTCH_SECRET"],
        raw === "" ? "The Stytch secret is missing" : "The Stytch secret must be one word (no spaces or colons)"
      ))
    }
    const maxRetries = options.maxRetries ?? 2
    if (!Number.isInteger(maxRetries) || maxRetries < 0) {
      return Effect.fail(ConfigError.InvalidData(["maxRetries"], "maxRetries must be a whole number >= 0"))
    }
    // decodeUnknown, not decode: a malformed duration (from untyped JS or a cast) must be a ConfigError, not a throw.
    const timeout = Option.getOrElse(
      Duration.decodeUnknown(options.timeout ?? Duration.seconds(10)),
      () => Duration.zero
    )
    if (!Duration.greaterThan(timeout, Duration.zero)) {
      return Effect.fail(ConfigError.InvalidData(["timeout"], "timeout must be positive"))
    }
    const defaultBase = projectId.startsWith("project-live-") ? "https://api.stytch.com" : "https://test.stytch.com"
    return Effect.all({
      baseUrl: checkUrl("STYTCH_BASE_URL", options.baseUrl ?? defaultBase),
      fraudBaseUrl: checkUrl("STYTCH_FRAUD_BASE_URL", options.fraudBaseUrl ?? "https://telemetry.stytch.com")
    }).pipe(Effect.map(({ baseUrl, fraudBaseUrl }): Resolved => ({
      projectId,
      secret,
      baseUrl,
      fraudBaseUrl,
      timeout,
      maxRetries,
      transformClient: options.transformClient
    })))
  })

/**
 * @since 0.1.0
 * @category layers
 */
export const layer = (options: Options): Layer.Layer<StytchConfig, ConfigError.ConfigError> =>
  Layer.effect(StytchConfig, make(options))

/**
 * Reads the options from an Effect `Config` (so from the environment by default).
 *
 * @since 0.1.0
 * @category layers
 */
export const layerConfig = (
  config: Config.Config<Options>
): Layer.Layer<StytchConfig, ConfigError.ConfigError> => Layer.effect(StytchConfig, Effect.flatMap(config, make))

/**
 * The environment's configuration: `STYTCH_PROJECT_ID`, `STYTCH_SECRET` (redacted), and the optional
 * `STYTCH_BASE_URL` and `STYTCH_FRAUD_BASE_URL`.
 *
 * @since 0.1.0
 * @category configs
 */
export const fromEnv: Config.Config<Options> = Config.all({
  projectId: Config.string("STYTCH_PROJECT_ID"),
  secret: Config.redacted("STYTCH_SECRET"),
  baseUrl: Config.option(Config.string("STYTCH_BASE_URL")),
  fraudBaseUrl: Config.option(Config.string("STYTCH_FRAUD_BASE_URL"))
}).pipe(Config.map(({ baseUrl, fraudBaseUrl, ...rest }) => ({
  ...rest,
  baseUrl: baseUrl._tag === "Some" ? baseUrl.value : undefined,
  fraudBaseUrl: fraudBaseUrl._tag === "Some" ? fraudBaseUrl.value : undefined
})))

/**
 * @since 0.1.0
 * @category layers
 */
export const layerFromEnv: Layer.Layer<StytchConfig, ConfigError.ConfigError> = layerConfig(fromEnv)
