#!/usr/bin/perl
# Provisions a freshly initialised RT 5 database for sahaya's tests: queues,
# custom fields, an agents group with rights on the work queues, two agents and
# API tokens. Run with RT_SITE_CONFIG / RT_SITE_CONFIG_DIR pointing at the
# instance's own config. Prints one "key<TAB>value" line per fact on STDOUT.
use strict;
use warnings;
use utf8;
use lib '/usr/share/request-tracker5/lib';
use RT;
RT::LoadConfig();
RT::Init();
binmode STDOUT, ':encoding(UTF-8)';

my $sys = RT->SystemUser;
sub ok_or_die { my ($what, $ok, $msg) = @_; die "$what: $msg\n" unless $ok; }

# Queues. General exists after rt-setup-database; Restricted has no rights for agents.
my @work_queues = ('General', 'Returns');
my %queue;
for my $name (@work_queues, 'Restricted') {
    my $q = RT::Queue->new($sys);
    $q->Load($name);
    unless ($q->Id) {
        ok_or_die("queue $name", $q->Create(Name => $name, Description => "sahaya test queue $name",
            CorrespondAddress => lc($name) . '@support.sahaya.test',
            CommentAddress => lc($name) . '-comment@support.sahaya.test'));
    }
    $queue{$name} = $q;
    print "queue\t$name\t", $q->Id, "\n";
}

# Ticket custom fields Order and Channel; transaction custom field sahaya-key.
my @cfs = (
    [ 'Order',      'RT::Queue-RT::Ticket',                  'Order id (sahaya)' ],
    [ 'Channel',    'RT::Queue-RT::Ticket',                  'Channel: email, chat, phone, whatsapp, ...' ],
    [ 'sahaya-key', 'RT::Queue-RT::Ticket-RT::Transaction',  'Outbox key of the sahaya write that made this transaction' ],
);
for my $spec (@cfs) {
    my ($name, $lookup, $desc) = @$spec;
    my $cf = RT::CustomField->new($sys);
    $cf->LoadByName(Name => $name, LookupType => $lookup);
    unless ($cf->Id) {
        ok_or_die("custom field $name", $cf->Create(Name => $name, LookupType => $lookup,
            Type => 'Freeform', MaxValues => 1, Description => $desc));
    }
    for my $qn (@work_queues, 'Restricted') {
        next if $cf->IsAdded($queue{$qn}->Id);
        ok_or_die("apply $name to $qn", $cf->AddToObject($queue{$qn}));
    }
    print "customfield\t$name\t", $cf->Id, "\n";
}

# Agents group and its rights on the work queues.
my $agents = RT::Group->new($sys);
$agents->LoadUserDefinedGroup('Agents');
unless ($agents->Id) {
    ok_or_die('group Agents', $agents->CreateUserDefinedGroup(Name => 'Agents', Description => 'sahaya agents'));
}
my @queue_rights = qw(SeeQueue ShowTicket ShowTicketComments CreateTicket ReplyToTicket
    CommentOnTicket ModifyTicket OwnTicket TakeTicket StealTicket ReassignTicket Watch
    WatchAsAdminCc ShowOutgoingEmail SeeCustomField ModifyCustomField SetInitialCustomField);
for my $qn (@work_queues) {
    for my $right (@queue_rights) {
        my ($ok, $msg) = $agents->PrincipalObj->GrantRight(Right => $right, Object => $queue{$qn});
        die "grant $right on $qn: $msg\n" unless $ok || $msg =~ /already has/i;
    }
}
for my $right (qw(ShowUserHistory SeeGroup ManageAuthTokens)) {
    my ($ok, $msg) = $agents->PrincipalObj->GrantRight(Right => $right, Object => RT->System);
    die "grant $right: $msg\n" unless $ok || $msg =~ /already has/i;
}

# Users: two agents (Kannada and Telugu real names) and root as admin.
my @agents = (
    [ 'asha', 'ಆಶಾ ರಾವ್',   'asha@agents.sahaya.test' ],
    [ 'ravi', 'రవి కుమార్', 'ravi@agents.sahaya.test' ],
);
my @token_users;
for my $a (@agents) {
    my ($name, $real, $email) = @$a;
    my $u = RT::User->new($sys);
    $u->Load($name);
    unless ($u->Id) {
        ok_or_die("user $name", $u->Create(Name => $name, RealName => $real, EmailAddress => $email,
            Privileged => 1, Lang => 'en'));
    }
    my ($ok, $msg) = $agents->AddMember($u->PrincipalId);
    die "add $name to Agents: $msg\n" unless $ok || $msg =~ /already a member/i;
    push @token_users, [ 'agent', $u ];
}
my $root = RT::User->new($sys);
$root->Load('root');
die "no root user\n" unless $root->Id;
$root->SetEmailAddress('root@admin.sahaya.test') unless $root->EmailAddress;
push @token_users, [ 'admin', $root ];

# A pool of customers (unprivileged) with real names in several scripts; the
# seeder uses them as requestors.
my @customer_names = (
    'ಅನನ್ಯಾ ಹೆಗಡೆ', 'ಪ್ರಕಾಶ್ ಗೌಡ', 'ಸುಮಾ ಶೆಟ್ಟಿ', 'శ్రీనివాస్ రెడ్డి', 'లక్ష్మి ప్రసాద్', 'అరుణ్ కుమార్',
    'सीता श्रेष्ठ', 'राम थापा', 'गीता गुरुङ', 'Meera Iyer', 'John Mathew', 'Fatima Shaikh',
);
my $customers = 0;
for my $i (1 .. 120) {
    my $email = sprintf('customer%04d@customers.sahaya.test', $i);
    my $u = RT::User->new($sys);
    $u->LoadByEmail($email);
    unless ($u->Id) {
        ok_or_die("customer $email", $u->Create(Name => $email, EmailAddress => $email,
            RealName => $customer_names[ ($i - 1) % @customer_names ], Privileged => 0));
    }
    $customers++;
}
print "customers\t$customers\n";

for my $tu (@token_users) {
    my ($role, $u) = @$tu;
    my $token = RT::AuthToken->new(RT::CurrentUser->new($u));
    my ($ok, $msg, $auth) = $token->Create(Owner => $u->Id, Description => 'sahaya tests');
    die "token for " . $u->Name . ": $msg\n" unless $ok;
    print "user\t$role\t", $u->Name, "\t", $u->Id, "\t", $auth, "\n";
}
print "done\n";
