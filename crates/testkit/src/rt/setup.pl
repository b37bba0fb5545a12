# Prepares a fresh RT database for sahaya's tests: two agents (members of
# the group Support, which holds the agents' rights) and an admin with
# tokens, a second queue, the Order and Channel ticket custom fields and the
# sahaya-key transaction custom field. Prints "<login>\t<id>\t<token>".
use strict; use warnings; use utf8;
use RT; RT::LoadConfig(); RT::Init();
binmode STDOUT, ':utf8';
my $sys = RT->SystemUser;
my $key_field = shift // 1;

my $q = RT::Queue->new($sys);
$q->Load('Returns');
unless ($q->Id) { my ($ok, $m) = $q->Create(Name => 'Returns'); die "queue: $m" unless $ok; }

my @rights = qw(SeeQueue ShowTicket CreateTicket ReplyToTicket CommentOnTicket ModifyTicket
    OwnTicket TakeTicket StealTicket ShowTicketComments SeeCustomField ModifyCustomField
    ShowOutgoingEmail SeeGroup);
# The agents' rights go to a group, not to every privileged user, so that a
# test can make an agent with fewer rights (add-user.pl).
my $support = RT::Group->new($sys);
$support->LoadUserDefinedGroup('Support');
unless ($support->Id) { my ($ok, $m) = $support->CreateUserDefinedGroup(Name => 'Support'); die "group: $m" unless $ok; }
$support->PrincipalObj->GrantRight(Right => $_, Object => RT->System) for @rights;
# Customers write in (as rt-mailgate does for them) and answer on their own
# tickets.
my $everyone = RT::Group->new($sys);
$everyone->LoadSystemInternalGroup('Everyone');
$everyone->PrincipalObj->GrantRight(Right => $_, Object => RT->System)
    for qw(CreateTicket SeeQueue);
my $requestors = RT::Group->new($sys);
$requestors->LoadRoleGroup(Object => RT->System, Name => 'Requestor');
$requestors->PrincipalObj->GrantRight(Right => 'ReplyToTicket', Object => RT->System);

my @fields = (['Order', 'RT::Queue-RT::Ticket'], ['Channel', 'RT::Queue-RT::Ticket']);
push @fields, ['sahaya-key', 'RT::Queue-RT::Ticket-RT::Transaction'] if $key_field;
for my $f (@fields) {
    my $cf = RT::CustomField->new($sys);
    $cf->LoadByName(Name => $f->[0], LookupType => $f->[1]);
    unless ($cf->Id) {
        my ($ok, $m) = $cf->Create(Name => $f->[0], LookupType => $f->[1],
            Type => 'FreeformSingle', MaxValues => 1);
        die "custom field $f->[0]: $m" unless $ok;
    }
    $cf->AddToObject(RT::Queue->new($sys));
}

for my $u (['kavya', 'ಕಾವ್ಯಾ ರಾವ್', 'kn'], ['ravi', 'రవి శంకర్', 'te'], ['root', '', '']) {
    my $user = RT::User->new($sys);
    $user->Load($u->[0]);
    unless ($user->Id) {
        my ($ok, $m) = $user->Create(Name => $u->[0], EmailAddress => "$u->[0]\@shop.test",
            RealName => $u->[1], Lang => $u->[2], Privileged => 1);
        die "user $u->[0]: $m" unless $ok;
    }
    $support->AddMember($user->PrincipalId) if $u->[0] ne 'root';
    my $token = RT::AuthToken->new($sys);
    my ($ok, $msg, $auth) = $token->Create(Owner => $user->Id, Description => 'sahaya tests');
    die "token for $u->[0]: $msg" unless $ok;
    print join("\t", $u->[0], $user->Id, $auth), "\n";
}
