### The console's screens: panes, views, status bar, composer, pickers,
### search, help, supervisor screen, empty states, times.
###
### Placeholders are filled by the code and must keep their names in every
### language. Counts are numbers, so plural variants ([one], [other], ...)
### follow the language's CLDR rules (Nepali: [one] is exactly 1).

## Panes

pane-tickets = टिकटहरू
pane-conversation = कुराकानी
pane-customer = ग्राहक

## Views (ids: view- + the view's name with dashes)

view-mine = मेरा
view-unassigned = नतोकिएका
view-open = खुला
view-pending = पर्खाइमा
view-solved = समाधान भएका
view-sla-due = SLA म्याद
view-all = सबै
view-count =
    { $count ->
        [one] { $count } टिकट
       *[other] { $count } टिकट
    }
# A view tab: name and number of tickets, e.g. "Mine 12".
view-tab = { $name } { $count }

## Status bar

outbox-waiting = { $count } पर्खिँदै
outbox-problems =
    { $count ->
        [one] { $count } परिवर्तनमा ध्यान दिनुपर्छ
       *[other] { $count } परिवर्तनमा ध्यान दिनुपर्छ
    }
# Flashed when a change the agent made was refused or ran into a conflict.
outbox-problems-new = सर्भरले एउटा परिवर्तन लिएन; कारण हेर्न { $key } थिच्नुहोस्
undelivered-count =
    { $count ->
        [one] 1 जवाफ पुगेन
       *[other] { $count } जवाफ पुगेनन्
    }
undelivered-new = एउटा जवाफ ग्राहकसम्म पुगेन; कारण हेर्न { $key } थिच्नुहोस्
last-sync = अन्तिम सिंक { $time }
logged-in-as = लगइन: { $name }
sync-progress = सिंक हुँदै { $percent }%
sync-requested = अहिले सिंक हुँदैछ
help-hint = { $key } मद्दत
queued = सेभ भयो; जडान भएपछि पठाइनेछ
romanized-on = कन्नड, तेलुगु र नेपाली रोमन अक्षरमा देखाइँदैछ
romanized-off = मूल लिपिमा देखाइँदैछ
typing-offer = { $key } थिच्नुहोस्: { $script }
typing-now-on = रोमन अक्षर अब यो लिपिमा टाइप हुन्छ: { $script } ({ $key } ले बन्द गर्छ, { $next } ले लिपि बदल्छ)
typing-now-off = रोमन अक्षर जस्ताको तस्तै टाइप हुन्छ ({ $key } थिच्दा: { $script })

## Connection

conn-connecting = जोडिँदै
conn-online = अनलाइन
conn-offline = अफलाइन
conn-syncing = सिंक हुँदै
conn-degraded = कमजोर जडान
conn-reconnecting = फेरि जोडिँदै
conn-unauthorized = साइन इन छैन
conn-retrying = आफैं फेरि प्रयास गर्दैछ

## Ticket list

list-unassigned = नतोकिएको
list-assigned-to = { $name }
list-new-messages =
    { $count ->
        [one] { $count } नयाँ सन्देश
       *[other] { $count } नयाँ सन्देश
    }
ticket-number = #{ $id }

## Ticket details and the conversation

label-subject = विषय
label-status = स्थिति
label-priority = प्राथमिकता
label-assignee = जिम्मेवार
label-requester = अनुरोधकर्ता
label-channel = च्यानल
label-tags = ट्यागहरू
label-sla = SLA
label-created = सिर्जना
label-updated = अपडेट
thread-from = { $name }, { $channel } मार्फत
thread-older-messages =
    { $count ->
        [one] { $count } पुरानो सन्देश
       *[other] { $count } पुराना सन्देश
    }

## Customer pane

