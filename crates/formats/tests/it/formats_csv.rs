//! The CSV importer on the fixtures in tests/fixtures/csv: good files with
//! column aliases, duplicates, relations and undirected rows; bad files each
//! rejected with the file, the line and the problem.

use std::path::PathBuf;

use recimap_core::{Link, UnitKind};
use recimap_formats::ImportError;
use recimap_formats::csv::{CsvImport, CsvOptions, import_csv, import_csv_reader};

fn fixture(name: &str) -> PathBuf {
    crate::fixtures().join("csv").join(name)
}

fn import(
    units: &str,
    links: &str,
    relation: Option<&str>,
    undirected: bool,
) -> Result<CsvImport, ImportError> {
    let opts = CsvOptions {
        relation: relation.map(str::to_owned),
        undirected,
    };
    import_csv(&fixture(units), &fixture(links), &opts)
}

/// `(source, target, weight)` of every link, in map order.
fn weights(import: &CsvImport) -> Vec<(String, String, Option<f64>)> {
    import
        .map
        .links
        .iter()
        .map(|l| (l.source.0.clone(), l.target.0.clone(), l.weight))
        .collect()
}

fn w(s: &str, t: &str, weight: f64) -> (String, String, Option<f64>) {
    (s.into(), t.into(), Some(weight))
}

#[test]
fn units_columns_are_read_and_extra_columns_ignored() {
    let import = import("units.csv", "links.csv", Some("work"), false).unwrap();
    let units = &import.map.units;
    let ids: Vec<&str> = units.iter().map(|u| u.id.as_str()).collect();
    assert_eq!(ids, ["fin", "it", "dig", "ops", "cust"]);
    let fin = &units[0];
    assert_eq!(
        (
            fin.name.as_str(),
            fin.kind,
            fin.group.as_deref(),
            fin.headcount,
            fin.lead.as_deref()
        ),
        (
            "Finance",
            UnitKind::Business,
            Some("Corporate"),
            Some(12),
            Some("Ann Lee")
        )
    );
    let kinds: Vec<UnitKind> = units.iter().map(|u| u.kind).collect();
    assert_eq!(
        kinds,
        [
            UnitKind::Business,
            UnitKind::It,
            UnitKind::Digital,
            UnitKind::Business,
            UnitKind::External
        ]
    );
    // "NA" and empty groups mean no group
    assert_eq!(units[3].group, None);
    assert_eq!(units[4].group, None);
    assert_eq!(units[3].headcount, None);
}

#[test]
fn rated_duplicates_are_averaged_self_links_skipped_and_relation_filtered() {
    let import = import("units.csv", "links.csv", Some("work"), false).unwrap();
    assert_eq!(import.relation.as_deref(), Some("work"));
    assert_eq!(import.duplicates_merged, 1);
    let pairs: Vec<(&str, &str)> = import
        .map
        .links
        .iter()
        .map(|l| (l.source.as_str(), l.target.as_str()))
        .collect();
    // it→it is a self-link; fin→ops is in relation "social"
    assert_eq!(
        pairs,
        [("fin", "it"), ("it", "fin"), ("dig", "cust"), ("ops", "it")]
    );
    let fin_it: &Link = &import.map.links[0];
    // (5+3)/2 = 4, (4+2)/2 = 3, (1+2)/2 = 1.5 → 2, (2+3)/2 = 2.5 → 3
    let r = fin_it.ratings;
    assert_eq!(
        (r.frequency, r.why, r.listening, r.trust),
        (Some(4), Some(3), Some(2), Some(3))
    );
    assert_eq!(fin_it.notes, "monthly budget review; second respondent");
    assert_eq!(import.map.links[1].ratings.listening, None);
    assert!(import.map.links[3].ratings.is_unrated());
    assert!(
        import
            .warnings
            .iter()
            .any(|w| w.contains("self-link") && w.contains("lines 6")),
        "{:?}",
        import.warnings
    );
    assert!(import.map.title.contains("(work)"), "{}", import.map.title);
}

#[test]
fn several_relations_without_a_choice_lists_them() {
    let err = import("units.csv", "links.csv", None, false).unwrap_err();
    match &err {
        ImportError::AmbiguousRelation { relations, .. } => {
            assert_eq!(relations, &["work", "social"])
        }
        other => panic!("expected AmbiguousRelation, got {other}"),
    }
    let message = err.to_string();
    assert!(message.contains("--relation"), "{message}");
}

#[test]
fn relation_filter_matches_case_insensitively_and_rejects_unknown_names() {
    let import = import(
        "units_aliases.csv",
        "links_weighted.csv",
        Some("Advice"),
        false,
    )
    .unwrap();
    assert_eq!(import.relation.as_deref(), Some("advice"));
    assert_eq!(weights(&import), [w("a", "b", 5.0), w("b", "a", 2.0)]);
    assert_eq!(import.duplicates_merged, 1);

    let err = self::import(
        "units_aliases.csv",
        "links_weighted.csv",
        Some("cowork"),
        false,
    )
    .unwrap_err()
    .to_string();
    assert!(
        err.contains("no row has relation 'cowork'") && err.contains("advice, friendship"),
        "{err}"
    );

    let err = self::import(
        "units_aliases.csv",
        "links_plain.csv",
        Some("advice"),
        false,
    )
    .unwrap_err()
    .to_string();
    assert!(err.contains("no 'relation' column"), "{err}");
}

#[test]
fn aliases_semicolons_and_decimal_commas_are_accepted() {
    let import = import("units_aliases.csv", "links_aliases.csv", None, false).unwrap();
    let names: Vec<&str> = import.map.units.iter().map(|u| u.name.as_str()).collect();
    assert_eq!(names, ["Alpha", "Beta", "Gamma"]);
    assert_eq!(
        weights(&import),
        [w("a", "b", 2.5), w("b", "a", 2.0), w("a", "c", 0.5)]
    );
    assert_eq!(import.duplicates_merged, 1);
}

