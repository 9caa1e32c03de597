/**
 * A stateful, in-memory Stytch API for tests and demos: the production wire format, real hashes, real RS256 JWTs,
 * and test controls (outbox, reset, settings, key rotation, fault injection).
 *
 * @since 0.1.0
 */
import * as HttpClient from "@effect/platform/HttpClient"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Redacted from "effect/Redacted"
import * as Runtime from "effect/Runtime"
import type * as Scope from "effect/Scope"
import * as http from "node:http"
import type { AddressInfo } from "node:net"
import * as FetchClient from "../layers/FetchClient.js"
import * as StytchConfig from "../layers/StytchConfig.js"
import * as Stytch from "../Stytch.js"
import type * as ConfigError from "effect/ConfigError"
import { type AppState, type Ctx, type Fault, handle, type WireRequest, type WireResponse } from "./internal/app.js"
import { makeControl } from "./internal/control.js"
import { memoryClient } from "./internal/response.js"
import { SigningKeys } from "./internal/jwt.js"
import { defaultSettings, type OutboxMessage, type Settings, Store } from "./internal/store.js"
import { handlers } from "./handlers/index.js"
import { factor, prepareSession } from "./handlers/common.js"
import { mintImpersonationToken, type MintImpersonationTokenRequest } from "./handlers/impersonation.js"
import { mintOAuthToken, type MintOAuthTokenRequest } from "./handlers/oauth.js"
import { type SeededTelemetry, seedTelemetry, type SeedTelemetryOptions } from "./handlers/fraud.js"

export type { Fault } from "./internal/app.js"
export type { OutboxMessage, Settings } from "./internal/store.js"
export type { MintImpersonationTokenRequest } from "./handlers/impersonation.js"
export type { MintOAuthTokenRequest } from "./handlers/oauth.js"
export type { SeededTelemetry, SeedTelemetryOptions } from "./handlers/fraud.js"

/**
 * @since 0.1.0
 * @category models
 */
export interface Options {
  /** Default: `project-test-00000000-0000-4000-8000-000000000000`. */
  readonly projectId?: string | undefined
  /** Default: `secret-test-emulator`. */
  readonly secret?: string | undefined
  /** Initial project settings (password policy, UserInfo URL, redirect URLs, ...). */
  readonly settings?: Partial<Omit<Settings, "projectId" | "secret">> | undefined
}

/**
 * A filter on the outbox.
 *
 * @since 0.1.0
 * @category models
 */
export interface OutboxFilter {
  readonly to?: string | undefined
  readonly kind?: OutboxMessage["kind"] | undefined
  readonly channel?: OutboxMessage["channel"] | undefined
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
  /** Answers one wire request (what both the in-process client and the loopback server call). */
  readonly handle: (request: WireRequest, baseUrl?: string) => Effect.Effect<WireResponse>
  /** Every message the API would have sent, oldest first. */
  readonly outbox: (filter?: OutboxFilter) => Effect.Effect<ReadonlyArray<OutboxMessage>>
  /** The newest message matching the filter, if any. */
  readonly latestMessage: (filter?: OutboxFilter) => Effect.Effect<OutboxMessage | undefined>
  /** Forgets all users, sessions, tokens, messages and pending faults. Settings and keys stay. */
  readonly reset: Effect.Effect<void>
  readonly settings: Effect.Effect<Settings>
  readonly updateSettings: (patch: Partial<Omit<Settings, "projectId" | "secret">>) => Effect.Effect<Settings>
  /** Signs new JWTs with a new key; the JWKS keeps serving the previous one. Returns the new `kid`. */
  readonly rotateKeys: Effect.Effect<string>
  /** Makes the next `count` (default 1) API requests fail or stall as described. */
  readonly failNext: (fault: Fault, count?: number) => Effect.Effect<void>
  /** Mints a token as if the user had completed an OAuth redirect flow with the provider. */
  readonly mintOAuthToken: (request: MintOAuthTokenRequest) => Effect.Effect<{ readonly token: string }>
  /**
   * Issues an impersonation token for an existing user, as the Stytch Dashboard would, for
   * `impersonation.authenticate` (single-use, 5 minutes). Dies when the user does not exist (a broken test setup).
   */
  readonly mintImpersonationToken: (
    request: MintImpersonationTokenRequest
  ) => Effect.Effect<{ readonly impersonation_token: string; readonly expires_at: string }>
  /**
   * Starts a session for an existing user without any authentication flow (factor `imported`, delivery `seeded`),
   * so session tests do not depend on passwords, magic links or OTPs. Dies when the user does not exist or the
   * duration is out of range (a broken test setup, not an API answer).
   */
  readonly seedSession: (options: SeedSessionOptions) => Effect.Effect<SeededSession>
  /**
   * Registers Device Fingerprinting telemetry as if the browser library had sent it, for `fraud.fingerprint.lookup`.
   * Fingerprints are derived from the device description (same `hardware_id` and `user_agent`: same device). Dies on
   * a broken setup (a live duplicate telemetry_id, a malformed IP, country, ASN or fingerprint).
   */
  readonly seedTelemetry: (options?: SeedTelemetryOptions) => Effect.Effect<SeededTelemetry>
}

