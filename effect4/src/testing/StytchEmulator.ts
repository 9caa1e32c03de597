/**
 * The emulator for tests of apps built on effect-stytch's Effect 4 line: the in-process `layer`, the loopback
 * `layerServer`, the `StytchEmulator` controls service, `EmulatorServer`, and the layers that wire every SDK service
 * to it (`layerStytch` in-process, `layerStytchServer` over loopback). The emulator itself is
 * `effect-stytch-emulator`'s plain core (`createEmulator`), the same one the Effect 3 line and the Promise API use;
 * this module bridges it into Effect 4.
 *
 * Time is the caller's `Clock`: each request and each control reads the `Clock` of the fiber that runs it, and a
 * fault's delay sleeps on that `Clock`, so `TestClock.adjust` moves sessions, codes and delays. The loopback server's
 * time is the `Clock` of the fiber that started it (the layer's).
 *
 * @since 0.1.0
 */
import * as Clock from "effect/Clock"
import type * as Config from "effect/Config"
import * as Context from "effect/Context"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Redacted from "effect/Redacted"
import * as Schema from "effect/Schema"
import type * as Scope from "effect/Scope"
import * as Stream from "effect/Stream"
import * as HttpClient from "effect/http/HttpClient"
import * as HttpClientError from "effect/http/HttpClientError"
import type * as HttpClientRequest from "effect/http/HttpClientRequest"
import type * as HttpClientResponse from "effect/http/HttpClientResponse"
import * as UrlParams from "effect/http/UrlParams"
import * as Plain from "effect-stytch-emulator"
import { withQuery } from "../../../src/core/exchange.js"
import { TextResponse } from "../internal/textResponse.js"
import * as HttpTransport from "../layers/HttpTransport.js"
import type * as StytchConfig from "../layers/StytchConfig.js"
import * as Stytch from "../Stytch.js"

export type {
  Fault,
  MintImpersonationTokenRequest,
  MintOAuthTokenRequest,
  OutboxFilter,
  OutboxMessage,
  SavedState,
  SeededSession,
  SeededTelemetry,
  SeedSessionOptions,
  SeedTelemetryOptions,
  ServeOptions,
  Settings,
  SettingsPatch,
  WireRequest,
  WireResponse
} from "effect-stytch-emulator"

/**
 * The default of `maxBodyBytes`: 1 MiB, far above any Stytch request.
 *
 * @since 0.1.0
 */
export const DEFAULT_MAX_BODY_BYTES: number = Plain.DEFAULT_MAX_BODY_BYTES

/**
 * The base URL SDK clients use for the in-process emulator. Any host works; it is never resolved.
 *
 * @since 0.1.0
 */
export const inProcessBaseUrl: string = Plain.inProcessBaseUrl

/**
 * A saved state refused by `importState`: not JSON, not an emulator state, an unknown version, a missing or wrongly
 * typed part (`problem` names its path), or a state of another project. The running state is untouched.
 *
 * @since 0.1.0
 * @category errors
 */
export class ImportStateError extends /* @__PURE__ */ Schema.TaggedError<ImportStateError>(
  "effect-stytch/StytchEmulator/ImportStateError"
)(
  "ImportStateError",
  { problem: Schema.String }
) {
  override get message(): string {
    return `The saved state was refused: ${this.problem}`
  }
}

/**
 * @since 0.1.0
 * @category models
 */
export interface Options {
  /** Default: `project-test-00000000-0000-4000-8000-000000000000`. */
  readonly projectId?: string | undefined
  /** Default: `secret-test-emulator`. */
  readonly secret?: string | undefined
  /** Initial project settings (password policy, UserInfo URL, redirect URLs, ...), merged as `updateSettings` does. */
  readonly settings?: Plain.SettingsPatch | undefined
}

/**
 * The emulator's test controls.
 *
 * @since 0.1.0
 * @category models
 */
