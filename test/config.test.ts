/**
 * Configuration (src/layers/StytchConfig.ts and Stytch.layer / Stytch.layerConfig): validation at layer build time,
 * defaults, the environment variable names, and the secret staying redacted.
 */
import * as HttpClient from "@effect/platform/HttpClient"
import * as HttpClientResponse from "@effect/platform/HttpClientResponse"
import { assert, describe, it } from "@effect/vitest"
import * as util from "node:util"
import * as Config from "effect/Config"
import * as ConfigError from "effect/ConfigError"
import * as ConfigProvider from "effect/ConfigProvider"
import * as Context from "effect/Context"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Redacted from "effect/Redacted"
import { Stytch, StytchConfig, Users } from "../src/index.js"
import { userBody } from "./support.js"
import {
  BAD_BASE_URLS,
  BAD_MAX_RETRIES,
  BAD_PROJECT_IDS,
  BAD_PROJECT_IDS_WITH_BASE_URL,
  BAD_SECRETS,
  BAD_TIMEOUTS
} from "../effect4/test/support/pipelineCases.js"

const PROJECT_ID = "project-test-11111111-2222-4333-8444-555555555555"
const LIVE_PROJECT_ID = "project-live-11111111-2222-4333-8444-555555555555"
const SECRET = "secret-test-c2VjcmV0LWNhbmFyeS1mb3ItY29uZmln"

/** A client that counts requests and answers every one with a minimal users.get body. */
const countingClient = () => {
  const urls: Array<string> = []
  const authorizations: Array<string | undefined> = []
  const client = HttpClient.make((request, url) =>
    Effect.sync(() => {
      urls.push(url.toString())
      authorizations.push(request.headers["authorization"])
      return HttpClientResponse.fromWeb(
        request,
        new Response(
          JSON.stringify(userBody("user-test-config")),
          { status: 200, headers: { "content-type": "application/json" } }
        )
      )
    })
  )
  return { urls, authorizations, client }
}

/** Builds the layer (as an app would, at startup) and returns what it provides. */
const build = <A, E>(layer: Layer.Layer<A, E, HttpClient.HttpClient>, client: HttpClient.HttpClient) =>
  Layer.build(layer.pipe(Layer.provide(Layer.succeed(HttpClient.HttpClient, client)))).pipe(Effect.scoped)

/** Builds `Stytch.layer(options)` expecting a ConfigError; checks that nothing was sent. */
const buildFailure = (options: StytchConfig.Options) =>
  Effect.gen(function*() {
    const { client, urls } = countingClient()
    const error = yield* Effect.flip(build(Stytch.layer(options), client))
    assert.isTrue(ConfigError.isConfigError(error), `expected a ConfigError, got ${String(error)}`)
    assert.strictEqual(urls.length, 0)
    return error
  })

/** The text a user sees for a ConfigError (its `toString`, which names the path). */
const describe_ = (error: ConfigError.ConfigError) => String(error)

const resolved = (options: StytchConfig.Options) => StytchConfig.make(options)

// ---------------------------------------------------------------------------------------------------------------

