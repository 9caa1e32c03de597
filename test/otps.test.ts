/**
 * One-time passcodes through the SDK against the in-process emulator: SMS, WhatsApp and email sends and
 * loginOrCreate, authenticate (expiry, single use, replacement by a new send, attempt limit, attribute matching,
 * sessions and custom claims), E.164 validation, locales, the 5-minute rule for factors added to an existing user,
 * and the pre-hijack rule for email OTPs.
 */
import { assert, describe, expect, layer } from "@effect/vitest"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"
import * as TestClock from "effect/TestClock"
import { randomUUID } from "node:crypto"
import { OTPs, Passwords, Users } from "../src/index.js"
import { StytchEmulator } from "effect-stytch/testing"
import { expectFailure, snapshot, STRONG_PASSWORD, uniqueEmail } from "./support.js"

// ---------------------------------------------------------------------------------------------------------------
// Helpers (local to this file)



let phoneCounter = 0
/** A fresh E.164 US number per call. */
const uniquePhone = () => `+1415555${String(phoneCounter++).padStart(4, "0")}`

/** The newest code the emulator "sent" to `to`. */
const latestCode = (to: string) =>
  Effect.gen(function*() {
    const emulator = yield* StytchEmulator.StytchEmulator
    const message = yield* emulator.latestMessage({ to, kind: "otp" })
    assert(message !== undefined && message.code !== undefined && message.method_id !== undefined, `no code for ${to}`)
    return { ...message, code: message.code, method_id: message.method_id }
  })

/** A 6-digit code that is not `code`. */
const wrongCode = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, "0")



// ---------------------------------------------------------------------------------------------------------------

