/**
 * The area flows shared by the Effect 3 and the Effect 4 suites, written once as plain steps over a plain `Driver`:
 * `call("users.get", request)` answers `{ ok: true, value }` or `{ ok: false, tag, ... }`, and `emulator` is the
 * emulator's controls as Promise functions. Nothing here imports effect (either version): each suite brings a small
 * driver over its SDK (effect4/test/areas.test.ts, test/areas-shared.test.ts, effect4/test/parity.test.ts).
 *
 * Each scenario asserts its key facts itself (node:assert, so a failing fact fails the test of whichever line runs
 * it) and returns its observations: every answer, normalised (ids, times, tokens and the run's unique values
 * replaced by placeholders; statuses, field sets, error tags, `error_type` and status codes kept), so that the
 * parity test can compare the two lines' observations of the same flows for deep equality.
 */
import * as assert from "node:assert/strict"
import { createHash, generateKeyPairSync, type KeyObject, randomBytes, randomInt, sign } from "node:crypto"
import { createServer } from "node:http"
import type { AddressInfo } from "node:net"
import { fileURLToPath } from "node:url"
import { base58 } from "@scure/base"
import type {
  Fault,
  MintImpersonationTokenRequest,
  MintOAuthTokenRequest,
  OutboxFilter,
  OutboxMessage,
  SeededSession,
  SeededTelemetry,
  SeedSessionOptions,
  SeedTelemetryOptions,
  SettingsPatch,
  WireRequest,
  WireResponse
} from "effect-stytch-emulator"
import { totpAt } from "../../../emulator/src/crypto/totp.js"

// ---------------------------------------------------------------------------------------------------------------
// The driver

/** What one SDK call ended with, line-independent. */
export type Outcome =
  | { readonly ok: true; readonly value: unknown }
  | {
    readonly ok: false
    /** The error's `_tag` (`UserNotFound`, `StytchRequestError`, `StytchTransportError`, ...). */
    readonly tag: string
    /** An API error's `status_code`, a decode error's `status`. */
    readonly status?: number | undefined
    readonly error_type?: string | undefined
    /** `StytchRequestError`: the offending field and what was expected. */
    readonly path?: string | undefined
    readonly expected?: string | undefined
    /** `StytchTransportError`: `Transport`, `Timeout` or `BodyTooLarge`. */
    readonly reason?: string | undefined
    /** `StytchOAuth2Error`: the OAuth2 `error`. */
    readonly error?: string | undefined
    /** `StytchDecodeError`: its detail. */
    readonly detail?: string | undefined
  }

/** The emulator's controls, as Promises (the plain core's, or an Effect service run to a Promise). */
export interface Controls {
  readonly projectId: string
  readonly latestMessage: (filter?: OutboxFilter) => Promise<OutboxMessage | undefined>
  readonly seedSession: (options: SeedSessionOptions) => Promise<SeededSession>
  readonly seedTelemetry: (options?: SeedTelemetryOptions) => Promise<SeededTelemetry>
  readonly mintOAuthToken: (request: MintOAuthTokenRequest) => Promise<{ readonly token: string }>
  readonly mintImpersonationToken: (
    request: MintImpersonationTokenRequest
  ) => Promise<{ readonly impersonation_token: string; readonly expires_at: string }>
  readonly failNext: (fault: Fault, count?: number) => Promise<void>
  readonly updateSettings: (patch: SettingsPatch) => Promise<unknown>
  /** One raw request to the emulator (for the OAuth2 authorization-code route, which the SDK has no method for). */
  readonly handle: (request: WireRequest) => Promise<WireResponse>
}

/**
 * An SDK line under test: `call` runs the method at a dotted path of the aggregate `Stytch` service
 * (`users.get`, `m2m.clients.create`, `fraud.fingerprint.lookup`, ...), turning `SecretValue`s of the request into the
 * line's `Redacted`.
 */
export interface Driver {
  readonly call: (method: string, request?: unknown) => Promise<Outcome>
  readonly emulator: Controls
}

/** A secret in a request (`m2m.token`'s `client_secret`): each driver makes it its line's `Redacted`. */
export class SecretValue {
  constructor(readonly value: string) {}
}

/** Marks a secret of a request. */
export const secret = (value: string): SecretValue => new SecretValue(value)

/** `request` with every `SecretValue` replaced by `wrap(value)` (one level of objects deep is all requests need). */
export const revealSecrets = (request: unknown, wrap: (value: string) => unknown): unknown => {
  if (request === null || typeof request !== "object" || Array.isArray(request)) return request
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(request)) out[key] = value instanceof SecretValue ? wrap(value.value) : value
  return out
}

/**
 * The outcome of an SDK failure value, read structurally (both lines' errors carry the same fields). Anything that
 * is not an error object of the SDK is a defect of the test: thrown back.
 */
export const outcomeOfError = (error: unknown): Outcome => {
  if (error === null || typeof error !== "object" || typeof (error as { _tag?: unknown })._tag !== "string") {
    throw new Error(`not an SDK error: ${String(error)}`)
  }
  const e = error as Record<string, unknown>
  const str = (key: string) => (typeof e[key] === "string" ? e[key] as string : undefined)
  const status = typeof e.status_code === "number" ? e.status_code : typeof e.status === "number" ? e.status : undefined
  const outcome: Record<string, unknown> = { ok: false, tag: e._tag }
  if (status !== undefined) outcome.status = status
  for (const key of ["error_type", "path", "expected", "reason", "error", "detail"] as const) {
    const value = str(key)
    if (value !== undefined && !(key === "detail" && e._tag !== "StytchDecodeError")) outcome[key] = value
  }
  return outcome as Outcome
}

// ---------------------------------------------------------------------------------------------------------------
// Observations and their normalisation

/** One observed step: its label and the normalised outcome. */
export interface Observation {
  readonly step: string
  readonly outcome: unknown
}

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/
const JWT = /^eyJ[\w-]*\.[\w-]*\.[\w-]*$/
const ID = /^([a-z][a-z0-9]*(?:-[a-z0-9]+)*?)-(test|live)-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi
const PHONE = /\+1\d{10}/g
const IPV4 = /\b\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}\b/g
const LONG_TOKEN = /[A-Za-z0-9_\-+/=]{20,}/g
/** Keys whose values are times or per-run secrets whatever they look like. */
const TIME_KEY = /(^|_)(at|exp|iat|nbf|auth_time|before)$/
const OPAQUE_KEY = new Set([
  "recovery_codes",
  "recovery_code",
  "secret",
  "client_secret",
  "next_client_secret",
  "client_secret_last_four",
  "next_client_secret_last_four",
  "challenge",
  "code",
  "authorization_code",
  "request_id",
  "totp_code",
  "qr_code",
  "public_key_credential_creation_options",
  "public_key_credential_request_options",
  "crypto_wallet_address",
  "jti",
  "ip_address",
  "city"
])

