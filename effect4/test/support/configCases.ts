/**
 * The configuration's scenarios that both Effect lines check, as plain data and plain checks (no Effect): options
 * and environments that must fail at layer build (and what the error must name, and must not show), and the ones
 * that must resolve (to which values, and where the first request then goes). The Effect 3 suite
 * (test/config.test.ts) and the Effect 4 one (effect4/test/config.test.ts) build each through their own
 * `Stytch.layer` / `Stytch.layerConfig` / `ConfigProvider`, then hand what they saw to the checks here. It lives in
 * the Effect 4 test project, which sees only its own files; the Effect 3 suite imports it from here.
 */
import * as assert from "node:assert/strict"
import {
  BAD_BASE_URLS,
  BAD_MAX_RETRIES,
  BAD_PROJECT_IDS,
  BAD_PROJECT_IDS_WITH_BASE_URL,
  BAD_SECRETS,
  BAD_TIMEOUTS
} from "./pipelineCases.js"

export const PROJECT_ID = "project-test-11111111-2222-4333-8444-555555555555"
export const LIVE_PROJECT_ID = "project-live-11111111-2222-4333-8444-555555555555"
export const SECRET = "secret-test-c2VjcmV0LWNhbmFyeS1mb3ItY29uZmln"
export const BASIC = `Basic ${Buffer.from(`${PROJECT_ID}:${SECRET}`).toString("base64")}`

/** Options as plain data: `secret` is a string (or missing); `redacted` says the suite must wrap it in Redacted. */
export interface PlainOptions {
  readonly projectId?: string | undefined
  readonly secret?: string | undefined
  readonly redacted?: boolean
  readonly baseUrl?: string
  readonly fraudBaseUrl?: string
  readonly maxRetries?: number
  /** Untyped on purpose: "banana" is not a duration at all. */
  readonly timeout?: unknown
}

/**
 * What a failed build's error must say: `names` in its text, that the value is missing (in any case: each Effect
 * line words its own ConfigError), `absent` not in its text, `hidden` nowhere at all.
 */
export interface FailureExpectation {
  readonly names: ReadonlyArray<string>
  readonly missing?: boolean
  readonly absent?: ReadonlyArray<string>
  readonly hidden?: ReadonlyArray<string>
}

export interface OptionFailure extends FailureExpectation {
  readonly options: PlainOptions
}

export interface EnvFailure extends FailureExpectation {
  readonly env: Readonly<Record<string, string>>
}

/** A test: its name and its cases. */
export interface Cases<A> {
  readonly name: string
  readonly cases: ReadonlyArray<A>
}

const valid = { projectId: PROJECT_ID, secret: SECRET } as const

/** `Stytch.layer(options)` fails at build with a ConfigError naming the option; nothing is sent. */
export const OPTION_FAILURES: ReadonlyArray<Cases<OptionFailure>> = [
  {
    name: "missing or malformed project id -> options.projectId (not an environment variable)",
    cases: [
      { options: { projectId: undefined, secret: SECRET }, names: ["options.projectId"], missing: true },
      ...BAD_PROJECT_IDS.map((projectId) => ({
        options: { projectId, secret: SECRET },
        names: ["options.projectId"],
        absent: ["STYTCH_"]
      }))
    ]
  },
  {
    name: "with a base URL the project id must still be one word (it is the Basic auth user name)",
    cases: BAD_PROJECT_IDS_WITH_BASE_URL.map((projectId) => ({
      options: { projectId, secret: SECRET, baseUrl: "http://localhost:4010" },
      names: ["options.projectId"]
    }))
  },
  {
    name: "empty, blank or malformed secret -> options.secret, named but without echoing the value",
    cases: [
      // The option is named, so the message is not just "<redacted>".
      { options: { projectId: PROJECT_ID, secret: "" }, names: ["options.secret"], missing: true, absent: ["<redacted>"] },
      { options: { projectId: PROJECT_ID, secret: "", redacted: true }, names: ["options.secret"] },
      { options: { projectId: PROJECT_ID, secret: undefined }, names: ["options.secret"] },
      // A secret pasted with a space or a colon can never authenticate (and a colon breaks Basic auth).
      ...BAD_SECRETS.map((secret) => ({ options: { projectId: PROJECT_ID, secret }, names: ["options.secret"], hidden: ["canary"] }))
    ]
  },
  {
    name: "bad base URLs -> options.baseUrl / options.fraudBaseUrl",
    cases: [
      ...BAD_BASE_URLS.map((baseUrl) => ({ options: { ...valid, baseUrl }, names: ["options.baseUrl"] })),
      { options: { ...valid, fraudBaseUrl: "telemetry" }, names: ["options.fraudBaseUrl"] }
    ]
  },
  {
    name: "a base URL with credentials is rejected without echoing them",
    cases: [
      {
        options: { ...valid, baseUrl: "https://user:password-canary@example.test" },
        names: ["options.baseUrl"],
        hidden: ["password-canary"]
      },
      {
        options: { ...valid, fraudBaseUrl: "https://user:password-canary@fraud.example.test" },
        names: ["options.fraudBaseUrl"],
        hidden: ["password-canary"]
      }
    ]
  },
  {
    name: "bad maxRetries and timeout (a non-duration is a ConfigError, not a throw)",
    cases: [
      ...BAD_MAX_RETRIES.map((maxRetries) => ({ options: { ...valid, maxRetries }, names: ["options.maxRetries"] })),
      ...BAD_TIMEOUTS.map((timeout) => ({ options: { ...valid, timeout }, names: ["options.timeout"] }))
    ]
  }
]

