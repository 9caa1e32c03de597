/**
 * The Effect 4 line's configuration (effect4/src/layers/StytchConfig.ts, and Stytch.layer / Stytch.layerConfig):
 * validation at layer build time by the rules shared with the Effect 3 line (src/core/config.ts), defaults, the
 * environment variable names through a `ConfigProvider`, and the secret staying redacted.
 */
import { assert, describe, it } from "@effect/vitest"
import * as Config from "effect/Config"
import * as ConfigProvider from "effect/ConfigProvider"
import * as Context from "effect/Context"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as HttpClient from "effect/http/HttpClient"
import * as HttpClientResponse from "effect/http/HttpClientResponse"
import * as Layer from "effect/Layer"
import * as Redacted from "effect/Redacted"
import * as util from "node:util"
import { JwksCache, Sessions, Stytch, StytchConfig, StytchHttp, Users } from "effect-stytch/effect4"
import { checkConfig, envNames, optionNames } from "../../src/core/config.js"
import {
  BAD_BASE_URLS,
  BAD_MAX_RETRIES,
  BAD_PROJECT_IDS,
  BAD_PROJECT_IDS_WITH_BASE_URL,
  BAD_SECRETS,
  BAD_TIMEOUTS,
  userBody
} from "./support/pipelineCases.js"

const PROJECT_ID = "project-test-11111111-2222-4333-8444-555555555555"
const LIVE_PROJECT_ID = "project-live-11111111-2222-4333-8444-555555555555"
const SECRET = "secret-test-c2VjcmV0LWNhbmFyeS1mb3ItY29uZmln"
const BASIC = `Basic ${Buffer.from(`${PROJECT_ID}:${SECRET}`).toString("base64")}`

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
        new Response(JSON.stringify(userBody("user-test-config")), {
          status: 200,
          headers: { "content-type": "application/json" }
        })
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
    assert.instanceOf(error, Config.ConfigError, `expected a ConfigError, got ${String(error)}`)
    assert.strictEqual(urls.length, 0)
    return error
  })

/** Everything a user can see of an error. */
const shown = (error: unknown) => `${String(error)} ${JSON.stringify(error)} ${util.inspect(error, { depth: 10 })}`

const withEnv = (env: Record<string, string>) =>
  Effect.provideService(ConfigProvider.ConfigProvider, ConfigProvider.fromEnv({ env }))

// ---------------------------------------------------------------------------------------------------------------

describe("the shared rules (src/core/config.ts)", () => {
  it("check in a fixed order and normalise; a failure has the value's name, its path and a message", () => {
    const valid = checkConfig({
      projectId: ` ${PROJECT_ID} `,
      secret: SECRET,
      baseUrl: "http://localhost:4010//",
      timeoutMillis: 1
    }, optionNames)
    assert.deepStrictEqual(valid, {
      _tag: "Valid",
      projectId: PROJECT_ID,
      baseUrl: "http://localhost:4010",
      fraudBaseUrl: "https://telemetry.stytch.com",
      maxRetries: 2
    })
    // Everything is wrong: the project id is reported first.
    const first = checkConfig({ projectId: "x", secret: "a b", maxRetries: -1, timeoutMillis: 0 }, envNames)
    assert.deepStrictEqual(first, {
      _tag: "Invalid",
      name: "STYTCH_PROJECT_ID",
      path: ["STYTCH_PROJECT_ID"],
      message: "STYTCH_PROJECT_ID must look like project-test-... or project-live-... (or give a base URL)"
    })
    const timeout = checkConfig({ projectId: PROJECT_ID, secret: SECRET, timeoutMillis: Number.NaN }, optionNames)
    assert.strictEqual(timeout._tag === "Invalid" && timeout.name, "options.timeout")
    assert.deepStrictEqual(timeout._tag === "Invalid" && timeout.path, ["options", "timeout"])
    // A non-string id from untyped code is "missing", not a thrown TypeError.
    const untyped = checkConfig({ projectId: 42, secret: SECRET, timeoutMillis: 1 }, optionNames)
    assert.include(untyped._tag === "Invalid" ? untyped.message : "", "missing")
  })
})

