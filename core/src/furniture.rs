//! Issue 18: lines of the web page, not of the article (`اقرأ أيضا: …`, `شاهد أيضا: …`, app
//! promotions, `طباعة`, share and follow lines, photo credits, bylines and tags, the site's
//! notices).
//!
//! A sentence that starts a line is furniture when it opens with a cue: one of [`CUES`]
//! anywhere (`اقرأ أيضا`, `للمزيد`, `يمكنكم استلام`), or, on a short line of at most
//! [`SHORT_LINE_WORDS`] words, one of [`SHORT_LINE_CUES`] (`طباعة`, `شارك`, `المصدر`), which
//! as the first word of a longer sentence are ordinary words (`شارك آلاف الأكراد في …`).
//! [`Scratch::tally`](crate::summary) reads its words as no terms: furniture is never chosen
//! (it has no content word) and counts toward no keyword.
//!
//! Cues are stored as the FNV-1a hashes of their folded words, computed at compile time:
//! 4 bytes a cue of flash (the top 16 bits of each hash).

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