/** A string with the run's tag, ids, times, JWTs, phone numbers and long tokens replaced. */
const normaliseString = (value: string, tag: string): string => {
  if (ISO_TIME.test(value)) return "<time>"
  if (JWT.test(value)) return "<jwt>"
  const id = ID.exec(value)
  if (id !== null) return `<${id[1]}-id>`
  let out = tag === "" ? value : value.split(tag).join("<run>")
  out = out.replace(UUID, "<uuid>").replace(PHONE, "<phone>").replace(IPV4, "<ip>")
  return out.replace(LONG_TOKEN, (token) => (/\d/.test(token) || token.length >= 32 ? "<token>" : token))
}

/**
 * A JSON-like value with everything that differs between runs replaced: the parity test compares these. Object keys
 * keep their order-independent set (sorted), arrays their order.
 */
export const normalise = (value: unknown, tag = "", key = ""): unknown => {
  if (value === undefined) return undefined
  if (value === null) return null
  if (OPAQUE_KEY.has(key) && (typeof value === "string" || typeof value === "number")) return `<${key}>`
  if (TIME_KEY.test(key) && (typeof value === "string" || typeof value === "number")) return "<time>"
  if (typeof value === "string") return normaliseString(value, tag)
  if (typeof value !== "object") return value
  if (Array.isArray(value)) return value.map((item) => normalise(item, tag, OPAQUE_KEY.has(key) ? key : ""))
  const out: Record<string, unknown> = {}
  for (const name of Object.keys(value).sort()) {
    const item = normalise((value as Record<string, unknown>)[name], tag, name)
    if (item !== undefined) out[normaliseString(name, tag)] = item
  }
  return out
}

/** The shape of a value: its field names and value types, recursively (for answers that depend on global state). */
export const shapeOf = (value: unknown): unknown => {
  if (value === null) return "null"
  if (Array.isArray(value)) return value.length === 0 ? "[]" : [shapeOf(value[0])]
  if (typeof value === "object") {
    const out: Record<string, unknown> = {}
    for (const name of Object.keys(value).sort()) {
      const item = (value as Record<string, unknown>)[name]
      if (item !== undefined) out[name] = shapeOf(item)
    }
    return out
  }
  return typeof value
}

// ---------------------------------------------------------------------------------------------------------------
// The recorder: steps that assert and observe

/** How a successful answer is observed: normalised in full (default), by shape only, or not at all. */
export type Observe = "value" | "shape" | "none"

export interface Run {
  /** This run's unique tag, in every email and name it makes (normalised to `<run>`). */
  readonly tag: string
  readonly emulator: Controls
  /** Calls `method` and expects a success: returns the answer (typed loosely, as tests read it). */
  readonly ok: (method: string, request?: unknown, observe?: Observe) => Promise<any>
  /** Calls `method` and expects the failure `tag` (and `status`, when given): returns the outcome. */
  readonly fails: (method: string, request: unknown, tag: string, status?: number) => Promise<Outcome & { ok: false }>
  /** Records a fact computed by the scenario (normalised). */
  readonly note: (step: string, value: unknown) => void
  readonly email: (label: string) => string
  readonly phone: () => string
}

/** E.164 numbers no other run uses: a random block of this process, then a counter. */
let phoneCounter = randomInt(1_000_000, 9_000_000)

export const makeRun = (driver: Driver, observations: Array<Observation>): Run => {
  const tag = `r${randomBytes(4).toString("hex")}`
  let step = 0
  const label = (method: string) => `${String(++step).padStart(2, "0")} ${method}`
  return {
    tag,
    emulator: driver.emulator,
    ok: async (method, request, observe = "value") => {
      const outcome = await driver.call(method, request)
      if (!outcome.ok) assert.fail(`${method} failed: ${JSON.stringify(outcome)}`)
      const value = outcome.value
      observations.push({
        step: label(method),
        outcome: observe === "value" ? normalise(value, tag) : observe === "shape" ? shapeOf(value) : "ok"
      })
      return value as any
    },
    fails: async (method, request, expected, status) => {
      const outcome = await driver.call(method, request)
      if (outcome.ok) assert.fail(`${method} succeeded, expected ${expected}: ${JSON.stringify(outcome.value)}`)
      assert.equal(outcome.tag, expected, `${method}: ${JSON.stringify(outcome)}`)
      if (status !== undefined) assert.equal(outcome.status, status, `${method} status`)
      observations.push({ step: label(method), outcome: normalise(outcome, tag) })
      return outcome
    },
    note: (name, value) => observations.push({ step: label(name), outcome: normalise(value, tag) }),
    email: (name) => `${name}-${tag}@areas.example.test`,
    phone: () => `+1415${String(phoneCounter++ % 10_000_000).padStart(7, "0")}`
  }
}

/** One area's flow. `covers` lists the SDK methods it calls (`notCovered` the ones no flow calls successfully). */
export interface Scenario {
  readonly name: string
  readonly covers: ReadonlyArray<string>
  readonly run: (run: Run) => Promise<void>
}

/** Runs a scenario over a driver: its observations (its assertions throw; so does a `covers` it did not call). */
export const runScenario = async (scenario: Scenario, driver: Driver): Promise<ReadonlyArray<Observation>> => {
  const observations: Array<Observation> = []
  const called = new Set<string>()
  await scenario.run(makeRun({
    ...driver,
    call: (method, request) => {
      called.add(method)
      return driver.call(method, request)
    }
  }, observations))
  assert.deepEqual(scenario.covers.filter((method) => !called.has(method)), [], `${scenario.name}: covers`)
  return observations
}

// ---------------------------------------------------------------------------------------------------------------
// Helpers of the flows

const STRONG = "correct-Horse-battery-staple-92!"
const STRONG_2 = "another-Unguessable-passphrase-71?"
const REDIRECT = "https://app.example.test/callback"

const latest = async (run: Run, filter: OutboxFilter): Promise<OutboxMessage> => {
  const message = await run.emulator.latestMessage(filter)
  assert.ok(message !== undefined, `no message for ${JSON.stringify(filter)}`)
  return message
}

const pkce = () => {
  const verifier = randomBytes(32).toString("base64url")
  return { verifier, challenge: createHash("sha256").update(verifier).digest("base64url") }
}

/** A Solana wallet: an Ed25519 key, its base58 address, base58 signatures over UTF-8 messages. */
const solanaWallet = () => {
  const { privateKey, publicKey } = generateKeyPairSync("ed25519")
  const raw = Buffer.from(publicKey.export({ format: "jwk" }).x!, "base64url")
  return {
    address: base58.encode(raw),
    sign: (message: string) => base58.encode(sign(null, Buffer.from(message, "utf8"), privateKey))
  }
}

/** The parts of test/support/webauthn-authenticator.ts's `SoftwareAuthenticator` the flows use. */
interface Authenticator {
  readonly register: (creationOptions: string, origin: string) => { readonly public_key_credential: string }
  readonly authenticate: (requestOptions: string, origin: string) => string
}

/**
 * A new software WebAuthn authenticator (real P-256 keys, real signatures). Its module lives with the Effect 3 suite
 * (test/support), outside the Effect 4 type-check project, so it is loaded at run time, typed by `Authenticator`.
 */
const newAuthenticator = async (): Promise<Authenticator> => {
  const module = fileURLToPath(new URL("../../../test/support/webauthn-authenticator.ts", import.meta.url))
  const { SoftwareAuthenticator } = await import(/* @vite-ignore */ module)
  return new SoftwareAuthenticator()
}