describe("Stytch.layer: invalid options fail at build with a ConfigError naming the option", () => {
  it.effect("missing or malformed project id -> options.projectId (not an environment variable)", () =>
    Effect.gen(function*() {
      const missing = yield* buildFailure({ projectId: undefined as any, secret: SECRET })
      assert.include(String(missing), "options.projectId")
      assert.include(String(missing), "missing")
      for (const projectId of BAD_PROJECT_IDS) {
        const error = yield* buildFailure({ projectId, secret: SECRET })
        assert.include(String(error), "options.projectId", projectId)
        assert.notInclude(String(error), "STYTCH_", projectId)
      }
    }))

  it.effect("with a base URL any one-word project id is accepted", () =>
    Effect.gen(function*() {
      const { client, urls } = countingClient()
      const context = yield* build(
        Stytch.layer({ projectId: "my-project", secret: SECRET, baseUrl: "http://localhost:4010" }),
        client
      )
      assert.strictEqual(Context.get(context, StytchConfig.StytchConfig).projectId, "my-project")
      yield* Context.get(context, Users.Users).get({ user_id: "user-test-config" })
      assert.deepStrictEqual(urls, ["http://localhost:4010/v1/users/user-test-config"])
      for (const projectId of BAD_PROJECT_IDS_WITH_BASE_URL) {
        const error = yield* buildFailure({ projectId, secret: SECRET, baseUrl: "http://localhost:4010" })
        assert.include(String(error), "options.projectId", projectId)
      }
    }))

  it.effect("empty, blank or malformed secret -> options.secret, named but without echoing the value", () =>
    Effect.gen(function*() {
      const empty = yield* buildFailure({ projectId: PROJECT_ID, secret: "" })
      assert.include(String(empty), "options.secret")
      assert.include(String(empty), "missing")
      assert.include(String(yield* buildFailure({ projectId: PROJECT_ID, secret: Redacted.make("") })), "options.secret")
      assert.include(String(yield* buildFailure({ projectId: PROJECT_ID, secret: undefined as any })), "options.secret")
      for (const secret of BAD_SECRETS) {
        const error = yield* buildFailure({ projectId: PROJECT_ID, secret })
        assert.include(String(error), "options.secret")
        assert.notInclude(shown(error), "canary")
      }
    }))

  it.effect("bad base URLs -> options.baseUrl / options.fraudBaseUrl; credentials are not echoed", () =>
    Effect.gen(function*() {
      for (const baseUrl of BAD_BASE_URLS) {
        const error = yield* buildFailure({ projectId: PROJECT_ID, secret: SECRET, baseUrl })
        assert.include(String(error), "options.baseUrl", baseUrl)
      }
      const fraud = yield* buildFailure({ projectId: PROJECT_ID, secret: SECRET, fraudBaseUrl: "telemetry" })
      assert.include(String(fraud), "options.fraudBaseUrl")
      const credentials = yield* buildFailure({
        projectId: PROJECT_ID,
        secret: SECRET,
        baseUrl: "https://user:password-canary@example.test"
      })
      assert.include(String(credentials), "options.baseUrl")
      assert.notInclude(shown(credentials), "password-canary")
    }))

  it.effect("bad maxRetries and timeout (a non-duration is a ConfigError, not a throw)", () =>
    Effect.gen(function*() {
      for (const maxRetries of BAD_MAX_RETRIES) {
        const error = yield* buildFailure({ projectId: PROJECT_ID, secret: SECRET, maxRetries })
        assert.include(String(error), "options.maxRetries", String(maxRetries))
      }
      for (const timeout of BAD_TIMEOUTS) {
        const error = yield* buildFailure({ projectId: PROJECT_ID, secret: SECRET, timeout: timeout as any })
        assert.include(String(error), "options.timeout", String(timeout))
      }
    }))

  it.effect("the failure is a Config.ConfigError whose cause is a SchemaError at the option's path", () =>
    Effect.gen(function*() {
      const error = yield* Effect.flip(StytchConfig.make({ projectId: PROJECT_ID, secret: SECRET, maxRetries: -1 }))
      assert.instanceOf(error, Config.ConfigError)
      assert.strictEqual(error.cause._tag, "SchemaError")
      assert.include(error.message, "options.maxRetries must be a whole number >= 0")
      assert.include(error.message, "[\"options\"][\"maxRetries\"]")
    }))
})

