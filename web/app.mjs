// The talkhis page: the WebAssembly core (through wasm/talkhis.mjs, copied beside this file
// by web/build.sh) summarizing in the browser. Plain DOM, no framework; nothing leaves the page.

import { MAX_KEYWORDS, MAX_SENTENCES, MAX_WORDS, load } from './talkhis.mjs';

/** Interface strings; `{name}` is filled in by `t`. Arabic first. */
const STRINGS = {
  ar: {
    pageTitle: 'تلخيص — ملخّص عربي في المتصفح',
    title: 'تلخيص',
    subtitle: 'ملخّص استخراجي للنصوص العربية',
    privacy: 'يجري كل شيء في متصفحك: لا يغادر النص جهازك.',
    input: 'النص',
    textLabel: 'الصق مقالًا أو اكتبه هنا، أو أفلت ملف \u2066.txt\u2069 عليه',
    sample: 'حمّل المقال النموذجي',
    openFile: 'افتح ملف \u2066.txt\u2069',
    clear: 'امسح',
    settings: 'الإعدادات',
    length: 'طول الملخص',
    bySentences: 'بالجمل',
    byWords: 'بالكلمات',
    byRatio: 'بالنسبة',
    'amount-sentences': 'عدد الجمل',
    'amount-words': 'عدد الكلمات تقريبًا',
    'amount-ratio': 'النسبة من كلمات النص (0 إلى 1)',
    keywordsLegend: 'الكلمات المفتاحية',
    keywordCount: 'عدد الكلمات المفتاحية',
    weights: 'الأوزان',
    reset: 'أعد الأوزان الافتراضية',
    'w-content_weight': 'وزن المحتوى (٪)',
    'w-position_weight': 'وزن الموضع (٪)',
    'w-position_decay': 'تناقص الموضع (‰ لكل جملة)',
    'w-lead_bonus': 'مكافأة الجملة الأولى (‰)',
    'w-headline_boost': 'تعزيز كلمات العنوان (٪)',
    'w-redundancy': 'عتبة التكرار (‰، 1000 تعطّلها)',
    'w-min_words': 'أقل عدد من كلمات المحتوى في الجملة',
    'w-phrase_weight': 'وزن العبارة من كلمتين (٪، 0 يعطّلها)',
    'w-keyword_position_decay': 'تناقص درجة الكلمة المفتاحية بموضعها (‰ لكل 10 كلمات)',
    'w-headline_eligible': 'يجوز أن يدخل العنوان في الملخص',
    'w-fill': 'يجوز أن تتجاوز الجملة الأخيرة عدد الكلمات',
    result: 'النتيجة',
    summary: 'الملخص',
    copy: 'انسخ الملخص',
    copied: 'نُسخ الملخص.',
    copyFailed: 'تعذّر النسخ: حدّد الملخص وانسخه بنفسك.',
    download: 'نزّل النتيجة JSON',
    inPlace: 'الملخص في موضعه من النص',
    explain: 'شرح الدرجات (مثل \u2066talkhis --explain\u2069)',
    colFlags: 'الحالة',
    colWords: 'كلمات',
    colContentWords: 'كلمات المحتوى',
    colContent: 'المحتوى',
    colPosition: 'الموضع',
    colBonus: 'المكافأة',
    colTotal: 'المجموع',
    colSentence: 'الجملة',
    flagChosen: 'مختارة',
    flagHeadline: 'عنوان',
    flagIneligible: 'غير مؤهلة',
    legend:
      'المجموع = المحتوى × {content}٪ + الموضع × {position}٪ + المكافأة (مكافأة الجملة الأولى {lead}، ' +
      'تناقص الموضع {decay}‰). «غير مؤهلة»: أقل من {min} كلمات محتوى.',
    footer: 'talkhis: نواة Rust بلا ذاكرة ديناميكية، مبنية WebAssembly.',
    hint: 'الصق نصًا أو افتح ملفًا أو حمّل المقال النموذجي، وسيظهر الملخص هنا.',
    stats: 'اختير {chosen} من {total} جملة: {words} من {totalWords} كلمة.',
    timing: 'من الإدخال إلى النتيجة: {total} ms (التلخيص نفسه {core} ms).',
    capped: 'توقف الملخص عند {limit} جملة، أقصى ما تعيده الوحدة؛ قلّل الطول أو استعمل أداة سطر الأوامر.',
    occurrences: '«{keyword}»: ظُلّلت مواضعها الـ{found} بكل أشكالها.',
    chipTitle: 'اختر لتظليل مواضعها في النص ({count} مرة بكل أشكالها)',
    empty: 'لا نص لتلخيصه: الصق نصًا أو اكتبه، أو افتح ملف \u2066.txt\u2069، أو حمّل المقال النموذجي.',
    tooLong:
      'النص أطول مما تحمله الوحدة: {size} بايت بترميز UTF-8، والحد {limit} بايت (1 ميبيبايت). ' +
      'قسّمه ولخّص كل جزء وحده، أو استعمل أداة سطر الأوامر talkhis.',
    tooManySentences:
      'في النص أكثر من {limit} جملة، وهو أقصى ما تحمله الوحدة. قسّمه ولخّص كل جزء وحده، ' +
      'أو استعمل أداة سطر الأوامر talkhis (تحمل 16384 جملة).',
    tooManyTerms:
      'في النص أكثر من {limit} كلمة مختلفة، وهو أقصى ما تحمله الوحدة. قسّمه ولخّص كل جزء وحده، ' +
      'أو استعمل أداة سطر الأوامر talkhis.',
    fileTooLong: 'الملف «{name}» ({size} بايت) أكبر مما تحمله الوحدة: الحد {limit} بايت (1 ميبيبايت). قسّمه أولًا.',
    notUtf8:
      'الملف «{name}» ليس نصًا بترميز UTF-8 (أول بايت غير صالح عند الموضع {at}). ' +
      'احفظه بترميز UTF-8 ثم افتحه من جديد (الملفات العربية القديمة كثيرًا ما تكون Windows-1256).',
    badAmount: '«{what}» يجب أن يكون بين {min} و{max}{integer}.',
    integer: ' وعددًا صحيحًا',
    loadFailed: 'تعذّر تحميل وحدة WebAssembly ({message}). شغّل \u2066web/build.sh\u2069 ثم قدّم المجلد web بخادم ملفات.',
    failed: 'تعذّر التلخيص: {message}',
  },
  en: {
    pageTitle: 'talkhis — Arabic summaries in the browser',
    title: 'talkhis',
    subtitle: 'extractive summaries of Arabic text',
    privacy: 'Everything runs in your browser: the text never leaves your device.',
    input: 'Text',
    textLabel: 'Paste or type an article here, or drop a .txt file on it',
    sample: 'Load the sample article',
    openFile: 'Open a .txt file',
    clear: 'Clear',
    settings: 'Settings',
    length: 'Summary length',
    bySentences: 'Sentences',
    byWords: 'Words',
    byRatio: 'Ratio',
    'amount-sentences': 'Number of sentences',
    'amount-words': 'About this many words',
    'amount-ratio': 'Share of the words (0 to 1)',
    keywordsLegend: 'Keywords',
    keywordCount: 'Number of keywords',
    weights: 'Weights',
    reset: 'Reset the weights',
    'w-content_weight': 'Content weight (%)',
    'w-position_weight': 'Position weight (%)',
    'w-position_decay': 'Position decay (‰ per sentence)',
    'w-lead_bonus': 'Lead bonus (‰)',
    'w-headline_boost': 'Headline boost (%)',
    'w-redundancy': 'Redundancy threshold (‰, 1000 = off)',
    'w-min_words': 'Fewest content words in a chosen sentence',
    'w-phrase_weight': 'Two-word phrase weight (%, 0 = off)',
    'w-keyword_position_decay': 'Keyword position decay (‰ per 10 words)',
    'w-headline_eligible': 'The headline may be in the summary',
    'w-fill': 'The last sentence may cross the word budget',
    result: 'Result',
    summary: 'Summary',
    copy: 'Copy the summary',
    copied: 'Summary copied.',
    copyFailed: 'Could not copy: select the summary and copy it yourself.',
    download: 'Download the result as JSON',
    inPlace: 'The summary in place in the text',
    explain: 'Score parts (like talkhis --explain)',
    colFlags: 'Flags',
    colWords: 'Words',
    colContentWords: 'Content words',
    colContent: 'Content',
    colPosition: 'Position',
    colBonus: 'Bonus',
    colTotal: 'Total',
    colSentence: 'Sentence',
    flagChosen: 'chosen',
    flagHeadline: 'headline',
    flagIneligible: 'not eligible',
    legend:
      'total = content × {content}% + position × {position}% + bonus (lead bonus {lead}, position ' +
      'decay {decay}‰). "not eligible": fewer than {min} content words.',
    footer: 'talkhis: a Rust core with no heap, built to WebAssembly.',
    hint: 'Paste text, open a file or load the sample article: the summary shows here.',
    stats: '{chosen} of {total} sentences chosen: {words} of {totalWords} words.',
    timing: 'From input to result: {total} ms (the summarizer itself: {core} ms).',
    capped: 'The summary stopped at {limit} sentences, the most the module returns; ask for less or use the command-line tool.',
    occurrences: '"{keyword}": its {found} places highlighted, in all their forms.',
    chipTitle: 'Choose to highlight it in the text ({count} times in all its forms)',
    empty: 'Nothing to summarize: paste or type a text, open a .txt file, or load the sample article.',
    tooLong:
      'The text is longer than the module holds: {size} bytes of UTF-8, and the limit is {limit} ' +
      'bytes (1 MiB). Split it and summarize each part, or use the talkhis command-line tool.',
    tooManySentences:
      'The text has more than {limit} sentences, the most the module holds. Split it and summarize ' +
      'each part, or use the talkhis command-line tool (16,384 sentences).',
    tooManyTerms:
      'The text has more than {limit} distinct words, the most the module holds. Split it and ' +
      'summarize each part, or use the talkhis command-line tool.',
    fileTooLong: 'The file "{name}" ({size} bytes) is larger than the module holds: the limit is {limit} bytes (1 MiB). Split it first.',
    notUtf8:
      'The file "{name}" is not UTF-8 text (first invalid byte at offset {at}). Save it as UTF-8 and ' +
      'open it again (older Arabic files are often Windows-1256).',
    badAmount: '"{what}" must be between {min} and {max}{integer}.',
    integer: ' and a whole number',
    loadFailed: 'Could not load the WebAssembly module ({message}). Run web/build.sh, then serve the web folder.',
    failed: 'Could not summarize: {message}',
  },
};