describe("Stytch.layer: invalid options fail at build with a ConfigError naming the option", () => {
  it.effect("missing or malformed project id -> options.projectId (not an environment variable)", () =>
    Effect.gen(function*() {
      const missing = yield* buildFailure({ projectId: undefined as any, secret: SECRET })
      assert.include(describe_(missing), "options.projectId")
      assert.include(describe_(missing), "missing")

      for (const projectId of BAD_PROJECT_IDS) {
        const error = yield* buildFailure({ projectId, secret: SECRET })
        assert.include(describe_(error), "options.projectId", projectId)
        assert.notInclude(describe_(error), "STYTCH_", projectId)
      }
    }))

  it.effect("with a base URL any one-word project id is accepted (as the official Go SDK's tests use)", () =>
    Effect.gen(function*() {
      const { client, urls } = countingClient()
      const context = yield* build(
        Stytch.layer({ projectId: "my-project", secret: SECRET, baseUrl: "http://localhost:4010" }),
        client
      )
      assert.strictEqual(Context.get(context, StytchConfig.StytchConfig).projectId, "my-project")
      yield* Context.get(context, Users.Users).get({ user_id: "user-test-config" })
      assert.deepStrictEqual(urls, ["http://localhost:4010/v1/users/user-test-config"])
      // Still not empty, and one word: it is the Basic auth user name.
      for (const projectId of BAD_PROJECT_IDS_WITH_BASE_URL) {
        const error = yield* buildFailure({ projectId, secret: SECRET, baseUrl: "http://localhost:4010" })
        assert.include(describe_(error), "options.projectId", projectId)
      }
    }))

  it.effect("empty, blank or malformed secret -> options.secret, named but without echoing the value", () =>
    Effect.gen(function*() {
      const empty = yield* buildFailure({ projectId: PROJECT_ID, secret: "" })
      assert.include(describe_(empty), "options.secret")
      assert.include(describe_(empty), "missing")
      assert.notInclude(describe_(empty), "<redacted>")
      const emptyRedacted = yield* buildFailure({ projectId: PROJECT_ID, secret: Redacted.make("") })
      assert.include(describe_(emptyRedacted), "options.secret")
      const undefinedSecret = yield* buildFailure({ projectId: PROJECT_ID, secret: undefined as any })
      assert.include(describe_(undefinedSecret), "options.secret")

      // A secret pasted with a space or a colon can never authenticate (and a colon breaks Basic auth).
      for (const secret of BAD_SECRETS) {
        const error = yield* buildFailure({ projectId: PROJECT_ID, secret })
        assert.include(describe_(error), "options.secret")
        assert.notInclude(describe_(error), "canary")
        assert.notInclude(util.inspect(error, { depth: 10 }), "canary")
      }
    }))

  it.effect("bad base URLs -> options.baseUrl / options.fraudBaseUrl", () =>
    Effect.gen(function*() {
      for (const baseUrl of BAD_BASE_URLS) {
        const error = yield* buildFailure({ projectId: PROJECT_ID, secret: SECRET, baseUrl })
        assert.include(describe_(error), "options.baseUrl", baseUrl)
      }
      const fraud = yield* buildFailure({ projectId: PROJECT_ID, secret: SECRET, fraudBaseUrl: "telemetry" })
      assert.include(describe_(fraud), "options.fraudBaseUrl")
    }))

  it.effect("a base URL with credentials is rejected without echoing them", () =>
    Effect.gen(function*() {
      const error = yield* buildFailure({
        projectId: PROJECT_ID,
        secret: SECRET,
        baseUrl: "https://user:password-canary@example.test"
      })
      assert.include(describe_(error), "options.baseUrl")
      assert.notInclude(describe_(error), "password-canary")
    }))

  it.effect("bad maxRetries and timeout", () =>
    Effect.gen(function*() {
      for (const maxRetries of BAD_MAX_RETRIES) {
        const error = yield* buildFailure({ projectId: PROJECT_ID, secret: SECRET, maxRetries })
        assert.include(describe_(error), "options.maxRetries", String(maxRetries))
      }
      for (const timeout of BAD_TIMEOUTS) {
        // "banana" is not a DurationInput: it must still be a ConfigError, not a thrown exception.
        const error = yield* buildFailure({ projectId: PROJECT_ID, secret: SECRET, timeout: timeout as any })
        assert.include(describe_(error), "options.timeout", String(timeout))
      }
    }))
})

// ---------------------------------------------------------------------------------------------------------------

describe("StytchConfig.make: defaults and redaction", () => {
  it.effect("defaults: test host for project-test ids, telemetry host, 10 s timeout, 2 retries", () =>
    Effect.gen(function*() {
      const config = yield* resolved({ projectId: PROJECT_ID, secret: SECRET })
      assert.strictEqual(config.projectId, PROJECT_ID)
      assert.strictEqual(config.baseUrl, "https://test.stytch.com")
      assert.strictEqual(config.fraudBaseUrl, "https://telemetry.stytch.com")
      assert.isTrue(Duration.equals(config.timeout, Duration.seconds(10)))
      assert.strictEqual(config.maxRetries, 2)
      assert.strictEqual(config.transformClient, undefined)
    }))

  it.effect("live ids default to api.stytch.com; explicit values win and lose their trailing slash", () =>
    Effect.gen(function*() {
      const live = yield* resolved({ projectId: LIVE_PROJECT_ID, secret: SECRET })
      assert.strictEqual(live.baseUrl, "https://api.stytch.com")

      const custom = yield* resolved({
        projectId: ` ${PROJECT_ID} `,
        secret: SECRET,
        baseUrl: "http://localhost:4010/",
        fraudBaseUrl: "https://fraud.example.test/base/",
        timeout: "3 seconds",
        maxRetries: 0
      })
      assert.strictEqual(custom.projectId, PROJECT_ID, "the project id is trimmed")
      assert.strictEqual(custom.baseUrl, "http://localhost:4010")
      assert.strictEqual(custom.fraudBaseUrl, "https://fraud.example.test/base")
      assert.isTrue(Duration.equals(custom.timeout, Duration.seconds(3)))
      assert.strictEqual(custom.maxRetries, 0)
    }))

  it.effect("the secret is Redacted, whether given as a string or as Redacted", () =>
    Effect.gen(function*() {
      for (const secret of [SECRET, Redacted.make(SECRET)]) {
        const config = yield* resolved({ projectId: PROJECT_ID, secret })
        assert.isTrue(Redacted.isRedacted(config.secret))
        assert.strictEqual(Redacted.value(config.secret), SECRET)
        assert.notInclude(String(config.secret), SECRET)
        assert.notInclude(JSON.stringify(config), SECRET)
        assert.notInclude(util.inspect(config, { depth: 10 }), SECRET)
      }
    }))

  it.effect("the configured layer sends the secret only in the Basic auth header", () =>
    Effect.gen(function*() {
      const { authorizations, client, urls } = countingClient()
      const context = yield* build(Stytch.layer({ projectId: PROJECT_ID, secret: SECRET }), client)
      assert.strictEqual(urls.length, 0, "building the layer sends nothing")
      yield* Context.get(context, Users.Users).get({ user_id: "user-test-config" })
      assert.deepStrictEqual(urls, ["https://test.stytch.com/v1/users/user-test-config"])
      assert.strictEqual(authorizations[0], `Basic ${Buffer.from(`${PROJECT_ID}:${SECRET}`).toString("base64")}`)
    }))
})

