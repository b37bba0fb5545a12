//! Reading: each mail once, parsed; restarts and outages lose and repeat nothing.

use sahaya_bridge_email::{Error, Mailbox, Person, RawMail};
use sahaya_testkit_mail::{KAVYA, MailServers, RAVI, SUPPORT, Server};
use sha2::{Digest, Sha256};

use crate::{encoded_words, imap, pattern, quoted_printable, servers};

fn kannada() -> Vec<u8> {
    format!(
        "From: {} <{KAVYA}>\r\n\
         To: Shop Support <{SUPPORT}>\r\n\
         Subject: ಆರ್ಡರ್ ಇನ್ನೂ ಬಂದಿಲ್ಲ [#42]\r\n\
         Date: Fri, 04 Dec 2026 10:00:00 +0530\r\n\
         Message-ID: <kn-1@customer.test>\r\n\
         In-Reply-To: <sahaya-msg-7@shop.test>\r\n\
         References: <kn-0@customer.test>\r\n <sahaya-msg-7@shop.test>\r\n\
         MIME-Version: 1.0\r\n\
         Content-Type: text/plain; charset=utf-8\r\n\
         Content-Transfer-Encoding: 8bit\r\n\
         \r\n\
         ನಮಸ್ಕಾರ,\r\n\
         ನನ್ನ ಆರ್ಡರ್ #A-1009 ಇನ್ನೂ ಬಂದಿಲ್ಲ.\r\n",
        encoded_words("ಕಾವ್ಯ")
    )
    .into_bytes()
}

fn telugu() -> Vec<u8> {
    let text = "నమస్కారం,\nనా ఆర్డర్ పాడైపోయి వచ్చింది. ఫోటో తర్వాత పంపుతాను.";
    let html = "<p>నమస్కారం,</p><p>HTML <b>అక్కర్లేదు</b></p>";
    format!(
        "From: {} <{RAVI}>\r\n\
         To: {SUPPORT}\r\n\
         Subject: {}\r\n\
         Message-ID: <te-1@customer.test>\r\n\
         MIME-Version: 1.0\r\n\
         Content-Type: multipart/alternative; boundary=\"b1\"\r\n\
         \r\n\
         --b1\r\n\
         Content-Type: text/plain; charset=utf-8\r\n\
         Content-Transfer-Encoding: quoted-printable\r\n\
         \r\n\
         {}\r\n\
         --b1\r\n\
         Content-Type: text/html; charset=utf-8\r\n\
         Content-Transfer-Encoding: quoted-printable\r\n\
         \r\n\
         {}\r\n\
         --b1--\r\n",
        encoded_words("రవి"),
        encoded_words("ఆర్డర్ పాడైపోయింది"),
        quoted_printable(text),
        quoted_printable(html),
    )
    .into_bytes()
}

fn nepali_html_only() -> Vec<u8> {
    let html = "<html><head><style>p { color: red }</style></head><body>\n\
                <p>नमस्ते,</p>\n<p>मेरो अर्डर <b>#A-1010</b> कहिले आउँछ?</p>\n\
                <table><tr><td>अर्डर</td><td>A-1010</td></tr></table></body></html>";
    format!(
        "From: {} <sita@customer.test>\r\n\
         To: {SUPPORT}\r\n\
         Subject: {}\r\n\
         Message-ID: <ne-1@customer.test>\r\n\
         References: <ne-0@customer.test>\r\n\
         MIME-Version: 1.0\r\n\
         Content-Type: text/html; charset=utf-8\r\n\
         Content-Transfer-Encoding: quoted-printable\r\n\
         \r\n\
         {}\r\n",
        encoded_words("सीता"),
        encoded_words("[#43] अर्डर कहिले आउँछ?"),
        quoted_printable(html),
    )
    .into_bytes()
}

/// A mail from a mail client (built by lettre) with a photo whose name tries
/// to climb out of the downloads directory.
fn with_photo(photo: &[u8]) -> Vec<u8> {
    use lettre::message::header::ContentType;
    use lettre::message::{Attachment, MultiPart, SinglePart};
    let message = lettre::Message::builder()
        .from(format!("Ravi <{RAVI}>").parse().unwrap())
        .to(SUPPORT.parse().unwrap())
        .subject("Re: ఆర్డర్ పాడైపోయింది [#44]")
        .message_id(Some("<te-2@customer.test>".to_owned()))
        .in_reply_to("<sahaya-msg-8@shop.test>".to_owned())
        .multipart(
            MultiPart::mixed()
                .singlepart(SinglePart::plain("ఫోటో జతచేశాను.".to_owned()))
                .singlepart(
                    Attachment::new("../../.ssh/ಹಾನಿ\u{202E}gpj.exe".to_owned())
                        .body(photo.to_vec(), ContentType::parse("image/jpeg").unwrap()),
                ),
        )
        .unwrap();
    message.formatted()
}

