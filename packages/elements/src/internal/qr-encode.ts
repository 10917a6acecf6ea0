/**
 * QR codes (ISO/IEC 18004) for the elements' links and slips: the text as UTF-8 bytes (byte mode), error correction
 * level M, the smallest version that holds it, the mask with the least penalty. A port of uqr's encoder (MIT), itself
 * Project Nayuki's QR Code generator (MIT), reduced to what the elements draw: one mode and one level, so one row of
 * each table. For the same text it draws the same modules as `uqr`'s `encode(text, { ecc: 'M' })` (qr-encode.test.ts).
 */

/** Level M, per version 1–40 (index 0 unused): error correction codewords per block, and the number of blocks. */
const ECC_PER_BLOCK = [
  0, 10, 16, 26, 18, 24, 16, 18, 22, 22, 26, 30, 22, 22, 24, 24, 28, 28, 26, 26, 26, 26, 28, 28, 28, 28, 28, 28, 28, 28,
  28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28,
];
const BLOCKS = [
  0, 1, 1, 1, 2, 2, 4, 4, 4, 5, 5, 5, 8, 9, 9, 10, 10, 11, 13, 14, 16, 17, 17, 18, 20, 21, 23, 25, 26, 28, 29, 31, 33,
  35, 37, 38, 40, 43, 45, 47, 49,
];

const bit = (x: number, i: number): boolean => ((x >>> i) & 1) !== 0;

/** How many modules of a version carry data and error correction (all but the function patterns). */
function rawModules(version: number): number {
  let result = (16 * version + 128) * version + 64;
  if (version >= 2) {
    const align = Math.floor(version / 7) + 2;
    result -= (25 * align - 10) * align - 55;
    if (version >= 7) result -= 36;
  }
  return result;
}

const dataCodewords = (version: number): number =>
  Math.floor(rawModules(version) / 8) - (ECC_PER_BLOCK[version] as number) * (BLOCKS[version] as number);

/** Product in GF(2⁸) modulo x⁸ + x⁴ + x³ + x² + 1. */
function multiply(x: number, y: number): number {
  let z = 0;
  for (let i = 7; i >= 0; i--) {
    z = (z << 1) ^ ((z >>> 7) * 0x11d);
    z ^= ((y >>> i) & 1) * x;
  }
  return z;
}

/** The Reed–Solomon generator polynomial of a degree (its coefficients, highest first, without the leading 1). */
function divisor(degree: number): number[] {
  const result: number[] = new Array(degree - 1).fill(0);
  result.push(1);
  let root = 1;
  for (let i = 0; i < degree; i++) {
    for (let j = 0; j < result.length; j++) {
      result[j] = multiply(result[j] as number, root) ^ (result[j + 1] ?? 0);
    }
    root = multiply(root, 2);
  }
  return result;
}

function remainder(data: readonly number[], generator: readonly number[]): number[] {
  const result = generator.map(() => 0);
  for (const b of data) {
    const factor = b ^ (result.shift() as number);
    result.push(0);
    generator.forEach((coefficient, i) => {
      result[i] = (result[i] as number) ^ multiply(coefficient, factor);
    });
  }
  return result;
}

/** The data codewords of a version, split into blocks, each with its error correction, interleaved. */
function codewords(data: readonly number[], version: number): number[] {
  const blocks = BLOCKS[version] as number;
  const eccLength = ECC_PER_BLOCK[version] as number;
  const raw = Math.floor(rawModules(version) / 8);
  const short = blocks - (raw % blocks);
  const shortLength = Math.floor(raw / blocks);
  const generator = divisor(eccLength);
  const all: number[][] = [];
  for (let i = 0, k = 0; i < blocks; i++) {
    const block = data.slice(k, k + shortLength - eccLength + (i < short ? 0 : 1));
    k += block.length;
    const ecc = remainder(block, generator);
    if (i < short) block.push(0);
    all.push(block.concat(ecc));
  }
  const result: number[] = [];
  for (let i = 0; i < (all[0] as number[]).length; i++) {
    all.forEach((block, j) => {
      if (i !== shortLength - eccLength || j >= short) result.push(block[i] as number);
    });
  }
  return result;
}

