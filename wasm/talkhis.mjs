// talkhis in JavaScript: Arabic extractive summaries and keywords from the WebAssembly build
// of the talkhis core (`talkhis.wasm`, built by `.ci/wasm.sh`; see wasm/README.md).
//
//   import { load } from './talkhis.mjs';
//   const talkhis = await load();
//   const { summary, keywords } = talkhis.summarize(text, { sentences: 3, keywords: 10 });
//   const tuned = talkhis.summarize(text, { words: 80, weights: { lead_bonus: 0 }, explain: true });
//
// Offsets (`start`) are JavaScript string indices (UTF-16 code units) into the text passed in,
// so `text.slice(s.start, s.start + s.text.length) === s.text`. Scores are numbers (1.5 is a
// score of 1500 thousandths in the core).

/** The most summary sentences and keywords one call returns (the module's static buffers). */
export const MAX_SENTENCES = 64;
export const MAX_KEYWORDS = 64;
/** The largest weight (the core's weights are `u16`). */
export const MAX_WEIGHT = 0xffff;
/** The largest `words` budget (a `u32`). */
export const MAX_WORDS = 0xffffffff;

/**
 * The core's weights, as `talkhis config` and `--config` files name them, in the order of the
 * module's weight array (`talkhis_weights` in wasm/src/lib.rs). Two are switches.
 */
export const WEIGHTS = Object.freeze([
  'content_weight', 'position_weight', 'position_decay', 'lead_bonus', 'headline_boost',
  'length_smoothing', 'min_words', 'redundancy', 'headline_eligible', 'fill',
  'keyword_position_decay', 'lead_sentences', 'topic_threshold', 'phrase_weight',
  'phrase_min_count',
]);
const SWITCHES = new Set(['headline_eligible', 'fill']);

