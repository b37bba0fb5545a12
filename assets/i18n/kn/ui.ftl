### The console's screens: panes, views, status bar, composer, pickers,
### search, help, supervisor screen, empty states, times.
###
### Placeholders are filled by the code and must keep their names in every
### language. Counts are numbers, so plural variants ([one], [other], ...)
### follow the language's CLDR rules. Kannada: [one] is 0 and 1, so the
### [one] variants show { $count }, never a literal 1.

## Panes

pane-tickets = ಟಿಕೆಟ್‌ಗಳು
pane-conversation = ಸಂಭಾಷಣೆ
pane-customer = ಗ್ರಾಹಕ

## Views (ids: view- + the view's name with dashes)

view-mine = ನನ್ನವು
view-unassigned = ನಿಯೋಜಿಸಿಲ್ಲ
view-open = ತೆರೆದಿದೆ
view-pending = ಬಾಕಿ
view-solved = ಪರಿಹರಿಸಲಾಗಿದೆ
view-sla-due = SLA ಗಡುವು
view-all = ಎಲ್ಲಾ
view-count =
    { $count ->
        [one] { $count } ಟಿಕೆಟ್
       *[other] { $count } ಟಿಕೆಟ್‌ಗಳು
    }
# A view tab: name and number of tickets, e.g. "Mine 12".
view-tab = { $name } { $count }

## Status bar

outbox-waiting =
    { $count ->
        [one] { $count } ಕಾಯುತ್ತಿದೆ
       *[other] { $count } ಕಾಯುತ್ತಿವೆ
    }
outbox-problems =
    { $count ->
        [one] { $count } ಬದಲಾವಣೆಗೆ ಗಮನ ಬೇಕು
       *[other] { $count } ಬದಲಾವಣೆಗಳಿಗೆ ಗಮನ ಬೇಕು
    }
# Flashed when a change the agent made was refused or ran into a conflict.
outbox-problems-new = ಸರ್ವರ್ ಒಂದು ಬದಲಾವಣೆಯನ್ನು ಸ್ವೀಕರಿಸಲಿಲ್ಲ; ಕಾರಣ ನೋಡಲು { $key } ಒತ್ತಿ
undelivered-count =
    { $count ->
        [one] 1 ಉತ್ತರ ತಲುಪಿಲ್ಲ
       *[other] { $count } ಉತ್ತರಗಳು ತಲುಪಿಲ್ಲ
    }
undelivered-new = ಒಂದು ಉತ್ತರ ಗ್ರಾಹಕರಿಗೆ ತಲುಪಲಿಲ್ಲ; ಕಾರಣ ನೋಡಲು { $key } ಒತ್ತಿ
last-sync = ಕೊನೆಯ ಸಿಂಕ್ { $time }
logged-in-as = ಲಾಗಿನ್: { $name }
sync-progress = ಸಿಂಕ್ ಆಗುತ್ತಿದೆ { $percent }%
sync-requested = ಈಗ ಸಿಂಕ್ ಮಾಡಲಾಗುತ್ತಿದೆ
help-hint = { $key } ಸಹಾಯ
queued = ಉಳಿಸಲಾಗಿದೆ; ಸಂಪರ್ಕ ಸಿಕ್ಕಾಗ ಕಳುಹಿಸಲಾಗುತ್ತದೆ
romanized-on = ಕನ್ನಡ, ತೆಲುಗು, ನೇಪಾಳಿಯನ್ನು ಇಂಗ್ಲಿಷ್ ಅಕ್ಷರಗಳಲ್ಲಿ ತೋರಿಸಲಾಗುತ್ತಿದೆ
romanized-off = ಮೂಲ ಲಿಪಿಯಲ್ಲಿ ತೋರಿಸಲಾಗುತ್ತಿದೆ
typing-offer = { $key } ಒತ್ತಿ: { $script }
typing-now-on = ಇಂಗ್ಲಿಷ್ ಅಕ್ಷರಗಳು ಈಗ ಈ ಲಿಪಿಯಲ್ಲಿ ಟೈಪ್ ಆಗುತ್ತವೆ: { $script } ({ $key } ನಿಲ್ಲಿಸುತ್ತದೆ, { $next } ಲಿಪಿ ಬದಲಿಸುತ್ತದೆ)
typing-now-off = ಇಂಗ್ಲಿಷ್ ಅಕ್ಷರಗಳು ಇದ್ದಂತೆಯೇ ಟೈಪ್ ಆಗುತ್ತವೆ ({ $key } ಒತ್ತಿದರೆ: { $script })

## Connection

conn-connecting = ಸಂಪರ್ಕಿಸಲಾಗುತ್ತಿದೆ
conn-online = ಆನ್‌ಲೈನ್
conn-offline = ಆಫ್‌ಲೈನ್
conn-syncing = ಸಿಂಕ್ ಆಗುತ್ತಿದೆ
conn-degraded = ದುರ್ಬಲ ಸಂಪರ್ಕ
conn-reconnecting = ಮರುಸಂಪರ್ಕಿಸಲಾಗುತ್ತಿದೆ
conn-unauthorized = ಸೈನ್ ಇನ್ ಆಗಿಲ್ಲ
conn-retrying = ತಾನಾಗಿಯೇ ಮತ್ತೆ ಪ್ರಯತ್ನಿಸುತ್ತಿದೆ

