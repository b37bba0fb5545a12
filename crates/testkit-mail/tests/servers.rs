//! The harness against its real servers: what SMTP accepts is what IMAP
//! serves, byte for byte; each server stops and starts again keeping its mail;
//! instances do not share anything.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::time::Duration;

use sahaya_testkit_mail::{Error, KAVYA, MailServers, RAVI, SUPPORT, Server};

const WAIT: Duration = Duration::from_secs(20);

fn message(subject: &str, body: &str) -> Vec<u8> {
    format!(
        "From: Kavya <{KAVYA}>\r\nTo: {SUPPORT}\r\nSubject: {subject}\r\n\
         MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\
         Content-Transfer-Encoding: 8bit\r\n\r\n{body}\r\n"
    )
    .into_bytes()
}

#[test]
fn what_smtp_accepts_imap_serves_byte_for_byte() {
    let servers = MailServers::start().unwrap();
    let raw = message(
        "ಆರ್ಡರ್ ತಲುಪಿಲ್ಲ",
        "ನಮಸ್ಕಾರ, ನನ್ನ ಆರ್ಡರ್ ಇನ್ನೂ ಬಂದಿಲ್ಲ.\r\n.\r\n..dots stay",
    );
    servers.send(KAVYA, SUPPORT, &raw).unwrap();
    servers
        .send_to_all(SUPPORT, &[KAVYA, RAVI], &message("two", "both"))
        .unwrap();

    let support = servers.wait_for_mailbox(SUPPORT, 1, WAIT).unwrap();
    assert_eq!(support, vec![raw]);
    for customer in [KAVYA, RAVI] {
        let mail = servers.wait_for_mailbox(customer, 1, WAIT).unwrap();
        assert_eq!(mail, vec![message("two", "both")], "{customer}");
    }
    // Delivered into the Maildir that Dovecot serves (it may have moved it to cur/).
    let maildir = servers.maildir(SUPPORT).unwrap();
    let files = ["new", "cur"]
        .iter()
        .map(|sub| std::fs::read_dir(maildir.join(sub)).unwrap().count())
        .sum::<usize>();
    assert_eq!(files, 1);
}

#[test]
fn unknown_recipients_and_bare_line_feeds_are_refused() {
    let servers = MailServers::start().unwrap();
    let error = servers
        .send(KAVYA, "nobody@shop.test", &message("x", "y"))
        .unwrap_err();
    assert!(matches!(error, Error::Smtp { .. }), "{error}");
    let error = servers
        .send(KAVYA, SUPPORT, b"Subject: x\n\ny\n")
        .unwrap_err();
    assert!(matches!(error, Error::BareLineFeed(10)), "{error}");
    assert!(matches!(
        servers.mailbox("nobody@shop.test"),
        Err(Error::UnknownAccount(_))
    ));
    assert!(servers.mailbox(SUPPORT).unwrap().is_empty());
}

#[test]
fn each_server_stops_and_starts_again_on_its_port_with_its_mail() {
    let mut servers = MailServers::start().unwrap();
    let (imap_port, smtp_port) = (servers.imap_port(), servers.smtp_port());
    servers
        .send(KAVYA, SUPPORT, &message("first", "1"))
        .unwrap();

    servers.stop(Server::Imap).unwrap();
    assert!(!servers.is_running(Server::Imap));
    assert!(matches!(servers.mailbox(SUPPORT), Err(Error::Imap { .. })));
    assert!(matches!(
        servers.stop(Server::Imap),
        Err(Error::State { .. })
    ));
    // SMTP keeps delivering while IMAP is down.
    servers
        .send(KAVYA, SUPPORT, &message("second", "2"))
        .unwrap();
    servers.start_again(Server::Imap).unwrap();
    assert!(matches!(
        servers.start_again(Server::Imap),
        Err(Error::State { .. })
    ));
    assert_eq!(servers.imap_port(), imap_port);
    assert_eq!(servers.mailbox(SUPPORT).unwrap().len(), 2);

    servers.stop(Server::Smtp).unwrap();
    assert!(matches!(
        servers.send(KAVYA, SUPPORT, &message("lost", "3")),
        Err(Error::Smtp { .. })
    ));
    servers.start_again(Server::Smtp).unwrap();
    assert_eq!(servers.smtp_port(), smtp_port);
    servers
        .send(KAVYA, SUPPORT, &message("third", "3"))
        .unwrap();
    let mail = servers.mailbox(SUPPORT).unwrap();
    assert_eq!(mail.len(), 3);
    assert_eq!(mail[2], message("third", "3"));
}

#[test]
fn instances_share_no_port_and_no_mail() {
    let one = MailServers::start().unwrap();
    let two = MailServers::start().unwrap();
    let ports = [
        one.imap_port(),
        one.smtp_port(),
        two.imap_port(),
        two.smtp_port(),
    ];
    let distinct: std::collections::HashSet<u16> = ports.into_iter().collect();
    assert_eq!(distinct.len(), 4);
    one.send(KAVYA, SUPPORT, &message("one", "1")).unwrap();
    assert_eq!(one.mailbox(SUPPORT).unwrap().len(), 1);
    assert!(two.mailbox(SUPPORT).unwrap().is_empty());
    assert_ne!(one.maildir(SUPPORT).unwrap(), two.maildir(SUPPORT).unwrap());
}

#[test]
fn smtp_auth_accepts_the_account_and_answers_a_wrong_password_with_535() {
    use lettre::transport::smtp::authentication::Credentials;
    use lettre::{SmtpTransport, Transport, address::Envelope};
    let servers = MailServers::start().unwrap();
    let envelope =
        Envelope::new(Some(KAVYA.parse().unwrap()), vec![SUPPORT.parse().unwrap()]).unwrap();
    let transport = |password: &str| {
        SmtpTransport::builder_dangerous(servers.smtp_host())
            .port(servers.smtp_port())
            .credentials(Credentials::new(KAVYA.to_owned(), password.to_owned()))
            .timeout(Some(Duration::from_secs(10)))
            .build()
    };
    let password = servers.account(KAVYA).unwrap().password().to_owned();
    transport(&password)
        .send_raw(&envelope, b"Subject: a\r\n\r\nb")
        .unwrap();
    let error = transport("wrong")
        .send_raw(&envelope, b"Subject: a\r\n\r\nb")
        .unwrap_err();
    assert!(error.is_permanent(), "{error:?}");
    assert_eq!(servers.mailbox(SUPPORT).unwrap().len(), 1);
}