export interface Service {
  readonly projectId: string
  readonly secret: Redacted.Redacted<string>
  /**
   * Answers one wire request (what the in-process client calls), at the caller's `Clock`. Never fails; interrupting
   * it abandons the request.
   */
  readonly handle: (request: Plain.WireRequest, baseUrl?: string) => Effect.Effect<Plain.WireResponse>
  /** Every message the API would have sent, oldest first. */
  readonly outbox: (filter?: Plain.OutboxFilter) => Effect.Effect<ReadonlyArray<Plain.OutboxMessage>>
  /** The newest message matching the filter, if any. */
  readonly latestMessage: (filter?: Plain.OutboxFilter) => Effect.Effect<Plain.OutboxMessage | undefined>
  /**
   * Forgets everything: users, sessions, tokens, messages, every other record, pending faults, and the settings (back
   * to the ones the emulator was made with). The signing keys stay, so a JWKS a client has cached stays valid.
   */
  readonly reset: Effect.Effect<void>
  /** `reset`, but the settings stay as they are. */
  readonly resetKeepingSettings: Effect.Effect<void>
  readonly settings: Effect.Effect<Plain.Settings>
  /**
   * Deep-merges `patch` into the settings (`passwordPolicy` field by field) and validates the result as a whole. Dies
   * naming the bad field when it is invalid (a broken test setup), and then nothing changes.
   */
  readonly updateSettings: (patch: Plain.SettingsPatch) => Effect.Effect<Plain.Settings>
  /** Signs new JWTs with a new key; the JWKS keeps serving the previous one. Returns the new `kid`. */
  readonly rotateKeys: Effect.Effect<string>
  /**
   * Makes the next `count` (default 1, at most 1000) API requests fail or stall as described (a delay sleeps on the
   * `Clock` of the request it stalls). Dies naming the problem when the fault is invalid (no `status` nor
   * `delayMillis`, a status outside 200..599, ...).
   */
  readonly failNext: (fault: Plain.Fault, count?: number) => Effect.Effect<void>
  /** Mints a token as if the user had completed an OAuth redirect flow with the provider. */
  readonly mintOAuthToken: (request: Plain.MintOAuthTokenRequest) => Effect.Effect<{ readonly token: string }>
  /**
   * Issues an impersonation token for an existing user, as the Stytch Dashboard would, for
   * `impersonation.authenticate` (single-use, 5 minutes). Dies when the user does not exist (a broken test setup).
   */
  readonly mintImpersonationToken: (
    request: Plain.MintImpersonationTokenRequest
  ) => Effect.Effect<{ readonly impersonation_token: string; readonly expires_at: string }>
  /**
   * Starts a session for an existing user without any authentication flow (factor `imported`, delivery `seeded`),
   * at the caller's `Clock`, so session tests do not depend on passwords, magic links or OTPs. Dies when the user
   * does not exist or the duration is out of range (a broken test setup, not an API answer).
   */
  readonly seedSession: (options: Plain.SeedSessionOptions) => Effect.Effect<Plain.SeededSession>
  /**
   * Registers Device Fingerprinting telemetry as if the browser library had sent it, for `fraud.fingerprint.lookup`.
   * Fingerprints are derived from the device description (same `hardware_id` and `user_agent`: same device). Dies on
   * a broken setup (a live duplicate telemetry_id, a malformed IP, country, ASN or fingerprint).
   */
  readonly seedTelemetry: (options?: Plain.SeedTelemetryOptions) => Effect.Effect<Plain.SeededTelemetry>
  /**
   * Everything needed to continue later, as versioned JSON data (README "Saved state"): settings with the secret,
   * every record (users, password hashes, sessions, tokens, codes, clients, fraud rules), the outbox, and the signing
   * keys with their private parts. Pending faults are not part of it.
   */
  readonly exportState: Effect.Effect<Plain.SavedState>
  /**
   * Replaces the whole state with a saved one (`exportState`'s output, or its JSON text): validated completely first,
   * then swapped in at once; pending faults are dropped. The state must be of this emulator's project id and secret.
   * A refused state fails with `ImportStateError` and changes nothing.
   */
  readonly importState: (state: unknown) => Effect.Effect<void, ImportStateError>
}

/**
 * @since 0.1.0
 * @category tags
 */
export class StytchEmulator extends Context.Service<StytchEmulator, Service>()("effect-stytch/StytchEmulator") {}

// ---------------------------------------------------------------------------------------------------------------
// The bridge: the plain core's Promises, on the caller's Clock