fn deliver(servers: &MailServers, from: &str, raw: &[u8]) {
    servers.send(from, SUPPORT, raw).unwrap();
}

fn mark_all(mailbox: &mut Mailbox, mails: &[RawMail]) {
    for mail in mails {
        mailbox.mark_processed(mail).unwrap();
    }
}

#[test]
fn customer_mail_is_read_once_and_parsed_with_threading_tag_text_and_attachments() {
    let servers = servers();
    let photo = pattern(150_000);
    deliver(&servers, KAVYA, &kannada());
    deliver(&servers, RAVI, &telugu());
    deliver(&servers, "sita@customer.test", &nepali_html_only());
    deliver(&servers, RAVI, &with_photo(&photo));
    let state = tempfile::tempdir().unwrap();
    let mut mailbox =
        Mailbox::open(imap(&servers, SUPPORT), state.path().join("cursor.json")).unwrap();

    let mails = mailbox.fetch_new(100).unwrap();
    assert_eq!(mails.len(), 4);
    assert!(mails.windows(2).all(|pair| pair[0].uid < pair[1].uid));
    let parsed: Vec<_> = mails.iter().map(RawMail::parse).collect();

    let kn = &parsed[0];
    assert_eq!(kn.message_id.as_deref(), Some("kn-1@customer.test"));
    assert_eq!(kn.in_reply_to.as_deref(), Some("sahaya-msg-7@shop.test"));
    assert_eq!(
        kn.references,
        ["kn-0@customer.test", "sahaya-msg-7@shop.test"]
    );
    assert_eq!(
        kn.from,
        Some(Person {
            name: Some("ಕಾವ್ಯ".to_owned()),
            address: KAVYA.to_owned()
        })
    );
    assert_eq!(kn.subject, "ಆರ್ಡರ್ ಇನ್ನೂ ಬಂದಿಲ್ಲ [#42]");
    assert_eq!(kn.ticket_tag, Some(42));
    assert_eq!(kn.text, "ನಮಸ್ಕಾರ,\nನನ್ನ ಆರ್ಡರ್ #A-1009 ಇನ್ನೂ ಬಂದಿಲ್ಲ.");
    assert!(!kn.text_from_html);
    assert!(kn.date.is_some());

    let te = &parsed[1];
    assert_eq!(te.subject, "ఆర్డర్ పాడైపోయింది");
    assert_eq!(te.ticket_tag, None);
    assert_eq!(te.from.as_ref().and_then(|p| p.name.as_deref()), Some("రవి"));
    assert_eq!(te.text, "నమస్కారం,\nనా ఆర్డర్ పాడైపోయి వచ్చింది. ఫోటో తర్వాత పంపుతాను.");
    assert!(!te.text_from_html, "the text/plain alternative wins");

    let ne = &parsed[2];
    assert_eq!(ne.subject, "[#43] अर्डर कहिले आउँछ?");
    assert_eq!(ne.ticket_tag, Some(43));
    assert_eq!(ne.references, ["ne-0@customer.test"]);
    assert!(ne.text_from_html);
    assert!(ne.text.contains("नमस्ते,"), "{:?}", ne.text);
    assert!(
        ne.text.contains("मेरो अर्डर #A-1010 कहिले आउँछ?"),
        "{:?}",
        ne.text
    );
    assert!(
        !ne.text.contains('<') && !ne.text.contains("color"),
        "{:?}",
        ne.text
    );

    let with_photo = &parsed[3];
    assert_eq!(with_photo.ticket_tag, Some(44));
    assert_eq!(
        with_photo.in_reply_to.as_deref(),
        Some("sahaya-msg-8@shop.test")
    );
    assert_eq!(with_photo.text, "ఫోటో జతచేశాను.");
    let [attachment] = with_photo.attachments.as_slice() else {
        panic!("{:?}", with_photo.attachments);
    };
    assert_eq!(attachment.name, "ಹಾನಿgpj.exe");
    assert_eq!(attachment.content_type, "image/jpeg");
    assert_eq!(attachment.bytes, photo);
    assert_eq!(attachment.sha256, hex::encode(Sha256::digest(&photo)));

    mark_all(&mut mailbox, &mails);
    assert!(mailbox.fetch_new(100).unwrap().is_empty());
    let cursor = mailbox.cursor().unwrap();
    assert_eq!(cursor.last_uid, mails[3].uid);
    assert_eq!(cursor.uid_validity, mails[0].uid_validity);
}

