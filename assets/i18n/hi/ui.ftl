### The console's screens: panes, views, status bar, composer, pickers,
### search, help, supervisor screen, empty states, times.
###
### Placeholders are filled by the code and must keep their names in every
### language. Counts are numbers, so plural variants ([one], [other], ...)
### follow the language's CLDR rules (Hindi: [one] is 0 and 1, so write
### { $count } rather than a literal 1).

## Panes

pane-tickets = टिकट
pane-conversation = बातचीत
pane-customer = ग्राहक

## Views (ids: view- + the view's name with dashes)

view-mine = मेरे
view-unassigned = बिना असाइन
view-open = खुले
view-pending = पेंडिंग
view-solved = हल हुए
view-sla-due = SLA ड्यू
view-all = सभी
view-count =
    { $count ->
        [one] { $count } टिकट
       *[other] { $count } टिकट
    }
# A view tab: name and number of tickets, e.g. "Mine 12".
view-tab = { $name } { $count }

## Status bar

outbox-waiting = { $count } कतार में
outbox-problems =
    { $count ->
        [one] { $count } बदलाव पर ध्यान दें
       *[other] { $count } बदलावों पर ध्यान दें
    }
# Flashed when a change the agent made was refused or ran into a conflict.
outbox-problems-new = सर्वर ने एक बदलाव नहीं लिया; कारण देखने के लिए { $key } दबाएँ
undelivered-count =
    { $count ->
        [one] 1 जवाब नहीं पहुँचा
       *[other] { $count } जवाब नहीं पहुँचे
    }
undelivered-new = एक जवाब ग्राहक तक नहीं पहुँचा; कारण देखने के लिए { $key } दबाएँ
last-sync = आख़िरी सिंक { $time }
logged-in-as = लॉग इन: { $name }
sync-progress = सिंक हो रहा है { $percent }%
sync-requested = अभी सिंक हो रहा है
help-hint = { $key } मदद
queued = सेव हो गया; कनेक्शन मिलते ही भेजा जाएगा
romanized-on = कन्नड़, तेलुगु और नेपाली रोमन लिपि में दिख रहे हैं
romanized-off = मूल लिपि में दिख रहा है
typing-offer = { $key } दबाएँ: { $script }
typing-now-on = रोमन अक्षर अब इस लिपि में टाइप होंगे: { $script } ({ $key } से बंद करें, { $next } से लिपि बदलें)
typing-now-off = रोमन अक्षर जैसे हैं वैसे ही टाइप होंगे ({ $key } दबाने पर: { $script })

## Connection

conn-connecting = कनेक्ट हो रहा है
conn-online = ऑनलाइन
conn-offline = ऑफ़लाइन
conn-syncing = सिंक हो रहा है
conn-degraded = कमज़ोर कनेक्शन
conn-reconnecting = फिर से कनेक्ट हो रहा है
conn-unauthorized = साइन इन नहीं
conn-retrying = अपने आप फिर कोशिश जारी

## Ticket list

list-unassigned = असाइन नहीं
list-assigned-to = { $name }
list-new-messages =
    { $count ->
        [one] { $count } नया संदेश
       *[other] { $count } नए संदेश
    }
ticket-number = #{ $id }

## Ticket details and the conversation

label-subject = विषय
label-status = स्टेटस
label-priority = प्राथमिकता
label-assignee = असाइनी
label-requester = अनुरोधकर्ता
label-channel = चैनल
label-tags = टैग
label-sla = SLA
label-created = बनाया गया
label-updated = अपडेट
thread-from = { $name }, { $channel } से
thread-older-messages =
    { $count ->
        [one] { $count } पुराना संदेश
       *[other] { $count } पुराने संदेश
    }

## Customer pane

label-profile = प्रोफ़ाइल
label-name = नाम
label-email = ईमेल
label-phone = फ़ोन
label-city = शहर
label-customer-since = ग्राहक कब से
label-preferred-language = पसंदीदा भाषा
label-lifetime-value = कुल ख़रीद
label-orders = ऑर्डर
label-order = ऑर्डर
label-items = आइटम
label-total = कुल
label-payment = भुगतान
label-shipment = शिपमेंट
label-carrier = कूरियर
label-tracking = ट्रैकिंग
label-eta = ETA
label-late = देरी
late-by-days =
    { $days ->
        [one] { $days } दिन की देरी
       *[other] { $days } दिन की देरी
    }
