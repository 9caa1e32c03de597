/**
 * The JWT attack cases shared by both lines' suites, as plain data and a plain token builder (no Effect): the Effect 3
 * suite (test/jwt-cases.test.ts, through test/support/jwtCases.ts) and the Effect 4 one (effect4/test/jwt.test.ts)
 * run every case through `Sessions.authenticateJwtLocal`, on both signature backends, against a JWKS that serves
 * `fixture.jwks`, with the clock at `fixture.now` seconds. (It lives here because the Effect 4 type-check project may
 * only import files it includes; the Effect 3 test project may import from anywhere.)
 *
 * Tokens are built by hand with node:crypto (jose refuses to sign several of them: `crit` extensions, 1024-bit keys).
 */
import { createHmac, generateKeyPairSync, type KeyObject, randomUUID, sign } from "node:crypto"
import type { JwtFailureKind } from "../../../src/core/jwtRules.js"

export const PROJECT_ID = "project-test-11111111-2222-4333-8444-555555555555"
export const BASE_URL = "https://example.test"
/** The clock of every case, in seconds (2026-01-01T00:00:00Z): tokens are issued then. */
export const NOW_S = 1_767_225_600
export const SESSION_CLAIM = "https://stytch.com/session"

export const b64 = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString("base64url")
const b64Text = (text: string) => Buffer.from(text).toString("base64url")

export interface JwtFixture {
  /** The kid of the trusted key (served by the JWKS). */
  readonly kid: string
  /** The kid of a 1024-bit key the JWKS also serves: never trusted. */
  readonly weakKid: string
  /** What the JWKS endpoint answers (with `request_id` and `status_code`, as Stytch does). */
  readonly jwks: { readonly keys: ReadonlyArray<Record<string, unknown>>; readonly request_id: string; readonly status_code: number }
  /** The trusted key's public half as PEM (the bytes of the algorithm-confusion attack). */
  readonly publicPem: string
  /** Signs `payload` (an object, or JSON text for keys an object literal cannot hold) as RS256 under a key. */
  readonly sign: (
    header: Record<string, unknown>,
    payload: Record<string, unknown> | string,
    key?: "trusted" | "foreign" | "weak"
  ) => string
  /** Claims shaped like a Stytch session JWT, issued at `NOW_S`, overridable (`undefined` removes a claim). */
  readonly claims: (overrides?: Record<string, unknown>) => Record<string, unknown>
  /** A valid session JWT under the trusted key. */
  readonly valid: (overrides?: Record<string, unknown>) => string
  /** The public JWK of a key under a kid, as a JWKS serves it (to trust the foreign key, as after a rotation). */
  readonly publicJwk: (key: "trusted" | "foreign" | "weak", kid: string) => Record<string, unknown>
}