/** `Stytch.layerConfig(StytchConfig.fromEnv)` and `Stytch.layerFromEnv` fail at build naming the variable. */
export const ENV_FAILURES: ReadonlyArray<Cases<EnvFailure>> = [
  {
    name: "a missing or empty STYTCH_SECRET or STYTCH_PROJECT_ID is a ConfigError naming it; nothing is sent",
    cases: [
      // The missing variable is named, so the message is not just "<redacted>".
      { env: { STYTCH_PROJECT_ID: PROJECT_ID }, names: ["STYTCH_SECRET"], missing: true, absent: ["<redacted>"] },
      { env: { STYTCH_PROJECT_ID: PROJECT_ID, STYTCH_SECRET: "" }, names: ["STYTCH_SECRET"], missing: true },
      { env: { STYTCH_SECRET: SECRET }, names: ["STYTCH_PROJECT_ID"], missing: true, hidden: [SECRET] },
      { env: {}, names: ["STYTCH_PROJECT_ID"], missing: true }
    ]
  },
  {
    name: "invalid values from the environment are ConfigErrors naming the variable, without echoing the secret",
    cases: [
      { env: { STYTCH_PROJECT_ID: PROJECT_ID, STYTCH_SECRET: "two words-canary" }, names: ["STYTCH_SECRET"], hidden: ["canary"] },
      {
        env: { STYTCH_PROJECT_ID: PROJECT_ID, STYTCH_SECRET: SECRET, STYTCH_BASE_URL: "nope" },
        names: ["STYTCH_BASE_URL"],
        absent: ["options."],
        hidden: [SECRET]
      },
      {
        env: { STYTCH_PROJECT_ID: "my-project", STYTCH_SECRET: SECRET },
        names: ["STYTCH_PROJECT_ID"],
        absent: ["options."],
        hidden: [SECRET]
      }
    ]
  }
]

/** What a resolved configuration must hold (only the named parts are checked). */
export interface ResolvedExpectation {
  readonly projectId?: string
  readonly baseUrl?: string
  readonly fraudBaseUrl?: string
  readonly timeoutMillis?: number
  readonly maxRetries?: number
  /** Where `users.get({ user_id: "user-test-config" })` then goes. */
  readonly firstUrl?: string
}

/** A resolved configuration, as the suites read it (the secret unwrapped). */
export interface ResolvedConfig {
  readonly projectId: string
  readonly secret: string
  readonly baseUrl: string
  readonly fraudBaseUrl: string
  readonly timeoutMillis: number
  readonly maxRetries: number
}

export interface OptionSuccess {
  readonly options: PlainOptions
  readonly expect: ResolvedExpectation
}

export interface EnvSuccess {
  readonly env: Readonly<Record<string, string>>
  readonly expect: ResolvedExpectation
}

const DEFAULTS = {
  baseUrl: "https://test.stytch.com",
  fraudBaseUrl: "https://telemetry.stytch.com",
  timeoutMillis: 10_000,
  maxRetries: 2
} as const

/** `Stytch.layer(options)` and `StytchConfig.make(options)` resolve the options to these values. */
export const OPTION_SUCCESSES: ReadonlyArray<Cases<OptionSuccess>> = [
  {
    name: "defaults: test host for project-test ids, telemetry host, 10 s timeout, 2 retries",
    cases: [{
      options: valid,
      expect: { projectId: PROJECT_ID, ...DEFAULTS, firstUrl: "https://test.stytch.com/v1/users/user-test-config" }
    }]
  },
  {
    name: "live ids default to api.stytch.com; explicit values win and lose their trailing slash",
    cases: [
      { options: { projectId: LIVE_PROJECT_ID, secret: SECRET }, expect: { baseUrl: "https://api.stytch.com" } },
      {
        options: {
          // The project id is trimmed.
          projectId: ` ${PROJECT_ID} `,
          secret: SECRET,
          baseUrl: "http://localhost:4010/",
          fraudBaseUrl: "https://fraud.example.test/base/",
          timeout: "3 seconds",
          maxRetries: 0
        },
        expect: {
          projectId: PROJECT_ID,
          baseUrl: "http://localhost:4010",
          fraudBaseUrl: "https://fraud.example.test/base",
          timeoutMillis: 3000,
          maxRetries: 0,
          firstUrl: "http://localhost:4010/v1/users/user-test-config"
        }
      }
    ]
  },
  {
    name: "with a base URL any one-word project id is accepted (as the official Go SDK's tests use)",
    cases: [{
      options: { projectId: "my-project", secret: SECRET, baseUrl: "http://localhost:4010" },
      expect: { projectId: "my-project", firstUrl: "http://localhost:4010/v1/users/user-test-config" }
    }]
  },
  {
    name: "the secret is kept whether given as a string or as Redacted",
    cases: [false, true].map((redacted) => ({ options: { ...valid, redacted }, expect: { projectId: PROJECT_ID } }))
  }
]

