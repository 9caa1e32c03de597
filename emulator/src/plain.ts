/**
 * The emulator without Effect in its signatures: `createEmulator` makes one and hands back its request handler and
 * its controls as Promise-returning functions, and `serve` puts it on loopback. It is the one implementation behind
 * every other face of the package: `startEmulator` is `createEmulator` plus `serve`, and the SDK's Effect 4 testing
 * entry (`effect-stytch/effect4/testing`) bridges it into Effect 4.
 *
 * Time is a plain `EmulatorClock` (`now()` and `sleep(millis)`), given per call or once in the options: every reading
 * of time (request handling, fault delays, seeded sessions and telemetry, minted tokens, exported states) comes from
 * it. Without one, time is the real clock.
 *
 * @since 0.1.0
 */
import * as Cause from "effect/Cause"
import * as EffectClock from "effect/Clock"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Redacted from "effect/Redacted"
import * as Scope from "effect/Scope"
import * as Emulator from "./Emulator.js"
import { type BodyError, checkInMemoryBody, type IncomingRequest } from "./internal/app.js"

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
  SettingsPatch
} from "./Emulator.js"

export { DEFAULT_MAX_BODY_BYTES, ImportStateError, inProcessBaseUrl } from "./Emulator.js"

/**
 * A source of time for the emulator. `now()` is the current time in epoch milliseconds; `sleep(millis, signal)`
 * resolves once that much of this clock's time has passed (a fault's `delayMillis`). The emulator aborts `signal`
 * when it no longer waits (the request was abandoned); a clock may ignore it.
 *
 * @since 0.1.0
 * @category models
 */
export interface EmulatorClock {
  readonly now: () => number
  readonly sleep: (millis: number, signal?: AbortSignal) => Promise<void>
}

/**
 * The options of `createEmulator`: the emulator's (`projectId`, `secret`, `settings`), and the clock used by every
 * call that is not given one.
 *
 * @since 0.1.0
 * @category models
 */
export interface EmulatorOptions extends Emulator.Options {
  /** Default: the real clock. */
  readonly clock?: EmulatorClock | undefined
}

/**
 * Why a lazy request body could not be read: over a size limit, not UTF-8, or the client went away. A lazy body
 * that rejects with anything else counts as `aborted`.
 *
 * @since 0.1.0
 * @category errors
 */
export class BodyReadError extends Error {
  constructor(readonly reason: BodyError) {
    super(`The request body could not be read: ${reason}`)
    this.name = "BodyReadError"
  }
}

/**
 * One request, as a transport hands it over.
 *
 * @since 0.1.0
 * @category models
 */
export interface WireRequest {
  readonly method: string
  /** Path and query, e.g. `/v1/sessions?user_id=...` (the origin is `handle`'s `baseUrl`). */
  readonly url: string
  readonly headers: Readonly<Record<string, string>>
  /**
   * The body text (default: none), or a function that reads it: it is called at most once, and only when the
   * pipeline needs the body (after the route and the credentials were checked). A rejection with a `BodyReadError`
   * is answered as its reason (413 for `tooLarge`), any other as an unreadable body.
   */
  readonly body?: string | (() => PromiseLike<string>) | undefined
  /** Aborting it abandons the request (a pending fault delay included); `handle` then rejects. */
  readonly signal?: AbortSignal | undefined
}

/**
 * An answer: status, lower-cased headers, body text.
 *
 * @since 0.1.0
 * @category models
 */
export interface WireResponse {
  readonly status: number
  readonly headers: Readonly<Record<string, string>>
  readonly body: string
}

/**
 * A loopback server over an emulator.
 *
 * @since 0.1.0
 * @category models
 */
export interface PlainServer {
  /** e.g. `http://127.0.0.1:4010`: the official client's `env` (with a trailing `/`). */
  readonly url: string
  readonly port: number
  /** Stops the server (open connections are closed) and frees the port. Idempotent. */
  readonly close: () => Promise<void>
}

/**
 * An emulator. Every control is the Effect `StytchEmulator` service's, with the same name and arguments, as an
 * async function taking an optional clock last. A control the service dies on (a bad `updateSettings` patch, an
 * invalid `failNext` fault, an unknown user for `seedSession`) rejects with an `Error` whose message names the
 * problem; a refused `importState` rejects with the `ImportStateError`.
 *
 * @since 0.1.0
 * @category models
 */
