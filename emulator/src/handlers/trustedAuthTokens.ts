/**
 * `sessions.attest`: a JWT from a trusted issuer (a Trusted Auth Token profile) traded for a session.
 *
 * Stytch configures profiles in its dashboard (issuer, audience, PEM keys or a JWKS URL, attribute mapping). The
 * emulator reads them from the `trustedAuthTokenProfiles` setting (the `settings` option, or
 * `PATCH /emulator/v1/settings`), with PEM public keys only (no JWKS URL: the emulator makes no outbound calls here).
 *
 * Guesses (not documented):
 * - an unknown `profile_id` is `trusted_token_profile_not_found` (404);
 * - every problem with the token (not a JWT, alg other than RS256 / ES256, no key verifies it, wrong `iss` or `aud`,
 *   no `exp`, expired, not yet valid, no string email or token id claim) is `invalid_trusted_auth_token` (401);
 * - the user is the one holding the token's email; one is created (email verified) when none does;
 * - the factor is `trusted_auth_token` / `trusted_token_exchange` with `trusted_auth_token_factor.token_id`;
 *   without `session_token` / `session_jwt` a new session of `session_duration_minutes` (60 by default) starts;
 * - a token may be attested more than once (no replay tracking).
 */
import * as Effect from "effect/Effect"
import { createPublicKey, type KeyObject, verify } from "node:crypto"
import { type AreaHandlers, fail, type Handler } from "../internal/contract.js"
import type { TrustedAuthTokenProfile } from "../internal/store.js"
import { addEmail, factor, insertUser, newUser, prepareSession, userWire } from "./common.js"

const DEFAULT_SESSION_MINUTES = 60

const invalid = (why: string) => fail("invalid_trusted_auth_token", `The trusted auth token is invalid: ${why}.`, 401)

const parseJson = (part: string): unknown => {
  try {
    return JSON.parse(Buffer.from(part, "base64url").toString("utf8"))
  } catch {
    return undefined
  }
}

const isObject = (u: unknown): u is Record<string, unknown> => typeof u === "object" && u !== null && !Array.isArray(u)

const publicKey = (pem: string): KeyObject | undefined => {
  try {
    return createPublicKey(pem)
  } catch {
    return undefined
  }
}

/** The token's claims when a key of the profile signed it; a reason otherwise. */
const verifyToken = (profile: TrustedAuthTokenProfile, token: string): Record<string, unknown> | string => {
  const parts = token.split(".")
  if (parts.length !== 3) return "not a JWT"
  const header = parseJson(parts[0]!)
  const claims = parseJson(parts[1]!)
  if (!isObject(header) || !isObject(claims)) return "not a JWT"
  const alg = header.alg
  if (alg !== "RS256" && alg !== "ES256") return "unsupported alg"
  const input = Buffer.from(`${parts[0]}.${parts[1]}`)
  const signature = Buffer.from(parts[2]!, "base64url")
  const ok = profile.public_keys.some((pem) => {
    const key = typeof pem === "string" ? publicKey(pem) : undefined
    if (key === undefined || key.asymmetricKeyType !== (alg === "RS256" ? "rsa" : "ec")) return false
    try {
      return alg === "RS256"
        ? verify("sha256", input, key, signature)
        : verify("sha256", input, { key, dsaEncoding: "ieee-p1363" }, signature)
    } catch {
      return false
    }
  })
  return ok ? claims : "the signature does not verify with the profile's keys"
}

const attest: Handler<"sessions.attest"> = (ctx, req) =>
  Effect.gen(function*() {
    const { store } = ctx
    // Settings come from the test's own setup (a PATCH is not checked): a malformed profile is ignored.
    const profiles: ReadonlyArray<unknown> = Array.isArray(store.settings.trustedAuthTokenProfiles)
      ? store.settings.trustedAuthTokenProfiles
      : []
    const profile = profiles.find((p): p is TrustedAuthTokenProfile =>
      isObject(p) && p.profile_id === req.profile_id && typeof p.issuer === "string" &&
      typeof p.audience === "string" && Array.isArray(p.public_keys)
    )
    if (profile === undefined) {
      return yield* fail("trusted_token_profile_not_found", "No Trusted Auth Token profile has this profile_id.", 404)
    }
    const claims = verifyToken(profile, req.token)
    if (typeof claims === "string") return yield* invalid(claims)
    const seconds = ctx.now / 1000
    if (claims.iss !== profile.issuer) return yield* invalid("wrong issuer")
    const aud = Array.isArray(claims.aud) ? claims.aud : [claims.aud]
    if (!aud.includes(profile.audience)) return yield* invalid("wrong audience")
    if (typeof claims.exp !== "number" || claims.exp <= seconds) return yield* invalid("expired or without exp")
    if (claims.nbf !== undefined && (typeof claims.nbf !== "number" || claims.nbf > seconds)) {
      return yield* invalid("not yet valid")
    }
    const email = claims[profile.attribute_mapping?.email ?? "email"]
    const token_id = claims[profile.attribute_mapping?.token_id ?? "jti"]
    if (typeof email !== "string" || email === "") return yield* invalid("no email claim")
    if (typeof token_id !== "string" || token_id === "") return yield* invalid("no token id claim")

    const existing = store.userByEmail(email)
    const user = existing ?? newUser(ctx)
    const extending = req.session_token !== undefined || req.session_jwt !== undefined
    const commit = yield* prepareSession(
      ctx,
      user,
      factor(ctx, "trusted_auth_token", "trusted_token_exchange", { trusted_auth_token_factor: { token_id } }),
      {
        session_token: req.session_token,
        session_jwt: req.session_jwt,
        session_duration_minutes: req.session_duration_minutes ?? (extending ? undefined : DEFAULT_SESSION_MINUTES),
        session_custom_claims: req.session_custom_claims
      }
    )
    if (existing === undefined) {
      insertUser(store, user)
      addEmail(store, user, email, true)
    }
    const { session, session_jwt, session_token } = commit()
    return { user_id: user.user_id, session_token, session_jwt, user: userWire(user), ...(session ? { session } : {}) }
  })

export const trustedAuthTokensHandlers = { "sessions.attest": attest } satisfies AreaHandlers
