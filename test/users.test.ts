/**
 * End-to-end tests of the Users service against the in-process emulator: every method, search filters and
 * pagination, typed failures (with the state checked unchanged afterwards), and concurrent creates.
 */
import { assert, describe, layer } from "@effect/vitest"
import * as Chunk from "effect/Chunk"
import * as Clock from "effect/Clock"
import * as Effect from "effect/Effect"
import * as Stream from "effect/Stream"
import * as TestClock from "effect/TestClock"
import { randomUUID } from "node:crypto"
import { StytchEmulator } from "effect-stytch/testing"
import { Passwords, Users } from "../src/index.js"
import type { SearchUsersQueryOperand } from "../src/schemas/Models.js"

/** A domain no other test uses, so searches can be scoped to one test's users (the emulator is shared). */
const uniqueDomain = () => `u${randomUUID().slice(0, 8)}.example.test`

/** Distinct E.164 numbers for this file: a random block, then a counter. */
let phoneCounter = Math.floor(Math.random() * 9_000_000)
const uniquePhone = () => `+1415${String(1_000_000 + (phoneCounter++ % 8_999_999)).padStart(7, "0")}`

/** An AND query scoped to one domain, plus the extra operands. */
const inDomain = (domain: string, ...operands: ReadonlyArray<SearchUsersQueryOperand>) => ({
  query: {
    operator: "AND",
    operands: [{ filter_name: "email_address_fuzzy", filter_value: domain }, ...operands]
  }
})

const idsOf = (users: ReadonlyArray<{ readonly user_id: string }>) => users.map((u) => u.user_id).sort()

