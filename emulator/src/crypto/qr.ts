/**
 * A small, dependency-free QR code encoder (ISO/IEC 18004, model 2) and PNG
 * writer, used by the emulator to return `qr_code` data URLs for TOTP
 * enrolment, as the real Stytch API does.
 *
 * Scope: byte mode only (UTF-8), all four error-correction levels, versions
 * 1..40, automatic smallest-version selection, and mask selection by the
 * standard penalty rules. No ECI header is emitted; otpauth URLs are ASCII, so
 * that is what every reader assumes anyway.
 *
 * The structure follows the well-known reference algorithm (as in Project
 * Nayuki's QR Code generator): build data codewords -> split into blocks and
 * append Reed-Solomon ECC -> interleave -> draw function patterns -> zigzag
 * the bits into the remaining modules -> pick the best of 8 masks.
 */
import { deflateSync } from "node:zlib"

export type ErrorCorrectionLevel = "L" | "M" | "Q" | "H"

/** The encoded symbol: `size` x `size` modules, `isDark(x, y)` with x = column. */
export interface QrMatrix {
  readonly version: number
  readonly errorCorrection: ErrorCorrectionLevel
  readonly size: number
  readonly mask: number
  readonly isDark: (x: number, y: number) => boolean
}

// ---------------------------------------------------------------------------
// Tables (ISO/IEC 18004 Table 9), indexed by version; index 0 is unused.
// ---------------------------------------------------------------------------

// prettier-ignore
const ECC_CODEWORDS_PER_BLOCK: Record<ErrorCorrectionLevel, ReadonlyArray<number>> = {
  L: [-1, 7, 10, 15, 20, 26, 18, 20, 24, 30, 18, 20, 24, 26, 30, 22, 24, 28, 30, 28, 28, 28, 28, 30, 30, 26, 28, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30],
  M: [-1, 10, 16, 26, 18, 24, 16, 18, 22, 22, 26, 30, 22, 22, 24, 24, 28, 28, 26, 26, 26, 26, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28],
  Q: [-1, 13, 22, 18, 26, 18, 24, 18, 22, 20, 24, 28, 26, 24, 20, 30, 24, 28, 28, 26, 30, 28, 30, 30, 30, 30, 28, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30],
  H: [-1, 17, 28, 22, 16, 22, 28, 26, 26, 24, 28, 24, 28, 22, 24, 24, 30, 28, 28, 26, 28, 30, 24, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30]
}

// prettier-ignore
const NUM_ECC_BLOCKS: Record<ErrorCorrectionLevel, ReadonlyArray<number>> = {
  L: [-1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 4, 4, 4, 4, 4, 6, 6, 6, 6, 7, 8, 8, 9, 9, 10, 12, 12, 12, 13, 14, 15, 16, 17, 18, 19, 19, 20, 21, 22, 24, 25],
  M: [-1, 1, 1, 1, 2, 2, 4, 4, 4, 5, 5, 5, 8, 9, 9, 10, 10, 11, 13, 14, 16, 17, 17, 18, 20, 21, 23, 25, 26, 28, 29, 31, 33, 35, 37, 38, 40, 43, 45, 47, 49],
  Q: [-1, 1, 1, 2, 2, 4, 4, 6, 6, 8, 8, 8, 10, 12, 16, 12, 17, 16, 18, 21, 20, 23, 23, 25, 27, 29, 34, 34, 35, 38, 40, 43, 45, 48, 51, 53, 56, 59, 62, 65, 68],
  H: [-1, 1, 1, 2, 4, 4, 4, 5, 6, 8, 8, 11, 11, 16, 16, 18, 16, 19, 21, 25, 25, 25, 34, 30, 32, 35, 37, 40, 42, 45, 48, 51, 54, 57, 60, 63, 66, 70, 74, 77, 81]
}

/** The 2-bit EC level field of the format information (note: not in L<M<Q<H order). */
const FORMAT_BITS: Record<ErrorCorrectionLevel, number> = { L: 1, M: 0, Q: 3, H: 2 }

const MIN_VERSION = 1
const MAX_VERSION = 40

const sizeOf = (version: number): number => version * 4 + 17

/**
 * Modules available for data + ECC codewords (incl. remainder bits): the full
 * square minus finder/separator/format, timing, alignment and version areas.
 */