// ---------------------------------------------------------------------------------------------------------------

describe("Stytch.layerConfig(StytchConfig.fromEnv): the environment", () => {
  const provider = (entries: ReadonlyArray<readonly [string, string]>) => ConfigProvider.fromMap(new Map(entries))

  it.effect("reads STYTCH_PROJECT_ID and STYTCH_SECRET and applies the defaults", () =>
    Effect.gen(function*() {
      const { authorizations, client, urls } = countingClient()
      const context = yield* build(Stytch.layerConfig(StytchConfig.fromEnv), client).pipe(
        Effect.withConfigProvider(provider([["STYTCH_PROJECT_ID", PROJECT_ID], ["STYTCH_SECRET", SECRET]]))
      )
      const config = Context.get(context, StytchConfig.StytchConfig)
      assert.strictEqual(config.projectId, PROJECT_ID)
      assert.isTrue(Redacted.isRedacted(config.secret))
      assert.strictEqual(Redacted.value(config.secret), SECRET)
      assert.notInclude(String(config.secret), SECRET)
      assert.strictEqual(config.baseUrl, "https://test.stytch.com")
      assert.strictEqual(config.fraudBaseUrl, "https://telemetry.stytch.com")
      assert.isTrue(Duration.equals(config.timeout, Duration.seconds(10)))
      assert.strictEqual(config.maxRetries, 2)

      // And the services built from it use that configuration.
      yield* Context.get(context, Users.Users).get({ user_id: "user-test-env" })
      assert.deepStrictEqual(urls, ["https://test.stytch.com/v1/users/user-test-env"])
      assert.strictEqual(authorizations[0], `Basic ${Buffer.from(`${PROJECT_ID}:${SECRET}`).toString("base64")}`)
    }))

  it.effect("reads STYTCH_BASE_URL and STYTCH_FRAUD_BASE_URL (through Layer.setConfigProvider too)", () =>
    Effect.gen(function*() {
      const { client, urls } = countingClient()
      const env = provider([
        ["STYTCH_PROJECT_ID", LIVE_PROJECT_ID],
        ["STYTCH_SECRET", SECRET],
        ["STYTCH_BASE_URL", "http://127.0.0.1:4010/"],
        ["STYTCH_FRAUD_BASE_URL", "http://127.0.0.1:4011"]
      ])
      const context = yield* build(Stytch.layerFromEnv.pipe(Layer.provide(Layer.setConfigProvider(env))), client)
      const config = Context.get(context, StytchConfig.StytchConfig)
      assert.strictEqual(config.baseUrl, "http://127.0.0.1:4010")
      assert.strictEqual(config.fraudBaseUrl, "http://127.0.0.1:4011")
      yield* Context.get(context, Users.Users).get({ user_id: "user-test-env" })
      assert.deepStrictEqual(urls, ["http://127.0.0.1:4010/v1/users/user-test-env"])
    }))

  it.effect("a live project id from the environment defaults to api.stytch.com", () =>
    Effect.gen(function*() {
      const { client } = countingClient()
      const context = yield* build(Stytch.layerConfig(StytchConfig.fromEnv), client).pipe(
        Effect.withConfigProvider(provider([["STYTCH_PROJECT_ID", LIVE_PROJECT_ID], ["STYTCH_SECRET", SECRET]]))
      )
      assert.strictEqual(Context.get(context, StytchConfig.StytchConfig).baseUrl, "https://api.stytch.com")
    }))

  it.effect("a missing STYTCH_SECRET or STYTCH_PROJECT_ID is a ConfigError naming it; nothing is sent", () =>
    Effect.gen(function*() {
      const { client, urls } = countingClient()
      const noSecret = yield* build(Stytch.layerConfig(StytchConfig.fromEnv), client).pipe(
        Effect.withConfigProvider(provider([["STYTCH_PROJECT_ID", PROJECT_ID]])),
        Effect.flip
      )
      assert.isTrue(ConfigError.isConfigError(noSecret))
      assert.include(String(noSecret), "STYTCH_SECRET")
      // The missing variable is named in the message too, which is not just "<redacted>".
      assert.notInclude(String(noSecret), "<redacted>")
      const emptySecret = yield* build(Stytch.layerFromEnv, client).pipe(
        Effect.withConfigProvider(provider([["STYTCH_PROJECT_ID", PROJECT_ID], ["STYTCH_SECRET", ""]])),
        Effect.flip
      )
      assert.include(String(emptySecret), "STYTCH_SECRET")
      assert.include(String(emptySecret), "missing")

      const noProject = yield* build(Stytch.layerConfig(StytchConfig.fromEnv), client).pipe(
        Effect.withConfigProvider(provider([["STYTCH_SECRET", SECRET]])),
        Effect.flip
      )
      assert.isTrue(ConfigError.isConfigError(noProject))
      assert.include(String(noProject), "STYTCH_PROJECT_ID")
      assert.notInclude(String(noProject), SECRET)
      assert.strictEqual(urls.length, 0)
    }))

  it.effect("invalid values from the environment are ConfigErrors too, without echoing the secret", () =>
    Effect.gen(function*() {
      const { client, urls } = countingClient()
      const badSecret = yield* build(Stytch.layerConfig(StytchConfig.fromEnv), client).pipe(
        Effect.withConfigProvider(provider([["STYTCH_PROJECT_ID", PROJECT_ID], ["STYTCH_SECRET", "two words-canary"]])),
        Effect.flip
      )
      assert.include(String(badSecret), "STYTCH_SECRET")
      assert.notInclude(String(badSecret), "canary")

      const badUrl = yield* build(Stytch.layerConfig(StytchConfig.fromEnv), client).pipe(
        Effect.withConfigProvider(
          provider([["STYTCH_PROJECT_ID", PROJECT_ID], ["STYTCH_SECRET", SECRET], ["STYTCH_BASE_URL", "nope"]])
        ),
        Effect.flip
      )
      assert.include(String(badUrl), "STYTCH_BASE_URL")
      assert.notInclude(String(badUrl), "options.")

      const badProject = yield* build(Stytch.layerFromEnv, client).pipe(
        Effect.withConfigProvider(provider([["STYTCH_PROJECT_ID", "my-project"], ["STYTCH_SECRET", SECRET]])),
        Effect.flip
      )
      assert.include(String(badProject), "STYTCH_PROJECT_ID")
      assert.notInclude(String(badProject), "options.")
      assert.strictEqual(urls.length, 0)
    }))
})

