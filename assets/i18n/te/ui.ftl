### The console's screens: panes, views, status bar, composer, pickers,
### search, help, supervisor screen, empty states, times.
###
### Placeholders are filled by the code and must keep their names in every
### language. Counts are numbers, so plural variants ([one], [other], ...)
### follow the language's CLDR rules (Telugu: [one] is exactly 1).

## Panes

pane-tickets = టికెట్లు
pane-conversation = సంభాషణ
pane-customer = కస్టమర్

## Views (ids: view- + the view's name with dashes)

view-mine = నావి
view-unassigned = కేటాయించనివి
view-open = తెరిచినవి
view-pending = పెండింగ్
view-solved = పరిష్కారమైనవి
view-sla-due = SLA గడువు
view-all = అన్నీ
view-count =
    { $count ->
        [one] { $count } టికెట్
       *[other] { $count } టికెట్లు
    }
# A view tab: name and number of tickets, e.g. "Mine 12".
view-tab = { $name } { $count }

## Status bar

outbox-waiting =
    { $count ->
        [one] { $count } వేచి ఉంది
       *[other] { $count } వేచి ఉన్నాయి
    }
outbox-problems =
    { $count ->
        [one] { $count } మార్పుకు శ్రద్ధ అవసరం
       *[other] { $count } మార్పులకు శ్రద్ధ అవసరం
    }
# Flashed when a change the agent made was refused or ran into a conflict.
outbox-problems-new = సర్వర్ ఒక మార్పును తీసుకోలేదు; కారణం చూడటానికి { $key } నొక్కండి
undelivered-count =
    { $count ->
        [one] 1 జవాబు చేరలేదు
       *[other] { $count } జవాబులు చేరలేదు
    }
undelivered-new = ఒక జవాబు కస్టమర్‌కు చేరలేదు; కారణం చూడటానికి { $key } నొక్కండి
last-sync = చివరి సింక్ { $time }
logged-in-as = లాగిన్: { $name }
sync-progress = సింక్ అవుతోంది { $percent }%
sync-requested = ఇప్పుడే సింక్ చేస్తోంది
help-hint = { $key } సహాయం
queued = సేవ్ అయింది; కనెక్షన్ వచ్చినప్పుడు పంపబడుతుంది
romanized-on = కన్నడ, తెలుగు, నేపాలీని ఇంగ్లీష్ అక్షరాల్లో చూపిస్తోంది
romanized-off = అసలు లిపిలో చూపిస్తోంది
typing-offer = { $key } నొక్కండి: { $script }
typing-now-on = ఇంగ్లీష్ అక్షరాలు ఇప్పుడు ఈ లిపిలో టైప్ అవుతాయి: { $script } ({ $key } ఆపుతుంది, { $next } లిపిని మారుస్తుంది)
typing-now-off = ఇంగ్లీష్ అక్షరాలు ఉన్నవి ఉన్నట్టే టైప్ అవుతాయి ({ $key } నొక్కితే: { $script })

## Connection

conn-connecting = కనెక్ట్ అవుతోంది
conn-online = ఆన్‌లైన్
conn-offline = ఆఫ్‌లైన్
conn-syncing = సింక్ అవుతోంది
conn-degraded = బలహీన కనెక్షన్
conn-reconnecting = మళ్లీ కనెక్ట్ అవుతోంది
conn-unauthorized = సైన్ ఇన్ కాలేదు
conn-retrying = తనంతట తానే మళ్లీ ప్రయత్నిస్తోంది

## Ticket list

list-unassigned = కేటాయించలేదు
list-assigned-to = { $name }
list-new-messages =
    { $count ->
        [one] { $count } కొత్త సందేశం
       *[other] { $count } కొత్త సందేశాలు
    }
ticket-number = #{ $id }

## Ticket details and the conversation

label-subject = విషయం
label-status = స్థితి
label-priority = ప్రాధాన్యత
label-assignee = కేటాయింపు
label-requester = అభ్యర్థించినవారు
label-channel = ఛానెల్
label-tags = ట్యాగ్‌లు
label-sla = SLA
label-created = సృష్టించినది
label-updated = అప్‌డేట్ చేసినది
thread-from = { $name }, { $channel } ద్వారా
thread-older-messages =
    { $count ->
        [one] { $count } పాత సందేశం
       *[other] { $count } పాత సందేశాలు
    }

## Customer pane