const numRawDataModules = (version: number): number => {
  let result = (16 * version + 128) * version + 64
  if (version >= 2) {
    const numAlign = Math.floor(version / 7) + 2
    result -= (25 * numAlign - 10) * numAlign - 55
    if (version >= 7) result -= 36
  }
  return result
}

const numDataCodewords = (version: number, ecl: ErrorCorrectionLevel): number =>
  Math.floor(numRawDataModules(version) / 8) -
  ECC_CODEWORDS_PER_BLOCK[ecl][version]! * NUM_ECC_BLOCKS[ecl][version]!

/** Centre coordinates (used on both axes) of the alignment patterns. */
const alignmentPositions = (version: number): ReadonlyArray<number> => {
  if (version === 1) return []
  const numAlign = Math.floor(version / 7) + 2
  // Evenly spaced from the far edge back towards 6, with an even step; the
  // spec's table has one irregular entry (version 32) that the formula misses.
  const step = version === 32 ? 26 : Math.ceil((version * 4 + 4) / (numAlign * 2 - 2)) * 2
  const result = [6]
  for (let pos = sizeOf(version) - 7; result.length < numAlign; pos -= step) result.splice(1, 0, pos)
  return result
}

// ---------------------------------------------------------------------------
// Reed-Solomon over GF(2^8) with the QR polynomial x^8 + x^4 + x^3 + x^2 + 1
// ---------------------------------------------------------------------------

const GF_EXP = new Uint8Array(512) // doubled so exp[log a + log b] needs no mod 255
const GF_LOG = new Uint8Array(256)
{
  let x = 1
  for (let i = 0; i < 255; i++) {
    GF_EXP[i] = x
    GF_LOG[x] = i
    x <<= 1
    if (x & 0x100) x ^= 0x11d
  }
  for (let i = 255; i < 512; i++) GF_EXP[i] = GF_EXP[i - 255]!
}

const gfMul = (a: number, b: number): number =>
  a === 0 || b === 0 ? 0 : GF_EXP[GF_LOG[a]! + GF_LOG[b]!]!

/**
 * Generator polynomial prod_{i<degree} (x - alpha^i), highest-order
 * coefficient (always 1) omitted, so the result has exactly `degree` terms.
 */
const rsGenerator = (degree: number): Uint8Array => {
  const result = new Uint8Array(degree)
  result[degree - 1] = 1 // start with the monomial 1
  let root = 1
  for (let i = 0; i < degree; i++) {
    // Multiply the current product by (x - root); subtraction is XOR.
    for (let j = 0; j < degree; j++) {
      result[j] = gfMul(result[j]!, root) ^ (j + 1 < degree ? result[j + 1]! : 0)
    }
    root = gfMul(root, 2)
  }
  return result
}

/** ECC codewords: remainder of data(x) * x^degree divided by the generator. */
const rsRemainder = (data: ArrayLike<number>, generator: Uint8Array): Uint8Array => {
  const degree = generator.length
  const result = new Uint8Array(degree)
  for (let i = 0; i < data.length; i++) {
    const factor = data[i]! ^ result[0]!
    result.copyWithin(0, 1)
    result[degree - 1] = 0
    for (let j = 0; j < degree; j++) result[j]! ^= gfMul(generator[j]!, factor)
  }
  return result
}

// ---------------------------------------------------------------------------
// Codeword construction
// ---------------------------------------------------------------------------

/** Byte-mode segment, terminator and padding, as `numDataCodewords` bytes. */
const dataCodewords = (bytes: Uint8Array, version: number, ecl: ErrorCorrectionLevel): Uint8Array => {
  const capacityBits = numDataCodewords(version, ecl) * 8
  const bits: Array<number> = []
  const push = (value: number, length: number): void => {
    for (let i = length - 1; i >= 0; i--) bits.push((value >>> i) & 1)
  }
  push(0b0100, 4) // mode indicator: byte
  push(bytes.length, version <= 9 ? 8 : 16) // character count
  for (const b of bytes) push(b, 8)
  push(0, Math.min(4, capacityBits - bits.length)) // terminator
  push(0, (8 - (bits.length % 8)) % 8) // to a byte boundary
  for (let pad = 0xec; bits.length < capacityBits; pad ^= 0xec ^ 0x11) push(pad, 8)

  const out = new Uint8Array(bits.length / 8)
  for (let i = 0; i < bits.length; i++) out[i >>> 3]! |= bits[i]! << (7 - (i & 7))
  return out
}