/** `Stytch.layerConfig(StytchConfig.fromEnv)` and `Stytch.layerFromEnv` resolve the environment to these values. */
export const ENV_SUCCESSES: ReadonlyArray<Cases<EnvSuccess>> = [
  {
    name: "reads STYTCH_PROJECT_ID and STYTCH_SECRET and applies the defaults",
    cases: [{
      env: { STYTCH_PROJECT_ID: PROJECT_ID, STYTCH_SECRET: SECRET },
      expect: { projectId: PROJECT_ID, ...DEFAULTS, firstUrl: "https://test.stytch.com/v1/users/user-test-config" }
    }]
  },
  {
    name: "reads STYTCH_BASE_URL and STYTCH_FRAUD_BASE_URL",
    cases: [{
      env: {
        STYTCH_PROJECT_ID: LIVE_PROJECT_ID,
        STYTCH_SECRET: SECRET,
        STYTCH_BASE_URL: "http://127.0.0.1:4010/",
        STYTCH_FRAUD_BASE_URL: "http://127.0.0.1:4011"
      },
      expect: {
        baseUrl: "http://127.0.0.1:4010",
        fraudBaseUrl: "http://127.0.0.1:4011",
        firstUrl: "http://127.0.0.1:4010/v1/users/user-test-config"
      }
    }]
  },
  {
    name: "a live project id from the environment defaults to api.stytch.com",
    cases: [{
      env: { STYTCH_PROJECT_ID: LIVE_PROJECT_ID, STYTCH_SECRET: SECRET },
      expect: { projectId: LIVE_PROJECT_ID, baseUrl: "https://api.stytch.com" }
    }]
  }
]

/**
 * Checks a failed build: `text` is the error's `String`, `shown` everything a user can see of it (String, JSON,
 * inspect), `sent` how many requests the client received (none: building a layer sends nothing).
 */
export const checkFailure = (expected: FailureExpectation, text: string, shown: string, sent: number, label: string) => {
  for (const name of expected.names) assert.ok(text.includes(name), `${label}: "${text}" names ${name}`)
  if (expected.missing) assert.match(text, /missing/i, `${label}: "${text}" says the value is missing`)
  for (const part of expected.absent ?? []) assert.ok(!text.includes(part), `${label}: "${text}" has ${part}`)
  for (const part of expected.hidden ?? []) assert.ok(!shown.includes(part), `${label}: the error shows ${part}`)
  assert.strictEqual(sent, 0, `${label}: requests sent`)
}

/**
 * Checks a resolved configuration, the URLs and Authorization headers of the requests made after it
 * (a `users.get` when `firstUrl` is expected), and that the secret shows nowhere but in the Basic auth header.
 */
export const checkResolved = (
  expected: ResolvedExpectation,
  config: ResolvedConfig,
  shown: string,
  requests: ReadonlyArray<{ readonly url: string; readonly authorization: string | undefined }>,
  label: string
) => {
  for (const key of ["projectId", "baseUrl", "fraudBaseUrl", "timeoutMillis", "maxRetries"] as const) {
    if (expected[key] !== undefined) assert.strictEqual(config[key], expected[key], `${label}: ${key}`)
  }
  assert.strictEqual(config.secret, SECRET, `${label}: the secret`)
  assert.ok(!shown.includes(SECRET), `${label}: the configuration shows the secret`)
  if (expected.firstUrl !== undefined) {
    assert.deepStrictEqual(requests.map((r) => r.url), [expected.firstUrl], `${label}: requests`)
    const basic = `Basic ${Buffer.from(`${config.projectId}:${SECRET}`).toString("base64")}`
    assert.strictEqual(requests[0]!.authorization, basic, `${label}: Basic auth`)
  } else {
    assert.strictEqual(requests.length, 0, `${label}: requests`)
  }
}

