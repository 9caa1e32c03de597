/**
 * WebAuthn and passkeys: registerStart / register, authenticateStart / authenticate, update, listCredentials.
 *
 * Attestations and assertions are verified for real with `@simplewebauthn/server` (loaded on first use: it costs
 * ~400 ms to import, which every other test file would otherwise pay). Each `*Start` stores a pending ceremony
 * (`store.webauthnChallenges`, keyed by its challenge) that the matching call consumes once, on success only.
 *
 * Documented by Stytch and followed here: `user_id` may be an external_id; the options are JSON strings with a
 * 5-minute `timeout`; `userVerification` is `"discouraged"` by default and `"preferred"` with
 * `return_passkey_credential_options` (which also asks for a discoverable credential, `residentKey: "required"`);
 * `use_base64_url_encoding` switches the binary fields of the options from standard base64 to base64url;
 * `override_id` / `override_name` / `override_display_name` replace the user entity's fields (defaults: the user_id,
 * and the user's name, email or phone number).
 *
 * Choices where the documentation is silent:
 * - A ceremony expires with its `timeout` (5 minutes). One pending registration per user and domain: a new
 *   registerStart replaces the previous one. Authentications may be pending side by side (several tabs, passkey
 *   autofill). A failed register / authenticate leaves its ceremony pending, so the user can retry it.
 * - The challenge is 33 random bytes, always base64url (as in Stytch's examples, whatever the encoding option).
 * - `authenticator_type` `platform` asks for (and register then requires) user verification: platform
 *   authenticators always verify the user. authenticateStart for a user whose registrations on the domain are all
 *   platform ones asks for (and authenticate requires) it too. Elsewhere user verification is not enforced.
 * - Origins accepted for a domain are the ones a browser can send for that RP ID: `https://<domain>` or
 *   `https://<subdomain>.<domain>`, any port, plus `http://localhost:<port>` for the domain `localhost`. Native-app
 *   origins (`android:apk-key-hash:...`) are not accepted.
 * - Only completed registrations appear on the user (always `verified: true`); a pending ceremony is invisible. A
 *   new registration's `name` is empty until `webauthn.update` sets one. `pubKeyCredParams` offers ES256 and RS256;
 *   attestation is `"none"` (other statement formats are still verified if a client sends them).
 * - Errors (statuses from the catalogue where it has one, else 400; 404 for a missing registration, 401 for a failed
 *   authentication as the catalogue's other `unable_to_auth_*` types):
 *   - unknown user `user_not_found`; pending user (registerStart, register) `cannot_use_webauthn_with_pending_user`;
 *   - a domain that is not a host name, an origin or RP ID hash that does not fit the ceremony's domain, a credential
 *     registered on another domain: `invalid_webauthn_registration_domain`;
 *   - `authenticator_type` other than platform / cross-platform: `invalid_authenticator_type`;
 *   - credential JSON that does not parse: `invalid_public_key_credential`, or its specific
 *     `invalid_public_key_credential_*` type (missing field, malformed client data / attestation object, bad id,
 *     authenticator data too short); an assertion whose signature does not verify:
 *     `invalid_public_key_credential_invalid_signature`;
 *   - register without a live registerStart `no_pending_webauthn_registration`; a challenge that is not the pending
 *     one, a failed attestation, missing user verification: `unable_to_register_webauthn_registration`; a credential
 *     id already registered (to anyone) `duplicate_webauthn_registration`;
 *   - authenticateStart for a user without registrations on the domain `no_active_webauthn_registrations` (404);
 *   - authenticate with an unknown, used or expired challenge, a credential of another user than the one named at
 *     the start, a user handle that is not the credential's, a signature counter that did not increase (a cloned
 *     authenticator or a replay), missing user verification: `unable_to_auth_webauthn_registration` (401);
 *     a credential id no registration has: `webauthn_registration_not_found` (404);
 *   - update with a blank name `empty_webauthn_registration_name`, unknown id `webauthn_registration_not_found`.
 */