## Ticket list

list-unassigned = ನಿಯೋಜಿಸಿಲ್ಲ
list-assigned-to = { $name }
list-new-messages =
    { $count ->
        [one] { $count } ಹೊಸ ಸಂದೇಶ
       *[other] { $count } ಹೊಸ ಸಂದೇಶಗಳು
    }
ticket-number = #{ $id }

## Ticket details and the conversation

label-subject = ವಿಷಯ
label-status = ಸ್ಥಿತಿ
label-priority = ಆದ್ಯತೆ
label-assignee = ನಿಯೋಜಿತರು
label-requester = ವಿನಂತಿಸಿದವರು
label-channel = ಚಾನೆಲ್
label-tags = ಟ್ಯಾಗ್‌ಗಳು
label-sla = SLA
label-created = ರಚಿಸಿದ್ದು
label-updated = ನವೀಕರಿಸಿದ್ದು
thread-from = { $name }, { $channel } ಮೂಲಕ
thread-older-messages =
    { $count ->
        [one] { $count } ಹಳೆಯ ಸಂದೇಶ
       *[other] { $count } ಹಳೆಯ ಸಂದೇಶಗಳು
    }

## Customer pane

label-profile = ಪ್ರೊಫೈಲ್
label-name = ಹೆಸರು
label-email = ಇಮೇಲ್
label-phone = ಫೋನ್
label-city = ನಗರ
label-customer-since = ಗ್ರಾಹಕರಾದದ್ದು
label-preferred-language = ಆದ್ಯತೆಯ ಭಾಷೆ
label-lifetime-value = ಒಟ್ಟು ಖರೀದಿ
label-orders = ಆರ್ಡರ್‌ಗಳು
label-order = ಆರ್ಡರ್
label-items = ಐಟಂಗಳು
label-total = ಒಟ್ಟು
label-payment = ಪಾವತಿ
label-shipment = ರವಾನೆ
label-carrier = ಕೊರಿಯರ್
label-tracking = ಟ್ರ್ಯಾಕಿಂಗ್
label-eta = ETA
label-late = ತಡವಾಗಿದೆ
late-by-days =
    { $days ->
        [one] { $days } ದಿನ ತಡ
       *[other] { $days } ದಿನ ತಡ
    }
label-returns = ರಿಟರ್ನ್‌ಗಳು
label-refunds = ಮರುಪಾವತಿಗಳು
label-exchanges = ವಿನಿಮಯಗಳು
label-past-tickets = ಹಿಂದಿನ ಟಿಕೆಟ್‌ಗಳು
label-satisfaction = ತೃಪ್ತಿ
label-csat = CSAT
label-nps = NPS
label-notes = ಟಿಪ್ಪಣಿಗಳು
csat-score = { $score }/5
nps-score = { $score }/10

## Composer

composer-reply = ಉತ್ತರ
composer-note = ಆಂತರಿಕ ಟಿಪ್ಪಣಿ
composer-hint = Ctrl-s ಕಳುಹಿಸಿ · Ctrl-t ಉತ್ತರ/ಟಿಪ್ಪಣಿ · Esc ರದ್ದು
# The same hint built from the agent's own keys.
composer-hint-keys = { $send } ಕಳುಹಿಸಿ · { $toggle } ಉತ್ತರ/ಟಿಪ್ಪಣಿ · { $cancel } ರದ್ದು
composer-reply-to = { $name } ಅವರಿಗೆ { $channel } ಮೂಲಕ ಉತ್ತರ
composer-note-info = ಆಂತರಿಕ ಟಿಪ್ಪಣಿಗಳನ್ನು ಏಜೆಂಟ್‌ಗಳು ಮಾತ್ರ ನೋಡುತ್ತಾರೆ
composer-customer-wrote = ನೀವು ಟೈಪ್ ಮಾಡುತ್ತಿರುವಾಗ ಗ್ರಾಹಕರು ಮತ್ತೆ ಬರೆದಿದ್ದಾರೆ
confirm-discard-draft = ಈ ಡ್ರಾಫ್ಟ್ ತ್ಯಜಿಸಬೇಕೇ? y/n

## Confirmations

confirm-title = ದಯವಿಟ್ಟು ಖಚಿತಪಡಿಸಿ
confirm-hint = y ಹೌದು · n ಇಲ್ಲ
confirm-quit-unsent =
    { $count ->
        [one] { $count } ಬದಲಾವಣೆಯನ್ನು ಇನ್ನೂ ಕಳುಹಿಸಿಲ್ಲ; ಮುಂದಿನ ಬಾರಿ ಕಳುಹಿಸಲಾಗುತ್ತದೆ. ನಿರ್ಗಮಿಸಬೇಕೇ? y/n
       *[other] { $count } ಬದಲಾವಣೆಗಳನ್ನು ಇನ್ನೂ ಕಳುಹಿಸಿಲ್ಲ; ಮುಂದಿನ ಬಾರಿ ಕಳುಹಿಸಲಾಗುತ್ತದೆ. ನಿರ್ಗಮಿಸಬೇಕೇ? y/n
    }

## Pickers and prompts