label-profile = प्रोफाइल
label-name = नाम
label-email = इमेल
label-phone = फोन
label-city = सहर
label-customer-since = ग्राहक भएदेखि
label-preferred-language = रुचाइएको भाषा
label-lifetime-value = कुल खरिद
label-orders = अर्डरहरू
label-order = अर्डर
label-items = सामानहरू
label-total = कुल
label-payment = भुक्तानी
label-shipment = ढुवानी
label-carrier = कुरियर
label-tracking = ट्र्याकिङ
label-eta = ETA
label-late = ढिलो
late-by-days =
    { $days ->
        [one] { $days } दिन ढिलो
       *[other] { $days } दिन ढिलो
    }
label-returns = फिर्ताहरू
label-refunds = रिफन्डहरू
label-exchanges = साटफेरहरू
label-past-tickets = पुराना टिकटहरू
label-satisfaction = सन्तुष्टि
label-csat = CSAT
label-nps = NPS
label-notes = टिप्पणीहरू
csat-score = { $score }/5
nps-score = { $score }/10

## Composer

composer-reply = जवाफ
composer-note = आन्तरिक टिप्पणी
composer-hint = Ctrl-s पठाउने · Ctrl-t जवाफ/टिप्पणी · Esc रद्द
# The same hint built from the agent's own keys.
composer-hint-keys = { $send } पठाउने · { $toggle } जवाफ/टिप्पणी · { $cancel } रद्द
composer-reply-to = { $name }लाई { $channel } मार्फत जवाफ
composer-note-info = आन्तरिक टिप्पणी एजेन्टहरूले मात्र देख्छन्
composer-customer-wrote = तपाईं टाइप गर्दै गर्दा ग्राहकले फेरि लेख्नुभयो
confirm-discard-draft = यो ड्राफ्ट खारेज गर्ने? y/n

## Confirmations

confirm-title = कृपया पुष्टि गर्नुहोस्
confirm-hint = y हो · n होइन
confirm-quit-unsent =
    { $count ->
        [one] { $count } परिवर्तन अझै पठाइएको छैन; अर्को पटक पठाइनेछ। बाहिर निस्कने? y/n
       *[other] { $count } परिवर्तन अझै पठाइएका छैनन्; अर्को पटक पठाइनेछन्। बाहिर निस्कने? y/n
    }

## Pickers and prompts

picker-status = स्थिति छान्नुहोस्
picker-priority = प्राथमिकता छान्नुहोस्
picker-assign = कसलाई तोक्ने
unassigned = कसैलाई होइन
prompt-tags = ट्यागहरू (अल्पविरामले छुट्याएर)
picker-macro = म्याक्रो छान्नुहोस्
no-macros = अहिलेसम्म कुनै म्याक्रो छैन
prompt-placeholder = { $name } भर्नुहोस्
macro-applied = म्याक्रो लागू भयो; ड्राफ्ट जाँचेर पठाउनुहोस्
picker-order = अर्डर छान्नुहोस्
no-orders = यो ग्राहकको कुनै अर्डर छैन
unsupported-orders = यो हेल्पडेस्कमा अर्डर छैनन्: यहाँ रिफन्ड, फिर्ता वा साटफेर गर्न मिल्दैन
unsupported-macros = यो हेल्पडेस्कमा म्याक्रो छैनन्
unsupported-outbound = यो हेल्पडेस्कले अग्रिम सूचना पठाउन सक्दैन
unsupported-tags = यो हेल्पडेस्कमा ट्याग छैनन्
picker-order-action = अर्डर कार्य
prompt-refund-amount = रिफन्ड रकम (अर्डरको कुल { $total })
prompt-refund-amount-left = रिफन्ड रकम ({ $total } मध्ये { $left } अझै फिर्ता गर्न मिल्छ)
prompt-amount = रकम
prompt-reason = कारण
picker-refund-method = रिफन्ड विधि
prompt-exchange-variant = नयाँ साइज वा भेरियन्ट
confirm-order-action = अर्डर { $order }: { $action } पुष्टि गर्ने? y/n
picker-notice-channel = अग्रिम सूचना: च्यानल
prompt-notice-subject = अग्रिम सूचना: विषय
prompt-notice-body = अग्रिम सूचना: सन्देश
notice-sent = { $name }लाई सूचना पठाइनेछ

