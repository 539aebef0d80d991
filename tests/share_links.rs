//! Share links: old links keep working (a frozen corpus per schema version), hostile input never panics
//! and loses no valid answer, every answer survives the round trip, and links stay short.

use pyconc::content::{META, MODELS, QUESTIONS, QuestionId};
use pyconc::engine::migration::{Step, migrate};
use pyconc::engine::{Answers, Notice, Recommendation, ShareLink};

/// A small deterministic generator (xorshift), so failures reproduce.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// A random reachable answer set: a walk that stops after a random number of steps (maybe at the end).
fn random_answers(rng: &mut Rng, complete: bool) -> Answers {
    let mut a = Answers::new();
    let stop = if complete { usize::MAX } else { rng.below(QUESTIONS.len() + 1) };
    let mut steps = 0;
    while let Some(q) = a.next_question() {
        if steps == stop {
            break;
        }
        a.answer(q, rng.below(q.get().options.len()) as u8);
        steps += 1;
    }
    a
}

#[test]
fn every_frozen_link_still_gives_its_model() {
    let mut per_model = vec![0; MODELS.len()];
    for version in 1..=META.schema {
        let path = format!("{}/tests/links/v{version}.txt", env!("CARGO_MANIFEST_DIR"));
        let corpus = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        for line in corpus.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()) {
            let (model, query) = line.split_once(' ').unwrap();
            let (link, notices) = ShareLink::decode(query);
            assert!(notices.is_empty(), "{query}: {notices:?}");
            assert_eq!(link.answers.next_question(), None, "{query} is not a complete result any more");
            let got = Recommendation::for_answers(&link.answers).model;
            assert_eq!(got.get().id, model, "{query}");
            per_model[got.0 as usize] += 1;
        }
    }
    for (m, n) in per_model.iter().enumerate() {
        assert!(*n > 0, "the frozen corpus has no link for model {}", MODELS[m].id);
    }
}

#[test]
fn a_migration_step_maps_old_answers() {
    let steps = [
        Step::RenameOption { from: 1, key: "cores", old: "17+", new: "17up" },
        Step::RenameQuestion { from: 1, old: "cpu", new: "cores" },
        Step::RemoveQuestion { from: 2, key: "gone" },
    ];
    assert_eq!(migrate(&steps, 1, "cores", "17+"), Some(("cores".into(), "17up".into())));
    assert_eq!(migrate(&steps, 1, "cpu", "1"), Some(("cores".into(), "1".into())));
    assert_eq!(
        migrate(&steps, 2, "cores", "17+"),
        Some(("cores".into(), "17+".into())),
        "steps before the link's version do not apply"
    );
    assert_eq!(migrate(&steps, 2, "gone", "x"), None);
    assert_eq!(migrate(&steps, 3, "gone", "x"), Some(("gone".into(), "x".into())));
}

#[test]
fn schema_1_links_keep_their_answers_in_schema_2() {
    // `ext` meant "ready for free-threading and subinterpreters": on the standard build of 3.14 it now
    // answers `subint`, silently, and the questions added in schema 2 take the answer schema 1 implied.
    let (link, notices) = ShareLink::decode(
        "v=1&work=cpu&scale=one&where=script&py=3.14&gil=std&ext=some&os=linux&cores=5-16&task=short&data=small&input=list&state=none&crash=no&cancel=no&fail=all",
    );
    assert!(notices.is_empty(), "{notices:?}");
    let answer = |q: &str| {
        let id = QuestionId::find(q).unwrap();
        link.answers.get(id).map(|o| id.get().options[o as usize].id)
    };
    assert_eq!(answer("subint"), Some("some"));
    assert_eq!(answer("ext"), None, "not asked on the standard build");
    assert_eq!(answer("total"), Some("slow"));
    assert_eq!(answer("shared"), Some("no"));
    assert_eq!(link.answers.next_question(), None);
    // On the free-threaded build `ext` keeps its answer.
    let (ft, notices) = ShareLink::decode("v=1&work=cpu&scale=one&where=script&py=3.14&gil=ft&ext=ready");
    assert!(notices.is_empty(), "{notices:?}");
    let ext = QuestionId::find("ext").unwrap();
    assert_eq!(ft.answers.get(ext).map(|o| ext.get().options[o as usize].id), Some("ready"));
    // A schema-2 link is read as it is: no defaults are filled in.
    let (v2, _) = ShareLink::decode("v=2&work=cpu&scale=one&where=script&py=3.12");
    assert_eq!(v2.answers.get(QuestionId::find("total").unwrap()), None);
}

