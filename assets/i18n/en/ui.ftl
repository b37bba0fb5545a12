### The console's screens: panes, views, status bar, composer, pickers,
### search, help, supervisor screen, empty states, times.
###
### Placeholders are filled by the code and must keep their names in every
### language. Counts are numbers, so plural variants ([one], [other], ...)
### follow the language's CLDR rules.

## Panes

pane-tickets = Tickets
pane-conversation = Conversation
pane-customer = Customer

## Views (ids: view- + the view's name with dashes)

view-mine = Mine
view-unassigned = Unassigned
view-open = Open
view-pending = Pending
view-solved = Solved
view-sla-due = SLA due
view-all = All
view-count =
    { $count ->
        [one] 1 ticket
       *[other] { $count } tickets
    }
# A view tab: name and number of tickets, e.g. "Mine 12".
view-tab = { $name } { $count }

## Status bar

outbox-waiting = { $count } waiting
outbox-problems =
    { $count ->
        [one] 1 change needs attention
       *[other] { $count } changes need attention
    }
# Flashed when a change the agent made was refused or ran into a conflict.
outbox-problems-new = The server did not take a change; press { $key } to see why
undelivered-count =
    { $count ->
        [one] 1 reply not delivered
       *[other] { $count } replies not delivered
    }
# Flashed when a channel could not deliver one of the agent's replies.
undelivered-new = A reply could not be delivered; press { $key } to see why
last-sync = last sync { $time }
logged-in-as = logged in as { $name }
sync-progress = syncing { $percent }%
sync-requested = Syncing now
help-hint = { $key } help
queued = Saved; it goes out when the connection allows
romanized-on = Showing Kannada, Telugu and Nepali in Latin letters
romanized-off = Showing the original script
# Typing from Latin letters (the transliteration toggle). In the status bar
# while it is off in a text field: the key that turns it on, and the script.
typing-offer = { $key } for { $script }
# Flashed when it is turned on or the script changes ($key: the toggle,
# $next: the key that changes the script), and when it is turned off.
typing-now-on = Latin letters now type { $script } ({ $key } turns it off, { $next } changes the script)
typing-now-off = Latin letters type as they are ({ $key } for { $script })

## Connection

conn-connecting = connecting
conn-online = online
conn-offline = offline
conn-syncing = syncing
conn-degraded = degraded
conn-reconnecting = reconnecting
conn-unauthorized = not signed in
conn-retrying = retrying on its own

## Ticket list

list-unassigned = unassigned
list-assigned-to = { $name }
list-new-messages =
    { $count ->
        [one] 1 new message
       *[other] { $count } new messages
    }
ticket-number = #{ $id }

## Ticket details and the conversation

label-subject = Subject
label-status = Status
label-priority = Priority
label-assignee = Assignee
label-requester = Requester
label-channel = Channel
label-tags = Tags
label-sla = SLA
label-created = Created
label-updated = Updated
thread-from = { $name } via { $channel }
thread-older-messages =
    { $count ->
        [one] 1 older message
       *[other] { $count } older messages
    }

## Customer pane

label-profile = Profile
label-name = Name
label-email = Email
label-phone = Phone
label-city = City
label-customer-since = Customer since
label-preferred-language = Preferred language
label-lifetime-value = Lifetime value
label-orders = Orders
label-order = Order
label-items = Items
label-total = Total
label-payment = Payment
label-shipment = Shipment
label-carrier = Carrier
label-tracking = Tracking
label-eta = ETA
label-late = Late
late-by-days =
    { $days ->
        [one] late by 1 day
       *[other] late by { $days } days
    }
label-returns = Returns
label-refunds = Refunds
label-exchanges = Exchanges
label-past-tickets = Past tickets
label-satisfaction = Satisfaction
label-csat = CSAT
label-nps = NPS
label-notes = Notes
csat-score = { $score }/5
nps-score = { $score }/10

## Composer