import type { AuthenticationResponseJSON, RegistrationResponseJSON } from "@simplewebauthn/server"
import * as Effect from "effect/Effect"
import type { SessionEncoded } from "../../../src/schemas/Models.js"
import { createHash } from "node:crypto"
import { type ApiFailure, apiFailure, type AreaHandlers, type Ctx, fail, type Handler, isId } from "../internal/contract.js"
import {
  newId,
  newToken,
  type Store,
  type UserRecord,
  type WebAuthnChallengeRecord,
  type WebAuthnRegistrationRecord
} from "../internal/store.js"
import { factor, prepareSession, unknownUser, userWire, webauthnRegistrationWire } from "./common.js"

/** The `timeout` of the options, and how long a ceremony stays pending. */
const CEREMONY_MILLIS = 300_000
/** ES256 and RS256: what the options offer and what register accepts. */
const ALGORITHMS = [-7, -257]

// ---------------------------------------------------------------------------------------------------------------
// The verification library, loaded on first use

type Lib = typeof import("@simplewebauthn/server")
type Helpers = typeof import("@simplewebauthn/server/helpers")
let libPromise: Promise<[Lib, Helpers]> | undefined
const loadLib = Effect.promise(() =>
  libPromise ??= Promise.all([import("@simplewebauthn/server"), import("@simplewebauthn/server/helpers")])
)

// ---------------------------------------------------------------------------------------------------------------
// Checks

/** The user named by `user_id`, or by its external_id (as Stytch documents for these endpoints). */
const findUser = (store: Store, id: string): Effect.Effect<UserRecord, ApiFailure> => {
  const user = store.users.get(id) ?? store.userByExternalId(id)
  return user === undefined ? unknownUser(id) : Effect.succeed(user)
}

const activeUser = (user: UserRecord): Effect.Effect<UserRecord, ApiFailure> =>
  user.status === "pending"
    ? fail("cannot_use_webauthn_with_pending_user", "WebAuthn cannot be used by a pending user.", 400)
    : Effect.succeed(user)

const LABEL = "[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?"
const HOSTNAME = new RegExp(`^${LABEL}(?:\\.${LABEL})*$`)

/** A WebAuthn RP ID: a host name (no scheme, port or path; not an IP address), compared in lower case. */
const checkDomain = (domain: string): Effect.Effect<string, ApiFailure> => {
  const host = domain.toLowerCase()
  return HOSTNAME.test(host) && host.length <= 253 && !/^[\d.]+$/.test(host)
    ? Effect.succeed(host)
    : fail(
      "invalid_webauthn_registration_domain",
      "domain must be a host name such as example.com (no scheme, port or path).",
      400
    )
}

/** Whether a browser on `origin` may use credentials of the RP ID `domain`. */
const originFits = (origin: string, domain: string): boolean => {
  let url: URL
  try {
    url = new URL(origin)
  } catch {
    return false
  }
  // An origin is scheme://host[:port] exactly: no path, no default port written out.
  if (url.origin !== origin) return false
  const host = url.hostname
  if (host !== domain && !host.endsWith(`.${domain}`)) return false
  return url.protocol === "https:" || (url.protocol === "http:" && domain === "localhost")
}

const checkOrigin = (origin: string, domain: string): Effect.Effect<void, ApiFailure> =>
  originFits(origin, domain)
    ? Effect.void
    : fail(
      "invalid_webauthn_registration_domain",
      `The origin ${JSON.stringify(origin)} does not belong to the domain ${domain}.`,
      400
    )

const checkAuthenticatorType = (type: string | undefined): Effect.Effect<string | undefined, ApiFailure> => {
  if (type === undefined || type === "") return Effect.succeed(undefined)
  return type === "platform" || type === "cross-platform"
    ? Effect.succeed(type)
    : fail("invalid_authenticator_type", "authenticator_type must be platform or cross-platform.", 400)
}

// ---------------------------------------------------------------------------------------------------------------
// Encodings

const BASE64 = /^[A-Za-z0-9+/_-]*={0,2}$/
/** Credentials may come back in standard base64 (when the options used it): the library wants base64url. */
const toBase64Url = (s: string) => s.replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "")
const encoder = (base64url: boolean) => (bytes: Buffer) => bytes.toString(base64url ? "base64url" : "base64")

const sha256 = (s: string) => createHash("sha256").update(s).digest()

// ---------------------------------------------------------------------------------------------------------------
// Parsing the browser's credential

interface ClientData {
  readonly type: string
  readonly challenge: string
  readonly origin: string
}

