//! The text field that has the keyboard and its transliteration switch
//! (see `typing`): a new reply's switch, switching on and off or to the next
//! script, said in a flash.

use sahaya_keymap::Action;
use sahaya_protocol::domain::TicketId;
use sahaya_text::{Script, TextBuffer};

use crate::app::App;
use crate::overlay::Overlay;
use crate::typing::Typing;

/// The switch of a new reply or note to ticket `id`'s customer.
pub fn for_reply(app: &App, id: TicketId) -> Typing {
    let customer = app
        .open
        .as_ref()
        .filter(|o| o.ticket.id == id)
        .and_then(|o| o.customer.as_ref())
        .and_then(|c| Script::for_language(&c.customer.preferred_language));
    Typing::for_reply(customer, app.typing.script(), app.replies_typed_latin)
}

/// The text field that has the keyboard, and its switch.
pub fn focused(app: &mut App) -> Option<(&mut TextBuffer, &mut Typing)> {
    let typing = &mut app.typing;
    match app.overlay.as_mut() {
        Some(Overlay::Palette { filter, .. }) => Some((filter, typing)),
        Some(Overlay::Prompt(p)) => Some((&mut p.input, typing)),
        Some(Overlay::Search(s)) => Some((&mut s.input, typing)),
        Some(Overlay::Picker(p)) => Some((&mut p.filter, typing)),
        Some(_) => None,
        None => match app.editor.as_mut() {
            Some(e) => Some((&mut e.buffer, &mut e.typing)),
            None => app
                .composer
                .as_mut()
                .map(|c| (&mut c.buffer, &mut c.typing)),
        },
    }
}

/// The switch of the field that has the keyboard (None: no field has it).
pub fn focused_switch(app: &App) -> Option<&Typing> {
    match &app.overlay {
        Some(
            Overlay::Palette { .. } | Overlay::Prompt(_) | Overlay::Search(_) | Overlay::Picker(_),
        ) => Some(&app.typing),
        Some(_) => None,
        None => match app.editor.as_ref() {
            Some(e) => Some(&e.typing),
            None => app.composer.as_ref().map(|c| &c.typing),
        },
    }
}

/// The switch the status bar shows: the focused field's, else the
/// console's (what search and prompts will start in).
pub fn shown_switch(app: &App) -> &Typing {
    focused_switch(app).unwrap_or(&app.typing)
}

/// Commits the focused field's pending syllable (before any action runs);
/// true when the text changed.
pub fn flush_focused(app: &mut App) -> bool {
    focused(app).is_some_and(|(buf, typing)| typing.flush(buf))
}

/// Ctrl-g or Alt-g: the focused field's switch (the console's when no
/// field has the keyboard), said in a flash. In a reply to a customer with
/// a script, the agent's choice is remembered for the next such reply.
pub fn switch(app: &mut App, action: Action) {
    let in_composer = app.overlay.is_none() && app.composer.is_some();
    let apply = |typing: &mut Typing, buf: Option<&mut TextBuffer>| {
        if action == Action::NextScript {
            typing.next_script(buf);
        } else {
            typing.toggle(buf);
        }
        (typing.is_on(), typing.script(), typing.proposed())
    };
    let (on, script, proposed) = if focused_switch(app).is_some() {
        let Some((buf, typing)) = focused(app) else {
            return;
        };
        apply(typing, Some(buf))
    } else if app.overlay.is_none() {
        apply(&mut app.typing, None)
    } else {
        // Help, a confirmation, the problems list: nothing is typed there.
        return;
    };
    if in_composer && proposed.is_some() {
        app.replies_typed_latin = on;
    }
    let key = app.key_for(Action::ToggleTransliteration);
    let next = app.key_for(Action::NextScript);
    let (id, script) = if on {
        ("typing-now-on", script)
    } else {
        ("typing-now-off", proposed.unwrap_or(script))
    };
    let text = app.i18n.tr_args(
        id,
        &[
            ("key", key.into()),
            ("next", next.into()),
            ("script", script.native_name().into()),
        ],
    );
    app.flash(text);
}
