/**
 * Fraud & Risk in the emulator: fingerprint lookups of seeded telemetry, rules, verdict reason overrides and email
 * risk, through the SDK's `Fraud` service (in-process), plus one round trip over loopback HTTP.
 *
 * Tests in the layer block share one emulator, so each uses its own devices, addresses, ASNs and countries, and
 * project-wide settings (verdict reason overrides) are put back at the end of the test that changes them.
 */
import { assert, describe, it, layer } from "@effect/vitest"
import * as Clock from "effect/Clock"
import * as Effect from "effect/Effect"
import * as TestClock from "effect/TestClock"
import { randomInt, randomUUID } from "node:crypto"
import { vi } from "vitest"
import { StytchEmulator } from "effect-stytch/testing"
import { Fraud } from "../src/index.js"

// The loopback test generates a 2048-bit RSA key for its emulator: slow on a busy machine.
vi.setConfig({ testTimeout: 30_000 })

type FraudService = Fraud.Service

/**
 * The typed failure of `effect` (what `Effect.flip` gives). An unexpected success fails the test with an assertion
 * error: a test failing with a plain object (what `Effect.flip` of a success is) hangs the vitest reporter here.
 */
const failure = <A, E, R>(effect: Effect.Effect<A, E, R>): Effect.Effect<E, never, R> =>
  Effect.flatMap(Effect.either(effect), (result) =>
    result._tag === "Left"
      ? Effect.succeed(result.left)
      : Effect.sync(() => assert.fail(`expected a failure, got a success: ${JSON.stringify(result.right)}`)))

/** Every live rule, through every page. */
const allRules = (fraud: FraudService) =>
  Effect.gen(function*() {
    const rules: Array<Fraud.Rule> = []
    let cursor: string | undefined
    do {
      const page = yield* fraud.rules.list({ limit: 100, cursor })
      rules.push(...page.rules)
      cursor = page.next_cursor
    } while (cursor !== "")
    return rules
  })

/** A documentation-range IPv4 address no other test uses (198.18.0.0/15, the benchmarking range). */
const uniqueIp = () => `198.${18 + randomInt(2)}.${randomInt(256)}.${1 + randomInt(254)}`
const uniqueAsn = () => String(100_000 + randomInt(1_000_000))

/**
 * RFC 3339 of the TestClock's time plus `minutes`. The TestClock starts at 0 but is shared by the tests of a layer
 * block, so times are relative to the test's start.
 */
const at = (minutes = 0) =>
  Effect.map(Clock.currentTimeMillis, (now) => new Date(now + minutes * 60_000).toISOString().replace(".000Z", "Z"))