describe("layerConfig takes Config.Config.Wrap<Options>: any option from any Config", () => {
  const env = ConfigProvider.fromMap(new Map([
    ["MY_ID", PROJECT_ID],
    ["MY_SECRET", SECRET],
    ["MY_TIMEOUT", "3 seconds"],
    ["MY_RETRIES", "0"]
  ]))
  const wrapped = {
    projectId: Config.string("MY_ID"),
    secret: Config.redacted("MY_SECRET"),
    timeout: Config.duration("MY_TIMEOUT"),
    maxRetries: Config.integer("MY_RETRIES")
  }

  it.effect("Stytch.layerConfig and StytchConfig.layerConfig read the same options", () =>
    Effect.gen(function*() {
      const { client } = countingClient()
      const layer = Stytch.layerConfig({ ...wrapped, jwks: { ttl: Config.duration("MY_TIMEOUT") } })
      const context = yield* build(layer, client)
      const fromStytch = Context.get(context, StytchConfig.StytchConfig)
      const fromConfig = yield* Effect.scoped(Layer.build(StytchConfig.layerConfig(wrapped))).pipe(
        Effect.map(Context.get(StytchConfig.StytchConfig))
      )
      for (const config of [fromStytch, fromConfig]) {
        assert.strictEqual(config.projectId, PROJECT_ID)
        assert.strictEqual(Redacted.value(config.secret), SECRET)
        assert.isTrue(Duration.equals(config.timeout, Duration.seconds(3)))
        assert.strictEqual(config.maxRetries, 0)
      }
    }).pipe(Effect.withConfigProvider(env)))

  it.effect("a value that fails validation names the option it was given as", () =>
    Effect.gen(function*() {
      const error = yield* Effect.flip(Effect.scoped(Layer.build(
        StytchConfig.layerConfig({ ...wrapped, maxRetries: Config.succeed(-1) })
      )))
      assert.include(String(error), "options.maxRetries")
    }).pipe(Effect.withConfigProvider(env)))
})
