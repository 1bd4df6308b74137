//! Issue 18: lines of the web page, not of the article (`اقرأ أيضا: …`, `شاهد أيضا: …`, app
//! promotions, `طباعة`, share and follow lines, photo credits, bylines and tags, the site's
//! notices), and the dateline that opens an agency's story (`دبي، الإمارات العربية المتحدة
//! (CNN) -- …`).
//!
//! A sentence that starts a line is furniture when it opens with a cue: one of [`CUES`]
//! anywhere (`اقرأ أيضا`, `للمزيد`, `يمكنكم استلام`), or, on a short line of at most
//! [`SHORT_LINE_WORDS`] words, one of [`SHORT_LINE_CUES`] (`طباعة`, `شارك`, `المصدر`), which
//! as the first word of a longer sentence are ordinary words (`شارك آلاف الأكراد في …`).
//! A sentence that starts a line may also open with a dateline ([`dateline_end`]), whose
//! words up to the dash are furniture while the rest is the article's.
//!
//! Pass 1 reads furniture's words as no terms, and so does every pass that reads the
//! sentence again ([`Furniture::terms_from`]): a furniture line is never chosen (it has no
//! content word), and neither it nor a dateline counts toward a keyword.
//!
//! Cues are stored as the FNV-1a hashes of their folded words, computed at compile time:
//! 4 bytes a cue of flash (the top 16 bits of each hash).

use crate::arch::scan;
use crate::score::fnv1a;

/// The hash of a folded word, its top 16 bits: two cue words, or a cue on a short line
/// that starts a line, leave a chance collision no room.
const fn h(word: &str) -> u16 {
    short(fnv1a(word.as_bytes()))
}

/// The top 16 bits of a word's hash.
const fn short(hash: u32) -> u16 {
    (hash >> 16) as u16
}

/// A second word that may be anything.
const ANY: u16 = 0;

/// Cues that open furniture wherever they stand: (first word, second word or [`ANY`]),
/// folded.
const CUES: [(u16, u16); 19] = [
    (h("اقرا"), h("ايضا")),
    (h("اقرا"), h("المزيد")),
    (h("شاهد"), h("ايضا")),
    (h("طالع"), h("ايضا")),
    (h("انظر"), h("ايضا")),
    (h("للمزيد"), ANY),
    (h("تابعونا"), ANY),
    (h("يمكنكم"), h("استلام")),
    (h("حمل"), h("تطبيق")),
    (h("لتحميل"), h("تطبيق")),
    (h("مصدر"), h("الصوره")),
    (h("جميع"), h("المقالات")),
    (h("جميع"), h("الحقوق")),
    (h("حقوق"), h("النشر")),
    (h("كلمات"), h("مفتاحيه")),
    (h("اخبار"), h("ذات")),
    (h("مواضيع"), h("ذات")),
    (h("قد"), h("يعجبك")),
    (h("اضغط"), h("هنا")),
];

/// First words that open furniture on a short line only, folded.
const SHORT_LINE_CUES: [u16; 14] = [
    h("شارك"),
    h("تابع"),
    h("تابعوا"),
    h("طباعه"),
    h("ارسل"),
    h("اشترك"),
    h("المصدر"),
    h("الصوره"),
    h("صوره"),
    h("تصوير"),
    h("الصور"),
    // Bylines and tags: `بقلم: …`, `الوسوم: …`.
    h("بقلم"),
    h("الوسوم"),
    h("وسوم"),
];

/// The most words of a short line.
const SHORT_LINE_WORDS: usize = 6;

/// What of a sentence belongs to the web page or the wire, not to the article: its words are
/// no terms. Pass 1 judges it once ([`Furniture::of`]) and keeps it, so that a pass that reads
/// the sentence again reads its words as pass 1 did ([`Furniture::terms_from`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Furniture {
    /// The sentence is the article's.
    None,
    /// The whole sentence is a line of the page ([`is_furniture`]).
    Line,
    /// It opens with a dateline ([`dateline_end`]); the rest is the article's.
    Dateline,
}

