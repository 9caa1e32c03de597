// Hand-written data for scripts/generate.mjs: each area's module and service name, and a one-line summary of every
// HTTP endpoint (spec/api-spec.json has no descriptions; these are this project's own words).

/** Area key (the id prefix) -> module name, summary, and whether the service has hand-written helpers. */
export const AREAS = {
  users: {
    module: "Users",
    summary: "Users: create, read, update, search and delete users and their authentication factors.",
    handWritten: true
  },
  sessions: {
    module: "Sessions",
    summary:
      "Sessions: list, authenticate, revoke and migrate sessions, read the JWKS, and verify session JWTs locally.",
    handWritten: true
  },
  passwords: {
    module: "Passwords",
    summary: "Passwords: create, authenticate, check strength, migrate hashes, and reset (by email, with the " +
      "existing password, or with a session)."
  },
  magicLinks: {
    module: "MagicLinks",
    summary: "Magic links: email login or sign-up links, invites, and embeddable links."
  },
  otps: { module: "OTPs", summary: "One-time passcodes by SMS, WhatsApp and email." },
  oauth: {
    module: "OAuth",
    summary: "OAuth: authenticate the token of a completed OAuth flow, and attach flows to existing users."
  },
  totps: { module: "TOTPs", summary: "TOTPs: authenticator-app second factors and their recovery codes." },
  webauthn: { module: "WebAuthn", summary: "WebAuthn: register and authenticate passkeys and security keys." },
  cryptoWallets: { module: "CryptoWallets", summary: "Crypto wallets: sign-in with Ethereum and Solana wallets." },
  m2m: {
    module: "M2M",
    summary: "M2M: machine-to-machine clients, their secrets, and client-credentials tokens.",
    handWritten: true
  },
  fraud: {
    module: "Fraud",
    summary: "Fraud & Risk: device fingerprint lookups, rules, verdict reasons and email risk (on the telemetry host)."
  },
  project: { module: "Project", summary: "Project: the project's metrics." },
  connectedApp: {
    module: "ConnectedApp",
    summary: "Connected Apps: OAuth clients of the project's identity provider."
  },
  idp: {
    module: "IDP",
    summary: "IDP: the project identity provider: OAuth authorization and access-token introspection.",
    handWritten: true
  },
  impersonation: { module: "Impersonation", summary: "Impersonation: authenticate an impersonation token." },
  rbac: { module: "RBAC", summary: "RBAC: the project's role-based access control policy." },
  debug: { module: "Debug", summary: "Debug: who the credentials belong to." }
}

