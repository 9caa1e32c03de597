/**
 * A stateful, in-memory Stytch API for tests and demos: the production wire format, real hashes, real RS256 JWTs,
 * and test controls (outbox, reset, settings, key rotation, fault injection).
 *
 * @since 0.1.0
 */
import * as HttpClient from "@effect/platform/HttpClient"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Layer from "effect/Layer"
import * as Redacted from "effect/Redacted"
import * as Runtime from "effect/Runtime"
import * as Schema from "effect/Schema"
import type * as Scope from "effect/Scope"
import * as http from "node:http"
import type { AddressInfo } from "node:net"
import {
  type AppState,
  type BodyError,
  type Ctx,
  DEFAULT_MAX_BODY_BYTES as APP_MAX_BODY_BYTES,
  type Fault,
  handle,
  type IncomingRequest,
  type WireResponse
} from "./internal/app.js"
import { decodeFault, MAX_FAULT_COUNT, makeControl, mergeSettings } from "./internal/control.js"
import { RequestLog } from "./internal/requestLog.js"
import { memoryClient } from "./internal/response.js"
import { SigningKeys } from "./internal/jwt.js"
import * as Snapshot from "./internal/snapshot.js"
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
export type { SavedState } from "./internal/snapshot.js"

/**
 * A saved state refused by `importState`: not JSON, not an emulator state, an unknown version, a missing or wrongly
 * typed part (`problem` names its path), or a state of another project. The running state is untouched.
 *
 * @since 0.1.0
 * @category errors
 */
export class ImportStateError extends Schema.TaggedError<ImportStateError>(
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
  readonly settings?: SettingsPatch | undefined
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
  /** Answers one wire request (what both the in-process client and the loopback server call). Never fails. */
  readonly handle: (request: IncomingRequest, baseUrl?: string) => Effect.Effect<WireResponse>
  /** Every message the API would have sent, oldest first. */
  readonly outbox: (filter?: OutboxFilter) => Effect.Effect<ReadonlyArray<OutboxMessage>>
  /** The newest message matching the filter, if any. */
  readonly latestMessage: (filter?: OutboxFilter) => Effect.Effect<OutboxMessage | undefined>
  /**
   * Forgets everything: users, sessions, tokens, messages, every other record, pending faults, and the settings (back
   * to the ones the emulator was made with). The signing keys stay, so a JWKS a client has cached stays valid.
   */
  readonly reset: Effect.Effect<void>
  /** `reset`, but the settings stay as they are. */
  readonly resetKeepingSettings: Effect.Effect<void>
  readonly settings: Effect.Effect<Settings>
  /**
   * Deep-merges `patch` into the settings (`passwordPolicy` field by field) and validates the result as a whole. Dies
   * naming the bad field when it is invalid (a broken test setup), and then nothing changes.
   */
  readonly updateSettings: (patch: SettingsPatch) => Effect.Effect<Settings>
  /** Signs new JWTs with a new key; the JWKS keeps serving the previous one. Returns the new `kid`. */
  readonly rotateKeys: Effect.Effect<string>
  /**
   * Makes the next `count` (default 1, at most 1000) API requests fail or stall as described. Dies naming the problem
   * when the fault is invalid (no `status` nor `delayMillis`, a status outside 200..599, ...).
   */
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
  /**
   * Everything needed to continue later, as versioned JSON data (README "Saved state"): settings with the secret,
   * every record (users, password hashes, sessions, tokens, codes, clients, fraud rules), the outbox, and the signing
   * keys with their private parts. Pending faults are not part of it.
   */
  readonly exportState: Effect.Effect<Snapshot.SavedState>
  /**
   * Replaces the whole state with a saved one (`exportState`'s output, or its JSON text): validated completely first,
   * then swapped in at once; pending faults are dropped. The state must be of this emulator's project id and secret.
   * A refused state fails with `ImportStateError` and changes nothing.
   */
  readonly importState: (state: unknown) => Effect.Effect<void, ImportStateError>
}

/**
 * A settings patch: any subset of the settings; `passwordPolicy` may be partial too. `userinfoUrl: null` (or
 * `undefined`) removes the UserInfo URL, as the REST control's `null` does.
 *
 * @since 0.1.0
 * @category models
 */
