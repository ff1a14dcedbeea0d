//! What an edit did, in words for the undo and redo menus: units named by
//! their names (not their ids), and what changed ("rename 'Fin' to
//! 'Finance'", "rate Finance → IT", "set the maturity stage"). Read against
//! the map the edit was applied to.

use super::Edit;
use crate::model::{Link, Map, Unit, UnitId};

/// `edit` as it changes `map`, e.g. "rename unit 'Fin' to 'Finance'".
pub fn describe(edit: &Edit, map: &Map) -> String {
    let name = |id: &UnitId| {
        map.unit(id)
            .map_or_else(|| id.to_string(), |u| u.name.clone())
    };
    match edit {
        Edit::AddUnit { unit } => format!("add unit '{}'", unit.name),
        Edit::UpdateUnit { unit } => match map.unit(&unit.id) {
            Some(old) => unit_change(old, unit),
            None => format!("edit unit '{}'", unit.name),
        },
        Edit::DeleteUnit { id } => format!("delete unit '{}'", name(id)),
        Edit::MoveUnits { moves } if moves.len() == 1 => format!("move '{}'", name(&moves[0].id)),
        Edit::MoveUnits { moves } => format!("move {} units", moves.len()),
        Edit::SetLink { link } => link_change(map, link, &name),
        Edit::DeleteLink { source, target } => {
            format!("delete link {} → {}", name(source), name(target))
        }
        Edit::SetMapInfo {
            title,
            organisation,
            notes,
            maturity,
        } => {
            let mut what = Vec::new();
            if *title != map.title {
                what.push("rename the map");
            }
            if *organisation != map.organisation {
                what.push("change the organisation's name");
            }
            if *notes != map.notes {
                what.push("edit the map's notes");
            }
            if *maturity != map.maturity {
                what.push("set the maturity stage");
            }
            match what.as_slice() {
                [] => "edit map details".to_owned(),
                [one] => (*one).to_owned(),
                _ => "edit map details".to_owned(),
            }
        }
        Edit::SetAnswer { answer, .. } if answer.trim().is_empty() => {
            "clear a workshop answer".to_owned()
        }
        Edit::SetAnswer { .. } => "answer a workshop question".to_owned(),
        Edit::AddAmbassador { ambassador } => format!(
            "add ambassador '{}' to '{}'",
            ambassador.name,
            name(&ambassador.unit)
        ),
        Edit::RemoveAmbassador { id } => {
            let who = map
                .ambassadors
                .iter()
                .find(|a| &a.id == id)
                .map_or_else(|| id.clone(), |a| a.name.clone());
            format!("remove ambassador '{who}'")
        }
        Edit::SetDimensionWeights { .. } => "change dimension weights".to_owned(),
        Edit::SetFindingHidden { hidden: true, .. } => "hide a finding".to_owned(),
        Edit::SetFindingHidden { hidden: false, .. } => "show a finding".to_owned(),
    }
}

/// What an update changed of a unit: its name, its kind or group, or else
/// something else about it.
fn unit_change(old: &Unit, new: &Unit) -> String {
    if old.name != new.name {
        format!("rename unit '{}' to '{}'", old.name, new.name)
    } else if old.kind != new.kind {
        format!("change the kind of '{}'", new.name)
    } else if old.group != new.group {
        format!("change the group of '{}'", new.name)
    } else {
        format!("edit unit '{}'", new.name)
    }
}

/// A new direction ("add link"), a change of its ratings or weight ("rate"),
/// or of its notes.
fn link_change(map: &Map, link: &Link, name: &dyn Fn(&UnitId) -> String) -> String {
    let arrow = format!("{} → {}", name(&link.source), name(&link.target));
    match map
        .links
        .iter()
        .find(|l| l.source == link.source && l.target == link.target)
    {
        None => format!("add link {arrow}"),
        Some(old) if old.ratings != link.ratings || old.weight != link.weight => {
            format!("rate {arrow}")
        }
        Some(_) => format!("edit link {arrow}"),
    }
}
