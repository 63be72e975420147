//! The second, independent check of mention detection: CLUENER2020's labelled dev
//! sentences (`../shared/ner`), each read as its own article. The genre (Sina news,
//! sports, games, finance) and the label conventions differ from ours, so the floors
//! sit a little below what the extractor measured when they were set; they catch
//! regressions, they are not targets. The table is printed (`--nocapture`).

use zhengqi::gazetteer::Gazetteer;
use zhengqi::nercheck::{self, Kind};

#[test]
fn cluener_mention_detection_holds() {
    let path = super::shared().join("ner/cluener2020/dev.jsonl");
    assert!(path.exists(), "{} is missing", path.display());
    let report = nercheck::check(&path, &Gazetteer::bundled()).unwrap();
    println!("{}", report.table());
    assert!(report.sentences >= 1300, "the dev split has shrunk");
    assert_eq!(report.bad_labels, 0, "labels no longer match their text");
    assert!(report.unaligned <= 10, "the reader drops sentences");
    // (kind, exact F1 floor, overlap precision floor): the targets are
    // exact-span F1; precision floors keep recall from being bought with noise.
    let floors = [
        (Kind::Company, 0.37, 0.82),
        (Kind::Agency, 0.60, 0.90),
        (Kind::Person, 0.60, 0.75),
        (Kind::Organization, 0.30, 0.70),
        (Kind::Position, 0.11, 0.90),
    ];
    let mut failures = Vec::new();
    for (kind, f1, precision) in floors {
        let c = report.row(kind);
        if c.exact_f1() < f1 {
            failures.push(format!(
                "{} exact F1 {:.3} < {f1}",
                kind.name(),
                c.exact_f1()
            ));
        }
        if c.overlap_precision() < precision {
            failures.push(format!(
                "{} overlap precision {:.3} < {precision}",
                kind.name(),
                c.overlap_precision()
            ));
        }
    }
    let core = report.micro(&Kind::CORE);
    if core.exact_f1() < 0.49 {
        failures.push(format!("core micro exact F1 {:.3} < 0.49", core.exact_f1()));
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
