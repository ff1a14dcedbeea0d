//! The `recimap` binary, run as a user runs it: the demo → analyze round
//! trip, `analyze --json` on the Lazega law-firm advice network against the
//! NetworkX reference figures, and bad inputs that must each exit 2 with a
//! message naming the file, the line and the problem — never a panic.

use std::process::{Command, Output};

use serde_json::Value;

use crate::fixtures;

fn recimap(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_recimap"))
        .args(args)
        .env("RUST_BACKTRACE", "1")
        .output()
        .expect("the recimap binary runs")
}

fn fixture(rel: &str) -> String {
    fixtures().join(rel).display().to_string()
}

fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).expect("stdout is UTF-8")
}

fn stderr(out: &Output) -> String {
    String::from_utf8(out.stderr.clone()).expect("stderr is UTF-8")
}

fn ok_json(args: &[&str]) -> Value {
    let out = recimap(args);
    assert!(out.status.success(), "{args:?} failed: {}", stderr(&out));
    serde_json::from_slice(&out.stdout).expect("--json prints JSON")
}

#[test]
fn demo_then_analyze_round_trip() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("demo.json");
    let file = file.to_str().unwrap();

    let written = recimap(&["demo", "-o", file]);
    assert!(written.status.success(), "{}", stderr(&written));
    let printed = recimap(&["demo"]);
    assert_eq!(
        std::fs::read_to_string(file).unwrap(),
        stdout(&printed),
        "demo -o and demo to stdout write the same map"
    );

    // The CLI's JSON is the library's analysis of the demo map, serialised.
    let analysis = ok_json(&["analyze", file, "--json"]);
    let expected =
        serde_json::to_value(recimap_core::analyze(&recimap_core::demo::demo_map())).unwrap();
    assert_eq!(analysis, expected);

    // The keys that scripts rely on (issue 2, item 6).
    for pointer in [
        "/organisation/weighted_reciprocity",
        "/organisation/dyadic_reciprocity",
        "/organisation/rho",
        "/organisation/density",
        "/organisation/ei_index",
        "/organisation/modularity",
        "/components/weak",
        "/components/strong",
        "/articulation_points",
        "/bridges",
        "/units/0/id",
        "/units/0/name",
        "/units/0/reciprocity",
        "/units/0/betweenness",
        "/units/0/reciprocated_strength",
        "/units/0/unreciprocated_out",
        "/units/0/unreciprocated_in",
        "/units/0/community",
        "/groups/0/name",
        "/groups/0/ei_index",
        "/groups/0/ei_out",
        "/groups/0/ei_in",
        "/communities/0/0",
        "/findings/0/kind",
        "/findings/0/severity",
        "/findings/0/units",
        "/findings/0/message",
    ] {
        assert!(
            analysis.pointer(pointer).is_some(),
            "--json lacks {pointer}"
        );
    }

    // The readable report: the map's title, each section, the top finding.
    let report = recimap(&["analyze", file]);
    assert!(report.status.success(), "{}", stderr(&report));
    let text = stdout(&report);
    let title = recimap_core::demo::demo_map().title;
    assert!(text.starts_with(&title), "{text}");
    for section in [
        "ORGANISATION",
        "Two-way links",
        "GROUPS",
        "FINDINGS",
        "SINGLE POINTS OF FAILURE",
        "STRUCTURE",
    ] {
        assert!(
            text.contains(section),
            "the report lacks {section}:\n{text}"
        );
    }
    let top_finding = analysis["findings"][0]["message"].as_str().unwrap();
    let first_words: String = top_finding
        .split_whitespace()
        .take(4)
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        text.contains(&first_words),
        "the report lacks the top finding {first_words:?}"
    );
}

fn close(actual: &Value, expected: f64, what: &str) {
    let actual = actual
        .as_f64()
        .unwrap_or_else(|| panic!("{what} is {actual}, expected {expected}"));
    assert!(
        (actual - expected).abs() <= 1e-6,
        "{what}: {actual} vs reference {expected}"
    );
}

