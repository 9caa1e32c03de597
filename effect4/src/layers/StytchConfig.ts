/**
 * The SDK's configuration: project credentials, hosts, timeout and retries.
 *
 * @since 0.1.0
 */
import * as Config from "effect/Config"
import * as Context from "effect/Context"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import type { HttpClient } from "effect/http/HttpClient"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import * as Schema from "effect/Schema"
import * as SchemaIssue from "effect/SchemaIssue"
import type { PipelineConfig } from "../internal/pipeline.js"
import {
  checkConfig,
  type ConfigNames,
  DEFAULT_TIMEOUT_MILLIS,
  envNames,
  optionNames
} from "../../../src/core/config.js"

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
  readonly timeout?: Duration.Input | undefined
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
export class StytchConfig extends Context.Service<StytchConfig, Resolved>()("effect-stytch/StytchConfig") {}

/**
 * A validation failure as a `Config.ConfigError`: a schema issue at the value's path (`options.projectId`,
 * `STYTCH_SECRET`), whose message names the value and never shows a secret's value.
 */
const invalid = (path: ReadonlyArray<string>, message: string): Config.ConfigError =>
  new Config.ConfigError(
    new Schema.SchemaError(new SchemaIssue.Pointer(path, new SchemaIssue.InvalidValue({ message })))
  )

/**
 * Validates and resolves `options` by the shared rules (`core/config.ts`); a failure names the value by `names`.
 */
const resolve = (options: Options, names: ConfigNames): Effect.Effect<Resolved, Config.ConfigError> => {
  const secret = typeof options.secret === "string" || options.secret === undefined
    ? Redacted.make(options.secret ?? "")
    : options.secret
  // fromInput, not fromInputUnsafe: a malformed duration (from untyped JS or a cast) must be a ConfigError.
  const timeout = Option.getOrElse(
    Duration.fromInput(options.timeout ?? Duration.millis(DEFAULT_TIMEOUT_MILLIS)),
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
  if (checked._tag === "Invalid") return Effect.fail(invalid(checked.path, checked.message))
  return Effect.succeed({
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
 * Validates and resolves options. A missing or malformed value is a `Config.ConfigError` naming the option
 * (`options.projectId`, ...).
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (options: Options): Effect.Effect<Resolved, Config.ConfigError> =>
  Effect.suspend(() => resolve(options, optionNames))

/**
 * @since 0.1.0
 * @category layers
 */
export const layer = (options: Options): Layer.Layer<StytchConfig, Config.ConfigError> =>
  Layer.effect(StytchConfig, make(options))

/**
 * Reads the options from Effect `Config`s (so from the environment by default): one `Config` of the whole
 * options, such as `fromEnv`, or one per option:
 *
 * ```ts
 * StytchConfig.layerConfig({
 *   projectId: Config.String("MY_PROJECT_ID"),
 *   secret: Config.Redacted("MY_SECRET"),
 *   timeout: Config.Duration("MY_TIMEOUT")
 * })
 * ```
 *
 * @since 0.1.0
 * @category layers
 */
export const layerConfig = (config: Config.Wrap<Options>): Layer.Layer<StytchConfig, Config.ConfigError> =>
  Layer.effect(StytchConfig, Effect.flatMap(Config.unwrap(config), make))

/**
 * The environment's configuration: `STYTCH_PROJECT_ID`, `STYTCH_SECRET` (read as `Redacted`), and the optional
 * `STYTCH_BASE_URL` and `STYTCH_FRAUD_BASE_URL`. Invalid values fail naming their variable.
 *
 * @since 0.1.0
 * @category configs
 */
export const fromEnv: Config.Config<Options> = /* @__PURE__ */ Config.all({
  // Read as options: a missing variable then fails with the same message as an empty one ("... is missing"),
  // naming the variable. The secret is wrapped in `Redacted` at once.
  projectId: Config.option(Config.String("STYTCH_PROJECT_ID")),
  secret: Config.option(Config.String("STYTCH_SECRET")),
  baseUrl: Config.option(Config.String("STYTCH_BASE_URL")),
  fraudBaseUrl: Config.option(Config.String("STYTCH_FRAUD_BASE_URL"))
}).pipe(Config.mapEffect(({ baseUrl, fraudBaseUrl, projectId, secret }) => {
  const options: Options = {
    projectId: Option.getOrElse(projectId, () => ""),
    secret: Redacted.make(Option.getOrElse(secret, () => "")),
    baseUrl: Option.getOrUndefined(baseUrl),
    fraudBaseUrl: Option.getOrUndefined(fraudBaseUrl)
  }
  return Effect.as(resolve(options, envNames), options)
}))

/**
 * @since 0.1.0
 * @category layers
 */
export const layerFromEnv: Layer.Layer<StytchConfig, Config.ConfigError> = /* @__PURE__ */ layerConfig(fromEnv)
