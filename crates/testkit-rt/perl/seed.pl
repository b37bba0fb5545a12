#!/usr/bin/perl
# Seeds tickets into an RT 5 database fast, for tests and benchmarks.
#
#   seed.pl COUNT SEED QUEUE[,QUEUE...] REPLIES
#
# RT's own API needs ~25 ms of CPU per ticket (about a hundred queries), far too
# slow for thousands, so this writes the rows RT itself writes for a ticket
# created by a customer (checked against rows made by RT::Ticket->Create and
# with rt-validator): the ticket, its four role groups with their principals,
# members and cached members, the Order and Channel custom field values, and
# transactions with their attachments (content encoded by RT's own _EncodeLOB),
# all inside one database transaction. No scrips run, so nothing is mailed.
#
# Each ticket gets a requestor from the customer pool, the customer's first
# message, then 0..REPLIES messages (agent reply, customer answer, internal
# note, in turn), and for most tickets an owner and a status change. Created
# times are spread over the last 30 days in ticket order; transaction ids rise
# with time; nothing is dated in the future. Prints "key<TAB>value" lines on STDOUT.
use strict;
use warnings;
use utf8;
use lib '/usr/share/request-tracker5/lib';
use RT;
use Encode ();
use POSIX ();
RT::LoadConfig();
RT::Init();
binmode STDOUT, ':encoding(UTF-8)';

my ($count, $seed, $queue_names, $replies) = @ARGV;
die "usage: seed.pl COUNT SEED QUEUES REPLIES\n" unless defined $replies;
die "REPLIES must be a number\n" unless $replies =~ /^\d+$/;
srand($seed);
my $sys = RT->SystemUser;

my @subjects = (
    'ಪಾರ್ಸೆಲ್ ಬಂದಿಲ್ಲ', 'ನನ್ನ ಆರ್ಡರ್ ಎಲ್ಲಿದೆ?', 'ಹಣ ಮರುಪಾವತಿ ಬೇಕು', 'ತಪ್ಪು ಗಾತ್ರದ ಶರ್ಟ್ ಬಂದಿದೆ',
    'రీఫండ్ ఇంకా రాలేదు', 'నా ఆర్డర్ ఎక్కడ ఉంది?', 'పాడైన వస్తువు వచ్చింది', 'డెలివరీ ఆలస్యం',
    'मेरो अर्डर कहाँ छ', 'पैसा फिर्ता चाहियो', 'गलत सामान आयो', 'डेलिभरी ढिलो भयो',
    'Where is my order?', 'Refund not received', 'Wrong size delivered', 'Cancel my order please',
);
my @bodies = (
    "ನಮಸ್ಕಾರ,\nನನ್ನ ಪಾರ್ಸೆಲ್ ಬಂದಿಲ್ಲ. ದಯವಿಟ್ಟು ಪರಿಶೀಲಿಸಿ.\nಧನ್ಯವಾದಗಳು",
    "ನಾನು ಕಳೆದ ವಾರ ಹಿಂದಿರುಗಿಸಿದೆ, ಹಣ ಇನ್ನೂ ಬಂದಿಲ್ಲ.",
    "నమస్కారం,\nరీఫండ్ ఇంకా రాలేదు. ఎప్పుడు వస్తుంది?\nధన్యవాదాలు",
    "నా ఆర్డర్ ఇంకా రాలేదు, దయచేసి చూడండి.",
    "नमस्ते,\nमेरो अर्डर कहाँ छ? दुई हप्ता भयो।\nधन्यवाद",
    "मलाई पैसा फिर्ता चाहियो, सामान बिग्रिएको थियो।",
    "Hello,\nmy parcel has not arrived yet. Could you check?\nThanks",
    "I returned the item last week and the refund is still not here.",
);
my @agent_replies = (
    "ಕ್ಷಮಿಸಿ, ನಾವು ಕೊರಿಯರ್ ಜೊತೆ ಪರಿಶೀಲಿಸುತ್ತಿದ್ದೇವೆ.",
    "క్షమించండి, మీ రీఫండ్ 3 రోజుల్లో వస్తుంది.",
    "माफ गर्नुहोस्, हामी कुरियरसँग जाँच गर्दैछौं।",
    "Sorry about that, we are checking with the courier.",
);
my @customer_answers = ("ಸರಿ, ಧನ್ಯವಾದಗಳು.", "సరే, ధన్యవాదాలు.", "ठिक छ, धन्यवाद।", "OK, thanks.");
my @notes = ("Courier says out for delivery.", "ಕೊರಿಯರ್ ಸಂಪರ್ಕಿಸಲಾಗಿದೆ", "రీఫండ్ ప్రాసెస్ అయింది", "कुरियरलाई फोन गरियो");
my @channels = qw(email chat phone whatsapp web);
my @statuses = qw(new open open open stalled resolved);
sub pick { $_[ int(rand(@_)) ] }

