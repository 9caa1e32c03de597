/**
 * effect-stytch/testing: the emulator's Effect integration for tests of apps built on effect-stytch. It needs the
 * `effect-stytch-emulator` as a dev dependency of the app (`npm i -D effect-stytch-emulator`).
 *
 * @since 0.1.0
 */

/** @since 0.1.0 */
export * as StytchEmulator from "./testing/StytchEmulator.js"