#[test]
fn every_answer_survives_the_round_trip() {
    // Each option of each question on its own (the decoder reads pairs independently)...
    for q in QuestionId::all() {
        for o in 0..q.get().options.len() as u8 {
            let question = q.get();
            let query = format!("v={}&{}={}", META.schema, question.id, question.options[o as usize].id);
            let (link, _) = ShareLink::decode(&query);
            let mut raw = Answers::new();
            raw.answer(q, o);
            assert_eq!(link.answers, raw, "{query}");
        }
    }
    // ...and 50,000 reachable answer sets, complete and partial, with their keys shuffled.
    let mut rng = Rng(0x5eed_1234_abcd_0001);
    for i in 0..50_000 {
        let answers = random_answers(&mut rng, i % 2 == 0);
        let link = ShareLink { answers, lang: None };
        let encoded = link.encode();
        let (back, notices) = ShareLink::decode(&encoded);
        assert!(notices.is_empty(), "{encoded}: {notices:?}");
        assert_eq!(back, link, "{encoded}");
        let mut pairs: Vec<&str> = encoded.split('&').collect();
        for k in (1..pairs.len()).rev() {
            pairs.swap(k, rng.below(k + 1));
        }
        let (shuffled, _) = ShareLink::decode(&pairs.join("&"));
        assert_eq!(shuffled.answers, answers, "shuffled {encoded}");
    }
}

/// The longest query any path can produce: a search over the questions in order, memoized on the
/// answers that later questions still branch on, so it covers every path exactly.
fn longest_query() -> usize {
    use pyconc::engine::reachable::reads;
    use std::collections::{BTreeSet, HashMap};
    let n = QUESTIONS.len();
    let mut last_read = vec![0usize; n];
    for (i, q) in QUESTIONS.iter().enumerate() {
        let mut set = BTreeSet::new();
        reads(&q.ask_if, &mut set);
        for j in set {
            last_read[j as usize] = last_read[j as usize].max(i);
        }
    }
    fn go(i: usize, a: Answers, last_read: &[usize], memo: &mut HashMap<(usize, Answers), usize>) -> usize {
        if i == QUESTIONS.len() {
            return 0;
        }
        let mut key = a;
        for (j, read) in last_read.iter().enumerate().take(i) {
            if *read < i {
                key.clear_only(QuestionId(j as u8));
            }
        }
        if let Some(&v) = memo.get(&(i, key)) {
            return v;
        }
        let q = QuestionId(i as u8);
        let question = q.get();
        let best = if question.ask_if.holds(&a) {
            (0..question.options.len() as u8)
                .map(|o| {
                    let mut b = a;
                    b.answer_raw(q, o);
                    1 + question.id.len() + 1 + question.options[o as usize].id.len() + go(i + 1, b, last_read, memo)
                })
                .max()
                .unwrap()
        } else {
            go(i + 1, a, last_read, memo)
        };
        memo.insert((i, key), best);
        best
    }
    go(0, Answers::new(), &last_read, &mut HashMap::new()) + format!("v={}", META.schema).len()
}

