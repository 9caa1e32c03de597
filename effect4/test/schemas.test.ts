/**
 * The generated Effect 4 schemas: responses decode tolerantly (a `null` optional is a missing key, unknown fields
 * are dropped, enums read as strings), requests encode strictly (an unknown field is refused with the pipeline's
 * `onExcessProperty: "error"`), every one of the 294 spec types constructs and reads a sample built from
 * spec/api-spec.json, and the endpoint tables are the Effect 3 line's, fact for fact.
 */
import { assert, describe, it } from "@effect/vitest"
import * as Exit from "effect/Exit"
import * as S from "effect/Schema"
import * as fs from "node:fs"
import * as v3Endpoints from "../../src/schemas/Endpoints.js"
import * as v3Models from "../../src/schemas/Models.js"
import * as Endpoints from "../src/schemas/Endpoints.js"
import { IntrospectTokenResponse } from "../src/schemas/IDP.js"
import * as Models from "../src/schemas/Models.js"
import { PasswordsCreateResponse } from "../src/schemas/Passwords.js"
import { NoRequest } from "../src/schemas/Shared.js"
import {
  SearchUsersQueryOperand,
  UsersCreateRequest,
  UsersGetResponse,
  UsersSearchRequest
} from "../src/schemas/Users.js"
import { describeParseError } from "../src/schemas/Errors.js"
import { optionalNullable } from "../src/internal/schema.js"

/** How the pipeline compiles them: decoding tolerates unknown keys, encoding refuses them. */
const decode = <A, I>(schema: S.Codec<A, I>) => S.decodeUnknownExit(schema)
const encode = <A, I>(schema: S.Codec<A, I>) => S.encodeUnknownExit(schema, { onExcessProperty: "error" })

const success = <A, E>(exit: Exit.Exit<A, E>): A => {
  if (Exit.isSuccess(exit)) return exit.value
  throw new Error(`expected a success, got ${String(exit.cause)}`)
}
const failureText = <A>(exit: Exit.Exit<A, S.SchemaError>): string => {
  if (Exit.isSuccess(exit)) throw new Error(`expected a failure, got ${JSON.stringify(exit.value)}`)
  const error = exit.cause.reasons.find((r) => r._tag === "Fail")
  if (error === undefined || error._tag !== "Fail") throw new Error(`not a schema failure: ${String(exit.cause)}`)
  return describeParseError(error.error)
}

// A users.get answer as Stytch sends it: nulls for absent optionals, fields this SDK does not know.
const wireUser = {
  request_id: "request-id-test-3f7b7c1e-0d4c-4a5e-9b1a-2f2c1d0e9a11",
  status_code: 200,
  user_id: "user-test-d5a3b680-e8a3-40c0-b815-ab79986666d0",
  emails: [
    { email_id: "email-test-81bf03a8-86e1-4d95-bd44-bb3495224953", email: "sandbox@stytch.com", verified: true }
  ],
  status: "active",
  phone_numbers: [
    {
      phone_id: "phone-number-test-d5a3b680-e8a3-40c0-b815-ab79986666d0",
      phone_number: "+12025550162",
      verified: false
    }
  ],
  webauthn_registrations: [],
  providers: [{
    provider_type: "Google",
    provider_subject: "10769150350006150715113082367",
    profile_picture_url: "https://lh3.googleusercontent.com/a/default-user",
    locale: "en",
    oauth_user_registration_id: "oauth-user-test-de86770c-911d-463f-80e7-f8f4f1e5e1b9",
    // Not in the spec: dropped.
    provider_tenant_id: null
  }],
  totps: [{ totp_id: "totp-test-41920359-8bbb-4fe8-8fa3-aaa83f35f02c", verified: true }],
  crypto_wallets: [],
  biometric_registrations: [],
  is_locked: false,
  roles: ["stytch_user"],
  name: { first_name: "Jane", middle_name: null, last_name: "Doe" },
  created_at: "2024-03-11T17:41:23Z",
  password: null,
  trusted_metadata: { plan: "pro", seats: 3 },
  untrusted_metadata: null,
  external_id: null,
  lock_created_at: null,
  lock_expires_at: null,
  // A field Stytch added after this SDK: dropped, never an error.
  brand_new_field: { nested: true }
}

