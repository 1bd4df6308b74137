// What the firmware runs, shared with `build.rs` (which `include!`s this file, so no inner
// doc comment here): the expected results are computed on the host from the same texts,
// configuration and output capacities.

use talkhis::Config;

/// The most sentences the firmware's scratch holds (20 bytes each).
///
/// With [`TERMS`], sized for the RAM target of 12 KB for scratch, results and peak stack
/// (see README.md): 20 + 80 × 20 + 860 × 8 = 8,500 bytes of scratch. It holds a 2,000-word
/// article of varied text (the six measured in the README: at most 67 sentences and 856
/// terms), [`LONG`] (2,040 words: 60 sentences, 360 terms) and every article of the EASC and
/// AKEC corpora (at most 1,013 words, 50 sentences, 464 terms).
pub const SENTENCES: usize = 80;

/// The most distinct content terms the firmware's scratch holds (8 bytes each).
pub const TERMS: usize = 860;

/// The most sentences a summary holds (`Summary<'t, SUMMARY>`).
pub const SUMMARY: usize = 5;

/// The most keywords the firmware asks for (`Keywords<'t, KEYWORDS>`).
pub const KEYWORDS: usize = 10;

/// The configuration: the core's defaults (3 sentences, 10 keywords).
pub const CONFIG: Config = Config::new();

/// The sample article of the repository (711 words).
pub const SAMPLE: &str = include_str!("../../../tests/data/sample.txt");

/// A short news paragraph written for this project (see `embedded/texts/README.md`).
pub const DESALINATION: &str = include_str!("../../texts/desalination.txt");

/// About 2,000 words (2 × the sample + 4 × the paragraph), for the RAM target: sentence
/// capacity and peak stack with an article of that length.
pub const LONG: &str = concat!(
    include_str!("../../../tests/data/sample.txt"),
    "\n\n",
    include_str!("../../texts/desalination.txt"),
    "\n\n",
    include_str!("../../../tests/data/sample.txt"),
    "\n\n",
    include_str!("../../texts/desalination.txt"),
    "\n\n",
    include_str!("../../texts/desalination.txt"),
    "\n\n",
    include_str!("../../texts/desalination.txt"),
);

/// The texts the firmware summarizes, by name, in order.
pub const TEXTS: [(&str, &str); 3] =
    [("sample", SAMPLE), ("desalination", DESALINATION), ("long", LONG)];