layer(StytchEmulator.layerStytch())("OTPs", (it) => {
  describe("SMS", () => {
    it.effect("loginOrCreate -> code from the outbox -> authenticate -> session, phone verified", () =>
      Effect.gen(function*() {
        const otps = yield* OTPs.OTPs
        const users = yield* Users.Users
        const phone_number = uniquePhone()
        const sent = yield* otps.sms.loginOrCreate({ phone_number, locale: "pt-br" })
        expect(sent.user_created).toBe(true)
        const message = yield* latestCode(phone_number)
        expect(message).toMatchObject({ channel: "sms", kind: "otp", method_id: sent.phone_id, user_id: sent.user_id })
        expect(message.locale).toBe("pt-br")
        expect(message.code).toMatch(/^\d{6}$/)
        const before = yield* users.get({ user_id: sent.user_id })
        expect(before.phone_numbers).toEqual([{ phone_id: sent.phone_id, phone_number, verified: false }])

        const auth = yield* otps.authenticate({
          method_id: sent.phone_id,
          code: message.code,
          session_duration_minutes: 60
        })
        expect(auth).toMatchObject({ user_id: sent.user_id, method_id: sent.phone_id, reset_sessions: false })
        expect(auth.user.phone_numbers[0]!.verified).toBe(true)
        const f = auth.session?.authentication_factors[0]
        expect(f?.type).toBe("otp")
        expect(f?.delivery_method).toBe("sms")
        expect(f?.phone_number_factor).toEqual({ phone_id: sent.phone_id, phone_number })
        expect(auth.session_token).not.toBe("")

        const again = yield* otps.sms.loginOrCreate({ phone_number })
        expect(again).toMatchObject({ user_created: false, user_id: sent.user_id, phone_id: sent.phone_id })
      }))

    it.effect("send reaches an existing user; a code is single use", () =>
      Effect.gen(function*() {
        const otps = yield* OTPs.OTPs
        const users = yield* Users.Users
        const phone_number = uniquePhone()
        const created = yield* users.create({ phone_number })
        const sent = yield* otps.sms.send({ phone_number })
        expect(sent).toEqual(expect.objectContaining({ user_id: created.user_id, phone_id: created.phone_id }))
        const { code } = yield* latestCode(phone_number)
        yield* otps.authenticate({ method_id: sent.phone_id, code })
        const before = yield* snapshot
        const e = yield* otps.authenticate({ method_id: sent.phone_id, code }).pipe(expectFailure)
        assert(e._tag === "UnableToAuthOtpCode")
        expect(e.status_code).toBe(401)
        expect(yield* snapshot).toBe(before)
      }))

    it.effect("send to an unknown number -> PhoneNumberNotFound; malformed numbers -> InvalidPhoneNumber", () =>
      Effect.gen(function*() {
        const otps = yield* OTPs.OTPs
        const before = yield* snapshot
        expect((yield* otps.sms.send({ phone_number: uniquePhone() }).pipe(expectFailure))._tag).toBe("PhoneNumberNotFound")
        for (const phone_number of ["4155550100", "+1 415 555 0100", "+0123456789", "+1", "phone"]) {
          expect((yield* otps.sms.send({ phone_number }).pipe(expectFailure))._tag).toBe("InvalidPhoneNumber")
          expect((yield* otps.sms.loginOrCreate({ phone_number }).pipe(expectFailure))._tag).toBe("InvalidPhoneNumber")
        }
        expect(yield* snapshot).toBe(before)
      }))

    it.effect("a new send invalidates the previous code", () =>
      Effect.gen(function*() {
        const otps = yield* OTPs.OTPs
        const phone_number = uniquePhone()
        const { phone_id } = yield* otps.sms.loginOrCreate({ phone_number })
        const old = (yield* latestCode(phone_number)).code
        // Codes are random: resend until the new one differs, so the old one is really a different code.
        let fresh = old
        while (fresh === old) {
          yield* otps.sms.send({ phone_number })
          fresh = (yield* latestCode(phone_number)).code
        }
        const e = yield* otps.authenticate({ method_id: phone_id, code: old }).pipe(expectFailure)
        assert(e._tag === "OtpCodeNotFound")
        expect(e.status_code).toBe(404)
        yield* otps.authenticate({ method_id: phone_id, code: fresh })
      }))

    it.effect("after 5 wrong attempts the code is burnt, even for the right code", () =>
      Effect.gen(function*() {
        const otps = yield* OTPs.OTPs
        const users = yield* Users.Users
        const phone_number = uniquePhone()
        const { phone_id, user_id } = yield* otps.sms.loginOrCreate({ phone_number })
        const { code } = yield* latestCode(phone_number)
        for (let i = 0; i < 5; i++) {
          expect((yield* otps.authenticate({ method_id: phone_id, code: wrongCode(code) }).pipe(expectFailure))._tag)
            .toBe("OtpCodeNotFound")
        }
        expect((yield* otps.authenticate({ method_id: phone_id, code }).pipe(expectFailure))._tag).toBe("UnableToAuthOtpCode")
        expect((yield* users.get({ user_id })).phone_numbers[0]!.verified).toBe(false)
        // A new code starts a new count.
        yield* otps.sms.send({ phone_number })
        yield* otps.authenticate({ method_id: phone_id, code: (yield* latestCode(phone_number)).code })
      }))

    it.effect("4 wrong attempts still leave the right code usable", () =>
      Effect.gen(function*() {
        const otps = yield* OTPs.OTPs
        const phone_number = uniquePhone()
        const { phone_id } = yield* otps.sms.loginOrCreate({ phone_number })
        const { code } = yield* latestCode(phone_number)
        for (let i = 0; i < 4; i++) {
          yield* otps.authenticate({ method_id: phone_id, code: wrongCode(code) }).pipe(expectFailure)
        }
        const auth = yield* otps.authenticate({ method_id: phone_id, code })
        expect(auth.method_id).toBe(phone_id)
      }))

    it.effect("codes expire after 2 minutes by default, expiration_minutes otherwise (1..10)", () =>
      Effect.gen(function*() {
        const otps = yield* OTPs.OTPs
        const short = uniquePhone()
        const long = uniquePhone()
        const a = yield* otps.sms.loginOrCreate({ phone_number: short })
        const b = yield* otps.sms.loginOrCreate({ phone_number: long, expiration_minutes: 10 })
        const shortCode = (yield* latestCode(short)).code
        const longCode = (yield* latestCode(long)).code
        yield* TestClock.adjust(Duration.minutes(2))
        expect((yield* otps.authenticate({ method_id: a.phone_id, code: shortCode }).pipe(expectFailure))._tag)
          .toBe("UnableToAuthOtpCode")
        yield* TestClock.adjust(Duration.minutes(7))
        yield* otps.authenticate({ method_id: b.phone_id, code: longCode })

        const before = yield* snapshot
        for (const expiration_minutes of [0, 11, 1.5]) {
          const e = yield* otps.sms.loginOrCreate({ phone_number: uniquePhone(), expiration_minutes }).pipe(expectFailure)
          expect(e._tag).toBe("InvalidExpirationOtp")
        }
        expect(yield* snapshot).toBe(before)
      }))

    it.effect("an unknown (well-formed) method_id fails with OtpCodeNotFound", () =>
      Effect.gen(function*() {
        const otps = yield* OTPs.OTPs
        const e = yield* otps.authenticate({ method_id: `phone-number-test-${randomUUID()}`, code: "123456" }).pipe(expectFailure)
        expect(e._tag).toBe("OtpCodeNotFound")
      }))

    it.effect("locales: the documented ones are accepted and recorded, others refused", () =>
      Effect.gen(function*() {
        const otps = yield* OTPs.OTPs
        const phone_number = uniquePhone()
        yield* otps.sms.loginOrCreate({ phone_number })
        for (const locale of ["en", "es", "pt-br", "fr", "it", "de-DE", "zh-Hans", "ca-ES"]) {
          yield* otps.sms.send({ phone_number, locale })
          expect((yield* latestCode(phone_number)).locale).toBe(locale)
        }
        const before = yield* snapshot
        expect((yield* otps.sms.send({ phone_number, locale: "klingon" }).pipe(expectFailure))._tag).toBe("InvalidLocale")
        expect(yield* snapshot).toBe(before)
      }))

    it.effect("create_user_as_pending: authenticating activates the pending user", () =>
      Effect.gen(function*() {
        const otps = yield* OTPs.OTPs
        const users = yield* Users.Users
        const phone_number = uniquePhone()
        const sent = yield* otps.sms.loginOrCreate({ phone_number, create_user_as_pending: true })
        expect((yield* users.get({ user_id: sent.user_id })).status).toBe("pending")
        const auth = yield* otps.authenticate({ method_id: sent.phone_id, code: (yield* latestCode(phone_number)).code })
        expect(auth.user.status).toBe("active")
      }))

    it.effect("ip / user-agent match options compare with the attributes of the send", () =>
      Effect.gen(function*() {
        const otps = yield* OTPs.OTPs
        const phone_number = uniquePhone()
        const { phone_id } = yield* otps.sms.loginOrCreate({ phone_number, attributes: { ip_address: "203.0.113.9" } })
        const { code } = yield* latestCode(phone_number)
        const options = { ip_match_required: true, user_agent_match_required: false }
        const before = yield* snapshot
        const e = yield* otps.authenticate({ method_id: phone_id, code, options, attributes: { ip_address: "10.0.0.1" } })
          .pipe(expectFailure)
        expect(e._tag).toBe("AttributeMismatch")
        expect(yield* snapshot).toBe(before)
        yield* otps.authenticate({ method_id: phone_id, code, options, attributes: { ip_address: "203.0.113.9" } })
      }))
  })

  describe("WhatsApp", () => {
    it.effect("loginOrCreate and send deliver by WhatsApp; the session factor says so", () =>
      Effect.gen(function*() {
        const otps = yield* OTPs.OTPs
        const phone_number = uniquePhone()
        const created = yield* otps.whatsapp.loginOrCreate({ phone_number })
        expect(created.user_created).toBe(true)
        expect((yield* latestCode(phone_number)).channel).toBe("whatsapp")
        const sent = yield* otps.whatsapp.send({ phone_number, locale: "it" })
        expect(sent).toEqual(expect.objectContaining({ user_id: created.user_id, phone_id: created.phone_id }))
        const message = yield* latestCode(phone_number)
        expect(message).toMatchObject({ channel: "whatsapp", locale: "it" })
        const auth = yield* otps.authenticate({ method_id: sent.phone_id, code: message.code, session_duration_minutes: 5 })
        const f = auth.session?.authentication_factors[0]
        expect(f?.delivery_method).toBe("whatsapp")
        expect(f?.phone_number_factor?.phone_number).toBe(phone_number)
      }))

    it.effect("whatsapp.send to an unknown or malformed number fails", () =>
      Effect.gen(function*() {
        const otps = yield* OTPs.OTPs
        const before = yield* snapshot
        expect((yield* otps.whatsapp.send({ phone_number: uniquePhone() }).pipe(expectFailure))._tag)
          .toBe("PhoneNumberNotFound")
        expect((yield* otps.whatsapp.send({ phone_number: "555-0100" }).pipe(expectFailure))._tag).toBe("InvalidPhoneNumber")
        expect((yield* otps.whatsapp.loginOrCreate({ phone_number: uniquePhone(), expiration_minutes: 20 }).pipe(expectFailure))._tag)
          .toBe("InvalidExpirationOtp")
        expect(yield* snapshot).toBe(before)
      }))
  })

  describe("email", () => {
    it.effect("email loginOrCreate -> authenticate verifies the email; codes last 10 minutes by default", () =>
      Effect.gen(function*() {
        const otps = yield* OTPs.OTPs
        const email = uniqueEmail("otp")
        const sent = yield* otps.email.loginOrCreate({ email, locale: "de-DE" })
        expect(sent.user_created).toBe(true)
        const message = yield* latestCode(email)
        expect(message).toMatchObject({ channel: "email", kind: "otp", method_id: sent.email_id, locale: "de-DE" })
        yield* TestClock.adjust(Duration.minutes(9))
        const auth = yield* otps.authenticate({ method_id: sent.email_id, code: message.code, session_duration_minutes: 60 })
        expect(auth.user.emails[0]!.verified).toBe(true)
        const f = auth.session?.authentication_factors[0]
        expect(f?.delivery_method).toBe("email")
        expect(f?.email_factor).toEqual({ email_id: sent.email_id, email_address: email })

        yield* otps.email.send({ email })
        const late = (yield* latestCode(email)).code
        yield* TestClock.adjust(Duration.minutes(10))
        expect((yield* otps.authenticate({ method_id: sent.email_id, code: late }).pipe(expectFailure))._tag)
          .toBe("UnableToAuthOtpCode")
      }))

    it.effect("email.send to an unknown or malformed email fails", () =>
      Effect.gen(function*() {
        const otps = yield* OTPs.OTPs
        const before = yield* snapshot
        expect((yield* otps.email.send({ email: uniqueEmail("nobody") }).pipe(expectFailure))._tag).toBe("EmailNotFound")
        expect((yield* otps.email.send({ email: "nobody" }).pipe(expectFailure))._tag).toBe("InvalidEmail")
        expect((yield* otps.email.loginOrCreate({ email: uniqueEmail("x"), locale: "xx" }).pipe(expectFailure))._tag)
          .toBe("InvalidLocale")
        expect(yield* snapshot).toBe(before)
      }))

    it.effect("pre-hijack: an email OTP login makes an existing password require a reset", () =>
      Effect.gen(function*() {
        const otps = yield* OTPs.OTPs
        const passwords = yield* Passwords.Passwords
        const email = uniqueEmail("otphijack")
        const created = yield* passwords.create({ email, password: STRONG_PASSWORD })
        const sent = yield* otps.email.send({ email })
        expect(sent.user_id).toBe(created.user_id)
        yield* otps.authenticate({ method_id: sent.email_id, code: (yield* latestCode(email)).code })
        expect((yield* passwords.authenticate({ email, password: STRONG_PASSWORD }).pipe(expectFailure))._tag)
          .toBe("ResetPassword")
      }))
  })

  describe("adding a phone number or email to an existing user", () => {
    it.effect("an added phone number is removed after 5 minutes; then loginOrCreate creates a new user", () =>
      Effect.gen(function*() {
        const otps = yield* OTPs.OTPs
        const users = yield* Users.Users
        const owner = yield* users.create({ email: uniqueEmail("phoneowner") })
        const phone_number = uniquePhone()
        const sent = yield* otps.sms.send({ phone_number, user_id: owner.user_id })
        expect(sent.user_id).toBe(owner.user_id)
        const withPhone = yield* users.get({ user_id: owner.user_id })
        expect(withPhone.phone_numbers).toEqual([{ phone_id: sent.phone_id, phone_number, verified: false }])
        const { code } = yield* latestCode(phone_number)

        yield* TestClock.adjust(Duration.minutes(5))
        expect((yield* users.get({ user_id: owner.user_id })).phone_numbers).toEqual([])
        // The code went with the number.
        expect((yield* otps.authenticate({ method_id: sent.phone_id, code }).pipe(expectFailure))._tag)
          .toBe("OtpCodeNotFound")
        const other = yield* otps.sms.loginOrCreate({ phone_number })
        expect(other.user_created).toBe(true)
        expect(other.user_id).not.toBe(owner.user_id)
      }))

    it.effect("authenticated within 5 minutes, the added phone number is verified and stays", () =>
      Effect.gen(function*() {
        const otps = yield* OTPs.OTPs
        const users = yield* Users.Users
        const owner = yield* users.create({ email: uniqueEmail("phoneowner2") })
        const phone_number = uniquePhone()
        const sent = yield* otps.whatsapp.send({ phone_number, user_id: owner.user_id })
        yield* TestClock.adjust(Duration.minutes(1))
        yield* otps.authenticate({ method_id: sent.phone_id, code: (yield* latestCode(phone_number)).code })
        yield* TestClock.adjust(Duration.minutes(30))
        const user = yield* users.get({ user_id: owner.user_id })
        expect(user.phone_numbers).toEqual([{ phone_id: sent.phone_id, phone_number, verified: true }])
      }))

    it.effect("email.send with session_jwt adds an email to the session's user", () =>
      Effect.gen(function*() {
        const otps = yield* OTPs.OTPs
        const users = yield* Users.Users
        const phone_number = uniquePhone()
        const login = yield* otps.sms.loginOrCreate({ phone_number })
        const auth = yield* otps.authenticate({
          method_id: login.phone_id,
          code: (yield* latestCode(phone_number)).code,
          session_duration_minutes: 60
        })
        const email = uniqueEmail("addedbyjwt")
        const sent = yield* otps.email.send({ email, session_jwt: auth.session_jwt })
        expect(sent.user_id).toBe(login.user_id)
        const second = yield* otps.authenticate({
          method_id: sent.email_id,
          code: (yield* latestCode(email)).code,
          session_token: auth.session_token
        })
        // The session now has both factors.
        expect(second.session?.authentication_factors.map((f) => f.delivery_method).sort()).toEqual(["email", "sms"])
        const user = yield* users.get({ user_id: login.user_id })
        expect(user.emails).toEqual([{ email_id: sent.email_id, email, verified: true }])
      }))

    it.effect("a number or email of another user cannot be added (DuplicatePhoneNumber / DuplicateEmail)", () =>
      Effect.gen(function*() {
        const otps = yield* OTPs.OTPs
        const users = yield* Users.Users
        const a = yield* users.create({ email: uniqueEmail("dupowner") })
        const bPhone = uniquePhone()
        const bEmail = uniqueEmail("dupother")
        yield* users.create({ phone_number: bPhone, email: bEmail })
        const before = yield* snapshot
        expect((yield* otps.sms.send({ phone_number: bPhone, user_id: a.user_id }).pipe(expectFailure))._tag)
          .toBe("DuplicatePhoneNumber")
        expect((yield* otps.whatsapp.send({ phone_number: bPhone, user_id: a.user_id }).pipe(expectFailure))._tag)
          .toBe("DuplicatePhoneNumber")
        expect((yield* otps.email.send({ email: bEmail, user_id: a.user_id }).pipe(expectFailure))._tag)
          .toBe("DuplicateEmail")
        expect((yield* otps.sms.send({ phone_number: uniquePhone(), user_id: "user-test-nope" }).pipe(expectFailure))._tag)
          .toBe("InvalidUserId")
        expect(yield* snapshot).toBe(before)
      }))
  })

  describe("custom claims", () => {
    it.effect("authenticateWithClaims decodes session_custom_claims with a Schema", () =>
      Effect.gen(function*() {
        const otps = yield* OTPs.OTPs
        const phone_number = uniquePhone()
        const { phone_id } = yield* otps.sms.loginOrCreate({ phone_number })
        const Claims = Schema.Struct({ tenant: Schema.String, admin: Schema.Boolean })
        const auth = yield* otps.authenticateWithClaims({
          method_id: phone_id,
          code: (yield* latestCode(phone_number)).code,
          session_duration_minutes: 30,
          session_custom_claims: { tenant: "acme", admin: false }
        }, Claims)
        expect(auth.custom_claims).toEqual({ tenant: "acme", admin: false })

        yield* otps.sms.send({ phone_number })
        const e = yield* otps.authenticateWithClaims({
          method_id: phone_id,
          code: (yield* latestCode(phone_number)).code,
          session_token: auth.session_token,
          session_custom_claims: { admin: "yes" }
        }, Claims).pipe(expectFailure)
        expect(e._tag).toBe("StytchClaimsError")
      }))
  })
})
