//! Sending: a reply lands once, threaded, with its attachment byte for
//! byte; a crash anywhere after the server took it never sends it twice.

use sahaya_bridge_email::{
    LogState, Mailbox, OutboundAttachment, OutboundReply, Outcome, Person, Quoted, Sender,
    Transmission, Witness, parse,
};
use sahaya_testkit_mail::{KAVYA, MailServers, SUPPORT, Server};
use sha2::{Digest, Sha256};

use crate::{imap, pattern, servers, smtp, team};

fn reply(message_id: i64, in_reply_to: Option<&str>) -> OutboundReply {
    OutboundReply {
        message_id,
        attempt: 1,
        ticket_id: 42,
        ticket_subject: "ಆರ್ಡರ್ ಇನ್ನೂ ಬಂದಿಲ್ಲ".to_owned(),
        to: Person {
            name: Some("ಕಾವ್ಯ".to_owned()),
            address: KAVYA.to_owned(),
        },
        agent_name: "ಅನಿತಾ".to_owned(),
        body: "ನಮಸ್ಕಾರ ಕಾವ್ಯ,\nನಿಮ್ಮ ಆರ್ಡರ್ ನಾಳೆ ತಲುಪುತ್ತದೆ. ರಸೀದಿ ಲಗತ್ತಿಸಿದ್ದೇನೆ.".to_owned(),
        in_reply_to: in_reply_to.map(str::to_owned),
        references: vec!["kn-0@customer.test".to_owned()],
        history: vec![Quoted {
            author: "ಕಾವ್ಯ".to_owned(),
            date: "4 ಡಿಸೆಂಬರ್ 2026".to_owned(),
            text: "ನನ್ನ ಆರ್ಡರ್ ಇನ್ನೂ ಬಂದಿಲ್ಲ.".to_owned(),
        }],
        attachments: Vec::new(),
        survey: None,
    }
}

fn customer_mail(servers: &MailServers) -> String {
    let raw = format!(
        "From: Kavya <{KAVYA}>\r\nTo: {SUPPORT}\r\nSubject: ಆರ್ಡರ್ ಇನ್ನೂ ಬಂದಿಲ್ಲ\r\n\
         Message-ID: <kn-1@customer.test>\r\nReferences: <kn-0@customer.test>\r\n\
         Content-Type: text/plain; charset=utf-8\r\n\r\nನನ್ನ ಆರ್ಡರ್ ಇನ್ನೂ ಬಂದಿಲ್ಲ.\r\n"
    );
    servers.send(KAVYA, SUPPORT, raw.as_bytes()).unwrap();
    let state = tempfile::tempdir().unwrap();
    let mut mailbox = Mailbox::open(imap(servers, SUPPORT), state.path().join("c.json")).unwrap();
    let mails = mailbox.fetch_new(10).unwrap();
    mails[0].parse().message_id.unwrap()
}

fn customer_copies(servers: &MailServers, header_id: &str) -> usize {
    servers
        .mailbox(KAVYA)
        .unwrap()
        .iter()
        .filter(|raw| parse(raw).message_id.as_deref() == Some(header_id))
        .count()
}

fn witness(servers: &MailServers) -> Witness {
    Witness {
        imap: imap(servers, SUPPORT),
        bcc: Some(SUPPORT.to_owned()),
    }
}