interface Parsed<R> {
  /** The credential id, base64url. */
  readonly id: string
  /** The credential in the library's JSON form, every binary field base64url. */
  readonly json: R
  readonly clientData: ClientData
  /** The response's binary fields, base64url. */
  readonly fields: Readonly<Record<string, string>>
}

type BinaryField = "attestationObject" | "authenticatorData" | "signature"

const MISSING: Record<BinaryField, string> = {
  attestationObject: "invalid_public_key_credential_missing_attestation_object_field",
  authenticatorData: "invalid_public_key_credential_missing_authenticator_data_field",
  signature: "invalid_public_key_credential_missing_signature_field"
}
const MALFORMED: Record<BinaryField, string> = {
  attestationObject: "invalid_public_key_credential_malformed_attestation_object",
  authenticatorData: "invalid_public_key_credential_invalid_authenticator_data",
  signature: "invalid_public_key_credential_invalid_signature"
}

const isObject = (u: unknown): u is Record<string, unknown> => typeof u === "object" && u !== null && !Array.isArray(u)

/** Reads `public_key_credential` (a JSON string) and checks its shape; nothing cryptographic yet. */
const parseCredential = <R>(
  raw: string,
  binary: ReadonlyArray<BinaryField>
): Effect.Effect<Parsed<R>, ApiFailure> =>
  Effect.suspend(() => {
    let value: unknown
    try {
      value = JSON.parse(raw)
    } catch {
      return fail("invalid_public_key_credential")
    }
    if (!isObject(value)) return fail("invalid_public_key_credential")
    const { id, rawId, response } = value
    if (typeof id !== "string" || id === "") {
      return fail("invalid_public_key_credential_missing_id_field", "The public key credential has no id.", 400)
    }
    const badId = () => fail("invalid_public_key_credential_invalid_id", "The credential id is not base64.", 400)
    if (!BASE64.test(id)) return badId()
    if (rawId !== undefined && (typeof rawId !== "string" || toBase64Url(rawId) !== toBase64Url(id))) return badId()
    if (value.type !== "public-key") {
      return fail("invalid_public_key_credential", "The public key credential's type must be \"public-key\".", 400)
    }
    if (!isObject(response)) {
      return fail(
        "invalid_public_key_credential_missing_response_field",
        "The public key credential has no response.",
        400
      )
    }
    if (typeof response.clientDataJSON !== "string" || response.clientDataJSON === "") {
      return fail(
        "invalid_public_key_credential_missing_client_data_json_field",
        "The public key credential's response has no clientDataJSON.",
        400
      )
    }
    let clientData: unknown
    try {
      if (!BASE64.test(response.clientDataJSON)) throw new Error("not base64")
      clientData = JSON.parse(Buffer.from(response.clientDataJSON, "base64").toString("utf8"))
    } catch {
      clientData = undefined
    }
    if (
      !isObject(clientData) || typeof clientData.type !== "string" || typeof clientData.challenge !== "string" ||
      typeof clientData.origin !== "string"
    ) {
      return fail(
        "invalid_public_key_credential_malformed_client_data_json",
        "clientDataJSON is not base64-encoded JSON with a type, a challenge and an origin.",
        400
      )
    }
    const fields: Record<string, string> = { clientDataJSON: toBase64Url(response.clientDataJSON) }
    for (const name of binary) {
      const field = response[name]
      if (typeof field !== "string" || field === "") {
        return fail(MISSING[name], `The public key credential's response has no ${name}.`, 400)
      }
      if (!BASE64.test(field)) return fail(MALFORMED[name], `${name} is not base64.`, 400)
      fields[name] = toBase64Url(field)
    }
    if (response.userHandle !== undefined && response.userHandle !== null) {
      if (typeof response.userHandle !== "string" || !BASE64.test(response.userHandle)) {
        return fail("invalid_public_key_credential", "userHandle is not base64.", 400)
      }
      if (response.userHandle !== "") fields.userHandle = toBase64Url(response.userHandle)
    }
    const transports = Array.isArray(response.transports) &&
        response.transports.every((t): t is string => typeof t === "string")
      ? response.transports
      : undefined
    const credentialId = toBase64Url(id)
    const json = {
      id: credentialId,
      rawId: credentialId,
      type: "public-key",
      response: { ...fields, ...(transports === undefined ? {} : { transports }) },
      clientExtensionResults: isObject(value.clientExtensionResults) ? value.clientExtensionResults : {},
      ...(typeof value.authenticatorAttachment === "string"
        ? { authenticatorAttachment: value.authenticatorAttachment }
        : {})
    } as unknown as R
    return Effect.succeed({
      id: credentialId,
      json,
      clientData: { type: clientData.type, challenge: clientData.challenge, origin: clientData.origin },
      fields
    })
  })

