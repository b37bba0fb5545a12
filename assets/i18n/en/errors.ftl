### Errors, warnings and notices.

## Conflicts: someone else changed the ticket first

conflict-title = This ticket changed meanwhile
conflict-theirs = Theirs
conflict-mine = Mine
keep-theirs = Keep theirs
reapply-mine = Re-apply mine

## Writes the server refused

error-rejected = The server refused this change: { $reason }
error-rejected-short = Refused: { $reason }
# Refusals the console can explain in the agent's language (by the server's
# error code); any other refusal shows error-rejected with the server's words.
rejected-ticket-closed = The ticket is closed; open a new ticket to write to the customer again
rejected-not-found = It no longer exists on the server; discard this change
rejected-forbidden = Your account may not do this; ask a supervisor
rejected-too-many-tags = A ticket can carry at most 30 tags; remove some and try again
rejected-bad-tag = A tag is too long or has control characters; use at most 40 plain characters
rejected-body-too-long = The message is too long; shorten it or split it in two
rejected-empty-body = The message is empty; write something first
rejected-unknown-agent = That agent no longer exists; assign the ticket to someone else
rejected-bad-assignee = An integration account cannot own tickets; assign a person
rejected-unknown-order = That order does not exist; check the order number
rejected-wrong-customer = The order belongs to another customer; choose this customer's order
rejected-wrong-currency = The amount is in another currency than the order
rejected-bad-amount = The refund is more than what is still refundable on this order; enter a smaller amount
rejected-missing-amount = A refund needs an amount
rejected-cod-refund-method = A cash-on-delivery order cannot be refunded to its source; choose UPI, bank transfer or store credit
rejected-not-delivered = The order has not been delivered yet; a return or exchange waits for delivery
rejected-already-open = This order already has one open; update that one instead
rejected-missing-variant = An exchange needs the size or variant the customer wants instead
rejected-missing-reason = Say why; the reason is kept with the order
rejected-unknown-item = The order has no such item
rejected-no-handle = The customer has no contact on that channel; choose a channel they use
rejected-missing-subject = A notice needs a subject
rejected-subject-too-long = The subject is longer than 200 characters; shorten it
rejected-empty-patch = Nothing was left to change; discard this entry
rejected-idempotency-key-reused = The server already has a different change under this entry's key; discard it and make the change again

## Offline

offline-notice = Offline: your work is saved here and goes out when the connection returns
offline-since = Offline since { $time }
offline-retry = Trying again { $time }

## Local problems

error-cache-write = Could not save to the local cache: { $error }
error-cache-read = Could not read the local cache ({ $error }); try again, and restart sahaya if it keeps happening
error-config-permissions = Config file { $path } is readable by others; run chmod 600 { $path }
error-config = Problem in the config file: { $error }
error-keymap = Problem in your keymap, using the built-in keys: { $error }
error-required = This cannot be empty
error-bad-amount = Enter an amount such as 499 or 499.50, at most the order total
error-refund-too-much = At most { $left } can still be refunded on this order
error-refunded-in-full = Order { $order } is already refunded in full ({ $total }); its refunds are in the customer pane
error-terminal-too-small = Make the terminal at least { $width }×{ $height }
error-unauthorized = The server refused the token; check the one given (--token, SAHAYA_TOKEN, the config file, the keyring or the token file)
error-server = The server answered with an error: { $error }

## Language

notice-unknown-language = Unknown language { $lang }, showing English
warn-ticket-solved = This ticket was solved or closed meanwhile. Send the reply anyway? y/n
warn-new-customer-message = The customer wrote again while you were typing. Send anyway? y/n
warn-cannot-check = Could not check whether the ticket changed while you were typing ({ $error }). Send anyway? y/n
resolve-title = What to do with this change?

## Search queries that cannot run (docs/search.md). { $text } is the part
## of the query that is wrong, as typed; field names and values stay in
## English because that is how they are typed.