label-returns = रिटर्न
label-refunds = रिफ़ंड
label-exchanges = एक्सचेंज
label-past-tickets = पुराने टिकट
label-satisfaction = संतुष्टि
label-csat = CSAT
label-nps = NPS
label-notes = नोट
csat-score = { $score }/5
nps-score = { $score }/10

## Composer

composer-reply = जवाब
composer-note = आंतरिक नोट
composer-hint = Ctrl-s भेजें · Ctrl-t जवाब/नोट · Esc रद्द
# The same hint built from the agent's own keys.
composer-hint-keys = { $send } भेजें · { $toggle } जवाब/नोट · { $cancel } रद्द
composer-reply-to = { $name } को { $channel } से जवाब
composer-note-info = आंतरिक नोट सिर्फ़ एजेंट देखते हैं
composer-customer-wrote = आपके टाइप करते समय ग्राहक ने फिर से लिखा
confirm-discard-draft = यह ड्राफ़्ट हटा दें? y/n

## Confirmations

confirm-title = कृपया पुष्टि करें
confirm-hint = y हाँ · n नहीं
confirm-quit-unsent =
    { $count ->
        [one] { $count } बदलाव अभी भेजा नहीं गया; वह अगली बार भेजा जाएगा। बाहर निकलें? y/n
       *[other] { $count } बदलाव अभी भेजे नहीं गए; वे अगली बार भेजे जाएँगे। बाहर निकलें? y/n
    }

## Pickers and prompts

picker-status = स्टेटस चुनें
picker-priority = प्राथमिकता चुनें
picker-assign = किसे असाइन करें
unassigned = किसी को नहीं
prompt-tags = टैग (कॉमा से अलग करें)
picker-macro = मैक्रो चुनें
no-macros = अभी कोई मैक्रो नहीं
prompt-placeholder = { $name } भरें
macro-applied = मैक्रो लग गया; ड्राफ़्ट जाँचें, फिर भेजें
picker-order = ऑर्डर चुनें
no-orders = इस ग्राहक का कोई ऑर्डर नहीं है
unsupported-orders = इस हेल्पडेस्क में ऑर्डर नहीं हैं: यहाँ रिफ़ंड, रिटर्न या एक्सचेंज नहीं हो सकते
unsupported-macros = इस हेल्पडेस्क में मैक्रो नहीं हैं
unsupported-outbound = यह हेल्पडेस्क अग्रिम सूचना नहीं भेज सकता
unsupported-tags = इस हेल्पडेस्क में टैग नहीं हैं
picker-order-action = ऑर्डर कार्रवाई
prompt-refund-amount = रिफ़ंड की रकम (ऑर्डर का कुल { $total })
prompt-refund-amount-left = रिफ़ंड की रकम ({ $total } में से { $left } अभी रिफ़ंड हो सकता है)
prompt-amount = रकम
prompt-reason = कारण
picker-refund-method = रिफ़ंड का तरीका
prompt-exchange-variant = बदले में साइज़ या वैरिएंट
confirm-order-action = ऑर्डर { $order } पर { $action } की पुष्टि करें? y/n
picker-notice-channel = अग्रिम सूचना: चैनल
prompt-notice-subject = अग्रिम सूचना: विषय
prompt-notice-body = अग्रिम सूचना: संदेश
notice-sent = { $name } के लिए सूचना कतार में

## Search

search-title = खोज
search-hint = टिकट, ग्राहक और संदेश खोजने के लिए टाइप करें
search-results =
    { $count ->
        [0] कोई नतीजा नहीं
        [one] { $count } नतीजा
       *[other] { $count } नतीजे
    }
search-no-results = कोई नतीजा नहीं
search-too-short = खोजने के लिए एक अक्षर और टाइप करें
picker-no-match = कुछ नहीं मिला; दायरा बढ़ाने के लिए Backspace दबाएँ
search-searching = खोज रहे हैं…

## Help and command palette

help-title = कीज़
palette-title = कमांड पैलेट
palette-hint = कमांड खोजने के लिए टाइप करें

## Changes that need attention (the outbox)

problems-title = जिन बदलावों पर आपका ध्यान चाहिए
outbox-change = टिकट में बदलाव
discard-write = मेरा बदलाव हटाएँ
retry-write = फिर से कोशिश करें
outbox-state-pending = कतार में
outbox-state-inflight = भेजा जा रहा है
outbox-state-done = भेजा गया
outbox-state-conflict = टकराव
outbox-state-rejected = अस्वीकार

