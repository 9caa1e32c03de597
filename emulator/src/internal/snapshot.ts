/**
 * The emulator's saved state: one versioned JSON document holding everything needed to continue (the settings with
 * the project secret, every record of the store with password hashes and TOTP secrets, the signing keys with their
 * private parts, the outbox). The README's "Saved state" section documents it.
 *
 *   { "format": "effect-stytch-emulator-state", "version": 1, "exported_at": "<RFC 3339>",
 *     "settings": {...}, "signing_keys": [...], "users": [...], "sessions": [...], ... }
 *
 * Records are written whole from the store's own data (`Store.toData`), so a new record field is saved without a
 * change here; a value JSON cannot hold (a Set, bytes, a Map) makes `encode` throw, naming its path, unless it is
 * converted below. Reading validates the whole document with a schema and builds a complete new store and new
 * signing keys before the caller swaps them in: a refused document changes nothing.
 */
import * as Either from "effect/Either"
import * as ParseResult from "effect/ParseResult"
import * as Schema from "effect/Schema"
import { jsonDepthExceeds } from "./app.js"
import { mergeSettings } from "./control.js"
import { type ExportedKey, SigningKeys } from "./jwt.js"
import { defaultSettings, iso, type Settings, Store, type StoreData, type UserRecord } from "./store.js"

export const STATE_FORMAT = "effect-stytch-emulator-state"
export const STATE_VERSION = 1
/** The largest saved state read, in bytes. */
export const MAX_STATE_BYTES = 64 * 1024 * 1024
/** The deepest JSON nesting a saved state may have (request bodies may hold 64 levels of metadata). */
export const MAX_STATE_DEPTH = 100
/** The file a state directory holds (`--import DIR`, `--export-on-exit DIR`). */
export const STATE_FILE = "state.json"

/** A saved state, as JSON-ready data. */
export interface SavedState {
  readonly format: typeof STATE_FORMAT
  readonly version: typeof STATE_VERSION
  readonly exported_at: string
  readonly settings: Settings
  readonly signing_keys: ReadonlyArray<ExportedKey>
  readonly [part: string]: unknown
}

// ---------------------------------------------------------------------------------------------------------------
// Writing

/** `value` as JSON data (undefined properties left out); throws naming the path of anything JSON cannot hold. */
const toJson = (value: unknown, path: string): unknown => {
  if (value === null || typeof value === "string" || typeof value === "boolean") return value
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new Error(`saved state: ${path} is not a finite number`)
    return value
  }
  if (Array.isArray(value)) return value.map((v, i) => toJson(v, `${path}.${i}`))
  if (typeof value === "object") {
    const proto = Object.getPrototypeOf(value)
    if (proto !== Object.prototype && proto !== null) throw new Error(`saved state: ${path} cannot be saved as JSON`)
    const out: Record<string, unknown> = {}
    for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = toJson(v, `${path}.${k}`)
    return out
  }
  throw new Error(`saved state: ${path} cannot be saved as JSON`)
}

/** A user with its Set and byte fields in JSON form (reversed by `decodeUser`). */
const encodeUser = (user: UserRecord) => ({
  ...user,
  passwordlessEmails: [...user.passwordlessEmails],
  webauthn_registrations: user.webauthn_registrations.map((r) =>
    r.credential === undefined ? r : {
      ...r,
      credential: { ...r.credential, publicKey: Buffer.from(r.credential.publicKey).toString("base64url") }
    }
  )
})

/** The saved state of a store and its signing keys. */
export const encode = (store: Store, keys: SigningKeys, now: number): SavedState => {
  const data = store.toData()
  return toJson({
    format: STATE_FORMAT,
    version: STATE_VERSION,
    exported_at: iso(now),
    settings: store.settings,
    signing_keys: keys.exportKeys(),
    ...data,
    users: data.users.map(([id, user]) => [id, encodeUser(user)])
  }, "$") as SavedState
}