/** The weights shown as sliders: [name, min, max, step]; the rest keep their defaults. */
const SLIDERS = [
  ['content_weight', 0, 300, 5],
  ['position_weight', 0, 500, 5],
  ['position_decay', 0, 5000, 50],
  ['lead_bonus', 0, 3000, 50],
  ['headline_boost', 0, 500, 5],
  ['redundancy', 0, 1000, 10],
  ['min_words', 0, 10, 1],
  ['phrase_weight', 0, 400, 10],
  ['keyword_position_decay', 0, 1000, 25],
];
const SWITCHES = ['headline_eligible', 'fill'];

/** Each budget's range, step and first value. */
const BUDGETS = {
  sentences: { min: 0, max: MAX_SENTENCES, step: 1, value: 3 },
  words: { min: 0, max: MAX_WORDS, step: 10, value: 80 },
  ratio: { min: 0, max: 1, step: 0.05, value: 0.25 },
};

const $ = (selector) => document.querySelector(selector);
const els = {
  text: $('#text'),
  sample: $('#sample'),
  file: $('#file'),
  clear: $('#clear'),
  drop: $('#input-section'),
  error: $('#error'),
  amount: $('#amount'),
  amountLabel: $('#amount-label'),
  keywords: $('#keywords'),
  weights: $('#weights'),
  reset: $('#reset'),
  lang: $('#lang'),
  stats: $('#stats'),
  timing: $('#timing'),
  capped: $('#capped'),
  chips: $('#chips'),
  keywordNote: $('#keyword-note'),
  summary: $('#summary'),
  copy: $('#copy'),
  copied: $('#copied'),
  download: $('#download'),
  doc: $('#doc'),
  explainLegend: $('#explain-legend'),
  explainBody: $('#explain tbody'),
};