#[test]
fn undirected_rows_go_both_ways_and_merge_as_one_tie() {
    let import = import("units_aliases.csv", "links_undirected.csv", None, true).unwrap();
    assert_eq!(
        weights(&import),
        [
            w("a", "b", 3.0),
            w("b", "a", 3.0),
            w("b", "c", 3.0),
            w("c", "b", 3.0)
        ]
    );
    assert_eq!(import.duplicates_merged, 1);
}

#[test]
fn links_without_weights_or_ratings_weigh_one() {
    let import = import("units_aliases.csv", "links_plain.csv", None, false).unwrap();
    assert_eq!(weights(&import), [w("a", "b", 1.0), w("b", "c", 1.0)]);
    assert!(
        import.warnings.iter().any(|w| w.contains("weighs 1")),
        "{:?}",
        import.warnings
    );
}

#[test]
fn the_reader_variant_names_its_inputs() {
    let units = "id,name\na,A\nb,B\n";
    let links = "source,target,weight\na,b,2\nb,x,1\n";
    let err = import_csv_reader(
        units.as_bytes(),
        "u",
        links.as_bytes(),
        "l",
        &CsvOptions::default(),
    )
    .unwrap_err();
    assert_eq!(
        err.to_string(),
        "l line 3: target 'x' is not a unit id in the units file — add the unit there or fix the id"
    );
    let ok = import_csv_reader(
        units.as_bytes(),
        "u",
        "source,target,weight\na,b,2\n".as_bytes(),
        "l",
        &CsvOptions::default(),
    )
    .unwrap();
    assert_eq!(ok.map.links, vec![Link::weighted("a", "b", 2.0)]);
}

/// Each bad file: `(units file, links file, expected start of the message)`.
/// The file name and line come first, then the problem.
const BAD: &[(&str, &str, &str)] = &[
    (
        "empty.csv",
        "links_plain.csv",
        "empty.csv: the file is empty",
    ),
    (
        "blank.csv",
        "links_plain.csv",
        "blank.csv: the file is empty",
    ),
    (
        "units_no_id.csv",
        "links_plain.csv",
        "units_no_id.csv line 1: missing column 'id'",
    ),
    (
        "units_duplicate_id.csv",
        "links_plain.csv",
        "units_duplicate_id.csv line 4: unit id 'a' is already used on line 2",
    ),
    (
        "units_bad_kind.csv",
        "links_plain.csv",
        "units_bad_kind.csv line 3: kind 'robot' is not known",
    ),
    (
        "units_bad_headcount.csv",
        "links_plain.csv",
        "units_bad_headcount.csv line 3: headcount 'twelve' is not a whole number",
    ),
    (
        "units_empty_id.csv",
        "links_plain.csv",
        "units_empty_id.csv line 3: the id is empty",
    ),
    (
        "units_latin1.csv",
        "links_plain.csv",
        "units_latin1.csv line 3: the text is not UTF-8",
    ),
    (
        "units_is_json.csv",
        "links_plain.csv",
        "units_is_json.csv line 1: this looks like JSON, not CSV",
    ),
    (
        "units_is_xlsx.csv",
        "links_plain.csv",
        "units_is_xlsx.csv: this is a ZIP container (an Excel .xlsx",
    ),
    (
        "units_is_sqlite.csv",
        "links_plain.csv",
        "units_is_sqlite.csv: this is an SQLite database",
    ),
    (
        "binary.csv",
        "links_plain.csv",
        "binary.csv: this is a binary file",
    ),
    (
        "units_graphml.csv",
        "links_plain.csv",
        "units_graphml.csv line 1: this looks like XML",
    ),
    (
        "units_aliases.csv",
        "empty.csv",
        "empty.csv: the file is empty",
    ),
    (
        "units_aliases.csv",
        "links_no_target.csv",
        "links_no_target.csv line 1: missing column 'target' or 'to'",
    ),
    (
        "units_aliases.csv",
        "links_unknown_unit.csv",
        "links_unknown_unit.csv line 3: target 'zz' is not a unit id",
    ),
    (
        "units_aliases.csv",
        "links_bad_weight.csv",
        "links_bad_weight.csv line 3: weight '-2' is not a number ≥ 0",
    ),
    (
        "units_aliases.csv",
        "links_text_weight.csv",
        "links_text_weight.csv line 2: weight 'lots' is not a number",
    ),
    (
        "units_aliases.csv",
        "links_bad_rating.csv",
        "links_bad_rating.csv line 3: trust rating '7' is not a whole number 0–5",
    ),
    (
        "units_aliases.csv",
        "links_empty_source.csv",
        "links_empty_source.csv line 3: the source is empty",
    ),
    (
        "units_aliases.csv",
        "no_such_file.csv",
        "no_such_file.csv: no such file",
    ),
    (
        "units_aliases.csv",
        "links_weight_overflow.csv",
        "links_weight_overflow.csv line 4: the weights of a → b add up to more than the largest number",
    ),
];

#[test]
fn bad_files_are_rejected_with_file_line_and_problem() {
    for (units, links, expected) in BAD {
        let err = import(units, links, None, false).unwrap_err().to_string();
        let dir = fixture("").display().to_string();
        let relative = err.strip_prefix(&dir).unwrap_or(&err);
        assert!(
            relative.starts_with(expected),
            "{units} + {links}:\n  got      {relative:?}\n  expected {expected:?}…"
        );
    }
}