/**
 * @since 0.1.0
 * @category models
 */
export interface SeedSessionOptions {
  readonly user_id: string
  /** Default: 60. Must be within the API's range (5 to 527040). */
  readonly session_duration_minutes?: number | undefined
  /** Reserved claims (iss, sub, aud, exp, `https://stytch.com/...`) are dropped, as the API does. */
  readonly custom_claims?: Record<string, unknown> | undefined
}

/**
 * @since 0.1.0
 * @category models
 */
export interface SeededSession {
  readonly session_token: string
  readonly session_jwt: string
  readonly session_id: string
}

/**
 * @since 0.1.0
 * @category tags
 */
export class StytchEmulator extends Context.Tag("effect-stytch/StytchEmulator")<StytchEmulator, Service>() {}

const DEFAULT_PROJECT_ID = "project-test-00000000-0000-4000-8000-000000000000"
const DEFAULT_SECRET = "secret-test-emulator"
/** The base URL SDK clients use for the in-process emulator. Any host works; it is never resolved. */
export const inProcessBaseUrl = "http://stytch.emulator.local"

/**
 * @since 0.1.0
 * @category constructors
 */
export const make = (options: Options = {}): Effect.Effect<Service> =>
  Effect.sync(() => {
    const projectId = options.projectId ?? DEFAULT_PROJECT_ID
    const secret = options.secret ?? DEFAULT_SECRET
    const store = new Store({ ...defaultSettings(projectId, secret), ...options.settings })
    const keys = new SigningKeys(projectId)
    const faults: Array<Fault> = []
    const matches = (m: OutboxMessage, f: OutboxFilter = {}) =>
      (f.to === undefined || m.to.toLowerCase() === f.to.toLowerCase()) &&
      (f.kind === undefined || m.kind === f.kind) &&
      (f.channel === undefined || m.channel === f.channel)

    const service: Service = {
      projectId,
      secret: Redacted.make(secret),
      handle: (request, baseUrl = inProcessBaseUrl) => handle(state, request, baseUrl),
      outbox: (filter) => Effect.sync(() => store.outbox.filter((m) => matches(m, filter))),
      latestMessage: (filter) => Effect.sync(() => store.outbox.findLast((m) => matches(m, filter))),
      reset: Effect.sync(() => {
        store.clear()
        faults.length = 0
      }),
      settings: Effect.sync(() => ({ ...store.settings })),
      updateSettings: (patch) =>
        Effect.sync(() => {
          store.settings = { ...store.settings, ...patch, projectId, secret }
          return { ...store.settings }
        }),
      rotateKeys: Effect.sync(() => keys.rotate()),
      failNext: (fault, count = 1) =>
        Effect.sync(() => {
          for (let i = 0; i < count; i++) faults.push(fault)
        }),
      mintOAuthToken: (request) =>
        Effect.flatMap(Effect.clockWith((c) => c.currentTimeMillis), (now) =>
          Effect.sync(() => mintOAuthToken(store, now, request))),
      mintImpersonationToken: (request) =>
        Effect.flatMap(Effect.clockWith((c) => c.currentTimeMillis), (now) =>
          Effect.try({ try: () => mintImpersonationToken(store, now, request), catch: (e) => e }).pipe(Effect.orDie)),
      seedSession: (seed) =>
        Effect.gen(function*() {
          const now = yield* Effect.clockWith((c) => c.currentTimeMillis)
          // The same context a request gets, so the session and its JWT are exactly what a login would produce.
          const ctx: Ctx = { store, keys, now, request_id: "seeded", headers: {}, baseUrl: inProcessBaseUrl }
          const user = store.users.get(seed.user_id)
          if (user === undefined) return yield* Effect.dieMessage(`seedSession: no user ${seed.user_id}`)
          const commit = yield* prepareSession(ctx, user, factor(ctx, "imported", "seeded"), {
            session_duration_minutes: seed.session_duration_minutes ?? 60,
            session_custom_claims: seed.custom_claims
          }).pipe(Effect.orDieWith((failure) => new Error(`seedSession: ${failure.error_message}`)))
          const { session, session_jwt, session_token } = commit()
          return { session_token, session_jwt, session_id: session!.session_id }
        }),
      seedTelemetry: (options) =>
        Effect.flatMap(Effect.clockWith((c) => c.currentTimeMillis), (now) =>
          Effect.try({ try: () => seedTelemetry(store, now, options), catch: (e) => e }).pipe(Effect.orDie))
    }
    const state: AppState = { store, keys, faults, handlers, control: makeControl(service) }
    return service
  })