impl Furniture {
    /// The furniture of `sentence`; only a sentence that starts a line has any.
    pub(crate) fn of(sentence: &str, starts_line: bool) -> Self {
        if !starts_line {
            Self::None
        } else if is_furniture(sentence) {
            Self::Line
        } else if dateline_end(sentence).is_some() {
            Self::Dateline
        } else {
            Self::None
        }
    }

    /// The byte offset of `sentence` (whose furniture this is) where its terms start: the
    /// words before it are no terms.
    pub(crate) fn terms_from(self, sentence: &str) -> usize {
        match self {
            Self::None => 0,
            Self::Line => usize::MAX,
            Self::Dateline => dateline_end(sentence).unwrap_or(0),
        }
    }
}

/// The most bytes of a dateline's place: `نيويورك، الولايات المتحدة الأمريكية ` has 68, in
/// four words; a clause before a bracket is longer.
const DATELINE_PLACE_BYTES: usize = 72;

/// The most bytes between a dateline's brackets (`(CNN)`, `(رويترز)`, `(أ ف ب)`).
const DATELINE_SOURCE_BYTES: usize = 40;

/// Where the dateline that opens `sentence` ends, if it opens with one: a place of at most
/// [`DATELINE_PLACE_BYTES`] bytes (or none), the source in brackets, then a dash:
/// `دبي، الإمارات العربية المتحدة (CNN) -- أكدت …`, `القاهرة (رويترز) - …`, `(CNN)-- …`.
/// The offset is past the dashes and the spaces after them.
///
/// A wire story names its dateline's place in every story, whatever the topic, early enough
/// for its words to rank high: `الإمارات | العربية | المتحدة` would top the keywords of every
/// story CNN Arabic files from Dubai.
///
/// Read as bytes: every byte that matters is ASCII or leads a dash (`–` `—` `−`: E2 80 93,
/// E2 80 94, E2 88 92), and UTF-8 never repeats an ASCII byte inside a letter.
pub(crate) fn dateline_end(sentence: &str) -> Option<usize> {
    let b = sentence.as_bytes();
    // The bracket, near the start: most lines have none, ruled out many bytes at a time
    // where the target can (`arch::scan`).
    let head = b.get(..b.len().min(DATELINE_PLACE_BYTES + 1))?;
    let open = scan::find_by(scan::STRIDE, head, 0, [b'('], |at| {
        (head.get(at) == Some(&b'(')).then_some(at)
    })?;
    // The place before it: a few words, nothing that ends or cuts a clause.
    let cut = |c: &u8| matches!(c, b')' | b'.' | b':' | b'\n' | b'\r' | b'-' | 0xE2);
    if head.get(..open)?.iter().any(cut) {
        return None;
    }
    // The source, in brackets, on the line.
    let mut at = open;
    loop {
        at += 1;
        match *b.get(at)? {
            b')' if at > open + 1 => break,
            b')' | b'(' | b'\n' | b'\r' => return None,
            _ if at > open + DATELINE_SOURCE_BYTES => return None,
            _ => {}
        }
    }
    // A dash, and any more dashes and spaces.
    let (mut at, mut dashed) = (at + 1, false);
    loop {
        match (b.get(at)?, b.get(at + 1), b.get(at + 2)) {
            (b'-', ..) => (at, dashed) = (at + 1, true),
            (0xE2, Some(0x80), Some(0x93 | 0x94)) | (0xE2, Some(0x88), Some(0x92)) => {
                (at, dashed) = (at + 3, true);
            }
            (b' ' | b'\t', ..) => at += 1,
            _ => return dashed.then_some(at),
        }
    }
}

