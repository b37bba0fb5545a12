"""SMTP server of sahaya-testkit-mail.

aiosmtpd (Debian's python3-aiosmtpd, run by /usr/bin/python3) listening on
loopback. It accepts mail for the accounts listed in --accounts only (550 for
any other recipient) and, before it answers 250 to DATA, delivers the message
byte for byte (as received, after SMTP dot-unstuffing, CRLF line endings kept)
into each recipient's Maildir: written to tmp/, fsynced, renamed into new/.
Dovecot serves the same Maildirs over IMAP.

AUTH PLAIN/LOGIN is offered without TLS (loopback only) and checked against the
same accounts; it is optional: unauthenticated clients may send too.

The accounts file has one account a line: address, TAB, password, TAB, Maildir.
"""

import argparse
import asyncio
import itertools
import logging
import os
import socket
import sys
import time

from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword

log = logging.getLogger("testkit-mail.smtp")
_counter = itertools.count()


def read_accounts(path):
    accounts = {}
    with open(path, encoding="utf-8") as lines:
        for line in lines:
            line = line.rstrip("\n")
            if not line:
                continue
            address, password, maildir = line.split("\t")
            accounts[address.lower()] = (password, maildir)
    return accounts


def deliver(maildir, data):
    """Delivers one message into a Maildir the way Maildir wants: tmp, then new."""
    name = "%d.M%dP%dQ%d.%s" % (
        time.time(),
        time.time_ns() // 1000 % 1_000_000,
        os.getpid(),
        next(_counter),
        socket.gethostname().replace("/", "_").replace(":", "_"),
    )
    tmp = os.path.join(maildir, "tmp", name)
    with open(tmp, "xb") as out:
        out.write(data)
        out.flush()
        os.fsync(out.fileno())
    os.rename(tmp, os.path.join(maildir, "new", name))


class MaildirDelivery:
    def __init__(self, accounts):
        self.accounts = accounts

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.lower() not in self.accounts:
            return "550 5.1.1 <%s>: no such mailbox here" % address
        envelope.rcpt_tos.append(address)
        return "250 2.1.5 OK"

    async def handle_DATA(self, server, session, envelope):
        data = envelope.original_content
        for rcpt in envelope.rcpt_tos:
            deliver(self.accounts[rcpt.lower()][1], data)
        log.info(
            "delivered from=<%s> to=%s bytes=%d",
            envelope.mail_from,
            ",".join("<%s>" % rcpt for rcpt in envelope.rcpt_tos),
            len(data),
        )
        return "250 2.0.0 OK delivered"


def authenticator(accounts):
    def check(server, session, envelope, mechanism, auth_data):
        if not isinstance(auth_data, LoginPassword):
            return AuthResult(success=False, handled=False)
        login = auth_data.login.decode("utf-8", "replace").lower()
        password = auth_data.password.decode("utf-8", "replace")
        account = accounts.get(login)
        # handled=False: aiosmtpd itself answers 535 to a wrong password
        # (with the default, handled=True, nothing would answer at all).
        return AuthResult(success=account is not None and account[0] == password, handled=False)

    return check


async def serve(args):
    accounts = read_accounts(args.accounts)
    handler = MaildirDelivery(accounts)
    loop = asyncio.get_running_loop()

    def session():
        return SMTP(
            handler,
            enable_SMTPUTF8=True,
            decode_data=False,
            hostname="smtp.testkit-mail.test",
            ident=args.ident,
            auth_required=False,
            auth_require_tls=False,
            authenticator=authenticator(accounts),
        )

    server = await loop.create_server(session, args.listen, args.port, reuse_address=True)
    log.info("listening on %s:%d", args.listen, args.port)
    async with server:
        await server.serve_forever()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--listen", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--accounts", required=True)
    parser.add_argument("--ident", default="sahaya-testkit-mail")
    args = parser.parse_args()
    logging.basicConfig(
        stream=sys.stderr,
        level=logging.INFO,
        format="%(asctime)s %(name)s %(levelname)s %(message)s",
    )
    try:
        asyncio.run(serve(args))
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