// ---------------------------------------------------------------------------------------------------------------
// Store helpers

/** The registration holding the credential `id` (base64url), and its user. */
const findCredential = (store: Store, id: string) => {
  for (const user of store.users.values()) {
    for (const registration of user.webauthn_registrations) {
      if (registration.credential?.id === id) return { user, registration, credential: registration.credential }
    }
  }
  return undefined
}

/** Forgets ceremonies past their timeout (called while committing a new one, so the map stays small). */
const sweepExpired = (store: Store, now: number) => {
  store.expireWebAuthnChallenges(now)
}

const registrationsOn = (user: UserRecord, domain: string) =>
  user.webauthn_registrations.filter((r) => r.credential !== undefined && (r.domain ?? "localhost") === domain)

/** The user entity's default name: the user's name, else email, else phone number (as Stytch documents). */
const defaultUserName = (user: UserRecord) => {
  const full = [user.name?.first_name, user.name?.middle_name, user.name?.last_name].filter(Boolean).join(" ")
  return full || user.emails[0]?.email || user.phone_numbers[0]?.phone_number || user.user_id
}

// ---------------------------------------------------------------------------------------------------------------
// Registration

const registerStart: Handler<"webauthn.registerStart"> = (ctx, req) =>
  Effect.gen(function*() {
    const { store } = ctx
    const user = yield* Effect.flatMap(findUser(store, req.user_id), activeUser)
    const domain = yield* checkDomain(req.domain)
    const authenticator_type = yield* checkAuthenticatorType(req.authenticator_type)
    const passkey = req.return_passkey_credential_options === true
    const encode = encoder(req.use_base64_url_encoding === true)
    const userVerification = authenticator_type === "platform" ? "required" : passkey ? "preferred" : "discouraged"
    const userHandle = Buffer.from(req.override_id ?? user.user_id, "utf8")
    const name = req.override_name ?? defaultUserName(user)
    const challenge = newToken()

    const options = {
      challenge,
      rp: { id: domain, name: domain },
      user: { id: encode(userHandle), name, displayName: req.override_display_name ?? name },
      pubKeyCredParams: ALGORITHMS.map((alg) => ({ type: "public-key", alg })),
      timeout: CEREMONY_MILLIS,
      // The browser refuses to register an authenticator that already holds one of these for the user.
      excludeCredentials: registrationsOn(user, domain).map((r) => ({
        type: "public-key",
        id: encode(Buffer.from(r.credential!.id, "base64url")),
        ...(r.credential!.transports === undefined ? {} : { transports: [...r.credential!.transports] })
      })),
      authenticatorSelection: {
        ...(authenticator_type === undefined ? {} : { authenticatorAttachment: authenticator_type }),
        residentKey: passkey ? "required" : "discouraged",
        requireResidentKey: passkey,
        userVerification
      },
      attestation: "none"
    }

    sweepExpired(store, ctx.now)
    for (const [key, c] of store.webauthnChallenges) {
      const replaced = c.kind === "register" && c.user_id === user.user_id && c.domain === domain
      if (replaced) store.deleteWebAuthnChallenge(key)
    }
    store.putWebAuthnChallenge({
      challenge,
      kind: "register",
      user_id: user.user_id,
      domain,
      user_agent: req.user_agent,
      authenticator_type,
      user_handle: userHandle.toString("base64url"),
      userVerification,
      expires_at: ctx.now + CEREMONY_MILLIS
    })
    return { user_id: user.user_id, public_key_credential_creation_options: JSON.stringify(options) }
  })