query-error-at = Column { $column }: { $problem }
query-unclosed-quote = the quote in { $text } is not closed; add a closing "
query-nothing-to-exclude = “-” excludes what follows it; put it right before a word or field, e.g. -status:solved
query-misplaced-or = OR needs a term on each side, e.g. status:open OR status:pending
query-unknown-field = there is no field “{ $name }”; use one of { $fields }, or put the text in quotes to search for it
query-empty-value = { $field }: needs a value after the colon
query-unknown-value = “{ $text }” is not a { $field } here; use one of { $allowed }
query-bad-phone = “{ $text }” is not a phone number; use digits, e.g. phone:9845012345
query-bad-age = “{ $text }” is not an age; write e.g. { $field }:<2d or { $field }:>1h (units m, h, d, w)
query-bad-number = “{ $text }” is not a number from { $min } to { $max }; write e.g. { $field }:<3
query-nothing-to-search = “{ $text }” has no letter or digit to search for

## Saved views and marked tickets

error-saved-views = Could not read or write the saved views ({ $error }); fix or move the file
error-tags-marked = Type tags to add (cod or +cod) or to remove (-cod)
view-key-bad = “{ $key }” is not one key; type a key such as 7 or alt-1
view-key-taken = { $key } is already used for “{ $by }”; choose another key
view-broken = The saved view “{ $name }” no longer reads as a search; fix its query in views.toml
## Order actions the server refuses (its error codes)

rejected-order-cancelled = The order is cancelled; nothing more can be done to it
rejected-already-dispatched = The order has left the warehouse; once it is delivered, offer a return instead
rejected-not-failed-delivery = Only a failed delivery can be tried again
rejected-not-paid = The order was never paid; there is nothing to refund
rejected-cod-not-delivered = A cash-on-delivery order is paid at the door: nothing to refund before it is delivered
rejected-refund-to-source = A prepaid order is refunded to where it was paid from, or as store credit
rejected-missing-refund-destination = Say where the money goes: the bank account (IFSC and number) or the UPI id
rejected-wrong-refund-destination = The destination does not fit the method: a bank transfer needs a bank account, UPI a UPI id
rejected-bad-ifsc = An IFSC has 11 characters: 4 letters, a 0, then 6 letters or digits (SBIN0001234)
rejected-bad-account-number = A bank account number has 9 to 18 digits
rejected-bad-upi-id = A UPI id looks like name@bank (ramesh@okaxis)
rejected-missing-address = An address needs the house and street, and the city
rejected-bad-pin-code = A PIN code in India has 6 digits and does not start with 0
rejected-bad-postal-code = A postal code in Nepal has 5 digits (44600 for Kathmandu)
rejected-missing-slot = A reattempt needs a day and a time of day
rejected-bad-slot = The reattempt can be booked from tomorrow up to 7 days ahead
rejected-bad-quantity = More pieces than are left to return or exchange; choose fewer
rejected-nothing-left = Every item of the order was already returned or exchanged

## Merging tickets
error-merge-no-ticket = No ticket #{ $id } in this console; check the number or type words to find it
error-merge-no-match = No open ticket matches; try other words or the ticket's number
conflict-merge = Ticket #{ $id } changed since you chose the merge; look at it, then merge again (re-apply) or drop the merge (keep theirs)
merge-refused-merge-into-itself = A ticket cannot be merged into itself; choose another ticket
merge-refused-unknown-ticket = The ticket to merge into does not exist; check its number
merge-refused-already-merged = This ticket was merged already; work on the ticket it went into
merge-refused-target-merged = The ticket to merge into was itself merged into another; merge into that one
merge-refused-target-closed = The ticket to merge into is closed; choose an open one
merge-refused-wrong-customer = The tickets belong to different customers; only one customer's tickets can be merged
merge-refused-too-many-tags = Together the tickets carry more than 30 tags; remove some first
merge-refused-not-found = The ticket no longer exists on the server; discard the merge
