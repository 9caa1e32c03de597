/**
 * Magic links: login / sign-up links by email (send, loginOrCreate), invites and their revocation, embeddable links,
 * and authenticate (single use, expiry, PKCE, IP / user-agent match, sessions).
 *
 * Every link is a `TokenRecord` in `store.tokens`; the email ones are also put in the outbox with the URL the user
 * would click (the redirect URL plus `stytch_token_type=magic_links&token=...`).
 */
import * as Effect from "effect/Effect"
import type { MagicLinksEmailLoginOrCreateRequest, MagicLinksEmailSendRequest } from "../../../src/schemas/Models.js"
import { createHash } from "node:crypto"
import { type ApiFailure, type Ctx, fail, type AreaHandlers, type Handler } from "../internal/contract.js"
import { type EmailRecord, newId, newToken, type TokenRecord, type UserRecord } from "../internal/store.js"
import { addEmail, checkEmail, factor, getUser, insertUser, markPasswordlessEmailAuth, newUser, prepareSession, userWire } from "./common.js"
import {
  checkAttributeMatch,
  checkLocale,
  checkMinutes,
  deliver,
  emailForLoginOrCreate,
  emailForSend,
  sendAttributes,
  verifyFactor
} from "./passwordless.js"

// ---------------------------------------------------------------------------------------------------------------
// Checks

/** Docs: login / signup / invite / embeddable expirations are 5 minutes to 7 days. */
const minutes = (value: number | undefined, field: string, fallback: number) =>
  checkMinutes(value, { field, fallback, min: 5, max: 10080, error_type: "invalid_expiration" })

type LinkKind = "login" | "signup" | "invite"

const URL_ERRORS: Record<LinkKind, { readonly invalid: string; readonly missing: string }> = {
  login: { invalid: "invalid_login_magic_link_url", missing: "no_default_login_redirect_url_set" },
  signup: { invalid: "invalid_signup_magic_link_url", missing: "no_default_signup_redirect_url_set" },
  invite: { invalid: "invalid_invite_magic_link_url", missing: "no_default_invite_redirect_url_set" }
}

/**
 * The redirect URL of a link (the request's, else the project's default), validated before anything is stored.
 * Returns the link for a token: the URL with `stytch_token_type` and `token` added, its own query kept.
 */
const linkFor = (
  ctx: Ctx,
  kind: LinkKind,
  requested: string | undefined
): Effect.Effect<(token: string) => string, ApiFailure> => {
  const { settings } = ctx.store
  const fallback = kind === "login"
    ? settings.loginRedirectUrl
    : kind === "signup"
    ? settings.signupRedirectUrl
    : settings.inviteRedirectUrl
  const base = requested ?? fallback
  if (base === "") return fail(URL_ERRORS[kind].missing, `No ${kind} redirect URL was given and no default is set.`, 400)
  let url: URL
  try {
    url = new URL(base)
  } catch {
    return fail(URL_ERRORS[kind].invalid, `The ${kind} magic link URL is not a valid absolute URL.`, 400)
  }
  return Effect.succeed((token) => {
    const link = new URL(url)
    link.searchParams.set("stytch_token_type", "magic_links")
    link.searchParams.set("token", token)
    return link.toString()
  })
}

/** A PKCE S256 code challenge: the base64url SHA-256 of the verifier (43 characters). */
const checkCodeChallenge = (challenge: string | undefined): Effect.Effect<void, ApiFailure> =>
  challenge === undefined || /^[A-Za-z0-9_-]{43}$/.test(challenge)
    ? Effect.void
    : fail("invalid_pkce_code_challenge", "code_challenge must be the base64url SHA-256 of the code verifier.", 400)

const checkCodeVerifier = (challenge: string | undefined, verifier: string | undefined): Effect.Effect<void, ApiFailure> => {
  if (challenge === undefined) {
    return verifier === undefined
      ? Effect.void
      : fail("pkce_did_not_expect_code_verifier", "This flow was not started with a code_challenge.", 400)
  }
  if (verifier === undefined) return fail("pkce_expected_code_verifier", undefined, 400)
  const computed = createHash("sha256").update(verifier).digest("base64url")
  return computed === challenge ? Effect.void : fail("pkce_mismatch", undefined, 400)
}

// ---------------------------------------------------------------------------------------------------------------
// Issuing links

