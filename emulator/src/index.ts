/**
 * effect-stytch-emulator: a stateful, in-memory Stytch API for tests and demos. `startEmulator` serves it on
 * loopback for any test runner and client; `createEmulator` is the same emulator without a server (answer requests
 * in-process, serve it when you like, give it your own clock); `StytchEmulator` is its Effect API (also at
 * `effect-stytch-emulator/effect`; apps on effect-stytch use `effect-stytch/testing`, which adds the layers that wire
 * the SDK to it).
 *
 * @since 0.1.0
 */

/** @since 0.1.0 */
export * as StytchEmulator from "./Emulator.js"

/** @since 0.1.0 */
export { type RunningEmulator, startEmulator, type StartOptions } from "./startEmulator.js"

/** @since 0.1.0 */
export * from "./plain.js"
