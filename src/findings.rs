//! Findings: the analysis turned into ranked, plain-language statements, each
//! pointing at the units and links it is about, the figure that triggered it,
//! and a small concrete recommendation in the spirit of "start small".
//!
//! [`find`] is pure: it reads a map and its [`Analysis`] and returns findings
//! in a deterministic order (severity, then kind, then how strong the signal
//! is, then key). Every rule and threshold is a documented constant below, so
//! a reader can tell why a finding appeared.

use std::collections::{BTreeMap, HashMap, HashSet, VecDeque};

use serde::{Deserialize, Serialize};
#[cfg(feature = "ts")]
use ts_rs::TS;

use crate::analysis::{Analysis, PairScores};
use crate::model::{AmbassadorRole, Map, Unit, UnitId, UnitKind};

/// One finding.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(TS), ts(export))]
pub struct Finding {
    /// Stable key (kind and the ids it is about), used to hide a finding from a deck.
    pub key: String,
    pub kind: FindingKind,
    pub severity: Severity,
    pub units: Vec<UnitId>,
    /// Links `[source, target]` the finding is about.
    pub links: Vec<(UnitId, UnitId)>,
    /// The figure that triggered it.
    pub figure: Figure,
    pub message: String,
    pub recommendation: String,
}

/// A named figure and its value, e.g. `balance = 0.25`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(TS), ts(export))]
pub struct Figure {
    pub name: String,
    pub value: f64,
}

/// What a finding is about. The order is the tie-break order within a severity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(TS), ts(export))]
#[serde(rename_all = "snake_case")]
pub enum FindingKind {
    /// One side of a relationship tells, the other does not answer.
    OneWayRelationship,
    /// A group that keeps to itself, or has no two-way tie to IT or digital.
    SiloGroup,
    /// The digital team's two-way ties to the business are all in one group.
    DigitalInOneSilo,
    /// A business unit with no two-way tie to IT or digital.
    NoTechTie,
    /// A unit whose removal cuts others off (articulation point).
    SinglePointOfFailure,
    /// An IT or digital unit many requests go through, or that is told more than it answers.
    TechBottleneck,
    /// Business units with no ambassador, or ambassadors missing a role.
    AmbassadorGap,
    /// A unit with no relationship at all.
    IsolatedUnit,
    /// Little of the organisation's communication is returned.
    LowReciprocity,
    /// The map falls apart into separate parts.
    DisconnectedMap,
}

impl FindingKind {
    /// The snake_case name used in JSON and in finding keys.
    pub fn as_str(self) -> &'static str {
        match self {
            FindingKind::OneWayRelationship => "one_way_relationship",
            FindingKind::SiloGroup => "silo_group",
            FindingKind::DigitalInOneSilo => "digital_in_one_silo",
            FindingKind::NoTechTie => "no_tech_tie",
            FindingKind::SinglePointOfFailure => "single_point_of_failure",
            FindingKind::TechBottleneck => "tech_bottleneck",
            FindingKind::AmbassadorGap => "ambassador_gap",
            FindingKind::IsolatedUnit => "isolated_unit",
            FindingKind::LowReciprocity => "low_reciprocity",
            FindingKind::DisconnectedMap => "disconnected_map",
        }
    }
}

/// Most severe first when sorted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(TS), ts(export))]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    High,
    Medium,
    Low,
}

/// A one-way relationship is high severity when the unheard side tells at
/// least this much (on the 0–5 rating scale: "tells a lot") and IT or digital
/// is the side not answering.
pub const TELLS_A_LOT: f64 = 3.0;
/// A group is a silo when its E-I index (Krackhardt & Stern 1988) is at most
/// this: more of its ties stay inside than go out.
pub const SILO_EI: f64 = -0.2;
/// … and a strong silo (high severity) at or below this.
pub const STRONG_SILO_EI: f64 = -0.5;
/// An IT or digital unit is a bottleneck when its betweenness (normalised, as
/// networkx) is at least this …
pub const BOTTLENECK_BETWEENNESS: f64 = 0.15;
/// … or when at least this share of the strength it receives is not returned
/// (unreciprocated in / strength in, Squartini et al. 2013), with at least
/// [`BOTTLENECK_MIN_IN_LINKS`] incoming links.
pub const BOTTLENECK_UNRECIPROCATED_SHARE: f64 = 0.35;
pub const BOTTLENECK_MIN_IN_LINKS: usize = 3;
/// The organisation's weighted reciprocity below which a finding is raised …
pub const LOW_RECIPROCITY: f64 = 0.6;
/// … and below which it is high severity.
pub const VERY_LOW_RECIPROCITY: f64 = 0.4;
/// At most this many findings of one kind are listed one by one (large imported
/// networks would otherwise give thousands); the rest are counted in the last one.
pub const MAX_PER_KIND: usize = 8;

