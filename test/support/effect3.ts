/**
 * Effect 3, for the Effect 4 suite's tests that drive both lines in one process (effect4/test/surface.test.ts,
 * effect4/test/parity.test.ts). Module resolution is per file: from here, `effect` is the root's effect 3, the very
 * modules `src/` resolves to, while the Effect 4 tests' own `effect` is effect 4. (effect4/tsconfig.json includes
 * this file.)
 */
export * as Effect3 from "effect/Effect"
export * as Layer3 from "effect/Layer"
export * as ManagedRuntime3 from "effect/ManagedRuntime"
export * as Redacted3 from "effect/Redacted"