## Supervisor screen

supervisor-title = सुपरवाइज़र
supervisor-views = कतारें
supervisor-sla = SLA
supervisor-breached = SLA पार
supervisor-agents = एजेंट
supervisor-waiting = ताज़ा आँकड़ों का इंतज़ार है
supervisor-only = यह स्क्रीन सिर्फ़ सुपरवाइज़र खोल सकते हैं
supervisor-groups = ग्रुप
supervisor-due-within = { $duration } में ड्यू
supervisor-live = लाइव · { $time } के आँकड़े ({ $ago } पहले)
supervisor-stale = लाइव नहीं ({ $state }) · आख़िरी आँकड़े { $time } के ({ $ago } पहले)
supervisor-cache = इस कंसोल के लोकल कैश से गिने गए · यह हेल्पडेस्क लाइव आँकड़े नहीं भेजता
supervisor-oldest = सबसे लंबा इंतज़ार
supervisor-oldest-value = #{ $id }, { $duration } से इंतज़ार में
supervisor-first-response = आज पहला जवाब (मीडियन)
supervisor-none = अभी कोई नहीं
supervisor-arrivals = हर { $minutes } मिनट में नए टिकट, पिछले { $hours } घंटे
supervisor-peak = अधिकतम { $count }
supervisor-survey = आज { $today } ({ $todayCount }) · पिछले { $days } दिन { $week } ({ $weekCount })
supervisor-hint = { $open }: ये टिकट दिखाएँ · { $back }: वापस
alert-unassigned =
    { $count ->
        [one] { $count } टिकट असाइन नहीं है
       *[other] { $count } टिकट असाइन नहीं हैं
    }
alert-sla-breached =
    { $count ->
        [one] { $count } टिकट अपना SLA पार कर चुका है
       *[other] { $count } टिकट अपना SLA पार कर चुके हैं
    }
picker-status-marked =
    { $count ->
        [one] मार्क किए गए { $count } टिकट का स्टेटस
       *[other] मार्क किए गए { $count } टिकटों का स्टेटस
    }
picker-priority-marked =
    { $count ->
        [one] मार्क किए गए { $count } टिकट की प्राथमिकता
       *[other] मार्क किए गए { $count } टिकटों की प्राथमिकता
    }
picker-assign-marked =
    { $count ->
        [one] मार्क किया गया { $count } टिकट किसे असाइन करें
       *[other] मार्क किए गए { $count } टिकट किसे असाइन करें
    }
queued-many =
    { $count ->
        [one] { $count } बदलाव सेव हुआ; कनेक्शन मिलते ही भेजा जाएगा
       *[other] { $count } बदलाव सेव हुए; कनेक्शन मिलते ही भेजे जाएँगे
    }
list-marked = मार्क किए: { $count }

## Empty states

empty-view = इस व्यू में कोई टिकट नहीं
select-ticket = कोई टिकट चुनें
select-ticket-first = पहले कोई टिकट चुनें
empty-thread = अभी कोई संदेश नहीं
empty-message = संदेश ख़ाली है
empty-customer = ग्राहक की कोई जानकारी नहीं

## Times (the code picks the unit; numbers are whole)

time-just-now = अभी-अभी
time-minutes-ago = { $n } मिनट पहले
time-hours-ago = { $n } घंटे पहले
time-days-ago = { $n } दिन पहले
time-in-minutes = { $n } मिनट में
time-in-hours = { $n } घंटे में
time-in-days = { $n } दिन में
time-overdue-minutes = { $n } मिनट की देरी
time-overdue-hours = { $n } घंटे की देरी
time-overdue-days = { $n } दिन की देरी
presence-typing = { $name } (टाइप कर रहे हैं)