/// The findings for a map and its analysis, ranked.
pub fn find(map: &Map, analysis: &Analysis) -> Vec<Finding> {
    let ctx = Context::new(map, analysis);
    let mut findings = Vec::new();
    findings.extend(one_way(&ctx));
    findings.extend(silos_and_tech_ties(&ctx));
    findings.extend(digital_in_one_silo(&ctx));
    findings.extend(single_points_of_failure(&ctx));
    findings.extend(tech_bottlenecks(&ctx));
    findings.extend(ambassador_gaps(&ctx));
    findings.extend(isolates(&ctx));
    findings.extend(organisation(&ctx));
    findings.sort_by(|a, b| {
        (a.severity, a.kind)
            .cmp(&(b.severity, b.kind))
            .then(rank_signal(b).total_cmp(&rank_signal(a)))
            .then_with(|| a.key.cmp(&b.key))
    });
    findings
}

/// How strong a finding's signal is, for ordering within a kind (higher first).
fn rank_signal(f: &Finding) -> f64 {
    match f.kind {
        // low balance, E-I, reciprocity: lower is worse
        FindingKind::OneWayRelationship | FindingKind::SiloGroup | FindingKind::LowReciprocity => {
            -f.figure.value
        }
        _ => f.figure.value,
    }
}

/// Lookups shared by the rules.
struct Context<'a> {
    map: &'a Map,
    analysis: &'a Analysis,
    units: HashMap<&'a UnitId, &'a Unit>,
    scores: HashMap<&'a UnitId, &'a crate::analysis::UnitScores>,
    /// Indices into `map.links` of the links that touch each unit.
    links_of: HashMap<&'a UnitId, Vec<usize>>,
    /// Whether every link is rated rather than raw-weighted (strengths read "x/5").
    rated: bool,
    has_tech: bool,
}