export interface PlainEmulator {
  readonly projectId: string
  /** The project secret as a plain string (a local test value, not a real credential). */
  readonly secret: string
  /**
   * Answers one request, as the loopback server does (with `baseUrl` as the origin the request was sent to; default:
   * `inProcessBaseUrl`). Resolves with an answer for every request, a malformed one included; rejects only when
   * `request.signal` aborts.
   */
  readonly handle: (request: WireRequest, clock?: EmulatorClock, baseUrl?: string) => Promise<WireResponse>
  /** Every message the API would have sent, oldest first. */
  readonly outbox: (
    filter?: Emulator.OutboxFilter,
    clock?: EmulatorClock
  ) => Promise<ReadonlyArray<Emulator.OutboxMessage>>
  /** The newest message matching the filter, if any. */
  readonly latestMessage: (
    filter?: Emulator.OutboxFilter,
    clock?: EmulatorClock
  ) => Promise<Emulator.OutboxMessage | undefined>
  /** Forgets every record, message and pending fault, and restores the starting settings; the signing keys stay. */
  readonly reset: (clock?: EmulatorClock) => Promise<void>
  /** `reset`, but the settings stay as they are. */
  readonly resetKeepingSettings: (clock?: EmulatorClock) => Promise<void>
  readonly settings: (clock?: EmulatorClock) => Promise<Emulator.Settings>
  /** Deep-merges `patch` into the settings; rejects naming the bad field (and changes nothing) when invalid. */
  readonly updateSettings: (patch: Emulator.SettingsPatch, clock?: EmulatorClock) => Promise<Emulator.Settings>
  /** Signs new JWTs with a new key; resolves to the new `kid`. */
  readonly rotateKeys: (clock?: EmulatorClock) => Promise<string>
  /** Makes the next `count` (default 1) API requests fail or stall (on the request's clock) as described. */
  readonly failNext: (fault: Emulator.Fault, count?: number, clock?: EmulatorClock) => Promise<void>
  /** Mints a token as if the user had completed an OAuth redirect flow with the provider. */
  readonly mintOAuthToken: (
    request: Emulator.MintOAuthTokenRequest,
    clock?: EmulatorClock
  ) => Promise<{ readonly token: string }>
  /** Issues an impersonation token for an existing user, as the Stytch Dashboard would. */
  readonly mintImpersonationToken: (
    request: Emulator.MintImpersonationTokenRequest,
    clock?: EmulatorClock
  ) => Promise<{ readonly impersonation_token: string; readonly expires_at: string }>
  /** Starts a session for an existing user without any authentication flow, at the clock's time. */
  readonly seedSession: (options: Emulator.SeedSessionOptions, clock?: EmulatorClock) => Promise<Emulator.SeededSession>
  /** Registers Device Fingerprinting telemetry as if the browser library had sent it. */
  readonly seedTelemetry: (
    options?: Emulator.SeedTelemetryOptions,
    clock?: EmulatorClock
  ) => Promise<Emulator.SeededTelemetry>
  /** The whole state as versioned JSON data (README "Saved state"), secret and private keys included. */
  readonly exportState: (clock?: EmulatorClock) => Promise<Emulator.SavedState>
  /** Replaces the whole state with a saved one (or its JSON text); a refused one rejects and changes nothing. */
  readonly importState: (state: unknown, clock?: EmulatorClock) => Promise<void>
  /**
   * Serves this emulator over HTTP (on 127.0.0.1 and a free port by default) until `close()`; every request it
   * answers reads time from `clock`. Rejects with the listen error (e.g. the port is taken).
   */
  readonly serve: (options?: Emulator.ServeOptions, clock?: EmulatorClock) => Promise<PlainServer>
}

/** An Effect `Clock` reading `clock`: what the emulator's effects run with. */
const effectClock = (clock: EmulatorClock): EffectClock.Clock => {
  const nanos = () => BigInt(Math.floor(clock.now())) * 1_000_000n
  return {
    [EffectClock.ClockTypeId]: EffectClock.ClockTypeId,
    unsafeCurrentTimeMillis: () => clock.now(),
    currentTimeMillis: Effect.sync(() => clock.now()),
    unsafeCurrentTimeNanos: nanos,
    currentTimeNanos: Effect.sync(nanos),
    sleep: (duration) =>
      Effect.async<void>((resume, signal) => {
        clock.sleep(Duration.toMillis(duration), signal).then(
          () => resume(Effect.void),
          (error) => resume(Effect.die(error))
        )
      })
  }
}

/** `effect` on `clock` (the real clock when there is none). */
const onClock = <A, E>(effect: Effect.Effect<A, E>, clock: EmulatorClock | undefined): Effect.Effect<A, E> =>
  clock === undefined ? effect : Effect.withClock(effect, effectClock(clock))

/**
 * The value of a failed exit as the rejection: the error itself, a defect's `Error` (not a FiberFailure; a control's
 * `dieMessage` as a plain `Error` with that message).
 */
const rejection = (cause: Cause.Cause<unknown>): Error => {
  const error = Cause.squash(cause)
  if (Cause.isRuntimeException(error)) return new Error(error.message)
  return error instanceof Error ? error : new Error(String(error))
}

