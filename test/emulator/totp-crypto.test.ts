import { describe, it, expect } from "vitest"
import * as OTPAuth from "otpauth"
import jsQRModule from "jsqr"
import { crc32 as zlibCrc32, inflateSync } from "node:zlib"
import { generateRecoveryCodes, generateSecret, otpauthUrl, totpAt, verifyTotp } from "../../emulator/src/crypto/totp.js"
import { byteCapacity, crc32, encodeQr, type ErrorCorrectionLevel, qrCodePngDataUrl } from "../../emulator/src/crypto/qr.js"

// jsqr is a CommonJS bundle whose `module.exports` *is* the function, while its
// .d.ts declares `export default`; under NodeNext the default import is typed as
// the namespace. Accept either shape at runtime.
type JsQR = typeof jsQRModule.default
const jsQR: JsQR =
  typeof jsQRModule === "function" ? (jsQRModule as unknown as JsQR) : jsQRModule.default

// otpauth, used as an independent reference implementation.
const referenceTotp = (secret: string, timestamp: number): string =>
  new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret), algorithm: "SHA1", digits: 6, period: 30 }).generate({
    timestamp
  })

describe("totpAt", () => {
  it("matches otpauth for several timestamps", () => {
    const secret = generateSecret()
    const timestamps = [
      0, 1, 29_999, 30_000, 59_000, 1_111_111_109_000, 1_234_567_890_000, 1_700_000_000_123, 2_000_000_000_000,
      20_000_000_000_000
    ]
    for (const t of timestamps) expect(totpAt(secret, t), `t=${t}`).toBe(referenceTotp(secret, t))
    // And a batch of random secrets/times.
    for (let i = 0; i < 50; i++) {
      const s = generateSecret()
      const t = Math.floor(Math.random() * 4_000_000_000_000)
      expect(totpAt(s, t)).toBe(referenceTotp(s, t))
    }
  })

  it("passes the RFC 6238 SHA1 test vectors", () => {
    const secret = OTPAuth.Secret.fromLatin1("12345678901234567890").base32
    expect(secret).toBe("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ")
    expect(totpAt(secret, 59_000)).toBe("287082") // 94287082
    expect(totpAt(secret, 1_111_111_109_000)).toBe("081804") // 07081804
    expect(totpAt(secret, 1_111_111_111_000)).toBe("050471") // 14050471
    expect(totpAt(secret, 1_234_567_890_000)).toBe("005924") // 89005924
    expect(totpAt(secret, 2_000_000_000_000)).toBe("279037") // 69279037
    expect(totpAt(secret, 20_000_000_000_000)).toBe("353130") // 65353130
  })

  it("tolerates lower case, spaces and padding in the secret, rejects garbage", () => {
    const secret = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
    expect(totpAt(secret.toLowerCase(), 59_000)).toBe("287082")
    expect(totpAt("gezd gnbv gy3t qojq gezd gnbv gy3t qojq", 59_000)).toBe("287082")
    expect(totpAt("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ====", 59_000)).toBe("287082")
    expect(() => totpAt("GEZDGNBVGY3TQOJ1", 59_000)).toThrow(TypeError)
    expect(() => totpAt(secret, -1)).toThrow(RangeError)
    expect(() => totpAt(secret, Number.NaN)).toThrow(RangeError)
  })
})