/**
 * Split data into blocks, append ECC to each, and interleave: data bytes
 * column by column across blocks, then ECC bytes likewise. "Short" blocks
 * come first and carry one data byte fewer than the "long" ones.
 */
const addEccAndInterleave = (data: Uint8Array, version: number, ecl: ErrorCorrectionLevel): Uint8Array => {
  const numBlocks = NUM_ECC_BLOCKS[ecl][version]!
  const eccLen = ECC_CODEWORDS_PER_BLOCK[ecl][version]!
  const rawCodewords = Math.floor(numRawDataModules(version) / 8)
  const numShortBlocks = numBlocks - (rawCodewords % numBlocks)
  const shortDataLen = Math.floor(rawCodewords / numBlocks) - eccLen

  const generator = rsGenerator(eccLen)
  const dataBlocks: Array<Uint8Array> = []
  const eccBlocks: Array<Uint8Array> = []
  for (let i = 0, offset = 0; i < numBlocks; i++) {
    const len = shortDataLen + (i < numShortBlocks ? 0 : 1)
    const block = data.subarray(offset, offset + len)
    offset += len
    dataBlocks.push(block)
    eccBlocks.push(rsRemainder(block, generator))
  }

  const out = new Uint8Array(rawCodewords)
  let k = 0
  for (let i = 0; i <= shortDataLen; i++) {
    for (const block of dataBlocks) if (i < block.length) out[k++] = block[i]!
  }
  for (let i = 0; i < eccLen; i++) {
    for (const block of eccBlocks) out[k++] = block[i]!
  }
  return out
}

// ---------------------------------------------------------------------------
// Module placement
// ---------------------------------------------------------------------------

type MaskFn = (x: number, y: number) => boolean

// x = column, y = row (the spec's j and i respectively).
const MASKS: ReadonlyArray<MaskFn> = [
  (x, y) => (x + y) % 2 === 0,
  (_x, y) => y % 2 === 0,
  (x) => x % 3 === 0,
  (x, y) => (x + y) % 3 === 0,
  (x, y) => (Math.floor(x / 3) + Math.floor(y / 2)) % 2 === 0,
  (x, y) => ((x * y) % 2) + ((x * y) % 3) === 0,
  (x, y) => (((x * y) % 2) + ((x * y) % 3)) % 2 === 0,
  (x, y) => (((x + y) % 2) + ((x * y) % 3)) % 2 === 0
]

class QrSymbol {
  readonly size: number
  /** 1 = dark. Row-major: index y * size + x. */
  readonly modules: Uint8Array
  /** 1 = function pattern (never masked, never holds data). */
  readonly isFunction: Uint8Array

  constructor(
    readonly version: number,
    readonly ecl: ErrorCorrectionLevel
  ) {
    this.size = sizeOf(version)
    this.modules = new Uint8Array(this.size * this.size)
    this.isFunction = new Uint8Array(this.size * this.size)
  }

  setFunction(x: number, y: number, dark: boolean): void {
    this.modules[y * this.size + x] = dark ? 1 : 0
    this.isFunction[y * this.size + x] = 1
  }

  drawFunctionPatterns(): void {
    const size = this.size
    // Timing patterns (finders drawn afterwards overwrite the ends).
    for (let i = 0; i < size; i++) {
      this.setFunction(6, i, i % 2 === 0)
      this.setFunction(i, 6, i % 2 === 0)
    }
    this.drawFinder(3, 3)
    this.drawFinder(size - 4, 3)
    this.drawFinder(3, size - 4)

    const align = alignmentPositions(this.version)
    const last = align.length - 1
    for (let i = 0; i <= last; i++) {
      for (let j = 0; j <= last; j++) {
        // The three corners overlap the finder patterns.
        if ((i === 0 && j === 0) || (i === 0 && j === last) || (i === last && j === 0)) continue
        this.drawAlignment(align[i]!, align[j]!)
      }
    }

    // Reserve the format areas now (real bits drawn once the mask is known).
    this.drawFormatBits(0)
    this.drawVersion()
  }