unsupported-files = इस हेल्पडेस्क में ऐसी फ़ाइलें नहीं जिन्हें सहायता इस्तेमाल कर सके
outbox-resend = फिर से भेजें
files-title = इस टिकट की फ़ाइलें
files-none = इस टिकट में कोई फ़ाइल नहीं
file-fetching = { $name } ला रहे हैं…
file-saved = { $name } को { $path } में सेव किया
file-opened = { $name } को { $path } में सेव करके खोला
file-failed-offline = { $name } नहीं ला सके: सर्वर अभी नहीं मिल रहा; ऑनलाइन होने पर फिर कोशिश करें
file-failed-refused = सर्वर ने { $name } नहीं दी: { $detail }
file-failed-damaged = { $name } ख़राब होकर आई (चेकसम मेल नहीं खाता); फिर कोशिश करें
file-failed-disk = { $name } सेव नहीं हो सकी: { $detail }; डाउनलोड फ़ोल्डर देखें
file-failed-unavailable = इस हेल्पडेस्क में ऐसी फ़ाइलें नहीं जिन्हें सहायता ला सके
file-attach-title = फ़ाइल जोड़ें (उसका पथ)
file-attached = { $name } जोड़ी गई ({ $size })
file-not-found = { $path } पर कोई फ़ाइल नहीं; पथ जाँचें
file-is-folder = { $path } एक फ़ोल्डर है; किसी फ़ाइल का पथ दें
file-too-large = { $path } { $limit } से बड़ी है; छोटी फ़ाइल या लिंक भेजें
file-unreadable = { $path } पढ़ नहीं सके: { $error }
file-too-many = एक जवाब में ज़्यादा से ज़्यादा { $count } फ़ाइलें
undelivered-title = यह जवाब नहीं पहुँचा
undelivered-hint = { $key }: फिर से भेजें, या किसी और चैनल पर
resend-same = { $channel } पर फिर से भेजें
resend-other = { $channel } पर भेजें ({ $handle })
open-ticket = टिकट #{ $id } खोलें

## Searches in the list, saved views, groups, marked tickets

list-search = खोज: { $query }
header-group = ग्रुप { $group }
picker-group = ग्रुप चुनें
picker-group-marked =
    { $count ->
        [one] मार्क किए गए { $count } टिकट का ग्रुप
       *[other] मार्क किए गए { $count } टिकटों का ग्रुप
    }
prompt-tags-marked =
    { $count ->
        [one] मार्क किए गए { $count } टिकट के टैग: cod या +cod जोड़ता है, -cod हटाता है
       *[other] मार्क किए गए { $count } टिकटों के टैग: cod या +cod जोड़ता है, -cod हटाता है
    }
prompt-view-name = { $query } के व्यू का नाम
prompt-view-key = “{ $name }” दिखाने वाली कुंजी (जैसे 7)
view-saved = “{ $name }” व्यू सेव हो गया: { $key } उसे दिखाती है
view-already-saved = यह सेव किया व्यू “{ $name }” है (कुंजी { $key })
view-save-needs-search = पहले खोजें ({ $search }), फिर { $list } मिले टिकट सूची में दिखाता है; उसे व्यू की तरह सेव करें
picker-macro-marked =
    { $count ->
        [one] मार्क किए गए { $count } टिकट के लिए मैक्रो (तुरंत भेजा जाएगा)
       *[other] मार्क किए गए { $count } टिकटों के लिए मैक्रो (तुरंत भेजा जाएगा)
    }
macro-queued-marked =
    { $count ->
        [one] { $count } टिकट के लिए मैक्रो सेव हो गया
       *[other] { $count } टिकटों के लिए मैक्रो सेव हो गया
    }
macro-queued-marked-some = { $count } टिकटों के लिए मैक्रो सेव हो गया; { $left } मार्क किए ही बचे हैं, उनके प्लेसहोल्डर कैश नहीं भर सकता: { $tickets }। हर एक पर अलग से लगाएँ
picker-history = इस ग्राहक के टिकट
history-back = ← #{ $id } { $subject } पर वापस जाएँ
history-none = इस ग्राहक का कोई और टिकट नहीं है
history-not-cached = वह टिकट अभी लोकल कैश में नहीं है; सिंक करें, फिर दोबारा कोशिश करें
## Suggested macros: what the ticket is about, and why