composer-reply = Reply
composer-note = Internal note
composer-hint = Ctrl-s send · Ctrl-t reply/note · Esc cancel
# The same hint built from the agent's own keys.
composer-hint-keys = { $send } send · { $toggle } reply/note · { $cancel } cancel
composer-reply-to = Reply to { $name } by { $channel }
composer-note-info = Only agents see internal notes
composer-customer-wrote = The customer wrote again while you were typing
confirm-discard-draft = Discard this draft? y/n

## Confirmations

confirm-title = Please confirm
confirm-hint = y yes · n no
confirm-quit-unsent =
    { $count ->
        [one] 1 change is not sent yet; it will be sent next time. Quit? y/n
       *[other] { $count } changes are not sent yet; they will be sent next time. Quit? y/n
    }

## Pickers and prompts

picker-status = Choose status
picker-priority = Choose priority
picker-assign = Assign to
unassigned = Unassigned
prompt-tags = Tags (comma separated)
picker-macro = Choose macro
no-macros = No macros yet
prompt-placeholder = Fill in { $name }
macro-applied = Macro applied; check the draft, then send
picker-order = Choose order
no-orders = This customer has no orders
unsupported-orders = This helpdesk has no orders: no refunds, returns or exchanges here
unsupported-macros = This helpdesk has no macros
unsupported-outbound = This helpdesk cannot send proactive notices
unsupported-tags = This helpdesk has no tags
picker-order-action = Order actions
prompt-refund-amount = Amount to refund (order total { $total })
prompt-refund-amount-left = Amount to refund ({ $left } of { $total } still refundable)
prompt-amount = Amount
prompt-reason = Reason
picker-refund-method = Refund method
prompt-exchange-variant = Replacement size or variant
confirm-order-action = Confirm { $action } on order { $order }? y/n
picker-notice-channel = Proactive notice: channel
prompt-notice-subject = Proactive notice: subject
prompt-notice-body = Proactive notice: message
notice-sent = Notice queued for { $name }

## Search

search-title = Search
search-hint = Type to search tickets, customers and messages
search-results =
    { $count ->
        [0] no results
        [one] 1 result
       *[other] { $count } results
    }
search-no-results = no results
search-too-short = type one more letter to search
picker-no-match = nothing matches; Backspace to widen
search-searching = searching…

## Help and command palette

help-title = Keys
palette-title = Command palette
palette-hint = Type to filter commands

## Changes that need attention (the outbox)

problems-title = Changes that need your attention
outbox-change = Ticket change
discard-write = Discard my change
retry-write = Try again
outbox-state-pending = waiting
outbox-state-inflight = sending
outbox-state-done = sent
outbox-state-conflict = conflict
outbox-state-rejected = refused

## Supervisor screen

supervisor-title = Supervisor
supervisor-views = Queues
supervisor-sla = SLA
supervisor-breached = Breached
supervisor-agents = Agents
supervisor-waiting = Waiting for the latest figures
supervisor-only = Only supervisors can open this screen
supervisor-groups = Groups
supervisor-due-within = Due within { $duration }
supervisor-live = Live · figures of { $time } ({ $ago } ago)
supervisor-stale = Not live ({ $state }) · last figures of { $time } ({ $ago } ago)
supervisor-cache = Counted from this console's cache · this helpdesk sends no live figures
supervisor-oldest = Oldest waiting
supervisor-oldest-value = #{ $id }, waiting { $duration }
supervisor-first-response = First reply today (median)
supervisor-none = none yet
supervisor-arrivals = New tickets per { $minutes } minutes, last { $hours } hours
supervisor-peak = peak { $count }
supervisor-survey = today { $today } ({ $todayCount }) · last { $days } days { $week } ({ $weekCount })
supervisor-hint = { $open }: show these tickets · { $back }: back
alert-unassigned =
    { $count ->
        [one] { $count } ticket is unassigned
       *[other] { $count } tickets are unassigned
    }
alert-sla-breached =
    { $count ->
        [one] { $count } ticket is past its SLA
       *[other] { $count } tickets are past their SLA
    }