/** What the page shows; `page` is also `window.talkhisPage`, for people and tests. */
const page = {
  lang: 'ar',
  talkhis: null,
  /** The file the text came from, until the text is edited: `{name}`, or null. */
  source: null,
  /** The text, options and result on screen, or null. */
  shown: null,
  /** The chosen keyword's text, or null. */
  keyword: null,
  /**
   * Milliseconds of the last run, from the input event: `waited` until the run started,
   * `core` in the summarizer, `total` to the page updated, and `painted` once drawn.
   */
  timing: null,
  /** How many runs have finished (a result or an error), and whether one is waiting. */
  runs: 0,
  idle: () => pending === null,
  /** The result on screen in the CLI's JSON schema, as the download button saves it. */
  json: () => (page.shown ? cliJson(page.shown) : null),
  budget: 'sentences',
  amounts: Object.fromEntries(Object.entries(BUDGETS).map(([k, b]) => [k, b.value])),
};
window.talkhisPage = page;

/** The interface string `key` in the current language, with `{name}`s filled from `values`. */
function t(key, values = {}) {
  const text = STRINGS[page.lang][key] ?? STRINGS.ar[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name) => String(values[name] ?? ''));
}

/** A milliseconds figure for people: one decimal. */
const ms = (value) => value.toFixed(1);

