/**
 * The per-attempt timeout of the HTTP pipeline.
 *
 * `Effect.timeoutFail` races the effect against a sleeping fiber: two forked fibers and a scheduled sleep per
 * attempt, which measured as a large share of an in-process call. On Effect's live clock the same guarantee
 * costs one forked fiber and one `setTimeout`: the attempt runs in a child fiber, and whichever comes first, its
 * exit or the timer, resumes the caller; on a timeout the child is interrupted (which aborts its request).
 * Under any other clock (`TestClock`, a user's own) the general `Effect.timeoutFail` runs, so tests that move
 * time by hand see the same behaviour.
 */
import * as Clock from "effect/Clock"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import type * as Exit from "effect/Exit"
import * as FiberId from "effect/FiberId"

/** The class of Effect's default clock (not exported by Effect; recognised by its constructor). */
const LiveClock = Clock.make().constructor

export const timeoutFail = <A, E, R, E2>(
  self: Effect.Effect<A, E, R>,
  duration: Duration.Duration,
  onTimeout: () => E2
): Effect.Effect<A, E | E2, R> =>
  Effect.clockWith((clock) => {
    const millis = Duration.toMillis(duration)
    // setTimeout cannot wait longer than 2^31-1 ms; such a timeout is "never" for an HTTP attempt anyway.
    if (clock.constructor !== LiveClock || !(millis < 2 ** 31 - 1)) {
      return Effect.timeoutFail(self, { duration, onTimeout })
    }
    // The child runs `Effect.exit(self)`, so it never ends with an unhandled failure (which Effect would log as
    // "Fiber terminated with an unhandled error" on every failed attempt).
    return Effect.flatMap(Effect.fork(Effect.exit(self)), (fiber) =>
      Effect.async<A, E | E2>((resume) => {
        let done = false
        const timer = setTimeout(() => {
          if (done) return
          done = true
          fiber.unsafeInterruptAsFork(FiberId.none)
          resume(Effect.fail(onTimeout()))
        }, millis)
        fiber.addObserver((exit) => {
          if (done) return
          done = true
          clearTimeout(timer)
          // A failed child exit is an interruption or a defect of `Effect.exit` itself.
          resume(exit._tag === "Success" ? exit.value : (exit as Exit.Exit<never>))
        })
        // The caller was interrupted: stop the timer and the attempt.
        return Effect.sync(() => {
          done = true
          clearTimeout(timer)
          fiber.unsafeInterruptAsFork(FiberId.none)
        })
      }))
  })