#[test]
fn analyze_csv_json_matches_the_networkx_reference_for_lazega_advice() {
    let reference: Value = serde_json::from_str(
        &std::fs::read_to_string(fixture("data/reference/lazega_lawfirm.json")).unwrap(),
    )
    .unwrap();
    let r = &reference["relations"]["advice"];
    let a = ok_json(&[
        "analyze",
        "--units",
        &fixture("data/lazega_lawfirm/nodes.csv"),
        "--links",
        &fixture("data/lazega_lawfirm/edges.csv"),
        "--relation",
        "advice",
        "--json",
    ]);
    let o = &a["organisation"];
    assert_eq!(o["units"], r["n_nodes"]);
    assert_eq!(o["links"], r["n_edges"]);
    assert_eq!(o["mutual_pairs"], r["mutual_dyads"]);
    close(
        &o["weighted_reciprocity"],
        r["weighted_reciprocity"].as_f64().unwrap(),
        "weighted_reciprocity",
    );
    close(
        &o["dyadic_reciprocity"],
        r["overall_reciprocity"].as_f64().unwrap(),
        "dyadic_reciprocity",
    );
    close(&o["density"], r["density"].as_f64().unwrap(), "density");
    close(
        &o["ei_index"],
        r["ei_index"]["network"]["EI"].as_f64().unwrap(),
        "ei_index",
    );
    let modularity = o["modularity"].as_f64().unwrap();
    let nx_modularity = r["louvain"]["modularity"].as_f64().unwrap();
    assert!(
        modularity >= nx_modularity - 0.02,
        "modularity {modularity} vs NetworkX {nx_modularity}"
    );

    assert_eq!(
        a["components"]["weak"].as_array().unwrap().len() as u64,
        r["weakly_connected_components"].as_u64().unwrap()
    );
    assert_eq!(
        a["components"]["strong"].as_array().unwrap().len() as u64,
        r["strongly_connected_components"].as_u64().unwrap()
    );
    assert_eq!(
        a["articulation_points"],
        r["articulation_points_undirected"]
    );
    assert_eq!(
        a["isolates"].as_array().unwrap().len() as u64,
        r["isolated_nodes"].as_u64().unwrap()
    );

    let units = a["units"].as_array().unwrap();
    let by_id = |id: &str| {
        units
            .iter()
            .find(|u| u["id"] == id)
            .unwrap_or_else(|| panic!("no unit {id}"))
    };
    for (id, expected) in r["node_reciprocity"].as_object().unwrap() {
        match expected.as_f64() {
            Some(x) => close(
                &by_id(id)["reciprocity"],
                x,
                &format!("reciprocity of {id}"),
            ),
            None => assert!(
                by_id(id)["reciprocity"].is_null(),
                "reciprocity of {id} should be null"
            ),
        }
    }
    for top in r["betweenness_top5"].as_array().unwrap() {
        let id = top[0].as_str().unwrap();
        close(
            &by_id(id)["betweenness"],
            top[1].as_f64().unwrap(),
            &format!("betweenness of {id}"),
        );
    }

    let groups = a["groups"].as_array().unwrap();
    let reference_groups = r["ei_index"]["groups"].as_object().unwrap();
    assert_eq!(groups.len(), reference_groups.len());
    for (name, g) in reference_groups {
        let ours = groups
            .iter()
            .find(|x| x["name"] == name.as_str())
            .unwrap_or_else(|| panic!("no group {name}"));
        close(
            &ours["ei_index"],
            g["EI"].as_f64().unwrap(),
            &format!("E-I of {name}"),
        );
        close(
            &ours["ei_out"],
            g["EI_out"].as_f64().unwrap(),
            &format!("E-I out of {name}"),
        );
        close(
            &ours["ei_in"],
            g["EI_in"].as_f64().unwrap(),
            &format!("E-I in of {name}"),
        );
    }
}