layer(StytchEmulator.layerStytch())("Users", (it) => {
  describe("create and get", () => {
    it.effect("create stores every field and get returns them", () =>
      Effect.gen(function*() {
        const users = yield* Users.Users
        const domain = uniqueDomain()
        const email = `ada@${domain}`
        const phone = uniquePhone()
        const externalId = `ext-${randomUUID()}`
        const created = yield* users.create({
          email,
          phone_number: phone,
          name: { first_name: "Ada", middle_name: "King", last_name: "Lovelace" },
          trusted_metadata: { plan: "pro", seats: 3 },
          untrusted_metadata: { theme: "dark" },
          external_id: externalId,
          roles: ["admin"],
          create_user_as_pending: true
        })
        assert.strictEqual(created.status, "pending")
        assert.match(created.user_id, /^user-test-/)
        assert.match(created.email_id, /^email-test-/)
        assert.match(created.phone_id, /^phone-number-test-/)
        assert.strictEqual(created.user.emails[0]!.email_id, created.email_id)

        const got = yield* users.get({ user_id: created.user_id })
        assert.strictEqual(got.user_id, created.user_id)
        assert.strictEqual(got.status, "pending")
        assert.deepStrictEqual(got.emails.map((e) => [e.email, e.email_id, e.verified]), [[email, created.email_id, false]])
        assert.deepStrictEqual(got.phone_numbers.map((p) => [p.phone_number, p.phone_id, p.verified]), [[
          phone,
          created.phone_id,
          false
        ]])
        assert.deepStrictEqual(got.name, { first_name: "Ada", middle_name: "King", last_name: "Lovelace" })
        assert.deepStrictEqual(got.trusted_metadata, { plan: "pro", seats: 3 })
        assert.deepStrictEqual(got.untrusted_metadata, { theme: "dark" })
        assert.strictEqual(got.external_id, externalId)
        assert.deepStrictEqual(got.roles, ["admin"])
        assert.strictEqual(got.password, undefined)
        assert.isString(got.created_at)
      }))

    it.effect("a user without create_user_as_pending is active; a phone-only user has no email", () =>
      Effect.gen(function*() {
        const users = yield* Users.Users
        const phone = uniquePhone()
        const created = yield* users.create({ phone_number: phone })
        assert.strictEqual(created.status, "active")
        assert.strictEqual(created.email_id, "")
        const got = yield* users.get({ user_id: created.user_id })
        assert.deepStrictEqual(got.emails, [])
        assert.strictEqual(got.phone_numbers[0]!.phone_number, phone)
      }))
  })

  describe("update", () => {
    it.effect("merges metadata shallowly, null deletes a key; name, external_id and roles change", () =>
      Effect.gen(function*() {
        const users = yield* Users.Users
        const created = yield* users.create({
          email: `grace@${uniqueDomain()}`,
          name: { first_name: "Grace", last_name: "Brewster" },
          trusted_metadata: { keep: 1, drop: true, nested: { a: 1 } },
          untrusted_metadata: { color: "red" }
        })
        const externalId = `ext-${randomUUID()}`
        const updated = yield* users.update({
          user_id: created.user_id,
          name: { last_name: "Hopper" },
          trusted_metadata: { drop: null, nested: { b: 2 }, added: "x" },
          untrusted_metadata: { color: null },
          external_id: externalId,
          roles: ["editor", "viewer"]
        })
        assert.strictEqual(updated.user_id, created.user_id)
        // A shallow merge: `nested` is replaced, not merged.
        assert.deepStrictEqual(updated.user.trusted_metadata, { keep: 1, nested: { b: 2 }, added: "x" })

        const got = yield* users.get({ user_id: created.user_id })
        assert.deepStrictEqual(got.name, { first_name: "Grace", middle_name: "", last_name: "Hopper" })
        assert.deepStrictEqual(got.trusted_metadata, { keep: 1, nested: { b: 2 }, added: "x" })
        assert.deepStrictEqual(got.untrusted_metadata, {})
        assert.strictEqual(got.external_id, externalId)
        assert.deepStrictEqual(got.roles, ["editor", "viewer"])
      }))

    it.effect("update of an unknown user fails UserNotFound", () =>
      Effect.gen(function*() {
        const users = yield* Users.Users
        const error = yield* users.update({ user_id: `user-test-${randomUUID()}`, roles: ["x"] }).pipe(Effect.flip)
        assert.strictEqual(error._tag, "UserNotFound")
        if (error._tag === "UserNotFound") assert.strictEqual(error.status_code, 404)
      }))

    it.effect("a duplicate external_id fails and leaves the user unchanged", () =>
      Effect.gen(function*() {
        const users = yield* Users.Users
        const domain = uniqueDomain()
        const taken = `ext-${randomUUID()}`
        yield* users.create({ email: `one@${domain}`, external_id: taken })
        const other = yield* users.create({ email: `two@${domain}`, trusted_metadata: { a: 1 } })
        const error = yield* users.update({ user_id: other.user_id, external_id: taken, trusted_metadata: { a: 2 } })
          .pipe(Effect.flip)
        assert.strictEqual(error._tag, "DuplicateUserExternalId")
        const got = yield* users.get({ user_id: other.user_id })
        assert.strictEqual(got.external_id, undefined)
        assert.deepStrictEqual(got.trusted_metadata, { a: 1 })
      }))
  })

  describe("exchangePrimaryFactor", () => {
    it.effect("swaps the only email for a phone number (verified) and frees the old email", () =>
      Effect.gen(function*() {
        const users = yield* Users.Users
        const email = `swap@${uniqueDomain()}`
        const phone = uniquePhone()
        const created = yield* users.create({ email })
        const exchanged = yield* users.exchangePrimaryFactor({ user_id: created.user_id, phone_number: phone })
        assert.deepStrictEqual(exchanged.user.emails, [])
        assert.strictEqual(exchanged.user.phone_numbers[0]!.phone_number, phone)
        assert.isTrue(exchanged.user.phone_numbers[0]!.verified)

        const got = yield* users.get({ user_id: created.user_id })
        assert.deepStrictEqual(got.emails, [])
        assert.strictEqual(got.phone_numbers.length, 1)
        // The old email belongs to nobody now; the new phone number does.
        const again = yield* users.create({ email })
        assert.notStrictEqual(again.user_id, created.user_id)
        const dupPhone = yield* users.create({ phone_number: phone }).pipe(Effect.flip)
        assert.strictEqual(dupPhone._tag, "DuplicatePhoneNumber")
      }))

    it.effect("swaps an email for another email", () =>
      Effect.gen(function*() {
        const users = yield* Users.Users
        const domain = uniqueDomain()
        const created = yield* users.create({ email: `old@${domain}` })
        yield* users.exchangePrimaryFactor({ user_id: created.user_id, email_address: `new@${domain}` })
        const got = yield* users.get({ user_id: created.user_id })
        assert.deepStrictEqual(got.emails.map((e) => e.email), [`new@${domain}`])
      }))

    it.effect("fails on a user with two factors, on a taken email, and on both/neither field; nothing changes", () =>
      Effect.gen(function*() {
        const users = yield* Users.Users
        const domain = uniqueDomain()
        const phone = uniquePhone()
        const both = yield* users.create({ email: `both@${domain}`, phone_number: phone })
        const multi = yield* users.exchangePrimaryFactor({ user_id: both.user_id, email_address: `x@${domain}` })
          .pipe(Effect.flip)
        assert.strictEqual(multi._tag, "InvalidExchangePrimaryFactorUser")

        const single = yield* users.create({ email: `single@${domain}` })
        const taken = yield* users.exchangePrimaryFactor({ user_id: single.user_id, email_address: `both@${domain}` })
          .pipe(Effect.flip)
        assert.strictEqual(taken._tag, "DuplicateEmail")
        const neither = yield* users.exchangePrimaryFactor({ user_id: single.user_id }).pipe(Effect.flip)
        assert.strictEqual(neither._tag, "InvalidExchangePrimaryFactorFields")
        const twoFields = yield* users.exchangePrimaryFactor({
          user_id: single.user_id,
          email_address: `y@${domain}`,
          phone_number: uniquePhone()
        }).pipe(Effect.flip)
        assert.strictEqual(twoFields._tag, "InvalidExchangePrimaryFactorFields")
        const invalid = yield* users.exchangePrimaryFactor({ user_id: single.user_id, email_address: "not-an-email" })
          .pipe(Effect.flip)
        assert.strictEqual(invalid._tag, "InvalidEmail")

        const gotBoth = yield* users.get({ user_id: both.user_id })
        assert.deepStrictEqual(gotBoth.emails.map((e) => e.email), [`both@${domain}`])
        assert.deepStrictEqual(gotBoth.phone_numbers.map((p) => p.phone_number), [phone])
        const gotSingle = yield* users.get({ user_id: single.user_id })
        assert.deepStrictEqual(gotSingle.emails.map((e) => e.email), [`single@${domain}`])
        const unknown = yield* users.exchangePrimaryFactor({ user_id: `user-test-${randomUUID()}`, email_address: "a@b.co" })
          .pipe(Effect.flip)
        assert.strictEqual(unknown._tag, "UserNotFound")
      }))
  })

  describe("delete", () => {
    it.effect("delete removes the user, frees its email, and a second delete fails UserNotFound", () =>
      Effect.gen(function*() {
        const users = yield* Users.Users
        const email = `gone@${uniqueDomain()}`
        const created = yield* users.create({ email })
        const deleted = yield* users.delete({ user_id: created.user_id })
        assert.strictEqual(deleted.user_id, created.user_id)
        const getError = yield* users.get({ user_id: created.user_id }).pipe(Effect.flip)
        assert.strictEqual(getError._tag, "UserNotFound")
        const again = yield* users.delete({ user_id: created.user_id }).pipe(Effect.flip)
        assert.strictEqual(again._tag, "UserNotFound")
        const found = yield* users.search({ query: { operator: "AND", operands: [{ filter_name: "email_address", filter_value: [email] }] } })
        assert.strictEqual(found.results.length, 0)
        yield* users.create({ email })
      }))

    it.effect("deleteEmail and deletePhoneNumber remove one factor; a second delete fails with the typed not-found", () =>
      Effect.gen(function*() {
        const users = yield* Users.Users
        const email = `factors@${uniqueDomain()}`
        const phone = uniquePhone()
        const created = yield* users.create({ email, phone_number: phone })

        const afterEmail = yield* users.deleteEmail({ email_id: created.email_id })
        assert.deepStrictEqual(afterEmail.user.emails, [])
        assert.strictEqual(afterEmail.user.phone_numbers.length, 1)
        const emailAgain = yield* users.deleteEmail({ email_id: created.email_id }).pipe(Effect.flip)
        assert.strictEqual(emailAgain._tag, "EmailNotFound")

        const afterPhone = yield* users.deletePhoneNumber({ phone_id: created.phone_id })
        assert.deepStrictEqual(afterPhone.user.phone_numbers, [])
        const phoneAgain = yield* users.deletePhoneNumber({ phone_id: created.phone_id }).pipe(Effect.flip)
        assert.strictEqual(phoneAgain._tag, "PhoneNumberNotFound")

        const got = yield* users.get({ user_id: created.user_id })
        assert.deepStrictEqual(got.emails, [])
        assert.deepStrictEqual(got.phone_numbers, [])
        // Both factors are free for another user now.
        yield* users.create({ email, phone_number: phone })
      }))

    it.effect("deleting factors that do not exist fails with each endpoint's typed error", () =>
      Effect.gen(function*() {
        const users = yield* Users.Users
        const created = yield* users.create({ email: `nf@${uniqueDomain()}` })
        const id = randomUUID()
        const cases = [
          [users.deletePassword({ password_id: `password-test-${id}` }), "PasswordNotFound"],
          [users.deleteTOTP({ totp_id: `totp-test-${id}` }), "TotpNotFound"],
          [
            users.deleteWebAuthnRegistration({ webauthn_registration_id: `webauthn-registration-test-${id}` }),
            "WebauthnRegistrationNotFound"
          ],
          [
            users.deleteBiometricRegistration({ biometric_registration_id: `biometric-registration-test-${id}` }),
            "BiometricRegistrationNotFound"
          ],
          [users.deleteCryptoWallet({ crypto_wallet_id: `crypto-wallet-test-${id}` }), "CryptoWalletNotFound"],
          [
            users.deleteOAuthRegistration({ oauth_user_registration_id: `oauth-user-test-${id}` }),
            "OauthUserRegistrationNotFound"
          ],
          [users.deleteEmail({ email_id: `email-test-${id}` }), "EmailNotFound"],
          [users.deletePhoneNumber({ phone_id: `phone-number-test-${id}` }), "PhoneNumberNotFound"]
        ] as const
        for (const [call, tag] of cases) {
          const error = yield* (call as Effect.Effect<unknown, { readonly _tag: string }>).pipe(Effect.flip)
          assert.strictEqual(error._tag, tag)
        }
        const got = yield* users.get({ user_id: created.user_id })
        assert.strictEqual(got.emails.length, 1)
      }))

    it.effect("deleteExternalId removes the external id and frees it", () =>
      Effect.gen(function*() {
        const users = yield* Users.Users
        const domain = uniqueDomain()
        const externalId = `ext-${randomUUID()}`
        const created = yield* users.create({ email: `ext@${domain}`, external_id: externalId })
        const response = yield* users.deleteExternalId({ user_id: created.user_id })
        assert.strictEqual(response.user.external_id, undefined)
        const other = yield* users.create({ email: `ext2@${domain}`, external_id: externalId })
        assert.strictEqual((yield* users.get({ user_id: other.user_id })).external_id, externalId)
      }))
  })

  describe("search", () => {
    it.effect("filters by email, fuzzy email, phone, status, user_id, fuzzy name, creation time and password", () =>
      Effect.gen(function*() {
        const users = yield* Users.Users
        const domain = uniqueDomain()
        const phoneA = uniquePhone()
        const phoneC = uniquePhone()
        // The clock moves between creates so the three users have distinct created_at timestamps.
        const a = yield* users.create({
          email: `ada@${domain}`,
          phone_number: phoneA,
          name: { first_name: "Ada", last_name: "Lovelace" }
        })
        const t1 = yield* Clock.currentTimeMillis
        yield* TestClock.adjust("1 hour")
        const b = yield* users.create({
          email: `Grace@${domain}`,
          name: { first_name: "Grace", last_name: "Hopper" },
          create_user_as_pending: true
        })
        const t2 = yield* Clock.currentTimeMillis
        yield* TestClock.adjust("1 hour")
        const c = yield* users.create({
          email: `alan@${domain}`,
          phone_number: phoneC,
          name: { first_name: "Alan", last_name: "Turing" }
        })
        const search = (...operands: ReadonlyArray<SearchUsersQueryOperand>) =>
          Effect.map(users.search(inDomain(domain, ...operands)), (r) => idsOf(r.results))

        assert.deepStrictEqual(yield* search(), idsOf([a, b, c]))
        // Email addresses match case-insensitively.
        assert.deepStrictEqual(yield* search({ filter_name: "email_address", filter_value: [`grace@${domain}`] }), [
          b.user_id
        ])
        assert.deepStrictEqual(yield* search({ filter_name: "email_address_fuzzy", filter_value: "ALAN@" }), [c.user_id])
        assert.deepStrictEqual(yield* search({ filter_name: "phone_number", filter_value: [phoneA] }), [a.user_id])
        assert.deepStrictEqual(yield* search({ filter_name: "status", filter_value: "pending" }), [b.user_id])
        assert.deepStrictEqual(yield* search({ filter_name: "status", filter_value: "active" }), idsOf([a, c]))
        assert.deepStrictEqual(
          yield* search({ filter_name: "user_id", filter_value: [a.user_id, c.user_id, `user-test-${randomUUID()}`] }),
          idsOf([a, c])
        )
        assert.deepStrictEqual(yield* search({ filter_name: "full_name_fuzzy", filter_value: "hopp" }), [b.user_id])
        assert.deepStrictEqual(yield* search({ filter_name: "full_name_fuzzy", filter_value: "ada love" }), [a.user_id])
        assert.deepStrictEqual(
          yield* search({
            filter_name: "created_at_between",
            filter_value: {
              greater_than: new Date(t1 + 1000).toISOString(),
              less_than: new Date(t2 + 1000).toISOString()
            }
          }),
          [b.user_id]
        )
        assert.deepStrictEqual(
          yield* search({ filter_name: "created_at_greater_than", filter_value: new Date(t1 + 1000).toISOString() }),
          idsOf([b, c])
        )
        assert.deepStrictEqual(
          yield* search({ filter_name: "created_at_less_than", filter_value: new Date(t2 + 1000).toISOString() }),
          idsOf([a, b])
        )
        assert.deepStrictEqual(yield* search({ filter_name: "password_exists", filter_value: false }), idsOf([a, b, c]))
        assert.deepStrictEqual(yield* search({ filter_name: "password_exists", filter_value: true }), [])
      }))

    it.effect("password_exists finds a user with a password; deletePassword removes it (then PasswordNotFound)", () =>
      Effect.gen(function*() {
        const users = yield* Users.Users
        const passwords = yield* Passwords.Passwords
        const domain = uniqueDomain()
        const plain = yield* users.create({ email: `plain@${domain}` })
        // Passwords are added by the Passwords area; a long random one passes any strength policy.
        const withPassword = yield* passwords.create({ email: `pw@${domain}`, password: `${randomUUID()}-Kestrel!` })
        const got = yield* users.get({ user_id: withPassword.user_id })
        const password_id = got.password?.password_id
        assert.isString(password_id)

        const search = (value: boolean) =>
          Effect.map(
            users.search(inDomain(domain, { filter_name: "password_exists", filter_value: value })),
            (r) => idsOf(r.results)
          )
        assert.deepStrictEqual(yield* search(true), [withPassword.user_id])
        assert.deepStrictEqual(yield* search(false), [plain.user_id])

        const deleted = yield* users.deletePassword({ password_id: password_id! })
        assert.strictEqual(deleted.user_id, withPassword.user_id)
        assert.strictEqual(deleted.user.password, undefined)
        assert.strictEqual((yield* users.get({ user_id: withPassword.user_id })).password, undefined)
        assert.deepStrictEqual(yield* search(true), [])
        const again = yield* users.deletePassword({ password_id: password_id! }).pipe(Effect.flip)
        assert.strictEqual(again._tag, "PasswordNotFound")
      }))

    it.effect("AND needs every operand, OR any", () =>
      Effect.gen(function*() {
        const users = yield* Users.Users
        const domain = uniqueDomain()
        const phone = uniquePhone()
        const a = yield* users.create({ email: `a@${domain}` })
        const b = yield* users.create({ email: `b@${domain}`, phone_number: phone })
        yield* users.create({ email: `c@${domain}` })
        const operands = [
          { filter_name: "email_address", filter_value: [`a@${domain}`] },
          { filter_name: "phone_number", filter_value: [phone] }
        ] as const
        const or = yield* users.search({ query: { operator: "OR", operands } })
        assert.deepStrictEqual(idsOf(or.results), idsOf([a, b]))
        const and = yield* users.search({ query: { operator: "AND", operands } })
        assert.deepStrictEqual(and.results, [])
        const andMatch = yield* users.search({
          query: {
            operator: "AND",
            operands: [{ filter_name: "email_address", filter_value: [`b@${domain}`] }, operands[1]]
          }
        })
        assert.deepStrictEqual(idsOf(andMatch.results), [b.user_id])
      }))

    it.effect("bad searches fail with the user_search_* errors", () =>
      Effect.gen(function*() {
        const users = yield* Users.Users
        const operator = yield* users.search({ query: { operator: "XOR", operands: [] } }).pipe(Effect.flip)
        assert.strictEqual(operator._tag, "UserSearchInvalidOperator")
        const limit = yield* users.search({ limit: 0 }).pipe(Effect.flip)
        assert.strictEqual(limit._tag, "UserSearchInvalidLimit")
        const cursor = yield* users.search({ cursor: "%%%not-a-cursor" }).pipe(Effect.flip)
        assert.strictEqual(cursor._tag, "UserSearchInvalidCursor")
        const filter = yield* users.search({
          query: { operator: "AND", operands: [{ filter_name: "favourite_color", filter_value: "blue" } as any] }
        }).pipe(Effect.flip)
        assert.strictEqual(filter._tag, "UserSearchFilterNameNotRecognized")
      }))

    it.effect("cursor pagination with limit 2 over 5 users visits each user once, in creation order", () =>
      Effect.gen(function*() {
        const users = yield* Users.Users
        const domain = uniqueDomain()
        const created: Array<string> = []
        for (let i = 0; i < 5; i++) {
          created.push((yield* users.create({ email: `p${i}@${domain}` })).user_id)
          yield* TestClock.adjust("1 second")
        }
        const page1 = yield* users.search({ limit: 2, ...inDomain(domain) })
        assert.strictEqual(page1.results.length, 2)
        assert.strictEqual(page1.results_metadata.total, 5)
        assert.isString(page1.results_metadata.next_cursor)
        const page2 = yield* users.search({ limit: 2, cursor: page1.results_metadata.next_cursor!, ...inDomain(domain) })
        assert.strictEqual(page2.results.length, 2)
        const page3 = yield* users.search({ limit: 2, cursor: page2.results_metadata.next_cursor!, ...inDomain(domain) })
        assert.strictEqual(page3.results.length, 1)
        assert.isUndefined(page3.results_metadata.next_cursor ?? undefined)
        const seen = [...page1.results, ...page2.results, ...page3.results].map((u) => u.user_id)
        assert.deepStrictEqual(seen, created)
      }))

    it.effect("searchAll streams every page and yields exactly the matching users", () =>
      Effect.gen(function*() {
        const users = yield* Users.Users
        const domain = uniqueDomain()
        const created: Array<string> = []
        for (let i = 0; i < 7; i++) created.push((yield* users.create({ email: `s${i}@${domain}` })).user_id)
        // A user outside the domain must not show up.
        yield* users.create({ email: `s0@${uniqueDomain()}` })
        const all = yield* Stream.runCollect(users.searchAll({ limit: 2, ...inDomain(domain) }))
        const ids = Chunk.toReadonlyArray(all).map((u) => u.user_id)
        assert.strictEqual(ids.length, 7)
        assert.deepStrictEqual([...ids].sort(), [...created].sort())
        // A search with no match is an empty stream, not an error.
        const none = yield* Stream.runCollect(users.searchAll(inDomain(uniqueDomain())))
        assert.strictEqual(Chunk.size(none), 0)
      }))
  })

  describe("failures leave the state unchanged", () => {
    it.effect("duplicate email (any case) fails DuplicateEmail; the first user is untouched", () =>
      Effect.gen(function*() {
        const users = yield* Users.Users
        const domain = uniqueDomain()
        const first = yield* users.create({ email: `dup@${domain}`, trusted_metadata: { n: 1 } })
        const error = yield* users.create({ email: `DUP@${domain}`, trusted_metadata: { n: 2 } }).pipe(Effect.flip)
        assert.strictEqual(error._tag, "DuplicateEmail")
        const found = yield* users.search(inDomain(domain))
        assert.deepStrictEqual(idsOf(found.results), [first.user_id])
        assert.deepStrictEqual((yield* users.get({ user_id: first.user_id })).trusted_metadata, { n: 1 })
      }))

    it.effect("duplicate phone fails DuplicatePhoneNumber and the new email of that request is not taken", () =>
      Effect.gen(function*() {
        const users = yield* Users.Users
        const domain = uniqueDomain()
        const phone = uniquePhone()
        yield* users.create({ email: `owner@${domain}`, phone_number: phone })
        const error = yield* users.create({ email: `fresh@${domain}`, phone_number: phone }).pipe(Effect.flip)
        assert.strictEqual(error._tag, "DuplicatePhoneNumber")
        const found = yield* users.search(inDomain(domain))
        assert.strictEqual(found.results.length, 1)
        // The email of the failed request was never indexed.
        yield* users.create({ email: `fresh@${domain}` })
      }))

    it.effect("invalid email fails InvalidEmail; nothing is created", () =>
      Effect.gen(function*() {
        const users = yield* Users.Users
        const domain = uniqueDomain()
        for (const email of [`no-at-sign.${domain}`, `two@@${domain}`, `spaces in@${domain}`]) {
          const error = yield* users.create({ email }).pipe(Effect.flip)
          assert.strictEqual(error._tag, "InvalidEmail")
        }
        const found = yield* users.search({
          query: { operator: "AND", operands: [{ filter_name: "email_address_fuzzy", filter_value: domain }] }
        })
        assert.strictEqual(found.results.length, 0)
      }))

    it.effect("invalid (non E.164) phone fails InvalidPhoneNumber; nothing is created", () =>
      Effect.gen(function*() {
        const users = yield* Users.Users
        const domain = uniqueDomain()
        for (const phone of ["4155550123", "+0123456789", "+1 415 555 0123", "+1415555012345678"]) {
          const error = yield* users.create({ email: `ph@${domain}`, phone_number: phone }).pipe(Effect.flip)
          assert.strictEqual(error._tag, "InvalidPhoneNumber")
        }
        assert.strictEqual((yield* users.search(inDomain(domain))).results.length, 0)
      }))

    it.effect("unknown user fails UserNotFound (404) on get and delete", () =>
      Effect.gen(function*() {
        const users = yield* Users.Users
        const id = `user-test-${randomUUID()}`
        const error = yield* users.get({ user_id: id }).pipe(Effect.flip)
        assert.strictEqual(error._tag, "UserNotFound")
        if (error._tag === "UserNotFound") {
          assert.strictEqual(error.status_code, 404)
          assert.match(error.request_id, /^request-id-test-/)
        }
        assert.strictEqual((yield* users.delete({ user_id: id }).pipe(Effect.flip))._tag, "UserNotFound")
      }))
  })

  describe("concurrency", () => {
    it.effect("50 parallel creates with distinct emails all succeed and are all searchable", () =>
      Effect.gen(function*() {
        const users = yield* Users.Users
        const domain = uniqueDomain()
        const created = yield* Effect.all(
          Array.from({ length: 50 }, (_, i) => users.create({ email: `c${i}@${domain}` })),
          { concurrency: "unbounded" }
        )
        assert.strictEqual(new Set(created.map((u) => u.user_id)).size, 50)
        const found = yield* Stream.runCollect(users.searchAll({ limit: 20, ...inDomain(domain) }))
        assert.deepStrictEqual(idsOf(Chunk.toReadonlyArray(found)), idsOf(created))
      }))

    it.effect("10 parallel creates with the same email: exactly one succeeds, 9 fail DuplicateEmail", () =>
      Effect.gen(function*() {
        const users = yield* Users.Users
        const domain = uniqueDomain()
        const results = yield* Effect.all(
          Array.from({ length: 10 }, () => Effect.either(users.create({ email: `race@${domain}` }))),
          { concurrency: "unbounded" }
        )
        const wins = results.filter((r) => r._tag === "Right")
        const losses = results.flatMap((r) => (r._tag === "Left" ? [r.left._tag] : []))
        assert.strictEqual(wins.length, 1)
        assert.deepStrictEqual(losses, Array(9).fill("DuplicateEmail"))
        const found = yield* users.search(inDomain(domain))
        assert.strictEqual(found.results.length, 1)
      }))
  })
})
