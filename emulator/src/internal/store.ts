/**
 * The emulator's state: in-memory maps, private to the store. Handlers read them through read-only views and write
 * through the store's methods, which keep every index right (and `deleteUser` clears every one).
 *
 * Consistency rule: a handler does its slow or asynchronous work first (hashing, key signing), then validates and
 * mutates in one synchronous block. JavaScript runs that block to the end without interleaving, so concurrent
 * requests never observe or leave half-written state, and a failed request changes nothing.
 */
import { randomBytes, randomUUID } from "node:crypto"
import type { MigrateConfig, HashType, StrengthPolicy } from "../crypto/passwords.js"
import { defaultPolicy } from "../crypto/passwords.js"

// ---------------------------------------------------------------------------------------------------------------
// Records

export interface EmailRecord {
  readonly email_id: string
  email: string
  verified: boolean
  /** An email added to an existing user by a passwordless send: removed unless authenticated by then (ms). */
  unverifiedUntil?: number | undefined
}

export interface PhoneRecord {
  readonly phone_id: string
  phone_number: string
  verified: boolean
  unverifiedUntil?: number | undefined
}

export type PasswordRecord =
  | { readonly password_id: string; readonly kind: "native"; readonly hash: string; requiresReset: boolean }
  | {
    readonly password_id: string
    readonly kind: "migrated"
    readonly hash_type: HashType
    readonly hash: string
    readonly config: MigrateConfig
    requiresReset: boolean
  }

export interface TotpRecord {
  readonly totp_id: string
  readonly secret: string
  verified: boolean
  recoveryCodes: Array<{ code: string; used: boolean }>
  readonly created_at: number
  /** An unverified TOTP is unusable after this time (ms); cleared once verified. */
  expires_at?: number | undefined
  /** The time step of the last accepted code: a code of that step or an earlier one is a replay. */
  lastUsedStep?: number | undefined
}

export interface OAuthProviderRecord {
  readonly oauth_user_registration_id: string
  readonly provider_type: string
  readonly provider_subject: string
  readonly email?: string | undefined
  profile_picture_url?: string | undefined
  locale?: string | undefined
}

/** The public key a WebAuthn registration verifies assertions with (set by `webauthn.register`). */
export interface WebAuthnCredentialRecord {
  /** The credential id as the browser reports it (base64url). */
  readonly id: string
  /** The COSE-encoded public key from the attestation. */
  readonly publicKey: Uint8Array
  /** The highest signature counter seen: an assertion must report more (unless the authenticator keeps none). */
  counter: number
  readonly transports?: ReadonlyArray<string> | undefined
  /** The user handle (user.id of the creation options, base64url) the authenticator stored with the credential. */
  readonly userHandle: string
}

export interface WebAuthnRegistrationRecord {
  readonly webauthn_registration_id: string
  name?: string
  verified: boolean
  readonly domain?: string | undefined
  readonly user_agent?: string | undefined
  readonly authenticator_type?: string | undefined
  readonly credential?: WebAuthnCredentialRecord | undefined
}

/** A WebAuthn ceremony begun by `registerStart` / `authenticateStart`: single use, unusable after `expires_at`. */
export interface WebAuthnChallengeRecord {
  /** The challenge as sent in the options (base64url); the client data must echo it. */
  readonly challenge: string
  readonly kind: "register" | "authenticate"
  /** Registration: the user. Authentication: the user named at the start, none for a passkey (discoverable) flow. */
  readonly user_id?: string | undefined
  readonly domain: string
  readonly user_agent?: string | undefined
  readonly authenticator_type?: string | undefined
  /** Registration: the user handle (user.id) the options carried, base64url. */
  readonly user_handle?: string | undefined
  readonly userVerification: "required" | "preferred" | "discouraged"
  readonly expires_at: number
}

export interface UserRecord {
  readonly user_id: string
  readonly created_at: number
  status: "active" | "pending"
  name?: { first_name?: string; middle_name?: string; last_name?: string } | undefined
  emails: Array<EmailRecord>
  phone_numbers: Array<PhoneRecord>
  password?: PasswordRecord | undefined
  totps: Array<TotpRecord>
  providers: Array<OAuthProviderRecord>
  webauthn_registrations: Array<WebAuthnRegistrationRecord>
  crypto_wallets: Array<{
    readonly crypto_wallet_id: string
    crypto_wallet_address: string
    verified: boolean
    /** `ethereum` or `solana`; absent on wallets stored before the type was recorded (rendered as `ethereum`). */
    readonly crypto_wallet_type?: string | undefined
  }>
  biometric_registrations: Array<{ readonly biometric_registration_id: string; verified: boolean }>
  trusted_metadata: Record<string, unknown>
  untrusted_metadata: Record<string, unknown>
  external_id?: string | undefined
  roles: Array<string>
  /** Emails this user has authenticated with an email-based passwordless method (the pre-hijack rule). */
  passwordlessEmails: Set<string>
}

export interface AuthenticationFactor {
  readonly type: string
  readonly delivery_method: string
  readonly last_authenticated_at: string
  readonly [key: string]: unknown
}

