/**
 * Sessions: list, authenticate (token or JWT, refreshing expired JWTs of live sessions), revoke, migrate from an
 * external OIDC UserInfo endpoint, and the JWKS.
 *
 * `sessions.authenticate` answers `verdict: null`: the emulator runs no `authorization_check` (the docs return a
 * verdict only when a check is passed and succeeds; `null` otherwise is a guess, as `session: null` elsewhere).
 *
 * The JWKS of another project: 404 `project_not_found` for a well-formed `project-<test|live>-<uuid>` id, 400
 * `invalid_project_id` for anything else (a guess from the catalogue's names, as for the other ids).
 */
import * as Effect from "effect/Effect"
import { fail, isId, unknownId, type AreaHandlers, type Handler } from "../internal/contract.js"
import {
  cleanCustomClaims,
  extendSession,
  factor,
  findSession,
  getUser,
  prepareSession,
  sessionJwt,
  sessionWire,
  userWire
} from "./common.js"

const get: Handler<"sessions.get"> = (ctx, req) =>
  Effect.map(getUser(ctx.store, req.user_id), (user) => ({
    sessions: [...ctx.store.sessions.values()]
      .filter((s) => s.user_id === user.user_id && s.expires_at > ctx.now)
      .sort((a, b) => a.started_at - b.started_at)
      .map((s) => sessionWire(s, user))
  }))

/**
 * Stytch's custom-claims update: a new value sets the key, `null` deletes it; reserved claims are ignored
 * (`cleanCustomClaims`).
 */
const updateClaims = (current: Record<string, unknown>, patch: Record<string, unknown>) => {
  const out = { ...current }
  for (const [k, v] of Object.entries(cleanCustomClaims(patch))) {
    if (v === null) delete out[k]
    else out[k] = v
  }
  return out
}

const authenticate: Handler<"sessions.authenticate"> = (ctx, req) =>
  Effect.gen(function*() {
    if (req.session_token === undefined && req.session_jwt === undefined) {
      return yield* fail("no_session_arguments", "A session_token or a session_jwt is required.", 400)
    }
    const minutes = req.session_duration_minutes
    if (minutes !== undefined && (!Number.isInteger(minutes) || minutes < 5 || minutes > 527040)) {
      // The catalogue's type for an out-of-range value (invalid_session_duration is the project-maximum one).
      return yield* fail(
        "invalid_session_duration_minutes",
        "session_duration_minutes is invalid, should be between 5 to 527040 minutes.",
        400
      )
    }
    const session = yield* findSession(ctx, req)
    const user = yield* getUser(ctx.store, session.user_id)
    session.last_accessed_at = ctx.now
    if (minutes !== undefined) extendSession(session, ctx.now, minutes)
    if (req.session_custom_claims !== undefined) {
      session.custom_claims = updateClaims(session.custom_claims, req.session_custom_claims)
    }
    return {
      session: sessionWire(session, user),
      session_token: session.session_token,
      session_jwt: sessionJwt(ctx, session),
      user: userWire(user),
      verdict: null
    }
  })

const revoke: Handler<"sessions.revoke"> = (ctx, req) =>
  Effect.gen(function*() {
    const given = [req.session_id, req.session_token, req.session_jwt].filter((x) => x !== undefined).length
    if (given > 1) return yield* fail("too_many_session_revoke_arguments")
    if (given === 0) {
      return yield* fail("no_session_revoke_arguments", "A session_id, session_token or session_jwt is required.", 400)
    }
    const session = req.session_id !== undefined
      ? ctx.store.sessions.get(req.session_id)
      : yield* findSession(ctx, req)
    if (session === undefined || session.expires_at <= ctx.now) {
      return yield* (req.session_id === undefined
        ? fail("session_not_found")
        : unknownId(req.session_id, "session", "invalid_session_id", "session_not_found"))
    }
    ctx.store.deleteSession(session)
    return {}
  })

const migrate: Handler<"sessions.migrate"> = (ctx, req) =>
  Effect.gen(function*() {
    const url = ctx.store.settings.userinfoUrl
    if (url === undefined) {
      return yield* fail("invalid_userinfo_url", "No UserInfo URL is configured for this project.", 400)
    }
    const info = yield* Effect.tryPromise(async () => {
      const response = await fetch(url, { headers: { authorization: `Bearer ${req.session_token}` } })
      if (!response.ok) throw new Error(`UserInfo answered ${response.status}`)
      return await response.json() as { email?: unknown }
    }).pipe(Effect.orElse(() => fail("oidc_invalid_userinfo", "The UserInfo endpoint did not accept the session token.", 400)))
    if (typeof info.email !== "string") {
      return yield* fail("oidc_invalid_userinfo", "The UserInfo response has no email.", 400)
    }
    const user = ctx.store.userByEmail(info.email)
    if (user === undefined) return yield* fail("user_not_found")
    const commit = yield* prepareSession(ctx, user, factor(ctx, "imported", "imported_auth0"), {
      session_duration_minutes: req.session_duration_minutes ?? 60,
      session_custom_claims: req.session_custom_claims
    })
    const { session, session_jwt, session_token } = commit()
    return { user_id: user.user_id, session_token, session_jwt, user: userWire(user), session }
  })

const getJWKS: Handler<"sessions.getJWKS"> = (ctx, req) =>
  req.project_id === ctx.store.settings.projectId
    ? Effect.succeed({ keys: ctx.keys.jwks() })
    : isId(req.project_id, "project")
    ? fail("project_not_found", "Project could not be found.", 404)
    : fail("invalid_project_id")

export const sessionsHandlers = {
  "sessions.get": get,
  "sessions.authenticate": authenticate,
  "sessions.revoke": revoke,
  "sessions.migrate": migrate,
  "sessions.getJWKS": getJWKS
} satisfies AreaHandlers