export type SettingsPatch =
  & Partial<Omit<Settings, "projectId" | "secret" | "passwordPolicy" | "userinfoUrl">>
  & {
    readonly passwordPolicy?: Partial<Settings["passwordPolicy"]> | undefined
    readonly userinfoUrl?: string | null | undefined
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
    const initial = mergeSettings(defaultSettings(projectId, secret), options.settings ?? {})
    if (initial._tag === "Left") throw new Error(`StytchEmulator settings: ${initial.left}`)
    const initialSettings = initial.right
    // Replaced as a whole by importState; every closure below reads the current ones.
    let store = new Store(initialSettings)
    let keys = new SigningKeys(projectId)
    const faults: Array<Fault> = []
    const matches = (m: OutboxMessage, f: OutboxFilter = {}) =>
      (f.to === undefined || m.to.toLowerCase() === f.to.toLowerCase()) &&
      (f.kind === undefined || m.kind === f.kind) &&
      (f.channel === undefined || m.channel === f.channel)

    const clear = (keepSettings: boolean) => {
      store.clear({ keepSettings })
      faults.length = 0
      requestLog.clear()
    }
    const service: Service = {
      projectId,
      secret: Redacted.make(secret),
      handle: (request, baseUrl = inProcessBaseUrl) => handle(state, request, baseUrl),
      outbox: (filter) => Effect.sync(() => store.outbox.filter((m) => matches(m, filter))),
      latestMessage: (filter) => Effect.sync(() => store.outbox.findLast((m) => matches(m, filter))),
      reset: Effect.sync(() => clear(false)),
      resetKeepingSettings: Effect.sync(() => clear(true)),
      settings: Effect.sync(() => ({ ...store.settings })),
      updateSettings: (patch) =>
        Effect.suspend(() => {
          const merged = mergeSettings(store.settings, patch)
          if (merged._tag === "Left") return Effect.dieMessage(`updateSettings: ${merged.left}`)
          store.settings = merged.right
          return Effect.succeed({ ...store.settings })
        }),
      rotateKeys: Effect.sync(() => keys.rotate()),
      failNext: (fault, count = 1) =>
        Effect.suspend(() => {
          const valid = decodeFault(fault)
          if (valid._tag === "Left") return Effect.dieMessage(`failNext: ${valid.left}`)
          if (!Number.isInteger(count) || count < 1 || count > MAX_FAULT_COUNT) {
            return Effect.dieMessage(`failNext: count must be an integer between 1 and ${MAX_FAULT_COUNT}`)
          }
          for (let i = 0; i < count; i++) faults.push(valid.right)
          return Effect.void
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
          Effect.try({ try: () => seedTelemetry(store, now, options), catch: (e) => e }).pipe(Effect.orDie)),
      exportState: Effect.map(Effect.clockWith((c) => c.currentTimeMillis), (now) => Snapshot.encode(store, keys, now)),
      importState: (input) =>
        Effect.suspend(() => {
          const parsed = typeof input === "string" ? Snapshot.parse(input) : Either.right(input)
          const restored = Either.flatMap(parsed, Snapshot.decode)
          if (Either.isLeft(restored)) return Effect.fail(new ImportStateError({ problem: restored.left }))
          const next = restored.right
          const { projectId: p, secret: s } = next.store.settings
          if (p !== projectId || s !== secret) {
            const which = p !== projectId ? `project ${p}, not ${projectId}` : "another secret than this emulator's"
            return Effect.fail(new ImportStateError({ problem: `the state is of ${which}` }))
          }
          // One synchronous swap: no request sees half of it.
          store = next.store
          keys = next.keys
          faults.length = 0
          state = { ...state, store, keys, auth: {} }
          return Effect.void
        })
    }
    const requestLog = new RequestLog()
    // A getter: the views read the store importState swapped in.
    const control = makeControl(service, {
      get store() {
        return store
      },
      faults,
      requestLog
    })
    let state: AppState = { store, keys, faults, handlers, auth: {}, control, requestLog }
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

/** The default of `maxBodyBytes` (and the cap of in-process bodies): 1 MiB, far above any Stytch request. */
export const DEFAULT_MAX_BODY_BYTES: number = APP_MAX_BODY_BYTES

/**
 * The body of `req` as an effect that reads it when the pipeline needs it: counted while it streams, refused past
 * `max` bytes (read no further), decoded as strict UTF-8. Reading it a second time answers the same.
 */
const bodyOf = (req: http.IncomingMessage, max: number): Effect.Effect<string, BodyError> =>
  Effect.cached(Effect.async<string, BodyError>((resume) => {
    const declared = Number(req.headers["content-length"])
    if (declared > max) return resume(Effect.fail("tooLarge"))
    const chunks: Array<Buffer> = []
    let size = 0
    const done = (result: Effect.Effect<string, BodyError>) => {
      req.off("data", onData).off("end", onEnd).off("error", onError).off("aborted", onError)
      resume(result)
    }
    const onData = (chunk: Buffer) => {
      size += chunk.length
      if (size > max) {
        req.pause()
        return done(Effect.fail("tooLarge"))
      }
      chunks.push(chunk)
    }
    const onEnd = () => {
      try {
        done(Effect.succeed(strictUtf8.decode(Buffer.concat(chunks))))
      } catch {
        done(Effect.fail("notUtf8"))
      }
    }
    const onError = () => done(Effect.fail("aborted"))
    req.on("data", onData).on("end", onEnd).on("error", onError).on("aborted", onError)
    return Effect.sync(() => req.off("data", onData).off("end", onEnd).off("error", onError).off("aborted", onError))
  })).pipe(Effect.runSync)

const strictUtf8 = new TextDecoder("utf-8", { fatal: true })

/**
 * @since 0.1.0
 * @category models
 */
export interface ServeOptions {
  /** Default: 0 (a free port). */
  readonly port?: number | undefined
  /** Default: `127.0.0.1`. Anything else exposes the unauthenticated controls beyond this machine. */
  readonly host?: string | undefined
  /** Largest request body accepted, in bytes; larger ones are answered 413 unread. Default: 1 MiB. */
  readonly maxBodyBytes?: number | undefined
}

/**
 * Serves the emulator over HTTP on 127.0.0.1 for as long as the scope lives. `port: 0` picks a free port.
 *
 * Nothing a client sends can end the process: the pipeline answers every request (a defect is a 500 with a Stytch
 * body), and the server itself catches every error, writes each answer at most once and closes the connection when
 * it did not read the whole request.
 *
 * @since 0.1.0
 * @category constructors
 */
export const serve = (options: ServeOptions = {}): Effect.Effect<Server, Error, StytchEmulator | Scope.Scope> =>
  Effect.gen(function*() {
    const emulator = yield* StytchEmulator
    const runtime = yield* Effect.runtime<never>()
    const run = Runtime.runPromise(runtime)
    const host = options.host ?? "127.0.0.1"
    const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES
    let listener = { host, port: 0 }
    const answer = (req: http.IncomingMessage, res: http.ServerResponse, response: WireResponse) => {
      if (res.headersSent || res.destroyed) return
      // An unread (or partly read) body would otherwise be drained to keep the connection alive: close it instead.
      const headers = req.complete ? response.headers : { ...response.headers, connection: "close" }
      res.writeHead(response.status, headers)
      res.end(response.body, () => {
        if (!req.complete) req.destroy()
      })
    }
    const server = http.createServer((req, res) => {
      try {
        const headers: Record<string, string> = {}
        for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers[k] = v
        const baseUrl = `http://${req.headers.host ?? host}`
        const request: IncomingRequest = {
          method: req.method ?? "GET",
          url: req.url ?? "/",
          headers,
          body: bodyOf(req, maxBodyBytes),
          listener
        }
        run(emulator.handle(request, baseUrl))
          .then((response) => answer(req, res, response))
          .catch(() => fallback(req, res))
      } catch {
        fallback(req, res)
      }
    })
    const fallback = (req: http.IncomingMessage, res: http.ServerResponse) => {
      try {
        answer(req, res, {
          status: 500,
          headers: { "content-type": "application/json" },
          body: JSON.stringify({
            status_code: 500,
            error_type: "internal_server_error",
            error_message: "Emulator failure."
          })
        })
      } catch {
        res.destroy()
      }
    }
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
    listener = { host, port }
    const urlHost = host.includes(":") ? `[${host}]` : host
    return { url: `http://${urlHost}:${port}`, port }
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
  options: Options & ServeOptions = {}
): Layer.Layer<StytchEmulator | EmulatorServer, Error> => {
  const emulator = Layer.effect(StytchEmulator, make(options))
  return Layer.scoped(EmulatorServer, serve(options)).pipe(Layer.provideMerge(emulator))
}