describe("responses (tolerant)", () => {
  it("a full users.get answer decodes; null optionals are missing keys; unknown fields are dropped", () => {
    const user = success(decode(UsersGetResponse)(wireUser))
    assert.deepStrictEqual(user, {
      request_id: wireUser.request_id,
      status_code: 200,
      user_id: wireUser.user_id,
      emails: wireUser.emails,
      status: "active",
      phone_numbers: wireUser.phone_numbers,
      webauthn_registrations: [],
      providers: [{
        provider_type: "Google",
        provider_subject: "10769150350006150715113082367",
        profile_picture_url: "https://lh3.googleusercontent.com/a/default-user",
        locale: "en",
        oauth_user_registration_id: "oauth-user-test-de86770c-911d-463f-80e7-f8f4f1e5e1b9"
      }],
      totps: wireUser.totps,
      crypto_wallets: [],
      biometric_registrations: [],
      is_locked: false,
      roles: ["stytch_user"],
      name: { first_name: "Jane", last_name: "Doe" },
      created_at: "2024-03-11T17:41:23Z",
      trusted_metadata: { plan: "pro", seats: 3 }
    })
    // Missing, not present-and-undefined.
    for (const key of ["password", "untrusted_metadata", "external_id", "lock_created_at", "brand_new_field"]) {
      assert.isFalse(key in user, key)
    }
    assert.isFalse("middle_name" in user.name!)
  })

  it("an absent optional and an absent request_id are fine; a null required field is not", () => {
    const { request_id: _, name: __, ...minimal } = wireUser
    const user = success(decode(UsersGetResponse)(minimal))
    assert.isFalse("request_id" in user)
    assert.isFalse("name" in user)
    const text = failureText(decode(UsersGetResponse)({ ...wireUser, user_id: null }))
    assert.include(text, "user_id")
    assert.include(text, "Expected string")
    const noEmail = decode(UsersGetResponse)({ ...wireUser, emails: [{ email_id: "e", verified: true }] })
    assert.strictEqual(failureText(noEmail), "emails.0.email: is missing")
  })

  it("an optional key holding undefined is refused, as in the Effect 3 line (JSON never has one)", () => {
    assert.isTrue(Exit.isFailure(decode(UsersGetResponse)({ ...wireUser, external_id: undefined })))
  })

  it("enums read as plain strings: a new server value never fails a whole answer", () => {
    const user = success(decode(UsersGetResponse)({ ...wireUser, status: "status_added_next_year" }))
    assert.strictEqual(user.status, "status_added_next_year")
  })

  it("the relaxed fields: passwords.create without session or user decodes", () => {
    const created = success(decode(PasswordsCreateResponse)({
      request_id: "request-id-test-1",
      status_code: 200,
      user_id: "user-test-1",
      email_id: "email-test-1",
      session_token: null,
      session_jwt: null
    }))
    assert.deepStrictEqual(created, {
      request_id: "request-id-test-1",
      status_code: 200,
      user_id: "user-test-1",
      email_id: "email-test-1"
    })
  })

  it("unions: the active and the inactive introspection answers", () => {
    const active = success(decode(IntrospectTokenResponse)({
      active: true,
      request_id: "r",
      status_code: 200,
      sub: "user-test-1",
      scope: "openid",
      aud: ["project-test-1"],
      exp: 1_900_000_000,
      extra: "dropped"
    }))
    assert.deepStrictEqual(active, {
      active: true,
      request_id: "r",
      status_code: 200,
      sub: "user-test-1",
      scope: "openid",
      aud: ["project-test-1"],
      exp: 1_900_000_000
    })
    const inactive = { active: false, request_id: "r", status_code: 200 }
    assert.deepStrictEqual(success(decode(IntrospectTokenResponse)(inactive)), inactive)
    assert.isTrue(Exit.isFailure(decode(IntrospectTokenResponse)({ active: "yes", request_id: "r", status_code: 200 })))
  })
})