picker-status = ಸ್ಥಿತಿ ಆಯ್ಕೆಮಾಡಿ
picker-priority = ಆದ್ಯತೆ ಆಯ್ಕೆಮಾಡಿ
picker-assign = ಯಾರಿಗೆ ನಿಯೋಜಿಸಬೇಕು
unassigned = ಯಾರಿಗೂ ಇಲ್ಲ
prompt-tags = ಟ್ಯಾಗ್‌ಗಳು (ಅಲ್ಪವಿರಾಮದಿಂದ ಬೇರ್ಪಡಿಸಿ)
picker-macro = ಮ್ಯಾಕ್ರೋ ಆಯ್ಕೆಮಾಡಿ
no-macros = ಇನ್ನೂ ಯಾವುದೇ ಮ್ಯಾಕ್ರೋ ಇಲ್ಲ
prompt-placeholder = { $name } ಭರ್ತಿ ಮಾಡಿ
macro-applied = ಮ್ಯಾಕ್ರೋ ಅನ್ವಯಿಸಲಾಗಿದೆ; ಡ್ರಾಫ್ಟ್ ಪರಿಶೀಲಿಸಿ, ನಂತರ ಕಳುಹಿಸಿ
picker-order = ಆರ್ಡರ್ ಆಯ್ಕೆಮಾಡಿ
no-orders = ಈ ಗ್ರಾಹಕರಿಗೆ ಯಾವುದೇ ಆರ್ಡರ್ ಇಲ್ಲ
unsupported-orders = ಈ ಹೆಲ್ಪ್‌ಡೆಸ್ಕ್‌ನಲ್ಲಿ ಆರ್ಡರ್‌ಗಳಿಲ್ಲ: ಇಲ್ಲಿ ಮರುಪಾವತಿ, ರಿಟರ್ನ್ ಅಥವಾ ವಿನಿಮಯ ಸಾಧ್ಯವಿಲ್ಲ
unsupported-macros = ಈ ಹೆಲ್ಪ್‌ಡೆಸ್ಕ್‌ನಲ್ಲಿ ಮ್ಯಾಕ್ರೋಗಳಿಲ್ಲ
unsupported-outbound = ಈ ಹೆಲ್ಪ್‌ಡೆಸ್ಕ್‌ನಿಂದ ಮುಂಚಿತ ಸೂಚನೆ ಕಳುಹಿಸಲು ಆಗುವುದಿಲ್ಲ
unsupported-tags = ಈ ಹೆಲ್ಪ್‌ಡೆಸ್ಕ್‌ನಲ್ಲಿ ಟ್ಯಾಗ್‌ಗಳಿಲ್ಲ
picker-order-action = ಆರ್ಡರ್ ಕ್ರಮಗಳು
prompt-refund-amount = ಮರುಪಾವತಿ ಮೊತ್ತ (ಆರ್ಡರ್ ಒಟ್ಟು { $total })
prompt-refund-amount-left = ಮರುಪಾವತಿ ಮೊತ್ತ ({ $total } ರಲ್ಲಿ { $left } ಇನ್ನೂ ಮರುಪಾವತಿಸಬಹುದು)
prompt-amount = ಮೊತ್ತ
prompt-reason = ಕಾರಣ
picker-refund-method = ಮರುಪಾವತಿ ವಿಧಾನ
prompt-exchange-variant = ಬದಲಿ ಸೈಜ್ ಅಥವಾ ವೇರಿಯಂಟ್
confirm-order-action = ಆರ್ಡರ್ { $order }: { $action } ಖಚಿತಪಡಿಸಬೇಕೇ? y/n
picker-notice-channel = ಮುಂಚಿತ ಸೂಚನೆ: ಚಾನೆಲ್
prompt-notice-subject = ಮುಂಚಿತ ಸೂಚನೆ: ವಿಷಯ
prompt-notice-body = ಮುಂಚಿತ ಸೂಚನೆ: ಸಂದೇಶ
notice-sent = { $name } ಅವರಿಗೆ ಸೂಚನೆ ಸರತಿಯಲ್ಲಿದೆ

## Search

search-title = ಹುಡುಕಿ
search-hint = ಟಿಕೆಟ್, ಗ್ರಾಹಕರು, ಸಂದೇಶಗಳನ್ನು ಹುಡುಕಲು ಟೈಪ್ ಮಾಡಿ
search-results =
    { $count ->
        [0] ಫಲಿತಾಂಶಗಳಿಲ್ಲ
        [one] { $count } ಫಲಿತಾಂಶ
       *[other] { $count } ಫಲಿತಾಂಶಗಳು
    }
search-no-results = ಫಲಿತಾಂಶಗಳಿಲ್ಲ
search-too-short = ಹುಡುಕಲು ಇನ್ನೊಂದು ಅಕ್ಷರ ಟೈಪ್ ಮಾಡಿ
picker-no-match = ಯಾವುದೂ ಹೊಂದುತ್ತಿಲ್ಲ; ಹಿಂದೆ ಅಳಿಸಿ (Backspace)
search-searching = ಹುಡುಕಲಾಗುತ್ತಿದೆ…

## Help and command palette

help-title = ಕೀಗಳು
palette-title = ಆಜ್ಞೆಗಳ ಪಟ್ಟಿ
palette-hint = ಆಜ್ಞೆಗಳನ್ನು ಹುಡುಕಲು ಟೈಪ್ ಮಾಡಿ

## Changes that need attention (the outbox)