  /** 7x7 finder centred on (cx, cy) plus its light separator ring. */
  private drawFinder(cx: number, cy: number): void {
    for (let dy = -4; dy <= 4; dy++) {
      for (let dx = -4; dx <= 4; dx++) {
        const x = cx + dx
        const y = cy + dy
        if (x < 0 || x >= this.size || y < 0 || y >= this.size) continue
        const dist = Math.max(Math.abs(dx), Math.abs(dy)) // Chebyshev ring index
        this.setFunction(x, y, dist !== 2 && dist !== 4)
      }
    }
  }

  private drawAlignment(cx: number, cy: number): void {
    for (let dy = -2; dy <= 2; dy++) {
      for (let dx = -2; dx <= 2; dx++) {
        this.setFunction(cx + dx, cy + dy, Math.max(Math.abs(dx), Math.abs(dy)) !== 1)
      }
    }
  }

  /** 15-bit format info: BCH(15,5) over EC level + mask, XOR 0x5412, twice. */
  drawFormatBits(mask: number): void {
    const data = (FORMAT_BITS[this.ecl] << 3) | mask
    let rem = data
    for (let i = 0; i < 10; i++) rem = (rem << 1) ^ ((rem >>> 9) * 0x537)
    const bits = ((data << 10) | rem) ^ 0x5412
    const bit = (i: number): boolean => ((bits >>> i) & 1) !== 0
    const size = this.size

    // Copy 1: around the top-left finder, skipping the timing row/column.
    for (let i = 0; i <= 5; i++) this.setFunction(8, i, bit(i))
    this.setFunction(8, 7, bit(6))
    this.setFunction(8, 8, bit(7))
    this.setFunction(7, 8, bit(8))
    for (let i = 9; i < 15; i++) this.setFunction(14 - i, 8, bit(i))

    // Copy 2: split between the top-right and bottom-left finders.
    for (let i = 0; i < 8; i++) this.setFunction(size - 1 - i, 8, bit(i))
    for (let i = 8; i < 15; i++) this.setFunction(8, size - 15 + i, bit(i))
    this.setFunction(8, size - 8, true) // the always-dark module
  }

  /** 18-bit version info, BCH(18,6), for versions >= 7, in two 6x3 blocks. */
  private drawVersion(): void {
    if (this.version < 7) return
    let rem = this.version
    for (let i = 0; i < 12; i++) rem = (rem << 1) ^ ((rem >>> 11) * 0x1f25)
    const bits = (this.version << 12) | rem
    for (let i = 0; i < 18; i++) {
      const dark = ((bits >>> i) & 1) !== 0
      const a = this.size - 11 + (i % 3)
      const b = Math.floor(i / 3)
      this.setFunction(a, b, dark)
      this.setFunction(b, a, dark)
    }
  }

  /**
   * Zigzag placement: two-column strips from the right edge, alternating
   * upward/downward, skipping the vertical timing column (x = 6). Leftover
   * modules are the remainder bits and stay light (0).
   */
  drawCodewords(codewords: Uint8Array): void {
    const size = this.size
    const totalBits = codewords.length * 8
    let i = 0
    for (let right = size - 1; right >= 1; right -= 2) {
      if (right === 6) right = 5
      const upward = ((right + 1) & 2) === 0
      for (let vert = 0; vert < size; vert++) {
        const y = upward ? size - 1 - vert : vert
        for (let j = 0; j < 2; j++) {
          const x = right - j
          const idx = y * size + x
          if (this.isFunction[idx] || i >= totalBits) continue
          this.modules[idx] = (codewords[i >>> 3]! >>> (7 - (i & 7))) & 1
          i++
        }
      }
    }
  }

  /** XOR the mask into data modules; applying it twice undoes it. */
  applyMask(mask: number): void {
    const fn = MASKS[mask]!
    const size = this.size
    for (let y = 0; y < size; y++) {
      for (let x = 0; x < size; x++) {
        const idx = y * size + x
        if (!this.isFunction[idx] && fn(x, y)) this.modules[idx]! ^= 1
      }
    }
  }

