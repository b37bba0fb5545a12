# Adds an agent for one test: a privileged RT user with a token, outside the
# Support group, with only the rights given ("Right" on every queue, or
# "Right@Queue" on one). Prints "<login>\t<id>\t<token>".
use strict; use warnings; use utf8;
use Encode; use RT; RT::LoadConfig(); RT::Init();
binmode STDOUT, ':utf8';
my $sys = RT->SystemUser;
my ($login, $real_name, @rights) = map { Encode::decode('UTF-8', $_) } @ARGV;
my $user = RT::User->new($sys);
my ($ok, $m) = $user->Create(Name => $login, EmailAddress => "$login\@shop.test",
    RealName => $real_name, Privileged => 1);
die "user $login: $m" unless $ok;
for my $r (@rights) {
    my ($right, $queue) = split /@/, $r, 2;
    my $object = RT->System;
    if (defined $queue) {
        $object = RT::Queue->new($sys);
        $object->Load($queue);
        die "no queue $queue" unless $object->Id;
    }
    my ($granted, $msg) = $user->PrincipalObj->GrantRight(Right => $right, Object => $object);
    die "right $r: $msg" unless $granted;
}
my $token = RT::AuthToken->new($sys);
my ($made, $msg, $auth) = $token->Create(Owner => $user->Id, Description => 'sahaya tests');
die "token for $login: $msg" unless $made;
print join("\t", $login, $user->Id, $auth), "\n";
