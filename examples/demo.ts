/**
 * The README's demo: the SDK against the embedded emulator, over real HTTP on loopback.
 *
 *   npm run demo
 *
 * It starts the emulator on 127.0.0.1 (a free port), points the SDK at it with `FetchClient`, and walks real
 * flows: passwords and sessions, local and remote JWT checks, a typed failure, a reset through the outbox, search,
 * then passwordless (magic link, SMS OTP) and a TOTP second factor.
 */
import * as Console from "effect/Console"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Stream from "effect/Stream"
import { createHmac } from "node:crypto"
import { FetchClient, MagicLinks, OTPs, Passwords, Sessions, Stytch, TOTPs, Users } from "../src/index.js"
import { StytchEmulator } from "effect-stytch/testing"

const step = (title: string) => Console.log(`\n== ${title}`)
const show = (label: string, value: unknown) => Console.log(`   ${label}: ${typeof value === "string" ? value : JSON.stringify(value)}`)

/** The outbox through the emulator's REST controls, as any HTTP client (or a browser) would read it. */
const latestMessage = (url: string, to: string, kind: string) =>
  Effect.promise(async () => {
    const response = await fetch(`${url}/emulator/v1/outbox?to=${encodeURIComponent(to)}&kind=${kind}`)
    const { messages } = await response.json() as { messages: Array<{ token?: string; code?: string; url?: string; method_id?: string }> }
    const message = messages.at(-1)
    if (message === undefined) throw new Error(`no ${kind} message for ${to}`)
    return message
  })

/** RFC 6238 TOTP (SHA-1, 30 s, 6 digits): what the user's authenticator app computes. */
const totp = (base32: string, millis: number) => {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
  let bits = ""
  for (const c of base32.replace(/=+$/, "")) bits += alphabet.indexOf(c).toString(2).padStart(5, "0")
  const key = Buffer.from(bits.match(/.{8}/g)!.map((b) => parseInt(b, 2)))
  const counter = Buffer.alloc(8)
  counter.writeBigUInt64BE(BigInt(Math.floor(millis / 30_000)))
  const mac = createHmac("sha1", key).update(counter).digest()
  const offset = mac[mac.length - 1]! & 0xf
  return String((mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000).padStart(6, "0")
}

const demo = (url: string) =>
  Effect.gen(function*() {
    const users = yield* Users.Users
    const sessions = yield* Sessions.Sessions
    const passwords = yield* Passwords.Passwords
    const magicLinks = yield* MagicLinks.MagicLinks
    const otps = yield* OTPs.OTPs
    const totps = yield* TOTPs.TOTPs
    const email = `ada.${Date.now()}@example.com`

    yield* step("Create a user with a password and a 60-minute session")
    const created = yield* passwords.create({ email, password: "correct horse battery staple 42", session_duration_minutes: 60 })
    yield* show("user_id", created.user_id)
    yield* show("session_token", `${created.session_token?.slice(0, 12)}...`)

    yield* step("Verify the session JWT locally (JWKS fetched once, then cached), then remotely")
    const local = yield* sessions.authenticateJwtLocal({ session_jwt: created.session_jwt! })
    yield* show("local session_id", local.session_id)
    const remote = yield* sessions.authenticate({ session_token: created.session_token! })
    yield* show("remote factors", remote.session.authentication_factors.map((f) => f.type))

    yield* step("A typed failure, caught by its tag")
    const outcome = yield* passwords.authenticate({ email, password: "not the password" }).pipe(
      Effect.as("unexpectedly accepted"),
      Effect.catchTag("UnauthorizedCredentials", (e) => Effect.succeed(`${e._tag}: ${e.error_message}`))
    )
    yield* show("caught", outcome)

    yield* step("Reset the password through the outbox")
    yield* passwords.email.resetStart({ email })
    const resetMail = yield* latestMessage(url, email, "password_reset")
    yield* show("reset link", resetMail.url)
    yield* passwords.email.reset({ token: resetMail.token!, password: "a brand new passphrase 2026!" })
    const again = yield* passwords.authenticate({ email, password: "a brand new passphrase 2026!", session_duration_minutes: 30 })
    yield* show("signed in again, user_id", again.user_id)
    const old = yield* sessions.authenticate({ session_token: created.session_token! }).pipe(Effect.flip)
    yield* show("the old session after the reset", old._tag)

    yield* step("Search users by email domain (a Stream that follows the cursor)")
    yield* users.create({ email: `grace.${Date.now()}@example.com`, name: { first_name: "Grace" } })
    const found = yield* users.searchAll({
      limit: 1,
      query: { operator: "AND", operands: [{ filter_name: "email_address_fuzzy", filter_value: "example.com" }] }
    }).pipe(Stream.runCollect)
    yield* show("users found", found.length)

    yield* step("Passwordless: a magic link from the outbox")
    const linkEmail = `linus.${Date.now()}@example.com`
    const sent = yield* magicLinks.email.loginOrCreate({ email: linkEmail })
    yield* show("user_created", sent.user_created)
    const link = yield* latestMessage(url, linkEmail, "magic_link_signup")
    const byLink = yield* magicLinks.authenticate({ token: link.token!, session_duration_minutes: 60 })
    yield* show("session from the magic link", byLink.session?.session_id)

    yield* step("Passwordless: a one-time passcode by SMS")
    const phone = `+1415555${String(Date.now() % 10_000).padStart(4, "0")}`
    const otpSent = yield* otps.sms.loginOrCreate({ phone_number: phone })
    const sms = yield* latestMessage(url, phone, "otp")
    yield* show("code in the SMS", sms.code)
    const byOtp = yield* otps.authenticate({ method_id: otpSent.phone_id, code: sms.code!, session_duration_minutes: 60 })
    yield* show("phone verified", byOtp.user.phone_numbers[0]?.verified)

    yield* step("Second factor: TOTP on the magic-link user's session")
    const enrolled = yield* totps.create({ user_id: byLink.user_id })
    yield* show("qr_code", `${enrolled.qr_code.slice(0, 30)}...`)
    const code = totp(enrolled.secret, Date.now())
    const mfa = yield* totps.authenticate({
      user_id: byLink.user_id,
      totp_code: code,
      session_token: byLink.session_token
    })
    yield* show("session factors", mfa.session?.authentication_factors.map((f) => f.type))
    yield* Console.log("\nDemo finished.")
  })

const program = Effect.gen(function*() {
  const emulator = yield* StytchEmulator.StytchEmulator
  const server = yield* StytchEmulator.EmulatorServer
  yield* Console.log(`Stytch emulator listening on ${server.url}`)
  const sdk = Stytch.layer({
    projectId: emulator.projectId,
    secret: emulator.secret,
    baseUrl: server.url,
    fraudBaseUrl: server.url
  }).pipe(Layer.provide(FetchClient.layer))
  yield* demo(server.url).pipe(Effect.provide(sdk))
}).pipe(Effect.provide(StytchEmulator.layerServer({ port: 0 })))

Effect.runPromise(program).then(
  () => process.exit(0),
  (error) => {
    console.error("Demo failed:", error)
    process.exit(1)
  }
)