// ---------------------------------------------------------------------------------------------------------------

describe("StytchConfig.make: defaults and redaction", () => {
  it.effect("defaults: test host for project-test ids, telemetry host, 10 s timeout, 2 retries", () =>
    Effect.gen(function*() {
      const config = yield* StytchConfig.make({ projectId: PROJECT_ID, secret: SECRET })
      assert.strictEqual(config.projectId, PROJECT_ID)
      assert.strictEqual(config.baseUrl, "https://test.stytch.com")
      assert.strictEqual(config.fraudBaseUrl, "https://telemetry.stytch.com")
      assert.isTrue(Duration.equals(config.timeout, Duration.seconds(10)))
      assert.strictEqual(config.maxRetries, 2)
      assert.strictEqual(config.transformClient, undefined)
    }))

  it.effect("live ids default to api.stytch.com; explicit values win and lose their trailing slash", () =>
    Effect.gen(function*() {
      const live = yield* StytchConfig.make({ projectId: LIVE_PROJECT_ID, secret: SECRET })
      assert.strictEqual(live.baseUrl, "https://api.stytch.com")
      const custom = yield* StytchConfig.make({
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
        const config = yield* StytchConfig.make({ projectId: PROJECT_ID, secret })
        assert.isTrue(Redacted.isRedacted(config.secret))
        assert.strictEqual(Redacted.value(config.secret), SECRET)
        assert.notInclude(shown(config), SECRET)
        assert.notInclude(shown(config.secret), SECRET)
      }
    }))

  it.effect("the configured layer sends the secret only in the Basic auth header", () =>
    Effect.gen(function*() {
      const { authorizations, client, urls } = countingClient()
      const context = yield* build(Stytch.layer({ projectId: PROJECT_ID, secret: SECRET }), client)
      assert.strictEqual(urls.length, 0, "building the layer sends nothing")
      yield* Context.get(context, Users.Users).get({ user_id: "user-test-config" })
      assert.deepStrictEqual(urls, ["https://test.stytch.com/v1/users/user-test-config"])
      assert.deepStrictEqual(authorizations, [BASIC])
    }))
})

// ---------------------------------------------------------------------------------------------------------------

describe("Stytch.layerConfig(StytchConfig.fromEnv): the environment through a ConfigProvider", () => {
  it.effect("reads STYTCH_PROJECT_ID and STYTCH_SECRET and applies the defaults", () =>
    Effect.gen(function*() {
      const { authorizations, client, urls } = countingClient()
      const context = yield* build(Stytch.layerConfig(StytchConfig.fromEnv), client).pipe(
        withEnv({ STYTCH_PROJECT_ID: PROJECT_ID, STYTCH_SECRET: SECRET })
      )
      const config = Context.get(context, StytchConfig.StytchConfig)
      assert.strictEqual(config.projectId, PROJECT_ID)
      assert.isTrue(Redacted.isRedacted(config.secret))
      assert.strictEqual(Redacted.value(config.secret), SECRET)
      assert.strictEqual(config.baseUrl, "https://test.stytch.com")
      assert.strictEqual(config.fraudBaseUrl, "https://telemetry.stytch.com")
      assert.isTrue(Duration.equals(config.timeout, Duration.seconds(10)))
      assert.strictEqual(config.maxRetries, 2)
      yield* Context.get(context, Users.Users).get({ user_id: "user-test-env" })
      assert.deepStrictEqual(urls, ["https://test.stytch.com/v1/users/user-test-env"])
      assert.deepStrictEqual(authorizations, [BASIC])
    }))

  it.effect("reads STYTCH_BASE_URL and STYTCH_FRAUD_BASE_URL (through ConfigProvider.layer too)", () =>
    Effect.gen(function*() {
      const { client, urls } = countingClient()
      const env = ConfigProvider.fromEnv({
        env: {
          STYTCH_PROJECT_ID: LIVE_PROJECT_ID,
          STYTCH_SECRET: SECRET,
          STYTCH_BASE_URL: "http://127.0.0.1:4010/",
          STYTCH_FRAUD_BASE_URL: "http://127.0.0.1:4011"
        }
      })
      const context = yield* build(Stytch.layerFromEnv.pipe(Layer.provide(ConfigProvider.layer(env))), client)
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
        withEnv({ STYTCH_PROJECT_ID: LIVE_PROJECT_ID, STYTCH_SECRET: SECRET })
      )
      assert.strictEqual(Context.get(context, StytchConfig.StytchConfig).baseUrl, "https://api.stytch.com")
    }))

  it.effect("a missing or empty STYTCH_SECRET or STYTCH_PROJECT_ID is a ConfigError naming it; nothing is sent", () =>
    Effect.gen(function*() {
      const { client, urls } = countingClient()
      const cases = [
        [{ STYTCH_PROJECT_ID: PROJECT_ID }, "STYTCH_SECRET"],
        [{ STYTCH_PROJECT_ID: PROJECT_ID, STYTCH_SECRET: "" }, "STYTCH_SECRET"],
        [{ STYTCH_SECRET: SECRET }, "STYTCH_PROJECT_ID"],
        [{}, "STYTCH_PROJECT_ID"]
      ] as const
      for (const [env, name] of cases) {
        const error = yield* Effect.flip(build(Stytch.layerConfig(StytchConfig.fromEnv), client).pipe(withEnv(env)))
        assert.instanceOf(error, Config.ConfigError, JSON.stringify(env))
        assert.include(String(error), name, JSON.stringify(env))
        assert.include(String(error), "missing", JSON.stringify(env))
        assert.notInclude(shown(error), SECRET)
      }
      assert.strictEqual(urls.length, 0)
    }))

  it.effect("invalid values from the environment are ConfigErrors naming the variable, without echoing the secret", () =>
    Effect.gen(function*() {
      const { client, urls } = countingClient()
      const badSecret = yield* Effect.flip(
        build(Stytch.layerConfig(StytchConfig.fromEnv), client).pipe(
          withEnv({ STYTCH_PROJECT_ID: PROJECT_ID, STYTCH_SECRET: "two words-canary" })
        )
      )
      assert.include(String(badSecret), "STYTCH_SECRET")
      assert.notInclude(shown(badSecret), "canary")
      const badUrl = yield* Effect.flip(
        build(Stytch.layerConfig(StytchConfig.fromEnv), client).pipe(
          withEnv({ STYTCH_PROJECT_ID: PROJECT_ID, STYTCH_SECRET: SECRET, STYTCH_BASE_URL: "nope" })
        )
      )
      assert.include(String(badUrl), "STYTCH_BASE_URL")
      assert.notInclude(String(badUrl), "options.")
      const badProject = yield* Effect.flip(
        build(Stytch.layerFromEnv, client).pipe(withEnv({ STYTCH_PROJECT_ID: "my-project", STYTCH_SECRET: SECRET }))
      )
      assert.include(String(badProject), "STYTCH_PROJECT_ID")
      assert.notInclude(String(badProject), "options.")
      assert.strictEqual(urls.length, 0)
    }))
})