// ---------------------------------------------------------------------------------------------------------------
// Reading
//
// The schema checks the shape the store relies on (ids, keys, the fields its indexes and lookups read) and lets the
// rest of each record through as JSON: a record is trusted as far as this emulator wrote it.

const Str = Schema.String
const Num = Schema.Number.pipe(Schema.finite())
const Bool = Schema.Boolean
const Rest = Schema.Record({ key: Str, value: Schema.Unknown })
/** A record: the listed fields checked, any others kept. */
const Rec = <F extends Schema.Struct.Fields>(fields: F) => Schema.Struct(fields, Rest)
const Entries = <V extends Schema.Schema.Any>(value: V) => Schema.Array(Schema.Tuple(Str, value))

const Email = Rec({ email_id: Str, email: Str, verified: Bool, unverifiedUntil: Schema.optional(Num) })
const Phone = Rec({ phone_id: Str, phone_number: Str, verified: Bool, unverifiedUntil: Schema.optional(Num) })
const Base64Url = Str.pipe(Schema.pattern(/^[A-Za-z0-9_-]*$/))
const Credential = Rec({ id: Str, publicKey: Base64Url, counter: Num, userHandle: Str })
const User = Rec({
  user_id: Str,
  created_at: Num,
  status: Schema.Literal("active", "pending"),
  emails: Schema.Array(Email),
  phone_numbers: Schema.Array(Phone),
  password: Schema.optional(Rec({ password_id: Str, kind: Schema.Literal("native", "migrated"), hash: Str })),
  name: Schema.optional(Rest),
  totps: Schema.Array(Rec({
    totp_id: Str,
    secret: Str,
    verified: Bool,
    recoveryCodes: Schema.Array(Rec({ code: Str, used: Bool }))
  })),
  providers: Schema.Array(Rec({ oauth_user_registration_id: Str, provider_type: Str, provider_subject: Str })),
  webauthn_registrations: Schema.Array(
    Rec({ webauthn_registration_id: Str, verified: Bool, credential: Schema.optional(Credential) })
  ),
  crypto_wallets: Schema.Array(Rec({ crypto_wallet_id: Str, crypto_wallet_address: Str, verified: Bool })),
  biometric_registrations: Schema.Array(Rec({ biometric_registration_id: Str, verified: Bool })),
  trusted_metadata: Rest,
  untrusted_metadata: Rest,
  external_id: Schema.optional(Str),
  roles: Schema.Array(Str),
  passwordlessEmails: Schema.Array(Str)
})
const Expiring = { expires_at: Num }
const Secret = Rec({ hash: Str, last_four: Str })

const Key = Schema.Struct({
  kid: Str,
  private_jwk: Schema.Struct({
    kty: Schema.Literal("RSA"),
    ...Object.fromEntries(["n", "e", "d", "p", "q", "dp", "dq", "qi"].map((f) => [f, Str]))
  }),
  x5c: Schema.Array(Str),
  x5tS256: Str
})

/** A map's `[key, record]` entries, each key the record's `field` (when given). */
const Keyed = <A, I>(value: Schema.Schema<A, I>, field?: string) =>
  Schema.Array(Schema.Tuple(Str, value)).pipe(Schema.filter((entries) => {
    if (field === undefined) return true
    const i = entries.findIndex(([k, v]) => (v as Record<string, unknown>)[field] !== k)
    return i < 0 || { path: [i], message: `the key is not the record's ${field}` }
  }))
const Grant = { user_id: Str, client_id: Str, scopes: Schema.Array(Str) }