layer(StytchEmulator.layerStytch())("Fraud", (it) => {
  // -------------------------------------------------------------------------------------------------------------
  // Lookup

  it.effect("lookup answers the seeded telemetry: fingerprints, an ALLOW verdict, properties, lifetime", () =>
    Effect.gen(function*() {
      const emulator = yield* StytchEmulator.StytchEmulator
      const fraud = yield* Fraud.Fraud
      const ip = uniqueIp()
      const seeded = yield* emulator.seedTelemetry({ ip_address: ip, country: "CA", city: "Toronto", region: "Ontario" })
      const found = yield* fraud.fingerprint.lookup({ telemetry_id: seeded.telemetry_id })
      assert.strictEqual(found.telemetry_id, seeded.telemetry_id)
      assert.deepStrictEqual(found.fingerprints, {
        visitor_id: seeded.visitor_id,
        browser_id: seeded.browser_id,
        visitor_fingerprint: seeded.visitor_fingerprint,
        browser_fingerprint: seeded.browser_fingerprint,
        hardware_fingerprint: seeded.hardware_fingerprint,
        network_fingerprint: seeded.network_fingerprint
      })
      assert.match(found.fingerprints.visitor_id!, /^visitor-[0-9a-f-]{36}$/)
      assert.match(found.fingerprints.hardware_fingerprint, /^hardware-fingerprint-[0-9a-f-]{36}$/)
      assert.strictEqual(found.verdict.action, "ALLOW")
      assert.deepStrictEqual(found.verdict.reasons, [])
      assert.strictEqual(found.verdict.is_authentic_device, true)
      assert.strictEqual(found.verdict.detected_device_type, "MAC")
      assert.isUndefined(found.verdict.rule_match_type)
      // The default lifetime is one hour.
      assert.strictEqual(found.created_at, yield* at())
      assert.strictEqual(found.expires_at, yield* at(60))
      assert.strictEqual(found.expires_at, seeded.expires_at)
      assert.strictEqual(found.properties?.network_properties.ip_address, ip)
      assert.deepStrictEqual(found.properties?.network_properties.ip_geolocation, {
        city: "Toronto",
        region: "Ontario",
        country: "CA"
      })
      assert.strictEqual(found.properties?.network_properties.asn.network, `${ip.split(".").slice(0, 3).join(".")}.0/24`)
      assert.include(found.properties!.browser_properties.user_agent, "Chrome")
    }))

  it.effect("the same device shares fingerprints; another machine or network does not", () =>
    Effect.gen(function*() {
      const emulator = yield* StytchEmulator.StytchEmulator
      const hardware_id = `laptop-${randomUUID()}`
      const ip = uniqueIp()
      const first = yield* emulator.seedTelemetry({ hardware_id, ip_address: ip })
      const again = yield* emulator.seedTelemetry({ hardware_id, ip_address: ip })
      assert.notStrictEqual(again.telemetry_id, first.telemetry_id)
      assert.deepStrictEqual({ ...again, telemetry_id: "" }, { ...first, telemetry_id: "" })

      // The same laptop on another network: device fingerprints and ids stay, the network fingerprint changes.
      const travelling = yield* emulator.seedTelemetry({ hardware_id, ip_address: uniqueIp() })
      assert.strictEqual(travelling.hardware_fingerprint, first.hardware_fingerprint)
      assert.strictEqual(travelling.visitor_fingerprint, first.visitor_fingerprint)
      assert.strictEqual(travelling.visitor_id, first.visitor_id)
      assert.notStrictEqual(travelling.network_fingerprint, first.network_fingerprint)

      // Another machine on the same network shares only the network fingerprint.
      const other = yield* emulator.seedTelemetry({ ip_address: ip })
      assert.strictEqual(other.network_fingerprint, first.network_fingerprint)
      assert.notStrictEqual(other.hardware_fingerprint, first.hardware_fingerprint)
      assert.notStrictEqual(other.visitor_id, first.visitor_id)
    }))

  it.effect("lookup stores external_metadata; malformed metadata fails InvalidExternalMetadata and stores nothing", () =>
    Effect.gen(function*() {
      const emulator = yield* StytchEmulator.StytchEmulator
      const fraud = yield* Fraud.Fraud
      const { telemetry_id } = yield* emulator.seedTelemetry()
      const first = yield* fraud.fingerprint.lookup({
        telemetry_id,
        external_metadata: { external_id: "user-42", user_action: "login" }
      })
      assert.deepStrictEqual(first.external_metadata, { external_id: "user-42", user_action: "login" })

      for (const bad of ["has space", "x".repeat(66), "semi;colon"]) {
        const error = yield* fraud.fingerprint.lookup({ telemetry_id, external_metadata: { organization_id: bad } })
          .pipe(failure)
        assert.strictEqual(error._tag, "InvalidExternalMetadata")
        if (error._tag === "InvalidExternalMetadata") assert.strictEqual(error.status_code, 400)
      }
      const after = yield* fraud.fingerprint.lookup({ telemetry_id })
      assert.deepStrictEqual(after.external_metadata, { external_id: "user-42", user_action: "login" })
    }))

  it.effect("an unknown telemetry_id fails TelemetryIdNotFound (404)", () =>
    Effect.gen(function*() {
      const emulator = yield* StytchEmulator.StytchEmulator
      const fraud = yield* Fraud.Fraud
      const { telemetry_id } = yield* emulator.seedTelemetry()
      const error = yield* fraud.fingerprint.lookup({ telemetry_id: randomUUID() }).pipe(failure)
      assert.strictEqual(error._tag, "TelemetryIdNotFound")
      if (error._tag === "TelemetryIdNotFound") {
        assert.strictEqual(error.status_code, 404)
        assert.strictEqual(error.error_message, "The telemetry_id provided was not found.")
      }
      // Other telemetry is untouched.
      assert.strictEqual((yield* fraud.fingerprint.lookup({ telemetry_id })).telemetry_id, telemetry_id)
    }))

  it.effect("telemetry expires: not found once its lifetime has passed", () =>
    Effect.gen(function*() {
      const emulator = yield* StytchEmulator.StytchEmulator
      const fraud = yield* Fraud.Fraud
      const hour = yield* emulator.seedTelemetry()
      const short = yield* emulator.seedTelemetry({ expires_in_minutes: 5 })
      yield* TestClock.adjust("4 minutes")
      assert.strictEqual((yield* fraud.fingerprint.lookup({ telemetry_id: short.telemetry_id })).verdict.action, "ALLOW")
      yield* TestClock.adjust("1 minute")
      const expired = yield* fraud.fingerprint.lookup({ telemetry_id: short.telemetry_id }).pipe(failure)
      assert.strictEqual(expired._tag, "TelemetryIdNotFound")
      yield* TestClock.adjust("54 minutes")
      assert.strictEqual((yield* fraud.fingerprint.lookup({ telemetry_id: hour.telemetry_id })).telemetry_id, hour.telemetry_id)
      yield* TestClock.adjust("1 minute")
      const gone = yield* fraud.fingerprint.lookup({ telemetry_id: hour.telemetry_id }).pipe(failure)
      assert.strictEqual(gone._tag, "TelemetryIdNotFound")
    }))

  it.effect("verdict reasons decide the action (strictest wins) and authenticity", () =>
    Effect.gen(function*() {
      const emulator = yield* StytchEmulator.StytchEmulator
      const fraud = yield* Fraud.Fraud
      const lookup = (verdict_reasons: ReadonlyArray<string>) =>
        Effect.flatMap(emulator.seedTelemetry({ verdict_reasons }), ({ telemetry_id }) =>
          Effect.map(fraud.fingerprint.lookup({ telemetry_id }), (r) => r.verdict))
      const vm = yield* lookup(["VIRTUAL_MACHINE"])
      assert.strictEqual(vm.action, "CHALLENGE")
      assert.deepStrictEqual(vm.reasons, ["VIRTUAL_MACHINE"])
      assert.strictEqual(vm.is_authentic_device, true)
      const bot = yield* lookup(["VIRTUAL_MACHINE", "HEADLESS_BROWSER_AUTOMATION"])
      assert.strictEqual(bot.action, "BLOCK")
      assert.strictEqual(bot.is_authentic_device, false)
      const liar = yield* lookup(["USER_AGENT_DECEPTION"])
      assert.strictEqual(liar.action, "BLOCK")
      assert.strictEqual(liar.is_authentic_device, false)
      // A flag the emulator does not know still calls for friction.
      assert.strictEqual((yield* lookup(["SOME_NEWER_FLAG"])).action, "CHALLENGE")
    }))

  // -------------------------------------------------------------------------------------------------------------
  // Rules

  it.effect("a rule on each kind of identifier changes the verdict, with RULE_MATCH and the matched identifier", () =>
    Effect.gen(function*() {
      const emulator = yield* StytchEmulator.StytchEmulator
      const fraud = yield* Fraud.Fraud
      const fingerprintKinds = [
        ["visitor_id", "VISITOR_ID"],
        ["browser_id", "BROWSER_ID"],
        ["visitor_fingerprint", "VISITOR_FINGERPRINT"],
        ["browser_fingerprint", "BROWSER_FINGERPRINT"],
        ["hardware_fingerprint", "HARDWARE_FINGERPRINT"],
        ["network_fingerprint", "NETWORK_FINGERPRINT"]
      ] as const
      for (const [field, type] of fingerprintKinds) {
        const seeded = yield* emulator.seedTelemetry({ ip_address: uniqueIp() })
        const set = yield* fraud.rules.set({ action: "BLOCK", [field]: seeded[field], description: `block ${field}` })
        assert.strictEqual(set.action, "BLOCK")
        assert.strictEqual(set[field], seeded[field])
        assert.isUndefined(set.expires_at)
        const verdict = (yield* fraud.fingerprint.lookup({ telemetry_id: seeded.telemetry_id })).verdict
        assert.strictEqual(verdict.action, "BLOCK", field)
        assert.deepStrictEqual(verdict.reasons, ["RULE_MATCH"])
        assert.strictEqual(verdict.rule_match_type, type)
        assert.strictEqual(verdict.rule_match_identifier, seeded[field])
      }

      // cidr_block: a bare address is a /32; a block is stored as its network address.
      const ip = uniqueIp()
      const inBlock = yield* emulator.seedTelemetry({ ip_address: ip })
      const block = yield* fraud.rules.set({ action: "CHALLENGE", cidr_block: `${ip}/24` })
      const network = `${ip.split(".").slice(0, 3).join(".")}.0/24`
      assert.strictEqual(block.cidr_block, network)
      let verdict = (yield* fraud.fingerprint.lookup({ telemetry_id: inBlock.telemetry_id })).verdict
      assert.strictEqual(verdict.action, "CHALLENGE")
      assert.strictEqual(verdict.rule_match_type, "CIDR_BLOCK")
      assert.strictEqual(verdict.rule_match_identifier, network)
      // The smallest block wins: an ALLOW on the address beats the CHALLENGE on its /24.
      assert.strictEqual((yield* fraud.rules.set({ action: "ALLOW", cidr_block: ip })).cidr_block, `${ip}/32`)
      verdict = (yield* fraud.fingerprint.lookup({ telemetry_id: inBlock.telemetry_id })).verdict
      assert.strictEqual(verdict.action, "ALLOW")
      assert.strictEqual(verdict.rule_match_identifier, `${ip}/32`)

      // IPv6 blocks.
      const group = (1 + randomInt(65535)).toString(16)
      const v6 = yield* emulator.seedTelemetry({ ip_address: `2001:DB8:${group}:0:0:0:0:7` })
      const v6Block = yield* fraud.rules.set({ action: "BLOCK", cidr_block: `2001:db8:${group}::1/64` })
      assert.strictEqual(v6Block.cidr_block, `2001:db8:${group}::/64`)
      verdict = (yield* fraud.fingerprint.lookup({ telemetry_id: v6.telemetry_id })).verdict
      assert.strictEqual(verdict.action, "BLOCK")
      assert.strictEqual(verdict.rule_match_type, "CIDR_BLOCK")

      // asn
      const asn = uniqueAsn()
      const onAsn = yield* emulator.seedTelemetry({ asn, asn_name: "HOSTILE-HOSTING" })
      yield* fraud.rules.set({ action: "BLOCK", asn })
      verdict = (yield* fraud.fingerprint.lookup({ telemetry_id: onAsn.telemetry_id })).verdict
      assert.strictEqual(verdict.action, "BLOCK")
      assert.strictEqual(verdict.rule_match_type, "ASN")
      assert.strictEqual(verdict.rule_match_identifier, asn)

      // country_code (lower case accepted, stored upper case); removed at the end, since countries are shared.
      const inCountry = yield* emulator.seedTelemetry({ country: "IS" })
      assert.strictEqual((yield* fraud.rules.set({ action: "CHALLENGE", country_code: "is" })).country_code, "IS")
      verdict = (yield* fraud.fingerprint.lookup({ telemetry_id: inCountry.telemetry_id })).verdict
      assert.strictEqual(verdict.action, "CHALLENGE")
      assert.strictEqual(verdict.rule_match_type, "COUNTRY_CODE")
      assert.strictEqual(verdict.rule_match_identifier, "IS")
      yield* fraud.rules.set({ action: "NONE", country_code: "IS" })
    }))

  it.effect("rules apply in the documented order: a visitor_id ALLOW beats a hardware BLOCK, and beats warning flags", () =>
    Effect.gen(function*() {
      const emulator = yield* StytchEmulator.StytchEmulator
      const fraud = yield* Fraud.Fraud
      const seeded = yield* emulator.seedTelemetry({ verdict_reasons: ["HEADLESS_BROWSER_AUTOMATION"] })
      yield* fraud.rules.set({ action: "BLOCK", hardware_fingerprint: seeded.hardware_fingerprint })
      yield* fraud.rules.set({ action: "ALLOW", visitor_id: seeded.visitor_id })
      const verdict = (yield* fraud.fingerprint.lookup({ telemetry_id: seeded.telemetry_id })).verdict
      assert.strictEqual(verdict.action, "ALLOW")
      assert.strictEqual(verdict.rule_match_type, "VISITOR_ID")
      assert.deepStrictEqual(verdict.reasons, ["RULE_MATCH", "HEADLESS_BROWSER_AUTOMATION"])
    }))

  it.effect("a rule with expires_in_minutes stops matching (and listing) once it expires", () =>
    Effect.gen(function*() {
      const emulator = yield* StytchEmulator.StytchEmulator
      const fraud = yield* Fraud.Fraud
      const seeded = yield* emulator.seedTelemetry()
      const set = yield* fraud.rules.set({ action: "BLOCK", browser_id: seeded.browser_id, expires_in_minutes: 10 })
      const expires = yield* at(10)
      assert.strictEqual(set.expires_at, expires)
      const listed = (yield* allRules(fraud)).find((r) => r.browser_id === seeded.browser_id)
      assert.strictEqual(listed?.expires_at, expires)
      yield* TestClock.adjust("9 minutes")
      assert.strictEqual((yield* fraud.fingerprint.lookup({ telemetry_id: seeded.telemetry_id })).verdict.action, "BLOCK")
      yield* TestClock.adjust("1 minute")
      const verdict = (yield* fraud.fingerprint.lookup({ telemetry_id: seeded.telemetry_id })).verdict
      assert.strictEqual(verdict.action, "ALLOW")
      assert.isUndefined(verdict.rule_match_type)
      assert.isUndefined((yield* allRules(fraud)).find((r) => r.browser_id === seeded.browser_id))
    }))

  it.effect("setting a rule again replaces it (keeping created_at); NONE deletes it", () =>
    Effect.gen(function*() {
      const emulator = yield* StytchEmulator.StytchEmulator
      const fraud = yield* Fraud.Fraud
      const seeded = yield* emulator.seedTelemetry()
      const visitor_fingerprint = seeded.visitor_fingerprint
      const created = yield* at()
      yield* fraud.rules.set({ action: "BLOCK", visitor_fingerprint, description: "chargebacks" })
      yield* TestClock.adjust("3 minutes")
      yield* fraud.rules.set({ action: "CHALLENGE", visitor_fingerprint })
      const rules = (yield* allRules(fraud)).filter((r) => r.visitor_fingerprint === visitor_fingerprint)
      assert.strictEqual(rules.length, 1)
      assert.deepStrictEqual(rules[0], {
        rule_type: "VISITOR_FINGERPRINT",
        action: "CHALLENGE",
        visitor_id: "",
        browser_id: "",
        visitor_fingerprint,
        browser_fingerprint: "",
        hardware_fingerprint: "",
        network_fingerprint: "",
        cidr_block: "",
        asn: "",
        country_code: "",
        description: "",
        created_at: created,
        last_updated_at: yield* at()
      })
      assert.strictEqual((yield* fraud.fingerprint.lookup({ telemetry_id: seeded.telemetry_id })).verdict.action, "CHALLENGE")

      const cleared = yield* fraud.rules.set({ action: "NONE", visitor_fingerprint })
      assert.strictEqual(cleared.action, "NONE")
      assert.strictEqual(cleared.visitor_fingerprint, visitor_fingerprint)
      assert.isUndefined((yield* allRules(fraud)).find((r) => r.visitor_fingerprint === visitor_fingerprint))
      const verdict = (yield* fraud.fingerprint.lookup({ telemetry_id: seeded.telemetry_id })).verdict
      assert.strictEqual(verdict.action, "ALLOW")
      assert.deepStrictEqual(verdict.reasons, [])
      // Clearing a rule that does not exist is a no-op, not an error.
      assert.strictEqual((yield* fraud.rules.set({ action: "NONE", visitor_fingerprint })).action, "NONE")
    }))

  it.effect("rules.list pages with a cursor, in creation order, 10 per page by default", () =>
    Effect.gen(function*() {
      const fraud = yield* Fraud.Fraud
      const asns = Array.from({ length: 12 }, uniqueAsn)
      for (const asn of asns) yield* fraud.rules.set({ action: "CHALLENGE", asn, description: "paging" })

      const firstPage = yield* fraud.rules.list({})
      assert.isAtMost(firstPage.rules.length, 10)
      assert.notStrictEqual(firstPage.next_cursor, "")

      const seen: Array<string> = []
      let cursor: string | undefined
      let pages = 0
      do {
        const page = yield* fraud.rules.list({ limit: 5, cursor })
        assert.isAtMost(page.rules.length, 5)
        for (const r of page.rules) seen.push(r.rule_type === "ASN" ? `ASN:${r.asn}` : JSON.stringify(r))
        cursor = page.next_cursor
        pages++
      } while (cursor !== "")
      assert.isAtLeast(pages, 3)
      assert.strictEqual(new Set(seen).size, seen.length, "no rule on two pages")
      const mine = seen.filter((k) => asns.some((a) => k === `ASN:${a}`))
      assert.deepStrictEqual(mine, asns.map((a) => `ASN:${a}`))
    }))

  it.effect("rules.list failures are typed: DfpRuleInvalidCursor, BadRequest for a limit out of range", () =>
    Effect.gen(function*() {
      const fraud = yield* Fraud.Fraud
      const cursor = yield* fraud.rules.list({ cursor: "not-a-cursor" }).pipe(failure)
      assert.strictEqual(cursor._tag, "DfpRuleInvalidCursor")
      if (cursor._tag === "DfpRuleInvalidCursor") assert.strictEqual(cursor.status_code, 400)
      for (const limit of [0, 101, 2.5]) {
        const error = yield* fraud.rules.list({ limit }).pipe(failure)
        assert.strictEqual(error._tag, "BadRequest")
      }
    }))

  it.effect("rules.set failures are typed and change nothing", () =>
    Effect.gen(function*() {
      const emulator = yield* StytchEmulator.StytchEmulator
      const fraud = yield* Fraud.Fraud
      const seeded = yield* emulator.seedTelemetry()
      const before = yield* allRules(fraud)
      const cases: ReadonlyArray<readonly [Fraud.FraudRulesSetRequest, string]> = [
        [{ action: "BLOCK" }, "BadRequest"],
        [{ action: "BLOCK", visitor_id: seeded.visitor_id, browser_id: seeded.browser_id }, "BadRequest"],
        [{ action: "MAYBE", visitor_id: seeded.visitor_id }, "InvalidActionForRules"],
        [{ action: "BLOCK", visitor_id: seeded.hardware_fingerprint }, "InvalidFingerprintOrId"],
        [{ action: "BLOCK", network_fingerprint: "not a fingerprint" }, "InvalidFingerprintOrId"],
        [{ action: "BLOCK", cidr_block: "300.1.2.3" }, "InvalidCidrBlock"],
        [{ action: "BLOCK", cidr_block: "10.0.0.0/33" }, "InvalidCidrBlock"],
        [{ action: "BLOCK", cidr_block: "10.0.0.0/8" }, "CidrBlockInvalidPrefix"],
        [{ action: "BLOCK", country_code: "XX" }, "InvalidCountryCode"],
        [{ action: "ALLOW", country_code: "FR" }, "InvalidCountryCodeAllowRule"],
        [{ action: "BLOCK", asn: "AS123" }, "InvalidAsn"],
        [{ action: "BLOCK", asn: "4294967296" }, "InvalidAsn"],
        [{ action: "BLOCK", visitor_id: seeded.visitor_id, expires_in_minutes: 0 }, "BadRequest"]
      ]
      for (const [request, tag] of cases) {
        const error = yield* fraud.rules.set(request).pipe(failure)
        assert.strictEqual(error._tag, tag, JSON.stringify(request))
        if ("status_code" in error) assert.strictEqual(error.status_code, 400)
      }
      assert.deepStrictEqual(yield* allRules(fraud), before)
      assert.strictEqual((yield* fraud.fingerprint.lookup({ telemetry_id: seeded.telemetry_id })).verdict.action, "ALLOW")
    }))

  // -------------------------------------------------------------------------------------------------------------
  // Verdict reason overrides

  it.effect("verdict reason overrides change lookups, list with overrides_only, and NONE removes them", () =>
    Effect.gen(function*() {
      const emulator = yield* StytchEmulator.StytchEmulator
      const fraud = yield* Fraud.Fraud
      const all = yield* fraud.verdictReasons.list({})
      const vmDefault = all.verdict_reason_actions.find((a) => a.verdict_reason === "VIRTUAL_MACHINE")
      assert.deepStrictEqual(vmDefault, { verdict_reason: "VIRTUAL_MACHINE", default_action: "CHALLENGE" })
      assert.deepStrictEqual((yield* fraud.verdictReasons.list({ overrides_only: true })).verdict_reason_actions, [])

      yield* TestClock.adjust("2 minutes")
      const set = yield* fraud.verdictReasons.override({
        verdict_reason: "VIRTUAL_MACHINE",
        override_action: "ALLOW",
        override_description: "enterprise browsers"
      })
      assert.deepStrictEqual(set.verdict_reason_action, {
        verdict_reason: "VIRTUAL_MACHINE",
        default_action: "CHALLENGE",
        override_action: "ALLOW",
        override_created_at: yield* at(),
        override_description: "enterprise browsers"
      })
      const only = yield* fraud.verdictReasons.list({ overrides_only: true })
      assert.deepStrictEqual(only.verdict_reason_actions, [set.verdict_reason_action])

      const vm = yield* emulator.seedTelemetry({ verdict_reasons: ["VIRTUAL_MACHINE"] })
      let verdict = (yield* fraud.fingerprint.lookup({ telemetry_id: vm.telemetry_id })).verdict
      assert.strictEqual(verdict.action, "ALLOW")
      assert.deepStrictEqual(verdict.reasons, ["VIRTUAL_MACHINE"])
      assert.deepStrictEqual(verdict.verdict_reason_overrides, [
        { verdict_reason: "VIRTUAL_MACHINE", override_action: "ALLOW" }
      ])
      // Another reason still counts at its default: the strictest action wins.
      const both = yield* emulator.seedTelemetry({ verdict_reasons: ["VIRTUAL_MACHINE", "SMART_RATE_LIMIT_WARNING"] })
      assert.strictEqual((yield* fraud.fingerprint.lookup({ telemetry_id: both.telemetry_id })).verdict.action, "CHALLENGE")

      // An override can make a reason stricter, too.
      yield* fraud.verdictReasons.override({ verdict_reason: "SMART_RATE_LIMIT_WARNING", override_action: "BLOCK" })
      assert.strictEqual((yield* fraud.fingerprint.lookup({ telemetry_id: both.telemetry_id })).verdict.action, "BLOCK")

      // NONE puts the defaults back (and leaves the project as the other tests expect it).
      const removed = yield* fraud.verdictReasons.override({ verdict_reason: "VIRTUAL_MACHINE", override_action: "NONE" })
      assert.deepStrictEqual(removed.verdict_reason_action, { verdict_reason: "VIRTUAL_MACHINE", default_action: "CHALLENGE" })
      yield* fraud.verdictReasons.override({ verdict_reason: "SMART_RATE_LIMIT_WARNING", override_action: "NONE" })
      verdict = (yield* fraud.fingerprint.lookup({ telemetry_id: vm.telemetry_id })).verdict
      assert.strictEqual(verdict.action, "CHALLENGE")
      assert.deepStrictEqual(verdict.verdict_reason_overrides, [])
      assert.deepStrictEqual((yield* fraud.verdictReasons.list({ overrides_only: true })).verdict_reason_actions, [])
    }))

  it.effect("verdict reason override failures are typed and change nothing", () =>
    Effect.gen(function*() {
      const fraud = yield* Fraud.Fraud
      const before = yield* fraud.verdictReasons.list({})
      const cases: ReadonlyArray<Fraud.FraudVerdictReasonsOverrideRequest> = [
        { verdict_reason: "RULE_MATCH", override_action: "ALLOW" },
        { verdict_reason: "NOT_A_REASON", override_action: "ALLOW" },
        { verdict_reason: "VIRTUAL_MACHINE", override_action: "SOMETIMES" }
      ]
      for (const request of cases) {
        const error = yield* fraud.verdictReasons.override(request).pipe(failure)
        assert.strictEqual(error._tag, "BadRequest", JSON.stringify(request))
      }
      assert.deepStrictEqual((yield* fraud.verdictReasons.list({})).verdict_reason_actions, before.verdict_reason_actions)
    }))

  // -------------------------------------------------------------------------------------------------------------
  // Email risk

  it.effect("email risk: deterministic scores from syntax, domain, role and tumbling characters", () =>
    Effect.gen(function*() {
      const fraud = yield* Fraud.Fraud
      const clean = yield* fraud.email.risk({ email_address: "Ada.Lovelace+news@Example.com" })
      assert.deepStrictEqual(clean.address_information, {
        has_known_bounces: false,
        has_valid_syntax: true,
        is_suspected_role_address: false,
        normalized_email: "adalovelace@example.com",
        tumbling_character_count: 2
      })
      assert.deepStrictEqual(clean.domain_information, { has_mx_or_a_record: true, is_disposable_domain: false })
      assert.strictEqual(clean.risk_score, 10)
      assert.strictEqual(clean.action, "ALLOW")
      assert.deepStrictEqual(
        { ...(yield* fraud.email.risk({ email_address: "ada.lovelace+news@example.com" })), request_id: "" },
        { ...clean, request_id: "" },
        "the same answer every time"
      )

      const plain = yield* fraud.email.risk({ email_address: "grace@example.com" })
      assert.strictEqual(plain.risk_score, 5)
      assert.strictEqual(plain.action, "ALLOW")

      const disposable = yield* fraud.email.risk({ email_address: "someone@eu.mailinator.com" })
      assert.strictEqual(disposable.domain_information.is_disposable_domain, true)
      assert.strictEqual(disposable.action, "BLOCK")
      assert.strictEqual(disposable.risk_score, 70)

      const tumbled = yield* fraud.email.risk({ email_address: "a.d.a.x+1@example.com" })
      assert.strictEqual(tumbled.address_information.tumbling_character_count, 4)
      assert.strictEqual(tumbled.address_information.normalized_email, "adax@example.com")
      assert.strictEqual(tumbled.action, "CHALLENGE")

      const role = yield* fraud.email.risk({ email_address: "support+x.y@example.com" })
      assert.strictEqual(role.address_information.is_suspected_role_address, true)
      assert.strictEqual(role.action, "CHALLENGE")
      assert.strictEqual(role.risk_score, 35)

      const nowhere = yield* fraud.email.risk({ email_address: "ada@mail.invalid" })
      assert.strictEqual(nowhere.domain_information.has_mx_or_a_record, false)
      assert.strictEqual(nowhere.action, "BLOCK")

      const broken = yield* fraud.email.risk({ email_address: "not an email" })
      assert.strictEqual(broken.address_information.has_valid_syntax, false)
      assert.strictEqual(broken.risk_score, 100)
      assert.strictEqual(broken.action, "BLOCK")
    }))

  // -------------------------------------------------------------------------------------------------------------
  // The seed control

  it.effect("seedTelemetry dies on a broken setup (live duplicate id, malformed input) and registers nothing", () =>
    Effect.gen(function*() {
      const emulator = yield* StytchEmulator.StytchEmulator
      const fraud = yield* Fraud.Fraud
      const seeded = yield* emulator.seedTelemetry({ visitor_id: `visitor-${randomUUID()}` })
      const duplicate = yield* emulator.seedTelemetry({ telemetry_id: seeded.telemetry_id }).pipe(
        Effect.sandbox,
        failure
      )
      assert.strictEqual(duplicate._tag, "Die")
      const lookedUp = yield* fraud.fingerprint.lookup({ telemetry_id: seeded.telemetry_id })
      assert.strictEqual(lookedUp.fingerprints.visitor_id, seeded.visitor_id)

      const telemetry_id = randomUUID()
      for (const broken of [
        { telemetry_id, ip_address: "999.1.1.1" },
        { telemetry_id, country: "ZZ" },
        { telemetry_id, asn: "-1" },
        { telemetry_id, visitor_id: "nope" },
        { telemetry_id, verdict_reasons: ["RULE_MATCH"] }
      ]) {
        const cause = yield* emulator.seedTelemetry(broken).pipe(Effect.sandbox, failure)
        assert.strictEqual(cause._tag, "Die", JSON.stringify(broken))
      }
      const missing = yield* fraud.fingerprint.lookup({ telemetry_id }).pipe(failure)
      assert.strictEqual(missing._tag, "TelemetryIdNotFound")
    }))
})