/** The services' `Clock` as the core's plain clock: read at each call, sleeping with Effect on that `Clock`. */
const plainClock = (context: Context.Context<never>): Plain.EmulatorClock => {
  const clock = Context.get(context, Clock.Clock)
  const runPromise = Effect.runPromiseWith(context)
  return {
    now: () => clock.currentTimeMillisUnsafe(),
    sleep: (millis, signal) =>
      runPromise(clock.sleep(Duration.millis(millis)), signal === undefined ? undefined : { signal })
  }
}

/** A core call on the caller's clock; a rejection is a defect (a broken test setup), with the core's message. */
const onCallerClock = <A>(call: (clock: Plain.EmulatorClock) => Promise<A>): Effect.Effect<A> =>
  Effect.flatMap(Effect.context<never>(), (context) => Effect.promise(() => call(plainClock(context))))

/** The core of each service made by `make`: what `serve` puts on loopback. */
const cores = /* @__PURE__ */ new WeakMap<Service, Plain.PlainEmulator>()

const fromCore = (core: Plain.PlainEmulator): Service => {
  const service: Service = {
    projectId: core.projectId,
    secret: Redacted.make(core.secret),
    handle: (request, baseUrl) =>
      Effect.flatMap(Effect.context<never>(), (context) =>
        Effect.promise((interrupted) => {
          const signal = request.signal === undefined ? interrupted : AbortSignal.any([request.signal, interrupted])
          return core.handle({ ...request, signal }, plainClock(context), baseUrl)
        })),
    outbox: (filter) => onCallerClock((clock) => core.outbox(filter, clock)),
    latestMessage: (filter) => onCallerClock((clock) => core.latestMessage(filter, clock)),
    reset: onCallerClock((clock) => core.reset(clock)),
    resetKeepingSettings: onCallerClock((clock) => core.resetKeepingSettings(clock)),
    settings: onCallerClock((clock) => core.settings(clock)),
    updateSettings: (patch) => onCallerClock((clock) => core.updateSettings(patch, clock)),
    rotateKeys: onCallerClock((clock) => core.rotateKeys(clock)),
    failNext: (fault, count) => onCallerClock((clock) => core.failNext(fault, count, clock)),
    mintOAuthToken: (request) => onCallerClock((clock) => core.mintOAuthToken(request, clock)),
    mintImpersonationToken: (request) => onCallerClock((clock) => core.mintImpersonationToken(request, clock)),
    seedSession: (seed) => onCallerClock((clock) => core.seedSession(seed, clock)),
    seedTelemetry: (seed) => onCallerClock((clock) => core.seedTelemetry(seed, clock)),
    exportState: onCallerClock((clock) => core.exportState(clock)),
    importState: (state) =>
      Effect.flatMap(Effect.context<never>(), (context) =>
        Effect.callback<void, ImportStateError>((resume) => {
          core.importState(state, plainClock(context)).then(
            () => resume(Effect.void),
            (error) =>
              resume(
                error instanceof Plain.ImportStateError
                  ? Effect.fail(new ImportStateError({ problem: error.problem }))
                  : Effect.die(error)
              )
          )
        }))
  }
  cores.set(service, core)
  return service
}

/**
 * Makes an emulator. Dies naming the problem when the starting settings are invalid (a broken test setup).
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (options: Options = {}): Effect.Effect<Service> =>
  Effect.sync(() =>
    fromCore(Plain.createEmulator({ projectId: options.projectId, secret: options.secret, settings: options.settings }))
  )

// ---------------------------------------------------------------------------------------------------------------
// In-process: an HttpClient whose requests the emulator answers (no sockets, the caller's Clock)

const strictUtf8 = /* @__PURE__ */ new TextDecoder("utf-8", { fatal: true })

/** Bytes as strict UTF-8 text, or a body whose reading fails as `notUtf8` (what the loopback server answers). */
const utf8Body = (bytes: Uint8Array): NonNullable<Plain.WireRequest["body"]> => {
  try {
    return strictUtf8.decode(bytes)
  } catch {
    return () => Promise.reject(new Plain.BodyReadError("notUtf8"))
  }
}