label-profile = ప్రొఫైల్
label-name = పేరు
label-email = ఇమెయిల్
label-phone = ఫోన్
label-city = నగరం
label-customer-since = కస్టమర్‌గా చేరింది
label-preferred-language = ప్రాధాన్య భాష
label-lifetime-value = మొత్తం కొనుగోళ్లు
label-orders = ఆర్డర్‌లు
label-order = ఆర్డర్
label-items = వస్తువులు
label-total = మొత్తం
label-payment = చెల్లింపు
label-shipment = షిప్‌మెంట్
label-carrier = కొరియర్
label-tracking = ట్రాకింగ్
label-eta = ETA
label-late = ఆలస్యం
late-by-days =
    { $days ->
        [one] { $days } రోజు ఆలస్యం
       *[other] { $days } రోజులు ఆలస్యం
    }
label-returns = రిటర్న్‌లు
label-refunds = రీఫండ్‌లు
label-exchanges = ఎక్స్ఛేంజ్‌లు
label-past-tickets = గత టికెట్లు
label-satisfaction = సంతృప్తి
label-csat = CSAT
label-nps = NPS
label-notes = గమనికలు
csat-score = { $score }/5
nps-score = { $score }/10

## Composer

composer-reply = జవాబు
composer-note = అంతర్గత గమనిక
composer-hint = Ctrl-s పంపండి · Ctrl-t జవాబు/గమనిక · Esc రద్దు
# The same hint built from the agent's own keys.
composer-hint-keys = { $send } పంపండి · { $toggle } జవాబు/గమనిక · { $cancel } రద్దు
composer-reply-to = { $name } గారికి { $channel } ద్వారా జవాబు
composer-note-info = అంతర్గత గమనికలు ఏజెంట్‌లకు మాత్రమే కనిపిస్తాయి
composer-customer-wrote = మీరు టైప్ చేస్తుండగా కస్టమర్ మళ్లీ రాశారు
confirm-discard-draft = ఈ డ్రాఫ్ట్‌ను విస్మరించాలా? y/n

## Confirmations

confirm-title = దయచేసి నిర్ధారించండి
confirm-hint = y అవును · n కాదు
confirm-quit-unsent =
    { $count ->
        [one] { $count } మార్పు ఇంకా పంపలేదు; తర్వాతిసారి పంపబడుతుంది. నిష్క్రమించాలా? y/n
       *[other] { $count } మార్పులు ఇంకా పంపలేదు; తర్వాతిసారి పంపబడతాయి. నిష్క్రమించాలా? y/n
    }

## Pickers and prompts

picker-status = స్థితిని ఎంచుకోండి
picker-priority = ప్రాధాన్యతను ఎంచుకోండి
picker-assign = ఎవరికి కేటాయించాలి
unassigned = ఎవరికీ కాదు
prompt-tags = ట్యాగ్‌లు (కామాతో వేరు చేయండి)
picker-macro = మాక్రోను ఎంచుకోండి
no-macros = ఇంకా మాక్రోలు లేవు
prompt-placeholder = { $name } నింపండి
macro-applied = మాక్రో వర్తింపజేయబడింది; డ్రాఫ్ట్ చూసి, తర్వాత పంపండి
picker-order = ఆర్డర్‌ను ఎంచుకోండి
no-orders = ఈ కస్టమర్‌కు ఆర్డర్‌లు లేవు
unsupported-orders = ఈ హెల్ప్‌డెస్క్‌లో ఆర్డర్‌లు లేవు: ఇక్కడ రీఫండ్, రిటర్న్ లేదా ఎక్స్ఛేంజ్ చేయలేరు
unsupported-macros = ఈ హెల్ప్‌డెస్క్‌లో మాక్రోలు లేవు
unsupported-outbound = ఈ హెల్ప్‌డెస్క్ ముందస్తు సమాచారం పంపలేదు
unsupported-tags = ఈ హెల్ప్‌డెస్క్‌లో ట్యాగ్‌లు లేవు
picker-order-action = ఆర్డర్ చర్యలు
prompt-refund-amount = రీఫండ్ మొత్తం (ఆర్డర్ విలువ { $total })
prompt-refund-amount-left = రీఫండ్ మొత్తం ({ $total } లో { $left } ఇంకా రీఫండ్ చేయవచ్చు)
prompt-amount = మొత్తం
prompt-reason = కారణం
picker-refund-method = రీఫండ్ పద్ధతి
prompt-exchange-variant = కొత్త సైజు లేదా వేరియంట్
confirm-order-action = ఆర్డర్ { $order }: { $action } నిర్ధారించాలా? y/n
picker-notice-channel = ముందస్తు సమాచారం: ఛానెల్
prompt-notice-subject = ముందస్తు సమాచారం: విషయం
prompt-notice-body = ముందస్తు సమాచారం: సందేశం
notice-sent = { $name } గారికి సమాచారం క్యూలో ఉంది