problems-title = ನಿಮ್ಮ ಗಮನ ಬೇಕಿರುವ ಬದಲಾವಣೆಗಳು
outbox-change = ಟಿಕೆಟ್ ಬದಲಾವಣೆ
discard-write = ನನ್ನ ಬದಲಾವಣೆ ತ್ಯಜಿಸಿ
retry-write = ಮತ್ತೆ ಪ್ರಯತ್ನಿಸಿ
outbox-state-pending = ಕಾಯುತ್ತಿದೆ
outbox-state-inflight = ಕಳುಹಿಸಲಾಗುತ್ತಿದೆ
outbox-state-done = ಕಳುಹಿಸಲಾಗಿದೆ
outbox-state-conflict = ಸಂಘರ್ಷ
outbox-state-rejected = ತಿರಸ್ಕೃತ

## Supervisor screen

supervisor-title = ಸೂಪರ್‌ವೈಸರ್
supervisor-views = ಸರತಿಗಳು
supervisor-sla = SLA
supervisor-breached = ಮೀರಿದವು
supervisor-agents = ಏಜೆಂಟ್‌ಗಳು
supervisor-waiting = ಇತ್ತೀಚಿನ ಅಂಕಿಅಂಶಗಳಿಗಾಗಿ ಕಾಯಲಾಗುತ್ತಿದೆ
supervisor-only = ಈ ಪರದೆಯನ್ನು ಸೂಪರ್‌ವೈಸರ್‌ಗಳು ಮಾತ್ರ ತೆರೆಯಬಹುದು
supervisor-groups = ಗುಂಪುಗಳು
supervisor-due-within = { $duration } ಒಳಗೆ ಗಡುವು
supervisor-live = ನೇರ · { $time } ರ ಅಂಕಿಅಂಶಗಳು ({ $ago } ಹಿಂದೆ)
supervisor-stale = ನೇರವಲ್ಲ ({ $state }) · ಕೊನೆಯ ಅಂಕಿಅಂಶಗಳು { $time } ({ $ago } ಹಿಂದೆ)
supervisor-cache = ಈ ಕನ್ಸೋಲ್‌ನ ಸ್ಥಳೀಯ ಕ್ಯಾಶ್‌ನಿಂದ ಎಣಿಸಲಾಗಿದೆ · ಈ ಹೆಲ್ಪ್‌ಡೆಸ್ಕ್ ನೇರ ಅಂಕಿಅಂಶಗಳನ್ನು ಕಳುಹಿಸುವುದಿಲ್ಲ
supervisor-oldest = ಅತಿ ಹೆಚ್ಚು ಹೊತ್ತು ಕಾಯುತ್ತಿರುವುದು
supervisor-oldest-value = #{ $id }, { $duration } ನಿಂದ ಕಾಯುತ್ತಿದೆ
supervisor-first-response = ಇಂದಿನ ಮೊದಲ ಉತ್ತರ (ಮಧ್ಯಾಂಕ)
supervisor-none = ಇನ್ನೂ ಇಲ್ಲ
supervisor-arrivals = ಪ್ರತಿ { $minutes } ನಿಮಿಷಕ್ಕೆ ಹೊಸ ಟಿಕೆಟ್‌ಗಳು, ಕಳೆದ { $hours } ಗಂಟೆಗಳು
supervisor-peak = ಗರಿಷ್ಠ { $count }
supervisor-survey = ಇಂದು { $today } ({ $todayCount }) · ಕಳೆದ { $days } ದಿನಗಳು { $week } ({ $weekCount })
supervisor-hint = { $open }: ಈ ಟಿಕೆಟ್‌ಗಳನ್ನು ತೋರಿಸು · { $back }: ಹಿಂದಕ್ಕೆ
alert-unassigned =
    { $count ->
        [one] { $count } ಟಿಕೆಟ್ ಯಾರಿಗೂ ನಿಯೋಜಿತವಾಗಿಲ್ಲ
       *[other] { $count } ಟಿಕೆಟ್‌ಗಳು ಯಾರಿಗೂ ನಿಯೋಜಿತವಾಗಿಲ್ಲ
    }
alert-sla-breached =
    { $count ->
        [one] { $count } ಟಿಕೆಟ್ SLA ಗಡುವು ಮೀರಿದೆ
       *[other] { $count } ಟಿಕೆಟ್‌ಗಳು SLA ಗಡುವು ಮೀರಿವೆ
    }
picker-status-marked =
    { $count ->
        [one] ಗುರುತಿಸಿದ { $count } ಟಿಕೆಟ್‌ನ ಸ್ಥಿತಿ
       *[other] ಗುರುತಿಸಿದ { $count } ಟಿಕೆಟ್‌ಗಳ ಸ್ಥಿತಿ
    }
picker-priority-marked =
    { $count ->
        [one] ಗುರುತಿಸಿದ { $count } ಟಿಕೆಟ್‌ನ ಆದ್ಯತೆ
       *[other] ಗುರುತಿಸಿದ { $count } ಟಿಕೆಟ್‌ಗಳ ಆದ್ಯತೆ
    }
picker-assign-marked =
    { $count ->
        [one] ಗುರುತಿಸಿದ { $count } ಟಿಕೆಟ್ ಅನ್ನು ಯಾರಿಗೆ ನಿಯೋಜಿಸಬೇಕು
       *[other] ಗುರುತಿಸಿದ { $count } ಟಿಕೆಟ್‌ಗಳನ್ನು ಯಾರಿಗೆ ನಿಯೋಜಿಸಬೇಕು
    }
