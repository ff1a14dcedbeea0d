//! How commands and events are declared: once, in [`crate::commands`], with
//! the [`commands!`](crate::commands!) macro, which makes from each
//! declaration the Tauri command, its registration ([`handler`]) and its
//! TypeScript ([`typescript`]); the UI calls the generated
//! `ui/src/lib/ipc/commands.ts`, so it cannot call a command that does not
//! exist or pass the wrong arguments. The argument and result types are the
//! ts-rs types of the Rust side (`ui/src/lib/bindings/`).
//!
//! Written here rather than with tauri-specta: tauri-specta 2 is still a
//! release candidate whose crates.io releases only resolve with exact pins
//! found by hand (tauri-specta =2.0.0-rc.26 needs specta =2.0.0-rc.26 and
//! specta-typescript =0.0.13, while the newest specta-typescript wants
//! rc.27), it would replace ts-rs for every IPC type, and its TypeScript
//! exporter writes every `f64` as `number | null`, which would make every
//! score nullable in the UI although the core never sends NaN. This module
//! is a hundred lines over the ts-rs types the project already has.
//!
//! `scripts/gen-bindings.sh` writes the files; the test
//! `ipc::tests::generated_files_are_current` fails when a checked-in one is
//! stale.

use std::collections::BTreeSet;
use std::path::Path;

use serde::Serialize;
use tauri::Emitter;
use ts_rs::{Config, TS};

/// A command as the UI sees it: name, arguments and result as TypeScript.
pub struct CommandDecl {
    pub name: &'static str,
    pub doc: Vec<&'static str>,
    /// `(name, TypeScript type)`, in order.
    pub args: Vec<(&'static str, String)>,
    pub result: String,
}

/// The TypeScript name of `T`, as the bindings name it. Ids and sizes
/// (`i64`, `u64`) are far below 2^53, so they cross as plain numbers.
pub fn ts<T: TS + ?Sized + 'static>() -> String {
    T::name(&Config::default().with_large_int("number"))
}

/// The named types a TypeScript type expression uses (`AppState | null` →
/// `AppState`): each is a generated binding, `../bindings/NAME`.
fn named_types(expr: &str) -> impl Iterator<Item = &str> {
    const BUILT_IN: [&str; 4] = ["Array", "Promise", "Record", "Partial"];
    expr.split(|c: char| !c.is_ascii_alphanumeric() && c != '_')
        .filter(|w| w.starts_with(|c: char| c.is_ascii_uppercase()) && !BUILT_IN.contains(w))
}

/// Declares the app's commands once. Each entry
///
/// ```text
/// /// What the command does (becomes the TypeScript doc comment).
/// KIND name(arg: Type, …) -> Result => |app, desktop| body;
/// ```
///
/// makes `#[tauri::command] pub fn name(app, state, arg: Type, …) ->
/// CommandResult<Result>` that runs `body` (a `Result<Result, Error>`) on
/// the locked [`Desktop`](recimap_services::desktop::Desktop) through the
/// helper `KIND` (`change`: the document changed; `read`: it did not), plus
/// `handler()` that registers every command and `declarations()` that
/// describes them for [`typescript`].
#[macro_export]
macro_rules! commands {
    ($(
        $(#[doc = $doc:literal])*
        $kind:ident $name:ident ( $($arg:ident : $ty:ty),* ) -> $ret:ty
            => |$app:pat_param, $desktop:ident| $body:expr;
    )*) => {
        $(
            $(#[doc = $doc])*
            #[tauri::command]
            pub fn $name(
                app: tauri::AppHandle,
                state: tauri::State<'_, Managed>,
                $($arg: $ty),*
            ) -> CommandResult<$ret> {
                $kind(&app, &state, |$app: &tauri::AppHandle, $desktop: &mut Desktop| $body)
            }
        )*

        /// Registers every command with Tauri.
        pub fn handler() -> impl Fn(tauri::ipc::Invoke) -> bool + Send + Sync + 'static {
            tauri::generate_handler![$($name),*]
        }

        /// Every command as the UI sees it.
        pub fn declarations() -> Vec<$crate::ipc::CommandDecl> {
            vec![$({
                $crate::ipc::CommandDecl {
                    name: stringify!($name),
                    doc: vec![$($doc),*],
                    args: vec![$((stringify!($arg), $crate::ipc::ts::<$ty>())),*],
                    result: $crate::ipc::ts::<$ret>(),
                }
            }),*]
        }
    };
}

/// An event the shell sends to the UI, with the type of its payload.
pub struct ShellEvent<T> {
    pub name: &'static str,
    pub doc: &'static str,
    payload: std::marker::PhantomData<fn(T)>,
}

impl<T: Serialize + Clone + TS + 'static> ShellEvent<T> {
    pub const fn new(name: &'static str, doc: &'static str) -> Self {
        ShellEvent {
            name,
            doc,
            payload: std::marker::PhantomData,
        }
    }

    /// Sends the event to the UI.
    pub fn emit<R: tauri::Runtime>(&self, app: &impl Emitter<R>, payload: T) {
        if let Err(e) = app.emit(self.name, payload) {
            log::warn!("could not send {}: {e}", self.name);
        }
    }

    /// The listener in `commands.ts`, and the payload's TypeScript type.
    fn declaration(&self) -> (String, String) {
        let payload = ts::<T>();
        let text = format!(
            "  /** {} */\n  {}: (handler: (payload: {payload}) => void): Promise<UnlistenFn> =>\n    listen<{payload}>('{}', (e) => handler(e.payload)),\n",
            self.doc,
            camel(self.name),
            self.name
        );
        (text, payload)
    }
}