const BUDGETS = { sentences: 0, words: 1, ratio: 2 };
const OPTIONS = new Set([...Object.keys(BUDGETS), 'keywords', 'weights', 'explain']);

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
  #defaults;
  #encoder = new TextEncoder();
  #decoder = new TextDecoder('utf-8', { fatal: true });

  /** @param {WebAssembly.Instance} instance */
  constructor(instance) {
    this.#exports = instance.exports;
    const values = this.#weightArray();
    this.#defaults = Object.freeze(
      Object.fromEntries(WEIGHTS.map((name, i) => [name, SWITCHES.has(name) ? values[i] !== 0 : values[i]])),
    );
  }

  /** The core's default weights, read from the module: `{content_weight: 25, …, fill: true}`. */
  get defaults() {
    return this.#defaults;
  }

  /** The module's weight array (a fresh view: views of a grown memory go stale). */
  #weightArray() {
    const e = this.#exports;
    return new Uint16Array(e.memory.buffer, e.talkhis_weights(), WEIGHTS.length);
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
   * @param {object} [options.weights] weights by their `talkhis config` names (`WEIGHTS`);
   *   the others keep their defaults
   * @param {boolean} [options.explain] also return every sentence's score parts
   * @returns {{summary: {text: string, start: number, score: number}[],
   *            keywords: {text: string, start: number, score: number, count: number,
   *                       occurrences: {start: number, end: number}[]}[],
   *            totalSentences: number, totalWords: number, capped: boolean,
   *            explain?: object[]}}
   *   Every item also has `byteStart` and `byteEnd`, its UTF-8 byte offsets (as the CLI's
   *   JSON gives them). A keyword's `occurrences` are where the text uses its term in any
   *   form the core counts (`للإرهاب`, `الارهابية` for `الإرهاب`; each run of its words for
   *   a keyphrase), as `text.slice(o.start, o.end)`, in document order: `count` of them (the
   *   module returns at most 16,384 in all). `capped`: the summary stopped at
   *   `MAX_SENTENCES` before its budget.
   *   `explain` (with `options.explain`): every sentence in document order with `index`,
   *   `text`, `start`, `words`, `contentWords`, `headline`, `eligible`, `chosen`, `content`,
   *   `position`, `bonus` and `total`, as `talkhis --explain` shows them.
   * @throws {TypeError} for an unknown option or weight, or a value of the wrong type
   * @throws {RangeError} for a value past the module's capacity (the message names the
   *   limit), or a text the module cannot hold: more than `inputCapacity` bytes of UTF-8, or
   *   more sentences or distinct terms than it holds. A text's `RangeError` has `limit`
   *   (the number) and `unit` (`bytes`, `sentences` or `distinct terms`).
   */
  summarize(text, options = {}) {
    if (typeof text !== 'string') throw new TypeError('talkhis: text must be a string');
    if (typeof options !== 'object' || options === null) {
      throw new TypeError('talkhis: options must be an object');
    }
    for (const name of Object.keys(options)) {
      if (!OPTIONS.has(name)) {
        throw new TypeError(`talkhis: unknown option ${JSON.stringify(name)} (known: ${[...OPTIONS].join(', ')})`);
      }
    }
    const [budget, amount] = budgetOf(options);
    const keywords = count(options.keywords ?? 10, 'keywords', MAX_KEYWORDS);
    const explain = options.explain ?? false;
    if (typeof explain !== 'boolean') throw new TypeError('talkhis: explain must be a boolean');
    const weights = this.#weightValues(options.weights ?? {});
    const e = this.#exports;
    this.#weightArray().set(weights);
    const capacity = e.talkhis_input_capacity() >>> 0;
    const input = new Uint8Array(e.memory.buffer, e.talkhis_input(), capacity);
    const { read, written } = this.#encoder.encodeInto(text, input);
    if (read < text.length) {
      throw capacityError(`the text is longer than ${capacity} bytes of UTF-8`, capacity, 'bytes');
    }
    const n = e.talkhis_run(written, budget, amount, keywords, explain ? 1 : 0);
    // Views are made after the call: the memory does not grow, but this stays correct if it did.
    const bytes = new Uint8Array(e.memory.buffer, e.talkhis_input(), written);
    if (n < 0) {
      const message = this.#decoder.decode(new Uint8Array(e.memory.buffer, e.talkhis_output(), -n));
      // "capacity exceeded at byte 5: more than 4096 sentences (raise Summarizer SENTENCES)"
      const full = /more than (\d+) (sentences|distinct terms)/.exec(message);
      if (full) throw capacityError(message, Number(full[1]), full[2]);
      throw new Error(`talkhis: ${message}`);
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
    const keywordSpans = [];
    for (let i = 0; i < found; i++) {
      const k = { kind: 1, start: next(), length: next(), score: next(), count: next() };
      keywordSpans.push(k);
      spans.push(k);
    }
    // Each keyword's occurrences, in every form the core counts: byte (start, end) pairs.
    const ends = [];
    for (const k of keywordSpans) {
      const n = next();
      k.occurrences = [];
      for (let i = 0; i < n; i++) {
        const start = next();
        const end = start + next();
        k.occurrences.push([start, end]);
        ends.push(start, end);
      }
    }
    const rows = explain ? next() : 0;
    for (let i = 0; i < rows; i++) {
      const [start, length, words, flags] = [next(), next(), next(), next()];
      const parts = [next(), next(), next(), next()];
      spans.push({ kind: 2, start, length, words, flags, parts, index: i });
    }
    const index = utf16Offsets(bytes, [...spans.map((s) => s.start), ...ends], this.#decoder);
    const capped = sentences === MAX_SENTENCES && !(budget === BUDGETS.sentences && amount <= MAX_SENTENCES);
    const result = { summary: [], keywords: [], totalSentences, totalWords, capped };
    if (explain) result.explain = [];
    const chosen = new Set();
    for (const s of spans) {
      const item = {
        text: this.#decoder.decode(bytes.subarray(s.start, s.start + s.length)),
        start: index.get(s.start),
        byteStart: s.start,
        byteEnd: s.start + s.length,
      };
      if (s.kind === 0) {
        chosen.add(s.start);
        result.summary.push({ ...item, score: s.score / 1000 });
      } else if (s.kind === 1) {
        const occurrences = s.occurrences.map(([a, b]) => ({ start: index.get(a), end: index.get(b) }));
        result.keywords.push({ ...item, score: s.score / 1000, count: s.count, occurrences });
      } else {
        const [content, position, bonus, total] = s.parts.map((p) => p / 1000);
        result.explain.push({
          index: s.index,
          ...item,
          words: s.words & 0xffff,
          contentWords: s.words >>> 16,
          headline: (s.flags & 1) !== 0,
          eligible: (s.flags & 2) !== 0,
          chosen: chosen.has(s.start),
          content,
          position,
          bonus,
          total,
        });
      }
    }
    return result;
  }

  /** The weights of one call: the defaults with `given` over them, checked, in module order. */
  #weightValues(given) {
    if (typeof given !== 'object' || given === null) {
      throw new TypeError('talkhis: weights must be an object');
    }
    for (const name of Object.keys(given)) {
      if (!WEIGHTS.includes(name)) {
        throw new TypeError(`talkhis: unknown weight ${JSON.stringify(name)} (known: ${WEIGHTS.join(', ')})`);
      }
    }
    return WEIGHTS.map((name) => {
      const value = given[name] ?? this.#defaults[name];
      if (SWITCHES.has(name)) {
        if (typeof value !== 'boolean') throw new TypeError(`talkhis: weight ${name} must be a boolean`);
        return value ? 1 : 0;
      }
      return count(value, `weight ${name}`, MAX_WEIGHT);
    });
  }
}

/** A `RangeError` for a text the module cannot hold, with the limit as data for callers. */
function capacityError(message, limit, unit) {
  return Object.assign(new RangeError(`talkhis: ${message}`), { limit, unit });
}

/** The budget option as the module's (kind, amount). */
function budgetOf(options) {
  const given = Object.keys(BUDGETS).filter((k) => options[k] !== undefined);
  if (given.length > 1) throw new TypeError(`talkhis: give one of ${given.join(', ')}`);
  if (given.length === 0) return [BUDGETS.sentences, 3];
  const [kind] = given;
  if (kind === 'ratio') {
    const r = options.ratio;
    if (typeof r !== 'number') throw new TypeError('talkhis: ratio must be a number');
    if (!(r >= 0 && r <= 1)) throw new RangeError('talkhis: ratio must be between 0 and 1');
    return [BUDGETS.ratio, Math.round(r * 1000)];
  }
  const limit = kind === 'sentences' ? MAX_SENTENCES : MAX_WORDS;
  return [BUDGETS[kind], count(options[kind], kind, limit)];
}

/** A non-negative integer option of at most `limit`. */
function count(value, name, limit) {
  if (typeof value !== 'number') throw new TypeError(`talkhis: ${name} must be a number`);
  if (!Number.isInteger(value) || value < 0) {
    throw new RangeError(`talkhis: ${name} must be a non-negative integer`);
  }
  if (value > limit) {
    throw new RangeError(`talkhis: ${name} must be at most ${limit} (the module's limit), got ${value}`);
  }
  return value;
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