impl<'a> Context<'a> {
    fn new(map: &'a Map, analysis: &'a Analysis) -> Self {
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

    fn name<'s>(&'s self, id: &'s UnitId) -> &'s str {
        self.units.get(id).map_or(id.as_str(), |u| u.name.as_str())
    }

    fn kind(&self, id: &UnitId) -> UnitKind {
        self.units.get(id).map_or(UnitKind::Business, |u| u.kind)
    }

    fn strength(&self, value: f64) -> String {
        if self.rated {
            format!("{}/5", number(value))
        } else {
            number(value)
        }
    }

    fn names(&self, ids: &[UnitId]) -> String {
        list(ids.iter().map(|id| self.name(id).to_owned()).collect())
    }
}

/// A number with at most two decimals and no trailing zeros.
fn number(value: f64) -> String {
    let s = format!("{value:.2}");
    s.trim_end_matches('0').trim_end_matches('.').to_owned()
}

/// "Finance's", "Data & Analytics'".
fn possessive(name: &str) -> String {
    if name.ends_with('s') {
        format!("{name}'")
    } else {
        format!("{name}'s")
    }
}

/// "A", "A and B", "A, B and C".
fn list(mut items: Vec<String>) -> String {
    match items.len() {
        0 => String::new(),
        1 => items.remove(0),
        _ => {
            let last = items.pop().unwrap_or_default();
            format!("{} and {last}", items.join(", "))
        }
    }
}

fn key(kind: FindingKind, ids: &[&UnitId]) -> String {
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

fn figure(name: &str, value: f64) -> Figure {
    Figure {
        name: name.to_owned(),
        value,
    }
}

/// Keeps the [`MAX_PER_KIND`] most important findings (severity, then signal,
/// then key) and notes how many more there were in the last one kept.
fn capped(mut findings: Vec<Finding>) -> Vec<Finding> {
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
fn note_more(findings: &mut [Finding], more: usize) {
    if let (true, Some(last)) = (more > 0, findings.last_mut()) {
        last.message
            .push_str(&format!(" ({more} more like this are not listed.)"));
    }
}

/// The [`MAX_PER_KIND`] first candidates in `order`, and how many were left
/// out. Selecting before formatting keeps large imported maps fast: only the
/// findings that are shown get their text written.
fn top<T>(mut candidates: Vec<T>, order: impl Fn(&T, &T) -> std::cmp::Ordering) -> (Vec<T>, usize) {
    let more = candidates.len().saturating_sub(MAX_PER_KIND);
    if more > 0 {
        candidates.select_nth_unstable_by(MAX_PER_KIND - 1, &order);
        candidates.truncate(MAX_PER_KIND);
    }
    candidates.sort_by(order);
    (candidates, more)
}

/// One-way relationships: pairs the analysis marks `unheard` (balance below
/// [`crate::analysis::UNHEARD_BALANCE`]).
/// High when IT or digital is the side that does not answer and the other side
/// tells at least [`TELLS_A_LOT`]; low when even the telling side is weak.
fn one_way(ctx: &Context) -> Vec<Finding> {
    let candidates: Vec<(Severity, f64, &PairScores, &UnitId)> = ctx
        .analysis
        .pairs
        .iter()
        .filter_map(|pair| {
            let teller = pair.unheard.as_ref()?;
            let (told, told_strength, _) = sides(pair, teller);
            let silent_is_tech = ctx.kind(told).is_technology();
            let severity = if silent_is_tech && (!ctx.rated || told_strength >= TELLS_A_LOT) {
                Severity::High
            } else if ctx.rated && told_strength < 2.0 {
                Severity::Low
            } else {
                Severity::Medium
            };
            Some((severity, pair.balance.unwrap_or(0.0), pair, teller))
        })
        .collect();
    let (kept, more) = top(candidates, |a, b| {
        (a.0.cmp(&b.0))
            .then(a.1.total_cmp(&b.1))
            .then_with(|| (&a.2.a, &a.2.b).cmp(&(&b.2.a, &b.2.b)))
    });
    let mut out = Vec::new();
    for (severity, balance, pair, teller) in kept {
        let (told, told_strength, answer) = sides(pair, teller);
        let silent_is_tech = ctx.kind(told).is_technology();
        let (t, s) = (ctx.name(teller), ctx.name(told));
        let message = match answer {
            Some(back) => format!(
                "{t} → {s} is rated {}, but {s} → {t} only {}: {t} tells without being heard.",
                ctx.strength(told_strength),
                ctx.strength(back)
            ),
            None => format!(
                "{t} → {s} is rated {}, but nothing comes back from {s}: {t} tells without being heard.",
                ctx.strength(told_strength)
            ),
        };
        let recommendation = if silent_is_tech {
            format!(
                "Run a listening session: {s} visits {t} to hear the why behind its requests, then agrees one small joint project."
            )
        } else {
            format!(
                "Ask {s} to brief {t} on its own priorities, and agree one thing each side will do for the other this quarter."
            )
        };
        let mut links = vec![(teller.clone(), told.clone())];
        if answer.is_some() {
            links.push((told.clone(), teller.clone()));
        }
        out.push(Finding {
            key: key(FindingKind::OneWayRelationship, &[teller, told]),
            kind: FindingKind::OneWayRelationship,
            severity,
            units: vec![teller.clone(), told.clone()],
            links,
            figure: figure("balance", balance),
            message,
            recommendation,
        });
    }
    note_more(&mut out, more);
    out
}

/// `(the silent side, the teller's strength, the answer's strength)` of a one-sided pair.
fn sides<'p>(pair: &'p PairScores, teller: &UnitId) -> (&'p UnitId, f64, Option<f64>) {
    if &pair.a == teller {
        (&pair.b, pair.a_to_b.unwrap_or(0.0), pair.b_to_a)
    } else {
        (&pair.a, pair.b_to_a.unwrap_or(0.0), pair.a_to_b)
    }
}

/// Silo groups (E-I at most [`SILO_EI`]), groups whose business units all lack a
/// two-way tie to IT or digital, and the remaining single business units
/// without one ([`FindingKind::NoTechTie`]). Only on maps that have IT or
/// digital units for the tie rules.
fn silos_and_tech_ties(ctx: &Context) -> Vec<Finding> {
    let mut out = Vec::new();
    let mut covered: HashSet<&UnitId> = HashSet::new();
    let linked: HashSet<&UnitId> = ctx.links_of.keys().copied().collect();
    let mut silo_groups = Vec::new();
    for group in &ctx.analysis.groups {
        if group.units.len() < 2 {
            continue;
        }
        let name = &group.name;
        if let Some(ei) = group.ei_index.filter(|ei| *ei <= SILO_EI) {
            let ids: Vec<&UnitId> = group.units.iter().collect();
            silo_groups.push(Finding {
                key: key(FindingKind::SiloGroup, &ids),
                kind: FindingKind::SiloGroup,
                severity: if ei <= STRONG_SILO_EI { Severity::High } else { Severity::Medium },
                units: group.units.clone(),
                links: Vec::new(),
                figure: figure("ei_index", ei),
                message: format!(
                    "{name} keeps to itself: {} of its ties stay inside the group and {} go out (E-I index {}).",
                    group.internal_ties,
                    group.external_ties,
                    number(ei)
                ),
                recommendation: format!(
                    "Start small: pick one joint project between {name} and a neighbouring group, with one person from each side."
                ),
            });
        }
        if !ctx.has_tech {
            continue;
        }
        let business: Vec<&UnitId> = group
            .units
            .iter()
            .filter(|id| ctx.kind(id) == UnitKind::Business && linked.contains(id))
            .collect();
        let untied: Vec<&UnitId> = business
            .iter()
            .copied()
            .filter(|id| !tech_tie(ctx, id))
            .collect();
        if business.len() >= 2 && untied.len() == business.len() {
            covered.extend(untied.iter().copied());
            let ids: Vec<UnitId> = untied.iter().map(|id| (*id).clone()).collect();
            silo_groups.push(Finding {
                key: key(FindingKind::SiloGroup, &untied),
                kind: FindingKind::SiloGroup,
                severity: Severity::High,
                units: ids.clone(),
                links: one_way_tech_links(ctx, &untied),
                figure: figure("reciprocated_tech_ties", 0.0),
                message: format!(
                    "{name} is a silo: none of {} has a two-way relationship with IT or digital.",
                    ctx.names(&ids)
                ),
                recommendation: format!(
                    "Name an ambassador in {name} and start one small joint project with IT, reviewed together every two weeks."
                ),
            });
        }
    }
    out.extend(capped(silo_groups));
    if !ctx.has_tech {
        return out;
    }
    let candidates: Vec<&Unit> = ctx
        .map
        .units
        .iter()
        .filter(|u| {
            u.kind == UnitKind::Business
                && !covered.contains(&u.id)
                && linked.contains(&u.id)
                && !tech_tie(ctx, &u.id)
        })
        .collect();
    let (kept, more) = top(candidates, |a, b| a.id.cmp(&b.id));
    let mut singles = Vec::new();
    for unit in kept {
        let id = &unit.id;
        let one_way = one_way_tech_links(ctx, &[id]);
        let how = if one_way.is_empty() {
            "no relationship at all".to_owned()
        } else {
            let others: Vec<UnitId> = one_way
                .iter()
                .map(|(s, t)| if s == id { t.clone() } else { s.clone() })
                .collect();
            format!("only one-way links (with {})", ctx.names(&others))
        };
        singles.push(Finding {
            key: key(FindingKind::NoTechTie, &[id]),
            kind: FindingKind::NoTechTie,
            severity: Severity::Medium,
            units: vec![id.clone()],
            links: one_way,
            figure: figure("reciprocated_tech_ties", 0.0),
            message: format!("{} has {how} with IT or digital.", unit.name),
            recommendation: format!(
                "Pair {} with one IT or digital person for a month: a short weekly check-in on one live request.",
                unit.name
            ),
        });
    }
    note_more(&mut singles, more);
    out.extend(singles);
    out
}

fn tech_tie(ctx: &Context, id: &UnitId) -> bool {
    ctx.scores.get(id).is_some_and(|u| u.reciprocated_tech_tie)
}

/// The links between these units and IT or digital units (all one-way, since
/// the units have no reciprocated tie).
fn one_way_tech_links(ctx: &Context, ids: &[&UnitId]) -> Vec<(UnitId, UnitId)> {
    let mut links: Vec<(UnitId, UnitId)> = ids
        .iter()
        .flat_map(|id| ctx.links_of.get(id).into_iter().flatten())
        .map(|&i| &ctx.map.links[i])
        .filter(|l| ctx.kind(&l.source).is_technology() != ctx.kind(&l.target).is_technology())
        .map(|l| (l.source.clone(), l.target.clone()))
        .collect();
    links.sort();
    links.dedup();
    links
}

/// The digital units whose two-way ties to business units all fall in a single
/// group: digital work that sits in one silo instead of joining them up.
fn digital_in_one_silo(ctx: &Context) -> Vec<Finding> {
    let business_groups: HashSet<&str> = ctx
        .map
        .units
        .iter()
        .filter(|u| u.kind == UnitKind::Business)
        .filter_map(|u| u.group.as_deref())
        .collect();
    if business_groups.len() < 2 {
        return Vec::new();
    }
    // Two-way partners of each digital unit, by business group, in one pass.
    let mut partners_of: HashMap<&UnitId, BTreeMap<&str, Vec<UnitId>>> = HashMap::new();
    for pair in ctx
        .analysis
        .pairs
        .iter()
        .filter(|p| p.a_to_b.is_some() && p.b_to_a.is_some())
    {
        for (digital, other) in [(&pair.a, &pair.b), (&pair.b, &pair.a)] {
            if ctx.kind(digital) != UnitKind::Digital || ctx.kind(other) != UnitKind::Business {
                continue;
            }
            if let Some(group) = ctx.units.get(other).and_then(|u| u.group.as_deref()) {
                partners_of
                    .entry(digital)
                    .or_default()
                    .entry(group)
                    .or_default()
                    .push(other.clone());
            }
        }
    }
    let mut out = Vec::new();
    for unit in ctx.map.units.iter().filter(|u| u.kind == UnitKind::Digital) {
        let Some(partners) = partners_of.remove(&unit.id) else {
            continue;
        };
        if partners.len() != 1 {
            continue;
        }
        let Some((group, ids)) = partners.into_iter().next() else {
            continue;
        };
        let mut units = vec![unit.id.clone()];
        units.extend(ids.iter().cloned());
        let refs: Vec<&UnitId> = units.iter().collect();
        out.push(Finding {
            key: key(FindingKind::DigitalInOneSilo, &refs),
            kind: FindingKind::DigitalInOneSilo,
            severity: Severity::Medium,
            units: units.clone(),
            links: Vec::new(),
            figure: figure("business_groups_reached", 1.0),
            message: format!(
                "{} two-way relationships with the business are all in {group} ({}): digital sits in one silo instead of joining them up.",
                possessive(&unit.name),
                ctx.names(&ids)
            ),
            recommendation: format!(
                "Give {} one small project with a department outside {group}, chosen with that department's head.",
                unit.name
            ),
        });
    }
    capped(out)
}

/// Articulation points: units whose removal cuts other units off. Only the
/// units with the highest betweenness are examined (at most 4 × MAX_PER_KIND),
/// so the rule stays fast on large imported networks.
fn single_points_of_failure(ctx: &Context) -> Vec<Finding> {
    let index: HashMap<&UnitId, usize> = ctx
        .map
        .units
        .iter()
        .enumerate()
        .map(|(i, u)| (&u.id, i))
        .collect();
    let mut neighbours = vec![Vec::new(); ctx.map.units.len()];
    for l in &ctx.map.links {
        if let (Some(&s), Some(&t)) = (index.get(&l.source), index.get(&l.target)) {
            neighbours[s].push(t);
            neighbours[t].push(s);
        }
    }
    let mut candidates: Vec<&crate::analysis::UnitScores> = ctx
        .analysis
        .units
        .iter()
        .filter(|u| u.articulation_point)
        .collect();
    candidates.sort_by(|a, b| {
        b.betweenness
            .total_cmp(&a.betweenness)
            .then_with(|| a.id.cmp(&b.id))
    });
    candidates.truncate(4 * MAX_PER_KIND);
    let mut out = Vec::new();
    for unit in candidates {
        let Some(&cut) = index.get(&unit.id) else {
            continue;
        };
        let cut_off = cut_off_units(&neighbours, cut);
        if cut_off.is_empty() {
            continue;
        }
        let ids: Vec<UnitId> = cut_off
            .iter()
            .map(|&i| ctx.map.units[i].id.clone())
            .collect();
        let tech =
            ids.iter().any(|id| ctx.kind(id).is_technology()) || ctx.kind(&unit.id).is_technology();
        let mut units = vec![unit.id.clone()];
        units.extend(ids.iter().cloned());
        let shown: Vec<UnitId> = ids.iter().take(5).cloned().collect();
        let others = if ids.len() > shown.len() {
            format!(
                "{} and {} more",
                ctx.names(&shown).replacen(" and ", ", ", 1),
                ids.len() - shown.len()
            )
        } else {
            ctx.names(&shown)
        };
        out.push(Finding {
            key: key(FindingKind::SinglePointOfFailure, &[&unit.id]),
            kind: FindingKind::SinglePointOfFailure,
            severity: if ids.len() >= 2 || tech { Severity::High } else { Severity::Medium },
            units,
            links: Vec::new(),
            figure: figure("units_cut_off", ids.len() as f64),
            message: format!(
                "{} is the only bridge to {others}: if it stops talking, {} cut off from the rest of the organisation.",
                unit.name,
                if ids.len() == 1 { "that unit is" } else { "they are" }
            ),
            recommendation: format!(
                "Give {} a second relationship that does not go through {}: one introduction meeting is a start.",
                ctx.name(&ids[0]),
                unit.name
            ),
        });
    }
    capped(out)
}

/// The units that lose their path to the largest remaining part of their
/// component when `cut` is removed (BFS on the undirected graph).
fn cut_off_units(neighbours: &[Vec<usize>], cut: usize) -> Vec<usize> {
    let mut part = vec![usize::MAX; neighbours.len()];
    part[cut] = 0;
    let mut parts: Vec<Vec<usize>> = Vec::new();
    for &start in &neighbours[cut] {
        if part[start] != usize::MAX {
            continue;
        }
        let id = parts.len() + 1;
        let mut members = vec![start];
        part[start] = id;
        let mut queue = VecDeque::from([start]);
        while let Some(v) = queue.pop_front() {
            for &w in &neighbours[v] {
                if part[w] == usize::MAX {
                    part[w] = id;
                    members.push(w);
                    queue.push_back(w);
                }
            }
        }
        parts.push(members);
    }
    if parts.len() < 2 {
        return Vec::new();
    }
    let largest = (0..parts.len())
        .max_by_key(|&i| (parts[i].len(), std::cmp::Reverse(i)))
        .unwrap_or(0);
    let mut cut_off: Vec<usize> = parts
        .into_iter()
        .enumerate()
        .filter(|(i, _)| *i != largest)
        .flat_map(|(_, p)| p)
        .collect();
    cut_off.sort_unstable();
    cut_off
}

/// IT or digital units that are bottlenecks: high betweenness
/// ([`BOTTLENECK_BETWEENNESS`]) or told much more than they answer
/// ([`BOTTLENECK_UNRECIPROCATED_SHARE`]).
fn tech_bottlenecks(ctx: &Context) -> Vec<Finding> {
    let mut out = Vec::new();
    for unit in ctx.analysis.units.iter().filter(|u| u.kind.is_technology()) {
        let incoming: Vec<&crate::model::Link> = ctx
            .links_of
            .get(&unit.id)
            .into_iter()
            .flatten()
            .map(|&i| &ctx.map.links[i])
            .filter(|l| l.target == unit.id)
            .collect();
        let share = if unit.strength_in > 0.0 {
            unit.unreciprocated_in / unit.strength_in
        } else {
            0.0
        };
        let (name, value, message, recommendation) = if share >= BOTTLENECK_UNRECIPROCATED_SHARE
            && incoming.len() >= BOTTLENECK_MIN_IN_LINKS
        {
            (
                "unreciprocated_in_share",
                share,
                format!(
                    "{} receives {} requests but {:.0}% of what it is told is not returned: it takes orders without explaining back.",
                    unit.name,
                    incoming.len(),
                    share * 100.0
                ),
                format!(
                    "Have {} reply to each department's next request with the why of its own plan, and review three tickets together with the requesters.",
                    unit.name
                ),
            )
        } else if unit.betweenness >= BOTTLENECK_BETWEENNESS {
            (
                "betweenness",
                unit.betweenness,
                format!(
                    "{} sits on {:.0}% of the shortest paths between other units: much of the organisation's communication goes through it.",
                    unit.name,
                    unit.betweenness * 100.0
                ),
                format!(
                    "Let departments talk to each other directly on one topic that now goes through {}.",
                    unit.name
                ),
            )
        } else {
            continue;
        };
        let mut links: Vec<(UnitId, UnitId)> = incoming
            .iter()
            .map(|l| (l.source.clone(), l.target.clone()))
            .collect();
        links.sort();
        out.push(Finding {
            key: key(FindingKind::TechBottleneck, &[&unit.id]),
            kind: FindingKind::TechBottleneck,
            severity: Severity::Medium,
            units: vec![unit.id.clone()],
            links,
            figure: figure(name, value),
            message,
            recommendation,
        });
    }
    capped(out)
}

/// Business units with no ambassador (one finding for all of them: high when
/// more than half of the business units lack one), and units whose
/// ambassadors miss one of the three roles (low).
fn ambassador_gaps(ctx: &Context) -> Vec<Finding> {
    let mut out = Vec::new();
    let without = &ctx.analysis.coverage.without_ambassador;
    let business = ctx
        .map
        .units
        .iter()
        .filter(|u| u.kind == UnitKind::Business)
        .count();
    if !without.is_empty() && ctx.has_tech {
        let shown: Vec<UnitId> = without.iter().take(8).cloned().collect();
        let more = without.len() - shown.len();
        let names = if more > 0 {
            format!("{} and {more} more", ctx.names(&shown))
        } else {
            ctx.names(&shown)
        };
        let refs: Vec<&UnitId> = without.iter().collect();
        out.push(Finding {
            key: key(FindingKind::AmbassadorGap, &refs),
            kind: FindingKind::AmbassadorGap,
            severity: if 2 * without.len() > business { Severity::High } else { Severity::Medium },
            units: without.clone(),
            links: Vec::new(),
            figure: figure("departments_without_ambassador", without.len() as f64),
            message: format!(
                "{} of {business} departments have no IT ambassador: {names}.",
                without.len()
            ),
            recommendation: format!(
                "Name one ambassador in {}: start with a driver who already runs a project with IT.",
                ctx.name(&without[0])
            ),
        });
    }
    let mut partial = Vec::new();
    for missing in &ctx.analysis.coverage.missing_roles {
        let roles: Vec<String> = missing
            .roles
            .iter()
            .map(|r| r.as_str().to_owned())
            .collect();
        let name = ctx.name(&missing.unit);
        partial.push(Finding {
            key: key(FindingKind::AmbassadorGap, &[&missing.unit]),
            kind: FindingKind::AmbassadorGap,
            severity: Severity::Low,
            units: vec![missing.unit.clone()],
            links: Vec::new(),
            figure: figure("missing_roles", roles.len() as f64),
            message: format!(
                "{} ambassadors include no {}.",
                possessive(name),
                list(roles.clone()).replace(" and ", " or ")
            ),
            recommendation: format!(
                "Look in {name} for {}: {}.",
                article(&missing.roles[0]),
                role_hint(missing.roles[0])
            ),
        });
    }
    out.extend(capped(partial));
    out
}

fn article(role: &AmbassadorRole) -> String {
    match role {
        AmbassadorRole::Innovator => "an innovator".to_owned(),
        r => format!("a {}", r.as_str()),
    }
}

fn role_hint(role: AmbassadorRole) -> &'static str {
    match role {
        AmbassadorRole::Strategist => {
            "someone who can explain where the department is going and bring people together"
        }
        AmbassadorRole::Innovator => {
            "someone who questions how things are done today and tries new tools first"
        }
        AmbassadorRole::Driver => "someone who runs projects, budgets and timelines",
    }
}

/// Units with no link at all: one finding each (low for outside parties), or
/// one finding for all when there are more than [`MAX_PER_KIND`].
fn isolates(ctx: &Context) -> Vec<Finding> {
    let ids = &ctx.analysis.isolates;
    if ids.len() > MAX_PER_KIND {
        let refs: Vec<&UnitId> = ids.iter().collect();
        let shown: Vec<UnitId> = ids.iter().take(5).cloned().collect();
        return vec![Finding {
            key: key(FindingKind::IsolatedUnit, &refs),
            kind: FindingKind::IsolatedUnit,
            severity: Severity::Medium,
            units: ids.clone(),
            links: Vec::new(),
            figure: figure("isolated_units", ids.len() as f64),
            message: format!("{} units have no relationship on the map, among them {}.", ids.len(), ctx.names(&shown)),
            recommendation: "Map their relationships in the next workshop, or remove the units that no longer exist."
                .to_owned(),
        }];
    }
    ids.iter()
        .map(|id| {
            let name = ctx.name(id);
            Finding {
                key: key(FindingKind::IsolatedUnit, &[id]),
                kind: FindingKind::IsolatedUnit,
                severity: if ctx.kind(id) == UnitKind::External { Severity::Low } else { Severity::Medium },
                units: vec![id.clone()],
                links: Vec::new(),
                figure: figure("links", 0.0),
                message: format!("{name} has no relationship on the map."),
                recommendation: format!(
                    "Invite {name} to the next workshop and rate its two most important relationships."
                ),
            }
        })
        .collect()
}

/// Organisation-wide: low weighted reciprocity ([`LOW_RECIPROCITY`]) and a map
/// that falls into separate parts (more than one weak component with links).
fn organisation(ctx: &Context) -> Vec<Finding> {
    let mut out = Vec::new();
    let org = &ctx.analysis.organisation;
    if let Some(r) = org.weighted_reciprocity.filter(|r| *r < LOW_RECIPROCITY) {
        out.push(Finding {
            key: "low_reciprocity:organisation".to_owned(),
            kind: FindingKind::LowReciprocity,
            severity: if r < VERY_LOW_RECIPROCITY { Severity::High } else { Severity::Medium },
            units: Vec::new(),
            links: Vec::new(),
            figure: figure("weighted_reciprocity", r),
            message: format!(
                "Only {:.0}% of what units tell each other is returned (weighted reciprocity {}).",
                r * 100.0,
                number(r)
            ),
            recommendation: "Take the three most one-sided relationships below and give each a monthly two-way review."
                .to_owned(),
        });
    }
    let parts: Vec<&Vec<UnitId>> = ctx
        .analysis
        .components
        .weak
        .iter()
        .filter(|c| c.len() > 1)
        .collect();
    if parts.len() > 1 {
        let smaller: Vec<UnitId> = parts[1..].iter().flat_map(|c| c.iter().cloned()).collect();
        out.push(Finding {
            key: "disconnected_map:organisation".to_owned(),
            kind: FindingKind::DisconnectedMap,
            severity: Severity::High,
            units: smaller.clone(),
            links: Vec::new(),
            figure: figure("weak_components", parts.len() as f64),
            message: format!(
                "The map falls into {} separate parts: {} have no path at all to the rest.",
                parts.len(),
                ctx.names(&smaller.iter().take(6).cloned().collect::<Vec<_>>())
            ),
            recommendation:
                "Find one person who can introduce the two sides, and map that relationship."
                    .to_owned(),
        });
    }
    out
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

    #[test]
    fn the_unit_cut_off_is_the_smaller_side() {
        // 0 - 1 - 2 - 3, and 1 - 4: removing 1 leaves {0}, {2, 3}, {4}
        let neighbours = vec![vec![1], vec![0, 2, 4], vec![1, 3], vec![2], vec![1]];
        assert_eq!(cut_off_units(&neighbours, 1), vec![0, 4]);
        assert_eq!(cut_off_units(&neighbours, 2), vec![3]);
        assert_eq!(cut_off_units(&neighbours, 3), Vec::<usize>::new());
    }
}