describe("requests (strict)", () => {
  it("a valid request encodes to itself; an explicit undefined optional is accepted", () => {
    const request = {
      email: "sandbox@stytch.com",
      name: { first_name: "Jane" },
      trusted_metadata: { plan: "pro" },
      roles: ["admin"],
      phone_number: undefined
    }
    assert.deepStrictEqual(success(encode(UsersCreateRequest)(request)), request)
  })

  it("an unknown field, at the top or nested, is refused by name, never by value", () => {
    const secret = "sesion-canary-5c1f9a"
    const top = failureText(encode(UsersCreateRequest)({ email: "a@example.com", sesion_duration_minutes: secret }))
    assert.strictEqual(top, "sesion_duration_minutes: is not a field of this request or model")
    const nested = failureText(encode(UsersCreateRequest)({ email: "a@example.com", name: { first: secret } }))
    assert.strictEqual(nested, "name.first: is not a field of this request or model")
    assert.notInclude(top + nested, secret)
    // Decoding with the default options drops it instead (what responses need).
    const decoded = success(decode(UsersCreateRequest)({ email: "a@example.com", other: 1 }))
    assert.deepStrictEqual(decoded, { email: "a@example.com" })
  })

  it("closed request enums refuse other values; the open filter operand keeps its own keys", () => {
    const status = { filter_name: "status", filter_value: "active" } as const
    assert.deepStrictEqual(success(encode(SearchUsersQueryOperand)(status)), status)
    // `status` only takes active|pending; the catch-all operand takes a string filter_name with any other keys.
    const future = { filter_name: "filter_added_later", filter_value: ["x"], extra_option: true }
    assert.deepStrictEqual(success(encode(SearchUsersQueryOperand)(future)), future)
    const search = { limit: 10, query: { operator: "AND", operands: [status, future] } }
    assert.deepStrictEqual(success(encode(UsersSearchRequest)(search)), search)
    assert.isTrue(Exit.isFailure(encode(SearchUsersQueryOperand)({ filter_value: "active" })))
    assert.isTrue(Exit.isFailure(encode(UsersSearchRequest)({ limit: "10" })))
  })

  it("NoRequest is the empty struct, as in the Effect 3 line", () => {
    assert.deepStrictEqual(success(encode(NoRequest)({})), {})
    // Effect's empty struct (3 and 4 alike) is "any value": excess-property checks only apply to declared shapes.
    assert.deepStrictEqual(success(encode(NoRequest)({ anything: 1 })), { anything: 1 })
  })
})

describe("optionalNullable", () => {
  const Schema = S.Struct({ a: optionalNullable(S.Struct({ b: optionalNullable(S.Number) })) })

  it("decodes null and missing to missing, and encodes a missing key as missing", () => {
    assert.deepStrictEqual(success(decode(Schema)({ a: null })), {})
    assert.deepStrictEqual(success(decode(Schema)({})), {})
    assert.deepStrictEqual(success(decode(Schema)({ a: { b: null } })), { a: {} })
    assert.deepStrictEqual(success(decode(Schema)({ a: { b: 1 } })), { a: { b: 1 } })
    assert.isTrue(Exit.isFailure(decode(Schema)({ a: { b: "1" } })))
    assert.deepStrictEqual(success(encode(Schema)({})), {})
    assert.deepStrictEqual(success(encode(Schema)({ a: { b: 2 } })), { a: { b: 2 } })
  })
})

// ---------------------------------------------------------------------------------------------------------------
// Every spec type, from spec/api-spec.json

interface Field {
  readonly name: string
  readonly type: string
  readonly optional?: boolean
  readonly orUndefined?: boolean
  readonly const?: boolean
  readonly fields?: ReadonlyArray<Field>
}
interface SpecType {
  readonly kind: "model" | "request" | "response" | "error"
  readonly union?: boolean
  readonly fields?: ReadonlyArray<Field>
  readonly variants?: ReadonlyArray<{ readonly type?: string; readonly fields?: ReadonlyArray<Field> }>
}
const spec: { readonly types: Record<string, SpecType> } = JSON.parse(
  fs.readFileSync(new URL("../../spec/api-spec.json", import.meta.url), "utf8")
)

const splitTop = (s: string): Array<string> => {
  const out: Array<string> = []
  let depth = 0
  let current = ""
  for (const ch of s) {
    if (ch === "<") depth++
    if (ch === ">") depth--
    if (ch === "," && depth === 0) {
      out.push(current)
      current = ""
    } else current += ch
  }
  return [...out, current]
}

/**
 * A wire value of a spec type: every required field with a valid value; every optional one `null` in answers
 * (`nulls`) and left out of requests. Arrays hold one element (to reach the element schema), up to a depth.
 */
const sampleOf = (type: string, field: Partial<Field>, nulls: boolean, depth: number): unknown => {
  if (type === "string") return "text"
  if (type === "number") return 7
  if (type === "boolean") return true
  if (type === "unknown") return { any: ["thing"] }
  if (type === "object") return objectOf(field.fields ?? [], nulls, depth)
  if (type.startsWith("ref:")) return typeSample(type.slice(4), nulls, depth + 1)
  if (type.startsWith("array<")) return depth > 6 ? [] : [sampleOf(type.slice(6, -1), {}, nulls, depth + 1)]
  if (type.startsWith("record<string,")) return { key: sampleOf(type.slice(14, -1), {}, nulls, depth + 1) }
  if (type.startsWith("union<")) return sampleOf(splitTop(type.slice(6, -1))[0]!, {}, nulls, depth)
  if (type.startsWith("enum:")) return type.slice(5).split("|")[0]
  throw new Error(`unknown type ${type}`)
}
const objectOf = (fields: ReadonlyArray<Field>, nulls: boolean, depth: number) =>
  Object.fromEntries(
    fields.flatMap((f) =>
      f.optional || f.orUndefined
        ? (nulls ? [[f.name, null]] : [])
        : [[f.name, sampleOf(f.type, f, nulls, depth)]]
    )
  )
