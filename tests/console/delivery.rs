//! Replies reaching customers, as the agent sees it: the thread says where
//! each reply is and why one was not delivered; undelivered replies wait in
//! the problems list and are sent again through the outbox, once; a file is
//! attached from disk in the composer (and a wrong path is explained); the
//! ticket's files are listed and one is fetched.
//!
//! One demo server fills one cache as the demo agent, after a customer wrote
//! with a photo; each test works on a private copy of it.

use std::path::PathBuf;

use sahaya_testkit::ui::{Console, LiveServer, fill_cache};

use sahaya::domain::{Channel, Delivery, Role, TicketId};
use sahaya::events::Capabilities;
use sahaya::protocol::InboundMessage;
use sahaya::store::OutboxOp;
use sahaya::ui::Effect;
use sahaya::ui::overlay::Overlay;

const PHOTO_NAME: &str = "ಪಾರ್ಸೆಲ್ photo.jpg";
const REASON: &str = "not on WhatsApp (error 131026)";

struct Golden {
    _dir: tempfile::TempDir,
    cache: PathBuf,
    /// The ticket the customer's photo came with.
    photo_ticket: TicketId,
    photo: Vec<u8>,
}

sahaya_testkit::golden!(Golden, build_golden);

fn build_golden() -> Golden {
    let server = LiveServer::demo();
    let bridge = server.client(Role::Integration);
    let photo: Vec<u8> = (0..12_000u32).map(|i| (i * 7 % 251) as u8).collect();
    let photo_ticket = server.block_on(async {
        let file = bridge
            .upload_attachment(PHOTO_NAME, "image/jpeg", photo.clone())
            .await
            .expect("upload");
        let message = InboundMessage {
            name: Some("Kavya Hegde".to_string()),
            subject: Some("Damaged parcel".to_string()),
            language: Some("kn".to_string()),
            attachments: vec![file.id],
            ..InboundMessage::new(
                Channel::Email,
                "kavya.photo@example.in".to_string(),
                "ಪಾರ್ಸೆಲ್ ಹಾಳಾಗಿದೆ, ಫೋಟೋ ಲಗತ್ತಿಸಿದ್ದೇನೆ".to_string(),
            )
        };
        bridge
            .inbound(&message, None)
            .await
            .expect("inbound with a photo")
            .ticket
            .id
    });
    let dir = tempfile::tempdir().unwrap();
    let cache = dir.path().join("cache.db");
    fill_cache(&server.client(Role::Agent), &cache, &[photo_ticket]);
    drop(server);
    Golden {
        _dir: dir,
        cache,
        photo_ticket,
        photo,
    }
}

fn console() -> Console {
    let mut ui = Console::over_copy(&golden().cache, "en", (160, 45));
    ui.app.capabilities = Capabilities::ALL;
    ui.app.reload();
    ui
}

#[test]
fn an_undelivered_reply_shows_its_reason_and_is_sent_again_once() {
    let mut ui = console();
    let me = ui.app.my_id();
    let failed = ui.store().undelivered(me).unwrap();
    assert_eq!(failed.len(), 1, "the demo has one: {failed:?}");
    let m = failed[0].clone();
    assert_eq!(m.delivery, Delivery::Failed);
    let s = ui.render();
    assert!(
        s.status().contains("1 reply not delivered"),
        "{}",
        s.status()
    );

    // The problems list says what and why.
    ui.press("!");
    let s = ui.render();
    s.assert_has(&format!("[Not delivered] Reply #{}", m.ticket_id));
    s.assert_has(REASON);

    // Enter: send again on the same channel, another the customer has, or
    // look at the ticket first.
    ui.press("enter");
    let items: Vec<String> = match &ui.app.overlay {
        Some(Overlay::Picker(p)) => p.items.iter().map(|(l, _)| l.clone()).collect(),
        _ => panic!("expected the choices picker"),
    };
    assert_eq!(items[0], "Send again on WhatsApp", "{items:?}");
    assert_eq!(
        items.last().unwrap(),
        &format!("Open ticket #{}", m.ticket_id)
    );
    ui.render().assert_has("This reply was not delivered");
    ui.press("enter");
    let pending = ui.store().outbox_pending().unwrap();
    assert_eq!(pending.len(), 1, "{pending:#?}");
    assert_eq!(
        pending[0].op,
        OutboxOp::Resend {
            ticket_id: m.ticket_id,
            message_id: m.id,
            channel: None,
        }
    );
    assert!(ui.app.effects.contains(&Effect::Kick), "sync is woken");
    // Out of the problems at once; choosing again cannot queue a second.
    let s = ui.render();
    assert!(!s.status().contains("not delivered"), "{}", s.status());
    ui.press("esc esc !");
    ui.render().assert_lacks("[Not delivered]");
    assert_eq!(ui.store().outbox_pending().unwrap().len(), 1);
}

