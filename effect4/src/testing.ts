/**
 * effect-stytch/effect4/testing: the emulator's Effect 4 integration for tests of apps built on effect-stytch's
 * Effect 4 line. It needs `effect-stytch-emulator` as a dev dependency (`npm i -D effect-stytch-emulator`), whose
 * plain core it runs on the caller's `Clock`.
 *
 * @since 0.1.0
 */

/** @since 0.1.0 */
export * as StytchEmulator from "./testing/StytchEmulator.js"