const typeSample = (name: string, nulls: boolean, depth: number): unknown => {
  const t = spec.types[name]!
  if (t.union) {
    const v = t.variants![0]!
    return v.type ? sampleOf(v.type, {}, nulls, depth) : objectOf(v.fields ?? [], nulls, depth)
  }
  return objectOf(t.fields ?? [], nulls, depth)
}

/** Whether a value holds a `null` anywhere. */
const hasNull = (u: unknown): boolean =>
  u === null || (typeof u === "object" && Object.values(u as object).some(hasNull))

describe("every spec type", () => {
  const names = Object.keys(spec.types)
  const schemas = Models as unknown as Record<string, S.Codec<unknown, unknown> | undefined>

  it("has a schema in Models (294), the same names as the Effect 3 line's", () => {
    assert.strictEqual(names.length, 294)
    assert.deepStrictEqual(names.filter((n) => schemas[n] === undefined), [])
    const exported = (m: object) => Object.keys(m).sort()
    assert.deepStrictEqual(exported(Models), exported(v3Models))
  })

  it("answers and models read a sample with null optionals (no null survives); requests encode strictly", () => {
    const problems: Array<string> = []
    for (const name of names) {
      const schema = schemas[name]!
      if (spec.types[name]!.kind === "request") {
        const request = typeSample(name, false, 0) as Record<string, unknown>
        const encoded = encode(schema)(request)
        if (Exit.isFailure(encoded)) problems.push(`${name}: ${String(encoded.cause)}`)
        if (!Array.isArray(request) && Exit.isSuccess(encode(schema)({ ...request, __not_a_field: 1 }))) {
          problems.push(`${name}: accepted an unknown field`)
        }
        continue
      }
      const decoded = decode(schema)(typeSample(name, true, 0))
      if (Exit.isFailure(decoded)) problems.push(`${name}: ${String(decoded.cause)}`)
      else if (hasNull(decoded.value)) problems.push(`${name}: a null survived ${JSON.stringify(decoded.value)}`)
      // Unknown fields are dropped, not refused.
      const withExtra = decode(schema)({ ...(typeSample(name, false, 0) as object), __added_later: 1 })
      if (Exit.isFailure(withExtra)) problems.push(`${name}: refused an unknown field`)
      else if ("__added_later" in (withExtra.value as object)) problems.push(`${name}: kept an unknown field`)
    }
    assert.deepStrictEqual(problems, [])
  })
})

// ---------------------------------------------------------------------------------------------------------------

describe("endpoint tables", () => {
  /** The plain facts of an endpoint (no schemas: the two lines' schemas are different libraries' objects). */
  type Fact = "id" | "method" | "path" | "pathParams" | "fields" | "host" | "retry" | "session"
  const facts = (e: { readonly [K in Fact]: unknown }) => ({
    id: e.id,
    method: e.method,
    path: e.path,
    pathParams: e.pathParams,
    fields: e.fields,
    host: e.host,
    retry: e.retry,
    session: e.session
  })

  it("are the Effect 3 line's: same ids, methods, paths, fields, hosts, retry policies and session flags", () => {
    assert.strictEqual(Endpoints.all.length, 87)
    assert.deepStrictEqual(Endpoints.all.map(facts), v3Endpoints.all.map(facts))
    const areas = (m: object) => Object.keys(m).filter((k) => k !== "all").sort()
    assert.deepStrictEqual(areas(Endpoints), areas(v3Endpoints))
    assert.strictEqual(new Set(Endpoints.all.map((e) => e.id)).size, 87)
  })

  it("every endpoint's schemas are Effect 4 schemas of the spec's request and response", () => {
    for (const e of Endpoints.all) {
      assert.isTrue(S.isSchema(e.request), e.id)
      assert.isTrue(S.isSchema(e.response), e.id)
    }
    assert.strictEqual(Endpoints.users.get.response, UsersGetResponse)
    assert.strictEqual(Endpoints.users.create.request, UsersCreateRequest)
  })
})