#[test]
fn the_thread_says_where_each_reply_is_and_why_one_failed() {
    let mut ui = console();
    let me = ui.app.my_id();
    let m = ui.store().undelivered(me).unwrap().remove(0);
    ui.app.open_ticket(m.ticket_id);
    ui.press("tab");
    let s = ui.render();
    // At the thread's width (57 columns here) the reason wraps: its start.
    let y = s
        .row_of("⚠ the customer's number is not on WhatsApp")
        .unwrap_or_else(|| panic!("the reason in the thread:\n{}", s.text()));
    // The header above says so first, where a narrow thread cannot cut it.
    assert!(
        s.row(y - 1).contains("Reply  Not delivered  Asha Kulkarni"),
        "{}",
        s.row(y - 1)
    );

    // A reply written now is in this console only: "Waiting to send".
    ui.press("r");
    ui.type_text("ನಿಮ್ಮ ಸಂಖ್ಯೆಯನ್ನು ದೃಢೀಕರಿಸಿ");
    ui.press("ctrl-s");
    let s = ui.render();
    let y = s.row_of("ನಿಮ್ಮ ಸಂಖ್ಯೆಯನ್ನು ದೃಢೀಕರಿಸಿ").unwrap();
    assert!(s.row(y - 1).contains("Waiting to send"), "{}", s.row(y - 1));
}

#[test]
fn a_file_from_disk_is_attached_to_the_reply_and_queued_with_it() {
    let mut ui = console();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("label ಲೇಬಲ್.pdf");
    let bytes = b"%PDF-1.4 label for SH-1001".to_vec();
    std::fs::write(&path, &bytes).unwrap();
    ui.app.open_ticket(golden().photo_ticket);
    ui.press("tab r");
    ui.type_text("Here is the return label");

    // A wrong path is explained and kept to correct.
    ui.press("ctrl-o");
    let missing = dir.path().join("nope.pdf");
    ui.type_text(&missing.display().to_string());
    ui.press("enter");
    let s = ui.render();
    s.assert_has("There is no file at");
    assert!(ui.app.overlay.is_some(), "the prompt stays open");
    // A folder is not a file.
    ui.press("ctrl-u");
    ui.type_text(&dir.path().display().to_string());
    ui.press("enter");
    ui.render()
        .assert_has("is a folder; give the path of a file");

    ui.press("ctrl-u");
    ui.type_text(&path.display().to_string());
    ui.press("enter");
    let s = ui.render();
    assert!(ui.app.overlay.is_none(), "the prompt closed: {}", s.text());
    s.assert_has("📎 label ಲೇಬಲ್.pdf");
    ui.press("ctrl-s");
    let pending = ui.store().outbox_pending().unwrap();
    assert_eq!(pending.len(), 1, "{pending:#?}");
    let files = ui.store().outbox_files(pending[0].id).unwrap();
    assert_eq!(files.len(), 1);
    assert_eq!(files[0].file.name, "label ಲೇಬಲ್.pdf");
    assert_eq!(files[0].file.content_type, "application/pdf");
    assert_eq!(files[0].bytes, bytes);

    // It survives a restart of the console (the cache keeps it).
    ui.restart();
    let pending = ui.store().outbox_pending().unwrap();
    assert_eq!(
        ui.store().outbox_files(pending[0].id).unwrap()[0].bytes,
        bytes
    );
}

#[test]
fn the_tickets_files_are_listed_and_one_is_fetched() {
    let mut ui = console();
    let g = golden();
    ui.app.open_ticket(g.photo_ticket);
    let s = ui.render();
    s.assert_has(&format!("📎 {PHOTO_NAME}"));
    ui.press("f");
    let (label, file) = match &ui.app.overlay {
        Some(Overlay::Picker(p)) => {
            assert_eq!(p.items.len(), 1, "{:?}", p.items);
            let (label, pick) = &p.items[0];
            (label.clone(), format!("{pick:?}"))
        }
        _ => panic!("expected the files picker"),
    };
    assert!(label.starts_with(PHOTO_NAME), "{label}");
    assert!(label.ends_with("Kavya Hegde"), "{label}");
    assert!(file.contains(&format!("size: {}", g.photo.len())), "{file}");
    ui.render().assert_has("Files of this ticket");
    ui.app.effects.clear();
    ui.press("enter");
    let fetch = ui
        .app
        .effects
        .iter()
        .find_map(|e| match e {
            Effect::FetchFile { file, open } => Some((file.clone(), *open)),
            _ => None,
        })
        .expect("the file is asked for");
    assert_eq!(fetch.0.name, PHOTO_NAME);
    assert!(fetch.1, "and opened once saved");
    ui.render().assert_has(&format!("Fetching {PHOTO_NAME}"));

    // Where the sync task's answer goes: the status line.
    ui.sync(sahaya::sync::SyncEvent::FileSaved {
        name: PHOTO_NAME.to_string(),
        path: PathBuf::from("/home/asha/Downloads/photo.jpg"),
        opened: true,
    });
    ui.render().assert_has("and opened it");

    // A ticket without files says so.
    let me = ui.app.my_id();
    let other = ui.store().undelivered(me).unwrap()[0].ticket_id;
    ui.app.open_ticket(other);
    ui.press("esc f");
    ui.render().assert_has("This ticket has no files");
}
