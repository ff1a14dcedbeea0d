//! What the rules share: lookups over the map and its figures ([`Context`]),
//! the wording helpers (numbers, lists, possessives) and the caps that keep
//! large imported maps to a readable number of findings.

use std::collections::HashMap;

use super::{Figure, Finding, FindingKind, MAX_PER_KIND, rank_signal};
use crate::analysis::Figures;
use crate::model::{Link, Map, Unit, UnitId, UnitKind};

/// Lookups shared by the rules.
pub(super) struct Context<'a> {
    pub map: &'a Map,
    pub analysis: &'a Figures,
    pub units: HashMap<&'a UnitId, &'a Unit>,
    pub scores: HashMap<&'a UnitId, &'a crate::analysis::UnitScores>,
    /// Indices into `map.links` of the links that touch each unit.
    pub links_of: HashMap<&'a UnitId, Vec<usize>>,
    /// Whether every link is rated rather than raw-weighted (strengths read "x/5").
    pub rated: bool,
    pub has_tech: bool,
}

impl<'a> Context<'a> {
    pub(super) fn new(map: &'a Map, analysis: &'a Figures) -> Self {
        let mut links_of: HashMap<&UnitId, Vec<usize>> = HashMap::new();
        for (i, l) in map.links.iter().enumerate() {
            links_of.entry(&l.source).or_default().push(i);
            links_of.entry(&l.target).or_default().push(i);
        }
        Context {
            map,
            analysis,
            units: map.units.iter().map(|u| (&u.id, u)).collect(),
            scores: analysis.units.iter().map(|u| (&u.id, u)).collect(),
            links_of,
            rated: map.links.iter().all(|l| l.weight.is_none()),
            has_tech: map.units.iter().any(|u| u.kind.is_technology()),
        }
    }

    pub(super) fn name<'s>(&'s self, id: &'s UnitId) -> &'s str {
        self.units.get(id).map_or(id.as_str(), |u| u.name.as_str())
    }

    /// The link `source → target`, if the map has it.
    pub(super) fn link(&self, source: &UnitId, target: &UnitId) -> Option<&'a Link> {
        self.links_of
            .get(source)?
            .iter()
            .map(|&i| &self.map.links[i])
            .find(|l| &l.source == source && &l.target == target)
    }

    pub(super) fn kind(&self, id: &UnitId) -> UnitKind {
        self.units.get(id).map_or(UnitKind::Business, |u| u.kind)
    }

    pub(super) fn strength(&self, value: f64) -> String {
        if self.rated {
            format!("{}/5", number(value))
        } else {
            number(value)
        }
    }

    pub(super) fn names(&self, ids: &[UnitId]) -> String {
        list(ids.iter().map(|id| self.name(id).to_owned()).collect())
    }
}

/// A number with at most two decimals and no trailing zeros.
pub(super) fn number(value: f64) -> String {
    let s = format!("{value:.2}");
    s.trim_end_matches('0').trim_end_matches('.').to_owned()
}

/// "Finance's", "Data & Analytics'".
pub(super) fn possessive(name: &str) -> String {
    if name.ends_with('s') {
        format!("{name}'")
    } else {
        format!("{name}'s")
    }
}

/// "A", "A and B", "A, B and C".
pub(super) fn list(mut items: Vec<String>) -> String {
    match items.len() {
        0 => String::new(),
        1 => items.remove(0),
        _ => {
            let last = items.pop().unwrap_or_default();
            format!("{} and {last}", items.join(", "))
        }
    }
}

pub(super) fn key(kind: FindingKind, ids: &[&UnitId]) -> String {
    let mut key = String::from(kind.as_str());
    key.push(':');
    for (i, id) in ids.iter().enumerate() {
        if i > 0 {
            key.push(',');
        }
        key.push_str(id.as_str());
    }
    key
}

pub(super) fn figure(name: &str, value: f64) -> Figure {
    Figure {
        name: name.to_owned(),
        value,
    }
}

/// Keeps the [`MAX_PER_KIND`] most important findings (severity, then signal,
/// then key) and notes how many more there were in the last one kept.
pub(super) fn capped(mut findings: Vec<Finding>) -> Vec<Finding> {
    findings.sort_by(|a, b| {
        a.severity
            .cmp(&b.severity)
            .then(rank_signal(b).total_cmp(&rank_signal(a)))
            .then_with(|| a.key.cmp(&b.key))
    });
    let more = findings.len().saturating_sub(MAX_PER_KIND);
    findings.truncate(MAX_PER_KIND);
    note_more(&mut findings, more);
    findings
}

/// Appends "(N more like this …)" to the last finding when some were left out.
pub(super) fn note_more(findings: &mut [Finding], more: usize) {
    if let (true, Some(last)) = (more > 0, findings.last_mut()) {
        last.message
            .push_str(&format!(" ({more} more like this are not listed.)"));
    }
}

/// The [`MAX_PER_KIND`] first candidates in `order`, and how many were left
/// out. Selecting before formatting keeps large imported maps fast: only the
/// findings that are shown get their text written.
pub(super) fn top<T>(
    mut candidates: Vec<T>,
    order: impl Fn(&T, &T) -> std::cmp::Ordering,
) -> (Vec<T>, usize) {
    let more = candidates.len().saturating_sub(MAX_PER_KIND);
    if more > 0 {
        candidates.select_nth_unstable_by(MAX_PER_KIND - 1, &order);
        candidates.truncate(MAX_PER_KIND);
    }
    candidates.sort_by(order);
    (candidates, more)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_and_lists_read_naturally() {
        let cases = [
            (4.5, "4.5"),
            (2.0, "2"),
            (1.754, "1.75"),
            (0.333333, "0.33"),
            (0.0, "0"),
        ];
        for (value, expected) in cases {
            assert_eq!(number(value), expected);
        }
        assert_eq!(list(vec![]), "");
        assert_eq!(list(vec!["A".into()]), "A");
        assert_eq!(list(vec!["A".into(), "B".into(), "C".into()]), "A, B and C");
    }
}