/// Bad inputs for `recimap analyze`: `(arguments, fragments the message must
/// contain)`. `{csv}` stands for tests/fixtures/csv, `{tmp}` for a temporary
/// folder holding the generated JSON cases below.
const BAD: &[(&[&str], &[&str])] = &[
    (
        &["analyze", "{tmp}/missing.json"],
        &["missing.json", "no such file"],
    ),
    (&["analyze", "{tmp}"], &["is a folder"]),
    (
        &["analyze", "{csv}/empty.csv"],
        &["empty.csv", "the file is empty"],
    ),
    (
        &["analyze", "{tmp}/truncated.json"],
        &["truncated.json line ", "the JSON ends too early"],
    ),
    (
        &["analyze", "{tmp}/syntax.json"],
        &["syntax.json line 3, column ", "not valid JSON"],
    ),
    (
        &["analyze", "{tmp}/shape.json"],
        &["shape.json line 1, column ", "not a Recimap map"],
    ),
    (
        &["analyze", "{tmp}/unknown_unit.json"],
        &[
            "unknown_unit.json",
            "names unit 'ghost', which is not on the map",
        ],
    ),
    (
        &["analyze", "{csv}/units.csv"],
        &["units.csv line 1", "not JSON", "--units"],
    ),
    (
        &["analyze", "{csv}/units_is_xlsx.csv"],
        &["units_is_xlsx.csv", "Excel"],
    ),
    (
        &["analyze", "{csv}/binary.csv"],
        &["binary.csv", "binary file"],
    ),
    (
        &["analyze", "{csv}/units_latin1.csv"],
        &["units_latin1.csv line 1", "not JSON"],
    ),
    (
        &["analyze", "{csv}/units_is_sqlite.csv"],
        &["units_is_sqlite.csv"],
    ),
    (
        &[
            "analyze",
            "--units",
            "{csv}/units_no_id.csv",
            "--links",
            "{csv}/links_plain.csv",
        ],
        &["units_no_id.csv line 1", "missing column 'id'"],
    ),
    (
        &[
            "analyze",
            "--units",
            "{csv}/units_aliases.csv",
            "--links",
            "{csv}/links_unknown_unit.csv",
        ],
        &["links_unknown_unit.csv line 3", "'zz' is not a unit id"],
    ),
    (
        &[
            "analyze",
            "--units",
            "{csv}/units_aliases.csv",
            "--links",
            "{csv}/links_text_weight.csv",
        ],
        &[
            "links_text_weight.csv line 2",
            "weight 'lots' is not a number",
        ],
    ),
    (
        &[
            "analyze",
            "--units",
            "{csv}/units_latin1.csv",
            "--links",
            "{csv}/links_plain.csv",
        ],
        &["units_latin1.csv line 3", "not UTF-8"],
    ),
    (
        &[
            "analyze",
            "--units",
            "{csv}/units_is_json.csv",
            "--links",
            "{csv}/links_plain.csv",
        ],
        &["units_is_json.csv line 1", "looks like JSON"],
    ),
    (
        &[
            "analyze",
            "--units",
            "{csv}/empty.csv",
            "--links",
            "{csv}/links_plain.csv",
        ],
        &["empty.csv", "empty"],
    ),
    (
        &[
            "analyze",
            "--units",
            "{csv}/units.csv",
            "--links",
            "{csv}/links.csv",
        ],
        &["links.csv holds 2 relations (work, social)", "--relation"],
    ),
    (
        &[
            "analyze",
            "--units",
            "{csv}/units.csv",
            "--links",
            "{csv}/links.csv",
            "--relation",
            "advice",
        ],
        &["links.csv", "no row has relation 'advice'", "work, social"],
    ),
    (&["analyze"], &["required"]),
    (
        &[
            "analyze",
            "{tmp}/x.json",
            "--units",
            "{csv}/units.csv",
            "--links",
            "{csv}/links.csv",
        ],
        &["cannot be used with"],
    ),
    (&["analyze", "--units", "{csv}/units.csv"], &["--links"]),
    (&["demo", "-o", "{tmp}/demo.recimap"], &["recimap new"]),
    (
        &["demo", "-o", "{tmp}/no/such/folder/demo.json"],
        &["demo.json", "cannot be written"],
    ),
    (&["frobnicate"], &["unrecognized subcommand"]),
];

#[test]
fn bad_inputs_exit_2_with_file_line_and_problem_and_never_panic() {
    let tmp = tempfile::tempdir().unwrap();
    let demo = String::from_utf8(recimap(&["demo"]).stdout).unwrap();
    let cases = [
        ("truncated.json", demo[..demo.len() / 2].to_owned()),
        (
            "syntax.json",
            "{\n  \"title\": \"x\",\n  \"units\": [,]\n}".to_owned(),
        ),
        ("shape.json", "{\"units\": {\"id\": \"a\"}}".to_owned()),
        ("unknown_unit.json", {
            let mut map = recimap_core::demo::demo_map();
            map.links[0].target = recimap_core::UnitId::from("ghost");
            serde_json::to_string_pretty(&map).unwrap()
        }),
    ];
    for (name, text) in &cases {
        std::fs::write(tmp.path().join(name), text).unwrap();
    }
    let tmp_dir = tmp.path().display().to_string();
    let csv_dir = fixture("csv");
    for (args, fragments) in BAD {
        let args: Vec<String> = args
            .iter()
            .map(|a| a.replace("{tmp}", &tmp_dir).replace("{csv}", &csv_dir))
            .collect();
        let argv: Vec<&str> = args.iter().map(String::as_str).collect();
        let out = recimap(&argv);
        let err = stderr(&out);
        assert_eq!(
            out.status.code(),
            Some(2),
            "{argv:?} should exit 2; stderr: {err}"
        );
        assert!(
            out.stdout.is_empty(),
            "{argv:?} printed to stdout: {}",
            stdout(&out)
        );
        for fragment in *fragments {
            assert!(
                err.contains(fragment),
                "{argv:?}: {err:?} should contain {fragment:?}"
            );
        }
        for forbidden in ["panicked", "backtrace", "RUST_BACKTRACE", "internal error"] {
            assert!(!err.contains(forbidden), "{argv:?}: {err}");
        }
    }
}

#[test]
fn csv_import_notes_go_to_stderr_and_the_json_stays_clean() {
    let out = recimap(&[
        "analyze",
        "--units",
        &fixture("csv/units.csv"),
        "--links",
        &fixture("csv/links.csv"),
        "--relation",
        "work",
        "--json",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let notes = stderr(&out);
    assert!(
        notes.contains("recimap: merged 1 duplicate row(s)"),
        "{notes}"
    );
    assert!(notes.contains("self-link"), "{notes}");
    let analysis: Value = serde_json::from_slice(&out.stdout).expect("stdout is only the JSON");
    assert_eq!(analysis["organisation"]["units"], 5);
    assert_eq!(analysis["organisation"]["links"], 4);
}