// ---------------------------------------------------------------------------------------------------------------
// In-process: an HttpClient whose requests the emulator answers (no sockets, the caller's Clock)

/**
 * An `HttpClient` answered by the emulator, in-process.
 *
 * @since 0.1.0
 * @category constructors
 */
export const httpClient = (emulator: Service): HttpClient.HttpClient => memoryClient(emulator.handle)

/**
 * The emulator, in-process: provides `StytchEmulator` and an `HttpClient` that it answers.
 *
 * @since 0.1.0
 * @category layers
 */
export const layer = (options?: Options): Layer.Layer<StytchEmulator | HttpClient.HttpClient> =>
  Layer.effectContext(Effect.map(make(options), (emulator) =>
    Context.make(StytchEmulator, emulator).pipe(Context.add(HttpClient.HttpClient, httpClient(emulator)))))

/**
 * Every SDK service wired to an in-process emulator, plus the emulator's controls: the one-line test setup.
 *
 * @since 0.1.0
 * @category layers
 */
export const layerStytch = (
  options?: Options & SdkOptions
): Layer.Layer<Stytch.Provided | StytchEmulator | HttpClient.HttpClient, ConfigError.ConfigError> =>
  Layer.unwrapEffect(Effect.map(make(options), (emulator) => {
    const emulatorLayer = Layer.succeedContext(
      Context.make(StytchEmulator, emulator).pipe(Context.add(HttpClient.HttpClient, httpClient(emulator)))
    )
    return sdkFor(emulator, inProcessBaseUrl, options).pipe(Layer.provideMerge(emulatorLayer))
  }))

/** The SDK options a test may set beside the emulator's (which fix the project, the secret and the URLs). */
type SdkOptions = Omit<StytchConfig.Options, "projectId" | "secret" | "baseUrl" | "fraudBaseUrl">

/** `Stytch.layer` for this emulator at `url` (both hosts), with the caller's SDK options. */
const sdkFor = (emulator: Service, url: string, options: Options & SdkOptions = {}) => {
  const { projectId: _p, secret: _s, settings: _settings, ...sdkOptions } = options
  return Stytch.layer({ ...sdkOptions, projectId: emulator.projectId, secret: emulator.secret, baseUrl: url, fraudBaseUrl: url })
}

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