export interface SessionRecord {
  readonly session_id: string
  readonly session_token: string
  readonly user_id: string
  readonly started_at: number
  last_accessed_at: number
  expires_at: number
  authentication_factors: Array<AuthenticationFactor>
  custom_claims: Record<string, unknown>
  attributes?: { ip_address?: string; user_agent?: string } | undefined
}

/** A single-use token delivered by email (magic links, password resets, invites) or minted by a test. */
export interface TokenRecord {
  readonly token: string
  readonly kind: "login" | "signup" | "invite" | "embedded" | "password_reset" | "oauth" | "oauth_attach" | "impersonation"
  readonly user_id: string
  /** The email the token was sent to (email-delivered kinds). */
  readonly email?: string | undefined
  readonly email_id?: string | undefined
  readonly expires_at: number
  used: boolean
  readonly attributes?: { ip_address?: string; user_agent?: string } | undefined
  /** PKCE code challenge, when the flow started with one. */
  readonly code_challenge?: string | undefined
  /** Free-form data for the token's own flow (e.g. the OAuth provider profile). */
  readonly data?: Record<string, unknown> | undefined
}

/** One OTP code, addressed by method_id (an email_id or phone_id). A new send replaces the previous code. */
export interface OtpRecord {
  readonly method_id: string
  readonly user_id: string
  readonly channel: "sms" | "whatsapp" | "email"
  readonly code: string
  readonly expires_at: number
  attempts: number
  used: boolean
  /** The `attributes` of the send request, checked by authenticate's `options.*_match_required`. */
  readonly attributes?: { ip_address?: string; user_agent?: string } | undefined
}

/** What the API "sent": an email, SMS or WhatsApp message. */
export interface OutboxMessage {
  readonly id: string
  readonly channel: "email" | "sms" | "whatsapp"
  readonly to: string
  readonly kind:
    | "magic_link_login"
    | "magic_link_signup"
    | "magic_link_invite"
    | "password_reset"
    | "otp"
  readonly user_id: string
  /** The token carried by a link (magic link, reset link). */
  readonly token?: string | undefined
  /** The link as the recipient would see it (redirect URL with `stytch_token_type` and `token`). */
  readonly url?: string | undefined
  /** The one-time passcode. */
  readonly code?: string | undefined
  /** The method_id to pass to authenticate with the code. */
  readonly method_id?: string | undefined
  readonly locale?: string | undefined
  readonly sent_at: string
}

/**
 * An M2M client. Secrets are kept only as SHA-256 hashes (Stytch shows a secret once, at creation or rotation start),
 * plus their last four characters for display.
 */
export interface M2MClientRecord {
  readonly client_id: string
  readonly created_at: number
  client_name: string
  client_description: string
  status: "active" | "inactive"
  scopes: Array<string>
  trusted_metadata: Record<string, unknown>
  secret: { readonly hash: string; readonly last_four: string }
  /** The pending secret of a rotation started by `rotateStart`; both secrets work until `rotate` or `rotateCancel`. */
  next_secret?: { readonly hash: string; readonly last_four: string } | undefined
}

/**
 * A Connected App (an OAuth client of the project's identity provider). Confidential types (`first_party`,
 * `third_party`) hold a secret, kept only as a SHA-256 hash plus its last four characters, as for M2M clients; public
 * types (`first_party_public`, `third_party_public`) hold none.
 */
export interface ConnectedAppClientRecord {
  readonly client_id: string
  /** Creation order: search lists clients by it, and its cursors point at it. */
  readonly seq: number
  readonly created_at: number
  readonly client_type: "first_party" | "first_party_public" | "third_party" | "third_party_public"
  readonly creation_method: string
  client_name: string
  client_description: string
  status: "active"
  full_access_allowed: boolean
  bypass_consent_for_offline_access: boolean
  redirect_urls: Array<string>
  post_logout_redirect_urls: Array<string>
  access_token_expiry_minutes: number
  access_token_template_content: string
  access_token_custom_audience?: string | undefined
  logo_url?: string | undefined
  /** Confidential clients only. */
  secret?: { readonly hash: string; readonly last_four: string } | undefined
  /** The pending secret of a rotation started by `rotateStart`, until `rotate` or `rotateCancel`. */
  next_secret?: { readonly hash: string; readonly last_four: string } | undefined
}

/**
 * A pending crypto wallet challenge, keyed in `store.cryptoChallenges` by wallet (`<type>:<address>`, the address
 * lower-cased for Ethereum; see handlers/cryptoWallets.ts). One per wallet: a new `authenticateStart` replaces it; a
 * successful `authenticate` deletes it.
 */
export interface CryptoChallengeRecord {
  readonly user_id: string
  readonly crypto_wallet_id: string
  readonly crypto_wallet_type: string
  /** The exact message the wallet must sign. */
  readonly challenge: string
  readonly expires_at: number
  /** The Sign-In With Ethereum fields the message was built from (SIWE challenges only). */
  readonly siwe?: {
    readonly domain: string
    readonly uri: string
    readonly chain_id: string
    readonly resources: ReadonlyArray<string>
    readonly issued_at: string
    readonly not_before?: string | undefined
    readonly message_request_id?: string | undefined
  } | undefined
}