# What the seeded rows point at.
my @queues;
for my $name (split /,/, $queue_names) {
    my $q = RT::Queue->new($sys);
    $q->Load($name);
    die "no queue $name\n" unless $q->Id;
    push @queues, $q->Id;
}
my $agents_group = RT::Group->new($sys);
$agents_group->LoadUserDefinedGroup('Agents');
my @agents = map { $_->Id } @{ $agents_group->UserMembersObj(Recursively => 0)->ItemsArrayRef };
die "no agents\n" unless @agents;
my $customers = RT::Users->new($sys);
$customers->Limit(FIELD => 'EmailAddress', OPERATOR => 'LIKE', VALUE => '%@customers.sahaya.test');
my @customers = map { $_->Id } @{ $customers->ItemsArrayRef };
die "no customers\n" unless @customers;
my %cf;
for my $name (qw(Order Channel)) {
    my $c = RT::CustomField->new($sys);
    $c->LoadByName(Name => $name, LookupType => 'RT::Queue-RT::Ticket');
    die "no custom field $name\n" unless $c->Id;
    $cf{$name} = $c->Id;
}
my $nobody = RT->Nobody->Id;

my $dbh = $RT::Handle->dbh;
$dbh->sqlite_busy_timeout(60_000);
$dbh->begin_work;

my %next;
for my $t (qw(Tickets Principals GroupMembers CachedGroupMembers ObjectCustomFieldValues Transactions Attachments)) {
    my ($max) = $dbh->selectrow_array("SELECT COALESCE(MAX(id), 0) FROM $t");
    $next{$t} = $max + 1;
}
sub next_id { $next{ $_[0] }++ }

my %sth = (
    ticket => $dbh->prepare('INSERT INTO Tickets (id, EffectiveId, IsMerged, Queue, Type, Owner, Subject, InitialPriority, FinalPriority, Priority, TimeEstimated, TimeWorked, Status, SLA, TimeLeft, Told, Starts, Started, Due, Resolved, LastUpdatedBy, LastUpdated, Creator, Created) VALUES (?, ?, NULL, ?, \'ticket\', ?, ?, 0, 0, ?, 0, 0, ?, NULL, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?)'),
    principal => $dbh->prepare('INSERT INTO Principals (id, PrincipalType, Disabled) VALUES (?, \'Group\', 0)'),
    group => $dbh->prepare('INSERT INTO Groups (id, Name, Description, Domain, Instance, Creator, Created, LastUpdatedBy, LastUpdated) VALUES (?, ?, \'\', \'RT::Ticket-Role\', ?, 1, ?, 1, ?)'),
    member => $dbh->prepare('INSERT INTO GroupMembers (id, GroupId, MemberId, Creator, Created, LastUpdatedBy, LastUpdated) VALUES (?, ?, ?, 1, ?, 1, ?)'),
    cgm => $dbh->prepare('INSERT INTO CachedGroupMembers (id, GroupId, MemberId, Via, ImmediateParentId, Disabled) VALUES (?, ?, ?, ?, ?, 0)'),
    ocfv => $dbh->prepare('INSERT INTO ObjectCustomFieldValues (id, CustomField, ObjectType, ObjectId, SortOrder, Content, LargeContent, ContentType, ContentEncoding, Creator, Created, LastUpdatedBy, LastUpdated, Disabled) VALUES (?, ?, \'RT::Ticket\', ?, 0, ?, NULL, NULL, NULL, ?, ?, ?, ?, 0)'),
    txn => $dbh->prepare('INSERT INTO Transactions (id, ObjectType, ObjectId, TimeTaken, Type, Field, OldValue, NewValue, ReferenceType, OldReference, NewReference, Data, Creator, Created) VALUES (?, \'RT::Ticket\', ?, 0, ?, ?, ?, ?, NULL, NULL, NULL, ?, ?, ?)'),
    attach => $dbh->prepare('INSERT INTO Attachments (id, TransactionId, Parent, MessageId, Subject, Filename, ContentType, ContentEncoding, Content, Headers, Creator, Created) VALUES (?, ?, 0, \'\', ?, NULL, \'text/plain\', ?, ?, ?, ?, ?)'),
);
sub run { my $name = shift; $sth{$name}->execute(@_) or die "$name: " . $dbh->errstr . "\n"; }
sub iso { POSIX::strftime('%Y-%m-%d %H:%M:%S', gmtime($_[0])) }