const WEBAUTHN_DOMAIN = "example.com"
const WEBAUTHN_ORIGIN = "https://example.com"

/** A UserInfo endpoint on loopback: answers `{ email }` to the bearer of `token`, 401 to anyone else. */
const serveUserInfo = (token: string, email: string): Promise<{ url: string; close: () => Promise<void> }> =>
  new Promise((resolve, reject) => {
    const server = createServer((request, response) => {
      const ok = request.headers.authorization === `Bearer ${token}`
      response.writeHead(ok ? 200 : 401, { "content-type": "application/json" })
      response.end(JSON.stringify(ok ? { sub: "external-user", email } : { error: "invalid_token" }))
    })
    server.once("error", reject)
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo
      resolve({
        url: `http://127.0.0.1:${port}/userinfo`,
        close: () => new Promise((done) => server.close(() => done()))
      })
    })
  })

/** A compact RS256 JWT over `claims`. */
const signRs256 = (key: KeyObject, claims: Record<string, unknown>): string => {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url")
  const input = `${part({ alg: "RS256", typ: "JWT" })}.${part(claims)}`
  return `${input}.${sign("sha256", Buffer.from(input), key).toString("base64url")}`
}

const newUser = async (run: Run, name: string, extra: Record<string, unknown> = {}) =>
  run.ok("users.create", { email: run.email(name), ...extra }) as Promise<{ user_id: string; email_id: string }>

// ---------------------------------------------------------------------------------------------------------------
// The scenarios

const users: Scenario = {
  name: "users",
  covers: [
    "users.create",
    "users.get",
    "users.search",
    "users.update",
    "users.exchangePrimaryFactor",
    "users.deleteEmail",
    "users.deletePhoneNumber",
    "users.deletePassword",
    "users.deleteExternalId",
    "users.deleteTOTP",
    "users.deleteCryptoWallet",
    "users.deleteOAuthRegistration",
    "users.deleteWebAuthnRegistration",
    "users.deleteBiometricRegistration",
    "users.delete"
  ],
  run: async (run) => {
    const phone = run.phone()
    const created = await run.ok("users.create", {
      email: run.email("ada"),
      phone_number: phone,
      name: { first_name: "Ada", last_name: "Lovelace" },
      trusted_metadata: { plan: "pro" },
      external_id: `ext-${run.tag}`,
      create_user_as_pending: true
    })
    assert.equal(created.status, "pending")
    assert.match(created.user_id, /^user-test-/)
    const got = await run.ok("users.get", { user_id: created.user_id })
    assert.equal(got.emails[0].email, run.email("ada"))
    assert.equal(got.phone_numbers[0].phone_number, phone)
    assert.deepEqual(got.trusted_metadata, { plan: "pro" })
    const found = await run.ok("users.search", {
      limit: 10,
      query: { operator: "AND", operands: [{ filter_name: "email_address", filter_value: [run.email("ada")] }] }
    })
    assert.deepEqual(found.results.map((u: any) => u.user_id), [created.user_id])
    const updated = await run.ok("users.update", {
      user_id: created.user_id,
      name: { last_name: "King" },
      untrusted_metadata: { theme: "dark" }
    })
    assert.equal(updated.user.name.last_name, "King")
    await run.ok("users.deletePhoneNumber", { phone_id: created.phone_id })
    const exchanged = await run.ok("users.exchangePrimaryFactor", {
      user_id: created.user_id,
      email_address: run.email("ada2")
    })
    assert.equal(exchanged.user.emails[0].email, run.email("ada2"))
    const other = await newUser(run, "other")
    await run.ok("users.deleteEmail", { email_id: other.email_id })
    assert.deepEqual((await run.ok("users.get", { user_id: other.user_id })).emails, [])
    await run.ok("users.deleteExternalId", { user_id: created.user_id })
    assert.ok(!(await run.ok("users.get", { user_id: created.user_id })).external_id)

    // Factors made by the other areas, deleted here.
    const withPassword = await run.ok("passwords.create", { email: run.email("pw"), password: STRONG })
    const pwUser = await run.ok("users.get", { user_id: withPassword.user_id })
    await run.ok("users.deletePassword", { password_id: pwUser.password.password_id })
    assert.equal((await run.ok("users.get", { user_id: withPassword.user_id })).password, undefined)
    const totp = await run.ok("totps.create", { user_id: created.user_id })
    await run.ok("users.deleteTOTP", { totp_id: totp.totp_id })
    const wallet = solanaWallet()
    const start = await run.ok("cryptoWallets.authenticateStart", {
      crypto_wallet_type: "solana",
      crypto_wallet_address: wallet.address,
      user_id: created.user_id
    })
    await run.ok("cryptoWallets.authenticate", {
      crypto_wallet_type: "solana",
      crypto_wallet_address: wallet.address,
      signature: wallet.sign(start.challenge)
    })
    const walletId = (await run.ok("users.get", { user_id: created.user_id })).crypto_wallets[0].crypto_wallet_id
    await run.ok("users.deleteCryptoWallet", { crypto_wallet_id: walletId })
    const attach = await run.ok("oauth.attach", { provider: "google", user_id: created.user_id })
    const { token } = await run.emulator.mintOAuthToken({
      provider_type: "google",
      provider_subject: `sub-${run.tag}`,
      email: run.email("ada2"),
      attach_token: attach.oauth_attach_token
    })
    await run.ok("oauth.authenticate", { token })
    const registration = (await run.ok("users.get", { user_id: created.user_id })).providers[0]
    await run.ok("users.deleteOAuthRegistration", { oauth_user_registration_id: registration.oauth_user_registration_id })
    const bare = await run.ok("users.get", { user_id: created.user_id })
    assert.deepEqual([bare.totps, bare.crypto_wallets, bare.providers], [[], [], []])
    const authenticator = await newAuthenticator()
    const registering = await run.ok("webauthn.registerStart", {
      user_id: created.user_id,
      domain: WEBAUTHN_DOMAIN,
      use_base64_url_encoding: true
    })
    const registered = await run.ok("webauthn.register", {
      user_id: created.user_id,
      public_key_credential: authenticator.register(
        registering.public_key_credential_creation_options,
        WEBAUTHN_ORIGIN
      ).public_key_credential
    })
    await run.ok("users.deleteWebAuthnRegistration", { webauthn_registration_id: registered.webauthn_registration_id })
    assert.deepEqual((await run.ok("users.get", { user_id: created.user_id })).webauthn_registrations, [])
    await run.fails(
      "users.deleteWebAuthnRegistration",
      { webauthn_registration_id: registered.webauthn_registration_id },
      "WebauthnRegistrationNotFound",
      400
    )
    await run.fails(
      "users.deleteBiometricRegistration",
      { biometric_registration_id: "biometric-registration-test-00000000-0000-4000-8000-000000000000" },
      "BiometricRegistrationNotFound",
      404
    )

    await run.ok("users.delete", { user_id: created.user_id })
    await run.fails("users.get", { user_id: created.user_id }, "UserNotFound", 404)
    await run.fails("users.create", { email: run.email("pw") }, "DuplicateEmail", 400)
  }
}