describe("verifyTotp", () => {
  const secret = generateSecret()
  const now = 1_700_000_015_000 // mid-step

  it("accepts the current, previous and next step", () => {
    expect(verifyTotp(secret, totpAt(secret, now), now)).toBe(true)
    expect(verifyTotp(secret, referenceTotp(secret, now), now)).toBe(true)
    expect(verifyTotp(secret, totpAt(secret, now - 30_000), now)).toBe(true)
    expect(verifyTotp(secret, totpAt(secret, now + 30_000), now)).toBe(true)
  })

  it("rejects codes two steps away", () => {
    const current = new Set([now - 30_000, now, now + 30_000].map((t) => totpAt(secret, t)))
    for (const t of [now - 60_000, now + 60_000, now - 90_000, now + 90_000]) {
      const code = totpAt(secret, t)
      // Guard against a (1 in ~333k) chance collision with an in-window code.
      if (!current.has(code)) expect(verifyTotp(secret, code, now), `t=${t}`).toBe(false)
    }
  })

  it("rejects a code for a different secret", () => {
    const other = generateSecret()
    const code = totpAt(other, now)
    const window = [now - 30_000, now, now + 30_000].map((t) => totpAt(secret, t))
    if (!window.includes(code)) expect(verifyTotp(secret, code, now)).toBe(false)
  })

  it("rejects input that is not exactly 6 ASCII digits", () => {
    const code = totpAt(secret, now)
    for (const bad of [
      "",
      code.slice(0, 5),
      `${code}0`,
      ` ${code}`,
      `${code} `,
      `${code.slice(0, 5)}a`,
      "12345e",
      "+12345",
      "١٢٣٤٥٦" // Arabic-Indic digits
    ]) {
      expect(verifyTotp(secret, bad, now), JSON.stringify(bad)).toBe(false)
    }
  })

  it("handles the first step (no step before the epoch)", () => {
    expect(verifyTotp(secret, totpAt(secret, 0), 0)).toBe(true)
    expect(verifyTotp(secret, totpAt(secret, 30_000), 0)).toBe(true)
  })
})

describe("generateSecret / otpauthUrl", () => {
  it("generates 20-byte base32 secrets (upper-case, unpadded, random)", () => {
    const secrets = Array.from({ length: 20 }, generateSecret)
    for (const s of secrets) {
      expect(s).toMatch(/^[A-Z2-7]{32}$/)
      expect(OTPAuth.Secret.fromBase32(s).bytes.length).toBe(20)
    }
    expect(new Set(secrets).size).toBe(secrets.length)
  })

  it("builds an otpauth URL that otpauth parses back", () => {
    const secret = generateSecret()
    const url = otpauthUrl({ secret, issuer: "Acme Corp", account: "jane+test@example.com" })
    expect(url).toBe(
      `otpauth://totp/Acme%20Corp:jane%2Btest%40example.com?secret=${secret}&issuer=Acme%20Corp&algorithm=SHA1&digits=6&period=30`
    )
    const parsed = OTPAuth.URI.parse(url)
    expect(parsed).toBeInstanceOf(OTPAuth.TOTP)
    const totp = parsed as OTPAuth.TOTP
    expect(totp.secret.base32).toBe(secret)
    expect(totp.issuer).toBe("Acme Corp")
    expect(totp.label).toBe("jane+test@example.com")
    expect(totp.algorithm).toBe("SHA1")
    expect(totp.digits).toBe(6)
    expect(totp.period).toBe(30)
    // And the parsed generator agrees with ours.
    expect(totp.generate({ timestamp: 1_700_000_000_000 })).toBe(totpAt(secret, 1_700_000_000_000))
  })

  it("encodes non-ASCII and reserved characters", () => {
    const secret = generateSecret()
    const url = otpauthUrl({ secret, issuer: "Café & Co?", account: "ünïcode/user#1" })
    const totp = OTPAuth.URI.parse(url) as OTPAuth.TOTP
    expect(totp.issuer).toBe("Café & Co?")
    expect(totp.label).toBe("ünïcode/user#1")
    expect(new URL(url).protocol).toBe("otpauth:")
  })
})

describe("generateRecoveryCodes", () => {
  it("produces 10 unique codes in Stytch's format by default", () => {
    const codes = generateRecoveryCodes()
    expect(codes).toHaveLength(10)
    for (const c of codes) expect(c).toMatch(/^[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4}$/)
    expect(new Set(codes).size).toBe(10)
  })

  it("honours n, and codes are random across calls", () => {
    expect(generateRecoveryCodes(0)).toEqual([])
    const many = generateRecoveryCodes(500)
    expect(new Set(many).size).toBe(500)
    expect(generateRecoveryCodes(3)).not.toEqual(generateRecoveryCodes(3))
    // Both letters and digits appear (alphabet sanity check).
    const chars = many.join("")
    expect(chars).toMatch(/[a-z]/)
    expect(chars).toMatch(/[0-9]/)
    expect(() => generateRecoveryCodes(-1)).toThrow(RangeError)
    expect(() => generateRecoveryCodes(1.5)).toThrow(RangeError)
  })
})