#[test]
fn the_longest_link_stays_under_340_characters() {
    let longest = longest_query() + "&lang=zh".len();
    let origin = "https://python-concurrency.example.org/?";
    println!("longest query: {longest} characters; with a 40-character origin {}", longest + origin.len());
    assert!(
        longest + origin.len() < 340,
        "schema 2 added four questions; links stay within one line of a chat message"
    );
    // The search agrees with the links of the frozen corpus: none is longer.
    let corpus = std::fs::read_to_string(format!("{}/tests/links/v1.txt", env!("CARGO_MANIFEST_DIR"))).unwrap();
    for line in corpus.lines().filter(|l| !l.starts_with('#')) {
        let query = line.split_once(' ').unwrap().1;
        assert!(query.len() <= longest, "{query}");
    }
}

/// What one notice of a hostile link must be.
type NoticeIs = fn(&Notice) -> bool;

#[test]
fn hostile_links_keep_valid_answers_and_say_what_was_dropped() {
    let cases: &[(&str, &[NoticeIs])] = &[
        ("v=1&work=io&bogus=1", &[|n| matches!(n, Notice::UnknownKey(k) if k == "bogus")]),
        ("v=1&work=nonsense", &[|n| matches!(n, Notice::InvalidValue { key, .. } if key == "work")]),
        ("v=1&work=io&work=cpu", &[|n| matches!(n, Notice::Repeated(k) if k == "work")]),
        ("v=99&work=io", &[|n| matches!(n, Notice::FutureVersion(v) if v == "99")]),
        ("work=io", &[|n| *n == Notice::NoVersion]),
        ("v=1&work=%ZZ&scale=one", &[|n| *n == Notice::BadEscape]),
        ("v=1&work=cpu&io=http", &[|n| matches!(n, Notice::NotAsked(k) if k == "io")]),
        (
            "v=1&%3Cscript%3Ealert(1)%3C%2Fscript%3E=1",
            &[|n| matches!(n, Notice::UnknownKey(k) if k.starts_with("<script>"))],
        ),
    ];
    for (query, expected) in cases {
        let (link, notices) = ShareLink::decode(query);
        for check in *expected {
            assert!(notices.iter().any(check), "{query}: {notices:?}");
        }
        if query.contains("work=io") && !query.contains("work=io&work") || query.starts_with("work=io") {
            assert_eq!(link.answers.get(QuestionId::find("work").unwrap()), Some(0), "{query} lost work=io");
        }
    }
    let long = format!("v=1&work=io&{}", "x=1&".repeat(2600));
    let (link, notices) = ShareLink::decode(&long);
    assert!(notices.contains(&Notice::TooLong));
    assert_eq!(link.answers.get(QuestionId::find("work").unwrap()), Some(0));
}

#[test]
fn decoding_arbitrary_strings_never_panics() {
    let alphabet: Vec<char> =
        "v=1&%?+#;/\\\"'<>()[]{}0123456789abcdefwork=iocpu.-_ \t\n\u{0}\u{7f}é中文🙂%2%FF%C3%28".chars().collect();
    let keys: Vec<&str> = QUESTIONS.iter().map(|q| q.id).chain(["v", "lang", "", "=", "&"]).collect();
    let mut rng = Rng(0x0bad_cafe_f00d_0002);
    for _ in 0..200_000 {
        let mut s = String::new();
        for _ in 0..rng.below(80) {
            if rng.below(4) == 0 {
                s.push_str(keys[rng.below(keys.len())]);
            } else {
                s.push(alphabet[rng.below(alphabet.len())]);
            }
        }
        let (link, _) = ShareLink::decode(&s);
        // Whatever came in, what is kept is a consistent, reachable answer set.
        let mut pruned = link.answers;
        assert!(pruned.prune().is_empty(), "{s:?} kept answers that do not apply");
        let _ = link.encode();
    }
}

#[test]
fn a_link_has_started_the_wizard_when_it_has_any_key_but_the_language() {
    for (query, started) in [
        ("", false),
        ("?", false),
        ("lang=zh", false),
        ("?lang=en&", false),
        ("v=2", true),
        ("?v=2&lang=zh", true),
        ("work=io", true),
        ("languages=1", true),
    ] {
        assert_eq!(ShareLink::started(query), started, "{query:?}");
    }
}