const sessions: Scenario = {
  name: "sessions",
  covers: [
    "sessions.get",
    "sessions.authenticate",
    "sessions.authenticateJwt",
    "sessions.authenticateJwtLocal",
    "sessions.getJWKS",
    "sessions.revoke",
    "sessions.migrate",
    "sessions.exchangeAccessToken",
    "sessions.attest"
  ],
  run: async (run) => {
    const user = await newUser(run, "sess")
    const seeded = await run.emulator.seedSession({ user_id: user.user_id, custom_claims: { team: "blue" } })
    const listed = await run.ok("sessions.get", { user_id: user.user_id })
    assert.deepEqual(listed.sessions.map((s: any) => s.session_id), [seeded.session_id])
    const byToken = await run.ok("sessions.authenticate", { session_token: seeded.session_token })
    assert.equal(byToken.session.user_id, user.user_id)
    assert.deepEqual(byToken.session.custom_claims, { team: "blue" })
    const byJwt = await run.ok("sessions.authenticate", { session_jwt: seeded.session_jwt })
    assert.equal(byJwt.session.session_id, seeded.session_id)
    const jwks = await run.ok("sessions.getJWKS", { project_id: run.emulator.projectId })
    assert.ok(jwks.keys.length >= 1)
    const local = await run.ok("sessions.authenticateJwtLocal", { session_jwt: seeded.session_jwt })
    assert.equal(local.session_id, seeded.session_id)
    const either = await run.ok("sessions.authenticateJwt", { session_jwt: seeded.session_jwt })
    assert.equal(either.verified, "local")
    await run.fails("sessions.authenticate", {}, "NoSessionArguments", 400)
    await run.fails(
      "sessions.authenticate",
      { session_token: seeded.session_token, session_jwt: seeded.session_jwt },
      "TooManySessionArguments",
      400
    )
    await run.fails("sessions.migrate", { session_token: "external-token" }, "InvalidUserinfoUrl", 400)
    await run.fails("sessions.attest", { profile_id: "no-such-profile", token: "t" }, "TrustedTokenProfileNotFound", 404)

    // sessions.migrate: the emulator asks the project's UserInfo URL who holds the external session token.
    const externalToken = `external-${run.tag}`
    const userinfo = await serveUserInfo(externalToken, run.email("sess"))
    try {
      await run.emulator.updateSettings({ userinfoUrl: userinfo.url })
      const migrated = await run.ok("sessions.migrate", { session_token: externalToken, session_duration_minutes: 30 })
      assert.equal(migrated.user_id, user.user_id)
      assert.match(migrated.session_token, /./)
      await run.fails("sessions.migrate", { session_token: "someone-else" }, "OidcInvalidUserinfo", 400)
    } finally {
      await run.emulator.updateSettings({ userinfoUrl: undefined })
      await userinfo.close()
    }

    // sessions.attest: a JWT of a Trusted Auth Token profile's issuer, traded for a session.
    const issuerKey = generateKeyPairSync("rsa", { modulusLength: 2048 })
    const profile_id = `tat-${run.tag}`
    await run.emulator.updateSettings({
      trustedAuthTokenProfiles: [{
        profile_id,
        issuer: "https://issuer.example.test",
        audience: "areas",
        public_keys: [issuerKey.publicKey.export({ type: "spki", format: "pem" }).toString()]
      }]
    })
    try {
      const now = Math.floor(Date.now() / 1000)
      const token = signRs256(issuerKey.privateKey, {
        iss: "https://issuer.example.test",
        aud: "areas",
        iat: now,
        exp: now + 300,
        email: run.email("sess"),
        jti: `tat-token-${run.tag}`
      })
      const attested = await run.ok("sessions.attest", { profile_id, token })
      assert.equal(attested.user_id, user.user_id)
      await run.fails("sessions.attest", { profile_id, token: `${token}x` }, "InvalidTrustedAuthToken", 401)
    } finally {
      await run.emulator.updateSettings({ trustedAuthTokenProfiles: [] })
    }
    await run.fails("sessions.exchangeAccessToken", { access_token: "not-a-token" }, "IdpAccessTokenNotFound")
    await run.ok("sessions.revoke", { session_id: seeded.session_id })
    await run.fails("sessions.authenticate", { session_token: seeded.session_token }, "SessionNotFound", 404)
    await run.fails("sessions.get", { user_id: "user-test-00000000-0000-4000-8000-000000000000" }, "UserNotFound", 404)
  }
}

const passwords: Scenario = {
  name: "passwords",
  covers: [
    "passwords.create",
    "passwords.authenticate",
    "passwords.strengthCheck",
    "passwords.migrate",
    "passwords.email.resetStart",
    "passwords.email.reset",
    "passwords.existingPassword.reset",
    "passwords.sessions.reset"
  ],
  run: async (run) => {
    const email = run.email("pw")
    const created = await run.ok("passwords.create", { email, password: STRONG, session_duration_minutes: 30 })
    assert.match(created.session_token, /./)
    const auth = await run.ok("passwords.authenticate", { email, password: STRONG, session_duration_minutes: 30 })
    assert.equal(auth.user_id, created.user_id)
    await run.fails("passwords.authenticate", { email, password: STRONG_2 }, "UnauthorizedCredentials", 401)
    const strong = await run.ok("passwords.strengthCheck", { password: STRONG })
    assert.equal(strong.valid_password, true)
    const weak = await run.ok("passwords.strengthCheck", { password: "password" })
    assert.equal(weak.valid_password, false)
    await run.ok("passwords.email.resetStart", { email })
    const reset = await latest(run, { to: email, kind: "password_reset" })
    const afterReset = await run.ok("passwords.email.reset", {
      token: reset.token,
      password: STRONG_2,
      session_duration_minutes: 30
    })
    assert.equal(afterReset.user_id, created.user_id)
    await run.ok("passwords.existingPassword.reset", { email, existing_password: STRONG_2, new_password: STRONG })
    const session = await run.ok("passwords.authenticate", { email, password: STRONG, session_duration_minutes: 30 })
    await run.ok("passwords.sessions.reset", { password: STRONG_2, session_token: session.session_token })
    await run.ok("passwords.authenticate", { email, password: STRONG_2 })
    const migrated = await run.ok("passwords.migrate", {
      email: run.email("md5"),
      hash: createHash("md5").update(STRONG).digest("hex"),
      hash_type: "md_5"
    })
    assert.equal(migrated.user_created, true)
    await run.ok("passwords.authenticate", { email: run.email("md5"), password: STRONG })
    await run.fails("passwords.create", { email, password: STRONG }, "DuplicateEmail", 400)
  }
}