const readBody = (req: http.IncomingMessage) =>
  new Promise<string>((resolve, reject) => {
    const chunks: Array<Buffer> = []
    req.on("data", (c: Buffer) => chunks.push(c))
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")))
    req.on("error", reject)
  })

/**
 * Serves the emulator over HTTP on 127.0.0.1 for as long as the scope lives. `port: 0` picks a free port.
 *
 * @since 0.1.0
 * @category constructors
 */
export const serve = (
  options: { readonly port?: number | undefined; readonly host?: string | undefined } = {}
): Effect.Effect<Server, Error, StytchEmulator | Scope.Scope> =>
  Effect.gen(function*() {
    const emulator = yield* StytchEmulator
    const runtime = yield* Effect.runtime<never>()
    const run = Runtime.runPromise(runtime)
    const host = options.host ?? "127.0.0.1"
    const server = http.createServer((req, res) => {
      readBody(req)
        .then((body) => {
          const headers: Record<string, string> = {}
          for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers[k] = v
          const baseUrl = `http://${req.headers.host ?? `${host}`}`
          return run(emulator.handle({ method: req.method ?? "GET", url: req.url ?? "/", headers, body }, baseUrl))
        })
        .then((response) => {
          res.writeHead(response.status, response.headers)
          res.end(response.body)
        })
        .catch(() => {
          res.writeHead(500, { "content-type": "text/plain" })
          res.end("emulator failure")
        })
    })
    server.keepAliveTimeout = 5000
    const port = yield* Effect.acquireRelease(
      Effect.async<number, Error>((resume) => {
        server.once("error", (error) => resume(Effect.fail(error)))
        server.listen(options.port ?? 0, host, () => resume(Effect.succeed((server.address() as AddressInfo).port)))
      }),
      () =>
        Effect.async<void>((resume) => {
          server.closeAllConnections()
          server.close(() => resume(Effect.void))
        })
    )
    return { url: `http://${host}:${port}`, port }
  })

/**
 * The emulator served over loopback, as a layer: provides `StytchEmulator` and `EmulatorServer`.
 *
 * @since 0.1.0
 * @category layers
 */
export class EmulatorServer extends Context.Tag("effect-stytch/EmulatorServer")<EmulatorServer, Server>() {}

/**
 * @since 0.1.0
 * @category layers
 */
export const layerServer = (
  options: Options & { readonly port?: number | undefined } = {}
): Layer.Layer<StytchEmulator | EmulatorServer, Error> => {
  const emulator = Layer.effect(StytchEmulator, make(options))
  return Layer.scoped(EmulatorServer, serve({ port: options.port })).pipe(Layer.provideMerge(emulator))
}

/**
 * The loopback counterpart of `layerStytch`: the emulator served on 127.0.0.1 (`port: 0` by default, a free one) and
 * every SDK service pointed at it over real HTTP, plus the emulator's controls and the server. The SDK talks through
 * `client`: the SDK's lean `FetchClient.layer` by default, or any `HttpClient` layer (`FetchHttpClient.layer`, ...).
 *
 * @since 0.1.0
 * @category layers
 */
export const layerStytchServer = (
  options: Options & { readonly port?: number | undefined; readonly client?: Layer.Layer<HttpClient.HttpClient> | undefined } &
    SdkOptions = {}
): Layer.Layer<Stytch.Provided | StytchEmulator | EmulatorServer, Error | ConfigError.ConfigError> => {
  const { client, port, ...rest } = options
  const sdk = Layer.unwrapEffect(Effect.gen(function*() {
    const emulator = yield* StytchEmulator
    const server = yield* EmulatorServer
    return sdkFor(emulator, server.url, rest)
  }))
  return sdk.pipe(
    Layer.provide(client ?? FetchClient.layer),
    Layer.provideMerge(layerServer({ ...rest, port: port ?? 0 }))
  )
}