// ---------------------------------------------------------------------------
// Minimal PNG reader (greyscale / RGB / RGBA, 8-bit, plus 1-bit greyscale)
// ---------------------------------------------------------------------------

interface DecodedPng {
  readonly width: number
  readonly height: number
  readonly bitDepth: number
  readonly colorType: number
  readonly chunkTypes: ReadonlyArray<string>
  readonly inflatedLength: number
  readonly rgba: Uint8ClampedArray
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]

const pngFromDataUrl = (dataUrl: string): Buffer => {
  const prefix = "data:image/png;base64,"
  expect(dataUrl.startsWith(prefix)).toBe(true)
  const b64 = dataUrl.slice(prefix.length)
  expect(b64).toMatch(/^[A-Za-z0-9+/]+=*$/)
  return Buffer.from(b64, "base64")
}

const paeth = (a: number, b: number, c: number): number => {
  const p = a + b - c
  const pa = Math.abs(p - a)
  const pb = Math.abs(p - b)
  const pc = Math.abs(p - c)
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c
}

const decodePng = (png: Buffer): DecodedPng => {
  expect([...png.subarray(0, 8)]).toEqual(PNG_SIGNATURE)
  const chunkTypes: Array<string> = []
  const idat: Array<Buffer> = []
  let ihdr: Buffer | undefined
  let pos = 8
  while (pos < png.length) {
    const length = png.readUInt32BE(pos)
    const type = png.toString("latin1", pos + 4, pos + 8)
    const data = png.subarray(pos + 8, pos + 8 + length)
    const crc = png.readUInt32BE(pos + 8 + length)
    // Check the stored CRC against Node's zlib (independent of our crc32).
    expect(crc, `${type} CRC`).toBe(zlibCrc32(png.subarray(pos + 4, pos + 8 + length)))
    chunkTypes.push(type)
    if (type === "IHDR") ihdr = data
    if (type === "IDAT") idat.push(data)
    pos += 12 + length
  }
  expect(pos).toBe(png.length)
  if (ihdr === undefined) throw new Error("no IHDR")
  const width = ihdr.readUInt32BE(0)
  const height = ihdr.readUInt32BE(4)
  const bitDepth = ihdr[8]!
  const colorType = ihdr[9]!
  expect(ihdr[12]).toBe(0) // no interlace support here

  const channels = ({ 0: 1, 2: 3, 4: 2, 6: 4 } as Record<number, number>)[colorType]
  if (channels === undefined) throw new Error(`unsupported colour type ${colorType}`)
  const bitsPerPixel = channels * bitDepth
  const stride = Math.ceil((width * bitsPerPixel) / 8)
  const bpp = Math.max(1, bitsPerPixel / 8) // filter unit, in bytes

  const inflated = inflateSync(Buffer.concat(idat))
  const rows: Array<Uint8Array> = []
  let prev = new Uint8Array(stride)
  for (let y = 0; y < height; y++) {
    const filter = inflated[y * (stride + 1)]!
    const line = Uint8Array.from(inflated.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1)))
    for (let i = 0; i < stride; i++) {
      const a = i >= bpp ? line[i - bpp]! : 0
      const b = prev[i]!
      const c = i >= bpp ? prev[i - bpp]! : 0
      const add = [0, a, b, (a + b) >>> 1, paeth(a, b, c)][filter]
      if (add === undefined) throw new Error(`bad filter ${filter}`)
      line[i] = (line[i]! + add) & 0xff
    }
    rows.push(line)
    prev = line
  }

  const rgba = new Uint8ClampedArray(width * height * 4)
  const sample = (row: Uint8Array, index: number): number => {
    if (bitDepth === 8) return row[index]!
    // Sub-byte samples are packed MSB first; scale to 0..255.
    const bitPos = index * bitDepth
    const max = (1 << bitDepth) - 1
    const v = (row[bitPos >>> 3]! >>> (8 - bitDepth - (bitPos & 7))) & max
    return Math.round((v * 255) / max)
  }
  for (let y = 0; y < height; y++) {
    const row = rows[y]!
    for (let x = 0; x < width; x++) {
      const o = (y * width + x) * 4
      const s = (k: number): number => sample(row, x * channels + k)
      const grey = colorType === 0 || colorType === 4
      rgba[o] = s(0)
      rgba[o + 1] = grey ? rgba[o]! : s(1)
      rgba[o + 2] = grey ? rgba[o]! : s(2)
      rgba[o + 3] = colorType === 4 ? s(1) : colorType === 6 ? s(3) : 255
    }
  }
  return { width, height, bitDepth, colorType, chunkTypes, inflatedLength: inflated.length, rgba }
}