## Search

search-title = खोज
search-hint = टिकट, ग्राहक र सन्देश खोज्न टाइप गर्नुहोस्
search-results =
    { $count ->
        [0] कुनै नतिजा छैन
        [one] { $count } नतिजा
       *[other] { $count } नतिजा
    }
search-no-results = कुनै नतिजा छैन
search-too-short = खोज्न अर्को एउटा अक्षर टाइप गर्नुहोस्
picker-no-match = केही मिलेन; Backspace थिचेर घटाउनुहोस्
search-searching = खोज्दै…

## Help and command palette

help-title = कीहरू
palette-title = आदेश सूची
palette-hint = आदेश खोज्न टाइप गर्नुहोस्

## Changes that need attention (the outbox)

problems-title = तपाईंको ध्यान चाहिने परिवर्तनहरू
outbox-change = टिकट परिवर्तन
discard-write = मेरो परिवर्तन खारेज गर्नुहोस्
retry-write = फेरि प्रयास गर्नुहोस्
outbox-state-pending = पर्खिँदै
outbox-state-inflight = पठाउँदै
outbox-state-done = पठाइयो
outbox-state-conflict = बाझिएको
outbox-state-rejected = अस्वीकृत

## Supervisor screen

supervisor-title = सुपरभाइजर
supervisor-views = कतारहरू
supervisor-sla = SLA
supervisor-breached = म्याद नाघेका
supervisor-agents = एजेन्टहरू
supervisor-waiting = पछिल्लो तथ्याङ्कको प्रतीक्षामा
supervisor-only = सुपरभाइजरहरूले मात्र यो स्क्रिन खोल्न सक्छन्
supervisor-groups = समूहहरू
supervisor-due-within = { $duration } भित्र म्याद
supervisor-live = प्रत्यक्ष · { $time } को तथ्याङ्क ({ $ago } अघि)
supervisor-stale = प्रत्यक्ष होइन ({ $state }) · पछिल्लो तथ्याङ्क { $time } को ({ $ago } अघि)
supervisor-cache = यो कन्सोलको स्थानीय क्यासबाट गनिएको · यो हेल्पडेस्कले प्रत्यक्ष तथ्याङ्क पठाउँदैन
supervisor-oldest = सबैभन्दा लामो प्रतीक्षा
supervisor-oldest-value = #{ $id }, { $duration } देखि पर्खिरहेको
supervisor-first-response = आजको पहिलो जवाफ (मध्यिका)
supervisor-none = अहिलेसम्म छैन
supervisor-arrivals = हरेक { $minutes } मिनेटमा आएका नयाँ टिकट, पछिल्ला { $hours } घण्टा
supervisor-peak = उच्चतम { $count }
supervisor-survey = आज { $today } ({ $todayCount }) · पछिल्ला { $days } दिन { $week } ({ $weekCount })
supervisor-hint = { $open }: यी टिकट देखाउनुहोस् · { $back }: पछाडि
alert-unassigned =
    { $count ->
        [one] { $count } टिकट कसैलाई तोकिएको छैन
       *[other] { $count } टिकट कसैलाई तोकिएका छैनन्
    }
alert-sla-breached =
    { $count ->
        [one] { $count } टिकटको SLA म्याद नाघ्यो
       *[other] { $count } टिकटहरूको SLA म्याद नाघ्यो
    }
picker-status-marked =
    { $count ->
        [one] चिन्ह लगाइएको { $count } टिकटको स्थिति
       *[other] चिन्ह लगाइएका { $count } टिकटको स्थिति
    }
picker-priority-marked =
    { $count ->
        [one] चिन्ह लगाइएको { $count } टिकटको प्राथमिकता
       *[other] चिन्ह लगाइएका { $count } टिकटको प्राथमिकता
    }
