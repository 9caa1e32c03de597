/**
 * One-time passcodes by SMS, WhatsApp and email: send (to an existing user, or adding a new factor to a named user),
 * loginOrCreate, and authenticate (expiry, single use, attempt limit, IP / user-agent match, sessions).
 *
 * One live code per method_id (email_id or phone_id): a new send replaces the previous code.
 */
import * as Effect from "effect/Effect"
import type {
  OTPsEmailLoginOrCreateRequest,
  OTPsEmailSendRequest,
  OTPsSmsLoginOrCreateRequest,
  OTPsSmsSendRequest
} from "../../../src/schemas/Models.js"
import { type ApiFailure, type AreaHandlers, type Ctx, fail, type Handler, isId } from "../internal/contract.js"
import { type EmailRecord, newCode, type OtpRecord, type PhoneRecord, type UserRecord } from "../internal/store.js"
import { factor, markPasswordlessEmailAuth, prepareSession, userWire } from "./common.js"
import {
  checkAttributeMatch,
  checkLocale,
  checkMinutes,
  deliver,
  emailForLoginOrCreate,
  emailForSend,
  phoneForLoginOrCreate,
  phoneForSend,
  type Recipient,
  sendAttributes,
  verifyFactor
} from "./passwordless.js"

type Channel = OtpRecord["channel"]

/** Docs: 1 to 10 minutes; 2 by default for SMS and WhatsApp, 10 for email. */
const DEFAULT_MINUTES: Record<Channel, number> = { sms: 2, whatsapp: 2, email: 10 }

const checkExpiration = (channel: Channel, value: number | undefined) =>
  checkMinutes(value, {
    field: "expiration_minutes",
    fallback: DEFAULT_MINUTES[channel],
    min: 1,
    max: 10,
    error_type: "invalid_expiration_otp"
  })

/** Replaces the method's code with a new one and puts the message in the outbox. Call in the commit block. */
const issueCode = (
  ctx: Ctx,
  options: {
    readonly channel: Channel
    readonly user: UserRecord
    readonly method_id: string
    readonly to: string
    readonly minutes: number
    readonly attributes: OtpRecord["attributes"]
    readonly locale: string | undefined
  }
): void => {
  const code = newCode()
  ctx.store.putOtp({
    method_id: options.method_id,
    user_id: options.user.user_id,
    channel: options.channel,
    code,
    expires_at: ctx.now + options.minutes * 60_000,
    attempts: 0,
    used: false,
    ...(options.attributes === undefined ? {} : { attributes: options.attributes })
  })
  deliver(ctx, {
    channel: options.channel,
    to: options.to,
    kind: "otp",
    user_id: options.user.user_id,
    code,
    method_id: options.method_id,
    ...(options.locale === undefined ? {} : { locale: options.locale })
  })
}

/** The request fields every send and loginOrCreate has. */
type SendFields = Pick<OTPsSmsSendRequest, "locale" | "expiration_minutes" | "attributes">

/**
 * The shape every send and loginOrCreate shares: check the request, resolve the recipient, then (nothing having
 * failed) store the factor and the code.
 */
const sendCode = <R, Req extends SendFields, A>(
  channel: Channel,
  resolve: (ctx: Ctx, req: Req) => Effect.Effect<Recipient<R>, ApiFailure>,
  address: (record: R) => { readonly method_id: string; readonly to: string },
  answer: (user: UserRecord, method_id: string, created: boolean) => A
) =>
(ctx: Ctx, req: Req) =>
  Effect.gen(function*() {
    const locale = yield* checkLocale(req.locale)
    const minutes = yield* checkExpiration(channel, req.expiration_minutes)
    const recipient = yield* resolve(ctx, req)

    const { method_id, to } = address(recipient.commit())
    issueCode(ctx, {
      channel,
      user: recipient.user,
      method_id,
      to,
      minutes,
      attributes: sendAttributes(req.attributes),
      locale
    })
    return answer(recipient.user, method_id, recipient.created)
  })