## Search

search-title = వెతకండి
search-hint = టికెట్లు, కస్టమర్‌లు, సందేశాలను వెతకడానికి టైప్ చేయండి
search-results =
    { $count ->
        [0] ఫలితాలు లేవు
        [one] { $count } ఫలితం
       *[other] { $count } ఫలితాలు
    }
search-no-results = ఫలితాలు లేవు
search-too-short = వెతకడానికి ఇంకో అక్షరం టైప్ చేయండి
picker-no-match = ఏదీ సరిపోలలేదు; Backspace తో తగ్గించండి
search-searching = వెతుకుతోంది…

## Help and command palette

help-title = కీలు
palette-title = ఆదేశాల జాబితా
palette-hint = ఆదేశాలను వెతకడానికి టైప్ చేయండి

## Changes that need attention (the outbox)

problems-title = మీ శ్రద్ధ అవసరమైన మార్పులు
outbox-change = టికెట్ మార్పు
discard-write = నా మార్పును విస్మరించండి
retry-write = మళ్లీ ప్రయత్నించండి
outbox-state-pending = వేచి ఉంది
outbox-state-inflight = పంపుతోంది
outbox-state-done = పంపబడింది
outbox-state-conflict = వైరుధ్యం
outbox-state-rejected = తిరస్కరించబడింది

## Supervisor screen

supervisor-title = సూపర్‌వైజర్
supervisor-views = క్యూలు
supervisor-sla = SLA
supervisor-breached = మించినవి
supervisor-agents = ఏజెంట్‌లు
supervisor-waiting = తాజా గణాంకాల కోసం వేచి ఉంది
supervisor-only = ఈ స్క్రీన్‌ను సూపర్‌వైజర్‌లు మాత్రమే తెరవగలరు
supervisor-groups = గ్రూపులు
supervisor-due-within = { $duration } లోపు గడువు
supervisor-live = ప్రత్యక్షం · { $time } నాటి గణాంకాలు ({ $ago } క్రితం)
supervisor-stale = ప్రత్యక్షం కాదు ({ $state }) · చివరి గణాంకాలు { $time } ({ $ago } క్రితం)
supervisor-cache = ఈ కన్సోల్ లోకల్ కాష్ నుండి లెక్కించినవి · ఈ హెల్ప్‌డెస్క్ ప్రత్యక్ష గణాంకాలు పంపదు
supervisor-oldest = ఎక్కువ సేపు వేచి ఉన్నది
supervisor-oldest-value = #{ $id }, { $duration } నుండి వేచి ఉంది
supervisor-first-response = ఈరోజు మొదటి జవాబు (మధ్యగతం)
supervisor-none = ఇంకా లేదు
supervisor-arrivals = ప్రతి { $minutes } నిమిషాలకు కొత్త టికెట్లు, గత { $hours } గంటలు
supervisor-peak = గరిష్ఠం { $count }
supervisor-survey = ఈరోజు { $today } ({ $todayCount }) · గత { $days } రోజులు { $week } ({ $weekCount })
supervisor-hint = { $open }: ఈ టికెట్లు చూపించు · { $back }: వెనక్కి
alert-unassigned =
    { $count ->
        [one] { $count } టికెట్ ఎవరికీ కేటాయించలేదు
       *[other] { $count } టికెట్లు ఎవరికీ కేటాయించలేదు
    }
alert-sla-breached =
    { $count ->
        [one] { $count } టికెట్ SLA గడువు మించింది
       *[other] { $count } టికెట్లు SLA గడువు మించాయి
    }
picker-status-marked =
    { $count ->
        [one] గుర్తించిన { $count } టికెట్ స్థితి
       *[other] గుర్తించిన { $count } టికెట్ల స్థితి
    }
picker-priority-marked =
    { $count ->
        [one] గుర్తించిన { $count } టికెట్ ప్రాధాన్యత
       *[other] గుర్తించిన { $count } టికెట్ల ప్రాధాన్యత
    }