/** A request body as the core takes it: text, or (a stream) read only when the emulator needs it. */
const wireBody = (
  body: HttpClientRequest.HttpClientRequest["body"],
  context: Context.Context<never>
): Plain.WireRequest["body"] => {
  switch (body._tag) {
    case "Uint8Array":
      return body.text ?? utf8Body(body.body)
    case "Raw":
      return typeof body.body === "string" ? body.body : body.body instanceof Uint8Array ? utf8Body(body.body) : ""
    case "Stream":
      return () =>
        Effect.runPromiseWith(context)(Stream.runCollect(body.stream)).then((chunks) => {
          const whole = new Uint8Array(chunks.reduce((size, chunk) => size + chunk.byteLength, 0))
          let at = 0
          for (const chunk of chunks) {
            whole.set(chunk, at)
            at += chunk.byteLength
          }
          const text = utf8Body(whole)
          return typeof text === "string" ? text : text()
        })
    default:
      return ""
  }
}

/** Origin and path-with-query of a request's URL, without parsing a `URL` (the origin is whatever the SDK uses). */
const pathAndQuery = (
  request: HttpClientRequest.HttpClientRequest
): { readonly origin: string; readonly path: string } => {
  const { url } = request
  const scheme = url.indexOf("://")
  const slash = scheme < 0 ? 0 : url.indexOf("/", scheme + 3)
  const origin = slash < 0 ? url : url.slice(0, slash)
  const path = withQuery(slash < 0 ? "/" : url.slice(slash), UrlParams.toString(request.urlParams))
  return { origin, path }
}

/**
 * An `HttpClient` answered by the emulator, in-process: no sockets, and time is the `Clock` of the fiber that sends
 * each request. A defect in the emulator becomes a `TransportError`, as a broken connection would.
 *
 * @since 0.1.0
 * @category constructors
 */
export const httpClient = (emulator: Service): HttpClient.HttpClient =>
  HttpClient.makeWith<never, never, HttpClientError.HttpClientError, never>(
    (requestEffect) =>
      Effect.flatMap(requestEffect, (request) =>
        Effect.flatMap(Effect.context<never>(), (context) => {
          const { origin, path } = pathAndQuery(request)
          const wire: Plain.WireRequest = {
            method: request.method,
            url: path,
            headers: request.headers,
            body: wireBody(request.body, context)
          }
          return emulator.handle(wire, origin).pipe(
            Effect.map((response): HttpClientResponse.HttpClientResponse =>
              new TextResponse(request, response.status, response.headers, response.body)
            ),
            Effect.catchDefect((cause) =>
              Effect.fail(
                new HttpClientError.HttpClientError({ reason: new HttpClientError.TransportError({ request, cause }) })
              )
            )
          )
        })),
    Effect.succeed
  )

/**
 * The emulator, in-process: provides `StytchEmulator` and an `HttpClient` that it answers.
 *
 * @since 0.1.0
 * @category layers
 */
export const layer = (options?: Options): Layer.Layer<StytchEmulator | HttpClient.HttpClient> =>
  Layer.effectContext(Effect.map(make(options), (emulator) =>
    Context.make(StytchEmulator, emulator).pipe(Context.add(HttpClient.HttpClient, httpClient(emulator)))))

// ---------------------------------------------------------------------------------------------------------------
// Over loopback: a real HTTP server

/**
 * A running loopback server.
 *
 * @since 0.1.0
 * @category models
 */
export interface Server {
  /** e.g. `http://127.0.0.1:4010` */
  readonly url: string
  readonly port: number
}

/**
 * Serves the emulator over HTTP on 127.0.0.1 (by default; `port: 0` picks a free port) for as long as the scope
 * lives. Every request it answers reads the `Clock` of the fiber that runs `serve`. Fails with the listen error
 * (e.g. the port is taken).
 *
 * Nothing a client sends can end the process: the pipeline answers every request (a defect is a 500 with a Stytch
 * body), and the server itself catches every error, writes each answer at most once and closes the connection when
 * it did not read the whole request.
 *
 * @since 0.1.0
 * @category constructors
 */