intent-where-is-my-order = मेरा ऑर्डर कहाँ है
intent-late-delivery = देर से डिलीवरी
intent-wrong-item = गलत सामान
intent-damaged = क्षतिग्रस्त सामान
intent-refund-status = रिफंड की स्थिति
intent-cancel = रद्द करना
intent-address-change = पता बदलना
intent-payment-failed = भुगतान विफल
intent-cod = कैश ऑन डिलीवरी
intent-exchange-size = दूसरे साइज़ से बदलना
intent-other = अन्य
intent-fact-late = देर हो चुकी है
intent-fact-in-transit = रास्ते में है
intent-fact-not-dispatched = अभी भेजा नहीं गया
intent-fact-delivered = डिलीवर हो चुका
intent-fact-delivery-failed = डिलीवरी विफल
intent-fact-returned-to-origin = विक्रेता को लौट गया
intent-fact-cod = कैश ऑन डिलीवरी
intent-fact-payment-failed = भुगतान विफल
intent-fact-payment-pending = भुगतान बाकी
intent-fact-refunded = रिफंड हो चुका
macro-why-words-facts = { $intent } — { $words } लिखा है · ऑर्डर { $order }: { $facts }
macro-why-words = { $intent } — { $words } लिखा है
macro-why-facts = { $intent } — ऑर्डर { $order }: { $facts }
macro-why-intent = { $intent }

## Order actions: what is still possible, the questions they ask

order-note-refundable = { $total } में से { $left } रिफ़ंड हो सकता है
order-note-returnable = { $ordered } में से { $left } पीस अभी भी रिटर्न या एक्सचेंज हो सकते हैं
order-note-cancel-refund = { $amount } उसी माध्यम में वापस जाएगा जिससे भुगतान हुआ था
order-note-address = अभी का पता: { $address }
picker-order-items = कौन-से सामान?
order-items-all = बाकी सब ({ $count } पीस)
order-item-left = { $name } · { $ordered } में से { $left } बाकी
prompt-quantity = { $name } कितने पीस? (1–{ $left })
error-quantity = 1 से { $left } तक की संख्या लिखें
prompt-ifsc = ग्राहक की बैंक शाखा का IFSC (जैसे SBIN0001234)
prompt-account-number = ग्राहक का बैंक खाता नंबर
prompt-upi-id = ग्राहक की UPI आईडी (जैसे name@okaxis)
prompt-address-line = नया पता: मकान, गली, इलाका
prompt-city = शहर
prompt-pin-code = पिन कोड (6 अंक)
prompt-postal-code-np = डाक कोड (5 अंक)
picker-slot = कूरियर दोबारा कब आए?
slot-window-09-13 = सुबह (9–13)
slot-window-13-17 = दोपहर (13–17)
slot-window-17-21 = शाम (17–21)
slot-label = { $date }, { $window }
order-detail-refund-to = { $to } में { $amount }
label-order-changes = रद्द, पता बदलाव, दोबारा डिलीवरी

## Merging tickets
prompt-merge = #{ $id } को किस टिकट में मर्ज करें? उसका नंबर, या खोजने के लिए शब्द
prompt-merge-marked =
    { $count ->
        [one] चिह्नित { $count } टिकट को किस टिकट में मर्ज करें? उसका नंबर, या खोजने के लिए शब्द
       *[other] चिह्नित { $count } टिकटों को किस टिकट में मर्ज करें? उसका नंबर, या खोजने के लिए शब्द
    }
picker-merge-target = किस टिकट में मर्ज करें? ({ $count } मिले)
confirm-merge = #{ $id } को #{ $into } “{ $subject }” में मर्ज करें? इसके संदेश ({ $messages }), टैग ({ $tags }) और ग्राहक के लिंक #{ $into } में जाएंगे; #{ $id } बंद होगा।
confirm-merge-marked = { $count } टिकटों को #{ $into } “{ $subject }” में मर्ज करें? उनके संदेश ({ $messages }), टैग ({ $tags }) और ग्राहक के लिंक #{ $into } में जाएंगे; वे { $count } बंद होंगे।
merge-no-new-tags = कोई नया नहीं
merge-skipped = मर्ज नहीं हुए: { $list }
queued-merge = #{ $id } को #{ $into } में मर्ज करना सहेजा गया; कनेक्शन मिलने पर एक बार भेजा जाएगा
queued-merge-many = #{ $into } में { $count } मर्ज सहेजे गए; कनेक्शन मिलने पर हर एक एक बार भेजा जाएगा
outbox-merge = मर्ज #{ $id } → #{ $into }
unsupported-merge = इस हेल्पडेस्क में सहायता से टिकट मर्ज नहीं हो सकते
outbox-problems-grouped =
    { $count ->
        [one] सर्वर ने { $count } बदलाव नहीं लिया — { $groups }; देखने के लिए { $key } दबाएँ
       *[other] सर्वर ने { $count } बदलाव नहीं लिए — { $groups }; देखने के लिए { $key } दबाएँ
    }
header-merged-into = { $status }, #{ $id } में मर्ज हुआ