picker-assign-marked =
    { $count ->
        [one] గుర్తించిన { $count } టికెట్‌ను ఎవరికి కేటాయించాలి
       *[other] గుర్తించిన { $count } టికెట్లను ఎవరికి కేటాయించాలి
    }
queued-many =
    { $count ->
        [one] { $count } మార్పు సేవ్ అయింది; కనెక్షన్ వచ్చినప్పుడు పంపబడుతుంది
       *[other] { $count } మార్పులు సేవ్ అయ్యాయి; కనెక్షన్ వచ్చినప్పుడు పంపబడతాయి
    }
list-marked = { $count } గుర్తించినవి

## Empty states

empty-view = ఈ వీక్షణలో టికెట్లు లేవు
select-ticket = టికెట్‌ను ఎంచుకోండి
select-ticket-first = ముందుగా టికెట్‌ను ఎంచుకోండి
empty-thread = ఇంకా సందేశాలు లేవు
empty-message = సందేశం ఖాళీగా ఉంది
empty-customer = కస్టమర్ వివరాలు లేవు

## Times (the code picks the unit; numbers are whole)

time-just-now = ఇప్పుడే
time-minutes-ago = { $n } నిమి. క్రితం
time-hours-ago = { $n } గం. క్రితం
time-days-ago =
    { $n ->
        [one] { $n } రోజు క్రితం
       *[other] { $n } రోజుల క్రితం
    }
time-in-minutes = { $n } నిమి.లో
time-in-hours = { $n } గం.లో
time-in-days =
    { $n ->
        [one] { $n } రోజులో
       *[other] { $n } రోజుల్లో
    }
time-overdue-minutes = { $n } నిమి. ఆలస్యం
time-overdue-hours = { $n } గం. ఆలస్యం
time-overdue-days =
    { $n ->
        [one] { $n } రోజు ఆలస్యం
       *[other] { $n } రోజులు ఆలస్యం
    }
presence-typing = { $name } (టైప్ చేస్తున్నారు)

unsupported-files = ఈ హెల్ప్‌డెస్క్‌లో సహాయం వాడగల ఫైళ్లు లేవు
outbox-resend = మళ్ళీ పంపండి
files-title = ఈ టికెట్ ఫైళ్లు
files-none = ఈ టికెట్‌లో ఫైళ్లు లేవు
file-fetching = { $name } తెస్తోంది…
file-saved = { $name } ను { $path } లో సేవ్ చేశాం
file-opened = { $name } ను { $path } లో సేవ్ చేసి తెరిచాం
file-failed-offline = { $name } తేలేకపోయాం: సర్వర్ ఇప్పుడు అందుబాటులో లేదు; ఆన్‌లైన్ అయ్యాక మళ్ళీ ప్రయత్నించండి
file-failed-refused = సర్వర్ { $name } ఇవ్వలేదు: { $detail }
file-failed-damaged = { $name } పాడై వచ్చింది (చెక్‌సమ్ సరిపోలలేదు); మళ్ళీ ప్రయత్నించండి
file-failed-disk = { $name } సేవ్ చేయలేకపోయాం: { $detail }; డౌన్‌లోడ్ ఫోల్డర్ చూడండి
file-failed-unavailable = ఈ హెల్ప్‌డెస్క్‌లో సహాయం తేగల ఫైళ్లు లేవు
file-attach-title = ఫైల్ జతచేయండి (దాని దారి)
file-attached = { $name } జతచేశాం ({ $size })
file-not-found = { $path } వద్ద ఫైల్ లేదు; దారి సరిచూడండి
file-is-folder = { $path } ఒక ఫోల్డర్; ఫైల్ దారి ఇవ్వండి
file-too-large = { $path } { $limit } కంటే పెద్దది; చిన్న ఫైల్ లేదా లింక్ పంపండి
file-unreadable = { $path } చదవలేకపోయాం: { $error }
file-too-many = ఒక జవాబులో గరిష్ఠంగా { $count } ఫైళ్లు
undelivered-title = ఈ జవాబు చేరలేదు
undelivered-hint = { $key }: మళ్ళీ పంపండి, లేదా వేరే ఛానెల్‌లో
resend-same = { $channel } లో మళ్ళీ పంపండి
resend-other = { $channel } లో పంపండి ({ $handle })
open-ticket = టికెట్ #{ $id } తెరవండి

## Searches in the list, saved views, groups, marked tickets

