// Tests of talkhis.mjs and the WebAssembly module: `node --test wasm/test/` after building
// wasm/talkhis.wasm (`.ci/wasm.sh` does both).

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';

import { MAX_KEYWORDS, MAX_SENTENCES, WEIGHTS, load } from '../talkhis.mjs';

const wasmUrl = new URL('../talkhis.wasm', import.meta.url);
const sample = await readFile(new URL('../../tests/data/sample.txt', import.meta.url), 'utf8');
const talkhis = await load(wasmUrl);

/** Every item's `text` is the input at its `start`. */
function assertSpans(input, items, name) {
  for (const item of items) {
    assert.equal(input.slice(item.start, item.start + item.text.length), item.text, name);
  }
}

test('the module imports nothing, so it has no panic path', async () => {
  const module = await WebAssembly.compile(await readFile(wasmUrl));
  assert.deepEqual(WebAssembly.Module.imports(module), []);
});

test('sample article: spans index the input, summary in document order', () => {
  const { summary, keywords, totalSentences, totalWords } = talkhis.summarize(sample);
  assert.equal(summary.length, 3, 'the default budget is 3 sentences');
  assert.ok(totalSentences > summary.length && totalWords > 0);
  assertSpans(sample, summary, 'summary');
  assert.ok(summary.every((s, i) => i === 0 || summary[i - 1].start < s.start), 'order');
  assert.ok(keywords.length > 0 && keywords.length <= 10, 'default 10 keywords');
  assertSpans(sample, keywords, 'keywords');
  assert.ok(keywords.every((k, i) => i === 0 || keywords[i - 1].score >= k.score), 'best first');
  assert.ok(keywords.every((k) => Number.isInteger(k.count) && k.count >= 1), 'counts');
  assert.ok([...summary, ...keywords].every((x) => x.score >= 0), 'scores');
});

test('the topic sentence wins (core example)', () => {
  const text =
    'انطلقت في القاهرة اليوم قمة عربية لبحث أزمة المياه في المنطقة. ' +
    'وناقش القادة في القمة خطة مشتركة لإدارة المياه. ' +
    'وفي ختام القمة، أعلن القادة عن صندوق لتمويل مشاريع المياه.';
  const { summary } = talkhis.summarize(text, { sentences: 1 });
  assert.deepEqual(
    summary.map((s) => s.text),
    ['انطلقت في القاهرة اليوم قمة عربية لبحث أزمة المياه في المنطقة.'],
  );
});

test('a keyword counts in all its forms (core example)', () => {
  const text = 'الإرهاب خطر. مكافحة الإرهاب واجب، والإرهابيون أعداء للجميع.';
  const { keywords } = talkhis.summarize(text, { keywords: 3 });
  assert.equal(keywords[0].text, 'الإرهاب');
  assert.equal(keywords[0].count, 3);
  assert.equal(keywords[0].start, text.indexOf('الإرهاب'));
});

test('a keyword\'s occurrences: every form the core counts, in code units', () => {
  const text = 'الإرهاب خطر. مكافحة الارهاب واجب، والإرهابيون أعداء 😀 للإرهاب.';
  const [top] = talkhis.summarize(text, { keywords: 3 }).keywords;
  const forms = top.occurrences.map((o) => text.slice(o.start, o.end));
  assert.deepEqual(forms, ['الإرهاب', 'الارهاب', 'والإرهابيون', 'للإرهاب']);
  assert.equal(top.occurrences.length, top.count);
  // The sample: every keyword has `count` occurrences, in order, each holding a word of its
  // own; the top keyword's are more than its written form's.
  const { keywords } = talkhis.summarize(sample);
  for (const k of keywords) {
    assert.equal(k.occurrences.length, k.count, k.text);
    assert.ok(k.occurrences.every((o, i) => o.start < o.end && (i === 0 || k.occurrences[i - 1].end <= o.start)), k.text);
    assert.ok(k.occurrences.some((o) => o.start <= k.start && k.start < o.end), k.text);
  }
  const exact = sample.split(keywords[0].text).length - 1;
  assert.ok(keywords[0].occurrences.length > exact, `${keywords[0].occurrences.length} > ${exact}`);
  assert.deepEqual(talkhis.summarize('', {}).keywords, []);
});