const decodeQrDataUrl = (dataUrl: string): string | undefined => {
  const png = decodePng(pngFromDataUrl(dataUrl))
  return jsQR(png.rgba, png.width, png.height, { inversionAttempts: "dontInvert" })?.data
}

// ---------------------------------------------------------------------------

describe("crc32", () => {
  it("matches the standard check value and zlib", () => {
    expect(crc32(Buffer.from("123456789"))).toBe(0xcbf43926)
    expect(crc32(new Uint8Array(0))).toBe(0)
    const random = Buffer.from(Array.from({ length: 1000 }, (_, i) => (i * 7919) & 0xff))
    expect(crc32(random)).toBe(zlibCrc32(random))
  })
})

describe("qrCodePngDataUrl", () => {
  const url = otpauthUrl({
    secret: "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP",
    issuer: "Stytch",
    account: "jo@example.com"
  })

  it("produces a well-formed PNG of the expected geometry", () => {
    const qr = encodeQr(url)
    const scale = 3
    const margin = 4
    const png = decodePng(pngFromDataUrl(qrCodePngDataUrl(url, { scale, margin })))
    expect(png.chunkTypes[0]).toBe("IHDR")
    expect(png.chunkTypes.at(-1)).toBe("IEND")
    expect(png.chunkTypes).toContain("IDAT")
    expect(png.width).toBe(png.height)
    expect(png.width).toBe((qr.size + 2 * margin) * scale)
    expect(png.bitDepth).toBe(1)
    expect(png.colorType).toBe(0)
    // One filter byte plus ceil(width / 8) packed bytes per scanline.
    expect(png.inflatedLength).toBe(png.height * (1 + Math.ceil(png.width / 8)))

    // Pixels reproduce the module matrix, with a light quiet zone.
    const px = (x: number, y: number): number => png.rgba[(y * png.width + x) * 4]!
    for (let my = -margin; my < qr.size + margin; my++) {
      for (let mx = -margin; mx < qr.size + margin; mx++) {
        const expected = qr.isDark(mx, my) ? 0 : 255
        for (const [dx, dy] of [[0, 0], [scale - 1, scale - 1]] as const) {
          expect(px((mx + margin) * scale + dx, (my + margin) * scale + dy)).toBe(expected)
        }
      }
    }
  })

  it("picks the smallest version: byte capacities match ISO/IEC 18004 Table 7", () => {
    // prettier-ignore
    const table: Record<ErrorCorrectionLevel, ReadonlyArray<number>> = {
      L: [17, 32, 53, 78, 106, 134, 154, 192, 230, 271],
      M: [14, 26, 42, 62, 84, 106, 122, 152, 180, 213],
      Q: [11, 20, 32, 46, 60, 74, 86, 108, 130, 151],
      H: [7, 14, 24, 34, 44, 58, 64, 84, 98, 119]
    }
    const v40: Record<ErrorCorrectionLevel, number> = { L: 2953, M: 2331, Q: 1663, H: 1273 }
    for (const level of ["L", "M", "Q", "H"] as const) {
      table[level].forEach((capacity, i) => {
        expect(byteCapacity(i + 1, level), `${level}${i + 1}`).toBe(capacity)
        expect(encodeQr("a".repeat(capacity), level).version).toBe(i + 1)
        expect(encodeQr("a".repeat(capacity + 1), level).version).toBe(i + 2)
      })
      expect(byteCapacity(40, level)).toBe(v40[level])
    }
    // The ~126-char enrolment URL lands in version 8 at level M (default).
    expect(url.length).toBe(126)
    const qr = encodeQr(url)
    expect(qr.errorCorrection).toBe("M")
    expect(qr.version).toBe(8)
    expect(qr.size).toBe(49)
  })

  it("decodes back (jsQR) to the exact otpauth URL", () => {
    expect(decodeQrDataUrl(qrCodePngDataUrl(url))).toBe(url)
    expect(decodeQrDataUrl(qrCodePngDataUrl(url, { scale: 2, margin: 4 }))).toBe(url)
    expect(decodeQrDataUrl(qrCodePngDataUrl(url, { scale: 8, margin: 2 }))).toBe(url)
  })

  it("decodes back for real generated enrolment URLs", () => {
    for (let i = 0; i < 10; i++) {
      const u = otpauthUrl({ secret: generateSecret(), issuer: "Example Project", account: `user-${i}@example.com` })
      expect(decodeQrDataUrl(qrCodePngDataUrl(u))).toBe(u)
    }
  })

  it("round-trips UTF-8 text", () => {
    const text = "héllo wörld ✓ 日本語"
    expect(decodeQrDataUrl(qrCodePngDataUrl(text))).toBe(text)
  })

  it("round-trips versions 1..40 (all at M; 1..10 and every 5th at L/Q/H)", () => {
    const failures: Array<string> = []
    for (const level of ["L", "M", "Q", "H"] as const) {
      for (let version = 1; version <= 40; version++) {
        if (level !== "M" && version > 10 && version % 5 !== 0 && version !== 23) continue
        // Full capacity (the most demanding case) of printable ASCII.
        const n = byteCapacity(version, level)
        const text = Array.from({ length: n }, (_, i) => String.fromCharCode(33 + ((i * 37 + version) % 94))).join("")
        const qr = encodeQr(text, level)
        expect(qr.version).toBe(version)
        const decoded = decodeQrDataUrl(qrCodePngDataUrl(text, { scale: 2, margin: 4, errorCorrection: level }))
        if (decoded !== text) failures.push(`${level}${version}`)
      }
    }
    // jsQR 1.4.0 has a wrong alignment-pattern table entry for version 23
    // (74 instead of the ISO value 78), so it misreads some modules of every
    // version-23 symbol; with these texts only L23 exceeds what Reed-Solomon
    // can correct. (Checked: a copy of jsQR with 78 decodes all 160 symbols.)
    // Tolerate failures at version 23 only.
    expect(failures.filter((f) => f.slice(1) !== "23")).toEqual([])
  }, 60_000)

  it("every mask pattern decodes (format bits correct for each)", () => {
    // The PNG path always uses the best mask, so render forced masks here.
    const toRgba = (qr: ReturnType<typeof encodeQr>, scale: number, margin: number) => {
      const w = (qr.size + 2 * margin) * scale
      const rgba = new Uint8ClampedArray(w * w * 4)
      for (let y = 0; y < w; y++) {
        for (let x = 0; x < w; x++) {
          const v = qr.isDark(Math.floor(x / scale) - margin, Math.floor(y / scale) - margin) ? 0 : 255
          rgba.set([v, v, v, 255], (y * w + x) * 4)
        }
      }
      return { rgba, w }
    }
    for (const level of ["L", "M", "Q", "H"] as const) {
      for (const text of ["hi", url, "z".repeat(300)]) {
        for (let mask = 0; mask < 8; mask++) {
          const qr = encodeQr(text, level, mask)
          expect(qr.mask).toBe(mask)
          const { rgba, w } = toRgba(qr, 3, 4)
          expect(jsQR(rgba, w, w)?.data, `${level} v${qr.version} mask ${mask}`).toBe(text)
        }
      }
    }
    expect(() => encodeQr("x", "M", 8)).toThrow(RangeError)
  }, 30_000)

  it("rejects text that does not fit and bad options", () => {
    expect(() => qrCodePngDataUrl("x".repeat(2332))).toThrow(RangeError) // level M, v40 holds 2331 bytes
    expect(() => qrCodePngDataUrl("x".repeat(2331))).not.toThrow()
    expect(() => qrCodePngDataUrl("x", { scale: 0 })).toThrow(RangeError)
    expect(() => qrCodePngDataUrl("x", { scale: 1.5 })).toThrow(RangeError)
    expect(() => qrCodePngDataUrl("x", { margin: -1 })).toThrow(RangeError)
  })

  it("handles the empty string", () => {
    expect(encodeQr("").version).toBe(1)
    expect(decodeQrDataUrl(qrCodePngDataUrl(""))).toBe("")
  })
})