const Document = Schema.Struct({
  format: Schema.Literal(STATE_FORMAT),
  version: Schema.Literal(STATE_VERSION),
  exported_at: Str,
  settings: Rec({ projectId: Str, secret: Str }),
  signing_keys: Schema.NonEmptyArray(Key),
  seq: Schema.NonNegativeInt,
  users: Keyed(User, "user_id"),
  sessions: Keyed(
    Rec({
      session_id: Str,
      session_token: Str,
      user_id: Str,
      started_at: Num,
      last_accessed_at: Num,
      ...Expiring,
      authentication_factors: Schema.Array(Rec({ type: Str, delivery_method: Str, last_authenticated_at: Str })),
      custom_claims: Rest
    }),
    "session_id"
  ),
  tokens: Keyed(Rec({ token: Str, kind: Str, user_id: Str, used: Bool, ...Expiring }), "token"),
  otps: Keyed(Rec({ method_id: Str, user_id: Str, code: Str, attempts: Num, used: Bool, ...Expiring }), "method_id"),
  outbox: Schema.Array(Rec({ id: Str, channel: Str, to: Str, kind: Str, user_id: Str, sent_at: Str })),
  webauthn_challenges: Keyed(
    Rec({ challenge: Str, kind: Schema.Literal("register", "authenticate"), ...Expiring }),
    "challenge"
  ),
  crypto_challenges: Keyed(Rec({ user_id: Str, crypto_wallet_id: Str, challenge: Str, ...Expiring })),
  crypto_wallet_index: Entries(Str),
  m2m_clients: Keyed(
    Rec({
      client_id: Str,
      client_name: Str,
      status: Schema.Literal("active", "inactive"),
      scopes: Schema.Array(Str),
      trusted_metadata: Rest,
      secret: Secret
    }),
    "client_id"
  ),
  connected_app_clients: Keyed(
    Rec({ client_id: Str, seq: Num, client_type: Str, client_name: Str, redirect_urls: Schema.Array(Str) }),
    "client_id"
  ),
  telemetry: Keyed(Rec({ telemetry_id: Str, ...Expiring }), "telemetry_id"),
  fraud_rules: Keyed(Rec({ rule_type: Str, identifier: Str, seq: Num, action: Str })),
  verdict_reason_overrides: Keyed(Rec({ override_action: Str, created_at: Num })),
  idp_grants: Keyed(Rec({ ...Grant, granted_at: Num })),
  idp_auth_codes: Keyed(Rec({ ...Grant, redirect_uri: Str, ...Expiring })),
  idp_refresh_tokens: Keyed(Rec({ ...Grant, ...Expiring })),
  idp_access_tokens: Keyed(Rec({ user_id: Str, client_id: Str, ...Expiring }))
})
// The document must hold exactly the store's parts (a new collection of the store needs a schema here).
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false
type Header = "format" | "version" | "exported_at" | "settings" | "signing_keys"
const _parts: Same<Exclude<keyof Schema.Schema.Type<typeof Document>, Header>, keyof StoreData> = true
void _parts

const decodeDocument = Schema.decodeUnknownEither(Document, { errors: "first" })