#[test]
fn a_restarted_reader_reads_nothing_twice_and_nothing_is_lost() {
    let servers = servers();
    let state = tempfile::tempdir().unwrap();
    let cursor_file = state.path().join("cursor.json");
    deliver(&servers, KAVYA, &kannada());
    deliver(&servers, RAVI, &telugu());

    let mut first = Mailbox::open(imap(&servers, SUPPORT), &cursor_file).unwrap();
    let mails = first.fetch_new(10).unwrap();
    assert_eq!(mails.len(), 2);
    first.mark_processed(&mails[0]).unwrap();
    // The process dies before the second mail was handed over.
    drop(first);

    deliver(&servers, "sita@customer.test", &nepali_html_only());
    let mut second = Mailbox::open(imap(&servers, SUPPORT), &cursor_file).unwrap();
    let again = second.fetch_new(10).unwrap();
    let ids: Vec<_> = again
        .iter()
        .map(|mail| mail.parse().message_id.unwrap())
        .collect();
    assert_eq!(ids, ["te-1@customer.test", "ne-1@customer.test"]);
    assert_eq!(
        again[0], mails[1],
        "the unmarked mail comes back byte for byte"
    );
    mark_all(&mut second, &again);
    drop(second);

    let mut third = Mailbox::open(imap(&servers, SUPPORT), &cursor_file).unwrap();
    assert!(third.fetch_new(10).unwrap().is_empty());
    assert_eq!(
        third.cursor().map(|cursor| cursor.last_uid),
        Some(again[1].uid)
    );

    // Even without its cursor file the reader skips what it flagged.
    let mut lost = Mailbox::open(imap(&servers, SUPPORT), state.path().join("new.json")).unwrap();
    assert!(lost.fetch_new(10).unwrap().is_empty());
    // And a mail marked out of order holds the cursor until the one before it is done.
    deliver(&servers, KAVYA, &kannada());
    deliver(&servers, RAVI, &telugu());
    let two = third.fetch_new(10).unwrap();
    assert_eq!(two.len(), 2);
    third.mark_processed(&two[1]).unwrap();
    assert_eq!(third.cursor().map(|c| c.last_uid), Some(again[1].uid));
    third.mark_processed(&two[0]).unwrap();
    assert_eq!(third.cursor().map(|c| c.last_uid), Some(two[1].uid));
}

#[test]
fn an_imap_outage_is_a_network_error_and_reading_resumes() {
    let mut servers = servers();
    let state = tempfile::tempdir().unwrap();
    let mut mailbox =
        Mailbox::open(imap(&servers, SUPPORT), state.path().join("cursor.json")).unwrap();
    deliver(&servers, KAVYA, &kannada());
    let first = mailbox.fetch_new(10).unwrap();
    assert_eq!(first.len(), 1);

    servers.stop(Server::Imap).unwrap();
    // Marking needs no server: the cursor moves now, the flags follow later.
    mailbox.mark_processed(&first[0]).unwrap();
    let error = mailbox.fetch_new(10).unwrap_err();
    assert!(error.is_network(), "{error:?}");
    assert!(matches!(error, Error::Network { .. }));
    assert!(!error.to_string().contains("support-secret"), "{error}");
    // Mail keeps arriving over SMTP meanwhile.
    deliver(&servers, RAVI, &telugu());
    assert!(mailbox.fetch_new(10).unwrap_err().is_network());

    servers.start_again(Server::Imap).unwrap();
    let resumed = mailbox.fetch_new(10).unwrap();
    assert_eq!(resumed.len(), 1);
    assert_eq!(
        resumed[0].parse().message_id.as_deref(),
        Some("te-1@customer.test")
    );
    mailbox.mark_processed(&resumed[0]).unwrap();
    assert!(mailbox.fetch_new(10).unwrap().is_empty());
    // The flags of the mail marked during the outage reached the server.
    let mut fresh =
        Mailbox::open(imap(&servers, SUPPORT), state.path().join("other.json")).unwrap();
    assert!(fresh.fetch_new(10).unwrap().is_empty());
}

#[test]
fn a_bad_password_is_an_imap_error_not_a_network_one_and_does_not_show() {
    let servers = servers();
    let mut config = imap(&servers, SUPPORT);
    config.login.password = Some(sahaya_bridge_email::Secret::new("wrong-password-123"));
    let state = tempfile::tempdir().unwrap();
    let mut mailbox = Mailbox::open(config, state.path().join("c.json")).unwrap();
    let error = mailbox.fetch_new(1).unwrap_err();
    assert!(matches!(error, Error::Imap { .. }), "{error:?}");
    let shown = format!("{error} {error:?} {mailbox:?}");
    assert!(!shown.contains("wrong-password-123"), "{shown}");
}

#[test]
fn tls_against_a_plaintext_port_fails_cleanly() {
    let servers = servers();
    let mut config = imap(&servers, SUPPORT);
    config.security = sahaya_bridge_email::Security::Tls;
    let state = tempfile::tempdir().unwrap();
    let mut mailbox = Mailbox::open(config, state.path().join("c.json")).unwrap();
    let error = mailbox.fetch_new(1).unwrap_err();
    assert!(error.is_network(), "{error:?}");
}
