/**
 * The M2M token endpoint's canned answers that both Effect lines check, as plain data and a plain check (no Effect):
 * the OAuth2 error body, a token answer, and the answers after which no error may show the client secret. The
 * Effect 3 suite (test/m2m.test.ts) and the Effect 4 one (effect4/test/sessions-m2m.test.ts) serve them through
 * their own stub HttpClient. It lives in the Effect 4 test project, which sees only its own files; the Effect 3 suite
 * imports it from here. (Also the introspection answer and claims that test/idp.test.ts and the Effect 4 suite share.)
 */
import * as assert from "node:assert/strict"
import { inspect } from "node:util"
import { NOW_S, PROJECT_ID } from "./jwtCases.js"

export const CLIENT_ID = "m2m-client-test-d731954d-dab3-4a2b-bdee-07f3ad1be885"
export const CLIENT_SECRET = "m2m-secret-VERY-PRIVATE-0123456789abcdef"

/** An OAuth2 error body as Stytch sends it (with `status_code` and `request_id`). */
export const oauthError = (status: number, error: string) => ({
  status_code: status,
  request_id: `request-id-test-${error}`,
  error,
  error_description: `description of ${error}`,
  error_uri: `https://stytch.com/docs/api/errors/${status}#${error}`
})

/** A token answer. */
export const tokenBody = { access_token: "eyJ.access.token", token_type: "bearer", expires_in: 3600 }

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } })

/** Failed token answers (an OAuth2 error, HTML on a 401 and a 502, a 200 of the wrong shape), fresh per call. */
export const SECRET_PROBES: ReadonlyArray<() => Response> = [
  () => json(401, oauthError(401, "invalid_client")),
  () => new Response("<html>bad</html>", { status: 401 }),
  () => new Response("<html>bad gateway</html>", { status: 502 }),
  () => json(200, { unexpected: true })
]

/** Checks that `secret` is in none of the error's renderings: message, JSON, inspect, String. */
export const checkHides = (error: Error, secret: string) => {
  for (const text of [error.message, JSON.stringify(error), inspect(error, { depth: 10 }), String(error)]) {
    assert.ok(!text.includes(secret), `the error shows the secret: ${text}`)
  }
}

/** An active introspection answer for a token of `subject` (with `tenant: "acme"` as its one custom claim). */
export const activeIntrospection = (subject: string, extra: Record<string, unknown> = {}) => ({
  active: true,
  request_id: "request-id-test-introspect",
  status_code: 200,
  sub: subject,
  scope: "read:users",
  aud: PROJECT_ID,
  exp: NOW_S + 3600,
  iat: NOW_S,
  iss: `stytch.com/${PROJECT_ID}`,
  client_id: subject,
  token_type: "access_token",
  tenant: "acme",
  ...extra
})

/** The claims `introspectTokenNetwork` / `introspectTokenLocal` give for such a token (nbf defaults to iat). */
export const introspectedClaims = (subject: string, extra: Record<string, unknown> = {}) => ({
  subject,
  scope: "read:users",
  custom_claims: { tenant: "acme" },
  audience: PROJECT_ID,
  expires_at: NOW_S + 3600,
  issued_at: NOW_S,
  issuer: `stytch.com/${PROJECT_ID}`,
  not_before: NOW_S,
  token_type: "access_token",
  ...extra
})
