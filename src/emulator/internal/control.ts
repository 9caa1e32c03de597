/**
 * The emulator's test controls over REST, under `/emulator/v1/` (no auth: the server only listens on loopback).
 *
 *   GET  /emulator/v1/outbox?to=&kind=&channel=   messages the API would have sent
 *   POST /emulator/v1/reset                        forget all state
 *   GET  /emulator/v1/settings                     project settings
 *   PATCH /emulator/v1/settings                    update them (JSON body: a partial settings object)
 *   POST /emulator/v1/keys/rotate                  new signing key; answers { kid }
 *   POST /emulator/v1/faults                       JSON body: a Fault plus optional "count"
 *   POST /emulator/v1/oauth/tokens                 mint an OAuth token (JSON body: MintOAuthTokenRequest)
 *   POST /emulator/v1/impersonation/tokens         mint an impersonation token (JSON body: { user_id,
 *                                                  impersonator_id?, impersonator_email_address? })
 *   POST /emulator/v1/sessions                     seed a session (JSON body: { user_id, session_duration_minutes?,
 *                                                  custom_claims? }); answers { session_id, session_token, session_jwt }
 *   POST /emulator/v1/telemetry                    seed DFP telemetry (JSON body: SeedTelemetryOptions); answers
 *                                                  { telemetry_id, <ids and fingerprints>, expires_at }
 */
import * as Schema from "effect/Schema"
import { RBACPolicy } from "../../schemas/Models.js"
import * as Effect from "effect/Effect"
import type { Service } from "../Emulator.js"
import type { WireRequest, WireResponse } from "./app.js"

const reply = (status: number, body: unknown): WireResponse => ({
  status,
  headers: { "content-type": "application/json" },
  body: JSON.stringify(body)
})

const parse = (body: string): Record<string, any> | undefined => {
  try {
    const value = body === "" ? {} : JSON.parse(body)
    return typeof value === "object" && value !== null && !Array.isArray(value) ? value : undefined
  } catch {
    return undefined
  }
}

const isRbacPolicy = Schema.is(RBACPolicy)

/** The answer of a seeding control: what it made, or a 400 naming why it died. */
const seeding = <A>(effect: Effect.Effect<A>): Effect.Effect<WireResponse> =>
  effect.pipe(
    Effect.map((made) => reply(200, made)),
    Effect.catchAllDefect((defect) =>
      Effect.succeed(reply(400, { error: defect instanceof Error ? defect.message : String(defect) }))
    )
  )

export const makeControl = (emulator: Service) =>
(request: WireRequest, _now: number): Effect.Effect<WireResponse> | undefined => {
  if (!request.url.startsWith("/emulator/v1/")) return undefined
  const url = new URL(request.url, "http://emulator")
  const route = `${request.method} ${url.pathname.slice("/emulator/v1".length)}`
  const body = parse(request.body)
  if (body === undefined) return Effect.succeed(reply(400, { error: "the body must be a JSON object" }))
  switch (route) {
    case "GET /outbox": {
      const filter = {
        to: url.searchParams.get("to") ?? undefined,
        kind: (url.searchParams.get("kind") ?? undefined) as any,
        channel: (url.searchParams.get("channel") ?? undefined) as any
      }
      return Effect.map(emulator.outbox(filter), (messages) => reply(200, { messages }))
    }
    case "POST /reset":
      return Effect.as(emulator.reset, reply(200, { reset: true }))
    case "GET /settings":
      return Effect.map(emulator.settings, (settings) => reply(200, { ...settings, secret: undefined }))
    case "PATCH /settings": {
      // The policy is answered as is by rbac.policy, so it must have the wire shape; the other settings are scalars.
      if (body.rbacPolicy !== undefined && !isRbacPolicy(body.rbacPolicy)) {
        return Effect.succeed(reply(400, { error: "rbacPolicy must be { roles, resources, scopes } as rbac.policy answers" }))
      }
      return Effect.map(emulator.updateSettings(body), (settings) => reply(200, { ...settings, secret: undefined }))
    }
    case "POST /keys/rotate":
      return Effect.map(emulator.rotateKeys, (kid) => reply(200, { kid }))
    case "POST /faults": {
      const { count, ...fault } = body
      return Effect.as(emulator.failNext(fault, typeof count === "number" ? count : 1), reply(200, { queued: true }))
    }
    case "POST /oauth/tokens":
      return Effect.map(emulator.mintOAuthToken(body as any), (token) => reply(200, token))
    // The seeding controls die on a broken setup (an unknown user, a bad duration): over REST, a 400 with the reason.
    case "POST /impersonation/tokens":
      return typeof body.user_id === "string"
        ? seeding(emulator.mintImpersonationToken(body as any))
        : Effect.succeed(reply(400, { error: "user_id is required" }))
    case "POST /sessions":
      return typeof body.user_id === "string"
        ? seeding(emulator.seedSession(body as any))
        : Effect.succeed(reply(400, { error: "user_id is required" }))
    case "POST /telemetry":
      return seeding(emulator.seedTelemetry(body as any))
    default:
      return Effect.succeed(reply(404, { error: `no emulator control ${route}` }))
  }
}