/** A label for a case (its options or environment, the secret's value left out). */
export const labelOf = (name: string, i: number, value: unknown) =>
  `${name} [case ${i + 1}: ${JSON.stringify(value, (k, v) => (k === "secret" || k === "STYTCH_SECRET" ? "<secret>" : v))}]`

// ---------------------------------------------------------------------------------------------------------------
// The shared tests, over what each line provides

/** A request the counting client received. */
export interface SeenRequest {
  readonly url: string
  readonly authorization: string | undefined
}

/** What building a layer gave: its configuration (and the requests of a `users.get` after it), or its error. */
export type Built =
  | {
    readonly _tag: "Built"
    readonly config: ResolvedConfig
    /** Whether the secret is a Redacted. */
    readonly redacted: boolean
    /** Everything a user can see of the configuration and of its secret. */
    readonly shown: string
    /** How many requests building the layer sent (none). */
    readonly sentWhileBuilding: number
    readonly requests: ReadonlyArray<SeenRequest>
  }
  | {
    readonly _tag: "Failed"
    /** Whether the error is the line's ConfigError. */
    readonly configError: boolean
    readonly text: string
    readonly shown: string
    readonly sent: number
  }

/** What a line provides: its layers built over a counting client, as promises of plain results. */
export interface ConfigLine {
  /** `Stytch.layer(options)` built, then `users.get({ user_id: "user-test-config" })` when `call`. */
  readonly layer: (options: PlainOptions, call: boolean) => Promise<Built>
  /** `StytchConfig.make(options)`. */
  readonly make: (options: PlainOptions) => Promise<ResolvedConfig>
  /** The environment, read each way an app can (`layerConfig(fromEnv)` and `layerFromEnv`, under a provider). */
  readonly env: ReadonlyArray<(env: Readonly<Record<string, string>>, call: boolean) => Promise<Built>>
}

/** The parts of vitest the shared tests need. */
export interface TestApi {
  readonly describe: (name: string, body: () => void) => void
  readonly it: (name: string, body: () => Promise<void>) => void
}

const checkBuiltFailure = (expected: FailureExpectation, built: Built, label: string) => {
  assert.strictEqual(built._tag, "Failed", `${label}: expected a ConfigError, got a configuration`)
  if (built._tag !== "Failed") return
  assert.ok(built.configError, `${label}: expected a ConfigError, got ${built.text}`)
  checkFailure(expected, built.text, built.shown, built.sent, label)
}

const checkBuilt = (expected: ResolvedExpectation, built: Built, label: string) => {
  assert.strictEqual(built._tag, "Built", `${label}: ${built._tag === "Failed" ? built.text : ""}`)
  if (built._tag !== "Built") return
  assert.strictEqual(built.sentWhileBuilding, 0, `${label}: building the layer sends nothing`)
  assert.ok(built.redacted, `${label}: the secret is Redacted`)
  checkResolved(expected, built.config, built.shown, built.requests, label)
}

/** Registers every shared configuration test, run against `line`. */
export const registerConfigCases = ({ describe, it }: TestApi, line: ConfigLine) => {
  describe("Stytch.layer: invalid options fail at build with a ConfigError naming the option", () => {
    for (const { cases, name } of OPTION_FAILURES) {
      it(name, async () => {
        for (const [i, failure] of cases.entries()) {
          checkBuiltFailure(failure, await line.layer(failure.options, false), labelOf(name, i, failure.options))
        }
      })
    }
  })

  describe("Stytch.layer and StytchConfig.make: defaults, normalisation and redaction", () => {
    for (const { cases, name } of OPTION_SUCCESSES) {
      it(name, async () => {
        for (const [i, success] of cases.entries()) {
          const label = labelOf(name, i, success.options)
          const built = await line.layer(success.options, success.expect.firstUrl !== undefined)
          checkBuilt(success.expect, built, label)
          // StytchConfig.make resolves the same options to the same configuration.
          if (built._tag === "Built") assert.deepStrictEqual(await line.make(success.options), built.config, label)
        }
      })
    }
  })

  describe("Stytch.layerConfig(StytchConfig.fromEnv) and Stytch.layerFromEnv: the environment", () => {
    for (const { cases, name } of ENV_SUCCESSES) {
      it(name, async () => {
        for (const [i, success] of cases.entries()) {
          for (const [way, read] of line.env.entries()) {
            const built = await read(success.env, success.expect.firstUrl !== undefined)
            checkBuilt(success.expect, built, `${labelOf(name, i, success.env)} (way ${way + 1})`)
          }
        }
      })
    }
    for (const { cases, name } of ENV_FAILURES) {
      it(name, async () => {
        for (const [i, failure] of cases.entries()) {
          for (const [way, read] of line.env.entries()) {
            checkBuiltFailure(failure, await read(failure.env, false), `${labelOf(name, i, failure.env)} (way ${way + 1})`)
          }
        }
      })
    }
  })
}