/** The actions a Device Fingerprinting verdict, rule or verdict-reason override can carry. */
export type FraudAction = "ALLOW" | "CHALLENGE" | "BLOCK"

/**
 * What the DFP browser library would have reported for one page load, registered by the `seedTelemetry` control
 * (the emulator has no browser library). Looked up by `fraud.fingerprint.lookup` until `expires_at`.
 */
/** The ids and fingerprints Device Fingerprinting derives for one device. */
export interface Fingerprints {
  readonly visitor_id: string
  readonly browser_id: string
  readonly visitor_fingerprint: string
  readonly browser_fingerprint: string
  readonly hardware_fingerprint: string
  readonly network_fingerprint: string
}

export interface TelemetryRecord {
  readonly telemetry_id: string
  readonly created_at: number
  readonly expires_at: number
  readonly fingerprints: Fingerprints
  readonly ip_address: string
  readonly user_agent: string
  readonly asn: { readonly asn: string; readonly name: string; readonly network: string }
  readonly ip_geolocation: { readonly city: string; readonly region: string; readonly country: string }
  readonly is_proxy: boolean
  readonly is_vpn: boolean
  readonly detected_device_type: string
  readonly is_authentic_device: boolean
  /** The warning flags Stytch would have detected; the verdict action is derived from them at lookup. */
  readonly verdict_reasons: ReadonlyArray<string>
  /** Set by lookups that pass `external_metadata` (later values replace earlier ones field by field). */
  external_metadata: { external_id?: string; organization_id?: string; user_action?: string }
}

/** A DFP rule (`fraud.rules.set`), keyed in `store.fraudRules` by `<rule_type>:<identifier>`. */
export interface FraudRuleRecord {
  /** `VISITOR_ID`, `BROWSER_ID`, ..., `CIDR_BLOCK`, `ASN`, `COUNTRY_CODE`. */
  readonly rule_type: string
  /** The identifier as matched: CIDR blocks as their network address and prefix, country codes upper-cased. */
  readonly identifier: string
  /** Creation order (rules set at the same instant still list in a stable order; also the list cursor). */
  readonly seq: number
  readonly created_at: number
  action: FraudAction
  last_updated_at: number
  expires_at?: number | undefined
  description?: string | undefined
}

/** A project's override of the default action of one verdict reason (`fraud.verdictReasons.override`). */
export interface VerdictReasonOverrideRecord {
  readonly override_action: FraudAction
  readonly created_at: number
  readonly description?: string | undefined
}

export interface Settings {
  projectId: string
  secret: string
  passwordPolicy: StrengthPolicy
  /** UserInfo URL called by sessions.migrate. */
  userinfoUrl?: string | undefined
  /** Default redirect URLs of magic links and password resets. */
  loginRedirectUrl: string
  signupRedirectUrl: string
  inviteRedirectUrl: string
  resetPasswordRedirectUrl: string
  /** OTP attempts before a code is burnt. */
  otpMaxAttempts: number
  /** The project's name, as `debug.whoami` answers it. */
  projectName: string
  /** The project's RBAC policy, as `rbac.policy` answers it. */
  rbacPolicy: RbacPolicy
  /** The Trusted Auth Token profiles `sessions.attest` accepts (Stytch configures them in its dashboard). */
  trustedAuthTokenProfiles: ReadonlyArray<TrustedAuthTokenProfile>
}

/**
 * A Trusted Auth Token profile: which JWTs `sessions.attest` trusts and how their claims name the user. The
 * emulator's stand-in for the dashboard's profile (set with the `settings` option or `PATCH /emulator/v1/settings`).
 */
export interface TrustedAuthTokenProfile {
  readonly profile_id: string
  /** The `iss` the token must carry. */
  readonly issuer: string
  /** An `aud` the token must carry. */
  readonly audience: string
  /** SPKI PEM public keys (RSA or EC) any of which may have signed the token. */
  readonly public_keys: ReadonlyArray<string>
  /** The claims naming the user's email and the token's id; `email` and `jti` by default. */
  readonly attribute_mapping?: { readonly email?: string | undefined; readonly token_id?: string | undefined } | undefined
}

/** An RBAC policy (the wire shape of `rbac.policy`'s `policy`). */
export interface RbacPolicy {
  readonly roles: ReadonlyArray<{
    readonly role_id: string
    readonly description: string
    readonly permissions: ReadonlyArray<{ readonly resource_id: string; readonly actions: ReadonlyArray<string> }>
  }>
  readonly resources: ReadonlyArray<{ readonly resource_id: string; readonly description: string; readonly actions: ReadonlyArray<string> }>
  readonly scopes: ReadonlyArray<{
    readonly scope: string
    readonly description: string
    readonly permissions: ReadonlyArray<{ readonly resource_id: string; readonly actions: ReadonlyArray<string> }>
  }>
}