/** Generates the keys (three RSA key pairs: slow-ish, so once per suite). */
export const makeJwtFixture = (): JwtFixture => {
  const trusted = generateKeyPairSync("rsa", { modulusLength: 2048 })
  const foreign = generateKeyPairSync("rsa", { modulusLength: 2048 })
  const weak = generateKeyPairSync("rsa", { modulusLength: 1024 })
  const kid = `jwk-test-cases-${randomUUID()}`
  const weakKid = `jwk-test-weak-${randomUUID()}`
  const jwk = (key: KeyObject, id: string) => ({ ...key.export({ format: "jwk" }), kid: id, alg: "RS256", use: "sig" })
  const publics: Record<"trusted" | "foreign" | "weak", KeyObject> = {
    trusted: trusted.publicKey,
    foreign: foreign.publicKey,
    weak: weak.publicKey
  }
  const keys: Record<"trusted" | "foreign" | "weak", KeyObject> = {
    trusted: trusted.privateKey,
    foreign: foreign.privateKey,
    weak: weak.privateKey
  }
  const signWith = (
    header: Record<string, unknown>,
    payload: Record<string, unknown> | string,
    key: "trusted" | "foreign" | "weak" = "trusted"
  ) => {
    const input = `${b64(header)}.${typeof payload === "string" ? b64Text(payload) : b64(payload)}`
    return `${input}.${sign("sha256", Buffer.from(input), keys[key]).toString("base64url")}`
  }
  const claims = (overrides: Record<string, unknown> = {}) => {
    const iso = (s: number) => new Date(s * 1000).toISOString().replace(".000Z", "Z")
    return {
      sub: "user-test-11111111-2222-4333-8444-555555555555",
      aud: [PROJECT_ID],
      iss: `stytch.com/${PROJECT_ID}`,
      iat: NOW_S,
      nbf: NOW_S,
      exp: NOW_S + 300,
      [SESSION_CLAIM]: {
        id: "session-test-11111111-2222-4333-8444-555555555555",
        started_at: iso(NOW_S),
        last_accessed_at: iso(NOW_S),
        expires_at: iso(NOW_S + 3600),
        attributes: { ip_address: "", user_agent: "" },
        authentication_factors: [{ type: "imported", delivery_method: "seeded", last_authenticated_at: iso(NOW_S) }],
        roles: []
      },
      ...overrides
    }
  }
  return {
    kid,
    weakKid,
    jwks: {
      keys: [jwk(trusted.publicKey, kid), jwk(weak.publicKey, weakKid)],
      request_id: "request-id-test-jwks",
      status_code: 200
    },
    publicPem: trusted.publicKey.export({ format: "pem", type: "spki" }).toString(),
    sign: signWith,
    claims,
    valid: (overrides) => signWith({ alg: "RS256", kid, typ: "JWT" }, claims(overrides)),
    publicJwk: (key, id) => jwk(publics[key], id)
  }
}

/** One case: the token, the request options, and what verification must say. */
export interface JwtCase {
  readonly name: string
  readonly token: (fixture: JwtFixture) => string
  readonly options?: { readonly clock_tolerance_seconds?: number; readonly max_token_age_seconds?: number }
  /** `"valid"`, or the failure kinds accepted (`StytchJwt<kind>`); more than one only where backends differ. */
  readonly expected: "valid" | ReadonlyArray<JwtFailureKind>
}

const header = (f: JwtFixture, extra: Record<string, unknown> = {}) => ({ alg: "RS256", kid: f.kid, typ: "JWT", ...extra })
const segments = (token: string) => token.split(".") as [string, string, string]
const MiB = 1024 * 1024