list-search = వెతుకులాట: { $query }
header-group = గ్రూప్ { $group }
picker-group = గ్రూప్‌ను ఎంచుకోండి
picker-group-marked =
    { $count ->
        [one] గుర్తించిన { $count } టికెట్‌కు గ్రూప్
       *[other] గుర్తించిన { $count } టికెట్లకు గ్రూప్
    }
prompt-tags-marked =
    { $count ->
        [one] గుర్తించిన { $count } టికెట్ ట్యాగ్‌లు: cod లేదా +cod జోడిస్తుంది, -cod తీసివేస్తుంది
       *[other] గుర్తించిన { $count } టికెట్ల ట్యాగ్‌లు: cod లేదా +cod జోడిస్తుంది, -cod తీసివేస్తుంది
    }
prompt-view-name = { $query } వీక్షణకు పేరు
prompt-view-key = “{ $name }” ను చూపే కీ (ఉదా. 7)
view-saved = “{ $name }” వీక్షణ సేవ్ అయింది: { $key } దాన్ని చూపుతుంది
view-already-saved = ఇది సేవ్ చేసిన వీక్షణ “{ $name }” (కీ { $key })
view-save-needs-search = ముందు వెతకండి ({ $search }), తర్వాత { $list } దొరికినవాటిని జాబితాలో చూపుతుంది; దాన్ని వీక్షణగా సేవ్ చేయండి
picker-macro-marked =
    { $count ->
        [one] గుర్తించిన { $count } టికెట్‌కు మాక్రో (వెంటనే పంపబడుతుంది)
       *[other] గుర్తించిన { $count } టికెట్లకు మాక్రో (వెంటనే పంపబడుతుంది)
    }
macro-queued-marked =
    { $count ->
        [one] { $count } టికెట్‌కు మాక్రో సేవ్ అయింది
       *[other] { $count } టికెట్లకు మాక్రో సేవ్ అయింది
    }
macro-queued-marked-some = { $count } టికెట్లకు మాక్రో సేవ్ అయింది; { $left } గుర్తించినవిగానే మిగిలాయి, వాటి ప్లేస్‌హోల్డర్‌లను కాష్ నింపలేదు: { $tickets }. ఒక్కొక్కదానికి విడిగా వర్తింపజేయండి
picker-history = ఈ కస్టమర్ టికెట్లు
history-back = ← #{ $id } { $subject } కు తిరిగి వెళ్ళండి
history-none = ఈ కస్టమర్‌కు వేరే టికెట్ లేదు
history-not-cached = ఆ టికెట్ ఇంకా లోకల్ కాష్‌లో లేదు; సింక్ చేసి, మళ్ళీ ప్రయత్నించండి
## Suggested macros: what the ticket is about, and why

intent-where-is-my-order = నా ఆర్డర్ ఎక్కడ ఉంది
intent-late-delivery = ఆలస్యమైన డెలివరీ
intent-wrong-item = తప్పు వస్తువు
intent-damaged = పాడైన వస్తువు
intent-refund-status = రీఫండ్ స్థితి
intent-cancel = రద్దు
intent-address-change = చిరునామా మార్పు
intent-payment-failed = చెల్లింపు విఫలం
intent-cod = క్యాష్ ఆన్ డెలివరీ
intent-exchange-size = వేరే సైజుకు మార్పిడి
intent-other = ఇతర
intent-fact-late = ఆలస్యమైంది
intent-fact-in-transit = దారిలో ఉంది
intent-fact-not-dispatched = ఇంకా పంపలేదు
intent-fact-delivered = డెలివరీ అయింది
intent-fact-delivery-failed = డెలివరీ విఫలమైంది
intent-fact-returned-to-origin = అమ్మకందారుకు తిరిగి వెళ్లింది
intent-fact-cod = క్యాష్ ఆన్ డెలివరీ
intent-fact-payment-failed = చెల్లింపు విఫలం
intent-fact-payment-pending = చెల్లింపు పెండింగ్‌లో ఉంది
intent-fact-refunded = రీఫండ్ అయింది
macro-why-words-facts = { $intent } — { $words } అని రాశారు · ఆర్డర్ { $order }: { $facts }
macro-why-words = { $intent } — { $words } అని రాశారు
macro-why-facts = { $intent } — ఆర్డర్ { $order }: { $facts }
macro-why-intent = { $intent }

## Order actions: what is still possible, the questions they ask

