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

## Offline

offline-notice = Offline: your work is saved here and goes out when the connection returns
offline-since = Offline since { $time }
offline-retry = Trying again { $time }

## Local problems

error-cache-write = Could not save to the local cache: { $error }
error-config-permissions = Config file { $path } is readable by others; run chmod 600 { $path }
error-config = Problem in the config file: { $error }
error-keymap = Problem in your keymap, using the built-in keys: { $error }
error-required = This cannot be empty
error-bad-amount = Enter an amount such as 499 or 499.50, at most the order total
error-terminal-too-small = Make the terminal at least { $width }×{ $height }
error-unauthorized = The server refused the token; check the token in the config file
error-server = The server answered with an error: { $error }

## Language

notice-unknown-language = Unknown language { $lang }, showing English
warn-ticket-solved = This ticket was solved or closed meanwhile. Send the reply anyway? y/n
warn-new-customer-message = The customer wrote again while you were typing. Send anyway? y/n
resolve-title = What to do with this change?