picker-assign-marked =
    { $count ->
        [one] चिन्ह लगाइएको { $count } टिकट कसलाई तोक्ने
       *[other] चिन्ह लगाइएका { $count } टिकट कसलाई तोक्ने
    }
queued-many =
    { $count ->
        [one] { $count } परिवर्तन सेभ भयो; जडान भएपछि पठाइनेछ
       *[other] { $count } परिवर्तन सेभ भए; जडान भएपछि पठाइनेछन्
    }
list-marked = { $count } चिन्ह लगाइएको

## Empty states

empty-view = यो दृश्यमा कुनै टिकट छैन
select-ticket = टिकट छान्नुहोस्
select-ticket-first = पहिले टिकट छान्नुहोस्
empty-thread = अहिलेसम्म कुनै सन्देश छैन
empty-message = सन्देश खाली छ
empty-customer = ग्राहकको विवरण छैन

## Times (the code picks the unit; numbers are whole)

time-just-now = भर्खरै
time-minutes-ago = { $n } मिनेट पहिले
time-hours-ago = { $n } घण्टा पहिले
time-days-ago = { $n } दिन पहिले
time-in-minutes = { $n } मिनेटमा
time-in-hours = { $n } घण्टामा
time-in-days = { $n } दिनमा
time-overdue-minutes = { $n } मिनेट ढिलो
time-overdue-hours = { $n } घण्टा ढिलो
time-overdue-days = { $n } दिन ढिलो
presence-typing = { $name } (टाइप गर्दै)

unsupported-files = यो हेल्पडेस्कमा सहायताले चलाउन सक्ने फाइल छैनन्
outbox-resend = फेरि पठाउनुहोस्
files-title = यो टिकटका फाइलहरू
files-none = यो टिकटमा फाइल छैन
file-fetching = { $name } ल्याउँदै…
file-saved = { $name } { $path } मा सेभ भयो
file-opened = { $name } { $path } मा सेभ गरेर खोलियो
file-failed-offline = { $name } ल्याउन सकिएन: सर्भर अहिले भेटिँदैन; अनलाइन भएपछि फेरि प्रयास गर्नुहोस्
file-failed-refused = सर्भरले { $name } दिएन: { $detail }
file-failed-damaged = { $name } बिग्रेर आयो (चेकसम मिलेन); फेरि प्रयास गर्नुहोस्
file-failed-disk = { $name } सेभ गर्न सकिएन: { $detail }; डाउनलोड फोल्डर हेर्नुहोस्
file-failed-unavailable = यो हेल्पडेस्कमा सहायताले ल्याउन सक्ने फाइल छैनन्
file-attach-title = फाइल जोड्नुहोस् (यसको बाटो)
file-attached = { $name } जोडियो ({ $size })
file-not-found = { $path } मा कुनै फाइल छैन; बाटो जाँच्नुहोस्
file-is-folder = { $path } फोल्डर हो; फाइलको बाटो दिनुहोस्
file-too-large = { $path } { $limit } भन्दा ठूलो छ; सानो फाइल वा लिङ्क पठाउनुहोस्
file-unreadable = { $path } पढ्न सकिएन: { $error }
file-too-many = एउटा जवाफमा बढीमा { $count } फाइल
undelivered-title = यो जवाफ पुगेन
undelivered-hint = { $key }: फेरि पठाउनुहोस्, वा अर्को च्यानलमा
resend-same = { $channel } मा फेरि पठाउनुहोस्
resend-other = { $channel } मा पठाउनुहोस् ({ $handle })
open-ticket = टिकट #{ $id } खोल्नुहोस्

## Searches in the list, saved views, groups, marked tickets

list-search = खोज: { $query }
header-group = समूह { $group }
picker-group = समूह छान्नुहोस्
picker-group-marked =
    { $count ->
        [one] चिन्ह लगाइएको { $count } टिकटको समूह
       *[other] चिन्ह लगाइएका { $count } टिकटको समूह
    }