describe("layerConfig takes Config.Wrap<Options>: any option from any Config", () => {
  const env = { MY_ID: PROJECT_ID, MY_SECRET: SECRET, MY_TIMEOUT: "3 seconds", MY_RETRIES: "0" }
  const wrapped = {
    projectId: Config.String("MY_ID"),
    secret: Config.Redacted("MY_SECRET"),
    timeout: Config.Duration("MY_TIMEOUT"),
    maxRetries: Config.Int("MY_RETRIES")
  }

  it.effect("Stytch.layerConfig and StytchConfig.layerConfig read the same options", () =>
    Effect.gen(function*() {
      const { client } = countingClient()
      const layer = Stytch.layerConfig({ ...wrapped, jwks: { ttl: Config.Duration("MY_TIMEOUT") } })
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
    }).pipe(withEnv(env)))

  it.effect("a value that fails validation names the option it was given as; a missing variable names it", () =>
    Effect.gen(function*() {
      const invalid = yield* Effect.flip(Effect.scoped(Layer.build(
        StytchConfig.layerConfig({ ...wrapped, maxRetries: Config.succeed(-1) })
      )))
      assert.include(String(invalid), "options.maxRetries")
      const missing = yield* Effect.flip(Effect.scoped(Layer.build(
        StytchConfig.layerConfig({ ...wrapped, secret: Config.Redacted("NOT_SET") })
      )))
      assert.instanceOf(missing, Config.ConfigError)
      assert.include(String(missing), "NOT_SET")
    }).pipe(withEnv(env)))
})