queued-many =
    { $count ->
        [one] { $count } ಬದಲಾವಣೆ ಉಳಿಸಲಾಗಿದೆ; ಸಂಪರ್ಕ ಸಿಕ್ಕಾಗ ಕಳುಹಿಸಲಾಗುತ್ತದೆ
       *[other] { $count } ಬದಲಾವಣೆಗಳನ್ನು ಉಳಿಸಲಾಗಿದೆ; ಸಂಪರ್ಕ ಸಿಕ್ಕಾಗ ಕಳುಹಿಸಲಾಗುತ್ತದೆ
    }
list-marked = { $count } ಗುರುತಿಸಲಾಗಿದೆ

## Empty states

empty-view = ಈ ವೀಕ್ಷಣೆಯಲ್ಲಿ ಟಿಕೆಟ್‌ಗಳಿಲ್ಲ
select-ticket = ಟಿಕೆಟ್ ಆಯ್ಕೆಮಾಡಿ
select-ticket-first = ಮೊದಲು ಟಿಕೆಟ್ ಆಯ್ಕೆಮಾಡಿ
empty-thread = ಇನ್ನೂ ಸಂದೇಶಗಳಿಲ್ಲ
empty-message = ಸಂದೇಶ ಖಾಲಿ ಇದೆ
empty-customer = ಗ್ರಾಹಕರ ವಿವರಗಳಿಲ್ಲ

## Times (the code picks the unit; numbers are whole)

time-just-now = ಈಗಷ್ಟೇ
time-minutes-ago = { $n } ನಿಮಿ. ಹಿಂದೆ
time-hours-ago = { $n } ಗಂ. ಹಿಂದೆ
time-days-ago = { $n } ದಿನ ಹಿಂದೆ
time-in-minutes = { $n } ನಿಮಿಷದಲ್ಲಿ
time-in-hours = { $n } ಗಂಟೆಯಲ್ಲಿ
time-in-days = { $n } ದಿನದಲ್ಲಿ
time-overdue-minutes = { $n } ನಿಮಿ. ತಡ
time-overdue-hours = { $n } ಗಂ. ತಡ
time-overdue-days = { $n } ದಿನ ತಡ
presence-typing = { $name } (ಟೈಪ್ ಮಾಡುತ್ತಿದ್ದಾರೆ)

unsupported-files = ಈ ಹೆಲ್ಪ್‌ಡೆಸ್ಕ್‌ನಲ್ಲಿ ಸಹಾಯ ಬಳಸಬಹುದಾದ ಫೈಲ್‌ಗಳಿಲ್ಲ
outbox-resend = ಮತ್ತೆ ಕಳುಹಿಸಿ
files-title = ಈ ಟಿಕೆಟ್‌ನ ಫೈಲ್‌ಗಳು
files-none = ಈ ಟಿಕೆಟ್‌ನಲ್ಲಿ ಫೈಲ್‌ಗಳಿಲ್ಲ
file-fetching = { $name } ತರಲಾಗುತ್ತಿದೆ…
file-saved = { $name } ಅನ್ನು { $path } ನಲ್ಲಿ ಉಳಿಸಲಾಗಿದೆ
file-opened = { $name } ಅನ್ನು { $path } ನಲ್ಲಿ ಉಳಿಸಿ ತೆರೆಯಲಾಗಿದೆ
file-failed-offline = { $name } ತರಲಾಗುತ್ತಿಲ್ಲ: ಸರ್ವರ್ ಈಗ ಸಿಗುತ್ತಿಲ್ಲ; ಆನ್‌ಲೈನ್ ಆದ ಮೇಲೆ ಮತ್ತೆ ಪ್ರಯತ್ನಿಸಿ
file-failed-refused = ಸರ್ವರ್ { $name } ಕೊಡಲಿಲ್ಲ: { $detail }
file-failed-damaged = { $name } ಹಾಳಾಗಿ ಬಂದಿದೆ (ಚೆಕ್‌ಸಮ್ ಹೊಂದುತ್ತಿಲ್ಲ); ಮತ್ತೆ ಪ್ರಯತ್ನಿಸಿ
file-failed-disk = { $name } ಉಳಿಸಲಾಗುತ್ತಿಲ್ಲ: { $detail }; ಡೌನ್‌ಲೋಡ್ ಫೋಲ್ಡರ್ ನೋಡಿ
file-failed-unavailable = ಈ ಹೆಲ್ಪ್‌ಡೆಸ್ಕ್‌ನಲ್ಲಿ ಸಹಾಯ ತರಬಹುದಾದ ಫೈಲ್‌ಗಳಿಲ್ಲ
file-attach-title = ಫೈಲ್ ಲಗತ್ತಿಸಿ (ಅದರ ದಾರಿ)
file-attached = { $name } ಲಗತ್ತಿಸಲಾಗಿದೆ ({ $size })
file-not-found = { $path } ನಲ್ಲಿ ಯಾವ ಫೈಲೂ ಇಲ್ಲ; ದಾರಿ ಪರಿಶೀಲಿಸಿ
file-is-folder = { $path } ಒಂದು ಫೋಲ್ಡರ್; ಫೈಲ್‌ನ ದಾರಿ ಕೊಡಿ
file-too-large = { $path } { $limit } ಗಿಂತ ದೊಡ್ಡದು; ಚಿಕ್ಕ ಫೈಲ್ ಅಥವಾ ಲಿಂಕ್ ಕಳುಹಿಸಿ
file-unreadable = { $path } ಓದಲಾಗುತ್ತಿಲ್ಲ: { $error }
file-too-many = ಒಂದು ಉತ್ತರದಲ್ಲಿ ಹೆಚ್ಚೆಂದರೆ { $count } ಫೈಲ್‌ಗಳು
undelivered-title = ಈ ಉತ್ತರ ತಲುಪಿಲ್ಲ
undelivered-hint = { $key }: ಮತ್ತೆ ಕಳುಹಿಸಿ, ಅಥವಾ ಬೇರೆ ಚಾನೆಲ್‌ನಲ್ಲಿ
resend-same = { $channel } ನಲ್ಲಿ ಮತ್ತೆ ಕಳುಹಿಸಿ
resend-other = { $channel } ನಲ್ಲಿ ಕಳುಹಿಸಿ ({ $handle })
open-ticket = ಟಿಕೆಟ್ #{ $id } ತೆರೆಯಿರಿ

