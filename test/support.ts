/**
 * Helpers shared by the emulator test suites.
 */
import type * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import { assert } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Fiber from "effect/Fiber"
import * as Option from "effect/Option"
import * as TestClock from "effect/TestClock"
import { randomUUID } from "node:crypto"
import { Users } from "../src/index.js"
import { StytchEmulator } from "effect-stytch/testing"
import { bodyText } from "../effect4/test/support/pipelineScenarios.js"

/** Runs a call that must fail and returns its typed error; an unexpected success fails the test readably. */
export const expectFailure = <A, E, R>(self: Effect.Effect<A, E, R>): Effect.Effect<E, never, R> =>
  Effect.flatMap(Effect.either(self), (result) =>
    Either.isLeft(result)
      ? Effect.succeed(result.left)
      : Effect.sync(() => assert.fail(`expected a failure, got a success: ${JSON.stringify(result.right)}`)))

/** An email no other test uses. */
export const uniqueEmail = (tag: string) => `${tag}-${randomUUID().slice(0, 8)}@example.com`

/** Passes both zxcvbn (score 4) and the breached list. */
export const STRONG_PASSWORD = "correct-horse-battery-staple-Quasar-42!"

/** Everything a failed call must leave untouched: every user (with factors) and the outbox. */
export const snapshot = Effect.gen(function*() {
  const emulator = yield* StytchEmulator.StytchEmulator
  const users = yield* Users.Users
  const all = yield* users.search({ limit: 1000 })
  const outbox = yield* emulator.outbox()
  return JSON.stringify({ users: all.results, outbox })
})

/** The body of a request a fake HttpClient received, as text (`undefined` when it has none; shared with the Effect 4 suites). */
export const requestBody = (request: HttpClientRequest.HttpClientRequest): string | undefined => bodyText(request.body)

/** A minimal valid users.get answer, for fake HttpClients (shared with the Effect 4 suites). */
export { userBody } from "../effect4/test/support/pipelineCases.js"

/** Runs `effect` in a fiber and moves the TestClock until it ends (at most `maxMs`), then returns its exit. */
export const drive = <A, E, R>(effect: Effect.Effect<A, E, R>, maxMs = 120_000) =>
  Effect.gen(function*() {
    const fiber = yield* Effect.fork(effect)
    for (let elapsed = 0; elapsed < maxMs; elapsed += 100) {
      if (Option.isSome(yield* Fiber.poll(fiber))) break
      yield* TestClock.adjust("100 millis")
    }
    return yield* Fiber.await(fiber)
  })