prompt-tags-marked =
    { $count ->
        [one] चिन्ह लगाइएको { $count } टिकटका ट्यागहरू: cod वा +cod ले थप्छ, -cod ले हटाउँछ
       *[other] चिन्ह लगाइएका { $count } टिकटका ट्यागहरू: cod वा +cod ले थप्छ, -cod ले हटाउँछ
    }
prompt-view-name = { $query } को दृश्यको नाम
prompt-view-key = “{ $name }” देखाउने कुञ्जी (जस्तै 7)
view-saved = “{ $name }” दृश्य सेभ भयो: { $key } ले यसलाई देखाउँछ
view-already-saved = यो सेभ गरिएको दृश्य “{ $name }” हो (कुञ्जी { $key })
view-save-needs-search = पहिले खोज्नुहोस् ({ $search }), त्यसपछि { $list } ले भेटिएका सूचीमा देखाउँछ; त्यसलाई दृश्यका रूपमा सेभ गर्नुहोस्
picker-macro-marked =
    { $count ->
        [one] चिन्ह लगाइएको { $count } टिकटका लागि म्याक्रो (तुरुन्तै पठाइन्छ)
       *[other] चिन्ह लगाइएका { $count } टिकटका लागि म्याक्रो (तुरुन्तै पठाइन्छ)
    }
macro-queued-marked =
    { $count ->
        [one] { $count } टिकटका लागि म्याक्रो सेभ भयो
       *[other] { $count } टिकटका लागि म्याक्रो सेभ भयो
    }
macro-queued-marked-some = { $count } टिकटका लागि म्याक्रो सेभ भयो; { $left } चिन्ह लगाइएकै बाँकी छन्, तिनका प्लेसहोल्डर क्यासले भर्न सक्दैन: { $tickets }। प्रत्येकमा छुट्टै लगाउनुहोस्
picker-history = यी ग्राहकका टिकटहरू
history-back = ← #{ $id } { $subject } मा फर्कनुहोस्
history-none = यी ग्राहकको अर्को टिकट छैन
history-not-cached = त्यो टिकट अझै स्थानीय क्यासमा छैन; सिंक गर्नुहोस्, अनि फेरि प्रयास गर्नुहोस्
## Suggested macros: what the ticket is about, and why

intent-where-is-my-order = मेरो अर्डर कहाँ छ
intent-late-delivery = ढिलो डेलिभरी
intent-wrong-item = गलत सामान
intent-damaged = बिग्रेको सामान
intent-refund-status = रिफन्डको स्थिति
intent-cancel = रद्द
intent-address-change = ठेगाना परिवर्तन
intent-payment-failed = भुक्तानी असफल
intent-cod = क्यास अन डेलिभरी
intent-exchange-size = अर्को साइजसँग साट्ने
intent-other = अन्य
intent-fact-late = ढिलो भएको
intent-fact-in-transit = बाटोमा छ
intent-fact-not-dispatched = अझै पठाइएको छैन
intent-fact-delivered = डेलिभर भइसकेको
intent-fact-delivery-failed = डेलिभरी असफल
intent-fact-returned-to-origin = बिक्रेताकहाँ फर्किएको
intent-fact-cod = क्यास अन डेलिभरी
intent-fact-payment-failed = भुक्तानी असफल
intent-fact-payment-pending = भुक्तानी बाँकी
intent-fact-refunded = रिफन्ड भइसकेको
macro-why-words-facts = { $intent } — { $words } लेखेका छन् · अर्डर { $order }: { $facts }
macro-why-words = { $intent } — { $words } लेखेका छन्
macro-why-facts = { $intent } — अर्डर { $order }: { $facts }
macro-why-intent = { $intent }

## Order actions: what is still possible, the questions they ask