picker-status-marked =
    { $count ->
        [one] Status for { $count } marked ticket
       *[other] Status for { $count } marked tickets
    }
picker-priority-marked =
    { $count ->
        [one] Priority for { $count } marked ticket
       *[other] Priority for { $count } marked tickets
    }
picker-assign-marked =
    { $count ->
        [one] Assign { $count } marked ticket to
       *[other] Assign { $count } marked tickets to
    }
queued-many =
    { $count ->
        [one] { $count } change saved; it goes out when the connection allows
       *[other] { $count } changes saved; they go out when the connection allows
    }
list-marked = { $count } marked

## Empty states

empty-view = No tickets in this view
select-ticket = Select a ticket
select-ticket-first = Select a ticket first
empty-thread = No messages yet
empty-message = The message is empty
empty-customer = No customer details

## Times (the code picks the unit; numbers are whole)

time-just-now = just now
time-minutes-ago = { $n }m ago
time-hours-ago = { $n }h ago
time-days-ago = { $n }d ago
time-in-minutes = in { $n }m
time-in-hours = in { $n }h
time-in-days = in { $n }d
time-overdue-minutes = overdue { $n }m
time-overdue-hours = overdue { $n }h
time-overdue-days = overdue { $n }d
presence-typing = { $name } (typing)

unsupported-files = This helpdesk keeps no files sahaya can use
outbox-resend = Send again
files-title = Files of this ticket
files-none = This ticket has no files
file-fetching = Fetching { $name }…
file-saved = Saved { $name } to { $path }
file-opened = Saved { $name } to { $path } and opened it
file-failed-offline = Cannot fetch { $name }: the server is not reachable now; try again once online
file-failed-refused = The server did not give { $name }: { $detail }
file-failed-damaged = { $name } arrived damaged (its checksum differs); try again
file-failed-disk = Cannot save { $name }: { $detail }; check the downloads folder
file-failed-unavailable = This helpdesk keeps no files sahaya can fetch
file-attach-title = Attach a file (its path)
file-attached = Attached { $name } ({ $size })
file-not-found = There is no file at { $path }; check the path
file-is-folder = { $path } is a folder; give the path of a file
file-too-large = { $path } is larger than { $limit }; send a smaller file or a link
file-unreadable = Cannot read { $path }: { $error }
file-too-many = A reply carries at most { $count } files
undelivered-title = This reply was not delivered
undelivered-hint = { $key }: send it again, or on another channel
resend-same = Send again on { $channel }
resend-other = Send on { $channel } ({ $handle })
open-ticket = Open ticket #{ $id }

## Searches in the list, saved views, groups, marked tickets

list-search = Search: { $query }
header-group = group { $group }
picker-group = Group
picker-group-marked =
    { $count ->
        [one] Group for { $count } marked ticket
       *[other] Group for { $count } marked tickets
    }
prompt-tags-marked =
    { $count ->
        [one] Tags for { $count } marked ticket: cod or +cod adds, -cod removes
       *[other] Tags for { $count } marked tickets: cod or +cod adds, -cod removes
    }
prompt-view-name = Name of the view of { $query }
prompt-view-key = Key that shows “{ $name }” (e.g. 7)
view-saved = Saved the view “{ $name }”: { $key } shows it
view-already-saved = This is the saved view “{ $name }” (key { $key })
view-save-needs-search = Search first ({ $search }), then { $list } lists what it finds; save that as a view
picker-macro-marked =
    { $count ->
        [one] Macro for { $count } marked ticket (sent at once)
       *[other] Macro for { $count } marked tickets (sent at once)
    }
macro-queued-marked =
    { $count ->
        [one] Macro queued for { $count } ticket
       *[other] Macro queued for { $count } tickets
    }