  /** Penalty score N1..N4 (ISO/IEC 18004 §7.8.3); lower is better. */
  penalty(): number {
    const size = this.size
    const m = this.modules
    let score = 0

    // Rows then columns, as 1-D lines.
    const line = new Uint8Array(size)
    for (let pass = 0; pass < 2; pass++) {
      for (let a = 0; a < size; a++) {
        for (let b = 0; b < size; b++) line[b] = pass === 0 ? m[a * size + b]! : m[b * size + a]!
        score += linePenalty(line)
      }
    }

    // N2: each 2x2 block of one colour.
    for (let y = 0; y < size - 1; y++) {
      for (let x = 0; x < size - 1; x++) {
        const c = m[y * size + x]
        if (c === m[y * size + x + 1] && c === m[(y + 1) * size + x] && c === m[(y + 1) * size + x + 1]) score += 3
      }
    }

    // N4: 10 points per full 5% the dark ratio deviates from 50%.
    let dark = 0
    for (const v of m) dark += v
    const total = size * size
    score += Math.floor(Math.abs(dark * 20 - total * 10) / total) * 10
    return score
  }
}

/** N1 (runs of >= 5) and N3 (finder-like 1:1:3:1:1 with 4 light on a side). */
const linePenalty = (line: Uint8Array): number => {
  const n = line.length
  let score = 0
  let runLen = 1
  for (let i = 1; i <= n; i++) {
    if (i < n && line[i] === line[i - 1]) {
      runLen++
    } else {
      if (runLen >= 5) score += 3 + (runLen - 5)
      runLen = 1
    }
  }
  // Outside the symbol is the (light) quiet zone.
  const light = (i: number): boolean => i < 0 || i >= n || line[i] === 0
  const lightRun = (from: number): boolean => light(from) && light(from + 1) && light(from + 2) && light(from + 3)
  for (let i = 0; i + 7 <= n; i++) {
    if (
      line[i] === 1 && line[i + 1] === 0 && line[i + 2] === 1 && line[i + 3] === 1 &&
      line[i + 4] === 1 && line[i + 5] === 0 && line[i + 6] === 1 &&
      (lightRun(i - 4) || lightRun(i + 7))
    ) {
      score += 40
    }
  }
  return score
}

// ---------------------------------------------------------------------------
// Public API
// ---------------------------------------------------------------------------

/** Maximum byte-mode payload, in bytes, of a version at an EC level. */
export const byteCapacity = (version: number, errorCorrection: ErrorCorrectionLevel): number => {
  if (!Number.isInteger(version) || version < MIN_VERSION || version > MAX_VERSION) {
    throw new RangeError(`version must be an integer in ${MIN_VERSION}..${MAX_VERSION}, got ${version}`)
  }
  const headerBits = 4 + (version <= 9 ? 8 : 16) // mode + character count
  return Math.floor((numDataCodewords(version, errorCorrection) * 8 - headerBits) / 8)
}

/**
 * Encode `text` (as UTF-8, byte mode) in the smallest version that fits at
 * the given error-correction level, with the lowest-penalty mask unless
 * `forceMask` (0..7) is given. Throws `RangeError` if it does not fit even in
 * version 40.
 */
export const encodeQr = (
  text: string,
  errorCorrection: ErrorCorrectionLevel = "M",
  forceMask?: number
): QrMatrix => {
  if (forceMask !== undefined && !(Number.isInteger(forceMask) && forceMask >= 0 && forceMask < MASKS.length)) {
    throw new RangeError(`forceMask must be an integer in 0..7, got ${forceMask}`)
  }
  const bytes = new TextEncoder().encode(text)
  let version = MIN_VERSION
  while (version <= MAX_VERSION && bytes.length > byteCapacity(version, errorCorrection)) version++
  if (version > MAX_VERSION) {
    throw new RangeError(`Text too long for a QR code (${bytes.length} bytes at level ${errorCorrection})`)
  }

  const symbol = new QrSymbol(version, errorCorrection)
  symbol.drawFunctionPatterns()
  symbol.drawCodewords(addEccAndInterleave(dataCodewords(bytes, version, errorCorrection), version, errorCorrection))

  let bestMask = forceMask ?? 0
  let bestScore = Infinity
  for (let mask = 0; forceMask === undefined && mask < MASKS.length; mask++) {
    symbol.applyMask(mask)
    symbol.drawFormatBits(mask) // format bits take part in the penalty
    const score = symbol.penalty()
    if (score < bestScore) {
      bestScore = score
      bestMask = mask
    }
    symbol.applyMask(mask) // undo
  }
  symbol.applyMask(bestMask)
  symbol.drawFormatBits(bestMask)

  const { size, modules } = symbol
  return {
    version,
    errorCorrection,
    size,
    mask: bestMask,
    isDark: (x, y) => x >= 0 && y >= 0 && x < size && y < size && modules[y * size + x] === 1
  }
}