## Searches in the list, saved views, groups, marked tickets

list-search = ಹುಡುಕಾಟ: { $query }
header-group = ಗುಂಪು { $group }
picker-group = ಗುಂಪು ಆಯ್ಕೆಮಾಡಿ
picker-group-marked =
    { $count ->
        [one] ಗುರುತಿಸಿದ { $count } ಟಿಕೆಟ್‌ಗೆ ಗುಂಪು
       *[other] ಗುರುತಿಸಿದ { $count } ಟಿಕೆಟ್‌ಗಳಿಗೆ ಗುಂಪು
    }
prompt-tags-marked =
    { $count ->
        [one] ಗುರುತಿಸಿದ { $count } ಟಿಕೆಟ್‌ನ ಟ್ಯಾಗ್‌ಗಳು: cod ಅಥವಾ +cod ಸೇರಿಸುತ್ತದೆ, -cod ತೆಗೆಯುತ್ತದೆ
       *[other] ಗುರುತಿಸಿದ { $count } ಟಿಕೆಟ್‌ಗಳ ಟ್ಯಾಗ್‌ಗಳು: cod ಅಥವಾ +cod ಸೇರಿಸುತ್ತದೆ, -cod ತೆಗೆಯುತ್ತದೆ
    }
prompt-view-name = { $query } ಇದರ ವೀಕ್ಷಣೆಗೆ ಹೆಸರು
prompt-view-key = “{ $name }” ತೋರಿಸುವ ಕೀ (ಉದಾ. 7)
view-saved = “{ $name }” ವೀಕ್ಷಣೆ ಉಳಿಸಲಾಗಿದೆ: { $key } ಅದನ್ನು ತೋರಿಸುತ್ತದೆ
view-already-saved = ಇದು ಉಳಿಸಿದ ವೀಕ್ಷಣೆ “{ $name }” (ಕೀ { $key })
view-save-needs-search = ಮೊದಲು ಹುಡುಕಿ ({ $search }), ನಂತರ { $list } ಸಿಕ್ಕಿದ್ದನ್ನು ಪಟ್ಟಿಯಲ್ಲಿ ತೋರಿಸುತ್ತದೆ; ಅದನ್ನು ವೀಕ್ಷಣೆಯಾಗಿ ಉಳಿಸಿ
picker-macro-marked =
    { $count ->
        [one] ಗುರುತಿಸಿದ { $count } ಟಿಕೆಟ್‌ಗೆ ಮ್ಯಾಕ್ರೋ (ತಕ್ಷಣ ಕಳುಹಿಸಲಾಗುತ್ತದೆ)
       *[other] ಗುರುತಿಸಿದ { $count } ಟಿಕೆಟ್‌ಗಳಿಗೆ ಮ್ಯಾಕ್ರೋ (ತಕ್ಷಣ ಕಳುಹಿಸಲಾಗುತ್ತದೆ)
    }
macro-queued-marked =
    { $count ->
        [one] { $count } ಟಿಕೆಟ್‌ಗೆ ಮ್ಯಾಕ್ರೋ ಉಳಿಸಲಾಗಿದೆ
       *[other] { $count } ಟಿಕೆಟ್‌ಗಳಿಗೆ ಮ್ಯಾಕ್ರೋ ಉಳಿಸಲಾಗಿದೆ
    }