function setLanguage(lang) {
  page.lang = lang;
  document.documentElement.lang = lang;
  document.documentElement.dir = lang === 'ar' ? 'rtl' : 'ltr';
  document.title = t('pageTitle');
  for (const el of document.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
  els.lang.textContent = lang === 'ar' ? 'English' : 'العربية';
  els.lang.lang = lang === 'ar' ? 'en' : 'ar';
  els.amountLabel.textContent = t(`amount-${page.budget}`);
  try {
    localStorage.setItem('talkhis-lang', lang);
  } catch {
    // Storage may be off (private windows, file: pages); the choice then lasts the visit.
  }
  if (page.shown) render(page.shown);
  else if (!els.error.hidden && page.errorKey) showError(page.errorKey, page.errorValues);
  else els.stats.textContent = t('hint');
}

/** One slider a weight, and a checkbox a switch, with their labels. */
function buildWeights(defaults) {
  for (const [name, min, max, step] of SLIDERS) {
    const row = document.createElement('div');
    row.className = 'weight';
    row.innerHTML =
      `<label for="w-${name}" data-i18n="w-${name}"></label>` +
      `<input type="range" id="w-${name}" name="${name}" min="${min}" max="${max}" step="${step}">` +
      `<output for="w-${name}" id="o-${name}"></output>`;
    els.weights.insertBefore(row, els.reset);
  }
  for (const name of SWITCHES) {
    const row = document.createElement('div');
    row.className = 'switch';
    row.innerHTML =
      `<input type="checkbox" id="w-${name}" name="${name}">` +
      `<label for="w-${name}" data-i18n="w-${name}"></label>`;
    els.weights.insertBefore(row, els.reset);
  }
  resetWeights(defaults);
}

function resetWeights(defaults) {
  for (const [name] of SLIDERS) {
    $(`#w-${name}`).value = String(defaults[name]);
    $(`#o-${name}`).value = String(defaults[name]);
  }
  for (const name of SWITCHES) $(`#w-${name}`).checked = defaults[name];
}

/** The options of the controls; throws an `Error` a person can read for a bad amount. */
function readOptions() {
  const budget = BUDGETS[page.budget];
  const check = (input, what, { min, max }, integer) => {
    const raw = input.value.trim();
    const value = Number(raw);
    if (raw === '' || !(value >= min && value <= max) || (integer && !Number.isInteger(value))) {
      input.setAttribute('aria-invalid', 'true');
      throw Object.assign(new Error(), {
        key: 'badAmount',
        values: { what: t(what), min, max, integer: integer ? t('integer') : '' },
      });
    }
    input.removeAttribute('aria-invalid');
    return value;
  };
  const amount = check(els.amount, `amount-${page.budget}`, budget, page.budget !== 'ratio');
  const keywords = check(els.keywords, 'keywordCount', { min: 0, max: MAX_KEYWORDS }, true);
  const weights = {};
  for (const [name] of SLIDERS) weights[name] = Number($(`#w-${name}`).value);
  for (const name of SWITCHES) weights[name] = $(`#w-${name}`).checked;
  return { [page.budget]: amount, keywords, weights, explain: true };
}

let pending = null;

/**
 * Runs once the current event is handled (a microtask: before the browser draws, so that the
 * result is in the next frame; events of one task run once); `t0` is when the input came.
 */
function schedule(t0 = performance.now()) {
  if (pending !== null) {
    pending = Math.min(pending, t0);
    return;
  }
  pending = t0;
  queueMicrotask(() => {
    const start = pending;
    pending = null;
    run(start);
  });
}

/** Summarizes the text with the controls' options and shows it, or shows what went wrong. */
function run(t0 = performance.now()) {
  try {
    summarize(t0);
  } finally {
    page.runs++;
  }
}

function summarize(t0) {
  clearOutput();
  const text = els.text.value;
  if (text.trim() === '') return showError('empty');
  let options;
  try {
    options = readOptions();
  } catch (e) {
    return showError(e.key, e.values);
  }
  let result;
  const t1 = performance.now();
  try {
    result = page.talkhis.summarize(text, options);
  } catch (e) {
    if (e instanceof RangeError && e.unit === 'bytes') {
      return showError('tooLong', { size: new TextEncoder().encode(text).length, limit: e.limit });
    }
    if (e instanceof RangeError && e.unit === 'sentences') return showError('tooManySentences', { limit: e.limit });
    if (e instanceof RangeError && e.unit === 'distinct terms') return showError('tooManyTerms', { limit: e.limit });
    return showError('failed', { message: e.message });
  }
  const t2 = performance.now();
  hideError();
  if (page.keyword && !result.keywords.some((k) => k.text === page.keyword)) page.keyword = null;
  render({ text, options, result });
  const timing = { waited: t1 - t0, core: t2 - t1, total: performance.now() - t0, painted: null };
  page.timing = timing;
  els.timing.textContent = t('timing', { total: ms(timing.total), core: ms(timing.core) });
  // Drawn: after the next frame (rAF runs before paint; the timeout after it).
  requestAnimationFrame(() => setTimeout(() => (timing.painted = performance.now() - t0), 0));
}

function clearOutput() {
  page.shown = null;
  for (const el of [els.stats, els.timing, els.keywordNote, els.copied, els.explainLegend]) el.textContent = '';
  for (const el of [els.chips, els.summary, els.doc, els.explainBody]) el.replaceChildren();
  els.capped.hidden = true;
  els.copy.disabled = true;
  els.download.disabled = true;
  document.body.dataset.state = 'empty';
}

function showError(key, values = {}) {
  page.errorKey = key;
  page.errorValues = values;
  els.error.textContent = t(key, values);
  els.error.hidden = false;
  els.error.dataset.kind = key;
  document.body.dataset.state = 'error';
}

function hideError() {
  page.errorKey = null;
  els.error.hidden = true;
  els.error.textContent = '';
  delete els.error.dataset.kind;
}

/** Shows a result: the statistics, keyword chips, summary list, highlighted text, explain table. */
function render(shown) {
  page.shown = shown;
  const { text, options, result } = shown;
  const chosenWords = result.explain.filter((s) => s.chosen).reduce((n, s) => n + s.words, 0);
  els.stats.textContent = t('stats', {
    chosen: result.summary.length,
    total: result.totalSentences,
    words: chosenWords,
    totalWords: result.totalWords,
  });
  if (page.timing) els.timing.textContent = t('timing', { total: ms(page.timing.total), core: ms(page.timing.core) });
  els.capped.hidden = !result.capped;
  els.capped.textContent = result.capped ? t('capped', { limit: MAX_SENTENCES }) : '';

  els.chips.replaceChildren(
    ...result.keywords.map((k) => {
      const chip = document.createElement('button');
      chip.type = 'button';
      chip.className = 'chip';
      chip.dataset.keyword = k.text;
      chip.setAttribute('aria-pressed', String(k.text === page.keyword));
      chip.title = t('chipTitle', { count: k.count });
      const word = document.createElement('span');
      word.textContent = k.text;
      const count = document.createElement('span');
      count.className = 'count';
      count.textContent = String(k.count);
      chip.append(word, ' ', count);
      return chip;
    }),
  );
  els.summary.replaceChildren(
    ...result.summary.map((s) => {
      const li = document.createElement('li');
      li.textContent = oneLine(s.text);
      li.dataset.start = String(s.start);
      return li;
    }),
  );
  renderDoc(text, result);
  renderExplain(result, options.weights);
  els.copy.disabled = result.summary.length === 0;
  els.download.disabled = false;
  document.body.dataset.state = 'result';
}

/**
 * The text with the summary sentences and the chosen keyword's places marked: every place the
 * core counts, in any form (`للإرهاب`, `الارهابية` for `الإرهاب`), as the module returns them.
 */
function renderDoc(text, result) {
  const chosen = page.keyword ? result.keywords.find((x) => x.text === page.keyword) : undefined;
  const found = chosen ? chosen.occurrences.map((o) => [o.start, o.end]) : [];
  const sentences = result.summary.map((s) => [s.start, s.start + s.text.length]);
  const cuts = [...new Set([0, text.length, ...sentences.flat(), ...found.flat()])].sort((a, b) => a - b);
  const nodes = [];
  let [si, ki] = [0, 0];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const [a, b] = [cuts[i], cuts[i + 1]];
    while (si < sentences.length && sentences[si][1] <= a) si++;
    while (ki < found.length && found[ki][1] <= a) ki++;
    const inSentence = si < sentences.length && sentences[si][0] <= a;
    const inKeyword = ki < found.length && found[ki][0] <= a;
    const piece = text.slice(a, b);
    if (!inSentence && !inKeyword) {
      nodes.push(document.createTextNode(piece));
      continue;
    }
    const mark = document.createElement('mark');
    mark.textContent = piece;
    if (inSentence) {
      mark.classList.add('sum');
      mark.dataset.sentence = String(si);
    }
    if (inKeyword) {
      mark.classList.add('kw');
      mark.dataset.keyword = String(ki);
    }
    nodes.push(mark);
  }
  els.doc.replaceChildren(...nodes);
  if (chosen) {
    // The keyword in a bidi isolate, so that Arabic in an English sentence keeps its place.
    const keyword = `\u2068${page.keyword}\u2069`;
    els.keywordNote.textContent = t('occurrences', { keyword, found: found.length });
  } else {
    els.keywordNote.textContent = '';
  }
}