/** Whether mask `m` inverts the module at (x, y). */
const MASKS: readonly ((x: number, y: number) => boolean)[] = [
  (x, y) => (x + y) % 2 === 0,
  (_, y) => y % 2 === 0,
  (x) => x % 3 === 0,
  (x, y) => (x + y) % 3 === 0,
  (x, y) => (Math.floor(x / 3) + Math.floor(y / 2)) % 2 === 0,
  (x, y) => ((x * y) % 2) + ((x * y) % 3) === 0,
  (x, y) => (((x * y) % 2) + ((x * y) % 3)) % 2 === 0,
  (x, y) => (((x + y) % 2) + ((x * y) % 3)) % 2 === 0,
];

/**
 * The modules of the QR code of `text` (rows of booleans, `true` dark), without the quiet zone around it.
 *
 * @example
 * ```ts
 * encodeQr('https://xa.example.gov.vn/thu-tuc#tthc-1-001193').length; // 29: version 3
 * ```
 */
export function encodeQr(text: string): boolean[][] {
  const bytes = new TextEncoder().encode(text);
  // The smallest version whose capacity holds the mode, the count (8 bits below version 10, else 16) and the bytes.
  let version = 1;
  for (; ; version++) {
    if (version > 40) throw new RangeError('Data too long');
    const count = version < 10 ? 8 : 16;
    if (bytes.length < 1 << count && 4 + count + bytes.length * 8 <= dataCodewords(version) * 8) break;
  }
  const bits: number[] = [];
  const append = (value: number, length: number) => {
    for (let i = length - 1; i >= 0; i--) bits.push((value >>> i) & 1);
  };
  append(4, 4);
  append(bytes.length, version < 10 ? 8 : 16);
  for (const b of bytes) append(b, 8);
  const capacity = dataCodewords(version) * 8;
  append(0, Math.min(4, capacity - bits.length));
  append(0, (8 - (bits.length % 8)) % 8);
  for (let pad = 0xec; bits.length < capacity; pad ^= 0xec ^ 0x11) append(pad, 8);
  const data: number[] = new Array(capacity / 8).fill(0);
  bits.forEach((b, i) => {
    data[i >>> 3] = (data[i >>> 3] as number) | (b << (7 - (i & 7)));
  });

  const size = version * 4 + 17;
  const modules = Array.from({ length: size }, () => new Array<boolean>(size).fill(false));
  const fixed = Array.from({ length: size }, () => new Array<boolean>(size).fill(false));
  const set = (x: number, y: number, dark: boolean) => {
    (modules[y] as boolean[])[x] = dark;
    (fixed[y] as boolean[])[x] = true;
  };
  const formatBits = (mask: number) => {
    // Level M is 00, then the mask; a BCH(15, 5) code; XOR 0x5412.
    let rem = mask;
    for (let i = 0; i < 10; i++) rem = (rem << 1) ^ ((rem >>> 9) * 0x537);
    const f = ((mask << 10) | rem) ^ 0x5412;
    for (let i = 0; i <= 5; i++) set(8, i, bit(f, i));
    set(8, 7, bit(f, 6));
    set(8, 8, bit(f, 7));
    set(7, 8, bit(f, 8));
    for (let i = 9; i < 15; i++) set(14 - i, 8, bit(f, i));
    for (let i = 0; i < 8; i++) set(size - 1 - i, 8, bit(f, i));
    for (let i = 8; i < 15; i++) set(8, size - 15 + i, bit(f, i));
    set(8, size - 8, true);
  };

  // Function patterns: timing lines, finders with their separators, alignment patterns, format and version bits.
  for (let i = 0; i < size; i++) {
    set(6, i, i % 2 === 0);
    set(i, 6, i % 2 === 0);
  }
  for (const [cx, cy] of [
    [3, 3],
    [size - 4, 3],
    [3, size - 4],
  ] as const) {
    for (let dy = -4; dy <= 4; dy++) {
      for (let dx = -4; dx <= 4; dx++) {
        const d = Math.max(Math.abs(dx), Math.abs(dy));
        const x = cx + dx;
        const y = cy + dy;
        if (x >= 0 && x < size && y >= 0 && y < size) set(x, y, d !== 2 && d !== 4);
      }
    }
  }
  const align: number[] = [];
  if (version > 1) {
    const count = Math.floor(version / 7) + 2;
    const step = version === 32 ? 26 : Math.ceil((version * 4 + 4) / (count * 2 - 2)) * 2;
    align.push(6);
    for (let pos = size - 7; align.length < count; pos -= step) align.splice(1, 0, pos);
  }
  align.forEach((ax, i) => {
    align.forEach((ay, j) => {
      const corner = (i === 0 && j === 0) || (i === 0 && j === align.length - 1) || (i === align.length - 1 && j === 0);
      if (corner) return;
      for (let dy = -2; dy <= 2; dy++) {
        for (let dx = -2; dx <= 2; dx++) set(ax + dx, ay + dy, Math.max(Math.abs(dx), Math.abs(dy)) !== 1);
      }
    });
  });
  formatBits(0);
  if (version >= 7) {
    let rem = version;
    for (let i = 0; i < 12; i++) rem = (rem << 1) ^ ((rem >>> 11) * 0x1f25);
    const v = (version << 12) | rem;
    for (let i = 0; i < 18; i++) {
      const a = size - 11 + (i % 3);
      const b = Math.floor(i / 3);
      set(a, b, bit(v, i));
      set(b, a, bit(v, i));
    }
  }

  // The codewords, in the zigzag of two-module columns from the bottom right, skipping the function modules.
  const all = codewords(data, version);
  let i = 0;
  for (let right = size - 1; right >= 1; right -= 2) {
    if (right === 6) right = 5;
    for (let vert = 0; vert < size; vert++) {
      for (let j = 0; j < 2; j++) {
        const x = right - j;
        const y = ((right + 1) & 2) === 0 ? size - 1 - vert : vert;
        if (!(fixed[y] as boolean[])[x] && i < all.length * 8) {
          (modules[y] as boolean[])[x] = bit(all[i >>> 3] as number, 7 - (i & 7));
          i++;
        }
      }
    }
  }

  const applyMask = (mask: number) => {
    const inverts = MASKS[mask] as (x: number, y: number) => boolean;
    modules.forEach((row, y) => {
      row.forEach((dark, x) => {
        if (!(fixed[y] as boolean[])[x] && inverts(x, y)) row[x] = !dark;
      });
    });
  };
  let best = 0;
  let least = 1e9;
  for (let mask = 0; mask < 8; mask++) {
    applyMask(mask);
    formatBits(mask);
    const score = penalty(modules);
    if (score < least) {
      best = mask;
      least = score;
    }
    applyMask(mask);
  }
  applyMask(best);
  formatBits(best);
  return modules;
}