/** The first problem of a decoding, as `at <path>: <message>`. */
const problem = (error: ParseResult.ParseError): string => {
  const issue = ParseResult.ArrayFormatter.formatErrorSync(error)[0]
  if (issue === undefined) return "invalid"
  // The value found is left out: it may be a secret (a key, a hash).
  const message = issue.message.replace(/, actual [\s\S]*$/, "")
    // A record's whole type would be unreadable: name its kind.
    .replace(/^Expected ReadonlyArray<[\s\S]*$/, "Expected an array")
    .replace(/^Expected \{[\s\S]*$/, "Expected an object")
  return issue.path.length === 0 ? message : `at ${issue.path.join(".")}: ${message}`
}

/** A saved state rebuilt: a complete new store and its signing keys, not yet in use. */
export interface Restored {
  readonly store: Store
  readonly keys: SigningKeys
}

/**
 * Parses a saved state's text: the size and nesting caps, then JSON. The problem is one sentence (no file name: the
 * caller knows where the text came from).
 */
export const parse = (text: string): Either.Either<unknown, string> => {
  if (Buffer.byteLength(text, "utf8") > MAX_STATE_BYTES) {
    return Either.left(`larger than ${MAX_STATE_BYTES} bytes, the most a saved state may have`)
  }
  if (jsonDepthExceeds(text, MAX_STATE_DEPTH)) return Either.left(`nested deeper than ${MAX_STATE_DEPTH} levels`)
  try {
    return Either.right(JSON.parse(text))
  } catch (error) {
    return Either.left(`not JSON (${error instanceof Error ? error.message : String(error)})`)
  }
}

/**
 * The first problem of a value that is not plain JSON data within the nesting cap (a value handed to `importState`
 * has not been through `parse`), or of a `__proto__` key, which would set a record's prototype when decoded.
 */
const unsafe = (value: unknown, path: string, depth: number): string | undefined => {
  // `undefined` (a property left out) is for the schema to judge.
  const type = typeof value
  if (value === null || type === "string" || type === "boolean" || type === "number" || type === "undefined") {
    return undefined
  }
  if (typeof value !== "object") return `at ${path}: not JSON data`
  if (depth > MAX_STATE_DEPTH) return `nested deeper than ${MAX_STATE_DEPTH} levels`
  for (const [k, v] of Object.entries(value)) {
    if (k === "__proto__") return `at ${path}: a __proto__ key`
    const problem = unsafe(v, path === "" ? k : `${path}.${k}`, depth + 1)
    if (problem !== undefined) return problem
  }
  return undefined
}

/** Validates a parsed saved state and builds what it describes, or names the first problem and its path. */
export const decode = (input: unknown): Either.Either<Restored, string> => {
  if (typeof input !== "object" || input === null || Array.isArray(input)) return Either.left("not a JSON object")
  const notData = unsafe(input, "", 1)
  if (notData !== undefined) return Either.left(notData)
  const { format, version } = input as Record<string, unknown>
  const shown = (value: unknown) => (JSON.stringify(value) ?? "missing").slice(0, 60)
  if (format !== STATE_FORMAT) {
    return Either.left(`not an emulator state: format is ${shown(format)}, not "${STATE_FORMAT}"`)
  }
  if (version !== STATE_VERSION) {
    return Either.left(`unsupported version ${shown(version)}: this emulator reads version ${STATE_VERSION}`)
  }
  return Either.flatMap(Either.mapLeft(decodeDocument(input), problem), (doc) => {
    const { projectId, secret, ...editable } = doc.settings
    const settings = mergeSettings(defaultSettings(projectId, secret), editable)
    if (Either.isLeft(settings)) return Either.left(`at settings: ${settings.left}`)
    const keys = SigningKeys.fromExported(projectId, doc.signing_keys)
    if (!(keys instanceof SigningKeys)) return Either.left(`at signing_keys.${keys[0]}: ${keys[1]}`)
    // The schema checked the fields the store reads; the rest of each record is this emulator's own output.
    const { format: _f, version: _v, exported_at: _e, settings: _s, signing_keys: _k, ...parts } = doc
    const data = parts as unknown as StoreData
    const users = data.users.map(([id, user]) => [id, decodeUser(user)] as const)
    return Either.right({ store: Store.fromData(settings.right, { ...data, users }), keys })
  })
}

/** Reverses `encodeUser` on a validated record (its `publicKey` a base64url string, `passwordlessEmails` a list). */
const decodeUser = (saved: unknown): UserRecord => {
  const user = saved as UserRecord & { readonly passwordlessEmails: ReadonlyArray<string> }
  return {
    ...user,
    passwordlessEmails: new Set(user.passwordlessEmails),
    webauthn_registrations: user.webauthn_registrations.map((r) =>
      r.credential === undefined ? r : {
        ...r,
        credential: {
          ...r.credential,
          publicKey: Buffer.from(r.credential.publicKey as unknown as string, "base64url")
        }
      }
    )
  }
}