// ---------------------------------------------------------------------------------------------------------------
// Over loopback HTTP: the REST seed control and the SDK on the telemetry host

describe("Fraud over loopback HTTP", () => {
  it.live("seed over REST, lookup, block with a rule, and a typed 404", () =>
    Effect.gen(function*() {
      const server = yield* StytchEmulator.EmulatorServer
      const fraud = yield* Fraud.Fraud
      const post = (body: unknown) =>
        Effect.promise(async () => {
          const response = await fetch(`${server.url}/emulator/v1/telemetry`, {
            method: "POST",
            headers: { "content-type": "application/json" },
            body: JSON.stringify(body)
          })
          return { status: response.status, body: await response.json() as any }
        })

      const seeded = yield* post({ ip_address: "192.0.2.44", verdict_reasons: ["VIRTUAL_MACHINE"] })
      assert.strictEqual(seeded.status, 200)
      const found = yield* fraud.fingerprint.lookup({ telemetry_id: seeded.body.telemetry_id })
      assert.strictEqual(found.fingerprints.network_fingerprint, seeded.body.network_fingerprint)
      assert.strictEqual(found.verdict.action, "CHALLENGE")

      yield* fraud.rules.set({ action: "BLOCK", cidr_block: "192.0.2.0/24" })
      const blocked = yield* fraud.fingerprint.lookup({ telemetry_id: seeded.body.telemetry_id })
      assert.strictEqual(blocked.verdict.action, "BLOCK")
      assert.strictEqual(blocked.verdict.rule_match_type, "CIDR_BLOCK")

      const missing = yield* fraud.fingerprint.lookup({ telemetry_id: randomUUID() }).pipe(failure)
      assert.strictEqual(missing._tag, "TelemetryIdNotFound")

      // A broken seed is a 400 with the reason.
      const broken = yield* post({ ip_address: "not-an-ip" })
      assert.strictEqual(broken.status, 400)
      assert.match(broken.body.error, /ip_address/)
    }).pipe(Effect.provide(StytchEmulator.layerStytchServer())))
})