macro-queued-marked-some = { $count } ಟಿಕೆಟ್‌ಗಳಿಗೆ ಮ್ಯಾಕ್ರೋ ಉಳಿಸಲಾಗಿದೆ; { $left } ಗುರುತಿಸಿಯೇ ಉಳಿದಿವೆ, ಅವುಗಳ ಪ್ಲೇಸ್‌ಹೋಲ್ಡರ್‌ಗಳನ್ನು ಕ್ಯಾಶ್ ತುಂಬಲಾರದು: { $tickets }. ಪ್ರತಿಯೊಂದಕ್ಕೂ ಪ್ರತ್ಯೇಕವಾಗಿ ಅನ್ವಯಿಸಿ
picker-history = ಈ ಗ್ರಾಹಕರ ಟಿಕೆಟ್‌ಗಳು
history-back = ← #{ $id } { $subject } ಗೆ ಹಿಂತಿರುಗಿ
history-none = ಈ ಗ್ರಾಹಕರಿಗೆ ಬೇರೆ ಟಿಕೆಟ್ ಇಲ್ಲ
history-not-cached = ಆ ಟಿಕೆಟ್ ಇನ್ನೂ ಸ್ಥಳೀಯ ಕ್ಯಾಶ್‌ನಲ್ಲಿ ಇಲ್ಲ; ಸಿಂಕ್ ಮಾಡಿ, ನಂತರ ಮತ್ತೆ ಪ್ರಯತ್ನಿಸಿ
## Suggested macros: what the ticket is about, and why

intent-where-is-my-order = ನನ್ನ ಆರ್ಡರ್ ಎಲ್ಲಿದೆ
intent-late-delivery = ತಡವಾದ ಡೆಲಿವರಿ
intent-wrong-item = ತಪ್ಪು ವಸ್ತು
intent-damaged = ಹಾನಿಯಾದ ವಸ್ತು
intent-refund-status = ಮರುಪಾವತಿ ಸ್ಥಿತಿ
intent-cancel = ರದ್ದು
intent-address-change = ವಿಳಾಸ ಬದಲಾವಣೆ
intent-payment-failed = ಪಾವತಿ ವಿಫಲ
intent-cod = ಕ್ಯಾಶ್ ಆನ್ ಡೆಲಿವರಿ
intent-exchange-size = ಬೇರೆ ಗಾತ್ರಕ್ಕೆ ವಿನಿಮಯ
intent-other = ಇತರೆ
intent-fact-late = ತಡವಾಗಿದೆ
intent-fact-in-transit = ದಾರಿಯಲ್ಲಿದೆ
intent-fact-not-dispatched = ಇನ್ನೂ ರವಾನೆಯಾಗಿಲ್ಲ
intent-fact-delivered = ತಲುಪಿಸಲಾಗಿದೆ
intent-fact-delivery-failed = ಡೆಲಿವರಿ ವಿಫಲವಾಗಿದೆ
intent-fact-returned-to-origin = ಮಾರಾಟಗಾರರಿಗೆ ಹಿಂತಿರುಗಿದೆ
intent-fact-cod = ಕ್ಯಾಶ್ ಆನ್ ಡೆಲಿವರಿ
intent-fact-payment-failed = ಪಾವತಿ ವಿಫಲ
intent-fact-payment-pending = ಪಾವತಿ ಬಾಕಿ ಇದೆ
intent-fact-refunded = ಮರುಪಾವತಿಯಾಗಿದೆ
macro-why-words-facts = { $intent } — { $words } ಎಂದು ಬರೆದಿದ್ದಾರೆ · ಆರ್ಡರ್ { $order }: { $facts }
macro-why-words = { $intent } — { $words } ಎಂದು ಬರೆದಿದ್ದಾರೆ
macro-why-facts = { $intent } — ಆರ್ಡರ್ { $order }: { $facts }
macro-why-intent = { $intent }

## Order actions: what is still possible, the questions they ask

order-note-refundable = { $total } ರಲ್ಲಿ { $left } ಮರುಪಾವತಿಸಬಹುದು
order-note-returnable = { $ordered } ರಲ್ಲಿ { $left } ವಸ್ತುಗಳನ್ನು ಇನ್ನೂ ರಿಟರ್ನ್ ಅಥವಾ ವಿನಿಮಯ ಮಾಡಬಹುದು
order-note-cancel-refund = { $amount } ಪಾವತಿಸಿದ ಮೂಲಕ್ಕೆ ಹಿಂತಿರುಗುತ್ತದೆ
order-note-address = ಈಗಿನ ವಿಳಾಸ: { $address }
picker-order-items = ಯಾವ ವಸ್ತುಗಳು?
order-items-all = ಉಳಿದ ಎಲ್ಲವೂ ({ $count } ವಸ್ತುಗಳು)
order-item-left = { $name } · { $ordered } ರಲ್ಲಿ { $left } ಉಳಿದಿದೆ
prompt-quantity = { $name } ಎಷ್ಟು? (1–{ $left })
error-quantity = 1 ರಿಂದ { $left } ವರೆಗಿನ ಸಂಖ್ಯೆ ನಮೂದಿಸಿ
prompt-ifsc = ಗ್ರಾಹಕರ ಬ್ಯಾಂಕ್ ಶಾಖೆಯ IFSC (ಉದಾ. SBIN0001234)
prompt-account-number = ಗ್ರಾಹಕರ ಬ್ಯಾಂಕ್ ಖಾತೆ ಸಂಖ್ಯೆ
prompt-upi-id = ಗ್ರಾಹಕರ UPI ಐಡಿ (ಉದಾ. name@okaxis)
prompt-address-line = ಹೊಸ ವಿಳಾಸ: ಮನೆ, ರಸ್ತೆ, ಪ್ರದೇಶ
prompt-city = ನಗರ
prompt-pin-code = ಪಿನ್ ಕೋಡ್ (6 ಅಂಕಿ)
prompt-postal-code-np = ಅಂಚೆ ಕೋಡ್ (5 ಅಂಕಿ)
picker-slot = ಕೊರಿಯರ್ ಮತ್ತೆ ಯಾವಾಗ ಬರಬೇಕು?
slot-window-09-13 = ಬೆಳಿಗ್ಗೆ (9–13)
slot-window-13-17 = ಮಧ್ಯಾಹ್ನ (13–17)
slot-window-17-21 = ಸಂಜೆ (17–21)
slot-label = { $date }, { $window }
order-detail-refund-to = { $to } ಗೆ { $amount }
label-order-changes = ರದ್ದು, ವಿಳಾಸ ಬದಲಾವಣೆ, ಮರು ಡೆಲಿವರಿ