macro-queued-marked-some = Macro queued for { $count }; { $left } left marked, the cache cannot fill their placeholders: { $tickets }. Apply it to each alone
picker-history = This customer's tickets
history-back = ← Back to #{ $id } { $subject }
history-none = This customer has no other ticket
history-not-cached = That ticket is not in the local cache yet; sync, then try again
## Suggested macros: what the ticket is about, and why

intent-where-is-my-order = Where is my order
intent-late-delivery = Late delivery
intent-wrong-item = Wrong item
intent-damaged = Damaged
intent-refund-status = Refund status
intent-cancel = Cancel
intent-address-change = Address change
intent-payment-failed = Payment failed
intent-cod = Cash on delivery
intent-exchange-size = Exchange for another size
intent-other = Other
intent-fact-late = late
intent-fact-in-transit = on its way
intent-fact-not-dispatched = not dispatched yet
intent-fact-delivered = delivered
intent-fact-delivery-failed = delivery failed
intent-fact-returned-to-origin = returned to the seller
intent-fact-cod = cash on delivery
intent-fact-payment-failed = payment failed
intent-fact-payment-pending = payment pending
intent-fact-refunded = refunded
macro-why-words-facts = { $intent } — mentions { $words } · order { $order }: { $facts }
macro-why-words = { $intent } — mentions { $words }
macro-why-facts = { $intent } — order { $order }: { $facts }
macro-why-intent = { $intent }

## Order actions: what is still possible, the questions they ask

order-note-refundable = { $left } of { $total } refundable
order-note-returnable = { $left } of { $ordered } pieces can still be returned or exchanged
order-note-cancel-refund = { $amount } goes back to where it was paid from
order-note-address = Now: { $address }
picker-order-items = Which items?
order-items-all = Everything left ({ $count } pieces)
order-item-left = { $name } · { $left } of { $ordered } left
prompt-quantity = How many pieces of { $name }? (1–{ $left })
error-quantity = Enter a number from 1 to { $left }
prompt-ifsc = IFSC of the customer's bank branch (e.g. SBIN0001234)
prompt-account-number = Customer's bank account number
prompt-upi-id = Customer's UPI id (e.g. name@okaxis)
prompt-address-line = New address: house, street, area
prompt-city = City
prompt-pin-code = PIN code (6 digits)
prompt-postal-code-np = Postal code (5 digits)
picker-slot = When should the courier try again?
slot-window-09-13 = morning (9–13)
slot-window-13-17 = afternoon (13–17)
slot-window-17-21 = evening (17–21)
slot-label = { $date }, { $window }
order-detail-refund-to = { $amount } to { $to }
label-order-changes = Cancellations, address changes, reattempts

## Merging tickets
prompt-merge = Merge #{ $id } into which ticket? Its number, or words to find it
prompt-merge-marked =
    { $count ->
        [one] Merge { $count } marked ticket into which ticket? Its number, or words to find it
       *[other] Merge { $count } marked tickets into which ticket? Its number, or words to find it
    }
picker-merge-target = Merge into which ticket? ({ $count } found)
confirm-merge = Merge #{ $id } into #{ $into } “{ $subject }”? Its messages ({ $messages }), tags ({ $tags }) and the customer's links move to #{ $into }; #{ $id } is closed.
confirm-merge-marked = Merge { $count } tickets into #{ $into } “{ $subject }”? Their messages ({ $messages }), tags ({ $tags }) and the customer's links move to #{ $into }; the { $count } are closed.
merge-no-new-tags = none new
merge-skipped = not merged: { $list }
queued-merge = Merge of #{ $id } into #{ $into } saved; it is sent once when connected
queued-merge-many = { $count } merges into #{ $into } saved; each is sent once when connected
outbox-merge = Merge #{ $id } → #{ $into }
unsupported-merge = This helpdesk cannot merge tickets from sahaya
outbox-problems-grouped =
    { $count ->
        [one] The server did not take { $count } change — { $groups }; press { $key } to see why
       *[other] The server did not take { $count } changes — { $groups }; press { $key } to see why
    }
header-merged-into = { $status }, merged into #{ $id }
