/**
 * Fraud & Risk (the telemetry host): Device Fingerprinting lookups of seeded telemetry, rules, verdict reason
 * overrides, and email risk.
 *
 * The emulator has no browser library, so telemetry ids come from the `seedTelemetry` test control. A seed describes
 * a device (hardware, browser, network) plus the warning flags Stytch would have detected; the lookup derives the
 * verdict from those flags, the project's verdict reason overrides and its rules, as the API documents:
 *
 * - the action of each reason is its override, else its default (unknown reasons count as `CHALLENGE`), and the
 *   verdict takes the strictest one (`BLOCK` > `CHALLENGE` > `ALLOW`; no reasons: `ALLOW`);
 * - a live rule matching the telemetry replaces that action and adds the `RULE_MATCH` reason. Rule kinds are tried in
 *   the documented order (visitor_id, browser_id, visitor / browser / hardware / network fingerprint, cidr_block, asn,
 *   country_code); among CIDR blocks the smallest block wins.
 *
 * Unset fields on the wire: a rule's unset identifiers and description are `""` (the documented example body); a
 * permanent rule's `expires_at` is `null`, and so are a verdict reason's `override_*` fields without an override
 * (the docs: "If not null, this action will be returned"); an override without a description has `""` (a guess).
 * A verdict's `rule_match_type` / `rule_match_identifier` are left out without a rule match (the docs: "only present
 * if there is a `RULE_MATCH` reason").
 */
import * as Effect from "effect/Effect"
import { createHash, randomInt, randomUUID } from "node:crypto"
import { isIPv6 } from "node:net"
import { fail, type AreaHandlers, type Handler } from "../internal/contract.js"
import {
  type Fingerprints,
  type FraudAction,
  type FraudRuleRecord,
  iso,
  type Store,
  type TelemetryRecord,
  type VerdictReasonOverrideRecord
} from "../internal/store.js"

// ---------------------------------------------------------------------------------------------------------------
// Actions and verdict reasons

const RANK: Record<FraudAction, number> = { ALLOW: 0, CHALLENGE: 1, BLOCK: 2 }
const isAction = (a: string): a is FraudAction => a === "ALLOW" || a === "CHALLENGE" || a === "BLOCK"
const strictest = (actions: ReadonlyArray<FraudAction>): FraudAction =>
  actions.reduce<FraudAction>((a, b) => (RANK[b] > RANK[a] ? b : a), "ALLOW")

/**
 * The verdict reasons the emulator knows, with their default actions: the ones Stytch's public docs name (the full
 * reference is behind a login). `verdictReasons.list` answers these and only these can be overridden.
 */
export const VERDICT_REASONS: ReadonlyArray<readonly [reason: string, default_action: FraudAction]> = [
  ["HEADLESS_BROWSER_AUTOMATION", "BLOCK"],
  ["USER_AGENT_DECEPTION", "BLOCK"],
  ["BROWSER_DECEPTION", "BLOCK"],
  ["HARDWARE_DECEPTION", "BLOCK"],
  ["SMART_RATE_LIMIT_BANNED", "BLOCK"],
  ["VIRTUAL_MACHINE", "CHALLENGE"],
  ["SMART_RATE_LIMIT_WARNING", "CHALLENGE"]
]
const DEFAULT_ACTION = new Map(VERDICT_REASONS)
/** Seeded reasons outside the table (e.g. a newer flag) still call for friction. */
const UNKNOWN_REASON_ACTION: FraudAction = "CHALLENGE"
const RULE_MATCH = "RULE_MATCH"

/** Effective action of one reason: the project's override, else the default. */
const reasonAction = (store: Store, reason: string): FraudAction =>
  store.verdictReasonOverrides.get(reason)?.override_action ?? DEFAULT_ACTION.get(reason) ?? UNKNOWN_REASON_ACTION

// ---------------------------------------------------------------------------------------------------------------
// IP addresses and CIDR blocks (IPv4 and IPv6, as integers)

interface Ip {
  readonly version: 4 | 6
  readonly value: bigint
}
interface Cidr extends Ip {
  readonly prefix: number
}

const parseV4 = (s: string): bigint | undefined => {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(s)
  if (m === null) return undefined
  const octets = m.slice(1).map(Number)
  if (octets.some((o) => o > 255)) return undefined
  return octets.reduce((acc, o) => (acc << 8n) | BigInt(o), 0n)
}