## Merging tickets
prompt-merge = #{ $id } ಅನ್ನು ಯಾವ ಟಿಕೆಟ್‌ಗೆ ವಿಲೀನಗೊಳಿಸಬೇಕು? ಅದರ ಸಂಖ್ಯೆ, ಅಥವಾ ಹುಡುಕಲು ಪದಗಳು
prompt-merge-marked =
    { $count ->
        [one] ಗುರುತಿಸಿದ { $count } ಟಿಕೆಟ್ ಅನ್ನು ಯಾವ ಟಿಕೆಟ್‌ಗೆ ವಿಲೀನಗೊಳಿಸಬೇಕು? ಅದರ ಸಂಖ್ಯೆ, ಅಥವಾ ಹುಡುಕಲು ಪದಗಳು
       *[other] ಗುರುತಿಸಿದ { $count } ಟಿಕೆಟ್‌ಗಳನ್ನು ಯಾವ ಟಿಕೆಟ್‌ಗೆ ವಿಲೀನಗೊಳಿಸಬೇಕು? ಅದರ ಸಂಖ್ಯೆ, ಅಥವಾ ಹುಡುಕಲು ಪದಗಳು
    }
picker-merge-target = ಯಾವ ಟಿಕೆಟ್‌ಗೆ ವಿಲೀನಗೊಳಿಸಬೇಕು? ({ $count } ಸಿಕ್ಕಿವೆ)
confirm-merge = #{ $id } ಅನ್ನು #{ $into } “{ $subject }” ಗೆ ವಿಲೀನಗೊಳಿಸಬೇಕೆ? ಅದರ ಸಂದೇಶಗಳು ({ $messages }), ಟ್ಯಾಗ್‌ಗಳು ({ $tags }) ಮತ್ತು ಗ್ರಾಹಕರ ಕೊಂಡಿಗಳು #{ $into } ಗೆ ಹೋಗುತ್ತವೆ; #{ $id } ಮುಚ್ಚಲಾಗುತ್ತದೆ.
confirm-merge-marked = { $count } ಟಿಕೆಟ್‌ಗಳನ್ನು #{ $into } “{ $subject }” ಗೆ ವಿಲೀನಗೊಳಿಸಬೇಕೆ? ಅವುಗಳ ಸಂದೇಶಗಳು ({ $messages }), ಟ್ಯಾಗ್‌ಗಳು ({ $tags }) ಮತ್ತು ಗ್ರಾಹಕರ ಕೊಂಡಿಗಳು #{ $into } ಗೆ ಹೋಗುತ್ತವೆ; ಆ { $count } ಮುಚ್ಚಲಾಗುತ್ತವೆ.
merge-no-new-tags = ಹೊಸದಿಲ್ಲ
merge-skipped = ವಿಲೀನವಾಗದವು: { $list }
queued-merge = #{ $id } ಅನ್ನು #{ $into } ಗೆ ವಿಲೀನಗೊಳಿಸುವುದನ್ನು ಉಳಿಸಲಾಗಿದೆ; ಸಂಪರ್ಕ ಸಿಕ್ಕಾಗ ಒಮ್ಮೆ ಕಳುಹಿಸಲಾಗುತ್ತದೆ
queued-merge-many = #{ $into } ಗೆ { $count } ವಿಲೀನಗಳನ್ನು ಉಳಿಸಲಾಗಿದೆ; ಸಂಪರ್ಕ ಸಿಕ್ಕಾಗ ಪ್ರತಿಯೊಂದನ್ನೂ ಒಮ್ಮೆ ಕಳುಹಿಸಲಾಗುತ್ತದೆ
outbox-merge = ವಿಲೀನ #{ $id } → #{ $into }
unsupported-merge = ಈ ಹೆಲ್ಪ್‌ಡೆಸ್ಕ್‌ನಲ್ಲಿ ಸಹಾಯದಿಂದ ಟಿಕೆಟ್‌ಗಳನ್ನು ವಿಲೀನಗೊಳಿಸಲು ಆಗದು
outbox-problems-grouped =
    { $count ->
        [one] ಸರ್ವರ್ { $count } ಬದಲಾವಣೆಯನ್ನು ಸ್ವೀಕರಿಸಲಿಲ್ಲ — { $groups }; ನೋಡಲು { $key } ಒತ್ತಿ
       *[other] ಸರ್ವರ್ { $count } ಬದಲಾವಣೆಗಳನ್ನು ಸ್ವೀಕರಿಸಲಿಲ್ಲ — { $groups }; ನೋಡಲು { $key } ಒತ್ತಿ
    }
header-merged-into = { $status }, #{ $id } ಗೆ ವಿಲೀನವಾಗಿದೆ