function renderExplain(result, weights) {
  els.explainLegend.textContent = t('legend', {
    content: weights.content_weight,
    position: weights.position_weight,
    lead: (weights.lead_bonus / 1000).toFixed(3),
    decay: weights.position_decay,
    min: weights.min_words,
  });
  const rows = result.explain.map((s) => {
    const tr = document.createElement('tr');
    tr.dataset.index = String(s.index);
    if (s.chosen) tr.className = 'chosen';
    const flags = [s.chosen && t('flagChosen'), s.headline && t('flagHeadline'), !s.eligible && t('flagIneligible')];
    const line = oneLine(s.text);
    const cells = [
      s.index,
      flags.filter(Boolean).join('، '),
      s.words,
      s.contentWords,
      s.content.toFixed(3),
      s.position.toFixed(3),
      s.bonus.toFixed(3),
      s.total.toFixed(3),
      line.length > 80 ? `${line.slice(0, 80)}…` : line,
    ];
    for (const [i, value] of cells.entries()) {
      const td = document.createElement('td');
      td.textContent = String(value);
      if (i === 8) {
        td.dir = 'auto';
        td.title = line;
      }
      tr.append(td);
    }
    return tr;
  });
  els.explainBody.replaceChildren(...rows);
}

/** Every run of whitespace as one space, as the CLI prints a sentence. */
const oneLine = (text) => text.split(/\s+/u).filter(Boolean).join(' ');

