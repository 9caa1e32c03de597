/**
 * effect-stytch/testing: the emulator's Effect integration for tests of apps built on effect-stytch. It needs the
 * optional peer `effect-stytch-emulator` (`npm i -D effect-stytch-emulator`).
 *
 * @since 0.1.0
 */

/** @since 0.1.0 */
export * as StytchEmulator from "./testing/StytchEmulator.js"