const magicLinks: Scenario = {
  name: "magicLinks",
  covers: [
    "magicLinks.email.send",
    "magicLinks.authenticate",
    "magicLinks.email.loginOrCreate",
    "magicLinks.email.invite",
    "magicLinks.email.revokeInvite",
    "magicLinks.create"
  ],
  run: async (run) => {
    const email = run.email("ml")
    const user = await newUser(run, "ml")
    await run.ok("magicLinks.email.send", { email })
    const link = await latest(run, { to: email, channel: "email" })
    assert.equal(link.kind, "magic_link_login")
    const auth = await run.ok("magicLinks.authenticate", { token: link.token, session_duration_minutes: 60 })
    assert.equal(auth.user_id, user.user_id)
    await run.fails("magicLinks.authenticate", { token: link.token }, "UnableToAuthMagicLink", 401)
    const signup = await run.ok("magicLinks.email.loginOrCreate", { email: run.email("ml-new") })
    assert.equal(signup.user_created, true)
    const pair = pkce()
    await run.ok("magicLinks.email.loginOrCreate", { email: run.email("ml-new"), code_challenge: pair.challenge })
    const pkceLink = await latest(run, { to: run.email("ml-new") })
    await run.fails("magicLinks.authenticate", { token: pkceLink.token }, "PkceExpectedCodeVerifier", 400)
    await run.ok("magicLinks.authenticate", { token: pkceLink.token, code_verifier: pair.verifier })
    const invited = await run.ok("magicLinks.email.invite", { email: run.email("ml-invite") })
    assert.equal((await latest(run, { to: run.email("ml-invite") })).kind, "magic_link_invite")
    await run.ok("magicLinks.email.revokeInvite", { email: run.email("ml-invite") })
    await run.fails("users.get", { user_id: invited.user_id }, "UserNotFound", 404)
    const embeddable = await run.ok("magicLinks.create", { user_id: user.user_id })
    await run.ok("magicLinks.authenticate", { token: embeddable.token })
    await run.fails("magicLinks.email.send", { email: run.email("ml-nobody") }, "EmailNotFound", 404)
  }
}

const otps: Scenario = {
  name: "otps",
  covers: [
    "otps.sms.loginOrCreate",
    "otps.sms.send",
    "otps.whatsapp.loginOrCreate",
    "otps.whatsapp.send",
    "otps.email.loginOrCreate",
    "otps.email.send",
    "otps.authenticate"
  ],
  run: async (run) => {
    const phone = run.phone()
    const sms = await run.ok("otps.sms.loginOrCreate", { phone_number: phone })
    assert.equal(sms.user_created, true)
    const first = await latest(run, { to: phone, kind: "otp" })
    assert.equal(first.channel, "sms")
    const auth = await run.ok("otps.authenticate", { method_id: sms.phone_id, code: first.code, session_duration_minutes: 5 })
    assert.equal(auth.user_id, sms.user_id)
    await run.fails("otps.authenticate", { method_id: sms.phone_id, code: first.code }, "UnableToAuthOtpCode", 401)
    await run.ok("otps.sms.send", { phone_number: phone })
    await run.ok("otps.authenticate", { method_id: sms.phone_id, code: (await latest(run, { to: phone })).code })
    const wa = run.phone()
    const created = await run.ok("otps.whatsapp.loginOrCreate", { phone_number: wa })
    await run.ok("otps.whatsapp.send", { phone_number: wa })
    const waMessage = await latest(run, { to: wa })
    assert.equal(waMessage.channel, "whatsapp")
    await run.ok("otps.authenticate", { method_id: created.phone_id, code: waMessage.code })
    const email = run.email("otp")
    const byEmail = await run.ok("otps.email.loginOrCreate", { email })
    await run.ok("otps.email.send", { email })
    await run.ok("otps.authenticate", { method_id: byEmail.email_id, code: (await latest(run, { to: email })).code })
    await run.fails("otps.sms.send", { phone_number: run.phone() }, "PhoneNumberNotFound", 400)
    await run.fails("otps.email.send", { email: "nobody" }, "InvalidEmail", 400)
  }
}

const oauth: Scenario = {
  name: "oauth",
  covers: ["oauth.attach", "oauth.authenticate"],
  run: async (run) => {
    const { token } = await run.emulator.mintOAuthToken({
      provider_type: "github",
      provider_subject: `gh-${run.tag}`,
      email: run.email("gh"),
      name: "Grace Hopper"
    })
    const auth = await run.ok("oauth.authenticate", { token, session_duration_minutes: 60 })
    assert.equal(auth.provider_type.toLowerCase(), "github")
    assert.equal(auth.provider_subject, `gh-${run.tag}`)
    assert.match(auth.session_token, /./)
    await run.fails("oauth.authenticate", { token }, "OauthTokenNotFound", 404)
    const attach = await run.ok("oauth.attach", { provider: "google", user_id: auth.user_id })
    const attached = await run.emulator.mintOAuthToken({
      provider_type: "google",
      provider_subject: `g-${run.tag}`,
      email: run.email("gh"),
      attach_token: attach.oauth_attach_token
    })
    const second = await run.ok("oauth.authenticate", { token: attached.token })
    assert.equal(second.user_id, auth.user_id)
    const providers = (await run.ok("users.get", { user_id: auth.user_id })).providers.map((p: any) => p.provider_type.toLowerCase())
    assert.deepEqual([...providers].sort(), ["github", "google"])
    await run.fails("oauth.attach", { provider: "google" }, "BadRequest", 400)
  }
}

const totps: Scenario = {
  name: "totps",
  covers: ["totps.create", "totps.authenticate", "totps.recoveryCodes", "totps.recover"],
  run: async (run) => {
    const user = await newUser(run, "totp")
    const created = await run.ok("totps.create", { user_id: user.user_id })
    assert.equal(created.recovery_codes.length, 10)
    const auth = await run.ok("totps.authenticate", {
      user_id: user.user_id,
      totp_code: totpAt(created.secret, Date.now()),
      session_duration_minutes: 60
    })
    assert.equal(auth.totp_id, created.totp_id)
    const codes = await run.ok("totps.recoveryCodes", { user_id: user.user_id })
    assert.deepEqual(codes.totps[0].recovery_codes, created.recovery_codes)
    const recovered = await run.ok("totps.recover", { user_id: user.user_id, recovery_code: created.recovery_codes[0] })
    assert.equal(recovered.totp_id, created.totp_id)
    await run.fails("totps.recover", { user_id: user.user_id, recovery_code: created.recovery_codes[0] }, "UnableToAuthenticateRecoveryCode", 401)
    await run.fails("totps.create", { user_id: user.user_id }, "ActiveTotpExists", 400)
  }
}