// ---------------------------------------------------------------------------------------------------------------

describe("the aggregate layers (effect4/src/Stytch.ts)", () => {
  it.effect("Stytch.layer provides Stytch.Stytch, holding the same instances as the per-area tags", () =>
    Effect.gen(function*() {
      const { client, urls } = countingClient()
      const context = yield* build(Stytch.layer({ projectId: PROJECT_ID, secret: SECRET }), client)
      const stytch = Context.get(context, Stytch.Stytch)
      assert.strictEqual(Object.keys(stytch).length, 17)
      assert.strictEqual(stytch.users, Context.get(context, Users.Users))
      assert.strictEqual(stytch.sessions, Context.get(context, Sessions.Sessions))
      const user = yield* stytch.users.get({ user_id: "user-test-aggregate" })
      assert.strictEqual(user.user_id, "user-test-config")
      assert.deepStrictEqual(urls, ["https://test.stytch.com/v1/users/user-test-aggregate"])
    }))

  it.effect("Stytch.layerServices builds every service over the StytchHttp and JwksCache the user provides", () =>
    Effect.gen(function*() {
      let lookups = 0
      const cache = JwksCache.JwksCache.of({
        key: () => Effect.sync(() => void lookups++),
        knownKey: () => undefined,
        version: () => 0,
        invalidate: Effect.void
      })
      const { client } = countingClient()
      const layer = Stytch.layerServices.pipe(
        Layer.provide(Layer.succeed(JwksCache.JwksCache, cache)),
        Layer.provide(StytchHttp.layer),
        Layer.provide(StytchConfig.layer({ projectId: PROJECT_ID, secret: SECRET })),
        Layer.orDie
      )
      const context = yield* build(layer, client)
      const stytch = Context.get(context, Stytch.Stytch)
      const header = Buffer.from(JSON.stringify({ alg: "RS256", kid: "k", typ: "JWT" })).toString("base64url")
      const error = yield* Effect.flip(stytch.sessions.authenticateJwtLocal({ session_jwt: `${header}.e30.c2ln` }))
      // The user's cache answered the key lookup.
      assert.strictEqual(error._tag, "StytchJwtUnknownKey")
      assert.strictEqual(lookups, 1)
    }))
})