/// The document changed without the UI asking (a second launch handed over a file).
pub const STATE_CHANGED: ShellEvent<recimap_services::session::AppState> = ShellEvent::new(
    "state-changed",
    "The document changed without the UI asking (a second launch handed over a file): the new state.",
);
/// The user closed the window with unsaved changes.
pub const CLOSE_REQUESTED: ShellEvent<()> = ShellEvent::new(
    "close-requested",
    "The user closed the window with unsaved changes: ask, then save and/or `confirmClose()` (or do nothing to stay open).",
);
/// A second launch asked to open a file while the document has unsaved changes.
pub const OPEN_REQUESTED: ShellEvent<String> = ShellEvent::new(
    "open-requested",
    "A second launch asked to open this file while the document has unsaved changes: ask, then `openFile`.",
);

/// `load_state` → `loadState`.
fn camel(name: &str) -> String {
    let mut out = String::new();
    let mut upper = false;
    for c in name.chars() {
        if c == '_' || c == '-' {
            upper = true;
        } else if upper {
            out.extend(c.to_uppercase());
            upper = false;
        } else {
            out.push(c);
        }
    }
    out
}

/// `ui/src/lib/ipc/commands.ts`: one typed function per command and one
/// listener per event.
pub fn typescript(commands: &[CommandDecl]) -> String {
    let mut types = BTreeSet::new();
    let mut body = String::from(
        "/** The shell's commands; each rejects with an `ErrorPayload` when it fails. */\nexport const commands = {\n",
    );
    for c in commands {
        types.extend(named_types(&c.result).map(str::to_owned));
        for (_, t) in &c.args {
            types.extend(named_types(t).map(str::to_owned));
        }
        if !c.doc.is_empty() {
            body.push_str("  /**\n");
            for line in &c.doc {
                body.push_str(&format!("   *{line}\n"));
            }
            body.push_str("   */\n");
        }
        let params: Vec<String> = c
            .args
            .iter()
            .map(|(n, t)| format!("{}: {t}", camel(n)))
            .collect();
        let call = if c.args.is_empty() {
            format!("invoke<{}>('{}')", c.result, c.name)
        } else {
            let keys: Vec<String> = c.args.iter().map(|(n, _)| camel(n)).collect();
            format!(
                "invoke<{}>('{}', {{ {} }})",
                c.result,
                c.name,
                keys.join(", ")
            )
        };
        body.push_str(&format!(
            "  {}: ({}): Promise<{}> => {call},\n",
            camel(c.name),
            params.join(", "),
            c.result
        ));
    }
    body.push_str("};\n\n/** The events the shell sends; each returns the function that stops listening. */\nexport const events = {\n");
    for (text, payload) in [
        STATE_CHANGED.declaration(),
        CLOSE_REQUESTED.declaration(),
        OPEN_REQUESTED.declaration(),
    ] {
        types.extend(named_types(&payload).map(str::to_owned));
        body.push_str(&text);
    }
    body.push_str("};\n");
    let mut out = String::from(
        "// Generated from src-tauri/src/commands.rs by scripts/gen-bindings.sh. Do not edit.\nimport { invoke } from '@tauri-apps/api/core';\nimport { listen, type UnlistenFn } from '@tauri-apps/api/event';\n",
    );
    for name in &types {
        out.push_str(&format!(
            "import type {{ {name} }} from '../bindings/{name}';\n"
        ));
    }
    out.push('\n');
    out.push_str(&body);
    out
}

/// The generated files of `ui/src/lib/ipc/`, by name.
pub fn files() -> Vec<(&'static str, String)> {
    let style = serde_json::to_string_pretty(&recimap_render::Style::default())
        .expect("the style is plain data");
    let words = serde_json::to_string_pretty(&recimap_core::vocabulary::vocabulary())
        .expect("the vocabulary is plain data");
    vec![
        ("commands.ts", typescript(&crate::commands::declarations())),
        (
            "renderStyle.ts",
            format!(
                "// Generated from recimap_render::Style::default() by scripts/gen-bindings.sh. Do not edit.\nimport type {{ Style }} from '../bindings/Style';\n\nexport const RENDER_STYLE: Style = {style};\n"
            ),
        ),
        (
            "vocabulary.ts",
            format!(
                "// Generated from recimap_core::vocabulary::vocabulary() by scripts/gen-bindings.sh. Do not edit.\nimport type {{ Vocabulary }} from '../bindings/Vocabulary';\n\nexport const VOCABULARY: Vocabulary = {words};\n"
            ),
        ),
    ]
}

/// Writes the generated files into `dir`.
pub fn export(dir: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    for (name, text) in files() {
        std::fs::write(dir.join(name), text)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The checked-in files are what the Rust side generates now.
    /// `RECIMAP_WRITE_BINDINGS=1` (scripts/gen-bindings.sh) rewrites them.
    #[test]
    fn generated_files_are_current() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../ui/src/lib/ipc");
        if std::env::var_os("RECIMAP_WRITE_BINDINGS").is_some() {
            export(&dir).unwrap();
        }
        for (name, text) in files() {
            let path = dir.join(name);
            let checked_in = std::fs::read_to_string(&path).unwrap_or_default();
            assert!(
                checked_in == text,
                "{} is out of date: run scripts/gen-bindings.sh and commit it",
                path.display()
            );
        }
    }

    #[test]
    fn names_are_camel_cased() {
        assert_eq!(camel("load_state"), "loadState");
        assert_eq!(camel("state-changed"), "stateChanged");
        assert_eq!(camel("undo"), "undo");
    }
}