/** Stores an email link token and puts the email in the outbox. Call in the commit block. */
const issueEmailLink = (
  ctx: Ctx,
  options: {
    readonly kind: LinkKind
    readonly user: UserRecord
    readonly email: EmailRecord
    readonly link: (token: string) => string
    readonly minutes: number
    readonly attributes: TokenRecord["attributes"]
    readonly code_challenge: string | undefined
    readonly locale: string | undefined
  }
): void => {
  const token = newToken()
  ctx.store.putToken({
    token,
    kind: options.kind,
    user_id: options.user.user_id,
    email: options.email.email,
    email_id: options.email.email_id,
    expires_at: ctx.now + options.minutes * 60_000,
    used: false,
    ...(options.attributes === undefined ? {} : { attributes: options.attributes }),
    ...(options.code_challenge === undefined ? {} : { code_challenge: options.code_challenge })
  })
  deliver(ctx, {
    channel: "email",
    to: options.email.email,
    kind: `magic_link_${options.kind}`,
    user_id: options.user.user_id,
    token,
    url: options.link(token),
    ...(options.locale === undefined ? {} : { locale: options.locale })
  })
}

// ---------------------------------------------------------------------------------------------------------------
// Handlers

/**
 * Sends a sign-up link (new or pending user) or a login link (active user). `send` needs an existing user (and may
 * add a new email to a named one); `loginOrCreate` creates the user when the email is unknown.
 */
const sendLink = <A>(
  mode: "send" | "loginOrCreate",
  answer: (ids: { user_id: string; email_id: string }, created: boolean) => A
) =>
(ctx: Ctx, req: MagicLinksEmailLoginOrCreateRequest & MagicLinksEmailSendRequest) =>
  Effect.gen(function*() {
    const locale = yield* checkLocale(req.locale)
    const loginMinutes = yield* minutes(req.login_expiration_minutes, "login_expiration_minutes", 60)
    const signupMinutes = yield* minutes(req.signup_expiration_minutes, "signup_expiration_minutes", 60)
    yield* checkCodeChallenge(req.code_challenge)
    const recipient = mode === "send"
      ? { ...yield* emailForSend(ctx, req.email, req), created: false }
      : yield* emailForLoginOrCreate(ctx, req.email, req.create_user_as_pending === true)
    const kind: LinkKind = recipient.user.status === "pending" || recipient.created ? "signup" : "login"
    const link = yield* linkFor(ctx, kind, kind === "login" ? req.login_magic_link_url : req.signup_magic_link_url)

    const email = recipient.commit()
    issueEmailLink(ctx, {
      kind,
      user: recipient.user,
      email,
      link,
      minutes: kind === "login" ? loginMinutes : signupMinutes,
      attributes: sendAttributes(req.attributes),
      code_challenge: req.code_challenge,
      locale
    })
    return answer({ user_id: recipient.user.user_id, email_id: email.email_id }, recipient.created)
  })

const send: Handler<"magicLinks.email.send"> = sendLink("send", (ids) => ids)
const loginOrCreate: Handler<"magicLinks.email.loginOrCreate"> = sendLink(
  "loginOrCreate",
  (ids, user_created) => ({ ...ids, user_created })
)

/** Metadata of a new user: `null` values mean "no key" (as in users.create). */
const metadata = (patch: Record<string, unknown> | undefined): Record<string, unknown> =>
  Object.fromEntries(Object.entries(patch ?? {}).filter(([, v]) => v !== null))

/**
 * Creates a pending user and emails them an invite link. An active user with the email cannot be invited
 * (`duplicate_email`); a user still pending is sent a new invite, their profile untouched.
 */
const invite: Handler<"magicLinks.email.invite"> = (ctx, req) =>
  Effect.gen(function*() {
    const { store } = ctx
    yield* checkEmail(req.email)
    const locale = yield* checkLocale(req.locale)
    const inviteMinutes = yield* minutes(req.invite_expiration_minutes, "invite_expiration_minutes", 10080)
    const owner = store.userByEmail(req.email)
    if (owner !== undefined && owner.status === "active") return yield* fail("duplicate_email")
    const link = yield* linkFor(ctx, "invite", req.invite_magic_link_url)

    let user: UserRecord
    let email: EmailRecord
    if (owner !== undefined) {
      user = owner
      email = owner.emails.find((e) => e.email.toLowerCase() === req.email.toLowerCase())!
    } else {
      user = newUser(ctx, "pending")
      if (req.name !== undefined) user.name = { ...req.name }
      user.trusted_metadata = metadata(req.trusted_metadata)
      user.untrusted_metadata = metadata(req.untrusted_metadata)
      email = addEmail(store, user, req.email, false)
      insertUser(store, user)
    }
    issueEmailLink(ctx, {
      kind: "invite",
      user,
      email,
      link,
      minutes: inviteMinutes,
      attributes: sendAttributes(req.attributes),
      code_challenge: undefined,
      locale
    })
    return { user_id: user.user_id, email_id: email.email_id }
  })