const parseV6 = (input: string): bigint | undefined => {
  if (input.includes("%") || !isIPv6(input)) return undefined
  let s = input
  // An embedded IPv4 tail (`::ffff:192.0.2.1`) becomes two hex groups.
  const lastColon = s.lastIndexOf(":")
  const tail = s.slice(lastColon + 1)
  if (tail.includes(".")) {
    const v4 = parseV4(tail)
    if (v4 === undefined) return undefined
    s = `${s.slice(0, lastColon + 1)}${(v4 >> 16n).toString(16)}:${(v4 & 0xffffn).toString(16)}`
  }
  const halves = s.split("::")
  const groups = (part: string) => (part === "" ? [] : part.split(":"))
  const left = groups(halves[0]!)
  const right = halves.length > 1 ? groups(halves[1]!) : []
  const all = halves.length > 1 ? [...left, ...Array<string>(8 - left.length - right.length).fill("0"), ...right] : left
  if (all.length !== 8) return undefined
  return all.reduce((acc, g) => (acc << 16n) | BigInt(parseInt(g, 16)), 0n)
}

const parseIp = (s: string): Ip | undefined => {
  const v4 = parseV4(s)
  if (v4 !== undefined) return { version: 4, value: v4 }
  const v6 = parseV6(s)
  return v6 === undefined ? undefined : { version: 6, value: v6 }
}

const bits = (version: 4 | 6) => (version === 4 ? 32 : 128)
const mask = (version: 4 | 6, prefix: number) => {
  const width = BigInt(bits(version))
  return ((1n << width) - 1n) ^ ((1n << (width - BigInt(prefix))) - 1n)
}

const formatIp = ({ value, version }: Ip): string => {
  if (version === 4) return [24n, 16n, 8n, 0n].map((shift) => String((value >> shift) & 0xffn)).join(".")
  const groups = [112n, 96n, 80n, 64n, 48n, 32n, 16n, 0n].map((shift) => ((value >> shift) & 0xffffn).toString(16))
  // The WHATWG URL parser prints IPv6 hosts in their canonical compressed form.
  return new URL(`http://[${groups.join(":")}]`).hostname.slice(1, -1)
}

/** A CIDR block (or a bare address, a block of one), or the reason it is not one. */
const parseCidr = (s: string): Cidr | "invalid" | "prefix" => {
  const slash = s.indexOf("/")
  const ip = parseIp(slash < 0 ? s : s.slice(0, slash))
  if (ip === undefined) return "invalid"
  const prefixText = slash < 0 ? String(bits(ip.version)) : s.slice(slash + 1)
  if (!/^\d{1,3}$/.test(prefixText)) return "invalid"
  const prefix = Number(prefixText)
  if (prefix > bits(ip.version)) return "invalid"
  // The API takes prefixes 16 to 32 for IPv4; the emulator applies the same lower bound to IPv6 (up to 128).
  if (prefix < 16) return "prefix"
  return { version: ip.version, prefix, value: ip.value & mask(ip.version, prefix) }
}

const formatCidr = (c: Cidr) => `${formatIp(c)}/${c.prefix}`
const contains = (c: Cidr, ip: Ip) => c.version === ip.version && (ip.value & mask(c.version, c.prefix)) === c.value

// ---------------------------------------------------------------------------------------------------------------
// Identifiers

/** ISO 3166-1 alpha-2 (officially assigned codes). */
const COUNTRY_CODES = new Set(
  ("AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ " +
    "CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR " +
    "GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO " +
    "JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR " +
    "MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO " +
    "RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV " +
    "TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW").split(" ")
)

/** An ASN: the decimal form of an integer from 0 to 4294967295. */
const isAsn = (s: string) => /^(0|[1-9]\d{0,9})$/.test(s) && Number(s) <= 4294967295

type FingerprintField =
  | "visitor_id"
  | "browser_id"
  | "visitor_fingerprint"
  | "browser_fingerprint"
  | "hardware_fingerprint"
  | "network_fingerprint"

/**
 * The shape of Stytch's ids and fingerprints (`visitor-<hex groups>`, `browser-fingerprint-<...>`, ...). The API
 * answers `invalid_fingerprint_or_id` for malformed ones; the emulator checks this shape (and seeds use it too).
 */
