# Puts users (by login) or groups (by "group:<name>") into an RT group,
# made if missing (user-defined, empty). Prints the group's id.
use strict; use warnings; use utf8;
use Encode; use RT; RT::LoadConfig(); RT::Init();
my $sys = RT->SystemUser;
my ($name, @members) = map { Encode::decode('UTF-8', $_) } @ARGV;
my $group = RT::Group->new($sys);
$group->LoadUserDefinedGroup($name);
unless ($group->Id) {
    my ($ok, $m) = $group->CreateUserDefinedGroup(Name => $name);
    die "group $name: $m" unless $ok;
}
for my $member (@members) {
    my $principal;
    if ($member =~ /^group:(.+)$/) {
        my $inner = RT::Group->new($sys);
        $inner->LoadUserDefinedGroup($1);
        unless ($inner->Id) {
            my ($ok, $m) = $inner->CreateUserDefinedGroup(Name => $1);
            die "group $1: $m" unless $ok;
        }
        $principal = $inner->PrincipalId;
    } else {
        my $user = RT::User->new($sys);
        $user->Load($member);
        die "no user $member" unless $user->Id;
        $principal = $user->PrincipalId;
    }
    my ($ok, $m) = $group->AddMember($principal);
    die "member $member of $name: $m" unless $ok;
}
print $group->Id, "\n";