my $txns = 0;
sub message {
    my ($ticket, $type, $creator, $when, $subject, $body) = @_;
    my $txn = next_id('Transactions');
    run(txn => $txn, $ticket, $type, undef, undef, undef, ($type eq 'Create' ? undef : $subject), $creator, iso($when));
    my $bytes = Encode::encode('UTF-8', $body);
    my ($encoding, $content) = RT::Record->_EncodeLOB($bytes, 'text/plain');
    (my $subject_header = Encode::encode('MIME-Q', $subject)) =~ s/\r\n/\n/g;
    my $headers = join "\n",
        'Content-Type: text/plain; charset="UTF-8"', 'Content-Disposition: inline',
        'Content-Transfer-Encoding: 8bit', 'MIME-Version: 1.0', 'X-RT-Interface: API',
        "Subject: $subject_header", 'Content-Length: ' . length($bytes), '';
    run(attach => next_id('Attachments'), $txn, $subject, $encoding, $content, $headers, $creator, iso($when));
    $txns++;
    return $txn;
}
sub change {
    my ($ticket, $type, $field, $old, $new, $creator, $when) = @_;
    run(txn => next_id('Transactions'), $ticket, $type, $field, $old, $new, undef, $creator, iso($when));
    $txns++;
}

my $now = time;
# The last ticket's messages (at most REPLIES x 4 hours) must not be in the future.
my $tail = $replies * 4 * 3600 + 2 * 3600;
my $span = 30 * 24 * 3600 + $tail;
my ($first, $last) = (0, 0);
for my $i (0 .. $count - 1) {
    my $created = $now - $span + int(($span - $tail) * $i / ($count || 1));
    my $when = $created;
    my $customer = pick(@customers);
    my $subject = pick(@subjects);
    my $id = next_id('Tickets');
    $first ||= $id;
    $last = $id;

    # What happens to the ticket, decided up front (the ticket row goes in first).
    my $status = pick(@statuses);
    my $owner = $status eq 'new' ? $nobody : pick(@agents);
    my @events;
    my $n = int(rand($replies + 1));
    for my $k (1 .. $n) {
        $when += 60 * (1 + int(rand(240)));
        my $kind = $k % 3;
        push @events, $kind == 1 ? [ 'Correspond', pick(@agents), $when, "Re: $subject", pick(@agent_replies) ]
                    : $kind == 2 ? [ 'Correspond', $customer, $when, "Re: $subject", pick(@customer_answers) ]
                    :              [ 'Comment', pick(@agents), $when, $subject, pick(@notes) ];
    }
    my $changed = $status eq 'new' ? undef : ($when += 60);
    my ($told) = map { iso($_->[2]) } grep { $_->[0] eq 'Correspond' && $_->[1] != $customer } reverse @events;
    my $last_by = $changed ? $owner : @events ? $events[-1][1] : $customer;
    run(ticket => $id, $id, $queues[ $i % @queues ], $owner, $subject, pick(0, 50, 50, 75, 100), $status,
        $told, '1970-01-01 00:00:00', ($changed ? iso($changed) : '1970-01-01 00:00:00'), '1970-01-01 00:00:00',
        ($status eq 'resolved' ? iso($changed) : '1970-01-01 00:00:00'), $last_by, iso($when), $customer, iso($created));

    for my $role (qw(AdminCc Cc Owner Requestor)) {
        my $gid = next_id('Principals');
        run(principal => $gid);
        run(group => $gid, $role, $id, iso($created), iso($created));
        my $self_cgm = next_id('CachedGroupMembers');
        run(cgm => $self_cgm, $gid, $gid, $self_cgm, $gid);
        my $member = $role eq 'Owner' ? $owner : $role eq 'Requestor' ? $customer : undef;
        next unless $member;
        run(member => next_id('GroupMembers'), $gid, $member, iso($created), iso($created));
        my $cgm = next_id('CachedGroupMembers');
        run(cgm => $cgm, $gid, $member, $cgm, $gid);
    }
    run(ocfv => next_id('ObjectCustomFieldValues'), $cf{Order}, $id, sprintf('SH-%06d', 100000 + $i), $customer, iso($created), $customer, iso($created));
    run(ocfv => next_id('ObjectCustomFieldValues'), $cf{Channel}, $id, pick(@channels), $customer, iso($created), $customer, iso($created));

    message($id, 'Create', $customer, $created, $subject, pick(@bodies));
    message($id, @$_) for @events;
    if ($changed) {
        change($id, 'Take', 'Owner', $nobody, $owner, $owner, $changed - 30) if $owner != $nobody;
        change($id, 'Status', 'Status', 'new', $status, $owner, $changed);
    }
}
$dbh->commit;
print "first\t$first\nlast\t$last\ntransactions\t$txns\n";