const phoneAddress = (p: PhoneRecord) => ({ method_id: p.phone_id, to: p.phone_number })
const emailAddress = (e: EmailRecord) => ({ method_id: e.email_id, to: e.email })

const phoneSend = (channel: "sms" | "whatsapp") =>
  sendCode(
    channel,
    (ctx, req: OTPsSmsSendRequest) => phoneForSend(ctx, req.phone_number, req),
    phoneAddress,
    (user, phone_id) => ({ user_id: user.user_id, phone_id })
  )

const phoneLoginOrCreate = (channel: "sms" | "whatsapp") =>
  sendCode(
    channel,
    (ctx, req: OTPsSmsLoginOrCreateRequest) =>
      phoneForLoginOrCreate(ctx, req.phone_number, req.create_user_as_pending === true),
    phoneAddress,
    (user, phone_id, user_created) => ({ user_id: user.user_id, phone_id, user_created })
  )

const emailSend = sendCode(
  "email",
  (ctx, req: OTPsEmailSendRequest) => emailForSend(ctx, req.email, req),
  emailAddress,
  (user, email_id) => ({ user_id: user.user_id, email_id })
)

const emailLoginOrCreate = sendCode(
  "email",
  (ctx, req: OTPsEmailLoginOrCreateRequest) => emailForLoginOrCreate(ctx, req.email, req.create_user_as_pending === true),
  emailAddress,
  (user, email_id, user_created) => ({ user_id: user.user_id, email_id, user_created })
)

/**
 * Failure order: no code for the method -> `otp_code_not_found`; used, expired or burnt by too many wrong attempts
 * -> `unable_to_auth_otp_code`; wrong code -> `otp_code_not_found` and one attempt counted (the only state a
 * failed request changes: that is the point of the limit).
 */
const authenticate: Handler<"otps.authenticate"> = (ctx, req) =>
  Effect.gen(function*() {
    const { store } = ctx
    const record = store.otps.get(req.method_id)
    if (record === undefined) {
      // A method_id is an email_id or a phone_id; anything else is malformed (400).
      const wellFormed = isId(req.method_id, "email") || isId(req.method_id, "phone-number")
      return yield* fail(wellFormed ? "otp_code_not_found" : "invalid_method_id")
    }
    if (record.used || record.expires_at <= ctx.now || record.attempts >= store.settings.otpMaxAttempts) {
      return yield* fail("unable_to_auth_otp_code")
    }
    const user = store.users.get(record.user_id)
    const email = user?.emails.find((e) => e.email_id === record.method_id)
    const phone = user?.phone_numbers.find((p) => p.phone_id === record.method_id)
    if (user === undefined || (email === undefined && phone === undefined)) return yield* fail("otp_code_not_found")
    if (req.code !== record.code) {
      record.attempts += 1
      return yield* fail("otp_code_not_found")
    }
    yield* checkAttributeMatch(record.attributes, req)
    const newFactor = email !== undefined
      ? factor(ctx, "otp", "email", { email_factor: { email_id: email.email_id, email_address: email.email } })
      : factor(ctx, "otp", record.channel, {
        phone_number_factor: { phone_id: phone!.phone_id, phone_number: phone!.phone_number }
      })
    const startSession = yield* prepareSession(ctx, user, newFactor, req)

    record.used = true
    verifyFactor(user, (email ?? phone)!)
    if (email !== undefined) markPasswordlessEmailAuth(user, email.email)
    const started = startSession()
    return {
      user_id: user.user_id,
      method_id: record.method_id,
      reset_sessions: false,
      user: userWire(user),
      ...started
    }
  })

export const otpsHandlers = {
  "otps.authenticate": authenticate,
  "otps.sms.send": phoneSend("sms"),
  "otps.sms.loginOrCreate": phoneLoginOrCreate("sms"),
  "otps.whatsapp.send": phoneSend("whatsapp"),
  "otps.whatsapp.loginOrCreate": phoneLoginOrCreate("whatsapp"),
  "otps.email.send": emailSend,
  "otps.email.loginOrCreate": emailLoginOrCreate
} satisfies AreaHandlers