/** The registration ceremony the credential answers (checked again after the asynchronous verification). */
const pendingRegistration = (ctx: Ctx, user: UserRecord, challenge: string) => {
  const record = ctx.store.webauthnChallenges.get(challenge)
  if (record?.kind === "register" && record.user_id === user.user_id && record.expires_at > ctx.now) {
    return Effect.succeed(record)
  }
  const live = [...ctx.store.webauthnChallenges.values()].some((c) =>
    c.kind === "register" && c.user_id === user.user_id && c.expires_at > ctx.now
  )
  return live
    ? fail(
      "unable_to_register_webauthn_registration",
      "The credential does not answer the user's pending registration (wrong challenge).",
      400
    )
    : fail(
      "no_pending_webauthn_registration",
      "The user has no pending WebAuthn registration: call registerStart (registrations expire after 5 minutes).",
      400
    )
}

const register: Handler<"webauthn.register"> = (ctx, req) =>
  Effect.gen(function*() {
    const { store } = ctx
    const user = yield* Effect.flatMap(findUser(store, req.user_id), activeUser)
    const parsed = yield* parseCredential<RegistrationResponseJSON>(req.public_key_credential, ["attestationObject"])
    const ceremony = yield* pendingRegistration(ctx, user, parsed.clientData.challenge)
    yield* checkOrigin(parsed.clientData.origin, ceremony.domain)

    const [lib, helpers] = yield* loadLib
    try {
      helpers.decodeAttestationObject(Buffer.from(parsed.fields.attestationObject!, "base64url"))
    } catch {
      return yield* fail(
        "invalid_public_key_credential_malformed_attestation_object",
        "attestationObject is not a CBOR attestation object.",
        400
      )
    }
    const verification = yield* Effect.tryPromise({
      try: () =>
        lib.verifyRegistrationResponse({
          response: parsed.json,
          expectedChallenge: ceremony.challenge,
          expectedOrigin: parsed.clientData.origin,
          expectedRPID: ceremony.domain,
          requireUserVerification: ceremony.userVerification === "required",
          supportedAlgorithmIDs: ALGORITHMS
        }),
      catch: (e) =>
        errorName(e) === "UnexpectedRPIDHash"
          ? apiFailure(
            "invalid_webauthn_registration_domain",
            `The authenticator created the credential for another RP ID than ${ceremony.domain}.`,
            400
          )
          : apiFailure(
            "unable_to_register_webauthn_registration",
            `The WebAuthn registration could not be verified: ${errorMessage(e)}`,
            400
          )
    })
    if (!verification.verified) {
      return yield* fail(
        "unable_to_register_webauthn_registration",
        "The attestation statement could not be verified.",
        400
      )
    }
    const { credential } = verification.registrationInfo

    // The verification awaited: check again what another request may have changed meanwhile.
    yield* Effect.flatMap(findUser(store, user.user_id), activeUser)
    yield* pendingRegistration(ctx, user, ceremony.challenge)
    if (findCredential(store, credential.id) !== undefined) {
      return yield* fail(
        "duplicate_webauthn_registration",
        "This authenticator's credential is already registered.",
        400
      )
    }
    const registration: WebAuthnRegistrationRecord = {
      webauthn_registration_id: newId("webauthn-registration", store.settings.projectId),
      verified: true,
      domain: ceremony.domain,
      user_agent: ceremony.user_agent ?? "",
      authenticator_type: ceremony.authenticator_type ?? "",
      credential: {
        id: credential.id,
        publicKey: Uint8Array.from(credential.publicKey),
        counter: credential.counter,
        transports: credential.transports === undefined ? undefined : [...credential.transports],
        userHandle: ceremony.user_handle ?? ""
      }
    }
    const commit = yield* prepareSession(ctx, user, webauthnFactor(ctx, registration), req)

    store.deleteWebAuthnChallenge(ceremony.challenge)
    user.webauthn_registrations.push(registration)
    return ceremonyAnswer(user, registration, commit())
  })

/** The answer of a finished ceremony (register or authenticate), with the session it started or extended. */
const ceremonyAnswer = (
  user: Parameters<typeof userWire>[0],
  registration: WebAuthnRegistrationRecord,
  started: { session_token: string; session_jwt: string; session: SessionEncoded | null }
) => ({
  user_id: user.user_id,
  webauthn_registration_id: registration.webauthn_registration_id,
  user: userWire(user),
  ...started
})

const webauthnFactor = (ctx: Ctx, registration: WebAuthnRegistrationRecord) =>
  factor(ctx, "webauthn", "webauthn_registration", {
    webauthn_factor: {
      webauthn_registration_id: registration.webauthn_registration_id,
      domain: registration.domain ?? "localhost",
      user_agent: registration.user_agent ?? ""
    }
  })