#[test]
fn a_reply_lands_once_threaded_with_a_byte_exact_attachment() {
    let servers = servers();
    let parent = customer_mail(&servers);
    let state = tempfile::tempdir().unwrap();
    let log = state.path().join("sent.db");
    let mut sender = Sender::open(smtp(&servers), team(), &log).unwrap();
    let receipt = pattern(300_000);
    let mut reply = reply(501, Some(&parent));
    reply.attachments.push(OutboundAttachment {
        name: "ರಸೀದಿ A-1009.pdf".to_owned(),
        content_type: "application/pdf".to_owned(),
        bytes: receipt.clone(),
    });

    let outcome = sender.send(&reply).unwrap();
    let Outcome::Sent {
        message_id,
        response,
    } = outcome
    else {
        panic!("{outcome:?}");
    };
    assert_eq!(message_id, "sahaya-msg-501@shop.test");
    assert!(response.starts_with("250"), "{response}");

    let inbox = servers.mailbox(KAVYA).unwrap();
    assert_eq!(inbox.len(), 1);
    let got = parse(&inbox[0]);
    assert_eq!(got.message_id.as_deref(), Some("sahaya-msg-501@shop.test"));
    assert_eq!(got.in_reply_to.as_deref(), Some(parent.as_str()));
    assert_eq!(got.references, ["kn-0@customer.test", "kn-1@customer.test"]);
    assert_eq!(got.subject, "Re: ಆರ್ಡರ್ ಇನ್ನೂ ಬಂದಿಲ್ಲ [#42]");
    assert_eq!(got.ticket_tag, Some(42));
    let from = got.from.unwrap();
    assert_eq!(from.name.as_deref(), Some("ಅನಿತಾ (Shop Support)"));
    assert_eq!(from.address, SUPPORT);
    assert!(got.text.starts_with("ನಮಸ್ಕಾರ ಕಾವ್ಯ,\n"), "{:?}", got.text);
    assert!(
        got.text
            .contains("\n-- \nShop Support · ಸಹಾಯ · సహాయం · सहायता\n"),
        "{:?}",
        got.text
    );
    assert!(
        got.text
            .contains("On 4 ಡಿಸೆಂಬರ್ 2026, ಕಾವ್ಯ wrote:\n> ನನ್ನ ಆರ್ಡರ್ ಇನ್ನೂ ಬಂದಿಲ್ಲ."),
        "{:?}",
        got.text
    );
    let [attachment] = got.attachments.as_slice() else {
        panic!("{:?}", got.attachments);
    };
    assert_eq!(attachment.name, "ರಸೀದಿ A-1009.pdf");
    assert_eq!(attachment.content_type, "application/pdf");
    assert_eq!(attachment.sha256, hex::encode(Sha256::digest(&receipt)));
    assert_eq!(attachment.bytes, receipt);

    // The queue hands it again (the receipt was lost): nothing goes out.
    let again = sender.send(&reply).unwrap();
    assert!(matches!(again, Outcome::AlreadySent { .. }), "{again:?}");
    drop(sender);
    // Killed after recording, before the receipt reached the server: a new
    // process with the same sent-log sends nothing either.
    let mut restarted = Sender::open(smtp(&servers), team(), &log).unwrap();
    let Outcome::AlreadySent { response, .. } = restarted.send(&reply).unwrap() else {
        panic!("sent twice");
    };
    assert!(response.is_some_and(|r| r.starts_with("250")));
    assert_eq!(servers.mailbox(KAVYA).unwrap().len(), 1);
}

#[test]
fn killed_between_the_servers_acceptance_and_the_record_it_sends_nothing_twice() {
    let servers = servers();
    let state = tempfile::tempdir().unwrap();
    let log = state.path().join("sent.db");
    let reply = reply(777, Some("kn-1@customer.test"));

    let mut sender = Sender::open(smtp(&servers), team(), &log)
        .unwrap()
        .with_witness(witness(&servers))
        .unwrap();
    let Transmission::Accepted(accepted) = sender.transmit(&reply).unwrap() else {
        panic!("not transmitted");
    };
    // The crash: the server said 250, the bridge never recorded it.
    drop(accepted);
    drop(sender);
    assert_eq!(customer_copies(&servers, "sahaya-msg-777@shop.test"), 1);

    let mut restarted = Sender::open(smtp(&servers), team(), &log)
        .unwrap()
        .with_witness(witness(&servers))
        .unwrap();
    assert_eq!(
        restarted.log_entry(777).unwrap().map(|e| e.state),
        Some(LogState::Transmitting)
    );
    let outcome = restarted.send(&reply).unwrap();
    let Outcome::AlreadySent {
        response: Some(response),
        ..
    } = outcome
    else {
        panic!("{outcome:?}");
    };
    assert!(response.contains("INBOX"), "{response}");
    assert_eq!(
        restarted.log_entry(777).unwrap().map(|e| e.state),
        Some(LogState::Accepted)
    );
    assert!(matches!(
        restarted.send(&reply).unwrap(),
        Outcome::AlreadySent { .. }
    ));
    assert_eq!(customer_copies(&servers, "sahaya-msg-777@shop.test"), 1);

    // The witness copy in the support mailbox is recognisably the bridge's own.
    let copies = servers.mailbox(SUPPORT).unwrap();
    assert_eq!(copies.len(), 1);
    assert_eq!(parse(&copies[0]).sahaya_message_id("shop.test"), Some(777));
    assert!(
        !String::from_utf8_lossy(&copies[0])
            .to_ascii_lowercase()
            .contains("bcc:")
    );
}