/** The result in the CLI's JSON schema (`talkhis --format json --explain`). */
function cliJson({ result }) {
  return {
    ...(page.source ? { path: page.source.name } : {}),
    total_sentences: result.totalSentences,
    total_words: result.totalWords,
    sentences: result.summary.map((s) => ({ text: s.text, start: s.byteStart, end: s.byteEnd, score: s.score })),
    keywords: result.keywords.map((k) => ({ text: k.text, start: k.byteStart, score: k.score, count: k.count })),
    explain: result.explain.map((s) => ({
      index: s.index,
      text: s.text,
      start: s.byteStart,
      end: s.byteEnd,
      words: s.words,
      content_words: s.contentWords,
      headline: s.headline,
      eligible: s.eligible,
      chosen: s.chosen,
      content: s.content,
      position: s.position,
      bonus: s.bonus,
      total: s.total,
    })),
  };
}

/** Puts a file's text in the text box, or says why not. */
async function openFile(file) {
  clearOutput();
  hideError();
  page.source = null;
  page.keyword = null;
  const limit = page.talkhis.inputCapacity;
  const refuse = (key, values) => {
    els.text.value = '';
    showError(key, values);
    page.runs++;
  };
  if (file.size > limit) return refuse('fileTooLong', { name: file.name, size: file.size, limit });
  const bytes = new Uint8Array(await file.arrayBuffer());
  let text;
  try {
    // The byte order mark stays, as the CLI keeps it, so that offsets agree.
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return refuse('notUtf8', { name: file.name, at: firstInvalidByte(bytes) });
  }
  els.text.value = text;
  page.source = { name: file.name };
  run(performance.now());
}

