/**
 * effect-stytch/emulator: a stateful, in-memory Stytch API for tests and demos.
 *
 * @since 0.1.0
 */

/** @since 0.1.0 */
export * as StytchEmulator from "./Emulator.js"

/** @since 0.1.0 */
export { type RunningEmulator, startEmulator, type StartOptions } from "./startEmulator.js"