#[test]
fn without_a_witness_an_unknown_fate_is_not_sent_again_until_an_agent_asks() {
    let servers = servers();
    let state = tempfile::tempdir().unwrap();
    let log = state.path().join("sent.db");
    let mut reply = reply(778, None);

    let mut sender = Sender::open(smtp(&servers), team(), &log).unwrap();
    let Transmission::Accepted(accepted) = sender.transmit(&reply).unwrap() else {
        panic!("not transmitted");
    };
    drop(accepted);
    drop(sender);

    let mut restarted = Sender::open(smtp(&servers), team(), &log).unwrap();
    let outcome = restarted.send(&reply).unwrap();
    assert_eq!(
        outcome,
        Outcome::Unknown {
            message_id: "sahaya-msg-778@shop.test".to_owned()
        }
    );
    assert!(matches!(
        restarted.send(&reply).unwrap(),
        Outcome::Unknown { .. }
    ));
    assert_eq!(customer_copies(&servers, "sahaya-msg-778@shop.test"), 1);

    // An agent asked to send it again: the queue hands attempt 2.
    reply.attempt = 2;
    assert!(matches!(
        restarted.send(&reply).unwrap(),
        Outcome::Sent { .. }
    ));
    assert!(matches!(
        restarted.send(&reply).unwrap(),
        Outcome::AlreadySent { .. }
    ));
    assert_eq!(customer_copies(&servers, "sahaya-msg-778@shop.test"), 2);
    let subject = parse(&servers.mailbox(KAVYA).unwrap()[0]).subject;
    assert_eq!(
        subject, "ಆರ್ಡರ್ ಇನ್ನೂ ಬಂದಿಲ್ಲ [#42]",
        "a notice, not a reply: no Re:"
    );
}

#[test]
fn an_smtp_outage_sends_nothing_and_logs_nothing_then_sending_resumes() {
    let mut servers = servers();
    let state = tempfile::tempdir().unwrap();
    let mut sender = Sender::open(smtp(&servers), team(), state.path().join("sent.db")).unwrap();
    let reply = reply(900, Some("kn-1@customer.test"));

    servers.stop(Server::Smtp).unwrap();
    let error = sender.send(&reply).unwrap_err();
    assert!(error.is_network(), "{error:?}");
    assert_eq!(sender.log_entry(900).unwrap(), None);

    servers.start_again(Server::Smtp).unwrap();
    assert!(matches!(sender.send(&reply).unwrap(), Outcome::Sent { .. }));
    assert_eq!(customer_copies(&servers, "sahaya-msg-900@shop.test"), 1);
}

#[test]
fn a_refused_recipient_is_a_permanent_rejection_and_not_logged() {
    let servers = servers();
    let state = tempfile::tempdir().unwrap();
    let mut sender = Sender::open(smtp(&servers), team(), state.path().join("sent.db")).unwrap();
    let mut reply = reply(901, None);
    reply.to.address = "nobody@customer.test".to_owned();
    let error = sender.send(&reply).unwrap_err();
    assert!(
        matches!(
            error,
            sahaya_bridge_email::Error::Rejected {
                message_id: 901,
                permanent: true,
                ..
            }
        ),
        "{error:?}"
    );
    assert_eq!(sender.log_entry(901).unwrap(), None);
}

#[test]
fn smtp_login_works_and_a_wrong_password_is_a_configuration_error() {
    use sahaya_bridge_email::{Login, Secret};
    let servers = servers();
    let state = tempfile::tempdir().unwrap();
    let account = servers.account(SUPPORT).unwrap();
    let mut config = smtp(&servers);
    config.login = Some(Login::new(SUPPORT, Secret::new(account.password())));
    let mut sender = Sender::open(config.clone(), team(), state.path().join("a.db")).unwrap();
    assert!(matches!(
        sender.send(&reply(902, None)).unwrap(),
        Outcome::Sent { .. }
    ));

    config.login = Some(Login::new(SUPPORT, Secret::new("not-the-password-42")));
    let mut sender = Sender::open(config, team(), state.path().join("b.db")).unwrap();
    let error = sender.send(&reply(903, None)).unwrap_err();
    assert!(
        matches!(error, sahaya_bridge_email::Error::Config(_)),
        "{error:?}"
    );
    let shown = format!("{error} {error:?} {sender:?}");
    assert!(!shown.contains("not-the-password-42"), "{shown}");
    assert_eq!(customer_copies(&servers, "sahaya-msg-903@shop.test"), 0);
}