/** The penalty of a masked symbol: long runs, 2×2 blocks, finder-like patterns, and dark/light imbalance. */
function penalty(modules: readonly (readonly boolean[])[]): number {
  const size = modules.length;
  const at = (x: number, y: number) => (modules[y] as readonly boolean[])[x] as boolean;
  let result = 0;
  // Rows then columns: the same scan with x and y swapped.
  for (const cell of [at, (x: number, y: number) => at(y, x)]) {
    for (let y = 0; y < size; y++) {
      let color = false;
      let run = 0;
      const history = [0, 0, 0, 0, 0, 0, 0];
      const add = (length: number) => {
        history.pop();
        history.unshift(history[0] === 0 ? length + size : length);
      };
      const finders = () => {
        const n = history[1] as number;
        const core = n > 0 && history[2] === n && history[3] === n * 3 && history[4] === n && history[5] === n;
        return (
          (core && (history[0] as number) >= n * 4 && (history[6] as number) >= n ? 1 : 0) +
          (core && (history[6] as number) >= n * 4 && (history[0] as number) >= n ? 1 : 0)
        );
      };
      for (let x = 0; x < size; x++) {
        if (cell(x, y) === color) {
          run++;
          if (run === 5) result += 3;
          else if (run > 5) result++;
        } else {
          add(run);
          if (!color) result += finders() * 40;
          color = cell(x, y);
          run = 1;
        }
      }
      if (color) {
        add(run);
        run = 0;
      }
      add(run + size);
      result += finders() * 40;
    }
  }
  let dark = 0;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      if (at(x, y)) dark++;
      if (x < size - 1 && y < size - 1) {
        const c = at(x, y);
        if (c === at(x + 1, y) && c === at(x, y + 1) && c === at(x + 1, y + 1)) result += 3;
      }
    }
  }
  const total = size * size;
  return result + (Math.ceil(Math.abs(dark * 20 - total * 10) / total) - 1) * 10;
}