/** Endpoint id -> what the endpoint does. */
export const SUMMARIES = {
  "connectedApp.clients.get": "Reads one Connected App client by its id.",
  "connectedApp.clients.update": "Changes the settings of a Connected App client.",
  "connectedApp.clients.delete": "Deletes a Connected App client.",
  "connectedApp.clients.search": "Lists Connected App clients, page by page (`cursor`, `limit`).",
  "connectedApp.clients.create": "Registers a new Connected App client; its secret is only in this answer.",
  "connectedApp.clients.secrets.rotateStart":
    "Starts rotating a Connected App client's secret: a second secret is issued and both work until the rotation ends.",
  "connectedApp.clients.secrets.rotateCancel": "Abandons a started secret rotation; the new secret stops working.",
  "connectedApp.clients.secrets.rotate": "Completes a secret rotation; only the new secret works from now on.",
  "cryptoWallets.authenticateStart": "Issues the message a crypto wallet must sign to sign in (SIWE for Ethereum).",
  "cryptoWallets.authenticate": "Checks the wallet's signature of the issued message and signs the user in.",
  "debug.whoami": "Names the project the credentials belong to.",
  "fraud.fingerprint.lookup": "Reads the verdict and fingerprints Fraud & Risk holds for a telemetry id.",
  "fraud.rules.set": "Sets or clears the rule (allow, block, challenge) for a fingerprint, IP, ASN or country.",
  "fraud.rules.list": "Lists the project's Fraud & Risk rules, page by page.",
  "fraud.verdictReasons.override": "Changes the action a verdict reason leads to.",
  "fraud.verdictReasons.list": "Lists the verdict reasons and the action each leads to.",
  "fraud.email.risk": "Rates the risk of an email address.",
  "idp.oauth.authorizeStart": "Checks an OAuth authorization request and says whether the user must consent.",
  "idp.oauth.authorize": "Completes an OAuth authorization request for a signed-in user and returns the redirect.",
  "impersonation.authenticate": "Exchanges an impersonation token for a session of the impersonated user.",
  "m2m.clients.get": "Reads one M2M client by its id.",
  "m2m.clients.search": "Lists M2M clients matching a query, page by page.",
  "m2m.clients.update": "Changes an M2M client's name, scopes, status or trusted metadata.",
  "m2m.clients.delete": "Deletes an M2M client; its tokens stop verifying once they expire.",
  "m2m.clients.create": "Creates an M2M client; its secret is only in this answer.",
  "m2m.clients.secrets.rotateStart":
    "Starts rotating an M2M client's secret: a second secret is issued and both work until the rotation ends.",
  "m2m.clients.secrets.rotateCancel": "Abandons a started secret rotation; the new secret stops working.",
  "m2m.clients.secrets.rotate": "Completes a secret rotation; only the new secret works from now on.",
  "magicLinks.authenticate": "Redeems a magic link token and signs the user in.",
  "magicLinks.create": "Makes a magic link token for a user without sending it (you deliver the link).",
  "magicLinks.email.send": "Emails a login magic link to an existing user's address.",
  "magicLinks.email.loginOrCreate":
    "Emails a login link, or a sign-up link after creating the user when the address is new.",
  "magicLinks.email.invite": "Creates an invited user and emails them an invite link.",
  "magicLinks.email.revokeInvite": "Revokes a pending invite; its link no longer works.",
  "oauth.attach": "Makes a token that attaches the next OAuth flow to an existing user.",
  "oauth.authenticate": "Redeems the token of a completed OAuth flow and signs the user in.",
  "otps.authenticate": "Checks a one-time passcode sent by SMS, WhatsApp or email and signs the user in.",
  "otps.sms.send": "Texts a one-time passcode to an existing user's phone number.",
  "otps.sms.loginOrCreate": "Texts a one-time passcode, creating the user first when the phone number is new.",
  "otps.whatsapp.send": "Sends a one-time passcode over WhatsApp to an existing user's phone number.",
  "otps.whatsapp.loginOrCreate":
    "Sends a one-time passcode over WhatsApp, creating the user first when the number is new.",
  "otps.email.send": "Emails a one-time passcode to an existing user's address.",
  "otps.email.loginOrCreate": "Emails a one-time passcode, creating the user first when the address is new.",
  "passwords.create": "Creates a user with an email address and a password.",
  "passwords.authenticate": "Checks an email address and password and signs the user in.",
  "passwords.strengthCheck": "Rates a password's strength and says whether the project's policy accepts it.",
  "passwords.migrate": "Imports a user with a password hash from another system (bcrypt, scrypt, argon2, ...).",
  "passwords.email.resetStart": "Emails a password reset link to the user.",
  "passwords.email.reset": "Sets a new password with the token of a reset link.",
  "passwords.existingPassword.reset": "Sets a new password for a user who gives the current one.",
  "passwords.sessions.reset": "Sets a new password for a user with a recent enough session.",
  "project.metrics": "Reads the project's usage metrics (user counts).",
  "rbac.policy": "Reads the project's role-based access control policy (roles, resources, actions).",
  "sessions.get": "Lists a user's active sessions.",
  "sessions.authenticate":
    "Checks a session token or JWT against Stytch, optionally extending or changing the session.",
  "sessions.revoke": "Ends a session (by id, token or JWT).",
  "sessions.migrate": "Creates a Stytch session from another identity provider's access token.",
  "sessions.exchangeAccessToken": "Exchanges a Connected Apps access token for a session.",
  "sessions.getJWKS": "Reads the project's JSON Web Key Set, the public keys that sign session JWTs.",
  "sessions.attest": "Creates a session from a token issued by a trusted third party.",
  "totps.create": "Creates a TOTP authenticator for a user (secret, QR code and recovery codes).",
  "totps.authenticate": "Checks a TOTP code and signs the user in.",
  "totps.recoveryCodes": "Lists a user's TOTP recovery codes.",
  "totps.recover": "Signs a user in with one of their TOTP recovery codes, using it up.",
  "users.create": "Creates a user, by email address or phone number.",
  "users.get": "Reads a user by id, with every authentication factor they have.",
  "users.search": "Finds users matching a query, page by page (`searchAll` follows every page).",
  "users.update": "Changes a user's name, attributes, metadata or factors.",
  "users.exchangePrimaryFactor": "Replaces a user's primary factor (email address or phone number).",
  "users.delete": "Deletes a user and every factor and session they have.",
  "users.deleteEmail": "Removes an email address from its user.",
  "users.deletePhoneNumber": "Removes a phone number from its user.",
  "users.deleteWebAuthnRegistration": "Removes a WebAuthn registration (passkey or security key) from its user.",
  "users.deleteBiometricRegistration": "Removes a biometric registration from its user.",
  "users.deleteTOTP": "Removes a TOTP authenticator from its user.",
  "users.deleteCryptoWallet": "Removes a crypto wallet from its user.",
  "users.deletePassword": "Removes a password from its user.",
  "users.deleteOAuthRegistration": "Removes an OAuth provider registration from its user.",
  "users.deleteExternalId": "Clears a user's external id.",
  "users.connectedApps": "Lists the Connected Apps a user has authorized.",
  "users.revoke": "Revokes a user's authorization of a Connected App (its tokens stop working).",
  "webauthn.registerStart": "Issues the options a browser needs to register a WebAuthn credential.",
  "webauthn.register": "Checks a new WebAuthn credential and adds it to the user.",
  "webauthn.authenticateStart": "Issues the challenge a browser needs to sign in with a WebAuthn credential.",
  "webauthn.authenticate": "Checks a WebAuthn assertion and signs the user in.",
  "webauthn.update": "Renames a WebAuthn registration.",
  "webauthn.listCredentials": "Lists a user's WebAuthn credentials for a domain."
}
