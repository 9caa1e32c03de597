/**
 * The project's JSON Web Key Set, fetched through the SDK's own HTTP pipeline and cached, for verifying session
 * JWTs and M2M tokens locally.
 *
 * - One fetch serves any number of concurrent first callers.
 * - Stale-while-revalidate: once the set is older than `ttl`, tokens signed by known keys keep verifying at once
 *   while one background fiber refreshes it. A failed refresh is logged, never seen by a verification; the next is
 *   attempted `unknownKidRefetchInterval` later. Known keys stay trusted until a refresh replaces the set.
 * - Only a token whose `kid` is unknown waits: for one refetch (so a rotated key verifies immediately), at most one
 *   per `unknownKidRefetchInterval`, so a flood of random kids cannot hammer the endpoint.
 *
 * The keys are imported by `src/core/jwtSignature.ts` (shared with the Effect 3 line): RS256 RSA keys of 2048 bits
 * or more, from their modulus and exponent only.
 *
 * @since 0.1.0
 */
import * as Context from "effect/Context"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as FiberSet from "effect/FiberSet"
import * as Layer from "effect/Layer"
import type * as Scope from "effect/Scope"
import * as Semaphore from "effect/Semaphore"
import type * as jose from "jose"
import { importVerificationKeys } from "../../../src/core/jwtSignature.js"
import type { StytchError } from "../schemas/Errors.js"
import { endpoints } from "../schemas/Sessions.js"
import { StytchHttp } from "./StytchHttp.js"

/**
 * @since 0.1.0
 * @category models
 */
export interface Service {
  /**
   * The verification key with this `kid`. `undefined` when the set (refetched if allowed) has no such key.
   * Fails only when no key set could ever be fetched.
   */
  readonly key: (kid: string) => Effect.Effect<jose.CryptoKey | undefined, StytchError>
  /**
   * The key known for `kid` at time `now` (ms), without waiting for I/O: the fast path of verification. `undefined`
   * when the kid is unknown (then `key` refetches). When the set is older than its TTL, the key is still returned
   * and a background refresh is started.
   */
  readonly knownKey: (kid: string, now: number) => jose.CryptoKey | undefined
  /** Changes whenever the key set is replaced, so callers can drop anything derived from the old keys. */
  readonly version: () => number
  /** Drops every cached key; the next lookup fetches. */
  readonly invalidate: Effect.Effect<void>
}

/**
 * @since 0.1.0
 * @category tags
 */
export class JwksCache extends Context.Service<JwksCache, Service>()("effect-stytch/JwksCache") {}

/**
 * @since 0.1.0
 * @category models
 */
export interface Options {
  /** How long a fetched key set is fresh. Default: 10 minutes. */
  readonly ttl?: Duration.Input | undefined
  /**
   * Minimum time between two refetches caused by unknown kids, and between a failed background refresh and the
   * next attempt. Default: 10 seconds.
   */
  readonly unknownKidRefetchInterval?: Duration.Input | undefined
}

/**
 * @since 0.1.0
 * @category constructors
 */
export const make = (options: Options = {}): Effect.Effect<Service, never, StytchHttp | Scope.Scope> =>
  Effect.gen(function*() {
    const http = yield* StytchHttp
    const ttl = Duration.toMillis(options.ttl ?? Duration.minutes(10))
    const kidInterval = Duration.toMillis(options.unknownKidRefetchInterval ?? Duration.seconds(10))
    const lock = yield* Semaphore.make(1)
    // Background refreshes run on the runtime the cache was built in (its Clock, logger and tracer), each bounded by
    // the pipeline's timeout and retries, and are interrupted when the cache's scope (its layer) closes.
    const runFork = yield* FiberSet.makeRuntime<never, void, never>()

    let keys = new Map<string, jose.CryptoKey>()
    let fetchedAt = -Infinity // last successful fetch
    let attemptedAt = -Infinity // last fetch attempt, successful or not
    // Last refetch caused by an unknown kid. Kept apart from `attemptedAt` so that a regular fetch does not block
    // the refetch a key rotation needs (a token signed by a new key seconds after the set was fetched).
    let kidRefetchAt = -Infinity
    // Bumps when an attempt *ends*, so a fiber can tell that a fetch finished while it waited. (Bumping at the start
    // let a fiber that arrived during an in-flight fetch fetch again once it got the lock.)
    let generation = 0
    let keysVersion = 0
    let refreshing = false

    const fetch: Effect.Effect<void, StytchError> = Effect.gen(function*() {
      attemptedAt = yield* Effect.clockWith((c) => c.currentTimeMillis)
      const response = yield* http.call(endpoints.getJWKS, { project_id: http.config.projectId })
      keys = yield* Effect.promise(() => importVerificationKeys(response.keys))
      keysVersion++
      fetchedAt = attemptedAt
    }).pipe(Effect.ensuring(Effect.sync(() => generation++)))

    /** Fetches under the lock, unless a fetch ended since `seen`: then that fetch answered the caller's question. */
    const fetchOnce = (seen: number, body: Effect.Effect<void, StytchError>) =>
      lock.withPermits(1)(Effect.suspend(() => (generation !== seen ? Effect.void : body)))

    /** Starts the background refresh of a stale set, unless one runs or the last one failed moments ago. */
    const revalidate = (now: number) => {
      if (refreshing || (attemptedAt > fetchedAt && now - attemptedAt < kidInterval)) return
      refreshing = true
      runFork(fetchOnce(generation, fetch).pipe(
        Effect.catchCause((cause) =>
          Effect.logWarning("effect-stytch: JWKS refresh failed; the known keys keep verifying", cause)
        ),
        Effect.ensuring(Effect.sync(() => {
          refreshing = false
        }))
      ))
    }

    const knownKey = (kid: string, now: number): jose.CryptoKey | undefined => {
      if (now - fetchedAt >= ttl && fetchedAt > -Infinity) revalidate(now)
      return keys.get(kid)
    }

    const key = (kid: string): Effect.Effect<jose.CryptoKey | undefined, StytchError> =>
      Effect.gen(function*() {
        const seen = generation
        const now = yield* Effect.clockWith((c) => c.currentTimeMillis)
        if (fetchedAt === -Infinity) {
          // No set yet (or after `invalidate`): every caller needs this fetch, and its failure.
          yield* fetchOnce(seen, fetch)
        } else if (!keys.has(kid)) {
          // An unknown kid: one rate-limited refetch. A failing endpoint must not break the known keys.
          yield* fetchOnce(
            seen,
            Effect.suspend(() => {
              if (now - kidRefetchAt < kidInterval) return Effect.void
              kidRefetchAt = now
              return Effect.ignore(fetch)
            })
          )
        }
        return knownKey(kid, now)
      })

    return JwksCache.of({
      key,
      knownKey,
      version: () => keysVersion,
      invalidate: Effect.sync(() => {
        keys = new Map()
        keysVersion++
        fetchedAt = -Infinity
        attemptedAt = -Infinity
        kidRefetchAt = -Infinity
      })
    })
  })

/**
 * @since 0.1.0
 * @category layers
 */
export const layer = (options?: Options): Layer.Layer<JwksCache, never, StytchHttp> =>
  Layer.effect(JwksCache, make(options))