const FINGERPRINT_FORMAT: Record<FingerprintField, RegExp> = {
  visitor_id: /^visitor-(?!fingerprint-)[A-Za-z0-9-]+$/,
  browser_id: /^browser-id-[A-Za-z0-9-]+$/,
  visitor_fingerprint: /^visitor-fingerprint-[A-Za-z0-9-]+$/,
  browser_fingerprint: /^browser-fingerprint-[A-Za-z0-9-]+$/,
  hardware_fingerprint: /^hardware-fingerprint-[A-Za-z0-9-]+$/,
  network_fingerprint: /^network-fingerprint-[A-Za-z0-9-]+$/
}

type RuleField = FingerprintField | "cidr_block" | "asn" | "country_code"

/** Rule kinds in the order the API applies them. */
const RULE_KINDS: ReadonlyArray<{ readonly field: RuleField; readonly type: string }> = [
  { field: "visitor_id", type: "VISITOR_ID" },
  { field: "browser_id", type: "BROWSER_ID" },
  { field: "visitor_fingerprint", type: "VISITOR_FINGERPRINT" },
  { field: "browser_fingerprint", type: "BROWSER_FINGERPRINT" },
  { field: "hardware_fingerprint", type: "HARDWARE_FINGERPRINT" },
  { field: "network_fingerprint", type: "NETWORK_FINGERPRINT" },
  { field: "cidr_block", type: "CIDR_BLOCK" },
  { field: "asn", type: "ASN" },
  { field: "country_code", type: "COUNTRY_CODE" }
]
const FIELD_OF_TYPE = new Map(RULE_KINDS.map((k) => [k.type, k.field]))
const ruleKey = (type: string, identifier: string) => `${type}:${identifier}`

/** Every identifier field of a rule answer: the rule's own set, the others `""` (as Stytch answers them). */
const identifierFields = (field: RuleField | undefined, identifier: string) =>
  Object.fromEntries(RULE_KINDS.map((k) => [k.field, k.field === field ? identifier : ""])) as Record<RuleField, string>