/**
 * Revokes a pending invite: the invited user (still pending, with an invite link on record) is deleted, and with
 * them every link they were sent. An email with no pending invite behind it answers `email_not_found`.
 */
const revokeInvite: Handler<"magicLinks.email.revokeInvite"> = (ctx, req) =>
  Effect.gen(function*() {
    const { store } = ctx
    yield* checkEmail(req.email)
    const user = store.userByEmail(req.email)
    if (user === undefined) return yield* fail("email_not_found")
    const invited = user.status === "pending" &&
      [...store.tokens.values()].some((t) => t.kind === "invite" && t.user_id === user.user_id)
    if (!invited) return yield* fail("email_not_found", "No pending invite was found for this email.", 404)
    store.deleteUser(user)
    return {}
  })

/** An embeddable link: a token for a user, delivered by the caller (nothing is emailed). */
const create: Handler<"magicLinks.create"> = (ctx, req) =>
  Effect.gen(function*() {
    const expiration = yield* minutes(req.expiration_minutes, "expiration_minutes", 60)
    const user = yield* getUser(ctx.store, req.user_id)
    const token = newToken()
    const attributes = sendAttributes(req.attributes)
    ctx.store.putToken({
      token,
      kind: "embedded",
      user_id: user.user_id,
      expires_at: ctx.now + expiration * 60_000,
      used: false,
      ...(attributes === undefined ? {} : { attributes }),
      // The session factor of an embeddable link names the link, not an email.
      data: { embedded_id: newId("embedded", ctx.store.settings.projectId) }
    })
    return { user_id: user.user_id, token }
  })

const MAGIC_LINK_KINDS: ReadonlySet<TokenRecord["kind"]> = new Set(["login", "signup", "invite", "embedded"])

const authenticate: Handler<"magicLinks.authenticate"> = (ctx, req) =>
  Effect.gen(function*() {
    const record = ctx.store.tokens.get(req.token)
    if (record === undefined || !MAGIC_LINK_KINDS.has(record.kind)) return yield* fail("magic_link_not_found")
    if (record.used || record.expires_at <= ctx.now) return yield* fail("unable_to_auth_magic_link")
    const user = ctx.store.users.get(record.user_id)
    if (user === undefined) return yield* fail("magic_link_not_found")
    const embedded = record.kind === "embedded"
    const email = embedded ? undefined : user.emails.find((e) => e.email_id === record.email_id)
    if (!embedded && email === undefined) {
      // The email was removed since the link was sent (deleted, or an added email whose 5 minutes ran out).
      return yield* fail(
        "unable_to_auth_magic_link",
        "The magic link could not be authenticated because the email it was sent to is no longer on the user.",
        401
      )
    }
    yield* checkCodeVerifier(record.code_challenge, req.code_verifier)
    yield* checkAttributeMatch(record.attributes, req)
    const embedded_id = String(record.data?.embedded_id ?? "")
    const newFactor = email === undefined
      ? factor(ctx, "magic_link", "embedded", { embeddable_magic_link_factor: { embedded_id } })
      : factor(ctx, "magic_link", "email", { email_factor: { email_id: email.email_id, email_address: email.email } })
    const startSession = yield* prepareSession(ctx, user, newFactor, req)

    // Commit. An embeddable link proves nothing about the user's email, so it verifies no factor; it still
    // authenticates the user, so a pending user becomes active.
    record.used = true
    if (email === undefined) {
      if (user.status === "pending") user.status = "active"
    } else {
      verifyFactor(user, email)
      markPasswordlessEmailAuth(user, email.email)
    }
    const started = startSession()
    return {
      user_id: user.user_id,
      method_id: email?.email_id ?? embedded_id,
      reset_sessions: false,
      user: userWire(user),
      ...started
    }
  })

export const magicLinksHandlers = {
  "magicLinks.authenticate": authenticate,
  "magicLinks.create": create,
  "magicLinks.email.send": send,
  "magicLinks.email.loginOrCreate": loginOrCreate,
  "magicLinks.email.invite": invite,
  "magicLinks.email.revokeInvite": revokeInvite
} satisfies AreaHandlers