export const serve = (options: Plain.ServeOptions = {}): Effect.Effect<Server, Error, StytchEmulator | Scope.Scope> =>
  Effect.gen(function*() {
    const emulator = yield* StytchEmulator
    const core = cores.get(emulator)
    if (core === undefined) {
      return yield* Effect.die(new Error("serve: the StytchEmulator service was not made by make"))
    }
    const context = yield* Effect.context<never>()
    const { host, maxBodyBytes, port } = options
    const server = yield* Effect.acquireRelease(
      Effect.tryPromise({
        try: () => core.serve({ host, maxBodyBytes, port }, plainClock(context)),
        catch: (error) => (error instanceof Error ? error : new Error(String(error)))
      }),
      (server) => Effect.promise(() => server.close())
    )
    return { url: server.url, port: server.port }
  })

/**
 * The running loopback server of `layerServer`.
 *
 * @since 0.1.0
 * @category layers
 */
export class EmulatorServer extends Context.Service<EmulatorServer, Server>()("effect-stytch/EmulatorServer") {}

/**
 * The emulator served over loopback, as a layer: provides `StytchEmulator` and `EmulatorServer`. The server's time
 * is the layer's `Clock`.
 *
 * @since 0.1.0
 * @category layers
 */
export const layerServer = (
  options: Options & Plain.ServeOptions = {}
): Layer.Layer<StytchEmulator | EmulatorServer, Error> => {
  const emulator = Layer.effect(StytchEmulator, make(options))
  return Layer.effect(EmulatorServer, serve(options)).pipe(Layer.provideMerge(emulator))
}

// ---------------------------------------------------------------------------------------------------------------
// The SDK wired to the emulator

/**
 * The SDK options a test may set beside the emulator's (which fix the project, the secret and the URLs).
 *
 * @since 0.1.0
 * @category models
 */
export type SdkOptions = Omit<StytchConfig.Options, "projectId" | "secret" | "baseUrl" | "fraudBaseUrl">

/** `Stytch.layer` for this emulator at `url` (both hosts), with the caller's SDK options. */
const sdkFor = (emulator: Service, url: string, options: Options & SdkOptions = {}) => {
  const { projectId: _p, secret: _s, settings: _settings, ...sdkOptions } = options
  return Stytch.layer({
    ...sdkOptions,
    projectId: emulator.projectId,
    secret: emulator.secret,
    baseUrl: url,
    fraudBaseUrl: url
  })
}

/**
 * Every SDK service wired to an in-process emulator, plus the emulator's controls: the one-line test setup.
 *
 * @since 0.1.0
 * @category layers
 */
export const layerStytch = (
  options?: Options & SdkOptions
): Layer.Layer<Stytch.Provided | StytchEmulator | HttpClient.HttpClient, Config.ConfigError> =>
  Layer.unwrap(Effect.map(make(options), (emulator) => {
    const emulatorLayer = Layer.succeedContext(
      Context.make(StytchEmulator, emulator).pipe(Context.add(HttpClient.HttpClient, httpClient(emulator)))
    )
    return sdkFor(emulator, inProcessBaseUrl, options).pipe(Layer.provideMerge(emulatorLayer))
  }))

/**
 * The loopback counterpart of `layerStytch`: the emulator served on 127.0.0.1 (`port: 0` by default, a free one) and
 * every SDK service pointed at it over real HTTP, plus the emulator's controls and the server. The SDK talks through
 * `client`: the SDK's default `HttpTransport.layer` (node:http where it exists, else fetch), or any `HttpClient` layer
 * (`FetchClient.layer`, `FetchHttpClient.layer`, ...).
 *
 * @since 0.1.0
 * @category layers
 */
export const layerStytchServer = (
  options:
    & Options
    & Plain.ServeOptions
    & { readonly client?: Layer.Layer<HttpClient.HttpClient> | undefined }
    & SdkOptions = {}
): Layer.Layer<Stytch.Provided | StytchEmulator | EmulatorServer, Error | Config.ConfigError> => {
  const { client, host, maxBodyBytes, port, ...rest } = options
  const sdk = Layer.unwrap(Effect.gen(function*() {
    const emulator = yield* StytchEmulator
    const server = yield* EmulatorServer
    return sdkFor(emulator, server.url, rest)
  }))
  return sdk.pipe(
    Layer.provide(client ?? HttpTransport.layer),
    Layer.provideMerge(layerServer({ ...rest, host, maxBodyBytes, port: port ?? 0 }))
  )
}