test('budgets: sentences, words, ratio and the keyword count', () => {
  const cases = [
    ['one sentence', { sentences: 1 }, (s) => s.length === 1],
    ['five sentences', { sentences: 5 }, (s) => s.length === 5],
    ['no sentence', { sentences: 0 }, (s) => s.length === 0],
    ['about 60 words', { words: 60 }, (s) => s.length >= 1 && s.length < 5],
    ['a tenth', { ratio: 0.1 }, (s) => s.length >= 1],
  ];
  for (const [name, options, ok] of cases) {
    const { summary } = talkhis.summarize(sample, options);
    assert.ok(ok(summary), `${name}: ${summary.length} sentences`);
    assertSpans(sample, summary, name);
  }
  const small = talkhis.summarize(sample, { ratio: 0.1 }).summary.length;
  const large = talkhis.summarize(sample, { ratio: 0.6 }).summary.length;
  assert.ok(small <= large, `ratio 0.1 gives ${small}, 0.6 gives ${large}`);
  assert.equal(talkhis.summarize(sample, { keywords: 2 }).keywords.length, 2);
  assert.ok(talkhis.summarize(sample, { keywords: MAX_KEYWORDS }).keywords.length <= MAX_KEYWORDS);
});

test('offsets are UTF-16 indices, also after astral characters', () => {
  const text = '😀 𝕏 ' + 'ارتفعت أسعار النفط في الأسواق العالمية اليوم. ' +
    'وقال محللون إن أسعار النفط سترتفع أكثر 🚀. وتراجعت أسعار الذهب.';
  const { summary, keywords } = talkhis.summarize(text, { sentences: 3, keywords: 5 });
  assert.ok(summary.length >= 2 && keywords.length >= 2);
  assertSpans(text, summary, 'summary');
  assertSpans(text, keywords, 'keywords');
});

test('empty, blank and non-Arabic input', () => {
  for (const text of ['', '   \n ', '... ؟ !! ،']) {
    const result = talkhis.summarize(text);
    assert.deepEqual([result.summary, result.keywords], [[], []], JSON.stringify(text));
  }
  const latin = 'The summit opened today in Cairo. Leaders discussed water.';
  assertSpans(latin, talkhis.summarize(latin).summary, 'latin');
});

test('errors: too long, too many sentences, bad options', () => {
  assert.throws(() => talkhis.summarize('ا'.repeat(talkhis.inputCapacity)), {
    name: 'RangeError',
    message: /longer than 1048576 bytes/,
    limit: 1048576,
    unit: 'bytes',
  });
  const many = Array.from({ length: 5000 }, (_, i) => `جملة رقم ${i}.`).join(' ');
  assert.throws(() => talkhis.summarize(many), {
    name: 'RangeError',
    message: /capacity exceeded at byte \d+: more than 4096 sentences/,
    limit: 4096,
    unit: 'sentences',
  });
  assert.throws(() => talkhis.summarize(sample, { sentences: 2, words: 10 }), TypeError);
  assert.throws(() => talkhis.summarize(sample, { sentences: -1 }), RangeError);
  assert.throws(() => talkhis.summarize(sample, { ratio: 2 }), RangeError);
  assert.throws(() => talkhis.summarize(42), TypeError);
});

test('calls are independent: the same answer twice, also after an error', () => {
  const first = talkhis.summarize(sample);
  assert.throws(() => talkhis.summarize('ا'.repeat(talkhis.inputCapacity)));
  talkhis.summarize('نص آخر قصير عن الطقس.');
  assert.deepEqual(talkhis.summarize(sample), first);
});

test('an unknown option or weight is a TypeError naming it', () => {
  assert.throws(() => talkhis.summarize(sample, { foo: 1 }), { name: 'TypeError', message: /unknown option "foo"/ });
  assert.throws(() => talkhis.summarize(sample, { sentence: 2 }), { name: 'TypeError', message: /"sentence"/ });
  assert.throws(() => talkhis.summarize(sample, { weights: { lead: 0 } }), {
    name: 'TypeError',
    message: /unknown weight "lead"/,
  });
  assert.throws(() => talkhis.summarize(sample, { weights: { fill: 1 } }), TypeError);
  assert.throws(() => talkhis.summarize(sample, { sentences: '2' }), TypeError);
  assert.throws(() => talkhis.summarize(sample, { explain: 'yes' }), TypeError);
});