const run = <A, E>(
  effect: Effect.Effect<A, E>,
  clock: EmulatorClock | undefined,
  signal?: AbortSignal | undefined
): Promise<A> =>
  Effect.runPromiseExit(onClock(effect, clock), signal === undefined ? undefined : { signal }).then((exit) => {
    if (Exit.isSuccess(exit)) return exit.value
    throw rejection(exit.cause)
  })

const BODY_ERRORS: ReadonlySet<string> = new Set<BodyError>(["tooLarge", "notUtf8", "aborted"])

/** A lazy body as the pipeline's: read once, when the pipeline asks for it, then checked as an in-memory body. */
const lazyBody = (read: () => PromiseLike<string>): Effect.Effect<string, BodyError> => {
  let reading: Promise<string> | undefined
  return Effect.tryPromise({
    try: () => (reading ??= Promise.resolve().then(read)),
    catch: (error): BodyError =>
      error instanceof BodyReadError && BODY_ERRORS.has(error.reason) ? error.reason : "aborted"
  }).pipe(Effect.flatMap((text) => {
    const problem = typeof text === "string" ? checkInMemoryBody(text) : "aborted"
    return problem === undefined ? Effect.succeed(text) : Effect.fail(problem)
  }))
}

const incoming = (request: WireRequest): IncomingRequest => {
  const headers: Record<string, string> = {}
  for (const [name, value] of Object.entries(request.headers)) {
    if (typeof value === "string") headers[name.toLowerCase()] = value
  }
  const { body } = request
  return {
    method: request.method,
    url: request.url,
    headers,
    body: typeof body === "function" ? lazyBody(body) : body ?? ""
  }
}

/**
 * Makes an emulator (in memory; nothing listens until `serve`). Throws an `Error` naming the problem when the
 * starting settings are invalid.
 *
 * @example
 * const emu = createEmulator()
 * const answer = await emu.handle({ method: "GET", url: "/v1/users/user-test-x", headers: {} })
 * answer.status // 401: no credentials
 *
 * @since 0.1.0
 * @category constructors
 */
export const createEmulator = (options: EmulatorOptions = {}): PlainEmulator => {
  const { clock: defaultClock, ...emulatorOptions } = options
  const made = Effect.runSyncExit(Emulator.make(emulatorOptions))
  if (Exit.isFailure(made)) throw rejection(made.cause)
  const emulator = made.value
  const at = <A, E>(effect: Effect.Effect<A, E>, clock: EmulatorClock | undefined) =>
    run(effect, clock ?? defaultClock)
  return {
    projectId: emulator.projectId,
    secret: Redacted.value(emulator.secret),
    handle: (request, clock, baseUrl) =>
      run(emulator.handle(incoming(request), baseUrl), clock ?? defaultClock, request.signal),
    outbox: (filter, clock) => at(emulator.outbox(filter), clock),
    latestMessage: (filter, clock) => at(emulator.latestMessage(filter), clock),
    reset: (clock) => at(emulator.reset, clock),
    resetKeepingSettings: (clock) => at(emulator.resetKeepingSettings, clock),
    settings: (clock) => at(emulator.settings, clock),
    updateSettings: (patch, clock) => at(emulator.updateSettings(patch), clock),
    rotateKeys: (clock) => at(emulator.rotateKeys, clock),
    failNext: (fault, count, clock) => at(emulator.failNext(fault, count), clock),
    mintOAuthToken: (request, clock) => at(emulator.mintOAuthToken(request), clock),
    mintImpersonationToken: (request, clock) => at(emulator.mintImpersonationToken(request), clock),
    seedSession: (seed, clock) => at(emulator.seedSession(seed), clock),
    seedTelemetry: (seed, clock) => at(emulator.seedTelemetry(seed), clock),
    exportState: (clock) => at(emulator.exportState, clock),
    importState: (state, clock) => at(emulator.importState(state), clock),
    serve: async (serveOptions = {}, clock) => {
      const scope = Effect.runSync(Scope.make())
      // `Emulator.serve` answers with the runtime it starts in: the clock given here reaches every request.
      const started = await Effect.runPromiseExit(onClock(
        Emulator.serve(serveOptions).pipe(
          Effect.provideService(Emulator.StytchEmulator, emulator),
          Scope.extend(scope)
        ),
        clock ?? defaultClock
      ))
      if (Exit.isFailure(started)) {
        await Effect.runPromise(Scope.close(scope, started))
        throw rejection(started.cause)
      }
      let closing: Promise<void> | undefined
      return {
        url: started.value.url,
        port: started.value.port,
        close: () => (closing ??= Effect.runPromise(Scope.close(scope, Exit.void)))
      }
    }
  }
}