const webauthn: Scenario = {
  name: "webauthn",
  covers: [
    "webauthn.registerStart",
    "webauthn.register",
    "webauthn.listCredentials",
    "webauthn.update",
    "webauthn.authenticateStart",
    "webauthn.authenticate"
  ],
  run: async (run) => {
    const user = await newUser(run, "wa")
    await run.fails(
      "webauthn.authenticateStart",
      { domain: WEBAUTHN_DOMAIN, user_id: user.user_id },
      "NoActiveWebauthnRegistrations",
      404
    )
    const authenticator = await newAuthenticator()
    const started = await run.ok("webauthn.registerStart", {
      user_id: user.user_id,
      domain: WEBAUTHN_DOMAIN,
      use_base64_url_encoding: true
    })
    const options = JSON.parse(started.public_key_credential_creation_options)
    assert.equal(options.rp.id, WEBAUTHN_DOMAIN)
    const { public_key_credential } = authenticator.register(started.public_key_credential_creation_options, WEBAUTHN_ORIGIN)
    await run.fails("webauthn.register", { user_id: user.user_id, public_key_credential: "{}" }, "InvalidPublicKeyCredentialMissingIdField", 400)
    const registered = await run.ok("webauthn.register", {
      user_id: user.user_id,
      public_key_credential,
      session_duration_minutes: 60
    })
    assert.match(registered.webauthn_registration_id, /^webauthn-registration-test-/)
    assert.match(registered.session_token, /./)
    const listed = await run.ok("webauthn.listCredentials", { user_id: user.user_id, domain: WEBAUTHN_DOMAIN })
    assert.equal(listed.credentials.length, 1)
    const renamed = await run.ok("webauthn.update", {
      webauthn_registration_id: registered.webauthn_registration_id,
      name: "laptop"
    })
    assert.equal(renamed.webauthn_registration.name, "laptop")
    const signing = await run.ok("webauthn.authenticateStart", {
      domain: WEBAUTHN_DOMAIN,
      user_id: user.user_id,
      use_base64_url_encoding: true
    })
    const assertion = authenticator.authenticate(signing.public_key_credential_request_options, WEBAUTHN_ORIGIN)
    const signedIn = await run.ok("webauthn.authenticate", { public_key_credential: assertion, session_duration_minutes: 60 })
    assert.equal(signedIn.user_id, user.user_id)
    assert.equal(signedIn.webauthn_registration_id, registered.webauthn_registration_id)
    await run.fails("webauthn.authenticate", { public_key_credential: "{}" }, "InvalidPublicKeyCredentialMissingIdField", 400)
    await run.fails(
      "webauthn.update",
      { webauthn_registration_id: "webauthn-registration-test-00000000-0000-4000-8000-000000000000", name: "key" },
      "WebauthnRegistrationNotFound",
      404
    )
  }
}

const cryptoWallets: Scenario = {
  name: "cryptoWallets",
  covers: ["cryptoWallets.authenticateStart", "cryptoWallets.authenticate"],
  run: async (run) => {
    const wallet = solanaWallet()
    const start = await run.ok("cryptoWallets.authenticateStart", {
      crypto_wallet_type: "solana",
      crypto_wallet_address: wallet.address
    })
    assert.equal(start.user_created, true)
    const done = await run.ok("cryptoWallets.authenticate", {
      crypto_wallet_type: "solana",
      crypto_wallet_address: wallet.address,
      signature: wallet.sign(start.challenge),
      session_duration_minutes: 60
    })
    assert.equal(done.user_id, start.user_id)
    const replay = await run.ok("cryptoWallets.authenticateStart", {
      crypto_wallet_type: "solana",
      crypto_wallet_address: wallet.address
    })
    assert.equal(replay.user_created, false)
    await run.fails(
      "cryptoWallets.authenticate",
      {
        crypto_wallet_type: "solana",
        crypto_wallet_address: wallet.address,
        signature: solanaWallet().sign(replay.challenge)
      },
      "InvalidSignature"
    )
  }
}

const m2m: Scenario = {
  name: "m2m",
  covers: [
    "m2m.clients.create",
    "m2m.clients.get",
    "m2m.clients.search",
    "m2m.clients.update",
    "m2m.clients.secrets.rotateStart",
    "m2m.clients.secrets.rotateCancel",
    "m2m.clients.secrets.rotate",
    "m2m.token",
    "m2m.authenticateToken",
    "m2m.clients.delete"
  ],
  run: async (run) => {
    const { m2m_client: client } = await run.ok("m2m.clients.create", {
      scopes: ["read:users", "write:users"],
      client_name: `m2m-${run.tag}`
    })
    assert.equal(client.status, "active")
    assert.equal((await run.ok("m2m.clients.get", { client_id: client.client_id })).m2m_client.client_name, `m2m-${run.tag}`)
    const found = await run.ok("m2m.clients.search", {
      limit: 10,
      query: { operator: "AND", operands: [{ filter_name: "client_id", filter_value: [client.client_id] }] }
    })
    assert.deepEqual(found.m2m_clients.map((c: any) => c.client_id), [client.client_id])
    await run.ok("m2m.clients.update", { client_id: client.client_id, client_description: "updated" })
    const token = await run.ok("m2m.token", {
      client_id: client.client_id,
      client_secret: secret(client.client_secret),
      scopes: ["read:users"]
    })
    assert.equal(token.token_type, "bearer")
    const checked = await run.ok("m2m.authenticateToken", {
      access_token: token.access_token,
      required_scopes: ["read:users"]
    })
    assert.equal(checked.client_id, client.client_id)
    await run.fails("m2m.authenticateToken", { access_token: token.access_token, required_scopes: ["write:users"] }, "StytchM2MScopeError")
    const started = await run.ok("m2m.clients.secrets.rotateStart", { client_id: client.client_id })
    assert.ok(typeof started.m2m_client.next_client_secret === "string")
    await run.ok("m2m.clients.secrets.rotateCancel", { client_id: client.client_id })
    const again = await run.ok("m2m.clients.secrets.rotateStart", { client_id: client.client_id })
    await run.ok("m2m.clients.secrets.rotate", { client_id: client.client_id })
    await run.ok("m2m.token", { client_id: client.client_id, client_secret: secret(again.m2m_client.next_client_secret) })
    const old = await run.fails(
      "m2m.token",
      { client_id: client.client_id, client_secret: secret(client.client_secret) },
      "StytchOAuth2Error"
    )
    assert.equal(old.error, "invalid_client")
    await run.ok("m2m.clients.delete", { client_id: client.client_id })
    await run.fails("m2m.clients.get", { client_id: client.client_id }, "M2mClientNotFound", 404)
  }
}

const fraud: Scenario = {
  name: "fraud",
  covers: [
    "fraud.fingerprint.lookup",
    "fraud.rules.set",
    "fraud.rules.list",
    "fraud.verdictReasons.list",
    "fraud.verdictReasons.override",
    "fraud.email.risk"
  ],
  run: async (run) => {
    const seeded = await run.emulator.seedTelemetry({ country: "CA" })
    const found = await run.ok("fraud.fingerprint.lookup", { telemetry_id: seeded.telemetry_id })
    assert.equal(found.telemetry_id, seeded.telemetry_id)
    assert.equal(found.verdict.action, "ALLOW")
    const rule = await run.ok("fraud.rules.set", {
      action: "BLOCK",
      visitor_id: seeded.visitor_id,
      description: `block ${run.tag}`
    })
    assert.equal(rule.action, "BLOCK")
    const blocked = await run.ok("fraud.fingerprint.lookup", { telemetry_id: seeded.telemetry_id })
    assert.equal(blocked.verdict.action, "BLOCK")
    const rules = await run.ok("fraud.rules.list", { limit: 100 }, "shape")
    assert.ok(rules.rules.some((r: any) => r.visitor_id === seeded.visitor_id))
    await run.ok("fraud.rules.set", { action: "NONE", visitor_id: seeded.visitor_id })
    // Overrides are project-wide and cannot be removed: observe the reasons' names, and the overridden one's shape.
    const reasons = await run.ok("fraud.verdictReasons.list", {}, "none")
    const names = reasons.verdict_reason_actions.map((r: any) => r.verdict_reason).sort()
    assert.ok(names.length > 0)
    run.note("verdict reasons", names)
    const reason = "VIRTUAL_MACHINE"
    assert.ok(names.includes(reason), JSON.stringify(names))
    const overridden = await run.ok("fraud.verdictReasons.override", {
      verdict_reason: reason,
      override_action: "CHALLENGE",
      override_description: "areas scenario"
    }, "shape")
    assert.equal(overridden.verdict_reason_action.override_action, "CHALLENGE")
    const overrides = await run.ok("fraud.verdictReasons.list", { overrides_only: true }, "none")
    const mine = overrides.verdict_reason_actions.find((r: any) => r.verdict_reason === reason)
    assert.equal(mine?.override_action, "CHALLENGE")
    run.note("the overridden reason", mine)
    const risk = await run.ok("fraud.email.risk", { email_address: run.email("risk") })
    assert.ok(typeof risk.risk_score === "number")
    await run.fails("fraud.fingerprint.lookup", { telemetry_id: "00000000-0000-4000-8000-000000000000" }, "TelemetryIdNotFound", 404)
  }
}