order-note-refundable = { $total } मध्ये { $left } रिफन्ड गर्न सकिन्छ
order-note-returnable = { $ordered } मध्ये { $left } थान अझै फिर्ता वा साटफेर गर्न सकिन्छ
order-note-cancel-refund = { $amount } भुक्तानी गरेकै माध्यममा फिर्ता जान्छ
order-note-address = अहिलेको ठेगाना: { $address }
picker-order-items = कुन सामान?
order-items-all = बाँकी सबै ({ $count } थान)
order-item-left = { $name } · { $ordered } मध्ये { $left } बाँकी
prompt-quantity = { $name } कति थान? (1–{ $left })
error-quantity = 1 देखि { $left } सम्मको सङ्ख्या लेख्नुहोस्
prompt-ifsc = ग्राहकको बैंक शाखाको IFSC (जस्तै SBIN0001234)
prompt-account-number = ग्राहकको बैंक खाता नम्बर
prompt-upi-id = ग्राहकको UPI आईडी (जस्तै name@okaxis)
prompt-address-line = नयाँ ठेगाना: घर, सडक, टोल
prompt-city = सहर
prompt-pin-code = पिन कोड (6 अङ्क)
prompt-postal-code-np = हुलाक कोड (5 अङ्क)
picker-slot = कुरियर फेरि कहिले आउने?
slot-window-09-13 = बिहान (9–13)
slot-window-13-17 = दिउँसो (13–17)
slot-window-17-21 = साँझ (17–21)
slot-label = { $date }, { $window }
order-detail-refund-to = { $to } मा { $amount }
label-order-changes = रद्द, ठेगाना परिवर्तन, फेरि डेलिभरी

## Merging tickets
prompt-merge = #{ $id } लाई कुन टिकटमा गाभ्ने? त्यसको नम्बर, वा खोज्न शब्दहरू
prompt-merge-marked =
    { $count ->
        [one] चिन्ह लगाइएको { $count } टिकटलाई कुन टिकटमा गाभ्ने? त्यसको नम्बर, वा खोज्न शब्दहरू
       *[other] चिन्ह लगाइएका { $count } टिकटहरूलाई कुन टिकटमा गाभ्ने? त्यसको नम्बर, वा खोज्न शब्दहरू
    }
picker-merge-target = कुन टिकटमा गाभ्ने? ({ $count } भेटिए)
confirm-merge = #{ $id } लाई #{ $into } “{ $subject }” मा गाभ्ने? यसका सन्देशहरू ({ $messages }), ट्यागहरू ({ $tags }) र ग्राहकका लिङ्कहरू #{ $into } मा जान्छन्; #{ $id } बन्द हुन्छ।
confirm-merge-marked = { $count } टिकटहरूलाई #{ $into } “{ $subject }” मा गाभ्ने? तिनका सन्देशहरू ({ $messages }), ट्यागहरू ({ $tags }) र ग्राहकका लिङ्कहरू #{ $into } मा जान्छन्; ती { $count } बन्द हुन्छन्।
merge-no-new-tags = नयाँ छैन
merge-skipped = नगाभिएका: { $list }
queued-merge = #{ $id } लाई #{ $into } मा गाभ्ने काम सुरक्षित भयो; जडान हुँदा एक पटक पठाइन्छ
queued-merge-many = #{ $into } मा { $count } गाभ्ने काम सुरक्षित भए; जडान हुँदा हरेक एक पटक पठाइन्छ
outbox-merge = गाभ्ने #{ $id } → #{ $into }
unsupported-merge = यो हेल्पडेस्कमा सहायताबाट टिकट गाभ्न मिल्दैन
outbox-problems-grouped =
    { $count ->
        [one] सर्भरले { $count } परिवर्तन लिएन — { $groups }; हेर्न { $key } थिच्नुहोस्
       *[other] सर्भरले { $count } परिवर्तनहरू लिएन — { $groups }; हेर्न { $key } थिच्नुहोस्
    }
header-merged-into = { $status }, #{ $id } मा गाभिएको