export const JWT_CASES: ReadonlyArray<JwtCase> = [
  // Controls: the trusted key with Stytch's claims verifies, so each failure below is about what it changes.
  { name: "a valid session JWT", token: (f) => f.valid(), expected: "valid" },
  { name: "aud as a plain string (RFC 7519)", token: (f) => f.valid({ aud: PROJECT_ID }), expected: "valid" },
  { name: "iss the configured base URL (a custom domain)", token: (f) => f.valid({ iss: BASE_URL }), expected: "valid" },
  {
    name: "typ spelled as a media type",
    token: (f) => f.sign(header(f, { typ: "application/JWT" }), f.claims()),
    expected: "valid"
  },
  { name: "exp exactly now (jose: exp <= now is expired)", token: (f) => f.valid({ exp: NOW_S }), expected: ["Expired"] },
  { name: "exp one second ahead", token: (f) => f.valid({ exp: NOW_S + 1 }), expected: "valid" },
  {
    name: "expired 5 s ago, within a 10 s clock tolerance",
    token: (f) => f.valid({ exp: NOW_S - 5 }),
    options: { clock_tolerance_seconds: 10 },
    expected: "valid"
  },
  {
    name: "max_token_age_seconds 0 makes every token too old",
    token: (f) => f.valid(),
    options: { max_token_age_seconds: 0 },
    expected: ["TooOld"]
  },
  {
    name: "issued 60 s ago with max_token_age_seconds 60",
    token: (f) => f.valid({ iat: NOW_S - 60 }),
    options: { max_token_age_seconds: 60 },
    expected: ["TooOld"]
  },
  {
    name: "max age without iat",
    token: (f) => f.valid({ iat: undefined }),
    options: { max_token_age_seconds: 60 },
    expected: ["Malformed"]
  },

  // Algorithms
  {
    name: "alg none, no signature",
    token: (f) => `${b64({ alg: "none", typ: "JWT" })}.${b64(f.claims())}.`,
    expected: ["UnsupportedAlgorithm"]
  },
  {
    name: "HS256 signed with the public key's PEM bytes (algorithm confusion)",
    token: (f) => {
      const input = `${b64({ alg: "HS256", kid: f.kid, typ: "JWT" })}.${b64(f.claims())}`
      return `${input}.${createHmac("sha256", f.publicPem).update(input).digest("base64url")}`
    },
    expected: ["UnsupportedAlgorithm"]
  },
  {
    name: "RS512 (not on the allow-list)",
    token: (f) => f.sign(header(f, { alg: "RS512" }), f.claims()),
    expected: ["UnsupportedAlgorithm"]
  },
  { name: "no alg at all", token: (f) => f.sign({ kid: f.kid, typ: "JWT" }, f.claims()), expected: ["Malformed"] },

  // Signatures and keys
  {
    name: "RS256 by an unrelated key under the trusted kid",
    token: (f) => f.sign(header(f), f.claims(), "foreign"),
    expected: ["InvalidSignature"]
  },
  {
    name: "a tampered payload under the original signature",
    token: (f) => {
      const [h, , s] = segments(f.valid())
      return `${h}.${b64(f.claims({ sub: "user-test-someone-else" }))}.${s}`
    },
    expected: ["InvalidSignature"]
  },
  {
    name: "an unknown kid (after one refetch)",
    token: (f) => f.sign(header(f, { kid: `jwk-test-unknown-${randomUUID()}` }), f.claims(), "foreign"),
    expected: ["UnknownKey"]
  },
  {
    name: "a key under 2048 bits, served in the JWKS, is never trusted",
    token: (f) => f.sign(header(f, { kid: f.weakKid }), f.claims(), "weak"),
    expected: ["UnknownKey"]
  },
  {
    name: "a crit header, correctly signed",
    token: (f) => f.sign(header(f, { crit: ["exp"], exp: 1 }), f.claims()),
    expected: ["Malformed"]
  },

  // Claims
  {
    name: "another project's issuer",
    token: (f) => f.valid({ iss: "stytch.com/project-test-someone-else" }),
    expected: ["InvalidIssuer"]
  },
  { name: "no iss", token: (f) => f.valid({ iss: undefined }), expected: ["InvalidIssuer"] },
  { name: "iss not a string", token: (f) => f.valid({ iss: [`stytch.com/${PROJECT_ID}`] }), expected: ["InvalidIssuer"] },
  {
    name: "another project's audience",
    token: (f) => f.valid({ aud: ["project-test-00000000-0000-4000-8000-00000000beef"] }),
    expected: ["InvalidAudience"]
  },
  { name: "no aud", token: (f) => f.valid({ aud: undefined }), expected: ["InvalidAudience"] },
  { name: "nbf two minutes ahead", token: (f) => f.valid({ nbf: NOW_S + 120 }), expected: ["NotYetValid"] },
  {
    name: "nbf 5 s ahead, within a 10 s clock tolerance",
    token: (f) => f.valid({ nbf: NOW_S + 5 }),
    options: { clock_tolerance_seconds: 10 },
    expected: "valid"
  },
  { name: "exp a second ago", token: (f) => f.valid({ exp: NOW_S - 1 }), expected: ["Expired"] },
  { name: "exp a string", token: (f) => f.valid({ exp: String(NOW_S + 300) }), expected: ["Malformed"] },
  { name: "nbf a string", token: (f) => f.valid({ nbf: "yesterday" }), expected: ["Malformed"] },
  { name: "iat null", token: (f) => f.valid({ iat: null }), expected: ["Malformed"] },
  { name: "the session claim not an object", token: (f) => f.valid({ [SESSION_CLAIM]: "x" }), expected: ["Malformed"] },
  {
    name: "the session claim without an id",
    token: (f) => f.valid({ [SESSION_CLAIM]: { roles: [] } }),
    expected: ["Malformed"]
  },
  {
    name: "no typ header",
    token: (f) => f.sign({ alg: "RS256", kid: f.kid }, f.claims()),
    expected: ["Malformed"]
  },
  { name: "typ at+jwt", token: (f) => f.sign(header(f, { typ: "at+jwt" }), f.claims()), expected: ["Malformed"] },
  { name: "a claims set that is a JSON array", token: (f) => f.sign(header(f), "[1,2]"), expected: ["Malformed"] },
  { name: "a claims set that is not JSON", token: (f) => f.sign(header(f), "not json"), expected: ["Malformed"] },

  // Shapes
  { name: "the empty string", token: () => "", expected: ["Malformed"] },
  { name: "one segment", token: () => "not-a-jwt", expected: ["Malformed"] },
  { name: "three garbage segments", token: () => "a.b.c", expected: ["Malformed"] },
  { name: "a header and nothing else", token: () => "eyJhbGciOiJSUzI1NiJ9...", expected: ["Malformed"] },
  { name: "a fourth segment", token: (f) => `${f.valid()}.`, expected: ["Malformed"] },
  { name: "the signature twice", token: (f) => `${f.valid()}.${segments(f.valid())[2]}`, expected: ["Malformed"] },
  {
    name: "a header that is a JSON array",
    token: (f) => {
      const [, p, s] = segments(f.valid())
      return `${b64(["RS256"])}.${p}.${s}`
    },
    expected: ["Malformed"]
  },
  {
    name: "a header that is a JSON string",
    token: (f) => {
      const [, p, s] = segments(f.valid())
      return `${b64("RS256")}.${p}.${s}`
    },
    expected: ["Malformed"]
  },
  {
    name: "an empty payload segment",
    token: (f) => {
      const [h, , s] = segments(f.valid())
      return `${h}..${s}`
    },
    expected: ["Malformed", "InvalidSignature"]
  },
  {
    name: "a non-base64url byte after the signature",
    token: (f) => `${f.valid()}!`,
    expected: ["Malformed", "InvalidSignature"]
  },
  {
    name: "a '+' inside the signature",
    token: (f) => {
      const [h, p, s] = segments(f.valid())
      return `${h}.${p}.${s.slice(0, 40)}+${s.slice(41)}`
    },
    expected: ["Malformed", "InvalidSignature"]
  },
  {
    name: "a '%' in the payload segment",
    token: (f) => {
      const [h, p, s] = segments(f.valid())
      return `${h}.${p}%.${s}`
    },
    expected: ["Malformed", "InvalidSignature"]
  },

  // Oversized
  { name: "1 MiB of one segment", token: () => "A".repeat(MiB), expected: ["Malformed"] },
  {
    name: "a 1 MiB header that is not JSON",
    token: (f) => {
      const [, p, s] = segments(f.valid())
      return `${"e".repeat(MiB)}.${p}.${s}`
    },
    expected: ["Malformed"]
  },
  {
    name: "a 1 MiB payload under the original signature",
    token: (f) => {
      const [h, , s] = segments(f.valid())
      return `${h}.${b64(f.claims({ padding: "x".repeat(MiB) }))}.${s}`
    },
    expected: ["InvalidSignature"]
  },
  {
    name: "1 MiB of dots",
    token: () => ".".repeat(MiB),
    expected: ["Malformed"]
  }
]

/** The `_tag` of a failure kind. */
export const tagOf = (kind: JwtFailureKind): string => `StytchJwt${kind}`