// ---------------------------------------------------------------------------
// PNG
// ---------------------------------------------------------------------------

const CRC_TABLE = (() => {
  const table = new Uint32Array(256)
  for (let n = 0; n < 256; n++) {
    let c = n
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
    table[n] = c >>> 0
  }
  return table
})()

/** CRC-32 (ISO 3309 / ITU-T V.42, as PNG requires). */
export const crc32 = (bytes: Uint8Array): number => {
  let c = 0xffffffff
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}

const pngChunk = (type: string, data: Uint8Array): Buffer => {
  const chunk = Buffer.alloc(12 + data.length)
  chunk.writeUInt32BE(data.length, 0)
  chunk.write(type, 4, "latin1")
  chunk.set(data, 8)
  // The CRC covers type + data, not the length.
  chunk.writeUInt32BE(crc32(chunk.subarray(4, 8 + data.length)), 8 + data.length)
  return chunk
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])

/**
 * Render a matrix as a 1-bit greyscale PNG (bit 0 = black, 1 = white),
 * `scale` pixels per module and a `margin`-module light quiet zone.
 */
export const qrMatrixToPng = (qr: QrMatrix, scale: number, margin: number): Buffer => {
  const modulesAcross = qr.size + 2 * margin
  const width = modulesAcross * scale
  const rowBytes = Math.ceil(width / 8)

  // One scanline per module row, repeated `scale` times; each prefixed with
  // filter type 0 (None), which compresses fine for this kind of image.
  const raw = Buffer.alloc((rowBytes + 1) * width)
  for (let my = 0; my < modulesAcross; my++) {
    const line = Buffer.alloc(rowBytes + 1) // line[0] = 0: filter None
    for (let px = 0; px < width; px++) {
      const mx = Math.floor(px / scale)
      if (!qr.isDark(mx - margin, my - margin)) line[1 + (px >>> 3)]! |= 0x80 >>> (px & 7)
    }
    for (let r = 0; r < scale; r++) line.copy(raw, (my * scale + r) * (rowBytes + 1))
  }

  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(width, 0)
  ihdr.writeUInt32BE(width, 4)
  ihdr[8] = 1 // bit depth
  ihdr[9] = 0 // colour type: greyscale
  ihdr[10] = 0 // compression: deflate
  ihdr[11] = 0 // filter method 0
  ihdr[12] = 0 // no interlace

  return Buffer.concat([
    PNG_SIGNATURE,
    pngChunk("IHDR", ihdr),
    pngChunk("IDAT", deflateSync(raw)),
    pngChunk("IEND", new Uint8Array(0))
  ])
}

const checkInt = (name: string, value: number, min: number): number => {
  if (!Number.isSafeInteger(value) || value < min) {
    throw new RangeError(`${name} must be an integer >= ${min}, got ${value}`)
  }
  return value
}

/**
 * A QR code for `text` (byte mode; error-correction level M unless given;
 * smallest version that fits, up to 40) as a PNG data URL
 * "data:image/png;base64,...". `scale` is pixels per module (default 4),
 * `margin` the quiet zone in modules (default 4, the spec minimum).
 */
export const qrCodePngDataUrl = (
  text: string,
  options?: { scale?: number; margin?: number; errorCorrection?: ErrorCorrectionLevel }
): string => {
  const scale = checkInt("scale", options?.scale ?? 4, 1)
  const margin = checkInt("margin", options?.margin ?? 4, 0)
  const png = qrMatrixToPng(encodeQr(text, options?.errorCorrection ?? "M"), scale, margin)
  return `data:image/png;base64,${png.toString("base64")}`
}
