/**
 * The emulator without Effect: `startEmulator` serves it on loopback and hands back its controls as async functions,
 * for any JavaScript test runner and the official `stytch` package. It is `createEmulator` (the plain emulator) and
 * its `serve`; `close()` stops the server.
 *
 * Time is the real clock. Tests that need another one give it to `createEmulator` (a plain `{ now, sleep }`) or use
 * the Effect layers (`StytchEmulator.layerStytch`), whose time is the caller's `Clock`.
 *
 * @since 0.1.0
 */
import type * as Emulator from "./Emulator.js"
import { createEmulator } from "./plain.js"

/**
 * The options of `startEmulator`: the emulator's (`projectId`, `secret`, `settings`) and the server's (`port`,
 * `host`, `maxBodyBytes`).
 *
 * @since 0.1.0
 * @category models
 */
export type StartOptions = Emulator.Options & Emulator.ServeOptions

/**
 * A running emulator. Every control is the `StytchEmulator` service's, with the same name and arguments, as an async
 * function. A control the service dies on (a bad `updateSettings` patch, an invalid `failNext` fault, an unknown user
 * for `seedSession`) rejects with an `Error` whose message names the problem; a refused `importState` rejects with
 * the `ImportStateError`.
 *
 * @since 0.1.0
 * @category models
 */
export interface RunningEmulator {
  /** The server's base URL, e.g. `http://127.0.0.1:4010`: the official client's `env` (with a trailing `/`). */
  readonly url: string
  readonly port: number
  readonly projectId: string
  /** The project secret as a plain string (a local test value, not a real credential). */
  readonly secret: string
  /** Every message the API would have sent, oldest first. */
  readonly outbox: (filter?: Emulator.OutboxFilter) => Promise<ReadonlyArray<Emulator.OutboxMessage>>
  /** The newest message matching the filter, if any. */
  readonly latestMessage: (filter?: Emulator.OutboxFilter) => Promise<Emulator.OutboxMessage | undefined>
  /** Forgets every record, message and pending fault, and restores the starting settings; the signing keys stay. */
  readonly reset: () => Promise<void>
  /** `reset`, but the settings stay as they are. */
  readonly resetKeepingSettings: () => Promise<void>
  readonly settings: () => Promise<Emulator.Settings>
  /** Deep-merges `patch` into the settings; rejects naming the bad field (and changes nothing) when invalid. */
  readonly updateSettings: (patch: Emulator.SettingsPatch) => Promise<Emulator.Settings>
  /** Signs new JWTs with a new key; resolves to the new `kid`. */
  readonly rotateKeys: () => Promise<string>
  /** Makes the next `count` (default 1) API requests fail or stall as described. */
  readonly failNext: (fault: Emulator.Fault, count?: number) => Promise<void>
  /** Mints a token as if the user had completed an OAuth redirect flow with the provider. */
  readonly mintOAuthToken: (request: Emulator.MintOAuthTokenRequest) => Promise<{ readonly token: string }>
  /** Issues an impersonation token for an existing user, as the Stytch Dashboard would. */
  readonly mintImpersonationToken: (
    request: Emulator.MintImpersonationTokenRequest
  ) => Promise<{ readonly impersonation_token: string; readonly expires_at: string }>
  /** Starts a session for an existing user without any authentication flow. */
  readonly seedSession: (options: Emulator.SeedSessionOptions) => Promise<Emulator.SeededSession>
  /** Registers Device Fingerprinting telemetry as if the browser library had sent it. */
  readonly seedTelemetry: (options?: Emulator.SeedTelemetryOptions) => Promise<Emulator.SeededTelemetry>
  /** The whole state as versioned JSON data (README "Saved state"), secret and private keys included. */
  readonly exportState: () => Promise<Emulator.SavedState>
  /** Replaces the whole state with a saved one (or its JSON text); a refused one rejects and changes nothing. */
  readonly importState: (state: unknown) => Promise<void>
  /**
   * Stops the server (open connections are closed) and frees the port. Idempotent. An emulator that is never closed
   * keeps the process alive, as any listening server does: close it in your `afterAll`.
   */
  readonly close: () => Promise<void>
}

/**
 * Starts the emulator on loopback (`port: 0`, the default, picks a free port). Rejects when the server cannot listen
 * (e.g. the port is taken) or the starting settings are invalid.
 *
 * @example
 * const emu = await startEmulator({ port: 0 })
 * const client = new stytch.Client({ project_id: emu.projectId, secret: emu.secret, env: `${emu.url}/` })
 * await emu.close()
 *
 * @since 0.1.0
 * @category constructors
 */
export const startEmulator = async (options: StartOptions = {}): Promise<RunningEmulator> => {
  const { host, maxBodyBytes, port, ...emulatorOptions } = options
  const emulator = createEmulator(emulatorOptions)
  const server = await emulator.serve({ host, maxBodyBytes, port })
  return {
    url: server.url,
    port: server.port,
    projectId: emulator.projectId,
    secret: emulator.secret,
    outbox: (filter) => emulator.outbox(filter),
    latestMessage: (filter) => emulator.latestMessage(filter),
    reset: () => emulator.reset(),
    resetKeepingSettings: () => emulator.resetKeepingSettings(),
    settings: () => emulator.settings(),
    updateSettings: (patch) => emulator.updateSettings(patch),
    rotateKeys: () => emulator.rotateKeys(),
    failNext: (fault, count) => emulator.failNext(fault, count),
    mintOAuthToken: (request) => emulator.mintOAuthToken(request),
    mintImpersonationToken: (request) => emulator.mintImpersonationToken(request),
    seedSession: (seed) => emulator.seedSession(seed),
    seedTelemetry: (seed) => emulator.seedTelemetry(seed),
    exportState: () => emulator.exportState(),
    importState: (state) => emulator.importState(state),
    close: server.close
  }
}
