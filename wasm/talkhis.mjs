// talkhis in JavaScript: Arabic extractive summaries and keywords from the WebAssembly build
// of the talkhis core (`talkhis.wasm`, built by `.ci/wasm.sh`; see wasm/README.md).
//
//   import { load } from './talkhis.mjs';
//   const talkhis = await load();
//   const { summary, keywords } = talkhis.summarize(text, { sentences: 3, keywords: 10 });
//
// Offsets (`start`) are JavaScript string indices (UTF-16 code units) into the text passed in,
// so `text.slice(s.start, s.start + s.text.length) === s.text`. Scores are numbers (1.5 is a
// score of 1500 thousandths in the core).

/** The most summary sentences and keywords one call returns (the module's static buffers). */
export const MAX_SENTENCES = 64;
export const MAX_KEYWORDS = 64;

const BUDGETS = { sentences: 0, words: 1, ratio: 2 };

/**
 * Loads and instantiates the module.
 *
 * @param {URL | string | ArrayBuffer | Uint8Array | WebAssembly.Module} [source] the module: a
 *   URL (`file:` URLs are read with node:fs, others fetched), its bytes, or a compiled module.
 *   Defaults to `talkhis.wasm` next to this file.
 * @returns {Promise<Talkhis>}
 */
export async function load(source = new URL('./talkhis.wasm', import.meta.url)) {
  let module;
  if (source instanceof WebAssembly.Module) {
    module = source;
  } else if (source instanceof URL || typeof source === 'string') {
    const url = new URL(source, import.meta.url);
    let bytes;
    if (url.protocol === 'file:') {
      const { readFile } = await import('node:fs/promises');
      bytes = await readFile(url);
    } else {
      const response = await fetch(url);
      if (!response.ok) throw new Error(`talkhis: cannot fetch ${url}: ${response.status}`);
      bytes = await response.arrayBuffer();
    }
    module = await WebAssembly.compile(bytes);
  } else {
    module = await WebAssembly.compile(source);
  }
  // A module that kept a panic path imports `env.talkhis_panic_path_survived` (see
  // wasm/src/lib.rs); the tests check that it imports nothing. Should it, a panic throws.
  const env = {
    talkhis_panic_path_survived() {
      throw new Error('talkhis: the module panicked (a bug in talkhis)');
    },
  };
  const instance = await WebAssembly.instantiate(module, { env });
  return new Talkhis(instance);
}

/** One instantiated module. Calls are synchronous and share the module's static buffers. */
export class Talkhis {
  #exports;
  #encoder = new TextEncoder();
  #decoder = new TextDecoder('utf-8', { fatal: true });

  /** @param {WebAssembly.Instance} instance */
  constructor(instance) {
    this.#exports = instance.exports;
  }

  /** The longest input, in UTF-8 bytes. */
  get inputCapacity() {
    return this.#exports.talkhis_input_capacity() >>> 0;
  }

  /**
   * Summarizes `text` and finds its keywords.
   *
   * @param {string} text Arabic text (any text works; other scripts get fewer results).
   * @param {object} [options]
   * @param {number} [options.sentences] summary length in sentences (default 3)
   * @param {number} [options.words] or: about this many words
   * @param {number} [options.ratio] or: this share of the text's words, 0 to 1
   * @param {number} [options.keywords] how many keywords (default 10)
   * @returns {{summary: {text: string, start: number, score: number}[],
   *            keywords: {text: string, start: number, score: number, count: number}[],
   *            totalSentences: number, totalWords: number}}
   * @throws {RangeError} if the text is longer than `inputCapacity` bytes of UTF-8
   * @throws {Error} if the text has more sentences or terms than the module holds
   */
  summarize(text, options = {}) {
    if (typeof text !== 'string') throw new TypeError('talkhis: text must be a string');
    const [budget, amount] = budgetOf(options);
    const keywords = count(options.keywords ?? 10, 'keywords');
    const e = this.#exports;
    const capacity = e.talkhis_input_capacity() >>> 0;
    const input = new Uint8Array(e.memory.buffer, e.talkhis_input(), capacity);
    const { read, written } = this.#encoder.encodeInto(text, input);
    if (read < text.length) {
      throw new RangeError(`talkhis: the text is longer than ${capacity} bytes of UTF-8`);
    }
    const n = e.talkhis_run(written, budget, amount, keywords);
    // Views are made after the call: the memory does not grow, but this stays correct if it did.
    const bytes = new Uint8Array(e.memory.buffer, e.talkhis_input(), written);
    if (n < 0) {
      const message = new Uint8Array(e.memory.buffer, e.talkhis_output(), -n);
      throw new Error(`talkhis: ${this.#decoder.decode(message)}`);
    }
    const words = new DataView(e.memory.buffer, e.talkhis_output(), n);
    let at = 0;
    const next = () => {
      const v = words.getUint32(at, true);
      at += 4;
      return v;
    };
    const totalSentences = next();
    const totalWords = next();
    const spans = [];
    const sentences = next();
    for (let i = 0; i < sentences; i++) {
      spans.push({ kind: 0, start: next(), length: next(), score: next() });
    }
    const found = next();
    for (let i = 0; i < found; i++) {
      spans.push({ kind: 1, start: next(), length: next(), score: next(), count: next() });
    }
    const index = utf16Offsets(bytes, spans.map((s) => s.start), this.#decoder);
    const result = { summary: [], keywords: [], totalSentences, totalWords };
    for (const s of spans) {
      const item = {
        text: this.#decoder.decode(bytes.subarray(s.start, s.start + s.length)),
        start: index.get(s.start),
        score: s.score / 1000,
      };
      if (s.kind === 0) {
        result.summary.push(item);
      } else {
        result.keywords.push({ ...item, count: s.count });
      }
    }
    return result;
  }
}

/** The budget option as the module's (kind, amount). */
function budgetOf(options) {
  const given = Object.keys(BUDGETS).filter((k) => options[k] !== undefined);
  if (given.length > 1) throw new TypeError(`talkhis: give one of ${given.join(', ')}`);
  if (given.length === 0) return [BUDGETS.sentences, 3];
  const [kind] = given;
  if (kind === 'ratio') {
    const r = options.ratio;
    if (!(r >= 0 && r <= 1)) throw new RangeError('talkhis: ratio must be between 0 and 1');
    return [BUDGETS.ratio, Math.round(r * 1000)];
  }
  return [BUDGETS[kind], count(options[kind], kind)];
}

/** A non-negative integer option. */
function count(value, name) {
  if (!Number.isInteger(value) || value < 0) {
    throw new RangeError(`talkhis: ${name} must be a non-negative integer`);
  }
  return Math.min(value, 0xffffffff) >>> 0;
}

/**
 * Maps UTF-8 byte offsets of `bytes` to UTF-16 offsets of the same text, decoding each stretch
 * between two offsets once.
 */
function utf16Offsets(bytes, offsets, decoder) {
  const map = new Map();
  let byte = 0;
  let unit = 0;
  for (const off of [...new Set(offsets)].sort((a, b) => a - b)) {
    unit += decoder.decode(bytes.subarray(byte, off)).length;
    byte = off;
    map.set(off, unit);
  }
  return map;
}
