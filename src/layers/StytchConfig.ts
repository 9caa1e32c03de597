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
import { checkConfig, type ConfigNames, DEFAULT_TIMEOUT_MILLIS, envNames, optionNames } from "../core/config.js"

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

/**
 * Validates and resolves `options` by the shared rules (`core/config.ts`); a failure is a `ConfigError` naming the
 * value by `names` (never showing a secret's value).
 */
const resolve = (options: Options, names: ConfigNames): Either.Either<Resolved, ConfigError.ConfigError> => {
  const secret = typeof options.secret === "string" || options.secret === undefined
    ? Redacted.make(options.secret ?? "")
    : options.secret
  // decodeUnknown, not decode: a malformed duration (from untyped JS or a cast) must be a ConfigError, not a throw.
  const timeout = Option.getOrElse(
    Duration.decodeUnknown(options.timeout ?? Duration.millis(DEFAULT_TIMEOUT_MILLIS)),
    () => Duration.zero
  )
  const checked = checkConfig({
    projectId: options.projectId,
    secret: Redacted.value(secret),
    baseUrl: options.baseUrl,
    fraudBaseUrl: options.fraudBaseUrl,
    timeoutMillis: Duration.toMillis(timeout),
    maxRetries: options.maxRetries
  }, names)
  if (checked._tag === "Invalid") return Either.left(ConfigError.InvalidData([...checked.path], checked.message))
  return Either.right({
    projectId: checked.projectId,
    secret,
    baseUrl: checked.baseUrl,
    fraudBaseUrl: checked.fraudBaseUrl,
    timeout,
    maxRetries: checked.maxRetries,
    transformClient: options.transformClient
  })
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