const errorName = (e: unknown) => (e instanceof Error ? e.name : "")
const errorMessage = (e: unknown) => (e instanceof Error ? e.message : String(e))

// ---------------------------------------------------------------------------------------------------------------
// Authentication

const authenticateStart: Handler<"webauthn.authenticateStart"> = (ctx, req) =>
  Effect.gen(function*() {
    const { store } = ctx
    const domain = yield* checkDomain(req.domain)
    const user = req.user_id === undefined ? undefined : yield* findUser(store, req.user_id)
    const registrations = user === undefined ? [] : registrationsOn(user, domain)
    if (user !== undefined && registrations.length === 0) {
      return yield* fail(
        "no_active_webauthn_registrations",
        `The user has no WebAuthn registration on ${domain}.`,
        404
      )
    }
    const passkey = req.return_passkey_credential_options === true
    const encode = encoder(req.use_base64_url_encoding === true)
    // Platform registrations were made with user verification required: keep requiring it when they are all that
    // can answer. A passkey flow may be answered by any credential, so it only prefers it.
    const userVerification = passkey
      ? "preferred"
      : registrations.length > 0 && registrations.every((r) => r.authenticator_type === "platform")
      ? "required"
      : "discouraged"
    const challenge = newToken()
    const options = {
      // Empty for a discoverable (passkey) flow: the authenticator offers what it holds for the domain.
      allowCredentials: registrations.map((r) => ({
        type: "public-key",
        id: encode(Buffer.from(r.credential!.id, "base64url")),
        ...(r.credential!.transports === undefined ? {} : { transports: [...r.credential!.transports] })
      })),
      challenge,
      rpId: domain,
      timeout: CEREMONY_MILLIS,
      userVerification
    }
    sweepExpired(store, ctx.now)
    const ceremony: WebAuthnChallengeRecord = {
      challenge,
      kind: "authenticate",
      user_id: user?.user_id,
      domain,
      userVerification,
      expires_at: ctx.now + CEREMONY_MILLIS
    }
    store.putWebAuthnChallenge(ceremony)
    return { user_id: user?.user_id ?? "", public_key_credential_request_options: JSON.stringify(options) }
  })

const unableToAuth = (why: string) =>
  fail("unable_to_auth_webauthn_registration", `The WebAuthn registration could not be authenticated: ${why}`, 401)

/** Everything about the stored state an assertion must satisfy; run before and again after the async verification. */
const checkAssertionState = (ctx: Ctx, parsed: Parsed<AuthenticationResponseJSON>, counter: number) =>
  Effect.gen(function*() {
    const { store } = ctx
    const ceremony = store.webauthnChallenges.get(parsed.clientData.challenge)
    if (ceremony === undefined || ceremony.kind !== "authenticate") {
      return yield* unableToAuth("the challenge is unknown or was already used.")
    }
    if (ceremony.expires_at <= ctx.now) return yield* unableToAuth("the challenge has expired.")
    const found = findCredential(store, parsed.id)
    if (found === undefined) {
      return yield* fail("webauthn_registration_not_found", "The WebAuthn registration could not be found.", 404)
    }
    if (ceremony.user_id !== undefined && found.user.user_id !== ceremony.user_id) {
      return yield* unableToAuth("the credential belongs to another user than the one authenticating.")
    }
    if ((found.registration.domain ?? "localhost") !== ceremony.domain) {
      return yield* fail(
        "invalid_webauthn_registration_domain",
        `The credential was registered on ${found.registration.domain ?? "localhost"}, not ${ceremony.domain}.`,
        400
      )
    }
    const userHandle = parsed.fields.userHandle
    if (userHandle !== undefined && found.credential.userHandle !== "" && userHandle !== found.credential.userHandle) {
      return yield* unableToAuth("the user handle is not the credential's.")
    }
    // An authenticator that keeps no counter always reports 0; one that does must report more every time.
    if ((counter > 0 || found.credential.counter > 0) && counter <= found.credential.counter) {
      return yield* unableToAuth(
        `the signature counter (${counter}) did not increase past ${found.credential.counter}: ` +
          "the authenticator may have been cloned, or the assertion replayed."
      )
    }
    return { ceremony, ...found }
  })