/** The default policy of a consumer project: the `stytch_user` role every user holds, nothing else. */
export const defaultRbacPolicy: RbacPolicy = {
  roles: [{ role_id: "stytch_user", description: "Granted to every user of the project.", permissions: [] }],
  resources: [],
  scopes: []
}

export const defaultSettings = (projectId: string, secret: string): Settings => ({
  projectId,
  secret,
  passwordPolicy: defaultPolicy,
  loginRedirectUrl: "http://localhost:3000/authenticate",
  signupRedirectUrl: "http://localhost:3000/authenticate",
  inviteRedirectUrl: "http://localhost:3000/authenticate",
  resetPasswordRedirectUrl: "http://localhost:3000/reset-password",
  otpMaxAttempts: 5,
  projectName: "Emulated project",
  rbacPolicy: defaultRbacPolicy,
  trustedAuthTokenProfiles: []
})

// ---------------------------------------------------------------------------------------------------------------
// The store

export class Store {
  readonly #users = new Map<string, UserRecord>()
  /** lower-cased email -> user_id */
  readonly #emailIndex = new Map<string, string>()
  /** E.164 phone number -> user_id */
  readonly #phoneIndex = new Map<string, string>()
  readonly #externalIdIndex = new Map<string, string>()
  readonly #sessions = new Map<string, SessionRecord>()
  /** session_token -> session_id */
  readonly #sessionTokenIndex = new Map<string, string>()
  readonly #tokens = new Map<string, TokenRecord>()
  readonly #otps = new Map<string, OtpRecord>()
  readonly #outbox: Array<OutboxMessage> = []
  /** challenge -> pending WebAuthn ceremony */
  readonly #webauthnChallenges = new Map<string, WebAuthnChallengeRecord>()
  /** `<type>:<address>` -> pending crypto wallet challenge */
  readonly #cryptoChallenges = new Map<string, CryptoChallengeRecord>()
  /** `<type>:<address>` -> user_id of the user holding that crypto wallet */
  readonly #cryptoWalletIndex = new Map<string, string>()
  /** client_id -> M2M client */
  readonly #m2mClients = new Map<string, M2MClientRecord>()
  /** client_id -> Connected App client (Map order is creation order) */
  readonly #connectedAppClients = new Map<string, ConnectedAppClientRecord>()
  /** telemetry_id -> seeded DFP telemetry */
  readonly #telemetry = new Map<string, TelemetryRecord>()
  /** `<rule_type>:<identifier>` -> DFP rule */
  readonly #fraudRules = new Map<string, FraudRuleRecord>()
  /** verdict reason -> the project's override of its default action */
  readonly #verdictReasonOverrides = new Map<string, VerdictReasonOverrideRecord>()
  /** Users holding an email or phone number with `unverifiedUntil` (so the sweep below never scans every user). */
  readonly #usersWithUnverifiedFactors = new Set<string>()
  /** This store's creation-order counter (Connected App clients, fraud rules). */
  #seq = 0
  readonly #initialSettings: Settings

  constructor(public settings: Settings) {
    this.#initialSettings = settings
  }

  // Read-only views: every write goes through the methods below, which keep the indexes right.
  get users(): ReadonlyMap<string, UserRecord> {
    return this.#users
  }
  get sessions(): ReadonlyMap<string, SessionRecord> {
    return this.#sessions
  }
  get tokens(): ReadonlyMap<string, TokenRecord> {
    return this.#tokens
  }
  get otps(): ReadonlyMap<string, OtpRecord> {
    return this.#otps
  }
  get outbox(): ReadonlyArray<OutboxMessage> {
    return this.#outbox
  }
  get webauthnChallenges(): ReadonlyMap<string, WebAuthnChallengeRecord> {
    return this.#webauthnChallenges
  }
  get cryptoChallenges(): ReadonlyMap<string, CryptoChallengeRecord> {
    return this.#cryptoChallenges
  }
  get m2mClients(): ReadonlyMap<string, M2MClientRecord> {
    return this.#m2mClients
  }
  get connectedAppClients(): ReadonlyMap<string, ConnectedAppClientRecord> {
    return this.#connectedAppClients
  }
  get telemetry(): ReadonlyMap<string, TelemetryRecord> {
    return this.#telemetry
  }
  get fraudRules(): ReadonlyMap<string, FraudRuleRecord> {
    return this.#fraudRules
  }
  get verdictReasonOverrides(): ReadonlyMap<string, VerdictReasonOverrideRecord> {
    return this.#verdictReasonOverrides
  }