order-note-refundable = { $total } లో { $left } రీఫండ్ చేయవచ్చు
order-note-returnable = { $ordered } లో { $left } వస్తువులను ఇంకా రిటర్న్ లేదా ఎక్స్ఛేంజ్ చేయవచ్చు
order-note-cancel-refund = { $amount } చెల్లించిన చోటికే తిరిగి వెళ్తుంది
order-note-address = ప్రస్తుత చిరునామా: { $address }
picker-order-items = ఏ వస్తువులు?
order-items-all = మిగిలినవన్నీ ({ $count } వస్తువులు)
order-item-left = { $name } · { $ordered } లో { $left } మిగిలాయి
prompt-quantity = { $name } ఎన్ని? (1–{ $left })
error-quantity = 1 నుండి { $left } వరకు ఒక సంఖ్య ఇవ్వండి
prompt-ifsc = కస్టమర్ బ్యాంక్ శాఖ IFSC (ఉదా. SBIN0001234)
prompt-account-number = కస్టమర్ బ్యాంక్ ఖాతా నంబర్
prompt-upi-id = కస్టమర్ UPI ఐడి (ఉదా. name@okaxis)
prompt-address-line = కొత్త చిరునామా: ఇల్లు, వీధి, ప్రాంతం
prompt-city = నగరం
prompt-pin-code = పిన్ కోడ్ (6 అంకెలు)
prompt-postal-code-np = పోస్టల్ కోడ్ (5 అంకెలు)
picker-slot = కొరియర్ మళ్లీ ఎప్పుడు రావాలి?
slot-window-09-13 = ఉదయం (9–13)
slot-window-13-17 = మధ్యాహ్నం (13–17)
slot-window-17-21 = సాయంత్రం (17–21)
slot-label = { $date }, { $window }
order-detail-refund-to = { $to } కు { $amount }
label-order-changes = రద్దులు, చిరునామా మార్పులు, మళ్లీ డెలివరీలు

## Merging tickets
prompt-merge = #{ $id } ను ఏ టికెట్‌లో విలీనం చేయాలి? దాని నంబర్, లేదా వెతకడానికి పదాలు
prompt-merge-marked =
    { $count ->
        [one] గుర్తించిన { $count } టికెట్‌ను ఏ టికెట్‌లో విలీనం చేయాలి? దాని నంబర్, లేదా వెతకడానికి పదాలు
       *[other] గుర్తించిన { $count } టికెట్లను ఏ టికెట్‌లో విలీనం చేయాలి? దాని నంబర్, లేదా వెతకడానికి పదాలు
    }
picker-merge-target = ఏ టికెట్‌లో విలీనం చేయాలి? ({ $count } దొరికాయి)
confirm-merge = #{ $id } ను #{ $into } “{ $subject }” లో విలీనం చేయాలా? దాని సందేశాలు ({ $messages }), ట్యాగ్‌లు ({ $tags }) మరియు కస్టమర్ లింక్‌లు #{ $into } కు వెళ్తాయి; #{ $id } మూసివేయబడుతుంది.
confirm-merge-marked = { $count } టికెట్లను #{ $into } “{ $subject }” లో విలీనం చేయాలా? వాటి సందేశాలు ({ $messages }), ట్యాగ్‌లు ({ $tags }) మరియు కస్టమర్ లింక్‌లు #{ $into } కు వెళ్తాయి; ఆ { $count } మూసివేయబడతాయి.
merge-no-new-tags = కొత్తవి లేవు
merge-skipped = విలీనం కానివి: { $list }
queued-merge = #{ $id } ను #{ $into } లో విలీనం సేవ్ అయింది; కనెక్షన్ ఉన్నప్పుడు ఒక్కసారి పంపబడుతుంది
queued-merge-many = #{ $into } లో { $count } విలీనాలు సేవ్ అయ్యాయి; కనెక్షన్ ఉన్నప్పుడు ఒక్కొక్కటి ఒక్కసారి పంపబడుతుంది
outbox-merge = విలీనం #{ $id } → #{ $into }
unsupported-merge = ఈ హెల్ప్‌డెస్క్‌లో సహాయం నుండి టికెట్లను విలీనం చేయలేరు
outbox-problems-grouped =
    { $count ->
        [one] సర్వర్ { $count } మార్పును తీసుకోలేదు — { $groups }; చూడటానికి { $key } నొక్కండి
       *[other] సర్వర్ { $count } మార్పులను తీసుకోలేదు — { $groups }; చూడటానికి { $key } నొక్కండి
    }
header-merged-into = { $status }, #{ $id } లో విలీనమైంది