test('a value past the module capacity is a RangeError naming the limit', () => {
  const cases = [
    [{ sentences: MAX_SENTENCES + 1 }, /sentences must be at most 64/],
    [{ sentences: 100 }, /sentences must be at most 64 .*got 100/],
    [{ keywords: MAX_KEYWORDS + 1 }, /keywords must be at most 64/],
    [{ keywords: 1000 }, /keywords must be at most 64/],
    [{ words: 2 ** 32 }, /words must be at most 4294967295/],
    [{ weights: { lead_bonus: 65536 } }, /weight lead_bonus must be at most 65535/],
    [{ weights: { min_words: -1 } }, /weight min_words must be a non-negative integer/],
  ];
  for (const [options, message] of cases) {
    assert.throws(() => talkhis.summarize(sample, options), { name: 'RangeError', message }, JSON.stringify(options));
  }
  // The limits themselves are accepted.
  talkhis.summarize(sample, { sentences: MAX_SENTENCES, keywords: MAX_KEYWORDS, words: undefined });
  talkhis.summarize(sample, { words: 2 ** 32 - 1, weights: { lead_bonus: 65535 } });
});

test('the default weights come from the module: the core Config::new()', () => {
  assert.deepEqual(Object.keys(talkhis.defaults), WEIGHTS);
  assert.equal(talkhis.defaults.content_weight, 25);
  assert.equal(talkhis.defaults.position_decay, 500);
  assert.equal(talkhis.defaults.lead_bonus, 300);
  assert.equal(talkhis.defaults.phrase_min_count, 2);
  assert.equal(talkhis.defaults.fill, true);
  assert.equal(talkhis.defaults.headline_eligible, true);
});

test('weights change the result and do not leak into the next call', () => {
  const plain = talkhis.summarize(sample);
  const noPosition = talkhis.summarize(sample, {
    weights: { position_weight: 0, lead_bonus: 0, content_weight: 100 },
  });
  assert.notDeepEqual(noPosition.summary.map((s) => s.start), plain.summary.map((s) => s.start));
  assert.deepEqual(talkhis.summarize(sample, { weights: { ...talkhis.defaults } }), plain);
  assert.deepEqual(talkhis.summarize(sample), plain);
  const noPhrases = talkhis.summarize(sample, { weights: { phrase_weight: 0 } });
  assert.ok(noPhrases.keywords.every((k) => !k.text.includes(' ')), 'no two-word keyphrases');
});

test('explain: every sentence with its score parts, the chosen ones marked', () => {
  const result = talkhis.summarize(sample, { sentences: 4, explain: true });
  const { explain, summary } = result;
  assert.equal(explain.length, result.totalSentences);
  assert.deepEqual(explain.map((s) => s.index), explain.map((_, i) => i));
  assertSpans(sample, explain, 'explain');
  assert.deepEqual(explain.filter((s) => s.chosen).map((s) => s.start), summary.map((s) => s.start));
  for (const s of summary) {
    assert.equal(explain.find((x) => x.start === s.start).total, s.score, 'a summary score is its total');
  }
  assert.ok(explain.every((s) => s.words >= s.contentWords && s.content <= 1 && s.total >= 0));
  assert.ok(explain.some((s) => s.content === 1), 'the best content part is 1');
  assert.equal(explain.filter((s) => s.headline).length <= 1, true);
  assert.equal(talkhis.summarize(sample).explain, undefined);
});

test('byte offsets: byteStart and byteEnd index the UTF-8 text', () => {
  const bytes = new TextEncoder().encode(sample);
  const decoder = new TextDecoder();
  const { summary, keywords, explain } = talkhis.summarize(sample, { explain: true });
  for (const item of [...summary, ...keywords, ...explain]) {
    assert.equal(decoder.decode(bytes.subarray(item.byteStart, item.byteEnd)), item.text);
  }
});

test('capped: a words or ratio budget past 64 sentences says so', () => {
  const long = Array.from({ length: 100 }, (_, i) => `وقال المسؤول إن المشروع رقم ${i} يخدم المدينة.`).join(' ');
  const all = talkhis.summarize(long, { ratio: 1, weights: { redundancy: 1000 } });
  assert.equal(all.summary.length, MAX_SENTENCES);
  assert.equal(all.capped, true);
  assert.equal(talkhis.summarize(long, { sentences: MAX_SENTENCES, weights: { redundancy: 1000 } }).capped, false);
  assert.equal(talkhis.summarize(sample).capped, false);
});