  /**
   * Forgets everything this store holds: every record, index and counter, and the settings (back to those it was
   * created with) unless `keepSettings`. The signing keys are held elsewhere.
   */
  clear(options?: { readonly keepSettings?: boolean | undefined }): void {
    for (const map of [...Object.values(this.#saved()), ...this.#derived()]) {
      if (Array.isArray(map)) map.length = 0
      else map.clear()
    }
    this.#seq = 0
    if (options?.keepSettings !== true) this.settings = this.#initialSettings
  }

  /** The next number of this store's creation order. */
  nextSeq(): number {
    return ++this.#seq
  }

  // -------------------------------------------------------------------------------------------------------------
  // Users and their factors

  userByEmail(email: string): UserRecord | undefined {
    const id = this.#emailIndex.get(email.toLowerCase())
    return id === undefined ? undefined : this.#users.get(id)
  }

  userByPhone(phone: string): UserRecord | undefined {
    const id = this.#phoneIndex.get(phone)
    return id === undefined ? undefined : this.#users.get(id)
  }

  userByExternalId(external_id: string): UserRecord | undefined {
    const id = this.#externalIdIndex.get(external_id)
    return id === undefined ? undefined : this.#users.get(id)
  }

  /** The user holding the crypto wallet `<type>:<address>`. */
  userByWallet(key: string, holds: (user: UserRecord) => boolean): UserRecord | undefined {
    const user = this.#users.get(this.#cryptoWalletIndex.get(key) ?? "")
    return user !== undefined && holds(user) ? user : undefined
  }

  /** Stores a new user and indexes its factors. Call only after every check has passed. */
  insertUser(user: UserRecord): void {
    this.#users.set(user.user_id, user)
    for (const e of user.emails) this.#indexEmail(user, e)
    for (const p of user.phone_numbers) this.#indexPhone(user, p)
    if (user.external_id !== undefined) this.#externalIdIndex.set(user.external_id, user.user_id)
  }

  #indexEmail(user: UserRecord, e: EmailRecord): void {
    this.#emailIndex.set(e.email.toLowerCase(), user.user_id)
    if (e.unverifiedUntil !== undefined) this.#usersWithUnverifiedFactors.add(user.user_id)
  }

  #indexPhone(user: UserRecord, p: PhoneRecord): void {
    this.#phoneIndex.set(p.phone_number, user.user_id)
    if (p.unverifiedUntil !== undefined) this.#usersWithUnverifiedFactors.add(user.user_id)
  }

  /** Adds an email record to a stored user and indexes it. */
  addEmail(user: UserRecord, record: EmailRecord): EmailRecord {
    user.emails.push(record)
    this.#indexEmail(user, record)
    return record
  }

  addPhone(user: UserRecord, record: PhoneRecord): PhoneRecord {
    user.phone_numbers.push(record)
    this.#indexPhone(user, record)
    return record
  }

  /** Removes one email of a user, its index entry and its code. */
  removeEmail(user: UserRecord, email_id: string): void {
    for (const e of user.emails) if (e.email_id === email_id) this.#emailIndex.delete(e.email.toLowerCase())
    user.emails = user.emails.filter((e) => e.email_id !== email_id)
    this.#otps.delete(email_id)
  }

  removePhone(user: UserRecord, phone_id: string): void {
    for (const p of user.phone_numbers) if (p.phone_id === phone_id) this.#phoneIndex.delete(p.phone_number)
    user.phone_numbers = user.phone_numbers.filter((p) => p.phone_id !== phone_id)
    this.#otps.delete(phone_id)
  }

  /** Sets (or, with `undefined`, removes) a user's external id and its index entry. */
  setExternalId(user: UserRecord, external_id: string | undefined): void {
    if (user.external_id !== undefined) this.#externalIdIndex.delete(user.external_id)
    user.external_id = external_id
    if (external_id !== undefined) this.#externalIdIndex.set(external_id, user.user_id)
  }

  /** Indexes a crypto wallet (`<type>:<address>`) of a stored user. */
  indexWallet(key: string, user: UserRecord): void {
    this.#cryptoWalletIndex.set(key, user.user_id)
  }

  /** Removes one crypto wallet of a user and its index entry. */
  removeWallet(user: UserRecord, crypto_wallet_id: string): void {
    user.crypto_wallets = user.crypto_wallets.filter((w) => w.crypto_wallet_id !== crypto_wallet_id)
    for (const [k, id] of this.#cryptoWalletIndex) {
      if (id === user.user_id && !user.crypto_wallets.some((w) => recordWalletKey(w) === k)) this.#cryptoWalletIndex.delete(k)
    }
  }

