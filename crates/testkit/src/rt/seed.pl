# Creates N tickets for sahaya's tests and benchmarks, straight through RT's
# API: a requestor each (some shared), a first message, and for some a reply
# from an agent and a customer answer. Prints the number made.
use strict; use warnings; use utf8;
use RT; RT::LoadConfig(); RT::Init();
use MIME::Entity;
my $sys = RT->SystemUser;
binmode STDOUT, ':utf8';
my ($n, $replies) = (shift // 10, shift // 1);
my $agent = RT::User->new(RT->SystemUser); $agent->Load('kavya');
my $as_agent = RT::CurrentUser->new($agent);
# Some subjects have no order number in them.
no warnings 'redundant';
my @subjects = ('ಪಾರ್ಸೆಲ್ ಬಂದಿಲ್ಲ', 'రీఫండ్ ఇంకా రాలేదు', 'मेरो अर्डर कहाँ छ', 'Wrong size delivered',
    'Refund status for SH-%d', 'COD order not picked up');
my @bodies = ('ನನ್ನ ಆರ್ಡರ್ SH-%d ಇನ್ನೂ ಬಂದಿಲ್ಲ, ದಯವಿಟ್ಟು ನೋಡಿ.', 'నా ఆర్డర్ SH-%d రీఫండ్ ఇంకా రాలేదు.',
    'मेरो अर्डर SH-%d अहिलेसम्म आएको छैन।', 'I ordered M but got XL in order SH-%d.',
    'Where is the refund for SH-%d?', 'The courier never came for SH-%d.');
# Seeding only: no fsync per row.
$RT::Handle->dbh->do('PRAGMA synchronous = OFF');
# The scrips that notify owners, AdminCcs, Ccs and "other recipients" find
# nobody to write to in these tickets (no owner, no Cc), so they make no
# mail and no transaction; preparing their templates is still about half of
# the seeding's time. They are off while seeding and on again after: the
# tickets get the same transactions (Create, EmailRecord for the autoreply,
# CustomField, Correspond, EmailRecord, Status, Correspond) either way.
my @idle;
my $scrips = RT::Scrips->new($sys);
$scrips->UnLimit;
while (my $s = $scrips->Next) {
    next if $s->Disabled;
    next unless ($s->Description // '') =~ /Notify (Owner|AdminCcs|Ccs|Other Recipients)/;
    my ($ok, $m) = $s->SetDisabled(1);
    die "scrip @{[$s->Id]}: $m" unless $ok;
    push @idle, $s;
}
END { $_->SetDisabled(0) for @idle }
my $made = 0;
for my $i (1 .. $n) {
    my $k = $i % @subjects;
    my $order = 1000 + $i;
    my $requestor = sprintf('customer%d@customer.test', $i % 997);
    my $customer = RT::User->new(RT->SystemUser);
    $customer->LoadOrCreateByEmail($requestor);
    my $as_customer = RT::CurrentUser->new($customer);
    my $t = RT::Ticket->new($as_customer);
    my $mime = MIME::Entity->build(Type => 'text/plain', Charset => 'UTF-8',
        Data => [ Encode::encode('UTF-8', sprintf($bodies[$k], $order)) ]);
    my ($id, undef, $msg) = $t->Create(Queue => ($i % 3 ? 'General' : 'Returns'),
        Subject => sprintf($subjects[$k], $order), Requestor => [$requestor],
        Priority => ($i * 37) % 101, MIMEObj => $mime);
    die "ticket $i: $msg" unless $id;
    my $as_system = RT::Ticket->new(RT->SystemUser); $as_system->Load($id);
    $as_system->AddCustomFieldValue(Field => 'Order', Value => "SH-$order");
    if ($replies && $i % 2) {
        my $tk = RT::Ticket->new($as_agent); $tk->Load($id);
        $tk->Correspond(Content => "Sorry for the wait, SH-$order is on its way.");
        my $back = RT::Ticket->new($as_customer); $back->Load($id);
        $back->Correspond(Content => "ಧನ್ಯವಾದ / ధన్యవాదాలు / धन्यवाद");
    }
    $made++;
}
print "$made\n";