/** The offset of the first byte that is not part of valid UTF-8. */
function firstInvalidByte(bytes) {
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i];
    const n = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
    if (n === 0 || i + n > bytes.length) return i;
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(i, i + n));
    } catch {
      return i;
    }
    i += n;
  }
  return bytes.length;
}

async function copySummary() {
  const text = page.shown.result.summary.map((s) => oneLine(s.text)).join('\n');
  try {
    await navigator.clipboard.writeText(text);
    els.copied.textContent = t('copied');
  } catch {
    els.copied.textContent = t('copyFailed');
  }
}

function downloadJson() {
  const json = `${JSON.stringify(cliJson(page.shown), null, 2)}\n`;
  const url = URL.createObjectURL(new Blob([json], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = `${page.source ? page.source.name.replace(/\.txt$/i, '') : 'talkhis'}.json`;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

function setBudget(budget) {
  page.amounts[page.budget] = els.amount.value;
  page.budget = budget;
  const { min, max, step } = BUDGETS[budget];
  Object.assign(els.amount, { min, max, step, value: String(page.amounts[budget]) });
  els.amountLabel.textContent = t(`amount-${budget}`);
}

function wire() {
  els.text.addEventListener('input', (e) => {
    page.source = null;
    schedule(e.timeStamp);
  });
  els.amount.addEventListener('input', (e) => schedule(e.timeStamp));
  els.keywords.addEventListener('input', (e) => schedule(e.timeStamp));
  for (const radio of document.querySelectorAll('input[name="budget"]')) {
    radio.addEventListener('change', (e) => {
      setBudget(radio.value);
      schedule(e.timeStamp);
    });
  }
  for (const [name] of SLIDERS) {
    $(`#w-${name}`).addEventListener('input', (e) => {
      $(`#o-${name}`).value = e.target.value;
      schedule(e.timeStamp);
    });
  }
  for (const name of SWITCHES) $(`#w-${name}`).addEventListener('change', (e) => schedule(e.timeStamp));
  els.reset.addEventListener('click', (e) => {
    resetWeights(page.talkhis.defaults);
    schedule(e.timeStamp);
  });
  els.sample.addEventListener('click', async (e) => {
    const response = await fetch('sample.txt');
    els.text.value = await response.text();
    page.source = { name: 'sample.txt' };
    run(e.timeStamp);
  });
  els.file.addEventListener('change', () => {
    const [file] = els.file.files;
    if (file) openFile(file);
    els.file.value = '';
  });
  els.clear.addEventListener('click', () => {
    els.text.value = '';
    page.source = null;
    run();
    els.text.focus();
  });
  els.drop.addEventListener('dragover', (e) => {
    if (e.dataTransfer.types.includes('Files')) {
      e.preventDefault();
      els.drop.classList.add('dragging');
    }
  });
  els.drop.addEventListener('dragleave', () => els.drop.classList.remove('dragging'));
  els.drop.addEventListener('drop', (e) => {
    els.drop.classList.remove('dragging');
    const [file] = e.dataTransfer.files;
    if (!file) return; // dropped text: the text box takes it and fires `input`
    e.preventDefault();
    openFile(file);
  });
  els.chips.addEventListener('click', (e) => {
    const chip = e.target.closest('.chip');
    if (!chip || !page.shown) return;
    page.keyword = page.keyword === chip.dataset.keyword ? null : chip.dataset.keyword;
    for (const c of els.chips.children) c.setAttribute('aria-pressed', String(c.dataset.keyword === page.keyword));
    renderDoc(page.shown.text, page.shown.result);
    // The first place in view, scrolling the text box only (not the page).
    const first = els.doc.querySelector('mark.kw');
    if (first) els.doc.scrollTop = Math.max(0, first.offsetTop - els.doc.clientHeight / 3);
  });
  els.copy.addEventListener('click', copySummary);
  els.download.addEventListener('click', downloadJson);
  els.lang.addEventListener('click', () => setLanguage(page.lang === 'ar' ? 'en' : 'ar'));
}

async function start() {
  let lang = new URLSearchParams(location.search).get('lang');
  try {
    lang ??= localStorage.getItem('talkhis-lang');
  } catch {
    // No storage: Arabic.
  }
  page.lang = lang === 'en' ? 'en' : 'ar';
  try {
    page.talkhis = await load();
  } catch (e) {
    setLanguage(page.lang);
    showError('loadFailed', { message: e.message });
    for (const el of document.querySelectorAll('input, textarea, button:not(#lang)')) el.disabled = true;
    return;
  }
  buildWeights(page.talkhis.defaults);
  wire();
  setLanguage(page.lang);
  if (els.text.value.trim() !== '') run();
  document.body.dataset.ready = 'true';
}

start();