  /**
   * Removes a user and everything that points to it: its emails, phone numbers, external id and wallets in the
   * indexes, its sessions, tokens, codes and pending WebAuthn / crypto wallet challenges.
   */
  deleteUser(user: UserRecord): void {
    const { user_id } = user
    for (const e of user.emails) this.#emailIndex.delete(e.email.toLowerCase())
    for (const p of user.phone_numbers) this.#phoneIndex.delete(p.phone_number)
    if (user.external_id !== undefined) this.#externalIdIndex.delete(user.external_id)
    for (const [k, id] of this.#cryptoWalletIndex) if (id === user_id) this.#cryptoWalletIndex.delete(k)
    for (const [k, c] of this.#cryptoChallenges) if (c.user_id === user_id) this.#cryptoChallenges.delete(k)
    for (const [k, c] of this.#webauthnChallenges) if (c.user_id === user_id) this.#webauthnChallenges.delete(k)
    for (const s of [...this.#sessions.values()]) if (s.user_id === user_id) this.deleteSession(s)
    for (const [k, t] of this.#tokens) if (t.user_id === user_id) this.#tokens.delete(k)
    for (const [k, o] of this.#otps) if (o.user_id === user_id) this.#otps.delete(k)
    this.#usersWithUnverifiedFactors.delete(user_id)
    this.#dropIdpUser(user_id)
    this.#users.delete(user_id)
  }

  /**
   * Drops unverified emails and phone numbers whose 5-minute window has passed (and their codes), as Stytch does
   * for factors added to an existing user by a passwordless send. Called before every request.
   */
  expireUnverifiedFactors(now: number): void {
    for (const user_id of this.#usersWithUnverifiedFactors) {
      const user = this.#users.get(user_id)
      if (user === undefined) {
        this.#usersWithUnverifiedFactors.delete(user_id)
        continue
      }
      const keepEmail = (e: EmailRecord) => e.unverifiedUntil === undefined || e.unverifiedUntil > now
      const keepPhone = (p: PhoneRecord) => p.unverifiedUntil === undefined || p.unverifiedUntil > now
      for (const e of user.emails.filter((e) => !keepEmail(e))) this.removeEmail(user, e.email_id)
      for (const p of user.phone_numbers.filter((p) => !keepPhone(p))) this.removePhone(user, p.phone_id)
      const pending = user.emails.some((e) => e.unverifiedUntil !== undefined) ||
        user.phone_numbers.some((p) => p.unverifiedUntil !== undefined)
      if (!pending) this.#usersWithUnverifiedFactors.delete(user_id)
    }
  }

  // -------------------------------------------------------------------------------------------------------------
  // Sessions, tokens, codes, messages

  sessionByToken(token: string): SessionRecord | undefined {
    const id = this.#sessionTokenIndex.get(token)
    return id === undefined ? undefined : this.#sessions.get(id)
  }

  insertSession(session: SessionRecord): void {
    this.#sessions.set(session.session_id, session)
    this.#sessionTokenIndex.set(session.session_token, session.session_id)
  }

  deleteSession(session: SessionRecord): void {
    this.#sessions.delete(session.session_id)
    this.#sessionTokenIndex.delete(session.session_token)
  }

  putToken(record: TokenRecord): void {
    this.#tokens.set(record.token, record)
  }

  /** Stores a code for its method_id, replacing the previous one. */
  putOtp(record: OtpRecord): void {
    this.#otps.set(record.method_id, record)
  }

  send(message: OutboxMessage): void {
    this.#outbox.push(message)
  }

  // -------------------------------------------------------------------------------------------------------------
  // Ceremonies, clients, fraud

  putWebAuthnChallenge(record: WebAuthnChallengeRecord): void {
    this.#webauthnChallenges.set(record.challenge, record)
  }

  deleteWebAuthnChallenge(challenge: string): void {
    this.#webauthnChallenges.delete(challenge)
  }

  /** Drops the WebAuthn ceremonies that expired by `now`. */
  expireWebAuthnChallenges(now: number): void {
    for (const [k, c] of this.#webauthnChallenges) if (c.expires_at <= now) this.#webauthnChallenges.delete(k)
  }

  putCryptoChallenge(key: string, record: CryptoChallengeRecord): void {
    this.#cryptoChallenges.set(key, record)
  }

  deleteCryptoChallenge(key: string): void {
    this.#cryptoChallenges.delete(key)
  }

  putM2MClient(client: M2MClientRecord): void {
    this.#m2mClients.set(client.client_id, client)
  }

  deleteM2MClient(client_id: string): void {
    this.#m2mClients.delete(client_id)
  }

  putConnectedAppClient(client: ConnectedAppClientRecord): void {
    this.#connectedAppClients.set(client.client_id, client)
  }

  deleteConnectedAppClient(client_id: string): void {
    this.#connectedAppClients.delete(client_id)
  }

  putTelemetry(record: TelemetryRecord): void {
    this.#telemetry.set(record.telemetry_id, record)
  }

  putFraudRule(key: string, rule: FraudRuleRecord): void {
    this.#fraudRules.set(key, rule)
  }

  deleteFraudRule(key: string): void {
    this.#fraudRules.delete(key)
  }

  putVerdictReasonOverride(reason: string, record: VerdictReasonOverrideRecord): void {
    this.#verdictReasonOverrides.set(reason, record)
  }

  deleteVerdictReasonOverride(reason: string): void {
    this.#verdictReasonOverrides.delete(reason)
  }

  // -------------------------------------------------------------------------------------------------------------
  // IDP OAuth: grants, authorization codes, refresh tokens, issued access tokens

  /** `<user_id> <client_id>` -> what the user granted the Connected App */
  readonly #idpGrants = new Map<string, IdpGrantRecord>()
  /** authorization code -> its pending exchange */
  readonly #idpAuthCodes = new Map<string, IdpAuthCodeRecord>()
  /** refresh token -> its grant's tokens */
  readonly #idpRefreshTokens = new Map<string, IdpRefreshTokenRecord>()
  /** access token `jti` -> the session it was authorized from (for `sessions.exchangeAccessToken`) */
  readonly #idpAccessTokens = new Map<string, IdpAccessTokenRecord>()

  idpGrant(user_id: string, client_id: string): IdpGrantRecord | undefined {
    return this.#idpGrants.get(`${user_id} ${client_id}`)
  }

  /** Records (or widens) a grant. */
  grantIdp(user_id: string, client_id: string, scopes: ReadonlyArray<string>, now: number): IdpGrantRecord {
    const existing = this.idpGrant(user_id, client_id)
    const grant: IdpGrantRecord = {
      user_id,
      client_id,
      granted_at: existing?.granted_at ?? now,
      scopes: [...new Set([...(existing?.scopes ?? []), ...scopes])]
    }
    this.#idpGrants.set(`${user_id} ${client_id}`, grant)
    return grant
  }

  /** Drops a grant and every code and token issued under it. */
  revokeIdpGrant(user_id: string, client_id: string): void {
    this.#idpGrants.delete(`${user_id} ${client_id}`)
    const under = (r: { readonly user_id: string; readonly client_id: string }) =>
      r.user_id === user_id && r.client_id === client_id
    for (const [k, c] of this.#idpAuthCodes) if (under(c)) this.#idpAuthCodes.delete(k)
    for (const [k, t] of this.#idpRefreshTokens) if (under(t)) this.#idpRefreshTokens.delete(k)
    for (const [k, t] of this.#idpAccessTokens) if (under(t)) this.#idpAccessTokens.delete(k)
  }

  #dropIdpUser(user_id: string): void {
    for (const g of [...this.#idpGrants.values()]) if (g.user_id === user_id) this.revokeIdpGrant(user_id, g.client_id)
    for (const [k, c] of this.#idpAuthCodes) if (c.user_id === user_id) this.#idpAuthCodes.delete(k)
  }

  get idpGrants(): ReadonlyMap<string, IdpGrantRecord> {
    return this.#idpGrants
  }
  get idpAuthCodes(): ReadonlyMap<string, IdpAuthCodeRecord> {
    return this.#idpAuthCodes
  }
  get idpRefreshTokens(): ReadonlyMap<string, IdpRefreshTokenRecord> {
    return this.#idpRefreshTokens
  }
  get idpAccessTokens(): ReadonlyMap<string, IdpAccessTokenRecord> {
    return this.#idpAccessTokens
  }

  putIdpAuthCode(code: string, record: IdpAuthCodeRecord): void {
    this.#idpAuthCodes.set(code, record)
  }

  deleteIdpAuthCode(code: string): void {
    this.#idpAuthCodes.delete(code)
  }

  putIdpRefreshToken(token: string, record: IdpRefreshTokenRecord): void {
    this.#idpRefreshTokens.set(token, record)
  }

  deleteIdpRefreshToken(token: string): void {
    this.#idpRefreshTokens.delete(token)
  }

  /** Records an issued access token (by `jti`), dropping those expired by `now` so the map stays small. */
  putIdpAccessToken(jti: string, record: IdpAccessTokenRecord, now: number): void {
    for (const [k, t] of this.#idpAccessTokens) if (t.expires_at <= now) this.#idpAccessTokens.delete(k)
    this.#idpAccessTokens.set(jti, record)
  }
  // -------------------------------------------------------------------------------------------------------------
  // Saved state (snapshot.ts encodes, validates and decodes it)
  //
  // Every collection of the store is in `#saved` (written to a saved state) or `#derived` (rebuilt from the saved
  // ones); `clear` empties both lists, so a new collection that joins neither is noticed by the reset tests.

  #saved(): SavedCollections {
    return {
      users: this.#users,
      sessions: this.#sessions,
      tokens: this.#tokens,
      otps: this.#otps,
      outbox: this.#outbox,
      webauthn_challenges: this.#webauthnChallenges,
      crypto_challenges: this.#cryptoChallenges,
      crypto_wallet_index: this.#cryptoWalletIndex,
      m2m_clients: this.#m2mClients,
      connected_app_clients: this.#connectedAppClients,
      telemetry: this.#telemetry,
      fraud_rules: this.#fraudRules,
      verdict_reason_overrides: this.#verdictReasonOverrides,
      idp_grants: this.#idpGrants,
      idp_auth_codes: this.#idpAuthCodes,
      idp_refresh_tokens: this.#idpRefreshTokens,
      idp_access_tokens: this.#idpAccessTokens
    }
  }

  #derived(): ReadonlyArray<Map<string, string> | Set<string>> {
    return [
      this.#emailIndex,
      this.#phoneIndex,
      this.#externalIdIndex,
      this.#sessionTokenIndex,
      this.#usersWithUnverifiedFactors
    ]
  }

  /** Everything this store holds but the settings, as live records (the caller copies them). */
  toData(): StoreData {
    const saved = this.#saved()
    const data: Record<string, unknown> = { seq: this.#seq }
    for (const [name, c] of Object.entries(saved)) data[name] = Array.isArray(c) ? [...c] : [...c]
    return data as unknown as StoreData
  }

  /** A new store holding `data` (records it now owns), its indexes rebuilt. */
  static fromData(settings: Settings, data: StoreData): Store {
    const store = new Store(settings)
    const saved = store.#saved()
    for (const [name, c] of Object.entries(saved)) {
      const items = data[name as keyof SavedCollections] as ReadonlyArray<never>
      if (Array.isArray(c)) c.push(...items)
      else for (const [k, v] of items as ReadonlyArray<readonly [string, never]>) c.set(k, v)
    }
    store.#seq = data.seq
    for (const user of store.#users.values()) {
      for (const e of user.emails) store.#indexEmail(user, e)
      for (const p of user.phone_numbers) store.#indexPhone(user, p)
      if (user.external_id !== undefined) store.#externalIdIndex.set(user.external_id, user.user_id)
    }
    for (const session of store.#sessions.values()) {
      store.#sessionTokenIndex.set(session.session_token, session.session_id)
    }
    return store
  }
}

/** The collections of a saved state, by their names in it. */
interface SavedCollections {
  readonly users: Map<string, UserRecord>
  readonly sessions: Map<string, SessionRecord>
  readonly tokens: Map<string, TokenRecord>
  readonly otps: Map<string, OtpRecord>
  readonly outbox: Array<OutboxMessage>
  readonly webauthn_challenges: Map<string, WebAuthnChallengeRecord>
  readonly crypto_challenges: Map<string, CryptoChallengeRecord>
  readonly crypto_wallet_index: Map<string, string>
  readonly m2m_clients: Map<string, M2MClientRecord>
  readonly connected_app_clients: Map<string, ConnectedAppClientRecord>
  readonly telemetry: Map<string, TelemetryRecord>
  readonly fraud_rules: Map<string, FraudRuleRecord>
  readonly verdict_reason_overrides: Map<string, VerdictReasonOverrideRecord>
  readonly idp_grants: Map<string, IdpGrantRecord>
  readonly idp_auth_codes: Map<string, IdpAuthCodeRecord>
  readonly idp_refresh_tokens: Map<string, IdpRefreshTokenRecord>
  readonly idp_access_tokens: Map<string, IdpAccessTokenRecord>
}

/** What a saved state holds of a store: each map as its `[key, record]` entries (in order), the outbox, the counter. */
export type StoreData =
  & {
    readonly [K in keyof SavedCollections]: SavedCollections[K] extends Map<string, infer V>
      ? ReadonlyArray<readonly [string, V]>
      : SavedCollections[K] extends Array<infer V> ? ReadonlyArray<V>
      : never
  }
  & { readonly seq: number }


/** What a user granted a Connected App (`users.connectedApps` lists them, `users.revoke` drops one). */
export interface IdpGrantRecord {
  readonly user_id: string
  readonly client_id: string
  readonly granted_at: number
  readonly scopes: ReadonlyArray<string>
}

/** An authorization code of `idp.oauth.authorize`, redeemable once at the token endpoint before `expires_at`. */
export interface IdpAuthCodeRecord {
  readonly user_id: string
  readonly client_id: string
  readonly scopes: ReadonlyArray<string>
  readonly redirect_uri: string
  readonly expires_at: number
  /** The session the authorization was made from, when it was named by a session token or JWT. */
  readonly session_id?: string | undefined
  /** The PKCE S256 challenge. */
  readonly code_challenge?: string | undefined
  readonly nonce?: string | undefined
}

export interface IdpRefreshTokenRecord {
  readonly user_id: string
  readonly client_id: string
  readonly scopes: ReadonlyArray<string>
  readonly session_id?: string | undefined
  expires_at: number
}

export interface IdpAccessTokenRecord {
  readonly user_id: string
  readonly client_id: string
  readonly session_id?: string | undefined
  readonly expires_at: number
}

/** The store key of a crypto wallet: Ethereum addresses are case-insensitive, base58 is not. */
export const walletKey = (type: string, address: string): string =>
  `${type}:${type === "ethereum" ? address.toLowerCase() : address}`

const recordWalletKey = (w: UserRecord["crypto_wallets"][number]) =>
  walletKey(w.crypto_wallet_type ?? "ethereum", w.crypto_wallet_address)

// ---------------------------------------------------------------------------------------------------------------
// Ids, tokens and time

/** Ids in Stytch's test format: `user-test-<uuid>`, `session-test-<uuid>`, ... */
export const newId = (prefix: string, projectId: string): string =>
  `${prefix}-${projectId.startsWith("project-live-") ? "live" : "test"}-${randomUUID()}`

/** An opaque secret token (session tokens, magic link tokens): 44 url-safe characters. */
export const newToken = (): string => randomBytes(33).toString("base64url")

/** A 6-digit code. */
export const newCode = (): string => String(randomBytes(4).readUInt32BE() % 1_000_000).padStart(6, "0")

/** RFC 3339 in UTC without fractional seconds, as Stytch answers. */
export const iso = (millis: number): string => new Date(Math.floor(millis / 1000) * 1000).toISOString().replace(".000Z", "Z")
