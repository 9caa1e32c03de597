/**
 * The Effect 4 line's configuration (effect4/src/layers/StytchConfig.ts, and Stytch.layer / Stytch.layerConfig):
 * validation at layer build time by the rules shared with the Effect 3 line (src/core/config.ts), defaults, the
 * environment variable names through a `ConfigProvider`, and the secret staying redacted.
 *
 * The cases both lines check are plain data in support/configCases.ts (the Effect 3 suite, test/config.test.ts,
 * runs the same tables); this file builds each through the Effect 4 layers and ConfigProvider.
 */
import { assert, describe, it } from "@effect/vitest"
import * as Cause from "effect/Cause"
import * as Config from "effect/Config"
import * as ConfigProvider from "effect/ConfigProvider"
import * as Context from "effect/Context"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as HttpClient from "effect/http/HttpClient"
import * as HttpClientResponse from "effect/http/HttpClientResponse"
import * as Layer from "effect/Layer"
import * as Redacted from "effect/Redacted"
import * as util from "node:util"
import { JwksCache, Sessions, Stytch, StytchConfig, StytchHttp, Users } from "effect-stytch/effect4"
import { checkConfig, envNames, optionNames } from "../../src/core/config.js"
import {
  type Built,
  PROJECT_ID,
  type PlainOptions,
  registerConfigCases,
  SECRET,
  type SeenRequest
} from "./support/configCases.js"
import { userBody } from "./support/pipelineCases.js"

/** A client that records every request and answers each with a minimal users.get body. */
const countingClient = () => {
  const requests: Array<SeenRequest> = []
  const client = HttpClient.make((request, url) =>
    Effect.sync(() => {
      requests.push({ url: url.toString(), authorization: request.headers["authorization"] })
      return HttpClientResponse.fromWeb(
        request,
        new Response(JSON.stringify(userBody("user-test-config")), {
          status: 200,
          headers: { "content-type": "application/json" }
        })
      )
    })
  )
  return { requests, client }
}

/** Builds the layer (as an app would, at startup) and returns what it provides. */
const build = <A, E>(layer: Layer.Layer<A, E, HttpClient.HttpClient>, client: HttpClient.HttpClient) =>
  Layer.build(layer.pipe(Layer.provide(Layer.succeed(HttpClient.HttpClient, client)))).pipe(Effect.scoped)

/** Everything a user can see of a value. */
const shown = (value: unknown) => `${String(value)} ${JSON.stringify(value)} ${util.inspect(value, { depth: 10 })}`

const withEnv = (env: Record<string, string>) =>
  Effect.provideService(ConfigProvider.ConfigProvider, ConfigProvider.fromEnv({ env }))

/** A table's options as this line's Options. */
const optionsOf = ({ redacted, secret, ...rest }: PlainOptions): StytchConfig.Options =>
  ({ ...rest, secret: redacted && secret !== undefined ? Redacted.make(secret) : secret }) as StytchConfig.Options

const plain = (config: StytchConfig.Resolved) => ({
  projectId: config.projectId,
  secret: Redacted.value(config.secret),
  baseUrl: config.baseUrl,
  fraudBaseUrl: config.fraudBaseUrl,
  timeoutMillis: Duration.toMillis(config.timeout),
  maxRetries: config.maxRetries
})

/** Builds `layer` over a counting client (then calls users.get when `call`), as the shared tests read it. */
const built = (
  layer: (client: HttpClient.HttpClient) => Effect.Effect<Context.Context<Users.Users | StytchConfig.StytchConfig>, unknown>,
  call: boolean
): Promise<Built> =>
  Effect.runPromise(Effect.gen(function*() {
    const { client, requests } = countingClient()
    const exit = yield* Effect.exit(layer(client))
    if (Exit.isFailure(exit)) {
      const error = Cause.squash(exit.cause)
      const configError = error instanceof Config.ConfigError
      return { _tag: "Failed", configError, text: String(error), shown: shown(error), sent: requests.length } as const
    }
    const sentWhileBuilding = requests.length
    const config = Context.get(exit.value, StytchConfig.StytchConfig)
    if (call) yield* Context.get(exit.value, Users.Users).get({ user_id: "user-test-config" })
    return {
      _tag: "Built",
      config: plain(config),
      redacted: Redacted.isRedacted(config.secret),
      shown: `${shown(config)} ${shown(config.secret)}`,
      sentWhileBuilding,
      requests
    } as const
  }))

// The shared cases (support/configCases.ts), through the Effect 4 layers and ConfigProvider.
registerConfigCases({ describe, it }, {
  layer: (options, call) => built((client) => build(Stytch.layer(optionsOf(options)), client), call),
  make: (options) => Effect.runPromise(Effect.map(StytchConfig.make(optionsOf(options)), plain)),
  env: [
    // The config provider on the Effect, or a ConfigProvider layer.
    (env, call) => built((client) => build(Stytch.layerConfig(StytchConfig.fromEnv), client).pipe(withEnv(env)), call),
    (env, call) =>
      built(
        (client) =>
          build(Stytch.layerFromEnv.pipe(Layer.provide(ConfigProvider.layer(ConfigProvider.fromEnv({ env })))), client),
        call
      )
  ]
})

// ---------------------------------------------------------------------------------------------------------------
// Effect 4 only

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

describe("Stytch.layer: what the ConfigError holds", () => {
  it.effect("the failure is a Config.ConfigError whose cause is a SchemaError at the option's path", () =>
    Effect.gen(function*() {
      const error = yield* Effect.flip(StytchConfig.make({ projectId: PROJECT_ID, secret: SECRET, maxRetries: -1 }))
      assert.instanceOf(error, Config.ConfigError)
      assert.strictEqual(error.cause._tag, "SchemaError")
      assert.include(error.message, "options.maxRetries must be a whole number >= 0")
      assert.include(error.message, "[\"options\"][\"maxRetries\"]")
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
      const { client, requests } = countingClient()
      const context = yield* build(Stytch.layer({ projectId: PROJECT_ID, secret: SECRET }), client)
      const stytch = Context.get(context, Stytch.Stytch)
      assert.strictEqual(Object.keys(stytch).length, 17)
      assert.strictEqual(stytch.users, Context.get(context, Users.Users))
      assert.strictEqual(stytch.sessions, Context.get(context, Sessions.Sessions))
      const user = yield* stytch.users.get({ user_id: "user-test-aggregate" })
      assert.strictEqual(user.user_id, "user-test-config")
      assert.deepStrictEqual(requests.map((r) => r.url), ["https://test.stytch.com/v1/users/user-test-aggregate"])
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
