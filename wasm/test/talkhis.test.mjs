// Tests of talkhis.mjs and the WebAssembly module: `node --test wasm/test/` after building
// wasm/talkhis.wasm (`.ci/wasm.sh` does both).

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';

import { MAX_KEYWORDS, load } from '../talkhis.mjs';

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
  assert.ok(talkhis.summarize(sample, { keywords: 1000 }).keywords.length <= MAX_KEYWORDS);
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
  assert.throws(() => talkhis.summarize('ا'.repeat(talkhis.inputCapacity)), RangeError);
  const many = Array.from({ length: 5000 }, (_, i) => `جملة رقم ${i}.`).join(' ');
  assert.throws(() => talkhis.summarize(many), /capacity exceeded at byte \d+: more than 4096/);
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