const project: Scenario = {
  name: "project, rbac, debug",
  covers: ["project.metrics", "rbac.policy", "debug.whoami"],
  run: async (run) => {
    const metrics = await run.ok("project.metrics", undefined, "shape")
    assert.ok(metrics.metrics.some((m: any) => m.metric_type === "USER_COUNT" && typeof m.count === "number"), JSON.stringify(metrics))
    const policy = await run.ok("rbac.policy", undefined, "shape")
    assert.ok(Array.isArray(policy.policy.roles))
    const whoami = await run.ok("debug.whoami")
    assert.equal(whoami.project_id, run.emulator.projectId)
  }
}

const connectedApp: Scenario = {
  name: "connectedApp",
  covers: [
    "connectedApp.clients.create",
    "connectedApp.clients.get",
    "connectedApp.clients.update",
    "connectedApp.clients.search",
    "connectedApp.clients.secrets.rotateStart",
    "connectedApp.clients.secrets.rotateCancel",
    "connectedApp.clients.secrets.rotate",
    "connectedApp.clients.delete"
  ],
  run: async (run) => {
    const created = await run.ok("connectedApp.clients.create", {
      client_type: "third_party",
      client_name: `ca-${run.tag}`,
      redirect_urls: [REDIRECT]
    })
    const clientId = created.connected_app.client_id
    assert.equal(created.connected_app.client_type, "third_party")
    assert.ok(typeof created.connected_app.client_secret === "string")
    const got = await run.ok("connectedApp.clients.get", { client_id: clientId })
    assert.equal(got.connected_app.client_name, `ca-${run.tag}`)
    const renamed = await run.ok("connectedApp.clients.update", { client_id: clientId, client_name: `ca2-${run.tag}` })
    assert.equal(renamed.connected_app.client_name, `ca2-${run.tag}`)
    const page = await run.ok("connectedApp.clients.search", { limit: 1000 }, "shape")
    assert.ok(page.connected_apps.some((c: any) => c.client_id === clientId))
    await run.ok("connectedApp.clients.secrets.rotateStart", { client_id: clientId })
    await run.ok("connectedApp.clients.secrets.rotateCancel", { client_id: clientId })
    await run.ok("connectedApp.clients.secrets.rotateStart", { client_id: clientId })
    await run.ok("connectedApp.clients.secrets.rotate", { client_id: clientId })
    await run.fails("connectedApp.clients.secrets.rotateCancel", { client_id: clientId }, "ConnectedAppNotRotatingSecret", 400)
    await run.ok("connectedApp.clients.delete", { client_id: clientId })
    await run.fails("connectedApp.clients.get", { client_id: clientId }, "ConnectedAppNotFound", 404)
  }
}

/** The authorization-code exchange (no SDK method: the app's OAuth client does it): an access token. */
const codeForTokens = async (
  run: Run,
  fields: Record<string, string>
): Promise<{ readonly status: number; readonly json: Record<string, any> }> => {
  const answer = await run.emulator.handle({
    method: "POST",
    url: `/v1/public/${run.emulator.projectId}/oauth2/token`,
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(fields).toString()
  })
  return { status: answer.status, json: JSON.parse(answer.body) }
}

const idp: Scenario = {
  name: "idp, impersonation, users' connected apps",
  covers: [
    "idp.oauth.authorizeStart",
    "idp.oauth.authorize",
    "idp.introspectTokenNetwork",
    "idp.introspectTokenLocal",
    "users.connectedApps",
    "users.revoke",
    "sessions.exchangeAccessToken",
    "impersonation.authenticate"
  ],
  run: async (run) => {
    const app = (await run.ok("connectedApp.clients.create", {
      client_type: "first_party",
      client_name: `idp-${run.tag}`,
      redirect_urls: [REDIRECT],
      full_access_allowed: true
    })).connected_app
    const user = await newUser(run, "idp")
    const session = await run.emulator.seedSession({ user_id: user.user_id })
    const request = {
      client_id: app.client_id,
      redirect_uri: REDIRECT,
      response_type: "code",
      scopes: ["openid", "email", "full_access"],
      session_token: session.session_token
    }
    const start = await run.ok("idp.oauth.authorizeStart", request)
    assert.equal(start.user_id, user.user_id)
    assert.equal(start.client.client_id, app.client_id)
    const authorized = await run.ok("idp.oauth.authorize", { ...request, consent_granted: true, state: "s-1" })
    assert.equal(new URL(authorized.redirect_uri).searchParams.get("state"), "s-1")
    const tokens = await codeForTokens(run, {
      grant_type: "authorization_code",
      client_id: app.client_id,
      client_secret: app.client_secret,
      code: authorized.authorization_code,
      redirect_uri: REDIRECT
    })
    assert.equal(tokens.status, 200)
    const accessToken: string = tokens.json.access_token
    const network = await run.ok("idp.introspectTokenNetwork", {
      token: accessToken,
      client_id: app.client_id,
      client_secret: secret(app.client_secret)
    })
    assert.equal(network.subject, user.user_id)
    assert.equal(network.scope, "openid email full_access")
    const local = await run.ok("idp.introspectTokenLocal", { token: accessToken })
    assert.equal(local.subject, user.user_id)
    const exchanged = await run.ok("sessions.exchangeAccessToken", { access_token: accessToken })
    assert.equal(exchanged.user_id, user.user_id)
    const apps = await run.ok("users.connectedApps", { user_id: user.user_id })
    assert.deepEqual(apps.connected_apps.map((a: any) => a.connected_app_id), [app.client_id])
    await run.ok("users.revoke", { user_id: user.user_id, connected_app_id: app.client_id })
    assert.deepEqual((await run.ok("users.connectedApps", { user_id: user.user_id })).connected_apps, [])
    await run.fails("idp.oauth.authorizeStart", { ...request, client_id: "connected-app-test-00000000-0000-4000-8000-000000000000" }, "ConnectedAppNotFound", 404)

    const minted = await run.emulator.mintImpersonationToken({ user_id: user.user_id })
    const impersonated = await run.ok("impersonation.authenticate", { impersonation_token: minted.impersonation_token })
    assert.equal(impersonated.user_id, user.user_id)
    await run.fails("impersonation.authenticate", { impersonation_token: minted.impersonation_token }, "UnableToAuthImpersonationToken", 401)
  }
}