/** The value a telemetry record has for a (non-CIDR) rule kind. */
const telemetryIdentifier = (t: TelemetryRecord, field: Exclude<RuleField, "cidr_block">): string => {
  switch (field) {
    case "asn":
      return t.asn.asn
    case "country_code":
      return t.ip_geolocation.country
    default:
      return t.fingerprints[field]
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Seeding telemetry (the test control)

/**
 * What a test says about a page load. Everything is optional: a seed without hints is a new device on a new network.
 * Fingerprints are derived from the device description, so seeds with the same `hardware_id` and `user_agent` share
 * the browser and hardware fingerprints (and the visitor / browser ids), and seeds with the same `network_id` (by
 * default the `ip_address`) share the network fingerprint. Explicit ids and fingerprints win over derived ones.
 *
 * @since 0.1.0
 * @category models
 */
export interface SeedTelemetryOptions {
  /** Default: a new UUID. Seeding an id that is still live dies (a broken test setup). */
  readonly telemetry_id?: string | undefined
  /** A label for the physical machine. Default: a new one (a device never seen before). */
  readonly hardware_id?: string | undefined
  /** A label for the network. Default: the `ip_address`. */
  readonly network_id?: string | undefined
  readonly visitor_id?: string | undefined
  readonly browser_id?: string | undefined
  readonly visitor_fingerprint?: string | undefined
  readonly browser_fingerprint?: string | undefined
  readonly hardware_fingerprint?: string | undefined
  readonly network_fingerprint?: string | undefined
  /** IPv4 or IPv6. Default: a random address in 100.64.0.0/10. */
  readonly ip_address?: string | undefined
  /** Default: a desktop Chrome on macOS. */
  readonly user_agent?: string | undefined
  /** ISO 3166-1 alpha-2. Default: `US`. */
  readonly country?: string | undefined
  readonly region?: string | undefined
  readonly city?: string | undefined
  /** Default: `64496` (a documentation ASN). */
  readonly asn?: string | undefined
  readonly asn_name?: string | undefined
  /** Default: the address's /24 (IPv4) or /48 (IPv6). */
  readonly asn_network?: string | undefined
  readonly is_proxy?: boolean | undefined
  readonly is_vpn?: boolean | undefined
  /** Default: derived from the user agent (`MAC`, `WINDOWS`, `IOS`, `ANDROID`, `LINUX`, `UNKNOWN`). */
  readonly detected_device_type?: string | undefined
  /** Default: false when a reason names a deception or headless automation, true otherwise. */
  readonly is_authentic_device?: boolean | undefined
  /** The warning flags Stytch would have raised (e.g. `VIRTUAL_MACHINE`). Default: none. */
  readonly verdict_reasons?: ReadonlyArray<string> | undefined
  /** How long the telemetry id can be looked up. Default: 60. */
  readonly expires_in_minutes?: number | undefined
}

/**
 * @since 0.1.0
 * @category models
 */
export interface SeededTelemetry extends Fingerprints {
  readonly telemetry_id: string
  readonly expires_at: string
}

/** How long a seeded telemetry id can be looked up, by default. */
export const TELEMETRY_TTL_MINUTES = 60

const DEFAULT_USER_AGENT =
  "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36"

/** A stable id in Stytch's shape (`<prefix>-<uuid-like hex>`) from the signals it stands for. */
const derive = (prefix: string, ...signals: ReadonlyArray<string>) => {
  const h = createHash("sha256").update(signals.join("\u0000")).digest("hex")
  return `${prefix}-${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`
}

const deviceType = (userAgent: string) =>
  /iPhone|iPad/.test(userAgent)
    ? "IOS"
    : /Android/.test(userAgent)
    ? "ANDROID"
    : /Mac OS X|Macintosh/.test(userAgent)
    ? "MAC"
    : /Windows/.test(userAgent)
    ? "WINDOWS"
    : /Linux/.test(userAgent)
    ? "LINUX"
    : "UNKNOWN"

/** Registers telemetry as if the DFP browser library had sent it. Throws on a broken setup (the caller dies). */
export const seedTelemetry = (store: Store, now: number, options: SeedTelemetryOptions = {}): SeededTelemetry => {
  const o = options
  const telemetry_id = o.telemetry_id ?? randomUUID()
  const existing = store.telemetry.get(telemetry_id)
  if (existing !== undefined && existing.expires_at > now) {
    throw new Error(`seedTelemetry: telemetry_id ${telemetry_id} already exists`)
  }
  const ip_address = o.ip_address ?? `100.${64 + randomInt(64)}.${randomInt(256)}.${1 + randomInt(254)}`
  const ip = parseIp(ip_address)
  if (ip === undefined) throw new Error(`seedTelemetry: ip_address ${ip_address} is not an IP address`)
  const country = (o.country ?? "US").toUpperCase()
  if (!COUNTRY_CODES.has(country)) throw new Error(`seedTelemetry: country ${o.country} is not ISO 3166-1 alpha-2`)
  const asn = o.asn ?? "64496"
  if (!isAsn(asn)) throw new Error(`seedTelemetry: asn ${asn} is not an integer from 0 to 4294967295`)
  const minutes = o.expires_in_minutes ?? TELEMETRY_TTL_MINUTES
  if (!(minutes > 0)) throw new Error("seedTelemetry: expires_in_minutes must be positive")
  const reasons = [...(o.verdict_reasons ?? [])]
  if (reasons.some((r) => typeof r !== "string" || r === "" || r === RULE_MATCH)) {
    throw new Error("seedTelemetry: verdict_reasons must be non-empty strings other than RULE_MATCH")
  }

  const user_agent = o.user_agent ?? DEFAULT_USER_AGENT
  const asnPrefix = ip.version === 4 ? 24 : 48
  const detected_device_type = o.detected_device_type ?? deviceType(user_agent)
  const hardware_id = o.hardware_id ?? randomUUID()
  const hardware_fingerprint = o.hardware_fingerprint ?? derive("hardware-fingerprint", hardware_id, detected_device_type)
  const network_fingerprint = o.network_fingerprint ?? derive("network-fingerprint", o.network_id ?? formatIp(ip))
  // The browser is the user agent on that hardware; the visitor fingerprint is its cookie-less identity, the visitor
  // id its cookie, and the browser id the cookie on that hardware (as Stytch defines them).
  const browser_fingerprint = o.browser_fingerprint ?? derive("browser-fingerprint", user_agent, hardware_fingerprint)
  const visitor_fingerprint = o.visitor_fingerprint ??
    derive("visitor-fingerprint", browser_fingerprint, hardware_fingerprint)
  const visitor_id = o.visitor_id ?? derive("visitor", "cookie", browser_fingerprint)
  const browser_id = o.browser_id ?? derive("browser-id", visitor_id, hardware_fingerprint)
  const fingerprints = {
    visitor_id,
    browser_id,
    visitor_fingerprint,
    browser_fingerprint,
    hardware_fingerprint,
    network_fingerprint
  }
  for (const [field, value] of Object.entries(fingerprints)) {
    if (!FINGERPRINT_FORMAT[field as FingerprintField].test(value)) {
      throw new Error(`seedTelemetry: ${field} ${value} does not have Stytch's format`)
    }
  }

  const record: TelemetryRecord = {
    telemetry_id,
    created_at: now,
    expires_at: now + minutes * 60_000,
    fingerprints,
    ip_address: formatIp(ip),
    user_agent,
    asn: {
      asn,
      name: o.asn_name ?? "EXAMPLE-NET",
      network: o.asn_network ?? formatCidr({ ...ip, prefix: asnPrefix, value: ip.value & mask(ip.version, asnPrefix) })
    },
    ip_geolocation: { city: o.city ?? "San Francisco", region: o.region ?? "California", country },
    is_proxy: o.is_proxy ?? false,
    is_vpn: o.is_vpn ?? false,
    detected_device_type,
    is_authentic_device: o.is_authentic_device ??
      !reasons.some((r) => r.includes("DECEPTION") || r === "HEADLESS_BROWSER_AUTOMATION"),
    verdict_reasons: reasons,
    external_metadata: {}
  }
  store.putTelemetry(record)
  return { telemetry_id, ...fingerprints, expires_at: iso(record.expires_at) }
}

// ---------------------------------------------------------------------------------------------------------------
// Fingerprint lookup

const METADATA_FIELDS = ["external_id", "organization_id", "user_action"] as const
const METADATA_VALUE = /^[A-Za-z0-9_\-+.@]{0,65}$/

const liveRule = (now: number) => (r: FraudRuleRecord) => r.expires_at === undefined || r.expires_at > now

/** The rule that decides this telemetry's verdict, if any. */
const matchingRule = (store: Store, now: number, t: TelemetryRecord): FraudRuleRecord | undefined => {
  const live = liveRule(now)
  for (const { field, type } of RULE_KINDS) {
    if (field === "cidr_block") {
      const ip = parseIp(t.ip_address)!
      // The smallest block wins. (The API also ranks actions among blocks of one size, but two blocks of one size
      // holding the same address are the same block, which is one rule here since blocks are stored normalized.)
      let best: { rule: FraudRuleRecord; prefix: number } | undefined
      for (const rule of store.fraudRules.values()) {
        if (rule.rule_type !== type || !live(rule)) continue
        const block = parseCidr(rule.identifier) as Cidr
        if (contains(block, ip) && (best === undefined || block.prefix > best.prefix)) best = { rule, prefix: block.prefix }
      }
      if (best !== undefined) return best.rule
      continue
    }
    const rule = store.fraudRules.get(ruleKey(type, telemetryIdentifier(t, field)))
    if (rule !== undefined && live(rule)) return rule
  }
  return undefined
}

const lookup: Handler<"fraud.fingerprint.lookup"> = (ctx, req) =>
  Effect.gen(function*() {
    const metadata: Record<string, string> = {}
    for (const field of METADATA_FIELDS) {
      const value = req.external_metadata?.[field]
      if (value === undefined) continue
      if (!METADATA_VALUE.test(value)) return yield* fail("invalid_external_metadata")
      metadata[field] = value
    }
    const t = ctx.store.telemetry.get(req.telemetry_id)
    // An expired telemetry id is "not found", as the API documents.
    if (t === undefined || t.expires_at <= ctx.now) return yield* fail("telemetry_id_not_found")

    t.external_metadata = { ...t.external_metadata, ...metadata }
    const overrides = t.verdict_reasons.flatMap((reason) => {
      const o = ctx.store.verdictReasonOverrides.get(reason)
      return o === undefined ? [] : [{ verdict_reason: reason, override_action: o.override_action }]
    })
    const rule = matchingRule(ctx.store, ctx.now, t)
    const verdict = {
      action: rule?.action ?? strictest(t.verdict_reasons.map((r) => reasonAction(ctx.store, r))),
      reasons: rule === undefined ? [...t.verdict_reasons] : [RULE_MATCH, ...t.verdict_reasons],
      detected_device_type: t.detected_device_type,
      is_authentic_device: t.is_authentic_device,
      verdict_reason_overrides: overrides,
      ...(rule === undefined ? {} : { rule_match_type: rule.rule_type, rule_match_identifier: rule.identifier })
    }
    return {
      telemetry_id: t.telemetry_id,
      fingerprints: { ...t.fingerprints },
      verdict,
      external_metadata: { ...t.external_metadata },
      created_at: iso(t.created_at),
      expires_at: iso(t.expires_at),
      properties: {
        network_properties: {
          ip_address: t.ip_address,
          asn: { ...t.asn },
          ip_geolocation: { ...t.ip_geolocation },
          is_proxy: t.is_proxy,
          is_vpn: t.is_vpn
        },
        browser_properties: { user_agent: t.user_agent }
      }
    }
  })

// ---------------------------------------------------------------------------------------------------------------
// Rules

const ruleWire = (r: FraudRuleRecord) => ({
  rule_type: r.rule_type,
  action: r.action,
  created_at: iso(r.created_at),
  ...identifierFields(FIELD_OF_TYPE.get(r.rule_type), r.identifier),
  description: r.description ?? "",
  expires_at: r.expires_at === undefined ? null : iso(r.expires_at),
  last_updated_at: iso(r.last_updated_at)
})

const setRule: Handler<"fraud.rules.set"> = (ctx, req) =>
  Effect.gen(function*() {
    const action = req.action
    if (!isAction(action) && action !== "NONE") return yield* fail("invalid_action_for_rules")
    // An empty string counts as absent (Stytch's own examples send "" for the identifiers not in use).
    const given = RULE_KINDS.flatMap((kind) => {
      const value = req[kind.field]
      return value === undefined || value === "" ? [] : [{ ...kind, value }]
    })
    if (given.length !== 1) {
      return yield* fail(
        "bad_request",
        `Exactly one identifier must be specified (one of ${RULE_KINDS.map((k) => k.field).join(", ")}).`,
        400
      )
    }
    const { field, type, value } = given[0]!
    let identifier = value
    if (field === "cidr_block") {
      const block = parseCidr(value)
      if (block === "invalid") return yield* fail("invalid_cidr_block")
      if (block === "prefix") return yield* fail("cidr_block_invalid_prefix")
      identifier = formatCidr(block)
    } else if (field === "country_code") {
      identifier = value.toUpperCase()
      if (!COUNTRY_CODES.has(identifier)) return yield* fail("invalid_country_code")
      if (action === "ALLOW") return yield* fail("invalid_country_code_allow_rule")
    } else if (field === "asn") {
      if (!isAsn(value)) return yield* fail("invalid_asn")
    } else if (!FINGERPRINT_FORMAT[field].test(value)) {
      return yield* fail("invalid_fingerprint_or_id")
    }
    const minutes = req.expires_in_minutes
    if (action !== "NONE" && minutes !== undefined && (!Number.isInteger(minutes) || minutes < 1)) {
      return yield* fail("bad_request", "expires_in_minutes must be a positive integer.", 400)
    }

    // Valid: mutate in one block.
    const key = ruleKey(type, identifier)
    if (!isAction(action)) {
      // `NONE` clears the stored rule (a no-op when there is none).
      ctx.store.deleteFraudRule(key)
      return { action, ...identifierFields(field, identifier) }
    }
    const live = liveRule(ctx.now)
    for (const [k, r] of [...ctx.store.fraudRules]) if (!live(r)) ctx.store.deleteFraudRule(k)
    const expires_at = minutes === undefined ? undefined : ctx.now + minutes * 60_000
    const existing = ctx.store.fraudRules.get(key)
    // Setting a rule again replaces its action, expiry and description; it keeps its creation time and place.
    const rule: FraudRuleRecord = {
      rule_type: type,
      identifier,
      seq: existing?.seq ?? ctx.store.nextSeq(),
      created_at: existing?.created_at ?? ctx.now,
      action,
      last_updated_at: ctx.now,
      expires_at,
      description: req.description
    }
    ctx.store.putFraudRule(key, rule)
    return {
      action,
      ...identifierFields(field, identifier),
      expires_at: expires_at === undefined ? null : iso(expires_at)
    }
  })

const RULES_DEFAULT_LIMIT = 10
const RULES_MAX_LIMIT = 100

/** Cursors are opaque: the creation counter of the last rule returned, base64url. */
const encodeCursor = (r: FraudRuleRecord) => Buffer.from(`rule:${r.seq}`).toString("base64url")
const decodeCursor = (cursor: string): number | undefined => {
  const m = /^rule:(\d+)$/.exec(Buffer.from(cursor, "base64url").toString("utf8"))
  return m === null ? undefined : Number(m[1])
}

const listRules: Handler<"fraud.rules.list"> = (ctx, req) =>
  Effect.gen(function*() {
    const limit = req.limit ?? RULES_DEFAULT_LIMIT
    if (!Number.isInteger(limit) || limit < 1 || limit > RULES_MAX_LIMIT) {
      return yield* fail("bad_request", `limit must be between 1 and ${RULES_MAX_LIMIT}.`, 400)
    }
    const after = req.cursor === undefined || req.cursor === "" ? undefined : decodeCursor(req.cursor)
    if (req.cursor !== undefined && req.cursor !== "" && after === undefined) return yield* fail("dfp_rule_invalid_cursor")
    const all = [...ctx.store.fraudRules.values()].filter(liveRule(ctx.now)).sort((a, b) => a.seq - b.seq)
    const rest = after === undefined ? all : all.filter((r) => r.seq > after)
    const page = rest.slice(0, limit)
    return {
      rules: page.map(ruleWire),
      // The field is required on the wire: an empty string marks the last page.
      next_cursor: rest.length > limit ? encodeCursor(page[page.length - 1]!) : ""
    }
  })

// ---------------------------------------------------------------------------------------------------------------
// Verdict reasons

const reasonActionWire = (reason: string, default_action: FraudAction, o: VerdictReasonOverrideRecord | undefined) => ({
  verdict_reason: reason,
  default_action,
  override_action: o === undefined ? null : o.override_action,
  override_created_at: o === undefined ? null : iso(o.created_at),
  override_description: o === undefined ? null : o.description ?? ""
})

const overrideReason: Handler<"fraud.verdictReasons.override"> = (ctx, req) =>
  Effect.gen(function*() {
    if (req.verdict_reason === RULE_MATCH) {
      return yield* fail("bad_request", "You may not override the RULE_MATCH reason.", 400)
    }
    const default_action = DEFAULT_ACTION.get(req.verdict_reason)
    if (default_action === undefined) {
      return yield* fail("bad_request", `Unknown verdict_reason: ${req.verdict_reason}.`, 400)
    }
    const action = req.override_action
    if (!isAction(action) && action !== "NONE") {
      return yield* fail("bad_request", "override_action must be one of ALLOW, BLOCK, CHALLENGE or NONE.", 400)
    }
    if (!isAction(action)) {
      // `NONE` removes the override: the reason goes back to its default action.
      ctx.store.deleteVerdictReasonOverride(req.verdict_reason)
      return { verdict_reason_action: reasonActionWire(req.verdict_reason, default_action, undefined) }
    }
    const record: VerdictReasonOverrideRecord = {
      override_action: action,
      created_at: ctx.now,
      description: req.override_description
    }
    ctx.store.putVerdictReasonOverride(req.verdict_reason, record)
    return { verdict_reason_action: reasonActionWire(req.verdict_reason, default_action, record) }
  })

const listReasons: Handler<"fraud.verdictReasons.list"> = (ctx, req) =>
  Effect.sync(() => ({
    verdict_reason_actions: VERDICT_REASONS
      .map(([reason, default_action]) => [reason, default_action, ctx.store.verdictReasonOverrides.get(reason)] as const)
      .filter(([, , o]) => req.overrides_only !== true || o !== undefined)
      .map(([reason, default_action, o]) => reasonActionWire(reason, default_action, o))
  }))

// ---------------------------------------------------------------------------------------------------------------
// Email risk

/**
 * Well-known disposable-mailbox domains (a small bundled sample; subdomains match too). The real service uses live
 * lists and DNS; the emulator's answer is a deterministic function of the address.
 */
const DISPOSABLE_DOMAINS = new Set([
  "10minutemail.com",
  "33mail.com",
  "burnermail.io",
  "discard.email",
  "dispostable.com",
  "emailondeck.com",
  "fakeinbox.com",
  "getnada.com",
  "grr.la",
  "guerrillamail.com",
  "guerrillamail.net",
  "mailinator.com",
  "maildrop.cc",
  "mailnesia.com",
  "mintemail.com",
  "mohmal.com",
  "moakt.com",
  "mytemp.email",
  "sharklasers.com",
  "spamgourmet.com",
  "temp-mail.org",
  "tempmail.com",
  "tempr.email",
  "throwawaymail.com",
  "trashmail.com",
  "yopmail.com"
])

/** Local parts that name a role or a group rather than a person. */
const ROLE_LOCAL_PARTS = new Set([
  "abuse",
  "accounts",
  "admin",
  "administrator",
  "billing",
  "careers",
  "contact",
  "help",
  "hello",
  "hostmaster",
  "hr",
  "info",
  "jobs",
  "marketing",
  "no-reply",
  "noreply",
  "office",
  "postmaster",
  "press",
  "root",
  "sales",
  "security",
  "support",
  "team",
  "webmaster"
])

/** Top-level domains that never resolve (RFC 2606 / 6761), so no MX or A record. */
const UNRESOLVABLE_TLDS = new Set(["invalid", "localhost"])

const EMAIL_SYNTAX = /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$/

/**
 * The risk of one address. Score (0 to 100, capped): invalid syntax 100; no MX/A record (an unresolvable TLD) 80;
 * a disposable domain 70; a role address 25; each tumbling character ('.' or '+' in the local part) beyond the first
 * 10, at most 40; otherwise 5. Action: `BLOCK` from 70, `CHALLENGE` from 30, else `ALLOW`.
 */
export const emailRisk = (address: string) => {
  const email = address.trim()
  const has_valid_syntax = EMAIL_SYNTAX.test(email) && email.length <= 254 && !/\.\.|^\.|\.@/.test(email)
  const at = email.lastIndexOf("@")
  const local = at < 0 ? email.toLowerCase() : email.slice(0, at).toLowerCase()
  const domain = at < 0 ? "" : email.slice(at + 1).toLowerCase()
  const plus = local.indexOf("+")
  const base = (plus < 0 ? local : local.slice(0, plus)).replace(/\./g, "")
  const normalized_email = at < 0 ? email.toLowerCase() : `${base}@${domain}`
  const tumbling_character_count = [...local].filter((c) => c === "." || c === "+").length
  const labels = domain.split(".")
  const is_disposable_domain = labels.some((_, i) => DISPOSABLE_DOMAINS.has(labels.slice(i).join(".")))
  const has_mx_or_a_record = has_valid_syntax && !UNRESOLVABLE_TLDS.has(labels[labels.length - 1]!)
  const is_suspected_role_address = ROLE_LOCAL_PARTS.has(base) || ROLE_LOCAL_PARTS.has(local.split("+")[0]!)

  const signals = (has_mx_or_a_record ? 0 : 80) + (is_disposable_domain ? 70 : 0) +
    (is_suspected_role_address ? 25 : 0) + Math.min(40, 10 * Math.max(0, tumbling_character_count - 1))
  const risk_score = !has_valid_syntax ? 100 : signals === 0 ? 5 : Math.min(100, signals)
  const action: FraudAction = risk_score >= 70 ? "BLOCK" : risk_score >= 30 ? "CHALLENGE" : "ALLOW"
  return {
    address_information: {
      // The emulator has no delivery history.
      has_known_bounces: false,
      has_valid_syntax,
      is_suspected_role_address,
      normalized_email,
      tumbling_character_count
    },
    domain_information: { has_mx_or_a_record, is_disposable_domain },
    action,
    risk_score
  }
}

const risk: Handler<"fraud.email.risk"> = (_ctx, req) => Effect.sync(() => emailRisk(req.email_address))

export const fraudHandlers = {
  "fraud.fingerprint.lookup": lookup,
  "fraud.rules.set": setRule,
  "fraud.rules.list": listRules,
  "fraud.verdictReasons.override": overrideReason,
  "fraud.verdictReasons.list": listReasons,
  "fraud.email.risk": risk
} satisfies AreaHandlers