/// Whether `sentence`, which starts a line, is web-page furniture.
pub(crate) fn is_furniture(sentence: &str) -> bool {
    let (mut first, mut second, mut words) = (ANY, ANY, 0usize);
    for hash in crate::score::folded_words(sentence).take(SHORT_LINE_WORDS + 1) {
        words += 1;
        match words {
            1 => first = short(hash),
            2 => second = short(hash),
            _ => {}
        }
    }
    CUES.iter().any(|&(a, b)| a == first && (b == ANY || b == second))
        || (words <= SHORT_LINE_WORDS && SHORT_LINE_CUES.contains(&first))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize;
    use crate::score::MAX_WORD_BYTES;

    /// Lines of real articles (ant-dev, and the examples): (line, furniture).
    const CASES: &[(&str, bool)] = &[
        ("اقرأ أيضاً", true),
        ("اقرأ أيضا: ماذا قال بومبيو بشأن \"اختفاء\" جمال خاشقجي؟", true),
        ("شاهد أيضا: لحظة وصول الرئيس إلى القمة", true),
        ("للمزيد - السعودية: تعيين نجل الملك محمد بن سلمان وليا للعهد..", true),
        ("** جميع المقالات المنشورة تمثل رأي كتابها فقط.", true),
        ("يمكنكم استلام إشعارات بأهم الموضوعات بعد تحميل أحدث نسخة من تطبيق الموقع", true),
        ("طباعة", true),
        ("شارك", true),
        ("تابعونا على تويتر", true),
        ("المصدر: وكالات", true),
        ("مصدر الصورة: Getty Images", true),
        ("جميع الحقوق محفوظة", true),
        ("قد يعجبك", true),
        ("اضغط هنا لمشاهدة الفيديو", true),
        ("بقلم: محمد عبد الله", true),
        ("الوسوم: مصر، الاقتصاد، البنك المركزي", true),
        ("وقد يعجبك أن تعرف أن المدينة تأسست قبل ألف عام.", false),
        ("بقلم رصاص رسم الفنان لوحاته الأولى في طفولته ثم انتقل إلى الألوان الزيتية.", false),
        (
            "شارك آلاف الأكراد في إحياء الذكرى الثلاثين للهجوم الكيميائي على مدينة حلبجة شمال العراق.",
            false,
        ),
        ("تابع الرئيس حديثه أمام البرلمان مؤكدا أن الحكومة ماضية في الإصلاح.", false),
        ("وقال المصدر إن المفاوضات ستستأنف الأسبوع المقبل.", false),
        ("", false),
    ];

    #[test]
    fn table() {
        for &(line, expected) in CASES {
            assert_eq!(is_furniture(line), expected, "{line}");
        }
    }

    /// Datelines of wire stories (CNN Arabic's, from ant-dev; Reuters' and AFP's shapes):
    /// (case, sentence, where its terms start).
    const DATELINES: &[(&str, &str, Option<&str>)] = &[
        (
            "place and source",
            "دبي، الإمارات العربية المتحدة (CNN) –أكدت الشركة",
            Some("أكدت الشركة"),
        ),
        ("double dash", "موسكو، روسيا (CNN)-- قررت وزارة الخارجية", Some("قررت وزارة الخارجية")),
        ("em dash", "دبي، الإمارات العربية المتحدة (CNN)— قال لافروف", Some("قال لافروف")),
        (
            "dashes apart",
            "دبي، الإمارات العربية المتحدة (CNN)- - رحبت البحرين",
            Some("رحبت البحرين"),
        ),
        ("no place", "(CNN)-- هدد الرئيس الأمريكي", Some("هدد الرئيس الأمريكي")),
        ("Reuters", "القاهرة (رويترز) - قال مسؤول", Some("قال مسؤول")),
        ("AFP", "باريس (أ ف ب) - أعلنت الحكومة", Some("أعلنت الحكومة")),
        ("no dash", "دبي (CNN) أكدت الشركة", None),
        ("a bracket in the text", "قال الرئيس (72 عاما) إن البلاد بخير.", None),
        ("a dash without brackets", "القاهرة - قال مسؤول", None),
        ("a long place", "واشنطن، الولايات المتحدة الأمريكية (CNN)-- قال", Some("قال")),
        ("a clause", "قال وزير الخارجية في مؤتمر صحفي عقده مساء اليوم (الأحد) - إن", None),
        ("a sentence before", "انتهى الاجتماع. دبي (CNN) - قال", None),
        ("empty brackets", "دبي () - قال", None),
        ("nothing after", "دبي (CNN) --", None),
        ("empty", "", None),
    ];

    #[test]
    fn datelines() {
        for &(name, sentence, rest) in DATELINES {
            let got = dateline_end(sentence).map(|at| &sentence[at..]);
            assert_eq!(got, rest, "{name}");
            let expected = if rest.is_some() { Furniture::Dateline } else { Furniture::None };
            assert_eq!(Furniture::of(sentence, true), expected, "{name}");
            assert_eq!(Furniture::of(sentence, false), Furniture::None, "{name}: mid-line");
        }
    }

    #[test]
    fn a_datelines_words_are_no_keywords() {
        use crate::{Config, Keywords, Summarizer, Summary};
        let text = "دبي، الإمارات العربية المتحدة (CNN) -- أعلنت الحكومة المصرية خطة لدعم \
                    الزراعة.\nوقال وزير الزراعة إن الحكومة تدعم المزارعين في الريف.\n";
        let mut s: Summarizer<8, 64> = Summarizer::new();
        let mut doc = s.analyze(text, &Config::new()).unwrap();
        let keywords: Keywords<'_, 10> = doc.keywords();
        for word in ["دبي", "الإمارات", "العربية", "المتحدة", "CNN"] {
            assert!(keywords.keywords.iter().all(|k| !k.text.contains(word)), "{keywords:?}");
        }
        // The sentence is still the article's, dateline and all.
        let summary: Summary<'_, 4> = doc.summary();
        assert!(summary.sentences.iter().any(|x| x.text.starts_with("دبي،")), "{summary:?}");
    }

    #[test]
    fn no_cue_word_hashes_as_any() {
        assert!(CUES.iter().all(|&(a, _)| a != ANY) && !SHORT_LINE_CUES.contains(&ANY));
        assert!(CUES.iter().filter(|&&(_, b)| b == ANY).count() == 2, "للمزيد, تابعونا");
    }

    #[test]
    fn cues_are_folded() {
        let mut buf = [0u8; MAX_WORD_BYTES];
        for word in ["اقرا", "ايضا", "الصوره", "مفتاحيه", "طباعه", "صوره", "يعجبك", "الوسوم"]
        {
            let n = normalize::fold_into(word, &mut buf).unwrap().len;
            assert_eq!(&buf[..n], word.as_bytes(), "{word}");
        }
    }

    #[test]
    fn furniture_is_never_chosen_and_its_words_are_no_keywords() {
        use crate::{Config, Keywords, Summarizer, Summary};
        let text = "أعلنت الحكومة خطة جديدة لدعم الزراعة في المناطق الريفية.\n\
                    اقرأ أيضا: تطبيق تطبيق تطبيق الهاتف الجديد\n\
                    وقال الوزير إن الخطة تشمل القرى البعيدة والمزارعين الصغار.\n\
                    طباعة\n";
        let mut s: Summarizer<8, 64> = Summarizer::new();
        let config = Config::new();
        let mut doc = s.analyze(text, &config).unwrap();
        let summary: Summary<'_, 4> = doc.summary();
        assert!(summary.sentences.iter().all(|x| !x.text.starts_with("اقرأ")), "{summary:?}");
        let keywords: Keywords<'_, 10> = doc.keywords();
        assert!(keywords.keywords.iter().all(|k| !k.text.contains("تطبيق")), "{keywords:?}");
    }
}
