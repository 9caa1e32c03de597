/**
 * The SDK's own errors (not from an error body) that both Effect lines build and check, as plain data and a plain
 * check (no Effect): the fields each is made with and the message it must render. The Effect 3 suite
 * (test/errors.test.ts) and the Effect 4 one (effect4/test/errors.test.ts) construct each with their own error
 * classes, by tag, and hand it to `checkOwnError`. It lives in the Effect 4 test project, which sees only its own
 * files; the Effect 3 suite imports it from here.
 */
import * as assert from "node:assert/strict"

export interface OwnError {
  /** The class's name in the Errors module, and the error's `_tag`. */
  readonly tag: string
  readonly fields: Readonly<Record<string, unknown>>
  readonly message: string
}

export const OWN_ERRORS: ReadonlyArray<OwnError> = [
  {
    tag: "StytchTransportError",
    fields: { reason: "Timeout", method: "GET", url: "https://test.stytch.com/v1/users/u", detail: "no answer within 10s" },
    message: "Timeout error on GET https://test.stytch.com/v1/users/u: no answer within 10s"
  },
  {
    tag: "StytchDecodeError",
    fields: {
      status: 502,
      request_id: undefined,
      method: "POST",
      url: "https://test.stytch.com/v1/users",
      detail: "the body is not JSON (42 bytes)"
    },
    message: "Could not read the answer to POST https://test.stytch.com/v1/users (HTTP 502, request_id unknown): " +
      "the body is not JSON (42 bytes)"
  },
  {
    tag: "StytchRequestError",
    fields: {
      endpoint: "users.create",
      method: "POST",
      url: "https://test.stytch.com/v1/users",
      path: "sesion_duration_minutes",
      expected: "is not a field of this request or model",
      detail: "sesion_duration_minutes: is not a field of this request or model"
    },
    message: "Invalid request to users.create (POST https://test.stytch.com/v1/users): " +
      "sesion_duration_minutes: is not a field of this request or model"
  },
  {
    tag: "StytchOAuth2Error",
    fields: {
      error: "invalid_client",
      error_description: "Client authentication failed.",
      error_uri: "https://stytch.com/docs",
      status_code: 401,
      request_id: "request-id-test-oauth"
    },
    message: "invalid_client: Client authentication failed. (request_id: request-id-test-oauth)"
  },
  {
    tag: "StytchM2MScopeError",
    fields: { missing_scopes: ["write:users", "admin"], client_id: "m2m-client-test-1" },
    message: "M2M token of client m2m-client-test-1 is missing required scopes: write:users, admin"
  },
  {
    tag: "StytchJwtUnsupportedAlgorithm",
    fields: { detail: "alg none" },
    message: "Session JWT rejected, algorithm not allowed: alg none"
  }
]

/** Checks an error built from `expected.fields`: its tag, name, message, and that its JSON and text carry the tag. */
export const checkOwnError = (error: Error & { readonly _tag: string }, expected: OwnError) => {
  assert.strictEqual(error._tag, expected.tag)
  assert.strictEqual(error.name, expected.tag)
  assert.strictEqual(error.message, expected.message, expected.tag)
  assert.ok(JSON.stringify(error).includes(`"_tag":"${expected.tag}"`), `${expected.tag}: JSON has its tag`)
  assert.ok(String(error).includes(expected.tag), `${expected.tag}: its text has its tag`)
  for (const [field, value] of Object.entries(expected.fields)) {
    assert.deepStrictEqual((error as unknown as Record<string, unknown>)[field], value, `${expected.tag}.${field}`)
  }
}