const authenticate: Handler<"webauthn.authenticate"> = (ctx, req) =>
  Effect.gen(function*() {
    const parsed = yield* parseCredential<AuthenticationResponseJSON>(
      req.public_key_credential,
      ["authenticatorData", "signature"]
    )
    const authData = Buffer.from(parsed.fields.authenticatorData!, "base64url")
    // rpIdHash (32 bytes) | flags (1) | signCount (4, big-endian) | ...
    if (authData.length < 37) {
      return yield* fail(
        "invalid_public_key_credential_invalid_authenticator_data",
        "authenticatorData is shorter than 37 bytes.",
        400
      )
    }
    const counter = authData.readUInt32BE(33)
    const { ceremony, credential } = yield* checkAssertionState(ctx, parsed, counter)
    yield* checkOrigin(parsed.clientData.origin, ceremony.domain)
    if (!authData.subarray(0, 32).equals(sha256(ceremony.domain))) {
      return yield* fail(
        "invalid_webauthn_registration_domain",
        `The authenticator signed for another RP ID than ${ceremony.domain}.`,
        400
      )
    }

    const [lib] = yield* loadLib
    const verification = yield* Effect.tryPromise({
      try: () =>
        lib.verifyAuthenticationResponse({
          response: parsed.json,
          expectedChallenge: ceremony.challenge,
          expectedOrigin: parsed.clientData.origin,
          expectedRPID: ceremony.domain,
          credential: {
            id: credential.id,
            publicKey: Uint8Array.from(credential.publicKey),
            counter: credential.counter
          },
          requireUserVerification: ceremony.userVerification === "required"
        }),
      catch: (e) =>
        apiFailure(
          "unable_to_auth_webauthn_registration",
          `The WebAuthn registration could not be authenticated: ${errorMessage(e)}`,
          401
        )
    })
    if (!verification.verified) {
      return yield* fail(
        "invalid_public_key_credential_invalid_signature",
        "The assertion's signature does not verify with the registered public key.",
        400
      )
    }

    // The verification awaited: check again what another request may have changed meanwhile (a concurrent use of
    // the same challenge or counter, a deleted registration).
    const { registration, user } = yield* checkAssertionState(ctx, parsed, counter)
    const commit = yield* prepareSession(ctx, user, webauthnFactor(ctx, registration), req)

    ctx.store.deleteWebAuthnChallenge(ceremony.challenge)
    registration.credential!.counter = counter
    return ceremonyAnswer(user, registration, commit())
  })

// ---------------------------------------------------------------------------------------------------------------
// Management

const update: Handler<"webauthn.update"> = (ctx, req) =>
  Effect.gen(function*() {
    const name = req.name.trim()
    if (name === "") {
      return yield* fail("empty_webauthn_registration_name", "The WebAuthn registration name cannot be empty.", 400)
    }
    const registration = [...ctx.store.users.values()]
      .flatMap((u) => u.webauthn_registrations)
      .find((r) => r.webauthn_registration_id === req.webauthn_registration_id)
    if (registration === undefined) {
      return yield* (isId(req.webauthn_registration_id, "webauthn-registration")
        ? fail("webauthn_registration_not_found", "The WebAuthn registration could not be found.", 404)
        : fail("invalid_webauthn_registration_id"))
    }
    registration.name = name
    return { webauthn_registration: webauthnRegistrationWire(registration) }
  })

/** The user's credentials on a domain: the id as the browser reports it and the COSE public key, both base64url. */
const listCredentials: Handler<"webauthn.listCredentials"> = (ctx, req) =>
  Effect.gen(function*() {
    const user = yield* findUser(ctx.store, req.user_id)
    const domain = yield* checkDomain(req.domain)
    return {
      credentials: registrationsOn(user, domain).map((r) => ({
        credential_id: r.credential!.id,
        webauthn_registration_id: r.webauthn_registration_id,
        type: "public-key",
        public_key: Buffer.from(r.credential!.publicKey).toString("base64url")
      }))
    }
  })

export const webauthnHandlers = {
  "webauthn.registerStart": registerStart,
  "webauthn.register": register,
  "webauthn.authenticateStart": authenticateStart,
  "webauthn.authenticate": authenticate,
  "webauthn.update": update,
  "webauthn.listCredentials": listCredentials
} satisfies AreaHandlers