/**
 * The SDK methods no scenario calls successfully, and why: the rest of every area's methods are each called with a
 * valid request by some scenario (areas.test.ts checks this against the service's method tree).
 */
export const notCovered: Readonly<Record<string, string>> = {
  "users.searchAll": "a Stream over users.search pages, not a single call (each line's users suite covers it)",
  "users.deleteBiometricRegistration":
    "biometric factors are registered by Stytch's mobile SDKs, which the emulator does not model: error path only",
  ...Object.fromEntries(
    [
      "cryptoWallets.authenticateWithClaims",
      "impersonation.authenticateWithClaims",
      "magicLinks.authenticateWithClaims",
      "oauth.authenticateWithClaims",
      "otps.authenticateWithClaims",
      "passwords.authenticateWithClaims",
      "sessions.authenticateWithClaims",
      "sessions.authenticateJwtWithClaims",
      "sessions.authenticateJwtLocalWithClaims",
      "totps.authenticateWithClaims",
      "webauthn.authenticateWithClaims"
    ].map((method) => [
      method,
      "takes a claims Schema of the caller's Effect line (not plain data); each line's area suites cover it"
    ])
  )
}

/** Every area's flow. */
export const scenarios: ReadonlyArray<Scenario> = [
  users,
  sessions,
  passwords,
  magicLinks,
  otps,
  oauth,
  totps,
  webauthn,
  cryptoWallets,
  m2m,
  fraud,
  project,
  connectedApp,
  idp
]

// ---------------------------------------------------------------------------------------------------------------
// Fault injection and the SDK's own guarantees, as scenarios

/** How many API requests the emulator has answered (its request log's last sequence number; controls not counted). */
export const requestCount = async (run: Run): Promise<number> => {
  const answer = await run.emulator.handle({ method: "GET", url: "/emulator/v1/requests", headers: {} })
  assert.equal(answer.status, 200, answer.body)
  const { requests } = JSON.parse(answer.body) as { readonly requests: ReadonlyArray<{ readonly seq: number }> }
  return requests.reduce((max, entry) => Math.max(max, entry.seq), 0)
}

/** A transient 503 on a read is retried and succeeds; the emulator answered one more request than without it. */
export const retriedRead: Scenario = {
  name: "a 503 on a read is retried",
  covers: ["users.get"],
  run: async (run) => {
    const user = await newUser(run, "retry")
    await run.emulator.failNext({ status: 503, pathPrefix: "/v1/users/" })
    const before = (await requestCount(run))
    const got = await run.ok("users.get", { user_id: user.user_id })
    assert.equal(got.user_id, user.user_id)
    run.note("requests for one get after one 503", (await requestCount(run)) - before)
    assert.equal((await requestCount(run)) - before, 2)
  }
}

/** A consuming call is not retried on 500: the error comes back after one request. */
export const unretriedConsume: Scenario = {
  name: "a 500 on a consuming call is not retried",
  covers: ["magicLinks.email.send"],
  run: async (run) => {
    await newUser(run, "noretry")
    await run.emulator.failNext({ status: 500, pathPrefix: "/v1/magic_links/" })
    const before = (await requestCount(run))
    await run.fails("magicLinks.email.send", { email: run.email("noretry") }, "InternalServerError", 500)
    run.note("requests for one send answered 500", (await requestCount(run)) - before)
    assert.equal((await requestCount(run)) - before, 1)
    await run.ok("magicLinks.email.send", { email: run.email("noretry") })
  }
}

/** 429 with Retry-After is retried, even on a consuming call; after maxRetries the 429 comes back. */
export const rateLimited: Scenario = {
  name: "429 with Retry-After is retried",
  covers: ["passwords.create", "users.get"],
  run: async (run) => {
    await run.emulator.failNext({ status: 429, retryAfter: "0", pathPrefix: "/v1/passwords" })
    const before = (await requestCount(run))
    const created = await run.ok("passwords.create", { email: run.email("rl"), password: STRONG })
    run.note("requests for one create after one 429", (await requestCount(run)) - before)
    assert.equal((await requestCount(run)) - before, 2)
    await run.emulator.failNext({ status: 429, retryAfter: "0", pathPrefix: "/v1/users/" }, 3)
    const again = (await requestCount(run))
    await run.fails("users.get", { user_id: created.user_id }, "TooManyRequests", 429)
    run.note("requests for one get under three 429s (maxRetries 2)", (await requestCount(run)) - again)
    assert.equal((await requestCount(run)) - again, 3)
  }
}

/** Refused before sending: the same `StytchRequestError` path and expectation on both lines. */
export const requestValidation: Scenario = {
  name: "request validation",
  covers: ["users.create", "users.get", "m2m.token"],
  run: async (run) => {
    const before = (await requestCount(run))
    const badType = await run.fails("users.create", { email: 42 }, "StytchRequestError")
    assert.equal(badType.path, "email")
    const unknown = await run.fails("users.create", { email: run.email("v"), nickname: "x" }, "StytchRequestError")
    assert.equal(unknown.path, "nickname")
    const dotDot = await run.fails("users.get", { user_id: ".." }, "StytchRequestError")
    assert.equal(dotDot.path, "user_id")
    const plainSecret = await run.fails("m2m.token", { client_id: "c", client_secret: "not-redacted" }, "StytchRequestError")
    assert.equal(plainSecret.path, "client_secret")
    assert.equal((await requestCount(run)), before, "nothing was sent")
  }
}

/** Hostile answers: a non-JSON 502 and a 200 that is not the documented JSON are `StytchDecodeError`s. */
export const hostileAnswers: Scenario = {
  name: "hostile answers",
  covers: ["users.get", "debug.whoami"],
  run: async (run) => {
    const user = await newUser(run, "hostile")
    await run.emulator.failNext(
      { status: 502, rawBody: "<html>Bad Gateway</html>", retryAfter: "0", pathPrefix: "/v1/users/" },
      3
    )
    const html = await run.fails("users.get", { user_id: user.user_id }, "StytchDecodeError", 502)
    assert.ok(html.detail !== undefined)
    await run.emulator.failNext({ status: 200, rawBody: "{\"project_id\":", pathPrefix: "/v1/debug" })
    await run.fails("debug.whoami", undefined, "StytchDecodeError", 200)
    await run.emulator.failNext({ status: 200, rawBody: "{\"status_code\":200}", pathPrefix: "/v1/debug" })
    await run.fails("debug.whoami", undefined, "StytchDecodeError", 200)
  }
}

/** The guarantees scenarios (they use `failNext`, so they run one at a time on an emulator). */
export const guarantees: ReadonlyArray<Scenario> = [
  retriedRead,
  unretriedConsume,
  rateLimited,
  requestValidation,
  hostileAnswers
]
